"""Three-way merge of one shared record, per field, against git's merge base.

Pure functions over the dicts of :mod:`record_file`; no clock is read, so skewed laptop
clocks cannot pick a winner, and ``merge(base, ours, theirs) == merge(base, theirs, ours)``
so every clone converges on the same bytes.

A record is a dict of fields plus three bookkeeping keys:

- ``_by``: field -> ``{"by": member, "at": timestamp}``, who last set each field (shown
  beside a conflict; never used to decide one);
- ``_conflicts``: field -> list of candidates ``{"value", "by", "at"}``: a conflict kept as
  data until someone resolves it (an ordinary edit that removes the entry);
- ``_deleted``: ``{"by", "at"}`` once the record is deleted (a tombstone).

The rule of each field comes from a :class:`Schema`:

=================  ==================================================================
single value       one side changed: take it; both alike: take it; both differently:
                   a conflict (the field holds a deterministic pick meanwhile)
group              fields that move together (a commitment's state, closed date, note)
                   merged as one value
set                three-way set merge (goals, attendees)
log                append-only list of entries with an ``id``: union by id, never a
                   conflict; an entry changed on both sides is merged field by field
once               write-once (uid, created, first due date): the base value stays
least              a single value, except that both sides changing it differently take
                   the smaller, never a conflict (the date a promise is judged by: it
                   only ever moves sooner, so both moves count)
unknown fields     single values: kept as they are when nobody changes them
=================  ==================================================================
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

BY = "_by"
CONFLICTS = "_conflicts"
DELETED = "_deleted"
META = frozenset({BY, CONFLICTS, DELETED})
#: the conflict key of a deletion that met an edit
DELETE_CONFLICT = "_deleted"


class _Missing:
    """A field absent from one side (distinct from a stored ``null``)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Schema:
    """How each field of one kind of record merges (fields not named are single values)."""

    once: frozenset[str] = frozenset()
    #: single values whose changes on both sides give the smaller, not a conflict
    least: frozenset[str] = frozenset()
    sets: frozenset[str] = frozenset()
    #: append-only lists: field -> the schema of one entry
    logs: dict[str, Schema] = field(default_factory=dict)
    #: group name -> its fields, merged as one unit
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the key that identifies an entry of a log
    entry_id: str = "id"

    def group_of(self, name: str) -> str | None:
        return next((g for g, names in self.groups.items() if name in names), None)


