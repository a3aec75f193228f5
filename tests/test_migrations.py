"""An old database upgrades with every row intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from interview_tui.domain.models import Commitment, Note, Requirement, Visit
from interview_tui.store import open_store
from interview_tui.store.migrations import LATEST_VERSION

FIXTURE = Path(__file__).parent / "fixtures" / "schema_v1.sql"


def _old_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(FIXTURE.read_text(encoding="utf-8"))
    conn.close()


def test_version_1_database_upgrades_with_rows_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("customers", "people", "visits", "notes", "requirements", "commitments")}
    conn.close()

    store = open_store(path)
    assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    after = {t: store.db[t].count for t in before}
    assert after == before
    visit = store.get(Visit, 1)
    assert visit is not None and visit.purpose == "首次拜访"
    note = store.get(Note, 1)
    assert note is not None and "对账单" in note.text
    requirement = store.get(Requirement, 1)
    assert requirement is not None and requirement.link_key == "" and requirement.pain == "手工五天"
    commitment = store.get(Commitment, 1)
    assert commitment is not None and commitment.history == []
    # nothing archived; requirements start with no history and no schedule-dispute answers
    assert visit.archived_at is None
    assert requirement.history == [] and requirement.told_customer == ""
    assert requirement.share_plan is False
    assert all(p.archived_at is None for p in store.people(visit.customer_id))
    # rows from before the search index existed are searchable after the upgrade
    assert {hit.kind for hit in store.search("账单")} == {"note", "requirement", "commitment"}
    assert store.search("reconciliation")
    store.close()


def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path)
    open_store(path).close()
    store = open_store(path)
    assert len(store.search("账单")) == 3
    store.close()
