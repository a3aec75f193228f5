"""The team engine's acceptance test: ten PMs, twenty rounds, cut syncs, a PM offline,
skewed clocks, five syncing at once; nothing lost, nothing private in the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.team_simulation import Simulation


def test_ten_pms_lose_nothing(tmp_path: Path) -> None:
    outcome = Simulation(tmp_path, pms=10, rounds=20, seed=7).run()
    assert outcome.writes > 150 and outcome.killed > 5 and outcome.conflicts > 0
    assert outcome.lost == []
    assert outcome.entries_missing == []
    assert outcome.private_leaks == []
    assert outcome.diverged == []


def test_the_checker_catches_whole_record_replacement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: merging by taking one side's whole record loses writes, and the same
    checker says so (so a clean run above means something)."""
    import interview_tui.team.sync as team_sync

    monkeypatch.setattr(team_sync, "schema_for", lambda path: None)
    outcome = Simulation(tmp_path, pms=5, rounds=8, seed=3, kill_share=0.0).run()
    assert outcome.lost or outcome.entries_missing
