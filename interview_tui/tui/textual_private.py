"""Every private Textual name interview-tui relies on, in one place.

Textual 8 decodes the bytes a terminal sends for alt+1 … alt+0, alt+- and alt+= (``ESC 1``
…) as the characters a Mac's Option key types (``¡ ™ £ …``), so the alt key and a typed
``£`` arrive as the same key and a UK, German or Spanish user's plain characters could not
be told from a shortcut. :func:`decode_alt_keys` makes those sequences ``alt+<key>`` key
events with no printable character; a typed ``£`` stays the character ``£``.

Each private name used here has a test (tests/test_textual_private.py), so a Textual
upgrade that moves one fails loudly instead of silently typing shortcuts into notes.
"""

from __future__ import annotations

from typing import Any, NamedTuple

ESC = "\x1b"


class _AltKey(NamedTuple):
    """Stands where Textual's table holds a ``Keys`` member: Textual reads only ``.value``
    and makes ``events.Key(value, None)`` of it (no character: nothing is typed)."""

    value: str


def _table() -> dict[str, object]:
    """Textual's table of byte sequences -> keys or characters (private)."""
    from textual._ansi_sequences import ANSI_SEQUENCES_KEYS

    return ANSI_SEQUENCES_KEYS  # type: ignore[return-value]


def key_name(character: str) -> str:
    """The name Textual gives the key of ``character`` (``3``, ``minus``, ``section_sign``)."""
    from textual.keys import _character_to_key

    return _character_to_key(character)


def alt_sequences() -> dict[str, str]:
    """``ESC`` + one character -> the alt key it is (``"\\x1b3"`` -> ``"alt+3"``), for every
    such sequence Textual would otherwise decode as a printable character."""
    return {
        sequence: f"alt+{key_name(sequence[1])}"
        for sequence, value in _table().items()
        if len(sequence) == 2
        and sequence[0] == ESC
        and sequence[1] != ESC
        and (isinstance(value, str) or _is_alt_key(value))
    }


def _is_alt_key(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 1 and isinstance(value[0], _AltKey)


def decode_alt_keys() -> None:
    """Decode ``ESC <key>`` as ``alt+<key>`` (not as a character); safe to call again."""
    table = _table()
    for sequence, alt_key in alt_sequences().items():
        table[sequence] = (_AltKey(alt_key),)


def wrap_as_chinese() -> None:
    """Textual's ``Content`` and rich's ``Text`` break prose into lines with
    :func:`interview_tui.display.line_breaks`: Chinese breaks between characters, never
    before a comma, and never leaves one character or one word alone on its last line
    (text without Chinese breaks as before). Both look up the private ``divide_line`` of
    their module when they wrap; safe to call again."""
    import rich.text
    import textual.content

    from interview_tui.display import line_breaks

    textual.content.divide_line = line_breaks  # type: ignore[attr-defined]
    rich.text.divide_line = line_breaks  # type: ignore[attr-defined]


def bindings_after_keymap(node: Any) -> dict[str, list[Any]]:
    """``node``'s key -> bindings as they run: its ``BINDINGS`` with the app's keymap laid
    over them (Textual applies the keymap to a copy each time it looks a key up)."""
    bindings = node._bindings.copy()
    if keymap := node.app._keymap:
        bindings.apply_keymap(keymap)
    return bindings.key_to_bindings


async def run_bindings(app: Any, key: str) -> bool:
    """Run the binding ``key`` has where the user is, as Textual would once the key came
    back unhandled: priority bindings first (app down), then the others (focus up).
    False when no binding ran."""
    return await app._check_bindings(key, priority=True) or await app._check_bindings(key)
