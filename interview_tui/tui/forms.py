"""A modal form with Save / Cancel, shared by every dialog that asks for a few fields."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Select, Static, TextArea

from interview_tui.domain.enums import Goal, Role
from interview_tui.i18n import t
from interview_tui.tui.base import BaseModal
from interview_tui.tui.inputs import Input

_DIALOG_BINDINGS = [
    Binding("escape", "cancel", "dialog.cancel", id="dialog.cancel"),
    Binding("ctrl+s", "save", "dialog.save", id="dialog.save", priority=True),
]


class FormDialog(BaseModal):
    """A modal form with Save / Cancel; subclasses build fields and the result."""

    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog > VerticalScroll {
        width: 90%; max-width: 90; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    FormDialog .dialog-title { text-style: bold; color: $text-accent; padding: 0 0 1 0; }
    FormDialog Label { color: $text-muted; margin-top: 1; }
    FormDialog Input, FormDialog Select { width: 1fr; }
    FormDialog .hint { height: auto; padding: 0 0 0 1; }
    FormDialog .warn { color: $warning; }
    FormDialog .error-message { color: $error; }
    FormDialog .buttons { height: auto; align-horizontal: right; padding-top: 1; }
    FormDialog Button { margin-left: 1; }
    """
    BINDINGS = _DIALOG_BINDINGS
    TITLE_KEY = ""
    #: esc (or Cancel) on a dialog whose text was changed asks before throwing it away
    ASK_BEFORE_DISCARD = False
    _typed_at_open: list[str] | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(t(self.TITLE_KEY), classes="dialog-title")
            yield from self.fields()
            with Horizontal(classes="buttons"):
                yield Button(t("dialog.cancel"), id="cancel", compact=True)
                yield Button(t("dialog.save") + " (ctrl+s)", id="save", variant="primary",
                             compact=True)  # fmt: skip

    def on_mount(self) -> None:
        self._typed_at_open = self._typed()
        self.query(Input).first().focus()

    def _typed(self) -> list[str]:
        return ([field.value for field in self.query(Input)]
                + [area.text for area in self.query(TextArea)])  # fmt: skip

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def result(self) -> dict[str, Any] | None:
        """The typed values, or ``None`` after showing why they can't be saved yet."""
        raise NotImplementedError

    def value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        result = self.result()
        if result is not None:
            self.dismiss(result)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        typed = self._typed()
        before = self._typed_at_open or [""] * len(typed)
        if not self.ASK_BEFORE_DISCARD or typed == before:
            self.dismiss(None)
            return
        from interview_tui.tui.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog(t("dialog.discard_title"), t("dialog.discard_body"),
                                           t("dialog.discard"), no=t("dialog.keep_editing")),
                             answered)  # fmt: skip


def role_select(value: Role, widget_id: str = "role") -> Select[str]:
    """A compact choice of the four stakeholder roles."""
    return Select([(t(f"role.{r.value}"), r.value) for r in Role], value=value.value,
                  allow_blank=False, id=widget_id, compact=True)  # fmt: skip


def goal_select(value: Goal, widget_id: str = "goal") -> Select[str]:
    """A compact choice of the seven goals, numbered as the 1-7 keys."""
    return Select([(f"{g.number} {t(f'goal.{g.value}')}", g.value) for g in Goal],
                  value=value.value, allow_blank=False, id=widget_id, compact=True)
