"""The commitments list keeps what was promised in sight (walk D14): at 80 columns the
"Commitment" column had no room at all; the state, owner and customer columns give way
first, and take their width back when the terminal widens."""

from __future__ import annotations

import pytest

from tests.conftest import settle

HEADING = {"en": "Commitment", "zh": "承诺"}


async def _at_80_columns(pilot, table_id: str, heading: str):
    """The table, its room, its columns as drawn, and its last column's (start, end), which
    must be ``heading``, in sight."""
    await settle(pilot)
    table = pilot.app.screen.query_one(table_id)
    room = table.scrollable_content_region.width
    columns = _shown_columns(table)
    label, start, end = columns[-1]
    assert label == heading
    assert end <= room  # every column in sight, none past the right edge
    return table, room, columns, (start, end)


def _shown_columns(table) -> list[tuple[str, int, int]]:
    """(label, first cell, last cell) of each column as drawn."""
    x, out = 0, []
    for column in table.columns.values():
        width = column.get_render_width(table)
        out.append((str(column.label), x, x + width))
        x += width
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_what_was_promised_has_the_room(make_app, lang: str) -> None:
    app = make_app("commitments", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        table, room, columns, (start, end) = await _at_80_columns(
            pilot, "#commitments-table", HEADING[lang]
        )
        widths = [e - s for _, s, e in columns]
        # what was promised: the most room (and 3/10 of it at least, with the state's
        # "OVERDUE · late 999 d" beside it at 80 columns)
        assert end - start == max(widths) and end - start >= room * 3 // 10, columns
        assert table.virtual_size.width <= room  # nothing to scroll sideways to
        await pilot.resize_terminal(200, 30)
        await settle(pilot)
        assert all(column.auto_width for column in table.columns.values())  # whole again


LATE = {
    "en": ("OVERDUE · late 16 d", "OVERDUE · late 16 d, first due 2026-11-08"),
    "zh": ("已逾期 · 迟 16 天", "已逾期 · 迟 16 天，原定 2026-11-08"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_late_promise_says_how_late_in_a_narrow_list(make_app, lang: str) -> None:
    """At 80 columns the state column gave way until a late promise read ``OVERDUE ·``:
    it keeps how many days late (the late note in full is in the line under the list),
    and the whole note when the terminal is wide."""
    short, full = LATE[lang]
    app = make_app("commitments", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        row = _row_of(app, "2026-11-08")
        assert short in row and full not in row, row
        await pilot.resize_terminal(200, 30)
        await settle(pilot)
        assert full in _row_of(app, "2026-11-08")


def _row_of(app, due: str) -> str:
    """The list's line for the promise due on ``due``, as drawn."""
    lines = _screen_text(app).splitlines()
    return next(line for line in lines if line.strip().startswith(due))


def _screen_text(app) -> str:
    """The commitments table as drawn, line by line."""
    table = app.screen.query_one("#commitments-table")
    lines = []
    for y in range(table.size.height):
        strip = table.render_line(y)
        lines.append("".join(segment.text for segment in strip).strip())
    return "\n".join(lines)


@pytest.mark.parametrize(("lang", "heading"), [("en", "Requirement"), ("zh", "需求")])
async def test_the_pool_keeps_the_requirement_in_sight_at_80_columns(make_app, lang, heading):
    """At 80 columns the pool showed group, state, customer, customers and raised, and the
    requirement itself (and its conflict mark) lay past the right edge."""
    app = make_app("requirements", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        table, _room, columns, (start, end) = await _at_80_columns(pilot, "#pool", heading)
        assert end - start >= 20, columns
        await pilot.resize_terminal(200, 30)
        await settle(pilot)
        assert all(c.auto_width for c in table.columns.values())  # full widths back
