"""Every commitment across visits: filters, closing, reopening, rescheduling, and who keeps
promises.

Kept on time is measured against the FIRST due date: a reschedule moves the due date shown,
never the date the promise is judged by, so a late promise stays late. A commitment counts
as kept when it was closed done on or before its first due date (one without a due date
counts as kept when done). A commitment is *due* (counted in the rate) once its outcome is
known: closed, or open past its first due date. Ours and the customer's are counted apart;
"the rate" is ours.

Every change of state or due date is appended to the commitment's history: when, what
changed (from, to) and why.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from interview_tui.domain.enums import CommitmentState, OwnerSide
from interview_tui.domain.lateness import days_late, judged_by, judged_by_sql, late_and_overdue
from interview_tui.domain.names import display
from interview_tui.errors import UserError
from interview_tui.i18n import t
from interview_tui.services import list_text
from interview_tui.services.archived import any_archived
from interview_tui.store.store import Store

if TYPE_CHECKING:  # the records load with pydantic: only where one is read or changed
    from interview_tui.domain.models import Commitment


@dataclass(frozen=True, slots=True)
class CommitmentRow:
    """A commitment with the customer and visit it belongs to."""

    commitment: Commitment
    customer_id: int
    customer: str
    visit_date: str
    #: why the authority check flagged it: each limit with the commitment's words (filled
    #: by :func:`commitment_row` for a flagged commitment)
    why: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()  # the fields in open team conflict

    def is_overdue(self, today: date) -> bool:
        return self.commitment.is_overdue(today)

    def to_dict(self, today: date) -> dict[str, object]:
        c = self.commitment
        return {
            "id": c.id,
            "visit_id": c.visit_id,
            "customer": self.customer,
            "visit_date": self.visit_date,
            "text": c.text,
            "owner": c.owner_side.value,
            "owner_name": c.owner_name,
            "due": c.due.isoformat() if c.due else None,
            "state": c.state.value,
            "overdue": c.is_overdue(today),
            "uid": c.uid,
            "first_due": c.first_due.isoformat() if c.first_due else None,
            "judged_due": c.judged_due.isoformat() if c.judged_due else None,
            "late": c.is_late(today),
            "within_authority": c.within_authority,
            "authority_override": c.authority_override,
            "resolution_note": c.resolution_note,
            "closed_on": c.closed_on.isoformat() if c.closed_on else None,
            "history": c.history,
            "author": c.author,
        }


#: commitments of archived visits or customers are not listed or counted (they come back on
#: restore); over ``commitments m`` alone: the archived visits come from the partial indexes
NOT_ARCHIVED = (
    "m.visit_id NOT IN (SELECT id FROM visits WHERE archived_at IS NOT NULL"
    " UNION SELECT v.id FROM customers c JOIN visits v ON v.customer_id = c.id"
    " WHERE c.archived_at IS NOT NULL)"
)


def state_label(c: Commitment | LineDates, today: date) -> str:
    """The state every list shows: overdue now, late (past the first due date, though
    rescheduled or done since), or the plain state."""
    if c.is_overdue(today):
        return t("commitments.overdue")
    if c.state is CommitmentState.OPEN and c.is_late(today):
        return t("commitments.late")
    return display(c.state)  # done late: the state, and the late note beside it


def late_short(c: Commitment | LineDates, today: date) -> str:
    """How many days late, alone ("12 d"), after the late mark where a line has no room
    for :func:`late_note`."""
    return t("commitments.late_short", days=c.days_late(today))


def late_note(c: Commitment | LineDates, today: date) -> str:
    """How late and against which date ("late 12 d, first due 2026-03-01", or the sooner
    date it was moved to and missed); empty when the promise is not late. The one sentence
    every output uses."""
    days = c.days_late(today)
    if not days:
        return ""
    judged = judged_by(c.due, c.first_due, c.judged_due)
    day = judged.isoformat() if judged else "—"
    if judged is not None and c.first_due is not None and judged < c.first_due:
        return t("commitments.late_note_sooner", days=days, date=day)
    return t("commitments.late_note", days=days, date=day)


#: SQL twin of :meth:`Commitment.is_late` over ``commitments m`` (one parameter: today)
_LATE_SQL = (
    f"m.state != 'dropped' AND {judged_by_sql('m.')} IS NOT NULL"
    f" AND {judged_by_sql('m.')} < (CASE WHEN m.state = 'done'"
    " AND m.closed_on IS NOT NULL THEN m.closed_on ELSE ? END)"
)


#: the member filter for "mine" (see :attr:`CommitmentFilter.member`)
ME = "me"


def me(store: Store) -> str:
    """This laptop's member (also when the store was opened read-only), "" before a team."""
    return store.member or store.meta("team.member") or ""


