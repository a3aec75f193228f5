"""Bring merged shared records into SQLite, the working store every screen reads.

Each record is applied field by field against the version this laptop last exported: a
field the team changed is written; a field edited here meanwhile (during the sync) is kept
and merged at the next sync, never overwritten. Notes and histories are append-only: an
entry is added or updated, never removed; private notes are never touched. Everything of
one sync is applied in one transaction, so a cut sync leaves the database as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from interview_tui.domain.models import (
    Commitment,
    Customer,
    Note,
    Person,
    Record,
    Requirement,
    ScriptItem,
    SolutionProposal,
    SolutionReply,
    Visit,
)
from interview_tui.store.records import TABLES
from interview_tui.store.store import Store
from interview_tui.team.merge import BY, CONFLICTS, DELETED, merge_conflicts, merge_record
from interview_tui.team.privacy import shares_note
from interview_tui.team.records import (
    MODELS,
    commitment_record,
    customer_record,
    person_record,
    requirement_record,
    visit_record,
)
from interview_tui.team.schemas import SCHEMAS

#: the order records are applied in: what a record refers to comes first
ORDER = ("customer", "person", "visit", "requirement", "commitment")


@dataclass(frozen=True)
class Incoming:
    """One merged record to apply, and the version this laptop exported before (if any)."""

    kind: str
    merged: dict[str, Any]
    exported: dict[str, Any] | None = None


def plain(record: dict[str, Any]) -> dict[str, Any]:
    """A record without its bookkeeping (who set what, conflicts, tombstone)."""
    return {k: v for k, v in record.items() if k not in (BY, CONFLICTS, DELETED)}


class _Ids:
    """uid -> local id, read once per uid during one apply."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[tuple[str, str], int | None] = {}

    def of(self, kind: str, uid: str | None) -> int | None:
        if not uid:
            return None
        key = (kind, uid)
        if key not in self.cache:
            table = _TABLES[kind]
            rows = self.store.query(f"SELECT id FROM {table} WHERE uid = ?", [uid])
            self.cache[key] = rows[0]["id"] if rows else None
        return self.cache[key]

    def uid_of(self, kind: str, record_id: int | None) -> str | None:
        if record_id is None:
            return None
        rows = self.store.query(f"SELECT uid FROM {_TABLES[kind]} WHERE id = ?", [record_id])
        return rows[0]["uid"] if rows else None

    def remember(self, kind: str, uid: str, record_id: int | None) -> None:
        self.cache[(kind, uid)] = record_id


#: the table of each kind a file refers to by uid (a visit's notes and questions too)
_REFERRED: dict[str, type[Record]] = {**MODELS, "note": Note, "question": ScriptItem}
_TABLES = {kind: TABLES[model] for kind, model in _REFERRED.items()}


def apply_records(store: Store, incoming: Iterable[Incoming], team: str) -> int:
    """Apply merged records in one transaction; returns how many changed something here."""
    items = sorted(incoming, key=lambda i: ORDER.index(i.kind))
    changed = 0
    member, store.member = store.member, ""  # records keep the authors the files name
    try:
        with store.transaction():
            ids = _Ids(store)
            for item in items:
                if _apply(store, ids, item, team):
                    changed += 1
    finally:
        store.member = member
    return changed


def _apply(store: Store, ids: _Ids, item: Incoming, team: str) -> bool:
    uid = item.merged["uid"]
    model = MODELS[item.kind]
    existing = store.all(model, "uid = ?", [uid])
    current = existing[0] if existing else None
    target = plain(item.merged)
    conflicts = dict(item.merged.get(CONFLICTS) or {})
    if current is not None and item.exported is not None:
        local = _local_record(store, ids, item.kind, current)
        exported, merged = (_with_by(r) for r in (item.exported, item.merged))
        result = merge_record(exported, local, merged, SCHEMAS[item.kind])
        # the open conflicts merge three-way too, against those exported: a conflict found
        # here joins the team's on the same field instead of replacing it, and one resolved
        # here meanwhile stays resolved
        conflicts = merge_conflicts(
            item.exported.get(CONFLICTS) or {},
            _open(store, uid),
            conflicts,
            result.get(CONFLICTS) or {},
        )
        target = plain(result)
    _set_conflicts(store, uid, item.kind, conflicts)
    record = _build(store, ids, item.kind, target, current, team)
    changed = current is None or record.model_dump() != current.model_dump()
    if changed:
        record = store.save(record)
        ids.remember(item.kind, uid, record.id)
    if isinstance(record, Visit):  # the kind "visit"
        changed = _apply_visit_parts(store, ids, record, target) or changed
    return changed


