"""A better form of the user's own question: same subject, a specific past event, one question.

Frames per code, per intent and language, filled with a well-formed subject ("the console",
"egress prices", "账单", "GPU 实例") taken from the question. No subject or no fitting frame:
no rewrite (the finding guides instead). A double question keeps the half that carries its intent.
"""

from __future__ import annotations

import re

from interview_tui.lint.status import en_status, zh_design_today, zh_selection, zh_status
from interview_tui.lint.subject import (
    EN_DESIGN,
    EN_HANDOVER,
    ZH_DESIGN,
    ZH_HANDOVER,
    en_cuts,
    en_decided,
    en_designed,
    en_phrase,
    zh_decided,
    zh_designed,
    zh_keeps,
    zh_phrase,
)

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


_EN_OFFER = re.compile(
    r"\b(?:if|once|suppose|supposing|imagine|assuming)\s+(?:that\s+)?we\s+(?:\w+\s+)?"
    r"(?:offered|supported|launched|built|added|shipped|released|had|provided|made|introduced)"
    r"\s+([^?;,.]+)",
    re.IGNORECASE,
)


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


def _bare(subject: str) -> str:
    """The subject without its determiner and our product words ("managed Kafka" -> Kafka)."""
    words = subject.split()
    while len(words) > 1 and words[0].lower() in (
        "the",
        "our",
        "your",
        "their",
        "its",
        "managed",
        "hosted",
        "new",
        "a",
        "an",
    ):
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
_ZH_RIVAL = re.compile(
    r"阿里云|腾讯云|华为云|AWS|亚马逊|微软|Azure|谷歌云|GCP|火山引擎|百度智能云|百度云|金山云|七牛云?|"
    r"UCloud|京东云|天翼云|移动云|网宿|Akamai|Cloudflare|Databricks|Snowflake|友商|竞品",
    re.IGNORECASE,
)
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
# with "a" where a count noun needs one. Frames are tried in order; the first that matches
# and whose subject fits is the rewrite. No frame, no rewrite.
_EN_PEOPLE_HEAD = re.compile(
    r"\b(?:support|team|manager|on-call|sales|engineers?|auditors?)$", re.IGNORECASE
)
_EN_EVENT = re.compile(
    r"\b(?:migrations?|rollouts?|onboarding|upgrades?|renewals?|outages?|"
    r"incidents?|launch(?:es)?|cutovers?|projects?|releases?|deploys?|"
    r"deployments?|audits?|failovers?|restores?)$",
    re.IGNORECASE,
)
_EN_PLACE = re.compile(
    r"\b(?:factory|factories|plants?|warehouses?|stores?|shops?|"
    r"data\s+cent(?:er|re)s?|hospitals?|branch(?:es)?|mines?|sites?|"
    r"kitchens?|restaurants?|clinics?|labs?)$",
    re.IGNORECASE,
)

#: what holds data, so that it can be restored from a backup
_EN_STORE = (
    r"(?i)\b(?:backups?|restores?|databases?|db|storage|buckets?|clusters?|volumes?|"
    r"disks?|postgres|mysql|redis|kafka|warehouse|data|files?|vms?|servers?)$"
)

#: a frame marked with one of these is tried on the subject, not on the question: a tool one
#: uses ("the console", "our CLI"), a system one runs ("Kafka", "Airflow")
_EN_TOOL = re.compile(
    r"(?i)\b(?:consoles?|portal|dashboards?|cli|api|apis|sdks?|interface|"
    r"catalog(?:ue)?|scheduler|search|tool|tooling|network\s+product|"
    r"provider|registry|kafka|redis|postgres|mysql|kubernetes|k8s|"
    r"functions|pipelines?|logging|monitoring|alerting|storage|database|"
    r"warehouse|cdn|gateway|system)$"
)
_EN_RUNNABLE = re.compile(
    r"(?:^|\s)(?:[A-Z][a-z]+[A-Za-z]*|K8s|kafka|redis|postgres|mysql|"
    r"kubernetes|k8s|edge\s+functions|functions|clusters?|containers)$"
)
#: nouns that name a quality, not a thing: "How many times did uptime go down" says nothing
_EN_QUALITY = re.compile(
    r"(?i)^(?:uptime|downtime|prices?|pricing|security|compliance|fees|"
    r"performance|reliability|costs?|spend|latency|latencies)$"
)

EN_FRAMES: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "obvious-answer": (
        (
            re.compile(r"\bback(?:ed)?\s*-?\s*up\b|\bbackups?\b|\brestores?\b"),
            "How long did the last restore of {s} take?",
        ),
        (
            re.compile(r"\bincidents?\b|\bbreach|\battacks?\b"),
            "How many {b} incidents did your team handle last quarter?",
        ),
        (
            re.compile(r"\bsupport\b|\btickets?\b|\brespon"),
            "How long did your last {b} ticket wait for a first answer?",
        ),
        (
            re.compile(
                r"\b(?:bills?|invoices?)\b.*\b(?:lower|smaller|cheaper|less|reduc\w*|cut)\b|"
                r"\b(?:lower|smaller|cheaper|less|reduc\w*|cut)\b.*\b(?:bills?|invoices?)\b"
            ),
            "What did {s} come to last month?",
        ),
        (
            re.compile(r"\b(?:time|hours|toil|hassle|effort|manual\w*|automat\w*)\b"),
            "How many hours did your team spend on {b} last month?",
        ),
        (
            re.compile(
                r"\b(?:cheap\w*|price\w*|pricing|costs?|spend\w*|fees|sav\w*|money|"
                r"budget)\b"
            ),
            "What did your team spend on {b} last month?",
        ),
        (re.compile(r"\blatenc"), "What {b} did your users see at last month's busiest hour?"),
        (
            re.compile(r"\b(?:latenc\w*|faster|fast|speed|slow\w*|quick\w*|performance)\b"),
            "How fast was {s} at last month's busiest hour?",
        ),
        (
            re.compile(
                r"\b(?:reliab\w*|outages?|downtime|down|fail\w*|stab\w*|uptime|"
                r"availab\w*|crash\w*)\b"
            ),
            "How many times did {s} go down last quarter?",
        ),
    ),
    "design-offload": (
        (
            re.compile(r"\b(?:dashboards?|reports?|metrics)\b"),
            "Which numbers did your team look at in its last {m} review?",
        ),
        (_EN_TOOL, "What was your team trying to get done the last time it used {s}?"),
    ),
    "competitor-confront": (),  # by the rival named, in _english
    "hypothetical": (
        (
            re.compile(
                r"\bhow\s+much\b|\b(?:pay|spend|budget|price|priced|per\s+month|per\s+year)\b"
            ),
            "What did your team spend on {c} last year?",
        ),
        (
            re.compile(r"\b(?:faster|quicker|twice\s+as\s+fast|speed|slow)\b"),
            "How long did your longest {j} take last month?",
        ),
    ),
    "opinion-fishing": (
        (
            re.compile(r"\b(?:problems?|issues?|challenges?|pain)\b"),
            "Which problem with {s} took most of your team's time last month?",
        ),
        (
            re.compile(r"\b(?:docs|documentation)\b"),
            "What was the last thing your team looked up in {s}?",
        ),
        (_EN_TOOL, "Walk me through the last thing your team did with {s}."),
    ),
    "leading": (
        (
            re.compile(r"\b(?<!every )(?<!each )(?<!any )(?:time|hours|manual\w*|by\s+hand)\b"),
            "How many hours did your team spend on {b} last week?",
        ),
        (
            re.compile(r"\b(?:expensive|costly|cost\w*|pricey|overpriced)\b"),
            "What did {s} cost your team last month?",
        ),
        (
            re.compile(r"\b(?:risk\w*|unsafe|dangerous|fragile|unreliable)\b"),
            "How many incidents did your team have with {b} last year?",
        ),
    ),
    "vague": (
        (
            re.compile(r"\b(?:challenges?|problems?|issues?|pain|struggles?|concerns?)\b"),
            "Which {u} problem took most of your team's time last month?",
        ),
    ),
}


def _en_acronym_singular(bare: str) -> str:
    """The subject as a modifier: "GPUs" -> "GPU", "edge functions" -> "edge function"."""
    words = bare.split()
    last = words[-1]
    if last.endswith("s") and (last[:-1].isupper() or len(words) > 1):
        words[-1] = last[:-1]
    return " ".join(words)


def _english_subject_of(code: str, text: str) -> str | None:
    """The well-formed subject a rewrite of ``text`` may name, or ``None``."""
    if code == "hypothetical":  # the need is what we would offer: "if we supported Iceberg"
        offer = _EN_OFFER.search(text)
        if offer:
            named = english_subject(offer.group(1)) or english_name(offer.group(1), 0)
            if _en_well_formed(named):
                return named
    for found in (english_subject(text), english_name(text), english_phrase(text)):
        well = _en_well_formed(found)
        if well and not re.match(r"(?i)(?:the|your|our)\s+lack\b", well):
            return _en_thing(well)
    return None


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


# --- what kind of thing the subject is, for the verb a frame says of it -------------------
# Pricing is paid, a limit is hit, a process is gone through, an incident happens, a team is
# worked with, terms are agreed: only a tool or a product is "used". Terms get no frame.
_EN_KINDS = (
    (
        "terms",
        re.compile(
            r"(?i)\b(?:polic(?:y|ies)|terms|contracts?|slas?|agreements?|rules?|"
            r"plans?|tiers?|licen[cs]es?|licensing)$"
        ),
    ),
    ("limit", re.compile(r"(?i)\b(?:limits?|quotas?|throttl\w*|caps?)$")),
    (
        "price",
        re.compile(
            r"(?i)\b(?:pric\w*|fees?|bills?|billing|invoices?|discounts?|costs?|"
            r"spend|rates?|charges?)$"
        ),
    ),
    ("process", re.compile(r"(?i)\b(?:process(?:es)?|procedures?|approvals?|workflows?)$")),
    ("incident", re.compile(r"(?i)\b(?:outages?|incidents?|downtime|failovers?|breach\w*)$")),
    ("people", _EN_PEOPLE_HEAD),
)
_EN_KIND_FRAMES = {
    "price": "What did {s} come to on last month's bill?",
    "bill": "What did {s} come to last month?",
    "limit": "What did your team do the last time it hit {s}?",
    "process": "Walk me through the last time your team went through {s}: which step took longest?",
}


def _en_kind_frame(kind: str, subject: str) -> str | None:
    """The frame of a limit, a process or a price; a bill's total only for a bill of something
    ("your GPU bill"), never "the bill ... on last month's bill"."""
    if kind != "price":
        return _EN_KIND_FRAMES[kind].format(s=subject)
    thing = _en_thing(subject)
    if re.search(r"(?i)\b(?:bills?|billing|invoices?)$", thing):
        if len(_bare(thing).split()) < 2:
            return None
        return _EN_KIND_FRAMES["bill"].format(s=thing)
    return _EN_KIND_FRAMES["price"].format(s=thing)


def en_kind(subject: str) -> str:
    """``terms``, ``limit``, ``price``, ``process``, ``incident``, ``people`` or ``tool``, by
    the head noun ("your quota on GPU instances": a limit)."""
    head = re.split(r"\s+(?:on|for|of|in|with)\s+", subject)[0]
    return next((kind for kind, pattern in _EN_KINDS if pattern.search(head)), "tool")


#: a head a subject may only modify: the page, the sync, the team is what the question is about
_EN_HEAD_AFTER = re.compile(
    r"(?:pages?|site|website|homepage|landing|sync|syncing|ui|ux|layout|screens?|"
    r"teams?|staff|dashboards?|idea|concept|experience|demo|deck|newsletter|emails?)\b",
    re.IGNORECASE,
)
#: a system that runs all the time: nobody "last used" Kafka (ours is used, as a service)
_EN_ALWAYS_ON = re.compile(
    r"(?i)\b(?:kafka|redis|postgres(?:ql)?|mysql|kubernetes|k8s|elasticsearch|mongodb|"
    r"clusters?|databases?|network|networking)$"
)
_EN_USE = re.compile(r"\bused\s+\{s\}|\bdid\s+with\s+\{s\}|\bused\s+\{b\}")

# --- the need behind a product they do not have ------------------------------------------
# A hypothetical (or a leading "you'd want ...") asks about our product; the rewrite asks what
# they did the last time they had the job that product would do. No job named, no rewrite.
_EN_JOBS = (
    (r"\bgraph\s+(?:database|db|store)", "query relationships across its data"),
    (r"\bvector\s+(?:database|db|search|store)", "search its documents by meaning"),
    (
        r"\balert(?:ing|s)?\s+(?:app|tool)|\bmobile\s+alert|\bpaging\s+(?:app|tool)",
        "get an alert to {aud}",
    ),
    (r"\bspark\b|\bbatch\s+(?:jobs?|processing)", "run a large batch job"),
    (r"\bairflow\b|\bworkflow\s+(?:scheduler|orchestrat\w*)", "schedule a data pipeline"),
    (r"\bterraform\b|\binfrastructure\s+as\s+code", "set up infrastructure from code"),
    (r"\bedge\s+functions?", "run code close to its users"),
    (r"\bbackup\s+(?:tool|service|product|solution)", "restore data from a backup"),
    (r"\bkafka\b|\bmessage\s+queue", "move events between its services"),
    (r"\bdata\s+catalog(?:ue)?", "find out where a dataset came from"),
    (r"\blog\s+(?:search|analytics)", "search its logs during an incident"),
    (r"\biceberg\b|\blakehouse\b", "query the same tables from more than one engine"),
    (r"\bcost\s+(?:dashboard|report|explorer)", "explain a jump in its cloud bill"),
    (
        r"\bdata\s+cent(?:er|re)\s+in\s+([A-Z][a-z]+)|\bregion\s+in\s+([A-Z][a-z]+)",
        "serve users near {place}",
    ),
)
_EN_AUDIENCE = re.compile(
    r"\bfor\s+((?:your|the)\s+)?((?:[a-z-]+\s+){0,2}"
    r"(?:managers?|teams?|engineers?|staff|workers?|operators?|"
    r"supervisors?|nurses?|drivers?|technicians?))\b"
)
_EN_WANT = re.compile(r"(?i)\b(?:wants?|needs?|wish|love|like)\b|'d\s+(?:want|love|like|prefer)")


