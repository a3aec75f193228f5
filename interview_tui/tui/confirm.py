"""Small modal questions: confirm a move, or choose one of a few.

``enter`` answers with the focused button (Cancel is focused first for anything that takes
work back or deletes), ``esc`` cancels; these dialogs hold no typed text, so nothing is lost.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from interview_tui.i18n import t
from interview_tui.tui.base import BaseModal
from interview_tui.tui.text import literal

_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 90%; max-width: 72; height: auto; max-height: 90%;
    border: thick $accent; background: $surface; padding: 0 1;
}}
{name} .dialog-title {{ text-style: bold; color: $text-accent; padding: 0 0 1 0; }}
{name} .body {{ height: auto; }}
{name} .buttons {{ height: auto; align-horizontal: right; padding-top: 1; }}
{name} Button {{ margin-left: 1; }}
{name} OptionList {{ height: auto; max-height: 10; }}
"""


class ConfirmDialog(BaseModal):
    """Ask before a move that is not obvious; dismisses with ``True`` to go ahead."""

    DEFAULT_CSS = _CSS.format(name="ConfirmDialog")
    AUTO_FOCUS = "#no"
    BINDINGS = [Binding("escape", "cancel", "dialog.cancel", id="dialog.cancel")]

    def __init__(
        self, title: str, body: str, yes: str, *, danger: bool = False, no: str | None = None
    ) -> None:
        super().__init__()
        self.title_text, self.body, self.yes, self.danger = title, body, yes, danger
        self.no = no or t("dialog.cancel")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.title_text), classes="dialog-title")
            yield Static(literal(self.body), classes="body")
            with Horizontal(classes="buttons"):
                yield Button(self.no, id="no", compact=True)
                yield Button(
                    self.yes, id="yes", compact=True, variant="error" if self.danger else "primary"
                )

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)


class ChoiceDialog(BaseModal):
    """Choose one of a few labelled values; dismisses with the value or ``None``."""

    DEFAULT_CSS = _CSS.format(name="ChoiceDialog")
    AUTO_FOCUS = "OptionList"
    BINDINGS = [Binding("escape", "cancel", "dialog.cancel", id="dialog.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]], hint: str = "") -> None:
        super().__init__()
        self.title_text, self.choices, self.hint = title, choices, hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.title_text), classes="dialog-title")
            yield OptionList(*(Option(literal(label), id=value) for label, value in self.choices))
            if self.hint:
                yield Static(literal(self.hint), classes="body")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class UnsavedDialog(BaseModal):
    """A form with unsaved changes is being left: keep editing, save, or discard; asked,
    never silent. Dismissed with ``"save"``, ``"discard"`` or ``None`` (keep editing)."""

    DEFAULT_CSS = _CSS.format(name="UnsavedDialog")
    AUTO_FOCUS = "#keep"
    BINDINGS = [
        Binding("escape", "keep", "unsaved.keep", id="unsaved.keep"),
        Binding("ctrl+s", "save", "unsaved.save", id="unsaved.save", priority=True),
        Binding("ctrl+d", "discard", "unsaved.discard", id="unsaved.discard", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("unsaved.question"), classes="body")
            with Horizontal(classes="buttons"):
                yield Button(t("unsaved.keep") + " (esc)", id="keep", compact=True)
                yield Button(
                    t("unsaved.discard") + " (ctrl+d)", id="discard", variant="error", compact=True
                )
                yield Button(
                    t("unsaved.save") + " (ctrl+s)", id="save", variant="primary", compact=True
                )

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.dismiss("save")

    @on(Button.Pressed, "#discard")
    def action_discard(self) -> None:
        self.dismiss("discard")
