"""The detector's contract: codes, messages in both languages, accepted findings, bank checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_tui.banks.schema import BankQuestion
from interview_tui.lint import CODES, Severity, detect_language, lint_question, lint_text
from interview_tui.lint.messages import MESSAGES

EXAMPLES = [
    ("obvious-answer", "Would your team like lower egress prices?"),
    ("obvious-answer", "你们是否需要物美价廉的存储？"),
    ("design-offload", "What new features should we add to the console next year?"),
    ("design-offload", "您建议我们下个版本做哪些新功能？"),
    ("competitor-confront", "Why did you pick Azure over us for the data lake?"),
    ("competitor-confront", "当时为什么没有选择我们，而是签了友商？"),
    ("hypothetical", "If we launched a Jakarta region, would you move workloads there?"),
    ("hypothetical", "假如我们明年推出GPU实例，你们愿不愿意试用？"),
    ("opinion-fishing", "On a scale of 1 to 10, how would you rate our support?"),
    ("opinion-fishing", "您觉得我们的工单响应怎么样？"),
    ("leading", "Don't you think the old billing page was confusing?"),
    ("leading", "新控制台比旧的好用多了吧？"),
    ("double-barreled", "How many clusters do you run and who owns the upgrades?"),
    ("double-barreled", "你们有几个运维同学，平时用什么监控？"),
    ("vague", "Any other thoughts?"),
    ("vague", "还有其他需要补充的吗？"),
]

GOOD = [
    "Did Tuesday's failover page your on-call engineer?",
    "上周二的故障切换是否触发了值班告警？",
    "Why did you decide to move nightly batch jobs to spot instances in March?",
    "What do you think caused the cache stampede during the launch?",
    "How do you split traffic between the CDN and your origin servers?",
    "你们上个月有没有收到超出预算的账单？",
    "当时为什么决定把日志迁到自建的 ClickHouse 集群？",
    "你认为那次回源失败的主要原因是什么？",
    "你们的账单和发票是谁在核对？",
]


@pytest.mark.parametrize(("code", "text"), EXAMPLES)
def test_each_code_is_found(code: str, text: str) -> None:
    result = lint_text(text)
    assert code in result.codes, result.codes
    assert result.shallow


@pytest.mark.parametrize("text", GOOD)
def test_good_questions_pass_untouched(text: str) -> None:
    assert lint_text(text).findings == ()


def test_every_code_explains_itself_in_both_languages() -> None:
    assert set(MESSAGES) == set(CODES)
    for code in CODES:
        for language in ("en", "zh-CN"):
            message, suggestion = MESSAGES[code][language]
            assert message and suggestion


def test_message_language_follows_the_question_or_the_ui() -> None:
    finding = lint_text("是否希望少点故障？").findings[0]
    assert detect_language(finding.message) == "zh-CN"
    english = lint_text("是否希望少点故障？", ui_language="en").findings[0]
    assert detect_language(english.message) == "en"


def test_span_points_at_the_offending_words() -> None:
    text = "Quick one: don't you agree the console is slow?"
    finding = lint_text(text).findings[0]
    assert finding.span is not None
    start, end = finding.span
    assert "agree" in text[start:end]


def _question(**fields) -> BankQuestion:
    base = {
        "id": "q",
        "role": "business",
        "goal": "business_goals",
        "text": "Which markets did you enter last year?",
    }
    return BankQuestion(**(base | fields))


def test_bank_level_checks() -> None:
    codes = lint_question(_question()).codes
    assert {"no-research", "no-purpose"} <= set(codes)
    assert not lint_question(_question()).shallow  # bank-level findings never make it shallow
    ok = _question(research="Their 10-K lists two new markets.", purpose="Key direction?")
    assert lint_question(ok).codes == ()
    engineer = _question(
        role="tech_execution",
        goal="key_requirements",
        text="How is the annual budget for the platform split?",
        research="r",
        purpose="p",
    )
    assert "role-mismatch" in lint_question(engineer).codes
    sales = _question(
        text="Which kernel parameters do you tune on the edge nodes?", research="r", purpose="p"
    )
    assert "role-mismatch" in lint_question(sales).codes


def test_allow_accepts_a_finding_on_purpose() -> None:
    question = _question(
        text="Do you want lower prices?", research="r", purpose="p", allow=["obvious-answer"]
    )
    result = lint_question(question)
    assert result.findings and all(f.accepted for f in result.findings)
    assert not result.shallow
    assert result.to_dict()["findings"][0]["accepted"] is True


def test_severities_are_ordered() -> None:
    assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank
    assert all(info.severity is not Severity.INFO for info in CODES.values() if info.text_level)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_lints_without_error(text: str) -> None:
    result = lint_text(text)
    assert result.language in ("en", "zh-CN")
    for finding in result.findings:
        assert finding.code in CODES
        if finding.span:
            assert 0 <= finding.span[0] <= finding.span[1] <= len(text) + 1


def test_documented_examples_behave_as_documented() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "lint-codes.md").read_text("utf-8")
    rows = [line.split("|") for line in doc.splitlines() if line.startswith(("| bad", "| good"))]
    assert len(rows) >= 16
    for row in rows:
        for text in (row[2].strip(), row[3].strip()):
            assert lint_text(text).shallow is (row[1].strip() == "bad"), text


FALSE_ALARMS = [
    # a research preamble, then one question after ";"
    "Your Q3 report shows 40% growth; which region drove most of it?",
    "Our records show 37 severity-one tickets in 2024; which one had the greatest impact?",
    # a polite lead-in, then one question
    "能举个例子吗，上次告警风暴是怎么处理的？",
    "方便说下吗，你们去年云上总花费大概在哪个量级？",
    "冒昧问一下哈，你们 ops 团队去年流失了几个人？",
    # a request for a story, softened by 吧
    "讲讲上次大促那天的扩容过程吧。",
    "给我们讲讲上次GPU训练任务跑崩的经过吧。",
]


@pytest.mark.parametrize("text", FALSE_ALARMS)
def test_preambles_lead_ins_and_story_requests_are_not_flagged(text: str) -> None:
    result = lint_text(text)
    assert not {"double-barreled", "leading"} & set(result.codes), result.codes


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("double-barreled", "How many clusters do you run; who owns the upgrades?"),
        ("double-barreled", "能不能说说你们有几个集群，分别用什么监控？"),
        ("leading", "新控制台比旧的好用多了吧？"),
    ],
)
def test_the_same_forms_still_flag_when_they_ask_twice_or_lead(code: str, text: str) -> None:
    assert code in lint_text(text).codes


REWRITES = [
    ("Would you like a faster console?", "console"),
    ("How do you feel about our support?", "our support"),
    ("Do you want lower prices on storage?", "storage"),
    ("If we launched managed Kafka, would you use it?", "managed Kafka"),
    ("What new features should we add to the billing API?", "billing API"),
    ("您觉得我们的账单怎么样？", "账单"),
    ("你们需要物美价廉的对象存储吗？", "对象存储"),
    ("假如我们明年推出GPU实例，你们愿不愿意试用？", "GPU实例"),
    ("您觉得我们的控制台下个版本应该加哪些功能？", "控制台"),
]


@pytest.mark.parametrize(("text", "subject"), REWRITES)
def test_a_shallow_question_with_no_safe_rewrite_gets_a_guide_naming_its_subject(
    text: str, subject: str
) -> None:
    """No template is filled from a phrase reader (blind reviews judged 40-70 % of those
    usable): the finding guides, in the question's own words."""
    result = lint_text(text, ui_language="en")
    assert result.shallow and result.rewrite == "", result.rewrite
    assert subject in result.findings[0].suggestion, result.findings[0].suggestion