def _en_job(text: str) -> str | None:
    """The job behind the product ``text`` asks about: "query relationships across its data"
    for a graph database; ``None`` when it can't be named."""
    for pattern, job in _EN_JOBS:
        found = re.search(pattern, text, flags=0 if "{place}" in job else re.IGNORECASE)
        if not found:
            continue
        if "{place}" in job:
            if re.search(
                r"(?i)\b(?:move|moving|put|putting|migrate|bring|host)\s+"
                r"(?:all\s+(?:of\s+)?)?(?:your|the|their)\b",
                text,
            ):
                return None  # their system's data moved to us: another need than nearby users
            return job.format(place=next(g for g in found.groups() if g))
        if "{aud}" in job:
            audience = _EN_AUDIENCE.search(text)
            if not audience:
                return job.format(aud="the right person")
            return job.format(aud=(audience.group(1) or "your ") + audience.group(2))
        return job
    return None


#: a system they run themselves, offered to them as a managed one: the need is running it
_EN_MANAGED = re.compile(
    r"(?i)\b(?:managed|hosted|fully\s+managed)\s+(kafka|redis|postgres(?:ql)?|mysql|"
    r"elasticsearch|mongodb|kubernetes|k8s|clickhouse|rabbitmq)\b"
)
_ZH_MANAGED = re.compile(
    r"托管(?:版|的)?的?\s*(Kafka|Redis|MySQL|PostgreSQL|Postgres|Elasticsearch|ES|MongoDB|"
    r"K8s|Kubernetes|ClickHouse|RabbitMQ)",
    re.IGNORECASE,
)


def _en_need(text: str, leading: bool = False) -> str | None:
    managed = _EN_MANAGED.search(text)
    if managed:
        name = re.search(managed.group(1), text, re.I)
        return (
            f"How many hours did your team spend running {name.group() if name else ''} last month?"
        )
    job = _en_job(text)
    if not job:
        return None
    if leading:
        return f"How did your team {job} the last time it had to?"
    return f"The last time your team needed to {job}, what did it do?"


#: what a frame may be filled with: a word a template already ends the subject with is not
#: said twice ("support ticket ticket", "安全事件事件"), a backup is not restored from itself
_SUFFIXES = ("incidents", "ticket", "工单", "事件")


def _fill(template: str, values: dict[str, str]) -> str:
    bare = values.get("b", "")
    for suffix in _SUFFIXES:
        for joined in ("{b} " + suffix, "{b}" + suffix):
            if joined in template and bare.lower().rstrip("s").endswith(suffix.rstrip("s")):
                template = template.replace(joined, "{b}")
                if not suffix.endswith("s") and bare.endswith(suffix + "s"):
                    values = {**values, "b": bare[:-1]}  # "your last support ticket"
    if ("恢复{b}" in template and "备份" in bare) or (
        "restore of {s}" in template and re.search(r"(?i)backup|restore", bare)
    ):
        template = template.replace("恢复{b}", "恢复数据").replace(
            "restore of {s}",
            "restore from {s}" if re.search(r"(?i)backups?$", bare) else "restore from backup",
        )
    return template.format(**values)


#: what a question is really about when it names one of these: an approval, a reconciliation,
#: a forecast, a renewal, an audit. A rewrite about the noun it also names ("the console",
#: "invoices") would ask about something else, so the subject must say the topic itself.
_EN_TOPIC = re.compile(
    r"(?i)\b(?:approv\w*|sign(?:s|ed)?\s+off|procure\w*|reconcil\w*|"
    r"predict\w*|unpredict\w*|forecast\w*|renew\w*|complian\w*|"
    r"reviews?|consolidat\w*)"
)
#: the work that would run faster, as the question names it ("training jobs", "builds")
_EN_JOB_NOUN = re.compile(
    r"(?i)\b((?:training|batch|build|etl|inference|render(?:ing)?|"
    r"data|analytics|test|ci)\s+jobs?|builds|queries|test\s+suites?)\b"
)


def _en_off_topic(text: str, subject: str | None) -> bool:
    """True when the question's topic (an approval, a renewal...) is not its subject."""
    topic = _EN_TOPIC.search(text)
    if not topic:
        return False
    stem = topic.group().lower()[:5]
    return not subject or stem not in subject.lower()


def _en_price_thing(subject: str) -> str | None:
    """What a price is paid for: "egress fees" -> "egress", "prices on storage" -> "storage";
    ``None`` when the subject is a price of nothing named ("the invoices", "your bill")."""
    thing = _en_thing(subject)
    if thing != subject:
        return thing
    words = _bare(subject).split()
    if len(words) > 1 and en_kind(words[-1]) == "price":
        return " ".join(words[:-1])
    return None


#: the question says they chose, use, pay for or renew the rival: an evaluation to recall
_EN_CHOSE = re.compile(
    r"(?i)\b(?:cho(?:se|ose|osing)|picked|pick|went\s+with|go(?:ing)?\s+with|selected|"
    r"select|switch\w*|renew\w*|moved?\s+to|migrat\w+\s+to|paying|pay|use[sd]?|using|"
    r"signed|stay\w*\s+with|still\s+on)\b"
)
#: the same in Chinese (选了, 在用, 续, 换成…)
_ZH_CHOSE = re.compile(r"选|用(?:了|的|他们|它)|在用|换成|换到|迁到|迁去|签了|续|付钱|花钱")


