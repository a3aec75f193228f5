"""Home's counters (kept by triggers, read in a few rows) stay TRUE: after inserts, changes,
archives, restores, deletes, imports and team syncs each equals the count made the long way,
over every commitment, as home made it before."""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime, timedelta

import pytest

from interview_tui.domain.enums import CommitmentState, OwnerSide
from interview_tui.domain.models import Commitment, Visit
from interview_tui.services import commitments as service
from interview_tui.services.archive import delete_for_good, set_archived
from interview_tui.services.home_data import read_home
from interview_tui.store import open_store

TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 10, 0)


def _long_way(store) -> dict:
    """Home's figures counted over every row (the queries home ran before the counters)."""
    hidden = service.NOT_ARCHIVED
    today = TODAY.isoformat()
    soon = (TODAY + timedelta(days=service.DUE_SOON_DAYS)).isoformat()
    open_count = store.query(
        f"SELECT count(*) AS n FROM commitments m WHERE {hidden} AND m.state = 'open'"
    )[0]["n"]
    kept = {}
    for name, side in (("ours", "= 'us'"), ("theirs", "!= 'us'")):
        row = store.query(
            f"SELECT coalesce(sum({service._KEPT}), 0) AS kept,"
            f" coalesce(sum({service._DUE}), 0) AS due FROM commitments m"
            f" WHERE {hidden} AND m.owner_side {side}",
            [today],
        )[0]
        kept[name] = (row["kept"], row["due"])
    counts = store.query(
        "SELECT m.owner_side AS side, sum(m.due < ?) AS overdue, sum(m.due >= ?) AS due"
        f" FROM commitments m WHERE {hidden} AND m.state = 'open' AND m.due IS NOT NULL"
        " AND m.due <= ? GROUP BY m.owner_side",
        [today, today, soon],
    )
    customers = store.query(
        "SELECT c.id, c.name, count(v.id) AS visits, max(v.date) AS last_visit FROM customers c"
        " LEFT JOIN visits v ON v.customer_id = c.id AND v.archived_at IS NULL"
        " WHERE c.archived_at IS NULL AND c.importing IS NULL GROUP BY c.id"
        " ORDER BY last_visit DESC, c.name LIMIT 25"
    )
    return {
        "open": open_count,
        "kept": kept,
        "overdue": {r["side"]: r["overdue"] for r in counts},
        "due": {r["side"]: r["due"] for r in counts},
        "customers": customers,
    }


def _counters(store) -> dict:
    home = read_home(store, TODAY)
    return {
        "open": home.open_commitments,
        "kept": {
            "ours": (home.kept.ours.kept, home.kept.ours.due),
            "theirs": (home.kept.theirs.kept, home.kept.theirs.due),
        },
        "overdue": home.due.overdue,
        "due": home.due.due,
        "customers": home.customers,
    }


def _check(store, step: str) -> None:
    assert _counters(store) == _long_way(store), step
    zeros = store.query(
        "SELECT (SELECT count(*) FROM commitment_counts WHERE n = 0)"
        " + (SELECT count(*) FROM customer_visit_counts WHERE n = 0) AS n"
    )
    assert zeros[0]["n"] == 0, f"{step}: counters at zero left behind"


def test_counters_equal_the_long_count_after_every_kind_of_change(demo_store) -> None:
    store = demo_store
    _check(store, "demo")
    visit = store.all(Visit)[0]
    # inserts, of each side, with and without dates
    for number, (side, due) in enumerate(
        [
            (OwnerSide.US, TODAY - timedelta(days=3)),
            (OwnerSide.CUSTOMER, TODAY + timedelta(days=2)),
            (OwnerSide.US, None),
        ]
    ):
        store.save(Commitment(visit_id=visit.id, text=f"new {number}", owner_side=side, due=due))
    _check(store, "inserts")
    first = sorted(
        store.all(Commitment, "visit_id = ? AND text LIKE 'new %'", [visit.id]), key=lambda c: c.id
    )
    first.append(min(store.all(Commitment, "text NOT LIKE 'new %'"), key=lambda c: c.id))
    service.close(store, first[0], CommitmentState.DONE, "", TODAY)
    service.close(store, first[1], CommitmentState.DROPPED, "why", TODAY)
    service.reschedule(
        store, service._fresh(store, first[2]), TODAY + timedelta(days=5), "later", TODAY
    )
    _check(store, "close, drop, reschedule")
    service.reopen(store, service._fresh(store, first[0]), TODAY, "again")
    store.db.execute("UPDATE commitments SET owner_side = 'customer' WHERE id = ?", [first[3].id])
    _check(store, "reopen, a raw change")
    store.db.execute("UPDATE commitments SET closed_on = '2000-01-01' WHERE state = 'done'")
    _check(store, "closing days changed: late promises now kept")
    set_archived(store, "visit", visit.id, True)
    _check(store, "visit archived")
    set_archived(store, "customer", visit.customer_id, True)
    _check(store, "customer archived too")
    set_archived(store, "visit", visit.id, False)
    _check(store, "visit restored, customer still archived")
    set_archived(store, "customer", visit.customer_id, False)
    _check(store, "customer restored")
    other = store.all(Visit)[1]
    store.db.execute(
        "UPDATE visits SET customer_id = ? WHERE id = ?", [visit.customer_id, other.id]
    )
    _check(store, "a visit moved to another customer")
    store.db.execute("UPDATE visits SET date = '2031-01-01T09:00' WHERE id = ?", [other.id])
    _check(store, "a visit moved to another day")
    set_archived(store, "customer", visit.customer_id, True)
    delete_for_good(store, "customer", visit.customer_id)
    _check(store, "customer deleted for good")
    store.db.execute("DELETE FROM commitments WHERE id = (SELECT max(id) FROM commitments)")
    _check(store, "a raw delete")


