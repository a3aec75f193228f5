"""The live session's services: authority limits, customer-safe filtering, next step."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from interview_tui.domain.enums import Goal, OwnerSide, VisitStatus
from interview_tui.domain.models import Note, Visit
from interview_tui.services.authority import flags_beyond_authority, limits
from interview_tui.services.customer_safe import is_internal_note, safe_notes, safe_visit
from interview_tui.services.live_session import LiveSession

from .conftest import FIXED_NOW

LIMITS = "Discounts or pricing\nCustom SLA above 99.95%；具体上线日期、免费资源"


def test_limits_are_split_on_lines_and_cjk_separators() -> None:
    assert limits(LIMITS) == ["Discounts or pricing", "Custom SLA above 99.95%", "具体上线日期",
                              "免费资源"]  # fmt: skip


def test_commitments_touching_a_limit_are_flagged() -> None:
    assert flags_beyond_authority("A 30% discount on storage", LIMITS) == ["Discounts or pricing"]
    assert flags_beyond_authority("We commit to an SLA of 99.99%", LIMITS) == [
        "Custom SLA above 99.95%"]
    assert flags_beyond_authority("下周五前给出上线日期", LIMITS) == ["具体上线日期"]
    assert flags_beyond_authority("Send the outage report by Friday", LIMITS) == []


@given(st.text(max_size=200), st.text(max_size=200))
def test_authority_check_never_fails(text: str, plan: str) -> None:
    assert set(flags_beyond_authority(text, plan)) <= set(limits(plan))


def test_internal_notes_and_fields_never_pass_the_filter() -> None:
    notes = [Note(visit_id=1, text="a", internal=True),
             Note(visit_id=1, text="b", goal=Goal.TEAM_PROFILE),
             Note(visit_id=1, text="c", goal=Goal.PERSONAL_CONNECTION),
             Note(visit_id=1, text="d", goal=Goal.PAIN_POINTS)]  # fmt: skip
    assert [n.text for n in safe_notes(notes)] == ["d"]
    assert all(is_internal_note(n) for n in notes[:3])
    visit = Visit(customer_id=1, date=FIXED_NOW, sales_told="S", do_not_say="D", may_promise="M",
                  must_not_promise="N", product_brief="P")  # fmt: skip
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
    assert again.notes[item.id].text == "hello"
