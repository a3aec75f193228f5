"""What both detail views share: fields compared with what was loaded, esc that asks before
throwing typed changes away, ctrl+z, and the history of what changed and why."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from interview_tui.i18n import t
from interview_tui.services.history import field_label, history_lines, shown_value
from interview_tui.services.undo import recorded
from interview_tui.team import actions
from interview_tui.team.actions import Conflict, TeamView
from interview_tui.tui.base import TranslatedBindings
from interview_tui.tui.forms import FormDialog
from interview_tui.tui.inputs import BornCompact
from interview_tui.tui.inputs import Input as TextInput
from interview_tui.tui.text import Block, Hanging, hanging, hold_scrollbar, literal
from interview_tui.tui.undo import UNDO_BINDING, UndoMixin

DETAIL_BINDINGS = [
    Binding(
        "ctrl+s", "save", "detail.save", id="detail.save", tooltip="detail.save.help", priority=True
    ),
    UNDO_BINDING,
]
#: last on a detail view's key bar, after the view's own keys
BACK_BINDING = Binding(
    "escape", "back", "review.back", id="review.back", tooltip="review.back.help"
)


#: a dated line's head: the date, the space after it and a reply's arrow
_DATED = re.compile(r"(\d{4}-\d{2}-\d{2} +(?:→ )?)(.*)", re.DOTALL)


def dated_block(lines: list[str]) -> Block:
    """Dated lines (a history) one under the other, each wrapping under its text, not
    under its date; a line without a date is shown as it is."""
    parts: list[Text | Hanging] = []
    for line in lines:
        found = _DATED.fullmatch(line)
        parts.append(hanging(found[1], found[2]) if found else literal(line))
    return Block(parts)


class ConflictList(TranslatedBindings, BornCompact, OptionList):
    """Every value of each conflicted field, who set it and when: ``enter`` keeps the
    highlighted value, ``e`` edits a combined one."""

    DEFAULT_CSS = "ConflictList { height: auto; max-height: 8; }"
    BINDINGS = [
        Binding("enter", "take", "conflict.take", id="conflict.take", tooltip="conflict.take.help"),
        Binding("e", "combine", "conflict.edit", id="conflict.edit", tooltip="conflict.edit.help"),
    ]

    choices: list[tuple[Conflict, int]] = []

    def allow_focus(self) -> bool:
        """Hidden (no conflict), it never takes the focus, not even a screen's first."""
        return self.display and super().allow_focus()

    def fill(self, view: TeamView) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.choices = []
        options = []
        for conflict in view.conflicts:
            field = field_label(conflict.field)
            for n, candidate in enumerate(conflict.values, 1):
                value = shown_value(conflict.field, candidate.get("value"))
                who = view.who(str(candidate.get("by") or "")) or "—"
                when = str(candidate.get("at") or "")[:10] or "—"
                line = t("conflict.value", field=field, value=value, who=who, date=when)
                options.append(Option(literal(line, one_line=True)))
                self.choices.append((conflict, n))
        self.add_options(options)
        if options:
            self.highlighted = min(highlighted or 0, len(options) - 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``e`` is offered only where a combined value can be typed (a commitment's
        closing is resolved by keeping one of its values)."""
        if action == "combine" and (chosen := self._chosen()) is not None:
            return not actions.takes_one_value(chosen[0])
        return True

    def on_option_list_option_highlighted(self) -> None:
        self.refresh_bindings()  # the keys offered follow the highlighted value

    def _chosen(self) -> tuple[Conflict, int] | None:
        if self.highlighted is None or not self.choices:
            return None
        return self.choices[self.highlighted]

    @property
    def _conflict_screen(self) -> ConflictMixin:
        """The screen this list is on (it resolves the conflicts)."""
        screen = self.screen
        assert isinstance(screen, ConflictMixin), screen
        return screen

    def action_take(self) -> None:
        if (chosen := self._chosen()) is not None:
            self._conflict_screen.take_conflict(*chosen)

    def action_combine(self) -> None:
        if (chosen := self._chosen()) is not None:
            self._conflict_screen.combine_conflict(chosen[0])


class CombinedDialog(FormDialog):
    """One combined value for a conflicted field, prefilled with every value."""

    ASK_BEFORE_DISCARD = True

    def __init__(self, title: str, value: str) -> None:
        super().__init__()
        self.title_text, self.draft = title, value

    def fields(self) -> ComposeResult:
        yield Label(t("conflict.combined"))
        yield TextInput(self.draft, compact=True, id="value")

    def on_mount(self) -> None:
        self.query_one(".dialog-title", Static).update(literal(self.title_text))
        super().on_mount()

    def result(self) -> dict[str, Any] | None:
        return {"value": self.value("value")}


def conflict_section() -> ComposeResult:
    """The conflicts of a record's screen (hidden, and out of the focus order, while
    there are none)."""
    for widget in (
        Static(t("conflict.section"), id="conflicts-title", classes="section"),
        Static(t("conflict.how"), id="conflicts-how", classes="hint"),
        ConflictList(id="conflicts", compact=True),
    ):
        widget.display = False
        yield widget


class ConflictMixin(UndoMixin):
    """For a screen that shows records' team conflicts (:func:`conflict_section`): fills
    the list, resolves the chosen one in the writer, kept for ctrl+z."""

    #: this record's conflicts and who is who (read with the record)
    team: TeamView = TeamView()
    _team_shown = False  # shown once (the list's display then says whether it is open)

    def show_team(self, view: TeamView) -> None:
        """The record's open conflicts; the first time they show, the list has the focus
        (its keys are on the key bar)."""
        self.team = view
        has = bool(view.conflicts)
        conflicts = self.query_one(ConflictList)
        appears = has and not (self._team_shown and conflicts.display)
        for widget in self.query("#conflicts-title, #conflicts-how, #conflicts"):
            widget.display = has
        conflicts.fill(view)
        if appears:  # shown first, or open again (ctrl+z): the keys are the list's again
            # brought into view once laid out: scrolled to before its layout (a loaded
            # machine), the list went to the top and took the record's state line with it
            conflicts.focus(scroll_visible=False)
            self.call_after_refresh(conflicts.scroll_visible, animate=False)
        self._team_shown = True

    def record_key(self, store: Any, conflict: Conflict) -> tuple[type, int]:
        """The model and id of the record ``conflict`` changes (kept for ctrl+z); run in
        the writer."""
        raise NotImplementedError

    def take_conflict(self, conflict: Conflict, take: int) -> None:
        self._resolve(
            conflict,
            lambda store, today: actions.resolve(store, conflict.uid, conflict.field, take=take),
        )

    def combine_conflict(self, conflict: Conflict, draft: str | None = None) -> None:
        """Edit one value made of the conflict's values (they prefill the field)."""
        values = [shown_value(conflict.field, c.get("value")) for c in conflict.values]
        prefill = " / ".join(dict.fromkeys(v for v in values if v and v != "—"))
        field = field_label(conflict.field)

        def answered(result: dict | None) -> None:
            if result is None:
                return
            text = result["value"]
            self._resolve(
                conflict,
                lambda store, today: actions.resolve(
                    store,
                    conflict.uid,
                    conflict.field,
                    value=actions.typed_value(conflict, text, today),
                ),
                failed=lambda _error: self.combine_conflict(conflict, text),
            )

        title = t("conflict.combined_title", field=field)
        self.app.push_screen(CombinedDialog(title, prefill if draft is None else draft), answered)

    def _resolve(
        self,
        conflict: Conflict,
        change: Callable[[Any, Any], Conflict],
        failed: Callable[[Any], None] | None = None,
    ) -> None:
        """Resolve in the writer, kept for ctrl+z (which opens the conflict again)."""
        store, today = self.iapp.store, self.iapp.today()
        field = field_label(conflict.field)
        label = t("conflict.resolved_label", field=field)

        def write() -> Any:
            model, record_id = self.record_key(store, conflict)
            resolved, undo = recorded(store, model, record_id, label, lambda: change(store, today))
            return replace(undo, restore=partial(actions.reopen, conflict=resolved))

        def done(undo: Any) -> None:
            self.remember(undo)
            self.notify(t("conflict.resolved", field=field), timeout=3)
            self.undone(None)  # read the record again, as after ctrl+z

        self.iapp.save(write, done, failed)


