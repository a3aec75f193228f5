"""Requirements are evidence for goal 5 (key requirements), and pains with their actions for
goal 6, wherever evidence is counted: the live goal panel, the account matrix, the customer's
evidence (brief, timeline) and the report; one rule (services/evidence.py) for all."""

from __future__ import annotations

from datetime import datetime

import pytest

from interview_tui.domain.enums import Goal, OwnerSide
from interview_tui.domain.models import Commitment, Customer, Visit
from interview_tui.exports.bundle import load_bundle
from interview_tui.exports.reports import report_md
from interview_tui.i18n import set_language
from interview_tui.services.evidence import account_matrix, customer_evidence
from interview_tui.services.live_session import LiveSession
from tests.conftest import FIXED_TODAY


def _visit_with_a_requirement_and_a_pain(store) -> Visit:
    customer = store.save(Customer(name="Fabrikam Metals"))
    visit = store.save(
        Visit(
            customer_id=customer.id,
            date=datetime(2026, 11, 20, 10),
            goals=[Goal.KEY_REQUIREMENTS, Goal.PAIN_POINTS],
        )
    )
    session = LiveSession.open(store, visit.id, datetime(2026, 11, 20, 10))
    assert session.goal_counts[Goal.KEY_REQUIREMENTS] == 0
    session.add_requirement(
        title="72-hour offline cache",
        user="line supervisor",
        scenario="the plant network drops",
        pain="orders are lost",
    )
    session.add_requirement(title="SSO with the plant directory")
    session.add_pain("Invoices arrive late", "send the fixed export", None)
    # the live goal panel counts them as they are captured ...
    assert session.goal_counts[Goal.KEY_REQUIREMENTS] == 2
    assert session.goal_counts[Goal.PAIN_POINTS] == 1
    assert session.gaps() == []
    session.flush()
    # ... and again when the visit is opened afresh
    again = LiveSession.open(store, visit.id, datetime(2026, 11, 20, 11))
    assert again.goal_counts[Goal.KEY_REQUIREMENTS] == 2 and again.gaps() == []
    return visit


def test_the_account_matrix_and_the_customers_evidence_count_requirements(store) -> None:
    visit = _visit_with_a_requirement_and_a_pain(store)
    row = next(r for r in account_matrix(store, FIXED_TODAY) if r.customer_id == visit.customer_id)
    assert row.days[Goal.KEY_REQUIREMENTS] == 4 and row.days[Goal.PAIN_POINTS] == 4
    assert row.days[Goal.BUSINESS_GOALS] is None
    found = customer_evidence(store, visit.customer_id)
    assert {(e.goal, e.text) for e in found} >= {
        (Goal.KEY_REQUIREMENTS, "72-hour offline cache"),
        (Goal.KEY_REQUIREMENTS, "SSO with the plant directory"),
        (Goal.PAIN_POINTS, "Invoices arrive late"),
    }


@pytest.mark.parametrize(("lang", "none"), [("en", "No evidence"), ("zh", "暂无证据")])
def test_the_report_lists_requirements_and_pains_as_evidence(store, lang, none) -> None:
    visit = _visit_with_a_requirement_and_a_pain(store)
    set_language(lang)
    report = report_md(load_bundle(store, visit.id), FIXED_TODAY)
    sections = report.split("\n### ")
    five = next(s for s in sections if s.startswith("5. "))
    six = next(s for s in sections if s.startswith("6. "))
    assert none not in five and none not in six
    assert "72-hour offline cache" in five and "SSO with the plant directory" in five
    assert "Invoices arrive late" in six and "send the fixed export" in six
    assert none in next(s for s in sections if s.startswith("2. "))  # nothing there: said so


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            (
                "What sales has told them",
                "Do not say",
                "May promise",
                "Must not promise",
                "What we give back",
            ),
        ),
        ("zh", ("销售已对客户说过", "不要说", "可以承诺", "不可承诺", "我们回馈的内容")),
    ],
)
def test_the_report_keeps_every_reason_and_the_plans_inputs(store, lang, words) -> None:
    """Drop, reschedule and done notes, override reasons and the plan's inputs: all in the
    internal report, in either language (user text is never HTML-escaped)."""
    from datetime import date

    from interview_tui.domain.enums import CommitmentState
    from interview_tui.services.commitments import close, reschedule

    visit = _visit_with_a_requirement_and_a_pain(store)
    visit.sales_told, visit.do_not_say = "15% off on renewal", "no <日期> for Dubai"
    visit.may_promise, visit.must_not_promise = "two weeks of test resources", "custom SLA"
    visit.give_back = ["latency figures for the two new zones"]
    store.save(visit)
    session = LiveSession.open(store, visit.id, datetime(2026, 11, 20, 12))
    moved = session.add_commitment("Send the latency report", OwnerSide.US, "", date(2026, 11, 25))
    dropped = session.add_commitment(
        "A custom SLA for the Dubai zone",
        OwnerSide.US,
        "",
        None,
        override="the VP asked for it in the room",
        today=date(2026, 11, 20),
    )
    done = session.add_commitment("Book the review", OwnerSide.US, "", date(2026, 11, 30))
    session.flush()
    reschedule(
        store,
        store.get(Commitment, moved.id),
        date(2026, 12, 9),
        "REASON-their data came late",
        FIXED_TODAY,
    )
    close(
        store,
        store.get(Commitment, dropped.id),
        CommitmentState.DROPPED,
        "NOTE-finance said no",
        FIXED_TODAY,
    )
    close(
        store,
        store.get(Commitment, done.id),
        CommitmentState.DONE,
        "NOTE-booked for Friday",
        FIXED_TODAY,
    )
    set_language(lang)
    report = report_md(load_bundle(store, visit.id), FIXED_TODAY)
    for text in (
        "REASON-their data came late",
        "NOTE-finance said no",
        "NOTE-booked for Friday",
        "the VP asked for it in the room",
        "15% off on renewal",
        "no <日期> for Dubai",
        "two weeks of test resources",
        "custom SLA",
        "latency figures for the two new zones",
        *words,
    ):
        assert text in report, text
    assert "&lt;" not in report


@pytest.mark.parametrize(
    ("lang", "who"), [("en", "Who: line supervisor"), ("zh", "用户：line supervisor")]
)
def test_the_recap_names_each_requirement_by_its_title(store, lang, who) -> None:
    """A letter to the customer: each requirement by its title, what we heard under it, and
    a closing line."""
    from interview_tui.exports.reports import recap_md

    visit = _visit_with_a_requirement_and_a_pain(store)
    set_language(lang)
    recap = recap_md(load_bundle(store, visit.id))
    lines = recap.splitlines()
    title = lines.index("- **72-hour offline cache**")
    assert who in lines[title + 1] and lines[title + 1].startswith("  - ")
    assert "- **SSO with the plant directory**" in lines
    assert lines[-1] in {
        "Thank you again; we look forward to hearing from you.",
        "再次感谢，期待您的回复。",
    }
