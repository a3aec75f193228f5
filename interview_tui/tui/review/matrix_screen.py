"""Customers × the seven goals: which key accounts we do not really know."""

from __future__ import annotations

from dataclasses import dataclass

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

PAGE_SIZE = 40


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
        table.add_column(t("home.col.customer"))
        for goal in Goal:
            table.add_column(f"{goal.number} {display(goal, short=True)}")
        super().on_mount()

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
