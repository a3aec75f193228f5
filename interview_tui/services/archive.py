"""Archive, restore, and (separately, confirmed) delete for good.

Archiving hides a customer, a person or a visit from lists and keeps everything that refers
to it: a person who left still shows in old visits' attendees and as the speaker of old
notes, so an old report reads the same. Deleting for good is only offered for an archived
record, and :func:`impact` says first what would go with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from interview_tui.domain.models import Customer, Person, Record, Visit
from interview_tui.errors import UserError, not_found
from interview_tui.i18n import t
from interview_tui.store.records import TABLES
from interview_tui.store.staging import is_staged
from interview_tui.store.store import Store

#: what can be archived, by the name screens and commands use
KINDS: dict[str, type[Customer | Person | Visit]] = {
    "customer": Customer,
    "person": Person,
    "visit": Visit,
}


def _get(store: Store, kind: str, record_id: int) -> Customer | Person | Visit:
    model = KINDS.get(kind)
    if model is None:
        raise UserError(t("error.cannot_archive", kind=kind, kinds=", ".join(KINDS)))
    record = store.get(model, record_id)
    if record is None or is_staged(store, TABLES[model], record_id):
        raise not_found(kind, record_id)
    return record


def set_archived(store: Store, kind: str, record_id: int, archived: bool) -> Record:
    """Archive (``archived``) or restore a customer, person or visit; returns it as saved."""
    with store.transaction():
        record = _get(store, kind, record_id)
        if bool(record.archived_at) != archived:
            record.archived_at = store.now().replace(microsecond=0) if archived else None
            store.save(record)
        return record


@dataclass(frozen=True, slots=True)
class Impact:
    """What deleting a record for good takes with it (counts), and its name."""

    kind: str
    name: str
    visits: int = 0
    people: int = 0
    notes: int = 0
    requirements: int = 0
    commitments: int = 0
    questions: int = 0  # script items and customer questions
    attendee_of: int = 0  # visits that list the person as an attendee
    speaker_of: int = 0  # notes the person said

    def counts(self) -> dict[str, int]:
        """The non-zero counts, by name."""
        names = (
            "visits",
            "people",
            "notes",
            "requirements",
            "commitments",
            "questions",
            "attendee_of",
            "speaker_of",
        )
        return {n: getattr(self, n) for n in names if getattr(self, n)}


def _count(store: Store, sql: str, params: list[object]) -> int:
    return int(store.query(sql, params)[0]["n"])


def _visit_ids(store: Store, kind: str, record_id: int) -> list[int]:
    if kind == "visit":
        return [record_id]
    if kind == "customer":
        rows = store.query("SELECT id FROM visits WHERE customer_id = ?", [record_id])
        return [int(r["id"]) for r in rows]
    return []


def _in(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def _attended(store: Store, person: Person) -> list[Visit]:
    return [v for v in store.visits(person.customer_id) if person.id in v.attendee_ids]


def impact(store: Store, kind: str, record_id: int) -> Impact:
    """What :func:`delete_for_good` would remove or change, counted."""
    record = _get(store, kind, record_id)
    if isinstance(record, Person):
        return Impact(
            kind,
            record.name,
            attendee_of=len(_attended(store, record)),
            speaker_of=_count(
                store, "SELECT count(*) AS n FROM notes WHERE speaker_id = ?", [record_id]
            ),
        )
    visits = _in(_visit_ids(store, kind, record_id))
    if isinstance(record, Customer):
        name = record.name
        people = _count(
            store, "SELECT count(*) AS n FROM people WHERE customer_id = ?", [record_id]
        )
        requirements = _count(
            store, "SELECT count(*) AS n FROM requirements WHERE customer_id = ?", [record_id]
        )
    else:
        assert isinstance(record, Visit)
        customer = store.get(Customer, record.customer_id)
        name = f"{customer.name if customer else ''} {record.date:%Y-%m-%d}".strip()
        people = 0
        requirements = _count(
            store, "SELECT count(*) AS n FROM requirements WHERE visit_id = ?", [record_id]
        )
    one = "SELECT count(*) AS n FROM {} WHERE visit_id IN (" + visits + ")"
    return Impact(
        kind,
        name,
        visits=len(_visit_ids(store, kind, record_id)) if kind == "customer" else 0,
        people=people,
        notes=_count(store, one.format("notes"), []),
        requirements=requirements,
        commitments=_count(store, one.format("commitments"), []),
        questions=_count(store, one.format("script_items"), [])
        + _count(store, one.format("customer_questions"), []),
    )


def _drop_indexed(store: Store, kind: str, table: str, where: str, params: list[object]) -> None:
    """Delete rows of ``table`` and their search index entries."""
    ids = [int(r["id"]) for r in store.query(f"SELECT id FROM {table} WHERE {where}", params)]
    store.unindex(kind, ids)
    store.db.execute(f"DELETE FROM {table} WHERE {where}", params)


def check_deletable(store: Store, kind: str, record_id: int) -> Record:
    """The record, if it may be deleted for good (it is archived); else a clear error."""
    from interview_tui.i18n import t

    record = _get(store, kind, record_id)
    if record.archived_at is None:
        raise UserError(t("archive.archive_first"))
    if team := _shared_with(store, kind, record):
        raise UserError(t("archive.shared_keep", team=team))
    return record


def _shared_with(store: Store, kind: str, record: Record) -> str:
    """The team a record is shared with ("" if none): colleagues hold it too, so it is
    archived (and the archive syncs), never deleted here alone."""
    from interview_tui.domain.models import Customer, Visit

    customer_id = record.id if kind == "customer" else getattr(record, "customer_id", None)
    customer = store.get(Customer, customer_id or 0)
    if customer is None or not customer.team:
        return ""
    if kind == "visit" and isinstance(record, Visit) and record.shared_at is None:
        return ""  # a draft never left this laptop
    return customer.team


@dataclass(frozen=True, slots=True)
class TeamReach:
    """Whom archiving a record reaches beyond this laptop: the team it is shared with ("" if
    none) and the open promises that leave every colleague's lists with it."""

    team: str
    open_promises: int


