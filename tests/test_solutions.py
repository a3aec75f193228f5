"""The solution confirmation loop (seed 002 §二): propose with the reasoning, record the
customer's answer, revise, keep every proposal; the recap asks for the answer, the brief
lists what waits, and nothing goes to in progress without an agreed solution unless the PM
says why (recorded)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select, Static

from interview_tui.domain.enums import PoolGroup, RequirementState, SolutionAnswer
from interview_tui.domain.models import Requirement
from interview_tui.errors import FieldError
from interview_tui.exports.bundle import load_bundle
from interview_tui.exports.reports import recap_md, report_md
from interview_tui.i18n import set_language
from interview_tui.services import requirement_pool as pool
from interview_tui.services import solutions
from interview_tui.services.customer_brief import customer_brief
from interview_tui.services.undo import recorded, undo
from tests.conftest import FIXED_TODAY, settle


def _plain(store) -> Requirement:
    """The demo's backlog requirement with no solution yet (Northwind, billing by tag)."""
    return next(r for r in store.all(Requirement) if r.title == "Billing export by tag")


def test_propose_answer_revise_keeps_every_proposal_and_moves_the_state(demo_store) -> None:
    r = _plain(demo_store)
    assert r.solutions == [] and r.state is RequirementState.CAPTURED
    first = solutions.propose(
        demo_store, r.id, " Tag filter on the bill export ", "Tags already exist on every resource"
    ).requirement
    assert first.state is RequirementState.SOLUTION_PROPOSED
    assert first.solution.text == "Tag filter on the bill export"
    assert first.solution.answer is SolutionAnswer.WAITING
    with pytest.raises(FieldError) as refused:  # seed 002: understand why before revising
        solutions.answer(demo_store, r.id, SolutionAnswer.DISAGREED)
    assert refused.value.field == "solution_reason"
    no = solutions.answer(
        demo_store, r.id, SolutionAnswer.DISAGREED, "finance needs cost centres, not tags"
    ).requirement
    assert no.state is RequirementState.CLARIFIED  # the need stands; the solution is rethought
    second = solutions.revise(
        demo_store,
        r.id,
        "Cost-centre mapping on top of tags",
        "Finance maps tags to cost centres once",
    ).requirement
    assert second.state is RequirementState.SOLUTION_PROPOSED
    yes = solutions.answer(demo_store, r.id, SolutionAnswer.AGREED).requirement
    assert yes.state is RequirementState.SOLUTION_CONFIRMED and yes.solution_agreed
    # nothing overwritten: both proposals, the first with its "no" and why
    stored = demo_store.get(Requirement, r.id)
    assert [p.text for p in stored.solutions] == [
        "Tag filter on the bill export",
        "Cost-centre mapping on top of tags",
    ]
    assert stored.solutions[0].replies[0].reason == "finance needs cost centres, not tags"
    assert stored.solutions[0].answer is SolutionAnswer.DISAGREED
    assert [e["to"] for e in stored.history if e["field"] == "state"] == [
        "solution_proposed",
        "clarified",
        "solution_proposed",
        "solution_confirmed",
    ]
    lines = solutions.history_lines(stored)
    assert len(lines) == 4 and "revised (v2)" in lines[2] and "disagreed" in lines[1]


def test_a_later_state_is_not_moved_back_by_an_answer(demo_store) -> None:
    r = _plain(demo_store)
    pool.edit(demo_store, r.id, {"state": RequirementState.SCHEDULED})
    solutions.propose(demo_store, r.id, "Tag filter")
    after = solutions.answer(demo_store, r.id, SolutionAnswer.NEEDS_CHANGES, "add CSV").requirement
    assert after.state is RequirementState.SCHEDULED


def test_an_answer_needs_a_proposal_and_an_empty_revision_is_refused(demo_store) -> None:
    r = _plain(demo_store)
    with pytest.raises(FieldError) as none:
        solutions.answer(demo_store, r.id, SolutionAnswer.AGREED)
    assert none.value.field == "solution_answer"
    with pytest.raises(FieldError):
        solutions.propose(demo_store, r.id, "   ")
    assert demo_store.get(Requirement, r.id).solutions == []  # nothing half written


