"""One commitment: edit what was promised, by whom and by when (a new date needs a reason),
reopen it when it was done or dropped, and read the history of every change and why."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Label, Static

from interview_tui.domain.dates import DateParseError, due_hint, examples, parse_due
from interview_tui.domain.enums import CommitmentState, OwnerSide
from interview_tui.domain.models import Commitment
from interview_tui.domain.names import display
from interview_tui.domain.owners import colleague_wrote_self
from interview_tui.i18n import joined, t
from interview_tui.services import commitment_detail as detail
from interview_tui.services.commitments import (
    CommitmentRow,
    commitment_row,
    late_note,
    state_label,
)
from interview_tui.services.undo import recorded
from interview_tui.team.actions import TeamView, team_view
from interview_tui.tui.data import DataScreen, SaveError
from interview_tui.tui.inputs import Choice, Input
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.review.detail_base import (
    BACK_BINDING,
    DETAIL_BINDINGS,
    DetailMixin,
    conflict_section,
    set_field,
)
from interview_tui.tui.text import literal


class CommitmentDetailScreen(DetailMixin, DataScreen[tuple[CommitmentRow, TeamView]]):
    """Read and edit one commitment (opened with enter in the commitments list)."""

    CSS_PATH = "detail.tcss"
    BINDINGS = [
        *DETAIL_BINDINGS,
        Binding(
            "ctrl+r",
            "reopen",
            "detail.reopen",
            id="detail.reopen",
            tooltip="detail.reopen.help",
            priority=True,
        ),
        Binding(
            "ctrl+o",
            "override",
            "detail.override",
            id="detail.override",
            tooltip="detail.override.help",
            priority=True,
        ),
        BACK_BINDING,
    ]
    UNDO_SCOPE = "commitments"

    def __init__(self, commitment_id: int) -> None:
        super().__init__()
        self.commitment_id = commitment_id
        self.commitment: Commitment | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            yield Static("", id="state", classes="section")
            yield from conflict_section()
            yield Label(t("detail.com.text"))
            yield Input(compact=True, id="text")
            yield Label(t("detail.com.owner_side"))
            yield Choice(
                [(display(o), o.value) for o in OwnerSide],
                allow_blank=False,
                id="owner_side",
                compact=True,
            )
            yield Label(t("detail.com.owner_name"))
            yield Input(compact=True, id="owner_name")
            yield Label(t("detail.com.due"))
            yield Input(
                compact=True,
                id="due",
                placeholder=t("date.placeholder", **examples(self.iapp.today())),
            )
            yield Static("", id="due-hint", classes="hint")
            yield Label(t("detail.reason"))
            yield Input(compact=True, id="reason", placeholder=t("detail.com.reason_hint"))
            yield Static("", id="message", classes="hint error-message")
            yield Static(t("detail.history"), classes="section")
            yield Static("", id="history")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("detail.com.subtitle")
        super().on_mount()

    def fetch(self) -> tuple[CommitmentRow, TeamView]:
        row = commitment_row(self.iapp.store, self.commitment_id)
        return row, team_view(self.iapp.store, "commitment", row.commitment.uid)

    def record_key(self, store: Any, conflict: Any) -> tuple[type, int]:
        return Commitment, self.commitment_id

    def show(self, loaded: tuple[CommitmentRow, TeamView]) -> None:
        data, team = loaded
        first = self.commitment is None
        self.commitment = c = data.commitment
        self.refresh_bindings()  # reopen: for a closed promise only
        self.mark_read()
        self.sub_title = t("detail.com.title", customer=data.customer, date=data.visit_date)
        state = state_label(c, self.iapp.today())
        if late := late_note(c, self.iapp.today()):
            state += f" · {late}"
        if colleague_wrote_self(c.owner_side, c.owner_name, c.author, self.iapp.store.member):
            state += "\n" + t("detail.com.owner_is", name=c.owner_name, member=c.author)
        if c.state is not CommitmentState.OPEN:
            state += f" · {c.closed_on or ''} · {c.resolution_note}  " + t("detail.com.reopen")
        if not c.within_authority:
            state += "  · " + t("report.beyond_authority")
            if data.why:
                state += "\n" + t("detail.com.why", why=joined(data.why, "semicolon"))
            if c.overridden:
                state += "\n" + t("report.authority_override", reason=c.authority_override)
            else:
                state += "\n" + t(
                    "detail.com.override_hint",
                    key=self.app.get_key_display(Binding("ctrl+o", "override")),
                )
        self.query_one("#state", Static).update(literal(state))
        if first or not self.changed:
            for name in ("text", "owner_side", "owner_name"):
                set_field(self, name, getattr(c, name))
            set_field(self, "due", c.due.isoformat() if c.due else "")
            self.query_one("#reason", Input).value = ""
            self.baseline()
            if first:
                self.query_one("#text", Input).focus()
        self.show_team(team)
        self.show_history(c.history)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "due":
            hint = self.query_one("#due-hint", Static)
            try:
                due = self._due()
            except DateParseError as exc:
                hint.update(literal(str(exc)))
                return
            stored = self.commitment.due if self.commitment is not None else None
            if due is None or due == stored:  # the date as recorded: no news, no warning
                hint.update("")
            else:
                hint.update(due_hint(due, self.iapp.today()))

    def _due(self):
        text = self.query_one("#due", Input).value.strip()
        return parse_due(text, self.iapp.today()) if text else None

    def _write(self, label: str, change: Any) -> None:
        store, cid = self.iapp.store, self.commitment_id
        message = self.query_one("#message", Static)

        def write() -> Any:
            recorded_change = recorded(store, Commitment, cid, label, lambda: change(store))
            return commitment_row(store, cid), recorded_change[1]

        def done(result: Any) -> None:
            self.remember(result[1])
            self.commitment = None  # the saved record replaces the fields
            self.show((result[0], self.team))
            self.saved()

        def failed(problem: SaveError) -> None:
            self._leave_when_saved = False
            message.update(literal(problem.message))

        message.update("")
        self.iapp.save(write, done, failed)

    def action_save(self) -> None:
        c = self.commitment
        if c is None:
            return
        try:
            due = self._due()
        except DateParseError as exc:
            self.query_one("#message", Static).update(literal(str(exc)))
            return
        typed, today = self.values(), self.iapp.today()
        if not self.changed:
            self.notify(t("detail.unchanged"), timeout=2)
            return
        edited = self.edited()  # a field left as it was keeps what the record holds now
        if "due" in edited and due is None:
            self.query_one("#message", Static).update(t("detail.com.due_kept"))
            self.query_one("#due", Input).focus()
            return
        if "due" in edited and due != c.due and not typed["reason"].strip():
            self.query_one("#message", Static).update(t("detail.com.reason_needed"))
            self.query_one("#reason", Input).focus()
            return
        self._write(
            t("detail.com.edited", text=c.text),
            lambda store: detail.edit(
                store,
                self.commitment_id,
                text=typed["text"] if "text" in edited else None,
                owner_side=OwnerSide(typed["owner_side"]) if "owner_side" in edited else None,
                owner_name=typed["owner_name"] if "owner_name" in edited else None,
                due=due if "due" in edited else None,
                reason=typed["reason"],
                today=today,
            ),
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``reopen`` is offered for a promise done or dropped only (on an open one it was on
        the key bar and only said it was open)."""
        if action == "reopen":
            c = self.commitment
            return c is not None and c.state is not CommitmentState.OPEN
        return super().check_action(action, parameters)

    def action_reopen(self) -> None:
        c = self.commitment
        if c is None or c.state is CommitmentState.OPEN:
            self.notify(t("detail.com.already_open"), timeout=3)
            return
        note, today = self.query_one("#reason", Input).value, self.iapp.today()
        self._write(
            t("detail.com.reopened", text=c.text),
            lambda store: detail.reopen(store, self.commitment_id, note, today),
        )

    def action_override(self) -> None:
        """Keep a commitment the authority check flagged, and say why (the same record as
        ``interview-tui commitments override``)."""
        from interview_tui.services.authority import override_authority
        from interview_tui.tui.review.override_dialog import OverrideDialog

        c = self.commitment
        if c is None or c.within_authority:
            self.notify(t("detail.com.not_flagged"), timeout=3)
            return
        today = self.iapp.today()

        def answered(result: dict | None) -> None:
            if result:
                reason = result["reason"]
                self._write(
                    t("detail.com.overridden", text=c.text),
                    lambda store: override_authority(store, self.commitment_id, reason, today),
                )

        self.app.push_screen(
            OverrideDialog(
                c.text, title_key="authority.override_title", body_key="authority.override_body"
            ),
            answered,
        )

    def undone(self, record: Any) -> None:
        self.commitment = None
        self.reload()
