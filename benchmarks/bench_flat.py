"""Commands and home's read at several sizes: CPU seconds, wall seconds and peak memory.

For each size (a cached ``demo --visits N`` database, see bench_startup.bench_db) every
command runs ``--runs`` times, the commands interleaved (so machine noise hits them alike);
the median CPU (user + system of the child), its wall time and its peak resident memory are
printed, then the growth of each row from the smallest size to the largest (CPU, wall,
memory) with its CPU at every size. ``--help`` runs among them as the reference (starting
the interpreter and the command line, which no command goes below). ``read_home`` is timed
in this process (best of ``--runs``). Run it under ``nice`` on a shared machine.

    python benchmarks/bench_flat.py [--runs 5] [--visits 1000 12000 50000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_startup import bench_db, compile_package, scratch

COMMANDS = {
    "--help (reference)": ["--help"],
    "keys --json": ["keys", "--json"],
    "export VISIT --format json": ["export", "{visit}", "--format", "json"],
    "export VISIT --format report-md": ["export", "{visit}", "--format", "report-md"],
    "commitments --due-soon": ["commitments", "--due-soon"],
    "commitments --json": ["commitments", "--json"],
    "visits --json": ["visits", "--json"],
    "pool --json": ["pool", "--json"],
    "search 对账": ["search", "对账"],
}


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and peak memory (MiB) of one run of ``argv``."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode})")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss // 1024


def read_home_ms(path: Path, runs: int) -> float:
    from interview_tui.services.home_data import read_home
    from interview_tui.store import open_store

    store = open_store(path, read_only=True)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        read_home(store, date.today())
        best = min(best, time.perf_counter() - start)
    store.close()
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--visits", type=int, nargs="+", default=[1000, 12000, 50000])
    args = parser.parse_args()
    compile_package()
    env = {**os.environ, "INTERVIEW_TUI_LANG": "en"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules are kept
    exe = [sys.executable, "-m", "interview_tui"]
    work = scratch("bench-flat-")
    results: dict[int, dict[str, tuple[float, float, int]]] = {}
    for visits in args.visits:
        path = bench_db(visits, work)
        import sqlite3

        conn = sqlite3.connect(path)
        visit = conn.execute("SELECT min(id) FROM visits").fetchone()[0]
        conn.close()
        samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name in COMMANDS}
        for _ in range(args.runs):
            for name, argv in COMMANDS.items():
                argv = [part.format(visit=visit) for part in argv]
                samples[name].append(run([*exe, "--db", str(path), *argv], env))
        results[visits] = {
            name: (
                statistics.median(s[0] for s in runs),
                statistics.median(s[1] for s in runs),
                max(s[2] for s in runs),
            )
            for name, runs in samples.items()
        }
        home = read_home_ms(path, args.runs)
        results[visits]["read_home (ms, in process)"] = (home, home, 0)
        print(f"\n{visits} visits")
        for name, (cpu, wall, rss) in results[visits].items():
            print(f"  {name:<34} cpu {cpu:7.3f}  wall {wall:7.3f}  peak {rss:5d} MiB")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    first, last = args.visits[0], args.visits[-1]
    print(f"\ngrowth from {first} to {last} visits, each row (last / first)")
    print(f"  {'':<34} {'CPU':>7}  {'wall':>7}  {'memory':>7}  CPU at each size (s)")
    for name in results[first]:
        (cpu0, wall0, rss0), (cpu1, wall1, rss1) = results[first][name], results[last][name]
        memory = f"{rss1 / rss0:6.2f}x" if rss0 else "      -"
        sizes = " / ".join(f"{results[n][name][0]:.3f}" for n in args.visits)
        print(f"  {name:<34} {cpu1 / cpu0:6.2f}x  {wall1 / wall0:6.2f}x  {memory}  {sizes}")


if __name__ == "__main__":
    main()
