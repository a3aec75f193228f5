"""Import and bank-load speed: both must grow linearly with their input.

* ``interview-tui import`` of one visit with 20,000 notes (and 2,000 each of requirements
  and commitments), through the CLI, wall clock; then the same file again (every record
  updated in place, one transaction);
* loading (parsing and validating) a 50,000-question bank file.

Prints a table of the sizes measured and the time per row, so a quadratic step shows as a
per-row time that grows with the size.

    python benchmarks/bench_import.py [--notes 20000] [--questions 50000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def visit_export(notes: int, others: int) -> dict:
    """A JSON export of one visit with ``notes`` notes and ``others`` requirements and
    commitments."""
    return {
        "format": "interview-tui.visit",
        "version": 1,
        "customer": {"id": 1, "name": "Bench Co", "industry": "", "notes": ""},
        "visit": {"id": 1, "customer_id": 1, "date": "2026-03-02T10:00:00", "attendee_ids": [1]},
        "people": [{"id": 1, "customer_id": 1, "name": "Ana", "role": "business"}],
        "script": [
            {
                "id": 1,
                "visit_id": 1,
                "role": "business",
                "goal": "pain_points",
                "text": "What slows you down?",
            }
        ],
        "notes": [
            {
                "id": n,
                "visit_id": 1,
                "script_item_id": 1,
                "speaker_id": 1,
                "text": f"note {n}: exports take too long on month end",
            }
            for n in range(1, notes + 1)
        ],
        "requirements": [
            {"id": n, "customer_id": 1, "visit_id": 1, "title": f"req {n}"}
            for n in range(1, others + 1)
        ],
        "commitments": [
            {
                "id": n,
                "visit_id": 1,
                "text": f"send the deck {n}",
                "owner_side": "us",
                "owner": "us",
            }
            for n in range(1, others + 1)
        ],
        "customer_questions": [],
    }


def time_import(notes: int, folder: Path) -> tuple[float, float]:
    """Seconds to import the file, then to import it again (every record found in place by
    uid; the file changes none of them, so none is written)."""
    source = folder / f"visit-{notes}.json"
    source.write_text(json.dumps(visit_export(notes, notes // 10)), encoding="utf-8")
    db = folder / f"import-{notes}.db"
    times = []
    for _ in range(2):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "interview_tui", "--db", str(db), "import", str(source)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return times[0], times[1]


def bank_text(questions: int) -> str:
    lines = ["[bank]", 'id = "bench"', 'title = "Bench"', 'language = "en"', ""]
    for n in range(questions):
        lines += [
            "[[questions]]",
            f'id = "q{n}"',
            'role = "business"',
            'goal = "pain_points"',
            f'text = "What happens when export number {n} fails at month end?"',
            "",
        ]
    return "\n".join(lines)


def time_bank(questions: int, folder: Path) -> tuple[float, int]:
    from interview_tui.banks.loader import load_bank_file

    path = folder / f"bank-{questions}.toml"
    path.write_text(bank_text(questions), encoding="utf-8")
    start = time.perf_counter()
    load = load_bank_file(path, user=True)
    elapsed = time.perf_counter() - start
    if load.errors:
        raise SystemExit(f"bank did not load: {load.errors[0]}")
    return elapsed, len(load.bank.questions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--questions", type=int, default=50_000)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for notes in (args.notes // 10, args.notes):
            first, again = time_import(notes, folder)
            rows.append(
                (
                    f"import {notes:,} notes (+{notes // 5:,} others)",
                    first,
                    first / (notes * 1.2) * 1e6,
                )
            )
            rows.append(
                (f"import the same {notes:,} again (update)", again, again / (notes * 1.2) * 1e6)
            )
        for questions in (args.questions // 10, args.questions):
            seconds, count = time_bank(questions, folder)
            rows.append((f"load a {count:,}-question bank", seconds, seconds / count * 1e6))
    print(f"{'case':<42} {'seconds':>9} {'µs per row':>11}")
    for name, seconds, per_row in rows:
        print(f"{name:<42} {seconds:>9.2f} {per_row:>11.1f}")


if __name__ == "__main__":
    main()
