"""Team conflicts where the record is: the conflict mark in the pool and the commitments,
the `/` filter that finds it, the detail views that show every value with who set it and
when, resolve it (take one, or edit a combined one) and ctrl+z it; who did what.

The conflicts are made by real syncs between two PM folders through a local bare repository
(built once, copied for each test); one fast test of the view alone inserts a row by hand.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from interview_tui.domain.enums import CommitmentState, Goal, PoolGroup
from interview_tui.domain.models import Commitment, Customer, Note, Requirement, Visit
from interview_tui.domain.names import display
from interview_tui.i18n import set_language
from interview_tui.services import commitments, requirement_pool
from interview_tui.services.demo import seed_demo
from interview_tui.store import Store, open_store
from interview_tui.team import actions
from interview_tui.team.sync import init_team, join_team, sync
from tests.conftest import FIXED_NOW, FIXED_TODAY, settle

NOW = datetime(2026, 11, 20, 10, 0)
TODAY = date(2026, 11, 20)
ANA_DUE, BO_DUE = "2027-01-10", "2027-02-20"
NOTE_TEXTS = ("Exports take a whole night", "Exports take 9 hours")  # Ana's, Bo's


def _open(folder: Path, name: str) -> Store:
    store = open_store(folder / name / "interview.db")
    store.now = lambda: NOW
    return store


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ana and Bo share a visit; both move the same promise's due date and the same
    requirement's group differently, and sync: both hold the two conflicts."""
    set_language("en")
    root = tmp_path_factory.mktemp("team")
    remote = root / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    ana = _open(root, "ana")
    ana.member = "ana@example.com"
    seed_demo(ana, TODAY)
    init_team(ana, str(remote), "platform", ana.member, "Ana Lima", NOW)
    commitment = next(c for c in ana.all(Commitment) if c.state is CommitmentState.OPEN)
    visit = ana.get(Visit, commitment.visit_id)
    requirement = ana.requirements(visit_id=visit.id)[0]
    note = ana.save(
        Note(visit_id=visit.id or 0, goal=Goal.BUSINESS_GOALS, text="Exports take a night")
    )
    actions.share_visit(ana, visit.id or 0, NOW)
    sync(ana, NOW)
    bo = _open(root, "bo")
    join_team(bo, str(remote), "bo@example.com", "Bo Chen", NOW)
    bo.member = "bo@example.com"
    bo.now = lambda: NOW.replace(minute=5)  # after Ana: the histories' order is fixed
    ana_group, bo_group = [g for g in PoolGroup if g is not requirement.group]
    for store, due, group in ((ana, ANA_DUE, ana_group), (bo, BO_DUE, bo_group)):
        [mine] = store.all(Commitment, "uid = ?", [commitment.uid])
        commitments.reschedule(store, mine, date.fromisoformat(due), f"{store.member} says", TODAY)
        [req] = store.all(Requirement, "uid = ?", [requirement.uid])
        requirement_pool.move(store, req.id or 0, group, override="agreed")
        [mine] = store.all(Note, "uid = ?", [note.uid])
        store.save(mine.model_copy(update={"text": NOTE_TEXTS[store is bo]}))
    sync(ana, NOW)
    assert sync(bo, NOW).new_conflicts == 3
    sync(ana, NOW)
    assert len(actions.conflicts(ana)) == 3
    customer_uid = ana.get(Customer, visit.customer_id).uid
    ana.close()
    bo.close()
    (root / "uids.json").write_text(
        json.dumps(
            {
                "commitment": commitment.uid,
                "requirement": requirement.uid,
                "customer": customer_uid,
                "groups": [ana_group.value, bo_group.value],
            }
        )
    )
    return root


