"""The live meeting screen: typing is saved, capture works from the keyboard, safe view hides."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static, TextArea
from textual.widgets._toast import Toast

from interview_tui.domain.enums import ItemStatus, VisitStatus
from interview_tui.domain.models import Requirement, ScriptItem, Visit
from interview_tui.tui.live.live_screen import SAVE_DELAY, LiveScreen
from interview_tui.tui.textual_private import notifications
from tests.conftest import settle

PLANNED_ZH = 2  # 星河视频's planned visit: a script from the zh bank, limits in the plan


def _saved(app) -> None:
    """Wait for the live screen's writer thread to finish what it was given."""
    app.screen.session.wait_written() if hasattr(app.screen, "session") else None


async def _open(
    make_app, lang: str = "en", size=(100, 30), visit_id: int = PLANNED_ZH, toasts: bool = False
):
    app = make_app("live", lang=lang, visit_id=visit_id)
    return app, app.run_test(size=size, notifications=toasts)


async def test_opens_with_the_note_editor_focused_and_the_visit_live(make_app, demo_store):
    app, runner = await _open(make_app)
    async with runner as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert isinstance(app.focused, TextArea)
        assert demo_store.get(Visit, PLANNED_ZH).status is VisitStatus.LIVE
        outline = app.screen.query_one("#outline", OptionList)
        assert outline.option_count >= 12 + 2  # questions plus role headers


async def test_typing_is_saved_without_a_save_key(make_app, demo_store):
    app, runner = await _open(make_app)
    async with runner as pilot:
        await settle(pilot)
        await pilot.press(*"Peak was 2.3M rps")
        await pilot.pause(SAVE_DELAY + 0.2)
        _saved(app)
        screen = app.screen
        item = screen.item
        rows = demo_store.query("SELECT text FROM notes WHERE script_item_id = ?", [item.id])
        assert rows == [{"text": "Peak was 2.3M rps"}]
        assert demo_store.get(ScriptItem, item.id).status is ItemStatus.ASKED


async def test_moving_tagging_and_capturing_from_the_keyboard(make_app, demo_store):
    app, runner = await _open(make_app)
    async with runner as pilot:
        await settle(pilot)
        screen = app.screen
        first = screen.item
        await pilot.press("ctrl+n")
        assert screen.index == 1
        await pilot.press(*"Board looks at churn")
        await pilot.press("alt+2", "alt+i")
        await pilot.pause()
        _saved(app)
        note = demo_store.query(
            "SELECT goal, internal FROM notes WHERE script_item_id = ?", [screen.item.id]
        )
        assert note == [{"goal": "business_goals", "internal": 1}]
        await pilot.press("ctrl+b")
        assert screen.item.id == first.id
        # commitment with a typed due date
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"Send the RCA", "tab", "tab", *"Li", "tab", *"+3d", "ctrl+s")
        await pilot.pause()
        _saved(app)
        saved = demo_store.query(
            "SELECT text, owner_name, due FROM commitments WHERE visit_id = ?", [PLANNED_ZH]
        )
        assert saved == [{"text": "Send the RCA", "owner_name": "Li", "due": "2026-11-27"}]
        # requirement with only the user known: saved, flagged unclear
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press(*"night-shift operators", "ctrl+s")
        await pilot.pause()
        _saved(app)
        requirement = demo_store.requirements(visit_id=PLANNED_ZH)[0]
        assert requirement.user == "night-shift operators"
        assert requirement.missing == ["scenario", "pain"]
        assert any("scenario" in n.message.lower() for n in notifications(app))
        # pain with its action
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press(
            *"Invoices take 5 days",
            "tab",
            *"Ship CSV export",
            "tab",
            *"Li",
            "tab",
            *"+21d",
            "ctrl+s",
        )
        await pilot.pause()
        _saved(app)
        pains = [n for n in demo_store.notes(PLANNED_ZH) if n.kind == "pain"]
        assert pains and pains[0].action == "Ship CSV export"
        # the action is a promise of ours, on the commitments dashboard with the others
        promise = demo_store.query(
            "SELECT owner_side, owner_name, due, pain_note_id FROM "
            "commitments WHERE text = 'Ship CSV export'"
        )
        assert promise == [
            {
                "owner_side": "us",
                "owner_name": "Li",
                "due": "2026-12-15",
                "pain_note_id": pains[0].id,
            }
        ]


