"""``f1`` lists this app's keys, grouped, in the user's language; ``ctrl+p`` offers the
screen's commands first, each with its keys; neither shows Textual's generic panel."""

from __future__ import annotations

import re

from rich.console import Console
from textual.command import CommandList
from textual.widgets import Input, Static

from interview_tui.tui.help_screen import HelpScreen
from tests.conftest import settle

#: words that may stay in Latin letters in a Chinese screen: key names and the product name
KEY_WORDS = {
    "esc",
    "alt",
    "home",
    "end",
    "ctrl",
    "super",
    "tab",
    "del",
    "interview",
    "tui",
    "enter",
    "json",
    "ics",
    "csv",
}


def _help_text(app) -> str:
    console = Console(width=160, record=True, color_system=None)
    for static in app.screen.query(Static):
        console.print(static.content)
    return console.export_text()


async def _open_help(pilot) -> str:
    await pilot.press("f1")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HelpScreen)
    return _help_text(pilot.app)


async def test_f1_on_live_lists_the_meeting_keys_grouped_and_goals_by_name(make_app) -> None:
    app = make_app("live", visit_id=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = await _open_help(pilot)
        order = [
            "Capture",
            "^t",
            "Commitment",
            "Notes and goals",
            "Goal 6: Pain points",
            "Moving through the script",
            "The meeting",
            "Everywhere",
            "Editing text",
        ]
        assert [text.index(word) for word in order] == sorted(text.index(w) for w in order)
        assert re.search(r"\^y 6, alt\+6\s+Goal 6: Pain points", text), text
        assert "⌥" not in text  # a Mac's Option characters are text unless option_keys is on
        assert "Cursor left" not in text and "Goal {number}" not in text
        assert not re.search(r"\^y[^\n]*Redo", text)  # ctrl+y is the leader here, not redo
        await pilot.press("f1")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_f1_shows_the_option_keys_when_the_setting_is_on(make_app) -> None:
    app = make_app("live", visit_id=4, option_keys=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = await _open_help(pilot)
        assert re.search(r"\^y 6, alt\+6, ⌥6\s+Goal 6: Pain points", text), text
        assert re.search(r"\^y s, alt\+s, ⌥s\s+Skip", text), text


async def test_f1_in_chinese_has_no_english_words(make_app) -> None:
    for route, kwargs in (("live", {"visit_id": 4}), ("commitments", {}), ("home", {})):
        app = make_app(route, lang="zh", **kwargs)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            text = await _open_help(pilot)
            words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)} - KEY_WORDS
            assert not words, f"{route}: English in the zh help: {sorted(words)}"
            assert "{" not in text


async def test_palette_offers_the_screen_commands_first_with_their_keys(make_app) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.pause(0.3)
        prompts = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert prompts[0].startswith("Done  (x)"), prompts[:3]
        joined = "\n".join(prompts)
        for generic in ("Screenshot", "Theme", "Maximize", "Keys"):
            assert generic not in joined
        assert "Quit  (^q)" in joined and "Help  (f1)" in joined


async def test_palette_in_chinese_and_a_goal_by_name(make_app) -> None:
    app = make_app("live", lang="zh", visit_id=4)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        field = app.screen.query_one(Input)
        assert field.placeholder == "输入以查找本页的命令…"
        await pilot.press(*"目标 6")
        await pilot.pause(0.5)
        prompts = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert prompts and prompts[0].startswith("目标 6：痛点"), prompts
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.session.note_for(app.screen.item).goal.value == "pain_points"


async def test_f1_in_a_dialog_lists_the_dialog_keys_that_work_there(make_app) -> None:
    app = make_app("live", visit_id=4)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        text = await _open_help(pilot)
        assert "Save" in text and "Commands" in text
        assert "Quit" in text  # ctrl+q works in a dialog too (asking first what was typed)
        await pilot.press("f1")
        await settle(pilot)
        assert type(app.screen).__name__ == "CommitmentDialog"
