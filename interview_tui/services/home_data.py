"""What the home screen shows, read in one go (also before the UI has started)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from interview_tui.services.commitments import KeptOnTime, kept_on_time
from interview_tui.store.store import Store

#: How many rows the home screen shows; the rest is a search, a timeline or a filter away.
UPCOMING_LIMIT = 25
RECENT_LIMIT = 20
CUSTOMER_LIMIT = 25


@dataclass(frozen=True, slots=True)
class HomeData:
    """Everything the home screen shows, read in one go off the UI thread."""

    visits: list[dict]
    customers: list[dict]
    open_commitments: int
    overdue_commitments: int
    kept: KeptOnTime


def read_home(store: Store, today: date) -> HomeData:
    """Upcoming visits (soonest first), then recent ones, customers most recently seen first."""
    columns = "v.id, c.name AS customer, v.date, v.status, v.purpose"
    upcoming = store.query(
        f"SELECT {columns} FROM visits v JOIN customers c ON c.id = v.customer_id"
        " WHERE v.date >= ? ORDER BY v.date LIMIT ?",
        [today.isoformat(), UPCOMING_LIMIT],
    )
    recent = store.query(
        f"SELECT {columns} FROM visits v JOIN customers c ON c.id = v.customer_id"
        " WHERE v.date < ? ORDER BY v.date DESC LIMIT ?",
        [today.isoformat(), RECENT_LIMIT],
    )
    customers = store.query(
        "SELECT c.id, c.name, count(v.id) AS visits, max(v.date) AS last_visit FROM customers c"
        " LEFT JOIN visits v ON v.customer_id = c.id GROUP BY c.id"
        " ORDER BY last_visit DESC, c.name LIMIT ?",
        [CUSTOMER_LIMIT],
    )
    open_count, overdue = store.commitment_counts(today)
    kept = kept_on_time(store, today, per_customer=False)  # no join: home stays quick
    return HomeData(upcoming + recent, customers, open_count, overdue, kept)
