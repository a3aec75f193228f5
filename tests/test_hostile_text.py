"""Hostile text in names and notes: printed literally by the CLI, never run by the terminal;
exports never clobber the database or an existing file; the display boundary itself."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from interview_tui.display import visible
from interview_tui.domain.models import Commitment, Customer, Note, Visit
from interview_tui.store import open_store
from interview_tui.tui.text import literal

HOSTILE = (
    "Contoso [/EU] [bold]x[/bold] [link=https://e.vil]y\x1b]0;pwned\x07"
    "\x1b]52;c;Zm9v\x07\x1b[2J\x9b31m\u202e end"
)
_TERMINAL_BYTES = (b"\x1b", b"\x07", b"\xc2\x9b")  # ESC, BEL, CSI (C1)


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "INTERVIEW_TUI_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "interview_tui", *args], capture_output=True, env=env, timeout=60
    )


def _hostile_db(path: Path) -> int:
    store = open_store(path)
    customer = store.save(Customer(name=HOSTILE))
    visit = store.save(
        Visit(customer_id=customer.id, date=datetime(2026, 11, 20, 10), purpose=HOSTILE)
    )
    store.save(Note(visit_id=visit.id, text="账单 " + HOSTILE))
    store.save(Commitment(visit_id=visit.id, text="账单 " + HOSTILE, owner_name=HOSTILE))
    store.close()
    return int(visit.id)


def test_cli_prints_no_terminal_control_bytes(db_path: Path) -> None:
    _hostile_db(db_path)
    for args in (
        ["visits"],
        ["visits", "--json"],
        ["search", "账单"],
        ["search", "账单", "--json"],
        ["commitments"],
        ["commitments", "--json"],
    ):
        result = _cli(db_path, *args)
        assert result.returncode == 0, (args, result.stderr)
        for stream in (result.stdout, result.stderr):
            assert not any(byte in stream for byte in _TERMINAL_BYTES), (args, stream[:300])
        assert b"Contoso [/EU] [bold]x[/bold]" in result.stdout, args
        if "--json" in args:
            assert any(HOSTILE in value for value in _strings(json.loads(result.stdout)))


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    return [s for item in data for s in _strings(item)] if isinstance(data, list) else []


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_never_writes_over_the_database_or_an_existing_file(
    db_path: Path, tmp_path: Path
) -> None:
    visit_id = _hostile_db(db_path)
    before = _digest(db_path)
    for target in (db_path, Path(str(db_path) + "-wal")):
        result = _cli(
            db_path, "export", str(visit_id), "--format", "json", "-o", str(target), "--force"
        )
        assert result.returncode == 2 and b"database" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert _digest(db_path) == before
    existing = tmp_path / "report.md"
    existing.write_text("mine")
    result = _cli(db_path, "export", str(visit_id), "--format", "report-md", "-o", str(existing))
    assert result.returncode == 2 and b"--force" in result.stderr
    assert existing.read_text() == "mine"
    link = tmp_path / "link.md"
    link.symlink_to(existing)
    result = _cli(
        db_path, "export", str(visit_id), "--format", "report-md", "-o", str(link), "--force"
    )
    assert result.returncode == 2 and existing.read_text() == "mine"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = _cli(db_path, "export", str(visit_id), "--format", "json", "-o", str(fifo), "--force")
    assert result.returncode == 2 and b"not a regular file" in result.stderr
    result = _cli(
        db_path, "export", str(visit_id), "--format", "report-md", "-o", str(existing), "--force"
    )
    assert result.returncode == 0 and existing.read_text() != "mine"
    assert (existing.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@given(st.text())
def test_visible_never_lets_a_control_character_through(text: str) -> None:
    for shown in (visible(text), visible(text, one_line=True)):
        assert not any(ord(c) < 0x20 and c not in "\n\t" for c in shown)
        assert not any(0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF for c in shown)
        shown.encode("utf-8")  # always printable as UTF-8
    assert "\n" not in visible(text, one_line=True)


@given(st.text(alphabet=st.sampled_from("[]/=ab \x1b\x07")))
def test_markup_in_user_text_is_kept_literally(text: str) -> None:
    rendered = literal(text)
    assert isinstance(rendered, Text)
    assert rendered.plain == visible(text)
    assert not rendered.spans


NASTY = [
    "Contoso [/EU]",
    "99.9% [see the contract",
    "[bold]x[/bold] [link=https://e.vil]y",
    "\x1b]0;pwned\x07\x1b[2J",
    "a\x00b\x9bc",
    "[[[",
    "]]]",
    "\\[",
    "x" * 5000,
]


async def test_every_screen_shows_hostile_text_literally(tmp_path: Path) -> None:
    from interview_tui.domain.enums import Goal, Role
    from interview_tui.domain.models import Person, Requirement, ScriptItem
    from interview_tui.tui.app import build_app
    from tests.conftest import FIXED_NOW, FIXED_TODAY, settle

    store = open_store(tmp_path / "hostile.db")
    customer = store.save(Customer(name="Contoso [/EU] \x1b]0;t\x07", industry="[/x]"))
    person = store.save(Person(customer_id=customer.id, name="[b]Ann", role=Role.BUSINESS))
    visit = store.save(
        Visit(
            customer_id=customer.id,
            date=datetime(2026, 11, 20, 10),
            purpose=NASTY[1],
            attendee_ids=[person.id],
            must_not_promise=NASTY[2],
            may_promise=NASTY[0],
        )
    )
    for n, text in enumerate(NASTY):
        store.save(
            ScriptItem(
                visit_id=visit.id,
                role=Role.BUSINESS,
                goal=Goal.PAIN_POINTS,
                text=text + " ?",
                research=text,
                follow_ups=[text],
                position=n,
            )
        )
        store.save(Note(visit_id=visit.id, text=text, goal=Goal.PAIN_POINTS))
        store.save(Commitment(visit_id=visit.id, text=text, owner_name=text))
        store.save(Requirement(customer_id=customer.id, visit_id=visit.id, title=text, user=text))
    routes = [
        ("home", {}),
        ("plan", {"visit_id": visit.id}),
        ("live", {"visit_id": visit.id}),
        ("rehearse", {"visit_id": visit.id}),
        ("requirements", {}),
        ("commitments", {}),
        ("matrix", {}),
        ("timeline", {"customer_id": customer.id}),
        ("search", {"query": "contract"}),
        ("export", {"visit_id": visit.id}),
        ("customer", {"customer_id": customer.id}),
        ("visit_form", {"visit_id": visit.id}),
    ]
    for route, kwargs in routes:
        app = build_app(
            store,
            initial=(route, kwargs),
            today=lambda: FIXED_TODAY,
            now=lambda: FIXED_NOW,
            animate=False,
        )
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            if route == "live":
                for _ in range(len(NASTY)):
                    await pilot.press("ctrl+n")
                await settle(pilot)
            screen = app.export_screenshot()
            assert "\x1b" not in screen and "\x07" not in screen, route
            assert app.screen is not None and app.return_code is None, route
    store.close()


@given(st.text())
def test_fields_draw_one_safe_character_for_each(text: str) -> None:
    from interview_tui.display import visible_in_place

    shown = visible_in_place(text)
    assert len(shown) == len(text)
    assert not any(
        ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF for c in shown
    )
