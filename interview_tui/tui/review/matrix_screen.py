"""Customers × the seven goals: which key accounts we do not really know.

All seven goals stay in sight at 80 columns: when their usual heads ("4 Direction") do not
fit beside the customers' names, the goals' columns are headed by a name no wider than a day
count ("Dir."), and a name too long for the room left is cut (with …) before a goal is."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from interview_tui.domain.enums import Goal
from interview_tui.domain.names import display
from interview_tui.i18n import t
from interview_tui.services.evidence import MatrixRow, account_matrix, count_customers
from interview_tui.tui.data import DataScreen
from interview_tui.tui.empty import EmptyNote
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.paging import PagedTable
from interview_tui.tui.team_line import TeamLine
from interview_tui.tui.textual_private import resize_columns

PAGE_SIZE = 40
#: the cells of the customers' names the goals' usual heads leave room for (else the
#: heads are made short); a longer name is cut when the goals need its room
CUSTOMER_ROOM = 24
#: the cells a customer's name keeps at least when the goals need the room
CUSTOMER_FLOOR = 12
#: the cells a table keeps for its scrollbar
SCROLLBAR = 2


def _goal_label(goal: Goal, narrow: bool) -> str:
    """A goal's column head: its number and short name; when ``narrow``, a name no wider
    than a day count ("○ 365"), without the number (the columns keep the goals' order)."""
    if narrow:
        return t(f"matrix.goal.{goal.value}")
    return f"{goal.number} {display(goal, short=True)}"


def _cells(days: int | None) -> int:
    """The cells :func:`freshness` takes for ``days`` ("—", "● 12")."""
    return 1 if days is None else 2 + len(str(days))


def freshness(days: int | None) -> Text:
    if days is None:
        return Text("—", style="dim")
    if days < 90:
        return Text(f"● {days}", style="green")
    if days < 180:
        return Text(f"◐ {days}", style="yellow")
    return Text(f"○ {days}", style="red")


@dataclass(frozen=True, slots=True)
class MatrixPage:
    rows: list[MatrixRow]
    total: int


class MatrixScreen(DataScreen[MatrixPage]):
    PREFETCH = True
    DEFAULT_CSS = "#matrix { height: 1fr; } #legend { padding: 0 1; color: $text-muted; }"
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding(
            "t", "timeline", "matrix.timeline", id="matrix.timeline", tooltip="matrix.timeline.help"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MatrixRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("matrix.legend"), id="legend")
        yield EmptyNote(id="matrix-empty")
        yield PagedTable(id="matrix", cursor_type="row", zebra_stripes=True)
        yield TeamLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("matrix.subtitle")
        table = self.query_one(PagedTable)
        # the last goal in sight: the customer's name gives way first
        table.main_column, table.give_way = len(Goal), ((0, CUSTOMER_FLOOR),)
        table.add_column(t("home.col.customer"))
        narrow = self._narrow()
        for goal in Goal:
            table.add_column(_goal_label(goal, narrow))
        super().on_mount()

    def _narrow(self) -> bool:
        """Whether the goals' usual heads do not fit beside the customers' names (up to
        :data:`CUSTOMER_ROOM` cells of them) and the widest day count."""
        table = self.query_one(PagedTable)
        width = self.size.width or self.app.size.width
        names = max(
            [cell_len(t("home.col.customer"))] + [cell_len(row.customer) for row in self.rows]
        )
        room = width - SCROLLBAR - 2 * table.cell_padding * (len(Goal) + 1)
        room -= min(names, CUSTOMER_ROOM)
        days = max((_cells(d) for row in self.rows for d in row.days.values()), default=0)
        return sum(max(cell_len(_goal_label(goal, False)), days) for goal in Goal) > room

    def _label_goals(self) -> None:
        """The goals' columns named for the width now (short names when narrow)."""
        table = self.query_one(PagedTable)
        narrow = self._narrow()
        columns = list(table.columns.values())[1:]
        if all(c.label.plain == _goal_label(g, narrow) for g, c in zip(Goal, columns, strict=True)):
            return
        days = [max((_cells(row.days[goal]) for row in self.rows), default=0) for goal in Goal]
        for goal, column, widest in zip(Goal, columns, days, strict=True):
            column.label = Text(_goal_label(goal, narrow))
            column.content_width = max(cell_len(column.label.plain), widest)
        resize_columns(table)
        table.fit_columns()

    def on_resize(self) -> None:
        self._label_goals()

    def fetch(self) -> MatrixPage:
        store = self.iapp.store
        return MatrixPage(
            account_matrix(store, self.iapp.today(), PAGE_SIZE), count_customers(store)
        )

    def show(self, data: MatrixPage) -> None:
        self.rows = []
        self.query_one("#matrix-empty", EmptyNote).say(None if data.total else t("matrix.empty"))
        self.query_one(PagedTable).reset(data.total)
        self._add(data.rows)

    def _add(self, rows: list[MatrixRow]) -> None:
        self.rows.extend(rows)
        self.query_one(PagedTable).add_page(
            [
                (str(row.customer_id), [row.customer, *(freshness(row.days[g]) for g in Goal)])
                for row in rows
            ]
        )
        self._label_goals()  # a wider day count may need the room of the usual names

    @on(PagedTable.NeedMore)
    def _more(self, message: PagedTable.NeedMore) -> None:
        store, today = self.iapp.store, self.iapp.today()
        self.read(lambda: account_matrix(store, today, PAGE_SIZE, message.offset), self._add)

    @on(DataTable.RowSelected, "#matrix")
    def action_timeline(self) -> None:
        table = self.query_one(PagedTable)
        if self.rows and table.cursor_row < len(self.rows):
            self.iapp.show("timeline", customer_id=self.rows[table.cursor_row].customer_id)

    def action_back(self) -> None:
        self.dismiss()
