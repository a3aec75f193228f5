"""The product line's pool: the same need heard at several customers, one row per need.

Opened from the requirement pool (``p``); ``n`` sorts by how many customers raised the need,
``d`` by the nearest date a customer can accept. Read a page at a time, like the pool.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from interview_tui.domain.names import display
from interview_tui.i18n import joined, labelled, t
from interview_tui.services import product_line as line
from interview_tui.tui.data import DataScreen
from interview_tui.tui.empty import EmptyNote
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.paging import PagedTable
from interview_tui.tui.row_strip import RowStrip
from interview_tui.tui.text import literal


def _date(value: Any) -> str:
    return value.isoformat() if value else "—"


def _cells(need: line.LineNeed) -> list[Any]:
    names = joined((c.name for c in need.customers), "list")
    return [
        literal(str(need.count)),
        literal(_date(need.nearest)),
        literal(display(need.state)),
        literal(need.title, one_line=True),
        literal(names, one_line=True),
    ]


def need_text(need: line.LineNeed) -> str:
    """The whole need, as the strip under the list shows it: each customer, its date and
    where its requirement stands."""
    each = " · ".join(
        t("line.customer", name=c.name, latest=_date(c.latest), state=display(c.state))
        for c in need.customers
    )
    return f"{need.title} [{need.key}] · " + labelled(display(need.group), each)


class ProductLineScreen(DataScreen[line.LinePage]):
    """Needs heard at several customers; ``n`` / ``d`` choose the order."""

    PREFETCH = True
    DEFAULT_CSS = "#line { height: 1fr; } #line-sort { padding: 0 1; color: $text-muted; }"
    BINDINGS = [
        Binding(
            "n",
            "sort('customers')",
            "line.by_count",
            id="line.by_count",
            tooltip="line.by_count.help",
        ),
        Binding(
            "d", "sort('latest')", "line.by_date", id="line.by_date", tooltip="line.by_date.help"
        ),
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
    ]

    def __init__(self, sort: str = "customers") -> None:
        super().__init__()
        self.sort = sort
        self.needs: dict[str, line.LineNeed] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="line-sort")
        yield EmptyNote(id="line-empty")
        yield PagedTable(id="line", cursor_type="row", zebra_stripes=True)
        yield RowStrip(id="line-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("line.subtitle")
        table = self.query_one(PagedTable)
        # the need in sight; its customers cut (with …) before it, never off the screen
        table.main_column, table.give_way = 3, ((4, 16),)
        table.add_columns(
            t("line.col.count"),
            t("line.col.latest"),
            t("line.col.state"),
            t("line.col.need"),
            t("line.col.customers"),
        )
        super().on_mount()

    def fetch(self) -> line.LinePage:
        return line.read_line(self.iapp.store, sort=self.sort)

    def show(self, data: line.LinePage) -> None:
        table = self.query_one(PagedTable)
        table.reset(data.total)
        self.needs.clear()
        self._add(data)
        self.query_one("#line-sort", Static).update(
            t("line.header", total=data.total, sort=t(f"line.sorted.{self.sort}"))
        )
        self.query_one("#line-empty", EmptyNote).say(None if data.total else t("line.empty"))

    def _add(self, page: line.LinePage) -> None:
        rows = [(str(page.offset + n), need) for n, need in enumerate(page.rows)]
        self.needs.update(rows)
        self.query_one(PagedTable).add_page([(key, _cells(need)) for key, need in rows])
        self._show_row_text()

    @on(PagedTable.NeedMore)
    def _more(self, message: PagedTable.NeedMore) -> None:
        store, sort = self.iapp.store, self.sort
        self.read(lambda: line.read_line(store, sort=sort, offset=message.offset), self._add)

    def selected(self) -> line.LineNeed | None:
        table = self.query_one(PagedTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key is None else self.needs.get(key)

    @on(PagedTable.RowHighlighted, "#line")
    def _show_row_text(self) -> None:
        need = self.selected()
        self.query_one(RowStrip).show_text(need_text(need) if need else None)

    def action_sort(self, sort: str) -> None:
        if sort != self.sort:
            self.sort = sort
            self.reload()

    def action_back(self) -> None:
        self.dismiss()