def _english(code: str, text: str) -> str | None:
    plain = text.lower().replace("\u2019", "'")
    if code != "competitor-confront" and _en_off_topic(text, _english_subject_of(code, text)):
        return None  # "would finance approve faster": about an approval, not the console
    if code == "competitor-confront":
        rival = _EN_RIVAL_NAME.search(text)
        area = rival and (
            re.search(
                r"(?i)\b(?:put|puts|run|runs|host|hosts|moved?|keep|keeps)\s+(?:all\s+(?:of\s+)?)?"
                r"((?:your|the|their)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:on|to|with|at|onto)\s+"
                + re.escape(rival.group()),
                text,
            )
            or re.search(
                r"(?i)\b(?:chose|choose|picked|pick|went\s+with|use|using)\s+"
                + re.escape(rival.group())
                + r"\s+for\s+([\w-]+(?:\s+[\w-]+)?)"
                r"(?=\s+(?:over|instead|rather|and)\b|\s*[,?]|$)",
                text,
            )
        )
        chosen_for = rival and re.search(
            r"(?i)\b(?:chose|choose|picked|pick|went\s+with|go\s+with|going\s+with|"
            r"selected|select)\s+" + re.escape(rival.group()) + r"\s+(?:over|instead\s+of|"
            r"rather\s+than)\s+(?:us|ours|our\s+[\w-]+)\s+for\s+((?:the\s+)?[\w-]+"
            r"(?:\s+[\w-]+)?)\s*[?,.]",
            text,
        )
        doing = rival and re.search(
            re.escape(rival.group()) + r"\s+(?:still\s+)?(handling|serving|hosting|running|"
            r"monitoring|storing|delivering|processing)\s+((?:your|the)\s+[\w-]+"
            r"(?:\s+[\w-]+)?)\s+(?:instead|rather|over|and|when|while)\b",
            text,
        )
        if rival and chosen_for and _en_well_formed(chosen_for.group(1)):
            # "choose IBM over us for the mainframe offload": the area the rival won stays
            return (
                f"When your team chose {rival.group()} for {chosen_for.group(1)}, "
                "which criteria weighed most?"
            )
        if rival and doing and _en_well_formed(doing.group(2)):
            verb = {"handling": "handle", "serving": "serve", "hosting": "host", "running": "run"}
            base = verb.get(doing.group(1), doing.group(1)[:-3])
            return (
                f"When your team chose {rival.group()} to {base} {doing.group(2)}, "
                "which criteria weighed most?"
            )
        if (
            rival
            and re.search(
                re.escape(rival.group()) + r"\b[^?]{0,40}\b(?:for|with|handling|serving|hosting|"
                r"running|monitoring)\s+(?!us\b|ours?\b|we\b|other\b)(?:the\s+|your\s+|their\s+|"
                r"its\s+)?[a-z]",
                text,
            )
            and not (area and _en_well_formed(area.group(1)))
        ):
            return None  # an area the rival won that no frame keeps: "evaluated IBM" drops it
        if rival and area and _en_well_formed(area.group(1)):
            # "put your DNS on Cloudflare": they chose it for that area, which stays named
            said = re.sub(r"(?i)^(?:the|their)\s+", "", area.group(1))
            return f"When your team chose {rival.group()} for {said}, which criteria weighed most?"
        if not _EN_CHOSE.search(text):
            return None  # "what does AWS give you", "are you aware…": no evaluation to recall
        named = _en_well_formed(english_subject(text))
        if named and not _EN_PEOPLE_HEAD.search(named) and not _EN_EVENT.search(named):
            kind = _en_acronym_singular(_bare(named))
            if rival:
                return (
                    f"When your team last compared {rival.group()} with other {kind} "
                    "vendors, which criteria weighed most?"
                )
            return f"When your team last compared {kind} vendors, which criteria weighed most?"
        if rival:
            return f"When your team last evaluated {rival.group()}, which criteria weighed most?"
        return None
    if code in ("vague", "opinion-fishing"):
        trouble = re.search(
            r"(?i)\b(?:challenges?|issues?|problems?|pain\s+points?|struggles?|headaches?)\s+"
            r"(?:you\s+(?:have|face|see)\s+)?(?:with|in|around)\s+((?:the|your|our)\s+"
            r"[\w-]+(?:\s+[\w-]+){0,2}?)(?=\s+(?:right|these|today|now|lately|at)\b|\s*[?,.]|$)",
            text,
        )
        if trouble and _en_well_formed(trouble.group(1)):
            what = re.sub(r"^(?:The|Your|Our)\b", lambda m: m.group().lower(), trouble.group(1))
            return f"Which problem with {what} took most of your team's time last month?"
        if re.search(r"(?i)\b(?:challenges?|issues?|problems?|pain\s+points?|struggles?)\b", text):
            named = _en_well_formed(english_subject(text))
            if not named or re.search(r"(?i)challenge|issue|problem|pain|struggle", named):
                return None  # "the main issues": a problem with what?
    if code in ("vague", "opinion-fishing", "leading"):
        place = english_phrase(text)
        if (
            place
            and _EN_PLACE.search(place)
            and _en_well_formed(place)
            and not re.search(r"(?i)\bdata\s+warehouses?$", place)
        ):
            return f"Walk me through the busiest day at {place} last month."
    if code == "obvious-answer" and re.search(r"\b(?:if|suppose|imagine)\b", plain):
        code = "hypothetical"  # "would you switch if it were cheaper": a future, not a want
    if code == "leading" and _EN_WANT.search(text) and not re.search(r"(?i)\bauditors?\b", text):
        return _en_need(text, leading=True)  # "you'd want an alerting app": the need
    subject = _english_subject_of(code, text)
    if code == "hypothetical" and not (
        subject
        and re.search(
            r"\bhow\s+much\b|\b(?:pay|spend|budget|price|priced|per\s+month|per\s+year|"
            r"discounts?|commit\w*|faster|quicker|twice\s+as\s+fast|speed|slow)\b",
            plain,
        )
    ):
        return _en_need(text)
    if not subject:
        return None
    subject = re.sub(r"^(?:The|Your|Our|Their)\b", lambda m: m.group().lower(), subject)
    if _EN_HEAD_AFTER.search(text) and re.search(
        r"(?i)\b" + re.escape(_bare(subject)) + r"\s+(?:[\w-]+\s+)?" + _EN_HEAD_AFTER.pattern,
        text,
    ):
        return None  # "our object storage pricing page", "POS sync": about the page, the sync
    if code in ("opinion-fishing", "design-offload", "leading", "vague") and re.search(
        r"(?i)\b(?:a|an|idea\s+of)\s+(?:[\w-]+\s+){0,2}" + re.escape(_bare(subject)), text
    ):
        return None  # "the idea of a single console": a thing they don't have, not "the console"
    if code == "design-offload" and re.search(
        r"(?i)\b" + re.escape(_bare(subject)) + r"(?:\s+[\w-]+)?\s+(?:for|of|on|about)\s+[\w-]",
        text,
    ):
        return None  # "the alerting rules for Kafka consumer lag": "the alerting" loses what for
    if code == "design-offload" and re.search(r"(?i)\b(?:dashboards?|reports?|pages?)$", subject):
        return None  # a dashboard still to be designed has no last review nor last use
    pointed = re.search(
        r"(?i)\b(?:the|your)\s+(?:(?:last|latest|previous|most\s+recent)\s+)?"
        + re.escape(_bare(subject)),
        text,
    )
    if code == "leading" and _EN_EVENT.search(subject) and pointed:
        # an event the question itself points at ("your renewal", "the last outage"), not one
        # it imagines ("automated failover"); one still to come is asked about as it went
        # last time
        if re.search(
            r"(?i)\b(?:slow\w*|hold\w*\s+\w+\s+back|block\w*|hurt\w*|headache|pain|biggest|worst)\b",
            text,
        ):
            return None  # "X is what's slowing your team down": a walk-through drops the blame
        if not re.search(r"(?i)\b(?:going\s+to|will|next|upcoming|coming)\b", text):
            event = pointed.group()
            return f"Walk me through {event[0].lower() + event[1:]}, step by step."
        partner = re.search(re.escape(_bare(subject)) + r"\s+with\s+([A-Z][\w-]+)", text)
        return (
            f"Walk me through your last {_bare(subject)}"
            f"{' with ' + partner.group(1) if partner else ''}, step by step."
        )
    if code == "opinion-fishing" and _EN_EVENT.search(subject):
        return f"Walk me through {subject}: which step took longest?"
    if code == "leading" and re.search(r"\bauditors?$", subject, re.IGNORECASE):
        asked = re.search(
            r"(?i)\b(?:require|requiring|demand|demanding|insist\s+on|ask\s+for|mandate)\s+"
            r"((?:[\w-]+\s+){0,3}?[\w-]+)(?=\s+(?:for|on|in|by|next|this|before|from)\b|\s*[,?])",
            text,
        )
        if asked:
            return f"What did {subject} say about {asked.group(1)} in your last audit?"
        if re.search(r"(?i)\b(?:require|demand|insist|mandate|ask\s+for)", text):
            return None  # what they will require is the question; "ask for" alone drops it
        return f"What did {subject} ask for in your last audit?"
    if code == "design-offload" and not re.match(r"(?i)(?:our|the)\b", subject):
        return None  # the frame asks about our product, not theirs
    if (
        code == "leading"
        and re.search(r"\b(?:automat\w*|manual\w*|by\s+hand)\b", plain)
        and not _EN_NOUN_ONLY.match(_bare(subject).lower())
    ):
        return None  # "which steps of your work": the failover or the renewal asked about is lost
    doing = re.search(
        r"(?i)\b(?!(?:being|having|doing|going|getting|making|saying|thinking|feeling|"
        r"something|nothing|anything|everything|thing|morning|evening|during|string|"
        r"ring|king|spring|bring|using|guessing|assuming|betting|wondering|hoping)\b)([a-z]+ing)\s+((?:your\s+|the\s+)?(?:own\s+)?)"
        + re.escape(_bare(subject))
        + r"\b",
        text,
    )
    if code == "leading" and doing and re.search(r"\b(?:time|hours|manual\w*|by\s+hand)\b", plain):
        # "rotating secrets by hand": the work itself, not "hours on secrets"
        return (
            f"How many hours did your team spend {doing.group(1).lower()} "
            f"{doing.group(2)}{_bare(subject)} last week?"
        )
    if code == "leading" and doing:
        return None  # "hates splitting the cloud bill": the splitting, not the bill's total
    bare = _bare(subject)
    if _EN_RIVAL_NAME.search(subject):
        return None  # a verdict on a rival is no subject of ours
    kind = en_kind(bare)
    if code in ("opinion-fishing", "leading", "design-offload") and kind in (
        "terms",
        "limit",
        "price",
        "process",
    ):
        if kind == "terms" or code == "design-offload":
            return None  # terms are agreed, not used; our price is ours to design
        if not (
            code == "leading"
            and kind == "price"
            and re.search(r"\b(?:expensive|costly|pricey|overpriced)\b", plain)
        ):
            if kind == "price" and re.search(r"(?i)\bpric\w*$", bare):
                modifier = " ".join(bare.split()[:-1])
                return f"What did your team pay for {modifier} last month?" if modifier else None
            return _en_kind_frame(kind, subject)
    for pattern, template in EN_FRAMES.get(code, ()):
        on_subject = pattern in (_EN_TOOL, _EN_RUNNABLE)
        if not pattern.search(bare if on_subject else plain):
            continue
        if (
            _EN_QUALITY.match(bare) or _EN_QUALITY.match(bare.split()[0])
        ) and "latency did" not in template:
            return None  # a quality is no thing that went down or cost money
        if code == "obvious-answer" and (
            subject != _en_thing(english_subject(text) or "")
            or ("go down" in template and _EN_EVENT.search(bare))
            or ("{b} incidents" in template and not bare.lower().endswith("incidents"))
        ):
            return None  # the frame needs the product noun the question names
        if "How many hours" in template and (
            re.search(r"(?i)\bhours\b", bare) or _EN_EVENT.search(bare)
        ):
            return None  # "hours on failover last week": an event is not worked on weekly
        last = bare.split()[-1].lower()
        if (
            " was {s}" in template
            and last.endswith("s")
            and not last.endswith("ss")
            and not _EN_MASS.match(last)
        ):
            return None  # "How fast was your alerts": a plural is no one thing with a speed
        if "restore" in template and not re.search(_EN_STORE, bare):
            return None  # data is restored, not "the last restore of the outage"
        if "{j}" in template:
            job = _EN_JOB_NOUN.search(text)
            if not job:
                return None  # faster at what? the question names no work that runs
            return template.format(
                j=re.sub(
                    r"(?i)(job)s$|(build)s$|(quer)ies$|(suite)s$",
                    lambda m: m.group(m.lastindex) + ("y" if m.lastindex == 3 else ""),
                    job.group(1),
                )
            )
        if re.search(r"spend on \{b\}|\{s\} cost your", template) and en_kind(bare) == "price":
            thing = _en_price_thing(subject)
            if not thing:
                return None  # "spend on invoice": a price is paid for something
            subject = bare = thing
        if _EN_USE.search(template):
            if _EN_ALWAYS_ON.search(bare) and not re.match(r"(?i)our\b", subject):
                return None  # "the last thing your team did with Kubernetes": it always runs
            kind = en_kind(bare)
            if kind == "terms" or (kind == "people" and code != "opinion-fishing"):
                return None  # terms are agreed, not used
            if kind in _EN_KIND_FRAMES:
                return _en_kind_frame(kind, subject)
            if kind == "incident":
                return None
        if "{c}" in template:
            bought = re.search(
                r"(?i)\b(?:support|storage|gpus?(?:\s+instances?)?|bandwidth|"
                r"egress|cdn|backups?|compute|instances)\b",
                bare,
            )
            if not bought:
                return None  # they do not pay for what we would offer yet
            word = bought.group()
            return template.format(c=word if word.isupper() or len(word) > 4 else word.upper())
        if "{m}" in template:
            modifier = " ".join(bare.split()[:-1])
            if not modifier:
                continue
            return template.format(m=modifier)
        if _EN_PEOPLE_HEAD.search(subject) and re.search(
            r"used|run|did with|go down|fast was", template
        ):
            if code == "opinion-fishing":
                return f"Walk me through the last ticket your team opened with {subject}."
            return None  # one works with a team; one does not run or use it
        if "How many hours" in template and (
            _EN_PEOPLE_HEAD.search(bare)
            or re.search(
                r"(?i)\b(?:agents|staff|nurses|clerks|operators|drivers|analysts|users|people|"
                r"employees|technicians|developers)$",
                bare,
            )
        ):
            return None  # "hours on call-centre agents": people are not worked on
        return _fill(
            template,
            {"s": subject, "b": bare, "a": _indefinite(subject), "u": _en_acronym_singular(bare)},
        )
    return None


# --- Chinese frames --------------------------------------------------------------------------
_ZH_TOOL = re.compile(
    r"(?:控制台|接口|API|api|SDK|sdk|看板|仪表盘|界面|调度|工具|命令行工具|"
    r"系统|目录|网络产品|Kafka|Redis|MySQL|CDN|cdn|K8s|k8s|数据库|对象存储|"
    r"存储|函数计算|边缘函数|日志服务|监控|平台|文档|网关)$"
)
ZH_FRAMES: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "obvious-answer": (
        (re.compile(r"备份|恢复"), "你们最近一次从备份恢复{b}，花了多长时间？"),
        (re.compile(r"安全事件|事故|漏洞|攻击|泄露"), "上个季度你们处理了几起{b}事件？"),
        (re.compile(r"工单|技术支持|售后|响应"), "你们最近一次提的{b}工单，多久得到了第一次回复？"),
        (re.compile(r"账单.*(?:少|低|降|省)|(?:少|低|降|省).*账单"), "上个月的{b}一共是多少钱？"),
        (
            re.compile(r"便宜|价格|成本|费用|省钱|降价|优惠|折扣|性价比|物美价廉|价钱"),
            "上个月你们在{b}上一共花了多少钱？",
        ),
        (re.compile(r"升级|迁移|发布|部署|扩容"), "你们上一次{b}花了多长时间？"),
        (re.compile(r"延迟|时延|卡顿|更快|速度|性能|QPS"), "上个月高峰时段，{b}的延迟大概是多少？"),
        (re.compile(r"稳定|可靠|故障|宕机|可用|停机|中断|掉线"), "上个季度{b}出过几次故障？"),
        (
            re.compile(r"省心|省事|轻松|效率|自动化|简单|方便|易用|好用"),
            "上个月你们团队在{b}上花了多少人天？",
        ),
    ),
    "design-offload": (
        (re.compile(r"看板|仪表盘|大盘|报表|指标"), "上次复盘{m}时，你们团队看的是哪几个数？"),
        (_ZH_TOOL, "你们团队上一次用{s}，是想完成什么事？"),
    ),
    "competitor-confront": (),
    "hypothetical": (
        (
            re.compile(r"多少钱|付多少|花多少|出多少|价位|价格|付费|每月|每年"),
            "去年你们在{c}上实际花了多少钱？",
        ),
        (re.compile(r"快一倍|更快|提速|速度|慢"), "上个月你们最慢的一次{j}跑了多久？"),
    ),
    "opinion-fishing": (
        (re.compile(r"问题|挑战|困难|痛点"), "上个月{b}上哪个问题最耗你们团队的时间？"),
        (re.compile(r"文档"), "你们团队最近一次查{s}，是想找什么？"),
        (
            re.compile(r"迁移|上线|割接|升级|续约|故障|事故|项目|发布"),
            "上次{b}的过程中，哪一步最费时间？",
        ),
        (
            re.compile(r"技术支持|售后|支持团队|客户经理|工单"),
            "能讲讲你们最近一次找{s}解决问题的经过吗？",
        ),
        (_ZH_TOOL, "你们团队最近一次用{s}做的是什么事？"),
    ),
    "leading": (
        (re.compile(r"时间|手工|人工|加班|人力"), "上周你们团队在{b}上花了多少小时？"),
        (re.compile(r"(?<!可)贵(?![司方公])|成本|花钱|费用"), "上个月{b}一共花了多少钱？"),
        (re.compile(r"风险|不安全|不稳定|不可靠|危险"), "过去一年，{b}出过几次问题？"),
        (re.compile(r"审计"), "上一次审计时，审计方提了哪些要求？"),
        (re.compile(r"难用|麻烦|复杂|不好用|混乱|看不懂"), "能讲讲你们团队最近一次用{b}的经过吗？"),
    ),
    "vague": (
        (re.compile(r"问题|挑战|困难|痛点|难处|困扰"), "上个月{b}方面哪个问题最耗你们团队的时间？"),
    ),
}
#: what a Chinese question is really about when it names one of these (see _EN_TOPIC)
_ZH_TOPIC = re.compile(r"审批|签字|采购|对账|预测|续约|合规|评审|整合|会批|批吗|批不批|批下来")
#: the work that would run faster, as the question names it ("训练任务")
_ZH_JOB_NOUN = re.compile(
    r"(?:训练|批处理|构建|推理|ETL|渲染|数据处理|跑批|分析|测试)"
    r"(?:任务|作业)|训练|构建|跑批"
)
#: what holds data, so that it can be restored from a backup
_ZH_STORE = re.compile(
    r"(?:备份|数据库|存储|集群|数据|MySQL|Redis|Kafka|实例|云主机|服务器|磁盘|"
    r"文件|数据仓库|数仓)$"
)
_ZH_PLACE = re.compile(r"(?:工厂|门店|仓库|机房|数据中心|产线|车间|医院|网点|工地|矿山|实验室)$")
_ZH_PEOPLE = re.compile(r"(?:技术支持|售后|支持团队|客户经理|团队|工程师|审计)$")


_ZH_ALWAYS_ON = re.compile(
    r"(?:Kafka|Redis|MySQL|PostgreSQL|K8s|Kubernetes|Elasticsearch|MongoDB|集群|数据库|网络)$",
    re.IGNORECASE,
)
#: a head a Chinese subject only modifies: "对象存储的定价页面" is about the page
_ZH_HEAD_AFTER = r"\s*的?\s*[\u4e00-\u9fff]{0,4}?(?:页面|官网|网站|大盘|看板|仪表盘|文案|界面)"


