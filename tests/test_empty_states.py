"""An empty list says so once, in the screen, in the user's language: never a toast, and
never again on each read."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input

from interview_tui.i18n import set_language, t
from interview_tui.tui.empty import EmptyNote
from interview_tui.tui.textual_private import notifications
from tests.conftest import FIXED_NOW, FIXED_TODAY, settle

SCREENS = [
    ("commitments", {}, "commitments.empty"),
    ("requirements", {}, "pool.empty"),
    ("matrix", {}, "matrix.empty"),
    ("search", {"query": "账单"}, "search.none"),
]


def _app(store: Any, route: str, lang: str, **kwargs: Any) -> Any:
    from interview_tui.tui.app import build_app

    set_language(lang)
    return build_app(
        store,
        initial=(route, kwargs),
        today=lambda: FIXED_TODAY,
        now=lambda: FIXED_NOW,
        animate=False,
    )


def _shown(app: Any) -> list[str]:
    return [str(note.content) for note in app.screen.query(EmptyNote) if note.display]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("route", "kwargs", "key"), SCREENS)
async def test_an_empty_database_says_it_once(store, route, kwargs, key, lang) -> None:
    app = _app(store, route, lang, **kwargs)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if route == "search":  # the query given at start arrives as the input's change
            app.screen.query_one(Input).value = kwargs["query"]
            await settle(pilot)
        expected = t(key, query=kwargs.get("query", ""))
        assert _shown(app) == [expected]
        for _ in range(3):  # every read again (as after coming back from another screen)
            app.screen.reload()
            await settle(pilot)
        assert _shown(app) == [expected]
        assert not notifications(app)  # in the screen, never a toast


@pytest.mark.parametrize(("route", "kwargs", "key"), SCREENS)
async def test_a_list_with_rows_shows_no_empty_note(make_app, route, kwargs, key) -> None:
    app = make_app(route, **kwargs)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if route == "search":
            app.screen.query_one(Input).value = kwargs["query"]
            await settle(pilot)
        assert _shown(app) == []


async def test_search_says_nothing_before_a_query(store) -> None:
    app = _app(store, "search", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert _shown(app) == []  # the field's placeholder says what to do
        app.screen.query_one(Input).value = "[b]x[/b]"
        await settle(pilot)
        assert _shown(app) == ["Nothing found for “[b]x[/b]”"]  # literal, not markup


async def test_commitments_a_filter_that_finds_none_says_so(demo_store) -> None:
    demo_store.db.execute("UPDATE commitments SET state = 'done'")  # none open any more
    demo_store.db.conn.commit()
    app = _app(demo_store, "commitments", "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert _shown(app) == ["没有符合条件的承诺：按 a 显示全部。"]
        await pilot.press("a")  # all: the done ones are there
        await settle(pilot)
        assert _shown(app) == []


@pytest.mark.parametrize("key", ["x", "r", "s", "e"])
async def test_home_visit_keys_light_up_the_message_instead_of_a_toast(store, key) -> None:
    app = _app(store, "home", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        empty = app.screen.query_one("#home-empty")
        assert empty.display
        await pilot.press(key)
        await settle(pilot)
        assert not notifications(app) and empty.has_class("-nudge")
