"""Full-text search across every visit; enter opens the visit at the hit."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input

from interview_tui.i18n import t
from interview_tui.store.store import SearchHit
from interview_tui.tui.base import BaseScreen


class SearchScreen(BaseScreen):
    DEFAULT_CSS = "#hits { height: 1fr; }"
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding("enter", "open", "search.open", id="search.open", tooltip="search.open.help",
                show=False),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(value=self.initial, placeholder=t("search.placeholder"), id="query")
        yield DataTable(id="hits", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("search.subtitle")
        self.query_one(DataTable).add_columns(t("search.col.when"), t("search.col.customer"),
                                              t("search.col.kind"), t("search.col.context"))
        self.query_one(Input).focus()
        if self.initial:
            self.run_search(self.initial)

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, text: str) -> None:
        hits = self.iapp.store.search(text) if text.strip() else []
        self.app.call_from_thread(self._show, hits)

    def _show(self, hits: list[SearchHit]) -> None:
        self.hits = hits
        table = self.query_one(DataTable)
        table.clear()
        for hit in hits:
            table.add_row(hit.visit_date, hit.customer, hit.kind, hit.snippet)

    @on(Input.Submitted, "#query")
    def _to_results(self) -> None:
        if self.hits:
            self.query_one(DataTable).focus()

    @on(DataTable.RowSelected, "#hits")
    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if not self.hits or self.focused is not table:
            return
        hit = self.hits[table.cursor_row]
        if hit.visit_id is None:
            return
        item_id = None
        if hit.kind == "note":
            rows = self.iapp.store.query("SELECT script_item_id FROM notes WHERE id = ?",
                                         [hit.ref_id])  # fmt: skip
            item_id = rows[0]["script_item_id"] if rows else None
        self.iapp.show("live", visit_id=hit.visit_id, item_id=item_id)

    def action_back(self) -> None:
        self.dismiss()
