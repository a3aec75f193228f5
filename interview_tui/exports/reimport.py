"""Importing a visit that is already here: records are matched by their stable uid.

A record of the file whose uid is here replaces that record (its local id and links are
kept); one whose uid is new is added. Records the file does not hold stay as they are, so a
second import never loses what was recorded since. A uid already used by a record of some
other visit or customer is not reused: that record is added under a new uid.

An import keeps history as it was (see :func:`_replaces`): a record the file holds
unchanged is not written at all (its times stay); a record the file changes keeps the
``created_at`` it was made at, and its ``updated_at`` says when its content last changed:
the file's time when the file carries a later edit than the one here (made on another
laptop, or in the file by hand with its time), else the time of this import, which is when
the change reached this database. So ``updated_at`` never moves back: an older copy
imported over a newer edit is a change made now, not one made back then.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import uuid4

from interview_tui.domain.models import (
    Commitment,
    Customer,
    CustomerQuestion,
    Note,
    Person,
    Record,
    Requirement,
    ScriptItem,
    Visit,
    keeps_created,
    keeps_updated,
)
from interview_tui.store.store import Store

if TYPE_CHECKING:
    from interview_tui.exports.importing import CheckedVisit

R = TypeVar("R", bound=Record)

_CHUNK = 500  # uids per query (SQLite's limit on parameters is far above)


def customer_for(store: Store, customer: Customer) -> Customer | None:
    """The customer of an export already here: the same uid, else the same name.

    The name match is deliberate: customer names are unique in a database (the schema says
    so), and a colleague's export of the same customer carries their uid, not ours, so
    their visit joins our customer instead of failing. A file holds one customer, so this
    never merges two records of one file (people: see :func:`people_ids_for`)."""
    found = store.all(Customer, "uid = ?", [customer.uid])
    return found[0] if found else store.customer_by_name(customer.name)


def _taken(store: Store, model: type[R], uids: list[str]) -> dict[str, R]:
    """The records of ``model`` that already hold one of ``uids``, by uid."""
    out: dict[str, R] = {}
    for start in range(0, len(uids), _CHUNK):
        chunk = uids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        out.update((r.uid, r) for r in store.all(model, f"uid IN ({marks})", chunk))
    return out


def _records(checked: CheckedVisit) -> Iterable[Record]:
    yield from (person for _, person in checked.people)
    yield from (item for _, item in checked.script)
    yield from (note for *_, note in checked.notes)
    yield from checked.others


def renew_taken_uids(store: Store, checked: CheckedVisit) -> None:
    """Give a new uid to each record of a new visit whose uid some other record holds
    (people are matched by :func:`people_ids` instead)."""
    by_model: dict[type[Record], list[Record]] = {}
    for record in _records(checked):
        if type(record) is not Person:
            by_model.setdefault(type(record), []).append(record)
    for model, records in by_model.items():
        taken = _taken(store, model, [r.uid for r in records])
        for record in records:
            if record.uid in taken:
                record.uid = str(uuid4())


def _adopt(record: R, found: R | None, links: dict[str, Any]) -> tuple[R, R | None]:
    """``record`` ready to save: the local id of ``found`` (when it is the same record here)
    and the local links; with the record here it replaces (``None``: it is added)."""
    for name, value in links.items():
        setattr(record, name, value)
    if found is not None:
        if all(
            getattr(found, name) == value
            for name, value in links.items()
            if name in ("visit_id", "customer_id")
        ):
            record.id = found.id
            return record, found
        record.uid = str(uuid4())  # the uid belongs to a record of another visit: add anew
    return record, None


def _local(moment: datetime) -> datetime:
    """A time as this laptop's clock gives it (naive, local), to compare with another."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _replaces(record: Record, here: Record, now: datetime) -> bool:
    """Whether ``record`` (of the file) changes ``here`` (the same record in this
    database), with its times set as the docstring of this module says.

    ``created_at`` is the file's, or the one here when the file has none. Unchanged (every
    field but ``updated_at`` equal): nothing to write. Changed: ``updated_at`` is the file's
    when it is later than the one here, else now."""
    if keeps_created(record) and keeps_created(here) and record.created_at is None:
        record.created_at = here.created_at
    if not keeps_updated(record) or not keeps_updated(here):
        return record.model_dump() != here.model_dump()
    edited = record.updated_at
    record.updated_at = here.updated_at
    if record.model_dump() == here.model_dump():
        return False
    later = edited is not None and (
        here.updated_at is None or _local(edited) > _local(here.updated_at)
    )
    record.updated_at = edited if later else now
    return True


def _write(store: Store, pairs: list[tuple[R, R | None]]) -> None:
    """Save records of one kind, each with the record here it replaces (``None``: it is
    added): those the file changes updated, the new ones added, each group in a few
    statements (a record at a time made a re-import five times its first import); a
    record the file holds unchanged is left as it is."""
    now = store.now().replace(microsecond=0)
    changed = [
        record for record, here in pairs if here is not None and _replaces(record, here, now)
    ]
    store.update_many(changed)
    store.insert_many(record for record, here in pairs if here is None)


