"""The brief's "what earlier visits found" reads the newest findings of each goal only: a
bounded walk per goal (the customer's visits newest first, each probed through an index),
not every goal-tagged note of the customer. It lists what the full read listed first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from interview_tui.domain.enums import Goal
from interview_tui.domain.models import Customer, Note, Requirement, Visit
from interview_tui.services.customer_brief import customer_brief
from interview_tui.services.evidence import (
    BRIEF_EVIDENCE_PER_GOAL,
    customer_evidence,
    newest_evidence,
)
from interview_tui.store import Store
from tests.conftest import FIXED_TODAY

VISITS = 12


def _account(store: Store) -> tuple[int, list[int]]:
    """A customer with :data:`VISITS` visits, each with a note for every goal and a
    requirement; returns the customer's id and its visits' ids, oldest first."""
    customer = store.save(Customer(name="Bounded Co"))
    assert customer.id is not None
    visits = [
        store.save(
            Visit(customer_id=customer.id, date=datetime(2026, 1, 1, 9) + timedelta(days=7 * n))
        )
        for n in range(VISITS)
    ]
    ids = [v.id for v in visits if v.id is not None]
    _add_findings(store, customer.id, ids, 1)
    return customer.id, ids


def _add_findings(store: Store, customer_id: int, visit_ids: list[int], each: int) -> None:
    notes = [
        Note(visit_id=visit_id, goal=goal, text=f"{goal.value} {visit_id}.{n}")
        for visit_id in visit_ids
        for goal in Goal
        for n in range(each)
    ]
    requirements = [
        Requirement(customer_id=customer_id, visit_id=visit_id, title=f"need {visit_id}.{n}")
        for visit_id in visit_ids
        for n in range(each)
    ]
    store.save_all([*notes, *requirements])


def _steps(store: Store, read: Callable[[], object]) -> int:
    """SQLite virtual-machine steps ``read`` takes: how many rows it walks."""
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    store.reader.set_progress_handler(count, 1)
    try:
        read()
    finally:
        store.reader.set_progress_handler(None, 1)
    return steps


def _first_per_goal(evidence: list, per_goal: int) -> list:
    seen: dict[Goal, int] = {}
    kept = []
    for item in evidence:
        seen[item.goal] = seen.get(item.goal, 0) + 1
        if seen[item.goal] <= per_goal:
            kept.append(item)
    return kept


def test_the_newest_findings_are_those_the_full_read_lists_first(store: Store) -> None:
    customer_id, visit_ids = _account(store)
    _add_findings(store, customer_id, visit_ids[::3], 4)  # some visits found more
    excluded = visit_ids[-1]
    everything = [e for e in customer_evidence(store, customer_id) if e.visit_id != excluded]
    newest = newest_evidence(store, customer_id, exclude_visit=excluded)
    assert newest == _first_per_goal(everything, BRIEF_EVIDENCE_PER_GOAL)
    assert len(newest) == BRIEF_EVIDENCE_PER_GOAL * len(Goal)
    assert all(e.visit_id != excluded for e in newest)
    brief = customer_brief(store, customer_id, FIXED_TODAY, exclude_visit=excluded)
    assert brief.evidence == newest


def test_the_rows_read_do_not_grow_with_the_customers_notes(store: Store) -> None:
    customer_id, visit_ids = _account(store)

    def bounded() -> object:
        return newest_evidence(store, customer_id)

    def everything() -> object:
        return customer_evidence(store, customer_id)

    before, full_before = _steps(store, bounded), _steps(store, everything)
    _add_findings(store, customer_id, visit_ids, 20)  # 21 times the notes on the same visits
    after, full_after = _steps(store, bounded), _steps(store, everything)
    assert full_after > 10 * full_before  # the full read walks every note
    assert after <= before * 1.2, (before, after)
