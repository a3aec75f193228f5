"""A note marked private in the meeting says so and never leaves the laptop."""

from __future__ import annotations

from textual.widgets import Static

from interview_tui.tui.live.live_screen import SAVE_DELAY
from tests.conftest import settle

PLANNED_ZH = 2


async def test_ctrl_y_p_marks_the_note_private_and_the_note_says_so(make_app, demo_store):
    app = make_app("live", lang="en", visit_id=PLANNED_ZH)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"my own read of the CTO")
        await pilot.press("ctrl+y", "p")
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(pilot)
        app.screen.session.wait_written()
        tags = str(app.screen.query_one("#note-tags", Static).content)
        assert "PRIVATE, laptop only" in tags
        rows = demo_store.query("SELECT text, private FROM notes WHERE text LIKE 'my own%'")
        assert rows == [{"text": "my own read of the CTO", "private": 1}]
        await pilot.press("ctrl+y", "p")  # and back
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(pilot)
        app.screen.session.wait_written()
        assert demo_store.query("SELECT private FROM notes WHERE text LIKE 'my own%'") == [
            {"private": 0}
        ]
