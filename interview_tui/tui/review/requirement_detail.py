"""One requirement, every field editable: what the customer needs, where it stands in the
pool, the solution proposed to the customer (with the reasoning, their answer and every
earlier proposal), and the schedule dispute (their latest date, our plan, the gap, the
workaround and what we told them), with the history of state, group and date changes and why.

Changing the solution or its reasoning and saving makes a new proposal (the old one stays
in the solution history); moving it to in progress without an agreed solution asks why."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Header, Label, Static

from interview_tui.domain.dates import DateParseError, examples, parse_due
from interview_tui.domain.enums import PoolGroup, RequirementState, SolutionAnswer
from interview_tui.domain.models import Requirement
from interview_tui.domain.names import display
from interview_tui.i18n import labelled, t
from interview_tui.services import requirement_pool as pool
from interview_tui.services import solutions
from interview_tui.services.undo import recorded
from interview_tui.team.actions import TeamView, team_view
from interview_tui.tui.data import DataScreen, SaveError
from interview_tui.tui.inputs import Choice, Input, Tick
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.review.detail_base import (
    BACK_BINDING,
    DETAIL_BINDINGS,
    DetailMixin,
    conflict_section,
    dated_block,
    set_field,
)
from interview_tui.tui.review.override_dialog import OverrideDialog
from interview_tui.tui.text import literal

_TEXT = ("title", "user", "scenario", "pain", "product_details", "originator", "solution_idea")
_SCHEDULE = ("latest_acceptable", "planned")
_AFTER = ("workaround", "told_customer")
_SOLUTION = ("solution_text", "solution_reasoning", "solution_answer", "solution_reason")


def gap_text(requirement: Requirement) -> str:
    """The gap between our plan and the customer's latest date, in words."""
    gap = requirement.gap_days
    if gap is None:
        return t("detail.gap_unknown")
    if gap > 0:
        return t("detail.gap_late", days=gap)
    return t("detail.gap_ok", days=-gap)


