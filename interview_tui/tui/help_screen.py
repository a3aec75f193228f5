"""``f1``: every key of the screen in front of the user, grouped, in the user's language.

The screen's own keys come first (grouped by what they do where the screen says so: the
live screen's capture keys before its moving keys), then the keys that work everywhere,
then, when a text field has focus, the editing keys that really reach it.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from interview_tui.i18n import t
from interview_tui.tui.base import BaseModal
from interview_tui.tui.screen_keys import ScreenKey, key_display, screen_keys
from interview_tui.tui.textual_private import binding_table

#: from this many columns on, each key's help is shown beside it
WIDE = 110
#: the editing actions of Textual's text fields worth knowing -> catalog key
EDITING = {
    "cursor_left_word": "edit.word_left",
    "cursor_word_left": "edit.word_left",
    "cursor_right_word": "edit.word_right",
    "cursor_word_right": "edit.word_right",
    "home": "edit.line_start",
    "cursor_line_start": "edit.line_start",
    "end": "edit.line_end",
    "cursor_line_end": "edit.line_end",
    "delete_left_word": "edit.delete_word",
    "delete_word_left": "edit.delete_word",
    "delete_left_all": "edit.delete_to_start",
    "delete_to_start_of_line": "edit.delete_to_start",
    "delete_right_all": "edit.delete_to_end",
    "delete_to_end_of_line_or_delete_line": "edit.delete_to_end",
    "undo": "edit.undo",
    "redo": "edit.redo",
    "select_all": "edit.select_all",
    "cut": "edit.cut",
    "copy": "edit.copy",
    "paste": "edit.paste",
}


class HelpScreen(BaseModal):
    """The keys of ``screen``; ``esc``, ``f1``, ``q`` or ``?`` closes it."""

    # with the class, not a CSS_PATH: a screen's file read after start-up made Textual parse
    # every source of the stylesheet again (Stylesheet.reparse) as the help first opened
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    #help-box {
        width: 100%;
        max-width: 100;
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    #help-title {
        text-style: bold;
        height: 1;
    }
    #help-body {
        height: auto;
        max-height: 1fr;
    }
    .help-group {
        margin-top: 1;
        color: $accent;
        text-style: bold;
    }
    #help-hint {
        dock: bottom;
        height: 1;
        color: $text-muted;
    }
    """
    AUTO_FOCUS = "#help-body"
    BINDINGS = [
        Binding(
            "escape,f1,q,question_mark",
            "close",
            "keys.close",
            id="keys.close",
            tooltip="keys.close.help",
        ),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.shown_for = screen

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(t("keys.title"), id="help-title")
            with VerticalScroll(id="help-body"):
                groups: dict[str, list[ScreenKey]] = {}
                for key in screen_keys(self.shown_for):
                    groups.setdefault(key.group, []).append(key)
                wide = self.app.size.width >= WIDE
                for name, keys in groups.items():
                    yield Static(name, classes="help-group")
                    yield Static(
                        _table(
                            [(", ".join(k.keys), k.description, k.help, k.enabled) for k in keys],
                            wide,
                        )
                    )
                editing = editing_keys(self.shown_for)
                if editing:
                    yield Static(t("keys.group.editing"), classes="help-group")
                    yield Static(_table([(keys, text, "", True) for keys, text in editing], wide))
            yield Static(t("keys.close.hint"), id="help-hint")

    def action_close(self) -> None:
        self.dismiss()


def _table(rows: list[tuple[str, str, str, bool]], wide: bool) -> Table:
    """Keys and what they do; on a wide terminal also (dim) how, said once for a run of keys
    that share it (the seven goal keys)."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold")
    table.add_column(no_wrap=not wide)
    if wide:
        table.add_column(ratio=1, style="dim")
    said = ""
    for keys, description, help_text, enabled in rows:
        text = Text(description)
        if not enabled:
            text.append(f" {t('keys.not_now')}", style="dim italic")
        how = "" if help_text in (description, said) else help_text
        said = help_text
        table.add_row(Text(keys), text, *([Text(how)] if wide else []))
    return table


def editing_keys(screen: Screen) -> list[tuple[str, str]]:
    """The editing keys of the focused text field that reach it (a screen's own key for the
    same combination wins, so it is left out), once per action."""
    field = screen.focused
    if not isinstance(field, Input | TextArea):
        return []
    active = screen.active_bindings
    rows: dict[str, list[str]] = {}
    for key, bindings in binding_table(field).items():
        for binding in bindings:
            if binding.action not in EDITING:  # selecting variants (``home(True)``) are left out
                continue
            winner = active.get(key)
            if winner is not None and winner.node is not field:
                continue
            rows.setdefault(EDITING[binding.action], []).append(key_display(screen.app, key))
    return [(", ".join(dict.fromkeys(keys)), t(label)) for label, keys in rows.items()]
