"""Key to settled screen, in a real terminal, on a career's worth of visits.

Runs interview-tui under a pseudo-terminal on a database of N synthetic visits and times
each review screen from the key pressed on home until text that only the loaded data draws
appears on the terminal (the pool's counts, the kept-on-time rate, a customer row of the
matrix, a visit of the timeline, a search hit), then ``esc`` back home. A bare Textual app
in the same run pushes a screen with a 200-row table on a key, for comparison. Also: a move
in the pool while another process holds the write lock (``esc`` must still answer), and
peak memory (VmHWM) after visiting every screen against the bare app's.

    python benchmarks/bench_screens.py [--visits 5000] [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_startup import summary
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
    ("commitments (m)", b"m", b"Kept on time:"),
    ("account matrix (a)", b"a", b"Synthetic Account 0"),
    ("timeline (t, 25 visits)", b"\t\x1b[B\x1b[Bt", b" \xc2\xb7 done \xc2\xb7"),
    ("search (/ then text)", b"/Need 42", b"Synthetic Account"),
]
HOME_MARKER = b"Visits"


def peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def time_key(term: Terminal, keys: bytes, marker: bytes) -> float:
    term.drain(0.3)
    start = time.perf_counter()
    term.send(keys)
    term.wait_for(marker, timeout=30)
    return time.perf_counter() - start


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
    db = Path(tempfile.gettempdir()) / f"itui-bench-{args.visits}.db"
    exe = [sys.executable, "-m", "interview_tui"]
    if not db.exists():
        print(f"building a database with {args.visits} synthetic visits (cached at {db}) …")
        subprocess.run([*exe, "--db", str(db), "demo", "--visits", str(args.visits)],
                       check=True, capture_output=True)  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "INTERVIEW_TUI_DB"}
    size = (120, 36)

    bare_path = work / "bare.py"
    bare_path.write_text(BARE_APP)
    bare = Terminal([], env, size=size, program=(str(bare_path),))
    bare.wait_for(b"BARE-HOME")
    bare_times = []
    for _ in range(args.runs):
        bare_times.append(time_key(bare, b"p", b"BARE-ROW 1"))
        time_key(bare, b"\x1b", b"BARE-HOME")
    bare_peak = peak_kib(bare.pid)
    bare.kill()

    term = Terminal(["--lang", "en", "--db", str(db)], env, size=size)
    term.wait_for(b"Synthetic Account")
    results: dict[str, list[float]] = {name: [] for name, _, _ in SCREENS}
    for _ in range(args.runs):
        for name, keys, marker in SCREENS:
            results[name].append(time_key(term, keys, marker))
            time_key(term, b"\x1b", HOME_MARKER)
            if keys.startswith(b"\t"):
                term.send(b"\t")  # focus back on the visits table
    # A move in the pool while another process holds the write lock: esc still answers.
    time_key(term, b"p", b"requirements \xc2\xb7")
    holder = hold_lock(db, 3.0)
    term.send(b"2")
    esc_while_locked = time_key(term, b"\x1b", HOME_MARKER)
    holder.join()
    term.drain(1.0)
    app_peak = peak_kib(term.pid)
    term.kill()

    bare_median, bare_p95 = summary(bare_times)
    print(f"\nkey to settled screen, {args.visits} visits, {args.runs} runs, "
          f"pty {size[0]}x{size[1]}\n")
    print(f"| {'screen':<36} | {'median ms':>9} | {'p95 ms':>7} |")
    print(f"|{'-' * 38}|{'-' * 11}|{'-' * 9}|")
    print(f"| {'bare Textual app, 200-row table':<36} | {bare_median * 1000:>9.0f} | "
          f"{bare_p95 * 1000:>7.0f} |")  # fmt: skip
    for name, values in results.items():
        median, p95 = summary(values)
        print(f"| {name:<36} | {median * 1000:>9.0f} | {p95 * 1000:>7.0f} |")
    print(f"\nesc while another process holds the write lock and a move waits: "
          f"{esc_while_locked * 1000:.0f} ms")
    print(f"peak memory after every screen: {app_peak / 1024:.0f} MiB "
          f"(bare app {bare_peak / 1024:.0f} MiB, {app_peak / bare_peak:.2f}×)")


if __name__ == "__main__":
    main()
