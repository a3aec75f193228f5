"""The review screens' reads give the same answers as the plain computations they replace.

Pages are chosen among commitments and requirements alone and joined afterwards, the
account matrix walks each customer's visits newest first, and the kept-on-time rate is
counted from an index: every page put together is the whole list, in the same order, and
every figure equals the one computed the long way. The indexes are checked to be used.
"""

from __future__ import annotations

from datetime import date

import pytest

from interview_tui.domain.enums import CommitmentState, Goal, PoolGroup
from interview_tui.domain.models import Commitment
from interview_tui.services import requirement_pool as pool
from interview_tui.services.commitments import (
    CommitmentFilter,
    close,
    count_commitments,
    kept_on_time,
    list_commitments,
)
from interview_tui.services.demo import seed_demo
from interview_tui.services.evidence import account_matrix
from interview_tui.store import Store
from tests.conftest import FIXED_TODAY


@pytest.fixture
def big_store(store: Store) -> Store:
    """The demo and 40 synthetic visits, some commitments closed late, one dropped."""
    seed_demo(store, FIXED_TODAY, extra_visits=40)
    commitments = store.all(Commitment, order_by="id")
    for n, commitment in enumerate(commitments[:30]):
        if commitment.state is CommitmentState.OPEN:
            late = date(2026, 12, 31) if n % 3 else FIXED_TODAY
            close(store, commitment, CommitmentState.DONE, "sent", late)
    open_one = next(
        c for c in store.all(Commitment, order_by="id") if c.state is CommitmentState.OPEN
    )
    close(store, open_one, CommitmentState.DROPPED, "no longer needed", FIXED_TODAY)
    return store


def _filters(store: Store) -> list[CommitmentFilter]:
    customer = store.query("SELECT id FROM customers ORDER BY id LIMIT 1")[0]["id"]
    return [
        CommitmentFilter(),
        CommitmentFilter(open_only=True),
        CommitmentFilter(overdue_only=True),
        CommitmentFilter(due_this_week=True),
        CommitmentFilter(customer_id=customer),
        CommitmentFilter(owner="us"),
        CommitmentFilter(open_only=True, owner="customer", customer_id=customer),
    ]


def test_commitment_pages_put_together_are_the_whole_list(big_store: Store) -> None:
    for filters in _filters(big_store):
        whole = list_commitments(big_store, FIXED_TODAY, filters)
        pages, offset = [], 0
        while page := list_commitments(big_store, FIXED_TODAY, filters, offset, limit=7):
            pages += page
            offset += 7
        assert [r.commitment.id for r in pages] == [r.commitment.id for r in whole]
        assert pages == whole  # customer, visit date and every field alike
        assert count_commitments(big_store, FIXED_TODAY, filters) == len(whole)
    assert {r.commitment.state for r in list_commitments(big_store, FIXED_TODAY)} == set(
        CommitmentState
    )


def test_whole_list_order_is_overdue_first_then_due_then_closed(big_store: Store) -> None:
    rows = list_commitments(big_store, FIXED_TODAY)
    keys = [
        (
            r.commitment.state is not CommitmentState.OPEN,
            r.commitment.due is None,
            r.commitment.due or date.max,
            r.commitment.id,
        )
        for r in rows
    ]
    assert keys == sorted(keys)


def test_kept_rate_from_the_index_equals_the_per_customer_sum(big_store: Store) -> None:
    whole = kept_on_time(big_store, FIXED_TODAY)
    quick = kept_on_time(big_store, FIXED_TODAY, per_customer=False)  # home: no join
    assert (quick.ours, quick.theirs) == (whole.ours, whole.theirs)
    assert whole.ours.kept == sum(r.kept for r in whole.per_customer.values())
    assert whole.ours.due == sum(r.due for r in whole.per_customer.values())
    ours = [c for c in big_store.all(Commitment) if c.owner_side.value == "us"]
    kept = sum(
        c.state is CommitmentState.DONE and (c.first_due is None or c.closed_on <= c.first_due)
        for c in ours
    )
    due = sum(
        c.state is not CommitmentState.OPEN
        or (c.first_due is not None and c.first_due < FIXED_TODAY)
        for c in ours
    )
    assert (whole.ours.kept, whole.ours.due) == (kept, due)
    assert 0 < kept < due and len(whole.per_customer) > 2


