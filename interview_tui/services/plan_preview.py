"""What the plan screen's preview pane shows of one question, from the bank or the script."""

from __future__ import annotations

from dataclasses import dataclass

from interview_tui.banks.schema import BankQuestion
from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import ScriptItem
from interview_tui.i18n import current_language
from interview_tui.lint.engine import lint_question
from interview_tui.lint.findings import Finding


@dataclass(frozen=True, slots=True)
class Preview:
    """One question in full: its text, who it is for, why it is asked, and its findings."""

    text: str
    role: Role
    goal: Goal
    research: str
    purpose: str
    follow_ups: tuple[str, ...]
    findings: tuple[Finding, ...]  # accepted ones included, marked accepted
    shallow: bool
    rewrite: str = ""  # what ctrl+r puts in place of a flagged script question


def preview(question: BankQuestion | ScriptItem) -> Preview:
    """The preview of a bank question (its bank's accepted codes applied) or a script item
    (this visit's accepted codes applied)."""
    allow = question.accepted_findings if isinstance(question, ScriptItem) else question.allow
    result = lint_question(question, allow=allow, ui_language=current_language())
    return Preview(
        question.text,
        question.role,
        question.goal,
        question.research,
        question.purpose,
        tuple(question.follow_ups),
        result.findings,
        result.shallow,
        result.rewrite,
    )
