"""Lint throughput: 10,000 questions (half English, half Chinese) on one core.

Questions are built from the labelled sets in tests/lint_data plus numbered variants, so the
cache-free regex work is what is timed. Prints a table; the floor is 10,000 in under 1 s.

    python benchmarks/bench_lint.py [--count 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from pathlib import Path

from interview_tui.lint import lint_text

DATA = Path(__file__).resolve().parent.parent / "tests" / "lint_data"


def questions(count: int) -> list[str]:
    texts: list[str] = []
    for name in ("en.tsv", "zh-CN.tsv"):
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            texts += [row["text"] for row in reader]
    # Vary each copy so nothing can be served from a cache.
    return [f"{texts[i % len(texts)]} ({i})" for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    batch = questions(args.count)
    lint_text(batch[0])  # compile the patterns outside the timing
    timings = []
    shallow = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        shallow = sum(lint_text(text).shallow for text in batch)
        timings.append(time.perf_counter() - start)
    best, median = min(timings), statistics.median(timings)
    longest = max(batch, key=len)
    single = []
    for _ in range(200):
        start = time.perf_counter()
        lint_text(longest)
        single.append(time.perf_counter() - start)
    print(f"{'measure':<38}{'value':>14}")
    print(f"{'questions linted per run':<38}{args.count:>14,}")
    print(f"{'shallow found':<38}{shallow:>14,}")
    print(f"{'best run (s)':<38}{best:>14.3f}")
    print(f"{'median run (s)':<38}{median:>14.3f}")
    print(f"{'questions per second (median)':<38}{args.count / median:>14,.0f}")
    print(f"{'one question, p95 (ms)':<38}{sorted(single)[189] * 1000:>14.3f}")
    verdict = "met" if median * 10_000 / args.count < 1 else "NOT MET"
    print(f"{'floor: 10,000 in under 1 s':<38}{verdict:>14}")


if __name__ == "__main__":
    main()
