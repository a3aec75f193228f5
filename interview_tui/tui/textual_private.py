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


# -- wide characters across the edges of the widgets underneath -----------------------------
#
# Textual's compositor cuts every line of the screen at the left and right edge of every
# widget on it, the ones under an overlay included, and divides each widget's line at those
# cuts (``Compositor._render_chops``). A double-width character (Chinese, Japanese, Korean)
# that spans a cut is split in two, and Rich writes each half as a space: a toast over the
# live screen showed "还没有问  脚本" where its text is "还没有问题脚本", the 题 lying across the
# right edge of the note field beneath. Where the same widget wins the cells on both sides
# of such a cut, the cut is not made: the character stays whole in the left piece and the
# right piece is empty. A cut where something else is drawn on one side is still made (the
# character is half covered, a space is what can be shown).


def _wide_middles(strip: Any) -> set[int]:
    """The cell offsets of ``strip`` that fall inside a double-width character."""
    from rich.cells import cell_len

    text = strip.text
    if cell_len(text) == len(text):
        return set()
    middles, x = set(), 0
    for character in text:
        width = cell_len(character)
        if width == 2:
            middles.add(x + 1)
        x += width
    return middles


def _render_chops(self: Any, crop: Any, is_rendered_line: Any) -> Any:
    """``Compositor._render_chops`` (Textual 8.2.8) keeping wide characters whole."""
    from textual.strip import Strip

    cuts = self.cuts
    chops: list[dict[int, Any]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    empty = Strip([], 0)
    for region, clip, strips in self._get_renders(crop):
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips, strict=False):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            keys, ends = final_cuts[:-1], final_cuts[1:]
            merged: set[int] = set()
            if len(ends) > 1 and (middles := _wide_middles(strip)):
                merged = {
                    i
                    for i, end in enumerate(ends[:-1])
                    if end - render_x in middles
                    and line.get(keys[i]) is None
                    and line.get(keys[i + 1]) is None
                }
            kept = [end - render_x for i, end in enumerate(ends) if i not in merged]
            pieces = iter(strip.divide(kept))
            for i, key in enumerate(keys):
                piece = empty if i - 1 in merged else next(pieces, empty)
                if line.get(key) is None:
                    line[key] = piece
    return chops


def keep_wide_characters_whole() -> None:
    """Install :func:`_render_chops` on Textual's compositor; safe to call again."""
    from textual._compositor import Compositor

    Compositor._render_chops = _render_chops  # type: ignore[method-assign]
