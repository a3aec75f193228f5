"""Reading off the UI thread: one read per screen opened, and one error path for reads.

A read that fails with anything (a bug, a database error), not only a user error, is
shown as an error; the screen stops being busy and keeps answering keys; the app never
exits. Also: the commitments screen reads the per-customer rates and the customers only
when ``k`` and ``c`` ask for them.
"""

from __future__ import annotations

from textual.widgets import DataTable, Static

from interview_tui.tui.review import commitments_screen
from interview_tui.tui.review.commitments_screen import CommitmentsScreen
from interview_tui.tui.textual_private import notifications
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
        messages = [n.message for n in notifications(app)]
        assert any("Could not read" in m and "RuntimeError: disk on fire" in m for m in messages)
        assert app.is_running
        await pilot.press("escape")  # keys still work
        await settle(pilot)
        assert not isinstance(app.screen, CommitmentsScreen)


async def test_a_failing_extra_read_is_shown_too(make_app, monkeypatch):
    monkeypatch.setattr(commitments_screen, "kept_per_customer", _boom)
    app = make_app("commitments")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("percent_sign")
        await settle(pilot)
        assert not app.screen.busy
        assert any("RuntimeError: disk on fire" in n.message for n in notifications(app))
        await pilot.press("percent_sign", "o")  # back to the list, and it still filters
        await settle(pilot)
        assert app.screen.query_one("#commitments-table", DataTable).row_count > 0


async def test_a_screen_reads_once_when_opened(make_app, monkeypatch):
    reads: list[str] = []
    for name in ("reload", "prefetch"):
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
        # read as it opens, not again from its on_mount and from the base class's
        assert reads == ["prefetch"]
        await pilot.press("d")
        await settle(pilot)
        assert reads == ["prefetch", "reload"]


async def test_rates_per_customer_are_read_when_shown(make_app):
    app = make_app("commitments")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.per_customer is None  # not read until asked for
        await pilot.press("percent_sign")
        await settle(pilot)
        rates = screen.query_one("#rates", DataTable)
        names = {str(rates.get_row_at(n)[0]) for n in range(rates.row_count)}
        assert names and names <= {"星河视频", "Northwind Logistics"}
        assert rates.display and not screen.query_one("#commitments-table").display


async def test_next_customer_reads_the_customers_then_cycles(make_app):
    app = make_app("commitments")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        every = {row.customer for row in app.screen.rows}
        assert len(every) == 2
        seen = []
        for _ in range(2):
            await pilot.press("c")
            await settle(pilot)
            customers = {row.customer for row in app.screen.rows}
            assert len(customers) == 1
            seen.append(customers.pop())
            label = str(app.screen.query_one("#filter", Static).render())
            assert seen[-1] in label
        assert set(seen) == every
        await pilot.press("c")  # after the last customer: all of them again
        await settle(pilot)
        assert {row.customer for row in app.screen.rows} == every


async def test_background_work_is_textual_workers_and_one_writer_thread(make_app):
    """Reads (the first read of a screen being opened too) are Textual workers; every save,
    the live notes' included, goes through the app's one writer thread."""
    import threading

    app = make_app("home")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("m")  # commitments: read while it opens
        await settle(pilot)
        assert isinstance(app.screen, CommitmentsScreen)
        app.show("live", visit_id=2)
        await settle(pilot)
        await pilot.press(*"note")
        await pilot.pause(0.5)
        app.screen.session.wait_written()
        names = {thread.name for thread in threading.enumerate()}
        assert not {name for name in names if name.startswith(("live-writer", "interview-pre"))}
        assert app.screen.session.writer is app.writer.executor


async def test_a_change_the_rules_refuse_is_said_without_try_again(make_app) -> None:
    """`m` on a finished visit: 'this visit is done, it is not marked rehearsed … press s
    on home' was followed by 'What you entered is kept; try again' (nothing was typed, and
    trying again cannot help)."""
    app = make_app("plan", visit_id=1)  # 星河视频's done visit
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        said = [n.message for n in notifications(app)]
        refused = [m for m in said if "rehearsed" in m]
        assert refused and not any("try again" in m for m in refused), said
