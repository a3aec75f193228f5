"""What earlier visits found for each of the seven goals: per customer and across accounts.

Archived visits and customers are left out (they come back when restored).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from interview_tui.domain.enums import Goal
from interview_tui.store.store import Store


@dataclass(frozen=True, slots=True)
class Evidence:
    visit_id: int
    visit_date: str
    goal: Goal
    text: str
    internal: bool
    uid: str = ""  # the note's
    author: str = ""  # the member who wrote it ("" before a team)


def customer_evidence(store: Store, customer_id: int,
                      visit_ids: list[int] | None = None) -> list[Evidence]:  # fmt: skip
    """Every goal-tagged note of the customer (or of some of its visits), newest visit first."""
    only, params = "", []
    if visit_ids is not None:
        only = f" AND n.visit_id IN ({','.join('?' * len(visit_ids))})"
        params = list(visit_ids)
    rows = store.query(
        "SELECT n.visit_id, v.date, n.goal, n.text, n.internal, n.uid, n.author FROM notes n"
        " JOIN visits v ON v.id = n.visit_id"
        " WHERE v.customer_id = ? AND v.archived_at IS NULL AND n.goal IS NOT NULL"
        " AND trim(n.text) != ''"
        f"{only} ORDER BY v.date DESC, n.id",
        [customer_id, *params],
    )
    return [Evidence(r["visit_id"], r["date"][:10], Goal(r["goal"]), r["text"],
                     bool(r["internal"]), r["uid"] or "", r["author"] or "")
            for r in rows]  # fmt: skip


@dataclass(frozen=True, slots=True)
class MatrixRow:
    customer_id: int
    customer: str
    days: dict[Goal, int | None]  # days since the newest evidence, None when there is none


def count_customers(store: Store) -> int:
    return int(store.query("SELECT count(*) AS n FROM customers WHERE archived_at IS NULL")[0]["n"])


def account_matrix(store: Store, today: date, limit: int = 200,
                   offset: int = 0) -> list[MatrixRow]:  # fmt: skip
    """Customers (most recently visited first) × goals: how old the newest evidence is.

    Each cell is one index walk: the customer's visits newest first (up to today) until one
    has a note tagged with the goal, so a page costs the same on any number of visits.
    """
    customers = store.query(
        "SELECT c.id, c.name, (SELECT max(v.date) FROM visits v WHERE v.customer_id = c.id"
        " AND v.archived_at IS NULL) AS last FROM customers c WHERE c.archived_at IS NULL"
        " ORDER BY last IS NULL, last DESC, c.id LIMIT ? OFFSET ?",
        [limit, offset],
    )
    newest: dict[tuple[int, str], str] = {}
    if customers:
        ids = ",".join("(?)" for _ in customers)
        goals = ",".join("(?)" for _ in Goal)
        for row in store.query(
            f"WITH page(id) AS (VALUES {ids}), goals(goal) AS (VALUES {goals})"
            " SELECT page.id AS customer_id, goals.goal AS goal,"
            " (SELECT v.date FROM visits v WHERE v.customer_id = page.id AND v.date <= ?"
            "  AND v.archived_at IS NULL"
            "  AND EXISTS (SELECT 1 FROM notes n WHERE n.visit_id = v.id AND n.goal = goals.goal)"
            "  ORDER BY v.date DESC LIMIT 1) AS last"
            " FROM page, goals",
            [*(c["id"] for c in customers), *(g.value for g in Goal),
             f"{today.isoformat()}T23:59:59"],
        ):  # fmt: skip
            if row["last"]:
                newest[(row["customer_id"], row["goal"])] = row["last"][:10]
    result = []
    for c in customers:
        days: dict[Goal, int | None] = {}
        for goal in Goal:
            last = newest.get((c["id"], goal.value))
            days[goal] = (today - date.fromisoformat(last)).days if last else None
        result.append(MatrixRow(c["id"], c["name"], days))
    return result


@dataclass(frozen=True, slots=True)
class TimelineVisit:
    visit_id: int
    date: str
    status: str
    purpose: str
    evidence: list[Evidence]


@dataclass(frozen=True, slots=True)
class Timeline:
    customer: str
    visits: list[TimelineVisit]
    total: int


def customer_timeline(store: Store, customer_id: int, offset: int = 0,
                      limit: int = 30) -> Timeline:  # fmt: skip
    """A page of the customer's visits, newest first, each with the evidence it found."""
    from interview_tui.domain.models import Customer

    customer = store.get(Customer, customer_id)
    rows = store.query("SELECT id, date, status, purpose FROM visits WHERE customer_id = ?"
                       " AND archived_at IS NULL ORDER BY date DESC, id DESC LIMIT ? OFFSET ?",
                       [customer_id, limit, offset])  # fmt: skip
    total = int(store.query("SELECT count(*) AS n FROM visits WHERE customer_id = ?"
                            " AND archived_at IS NULL",
                            [customer_id])[0]["n"])  # fmt: skip
    found: dict[int, list[Evidence]] = {}
    for item in customer_evidence(store, customer_id, [row["id"] for row in rows]):
        found.setdefault(item.visit_id, []).append(item)
    visits = [TimelineVisit(row["id"], row["date"][:10], row["status"], row["purpose"] or "",
                            found.get(row["id"], [])) for row in rows]  # fmt: skip
    return Timeline(customer.name if customer else "?", visits, total)
