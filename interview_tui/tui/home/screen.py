"""The home screen: where every session starts."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.cells import cell_len
from rich.console import Console, Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Static

from interview_tui.i18n import labelled, t
from interview_tui.services.commitments import kept_line
from interview_tui.services.home_data import HomeData, read_home, visit_timing
from interview_tui.tui.base import FirstFieldFocus
from interview_tui.tui.data import DataScreen
from interview_tui.tui.home.records import RecordActions
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.messages import DataChanged
from interview_tui.tui.routes import available
from interview_tui.tui.screen_keys import key_of
from interview_tui.tui.team_line import SHARED_MARK, TeamLine
from interview_tui.tui.text import CELL_LIMIT, SafeTable, literal
from interview_tui.tui.undo import UNDO_BINDING


class HomeScreen(RecordActions, DataScreen[HomeData]):
    """Upcoming visits first, then recent ones; the customers; what is still owed."""

    CSS_PATH = "home.tcss"
    _resumed_once = False
    #: the footer shows the first keys that fit: the visit's main actions come first
    BINDINGS = [
        Binding(
            "enter", "open_visit", "home.open", id="home.open", tooltip="home.open.help", show=False
        ),
        Binding(
            "n", "new_visit", "home.new_visit", id="home.new_visit", tooltip="home.new_visit.help"
        ),
        Binding("e", "edit", "home.edit", id="home.edit_customer", tooltip="home.edit.help"),
        Binding("r", "rehearse", "home.rehearse", id="home.rehearse", tooltip="home.rehearse.help"),
        Binding("l", "live", "home.live", id="home.live", tooltip="home.live.help"),
        Binding("s", "status", "home.status", id="home.status", tooltip="home.status.help"),
        Binding("x", "export", "home.export", id="home.export", tooltip="home.export.help"),
        Binding(
            "c",
            "new_customer",
            "home.new_customer",
            id="home.new_customer",
            tooltip="home.new_customer.help",
        ),
        Binding("t", "timeline", "home.timeline", id="home.timeline", tooltip="home.timeline.help"),
        Binding(
            "m",
            "commitments",
            "home.commitments",
            id="home.commitments",
            tooltip="home.commitments.help",
        ),
        Binding(
            "p",
            "requirements",
            "home.requirements",
            id="home.requirements",
            tooltip="home.requirements.help",
        ),
        Binding("slash", "search", "home.search", id="home.search", tooltip="home.search.help"),
        Binding("a", "matrix", "home.matrix", id="home.matrix", tooltip="home.matrix.help"),
        Binding("S", "share", "home.share", id="home.share", tooltip="home.share.help", show=False),
        Binding(
            "delete", "archive", "home.archive", id="home.archive", tooltip="home.archive.help"
        ),
        Binding(
            "h",
            "toggle_archived",
            "home.archived",
            id="home.archived",
            tooltip="home.archived.help",
            show=False,
        ),
        Binding(
            "ctrl+d",
            "delete_for_good",
            "home.delete",
            id="home.delete",
            tooltip="home.delete.help",
            show=False,
        ),
        UNDO_BINDING,
        Binding(
            "ctrl+r",
            "reload",
            "home.reload",
            id="home.reload",
            tooltip="home.reload.help",
            show=False,
        ),
    ]
    UNDO_SCOPE = "home"
    show_archived = False
    #: what the pane titles show now: (a visit is shared, the list with the keys)
    _titles_shown: tuple[bool, str | None] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-body"):
            with Vertical(id="visits-pane"):
                yield Static(
                    _pane_title(t("home.visits"), False), classes="pane-title", id="visits-title"
                )
                yield SafeTable(id="visits", cursor_type="row", zebra_stripes=True, cell_padding=0)
                yield Static(t("home.empty"), id="home-empty")
                yield Static("", id="visits-more")
            with Vertical(id="side-pane"):
                yield Static(_pane_title(t("home.commitments_title"), False), classes="pane-title")
                yield Static("", id="commitment-counts")
                yield Static("", id="kept-rate")
                yield Static("", id="due-counts")  # wraps: its figures are never cut off
                yield Static("", id="due-soon")
                yield Static(
                    _pane_title(t("home.customers"), False),
                    classes="pane-title",
                    id="customers-title",
                )
                yield SafeTable(id="customers", cursor_type="row")
        yield TeamLine()
        yield KeyBar()

    def _legend(self, shared: bool = False) -> Text:
        """The pane title, with what each mark of the first column means (and the shared
        mark, when a visit has it); marked when the visit list has the keys."""
        text = _pane_title(t("home.visits"), self._focused_list() == "visits")
        for timing in ("today", "upcoming", "overdue"):
            mark, style = _MARKS[timing]
            text.append("  ")
            text.append(mark, style=style)
            text.append(" " + t(f"home.when.{timing}"), style="not bold")
        if shared:
            text.append("  " + SHARED_MARK, style="bold")
            text.append(" " + t("share.mark"), style="not bold")
        return text

    def on_mount(self) -> None:
        self.sub_title = t("home.subtitle")
        self._data: HomeData | None = None
        self._purpose_width = self._side_name_width = 0
        #: the visit form opened with ``n``: its new visit is selected once saved
        self._new_visit_form: Any = None
        visits = self.query_one("#visits", DataTable)
        visits.add_column("", key="mark")  # one space between columns: room for the purpose
        visits.add_columns(
            *(" " + t(f"home.col.{name}") for name in ("date", "customer", "status", "purpose"))
        )
        customers = self.query_one("#customers", DataTable)
        customers.add_columns(t("home.col.customer"), t("home.col.visits"))
        # read while Textual was loading: shown in the first paint when it is done, else
        # waited for in a worker (DataScreen.on_mount, after this), never here
        self._prefetched = self.iapp.take_prefetched("home") or self._prefetched

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

    def on_resize(self) -> None:
        """The purpose column takes the room left: drawn again when that changes."""
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        if self._data is None:
            return
        if (self._purpose_room(), self._side_name_room()) != (
            self._purpose_width,
            self._side_name_width,
        ):
            self.show(self._data)

    def _side_name_room(self) -> int:
        """Cells for a customer's name in the side list: what its pane leaves beside the
        visit counts (names that begin alike, Synthetic Account 0001 and 0002, differ at
        their end), at least :data:`_SIDE_NAME_WIDTH`."""
        table = self.query_one("#customers", DataTable)
        width = table.size.width or max(24, min(44, self.app.size.width * 3 // 10)) - 1
        counts = max(
            [cell_len(t("home.col.visits"))]
            + [len(f"{row['visits']:,}") for row in (self._data.customers if self._data else ())]
        )
        return max(_SIDE_NAME_WIDTH, width - (counts + 2) - 2 - 2)  # paddings, the scrollbar

    def _purpose_room(self) -> int:
        """Cells left for the purpose after the other columns (and the scrollbar)."""
        table = self.query_one("#visits", DataTable)
        width = table.size.width or self.app.size.width * 7 // 10
        shared = any(row.get("shared_at") for row in (self._data.visits if self._data else ()))
        others = 2 + _DATE_WIDTH + self._customer_width() + _status_width(shared) + 3  # spaces
        return max(_PURPOSE_MIN, width - others - 1 - 2)  # its space, the scrollbar

    def _customer_width(self) -> int:
        """The longest customer name, up to a quarter of the table (at least 14 cells)."""
        table = self.query_one("#visits", DataTable)
        width = table.size.width or self.app.size.width * 7 // 10
        longest = max(
            (cell_len(row["customer"]) for row in (self._data.visits if self._data else ())),
            default=_CUSTOMER_WIDTH,
        )
        return max(_CUSTOMER_WIDTH, min(longest, width // 4))

    def show(self, data: HomeData) -> None:
        self._data = data
        today = self.iapp.today()
        visits = self.query_one("#visits", SafeTable)
        selected = self._selected_key(visits)
        new_visit = False
        if (form := self._new_visit_form) is not None and form.visit_id is not None:
            selected, self._new_visit_form, new_visit = str(form.visit_id), None, True
        self._visit_customer = {str(row["id"]): row["customer_id"] for row in data.visits}
        self._purpose_width = room = self._purpose_room()
        customer_width = self._customer_width()
        visits.clear()
        for row in data.visits:
            timing = visit_timing(row["date"], row["status"], today)
            mark, style = _MARKS[timing]
            purpose, height = _wrapped(row["purpose"] or "", room)
            visits.add_row(
                Text(" " + mark, style=style),
                _when(row["date"], today, timing),
                _cut(row["customer"], customer_width),
                _status(row),
                purpose,
                height=height,
                key=str(row["id"]),
            )
        visits.measure()
        if selected is not None and str(selected) in visits.rows:
            visits.move_cursor(row=visits.get_row_index(str(selected)))
        customers = self.query_one("#customers", SafeTable)
        customers.clear()
        self._side_name_width = name_width = self._side_name_room()
        for row in data.customers:
            customers.add_row(
                _cut(row["name"], name_width)[1:], f"{row['visits']:,}", key=str(row["id"])
            )
        customers.measure()
        counts = t("home.counts", open=data.open_commitments, overdue=data.overdue_commitments)
        # the LATE ones of the list: rescheduled after the first due date, so not overdue
        # now, late all the same (the counters count every open one past its first date)
        late = max(sum(data.due.late.values()) - data.overdue_commitments, 0)
        if late:
            counts += " · " + t("home.counts_late", late=late)
        counts_widget = self.query_one("#commitment-counts", Static)
        counts_widget.update(counts)
        counts_widget.set_class(data.overdue_commitments > 0 or late > 0, "overdue")
        self.query_one("#kept-rate", Static).update(kept_line(data.kept))
        self.query_one("#due-counts", Static).update(self._due_counts(data))
        self.query_one("#due-soon", Static).update(self._due_text(data))
        self.sub_title = t("home.subtitle_archived" if self.show_archived else "home.subtitle")
        empty = not data.visits and not self.show_archived
        self.query_one("#home-empty", Static).display = empty  # one message, in the screen
        visits.display = not empty
        more = self.query_one("#visits-more", Static)
        more.display = data.visits_total > len(data.visits)  # the list is cut: says so
        if more.display:
            more.update(
                t("home.more_visits", shown=len(data.visits), total=f"{data.visits_total:,}")
            )
        if new_visit and visits.display:  # enter opens the visit just planned
            visits.focus()
        # shown while the screen is mounted (the read was done): the first focus now, not
        # after (FirstFieldFocus.on_mount runs after DataScreen's), so that the titles of the
        # first paint say which list has it
        FirstFieldFocus.on_mount(self)
        self._mark_focused_list()

    def _focused_list(self) -> str | None:
        focused = self.focused
        return focused.id if focused is not None and focused.id in _LISTS else None

    def on_descendant_focus(self) -> None:
        self._mark_focused_list()

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self._mark_focused_list)

    def _mark_focused_list(self) -> None:
        """The list that has the keys says so in its title (a mark and its colours, so
        not only by colour): enter, e and the visit keys act there.

        Called from :meth:`show` while the screen is being mounted too, so that the first
        paint has the titles as they stay (Textual focuses the first list as it composes
        the screen); a title is updated only when it changes (each update lays out and
        draws the whole screen again)."""
        if not self.is_attached:  # closed meanwhile (this may run after a refresh)
            return
        shared = any(row.get("shared_at") for row in (self._data.visits if self._data else ()))
        focused = self._focused_list()
        if self._titles_shown == (shared, focused):
            return
        self._titles_shown = (shared, focused)
        self.query_one("#visits-title", Static).update(self._legend(shared))
        title = _pane_title(t("home.customers"), focused == "customers")
        self.query_one("#customers-title", Static).update(title)

    @staticmethod
    def _due_counts(data: HomeData) -> Text:
        """Overdue and due this week, ours and theirs: wrapped in a narrow pane, never cut
        (at 80 columns "Overdue: ours 2 · th…" hid the customer's count)."""
        due, text = data.due, Text(end="")
        for number, (key, counts, style) in enumerate(
            (("home.due_overdue", due.overdue, "bold red"), ("home.due_week", due.due, ""))
        ):
            summary = t(key, ours=counts.get("us", 0), theirs=counts.get("customer", 0))
            text.append(
                ("\n" if number else "") + summary, style=style if sum(counts.values()) else "dim"
            )
        return text

    def _due_text(self, data: HomeData) -> Text:
        """The first few promises overdue or due this week, one line each."""
        due = data.due
        text = Text(no_wrap=True, overflow="ellipsis")
        today = self.iapp.today()
        for line in due.first:
            # overdue now (!), or LATE as the list says: rescheduled after its first due date
            mark = "!" if line.due < today else "⚠" if line.days_late else "·"
            side = t("home.due_ours" if line.ours else "home.due_theirs")
            text.append(f"{mark} {line.due:%m-%d} {side} ", style="red" if mark != "·" else "")
            if mark == "⚠":
                text.append(t("home.due_late", days=line.days_late) + " ", style="bold red")
            text.append(literal(labelled(line.customer, line.text), one_line=True))
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

    def on_customers_row(self) -> bool:
        """Whether the keys act on the customer list (it has focus) rather than the visits."""
        return self.focused is not None and self.focused.id == "customers"

    def focused_customer_id(self) -> int | None:
        """The customer of the focused row: the selected customer, or the visit's customer."""
        if self.on_customers_row():
            return self.selected_customer_id()
        key = self._selected_key(self.query_one("#visits", DataTable))
        return getattr(self, "_visit_customer", {}).get(key) if key is not None else None

    # -- actions ------------------------------------------------------------------------

    _ROUTE_OF_ACTION = {
        "new_visit": "visit_form",
        "new_customer": "customer",
        "edit_customer": "customer",
        "edit": "customer",
        "live": "live",
        "rehearse": "rehearse",
        "commitments": "commitments",
        "requirements": "requirements",
        "search": "search",
        "matrix": "matrix",
        "export": "export",
        "timeline": "timeline",
    }

    #: keys that act on a visit only: dimmed while the customer list has focus
    _VISIT_ACTIONS = frozenset({"rehearse", "live", "status", "export"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys for screens that are not part of this build are not offered; a visit's keys
        are shown dimmed, and do nothing, while the customer list has focus."""
        route = self._ROUTE_OF_ACTION.get(action)
        if route is not None and not available(route):
            return False
        if action in self._VISIT_ACTIONS and self.on_customers_row():
            return None
        return True

    def say_no_visit(self) -> None:
        """A visit key with no visit selected: with no visits at all, the message already
        in the screen says what to do (it is lit up, not repeated as a toast)."""
        empty = self.query_one("#home-empty", Static)
        if not empty.display:
            self.notify(t("home.no_visit"), severity="warning")
            return
        empty.add_class("-nudge")
        self.set_timer(1.5, lambda: empty.remove_class("-nudge"))

    def _with_visit(self, route: str) -> None:
        """Open ``route`` on the selected visit; on the customer list, say to pick one."""
        visit_id = None if self.on_customers_row() else self.selected_visit_id()
        if visit_id is None:
            self.say_no_visit()
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

    def action_edit(self) -> None:
        """``e``: edit the visit on a visit row, the customer on a customer row."""
        if self.on_customers_row():
            self.action_edit_customer()
        elif (visit_id := self.selected_visit_id()) is not None:
            self.iapp.show("visit_form", visit_id=visit_id)
        else:
            self.say_no_visit()

    def action_live(self) -> None:
        """Opening a planned visit live on another day than planned is confirmed first."""
        if not self.on_customers_row() and (visit_id := self.selected_visit_id()) is not None:
            self.confirm_live(visit_id)
        else:
            self._with_visit("live")

    def action_rehearse(self) -> None:
        self._with_visit("rehearse")

    def action_new_visit(self) -> None:
        """A new visit for the customer of the focused row; selected here once saved."""
        self._new_visit_form = self.iapp.show("visit_form", customer_id=self.focused_customer_id())

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
        """The timeline of the focused row's customer (a visit row: that visit's customer)."""
        customer_id = self.focused_customer_id()
        if customer_id is not None:
            self.iapp.show("timeline", customer_id=customer_id)

    def action_reload(self) -> None:
        self.reload()

    def action_share(self) -> None:
        """Share the selected visit with the team: the dialog says first what leaves this
        laptop and what stays; sharing goes through the writer."""
        from interview_tui.team.actions import share_summary
        from interview_tui.team.config import team_config

        visit_id = None if self.on_customers_row() else self.selected_visit_id()
        if visit_id is None:
            self.say_no_visit()
            return
        store = self.iapp.store
        self.read(
            lambda: (team_config(store), share_summary(store, visit_id)),
            self._share_dialog,
            asks=True,
        )

    def _share_dialog(self, found: tuple[Any, Any]) -> None:
        from interview_tui.tui.confirm import ConfirmDialog

        config, summary = found
        if config is None:
            self.notify(t("teamline.no_team"), severity="warning", timeout=10)
            return
        if summary.shared_at:
            self.notify(t("share.already", team=config.name, date=summary.shared_at), timeout=6)
            return
        body = t(
            "share.body",
            customer=summary.customer,
            date=summary.date,
            notes=summary.notes_shared,
            internal=summary.notes_internal,
            requirements=summary.requirements,
            commitments=summary.commitments,
            private=summary.notes_private,
            personal=summary.notes_personal,
        )
        dialog = ConfirmDialog(t("share.title", team=config.name), body, t("share.confirm"))

        def answered(yes: bool | None) -> None:
            if yes:
                self._share(summary.visit_id, config.name)
            else:  # enter on the focused Cancel, or esc: said, so it is never taken for shared
                said = t("share.not_shared", team=config.name, key=key_of(self, "home.share"))
                self.notify(said, timeout=6)

        self.app.push_screen(dialog, answered)

    def _share(self, visit_id: int, team: str) -> None:
        from interview_tui.team.actions import share_visit

        store, now = self.iapp.store, self.iapp.now()

        def done(_summary: Any) -> None:
            self.notify(t("share.done", team=team), timeout=6)
            self.reload()

        self.iapp.save(lambda: share_visit(store, visit_id, now), done)


#: the lists that take the keys (their titles show which has them)
_LISTS = ("visits", "customers")
#: before a pane's title: the list with the keys, or not
_FOCUS_MARK, _NO_MARK = "▶ ", "  "


def _pane_title(title: str, focused: bool) -> Text:
    """A pane's title after the mark of the list with the keys (or room for it)."""
    text = Text(_FOCUS_MARK if focused else _NO_MARK, end="")
    text.append(title, style="reverse" if focused else "")
    return text


#: the first column's mark and style for each :func:`visit_timing`
_MARKS = {
    "today": ("●", "bold green"),
    "upcoming": ("○", ""),
    "overdue": ("!", "bold red"),
    "past": (" ", ""),
}
_DATE_WIDTH = 11  # "11-29 15:00", or "2025-10-26" for another year
_CUSTOMER_WIDTH = 14  # the least the customer column gets
_CONSOLE = Console(width=200)
_SIDE_NAME_WIDTH = 12
_PURPOSE_MIN = 12


def _status_width(shared: bool = False) -> int:
    """The status column (and the shared mark after it when a visit is shared)."""
    widest = max(cell_len(t(f"status.{s}")) for s in ("planned", "rehearsed", "live", "done"))
    return widest + (2 if shared else 0)


def _status(row: dict[str, Any]) -> Text:
    """The visit's status, and the shared mark when the team has it."""
    text = Text(" " + t(f"status.{row['status']}"))
    if row.get("shared_at"):
        text.append(" " + SHARED_MARK, style="bold")
    return text


def _when(iso: str, today: date, timing: str) -> Text:
    """The visit's day and time, short: the year only when it is not this year's."""
    style = {"today": "bold", "overdue": "red", "past": "dim"}.get(timing, "")
    if iso[:4] == str(today.year):
        return Text(" " + iso[5:16].replace("T", " "), style=style)
    return Text(" " + iso[:10], style=style)


def _cut(text: str, width: int) -> Text:
    """One line of user text after a space, cut at ``width`` cells with an ellipsis."""
    cell = literal(text, one_line=True, limit=CELL_LIMIT)
    cell.truncate(width, overflow="ellipsis")
    return Text(" ") + cell


def _wrapped(text: str, width: int) -> tuple[Group | Text, int]:
    """The purpose in ``width`` cells after a space: two lines when one is not enough, an
    ellipsis at the end of the second when that is not enough either."""
    cell = literal(text, one_line=True, limit=CELL_LIMIT)
    if cell.cell_len <= width:
        return Text(" ") + cell, 1
    first = cell.wrap(_CONSOLE, width)[0]
    second = Text(cell.plain[len(first.plain) :].strip())
    second.truncate(width, overflow="ellipsis")
    first.rstrip()
    return Group(Text(" ") + first, Text(" ") + second), 2
