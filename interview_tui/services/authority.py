"""Does a commitment touch what the visit plan says must not be promised?

The plan's "must not promise" and "may promise" are free text, one item per line (or
separated by ; ； , ， 、 。 /). Matching is by whole words and whole terms, never by
substrings:

- English: a significant word of a limit (four letters or more and not a stop word, a
  number, or a short term such as SLA) matches the same word in the commitment, in any of
  its forms (date, dates, dated); "Update the datasheet" does not touch "roadmap dates".
- Chinese: each run of Chinese characters in a limit is one term, matched whole ("具体上线
  日期" also as "上线日期", without a leading qualifier such as 具体 or 任何); single
  characters and parts of a term never match.

What the plan says may be promised is within authority: the parts of a commitment that
repeat a "may promise" item (word for word, or every significant word of it) are not
checked. The check warns; the PM decides, and an override is recorded on the commitment
(:func:`override_authority`, :func:`apply_override`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interview_tui.domain.models import Commitment
    from interview_tui.store.store import Store

_SPLIT = re.compile(r"[\n;；,，、。/]+")
_LATIN = re.compile(r"[a-z][a-z0-9'%-]*[a-z0-9%]|[a-z]|\d+(?:[.,]\d+)*%?")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_STOP_WORDS = """about after again also before being could from have into just more must never only
    other over promise promised promises same some such than that their them then there these
    they this those under until very what when which while will with within without would
    your our anything anyone any not the and for are but can custom customer customers give
    make made"""
_STOP = frozenset(_STOP_WORDS.split())
_SHORT = frozenset({"sla", "gpu", "api", "rto", "rpo", "eta", "poc", "nda"})
#: qualifiers that may open a Chinese limit term ("具体上线日期" also matches "上线日期")
_CJK_QUALIFIERS = ("任何形式的", "任何的", "具体的", "明确的", "确切的", "正式的", "书面的",
                   "任何", "具体", "明确", "确切", "正式", "书面", "额外", "不能", "不要",
                   "不得", "承诺", "给出")  # fmt: skip
_SUFFIXES = ("ing", "ed", "es", "s", "e")


def _stem(word: str) -> str:
    """One form for date/dates/dated/dating, discount/discounts, price/pricing."""
    word = word.removesuffix("'s")
    if word[0].isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                continue
            return word[: -len(suffix)]
    return word


def _significant(word: str) -> bool:
    return word not in _STOP and (len(word) >= 4 or word[0].isdigit() or word in _SHORT)


def _words(text: str) -> set[str]:
    """The stems of every Latin word and number in ``text``."""
    return {_stem(word) for word in _LATIN.findall(text.lower())}


def _terms(limit: str) -> set[str]:
    """The whole Chinese terms of a limit, with and without a leading qualifier."""
    terms = set()
    for run in _CJK_RUN.findall(limit):
        terms.add(run)
        core = run
        while stripped := next((core[len(q):] for q in _CJK_QUALIFIERS
                                if core.startswith(q) and len(core) - len(q) >= 2), ""):
            core = stripped
            terms.add(core)
    return {term for term in terms if len(term) >= 2}


def limits(must_not_promise: str) -> list[str]:
    """The separate items written in a visit plan."""
    return [part.strip() for part in _SPLIT.split(must_not_promise) if part.strip()]


def _flat(text: str) -> str:
    """Lower case, one space between words: "提供测试资源 2 周" and "提供测试资源2周" agree."""
    text = " ".join(text.lower().split())
    return re.sub(r"(?<=[\u3400-\u9fff]) | (?=[\u3400-\u9fff])", "", text)


def _outside_may_promise(text: str, may_promise: str) -> str:
    """``text`` without the parts that repeat what the plan says we may promise."""
    rest = _flat(text)
    for item in sorted(limits(may_promise), key=len, reverse=True):
        flat = _flat(item)
        if rest and (len(rest) >= 2 and rest in flat):
            return ""
        rest = rest.replace(flat, " ")
        words = {_stem(w) for w in _LATIN.findall(flat) if _significant(w)}
        if words and not _CJK_RUN.search(flat) and words <= _words(rest):
            rest = " ".join(w for w in rest.split() if _stem(w.strip(".,;:!?")) not in words)
    return rest


def _touches(text: str, words: set[str], limit: str) -> bool:
    latin = {_stem(w) for w in _LATIN.findall(limit.lower()) if _significant(w)}
    if latin & words:
        return True
    return any(term in text for term in _terms(limit))


def flags_beyond_authority(text: str, must_not_promise: str, may_promise: str = "") -> list[str]:
    """The limits that ``text`` touches, in the order the plan lists them (none when the
    commitment only repeats what the plan says may be promised)."""
    rest = _outside_may_promise(text, may_promise) if may_promise.strip() else _flat(text)
    if not rest.strip():
        return []
    words = _words(rest)
    return [limit for limit in limits(must_not_promise) if _touches(rest, words, limit)]


def apply_override(commitment: Commitment, reason: str, today: date) -> Commitment:
    """Record that the PM keeps a flagged commitment, and why (not saved: the caller saves).

    For the live dialog: build the commitment, call this when the PM overrides the warning,
    then save it. ``within_authority`` stays false, so the internal report shows both the
    warning and the override.
    """
    from interview_tui.errors import UserError

    if not reason.strip():
        from interview_tui.i18n import t

        raise UserError(t("error.override_why"))
    commitment.authority_override = reason.strip()
    commitment.history = [*commitment.history, {"on": today.isoformat(), "change": "authority",
                                                "from": "warned", "to": "overridden",
                                                "reason": reason.strip()}]  # fmt: skip
    return commitment


def override_authority(store: Store, commitment_id: int, reason: str, today: date) -> Commitment:
    """Keep a stored commitment although the check flagged it; the override is saved on it."""
    from interview_tui.domain.models import Commitment
    from interview_tui.errors import UserError
    from interview_tui.i18n import t

    with store.transaction():
        commitment = store.get(Commitment, commitment_id)
        if commitment is None:
            raise UserError(t("error.no_commitment_listed", id=commitment_id))
        if commitment.within_authority:
            raise UserError(t("error.not_flagged", id=commitment_id))
        return store.save(apply_override(commitment, reason, today))
