"""Does a commitment touch what the visit plan says must not be promised?

The plan's "must not promise" is free text, one limit per line (or separated by ; ， 、).
A commitment is flagged when it shares a significant word with a limit: an English word of
four letters or more that is not a stop word (matched by its stem), a number, or a
two-character Chinese word (every CJK bigram of the limit). It warns; the PM decides.
"""

from __future__ import annotations

import re

_SPLIT = re.compile(r"[\n;；,，、。]+")
_LATIN = re.compile(r"[a-z][a-z0-9.%-]{2,}|\d+(?:[.,]\d+)*%?")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_STOP_WORDS = """about after again also before being could from have into just more must never only
    other over promise promised promises same some such than that their them then there these
    they this those under until very what when which while will with within without would
    your our anything anyone any not the and for are but can custom customer customers"""
_STOP = frozenset(_STOP_WORDS.split())
_SHORT = frozenset({"sla", "gpu", "api", "rto", "rpo", "eta"})
_CJK_STOP = frozenset(
    {"承诺", "不能", "不要", "不得", "任何", "我们", "客户", "可以", "能够", "给出"}
)


def _keywords(limit: str) -> set[str]:
    lowered = limit.lower()
    words = {
        w if w[0].isdigit() or len(w) < 5 else w[: max(4, len(w) - 3)]  # a stem: discount(s)
        for w in _LATIN.findall(lowered)
        if w not in _STOP and (len(w) >= 4 or w[0].isdigit() or w in _SHORT)
    }
    for run in _CJK_RUN.findall(limit):
        words |= {run[i : i + 2] for i in range(len(run) - 1)} - _CJK_STOP
    return words


def limits(must_not_promise: str) -> list[str]:
    """The separate limits written in a visit plan."""
    return [part.strip() for part in _SPLIT.split(must_not_promise) if part.strip()]


def flags_beyond_authority(text: str, must_not_promise: str) -> list[str]:
    """The limits that ``text`` touches, in the order the plan lists them."""
    lowered = text.lower()
    return [limit for limit in limits(must_not_promise)
            if any(word in lowered for word in _keywords(limit))]  # fmt: skip
