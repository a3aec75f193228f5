"""``demo --visits N`` builds its synthetic visits a chunk at a time (memory flat at any N)
and writes the same rows as it always did for the same N and day."""

from __future__ import annotations

import hashlib

from interview_tui.services import demo
from interview_tui.store.store import Store

from .conftest import FIXED_TODAY

#: what ``_seed_synthetic(store, FIXED_TODAY, 0, 30)`` wrote when it built every visit's
#: records before inserting them, in one transaction (uids left out: they are random)
DIGEST_30 = "5c4b8a1bc22ac6864ad681c9d8a19b49be916a6e1d06522d3b5bb00ea41b02c2"

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


def test_a_build_resumes_where_it_stopped(store) -> None:
    demo._seed_synthetic(store, FIXED_TODAY, 0, 11)
    assert store.meta(demo.SYNTHETIC_KEY) == "11"
    demo._seed_synthetic(store, FIXED_TODAY, 11, 30)
    assert _digest(store) == DIGEST_30
