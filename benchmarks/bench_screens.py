"""Key to settled screen, in a real terminal, on a career's worth of visits.

Runs interview-tui under a pseudo-terminal on a database of N synthetic visits and times
each review screen from the key pressed on home until text that only the loaded data draws
appears on the terminal (the pool's counts, the kept-on-time rate, a customer row of the
matrix, a visit of the timeline, a search hit) and until the screen settles (the last output
that changed the screen, as a terminal emulator shows it: a second read, the footer and late
column widths count), then ``esc`` back home. The package is byte-compiled first, as an
installed copy is. A bare Textual app in the same run pushes a screen with a 200-row table
on a key, for comparison, pair by pair: before each screen of the app the bare app's push is
timed, so that the machine's load hits both alike (CPU seconds of each program too). The plan
and live screens open on home's third visit (a synthetic account with N/200 visits), the
requirement detail from the pool's first row, the help over home. ``--rounds R`` then visits
every screen R more times and prints resident and peak memory after each round.
Also: a move in the pool while another process holds the write lock (``esc`` must still
answer), and peak memory (VmHWM) after visiting every screen against the bare app's.

    python benchmarks/bench_screens.py [--visits 5000] [--runs 9] [--rounds 0] [--only plan]
"""

from __future__ import annotations

import argparse
import os
import re
import select
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_startup import (
    View,
    answer,
    bench_db,
    compile_package,
    scratch,
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


@dataclass(frozen=True)
class Screen:
    """A screen timed from ``keys`` until ``marker`` is drawn and the screen settles.

    ``before`` is pressed (untimed) first, until its marker shows; ``back`` returns home
    afterwards, each key until its marker shows; ``after`` is sent once home again."""

    name: str
    keys: bytes
    marker: bytes | re.Pattern[bytes]
    before: tuple[bytes, bytes] | None = None
    back: tuple[tuple[bytes, bytes], ...] = ((b"\x1b", b"Visits"),)
    after: bytes = b""


DOWN, UP = b"\x1b[B", b"\x1b[A"
#: every screen, each opened from home; the plan and live screens on home's third visit (a
#: synthetic account with N/200 visits), the requirement on the pool's first row
SCREENS = [
    Screen("requirement pool (p)", b"p", b"requirements \xc2\xb7"),
    Screen("commitments (m)", b"m", b"Kept on time, ours:"),
    Screen("account matrix (a)", b"a", b"Synthetic Account 0"),
    Screen(
        "timeline (t, N/200 visits)",
        b"\t" + DOWN + DOWN + b"t",
        b" \xc2\xb7 done \xc2\xb7",
        after=b"\t",
    ),
    Screen("search (/ then text)", b"/Need", b"Synthetic Acc"),
    Screen(
        "plan (enter on a visit)",
        DOWN + DOWN + b"\r",
        b"Plan \xc2\xb7 Synthetic Acc",
        after=UP + UP,
    ),
    Screen(
        "live (l on a visit)", DOWN + DOWN + b"l", b"Live \xc2\xb7 Synthetic Acc", after=UP + UP
    ),
    Screen(
        "requirement detail (enter in pool)",
        b"\r",
        re.compile(rb"Requirement \d+ \xc2\xb7"),
        before=(b"p", b"requirements \xc2\xb7"),
        back=((b"\x1b", b"requirements \xc2\xb7"), (b"\x1b", b"Visits")),
    ),
    Screen("help (?)", b"?", b"Keys of this screen"),
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


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process ``pid`` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_key(
    term: Terminal, keys: bytes, marker: bytes | re.Pattern[bytes]
) -> tuple[float, float, float]:
    """Seconds from the keys until ``marker`` is drawn, and until the screen settles, and
    the CPU seconds the program used meanwhile (until nothing changed for a while).

    Output is read straight from the pty while timing (the terminal's emulator is fed
    afterwards), so the clock reads when it arrived.
    """
    term.drain(0.3)
    view = View(SIZE, term._screen, term._stream)

    def read(wait: float) -> bytes:
        ready, _, _ = select.select([term.fd], [], [], wait)
        return os.read(term.fd, 1 << 16) if ready else b""

    cpu = cpu_seconds(term.pid)
    start = time.perf_counter()
    term.send(keys)
    shown, settled = until_settled(read, start, marker, view)
    return shown, settled, cpu_seconds(term.pid) - cpu


def visit(term: Terminal, screen: Screen) -> tuple[float, float, float]:
    """Open ``screen`` from home (timed) and go back home."""
    if screen.before is not None:
        time_key(term, *screen.before)
    timed = time_key(term, screen.keys, screen.marker)
    for keys, marker in screen.back:
        time_key(term, keys, marker)
    if screen.after:
        term.send(screen.after)
    return timed


def memory_kib(pid: int) -> tuple[int, int]:
    """Resident memory now and its peak (VmRSS, VmHWM), KiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            values[line[:5]] = int(line.split()[1])
    return values["VmRSS"], values["VmHWM"]


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
    parser.add_argument(
        "--rounds",
        type=int,
        default=0,
        help="then visit every screen this many more times, printing memory per round",
    )
    parser.add_argument("--only", nargs="*", help="only the screens whose name starts so")
    args = parser.parse_args()
    screens = [s for s in SCREENS if not args.only or s.name.startswith(tuple(args.only))]

    work = scratch("itui-bench-")
    db = bench_db(args.visits, work)
    compile_package()
    env = {k: v for k, v in os.environ.items() if k != "INTERVIEW_TUI_DB"}
    size = SIZE

    bare_path = work / "bare.py"
    bare_path.write_text(BARE_APP)
    bare = started(Terminal([], env, size=size, program=(str(bare_path),)), b"BARE-HOME")
    bare_screen = Screen("bare", b"p", b"BARE-ROW 1", back=((b"\x1b", b"BARE-HOME"),))
    term = started(Terminal(["--lang", "en", "--db", str(db)], env, size=size), b"Synthetic Acc")
    # pairs interleaved: each screen of the app right after the bare app's push, so that
    # the machine's load hits both alike
    results: dict[str, list[tuple[float, float, float]]] = {s.name: [] for s in screens}
    bare_pairs: dict[str, list[tuple[float, float, float]]] = {s.name: [] for s in screens}
    for _ in range(args.runs):
        for screen in screens:
            bare_pairs[screen.name].append(visit(bare, bare_screen))
            results[screen.name].append(visit(term, screen))
    rounds: list[tuple[int, int, int, int]] = []
    for _ in range(args.rounds):
        for screen in screens:
            visit(bare, bare_screen)
            visit(term, screen)
        rounds.append((*memory_kib(term.pid), *memory_kib(bare.pid)))
        print(f"round {len(rounds)}: app, bare (VmRSS, VmHWM KiB) {rounds[-1]}", file=sys.stderr)
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
    bare_peak = peak_kib(bare.pid)
    term.kill()
    bare.kill()

    print(
        f"\nkey to screen, {args.visits} visits, {args.runs} runs, pty {size[0]}x{size[1]}, "
        f"each right after the bare app pushing its 200-row table; data shown = its marker "
        f"drawn; settled = the last output that changed the screen (median, and p95); "
        f"first = settled the first time (its code loads); cpu = CPU seconds of the program "
        f"from the key until quiet (mean); × bare = median settled / the bare app's, paired\n"
    )
    head = (
        f"| {'screen':<36} | {'shown':>5} | {'settled':>7} | {'p95':>5} | {'first':>5} "
        f"| {'cpu ms':>6} | {'bare':>4} | {'bare 1st':>8} | {'bare cpu':>8} | {'× bare':>6} "
        f"| {'× 1st':>5} | {'× cpu':>5} |"
    )
    print(head)
    print("|" + "|".join("-" * (len(cell) + 0) for cell in head.split("|")[1:-1]) + "|")
    for screen in screens:
        values, pairs = results[screen.name], bare_pairs[screen.name]
        shown, _ = summary([v[0] for v in values])
        median, p95 = summary([v[1] for v in values])
        cpu = statistics.mean(v[2] for v in values)
        bare_median, _ = summary([v[1] for v in pairs])
        bare_cpu = statistics.mean(v[2] for v in pairs)
        print(
            f"| {screen.name:<36} | {shown * 1000:>5.0f} | {median * 1000:>7.0f} | "
            f"{p95 * 1000:>5.0f} | {values[0][1] * 1000:>5.0f} | {cpu * 1000:>6.0f} | "
            f"{bare_median * 1000:>4.0f} | {pairs[0][1] * 1000:>8.0f} | {bare_cpu * 1000:>8.0f} | "
            f"{median / bare_median:>6.2f} | {values[0][1] / pairs[0][1]:>5.2f} | "
            f"{cpu / bare_cpu if bare_cpu else float('nan'):>5.2f} |"
        )
    print(
        f"\nesc while another process holds the write lock and a move waits: "
        f"{esc_while_locked * 1000:.0f} ms"
    )
    print(
        f"peak memory after every screen: {app_peak / 1024:.0f} MiB "
        f"(bare app {bare_peak / 1024:.0f} MiB, {app_peak / bare_peak:.2f}×)"
    )
    if rounds:
        print("\nround | app VmRSS | app VmHWM | bare VmRSS | bare VmHWM | × bare (HWM)")
        for n, (rss, hwm, bare_rss, bare_hwm) in enumerate(rounds, 1):
            print(
                f"{n:>5} | {rss / 1024:>9.1f} | {hwm / 1024:>9.1f} | {bare_rss / 1024:>10.1f} "
                f"| {bare_hwm / 1024:>10.1f} | {hwm / bare_hwm:>5.2f}"
            )
        growth = (rounds[-1][0] - rounds[0][0]) / 1024 / max(1, len(rounds) - 1)
        print(f"app VmRSS growth per round after the first: {growth:+.2f} MiB")


if __name__ == "__main__":
    main()
