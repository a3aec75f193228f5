"""The error families of issue 27, as probes: good questions the flag must leave alone,
shallow forms it must catch, and rewrites that keep the good half of a double question.

Each family is probed with several wordings (not the held-out sentences themselves), so a
fix has to hold for the form, not for one sentence.
"""

from __future__ import annotations

import pytest

from interview_tui.lint import lint_text
from interview_tui.lint.rewrite import first_half as first_question

GOOD = [
    # closed questions of fact about their own systems
    "Is your production database still on MySQL 5.7?",
    "Is your DR site still in Shanghai?",
    "Are your build agents still running on Jenkins?",
    "Is the payments cluster still in the old data center?",
    "Is your message queue RabbitMQ or something you built yourselves?",
    "Are the Berlin and Austin teams on the same VPN?",
    # the polite "Could you…" form, asking for an artifact or a walkthrough
    "Could you share the postmortem from the April outage?",
    "Could you walk me through the last deployment?",
    "Could you show me the runbook your on-call used on Saturday?",
    "Would you mind sending the invoice breakdown from March?",
    # process questions
    "How are you handling secrets rotation right now?",
    "How is your platform team managing certificate renewals today?",
    "How does your current process for approving firewall changes work?",
    "Which CI system are you currently using for the mobile apps?",
    # a single word is no finding on its own
    "How many GPU nodes did the training job use last week?",
    "What did the other vendor's quote include when you renewed in March?",
    # Chinese: a topic or an answer before the comma is not a second question
    "然后呢，就是上次节日大促扩容，你们大概加了多少台节点？",
    "那套旧的 Spark 集群呢，现在每天晚上还在跑吗？",
    "是吗，那次迁移你们一共花了多久？",
    "哪些团队，上个季度还在用这个集群？",
    "能把上个月那次故障的复盘报告发我们看看吗？",
    "您介意带我们过一遍一张工单从提交到关闭的流程吗？",
]

SHALLOW = [
    ("Why did you decide our competitor was the better fit last year?", "competitor-confront"),
    ("Why did you conclude that AWS was the right choice for analytics?", "competitor-confront"),
    ("贵司是否希望降低IT成本？", "obvious-answer"),
    ("贵司是否希望减少安全事件？", "obvious-answer"),
    ("你们希不希望发布流程更顺畅？", "obvious-answer"),
    ("想听听各位用下来的总体评价。", "opinion-fishing"),
    ("Any feedback in general?", "vague"),
    ("Any thoughts overall?", "vague"),
    ("How big is your infrastructure and what's your budget for it?", "double-barreled"),
    ("How many engineers do you have and what's the cloud budget?", "double-barreled"),
    ("介绍一下你们的工厂吧", "vague"),
    ("先大概介绍一下贵司吧。", "vague"),
    ("你们 IT 方面最大的挑战是什么？", "vague"),
    ("您最近最关心的是什么？", "vague"),
]


@pytest.mark.parametrize("text", GOOD)
def test_a_good_question_is_not_flagged(text: str) -> None:
    result = lint_text(text)
    assert not result.shallow, (result.codes, text)


@pytest.mark.parametrize(("text", "code"), SHALLOW)
def test_a_shallow_form_is_caught_with_its_code(text: str, code: str) -> None:
    result = lint_text(text)
    assert result.shallow and code in result.codes, (result.codes, text)


def test_without_a_subject_a_flag_offers_no_sentence_but_a_guide() -> None:
    # no subject of its own: a fixed sentence would replace the question, so none is offered
    for text in (
        "Would you like lower prices?",
        "What should we build next for your team?",
        "还有什么想跟我们分享的吗？",
        "Tell me about your company in general.",
    ):
        result = lint_text(text)
        assert result.shallow and result.rewrite == "", (text, result.rewrite)
        assert not result.findings[0].rewritten and result.findings[0].suggestion


def test_a_guide_names_the_subject_when_there_is_one() -> None:
    result = lint_text("Your on-call rotation is exhausting, right?")
    assert result.rewrite == ""
    assert '"your on-call rotation"' in result.findings[0].suggestion


# --- rewrites --------------------------------------------------------------------------

LEADING = [
    ("The new deploy pipeline is a pain, isn't it?", "deploy pipeline"),
    ("Your on-call rotation is exhausting, right?", "on-call"),
    ("你们的值班同学肯定被告警吵得受不了吧？", "告警"),
]


