"""A process killed with SIGKILL in the middle of writing never leaves half a record."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from interview_tui.store import open_store

WRITER = """
import os
import sys
from datetime import datetime
from interview_tui.domain.models import Commitment, Customer, Note, Visit
from interview_tui.store import open_store

store = open_store(sys.argv[1])
customer = store.save(Customer(name=f"Crash test {os.getpid()}"))
visit = store.save(Visit(customer_id=customer.id, date=datetime(2026, 11, 24, 10)))
print("ready", flush=True)
n = 0
while True:
    n += 1
    # one logical record in two tables: both rows, or neither
    store.save_all([Note(visit_id=visit.id, text=f"pair {n} 账单" * 20),
                    Commitment(visit_id=visit.id, text=f"pair {n}")])
"""


def test_sigkill_mid_write_leaves_only_whole_records(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    for delay in (0.15, 0.4, 0.9):
        child = subprocess.Popen(
            [sys.executable, str(script), str(db)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        store = open_store(db)
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # pairs are numbered per child, so compare (visit, number) pairs
        notes = {
            (r["visit_id"], r["text"].split(" ")[1])
            for r in store.query("SELECT visit_id, text FROM notes")
        }
        promises = {
            (r["visit_id"], r["text"].split(" ")[1])
            for r in store.query("SELECT visit_id, text FROM commitments")
        }
        assert notes == promises and len(notes) > 0
        indexed = store.query("SELECT count(*) AS n FROM search_index WHERE kind = 'note'")[0]["n"]
        assert indexed == len(notes)
        store.close()


PARALLEL_WRITER = """
import sys
from interview_tui.domain.models import Note
from interview_tui.store import open_store

store = open_store(sys.argv[1])
for n in range(150):
    store.save(Note(visit_id=int(sys.argv[2]), text=f"{sys.argv[3]} {n} 账单"))
print("done", flush=True)
"""


def test_two_processes_write_to_one_database_without_errors(tmp_path: Path) -> None:
    from datetime import datetime

    from interview_tui.domain.models import Customer, Visit

    db = tmp_path / "shared.db"
    store = open_store(db)
    customer = store.save(Customer(name="Two processes"))
    visit = store.save(Visit(customer_id=customer.id, date=datetime(2026, 11, 24, 10)))
    store.close()
    script = tmp_path / "parallel.py"
    script.write_text(PARALLEL_WRITER)
    children = [
        subprocess.Popen(
            [sys.executable, str(script), str(db), str(visit.id), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0 and out.strip() == "done", err
        assert "locked" not in err
    store = open_store(db)
    texts = [row["text"] for row in store.query("SELECT text FROM notes")]
    assert len(texts) == 300
    assert {t.split()[0] for t in texts} == {"left", "right"}
    store.close()
