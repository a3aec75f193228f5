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


def keys_behind_callbacks(app: Any, event: Any) -> bool:
    """Put ``event`` (a key or paste being handled) and every key and paste still waiting
    for the app back at the end of its queue, in typed order, behind the callbacks waiting
    there (such as a focus change the key before asked for); False, and nothing moved, when
    no callback waits or the app is closing (private: the app's message queue, and the
    message Textual has already taken from it to look at)."""
    from textual import events

    queue = app._message_queue
    head = app._pending_message
    waiting = [*([head] if head is not None else []), *queue.values]
    if None in queue.values or not any(isinstance(m, events.Callback) for m in waiting):
        return False
    typed = [m for m in waiting if isinstance(m, events.Key | events.Paste)]
    rest = [m for m in waiting if not isinstance(m, events.Key | events.Paste)]
    app._pending_message = None
    queue.values.clear()
    for message in (*rest, event, *typed):
        queue.put_nowait(message)
    return True
