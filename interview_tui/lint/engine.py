"""Lint one question: the model decides whether it is shallow, the rules explain why.

The language's rules run first; their hits feed the model as features. When the model
calls the question shallow, each rule hit becomes a finding with the rule's code and span;
when no rule fired, the model picks the code and names the words that drove it. Each finding
guides how to ask better, naming the question's subject; a rewrite to take is offered only
when it keeps everything the PM asked in the question's own words (see ``lint.rewrite``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import replace
from types import ModuleType
from typing import Protocol

from interview_tui.domain.enums import Role
from interview_tui.lint.bank_checks import bank_codes
from interview_tui.lint.findings import CODES, MAX_QUESTION_CHARS, Finding, LintResult
from interview_tui.lint.language import detect_language
from interview_tui.lint.messages import evidence_note, explain, guide
from interview_tui.lint.model import model_for
from interview_tui.lint.rewrite import (
    Offer,
    english_phrase,
    first_half,
    follow_up_of,
    selection,
    subject_of,
)


class QuestionLike(Protocol):
    """What :func:`lint_question` reads (never writes): a bank question (frozen) or a
    per-visit script item."""

    @property
    def role(self) -> Role: ...
    @property
    def text(self) -> str: ...
    @property
    def research(self) -> str: ...
    @property
    def purpose(self) -> str: ...


_RULES: dict[str, ModuleType] = {}
#: codes under which a question asking why they chose a rival is asked as how it went
_CHOICE = ("competitor-confront", "leading")


def _rules(language: str) -> ModuleType:
    """The rule module of ``language``, imported (and its patterns compiled) on first use."""
    module = _RULES.get(language)
    if module is None:
        name = "chinese" if language == "zh-CN" else "english"
        module = _RULES[language] = importlib.import_module(f"interview_tui.lint.{name}")
    return module


def prepare(language: str) -> None:
    """Load ``language``'s rules and model now (a worker calls this, so the first question
    linted on the UI thread does not compile the rules' patterns there)."""
    _rules(language)
    model_for(language)


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


def _text_finding(
    code: str,
    text: str,
    language: str,
    ui_language: str,
    span: tuple[int, int] | None,
    allow: set[str],
    evidence: tuple[str, ...] = (),
) -> Finding:
    message = explain(code, ui_language).message
    if evidence:
        message += " " + evidence_note(evidence, ui_language)
    return Finding(
        code=code,
        severity=CODES[code].severity,
        message=message,
        suggestion=guide(code, ui_language, subject_of(text, language)),
        span=span,
        accepted=code in allow,
        evidence=evidence,
    )


def _span_of(words: tuple[str, ...], text: str) -> tuple[int, int] | None:
    plain = text.lower()
    for word in words:
        start = plain.find(word)
        if start >= 0:
            return start, start + len(word)
    return None


def lint_text(
    text: str,
    language: str | None = None,
    *,
    ui_language: str | None = None,
    allow: Iterable[str] = (),
    follow_up: bool = False,
) -> LintResult:
    """Text-level findings for one question.

    ``language`` is the question's language (detected when ``None``); messages are written
    in ``ui_language``, by default the question's own. Rewrites stay in the question's
    language. A ``follow_up`` takes its subject from the question before it ("How long is
    it kept?"), so it is flagged only when a rule and the model both find it shallow.
    """
    if len(text) > MAX_QUESTION_CHARS:  # not a question: no rule or model reads it
        lang = language or detect_language(text[:MAX_QUESTION_CHARS])
        finding = _finding("too-long", ui_language or lang, None, set(allow))
        return LintResult(text=text, language=lang, findings=(finding,))
    lang = language or detect_language(text)
    if not text.strip():
        return LintResult(text=text, language=lang)
    rules = _rules(lang)
    hits = rules.find(text)
    if not hits and rules.good_form(text):  # a fact, an artifact or a story: the model's
        return LintResult(text=text, language=lang)  # n-grams alone never flag that form
    model = model_for(lang)
    logit = model.logit(text, [code for code, _ in hits])
    if follow_up:
        shallow = bool(hits) and logit >= model.threshold
    else:
        shallow = logit >= model.threshold or (bool(hits) and logit >= model.rule_threshold)
    if not shallow:
        return LintResult(text=text, language=lang)
    accepted = set(allow)
    ui = ui_language or lang
    if hits:
        hits.sort(key=lambda hit: hit[0] != "double-barreled")
        findings = tuple(_text_finding(code, text, lang, ui, span, accepted) for code, span in hits)
    else:
        code, words = model.explain(text)
        findings = (_text_finding(code, text, lang, ui, _span_of(words, text), accepted, words),)
    offer, taken = _offer(text, lang, [f.code for f in findings if f.makes_shallow])
    if offer is None:
        return LintResult(text=text, language=lang, findings=findings)
    findings = tuple(
        replace(f, suggestion=offer.question, rewritten=True, follow_up=offer.follow_up)
        if f.code == taken
        else f
        for f in findings
    )
    return LintResult(
        text=text,
        language=lang,
        findings=findings,
        rewrite=offer.question,
        follow_up=offer.follow_up,
    )


def _offer(text: str, language: str, codes: list[str]) -> tuple[Offer | None, str]:
    """The rewrite offered for a question flagged ``codes``, and the code it answers: a
    question asking why they chose a rival as how the selection went, or a double question as
    its first question with the other half asked next; ``(None, "")`` for anything else (the
    findings guide)."""
    choice = next((code for code in codes if code in _CHOICE), "")
    if choice:
        selected = selection(text, language)
        if selected:
            return selected, choice
    if "double-barreled" in codes:
        first = first_half(text, language)
        # the first question is the user's own: kept only when it asks a fact itself
        if first and _asks_a_fact(first, language):
            follow = _follow_up(text, first, language)
            if follow:  # nothing the PM asked is dropped: the other half is asked next
                return Offer(first, follow), "double-barreled"
    return None, ""


#: what the model alone may call a short factual half ("How often do you deploy?"), when no
#: rule finds a form in it and it names what it asks about
_LOOSE = ("vague", "competitor-confront")


def _asks_a_fact(question: str, language: str) -> bool:
    """``question`` (one half of a double question) asks a fact: no rule finds a shallow
    form in it, and the model finds it shallow at most for its brevity with a subject named
    ("What's the current RTO for the core banking database?")."""
    if _rules(language).find(question):
        return False
    result = lint_text(question, language)
    if not result.shallow:
        return True
    named = subject_of(question, language) or (language != "zh-CN" and english_phrase(question))
    return all(code in _LOOSE for code in result.codes) and bool(named)


def _follow_up(text: str, first: str, language: str) -> str:
    """The other half of the double question ``text`` whose first half ``first`` is kept, as
    a question to ask next; "" when it can't stand alone or is shallow itself
    (a follow-up is read after its question: flagged only when a rule and the model agree)."""
    follow = follow_up_of(text, first, language)
    if not follow or follow == first:
        return ""
    if lint_text(follow, language, follow_up=True).shallow:
        return ""
    return follow


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
    return LintResult(
        text=result.text,
        language=result.language,
        findings=result.findings + extra,
        rewrite=result.rewrite,
        follow_up=result.follow_up,
    )
