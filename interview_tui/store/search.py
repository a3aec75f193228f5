"""Full-text search that finds Chinese words as well as English ones.

SQLite's FTS5 ``unicode61`` tokenizer treats a run of Chinese characters as one token, and
the ``trigram`` tokenizer cannot match words shorter than three characters, yet most Chinese
words have two (账单, 故障). So the index stores a *search form* of each text: runs of CJK
characters are rewritten as their overlapping bigrams (每月对账单 -> 每月 月对 对账 账单),
everything else is kept for ``unicode61`` to tokenize and case-fold. A query is rewritten the
same way, and its bigrams are matched as a phrase, so 对账单 matches only where 对账 is
followed by 账单. A one-character Chinese query is matched as a prefix of the bigrams.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

_CJK = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs and compatibility
    "\u3040-\u30ff"  # kana
    "\uac00-\ud7af"  # hangul syllables
)


@cache
def _cjk_run() -> re.Pattern[str]:
    """A run of CJK characters. Compiled when first used, as :func:`_word`: their ranges
    take milliseconds to compile, and opening the app indexes and searches nothing."""
    return re.compile(f"[{_CJK}]+")


@cache
def _word() -> re.Pattern[str]:
    """A query's words: a CJK run, or a run of other letters and digits (``A友商`` is two)."""
    return re.compile(rf"[{_CJK}]+|(?:(?![{_CJK}])[^\W_])+", re.UNICODE)


#: What is searchable, per kind of record: (table, text fields).
INDEXED_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "note": ("notes", ("text", "action")),
    "requirement": (
        "requirements",
        (
            "title",
            "user",
            "scenario",
            "pain",
            "originator",
            "product_details",
            "solution_idea",
            "workaround",
            "solutions",
        ),
    ),
    "commitment": ("commitments", ("text", "owner_name", "resolution_note")),
    # whom we know: a person by name, title, stakeholder role (its names in both languages),
    # e-mail, phone and other contact; a customer by name, industry and notes
    "person": ("people", ("name", "title", "role", "email", "phone", "contact")),
    "customer": ("customers", ("name", "industry", "notes")),
}

#: the kinds that are people and customers, not what was written at a visit (no visit)
DIRECTORY_KINDS = ("person", "customer")

_KIND_NUMBER = {kind: number for number, kind in enumerate(INDEXED_FIELDS, start=1)}

#: added to the index rows of people and customers: above every other record's row, so
#: they are always among the newest matches a search ranks (a contact's name in thousands
#: of newer notes still finds the contact) and are read apart; there are few of them
DIRECTORY_ROWS = 1 << 62


def search_rowid(kind: str, ref_id: int) -> int:
    """The index row of a record: one per (kind, id), so it is replaced without a scan."""
    rowid = int(ref_id) * 8 + _KIND_NUMBER[kind]
    return rowid + DIRECTORY_ROWS if kind in DIRECTORY_KINDS else rowid


def searchable_text(kind: str, row: dict[str, Any]) -> str:
    """What was written in a record's searchable fields, as one text: a requirement's
    solution proposals (stored as JSON) give their text, our reasoning and each answer's
    reason, the customer's words; a person's or a customer's fields are those filled in,
    between ``·`` (a person's role named in the interface's language)."""
    texts = _field_texts(kind, row)
    if kind in DIRECTORY_KINDS:
        return " · ".join(text for text in texts if text)
    return " ".join(texts)


def _field_texts(kind: str, row: dict[str, Any], *, every_language: bool = False) -> list[str]:
    """The text of each searchable field of a record, in order (see :func:`_field_text`)."""
    _, fields = INDEXED_FIELDS[kind]
    return [_field_text(name, row.get(name), every_language=every_language) for name in fields]


def _role_names(value: object, *, every_language: bool = False) -> list[str]:
    """A stakeholder role's display names: in the interface's language, or all of them
    (long and short, English and Chinese), as the index keeps them. An unknown id as it is."""
    from interview_tui.domain.enums import Role
    from interview_tui.domain.names import display_of
    from interview_tui.i18n import LANGUAGES

    raw = str(value or "")
    if raw not in {role.value for role in Role}:
        return [raw] if raw else []
    if not every_language:
        return [display_of(Role, raw)]
    names = (
        display_of(Role, raw, short=short, language=language)
        for language in LANGUAGES
        for short in (False, True)
    )
    return list(dict.fromkeys(names))


