"""Detail views that edit (requirement, commitment) with history and undo; the schedule
dispute from the detail view to the brief, the report and (only where agreed) the recap."""

from __future__ import annotations

from datetime import date

from textual.widgets import Checkbox, DataTable, Input, Static

from interview_tui.domain.enums import CommitmentState, PoolGroup
from interview_tui.domain.models import Commitment, Requirement
from interview_tui.exports.bundle import load_bundle
from interview_tui.exports.reports import recap_md, report_md
from interview_tui.services import commitment_detail, requirement_pool
from interview_tui.services.commitments import close
from interview_tui.services.undo import recorded, undo
from tests.conftest import FIXED_TODAY, settle


def test_requirement_edit_keeps_history_and_undo_puts_it_back(demo_store) -> None:
    r = demo_store.all(Requirement)[0]
    row, entry = recorded(
        demo_store,
        Requirement,
        r.id,
        "edit",
        lambda: requirement_pool.edit(
            demo_store,
            r.id,
            {"group": PoolGroup.IN_PROGRESS, "planned": date(2027, 1, 20), "originator": "王总"},
            "launch moved",
            override="pilot first",
        ),
    )
    changed = row.requirement
    assert changed.originator == "王总" and changed.planned == date(2027, 1, 20)
    fields = {e["field"]: e for e in changed.history}
    assert fields["planned"]["to"] == "2027-01-20" and fields["planned"]["reason"] == "launch moved"
    assert "originator" not in fields  # only states, groups and dates are history
    assert fields["group"]["override"] == "pilot first"  # in progress with no agreed solution
    back = undo(demo_store, entry, FIXED_TODAY)
    assert back.planned == r.planned and back.originator == r.originator and back.group == r.group
    assert back.history[-1]["undone"] == "edit"  # the undo is itself recorded


def test_commitment_edit_reopen_and_undo(demo_store) -> None:
    c = next(c for c in demo_store.all(Commitment) if c.state is CommitmentState.OPEN)
    edited = commitment_detail.edit(
        demo_store,
        c.id,
        text="Send the export plan v2",
        owner_side=c.owner_side,
        owner_name="Li",
        due=date(2026, 12, 20),
        reason="waiting for legal",
        today=FIXED_TODAY,
    )
    assert edited.text == "Send the export plan v2" and edited.due == date(2026, 12, 20)
    history = edited.history
    assert any(
        e.get("to") == "2026-12-20" and e.get("reason") == "waiting for legal" for e in history
    )
    assert any(e.get("field") == "text" for e in history)
    close(demo_store, edited, CommitmentState.DONE, "sent", FIXED_TODAY)
    _, entry = recorded(
        demo_store,
        Commitment,
        c.id,
        "reopen",
        lambda: commitment_detail.reopen(demo_store, c.id, "not received", FIXED_TODAY),
    )
    reopened = demo_store.get(Commitment, c.id)
    assert reopened.state is CommitmentState.OPEN and reopened.closed_on is None
    states = [e["to"] for e in reopened.history if e.get("change") == "state"]
    assert states == ["done", "open"]
    assert undo(demo_store, entry, FIXED_TODAY).state is CommitmentState.DONE


def _dispute(store) -> Requirement:
    r = store.all(Requirement)[0]
    return requirement_pool.edit(
        store,
        r.id,
        {
            "latest_acceptable": date(2026, 12, 15),
            "planned": date(2027, 1, 20),
            "workaround": "drain script before maintenance",
            "told_customer": "January release",
        },
    ).requirement