def members(store: Store) -> list[str]:
    """The colleagues who made commitments here (their e-mails, by name), this laptop's
    member left out."""
    return [
        r["author"]
        for r in store.query(
            "SELECT DISTINCT author FROM commitments WHERE author NOT IN ('', ?) ORDER BY author",
            [me(store)],
        )
    ]


def member_filter(store: Store, member: str) -> tuple[str, str]:
    """``(member, me)`` for :class:`CommitmentFilter` from what a user typed: ``me`` or a
    member's e-mail (any case, or the part before the ``@`` when that names one member)."""
    wanted, mine = member.strip(), me(store)
    if not wanted or wanted.casefold() in (ME, mine.casefold()):
        return (ME if wanted else "", mine)
    known = members(store)
    exact = [m for m in known if m.casefold() == wanted.casefold()]
    local = [m for m in known if m.split("@")[0].casefold() == wanted.casefold()]
    found = exact or local
    if len(found) != 1:
        raise UserError(t("error.no_member", member=wanted, members=", ".join([ME, *known])))
    return found[0], mine


#: "due soon" (home's nudge, ``commitments --due-soon``): open, overdue or due within these days
DUE_SOON_DAYS = 7
#: the lines ``commitments --due-soon`` prints at most (a prompt's glance, at any size); a
#: last line on standard error counts the rest
DUE_SOON_LINES = 20


@dataclass(frozen=True, slots=True)
class CommitmentFilter:
    open_only: bool = False
    overdue_only: bool = False
    #: past the first due date: overdue now, rescheduled after it, or done after it
    late_only: bool = False
    due_this_week: bool = False
    customer_id: int | None = None
    owner: str = ""  # matches the owner side ("us", "customer") or part of the name
    #: open and due within this many days from today, overdue ones included ("due soon")
    due_within: int | None = None
    #: who made the commitment: a member's e-mail, or :data:`ME` (this laptop's member, and
    #: what was written before this database joined a team)
    member: str = ""
    #: this laptop's member when ``member`` is :data:`ME`
    me: str = ""
    #: only the rows that show every word of it (text, owner, customer, state, conflict)
    text: str = ""

    def sql(self, today: date, *, hide_archived: bool = True) -> tuple[str, list[object]]:
        """A WHERE clause over ``commitments m`` alone (no join), and its parameters;
        ``hide_archived=False`` when nothing is archived (the check then costs nothing)."""
        where: list[str] = [NOT_ARCHIVED if hide_archived else "1 = 1"]
        params: list[object] = []
        if self.open_only or self.overdue_only or self.due_this_week or self.due_within is not None:
            where.append("m.state = 'open'")
        if self.due_within is not None:
            where.append("m.due IS NOT NULL AND m.due <= ?")
            params.append((today + timedelta(days=self.due_within)).isoformat())
        if self.overdue_only:
            where.append("m.due IS NOT NULL AND m.due < ?")
            params.append(today.isoformat())
        if self.late_only:
            where.append(_LATE_SQL)
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
        if self.member == ME:
            where.append("m.author IN ('', ?)")
            params.append(self.me)
        elif self.member:
            where.append("m.author = ?")
            params.append(self.member)
        if self.text.strip():
            clause, more = list_text.text_clause(
                self.text,
                [
                    "m.text",
                    "m.owner_name",
                    "(SELECT c.name FROM visits v JOIN customers c ON c.id = v.customer_id"
                    " WHERE v.id = m.visit_id)",
                ],
                choices={"m.state": CommitmentState, "m.owner_side": OwnerSide},
                conflict=("m.uid", "commitment"),
            )
            where.append(clause)
            params += more
        return " AND ".join(where), params


_ROW_SQL = (
    "SELECT m.*, v.customer_id AS _customer_id, c.name AS _customer, v.date AS _visit_date"
    " FROM commitments m JOIN visits v ON v.id = m.visit_id"
    " JOIN customers c ON c.id = v.customer_id"
)


