"""Visits as lists and headings show them."""

from __future__ import annotations

from dataclasses import dataclass

from interview_tui.store.store import Store


@dataclass(frozen=True, slots=True)
class VisitHeading:
    """What a screen's title says about a visit."""

    visit_id: int
    customer: str
    date: str  # YYYY-MM-DD
    status: str


def visit_heading(store: Store, visit_id: int) -> VisitHeading:
    """The customer and date of a visit; a clear error when there is no such visit."""
    visit, customer = store.visit_with_customer(visit_id)
    return VisitHeading(visit_id, customer.name, visit.date.strftime("%Y-%m-%d"),
                        visit.status.value)