def test_a_flag_the_rules_do_not_explain_names_the_words_behind_it() -> None:
    text = "Do your SREs enjoy it when alerts are super noisy?"
    result = lint_text(text)
    assert result.shallow
    finding = result.findings[0]
    assert finding.evidence and finding.message.endswith(".")
    assert all(word in text.lower() for word in finding.evidence)
    assert finding.to_dict()["evidence"] == list(finding.evidence)


def test_only_the_model_of_the_language_in_use_is_loaded() -> None:
    code = (
        "import sys\n"
        "from interview_tui.lint import lint_text\n"
        "from interview_tui.lint import model\n"
        "before = model.loaded_languages()\n"
        "lint_text('Do you want fewer outages?')\n"
        "print(before, model.loaded_languages(),\n"
        "      'interview_tui.lint.chinese' in sys.modules, 'sklearn' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert out.split() == ["()", "('en',)", "False", "False"]


@pytest.mark.parametrize(
    ("text", "alone", "as_follow_up"),
    [
        ("How long is it kept?", True, False),  # its subject is the question before it
        ("What volume does it cover?", True, False),
        ("Anything else?", True, True),  # a catch-all stays a catch-all
        ("还有别的吗？", True, True),
        ("Do you want fewer outages?", True, True),
    ],
)
def test_follow_ups_are_judged_in_context(text: str, alone: bool, as_follow_up: bool) -> None:
    assert lint_text(text).shallow is alone
    assert lint_text(text, follow_up=True).shallow is as_follow_up
