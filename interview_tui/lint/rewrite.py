"""The rewrites the linter offers, and the subject its guides name.

A rewrite is offered only when it keeps everything the PM asked and is made of the question's
own words, never a frame filled from a phrase read out of it (blind reviews judged those
usable 40-70 % of the time on new wording, never steadily): a double question split into its
first question with the other half asked next as a follow-up, and a question asking why they
chose a rival asked as how the selection went ("which other vendors were on the shortlist",
then "what decided it"), naming only the choice the question names verbatim. Every other
flagged question gets a guide naming its subject (:func:`subject_of`).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Offer(NamedTuple):
    """A rewrite offered: the question to ask and the one to ask next ("" when none)."""

    question: str
    follow_up: str


# --- English -----------------------------------------------------------------------------
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
    r"inference|training\s+jobs?|catalog|catalogue|scheduler|scheduling|interface|workflows?|"
    r"costs?|spend|budget|on-call|account\s+team|rate\s+limits?|limits|"
    r"account\s+manager|onboarding|renewal|quota|quotas|scaling|autoscaling|patch(?:es|ing)?|"
    r"upgrades?|certificates?|secrets|ci|etl|audits?|transfer\s+fees|fees)"
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
#: a noun that ends a product name begun by another ("log search", "GPU pool")
_EN_TAIL = re.compile(
    r"^(?:search|pool|pools|provider|gateway|system|systems|engine|layer|tier|agent|agents|"
    r"jobs?|nodes?|plans?|runners?|store|stores|hub|mesh|proxy|index|indexes|reports?|models?|"
    r"times|tiers?|hours|interfaces?|limits?|rate|terms|process(?:es)?|polic(?:y|ies)|fees|rotations?)$"
)
_EN_DETERMINER = re.compile(r"^(?:the|our|your|their|its)$")
_EN_DOUBLE_CUT = re.compile(
    r"\s*(?:[,;]\s*|\s)(?:and|plus|also|and\s+also)\s+(?:then\s+|also\s+)?"
    r"(?=(?:what|how|which|who|whom|whose|where|when|why|do|does|did|is|are|was|were|would|"
    r"will|can|could|should|has|have|had)\b)|\s*[;?]\s+(?=\S)"
)

_EN_NP_STOP_WORDS = """
a an the your our their my its this that these those it you we they i me us them there
here is are was were be been being am do does did have has had will would could should can
may might must shall to of in on at for with from by as and or but if so than then when
while what which who how why where whether not no more less most very much many any some
all team teams side mind opinion thoughts view views way things thing stuff everything
anything something time times lot bit experience feedback overall general right now today
currently like want need think feel agree prefer love enjoy help matter matters important
value care better worse best good great bad easy hard fast faster cheaper lower higher
really still
"""
_EN_NP_STOP = frozenset(_EN_NP_STOP_WORDS.split())
_EN_WORD = re.compile(r"[A-Za-z][\w/-]*")
_EN_NOT_NOUN = re.compile(
    r"(?:ed|ing|est|ly)$|^(?:adopt|use|run|move|try|get|make|take|go|come|see|say|tell|give|"
    r"work|look|seem|pay|buy|switch|sign|plan|cut|help|feel|keep|need|want)$"
)


def english_phrase(text: str) -> str | None:
    """A subject when no product noun is named: the first "your / our / the" phrase of
    content words ("your data", "the old billing system"), or an acronym ("IT", "POS")."""
    words = list(_EN_WORD.finditer(text))
    for i, word in enumerate(words):
        if word.group().lower() not in ("your", "our", "the", "their"):
            continue
        taken: list[re.Match[str]] = []
        for nxt in words[i + 1 : i + 3]:
            low = nxt.group().lower()
            between = text[(taken[-1].end() if taken else word.end()) : nxt.start()]
            if low in _EN_NP_STOP or _EN_NOT_NOUN.search(low) or between.strip():
                break
            taken.append(nxt)
        if taken:
            end = taken[-1].end()
            tail = re.match(r"\s+of\s+[A-Za-z][\w-]*", text[end:])
            return text[word.start() : end + (tail.end() if tail else 0)]
    return None


def english_name(text: str, start: int = 1) -> str | None:
    """An acronym or a product name in the question ("IT", "POS", "Airflow", "Iceberg"); the
    first word of a sentence is capitalised anyway, so it counts only from ``start`` 0."""
    for word in list(_EN_WORD.finditer(text))[start:]:
        original = word.group()
        acronym = len(original) > 1 and original.isupper()
        if original in ("I", "I'm", "I'd") or (original.lower() in _EN_NP_STOP and not acronym):
            continue
        if (len(original) > 1 and original.isupper()) or original[:1].isupper():
            return original
    return None


# --- Chinese ---------------------------------------------------------------------------
_ZH_NOUN = (
    r"(?:命令行工具|边缘函数|函数计算|收银系统|数据目录|运维工具|调度系统|消息队列|对象存储|块存储|文件存储|存储|控制台|账单|计费|价格|报价|定价|(?<!免)费用|成本|工单|技术支持|售后|支持团队|"
    r"客户经理|文档|数据库|主备切换|主从切换|集群|容器|镜像|带宽|网络|专线|监控|告警|备份|容灾|灾备|安全事件|安全|系统升级|升级|访问速度|折扣|发布流程|发布|排障|证书|报表系统|报表|预算|研发效率|合规|"
    r"等保|审计|延迟|时延|故障|宕机|迁移|扩容|日志服务|日志|权限体系|权限|边缘节点|节点|实例|"
    r"服务器|云主机|平台|产品|方案|路线图|调度|负载均衡|防火墙|加速|回源|转码|直播|数据仓库|数仓|"
    r"数据湖|大模型|推理|训练|信创|出网流量|流量费|流量|接口|插件|配额|限流|限额|SLA|sla|API|api|SDK|sdk|CDN|cdn|"
    r"GPU|gpu|K8s|k8s|Kubernetes|kubernetes|IoT|iot|Kafka|Redis|MySQL|AI|ai)"
)
_ZH_PART = (
    rf"(?:[A-Za-z][A-Za-z0-9.+-]*|{_ZH_NOUN}|网关|看板|仪表盘|大盘|界面|托管|服务|实例|系统|报表|页面|套件|能力|策略|规则|"
    r"中心|套餐|版本|条款|政策|流程|协议|合同)"
)
_ZH_SUBJECT = re.compile(rf"(?:[A-Za-z][A-Za-z0-9.+-]*|{_ZH_NOUN})(?:\s?{_ZH_PART}){{0,3}}")
_ZH_GENERIC = frozenset({"产品", "功能", "服务", "平台", "方案", "路线图", "成本", "费用"})
_ZH_CUT = re.compile(r"[，,；;？?]")

_ZH_TITLE = re.compile(r"^(?:CIO|CTO|CEO|CFO|COO|VP|IT|PM|HR|OK)$", re.IGNORECASE)
_ZH_PHRASE = re.compile(
    r"(?:(?:你们|我们|您)的|贵司的?)([\u4e00-\u9fff]{2,6}?)(?:[吗呢吧啊，,？?。的会是有在要该能用怎觉如好满]|$)"
)
_ZH_PHRASE_STOP = frozenset(
    {
        "团队",
        "觉得",
        "认为",
        "希望",
        "需要",
        "这边",
        "那边",
        "大家",
        "自己",
        "现在",
        "目前",
        "最近",
        "平时",
        "一般",
        "公司",
    }
)


def english_subject(text: str) -> str | None:
    """The thing an English question is about, e.g. "the console" or "egress prices".

    The first product noun, with up to two modifiers before it that name a product or an
    acronym ("object storage", "GPU instances"), and its determiner ("our", "the").
    """
    plain = text.lower().replace("\u2019", "'")
    matches = list(_EN_SUBJECT.finditer(plain))
    if not matches:
        return None
    match = next((m for m in matches if not _EN_GENERIC.match(m.group())), None)
    if match is None:  # "costs", "features": too broad to stand for the question's subject
        return None
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
    start_of_tail = end
    for extra, word in enumerate(re.finditer(r"\s+([\w/-]+)", plain[start_of_tail:])):
        if (
            extra == 2
            or start_of_tail + word.start() != end
            or not (_EN_NOUN_ONLY.match(word.group(1)) or _EN_TAIL.match(word.group(1)))
        ):
            break
        end = start_of_tail + word.end()
    tail = _EN_OF_NOUN.match(plain, end)
    if tail:
        end = tail.end()
    subject = text[start:end]
    if not text[:start].strip() and subject[:1].isupper() and not subject.split()[0].isupper():
        subject = subject[0].lower() + subject[1:]  # "Patching ..." opens the sentence
    last = text[match.start() : end].split()[-1]  # the head noun: "billing system" -> system
    proper = last[:1].isupper() and not last.isupper()
    countable = not (last.lower().endswith("s") or _EN_MASS.match(last.lower()))
    return f"the {subject}" if countable and not determined and not proper else subject


def chinese_subject(text: str) -> str | None:
    """The thing a Chinese question is about, e.g. "账单" or "GPU 实例" (never a lone letter
    or a job title such as CIO)."""
    matches = [match.group().strip() for match in _ZH_SUBJECT.finditer(text)]
    matches = [m for m in matches if not (m.isascii() and (len(m) < 2 or _ZH_TITLE.match(m)))]
    specific = [subject for subject in matches if subject not in _ZH_GENERIC]
    found = specific or matches
    return found[0] if found else None


def chinese_phrase(text: str) -> str | None:
    """A subject when no product noun is named: what follows 你们的 / 贵司 ("工厂"), with
    我们的 kept ("我们的服务": ours, not theirs)."""
    for match in _ZH_PHRASE.finditer(text):
        phrase = match.group(1)
        if phrase not in _ZH_PHRASE_STOP and not any(w in phrase for w in _ZH_PHRASE_STOP):
            return "我们的" + phrase if match.group().startswith("我们") else phrase
    return None


# --- well-formed subjects ----------------------------------------------------------------
_EN_FUNCTION_WORDS = """
a an the of in on at for with from by to as and or but across over under into onto about
between through than then that which who whom this these those it its is are was were be been
do does did have has had will would could should can may might must not no so if when while
your our their my his her we you they i me us them there here
"""
_EN_FUNCTION = frozenset(_EN_FUNCTION_WORDS.split())
#: participles that are adjectives before a noun ("managed Kafka", "reserved instances")
_EN_PARTICIPLE = frozenset(
    {
        "managed",
        "hosted",
        "self-hosted",
        "dedicated",
        "reserved",
        "automated",
        "distributed",
        "shared",
        "unified",
        "detailed",
        "integrated",
        "advanced",
        "old",
        "speed",
        "nightly",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "yearly",
        "early",
    }
)


def _en_well_formed(subject: str | None) -> str | None:
    """``subject`` when it is a whole noun phrase: no dangling preposition or conjunction at
    its end, no verb form taken as a noun ("needed pricing"), at most five words."""
    if not subject:
        return None
    words = subject.split()
    if len(words) > 5 or not all(re.fullmatch(r"[A-Za-z0-9][\w/.+-]*", w) for w in words):
        return None
    last = words[-1].lower()
    if _EN_GENERIC.match(last) or (last in ("business", "company", "setup") and len(words) < 3):
        return None  # "our service", "your business": too broad for one event
    if last in _EN_FUNCTION or last in _EN_NP_STOP - {"support"}:
        return None
    for word in words:
        low = word.lower()
        if re.search(r"(?:ed|ly)$", low) and low not in _EN_PARTICIPLE and not word.isupper():
            return None
    return subject


_ZH_HEAD = re.compile(
    rf"(?:{_ZH_NOUN}|工厂|门店|仓库|机房|数据中心|系统|平台|流程|数据|业务|应用|网站|集群|账号|"
    r"供应商|用户|工程师|产线|车间|医院|学校|网点|分支机构|团队|部门|看板|服务|界面|工具|模型|"
    r"作业|任务|管道|链路|架构|环境|中台|App|APP|app|套餐|条款|政策|流程|协议|合同|规则)$"
)
_ZH_VERBISH = re.compile(r"需要|处理|觉得|希望|可以|应该|会|能|要|想|用|做|是|在|把|被|让|给")


def _zh_well_formed(subject: str | None) -> str | None:
    """``subject`` when it is a noun phrase: it ends in a noun head and holds no verb."""
    if not subject or len(subject) > 12:
        return None
    core = re.sub(r"^我们的", "", subject)
    if _ZH_VERBISH.search(core) and not _ZH_SUBJECT.fullmatch(core):
        return None
    if not (_ZH_HEAD.search(core) or re.fullmatch(r"[A-Za-z][A-Za-z0-9.+ -]*", core)):
        return None
    return subject


# --- English frames ------------------------------------------------------------------------
# Each frame: (pattern on the lower-cased question, template). ``{s}`` the subject as the
# question has it ("your databases"), ``{b}`` without its determiner ("databases"), ``{a}``
def _en_thing(subject: str) -> str:
    """The thing a quality or an event is of: "prices on storage" -> "storage", "outages on
    your Kafka clusters" -> "your Kafka clusters"."""
    found = re.match(
        r"(?i)^(?:the\s+)?(?:prices?|pricing|costs?|security|reliability|latency|"
        r"performance|uptime|outages?|incidents?|downtime|failures?)\s+"
        r"(?:on|of|for|in|with)\s+(.+)$",
        subject,
    )
    return found.group(1) if found else subject