def _zh_spaced(template: str, values: dict[str, str], text: str) -> str:
    """``template`` filled in, with a space between Chinese and Latin where the question
    itself puts one ("评估 Azure 时")."""
    spaced = bool(re.search(r"[\u4e00-\u9fff] [A-Za-z0-9]|[A-Za-z0-9] [\u4e00-\u9fff]", text))
    out = template
    for key, value in values.items():
        out = out.replace("{" + key + "}", f"\0{value}\0")
    if spaced:
        out = re.sub(r"(?<=[\u4e00-\u9fff])\0?(?=[A-Za-z0-9])", " ", out)
        out = re.sub(r"(?<=[A-Za-z0-9])\0?(?=[\u4e00-\u9fff])", " ", out)
    return out.replace("\0", "")


_ZH_KIND_TAIL = re.compile(r"\s*(?:方案|产品|服务|平台)$")

# --- the kind of thing a Chinese subject is (see _EN_KINDS) -----------------------------------
_ZH_KINDS = (
    ("terms", re.compile(r"(?:政策|条款|合同|协议|规则|SLA|sla|套餐|许可|授权)$")),
    ("limit", re.compile(r"(?:限流|配额|限额|上限)$")),
    ("price", re.compile(r"(?:定价|价格|报价|费用?|账单|计费|折扣|成本|价钱)$")),
    ("process", re.compile(r"流程$")),
    ("incident", re.compile(r"(?:故障|事故|宕机|安全事件)$")),
    ("people", _ZH_PEOPLE),
)


def zh_kind(subject: str) -> str:
    """``terms``, ``limit``, ``price``, ``process``, ``incident``, ``people`` or ``tool``."""
    return next((kind for kind, pattern in _ZH_KINDS if pattern.search(subject)), "tool")


def _zh_kind_frame(kind: str, subject: str, bare: str) -> str | None:
    if kind == "limit":
        limit = subject if re.search(r"限流|上限", subject) else subject + "上限"
        return f"上次触发{limit}时，你们团队是怎么处理的？"
    if kind == "price":
        thing = re.sub(r"\s*(?:的)?(?:定价|价格|报价|计费|价钱)$", "", bare)
        if not thing or (thing == bare and not re.search(r"费$|账单$", bare)):
            return None
        if re.search(r"账单$", bare):
            return f"上个月的{bare}一共是多少钱？"
        return f"上个月的账单里，{thing}花了多少钱？"
    if kind == "process":
        return f"上次走{bare}时，哪一步最费时间？"
    return None


# --- the need behind a product they do not have (see _EN_JOBS) ------------------------------
_ZH_JOBS = (
    (r"图数据库", "查询数据之间的关联关系"),
    (r"向量数据库|向量检索", "按语义检索文档"),
    (r"告警\s*(?:App|APP|app|应用|工具)|手机告警", "把告警及时送到{aud}手上"),
    (r"Spark|批处理", "跑大批量的数据处理作业"),
    (r"Airflow|工作流调度", "调度数据管道"),
    (r"Terraform|基础设施即代码", "用代码批量创建基础设施"),
    (r"边缘函数", "在离用户近的地方跑代码"),
    (r"备份工具|备份服务|备份产品|备份方案", "从备份里恢复数据"),
    (r"Kafka|消息队列", "在服务之间传递消息"),
    (r"数据目录", "查清一份数据是从哪来的"),
    (r"日志检索|日志搜索|日志分析", "在故障排查中检索日志"),
    (r"Iceberg|湖仓", "让几个查询引擎读同一批表"),
    (r"成本看板|成本报表|成本分析", "解释云账单为什么突然涨了"),
    (
        r"在([\u4e00-\u9fff]{2,4}?)(?:有|开|建|建了|开了)?(?:机房|数据中心|可用区|节点|地域)",
        "服务{place}一带的用户",
    ),
)
#: a system or its data put on a cloud ("把 MES 的数据放在阿里云上", "搬上来")
_ZH_PUT = r"(?:放在|放到|部署在|部署到|迁到|迁去|迁上|迁过来|搬到|搬去|搬上|搬过来|托管在|跑在)"
_ZH_AUDIENCE = re.compile(
    r"给([\u4e00-\u9fff]{2,6}?)(?:用|看)|(值班团队|值班同学|运维团队|"
    r"车间主任|店长|门店|一线员工|现场人员)"
)
_ZH_WANT = re.compile(r"想要|需要|希望有|肯定要|缺一个|缺个|要是有")


def _zh_need(text: str, leading: bool = False) -> str | None:
    """ "上次你们需要查询数据之间的关联关系时，是怎么做的？" for a graph database; ``None``
    when the job behind the product can't be named."""
    managed = _ZH_MANAGED.search(text)
    if managed:
        return f"上个月你们团队在运维 {managed.group(1)} 上花了多少人天？"
    for pattern, job in _ZH_JOBS:
        found = re.search(pattern, text, re.IGNORECASE)
        if not found:
            continue
        if "{place}" in job:
            if re.search(rf"把[^，,？?]{{1,24}}?{_ZH_PUT}|{_ZH_PUT}[^，,？?]{{0,4}}我们", text):
                return None  # "把会员系统的数据放到我们云上": not about nearby users (see _en_job)
            if re.search(r"你们|我们|自己|贵司|您", found.group(1)):
                return None  # "在你们自己机房里": their own room is no place users are near
            job = job.format(place=found.group(1))
        elif "{aud}" in job:
            audience = _ZH_AUDIENCE.search(text)
            job = job.format(
                aud=next((g for g in audience.groups() if g), "") if audience else "负责的人"
            )
        return f"你们上一次{job}，是怎么做的？" if leading else f"上次你们需要{job}时，是怎么做的？"
    return None


#: a product kind a vendor is chosen for ("CDN", "对象存储"), not a vendor's name ("Datadog")
#: nor a price ("报价")
_ZH_PRODUCT_KIND = re.compile(
    r"^(?:CDN|GPU|API|SDK|K8s|Kubernetes|AI|IoT|MES|ERP|CRM|POS|大模型|对象存储|块存储|文件存储|"
    r"存储|数据库|监控|日志服务|日志|云主机|服务器|带宽|专线|容器|镜像|数据仓库|数仓|数据湖|"
    r"推理|训练|消息队列|负载均衡|防火墙|加速|直播|转码|备份|容灾|灾备|边缘节点|函数计算|"
    r"GPU\s?(?:实例|服务器|算力)|(?:GPU|CDN|AI)\s?\S{1,4})$",
    re.IGNORECASE,
)
#: a Latin word that is no vendor: a product kind or a job title
_ZH_NOT_VENDOR = re.compile(
    r"^(?:GB|TB|MB|PB|QPS|TPS|CDN|GPU|API|SDK|K8s|Kubernetes|AI|IoT|"
    r"MES|ERP|CRM|POS|SLA|IT|"
    r"CIO|CTO|CEO|CFO|COO|VP|PM|HR|OK|App|APP|Kafka|Redis|MySQL|"
    r"PostgreSQL|Spark|Airflow|Iceberg|Terraform)$",
    re.IGNORECASE,
)


def _zh_vendor(text: str, rival_name: str) -> str:
    """A vendor the question names: a known rival, else a Latin name that is no product kind
    ("Datadog", "IBM")."""
    if rival_name:
        return rival_name
    words: list[str] = re.findall(r"[A-Za-z][A-Za-z0-9.+-]*(?: [A-Z][A-Za-z0-9.+-]*)*", text)
    for word in words:
        if len(word) > 1 and not _ZH_NOT_VENDOR.match(word.split()[0]):
            return word
    return ""


#: what may stand before a Chinese subject without being part of it: "结算接口" is not "接口"
_ZH_BOUNDARY = re.compile(
    r"[的们在对用把让给是和与及、个些款套次种上里中从到跟于"
    r"望要意想有少多更新老旧云年月天周季，,？?。！!：:\s]|^$"
)
#: a verb or a noun just before the subject leaves it whole: "处理工单", "数据备份"
_ZH_BEFORE_OK = re.compile(
    rf"(?:处理|管理|维护|使用|调用|部署|运维|升级|迁移|排查|提|查|看|"
    rf"开|建|迁|换|选|买|付|交|跑|管|修|配|做|数据|{_ZH_NOUN})$"
)


def _zh_whole(subject: str | None, text: str) -> str | None:
    """``subject`` when the question does not say it with a modifier before it: "接口" in
    "结算接口" would make the question about every interface."""
    if not subject:
        return None
    at = text.find(subject)
    before = text[at - 1] if at > 0 else ""
    if (
        re.fullmatch(r"[\u4e00-\u9fff]", before)
        and not _ZH_BOUNDARY.match(before)
        and not _ZH_BEFORE_OK.search(text[:at])
    ):
        return None
    return subject


def _chinese(code: str, text: str) -> str | None:
    named = _zh_whole(_zh_well_formed(chinese_subject(text)), text)
    if code == "competitor-confront":
        rival = _ZH_RIVAL.search(text)
        rival_name = _zh_vendor(
            text, rival.group() if rival and rival.group() not in ("友商", "竞品") else ""
        )
        others = [m.group().strip() for m in _ZH_SUBJECT.finditer(text)]
        others = [
            _ZH_KIND_TAIL.sub("", m)
            for m in others
            if m != rival_name
            and m not in _ZH_GENERIC
            and _zh_well_formed(m)
            and not (m.isascii() and (len(m) < 2 or _ZH_TITLE.match(m)))
        ]
        kind = next((m for m in others if m and _ZH_PRODUCT_KIND.match(m)), "")
        placed = rival_name and re.search(
            r"(?:把|你们的|贵司的?)\s*([A-Za-z0-9\u4e00-\u9fff ]{1,12}?)\s*(?:为什么|为啥)?"
            rf"(?:都|也|全|全部)?{_ZH_PUT}\s*{re.escape(rival_name)}",
            text,
        )
        if placed and not _ZH_VERBISH.search(placed.group(1).replace("数据", "")):
            # "为什么把 MES 的数据放在阿里云上": a system placed, not a vendor of its kind
            return _zh_spaced(
                "当初把{x}放到{r}上时，你们最看重哪几点？",
                {"x": placed.group(1).strip(), "r": rival_name},
                text,
            )
        made = rival_name and re.search(
            r"(?:选了?|让|用了?)\s*" + re.escape(rival_name) + r"\s*来?做\s*([^，,？?。]{2,10}?)"
            r"(?:[，,？?。]|而|却|，)",
            text,
        )
        if made and _ZH_HEAD.search(made.group(1).strip()):
            # "选了 Azure 做会员系统": the thing the rival was chosen for stays named
            return _zh_spaced(
                "当初选{r}做{x}时，你们最看重哪几点？",
                {"r": rival_name, "x": made.group(1).strip()},
                text,
            )
        if re.search(r"把[^，,？?]{1,24}?(?:" + _ZH_PUT + "|交给)", text) or (
            rival_name and re.search(re.escape(rival_name) + r"\s*来?(?:托管|承载|负责|运营)", text)
        ):
            return None  # a system or its data moved: "上次评估 ERP 供应商" asks another thing
        if rival_name and kind:
            if not _ZH_CHOSE.search(text):
                return None  # no comparison they made is named: none to recall
            return _zh_spaced(
                "当初选{r}做{k}时，你们最看重哪几点？", {"r": rival_name, "k": kind}, text
            )
        if not _ZH_CHOSE.search(text):
            return None  # "腾讯云那边到底有什么是我们给不了的": no evaluation to recall
        if kind:
            return _zh_spaced("上次评估{k}供应商时，你们最看重哪几点？", {"k": kind}, text)
        if rival_name:
            known = rival is not None and rival.group() == rival_name
            return _zh_spaced(
                "上次评估{r}时，你们最看重哪几点？"
                if known
                else "上次评估{r}的方案时，你们最看重哪几点？",
                {"r": rival_name},
                text,
            )
        return None
    topic = _ZH_TOPIC.search(text)
    if topic and topic.group() not in (named or chinese_phrase(text) or ""):
        return None  # "财务审批会更快吗": about an approval, not the console (see _EN_TOPIC)
    if code == "obvious-answer" and re.search(r"如果|要是|假如|假设|倘若|的话", text):
        code = "hypothetical"  # "要是再便宜一点，会换过来吗": a future, not a want
    if code == "hypothetical" or (
        code == "leading" and _ZH_WANT.search(text) and not re.search("审计", text)
    ):
        money = re.search(
            r"多少钱|付多少|花多少|出多少|价位|价格|付费|每月|每年|折扣|承诺|"
            r"快一倍|更快|提速|速度|慢",
            text,
        )
        if code == "leading" or not money:
            need = _zh_need(text, leading=code == "leading")
            return _zh_spaced(need, {}, text) if need else None
    phrase = _zh_well_formed(chinese_phrase(text))
    if code in ("vague", "opinion-fishing", "leading") and phrase and _ZH_PLACE.search(phrase):
        return _zh_spaced("讲讲你们{p}上个月最忙的一天是怎么过的？", {"p": phrase}, text)
    subject = named or phrase
    if named and phrase and phrase != named and phrase.endswith(named):
        subject = phrase  # "我们的开放接口", not "接口"
    if (
        named
        and subject == named
        and re.search(r"我们的\s*(?:托管的?\s*)?" + re.escape(named), text)
    ):
        subject = "我们的" + named  # ours, said as ours: "我们的命令行工具"
    if code == "hypothetical":
        offer = re.search(r"(?:如果|要是|假如|假设|倘若|若是?)(?:我们|我司)[^，,？?]*", text)
        if offer:
            subject = _zh_well_formed(chinese_subject(offer.group())) or subject
    if not subject:
        return None
    if re.search(re.escape(re.sub(r"^我们的", "", subject)) + _ZH_HEAD_AFTER, text):
        return None  # about the page or the dashboard, not what it shows
    if code == "design-offload" and (
        (subject == phrase and not subject.startswith("我们"))
        or re.fullmatch(r"预算|成本|费用|价格", subject)
    ):
        return None  # the frame asks about our product, not theirs or their budget
    topic_clause = re.match(r"^([^，,？?]{2,16})[，,]", text)
    if (
        code == "design-offload"
        and topic_clause
        and subject not in topic_clause.group(1)
        and not _ZH_VERBISH.search(topic_clause.group(1))
        and not re.search(r"您|你们|我们", topic_clause.group(1))
    ):
        return None  # "跨境支付的状态查询，…哪些接口": "接口" alone loses what it is for
    bare = re.sub(r"^(?:托管的?|我们的?|新的?)\s*", "", subject) or subject
    if bare in _ZH_GENERIC or bare in ("业务", "公司", "团队"):
        return None  # "我们的服务": too broad to ask about one use of it
    if _ZH_RIVAL.search(subject):
        return None
    kind = zh_kind(bare)
    if code in ("opinion-fishing", "leading", "design-offload") and kind in (
        "terms",
        "limit",
        "price",
        "process",
    ):
        if kind == "terms" or code == "design-offload":
            return None  # terms are agreed, not used; our price is ours to design
        dear = re.search(r"(?<!可)贵(?![司方公])", text)
        if not (code == "leading" and kind == "price" and dear):
            framed = _zh_kind_frame(kind, subject, bare)
            return _zh_spaced(framed, {}, text) if framed else None
    for pattern, template in ZH_FRAMES.get(code, ()):
        on_subject = pattern in (_ZH_TOOL,)
        if not pattern.search(bare if on_subject else text):
            continue
        values = {"s": subject, "b": bare}
        if "恢复{b}" in template and not _ZH_STORE.search(bare):
            return None  # data is restored from a backup, not "从备份恢复故障"
        if "{j}" in template:
            job = _ZH_JOB_NOUN.search(text)
            if not job:
                return None  # faster at what? the question names no work that runs
            values = {"j": job.group()}
        elif re.search(r"在\{b\}上一共花|\{b\}一共花", template) and zh_kind(bare) == "price":
            thing = re.sub(r"\s*的?(?:费用|费|价格|定价|报价|账单|成本|计费|价钱)$", "", bare)
            if not thing or thing == bare:
                return None  # "在账单上一共花了多少钱": a price is paid for something
            values = {"s": thing, "b": thing}
            bare = thing
        if "{c}" in template:
            bought = re.search(r"技术支持|存储|GPU|带宽|流量|CDN|备份|云主机|实例", bare)
            if not bought:
                return None  # they do not pay for what we would offer yet
            values = {"c": bought.group()}
        elif "{m}" in template:
            modifier = re.sub(r"\s*(?:看板|仪表盘|大盘|报表|指标)$", "", bare)
            if not modifier or modifier == bare:
                continue
            if _ZH_EVENT.search(modifier) or modifier.endswith("审计"):
                return None  # "上次复盘审计时": an audit is itself the event, not a figure
            values = {"m": modifier}
        elif "出过几次故障" in template and re.search(r"故障|宕机", bare):
            return None  # an outage does not go down
        elif _ZH_PEOPLE.search(subject) and re.search(r"用|部署|故障|延迟", template):
            return None  # one works with a team; one does not use or deploy it
        elif "用{" in template and kind != "tool":
            return None  # only a tool is used
        elif "用{" in template and _ZH_ALWAYS_ON.search(bare) and not subject.startswith("我们"):
            return None  # "最近一次用 K8s": it always runs (ours is used, as a service)
        elif "花了多少小时" in template and (
            _ZH_EVENT.search(bare) or re.search("故障|切换$|(?:系统|平台|服务|集群)$", bare)
        ):
            return None  # "上周在主从切换上花了多少小时": an event is not worked on weekly
        current = r"(?:这次|本次|这一次|目前的|正在进行的)[^，,？?]{0,6}?"
        if re.search(current + re.escape(bare), text):
            # an event still going on ("这次数据库迁移项目") is not the last one
            if not template.startswith("上次{b}的过程中"):
                return None
            template = template.replace("上次{b}的过程中", "这次{b}到目前为止")
        return _zh_spaced(_zh_template(template, bare), values, text)
    return None


