"""A better form of the user's own question: same subject, a specific past event, one question.

Templates per code and language; the subject ("the console", "egress prices", "账单",
"GPU 实例") is taken from the question. A double-barreled question keeps its first question.
"""

from __future__ import annotations

import re

# --- English ---------------------------------------------------------------------------
_EN_NOUN = (
    r"(?:console|consoles|support|support\s+team|pricing|prices?|bills?|billing|invoices?|"
    r"api|apis|sdks?|cli|docs|documentation|dashboards?|portal|storage|object\s+storage|"
    r"buckets?|cdn|database|databases|db|kubernetes|k8s|clusters?|regions?|gpus?|gpu\s+\w+|"
    r"instances?|network|networking|egress(?:\s+\w+)?|bandwidth|backups?|restores?|"
    r"monitoring|alerts?|alerting|tickets?|roadmap|platform|service|services|products?|"
    r"tools?|tooling|latency|uptime|security|compliance|contracts?|discounts?|sla|slas|"
    r"migrations?|outages?|incidents?|downtime|failovers?|deploys?|deployments?|releases?|"
    r"pipelines?|logs?|logging|dashboards?|features?|vpc|load\s+balancers?|firewall|waf|"
    r"ddos\s+protection|serverless(?:\s+\w+)?|functions|containers?|registry|queues?|kafka|"
    r"redis|postgres|mysql|data\s+warehouse|data\s+lake|analytics|ai\s+platform|"
    r"inference|training\s+jobs?|costs?|spend|budget|on-call|account\s+team|"
    r"account\s+manager|onboarding|renewal|quota|quotas|scaling|autoscaling)"
)
_EN_SUBJECT = re.compile(rf"\b{_EN_NOUN}\b")
_EN_MODIFIER = re.compile(
    rf"^(?:{_EN_NOUN}|managed|serverless|cloud|edge|data|payments?|cross-region|multi-region|"
    r"dedicated|premium|enterprise|mobile|web|audit|access|identity|cost|usage|ticket|"
    r"video|media|streaming|search|cache|caching|message|event|file|block|archive|cold|"
    r"hot|private|public|hybrid|sovereign|spot|reserved|arm|ml|llm|vector|time-series|"
    r"ingest|ingestion|transfer|interconnect|peering|dns|tls|certificate|iam|billing|"
    r"reporting|status|incident|release|deploy|build|ci|cd|ci/cd|devops|sre|ops|"
    r"observability|tracing|metrics)$"
)
_EN_OF_NOUN = re.compile(
    rf"\s+(?:on|for|of|in)\s+(?:(?:the|our|your|their)\s+)?(?:[\w-]+\s+)?{_EN_NOUN}\b"
)
_EN_GENERIC = re.compile(
    r"^(?:features?|products?|services?|tools?|tooling|platform|roadmap|costs?|spend)$"
)
_EN_MASS = re.compile(
    r"^(?:support|pricing|storage|security|compliance|latency|uptime|downtime|bandwidth|billing|"
    r"monitoring|alerting|networking|documentation|spend|budget|egress|inference|analytics|"
    r"onboarding|scaling|autoscaling|logging|tooling|kubernetes|k8s|serverless|redis|kafka|"
    r"postgres|mysql)$"
)
_EN_NOUN_ONLY = re.compile(rf"^{_EN_NOUN}$")
_EN_DETERMINER = re.compile(r"^(?:the|our|your|their|its)$")
_EN_DOUBLE_CUT = re.compile(
    r"\s*(?:[,;]\s*|\s)(?:and|plus|also|and\s+also)\s+(?:then\s+|also\s+)?"
    r"(?=(?:what|how|which|who|whom|whose|where|when|why|do|does|did|is|are|was|were|would|"
    r"will|can|could|should|has|have|had)\b)|\s*[;?]\s+(?=\S)"
)

#: code -> (template with the subject, template without one)
EN_TEMPLATES = {
    "obvious-answer": ("The last time {s} caused trouble for your team, what did it cost you?",
                       "What did the last problem of this kind cost your team?"),
    "design-offload": ("The last time {s} didn't do what your team needed, what did you do "
                       "instead?",
                       "The last time you hit this gap, what did your team do instead?"),
    "competitor-confront": ("When your team last compared vendors for {s}, which criteria "
                            "weighed most?",
                            "When your team last chose a vendor for this, which criteria "
                            "weighed most?"),
    "hypothetical": ("The last time your team needed {s}, how did you handle it?",
                     "The last time your team needed this, how did you handle it?"),
    "opinion-fishing": ("Walk me through the last time your team worked with {s}: what happened?",
                        "Walk me through the last time your team worked with us: what happened?"),
    "leading": ("What happened the last time your team ran into trouble with {s}?",
                "What happened the last time your team ran into this?"),
    "vague": ("What slowed your team down most with {s} last month?",
              "What slowed your team down most last month?"),
}  # fmt: skip

