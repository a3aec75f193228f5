"""Opening a screen styles it once and draws it once, with its data (issue 26): the live
screen and the requirement detail, counted in Textual's own passes.

A styling pass is Textual matching widgets against the whole stylesheet; a pass over the
whole screen after it is drawn (a class given to the screen late) draws it again too."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen

from interview_tui.tui.base import breakpoint_classes
from interview_tui.tui.inputs import Choice, Input, Tick
from interview_tui.tui.live import live_screen
from interview_tui.tui.live.live_screen import LATER_MODULES, LiveScreen
from interview_tui.tui.review.detail_base import ConflictList
from tests.conftest import settle

PLANNED_ZH = 2  # 星河视频's planned visit, a script of twelve questions


class _Passes:
    """Every styling pass of ``app``: the nodes styled in each."""

    def __init__(self, app: App[Any]) -> None:
        self.passes: list[list[Any]] = []
        stylesheet = app.stylesheet
        original = stylesheet.update_nodes

        def counted(nodes: Iterable[Any], animate: bool = False) -> None:
            nodes = list(nodes)
            self.passes.append(nodes)
            original(nodes, animate=animate)

        stylesheet.update_nodes = counted  # type: ignore[method-assign]

    def over(self, screen: Screen[Any]) -> int:
        """How many passes styled the whole of ``screen``."""
        return sum(screen in nodes for nodes in self.passes)


async def test_a_compact_field_is_not_styled_before_it_is_mounted() -> None:
    """Textual restyles a widget for each class its ``compact`` toggles, mounted or not: a
    pass over the stylesheet per field of a form before the form exists. Compact from the
    start, a field is styled once, as it is mounted."""
    app: App[None] = App()
    async with app.run_test():
        passes = _Passes(app)
        fields = [
            Input(compact=True),
            Choice([("one", "1")], allow_blank=False, compact=True),
            Tick("tick", compact=True),
            ConflictList(compact=True),
        ]
        assert passes.passes == []
        assert all(field.compact and field.has_class("-textual-compact") for field in fields)
        plain = Input()
        assert not plain.compact and not plain.has_class("-textual-compact")


async def _live_opened(make_app: Any, size: tuple[int, int]) -> tuple[App[Any], Any, list]:
    """The app on home; the live screen pushed once its visit is open (as it is when the
    visit opens while Textual builds the screen); the passes counted meanwhile, and the
    live screen's state at each of its layouts."""
    app = make_app("home")
    runner = app.run_test(size=size, notifications=True)
    pilot = await runner.__aenter__()
    await settle(pilot)
    screen = LiveScreen(PLANNED_ZH)
    screen.prefetch()
    assert screen._opening is not None
    for _ in range(500):
        if screen._opening.done():
            break
        await asyncio.sleep(0.01)
    passes = _Passes(app)
    laid_out: list[tuple[bool, str]] = []
    original = screen._refresh_layout

    def refresh_layout(*args: Any, **kwargs: Any) -> None:
        laid_out.append((screen.session is not None, str(screen.sub_title)))
        original(*args, **kwargs)

    screen._refresh_layout = refresh_layout  # type: ignore[method-assign]
    app.push_screen(screen)
    await settle(pilot)
    assert app.screen is screen
    return app, (runner, passes), laid_out


@pytest.mark.parametrize("size", [(120, 36), (70, 20)])
async def test_the_live_screen_is_styled_once_and_drawn_with_its_visit(make_app, size) -> None:
    """Its breakpoints' classes are given as it is made and the key bar's line count (the
    toasts' margin) as it is mounted, so each widget is styled once, as it is mounted, and
    the visit read meanwhile is in its first drawing: no pass over the whole screen, no
    layout of an empty screen."""
    app, (runner, passes), laid_out = await _live_opened(make_app, size)
    try:
        screen = app.screen
        assert passes.over(screen) == 0, [len(nodes) for nodes in passes.passes]
        assert laid_out and all(opened for opened, _ in laid_out), laid_out
        assert "星河视频" in laid_out[0][1]
        expected = {name for name, on in breakpoint_classes(screen, app.size).items() if on}
        assert expected <= screen.classes
        toasts = screen.query_one("#textual-toastrack").styles.margin.bottom
        assert toasts == (2 if size[0] < 200 else 1)  # above the key bar's lines
    finally:
        await runner.__aexit__(None, None, None)


