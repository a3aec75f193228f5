"""Customers × the seven goals: which key accounts we do not really know."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from interview_tui.domain.enums import Goal
from interview_tui.i18n import t
from interview_tui.services.evidence import MatrixRow, account_matrix
from interview_tui.tui.base import BaseScreen


def freshness(days: int | None) -> Text:
    if days is None:
        return Text("—", style="dim")
    if days < 90:
        return Text(f"● {days}", style="green")
    if days < 180:
        return Text(f"◐ {days}", style="yellow")
    return Text(f"○ {days}", style="red")


class MatrixScreen(BaseScreen):
    DEFAULT_CSS = "#matrix { height: 1fr; } #legend { padding: 0 1; color: $text-muted; }"
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding("t", "timeline", "matrix.timeline", id="matrix.timeline",
                tooltip="matrix.timeline.help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MatrixRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("matrix.legend"), id="legend")
        yield DataTable(id="matrix", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("matrix.subtitle")
        table = self.query_one(DataTable)
        table.add_column(t("home.col.customer"))
        for goal in Goal:
            table.add_column(f"{goal.number} {t(f'goal.{goal.value}')}")
        self.rows = account_matrix(self.iapp.store, self.iapp.today())
        for row in self.rows:
            table.add_row(row.customer, *(freshness(row.days[g]) for g in Goal),
                          key=str(row.customer_id))

    @on(DataTable.RowSelected, "#matrix")
    def action_timeline(self) -> None:
        table = self.query_one(DataTable)
        if self.rows:
            self.iapp.show("timeline", customer_id=self.rows[table.cursor_row].customer_id)

    def action_back(self) -> None:
        self.dismiss()