def test_schedule_dispute_in_report_and_only_agreed_in_recap(demo_store) -> None:
    r = _dispute(demo_store)
    assert r.gap_days == 36
    report = report_md(load_bundle(demo_store, r.visit_id), FIXED_TODAY)
    assert "2026-12-15" in report and "36 days later" in report
    assert "January release" in report and "drain script" in report
    recap = recap_md(load_bundle(demo_store, r.visit_id))
    assert "January release" not in recap and "drain script" not in recap  # not agreed
    requirement_pool.edit(demo_store, r.id, {"share_plan": True})
    recap = recap_md(load_bundle(demo_store, r.visit_id))
    assert "January release" in recap and "2027-01-20" in recap and "drain script" in recap
    assert "2026-12-15" not in recap and "36" not in recap  # the gap stays ours


async def test_schedule_dispute_reaches_the_brief(make_app, demo_store) -> None:
    r = _dispute(demo_store)
    later = next(v for v in demo_store.visits(r.customer_id) if v.id != r.visit_id)
    app = make_app("plan", visit_id=later.id)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("1")  # the brief tab (read when it is first shown)
        await settle(pilot)
        brief = str(app.screen.query_one("#brief", Static).content)
        assert "they need it by 2026-12-15" in brief and "we plan 2027-01-20" in brief


async def test_pool_detail_view_edits_the_schedule_and_ctrl_z_undoes(make_app, demo_store):
    app = make_app("requirements")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        rid = app.screen.selected().requirement.id
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#latest_acceptable", Input).value = "2026-12-15"
        screen.query_one("#planned", Input).value = "+57d"  # 2027-01-20
        screen.query_one("#told_customer", Input).value = "January release"
        screen.query_one("#share_plan", Checkbox).value = True
        screen.query_one("#reason", Input).value = "their launch moved"
        await pilot.pause()
        assert "36 days later" in str(screen.query_one("#gap", Static).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = demo_store.get(Requirement, rid)
        assert saved.planned == date(2027, 1, 20) and saved.share_plan
        assert "their launch moved" in str(screen.query_one("#history", Static).content)
        await pilot.press("escape")  # saved: leaves without asking
        await settle(pilot)
        assert app.screen.__class__.__name__ == "RequirementsScreen"
        await pilot.press("3")  # backlog, then take it back
        await settle(pilot)
        assert demo_store.get(Requirement, rid).group is PoolGroup.BACKLOG
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert demo_store.get(Requirement, rid).group is saved.group
        await pilot.press("ctrl+z")  # and the detail view's edit before it
        await settle(pilot)
        assert demo_store.get(Requirement, rid).planned == demo_store.all(Requirement)[0].planned


async def test_detail_view_asks_before_esc_throws_typed_text_away(make_app, demo_store):
    app = make_app("commitments")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*" (draft)")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "UnsavedDialog"
        await pilot.press("enter")  # "Keep editing" is focused first
        await settle(pilot)
        assert app.screen.query_one("#text", Input).value.endswith(" (draft)")


async def test_the_unsaved_prompt_saves_with_ctrl_s_and_discards_with_ctrl_d(make_app, demo_store):
    """The prompt said "keep editing (ctrl+s saves), or discard", and the manual "ctrl+s
    save, ctrl+d discard": both keys did nothing there."""
    app = make_app("commitments")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        list_screen = app.screen
        target = list_screen.selected().commitment
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("end", *" SAVED", "escape")
        await settle(pilot)
        await pilot.press("ctrl+s")  # saved, and back to the list
        await settle(pilot)
        assert app.screen is list_screen
        assert demo_store.get(Commitment, target.id).text == f"{target.text} SAVED"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("end", *" THROWN", "escape")
        await settle(pilot)
        await pilot.press("ctrl+d")  # thrown away, and back
        await settle(pilot)
        assert app.screen is list_screen
        assert demo_store.get(Commitment, target.id).text == f"{target.text} SAVED"