_EN_MARKER = re.compile(
    r"^\W*(?:(?:so|um|uh|ok|okay|well|just\s+curious|quick\s+one)\W+)?"
    r"(?:what|how|why|which|who|whom|whose|where|when|do|does|did|is|"
    r"are|was|were|would|will|can|could|should|has|have|had)\b"
)
_ZH_MARKER = re.compile(
    r"什么|怎么|怎样|哪|谁|多少|几|如何|为什么|为何|为啥|是否|有没有|"
    r"会不会|要不要|是不是|能不能|多久|多大|多长|多快|(.)不\1|[吗么呢]？$"
)


def questions(text: str, language: str) -> list[str]:
    """The questions of a double question, each as one question, or ``[]`` when it can't be
    cut in two."""
    body = text.strip()
    if language == "zh-CN":
        parts = [part.strip() for part in _ZH_CUT.split(body) if part.strip()]
        return [part + "？" for part in parts] if len(parts) > 1 else []
    match = _EN_DOUBLE_CUT.search(body.rstrip("?"))
    if not match or match.start() < 8:
        return []
    first = body[: match.start()].rstrip(" ,;") + "?"
    second = body[match.end() :].strip().rstrip("?").strip()
    if not second:
        return [first]
    return [first, second[0].upper() + second[1:] + "?"]


