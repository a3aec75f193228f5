"""Bad input ends in one clear line and loses nothing: line breaks in e-mail headers, dates
past the end of the calendar, settings and bank files that are not text (or not files),
damaged and foreign databases, a demo over the user's own customer, a question of 100 KB.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.domain.models import Commitment, Customer
from interview_tui.tui.textual_private import notifications

from .conftest import FIXED_NOW, FIXED_TODAY

BREAKS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c"]


def _invoke(args: list[str], **kwargs: Any) -> Any:
    return CliRunner().invoke(cli, args, **kwargs)


def _one_error_line(result: Any) -> bool:
    lines = result.stderr.splitlines()
    clean_exit = result.exception is None or isinstance(result.exception, SystemExit)
    return (
        result.exit_code != 0
        and len(lines) == 1
        and lines[0].startswith("interview-tui: error: ")
        and "Traceback" not in result.output
        and clean_exit
    )


def _run(
    args: list[str], env: dict[str, str] | None = None, timeout: float = 30
) -> subprocess.CompletedProcess:
    """The real command in its own process (a hang fails the test)."""
    return subprocess.run(
        [sys.executable, "-m", "interview_tui", *args],
        capture_output=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def _one_line(done: subprocess.CompletedProcess) -> str:
    stderr = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert len(stderr.splitlines()) == 1, stderr
    return stderr


# -- 1. e-mail headers -------------------------------------------------------------------------


def _headers_single_line(raw: bytes) -> dict[str, str]:
    message = message_from_bytes(raw, policy=policy.default)
    assert "Bcc" not in message and not message.defects
    head = raw.split(b"\n\n", 1)[0]
    names = [line.split(b":", 1)[0] for line in head.splitlines() if not line[:1].isspace()]
    assert (
        names
        == [
            b"Subject",
            b"From",
            b"To",
            b"Date",
            b"Message-ID",
            b"X-Unsent",
            b"MIME-Version",
            b"Content-Type",
        ]
        or b"To" not in names
    ), names
    return {key: str(value) for key, value in message.items()}


@pytest.mark.parametrize("brk", BREAKS)
def test_line_breaks_in_email_headers_are_folded(demo_store, tmp_path, brk) -> None:
    """Subject, --to, --from, a customer's name, a person's name and contact and the sender
    name in settings.toml, each holding a line break: one header each, never a Bcc."""
    customer = demo_store.get(Customer, 1)
    demo_store.save(customer.model_copy(update={"name": f"星河{brk}Bcc: evil@x.example"}))
    for person in demo_store.people(1):
        if person.name == "孙倩":
            demo_store.save(
                person.model_copy(
                    update={
                        "name": f"孙倩{brk}Bcc: evil@x.example",
                        "contact": f"sun@xinghe.example{brk}Bcc: evil@x.example",
                    }
                )
            )
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text(
        'email = "me@example.com"\n'
        f'name = "Me{brk.encode("unicode_escape").decode()}Bcc: evil@x.example"\n'.replace(
            "\\x0b", "\\u000b"
        )
        .replace("\\x0c", "\\f")
        .replace("\\x85", "\\u0085"),
        encoding="utf-8",
    )
    db = str(demo_store.path)
    runs = [
        ["export", "1", "--format", "eml", "--report"],
        [
            "export",
            "1",
            "--format",
            "eml",
            "--subject",
            f"纪要{brk}Bcc: evil@x.example",
            "--to",
            f"a@b.example{brk}Bcc: evil@x.example",
        ],
        ["export", "1", "--format", "eml", "--from", f"Me{brk}Bcc: evil@x.example <m@e.example>"],
        ["export", "1", "--format", "chase-eml"],
    ]
    for args in runs:
        result = _invoke(["--db", db, *args])
        assert result.exit_code == 0, (args, result.output)
        assert "Traceback" not in result.output
        headers = _headers_single_line(result.stdout_bytes)
        assert all(not any(b in value for b in BREAKS) for value in headers.values())


# -- 2. dates past the end of the calendar -----------------------------------------------------


@pytest.mark.parametrize("text", ["9999-12-31", "9999-01-01", "9999年12月31日"])
def test_a_due_date_a_calendar_cannot_hold_is_refused(demo_store, text) -> None:
    before = demo_store.get(Commitment, 7).due
    result = _invoke(
        ["--db", str(demo_store.path), "commitments", "reschedule", "7", text, "--reason", "later"]
    )
    assert _one_error_line(result), result.output
    assert "9998-12-31" in result.stderr
    assert demo_store.get(Commitment, 7).due == before


def test_an_import_with_a_date_a_calendar_cannot_hold_is_refused(demo_store, tmp_path) -> None:
    exported = _invoke(["--db", str(demo_store.path), "export", "1", "--format", "json"])
    data = json.loads(exported.stdout)
    data["commitments"][0]["due"] = "9999-12-31"
    source = tmp_path / "far.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    result = _invoke(["--db", str(tmp_path / "new.db"), "import", str(source)])
    assert _one_error_line(result) and "commitments[0].due" in result.stderr, result.output


def test_a_stored_extreme_date_keeps_its_event(demo_store) -> None:
    """A database written before dates were bounded: the event is kept, nothing crashes."""
    path = str(demo_store.path)
    with demo_store.transaction() as db:
        db.execute("UPDATE commitments SET due = '9999-12-31' WHERE id = 7")
        db.execute("UPDATE commitments SET due = NULL WHERE id = 1")
        db.execute(
            "UPDATE visits SET date = '9999-12-31T10:00:00' WHERE id = "
            "(SELECT visit_id FROM commitments WHERE id = 1)"
        )
    for args in (
        ["calendar"],
        ["export", "1", "--format", "ics"],
        ["export", str(demo_store.get(Commitment, 7).visit_id), "--format", "ics"],
    ):
        result = _invoke(["--db", path, *args])
        assert result.exit_code == 0 and "Traceback" not in result.output, (args, result.output)
        assert "DTSTART;VALUE=DATE:99991231" in result.stdout, args
        assert result.stdout.count("BEGIN:VEVENT") == result.stdout.count("END:VEVENT") >= 1


# -- 3. user files: not text, not files, too deep, too long ------------------------------------

DEEP_TOML = "x = " + "[" * 5000 + "]" * 5000 + "\n"


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    return config


@pytest.mark.parametrize(
    "content",
    [
        'lang = "zh"\nname = "Li"\n'.encode("utf-16"),
        b"\x8b\x00\xff\xfe" + bytes(range(256)),
        DEEP_TOML.encode(),
    ],
    ids=["utf-16", "binary", "deep"],
)
def test_a_settings_file_that_is_not_toml_text_is_one_warning(
    demo_store, tmp_path, content
) -> None:
    (_config(tmp_path) / "settings.toml").write_bytes(content)
    for args in (["calendar"], ["visits"], ["settings"]):
        result = _invoke(["--db", str(demo_store.path), *args])
        assert result.exit_code == 0 and "Traceback" not in result.output, (args, result.output)
    result = _invoke(["--db", str(demo_store.path), "calendar"])
    lines = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(lines) == 1 and "settings.toml" in lines[0] and "default" in lines[0], lines
    assert "BEGIN:VCALENDAR" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
@pytest.mark.parametrize("name", ["settings.toml", "keymap.toml"])
def test_a_fifo_in_place_of_a_config_file_never_hangs(demo_store, tmp_path, name) -> None:
    os.mkfifo(_config(tmp_path) / name)
    env = {"INTERVIEW_TUI_CONFIG_DIR": str(tmp_path / "config")}
    done = _run(["--db", str(demo_store.path), "visits"], env, timeout=20)
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr
    done = _run(["--db", str(demo_store.path), "calendar"], env, timeout=20)
    assert done.returncode == 0 and b"BEGIN:VCALENDAR" in done.stdout
    if name == "settings.toml":
        assert b"FIFO" in done.stderr and b"Traceback" not in done.stderr


def test_a_huge_bad_settings_value_is_shown_cut(demo_store, tmp_path) -> None:
    (_config(tmp_path) / "settings.toml").write_text(
        f'alarm_time = "{"9" * 1_000_000}"\n"{"k" * 100_000}" = 1\n', encoding="utf-8"
    )
    result = _invoke(["--db", str(demo_store.path), "calendar"])
    lines = [line for line in result.stderr.splitlines() if "warning" in line]
    assert result.exit_code == 0 and len(lines) == 2, result.stderr[:500]
    assert all(len(line) < 400 for line in lines), [len(line) for line in lines]
    assert "alarm_time = '9999" in result.stderr and "…" in result.stderr


def test_a_bank_nested_thousands_deep_is_one_error(tmp_path) -> None:
    banks = _config(tmp_path) / "question_banks"
    banks.mkdir()
    deep = banks / "deep.toml"
    deep.write_text(DEEP_TOML, encoding="utf-8")
    for args in (["banks"], ["banks", "--json"]):
        result = _invoke(args)
        assert result.exit_code == 0 and "Traceback" not in result.output, result.output
        assert "nested too deeply" in result.output and str(deep) in result.output
    result = _invoke(["lint", str(deep)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "nested too deeply" in result.output and "Traceback" not in result.output
    result = _invoke(["--lang", "zh", "lint", str(deep)])
    assert "嵌套过深" in result.output


def test_an_import_nested_thousands_deep_is_one_line(tmp_path) -> None:
    source = tmp_path / "deep.json"
    source.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = _invoke(["--db", str(tmp_path / "new.db"), "import", str(source)])
    assert _one_error_line(result) and "nested too deeply" in result.stderr, result.output
    assert not (tmp_path / "new.db").exists()


# -- 5. files that are not ours ----------------------------------------------------------------


@pytest.mark.parametrize("version", [1, 8])
def test_a_foreign_file_with_our_table_names_is_never_modified(tmp_path, version) -> None:
    db = tmp_path / "theirs.db"
    conn = sqlite3.connect(db)
    conn.executescript(
        "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);"
        "CREATE TABLE visits (id INTEGER PRIMARY KEY, place TEXT);"
        "CREATE TABLE notes (body TEXT); CREATE TABLE commitments (body TEXT);"
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        "INSERT INTO customers VALUES (1, 'theirs');"
        f"PRAGMA user_version = {version};"
    )
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for args in (
        ["visits"],
        ["commitments"],
        ["search", "x"],
        ["calendar"],
        ["demo"],
        ["export", "1", "--format", "json"],
    ):
        result = _invoke(["--db", str(db), *args])
        assert _one_error_line(result) and "another program" in result.stderr, (args, result.output)
        assert db.read_bytes() == before, args
        assert sorted(p.name for p in tmp_path.iterdir()) == ["theirs.db"], args


def test_an_empty_file_given_as_db_becomes_private(tmp_path) -> None:
    db = tmp_path / "made-by-mktemp.db"
    db.touch()
    db.chmod(0o644)
    result = _invoke(["--db", str(db), "demo"])
    assert result.exit_code == 0, result.output
    assert db.stat().st_mode & 0o777 == 0o600
    assert _invoke(["--db", str(db), "visits"]).exit_code == 0


# -- 4. a database with damaged pages ----------------------------------------------------------


@pytest.fixture(scope="module")
def _damaged_bytes(tmp_path_factory) -> bytes:
    """A real database with many rows, closed, then 80% of its middle overwritten."""
    from interview_tui.services.demo import seed_demo
    from interview_tui.store import open_store

    path = tmp_path_factory.mktemp("damaged") / "interview.db"
    store = open_store(path)
    seed_demo(store, FIXED_TODAY, extra_visits=60)
    store.close()
    assert not Path(f"{path}-wal").exists()  # every page is in the file
    data = bytearray(path.read_bytes())
    assert len(data) > 500_000
    start, end = len(data) // 10, len(data) * 9 // 10
    data[start:end] = b"\xde\xad\xbe\xef" * ((end - start) // 4)
    return bytes(data)


@pytest.fixture(scope="module")
def _damaged_rows_bytes(_damaged_bytes, tmp_path_factory) -> bytes:
    """Damage in the rows only: the schema (the first pages) still reads, so the app opens."""
    from interview_tui.services.demo import seed_demo
    from interview_tui.store import open_store

    path = tmp_path_factory.mktemp("damaged-rows") / "interview.db"
    store = open_store(path)
    seed_demo(store, FIXED_TODAY, extra_visits=60)
    store.close()
    data = bytearray(path.read_bytes())
    start, end = len(data) // 3, len(data) * 9 // 10
    data[start:end] = b"\xde\xad\xbe\xef" * ((end - start) // 4)
    return bytes(data)


@pytest.fixture
def damaged_db(_damaged_bytes, tmp_path) -> Path:
    path = tmp_path / "damaged.db"
    path.write_bytes(_damaged_bytes)
    path.chmod(0o600)
    return path


def test_a_damaged_database_is_one_line_with_the_way_to_recover(damaged_db, tmp_path) -> None:
    export = tmp_path / "visit.json"
    export.write_text(
        _invoke(["--db", str(tmp_path / "other.db"), "demo"]).output
        and _invoke(["--db", str(tmp_path / "other.db"), "export", "1", "--format", "json"]).stdout,
        encoding="utf-8",
    )
    for args in (
        ["visits"],
        ["commitments"],
        ["calendar"],
        ["search", "ARM"],
        ["export", "1", "--format", "json"],
        ["import", str(export)],
    ):
        result = _invoke(["--db", str(damaged_db), *args])
        assert _one_error_line(result), (args, result.output[-600:])
        assert "damaged" in result.stderr and ".recover" in result.stderr, args
        assert str(damaged_db) in result.stderr
    result = _invoke(["--db", str(damaged_db), "--lang", "zh", "visits"])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert "已损坏" in result.stderr and ".recover" in result.stderr


async def test_a_damaged_database_is_said_when_the_app_starts(
    _damaged_rows_bytes, tmp_path
) -> None:
    from interview_tui.store import open_store
    from interview_tui.tui.app import build_app

    from .conftest import settle

    damaged_db = tmp_path / "damaged.db"
    damaged_db.write_bytes(_damaged_rows_bytes)
    store = open_store(damaged_db)
    try:
        app = build_app(store, today=lambda: FIXED_TODAY, now=lambda: FIXED_NOW, animate=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            messages = [n.message for n in notifications(app)]
            assert any("damaged" in m and ".recover" in m for m in messages), messages
            assert app.is_running
    finally:
        store.close()


# -- 6. the demo beside the user's own customers -----------------------------------------------


def test_the_demo_leaves_a_customer_of_the_same_name_alone(store) -> None:
    from interview_tui.domain.models import Visit

    mine = store.save(Customer(name="Northwind Logistics", industry="my real account"))
    store.save(Customer(name="Northwind Logistics (demo)", industry="also mine"))
    store.save(Visit(customer_id=mine.id, date=FIXED_NOW, purpose="my own visit"))
    path = str(store.path)
    result = _invoke(["--db", path, "demo"])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert "UNIQUE" not in result.output
    assert "'Northwind Logistics (demo 2)'" in result.stderr
    assert store.get(Customer, mine.id) == mine
    assert [v.purpose for v in store.visits(mine.id)] == ["my own visit"]
    demo = store.customer_by_name("Northwind Logistics (demo 2)")
    assert demo is not None and store.visits(demo.id)
    assert store.customer_by_name("星河视频") is not None
    again = _invoke(["--db", path, "--lang", "zh", "demo"])
    assert again.exit_code == 0 and "0 个客户" in again.output


# -- 7. lint in linear time ----------------------------------------------------------------------


_RULES_ON_LONG_TEXT = """
import sys, time
from interview_tui.lint import chinese, english
start = time.perf_counter()
for module, unit in ((english, "why "), (english, "why did you choose "),
                     (english, "what features would you like "), (chinese, "为什么选择")):
    module.find((unit * 20_000)[:20_000])
