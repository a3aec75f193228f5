"""Syncs cut at the points that used to lose data (a real bare repository, real SQLite).

A cut is made in the process itself: the git command or the SQLite commit at the point runs
(or not), then the sync stops with an exception, as a process killed there stops (a SQLite
transaction still open is rolled back either way). tests/team_simulation.py makes the same
cuts in a forked process (``CutPoints``) and benchmarks/team_cut_sweep.py sweeps them all.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from interview_tui.domain.models import Requirement
from interview_tui.services import requirement_pool
from interview_tui.store.store import Store
from interview_tui.team import actions
from interview_tui.team.config import BRANCH
from interview_tui.team.git import Git
from interview_tui.team.sync import join_team, sync
from tests.team_pms import NOW, TODAY, open_pm, two_pms_sharing_a_visit


class Cut(Exception):
    """The process stopped here."""


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    where = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(where)], check=True)
    return where


@contextmanager
def cut_at(monkeypatch: pytest.MonkeyPatch, when: str, *words: str, nth: int = 1) -> Iterator[None]:
    """The sync stops right ``when`` ("before" or "after") the ``nth`` git command whose
    arguments start with ``words``."""
    real = Git.run
    seen = []

    def run(git: Git, *args: str, **kwargs: Any) -> Any:
        hit = args[: len(words)] == words and len(seen) + 1 == nth
        if args[: len(words)] == words:
            seen.append(args)
        if hit and when == "before":
            raise Cut(" ".join(args))
        done = real(git, *args, **kwargs)
        if hit:
            raise Cut(" ".join(args))
        return done

    monkeypatch.setattr(Git, "run", run)
    with pytest.raises(Cut):
        yield
    monkeypatch.setattr(Git, "run", real)


def _title(store: Store, uid: str) -> str:
    return store.all(Requirement, "uid = ?", [uid])[0].title


@pytest.mark.parametrize("when", ["before", "after"])
def test_an_edit_after_a_sync_cut_at_its_export_commit_is_kept(
    tmp_path: Path, remote: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    """Cut when the export's commit becomes the branch. It used to become the branch before
    SQLite noted it: the next sync took that commit for the team's and applied it over this
    laptop's records, so a title typed after the cut went back to the one sent (a new
    requirement), or stood in a conflict of Ana with herself (an existing one)."""
    ana, bo, visit = two_pms_sharing_a_visit(tmp_path, remote)
    new = ana.save(Requirement(customer_id=visit.customer_id, visit_id=visit.id, title="NEW-1"))
    old = ana.requirements(customer_id=visit.customer_id)[0]
    requirement_pool.edit(ana, old.id or 0, {"title": "OLD-1"})
    with cut_at(monkeypatch, when, "update-ref", BRANCH):
        sync(ana, NOW)
    requirement_pool.edit(ana, new.id or 0, {"title": "NEW-2"})
    requirement_pool.edit(ana, old.id or 0, {"title": "OLD-2"})
    sync(ana, NOW)
    sync(bo, NOW)
    for pm in (ana, bo):
        assert (_title(pm, new.uid), _title(pm, old.uid)) == ("NEW-2", "OLD-2")
        assert actions.conflicts(pm) == []


def test_records_committed_by_a_cut_sync_count_as_kept_until_a_push_lands(
    tmp_path: Path, remote: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cut after the export was committed here, before anything reached the team: the
    outbox is empty, so the records count as kept (unsent) until a push lands. They used
    to count only once a whole sync had failed, so the line said nothing was waiting."""
    from interview_tui.team.standing import standing

    ana, _, visit = two_pms_sharing_a_visit(tmp_path, remote)
    [first, second] = ana.requirements(customer_id=visit.customer_id)[:2]
    requirement_pool.edit(ana, first.id or 0, {"title": "ONE"})
    requirement_pool.edit(ana, second.id or 0, {"title": "TWO"})
    with cut_at(monkeypatch, "before", "fetch"):
        sync(ana, NOW)
    now = standing(ana)
    assert now is not None and (now.pending, now.unsent) == (0, 2)
    sync(ana, NOW)
    now = standing(ana)
    assert now is not None and now.kept == 0


