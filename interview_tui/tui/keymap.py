"""Where the key table comes from: the ``BINDINGS`` of every screen and dialog module
(imported, not started) and of the app, collected into ``interview_tui/bindings.json``.

The keymap check and ``interview-tui keys`` read that table (:mod:`interview_tui.bindings`)
so that neither imports Textual nor a screen; this module builds it
(``python -m interview_tui.tui.keymap`` rewrites it after a binding changed) and keeps the
names the app and the tests have always imported from here.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from textual.dom import DOMNode

from interview_tui.bindings import (  # noqa: F401  (the names the app and tests import)
    MAC_OPTION_KEYS,
    MAX_KEYMAP_BYTES,
    TABLE_PATH,
    effective_keymap,
    key_clash,
    key_problem,
    key_reference,
    keymap_path,
    known_binding_ids,
    load_keymap,
    with_option_keys,
)

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


@cache
def _binding_classes() -> tuple[type[DOMNode], ...]:
    """Every class with ``BINDINGS`` of the app's screens, dialogs and the app."""
    from interview_tui.tui.routes import ROUTES, available, module_of

    modules = [module_of(route) for route in ROUTES if available(route)]
    found: dict[type[DOMNode], None] = {}
    for name in [*_MORE_MODULES[:1], *modules, *_MORE_MODULES[1:]]:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, DOMNode) and value.BINDINGS:
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


def build_table() -> dict[str, Any]:
    """The content of ``bindings.json``, from the classes as they are now."""
    from textual.keys import ASCII_KEY_NAMES, KEY_NAME_REPLACEMENTS, Keys

    from interview_tui.tui.app import InterviewApp
    from interview_tui.tui.live.leader import LEADER_KEYS

    names = {key.value.rpartition("+")[2] for key in Keys}
    names |= set(KEY_NAME_REPLACEMENTS) | set(KEY_NAME_REPLACEMENTS.values())
    return {
        "bindings": [
            {
                "id": b.id,
                "key": b.key,
                "action": b.action,
                "description": b.description or "",
                "tooltip": b.tooltip or "",
            }
            for b in declared_bindings()
        ],
        "classes": [
            {
                "name": cls.__name__,
                "app": cls is InterviewApp,
                "bindings": [[b.id, b.key, bool(b.priority)] for b in _bindings_of(cls)],
            }
            for cls in _binding_classes()
        ],
        "leader_keys": dict(LEADER_KEYS),
        "key_names": sorted(names),
        "replacements": dict(sorted(KEY_NAME_REPLACEMENTS.items())),
        "ascii_names": dict(sorted(ASCII_KEY_NAMES.items())),
    }


def table_text() -> str:
    """``bindings.json`` as it should read now."""
    import json

    return json.dumps(build_table(), ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    TABLE_PATH.write_text(table_text(), encoding="utf-8")
    print(f"wrote {TABLE_PATH}")
