"""The app's key bindings as data, and the user's ``keymap.toml`` checked against them,
without importing Textual or a single screen.

``bindings.json`` (next to this module) lists every binding with an id that the app's
screens, dialogs and the app itself declare, which class has which keys (for clashes),
the live screen's leader sequences and the key names Textual knows. It is generated from
the classes by :func:`interview_tui.tui.keymap.build_table` (``python -m
interview_tui.tui.keymap`` writes it); a test fails when it no longer matches them. So
``interview-tui keys`` and the keymap check cost a file read, not an import of Textual.

Every problem in a keymap is one :class:`~interview_tui.errors.UserError` naming the file,
the binding id and what to write instead: an unreadable file (a FIFO, a device, over 1 MiB,
not UTF-8), invalid TOML, a value that is not text, an id no screen binds, a key Textual
cannot parse (``ctrl+ctrl+n`` included), or a key given to a binding while another binding
of the same screen already has it (one of the two could never run).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

#: the generated table of bindings (see the module's documentation)
TABLE_PATH = Path(__file__).with_name("bindings.json")
#: The largest keymap read: a real one is a few hundred bytes.
MAX_KEYMAP_BYTES = 1024 * 1024
_MODIFIERS = {"ctrl", "alt", "shift", "super", "meta", "hyper"}

#: With ``option_keys`` on (settings.toml; off by default, when every character is text):
#: the character a Mac types for Option+key, as Textual names it -> the live binding it
#: runs and how the help shows it.
MAC_OPTION_KEYS = {
    "inverted_exclamation_mark": ("live.goal1", "⌥1"),
    "trade_mark_sign": ("live.goal2", "⌥2"),
    "pound_sign": ("live.goal3", "⌥3"),
    "cent_sign": ("live.goal4", "⌥4"),
    "infinity": ("live.goal5", "⌥5"),
    "section_sign": ("live.goal6", "⌥6"),
    "pilcrow_sign": ("live.goal7", "⌥7"),
    "ß": ("live.skip", "⌥s"),
    "n_ary_summation": ("live.speaker", "⌥w"),
}


@cache
def table() -> dict[str, Any]:
    """The generated table: ``bindings``, ``classes``, ``leader_keys``, ``key_names``,
    ``replacements`` and ``ascii_names`` (read once per process)."""
    import json  # not at start-up unless a keymap is read

    return json.loads(TABLE_PATH.read_text(encoding="utf-8"))


def known_binding_ids() -> frozenset[str]:
    """Every binding id of the app's screens, dialogs and the app itself."""
    return frozenset(row["id"] for row in table()["bindings"])


def key_name(character: str) -> str:
    """The name Textual gives the key of ``character`` (``3``, ``minus``, ``section_sign``)."""
    data = table()
    if not character.isalnum():
        try:
            key = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            key = data["ascii_names"].get(character, character)
    else:
        key = character
    return data["replacements"].get(key, key)


@cache
def _key_names() -> frozenset[str]:
    data = table()
    names = set(data["key_names"])
    for code in range(0x21, 0x3000):  # character names as Textual spells them
        if char_name := unicodedata.name(chr(code), ""):
            names.add(char_name.lower().replace("-", "_").replace(" ", "_"))
    names |= {
        "space",
        "enter",
        "tab",
        "escape",
        "backspace",
        "delete",
        "insert",
        "home",
        "end",
        "pageup",
        "pagedown",
        "up",
        "down",
        "left",
        "right",
    }
    return frozenset(names)


def key_problem(keys: str) -> str | None:
    """Why ``keys`` (e.g. ``"ctrl+n,f5"``) is not a key Textual can bind, or None (in the
    user's language)."""
    from interview_tui.i18n import t

    for key in keys.split(","):
        key = key.strip()
        if not key:
            return t("keymap.empty")
        *modifiers, name = key.split("+") if key != "+" else ["+"]
        if name == "" and key.endswith("+"):  # "ctrl++" binds ctrl and the plus key
            name = "+"
            modifiers = [m for m in modifiers if m]
        unknown = [m for m in modifiers if m.lower() not in _MODIFIERS]
        if unknown:
            return t("keymap.not_modifier", key=repr(key), modifier=repr(unknown[0]))
        twice = [
            m
            for n, m in enumerate(modifiers)
            if m.lower() in (other.lower() for other in modifiers[:n])
        ]
        if twice:
            return t("keymap.modifier_twice", key=repr(key), modifier=repr(twice[0]))
        if len(name) != 1 and name.lower() not in _key_names():
            return t("keymap.not_key_name", key=repr(key), name=repr(name))
    return None


def keymap_path() -> Path:
    """The user's ``keymap.toml``, in the config directory."""
    from interview_tui.store.paths import config_dir

    return config_dir() / "keymap.toml"