def _field_text(name: str, value: object, *, every_language: bool = False) -> str:
    if name == "role":
        return " ".join(_role_names(value, every_language=every_language))
    if name != "solutions":
        return str(value or "")
    proposals = json.loads(value) if isinstance(value, str) and value else value or []
    words = []
    for proposal in proposals if isinstance(proposals, list) else []:
        if isinstance(proposal, dict):
            words += [str(proposal.get("text") or ""), str(proposal.get("reasoning") or "")]
            words += [
                str(reply.get("reason") or "")
                for reply in proposal.get("replies") or []
                if isinstance(reply, dict)
            ]
    return " ".join(word for word in words if word)


def index_body(kind: str, row: dict[str, Any]) -> str:
    """The search form of a record's searchable fields (a person's role by each of its
    names, whatever the interface's language: found in Chinese and in English)."""
    return index_form(" ".join(_field_texts(kind, row, every_language=True)))


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_form(text: str) -> str:
    """The text as stored in the FTS index: CJK runs become space-separated bigrams."""
    return _cjk_run().sub(lambda m: " " + " ".join(_bigrams(m.group())) + " ", text)


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed (all terms must match).

    Returns ``None`` when the query has no searchable characters.
    """
    terms: list[str] = []
    for token in _word().findall(query):
        if _cjk_run().fullmatch(token):
            if len(token) == 1:
                terms.append(f'"{token}"*')
            else:
                terms.append('"' + " ".join(_bigrams(token)) + '"')
        else:
            terms.append(f'"{token}"*' if len(token) >= 3 else f'"{token}"')
    return " AND ".join(terms) if terms else None


def snippet(text: str, query: str, width: int = 60, *, from_start: bool = False) -> str:
    """A window of ``text`` around the first query term found, for showing a hit in context;
    ``from_start``: from the text's start whenever that term fits in the window (a person's
    name stays in sight before the title found)."""
    flat = " ".join(text.split())
    lowered = flat.lower()
    found = [
        (lowered.find(token.lower()), len(token))
        for token in _word().findall(query)
        if token.lower() in lowered
    ]
    if not found:
        return flat[:width] + ("…" if len(flat) > width else "")
    first, length = min(found)
    start = 0 if from_start and first + length <= width else max(0, first - width // 3)
    end = min(len(flat), start + width)
    prefix = "…" if start else ""
    suffix = "…" if end < len(flat) else ""
    return prefix + flat[start:end] + suffix


def _cells(char: str) -> int:
    """Terminal cells of one character: two for wide (CJK) ones."""
    import unicodedata

    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def around_hit(text: str, query: str, cells: int, *, from_start: bool = False) -> str:
    """The part of ``text`` (a hit's snippet) that fits ``cells`` terminal cells, chosen so
    the first query term found is in it with the words before it: at 80 columns a result
    line shows the hit's surroundings, never a start that cuts the matched words off.
    ``from_start``: from the text's start whenever that term fits (a person's name stays in
    sight). Cuts are marked ``…``."""
    body = text.removeprefix("…").removesuffix("…")
    cut_before, cut_after = text.startswith("…"), text.endswith("…")
    if cells <= 0 or sum(map(_cells, text)) <= cells:
        return text
    lowered = body.lower()
    found = sorted(
        (lowered.find(token.lower()), token)
        for token in _word().findall(query)
        if token.lower() in lowered
    )
    hit, token = found[0] if found else (0, "")
    # up to a third of the room for the words before the hit, less when the match and
    # the two … marks need it; all of them when they fit with it (``from_start``)
    before = max(0, min(cells // 3, cells - 2 - sum(map(_cells, token))))
    if from_start and not cut_before:
        through = sum(map(_cells, body[: hit + len(token)]))
        before = max(before, sum(map(_cells, body[:hit])) if through <= cells - 1 else 0)
    start, lead = hit, 0
    while start > 0 and lead + _cells(body[start - 1]) <= before:
        start -= 1
        lead += _cells(body[start])
    prefix = "…" if start > 0 or cut_before else ""
    room = cells - len(prefix)
    end, used = start, 0
    while end < len(body) and used + _cells(body[end]) <= room:
        used += _cells(body[end])
        end += 1
    if end < len(body) or cut_after:
        while end > start and used + 1 > room:  # room for the closing …
            end -= 1
            used -= _cells(body[end])
        return prefix + body[start:end] + "…"
    return prefix + body[start:end]
