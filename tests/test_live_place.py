"""A meeting opened again (after a quit or a crash) comes back where it was left: in the
customer view if that is where it was (the customer may still be looking: it reopened in
ours, showing internal notes and the limits), at the question it was on."""

from __future__ import annotations

import pytest

from interview_tui.domain.models import Note
from interview_tui.services.live_session import PLACE_KEY
from tests.conftest import settle

PLANNED_ZH = 2


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_customer_view_comes_back_after_a_quit(make_app, demo_store, lang) -> None:
    demo_store.save(Note(visit_id=PLANNED_ZH, text="ZZINTERNAL 报价不满意", internal=True))
    app = make_app("live", lang=lang, visit_id=PLANNED_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "f2")  # the third question, the customer view
        await settle(pilot)
        left_at = app.screen.index
        assert app.screen.safe
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert demo_store.meta(PLACE_KEY.format(visit_id=PLANNED_ZH))
    again = make_app("live", lang=lang, visit_id=PLANNED_ZH)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = again.screen
        assert screen.safe and screen.has_class("safe")
        assert screen.index == left_at
        await pilot.press("f2")  # and back to ours: kept too
        await settle(pilot)
    third = make_app("live", lang=lang, visit_id=PLANNED_ZH)
    async with third.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not third.screen.safe


async def test_a_meeting_never_left_opens_at_its_first_question_in_our_view(make_app) -> None:
    app = make_app("live", visit_id=PLANNED_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not app.screen.safe and app.screen.index == 0


async def test_a_note_asked_for_wins_over_the_question_left_at(make_app, demo_store) -> None:
    """Opened on a note (from search), the meeting goes to that note's question; the view
    still comes back as it was left."""
    app = make_app("live", visit_id=4)  # the demo's visit with notes
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "f2")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
    first = next(n for n in demo_store.notes(4) if isinstance(n, Note) and n.script_item_id)
    again = make_app("live", visit_id=4, note_id=first.id)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = again.screen
        assert screen.item is not None and screen.item.id == first.script_item_id
        assert screen.safe
