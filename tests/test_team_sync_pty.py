"""The sync key in a real terminal: a real sync (a bare repository, hundreds of records)
runs while the user opens the search and types; no key is lost, the screen keeps answering,
and the result line appears."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from interview_tui.store import open_store
from tests.pty_terminal import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

#: a long string with no word the demo's data holds (the search finds nothing: quick)
TYPED = "qzx sync must not eat keys 0123456789 quick brown fox jumps over"


def _team_with_many_records(tmp_path: Path) -> Path:
    """A database in a team with every visit shared: its first sync sends ~1,000 records
    (several seconds, so the typing below happens while it runs)."""
    from interview_tui.services.demo import seed_demo
    from interview_tui.team.actions import share_visit
    from interview_tui.team.sync import init_team

    db = tmp_path / "pm" / "interview.db"
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    store = open_store(db)
    try:
        seed_demo(store, datetime.now().date(), extra_visits=100)
        init_team(store, str(remote), "platform", "ana@example.com", "Ana", datetime.now())
        for row in store.query("SELECT id FROM visits"):
            share_visit(store, row["id"], datetime.now())
    finally:
        store.close()
    return db


def test_sync_key_while_typing_loses_no_key_and_says_the_result(tmp_path: Path) -> None:
    db = _team_with_many_records(tmp_path)
    env = {**os.environ, "INTERVIEW_TUI_DB": str(db), "INTERVIEW_TUI_LANG": "en"}
    term = Terminal([], env, size=(80, 24))
    try:
        term.wait_for_screen("to send", timeout=60)
        term.send(b"\x06")  # ctrl+f: the sync starts
        term.wait_for_screen("syncing", timeout=30)
        start = time.perf_counter()
        term.send(b"/" + TYPED.encode())  # the search, and a long string in one burst
        shown = term.wait_for_screen(TYPED[-30:], timeout=60)
        answered = time.perf_counter() - start
        assert "syncing" in shown, "the sync ended before the typing: make it longer"
        term.send(b"\x06")  # a second press while it runs
        term.wait_for_screen("received", timeout=120)
        term.drain(0.3)  # the frame drawn whole
        screen = term.screen()
    finally:
        term.kill()
    assert TYPED[-30:] in screen, "a key typed during the sync was lost"
    line = next(row for row in screen.splitlines() if "Team:" in row)
    assert "sent" in line and "to send" not in line, line
    assert answered < 20, f"the screen took {answered:.1f} s to show what was typed"
    store = open_store(db)
    try:
        assert store.query("SELECT count(*) AS n FROM team_outbox")[0]["n"] == 0
    finally:
        store.close()


def test_share_then_enter_in_one_burst_answers_the_dialog(tmp_path: Path) -> None:
    """`S` and `enter` arriving together (a quick typist, a key repeat): the enter went to
    home's list, opening the visit under the share dialog; it answers the dialog, whose
    Cancel has the focus, so nothing is shared and the user is told."""
    from interview_tui.services.demo import seed_demo
    from interview_tui.team.sync import init_team

    db = tmp_path / "pm" / "interview.db"
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    store = open_store(db)
    try:
        seed_demo(store, datetime.now().date())
        init_team(store, str(remote), "platform", "ana@example.com", "Ana", datetime.now())
    finally:
        store.close()
    env = {**os.environ, "INTERVIEW_TUI_DB": str(db), "INTERVIEW_TUI_LANG": "en"}
    term = Terminal([], env, size=(80, 24))
    try:
        term.wait_for_screen("Team:", timeout=60)
        term.send(b"S\r")
        shown = term.wait_for_screen("Not shared", timeout=30)
    finally:
        term.kill()
    assert "Plan" not in shown.splitlines()[0], shown  # home, not the visit's plan
    store = open_store(db)
    try:
        assert not store.query("SELECT id FROM visits WHERE shared_at IS NOT NULL")
    finally:
        store.close()