def _with_by(record: dict[str, Any]) -> dict[str, Any]:
    """A record's fields and who set them (a conflict found names its setter)."""
    return {k: v for k, v in record.items() if k not in (CONFLICTS, DELETED)}


def _open(store: Store, uid: str) -> dict[str, Any]:
    """The open conflicts of a record as this laptop holds them (path -> candidates)."""
    rows = store.query("SELECT path, candidates FROM team_conflicts WHERE uid = ?", [uid])
    return {row["path"]: json.loads(row["candidates"]) for row in rows}


def _set_conflicts(store: Store, uid: str, kind: str, conflicts: dict[str, Any]) -> None:
    store.db.execute("DELETE FROM team_conflicts WHERE uid = ?", [uid])
    for path, candidates in sorted(conflicts.items()):
        store.db.table("team_conflicts").insert(
            {
                "uid": uid,
                "kind": kind,
                "path": path,
                "candidates": json.dumps(candidates, ensure_ascii=False),
            }
        )


def _local_record(store: Store, ids: _Ids, kind: str, current: Record) -> dict[str, Any]:
    """This laptop's record as the team file would hold it."""
    if isinstance(current, Customer):
        return customer_record(current)
    if isinstance(current, Person):
        return person_record(current, ids.uid_of("customer", current.customer_id) or "")
    if isinstance(current, Visit):
        people = {p.id or 0: p.uid for p in store.people(current.customer_id)}
        return visit_record(
            current,
            ids.uid_of("customer", current.customer_id) or "",
            people,
            store.script(current.id or 0),
            store.notes(current.id or 0),
        )
    if isinstance(current, Requirement):
        return requirement_record(
            current,
            ids.uid_of("customer", current.customer_id) or "",
            ids.uid_of("visit", current.visit_id),
        )
    assert isinstance(current, Commitment)
    return commitment_record(
        current,
        ids.uid_of("visit", current.visit_id) or "",
        ids.uid_of("note", current.pain_note_id),
    )


