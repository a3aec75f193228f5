"""Syncs between PM databases through a local bare repository: the real path from the
services through SQLite, the export, git, the merge and the import back into SQLite."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from interview_tui.domain.models import Commitment, Customer, Note, Requirement, Visit
from interview_tui.errors import UserError
from interview_tui.services import commitments
from interview_tui.services.demo import seed_demo
from interview_tui.store.store import Store
from interview_tui.team import actions
from interview_tui.team.sync import init_team, join_team, sync
from tests.team_pms import NOW, TODAY, in_repository, open_pm, two_pms_sharing_a_visit
from tests.team_simulation import _objects


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    where = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(where)], check=True)
    return where


def test_a_sync_counts_the_conflicts_it_found_when_another_closed(
    tmp_path: Path, remote: Path
) -> None:
    """One conflict closed by a colleague and one found, in the same sync: it said "new
    conflicts 0" (the open count before and after) while listing the new one."""
    ana, bo, visit = two_pms_sharing_a_visit(tmp_path, remote)
    first, second = (c.uid for c in ana.commitments(visit.id or 0)[:2])

    def edit(pm: Store, uid: str, **fields: object) -> None:
        record = pm.all(Commitment, "uid = ?", [uid])[0]
        pm.save(record.model_copy(update=fields))

    edit(ana, first, text="ANA-FIRST")
    edit(bo, first, text="BO-FIRST")
    sync(ana, NOW)
    assert sync(bo, NOW).new_conflicts == 1
    sync(ana, NOW)
    assert [c.uid for c in actions.conflicts(ana)] == [first]
    actions.resolve(bo, first, "text", take=1)  # Bo closes it, and edits the second promise
    edit(bo, second, text="BO-SECOND")
    edit(ana, second, text="ANA-SECOND")  # which Ana changed too
    sync(bo, NOW)
    result = sync(ana, NOW)
    assert [c.uid for c in actions.conflicts(ana)] == [second]
    assert result.new_conflicts == 1 and result.open_conflicts == 1


