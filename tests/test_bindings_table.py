"""The key table (``interview_tui/bindings.json``) that ``keys`` and the keymap check read
without importing Textual: always what the screens declare, and read the way Textual reads."""

from __future__ import annotations

import unicodedata

from interview_tui import bindings


def test_the_table_is_what_the_screens_declare() -> None:
    from interview_tui.tui.keymap import table_text

    assert bindings.TABLE_PATH.read_text(encoding="utf-8") == table_text(), (
        "a binding changed: run `python -m interview_tui.tui.keymap` to write bindings.json"
    )


def test_key_names_are_textuals() -> None:
    from textual.keys import _character_to_key

    characters = [
        chr(code) for code in range(0x09, 0x3000) if unicodedata.category(chr(code)) not in ("Cs",)
    ]
    assert [c for c in characters if bindings.key_name(c) != _character_to_key(c)] == []
