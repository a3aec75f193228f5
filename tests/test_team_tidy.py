"""The team clone packs its loose objects as they gather, and a pack cut short by kill -9
leaves the clone whole: nothing else collects them (``gc.auto`` is 0 in the clone), and a
sync writes about 40 small files."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from interview_tui.domain.models import Requirement
from interview_tui.services import requirement_pool
from interview_tui.store.store import Store
from interview_tui.team import sync as team_sync
from interview_tui.team.config import require_team
from interview_tui.team.git import STALE_LOCK_SECONDS, Git, GitError, git_path
from interview_tui.team.sync import sync
from tests.team_pms import NOW, two_pms_sharing_a_visit


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    where = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(where)], check=True)
    return where


def _clone(store: Store) -> Git:
    return Git(require_team(store).clone)


def _counts(git: Git) -> dict[str, int]:
    out = subprocess.run(
        ["git", "--git-dir", str(git.git_dir), "count-objects", "-v"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {key: int(value) for key, value in (line.split(": ") for line in out.splitlines())}


def _whole(git: Git, *, full: bool = True) -> None:
    """Every object of every ref is there and readable (``full``: and every object file and
    pack is sound; a cut pack may leave a pack file without its index, which git does not
    read and the next pack removes)."""
    check = "--full" if full else "--connectivity-only"
    done = subprocess.run(
        ["git", "--git-dir", str(git.git_dir), "fsck", check, "--no-dangling"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _locks(git: Git) -> list[Path]:
    return sorted([*git.git_dir.rglob("*.lock"), *git.git_dir.glob("packed-refs.new")])


def _age_locks(git: Git, seconds: float = 300) -> None:
    for path in _locks(git):
        os.utime(path, (time.time() - seconds, time.time() - seconds))


def _edit(store: Store, token: str) -> str:
    """A requirement's workaround set to ``token`` (a value nobody else writes)."""
    requirement = store.all(Requirement)[0]
    requirement_pool.edit(store, requirement.id or 0, {"workaround": token})
    return requirement.uid


def test_the_clone_packs_its_loose_objects_once_there_are_many(
    tmp_path: Path, remote: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(team_sync, "LOOSE_LIMIT", 100)
    ana, bo, _ = two_pms_sharing_a_visit(tmp_path, remote)
    git = _clone(ana)
    loose, packed, estimates = [], 0, []
    for n in range(20):
        _edit(ana, f"T{n}-ana")
        before = _counts(git)["count"]
        estimates.append((before, git.loose_objects()))
        sync(ana, NOW)
        after = _counts(git)["count"]
        loose.append(after)
        packed += after < before
    assert packed >= 1, loose  # packed on the way, by the syncs themselves
    assert max(loose) < 100 + 200, loose  # never far above the limit (a sync writes ~40)
    assert all(real == counted for real, counted in estimates), estimates  # as git counts
    _whole(git)
    sync(bo, NOW)
    [requirement] = [r for r in bo.all(Requirement) if r.workaround == "T19-ana"]
    assert requirement is not None


def test_a_pack_cut_anywhere_by_kill_9_leaves_the_clone_whole_and_loses_nothing(
    tmp_path: Path, remote: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pack a sync makes (``git gc``, as :func:`_tidy` runs it) killed at moments from
    its start to its end: the clone passes ``git fsck --full`` each time, the next pack
    runs (the cut one's lock does not hold it back), and every edit reaches the colleague."""
    monkeypatch.setattr(team_sync, "LOOSE_LIMIT", 10**9)  # the syncs themselves never pack
    ana, bo, _ = two_pms_sharing_a_visit(tmp_path, remote)
    git = _clone(ana)
    cuts = []
    for n, delay in enumerate((0.0, 0.004, 0.008, 0.012, 0.016, 0.02, 0.03, 0.05)):
        uid = _edit(ana, f"K{n}-ana")
        assert sync(ana, NOW).pushed, (n, cuts)
        before = _counts(git)
        packing = subprocess.Popen(
            [git_path(), *team_sync.TIDY], env=git.env(), start_new_session=True
        )
        time.sleep(delay)
        os.killpg(packing.pid, signal.SIGKILL)  # gc and the repack it runs, at once
        packing.wait()
        after = _counts(git)
        cuts.append((delay, packing.returncode, before["count"], after["count"], after["packs"]))
        _whole(git, full=False)
        _age_locks(git)  # what it left is found by a sync minutes later
    assert any(code == -signal.SIGKILL for _, code, *_ in cuts), cuts  # some were cut
    sync(ana, NOW)
    monkeypatch.setattr(team_sync, "LOOSE_LIMIT", 0)
    team_sync._tidy(git)
    counts = _counts(git)  # every loose object packed; a cut pack's temporary files are
    assert counts["count"] == 0, (counts, cuts)  # removed by a pack two weeks on (git prune)
    _whole(git)
    sync(bo, NOW)
    assert [r.workaround for r in bo.all(Requirement, "uid = ?", [uid])] == ["K7-ana"]


def test_a_lock_left_by_a_killed_git_stops_syncs_for_minutes_not_for_good(
    tmp_path: Path, remote: Path
) -> None:
    """The lock files a git process leaves when it dies holding them (the branch's, the
    packed refs'): while fresh, a sync says in one line what holds it and loses nothing;
    minutes later the next sync removes them and sends everything."""
    ana, bo, _ = two_pms_sharing_a_visit(tmp_path, remote)
    git = _clone(ana)
    uid = _edit(ana, "L1-ana")
    branch = git.git_dir / "refs" / "heads" / "main"
    held = [branch.with_name("main.lock"), git.git_dir / "packed-refs.lock"]
    held[0].write_text(branch.read_text() if branch.exists() else "0" * 40 + "\n")
    held[1].write_text("")
    with pytest.raises(GitError) as failed:  # the commit is made; the branch cannot move
        sync(ana, NOW)
    assert str(failed.value).startswith("another git process holds the team clone (main.lock)")
    assert "\n" not in str(failed.value) and all(path.exists() for path in held)
    _age_locks(git)
    result = sync(ana, NOW)
    assert result.pushed and not result.offline and not any(path.exists() for path in held)
    assert result.sent == 1  # the requirement committed by the stopped sync reached the team
    sync(bo, NOW)
    assert [r.workaround for r in bo.all(Requirement, "uid = ?", [uid])] == ["L1-ana"]


def test_only_locks_older_than_a_live_git_holds_one_are_removed(tmp_path: Path) -> None:
    git = Git(tmp_path / "clone.git")
    subprocess.run(["git", "init", "-q", "--bare", str(git.git_dir)], check=True)
    (git.git_dir / "refs" / "team").mkdir(parents=True)
    names = [
        "packed-refs.lock",
        "packed-refs.new",
        "refs/team/origin.lock",
        "objects/info/commit-graph.lock",
    ]
    for name in names:
        (git.git_dir / name).write_text("")
    (git.git_dir / "objects" / "ab").mkdir()
    (git.git_dir / "objects" / "ab" / "not-a.lock").write_text("")  # objects are not locks
    assert git.remove_stale_locks() == []
    assert sorted(git.remove_stale_locks(now=time.time() + STALE_LOCK_SECONDS + 1)) == sorted(names)
    assert (git.git_dir / "objects" / "ab" / "not-a.lock").exists()