def _zh_template(template: str, bare: str) -> str:
    """``template`` with a suffix the subject already ends in dropped (see ``_fill``)."""
    for suffix in _SUFFIXES:
        if "{b}" + suffix in template and bare.endswith(suffix):
            template = template.replace("{b}" + suffix, "{b}")
    if "恢复{b}" in template and "备份" in bare:
        template = template.replace("恢复{b}", "恢复数据")
    if bare.endswith("延迟"):
        template = template.replace("{b}的延迟", "{b}")
    return template


# --- double questions ------------------------------------------------------------------------
_EN_INTENT = re.compile(
    r"\b(?:cost|costs|spend|spent|budget|pay|paying|paid|lose|lost|why|"
    r"decide\w*|choose|chose|criteria|approv\w*|sign\s+off|how\s+did|"
    r"explain|how\s+often|how\s+many\s+times)\b"
)
_ZH_INTENT = re.compile(
    r"损失|花了|成本|预算|钱|费用|为什么|为何|决定|标准|审批|批准|怎么|如何|"
    r"多久.{0,4}一次|几次|多少次"
)


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


_EN_TIME = re.compile(
    r"\b(?:(?:last|this|next|each|every|per|a)\s+(?:week|month|quarter|year|"
    r"day|season)|in\s+20\d\d|so\s+far|since\s+\w+|yesterday|today)\b"
)
_ZH_TIME = re.compile(
    r"(?:上个?(?:月|季度|周|星期|赛季|财年)|上一?赛季|去年|今年|前年|过去一年|"
    r"这个季度|上次|上一次|最近一次)(?:\s?(?:双十一|双11|双十二|618|大促|春节|"
    r"黑五|年底|年终|旺季|高峰期?))?|每个?(?:月|年|周|天|季度)"
)
_EN_PRONOUN = re.compile(r"\b(?:it|they|them)\b")
_ZH_PRONOUN = re.compile(r"它们?|其")


def _en_own_subject(half: str) -> str | None:
    """The subject a half names itself; a bare budget or cost is none ("the budget": for
    what?)."""
    own = _en_well_formed(english_subject(half))
    money = own and re.fullmatch(r"(?i)budgets?|costs?|spend|prices?|fees", _bare(own))
    before = money and own and re.search(r"([\w']+)\s+" + re.escape(_bare(own)), half)
    if money and (
        not before
        or re.fullmatch(
            r"(?i)the|your|our|a|an|per|annual|monthly|yearly|total|overall|what's|is|"
            r"whats|that|this",
            before.group(1),
        )
    ):
        return None  # "the annual budget": for what? "the infrastructure budget" says
    return own


def _en_standing(half: str, other: str, *, substance: bool = False) -> str | None:
    """``half`` of a double question made to stand alone: its pronoun replaced by the other
    half's subject ("what does it cost" -> "what does the cluster cost"), the other half's time
    frame carried over; ``None`` when it can't name what it asks about. A ``substance`` half
    (the other only sets the scene) has had its "each" and "their" said in full already and
    may stand without a product noun ("How long does a rollback take?")."""
    if re.search(r"\b(?:its|their|those|that|these)\b", half, re.I) or (
        not substance
        and re.search(
            r"\beach\s+(?!(?:month|year|week|day|quarter|hour)\b)\w+|\bper\s+(?!(?:month|"
            r"year|week|day|quarter|hour|minute|second|request|gb|tb)\b)\w+",
            half,
            re.I,
        )
    ):
        return None  # "each region", "per player": each of what the dropped half counted
    pronouns = _EN_PRONOUN.findall(half.lower())
    if pronouns:
        anchored = re.search(
            rf"(?i)\b(?:the|your|our)\s+(?:last|latest|previous|most\s+recent)"
            rf"\s+(?:[\w-]+\s+){{0,2}}{_EN_NOUN}\b",
            other,
        )
        found = anchored.group() if anchored else _en_well_formed(english_subject(other))
        whole = english_phrase(other)
        if (
            not anchored
            and whole
            and found
            and _bare(found).lower() in whole.lower()
            and len(whole) > len(found)
        ):
            found = whole  # "the Elasticsearch cluster", never "your cluster" without its name
        if not found and whole and re.search(r"\b[A-Z][\w-]*[A-Z]?", whole[4:]):
            found = whole  # "the Jenkins server": a named system, though no product noun
        if len(pronouns) > 1 or not found:
            return None
        if found.lower() not in other.lower() or not re.match(
            r"(?i)(?:the|your|our|their)\b", found
        ):  # "Which database": your database
            found = "your " + _bare(found)
        plural = found.lower().endswith("s") and not _EN_MASS.match(found.split()[-1].lower())
        if plural != (pronouns[0] != "it"):
            return None
        half = _EN_PRONOUN.sub(lambda m: found, half, count=1)
    elif not (substance or _en_own_subject(half) or english_name(half)):
        return None  # "What do you pay per month?", "What's the budget?": for what?
    time = _EN_TIME.search(other)
    if time and not _EN_TIME.search(half):
        half = half.rstrip("?").rstrip() + " " + time.group() + "?"
    return half


_ZH_MONEY_ONLY = re.compile(r"预算|成本|费用|花费|开销|钱")
#: an event or a process: "发布多久失败一次", never "这个发布"
_ZH_EVENT = re.compile(r"(?:发布|迁移|故障|宕机|升级|扩容|续约|审计|割接|上线|部署|切换|恢复)$")


def _zh_standing(half: str, other: str) -> str | None:
    """The Chinese form of ``_en_standing``: "每个月花多少钱？" after "集群有多大" becomes
    "这个集群每个月花多少钱？"."""
    if re.search(
        r"各自|他们|这些|那些|每一?(?:个|家|位|台|张|款|条|套|名|块|户)?"
        r"(?!个?(?:月|年|周|天|季度|小时|分钟|秒|次|GB|TB|G\b|T\b))"
        r"(?:个|家|位|台|张|款|条|套|名|块|户)",
        half,
    ):
        return None  # "每个地区…", "每张卡…": each of what the dropped half counted
    own = _ZH_SUBJECT.search(half) or _ZH_HEAD.search(half.rstrip("？?"))
    money_first = False
    if (
        own
        and _ZH_MONEY_ONLY.fullmatch(own.group())
        and (own.start() == 0 or _ZH_BOUNDARY.match(half[own.start() - 1]))
    ):
        money_first = own.start() == 0
        own = None  # "一年的预算": the budget for what? ("基础设施预算" says it)
    if own and not _ZH_PRONOUN.search(half):
        found = None
    else:
        found = _zh_well_formed(chinese_subject(other)) or _zh_well_formed(chinese_phrase(other))
        if not found or re.fullmatch(r"安全|合规|性能|稳定性|质量|效率", found):
            return None  # "你们的安全": a quality is no thing that happens or costs
        whole = zh_phrase(other, found)
        if whole and whole != found and "的" in whole and len(whole) <= 14:
            found = whole  # "银行的代扣接口", never "接口" cut from it
    anchored = found and re.search(f"(?:{_ZH_TIME.pattern})(?:你们)?" + re.escape(found), other)
    if anchored and not _ZH_PRONOUN.search(half) and not _ZH_TIME.search(half):
        # the event with its time, as the other half says it: "上次故障" + "造成了多少损失",
        # "去年双十一你们扩容" + "花了多少钱" -> "去年双十一扩容花了多少钱"
        return re.sub(r"你们", "", anchored.group()) + re.sub(r"^你们", "", half)
    time = _ZH_TIME.search(other)
    if time and not _ZH_TIME.search(half):
        half = time.group() + half
    if found:
        if _ZH_PRONOUN.search(half):
            half = _ZH_PRONOUN.sub(found, half, count=1)
        else:
            body = re.sub(r"^你们", "", half)
            if money_first or (
                time
                and half.startswith(time.group())
                and _ZH_MONEY_ONLY.match(half[len(time.group()) :])
            ):
                body = re.sub(f"^{re.escape(time.group())}" if time else "^", "", body)
                lead = time.group() if time and half.startswith(time.group()) else ""
                half = lead + re.sub(r"^(?:我们|你们)的", "", found) + "的" + body
                return re.sub(
                    r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])|"
                    r"(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])",
                    " ",
                    half,
                )
            # "你们的集群", never "这个集群": the cluster "这个" points at is in the dropped half
            owner = (
                ""
                if found.startswith(("我们", "你们")) or _ZH_EVENT.search(found) or "的" in found
                else "你们的"
            )
            half = owner + found + body
        half = re.sub(
            r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])", " ", half
        )
    return half


