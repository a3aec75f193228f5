"""Edit this visit's copy of a question, with shallow-question findings as you type."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, Select, Static

from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import ScriptItem
from interview_tui.i18n import current_language, t
from interview_tui.lint import lint_question
from interview_tui.tui.forms import FormDialog, goal_select, role_select
from interview_tui.tui.inputs import Input, TextArea
from interview_tui.tui.text import literal


class ItemDialog(FormDialog):
    """Returns the edited fields; an empty ``item`` makes a new question of one's own."""

    ASK_BEFORE_DISCARD = True

    TITLE_KEY = "item.title"
    DEFAULT_CSS = "ItemDialog TextArea { height: 3; } #findings { height: auto; }"

    def __init__(self, item: ScriptItem | None, role: Role, goal: Goal) -> None:
        super().__init__()
        self.item = item
        self.role, self.goal = (item.role, item.goal) if item else (role, goal)

    def fields(self) -> ComposeResult:
        item = self.item
        yield Label(t("item.text"))
        yield Input(item.text if item else "", compact=True, id="text")
        yield Static("", id="findings", classes="hint")
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
            visit_id=0, text=self.value("text") or "?", research=self.value("research"),
            purpose=self.value("purpose"), role=Role(str(self.query_one("#role", Select).value)),
            goal=Goal(str(self.query_one("#goal", Select).value)),
        )  # fmt: skip

    @on(Input.Changed)
    @on(Select.Changed)
    def _lint(self) -> None:
        accepted = self.item.accepted_findings if self.item else []
        result = lint_question(self.draft(), allow=accepted, ui_language=current_language())
        lines = [f"{'✓' if f.accepted else '⚠'} {f.code}: {f.message}\n  → {f.suggestion}"
                 + (f" ({t('plan.accepted')})" if f.accepted else "") for f in result.findings]
        widget = self.query_one("#findings", Static)
        widget.update(literal("\n".join(lines)) if lines else t("plan.findings_ok"))
        widget.set_class(result.shallow, "warn")

    def result(self) -> dict[str, Any] | None:
        if not self.value("text").strip():
            self.query_one("#findings", Static).update(t("dialog.required"))
            return None
        draft = self.draft()
        follow_ups = [line.strip() for line in self.query_one("#follow_ups", TextArea).text
                      .splitlines() if line.strip()]  # fmt: skip
        return {"text": draft.text.strip(), "role": draft.role, "goal": draft.goal,
                "research": draft.research.strip(), "purpose": draft.purpose.strip(),
                "follow_ups": follow_ups}  # fmt: skip