def test_gate_refuses_in_progress_without_agreement_and_records_an_override(demo_store) -> None:
    r = _plain(demo_store)
    with pytest.raises(pool.SolutionGateError):
        pool.move(demo_store, r.id, PoolGroup.IN_PROGRESS)
    with pytest.raises(pool.SolutionGateError):  # the detail view's edit too
        pool.edit(demo_store, r.id, {"group": PoolGroup.IN_PROGRESS})
    solutions.propose(demo_store, r.id, "Tag filter")
    with pytest.raises(pool.SolutionGateError):  # proposed is not agreed
        pool.move(demo_store, r.id, PoolGroup.IN_PROGRESS)
    assert demo_store.get(Requirement, r.id).group is PoolGroup.BACKLOG
    moved = pool.move(
        demo_store, r.id, PoolGroup.IN_PROGRESS, override="  signed   contract clause 7 "
    ).requirement
    assert moved.group is PoolGroup.IN_PROGRESS
    assert pool.overrides(moved) == [e for e in moved.history if e["field"] == "group"]
    assert pool.overrides(moved)[0]["override"] == "signed contract clause 7"
    report = report_md(load_bundle(demo_store, r.visit_id), FIXED_TODAY)
    assert "without an agreed solution on 2026-11-24: signed contract clause 7" in report
    assert "signed contract" not in recap_md(load_bundle(demo_store, r.visit_id))
    # other groups and agreed solutions pass without a word
    pool.move(demo_store, r.id, PoolGroup.NEXT_ITERATION)
    solutions.answer(demo_store, r.id, SolutionAnswer.AGREED)
    assert pool.move(demo_store, r.id, PoolGroup.IN_PROGRESS).requirement.group is (
        PoolGroup.IN_PROGRESS
    )
    assert len(pool.overrides(demo_store.get(Requirement, r.id))) == 1


def test_undo_of_a_proposal_says_so_in_the_history(demo_store) -> None:
    r = _plain(demo_store)
    _, entry = recorded(
        demo_store,
        Requirement,
        r.id,
        "proposal",
        lambda: solutions.propose(demo_store, r.id, "Tag filter"),
    )
    back = undo(demo_store, entry, FIXED_TODAY)
    assert back.solutions == [] and back.history[-1]["undone"] == "proposal"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_undone_move_without_agreement_is_no_warning_in_the_report(demo_store, lang) -> None:
    """Moved into in progress with a reason, then ctrl+z: the report still warned "moved to
    in progress without an agreed solution" (the history keeps the move and its undo, and
    the report read the move alone). The undo's entry names what it took back."""
    set_language(lang)
    r = _plain(demo_store)
    _, entry = recorded(
        demo_store,
        Requirement,
        r.id,
        "move",
        lambda: pool.move(demo_store, r.id, PoolGroup.IN_PROGRESS, override="ZZDEADLINE"),
    )
    back = undo(demo_store, entry, FIXED_TODAY)
    assert back.group is PoolGroup.BACKLOG and pool.overrides(back) == []
    report = report_md(load_bundle(demo_store, r.visit_id), FIXED_TODAY)
    assert not [line for line in report.splitlines() if "⚠" in line and "ZZDEADLINE" in line]
    again = pool.move(demo_store, r.id, PoolGroup.IN_PROGRESS, override="ZZAGAIN").requirement
    assert [e["override"] for e in pool.overrides(again)] == ["ZZAGAIN"]  # (this one stands)
    report = report_md(load_bundle(demo_store, r.visit_id), FIXED_TODAY)
    assert [line for line in report.splitlines() if "⚠" in line and "ZZAGAIN" in line]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_recap_asks_to_confirm_waiting_solutions_and_nothing_internal(demo_store, lang) -> None:
    r = _plain(demo_store)
    solutions.propose(demo_store, r.id, "Tag filter on the bill export", "Tags exist already")
    solutions.answer(demo_store, r.id, SolutionAnswer.NEEDS_CHANGES, "INTERNAL-PLANT-1")
    solutions.revise(demo_store, r.id, "Tag filter with CSV", "CSV feeds their BI")
    pool.move(demo_store, r.id, PoolGroup.IN_PROGRESS, override="INTERNAL-PLANT-2")
    set_language(lang)
    recap = recap_md(load_bundle(demo_store, r.visit_id))
    set_language("en")
    head = "Solutions we propose: please confirm" if lang == "en" else "请确认我们提出的方案"
    assert head in recap
    section = recap.split(head)[1]
    assert "Tag filter with CSV" in section and "CSV feeds their BI" in section
    # the Northwind demo proposal waits too
    assert "Surge node pools" in section
    # earlier proposals, the customer's recorded reasons and the override stay ours
    for internal in (
        "Tag filter on the bill export",
        "INTERNAL-PLANT-1",
        "INTERNAL-PLANT-2",
        "Tags exist already",
    ):
        assert internal not in recap
    solutions.answer(demo_store, r.id, SolutionAnswer.AGREED)
    recap = recap_md(load_bundle(demo_store, r.visit_id))
    assert "Agreed solution: Tag filter with CSV" in recap
    assert "Tag filter with CSV" not in recap.split("Solutions we propose")[-1]


