"""Follow-through across visits: every open commitment (for the calendar), read in batches,
the customers a name means, and the language a customer is spoken to in."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from interview_tui.domain.dates import shift
from interview_tui.domain.models import Commitment
from interview_tui.errors import UserError
from interview_tui.i18n import t
from interview_tui.store.store import Store

#: a commitment agreed without a date sits this long after its visit in the calendar
UNDATED_AFTER_VISIT = timedelta(days=7)
#: rows read per query: memory stays flat and another process's write never waits long
BATCH = 2_000


@dataclass(frozen=True, slots=True)
class OpenCommitment:
    """An open commitment with the customer and the visit it was made in."""

    commitment: Commitment
    customer: str
    visit_date: date
    visit_purpose: str

    @property
    def day(self) -> date:
        """Its due date, or a week after the visit when none was agreed."""
        return self.commitment.due or shift(self.visit_date, UNDATED_AFTER_VISIT)


def customers_named(store: Store, name: str) -> list[tuple[int, str]]:
    """(id, name) of the customer called ``name`` (any case), else of those whose name
    holds it; a name that matches nobody is a :class:`UserError`."""
    wanted = name.strip()
    rows = store.query(
        "SELECT id, name FROM customers WHERE name = ? COLLATE NOCASE ORDER BY name", [wanted]
    )
    if not rows and wanted:
        pattern = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = store.query(
            "SELECT id, name FROM customers WHERE name LIKE ? ESCAPE '\\' ORDER BY name",
            [f"%{pattern}%"],
        )
    if not rows:
        raise UserError(t("error.no_customer", name=repr(wanted)))
    return [(int(row["id"]), str(row["name"])) for row in rows]


def open_commitments(
    store: Store, *, customer_ids: Sequence[int] | None = None, visit_id: int | None = None
) -> Iterator[OpenCommitment]:
    """Every open commitment (done and dropped ones never; across visits, none of an
    archived visit or customer), by id, read :data:`BATCH` at a time so any number of them
    streams through."""
    from interview_tui.services.archived import any_archived
    from interview_tui.services.commitments import NOT_ARCHIVED
    from interview_tui.store.records import from_row

    # ``+m.state``: walk the ids in order (a range of the primary key), not the state index
    where, params = ["+m.state = 'open'", "m.id > ?"], []
    if customer_ids is not None:
        where.append(f"v.customer_id IN ({', '.join('?' * len(customer_ids)) or 'NULL'})")
        params += list(customer_ids)
    if visit_id is not None:
        where.append("m.visit_id = ?")
        params.append(visit_id)
    elif any_archived(store):
        where.append(NOT_ARCHIVED)
    sql = (
        "SELECT m.*, c.name AS _customer, v.date AS _visit_date, v.purpose AS _purpose"
        " FROM commitments m JOIN visits v ON v.id = m.visit_id"
        f" JOIN customers c ON c.id = v.customer_id WHERE {' AND '.join(where)}"
        " ORDER BY m.id LIMIT ?"
    )
    last = 0
    while True:
        rows = store.query(sql, [last, *params, BATCH])
        for row in rows:
            extra = {key: row.pop(key) for key in ("_customer", "_visit_date", "_purpose")}
            yield OpenCommitment(
                from_row(Commitment, row),
                str(extra["_customer"]),
                date.fromisoformat(str(extra["_visit_date"])[:10]),
                str(extra["_purpose"] or ""),
            )
        if len(rows) < BATCH:
            return
        last = int(rows[-1]["id"])


def customer_language(store: Store, visit_id: int) -> str | None:
    """The language of the visit's question script (or of the customer's latest visit that
    has one): ``en``, ``zh-CN``, or ``None`` when no script says."""
    from interview_tui.lint.language import detect_language

    rows = store.query(
        "SELECT s.text FROM script_items s JOIN visits v ON v.id = s.visit_id"
        " WHERE v.customer_id = (SELECT customer_id FROM visits WHERE id = ?)"
        " ORDER BY s.visit_id = ? DESC, v.date DESC, s.position, s.id LIMIT 5",
        [visit_id, visit_id],
    )
    if not rows:
        return None
    return detect_language(" ".join(str(row["text"]) for row in rows))
