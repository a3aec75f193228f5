"""What earlier visits found for each of the seven goals: per customer and across accounts.

Archived visits and customers are left out (they come back when restored).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from interview_tui.domain.enums import Goal
from interview_tui.store.store import Store


def evidence_goal(record: Any) -> Goal | None:
    """The goal a record is evidence for, or ``None``: the one rule every count asks (the
    live goal panel, the account matrix, the timeline, the brief and the report).

    A note counts for the goal it is tagged with when it says something (a pain point is a
    note tagged pain points, its action a commitment of ours); a requirement counts for key
    requirements. The SQL below (:data:`_EVIDENCE_SQL`) is the same rule over the tables.
    """
    from interview_tui.domain.models import Note, Requirement

    if isinstance(record, Requirement):
        return Goal.KEY_REQUIREMENTS
    if isinstance(record, Note) and record.text.strip():
        return record.goal
    return None


def evidence_counts(records: Iterable[Any]) -> Counter[Goal]:
    """How many records are evidence for each goal."""
    return Counter(goal for record in records if (goal := evidence_goal(record)) is not None)


#: :func:`evidence_goal` in SQL: the visit ``v`` has evidence for the goal ``goals.goal``
_EVIDENCE_SQL = (
    "(EXISTS (SELECT 1 FROM notes n WHERE n.visit_id = v.id AND n.goal = goals.goal"
    " AND trim(n.text) != '')"
    " OR (goals.goal = 'key_requirements'"
    " AND EXISTS (SELECT 1 FROM requirements r WHERE r.visit_id = v.id)))"  # its index: v12
)


@dataclass(frozen=True, slots=True)
class Evidence:
    visit_id: int
    visit_date: str
    goal: Goal
    text: str
    internal: bool
    uid: str = ""  # the note's
    author: str = ""  # the member who wrote it ("" before a team)


#: a requirement's words as a finding: its title, else its pain, scenario or user
_REQUIREMENT_TEXT = (
    "coalesce(nullif(r.title, ''), nullif(r.pain, ''), nullif(r.scenario, ''), r.user)"
)


def customer_evidence(
    store: Store, customer_id: int, visit_ids: list[int] | None = None
) -> list[Evidence]:
    """Every goal-tagged note of the customer (or of some of its visits), newest visit first
    (by date, then id), with its requirements after its notes."""
    only, params = "", []
    if visit_ids is not None:
        only = f" AND n.visit_id IN ({','.join('?' * len(visit_ids))})"
        params = list(visit_ids)
    rows = store.query(  # evidence_goal's rule: tagged notes, and requirements for goal 5
        "SELECT visit_id, date, goal, text, internal, uid, author FROM ("
        " SELECT n.visit_id, v.date, n.goal, n.text, n.internal, n.uid, n.author, 0 AS k, n.id"
        " FROM notes n"
        " JOIN visits v ON v.id = n.visit_id"
        " WHERE v.customer_id = ? AND v.archived_at IS NULL AND n.goal IS NOT NULL"
        f" AND trim(n.text) != ''{only}"
        f" UNION ALL SELECT r.visit_id, v.date, 'key_requirements', {_REQUIREMENT_TEXT},"
        " 0, r.uid, r.author, 1, r.id FROM requirements r JOIN visits v ON v.id = r.visit_id"
        " WHERE r.customer_id = ? AND v.customer_id = r.customer_id AND v.archived_at IS NULL"
        f"{only.replace('n.', 'r.')}"
        ") ORDER BY date DESC, visit_id DESC, k, id",
        [customer_id, *params, customer_id, *params],
    )
    return [_evidence(r) for r in rows]


#: how many findings per goal the brief shows (the newest)
BRIEF_EVIDENCE_PER_GOAL = 5

#: the newest tagged notes of one goal of a customer: its visits newest first (the
#: ``visits_customer_date`` index, whose rows end with the visit's id), each probed for the
#: goal (``notes_visit_goal``, in note order): no sort, so the walk stops at the limit,
#: however many notes the customer or a visit has
_NEWEST_NOTES_SQL = (
    "SELECT n.visit_id, v.date, n.goal, n.text, n.internal, n.uid, n.author, 0 AS k, n.id"
    " FROM visits v CROSS JOIN notes n ON n.visit_id = v.id AND n.goal = ?"
    " WHERE v.customer_id = ? AND v.archived_at IS NULL AND v.id IS NOT ?"
    " AND trim(n.text) != '' ORDER BY v.date DESC, v.id DESC, n.id LIMIT ?"
)
#: the newest requirements of a customer (evidence for key requirements), the same walk
#: (``requirements_visit``)
_NEWEST_REQUIREMENTS_SQL = (
    "SELECT r.visit_id, v.date, 'key_requirements' AS goal,"
    f" {_REQUIREMENT_TEXT} AS text,"
    " 0 AS internal, r.uid, r.author, 1 AS k, r.id"
    " FROM visits v CROSS JOIN requirements r ON r.visit_id = v.id"
    " WHERE v.customer_id = ? AND r.customer_id = v.customer_id AND v.archived_at IS NULL"
    " AND v.id IS NOT ? ORDER BY v.date DESC, v.id DESC, r.id LIMIT ?"
)


def newest_evidence(
    store: Store,
    customer_id: int,
    per_goal: int = BRIEF_EVIDENCE_PER_GOAL,
    exclude_visit: int | None = None,
) -> list[Evidence]:
    """The newest ``per_goal`` findings of each goal of the customer (leaving out the visit
    ``exclude_visit``), newest visit first: what :func:`customer_evidence` lists first for
    each goal, read with a bounded walk per goal instead of every note of the customer."""
    rows: list[dict[str, Any]] = []
    for goal in Goal:
        found = store.query(_NEWEST_NOTES_SQL, [goal.value, customer_id, exclude_visit, per_goal])
        if goal is Goal.KEY_REQUIREMENTS:  # its requirements too, merged in the same order
            found = found + store.query(
                _NEWEST_REQUIREMENTS_SQL, [customer_id, exclude_visit, per_goal]
            )
            _newest_first(found)
        rows += found[:per_goal]
    return [_evidence(r) for r in _newest_first(rows)]


def _newest_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` in :func:`customer_evidence`'s order: newest visit first (by date, then
    id), its notes before its requirements, each by id (two stable sorts)."""
    rows.sort(key=lambda r: (r["k"], r["id"]))
    rows.sort(key=lambda r: (r["date"], r["visit_id"]), reverse=True)
    return rows


