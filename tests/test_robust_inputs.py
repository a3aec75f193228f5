"""Every input path ends in one clear line: import, banks, keymap, lint's standard input,
command-line arguments and dates. Never a traceback, never a hang, never half a write.

Files are refused by kind (pipes, devices, folders) and size before they are read; an
import is checked whole before the database is opened; long imports are written in chunks.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_tui.cli.main import cli
from interview_tui.domain.dates import DateParseError, parse_due
from interview_tui.errors import UserError
from interview_tui.exports.render import render
from interview_tui.store import open_store

from .conftest import FIXED_NOW, FIXED_TODAY


def _digest(db: Path) -> str:
    """The content of a database: every row of every table and of the search index (not
    the index's internal pages, which a delete reorganises)."""
    if not db.exists():
        return "absent"
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    digest = hashlib.sha256()
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'search_index_%' ORDER BY name"
            )
        ]
        for table in tables:
            for row in conn.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid'):
                digest.update(repr((table, row)).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def _bytes(db: Path) -> list[bytes]:
    """The files of a database, byte for byte."""
    return [
        Path(f"{db}{suffix}").read_bytes() if Path(f"{db}{suffix}").exists() else b""
        for suffix in ("", "-wal")
    ]


def _one_error_line(result: Any) -> bool:
    lines = result.stderr.splitlines()
    clean_exit = result.exception is None or isinstance(result.exception, SystemExit)
    return (
        len(lines) == 1
        and lines[0].startswith("interview-tui: error: ")
        and "Traceback" not in result.output
        and clean_exit
    )


@pytest.fixture
def exported(demo_store, tmp_path: Path) -> dict[str, Any]:
    """A real JSON export of a demo visit with notes, script, requirements and commitments."""
    data = json.loads(render(demo_store, 1, "json", today=FIXED_TODAY, now=FIXED_NOW))
    assert data["notes"] and data["script"] and data["people"]
    return data


def _import(tmp_path: Path, db: Path, data: Any, name: str = "visit.json"):
    source = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data)  # lone surrogates as \\udxxx
    source.write_text(text, encoding="utf-8")
    return CliRunner().invoke(cli, ["--db", str(db), "import", str(source)])


def _set(data: dict, path: tuple, value: Any) -> dict:
    changed = copy.deepcopy(data)
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


def _drop(data: dict, path: tuple) -> dict:
    changed = copy.deepcopy(data)
    target = changed
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return changed


# -- import: one bad value, one line naming its JSON path ------------------------------------

BAD_VALUES = [
    (("version",), None, "version"),
    (("version",), "1", "version"),
    (("version",), 10**30, "version"),
    (("version",), 99, "version"),
    (("format",), None, "format"),
    (("customer",), None, "customer"),
    (("customer",), [], "customer"),
    (("visit",), "a visit", "visit"),
    (("notes",), {"text": "x"}, "notes"),
    (("notes",), "notes", "notes"),
    (("notes", 0), 5, "notes[0]"),
    (("notes", 0), None, "notes[0]"),
    (("script", 0), [], "script[0]"),
    (("notes", 0, "text"), 5, "notes[0].text"),
    (("notes", 0, "text"), "a\ud800b", "notes[0].text"),
    (("notes", 0, "text"), "a\x00b", "notes[0].text"),
    (("notes", 0, "speaker_id"), 2**63, "notes[0].speaker_id"),
    (("notes", 0, "speaker_id"), -1, "notes[0].speaker_id"),
    (("notes", 0, "script_item_id"), "one", "notes[0].script_item_id"),
    (("notes", 0, "created_at"), "yesterday", "notes[0].created_at"),
    (("script", 0, "id"), 2**64, "script[0].id"),
    (("script", 0, "id"), -5, "script[0].id"),
    (("script", 0, "role"), "ceo", "script[0].role"),
    (("script", 0, "text"), "", "script[0].text"),
    (("people", 0, "name"), {"first": "Ana"}, "people[0].name"),
    (("visit", "date"), "soon", "visit.date"),
    (("visit", "attendee_ids"), "all", "visit.attendee_ids"),
    (("visit", "attendee_ids"), [2**70], "visit.attendee_ids[0]"),
    (("visit", "length_minutes"), -1, "visit.length_minutes"),
    (("customer", "name"), "", "customer.name"),
    (("customer", "name"), "x" * 5000, "customer.name"),
    (("commitments", 0, "owner_side"), "them", "commitments[0].owner_side"),
    (("requirements", 0, "state"), 3, "requirements[0].state"),
    (("visit", "rehearsal"), {"deep": 2**80}, "visit.rehearsal.deep"),
]


