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


V3_FIXTURE = Path(__file__).parent / "fixtures" / "schema_v3.sql"


def test_version_3_database_keeps_every_voice_of_a_question(tmp_path: Path) -> None:
    """Two notes under one question (two speakers), a free note and a pain come through the
    upgrade as they were, and the live session shows both voices under the question."""
    from datetime import datetime

    from interview_tui.services.live_session import LiveSession

    path = tmp_path / "v3.db"
    conn = sqlite3.connect(path)
    conn.executescript(V3_FIXTURE.read_text(encoding="utf-8"))
    rows_before = conn.execute("SELECT * FROM notes ORDER BY id").fetchall()
    commitments_before = conn.execute("SELECT count(*) FROM commitments").fetchone()[0]
    conn.close()

    store = open_store(path)
    assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    columns = "id, visit_id, script_item_id, speaker_id, goal, text, internal, kind, action"
    after = store.db.conn.execute(f"SELECT {columns} FROM notes ORDER BY id").fetchall()
    assert after == [tuple(row[:9]) for row in rows_before]
    # no promise is invented for an old pain
    assert store.db["commitments"].count == commitments_before
    session = LiveSession.open(store, 1, datetime(2026, 3, 2, 10, 5))
    first = session.items[0]
    voices = session.notes_for(first)
    assert [note.speaker_id for note in voices] == [1, 2]
    assert voices[1].internal and "CSV" in voices[1].text
    assert session.notes_for(None)[0].text.startswith("free note")
    assert {hit.kind for hit in store.search("A友商")} == {"note"}
    store.close()
