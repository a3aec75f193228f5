"""The SQLite store: private files, transactions, versions, refusal of files not ours."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest

from interview_tui.domain.models import Commitment, Customer, Note, Visit
from interview_tui.store import Store, StoreError, open_store
from interview_tui.store.database import APPLICATION_ID
from interview_tui.store.migrations import LATEST_VERSION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _visit(store: Store, name: str = "星河视频") -> Visit:
    customer = store.save(Customer(name=name))
    return store.save(Visit(customer_id=customer.id, date=datetime(2026, 11, 20, 10)))


def test_new_database_is_private_wal_and_enforces_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "interview.db"
    store = open_store(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    with pytest.raises(StoreError):
        store.save(Note(visit_id=999, text="orphan"))
    store.close()


def test_save_assigns_ids_and_roundtrips(store: Store) -> None:
    visit = _visit(store)
    note = store.save(Note(visit_id=visit.id, text="20人运维团队", internal=True))
    assert note.id is not None and note.created_at is not None
    loaded = store.get(Note, note.id)
    assert loaded is not None and loaded.text == "20人运维团队" and loaded.internal is True
    note.text = "20人运维团队,2个大牛"
    store.save(note)
    assert store.get(Note, note.id).text.endswith("2个大牛")
    assert len(store.notes(visit.id)) == 1


def test_failed_transaction_leaves_nothing_half_written(store: Store) -> None:
    visit = _visit(store)
    with pytest.raises(RuntimeError), store.transaction():
        store.save(Note(visit_id=visit.id, text="first half"))
        store.save(Commitment(visit_id=visit.id, text="second half"))
        raise RuntimeError("crash in the middle")
    assert store.notes(visit.id) == []
    assert store.commitments(visit.id) == []
    assert store.search("half") == []


def test_save_all_is_all_or_nothing(store: Store) -> None:
    visit = _visit(store)
    with pytest.raises(StoreError):
        store.save_all([Note(visit_id=visit.id, text="kept?"), Note(visit_id=12345, text="bad")])
    assert store.notes(visit.id) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("账单", True),  # a two-character Chinese word inside a longer run
        ("对账单", True),
        ("单", True),  # one character: prefix of the bigrams
        ("账目", False),
        ("reconciliation", True),
        ("Reconcil", True),  # prefix, case-folded
        ("billing 账单", True),  # all terms must match
        ("billing 故障", False),
        ("  ", None),
    ],
)
def test_search_finds_chinese_and_english_words(store: Store, query: str, expected) -> None:
    visit = _visit(store)
    store.save(Note(visit_id=visit.id, text="客户反馈每个月对账单要花5天, billing reconciliation"))
    hits = store.search(query)
    if expected is None:
        assert hits == []
    else:
        assert bool(hits) is expected
    if expected:
        assert hits[0].customer == "星河视频" and hits[0].visit_id == visit.id
        assert hits[0].kind == "note"


def test_search_follows_edits_and_deletes(store: Store) -> None:
    visit = _visit(store)
    commitment = store.save(Commitment(visit_id=visit.id, text="发送延迟报告"))
    assert store.search("延迟")
    commitment.text = "发送账单样本"
    store.save(commitment)
    assert not store.search("延迟") and store.search("账单")
    store.delete(Commitment, commitment.id)
    assert not store.search("账单")


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # a later version of ours
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="newer interview-tui"):
        open_store(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.db"]


def test_corrupt_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not a database" * 100)
    before = _digest(path)
    with pytest.raises(StoreError, match="not a usable"):
        open_store(path)
    assert _digest(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_file_is_refused(tmp_path: Path) -> None:  # pragma: no cover - non-root
    path = tmp_path / "ro.db"
    open_store(path).close()
    path.chmod(0o400)
    with pytest.raises(StoreError, match="read-only"):
        open_store(path)


def test_read_only_file_is_refused_even_for_root(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "ro.db"
    open_store(path).close()
    path.chmod(0o400)
    before = _digest(path)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == path else real_access(p, mode)
    )
    with pytest.raises(StoreError, match="read-only"):
        open_store(path)
    assert _digest(path) == before


def test_full_disk_is_a_clear_error_and_loses_nothing(store: Store) -> None:
    visit = _visit(store)
    store.save(Note(visit_id=visit.id, text="saved before the disk filled"))
    pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
    store.db.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="not saved"):
        store.save_all(Note(visit_id=visit.id, text="x" * 5000) for _ in range(50))
    assert [n.text for n in store.notes(visit.id)] == ["saved before the disk filled"]


def test_two_connections_write_without_locking_errors(db_path: Path) -> None:
    first = open_store(db_path)
    second = open_store(db_path)
    visit = _visit(first)
    with first.transaction():
        first.save(Note(visit_id=visit.id, text="from the first window"))
        # the second writer waits for the lock instead of failing (busy timeout)
        import threading

        done = threading.Event()

        def write() -> None:
            second.save(Note(visit_id=visit.id, text="from the second window"))
            done.set()

        thread = threading.Thread(target=write)
        thread.start()
        assert not done.wait(0.2)
    thread.join(5)
    assert done.is_set()
    texts = sorted(n.text for n in first.notes(visit.id))
    assert texts == ["from the first window", "from the second window"]
    first.close()
    second.close()


@pytest.mark.parametrize(
    "setup",
    [
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)",
        "CREATE TABLE customers (id); CREATE TABLE visits (id); PRAGMA user_version = 2",
        "PRAGMA application_id = 1234; CREATE TABLE t (x)",
        "PRAGMA journal_mode = DELETE; CREATE TABLE notes (x); PRAGMA user_version = 9",
    ],
)
def test_foreign_sqlite_file_is_refused_byte_for_byte(tmp_path: Path, setup: str) -> None:
    path = tmp_path / "theirs.db"
    conn = sqlite3.connect(path)
    conn.executescript(setup)
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="another program"):
        open_store(path)
    with pytest.raises(StoreError, match="another program"):
        open_store(path, read_only=True)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["theirs.db"]


def test_ours_is_marked_and_an_unmarked_earlier_one_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "ours.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.execute("PRAGMA application_id = 0")  # as an earlier version left it
    conn.commit()
    conn.close()
    store = open_store(path)
    assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_read_only_store_reads_and_refuses_writes_without_touching(tmp_path: Path) -> None:
    path = tmp_path / "ours.db"
    store = open_store(path)
    store.save(Customer(name="Contoso"))
    store.close()
    before = _digest(path)
    reader = open_store(path, read_only=True)
    assert reader.customer_by_name("Contoso") is not None
    with pytest.raises(StoreError, match="read-only"):
        reader.save(Customer(name="Fabrikam"))
    reader.close()
    assert _digest(path) == before


def test_index_entry_is_replaced_not_duplicated(store: Store) -> None:
    customer = store.save(Customer(name="C"))
    visit = store.save(Visit(customer_id=customer.id, date=datetime(2026, 1, 1)))
    note = store.save(Note(visit_id=visit.id, text="账单 first"))
    for text in ("账单 second", "账单 third"):
        note.text = text
        store.save(note)
    assert len(store.search("账单")) == 1
    assert store.query("SELECT count(*) AS n FROM search_index WHERE kind = 'note'")[0]["n"] == 1


@pytest.mark.parametrize(
    "text, query",
    [
        ("A友商 的报价", "A友商"),
        ("A友商 的报价", "友商"),
        ("A友商 的报价", "A"),
        ("时延要求30ms以内", "30ms以内"),
        ("热迁移时 hang机 80ms", "hang机"),
        ("App推广 预算", "App推广"),
    ],
)
def test_search_mixed_latin_and_chinese(store: Store, text: str, query: str) -> None:
    customer = store.save(Customer(name="C"))
    visit = store.save(Visit(customer_id=customer.id, date=datetime(2026, 1, 1)))
    store.save(Note(visit_id=visit.id, text=text))
    store.save(Note(visit_id=visit.id, text="unrelated 其他内容"))
    hits = store.search(query)
    assert len(hits) == 1, (query, hits)
