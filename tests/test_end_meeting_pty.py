"""Ending the meeting from the read-back, in a real terminal at the sizes a laptop gives:
the question ctrl+e asks and the keys that answer it are on the screen, not below it."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from tests.pty_terminal import Terminal
from tests.test_conventions_pty import demo_env  # noqa: F401 (a fixture)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

CTRL_Y, CTRL_E = b"\x19", b"\x05"
ASK = {"en": "End the meeting?", "zh": "结束会议？"}
HOME = {"en": "interview-tui — Home", "zh": "interview-tui — 首页"}
KEY = {"en": "^e End meeting", "zh": "^e 结束会议"}
TITLE = {"en": "Confirm back", "zh": "当面确认"}


@pytest.mark.parametrize(
    ("lang", "size"), [("en", (80, 24)), ("zh", (80, 24)), ("en", (60, 20)), ("zh", (40, 12))]
)
def test_ending_the_meeting_asks_in_sight(demo_env, lang: str, size) -> None:  # noqa: F811
    env = {**demo_env, "INTERVIEW_TUI_LANG": lang}
    term = Terminal(["live", "4"], env, size=size)
    try:
        term.wait_for_screen("1/12")
        term.drain(0.3)
        term.send(CTRL_Y + b"c")
        term.wait_for_screen(TITLE[lang])
        screen = term.wait_for_screen(KEY[lang])  # the key that ends it, on the bottom line
        assert KEY[lang] in screen.splitlines()[-1] or KEY[lang] in screen.splitlines()[-2]
        term.send(b"Joint test on 12-10" + CTRL_E)
        screen = term.wait_for_screen(ASK[lang])  # asked, in sight
        assert "Joint test on 12-10" in screen
        term.send(CTRL_E)
        term.wait_for_screen(HOME[lang])  # back on the screen the meeting was opened from
    finally:
        term.kill()
    db = sqlite3.connect(env["INTERVIEW_TUI_DB"])
    try:
        [(status, next_step)] = db.execute("SELECT status, next_step FROM visits WHERE id = 4")
    finally:
        db.close()
    assert (status, next_step) == ("done", "Joint test on 12-10")
