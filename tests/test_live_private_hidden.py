"""A note marked private (laptop only) is never shown in the customer view, whether it was
private before the view was turned on or is made private in it; and no note the customer
view hides is labelled customer-visible (a team-profile or personal-connection note said
"customer-visible" while the customer view hid it)."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from interview_tui.domain.enums import Goal
from interview_tui.domain.models import Note
from interview_tui.tui.textual_private import screen_strips
from tests.conftest import settle

VISIT = 4  # Northwind Logistics
SECRET = "TKN-PRIVATE-their child sits the gaokao next year"


def _drawn(app) -> str:
    return "\n".join("".join(s.text for s in strip) for strip in screen_strips(app.screen))


async def test_a_private_note_is_hidden_in_the_customer_view(make_app, demo_store) -> None:
    item = demo_store.script(VISIT)[0]
    demo_store.save(Note(visit_id=VISIT, script_item_id=item.id, text=SECRET, private=True))
    demo_store.save(Note(visit_id=VISIT, script_item_id=item.id, text="TKN-SHARED plain note"))
    app = make_app("live", visit_id=VISIT)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "TKN-PRIVATE" in _drawn(app)  # ours: shown in our view
        await pilot.press("f2")  # the customer view
        await settle(pilot)
        drawn = _drawn(app)
        assert "TKN-PRIVATE" not in drawn and "gaokao" not in drawn, drawn
        assert "TKN-SHARED" in drawn


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_made_private_in_the_customer_view_it_is_hidden_at_once(make_app, lang) -> None:
    app = make_app("live", lang=lang, visit_id=VISIT)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press(*"TKN-MINE ", "ctrl+y", "p")
        await settle(pilot)
        assert "TKN-MINE" not in _drawn(app)
        assert not app.screen.query_one("#note", TextArea).display
        await pilot.press(*"more")  # still typed into the private note, unseen
        await settle(pilot)
        assert "TKN-MINE more" in app.screen.query_one("#note", TextArea).text
        assert "TKN-MINE" not in _drawn(app)


@pytest.mark.parametrize("goal", [Goal.TEAM_PROFILE, Goal.PERSONAL_CONNECTION])
@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_note_the_customer_view_hides_is_not_called_customer_visible(
    make_app, lang, goal
) -> None:
    app = make_app("live", lang=lang, visit_id=VISIT)
    shown = {"en": "customer-visible", "zh": "客户可见"}[lang]
    hidden = {"en": "not in the customer view", "zh": "客户视图不显示"}[lang]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"a note")
        await settle(pilot)
        assert shown in _drawn(app)
        number = list(Goal).index(goal) + 1
        await pilot.press("ctrl+y", str(number))
        await settle(pilot)
        assert shown not in _drawn(app) and hidden in _drawn(app)
        await pilot.press("ctrl+y", str(number))  # tagged again: the same goal stays
        await pilot.press("ctrl+y", "2")  # a goal the customer sees
        await settle(pilot)
        assert shown in _drawn(app)
        await pilot.press("ctrl+y", "p")  # private: laptop only, not in the customer view
        await settle(pilot)
        assert shown not in _drawn(app) and hidden in _drawn(app)