def load_keymap(path: Path) -> dict[str, str]:
    """User key remapping, checked; an absent file is no remapping (and reads nothing)."""
    if not path.exists() and not path.is_symlink():
        return {}
    import difflib
    import tomllib

    from interview_tui.errors import UserError
    from interview_tui.i18n import labelled, t
    from interview_tui.reading import ReadError, read_toml, toml_problem

    def refused(*parts: str) -> UserError:
        """One line: the file, then each part (the binding, the problem)."""
        line = parts[-1]
        for part in reversed((str(path), *parts[:-1])):
            line = labelled(part, line)
        return UserError(line)

    try:
        data = read_toml(path, what="keymap", limit=MAX_KEYMAP_BYTES)
    except ReadError as exc:
        raise UserError(str(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        _line, where, why = toml_problem(exc)
        raise refused(t("keymap.not_toml", reason=labelled(where, why))) from None
    for binding_id, value in data.items():
        if not isinstance(value, str):
            raise refused(binding_id, t("keymap.not_text", id=binding_id))
    known = known_binding_ids()
    for binding_id, value in data.items():
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = t("keymap.did_you_mean", id=repr(close[0])) if close else t("keymap.spelling")
            raise refused(binding_id, t("keymap.unknown_id", hint=hint))
        if problem := key_problem(value):
            raise refused(binding_id, problem)
    if clash := key_clash(data):
        raise refused(clash)
    return data


def keys_of_value(value: str) -> list[str]:
    """Each key of ``"ctrl+n, /"`` as Textual names it (``ctrl+n``, ``slash``)."""
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
    run (in the user's language); else None."""
    from interview_tui.i18n import labelled, t

    classes = table()["classes"]
    app = next(row for row in classes if row["app"])
    app_keys = {
        key: binding_id
        for binding_id, default, priority in app["bindings"]
        if priority
        for key in keys_of_value(keymap.get(binding_id, default))
    }
    for row in classes:
        owners = {} if row["app"] else dict(app_keys)
        for binding_id, default, _priority in row["bindings"]:
            for key in keys_of_value(keymap.get(binding_id, default)):
                other = owners.setdefault(key, binding_id)
                if other == binding_id or (binding_id not in keymap and other not in keymap):
                    continue
                mine, theirs = (binding_id, other) if binding_id in keymap else (other, binding_id)
                said = t("keymap.clash", key=repr(key), other=theirs, binding=mine)
                return labelled(mine, said)
    return None


def with_option_keys(keymap: dict[str, str]) -> dict[str, str]:
    """``keymap`` with the characters of a Mac's Option key added to the live screen's
    goal, skip and speaker keys (the ``option_keys`` setting)."""
    live = next(row for row in table()["classes"] if row["name"] == "LiveScreen")
    defaults = {binding_id: default for binding_id, default, _priority in live["bindings"]}
    merged = dict(keymap)
    for name, (binding_id, _shown) in MAC_OPTION_KEYS.items():
        keys = merged.get(binding_id, defaults[binding_id])
        if name not in keys_of_value(keys):
            merged[binding_id] = f"{keys},{name}"
    return merged


def effective_keymap(
    path: Path | None = None,
    *,
    option_keys: bool | None = None,
) -> dict[str, str]:
    """The user's keymap (checked), with the Option characters when ``option_keys`` is on
    (read cheaply from the settings unless given)."""
    keymap = load_keymap(path or keymap_path())
    if option_keys is None:
        from interview_tui.settings import quick_option_keys

        option_keys = quick_option_keys()
    return with_option_keys(keymap) if option_keys else keymap


def describe(action: str, description: str) -> str:
    """What a binding does, in words (``description`` already translated); a goal key names
    its goal ("Goal 6: Pain points")."""
    if action.startswith("tag_goal(") and action.endswith(")"):
        from interview_tui.i18n import t

        return t("live.goal", number=action[len("tag_goal(") : -1], goal=description)
    return description


def key_reference(keymap: dict[str, str]) -> list[dict[str, Any]]:
    """Every binding as the user's keymap leaves it: ``screen``, ``id``, ``keys`` (each a
    Textual key name, or a sequence separated by spaces such as ``"ctrl+y 3"``),
    ``description`` and ``help``, in the current language."""
    from interview_tui.i18n import t

    def keys_of(binding_id: str, default: str) -> list[str]:
        return [key.strip() for key in keymap.get(binding_id, default).split(",") if key.strip()]

    data = table()
    bindings = data["bindings"]
    leader = next(row for row in bindings if row["action"] == "leader")
    leaders = keys_of(leader["id"], leader["key"])
    rows = []
    for row in bindings:
        sequences = [
            f"{first} {second}"
            for first in leaders
            for second, target in data["leader_keys"].items()
            if target == row["id"]
        ]
        rows.append(
            {
                "screen": row["id"].split(".", 1)[0],
                "id": row["id"],
                "keys": sequences + keys_of(row["id"], row["key"]),
                "description": describe(row["action"], t(row["description"]))
                if row["description"]
                else "",
                "help": t(row["tooltip"]) if row["tooltip"] else "",
            }
        )
    return rows
