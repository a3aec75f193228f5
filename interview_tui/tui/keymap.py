"""The user's ``keymap.toml``: ``binding-id = "keys"`` lines, checked before the app starts.

Every problem is one :class:`~interview_tui.errors.UserError` naming the file, the binding
id and what to write instead: an unreadable file (a FIFO, a device, over 1 MiB, not UTF-8),
invalid TOML, a value that is not text, an id no screen binds, or a key Textual cannot
parse. The known ids are collected from the ``BINDINGS`` of every screen and dialog module
(imported, not started), and only when a keymap file exists.
"""

from __future__ import annotations

import difflib
import importlib
import unicodedata
from functools import cache
from pathlib import Path

#: The largest keymap read: a real one is a few hundred bytes.
MAX_KEYMAP_BYTES = 1024 * 1024
#: modules whose classes declare bindings besides the routed screens
_MORE_MODULES = (
    "interview_tui.tui.app",
    "interview_tui.tui.forms",
    "interview_tui.tui.live.dialogs",
    "interview_tui.tui.live.confirm_back",
)
_MODIFIERS = {"ctrl", "alt", "shift", "super", "meta", "hyper"}


@cache
def known_binding_ids() -> frozenset[str]:
    """Every binding id of the app's screens, dialogs and the app itself."""
    from interview_tui.tui.routes import ROUTES, available

    modules = [ROUTES[route].partition(":")[0] for route in ROUTES if available(route)]
    ids: set[str] = set()
    for name in [*modules, *_MORE_MODULES]:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        classes = [value for value in vars(module).values() if isinstance(value, type)]
        for cls in classes:
            for binding in getattr(cls, "BINDINGS", None) or ():
                if binding_id := getattr(binding, "id", None):
                    ids.add(binding_id)
    return frozenset(ids)


@cache
def _key_names() -> frozenset[str]:
    from textual.keys import KEY_NAME_REPLACEMENTS, Keys

    names = {key.value.rpartition("+")[2] for key in Keys}
    names |= set(KEY_NAME_REPLACEMENTS) | set(KEY_NAME_REPLACEMENTS.values())
    for code in range(0x21, 0x3000):  # character names as Textual spells them
        if char_name := unicodedata.name(chr(code), ""):
            names.add(char_name.lower().replace("-", "_").replace(" ", "_"))
    names |= {"space", "enter", "tab", "escape", "backspace", "delete", "insert", "home", "end",
              "pageup", "pagedown", "up", "down", "left", "right"}  # fmt: skip
    return frozenset(names)


def key_problem(keys: str) -> str | None:
    """Why ``keys`` (e.g. ``"ctrl+n,f5"``) is not a key Textual can bind, or None."""
    for key in keys.split(","):
        key = key.strip()
        if not key:
            return "an empty key"
        *modifiers, name = key.split("+") if key != "+" else ["+"]
        if name == "" and key.endswith("+"):  # "ctrl++" binds ctrl and the plus key
            name = "+"
            modifiers = [m for m in modifiers if m]
        unknown = [m for m in modifiers if m.lower() not in _MODIFIERS]
        if unknown:
            return f"{key!r}: {unknown[0]!r} is not a modifier (ctrl, alt, shift, super)"
        if len(name) != 1 and name.lower() not in _key_names():
            return f"{key!r}: {name!r} is not a key name (e.g. a, f5, escape, ctrl+n)"
    return None


def load_keymap(path: Path) -> dict[str, str]:
    """User key remapping, checked; an absent file is no remapping."""
    import tomllib

    from interview_tui.errors import UserError
    from interview_tui.reading import ReadError, read_text

    if not path.exists() and not path.is_symlink():
        return {}
    try:
        data = tomllib.loads(read_text(path, what="keymap", limit=MAX_KEYMAP_BYTES))
    except ReadError as exc:
        raise UserError(str(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: cannot read the keymap ({exc})") from None
    for binding_id, value in data.items():
        if not isinstance(value, str):
            raise UserError(f"{path}: {binding_id}: expected keys as text, "
                            f"e.g. {binding_id} = \"ctrl+n\"")  # fmt: skip
    known = known_binding_ids()
    for binding_id, value in data.items():
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "check the spelling"
            raise UserError(f"{path}: {binding_id}: no key has this id; {hint}")
        if problem := key_problem(value):
            raise UserError(f"{path}: {binding_id}: {problem}")
    return data
