"""Exports printed to a terminal show control characters; to a file or a pipe they are exact.

``interview-tui export VISIT --format …`` and ``interview-tui calendar`` without ``-o``
write to standard output. A customer name or a note holding ``ESC ] 52`` must not reach a
terminal as a command; a pipe (``| mail``, ``> file``) still gets the export unchanged.
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from interview_tui.cli.output import for_terminal, write_export
from interview_tui.domain.enums import OwnerSide, Role
from interview_tui.domain.models import Commitment, Customer, Note, Person, Visit
from interview_tui.exports.render import FORMATS, render
from interview_tui.settings import UserSettings
from interview_tui.store import open_store
from tests.conftest import FIXED_NOW, FIXED_TODAY

HOSTILE = "Contoso \x1b]0;PWN\x07 \x1b]52;c;Zm9v\x07 \x1b[2J \x00 \x7f \x9b31m \x85 \u202e end"
#: bytes a terminal acts on: ESC, BEL, NUL, DEL, C1 (as UTF-8), RLO (as UTF-8)
RAW = (b"\x1b", b"\x07", b"\x00", b"\x7f", b"\xc2\x9b", b"\xc2\x85", "\u202e".encode())
#: the Markdown documents (report, recap): every field shows its controls as symbols
DOCUMENTS = ("report-md", "recap-md")


def _hostile_db(path: Path) -> int:
    store = open_store(path)
    customer = store.save(Customer(name=HOSTILE))
    person = store.save(
        Person(
            customer_id=customer.id,
            name="Priya " + HOSTILE,
            contact="priya@example.com",
            role=Role.BUSINESS,
        )
    )
    visit = store.save(
        Visit(
            customer_id=customer.id,
            date=datetime(2026, 11, 20, 10),
            purpose=HOSTILE,
            attendee_ids=[person.id],
            next_step=HOSTILE,
        )
    )
    store.save(Note(visit_id=visit.id, text="账单 " + HOSTILE))
    store.save(
        Commitment(
            visit_id=visit.id,
            text="账单 " + HOSTILE,
            owner_name="Priya",
            owner_side=OwnerSide.CUSTOMER,
        )
    )
    store.save(Commitment(visit_id=visit.id, text="Send " + HOSTILE, owner_name=HOSTILE))
    store.close()
    return int(visit.id)


def _write(
    data: bytes, output_format: str, terminal: bool, monkeypatch: pytest.MonkeyPatch
) -> bytes:
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="utf-8"))
    write_export(data, output_format, terminal=terminal)
    return buffer.getvalue()


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_is_exact_to_a_file_and_visible_on_a_terminal(
    output_format: str, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit_id = _hostile_db(db_path)
    store = open_store(db_path)
    data = render(
        store,
        visit_id,
        output_format,
        today=FIXED_TODAY,
        now=FIXED_NOW,
        settings=UserSettings(email="pm@example.com"),
    )
    store.close()
    if output_format in DOCUMENTS:  # read by people: controls shown as symbols in the file
        assert not [raw for raw in RAW if raw in data] and "␛".encode() in data, output_format
    elif output_format not in ("eml", "chase-eml"):  # MIME-encoded bodies, folded headers
        assert any(raw in data for raw in RAW), output_format  # the export does hold them
    assert _write(data, output_format, False, monkeypatch) == data  # a file or pipe: exact
    shown = _write(data, output_format, True, monkeypatch)
    assert not [raw for raw in RAW if raw in shown], output_format
    text = shown.decode()
    if output_format == "json":
        assert json.loads(text) == json.loads(data)  # still JSON, the same values
    elif output_format not in ("eml", "chase-eml", *DOCUMENTS):  # shown as symbols (no C0 in ics)
        assert "␛]0;PWN␇" in text or "\\x9b31m" in text, output_format


def test_calendar_streams_visible_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    pieces = [b"BEGIN:VCALENDAR\r\n", "SUMMARY:x\x9b31m \x1b]0;t\x07\r\n".encode()]
    shown = _write(iter(pieces), "ics", True, monkeypatch)  # type: ignore[arg-type]
    assert shown.decode() == "BEGIN:VCALENDAR\nSUMMARY:x\\x9b31m ␛]0;t␇\n"
    assert _write(iter(pieces), "ics", False, monkeypatch) == b"".join(pieces)  # type: ignore[arg-type]


def test_for_terminal_keeps_chinese_and_layout() -> None:
    assert for_terminal("# 账单\r\n- 第一\t项\n", "report-md") == "# 账单\n- 第一\t项\n"
    assert for_terminal('{"a": "\u202e\\u001b"}', "json") == '{"a": "\\u202e\\u001b"}'


pty_only = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def _run_in_pty(args: list[str], env: dict[str, str]) -> bytes:
    """Everything the command writes to a real terminal, until it exits."""
    from tests.pty_terminal import Terminal

    term = Terminal(args, env, size=(200, 50))
    end = time.perf_counter() + 60
    exited = False
    try:
        while time.perf_counter() < end:
            exited = exited or term.exited()
            if not term.read(0.05) and exited:
                return term.output
        raise TimeoutError(term.output[-300:])
    finally:
        term.kill()


@pty_only
def test_export_and_calendar_print_no_control_to_a_real_terminal(
    db_path: Path, tmp_path: Path
) -> None:
    visit_id = _hostile_db(db_path)
    env = {
        **os.environ,
        "INTERVIEW_TUI_DB": str(db_path),
        "INTERVIEW_TUI_LANG": "en",
        "INTERVIEW_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "INTERVIEW_TUI_EMAIL": "pm@example.com",
    }
    for args in (
        ["export", str(visit_id), "--format", "report-md"],
        ["export", str(visit_id), "--format", "chase-eml"],
        ["calendar"],
    ):
        out = _run_in_pty(args, env)
        assert b"PWN" in out, (args, out[-300:])
        assert not [raw for raw in RAW if raw in out], (args, out[-300:])
