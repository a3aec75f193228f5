"""Listings in JSON are written row by row (memory flat at any size), byte for byte as the
whole document indented at once."""

from __future__ import annotations

import json
from enum import IntEnum, StrEnum

from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.cli.output import json_pieces, json_text

SAMPLES = [
    [],
    {},
    "text",
    3,
    None,
    {"a": []},
    {"a": {}},
    {
        1: "number key",
        None: "none key",
        2.5: [float("inf"), -0.0, 10**30, True, False],
        "text": '\u202e\x1b\n"\\ 对账 \ud800',
    },
    {
        "rows": [{"id": 1, "history": [{"k": "v\x1b[31m"}], "e": {}}, {"id": 2}],
        "kept": {"kept": 1, "due": 2, "rate": 0.5},
        "other": [1, [2, []]],
    },
]


def test_pieces_are_the_whole_document_byte_for_byte() -> None:
    for sample in SAMPLES:
        assert "".join(json_pieces(sample)) == json_text(sample)
        if isinstance(sample, dict):  # its lists handed as generators: the same bytes
            lazy = {
                key: iter(value) if isinstance(value, list) else value
                for key, value in sample.items()
            }
            assert "".join(json_pieces(lazy)) == json_text(sample)


def test_what_a_listing_prints_is_the_whole_document(capsys) -> None:
    """``echo_json`` makes its pieces safe 512 at a time, not one by one: the same bytes,
    hostile characters in rows far apart included."""
    from interview_tui.cli.output import echo_json

    many = [{"id": n, "text": "对账 \u202e\x1b" if n % 300 == 0 else "ok"} for n in range(1200)]
    for sample in [*SAMPLES, {"rows": many}]:
        lazy = (
            {
                key: iter(value) if isinstance(value, list) else value
                for key, value in sample.items()
            }
            if isinstance(sample, dict)
            else sample
        )
        echo_json(lazy)
        assert capsys.readouterr().out == json_text(sample) + "\n"


def test_a_row_is_written_before_the_next_is_read() -> None:
    written: list[str] = []
    pulled: list[int] = []

    def rows():
        for number in range(3):
            pulled.append(number)
            # every earlier row is already out when this one is read
            assert "".join(written).count('"n"') == number
            yield {"n": number}

    for piece in json_pieces({"rows": rows(), "total": 3}):
        written.append(piece)
    assert pulled == [0, 1, 2] and json.loads("".join(written))["total"] == 3


def test_commitments_json_parses_with_every_row_and_the_rates(demo_store) -> None:
    result = CliRunner().invoke(cli, ["--db", str(demo_store.path), "commitments", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["commitments", "kept_on_time", "kept_on_time_customer"]
    count = demo_store.query("SELECT count(*) AS n FROM commitments")[0]["n"]
    assert len(data["commitments"]) == count > 0
    assert {"id", "customer", "due", "state", "history", "late"} <= set(data["commitments"][0])
    assert result.output == json_text(data) + "\n"  # indented exactly as before


def test_commitments_json_from_plain_rows_equals_the_models(demo_store) -> None:
    from datetime import date

    from interview_tui.services.commitments import commitment_dicts, list_commitments

    store = demo_store
    # every shape of promise: done late and on time, dropped, rescheduled, without a date
    store.db.execute(
        "UPDATE commitments SET state = 'done', closed_on = '2030-01-01'"
        " WHERE id IN (SELECT id FROM commitments ORDER BY id LIMIT 3)"
    )
    store.db.execute(
        "UPDATE commitments SET due = NULL, first_due = NULL WHERE id = ("
        "SELECT max(id) FROM commitments)"
    )
    for today in (date(2026, 12, 1), date(2031, 1, 1)):
        models = [row.to_dict(today) for row in list_commitments(store, today)]
        assert list(commitment_dicts(store, today)) == models
        assert {row["late"] for row in models} == {True, False}


class Side(StrEnum):
    US = "us"


class Count(IntEnum):
    TWO = 2


def test_rows_of_flat_values_are_written_as_the_indenting_encoder_writes_them() -> None:
    """A row of flat values (texts, numbers, flags, None, empty lists and dicts) is written
    in one call of the C encoder: the same bytes as ``json.dumps(indent=2)`` at any depth,
    for texts a terminal could act on too, and rows with anything nested take the other way."""
    hostile = '\u202e\x1b[31m\n"\\ 对账 \ud800 \x85'
    row = {
        "id": 7,
        "text": hostile,
        "late": True,
        "closed_on": None,
        "rate": 0.125,
        "big": 10**30,
        "nan": float("nan"),
        "history": [],
        "extra": {},
        hostile: "key",
    }
    nested = {**row, "history": [{"k": hostile}]}
    kinds = {**row, "state": Side.US, "count": Count.TWO, "pair": (1, "a"), 3: "number key"}
    for sample in (
        row,
        [row, row],
        {"commitments": [row, nested], "kept": {"a": 1}},
        {"a": {"b": {"c": row}}},
        [kinds, {"empty": ()}],
    ):
        assert json_text(sample) == json.dumps(sample, ensure_ascii=False, indent=2).replace(
            "\u202e", "\\u202e"
        ).replace("\x85", "\\u0085").replace("\ud800", "\\ud800")
        assert "".join(json_pieces(sample)) == json_text(sample)


def test_an_ascii_row_is_checked_for_delete_too() -> None:
    """A row of plain ASCII skips the scan for characters a terminal could act on, except
    DEL (0x7f), the one such character ASCII holds: it is still written as ``\\u007f``."""
    plain = {"id": 1, "text": "month-end reconciliation", "history": []}
    with_del = {"id": 2, "text": "rm\x7f -rf", "history": []}
    assert json_text(plain) == json.dumps(plain, ensure_ascii=False, indent=2)
    assert "\\u007f" in json_text(with_del) and "\x7f" not in json_text(with_del)
    assert json.loads(json_text(with_del)) == with_del