@dataclass
class Team:
    root: Path
    commitment: str  # uids
    requirement: str
    groups: list[str]  # Ana's, Bo's
    customer_uid: str = ""

    def customer(self, store: Store) -> int:
        [c] = store.all(Customer, "uid = ?", [self.customer_uid])
        return c.id or 0

    def store(self, name: str) -> Store:
        store = open_store(self.root / name / "interview.db")
        store.now = lambda: FIXED_NOW
        return store

    def ids(self, store: Store) -> tuple[int, int]:
        """The local ids of the conflicted commitment and requirement."""
        [c] = store.all(Commitment, "uid = ?", [self.commitment])
        [r] = store.all(Requirement, "uid = ?", [self.requirement])
        return c.id or 0, r.id or 0


@pytest.fixture
def team(built: Path, tmp_path: Path) -> Team:
    """A private copy of the built team (its remote too)."""
    root = tmp_path / "team"
    shutil.copytree(built, root, symlinks=True)
    for name in ("ana", "bo"):
        store = open_store(root / name / "interview.db")
        store.set_meta("team.url", str(root / "remote.git"))
        store.close()
    uids = json.loads((root / "uids.json").read_text())
    return Team(root, uids["commitment"], uids["requirement"], uids["groups"], uids["customer"])


def _app(store: Store, route: str, lang: str = "en", **kwargs: Any):
    from interview_tui.tui.app import build_app

    set_language(lang)
    return build_app(
        store,
        initial=(route, kwargs),
        today=lambda: FIXED_TODAY,
        now=lambda: FIXED_NOW,
        animate=False,
    )


def _text(app: Any, selector: str) -> str:
    from textual.widgets import Static

    return str(app.screen.query_one(selector, Static).content)


def _options(app: Any) -> list[str]:
    from interview_tui.tui.review.detail_base import ConflictList

    conflicts = app.screen.query_one(ConflictList)
    return [str(conflicts.get_option_at_index(i).prompt) for i in range(conflicts.option_count)]


# -- the detail views ----------------------------------------------------------------------


async def test_due_date_conflict_shows_every_value_with_who_and_when(team: Team) -> None:
    bo = team.store("bo")
    cid, _ = team.ids(bo)
    app = _app(bo, "commitment", commitment_id=cid)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        options = _options(app)
        assert options == [
            f"due: {ANA_DUE} · Ana Lima · sent 2026-11-20",
            f"due: {BO_DUE} · Bo Chen · sent 2026-11-20",
        ]
        assert app.screen.query_one("#conflicts").display
        assert app.screen.focused.id == "conflicts"  # its keys are the ones on the bar
        history = _text(app, "#history")
        assert "by Ana Lima" in history  # a colleague's change says who made it
        assert "by Bo Chen" not in history  # mine do not: no noise
    bo.close()


async def test_take_resolves_the_due_date_and_ctrl_z_opens_the_conflict_again(team: Team) -> None:
    bo = team.store("bo")
    cid, _ = team.ids(bo)
    app = _app(bo, "commitment", commitment_id=cid)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # keeps the highlighted (first) value: Ana's
        await settle(pilot)
        assert bo.get(Commitment, cid).due == date.fromisoformat(ANA_DUE)
        assert "due" not in [c.field for c in actions.conflicts(bo)]
        assert not app.screen.query_one("#conflicts").display
        assert app.screen.query_one("#due").value == ANA_DUE
        resolved = bo.get(Commitment, cid).history[-1]
        assert resolved["change"] == "resolved" and resolved["by"] == "bo@example.com"
        assert f"conflict on due resolved: {ANA_DUE}" in _text(app, "#history")

        await pilot.press("ctrl+z")
        await settle(pilot)
        [due] = [c for c in actions.conflicts(bo) if c.field == "due"]
        assert {v["value"] for v in due.values} == {ANA_DUE, BO_DUE}
        assert app.screen.query_one("#conflicts").display
        assert len(_options(app)) == 2
        assert app.screen.focused.id == "conflicts"  # open again: its keys work again
        await pilot.press("down", "enter")
        await settle(pilot)
        assert bo.get(Commitment, cid).due == date.fromisoformat(BO_DUE)
    bo.close()


