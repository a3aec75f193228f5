"""An import keeps a visit's history and refuses what it could only guess.

The times a file carries (``created_at``, ``updated_at``) are kept, on a first import and on
a re-import; a reference to an id the file does not hold, a commitment done on no day and a
record with no uid or id (added again by every import) are refused with one line naming the
file, the place and the value, before anything is written.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.exports.bundle import import_json_data
from interview_tui.exports.visit_json import visit_json_data
from interview_tui.store import Store, open_store

#: the clock of the database a file is imported into (later than anything in the file)
IMPORTED_AT = datetime(2026, 12, 1, 8, 0, 0)
#: the references of a file, by section: field -> the section whose ids it names
REFERENCES = {
    "notes": {"script_item_id": "script", "speaker_id": "people"},
    "commitments": {"pain_note_id": "notes"},
}


def _with_history(store: Store) -> None:
    """Visit 1 of the demo with times of its own: each note made and last edited on a day
    of its own, each requirement and commitment made on another, and a commitment that
    answers the visit's pain note."""
    db = store.db
    for n, row in enumerate(store.query("SELECT id FROM notes WHERE visit_id = 1 ORDER BY id")):
        db.execute(
            "UPDATE notes SET created_at = ?, updated_at = ? WHERE id = ?",
            [
                f"2026-11-0{1 + n % 5}T10:0{n % 10}:00",
                f"2026-11-1{n % 9}T16:4{n % 10}:00",
                row["id"],
            ],
        )
    db.execute("UPDATE requirements SET created_at = '2026-10-30T11:11:00' WHERE visit_id = 1")
    db.execute("UPDATE commitments SET created_at = '2026-10-31T12:12:00' WHERE visit_id = 1")
    pain = store.query("SELECT id FROM notes WHERE visit_id = 1 AND kind = 'pain'")[0]["id"]
    db.execute(
        "UPDATE commitments SET pain_note_id = ? WHERE id ="
        " (SELECT min(id) FROM commitments WHERE visit_id = 1 AND state = 'open')",
        [pain],
    )
    db.conn.commit()


