"""The readiness list names roles and goals as the interface says them, never by their ids."""

from __future__ import annotations

from datetime import datetime

import pytest

from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import Person, Visit
from interview_tui.i18n import set_language
from interview_tui.services.readiness import readiness


@pytest.mark.parametrize(
    ("lang", "role", "goal"),
    [("en", "Technical executor", "Pain points"), ("zh", "技术执行人", "痛点")],
)
def test_missing_roles_and_goals_in_words(lang, role, goal) -> None:
    visit = Visit(customer_id=1, date=datetime(2026, 12, 3, 10), goals=[Goal.PAIN_POINTS])
    people = [Person(customer_id=1, name="赵磊", role=Role.TECH_EXECUTION)]
    set_language(lang)
    try:
        checks = {c.key: c.detail for c in readiness(visit, [], people, [])}
    finally:
        set_language("en")
    assert checks["ready.roles"] == role and checks["ready.goals"] == goal
    assert "tech_execution" not in str(checks) and "pain_points" not in str(checks)


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "1 customer question not yet", "21 customer questions not yet"),
        ("zh", "1 个客户问题", "21 个客户问题"),
    ],
)
def test_a_count_says_what_it_counts(lang, one, many) -> None:
    """Walk D14: "Customer questions rehearsed with prepared answers  21" (21 what?)."""
    from interview_tui.domain.models import CustomerQuestion

    visit = Visit(customer_id=1, date=datetime(2026, 12, 3, 10))
    set_language(lang)
    try:
        details = []
        for n in (1, 21):
            questions = [CustomerQuestion(visit_id=1, text=f"q{i}") for i in range(n)]
            checks = {c.key: c.detail for c in readiness(visit, [], [], questions)}
            details.append(checks["ready.customer_questions"])
    finally:
        set_language("en")
    assert details[0].startswith(one) and details[1].startswith(many), details


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "1 prepared answer touches a limit"), ("zh", "1 个准备好的回答触及")],
)
def test_a_prepared_answer_beyond_the_limits_is_not_ready(lang, said) -> None:
    """The answer warned "⚠ touches a limit: SLA above 99.95%" in its dialog, was marked
    confident in the rehearsal, and the readiness list went green."""
    from interview_tui.domain.models import CustomerQuestion

    visit = Visit(customer_id=1, date=datetime(2026, 12, 3, 10), must_not_promise="SLA 高于 99.95%")
    promised = CustomerQuestion(
        visit_id=1,
        text="你们能不能保证99.99%的可用性？",
        answer="可以，我们承诺SLA 99.99%，达不到就赔偿",
        confidence="confident",
    )
    refused = CustomerQuestion(
        visit_id=1, text="SLA?", answer="99.95% 是我们能写进合同的上限", confidence="confident"
    )
    set_language(lang)
    try:
        checks = {c.key: c for c in readiness(visit, [], [], [promised, refused])}
        fine = {c.key: c for c in readiness(visit, [], [], [refused])}
    finally:
        set_language("en")
    assert checks["ready.customer_questions"].ok  # rehearsed, with confidence
    assert not checks["ready.answers_within"].ok and said in checks["ready.answers_within"].detail
    assert fine["ready.answers_within"].ok


@pytest.mark.parametrize(
    ("lang", "give_back", "limits", "said"),
    [
        (
            "en",
            ["Free capacity for the pilot in Q3", "Benchmark of our ARM instances"],
            "Custom SLA; free capacity; roadmap dates",
            "it touches what must not be promised: free capacity",
        ),
        (
            "zh",
            ["送一个月免费资源试用"],
            "定制 SLA；免费资源；具体上线日期",
            "触及不可承诺事项：免费资源",
        ),
    ],
)
def test_a_give_back_beyond_the_limits_is_not_ready(lang, give_back, limits, said) -> None:
    """What we mean to give the customer went unchecked: "a month of free capacity" under a
    plan that says free capacity must not be promised, and the list was green."""
    visit = Visit(
        customer_id=1, date=datetime(2026, 12, 3, 10), give_back=give_back, must_not_promise=limits
    )
    fine = visit.model_copy(update={"give_back": ["Benchmark of our ARM instances"]})
    set_language(lang)
    try:
        check = {c.key: c for c in readiness(visit, [], [], [])}["ready.give_back"]
        kept = {c.key: c for c in readiness(fine, [], [], [])}["ready.give_back"]
    finally:
        set_language("en")
    assert not check.ok and check.detail == said
    assert kept.ok and not kept.detail


def test_limits_touched_are_listed_with_the_languages_separator() -> None:
    """The Chinese warnings joined limits with an ASCII "; " (免费资源; 华南节点)."""
    visit = Visit(
        customer_id=1,
        date=datetime(2026, 12, 3, 10),
        give_back=["下周给你们免费资源，还有具体上线日期"],
        must_not_promise="定制 SLA；免费资源；具体上线日期",
    )
    set_language("zh")
    try:
        check = {c.key: c for c in readiness(visit, [], [], [])}["ready.give_back"]
    finally:
        set_language("en")
    assert check.detail == "触及不可承诺事项：免费资源；具体上线日期", check.detail
