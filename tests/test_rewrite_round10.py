"""Rewrite families of the round-9 blind review (issue 27), one test per family, probed with
wordings of their own (benchmarks/rewrite_probes/tune10), not the reviewed ones: the subject's
whole topic kept, a metric asked as its value (never hours spent), a rival's choice asked as
how the selection went, an ideal design asked as how the work is done today, and status-quo
frames for wished measures, complaints, chores and offered modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_tui.lint import lint_text

PROBES = Path(__file__).resolve().parent.parent / "benchmarks" / "rewrite_probes" / "tune10"


def _rewrite(text: str) -> str:
    result = lint_text(text)
    assert result.shallow, text
    return result.rewrite


# a double question's half that names its topic with "这块" keeps it: never "团队里有几个人在做"
TOPIC = [
    ("风控反欺诈这块每天大概拦多少笔，团队里有几个人在做？", "风控反欺诈每天大概拦多少笔？"),
    ("数据标注这块一个月大概标多少张，团队里有几个人在做？", "数据标注一个月大概标多少张？"),
]


@pytest.mark.parametrize(("text", "kept"), TOPIC)
def test_a_half_naming_its_topic_with_zhe_kuai_keeps_the_topic(text: str, kept: str) -> None:
    assert _rewrite(text) == kept


# a metric in the question is what the rewrite asks: never the hours a team spent
METRIC = [
    ("贵司应该也希望数据库主备切换的时间越短越好吧？", "上次数据库主备切换花了多久？"),
    ("你们肯定也希望退款到账的时效再快一点吧？", "退款到账现在平均要多久？"),
    ("贵司希望新门店的网络开通能再快一点吗？", "上次新门店的网络开通花了多久？"),
    ("如果营销活动的转化率能再高一点，你们会不会更满意？", "上个月营销活动的转化率是多少？"),
    (
        "假如视频审核的准确率能做到95%，你们愿意把外包团队减掉一半吗？",
        "上个月视频审核的准确率是多少？",
    ),
    ("数据库故障恢复快一点，对你们有好处吗？", "上次数据库故障恢复花了多久？"),
    (  # the rate's own modifier stays with it: never "7日的留存率"
        "要是小程序的7日留存率能再高一点，你们会不会更满意？",
        "上个月小程序的7日留存率是多少？",
    ),
]


# a rival's choice asks how the selection went, never why they chose it
SELECTION = [
    (
        "核心交易库当初为什么选了达梦，我们的方案不是更成熟吗？",
        "核心交易库当时选型比了哪几家？",  # then (round 11) "最后看重的是哪一点？"
    ),
    (
        "ETL调度平台当初怎么会选了DolphinScheduler呢，我们不是也有吗？",
        "ETL调度平台当时选型比了哪几家？",
    ),
    ("你们当时为什么选了华为云，没选我们呢？", "当初选华为云之前，你们还比了哪几家？"),
    (
        "Why did you go with Okta for workforce identity when our directory is cheaper?",
        "When you picked Okta for workforce identity, which other vendors made the shortlist?",
    ),
]


# an ideal design asks how the work is done today, never the ideal trimmed
DESIGN = [
    ("你们理想中的数据脱敏方案是什么样的，需要包含哪些能力呢？", "你们现在的数据脱敏是怎么做的？"),
    (
        "如果您是我们的产品经理，多云成本管理平台您会怎么设计？",
        "你们现在的多云成本管理是怎么做的？",
    ),
    (
        "What would the perfect admin console for managing SSO policies include, in your view?",
        "How does your team manage SSO policies today?",
    ),
]


# wished measures, complaints, chores and offered modules: a fact about today or last month
STATUS_QUO = [
    ("你们是不是也希望供应商对账能少一点人工干预？", "上个月供应商对账里，人工干预有多少次？"),
    (
        "财务报销单据的审核，现在应该还是靠人工一张张看吧？",
        "上个月财务报销单据的审核一共花了多少人天？",
    ),
    (
        "你们的仓储系统跟TMS之间的库存数据，应该经常对不上吧？",
        "上个月仓储系统跟TMS之间的库存数据对不上过几次？",
    ),
    (
        "假如我们提供一个开箱即用的跨境电商退税模块，贵司会买吗？",
        "你们现在的跨境电商退税是怎么做的？",
    ),
    (
        "你们运维的同学应该也不想周末被告警电话叫起来吧？",
        "上个月你们运维的同学周末被告警电话叫起来过几次？",
    ),
    (
        "Would you like your quarterly access reviews to take less time?",
        "How long did your last quarterly access review take?",
    ),
    (
        "So the barcode scanners in the cold store are basically unreliable today, yes?",
        "How many times did the barcode scanners in the cold store fail last month?",
    ),
    (
        "Your billing team must be frustrated with how long the month-end invoice run takes,"
        " isn't that so?",
        "How long did the month-end invoice run take last time?",
    ),
    (
        "If we shipped a native connector for your Epic EHR, would your integration team adopt it?",
        "How does data get in and out of your Epic EHR today?",
    ),
    (
        "Since the fraud rules throw so many false positives, your analysts must be swamped,"
        " right?",
        "How many false positives did the fraud rules throw last month?",
    ),
]


NONE = [
    "工单系统现在基本靠人工派单，效率应该挺低的吧？",  # the chore (派单) is not the system
    "如果我们做一个对接 CRM 的插件，销售团队会用吗？",  # "你们现在的对接 CRM": no work named
    "你们想让门店收银更快一点吗？",  # "让门店收银": a verb, no subject
]


@pytest.mark.parametrize("text", NONE)
def test_no_status_quo_frame_without_a_subject_of_its_own(text: str) -> None:
    result = lint_text(text)
    assert result.shallow
    assert result.rewrite == "", result.rewrite