print(round(time.perf_counter() - start, 3))
"""


def test_the_rules_run_in_linear_time() -> None:
    """Every rule's gap is bounded, so 20,000 characters of the worst repeated phrases take
    about a second for all four (old code: 4,000 took 2 s, 20,000 never ended)."""
    done = subprocess.run(
        [sys.executable, "-c", _RULES_ON_LONG_TEXT],
        capture_output=True,
        timeout=30,
        env={**os.environ},
    )
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) < 10  # ~1.2 s here; generous for a loaded machine


@pytest.mark.parametrize(
    "unit", ["why ", "why did you choose ", "what features would you like ", "为什么选择"]
)
def test_lint_time_grows_linearly_up_to_the_longest_question(unit) -> None:
    """The rules' gaps are bounded, so a question of 2,000 characters of the worst repeated
    phrase lints in well under a second (old code: 1,000 characters took 0.1–2 s, 4,000
    never ended in time)."""
    import time

    from interview_tui.lint import lint_text
    from interview_tui.lint.findings import MAX_QUESTION_CHARS

    lint_text("warm up: why?")
    text = (unit * (MAX_QUESTION_CHARS // len(unit) + 1))[:MAX_QUESTION_CHARS]
    start = time.perf_counter()
    result = lint_text(text)
    assert time.perf_counter() - start < 1.5, unit  # ~0.1 s here; generous for a loaded machine
    assert "too-long" not in result.codes


def test_a_question_of_400_kb_is_one_finding_in_both_languages(tmp_path) -> None:
    """A text too long to be a question is one finding, at once (old code never ended)."""
    import time

    text = "why did you choose them " * 17_000  # 408,000 characters, one line
    for lang, words in (("en", "not one question"), ("zh", "不是一个问题")):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "interview_tui", "--lang", lang, "lint", "-"],
            input=text.encode(),
            capture_output=True,
            timeout=30,
        )
        assert time.perf_counter() - start < 15, lang  # ~0.3 s here
        output = done.stdout.decode()
        assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr[-300:]
        assert "too-long" in output and words in output
    result = _invoke(["lint", "-", "--format", "json"], input=text.encode())
    assert [f["code"] for f in json.loads(result.stdout)[0]["findings"]] == ["too-long"]
