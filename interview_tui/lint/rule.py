"""What a language's rule is: a function from lower-cased text to ``(code, span)`` hits."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

Hit = tuple[str, tuple[int, int]]
Rule = Callable[[str], Iterator[Hit]]


def regex_rule(code: str, pattern: re.Pattern[str]) -> Rule:
    """A rule that reports ``code`` at the first match of ``pattern``."""

    def rule(text: str) -> Iterator[Hit]:
        match = pattern.search(text)
        if match:
            yield code, match.span()

    return rule


def run_rules(rules: tuple[Rule, ...], text: str) -> list[Hit]:
    """Every rule's first hit in ``text``, in rule order."""
    return [hit for rule in rules for hit in rule(text)]
