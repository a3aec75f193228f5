"""Live from the plan on a visit planned for another day asks once, as home does (walk D14:
the plan opened the live screen for a visit days ahead without asking): enter starts the
meeting, esc stays on the plan. Keys as a terminal sends them, both languages."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from tests.pty_terminal import Terminal
from tests.test_conventions_pty import demo_env  # noqa: F401 (a fixture)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

ASK = {"en": "Start the meeting now?", "zh": "现在开始会议吗？"}
PLAN = {"en": "Plan · Northwind", "zh": "计划 · Northwind"}
LIVE_KEY = {"en": "^t Commitment", "zh": "^t 承诺"}


def _status(env) -> tuple[str, str]:
    db = sqlite3.connect(env["INTERVIEW_TUI_DB"])
    try:
        [(status, day)] = db.execute(
            "SELECT v.status, date(v.date) FROM visits v JOIN customers c ON c.id = v.customer_id"
            " WHERE c.name LIKE 'Northwind%' AND v.status != 'done'"
        )
    finally:
        db.close()
    return status, day


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_live_from_the_plan_asks_about_another_day(demo_env, lang: str) -> None:  # noqa: F811
    env = {**demo_env, "INTERVIEW_TUI_LANG": lang}
    status, day = _status(env)
    assert status == "planned"
    term = Terminal([], env, size=(80, 24))
    try:
        term.wait_for_screen("Northwind")
        term.drain(0.3)
        term.send(b"\r")
        term.wait_for_screen(PLAN[lang])
        term.send(b"l")
        screen = term.wait_for_screen(ASK[lang])
        assert day in screen  # the day it is planned for
        term.send(b"\x1b")  # esc: not now
        term.wait_for_screen(ASK[lang], gone=True)
        assert PLAN[lang] in term.screen()
        assert _status(env)[0] == "planned"
        term.send(b"l")
        term.wait_for_screen(ASK[lang])
        term.send(b"\r")  # enter: start
        term.wait_for_screen(LIVE_KEY[lang])
    finally:
        term.kill()
    assert _status(env)[0] == "live"
