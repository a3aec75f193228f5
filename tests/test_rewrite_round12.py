"""Round 12: a rewrite is offered only when it keeps everything the PM asked in the question's
own words (a double question split with its follow-up, a rival's choice asked as how the
selection went); every other flagged question gets a guide naming its subject."""

from __future__ import annotations

import pytest

from interview_tui.lint import lint_text

# (question, its code, the subject the guide names): each got a template rewrite before
TEMPLATE_FAMILIES = [
    ("Would you like a faster console?", "obvious-answer", "console"),
    ("Do you want lower prices on storage?", "obvious-answer", "storage"),
    ("If we launched managed Kafka, would you use it?", "hypothetical", "Kafka"),
    ("What new features should we add to the billing API?", "design-offload", "billing API"),
    ("Isn't your egress bill too high?", "leading", "egress"),
    ("Is config drift the main cause of your incidents?", "leading", "incidents"),
    ("What do you think of our storage pricing?", "opinion-fishing", "storage"),
    ("你们需要物美价廉的对象存储吗？", "obvious-answer", "对象存储"),
    ("自己维护 Kafka 集群挺麻烦的吧？", "leading", "Kafka"),
    ("你们觉得我们的存储定价怎么样？", "opinion-fishing", "存储"),
    ("假如我们支持 Terraform，你们会把基础设施迁过来吗？", "hypothetical", "Terraform"),
]


@pytest.mark.parametrize(("question", "code", "subject"), TEMPLATE_FAMILIES)
def test_a_template_frame_question_gets_a_guide_naming_its_subject(
    question: str, code: str, subject: str
) -> None:
    result = lint_text(question)
    assert result.shallow, question
    assert result.rewrite == "" and result.follow_up == "", result.rewrite
    first = next(f for f in result.findings if f.makes_shallow)
    assert not first.rewritten
    assert subject in first.suggestion, (code, first.suggestion)


SPLITS = [
    (
        "How many dashboards live in your BI tool, and how many were opened even once last month?",
        "How many dashboards live in your BI tool?",
        "How many were opened even once last month?",
    ),
    (
        "What's the current RTO for the core banking database, and when did you last actually "
        "test it?",
        "What's the current RTO for the core banking database?",
        "When did you last actually test it?",
    ),
    (
        "中央厨房现在覆盖了多少家门店，每天配送几趟？",
        "中央厨房现在覆盖了多少家门店？",
        "每天配送几趟？",
    ),
]


@pytest.mark.parametrize(("question", "first", "follow"), SPLITS)
def test_a_double_question_is_split_with_its_follow_up(
    question: str, first: str, follow: str
) -> None:
    result = lint_text(question)
    assert (result.rewrite, result.follow_up) == (first, follow)


@pytest.mark.parametrize(
    "question",
    [
        # the other half makes no follow-up (a wish, a breach, a budget): no half alone
        "How many orders does the fulfilment pipeline handle per hour, and what will you budget "
        "for it next year?",
        "How many people are on your security team, and have you had a data breach in the last "
        "year?",
        "风控团队有多少人，今年有没有被监管处罚过？",
        # a design handed over in either half
        "题库管理系统应该具备哪些能力，您这边能不能给我们一个清单？",
    ],
)
def test_a_double_question_with_no_follow_up_gets_no_rewrite(question: str) -> None:
    result = lint_text(question)
    assert result.shallow and result.rewrite == "", result.rewrite


RIVALS = [
    (
        "Why did you go with Zscaler for remote access instead of our zero-trust gateway?",
        "Which other vendors were on the shortlist when you chose Zscaler for remote access?",
        "What decided it in the end?",
    ),
    (
        "What made you pick Azure rather than us?",
        "Which other vendors were on the shortlist when you chose Azure?",
        "What decided it in the end?",
    ),
    (
        "你们的司库系统为什么选了用友，而不是我们？",
        "司库系统当时选型比了哪几家？",
        "最后看重的是哪一点？",
    ),
    ("你们当时为啥选了阿里云？", "当初选阿里云之前，你们还比了哪几家？", "最后看重的是哪一点？"),
]


@pytest.mark.parametrize(("question", "first", "follow"), RIVALS)
def test_a_rival_choice_is_asked_as_how_the_selection_went(
    question: str, first: str, follow: str
) -> None:
    result = lint_text(question)
    assert (result.rewrite, result.follow_up) == (first, follow)
    assert not lint_text(result.rewrite).shallow


def test_a_rival_choice_without_its_name_gets_no_rewrite() -> None:
    """The same shortlist question for every unnamed choice would be one rewrite for many
    different questions: the guide names the subject instead."""
    result = lint_text("Why did you go with a competitor for the data warehouse?")
    assert result.shallow and result.rewrite == "", result.rewrite
    assert any("data warehouse" in f.suggestion for f in result.findings), result.findings


@pytest.mark.parametrize(
    "statement",
    [
        "最近也拜访了几家同行，所以特别想听听各位对新上的火化排期流程有什么感受。",
        "We visited a few of your peers lately, so we'd love to hear how the new rota feels.",
    ],
)
def test_a_statement_is_never_split_into_a_question_and_a_follow_up(statement: str) -> None:
    """Round 13's blind review: "…有什么感受。" came back as "…感受。？", still fishing."""
    result = lint_text(statement)
    assert (result.rewrite, result.follow_up) == ("", ""), result


@pytest.mark.parametrize(
    ("question", "follow"),
    [
        ("反洗钱可疑交易一个月上报多少笔，另外误报率大概多少？", "误报率大概多少？"),
        ("退货单一天大概处理多少张，还有退款平均要几天到账？", "退款平均要几天到账？"),
    ],
)
def test_a_chinese_follow_up_drops_the_connective_that_joined_it(
    question: str, follow: str
) -> None:
    """The connective's pattern was shadowed by the rival-choice reader's lead-in of the same
    name, so the follow-up came out as "另外误报率大概多少？"."""
    assert lint_text(question).follow_up == follow