def test_counters_stay_true_through_import_and_team_sync(demo_store, tmp_path) -> None:
    from interview_tui.exports.bundle import import_json_data
    from interview_tui.exports.visit_json import visit_json_data
    from interview_tui.team.sync import init_team, join_team, sync

    store = demo_store
    visit = store.all(Visit)[0]
    data = visit_json_data(store, visit.id)
    import_json_data(store, data)  # the same visit again: updated in place
    _check(store, "re-import")
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    store.member = "ana@example.com"
    init_team(store, str(remote), "platform", store.member, "Ana", NOW)
    from interview_tui.team import actions

    actions.share_visit(store, visit.id, NOW)
    sync(store, NOW)
    other = open_store(tmp_path / "bo" / "interview.db")
    other.now = lambda: NOW
    other.member = "bo@example.com"
    join_team(other, str(remote), other.member, "Bo", NOW)
    _check(other, "joined: the shared promises arrived")
    mine = other.all(Commitment, "state = 'open'")[0]
    service.close(other, mine, CommitmentState.DONE, "", TODAY)
    sync(other, NOW)
    sync(store, NOW)
    _check(store, "a colleague's change synced back")
    _check(other, "after the colleague's sync")
    other.close()


def _steps(store) -> int:
    """SQLite virtual-machine steps (in hundreds) that reading home takes."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    for conn in {store.conn, store.reader}:
        conn.set_progress_handler(count, 100)
    try:
        read_home(store, TODAY)
    finally:
        for conn in {store.conn, store.reader}:
            conn.set_progress_handler(None, 0)
    return steps[0]


def test_home_reads_the_same_work_at_any_size(demo_store) -> None:
    store = demo_store
    before = _steps(store)
    customer = store.query("SELECT min(id) AS id FROM customers")[0]["id"]
    with store.transaction():
        for number in range(400):
            day = (TODAY - timedelta(days=400 - number)).isoformat()
            # due on one of twelve days: the counters hold a row per day, not per promise
            due = (TODAY + timedelta(days=number % 12 - 6)).isoformat()
            visit_id = store.db.execute(
                "INSERT INTO visits (customer_id, date, status, purpose, uid)"
                " VALUES (?, ?, 'done', '', ?)",
                [customer, day, f"bulk-visit-{number}"],
            ).lastrowid
            store.db.conn.executemany(
                "INSERT INTO commitments (visit_id, text, owner_side, due, state, uid)"
                " VALUES (?, 'x', ?, ?, ?, ?)",
                [
                    (visit_id, side, due, state, f"bulk-{visit_id}-{side}-{state}-{copy}")
                    for side in ("us", "customer")
                    for state in ("open", "done", "dropped")
                    for copy in range(4)
                ],
            )
    assert store.query("SELECT count(*) AS n FROM commitments")[0]["n"] > 9_000
    _check(store, "10,000 more commitments")
    after = _steps(store)
    assert after <= before * 2 + 20, (before, after)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_home_writes_large_counts_with_thousands_separators(
    make_app, demo_store, lang
) -> None:
    """At a career's size the side pane said "199540 open · 99061 overdue" while the CLI
    writes "112,075": the counts are grouped as everywhere else, in both languages."""
    from textual.widgets import Static

    from tests.conftest import settle

    customer = demo_store.query("SELECT min(id) AS id FROM customers")[0]["id"]
    with demo_store.transaction():
        visit_id = demo_store.db.execute(
            "INSERT INTO visits (customer_id, date, status, purpose, uid)"
            " VALUES (?, '2026-01-05', 'done', '', 'bulk-visit')",
            [customer],
        ).lastrowid
        demo_store.db.conn.executemany(
            "INSERT INTO commitments (visit_id, text, owner_side, due, state, uid)"
            " VALUES (?, 'x', 'us', '2026-02-01', 'open', ?)",
            [(visit_id, f"bulk-{number}") for number in range(1_200)],
        )
    app = make_app("home", lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        counts = str(app.screen.query_one("#commitment-counts", Static).render())
        due = str(app.screen.query_one("#due-counts", Static).render())
        kept = str(app.screen.query_one("#kept-rate", Static).render())
    assert re.search(r"\b1,2\d\d\b", counts), counts
    assert re.search(r"1,2\d\d", due), due
    assert re.search(r"/1,2\d\d", kept), kept  # kept of those due
