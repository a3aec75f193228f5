"""Two real processes in two terminals on the same question of one visit: neither window
ever drops what the other saved, and each says on screen that the other is there."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.pty_terminal import Terminal
from tests.test_live_kill import _demo, _notes

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def _until(condition, *terms: Terminal, timeout: float = 30) -> None:
    """Wait for ``condition`` while reading every terminal (a full pty would block it)."""
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError(f"timed out; notes: {condition.__doc__}")
        for term in terms:
            term.read(0.02)


def test_a_second_window_on_the_same_question_never_overwrites_the_first(tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    env = _demo(db)
    first = Terminal(["live", "2"], env)
    second = None
    try:
        first.wait_for(b"1/12")
        first.drain(0.3)
        first.type("ALPHA")
        _until(lambda: "ALPHA" in _notes(db), first)
        second = Terminal(["live", "2"], env)
        second.wait_for_screen("1/12", timeout=30)
        # the second window says the visit is also open in the first (its process id)
        second.wait_for_screen(f"(process {first.pid}", timeout=30)
        second.type(" BRAVO")
        _until(lambda: "ALPHA BRAVO" in _notes(db), first, second)
        first.type(" CHARLIE")
        _until(lambda: "ALPHA CHARLIE" in _notes(db), first, second)
        # the first window is told both were kept, and (at its next heartbeat) who else is in
        first.wait_for_screen("Another window changed", timeout=30)
        first.wait_for_screen(f"(process {second.pid}", timeout=30)
    finally:
        first.kill()
        if second is not None:
            second.kill()
    notes = _notes(db)
    words = " ".join(notes).split()
    assert {"ALPHA", "BRAVO", "CHARLIE"} <= set(words), notes
    assert "ALPHA BRAVO" in notes and "ALPHA CHARLIE" in notes
