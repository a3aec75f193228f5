"""What the linter reports: findings with a stable code and a severity, per question."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


#: The longest text linted as a question; a longer one is a ``too-long`` finding, unread.
MAX_QUESTION_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """A finding code: how serious it is and whether it reads only the text."""

    code: str
    severity: Severity
    text_level: bool


#: Every code the linter can report, in the order the documentation lists them.
CODES: dict[str, CodeInfo] = {
    info.code: info
    for info in (
        CodeInfo("obvious-answer", Severity.ERROR, True),
        CodeInfo("design-offload", Severity.ERROR, True),
        CodeInfo("competitor-confront", Severity.ERROR, True),
        CodeInfo("hypothetical", Severity.WARNING, True),
        CodeInfo("opinion-fishing", Severity.WARNING, True),
        CodeInfo("leading", Severity.WARNING, True),
        CodeInfo("double-barreled", Severity.WARNING, True),
        CodeInfo("vague", Severity.WARNING, True),
        CodeInfo("too-long", Severity.ERROR, True),
        CodeInfo("no-research", Severity.WARNING, False),
        CodeInfo("role-mismatch", Severity.WARNING, False),
        CodeInfo("no-purpose", Severity.INFO, False),
    )
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One reason a question is weak, explained, with a better form to copy.

    For a text-level code ``suggestion`` is a rewrite of the question itself when
    ``rewritten``, else a one-line guide to rewriting it; ``evidence`` holds the words that
    made the model flag it when no rule did. A rewrite asked in two steps (a double question's
    first half, a rival's choice asked as the shortlist) carries the question to ask next in
    ``follow_up`` ("" when none).
    """

    code: str
    severity: Severity
    message: str
    suggestion: str
    span: tuple[int, int] | None = None
    accepted: bool = False
    evidence: tuple[str, ...] = ()
    rewritten: bool = False
    follow_up: str = ""

    @property
    def text_level(self) -> bool:
        return CODES[self.code].text_level

    @property
    def makes_shallow(self) -> bool:
        """Text-level, warning or worse, and not accepted on purpose."""
        return self.text_level and not self.accepted and self.severity.rank >= 1

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
        }
        if self.evidence:
            data["evidence"] = list(self.evidence)
        if self.text_level and self.code != "too-long":
            data["rewrite"] = self.rewritten
        if self.follow_up:
            data["follow_up"] = self.follow_up
        if self.accepted:
            data["accepted"] = True
        return data


@dataclass(frozen=True, slots=True)
class LintResult:
    """The findings for one question."""

    text: str
    language: str
    findings: tuple[Finding, ...] = field(default=())
    #: the one better form of the question a key can put in its place ("" when none)
    rewrite: str = ""
    #: the question to ask after ``rewrite`` (a double question's other half, "what decided
    #: it in the end?"; "" when none)
    follow_up: str = ""

    @property
    def shallow(self) -> bool:
        return any(finding.makes_shallow for finding in self.findings)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(finding.code for finding in self.findings)

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "language": self.language,
            "shallow": self.shallow,
            "findings": [finding.to_dict() for finding in self.findings],
        }
