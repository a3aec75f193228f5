"""What both detail views share: fields compared with what was loaded, esc that asks before
throwing typed changes away, ctrl+z, and the history of what changed and why."""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Checkbox, Input, Select, Static

from interview_tui.i18n import t
from interview_tui.services.history import history_lines
from interview_tui.tui.confirm import ConfirmDialog
from interview_tui.tui.text import Block, Hanging, hanging, literal
from interview_tui.tui.undo import UNDO_BINDING, UndoMixin

DETAIL_BINDINGS = [
    Binding("ctrl+s", "save", "detail.save", id="detail.save", tooltip="detail.save.help",
            priority=True),
    UNDO_BINDING,
]
#: last on a detail view's key bar, after the view's own keys
BACK_BINDING = Binding("escape", "back", "review.back", id="review.back",
                       tooltip="review.back.help")


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


class DetailMixin(UndoMixin):
    """For a detail DataScreen: :meth:`values` reads the fields, :meth:`baseline` marks them
    as saved; ``esc`` with unsaved changes asks (keep editing / discard)."""

    _saved_values: dict[str, Any] | None = None

    def values(self) -> dict[str, Any]:
        me: Any = self
        found: dict[str, Any] = {}
        for widget in me.query("Input, Select, Checkbox"):
            if widget.id and not widget.has_class("derived"):
                found[widget.id] = (widget.value if not isinstance(widget, Select)
                                    else str(widget.value))  # fmt: skip
        return found

    def baseline(self) -> None:
        self._saved_values = self.values()

    def mark_read(self) -> None:
        """The record has arrived: the form is drawn. Until then nothing is (detail.tcss),
        not an empty form whose choices show their defaults as if they were the record's."""
        me: Any = self
        me.add_class("-read")

    @property
    def changed(self) -> bool:
        return self._saved_values is not None and self.values() != self._saved_values

    def show_history(self, history: list[dict[str, str]]) -> None:
        me: Any = self
        me.query_one("#history", Static).update(dated_block(history_lines(history)))

    def action_back(self) -> None:
        me: Any = self
        if not self.changed:
            me.dismiss()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                me.dismiss()

        me.app.push_screen(ConfirmDialog(t("dialog.discard_title"), t("detail.discard_body"),
                                         t("dialog.discard"), no=t("dialog.keep_editing")),
                           answered)  # fmt: skip


def set_field(screen: Any, widget_id: str, value: Any) -> None:
    widget = screen.query_one(f"#{widget_id}")
    if isinstance(widget, Input):
        widget.value = "" if value is None else str(getattr(value, "value", value))
    elif isinstance(widget, Checkbox):
        widget.value = bool(value)
    else:
        widget.value = str(getattr(value, "value", value))
