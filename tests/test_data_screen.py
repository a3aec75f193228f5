"""Reading off the UI thread: one read per screen opened, and one error path for reads.

A read that fails with anything (a bug, a database error), not only a user error, is
shown as an error; the screen stops being busy and keeps answering keys; the app never
exits.
"""

from __future__ import annotations

from interview_tui.tui.review import commitments_screen
from interview_tui.tui.review.commitments_screen import CommitmentsScreen
from tests.conftest import settle


def _boom(*_args, **_kwargs):
    raise RuntimeError("disk on fire")


async def test_a_failing_read_is_shown_and_the_screen_stays_usable(make_app, monkeypatch):
    monkeypatch.setattr(commitments_screen, "list_commitments", _boom)
    app = make_app("home")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)  # would time out if the screen stayed busy
        screen = app.screen
        assert isinstance(screen, CommitmentsScreen) and not screen.busy
        messages = [n.message for n in app._notifications]
        assert any("Could not read" in m and "RuntimeError: disk on fire" in m for m in messages)
        assert app.is_running
        await pilot.press("escape")  # keys still work
        await settle(pilot)
        assert not isinstance(app.screen, CommitmentsScreen)


async def test_a_screen_reads_once_when_opened(make_app, monkeypatch):
    reads: list[str] = []
    for name in ("reload",):
        method = getattr(CommitmentsScreen, name)

        def counted(self, method=method, name=name):
            reads.append(name)
            return method(self)

        monkeypatch.setattr(CommitmentsScreen, name, counted)
    app = make_app("home")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        # read once, not from its on_mount and again from the base class's
        assert reads == ["reload"]
        await pilot.press("d")
        await settle(pilot)
        assert reads == ["reload", "reload"]
