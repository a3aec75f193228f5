"""The live session's services: authority limits, customer-safe filtering, next step."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from interview_tui.domain.enums import Goal, OwnerSide, VisitStatus
from interview_tui.domain.models import Note, Visit
from interview_tui.services.authority import flags_beyond_authority, limits
from interview_tui.services.customer_safe import is_internal_note, safe_notes, safe_visit
from interview_tui.services.live_session import LiveSession

from .conftest import FIXED_NOW

LIMITS = "Discounts or pricing\nCustom SLA above 99.95%；具体上线日期、免费资源"


def test_limits_are_split_on_lines_and_cjk_separators() -> None:
    assert limits(LIMITS) == [
        "Discounts or pricing",
        "Custom SLA above 99.95%",
        "具体上线日期",
        "免费资源",
    ]


def test_commitments_touching_a_limit_are_flagged() -> None:
    assert flags_beyond_authority("A 30% discount on storage", LIMITS) == ["Discounts or pricing"]
    assert flags_beyond_authority("We commit to an SLA of 99.99%", LIMITS) == [
        "Custom SLA above 99.95%"
    ]
    assert flags_beyond_authority("下周五前给出上线日期", LIMITS) == ["具体上线日期"]
    assert flags_beyond_authority("Send the outage report by Friday", LIMITS) == []


def test_limits_split_on_slashes_and_every_separator() -> None:
    assert limits("定价/折扣;；roadmap dates，免费资源、SLA\n\nGPU") == [
        "定价",
        "折扣",
        "roadmap dates",
        "免费资源",
        "SLA",
        "GPU",
    ]


def test_whole_words_in_english_never_parts_of_words() -> None:
    plan = "Custom SLA; free capacity; roadmap dates"
    assert flags_beyond_authority("Update the datasheet", plan) == []
    assert flags_beyond_authority("Send the updated data sheet", plan) == []
    assert flags_beyond_authority("Share the roadmap dates with them", plan) == ["roadmap dates"]
    assert flags_beyond_authority("We will date the release for March", plan) == [
        "roadmap dates"
    ]  # another form of the same word
    assert flags_beyond_authority("Give them extra capacities free of charge", plan) == [
        "free capacity"
    ]
    assert flags_beyond_authority("Slack channel for the team", plan) == []  # not "SLA"


def test_whole_terms_in_chinese_never_single_characters() -> None:
    plan = "定制 SLA;免费资源;具体上线日期"
    assert flags_beyond_authority("提供测试资源 2 周", plan) == []  # shares 资源, not the term
    assert flags_beyond_authority("免费", plan) == []
    assert flags_beyond_authority("给他们一些免费资源试用", plan) == ["免费资源"]
    assert flags_beyond_authority("下周告诉客户上线日期", plan) == ["具体上线日期"]
    assert flags_beyond_authority("更新日期格式", plan) == []
    assert flags_beyond_authority("给一个定制SLA", plan) == ["定制 SLA"]


def test_what_the_plan_may_promise_is_within_authority() -> None:
    plan, may = "定制 SLA;免费资源;具体上线日期", "账单问题驻场排查;提供免费资源 2 周"
    assert flags_beyond_authority("提供免费资源 2 周", plan) == ["免费资源"]
    assert flags_beyond_authority("提供免费资源 2 周", plan, may) == []
    assert flags_beyond_authority("提供免费资源2周", plan, may) == []
    assert flags_beyond_authority("提供免费资源 2 周,并给出具体上线日期", plan, may) == [
        "具体上线日期"
    ]  # what goes beyond "may promise" is still checked
    english = "Custom SLA; free capacity; Kafka pricing"
    may_en = "Architecture review; a 30-day trial of managed Kafka"
    assert flags_beyond_authority("30-day managed Kafka trial", english, may_en) == []
    assert flags_beyond_authority(
        "30-day managed Kafka trial at 20% off Kafka pricing", english, may_en
    ) == ["Kafka pricing"]


@given(st.text(max_size=200), st.text(max_size=200), st.text(max_size=100))
@example("00:", "", "0:")  # a time's "'s" alone was stemmed as a word, and failed
def test_authority_check_never_fails(text: str, plan: str, may: str) -> None:
    assert set(flags_beyond_authority(text, plan, may)) <= set(limits(plan))


def test_an_override_is_kept_on_the_commitment(demo_store) -> None:
    from datetime import date

    from interview_tui.domain.models import Commitment
    from interview_tui.errors import UserError
    from interview_tui.services.authority import override_authority

    session = LiveSession.open(demo_store, 2, FIXED_NOW)
    flagged = session.add_commitment("定制 SLA", OwnerSide.US, "Li", None)
    fine = session.add_commitment("提供测试资源 2 周", OwnerSide.US, "Li", None)
    assert flagged.within_authority is False and fine.within_authority is True
    with pytest.raises(UserError, match="nothing to override"):
        override_authority(demo_store, fine.id, "because", date(2026, 11, 24))
    with pytest.raises(UserError, match="say why"):
        override_authority(demo_store, flagged.id, " ", date(2026, 11, 24))
    override_authority(demo_store, flagged.id, "VP approved", date(2026, 11, 24))
    saved = demo_store.get(Commitment, flagged.id)
    assert saved.overridden and saved.authority_override == "VP approved"
    assert saved.within_authority is False  # the warning stays on record
    assert saved.history[-1]["change"] == "authority"


def test_internal_notes_and_fields_never_pass_the_filter() -> None:
    notes = [
        Note(visit_id=1, text="a", internal=True),
        Note(visit_id=1, text="b", goal=Goal.TEAM_PROFILE),
        Note(visit_id=1, text="c", goal=Goal.PERSONAL_CONNECTION),
        Note(visit_id=1, text="d", goal=Goal.PAIN_POINTS),
    ]
    assert [n.text for n in safe_notes(notes)] == ["d"]
    assert all(is_internal_note(n) for n in notes[:3])
    visit = Visit(
        customer_id=1,
        date=FIXED_NOW,
        sales_told="S",
        do_not_say="D",
        may_promise="M",
        must_not_promise="N",
        product_brief="P",
    )
    data = safe_visit(visit)
    assert not {"sales_told", "do_not_say", "may_promise", "must_not_promise"} & set(data)


def test_session_marks_the_visit_live_and_ends_it_with_a_next_step(demo_store) -> None:
    session = LiveSession.open(demo_store, 2, FIXED_NOW)
    assert demo_store.get(Visit, 2).status is VisitStatus.LIVE
    item = session.items[0]
    session.type(item, "hello")
    assert session.dirty and session.flush() == [item] and not session.dirty
    commitment = session.add_commitment("定制 SLA", OwnerSide.US, "Li", None)
    assert commitment.within_authority is False
    theirs = session.add_commitment("定制 SLA 需求文档", OwnerSide.CUSTOMER, "王", None)
    assert theirs.within_authority is True  # the customer's promises are not ours to limit
    session.set_next_step("Joint test 12-10", end=True)
    visit = demo_store.get(Visit, 2)
    assert visit.status is VisitStatus.DONE and visit.next_step == "Joint test 12-10"
    again = LiveSession.open(demo_store, 2, FIXED_NOW)
    assert demo_store.get(Visit, 2).status is VisitStatus.DONE  # done stays done
    assert again.note_for(again.items[0]).text == "hello"


def test_a_question_holds_several_voices_each_with_its_own_tags(demo_store) -> None:
    session = LiveSession.open(demo_store, 2, FIXED_NOW)
    item = session.items[0]
    session.type(item, "CTO: the export takes five days")
    session.set_speaker(item, session.attendees[0].id)
    assert session.new_note(item) is not session.notes_for(item)[0]
    assert session.new_note(item) is session.notes_for(item)[1]  # an empty note is reused
    session.type(item, "ops lead: we copy it by hand")
    session.toggle_internal(item)
    session.tag_goal(item, Goal.PAIN_POINTS)
    session.flush()
    assert session.note_position(item) == (2, 2)
    assert session.select_note(item, -1).text.startswith("CTO")
    again = LiveSession.open(demo_store, 2, FIXED_NOW)
    first, second = again.notes_for(again.items[0])
    assert first.speaker_id == session.attendees[0].id and not first.internal
    assert second.internal and second.goal is Goal.PAIN_POINTS and second.speaker_id is None
    assert again.note_for(again.items[0]) is second  # the last voice is the one written on


def test_free_notes_are_there_beside_the_script(demo_store) -> None:
    session = LiveSession.open(demo_store, 2, FIXED_NOW)
    assert session.items
    session.type(None, "parking at gate 3")
    session.flush()
    again = LiveSession.open(demo_store, 2, FIXED_NOW)
    assert [n.text for n in again.notes_for(None)] == ["parking at gate 3"]


def test_a_pains_action_is_a_commitment_of_ours(demo_store) -> None:
    from datetime import date

    from interview_tui.domain.models import Commitment

    session = LiveSession.open(demo_store, 2, FIXED_NOW)
    pain, promise = session.add_pain(
        "手工对账五天", "下周和财务坐一天", session.items[0], owner_name="Li", due=date(2026, 12, 4)
    )
    stored = demo_store.get(Commitment, promise.id)
    assert stored.owner_side is OwnerSide.US and stored.text == "下周和财务坐一天"
    assert stored.due == date(2026, 12, 4) and stored.pain_note_id == pain.id
    assert promise in session.commitments


def test_notes_under_an_ad_hoc_question_stay_under_it_while_another_process_writes(
    demo_store, tmp_path
) -> None:
    """The question is saved after the lock is freed; its note waits for it, never becomes a
    free note."""
    from concurrent.futures import ThreadPoolExecutor

    from interview_tui.domain.enums import Role

    from .conftest import write_lock_held

    session = LiveSession.open(demo_store, 2, FIXED_NOW)
    session.writer = ThreadPoolExecutor(max_workers=1)
    with write_lock_held(demo_store.path, 1.5):
        item = session.add_question("Who signs off the budget?", Role.BUSINESS, Goal.BUSINESS_GOALS)
        session.type(item, "the CFO, every quarter")
        session.flush()
        assert item.id is None  # still waiting for the lock
    session.wait_written(timeout=15)
    rows = demo_store.query(
        "SELECT script_item_id FROM notes WHERE text = ?", ["the CFO, every quarter"]
    )
    assert rows == [{"script_item_id": item.id}] and item.id is not None
    session.writer.shutdown()


def test_a_moved_note_lands_among_the_others_in_the_order_written(demo_store) -> None:
    """Filed by when it was written (saved ones by id), not at the end; moving it back to
    where it was (the undo) restores both questions as they were."""
    session = LiveSession.open(demo_store, 2, FIXED_NOW)
    first, third = session.items[0], session.items[2]
    for text in ("A", "B"):  # two voices under the first question
        session.new_note(first)
        session.type(first, text)
        session.flush()
    session.new_note(third)
    session.type(third, "C")
    session.flush()
    a, b = (n for n in session.notes_for(first) if n.text in ("A", "B"))
    assert a.id < b.id < session.note_for(third).id
    back = session.move_note(a, third)
    assert [n.text for n in session.notes_for(third)] == ["A", "C"]
    assert [n.text for n in session.notes_for(first)] == ["B"]
    session.flush()
    again = LiveSession.open(demo_store, 2, FIXED_NOW)
    assert [n.text for n in again.notes_for(again.items[2])] == ["A", "C"]
    session.move_note(a, *back)
    assert [n.text for n in session.notes_for(first)] == ["A", "B"]
    assert [n.text for n in session.notes_for(third)] == ["C"]


def test_a_moved_note_takes_the_goal_of_its_new_question_unless_tagged(demo_store) -> None:
    """A note typed under a goal-5 question and moved under a pain question counts as a
    pain (the goal panel, the report); moved back, it is a goal-5 note again; a goal the
    PM tagged by hand moves with the note."""
    from collections import Counter

    session = LiveSession.open(demo_store, 2, FIXED_NOW)
    by_goal: dict = {}
    for item in session.items:
        by_goal.setdefault(item.goal, item)
    here, there = next((a, b) for a in session.items for b in session.items if a.goal is not b.goal)
    session.new_note(here)
    session.type(here, "manual rollback after the edge upgrade failed")
    note = session.note_for(here)
    before = dict(session.goal_counts)
    back = session.move_note(note, there)
    assert note.goal is there.goal
    assert session.goal_counts[there.goal] == before.get(there.goal, 0) + 1
    assert session.goal_counts[here.goal] == before[here.goal] - 1
    session.flush()
    session.wait_written(timeout=15)
    rows = demo_store.query("SELECT goal FROM notes WHERE id = ?", [note.id])
    assert rows == [{"goal": there.goal.value}]
    session.move_note(note, *back)
    assert note.goal is here.goal
    assert +session.goal_counts == +Counter(before)
    tagged = next(g for g in by_goal if g not in (here.goal, there.goal))
    note.goal = tagged
    session.move_note(note, there)
    assert note.goal is tagged
