"""Why each finding matters and a better form, in English and Simplified Chinese.

The linter has no I/O, so its text lives here rather than in the UI catalog files.
"""

from __future__ import annotations

from typing import NamedTuple

from interview_tui.lint.findings import MAX_QUESTION_CHARS


class Explanation(NamedTuple):
    message: str
    suggestion: str


MESSAGES: dict[str, dict[str, Explanation]] = {
    "obvious-answer": {
        "en": Explanation(
            "Everyone answers yes: nobody wants more outages or higher prices, so the answer "
            "tells you nothing.",
            'Ask about a specific past event and its cost instead, e.g. "Which incident '
            'last quarter cost your team the most time?"',
        ),
        "zh-CN": Explanation(
            "没有人希望多出故障、价格更贵，谁都会答“是”，问了也得不到信息。",
            "改问具体的过去事件和代价，例如：“上个季度哪一次故障让你们团队花的时间最多？”",
        ),
    },
    "design-offload": {
        "en": Explanation(
            "This hands the product design to the customer. Designing it is our job; their "
            "job is to tell us what happens today.",
            'Ask how they work around the gap today, e.g. "The last time you needed this, '
            'what did your team do instead?"',
        ),
        "zh-CN": Explanation(
            "把产品设计推给了客户。设计是我们的工作，客户能告诉我们的是他们现在怎么做。",
            "改问他们现在如何绕过这个缺口，例如：“上次遇到这种情况，你们团队是怎么处理的？”",
        ),
    },
    "competitor-confront": {
        "en": Explanation(
            "Asking them to justify a competitor puts them on the defensive; they can't or "
            "won't answer it honestly.",
            'Ask about their own decision criteria, e.g. "When you chose a CDN vendor last '
            'year, which three criteria weighed most?"',
        ),
        "zh-CN": Explanation(
            "让客户为选择友商辩护会让对方处于防守，得不到真实答案。",
            "改问他们自己的决策标准，例如：“去年选 CDN 供应商时，你们最看重的三项指标是什么？”",
        ),
    },
    "hypothetical": {
        "en": Explanation(
            "People are poor predictors of what they would do or pay; a yes here commits "
            "nobody to anything.",
            'Ask what they did the last time, e.g. "The last time you needed cross-region '
            'backup, how did you set it up and what did it cost?"',
        ),
        "zh-CN": Explanation(
            "人很难预测自己将来会怎么做、愿意付多少钱；这里的“会”不代表任何承诺。",
            "改问上一次的实际做法，例如：“上次需要跨地域备份时，你们是怎么做的、花了多少成本？”",
        ),
    },
    "opinion-fishing": {
        "en": Explanation(
            "This asks for a verdict on us; politeness answers it, and it holds no fact you "
            "can act on.",
            'Ask about the last concrete experience, e.g. "Walk me through the last ticket '
            'you opened with us: what happened between opening and resolution?"',
        ),
        "zh-CN": Explanation(
            "问的是对我们的看法，客户出于礼貌回答，得不到可行动的事实。",
            "改问最近一次的具体经历，例如：“能讲讲你们最近一次提工单的经过吗？从提交到解决发生了什么？”",
        ),
    },
    "leading": {
        "en": Explanation(
            "The question carries its own answer, so you hear your view back instead of theirs.",
            'Ask neutrally, e.g. "How did the new pricing change what you run with us?"',
        ),
        "zh-CN": Explanation(
            "问题本身带着答案，听到的是你自己的观点而不是客户的。",
            "改用中性的问法，例如：“新的计费方式对你们放在我们这里的业务有什么影响？”",
        ),
    },
    "double-barreled": {
        "en": Explanation(
            "The answer can't be attributed to either question, and one of them is usually "
            "dropped.",
            'Split it and ask one at a time, e.g. "How many engineers run your clusters?" '
            'then "Which monitoring do they rely on?"',
        ),
        "zh-CN": Explanation(
            "答案分不清是在回答哪一问，通常有一问会被忽略。",
            "拆成两个问题逐个问，例如先问“你们有几位工程师负责集群运维？”再问“他们主要依赖哪套监控？”",
        ),
    },
    "vague": {
        "en": Explanation(
            "A catch-all with no subject, time or event gets a catch-all answer.",
            'Anchor it to an event or a period, e.g. "What slowed your team down most in '
            "last month's release?\"",
        ),
        "zh-CN": Explanation(
            "没有对象、时间或事件，只会得到泛泛的回答。",
            "锚定到具体事件或时间段，例如：“上个月的版本发布里，最拖慢你们团队的是哪一步？”",
        ),
    },
    "no-research": {
        "en": Explanation(
            "A decision maker's time is scarce: show the homework first, then ask.",
            'Add a research preface, e.g. "Your annual report targets 30% growth overseas…"',
        ),
        "zh-CN": Explanation(
            "决策人的时间宝贵：先展示做过的功课，再提问。",
            "补充调研铺垫，例如：“我们看到贵司年报里海外业务增长目标是 30%……”",
        ),
    },
    "too-long": {
        "en": Explanation(
            f"Over {MAX_QUESTION_CHARS:,} characters: this is a text, not one question, so it "
            "was not checked further.",
            "Split it into short questions that each ask one thing; keep background in the "
            "research or purpose field.",
        ),
        "zh-CN": Explanation(
            f"超过 {MAX_QUESTION_CHARS:,} 个字符：这是一段文字，不是一个问题，因此没有进一步检查。",
            "拆成几个简短的问题，每个只问一件事；背景信息写进调研或用途字段。",
        ),
    },
    "role-mismatch": {
        "en": Explanation(
            "The content belongs to another stakeholder role; this person can't answer it well.",
            "Move it to the right role: technical details to engineers, budgets and contracts "
            "to procurement, strategy to business decision makers.",
        ),
        "zh-CN": Explanation(
            "内容属于另一类角色，这位受访者答不好。",
            "换给合适的角色：技术细节问执行人，预算合同问采购，战略问业务决策人。",
        ),
    },
    "no-purpose": {
        "en": Explanation(
            "Nothing says what the answer will be used for.",
            'Add a purpose, e.g. "Sizes the share of wallet for the storage line."',
        ),
        "zh-CN": Explanation(
            "没有说明答案将用于什么分析。",
            "补充用途，例如：“用于估算存储产品线的份额。”",
        ),
    },
}


