"""An import is all or nothing, even under ``kill -9``, and never merges two records.

The import commits in chunks (so the live screen's saves never wait for all of it); until
its last commit the visit is staged and hidden, and a cut import is removed whole, with one
line saying so, when the database is next opened.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.store import open_store
from interview_tui.tui.textual_private import notifications

from .conftest import FIXED_NOW, FIXED_TODAY

NOTES = 20_000
OTHERS = 500  # requirements, and as many commitments
ROWS = NOTES + 2 * OTHERS
CHUNK = 1_000


def _export(notes: int = NOTES, others: int | None = None) -> dict[str, Any]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_import import visit_export

    return visit_export(notes, notes // 10 if others is None else others)


def _reader(db: Path) -> sqlite3.Connection:
    """A read-only connection to ``db``, as any other process reading it has."""
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)


def _counts(db: Path) -> tuple[int, int, int]:
    """(visits, staged visits, notes + requirements + commitments), as any reader sees them."""
    conn = _reader(db)
    try:
        return _counted(conn)
    finally:
        conn.close()


def _counted(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """:func:`_counts` through a reader that stays open (a poll every few milliseconds)."""
    visits, rows = conn.execute(
        "SELECT (SELECT count(*) FROM visits), (SELECT count(*) FROM notes)"
        " + (SELECT count(*) FROM requirements) + (SELECT count(*) FROM commitments)"
    ).fetchone()
    columns = {row[1] for row in conn.execute("PRAGMA table_info(visits)")}
    staged = (
        conn.execute("SELECT count(*) FROM visits WHERE importing IS NOT NULL").fetchone()[0]
        if "importing" in columns
        else 0
    )
    return visits, staged, rows


def _start_import(db: Path, source: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "INTERVIEW_TUI_DB": str(db),
        "INTERVIEW_TUI_IMPORT_CHUNK": str(CHUNK),
        "INTERVIEW_TUI_LANG": "en",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "interview_tui", "--lang", "en", "import", str(source)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for(process: subprocess.Popen, db: Path, rows: int) -> tuple[int, int, int] | None:
    """Poll the database until the import has a visit and at least ``rows`` rows; None when
    it ended first."""
    deadline = time.monotonic() + 120
    reader = _reader(db)
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                return None
            counts = _counted(reader)
            if counts[0] and counts[2] >= rows:
                return counts
            time.sleep(0.005)
    finally:
        reader.close()
    raise AssertionError("the import made no progress")


def _visits(db: Path) -> Any:
    return CliRunner().invoke(cli, ["--lang", "en", "--db", str(db), "visits", "--json"])


#: kill when the import has written this many notes, requirements and commitments (0: the
#: visit only); the last one is at the very end, when it may or may not have finished
KILL_AT = [0, 1_500, 4_000, 7_000, 10_000, 13_000, 16_500, ROWS]


def test_an_import_killed_anywhere_is_absent_or_whole(tmp_path: Path) -> None:
    source = tmp_path / "big.json"
    source.write_text(json.dumps(_export(NOTES, OTHERS)), encoding="utf-8")
    cut = 0
    report = []
    for number, rows in enumerate(KILL_AT):
        db = tmp_path / f"kill-{number}.db"
        open_store(db).close()  # the schema exists before the import starts
        process = _start_import(db, source)
        at = _wait_for(process, db, rows)
        if at is not None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        staged = _counts(db)[1]
        report.append((rows, at, staged))
        # the next command (one that only reads) removes it and says so, once
        first, second = _visits(db), _visits(db)
        assert first.exit_code == 0 and second.exit_code == 0, first.output
        told = [line for line in first.stderr.splitlines() if "cut off" in line]
        assert len(told) == (1 if staged else 0), (rows, at, first.stderr)
        assert "Bench Co" in told[0] if told else True
        assert "cut off" not in second.stderr
        cut += bool(staged)
        visits, _, written = _counts(db)
        listed = json.loads(first.stdout)
        if visits:  # whole: every note of the file, and listed
            assert written == ROWS and len(listed) == 1, (rows, at, written)
            store = open_store(db, read_only=True)
            assert len(store.notes(listed[0]["id"])) == NOTES
            store.close()
        else:  # absent: nothing of it anywhere, not even its customer or people
            assert written == 0 and listed == [], (rows, at, written)
            conn = sqlite3.connect(db)
            leftovers = conn.execute(
                "SELECT (SELECT count(*) FROM customers)"
                " + (SELECT count(*) FROM people)"
                " + (SELECT count(*) FROM script_items)"
                " + (SELECT count(*) FROM search_index)"
            ).fetchone()[0]
            conn.close()
            assert leftovers == 0
    print("KILL POINTS (target rows, (visits, staged, rows) at the kill, staged after):", report)
    assert cut >= len(KILL_AT) - 2, report  # nearly every kill landed inside the import


def test_opening_the_database_during_an_import_leaves_it_running(tmp_path: Path) -> None:
    """Another process opening the database mid-import neither removes nor lists it."""
    source = tmp_path / "big.json"
    source.write_text(json.dumps(_export(6_000, 0)), encoding="utf-8")
    db = tmp_path / "shared.db"
    open_store(db).close()
    process = _start_import(db, source)
    assert _wait_for(process, db, 2_000) is not None, "the import ended too soon"
    store = open_store(db)  # what the TUI or any command does when it starts
    assert store.notices == [] and store.visit_rows() == [] and not store.search("month end")
    assert store.visit_rows(archived=True) == []
    listed = _visits(db)
    assert "cut off" not in listed.stderr and json.loads(listed.stdout) == []
    assert process.wait(timeout=120) == 0, process.stderr.read() if process.stderr else ""
    assert len(store.visit_rows()) == 1 and store.search("month end")
    assert len(store.notes(store.visit_rows()[0]["id"])) == 6_000
    store.close()


def test_a_cut_import_is_told_in_the_app_too(tmp_path: Path) -> None:
    import asyncio

    from interview_tui.exports.bundle import import_json_data
    from interview_tui.i18n import set_language
    from interview_tui.store import staging
    from interview_tui.tui.app import build_app

    db = tmp_path / "cut.db"
    store = open_store(db)
    visit = import_json_data(store, _export(50))
    with store.transaction():  # as a killed import leaves it: staged, not finished
        staging.mark(store, "visits", visit.id or 0, "cut")
    store.close()
    set_language("zh-CN")
    store = open_store(db)
    assert len(store.notices) == 1 and "Bench Co" in store.notices[0]
    assert store.visit_rows() == []
    app = build_app(store, today=lambda: FIXED_TODAY, now=lambda: FIXED_NOW, animate=False)

    async def run() -> list[str]:
        async with app.run_test() as pilot:
            await pilot.pause()
            return [n.message for n in notifications(app)]

    messages = asyncio.run(run())
    set_language("en")
    assert any("导入在完成前被中断" in m and "Bench Co" in m for m in messages), messages
    store.close()
    assert open_store(db).notices == []  # told once


def test_two_people_with_one_name_in_a_file_stay_two(tmp_path: Path) -> None:
    from interview_tui.exports.bundle import import_json_data

    data = _export(40)
    data["people"] = [
        {"id": 1, "customer_id": 1, "name": "张伟", "title": "CTO", "role": "tech_decision"},
        {"id": 2, "customer_id": 1, "name": "张伟", "title": "采购经理", "role": "procurement"},
    ]
    data["visit"]["attendee_ids"] = [1, 2]
    for index, note in enumerate(data["notes"]):
        note["speaker_id"] = 1 + index % 2
    store = open_store(tmp_path / "names.db")
    visit = import_json_data(store, data)
    people = {p.id: p.title for p in store.people(visit.customer_id)}
    assert sorted(people.values()) == ["CTO", "采购经理"]
    said = {}
    for note in store.notes(visit.id or 0):
        said.setdefault(people[note.speaker_id], 0)
        said[people[note.speaker_id]] += 1
    assert said == {"CTO": 20, "采购经理": 20}
    assert len(visit.attendee_ids) == 2
    # the same file again: still two, each matched by uid
    again = import_json_data(store, data)
    assert again.id == visit.id and len(store.people(visit.customer_id)) == 2
    store.close()


def test_a_colleagues_export_joins_the_same_customer_and_person_by_name(tmp_path) -> None:
    """Other uids (a colleague's database), the same names: the customer and the one person
    of that name and title are ours; a person of that name with another title is not."""
    from interview_tui.exports.bundle import import_json_data

    store = open_store(tmp_path / "colleague.db")
    mine = _export(4)
    mine["people"] = [
        {"id": 1, "customer_id": 1, "name": "张伟", "title": "CTO", "role": "tech_decision"}
    ]
    ours = import_json_data(store, mine)
    theirs = _export(4)
    theirs["visit"]["date"] = "2026-04-01T10:00:00"
    theirs["people"] = [
        {"id": 7, "customer_id": 1, "name": "张伟", "title": "CTO", "role": "tech_decision"},
        {"id": 8, "customer_id": 1, "name": "张伟", "title": "采购经理", "role": "procurement"},
    ]
    theirs["visit"]["attendee_ids"] = [7, 8]
    for note in theirs["notes"]:  # their ids: a speaker is one of the file's people
        note["speaker_id"] = 7
    visit = import_json_data(store, theirs)
    assert visit.customer_id == ours.customer_id and visit.id != ours.id
    people = store.people(ours.customer_id)
    assert sorted(p.title for p in people) == ["CTO", "采购经理"]
    cto = next(p for p in people if p.title == "CTO")
    assert cto.id in visit.attendee_ids and cto.id in ours.attendee_ids
    store.close()


@pytest.mark.parametrize("section", ["notes", "people", "script", "requirements", "commitments"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_uid_twice_in_one_file_is_refused_before_anything_is_written(
    tmp_path: Path, section: str, lang: str
) -> None:
    data = _export(20)
    data["people"].append({"id": 2, "customer_id": 1, "name": "Bo", "role": "business"})
    data["script"].append(
        {"id": 2, "visit_id": 1, "role": "business", "goal": "pain_points", "text": "And then?"}
    )
    rows = data[section]
    uid = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    rows[0]["uid"] = rows[1]["uid"] = uid.upper() if section == "notes" else uid
    db = tmp_path / "dup.db"
    for attempt in ("fresh", "again"):  # a new visit, and a visit already here
        if attempt == "again":
            clean = json.loads(json.dumps(data))
            del clean[section][1]["uid"]
            open_store(db).close()
            from interview_tui.exports.bundle import import_json_data

            store = open_store(db)
            import_json_data(store, clean)
            store.close()
        before = _counts(db) if db.exists() else None
        source = tmp_path / "dup.json"
        source.write_text(json.dumps(data), encoding="utf-8")
        result = CliRunner().invoke(cli, ["--lang", lang, "--db", str(db), "import", str(source)])
        assert result.exit_code == 2, result.output
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and f"{section}[1].uid" in lines[0], lines
        expected = (
            f"the same uid as {section}[0]" if lang == "en" else f"与 {section}[0] 的 uid 相同"
        )
        assert expected in lines[0], lines
        mark = ": " if lang == "en" else "："  # the file, the place, what is wrong
        assert lines[0].count(mark) >= 2 and f"dup.json{mark}{section}[1].uid{mark}" in lines[0]
        assert (_counts(db) if db.exists() else None) == before
        if attempt == "fresh":
            assert before is None and not db.exists()


def test_a_reimport_updates_every_record_and_its_search_entry_quickly(tmp_path) -> None:
    """Importing a file again updates each record in place (text, search entry) and adds
    the new ones, in grouped statements: about the time of the first import, not five
    times it (one UPDATE and one index rewrite per record)."""
    from interview_tui.exports.bundle import import_json_data

    notes = 5_000
    store = open_store(tmp_path / "again.db")
    start = time.process_time()
    visit = import_json_data(store, _export(notes))
    first = time.process_time() - start
    data = _export(notes)
    for note in data["notes"]:
        note["text"] = note["text"].replace("month end", "quarter close")
    data["notes"].append({"id": notes + 1, "visit_id": 1, "text": "a brand new note"})
    data["commitments"][0]["text"] = "send the revised deck"
    start = time.process_time()
    again = import_json_data(store, data)
    second = time.process_time() - start
    assert again.id == visit.id and len(store.visit_rows()) == 1
    texts = [n.text for n in store.notes(visit.id or 0)]
    assert len(texts) == notes + 1 and "a brand new note" in texts
    assert not any("month end" in text for text in texts)
    assert not store.search("month end") and store.search("quarter close")
    assert store.search("revised deck") and store.search("brand new")
    # CPU, not wall: the machine is shared; record by record it was 4-5 times
    assert second < 2.5 * first + 0.5, (first, second)
    store.close()
