"""The per-field merge of shared records: converges, loses no write, shows every conflict."""

from __future__ import annotations

import copy
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from interview_tui.team.merge import BY, CONFLICTS, DELETED, Schema, merge_record
from interview_tui.team.record_file import dumps, loads, path_for

ENTRY = Schema(logs={"replies": Schema()})
SCHEMA = Schema(
    once=frozenset({"created", "first_due"}),
    sets=frozenset({"goals"}),
    logs={"history": Schema(), "solutions": ENTRY},
    groups={"closing": ("state", "closed_on", "note")},
)
SINGLE = ("title", "due", "group")
_tokens = itertools.count()


def _token(who: str) -> str:
    """A unique value; as times are, later ones sort after earlier ones (``t-2`` came after
    ``t-11`` as text, so a log sorted by time was read out of order by the test)."""
    return f"{who}-{next(_tokens):08d}"


def _base() -> dict:
    return {
        "uid": "u1",
        "created": "2026-01-01",
        "first_due": "2026-02-01",
        "title": "t0",
        "due": "2026-02-01",
        "group": "backlog",
        "goals": ["a", "b"],
        "state": "open",
        "closed_on": None,
        "note": "",
        "history": [{"id": "h0", "at": "1", "by": "x", "what": "made"}],
        "solutions": [{"id": "s0", "at": "1", "by": "x", "text": "p", "replies": []}],
        BY: {"title": {"by": "x", "at": "1"}},
    }


EDITS = ("single", "group", "set_add", "set_remove", "log", "reply", "once", "alike")


def _edit(record: dict, who: str, kind: str, field_index: int) -> None:
    """One edit as a PM's laptop would export it: the value and who set it."""
    stamp = {"by": who, "at": _token("t")}
    if kind == "single":
        name = SINGLE[field_index % len(SINGLE)]
        record[name] = _token(who)
        record[BY][name] = stamp
    elif kind == "group":
        record.update(state=_token(who), closed_on=_token(who), note=_token(who))
        for name in ("state", "closed_on", "note"):
            record[BY][name] = stamp
    elif kind == "set_add":
        record["goals"] = sorted({*record["goals"], _token(who)})
    elif kind == "set_remove" and record["goals"]:
        record["goals"] = record["goals"][1:]
    elif kind == "log":
        record["history"] = [*record["history"], {"id": _token(who), "at": _token("t"), "by": who}]
    elif kind == "reply":
        solution = record["solutions"][0]
        solution["replies"] = [*solution["replies"], {"id": _token(who), "at": _token("t")}]
    elif kind == "alike":  # both sides may make the same change, each as itself
        record["group"] = "next_iteration"
        record[BY]["group"] = stamp
    elif kind == "once":
        record["created"] = _token(who)  # a write-once field never moves


edits = st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 5)), max_size=6)


def _side(who: str, changes: list[tuple[str, int]]) -> dict:
    record = copy.deepcopy(_base())
    for kind, index in changes:
        _edit(record, who, kind, index)
    return record


@settings(max_examples=300, deadline=None)
@given(edits, edits)
def test_merge_is_the_same_whichever_side_is_ours(mine, yours) -> None:
    base, ours, theirs = _base(), _side("a", mine), _side("b", yours)
    assert merge_record(base, ours, theirs, SCHEMA) == merge_record(base, theirs, ours, SCHEMA)


@settings(max_examples=300, deadline=None)
@given(edits, edits)
def test_no_write_is_lost(mine, yours) -> None:
    """Each changed value is the final value or a candidate of an open conflict."""
    base, ours, theirs = _base(), _side("a", mine), _side("b", yours)
    merged = merge_record(base, ours, theirs, SCHEMA)
    conflicts = merged.get(CONFLICTS, {})
    for side in (ours, theirs):
        for name in SINGLE:
            if side[name] != base[name]:
                values = [c["value"] for c in conflicts.get(name, [])]
                assert merged[name] == side[name] or side[name] in values, name
        closing = [side[n] for n in ("state", "closed_on", "note")]
        if closing != [base[n] for n in ("state", "closed_on", "note")]:
            final = [merged[n] for n in ("state", "closed_on", "note")]
            values = [c["value"] for c in conflicts.get("closing", [])]
            assert final == closing or closing in values
        ids = {e["id"] for e in merged["history"]}
        assert {e["id"] for e in side["history"]} <= ids
        replies = {r["id"] for r in merged["solutions"][0]["replies"]}
        assert {r["id"] for r in side["solutions"][0]["replies"]} <= replies
        added = set(side["goals"]) - set(base["goals"])
        assert added <= set(merged["goals"])
        removed = set(base["goals"]) - set(side["goals"])
        assert not removed & set(merged["goals"])
    assert merged["created"] == base["created"]


