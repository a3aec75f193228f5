"""Full-text search across every visit; enter opens the hit itself."""

from __future__ import annotations

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header

from interview_tui.i18n import t
from interview_tui.services.search import (
    HitTarget,
    SearchHit,
    around_hit,
    hit_kind,
    hit_target,
    search,
)
from interview_tui.tui.data import DataScreen
from interview_tui.tui.empty import EmptyNote
from interview_tui.tui.inputs import Input
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.team_line import TeamLine
from interview_tui.tui.text import SafeTable, visible


class SearchScreen(DataScreen[list[SearchHit]]):
    DEFAULT_CSS = "#hits { height: 1fr; }"
    AUTO_FOCUS = "#query"
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding(
            "enter", "open", "search.open", id="search.open", tooltip="search.open.help", show=False
        ),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.text = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(value=self.text, placeholder=t("search.placeholder"), id="query")
        yield EmptyNote(id="search-empty")
        yield SafeTable(id="hits", cursor_type="row", zebra_stripes=True)
        yield TeamLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("search.subtitle")
        self.query_one(SafeTable).add_columns(
            t("search.col.when"),
            t("search.col.customer"),
            t("search.col.kind"),
            t("search.col.context"),
        )
        self.query_one(Input).focus()
        # no read here: a query given at start arrives as the input's first change

    def fetch(self) -> list[SearchHit]:
        return search(self.iapp.store, self.text)

    def show(self, data: list[SearchHit]) -> None:
        self.hits = data
        table = self.query_one(SafeTable)
        rows = [(hit.visit_date, hit.customer, hit_kind(hit)) for hit in data]
        room = self._context_cells(table, rows)
        table.clear()
        for hit, row in zip(data, rows, strict=True):
            table.add_row(*row, around_hit(hit.snippet, self.text, room))
        table.measure()
        nothing = self.text.strip() and not data
        self.query_one("#search-empty", EmptyNote).say(
            t("search.none", query=self.text.strip()) if nothing else None
        )

    def _context_cells(self, table: SafeTable, rows: list[tuple[str, str, str]]) -> int:
        """The cells the context column has beside the other three (0: not laid out)."""
        if not table.size.width:
            return 0
        columns = list(table.columns.values())[:3]  # a column keeps the width it had
        widths = [
            max(
                [column.content_width, cell_len(str(column.label))]
                + [cell_len(visible(row[n], one_line=True)) for row in rows]
            )
            for n, column in enumerate(columns)
        ]
        padding = 2 * table.cell_padding
        return table.size.width - sum(widths) - 4 * padding - 1  # 1: the scrollbar

    def on_resize(self) -> None:
        """Narrower or wider: each hit's surroundings are chosen again for the new width."""
        if self.hits:
            self.show(self.hits)

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self.text = event.value
        self.reload()

    @on(Input.Submitted, "#query")
    def _to_results(self) -> None:
        if self.hits:
            self.query_one(SafeTable).focus()

    @on(DataTable.RowSelected, "#hits")
    def action_open(self) -> None:
        table = self.query_one(SafeTable)
        if not self.hits or self.focused is not table:
            return
        hit, store = self.hits[table.cursor_row], self.iapp.store
        self.read(lambda: hit_target(store, hit), self._open)

    def _open(self, target: HitTarget | None) -> None:
        if target is not None:
            self.iapp.show(target.route, **target.args)

    def action_back(self) -> None:
        self.dismiss()
