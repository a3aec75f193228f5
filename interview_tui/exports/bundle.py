"""One visit with everything that belongs to it, as records and as JSON.

Every record carries its stable ``uid`` in the JSON, so importing a visit that is already
here (the same visit uid) updates it and its records in place instead of adding a copy;
records of the visit that the file does not hold are kept. Personal-connection notes are
left out of the JSON unless asked for, as in the report.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from interview_tui.domain.models import (
    Commitment,
    Customer,
    CustomerQuestion,
    Note,
    Person,
    Requirement,
    ScriptItem,
    Visit,
)
from interview_tui.domain.owners import colleague_wrote_self, owner_shown
from interview_tui.errors import UserError
from interview_tui.exports.visit_json import FORMAT, FORMAT_VERSION
from interview_tui.i18n import labelled, t
from interview_tui.services.commitments import me
from interview_tui.store.store import Store

if TYPE_CHECKING:
    from interview_tui.exports.importing import CheckedVisit

T = TypeVar("T")


@dataclass
class VisitBundle:
    visit: Visit
    customer: Customer
    people: list[Person] = field(default_factory=list)
    script: list[ScriptItem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    customer_questions: list[CustomerQuestion] = field(default_factory=list)
    #: this laptop's member ("" before a team): a colleague's 我 / me is that colleague
    member: str = ""
    #: each colleague's e-mail -> the name the team sees (read only when a colleague's
    #: 我 / me is among the commitments)
    names: dict[str, str] = field(default_factory=dict)

    def owner_of(self, c: Commitment) -> str:
        """The owner as this laptop's reader understands it (:func:`owner_shown`): a
        colleague's 我 / me on our side is that colleague, by the name the team sees (their
        e-mail when the team has no name for them)."""
        return owner_shown(
            c.owner_side, c.owner_name, c.author, self.member, lambda e: self.names.get(e) or e
        )

    def person(self, person_id: int | None) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    @property
    def attendees(self) -> list[Person]:
        chosen = [p for p in self.people if p.id in self.visit.attendee_ids]
        return chosen or self.people


def load_bundle(store: Store, visit_id: int, *, names: bool = True) -> VisitBundle:
    """Everything of a visit an export reads. ``names``: a colleague's 我 / me is named as
    the team knows them (read from the team repository, and only when there is one); a
    sync's pages read no names (their e-mail), as every member's sync writes them alike."""
    visit, customer = store.visit_with_customer(visit_id)
    commitments, member = store.commitments(visit_id), me(store)
    known: dict[str, str] = {}
    colleagues = (
        colleague_wrote_self(c.owner_side, c.owner_name, c.author, member) for c in commitments
    )
    if names and any(colleagues):
        from interview_tui.team.actions import member_names

        known = member_names(store)
    return VisitBundle(
        visit=visit,
        customer=customer,
        people=store.people(customer.id or 0),
        script=store.script(visit_id),
        notes=store.notes(visit_id),
        requirements=store.requirements(visit_id=visit_id),
        commitments=commitments,
        customer_questions=store.all(CustomerQuestion, "visit_id = ?", [visit_id]),
        member=member,
        names=known,
    )


#: rows written per transaction by an import, so other processes' writes (the live screen's
#: saves) wait at most one chunk, never the whole import (``INTERVIEW_TUI_IMPORT_CHUNK``
#: sets another size, for tests)
_CHUNK_GIVEN = os.environ.get("INTERVIEW_TUI_IMPORT_CHUNK", "")
IMPORT_CHUNK = int(_CHUNK_GIVEN) if _CHUNK_GIVEN.isdigit() and int(_CHUNK_GIVEN) else 2_000
#: seconds the lock stays free between two chunks: a waiting writer polls every 100 ms or
#: so (SQLite's busy handler), so a gap this long lets it in within a chunk or two
IMPORT_PAUSE = 0.05


def import_json_data(store: Store, data: Any, *, source: str = "") -> Visit:
    """Create the visit (and its customer, found by uid or name, or created) with new ids;
    a visit already here (same uid) is updated in place (see :func:`import_checked`).

    The whole document is checked first (nothing is written when any value is bad; the
    error names ``source`` and the JSON path of the value). Each record keeps the
    ``created_at`` and ``updated_at`` the file carries: an import moves a visit's history
    between databases, it does not rewrite it (now is taken only where the file has none).
    The records are then written in transactions of :data:`IMPORT_CHUNK` rows, staged
    (hidden from every list and search, see :mod:`interview_tui.store.staging`) until the
    last one commits: the visit appears whole or not at all. If a write fails, what the
    import wrote is removed again; if the process is killed, the next opening of the
    database removes it.
    """
    return import_checked(store, check_export(data, source=source))


def check_export(data: Any, *, source: str = "") -> CheckedVisit:
    """Every record of an export, validated; a bad value is one :class:`UserError` naming
    ``source`` and the value's JSON path. Reads nothing and writes nothing."""
    from interview_tui.exports.importing import ImportProblem, check_document

    try:
        return check_document(data, format_name=FORMAT, version=FORMAT_VERSION)
    except ImportProblem as exc:
        raise UserError(labelled(source, str(exc)) if source else str(exc)) from None


