"""The shallow-question detector: pure functions, no I/O, English and Chinese.

>>> lint_text("Do you want fewer outages?").shallow
True
>>> lint_text("Did Tuesday's failover page your on-call engineer?").shallow
False
"""

from interview_tui.lint.engine import QuestionLike, lint_question, lint_text
from interview_tui.lint.findings import CODES, CodeInfo, Finding, LintResult, Severity
from interview_tui.lint.language import detect_language

__all__ = [
    "CODES",
    "CodeInfo",
    "Finding",
    "LintResult",
    "QuestionLike",
    "Severity",
    "detect_language",
    "lint_question",
    "lint_text",
]
