"""The test terminal never signals a process that is not its own program."""

from __future__ import annotations

import os
import time

import pytest

from tests.pty_terminal import Terminal

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pty")


def _signals(monkeypatch) -> list[tuple[int, int]]:
    sent: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: sent.append((pid, sig)))
    return sent


def test_kill_never_signals_a_pid_of_zero_or_less(monkeypatch) -> None:
    """``os.kill(-1, SIGKILL)`` would kill every process of the user."""
    for pid in (-1, 0):
        term = Terminal.__new__(Terminal)
        term.pid, term.fd = pid, os.open(os.devnull, os.O_RDONLY)
        sent = _signals(monkeypatch)
        term.kill()
        assert sent == []
        assert term.fd == -1  # the terminal is closed all the same


def test_a_reaped_program_is_not_signalled_again(monkeypatch) -> None:
    """Once reaped its pid may belong to another process: kill() (again) only closes."""
    term = Terminal([], dict(os.environ), program=("-c", "pass"))
    end = time.perf_counter() + 30
    while not term.exited():
        assert time.perf_counter() < end, "the program did not exit"
        term.read(0.05)
    sent = _signals(monkeypatch)
    term.kill()
    term.kill()  # twice: nothing signalled, the terminal closed once
    assert sent == []


def test_kill_reaps_and_marks_it(monkeypatch) -> None:
    term = Terminal([], dict(os.environ), program=("-c", "import time; time.sleep(60)"))
    term.kill()
    sent = _signals(monkeypatch)
    term.kill()
    assert sent == [] and term.exited()


_HALF_FRAMES = r"""
import os, sys, time, tty
tty.setraw(0)
os.write(1, b"\x1b[?2026$p")
reply = os.read(0, 64)
os.write(1, b"\x1b[H" + (b"answered" if reply == b"\x1b[?2026;2$y" else b"silent"))
os.write(1, b"\x1b[?2026h\x1b[2;1Hfirst half")
time.sleep(0.5)
os.write(1, b" second half\x1b[?2026l")
time.sleep(30)
"""


def test_a_synchronized_frame_shows_only_once_it_is_whole() -> None:
    """The test terminal says it has synchronized output, as a modern terminal does, and a
    frame written in two pieces is never read half drawn."""
    term = Terminal([], dict(os.environ), program=("-c", _HALF_FRAMES))
    try:
        term.wait_for_screen("answered")
        end = time.perf_counter() + 30
        while "second half" not in (screen := term.screen()):
            assert "first half" not in screen, screen
            assert time.perf_counter() < end, screen
            term.read(0.05)
        assert "first half second half" in screen
    finally:
        term.kill()