async def test_several_voices_under_one_question_and_the_free_notes(make_app, demo_store):
    app, runner = await _open(make_app, lang="zh")
    async with runner as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press(*"CTO: 用A友商", "ctrl+j", *"运维: 每周手工导出", "alt+6")
        await pilot.pause(SAVE_DELAY + 0.2)
        _saved(app)
        rows = demo_store.query(
            "SELECT text, goal FROM notes WHERE script_item_id = ? ORDER BY id", [screen.item.id]
        )
        assert rows == [
            {"text": "CTO: 用A友商", "goal": screen.item.goal.value},
            {"text": "运维: 每周手工导出", "goal": "pain_points"},
        ]
        assert "CTO: 用A友商" in str(screen.query_one("#voices", Static).render())
        await pilot.press("alt+up")  # back to the first voice, its text in the editor
        assert app.screen.query_one("#note", TextArea).text == "CTO: 用A友商"
        await pilot.press("alt+f", *"停车在3号门")  # the free notes, after the last question
        await pilot.pause(SAVE_DELAY + 0.2)
        _saved(app)
        assert screen.item is None
        assert demo_store.query(
            "SELECT text FROM notes WHERE visit_id = ? AND script_item_id IS NULL", [PLANNED_ZH]
        ) == [{"text": "停车在3号门"}]


async def test_a_bad_due_date_is_a_message_beside_the_field(make_app, demo_store):
    app, runner = await _open(make_app)
    async with runner as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"Call back", "tab", "tab", "tab", *"someday", "ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert "CommitmentDialog" in type(dialog).__name__  # still open, nothing lost
        assert "someday" in str(dialog.query_one("#due-message", Static).render())
        assert dialog.query_one("#text").value == "Call back"
        assert demo_store.commitments(PLANNED_ZH) == []


async def test_commitment_touching_the_limits_warns(make_app, demo_store):
    app, runner = await _open(make_app)
    async with runner as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"定制 SLA 方案", "ctrl+s")
        await pilot.pause()
        _saved(app)
        commitment = demo_store.commitments(PLANNED_ZH)[0]
        assert commitment.within_authority is False and commitment.authority_override == ""
        assert any("SLA" in n.message for n in notifications(app))
        # kept on purpose: the reason (the dialog's last field, there from the start) is
        # recorded
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        await pilot.press(*"定制 SLA 99.99%")
        await pilot.pause()
        dialog.query_one("#override").value = "CTO 已口头批准"
        await pilot.press("ctrl+s")
        await pilot.pause()
        _saved(app)
        kept = next(c for c in demo_store.commitments(PLANNED_ZH) if "99.99" in c.text)
        assert kept.within_authority is False and kept.authority_override == "CTO 已口头批准"


