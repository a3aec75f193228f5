"""Small modal questions: confirm a move, or choose one of a few; the list of ignored settings.

``enter`` answers with the focused button (Cancel is focused first for anything that takes
work back or deletes), ``esc`` cancels; these dialogs hold no typed text, so nothing is lost.
"""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
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
        self,
        title: str,
        body: str,
        yes: str,
        *,
        danger: bool = False,
        no: str | None = None,
        enter_yes: bool = False,
    ) -> None:
        super().__init__()
        self.title_text, self.body, self.yes, self.danger = title, body, yes, danger
        self.no = no or t("dialog.cancel")
        #: enter answers yes (the yes button has the focus); esc still answers no
        self.enter_yes = enter_yes

    def on_mount(self) -> None:
        if self.enter_yes:
            self.set_focus(self.query_one("#yes", Button), scroll_visible=False)

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
    never silent. Dismissed with ``"save"``, ``"discard"`` or ``None`` (keep editing).
    ``quitting``: the app is being quit (``ctrl+q``), not the form left."""

    def __init__(self, *, quitting: bool = False) -> None:
        super().__init__()
        self.quitting = quitting

    #: the three answers side by side fit 80 columns (each button's own padding parts them)
    DEFAULT_CSS = _CSS.format(name="UnsavedDialog") + "UnsavedDialog Button { margin-left: 0; }"
    AUTO_FOCUS = "#keep"
    BINDINGS = [
        Binding("escape", "keep", "unsaved.keep", id="unsaved.keep"),
        Binding("ctrl+s", "save", "unsaved.save", id="unsaved.save", priority=True),
        Binding("ctrl+d", "discard", "unsaved.discard", id="unsaved.discard", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            quitting = self.quitting
            question = t("unsaved.question_quit") if quitting else t("unsaved.question")
            discard = t("unsaved.discard_quit") if quitting else t("unsaved.discard")
            save = t("unsaved.save_quit") if quitting else t("unsaved.save")
            yield Static(question, classes="body")
            with Horizontal(classes="buttons"):
                yield Button(t("unsaved.keep") + " (esc)", id="keep", compact=True)
                yield Button(discard + " (ctrl+d)", id="discard", variant="error", compact=True)
                yield Button(
                    save + " (ctrl+s)",
                    id="save",
                    variant="primary",
                    compact=True,
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


class SettingsProblemsDialog(BaseModal):
    """The values of ``settings.toml`` (or its variables) that were ignored: for each, the
    file, the key, the value, why and how to fix it; ``esc`` or ``enter`` closes it."""

    DEFAULT_CSS = (
        _CSS.format(name="SettingsProblemsDialog")
        + """
SettingsProblemsDialog > Vertical { max-width: 100; }
SettingsProblemsDialog VerticalScroll { height: auto; max-height: 100%; }
SettingsProblemsDialog .problem { height: auto; padding-bottom: 1; }
"""
    )
    AUTO_FOCUS = "VerticalScroll"
    BINDINGS = [
        Binding("escape,enter", "close", "settings.problems.close", id="settings.problems.close")
    ]

    def __init__(self, problems: list[Any]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                literal(t("settings.problems.title", count=len(self.problems))),
                classes="dialog-title",
            )
            with VerticalScroll(can_focus=True):
                if not self.problems:
                    yield Static(literal(t("settings.problems.none")), classes="body")
                where = None
                for problem in self.problems:  # the file named once for the values in it
                    yield Static(_problem_table(problem, problem.where != where), classes="problem")
                    where = problem.where

    def action_close(self) -> None:
        self.dismiss(None)


def _problem_table(problem: Any, with_file: bool) -> Table:
    """One problem as label / value rows (the user's value and the file name literal); the
    file only ``with_file`` (the first of its problems)."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    rows = [
        ("settings.problems.where", problem.where if with_file else ""),
        ("settings.problems.key", problem.key),
        ("settings.problems.value", problem.value),
        ("settings.problems.why", problem.reason),
        ("settings.problems.fix", problem.fix),
    ]
    for label, value in rows:
        if value:
            table.add_row(Text(t(label)), Text(value))
    return table
