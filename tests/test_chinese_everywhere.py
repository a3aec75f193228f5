"""Every screen, in Chinese, at 80×24 and 120×36: no English UI words, no unfilled
``{placeholder}``. Words of the user's own data (the demo has English customers) and key
names are allowed; every other run of Latin letters on screen is a leak."""

from __future__ import annotations

import re
from dataclasses import fields
from enum import StrEnum
from pathlib import Path

import pytest

from interview_tui.domain import enums
from interview_tui.settings import UserSettings
from interview_tui.tui.textual_private import screen_strips
from tests.conftest import settle

#: Latin words a Chinese screen may show: key names, file formats, the product's name
ALLOWED = {
    "esc",
    "alt",
    "ctrl",
    "super",
    "tab",
    "del",
    "enter",
    "home",
    "end",
    "space",
    "interview",
    "tui",
    "json",
    "ics",
    "csv",
    "markdown",
    "md",
    "sqlite",
}
#: a Chinese character then ": ", ", " or " (" not opening a key name
KEYLESS_WESTERN = re.compile(r"[\u4e00-\u9fff](?:: |, | \((?!(?:ctrl|alt|shift|super|f\d)\b))")
#: a file name or path on screen (``exports/recap-visit-4.md``) is not UI wording
#: a settings key named on screen (``export_folder``) is the key the user writes, not wording
SETTING = re.compile(r"\b(?:" + "|".join(f.name for f in fields(UserSettings)) + r")\b")
PATH = re.compile(r"\S*[/\\]\S*|\S+\.[a-z]{2,4}\b")
SCREENS = [
    ("home", {}),
    ("live", {"visit_id": 4}),
    ("commitments", {}),
    ("requirements", {}),
    ("matrix", {}),
    ("timeline", {"customer_id": 1}),
    ("search", {}),
    ("search", {"query": "a"}),
    ("export", {"visit_id": 4}),
    # a Chinese customer's plan: an English customer's offers its script's English bank
    # (content the user chose, tests/test_plan_bank_language.py), not wording
    ("plan", {"visit_id": 2}),
    ("rehearse", {"visit_id": 4}),
    ("customer", {}),
    ("customer", {"customer_id": 1}),
    ("visit_form", {}),
    ("visit_form", {"visit_id": 4}),
    ("requirement", {"requirement_id": 1}),
    ("commitment", {"commitment_id": 1}),
    ("line", {}),  # the product line: the customers of a need, a list
]


def _data_words(store) -> set[str]:
    """Every Latin word the user wrote: any text column of any table, except the columns
    that hold the app's own ids for its states (``tech_execution`` must never be shown)."""
    ids = {
        member.value
        for enum in vars(enums).values()
        if isinstance(enum, type) and issubclass(enum, StrEnum) and enum is not StrEnum
        for member in enum
    }
    words: set[str] = set()
    for table in store.db.table_names():
        if table.startswith(("sqlite_", "search")):
            continue
        rows = store.db.execute(f"select * from [{table}]").fetchall()
        for column in zip(*rows, strict=True) if rows else ():
            texts = [value for value in column if isinstance(value, str)]
            if texts and not all(text in ids for text in texts):
                for text in texts:
                    words |= {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    return words | _bank_words()


def _bank_words() -> set[str]:
    """Latin words of the Chinese banks (AI, CDN, MES): content the plan lists, not wording."""
    from interview_tui.banks.library import load_library

    library = load_library(user=Path("/nonexistent"))
    texts = [q.text for q in library.questions("zh-CN")]
    texts += [q.text for q in library.customer_questions("zh-CN")]
    return {w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", text)}


#: dialogs and panels, opened by their keys from a screen
DIALOGS = [
    ("live", {"visit_id": 4}, ("ctrl+t",)),
    ("live", {"visit_id": 4}, ("ctrl+r",)),
    ("live", {"visit_id": 4}, ("ctrl+l",)),
    ("live", {"visit_id": 4}, ("ctrl+o",)),
    ("live", {"visit_id": 4}, ("f3",)),
    ("live", {"visit_id": 4}, ("ctrl+y",)),
    ("live", {"visit_id": 4}, ("f5",)),
    ("live", {"visit_id": 4}, ("ctrl+g",)),
    ("live", {"visit_id": 4}, ("ctrl+p",)),
    ("home", {}, ("f1",)),
    ("home", {}, ("s",)),
    ("commitments", {}, ("x",)),
    ("commitments", {}, ("e",)),
    ("commitments", {}, ("percent_sign",)),
    ("requirements", {}, ("l",)),
    ("requirements", {}, ("s",)),
    # the own-question dialog, empty: its example and hints in the interface's language
    ("plan", {"visit_id": 4}, ("ctrl+o",)),
]


@pytest.mark.parametrize(
    ("route", "kwargs", "keys"), DIALOGS, ids=[f"{r}-{'-'.join(k)}" for r, _, k in DIALOGS]
)
async def test_no_english_in_a_chinese_dialog(make_app, demo_store, route, kwargs, keys) -> None:
    app = make_app(route, lang="zh", **kwargs)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        await pilot.pause(0.3)
        text = _screen_text(app)
    _check(text, demo_store, f"{route} {keys}", overlaid=True)


def _screen_text(app) -> str:
    return "\n".join(
        "".join(segment.text for segment in strip) for strip in screen_strips(app.screen)
    )


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
@pytest.mark.parametrize(
    ("route", "kwargs"),
    SCREENS,
    ids=[f"{r}{'-' + '-'.join(map(str, k.values())) if k else ''}" for r, k in SCREENS],
)
async def test_no_english_on_a_chinese_screen(make_app, demo_store, route, kwargs, size) -> None:
    app = make_app(route, lang="zh", **kwargs)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if route == "export":  # the preview is the document, in the customer's language
            app.screen.query_one("#preview-text").update("")
        await pilot.pause(0.1)
        text = _screen_text(app)
    _check(text, demo_store, route)


def _check(text: str, store, where: str, *, overlaid: bool = False) -> None:
    """Fail on an English word or an unfilled placeholder in ``text``."""
    data = _data_words(store)

    def leaked(word: str) -> bool:
        """Not a key name, not the user's data, nor a piece of it cut at the edge of a column
        or a line (or, behind a dialog, anywhere)."""
        word = word.lower()
        if overlaid:
            return word not in ALLOWED and not any(word in known for known in data)
        return word not in ALLOWED and not any(
            known.startswith(word) or known.endswith(word) for known in data
        )

    shown = PATH.sub(" ", SETTING.sub(" ", text))
    english = sorted({w for w in re.findall(r"[A-Za-z]{2,}", shown) if leaked(w)})
    assert not english, f"English on the zh {where} screen: {english}\n{text}"
    assert not re.search(r"\{[a-z_]+(?::[^{}]*)?\}", text), f"unfilled placeholder:\n{text}"
    # a Chinese label then a Western colon or parenthesis (待排期: …): the catalog's
    # punct.label / punct.aside give the full-width forms (a key on a button, 保存 (ctrl+s),
    # keeps the Western one, as Chinese software writes it)
    western = re.findall(KEYLESS_WESTERN, text)
    assert not western, (
        f"Western punctuation after Chinese on the {where} screen: {western}\n{text}"
    )