def existing_visit(store: Store, checked: CheckedVisit) -> Visit | None:
    """The visit of this export when it is already in the database (same uid)."""
    found = store.all(Visit, "uid = ?", [checked.visit.uid])
    return found[0] if found else None


def import_checked(store: Store, checked: CheckedVisit) -> Visit:
    """Write a checked export (see :func:`import_json_data`).

    A visit already here is updated in one transaction: each record of the file replaces
    the one with its uid, or is added; nothing the file does not hold is removed.
    """
    existing = existing_visit(store, checked)
    if existing is not None:
        from interview_tui.exports.reimport import update_visit
        from interview_tui.store.staging import is_staged

        if is_staged(store, "visits", existing.id or 0):  # another process is writing it
            raise UserError(t("import.in_progress"))
        return update_visit(store, checked, existing)
    from interview_tui.store.staging import import_lock

    with import_lock(store.path):
        return _import_new(store, checked)


def _import_new(store: Store, checked: CheckedVisit) -> Visit:
    """Write a new visit: staged in the first transaction, its records in chunks, made
    visible in the last transaction (all of it at once)."""
    from uuid import uuid4

    from interview_tui.exports.reimport import customer_for, people_ids_for, renew_taken_uids
    from interview_tui.store import staging

    renew_taken_uids(store, checked)
    token = str(uuid4())
    hidden = store.now().replace(microsecond=0)  # the staged rows' archived_at, until the end
    archived: dict[str, str | None] = {}  # what archived_at becomes when the import ends
    try:
        with store.transaction():
            customer = customer_for(store, checked.customer)
            if customer is None:
                new_customer = checked.customer
                archived["customers"] = _iso(new_customer.archived_at)
                new_customer.archived_at = hidden
                customer = store.save(new_customer)
                staging.mark(store, "customers", customer.saved_id, token)
            people_ids = people_ids_for(
                store, checked, customer.saved_id, update=False, staged=token
            )
            visit = checked.visit
            archived["visits"] = _iso(visit.archived_at)
            visit.customer_id = customer.saved_id
            visit.attendee_ids = [people_ids[i] for i in checked.attendees if i in people_ids]
            visit.archived_at = hidden
            visit = store.save(visit)
            staging.mark(store, "visits", visit.saved_id, token)
        item_ids: dict[int | None, int | None] = {}
        for chunk in _chunks(checked.script):
            for _, item in chunk:
                item.visit_id = visit.saved_id
            store.insert_many([item for _, item in chunk])
            item_ids.update((old, item.id) for old, item in chunk if old is not None)
        notes = []
        for _, old_item, old_speaker, note in checked.notes:
            note.visit_id = visit.saved_id
            note.script_item_id = item_ids.get(old_item)
            note.speaker_id = people_ids.get(old_speaker)
            notes.append(note)
        records: list[Note | Requirement | Commitment | CustomerQuestion] = [
            *notes,
            *checked.others,
        ]
        for record in checked.others:
            record.visit_id = visit.saved_id
            if isinstance(record, Requirement):
                record.customer_id = customer.saved_id
        pains = _pain_links(checked)
        for number, part in enumerate(_chunks(records)):
            if number:
                time.sleep(IMPORT_PAUSE)
            # in the order of the list: every note has its id before a commitment links it
            for model in dict.fromkeys(type(record) for record in part):
                same = [r for r in part if type(r) is model]
                for written in same:
                    if isinstance(written, Commitment) and id(written) in pains:
                        written.pain_note_id = pains[id(written)].saved_id
                store.insert_many(same)
        staging.finish(store, token, archived)
    except BaseException:
        _undo(store, token)
        raise
    visit.archived_at = _from_iso(archived["visits"])
    return visit


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _chunks(items: list[T]) -> list[list[T]]:
    return [items[i : i + IMPORT_CHUNK] for i in range(0, len(items), IMPORT_CHUNK)]


def _pain_links(checked: CheckedVisit) -> dict[int, Note]:
    """The note of the file each commitment that answers a pain links to (by the
    commitment's ``id()``; the note's id is known once it is written)."""
    notes = {old: note for old, *_, note in checked.notes if old is not None}
    return {id(c): notes[old] for c, old in checked.pains if old is not None}


def _undo(store: Store, token: str) -> None:
    """Remove a partly written import (a failed write half way through)."""
    from interview_tui.store.staging import remove_staged

    try:
        remove_staged(store, token)
    except Exception:  # the database itself is failing; the first error is the one reported
        return  # (the next opening of the database removes it)
