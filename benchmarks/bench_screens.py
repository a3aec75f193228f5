"""Key to settled screen, in a real terminal, on a career's worth of visits.

Runs interview-tui under a pseudo-terminal on a database of N synthetic visits and times
each review screen from the key pressed on home until text that only the loaded data draws
appears on the terminal (the pool's counts, the kept-on-time rate, a customer row of the
matrix, a visit of the timeline, a search hit) and until the screen settles (the last output
that changed the screen, as a terminal emulator shows it: a second read, the footer and late
column widths count), then ``esc`` back home. The package is byte-compiled first, as an
installed copy is. A bare Textual app in the same run pushes a screen with a 200-row table
on a key, for comparison.
Also: a move in the pool while another process holds the write lock (``esc`` must still
answer), and peak memory (VmHWM) after visiting every screen against the bare app's.

    python benchmarks/bench_screens.py [--visits 5000] [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import select
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_startup import (
    View,
    answer,
    bench_db,
    compile_package,
    summary,
    until_settled,
)
from tests.pty_terminal import Terminal

BARE_APP = """
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

class Rows(Screen):
    BINDINGS = [("escape", "app.pop_screen", "Back")]
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()
    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Group", "State", "Customer", "Requirement")
        for n in range(200):
            table.add_row("backlog", "captured", f"Account {n:03}", f"BARE-ROW {n}")

class Bare(App):
    BINDINGS = [("p", "push", "Push")]
    def compose(self):
        yield Header()
        yield Static("BARE-HOME")
        yield Footer()
    def action_push(self):
        self.push_screen(Rows())

Bare().run()
"""

#: (name, keys pressed on home, marker drawn only once the data is on screen)
SCREENS = [
    ("requirement pool (p)", b"p", b"requirements \xc2\xb7"),
    ("commitments (m)", b"m", b"Kept on time, ours:"),
    ("account matrix (a)", b"a", b"Synthetic Account 0"),
    ("timeline (t, 25 visits)", b"\t\x1b[B\x1b[Bt", b" \xc2\xb7 done \xc2\xb7"),
    ("search (/ then text)", b"/Need 42", b"Synthetic Account"),
]
HOME_MARKER = b"Visits"
#: the terminal every screen is timed in
SIZE = (120, 36)


def peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def started(term: Terminal, marker: bytes) -> Terminal:
    """``term`` once ``marker`` is on it (answering the program's questions to the
    terminal on the way)."""
    seen = b""
    end = time.perf_counter() + 30
    while marker not in seen:
        if time.perf_counter() > end:
            raise TimeoutError(f"{marker!r} not seen; last output {seen[-300:]!r}")
        chunk = term.read(0.05)
        answer(term.fd, chunk)
        seen = seen[-4096:] + chunk
    return term


def time_key(term: Terminal, keys: bytes, marker: bytes) -> tuple[float, float]:
    """Seconds from the keys until ``marker`` is drawn, and until the screen settles.

    Output is read straight from the pty while timing (the terminal's emulator is fed
    afterwards), so the clock reads when it arrived.
    """
    term.drain(0.3)
    view = View(SIZE, term._screen, term._stream)

    def read(wait: float) -> bytes:
        ready, _, _ = select.select([term.fd], [], [], wait)
        return os.read(term.fd, 1 << 16) if ready else b""

    start = time.perf_counter()
    term.send(keys)
    return until_settled(read, start, marker, view)


def hold_lock(db: Path, seconds: float) -> threading.Thread:
    import sqlite3

    ready = threading.Event()

    def run() -> None:
        conn = sqlite3.connect(db)
        conn.execute("BEGIN IMMEDIATE")
        ready.set()
        time.sleep(seconds)
        conn.rollback()
        conn.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait()
    return thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="itui-bench-"))
    db = bench_db(args.visits, work)
    compile_package()
    env = {k: v for k, v in os.environ.items() if k != "INTERVIEW_TUI_DB"}
    size = SIZE

    bare_path = work / "bare.py"
    bare_path.write_text(BARE_APP)
    bare = started(Terminal([], env, size=size, program=(str(bare_path),)), b"BARE-HOME")
    bare_times = []
    for _ in range(args.runs):
        bare_times.append(time_key(bare, b"p", b"BARE-ROW 1"))
        time_key(bare, b"\x1b", b"BARE-HOME")
    bare_peak = peak_kib(bare.pid)
    bare.kill()

    term = started(
        Terminal(["--lang", "en", "--db", str(db)], env, size=size), b"Synthetic Account"
    )
    results: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in SCREENS}
    for _ in range(args.runs):
        for name, keys, marker in SCREENS:
            results[name].append(time_key(term, keys, marker))
            time_key(term, b"\x1b", HOME_MARKER)
            if keys.startswith(b"\t"):
                term.send(b"\t")  # focus back on the visits table
    # A move in the pool while another process holds the write lock: esc still answers
    # (home is drawn at once; it reads again once the move has landed).
    time_key(term, b"p", b"requirements \xc2\xb7")
    holder = hold_lock(db, 3.0)
    term.send(b"2")
    term.drain(0.3)
    start = time.perf_counter()
    term.send(b"\x1b")
    term.wait_for(HOME_MARKER)
    esc_while_locked = time.perf_counter() - start
    holder.join()
    term.drain(1.0)
    app_peak = peak_kib(term.pid)
    term.kill()

    print(
        f"\nkey to screen, {args.visits} visits, {args.runs} runs, pty {size[0]}x{size[1]}; "
        f"data shown = its marker drawn; settled = the last output that changed the screen "
        f"(median, and p95 of settled); first = settled the first time (its code loads)\n"
    )
    print(f"| {'screen':<36} | {'data shown':>10} | {'settled':>7} | {'p95':>5} | {'first':>5} |")
    print(f"|{'-' * 38}|{'-' * 12}|{'-' * 9}|{'-' * 7}|{'-' * 7}|")
    rows = {"bare Textual app, 200-row table": bare_times, **results}
    for name, values in rows.items():
        shown, _ = summary([shown for shown, _ in values])
        median, p95 = summary([settled for _, settled in values])
        print(
            f"| {name:<36} | {shown * 1000:>10.0f} | {median * 1000:>7.0f} | "
            f"{p95 * 1000:>5.0f} | {values[0][1] * 1000:>5.0f} |"
        )
    print(
        f"\nesc while another process holds the write lock and a move waits: "
        f"{esc_while_locked * 1000:.0f} ms"
    )
    print(
        f"peak memory after every screen: {app_peak / 1024:.0f} MiB "
        f"(bare app {bare_peak / 1024:.0f} MiB, {app_peak / bare_peak:.2f}×)"
    )


if __name__ == "__main__":
    main()
