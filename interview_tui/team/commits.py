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

from interview_tui.team.git import MANY_PATHS, Git, GitError, Identity, Object
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
    if parent and tree == git.tree_of(parent):
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
    if ours == theirs:
        return ours
    base = git.merge_base(ours, theirs)  # one of the two when one contains the other
    if base == theirs:
        return ours
    if base == ours:
        return theirs
    if base is None:
        raise HistoryRewritten("the team repository's history was replaced; nothing was merged")
    mine, yours = (set(paths) for paths in git.changed_paths_of([(base, ours), (base, theirs)]))
    both = sorted(mine & yours)
    only_theirs = sorted(yours - mine)
    # every file the merge reads, from the three commits, by one git process (theirs alone
    # are listed instead when a great many: only their ids are needed)
    many = len(only_theirs) > MANY_PATHS
    sides = git.files_of(
        [(base, both), (ours, both), (theirs, both), (theirs, [] if many else only_theirs)]
    )
    changes: dict[str, str | None] = {}
    if many:
        listed = git.tree_entries(theirs, only_theirs)
        changes.update((path, listed.get(path)) for path in only_theirs)
    else:
        changes.update((path, o.oid if (o := sides[3].get(path)) else None) for path in only_theirs)
    merged: dict[str, bytes] = {}
    for path in both:
        b, o, t = (side.get(path) for side in sides[:3])
        if (o and o.oid) == (t and t.oid):
            continue
        result = _merged_blob(path, b, o, t, schema_for)
        if isinstance(result, bytes):
            merged[path] = result
        else:
            changes[path] = result
    written = git.write_blobs(list(merged.values()))  # one git process for them all
    changes.update(zip(merged, written, strict=True))
    tree = _with_index(git, ours, changes)
    commit = git.out(
        "commit-tree", tree, "-p", ours, "-p", theirs, "-m", message, identity=identity
    )
    # what the merge changed from ours (a path of theirs alone differs from ours, which
    # holds the base's version): the import that follows need not ask git
    ours_oids = {path: (o.oid if (o := sides[1].get(path)) else None) for path in both}
    git.remember_changes(
        ours, commit, [p for p, oid in changes.items() if p not in ours_oids or ours_oids[p] != oid]
    )
    return commit


def _merged_blob(
    path: str,
    b: Object | None,
    o: Object | None,
    t: Object | None,
    schema_for: SchemaFor,
) -> str | bytes | None:
    """The blob of one path changed on both sides: an existing blob's id (or ``None``: no
    file), or the bytes of the merged record."""
    if o is None or t is None:  # removed on one side (only generated files are): keep the other
        kept = o or t
        return kept.oid if kept is not None else None
    schema = schema_for(path)
    if schema is None:  # generated (a report): either is regenerated after the sync
        return min(o.oid, t.oid)
    try:
        base = loads(b.data) if b else None
        merged = merge_record(base, loads(o.data), loads(t.data), schema)
    except (ValueError, json.JSONDecodeError) as exc:
        raise GitError(f"{path}: not a record this version can read ({exc})") from None
    return dumps(merged)
