"""Commits of the team clone made with git's plumbing: a private index, no work tree.

:func:`commit_files` writes the records an export produced on top of a commit;
:func:`merge_commits` merges two lines of history record by record with
:func:`interview_tui.team.merge.merge_record`, so git never merges text and never leaves a
conflict marker. Both are deterministic: the same inputs give the same tree on every clone.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from interview_tui.team.git import Git, GitError, Identity
from interview_tui.team.merge import Schema, merge_record
from interview_tui.team.record_file import dumps, loads

#: a schema for a record path, or ``None`` for a file that is regenerated, never merged
SchemaFor = Callable[[str], Schema | None]


class HistoryRewritten(GitError):
    """The two histories share no commit: the team repository was replaced or rewritten."""


def _with_index(git: Git, start: str | None, changes: Mapping[str, str | None]) -> str:
    """The tree of ``start`` with ``changes`` (path -> blob id, or ``None`` to remove)."""
    with tempfile.TemporaryDirectory(prefix="interview-team-") as tmp:
        index = Path(tmp) / "index"
        if start:
            git.run("read-tree", start, index=index)
        else:
            git.run("read-tree", "--empty", index=index)
        lines = []
        for path, oid in sorted(changes.items()):
            if oid is None:
                lines.append(f"0 {'0' * 40}\t{path}")
            else:
                lines.append(f"100644 {oid}\t{path}")
        if lines:
            git.run(
                "update-index",
                "--index-info",
                input=("\n".join(lines) + "\n").encode(),
                index=index,
            )
        return git.out("write-tree", index=index)


def commit_files(
    git: Git,
    parent: str | None,
    files: Mapping[str, bytes | None],
    identity: Identity,
    message: str,
) -> str | None:
    """A commit on ``parent`` holding ``files`` (``None`` removes a path); ``None`` when the
    tree would not change (nothing to send)."""
    written = [(path, data) for path, data in files.items() if data is not None]
    oids = git.write_blobs([data for _, data in written])  # one git process for them all
    changes: dict[str, str | None] = {path: None for path, data in files.items() if data is None}
    changes.update((path, oid) for (path, _), oid in zip(written, oids, strict=True))
    tree = _with_index(git, parent, changes)
    if parent and tree == git.out("rev-parse", f"{parent}^{{tree}}"):
        return None
    parents = ["-p", parent] if parent else []
    return git.out("commit-tree", tree, *parents, "-m", message, identity=identity)


def merge_commits(
    git: Git,
    ours: str,
    theirs: str,
    schema_for: SchemaFor,
    identity: Identity,
    message: str,
) -> str:
    """``ours`` and ``theirs`` merged: a fast-forward when one contains the other, else a
    merge commit whose records are merged per field against the merge base."""
    if git.is_ancestor(theirs, ours):
        return ours
    if git.is_ancestor(ours, theirs):
        return theirs
    base = git.merge_base(ours, theirs)
    if base is None:
        raise HistoryRewritten("the team repository's history was replaced; nothing was merged")
    mine, yours = set(git.changed_paths(base, ours)), set(git.changed_paths(base, theirs))
    both = sorted(mine & yours)
    entries = {
        name: git.tree_entries(commit, both) if both else {}
        for name, commit in (("base", base), ("ours", ours), ("theirs", theirs))
    }
    changes: dict[str, str | None] = {}
    only_theirs = sorted(yours - mine)
    if only_theirs:
        theirs_entries = git.tree_entries(theirs, only_theirs)
        for path in only_theirs:
            changes[path] = theirs_entries.get(path)
    needed = {oid for side in entries.values() for oid in side.values()}
    blobs = git.read_blobs(sorted(needed))
    for path in both:
        b, o, t = (entries[side].get(path) for side in ("base", "ours", "theirs"))
        if o == t:
            continue
        changes[path] = _merged_blob(git, path, b, o, t, blobs, schema_for)
    tree = _with_index(git, ours, changes)
    return git.out("commit-tree", tree, "-p", ours, "-p", theirs, "-m", message, identity=identity)


def _merged_blob(
    git: Git,
    path: str,
    b: str | None,
    o: str | None,
    t: str | None,
    blobs: Mapping[str, bytes],
    schema_for: SchemaFor,
) -> str | None:
    """The blob of one path changed on both sides."""
    if o is None or t is None:  # removed on one side (only generated files are): keep the other
        return o or t
    schema = schema_for(path)
    if schema is None:  # generated (a report): either is regenerated after the sync
        return min(o, t)
    try:
        base = loads(blobs[b]) if b else None
        merged = merge_record(base, loads(blobs[o]), loads(blobs[t]), schema)
    except (ValueError, json.JSONDecodeError) as exc:
        raise GitError(f"{path}: not a record this version can read ({exc})") from None
    return git.write_blob(dumps(merged))
