"""Bad values in settings.toml (issue 25, "Settings"): one line says how many were ignored
and names the key that lists them; that list shows each problem (file, key, value, why,
fix) in the interface's language. Four toasts, one per value, covered half of home."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from interview_tui.tui.confirm import SettingsProblemsDialog
from tests.conftest import settle
from tests.pty_terminal import Terminal, copy_demo_database

#: four bad values and one good one
BAD = """name = "Ana"
theme = "solarized"
alarm_days_before = 99
alarm_time = "25:99"
email = "not an address"
"""


@pytest.fixture
def bad_settings(tmp_path: Path) -> Path:
    path = Path(os.environ["INTERVIEW_TUI_CONFIG_DIR"]) / "settings.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BAD, encoding="utf-8")
    return path


@pytest.fixture
def bad_settings_here(tmp_path: Path, monkeypatch) -> Path:
    """The same file in ``./config``: a snapshot shows the same path on every run."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", "config")
    path = Path("config") / "settings.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BAD, encoding="utf-8")
    return path


def _toasts(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def _screen_text(app) -> str:
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in app.screen._compositor.render_strips()
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "settings.toml: 4 values ignored — ! to read"), ("zh", "settings.toml：4 个值未采用")],
)
async def test_four_bad_values_are_one_line_and_a_key_lists_them(
    make_app, bad_settings, lang, said
) -> None:
    app = make_app("home", lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        toasts = _toasts(app)
        assert len(toasts) == 1 and toasts[0].startswith(said), toasts
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert isinstance(app.screen, SettingsProblemsDialog)
        text = _screen_text(app)
        problems = app.screen.problems
        assert sorted(p.key for p in problems) == [
            "alarm_days_before",
            "alarm_time",
            "email",
            "theme",
        ]
        for problem in problems:
            assert problem.where == str(bad_settings) and problem.reason and problem.fix
        for value in ("'solarized'", "99", "'25:99'", "'not an address'"):
            assert value in text, text
        labels = (
            ("File", "Key", "Value", "Why", "Fix")
            if lang == "en"
            else ("文件", "设置项", "原因", "改法")
        )
        for label in labels:
            assert label in text, text
        if lang == "zh":  # why and how to fix, in Chinese
            assert "不在 0 到 30 之间" in text and "请写 0 到 30 之间的整数天数" in text, text
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsProblemsDialog)


async def test_good_settings_say_nothing(make_app, bad_settings) -> None:
    bad_settings.write_text('name = "Ana"\n', encoding="utf-8")
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert _toasts(app) == []


def test_each_problem_keeps_its_one_line_for_the_command_line(bad_settings) -> None:
    from interview_tui.settings import load_settings

    loaded = load_settings()
    assert len(loaded.issues) == 4
    assert loaded.problems == [str(issue) for issue in loaded.issues]
    assert all(
        re.search(rf"{issue.key} = ", line)
        for issue, line in zip(loaded.issues, loaded.problems, strict=True)
    )


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_settings_line_snapshot(snap_compare, make_app, bad_settings_here, lang, size) -> None:
    """Home with the one line (not four toasts)."""
    assert snap_compare(make_app("home", lang=lang), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_settings_problems_snapshot(snap_compare, make_app, bad_settings_here, lang, size) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        await settle(pilot)

    assert snap_compare(make_app("home", lang=lang), terminal_size=size, run_before=run_before)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_the_key_in_the_line_opens_the_list_in_a_pty(tmp_path, bad_settings) -> None:
    env = {
        **os.environ,
        "INTERVIEW_TUI_DB": str(tmp_path / "demo.db"),
        "INTERVIEW_TUI_LANG": "en",
    }
    copy_demo_database(tmp_path / "demo.db")
    term = Terminal([], env, size=(80, 24))
    try:
        term.wait_for_screen("4 values ignored")
        term.send(b"!")
        screen = term.wait_for_screen("not between 0 and 30")
        assert "Key   alarm_days_before" in screen, screen
        term.send(b"\x1b")
        term.wait_for_screen("not between 0 and 30", gone=True)
    finally:
        term.kill()