def _row(row: dict[str, Any]) -> CommitmentRow:
    from interview_tui.store.records import from_row

    extra = {key: row.pop(key) for key in ("_customer_id", "_customer", "_visit_date")}
    from interview_tui.domain.models import Commitment

    return CommitmentRow(
        from_row(Commitment, row),
        extra["_customer_id"],
        extra["_customer"],
        (extra["_visit_date"] or "")[:10],
    )


#: overdue first, then by due date (none last); done and dropped after open
_ORDER = "m.state != 'open', m.due IS NULL, m.due, m.id"


def list_commitments(
    store: Store,
    today: date,
    filters: CommitmentFilter | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[CommitmentRow]:
    """Overdue first, then by due date (none last); done and dropped after open.

    Every match unless ``limit`` asks for a page (screens read pages, the CLI reads all).
    A page is chosen among the commitments alone (by their ids, from the state and due
    index) and only its rows are read whole and joined to their visit and customer.
    """
    where, params = (filters or CommitmentFilter()).sql(today, hide_archived=any_archived(store))
    if limit is not None:
        ids = [
            row["id"]
            for row in store.query(
                f"SELECT m.id FROM commitments m WHERE {where} ORDER BY {_ORDER} LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        ]
        where, params = f"m.id IN ({','.join('?' * len(ids))})", ids
    rows = store.query(f"{_ROW_SQL} WHERE {where} ORDER BY {_ORDER}", params)
    return _with_conflicts(store, [_row(row) for row in rows])


def _with_conflicts(store: Store, rows: list[CommitmentRow]) -> list[CommitmentRow]:
    """The rows, each with the fields of its commitment in open team conflict."""
    found = list_text.conflicts_of(store, "commitment", [r.commitment.uid for r in rows])
    if not found:
        return rows
    return [
        replace(r, conflicts=found[r.commitment.uid]) if r.commitment.uid in found else r
        for r in rows
    ]


@dataclass(frozen=True, slots=True)
class CommitmentLine:
    """What a listing shows of one commitment, read as a plain row (no model is built: the
    CLI lists tens of thousands)."""

    id: int
    due: str | None  # ISO date
    state: str
    owner_side: str
    owner_name: str
    text: str
    customer: str
    first_due: str | None = None  # ISO date
    closed_on: str | None = None  # ISO date
    author: str = ""  # the member who wrote it ("" before a team)
    #: the fields in open team conflict (the states or dates differ between laptops)
    conflicts: tuple[str, ...] = ()
    judged_due: str | None = None  # ISO date: the soonest it was due (see Commitment)

    def is_overdue(self, today: date) -> bool:
        return self.state == "open" and self.due is not None and self.due < today.isoformat()

    def dates(self) -> LineDates:
        """Its state and dates, which :func:`state_label` and :func:`late_note` read."""

        def day(iso: str | None) -> date | None:
            return date.fromisoformat(iso[:10]) if iso else None

        return LineDates(
            CommitmentState(self.state),
            day(self.due),
            day(self.first_due),
            day(self.closed_on),
            day(self.judged_due),
        )


@dataclass(frozen=True, slots=True)
class LineDates:
    """A listed commitment's state and dates: late and overdue as :class:`Commitment`
    says them (one rule, :func:`~interview_tui.domain.lateness.days_late`), without a model."""

    state: CommitmentState
    due: date | None
    first_due: date | None
    closed_on: date | None
    judged_due: date | None = None

    def is_overdue(self, today: date) -> bool:
        return self.state is CommitmentState.OPEN and self.due is not None and self.due < today

    def days_late(self, today: date) -> int:
        return days_late(
            self.state, self.due, self.first_due, self.closed_on, today, self.judged_due
        )

    def is_late(self, today: date) -> bool:
        return self.days_late(today) > 0


def commitment_lines(
    store: Store,
    today: date,
    filters: CommitmentFilter | None = None,
    *,
    limit: int | None = None,
) -> Iterator[CommitmentLine]:
    """Every match of ``filters`` in :func:`list_commitments`' order (the first ``limit``
    when given), one plain row at a time. Open ones due soon are read in the order of their
    ``(state, due)`` index, which is that order for them, so a limited read stops after
    ``limit`` rows at any size (``commitments --due-soon``)."""
    filters = filters or CommitmentFilter()
    where, params = filters.sql(today, hide_archived=any_archived(store))
    # every row is open with a due date: by due date and id, as the index holds them
    order = "m.due, m.id" if filters.due_within is not None else _ORDER
    sql = (
        "SELECT m.id, m.due, m.state, m.owner_side, m.owner_name, m.text, c.name,"
        " m.first_due, m.closed_on, m.author, m.uid, m.judged_due"
        " FROM commitments m JOIN visits v ON v.id = m.visit_id"
        f" JOIN customers c ON c.id = v.customer_id WHERE {where} ORDER BY {order}"
    )
    if limit is not None:
        sql, params = f"{sql} LIMIT ?", [*params, limit]
    conflicted: dict[str, list[str]] = {}  # a few rows at most: read whole, once
    for uid, path in store.rows(
        "SELECT uid, path FROM team_conflicts WHERE kind = 'commitment' ORDER BY path", []
    ):
        conflicted.setdefault(uid, []).append(path)
    for row in store.rows(sql, params):
        yield CommitmentLine(
            row[0],
            (row[1] or "")[:10] or None,
            row[2],
            row[3] or "",
            row[4] or "",
            row[5] or "",
            row[6] or "",
            row[7],
            row[8],
            row[9] or "",
            tuple(conflicted.get(row[10], ())),
            row[11],
        )


def iter_commitments(
    store: Store,
    today: date,
    filters: CommitmentFilter | None = None,
) -> Iterator[CommitmentRow]:
    """Every match of :func:`list_commitments`, in its order, read one row at a time (a
    listing of every commitment of a career never holds them all)."""
    where, params = (filters or CommitmentFilter()).sql(today, hide_archived=any_archived(store))
    sql = f"{_ROW_SQL} WHERE {where} ORDER BY {_ORDER}"
    names = [
        row["name"] for row in store.query("SELECT name FROM pragma_table_info('commitments')")
    ]
    names += ["_customer_id", "_customer", "_visit_date"]
    for values in store.rows(sql, params):
        yield _row(dict(zip(names, values, strict=True)))


def _day(value: str | None) -> str | None:
    """A stored date as the model gives it back (``YYYY-MM-DD``), None for none."""
    return value[:10] if value else None


def commitment_dicts(
    store: Store,
    today: date,
    filters: CommitmentFilter | None = None,
) -> Iterator[dict[str, object]]:
    """:meth:`CommitmentRow.to_dict` of every match of ``filters``, in the same order and
    with the same keys and values, built from plain rows one at a time without the model
    (``commitments --json`` lists every promise of a career; a test compares the two)."""
    import json

    where, params = (filters or CommitmentFilter()).sql(today, hide_archived=any_archived(store))
    today_iso = today.isoformat()
    sql = (
        "SELECT m.id, m.visit_id, c.name, v.date, m.text, m.owner_side, m.owner_name,"
        " m.due, m.state, m.uid, m.first_due, m.within_authority, m.authority_override,"
        " m.resolution_note, m.closed_on, m.history, m.author, m.judged_due"
        " FROM commitments m JOIN visits v ON v.id = m.visit_id"
        f" JOIN customers c ON c.id = v.customer_id WHERE {where} ORDER BY {_ORDER}"
    )
    for (
        cid,
        visit_id,
        customer,
        visit_date,
        text,
        side,
        owner_name,
        due,
        state,
        uid,
        first_due,
        within,
        override,
        note,
        closed_on,
        history,
        author,
        judged_due,
    ) in store.rows(sql, params):
        due, closed_on = _day(due), _day(closed_on)
        first_due = _day(first_due) or due
        judged_due = judged_by(due, first_due, _day(judged_due))
        late, overdue = late_and_overdue(state, due, first_due, closed_on, today_iso, judged_due)
        yield {
            "id": cid,
            "visit_id": visit_id,
            "customer": customer,
            "visit_date": (visit_date or "")[:10],
            "text": text,
            "owner": side,
            "owner_name": owner_name,
            "due": due,
            "state": state,
            "overdue": overdue,
            "uid": uid,
            "first_due": first_due,
            "judged_due": judged_due,
            "late": late,
            "within_authority": bool(within),
            "authority_override": override,
            "resolution_note": note,
            "closed_on": closed_on,
            "history": json.loads(history) if history and history != "[]" else [],
            "author": author,
        }


def count_commitments(store: Store, today: date, filters: CommitmentFilter | None = None) -> int:
    where, params = (filters or CommitmentFilter()).sql(today, hide_archived=any_archived(store))
    return int(
        store.query(f"SELECT count(*) AS n FROM commitments m WHERE {where}", params)[0]["n"]
    )


@dataclass(frozen=True, slots=True)
class DueLine:
    """One commitment in the nudge: when, whose, with whom, what."""

    due: date
    ours: bool
    customer: str
    text: str
    #: days past its first due date (0: not late), by the one rule
    days_late: int = 0


@dataclass(frozen=True, slots=True)
class DueSoon:
    """What is overdue and due within a week, ours and the customer's apart."""

    overdue: dict[str, int]  # by owner side ("us", "customer")
    due: dict[str, int]  # due from today on, within the window
    first: list[DueLine]  # the soonest few, overdue first
    #: open ones past their first due date (overdue now, or rescheduled after it)
    late: dict[str, int] = field(default_factory=dict)


def due_soon(store: Store, today: date, *, days: int = DUE_SOON_DAYS, show: int = 5) -> DueSoon:
    """The nudge on home: counts of overdue and due-this-week, and the first few of them
    (plain rows: home reads this before the app has started, without loading the models)."""
    where, params = CommitmentFilter(due_within=days).sql(today, hide_archived=any_archived(store))
    # the counts from the counters the triggers keep (store/migrations.py): a few rows per day
    counts = store.query(
        "SELECT side, sum(CASE WHEN day < ? THEN n ELSE 0 END) AS overdue,"
        " sum(CASE WHEN day >= ? THEN n ELSE 0 END) AS due FROM commitment_counts"
        " WHERE kind = 'open_due' AND day != '' AND day <= ? GROUP BY side HAVING sum(n) > 0",
        [today.isoformat(), today.isoformat(), params[-1]],
    )
    late = store.query(
        "SELECT side, sum(n) AS n FROM commitment_counts WHERE kind = 'open_first'"
        " AND day != '' AND day < ? GROUP BY side HAVING sum(n) > 0",
        [today.isoformat()],
    )
    first = store.query(
        "SELECT m.due, m.first_due, m.judged_due, m.owner_side, m.text, c.name AS customer"
        " FROM commitments m"
        " JOIN visits v ON v.id = m.visit_id JOIN customers c ON c.id = v.customer_id"
        f" WHERE {where} ORDER BY m.due, m.id LIMIT ?",
        [*params, show],
    )
    return DueSoon(
        {r["side"]: int(r["overdue"] or 0) for r in counts},
        {r["side"]: int(r["due"] or 0) for r in counts},
        [
            DueLine(
                date.fromisoformat(r["due"]),
                r["owner_side"] == "us",
                r["customer"],
                r["text"],
                days_late(
                    CommitmentState.OPEN,
                    date.fromisoformat(r["due"][:10]),
                    date.fromisoformat(r["first_due"][:10]) if r["first_due"] else None,
                    None,
                    today,
                    date.fromisoformat(r["judged_due"][:10]) if r["judged_due"] else None,
                ),
            )
            for r in first
        ],
        {r["side"]: int(r["n"] or 0) for r in late},
    )


def commitment_row(store: Store, commitment_id: int) -> CommitmentRow:
    """One commitment as the lists show it (after a change)."""
    rows = store.query(f"{_ROW_SQL} WHERE m.id = ?", [commitment_id])
    if not rows:
        raise UserError(t("error.no_commitment", id=commitment_id))
    row = _with_conflicts(store, [_row(rows[0])])[0]
    if row.commitment.within_authority:
        return row
    from interview_tui.domain.models import Visit
    from interview_tui.services.authority import authority_flags

    visit = store.get(Visit, row.commitment.visit_id)
    if visit is None:
        return row
    flags = authority_flags(row.commitment.text, visit.must_not_promise, visit.may_promise)
    return replace(row, why=tuple(str(flag) for flag in flags))


def customers_with_commitments(store: Store) -> list[tuple[int, str]]:
    """(id, name) of every customer that has a commitment, by name."""
    return [
        (r["id"], r["name"])
        for r in store.query(
            "SELECT DISTINCT c.id, c.name FROM customers c JOIN visits v ON v.customer_id = c.id"
            " JOIN commitments m ON m.visit_id = v.id ORDER BY c.name"
        )
    ]


def find(store: Store, commitment_id: int) -> Commitment:
    """The commitment with this id, or a clear error."""
    from interview_tui.domain.models import Commitment

    found = store.get(Commitment, commitment_id)
    if found is None:
        raise UserError(t("error.no_commitment_listed", id=commitment_id))
    return found


def _entry(today: date, change: str, old: str, new: str, why_key: str, why: str) -> dict[str, str]:
    """One history entry: when, what changed, from, to, and why."""
    entry = {"on": today.isoformat(), "change": change, "from": old, "to": new}
    if why:
        entry[why_key] = why
    return entry


def close(
    store: Store, commitment: Commitment, state: CommitmentState, note: str, today: date
) -> Commitment:
    """Mark done or dropped, with a note (a dropped commitment needs one)."""
    if state is CommitmentState.OPEN:
        raise UserError(t("error.close_how"))
    if state is CommitmentState.DROPPED and not note.strip():
        raise UserError(t("error.drop_why"))
    with store.transaction():
        commitment = _fresh(store, commitment)
        if commitment.state is not CommitmentState.OPEN:
            raise UserError(
                t("error.already_closed", id=commitment.id, state=display(commitment.state))
            )
        entry = _entry(today, "state", commitment.state.value, state.value, "note", note.strip())
        commitment.state = state
        commitment.resolution_note = note.strip()
        commitment.closed_on = today
        commitment.history = [*commitment.history, entry]
        return store.save(commitment)


def reopen(store: Store, commitment: Commitment, today: date, reason: str = "") -> Commitment:
    """Open a done or dropped commitment again; its first due date is unchanged."""
    with store.transaction():
        commitment = _fresh(store, commitment)
        if commitment.state is CommitmentState.OPEN:
            raise UserError(t("error.already_open", id=commitment.id))
        entry = _entry(
            today,
            "state",
            commitment.state.value,
            CommitmentState.OPEN.value,
            "reason",
            reason.strip(),
        )
        commitment.state = CommitmentState.OPEN
        commitment.resolution_note = ""
        commitment.closed_on = None
        commitment.history = [*commitment.history, entry]
        return store.save(commitment)


def _fresh(store: Store, commitment: Commitment) -> Commitment:
    """The commitment as stored now (the caller's copy is never changed)."""
    from interview_tui.domain.models import Commitment

    current = store.get(Commitment, commitment.id) if commitment.id is not None else None
    if current is None:
        raise UserError(t("error.no_commitment", id=commitment.id))
    return current


def reschedule(
    store: Store, commitment: Commitment, due: date, reason: str, today: date
) -> Commitment:
    """Move the due date; the reason and the old date are kept in its history.

    The first due date stays as it was: kept on time is still judged against it, or
    against the soonest date it was ever moved to (``judged_due``, kept by the model as
    ``due`` moves: :func:`~interview_tui.domain.lateness.judged_by`).
    """
    if not reason.strip():
        raise UserError(t("error.reschedule_why"))
    with store.transaction():
        commitment = _fresh(store, commitment)
        old = commitment.due.isoformat() if commitment.due else ""
        entry = _entry(today, "due", old, due.isoformat(), "reason", reason.strip())
        commitment.history = [*commitment.history, entry]
        commitment.due = due
        return store.save(commitment)


@dataclass(frozen=True, slots=True)
class KeptRate:
    """Of the commitments that are due (outcome known), how many were kept on time."""

    kept: int
    due: int  # closed, or open past the first due date

    @property
    def rate(self) -> float | None:
        return self.kept / self.due if self.due else None

    def to_dict(self) -> dict[str, object]:
        rate = round(self.rate, 4) if self.rate is not None else None
        return {"kept": self.kept, "due": self.due, "rate": rate}


@dataclass(frozen=True, slots=True)
class KeptOnTime:
    """Our rate (the one shown everywhere), the customer's apart, and ours per customer."""

    ours: KeptRate
    theirs: KeptRate
    per_customer: dict[str, KeptRate]


_KEPT = (
    f"m.state = 'done' AND ({judged_by_sql('m.')} IS NULL OR m.closed_on <= {judged_by_sql('m.')})"
)
_DUE = f"m.state != 'open' OR {judged_by_sql('m.')} < ?"


def kept_on_time(
    store: Store,
    today: date,
    *,
    customer_id: int | None = None,
    visit_id: int | None = None,
    per_customer: bool = True,
) -> KeptOnTime:
    """Kept-on-time rates, computed in SQL (fast on any size); the one definition used by
    the CLI, the commitments screen, home and the report. ``customer_id`` / ``visit_id``
    narrow it to one customer or one visit; without ``per_customer`` (home) the commitments
    are counted without reading their visits and customers."""
    if not per_customer and customer_id is None and visit_id is None:
        return _kept_from_counters(store, today)
    # archived visits do not count (checked only when something is archived)
    where: list[str] = [NOT_ARCHIVED if any_archived(store) else "1 = 1"]
    params: list[object] = [today.isoformat()]
    joins, group, name = "", "m.owner_side", "'' AS customer"
    if per_customer or customer_id is not None:
        joins = " JOIN visits v ON v.id = m.visit_id JOIN customers c ON c.id = v.customer_id"
        group, name = "c.id, m.owner_side", "c.name AS customer"
    if customer_id is not None:
        where.append("v.customer_id = ?")
        params.append(customer_id)
    if visit_id is not None:
        where.append("m.visit_id = ?")
        params.append(visit_id)
    rows = store.query(
        f"SELECT {name}, m.owner_side AS side, sum({_KEPT}) AS kept, sum({_DUE}) AS due"
        f" FROM commitments m{joins} WHERE {' AND '.join(where)}"
        f" GROUP BY {group} ORDER BY customer",
        params,
    )
    ours = [r for r in rows if r["side"] == "us"]
    theirs = [r for r in rows if r["side"] != "us"]
    per = {
        r["customer"]: KeptRate(int(r["kept"] or 0), int(r["due"] or 0))
        for r in ours
        if r["due"] and per_customer
    }
    return KeptOnTime(_sum(ours), _sum(theirs), per)


def _kept_from_counters(store: Store, today: date) -> KeptOnTime:
    """Every commitment's kept-on-time rate from the counters the triggers keep: kept, and
    due (closed, or open past its first due date), per owner side."""
    rows = store.query(
        "SELECT side, sum(CASE WHEN kind = 'kept' THEN n ELSE 0 END) AS kept,"
        " sum(CASE WHEN kind = 'closed' OR (kind = 'open_first' AND day != '' AND day < ?)"
        " THEN n ELSE 0 END) AS due FROM commitment_counts"
        " WHERE kind IN ('kept', 'closed', 'open_first') GROUP BY side",
        [today.isoformat()],
    )
    return KeptOnTime(
        _sum([r for r in rows if r["side"] == "us"]),
        _sum([r for r in rows if r["side"] != "us"]),
        {},
    )


def open_count(store: Store) -> int:
    """How many commitments are open (archived visits and customers left out), from the
    counters the triggers keep."""
    row = store.query(
        "SELECT coalesce(sum(n), 0) AS n FROM commitment_counts WHERE kind = 'open' AND day = ''"
    )[0]
    return int(row["n"])


def kept_per_member(store: Store, today: date) -> dict[str, KeptRate]:
    """Our kept-on-time rate per member who made the promises (by e-mail; this laptop's
    member for what was written before a team), members with a known outcome only. Shown
    only when a member asks for it, never as a ranking."""
    hide = NOT_ARCHIVED if any_archived(store) else "1 = 1"
    rows = store.query(
        f"SELECT CASE m.author WHEN '' THEN ? ELSE m.author END AS who, sum({_KEPT}) AS kept,"
        f" sum({_DUE}) AS due FROM commitments m WHERE m.owner_side = 'us' AND {hide}"
        " GROUP BY who ORDER BY who",
        [me(store), today.isoformat()],
    )
    return {r["who"]: KeptRate(int(r["kept"] or 0), int(r["due"] or 0)) for r in rows if r["due"]}


def kept_per_customer(store: Store, today: date) -> dict[str, KeptRate]:
    """Our kept-on-time rate per customer, by name (customers with a known outcome only)."""
    return kept_on_time(store, today).per_customer


def _sum(rows: list[dict[str, Any]]) -> KeptRate:
    return KeptRate(sum(int(r["kept"] or 0) for r in rows), sum(int(r["due"] or 0) for r in rows))


def percent(rate: KeptRate) -> str:
    return f"{rate.rate:.0%}" if rate.rate is not None else "—"


def kept_line(kept: KeptOnTime) -> str:
    """Our kept-on-time rate with the customer's beside it, as every screen and report says it."""
    ours, theirs = kept.ours, kept.theirs
    if ours.rate is None and theirs.rate is None:
        return t("commitments.kept_none")
    return t(
        "commitments.kept",
        rate=percent(ours),
        kept=ours.kept,
        due=ours.due,
        theirs=percent(theirs),
        their_kept=theirs.kept,
        their_due=theirs.due,
    )