# --- Chinese ---------------------------------------------------------------------------
_ZH_NOUN = (
    r"(?:对象存储|块存储|文件存储|存储|控制台|账单|计费|价格|报价|定价|费用|成本|工单|技术支持|售后|支持团队|"
    r"客户经理|文档|数据库|主备切换|主从切换|集群|容器|镜像|带宽|网络|专线|监控|告警|备份|容灾|灾备|安全|合规|"
    r"等保|审计|延迟|时延|故障|宕机|迁移|扩容|日志服务|日志|权限体系|权限|边缘节点|节点|实例|"
    r"服务器|云主机|平台|产品|方案|路线图|调度|负载均衡|防火墙|加速|回源|转码|直播|数据仓库|数仓|"
    r"数据湖|大模型|推理|训练|信创|出网流量|流量费|流量|接口|插件|配额|SLA|sla|API|api|SDK|sdk|CDN|cdn|"
    r"GPU|gpu|K8s|k8s|Kubernetes|kubernetes|IoT|iot|Kafka|Redis|MySQL|AI|ai)"
)
_ZH_PART = (
    rf"(?:[A-Za-z][A-Za-z0-9.+-]*|{_ZH_NOUN}|托管|服务|实例|系统|报表|页面|套件|能力|策略|规则|"
    r"中心|套餐|版本)"
)
_ZH_SUBJECT = re.compile(rf"(?:[A-Za-z][A-Za-z0-9.+-]*|{_ZH_NOUN})(?:\s?{_ZH_PART}){{0,3}}")
_ZH_GENERIC = frozenset({"产品", "功能", "服务", "平台", "方案", "路线图", "成本", "费用"})
_ZH_CUT = re.compile(r"[，,；;？?]")

ZH_TEMPLATES = {
    "obvious-answer": ("上一次和{s}有关的问题，给你们团队带来了多少时间或金钱上的损失？",
                       "上一次出这类问题时，给你们团队带来了多少时间或金钱上的损失？"),
    "design-offload": ("上次{s}满足不了需要时，你们团队是怎么处理的？",
                       "上次遇到这个缺口时，你们团队是怎么处理的？"),
    "competitor-confront": ("上次评估{s}的供应商时，你们最看重的是哪几项指标？",
                            "上次选这类供应商时，你们最看重的是哪几项指标？"),
    "hypothetical": ("上一次在{s}上遇到类似需求时，你们具体是怎么做的？",
                     "上一次遇到类似需求时，你们具体是怎么做的？"),
    "opinion-fishing": ("能讲讲你们最近一次和{s}打交道的经过吗？",
                        "能讲讲你们最近一次和我们打交道的经过吗？"),
    "leading": ("上个季度{s}对你们团队的工作有什么具体影响？",
                "上个季度这件事对你们团队的工作有什么具体影响？"),
    "vague": ("上个月在{s}上，最拖慢你们团队的是哪一步？",
              "上个月的工作里，最拖慢你们团队的是哪一步？"),
}  # fmt: skip


def english_subject(text: str) -> str | None:
    """The thing an English question is about, e.g. "the console" or "egress prices".

    The first product noun, with up to two modifiers before it that name a product or an
    acronym ("object storage", "GPU instances"), and its determiner ("our", "the").
    """
    plain = text.lower().replace("\u2019", "'")
    matches = list(_EN_SUBJECT.finditer(plain))
    if not matches:
        return None
    match = next((m for m in matches if not _EN_GENERIC.match(m.group())), matches[0])
    start = match.start()
    before = list(re.finditer(r"[\w/-]+", plain[:start]))
    taken = 0
    while before and taken < 2:
        word = before[-1]
        original = text[word.start() : word.end()]
        acronym = len(original) > 1 and original.isupper()
        if not (_EN_MODIFIER.match(word.group()) or acronym):
            break
        start = word.start()
        before.pop()
        taken += 1
    determined = bool(before) and bool(_EN_DETERMINER.match(before[-1].group()))
    if determined:
        start = before[-1].start()
    end = match.end()
    for extra, word in enumerate(re.finditer(r"\s+([\w/-]+)", plain[end:])):
        if extra == 2 or word.start() != 0 or not _EN_NOUN_ONLY.match(word.group(1)):
            break
        end += word.end()
    tail = _EN_OF_NOUN.match(plain, end)
    if tail:
        end = tail.end()
    subject = text[start:end]
    last = text[match.start() : match.end()].split()[-1]
    proper = last[:1].isupper() and not last.isupper()
    countable = not (last.lower().endswith("s") or _EN_MASS.match(last.lower()))
    return f"the {subject}" if countable and not determined and not proper else subject


def chinese_subject(text: str) -> str | None:
    """The thing a Chinese question is about, e.g. "账单" or "GPU 实例"."""
    matches = [match.group().strip() for match in _ZH_SUBJECT.finditer(text)]
    specific = [subject for subject in matches if subject not in _ZH_GENERIC]
    return (specific or matches or [None])[0]


def first_question(text: str, language: str) -> str | None:
    """The first of two questions asked at once, or ``None`` when it can't be cut."""
    body = text.strip()
    if language == "zh-CN":
        parts = [part for part in _ZH_CUT.split(body) if part.strip()]
        return parts[0].strip() + "？" if len(parts) > 1 else None
    match = _EN_DOUBLE_CUT.search(body.rstrip("?"))
    if not match or match.start() < 8:
        return None
    return body[: match.start()].rstrip(" ,;") + "?"


def rewrite(code: str, text: str, language: str) -> str | None:
    """A specific, past-tense form of ``text`` for a text-level ``code``, in its language."""
    if code == "double-barreled":
        first = first_question(text, language)
        if first:
            return first
    if language == "zh-CN":
        subject = chinese_subject(text)
        with_subject, without = ZH_TEMPLATES.get(code, ZH_TEMPLATES["vague"])
    else:
        subject = english_subject(text)
        with_subject, without = EN_TEMPLATES.get(code, EN_TEMPLATES["vague"])
    return with_subject.format(s=subject) if subject else without


def is_generic(suggestion: str, language: str) -> bool:
    """Whether ``suggestion`` is a fallback sentence that names nothing of the question."""
    templates = ZH_TEMPLATES if language == "zh-CN" else EN_TEMPLATES
    return any(suggestion == without for _, without in templates.values())
