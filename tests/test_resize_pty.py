"""Resizing a real terminal: the screen is laid out again for the new size, both ways.

The window size is changed as a window manager changes it (the pty's winsize, then
SIGWINCH), and the screen is read through a terminal emulator.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from interview_tui.store import open_store
from tests.pty_terminal import Terminal, copy_demo_database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


@pytest.fixture(scope="module")
def zh_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    db = tmp_path_factory.mktemp("resize") / "demo.db"
    copy_demo_database(db)  # the demo is the same in every language
    return {**os.environ, "INTERVIEW_TUI_DB": str(db), "INTERVIEW_TUI_LANG": "zh-CN"}


def _chinese_purposes(env: dict[str, str]) -> list[str]:
    store = open_store(Path(env["INTERVIEW_TUI_DB"]))
    try:
        rows = store.query("SELECT purpose FROM visits")
        return [r["purpose"] for r in rows if r["purpose"] and not r["purpose"].isascii()]
    finally:
        store.close()


def _visits_pane(screen: str) -> str:
    """The text left of the side pane's border, without spaces: a purpose wrapped over
    several lines reads as one (the other columns are blank on its continuation lines)."""
    lines = screen.splitlines()[1:-2]  # no header, no key bar
    return "".join(line.rsplit("│", 1)[0] for line in lines if "│" in line).replace(" ", "")


def _wait_for_whole(term: Terminal, purposes: list[str], timeout: float = 15) -> str:
    end = time.perf_counter() + timeout
    while True:
        pane = _visits_pane(term.screen())
        if all(p.replace(" ", "") in pane for p in purposes):
            return pane
        if time.perf_counter() > end:
            raise AssertionError(f"a purpose is cut:\n{term.screen()}")
        term.read(0.05)


def test_home_columns_follow_the_terminal_from_120_to_80_and_back(zh_env) -> None:
    """Chinese purposes stay whole (wrapped, never cut in the middle) after each resize:
    the customer column shrinks with the names cut for 80 columns and grows again."""
    purposes = _chinese_purposes(zh_env)
    assert purposes, "the demo has Chinese purposes"
    term = Terminal([], zh_env, size=(120, 36))
    try:
        term.wait_for_screen("Northwind Logistics")
        _wait_for_whole(term, purposes)
        term.resize(80, 24)
        term.wait_for_screen("Northwind Logistics", gone=True)  # names cut for 80 columns
        _wait_for_whole(term, purposes)
        term.resize(120, 36)
        term.wait_for_screen("Northwind Logistics")
        _wait_for_whole(term, purposes)
    finally:
        term.kill()
