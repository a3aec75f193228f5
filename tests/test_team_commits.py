"""Commits and merges of the team clone, on real git repositories (local, bare)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from interview_tui.team.commits import HistoryRewritten, commit_files, merge_commits
from interview_tui.team.git import Git, Identity
from interview_tui.team.merge import BY, CONFLICTS, Schema
from interview_tui.team.record_file import dumps, loads

SCHEMA = Schema(logs={"history": Schema()})
ANA = Identity("ana@example.com", "Ana")
BO = Identity("bo@example.com", "Bo")
PATH = "commitments/ab/ab000000-0000-4000-8000-000000000000.json"


def _schema_for(path: str) -> Schema | None:
    return None if path.startswith("reports/") else SCHEMA


def _clone(tmp_path: Path, name: str, remote: Path) -> Git:
    git_dir = tmp_path / name
    subprocess.run(["git", "init", "-q", "--bare", str(git_dir)], check=True)
    git = Git(git_dir)
    git.run("remote", "add", "origin", str(remote))
    return git


def _fetch(git: Git) -> str | None:
    git.run("fetch", "-q", "origin", "+refs/heads/main:refs/remotes/origin/main")
    return git.rev("refs/remotes/origin/main")


def _push(git: Git, commit: str) -> None:
    git.run("update-ref", "refs/heads/main", commit)
    git.run("push", "-q", "origin", "refs/heads/main:refs/heads/main")


def _record(git: Git, commit: str) -> dict:
    oid = git.tree_entries(commit, [PATH])[PATH]
    return loads(git.read_blobs([oid])[oid])


@pytest.fixture
def team(tmp_path: Path) -> tuple[Git, Git, Path]:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    return _clone(tmp_path, "ana.git", remote), _clone(tmp_path, "bo.git", remote), remote


def test_concurrent_edits_merge_per_field_without_markers(team) -> None:
    ana, bo, remote = team
    first = {"uid": "ab", "due": "2027-01-01", "text": "SLA report", "history": [], BY: {}}
    start = commit_files(ana, None, {PATH: dumps(first)}, ANA, "first")
    assert start is not None
    _push(ana, start)
    bo.run("update-ref", "refs/heads/main", _fetch(bo) or "")

    mine = {
        **first,
        "due": "2027-02-01",
        BY: {"due": {"by": ANA.email, "at": "a"}},
        "history": [{"id": "h-ana", "at": "1", "what": "due"}],
    }
    theirs = {
        **first,
        "due": "2027-03-01",
        "text": "SLA report v2",
        BY: {"due": {"by": BO.email, "at": "b"}, "text": {"by": BO.email, "at": "b"}},
        "history": [{"id": "h-bo", "at": "2", "what": "due"}],
    }
    a = commit_files(ana, start, {PATH: dumps(mine)}, ANA, "ana edits")
    b = commit_files(bo, start, {PATH: dumps(theirs)}, BO, "bo edits")
    assert a and b
    _push(ana, a)
    merged = merge_commits(bo, b, _fetch(bo) or "", _schema_for, BO, "sync")
    _push(bo, merged)
    record = _record(bo, merged)
    assert record["text"] == "SLA report v2"
    assert {c["value"] for c in record[CONFLICTS]["due"]} == {"2027-02-01", "2027-03-01"}
    assert {c["by"] for c in record[CONFLICTS]["due"]} == {ANA.email, BO.email}
    assert [h["id"] for h in record["history"]] == ["h-ana", "h-bo"]
    # Ana's next fetch is a fast-forward to the same tree: both clones hold the same bytes
    assert merge_commits(ana, a, _fetch(ana) or "", _schema_for, ANA, "sync") == merged
    everything = subprocess.run(
        ["git", "--git-dir", str(remote), "log", "-p", "--all"], capture_output=True, check=True
    ).stdout
    assert b"<<<<<<<" not in everything and b">>>>>>>" not in everything


def test_the_same_merge_on_either_clone_gives_the_same_tree(team) -> None:
    ana, bo, _ = team
    first = {"uid": "ab", "due": "d0", "history": [], BY: {}}
    start = commit_files(ana, None, {PATH: dumps(first)}, ANA, "first")
    assert start is not None
    _push(ana, start)
    _fetch(bo)
    a = commit_files(ana, start, {PATH: dumps({**first, "due": "dA"})}, ANA, "a")
    b = commit_files(
        bo, start, {PATH: dumps({**first, "due": "dB"}), "reports/x.md": b"# report\n"}, BO, "b"
    )
    assert a and b
    bo.run("fetch", "-q", str(ana.git_dir), "refs/heads/main")  # Bo has Ana's objects too
    ana.run("update-ref", "refs/heads/main", a)
    bo.run("fetch", "-q", str(ana.git_dir), "+refs/heads/main:refs/heads/ana")
    ana.run("fetch", "-q", str(bo.git_dir), f"+{b}:refs/heads/bo")
    tree = bo.out("rev-parse", merge_commits(bo, b, a, _schema_for, BO, "m") + "^{tree}")
    assert ana.out("rev-parse", merge_commits(ana, a, b, _schema_for, ANA, "m") + "^{tree}") == tree


def test_nothing_to_send_makes_no_commit(team) -> None:
    ana, _, _ = team
    start = commit_files(ana, None, {PATH: b"{}\n"}, ANA, "first")
    assert start is not None
    assert commit_files(ana, start, {PATH: b"{}\n"}, ANA, "again") is None


def test_a_replaced_history_is_refused(team, tmp_path: Path) -> None:
    ana, bo, _ = team
    a = commit_files(ana, None, {PATH: b"{}\n"}, ANA, "one history")
    b = commit_files(bo, None, {PATH: b'{"x": 1}\n'}, BO, "another history")
    assert a and b
    ana.run("fetch", "-q", str(bo.git_dir), f"+{b}:refs/heads/other")
    with pytest.raises(HistoryRewritten):
        merge_commits(ana, a, b, _schema_for, ANA, "m")
