"""Home at start-up is drawn once: what its first paint shows is what stays (the pane
titles with their legend and the mark of the list with the keys), and getting there does
not lay out or restyle the whole screen again (issue 26: start-up close to a bare app)."""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from interview_tui.services.home_data import read_home
from tests.conftest import FIXED_TODAY, settle


def _app(make_app: Any, store: Any) -> Any:
    """The app as ``interview-tui`` starts it: home's data read before the UI."""
    prefetched: Future = Future()
    prefetched.set_result(read_home(store, FIXED_TODAY))
    return make_app(prefetched={"home": prefetched})


async def test_first_paint_has_the_titles_as_they_stay(make_app, demo_store, monkeypatch) -> None:
    """The data read before the UI is shown as home mounts, before its first paint: the
    titles are then already the legend and the ▶ of the list with the keys (they were
    written after the first paint, which drew the screen a second time)."""
    from interview_tui.tui.data import DataScreen

    seen: dict[str, str] = {}
    mounted = DataScreen.on_mount

    def on_mount(screen: Any) -> None:
        mounted(screen)  # shows the data when it was read already
        seen["title"] = str(screen.query_one("#visits-title").render())

    monkeypatch.setattr(DataScreen, "on_mount", on_mount)
    app = _app(make_app, demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        after = str(app.screen.query_one("#visits-title").render())
    assert seen["title"].startswith("▶ Visits"), seen
    assert "today" in seen["title"] and "upcoming" in seen["title"], seen
    assert seen["title"] == after


async def test_start_up_restyles_nothing_twice(make_app, demo_store, monkeypatch) -> None:
    """Home's styles are read with the app's (no second parse of every source), and the
    key bar's height is told to the toast rack alone (a class on the screen restyled every
    widget of home after its first paint)."""
    from textual.css.stylesheet import Stylesheet
    from textual.dom import DOMNode

    reparsed: list[int] = []
    parse = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda self: reparsed.append(1) or parse(self))
    classes: list[tuple[str, tuple[str, ...]]] = []
    set_class = DOMNode.set_class

    def record(node: Any, add: bool, *names: str, update: bool = True) -> Any:
        if add != node.has_class(*names):
            classes.append((type(node).__name__, names))
        return set_class(node, add, *names, update=update)

    monkeypatch.setattr(DOMNode, "set_class", record)
    app = _app(make_app, demo_store)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#visits-title")  # home is up
        rack = app.screen.query_one("#textual-toastrack")
        assert rack.styles.margin.bottom == 2  # two lines of keys at 120 columns
    assert reparsed == []
    assert not [names for kind, names in classes if kind == "HomeScreen"], classes


async def test_the_help_opens_without_parsing_every_style_again(make_app, monkeypatch) -> None:
    """The help's styles come with its class: a screen's CSS file read once the app runs
    made Textual parse every source again (Stylesheet.reparse) as it first opened."""
    from textual.css.stylesheet import Stylesheet

    reparsed: list[int] = []
    parse = Stylesheet.reparse
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Stylesheet, "reparse", lambda self: reparsed.append(1) or parse(self))
        await pilot.press("f1")
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        assert app.screen.styles.align == ("center", "middle")  # its own styles apply
    assert reparsed == []