# --- a double question whose first half only sets the scene -----------------------------------
# "How many stores do you operate, and how do their POS systems sync with headquarters?": the
# count, the size, the owner, the date or the look of something is the scene; the other half
# (the POS sync) is what the question is for, so the rewrite keeps it or there is none.
_EN_SCENE = re.compile(
    r"(?i)^(?:how\s+(?:many|big|large|old|long\s+(?:are|is))\b|who\b|"
    r"when\s+(?:was|were|did)\b|what\s+does\s+.{1,40}\blook\s+like\b|"
    r"which\s+(?:[\w-]+\s+){1,2}(?:do|does)\s+(?:you|the\s+[\w-]+)\s+"
    r"(?:serve|sell|operate|run|cover|have|work)\b|which\s+[\w-]+\s+(?:use|are)\b)"
)
_ZH_SCENE = re.compile(
    r"有多少|有几|多少(?:个|家|人|辆|台|位|名|张)|(?<!多)几(?:个|家|位|名|辆|台|张)|多大|规模|"
    r"是谁在(?:管|维护|运维|负责)|谁在(?:管|维护|运维)|谁负责|是什么时候|是怎样的|是什么样的?|在哪些|覆盖哪些|多久.{0,4}一次"
)
_EN_YES_NO = re.compile(
    r"(?i)^(?:are|is|do|does|did|would|will|can|could|should|have|has|was|were)\b"
)
_ZH_YES_NO = re.compile(r"[吗么]？$|满意|顺手|怎么样|好不好|觉得")
#: what a system is, so that "their ATMs" of the stores counted is "your ATMs"
_EN_SYSTEM_HEAD = re.compile(
    r"(?i)^(?:(?:[\w-]+\s+){0,2}(?:systems?|units?|gateways?|devices?|terminals?|apps?|"
    r"servers?|clusters?|databases?|networks?|sensors?|machines?|registers?|tills?|"
    r"kiosks?|routers?|pipelines?)|(?-i:[A-Z]{2,}s?))\b"
)
_EN_PEOPLE = re.compile(
    r"(?i)\b(?:the|your|our)\s+((?:[\w-]+\s+){0,2}(?:team|teams|engineers|developers|"
    r"admins|administrators|staff|operators|analysts|people|sres))\b"
)


def _en_singular(noun: str) -> str:
    if re.search(r"(?:ch|sh|x|ss)es$", noun):
        return noun[:-2]
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


#: what a thing does, not its owners: "how often do they fail" after "who owns the feeds"
_EN_THING_DOES = re.compile(
    r"(?i)\s+(?:fail|break|jam|crash|go\s+down|time\s+out|overrun|stall|lag|error\s+out|"
    r"get\s+stuck|drop|fall\s+behind|run\s+late)\b"
)


def _en_substance(half: str, scene: str) -> str | None:
    """The half a scene-setting ``scene`` leads to, made to stand alone: "their ATMs" -> "your
    ATMs", "in each" -> "in each market", "do they" -> "does your team", "it" after "when did
    the gateway last fail" -> "the last outage of the gateway"; ``None`` when it can't."""
    if re.search(r"(?i)\b(?:one|ones|those|these|that|its)\b", half.replace("each one", "each")):
        return None  # "if one goes down": one of what?
    counted = re.match(
        r"(?i)^(?:how\s+many|which)\s+([a-z-]+s)\b(?!\s+(?:do|does|did|is|are)\s+it\b)", scene
    )
    plural = counted.group(1) if counted else ""

    def each(match: re.Match[str]) -> str:
        return match.group(1) + " " + _en_singular(plural)

    bare_each = r"(?i)\b(each)(?:\s+one\b|\b(?!\s+[a-z]))"
    if re.search(bare_each, half):
        if not plural:
            return None
        half = re.sub(bare_each, each, half)
    for their in re.finditer(r"\btheir\s+", half):
        if not _EN_SYSTEM_HEAD.match(half[their.end() :]):
            return None  # "their fixes": whose?
    half = re.sub(r"\btheir\b", "your", half)
    if re.search(r"(?i)\bthem\b", half):
        if not plural:
            return None
        half = re.sub(r"(?i)\bthem\b", "your " + plural, half, count=1)
    they = re.search(r"(?i)\b(do|did)\s+they\b", half)
    owned = en_phrase(re.sub(r"(?i)^who\s+\w+(?:\s+after)?\s+", "the ", scene))
    if (
        they
        and re.match(r"(?i)who\b", scene)
        and owned
        and owned.kind not in ("people", "decision")
        and owned.head.lower().endswith("s")
        and _EN_THING_DOES.match(half[they.end() :])
    ):
        # "Who owns the EDI feeds with your 3PL partners, and how often do they fail?": the
        # feeds fail, not the team
        thing = re.sub(r"^the the\b", "the", owned.text)
        half = half[: they.start()] + they.group(1).lower() + " " + thing + half[they.end() :]
        they = None
    if they:
        people = _EN_PEOPLE.search(scene)
        who = (
            "your " + people.group(1)
            if people
            else "your team"
            if re.match(r"(?i)who\b", scene)
            else "your " + plural
            if plural
            else ""
        )
        if not who:
            return None
        verb = they.group(1).lower()
        if verb == "do" and not who.endswith("s"):
            verb = "does"
        half = half[: they.start()] + verb + " " + who + half[they.end() :]
    if re.search(r"(?i)\bthey\b", half):
        return None  # "they prefer": agreement with what they stand for is not guessed
    failed = re.match(
        r"(?i)when\s+did\s+((?:the|your)\s+[\w -]{2,30}?)\s+last\s+(?:fail|go\s+down|crash|"
        r"break)",
        scene,
    )
    if failed and re.search(r"\bit\b", half):
        half = re.sub(r"\bit\b", "the last outage of " + failed.group(1), half, count=1)
    had = re.match(
        r"(?i)when\s+did\s+you\s+last\s+have\s+(?:an?\s+)?([\w-]+(?:\s+[\w-]+)?)\W*$", scene
    )
    if had and re.search(r"\bit\b", half):
        half = re.sub(r"\bit\b", "your last " + had.group(1), half, count=1)
    return _en_standing(half, scene, substance=True)


def _zh_substance(half: str, scene: str) -> str | None:
    """The Chinese form of ``_en_substance``: "支付网关上次出故障是什么时候" + "丢了多少订单"
    -> "支付网关上次出故障丢了多少订单"; a per-unit cost keeps the scene's time anchor
    ("上个赛季每个玩家的带宽成本是多少"); "每个地区的…怎么处理" has no rewrite."""
    if re.search(r"各自|他们|它们?|这些|那些|其", half):
        return None
    each = re.search(r"每一?(?:个|家|位|台|张|款|条|套|名|块|户|辆)", half)
    if each and not re.search(r"成本|花|费|钱|多少", half[each.end() :]):
        return None  # "每个地区的数据合规怎么处理": each of what, and how is no figure
    when = re.match(r"^(.{2,20}?)是什么时候？$", scene)
    if when and not re.search(r"哪|谁|什么", when.group(1)):
        return when.group(1) + re.sub(r"^你们", "", half)
    time = _ZH_TIME.search(scene)
    if time and not _ZH_TIME.search(half):
        half = time.group() + re.sub(r"^你们", "", half)
    team = re.match(r"^(?:你们的?\s*)?([A-Za-z0-9\u4e00-\u9fff ]{1,10}?(?:团队|组|部门))", scene)
    if team and re.match(r"平时|一般|主要|常用|都", half):
        half = "你们的" + team.group(1).strip() + half  # "平时用哪些工具": whose habit?
        half = re.sub(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])", " ", half)
    elif re.match(r"平时|一般|主要|常用", half):
        half = "你们" + half
    if not (_ZH_SUBJECT.search(half) or _ZH_HEAD.search(half.rstrip("？?"))):
        return _zh_standing(half, scene)  # "多久会出一次磁盘写满": the scene's cluster, named
    return half if _has_body(half, "zh-CN") else None


#: a half that asks a wish, a plan, a target or a budget for a purchase: no past fact
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


def _stands_alone(half: str, language: str) -> bool:
    """A half kept alone names what it asks about itself and points at nothing it doesn't."""
    if not _has_body(half, language):
        return False
    if language == "zh-CN":
        return not _ZH_DANGLING.search(half) and bool(
            _ZH_SUBJECT.search(half) or re.search(r"多少|几|多久|多长|哪", half)
        )
    return not re.search(r"(?i)\b(?:it|they|them|its|their|those|these|each)\b", half)


def _has_body(half: str, language: str) -> bool:
    """More than a question word ("Why?", "为什么？", "How come?"): something to ask about."""
    if language == "zh-CN":
        return len(re.findall(r"[\u4e00-\u9fff]", half)) >= 5
    return len(re.findall(r"[A-Za-z0-9]+", half)) >= 3


_EN_PER = {
    "monthly": "a month",
    "weekly": "a week",
    "daily": "a day",
    "yearly": "a year",
    "annual": "a year",
}


def _en_share(first: str, second: str) -> str | None:
    """ "How many invoices a month, and how many of them are keyed in by hand?" asks the share:
    "How many invoices a month are still keyed in by hand?"; "" when the share can't be said
    (the second half points into the first), ``None`` when it asks no share."""
    share = re.match(
        r"(?i)(?:and\s+)?how\s+many\s+of\s+(?:them|those|these)\s+(are|were|get|go|is)\s+"
        r"([^?]+)\?$",
        second.strip(),
    )
    if not share:
        return None
    noun = re.search(
        r"(?i)\b(?:how\s+many|(?:volume|number|count)\s+of)\s+((?:[a-z][\w-]*\s+){0,2}?"
        r"[a-z][\w-]*s)\b",
        first,
    )
    if not noun or re.search(r"(?i)\b(?:do|does|you|your)$", noun.group(1)):
        return ""
    per = re.search(
        r"(?i)\b(a|per|each|every)\s+(day|week|month|year)\b|\b(monthly|weekly|daily|yearly|annual)\b",
        first,
    )
    when = ""
    if per:
        when = " " + (
            _EN_PER[per.group(3).lower()] if per.group(3) else f"{per.group(1)} {per.group(2)}"
        )
    verb = share.group(1).lower()
    verb = "are" if verb in ("is", "are") else verb
    return f"How many {noun.group(1)}{when} {verb} {share.group(2)}?"


def _zh_share(first: str, second: str) -> str | None:
    """ "每个月理赔单量大概多少，其中人工审核的占多少": "每个月的理赔单里，人工审核的占多少？"."""
    share = re.match(r"其中\s*(.{1,12}?的?)\s*(?:占|有)多少(?:比例)?？$", second.strip())
    if not share:
        return None
    whole = re.sub(r"(?:现在|目前)?(?:大概|大约|一共)?(?:有)?多少.*$", "", first.strip())
    whole = re.sub(r"量$", "", whole.strip())
    whole = re.sub(r"^(每(?:个月|天|周|年)|一个月|一天)(?!的)", r"\1的", whole)
    if len(re.findall(r"[\u4e00-\u9fffA-Za-z]", whole)) < 3 or _ZH_DANGLING.search(whole):
        return ""
    part = share.group(1)
    part = part if part.endswith("的") else part + "的"
    return f"{whole}里，{part}占多少？"


#: a half that only asks for more of the other ("能展开讲讲吗", "could you elaborate")
_MORE = re.compile(
    r"(?i)展开|详细(?:讲|说|聊)|多讲讲|多说说|细说|\belaborate\b|\bmore\s+detail|\btell\s+(?:me|us)\s+more\b|"
    r"\bexpand\s+on\b"
)
#: a half asking why they chose: it confronts the choice whatever it is cut from
_WHY = re.compile(r"(?i)^(?:为什么|为啥|怎么会|why\b)")


#: a half asking whether something shameful happened (a breach, a fine): the fact half is kept
_EN_SENSITIVE = re.compile(r"(?i)\b(?:breach\w*|leak\w*|fined|penalt\w*|hacked)\b")
_ZH_SENSITIVE = re.compile(r"泄露|事故|处罚|罚过|罚款|被黑|违规")


def first_question(text: str, language: str) -> str | None:
    zh = language == "zh-CN"
    if zh and len(questions(text, language)) > 1:
        # an ideal design asks how the work is done today; a why-choice how the selection went
        today = zh_design_today(text) or zh_selection(text)
        if today:
            return today
    if len(questions(text, language)) > 1 and (ZH_HANDOVER if zh else EN_HANDOVER).search(text):
        designed = (zh_designed if zh else en_designed)(text)
        return designed if designed and _keeps_subject(designed, text, language) else None
    kept = _first_question(text, language)
    if kept and (_WHY.search(kept.strip()) or (zh and re.search(r"为什么|为啥|怎么会", kept))):
        return None  # "为什么短信通道选了那家代理商": still a why-question about their choice
    if kept and zh:
        kept = _ZH_TOPIC_MARK.sub("", kept)  # "外挂检测这块每天封多少号": the topic, said once
    return kept


