"""A count shown in English takes the plural form its number asks for (walk D14: the pool
said "1 requirements"): every [en] text with a value followed by a plural noun is an inline
table of forms (``one`` / ``other``), chosen by the value it counts."""

from __future__ import annotations

import re

from interview_tui.i18n import catalog, t

#: words ending in "s" that follow a value without counting it ("{path} exists")
NOT_PLURALS = {"is", "was", "has", "does", "holds", "moves", "exists", "this", "its", "as"}
#: a value, perhaps an adjective, then a word in -s: "{total} requirements", "{n} open items"
COUNTED = re.compile(r"\{(\w+)\}(?: (?:more|open|new|late|overdue|other|unanswered))? ([a-z]+s)\b")


def _counted(text: str) -> list[str]:
    return [m.group(0) for m in COUNTED.finditer(text) if m.group(2) not in NOT_PLURALS]


def _counted_without_forms() -> list[str]:
    return [
        f"{key}: {found!r}"
        for key, entry in sorted(catalog("en").items())
        if isinstance(entry, str)
        for found in _counted(entry)
    ]


def test_no_count_in_english_lacks_a_singular() -> None:
    assert _counted_without_forms() == []


def test_the_scan_finds_what_it_looks_for() -> None:
    assert _counted("{total} requirements · {groups}") == ["{total} requirements"]
    assert _counted("placed {days} days after; {n} open items") == ["{days} days", "{n} open items"]
    assert _counted("{path} exists: ctrl+s again") == []


def test_one_and_many_read_right() -> None:
    assert t("pool.counts", total=1, groups="x") == "1 requirement · x"
    assert t("pool.counts", total=3, groups="x") == "3 requirements · x"
    assert "(1 day ago)" in t("commitment.due_past", date="2026-12-05", days=1)
    assert "(5 days ago)" in t("commitment.due_past", date="2026-12-01", days=5)
    assert t("import.value.too_short", min_length=1) == "at least 1 item"
    shared = t(
        "cli.team.shared", id=1, customer="Acme", notes="1 note", requirements="", commitments=""
    )
    assert "1 note" in shared
    assert t("pool.counts", "zh-CN", total=1, groups="x") == "共 1 条需求 · x"
