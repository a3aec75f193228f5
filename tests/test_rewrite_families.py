"""Rewrite failure families of the round-6 blind review (issue 27), one test per family,
probed with wordings of their own (benchmarks/rewrite_probes/tune7), not the reviewed ones."""

from __future__ import annotations

import pytest

from interview_tui.lint import lint_text

# a double question's wish, plan or budget for a purchase is no past fact: the other half
# is kept when it stands alone ("这块预算": which part? none then)
WISH_HALVES = [
    (
        "How many trucks are in your fleet, and how quickly should route changes reach"
        " the drivers?",
        "How many trucks are in your fleet?",
    ),
    (
        "How many clinics do you run, and what's your budget for a new scheduling system?",
        "How many clinics do you run?",
    ),
    ("你们有多少家门店，价格调整要多快同步到收银台？", "你们有多少家门店？"),
    ("产线上装了多少个传感器，今年这块预算大概多少？", "产线上装了多少个传感器？"),
    ("车载摄像头的视频多久上传一次，你们打算保留多长时间？", "车载摄像头的视频多久上传一次？"),
]


@pytest.mark.parametrize(("text", "kept"), WISH_HALVES)
def test_a_double_question_with_a_wish_or_plan_half_gets_no_rewrite(text: str, kept: str) -> None:
    """Neither half is dropped and a wish is no follow-up: the finding guides instead."""
    assert lint_text(text).rewrite == ""


# "it" in the follow-up points at the system the first question names
NAMED = [
    (
        "Who maintains the Jenkins server, and how often does it run out of memory?",
        "Who maintains the Jenkins server?",
        "How often does it run out of memory?",
    ),
    (
        "Who looks after the Postgres replica, and how often does it fall behind?",
        "Who looks after the Postgres replica?",
        "How often does it fall behind?",
    ),
    (
        "MongoDB 集群现在是谁在维护，多久会出一次连接数打满？",
        "MongoDB 集群现在是谁在维护？",
        "多久会出一次连接数打满？",
    ),
]


@pytest.mark.parametrize(("text", "first", "follow"), NAMED)
def test_a_double_question_about_a_named_system_is_asked_in_turn(
    text: str, first: str, follow: str
) -> None:
    result = lint_text(text)
    assert (result.rewrite, result.follow_up) == (first, follow)


# no rewrite rather than one that drops what the question was about: a page, a dashboard, a
# sync, a team the subject only modifies; an idea of a thing they lack; the last "use" of a
# system that always runs; a rival's area after "with its" or 托管; a leading gerund; an event
# "worked on" weekly; a problem noun as the subject
NONE = [
    "What do you think of our GPU pricing page?",
    "How would you lay out our storage billing page?",
    "What should our Redis monitoring dashboard show you?",
    "Do you like the idea of a unified console for all your accounts?",
    "How do you feel about Kafka in general?",
    "Why would your insurer trust Azure with its claims portal when we already run your"
    " data center?",
    "Your cashiers must hate it when the POS sync breaks every time the network blips, right?",
    "Your on-call team must be exhausted by the manual Redis failover, right?",
    "What are the main issues with your data platform?",
    "您对我们 GPU 的定价页面有什么印象？",
    "您个人对 Kafka 这套东西怎么看？",
    "MySQL 主从切换还要人工操作，运维同学肯定很头疼吧？",
    "为什么要让华为云来托管你们的理赔门户？",
]


@pytest.mark.parametrize("text", NONE)
def test_no_rewrite_when_every_frame_drops_the_question_own_subject(text: str) -> None:
    result = lint_text(text)
    assert result.shallow
    assert not result.rewrite, result.rewrite


# a frame that keeps the real subject
KEPT = [
    (
        "What are your challenges with the billing pipeline these days?",
        "Which problem with the billing pipeline took most of your team's time last month?",
    ),
    (
        "If we offered a managed Kafka billed per second, would you move to it?",
        "How many hours did your team spend running Kafka last month?",
    ),
    (
        "如果我们出一个托管版的 Redis，按量计费，你们会迁过来吗？",
        "上个月你们团队在运维 Redis 上花了多少人天？",
    ),
    (
        "说实话，我们监控便宜那么多，你们为什么还在续 Datadog？",
        "当初选 Datadog 做监控时，你们最看重哪几点？",
    ),
    (
        "Your auditors will obviously require customer-managed keys next year, won't they?",
        "What did your auditors say about customer-managed keys in your last audit?",
    ),
]


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_no_template_rewrite_drops_or_changes_the_question_own_subject(
    text: str, kept: str
) -> None:
    """These once got a frame filled from their words; now they get the guide."""
    assert lint_text(text).rewrite == ""
