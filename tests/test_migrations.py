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
    before = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("customers", "people", "visits", "notes", "requirements", "commitments")
    }
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
    # and so are the people and customers (version 18), each once
    assert [(hit.kind, hit.ref_id) for hit in store.search("周工")] == [("person", 1)]
    assert [(hit.kind, hit.ref_id) for hit in store.search("技术执行人")] == [("person", 1)]
    assert [(hit.kind, hit.customer) for hit in store.search("Old Customer")] == [
        ("customer", "旧客户 Old Customer")
    ]
    store.close()


def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path)
    open_store(path).close()
    store = open_store(path)
    assert len(store.search("账单")) == 3
    assert len(store.search("周工")) == 1
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
    assert [(hit.kind, hit.ref_id) for hit in store.search("ops lead")] == [("person", 2)]
    assert [hit.kind for hit in store.search("华东物流")] == ["customer"]


_TABLES = (
    "customers",
    "people",
    "visits",
    "script_items",
    "customer_questions",
    "notes",
    "requirements",
    "commitments",
)


def _rows(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in _TABLES}


def _assert_uids(store) -> None:
    import uuid

    for table in _TABLES:
        uids = [r["uid"] for r in store.query(f"SELECT uid FROM {table}")]
        assert all(str(uuid.UUID(u)) == u for u in uids), table
        assert len(set(uids)) == len(uids), table


def test_version_1_upgrade_keeps_every_column_and_adds_uids(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path)
    conn = sqlite3.connect(path)
    before = _rows(conn)
    conn.close()
    store = open_store(path)
    after = {
        t: [row[: len(before[t][0])] if before[t] else row for row in rows]
        for t, rows in _rows(store.conn).items()
    }
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}
    # every old column keeps its value (new columns are added at the end of each row)
    for table in ("customers", "people", "visits", "notes", "requirements"):
        assert after[table] == before[table], table
    _assert_uids(store)
    commitment = store.get(Commitment, 1)
    assert commitment.first_due == commitment.due and commitment.authority_override == ""
    assert store.get(Requirement, 1).how_to_use == ""
    store.close()


