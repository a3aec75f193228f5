"""The highlighted row's whole text under a list: what a narrow terminal's columns cut off
(a commitment or a requirement is read there in full at 80 columns)."""

from __future__ import annotations

from textual.widgets import Static

from interview_tui.tui.text import literal


class RowStrip(Static):
    """Two lines under a table; :meth:`show_text` fills them (``None`` empties them)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, classes="row-strip")

    def show_text(self, text: str | None) -> None:
        self.update(literal(text or ""))