_EN_YES_NO = re.compile(
    r"(?i)^(?:are|is|do|does|did|would|will|can|could|should|have|has|was|were)\b"
)
_ZH_YES_NO = re.compile(r"[吗么]？$|满意|顺手|怎么样|好不好|觉得")
_EN_WISH = re.compile(
    r"(?i)\b(?:need|needs)\s+to\b|\bshould\b|\bplan(?:ning)?\s+to\b|\bgoing\s+to\b|"
    r"\bbudget\s+for\s+(?:an?|new|the\s+new|buying)\b|\bwould\s+you\b|\bwhat\s+if\b|\bif\s+we\b|"
    r"\bwant\s+to\b|\bexpect\b|\bneeds?\b|\bconsider\b|\bbudget\w*\b|\bnext\s+(?:year|quarter)\b"
)
#: a half asking who approves or whether it was approved: kept only when the other can't be
_EN_APPROVAL = re.compile(r"(?i)\bapprov\w*|\bsign(?:s|ed)?\s+off\b")
_ZH_APPROVAL = re.compile(r"审批|批下来|签字")
# a wish, a plan, an estimate of a need, a budget or its approval: no past fact
_ZH_WISH = re.compile(
    r"要多快|需要多快|得多快|打算|计划|准备|希望|想要|如果|要是|会不会|会考虑|预算|明年"
)
#: a Chinese half that points at what the other half named ("这块预算": which part?); "外挂检测
#: 这块" names its own topic (a noun before it, not a time: "今年这块预算" still points)
_ZH_TOPIC_MARK = re.compile(
    r"(?<=[\u4e00-\u9fffA-Za-z0-9]{2})(?<!今年)(?<!去年)(?<!明年)(?<!上月)(?<!本月)(?<!目前)"
    r"(?<!现在)\s*(?:这块|这部分|这方面|这一块)"
)
_ZH_POINTER = re.compile(r"这块|这部分|这方面|这一块|这些|那些|它们?")


