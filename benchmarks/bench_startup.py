"""Start-up time in a real terminal: interview-tui against a bare Textual app.

Each program is started under a pseudo-terminal (so Textual runs its real Linux driver)
and timed from spawn until the terminal output contains text that only appears once the
first screen is fully drawn with its data: for interview-tui a customer name from the demo
data in the visits table, for the bare app a cell of its table. Runs alternate between the
programs so that machine noise hits both alike. Also times `--help` and `lint` (no Textual).

    python benchmarks/bench_startup.py [--runs 15] [--visits 5000]
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def time_until(argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 30) -> float:
    """Seconds from spawn until ``marker`` appears on the terminal (then the program is ended)."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, env)
    start = time.perf_counter()
    seen = b""
    try:
        while True:
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{argv}: {marker!r} not seen; last output {seen[-300:]!r}")
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise RuntimeError(f"{argv} exited early: {seen[-500:]!r}") from None
            seen = seen[-4096:] + chunk
            if marker in seen:
                return time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


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
    parser.add_argument("--visits", type=int, default=5000, help="synthetic visits, large DB")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="itui-bench-"))
    bare = work / "bare.py"
    bare.write_text(BARE_APP)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    env.pop("INTERVIEW_TUI_DB", None)
    exe = [sys.executable, "-m", "interview_tui"]
    demo_db = work / "demo.db"
    cache = Path(tempfile.gettempdir()) / f"itui-bench-{args.visits}.db"
    subprocess.run([*exe, "--db", str(demo_db), "demo"], check=True, capture_output=True)
    if not cache.exists():
        print(f"building a database with {args.visits} synthetic visits (cached at {cache}) …")
        start = time.perf_counter()
        subprocess.run([*exe, "--db", str(cache), "demo", "--visits", str(args.visits)],
                       check=True, capture_output=True)  # fmt: skip
        print(f"  built in {time.perf_counter() - start:.1f} s")

    samples: dict[str, list[float]] = {"bare": [], "demo": [], "large": []}
    marker = b"Northwind Logistics"
    for _ in range(args.runs):
        samples["bare"].append(time_until([sys.executable, str(bare)], b"BARE-READY", env))
        samples["demo"].append(
            time_until([*exe, "--lang", "en", "--db", str(demo_db)], marker, env)
        )
        samples["large"].append(
            time_until([*exe, "--lang", "en", "--db", str(cache)], b"Synthetic Account", env)
        )
    help_times = [time_command([*exe, "--help"], env) for _ in range(args.runs)]
    bank = Path(__file__).resolve().parent.parent / "question_banks"
    banks = sorted(bank.rglob("*.toml"))
    lint_times = [
        time_command([*exe, "lint", *map(str, banks), "--format", "json"], env)
        for _ in range(max(3, args.runs // 3))
    ] if banks else []  # fmt: skip

    bare_median, _ = summary(samples["bare"])
    rows = [("bare Textual app (header, table, footer)", *summary(samples["bare"]), 1.0)]
    for key, label in (("demo", "interview-tui home, demo data"),
                       ("large", f"interview-tui home, {args.visits} visits")):  # fmt: skip
        median, p95 = summary(samples[key])
        rows.append((label, median, p95, median / bare_median))
    rows.append(("interview-tui --help", *summary(help_times), float("nan")))
    if lint_times:
        rows.append(("interview-tui lint (bundled banks)", *summary(lint_times), float("nan")))
    print(f"\nstart-up, {args.runs} runs each, in a pseudo-terminal 120x36\n")
    print(f"| {'program':<44} | {'median ms':>9} | {'p95 ms':>7} | {'× bare':>6} |")
    print(f"|{'-' * 46}|{'-' * 11}|{'-' * 9}|{'-' * 8}|")
    for label, median, p95, ratio in rows:
        ratio_text = "" if ratio != ratio else f"{ratio:.2f}"
        print(f"| {label:<44} | {median * 1000:>9.0f} | {p95 * 1000:>7.0f} | {ratio_text:>6} |")


if __name__ == "__main__":
    main()