class DetailMixin(ConflictMixin):
    """For a detail DataScreen: :meth:`values` reads the fields, :meth:`baseline` marks them
    as saved; ``esc`` with unsaved changes asks (keep editing / discard)."""

    _saved_values: dict[str, Any] | None = None

    def show_history(self, history: list[dict[str, str]]) -> None:
        lines = history_lines(history, self.team.by_other)
        self.query_one("#history", Static).update(dated_block(lines))

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for widget in self.query("Input, Select, Checkbox"):
            if not widget.id or widget.has_class("derived"):
                continue
            if isinstance(widget, Select):
                found[widget.id] = str(widget.value)
            elif isinstance(widget, Input | Checkbox):
                found[widget.id] = widget.value
        return found

    def baseline(self) -> None:
        self._saved_values = self.values()

    #: nothing is focused by Textual: :meth:`show` focuses the first field (or the open
    #: conflicts) when the record arrives. Focusing the hidden form's scrolling container
    #: first matched the stylesheet against every field twice, and a first focus that came
    #: after the record (when the read finished before the screen resumed) scrolled the form
    AUTO_FOCUS = ""

    def mark_read(self) -> None:
        """The record has arrived: the form is drawn. Until then nothing is (detail.tcss),
        not an empty form whose choices show their defaults as if they were the record's.

        Shown by the form's own style: a class on the screen would match the stylesheet
        against every field of the form again. A form taller than the terminal (each of
        its parts takes a line at least) has its scrollbar from its first layout
        (:func:`~interview_tui.tui.text.hold_scrollbar`)."""
        form = self.query_one("#detail")
        form.display = True
        if sum(1 for part in form.children if part.display) >= self.app.size.height:
            hold_scrollbar(form, True)

    @property
    def changed(self) -> bool:
        return self._saved_values is not None and self.values() != self._saved_values

    def unsaved_changes(self) -> bool:
        return self.changed

    def edited(self) -> set[str]:
        """The fields the user changed since the form was filled: only these are written.
        The record under the form may have changed meanwhile (a colleague's edit brought
        by a sync, another window): a field the user did not touch keeps that change,
        never the value the form was filled with."""
        before, now = self._saved_values or {}, self.values()
        return {name for name, value in now.items() if before.get(name) != value}

    #: leave once the save under way has landed (``ctrl+s`` in the unsaved-changes prompt)
    _leave_when_saved = False

    def action_back(self) -> None:
        """Back; with unsaved changes, asked first: ``ctrl+s`` saves and goes back,
        ``ctrl+d`` throws them away, ``esc`` keeps editing (as the manual says)."""
        if not self.changed:
            self.dismiss()
            return
        from interview_tui.tui.confirm import UnsavedDialog

        def answered(choice: str | None) -> None:
            if choice == "discard":
                self.dismiss()
            elif choice == "save":
                self._leave_when_saved = True
                self.action_save()

        self.app.push_screen(UnsavedDialog(), answered)

    def action_save(self) -> None:
        raise NotImplementedError

    def saved(self) -> None:
        """A save has landed: said, and back when it was asked for on the way out (a save
        refused leaves the user on the form, with its message)."""
        self.notify(t("detail.saved"), timeout=2)
        if self._leave_when_saved:
            self._leave_when_saved = False
            self.dismiss()


def set_field(screen: Any, widget_id: str, value: Any) -> None:
    widget = screen.query_one(f"#{widget_id}")
    if isinstance(widget, Input):
        widget.value = "" if value is None else str(getattr(value, "value", value))
    elif isinstance(widget, Checkbox):
        widget.value = bool(value)
    else:
        widget.value = str(getattr(value, "value", value))