def _first_question(text: str, language: str) -> str | None:
    """The half of a double question that carries its intent (the cost, the why, the
    criteria, a count over time), as one question that names its subject; the first half
    unless the second says more and can be made to stand on its own; ``None`` when it can't
    be cut."""
    marker = _ZH_MARKER if language == "zh-CN" else _EN_MARKER
    parts = [
        part
        for part in questions(text, language)
        if not re.fullmatch(r"(?:嗯|那个|然后|就是|对了|那|好|哦|呃)呢?？", part)
    ]
    halves = [half for half in parts if marker.search(half.lower())]
    if (
        not halves
        or len(halves) < len(parts)
        or any(re.search(r"(?<!什么)(?:的?时候|之后|以后)？$", half) for half in halves)
    ):
        return None  # "上次审计的时候，…哪些…": a time clause and one question, not two
    if len(halves) == 2 and _MORE.search(halves[1]):
        return None  # "…是什么样的，能展开讲讲吗": one request for an overview, still vague
    wish = _ZH_WISH if language == "zh-CN" else _EN_WISH
    if len(halves) == 2:
        share = (_zh_share if language == "zh-CN" else _en_share)(halves[0], halves[1])
        if share is not None:
            return share or None  # "how many of them": the share of the first half's count

    def unusable(half: str) -> bool:
        return bool(
            wish.search(half)
            or (_ZH_SENSITIVE if language == "zh-CN" else _EN_SENSITIVE).search(half)
            or (language == "zh-CN" and _ZH_DANGLING.search(half))
        )

    if len(halves) > 1 and any(unusable(half) for half in halves):
        # "how fast do price changes need to land", "今年这块预算大概多少": a wish, a plan or a
        # budget is no past fact; the other half is kept when it stands on its own
        kept = [half for half in halves if not unusable(half)]
        if len(kept) != 1 or not _stands_alone(kept[0], language):
            return None
        half = kept[0]
        return half[0].upper() + half[1:]
    approval = _ZH_APPROVAL if language == "zh-CN" else _EN_APPROVAL
    if len(halves) == 2 and sum(bool(approval.search(half)) for half in halves) == 1:
        # "谁来审批", "who signs off": the other half is the fact, when it stands on its own
        other = next(half for half in halves if not approval.search(half))
        if _stands_alone(other, language):
            return other[0].upper() + other[1:]
    if language == "zh-CN" and _ZH_DANGLING.search(halves[0]):
        return None  # "这块预算": which part? the part was named in the other half
    intent = _ZH_INTENT if language == "zh-CN" else _EN_INTENT
    lead_in = re.compile(r"(?i)^(?:so|um|uh|ok|okay|well|just\s+curious|quick\s+one)\W+")
    halves = [lead_in.sub("", half) for half in halves]
    halves = [half[0].upper() + half[1:] for half in halves]
    first = halves[0]
    if len(halves) > 1:
        second = halves[-1]
        scene = _ZH_SCENE if language == "zh-CN" else _EN_SCENE
        yes_no = _ZH_YES_NO if language == "zh-CN" else _EN_YES_NO
        behind = (
            scene.search(first)
            and (
                not scene.search(second)
                # "谁在管" sets the scene for "多久会出一次磁盘写满", the fact that matters
                or (language == "zh-CN" and "谁" in first and not re.search("谁", second))
            )
            and not yes_no.search(second)
        )
        if behind and language != "zh-CN" and not _EN_INTENT.search(first.lower()):
            return _en_substance(second, first)  # the first half only sets the scene
        if (
            intent.search(second.lower())
            and not intent.search(first.lower())
            and (_has_body(second, language))
        ):  # "…, and why?": a bare why is no question
            standing = (_zh_standing if language == "zh-CN" else _en_standing)(second, first)
            if standing:
                return standing
        if (
            behind and language == "zh-CN"
        ):  # the first half only sets the scene: the other is kept, or nothing is
            return _zh_substance(second, first)
    return first


# --- a measure the question wishes better or complains of: its last actual value ---------------
_EN_NP = r"((?:your|the|our)\s+)?((?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)"
_EN_MEASURES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "fewer false alarms from your network monitoring"
    (
        re.compile(
            r"(?i)\b(?:fewer|less)\s+(false\s+(?:positives|alarms|alerts)|errors|failed\s+[a-z]+s)"
            r"\s+(?:from|in|on|by)\s+" + _EN_NP + r"\s*\?"
        ),
        "How many {m} did {x} raise last month?",
    ),
    # "cut your object storage costs by 40%"
    (
        re.compile(
            r"(?i)\b(?:cut|cuts|lower|lowered|reduce|reduced|halve[ds]?)\s+(your\s+)?"
            r"((?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*)\s+(?:costs?|bill|spend)\b"
        ),
        "What did {x} cost your team last month?",
    ),
    # "if the nightly ETL finished in one hour instead of five", "onboarding … took less time"
    (
        re.compile(
            r"(?i)\b(?:if|when)\s+" + _EN_NP + r"\s+(?:took|finished\s+in|ran\s+in|ran|took\s+only)"
            r"\s+(?:[\w-]+\s+){0,3}?(?:instead\s+of|rather\s+than|less\s+time)\b"
        ),
        "How long does {x} take today?",
    ),
    # "would faster root-cause analysis help your SRE team"
    (
        re.compile(
            r"(?i)^(?:would|is|are|do|does)\s+(?:a\s+)?(?:faster|quicker)\s+"
            r"((?:[a-z][\w-]*\s+){0,2}?(?:analysis|triage|resolution|recovery|onboarding|"
            r"provisioning|deployments?|releases?|rollouts?|builds?|reviews?|approvals?|"
            r"checkouts?|lookups?))\s+(?:be\s+\w+\s+to|help|matter\s+to|something)\s+"
            r"(?:your\s+)?((?:[a-z][\w-]*\s+){0,2}?(?:team|engineers|analysts|staff|agents))\b"
        ),
        "How long did {m} take your {p} last time?",
    ),
    # "the booking system stays up during the holiday rush", "doesn't go down on Black Friday"
    (
        re.compile(
            r"(?i)\bthat\s+" + _EN_NP + r"\s+(?:stays?\s+up|(?:doesn't|does\s+not|don't|won't)\s+"
            r"go\s+down)\s+((?:during|on|over|at)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?)\s*\?"
        ),
        "How many times did {x} go down {w} last year?",
    ),
    # "lower latency on your trading API"
    (
        re.compile(
            r"(?i)\blower\s+latency\s+(?:on|of|for)\s+"
            + _EN_NP
            + r"\s+(?:something|be|help|matter)\b"
        ),
        "What was the latency on {x} last month?",
    ),
    # "losing messages during a RabbitMQ failover", "avoiding data loss during a Redis failover"
    (
        re.compile(
            r"(?i)\b(?:losing|lose|avoiding\s+losing)\s+(data|messages|orders|events|records|"
            r"transactions)\s+during\s+(?:a|an|the)\s+((?:[A-Za-z][\w-]*\s+){0,2}?"
            r"(?:failover|outage|migration|upgrade|cutover|restart))\s*\?"
        ),
        "What happened to your {m} during your last {y}?",
    ),
    (
        re.compile(
            r"(?i)\bavoiding\s+(data)\s+loss\s+during\s+(?:a|an|the)\s+((?:[A-Za-z][\w-]*\s+){0,2}?"
            r"(?:failover|outage|migration|upgrade|cutover|restart))\s*\?"
        ),
        "What happened to your {m} during your last {y}?",
    ),
    # "the settlement batch is too slow for your finance team"
    (
        re.compile(r"(?i)^" + _EN_NP + r"\s+(?:is|are)\s+(?:far\s+|much\s+|way\s+)?too\s+slow\b"),
        "How long does {x} take today?",
    ),
    # "your payment gateway times out far too often"
    (
        re.compile(
            r"(?i)^" + _EN_NP + r"\s+(times?\s+out|crash(?:es)?|fails?|breaks?|goes\s+down)\s+"
            r"(?:far\s+|way\s+|much\s+)?too\s+often\b"
        ),
        "How many times did {x} {v} last month?",
    ),
)
#: a wish to spend less time on a chore: how much time it took last week
_EN_LESS_TIME = re.compile(
    r"(?i)^(?:do|does|would)\s+(your\s+(?:[\w-]+\s+){0,2}?(?:team|analysts|agents|engineers|"
    r"developers|staff|accountants|clerks|operators|nurses|managers))\s+(?:want|like|prefer)\s+"
    r"to\s+spend\s+less\s+time\s+([a-z]+ing)\s+((?:(?:on|for|at|with)\s+)?(?:[\w-]+\s+){0,2}?"
    r"[\w-]+)\s*\?$"
)
_EN_BASE_VERB = {
    "times out": "time out",
    "time out": "time out",
    "crashes": "crash",
    "crash": "crash",
    "fails": "fail",
    "fail": "fail",
    "breaks": "break",
    "break": "break",
    "goes down": "go down",
}


def _en_measure(text: str) -> str | None:
    """A question that wishes a measure better ("fewer false alarms", "took one hour instead of
    five", "doesn't go down on Black Friday") or complains of it ("too slow", "times out too
    often") asks the measure's last actual value for the thing it names."""
    plain = text.strip().replace("\u2019", "'")
    plain = re.sub(
        r"(?i)^(?:so|honestly|well|hypothetically|i\s+guess|i'd\s+(?:guess|say|bet)|i\s+assume|"
        r"i\s+bet|i\s+suspect|i\s+think|surely)\W+",
        "",
        plain,
    )
    less = _EN_LESS_TIME.search(plain)
    if less:
        # "Would your support agents like to spend less time searching for order details?"
        who, doing, what = less.group(1), less.group(2).lower(), less.group(3)
        if _en_well_formed(re.sub(r"^(?:on|for|at|with)\s+", "", what)):
            return f"How much time did {who[0].lower() + who[1:]} spend {doing} {what} last week?"
    for pattern, template in _EN_MEASURES:
        found = pattern.search(plain)
        if not found:
            continue
        groups = found.groups()
        values: dict[str, str] = {}
        if "{x}" in template:
            det, noun = (groups[0], groups[1]) if len(groups) > 1 else ("", groups[0])
            if pattern.pattern.startswith("(?i)\\b(?:cut"):
                det, noun = groups[0] or "", groups[1]
                if not _en_well_formed(noun) or re.search(r"(?i)\b(?:the|a|an|we|us)\b", noun):
                    return None
                values["x"] = noun if noun.isupper() or noun[0].isupper() else noun.lower()
            else:
                if "{m}" in template:
                    values["m"] = groups[0].lower()
                    det, noun = groups[1], groups[2]
                det = (det or "").strip().lower()
                if not _en_well_formed(noun) or re.match(r"(?i)(?:it|this|that|we|you)\b", noun):
                    return None
                if not det and not (noun[0].isupper() or re.match(r"[a-z]+ing\b", noun)):
                    det = "the"
                x = f"{det} {noun}".strip()
                values["x"] = x if x[:1].isupper() and not det else x[0].lower() + x[1:]
        if "{w}" in template:
            values["w"] = groups[-1]
        if "{v}" in template:
            values["v"] = _EN_BASE_VERB.get(groups[-1].lower(), "")
            if not values["v"]:
                return None
        if "{y}" in template:
            values["m"], values["y"] = groups[0].lower(), groups[1]
        if "{p}" in template:
            values["m"] = groups[0].lower()
            values["p"] = re.sub(
                r"\b(?!SRE|IT|QA)[A-Za-z][\w-]*", lambda m: m.group().lower(), groups[1]
            )
        return template.format(**values)
    return None


_ZH_NP = r"([A-Za-z0-9\u4e00-\u9fff]{2,12}?)"
_ZH_MEASURES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "你们的对账引擎月底肯定跑得太慢了吧": how long one run takes
    (
        re.compile(
            r"(?:^|[，,])(?:你们的?|贵司的?)?([A-Za-z0-9\u4e00-\u9fff]{2,10}?"
            r"(?:引擎|系统|平台|服务|任务|作业|接口|报表|数据库|集群))"
            r"((?:月底|月初|每天|每晚|高峰期?|大促时?)?)(?:肯定|应该|估计|一定|也)?"
            r"(跑|算|查|加载|同步|处理|出)得?(?:太慢|太久)"
        ),
        "{x}{w}{v}一次要多久？",
    ),
    # "你们的开发是不是也想少等一点构建": how long one wait takes now
    (
        re.compile(r"想少等(?:一点|一会儿?|点)?([A-Za-z0-9\u4e00-\u9fff]{2,8}?)[吗呢吧]?？"),
        "现在等一次{x}一般要多久？",
    ),
    (
        re.compile(_ZH_NP + r"(?:老是|总是|经常|动不动就)(超时|出错|报错|宕机|卡顿|掉线)"),
        "上个月{x}{v}了几次？",
    ),
    (
        re.compile(_ZH_NP + r"((?:每天|每晚|每周|每个月)(?:早上|晚上|凌晨)?)跑不完"),
        "{x}{w}一般要跑多久？",
    ),
    (
        re.compile(_ZH_NP + r"的?(?:账单|费用|成本)(?:涨得|涨了|越来越高|能再降|降不下来)"),
        "上个月{x}的账单是多少钱？",
    ),
    (
        re.compile(r"(?:如果|要是)" + _ZH_NP + r"能(秒开|秒出|快一点|更快)"),
        "现在{x}{v}一般要多久？",
    ),
    (re.compile(r"把" + _ZH_NP + r"从[^，,？?]{1,8}?压到"), "{x}现在一般要多久？"),
    (re.compile(r"(?:如果|要是)" + _ZH_NP + r"误报能少"), "上个月{x}误报有多少条？"),
    (
        re.compile(r"(?:^|[，,]|说实话)" + _ZH_NP + r"(?:的)?(?:时间)?(?:太长|太久|太慢)"),
        "{x}现在一般要多久？",
    ),
    (
        re.compile(
            r"(?:^|[，,]|希望|如果|要是)([A-Za-z0-9\u4e00-\u9fff]{2,14}?(?:上线|部署|定位|恢复|发布|扩容|排查))"
            r"能(?:快一点|快点|更快)"
        ),
        "上次{x}花了多久？",
    ),
    (
        re.compile(
            r"(?:^|[，,]|希望|如果|要是)([A-Za-z0-9\u4e00-\u9fff]{2,14}?)能更快(定位|上线|恢复|部署|排查|处理)"
        ),
        "上次{x}，{v}花了多久？",
    ),
    (
        re.compile(r"(?:^|[，,])" + _ZH_NP + r"(?:要是|如果|能)少出(?:点|一点)?错"),
        "上个月{x}出了几次错？",
    ),
)


