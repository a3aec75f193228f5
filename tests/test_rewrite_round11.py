"""Rewrite families of the round-10 blind review (issue 27), probed with wordings of their
own: a double question is rewritten as its first question plus the other half as a follow-up
(nothing the PM wanted is dropped), unless the other half can't stand as a question of its own."""

from __future__ import annotations

import pytest

from interview_tui.lint import lint_text


def _double(text: str) -> tuple[str, str]:
    result = lint_text(text)
    assert result.shallow, text
    assert result.findings[0].code == "double-barreled", text
    assert result.findings[0].follow_up == result.follow_up
    return result.rewrite, result.follow_up


FOLLOW_UPS = [
    (
        "How many refund requests arrive each week, and how many get escalated to finance?",
        "How many refund requests arrive each week?",
        "How many get escalated to finance?",
    ),
    (
        "How long does the nightly ETL batch take, and who gets paged when it stalls?",
        "How long does the nightly ETL batch take?",
        "Who gets paged when it stalls?",
    ),
    # a half said as a clause is made a direct question
    (
        "Which teams run jobs on the shared Spark cluster, and what quotas you've given them?",
        "Which teams run jobs on the shared Spark cluster?",
        "What quotas have you given them?",
    ),
    # an auxiliary before "you" asks directly already; "it" points at the tool the first names
    (
        "What's the error rate on the checkout API, and how many deploys do you ship a week?",
        "What's the error rate on the checkout API?",
        "How many deploys do you ship a week?",
    ),
    (
        "Which SIEM do you run, and how many alerts does it raise a day?",
        "Which SIEM do you run?",
        "How many alerts does it raise a day?",
    ),
    ("质检系统一天抽检多少件，漏检率大概多少？", "质检系统一天抽检多少件？", "漏检率大概多少？"),
    ("客服热线每天接多少通电话，平均要等多久？", "客服热线每天接多少通电话？", "平均要等多久？"),
]


@pytest.mark.parametrize(("text", "first", "follow"), FOLLOW_UPS)
def test_a_double_question_keeps_its_other_half_as_a_follow_up(
    text: str, first: str, follow: str
) -> None:
    assert _double(text) == (first, follow)


# neither half stood alone (the first only set the scene, the other pointed into it): no
# rewrite before; now the first half as said, the other asked next
BOTH_KEPT = [
    ("代理商这边有多少家，返佣比例一年调几次？", "代理商这边有多少家？", "返佣比例一年调几次？"),
    (
        "门店一年新开多少家，每家店的收银机是谁来装？",
        "门店一年新开多少家？",
        "每家店的收银机是谁来装？",
    ),
    (
        "How long are your sprint cycles and what usually blocks them?",
        "How long are your sprint cycles?",
        "What usually blocks them?",
    ),
]


@pytest.mark.parametrize(("text", "first", "follow"), BOTH_KEPT)
def test_a_double_question_with_no_half_alone_keeps_both_in_turn(
    text: str, first: str, follow: str
) -> None:
    assert _double(text) == (first, follow)


def test_the_first_half_is_kept_only_with_its_follow_up() -> None:
    # the other half is a why: nothing to ask next, so nothing is kept (as before)
    result = lint_text("门店一年新开多少家，为什么每家店的收银机都要我们去装？")
    assert (result.rewrite, result.follow_up) == ("", "")


NO_FOLLOW_UP = [
    # a verdict, yes or no
    "How many invoices do you key in by hand each month, and are you happy with that?",
    "发票一个月手工录入多少张，用得还顺手吗？",
    # the contract's date, the future, a budget: no fact the PM came for
    "How many warehouse scanners do you run, and when is the contract up for renewal?",
    "仓库扫码枪有多少台，合同什么时候到期？",
    "How many print jobs go through the queue a day, and what budget do you have next year?",
    # a why confronts whatever it follows
    "How many tickets did the help desk close last month, and why did you pick that tool?",
    # a fragment: nothing to ask
    "工单系统每天进多少单，为啥？",
]


@pytest.mark.parametrize("text", NO_FOLLOW_UP)
def test_a_half_that_cannot_stand_as_a_question_is_not_a_follow_up(text: str) -> None:
    result = lint_text(text)
    assert result.shallow, text
    assert result.follow_up == "", text


def test_a_clause_after_could_you_tell_me_is_no_follow_up_unless_it_can_be_turned() -> None:
    result = lint_text(
        "Could you tell me how many kiosks you operate and when the firmware update is due?"
    )
    assert result.follow_up == ""


# --- frames blind reviews judged weak: withheld, the finding guides instead ------------------
WITHHELD = [
    # hours spent on people: people are no task
    "Your planners must be losing a lot of time re-entering orders from email, correct?",
    # a complaint about the effort of a chore asked as the bill's total
    "两朵云的账单对起来，肯定很麻烦吧？",
    "三个渠道的账单对起来，肯定很费劲吧？",
    # why they moved away asked as the last time they used what they left
    "你们的工单系统换成Jira了，是觉得我们哪里不好用吗？",
]


@pytest.mark.parametrize("text", WITHHELD)
def test_a_frame_judged_weak_is_withheld_and_the_finding_guides(text: str) -> None:
    result = lint_text(text)
    assert result.shallow, text
    assert result.rewrite == "", text
    assert not result.findings[0].rewritten
    assert result.findings[0].suggestion  # the guide


WEAK_FRAMES = [
    # a walk-through of no one occasion
    (
        "leading",
        "Is config drift the main cause of your incidents?",
        "Walk me through your incidents, step by step.",
    ),
    (
        "opinion-fishing",
        "Is SSO what slows down provisioning?",
        "Walk me through provisioning: which step took longest?",
    ),
    # a review named by a cut of the report's name
    (
        "design-offload",
        "Which metrics should the checkout conversion report include?",
        "Which numbers did your team look at in its last checkout review?",
    ),
]


STRONG_FRAMES = [
    (
        "leading",
        "Is the last outage still hurting?",
        "Walk me through the last outage, step by step.",
    ),
    (
        "design-offload",
        "Which metrics should the checkout report include?",
        "Which numbers did your team look at in its last checkout review?",
    ),
    (
        "leading",
        "Isn't your egress bill too high?",
        "What did your team pay for egress last month?",
    ),
    ("leading", "自己维护 Kafka 集群挺麻烦的吧？", "上个月维护 Kafka 集群花了多少人天？"),
]


# a rewrite that is two questions itself ("…比了哪几家，最后看重的是哪一点？", judged "still a
# double question") is one question with the other asked next
@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("你们的报销系统为什么用了费控宝，而不是我们的方案？", "报销系统当时选型比了哪几家？"),
        ("你们呼叫中心为什么选了容联而没选我们的？", "呼叫中心当时选型比了哪几家？"),
    ],
)
def test_a_rewrite_of_two_questions_asks_the_second_next(text: str, first: str) -> None:
    result = lint_text(text)
    assert (result.rewrite, result.follow_up) == (first, "最后看重的是哪一点？")
    assert result.findings[0].follow_up == "最后看重的是哪一点？"
