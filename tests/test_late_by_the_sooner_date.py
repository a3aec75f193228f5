"""A promise moved to a sooner date that has passed is late, everywhere: it was judged by its
first due date only, so a promise due on the 10th moved to the 1st and missed showed
"overdue" while the late filter, the JSON's ``late``, the kept-on-time rate and home's
counters all called it on time, and the CLI had just said it "counts as late"."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from interview_tui.domain.enums import CommitmentState, OwnerSide
from interview_tui.domain.lateness import days_late, judged_by, late_and_overdue
from interview_tui.domain.models import Commitment, Visit
from interview_tui.services import commitments as service
from interview_tui.store import open_store
from tests.test_home_counters import TODAY, _check

days = st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2027, 12, 31)))


@given(days, days, days, st.sampled_from(list(CommitmentState)), days)
def test_the_rule_on_dates_and_on_iso_texts_agree(due, first, closed, state, today) -> None:
    today = today or date(2026, 12, 1)
    late = days_late(state, due, first, closed, today) > 0
    iso = [d.isoformat() if d else None for d in (due, first, closed)]
    assert late_and_overdue(state.value, *iso, today.isoformat())[0] == late
    if due and first:
        assert judged_by(due, first) == min(due, first)


def _moved_sooner(store, **changes) -> Commitment:
    visit = store.all(Visit)[0]
    c = store.save(
        Commitment(
            visit_id=visit.id,
            text="ZZSOONER topology diagrams",
            owner_side=OwnerSide.US,
            due=TODAY + timedelta(days=9),
        )
    )
    assert c.first_due == TODAY + timedelta(days=9)
    return service.reschedule(store, c, TODAY - timedelta(days=6), "they need it sooner", TODAY)


def test_moved_to_a_sooner_date_that_passed_it_is_late_in_every_count(demo_store) -> None:
    c = _moved_sooner(demo_store)
    assert c.is_overdue(TODAY) and c.is_late(TODAY) and c.days_late(TODAY) == 6
    assert service.late_note(c, TODAY)
    late = service.list_commitments(demo_store, TODAY, service.CommitmentFilter(late_only=True))
    assert c.id in [row.commitment.id for row in late]
    rows = {r["id"]: r for r in service.commitment_dicts(demo_store, TODAY)}
    assert rows[c.id]["late"] is True and rows[c.id]["overdue"] is True
    _check(demo_store, "moved sooner")  # home's counters equal the long count
    done = service.close(demo_store, c, CommitmentState.DONE, "sent", TODAY)
    assert not done.kept_on_time  # done after the sooner date: not on time
    _check(demo_store, "done late")


def test_a_database_of_version_15_counts_it_late_once_upgraded(tmp_path) -> None:
    """The counters' triggers of a database made before are made again with the rule."""
    from interview_tui.domain.lateness import judged_by_sql
    from interview_tui.store.migrations import LATEST_VERSION, migrate

    path = tmp_path / "old.db"
    store = open_store(path)
    store.close()
    conn = sqlite3.connect(path)
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    # as version 15 made them: the first due date alone
    for name in ("commitment_counts_insert", "commitment_counts_update"):
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()[0]
        conn.execute(f"DROP TRIGGER {name}")
        conn.execute(sql.replace(judged_by_sql(), "coalesce(first_due, due)"))
    conn.execute("PRAGMA user_version = 15")
    conn.commit()
    assert migrate(db) == LATEST_VERSION
    conn.commit()
    conn.close()
    store = open_store(path)
    store.now = lambda: __import__("datetime").datetime(2026, 12, 1, 10)
    from interview_tui.domain.models import Customer

    customer = store.save(Customer(name="ZZ Co"))
    store.save(
        Visit(customer_id=customer.id, date=__import__("datetime").datetime(2026, 11, 20, 10))
    )
    _moved_sooner(store)
    _check(store, "upgraded")