async def test_commitments_done_then_ctrl_z_and_reopen(make_app, demo_store) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        target = app.screen.rows[0].commitment
        await pilot.press("x")
        await pilot.pause()
        await pilot.press(*"sent", "ctrl+s")
        await settle(pilot)
        assert demo_store.get(Commitment, target.id).state is CommitmentState.DONE
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert demo_store.get(Commitment, target.id).state is CommitmentState.OPEN
        from interview_tui.tui.textual_private import notifications

        said = [n.message for n in notifications(app)]  # what was undone, quoted: not news
        assert any(m.startswith("Undid “") and m.endswith("”") for m in said), said
        table = app.screen.query_one(DataTable)
        assert str(table.get_row_at(0)[3]) != "done"
        close(demo_store, target, CommitmentState.DROPPED, "no budget", FIXED_TODAY)
        await pilot.press("a")  # every commitment: the dropped one too
        await settle(pilot)
        table.move_cursor(row=table.get_row_index(str(target.id)))
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"budget found", "ctrl+s")
        await settle(pilot)
        assert demo_store.get(Commitment, target.id).state is CommitmentState.OPEN


def test_live_capture_can_take_the_schedule_fields(demo_store) -> None:
    import pytest

    from interview_tui.errors import FieldError
    from interview_tui.services.schedule import schedule_fields

    fields = schedule_fields(
        FIXED_TODAY,
        latest_acceptable="2026-12-15",
        planned="+57d",
        workaround=" drain first ",
        told_customer="",
    )
    assert fields == {
        "latest_acceptable": "2026-12-15",
        "planned": "2027-01-20",
        "workaround": "drain first",
    }
    r = Requirement(customer_id=1, user="SRE", **fields)  # as LiveSession.add_requirement does
    assert r.gap_days == 36
    with pytest.raises(FieldError) as problem:
        schedule_fields(FIXED_TODAY, planned="someday")
    assert problem.value.field == "planned"


async def test_hostile_text_shows_literally_in_the_detail_views(make_app, demo_store) -> None:
    hostile = "[bold]x[/] \x1b[2J\x1b]52;c;AAAA\x07 [link=file:///etc]y"
    r = demo_store.all(Requirement)[0]
    requirement_pool.edit(
        demo_store,
        r.id,
        {"title": hostile, "workaround": hostile, "planned": date(2027, 1, 20)},
        reason=hostile,
    )
    app = make_app("requirement", requirement_id=r.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#title", Input).value == hostile  # kept as typed
        history = str(app.screen.query_one("#history", Static).content)
        assert "[bold]x[/]" in history and "\x1b" not in history


async def test_an_undo_on_the_list_shows_the_row_as_it_is_again(make_app, demo_store) -> None:
    """What ctrl+z on the list puts back (here a commitment's words, as after a resolution
    made in its detail view is undone) shows in the line under the list at once (it kept
    the words from before), and only the undo's own toast is shown, not "Saved"."""
    from interview_tui.tui.row_strip import RowStrip
    from interview_tui.tui.textual_private import notifications

    app = make_app("commitments")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        row = app.screen.selected()
        assert row is not None
        put_back = demo_store.save(row.commitment.model_copy(update={"text": "PUT-BACK words"}))
        app.screen.undone(put_back)  # what the undo calls once the record is written
        await settle(pilot)
        assert "PUT-BACK words" in str(app.screen.query_one(RowStrip).content)
        assert "Saved" not in [n.message for n in notifications(app)]


async def test_reopen_is_offered_for_a_closed_promise_only(make_app, demo_store) -> None:
    """An open promise's detail offered ^r Reopen, which only said it was open."""
    from interview_tui.domain.enums import CommitmentState
    from interview_tui.domain.models import Commitment

    every = demo_store.all(Commitment)
    open_one = next(c for c in every if c.state is CommitmentState.OPEN)
    closed = next(c for c in every if c.state is not CommitmentState.OPEN)
    for commitment, offered in ((open_one, False), (closed, True)):
        app = make_app("commitment", commitment_id=commitment.id)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            binding = app.screen.active_bindings.get("ctrl+r")
            assert bool(binding and binding.enabled) is offered, commitment.state
