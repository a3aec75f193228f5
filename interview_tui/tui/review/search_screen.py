"""Full-text search across every visit, person and customer; enter opens the hit itself (a
person or customer on the customer's screen). The best
:data:`~interview_tui.services.search.SEARCH_PAGE` hits are shown; when more match, the
line under them says so and how to see more (ctrl+n: the next ones) or to narrow the search."""

from __future__ import annotations

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from interview_tui.i18n import t
from interview_tui.services.search import (
    DIRECTORY_KINDS,
    SEARCH_PAGE,
    Found,
    HitTarget,
    SearchHit,
    around_hit,
    found,
    hit_kind,
    hit_target,
    searchable,
)
from interview_tui.tui.data import DataScreen
from interview_tui.tui.empty import EmptyNote
from interview_tui.tui.inputs import Input
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.screen_keys import key_of
from interview_tui.tui.team_line import TeamLine
from interview_tui.tui.text import SafeTable, literal, visible


class HitsTable(SafeTable):
    """The hits: ↑ on the first goes back up to the query."""

    def action_cursor_up(self) -> None:
        if self.cursor_row <= 0:
            self.screen.query_one("#query").focus()
            return
        super().action_cursor_up()


class SearchScreen(DataScreen[Found]):
    DEFAULT_CSS = "#hits { height: 1fr; } #search-more { padding: 0 1; display: none; }"
    AUTO_FOCUS = "#query"
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding(
            "enter", "open", "search.open", id="search.open", tooltip="search.open.help", show=False
        ),
        # a ctrl key: the query field has the focus and takes every plain key
        Binding("ctrl+n", "more", "search.more", id="search.more", tooltip="search.more.help"),
        # the query field leaves ↓ alone: it goes down into the hits (↑ on the first comes back)
        Binding(
            "down",
            "to_hits",
            "search.to_hits",
            id="search.to_hits",
            tooltip="search.to_hits.help",
            show=False,
        ),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.text = query
        self.hits: list[SearchHit] = []
        #: the hits asked for: one page, a page more each ctrl+n, one page again per query
        self.limit = SEARCH_PAGE
        self.found = Found("", [], SEARCH_PAGE)
        #: the row the cursor goes to when the hits read for ctrl+n arrive (the first new)
        self._first_new: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(value=self.text, placeholder=t("search.placeholder"), id="query")
        yield EmptyNote(id="search-empty")
        yield HitsTable(id="hits", cursor_type="row", zebra_stripes=True)
        yield Static("", id="search-more", classes="muted")
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

    def fetch(self) -> Found:
        return found(self.iapp.store, self.text, self.limit)

    def show(self, data: Found) -> None:
        table = self.query_one(SafeTable)
        # the same search shown again (a new width, more hits): the cursor stays on its row
        cursor = table.cursor_row if data.text == self.found.text else 0
        self.found, self.hits = data, data.hits
        rows = [(hit.visit_date, hit.customer, hit_kind(hit)) for hit in data.hits]
        room = self._context_cells(table, rows)
        table.clear()
        for hit, row in zip(data.hits, rows, strict=True):
            whole = hit.kind in DIRECTORY_KINDS  # a person's name before what was found
            table.add_row(*row, around_hit(hit.snippet, data.text, room, from_start=whole))
        table.measure()
        first_new, self._first_new = self._first_new, None
        goes_to = first_new if first_new is not None else cursor
        if table.row_count and goes_to:
            table.move_cursor(row=min(goes_to, table.row_count - 1), animate=False, scroll=True)
        query = data.text.strip()
        said = None
        if query and not searchable(query):
            said = t("search.unsearchable", query=query)
        elif query and not data.hits:
            said = t("search.none", query=query)
        self.query_one("#search-empty", EmptyNote).say(said)
        left_out = self._left_out(data)
        more = self.query_one("#search-more", Static)
        more.update(literal(left_out))
        more.display = bool(left_out)  # no blank line under the hits when nothing is left out
        self.refresh_bindings()  # ctrl+n is offered while more match

    def _left_out(self, data: Found) -> str:
        """What the hits shown leave out, and what to do about it ("" when nothing)."""
        shown, ranked = len(data.hits), f"{data.ranked:,}"
        if data.more:
            key = key_of(self, "search.more")
            wording = "search.more_cut_off" if data.cut_off else "search.more_match"
            return t(wording, shown=shown, key=key, step=SEARCH_PAGE, ranked=ranked)
        if data.cut_off:
            return t("search.cut_off", shown=shown, ranked=ranked)
        return ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+n is on the key bar only while more hits match than are shown."""
        return self.found.more if action == "more" else True

    def action_more(self) -> None:
        """The next :data:`SEARCH_PAGE` hits, below those shown (read in a worker, as every
        search is); the cursor goes to the first of them."""
        if not self.found.more or self.found.text != self.text:
            return
        self.limit = self.found.limit + SEARCH_PAGE
        self._first_new = len(self.hits)
        self.reload()

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
            self.show(self.found)

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self.text = event.value
        self.limit, self._first_new = SEARCH_PAGE, None  # a new search: its best page
        self.reload()

    @on(Input.Submitted, "#query")
    def action_to_hits(self) -> None:
        """From the query to the hits (enter or ↓), the cursor on the first."""
        table = self.query_one(SafeTable)
        if self.hits and self.focused is not table:
            table.focus()
            table.move_cursor(row=0, animate=False, scroll=True)

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
