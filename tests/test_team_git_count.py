"""How many git processes a sync runs (each costs ~5 ms of CPU on top of the sync's own
work; the acceptance simulation ran ~42 per sync before they were counted here).

Counted through ``Git.run``, the one place the team engine starts git (the same wrapper
as tests/team_simulation.py's cut points and the profiling of the simulation).
"""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from interview_tui.domain.models import Requirement, Visit
from interview_tui.services import requirement_pool
from interview_tui.store.store import Store
from interview_tui.team.git import Git
from interview_tui.team.sync import sync
from tests.team_pms import NOW, two_pms_sharing_a_visit

#: a sync with nothing new on either side: one cat-file --batch reads the branch, its
#: manifest and the member's file; fetch; one cat-file --batch reads the fetched branch, the
#: last one fetched and this clone's branch (all equal: no ancestry check, no ref moved, no
#: merge). It used to run 15 (6 rev-parse, 3 ls-tree, 2 cat-file, 2 merge-base, fetch,
#: update-ref).
UNCHANGED = 3
#: one change sent and one received (different records: a real merge). Export: cat-file
#: (branch), cat-file (the records as sent before), cat-file (the pages as sent before),
#: hash-object, read-tree, update-index, write-tree, commit-tree, update-ref = 9. Fetch:
#: fetch, cat-file, merge-base --is-ancestor (the team's branch still holds what was fetched
#: before), update-ref = 4. Merge: merge-base, diff-tree --stdin, cat-file, read-tree,
#: update-index, write-tree, commit-tree, update-ref = 8. Import: cat-file = 1 (what
#: changed is known from the merge). Push: push, update-ref = 2. It used to run 49.
ONE_EACH_WAY = 24


@contextmanager
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Every git process started meanwhile, by its command."""
    real = Git.run
    seen: Counter[str] = Counter()

    def run(git: Git, *args: str, **kwargs: Any) -> Any:
        seen[args[0]] += 1
        return real(git, *args, **kwargs)

    monkeypatch.setattr(Git, "run", run)
    yield seen
    monkeypatch.setattr(Git, "run", real)


@pytest.fixture
def team(tmp_path: Path) -> tuple[Store, Store, Visit]:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    ana, bo, visit = two_pms_sharing_a_visit(tmp_path, remote)
    sync(ana, NOW)  # Bo's member file
    return ana, bo, visit


def test_a_sync_of_an_unchanged_team_runs_three_git_processes(
    team: tuple[Store, Store, Visit], monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bo, _ = team
    sync(bo, NOW)
    for pm in (ana, bo):
        with counting(monkeypatch) as seen:
            result = sync(pm, NOW)
        assert (result.sent, result.received, result.pushed) == (0, 0, True)
        assert sum(seen.values()) <= UNCHANGED, dict(seen)


def test_a_sync_with_one_change_each_way_runs_few_git_processes(
    team: tuple[Store, Store, Visit], monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bo, visit = team
    sync(bo, NOW)
    [mine, theirs] = sorted(ana.requirements(customer_id=visit.customer_id), key=lambda r: r.uid)[
        :2
    ]
    requirement_pool.edit(ana, mine.id or 0, {"title": "FROM-ANA"})
    sync(ana, NOW)
    [bos] = bo.all(Requirement, "uid = ?", [theirs.uid])
    requirement_pool.edit(bo, bos.id or 0, {"title": "FROM-BO"})
    with counting(monkeypatch) as seen:
        result = sync(bo, NOW)
    assert result.pushed and result.received == 1 and seen["commit-tree"] == 2  # a real merge
    assert sum(seen.values()) <= ONE_EACH_WAY, dict(seen)
    assert bo.all(Requirement, "uid = ?", [mine.uid])[0].title == "FROM-ANA"
    sync(ana, NOW)
    assert ana.all(Requirement, "uid = ?", [theirs.uid])[0].title == "FROM-BO"


def test_batched_reads_say_what_is_missing_and_which_pair_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batched plumbing the counts rely on: a name that names nothing is ``None`` (not
    the next object's bytes), a pair without a difference is empty (diff-tree prints
    nothing for it), a commit's tree comes from the commit object, and a great many paths
    (listed whole instead of looked up one by one) give the same files."""
    import interview_tui.team.git as git_module
    from interview_tui.team.commits import commit_files
    from interview_tui.team.git import Identity

    git = Git(tmp_path / "clone.git")
    git.run("init", "--quiet", "--bare", str(git.git_dir))
    me = Identity("ana@example.com", "Ana")
    one = commit_files(git, None, {"a/x.json": b"1\n", "b.json": b"2\n"}, me, "one")
    assert one is not None
    two = commit_files(git, one, {"a/x.json": b"3\n", "c.json": b"4\n"}, me, "two")
    assert two is not None
    git.run("update-ref", "refs/heads/main", two)
    found = git.objects([f"{one}:nothing", f"{two}:a/x.json", "refs/heads/nope", f"{one}:b.json"])
    assert found[f"{one}:nothing"] is None and found["refs/heads/nope"] is None
    assert [found[f"{two}:a/x.json"].data, found[f"{one}:b.json"].data] == [b"3\n", b"2\n"]
    assert git.at_refs(["refs/heads/main", "refs/heads/nope"], ["b.json"]) == {
        "refs/heads/main": two,
        "refs/heads/nope": None,
    }
    assert git.files(two, ["b.json", "a", "zz"]).keys() == {"b.json"}  # "a" is a tree
    assert git.changed_paths_of([(one, one), (one, two)]) == [[], ["a/x.json", "c.json"]]
    assert git.changed_paths_of([(two, one), (one, one)]) == [["a/x.json", "c.json"], []]
    assert git.tree_of(two) == git.out("rev-parse", f"{two}^{{tree}}")
    few = git.files_of([(one, ["a/x.json", "b.json", "c.json"]), (two, ["c.json"])])
    monkeypatch.setattr(git_module, "MANY_PATHS", 1)
    many = Git(git.git_dir).files_of([(one, ["a/x.json", "b.json", "c.json"]), (two, ["c.json"])])
    assert many == few and [sorted(f) for f in few] == [["a/x.json", "b.json"], ["c.json"]]
