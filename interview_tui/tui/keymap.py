"""The user's ``keymap.toml``: ``binding-id = "keys"`` lines, checked before the app starts.

Every problem is one :class:`~interview_tui.errors.UserError` naming the file, the binding
id and what to write instead: an unreadable file (a FIFO, a device, over 1 MiB, not UTF-8),
invalid TOML, a value that is not text, an id no screen binds, a key Textual cannot
parse (``ctrl+ctrl+n`` included), or a key given to a binding while another binding of the
same screen already has it (one of the two could never run). The known ids are collected
from the ``BINDINGS`` of every screen and dialog module (imported, not started), and only
when a keymap file exists.
"""

from __future__ import annotations

import difflib
import importlib
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

#: The largest keymap read: a real one is a few hundred bytes.
MAX_KEYMAP_BYTES = 1024 * 1024
#: modules whose classes declare bindings besides the routed screens
_MORE_MODULES = (
    "interview_tui.tui.app",
    "interview_tui.tui.forms",
    "interview_tui.tui.live.dialogs",
    "interview_tui.tui.live.confirm_back",
    "interview_tui.tui.confirm",
    "interview_tui.tui.review.detail_base",
    "interview_tui.tui.review.list_filter",
)
_MODIFIERS = {"ctrl", "alt", "shift", "super", "meta", "hyper"}

#: With ``option_keys`` on (settings.toml; off by default, when every character is text):
#: the character a Mac types for Option+key, as Textual names it -> the live binding it
#: runs and how the help shows it.
MAC_OPTION_KEYS = {
    "inverted_exclamation_mark": ("live.goal1", "⌥1"), "trade_mark_sign": ("live.goal2", "⌥2"),
    "pound_sign": ("live.goal3", "⌥3"), "cent_sign": ("live.goal4", "⌥4"),
    "infinity": ("live.goal5", "⌥5"), "section_sign": ("live.goal6", "⌥6"),
    "pilcrow_sign": ("live.goal7", "⌥7"), "ß": ("live.skip", "⌥s"),
    "n_ary_summation": ("live.speaker", "⌥w"),
}  # fmt: skip


@cache
def _binding_classes() -> tuple[type, ...]:
    """Every class with ``BINDINGS`` of the app's screens, dialogs and the app."""
    from interview_tui.tui.routes import ROUTES, available

    modules = [ROUTES[route].partition(":")[0] for route in ROUTES if available(route)]
    found: dict[type, None] = {}
    for name in [*_MORE_MODULES[:1], *modules, *_MORE_MODULES[1:]]:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and getattr(value, "BINDINGS", None):
                found[value] = None
    return tuple(found)


@cache
def declared_bindings() -> tuple[Any, ...]:
    """Every binding with an id of the app's screens, dialogs and the app, once per id."""
    found: dict[str, Any] = {}
    for cls in _binding_classes():
        for binding in cls.BINDINGS:
            if (binding_id := getattr(binding, "id", None)) and binding_id not in found:
                found[binding_id] = binding
    return tuple(found.values())


def _bindings_of(cls: type) -> list[Any]:
    """The bindings with an id that one instance of ``cls`` has: its own and inherited."""
    bindings: list[Any] = []
    for base in cls.__mro__:
        bindings += vars(base).get("BINDINGS", None) or ()
        if not vars(base).get("inherit_bindings", True):
            break
    return [binding for binding in bindings if getattr(binding, "id", None)]


def known_binding_ids() -> frozenset[str]:
    """Every binding id of the app's screens, dialogs and the app itself."""
    return frozenset(binding.id for binding in declared_bindings())


