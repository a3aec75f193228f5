"""A promise already late stays late, however often it is moved afterwards: first due the
18th, moved sooner to the 1st and missed (late 6 days on the 7th), then moved to the 20th, it
read "open", left the late filter, `--late`, the JSON's ``late``, the report and the brief,
and the kept-on-time rate rose from 50 % to 100 %: it was judged by the sooner of its first
and its current due date only. It is judged by the soonest date it was ever due."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from interview_tui.domain.enums import CommitmentState, OwnerSide
from interview_tui.domain.models import Commitment, Visit
from interview_tui.services import commitments as service
from interview_tui.services.undo import recorded, undo
from interview_tui.store import open_store
from interview_tui.team.merge import merge_record
from interview_tui.team.schemas import SCHEMAS
from tests.test_home_counters import TODAY, _check

FIRST = TODAY + timedelta(days=17)
SOONER = TODAY - timedelta(days=6)
LATER = TODAY + timedelta(days=19)


def _promise(store) -> Commitment:
    visit = store.all(Visit)[0]
    return store.save(
        Commitment(visit_id=visit.id, text="ZZLATE price sheet", owner_side=OwnerSide.US, due=FIRST)
    )


def _moved_sooner_then_later(store) -> Commitment:
    c = service.reschedule(store, _promise(store), SOONER, "they need it sooner", TODAY)
    assert c.days_late(TODAY) == 6
    return service.reschedule(store, c, LATER, "slipped", TODAY)


def test_moved_later_after_a_sooner_date_was_missed_it_stays_late(demo_store) -> None:
    c = _moved_sooner_then_later(demo_store)
    assert (c.due, c.first_due, c.judged_due) == (LATER, FIRST, SOONER)
    assert c.is_late(TODAY) and c.days_late(TODAY) == 6 and not c.is_overdue(TODAY)
    again = demo_store.get(Commitment, c.id)
    assert again.judged_due == SOONER and again.days_late(TODAY) == 6
    note = service.late_note(c, TODAY)
    assert "6" in note and SOONER.isoformat() in note and "sooner" in note, note
    late = service.list_commitments(demo_store, TODAY, service.CommitmentFilter(late_only=True))
    assert c.id in [row.commitment.id for row in late]
    rows = {r["id"]: r for r in service.commitment_dicts(demo_store, TODAY)}
    assert rows[c.id]["late"] is True and rows[c.id]["judged_due"] == SOONER.isoformat()
    assert rows[c.id]["first_due"] == FIRST.isoformat()
    line = next(x for x in service.commitment_lines(demo_store, TODAY) if x.id == c.id)
    assert line.dates().days_late(TODAY) == 6
    _check(demo_store, "moved sooner, then later")  # home's counters equal the long count
    done = service.close(demo_store, c, CommitmentState.DONE, "sent", TODAY)
    assert not done.kept_on_time
    _check(demo_store, "done late")


def test_the_cli_lists_it_late_with_the_date_it_missed(demo_store) -> None:
    """`commitments --late`, on the real clock (the CLI's today)."""
    from interview_tui.cli.main import cli

    today = date.today()
    c = service.reschedule(
        demo_store, _promise(demo_store), today - timedelta(days=6), "sooner", today
    )
    c = service.reschedule(demo_store, c, today + timedelta(days=19), "slipped", today)
    base = ["--lang", "en", "--db", str(demo_store.path), "commitments", "--late"]
    out = CliRunner().invoke(cli, [*base, "--json"])
    assert out.exit_code == 0, out.output
    listed = {r["id"]: r for r in json.loads(out.output)["commitments"]}
    assert listed[c.id]["late"] is True
    assert listed[c.id]["judged_due"] == (today - timedelta(days=6)).isoformat()
    out = CliRunner().invoke(cli, base)
    line = next(x for x in out.output.splitlines() if "ZZLATE" in x)
    assert "late 6 d, moved sooner to" in line, line


def test_undoing_the_sooner_move_takes_the_lateness_back(demo_store) -> None:
    c = _promise(demo_store)
    moved, entry = recorded(
        demo_store,
        Commitment,
        c.id,
        "moved",
        lambda: service.reschedule(demo_store, c, SOONER, "typo", TODAY),
    )
    assert moved.is_late(TODAY)
    back = undo(demo_store, entry, TODAY)
    assert back.judged_due == FIRST and not back.is_late(TODAY)
    _check(demo_store, "undone")


def test_moved_only_later_it_is_judged_by_the_first_date(demo_store) -> None:
    c = service.reschedule(demo_store, _promise(demo_store), LATER, "agreed", TODAY)
    assert c.judged_due == FIRST and not c.is_late(TODAY)


def test_a_database_of_version_16_finds_the_sooner_date_in_the_history(tmp_path) -> None:
    """Upgraded, a promise moved sooner and later again before is late again: the date
    comes from its history (each reschedule's ``to``)."""
    path = tmp_path / "v16.db"
    store = open_store(path)
    store.now = lambda: __import__("datetime").datetime(2026, 12, 1, 10)
    from interview_tui.domain.models import Customer

    customer = store.save(Customer(name="ZZ Co"))
    visit = store.save(
        Visit(customer_id=customer.id, date=__import__("datetime").datetime(2026, 11, 20, 10))
    )
    c = store.save(Commitment(visit_id=visit.id, text="ZZOLD", due=FIRST))
    c = service.reschedule(store, c, SOONER, "sooner", TODAY)
    c = service.reschedule(store, c, LATER, "later", TODAY)
    store.close()
    conn = sqlite3.connect(path)  # as version 16 left it: no judged_due
    from interview_tui.store.migrations import COMMITMENT_COUNT_TRIGGERS

    for name in COMMITMENT_COUNT_TRIGGERS:  # (version 17 makes them again)
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("ALTER TABLE commitments DROP COLUMN judged_due")
    conn.execute("PRAGMA user_version = 16")
    conn.commit()
    conn.close()
    store = open_store(path)
    again = store.get(Commitment, c.id)
    assert again.judged_due == SOONER and again.days_late(TODAY) == 6
    _check(store, "upgraded")


def test_the_json_export_keeps_it_and_an_older_file_without_it_is_read(demo_store) -> None:
    from interview_tui.exports.visit_json import record_json

    c = _moved_sooner_then_later(demo_store)
    row = demo_store.query("SELECT * FROM commitments WHERE id = ?", [c.id])[0]
    data = record_json("commitments", dict(row))
    assert data["judged_due"] == SOONER.isoformat()
    assert data == c.model_dump(mode="json")  # the bytes the model writes
    older = {k: v for k, v in data.items() if k != "judged_due"}
    assert Commitment.model_validate(older).judged_due == SOONER  # (its due: the sooner)


def _team(judged: str | None, due: str) -> dict:
    return {"uid": "u", "due": due, "first_due": "2026-12-18", "judged_due": judged}


def test_two_laptops_moving_it_keep_the_soonest_and_an_undo_is_kept() -> None:
    schema = SCHEMAS["commitment"]
    base = _team("2026-12-18", "2026-12-18")
    ana = _team("2026-12-01", "2026-12-01")
    bo = _team("2026-12-10", "2026-12-10")
    for ours, theirs in ((ana, bo), (bo, ana)):
        merged = merge_record(base, ours, theirs, schema)
        assert merged["judged_due"] == "2026-12-01"
        assert "judged_due" not in merged.get("_conflicts", {})
    undone = _team("2026-12-18", "2026-12-18")  # Ana undid her sooner move
    merged = merge_record(ana, undone, ana, schema)
    assert merged["judged_due"] == "2026-12-18"


dates = st.dates(date(2026, 11, 1), date(2027, 1, 31))


@given(dates, st.lists(dates, max_size=6), dates)
def test_judged_by_the_soonest_date_it_was_ever_due(first, moves, today) -> None:
    c = Commitment(visit_id=1, text="x", due=first)
    for day in moves:
        c.due = day
    assert c.judged_due == min([first, *moves])
    assert c.is_late(today) == (min([first, *moves]) < today)


def test_a_history_edited_by_hand_is_read_without_failing() -> None:
    """A date that is not one is skipped, not an error (an entry that is not an object
    the model refuses, and the upgrade skips)."""
    from interview_tui.domain.lateness import moved_to

    history = [
        {"on": "2026-11-20", "change": "due", "from": "2026-12-18", "to": "2026-13-45"},
        {"on": "2026-11-21", "change": "due", "from": "2026-12-18", "to": "2026-12-02"},
    ]
    assert moved_to([*history, "not an entry"]) == [date(2026, 12, 2)]
    c = Commitment(visit_id=1, text="x", due=LATER, first_due=FIRST, history=history)
    assert c.judged_due == date(2026, 12, 2)