class _Dangling:
    """``_ZH_POINTER`` with a named topic ("外挂检测这块") taken out first."""

    def search(self, half: str) -> re.Match[str] | None:
        return _ZH_POINTER.search(_ZH_TOPIC_MARK.sub("", half))


_ZH_DANGLING = _Dangling()


def _has_body(half: str, language: str) -> bool:
    """More than a question word ("Why?", "为什么？", "How come?"): something to ask about."""
    if language == "zh-CN":
        return len(re.findall(r"[\u4e00-\u9fff]", half)) >= 5
    return len(re.findall(r"[A-Za-z0-9]+", half)) >= 3


_MORE = re.compile(
    r"(?i)展开|详细(?:讲|说|聊)|多讲讲|多说说|细说|\belaborate\b|\bmore\s+detail|\btell\s+(?:me|us)\s+more\b|"
    r"\bexpand\s+on\b"
)
#: a half asking why they chose: it confronts the choice whatever it is cut from
_WHY = re.compile(r"(?i)^(?:为什么|为啥|怎么会|why\b)")


#: a half asking whether something shameful happened (a breach, a fine): the fact half is kept
_EN_SENSITIVE = re.compile(r"(?i)\b(?:breach\w*|leak\w*|fined|penalt\w*|hacked)\b")
_ZH_SENSITIVE = re.compile(r"泄露|事故|处罚|罚过|罚款|被黑|违规")