def test_simulated_pms_cut_at_the_export_commit_lose_nothing(tmp_path: Path) -> None:
    """Every killed sync of a small simulation stops in its own process right after the
    branch's first move (the export commit, where titles were lost), and its PM edits again
    what it wrote last."""
    from tests.team_simulation import Simulation

    label = "after git update-ref 1"
    sim = Simulation(
        tmp_path, pms=3, rounds=3, seed=1, kill_share=0.7, offline=(0, 0), cut=label, follow_up=True
    )
    outcome = sim.run()
    assert sim.cuts and all(name == label for _, name in sim.cuts)
    assert outcome.lost == [] and outcome.diverged == [] and outcome.entries_missing == []
    assert outcome.self_conflicts == []


def test_a_close_made_after_a_cut_import_keeps_the_teams_open_conflict(
    tmp_path: Path, remote: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ana and Bo closed the same promise with different notes: the team holds a conflict.
    Cy's sync is cut after her branch took it in, before SQLite did; she closes the promise
    too (she still sees it open). Her next sync merged her close with the team's record, and
    the conflict it found replaced the team's: the note not picked by the earlier merge was
    gone from every laptop (as value and as candidate), though nobody ever saw it."""
    from interview_tui.domain.enums import CommitmentState
    from interview_tui.domain.models import Commitment
    from interview_tui.services import commitments

    ana, bo, visit = two_pms_sharing_a_visit(tmp_path, remote)
    cy = open_pm(tmp_path, "cy")
    join_team(cy, str(remote), cy.member, "Cy", NOW)
    [promise] = ana.all(Commitment, "visit_id = ?", [visit.id])[:1]

    def close(pm: Store, state: CommitmentState, note: str) -> None:
        [mine] = pm.all(Commitment, "uid = ?", [promise.uid])
        commitments.close(pm, mine, state, note, TODAY)

    close(ana, CommitmentState.DONE, "NOTE-ANA")
    close(bo, CommitmentState.DROPPED, "NOTE-BO")
    sync(ana, NOW)
    sync(bo, NOW)
    sync(ana, NOW)
    with cut_at(monkeypatch, "after", "update-ref", BRANCH):
        sync(cy, NOW)
    close(cy, CommitmentState.DONE, "NOTE-CY")
    for pm in (cy, ana, bo, cy):
        sync(pm, NOW)
    for pm in (ana, bo, cy):
        [conflict] = [c for c in actions.conflicts(pm) if c.uid == promise.uid]
        notes = {str(v["value"][2]) for v in conflict.values}
        assert {"NOTE-ANA", "NOTE-BO", "NOTE-CY"} <= notes, notes


def test_a_conflict_resolved_after_a_cut_import_stays_resolved(
    tmp_path: Path, remote: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ana's sync is cut after her branch took in Bo's edit of a promise in conflict, before
    SQLite did; she resolves the conflict. Her next sync brought the team's conflict back
    over her resolution (the conflict came from the team's record, not merged with hers)."""
    from interview_tui.domain.enums import CommitmentState
    from interview_tui.domain.models import Commitment
    from interview_tui.services import commitments

    ana, bo, visit = two_pms_sharing_a_visit(tmp_path, remote)
    [promise] = ana.all(Commitment, "visit_id = ?", [visit.id])[:1]

    def mine(pm: Store) -> Commitment:
        return pm.all(Commitment, "uid = ?", [promise.uid])[0]

    commitments.close(ana, mine(ana), CommitmentState.DONE, "NOTE-ANA", TODAY)
    commitments.close(bo, mine(bo), CommitmentState.DROPPED, "NOTE-BO", TODAY)
    sync(ana, NOW)
    sync(bo, NOW)
    sync(ana, NOW)
    assert [c.field for c in actions.conflicts(ana)] == ["closing"]
    bo.save(mine(bo).model_copy(update={"owner_name": "BO-OWNER"}))
    sync(bo, NOW)
    with cut_at(monkeypatch, "after", "update-ref", BRANCH):
        sync(ana, NOW)
    actions.resolve(ana, promise.uid, "closing", take=1)
    for pm in (ana, bo, ana):
        sync(pm, NOW)
    for pm in (ana, bo):
        assert actions.conflicts(pm) == []
        assert mine(pm).owner_name == "BO-OWNER"
