"""What the review lists say and where their cursor is: back from a detail view the cursor is
on the row the user left (the pool and the commitments list put it on the first row, so the
next key acted on another record); done and drop say which they are."""

from __future__ import annotations

import pytest

from tests.conftest import settle


def _key(screen) -> str:
    from interview_tui.tui.paging import PagedTable

    table = screen.query_one(PagedTable)
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


@pytest.mark.parametrize("route", ["requirements", "commitments"])
async def test_back_from_a_detail_the_cursor_is_on_the_same_row(make_app, route) -> None:
    app = make_app(route)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        list_screen = app.screen
        await pilot.press("down", "down", "down")
        await settle(pilot)
        left = _key(list_screen)
        assert list_screen.query_one("PagedTable").cursor_row == 3
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not list_screen  # the detail view
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is list_screen
        assert _key(list_screen) == left
        assert list_screen.query_one("PagedTable").cursor_row == 3


async def test_a_row_gone_meanwhile_leaves_the_cursor_at_its_place(make_app, demo_store) -> None:
    """The requirement under the cursor was deleted elsewhere: the cursor stays where it was
    (on the next one), not back at the top."""
    app = make_app("requirements")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("down", "down")
        await settle(pilot)
        gone = _key(screen)
        from interview_tui.domain.models import Requirement

        demo_store.delete(Requirement, int(gone))
        screen.reload_after_saves()
        await settle(pilot)
        table = screen.query_one("PagedTable")
        assert gone not in table.rows
        assert table.cursor_row == 2


@pytest.mark.parametrize(
    ("lang", "done", "drop", "reason"),
    [("en", "Done: ", "Drop: ", "Why it is dropped"), ("zh", "完成：", "放弃：", "放弃的原因")],
)
async def test_done_and_drop_say_which_they_are(make_app, lang, done, drop, reason) -> None:
    """``x`` and ``z`` opened the same dialog ("Close: …" / "结清：…"): dropping a promise
    takes it out of the customer's recap, so the dialog says which it is and asks why."""
    from textual.widgets import Label, Static

    app = make_app("commitments", lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key, title, label in (("x", done, None), ("z", drop, reason)):
            await pilot.press(key)
            await settle(pilot)
            dialog = app.screen
            assert str(dialog.query_one(".dialog-title", Static).render()).startswith(title)
            labels = " ".join(str(w.render()) for w in dialog.query(Label))
            assert (label or reason) in labels if label else reason not in labels
            await pilot.press("escape")
            await settle(pilot)