def subject_of(text: str, language: str) -> str | None:
    """The question's own subject, well formed, for a guide to name; ``None`` when none."""
    if language == "zh-CN":
        return _zh_well_formed(chinese_subject(text)) or _zh_well_formed(chinese_phrase(text))
    found = _en_well_formed(english_subject(text)) or _en_well_formed(english_name(text))
    if not found:
        return None
    return re.sub(r"^(?:The|Your|Our|Their)\b", lambda m: m.group().lower(), _en_thing(found))


_EN_WH = r"(?:what|which|how\s+many|how\s+much|how\s+long|how\s+often|how|who|where|when)"
_EN_AUX = {
    "'ve": "have",
    "'re": "are",
    "'ll": "will",
    "have": "have",
    "has": "has",
    "are": "are",
    "is": "is",
    "were": "were",
    "was": "was",
    "will": "will",
    "can": "can",
    "could": "could",
    "would": "would",
}
_EN_AUX_WORD = r"(?:do|does|did|are|is|was|were|have|has|had|can|could|will|would|should)"
#: "what isolation guarantees you've promised them": a half said as a clause, its subject
#: before its verb
_EN_EMBEDDED = re.compile(
    rf"(?i)^({_EN_WH}(?:\s+(?!{_EN_AUX_WORD}\b)[\w/-]+){{0,4}}?)\s+"
    r"(you|we|they|it|your\s+team|the\s+team)"
    r"(?:('ve|'re|'ll)|\s+(have|has|are|is|were|was|will|can|could|would))\s+(.+)$"
)
_EN_CLAUSE_PRONOUN = re.compile(r"(?i)\b(?:it|they|them|its|their|those|these|that)\b")
#: a half no PM asks next: a verdict (yes or no, happy or not), the contract's date, the future
_EN_NOT_NEXT = re.compile(
    r"(?i)\b(?:happy|satisfied|like|feel|think|renew\w*|contract\w*|due|next|upcoming|"
    r"future|plan\w*)\b"
)
_ZH_NOT_NEXT = re.compile(r"合同|续约|续费|到期|采购|下一?次|明年|以后|将来|满意|顺手|怎么看|觉得")
#: a second half's connective ("另外误报率多少？"), not said again in the follow-up
_ZH_CONNECTIVE = re.compile(r"^(?:另外|还有|以及|同时|然后|那么?|并且|而且|再就是)\s*[，,]?\s*")


