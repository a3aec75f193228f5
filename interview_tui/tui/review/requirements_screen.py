"""The requirement pool: in progress, next iteration, backlog; unclear ones marked.

Reads a page at a time (more as the cursor nears the end); a change saves in the background
and redraws only the changed row, so the pool answers at once on any size of database.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Label, Static

from interview_tui.domain.enums import PoolGroup
from interview_tui.domain.models import Requirement
from interview_tui.domain.names import display, display_list
from interview_tui.i18n import labelled, t
from interview_tui.services import list_text
from interview_tui.services import requirement_pool as pool
from interview_tui.services.undo import recorded
from interview_tui.tui.data import DataScreen, stored_id
from interview_tui.tui.empty import EmptyNote
from interview_tui.tui.forms import FormDialog
from interview_tui.tui.inputs import Input
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.paging import PagedTable
from interview_tui.tui.review.list_filter import (
    FILTER_BINDING,
    FilterInput,
    TextFilterMixin,
    marked,
)
from interview_tui.tui.review.override_dialog import OverrideDialog
from interview_tui.tui.row_strip import RowStrip
from interview_tui.tui.team_line import TeamLine
from interview_tui.tui.text import literal
from interview_tui.tui.undo import UNDO_BINDING, UndoMixin


class LinkDialog(FormDialog):
    """One line of text about a requirement: its link key, or how to use what exists."""

    ASK_BEFORE_DISCARD = True

    def __init__(self, title: str, key: str, hint: str = "pool.link_hint") -> None:
        super().__init__()
        self.title_text, self.key, self.hint = title, key, hint

    def fields(self) -> ComposeResult:
        yield Label(t(self.hint))
        yield Input(value=self.key, compact=True, id="key")

    def on_mount(self) -> None:
        self.query_one(".dialog-title", Static).update(literal(self.title_text))
        super().on_mount()

    def result(self) -> dict[str, Any] | None:
        return {"key": self.value("key").strip()}


def _head(r: Requirement) -> str:
    """What the requirement is, and what is still unclear about it."""
    head = r.title or " · ".join(x for x in (r.user, r.scenario, r.pain) if x)
    if r.missing:
        head += "  " + t("pool.unclear", missing=display_list("field", r.missing))
    return head


def _cells(row: pool.PoolRow) -> list[Any]:
    r = row.requirement
    style = "dim" if r.state.is_closed else ("yellow" if r.missing else "")
    return [
        display(r.group),
        display(r.state),
        row.customer,
        str(row.asked),
        row.raised or "—",
        marked(row.conflicts, Text(_head(r), style=style)),
    ]


def _strip_text(row: pool.PoolRow) -> str:
    mark = list_text.conflict_mark() + " " if row.conflicts else ""
    return labelled(row.customer, f"{mark}{_head(row.requirement)}")


class RequirementsScreen(TextFilterMixin, UndoMixin, DataScreen[pool.PoolPage]):
    """``1``/``2``/``3`` move the selected requirement; ``s`` advances its state; ``enter``
    opens it to read and edit every field; ``ctrl+z`` takes the last change back."""

    UNDO_SCOPE = "pool"

    PREFETCH = True

    DEFAULT_CSS = "#pool { height: 1fr; } #pool-counts { padding: 0 1; color: $text-muted; }"
    BINDINGS = [
        Binding(
            "1", "move('in_progress')", "pool.move1", id="pool.move1", tooltip="pool.move1.help"
        ),
        Binding(
            "2", "move('next_iteration')", "pool.move2", id="pool.move2", tooltip="pool.move2.help"
        ),
        Binding("3", "move('backlog')", "pool.move3", id="pool.move3", tooltip="pool.move3.help"),
        Binding("s", "state", "pool.state", id="pool.state", tooltip="pool.state.help"),
        Binding("l", "link", "pool.link", id="pool.link", tooltip="pool.link.help"),
        Binding("h", "how_to_use", "pool.how", id="pool.how", tooltip="pool.how.help"),
        Binding("enter", "open", "pool.open", id="pool.open", tooltip="pool.open.help"),
        Binding("p", "product_line", "pool.line", id="pool.line", tooltip="pool.line.help"),
        FILTER_BINDING,
        UNDO_BINDING,
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
    ]

    def __init__(self, customer_id: int | None = None) -> None:
        super().__init__()
        self.customer_id = customer_id
        self.rows: dict[str, pool.PoolRow] = {}
        self.per_group: dict[PoolGroup, int] = {}  # the summary line's figures
        self.total = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="pool-counts")
        yield EmptyNote(id="pool-empty")
        yield PagedTable(id="pool", cursor_type="row", zebra_stripes=True)
        yield RowStrip(id="requirement-text")
        yield FilterInput()
        yield TeamLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("pool.subtitle")
        table = self.query_one(PagedTable)
        # the requirement matters most: when narrow, the customer, the state and the group
        # give way first (the customer and the requirement in full are in the strip below)
        table.main_column, table.give_way = 5, ((2, 8), (1, 10), (0, 11))
        table.add_columns(
            t("pool.col.group"),
            t("pool.col.state"),
            t("pool.col.customer"),
            t("pool.col.asked"),
            t("pool.col.raised"),
            t("pool.col.requirement"),
        )
        super().on_mount()

    # -- reading ---------------------------------------------------------------------------

    def fetch(self) -> pool.PoolPage:
        return pool.read_pool(self.iapp.store, customer_id=self.customer_id, text=self.filter_text)

    def show(self, data: pool.PoolPage) -> None:
        table = self.query_one(PagedTable)
        table.reset(data.total)
        self.rows.clear()
        self._add(data)
        self.per_group, self.total = dict(data.per_group), data.total
        self._show_counts()
        self.query_one("#pool-empty", EmptyNote).say(
            None if data.total else self.no_match() or t("pool.empty")
        )

    def _show_counts(self) -> None:
        """The summary line: how many in all and in each group (kept true after a move)."""
        counts = " · ".join(f"{display(g)} {self.per_group.get(g, 0)}" for g in PoolGroup)
        self.query_one("#pool-counts", Static).update(
            t("pool.counts", total=self.total, groups=counts)
        )
        self.query_one("#pool-counts").display = bool(self.total)

    def _add(self, page: pool.PoolPage) -> None:
        self.rows.update((str(row.requirement.id), row) for row in page.rows)
        self.query_one(PagedTable).add_page(
            [(str(row.requirement.id), _cells(row)) for row in page.rows]
        )
        self._show_row_text()

    @on(PagedTable.RowHighlighted, "#pool")
    def _show_row_text(self) -> None:
        """The highlighted requirement in full under the list (its column is cut when narrow)."""
        row = self.selected()
        self.query_one(RowStrip).show_text(_strip_text(row) if row else None)

    @on(PagedTable.NeedMore)
    def _more(self, message: PagedTable.NeedMore) -> None:
        store, customer_id, text = self.iapp.store, self.customer_id, self.filter_text
        self.read(
            lambda: pool.read_pool(
                store, customer_id=customer_id, offset=message.offset, text=text
            ),
            self._add,
        )

    # -- changing one row --------------------------------------------------------------------

    def selected(self) -> pool.PoolRow | None:
        table = self.query_one(PagedTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key is None else self.rows.get(key)

    def _apply(self, row: pool.PoolRow) -> None:
        """Redraw one changed row in place (it keeps its place until the next reload)."""
        key = str(row.requirement.id)
        if key not in self.rows:
            return
        before = self.rows[key].requirement.group
        self.rows[key] = row
        if (after := row.requirement.group) is not before:  # moved (or moved back by ctrl+z)
            self.per_group[before] = self.per_group.get(before, 0) - 1
            self.per_group[after] = self.per_group.get(after, 0) + 1
            self._show_counts()
        table = self.query_one(PagedTable)
        for column, value in zip(table.columns, _cells(row), strict=True):
            table.update_cell(key, column, value)
        self._show_row_text()

    def _change(
        self,
        row: pool.PoolRow,
        label: str,
        change: Any,
        done: Any = None,
        failed: Any = None,
        quiet: bool = False,
    ) -> None:
        """Save one change to ``row``'s requirement, kept for ctrl+z."""
        store, rid = self.iapp.store, stored_id(row.requirement)

        def applied(result: Any) -> None:
            self.remember(result[1])
            self._apply(result[0])
            if done is not None:
                done(result[0])

        self.iapp.save(
            lambda: recorded(store, Requirement, rid, label, lambda: change(store)),
            applied,
            failed,
            quiet=quiet,
        )

    def action_move(self, group: str) -> None:
        """Move the selected requirement; into in progress without an agreed solution, a
        small dialog asks why the PM goes ahead (esc leaves it where it was)."""
        if (row := self.selected()) is None:
            return
        r, target = row.requirement, PoolGroup(group)
        if pool.gate_blocks(r, r.model_copy(update={"group": target})):
            self._ask_override(row, target)
        else:
            self._move(row, target)

    def _move(self, row: pool.PoolRow, target: PoolGroup, override: str = "") -> None:
        moved = t("pool.moved", group=display(target))
        if override:
            moved = t("pool.moved_override", group=display(target))

        def failed(problem: Any) -> None:
            if problem.field == "override":  # the pool was out of date: ask now
                self._ask_override(row, target)

        self._change(
            row,
            moved,
            lambda store: pool.move(store, stored_id(row.requirement), target, override),
            lambda _changed: self.notify(moved, timeout=2),
            failed,
            quiet=True,
        )

    def _ask_override(self, row: pool.PoolRow, target: PoolGroup) -> None:
        r = row.requirement

        def answered(result: dict | None) -> None:
            if result is not None:
                self._move(row, target, result["reason"])

        what = t("gate.what", text=r.title or r.pain or r.user or str(r.id))
        self.app.push_screen(OverrideDialog(what), answered)

    def action_state(self) -> None:
        if (row := self.selected()) is not None:
            label = t("pool.state_changed", state=display(row.requirement.state))
            self._change(
                row, label, lambda store: pool.advance_state(store, stored_id(row.requirement))
            )

    @on(PagedTable.RowSelected, "#pool")
    def action_open(self) -> None:
        if (row := self.selected()) is not None:
            self._away = True
            self.iapp.show("requirement", requirement_id=row.requirement.id)

    _away = False

    def on_screen_resume(self) -> None:
        if self._away:  # back from a detail view: read what changed there
            self._away = False
            self.reload_after_saves()

    def undone(self, record: Any) -> None:
        store, rid = self.iapp.store, record.id
        self.read(lambda: pool.pool_row(store, rid), self._apply)

    def action_link(self, draft: str | None = None) -> None:
        if (row := self.selected()) is None:
            return
        r = row.requirement

        def done(result: dict | None) -> None:
            if result is not None:
                self._change(
                    row,
                    t("pool.linked", key=result["key"] or "—"),
                    lambda store: pool.link(store, stored_id(r), result["key"]),
                    failed=lambda _error: self.action_link(draft=result["key"]),
                )

        title = t("pool.link_title", text=r.title or r.pain or r.user)
        self.app.push_screen(LinkDialog(title, r.link_key if draft is None else draft), done)

    def action_how_to_use(self, draft: str | None = None) -> None:
        """How to use what exists, for a need the product already meets (read in the recap)."""
        if (row := self.selected()) is None:
            return
        r, store = row.requirement, self.iapp.store

        def done(result: dict | None) -> None:
            if result is not None:
                self.iapp.save(
                    lambda: pool.set_how_to_use(store, stored_id(r), result["key"]),
                    self._apply,
                    lambda _error: self.action_how_to_use(result["key"]),
                )

        title = t("pool.how_title", text=r.title or r.pain or r.user)
        value = r.how_to_use if draft is None else draft
        self.app.push_screen(LinkDialog(title, value, "pool.how_hint"), done)

    def action_product_line(self) -> None:
        """The product line's pool: each need heard at several customers, as one row."""
        self._away = True
        self.iapp.show("line")

    def focus_list(self) -> None:
        self.query_one(PagedTable).focus()

    def action_back(self) -> None:
        if not self.clear_filter():
            self.dismiss()