@pytest.mark.parametrize("size", [(50, 18), (70, 24), (79, 21), (80, 20), (140, 40)])
async def test_breakpoint_classes_are_textuals(make_app, size) -> None:
    """The classes given before the first drawing are those Textual gives on a resize."""
    app = make_app("live", visit_id=PLANNED_ZH)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        given = breakpoint_classes(screen, app.size)
        await pilot.resize_terminal(size[0] + 1, size[1] + 1)
        await pilot.resize_terminal(*size)
        await settle(pilot)
        assert {name for name, on in given.items() if on} <= screen.classes
        assert not {name for name, on in given.items() if not on} & screen.classes


def test_the_live_screen_is_drawn_before_its_dialogs_and_the_limits_check_load() -> None:
    """The capture dialogs (the linter behind them) and the check of a promise against the
    plan's limits (hundreds of patterns compiled) are not loaded to draw the live screen:
    a third of the first opening's time went to them."""
    code = (
        "import sys, interview_tui.tui.live.live_screen as live\n"
        "print(sorted(m for m in (*live.LATER_MODULES, 'interview_tui.lint') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


async def test_they_load_in_the_background_once_the_live_screen_is_drawn(
    make_app, monkeypatch
) -> None:
    loaded: list[str] = []
    monkeypatch.setattr(live_screen, "importlib", SimpleNamespace(import_module=loaded.append))
    app = make_app("live", visit_id=PLANNED_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert loaded == list(LATER_MODULES)


async def test_the_requirement_detail_is_read_as_it_opens_and_drawn_filled(
    make_app, demo_store
) -> None:
    """Its record is read while Textual builds the form (it was read once the form was
    mounted, and drawn empty first); read by then, the first drawing has it."""
    from interview_tui.domain.models import Requirement
    from interview_tui.tui.review.requirement_detail import RequirementDetailScreen

    record = demo_store.all(Requirement)[0]
    app = make_app("home")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        opened = app.show("requirement", requirement_id=record.id)
        assert opened._prefetched is not None or opened.requirement is not None
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)

        screen = RequirementDetailScreen(record.id)
        screen.prefetch()
        while not (future := screen._prefetched) or not future.done():
            await asyncio.sleep(0.01)
        laid_out: list[bool] = []
        original = screen._refresh_layout

        def refresh_layout(*args: Any, **kwargs: Any) -> None:
            laid_out.append(screen.requirement is not None)
            original(*args, **kwargs)

        screen._refresh_layout = refresh_layout  # type: ignore[method-assign]
        passes = _Passes(app)
        app.push_screen(screen)
        await settle(pilot)
        assert laid_out and all(laid_out), laid_out
        assert passes.over(screen) == 0


async def test_a_form_fills_without_styling_a_field_again() -> None:
    """A field takes Textual's ``-valid`` class with its first value, and a compact pick
    list's list takes the compact class as it is mounted: each a styling pass of its own
    before the form's. Both carry the class from their construction on."""
    from textual.widgets import OptionList

    app: App[None] = App()
    async with app.run_test() as pilot:
        field = Input(compact=True)
        choice = Choice([("one", "1"), ("two", "2")], allow_blank=False, compact=True)
        assert field.has_class("-valid")
        await app.screen.mount_all([field, choice])
        await pilot.pause()
        passes = _Passes(app)
        field.value = "typed"
        await pilot.pause()
        assert passes.passes == []
        assert choice.query_one(OptionList).has_class("-textual-compact")


async def test_a_long_detail_form_has_its_gutter_from_its_first_layout(
    make_app, demo_store
) -> None:
    """Taller than the terminal, the requirement's form is laid out once at its width with
    the scrollbar: no field is laid out again narrower when the scrollbar appears."""
    from interview_tui.domain.models import Requirement
    from interview_tui.tui.review.requirement_detail import RequirementDetailScreen

    record = demo_store.all(Requirement)[0]
    app = make_app("home")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = RequirementDetailScreen(record.id)
        widths: set[int] = set()
        original = screen._refresh_layout

        def refresh_layout(*args: Any, **kwargs: Any) -> None:
            original(*args, **kwargs)
            if screen.is_mounted and (width := screen.query_one("#title").size.width):
                widths.add(width)

        screen._refresh_layout = refresh_layout  # type: ignore[method-assign]
        app.push_screen(screen)
        await settle(pilot)
        form = screen.query_one("#detail")
        assert form.styles.scrollbar_gutter == "stable"
        assert form.show_vertical_scrollbar
        assert len(widths) == 1, widths