async def test_a_resolution_syncs_to_the_colleague_with_its_author(team: Team) -> None:
    bo = team.store("bo")
    cid, _ = team.ids(bo)
    app = _app(bo, "commitment", commitment_id=cid)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")  # Bo's own date
        await settle(pilot)
    sync(bo, NOW)
    bo.close()
    ana = team.store("ana")
    sync(ana, NOW)
    acid, _ = team.ids(ana)
    assert ana.get(Commitment, acid).due == date.fromisoformat(BO_DUE)
    assert "due" not in [c.field for c in actions.conflicts(ana)]
    app = _app(ana, "commitment", commitment_id=acid)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#conflicts").display
        # Ana's own date, set aside, stays in the history (her own: no name beside it)
        resolved = f"conflict on due resolved: {BO_DUE}; set aside: {ANA_DUE}  · by Bo Chen"
        assert resolved in _text(app, "#history")
    ana.close()


async def test_group_conflict_edit_a_combined_value(team: Team) -> None:
    """e opens the value prefilled with every value; what is typed must be a group."""
    ana = team.store("ana")
    _, rid = team.ids(ana)
    app = _app(ana, "requirement", requirement_id=rid)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        ana_group, bo_group = (display(PoolGroup(g)) for g in team.groups)
        assert sorted(_options(app)) == sorted(
            [
                f"group: {bo_group} · Bo Chen · sent 2026-11-20",
                f"group: {ana_group} · Ana Lima · sent 2026-11-20",
            ]
        )
        await pilot.press("e")
        await settle(pilot)
        field = app.screen.query_one("#value")
        assert sorted(field.value.split(" / ")) == sorted([ana_group, bo_group])
        field.value = "Nonsense"
        await pilot.press("ctrl+s")
        await settle(pilot)
        picked = ana.get(Requirement, rid).group
        assert ana.get(Requirement, rid).group is picked  # not resolved
        field = app.screen.query_one("#value")  # the dialog is offered again, as typed
        assert field.value == "Nonsense"
        field.value = ana_group  # typed by its name
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert ana.get(Requirement, rid).group is PoolGroup(team.groups[0])
        assert app.screen.query_one("#group").value == team.groups[0]
        assert actions.record_conflicts(ana, "requirement", team.requirement) == []
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert ana.get(Requirement, rid).group is picked
        assert [
            c.field for c in actions.record_conflicts(ana, "requirement", team.requirement)
        ] == ["group"]
    ana.close()