def explain(code: str, language: str) -> Explanation:
    """The explanation of ``code`` in ``language`` (English when unknown)."""
    texts = MESSAGES[code]
    return texts.get(language) or texts["en"]


def evidence_note(words: tuple[str, ...], language: str) -> str:
    """Which words made the model flag a question, in ``language``."""
    if language == "zh-CN":
        return "判断依据：" + "、".join(f"“{word}”" for word in words) + "。"
    return "Words that weighed most: " + ", ".join(f'"{word}"' for word in words) + "."


#: How to rewrite a flagged question when no rewrite is offered, naming its subject ``{s}``.
GUIDES: dict[str, dict[str, str]] = {
    "obvious-answer": {
        "en": "Ask what {s} actually did in a past period (how often it failed, what it cost), "
        "not whether they want it better.",
        "zh-CN": "改问{s}在过去一段时间里的实际情况（出过几次问题、花了多少钱），"
        "而不是问想不想要更好。",
    },
    "design-offload": {
        "en": "Ask what they were trying to get done the last time they worked with {s}, not "
        "what we should build.",
        "zh-CN": "改问他们上一次用{s}时想完成什么事，而不是让客户替我们设计。",
    },
    "competitor-confront": {
        "en": "Ask which criteria weighed most when they last chose a vendor for {s}, not why "
        "the rival won.",
        "zh-CN": "改问他们上次为{s}选供应商时最看重哪些标准，而不是让客户为友商辩护。",
    },
    "hypothetical": {
        "en": "Ask how they handle the need behind {s} today and what they did last time, not "
        "what they would do.",
        "zh-CN": "改问他们现在怎么解决{s}背后的需求、上次是怎么做的，而不是假设将来会不会。",
    },
    "opinion-fishing": {
        "en": "Ask for the last concrete thing they did with {s}, not a verdict on it.",
        "zh-CN": "改问他们最近一次用{s}做的具体事情，而不是讨评价。",
    },
    "leading": {
        "en": "Drop the assumption about {s} and ask what happened the last time it came up.",
        "zh-CN": "去掉关于{s}的预设，改问最近一次相关的具体经过。",
    },
    "double-barreled": {
        "en": "Ask about {s} one question at a time, starting with the half you most need.",
        "zh-CN": "关于{s}的问题拆开逐个问，先问最需要的那一半。",
    },
    "vague": {
        "en": "Anchor it to {s} in a specific period or event, e.g. last month's release.",
        "zh-CN": "把它锚定到{s}的某个具体时间段或事件，例如上个月的某次发布。",
    },
}


def guide(code: str, language: str, subject: str | None) -> str:
    """How to rewrite a question flagged ``code``: naming ``subject`` when there is one,
    else the code's general suggestion with its example."""
    texts = GUIDES.get(code)
    if not subject or not texts:
        return explain(code, language).suggestion
    text = texts.get(language) or texts["en"]
    return text.format(s=f"“{subject}”" if language == "zh-CN" else f'"{subject}"')
