"""Rewrites, one test per failure family of the round-7 blind review (issue 27, round 8)."""

from __future__ import annotations

import pytest

from interview_tui.lint import lint_text


@pytest.mark.parametrize(
    "text",
    [
        # an estimate of a need and a purchase: no half to keep, nor another code's rewrite
        "How much storage do you need for the video archive, and would you consider a cold tier?",
        # an elaboration half: the overview is still vague
        "What does your CI setup look like, and could you elaborate on it?",
        "你们的监控体系大概是什么样的，能展开讲讲吗？",
        # a why-half kept alone still confronts the choice
        "为什么邮件服务选了那家供应商，不直接用我们的呢？",
        # no evaluation to recall: the question names no choice
        "What does Google Cloud give you that we don't?",
        "Are you aware that DigitalOcean's managed Postgres has weaker backups than ours?",
        "AWS那边到底有什么是我们给不了的？",
        # a qualified subject cut to its head ("the alerts", 接口) loses what it is for
        "How would you design the alerts for Elasticsearch heap pressure if you were us?",
        "How would you design the alerting rules for Kafka consumer lag if you were us?",
        "跨境支付的状态查询，您希望我们开放哪些接口？",
        "物流轨迹的查询，您希望我们开放哪些接口？",
        # a walk-through of a project blamed for something drops the blame
        "I assume the Workday rollout is what's slowing your HR team down this year?",
        "I assume the SAP S/4HANA migration is what's slowing your team down this year?",
        # hours on a system, a review of an audit
        "发票系统现在基本靠人工审核，效率应该挺低的吧？",
        "工单系统现在基本靠人工派单，效率应该挺低的吧？",
        "你们需要什么样的审计报表，我们照着做就行。",
    ],
)
def test_no_rewrite_where_the_round7_review_found_none_usable(text: str) -> None:
    result = lint_text(text)
    assert result.shallow
    assert result.rewrite == "", result.rewrite


def test_a_hedge_is_not_the_work_asked_about() -> None:
    rewrite = lint_text(
        "I'm guessing your call-centre agents spend most of their time on repetitive "
        "password resets?"
    ).rewrite
    assert "guessing" not in rewrite and "hours did your team spend on call-centre" not in rewrite
