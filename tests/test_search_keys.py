"""Moving between the query and the hits with the arrows: ↓ from the query goes to the first
hit, ↑ on the first hit goes back to the query, and typing there lands in it."""

from __future__ import annotations

from interview_tui.tui.text import SafeTable
from tests.conftest import settle


async def test_down_from_the_query_reaches_the_hits_and_up_comes_back(make_app) -> None:
    app = make_app("search", query="对账")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#hits", SafeTable)
        assert table.row_count >= 2
        assert screen.focused.id == "query"
        await pilot.press("down")
        assert screen.focused is table and table.cursor_row == 0
        await pilot.press("down")
        assert table.cursor_row == 1
        await pilot.press("up", "up")
        assert screen.focused.id == "query"
        await pilot.press("x")
        await settle(pilot)
        assert screen.query_one("#query").value == "对账x"


async def test_down_with_nothing_found_stays_in_the_query(make_app) -> None:
    app = make_app("search", query="ZZNOTHINGMATCHES")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "y")
        assert app.screen.focused.id == "query"
        assert app.screen.query_one("#query").value == "ZZNOTHINGMATCHESy"


async def test_a_symbol_alone_is_said_unsearchable_not_missing(make_app, demo_store) -> None:
    """`£` alone said "Nothing found" though a note held it: symbols are not indexed."""
    from interview_tui.domain.models import Note

    demo_store.save(Note(visit_id=1, text="price in £ and 🎉"))
    app = make_app("search", query="£")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        said = str(app.screen.query_one("#search-empty").render())
        assert "has none" in said and "Nothing found" not in said


def test_the_command_says_a_symbol_alone_is_not_searched(demo_store) -> None:
    from click.testing import CliRunner

    from interview_tui.cli.main import cli
    from interview_tui.i18n import set_language

    result = CliRunner().invoke(cli, ["--lang", "en", "--db", demo_store.path, "search", "£"])
    set_language("en")
    assert "nothing to look for" in result.output, result.output
