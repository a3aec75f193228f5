"""Rehearsing their questions says what its number counts (walk D14: "Their questions · 21",
then "· 20", with no word for what was left)."""

from __future__ import annotations

import pytest

from tests.conftest import settle

SAID = {"en": "cards left to answer with confidence, of", "zh": "张需有把握地回答，共"}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_their_questions_count_says_what_is_left(make_app, lang: str) -> None:
    app = make_app("rehearse", lang=lang, visit_id=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.action_switch()  # to their questions
        await settle(pilot)
        mode = str(screen.query_one("#mode").render())
        total = len(screen.deck.cards)
        assert total > 1
        assert SAID[lang] in mode and str(total) in mode, mode


async def test_c_and_s_count_with_the_answer_hidden(make_app) -> None:
    """``c`` / ``s`` before ``space`` were dropped without a word: a PM who pressed
    ``space c s`` in a hurry lost the ``s``. The key counts, the answer shown or not."""
    app = make_app("rehearse", lang="zh", visit_id=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("tab")  # to their questions
        await settle(pilot)
        total = len(screen.deck.queue)
        first, second = screen.deck.queue[0], screen.deck.queue[1]
        await pilot.press("c")  # sure of it: no need to look
        await settle(pilot)
        assert screen.deck.cards[first].confidence == "confident"
        await pilot.press("space", "s")
        await settle(pilot)
        assert screen.deck.cards[second].confidence == "shaky"
        assert len(screen.deck.queue) == total - 1  # the shaky one comes back at the end
        assert not screen.revealed  # the next card starts hidden
