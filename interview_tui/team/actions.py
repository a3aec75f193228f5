"""What a PM does with the team besides syncing: share a visit, see and resolve conflicts,
see where the team stands. Each is an ordinary change of the store; the next sync sends it.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from interview_tui.domain.models import Commitment, Customer, Note, Requirement, Visit
from interview_tui.errors import UserError
from interview_tui.i18n import t
from interview_tui.services.history import field_label, shown_value
from interview_tui.store.store import Store
from interview_tui.team.apply import _apply_visit_parts, _build, _Ids, _local_record
from interview_tui.team.config import clone_dir, require_team, team_config
from interview_tui.team.privacy import shares_note
from interview_tui.team.records import MODELS
from interview_tui.team.schemas import SCHEMAS


@dataclass(frozen=True)
class ShareSummary:
    """What sharing a visit sends, and what stays on this laptop."""

    visit_id: int
    customer: str
    notes_shared: int
    notes_kept: int
    requirements: int
    commitments: int
    #: what stays: private notes and personal-connection notes (notes_kept in all)
    notes_private: int = 0
    notes_personal: int = 0
    #: shared notes marked internal (not for the customer; the team sees them)
    notes_internal: int = 0
    date: str = ""
    #: when the visit was shared ("" when it is not)
    shared_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def share_summary(store: Store, visit_id: int) -> ShareSummary:
    visit = store.get(Visit, visit_id)
    if visit is None:
        raise UserError(t("error.no_visit_listed", id=visit_id))
    customer = store.get(Customer, visit.customer_id)
    assert customer is not None
    notes = store.notes(visit_id)
    shared = [n for n in notes if shares_note(n)]
    return ShareSummary(
        visit_id=visit_id,
        customer=customer.name,
        notes_shared=len(shared),
        notes_kept=len(notes) - len(shared),
        requirements=len(store.requirements(visit_id=visit_id)),
        commitments=len(store.commitments(visit_id)),
        notes_private=sum(1 for n in notes if n.private),
        notes_personal=sum(1 for n in notes if not n.private and not shares_note(n)),
        notes_internal=sum(1 for n in shared if n.internal),
        date=visit.date.isoformat(sep=" ", timespec="minutes"),
        shared_at=visit.shared_at.isoformat(sep=" ", timespec="minutes") if visit.shared_at else "",
    )


def share_visit(store: Store, visit_id: int, now: datetime) -> ShareSummary:
    """Share a visit with the team, and bring its customer into the team (a customer syncs
    with one team or none)."""
    config = require_team(store)
    summary = share_summary(store, visit_id)
    with store.transaction():
        visit = store.get(Visit, visit_id)
        assert visit is not None
        customer = store.get(Customer, visit.customer_id)
        assert customer is not None
        if customer.team and customer.team != config.name:
            raise UserError(t("team.other_team", customer=customer.name, team=customer.team))
        if customer.team != config.name:
            store.save(customer.model_copy(update={"team": config.name}))
        if visit.shared_at is None:
            store.save(visit.model_copy(update={"shared_at": now.replace(microsecond=0)}))
        _enqueue_customer(store, customer.id or 0)
    return summary


def _enqueue_customer(store: Store, customer_id: int) -> None:
    """Everything of a customer goes with the next sync (sharing brings records that were
    written before it into the team)."""
    where = {
        "customers": ("customer", "id = ?"),
        "people": ("person", "customer_id = ?"),
        "visits": ("visit", "customer_id = ?"),
        "requirements": ("requirement", "customer_id = ?"),
        "commitments": ("commitment", "visit_id IN (SELECT id FROM visits WHERE customer_id = ?)"),
    }
    top = int(store.query("SELECT coalesce(max(n), 0) AS n FROM team_outbox")[0]["n"]) + 1
    for table, (kind, condition) in where.items():
        uids = [
            row["uid"]
            for row in store.query(f"SELECT uid FROM {table} WHERE {condition}", [customer_id])
        ]
        store.db.execute(
            f"DELETE FROM team_outbox WHERE kind = ? AND uid IN"
            f" (SELECT uid FROM {table} WHERE {condition})",
            [kind, customer_id],
        )
        store.db.conn.executemany(
            "INSERT INTO team_outbox (kind, uid, n) VALUES (?, ?, ?)",
            [(kind, uid, top) for uid in uids],
        )


@dataclass(frozen=True)
class Conflict:
    uid: str
    kind: str
    field: str
    title: str
    values: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "kind": self.kind,
            "field": self.field,
            "title": self.title,
            "values": self.values,
        }


def conflicts(store: Store) -> list[Conflict]:
    """Every open conflict, with each value and who set it when."""
    found = []
    for row in store.query(
        "SELECT uid, kind, path, candidates FROM team_conflicts ORDER BY kind, uid, path"
    ):
        found.append(
            Conflict(
                row["uid"],
                row["kind"],
                row["path"],
                _title(store, row),
                json.loads(row["candidates"]),
            )
        )
    return found


def record_conflicts(store: Store, kind: str, uid: str) -> list[Conflict]:
    """The open conflicts of one record (its fields, and its notes' fields for a visit)."""
    return [
        Conflict(uid, kind, row["path"], "", json.loads(row["candidates"]))
        for row in store.query(
            "SELECT path, candidates FROM team_conflicts WHERE uid = ? AND kind = ? ORDER BY path",
            [uid, kind],
        )
    ]


def reopen(store: Store, conflict: Conflict) -> None:
    """Open a resolved conflict again, with the values it had (ctrl+z of a resolution
    before it was sent: the next sync sends the record as it was, still in conflict); the
    notes a visit's resolution kept its set-aside values in go with it."""
    uids = [_set_aside_uid(conflict, value) for value in conflict.values]
    for note in store.all(Note, f"uid IN ({','.join('?' * len(uids))})", uids):
        store.delete(Note, note.id or 0)
    store.db.table("team_conflicts").insert(
        {
            "uid": conflict.uid,
            "kind": conflict.kind,
            "path": conflict.field,
            "candidates": json.dumps(conflict.values, ensure_ascii=False),
        },
        replace=True,
    )


#: clone -> (the commit read, its members' names): read again once a sync moves it
_MEMBER_NAMES: dict[str, tuple[str, dict[str, str]]] = {}


def member_names(store: Store) -> dict[str, str]:
    """Each member's e-mail -> the name colleagues see, from the team repository as this
    laptop last brought it in (read once per commit); empty outside a team."""
    from interview_tui.team.git import Git, GitError
    from interview_tui.team.record_file import loads

    config = team_config(store)
    if config is None or not config.imported:
        return {}
    key = str(config.clone)
    if _MEMBER_NAMES.get(key, ("", {}))[0] != config.imported:
        names: dict[str, str] = {}
        try:
            git = Git(config.clone)
            entries = {
                path: oid
                for path, oid in git.tree_entries(config.imported, ["members"]).items()
                if path.endswith(".json")
            }
            blobs = git.read_blobs(sorted(set(entries.values())))
            for oid in entries.values():
                try:
                    member = loads(blobs[oid])
                except ValueError:
                    continue
                if member.get("id") and member.get("name"):
                    names[str(member["id"])] = str(member["name"])
        except (GitError, OSError):
            return {config.member: config.member_name} if config.member_name else {}
        if config.member_name:
            names.setdefault(config.member, config.member_name)
        _MEMBER_NAMES[key] = (config.imported, names)
    return _MEMBER_NAMES[key][1]


@dataclass(frozen=True)
class TeamView:
    """What a record's screen shows of the team: its open conflicts and who is who."""

    me: str = ""
    names: dict[str, str] | None = None
    conflicts: tuple[Conflict, ...] = ()

    def who(self, member: str) -> str:
        """A member's name as colleagues see it (the e-mail when the name is unknown)."""
        return (self.names or {}).get(member) or member

    def by_other(self, member: str) -> str:
        """The author's name when it is someone else ("" for me, or nobody)."""
        return self.who(member) if member and member != self.me else ""

    def conflict(self, field: str) -> Conflict | None:
        return next((c for c in self.conflicts if c.field == field), None)


def team_view(store: Store, kind: str, uid: str) -> TeamView:
    """The team's part of one record's screen (nothing outside a team)."""
    config = team_config(store)
    if config is None:
        return TeamView()
    return TeamView(config.member, member_names(store), tuple(record_conflicts(store, kind, uid)))


def customer_notes_view(store: Store, customer_id: int) -> TeamView:
    """Who is who, and the open conflicts on the notes of a customer's visits (a note's
    text changed differently by two members)."""
    config = team_config(store)
    if config is None:
        return TeamView()
    found = [
        Conflict(row["uid"], "visit", row["path"], "", json.loads(row["candidates"]))
        for row in store.query(
            "SELECT uid, path, candidates FROM team_conflicts WHERE kind = 'visit'"
            " AND path LIKE 'notes/%' AND uid IN (SELECT uid FROM visits WHERE customer_id = ?)"
            " ORDER BY uid, path",
            [customer_id],
        )
    ]
    return TeamView(config.member, member_names(store), tuple(found))


def note_uid(conflict: Conflict) -> str:
    """The note a conflict on a visit's note is about ("" for any other field)."""
    parts = conflict.field.split("/")
    return parts[1] if len(parts) == 3 and parts[0] == "notes" else ""


def note_id(store: Store, uid: str) -> int:
    """The local id of the note with ``uid``."""
    found = store.all(Note, "uid = ?", [uid])
    if not found:
        raise UserError(t("team.no_note", id=uid))
    return found[0].id or 0


#: conflicted fields whose values are dates, and those that hold one of a few values
_DATES = frozenset({"due", "latest_acceptable", "planned", "closed_on"})


def takes_one_value(conflict: Conflict) -> bool:
    """Whether ``conflict`` is resolved only by keeping one of its values: a group of fields
    that change together (a commitment's closing: state, date and note) is never typed."""
    return any(isinstance(v.get("value"), list) for v in conflict.values)


def typed_value(conflict: Conflict, text: str, today: date) -> str:
    """A value typed to resolve ``conflict`` (a combined one), checked as its field needs:
    a date is parsed as everywhere (``2027-01-10``, ``+14d``, ``下周五``), a choice must be
    one of its names; a group of fields (a commitment's closing) is resolved by taking one
    of its values. Raises :class:`UserError` naming the field and the value."""
    from interview_tui.domain.dates import DateParseError, parse_due
    from interview_tui.domain.names import FIELD_VALUES, display

    name = conflict.field.rsplit("/", 1)[-1]
    label = field_label(conflict.field)
    if takes_one_value(conflict):
        raise UserError(t("team.take_one", field=label))
    value = text.strip()
    if name in _DATES:
        if not value:
            return ""
        try:
            return parse_due(value, today).isoformat()
        except DateParseError as exc:
            raise UserError(t("team.bad_value", field=label, value=value, why=str(exc))) from None
    kind = FIELD_VALUES.get(name)
    if kind is not None:
        for choice in kind:
            if value.casefold() in (choice.value.casefold(), display(choice).casefold()):
                return choice.value
        names = " / ".join(display(choice) for choice in kind)
        raise UserError(t("team.bad_value", field=label, value=value, why=names))
    return value


def _title(store: Store, row: dict[str, Any]) -> str:
    model = MODELS.get(row["kind"])
    if model is None:
        return row["uid"]
    found = store.all(model, "uid = ?", [row["uid"]])
    if not found:
        return row["uid"]
    record = found[0]
    for name in ("title", "text", "name", "purpose"):
        value = getattr(record, name, "")
        if value:
            return str(value)
    return row["uid"]


def set_aside(conflict: Conflict, chosen: Any) -> list[dict[str, Any]]:
    """The values of ``conflict`` a resolution to ``chosen`` does not keep, each once, with
    who set it and when: kept in the record's history, so no colleague's words are lost."""
    aside: list[dict[str, Any]] = []
    for candidate in conflict.values:
        value = candidate.get("value")
        if value != chosen and all(value != kept["value"] for kept in aside):
            aside.append(
                {"value": value, "by": candidate.get("by", ""), "at": candidate.get("at", "")}
            )
    return aside


def resolve(
    store: Store, uid: str, field: str, *, take: int | None = None, value: str | None = None
) -> Conflict:
    """Resolve a conflict with one of its values (``take``, from 1) or a new value: an
    ordinary edit, recorded in the record's history, that syncs like any other."""
    config = require_team(store)
    match = [c for c in conflicts(store) if c.uid == uid and c.field == field]
    if not match:
        raise UserError(t("team.no_conflict", uid=uid, field=field))
    conflict = match[0]
    if take is not None:
        if not 1 <= take <= len(conflict.values):
            raise UserError(t("team.bad_take", count=len(conflict.values)))
        chosen: Any = conflict.values[take - 1]["value"]
    elif value is not None:
        chosen = value
    else:
        raise UserError(t("team.take_or_value"))
    model = MODELS[conflict.kind]
    with store.transaction():
        current = store.all(model, "uid = ?", [uid])[0]
        ids = _Ids(store)
        record = _local_record(store, ids, conflict.kind, current)
        schema = SCHEMAS[conflict.kind]
        if "/" in field:  # a field of a log's entry: "notes/<id>/text"
            log, entry_id, name = field.split("/", 2)
            for entry in record.get(log) or []:
                if str(entry.get("id")) == entry_id:
                    entry[name] = chosen
        else:
            members = schema.groups.get(field, (field,))
            values = chosen if len(members) > 1 and isinstance(chosen, list) else [chosen]
            for name, new in zip(members, values, strict=False):
                record[name] = new
        updated = _build(store, ids, conflict.kind, record, current, config.name)
        if isinstance(updated, Requirement | Commitment):
            entry = {
                "on": store.now().date().isoformat(),
                "change": "resolved",
                "field": field,
                "to": json.dumps(chosen, ensure_ascii=False),
            }
            if aside := set_aside(conflict, chosen):  # the other values stay in the history
                entry["set_aside"] = json.dumps(aside, ensure_ascii=False)
            updated.history = [*updated.history, entry]
        saved = store.save(updated)
        if isinstance(saved, Visit):
            _apply_visit_parts(store, ids, saved, record)
            _keep_set_aside(store, saved, conflict, chosen, config.member)
        store.db.execute("DELETE FROM team_conflicts WHERE uid = ? AND path = ?", [uid, field])
    return conflict


def _keep_set_aside(
    store: Store, visit: Visit, conflict: Conflict, chosen: Any, member: str
) -> None:
    """A visit has no history: the values a resolution set aside (a colleague's wording of
    a note) become an internal note of the visit, shared with the team and never with the
    customer, saying whose value it was and where it stood."""
    label = field_label(conflict.field)
    for other in set_aside(conflict, chosen):
        uid = _set_aside_uid(conflict, other)
        if store.all(Note, "uid = ?", [uid]):  # resolved the same way before (then undone)
            continue
        text = t(
            "team.set_aside_note",
            field=label,
            by=other["by"] or "?",
            value=shown_value(conflict.field, other["value"]),
        )
        store.save(
            Note(
                uid=uid,
                visit_id=visit.id or 0,
                text=text,
                internal=True,
                author=member,
                created_at=store.now().replace(microsecond=0),
            )
        )


#: the namespace of the uids of the notes that keep a visit's set-aside values
_SET_ASIDE = uuid.UUID("6f1d3c2e-8a47-4b5e-9d0c-2b7e5f3a9c11")


def _set_aside_uid(conflict: Conflict, value: dict[str, Any]) -> str:
    """The uid of the note that keeps ``value`` of ``conflict`` when a resolution sets it
    aside: made from both, so ctrl+z finds the note and a laptop resolving again (or a
    colleague resolving the same way) makes the same one, not a second copy."""
    named = [conflict.uid, conflict.field, value.get("by"), value.get("at"), value.get("value")]
    return str(uuid.uuid5(_SET_ASIDE, json.dumps(named, ensure_ascii=False)))


@dataclass(frozen=True)
class TeamStatus:
    team: str
    member: str
    url: str
    clone: str
    open_conflicts: int
    synced_at: str
    shared_visits: int
    private_notes: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def status(store: Store) -> TeamStatus:
    config = require_team(store)
    count = store.query("SELECT count(*) AS n FROM team_conflicts")[0]["n"]
    shared = store.query("SELECT count(*) AS n FROM visits WHERE shared_at IS NOT NULL")[0]["n"]
    private = store.query("SELECT count(*) AS n FROM notes WHERE private = 1")[0]["n"]
    return TeamStatus(
        config.name,
        config.member,
        config.url,
        str(clone_dir(store)),
        int(count),
        store.meta("team.synced_at") or "",
        int(shared),
        int(private),
    )


def mark_private(store: Store, note_id: int, private: bool = True) -> Note:
    """Mark a note private (it never leaves this laptop) or not."""
    with store.transaction():
        note = store.get(Note, note_id)
        if note is None:
            raise UserError(t("team.no_note", id=note_id))
        return store.save(note.model_copy(update={"private": private}))


def mark_same(store: Store, uid: str, other_uid: str) -> None:
    """Say two customer records are the same customer (two PMs created it offline): each
    names the other; both stay, with everything recorded under them."""
    with store.transaction():
        found = {c.uid: c for c in store.all(Customer, "uid IN (?, ?)", [uid, other_uid])}
        missing = [u for u in (uid, other_uid) if u not in found]
        if missing or uid == other_uid:
            raise UserError(t("team.no_customer_uid", uid=(missing or [uid])[0]))
        for mine, theirs in ((uid, other_uid), (other_uid, uid)):
            customer = found[mine]
            if theirs not in customer.same_as:
                store.save(
                    customer.model_copy(update={"same_as": sorted({*customer.same_as, theirs})})
                )
