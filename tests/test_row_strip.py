"""At 80 columns a commitment's or a requirement's column is cut; the highlighted one is read
in full under the list, and follows the cursor."""

from __future__ import annotations

import pytest

from interview_tui.tui.row_strip import RowStrip
from tests.conftest import settle


@pytest.mark.parametrize("route", ["commitments", "requirements"])
async def test_the_highlighted_row_is_read_in_full_at_80_columns(make_app, route) -> None:
    app = make_app(route)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        strip = app.screen.query_one(RowStrip)
        texts = []
        for _ in range(3):
            row = app.screen.selected()
            text = (
                row.commitment.text
                if route == "commitments"
                else (row.requirement.title or row.requirement.pain)
            )
            assert text in str(strip.content) and row.customer in str(strip.content)
            texts.append(str(strip.content))
            await pilot.press("down")
            await settle(pilot)
        assert len(set(texts)) == 3  # it follows the cursor
        long = max(texts, key=len)
        assert len(long) > 40  # longer than the column shows at this width


async def test_hostile_text_is_shown_literally_in_the_strip(make_app, demo_store) -> None:
    from interview_tui.domain.models import Commitment

    visit = demo_store.visits()[0]
    hostile = "[b]Evil[/b] \x1b[31mRED [/] [link=x]y[/link]"
    demo_store.save(Commitment(visit_id=visit.id, text=hostile, owner_name="[red]me"))
    app = make_app("commitments", filter="all")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#commitments-table")
        for _ in range(table.row_count):
            if (row := app.screen.selected()).commitment.text == hostile:
                break
            table.action_cursor_down()
            await settle(pilot)
        assert row.commitment.text == hostile
        shown = str(app.screen.query_one(RowStrip).content)
        assert f"{row.customer}: [b]Evil[/b] ␛[31mRED [/] [link=x]y[/link]" == shown