def team_reach(store: Store, kind: str, record_id: int) -> TeamReach:
    """Whom archiving (or deleting) ``kind`` ``record_id`` reaches: a shared visit or
    customer is archived for the whole team at the next sync, its open promises with it."""
    record = _get(store, kind, record_id)
    team = _shared_with(store, kind, record) if kind in ("visit", "customer") else ""
    if not team:
        return TeamReach("", 0)
    visits = _in(_visit_ids(store, kind, record_id))
    count = _count(
        store,
        f"SELECT count(*) AS n FROM commitments WHERE visit_id IN ({visits}) AND state = 'open'",
        [],
    )
    return TeamReach(team, count)


def delete_for_good(store: Store, kind: str, record_id: int) -> Impact:
    """Delete an archived record and what belongs to it, in one transaction; returns what
    went. A record that is not archived is refused (archive it first)."""
    with store.transaction():
        record = check_deletable(store, kind, record_id)
        gone = impact(store, kind, record_id)
        if isinstance(record, Person):
            store.db.execute("UPDATE notes SET speaker_id = NULL WHERE speaker_id = ?", [record_id])
            for visit in _attended(store, record):
                visit.attendee_ids = [i for i in visit.attendee_ids if i != record_id]
                store.save(visit)
            _drop_indexed(store, "person", "people", "id = ?", [record_id])
            return gone
        visits = _in(_visit_ids(store, kind, record_id))
        where = f"visit_id IN ({visits})"
        _drop_indexed(store, "note", "notes", where, [])
        _drop_indexed(store, "commitment", "commitments", where, [])
        if kind == "customer":
            _drop_indexed(store, "requirement", "requirements", "customer_id = ?", [record_id])
        else:
            _drop_indexed(store, "requirement", "requirements", where, [])
        for table in ("script_items", "customer_questions"):
            store.db.execute(f"DELETE FROM {table} WHERE {where}")
        store.db.conn.executemany(
            "DELETE FROM meta WHERE key = ?", [(f"live.started.{v}",) for v in visits.split(",")]
        )
        store.db.execute(f"DELETE FROM visits WHERE id IN ({visits})")
        if kind == "customer":
            _drop_indexed(store, "person", "people", "customer_id = ?", [record_id])
            _drop_indexed(store, "customer", "customers", "id = ?", [record_id])
        return gone
