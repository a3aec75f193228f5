"""The commitments dashboard and Chinese full-text search on a large database (p95 < 100 ms).

Uses the database of ``demo --visits N`` (built once and cached in the temp folder, shared
with bench_startup.py), then times the dashboard's queries and searches for two-character
Chinese words and English words.

    python benchmarks/bench_queries.py [--visits 5000] [--runs 50]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from interview_tui.services.commitments import CommitmentFilter, kept_on_time, list_commitments
from interview_tui.store import open_store

QUERIES = ["账单", "延迟", "对账", "billing", "latency"]


def timed(function, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return samples[len(samples) // 2], samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    db = Path(tempfile.gettempdir()) / f"itui-bench-{args.visits}.db"
    if not db.exists():
        print(f"building {db} with {args.visits} synthetic visits …")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "interview_tui",
                "--db",
                str(db),
                "demo",
                "--visits",
                str(args.visits),
            ],
            check=True,
        )
    store = open_store(db)
    today = date(2026, 11, 24)
    counts = {
        table: store.query(f"SELECT count(*) AS n FROM {table}")[0]["n"]
        for table in ("visits", "notes", "commitments", "requirements")
    }
    print("\n" + ", ".join(f"{n:,} {table}" for table, n in counts.items()) + "\n")
    rows = [
        (
            "commitments dashboard: open",
            lambda: list_commitments(store, today, CommitmentFilter(open_only=True)),
        ),
        (
            "commitments dashboard: overdue",
            lambda: list_commitments(store, today, CommitmentFilter(overdue_only=True)),
        ),
        ("kept-on-time rates (all commitments)", lambda: kept_on_time(store, today)),
    ]
    rows += [(f"search {q!r}", lambda q=q: store.search(q)) for q in QUERIES]
    print(f"| {'operation':<40} | {'median ms':>9} | {'p95 ms':>7} |")
    print(f"|{'-' * 42}|{'-' * 11}|{'-' * 9}|")
    for label, function in rows:
        median, p95 = timed(function, args.runs)
        print(f"| {label:<40} | {median:>9.1f} | {p95:>7.1f} |")
    store.close()


if __name__ == "__main__":
    main()
