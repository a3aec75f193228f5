"""Start-up runs without the cyclic garbage collector; it comes back, freed of start-up's
objects, once the first screen is drawn, with full collections seldom by themselves and run
when a screen has closed; an app built by a test leaves it alone."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from typing import Any

import pytest

from interview_tui import memory


@pytest.fixture
def cli_collector(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The collector as the CLI sets it up (:func:`memory.pause_collector` before the app
    starts); yields the generations of the collections run meanwhile; puts it back after."""
    thresholds = gc.get_threshold()
    monkeypatch.setattr(memory, "_paused", False)
    monkeypatch.setattr(memory, "_deferring", False)
    generations: list[int] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "stop":
            generations.append(info["generation"])

    gc.callbacks.append(record)
    try:
        memory.pause_collector()
        yield generations
    finally:
        gc.callbacks.remove(record)
        gc.set_threshold(*thresholds)
        gc.enable()


def test_collector_paused_then_resumed_with_start_up_frozen(cli_collector: list[int]) -> None:
    frozen = gc.get_freeze_count()
    assert not gc.isenabled()
    memory.resume_collector()
    assert gc.isenabled() and gc.get_freeze_count() > frozen
    assert gc.get_threshold()[2] == memory.FULL_AFTER  # full collections five times rarer


def test_resume_without_pause_changes_nothing() -> None:
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    memory.resume_collector()
    assert gc.isenabled() and gc.get_freeze_count() <= frozen  # nothing frozen
    assert gc.get_threshold() == thresholds
    memory.collect_closed()  # a test's process: no collection asked for either


async def test_app_in_a_test_keeps_the_collector(make_app) -> None:
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    app = make_app("home")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() <= frozen  # nothing frozen
        assert gc.get_threshold() == thresholds


async def test_a_closed_screen_is_collected_once_it_is_gone_and_a_dialog_is_not(
    make_app, cli_collector: list[int]
) -> None:
    """What a screen leaves in cycles is collected just after it closes (between keys), not
    during the next key that opens a screen; closing a dialog runs no full collection."""
    app = make_app("home")
    async with app.run_test() as pilot:
        for _ in range(40):  # the first paint resumes the collector
            await pilot.pause(0.05)
            if memory._deferring:
                break
        assert memory._deferring and gc.isenabled()
        await pilot.press("m")  # the commitments screen
        await pilot.pause(0.3)
        assert app.screen.__class__.__name__ == "CommitmentsScreen"
        cli_collector.clear()
        await pilot.press("escape")
        await asyncio.sleep(0.6)
        await pilot.pause()
        assert 2 in cli_collector, cli_collector  # a full collection after the close
        await pilot.press("ctrl+p")  # a dialog: the command palette
        await pilot.pause(0.3)
        cli_collector.clear()
        await pilot.press("escape")
        await asyncio.sleep(0.6)
        await pilot.pause()
        assert 2 not in cli_collector, cli_collector