def _key(value: Any) -> str:
    """A total order on JSON values (for deterministic picks and sorted sets)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _candidate_key(candidate: dict[str, Any]) -> tuple[str, str]:
    return _key(candidate.get("value")), str(candidate.get("by", ""))


def merge_record(
    base: dict[str, Any] | None,
    ours: dict[str, Any],
    theirs: dict[str, Any],
    schema: Schema,
) -> dict[str, Any]:
    """The merged record. ``base`` is ``None`` when both sides created the record (the same
    uid: only when one record was copied); then the base is taken as empty."""
    b = base or {}
    merged: dict[str, Any] = {}
    by: dict[str, Any] = {}
    new_conflicts: dict[str, list[dict[str, Any]]] = {}
    _merge_fields(b, ours, theirs, schema, merged, by, new_conflicts, prefix="")
    conflicts = _merge_conflicts(
        b.get(CONFLICTS) or {},
        ours.get(CONFLICTS) or {},
        theirs.get(CONFLICTS) or {},
        new_conflicts,
        merged,
        by,
    )
    deleted = _merge_deleted(b, ours, theirs, conflicts)
    if by:
        merged[BY] = by
    if conflicts:
        merged[CONFLICTS] = conflicts
    if deleted is not None:
        merged[DELETED] = deleted
    return merged


def _side_by(record: dict[str, Any], path: str, *, or_author: bool = False) -> dict[str, Any]:
    """Who set the field at ``path`` last: its ``_by`` entry (else, with ``or_author``, the
    record's author: a field never changed since the record was made)."""
    found = (record.get(BY) or {}).get(path)
    if found:
        return found
    if or_author and record.get("author"):
        return {"by": record["author"], "at": str(record.get("created") or "")}
    return {}


def _merge_fields(
    b: dict[str, Any],
    o: dict[str, Any],
    t: dict[str, Any],
    schema: Schema,
    merged: dict[str, Any],
    by: dict[str, Any],
    conflicts: dict[str, list[dict[str, Any]]],
    *,
    prefix: str,
    root_o: dict[str, Any] | None = None,
    root_t: dict[str, Any] | None = None,
) -> None:
    """Merge every field of one record (or one log entry, under ``prefix``)."""
    root_o = o if root_o is None else root_o
    root_t = t if root_t is None else root_t
    names = sorted((set(b) | set(o) | set(t)) - META)
    done: set[str] = set()
    for name in names:
        if name in done:
            continue
        group = schema.group_of(name)
        if group is not None:
            members = schema.groups[group]
            done.update(members)
            gb, go, gt = (tuple(side.get(m, MISSING) for m in members) for side in (b, o, t))
            chosen = _single(
                prefix + group,
                gb,
                go,
                gt,
                root_o,
                root_t,
                by,
                conflicts,
                by_paths=[prefix + m for m in members],
            )
            for member, value in zip(members, chosen, strict=True):
                if value is not MISSING:
                    merged[member] = value
            continue
        bv, ov, tv = (side.get(name, MISSING) for side in (b, o, t))
        path = prefix + name
        if name in schema.once:
            value = _once(bv, ov, tv)
            _take_by(path, bv if bv is not MISSING else value, ov, tv, root_o, root_t, by)
        elif name in schema.least:
            value = _least(bv, ov, tv)
            _take_by(path, value, ov, tv, root_o, root_t, by)
        elif name in schema.sets:
            value = _set(bv, ov, tv)
            _take_by(path, value, ov, tv, root_o, root_t, by)
        elif name in schema.logs:
            value = _log(bv, ov, tv, schema.logs[name], by, conflicts, root_o, root_t, prefix=path)
        else:
            value = _single(path, bv, ov, tv, root_o, root_t, by, conflicts, by_paths=[path])
        if value is not MISSING:
            merged[name] = value


def _take_by(
    path: str,
    value: Any,
    ov: Any,
    tv: Any,
    root_o: dict[str, Any],
    root_t: dict[str, Any],
    by: dict[str, Any],
) -> None:
    """Keep who set the value that was taken (decided the same way on every clone)."""
    holders = [root for root, v in ((root_o, ov), (root_t, tv)) if _key(v) == _key(value)]
    _record_who(path, holders or [root_o, root_t], by)


def _record_who(path: str, holders: list[dict[str, Any]], by: dict[str, Any]) -> None:
    """``by[path]`` from the sides that hold the taken value: the same pick whichever side
    is ours, so clones converge."""
    found = [who for root in holders if (who := _side_by(root, path))]
    if found:
        by[path] = min(found, key=_key)


def _single(
    path: str,
    bv: Any,
    ov: Any,
    tv: Any,
    root_o: dict[str, Any],
    root_t: dict[str, Any],
    by: dict[str, Any],
    conflicts: dict[str, list[dict[str, Any]]],
    *,
    by_paths: list[str],
) -> Any:
    """Three-way merge of one value (or one group's tuple of values)."""
    ko, kt, kb = _key(_plain(ov)), _key(_plain(tv)), _key(_plain(bv))
    if ko == kt:
        holders, value = [root_o, root_t], ov
    elif kt == kb:
        holders, value = [root_o], ov
    elif ko == kb:
        holders, value = [root_t], tv
    else:  # both changed, differently: a conflict kept as data
        candidates = []
        for root, v in ((root_o, ov), (root_t, tv)):
            who = _side_by(root, by_paths[0], or_author=True)
            candidates.append(
                {"value": _plain(v), "by": who.get("by", ""), "at": who.get("at", "")}
            )
        candidates.sort(key=_candidate_key)
        conflicts.setdefault(path, []).extend(candidates)
        pick = candidates[0]
        taken_o = _key(_plain(ov)) == _key(pick["value"])
        holders, value = ([root_o], ov) if taken_o else ([root_t], tv)
    for by_path in by_paths:
        _record_who(by_path, holders, by)
    return value


def _plain(value: Any) -> Any:
    """A group's tuple as a list (JSON has no tuples); ``MISSING`` as ``None``."""
    if value is MISSING:
        return None
    if isinstance(value, tuple):
        return [None if v is MISSING else v for v in value]
    return value


def _least(bv: Any, ov: Any, tv: Any) -> Any:
    """One side's change taken (an undo too); both changed differently: the smaller of
    the values they hold (``None`` or missing on one side: the other's)."""
    ko, kt, kb = _key(_plain(ov)), _key(_plain(tv)), _key(_plain(bv))
    if ko == kt or kt == kb:
        return ov
    if ko == kb:
        return tv
    present = [v for v in (ov, tv) if v is not MISSING and v is not None]
    return min(present, key=_key) if present else ov


def _once(bv: Any, ov: Any, tv: Any) -> Any:
    if bv is not MISSING:
        return bv
    present = [v for v in (ov, tv) if v is not MISSING]
    return min(present, key=_key) if present else MISSING


def kept(base: set[K], mine: set[K], yours: set[K]) -> set[K]:
    """A three-way set merge: what either side added, less what either side removed."""
    return (base | mine | yours) - (base - mine) - (base - yours)


def _set(bv: Any, ov: Any, tv: Any) -> Any:
    if ov is MISSING and tv is MISSING:
        return MISSING
    base = {_key(v): v for v in (bv if isinstance(bv, list) else [])}
    mine = {_key(v): v for v in (ov if isinstance(ov, list) else [])}
    yours = {_key(v): v for v in (tv if isinstance(tv, list) else [])}
    keep = kept(set(base), set(mine), set(yours))
    values = {**base, **mine, **yours}
    return [values[k] for k in sorted(keep)]


def _log(
    bv: Any,
    ov: Any,
    tv: Any,
    schema: Schema,
    by: dict[str, Any],
    conflicts: dict[str, list[dict[str, Any]]],
    root_o: dict[str, Any],
    root_t: dict[str, Any],
    *,
    prefix: str,
) -> Any:
    """Union of entries by id (none is ever dropped), sorted by time then id."""
    if ov is MISSING and tv is MISSING and bv is MISSING:
        return MISSING
    sides = [
        {
            str(e.get(schema.entry_id)): e
            for e in (v if isinstance(v, list) else [])
            if isinstance(e, dict)
        }
        for v in (bv, ov, tv)
    ]
    base, mine, yours = sides
    entries: list[dict[str, Any]] = []
    for entry_id in set(base) | set(mine) | set(yours):
        eb, eo, et = base.get(entry_id), mine.get(entry_id), yours.get(entry_id)
        if eo is None or et is None:  # one side only (an empty entry {} is an entry too)
            entries.append(next(e for e in (eo, et, eb) if e is not None))
            continue
        if _key(eo) == _key(et):
            entries.append(eo)
            continue
        entry: dict[str, Any] = {}
        _merge_fields(
            eb or {},
            eo,
            et,
            schema,
            entry,
            by,
            conflicts,
            prefix=f"{prefix}/{entry_id}/",
            root_o=root_o,
            root_t=root_t,
        )
        entries.append(entry)
    return canonical_log(entries, schema.entry_id)


def canonical_log(entries: list[dict[str, Any]], entry_id: str = "id") -> list[dict[str, Any]]:
    """A log's entries in the one order every clone writes: by time, then id (the order
    shown on screen is the app's to choose)."""
    return sorted(entries, key=lambda e: (str(e.get("at") or ""), str(e.get(entry_id))))


def merge_conflicts(
    bc: dict[str, Any],
    oc: dict[str, Any],
    tc: dict[str, Any],
    new: dict[str, list[dict[str, Any]]],
) -> dict[str, list[dict[str, Any]]]:
    """Open conflicts of three versions of a record merged (see :func:`_merge_conflicts`),
    without adding a field's current value: what a laptop keeps when it applies the team's
    merged record over its own (the commit that merged them added it already, or the
    laptop's next export goes through a merge that will)."""
    return _merge_conflicts(bc, oc, tc, new, None, {})


def _merge_conflicts(
    bc: dict[str, Any],
    oc: dict[str, Any],
    tc: dict[str, Any],
    new: dict[str, list[dict[str, Any]]],
    merged: dict[str, Any] | None,
    by: dict[str, Any],
) -> dict[str, list[dict[str, Any]]]:
    """Open conflicts: a three-way set merge of each field's candidates (a resolution
    removes the candidates it saw), plus the conflicts this merge found."""
    result: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(set(bc) | set(oc) | set(tc) | set(new)):
        sets = [{_candidate_key(c): c for c in (side.get(path) or [])} for side in (bc, oc, tc)]
        base, mine, yours = sets
        keep = kept(set(base), set(mine), set(yours))
        candidates = {**base, **mine, **yours}
        chosen = {k: candidates[k] for k in keep}
        for candidate in new.get(path, []):
            chosen[_candidate_key(candidate)] = candidate
        if chosen and path not in new and merged is not None:  # an older conflict still
            # open: the field's value too
            current = _current(path, merged, by)
            if current is not None:
                chosen.setdefault(_candidate_key(current), current)
        if len({k[0] for k in chosen}) >= 2:
            result[path] = sorted(chosen.values(), key=_candidate_key)
    return result


def _current(path: str, merged: dict[str, Any], by: dict[str, Any]) -> dict[str, Any] | None:
    """The field's merged value as a candidate (top-level fields only)."""
    if "/" in path or path not in merged:
        return None
    who = by.get(path) or {}
    return {"value": merged[path], "by": who.get("by", ""), "at": who.get("at", "")}


def _merge_deleted(
    b: dict[str, Any],
    o: dict[str, Any],
    t: dict[str, Any],
    conflicts: dict[str, list[dict[str, Any]]],
) -> Any:
    """A tombstone wins unless the other side edited the record meanwhile: then the
    record stays, and the deletion is a conflict for someone to decide."""
    od, td = o.get(DELETED), t.get(DELETED)
    if od is not None and td is not None:
        return min(od, td, key=_key)
    if od is not None:
        deleted, other = od, t
    elif td is not None:
        deleted, other = td, o
    else:
        return None
    if _fields(other) == _fields(b) or not b:
        return deleted
    editor = _last_editor(other, b)
    conflicts[DELETE_CONFLICT] = sorted(
        [
            {"value": "deleted", "by": deleted.get("by", ""), "at": deleted.get("at", "")},
            {"value": "edited", "by": editor.get("by", ""), "at": editor.get("at", "")},
        ],
        key=_candidate_key,
    )
    return None


def _fields(record: dict[str, Any]) -> str:
    return _key({k: v for k, v in record.items() if k not in META})


def _last_editor(record: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """Who changed the record since the base (the latest of its changed fields' setters)."""
    changed = [
        who for path, who in (record.get(BY) or {}).items() if who != (base.get(BY) or {}).get(path)
    ]
    return max(changed, key=_key) if changed else {}
