"""Never lose a word: SIGKILL while typing, and two windows on one visit, in a real terminal."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from interview_tui.store import open_store
from tests.pty_terminal import Terminal, copy_demo_database

CTRL_N = b"\x0e"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def _demo(db: Path) -> dict[str, str]:
    copy_demo_database(db)
    return {**os.environ, "INTERVIEW_TUI_DB": str(db), "INTERVIEW_TUI_LANG": "en"}


def _notes(db: Path) -> list[str]:
    store = open_store(db)
    try:
        return [
            row["text"]
            for row in store.query(
                "SELECT text FROM notes WHERE visit_id = 2 AND kind = 'note' ORDER BY id"
            )
        ]
    finally:
        store.close()


def test_sigkill_while_typing_keeps_everything_older_than_a_second(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    env = _demo(db)
    term = Terminal(["live", "2"], env)
    try:
        term.wait_for(b"1/12")
        term.drain(0.3)
        term.type("Peak 2.3M rps on the final; ", delay=0.02)
        term.type("账单对不上要五天", delay=0.02)
        time.sleep(1.0)  # anything typed more than a second ago must be on disk
        term.type("xyz")  # typed just before the kill: may or may not be saved
    finally:
        term.kill()
    notes = _notes(db)
    assert any(text.startswith("Peak 2.3M rps on the final; 账单对不上要五天") for text in notes)
    store = open_store(db)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_two_windows_on_one_visit_do_not_corrupt_each_other(tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    env = _demo(db)
    first = Terminal(["live", "2"], env)
    second = Terminal(["live", "2"], env)
    try:
        first.wait_for(b"1/12")
        second.wait_for(b"1/12")
        second.send(CTRL_N)
        second.wait_for(b"2/12")
        for n in range(5):
            first.type(f"first window line {n}. ", delay=0.01)
            second.type(f"second window line {n}. ", delay=0.01)
        time.sleep(1.0)
    finally:
        first.kill()
        second.kill()
    notes = _notes(db)
    assert any("first window line 4." in text for text in notes)
    assert any("second window line 4." in text for text in notes)
    assert not any("first" in text and "second" in text for text in notes)
