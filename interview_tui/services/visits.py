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


@dataclass(frozen=True, slots=True)
class VisitFormData:
    """What the visit form needs: the visit (None when new) and the customers to choose."""

    visit: object | None  # Visit
    customers: list[tuple[str, int]]


def load_visit_form(store: Store, visit_id: int | None) -> VisitFormData:
    from interview_tui.domain.models import Customer, Visit

    visit = None
    if visit_id is not None:
        visit = store.get(Visit, visit_id)
        if visit is None:
            from interview_tui.errors import UserError

            raise UserError(f"no visit with id {visit_id}")
    customers = [(c.name, int(c.id)) for c in store.all(Customer, order_by="name")]
    return VisitFormData(visit, customers)


def people_of(store: Store, customer_id: int) -> list:
    """The people of a customer (for choosing attendees)."""
    return store.people(customer_id)


def save_visit(store: Store, visit_id: int | None, values: dict[str, object]):
    """Create the visit, or change the fields given; returns it as saved."""
    from interview_tui.domain.models import Visit

    with store.transaction():
        visit = store.get(Visit, visit_id) if visit_id is not None else None
        if visit is None:
            return store.save(Visit(**values))
        for key, value in values.items():
            setattr(visit, key, value)
        return store.save(visit)