async def test_no_conflict_no_section(make_app, demo_store) -> None:
    c = demo_store.all(Commitment)[0]
    app = make_app("commitment", commitment_id=c.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for selector in ("#conflicts", "#conflicts-title", "#conflicts-how"):
            assert not app.screen.query_one(selector).display
        assert app.screen.focused.id == "text"


# -- the lists: the conflict mark and the `/` filter ----------------------------------------


def _rows(app: Any, table: str) -> list[str]:
    from interview_tui.tui.paging import PagedTable

    grid = app.screen.query_one(table, PagedTable)
    return [
        " | ".join(str(getattr(cell, "plain", cell)) for cell in grid.get_row_at(i))
        for i in range(grid.row_count)
    ]


@pytest.mark.parametrize(
    ("route", "table", "lang", "word"),
    [
        ("requirements", "#pool", "en", "conflict"),
        ("commitments", "#commitments-table", "en", "CONF"),
        ("requirements", "#pool", "zh", "冲突"),
        ("commitments", "#commitments-table", "zh", "冲突"),
    ],
)
async def test_lists_mark_conflicts_and_the_filter_finds_them(
    team: Team, route: str, table: str, lang: str, word: str
) -> None:
    bo = team.store("bo")
    app = _app(bo, route, lang, **({"filter": "all"} if route == "commitments" else {}))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        everything = _rows(app, table)
        mark = "conflict" if lang == "en" else "冲突"
        assert len(everything) > 1
        assert [row for row in everything if mark in row] != []  # the word, in the row
        await pilot.press("slash", *word)
        await settle(pilot)
        assert app.screen.focused.id == "text-filter"
        narrowed = _rows(app, table)
        assert len(narrowed) == 1 and mark in narrowed[0]
        assert mark in str(app.screen.query_one("RowStrip").content)
        await pilot.press("enter")  # back to the list, the filter kept
        await settle(pilot)
        assert app.screen.focused.id == table[1:] and len(_rows(app, table)) == 1
        await pilot.press("escape")  # clears the filter; the screen stays
        await settle(pilot)
        assert _rows(app, table) == everything
        assert app.screen.query_one("#text-filter").display is False
    bo.close()


async def test_filter_narrows_by_any_shown_text_and_says_when_nothing_matches(make_app) -> None:
    app = make_app("requirements")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        everything = _rows(app, "#pool")
        customer = everything[0].split(" | ")[2]
        await pilot.press("slash", *customer.split()[0])
        await settle(pilot)
        narrowed = _rows(app, "#pool")
        assert narrowed and all(customer.split()[0] in row for row in narrowed)
        assert len(narrowed) < len(everything) or len({r.split(" | ")[2] for r in everything}) == 1
        app.screen.query_one("#text-filter").value = "zzz-no-such-thing"
        await settle(pilot)
        assert _rows(app, "#pool") == []
        assert "zzz-no-such-thing" in str(app.screen.query_one("#pool-empty").content)
        await pilot.press("escape")
        await settle(pilot)
        assert _rows(app, "#pool") == everything
        await pilot.press("escape")  # nothing to clear: back
        await settle(pilot)
        assert app.screen.__class__.__name__ != "RequirementsScreen"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_conflicted_commitment_snapshot(
    snap_compare, team: Team, lang: str, size: tuple[int, int]
) -> None:
    """You should see, above the commitment's fields, "Conflict: colleagues set different
    values" and its two due dates, each with the colleague who set it (Ana Lima, Bo Chen)
    and the date, the first highlighted; the key bar starts with enter (keep) and e
    (combine); the history names Ana Lima beside her change."""
    bo = team.store("bo")
    cid, _ = team.ids(bo)

    async def ready(pilot) -> None:
        await settle(pilot)

    assert snap_compare(
        _app(bo, "commitment", lang, commitment_id=cid), terminal_size=size, run_before=ready
    )


# -- notes: who wrote them, and a note's text in conflict where the note shows ------------


async def test_note_text_conflict_in_the_timeline_take_and_ctrl_z(team: Team) -> None:
    bo = team.store("bo")
    app = _app(bo, "timeline", customer_id=team.customer(bo))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        shown = "\n".join(str(s.content) for s in app.screen.query("#timeline Static"))
        line = next(x for x in shown.splitlines() if "Exports take" in x)
        assert line.count("conflict ") == 1  # the note says it is in conflict
        assert sorted(_options(app)) == sorted(
            [
                f"text: {NOTE_TEXTS[0]} · Ana Lima · sent 2026-11-20",
                f"text: {NOTE_TEXTS[1]} · Bo Chen · sent 2026-11-20",
            ]
        )
        assert "by Ana Lima" in line  # Ana wrote the note; Bo reads her name
        assert app.screen.focused.id == "conflicts"
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#value").value = "Exports take 9 hours, a whole night"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [note] = bo.all(Note, "text LIKE 'Exports take%'")
        assert note.text == "Exports take 9 hours, a whole night"
        assert not app.screen.query_one("#conflicts").display
        shown = "\n".join(str(s.content) for s in app.screen.query("#timeline Static"))
        assert "Exports take 9 hours, a whole night" in shown and "conflict " not in shown
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert bo.get(Note, note.id).text != "Exports take 9 hours, a whole night"
        assert len(_options(app)) == 2
    bo.close()


async def test_my_own_notes_carry_no_name(team: Team) -> None:
    ana = team.store("ana")
    app = _app(ana, "timeline", customer_id=team.customer(ana))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        shown = "\n".join(str(s.content) for s in app.screen.query("#timeline Static"))
        assert "Exports take" in shown and "by Ana Lima" not in shown
    ana.close()


async def test_the_list_is_read_once_typing_pauses(make_app, monkeypatch) -> None:
    """Each key does not start a read of the whole list (a few hundred ms on a large pool):
    the filtered list is read once the typing pauses."""
    reads: list[str] = []
    real = requirement_pool.read_pool

    def counted(*args: Any, **kwargs: Any):
        reads.append(kwargs.get("text", ""))
        return real(*args, **kwargs)

    monkeypatch.setattr(requirement_pool, "read_pool", counted)
    app = make_app("requirements")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        reads.clear()
        await pilot.press("slash", *"billing")
        await settle(pilot)
        # one read per key would be seven; a loaded machine may pause the typing once or twice
        assert reads[-1] == "billing" and len(reads) <= 3, reads


async def test_the_view_alone_names_fields_and_values_in_the_ui_language(
    make_app, demo_store
) -> None:
    """A fast test of the view alone (rows inserted by hand): a state and a deletion met by
    an edit, in Chinese; a member whose name is unknown shows by e-mail."""
    from interview_tui.team.config import save_config

    save_config(
        demo_store, name="platform", member="me@example.com", member_name="Me", url="/nowhere"
    )
    r = demo_store.all(Requirement)[0]
    for path, values in (("state", ["clarified", "declined"]), ("_deleted", ["deleted", "edited"])):
        demo_store.db["team_conflicts"].insert(
            {
                "uid": r.uid,
                "kind": "requirement",
                "path": path,
                "candidates": json.dumps(
                    [
                        {"value": v, "by": f"{v}@example.com", "at": "2026-11-02T09:00:00"}
                        for v in values
                    ]
                ),
            }
        )
    app = make_app("requirement", lang="zh", requirement_id=r.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert _options(app) == [
            "删除还是保留：已删除 · deleted@example.com · 2026-11-02 发出",
            "删除还是保留：已修改（保留） · edited@example.com · 2026-11-02 发出",
            "状态：已澄清 · clarified@example.com · 2026-11-02 发出",
            "状态：不做 · declined@example.com · 2026-11-02 发出",
        ]


async def test_e_is_offered_only_where_a_combined_value_can_be_typed(make_app, demo_store) -> None:
    """A commitment's closing (state, date and note together) is resolved by keeping one
    of its values: ``e`` is not offered there (it could never be saved), and pressing it
    opens nothing; on a due date beside it, ``e`` is offered and opens the combined value."""
    from interview_tui.i18n import t
    from interview_tui.team.config import save_config
    from interview_tui.tui.keybar import KeyBar

    save_config(
        demo_store, name="platform", member="me@example.com", member_name="Me", url="/nowhere"
    )
    c = next(m for m in demo_store.all(Commitment) if m.state is CommitmentState.OPEN)
    closing = [["done", "2026-11-02", "sent"], ["dropped", "2026-11-03", "not needed"]]
    for path, values in (("closing", closing), ("due", ["2027-01-10", "2027-02-20"])):
        demo_store.db["team_conflicts"].insert(
            {
                "uid": c.uid,
                "kind": "commitment",
                "path": path,
                "candidates": json.dumps(
                    [
                        {"value": v, "by": "bo@example.com", "at": "2026-11-02T09:00:00"}
                        for v in values
                    ]
                ),
            }
        )
    app = make_app("commitment", commitment_id=c.id)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = app.screen.query_one("ConflictList")
        listed.focus()
        combine = "e " + t("conflict.edit")
        offered = {}
        for n, line in enumerate(_options(app)):
            listed.highlighted = n
            await pilot.pause()
            offered[line.split(":")[0]] = combine in app.screen.query_one(KeyBar).render().plain
        assert offered == {"closing": False, "due": True}, offered
        listed.highlighted = next(n for n, line in enumerate(_options(app)) if "done" in line)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query("ConflictList")  # no dialog opened over the detail
        listed.highlighted = next(n for n, line in enumerate(_options(app)) if "2027" in line)
        await pilot.press("e")
        await settle(pilot)
        assert not app.screen.query("ConflictList")  # the combined value's dialog
