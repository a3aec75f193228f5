"""Typing in the live note editor, in a real pseudo-terminal: key-to-screen and key-to-disk.

The visit has a 100-question script and the first question's note already holds 10,000
characters. Each key is a Cyrillic letter not typed in the previous 29 keys, so its bytes in
the terminal output prove it is on screen. Key-to-disk polls the SQLite file until the note
ends with the key. A 500-character burst (paste speed) checks that every key arrives, in order.

    python benchmarks/bench_live_typing.py [--keys 200]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interview_tui.domain.enums import Goal, Role  # noqa: E402
from interview_tui.domain.models import Customer, Note, ScriptItem, Visit  # noqa: E402
from interview_tui.store import open_store  # noqa: E402
from tests.pty_terminal import Terminal  # noqa: E402

LETTERS = "БГДЖЗИЙЛПФЦЧШЩЭЮЯбгджзийлпфцчшщ"
FRAME_60HZ_MS = 1000 / 60


def build(db: Path) -> int:
    store = open_store(db)
    customer = store.save(Customer(name="Bench Co"))
    visit = store.save(Visit(customer_id=customer.id, date=datetime(2026, 11, 24, 10)))
    items = [
        ScriptItem(
            visit_id=visit.id,
            role=list(Role)[n % 4],
            goal=list(Goal)[n % 7],
            text=f"Question {n}: which workload peaked in week {n % 52}?",
            position=n,
        )
        for n in range(100)
    ]
    store.save_all(items)
    first = store.script(visit.id)[0]
    store.save(Note(visit_id=visit.id, script_item_id=first.id, text=("x" * 99 + "\n") * 100))
    store.close()
    return visit.id


def note_text(db: Path, visit_id: int) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT text FROM notes WHERE visit_id = ? ORDER BY id LIMIT 1", (visit_id,)
        ).fetchone()
        return row[0] if row else ""
    finally:
        conn.close()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


BARE_EDITOR = """
from textual.app import App
from textual.widgets import Footer, Header, TextArea

class Bare(App):
    def compose(self):
        yield Header()
        yield TextArea(("x" * 99 + "\\n") * 100 + "READY", id="note")
        yield Footer()

    def on_mount(self):
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

Bare().run()
"""


def key_to_screen(term: Terminal, keys: int) -> list[float]:
    samples = []
    for n in range(keys):
        char = LETTERS[n % len(LETTERS)]
        start = time.perf_counter()
        term.type(char)
        term.wait_for(char.encode(), timeout=5)
        samples.append((time.perf_counter() - start) * 1000)
        term.drain(0.01)
    return samples


def bare_key_to_screen(work: Path, keys: int) -> list[float]:
    """The same measurement on a bare Textual TextArea: Textual's own frame pacing."""
    script = work / "bare_editor.py"
    script.write_text(BARE_EDITOR)
    term = Terminal([], dict(os.environ), size=(120, 36), program=(str(script),))
    try:
        term.wait_for(b"READY")
        term.drain(1.0)
        return key_to_screen(term, keys)
    finally:
        term.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()
    from benchmarks.bench_startup import scratch

    work = scratch("itui-typing-")
    db = work / "typing.db"
    visit_id = build(db)
    env = {**os.environ, "INTERVIEW_TUI_DB": str(db), "INTERVIEW_TUI_LANG": "en"}
    term = Terminal(["live", str(visit_id)], env, size=(120, 36))
    try:
        term.wait_for(b"1/100")
        term.drain(1.0)
        screen = key_to_screen(term, args.keys)
        disk: list[float] = []
        for n in range(20):
            char = LETTERS[(n + 7) % len(LETTERS)]
            start = time.perf_counter()
            term.type(char)
            while not note_text(db, visit_id).endswith(char):
                term.read(0.005)
                if time.perf_counter() - start > 5:
                    raise TimeoutError("key never reached the database")
            disk.append((time.perf_counter() - start) * 1000)
        burst = "".join(LETTERS[n % len(LETTERS)] for n in range(500))
        before = note_text(db, visit_id)
        term.type(burst)
        deadline = time.perf_counter() + 10
        while note_text(db, visit_id) != before + burst and time.perf_counter() < deadline:
            term.drain(0.05)
        burst_ok = note_text(db, visit_id) == before + burst
    finally:
        term.kill()
    bare = bare_key_to_screen(work, args.keys)
    length = len(note_text(db, visit_id))
    print(f"\nlive note editor, 100-question script, note of {length:,} characters, pty 120x36\n")
    print(f"| {'measure':<34} | {'median ms':>9} | {'p95 ms':>7} | {'floor':>18} |")
    print(f"|{'-' * 36}|{'-' * 11}|{'-' * 9}|{'-' * 20}|")
    print(
        f"| {'key to screen':<34} | {statistics.median(screen):>9.1f} | "
        f"{pct(screen, 0.95):>7.1f} | {'one frame, 16.7 ms':>18} |"
    )
    print(
        f"| {'key to screen, bare Textual editor':<34} | {statistics.median(bare):>9.1f} | "
        f"{pct(bare, 0.95):>7.1f} | {'(reference)':>18} |"
    )
    print(
        f"| {'key to disk':<34} | {statistics.median(disk):>9.1f} | "
        f"{pct(disk, 0.95):>7.1f} | {'1000 ms':>18} |"
    )
    verdict = "all arrived, in order" if burst_ok else "LOST OR REORDERED"
    print(f"\n500-character burst: {verdict}")


if __name__ == "__main__":
    main()
