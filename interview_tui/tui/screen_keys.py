"""The keys of the screen in front of the user, as the help screen and the palette list them.

One place reads them: every binding with an id the screen declares (shown in the footer
or not), in the order it declares them, with every key that runs it after the user's
keymap (a leader sequence such as ``^y 3`` included, and a Mac's Option key as ``⌥3`` when
the user made those characters keys with ``option_keys``),
then the app's own keys. Bindings are grouped by what they do where a screen says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.binding import Binding

from interview_tui.i18n import t
from interview_tui.tui.keymap import MAC_OPTION_KEYS
from interview_tui.tui.textual_private import bindings_after_keymap, keymap


@dataclass(frozen=True, slots=True)
class ScreenKey:
    """One thing the user can do, and every key that does it."""

    binding_id: str
    keys: tuple[str, ...]
    description: str
    help: str
    group: str
    action: str
    node: Any
    enabled: bool


def describe(binding: Binding) -> str:
    """What a binding does, in words; a goal key names its goal ("Goal 6: Pain points")."""
    action = binding.action
    if action.startswith("tag_goal(") and action.endswith(")"):
        return t("live.goal", number=action[len("tag_goal(") : -1], goal=binding.description)
    return binding.description


def arrows(key: str) -> str:
    """A key after the leader as the menu and the help show it: ``up`` / ``down`` as ↑ / ↓."""
    return key.replace("up", "↑").replace("down", "↓")


def key_display(app: Any, key: str) -> str:
    """A key as the footer shows it (``^t``), a Mac's Option and Command keys as ⌥ and ⌘."""
    if key in MAC_OPTION_KEYS:  # bound only with option_keys on
        return MAC_OPTION_KEYS[key][1]
    shown = app.get_key_display(Binding(key, ""))
    return "⌘" + shown.removeprefix("super+") if shown.startswith("super+") else shown


def key_of(screen: Any, binding_id: str) -> str:
    """The key that runs ``binding_id`` (one of ``screen``'s own bindings) as the key bar
    writes it: keymap.toml's first key for it when it names one, else the declared first."""
    remapped = keymap(screen.app).get(binding_id, "")
    declared = next(b.key for b in screen.BINDINGS if isinstance(b, Binding) and b.id == binding_id)
    return key_display(screen.app, (remapped or declared).split(",")[0].strip())


def _leader_sequences(screen: Any, binding_id: str) -> list[str]:
    """``^y 3`` for a binding the screen's leader key runs (the live screen has one)."""
    leader_keys: dict[str, str] = getattr(screen, "LEADER_SEQUENCES", {})
    firsts = [
        key
        for key, bindings in bindings_after_keymap(screen).items()
        if any(b.action == "leader" for b in bindings)
    ]
    return [
        f"{key_display(screen.app, first)} {arrows(second)}"
        for first in firsts
        for second, target in leader_keys.items()
        if target == binding_id
    ]


def screen_keys(screen: Any) -> list[ScreenKey]:
    """The screen's keys in declared order, then the app's; one entry per binding id."""
    app = screen.app
    groups: dict[str, str] = getattr(screen, "KEY_GROUPS", {})
    enabled_of = {found.binding.id: found.enabled for found in screen.active_bindings.values()}
    seen: dict[str, tuple[Binding, Any, str, list[str]]] = {}  # id -> binding, node, group, keys
    for node, group in ((screen, t("keys.group.screen")), (app, t("keys.group.everywhere"))):
        for key, bindings in bindings_after_keymap(node).items():
            for binding in bindings:
                if not binding.id or not binding.description:
                    continue
                if node is app and binding.id not in enabled_of and not binding.priority:
                    continue  # a dialog sees only the app's priority keys
                if binding.id not in seen:
                    seen[binding.id] = (binding, node, group, _leader_sequences(screen, binding.id))
                seen[binding.id][3].append(key_display(app, key))
    return [
        ScreenKey(
            binding_id,
            tuple(sorted(dict.fromkeys(keys), key=_reach)),
            describe(binding),
            binding.tooltip or "",
            t(groups[binding_id]) if binding_id in groups else group,
            binding.action,
            node,
            enabled_of.get(binding_id, True),
        )
        for binding_id, (binding, node, group, keys) in seen.items()
    ]


def _reach(key: str) -> int:
    """Keys every keyboard sends first: plain and ctrl keys, then leader sequences, then F
    keys (``fn`` on a laptop), then alt and Option keys."""
    if key.startswith("⌥"):
        return 4
    if key.startswith("alt+"):
        return 3
    if key[:1] == "f" and key[1:].isdigit():
        return 2
    return 1 if " " in key else 0


def is_function_key(key: str) -> bool:
    """``f1`` … ``f24``: keys a Mac sends only with fn held (or not at all)."""
    return key[:1] == "f" and key[1:].isdigit()