def _export(db: Path | str, visit: int, *extra: str) -> dict[str, Any]:
    result = CliRunner().invoke(
        cli, ["--db", str(db), "export", str(visit), "--format", "json", *extra]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _resolved(document: dict[str, Any]) -> dict[str, Any]:
    """The document as any database holds it: each reference by the uid it names (the ids
    are the exporting database's own), the ids left out."""
    uids = {
        section: {row["id"]: row["uid"] for row in document[section]}
        for section in ("people", "script", "notes")
    }
    out = json.loads(json.dumps(document))
    for part in (out["customer"], out["visit"], *(r for s in uids for r in out[s])):
        part.pop("id", None)
    out["visit"]["attendee_ids"] = [uids["people"][i] for i in document["visit"]["attendee_ids"]]
    for section in ("notes", "requirements", "commitments", "customer_questions", "script"):
        for row in out[section]:
            for name in ("id", "visit_id", "customer_id"):
                row.pop(name, None)
            for name, target in REFERENCES.get(section, {}).items():
                row[name] = uids[target].get(row[name])
    for record in (out["visit"], *out["people"]):
        record.pop("customer_id")
    return out


@pytest.mark.parametrize("visit", [1, 2, 3])
def test_an_exported_visit_imported_elsewhere_exports_the_same(demo_store, tmp_path, visit):
    """Every field of every record, times and links included, as the file had it."""
    _with_history(demo_store)
    first = _export(demo_store.path, visit, "--include-personal")
    source = tmp_path / "visit.json"
    source.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "other.db"
    result = CliRunner().invoke(cli, ["--db", str(other), "import", str(source)])
    assert result.exit_code == 0, result.output
    again = _export(other, 1, "--include-personal")
    assert _resolved(again) == _resolved(first)
    if visit == 1:  # what the demo's first visit holds, so the comparison compares something
        notes = first["notes"]
        assert len({n["updated_at"] for n in notes}) > 1 and any(n["script_item_id"] for n in notes)
        assert any(c["pain_note_id"] for c in first["commitments"])
    # the same file again changes nothing, its times included
    result = CliRunner().invoke(cli, ["--db", str(other), "import", str(source)])
    assert result.exit_code == 0 and "updated" in result.output, result.output
    assert _export(other, 1, "--include-personal") == again


def _other_store(tmp_path: Path, data: dict[str, Any]) -> tuple[Store, int]:
    other = open_store(tmp_path / "other.db")
    other.now = lambda: IMPORTED_AT
    return other, import_json_data(other, json.loads(json.dumps(data))).saved_id


def _times(store: Store, table: str) -> dict[str, tuple[str | None, str | None]]:
    columns = "created_at, updated_at" if table == "notes" else "created_at, NULL AS updated_at"
    rows = store.query(f"SELECT uid, {columns} FROM {table}")
    return {r["uid"]: (r["created_at"], r["updated_at"]) for r in rows}


def test_a_reimport_keeps_the_times_of_what_it_does_not_change_and_dates_what_it_does(
    demo_store, tmp_path
) -> None:
    """Unchanged: nothing moves. Changed, with a later edit in the file: the file's time.
    Changed by a copy that is not later (a hand edit, an older copy): the import's time,
    so ``updated_at`` never goes back. ``created_at`` stays the first one."""
    _with_history(demo_store)
    data = visit_json_data(demo_store, 1, include_personal=True)
    other, visit = _other_store(tmp_path, data)
    here = _times(other, "notes")
    assert here == {n["uid"]: (n["created_at"], n["updated_at"]) for n in data["notes"]}
    # a note edited here after the export (its updated_at is later than the file's)
    edited_here = data["notes"][3]
    other.db.execute(
        "UPDATE notes SET text = 'edited here', updated_at = '2026-11-30T18:00:00' WHERE uid = ?",
        [edited_here["uid"]],
    )
    other.db.conn.commit()
    changed = json.loads(json.dumps(data))
    later, by_hand, older = changed["notes"][0], changed["notes"][1], changed["notes"][3]
    later.update(text="edited on the other laptop", updated_at="2026-11-29T09:45:00")
    by_hand["text"] = "edited in the file"  # its updated_at is the export's
    older["text"] = "the copy of the file"  # the file's time is before the edit here
    changed["notes"][2]["updated_at"] = "2026-11-29T10:00:00"  # the same note, a later time
    changed["commitments"][0]["text"] = "a changed promise"
    del changed["commitments"][0]["created_at"]
    changed["requirements"][0]["title"] = "a changed need"
    import_json_data(other, changed)
    now = IMPORTED_AT.isoformat()
    times = _times(other, "notes")
    assert times[later["uid"]] == (later["created_at"], "2026-11-29T09:45:00")
    assert times[by_hand["uid"]] == (by_hand["created_at"], now)
    assert times[older["uid"]] == (older["created_at"], now)
    unchanged = [n["uid"] for n in data["notes"][2:] if n["uid"] != older["uid"]]
    assert {uid: times[uid] for uid in unchanged} == {uid: here[uid] for uid in unchanged}
    for table in ("commitments", "requirements"):
        made = {r["uid"]: r["created_at"] for r in data[table]}
        assert {uid: t[0] for uid, t in _times(other, table).items()} == made
    texts = {r["uid"]: r["text"] for r in other.query("SELECT uid, text FROM notes")}
    assert texts[older["uid"]] == "the copy of the file"  # the file's record replaces ours
    assert visit == 1
    other.close()


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _rows(db: Path) -> dict[str, list[Any]]:
    """Every row of every table the import writes (what a refused import must not touch)."""
    store = open_store(db)
    try:
        return {
            table: [tuple(r.values()) for r in store.query(f"SELECT * FROM {table} ORDER BY id")]
            for table in (
                "customers",
                "people",
                "visits",
                "script_items",
                "notes",
                "requirements",
                "commitments",
                "customer_questions",
            )
        }
    finally:
        store.close()


def _break_script(d: dict[str, Any]) -> None:
    d["notes"][1]["script_item_id"] = 99999


def _break_speaker(d: dict[str, Any]) -> None:
    d["notes"][0]["speaker_id"] = 12345


def _break_attendee(d: dict[str, Any]) -> None:
    d["visit"]["attendee_ids"] = [d["people"][0]["id"], 777]


def _break_pain(d: dict[str, Any]) -> None:
    d["commitments"][1]["pain_note_id"] = 4242


def _done_on_no_day(d: dict[str, Any]) -> None:
    d["commitments"][1].update(state="done", closed_on=None)


def _same_id(d: dict[str, Any]) -> None:
    """Two questions with one id: a note refers to that id (a record copied by hand with
    its id is otherwise fine)."""
    assert d["notes"][0]["script_item_id"] == d["script"][0]["id"] == 1
    d["script"][2]["id"] = d["script"][0]["id"]


BROKEN = {
    "script": (
        _break_script,
        "notes[1].script_item_id",
        "99999",
        "no question of the file's script has this id",
        "文件的脚本中没有这个 id 的问题",
    ),
    "speaker": (
        _break_speaker,
        "notes[0].speaker_id",
        "12345",
        "no person of the file's people has this id",
        "文件中没有这个 id 的人",
    ),
    "attendee": (
        _break_attendee,
        "visit.attendee_ids[1]",
        "777",
        "no person of the file's people has this id",
        "文件中没有这个 id 的人",
    ),
    "pain": (
        _break_pain,
        "commitments[1].pain_note_id",
        "4242",
        "no note of the file's notes has this id",
        "文件中没有这个 id 的笔记",
    ),
    "done": (
        _done_on_no_day,
        "commitments[1].closed_on",
        "None",
        "a commitment marked done needs the day it was done",
        "已完成的承诺需要写明完成日期",
    ),
    "same id": (
        _same_id,
        "notes[0].script_item_id",
        "1",
        "script[0] and script[2] both have this id",
        "script[0] 和 script[2] 的 id 都是这个值",
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_reference_is_refused_naming_file_place_and_value(
    demo_store, tmp_path, case, lang
) -> None:
    """Into a new database and over the visit already here: exit 2, one line, nothing
    written (a dropped link, a speaker or attendee lost, a promise late for ever, were all
    'updated visit 1' before)."""
    _with_history(demo_store)
    data = visit_json_data(demo_store, 1, include_personal=True)
    breaks, where, value, english, chinese = BROKEN[case]
    breaks(data)
    source = _write(tmp_path / "v1.json", data)
    fresh = tmp_path / "fresh.db"
    for db in (fresh, Path(demo_store.path)):
        before = _rows(db) if db.exists() else None
        result = CliRunner().invoke(cli, ["--lang", lang, "--db", str(db), "import", str(source)])
        assert result.exit_code == 2, result.output
        lines = result.stderr.splitlines()
        message = english if lang == "en" else chinese
        mark = ": " if lang == "en" else "："  # the file, the place, what is wrong
        assert len(lines) == 1, lines
        assert f"{source}{mark}{where}{mark}{message}" in lines[0], lines
        assert value in lines[0].rsplit(message, 1)[1], lines
        assert (_rows(db) if db.exists() else None) == before
    assert not fresh.exists()


def test_a_link_to_a_note_the_file_left_out_is_dropped_elsewhere_and_kept_here(
    demo_store, tmp_path
) -> None:
    """An export without personal notes leaves a private pain note out, not the commitment
    that answers it: a new database gets the commitment without the link; the database it
    came from keeps its link."""
    _with_history(demo_store)
    demo_store.db.execute("UPDATE notes SET private = 1 WHERE visit_id = 1 AND kind = 'pain'")
    demo_store.db.conn.commit()
    linked = demo_store.query("SELECT uid, pain_note_id FROM commitments WHERE pain_note_id > 0")
    data = visit_json_data(demo_store, 1)
    assert data["includes_personal"] is False
    assert linked and not [n for n in data["notes"] if n["id"] == linked[0]["pain_note_id"]]
    source = _write(tmp_path / "v1.json", data)
    other = tmp_path / "other.db"
    for db in (other, demo_store.path):
        result = CliRunner().invoke(cli, ["--db", str(db), "import", str(source)])
        assert result.exit_code == 0, result.output
    elsewhere = open_store(other)
    assert elsewhere.query(
        "SELECT pain_note_id FROM commitments WHERE uid = ?", [linked[0]["uid"]]
    ) == [{"pain_note_id": None}]
    elsewhere.close()
    assert (
        demo_store.query("SELECT uid, pain_note_id FROM commitments WHERE pain_note_id > 0")
        == linked
    )


def test_a_pain_link_to_a_note_of_the_file_names_that_note_after_the_import(
    demo_store, tmp_path
) -> None:
    """The id in the file is the exporting database's: kept as it was, it named whatever
    note had that id in the database imported into."""
    _with_history(demo_store)
    data = visit_json_data(demo_store, 1, include_personal=True)
    pain = next(n for n in data["notes"] if n["kind"] == "pain")
    other = open_store(tmp_path / "other.db")
    for filler in range(3):  # other visits' notes take the ids the file's notes had
        filling = visit_json_data(demo_store, 3, include_personal=True)
        filling["visit"]["uid"] = f"00000000-0000-4000-8000-00000000000{filler}"
        import_json_data(other, filling)
    visit = import_json_data(other, data)
    linked = other.query(
        "SELECT n.uid FROM commitments c JOIN notes n ON n.id = c.pain_note_id"
        " WHERE c.visit_id = ?",
        [visit.saved_id],
    )
    assert linked == [{"uid": pain["uid"]}]
    other.close()


def test_a_record_without_uid_or_id_is_refused_and_one_with_an_id_is_found_again(
    demo_store, tmp_path
) -> None:
    """A note added to the file by hand with neither uid nor id was added again by each
    import (six imports, six copies); it is refused, saying what to add. Given an id, it is
    one note however often the file is imported."""
    data = visit_json_data(demo_store, 1)
    data["notes"].append({"text": "added by hand", "goal": "pain_points"})
    source = _write(tmp_path / "v1.json", data)
    for lang, said in (
        ("en", "give it an id"),
        ("zh-CN", "请给它一个 notes 中其他记录没有用过的 id"),
    ):
        result = CliRunner().invoke(
            cli, ["--lang", lang, "--db", str(demo_store.path), "import", str(source)]
        )
        assert result.exit_code == 2, result.output
        lines = result.stderr.splitlines()
        mark = ": " if lang == "en" else "："
        place = f"{source}{mark}notes[{len(data['notes']) - 1}].uid{mark}"
        assert len(lines) == 1 and place in lines[0], lines
        assert said in lines[0], lines
    assert demo_store.query("SELECT count(*) AS n FROM notes WHERE text = 'added by hand'") == [
        {"n": 0}
    ]
    data["notes"][-1]["id"] = 100_000
    _write(source, data)
    for target in (demo_store.path, tmp_path / "other.db"):
        for _ in range(3):
            result = CliRunner().invoke(cli, ["--db", str(target), "import", str(source)])
            assert result.exit_code == 0, result.output
        store = open_store(Path(target))
        assert store.query("SELECT count(*) AS n FROM notes WHERE text = 'added by hand'") == [
            {"n": 1}
        ]
        store.close()
