"""Lint one question: pick the language's rules, explain each hit, apply accepted codes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from interview_tui.domain.enums import Role
from interview_tui.lint import chinese, english
from interview_tui.lint.bank_checks import bank_codes
from interview_tui.lint.findings import CODES, Finding, LintResult
from interview_tui.lint.language import detect_language
from interview_tui.lint.messages import explain


class QuestionLike(Protocol):
    """What :func:`lint_question` reads: a bank question or a per-visit script item."""

    role: Role
    text: str
    research: str
    purpose: str


def _finding(code: str, language: str, span: tuple[int, int] | None, allow: set[str]) -> Finding:
    explanation = explain(code, language)
    return Finding(
        code=code,
        severity=CODES[code].severity,
        message=explanation.message,
        suggestion=explanation.suggestion,
        span=span,
        accepted=code in allow,
    )


def lint_text(
    text: str,
    language: str | None = None,
    *,
    ui_language: str | None = None,
    allow: Iterable[str] = (),
) -> LintResult:
    """Text-level findings for one question.

    ``language`` is the question's language (detected when ``None``); messages are written
    in ``ui_language``, by default the question's own.
    """
    lang = language or detect_language(text)
    rules = chinese if lang == "zh-CN" else english
    accepted = set(allow)
    findings = tuple(
        _finding(code, ui_language or lang, span, accepted) for code, span in rules.find(text)
    )
    return LintResult(text=text, language=lang, findings=findings)


def lint_question(
    question: QuestionLike,
    *,
    allow: Iterable[str] = (),
    language: str | None = None,
    ui_language: str | None = None,
) -> LintResult:
    """Text-level findings plus the bank-level ones, with ``allow`` codes accepted."""
    accepted = set(allow) | set(getattr(question, "allow", ()) or ())
    result = lint_text(question.text, language, ui_language=ui_language, allow=accepted)
    lang = ui_language or result.language
    extra = tuple(
        _finding(code, lang, None, accepted)
        for code in bank_codes(question.role, question.text, question.research, question.purpose)
    )
    return LintResult(text=result.text, language=result.language, findings=result.findings + extra)