async def test_jump_and_adhoc_question(make_app, demo_store):
    app, runner = await _open(make_app)
    async with runner as pilot:
        await settle(pilot)
        screen = app.screen
        target = screen.session.items[5]
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press(*target.text[2:8], "enter")
        await pilot.pause()
        assert screen.item.id == target.id
        count = len(screen.session.items)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press(*"Would you like lower prices?")
        await pilot.pause()
        assert "obvious answer" in str(app.screen.query_one("#findings", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(screen.session.items) == count + 1
        assert screen.item.text == "Would you like lower prices?"


async def test_safe_view_hides_everything_internal_and_comes_back(make_app, demo_store):
    app, runner = await _open(make_app)
    async with runner as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press(*"Their CTO seems weak on cost", "alt+1")  # team_profile: internal
        await pilot.pause()
        limits = screen.query_one("#limits", Static)
        assert limits.display and "SLA" in str(limits.render())
        await pilot.press("f2")
        await pilot.pause()
        assert screen.safe
        assert not screen.query_one("#note", TextArea).display
        assert screen.query_one("#note-hidden").display
        assert not limits.display
        goals = str(screen.query_one("#goals", Static).render())
        assert "Team profile" not in goals and "Personal connection" not in goals
        assert screen.session.visit.must_not_promise not in str(
            screen.query_one("#question", Static).content
        )
        purpose = screen.item.purpose
        assert purpose and purpose not in str(screen.query_one("#question", Static).content)
        await pilot.press("f2")
        await pilot.pause()
        assert screen.query_one("#note", TextArea).display and limits.display


async def test_confirm_back_needs_a_next_step_and_ends_the_meeting(make_app, demo_store):
    app, runner = await _open(make_app, toasts=True)
    async with runner as pilot:
        await settle(pilot)
        demo_store.save(
            Requirement(
                customer_id=1, visit_id=PLANNED_ZH, user="运维", scenario="晚高峰", pain="卡顿"
            )
        )
        app.screen.session.requirements = demo_store.requirements(visit_id=PLANNED_ZH)
        await pilot.press("f3")
        await pilot.pause()
        text = " ".join(str(w.content) for w in app.screen.query(".item"))
        assert "运维 · 晚高峰 · 卡顿" in text
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert "next step" in str(app.screen.query_one("#confirm-message", Static).render())
        assert demo_store.get(Visit, PLANNED_ZH).status is VisitStatus.LIVE
        session = app.screen.session
        await pilot.press(*"Joint test on 12-10", "ctrl+e")
        await pilot.pause()
        # ending is asked once: the visit is still live until the second ctrl+e
        assert "again" in str(app.screen.query_one("#confirm-message", Static).render())
        session.wait_written()
        assert demo_store.get(Visit, PLANNED_ZH).status is VisitStatus.LIVE
        await pilot.press("ctrl+e")
        await pilot.pause()
        session.wait_written()
        visit = demo_store.get(Visit, PLANNED_ZH)
        assert visit.status is VisitStatus.DONE and visit.next_step == "Joint test on 12-10"
        await settle(pilot)  # home, in the live screen's place, says so
        assert type(app.screen).__name__ == "HomeScreen"
        shown = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert any("Meeting ended" in text for text in shown), shown


async def test_long_note_and_reopen_keeps_it(make_app, demo_store):
    app, runner = await _open(make_app)
    long_text = ("平均回源带宽 12Gbps;" * 800)[:10_000]
    async with runner as pilot:
        await settle(pilot)
        editor = app.screen.query_one("#note", TextArea)
        editor.insert(long_text)
        await pilot.press(*"end")
        await pilot.pause(SAVE_DELAY + 0.2)
        item_id = app.screen.item.id
    stored = [n for n in demo_store.notes(PLANNED_ZH) if n.script_item_id == item_id]
    assert stored and stored[0].text == long_text + "end"
    app2, runner2 = await _open(make_app)
    async with runner2 as pilot:
        await settle(pilot)
        assert app2.screen.query_one("#note", TextArea).text == long_text + "end"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_live_snapshot(snap_compare, make_app, lang: str, size: tuple[int, int]) -> None:
    async def type_a_note(pilot) -> None:
        await settle(pilot)
        await pilot.press(*"Peak 2.3M rps", "alt+5")
        await pilot.pause(SAVE_DELAY + 0.1)

    assert snap_compare(
        make_app("live", lang=lang, visit_id=PLANNED_ZH), terminal_size=size, run_before=type_a_note
    )


def test_safe_view_snapshot(snap_compare, make_app) -> None:
    async def safe(pilot) -> None:
        await settle(pilot)
        await pilot.press(*"Their CTO seems weak on cost", "alt+1", "f2")
        await pilot.pause()

    assert snap_compare(
        make_app("live", lang="en", visit_id=PLANNED_ZH), terminal_size=(100, 30), run_before=safe
    )


async def test_a_schedule_dispute_is_captured_in_the_meeting(make_app, demo_store):
    """Seed 002: the customer asks "when"; the latest date they can accept, our plan, the
    workaround and what we told them are optional fields of the requirement dialog."""
    from datetime import date

    from textual.widgets import Input

    app, runner = await _open(make_app)
    async with runner as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = app.screen
        await pilot.press(*"finance team")
        dialog.query_one("#latest_acceptable", Input).value = "2026-13-40"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # a date that cannot be read keeps the dialog open
        assert "2026-13-40" in str(dialog.query_one("#schedule-message", Static).render())
        dialog.query_one("#latest_acceptable", Input).value = "2026-12-31"
        dialog.query_one("#planned", Input).value = "+60d"
        dialog.query_one("#workaround", Input).value = "CSV export by hand"
        dialog.query_one("#told_customer", Input).value = "Q1 release, CSV meanwhile"
        await pilot.press("ctrl+s")
        await pilot.pause()
        _saved(app)
        [requirement] = demo_store.requirements(visit_id=PLANNED_ZH)
        assert requirement.latest_acceptable == date(2026, 12, 31)
        assert requirement.planned == date(2027, 1, 23)
        assert requirement.workaround == "CSV export by hand"
        assert requirement.told_customer == "Q1 release, CSV meanwhile"
        assert requirement.gap_days == 23  # our plan is late: the brief and report say so


async def test_the_no_script_hint_stays_on_the_live_screen(make_app, demo_store):
    """The hint that a visit has no script is about the live screen: it does not follow
    the user home (it lay over home's commitments for its five seconds)."""
    for item in demo_store.script(PLANNED_ZH):
        demo_store.delete(ScriptItem, item.id)
    app, runner = await _open(make_app, toasts=True)
    async with runner as pilot:
        await settle(pilot)
        hint = "This visit has no script yet"
        assert any(hint in str(toast.render()) for toast in app.screen.query(Toast))
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert not any(hint in n.message for n in notifications(app))
        assert not any(hint in str(toast.render()) for toast in app.screen.query(Toast))
