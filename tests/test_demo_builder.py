"""``demo --visits N`` builds its synthetic visits a chunk at a time (memory flat at any N)
and writes the same rows as it always did for the same N and day."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.services import demo
from interview_tui.store.store import Store

from .conftest import FIXED_NOW, FIXED_TODAY

#: what ``_seed_synthetic(store, FIXED_TODAY, 0, 30)`` writes in one chunk (uids left out:
#: they are random); the promises are due after their visit since 2026-12-07; the
#: customers' search index rows since schema 18 (c4f21d8b… without them)
DIGEST_30 = "66788d7370021fd53b2a6b3924ea301ab898f7f193042cf0848a20c1a2b250e5"

_TABLES = (
    "customers",
    "visits",
    "notes",
    "commitments",
    "requirements",
    "commitment_counts",
    "customer_visit_counts",
)


def _digest(store: Store) -> str:
    digest = hashlib.sha256()
    for table in _TABLES:
        columns = [
            row["name"]
            for row in store.query(f"SELECT name FROM pragma_table_info('{table}')")
            if row["name"] != "uid"
        ]
        order = "id" if "id" in columns else ", ".join(columns)
        for row in store.db.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}"
        ):
            digest.update(repr((table, row)).encode())
    for row in store.db.conn.execute(
        "SELECT rowid, body, kind, ref_id, visit_id FROM search_index ORDER BY rowid"
    ):
        digest.update(repr(("search", row)).encode())
    meta = store.meta(demo.SYNTHETIC_KEY)
    digest.update(repr(meta).encode())
    return digest.hexdigest()


def test_synthetic_visits_are_the_same_rows_built_a_chunk_at_a_time(store, monkeypatch) -> None:
    monkeypatch.setattr(demo, "SYNTHETIC_CHUNK", 7)  # 30 visits: chunks of 7, the last of 2
    batches: list[int] = []
    write_rows = Store._write_rows

    def counted(self, db, table, rows):
        batches.append(len(rows))
        return write_rows(self, db, table, rows)

    monkeypatch.setattr(Store, "_write_rows", counted)
    assert demo._seed_synthetic(store, FIXED_TODAY, 0, 30) == 30
    assert _digest(store) == DIGEST_30
    assert max(batches) <= 7 * 40  # never more than a chunk's notes in memory


def test_synthetic_promises_are_due_after_their_visit_and_closed_by_today(store) -> None:
    """A promise is made at its visit: due after it, closed between it and today (they
    were due up to two months before their visit, and closed in the future)."""
    demo._seed_synthetic(store, FIXED_TODAY, 0, 300)
    rows = store.db.conn.execute(
        "SELECT date(v.date), m.due, m.state, m.closed_on FROM commitments m"
        " JOIN visits v ON v.id = m.visit_id"
    ).fetchall()
    assert len(rows) == 1200
    today = FIXED_TODAY.isoformat()
    for made, due, state, closed_on in rows:
        assert due > made
        assert (state == "done") == (closed_on is not None)
        if closed_on:
            assert made <= closed_on[:10] <= today
    overdue = [row for row in rows if row[2] == "open" and row[1] < today]
    assert 0 < len(overdue) < len(rows) // 4  # some promises broken, most kept or ahead


def test_a_build_resumes_where_it_stopped(store) -> None:
    demo._seed_synthetic(store, FIXED_TODAY, 0, 11)
    assert store.meta(demo.SYNTHETIC_KEY) == "11"
    demo._seed_synthetic(store, FIXED_TODAY, 11, 30)
    assert _digest(store) == DIGEST_30


# -- a new file: built as <file>.part without indexes and triggers, renamed when whole --------

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _file_digest(path: Path) -> str:
    """Every row of every table, the search index and the schema (indexes and triggers
    included) of the file at ``path``; uids (random) left out."""
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for (sql,) in conn.execute("SELECT sql FROM sqlite_master ORDER BY type, name"):
        digest.update(repr(sql).encode())
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'search_index_%' ORDER BY name"
        )
    ]
    for table in tables:  # counters may be in another order (counted at once at the end)
        for row in sorted(repr(row) for row in conn.execute(f"SELECT * FROM [{table}]")):
            digest.update(_UUID.sub("U", f"{table} {row}").encode())
    conn.close()
    return digest.hexdigest()


@pytest.fixture
def frozen(monkeypatch):
    """Stores opened by the builder keep the tests' clock (created_at is in the digest)."""
    from interview_tui.store import database

    opened = database.open_store

    def open_frozen(*args, **kwargs):
        store = opened(*args, **kwargs)
        store.now = lambda: FIXED_NOW
        return store

    monkeypatch.setattr(database, "open_store", open_frozen)


def _in_place(path: Path) -> str:
    """The demo of 30 visits written into an existing database, as before (the reference)."""
    from interview_tui.store import open_store

    store = open_store(path)
    demo.seed_demo(store, FIXED_TODAY, 30)
    store.close()
    return _file_digest(path)


def test_a_new_file_holds_the_same_rows_indexes_and_counters(tmp_path, frozen, monkeypatch):
    monkeypatch.setattr(demo, "BULK_CHUNK", 7)
    reference = _in_place(tmp_path / "before.db")
    path = tmp_path / "new.db"
    added = demo.seed_new_file(path, FIXED_TODAY, 30)
    assert added["synthetic_visits"] == 30 and added["accounts"] == 2
    assert _file_digest(path) == reference
    assert sorted(p.name for p in tmp_path.iterdir()) == ["before.db", "new.db"]  # no .part


def test_a_stopped_build_leaves_no_file_and_resumes(tmp_path, frozen, monkeypatch) -> None:
    monkeypatch.setattr(demo, "BULK_CHUNK", 7)
    reference = _in_place(tmp_path / "before.db")
    chunk = demo._seed_synthetic_chunk
    calls = []

    def stopped(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # ctrl+c half-way
        return chunk(*args, **kwargs)

    monkeypatch.setattr(demo, "_seed_synthetic_chunk", stopped)
    path = tmp_path / "new.db"
    with pytest.raises(KeyboardInterrupt):
        demo.seed_new_file(path, FIXED_TODAY, 30)
    assert not path.exists() and demo.part_path(path).exists()
    monkeypatch.setattr(demo, "_seed_synthetic_chunk", chunk)
    added = demo.seed_new_file(path, FIXED_TODAY, 30)
    assert added["synthetic_visits"] == 16  # 14 were written before the stop
    assert _file_digest(path) == reference
    assert not demo.part_path(path).exists()


def test_demo_builds_a_new_file_whole_and_adds_to_an_existing_one(tmp_path) -> None:
    path = tmp_path / "demo.db"
    for visits, added in ((3, "3 synthetic visits"), (5, "2 synthetic visits")):
        result = CliRunner().invoke(cli, ["--db", str(path), "demo", "--visits", str(visits)])
        assert result.exit_code == 0, result.output
        assert added in result.output
        assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM visits").fetchone() == (9,)  # 4 + 5
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'bulk.%'").fetchone() == (0,)
