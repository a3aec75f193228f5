"""Start-up runs without the cyclic garbage collector; it comes back, freed of start-up's
objects, once the first screen is drawn; an app built by a test leaves it alone."""

from __future__ import annotations

import gc

from interview_tui import memory


def test_collector_paused_then_resumed_with_start_up_frozen() -> None:
    assert gc.isenabled()
    try:
        memory.pause_collector()
        assert not gc.isenabled()
        memory.resume_collector()
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()


def test_resume_without_pause_changes_nothing() -> None:
    memory.resume_collector()
    assert gc.isenabled() and gc.get_freeze_count() == 0


async def test_app_in_a_test_keeps_the_collector(make_app) -> None:
    app = make_app("home")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() == 0
