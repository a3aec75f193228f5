"""Reading and checking a visit export before anything is written.

:func:`read_json_file` reads a file the way every input path should: only regular files
(a FIFO, a device or a folder is refused before it is read, so nothing can hang), at most
:data:`MAX_BYTES`, read with a bounded read, strict UTF-8 and JSON, every failure one
:class:`~interview_tui.errors.UserError` naming the file and the place.

:func:`check_document` walks the whole document and builds every record before the
database is touched; the first problem is reported with its JSON path (``notes[3].text``)
and the value, shortened and shown literally.

The ids in a file are those of the database that exported it; they only link the file's
records to each other (a note to a question of the file's ``script`` and to a person of its
``people``, the visit's attendees to its ``people``, a commitment to the pain note it
answers). A reference to an id the file does not hold is refused, as any other bad value:
dropping it would lose the link without a word. Only a commitment's ``pain_note_id`` may
name a note the file left out (an export without ``--include-personal`` leaves personal and
private notes out): then the commitment is imported without the link.

Every record needs a ``uid``, or an ``id`` (a file from before uids: its uid is made from
the id, the same at each import). A record with neither cannot be found by a second import
of the file, which would add it again, so it is refused, naming the record.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from interview_tui.display import visible
from interview_tui.domain.dates import LAST_DATE
from interview_tui.errors import UserError
from interview_tui.i18n import labelled, t
from interview_tui.i18n.validation import pydantic_message
from interview_tui.reading import parse_json, read_text

if TYPE_CHECKING:  # the models (pydantic) load when a file is checked
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
    )

R = TypeVar("R", bound="Record")

#: The largest file ``import`` reads (a visit with 100,000 notes is about 20 MiB).
MAX_IMPORT_BYTES = 64 * 1024 * 1024
#: namespace of the uids made for records exported before uids existed
_OLD_EXPORTS = uuid.UUID("6f1c9a52-3d2e-4b8a-9c41-7e5d2a0b8f13")
#: ids and integers must fit SQLite's signed 64-bit integers
_INT_RANGE = range(-(2**63), 2**63)


class _NotJsonNumber(ValueError):
    """NaN or Infinity in a file: Python reads them, JSON does not allow them."""


def _no_constant(name: str) -> Any:
    raise _NotJsonNumber(t("import.not_json_number", name=name))


def read_json_file(path: Path) -> Any:
    """The parsed JSON of an export file; every problem is one :class:`UserError` line
    (``file: line and column: why``, in the user's language)."""
    text = read_text(path, what="export", limit=MAX_IMPORT_BYTES)
    try:
        return parse_json(text, path, what="export", parse_constant=_no_constant)
    except ValueError as exc:  # NaN, Infinity; integers with thousands of digits
        reason = str(exc) if isinstance(exc, _NotJsonNumber) else t("read.json.long_number")
        why = t("read.not_json", what=t("read.what.export"), reason=reason)
        raise UserError(labelled(str(path), why)) from None


def shown(value: Any, limit: int = 60) -> str:
    """A value as it appears in an error message: its JSON-ish repr, shortened, literal."""
    if isinstance(value, dict | list):
        kind = t("import.kind.list" if isinstance(value, list) else "import.kind.dict")
        text = t("import.container", kind=kind, count=len(value))
    else:
        text = repr(value)
    return visible(text, one_line=True, limit=limit)


class ImportProblem(UserError):
    """A value in the export that cannot be imported, with its JSON path."""

    def __init__(
        self, where: str, message: str, value: Any = None, *, has_value: bool = True
    ) -> None:
        self.where = where
        got = t("import.got", value=shown(value)) if has_value else ""
        super().__init__(labelled(where, f"{message}{got}"))


def path_of(parts: tuple[Any, ...] | list[Any]) -> str:
    """``("notes", 3, "text")`` as ``notes[3].text``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or t("import.top_level")


def _walk(value: Any, parts: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    stack = [(parts, value)]
    while stack:
        where, item = stack.pop()
        yield where, item
        if isinstance(item, dict):
            for key, child in item.items():
                stack.append(((*where, key), child))
        elif isinstance(item, list):
            for index, child in enumerate(item):
                stack.append(((*where, index), child))


def check_scalars(document: Any) -> None:
    """Text without NUL or lone surrogates, integers within 64 bits, finite numbers."""
    for where, value in _walk(document, ()):
        if isinstance(value, str):
            if "\x00" in value:
                raise ImportProblem(path_of(where), t("import.nul"), value)
            if any("\ud800" <= ch <= "\udfff" for ch in value):
                raise ImportProblem(path_of(where), t("import.surrogate"), value)
        elif isinstance(value, bool):
            continue
        elif (isinstance(value, int) and value not in _INT_RANGE) or (
            isinstance(value, float) and not math.isfinite(value)
        ):
            raise ImportProblem(path_of(where), t("import.out_of_range"), value)


def old_id(row: dict[str, Any], key: str, where: tuple[Any, ...]) -> int | None:
    """An id of the exporting database (used only to rebuild references): int or null."""
    return _id_at(row.get(key), (*where, key))


def _id_at(value: Any, where: tuple[Any, ...]) -> int | None:
    """``value``, found at ``where``, as an old id (int or null)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ImportProblem(path_of(where), t("import.old_id"), value)
    return value


@dataclass
class CheckedVisit:
    """Every record of an export, validated, with the old ids that link them."""

    customer: Customer
    visit: Visit
    #: (old id, person) of each person
    people: list[tuple[int | None, Person]] = field(default_factory=list)
    #: old attendee ids of the visit
    attendees: list[int] = field(default_factory=list)
    script: list[tuple[int | None, ScriptItem]] = field(default_factory=list)
    #: (old id, old script item id, old speaker id, note)
    notes: list[tuple[int | None, int | None, int | None, Note]] = field(default_factory=list)
    others: list[Requirement | Commitment | CustomerQuestion] = field(default_factory=list)
    #: (commitment, old id of the pain note it answers) for each commitment that names one;
    #: ``None``: a note the file left out (a re-import keeps the link the commitment has)
    pains: list[tuple[Commitment, int | None]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.people) + len(self.script) + len(self.notes) + len(self.others) + 2


def _build(model: type[R], data: dict[str, Any], where: tuple[Any, ...]) -> R:
    from pydantic import ValidationError

    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = (*where, *first["loc"])
        if first["type"] == "missing":
            raise ImportProblem(path_of(loc), t("import.field_missing"), has_value=False) from None
        raise ImportProblem(path_of(loc), pydantic_message(first), first.get("input")) from None
    for name, value in record:  # the same last date as a typed one (no calendar overflows)
        if isinstance(value, date) and date.fromordinal(value.toordinal()) > LAST_DATE:
            raise ImportProblem(
                path_of((*where, name)),
                t("date.too_far", text=repr(str(value)), last=LAST_DATE),
                has_value=False,
            )
    return record


def _object(document: dict[str, Any], key: str) -> dict[str, Any]:
    value = document.get(key)
    if not isinstance(value, dict):
        if key not in document:
            raise ImportProblem(key, t("import.section_missing"), has_value=False)
        raise ImportProblem(key, t("import.must_be_object"), value)
    return value


def _rows(document: dict[str, Any], key: str) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    value = document.get(key, [])
    if value is None:
        value = []
    if not isinstance(value, list):
        raise ImportProblem(key, t("import.must_be_list"), value)
    for index, row in enumerate(value):
        if not isinstance(row, dict):
            raise ImportProblem(path_of((key, index)), t("import.must_be_object"), row)
    return [((key, index), row) for index, row in enumerate(value)]


def _old_visit_uid(customer: str, when: Any) -> str:
    """A uid for a visit exported before uids existed: the same for the same customer and
    time, so importing that file twice still finds the visit."""
    return str(uuid.uuid5(_OLD_EXPORTS, json.dumps([customer, when], ensure_ascii=False)))


def _with_uid(row: dict[str, Any], space: uuid.UUID, where: tuple[Any, ...]) -> dict[str, Any]:
    """A record from before uids gets one made from its visit's uid and its old id (stable
    from one import of the file to the next); a record with neither is refused (a second
    import could not find it and would add it again)."""
    if row.get("uid") is not None:
        return row
    old = old_id(row, "id", where)
    if old is None:
        raise ImportProblem(
            path_of((*where, "uid")), t("import.no_identity", section=where[0]), has_value=False
        )
    return {**row, "uid": str(uuid.uuid5(space, f"{where[0]}:{old}"))}


class _Ids:
    """The old ids of one section of the file (what its other records may refer to). Two
    records with one id (a record copied by hand) are fine until something refers to that
    id: the reference could mean either, so it is refused."""

    def __init__(self) -> None:
        self.seen: dict[int, tuple[Any, ...]] = {}
        self.twice: dict[int, tuple[Any, ...]] = {}

    def add(self, row: dict[str, Any], where: tuple[Any, ...]) -> int | None:
        old = old_id(row, "id", where)
        if old is not None and self.seen.setdefault(old, where) is not where:
            self.twice.setdefault(old, where)
        return old

    def refer(self, value: Any, where: tuple[Any, ...], missing: str) -> int | None:
        """``value`` (found at ``where``) as one of this section's old ids, or null; an id
        the section does not hold is refused with the message ``missing``."""
        old = _id_at(value, where)
        if old is None:
            return None
        if old not in self.seen:
            raise ImportProblem(path_of(where), t(missing), old)
        if old in self.twice:
            first, second = path_of(self.seen[old]), path_of(self.twice[old])
            raise ImportProblem(
                path_of(where), t("import.id_ambiguous", first=first, second=second), old
            )
        return old


class _Uids:
    """Where each uid of a file was first seen, per kind of record: a uid names one record,
    so a second record with it is refused (it would replace the first, or fail to save)."""

    def __init__(self) -> None:
        self.seen: dict[tuple[type, str], tuple[Any, ...]] = {}

    def check(self, record: Any, where: tuple[Any, ...], row: dict[str, Any]) -> None:
        first = self.seen.setdefault((type(record), record.uid), where)
        if first is where:
            return
        if row.get("uid") is not None:
            raise ImportProblem(
                path_of((*where, "uid")),
                t("import.duplicate_uid", first=path_of(first)),
                row["uid"],
            )
        raise ImportProblem(
            path_of((*where, "id")), t("import.duplicate_id", first=path_of(first)), row.get("id")
        )


def check_document(document: Any, *, format_name: str, version: int) -> CheckedVisit:
    """Validate a whole export; raises :class:`ImportProblem` at the first bad value."""
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

    if not isinstance(document, dict):
        raise ImportProblem(t("import.top_level"), t("import.not_object"), document)
    if document.get("format") != format_name:
        raise ImportProblem(
            "format", t("import.wrong_format", expected=repr(format_name)), document.get("format")
        )
    found = document.get("version", 1)
    if isinstance(found, bool) or not isinstance(found, int) or found < 1:
        raise ImportProblem("version", t("import.bad_version"), found)
    if found > version:
        raise ImportProblem("version", t("import.newer", version=version), found)
    check_scalars(document)

    # a file is never a share: which team a customer syncs with, and whether a visit is
    # shared, are this laptop's own decisions
    customer_data = {**_object(document, "customer"), "id": None, "team": ""}
    customer = _build(Customer, customer_data, ("customer",))
    visit_data = _object(document, "visit")
    attendees = visit_data.get("attendee_ids", [])
    if not isinstance(attendees, list):
        raise ImportProblem("visit.attendee_ids", t("import.must_be_list"), attendees)
    if visit_data.get("uid") is None:
        visit_data = {**visit_data, "uid": _old_visit_uid(customer.name, visit_data.get("date"))}
    visit = _build(
        Visit,
        {**visit_data, "id": None, "customer_id": 0, "attendee_ids": [], "shared_at": None},
        ("visit",),
    )
    space = uuid.UUID(visit.uid)
    checked = CheckedVisit(customer=customer, visit=visit, attendees=list(attendees))
    uids = _Uids()
    people, script, notes = _Ids(), _Ids(), _Ids()
    for where, row in _rows(document, "people"):
        person = _build(
            Person, {**_with_uid(row, space, where), "id": None, "customer_id": 0}, where
        )
        uids.check(person, where, row)
        checked.people.append((people.add(row, where), person))
    for index, value in enumerate(attendees):
        people.refer(value, ("visit", "attendee_ids", index), "import.no_person")
    for where, row in _rows(document, "script"):
        item = _build(
            ScriptItem, {**_with_uid(row, space, where), "id": None, "visit_id": 0}, where
        )
        uids.check(item, where, row)
        checked.script.append((script.add(row, where), item))
    for where, row in _rows(document, "notes"):
        clean = {k: v for k, v in _with_uid(row, space, where).items() if k != "owner"}
        clean.update(id=None, visit_id=0, script_item_id=None, speaker_id=None)
        note = _build(Note, clean, where)
        uids.check(note, where, row)
        checked.notes.append(
            (
                notes.add(row, where),
                script.refer(
                    row.get("script_item_id"), (*where, "script_item_id"), "import.no_script_item"
                ),
                people.refer(row.get("speaker_id"), (*where, "speaker_id"), "import.no_person"),
                note,
            )
        )
    others: tuple[tuple[str, type[Requirement | Commitment | CustomerQuestion]], ...] = (
        ("requirements", Requirement),
        ("commitments", Commitment),
        ("customer_questions", CustomerQuestion),
    )
    for name, model in others:
        for where, row in _rows(document, name):
            clean = {k: v for k, v in _with_uid(row, space, where).items() if k != "owner"}
            clean.update(id=None, visit_id=0)
            if "customer_id" in model.model_fields:
                clean["customer_id"] = 0
            if "pain_note_id" in model.model_fields:
                clean["pain_note_id"] = None
            old_id(row, "id", where)
            record = _build(model, clean, where)
            uids.check(record, where, row)
            if isinstance(record, Commitment):
                _check_closed(record, row, where)
                if row.get("pain_note_id") is not None:
                    every_note = document.get("includes_personal") is True
                    checked.pains.append((record, _pain_note(row, where, notes, every_note)))
            checked.others.append(record)
    return checked


def _check_closed(record: Commitment, row: dict[str, Any], where: tuple[Any, ...]) -> None:
    """A commitment marked done carries the day it was done: without it the promise would
    count as late until today, and never as kept on time (every close this program makes
    writes the day, so its own exports always have it)."""
    from interview_tui.domain.enums import CommitmentState

    if record.state is CommitmentState.DONE and record.closed_on is None:
        raise ImportProblem(
            path_of((*where, "closed_on")), t("import.done_without_day"), row.get("closed_on")
        )


def _pain_note(
    row: dict[str, Any], where: tuple[Any, ...], notes: _Ids, every_note: bool
) -> int | None:
    """The old id of the pain note a commitment answers, when the file holds that note.

    A note the file does not hold (``None``) was left out by an export without personal and
    private notes: a new commitment comes without the link, one here keeps its own. In a
    file with every note (``includes_personal``) it is a broken reference, refused."""
    old = old_id(row, "pain_note_id", where)
    if old is not None and old not in notes.seen and not every_note:
        return None
    return notes.refer(old, (*where, "pain_note_id"), "import.no_note")
