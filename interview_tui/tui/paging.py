"""A table that shows a page of rows and reads the next page when the cursor nears its end."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.message import Message
from textual.widgets import DataTable

from interview_tui.tui.text import SafeTable

#: read the next page when the cursor is this close to the last row shown
LOOKAHEAD = 20


class PagedTable(SafeTable):
    """A :class:`SafeTable` that knows how many rows exist beyond those it shows.

    The screen sets :attr:`total` and appends pages; when the cursor comes within
    :data:`LOOKAHEAD` rows of the end, or the rows read do not fill the table, and more rows
    exist, the table posts :class:`PagedTable.NeedMore` once until the next page arrives.
    """

    class NeedMore(Message):
        def __init__(self, table: PagedTable, offset: int) -> None:
            super().__init__()
            self.table = table
            self.offset = offset

    total = 0
    _asked_at = -1

    @property
    def has_more(self) -> bool:
        return self.row_count < self.total

    def reset(self, total: int) -> None:
        self.clear()
        self.total = total
        self._asked_at = -1

    def add_page(self, rows: list[tuple[str, list[Any]]]) -> None:
        """Append ``(key, cells)`` rows; the cursor stays where it is."""
        for key, cells in rows:
            if key not in self.rows:
                self.add_row(*cells, key=key)
        self.measure()
        self._maybe_more()

    @on(DataTable.RowHighlighted)
    def _near_end(self) -> None:
        self._maybe_more()

    def on_resize(self) -> None:
        self._maybe_more()  # a taller table may show more rows than were read

    def _maybe_more(self) -> None:
        near = self.cursor_row >= self.row_count - LOOKAHEAD or self.row_count < self.size.height
        if self.has_more and near and self._asked_at != self.row_count:
            self._asked_at = self.row_count
            self.post_message(self.NeedMore(self, self.row_count))