@settings(max_examples=200, deadline=None)
@given(edits)
def test_one_side_changed_takes_it_whole(mine) -> None:
    base, ours = _base(), _side("a", mine)
    expected = copy.deepcopy(ours)
    expected["created"] = base["created"]
    assert merge_record(base, base, ours, SCHEMA) == expected
    assert merge_record(base, ours, ours, SCHEMA) == expected


def test_an_empty_log_entry_on_one_side_is_kept_not_a_crash() -> None:
    """A log entry one side alone holds is kept even when it is an empty object (a file
    edited by hand): it used to be taken for "absent", and the merge crashed on None."""
    base = _base()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours["history"].append({})
    for mine, yours in ((ours, theirs), (theirs, ours)):
        merged = merge_record(base, mine, yours, SCHEMA)
        assert merged["history"] == [{}, *base["history"]]


def test_a_concurrent_change_is_a_conflict_with_both_values_and_who() -> None:
    base = _base()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours["due"], ours[BY]["due"] = "2027-01-10", {"by": "a@x", "at": "2026-12-01T10:00"}
    theirs["due"], theirs[BY]["due"] = "2027-03-01", {"by": "b@x", "at": "2026-12-02T09:00"}
    merged = merge_record(base, ours, theirs, SCHEMA)
    assert merged[CONFLICTS]["due"] == [
        {"value": "2027-01-10", "by": "a@x", "at": "2026-12-01T10:00"},
        {"value": "2027-03-01", "by": "b@x", "at": "2026-12-02T09:00"},
    ]
    assert merged["due"] in ("2027-01-10", "2027-03-01")


def test_a_resolution_closes_the_conflict_on_the_other_clone() -> None:
    base = _base()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours["due"], ours[BY]["due"] = "A", {"by": "a", "at": "1"}
    theirs["due"], theirs[BY]["due"] = "B", {"by": "b", "at": "2"}
    conflicted = merge_record(base, ours, theirs, SCHEMA)
    resolved = copy.deepcopy(conflicted)
    resolved["due"], resolved[BY]["due"] = "B", {"by": "c", "at": "3"}
    del resolved[CONFLICTS]
    assert merge_record(conflicted, resolved, conflicted, SCHEMA) == resolved
    # a value written meanwhile by someone who had not seen the resolution reopens it
    late = copy.deepcopy(conflicted)
    late["due"], late[BY]["due"] = "D", {"by": "d", "at": "4"}
    reopened = merge_record(conflicted, resolved, late, SCHEMA)
    assert {c["value"] for c in reopened[CONFLICTS]["due"]} == {"B", "D"}


def test_delete_against_edit_is_a_conflict_and_keeps_the_record() -> None:
    base = _base()
    deleted, edited = copy.deepcopy(base), copy.deepcopy(base)
    deleted[DELETED] = {"by": "a", "at": "5"}
    edited["title"], edited[BY]["title"] = "new", {"by": "b", "at": "6"}
    merged = merge_record(base, deleted, edited, SCHEMA)
    assert DELETED not in merged and merged["title"] == "new"
    assert {c["value"] for c in merged[CONFLICTS][DELETED]} == {"deleted", "edited"}
    untouched = merge_record(base, deleted, base, SCHEMA)
    assert untouched[DELETED] == {"by": "a", "at": "5"}


def test_unknown_fields_from_a_newer_version_are_kept() -> None:
    base = {**_base(), "future": {"x": 1}}
    ours = copy.deepcopy(base)
    ours["title"] = "mine"
    merged = merge_record(base, ours, base, SCHEMA)
    assert merged["future"] == {"x": 1} and merged["title"] == "mine"


def test_record_files_are_canonical_bytes() -> None:
    record = {"b": "每月对账单", "a": [1, {"z": 1, "y": "\u001b"}]}
    data = dumps(record)
    assert data.endswith(b"}\n") and b"\r" not in data
    assert "每月对账单".encode() in data  # UTF-8, not \\u escapes
    assert loads(data) == record and dumps(loads(data)) == data
    assert data.index(b'"a"') < data.index(b'"b"')


def test_record_paths_spread_large_kinds() -> None:
    uid = "ab12cd34-0000-4000-8000-000000000000"
    assert path_for("commitment", uid) == f"commitments/ab/{uid}.json"
    assert path_for("visit", uid, 2026) == f"visits/2026/{uid}.json"
    assert path_for("customer", uid) == f"customers/{uid}.json"
