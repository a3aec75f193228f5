"""What a language's rule is: a function from lower-cased text to ``(code, span)`` hits."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

Hit = tuple[str, tuple[int, int]]
Rule = Callable[[str], Iterator[Hit]]


#: the most characters a rule's gap (``[^?]*``: "why … chose … them") spans; a rule whose
#: words are further apart than this does not fire. Real questions are under 300 characters,
#: and a bounded gap keeps every rule linear in the length of the text.
GAP = 300
_OPEN_GAP = re.compile(r"(\[\^(?:\\.|[^\]])*\])\*")


def gapped(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` with every negated-class gap ``[^…]*`` bounded to :data:`GAP`."""
    return re.compile(_OPEN_GAP.sub(lambda m: f"{m[1]}{{0,{GAP}}}", source), flags)


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


class Split:
    """A pattern whose top-level alternatives anchored at ``^`` are searched apart.

    Python's ``re`` searches an alternation that mixes ``^`` branches with free ones up to
    ten times slower than the two halves on their own; the result is the same match
    (the anchored half can only match at the start, which is leftmost anyway).
    """

    __slots__ = ("anchored", "free")

    def __init__(self, source: str) -> None:
        branches = _top_level_branches(source)
        anchored = [b for b in branches if b.startswith("^")]
        free = [b for b in branches if not b.startswith("^")]
        self.anchored = re.compile("|".join(anchored)) if anchored else None
        self.free = re.compile("|".join(free)) if free else None

    def search(self, text: str) -> re.Match[str] | None:
        if self.anchored is not None:
            match = self.anchored.match(text)
            if match:
                return match
        return self.free.search(text) if self.free is not None else None


def _top_level_branches(source: str) -> list[str]:
    branches, depth, current, i = [], 0, [], 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            current.append(source[i : i + 2])
            i += 2
            continue
        if char == "[":
            end = i + 1
            if source[end : end + 1] == "^":
                end += 1
            end = source.index("]", end + 1)
            current.append(source[i : end + 1])
            i = end + 1
            continue
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            branches.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    branches.append("".join(current))
    return branches