@pytest.mark.parametrize(
    ("path", "value", "where"), BAD_VALUES, ids=[f"{w}={str(v)[:12]!r}" for _, v, w in BAD_VALUES]
)
def test_a_bad_value_is_one_line_naming_its_path(
    exported, demo_store, tmp_path, path, value, where
) -> None:
    if path[0] in ("commitments", "requirements") and not exported[path[0]]:
        pytest.skip("the demo visit has none")
    db = Path(demo_store.path)
    before = _bytes(db)
    result = _import(tmp_path, db, _set(exported, path, value))
    ok = (
        result.exit_code == 2
        and _one_error_line(result)
        and f": {where}:" in result.stderr
        and "visit.json" in result.stderr
        and _bytes(db) == before
    )
    assert ok, result.stderr
    assert "\x00" not in result.stderr and "\ud800" not in result.stderr


MISSING = [
    ("customer",),
    ("visit",),
    ("customer", "name"),
    ("visit", "date"),
    ("notes", 0, "visit_id"),
    ("script", 0, "text"),
    ("people", 0, "role"),
]


@pytest.mark.parametrize("path", MISSING, ids=[".".join(map(str, p)) for p in MISSING])
def test_a_missing_key_is_one_line_or_not_needed(exported, demo_store, tmp_path, path) -> None:
    db = Path(demo_store.path)
    before = _digest(db)
    result = _import(tmp_path, db, _drop(exported, path))
    ok = result.exit_code == 0 or (
        result.exit_code == 2 and _one_error_line(result) and _digest(db) == before
    )
    assert ok, result.stderr


@pytest.mark.parametrize(
    "document",
    [
        "[]",
        "null",
        "3",
        '"text"',
        '{"format": "interview-tui.visit"}',
        "{",
        '{"a": NaN}',
        '{"a": Infinity}',
        "[" * 100_000 + "]" * 100_000,
        "1" * 5000,
        "",
        "\ufeff{}",
    ],
)
def test_documents_that_are_not_exports(demo_store, tmp_path, document) -> None:
    db = Path(demo_store.path)
    before = _digest(db)
    result = _import(tmp_path, db, document)
    ok = result.exit_code == 2 and _one_error_line(result) and _digest(db) == before
    assert ok, result.stderr


def test_a_bad_file_never_creates_the_database(exported, tmp_path) -> None:
    db = tmp_path / "new" / "interview.db"
    result = _import(tmp_path, db, _set(exported, ("notes", 0, "text"), 5))
    assert result.exit_code == 2 and not db.exists() and not db.parent.exists()


def test_non_utf8_names_the_byte(demo_store, tmp_path) -> None:
    source = tmp_path / "latin1.json"
    source.write_bytes(b'{"format": "interview-tui.visit", "customer": "Caf\xe9"}')
    result = CliRunner().invoke(cli, ["--db", demo_store.path, "import", str(source)])
    ok = result.exit_code == 2 and _one_error_line(result) and "byte 50 is 0xe9" in result.stderr
    assert ok, result.stderr


def test_a_file_over_the_limit_is_refused_unread(demo_store, tmp_path, monkeypatch) -> None:
    from interview_tui.exports import importing

    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1024 * 1024)
    source = tmp_path / "big.json"
    with source.open("wb") as handle:
        handle.truncate(2 * 1024 * 1024)  # sparse: nothing to read if it were read
    result = CliRunner().invoke(cli, ["--db", demo_store.path, "import", str(source)])
    ok = result.exit_code == 2 and _one_error_line(result) and "1 MiB" in result.stderr
    assert ok, result.stderr


