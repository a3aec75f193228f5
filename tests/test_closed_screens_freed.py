"""A closed screen leaves nothing behind: no widget of it stays alive (its header, its
editors, their style caches with every line they drew), so memory stays flat however
often screens are opened."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import pytest
from textual._styles_cache import StylesCache

from interview_tui.tui.routes import ROUTES, available
from tests.conftest import settle


def _style_caches() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, StylesCache))


async def test_opening_a_screen_again_and_again_keeps_no_style_cache(make_app, demo_store):
    visit_id = demo_store.conn.execute("SELECT id FROM visits ORDER BY id LIMIT 1").fetchone()[0]
    app = make_app("home")
    counts = []
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for _ in range(6):
            app.show("plan", visit_id=visit_id)
            await settle(pilot)
            await app.screen.dismiss()
            await settle(pilot)
            counts.append(_style_caches())
    # the plan has about 64 widgets: each opening kept them all before (+320 over five more
    # openings). On a loaded machine the last plan closed can still be held for a while by
    # its finished read (one plan's worth): flat means less than two plans' worth of growth
    assert counts[-1] - counts[0] < 100, counts


#: every screen but home (the bottom of the stack, never closed), opened on the demo data
ROUTED = [
    ("customer", {"customer_id": 1}),
    ("visit_form", {"visit_id": 4}),
    ("plan", {"visit_id": 4}),
    ("rehearse", {"visit_id": 4}),
    ("live", {"visit_id": 4}),
    ("brief", {"customer_id": 1, "visit_id": 4}),
    ("commitments", {}),
    ("requirements", {}),
    ("line", {}),
    ("requirement", {"requirement_id": 1}),
    ("commitment", {"commitment_id": 1}),
    ("search", {"query": "a"}),
    ("timeline", {"customer_id": 1}),
    ("matrix", {}),
    ("export", {"visit_id": 4}),
]
#: screens opened by a key from home: the help, the palette, a dialog
KEYED = [("help", "f1"), ("palette", "ctrl+p"), ("dialog", "s")]


def test_every_screen_of_the_app_is_checked() -> None:
    assert {route for route, _ in ROUTED} == {
        route for route in ROUTES if route != "home" and available(route)
    }


async def _alive_once_closed(pilot: Any, kept: list[weakref.ref]) -> list[str]:
    """The widgets of ``kept`` still alive once the screen has closed (a read or a timer
    that finished just before may hold them for a moment: waited for, bounded)."""
    alive: list[str] = []
    for _ in range(40):
        await settle(pilot)
        gc.collect()
        alive = [type(ref()).__name__ for ref in kept if ref() is not None]
        if not alive:
            break
        await pilot.pause(0.05)
    return alive


@pytest.mark.parametrize(
    ("route", "kwargs", "key"),
    [(route, kwargs, None) for route, kwargs in ROUTED] + [(name, {}, key) for name, key in KEYED],
    ids=[route for route, _ in ROUTED] + [name for name, _ in KEYED],
)
async def test_a_closed_screen_leaves_no_widget_alive(make_app, route, kwargs, key) -> None:
    """Textual's header watches the app's title and its editors the app's theme, and the
    app kept every such watcher, with its widget, long after the screen closed."""
    app = make_app("home")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        home = app.screen
        if key is None:
            app.show(route, **kwargs)
        else:
            await pilot.press(key)
        await settle(pilot)
        screen = app.screen
        assert screen is not home, route
        kept = [weakref.ref(node) for node in screen.walk_children(with_self=True)]
        del screen
        await app.pop_screen()
        assert app.screen is home
        alive = await _alive_once_closed(pilot, kept)
    assert not alive, f"{route}: {alive}"


async def test_a_closed_widget_that_watched_one_still_open_is_not_kept(make_app) -> None:
    """A widget that watches (or binds to) a widget of home is listed by it until the
    watched value changes: once its screen closes, home no longer keeps it."""
    from textual.widgets import Header, Static

    from interview_tui.tui.base import BaseModal

    class Watcher(Static):
        def on_mount(self) -> None:
            self.watch(home.query_one(Header), "tall", self.tall_changed)

        def tall_changed(self, _tall: bool) -> None:
            pass

    class Dialog(BaseModal):
        def compose(self):
            yield Watcher("watching home")

    app = make_app("home")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        home = app.screen
        app.push_screen(Dialog())
        await settle(pilot)
        kept = [weakref.ref(app.screen.query_one(Watcher))]
        await app.pop_screen()
        alive = await _alive_once_closed(pilot, kept)
    assert not alive
