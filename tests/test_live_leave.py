"""Leaving the live screen (or quitting) while another program holds the database: the UI
never waits, the notes land when the database is free, and the user is told both times."""

from __future__ import annotations

import asyncio
import time

from interview_tui.domain.models import Note
from interview_tui.tui.textual_private import notifications
from tests.conftest import settle, until, write_lock_held

PLANNED_ZH = 2
LOCK_SECONDS = 3.0


def _messages(app) -> list[str]:
    return [notification.message for notification in notifications(app)]


def _note_texts(store) -> list[str]:
    return [note.text for note in store.notes(PLANNED_ZH) if isinstance(note, Note)]


async def test_leaving_while_the_database_is_held_does_not_wait_and_says_so(
    make_app, demo_store
) -> None:
    app = make_app("live", visit_id=PLANNED_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        live = app.screen
        assert live.session.writer is app.writer.executor  # one writer for every save
        await pilot.press(*"ALPHA")
        await until(pilot, lambda: "ALPHA" in _note_texts(demo_store))
        with write_lock_held(demo_store.path, LOCK_SECONDS):
            await pilot.press(*" BRAVO")
            # the key as the terminal sends it, timed until the screen has gone: pilot.press
            # would add its own waits for an idle process (up to a second each), and the
            # writer waiting on the lock keeps a loaded machine's process from looking idle
            started = time.monotonic()
            app.simulate_key("escape")
            while app.screen is live and time.monotonic() - started < LOCK_SECONDS:
                await asyncio.sleep(0.01)
            left_in = time.monotonic() - started
            assert app.screen is not live
            assert left_in < LOCK_SECONDS / 2, f"leaving took {left_in:.2f} s"
            ticks = []  # a UI timer still fires on time: the event loop is free
            app.set_interval(0.05, lambda: ticks.append(time.monotonic()))
            await until(pilot, lambda: len(ticks) >= 3, seconds=LOCK_SECONDS / 2)
            await until(
                pilot,
                lambda: any(
                    "saved when the database is free" in message for message in _messages(app)
                ),
            )
            assert "ALPHA BRAVO" not in _note_texts(demo_store)  # still waiting for the lock
        await until(pilot, lambda: "The meeting's notes are saved" in _messages(app))
        assert "ALPHA BRAVO" in _note_texts(demo_store)


async def test_copying_the_recap_while_the_database_is_held_does_not_wait(
    make_app, demo_store
) -> None:
    """``y`` on the read-back waits for the notes to be written before reading the recap:
    in a worker, so a UI timer keeps firing while another program holds the database."""
    app = make_app("live", visit_id=PLANNED_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"ALPHA")
        await until(pilot, lambda: "ALPHA" in _note_texts(demo_store))
        with write_lock_held(demo_store.path, LOCK_SECONDS):
            await pilot.press(*" CHARLIE", "f3")  # the read-back: the note is written now
            await until(pilot, lambda: app.screen.__class__.__name__ == "ConfirmBackScreen")
            app.screen.query_one("#cancel").focus()  # y on a button, not in the next step
            ticks: list[float] = []
            # the key as the terminal sends it (pilot.press would wait for an idle process,
            # which a writer waiting on the lock delays on a loaded machine); a UI timer
            # started with it keeps firing: nothing the key does waits on the event loop
            app.simulate_key("y")
            app.set_interval(0.05, lambda: ticks.append(time.monotonic()))
            await until(pilot, lambda: len(ticks) >= 3, seconds=LOCK_SECONDS / 2)
            assert "ALPHA CHARLIE" not in _note_texts(demo_store)  # still held
            assert not app.clipboard  # the recap waits for the notes to be written
        await until(pilot, lambda: "星河视频" in app.clipboard)  # then it is copied
        assert "ALPHA CHARLIE" in _note_texts(demo_store)


async def test_quitting_while_the_database_is_held_waits_for_the_notes_and_says_so(
    make_app, demo_store
) -> None:
    app = make_app("live", visit_id=PLANNED_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"ALPHA")
        await until(pilot, lambda: "ALPHA" in _note_texts(demo_store))
        with write_lock_held(demo_store.path, LOCK_SECONDS):
            await pilot.press(*" CHARLIE", "ctrl+q")
            await until(
                pilot,
                lambda: any(
                    "Quitting once every change is saved" in message for message in _messages(app)
                ),
            )
            assert app.is_running
            while app.is_running:
                await asyncio.sleep(0.05)
    assert "ALPHA CHARLIE" in _note_texts(demo_store)


async def test_a_write_that_fails_after_leaving_is_tried_again_until_it_lands(
    make_app, demo_store, monkeypatch
) -> None:
    """The screen is gone, so the app retries (the live screen's own retry, taken over)."""
    import sqlite3

    import interview_tui.tui.app as app_module

    monkeypatch.setattr(app_module, "RETRY_DELAY", 0.1)
    app = make_app("live", visit_id=PLANNED_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        save_all, failures = demo_store.save_all, []

        def flaky(records):
            if len(failures) < 2:
                failures.append(True)
                raise sqlite3.OperationalError("database is locked")
            return save_all(records)

        monkeypatch.setattr(demo_store, "save_all", flaky)
        await pilot.press(*"DELTA", "escape")
        await until(pilot, lambda: "DELTA" in _note_texts(demo_store))
        assert len(failures) == 2
        await until(pilot, lambda: not app._closing_notes)
