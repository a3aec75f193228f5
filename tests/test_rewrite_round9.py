"""Rewrite failure families of the round-8 blind review (issue 27), one test per family,
probed with wordings of their own (benchmarks/rewrite_probes/tune9), not the reviewed ones."""

from __future__ import annotations

import pytest

from interview_tui.lint import lint_text

# the subject is the question's whole noun phrase, as the user wrote it: never its head or
# one modifier alone ("cold storage", "hours on fraud", "your team" for the feeds it owns)
WHOLE_SUBJECT = [
    (
        "What's your gut feeling about moving the payroll database into a managed service?",
        "What did your team decide the last time moving the payroll database into a managed"
        " service came up?",
    ),
    (
        "I assume your invoice matching engine is too slow for month-end close, right?",
        "How long does your invoice matching engine take today?",
    ),
    (
        "Do your analysts want to spend less time waiting on dashboard refreshes?",
        "How much time did your analysts spend waiting on dashboard refreshes last week?",
    ),
    (
        "Who runs the SFTP drops with your logistics carriers, and how often do they break?",
        "How often do the SFTP drops with your logistics carriers break?",
    ),
    (
        "Who maintains the batch jobs for your loyalty programme, and how often do they fail?",
        "How often do the batch jobs for your loyalty programme fail?",
    ),
    ("电子发票开具的接口，您觉得应该怎么设计比较好？", "上次电子发票开具出问题时，卡在了哪一步？"),
    ("我们的块存储该怎么定价比较合理，您给点建议？", "上个月的账单里，块存储花了多少钱？"),
    (
        "您觉得把历史订单数据迁到冷存储这件事怎么样？",
        "上次你们团队讨论把历史订单数据迁到冷存储，最后是怎么定的？",
    ),
    ("你们的对账引擎月底肯定跑得太慢了吧？", "对账引擎月底跑一次要多久？"),
]


# a rewrite that would say part of a phrase and drop the rest is not offered
CUT = [
    "Just curious, is it a big deal for you when the checkout API goes down?",
    "Would a reduction in cross-zone data transfer fees benefit your analytics budget?",
    "How do you feel about our documentation for the managed Kubernetes service?",
    "I assume the main reason for your cloud cost overrun is idle GPU capacity, is that right?",
]


@pytest.mark.parametrize("text", CUT)
def test_no_rewrite_that_cuts_a_phrase(text: str) -> None:
    result = lint_text(text)
    assert result.shallow
    assert result.rewrite == "", result.rewrite


# a design handed to the customer is asked about as what they did or what went wrong last
# time, never trimmed and kept as a request for the design
DESIGN = [
    (
        "慢查询告警默认该配哪些规则，您能给我们个清单吗？",
        "上次慢查询告警没报出来的那次，是哪类问题？",
    ),
    (
        "理想的仓储作业看板应该长什么样，您能描述一下吗？",
        "上次仓储作业出问题时，你们最先看的是哪几个数？",
    ),
    (
        "会员储值卡要支持哪些玩法，您能帮我们列一下吗？",
        "你们现在的会员储值卡，上个月用得最多的是哪种玩法？",
    ),
    ("门店补货的接口需要我们提供哪些字段？", "上次门店补货出问题时，卡在了哪一步？"),
    (
        "Which alert rules should the message queue have by default, and could you send us a list?",
        "What was the last problem on the message queue that no alert caught?",
    ),
    (
        "Could you list the webhooks you'd need from us to automate supplier onboarding?",
        "Walk me through your last supplier onboarding: which steps did your team do by hand?",
    ),
    (
        "What should the ideal warehouse throughput dashboard look like for your floor managers?",
        "When warehouse throughput last slipped, which numbers did your floor managers check"
        " first?",
    ),
]


# a double question keeps the fact, not the half asking whether a breach or a fine happened;
# no "你们的安全" fragment
SENSITIVE = [
    ("运维团队现在有几个人，去年有没有出过安全事故？", "运维团队现在有几个人？"),
    ("风控团队有多少人，今年有没有被监管处罚过？", "风控团队有多少人？"),
    (
        "How many people are on your security team, and have you had a data breach in the last"
        " year?",
        "How many people are on your security team?",
    ),
]


def test_a_hypothetical_in_their_own_room_is_no_place_users_are_near() -> None:
    result = lint_text("要是我们能在你们自己机房里部署向量数据库，领导那边会批吗？")
    assert result.shallow
    assert "自己一带" not in result.rewrite
    assert result.rewrite == ""
