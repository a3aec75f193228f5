"""The shallow-question detector: pure functions, no I/O, English and Chinese.

>>> lint_text("Do you want fewer outages?").shallow
True
>>> lint_text("Did Tuesday's failover page your on-call engineer?").shallow
False

Its names are loaded when first used: ``detect_language`` alone (an export choosing the
customer's language) does not load the rules and their patterns.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interview_tui.lint.engine import QuestionLike, lint_question, lint_text
    from interview_tui.lint.findings import CODES, CodeInfo, Finding, LintResult, Severity
    from interview_tui.lint.language import detect_language

#: each name and the module it comes from
_FROM = {
    "QuestionLike": "engine",
    "lint_question": "engine",
    "lint_text": "engine",
    "CODES": "findings",
    "CodeInfo": "findings",
    "Finding": "findings",
    "LintResult": "findings",
    "Severity": "findings",
    "detect_language": "language",
}

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


def __getattr__(name: str) -> Any:
    module = _FROM.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
