"""Stored text in the app's editors is drawn with visible symbols, never sent raw.

A note, a purpose, a follow-up or an answer can arrive by import holding ``ESC ] 52``
(write the clipboard), ``ESC ] 0`` (retitle the window), ``ESC [ 2 J`` (clear the
screen), BEL, NUL, C1 controls or bidi overrides. Every editor filled from stored text is
opened here and what the app would write to the terminal for it is checked; the live note
editor is also checked byte for byte in a real pseudo-terminal. The stored text itself is
never changed by showing it.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from interview_tui.domain.enums import Goal, OwnerSide, Role
from interview_tui.domain.models import (
    Commitment,
    Customer,
    CustomerQuestion,
    Note,
    Person,
    Requirement,
    ScriptItem,
    Visit,
)
from interview_tui.store import open_store
from interview_tui.tui.textual_private import screen_update
from tests.conftest import FIXED_NOW, FIXED_TODAY, settle

#: one of every family a terminal could act on, each next to a marker
FAMILIES = {
    "osc0": "\x1b]0;PWNTITLE\x07",
    "osc52": "\x1b]52;c;UFdOQ0xJUA==\x07",
    "csi2j": "\x1b[2J",
    "bel": "\x07",
    "nul": "\x00",
    "c1_csi": "\x9b31m",
    "c1_nel": "\x85",
    "del": "\x7f",
    "rlo": "\u202e",
    "lri": "\u2066",
    "ff": "\x0c",
    "vt": "\x0b",
    "cr": "\r",
}
HOSTILE = (
    "Kafka [/EU] [bold]b[/bold] [link=https://e.vil]l "
    + " ".join(f"<{name}>{seq}" for name, seq in FAMILIES.items())
    + " end"
)
#: in a one-line field: line breaks too (an editor shows them as new lines)
RAW = (
    "\x1b]0;PWNTITLE",
    "\x1b]52;",
    "\x1b[2J",
    "\x07",
    "\x00",
    "\x9b",
    "\xc2\x9b",
    "\x85",
    "\x7f",
    "\u202e",
    "\u2066",
    "\x0c",
    "\x0b",
)
#: the app's own sequences: CSI (with DECRQM's ``$``) and Textual's pointer shape (OSC 22)
_OWN = re.compile(r"\x1b\[[0-9;:?<>=$]*[A-Za-z~]|\x1b\]22;[a-z-]*\x07")


def _unsafe(out: str) -> list[str]:
    """What of ``out`` (a terminal sequence) the stored text smuggled in, if anything."""
    rest = _OWN.sub("", out)
    found = [seq for seq in RAW if seq in rest]
    found += sorted(
        {
            repr(c)
            for c in rest
            if (ord(c) < 0x20 and c not in "\n\r")
            or 0x7F <= ord(c) <= 0x9F
            or 0xD800 <= ord(c) <= 0xDFFF
            or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        }
    )
    return found


def _hostile_store(path: Path) -> dict[str, int]:
    store = open_store(path)
    customer = store.save(Customer(name="Contoso", industry=HOSTILE, notes=HOSTILE))
    person = store.save(Person(customer_id=customer.id, name="Ann", role=Role.BUSINESS))
    visit = store.save(
        Visit(
            customer_id=customer.id,
            date=datetime(2026, 11, 20, 10),
            purpose=HOSTILE,
            attendee_ids=[person.id],
            give_back=[HOSTILE],
            sales_told=HOSTILE,
            do_not_say=HOSTILE,
            may_promise=HOSTILE,
            must_not_promise="zzz",
            product_brief=HOSTILE,
            next_step=HOSTILE,
        )
    )
    item = store.save(
        ScriptItem(
            visit_id=visit.id,
            role=Role.BUSINESS,
            goal=Goal.PAIN_POINTS,
            text=HOSTILE,
            research=HOSTILE,
            purpose=HOSTILE,
            follow_ups=[HOSTILE, HOSTILE],
        )
    )
    store.save(Note(visit_id=visit.id, script_item_id=item.id, text=HOSTILE + "\n" + HOSTILE))
    question = store.save(CustomerQuestion(visit_id=visit.id, text=HOSTILE, answer=HOSTILE))
    commitment = store.save(
        Commitment(visit_id=visit.id, text=HOSTILE, owner_name=HOSTILE, owner_side=OwnerSide.US)
    )
    requirement = store.save(
        Requirement(
            customer_id=customer.id,
            visit_id=visit.id,
            title=HOSTILE,
            user=HOSTILE,
            scenario=HOSTILE,
            pain=HOSTILE,
        )
    )
    store.close()
    return {
        "customer": customer.id,
        "visit": visit.id,
        "item": item.id,
        "question": question.id,
        "commitment": commitment.id,
        "requirement": requirement.id,
    }


def _dialogs(store: Any, ids: dict[str, int], app: Any) -> list[Any]:
    """The dialogs a screen opens filled with stored text, built as their screens do."""
    from interview_tui.tui.live.confirm_back import ConfirmBackScreen
    from interview_tui.tui.live.dialogs import CommitmentDialog
    from interview_tui.tui.plan.customer_question_dialog import CustomerQuestionDialog
    from interview_tui.tui.plan.item_dialog import ItemDialog
    from interview_tui.tui.review.commitments_screen import NoteDialog

    item = store.get(ScriptItem, ids["item"])
    question = store.get(CustomerQuestion, ids["question"])
    dialogs = [
        ItemDialog(item, item.role, item.goal),
        CustomerQuestionDialog(question, "zzz"),
        CommitmentDialog(FIXED_TODAY, lambda text: [], default_owner=HOSTILE),
        NoteDialog("t", False, draft=HOSTILE),
    ]
    session = getattr(app.screen, "session", None)
    if session is not None:
        dialogs.append(ConfirmBackScreen(session))
    return dialogs


#: route -> ids of its editors that must show stored text (proof the walk filled them)
ROUTES = {
    "live": ("note",),
    "visit_form": (
        "purpose",
        "give_back",
        "sales_told",
        "do_not_say",
        "may_promise",
        "product_brief",
    ),
    "customer": ("industry", "notes"),
    "requirement": ("title", "user", "scenario", "pain"),
    "commitment": ("text", "owner_name"),
}
#: dialog class name -> ids of its editors filled with stored text
DIALOGS = {
    "ItemDialog": ("text", "research", "purpose", "follow_ups"),
    "CustomerQuestionDialog": ("text", "answer"),
    "CommitmentDialog": ("owner_name",),
    "NoteDialog": ("note",),
    "ConfirmBackScreen": ("next-step",),
}


def _route_kwargs(route: str, ids: dict[str, int]) -> dict[str, int]:
    return {
        "live": {"visit_id": ids["visit"]},
        "visit_form": {"visit_id": ids["visit"]},
        "customer": {"customer_id": ids["customer"]},
        "requirement": {"requirement_id": ids["requirement"]},
        "commitment": {"commitment_id": ids["commitment"]},
    }[route]


def _check_editors(app: Any, where: str, filled: tuple[str, ...]) -> None:
    """Every editor on the screen is the app's own; what the screen writes to the terminal
    holds no raw control; the editors named in ``filled`` hold the stored text exactly."""
    from textual.widgets import Input, TextArea

    from interview_tui.tui import inputs

    screen = app.screen
    editors = list(screen.query(Input)) + list(screen.query(TextArea))
    for editor in editors:
        assert isinstance(editor, inputs.Input | inputs.TextArea), (where, type(editor))
    values = {e.id: (e.text if isinstance(e, TextArea) else e.value) for e in editors}
    for name in filled:
        assert "\x1b]52;" in values.get(name, ""), (where, name, values.get(name))
    for editor in editors:
        # each editor scrolled to its start: the stored text is what is in view
        editor.scroll_home(animate=False)
        if isinstance(editor, TextArea):
            editor.move_cursor((0, 0))
    out = screen_update(screen, app)
    assert "PWNTITLE" in out or not filled, where  # the text is shown, as symbols
    assert not _unsafe(out), (where, _unsafe(out))


async def test_every_editor_filled_from_stored_text_draws_controls_as_symbols(
    tmp_path: Path,
) -> None:
    from interview_tui.tui.app import build_app

    path = tmp_path / "hostile.db"
    ids = _hostile_store(path)
    store = open_store(path)
    try:
        for route, filled in ROUTES.items():
            app = build_app(
                store,
                initial=(route, _route_kwargs(route, ids)),
                today=lambda: FIXED_TODAY,
                now=lambda: FIXED_NOW,
                animate=False,
            )
            async with app.run_test(size=(200, 60)) as pilot:
                await settle(pilot)
                _check_editors(app, route, filled)
                for dialog in _dialogs(store, ids, app) if route == "live" else ():
                    app.push_screen(dialog)
                    await settle(pilot)
                    name = type(dialog).__name__
                    _check_editors(app, name, DIALOGS[name])
                    app.pop_screen()
                    await settle(pilot)
    finally:
        store.close()


async def test_text_typed_or_pasted_stays_exact_and_shows_as_symbols() -> None:
    """Every family, lone surrogates too, in both editors: drawn safely, kept exactly."""
    from textual.app import App, ComposeResult

    from interview_tui.tui.inputs import Input, TextArea

    text = HOSTILE + " \ud800 \tx"

    class Editors(App):
        def compose(self) -> ComposeResult:
            yield TextArea(text, id="area", soft_wrap=True)
            yield Input(text, id="line")

    app = Editors()
    async with app.run_test(size=(60, 20)) as pilot:
        area, line = app.query_one(TextArea), app.query_one(Input)
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.pause()
        out = screen_update(app.screen, app)
        assert not _unsafe(out), _unsafe(out)
        assert "␛]52;c;" in out and "␇" in out and "\ufffd" in out
        assert line.value == text  # a line break of any kind starts a line of the editor
        assert area.document.lines == text.splitlines()
        # the drawn cursor is where the document's is: after the last character
        row, column = area.cursor_location
        assert area.get_column_width(row, column) == len(
            area.document[row].expandtabs(area.indent_width)
        ) or column == len(area.document[row])


async def test_question_copy_findings_quote_the_question_literally(tmp_path: Path) -> None:
    """The shallow-question findings quote the question: ``[/EU]`` in it is text."""
    from interview_tui.tui.app import build_app
    from interview_tui.tui.plan.item_dialog import ItemDialog

    store = open_store(tmp_path / "q.db")
    customer = store.save(Customer(name="C"))
    visit = store.save(Visit(customer_id=customer.id, date=datetime(2026, 11, 20, 10)))
    item = store.save(
        ScriptItem(
            visit_id=visit.id,
            role=Role.BUSINESS,
            goal=Goal.PAIN_POINTS,
            text="How many [/EU] regions do you run, and how many of them [bold]fail[/bold] over?",
        )
    )
    app = build_app(
        store,
        initial=("plan", {"visit_id": visit.id}),
        today=lambda: FIXED_TODAY,
        now=lambda: FIXED_NOW,
        animate=False,
    )
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            app.push_screen(ItemDialog(item, item.role, item.goal))
            await settle(pilot)
            shown = str(app.screen.query_one("#findings").render())
            assert "[/EU]" in shown and "[bold]fail[/bold]" in shown, shown  # rewrite, follow-up
    finally:
        store.close()


def test_no_screen_builds_textuals_own_editors() -> None:
    """Screens use the app's ``Input`` and ``TextArea`` (which draw controls as symbols)."""
    package = Path(__file__).parent.parent / "interview_tui" / "tui"
    offenders = []
    for source in package.rglob("*.py"):
        if source.name == "inputs.py":
            continue
        text = source.read_text(encoding="utf-8")
        imported = re.search(r"from textual\.widgets import ([^\n]*)", text)
        names = set(re.findall(r"\w+", imported.group(1))) if imported else set()
        for widget in ("Input", "TextArea"):
            if widget in names and re.search(rf"\b{widget}\(", text):
                offenders.append(f"{source.name}: {widget}")
    assert offenders == []


pty_only = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


@pty_only
def test_live_note_editor_writes_no_stored_control_to_the_terminal(tmp_path: Path) -> None:
    """The real bytes: open a visit live whose note holds every family of control."""
    from tests.pty_terminal import Terminal

    path = tmp_path / "live.db"
    ids = _hostile_store(path)
    env = {
        **os.environ,
        "INTERVIEW_TUI_DB": str(path),
        "INTERVIEW_TUI_LANG": "en",
        "INTERVIEW_TUI_CONFIG_DIR": str(tmp_path / "config"),
    }
    term = Terminal(["live", str(ids["visit"])], env, size=(160, 40))
    try:
        term.wait_for_screen("<osc52>␛]52;c;UFdOQ0xJUA==␇", timeout=30)
        term.wait_for_screen("1/1")
        term.send(b"typed")  # the editor redraws the note
        term.wait_for(b"typed")
        term.drain(0.3)
        out = term.output.decode("utf-8", "replace")
    finally:
        term.kill()
    assert "PWNTITLE" in out
    assert not _unsafe(out), _unsafe(out)