def _en_direct(half: str) -> str | None:
    """An English half as a direct question: "what isolation guarantees you've promised them"
    -> "What isolation guarantees have you promised them?"; ``None`` when it is said as a clause
    that can't be turned ("what you paid")."""
    body = re.sub(r"(?i)^(?:and|also|plus|then)\s+", "", half.strip().rstrip("?").strip())
    if not body:
        return None
    embedded = _EN_EMBEDDED.match(body)
    if embedded:
        wh, subject, short, aux, rest = embedded.groups()
        if subject.lower() != "it" or wh.lower().startswith("how"):
            verb = _EN_AUX[(short or aux).lower()]
            if subject.lower() in ("your team", "the team", "it") and verb == "have":
                verb = "has"
            body = f"{wh} {verb} {subject} {rest}"
    elif re.match(
        rf"(?i)^{_EN_WH}(?:\s+(?!{_EN_AUX_WORD}\b)[\w/-]+){{0,4}}?\s+(?:you|we|they)\s+"
        r"(?!(?:do|did|does)\b)"
        r"[a-z]+(?:ed)?\b",
        body,
    ) and not re.match(rf"(?i)^{_EN_WH}\s+(?:do|did|does|are|is|have|has|can|will)\b", body):
        return None  # "what you paid", "how long they take": a clause, no question
    return body[0].upper() + body[1:] + "?"


def follow_up_of(text: str, kept: str, language: str) -> str | None:
    """The other half of a double question whose first half is ``kept``, as its own question
    to ask next ("How many come back undelivered?", "误报率大概多少？"); ``None`` when the kept
    question is not the first half as said, or the other half can't stand as a question of its
    own (a fragment, a why, a wish, a budget, a breach, a word pointing at nothing the first
    question names)."""
    zh = language == "zh-CN"
    halves = _halves(text, language)
    if halves is None or (_first_as_said(text, language) or "").strip() != kept.strip():
        return None  # the rewrite joined the halves, or kept the other: nothing left to ask
    second = halves[1].strip()
    if _asks_no_fact(second, language):
        return None
    if (_ZH_NOT_NEXT if zh else _EN_NOT_NEXT).search(second) or (
        _ZH_YES_NO if zh else _EN_YES_NO
    ).search(re.sub(r"(?i)^(?:and|also|plus|then)\s+", "", second)):
        return None  # "are you happy with it", "合同什么时候到期": no fact the PM came for
    if zh:
        second = _ZH_CONNECTIVE.sub("", second)
        if not _has_body(second, language) or not (_ZH_MARKER.search(second)):
            return None
        if _ZH_DANGLING.search(second) and not (chinese_subject(kept) or chinese_phrase(kept)):
            return None
        return second
    told = re.match(r"(?i)^(?:could|can|would)\s+you\s+(?:tell|share|walk)|^do\s+you\s+know", kept)
    if told and not _EN_EMBEDDED.match(re.sub(r"(?i)^(?:and|also)\s+", "", second.rstrip("?"))):
        return None  # "could you tell me … and when the renewal is due": a clause, no question
    direct = _en_direct(second)
    if direct is None or not _has_body(direct, language):
        return None
    if not _EN_MARKER.search(direct.lower()):
        return None
    named = english_subject(kept) or english_phrase(kept) or re.search(r"\b[A-Z][\w-]*", kept[1:])
    if _EN_CLAUSE_PRONOUN.search(direct) and not named:
        return None  # "how often does it fail" after a first question naming nothing
    return direct


#: a half that hands the design over ("could you send us a list", 您能帮我们列一下吗, 理想的…,
#: 应该具备哪些能力): a double question with one is one request for a design, never split
_EN_HANDOVER = re.compile(
    r"(?i)\b(?:give|send)\s+us\s+(?:a|the)\s+list\b|\bcould\s+you\s+(?:list|sketch|describe)\b|"
    r"\bcan\s+you\s+(?:list|sketch|describe)\b|\bideal\b"
)
_ZH_HANDOVER = re.compile(
    r"理想的|应该|该(?:怎么|配|做|加|有|先)|做成什么样|要支持哪些|需要我们提供|怎么设计|怎么定价|"
    r"怎么收费|列一下|列个|清单|描述一下"
)
_FILLER = re.compile(r"(?:嗯|那个|然后|就是|对了|那|好|哦|呃)呢?？")
_LEAD_IN = re.compile(r"(?i)^(?:so|um|uh|ok|okay|well|just\s+curious|quick\s+one)\W+")
#: "上次审计的时候，…": a time clause and one question, not two
_TIME_CLAUSE = re.compile(r"(?<!什么)(?:的?时候|之后|以后)？$")


#: a text that ends as a statement ("…想听听各位有什么感受。"): asks nothing to split in two
_STATEMENT_END = re.compile(r"[。.!！…]\s*$")


