"""Visits as lists and headings show them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from interview_tui.store.store import Store

if TYPE_CHECKING:  # the models load on first use
    from interview_tui.domain.enums import VisitStatus
    from interview_tui.domain.models import Person, Visit


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
    return VisitHeading(
        visit_id, customer.name, visit.date.strftime("%Y-%m-%d"), visit.status.value
    )


@dataclass(frozen=True, slots=True)
class VisitFormData:
    """What the visit form needs: the visit (None when new) and the customers to choose."""

    visit: Visit | None
    customers: list[tuple[str, int]]


def load_visit_form(store: Store, visit_id: int | None) -> VisitFormData:
    from interview_tui.domain.models import Customer, Visit

    visit = None
    if visit_id is not None:
        visit = store.get(Visit, visit_id)
        if visit is None:
            from interview_tui.errors import UserError
            from interview_tui.i18n import t

            raise UserError(t("error.no_visit", id=visit_id))
    keep = visit.customer_id if visit is not None else -1
    customers = [
        (c.name, c.saved_id)
        for c in store.all(Customer, "archived_at IS NULL OR id = ?", [keep], order_by="name")
    ]
    return VisitFormData(visit, customers)


def people_of(store: Store, customer_id: int, keep: frozenset[int] = frozenset()) -> list[Person]:
    """The people of a customer to choose attendees from: those not archived, and archived
    ones in ``keep`` (already attendees of the visit, so editing it never drops them)."""
    return [p for p in store.people(customer_id) if p.archived_at is None or p.id in keep]


#: what a new visit's plan starts from, copied from the customer's last visit: the limits
#: and what sales has said hold for the account, not for one meeting (what we give back
#: and the purpose are the meeting's own)
CARRIED_FIELDS = ("sales_told", "do_not_say", "may_promise", "must_not_promise", "product_brief")


@dataclass(frozen=True)
class Carried:
    """The customer's last visit's account-wide plan fields, for a new visit to start from."""

    date: str  # that visit's date, as the form names it
    values: dict[str, str]


def carried_plan(store: Store, customer_id: int) -> Carried | None:
    """The fields of :data:`CARRIED_FIELDS` as the customer's latest visit (not archived)
    that set any of them holds them; ``None`` when none did."""
    fields = ", ".join(CARRIED_FIELDS)
    any_set = " OR ".join(f"{name} != ''" for name in CARRIED_FIELDS)
    rows = store.query(
        f"SELECT date, {fields} FROM visits WHERE customer_id = ? AND archived_at IS NULL"
        f" AND ({any_set}) ORDER BY date DESC LIMIT 1",
        [customer_id],
    )
    if not rows:
        return None
    row = rows[0]
    return Carried(str(row["date"])[:10], {name: str(row[name] or "") for name in CARRIED_FIELDS})


def save_visit(store: Store, visit_id: int | None, values: dict[str, object]) -> Visit:
    """Create the visit, or change the fields given; returns it as saved."""
    from interview_tui.domain.models import Visit

    with store.transaction():
        visit = store.get(Visit, visit_id) if visit_id is not None else None
        if visit is None:
            return store.save(Visit.model_validate(values))
        for key, value in values.items():
            setattr(visit, key, value)
        return store.save(visit)


def move_visit(store: Store, visit_id: int, target: VisitStatus | str) -> Visit:
    """Change a visit's status by an allowed move (see :mod:`interview_tui.domain.lifecycle`);
    returns the visit as saved."""
    from interview_tui.domain.enums import VisitStatus
    from interview_tui.domain.lifecycle import check_move

    with store.transaction():
        visit, _ = store.visit_with_customer(visit_id)
        target = VisitStatus(target)
        if visit.status is target:
            return visit
        check_move(visit.status, target)
        visit.status = target
        return store.save(visit)


@dataclass(frozen=True, slots=True)
class StatusChoice:
    """One move a menu offers for a visit, and whether it asks first."""

    target: str
    confirm: bool


@dataclass(frozen=True, slots=True)
class StatusMenu:
    visit_id: int
    customer: str
    day: str
    status: str
    choices: list[StatusChoice]


def status_menu(store: Store, visit_id: int, today: date) -> StatusMenu:
    """A visit's status and the moves allowed from it, for the status menu."""
    from interview_tui.domain.lifecycle import allowed, needs_confirmation

    visit, customer = store.visit_with_customer(visit_id)
    day = visit.date.date()
    choices = [
        StatusChoice(s.value, needs_confirmation(visit.status, s, day, today))
        for s in allowed(visit.status)
    ]
    return StatusMenu(visit_id, customer.name, day.isoformat(), visit.status.value, choices)


def live_check(store: Store, visit_id: int, today: date) -> tuple[bool, str]:
    """Whether opening the live screen now should be confirmed first (it would make a visit
    planned for another day live), and the planned day."""
    from interview_tui.domain.enums import VisitStatus
    from interview_tui.domain.lifecycle import needs_confirmation, opens_live

    visit, _ = store.visit_with_customer(visit_id)
    day = visit.date.date()
    ask = opens_live(visit.status) and needs_confirmation(
        visit.status, VisitStatus.LIVE, day, today
    )
    return ask, day.isoformat()
