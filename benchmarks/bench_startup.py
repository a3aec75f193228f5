"""Start-up time in a real terminal: interview-tui against a bare Textual app.

Each program is started under a pseudo-terminal (so Textual runs its real Linux driver)
and timed from spawn until the terminal shows text that only appears once the first screen
is drawn with its data (for interview-tui a customer name in the visits table, for the bare
app a cell of its table), and until the screen settles: the last output that changed what a
terminal emulator (pyte) shows (the footer's keys, a second read, anything drawn later).
Runs alternate between the programs so that machine noise hits both alike. The package is
byte-compiled first, as an installed copy is. Also times `--help` and `lint` (no Textual).

    python benchmarks/bench_startup.py [--runs 15] [--visits 5000 [20000 ...]] [--no-compile]
        [--app-only]
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import pty
import re
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BARE_APP = """
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Date", "Customer", "Status")
        table.add_row("2026-11-24", "BARE-READY", "planned")

Bare().run()
"""


#: the screen has settled once nothing more is drawn for this long
#: output is collected until nothing more has arrived for this long
QUIET = 0.3


class View:
    """What a terminal shows, for telling a change on screen from output that changes
    nothing (a part drawn again as it was, a blinking text cursor)."""

    def __init__(self, size: tuple[int, int], screen: Any = None, stream: Any = None) -> None:
        try:
            import pyte
        except ImportError:
            raise SystemExit("the benchmarks need pyte: pip install '.[test]'") from None
        self.size = size
        self.screen = screen if screen is not None else pyte.Screen(*size)
        self.stream = stream if stream is not None else pyte.ByteStream(self.screen)

    def feed(self, chunk: bytes) -> None:
        # a sequence pyte cannot take (seen once in 30 minutes) is skipped
        with contextlib.suppress(TypeError):
            self.stream.feed(chunk)

    def cells(self) -> list[Any]:
        columns, rows = self.size
        buffer = self.screen.buffer
        return [buffer[y][x] for y in range(rows) for x in range(columns)]


#: a terminal shows what is written between these two at once (synchronized output)
_FRAME_BEGIN, _FRAME_END = b"\x1b[?2026h", b"\x1b[?2026l"
#: Textual asks whether the terminal has synchronized output; a modern terminal says yes
SYNC_QUERY, SYNC_REPLY = b"\x1b[?2026$p", b"\x1b[?2026;2$y"


def answer(fd: int, chunk: bytes) -> None:
    """Answer what the program asks the terminal, as a modern terminal does (so frames come
    whole, and a frame written in pieces is not taken for several changes)."""
    if SYNC_QUERY in chunk:
        os.write(fd, SYNC_REPLY)


def _changed(before: list[Any], after: list[Any]) -> bool:
    """Whether the screen changed: a character, or the style of more than one cell (the
    cell under a blinking text cursor changes style alone)."""
    styled = 0
    for old, new in zip(before, after, strict=True):
        if old != new:
            if old.data != new.data:
                return True
            styled += 1
            if styled > 1:
                return True
    return False


def until_settled(
    read: Callable[[float], bytes],
    start: float,
    marker: bytes | re.Pattern[bytes],
    view: View,
    timeout: float = 30,
) -> tuple[float, float]:
    """Seconds from ``start`` until ``marker`` is drawn, and until the screen settles.

    ``read(wait)`` returns what the program wrote within ``wait`` seconds (``b""`` if
    nothing). Output is only collected (with its arrival time) until :data:`QUIET` seconds
    pass without any, then replayed into ``view``: settled is when the last output that
    changed the screen arrived, what the user sees stop changing (a footer or a second read
    drawn later counts; a part drawn again unchanged and a blinking cursor do not).
    ``marker`` is bytes or a compiled pattern searched for in the output.
    """
    chunks: list[tuple[float, bytes]] = []
    seen, shown = b"", None
    while shown is None or time.perf_counter() - chunks[-1][0] < QUIET:
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{marker!r} not seen; last output {seen[-300:]!r}")
        chunk = read(0.005)
        if chunk:
            arrived = time.perf_counter()
            chunks.append((arrived, chunk))
            seen = seen[-4096:] + chunk
            if shown is None and (
                marker.search(seen) if isinstance(marker, re.Pattern) else marker in seen
            ):
                shown = arrived
    settled = shown
    before = view.cells()
    in_frame = False
    for arrived, chunk in chunks:
        view.feed(chunk)
        # a frame written in several pieces (a synchronized update) is seen whole at its end
        begin, end = chunk.rfind(_FRAME_BEGIN), chunk.rfind(_FRAME_END)
        if begin != end:
            in_frame = begin > end
        if in_frame:
            continue
        after = view.cells()
        if arrived > settled and _changed(before, after):
            settled = arrived
        before = after
    return shown - start, settled - start


def time_until(
    argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 30
) -> tuple[float, float, float]:
    """Seconds from spawn until ``marker`` is drawn and until the screen settles, and the
    CPU seconds (user + system) the program used until it was stopped, once settled and
    quiet for :data:`QUIET`."""
    columns, rows = int(env.get("COLUMNS", 120)), int(env.get("LINES", 36))
    view = View((columns, rows))
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, env)
    start = time.perf_counter()

    def read(wait: float) -> bytes:
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return b""
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            raise RuntimeError(f"{argv} exited early") from None
        answer(fd, chunk)
        return chunk

    try:
        shown, settled = until_settled(read, start, marker, view, timeout)
    finally:
        os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
    return shown, settled, usage.ru_utime + usage.ru_stime


def compile_package() -> None:
    """Byte-compile interview_tui as ``pip install`` does, so a run does not measure
    compiling its modules from source (a checkout run with PYTHONDONTWRITEBYTECODE would),
    and keep its parsed catalog as the first run of an installed copy does."""
    import compileall

    import interview_tui
    from interview_tui.i18n import compile_catalog

    compileall.compile_dir(Path(interview_tui.__file__).parent, quiet=1)
    compile_catalog()


def scratch(prefix: str) -> Path:
    """A private folder for one run's files (databases, the bare app), removed when the run
    ends, as a benchmark must leave nothing behind in the temp folder."""
    import shutil

    work = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, work, True)
    return work


def bench_db(visits: int, work: Path) -> Path:
    """A private copy of the cached ``demo --visits N`` database (built once, never written).

    The cache in the temp folder is shared; a benchmark that writes (a move in the pool) or a
    newer schema (a migration on opening) must not change it, so each run works on a copy,
    migrated before anything is timed.
    """
    import sqlite3

    cache = Path(tempfile.gettempdir()) / f"itui-bench-{visits}.db"
    if not cache.exists():
        print(f"building a database with {visits} synthetic visits (cached at {cache}) …")
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "interview_tui",
                "--db",
                str(cache),
                "demo",
                "--visits",
                str(visits),
            ],
            check=True,
            capture_output=True,
        )
        print(f"  built in {time.perf_counter() - start:.1f} s")
    copy = work / cache.name
    atexit.register(
        lambda: [
            path.unlink(missing_ok=True) for path in work.glob(f"{copy.name}*") if not path.is_dir()
        ]
    )
    source = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()
    copy.chmod(0o600)
    from interview_tui.store import open_store

    open_store(copy).close()  # brought to this version's schema now, not in a timed start
    return copy


def time_command(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def summary(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--visits",
        type=int,
        nargs="+",
        default=[5000],
        help="synthetic visits of the large databases (several sizes: one row each)",
    )
    parser.add_argument(
        "--no-compile",
        action="store_true",
        help="do not byte-compile the package first (measures compiling too)",
    )
    parser.add_argument(
        "--app-only", action="store_true", help="start-up only (no --help, no lint)"
    )
    args = parser.parse_args()

    work = scratch("itui-bench-")
    bare = work / "bare.py"
    bare.write_text(BARE_APP)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    env.pop("INTERVIEW_TUI_DB", None)
    exe = [sys.executable, "-m", "interview_tui"]
    demo_db = work / "demo.db"
    subprocess.run([*exe, "--db", str(demo_db), "demo"], check=True, capture_output=True)
    caches = {visits: bench_db(visits, work) for visits in args.visits}

    if not args.no_compile:
        compile_package()

    programs = {
        "bare": ([sys.executable, str(bare)], b"BARE-READY"),
        "demo": ([*exe, "--lang", "en", "--db", str(demo_db)], b"Northwind Logistics"),
    }
    labels = {
        "bare": "bare Textual app (header, table, footer)",
        "demo": "interview-tui home, demo data",
    }
    for visits, cache in caches.items():
        programs[f"{visits}"] = ([*exe, "--lang", "en", "--db", str(cache)], b"Synthetic Acc")
        labels[f"{visits}"] = f"interview-tui home, {visits} visits"
    shown: dict[str, list[float]] = {key: [] for key in programs}
    settled: dict[str, list[float]] = {key: [] for key in programs}
    cpu: dict[str, list[float]] = {key: [] for key in programs}
    for _ in range(args.runs):
        for key, (argv, marker) in programs.items():
            first, last, used = time_until(argv, marker, env)
            shown[key].append(first)
            settled[key].append(last)
            cpu[key].append(used)
    help_times, lint_times = [], []
    if not args.app_only:
        help_times = [time_command([*exe, "--help"], env) for _ in range(args.runs)]
        bank = Path(__file__).resolve().parent.parent / "question_banks"
        banks = sorted(bank.rglob("*.toml"))
        if banks:
            lint_times = [
                time_command([*exe, "lint", *map(str, banks), "--format", "json"], env)
                for _ in range(max(3, args.runs // 3))
            ]

    bare_median, _ = summary(settled["bare"])
    bare_cpu, _ = summary(cpu["bare"])
    print(
        f"\nstart-up, {args.runs} runs each, in a pseudo-terminal 120x36"
        f"{'' if args.no_compile else ', package byte-compiled'}; settled = the last "
        f"output that changed the screen; cpu = CPU seconds of the program until stopped "
        f"(settled and quiet for {QUIET * 1000:.0f} ms), median\n"
    )
    print(
        f"| {'program':<44} | {'data shown':>10} | {'settled':>7} | {'p95':>5} | {'× bare':>6} "
        f"| {'cpu ms':>6} | {'× cpu':>5} |"
    )
    print(f"|{'-' * 46}|{'-' * 12}|{'-' * 9}|{'-' * 7}|{'-' * 8}|{'-' * 8}|{'-' * 7}|")
    for key, label in labels.items():
        median, p95 = summary(settled[key])
        first, _ = summary(shown[key])
        used, _ = summary(cpu[key])
        print(
            f"| {label:<44} | {first * 1000:>10.0f} | {median * 1000:>7.0f} | "
            f"{p95 * 1000:>5.0f} | {median / bare_median:>6.2f} | {used * 1000:>6.0f} "
            f"| {used / bare_cpu:>5.2f} |"
        )
    for label, times in (
        ("interview-tui --help", help_times),
        ("interview-tui lint (bundled banks)", lint_times),
    ):
        if times:
            median, p95 = summary(times)
            print(
                f"| {label:<44} | {'':>10} | {median * 1000:>7.0f} | {p95 * 1000:>5.0f} | {'':>6} "
                f"| {'':>6} | {'':>5} |"
            )


if __name__ == "__main__":
    main()
