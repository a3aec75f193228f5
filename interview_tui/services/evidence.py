"""What earlier visits found for each of the seven goals: per customer and across accounts."""

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


def customer_evidence(store: Store, customer_id: int) -> list[Evidence]:
    """Every goal-tagged note of the customer, newest visit first."""
    rows = store.query(
        "SELECT n.visit_id, v.date, n.goal, n.text, n.internal FROM notes n"
        " JOIN visits v ON v.id = n.visit_id"
        " WHERE v.customer_id = ? AND n.goal IS NOT NULL AND trim(n.text) != ''"
        " ORDER BY v.date DESC, n.id",
        [customer_id],
    )
    return [Evidence(r["visit_id"], r["date"][:10], Goal(r["goal"]), r["text"],
                     bool(r["internal"])) for r in rows]  # fmt: skip


@dataclass(frozen=True, slots=True)
class MatrixRow:
    customer_id: int
    customer: str
    days: dict[Goal, int | None]  # days since the newest evidence, None when there is none


def account_matrix(store: Store, today: date, limit: int = 200) -> list[MatrixRow]:
    """Customers (most recently visited first) × goals: how old the newest evidence is."""
    customers = store.query(
        "SELECT c.id, c.name, max(v.date) AS last FROM customers c"
        " LEFT JOIN visits v ON v.customer_id = c.id GROUP BY c.id"
        " ORDER BY last IS NULL, last DESC LIMIT ?",
        [limit],
    )
    ids = [c["id"] for c in customers]
    newest: dict[tuple[int, str], str] = {}
    if ids:
        marks = ",".join("?" * len(ids))
        for row in store.query(
            "SELECT v.customer_id, n.goal, max(v.date) AS last FROM notes n"
            " JOIN visits v ON v.id = n.visit_id"
            f" WHERE v.customer_id IN ({marks}) AND n.goal IS NOT NULL AND v.date <= ?"
            " GROUP BY v.customer_id, n.goal",
            [*ids, f"{today.isoformat()}T23:59:59"],
        ):
            newest[(row["customer_id"], row["goal"])] = row["last"][:10]
    result = []
    for c in customers:
        days: dict[Goal, int | None] = {}
        for goal in Goal:
            last = newest.get((c["id"], goal.value))
            days[goal] = (today - date.fromisoformat(last)).days if last else None
        result.append(MatrixRow(c["id"], c["name"], days))
    return result
