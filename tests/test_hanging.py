"""Wrapped lines keep their indent: a follow-up, a bullet or a dated line wraps under its
text, never back at the left margin; the text stays literal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.widgets import Static

from interview_tui.tui.text import Block, hanging
from tests.conftest import settle

FOLLOW_UP = (
    "What would have to be true for the team to move the nightly batch jobs "
    "onto the new scheduler before the end of the quarter? [b]not bold[/b]"
)


def _lines(renderable: object, width: int) -> list[str]:
    console = Console(width=width, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get().rstrip("\n").split("\n")


def test_continuation_lines_hang_under_the_text() -> None:
    lines = _lines(Block([Text("Question"), hanging("  → ", FOLLOW_UP)]), 32)
    assert lines[0] == "Question"
    assert lines[1].startswith("  → What")
    assert len(lines) > 4
    for line in lines[2:]:
        assert line.startswith("    ") and line[4] != " ", line  # under the text, not the margin
    assert "[b]not bold[/b]" in " ".join(line.strip() for line in lines)  # literal, not markup


def test_chinese_hangs_by_cells() -> None:
    lines = _lines(hanging("• ", "客户希望把夜间批处理任务迁移到新的调度器上" * 3), 20)
    assert len(lines) > 2
    assert all(cell_len(line) <= 20 for line in lines)
    assert all(line.startswith("  ") and line[2] != " " for line in lines[1:])


def test_a_dated_line_hangs_under_its_text() -> None:
    from interview_tui.tui.review.detail_base import dated_block

    lines = _lines(
        dated_block(
            [
                "2026-11-24  due 2026-12-01 → 2026-12-08  · their launch "
                "moved by a week because of the audit",
                "No changes yet",
            ]
        ),
        36,
    )
    assert lines[0].startswith("2026-11-24  due")
    assert lines[1].startswith(" " * 12) and lines[1][12] != " "
    assert lines[-1] == "No changes yet"


@settings(max_examples=60, deadline=None)
@given(
    prefix=st.sampled_from(["  → ", "• ", "2026-11-24  ", "1/12  "]),
    text=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=200
    ),
    width=st.integers(min_value=8, max_value=60),
)
def test_any_text_fits_and_hangs(prefix: str, text: str, width: int) -> None:
    lines = _lines(hanging(prefix, text), width)
    indent = cell_len(prefix)
    assert all(cell_len(line) <= width for line in lines)
    if width - indent >= 4:  # narrower than that, it wraps at the margin rather than a cell a line
        assert all(line[:indent] == " " * indent for line in lines[1:])


async def test_live_follow_up_wraps_under_its_arrow(make_app, demo_store) -> None:
    from interview_tui.domain.models import ScriptItem

    first = demo_store.script(1)[0]
    demo_store.save(first.model_copy(update={"follow_ups": [FOLLOW_UP]}))
    app = make_app("live", visit_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen.item, ScriptItem) and app.screen.item.id == first.id
        question = app.screen.query_one("#question", Static)
        shown = [question.render_line(y).text.rstrip() for y in range(question.size.height)]
        start = next(n for n, line in enumerate(shown) if "→ What" in line)
        arrow = shown[start].index("→")
        assert len(shown) > start + 1
        follow = shown[start + 1]
        assert follow[: arrow + 2].strip() == "" and follow[arrow + 2] != " ", shown


async def test_rehearse_follow_up_wraps_under_its_arrow(make_app, demo_store) -> None:
    first = demo_store.script(1)[0]
    demo_store.save(first.model_copy(update={"follow_ups": [FOLLOW_UP]}))
    app = make_app("rehearse", visit_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        card = app.screen.query_one("#card", Static)
        assert FOLLOW_UP in str(card.content)
        shown = [card.render_line(y).text for y in range(card.size.height)]
        start = next(n for n, line in enumerate(shown) if "→ What" in line)
        arrow = shown[start].index("→")
        follow = shown[start + 1]
        assert follow[: arrow + 2].strip("│ ") == "" and follow[arrow + 2] != " ", shown


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.sampled_from(["", "  → ", "2026-05-01  ", "  6 Pain points: "]),
    text=st.text(st.sampled_from("ab 客户，。\t\n[/b]"), max_size=60),
    width=st.integers(min_value=8, max_value=70),
    bold=st.booleans(),
)
def test_a_line_that_fits_is_drawn_as_wrapping_draws_it(
    prefix: str, text: str, width: int, bold: bool
) -> None:
    """The short cut for a text that fits on one line gives the very segments wrapping does."""
    line = hanging(Text(prefix, style="bold" if bold else ""), text, style="italic")
    console = Console(width=width, color_system="truecolor", legacy_windows=False)
    options = console.options
    drawn = list(console.render(line, options))
    room = width - cell_len(prefix)
    if room >= 4:
        expected = []
        pad = Text(" " * cell_len(prefix))
        for n, part in enumerate(line.text.wrap(console, room, overflow="fold")):
            part.rstrip()
            expected += console.render(
                (line.prefix if n == 0 else pad) + part,
                options.update(no_wrap=True, overflow="ignore"),
            )
        assert drawn == expected


def test_a_block_is_drawn_once_per_width() -> None:
    """Measured and painted at one width, a block wraps its lines once."""
    block = Block([Text("Visit"), hanging("  1 Goal: ", FOLLOW_UP)])
    console = Console(width=40, color_system=None, legacy_windows=False)
    first = list(console.render(block, console.options))
    calls: list[int] = []
    block._segments = lambda *args: calls.append(1) or iter(())  # type: ignore[method-assign]
    assert list(console.render(block, console.options)) == first
    assert not calls
    assert list(console.render(block, console.options.update_width(30))) == []
    assert calls == [1]


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(
        st.tuples(
            st.sampled_from(["", "  → ", "2026-05-01  ", "  6 Pain points: ", "x" * 30]),
            st.text(st.sampled_from("ab 客户，。\t\n"), max_size=80),
        ),
        max_size=6,
    ),
    width=st.integers(min_value=1, max_value=70),
)
def test_a_block_is_measured_as_it_is_drawn(parts: list[tuple[str, str]], width: int) -> None:
    """A block's height, counted without drawing what surely fits, is the lines drawn."""
    block = Block([hanging(p, text) if p else Text(text) for p, text in parts])
    console = Console(width=width, color_system=None, legacy_windows=False)
    drawn = sum(s.text.count("\n") for s in console.render(Block(block.parts), console.options))
    assert block.height(console, console.options) == drawn
