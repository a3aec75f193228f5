"""Every commitment across visits: overdue stand out; close, drop or move one with a note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Label, Static

from interview_tui.domain.dates import (
    DateParseError,
    due_hint,
    examples,
    parse_due,
    past_due_warning,
)
from interview_tui.domain.enums import CommitmentState, OwnerSide
from interview_tui.domain.models import Commitment
from interview_tui.domain.names import display, display_of
from interview_tui.domain.owners import colleague_wrote_self, owner_shown
from interview_tui.i18n import labelled, t
from interview_tui.services.commitment_detail import reopen
from interview_tui.services.commitments import (
    ME,
    CommitmentFilter,
    CommitmentRow,
    KeptOnTime,
    KeptRate,
    close,
    commitment_row,
    count_commitments,
    customers_with_commitments,
    kept_line,
    kept_on_time,
    kept_per_customer,
    kept_per_member,
    late_note,
    late_short,
    list_commitments,
    members,
    percent,
    reschedule,
    state_label,
)
from interview_tui.services.list_text import conflict_mark
from interview_tui.services.undo import recorded
from interview_tui.team.actions import member_names
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
from interview_tui.tui.row_strip import RowStrip
from interview_tui.tui.team_line import TeamLine
from interview_tui.tui.text import Fitted, SafeTable, literal
from interview_tui.tui.undo import UNDO_BINDING, UndoMixin

#: rows read per page (more than fit at 36 lines); more are read as the cursor nears the end
PAGE_SIZE = 40

_FILTERS = {
    "all": CommitmentFilter(),
    "open": CommitmentFilter(open_only=True),
    "overdue": CommitmentFilter(overdue_only=True),
    "late": CommitmentFilter(late_only=True),
    "week": CommitmentFilter(due_this_week=True),
}


class NoteDialog(FormDialog):
    """Close a commitment: one note (required when dropping)."""

    ASK_BEFORE_DISCARD = True

    def __init__(self, title: str, required: bool, draft: str = "") -> None:
        super().__init__()
        self.title_text, self.required, self.draft = title, required, draft

    def fields(self) -> ComposeResult:
        yield Label(t("commitments.drop_reason" if self.required else "commitments.note"))
        yield Input(self.draft, compact=True, id="note")
        yield Static("", id="note-message", classes="hint error-message")

    def on_mount(self) -> None:
        self.query_one(".dialog-title", Static).update(literal(self.title_text))
        super().on_mount()

    def result(self) -> dict[str, Any] | None:
        note = self.value("note").strip()
        if self.required and not note:
            self.query_one("#note-message", Static).update(t("dialog.required"))
            return None
        return {"note": note}


class DueDialog(FormDialog):
    """A new due date, parsed as it is typed, and the reason it moves."""

    ASK_BEFORE_DISCARD = True

    def __init__(self, title: str, today: date) -> None:
        super().__init__()
        self.title_text, self.today = title, today

    def fields(self) -> ComposeResult:
        yield Label(t("commitments.new_due", **examples(self.today)))
        yield Input(compact=True, id="due")
        yield Static("", id="due-message", classes="hint")
        yield Label(t("commitments.reason"))
        yield Input(compact=True, id="reason")
        yield Static("", id="reason-message", classes="hint error-message")

    def on_mount(self) -> None:
        self.query_one(".dialog-title", Static).update(literal(self.title_text))
        super().on_mount()

    @on(Input.Changed, "#due")
    def _check_due(self, event: Input.Changed) -> None:
        """The date meant, as it is typed (and a warning when it is already past)."""
        message = self.query_one("#due-message", Static)
        try:
            due = parse_due(event.value, self.today)
        except DateParseError:
            message.update("")
            return
        message.update(due_hint(due, self.today))
        message.set_class(False, "error-message")

    def result(self) -> dict[str, Any] | None:
        message = self.query_one("#due-message", Static)
        try:
            due = parse_due(self.value("due"), self.today)
        except DateParseError as exc:
            message.update(str(exc))
            message.set_class(True, "error-message")
            self.query_one("#due", Input).focus()
            return None
        message.update(due_hint(due, self.today))
        if not self.value("reason").strip():
            self.query_one("#reason-message", Static).update(t("dialog.required"))
            self.query_one("#reason", Input).focus()
            return None
        return {"due": due, "reason": self.value("reason")}


@dataclass(frozen=True, slots=True)
class CommitmentsData:
    """One page of the current filter, its total, and the overall kept-on-time rates (the
    per-customer rates and the list of customers are read when ``k`` or ``c`` asks)."""

    rows: list[CommitmentRow]
    total: int
    kept: KeptOnTime
    #: whether any commitment exists at all (read only when the filter finds none)
    any_at_all: bool = True


def _cells(
    row: CommitmentRow, today: date, me: str, who: Callable[[str], str]
) -> list[Text | Fitted]:
    """One row's cells; ``me`` and ``who`` name a colleague who promised as ``我`` / ``me``."""
    c = row.commitment
    late = c.is_late(today)
    style = (
        "bold red"
        if c.is_overdue(today)
        else "red"
        if late
        else "dim"
        if c.state is not CommitmentState.OPEN
        else ""
    )
    state = state_label(c, today)
    name = owner_shown(c.owner_side, c.owner_name, c.author, me, who)
    owner = labelled(display(c.owner_side), name or "—")
    cells = [c.due.isoformat() if c.due else "—", row.customer, owner]
    shown: list[Text | Fitted] = [literal(cell, style, one_line=True) for cell in cells]
    if late:  # a mark, how late and the first due date, however often it moved since
        shown.append(
            Fitted(
                literal(f"{state} · {late_note(c, today)}", style, one_line=True),
                literal(f"{state} · {late_short(c, today)}", style, one_line=True),
            )
        )
    else:
        shown.append(literal(state, style, one_line=True))
    shown.append(marked(row.conflicts, literal(c.text, style, one_line=True)))
    return shown


