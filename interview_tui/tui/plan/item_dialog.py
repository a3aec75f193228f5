"""Edit this visit's copy of a question, with shallow-question findings as you type."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, Select, Static

from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import ScriptItem
from interview_tui.i18n import current_language, t
from interview_tui.lint import LintResult, lint_question
from interview_tui.tui.forms import FormDialog, goal_select, role_select
from interview_tui.tui.inputs import Input, TextArea
from interview_tui.tui.rewrite_key import REWRITE_BINDINGS, RewriteField, finding_lines
from interview_tui.tui.text import literal


class ItemDialog(RewriteField, FormDialog):
    """Returns the edited fields; an empty ``item`` makes a new question of one's own.

    Shallow findings of the wording (``⚠``, ctrl+r takes the rewrite, the question to ask after
    it becoming the first line of the follow-ups) and the plan's hints
    (``ℹ``: no research, no purpose) are shown apart. Saving a question that is still
    flagged asks once: ctrl+s again saves it as it is.
    """

    ASK_BEFORE_DISCARD = True
    BINDINGS = REWRITE_BINDINGS

    TITLE_KEY = "item.title"
    DEFAULT_CSS = """
    ItemDialog TextArea { height: 3; }
    ItemDialog #findings, ItemDialog #hints { height: auto; }
    ItemDialog #hints { color: $text-muted; text-style: italic; }
    """

    def __init__(self, item: ScriptItem | None, role: Role, goal: Goal) -> None:
        super().__init__()
        self.item = item
        self.role, self.goal = (item.role, item.goal) if item else (role, goal)

    def fields(self) -> ComposeResult:
        item = self.item
        yield Label(t("item.text"))
        yield Input(item.text if item else "", compact=True, id="text")
        yield Static("", id="findings", classes="hint")
        yield Static("", id="hints", classes="hint")
        yield Label(t("adhoc.role"))
        yield role_select(self.role)
        yield Label(t("adhoc.goal"))
        yield goal_select(self.goal)
        yield Label(t("item.research"))
        yield Input(item.research if item else "", compact=True, id="research")
        yield Label(t("item.purpose"))
        yield Input(item.purpose if item else "", compact=True, id="purpose")
        yield Label(t("item.follow_ups"))
        yield TextArea("\n".join(item.follow_ups) if item else "", id="follow_ups")

    def on_mount(self) -> None:
        super().on_mount()
        self._lint()

    def draft(self) -> ScriptItem:
        return ScriptItem(
            visit_id=0,
            text=self.value("text") or "?",
            research=self.value("research"),
            purpose=self.value("purpose"),
            role=Role(str(self.query_one("#role", Select).value)),
            goal=Goal(str(self.query_one("#goal", Select).value)),
        )

    def _follow_ups(self) -> list[str] | None:
        area = self.query_one("#follow_ups", TextArea)
        return [line.strip() for line in area.text.splitlines() if line.strip()]

    def _set_follow_ups(self, follow_ups: list[str]) -> None:
        self.query_one("#follow_ups", TextArea).text = "\n".join(follow_ups)

    def _rewrite_result(self) -> LintResult | None:
        if not self.value("text").strip():
            return None
        accepted = self.item.accepted_findings if self.item else []
        return lint_question(self.draft(), allow=accepted, ui_language=current_language())

    @on(Input.Changed)
    @on(Select.Changed)
    def _lint(self) -> None:
        widget, hints = self.query_one("#findings", Static), self.query_one("#hints", Static)
        result = self._rewrite_result()
        if result is None:  # nothing typed: say what will appear, in the interface's language
            widget.update(t("item.empty_hint"))
            widget.set_class(False, "warn")
            hints.update("")
            return
        text_level = LintResult(
            result.text,
            result.language,
            tuple(f for f in result.findings if f.text_level),
            result.rewrite,
            result.follow_up,
        )
        plan_hints = LintResult(
            result.text, result.language, tuple(f for f in result.findings if not f.text_level)
        )
        lines = finding_lines(text_level)
        widget.update(literal("\n".join(lines)) if lines else t("plan.findings_ok"))
        widget.set_class(result.shallow, "warn")
        hints.update(literal("\n".join(finding_lines(plan_hints))))

    def result(self) -> dict[str, Any] | None:
        if not self.value("text").strip():
            self.query_one("#findings", Static).update(t("dialog.required"))
            return None
        draft = self.draft()
        result = self._rewrite_result()
        if result is not None and result.shallow and self.__dict__.get("_asked") != draft.text:
            self._asked = draft.text  # asked once for this wording: ctrl+s again saves it
            self.query_one("#findings", Static).update(
                literal("\n".join([t("item.save_flagged"), *finding_lines(result)[:1]]))
            )
            return None
        follow_ups = self._follow_ups()
        return {
            "text": draft.text.strip(),
            "role": draft.role,
            "goal": draft.goal,
            "research": draft.research.strip(),
            "purpose": draft.purpose.strip(),
            "follow_ups": follow_ups,
        }