def _halves(text: str, language: str) -> list[str] | None:
    """The two questions of a double question ``text`` as said (fillers such as "然后呢？"
    left out), or ``None`` for a statement or anything not two questions."""
    if _STATEMENT_END.search(text):
        return None
    parts = [part for part in questions(text, language) if not _FILLER.fullmatch(part)]
    return parts if len(parts) == 2 else None


def _first_as_said(text: str, language: str) -> str | None:
    """The first half of a two-question ``text`` as said (its lead-in dropped), or ``None``."""
    halves = _halves(text, language)
    if halves is None:
        return None
    first = _LEAD_IN.sub("", halves[0])
    first = first[0].upper() + first[1:]
    if language == "zh-CN":
        first = _ZH_TOPIC_MARK.sub("", first)  # "外挂检测这块每天封多少号": the topic, once
    return first


def _asks_no_fact(half: str, language: str) -> bool:
    """``half`` of a double question asks no fact the PM came for: a wish, a budget or more,
    a breach, an approval, or a why (which confronts whatever it follows)."""
    zh = language == "zh-CN"
    patterns = (
        _ZH_WISH if zh else _EN_WISH,
        _ZH_SENSITIVE if zh else _EN_SENSITIVE,
        _ZH_APPROVAL if zh else _EN_APPROVAL,
        _MORE,
    )
    if any(pattern.search(half) for pattern in patterns):
        return True
    return bool(_WHY.search(half) or (zh and re.search(r"为什么|为啥|怎么会|为何", half)))


def first_half(text: str, language: str) -> str | None:
    """The first half of the double question ``text`` as said, when it is a question of its
    own that asks a fact: no wish, budget, breach, approval, why, design handed over or word
    pointing at the other half; ``None`` otherwise. It is offered only with the other half
    asked next (:func:`follow_up_of`), so nothing the PM asked is dropped."""
    zh = language == "zh-CN"
    first = _first_as_said(text, language)
    parts = _halves(text, language)
    if first is None or parts is None:
        return None
    marker = _ZH_MARKER if zh else _EN_MARKER
    if not all(marker.search(part.lower()) for part in parts):
        return None  # a clause and a question: one question, not two
    if any(_TIME_CLAUSE.search(part) for part in parts) or not _has_body(first, language):
        return None
    if zh and _ZH_DANGLING.search(first):
        return None  # "这块预算": which part? the part is named in the other half
    if any((_ZH_HANDOVER if zh else _EN_HANDOVER).search(part) for part in parts):
        return None  # either half hands the design over: the whole asks for it
    return None if _asks_no_fact(first, language) else first


# --- why they chose a rival: how the selection went ------------------------------------------
_EN_CHOICE = re.compile(
    r"(?i)\b(?:(?:did|made)\s+(?:you|your\s+[\w-]+|the\s+[\w-]+)\s+(?:to\s+)?"
    r"(?:go\s+with|pick|choose|select|opt\s+for|settle\s+on|sign\s+with)|"
    r"convinced\s+(?:you|your\s+[\w-]+|the\s+[\w-]+)\s+to\s+(?:go\s+with|pick|choose|select)|"
    r"(?:you|your\s+[\w-]+|the\s+[\w-]+|they)\s+(?:went\s+with|picked|chose|selected|opted\s+for|"
    r"settled\s+on|signed\s+with))\s+"
)
#: the choice as the question names it: a name, with what it was chosen for
_EN_CHOSEN = re.compile(
    r"((?-i:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}))"
    r"(\s+for\s+(?:the\s+|your\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)?"
    r"(?=\s*(?:,|\?|$|\s+(?:instead|over|rather|and|when|back|last|this|in|at)\b))"
)
_EN_NOT_CHOICE = re.compile(r"(?i)\b(?:us|our|we|ours|you|your)\b")
#: what it was chosen for, said after the one it was chosen over ("AWS over us for the
#: nightly batch"): kept, as the question asks it
_EN_OVER_FOR = re.compile(
    r"(?i)\s+(?:over|instead\s+of|rather\s+than)\s+(?:us|ours|our\s+[\w-]+|the\s+[\w-]+|[\w.&-]+)"
    r"(\s+for\s+(?:the\s+|your\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)"
    r"(?=\s*(?:,|\?|$|\s+(?:and|when|back|last|this|in|at)\b))"
)


