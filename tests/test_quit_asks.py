"""ctrl+q never throws away what a form holds unsaved: it asks, as esc does (save and quit,
discard and quit, or keep editing). It quit at once from a new customer's form and from a
requirement edited in its detail view (the edits gone), and did nothing at all in a dialog
(a modal screen sees only the app's priority keys)."""

from __future__ import annotations

import asyncio

import pytest

from interview_tui.domain.models import Customer, Requirement
from tests.conftest import settle


async def _until_quit(app) -> None:
    for _ in range(200):
        if not app.is_running:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"still running on {type(app.screen).__name__}")


def _asked(app) -> bool:
    return type(app.screen).__name__ == "UnsavedDialog" and app.screen.quitting


def _customers(store) -> list[str]:
    return [c.name for c in store.all(Customer)]


async def _quit_from_a_new_customer(pilot, *keys: str) -> None:
    """Open a new customer's form from home, press ``keys``, then ctrl+q: it asks."""
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    await pilot.press(*keys, "ctrl+q")
    await settle(pilot)
    assert pilot.app.is_running and _asked(pilot.app)


async def test_a_new_customer_typed_asks_and_discard_quits_without_it(make_app, demo_store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _quit_from_a_new_customer(pilot, *"Test Co")
        await pilot.press("escape")  # keep editing: the form as it was
        await settle(pilot)
        assert type(app.screen).__name__ == "CustomerScreen" and app.is_running
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("ctrl+d")
        await _until_quit(app)
    assert "Test Co" not in _customers(demo_store)


async def test_a_new_customer_saved_on_the_way_out(make_app, demo_store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _quit_from_a_new_customer(pilot, *"Größe & Co")
        await pilot.press("ctrl+s")
        await _until_quit(app)
    assert "Größe & Co" in _customers(demo_store)


async def test_a_requirement_edited_in_its_detail_view_is_saved_on_the_way_out(
    make_app, demo_store
):
    requirement = demo_store.requirements()[0]
    app = make_app("requirement", requirement_id=requirement.id)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        title = app.screen.query_one("#title")
        title.focus()
        await pilot.press("end", *" EDITED", "ctrl+q")
        await settle(pilot)
        assert app.is_running and _asked(app)
        await pilot.press("ctrl+s")
        await _until_quit(app)
    assert demo_store.get(Requirement, requirement.id).title == requirement.title + " EDITED"


async def test_a_save_refused_keeps_the_app_open_on_the_form(make_app, demo_store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _quit_from_a_new_customer(pilot, "tab", *"retail")  # an industry, no name
        await pilot.press("ctrl+s")
        await asyncio.sleep(2.5)
        await settle(pilot)
        assert app.is_running and type(app.screen).__name__ == "CustomerScreen"


async def test_ctrl_q_in_a_dialog_with_text_asks_and_saves_it(make_app, demo_store):
    app = make_app("live", visit_id=4)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert type(app.screen).__name__ == "CommitmentDialog"
        await pilot.press(*"Send renewal pricing options to Tom", "ctrl+q")
        await settle(pilot)
        assert app.is_running and _asked(app)
        await pilot.press("ctrl+s")
        await _until_quit(app)
    texts = [c.text for c in demo_store.commitments(4)]
    assert "Send renewal pricing options to Tom" in texts


async def test_nothing_typed_quits_at_once(make_app):
    app = make_app("live", visit_id=4)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await _until_quit(app)


async def test_a_draft_kept_with_esc_is_not_lost_by_quitting_without_a_word(make_app):
    """Typed in a dialog, kept with esc ("Draft kept"), then ctrl+q: the app quit and the
    draft was gone when the meeting was opened again."""
    app = make_app("live", visit_id=4)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press(*"Send renewal pricing options to Tom", "escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "LiveScreen" and app.drafts
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app.is_running and type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("escape")  # stay: the draft is still there
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.screen.query_one("#text").value == "Send renewal pricing options to Tom"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("tab", "enter")  # "Quit, lose it"
        await _until_quit(app)


@pytest.mark.parametrize(
    ("lang", "save"), [("en", "Save & quit (ctrl+s)"), ("zh", "保存并退出 (ctrl+s)")]
)
async def test_the_quit_question_shows_its_three_answers_whole_at_80x24(make_app, lang, save):
    """At 80 columns the English buttons were cut: "Save and quit (ct"."""
    from interview_tui.tui.textual_private import screen_strips

    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await _quit_from_a_new_customer(pilot, *"X")
        shown = "\n".join(strip.text for strip in screen_strips(app.screen))
        assert save in shown and "(esc)" in shown and "(ctrl+d)" in shown, shown