def _run(args: list[str], tmp_path: Path, stdin: bytes = b"") -> subprocess.CompletedProcess:
    """The installed command in a real process (a hang fails the test after 30 s)."""
    env = {**os.environ, "INTERVIEW_TUI_DB": str(tmp_path / "cli.db")}
    return subprocess.run(
        [sys.executable, "-m", "interview_tui", *args],
        input=stdin,
        capture_output=True,
        timeout=30,
        env=env,
    )


def _special_files(tmp_path: Path) -> list[tuple[str, Path]]:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    return [
        ("pipe", fifo),
        ("device", Path("/dev/zero")),
        ("folder", tmp_path),
        ("missing", tmp_path / "absent.json"),
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero")
def test_pipes_devices_and_folders_are_refused_without_hanging(tmp_path) -> None:
    for name, path in _special_files(tmp_path):
        for args in (["import", str(path)], ["lint", str(path)])[: 1 if name == "folder" else 2]:
            # (lint checks every bank in a folder)
            start = time.monotonic()
            done = _run(args, tmp_path)
            stderr = done.stderr.decode()
            ok = (
                done.returncode == 2
                and "Traceback" not in stderr
                and str(path) in stderr
                and time.monotonic() - start < 20
            )
            assert ok, (args, stderr)
        assert not (tmp_path / "cli.db").exists()


# -- import: fuzzed values in every field -----------------------------------------------------

_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def _fields(data: dict) -> list[tuple]:
    paths: list[tuple] = [(key,) for key in data]
    for key in ("customer", "visit"):
        paths += [(key, field) for field in data[key]]
    for key in ("people", "script", "notes", "requirements", "commitments", "customer_questions"):
        if data.get(key):
            paths += [(key, 0)] + [(key, 0, field) for field in data[key][0]]
    return paths


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_random_values_in_every_field(exported, demo_store, tmp_path, data) -> None:
    """Exit 0, or exit 2 with exactly one line on stderr and the database unchanged."""
    db = Path(demo_store.path)
    path = data.draw(st.sampled_from(_fields(exported)), label="field")
    value = data.draw(_JSON, label="value")
    before = _digest(db)
    result = _import(tmp_path, db, _set(exported, path, value))
    if result.exit_code == 0:
        ok = result.stderr == "" and result.output.startswith(("imported visit ", "updated visit "))
    else:
        ok = result.exit_code == 2 and _one_error_line(result) and _digest(db) == before
    assert ok, (path, value, result.stderr, result.exception)


# -- import: linear, chunked, all or nothing --------------------------------------------------


def _big_export(notes: int) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_import import visit_export

    return visit_export(notes, notes // 10)


def test_twenty_thousand_notes_import_in_seconds(tmp_path) -> None:
    db = tmp_path / "big.db"
    start = time.perf_counter()
    result = _import(tmp_path, db, _big_export(20_000))
    elapsed = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    store = open_store(db, read_only=True)
    assert len(store.notes(1)) == 20_000
    assert store.search("month end", limit=5)
    assert elapsed < 30, f"{elapsed:.1f} s"  # about 1 s; quadratic work took minutes


def test_a_long_import_commits_in_chunks(tmp_path, monkeypatch) -> None:
    from interview_tui.exports import bundle
    from interview_tui.store.store import Store

    monkeypatch.setattr(bundle, "IMPORT_CHUNK", 100)
    monkeypatch.setattr(bundle, "IMPORT_PAUSE", 0)
    commits: list[int] = []
    real = Store.insert_many

    def counting(self, records):
        records = list(records)
        commits.append(len(records))
        return real(self, records)

    monkeypatch.setattr(Store, "insert_many", counting)
    result = _import(tmp_path, tmp_path / "chunks.db", _big_export(1_000))
    assert result.exit_code == 0, result.output
    assert max(commits) <= 100 and sum(commits) == 1 + 1_000 + 100 + 100


def test_other_writers_keep_going_during_a_long_import(tmp_path) -> None:
    """The live screen's saves wait for one chunk at most, never for the whole import."""
    db = tmp_path / "shared.db"
    writer = open_store(db)
    source = tmp_path / "long.json"
    source.write_text(json.dumps(_big_export(60_000)), encoding="utf-8")
    env = {**os.environ, "INTERVIEW_TUI_DB": str(db)}
    process = subprocess.Popen(
        [sys.executable, "-m", "interview_tui", "import", str(source)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    waits: list[float] = []
    started = time.perf_counter()
    while process.poll() is None:
        start = time.perf_counter()
        writer.set_meta("live.heartbeat", str(len(waits)))
        waits.append(time.perf_counter() - start)
        time.sleep(0.01)
    total = time.perf_counter() - started
    assert process.wait() == 0, process.stderr.read() if process.stderr else ""
    writer.close()
    assert len(waits) > 5, "the import ended before the writer could try"
    print("WAITS", max(waits), total, len(waits))
    # in one transaction the import held the lock for over half its time
    assert max(waits) < 0.25 * total, (max(waits), total)


def test_a_write_failing_half_way_leaves_nothing_behind(demo_store, tmp_path, monkeypatch) -> None:
    from interview_tui.exports import bundle
    from interview_tui.store.store import Store

    monkeypatch.setattr(bundle, "IMPORT_CHUNK", 100)
    monkeypatch.setattr(bundle, "IMPORT_PAUSE", 0)
    calls = Counter()
    real = Store.insert_many

    def failing(self, records):
        calls["n"] += 1
        if calls["n"] == 4:
            raise UserError("disk full")
        return real(self, records)

    monkeypatch.setattr(Store, "insert_many", failing)
    db = Path(demo_store.path)
    before = _digest(db)
    data = _big_export(1_000)
    data["customer"]["name"] = "Brand new customer"
    result = _import(tmp_path, db, data)
    assert result.exit_code == 2 and "disk full" in result.stderr
    assert _digest(db) == before


def test_a_large_bank_loads_in_linear_time(tmp_path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_import import time_bank

    small, _ = time_bank(2_000, tmp_path)
    large, count = time_bank(20_000, tmp_path)
    assert count == 20_000
    assert large < 20 and large < max(small, 0.05) * 10 * 4, (small, large)


# -- banks, keymap, lint's standard input ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("latin1", b'[bank]\nid = "caf\xe9"\n'),
        ("utf16", "[bank]\n".encode("utf-16")),
        ("binary", bytes(range(256))),
        ("empty", b""),
    ],
)
def test_bank_files_that_are_not_text(tmp_path, name, content) -> None:
    path = tmp_path / f"{name}.toml"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["lint", str(path)])
    errors = [line for line in result.stderr.splitlines() if line.startswith(str(path))]
    ok = result.exit_code == 2 and len(errors) >= 1 and "Traceback" not in result.output
    if name != "empty":
        ok = ok and len(errors) == 1
    assert ok, result.stderr


def test_a_bank_over_the_limit_is_refused(tmp_path, monkeypatch) -> None:
    from interview_tui.banks import loader

    monkeypatch.setattr(loader, "MAX_BANK_BYTES", 1024 * 1024)
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)
    load = loader.load_bank_file(path)
    ok = load.bank is None and len(load.errors) == 1 and "1 MiB" in str(load.errors[0])
    assert ok, load.errors


@pytest.mark.parametrize(
    "data", [b"ok line\n\xff\xfe bad\n", b"\xe4\xb8", b"\x80", "é".encode("latin-1") * 3]
)
def test_lint_stdin_that_is_not_utf8(tmp_path, data) -> None:
    done = _run(["lint", "-"], tmp_path, stdin=data)
    stderr = done.stderr.decode()
    ok = (
        done.returncode == 2
        and "Traceback" not in stderr
        and len(stderr.splitlines()) == 1
        and "standard input" in stderr
        and "byte" in stderr
    )
    assert ok, stderr


def test_lint_stdin_keeps_lines_and_line_endings() -> None:
    result = CliRunner().invoke(
        cli,
        ["lint", "-", "--format", "json"],
        input=b"\xef\xbb\xbfWhy?\r\n\r\nHow do you export today?\rOK",
    )
    texts = [item["text"] for item in json.loads(result.stdout)]
    assert texts == ["Why?", "", "How do you export today?", "OK"]


KEYMAPS = [
    ('"home.new_visit" = 3\n', "home.new_visit"),
    ('"home.new_vist" = "ctrl+k"\n', "did you mean 'home.new_visit'"),
    ('"nothing.here" = "k"\n', "nothing.here"),
    ('"home.new_visit" = "ctrl+bogus"\n', "'bogus' is not a key name"),
    ('"home.new_visit" = "hyper2+a"\n', "not a modifier"),
    ('"home.new_visit" = ""\n', "an empty key"),
    ('"home.new_visit" = \n', "cannot read the keymap"),
    (b'"home.new_visit" = "\xff"\n', "byte 20 is 0xff"),
    ('"home.new_visit" = "ctrl+ctrl+?"\n', "home.new_visit: 'ctrl+ctrl+?': 'ctrl' is written"),
    ('"home.new_visit" = "/"\n', "home.new_visit: 'slash' is also the key of home.search"),
    ('"live.next" = "ctrl+b"\n', "live.next: 'ctrl+b' is also the key of live.prev"),
    ('"live.skip" = "f1"\n', "live.skip: 'f1' is also the key of app.help"),
]


@pytest.mark.parametrize(("text", "expected"), KEYMAPS, ids=[e for _, e in KEYMAPS])
def test_bad_keymaps_name_the_problem(tmp_path, text, expected) -> None:
    from interview_tui.tui.keymap import load_keymap

    path = tmp_path / "keymap.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_keymap(path)
    message = str(caught.value)
    ok = message.startswith(str(path)) and expected in message and "\n" not in message
    assert ok, message


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero")
def test_keymaps_that_are_not_files(tmp_path) -> None:
    from interview_tui.tui.keymap import load_keymap

    for _name, path in _special_files(tmp_path)[:3]:
        with pytest.raises(UserError, match="give the path of a regular keymap file"):
            load_keymap(path)
    assert load_keymap(tmp_path / "absent.toml") == {}


def test_every_key_the_app_binds_passes_the_keymap_check() -> None:
    from interview_tui.tui import keymap

    ids = keymap.known_binding_ids()
    assert {"app.quit", "home.new_visit", "review.back"} <= ids
    good = [
        "ctrl+n",
        "f5",
        "question_mark",
        "greater_than_sign",
        "ctrl++",
        "a,b",
        "enter",
        "ctrl+shift+up",
        "space",
        "escape",
    ]
    assert [key for key in good if keymap.key_problem(key)] == []
    assert keymap.key_clash({}) is None  # the app's own keys never clash
    swapped = {"live.next": "ctrl+b", "live.prev": "ctrl+n", "home.search": "ctrl+f"}
    assert keymap.key_clash(swapped) is None  # swapping two keys is fine


# -- command line: usage errors and dates ----------------------------------------------------

USAGE = [
    ["nope"],
    ["--bogus"],
    ["export", "x", "--format", "json"],
    ["export", "1"],
    ["import"],
    ["lint", "--frob"],
    ["--lang", "xx", "visits"],
    ["visits", "--limit", "a"],
    ["search"],
    ["live"],
    ["export", "1", "--format", "pdf"],
    ["demo", "--visits", "-1"],
]


@pytest.mark.parametrize("args", USAGE, ids=[" ".join(a) for a in USAGE])
def test_a_usage_error_is_one_line_and_the_help_hint(args) -> None:
    result = CliRunner().invoke(cli, args, prog_name="interview-tui")
    lines = result.stderr.splitlines()
    ok = (
        result.exit_code == 2
        and len(lines) == 2
        and lines[0].startswith("interview-tui: error: ")
        and lines[1].startswith("Try 'interview-tui")
        and "--help' for help." in lines[1]
    )
    assert ok, result.stderr


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(max_size=24)
    | st.from_regex(
        r"\+?\d{1,4}\s?(d|w|天后|周后)|\d{1,6}[-/]\d{1,4}([-/]\d{1,4})?|(next |下)?[a-z周一五]{1,8}",  # noqa: E501
        fullmatch=True,
    ),
    today=st.dates(),
)
def test_dates_parse_or_give_one_line(text, today: date) -> None:
    try:
        parse_due(text, today)
        ok = True
    except DateParseError as exc:
        ok = isinstance(exc, UserError) and "\n" not in str(exc).strip()
    assert ok
