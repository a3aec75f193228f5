"""A real pseudo-terminal running interview-tui, for kill tests, key tests and benchmarks.

What the program writes is also fed to a terminal emulator (pyte), so a test can read the
screen as a person would see it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: a terminal shows what is written between these two at once (synchronized output)
FRAME_BEGIN, FRAME_END = b"\x1b[?2026h", b"\x1b[?2026l"
#: Textual asks whether the terminal has synchronized output; a modern terminal says yes
SYNC_QUERY, SYNC_REPLY = b"\x1b[?2026$p", b"\x1b[?2026;2$y"


def _wide(data: str) -> bool:
    from wcwidth import wcwidth

    return wcwidth(data[0]) == 2


class Terminal:
    """Spawn ``interview-tui`` under a pty of a given size; type into it; read its screen."""

    def __init__(
        self,
        args: Sequence[str],
        env: dict[str, str],
        size=(100, 30),
        program: Sequence[str] = ("-m", "interview_tui"),
    ) -> None:
        argv = [sys.executable, *program, *args]
        # COLUMNS / LINES win over the terminal's own size (shutil.get_terminal_size): a
        # value left by another test in this process would start the app at the wrong size
        env = {
            **{k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")},
            "TERM": "xterm-256color",
        }
        pid, fd = pty.fork()
        if pid == 0:  # child: its terminal has the size before the program asks for it
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
            os.execvpe(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.output = b""
        self._screen: Any = None
        try:
            import pyte
        except ImportError:  # the benchmarks run without it
            self._stream = None
        else:
            self._screen = pyte.Screen(*size)
            self._unshown = b""
            self._stream = pyte.ByteStream(self._screen)

    def read(self, timeout: float = 0.05) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:
            return b""
        self.output = self.output[-(1 << 22) :] + chunk  # whole sequences, for tests that read them
        if SYNC_QUERY in self.output[-(len(chunk) + len(SYNC_QUERY)) :]:
            os.write(self.fd, SYNC_REPLY)  # as a modern terminal answers: frames come whole
        if self._stream is not None:
            self._feed(chunk)
        return chunk

    def _feed(self, chunk: bytes) -> None:
        """Show what arrived, a synchronized frame only once it is whole (as a terminal with
        synchronized output does): a screen read mid-frame never mixes two frames."""
        data = self._unshown + chunk
        begin, end = data.rfind(FRAME_BEGIN), data.rfind(FRAME_END)
        if begin > end:  # a frame still being written: show up to its start
            data, self._unshown = data[:begin], data[begin:]
        else:
            self._unshown = b""
        if data:
            assert self._stream is not None
            self._stream.feed(data)

    def screen(self) -> str:
        """The screen as it shows now, one line per row (needs pyte).

        Read cell by cell: pyte's own ``display`` fails on a cell left empty (a zero-width
        character written alone); the second half of a wide character is skipped."""
        assert self._screen is not None, "pyte is not installed"
        screen = self._screen
        rows = []
        for y in range(screen.lines):
            line = screen.buffer[y]
            cells = [line[x].data for x in range(screen.columns)]
            text, skip = [], False
            for x, data in enumerate(cells):
                if skip:
                    skip = False
                    continue
                text.append(data or " ")
                if data and x + 1 < len(cells) and cells[x + 1] == "" and _wide(data):
                    skip = True
            rows.append("".join(text))
        return "\n".join(rows)

    def wait_for_screen(self, text: str, timeout: float = 15, *, gone: bool = False) -> str:
        """Read until ``text`` is on the screen (or, with ``gone``, no longer on it)."""
        end = time.perf_counter() + timeout
        while True:
            screen = self.screen()
            if (text in screen) != gone:
                return screen
            if time.perf_counter() > end:
                state = "still" if gone else "not"
                raise TimeoutError(f"{text!r} {state} on screen:\n{screen}")
            self.read(0.05)

    def wait_for(self, marker: bytes, timeout: float = 30) -> float:
        """Seconds until ``marker`` is in the output (searching what arrives from now on)."""
        start = time.perf_counter()
        seen = b""
        while marker not in seen:
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{marker!r} not seen; last output {self.output[-400:]!r}")
            seen = seen[-4096:] + self.read()
        return time.perf_counter() - start

    def drain(self, seconds: float = 0.2) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.read(0.02)

    def type(self, text: str, delay: float = 0.0) -> None:
        for char in text:
            os.write(self.fd, char.encode())
            if delay:
                self.drain(delay)

    def resize(self, columns: int, lines: int) -> None:
        """Change the terminal's size as a window manager does: the pty's window size,
        then SIGWINCH to the program (the emulator reading the screen changes with it)."""
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        if self._screen is not None:
            self._screen.resize(lines, columns)
        if self.pid > 0:
            os.kill(self.pid, signal.SIGWINCH)

    def send(self, raw: bytes) -> None:
        os.write(self.fd, raw)

    def exited(self) -> bool:
        """Whether the program has exited; once it has, it is reaped and :meth:`kill` will
        signal nothing (its pid may already belong to another process)."""
        if self.pid <= 0:
            return True
        try:
            done = os.waitpid(self.pid, os.WNOHANG)[0] != 0
        except ChildProcessError:
            done = True
        if done:
            self.pid = 0
        return done

    def kill(self) -> None:
        """Kill the program (unless it was already reaped) and close the terminal; safe to
        call twice. Never signals a pid of 0 or less: ``os.kill(-1, …)`` reaches every
        process of the user, ``os.kill(0, …)`` the whole process group."""
        if self.pid > 0:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.pid = 0
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


_DEMO_BYTES: list[bytes] = []


def copy_demo_database(path: Path) -> None:
    """A new demo database at ``path`` (private, as the app makes it), made by
    ``interview-tui demo`` as a user makes it: the command runs once per test process, in
    English, and each test gets its own copy of the file."""
    if not _DEMO_BYTES:
        with tempfile.TemporaryDirectory() as folder:
            made = Path(folder) / "demo.db"
            env = {
                **os.environ,
                "INTERVIEW_TUI_DB": str(made),
                "INTERVIEW_TUI_CONFIG_DIR": str(Path(folder) / "config"),
                "INTERVIEW_TUI_LANG": "en",
            }
            subprocess.run(
                [sys.executable, "-m", "interview_tui", "demo"],
                env=env,
                check=True,
                capture_output=True,
            )
            assert not made.with_name("demo.db-wal").exists(), "the demo left a journal"
            _DEMO_BYTES.append(made.read_bytes())
    path.parent.mkdir(parents=True, exist_ok=True)
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as file:
        file.write(_DEMO_BYTES[0])


def make_demo_env(folder: Path) -> dict[str, str]:
    """The environment of a program on a new demo database in ``folder`` (English, with its
    own empty config folder there): see :func:`copy_demo_database`."""
    copy_demo_database(folder / "demo.db")
    return {
        **os.environ,
        "INTERVIEW_TUI_DB": str(folder / "demo.db"),
        "INTERVIEW_TUI_CONFIG_DIR": str(folder / "config"),
        "INTERVIEW_TUI_LANG": "en",
    }


def exported_visit(env: dict[str, str], visit: str) -> dict[str, Any]:
    """What was recorded for ``visit``, read back as ``export --format json`` writes it."""
    import json

    out = subprocess.run(
        [sys.executable, "-m", "interview_tui", "export", visit, "--format", "json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)
