"""The commitments list keeps what was promised in sight (walk D14): at 80 columns the
"Commitment" column had no room at all; the state, owner and customer columns give way
first, and take their width back when the terminal widens."""

from __future__ import annotations

import pytest

from tests.conftest import settle

HEADING = {"en": "Commitment", "zh": "承诺"}


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
        await settle(pilot)
        table = app.screen.query_one("#commitments-table")
        room = table.scrollable_content_region.width
        columns = _shown_columns(table)
        label, start, end = columns[-1]
        assert label == HEADING[lang]
        assert end <= room  # every column in sight, none past the right edge
        assert end - start >= room // 3, columns  # what was promised: the most room
        assert table.virtual_size.width <= room  # nothing to scroll sideways to
        await pilot.resize_terminal(200, 30)
        await settle(pilot)
        assert all(column.auto_width for column in table.columns.values())  # whole again
