"""A key that opens a dialog after a read (share, archive, the status menu): the keys typed
right after it go to the dialog when it opens, not to the screen under it. `S` then
`enter` at once opened the visit under the share dialog."""

from __future__ import annotations

from interview_tui.domain.models import Visit
from interview_tui.tui.textual_private import notifications
from tests.conftest import settle
from tests.test_team_line import DONE_VISIT, in_team


async def test_enter_right_after_share_answers_the_dialog(make_app, demo_store, tmp_path) -> None:
    in_team(demo_store, tmp_path)
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        table = home.query_one("#visits")
        table.move_cursor(row=table.get_row_index(str(DONE_VISIT)))
        app.simulate_key("S")  # as a terminal sends them: together, nothing in between
        app.simulate_key("enter")
        await settle(pilot)
        assert app.screen is home  # the plan did not open under the dialog
        assert demo_store.get(Visit, DONE_VISIT).shared_at is None  # Cancel had the focus
        assert any(n.message.startswith("Not shared") for n in notifications(app))


async def test_keys_after_status_go_to_its_menu(make_app, demo_store) -> None:
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        home.query_one("#visits").focus()
        app.simulate_key("s")
        app.simulate_key("escape")  # closes the menu, not home's focus or anything under it
        app.simulate_key("e")  # then home's e: the visit's form
        await settle(pilot)
        assert type(app.screen).__name__ == "VisitFormScreen"


async def test_a_read_that_fails_lets_the_keys_go_on(make_app, demo_store, monkeypatch) -> None:
    from interview_tui.team import actions

    def broken(*_args):
        raise OSError("disk gone")

    monkeypatch.setattr(actions, "share_summary", broken)
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.simulate_key("S")
        app.simulate_key("slash")  # search: the key still acts once the read has failed
        await settle(pilot)
        assert type(app.screen).__name__ == "SearchScreen"


async def test_keys_wait_through_two_reads_for_the_delete_dialog(make_app, demo_store) -> None:
    """Delete for good reads whether the team holds the record, then what goes with it,
    then asks: esc typed at once closes that dialog (the first read's end did not let it
    through to home, where esc would have done something else)."""
    from interview_tui.services import archive

    visit = demo_store.all(Visit)[0]
    archive.set_archived(demo_store, "visit", visit.id or 0, True)
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        await pilot.press("h")  # the archived view
        await settle(pilot)
        home.query_one("#visits").focus()
        app.simulate_key("ctrl+d")
        app.simulate_key("escape")  # the dialog's Cancel
        app.simulate_key("e")  # then home's e on the archived visit
        await settle(pilot)
        assert demo_store.get(Visit, visit.id or 0) is not None  # nothing deleted
        assert type(app.screen).__name__ == "VisitFormScreen"


async def test_a_key_typed_right_after_quit_opens_nothing(make_app) -> None:
    """`q` then `e` in one burst quit, then opened the visit form on the closing app, whose
    fields were gone: a traceback after the app had closed."""
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.query_one("#visits").focus()
        app.simulate_key("q")
        app.simulate_key("e")
        await pilot.pause(0.3)
    assert app.return_code in (0, None)
    assert not [s for s in app.screen_stack if type(s).__name__ == "VisitFormScreen"]