def test_kept_rate_and_links_are_read_from_their_indexes(big_store: Store) -> None:
    plan = " ".join(
        str(row)
        for row in big_store.query(
            "EXPLAIN QUERY PLAN SELECT owner_side, sum(state = 'done' AND"
            " (coalesce(first_due, due) IS NULL OR closed_on <= coalesce(first_due, due)))"
            " FROM commitments GROUP BY owner_side"
        )
    )
    assert "COVERING INDEX commitments_kept" in plan
    plan = " ".join(
        str(row)
        for row in big_store.query(
            "EXPLAIN QUERY PLAN SELECT link_key, count(DISTINCT customer_id) FROM requirements"
            " WHERE link_key IN ('a', 'b') GROUP BY link_key"
        )
    )
    assert "requirements_link" in plan
    plan = " ".join(
        str(row)
        for row in big_store.query(
            "EXPLAIN QUERY PLAN SELECT owner_side, sum(due < '2026-11-24') FROM commitments"
            " WHERE state = 'open' AND due IS NOT NULL AND due <= '2026-12-01'"
            " GROUP BY owner_side"
        )
    )
    assert "COVERING INDEX commitments_due_soon" in plan  # home's nudge
    plan = " ".join(
        str(row)
        for row in big_store.query(
            "EXPLAIN QUERY PLAN SELECT 1 FROM visits v WHERE EXISTS"
            " (SELECT 1 FROM requirements r WHERE r.visit_id = v.id)"
        )
    )
    assert "requirements_visit" in plan  # a visit's requirements: evidence for goal 5


def test_account_matrix_equals_the_newest_evidence_per_goal(big_store: Store) -> None:
    rows = account_matrix(big_store, FIXED_TODAY, limit=500)
    expected: dict[tuple[int, str], str] = {}
    for row in big_store.query(  # tagged notes, and requirements for key requirements
        "SELECT v.customer_id, n.goal, v.date FROM notes n JOIN visits v ON v.id = n.visit_id"
        " WHERE n.goal IS NOT NULL AND trim(n.text) != ''"
        " UNION ALL SELECT v.customer_id, 'key_requirements', v.date FROM requirements r"
        " JOIN visits v ON v.id = r.visit_id"
    ):
        if row["date"][:10] <= FIXED_TODAY.isoformat():
            key = (row["customer_id"], row["goal"])
            expected[key] = max(expected.get(key, ""), row["date"][:10])
    assert len(rows) == big_store.query("SELECT count(*) AS n FROM customers")[0]["n"]
    for row in rows:
        for goal in Goal:
            last = expected.get((row.customer_id, goal.value))
            days = (FIXED_TODAY - date.fromisoformat(last)).days if last else None
            assert row.days[goal] == days, (row.customer, goal)
    # most recently visited first, in pages that put together give the same
    paged = account_matrix(big_store, FIXED_TODAY, 5) + account_matrix(
        big_store, FIXED_TODAY, 500, 5
    )
    assert [r.customer_id for r in paged] == [r.customer_id for r in rows]


def test_pool_pages_put_together_are_the_whole_pool(big_store: Store) -> None:
    whole = pool.read_pool(big_store, limit=10_000)
    pages, offset = [], 0
    while (page := pool.read_pool(big_store, offset=offset, limit=9)).rows:
        pages += page.rows
        offset += 9
    assert pages == whole.rows and whole.total == len(pages)
    groups = [row.requirement.group for row in pages]
    assert groups == sorted(groups, key=list(PoolGroup).index)
    assert sum(whole.per_group.values()) == whole.total
