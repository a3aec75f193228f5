"""The pool's summary line follows a move (and its undo); the list shows the day each
requirement was raised (its visit's date); the requirement detail view draws nothing until
its record is read (never an empty form showing the default group as if it were the
requirement's)."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import DataTable, Static

from interview_tui.domain.enums import PoolGroup
from interview_tui.domain.models import Visit
from interview_tui.services import requirement_pool as pool
from tests.conftest import settle

COUNTS = {
    "en": ("In progress {a} · Next iteration {b}", "Raised"),
    "zh": ("进行中 {a} · 下个迭代 {b}", "提出日期"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_summary_line_follows_a_move_and_its_undo(make_app, demo_store, lang) -> None:
    app = make_app("requirements", lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        counts = app.screen.query_one("#pool-counts", Static)
        page = pool.read_pool(demo_store)
        a, b = (page.per_group.get(g, 0) for g in (PoolGroup.IN_PROGRESS, PoolGroup.NEXT_ITERATION))
        line, raised = COUNTS[lang]
        assert line.format(a=a, b=b) in str(counts.render())
        target = app.screen.selected().requirement
        assert target.group is PoolGroup.IN_PROGRESS
        await pilot.press("2")
        await settle(pilot)
        assert line.format(a=a - 1, b=b + 1) in str(counts.render())
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert line.format(a=a, b=b) in str(counts.render())
        table = app.screen.query_one(DataTable)
        assert [str(c.label) for c in table.columns.values()][4] == raised
        visit = demo_store.get(Visit, target.visit_id)  # raised in that visit, on its day
        assert str(table.get_row(str(target.id))[4]) == visit.date.date().isoformat()


async def test_the_detail_view_draws_no_form_before_its_record(
    make_app, demo_store, monkeypatch
) -> None:
    release = threading.Event()
    real = pool.pool_row

    def slow(store, requirement_id):
        release.wait(10)
        return real(store, requirement_id)

    monkeypatch.setattr(pool, "pool_row", slow)
    target = pool.read_pool(demo_store).rows[0].requirement
    app = make_app("requirement", requirement_id=target.id)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.2)
        assert not app.screen.query_one("#detail").display  # still reading: nothing drawn
        release.set()
        await settle(pilot)
        assert app.screen.query_one("#detail").display
        assert app.screen.query_one("#group").value == target.group.value
