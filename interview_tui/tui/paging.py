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
    Read again (:meth:`reset`, then pages), the cursor goes back to the row it was on (a
    detail view closed, a change saved): found by its key in the rows read again, or, when
    that row is gone, at the same place; the next key acts on the row the user left.
    """

    class NeedMore(Message):
        def __init__(self, table: PagedTable, offset: int) -> None:
            super().__init__()
            self.table = table
            self.offset = offset

    total = 0
    _asked_at = -1
    #: the key and the place of the row under the cursor before :meth:`reset`, until found
    _back_to: tuple[str | None, int] | None = None

    @property
    def has_more(self) -> bool:
        return self.row_count < self.total

    def reset(self, total: int) -> None:
        if self._back_to is None and self.row_count:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
            self._back_to = (key, self.cursor_row)
        self.clear()
        self.total = total
        self._asked_at = -1

    def add_page(self, rows: list[tuple[str, list[Any]]]) -> None:
        """Append ``(key, cells)`` rows; the cursor stays where it is (after :meth:`reset`,
        it goes back to its row once that row is read again)."""
        for key, cells in rows:
            if key not in self.rows:
                self.add_row(*cells, key=key)
        self._go_back()
        self.measure()
        self._maybe_more()

    def _go_back(self) -> None:
        """The cursor on the row it was on before :meth:`reset`: by its key; while that
        row may be in a page not read yet, on the last row read (which reads the next);
        else at its old place, or the last row."""
        if self._back_to is None or not self.row_count:
            return
        key, place = self._back_to
        if key is not None and key in self.rows:
            self._back_to = None
            self.move_cursor(row=self.get_row_index(key), animate=False, scroll=True)
        elif self.has_more and place >= self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False, scroll=True)
        else:
            self._back_to = None
            self.move_cursor(row=min(place, self.row_count - 1), animate=False, scroll=True)

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
