"""Words typed in the same instant as the key that opens a dialog or screen land in its
first field, in a real terminal (one write of the key's bytes and the text, 0 ms apart)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from interview_tui.store import open_store
from tests.pty_terminal import Terminal, make_demo_env

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

#: ctrl+t commitment, ctrl+r requirement, ctrl+l pain, ctrl+o own question
DIALOG_KEYS = {"ctrl+t": b"\x14", "ctrl+r": b"\x12", "ctrl+l": b"\x0c", "ctrl+o": b"\x0f"}


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return make_demo_env(tmp_path_factory.mktemp("typeahead"))


@pytest.mark.parametrize("key", list(DIALOG_KEYS))
def test_text_typed_with_a_dialog_key_lands_in_the_dialog(demo_env, key: str) -> None:
    term = Terminal(["live", "2"], demo_env, size=(100, 30))
    try:
        term.wait_for(b"Live")
        term.drain(0.5)
        text = f"Typed with {key} at once"
        term.send(DIALOG_KEYS[key] + text.encode())
        term.wait_for(text.encode(), timeout=10)
        term.drain(0.3)
        term.send(b"\x1b")  # leave the dialog
        term.drain(0.8)
    finally:
        term.kill()
    store = open_store(Path(demo_env["INTERVIEW_TUI_DB"]))
    try:
        notes = [r["text"] for r in store.query("SELECT text FROM notes WHERE visit_id = 2")]
    finally:
        store.close()
    assert not any(text in note for note in notes), "the words went into the note"


def test_search_typed_with_its_key_finds_at_once(demo_env) -> None:
    term = Terminal([], demo_env, size=(120, 30))
    try:
        term.wait_for_screen("Northwind Log")  # home is up (the name may be cut)
        term.drain(0.5)
        term.send(b"/Surge")
        term.wait_for(b"Surge upgrades that", timeout=10)  # a hit's context: the search ran
    finally:
        term.kill()