def _dt(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _d(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _fields(record: dict[str, Any], model: type[Record], skip: set[str]) -> dict[str, Any]:
    """The record's values for the model's own fields (unknown ones stay in the file)."""
    return {k: v for k, v in record.items() if k in model.model_fields and k not in skip}


def _build(
    store: Store, ids: _Ids, kind: str, r: dict[str, Any], current: Record | None, team: str
) -> Record:
    base = current.model_dump() if current is not None else {}
    if kind == "customer":
        data = {**base, **_fields(r, Customer, {"id"}), "team": team}
        data["archived_at"] = _dt(r.get("archived_at"))
        return Customer.model_validate(data)
    if kind == "person":
        data = {**base, **_fields(r, Person, {"id", "customer_id"})}
        data.update(
            customer_id=ids.of("customer", r["customer"]), archived_at=_dt(r.get("archived_at"))
        )
        return Person.model_validate(data)
    if kind == "visit":
        skip = {"id", "customer_id", "attendee_ids", "rehearsal"}
        data = {**base, **_fields(r, Visit, skip)}
        data.update(
            customer_id=ids.of("customer", r["customer"]),
            attendee_ids=[i for u in r.get("attendees", []) if (i := ids.of("person", u))],
            date=_dt(r["date"]),
            archived_at=_dt(r.get("archived_at")),
            shared_at=_dt(r.get("shared_at")),
        )
        return Visit.model_validate(data)
    if kind == "requirement":
        skip = {"id", "customer_id", "visit_id", "history", "solutions", "created_at"}
        data = {**base, **_fields(r, Requirement, skip)}
        data.update(
            customer_id=ids.of("customer", r["customer"]),
            visit_id=ids.of("visit", r.get("visit")),
            created_at=_dt(r.get("created")) or base.get("created_at"),
            history=r.get("history", []),
            solutions=[_proposal(p) for p in r.get("solutions", [])],
            latest_acceptable=_d(r.get("latest_acceptable")),
            planned=_d(r.get("planned")),
        )
        return Requirement.model_validate(data)
    skip = {"id", "visit_id", "history", "created_at", "pain_note_id"}
    data = {**base, **_fields(r, Commitment, skip)}
    data.update(
        visit_id=ids.of("visit", r["visit"]),
        created_at=_dt(r.get("created")) or base.get("created_at"),
        history=r.get("history", []),
        pain_note_id=ids.of("note", r.get("pain_note")),
        due=_d(r.get("due")),
        first_due=_d(r.get("first_due")),
        judged_due=_d(r.get("judged_due")),
        closed_on=_d(r.get("closed_on")),
    )
    return Commitment.model_validate(data)


def _proposal(entry: dict[str, Any]) -> SolutionProposal:
    replies = [
        SolutionReply.model_validate(
            {
                "uid": x["id"],
                "on": _dt(x["at"]),
                "answer": x["answer"],
                "reason": x.get("reason", ""),
                "author": x.get("by", ""),
            }
        )
        for x in entry.get("replies", [])
    ]
    return SolutionProposal.model_validate(
        {
            "uid": entry["id"],
            "on": _dt(entry["at"]),
            "text": entry["text"],
            "reasoning": entry.get("reasoning", ""),
            "author": entry.get("by", ""),
            "replies": replies,
        }
    )


def _apply_visit_parts(store: Store, ids: _Ids, visit: Visit, r: dict[str, Any]) -> bool:
    """The visit's questions and shared notes: added or updated by uid, never removed.
    Returns whether anything changed."""
    changed = False
    for q in r.get("questions", []):
        found = store.all(ScriptItem, "uid = ?", [q["id"]])
        item = found[0] if found else None
        data = {
            **(item.model_dump() if item else {}),
            "uid": q["id"],
            "visit_id": visit.id,
            "text": q["text"],
            "role": q["role"],
            "goal": q["goal"],
            "position": q.get("position", 0),
            "status": q.get("status", "pending"),
            "bank_question_id": q.get("bank_question_id"),
        }
        new = ScriptItem.model_validate(data)
        if item is None or new.model_dump() != item.model_dump():
            ids.remember("question", q["id"], store.save(new).id)
            changed = True
    for n in r.get("notes", []):
        same_uid = store.all(Note, "uid = ?", [n["id"]])
        note = same_uid[0] if same_uid else None
        if note is not None and not shares_note(note):
            continue  # a private note here is never overwritten by the team's copy
        data = {
            **(note.model_dump() if note else {}),
            "uid": n["id"],
            "visit_id": visit.id,
            "script_item_id": ids.of("question", n.get("question")),
            "speaker_id": ids.of("person", n.get("speaker")),
            "goal": n.get("goal"),
            "text": n.get("text", ""),
            "internal": n.get("internal", False),
            "kind": n.get("kind", "note"),
            "action": n.get("action", ""),
            "author": n.get("by", ""),
            "created_at": _dt(n.get("at")),
        }
        new_note = Note.model_validate(data)
        if note is None or _comparable(new_note) != _comparable(note):
            ids.remember("note", n["id"], store.save(new_note).id)
            changed = True
    return changed


def _comparable(note: Note) -> dict[str, Any]:
    return note.model_dump(exclude={"updated_at"})
