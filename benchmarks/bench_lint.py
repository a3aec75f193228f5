"""Lint speed: one question as you type, 10,000 questions in-process and through the CLI,
and the start-up of ``interview-tui lint``.

Questions are built from the labelled sets in tests/lint_data plus numbered variants, so no
result can be served from a cache. Prints a table with the floors of issue 14:

* one question: under 1 ms (p95 and worst over every labelled question);
* ``interview-tui lint - --format json`` on a 10,000-line file: under 1 s, wall clock;
* ``interview-tui lint`` on one question, from spawn to exit: under 250 ms.

    python benchmarks/bench_lint.py [--count 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "lint_data"
MODELS = ROOT / "interview_tui" / "lint" / "models"


def labelled() -> list[str]:
    texts: list[str] = []
    for name in ("en.tsv", "zh-CN.tsv"):
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            texts += [row["text"] for row in reader]
    return texts


def questions(count: int) -> list[str]:
    texts = labelled()
    # Vary each copy so nothing can be served from a cache.
    return [f"{texts[i % len(texts)]} ({i})" for i in range(count)]


def command() -> list[str]:
    found = shutil.which("interview-tui", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "interview_tui"]


def wall(args: list[str], stdin: bytes, repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        timings.append(time.perf_counter() - start)
    return timings


def row(label: str, value: str) -> None:
    print(f"{label:<46}{value:>16}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from interview_tui.lint import lint_text

    batch = questions(args.count)
    lint_text("Do you want fewer outages?")  # load the models and compile the patterns
    lint_text("你们希望少点故障吗？")
    timings = []
    shallow = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        shallow = sum(lint_text(text).shallow for text in batch)
        timings.append(time.perf_counter() - start)
    single = []
    for text in labelled():
        start = time.perf_counter()
        lint_text(text + " ")
        single.append(time.perf_counter() - start)
    single.sort()

    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write("\n".join(batch) + "\n")
        path = Path(f.name)
    cli = command()
    file_runs = wall([*cli, "lint", "-", "--format", "json"], path.read_bytes(), args.repeat)
    start_runs = wall([*cli, "lint", "-"], b"Do you want fewer outages?\n", args.repeat * 2)
    path.unlink()

    row("measure", "value")
    row("questions linted per run", f"{args.count:,}")
    row("shallow found", f"{shallow:,}")
    row("in-process, median run (s)", f"{statistics.median(timings):.3f}")
    row("in-process, questions per second", f"{args.count / statistics.median(timings):,.0f}")
    row("one question, median (ms)", f"{statistics.median(single) * 1000:.3f}")
    row("one question, p95 (ms)", f"{single[int(len(single) * 0.95)] * 1000:.3f}")
    row("one question, worst (ms)", f"{single[-1] * 1000:.3f}")
    row(f"CLI, {args.count:,} lines to JSON, best (s)", f"{min(file_runs):.3f}")
    row(f"CLI, {args.count:,} lines to JSON, median (s)", f"{statistics.median(file_runs):.3f}")
    row("CLI start-up, one question, best (ms)", f"{min(start_runs) * 1000:.0f}")
    row("CLI start-up, one question, median (ms)", f"{statistics.median(start_runs) * 1000:.0f}")
    for model in sorted(MODELS.glob("*.json.gz")):
        size = len(gzip.decompress(model.read_bytes()))
        row(
            f"model {model.name} (KB on disk / unpacked)",
            f"{model.stat().st_size // 1024} / {size // 1024}",
        )
    per_10k = statistics.median(file_runs) * 10_000 / args.count
    for floor, met in (
        ("floor: one question under 1 ms (p95)", single[int(len(single) * 0.95)] < 0.001),
        ("floor: 10,000 lines under 1 s (median)", per_10k < 1),
        ("floor: start-up under 250 ms (median)", statistics.median(start_runs) < 0.25),
    ):
        row(floor, "met" if met else "NOT MET")


if __name__ == "__main__":
    main()
