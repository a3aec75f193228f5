"""Home after planning a new visit, in a real terminal, from an empty database: the new
visit is highlighted and has the keys (enter opens its plan), and the list with the keys
says so in its title with a mark, not only with a colour."""

from __future__ import annotations

import os
import sys

import pytest

from tests.pty_terminal import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

CTRL_S, ESC, TAB, ENTER = b"\x13", b"\x1b", b"\t", b"\r"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_enter_after_planning_a_visit_opens_its_plan(tmp_path, lang: str) -> None:
    env = {
        **os.environ,
        "INTERVIEW_TUI_DB": str(tmp_path / "walk.db"),
        "INTERVIEW_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "INTERVIEW_TUI_LANG": lang,
    }
    saved = {"en": ("Customer saved", "Visit saved"), "zh": ("客户已保存", "拜访已保存")}[lang]
    home = {"en": "— Home", "zh": "— 首页"}[lang]
    term = Terminal([], env, size=(80, 24))
    try:
        term.wait_for_screen("interview-tui")
        term.drain(0.3)
        term.send(b"c")
        term.send(b"Northwind Fintech")
        term.wait_for_screen("Northwind Fintech")
        term.send(CTRL_S)
        term.wait_for_screen(saved[0])
        term.send(ESC)
        term.wait_for_screen(home)
        term.wait_for_screen("Northwind F…")  # the customer in its list
        term.send(b"n")
        term.wait_for_screen("60")  # the visit form (its length)
        term.send(TAB * 3 + b"Quarterly review")  # customer, date, length, purpose
        term.wait_for_screen("Quarterly review")
        term.send(CTRL_S)
        term.wait_for_screen(saved[1])
        term.send(ESC)
        term.wait_for_screen(home)
        screen = term.wait_for_screen("Quarterly")
        lines = screen.splitlines()
        assert lines[1].startswith("▶ "), screen  # the visit list has the keys: marked
        assert not any("▶" in line.split("│")[-1] for line in lines), screen  # not the side
        term.send(ENTER)
        # the plan's title names the visit's day; the customer's has no day
        term.wait_for_screen("Northwind Fintech · 20", timeout=20)
    finally:
        term.kill()