class RequirementDetailScreen(DetailMixin, DataScreen[tuple[pool.PoolRow, TeamView]]):
    """Read and edit one requirement (opened with enter in the pool)."""

    CSS_PATH = "detail.tcss"
    BINDINGS = [*DETAIL_BINDINGS, BACK_BINDING]
    UNDO_SCOPE = "pool"
    #: read while Textual builds the form: filled before it is first drawn, not after
    PREFETCH = True

    def __init__(self, requirement_id: int) -> None:
        super().__init__()
        self.requirement_id = requirement_id
        self.requirement: Requirement | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            yield from conflict_section()
            for name in _TEXT:
                yield Label(t(f"detail.req.{name}"))
                yield Input(compact=True, id=name)
            yield Label(t("detail.req.state"))
            yield Choice(
                [(display(s), s.value) for s in RequirementState],
                allow_blank=False,
                id="state",
                compact=True,
            )
            yield Label(t("detail.req.group"))
            yield Choice(
                [(display(g), g.value) for g in PoolGroup],
                allow_blank=False,
                id="group",
                compact=True,
            )
            yield from self._solution_fields()
            yield Static(t("detail.schedule"), classes="section")
            for name in _SCHEDULE:
                yield Label(t(f"detail.req.{name}"))
                yield Input(
                    compact=True,
                    id=name,
                    placeholder=t("date.placeholder", **examples(self.iapp.today())),
                )
            yield Static("", id="gap", classes="hint")
            for name in _AFTER:
                yield Label(t(f"detail.req.{name}"))
                yield Input(compact=True, id=name)
            yield Tick(t("detail.req.share_plan"), id="share_plan", compact=True)
            yield Label(t("detail.reason"))
            yield Input(compact=True, id="reason", placeholder=t("detail.reason_hint"))
            yield Static("", id="message", classes="hint error-message")
            yield Static(t("detail.history"), classes="section")
            yield Static("", id="history")
        yield KeyBar()

    def _solution_fields(self) -> ComposeResult:
        yield Static(t("detail.solution"), classes="section")
        yield Static("", id="solution-status", classes="hint")
        yield Label(t("detail.sol.text"))
        yield Input(compact=True, id="solution_text", placeholder=t("detail.sol.text_hint"))
        yield Label(t("detail.sol.reasoning"))
        yield Input(
            compact=True, id="solution_reasoning", placeholder=t("detail.sol.reasoning_hint")
        )
        yield Label(t("detail.sol.answer"))
        yield Choice(
            [(display(a), a.value) for a in SolutionAnswer],
            allow_blank=False,
            id="solution_answer",
            compact=True,
        )
        yield Label(t("detail.sol.reason"))
        yield Input(compact=True, id="solution_reason", placeholder=t("detail.sol.reason_hint"))
        yield Label(t("detail.sol.history"))
        yield Static("", id="solution-history", classes="hint")

    def _show_solution(self, r: Requirement, fill: bool) -> None:
        current = r.solution
        if fill:
            reply = current.reply if current else None
            set_field(self, "solution_text", current.text if current else "")
            set_field(self, "solution_reasoning", current.reasoning if current else "")
            set_field(self, "solution_answer", reply.answer if reply else SolutionAnswer.WAITING)
            set_field(self, "solution_reason", reply.reason if reply else "")
        if current is None:
            status = t("detail.sol.none")
        else:
            status = t(
                "detail.sol.status",
                n=len(r.solutions),
                date=current.on.date().isoformat(),
                answer=display(current.answer),
            )
        self.query_one("#solution-status", Static).update(literal(status))
        lines = solutions.history_lines(r) or [t("detail.sol.no_history")]
        self.query_one("#solution-history", Static).update(dated_block(lines))

    def on_mount(self) -> None:
        self.sub_title = t("detail.req.subtitle")
        super().on_mount()

    def fetch(self) -> tuple[pool.PoolRow, TeamView]:
        row = pool.pool_row(self.iapp.store, self.requirement_id)
        return row, team_view(self.iapp.store, "requirement", row.requirement.uid)

    def record_key(self, store: Any, conflict: Any) -> tuple[type, int]:
        return Requirement, self.requirement_id

    def show(self, loaded: tuple[pool.PoolRow, TeamView]) -> None:
        data, team = loaded
        first = self.requirement is None
        self.requirement = r = data.requirement
        self.mark_read()
        self.sub_title = t("detail.req.heading", customer=data.customer, id=r.id)
        if first or not self.changed:
            for name in (*_TEXT, "state", "group", *_SCHEDULE, *_AFTER, "share_plan"):
                set_field(self, name, getattr(r, name))
            self.query_one("#reason", Input).value = ""
            self._show_solution(r, fill=True)
            self.baseline()
            if first:
                self.query_one("#title", Input).focus()
        else:
            self._show_solution(r, fill=False)
        self._show_gap()
        self.show_team(team)
        self.show_history(r.history)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in _SCHEDULE:
            self._show_gap()

    def _dates(self) -> dict[str, date | None]:
        """The two schedule dates as typed (``DateParseError`` names the field)."""
        found: dict[str, date | None] = {}
        for name in _SCHEDULE:
            text = self.query_one(f"#{name}", Input).value.strip()
            try:
                found[name] = parse_due(text, self.iapp.today()) if text else None
            except DateParseError as exc:
                raise DateParseError(labelled(t(f"detail.req.{name}"), str(exc))) from None
        return found

    def _show_gap(self) -> None:
        gap = self.query_one("#gap", Static)
        try:
            dates = self._dates()
        except DateParseError as exc:
            gap.update(literal(str(exc)))
            return
        if self.requirement is not None:
            preview = self.requirement.model_copy(update=dates)
            gap.update(literal(gap_text(preview)))
            gap.set_class((preview.gap_days or 0) > 0, "warn")

    def action_save(self) -> None:
        self._save()

    def _save(self, override: str = "") -> None:
        """Save the fields and the solution in one change (one ctrl+z takes it back)."""
        if self.requirement is None:
            return
        message = self.query_one("#message", Static)
        message.update("")
        try:
            dates = self._dates()
        except DateParseError as exc:
            message.update(literal(str(exc)))
            return
        r, typed = self.requirement, self.values()
        values: dict[str, Any] = {name: typed[name].strip() for name in (*_TEXT, *_AFTER)}
        values |= dates | {
            "state": RequirementState(typed["state"]),
            "group": PoolGroup(typed["group"]),
            "share_plan": bool(typed["share_plan"]),
        }
        edited = self.edited()  # a field left as it was keeps what the record holds now
        values = {k: v for k, v in values.items() if k in edited and getattr(r, k) != v}
        solution = (
            typed["solution_text"],
            typed["solution_reasoning"],
            SolutionAnswer(typed["solution_answer"]),
            typed["solution_reason"],
        )
        proposed = bool(edited & set(_SOLUTION)) and any(solutions.differs(r, *solution))
        if not values and not proposed:
            self.notify(t("detail.unchanged"), timeout=2)
            return
        store, reason, rid = self.iapp.store, typed["reason"], self.requirement_id
        what = r.title or r.pain or r.user or str(rid)
        label = t("detail.req.edited", text=what)

        def change() -> pool.PoolRow:
            row = pool.pool_row(store, rid)
            if proposed and any(solutions.differs(row.requirement, *solution)):  # opens the gate
                row = solutions.record(store, rid, *solution)
            return pool.edit(store, rid, values, reason, override) if values else row

        def write() -> Any:
            return recorded(store, Requirement, rid, label, change)

        def done(result: Any) -> None:
            self.remember(result[1])
            self.requirement = None  # the saved record replaces the fields
            self.show((result[0], self.team))
            self.saved()

        def overridden(result: dict[str, str] | None) -> None:
            if result is not None:
                self._save(result["reason"])

        def failed(problem: SaveError) -> None:
            if problem.field == "override":  # asks why; esc keeps the fields as typed
                message.update(literal(problem.message))
                self.app.push_screen(OverrideDialog(t("gate.what", text=what)), overridden)
                return
            message.update(literal(problem.message))
            if problem.field in _SOLUTION:
                self.query_one(f"#{problem.field}").focus()

        self.iapp.save(write, done, failed, quiet=True)

    def undone(self, record: Any) -> None:
        self.requirement = None
        self.reload()
