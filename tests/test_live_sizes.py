"""The live screen at every terminal size: the note's flags and speaker stay in sight, and the
note editor is the last thing to shrink (the side pane goes first, then the outline)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import Static, TextArea

from tests.conftest import settle

PLANNED_ZH = 2  # 星河视频's planned visit: attendees 陈工, 赵磊, 王总
FLAGS = {"en": ("INTERNAL ONLY", "PRIVATE"), "zh": ("仅内部", "私密")}


async def _flag_everything(pilot) -> None:
    """The longest tag line there is: a speaker, internal, private."""
    await settle(pilot)
    await pilot.press("f5")  # who said it
    await settle(pilot)
    await pilot.press("down", "enter")  # the first attendee, 陈工
    await settle(pilot)
    await pilot.press("alt+i", "alt+p")
    await settle(pilot)


def _shown(widget: Static) -> str:
    """What the widget shows on screen, in the lines it is given (a cut line is cut)."""
    if not widget.display or not widget.size.area:
        return ""
    lines = widget.render_lines(widget.size.region)
    return "\n".join("".join(segment.text for segment in line) for line in lines)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "size", [(120, 36), (80, 24), (60, 20), (40, 12)], ids=["120x36", "80x24", "60x20", "40x12"]
)
async def test_flags_speaker_and_a_usable_note_at_every_size(make_app, lang, size) -> None:
    app = make_app("live", lang=lang, visit_id=PLANNED_ZH)
    async with app.run_test(size=size) as pilot:
        await _flag_everything(pilot)
        screen = app.screen
        tags = _shown(screen.query_one("#note-tags", Static))
        for flag in FLAGS[lang]:
            assert flag in tags, f"{flag!r} cut at {size}: {tags!r}"
        assert "陈工" in tags, f"the speaker is cut at {size}: {tags!r}"
        note = screen.query_one("#note", TextArea)
        assert note.display and note.region.height > 0
        room = note.content_region  # where the text goes, inside the border
        assert room.width >= 30, f"the note is {room.width} cells wide at {size}"
        assert room.height >= min(5, size[1] // 3), f"the note has {room.height} lines at {size}"
        assert note.region.right <= size[0], f"the note runs off the screen at {size}"
        assert app.focused is note


@pytest.mark.parametrize(
    ("size", "side", "outline"),
    [
        ((120, 36), True, True),
        ((80, 24), True, True),
        ((60, 20), False, True),
        ((40, 12), False, False),
    ],
)
async def test_side_pane_then_outline_give_way(make_app, size, side, outline) -> None:
    app = make_app("live", lang="en", visit_id=PLANNED_ZH)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#side").display is side
        assert app.screen.query_one("#outline-pane").display is outline


async def test_panes_come_back_when_the_terminal_grows(make_app) -> None:
    app = make_app("live", lang="en", visit_id=PLANNED_ZH)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert app.screen.query_one("#side").display
        assert app.screen.query_one("#outline-pane").display


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "size", [(80, 24), (120, 36), (60, 20), (40, 12)], ids=["80x24", "120x36", "60x20", "40x12"]
)
def test_live_header_snapshot(snap_compare, make_app, lang, size) -> None:
    """You should see the note's flags first (internal, then private), the speaker 陈工,
    its goal and its number, above the note editor; at 80 columns over two lines. At 60×20
    the side pane has given way, at 40×12 the outline too: the note editor is still there,
    at least 30 cells wide."""

    async def flagged(pilot) -> None:
        await _flag_everything(pilot)
        pilot.app.clear_notifications()  # the toasts would cover the side pane
        await settle(pilot)

    assert snap_compare(
        make_app("live", lang=lang, visit_id=PLANNED_ZH), terminal_size=size, run_before=flagged
    )


@pytest.mark.parametrize("width", range(12, 60))
def test_tag_lines_break_between_parts_never_inside_one(width) -> None:
    """A line break between two characters of 陈工 left 工 on a line of its own (or lost)."""
    from interview_tui.tui.text import Parts

    parts = ["仅内部", "私密，只留本机", "发言人：陈工", "目标：方向反馈", "第 1/1 条"]
    lines = Parts(parts).lines(width)
    if width >= 14:  # the widest part fits: every part whole on one line
        assert [p for line in lines for p in line.removesuffix(" ·").split(" · ")] == parts
    assert all(cell_len(line) <= width for line in lines[:-1] if " · " in line), lines


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_long_question_scrolls_and_shows_a_bar_where_it_is_cut(make_app, lang) -> None:
    """At 80×24 the first question of the English plan, with its research, purpose and
    follow-ups, is longer than the room it has: it was cut with no sign of it. Now its pane
    has a scroll bar, the end of it can be scrolled into sight (the mouse wheel), and the
    next question starts from its top. A question that fits keeps the text's width: the
    bar's column is the one the text always kept free."""
    app = make_app("live", lang=lang, visit_id=4)  # Northwind: research and purpose filled
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        pane = screen.query_one("#question-pane")
        question = screen.query_one("#question", Static)
        item = screen.item
        assert item.purpose and item.follow_ups
        assert question.size.height > pane.size.height  # nothing of it is dropped
        assert pane.show_vertical_scrollbar and pane.max_scroll_y > 0
        pane.scroll_end(animate=False)
        await settle(pilot)
        shown = _shown(question).splitlines()[int(pane.scroll_y) :][: pane.size.height]
        end = item.follow_ups[-1].rstrip()[-4:]  # the end of the last follow-up
        assert end in "".join(shown), shown
        assert app.focused is screen.query_one("#note", TextArea)  # typing still goes there
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert pane.scroll_y == 0


async def test_a_question_that_fits_has_no_bar_and_the_same_width(make_app) -> None:
    app = make_app("live", lang="en", visit_id=4)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one("#question-pane")
        question = app.screen.query_one("#question", Static)
        assert not pane.max_scroll_y
        assert pane.size.height == question.size.height  # no blank line under it
        assert question.content_region.right == pane.region.right - 1  # one column free
