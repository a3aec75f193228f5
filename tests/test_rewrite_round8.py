"""Rewrites, one test per failure family of the round-7 blind review (issue 27, round 8)."""

from __future__ import annotations

import pytest

from interview_tui.lint import lint_text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a budget, next year's plan or a need is never the half kept
        (
            "How many orders does the fulfilment pipeline handle per hour, and what will you "
            "budget for it next year?",
            "How many orders does the fulfilment pipeline handle per hour?",
        ),
        (
            "你们消息队列每秒大概多少条消息，明年这块预算有多少？",
            "你们消息队列每秒大概多少条消息？",
        ),
        # an approval half gives way to the fact in the other
        (
            "现在有多少家医院在用新的HIS，信息科那边预算批下来了吗？",
            "现在有多少家医院在用新的HIS？",
        ),
        (
            "这次核心系统升级什么时候上线，云上的费用又是谁来审批呢？",
            "这次核心系统升级什么时候上线？",
        ),
        # "how many of them" / 其中 asks the share of the first half's count
        (
            "How many support tickets come in each week, and how many of them are still "
            "triaged manually?",
            "How many support tickets each week are still triaged manually?",
        ),
        ("每个月退货单大概多少，其中人工处理的占多少？", "每个月的退货单里，人工处理的占多少？"),
    ],
)
def test_a_double_question_keeps_the_fact_that_matters(text: str, kept: str) -> None:
    assert lint_text(text).rewrite == kept


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


@pytest.mark.parametrize(
    ("text", "better"),
    [
        (
            "Do you want fewer false positives from your spam filter?",
            "How many false positives did your spam filter raise last month?",
        ),
        (
            "Is it important to you that the ordering app doesn't go down on Black Friday?",
            "How many times did the ordering app go down on Black Friday last year?",
        ),
        (
            "If we cut your log ingestion costs by half, would you move your logs to us?",
            "What did log ingestion cost your team last month?",
        ),
        (
            "Do you care about losing orders during a database failover?",
            "What happened to your orders during your last database failover?",
        ),
        (
            "The settlement batch is too slow for your finance team, isn't it?",
            "How long does the settlement batch take today?",
        ),
        (
            "If the nightly ETL finished in one hour instead of five, would you expand the "
            "contract?",
            "How long does the nightly ETL take today?",
        ),
        ("医保结算接口老是超时，这个应该挺影响门诊的吧？", "上个月医保结算接口超时了几次？"),
        ("你们的对账任务每天晚上跑不完，财务肯定很头疼吧？", "对账任务每天晚上一般要跑多久？"),
        ("贵司现在CDN的账单涨得挺厉害的，对吧？", "上个月CDN的账单是多少钱？"),
        ("如果报表能秒开，业务同事肯定会更喜欢吧？", "现在报表打开一般要多久？"),
        ("要是我们能把备份时间从四个小时压到半小时，你们会续约吗？", "备份现在一般要多久？"),
    ],
)
def test_a_wished_or_lamented_measure_asks_its_last_value(text: str, better: str) -> None:
    result = lint_text(text)
    assert result.shallow
    assert result.rewrite == better