def test_report_shows_each_solution_answer_and_history(demo_store) -> None:
    r = _plain(demo_store)
    solutions.propose(demo_store, r.id, "Tag filter", "Tags exist")
    solutions.answer(demo_store, r.id, SolutionAnswer.DISAGREED, "cost centres")
    report = report_md(load_bundle(demo_store, r.visit_id), FIXED_TODAY)
    block = report.split("**Billing export by tag**")[1].split("\n- ")[0]
    assert "solution: Tag filter (disagreed)" in block
    assert "2026-11-24 proposed (v1): Tag filter · why: Tags exist" in block
    assert "→ disagreed: cost centres" in block
    surge = report.split("**Surge upgrades that respect PDBs**")[1].split("\n- ")[0]
    assert "in progress without a solution the customer agreed" in surge


def test_brief_lists_solutions_waiting_and_to_revise(demo_store) -> None:
    north = _plain(demo_store)
    brief = customer_brief(demo_store, north.customer_id, FIXED_TODAY)
    assert [r.title for r in brief.solutions_waiting] == ["Surge upgrades that respect PDBs"]
    solutions.propose(demo_store, north.id, "Tag filter")
    brief = customer_brief(demo_store, north.customer_id, FIXED_TODAY)
    assert {r.title for r in brief.solutions_waiting} == {
        "Surge upgrades that respect PDBs",
        "Billing export by tag",
    }
    xinghe = next(r for r in demo_store.all(Requirement) if r.title == "账单按业务线拆分导出")
    brief = customer_brief(demo_store, xinghe.customer_id, FIXED_TODAY)
    assert brief.solutions_waiting == [] and [r.id for r in brief.solutions_to_revise] == [
        xinghe.id
    ]


async def test_brief_tab_of_the_plan_shows_the_waiting_solution(make_app, demo_store) -> None:
    north = _plain(demo_store)
    planned = next(v for v in demo_store.visits(north.customer_id) if v.id != north.visit_id)
    app = make_app("plan", visit_id=planned.id)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("1")  # the brief tab (read when it is first shown)
        await settle(pilot)
        brief = str(app.screen.query_one("#brief", Static).content)
        assert "Solutions waiting for the customer's answer" in brief
        assert "Surge node pools: new nodes first" in brief