def key_reference(keymap: dict[str, str]) -> list[dict[str, Any]]:
    """Every binding as the user's keymap leaves it: ``screen``, ``id``, ``keys`` (each a
    Textual key name, or a sequence separated by spaces such as ``"ctrl+y 3"``),
    ``description`` and ``help``, in the current language."""
    from dataclasses import replace

    from interview_tui.i18n import t
    from interview_tui.tui.live.leader import LEADER_KEYS
    from interview_tui.tui.screen_keys import describe

    def keys_of(binding_id: str, default: str) -> list[str]:
        return [key.strip() for key in keymap.get(binding_id, default).split(",") if key.strip()]

    bindings = declared_bindings()
    leader = next(b for b in bindings if b.action == "leader")
    leaders = keys_of(leader.id, leader.key)
    rows = []
    for binding in bindings:
        sequences = [f"{first} {second}" for first in leaders
                     for second, target in LEADER_KEYS.items() if target == binding.id]  # fmt: skip
        rows.append({
            "screen": binding.id.split(".", 1)[0],
            "id": binding.id,
            "keys": sequences + keys_of(binding.id, binding.key),
            "description": describe(replace(binding, description=t(binding.description)))
            if binding.description else "",
            "help": t(binding.tooltip) if binding.tooltip else "",
        })  # fmt: skip
    return rows


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
        twice = [m for n, m in enumerate(modifiers)
                 if m.lower() in (other.lower() for other in modifiers[:n])]  # fmt: skip
        if twice:
            return f"{key!r}: {twice[0]!r} is written twice; write each modifier once"
        if len(name) != 1 and name.lower() not in _key_names():
            return f"{key!r}: {name!r} is not a key name (e.g. a, f5, escape, ctrl+n)"
    return None


def keymap_path() -> Path:
    """The user's ``keymap.toml``, in the config directory."""
    from interview_tui.store.paths import config_dir

    return config_dir() / "keymap.toml"


def load_keymap(path: Path) -> dict[str, str]:
    """User key remapping, checked; an absent file is no remapping."""
    import tomllib

    from interview_tui.errors import UserError
    from interview_tui.reading import ReadError, read_toml

    if not path.exists() and not path.is_symlink():
        return {}
    try:
        data = read_toml(path, what="keymap", limit=MAX_KEYMAP_BYTES)
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
    if clash := key_clash(data):
        raise UserError(f"{path}: {clash}")
    return data


def _keys(value: str) -> list[str]:
    """Each key of ``"ctrl+n, /"`` as Textual names it (``ctrl+n``, ``slash``)."""
    from interview_tui.tui.textual_private import key_name

    keys = []
    for key in (key.strip() for key in value.split(",")):
        if key == "+" or key.endswith("++"):  # the + key itself
            modifiers, plus, name = key[:-2], "+" if key != "+" else "", "+"
        else:
            modifiers, plus, name = key.rpartition("+")
        if key:
            keys.append(modifiers.lower() + plus + (key_name(name) if len(name) == 1 else name))
    return keys


def key_clash(keymap: dict[str, str]) -> str | None:
    """``binding-id: 'key' ...`` when the keymap gives a binding a key that another binding
    of the same screen (or an app key that runs first) has, so one of the two could never
    run; else None."""
    from interview_tui.tui.app import InterviewApp

    app_keys = {key: binding.id for binding in _bindings_of(InterviewApp) if binding.priority
                for key in _keys(keymap.get(binding.id, binding.key))}  # fmt: skip
    for cls in _binding_classes():
        owners = {} if cls is InterviewApp else dict(app_keys)
        for binding in _bindings_of(cls):
            for key in _keys(keymap.get(binding.id, binding.key)):
                other = owners.setdefault(key, binding.id)
                if other == binding.id or (binding.id not in keymap and other not in keymap):
                    continue
                mine, theirs = (binding.id, other) if binding.id in keymap else (other,
                                                                                 binding.id)
                return (f"{mine}: {key!r} is also the key of {theirs} on the same screen, "
                        f"so one of them could never run; choose another key for {mine}")
    return None


def with_option_keys(keymap: dict[str, str]) -> dict[str, str]:
    """``keymap`` with the characters of a Mac's Option key added to the live screen's
    goal, skip and speaker keys (the ``option_keys`` setting)."""
    from interview_tui.tui.live.live_screen import LiveScreen

    defaults = {binding.id: binding.key for binding in LiveScreen.BINDINGS}
    merged = dict(keymap)
    for name, (binding_id, _shown) in MAC_OPTION_KEYS.items():
        keys = merged.get(binding_id, defaults[binding_id])
        if name not in _keys(keys):
            merged[binding_id] = f"{keys},{name}"
    return merged


def effective_keymap(path: Path | None = None, *, option_keys: bool | None = None,
                     ) -> dict[str, str]:  # fmt: skip
    """The user's keymap (checked), with the Option characters when ``option_keys`` is on
    (read cheaply from the settings unless given)."""
    keymap = load_keymap(path or keymap_path())
    if option_keys is None:
        from interview_tui.settings import quick_option_keys

        option_keys = quick_option_keys()
    return with_option_keys(keymap) if option_keys else keymap
