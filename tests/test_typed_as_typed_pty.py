"""Every key lands as typed, in a real pseudo-terminal with the bytes a keyboard sends.

A UK keyboard's ``£``, a German ``ß``, a Spanish ``¡`` and the rest are text in a live note
and in every dialog; ``ESC 3`` (alt+3 from xterm, tmux, GNOME) is a goal key and types
nothing; a Mac user who wants Option+3 (``£``) as the goal key turns ``option_keys`` on.
Tab, Enter and the rest typed in one burst with a dialog key act in the dialog, in order.
Each burst is one write to the pty, as a person typing fast (or a paste-like burst) sends.
"""

from __future__ import annotations

import os
import sys

import pytest

from tests.pty_terminal import Terminal, copy_demo_database, exported_visit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

VISIT = "4"  # Northwind Logistics, English
ESC, CTRL_Y, CTRL_J, CTRL_T, CTRL_R, CTRL_S = b"\x1b", b"\x19", b"\x0a", b"\x14", b"\x12", b"\x13"
#: what European keyboards type as plain keys (and a Mac's Option+1…7, s, w)
WORLD = "Budget is £500k at Hauptstraße 5 ¡™¢∞§¶∑ é ñ ç"


@pytest.fixture
def demo_env(tmp_path) -> dict[str, str]:
    """A fresh copy of the demo database and an empty config folder per test."""
    db = tmp_path / "demo.db"
    copy_demo_database(db)
    env = {key: value for key, value in os.environ.items() if key != "INTERVIEW_TUI_OPTION_KEYS"}
    return {
        **env,
        "INTERVIEW_TUI_DB": str(db),
        "INTERVIEW_TUI_LANG": "en",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }


def _live(env: dict[str, str]) -> Terminal:
    term = Terminal(["live", VISIT], env, size=(100, 30))
    term.wait_for_screen("Northwind")
    term.wait_for_screen("1/12")
    term.drain(0.3)
    return term


def _leave(term: Terminal) -> None:
    term.send(ESC)
    term.wait_for_screen("Visits")  # leaving saves the note
    term.drain(0.3)


def test_world_keyboards_type_text_into_a_live_note(demo_env) -> None:
    term = _live(demo_env)
    try:
        term.send(CTRL_J + WORLD.encode())
        term.wait_for_screen("é ñ ç")
        _leave(term)
    finally:
        term.kill()
    exported = exported_visit(demo_env, VISIT)
    texts = [note["text"] for note in exported["notes"]]
    assert WORLD in texts, texts
    [note] = [note for note in exported["notes"] if note["text"] == WORLD]
    assert note["goal"] == "business_goals"  # the question's: £ tagged no goal
    assert all(item["status"] != "skipped" for item in exported["script"])  # nor ß


def test_alt_3_tags_the_goal_and_types_nothing_and_the_leader_still_works(demo_env) -> None:
    term = _live(demo_env)
    try:
        term.send(CTRL_J + b"Kafka on-prem" + ESC + b"3" + b" today")  # alt+3, one burst
        term.wait_for_screen("goal: Usage & vendors")  # the note's own line (the toast lasts 2 s)
        term.wait_for_screen("on-prem today")
        term.send(CTRL_J + b"The CFO signs" + CTRL_Y + b"6 it")
        term.wait_for_screen("goal: Pain points")
        term.wait_for_screen("signs it")
        _leave(term)
    finally:
        term.kill()
    notes = {note["text"]: note for note in exported_visit(demo_env, VISIT)["notes"]}
    assert notes["Kafka on-prem today"]["goal"] == "usage_vendors", list(notes)
    assert notes["The CFO signs it"]["goal"] == "pain_points", list(notes)


def test_with_option_keys_on_a_macs_option_3_tags_the_goal(demo_env) -> None:
    env = {**demo_env, "INTERVIEW_TUI_OPTION_KEYS": "true"}
    term = _live(env)
    try:
        term.send(CTRL_J + "Kafka on-prem£ today".encode())
        term.wait_for_screen("goal: Usage & vendors")  # the note's own line (the toast lasts 2 s)
        term.wait_for_screen("on-prem today")
        _leave(term)
    finally:
        term.kill()
    notes = {note["text"]: note for note in exported_visit(env, VISIT)["notes"]}
    assert notes["Kafka on-prem today"]["goal"] == "usage_vendors", list(notes)


def test_tab_typed_with_the_requirement_key_moves_to_the_next_field(demo_env) -> None:
    """ctrl+r, three fields separated by Tab, in one write; ctrl+s saves."""
    term = _live(demo_env)
    try:
        term.send(CTRL_R + f"userA {WORLD}\tscenB\tpainC".encode())
        term.wait_for_screen("painC")
        term.send(CTRL_S)
        term.wait_for_screen("Requirements: 1")
        _leave(term)
    finally:
        term.kill()
    [requirement] = exported_visit(demo_env, VISIT)["requirements"]
    assert (requirement["user"], requirement["scenario"], requirement["pain"]) == (
        f"userA {WORLD}",
        "scenB",
        "painC",
    )


def test_keys_typed_with_the_commitment_key_act_in_the_dialog_in_order(demo_env) -> None:
    """ctrl+t, the text (with a typo fixed by Backspace), Tab to the owner, its name, then
    ctrl+s, in one write."""
    term = _live(demo_env)
    try:
        term.send(CTRL_T + f"Send the runbookX\x7f {WORLD}\t\tAnna Weiß\x13".encode())
        term.wait_for_screen("Commitments: 1")
        _leave(term)
    finally:
        term.kill()
    [commitment] = exported_visit(demo_env, VISIT)["commitments"]
    assert commitment["text"] == f"Send the runbook {WORLD}"
    assert commitment["owner_name"] == "Anna Weiß"
