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


async def test_a_note_a_sync_sent_already_is_not_said_to_stay_on_this_laptop(make_app, demo_store):
    """Made private after a sync had sent it, a note's toast said "it stays on this laptop"
    while the team's copy stayed in the repository and on colleagues' laptops."""
    from datetime import datetime

    from interview_tui.domain.models import Note, Visit

    visit = demo_store.get(Visit, PLANNED_ZH)
    demo_store.save(visit.model_copy(update={"shared_at": datetime(2026, 11, 20, 9)}))
    sent = demo_store.all(Note, "visit_id = ?", [PLANNED_ZH])
    demo_store.set_meta("team.synced_at", "2026-11-24T09:40:00")  # after the notes were written
    app = make_app("live", lang="en", visit_id=PLANNED_ZH)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        session = app.screen.session
        assert session.synced_at == datetime(2026, 11, 24, 9, 40)
        assert all(session.reached_the_team(note) for note in sent if note.created_at)
        await pilot.press(*"said after the sync")
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(pilot)
        app.screen.session.wait_written()
        fresh = session.note_for(app.screen.item)
        fresh.created_at = datetime(2026, 11, 24, 9, 50)  # written after the last sync
        assert not session.reached_the_team(fresh)
        fresh.created_at = datetime(2026, 11, 24, 9, 0)  # as if written before it
        app.clear_notifications()
        await pilot.press("ctrl+y", "p")
        await settle(pilot)
        said = [str(n.message) for n in app._notifications]
        assert said and "sent it to the team already" in said[-1], said
        assert not any("stays on this laptop" in text for text in said)
