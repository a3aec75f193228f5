"""The home screen: where every session starts."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Static

from interview_tui.i18n import t
from interview_tui.services.commitments import kept_line
from interview_tui.services.home_data import HomeData, read_home
from interview_tui.tui.data import DataScreen
from interview_tui.tui.home.records import RecordActions
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.messages import DataChanged
from interview_tui.tui.routes import available
from interview_tui.tui.text import SafeTable, literal
from interview_tui.tui.undo import UNDO_BINDING


class HomeScreen(RecordActions, DataScreen[HomeData]):
    """Upcoming visits first, then recent ones; the customers; what is still owed."""

    CSS_PATH = "home.tcss"
    _resumed_once = False
    BINDINGS = [
        Binding("enter", "open_visit", "home.open", id="home.open", tooltip="home.open.help",
                show=False),
        Binding("n", "new_visit", "home.new_visit", id="home.new_visit",
                tooltip="home.new_visit.help"),
        Binding("c", "new_customer", "home.new_customer", id="home.new_customer",
                tooltip="home.new_customer.help"),
        Binding("e", "edit_customer", "home.edit_customer", id="home.edit_customer",
                tooltip="home.edit_customer.help", show=False),
        Binding("l", "live", "home.live", id="home.live", tooltip="home.live.help"),
        Binding("r", "rehearse", "home.rehearse", id="home.rehearse",
                tooltip="home.rehearse.help"),
        Binding("m", "commitments", "home.commitments", id="home.commitments",
                tooltip="home.commitments.help"),
        Binding("p", "requirements", "home.requirements", id="home.requirements",
                tooltip="home.requirements.help"),
        Binding("slash", "search", "home.search", id="home.search", tooltip="home.search.help"),
        Binding("a", "matrix", "home.matrix", id="home.matrix", tooltip="home.matrix.help",
                show=False),
        Binding("x", "export", "home.export", id="home.export", tooltip="home.export.help",
                show=False),
        Binding("t", "timeline", "home.timeline", id="home.timeline",
                tooltip="home.timeline.help", show=False),
        Binding("s", "status", "home.status", id="home.status", tooltip="home.status.help"),
        Binding("delete", "archive", "home.archive", id="home.archive",
                tooltip="home.archive.help"),
        Binding("h", "toggle_archived", "home.archived", id="home.archived",
                tooltip="home.archived.help", show=False),
        Binding("ctrl+d", "delete_for_good", "home.delete", id="home.delete",
                tooltip="home.delete.help", show=False),
        UNDO_BINDING,
        Binding("ctrl+r", "reload", "home.reload", id="home.reload", show=False),
    ]
    UNDO_SCOPE = "home"
    show_archived = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-body"):
            with Vertical(id="visits-pane"):
                yield Static(t("home.visits"), classes="pane-title")
                yield SafeTable(id="visits", cursor_type="row", zebra_stripes=True)
            with Vertical(id="side-pane"):
                yield Static(t("home.commitments_title"), classes="pane-title")
                yield Static("", id="commitment-counts")
                yield Static("", id="kept-rate")
                yield Static("", id="due-soon")
                yield Static(t("home.customers"), classes="pane-title")
                yield SafeTable(id="customers", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("home.subtitle")
        visits = self.query_one("#visits", DataTable)
        visits.add_columns(t("home.col.date"), t("home.col.customer"), t("home.col.status"),
                           t("home.col.purpose"))  # fmt: skip
        customers = self.query_one("#customers", DataTable)
        customers.add_columns(t("home.col.customer"), t("home.col.visits"))
        if (prefetched := self.iapp.take_prefetched("home")) is not None:
            self.show(prefetched)  # read while Textual was loading: the first paint has data
            self.first_read_started = True  # no second read of the same data

    def on_screen_resume(self) -> None:
        """Shown again after another screen: read (the first showing is read on mount)."""
        if not self._resumed_once:
            self._resumed_once = True
            return
        self.reload_after_saves()

    @on(DataChanged)
    def _reload_on_change(self) -> None:
        self.reload()

    def fetch(self) -> HomeData:
        return read_home(self.iapp.store, self.iapp.today(), archived=self.show_archived)

    def show(self, data: HomeData) -> None:
        today = self.iapp.today().isoformat()
        visits = self.query_one("#visits", SafeTable)
        selected = self._selected_key(visits)
        visits.clear()
        for row in data.visits:
            when = row["date"][:16].replace("T", " ")
            mark = "▶ " if row["date"] >= today else "  "
            visits.add_row(mark + when, row["customer"], t(f"status.{row['status']}"),
                           row["purpose"] or "", key=str(row["id"]))  # fmt: skip
        visits.measure()
        if selected is not None and str(selected) in visits.rows:
            visits.move_cursor(row=visits.get_row_index(str(selected)))
        customers = self.query_one("#customers", SafeTable)
        customers.clear()
        for row in data.customers:
            customers.add_row(row["name"], str(row["visits"]), key=str(row["id"]))
        customers.measure()
        counts = t("home.counts", open=data.open_commitments, overdue=data.overdue_commitments)
        counts_widget = self.query_one("#commitment-counts", Static)
        counts_widget.update(counts)
        counts_widget.set_class(data.overdue_commitments > 0, "overdue")
        self.query_one("#kept-rate", Static).update(kept_line(data.kept))
        self.query_one("#due-soon", Static).update(self._due_text(data))
        self.sub_title = t("home.subtitle_archived" if self.show_archived else "home.subtitle")
        if not data.visits and not self.show_archived:
            self.notify(t("home.empty"), timeout=8)

    def _due_text(self, data: HomeData) -> Text:
        """Overdue and due this week, ours and theirs, then the first few of them."""
        due = data.due
        text = Text(no_wrap=True, overflow="ellipsis")
        for key, counts, style in (("home.due_overdue", due.overdue, "bold red"),
                                   ("home.due_week", due.due, "")):  # fmt: skip
            line = t(key, ours=counts.get("us", 0), theirs=counts.get("customer", 0))
            text.append(line + "\n", style=style if sum(counts.values()) else "dim")
        today = self.iapp.today()
        for line in due.first:
            mark = "!" if line.due < today else "·"
            side = t("home.due_ours" if line.ours else "home.due_theirs")
            text.append(f"{mark} {line.due:%m-%d} {side} ", style="red" if mark == "!" else "")
            text.append(literal(f"{line.customer}: {line.text}", one_line=True))
            text.append("\n")
        return text

    @staticmethod
    def _selected_key(table: DataTable) -> str | None:
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def selected_visit_id(self) -> int | None:
        key = self._selected_key(self.query_one("#visits", DataTable))
        return int(key) if key is not None else None

    def selected_customer_id(self) -> int | None:
        key = self._selected_key(self.query_one("#customers", DataTable))
        return int(key) if key is not None else None

    # -- actions ------------------------------------------------------------------------

    _ROUTE_OF_ACTION = {
        "new_visit": "visit_form", "new_customer": "customer",
        "edit_customer": "customer", "live": "live", "rehearse": "rehearse",
        "commitments": "commitments", "requirements": "requirements", "search": "search",
        "matrix": "matrix", "export": "export", "timeline": "timeline",
    }  # fmt: skip

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys for screens that are not part of this build are not offered."""
        route = self._ROUTE_OF_ACTION.get(action)
        return route is None or available(route)

    def _with_visit(self, route: str) -> None:
        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.notify(t("home.no_visit"), severity="warning")
            return
        self.iapp.show(route, visit_id=visit_id)

    @on(DataTable.RowSelected, "#visits")
    def action_open_visit(self) -> None:
        self._with_visit("plan" if available("plan") else "live")

    @on(DataTable.RowSelected, "#customers")
    def action_edit_customer(self) -> None:
        customer_id = self.selected_customer_id()
        if customer_id is not None and available("customer"):
            self.iapp.show("customer", customer_id=customer_id)

    def action_live(self) -> None:
        """Opening a planned visit live on another day than planned is confirmed first."""
        if (visit_id := self.selected_visit_id()) is not None:
            self.confirm_live(visit_id)
        else:
            self._with_visit("live")

    def action_rehearse(self) -> None:
        self._with_visit("rehearse")

    def action_new_visit(self) -> None:
        self.iapp.show("visit_form", customer_id=self.selected_customer_id())

    def action_new_customer(self) -> None:
        self.iapp.show("customer")

    def action_commitments(self) -> None:
        self.iapp.show("commitments")

    def action_requirements(self) -> None:
        self.iapp.show("requirements")

    def action_search(self) -> None:
        self.iapp.show("search")

    def action_matrix(self) -> None:
        self.iapp.show("matrix")

    def action_export(self) -> None:
        self._with_visit("export")

    def action_timeline(self) -> None:
        customer_id = self.selected_customer_id()
        if customer_id is not None:
            self.iapp.show("timeline", customer_id=customer_id)

    def action_reload(self) -> None:
        self.reload()
