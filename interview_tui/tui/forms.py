"""A modal form with Save / Cancel, shared by every dialog that asks for a few fields."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Select, Static, TextArea

from interview_tui.domain.enums import Goal, Role
from interview_tui.i18n import t
from interview_tui.tui.base import BaseModal
from interview_tui.tui.inputs import Input

#: the widgets a form's values are read from (a draft keeps them all, tick boxes too)
FIELDS = "Input, Select, TextArea, Checkbox"

_DIALOG_BINDINGS: list[BindingType] = [
    Binding("escape", "cancel", "dialog.cancel", id="dialog.cancel"),
    Binding("ctrl+s", "save", "dialog.save", id="dialog.save", priority=True),
]


class FormDialog(BaseModal):
    """A modal form with Save / Cancel; subclasses build fields and the result.

    Cancelling a form that holds typed text keeps it as a draft: the same dialog opened
    again on the same record comes back with it (until it is saved).
    """

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
    #: what the dialog is about (e.g. the visit), so a draft never shows up elsewhere
    draft_context = ""
    #: esc (or Cancel) on a dialog editing a record asks before throwing changes away;
    #: other dialogs keep what was typed as a draft
    ASK_BEFORE_DISCARD = False

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(t(self.TITLE_KEY), classes="dialog-title")
            yield from self.fields()
            with Horizontal(classes="buttons"):
                yield Button(t("dialog.cancel"), id="cancel", compact=True)
                yield Button(
                    t("dialog.save") + " (ctrl+s)", id="save", variant="primary", compact=True
                )

    def on_mount(self) -> None:
        self._opened_with = self.values()
        draft = self.drafts.get(self.draft_key)
        if draft:
            self.restore(draft)
            self.notify(t("dialog.draft_restored"), timeout=3)
        # the first field is focused at once by FirstFieldFocus (unless keys typed ahead
        # already did): a deferred focus here landed after a burst typed with the dialog
        # key and pulled the cursor back to the first field

    # -- drafts -------------------------------------------------------------------------------

    @property
    def draft_key(self) -> str:
        """This dialog on this record: its class, title and the values it opened with (the
        fields that opened empty left out: the customer view leaves the internal ones out
        of the same dialog, which kept a second draft of it there)."""
        opened = getattr(self, "_opened_with", {})
        title = getattr(self, "title_text", "")
        filled = sorted((name, value) for name, value in opened.items() if value not in ("", None))
        return f"{type(self).__qualname__}:{self.draft_context}:{title}:{filled!r}"

    def values(self) -> dict[str, Any]:
        """Every field's value, by field id."""
        return field_values(self, FIELDS)

    def restore(self, values: dict[str, Any]) -> None:
        for field in self.query(FIELDS):
            if field.id in values:  # the checks that follow typing run too
                if isinstance(field, TextArea):
                    field.text = values[field.id]
                elif isinstance(field, Input | Select | Checkbox):
                    field.value = values[field.id]

    def _changed(self) -> bool:
        now, opened = self.values(), getattr(self, "_opened_with", {})
        return any(
            isinstance(value, str) and value.strip() and value != opened.get(key)
            for key, value in now.items()
        )

    def unsaved_changes(self) -> bool:
        """Text typed here and not saved (quitting asks first: see :func:`unsaved_form`)."""
        return self._changed()

    def _keep_draft(self) -> None:
        if self._changed() and not getattr(self, "_discarding", False):
            self.drafts[self.draft_key] = self.values()
            self.notify(t("dialog.draft_kept"), timeout=4)
        else:
            self.drafts.pop(self.draft_key, None)

    def dismiss(self, result: Any = None) -> Any:
        """Saved: the draft is done with. Cancelled with text typed: kept as a draft."""
        if result is None:
            self._keep_draft()
        else:
            self.drafts.pop(self.draft_key, None)
        return super().dismiss(result)

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
        """Cancel: a draft is kept, or (editing a record) the user is asked first."""
        if not self.ASK_BEFORE_DISCARD or not self._changed():
            self.dismiss(None)
            return
        from interview_tui.tui.confirm import UnsavedDialog

        def answered(choice: str | None) -> None:  # ctrl+s saves, ctrl+d discards, esc keeps
            if choice == "discard":
                self._discarding = True
                self.dismiss(None)
            elif choice == "save":
                self.action_save()

        self.app.push_screen(UnsavedDialog(), answered)


def role_select(value: Role, widget_id: str = "role") -> Select[str]:
    """A compact choice of the four stakeholder roles."""
    return Select(
        [(t(f"role.{r.value}"), r.value) for r in Role],
        value=value.value,
        allow_blank=False,
        id=widget_id,
        compact=True,
    )


def goal_select(value: Goal, widget_id: str = "goal") -> Select[str]:
    """A compact choice of the seven goals, numbered as the 1-7 keys."""
    return Select(
        [(f"{g.number} {t(f'goal.{g.value}')}", g.value) for g in Goal],
        value=value.value,
        allow_blank=False,
        id=widget_id,
        compact=True,
    )


def field_values(node: Any, selector: str) -> dict[str, Any]:
    """The value of every field under ``node`` that ``selector`` matches, by field id (a
    text area's text)."""
    return {
        field.id: field.text if isinstance(field, TextArea) else field.value
        for field in node.query(selector)
        if field.id is not None
    }


def typed_text(node: Any) -> dict[str, str]:
    """What is typed in every text field under ``node``, by field id."""
    return field_values(node, "Input, TextArea")


def unsaved_form(app: Any) -> Any:
    """The topmost screen holding changes not saved (its ``unsaved_changes()`` says so: a
    form, a detail view, a dialog with text typed), or ``None``."""
    for screen in reversed(app.screen_stack):
        unsaved = getattr(screen, "unsaved_changes", None)
        if callable(unsaved) and unsaved():
            return screen
    return None


def leave_form(screen: Any, changed: bool) -> None:
    """Leave ``screen`` (a form with ``action_save``), asking first when it has changes."""
    if not changed:
        screen.dismiss()
        return

    from interview_tui.tui.confirm import UnsavedDialog

    def answered(choice: str | None) -> None:
        if choice == "discard":
            screen.dismiss()
        elif choice == "save":  # leaves once saved; a field in error keeps it open
            screen.leave_after_save = True
            screen.action_save()

    screen.app.push_screen(UnsavedDialog(), answered)
