"""Every commitment across visits: overdue stand out; close, drop or move one with a note."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from interview_tui.domain.dates import DateParseError, parse_due
from interview_tui.domain.enums import CommitmentState
from interview_tui.i18n import t
from interview_tui.services.commitments import (
    CommitmentFilter,
    CommitmentRow,
    close,
    kept_on_time,
    list_commitments,
    reschedule,
)
from interview_tui.tui.base import BaseScreen
from interview_tui.tui.forms import FormDialog

_FILTERS = {
    "all": CommitmentFilter(),
    "open": CommitmentFilter(open_only=True),
    "overdue": CommitmentFilter(overdue_only=True),
    "week": CommitmentFilter(due_this_week=True),
}


class NoteDialog(FormDialog):
    """Close a commitment: one note (required when dropping)."""

    def __init__(self, title: str, required: bool) -> None:
        super().__init__()
        self.title_text, self.required = title, required

    def fields(self) -> ComposeResult:
        yield Label(t("commitments.note"))
        yield Input(compact=True, id="note")
        yield Static("", id="note-message", classes="hint error-message")

    def on_mount(self) -> None:
        self.query_one(".dialog-title", Static).update(self.title_text)
        super().on_mount()

    def result(self) -> dict[str, Any] | None:
        note = self.value("note").strip()
        if self.required and not note:
            self.query_one("#note-message", Static).update(t("dialog.required"))
            return None
        return {"note": note}


class DueDialog(FormDialog):
    """A new due date, parsed as it is typed, and the reason it moves."""

    def __init__(self, title: str, today: date) -> None:
        super().__init__()
        self.title_text, self.today = title, today

    def fields(self) -> ComposeResult:
        yield Label(t("commitments.new_due"))
        yield Input(compact=True, id="due")
        yield Static("", id="due-message", classes="hint")
        yield Label(t("commitments.reason"))
        yield Input(compact=True, id="reason")
        yield Static("", id="reason-message", classes="hint error-message")

    def on_mount(self) -> None:
        self.query_one(".dialog-title", Static).update(self.title_text)
        super().on_mount()

    def result(self) -> dict[str, Any] | None:
        message = self.query_one("#due-message", Static)
        try:
            due = parse_due(self.value("due"), self.today)
        except DateParseError as exc:
            message.update(str(exc))
            message.set_class(True, "error-message")
            self.query_one("#due", Input).focus()
            return None
        message.update(t("commitment.due_ok", date=due.isoformat()))
        if not self.value("reason").strip():
            self.query_one("#reason-message", Static).update(t("dialog.required"))
            self.query_one("#reason", Input).focus()
            return None
        return {"due": due, "reason": self.value("reason")}


class CommitmentsScreen(BaseScreen):
    """All commitments; ``o``/``d``/``w``/``a`` filter, ``x``/``z``/``e`` act on one."""

    DEFAULT_CSS = """
    #kept, #filter { padding: 0 1; height: auto; }
    #kept { color: $text-accent; }
    #commitments-table { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding("o", "filter('open')", "commitments.open", id="commitments.open",
                tooltip="commitments.open.help"),
        Binding("d", "filter('overdue')", "commitments.overdue_key", id="commitments.overdue",
                tooltip="commitments.overdue_key.help"),
        Binding("w", "filter('week')", "commitments.week", id="commitments.week",
                tooltip="commitments.week.help"),
        Binding("a", "filter('all')", "commitments.all", id="commitments.all",
                tooltip="commitments.all.help"),
        Binding("c", "next_customer", "commitments.customer", id="commitments.customer",
                tooltip="commitments.customer.help"),
        Binding("u", "next_owner", "commitments.owner", id="commitments.owner",
                tooltip="commitments.owner.help"),
        Binding("x", "close('done')", "commitments.done", id="commitments.done",
                tooltip="commitments.done.help"),
        Binding("z", "close('dropped')", "commitments.drop", id="commitments.drop",
                tooltip="commitments.drop.help"),
        Binding("e", "due", "commitments.due", id="commitments.due",
                tooltip="commitments.due.help"),
    ]

    def __init__(self, filter: str = "open") -> None:
        super().__init__()
        self.filter_name = filter
        self.customer: str | None = None
        self.owner: str | None = None  # "us", "customer" or None for both
        self.rows: list[CommitmentRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="kept")
        yield Static("", id="filter")
        yield DataTable(id="commitments-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("commitments.subtitle")
        table = self.query_one(DataTable)
        table.add_columns(t("commitments.col.due"), t("commitments.col.customer"),
                          t("commitments.col.owner"), t("commitments.col.state"),
                          t("commitments.col.text"))  # fmt: skip
        self.load()

    def load(self) -> None:
        today = self.iapp.today()
        store = self.iapp.store
        overall, per_customer = kept_on_time(store, today)
        kept = (t("commitments.kept", rate=f"{overall.rate:.0%}", kept=overall.kept,
                  settled=overall.settled) if overall.rate is not None
                else t("commitments.kept_none"))  # fmt: skip
        details = [f"{name} {rate.rate:.0%}" for name, rate in per_customer.items()
                   if rate.rate is not None]  # fmt: skip
        self.query_one("#kept", Static).update(kept + ("  ·  " + " · ".join(details)
                                                         if details else ""))  # fmt: skip
        self.rows = [row for row in list_commitments(store, today, _FILTERS[self.filter_name])
                     if (self.customer is None or row.customer == self.customer)
                     and (self.owner is None or row.commitment.owner_side.value == self.owner)]
        label = t(f"commitments.filter.{self.filter_name}")
        if self.customer:
            label += f" · {self.customer}"
        if self.owner:
            label += f" · {t(f'owner.{self.owner}')}"
        self.query_one("#filter", Static).update(t("commitments.filter", filter=label))
        table = self.query_one(DataTable)
        table.clear()
        for row in self.rows:
            c = row.commitment
            overdue = row.is_overdue(today)
            style = "bold red" if overdue else ("dim" if c.state is not CommitmentState.OPEN
                                                 else "")  # fmt: skip
            state = t("commitments.overdue") if overdue else t(f"commitment.{c.state.value}")
            owner = f"{t(f'owner.{c.owner_side.value}')}: {c.owner_name or '—'}"
            cells = [c.due.isoformat() if c.due else "—", row.customer, owner, state, c.text]
            table.add_row(*(Text(cell, style=style) for cell in cells), key=str(c.id))
        if not self.rows:
            self.notify(t("commitments.none"), timeout=3)

    def selected(self) -> CommitmentRow | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def action_filter(self, name: str) -> None:
        self.filter_name = name
        self.load()

    def action_next_customer(self) -> None:
        names = sorted({row.customer for row in list_commitments(self.iapp.store,
                                                                 self.iapp.today())})
        order = [None, *names]
        self.customer = order[(order.index(self.customer) + 1) % len(order)]
        self.load()

    def action_next_owner(self) -> None:
        order = [None, "us", "customer"]
        self.owner = order[(order.index(self.owner) + 1) % len(order)]
        self.load()

    def action_close(self, state: str) -> None:
        row = self.selected()
        if row is None:
            return
        target = CommitmentState(state)

        def done(result: dict | None) -> None:
            if result is not None:
                close(self.iapp.store, row.commitment, target, result["note"], self.iapp.today())
                self.notify(t("commitments.saved"), timeout=2)
                self.load()

        title = t("commitments.close_title", text=row.commitment.text)
        self.app.push_screen(NoteDialog(title, required=target is CommitmentState.DROPPED),
                             done)  # fmt: skip

    def action_due(self) -> None:
        row = self.selected()
        if row is None:
            return

        def done(result: dict | None) -> None:
            if result is not None:
                reschedule(self.iapp.store, row.commitment, result["due"], result["reason"],
                           self.iapp.today())  # fmt: skip
                self.notify(t("commitments.saved"), timeout=2)
                self.load()

        title = t("commitments.due_title", text=row.commitment.text)
        self.app.push_screen(DueDialog(title, self.iapp.today()), done)

    def action_back(self) -> None:
        self.dismiss()
