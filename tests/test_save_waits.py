"""A save that waits for another program's lock says so after a second, and only then: a
save slow for its own reasons (a loaded machine) is not said to wait for anyone."""

from __future__ import annotations

import time

from interview_tui.domain.models import Customer
from interview_tui.tui.textual_private import notifications
from tests.conftest import settle, until, write_lock_held

LOCK_SECONDS = 2.5


def _waiting(app) -> list[str]:
    return [n.message for n in notifications(app) if n.message.startswith("Saving…")]


async def test_a_save_held_by_another_program_says_it_waits_then_lands(
    make_app, demo_store
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        saved: list[object] = []
        with write_lock_held(demo_store.path, LOCK_SECONDS):
            app.save(lambda: demo_store.save(Customer(name="ZZWAITS")), saved.append)
            await until(pilot, lambda: _waiting(app), seconds=LOCK_SECONDS)
            assert not saved  # still held
        await until(pilot, lambda: saved)
        assert [c for c in demo_store.all(Customer) if c.name == "ZZWAITS"]


async def test_a_slow_save_that_waits_for_no_one_is_not_said_to_wait(make_app, demo_store) -> None:
    """A write slow for its own reasons (a loaded machine, a big import) holds no other
    program's lock: the line saying another program holds the database would be false."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        saved: list[object] = []

        def slow() -> None:
            with demo_store.transaction():
                time.sleep(1.6)
                demo_store.save(Customer(name="ZZSLOW"))

        app.save(slow, saved.append)
        await until(pilot, lambda: saved)
        assert not _waiting(app)
        assert demo_store.waiting_for_lock is False
