"""What the home screen shows, read in one go (also before the UI has started)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from interview_tui.store.store import Store


@dataclass(frozen=True, slots=True)
class HomeData:
    """Everything the home screen shows, read in one go off the UI thread."""

    visits: list[dict]
    customers: list[dict]
    open_commitments: int
    overdue_commitments: int


def read_home(store: Store, today: date, limit: int = 200) -> HomeData:
    upcoming = store.query(
        "SELECT v.id, c.name AS customer, v.date, v.status, v.purpose FROM visits v"
        " JOIN customers c ON c.id = v.customer_id WHERE v.date >= ?"
        " ORDER BY v.date LIMIT ?",
        [today.isoformat(), limit],
    )
    recent = store.query(
        "SELECT v.id, c.name AS customer, v.date, v.status, v.purpose FROM visits v"
        " JOIN customers c ON c.id = v.customer_id WHERE v.date < ?"
        " ORDER BY v.date DESC LIMIT ?",
        [today.isoformat(), limit],
    )
    customers = store.query(
        "SELECT c.id, c.name, count(v.id) AS visits FROM customers c"
        " LEFT JOIN visits v ON v.customer_id = c.id GROUP BY c.id ORDER BY c.name LIMIT ?",
        [limit],
    )
    open_count, overdue = store.commitment_counts(today)
    return HomeData(upcoming + recent, customers, open_count, overdue)