@pytest.mark.parametrize(("text", "subject"), LEADING)
def test_a_leading_rewrite_drops_the_presupposition_and_asks_what_happened(
    text: str, subject: str
) -> None:
    result = lint_text(text)
    assert "leading" in result.codes
    # a rewrite when a frame fits, else a guide: either way the subject is named and the
    # assumption is gone
    finding = result.findings[0]
    assert subject in finding.suggestion, finding.suggestion
    for loaded in ("trouble", "pain", "exhausting", "problem", "受不了", "影响"):
        assert loaded not in finding.suggestion, finding.suggestion


HYPOTHETICAL = [
    ("If we supported Terraform, would you move your infra to us?", "infrastructure from code"),
    ("Suppose we launched managed Airflow; would your team use it?", "schedule a data pipeline"),
    ("Would you adopt a managed graph database if we launched one?", "query relationships"),
    ("假如我们支持 Terraform，你们会把基础设施迁过来吗？", "用代码批量创建基础设施"),
    ("要是我们做一个给车间主任用的告警 App，你们会用吗？", "把告警及时送到车间主任手上"),
]


FLAGGED = [
    "Would you like a more reliable database?",
    "Do you want lower prices on storage?",
    "What do you think of our CLI?",
    "Why did you pick Cloudflare over us?",
    "What features should we add to the log search?",
    "How much would you pay for a dedicated support engineer?",
    "你们在意对象存储的可靠性吗？",
    "您觉得我们的工单系统怎么样？",
    "为什么当时选了阿里云而不是我们？",
    "你们为什么选了友商的 GPU 方案？",
    "我们比 Akamai 便宜，为什么 CDN 还是用他们的？",
]


# --- round 2 of the rewrite review: the verb fits the subject, nothing presupposed -----------

KINDS = [  # pricing is paid, a limit is hit: only a tool is "used"; terms get no rewrite
    ("The egress fees are way too high, right?", "come to on last month's bill"),
    ("What do you think of our storage pricing?", "pay for storage"),
    ("Our API rate limits are too strict, aren't they?", "hit our API rate limits"),
    ("你们觉得我们的存储定价怎么样？", "账单里，存储花了多少钱"),
    ("我们的 API 限流太严了吧？", "触发我们的 API 限流"),
    ("你们的 GPU 配额太少了，是不是？", "触发 GPU 配额上限"),
    ("What's your view on our SLA terms?", ""),
    ("How do you like the new contract terms?", ""),
    ("你们觉得我们的计费规则合理吗？", ""),
    ("对我们的退款政策，您怎么看？", ""),
]


WANTS = [  # a leading "you'd want X": the need behind X as it last came up, not X as if had
    (
        "You'd want a mobile alerting app for your on-call team, wouldn't you?",
        "get an alert to your on-call team",
    ),
    ("Surely you need a better backup tool?", "restore data from a backup"),
    ("你们值班团队肯定想要一个手机告警 App 吧？", "把告警及时送到值班团队手上"),
    ("你们肯定需要一个更好的备份工具吧？", "从备份里恢复数据"),
    ("我们的向量数据库要是再便宜一点，你们会换过来吗？", "按语义检索文档"),
]


DOUBLES = [  # the half with the metric, its pronoun replaced by the other half's subject
    (
        "How big is the cluster and what does it cost each month?",
        "What does the cluster cost each month?",
    ),
    (
        "What CDN do you use and what do you pay for it per month?",
        "What do you pay for your CDN per month?",
    ),
    (
        "Which database do you run and how often does it fail over?",
        "How often does your database fail over?",
    ),
    ("集群有多大，每个月花多少钱？", "你们的集群每个月花多少钱？"),
    ("你们用哪家 CDN，每个月付多少钱？", "你们的 CDN 每个月付多少钱？"),
    # the count only sets the scene and "their fixes" can't stand alone: the count is kept
    # with the other half asked next (round 11: "What did their fixes cost?")
    (
        "How many tickets did you open last quarter, and what did their fixes cost?",
        "How many tickets did you open last quarter?",
    ),
]


# --- round 3 of the rewrite review: the topic kept, the anchor carried, no stock frame ------

