"""The export screen at 80×24 (walk D9): every focus stop is in sight, with the preview
between the form and the key bar, and a file already there is replaced only when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region

from tests.conftest import settle


def _in_sight(app) -> None:
    """The focused widget lies whole between the header and the key bar."""
    screen = app.screen
    focused = screen.focused
    assert focused is not None
    header = screen.query_one("Header").region
    keybar = screen.query_one("KeyBar").region
    shown = Region(0, header.bottom, app.size.width, keybar.y - header.bottom)
    region = focused.region
    assert region.height > 0 and shown.contains_region(region), (focused, region, shown)
    assert screen.scroll_y == 0  # the screen itself never scrolls the header over a field


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_every_focus_stop_is_in_sight_both_ways(
    make_app, tmp_path: Path, monkeypatch, lang: str
) -> None:
    monkeypatch.setenv("INTERVIEW_TUI_EXPORT_FOLDER", str(tmp_path / "out"))
    app = make_app("export", visit_id=1, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        preview = app.screen.query_one("#preview")
        assert preview.region.height >= 8  # the preview is there to be read
        stops = []
        for key in ["tab"] * 6 + ["shift+tab"] * 6:
            await pilot.press(key)
            await settle(pilot)
            _in_sight(app)
            stops.append(app.screen.focused.id)
        assert set(stops) == {"format", "path", "personal", "write", "preview"}


async def test_a_written_file_is_replaced_only_when_asked(
    make_app, tmp_path: Path, monkeypatch
) -> None:
    """Written once; Enter on the button asks; other bytes (personal notes ticked) ask
    again, whatever key asked the first time."""
    monkeypatch.setenv("INTERVIEW_TUI_EXPORT_FOLDER", str(tmp_path / "out"))
    app = make_app("export", visit_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        [written] = (tmp_path / "out").iterdir()
        written.write_text("mine")  # what must not be replaced unasked
        app.screen.query_one("#write").focus()
        await pilot.press("enter")
        await settle(pilot)
        message = str(app.screen.query_one("#export-message").content)
        assert "exists" in message and written.read_text() == "mine"
        app.screen.query_one("#personal").focus()
        await pilot.press("space")  # personal notes: another file than the one asked about
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert written.read_text() == "mine"
        await pilot.press("ctrl+s")  # asked, confirmed
        await settle(pilot)
        assert written.read_text() != "mine"


def test_shift_tab_after_writing_lands_in_sight_in_a_terminal(tmp_path: Path, monkeypatch) -> None:
    """The walk's keys, as a terminal sends them: tab to Write file, enter, shift+tab three
    times: the Format field shows its focus mark, and enter there opens its list. The
    first enter may come before the preview: the file still goes to the export folder."""

    from tests.pty_terminal import Terminal, make_demo_env

    env = {**make_demo_env(tmp_path), "INTERVIEW_TUI_EXPORT_FOLDER": str(tmp_path / "out")}
    monkeypatch.chdir(tmp_path)  # not the export folder: nothing may land here
    term = Terminal([], env, size=(80, 24))
    try:
        term.wait_for_screen("Northwind")
        term.drain(0.3)
        term.send(b"x")
        term.wait_for_screen("Write file")
        term.send(b"\t\t\t\r")
        term.wait_for_screen("Wrote")
        [written] = (tmp_path / "out").iterdir()
        written.write_text("mine")
        term.send(b"\x1b[Z\x1b[Z\x1b[Z")
        screen = term.wait_for_screen("▌Customer recap (Markdown)")
        assert screen.splitlines()[1].strip() == "Format"  # under the header, not behind it
        assert "Thank you" in screen  # the preview shows
        term.send(b"\r")
        term.wait_for_screen("Whole visit (JSON)")  # the list opened: nothing written
        assert written.read_text() == "mine"
    finally:
        term.kill()
    assert not list(tmp_path.glob("visit-*"))
