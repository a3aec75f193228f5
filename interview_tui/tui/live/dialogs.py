"""The capture dialogs of the live screen: each returns what was typed, or ``None``.

Every dialog validates beside the field and never loses what was typed: a bad due date is
a message under the date, the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from interview_tui.domain.dates import DateParseError, due_hint, examples, parse_due
from interview_tui.domain.enums import Goal, OwnerSide, Role, SolutionAnswer
from interview_tui.domain.models import Commitment, Person, Requirement, ScriptItem
from interview_tui.domain.names import display
from interview_tui.errors import FieldError
from interview_tui.i18n import joined, labelled, t
from interview_tui.lint import LintResult, lint_text
from interview_tui.tui.base import BaseModal
from interview_tui.tui.forms import FormDialog, goal_select, role_select
from interview_tui.tui.inputs import Choice, Input, Tick
from interview_tui.tui.rewrite_key import REWRITE_BINDINGS, RewriteField, code_label, finding_lines
from interview_tui.tui.text import literal


class DueDateForm(FormDialog):
    """A form with a due-date field (``#due``, message in ``#due-message``) checked as typed."""

    today: date

    @on(Input.Changed, "#due")
    def _check_due(self, event: Input.Changed) -> None:
        self._parse_due(event.value, quiet=True)

    def _parse_due(self, text: str, *, quiet: bool = False) -> tuple[bool, date | None]:
        message = self.query_one("#due-message", Static)
        if not text.strip():
            message.update("")
            return True, None
        try:
            due = parse_due(text, self.today)
        except DateParseError as exc:
            message.update("" if quiet and len(text) < 3 else literal(str(exc)))
            message.set_class(True, "error-message")
            return False, None
        message.update(due_hint(due, self.today))
        message.set_class(False, "error-message")
        return True, due


class CommitmentDialog(DueDateForm):
    """What, who (us or the customer, and a name), by when; warns beyond authority.

    In the customer-safe view the warning only says that a limit may be touched: the
    limits themselves are internal.
    """

    TITLE_KEY = "commitment.title"

    def __init__(
        self,
        today: date,
        check_authority,
        default_owner: str = "",
        *,
        safe: bool = False,
        commitment: Commitment | None = None,
    ) -> None:
        super().__init__()
        self.today = today
        self.check_authority = check_authority
        self.default_owner = default_owner
        self.safe = safe
        #: the commitment being corrected (from the read-back): its fields come filled in
        self.commitment = commitment
        if commitment is not None:
            self.TITLE_KEY = "commitment.edit_title"

    def fields(self) -> ComposeResult:
        c = self.commitment
        yield Label(t("commitment.text"))
        yield Input(compact=True, id="text", value=c.text if c else "")
        yield Static("", id="beyond", classes="hint warn")
        yield Label(t("commitment.owner_side"))
        yield Select(
            [(t("owner.us"), "us"), (t("owner.customer"), "customer")],
            value=c.owner_side.value if c else "us",
            allow_blank=False,
            id="owner_side",
            compact=True,
        )
        yield Label(t("commitment.owner_name"))
        yield Input(compact=True, value=c.owner_name if c else self.default_owner, id="owner_name")
        yield Label(t("commitment.due", **examples(self.today)))
        yield Input(compact=True, id="due", value=c.due.isoformat() if c and c.due else "")
        yield Static("", id="due-message", classes="hint")
        # keeping it although it touches a limit is a decision, recorded with its reason:
        # the field is there from the start and last, so the warning moves no field (not
        # offered while the customer may be looking at the screen)
        if not self.safe:
            yield Label(t("commitment.override"), id="override-label")
            yield Input(
                compact=True,
                id="override",
                placeholder=t("commitment.override_hint"),
                value=c.authority_override if c else "",
            )

    @on(Input.Changed, "#text")
    def _check_authority(self, event: Input.Changed) -> None:
        limits = self.check_authority(event.value) if event.value.strip() else []
        if not limits:
            text = ""
        elif self.safe:
            text = t("commitment.beyond_safe")
        else:
            text = t("commitment.beyond", limits=t("list.limits_separator").join(limits))
        self.query_one("#beyond", Static).update(literal(text))

    def result(self) -> dict[str, Any] | None:
        text = self.value("text").strip()
        if not text:
            self.query_one("#beyond", Static).update(t("dialog.required"))
            self.query_one("#text", Input).focus()
            return None
        ok, due = self._parse_due(self.value("due"))
        if not ok:
            self.query_one("#due", Input).focus()
            return None
        side = self.query_one("#owner_side", Select).value
        override = self.value("override") if not self.safe and self.check_authority(text) else ""
        return {
            "text": text,
            "owner_side": OwnerSide(str(side)),
            "owner_name": self.value("owner_name"),
            "due": due,
            "override": override,
        }


def field_names(fields: Iterable[str]) -> str:
    """A requirement's fields by their names alone, as a list in the language ("用户、场景",
    not the labels' explanations "用户（谁有这个需求）, …")."""
    return joined(
        (t(f"requirement.{name}").split("(")[0].split("（")[0].strip() for name in fields), "list"
    )


class RequirementDialog(FormDialog):
    """User, scenario, pain, and the rest; shows what is still missing without blocking.

    Then, optional and last (so no field moves while typing): the schedule (the latest date
    the customer can accept, our planned date, a workaround meanwhile, what we told them,
    and whether the customer agreed it: the customer always asks "when"), and the solution
    proposed with the customer's answer, recorded in the meeting where it was given.
    """

    TITLE_KEY = "requirement.title"
    # the title last: user, scenario, pain are typed in a burst right after ctrl+r
    FIELDS = ("user", "scenario", "pain", "originator", "solution_idea", "product_details", "title")
    SCHEDULE = ("latest_acceptable", "planned", "workaround", "told_customer")
    SOLUTION = ("solution_text", "solution_reasoning", "solution_answer", "solution_reason")

    def __init__(self, today: date, requirement: Requirement | None = None) -> None:
        super().__init__()
        self.today = today
        #: the requirement being corrected (from the read-back): its fields come filled in
        self.requirement = requirement
        if requirement is not None:
            self.TITLE_KEY = "requirement.edit_title"

    def _initial(self, name: str) -> str:
        r = self.requirement
        if r is None:
            return ""
        if name in self.SOLUTION:
            current = r.solution
            reply = current.reply if current else None
            return {
                "solution_text": current.text if current else "",
                "solution_reasoning": current.reasoning if current else "",
                "solution_answer": (reply.answer if reply else SolutionAnswer.WAITING).value,
                "solution_reason": reply.reason if reply else "",
            }[name]
        value = getattr(r, name)
        return value.isoformat() if isinstance(value, date) else (value or "")

    def fields(self) -> ComposeResult:
        yield Static("", id="missing", classes="hint warn")
        for name in self.FIELDS:
            yield Label(t("requirement.name" if name == "title" else f"requirement.{name}"))
            yield Input(compact=True, id=name, value=self._initial(name))
        yield Static(t("requirement.schedule"), classes="hint")
        for name in self.SCHEDULE:
            yield Label(t(f"detail.req.{name}"))
            yield Input(
                compact=True,
                id=name,
                value=self._initial(name),
                placeholder=t("date.placeholder", **examples(self.today))
                if name in ("latest_acceptable", "planned")
                else "",
            )
        yield Tick(
            t("detail.req.share_plan"),
            id="share_plan",
            compact=True,
            value=bool(self.requirement and self.requirement.share_plan),
        )
        yield Static("", id="schedule-message", classes="hint error-message")
        yield Static(t("requirement.solution"), classes="hint")
        yield Label(t("detail.sol.text"))
        yield Input(
            compact=True,
            id="solution_text",
            value=self._initial("solution_text"),
            placeholder=t("detail.sol.text_hint"),
        )
        yield Label(t("detail.sol.reasoning"))
        yield Input(
            compact=True,
            id="solution_reasoning",
            value=self._initial("solution_reasoning"),
            placeholder=t("detail.sol.reasoning_hint"),
        )
        yield Label(t("detail.sol.answer"))
        yield Choice(
            [(display(a), a.value) for a in SolutionAnswer],
            allow_blank=False,
            value=self._initial("solution_answer") or SolutionAnswer.WAITING.value,
            id="solution_answer",
            compact=True,
        )
        yield Label(t("detail.sol.reason"))
        yield Input(
            compact=True,
            id="solution_reason",
            value=self._initial("solution_reason"),
            placeholder=t("detail.sol.reason_hint"),
        )
        yield Static("", id="solution-message", classes="hint error-message")

    def on_mount(self) -> None:  # FormDialog's runs too (Textual calls each class's)
        self._show_missing()

    @on(Input.Changed)
    def _show_missing(self) -> None:
        missing = [n for n in ("user", "scenario", "pain") if not self.value(n).strip()]
        widget = self.query_one("#missing", Static)
        widget.update(
            t("requirement.missing", missing=field_names(missing))
            if missing
            else t("requirement.clear")
        )
        widget.set_class(bool(missing), "warn")

    def _refused(self, message_id: str, label: str, exc: FieldError) -> None:
        self.query_one(f"#{message_id}", Static).update(literal(labelled(label, str(exc))))
        self.query_one(f"#{exc.field}").focus()

    def result(self) -> dict[str, Any] | None:
        from interview_tui.services import solutions
        from interview_tui.services.schedule import schedule_fields

        values = {name: self.value(name) for name in self.FIELDS}
        if not any(v.strip() for v in values.values()):
            self.query_one("#user", Input).focus()
            return None
        try:
            schedule = schedule_fields(self.today, **{n: self.value(n) for n in self.SCHEDULE})
        except FieldError as exc:
            self._refused("schedule-message", t(f"detail.req.{exc.field}"), exc)
            return None
        text, reasoning, reason = (
            self.value(n) for n in ("solution_text", "solution_reasoning", "solution_reason")
        )
        answer = SolutionAnswer(str(self.query_one("#solution_answer", Select).value))
        proposed = bool(text.strip()) or bool(self.requirement and self.requirement.solution)
        try:
            solutions.check_answer(proposed, answer, reason)
        except FieldError as exc:
            label = t(f"detail.sol.{exc.field.removeprefix('solution_')}")
            self._refused("solution-message", label, exc)
            return None
        return (
            values
            | dict.fromkeys(self.SCHEDULE, "")
            | schedule
            | {
                "share_plan": self.query_one("#share_plan", Tick).value,
                "solution": (text, reasoning, answer, reason),
            }
        )


class PainDialog(DueDateForm):
    """A pain point and the action we will take: a promise of ours, with owner and due date."""

    TITLE_KEY = "pain.title"

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today

    def fields(self) -> ComposeResult:
        yield Label(t("pain.text"))
        yield Input(compact=True, id="text")
        yield Label(t("pain.action"))
        yield Input(compact=True, id="action")
        yield Static("", id="pain-message", classes="hint error-message")
        yield Label(t("pain.owner_name"))
        yield Input(compact=True, id="owner_name")
        yield Label(t("commitment.due", **examples(self.today)))
        yield Input(compact=True, id="due")
        yield Static("", id="due-message", classes="hint")

    def result(self) -> dict[str, Any] | None:
        text, action = self.value("text").strip(), self.value("action").strip()
        if not text or not action:
            self.query_one("#pain-message", Static).update(t("dialog.required"))
            self.query_one("#text" if not text else "#action", Input).focus()
            return None
        ok, due = self._parse_due(self.value("due"))
        if not ok:
            self.query_one("#due", Input).focus()
            return None
        return {"text": text, "action": action, "owner_name": self.value("owner_name"), "due": due}


class AdhocDialog(RewriteField, FormDialog):
    """A question that came up in the meeting, linted as it is typed (ctrl+r takes the
    rewrite, ctrl+z puts the words back); in the customer-safe view not linted (the findings
    coach the PM: internal). A flagged question is saved at once (it was asked already),
    with a note that it was saved with a finding."""

    TITLE_KEY = "adhoc.title"
    BINDINGS = REWRITE_BINDINGS

    def __init__(self, role: Role, goal: Goal, *, safe: bool = False) -> None:
        super().__init__()
        self.role, self.goal, self.safe = role, goal, safe
        #: follow-ups the rewrite brought (a double question's other half): shown under the
        #: question in the meeting, as a planned question's follow-ups are
        self.follow_ups: list[str] = []

    def _follow_ups(self) -> list[str] | None:
        return list(self.follow_ups)

    def _set_follow_ups(self, follow_ups: list[str]) -> None:
        self.follow_ups = list(follow_ups)

    def fields(self) -> ComposeResult:
        yield Label(t("adhoc.text"))
        yield Input(compact=True, id="text")
        yield Static("", id="findings", classes="hint")
        yield Label(t("adhoc.role"))
        yield role_select(self.role)
        yield Label(t("adhoc.goal"))
        yield goal_select(self.goal)

    @on(Input.Changed, "#text")
    def _lint(self, event: Input.Changed) -> None:
        widget = self.query_one("#findings", Static)
        if self.safe or not event.value.strip():
            widget.update("")
            return
        result = lint_text(event.value, ui_language=_ui_language())
        lines = finding_lines(result) or ["✓ " + t("adhoc.clean")]
        lines += [t("adhoc.follow_up", follow_up=follow_up) for follow_up in self.follow_ups]
        widget.update(literal("\n".join(lines)))
        widget.set_class(result.shallow, "warn")

    def result(self) -> dict[str, Any] | None:
        text = self.value("text").strip()
        if not text:
            self.query_one("#findings", Static).update(t("dialog.required"))
            return None
        result = self._rewrite_result()
        if result is not None and result.shallow:
            self.notify(
                t("adhoc.saved_flagged", code=code_label(result.findings[0].code)), timeout=4
            )
        return {
            "text": text,
            "role": Role(str(self.query_one("#role", Select).value)),
            "goal": Goal(str(self.query_one("#goal", Select).value)),
            "follow_ups": list(self.follow_ups),
        }

    def _rewrite_result(self) -> LintResult | None:
        text = self.value("text")
        if self.safe or not text.strip():
            return None
        return lint_text(text, ui_language=_ui_language())


def _ui_language() -> str:
    from interview_tui.i18n import current_language

    return current_language()


class PickerDialog(BaseModal):
    """A filterable list; returns the chosen option id."""

    DEFAULT_CSS = """
    PickerDialog { align: center middle; }
    PickerDialog > VerticalScroll {
        width: 90%; max-width: 100; height: 80%; border: thick $accent; background: $surface;
    }
    PickerDialog OptionList { height: 1fr; }
    PickerDialog .dialog-title { text-style: bold; color: $text-accent; }
    """
    BINDINGS = [Binding("escape", "cancel", "dialog.cancel", id="dialog.cancel")]

    def __init__(self, title: str, options: list[tuple[str, str]], *, filter_box: bool) -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.filter_box = filter_box

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(literal(self.title_text), classes="dialog-title")
            if self.filter_box:
                yield Input(placeholder=t("jump.placeholder"), id="filter")
            yield OptionList(
                *[Option(literal(label, one_line=True), id=key) for key, label in self.options]
            )

    def on_mount(self) -> None:
        if self.filter_box:
            self.query_one("#filter", Input).focus()
        else:
            self.query_one(OptionList).focus()

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        needle = event.value.casefold().strip()
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(
            [
                Option(literal(label, one_line=True), id=key)
                for key, label in self.options
                if needle in label.casefold()
            ]
        )
        if option_list.option_count:
            option_list.highlighted = 0

    @on(Input.Submitted, "#filter")
    def _choose_first(self) -> None:
        option_list = self.query_one(OptionList)
        if option_list.option_count:
            self.dismiss(option_list.get_option_at_index(option_list.highlighted or 0).id)

    def on_key(self, event) -> None:
        if self.filter_box and event.key in ("down", "up"):
            option_list = self.query_one(OptionList)
            if option_list.option_count:
                option_list.action_cursor_down() if event.key == "down" else (
                    option_list.action_cursor_up()
                )
                event.stop()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def jump_dialog(items: list[ScriptItem]) -> PickerDialog:
    options = [(str(item.id), f"{n:>2}. {item.text}") for n, item in enumerate(items, start=1)]
    return PickerDialog(t("jump.title"), options, filter_box=True)


def speaker_dialog(people: list[Person]) -> PickerDialog:
    options = [("none", t("speaker.nobody"))] + [
        (str(p.id), f"{p.name} · {p.title} · {t(f'role_short.{p.role.value}')}") for p in people
    ]
    return PickerDialog(t("speaker.title"), options, filter_box=False)