OFF_TOPIC = [  # the question is about an approval, a reconciliation, a review: not the noun
    "If we added cost alerts to the console, would your finance team approve projects faster?",
    "Would a simpler invoice help you reconcile your cloud spend?",
    "If we added audit logs to the API, would your compliance review go faster?",
    "如果我们在控制台里加上成本预警，你们财务审批会更快吗？",
    "如果我们给 API 加上审计日志，你们的合规评审会更快吗？",
    "Reconciling the invoices every month must be a nightmare, right?",
    "If your GPUs were twice as fast, what would you do differently?",  # faster at what?
    "要是 GPU 快一倍，你们会怎么调整？",
    "Wouldn't automated failover make your database much safer?",  # an imagined failover
]


@pytest.mark.parametrize("text", OFF_TOPIC)
def test_no_rewrite_when_its_frame_would_ask_about_another_subject(text: str) -> None:
    result = lint_text(text)
    assert result.shallow
    assert result.rewrite == "", result.rewrite


ANCHORED = [  # a kept half carries the other half's subject with its time anchor
    (
        "How much downtime did the last outage cause and how much revenue did it cost you?",
        "How much revenue did the last outage cost you?",
    ),
    ("How big was your last migration and what did it cost?", "What did your last migration cost?"),
    ("上次故障停了多久，造成了多少收入损失？", "上次故障造成了多少收入损失？"),
    ("上次迁移规模有多大，花了多少钱？", "上次迁移花了多少钱？"),
    ("一次发布要多久，多久会失败一次？", "发布多久会失败一次？"),
    ("你们用的是什么 GPU，一年的预算大概多少？", "你们用的是什么 GPU？"),
    ("So who runs the Kafka clusters and how big are they?", "Who runs the Kafka clusters?"),
    (
        "If our GPU instances were twice as fast, would you move your training jobs to us?",
        "How long did your longest training job take last month?",
    ),
    ("上次故障是什么情况，损失了多少钱？", "上次故障损失了多少钱？"),
    (
        "Your renewal with Oracle is going to be painful, isn't it?",
        "Walk me through your last renewal with Oracle, step by step.",
    ),
    ("Would lower egress fees help your team?", "What did your team spend on egress last month?"),
]


def test_a_time_clause_before_a_question_is_not_cut_as_a_second_question() -> None:
    assert first_question("上次审计的时候，你们被问到了哪些问题？", "zh-CN") is None
    assert first_question("能不能讲讲上次审计的时候，审计方提了什么？", "zh-CN") is None
    assert (
        first_question("Last year what did you spend on storage and how much did it grow?", "en")
        is None
    )  # "How much did it grow?": what did?


# --- round 4 of the rewrite review: no drifted event, no half pointing at a dropped one -------

ROUND4 = [
    # a system placed on a rival: the choice as it was made, the system named ("MES 供应商"
    # asks about another purchase), the area kept in English ("Cloudflare" without DNS)
    (
        "你们为什么把 MES 的数据放在阿里云上，而不是我们这？",
        "当初把 MES 的数据放到阿里云上时，你们最看重哪几点？",
    ),
    (
        "Why did you put your DNS on Cloudflare instead of us?",
        "When your team chose Cloudflare for your DNS, which criteria weighed most?",
    ),
    (
        "你们选 New Relic 做应用监控，是因为它比我们便宜吗？",
        "当初选 New Relic 做应用监控时，你们最看重哪几点？",
    ),  # a name of two words, no 指标, the area as said
    # moving their system's data to us is no need to serve users near the new region
    ("如果我们在法兰克福开了地域，你们会把会员系统的数据放到我们云上吗？", ""),
    ("If we opened a region in Frankfurt, would you move your member data to our cloud?", ""),
    ("为什么不把 ERP 的数据放到我们云上？", ""),  # not "上次评估 ERP 供应商时"
    # an event still going on stays this one
    ("你们觉得这次数据库迁移项目进展得怎么样？", "这次数据库迁移到目前为止，哪一步最费时间？"),
    # a count only sets the scene: the half that asks the substance is kept with the time
    # anchor ("每个玩家的成本" is a figure), or nothing ("每个地区的网络怎么接入": each of what);
    # the occasion goes with a kept event
    (
        "上个赛季你们有多少活跃玩家，每个玩家的基础设施成本是多少？",
        "上个赛季每个玩家的基础设施成本是多少？",
    ),
    # round 11: the count kept, "每个地区的网络是怎么接入的？" asked next
    ("你们在几个地区有门店，每个地区的网络是怎么接入的？", "你们在几个地区有门店？"),
    ("去年双十一你们扩容了多少台服务器，花了多少钱？", "去年双十一扩容花了多少钱？"),
    (
        "How many regions do you run in, and what do you pay for networking in each region?",
        "What do you pay for networking in each region?",
    ),
    # no stiff frame without a past fact, no speed of a plural
    ("你们肯定在计划换掉现在的 CDN 吧？", ""),
    ("Your team is planning to move all servers to the cloud, right?", ""),
    ("Would you like your alerts to be faster?", ""),
]


