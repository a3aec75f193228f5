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
