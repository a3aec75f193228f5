"""The one message a list shows when it has nothing to show: in the screen, never a toast."""

from __future__ import annotations

from textual.widgets import Static

from interview_tui.tui.text import literal


class EmptyNote(Static):
    """Hidden while its list has rows; :meth:`say` shows a message (``None`` hides it).

    Reading the list again says it again in the same place, so an empty database shows one
    message however often a screen reloads (a toast would pile up one per read).
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, classes="empty-note")

    def say(self, message: str | None) -> None:
        self.update(literal(message or ""))
        self.set_class(bool(message), "-shown")