async def test_pool_key_1_asks_for_a_reason_esc_keeps_it_and_a_reason_moves_it(
    make_app, demo_store
) -> None:
    r = _plain(demo_store)
    app = make_app("requirements")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down")
        await settle(pilot)
        assert app.screen.selected().requirement.id == r.id
        await pilot.press("1")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "OverrideDialog"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "RequirementsScreen"
        assert demo_store.get(Requirement, r.id).group is PoolGroup.BACKLOG
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("ctrl+s")  # no reason: it stays open and says why
        await settle(pilot)
        assert app.screen.__class__.__name__ == "OverrideDialog"
        assert "Write why" in str(app.screen.query_one("#gate-error", Static).render())
        await pilot.press(*"pilot starts before sign-off", "ctrl+s")
        await settle(pilot)
        moved = demo_store.get(Requirement, r.id)
        assert moved.group is PoolGroup.IN_PROGRESS
        assert pool.overrides(moved)[0]["override"] == "pilot starts before sign-off"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert demo_store.get(Requirement, r.id).group is PoolGroup.BACKLOG


async def test_detail_view_proposes_records_the_answer_and_revises(make_app, demo_store):
    r = _plain(demo_store)
    app = make_app("requirement", requirement_id=r.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.query_one("#solution_text", Input).value = "Tag filter"
        screen.query_one("#solution_reasoning", Input).value = "Tags exist already"
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = demo_store.get(Requirement, r.id)
        assert saved.solution.text == "Tag filter"
        assert saved.state is RequirementState.SOLUTION_PROPOSED
        assert "proposed (v1): Tag filter" in str(
            screen.query_one("#solution-history", Static).content
        )
        screen.query_one("#solution_answer", Select).value = "disagreed"
        await pilot.press("ctrl+s")  # no reason: refused beside the field
        await settle(pilot)
        assert "write why" in str(screen.query_one("#message", Static).render())
        assert demo_store.get(Requirement, r.id).solution.replies == []
        screen.query_one("#solution_reason", Input).value = "finance needs cost centres"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert demo_store.get(Requirement, r.id).solution.answer is SolutionAnswer.DISAGREED
        # the revision, agreed in the same save, opens the gate for in progress
        screen.query_one("#solution_text", Input).value = "Cost-centre mapping"
        screen.query_one("#solution_answer", Select).value = "agreed"
        screen.query_one("#solution_reason", Input).value = ""
        screen.query_one("#group", Select).value = "in_progress"
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = demo_store.get(Requirement, r.id)
        assert [p.text for p in saved.solutions] == ["Tag filter", "Cost-centre mapping"]
        assert saved.solution_agreed and saved.group is PoolGroup.IN_PROGRESS
        assert pool.overrides(saved) == []
        assert app.screen is screen


async def test_detail_view_gate_asks_for_the_override(make_app, demo_store) -> None:
    r = _plain(demo_store)
    app = make_app("requirement", requirement_id=r.id, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#group", Select).value = "in_progress"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "OverrideDialog"
        await pilot.press(*"合同已签", "ctrl+s")
        await settle(pilot)
        saved = demo_store.get(Requirement, r.id)
        assert saved.group is PoolGroup.IN_PROGRESS
        assert "未经客户同意方案：合同已签" in str(app.screen.query_one("#history", Static).content)


async def test_hostile_solution_text_shows_literally(make_app, demo_store) -> None:
    r = _plain(demo_store)
    hostile = "[bold]x[/bold] [link=http://e.vil]y[/link] \x1b[2J"
    solutions.propose(demo_store, r.id, hostile, "[/]")
    solutions.answer(demo_store, r.id, SolutionAnswer.NEEDS_CHANGES, "[red]z")
    app = make_app("requirement", requirement_id=r.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = str(app.screen.query_one("#solution-history", Static).content)
        assert "[bold]x[/bold] [link=http://e.vil]y[/link]" in shown and "[red]z" in shown
        assert "\x1b" not in shown
    planned = next(v for v in demo_store.visits(r.customer_id) if v.id != r.visit_id)
    app = make_app("plan", visit_id=planned.id)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("1")  # the brief tab (read when it is first shown)
        await settle(pilot)
        assert "[red]z" in str(app.screen.query_one("#brief", Static).content)