def _rate(rate: KeptRate) -> str:
    return percent(rate)


class CommitmentsScreen(TextFilterMixin, UndoMixin, DataScreen[CommitmentsData]):
    """All commitments; ``o``/``d``/``w``/``a`` filter, ``x``/``z``/``e``/``r`` act on one,
    ``enter`` opens it to edit, ``ctrl+z`` takes the last change back."""

    UNDO_SCOPE = "commitments"
    PREFETCH = True

    DEFAULT_CSS = """
    #kept, #filter { padding: 0 1; height: auto; }
    #kept { color: $text-accent; }
    #commitments-table, #rates { height: 1fr; }
    #rates { display: none; }
    CommitmentsScreen.-rates #rates { display: block; }
    CommitmentsScreen.-rates #commitments-table, CommitmentsScreen.-rates #commitment-text {
        display: none;
    }
    CommitmentsScreen.-rates #commitments-empty { display: none; }
    """
    BINDINGS = [
        Binding(
            "x",
            "close('done')",
            "commitments.done",
            id="commitments.done",
            tooltip="commitments.done.help",
        ),
        Binding(
            "z",
            "close('dropped')",
            "commitments.drop",
            id="commitments.drop",
            tooltip="commitments.drop.help",
        ),
        Binding(
            "e", "due", "commitments.due", id="commitments.due", tooltip="commitments.due.help"
        ),
        Binding(
            "r",
            "reopen",
            "commitments.reopen",
            id="commitments.reopen",
            tooltip="commitments.reopen.help",
        ),
        UNDO_BINDING,
        Binding(
            "o",
            "filter('open')",
            "commitments.open",
            id="commitments.open",
            tooltip="commitments.open.help",
        ),
        Binding(
            "d",
            "filter('overdue')",
            "commitments.overdue_key",
            id="commitments.overdue",
            tooltip="commitments.overdue_key.help",
        ),
        Binding(
            "w",
            "filter('week')",
            "commitments.week",
            id="commitments.week",
            tooltip="commitments.week.help",
        ),
        Binding(
            "a",
            "filter('all')",
            "commitments.all",
            id="commitments.all",
            tooltip="commitments.all.help",
        ),
        Binding(
            "c",
            "next_customer",
            "commitments.customer",
            id="commitments.customer",
            tooltip="commitments.customer.help",
        ),
        Binding(
            "u",
            "next_owner",
            "commitments.owner",
            id="commitments.owner",
            tooltip="commitments.owner.help",
        ),
        Binding(
            "percent_sign",
            "rates",
            "commitments.rates",
            id="commitments.rates",
            tooltip="commitments.rates.help",
        ),
        Binding(
            "enter",
            "open",
            "commitments.open_one",
            id="commitments.open_one",
            tooltip="commitments.open_one.help",
        ),
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        # every promise that was late: on the bar after the way back (wide terminals show
        # it; at 80 columns the bar keeps the main actions and esc, and f1 lists it)
        Binding(
            "l",
            "filter('late')",
            "commitments.late_key",
            id="commitments.late",
            tooltip="commitments.late_key.help",
        ),
        FILTER_BINDING,
        # after esc: at 80 columns the key bar has no room left for it (f1 lists it)
        Binding(
            "m",
            "next_member",
            "commitments.member",
            id="commitments.member",
            tooltip="commitments.member.help",
        ),
    ]

    def __init__(self, filter: str = "open") -> None:
        super().__init__()
        self.filter_name = filter
        self.customer: tuple[int, str] | None = None
        self.owner: str | None = None  # "us", "customer" or None for both
        self.customers: list[tuple[int, str]] | None = None  # read on the first ``c``
        self.per_customer: dict[str, KeptRate] | None = None  # read when ``k`` shows them
        #: whose promises: None for everyone's, ME, or a colleague's e-mail
        self.member: str | None = None
        self.members: list[str] | None = None  # colleagues, read on the first ``m``
        self.names: dict[str, str] = {}  # each member's e-mail -> the name colleagues see
        self.by_key: dict[str, CommitmentRow] = {}

    @property
    def rows(self) -> list[CommitmentRow]:
        """The rows shown, in order."""
        return list(self.by_key.values())

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="kept")
        yield Static("", id="filter")
        yield EmptyNote(id="commitments-empty")
        yield PagedTable(id="commitments-table", cursor_type="row", zebra_stripes=True)
        yield SafeTable(id="rates", cursor_type="row", zebra_stripes=True)
        yield RowStrip(id="commitment-text")
        yield FilterInput()
        yield TeamLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("commitments.subtitle")
        table = self.query_one(PagedTable)
        # what was promised matters most: when narrow, state, owner, customer give way first;
        # the state keeps how many days late (the late note in full is in the line below)
        marks = (t("commitments.overdue"), t("commitments.late"), display(CommitmentState.DONE))
        late = max(map(cell_len, marks)) + cell_len(" · " + t("commitments.late_short", days=999))
        table.main_column, table.give_way = 4, ((3, late), (2, 9), (1, 9))
        table.add_columns(
            t("commitments.col.due"),
            t("commitments.col.customer"),
            t("commitments.col.owner"),
            t("commitments.col.state"),
            t("commitments.col.text"),
        )
        self.query_one("#rates", SafeTable).add_columns(
            t("commitments.col.customer"),
            t("commitments.rates.kept"),
            t("commitments.rates.settled"),
            t("commitments.rates.rate"),
        )
        super().on_mount()
        store = self.iapp.store
        self.read(lambda: member_names(store), self._names_read)

    def _names_read(self, names: dict[str, str]) -> None:
        """Colleagues' names arrived: the lines that name them are drawn again (the list's
        data is the same, so nothing is read again but shown rates)."""
        self.names = names
        if names:
            table = self.query_one(PagedTable)
            me = self.iapp.store.member
            for key, row in self.by_key.items():  # a colleague's 我 / me: their name now
                c = row.commitment
                if colleague_wrote_self(c.owner_side, c.owner_name, c.author, me):
                    self._redraw(table, key, row)
            self._show_filter()
            self._show_row_text()
            if self.has_class("-rates"):
                self._read_rates()

    def _cells(self, row: CommitmentRow, today: date) -> list[Text | Fitted]:
        return _cells(row, today, self.iapp.store.member, self._short_who)

    def _short_who(self, member: str) -> str:
        """A colleague in a narrow column: the name, or the e-mail's part before the ``@``
        while no name is known (the line under the list gives the whole e-mail)."""
        name = self._who(member)
        return name.split("@", 1)[0] if name == member else name

    def _redraw(self, table: PagedTable, key: str, row: CommitmentRow) -> None:
        """Draw one row again, in place."""
        cells = self._cells(row, self.iapp.today())
        for column, value in zip(table.columns, cells, strict=True):
            table.update_cell(key, column, value)

    def _who(self, member: str) -> str:
        """A colleague as the team knows them: the name, or the e-mail before one is known."""
        return self.names.get(member) or member

    # -- reading ---------------------------------------------------------------------------

    def _filter(self) -> CommitmentFilter:
        return replace(
            _FILTERS[self.filter_name],
            customer_id=self.customer[0] if self.customer else None,
            owner=self.owner or "",
            member=self.member or "",
            me=self.iapp.store.member,
            text=self.filter_text,
        )

    def fetch(self) -> CommitmentsData:
        store, today, filters = self.iapp.store, self.iapp.today(), self._filter()
        total = count_commitments(store, today, filters)
        any_at_all = bool(total) or bool(count_commitments(store, today, CommitmentFilter()))
        return CommitmentsData(
            list_commitments(store, today, filters, limit=PAGE_SIZE),
            total,
            kept_on_time(store, today, per_customer=False),
            any_at_all,
        )

    def show(self, data: CommitmentsData) -> None:
        self._show_kept(data.kept)
        self._show_filter()
        self.query_one("#commitments-empty", EmptyNote).say(
            None
            if data.total
            else self.no_match() or t("commitments.none")
            if data.any_at_all
            else t("commitments.empty")
        )
        table = self.query_one(PagedTable)
        table.reset(data.total)
        self.by_key.clear()
        self._add(data.rows)

    def _show_filter(self) -> None:
        """The line that says which commitments are shown."""
        label = t(f"commitments.filter.{self.filter_name}")
        if self.customer:
            label += f" · {self.customer[1]}"
        if self.owner:
            label += f" · {display_of(OwnerSide, self.owner)}"
        if self.member:
            label += " · " + (
                t("commitments.mine")
                if self.member == ME
                else t("commitments.by_member", member=self._who(self.member))
            )
        self.query_one("#filter", Static).update(literal(t("commitments.filter", filter=label)))

    def _read_rates(self) -> None:
        """Read the per-customer rates (shown by ``k``; read again after a change)."""
        store, today = self.iapp.store, self.iapp.today()
        self.read(
            lambda: (kept_per_customer(store, today), kept_per_member(store, today)),
            self._fill_rates,
        )

    def _fill_rates(self, rates_read: tuple[dict[str, KeptRate], dict[str, KeptRate]]) -> None:
        """Each customer's rate, then (in a team) each member's, by name: never ranked."""
        per_customer, per_member = rates_read
        self.per_customer = per_customer
        rates = self.query_one("#rates", SafeTable)
        rates.clear()
        for name, rate in per_customer.items():
            rates.add_row(name, str(rate.kept), str(rate.due), _rate(rate))
        if set(per_member) - {""}:  # before a team every promise is this laptop's
            for who, rate in per_member.items():
                rates.add_row(
                    t("commitments.rates.member", member=self._who(who))
                    if who
                    else t("commitments.rates.mine"),
                    str(rate.kept),
                    str(rate.due),
                    _rate(rate),
                )
        rates.measure()

    def _show_kept(self, kept: KeptOnTime) -> None:
        self.query_one("#kept", Static).update(kept_line(kept))

    def _add(self, rows: list[CommitmentRow]) -> None:
        today = self.iapp.today()
        self.by_key.update((str(row.commitment.id), row) for row in rows)
        self.query_one(PagedTable).add_page(
            [(str(row.commitment.id), self._cells(row, today)) for row in rows]
        )
        self._show_row_text()

    @on(PagedTable.RowHighlighted, "#commitments-table")
    def _show_row_text(self) -> None:
        """The highlighted commitment in full under the list (its column is cut when narrow)."""
        row = self.selected()
        mark = conflict_mark() + " " if row and row.conflicts else ""
        text = labelled(row.customer, f"{mark}{row.commitment.text}") if row else None
        if row and (late := late_note(row.commitment, self.iapp.today())):
            text = f"{text} · {late}"
        if row and row.commitment.author not in ("", self.iapp.store.member):
            who = self._who(row.commitment.author)
            text = f"{text} · " + t("commitments.written_by", member=who)
        self.query_one(RowStrip).show_text(text)

    @on(PagedTable.NeedMore)
    def _more(self, message: PagedTable.NeedMore) -> None:
        store, today, filters = self.iapp.store, self.iapp.today(), self._filter()
        self.read(
            lambda: list_commitments(store, today, filters, offset=message.offset, limit=PAGE_SIZE),
            self._add,
        )

    def selected(self) -> CommitmentRow | None:
        table = self.query_one(PagedTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key is None else self.by_key.get(key)

    # -- filters -----------------------------------------------------------------------------

    def action_filter(self, name: str) -> None:
        self.filter_name = name
        self.reload()

    def action_next_customer(self) -> None:
        if self.customers is None:  # the first time: read who has commitments, then move
            store = self.iapp.store
            self.read(lambda: customers_with_commitments(store), self._next_customer)
            return
        self._next_customer(self.customers)

    def _next_customer(self, customers: list[tuple[int, str]]) -> None:
        self.customers = customers
        order: list[tuple[int, str] | None] = [None, *customers]
        current = self.customer if self.customer in order else None
        self.customer = order[(order.index(current) + 1) % len(order)]
        self.reload()

    def action_next_owner(self) -> None:
        order = [None, "us", "customer"]
        self.owner = order[(order.index(self.owner) + 1) % len(order)]
        self.reload()

    def action_next_member(self) -> None:
        """Everyone's promises, mine, then each colleague's (by who made them)."""
        if self.members is None:
            store = self.iapp.store
            self.read(lambda: members(store), self._next_member)
            return
        self._next_member(self.members)

    def _next_member(self, colleagues: list[str]) -> None:
        self.members = colleagues
        order: list[str | None] = [None, ME, *colleagues]
        current = self.member if self.member in order else None
        self.member = order[(order.index(current) + 1) % len(order)]
        self.reload()

    def action_rates(self) -> None:
        self.toggle_class("-rates")
        if self.has_class("-rates") and self.per_customer is None:
            self._read_rates()
        shown = "#rates" if self.has_class("-rates") else "#commitments-table"
        self.query_one(shown).focus()

    # -- changing one ------------------------------------------------------------------------

    def _changed(self, result: tuple[CommitmentRow, KeptOnTime, Any], saved: bool = True) -> None:
        """Redraw the changed row in place, the text under the list and the rate above it;
        ``saved``: say so (an undo says what it undid itself)."""
        row, kept, undo = result
        if undo is not None:
            self.remember(undo)
        key = str(row.commitment.id)
        self._show_kept(kept)
        if self.per_customer is not None:  # the rates were read: read them again
            self._read_rates()
        if key in self.by_key:
            self.by_key[key] = row
            table = self.query_one(PagedTable)
            self._redraw(table, key, row)
            self._show_row_text()  # the row under the cursor may be this one
        if saved:
            self.notify(t("commitments.saved"), timeout=2)

    def _save(self, cid: int, change: Any, reopen: Any, label: str) -> None:
        """Save one change to commitment ``cid`` (kept for ctrl+z); ``reopen`` offers the
        dialog again when it fails."""
        store, today = self.iapp.store, self.iapp.today()

        def write() -> tuple[CommitmentRow, KeptOnTime, Any]:
            saved, undo = recorded(store, Commitment, cid, label, lambda: change(store, today))
            return (
                commitment_row(store, saved.id),
                kept_on_time(store, today, per_customer=False),
                undo,
            )

        self.iapp.save(write, self._changed, lambda _error: reopen())

    def undone(self, record: Any) -> None:
        store, today = self.iapp.store, self.iapp.today()
        self.read(
            lambda: (
                commitment_row(store, record.id),
                kept_on_time(store, today, per_customer=False),
                None,
            ),
            lambda result: self._changed(result, saved=False),
        )

    def action_reopen(self, draft: str = "") -> None:
        """A done or dropped commitment is open again (its closing stays in the history)."""
        row = self.selected()
        if row is None:
            return
        if row.commitment.state is CommitmentState.OPEN:
            self.notify(t("detail.com.already_open"), timeout=3)
            return

        def done(result: dict | None) -> None:
            if result is not None:
                self._save(
                    stored_id(row.commitment),
                    lambda store, today: reopen(
                        store, stored_id(row.commitment), result["note"], today
                    ),
                    lambda: self.action_reopen(result["note"]),
                    t("detail.com.reopened", text=row.commitment.text),
                )

        title = t("commitments.reopen_title", text=row.commitment.text)
        self.app.push_screen(NoteDialog(title, required=False, draft=draft), done)

    @on(PagedTable.RowSelected, "#commitments-table")
    def action_open(self) -> None:
        if (row := self.selected()) is not None:
            self._away = True
            self.iapp.show("commitment", commitment_id=row.commitment.id)

    _away = False

    def on_screen_resume(self) -> None:
        if self._away:  # back from a detail view: read what changed there
            self._away = False
            self.reload_after_saves()

    def action_close(self, state: str, draft: str = "") -> None:
        row = self.selected()
        if row is None:
            return
        target = CommitmentState(state)

        def done(result: dict | None) -> None:
            if result is not None:
                self._save(
                    stored_id(row.commitment),
                    lambda store, today: close(
                        store, row.commitment, target, result["note"], today
                    ),
                    lambda: self.action_close(state, result["note"]),
                    labelled(display(target), row.commitment.text),
                )

        dropping = target is CommitmentState.DROPPED
        title = t(
            "commitments.drop_title" if dropping else "commitments.done_title",
            text=row.commitment.text,
        )
        dialog = NoteDialog(title, required=dropping, draft=draft)
        self.app.push_screen(dialog, done)

    def action_due(self) -> None:
        row = self.selected()
        if row is None:
            return

        def done(result: dict | None) -> None:
            if result is not None:
                self._save(
                    stored_id(row.commitment),
                    lambda store, today: reschedule(
                        store, row.commitment, result["due"], result["reason"], today
                    ),
                    self.action_due,
                    t("commitments.due_moved", date=result["due"].isoformat()),
                )
                if warning := past_due_warning(result["due"], self.iapp.today()):
                    self.notify(warning, severity="warning", timeout=6)

        title = t("commitments.due_title", text=row.commitment.text)
        self.app.push_screen(DueDialog(title, self.iapp.today()), done)

    def focus_list(self) -> None:
        self.query_one("#rates" if self.has_class("-rates") else "#commitments-table").focus()

    def action_back(self) -> None:
        if not self.clear_filter():
            self.dismiss()
