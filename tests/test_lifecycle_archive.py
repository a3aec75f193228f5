"""Visit life cycle (allowed moves only, a done visit never demoted by accident) and
archive-don't-erase (a person who left stays in old visits; deleting is separate)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import DataTable

from interview_tui.cli.main import cli
from interview_tui.domain.enums import VisitStatus
from interview_tui.domain.lifecycle import LifecycleError, allowed, check_move, needs_confirmation
from interview_tui.domain.models import Commitment, Customer, Note, Person, Visit
from interview_tui.errors import UserError
from interview_tui.exports.bundle import load_bundle
from interview_tui.exports.reports import recap_md, report_md
from interview_tui.services import archive
from interview_tui.services.customers import load_customer, save_customer
from interview_tui.services.home_data import read_home
from interview_tui.services.plan import mark_rehearsed
from interview_tui.services.visits import move_visit
from tests.conftest import FIXED_TODAY, settle

P, R, L, D = VisitStatus.PLANNED, VisitStatus.REHEARSED, VisitStatus.LIVE, VisitStatus.DONE


def test_only_allowed_moves() -> None:
    assert allowed(P) == (R, L) and allowed(D) == (L,)
    check_move(L, P)  # opened live early: back to planned
    for current, target in [(D, R), (D, P), (P, D), (R, D)]:
        with pytest.raises(LifecycleError):
            check_move(current, target)
    assert needs_confirmation(D, L, FIXED_TODAY, FIXED_TODAY)
    assert needs_confirmation(P, L, FIXED_TODAY.replace(day=29), FIXED_TODAY)
    assert not needs_confirmation(P, L, FIXED_TODAY, FIXED_TODAY)
    assert not needs_confirmation(P, R, FIXED_TODAY.replace(day=29), FIXED_TODAY)


def _done_visit(store) -> Visit:
    return next(v for v in store.visits() if v.status is D)


def test_marking_a_done_visit_rehearsed_leaves_it_done(demo_store) -> None:
    visit = _done_visit(demo_store)
    with pytest.raises(LifecycleError):
        mark_rehearsed(demo_store, visit.id)
    assert demo_store.get(Visit, visit.id).status is D
    planned = next(v for v in demo_store.visits() if v.status is P)
    assert mark_rehearsed(demo_store, planned.id).status is R


def test_a_visit_opened_live_early_goes_back_to_planned(demo_store) -> None:
    planned = next(v for v in demo_store.visits() if v.status is P)
    assert move_visit(demo_store, planned.id, "live").status is L
    assert move_visit(demo_store, planned.id, "planned").status is P
    with pytest.raises(UserError):
        move_visit(demo_store, planned.id, "done")  # never done without the meeting


def _speaker(store, visit: Visit) -> Person:
    """A person who is an attendee of ``visit`` and said one of its notes."""
    said = {n.speaker_id for n in store.notes(visit.id) if n.speaker_id}
    return next(
        p for p in store.people(visit.customer_id) if p.id in said and p.id in visit.attendee_ids
    )


def test_removing_a_person_archives_them_and_an_old_report_is_unchanged(demo_store) -> None:
    visit = _done_visit(demo_store)
    report_before = report_md(load_bundle(demo_store, visit.id), FIXED_TODAY)
    recap_before = recap_md(load_bundle(demo_store, visit.id))
    person = _speaker(demo_store, visit)
    assert person.name in report_before

    form = load_customer(demo_store, visit.customer_id)
    people = [
        p.model_copy(update={"archived_at": demo_store.now()}) if p.id == person.id else p
        for p in form.people
    ]  # what `delete` in the customer form does
    save_customer(demo_store, form.customer, people)

    assert demo_store.get(Person, person.id).archived_at is not None
    assert report_md(load_bundle(demo_store, visit.id), FIXED_TODAY) == report_before
    assert recap_md(load_bundle(demo_store, visit.id)) == recap_before
    assert person.id not in {p.id for p in demo_store.people(visit.customer_id, active_only=True)}
    from interview_tui.services.visits import people_of

    assert person.id not in {p.id for p in people_of(demo_store, visit.customer_id)}
    kept = people_of(demo_store, visit.customer_id, frozenset(visit.attendee_ids))
    assert person.id in {p.id for p in kept}  # editing the old visit keeps them
    archive.set_archived(demo_store, "person", person.id, False)
    assert demo_store.get(Person, person.id).archived_at is None


def test_deleting_for_good_needs_an_archived_record_and_says_what_goes(demo_store) -> None:
    visit = _done_visit(demo_store)
    with pytest.raises(UserError, match="archive"):
        archive.delete_for_good(demo_store, "visit", visit.id)
    archive.set_archived(demo_store, "visit", visit.id, True)
    found = archive.impact(demo_store, "visit", visit.id)
    assert found.notes == len(demo_store.notes(visit.id)) > 0
    assert found.commitments == len(demo_store.commitments(visit.id)) > 0
    indexed = "SELECT count(*) AS n FROM search_index WHERE visit_id = ?"
    hits_before = demo_store.query(indexed, [visit.id])[0]["n"]
    archive.delete_for_good(demo_store, "visit", visit.id)
    assert demo_store.get(Visit, visit.id) is None
    assert demo_store.notes(visit.id) == [] and demo_store.commitments(visit.id) == []
    assert hits_before > 0 and demo_store.query(indexed, [visit.id])[0]["n"] == 0  # index too


def test_deleting_a_person_for_good_leaves_old_notes_without_a_speaker(demo_store) -> None:
    visit = _done_visit(demo_store)
    person = _speaker(demo_store, visit)
    archive.set_archived(demo_store, "person", person.id, True)
    found = archive.impact(demo_store, "person", person.id)
    assert found.attendee_of >= 1 and found.speaker_of >= 1
    archive.delete_for_good(demo_store, "person", person.id)
    assert person.id not in demo_store.get(Visit, visit.id).attendee_ids
    assert all(n.speaker_id != person.id for n in demo_store.all(Note))


def test_archived_customers_and_visits_leave_the_lists(demo_store) -> None:
    customer = demo_store.all(Customer)[0]
    before = read_home(demo_store, FIXED_TODAY)
    archive.set_archived(demo_store, "customer", customer.id, True)
    after = read_home(demo_store, FIXED_TODAY)
    assert customer.name not in {c["name"] for c in after.customers}
    assert all(v["customer"] != customer.name for v in after.visits)
    assert len(after.visits) < len(before.visits)
    shelved = read_home(demo_store, FIXED_TODAY, archived=True)
    assert [c["name"] for c in shelved.customers] == [customer.name]
    from interview_tui.services.commitments import list_commitments

    assert all(row.customer != customer.name for row in list_commitments(demo_store, FIXED_TODAY))
    assert demo_store.all(Commitment)  # kept, only hidden


def test_cli_status_archive_and_delete(demo_store, db_path: Path) -> None:
    demo_store.close()
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)

    count = len(run("visits").output.splitlines())
    assert run("visit", "status", "1", "rehearsed").exit_code == 2  # done stays done
    assert run("visit", "archive", "1").exit_code == 0
    assert len(run("visits").output.splitlines()) == count - 1
    assert "(archived)" in run("visits", "--archived").output
    refused = run("visit", "delete", "2", "--yes")
    assert refused.exit_code == 2 and "archive it first" in refused.output
    deleted = run("visit", "delete", "1", "--yes")
    assert deleted.exit_code == 0 and " notes" in deleted.output


async def test_home_archives_undoes_and_changes_status(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#visits", DataTable)
        rows = table.row_count
        visit_id = app.screen.selected_visit_id()
        await pilot.press("delete")
        await settle(pilot)
        assert table.row_count == rows - 1
        assert demo_store.get(Visit, visit_id).archived_at is not None
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert table.row_count == rows
        assert demo_store.get(Visit, visit_id).archived_at is None
        # status: a planned visit, opened live by mistake, goes back with s
        table.move_cursor(row=table.get_row_index(str(visit_id)))
        move_visit(demo_store, visit_id, "live")
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("down", "enter")  # done, planned, rehearsed: "planned"
        await settle(pilot)
        await pilot.press("tab", "enter")  # confirmed (Cancel is focused first)
        await settle(pilot)
        assert demo_store.get(Visit, visit_id).status is P


def test_an_archived_visit_leaves_the_timeline_matrix_search_and_rate_until_restored(
    demo_store,
) -> None:
    """Archived is hidden everywhere a list or a figure is read, and all of it comes back."""
    from interview_tui.services.archive import set_archived
    from interview_tui.services.commitments import kept_on_time
    from interview_tui.services.evidence import account_matrix, count_customers, customer_timeline
    from interview_tui.services.follow_up import open_commitments
    from interview_tui.services.home_data import read_home
    from interview_tui.services.search import search
    from tests.conftest import FIXED_TODAY

    def seen() -> tuple:
        timeline = customer_timeline(demo_store, 1)
        matrix = {row.customer_id: row.days for row in account_matrix(demo_store, FIXED_TODAY)}
        hits = {hit.visit_id for hit in search(demo_store, "对账")}
        kept = kept_on_time(demo_store, FIXED_TODAY, per_customer=False).ours
        calendar = {item.commitment.visit_id for item in open_commitments(demo_store)}
        home = read_home(demo_store, FIXED_TODAY)
        return (
            [v.visit_id for v in timeline.visits],
            timeline.total,
            matrix.get(1),
            1 in hits,
            (kept.kept, kept.due),
            count_customers(demo_store),
            1 in calendar,
            (home.open_commitments, home.overdue_commitments),
        )

    before = seen()
    assert 1 in before[0] and before[3]
    set_archived(demo_store, "visit", 1, True)
    during = seen()
    assert 1 not in during[0] and during[1] == before[1] - 1
    assert not during[3]  # its notes are not found any more
    assert before[6] and not during[6]  # no alarm for a promise of an archived visit
    assert during[7][0] < before[7][0] and during[7][1] == sum(
        read_home(demo_store, FIXED_TODAY).due.overdue.values()
    )  # home's figures agree
    assert during[2] != before[2]  # the matrix no longer counts its evidence
    set_archived(demo_store, "customer", 2, True)
    assert count_customers(demo_store) == before[5] - 1
    set_archived(demo_store, "customer", 2, False)
    set_archived(demo_store, "visit", 1, False)
    assert seen() == before
