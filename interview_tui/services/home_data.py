"""What the home screen shows, read in one go (also before the UI has started)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from interview_tui.services.commitments import (
    DueSoon,
    KeptOnTime,
    due_soon,
    kept_on_time,
    open_count,
)
from interview_tui.store.store import Store

#: How many rows the home screen shows; the rest is a search, a timeline or a filter away.
UPCOMING_LIMIT = 25
RECENT_LIMIT = 20
CUSTOMER_LIMIT = 25


@dataclass(frozen=True, slots=True)
class HomeData:
    """Everything the home screen shows, read in one go off the UI thread."""

    visits: list[dict[str, Any]]
    customers: list[dict[str, Any]]
    open_commitments: int
    overdue_commitments: int
    kept: KeptOnTime
    #: what is overdue and due this week, ours and the customer's: the nudge
    due: DueSoon
    #: every visit the list could show (``visits`` holds the nearest of them)
    visits_total: int = 0


def visit_timing(when: str, status: str, today: date) -> str:
    """Where a visit stands in time: ``today``, ``upcoming`` (a later day), ``overdue`` (its
    day has passed and it is not done) or ``past`` (done, on an earlier day).

    ``when`` is the visit's ISO date and time.
    """
    day = when[:10]
    if day == today.isoformat():
        return "today"
    if day > today.isoformat():
        return "upcoming"
    return "past" if status == "done" else "overdue"


def read_home(store: Store, today: date, *, archived: bool = False) -> HomeData:
    """Upcoming visits (soonest first), then recent ones, customers most recently seen first.

    Archived visits and customers (and the visits of archived customers) are left out; with
    ``archived`` only they are shown, so they can be restored or deleted for good.
    """
    columns = "v.id, v.customer_id, c.name AS customer, v.date, v.status, v.purpose, v.shared_at"
    shown = (
        "(v.archived_at IS NOT NULL OR c.archived_at IS NOT NULL) AND v.importing IS NULL"
        if archived
        else "v.archived_at IS NULL AND c.archived_at IS NULL"
    )
    upcoming = store.query(
        f"SELECT {columns} FROM visits v JOIN customers c ON c.id = v.customer_id"
        f" WHERE v.date >= ? AND {shown} ORDER BY v.date LIMIT ?",
        [today.isoformat(), UPCOMING_LIMIT],
    )
    recent = store.query(
        f"SELECT {columns} FROM visits v JOIN customers c ON c.id = v.customer_id"
        f" WHERE v.date < ? AND {shown} ORDER BY v.date DESC LIMIT ?",
        [today.isoformat(), RECENT_LIMIT],
    )
    if archived:  # a few: counted as they are
        customers = store.query(
            "SELECT c.id, c.name, count(v.id) AS visits, max(v.date) AS last_visit"
            " FROM customers c LEFT JOIN visits v ON v.customer_id = c.id"
            " AND v.archived_at IS NULL WHERE c.archived_at IS NOT NULL AND c.importing IS NULL"
            " GROUP BY c.id ORDER BY last_visit DESC, c.name LIMIT ?",
            [CUSTOMER_LIMIT],
        )
    else:
        customers = recent_customers(store, CUSTOMER_LIMIT)
    # the same filters as the commitments screen (archived visits left out, as there)
    open_total = open_count(store)  # from counters the triggers keep: no count at any size
    kept = kept_on_time(store, today, per_customer=False)  # no join: home stays quick
    due = due_soon(store, today)
    total = len(upcoming) + len(recent)
    if not archived and (len(upcoming) >= UPCOMING_LIMIT or len(recent) >= RECENT_LIMIT):
        total = visits_total(store)  # the list is cut: how many there are in all
    return HomeData(
        upcoming + recent, customers, open_total, sum(due.overdue.values()), kept, due, total
    )


def visits_total(store: Store) -> int:
    """How many visits home could list (archived ones and those of archived customers left
    out), from the counters kept per customer: the cost grows with the customers."""
    return int(
        store.query(
            "SELECT coalesce(sum(k.n), 0) AS n FROM customer_visit_counts k"
            " JOIN customers c ON c.id = k.customer_id WHERE c.archived_at IS NULL"
        )[0]["n"]
    )


def recent_customers(store: Store, limit: int) -> list[dict[str, Any]]:
    """The customers seen most recently (their last visit, newest first, then by name), each
    with how many visits it has and its last visit's date; archived ones left out.

    Both figures are kept per customer by triggers (store/migrations.py), so the cost grows
    with the number of customers, never with the number of visits.
    """
    return store.query(
        "SELECT c.id, c.name, coalesce(k.n, 0) AS visits,"
        " CASE WHEN k.n > 0 THEN k.last END AS last_visit"
        " FROM customers c LEFT JOIN customer_visit_counts k ON k.customer_id = c.id"
        " WHERE c.archived_at IS NULL AND c.importing IS NULL"
        " ORDER BY last_visit DESC, c.name LIMIT ?",
        [limit],
    )