# --- round 6: a half that only sets the scene is not the one kept; a rival's area stays --------

ROUND6 = [
    (
        "How many warehouses do you run, and how do their inventory systems talk to the ERP?",
        "How do your inventory systems talk to the ERP?",
    ),
    (
        "Who owns your backups and how often do they test a restore?",
        "How often does your team test a restore?",
    ),
    (
        "How many tenants are on the platform and what does each one cost you in storage?",
        "What does each tenant cost you in storage?",
    ),
    (
        "When was your last security incident and how long did it take to contain?",
        "How long did your last security incident take to contain?",
    ),
    ("How many regions are you in and what's your failover plan if one goes down?", ""),
    (
        "Who approves cloud purchases and what criteria do they use?",
        "Who approves cloud purchases?",
    ),
    (
        "When did you last have an outage and how much revenue did it cost?",
        "How much revenue did your last outage cost?",
    ),
    ("上次安全事件是什么时候，花了多久才控制住？", "上次安全事件花了多久才控制住？"),
    ("你们的 SRE 团队多大，平时用哪些可观测性工具？", "你们的 SRE 团队平时用哪些可观测性工具？"),
    ("你们有几个仓库，库存系统怎么跟 ERP 对接？", "库存系统怎么跟 ERP 对接？"),
    (
        "Why did the retailer choose Azure over us for the loyalty app?",
        "When your team chose Azure for the loyalty app, which criteria weighed most?",
    ),
    (
        "Why is Fastly still serving your images instead of us?",
        "When your team chose Fastly to serve your images, which criteria weighed most?",
    ),
    (
        "为什么这家零售商选了 Azure 做会员系统，而不是我们？",
        "当初选 Azure 做会员系统时，你们最看重哪几点？",
    ),
    # the work done by hand, said as work; no "which steps of your work" for a named chore
    (
        "Rotating secrets by hand must eat a lot of your time, doesn't it?",
        "How many hours did your team spend rotating secrets last week?",
    ),
    ("The manual failover process must be painful for your team, right?", ""),
]


@pytest.mark.parametrize(
    "text",
    [
        "你们觉得我们的产品怎么样，价格贵不贵？",
        "您觉得我们的售后如何，响应够不够快？",
        "大家感觉新版控制台怎么样，有没有什么问题？",
    ],
)
def test_a_verdict_in_the_first_half_of_a_double_question_is_opinion_fishing(text) -> None:
    """Chinese flagged only the double question; English flags both, and the verdict alone
    is flagged in Chinese too."""
    codes = {finding.code for finding in lint_text(text).findings}
    assert "opinion-fishing" in codes, codes


@pytest.mark.parametrize(
    ("text", "rewrite"),
    [
        (
            "Why did you choose AWS over us for the nightly batch and what do you think of our "
            "pricing?",
            "Which other vendors were on the shortlist when you chose AWS for the nightly batch?",
        ),
        (
            "Why did you pick Datadog instead of our monitoring for the payments team?",
            "Which other vendors were on the shortlist when you chose Datadog for the payments "
            "team?",
        ),
        (
            "Why did you choose AWS over us?",
            "Which other vendors were on the shortlist when you chose AWS?",
        ),
    ],
)
def test_the_selection_rewrite_keeps_what_it_was_chosen_for(text, rewrite) -> None:
    """ "…AWS over us for the nightly batch…" became "…when you chose AWS?": the batch was
    lost, though a rewrite keeps everything the question asks."""
    assert lint_text(text).rewrite == rewrite
