"""Home screen: visits, customers, commitment counts; keys and the command palette."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from interview_tui.tui.home.screen import HomeScreen


async def _ready(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_home_lists_visits_customers_and_counts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        visits = app.screen.query_one("#visits", DataTable)
        assert visits.row_count == 4
        first_row = visits.get_row_at(0)
        assert str(first_row[0]).startswith("▶")  # upcoming first
        customers = app.screen.query_one("#customers", DataTable)
        assert customers.row_count == 2
        counts = str(app.screen.query_one("#commitment-counts").render())
        assert "5 open" in counts and "3 overdue" in counts


async def test_empty_database_says_what_to_do(store) -> None:
    from interview_tui.tui.app import build_app

    app = build_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        assert app.screen.query_one("#visits", DataTable).row_count == 0
        assert any("interview-tui demo" in n.message for n in app._notifications)


async def test_command_palette_lists_screen_bindings(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        commands = [command.title for command in app.get_system_commands(app.screen)]
        assert any(title.startswith("Commitments") for title in commands)
        assert any(title.startswith("New visit") for title in commands)


async def test_bindings_speak_chinese(make_app) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "新拜访" in descriptions and "承诺" in descriptions


async def test_user_keymap_remaps_by_binding_id(make_app, tmp_path) -> None:
    from interview_tui.tui.app import InterviewApp

    app = make_app()
    assert isinstance(app, InterviewApp)
    app._keymap = {"home.new_customer": "ctrl+k"}
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        keys = {key for key, b in app.screen.active_bindings.items()
                if b.binding.id == "home.new_customer"}  # fmt: skip
        assert keys == {"ctrl+k"}


def test_bad_keymap_is_a_clear_error(tmp_path) -> None:
    from interview_tui.errors import UserError
    from interview_tui.tui.app import load_keymap

    path = tmp_path / "keymap.toml"
    path.write_text('"home.new_visit" = 3\n')
    with pytest.raises(UserError, match=r"keymap\.toml: home\.new_visit"):
        load_keymap(path)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_home_snapshot(snap_compare, make_app, lang, size) -> None:
    """You should see the four demo visits (two upcoming marked ▶), two customers and
    "5 open · 3 overdue" commitments, with the footer's keys in the chosen language."""

    async def ready(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=ready)