def _en_selection(text: str) -> Offer | None:
    """ "Why did you go with Zscaler for remote access instead of our gateway?" asked as how
    the selection went, naming the choice only as the question says it."""
    plain = text.replace("\u2019", "'")
    verb = _EN_CHOICE.search(plain)
    if not verb:
        return None
    chosen = _EN_CHOSEN.match(plain, verb.end())
    name = chosen.group(0).strip() if chosen else ""
    if not name or _EN_NOT_CHOICE.search(name) or name.split()[0] in ("I", "It", "The"):
        return None  # without the choice's own name it would be the same for every question
    if (
        chosen is not None
        and not chosen.group(2)
        and (over := _EN_OVER_FOR.match(plain, chosen.end()))
    ):
        name += over.group(1)
    return Offer(
        f"Which other vendors were on the shortlist when you chose {name}?",
        "What decided it in the end?",
    )


_ZH_WORD = r"[A-Za-z0-9\u4e00-\u9fff]"
#: the lead-in before the subject: an owner, a guess, a wish ("贵司应该也希望")
_ZH_LEAD = re.compile(
    r"^(?:请问|说实话|其实|那|像)?(?:如果|要是|假如|假设)?(?:贵司|你们|您们?|咱们)?"
    r"(?:是不是|应该|肯定|估计|一定)?也?(?:是不是)?也?(?:希望|想|想要|不想)?(?:的)?"
)
#: a subject that is not one: a pronoun, a verb of wishing, a whole company or everything
_ZH_NOT_SUBJECT = re.compile(
    r"贵司|你们|我们|您|他们|它|这|那|希望|觉得|应该|肯定|如果|要是|假如|是不是|会不会|"
    r"能不能|愿意|会|^(?:让|使|把|对接|接入|连接|支持|给|帮|做)|^系统$|^业务$|^公司$|^团队$|^数据$"
)
_ZH_SPACED = re.compile(r"[\u4e00-\u9fff] [A-Za-z0-9]|[A-Za-z0-9] [\u4e00-\u9fff]")


def _zh_said(said: str) -> str | None:
    """``said`` without its lead-in and its trailing 的, when it is a subject of its own."""
    subject = _ZH_LEAD.sub("", said.strip()).strip()
    subject = re.sub(r"(?:的|时|的时候|是|都|也)$", "", subject).strip()
    if len(re.findall(r"[\u4e00-\u9fffA-Za-z]", subject)) < 2 or _ZH_NOT_SUBJECT.search(subject):
        return None
    return subject


def _zh_spaced(sentence: str, text: str) -> str:
    """``sentence`` with a space between Chinese and Latin where the question puts one."""
    if not _ZH_SPACED.search(text):
        return sentence
    return re.sub(
        r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])", " ", sentence
    )


def _zh_selection(text: str) -> Offer | None:
    """ "核心交易库当初为什么选了达梦" asked as how the selection went, never why they chose
    it: "核心交易库当时选型比了哪几家？" then "最后看重的是哪一点？"."""
    found = re.search(
        r"(?:^|[，,])\s*(?:你们的?|贵司的?|说实话，?)?(" + _ZH_WORD + r"{2,12}?)\s*"
        r"(?:当初|当时|之前)?\s*(?:为什么|为啥|怎么会)\s*(?:要|就)?\s*(?:选了?|选用了?|用了?|上了)",
        text,
    )
    if not found:
        return None
    thing = _zh_said(found.group(1))
    if not thing or re.search(r"当初|当时|之前", thing):
        rival = re.match(
            r"\s*(" + _ZH_WORD + r"{2,8}?)\s*(?:呢|而|，|,|？|\?|$)", text[found.end() :]
        )
        if not rival or _ZH_NOT_SUBJECT.search(rival.group(1)):
            return None
        first = f"当初选{rival.group(1)}之前，你们还比了哪几家？"
    else:
        first = f"{thing}当时选型比了哪几家？"
    return Offer(_zh_spaced(first, text), "最后看重的是哪一点？")


def selection(text: str, language: str) -> Offer | None:
    """A question asking why they chose a rival, asked as how the selection went: which other
    vendors were on the shortlist, then what decided it; ``None`` when it asks no choice."""
    return _zh_selection(text) if language == "zh-CN" else _en_selection(text)