def test_three_pms_share_merge_and_resolve(tmp_path: Path, remote: Path) -> None:
    ana, bo, cy = open_pm(tmp_path, "ana"), open_pm(tmp_path, "bo"), open_pm(tmp_path, "cy")
    seed_demo(ana, TODAY)
    init_team(ana, str(remote), "platform", ana.member, "Ana", NOW)
    visit = ana.all(Visit)[0]
    ana.save(Note(visit_id=visit.id, text="PRIVATE-CANARY-1", private=True))
    ana.save(Note(visit_id=visit.id, text="SHARED-TOKEN-1"))
    summary = actions.share_visit(ana, visit.id or 0, NOW)
    assert summary.notes_kept >= 1
    first = sync(ana, NOW)
    assert first.pushed and first.sent > 0

    join_team(bo, str(remote), bo.member, "Bo", NOW)
    join_team(cy, str(remote), cy.member, "Cy", NOW)
    for pm in (bo, cy):
        assert [c.name for c in pm.all(Customer)] == [ana.get(Customer, visit.customer_id).name]
        texts = [n.text for n in pm.notes(pm.all(Visit)[0].id or 0)]
        assert "SHARED-TOKEN-1" in texts and "PRIVATE-CANARY-1" not in texts

    # Ana and Bo move the same promise's due date differently; Cy closes another one
    uid = ana.commitments(visit.id or 0)[0].uid
    mine = ana.all(Commitment, "uid = ?", [uid])[0]
    theirs = bo.all(Commitment, "uid = ?", [uid])[0]
    commitments.reschedule(ana, mine, date(2027, 1, 10), "ANA-REASON", TODAY)
    commitments.reschedule(bo, theirs, date(2027, 2, 20), "BO-REASON", TODAY)
    sync(ana, NOW)
    result = sync(bo, NOW)
    assert result.new_conflicts == 1
    sync(ana, NOW)
    sync(cy, NOW)
    for pm in (ana, bo, cy):
        [conflict] = actions.conflicts(pm)
        assert conflict.field == "due" and conflict.uid == uid
        assert {v["value"] for v in conflict.values} == {"2027-01-10", "2027-02-20"}
        assert {v["by"] for v in conflict.values} == {ana.member, bo.member}
        reasons = [e.get("reason") for e in pm.all(Commitment, "uid = ?", [uid])[0].history]
        assert "ANA-REASON" in reasons and "BO-REASON" in reasons  # both histories kept

    # Cy resolves: an ordinary edit that every clone takes
    actions.resolve(cy, uid, "due", take=2)
    sync(cy, NOW)
    sync(ana, NOW)
    sync(bo, NOW)
    for pm in (ana, bo, cy):
        assert actions.conflicts(pm) == []
        assert pm.all(Commitment, "uid = ?", [uid])[0].due == date(2027, 2, 20)

    data = _objects(remote)
    assert b"SHARED-TOKEN-1" in data and b"PRIVATE-CANARY-1" not in data
    files = subprocess.run(
        ["git", "--git-dir", str(remote), "ls-tree", "-r", "--name-only", "main"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split()
    report = f"reports/visits/{visit.date.year}/{visit.uid}.md"
    assert report in files and any(f.startswith("reports/customers/") for f in files)
    page = in_repository(remote, report)
    assert "SHARED-TOKEN-1" in page and "PRIVATE-CANARY-1" not in page  # leaders read it
    assert b"<<<<<<<" not in data


def test_a_sync_without_the_remote_keeps_everything_and_sends_it_later(
    tmp_path: Path, remote: Path
) -> None:
    ana, bo, visit = two_pms_sharing_a_visit(tmp_path, remote)
    moved = remote.with_name("moved.git")
    remote.rename(moved)
    requirement = ana.requirements(customer_id=visit.customer_id)[0]
    ana.save(requirement.model_copy(update={"workaround": "OFFLINE-TOKEN"}))
    offline = sync(ana, NOW)
    assert offline.offline and not offline.pushed
    assert offline.sent == 0  # kept here, not sent: the line says so
    assert sync(ana, NOW).sent == 0  # still offline: the same record, still not sent
    moved.rename(remote)
    back = sync(ana, NOW)
    assert back.pushed and back.sent == 1  # the requirement reached the team now
    assert sync(ana, NOW).sent == 0  # and is not counted again
    sync(bo, NOW)
    [got] = bo.all(Requirement, "uid = ?", [requirement.uid])
    assert got.workaround == "OFFLINE-TOKEN"


def test_joining_twice_or_without_a_team_is_one_clear_line(tmp_path: Path, remote: Path) -> None:
    ana = open_pm(tmp_path, "ana")
    with pytest.raises(UserError, match="no team yet"):
        join_team(ana, str(remote), ana.member, "Ana", NOW)
    with pytest.raises(UserError, match="in no team"):
        sync(ana, NOW)


def test_the_same_customer_made_twice_offline_stays_two_until_someone_says_so(
    tmp_path: Path, remote: Path
) -> None:
    from interview_tui.domain.enums import Role
    from interview_tui.domain.models import Person

    ana, bo = open_pm(tmp_path, "ana"), open_pm(tmp_path, "bo")
    seed_demo(ana, TODAY)
    init_team(ana, str(remote), "platform", ana.member, "Ana", NOW)
    join_team(bo, str(remote), bo.member, "Bo", NOW)
    for pm in (ana, bo):  # both meet the same new customer, offline
        customer = pm.save(Customer(name="Fabrikam"))
        pm.save(Person(customer_id=customer.id, name="Lee", role=Role.BUSINESS))
        visit = pm.save(Visit(customer_id=customer.id, date=NOW))
        actions.share_visit(pm, visit.id or 0, NOW)
    for pm in (ana, bo, ana):
        sync(pm, NOW)
    assert [c.name for c in ana.all(Customer, "name = 'Fabrikam'")] == ["Fabrikam", "Fabrikam"]
    first, second = (c.uid for c in bo.all(Customer, "name = 'Fabrikam'"))
    actions.mark_same(bo, first, second)
    for pm in (bo, ana):
        sync(pm, NOW)
    same = {c.uid: c.same_as for c in ana.all(Customer, "name = 'Fabrikam'")}
    assert same == {first: [second], second: [first]}  # both kept, each names the other


def test_a_shared_visit_is_archived_never_deleted_here_alone(tmp_path: Path, remote: Path) -> None:
    from interview_tui.services.archive import delete_for_good, set_archived

    ana = open_pm(tmp_path, "ana")
    seed_demo(ana, TODAY)
    init_team(ana, str(remote), "platform", ana.member, "Ana", NOW)
    visit = ana.all(Visit)[0]
    actions.share_visit(ana, visit.id or 0, NOW)
    set_archived(ana, "visit", visit.id or 0, True)
    with pytest.raises(UserError, match="shared with team platform"):
        delete_for_good(ana, "visit", visit.id or 0)
    assert ana.get(Visit, visit.id or 0) is not None


def test_a_note_edited_on_two_laptops_is_a_conflict_that_can_be_resolved(
    tmp_path: Path, remote: Path
) -> None:
    ana, bo = open_pm(tmp_path, "ana"), open_pm(tmp_path, "bo")
    seed_demo(ana, TODAY)
    init_team(ana, str(remote), "platform", ana.member, "Ana", NOW)
    visit = ana.all(Visit)[0]
    note = ana.save(Note(visit_id=visit.id, text="NOTE-BASE"))
    actions.share_visit(ana, visit.id or 0, NOW)
    sync(ana, NOW)
    join_team(bo, str(remote), bo.member, "Bo", NOW)
    for pm, text in ((ana, "NOTE-ANA"), (bo, "NOTE-BO")):
        [mine] = pm.all(Note, "uid = ?", [note.uid])
        pm.save(mine.model_copy(update={"text": text}))
    for pm in (ana, bo, ana):
        sync(pm, NOW)
    [conflict] = actions.conflicts(bo)
    assert conflict.field == f"notes/{note.uid}/text"
    assert {v["value"] for v in conflict.values} == {"NOTE-ANA", "NOTE-BO"}
    take = 1 + [v["value"] for v in conflict.values].index("NOTE-BO")

    def set_aside_notes(pm: Store) -> list[Note]:
        [here] = pm.all(Visit, "uid = ?", [visit.uid])
        return [n for n in pm.notes(here.id or 0) if "NOTE-ANA" in n.text]

    resolved = actions.resolve(bo, conflict.uid, conflict.field, take=take)
    assert len(set_aside_notes(bo)) == 1
    actions.reopen(bo, resolved)  # ctrl+z of the resolution takes its note back too
    assert set_aside_notes(bo) == [] and len(actions.conflicts(bo)) == 1
    actions.resolve(bo, conflict.uid, conflict.field, take=take)  # and again: one note
    for pm in (bo, ana):
        sync(pm, NOW)
    for pm in (ana, bo):
        assert actions.conflicts(pm) == []
        assert pm.all(Note, "uid = ?", [note.uid])[0].text == "NOTE-BO"
        # Ana's wording, set aside, stays with the visit: an internal note saying whose
        [kept] = set_aside_notes(pm)
        assert kept.internal and f"(written by {ana.member}): NOTE-ANA" in kept.text


def test_a_change_made_after_a_cut_sync_is_still_sent(
    tmp_path: Path, remote: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync cut after its merge (before SQLite took the merged records), then an edit here
    of a record the merge changed: the next sync brings SQLite up to date first, and the
    edit still goes to the team."""
    import interview_tui.team.sync as team_sync

    ana, bo, visit = two_pms_sharing_a_visit(tmp_path, remote)
    uid = ana.requirements(customer_id=visit.customer_id)[0].uid
    [theirs] = bo.all(Requirement, "uid = ?", [uid])
    bo.save(theirs.model_copy(update={"workaround": "BO-WORKAROUND"}))
    sync(bo, NOW)

    real = team_sync.import_range
    calls = []

    def cut(*args, **kwargs):  # the merge is committed here; the process dies before SQLite
        calls.append(args)
        if len(calls) == 1:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(team_sync, "import_range", cut)
    with pytest.raises(KeyboardInterrupt):
        sync(ana, NOW)
    monkeypatch.setattr(team_sync, "import_range", real)
    [mine] = ana.all(Requirement, "uid = ?", [uid])
    assert mine.workaround != "BO-WORKAROUND"  # SQLite does not have the merge yet
    ana.save(mine.model_copy(update={"told_customer": "ANA-TOLD"}))
    other = ana.commitments(visit.id or 0)[0]  # and a later change of another record
    ana.save(other.model_copy(update={"owner_name": "ANA-OWNER"}))
    sync(ana, NOW)
    sync(bo, NOW)
    for pm in (ana, bo):
        [got] = pm.all(Requirement, "uid = ?", [uid])
        assert (got.workaround, got.told_customer) == ("BO-WORKAROUND", "ANA-TOLD")
        assert pm.all(Commitment, "uid = ?", [other.uid])[0].owner_name == "ANA-OWNER"


def test_a_resolved_conflict_keeps_the_values_it_set_aside_in_the_history(
    tmp_path: Path, remote: Path
) -> None:
    """A title two PMs changed differently, resolved by keeping one: the other title stays
    in the record's history on every laptop, with who wrote it (it was only in git's old
    objects); a combined value typed instead keeps both."""
    from interview_tui.i18n import set_language
    from interview_tui.services import requirement_pool
    from interview_tui.services.history import history_lines

    ana, bo, visit = two_pms_sharing_a_visit(tmp_path, remote)
    uid = ana.requirements(customer_id=visit.customer_id)[0].uid
    for pm, token in ((ana, "TITLE-ANA-50"), (bo, "TITLE-BO-51 对账")):
        [requirement] = pm.all(Requirement, "uid = ?", [uid])
        requirement_pool.edit(pm, requirement.id or 0, {"title": token})
    for pm in (ana, bo, ana):
        sync(pm, NOW)
    [conflict] = actions.conflicts(bo)
    keep = next(n for n, v in enumerate(conflict.values, 1) if v["value"] == "TITLE-BO-51 对账")
    actions.resolve(bo, uid, "title", take=keep)
    for pm in (bo, ana):
        sync(pm, NOW)
    for pm in (ana, bo):
        [requirement] = pm.all(Requirement, "uid = ?", [uid])
        assert requirement.title == "TITLE-BO-51 对账" and actions.conflicts(pm) == []
        [entry] = [e for e in requirement.history if e.get("change") == "resolved"]
        assert json.loads(entry["set_aside"]) == [
            {"value": "TITLE-ANA-50", "by": ana.member, "at": entry_at(conflict, "TITLE-ANA-50")}
        ]
    set_language("zh")
    try:
        [line] = [x for x in history_lines(requirement.history) if "TITLE-ANA-50" in x]
    finally:
        set_language("en")
    assert "未采用：TITLE-ANA-50（ana@example.com）" in line
    [line] = [x for x in history_lines(requirement.history, lambda by: "") if "ANA-50" in x]
    assert line.endswith("set aside: TITLE-ANA-50")

    # typed instead of either: both values are set aside
    for pm, token in ((ana, "T2-ANA"), (bo, "T2-BO")):
        [requirement] = pm.all(Requirement, "uid = ?", [uid])
        requirement_pool.edit(pm, requirement.id or 0, {"title": token})
    for pm in (ana, bo):
        sync(pm, NOW)
    actions.resolve(bo, uid, "title", value="T2 both")
    [requirement] = bo.all(Requirement, "uid = ?", [uid])
    aside = json.loads(requirement.history[-1]["set_aside"])
    assert sorted(item["value"] for item in aside) == ["T2-ANA", "T2-BO"]


def entry_at(conflict: actions.Conflict, value: str) -> str:
    return next(v["at"] for v in conflict.values if v["value"] == value)
