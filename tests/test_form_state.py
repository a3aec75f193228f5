"""Forms that show their state: tick boxes that differ in shape, the first field focused
when a form or dialog opens and focus drawn as a mark, fields that stay where they are
while the user types (issue 25, "Forms and dialogs")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import settle

FIELDS = "Input, TextArea, Select, SelectionList, Checkbox"
PLANNED_ZH = 2  # 星河视频's planned visit: limits on what may be promised


def _first_field(screen):
    return next(widget for widget in screen.query(FIELDS) if widget.focusable)


def _focus_chain_ids(screen) -> list[str | None]:
    return [widget.id for widget in screen.focus_chain]


async def test_tick_boxes_differ_in_shape_ticked_or_not(make_app) -> None:
    """Textual draws ``▐X▌`` ticked or not (only the colour changes): a visit was saved
    with no goals while all seven looked ticked."""
    from textual.widgets import Checkbox, SelectionList

    app = make_app("visit_form")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        goals = app.screen.query_one("#goals", SelectionList)
        goals.select("business_goals")
        await pilot.pause()
        lines = [goals.render_line(y).text for y in range(7)]
        assert lines[0].startswith("[ ] 1 "), lines
        assert lines[1].startswith("[x] 2 "), lines
    app = make_app("export", visit_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = app.screen.query_one("#personal", Checkbox)
        shown = {box.value: str(box.render())}
        box.value = not box.value
        await pilot.pause()
        shown[box.value] = str(box.render())
        assert shown[True].startswith("[x]") and shown[False].startswith("[ ]"), shown


def test_no_screen_builds_textuals_own_tick_boxes() -> None:
    """Screens use the app's ``Tick`` and ``TickList`` (``[x]`` / ``[ ]``), never
    Textual's ``Checkbox`` and ``SelectionList`` themselves."""
    package = Path(__file__).parent.parent / "interview_tui" / "tui"
    offenders = [
        f"{source.name}: {widget}"
        for source in package.rglob("*.py")
        if source.name != "inputs.py"
        for widget in ("Checkbox", "SelectionList")
        if re.search(rf"\b{widget}(\[[^\]]*\])?\(", source.read_text("utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("route", "kwargs"),
    [
        ("visit_form", {}),
        ("visit_form", {"visit_id": 2}),
        ("customer", {}),
        ("customer", {"customer_id": 1}),
        ("export", {"visit_id": 1}),
    ],
)
async def test_every_form_opens_on_its_first_field_with_its_label_in_sight(
    make_app, route, kwargs
) -> None:
    """The new-visit form opened with its scrolling pane focused: the first keys went
    nowhere, then into the wrong field."""
    app = make_app(route, **kwargs)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        first = _first_field(screen)
        assert app.focused is first, (route, app.focused)
        assert all(not getattr(node, "scroll_y", 0) for node in first.ancestors), route


@pytest.mark.parametrize("key", ["ctrl+t", "ctrl+r", "ctrl+l", "ctrl+o"])
async def test_every_live_dialog_opens_on_its_first_field(make_app, key) -> None:
    app = make_app("live", visit_id=PLANNED_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert app.focused is _first_field(app.screen), (key, app.focused)


async def test_focus_is_a_mark_beside_the_field_not_a_shade(make_app) -> None:
    """The focused field has a bar at its left; the others have none, and moving the
    focus moves no field."""
    app = make_app("visit_form")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        fields = [w for w in screen.query(FIELDS) if w.focusable][:4]
        places = [w.region for w in fields]
        for field in fields:
            field.focus()
            await pilot.pause()
            marks = [other.styles.outline_left[0] for other in fields]
            assert marks == ["outer" if other is field else "" for other in fields], marks
            assert [w.region for w in fields] == places
        goals = screen.query_one("#goals")  # a framed field: its frame turns heavy
        blurred = goals.styles.border_left[0]
        goals.focus()
        await pilot.pause()
        assert goals.styles.border_left[0] == "heavy" != blurred


async def test_no_dialog_field_moves_while_typing(make_app) -> None:
    """The commitment dialog's override reason appeared after the warning, so the owner's
    name went into it: every field is there from the start, in the same Tab order."""
    app = make_app("live", visit_id=PLANNED_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        before = _focus_chain_ids(dialog)
        await pilot.press(*"定制 SLA 99.99%")
        await pilot.pause()
        assert "SLA" in str(dialog.query_one("#beyond").render())  # the warning shows
        assert _focus_chain_ids(dialog) == before
        await pilot.press("tab", "tab", *"Wang")  # past the side: the owner's name
        assert dialog.query_one("#owner_name").value == "Wang"


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_visit_form_snapshot(snap_compare, make_app, lang, size) -> None:
    """Focus on the first field, marked; one goal ticked, the others empty boxes."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("#goals").select("pain_points")
        await pilot.pause()

    assert snap_compare(
        make_app("visit_form", lang=lang, visit_id=2), terminal_size=size, run_before=run_before
    )


@pytest.mark.parametrize("cells", range(12, 70, 3))
def test_a_hit_line_keeps_the_match_in_whatever_room(cells) -> None:
    from rich.cells import cell_len

    from interview_tui.store.search import around_hit, snippet

    for text, query in (
        ("…上亿 APP 推广预算,技术部门要把网络延迟控制在 30ms 以内。", "延迟"),
        (
            "The billing export from the ERP breaks every month end, so the "
            "finance team waits for the invoices",
            "invoices",
        ),
    ):
        shown = around_hit(snippet(text, query), query, cells)
        assert cell_len(shown) <= cells and query in shown, (cells, shown)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_search_line_snapshot(snap_compare, make_app, lang, size) -> None:
    """Each result line shows the words around the match, however narrow."""
    assert snap_compare(
        make_app("search", lang=lang, query="延迟"), terminal_size=size, run_before=settle
    )


@pytest.mark.parametrize(
    ("environ", "theme"),
    [
        ({}, "dark"),
        ({"COLORFGBG": "0;15"}, "light"),
        ({"COLORFGBG": "15;0"}, "dark"),
        ({"COLORFGBG": "0;default;7"}, "light"),
        ({"INTERVIEW_TUI_THEME": "light"}, "light"),
        ({"INTERVIEW_TUI_THEME": "dark", "COLORFGBG": "0;15"}, "dark"),
        ({"INTERVIEW_TUI_THEME": "auto", "COLORFGBG": "0;15"}, "light"),
    ],
)
def test_theme_follows_the_terminal_or_the_setting(environ, theme) -> None:
    from interview_tui.settings import quick_theme

    assert quick_theme(environ) == theme


def test_a_bad_theme_is_named(tmp_path, monkeypatch) -> None:
    from interview_tui.settings import load_settings

    monkeypatch.setenv("INTERVIEW_TUI_THEME", "solarized")
    loaded = load_settings()
    assert loaded.settings.theme == "auto"
    assert any("theme" in problem for problem in loaded.problems), loaded.problems


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_light_theme_snapshot(snap_compare, make_app, lang, size) -> None:
    """The visit form on a light terminal: ticks, focus mark and text readable."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("#goals").select("pain_points")
        await pilot.pause()

    assert snap_compare(
        make_app("visit_form", lang=lang, visit_id=2, theme="light"),
        terminal_size=size,
        run_before=run_before,
    )


async def test_a_tick_list_filled_after_it_was_drawn_highlights_its_first_row(make_app) -> None:
    """The attendees arrive once the customer is read: tabbing in, space then down, space
    ticked the first person twice (the first down only highlighted the first row)."""
    app = make_app("visit_form", visit_id=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        attendees = app.screen.query_one("#attendees")
        assert attendees.option_count >= 2
        before = set(attendees.selected)
        attendees.focus()
        await pilot.press("space", "down", "space")
        first_two = {attendees.get_option_at_index(n).value for n in (0, 1)}
        assert set(attendees.selected) ^ before == first_two, (before, attendees.selected)
