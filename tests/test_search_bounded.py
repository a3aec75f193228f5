"""Search ranks a bounded set, the newest matches, and says when there were more: the same
cost with 160,000 matching records as with 4,000. The search screen says so too, and when it
shows fewer hits than match, with ctrl+n for the next ones."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from textual.widgets import Static

from interview_tui.cli.main import cli
from interview_tui.domain.models import Note, Visit
from interview_tui.i18n import t
from interview_tui.store import store as store_module
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.screen_keys import key_display
from interview_tui.tui.text import SafeTable
from tests.conftest import settle


def test_search_ranks_the_newest_matches_and_says_there_were_more(demo_store, monkeypatch) -> None:
    store = demo_store
    visit = store.all(Visit)[0]
    for number in range(6):
        store.save(Note(visit_id=visit.id, text=f"zebra crossing number {number}"))
    assert len(store.search("zebra", limit=50)) == 6 and not store.search_cut_off("zebra")
    monkeypatch.setattr(store_module, "SEARCH_RANKED", 4)
    hits = store.search("zebra", limit=50)
    newest = sorted(n.id for n in store.notes(visit.id) if "zebra" in n.text)[-4:]
    assert sorted(hit.ref_id for hit in hits) == newest
    assert store.search_cut_off("zebra") and not store.search_cut_off("nothing-like-it")
    for lang, words in (("en", "newest 4"), ("zh", "最新的 4 条")):
        result = CliRunner().invoke(
            cli, ["--lang", lang, "--db", str(store.path), "search", "zebra"]
        )
        assert result.exit_code == 0, result.output
        assert words in result.output and result.output.count("zebra crossing") == 4


def _zebras(store, count: int) -> None:
    visit = store.all(Visit)[0]
    for number in range(count):
        store.save(Note(visit_id=visit.id, text=f"zebra crossing number {number}"))


def _said(app) -> str:
    return str(app.screen.query_one("#search-more", Static).content)


def _bar(app) -> str:
    return app.screen.query_one(KeyBar).render().plain


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_search_screen_says_more_match_and_ctrl_n_shows_them(
    make_app, demo_store, lang: str
) -> None:
    """120 matches: the best 50 are shown and the screen says more match, how many are
    shown and how to see more or narrow; ctrl+n (typed in the query field) adds 50 below,
    the cursor on the first new one; once all are shown, nothing is said and ctrl+n is gone.
    (The screen showed 50 and said nothing.)"""
    _zebras(demo_store, 120)
    app = make_app("search", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"zebra")
        await settle(pilot)
        table = app.screen.query_one(SafeTable)
        assert table.row_count == 50
        said = _said(app)
        assert "50" in said and key_display(app, "ctrl+n") in said, said
        words = ("more match", "add a word") if lang == "en" else ("还有更多匹配", "再加一个词")
        assert all(word in said for word in words), said
        assert t("search.more") in _bar(app)
        await pilot.press("ctrl+n")  # the query field has the focus: the key still works
        await settle(pilot)
        assert table.row_count == 100 and table.cursor_row == 50
        assert "100" in _said(app)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert table.row_count == 120 and _said(app) == ""
        assert t("search.more") not in _bar(app)
        await pilot.press("backspace")  # a new search: its best 50 again
        await settle(pilot)
        assert table.row_count == 50 and table.cursor_row == 0 and "50" in _said(app)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_search_screen_says_when_only_the_newest_were_ranked(
    make_app, demo_store, monkeypatch, lang: str
) -> None:
    """More records match than are ranked: the screen says the hits were chosen among the
    newest, as ``interview-tui search`` does, and that a word more narrows the search."""
    from interview_tui.services import search as search_service

    _zebras(demo_store, 120)
    monkeypatch.setattr(store_module, "SEARCH_RANKED", 100)
    monkeypatch.setattr(search_service, "SEARCH_RANKED", 100)
    app = make_app("search", lang=lang, query="zebra")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(SafeTable)
        assert table.row_count == 50
        said = _said(app)
        newest = "newest 100" if lang == "en" else "最新的 100 条"
        assert newest in said and key_display(app, "ctrl+n") in said, said
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert table.row_count == 100  # every ranked match
        said = _said(app)
        assert newest in said and key_display(app, "ctrl+n") not in said, said
        assert t("search.more") not in _bar(app)
