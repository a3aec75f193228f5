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
    r"inference|training\s+jobs?|catalog|catalogue|scheduler|scheduling|interface|workflows?|"
    r"costs?|spend|budget|on-call|account\s+team|"
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
#: a noun that ends a product name begun by another ("log search", "GPU pool")
_EN_TAIL = re.compile(
    r"^(?:search|pool|pools|provider|gateway|system|systems|engine|layer|tier|agent|agents|"
    r"jobs?|nodes?|plans?|runners?|store|stores|hub|mesh|proxy|index|indexes|reports?)$"
)
_EN_DETERMINER = re.compile(r"^(?:the|our|your|their|its)$")
_EN_DOUBLE_CUT = re.compile(
    r"\s*(?:[,;]\s*|\s)(?:and|plus|also|and\s+also)\s+(?:then\s+|also\s+)?"
    r"(?=(?:what|how|which|who|whom|whose|where|when|why|do|does|did|is|are|was|were|would|"
    r"will|can|could|should|has|have|had)\b)|\s*[;?]\s+(?=\S)"
)

#: code -> (template with the subject, template without one). A leading question loses its
#: presupposition and asks what happened; a hypothetical asks what the team did the last
#: time it had the need (``{a}``: the subject with "a", without "our" or "managed").
EN_TEMPLATES = {
    "obvious-answer": ("What did the last problem with {s} cost your team?",
                       "What did the last problem of this kind cost your team?"),
    "design-offload": ("The last time your team needed {a}, what did you use?",
                       "The last time you hit this gap, what did your team do instead?"),
    "competitor-confront": ("When your team last compared vendors for {s}, which criteria "
                            "weighed most?",
                            "When your team last chose a vendor for this, which criteria "
                            "weighed most?"),
    "hypothetical": ("What did your team do the last time it needed {a}?",
                     "The last time your team needed this, how did you handle it?"),
    "opinion-fishing": ("What happened the last time your team used {s}?",
                        "Walk me through the last time your team worked with us: what happened?"),
    "leading": ("What happened the last time your team dealt with {s}?",
                "What happened the last time your team ran into this?"),
    "vague": ("What slowed your team down most with {s} last month?",
              "What slowed your team down most last month?"),
}  # fmt: skip
#: special forms of a code: (pattern on the lower-cased question, template)
EN_FORMS = {
    "hypothetical": (
        (re.compile(r"\bhow\s+much\b|\b(?:pay|spend|budget|price|priced|per\s+month|per\s+year)\b"),
         "What did your team spend on {b} last year?"),
        (re.compile(r"\b(?:discount|discounts|commitment|commit|contract|sign)\b"),
         "At your last renewal, how did your team weigh {s} against the length of the "
         "commitment?"),
        (re.compile(r"\b(?:faster|quicker|twice\s+as\s+fast|speed|slow)\b"),
         "What happened the last time slow {b} held your team up?"),
    ),
    "opinion-fishing": (
        (re.compile(r"\b(?:migration|rollout|onboarding|upgrade|renewal|outage|incident|launch|"
                    r"cutover|project)\b"), "Walk me through {s}: which step took longest?"),
    ),
}
#: questions with no subject at all: a story of the last few weeks, by what they ask for
EN_NO_SUBJECT = (
    (re.compile(r"\b(?:anything|something)\s+else\b|\bwhat\s+else\b"),
     "Which problem from the last month haven't we talked about yet?"),
    (re.compile(r"\bhow(?:'s|\s+is|\s+are)\b|\bgoing\b|\blately\b"),
     "What changed for your team since we last met?"),
    (re.compile(r"\b(?:mind|top|priorit\w*|focus)\b"),
     "What took most of your team's time last week?"),
    (re.compile(r"\b(?:company|business|organi[sz]ation|overview)\b"),
     "What changed in your business last quarter?"),
    (re.compile(r"\b(?:feedback|thoughts|opinion|impression|working\s+with\s+us)\b"),
     "What happened the last time your team needed our help?"),
    (re.compile(r"\b(?:challenges?|problems?|pain|issues?|struggles?)\b"),
     "Which problem cost your team the most time last month?"),
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
_EN_RIVAL_NAME = re.compile(
    r"\b(?:AWS|Amazon(?:\s+Web\s+Services)?|Azure|Microsoft|GCP|Google(?:\s+Cloud)?|"
    r"Alibaba(?:\s+Cloud)?|Aliyun|Tencent(?:\s+Cloud)?|Huawei(?:\s+Cloud)?|Oracle(?:\s+Cloud)?|"
    r"IBM(?:\s+Cloud)?|Akamai|Cloudflare|Fastly|DigitalOcean|Linode|OVH|Hetzner|Databricks|"
    r"Snowflake|Datadog|Confluent|MongoDB|Vercel|Netlify|Heroku|VMware)\b"
)


def english_phrase(text: str) -> str | None:
    """A subject when no product noun is named: the first "your / our / the" phrase of
    content words ("your data", "the old billing system"), or an acronym ("IT", "POS")."""
    words = list(_EN_WORD.finditer(text))
    for i, word in enumerate(words):
        if word.group().lower() not in ("your", "our", "the", "their"):
            continue
        taken = []
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


_EN_OFFER = re.compile(
    r"\b(?:if|once|suppose|supposing|imagine|assuming)\s+(?:that\s+)?we\s+(?:\w+\s+)?"
    r"(?:offered|supported|launched|built|added|shipped|released|had|provided|made|introduced)"
    r"\s+([^?;,.]+)", re.IGNORECASE)


def english_name(text: str, start: int = 1) -> str | None:
    """An acronym or a product name in the question ("IT", "POS", "Airflow", "Iceberg"); the
    first word of a sentence is capitalised anyway, so it counts only from ``start`` 0."""
    for word in list(_EN_WORD.finditer(text))[start:]:
        original = word.group()
        if original in ("I", "I'm", "I'd") or original.lower() in _EN_NP_STOP:
            continue
        if (len(original) > 1 and original.isupper()) or original[:1].isupper():
            return original
    return None


def _bare(subject: str) -> str:
    """The subject without its determiner and our product words ("managed Kafka" -> Kafka)."""
    words = subject.split()
    while len(words) > 1 and words[0].lower() in ("the", "our", "your", "their", "its",
                                                  "managed", "hosted", "new", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _indefinite(subject: str) -> str:
    """The subject with "a" / "an" where a singular count noun needs one."""
    bare = _bare(subject)
    last = bare.split()[-1]
    if last.isupper() and len(last) > 1 and len(bare.split()) == 1:  # an API, a POS
        return ("an " if last[0] in "AEFHILMNORSX" else "a ") + bare
    if last.lower().endswith(("s", "ing")) or _EN_MASS.match(last.lower()):
        return bare
    if last[:1].isupper() and not last.isupper():  # a name: Airflow, Iceberg
        return bare
    return ("an " if bare[:1].lower() in "aeiou" else "a ") + bare


# --- Chinese ---------------------------------------------------------------------------
_ZH_NOUN = (
    r"(?:命令行工具|边缘函数|函数计算|收银系统|数据目录|运维工具|调度系统|消息队列|对象存储|块存储|文件存储|存储|控制台|账单|计费|价格|报价|定价|(?<!免)费用|成本|工单|技术支持|售后|支持团队|"
    r"客户经理|文档|数据库|主备切换|主从切换|集群|容器|镜像|带宽|网络|专线|监控|告警|备份|容灾|灾备|安全事件|安全|系统升级|升级|访问速度|折扣|发布流程|发布|排障|证书|报表系统|报表|预算|研发效率|合规|"
    r"等保|审计|延迟|时延|故障|宕机|迁移|扩容|日志服务|日志|权限体系|权限|边缘节点|节点|实例|"
    r"服务器|云主机|平台|产品|方案|路线图|调度|负载均衡|防火墙|加速|回源|转码|直播|数据仓库|数仓|"
    r"数据湖|大模型|推理|训练|信创|出网流量|流量费|流量|接口|插件|配额|SLA|sla|API|api|SDK|sdk|CDN|cdn|"
    r"GPU|gpu|K8s|k8s|Kubernetes|kubernetes|IoT|iot|Kafka|Redis|MySQL|AI|ai)"
)
_ZH_PART = (
    rf"(?:[A-Za-z][A-Za-z0-9.+-]*|{_ZH_NOUN}|看板|仪表盘|大盘|界面|托管|服务|实例|系统|报表|页面|套件|能力|策略|规则|"
    r"中心|套餐|版本)"
)
_ZH_SUBJECT = re.compile(rf"(?:[A-Za-z][A-Za-z0-9.+-]*|{_ZH_NOUN})(?:\s?{_ZH_PART}){{0,3}}")
_ZH_GENERIC = frozenset({"产品", "功能", "服务", "平台", "方案", "路线图", "成本", "费用"})
_ZH_CUT = re.compile(r"[，,；;？?]")

ZH_TEMPLATES = {
    "obvious-answer": ("上一次{s}出问题，给你们团队带来了多少时间或金钱上的损失？",
                       "上一次出这类问题时，给你们团队带来了多少时间或金钱上的损失？"),
    "design-offload": ("上次你们团队需要{b}时，用的是什么办法？",
                       "上次遇到这个缺口时，你们团队是怎么处理的？"),
    "competitor-confront": ("上次评估{s}时，你们最看重的是哪几项指标？",
                            "上次选这类供应商时，你们最看重的是哪几项指标？"),
    "hypothetical": ("上次需要{b}时，你们团队具体是怎么做的？",
                     "上一次遇到类似需求时，你们具体是怎么做的？"),
    "opinion-fishing": ("能讲讲你们最近一次使用{s}的经过吗？",
                        "能讲讲你们最近一次和我们打交道的经过吗？"),
    "leading": ("最近一次你们团队处理{s}时，具体发生了什么？",
                "上个季度这件事对你们团队的工作有什么具体影响？"),
    "vague": ("上个月在{s}上，最拖慢你们团队的是哪一步？",
              "上个月的工作里，最拖慢你们团队的是哪一步？"),
}  # fmt: skip
ZH_FORMS = {
    "hypothetical": (
        (re.compile(r"多少钱|付多少|花多少|出多少|价位|价格|付费|每月|每年"),
         "去年你们在{b}上实际花了多少钱？"),
        (re.compile(r"折扣|承诺|合同|签|续约"), "上次续约时，你们是怎么权衡{b}和承诺年限的？"),
        (re.compile(r"快一倍|更快|提速|速度|慢"), "上一次{b}太慢耽误事，是什么情况？"),
    ),
    "opinion-fishing": (
        (re.compile(r"迁移|上线|割接|升级|续约|故障|事故|项目|发布"),
         "上次{s}的过程中，哪一步最费时间？"),
    ),
}
ZH_NO_SUBJECT = (
    (re.compile(r"还有|别的|其他|其它|分享"), "上个月有哪件事我们今天还没聊到？"),
    (re.compile(r"顺利|怎么样|如何|还好"), "从上次见面到现在，你们团队有什么变化？"),
    (re.compile(r"关心|在意|重点|优先"), "上周占用你们团队时间最多的是哪件事？"),
    (re.compile(r"公司|业务|工厂|企业|介绍"), "上个季度你们业务上最大的一个变化是什么？"),
    (re.compile(r"想法|意见|评价|看法|反馈|合作"), "上一次你们需要我们帮忙时，发生了什么？"),
    (re.compile(r"问题|挑战|困难|痛点"), "上个月哪个问题最耗你们团队的时间？"),
)
_ZH_TITLE = re.compile(r"^(?:CIO|CTO|CEO|CFO|COO|VP|IT|PM|HR|OK)$", re.IGNORECASE)
_ZH_RIVAL = re.compile(
    r"阿里云|腾讯云|华为云|AWS|亚马逊|微软|Azure|谷歌云|GCP|火山引擎|百度智能云|百度云|金山云|七牛云?|"
    r"UCloud|京东云|天翼云|移动云|网宿|Akamai|Cloudflare|Databricks|Snowflake|友商|竞品",
    re.IGNORECASE,
)
_ZH_PHRASE = re.compile(
    r"(?:(?:你们|我们|您)的|贵司的?)([\u4e00-\u9fff]{2,6}?)(?:[吗呢吧啊，,？?。的会是有在要该能用怎觉如好满]|$)"
)
_ZH_PHRASE_STOP = frozenset({"团队", "觉得", "认为", "希望", "需要", "这边", "那边", "大家", "自己",
                             "现在", "目前", "最近", "平时", "一般", "公司"})


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
        if extra == 2 or word.start() != 0 or not (_EN_NOUN_ONLY.match(word.group(1))
                                                   or _EN_TAIL.match(word.group(1))):
            break
        end += word.end()
    tail = _EN_OF_NOUN.match(plain, end)
    if tail:
        end = tail.end()
    subject = text[start:end]
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
    return (specific or matches or [None])[0]


def chinese_phrase(text: str) -> str | None:
    """A subject when no product noun is named: what follows 你们的 / 贵司 ("工厂"), with
    我们的 kept ("我们的服务": ours, not theirs)."""
    for match in _ZH_PHRASE.finditer(text):
        phrase = match.group(1)
        if phrase not in _ZH_PHRASE_STOP and not any(w in phrase for w in _ZH_PHRASE_STOP):
            return "我们的" + phrase if match.group().startswith("我们") else phrase
    return None


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


#: codes whose subject-less questions get a story of the last weeks, by what they ask for
_CATCH_ALL = ("vague", "opinion-fishing", "double-barreled")


_EN_PEOPLE = re.compile(r"\b(?:support|service|services|team|manager|on-call|sales|engineers?)$",
                        re.IGNORECASE)


def _form(forms, code: str, plain: str) -> str | None:
    return next((template for pattern, template in forms.get(code, ()) if pattern.search(plain)),
                None)


def _no_subject(table, plain: str, default: str) -> str:
    return next((template for pattern, template in table if pattern.search(plain)), default)


def _english(code: str, text: str) -> str:
    plain = text.lower().replace("\u2019", "'")
    named = english_subject(text)
    with_subject, without = EN_TEMPLATES.get(code, EN_TEMPLATES["vague"])
    if code == "competitor-confront":
        rival = _EN_RIVAL_NAME.search(text)
        if rival and not named:
            return f"When your team last evaluated {rival.group()}, which criteria weighed most?"
    if code == "hypothetical":  # the need is what we would offer: "if we supported Iceberg"
        offer = _EN_OFFER.search(text)
        if offer:
            named = english_subject(offer.group(1)) or english_name(offer.group(1), 0) or named
    if code == "vague" and not named:  # a catch-all: ask for the story of the last weeks
        found = _no_subject(EN_NO_SUBJECT, plain, "")
        if found:
            return found
    subject = named or english_name(text) or english_phrase(text)
    if not subject:
        return _no_subject(EN_NO_SUBJECT, plain, without) if code in _CATCH_ALL else without
    template = _form(EN_FORMS, code, plain) or with_subject
    if _EN_PEOPLE.search(subject):  # one works with a support team; one uses a console
        template = template.replace("used {s}", "worked with {s}")
    return template.format(s=subject, b=_bare(subject), a=_indefinite(subject))


def _chinese(code: str, text: str) -> str:
    named = chinese_subject(text)
    with_subject, without = ZH_TEMPLATES.get(code, ZH_TEMPLATES["vague"])
    if code == "vague" and not named:  # a catch-all: ask for the story of the last weeks
        found = _no_subject(ZH_NO_SUBJECT, text, "")
        if found:
            return found
    subject = named or chinese_phrase(text)
    if code == "competitor-confront":
        rival = _ZH_RIVAL.search(text)
        if rival and rival.group() not in ("友商", "竞品") and (not named or named in _ZH_GENERIC
                                                             or named == rival.group()):
            subject = rival.group()
    if not subject:
        return _no_subject(ZH_NO_SUBJECT, text, without) if code in _CATCH_ALL else without
    template = _form(ZH_FORMS, code, text) or with_subject
    bare = re.sub(r"^(?:托管的?|我们的?|新的?)\s*", "", subject) or subject
    return template.format(s=subject, b=bare)


def rewrite(code: str, text: str, language: str) -> str | None:
    """A specific, past-tense form of ``text`` for a text-level ``code``, in its language."""
    if code == "double-barreled":
        first = first_question(text, language)
        if first:
            return first
    return _chinese(code, text) if language == "zh-CN" else _english(code, text)


def is_generic(suggestion: str, language: str) -> bool:
    """Whether ``suggestion`` is a fallback sentence that names nothing of the question."""
    templates = ZH_TEMPLATES if language == "zh-CN" else EN_TEMPLATES
    return any(suggestion == without for _, without in templates.values())