def _zh_measure(text: str) -> str | None:
    """The Chinese twin of ``_en_measure``: "支付接口老是超时" -> "上个月支付接口超时了几次？"."""
    for pattern, template in _ZH_MEASURES:
        found = pattern.search(text)
        if not found:
            continue
        x = re.sub(r"^(?:贵司|你们|您们|我们)?(?:现在|目前)?(?:的)?", "", found.group(1))
        x = re.sub(r"(?:时间|时长)$", "", x)
        x = re.sub(r"^(?:现在|目前)", "", x)
        if len(re.findall(r"[\u4e00-\u9fffA-Za-z]", x)) < 2 or _ZH_VERBISH.search(
            re.sub(r"[A-Za-z0-9]+", "", x).replace("处理", "")
        ):
            return None
        if re.search(r"肯定|应该|估计|一定|得$", x):
            return None  # "排产引擎肯定算得": a verb cut into the subject
        values = {"x": x, "v": "", "w": ""}
        if "{x}{w}{v}" in template:
            values.update(w=found.group(2), v=found.group(3))
        elif "{v}" in template:
            said = found.group(2)
            values["v"] = {"秒开": "打开", "秒出": "出结果", "快一点": "", "更快": ""}.get(
                said, said
            )
        elif "{w}" in template:
            values["w"] = found.group(2)
        return _zh_spaced(template, values, text)
    return None


def rewrite(code: str, text: str, language: str) -> str | None:
    """A better form of ``text`` for a text-level ``code``, in its language, or ``None``
    when no well-formed subject or fitting frame is found, or the frame found is one blind
    reviews judged weak for it (the finding then guides)."""
    better = _rewrite_any(code, text, language)
    if better and _weak(code, text, better, language):
        return None
    return better


#: hours spent on people ("hours … on dispatchers"): people are no task
_EN_HOURS_ON_PEOPLE = re.compile(
    r"(?i)\bhours\s+did\s+your\s+team\s+spend\s+on\s+(?:your\s+|the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:[\w-]+(?:ers|ors|ists|ians|ants)|staff|people|team|agents|clerks)\s+last\b"
)
#: a rewrite that asks money
_EN_MONEY_ASKED = re.compile(
    r"(?i)\b(?:spend|spent|pay|paid|cost|come\s+to)\b.*\blast\s+(?:month|quarter|year)\b"
)
_ZH_MONEY_ASKED = re.compile(r"多少钱|花了多少(?!人天|时间|小时|工时|天)|费用是多少")
#: a question that speaks of money
_EN_MONEY = re.compile(
    r"(?i)\b(?:bills?|invoices?|costs?|costly|expensive|pric\w*|pay\w*|spend\w*|spent|fees?|"
    r"budget\w*|money|cheap\w*|egress|overpriced|pricey|sav\w*|dollars?|\$)"
)
_ZH_MONEY = re.compile(r"钱|费(?!劲|事)|贵|便宜|价|成本|预算|省|开销|花销")
#: the question complains of the effort a chore takes, not of what it costs
_EN_EFFORT = re.compile(r"(?i)\b(?:effort|hassle|painful|pain|tedious|exhausting|annoying)\b")
_ZH_EFFORT = re.compile(r"费劲|费事|麻烦|累|折腾|头疼|繁琐|痛苦")
#: they moved away (to a rival or to their own build): a view of it is asked by no usage frame
_EN_SWITCHED = re.compile(
    r"(?i)\b(?:switched|moved|migrated)\s+(?:to|off|away)\b|\breplaced\b|\bin-house\b"
)
_ZH_SWITCHED = re.compile(r"改成|换成|换到|换掉|迁到|迁走|自建|自己搭")


def _weak(code: str, text: str, better: str, language: str) -> bool:
    """A frame blind reviews judged weak for ``text``: hours spent on people, money asked of a
    complaint about effort, a usage frame for a view of why they moved away, a walk-through of
    no one occasion ("your outages", "onboarding"), a review named by a cut of the report's
    name ("its last ad review" of the ad break fill-rate report)."""
    zh = language == "zh-CN"
    if not zh and _EN_HOURS_ON_PEOPLE.search(better):
        return True
    if code not in ("leading", "opinion-fishing", "design-offload", "obvious-answer"):
        return False
    money_asked = (_ZH_MONEY_ASKED if zh else _EN_MONEY_ASKED).search(better)
    if (
        money_asked
        and (_ZH_EFFORT if zh else _EN_EFFORT).search(text)
        and not (_ZH_MONEY if zh else _EN_MONEY).search(text)
    ):
        return True  # "三朵云的账单对起来很费劲": the effort of it, not the bill's total
    usage = re.search(
        r"用.{0,16}做的是什么事|是想完成什么事|找.{0,16}解决问题|last\s+thing\s+your\s+team\s+did\s+with|"
        r"last\s+time\s+it\s+used",
        better,
    )
    if usage and (_ZH_SWITCHED if zh else _EN_SWITCHED).search(text):
        return True  # "监控改成 Prometheus 自建了": no "last time you used 监控" says why
    if zh:
        return False
    walk = re.match(
        r"Walk me through (.+?)(?:, step by step\.|: which step took longest\?)$", better
    )
    if walk and not re.match(
        r"(?i)(?:the|your|this|that)\s+(?:(?:last|latest|most\s+recent|recent)\s+)?"
        r"(?:[\w-]+\s+){0,4}[\w-]*(?<!s)$|(?:the|your)\s+last\b",
        walk.group(1),
    ):
        return True  # "your outages", "onboarding": no one occasion to walk through
    review = re.search(r"in its last (.+) review\?$", better)
    return bool(
        review
        and not re.search(
            re.escape(review.group(1)) + r"\s+(?:dashboards?|reports?|metrics)\b", text, re.I
        )
    )


def _rewrite_any(code: str, text: str, language: str) -> str | None:
    if code == "double-barreled":
        return first_question(text, language)
    if code in ("leading", "obvious-answer", "hypothetical"):
        measured = _zh_measure(text) if language == "zh-CN" else _en_measure(text)
        if measured:
            return measured  # made of the question's own noun groups ("data loss" -> data)
    if language == "zh-CN":
        status = zh_status(code, text)
        if status:
            return status  # a fact about today or the last time, in the question's own words
    else:
        kept = _rewrite(code, text, language)
        return kept or en_status(code, text)
    return _rewrite(code, text, language)


def _rewrite(code: str, text: str, language: str) -> str | None:
    framed = _framed(code, text, language)
    if code == "competitor-confront" or (framed and framed == _need_of(text, language)):
        return framed  # a rival's area, or a need asked without our product, by their frames
    return framed if framed and _keeps_subject(framed, text, language) else None


def _framed(code: str, text: str, language: str) -> str | None:
    """The first frame that fits: a design handed over asked as what went wrong last time, a
    decision's last airing, then the frames by code and subject."""
    zh = language == "zh-CN"
    if (ZH_DESIGN if zh else EN_DESIGN).search(text) and (
        code == "design-offload" or (ZH_HANDOVER if zh else EN_HANDOVER).search(text)
    ):
        designed = (zh_designed if zh else en_designed)(text)
        if designed:
            return designed
    if code in ("opinion-fishing", "vague"):  # a view asked on a change: when it came up
        phrase = None if zh else en_phrase(text)
        decided = zh_decided(text) if zh else (en_decided(phrase) if phrase else None)
        if decided:
            return decided
    return _chinese(code, text) if zh else _english(code, text)


def _need_of(text: str, language: str) -> str | None:
    if language == "zh-CN":
        need = _zh_need(text) or _zh_need(text, leading=True)
        return _zh_spaced(need, {}, text) if need else None
    return _en_need(text) or _en_need(text, leading=True)


#: a head that says nothing without its modifier: "接口" of "物流轨迹查询的接口"
_ZH_GENERIC_HEAD = re.compile(r"接口|系统|平台|服务|数据|流程|告警|看板|报表|规则|策略|模块|工具")


def _keeps_subject(framed: str, text: str, language: str) -> bool:
    """The rewrite says the question's whole subject: "cold storage" for "moving the
    call-recording archive into cold storage", "接口" for "物流轨迹查询的接口" are not it."""
    if language == "zh-CN":
        head = chinese_subject(text)
        if not head or not _ZH_GENERIC_HEAD.fullmatch(head):
            return True  # a named thing ("WMS", "对象存储") stands without its modifiers
        whole = zh_phrase(text, head)
        return not (whole and head in framed and not zh_keeps(framed, whole))

    return not en_cuts(framed, text)


def subject_of(text: str, language: str) -> str | None:
    """The question's own subject, well formed, for a guide to name; ``None`` when none."""
    if language == "zh-CN":
        return _zh_well_formed(chinese_subject(text)) or _zh_well_formed(chinese_phrase(text))
    found = _en_well_formed(english_subject(text)) or _en_well_formed(english_name(text))
    if not found:
        return None
    return re.sub(r"^(?:The|Your|Our|Their)\b", lambda m: m.group().lower(), _en_thing(found))


# --- the other half of a double question, asked next ------------------------------------------
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
_ZH_LEAD = re.compile(r"^(?:另外|还有|以及|同时|然后|那么?|并且|而且|再就是)\s*[，,]?\s*")


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
    parts = [
        part
        for part in questions(text, language)
        if not re.fullmatch(r"(?:嗯|那个|然后|就是|对了|那|好|哦|呃)呢?？", part)
    ]
    if len(parts) != 2:
        return None
    lead_in = re.compile(r"(?i)^(?:so|um|uh|ok|okay|well|just\s+curious|quick\s+one)\W+")
    first = lead_in.sub("", parts[0])
    first = first[0].upper() + first[1:]
    if zh:
        first = _ZH_TOPIC_MARK.sub("", first)
    if first.strip() != kept.strip():
        return None  # the rewrite joined the halves, or kept the other: nothing left to ask
    second = parts[1].strip()
    wish = _ZH_WISH if zh else _EN_WISH
    for pattern in (
        wish,
        _ZH_SENSITIVE if zh else _EN_SENSITIVE,
        _ZH_APPROVAL if zh else _EN_APPROVAL,
        _MORE,
    ):
        if pattern.search(second):
            return None
    if _WHY.search(second) or (zh and re.search(r"为什么|为啥|怎么会|为何", second)):
        return None  # a why: it confronts whatever it follows
    if (_ZH_NOT_NEXT if zh else _EN_NOT_NEXT).search(second) or (
        _ZH_YES_NO if zh else _EN_YES_NO
    ).search(re.sub(r"(?i)^(?:and|also|plus|then)\s+", "", second)):
        return None  # "are you happy with it", "合同什么时候到期": no fact the PM came for
    if zh:
        second = _ZH_LEAD.sub("", second)
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


def first_half(text: str, language: str) -> str | None:
    """The first half of a double question as said, when it stands as a question of its own
    (it names what it asks about and asks no wish, budget, breach, approval or why): kept only
    with the other half asked next ("渠道这边有多少家经销商？" then "返点政策一年调几次？"), when
    :func:`first_question` keeps neither half alone."""
    zh = language == "zh-CN"
    parts = [
        part
        for part in questions(text, language)
        if not re.fullmatch(r"(?:嗯|那个|然后|就是|对了|那|好|哦|呃)呢?？", part)
    ]
    if len(parts) != 2:
        return None
    lead_in = re.compile(r"(?i)^(?:so|um|uh|ok|okay|well|just\s+curious|quick\s+one)\W+")
    first = lead_in.sub("", parts[0])
    first = first[0].upper() + first[1:]
    if zh:
        first = _ZH_TOPIC_MARK.sub("", first)
    marker = _ZH_MARKER if zh else _EN_MARKER
    if not marker.search(first.lower()) or not _stands_alone(first, language):
        return None
    if re.search(r"(?<!什么)(?:的?时候|之后|以后)？$", first):
        return None  # a time clause, not a question
    for pattern in (
        _ZH_WISH if zh else _EN_WISH,
        _ZH_SENSITIVE if zh else _EN_SENSITIVE,
        _ZH_APPROVAL if zh else _EN_APPROVAL,
        _MORE,
        ZH_HANDOVER if zh else EN_HANDOVER,
    ):
        if pattern.search(first):
            return None
    if _WHY.search(first) or (zh and re.search(r"为什么|为啥|怎么会|为何", first)):
        return None
    return first


def one_question(better: str, language: str) -> tuple[str, str]:
    """A rewrite that is two questions ("在线客服当时选型比了哪几家，最后看重的是哪一点？") as
    one question and the other asked next; a rewrite of one question as it is, with ""."""
    marker = _ZH_MARKER if language == "zh-CN" else _EN_MARKER
    parts = questions(better, language)
    if len(parts) == 2 and all(marker.search(part.lower()) for part in parts):
        return parts[0], parts[1]
    return better, ""
