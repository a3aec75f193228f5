"""Every commitment across visits: filters, closing, rescheduling, and who keeps promises.

A commitment counts as kept when it was closed done on or before its due date (one without
a due date counts as kept when done). The rate is over closed-or-overdue commitments, the
ones whose outcome is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from interview_tui.domain.enums import CommitmentState
from interview_tui.domain.models import Commitment
from interview_tui.errors import UserError
from interview_tui.store.store import Store


@dataclass(frozen=True, slots=True)
class CommitmentRow:
    """A commitment with the customer and visit it belongs to."""

    commitment: Commitment
    customer_id: int
    customer: str
    visit_date: str

    def is_overdue(self, today: date) -> bool:
        return self.commitment.is_overdue(today)

    def to_dict(self, today: date) -> dict[str, object]:
        c = self.commitment
        return {
            "id": c.id, "visit_id": c.visit_id, "customer": self.customer,
            "visit_date": self.visit_date, "text": c.text, "owner": c.owner_side.value,
            "owner_name": c.owner_name, "due": c.due.isoformat() if c.due else None,
            "state": c.state.value, "overdue": c.is_overdue(today),
            "within_authority": c.within_authority, "resolution_note": c.resolution_note,
            "closed_on": c.closed_on.isoformat() if c.closed_on else None,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class CommitmentFilter:
    open_only: bool = False
    overdue_only: bool = False
    due_this_week: bool = False
    customer_id: int | None = None
    owner: str = ""  # matches the owner side ("us", "customer") or part of the name

    def sql(self, today: date) -> tuple[str, list[object]]:
        """A WHERE clause over ``commitments m`` alone (no join), and its parameters."""
        where, params = ["1 = 1"], []
        if self.open_only or self.overdue_only or self.due_this_week:
            where.append("m.state = 'open'")
        if self.overdue_only:
            where.append("m.due IS NOT NULL AND m.due < ?")
            params.append(today.isoformat())
        if self.due_this_week:
            end = today + timedelta(days=6 - today.weekday())
            where.append("m.due IS NOT NULL AND m.due <= ?")
            params.append(end.isoformat())
        if self.customer_id is not None:
            where.append("m.visit_id IN (SELECT id FROM visits WHERE customer_id = ?)")
            params.append(self.customer_id)
        if self.owner:
            where.append("(m.owner_side = ? OR m.owner_name LIKE ?)")
            params += [self.owner, f"%{self.owner}%"]
        return " AND ".join(where), params


_ROW_SQL = (
    "SELECT m.*, v.customer_id AS _customer_id, c.name AS _customer, v.date AS _visit_date"
    " FROM commitments m JOIN visits v ON v.id = m.visit_id"
    " JOIN customers c ON c.id = v.customer_id"
)


def _row(row: dict) -> CommitmentRow:
    from interview_tui.store.records import from_row

    extra = {key: row.pop(key) for key in ("_customer_id", "_customer", "_visit_date")}
    return CommitmentRow(from_row(Commitment, row), extra["_customer_id"], extra["_customer"],
                         (extra["_visit_date"] or "")[:10])  # fmt: skip


#: overdue first, then by due date (none last); done and dropped after open
_ORDER = "m.state != 'open', m.due IS NULL, m.due, m.id"


def list_commitments(store: Store, today: date, filters: CommitmentFilter | None = None,
                     offset: int = 0, limit: int | None = None) -> list[CommitmentRow]:  # fmt: skip
    """Overdue first, then by due date (none last); done and dropped after open.

    Every match unless ``limit`` asks for a page (screens read pages, the CLI reads all).
    A page is chosen among the commitments alone (by their ids, from the state and due
    index) and only its rows are read whole and joined to their visit and customer.
    """
    where, params = (filters or CommitmentFilter()).sql(today)
    if limit is not None:
        ids = [row["id"] for row in store.query(
            f"SELECT m.id FROM commitments m WHERE {where} ORDER BY {_ORDER} LIMIT ? OFFSET ?",
            [*params, limit, offset])]  # fmt: skip
        where, params = f"m.id IN ({','.join('?' * len(ids))})", ids
    rows = store.query(f"{_ROW_SQL} WHERE {where} ORDER BY {_ORDER}", params)
    return [_row(row) for row in rows]


def count_commitments(store: Store, today: date, filters: CommitmentFilter | None = None) -> int:
    where, params = (filters or CommitmentFilter()).sql(today)
    return int(store.query(f"SELECT count(*) AS n FROM commitments m WHERE {where}",
                           params)[0]["n"])  # fmt: skip


def commitment_row(store: Store, commitment_id: int) -> CommitmentRow:
    """One commitment as the lists show it (after a change)."""
    rows = store.query(f"{_ROW_SQL} WHERE m.id = ?", [commitment_id])
    if not rows:
        raise UserError(f"no commitment with id {commitment_id}")
    return _row(rows[0])


def customers_with_commitments(store: Store) -> list[tuple[int, str]]:
    """(id, name) of every customer that has a commitment, by name."""
    return [(r["id"], r["name"]) for r in store.query(
        "SELECT DISTINCT c.id, c.name FROM customers c JOIN visits v ON v.customer_id = c.id"
        " JOIN commitments m ON m.visit_id = v.id ORDER BY c.name")]  # fmt: skip


def close(store: Store, commitment: Commitment, state: CommitmentState, note: str,
          today: date) -> Commitment:  # fmt: skip
    """Mark done or dropped, with a note (a dropped commitment needs one)."""
    if state is CommitmentState.OPEN:
        raise UserError("close a commitment as done or dropped")
    if state is CommitmentState.DROPPED and not note.strip():
        raise UserError("say why the commitment is dropped")
    with store.transaction():
        commitment = _fresh(store, commitment)
        commitment.state = state
        commitment.resolution_note = note.strip()
        commitment.closed_on = today
        commitment.history = [*commitment.history, {"on": today.isoformat(),
                                                    "state": state.value, "note": note.strip()}]
        return store.save(commitment)


def _fresh(store: Store, commitment: Commitment) -> Commitment:
    """The commitment as stored now (the caller's copy is never changed)."""
    current = store.get(Commitment, commitment.id) if commitment.id is not None else None
    if current is None:
        raise UserError(f"no commitment with id {commitment.id}")
    return current


def reschedule(store: Store, commitment: Commitment, due: date, reason: str,
               today: date) -> Commitment:  # fmt: skip
    """Move the due date; the reason and the old date are kept in its history."""
    if not reason.strip():
        raise UserError("say why the due date moves")
    with store.transaction():
        commitment = _fresh(store, commitment)
        old = commitment.due.isoformat() if commitment.due else ""
        commitment.history = [*commitment.history, {"on": today.isoformat(), "from": old,
                                                    "to": due.isoformat(),
                                                    "reason": reason.strip()}]  # fmt: skip
        commitment.due = due
        return store.save(commitment)


@dataclass(frozen=True, slots=True)
class KeptRate:
    kept: int
    settled: int  # closed, or open and overdue: the outcome is known

    @property
    def rate(self) -> float | None:
        return self.kept / self.settled if self.settled else None


_KEPT = "sum(m.state = 'done' AND (m.due IS NULL OR m.closed_on <= m.due))"
_SETTLED = "sum(m.state != 'open' OR (m.due IS NOT NULL AND m.due < ?))"


def kept_overall(store: Store, today: date) -> KeptRate:
    """The kept-on-time rate over every commitment, counted from the indexes alone."""
    row = store.query(
        "SELECT (SELECT count(*) FROM commitments WHERE state = 'done'"
        "        AND (due IS NULL OR closed_on <= due)) AS kept,"
        " (SELECT count(*) FROM commitments WHERE state != 'open')"
        " + (SELECT count(*) FROM commitments WHERE state = 'open' AND due < ?) AS settled",
        [today.isoformat()],
    )[0]
    return KeptRate(int(row["kept"]), int(row["settled"]))


def kept_per_customer(store: Store, today: date) -> dict[str, KeptRate]:
    """Each customer's kept-on-time rate, by name (customers with a known outcome only)."""
    rows = store.query(
        f"SELECT c.name AS customer, {_KEPT} AS kept, {_SETTLED} AS settled"
        " FROM commitments m JOIN visits v ON v.id = m.visit_id"
        " JOIN customers c ON c.id = v.customer_id GROUP BY c.id ORDER BY c.name",
        [today.isoformat()],
    )
    return {row["customer"]: KeptRate(int(row["kept"] or 0), int(row["settled"] or 0))
            for row in rows if row["settled"]}  # fmt: skip


def kept_on_time(store: Store, today: date) -> tuple[KeptRate, dict[str, KeptRate]]:
    """Overall and per-customer kept-on-time rates, computed in SQL (fast on any size)."""
    per_customer = kept_per_customer(store, today)
    overall = KeptRate(sum(r.kept for r in per_customer.values()),
                       sum(r.settled for r in per_customer.values()))  # fmt: skip
    return overall, per_customer
