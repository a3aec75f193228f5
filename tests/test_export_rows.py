"""The JSON export read from rows (no pydantic on that path) gives the models' bytes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interview_tui.domain import models
from interview_tui.domain.enums import Goal
from interview_tui.exports.bundle import VisitBundle, import_json_data, load_bundle
from interview_tui.exports.render import render
from interview_tui.exports.visit_json import FIELDS, FORMAT, FORMAT_VERSION, record_json
from interview_tui.store import open_store
from interview_tui.store.records import from_row

#: rows written by hand in forms the models read but the app never writes itself: an
#: offset of +00:00 (pydantic writes Z), microseconds, a space for the T, padded names,
#: a goal twice, a first due date missing, a proposal from before authors and reasoning
#: (and a key no model has), numbers stored as text or real, a list of ids as text
_ODD_ROWS = [
    "UPDATE visits SET date = '2026-11-20 09:15:00.250+00:00', shared_at = "
    '\'2026-11-21T08:00:00+08:00\', goals = \'["pain_points", "pain_points", '
    "\"team_profile\"]', rehearsal = 'null', give_back = '' WHERE id = 1",
    "UPDATE customers SET name = '  星河视频\t', industry = ' video ', same_as = '' WHERE id = 1",
    "UPDATE people SET title = ' CTO  ', email = ' a@b.example ' WHERE id = 1",
    "UPDATE commitments SET first_due = NULL, created_at = '2026-11-20' WHERE id = 1",
    'UPDATE requirements SET solutions = \'[{"on": "2026-11-20T10:00:00+00:00", '
    '"text": "A view per line", "extra": 1, "uid": "x", "replies": [{"uid": "y", '
    '"on": "2026-11-21 10:00", "answer": "agreed"}]}]\' WHERE id = 1',
    'UPDATE script_items SET seconds_rehearsed = 3, follow_ups = \'["why?", "who?"]\' WHERE id = 1',
    "UPDATE notes SET created_at = '2026-11-24 10:00:00.000001', internal = 1 WHERE id = 1",
    "UPDATE visits SET attendee_ids = '[\"1\", 2]', length_minutes = 90.0 WHERE id = 2",
]


@pytest.fixture
def odd_store(demo_store):
    for sql in _ODD_ROWS:
        demo_store.db.execute(sql)
    demo_store.db.conn.commit()
    return demo_store


_SECTIONS = ("people", "script", "notes", "requirements", "commitments", "customer_questions")


def _model_export(bundle: VisitBundle, *, include_personal: bool = False) -> dict[str, Any]:
    """The export as the models write it (the code before rows): what the rows must give."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "includes_personal": include_personal,
        "customer": bundle.customer.model_dump(mode="json"),
        "visit": bundle.visit.model_dump(mode="json"),
    }
    for name in _SECTIONS:
        records = getattr(bundle, name)
        if name == "notes" and not include_personal:
            records = [n for n in records if n.goal is not Goal.PERSONAL_CONNECTION]
        data[name] = [record.model_dump(mode="json") for record in records]
    for commitment in data["commitments"]:
        commitment["owner"] = commitment["owner_side"]  # "us" or "customer"
    return data


def _old_export(store, visit_id: int, include_personal: bool) -> bytes:
    """:func:`_model_export` as the JSON file is written."""
    data = _model_export(load_bundle(store, visit_id), include_personal=include_personal)
    return json.dumps(data, ensure_ascii=False, indent=2).encode() + b"\n"


def test_fields_are_the_models_fields_in_their_order() -> None:
    for _table, (model, fields) in FIELDS.items():
        assert [name for name, _ in fields] == list(getattr(models, model).model_fields), model


@pytest.mark.parametrize("odd", [False, True], ids=["as written", "odd rows"])
def test_every_record_reads_as_its_model_dumps_it(demo_store, odd) -> None:
    if odd:
        for sql in _ODD_ROWS:
            demo_store.db.execute(sql)
        demo_store.db.conn.commit()
    compared = 0
    for table, (model, _fields) in FIELDS.items():
        for row in demo_store.query(f"SELECT * FROM {table}"):
            dumped = from_row(getattr(models, model), row).model_dump(mode="json")
            # the same keys in the same order, the same values
            assert list(record_json(table, row).items()) == list(dumped.items()), (table, row)
            compared += 1
    assert compared > 50


@pytest.mark.parametrize("include_personal", [False, True])
def test_json_export_of_every_visit_is_the_bytes_the_models_wrote(
    odd_store, include_personal
) -> None:
    visits = [row["id"] for row in odd_store.query("SELECT id FROM visits")]
    assert len(visits) >= 4
    for visit in visits:
        new = render(odd_store, visit, "json", include_personal=include_personal)
        assert new == _old_export(odd_store, visit, include_personal), visit


def test_a_missing_or_unfinished_visit_is_the_same_clear_error(demo_store) -> None:
    from interview_tui.errors import UserError

    with pytest.raises(UserError, match="999"):
        render(demo_store, 999, "json")
    demo_store.db.execute("UPDATE visits SET importing = 'token' WHERE id = 2")
    demo_store.db.conn.commit()
    with pytest.raises(UserError, match="2"):
        render(demo_store, 2, "json")


def test_reimporting_the_export_leaves_the_database_as_it_was(demo_store, tmp_path: Path) -> None:
    tables = ("customers", "people", "visits", "script_items", "notes", "requirements")
    tables += ("commitments", "customer_questions")

    def content() -> dict[str, list]:
        return {
            table: [
                {k: v for k, v in row.items() if k != "updated_at"}
                for row in demo_store.query(f"SELECT * FROM {table} ORDER BY id")
            ]
            for table in tables
        }

    before = content()
    exported = render(demo_store, 1, "json", include_personal=True)
    import_json_data(demo_store, json.loads(exported))
    assert content() == before
    # and into a new database, it exports the same bytes again (ids aside: it numbers anew)
    other = open_store(tmp_path / "other.db")
    visit = import_json_data(other, json.loads(exported))
    again = json.loads(render(other, visit.saved_id, "json", include_personal=True))
    first = json.loads(exported)
    assert [n["uid"] for n in again["notes"]] == [n["uid"] for n in first["notes"]]
    assert [n["text"] for n in again["notes"]] == [n["text"] for n in first["notes"]]
    other.close()