def update_visit(store: Store, checked: CheckedVisit, visit: Visit) -> Visit:
    """Update ``visit`` (already here) and its records from the file, in one transaction:
    all of it or, if anything fails (or the process is killed), none of it. Times are kept
    as the module's docstring says."""
    with store.transaction():
        customer_id = visit.customer_id
        people_ids = people_ids_for(store, checked, customer_id, update=True)
        new_visit = checked.visit
        new_visit.attendee_ids = [people_ids[i] for i in checked.attendees if i in people_ids]
        new_visit, _ = _adopt(
            new_visit, visit, {"customer_id": customer_id, "shared_at": visit.shared_at}
        )
        visit = store.save(new_visit)
        links = {"visit_id": visit.id}
        items = _taken(store, ScriptItem, [item.uid for _, item in checked.script])
        script = [_adopt(item, items.get(item.uid), links) for _, item in checked.script]
        _write(store, script)
        item_ids: dict[int | None, int] = {
            old: item.saved_id
            for (old, _), (item, _) in zip(checked.script, script, strict=True)
            if old is not None
        }
        notes = _taken(store, Note, [note.uid for *_, note in checked.notes])
        _write(
            store,
            [
                _adopt(
                    note,
                    notes.get(note.uid),
                    {
                        **links,
                        "script_item_id": item_ids.get(old_item),
                        "speaker_id": people_ids.get(old_speaker),
                    },
                )
                for _, old_item, old_speaker, note in checked.notes
            ],
        )
        note_ids = {old: note.saved_id for old, *_, note in checked.notes if old is not None}
        pains = {
            id(commitment): None if old is None else note_ids[old]
            for commitment, old in checked.pains
        }
        for model in (Requirement, Commitment, CustomerQuestion):
            records = [r for r in checked.others if type(r) is model]
            found = _taken(store, model, [r.uid for r in records])
            extra = {"customer_id": customer_id} if model is Requirement else {}
            _write(
                store,
                [
                    _adopt(
                        record,
                        here := found.get(record.uid),
                        {**links, **extra, **_pain_link(record, here, pains, visit.saved_id)},
                    )
                    for record in records
                ],
            )
    return visit


def _pain_link(
    record: Record, here: Record | None, pains: dict[int, int | None], visit_id: int
) -> dict[str, Any]:
    """A commitment's link to the pain note it answers, as a local id: the note of the
    file it names, none when it names none, or, when it names a note the file left out
    (a private one), the link the commitment here has."""
    if not isinstance(record, Commitment):
        return {}
    if id(record) not in pains:
        return {"pain_note_id": None}
    note = pains[id(record)]
    if note is None and isinstance(here, Commitment) and here.visit_id == visit_id:
        note = here.pain_note_id
    return {"pain_note_id": note}


def _same_title(here: Person, person: Person) -> bool:
    """Whether two people's titles can be the same person's (one of them blank, or equal)."""
    a, b = here.title.strip().casefold(), person.title.strip().casefold()
    return not a or not b or a == b


def people_ids_for(
    store: Store,
    checked: CheckedVisit,
    customer_id: int,
    *,
    update: bool,
    staged: str | None = None,
) -> dict[int | None, int]:
    """Old person id -> local id.

    A person of the file is the one here with the same uid; else the one here with the same
    name (a colleague's export of the same customer), if only one person here has that name
    and a title that does not differ, and no other person of the file matched them; else
    added. So two people of one file are never merged, even when they share a name (two
    张伟, a CTO and a buyer, stay two). A person found here is updated from the file only
    when ``update`` (a re-import). People added by an import being staged carry ``staged``.
    """
    from interview_tui.store.staging import mark

    here = store.people(customer_id)
    by_uid = {p.uid: p for p in here}
    # people here that some person of the file is (by uid first, so a name never takes them)
    matched = {by_uid[p.uid].id for _, p in checked.people if p.uid in by_uid}
    elsewhere = _taken(store, Person, [p.uid for _, p in checked.people if p.uid not in by_uid])
    ids: dict[int | None, int] = {}
    for old, person in checked.people:
        found = by_uid.get(person.uid)
        if found is None:
            named = [
                p
                for p in here
                if p.name == person.name and p.id not in matched and _same_title(p, person)
            ]
            found = named[0] if len(named) == 1 else None
            if found is not None:
                matched.add(found.id)
        if found is not None and not update:
            saved = found
        else:
            if found is not None:
                person.id, person.uid = found.id, found.uid
            elif person.uid in elsewhere:
                person.uid = str(uuid4())
            person.customer_id = customer_id
            saved = store.save(person)
            if found is None and staged is not None:
                mark(store, "people", saved.saved_id, staged)
        if old is not None:
            ids[old] = saved.saved_id
    return ids