def _evidence(r: Any) -> Evidence:
    return Evidence(
        r["visit_id"],
        r["date"][:10],
        Goal(r["goal"]),
        r["text"],
        bool(r["internal"]),
        r["uid"] or "",
        r["author"] or "",
    )


@dataclass(frozen=True, slots=True)
class MatrixRow:
    customer_id: int
    customer: str
    days: dict[Goal, int | None]  # days since the newest evidence, None when there is none


def count_customers(store: Store) -> int:
    return int(store.query("SELECT count(*) AS n FROM customers WHERE archived_at IS NULL")[0]["n"])


def account_matrix(store: Store, today: date, limit: int = 200, offset: int = 0) -> list[MatrixRow]:
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
            f"  AND {_EVIDENCE_SQL}"
            "  ORDER BY v.date DESC LIMIT 1) AS last"
            " FROM page, goals",
            [
                *(c["id"] for c in customers),
                *(g.value for g in Goal),
                f"{today.isoformat()}T23:59:59",
            ],
        ):
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


def customer_timeline(store: Store, customer_id: int, offset: int = 0, limit: int = 30) -> Timeline:
    """A page of the customer's visits, newest first, each with the evidence it found."""
    from interview_tui.domain.models import Customer

    customer = store.get(Customer, customer_id)
    rows = store.query(
        "SELECT id, date, status, purpose FROM visits WHERE customer_id = ?"
        " AND archived_at IS NULL ORDER BY date DESC, id DESC LIMIT ? OFFSET ?",
        [customer_id, limit, offset],
    )
    total = int(
        store.query(
            "SELECT count(*) AS n FROM visits WHERE customer_id = ? AND archived_at IS NULL",
            [customer_id],
        )[0]["n"]
    )
    found: dict[int, list[Evidence]] = {}
    for item in customer_evidence(store, customer_id, [row["id"] for row in rows]):
        found.setdefault(item.visit_id, []).append(item)
    visits = [
        TimelineVisit(
            row["id"],
            row["date"][:10],
            row["status"],
            row["purpose"] or "",
            found.get(row["id"], []),
        )
        for row in rows
    ]
    return Timeline(customer.name if customer else "?", visits, total)