def test_a_database_one_version_back_upgrades_with_every_record(tmp_path: Path) -> None:
    """The version before the uids, with a rescheduled commitment: its first due date is
    the date it had before the first reschedule."""
    import json

    import sqlite_utils

    from interview_tui.store.migrations import migrate

    path = tmp_path / "prev.db"
    db = sqlite_utils.Database(path)
    migrate(db, target=5)  # the version before the uids
    db["customers"].insert({"id": 1, "name": "星河视频", "industry": "video"})
    db["people"].insert({"id": 1, "customer_id": 1, "name": "孙倩", "role": "tech_execution"})
    db["visits"].insert(
        {
            "id": 1,
            "customer_id": 1,
            "date": "2026-10-01T10:00:00",
            "status": "done",
            "goals": "[]",
            "attendee_ids": "[1]",
            "give_back": "[]",
            "rehearsal": "{}",
            "purpose": "复盘",
        }
    )
    history = [
        {"on": "2026-10-05", "from": "2026-10-10", "to": "2026-10-20", "reason": "a"},
        {"on": "2026-10-18", "from": "2026-10-20", "to": "2026-11-01", "reason": "b"},
        {"on": "2026-10-30", "state": "done", "note": "sent"},
    ]
    db["commitments"].insert_all(
        [
            {"owner_name": "", "resolution_note": "", **row}
            for row in [
                {
                    "id": 1,
                    "visit_id": 1,
                    "text": "发送报告",
                    "owner_side": "us",
                    "due": "2026-11-01",
                    "within_authority": 1,
                    "state": "done",
                    "closed_on": "2026-10-30",
                    "history": json.dumps(history),
                },
                {
                    "id": 2,
                    "visit_id": 1,
                    "text": "回复",
                    "owner_side": "customer",
                    "due": "2026-10-03",
                    "within_authority": 1,
                    "state": "open",
                    "history": "[]",
                },
                {
                    "id": 3,
                    "visit_id": 1,
                    "text": "无日期",
                    "owner_side": "us",
                    "due": None,
                    "within_authority": 0,
                    "state": "open",
                    "history": "[]",
                },
            ]
        ]
    )
    db["notes"].insert(
        {
            "id": 1,
            "visit_id": 1,
            "speaker_id": 1,
            "text": "对账慢",
            "goal": "pain_points",
            "internal": 0,
            "kind": "note",
        }
    )
    db["requirements"].insert(
        {
            "id": 1,
            "customer_id": 1,
            "visit_id": 1,
            "title": "导出",
            "state": "already_supported",
            "pool_group": "backlog",
        }
    )
    before = _rows(db.conn)
    db.close()

    store = open_store(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    after = _rows(store.conn)
    for table, rows in before.items():
        assert [row[: len(rows[0])] for row in after[table]] == rows, table
    _assert_uids(store)
    first, theirs, undated = (store.get(Commitment, i) for i in (1, 2, 3))
    assert first.first_due.isoformat() == "2026-10-10" and not first.kept_on_time
    assert theirs.first_due.isoformat() == "2026-10-03" and undated.first_due is None
    store.close()


def test_version_6_database_keeps_every_requirement_and_starts_with_no_solution(
    tmp_path: Path,
) -> None:
    """A v6 database (uids, before the solution history): every requirement keeps every
    column, its history and its uid; each starts with no proposal, and the gate then holds."""
    import json

    import pytest
    import sqlite_utils

    from interview_tui.domain.enums import PoolGroup, SolutionAnswer
    from interview_tui.services import requirement_pool, solutions
    from interview_tui.store.migrations import migrate

    path = tmp_path / "v6.db"
    db = sqlite_utils.Database(path)
    migrate(db, target=6)
    db["customers"].insert({"id": 1, "name": "星河视频", "uid": str(uuid_of(4))})
    db["visits"].insert(
        {
            "id": 1,
            "customer_id": 1,
            "date": "2026-10-01T10:00:00",
            "status": "done",
            "goals": "[]",
            "attendee_ids": "[]",
            "give_back": "[]",
            "rehearsal": "{}",
            "uid": str(uuid_of(1)),
        }
    )
    history = [
        {
            "on": "2026-10-02",
            "field": "state",
            "from": "captured",
            "to": "clarified",
            "reason": "问清楚了",
        }
    ]
    blank = dict.fromkeys(
        (
            "title",
            "user",
            "scenario",
            "pain",
            "product_details",
            "originator",
            "solution_idea",
            "workaround",
            "told_customer",
            "link_key",
            "how_to_use",
        ),
        "",
    )
    db["requirements"].insert_all(
        [
            {**blank, "share_plan": 0, **row}
            for row in [
                {
                    "id": 1,
                    "customer_id": 1,
                    "visit_id": 1,
                    "title": "按标签导出",
                    "user": "财务",
                    "scenario": "月结",
                    "pain": "手工五天",
                    "state": "solution_confirmed",
                    "pool_group": "in_progress",
                    "planned": "2027-01-20",
                    "told_customer": "一月上线",
                    "share_plan": 1,
                    "history": json.dumps(history, ensure_ascii=False),
                    "link_key": "billing",
                    "how_to_use": "",
                    "uid": str(uuid_of(2)),
                },
                {
                    "id": 2,
                    "customer_id": 1,
                    "visit_id": None,
                    "title": "热迁移",
                    "state": "captured",
                    "pool_group": "backlog",
                    "history": "[]",
                    "uid": str(uuid_of(3)),
                },
            ]
        ]
    )
    before = db.conn.execute("SELECT * FROM requirements ORDER BY id").fetchall()
    db.close()

    store = open_store(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    after = store.conn.execute("SELECT * FROM requirements ORDER BY id").fetchall()
    assert [row[: len(before[0])] for row in after] == before  # every old value kept
    first, second = store.get(Requirement, 1), store.get(Requirement, 2)
    assert first.history == history and first.share_plan and first.uid == str(uuid_of(2))
    assert first.solutions == [] and second.solutions == [] and not first.solution_agreed
    # already in progress stays there; a new move in needs an agreed solution or a reason
    assert first.group is PoolGroup.IN_PROGRESS
    with pytest.raises(requirement_pool.SolutionGateError):
        requirement_pool.move(store, 2, PoolGroup.IN_PROGRESS)
    solutions.propose(store, 2, "先做热迁移预检")
    solutions.answer(store, 2, SolutionAnswer.AGREED)
    assert requirement_pool.move(store, 2, PoolGroup.IN_PROGRESS).requirement.solution_agreed
    store.close()


def uuid_of(n: int):
    import uuid

    return uuid.UUID(int=n, version=4)


def test_version_8_database_gains_the_live_windows_with_every_note_kept(tmp_path: Path) -> None:
    import sqlite_utils

    from interview_tui.services.live_windows import LiveWindow
    from interview_tui.store.migrations import migrate

    path = tmp_path / "v8.db"
    db = sqlite_utils.Database(path)
    migrate(db, target=8)
    db["customers"].insert({"id": 1, "name": "星河视频", "uid": str(uuid_of(1))})
    db["visits"].insert(
        {
            "id": 1,
            "customer_id": 1,
            "date": "2026-10-01T10:00:00",
            "status": "live",
            "goals": "[]",
            "attendee_ids": "[]",
            "give_back": "[]",
            "rehearsal": "{}",
            "uid": str(uuid_of(2)),
        }
    )
    db["notes"].insert(
        {
            "id": 1,
            "visit_id": 1,
            "text": "ALPHA",
            "kind": "note",
            "internal": 0,
            "uid": str(uuid_of(3)),
        }
    )
    before = db.conn.execute("SELECT * FROM notes").fetchall()
    assert "live_windows" not in db.table_names()
    db.close()

    store = open_store(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    after = store.conn.execute("SELECT * FROM notes").fetchall()
    assert [row[: len(before[0])] for row in after] == before  # later columns are new
    window = LiveWindow(store, 1)
    window.enter()
    assert [row["pid"] for row in store.live_windows(1)] == [window.pid]
    store.close()


def test_a_version_10_database_without_same_as_gains_it_and_keeps_its_customers(
    tmp_path: Path,
) -> None:
    """An earlier build of version 10 made ``customers`` without ``same_as``; such a database
    at version 14 opens, its customers read, and two of them can be said to be the same."""
    from interview_tui.domain.models import Customer

    path = tmp_path / "old.db"
    store = open_store(path)
    store.save(Customer(name="Acme 旧客户"))
    store.close()
    old = sqlite3.connect(path)
    old.execute("ALTER TABLE customers DROP COLUMN same_as")
    old.execute("PRAGMA user_version = 14")
    old.commit()
    old.close()

    store = open_store(path)
    names = [customer.name for customer in store.all(Customer)]
    assert names == ["Acme 旧客户"]
    columns = {row[1] for row in store.conn.execute("PRAGMA table_info(customers)")}
    assert "same_as" in columns
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    store.close()
