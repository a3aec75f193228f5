"""The question's subject as a whole noun phrase, read from its own words, and its kind.

One small reader per language. English: a run of noun-like words after a determiner or a
preposition ("your fraud scoring model", "CI builds"), with its complement ("the EDI feeds
with your 3PL partners", "the cost of log retention for your payment services"), or a gerund
with its object ("moving the call-recording archive into cold storage": a decision). Chinese:
a head noun with the modifiers and 的-phrases before it ("物流轨迹查询的接口"). The kind of
subject (a system, a process, a metric, an event, a decision, people, an interface, alerting,
a report, a price) is read from its head word, and decides which frame may ask about it.

A rewrite of a flagged question must never say part of a phrase and drop the rest (``en_cuts``,
``zh_keeps``); the frames here ask
about a design handed to the customer as what they did or what went wrong last time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Phrase:
    """A subject as the question says it: ``text`` ("the EDI feeds with your 3PL partners"),
    its ``head`` word ("feeds") and its ``kind``."""

    text: str
    head: str
    kind: str


# --- English -----------------------------------------------------------------------------
_EN_TOKEN = re.compile(r"[A-Za-z0-9][\w'\u2019/.+-]*[\w+]|[A-Za-z0-9]")
_EN_DET = frozenset({"the", "your", "our", "their", "its"})
_EN_PREP = frozenset({"on", "about", "with", "for", "of", "in", "into", "onto", "from"})
#: prepositions that join a complement to its noun ("the EDI feeds with your 3PL partners")
_EN_JOIN = frozenset(
    {"of", "for", "with", "into", "onto", "between", "across", "to", "from", "in", "on"}
)
#: words that date or rate the subject without naming it: skipped before it, never required
_EN_SKIP = frozenset(
    {
        "last",
        "latest",
        "previous",
        "next",
        "first",
        "new",
        "current",
        "existing",
        "overall",
        "old",
        "whole",
        "entire",
        "ideal",
        "perfect",
    }
)
#: a change made to a thing: "moving the archive into cold storage" is a decision
_EN_CHANGE = re.compile(
    r"(?i)^(?:moving|migrating|putting|running|splitting|consolidating|archiving|shifting|"
    r"bringing|outsourcing|replacing|retiring|switching|merging|porting|rebuilding|"
    r"rewriting|centralising|centralizing|decommissioning|offloading|hosting)$"
)
_EN_FUNCTION_WORDS = """
    a an the of in on at for with from by to as and or but across over under into onto about
    between through than then that which who whom this these those it its is are was were be
    been being am do does did have has had will would could should can may might must not no
    so if when while your our their my his her we you they i me us them there here what how
    why where whether very much many any some all more less most each every just also even
    only still really right now today currently yes up out off too far way again once
    instead rather over next ago yet already ever never
    """
_EN_FUNCTION = frozenset(_EN_FUNCTION_WORDS.split())
#: nouns that carry no subject: what one says about a thing, or the speaker's side
_EN_TALK_WORDS = """
    thoughts thought take view views feeling feelings gut impressions impression opinion
    opinions sense idea ideas experience experiences guess side mind feedback overall general
    thing things stuff lot bit time times way everything anything something nothing kind sort
    honest honestly team teams company business day night morning challenges challenge
    problems problem issues issue pain pains concerns concern questions question struggles
    feature features capabilities capability functionality one scale quality grade
    desk organisation organization department org unit version versions
    """
_EN_TALK = frozenset(_EN_TALK_WORDS.split())
_EN_VERBS_WORDS = """
    want wants need needs like likes love hate prefer think feel agree know see say tell give
    get make take go come use used run runs move share describe list sketch design build add
    ship publish raise look looks keep spend spent wait matter matters help helps value
    appreciate adopt consider worry seem seems break breaks fail fails jam jams own owns
    maintain maintains look looks handle handles care work works behave scale perform
    goes went gone ran got came made took become became grew fell broke held kept welcome
    benefit remains remain stays stay cause causes caused be provide provides offer offers
    include includes show shows change changes
    good bad great better worse best happy happier fair big deal reliable unreliable
    expensive cheap cheaper costly faster slower slow fast quick quicker helpful useful
    important enough obvious obviously smoother easier harder
    """
_EN_VERBS = frozenset(_EN_VERBS_WORDS.split())
#: -ing words that are nouns in their own right ("logging", "the pricing")
_EN_ING_NOUN = re.compile(
    r"(?i)^(?:logging|billing|pricing|onboarding|scheduling|processing|underwriting|"
    r"routing|tracking|matching|monitoring|alerting|tooling|networking|caching|"
    r"streaming|hosting|licensing|training|testing|reporting|invoicing|ticketing|"
    r"planning|shipping|banking|accounting|marketing|messaging|recording|scoring|"
    r"replenishment|packaging|onboarding|provisioning|checking|booking|parking|"
    r"tagging|matchmaking|landing)$"
)
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
        "integrated",
        "advanced",
        "nightly",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "yearly",
        "early",
        "missing",
        "real-time",
        "end-of-day",
    }
)


def _en_nominal(word: str) -> bool:
    low = word.lower().replace("\u2019", "'")
    if not re.search(r"[A-Za-z]", word) or low in _EN_FUNCTION or low in _EN_VERBS or "'" in low:
        return False
    if low in _EN_PARTICIPLE:
        return True
    return not (re.search(r"(?:ly|ed)$", low) and not word.isupper())


def _en_run(tokens: list[tuple[str, int, int]], i: int, text: str) -> int:
    """The end (exclusive token index) of the noun run starting at ``i``: noun-like words
    with nothing but spaces between them, ending on a word that may be a head."""
    j = i
    while j < len(tokens) and _en_nominal(tokens[j][0]):
        if j > i and text[tokens[j - 1][2] : tokens[j][1]].strip():
            break
        j += 1
        if tokens[j - 1][0].lower() in _EN_TALK or en_kind_of(tokens[j - 1][0]) == "people":
            break  # "your finance team | welcome ...": what follows a team is its verb
    while j > i and (
        (tokens[j - 1][0].lower() in _EN_TALK and j - 1 > i)
        or (
            tokens[j - 1][0].lower().endswith("ing")
            and not _EN_ING_NOUN.match(tokens[j - 1][0])
            and tokens[j - 1][0].lower() not in _EN_PARTICIPLE
        )
    ):
        j -= 1
    return j


_EN_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("alerting", re.compile(r"(?i)^(?:alerts?|alarms?|alerting|pages|monitoring\s+rules|rules)$")),
    (
        "interface",
        re.compile(
            r"(?i)^(?:apis?|endpoints?|webhooks?|connectors?|integrations?|"
            r"interfaces?|sdks?|events)$"
        ),
    ),
    ("report", re.compile(r"(?i)^(?:dashboards?|reports?|views?|scorecards?|runbooks?)$")),
    ("price", re.compile(r"(?i)^(?:pric\w*|fees?|bills?|costs?|spend|rates?|charges?)$")),
    (
        "metric",
        re.compile(
            r"(?i)^(?:latency|throughput|uptime|volume|times?|rates?|counts?|"
            r"durations?|backlog|errors?)$"
        ),
    ),
    (
        "event",
        re.compile(
            r"(?i)^(?:outages?|incidents?|migrations?|releases?|rollouts?|"
            r"openings?|cutovers?|launch(?:es)?|breach(?:es)?|audits?|downtime)$"
        ),
    ),
    (
        "process",
        re.compile(
            r"(?i)^(?:process(?:es)?|workflows?|flows?|approvals?|onboarding|"
            r"close|reconciliation|intake|handovers?|replenishment)$"
        ),
    ),
    (
        "people",
        re.compile(
            r"(?i)^(?:team|teams|agents|engineers|analysts|developers|managers?|"
            r"leads|staff|customers|users|sellers|merchants|partners|executives|"
            r"editors|scientists|people|radiologists|nurses|drivers|cfo|cio|cto|"
            r"ceo|vp|head|board|finance|procurement|auditors?)$"
        ),
    ),
)


def en_kind_of(head: str) -> str:
    """The kind of an English subject by its head word; ``system`` when none fits."""
    return next((kind for kind, pattern in _EN_KINDS if pattern.match(head)), "system")


def en_phrase(text: str) -> Phrase | None:
    """The whole noun phrase an English question is about, or ``None`` when none is read with
    confidence. People ("your developers") are the audience, not the subject, unless nothing
    else is named; a gerund before the phrase makes it a decision ("moving X into Y")."""
    found = en_phrases(text)
    if not found:
        return None
    return next((p for p in found if p.kind != "people"), found[0])


def en_phrases(text: str) -> list[Phrase]:
    """Every noun phrase of an English question, in order (see ``en_phrase``)."""
    plain = text.replace("\u2019", "'")
    tokens = [(m.group(), m.start(), m.end()) for m in _EN_TOKEN.finditer(plain)]
    found: list[Phrase] = []
    i = 0
    while i < len(tokens):
        word = tokens[i][0].lower()
        starts = word in _EN_DET or (word in _EN_PREP and i + 1 < len(tokens))
        if not starts:
            i += 1
            continue
        first = i + 1
        if word in _EN_PREP and first < len(tokens) and tokens[first][0].lower() in _EN_DET:
            first += 1
        while first < len(tokens) - 1 and (
            tokens[first][0].lower() in _EN_SKIP
            or (
                word in _EN_PREP
                and tokens[first][0].lower().endswith("ing")
                and not _EN_ING_NOUN.match(tokens[first][0])
            )
        ):
            first += 1  # "about losing orders": the orders, not the losing
        end = _en_run(tokens, first, plain)
        if end <= first or re.search(r"[^\w\s'\u2019-]", plain[tokens[i][2] : tokens[first][1]]):
            i += 1
            continue
        head = tokens[end - 1][0]
        if head.lower() in _EN_TALK:
            i = end
            continue
        det_before = first - 1 > i and tokens[first - 1][0].lower() in _EN_DET
        begin = i if word in _EN_DET else (first - 1 if det_before else first)
        # one complement: "with your 3PL partners", "of log retention for your services"
        for _ in range(2):
            if end + 1 < len(tokens) and tokens[end][0].lower() in _EN_JOIN:
                if plain[tokens[end - 1][2] : tokens[end][1]].strip():
                    break
                k = end + 1
                if tokens[k][0].lower() in _EN_DET or tokens[k][0].lower() in ("a", "an"):
                    k += 1
                tail = _en_run(tokens, k, plain)
                if tail <= k or tokens[tail - 1][0].lower() in _EN_TALK:
                    break
                end = tail
            else:
                break
        start = tokens[begin][1]
        kind = en_kind_of(head)
        before = tokens[begin - 1] if begin > 0 else None
        if (
            before
            and _EN_CHANGE.match(before[0])
            and re.match(r"\s*(?:[?,.;]|$)", plain[tokens[end - 1][2] :])
        ):
            start, kind = before[1], "decision"  # the change, said to its end
        phrase_text = plain[start : tokens[end - 1][2]]
        found.append(Phrase(phrase_text, head, kind))
        i = end
    return found


def _norm(word: str) -> str:
    low = word.lower()
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def _en_content(phrase: Phrase) -> list[str]:
    return [
        w
        for w in _EN_TOKEN.findall(phrase.text)
        if w.lower() not in _EN_FUNCTION and w.lower() not in _EN_SKIP
    ]


_EN_PAID = frozenset({"pay", "paid", "spend", "spent", "cost", "bill", "come"})
_EN_PRICE_WORDS = ("pricing", "price", "prices", "fees", "fee", "costs", "cost", "charges")


def en_cuts(rewrite: str, text: str) -> bool:
    """True when ``rewrite`` says part of one of the question's noun phrases and not the rest:
    "cold storage" of "moving the call-recording archive into cold storage", "fraud" of "your
    fraud scoring model", "CI" of "CI builds". People named are the audience, not cut."""
    said = {_norm(w) for w in _EN_TOKEN.findall(rewrite.replace("\u2019", "'"))}
    if said & _EN_PAID:  # a price is said by what was paid: "pay for storage" of its pricing
        said |= {_norm(w) for w in _EN_PRICE_WORDS}
    for phrase in en_phrases(text):
        if phrase.kind == "people":
            continue
        # the report a design asks for is the artefact, not the subject: "the ideal MES
        # downtime dashboard" is asked about as the last MES downtime
        words = [_norm(w) for w in _en_content(phrase) if en_kind_of(w) != "report"]
        if any(w in said for w in words) and not all(w in said for w in words):
            return True
    return False


# --- Chinese -----------------------------------------------------------------------------
_ZH_HEADS = (
    r"接口|系统|平台|引擎|服务|存储|告警|看板|报表|大盘|网关|集群|数据库|模型|流程|对接|"
    r"账单|团队|部门|部|规则|策略|机制|门户|模块|中台|工具|控制台|日志服务|CDN|API|SDK"
)
#: where a Chinese modifier chain begins: after a clause break, an owner, a verb of placing
_ZH_LEFT_STOP = re.compile(
    r"(?:[，,；;？?。！!：:\s]|你们的?|我们的?|您的?|贵司的?|把|对|跟|和|与|给|用|在|是|为|"
    r"觉得|希望|现在|目前|理想的|默认|谁|维护|负责|管|如果|要是|假如|假设|若是?|这家|那家|这个|那个|这套|那套|这些|"
    r"那些|用的|新版的?|新的|旧的|老的|(?:今年|去年|这半年|最近|上个月|上半年|下半年)的?)$"
)


def zh_phrase(text: str, head: str | None = None) -> str | None:
    """The whole subject ending in ``head`` (or the first known head): the head with every
    modifier and 的-phrase before it, back to the owner or the clause's start
    ("物流轨迹查询的接口", "银行的代扣接口")."""
    match = re.search(re.escape(head), text) if head else re.search(rf"(?:{_ZH_HEADS})", text)
    if not match:
        return None
    start = match.start()
    while start > 0 and not _ZH_LEFT_STOP.search(text[:start]):
        start -= 1
    phrase = text[start : match.end()].strip()
    return phrase


def zh_keeps(rewrite: str, phrase: str) -> bool:
    """True when ``rewrite`` says ``phrase`` whole (spaces aside)."""
    return re.sub(r"\s", "", phrase) in re.sub(r"\s", "", rewrite)


# --- a design handed to the customer: what they did or what went wrong last time -------------
#: a question (or a half) that asks the customer to design: what it should be, ideally
EN_DESIGN = re.compile(
    r"(?i)\bshould\b|\bideal\b|\byou'?d\s+need\b|\bwould\s+you\s+(?:want|need|design)\b|"
    r"\byou\s+would\s+(?:want|need)\b|\bwould\s+you\s+put\b|\bcould\s+you\s+(?:list|sketch)\b|"
    r"\bgive\s+us\s+a\s+list\b|\bsend\s+us\s+a\s+list\b"
)
ZH_DESIGN = re.compile(
    r"应该|该(?:怎么|配|做|加|有|先)|理想的|要支持哪些|需要我们提供|希望(?:有|我们)|"
    r"怎么设计|怎么定价|怎么收费|列一下|列个|给我们个清单|描述一下"
)
#: a half that hands the design over outright ("could you send us a list", 您能帮我们列一下吗,
#: 理想的…): narrower than the above ("should", 应该 alone ask a view); in a double question it
#: makes the whole question one design request, asked instead about what went wrong last time
EN_HANDOVER = re.compile(
    r"(?i)\b(?:give|send)\s+us\s+(?:a|the)\s+list\b|\bcould\s+you\s+(?:list|sketch|describe)\b|"
    r"\bcan\s+you\s+(?:list|sketch|describe)\b|\bideal\b"
)
ZH_HANDOVER = re.compile(
    r"理想的|该配|要支持哪些|需要我们提供|怎么设计|怎么定价|怎么收费|列一下|列个|清单|描述一下"
)
_EN_AUTOMATE = re.compile(
    r"(?i)\b(?:to|can|could)\s+automate\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*?)(?:s)?\s*[?.]"
)
_EN_ALERTS = re.compile(r"(?i)\b(?:alerts?|alarms?|alert\s+rules|monitoring\s+rules)\b")
_EN_REPORT = re.compile(
    r"(?i)\b(?:the|an|a)\s+ideal\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:dashboard|report|view)\b"
)
_EN_EVENTISH = re.compile(r"(?i)(?:downtime|outages?|incidents?|delays?|stockouts?|failures?)$")
_EN_AUDIENCE = re.compile(
    r"(?i)\bfor\s+(your\s+(?:[\w-]+\s+){0,2}(?:leads|managers|team|engineers|analysts|staff|"
    r"operators|supervisors))\b"
)


def en_designed(text: str) -> str | None:
    """A design asked of the customer, asked instead about what they did or what went wrong
    last time: the job the design would automate, the last problem no alert caught, the
    numbers they looked at during the last event the report is for; ``None`` otherwise."""
    plain = text.replace("\u2019", "'")
    job = _EN_AUTOMATE.search(plain)
    if job:
        said = job.group(1).strip()
        if not re.search(r"(?i)\b(?:it|this|that|them|the|our|your)\b", said):
            return f"Walk me through your last {said}: which steps did your team do by hand?"
    if _EN_ALERTS.search(plain):
        target = re.search(
            r"\b((?:[Oo]ur|[Yy]our|[Tt]he)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:should|raise|ship|have)\b|"
            r"\bfor\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\b",
            plain,
        )
        if target:
            thing = target.group(1) or target.group(2)
            if thing and not en_phrase_is_people(thing.split(maxsplit=1)[-1]):
                thing = thing[0].lower() + thing[1:] if target.group(1) else thing
                return f"What was the last problem on {thing} that no alert caught?"
        return None
    report = _EN_REPORT.search(plain)
    if report:
        measure = report.group(1)
        audience = _EN_AUDIENCE.search(plain)
        who = audience.group(1) if audience else "your team"
        if _EN_EVENTISH.search(measure):
            return f"During the last {measure}, which numbers did {who} check first?"
        if en_kind_of(measure.split()[-1]) == "metric":
            return f"When {measure} last slipped, which numbers did {who} check first?"
    return None


def en_phrase_is_people(words: str) -> bool:
    return en_kind_of(words.split()[-1]) == "people"


_ZH_OURS = r"(?:我们的?|贵司的?|你们的?)?"


def zh_designed(text: str) -> str | None:
    """The Chinese twin of ``en_designed``: a price of ours to set asks what it came to on
    last month's bill, default alert rules ask for the last problem no alert caught, an ideal
    dashboard asks which numbers they looked at, an interface or the features of a process
    ask where it got stuck last time."""
    priced = re.search(
        _ZH_OURS + r"([A-Za-z0-9\u4e00-\u9fff]{2,8}?)(?:该|应该)?怎么(?:定价|收费)", text
    )
    if priced and not re.search(r"您|你们|我们|觉得|贵司|认为|建议", priced.group(1)):
        return f"上个月的账单里，{priced.group(1)}花了多少钱？"
    alert = re.search(
        r"(?:^|[，,])([A-Za-z0-9\u4e00-\u9fff]{0,8}?)告警(?:默认)?(?:该|应该)配", text
    )
    if alert:
        return f"上次{alert.group(1) or '监控'}告警没报出来的那次，是哪类问题？"
    board = re.search(r"理想的([A-Za-z0-9\u4e00-\u9fff]{2,8}?)(?:看板|报表|大盘|仪表盘)", text)
    if board and not re.search(r"成本|费用|预算|账单|价格", board.group(1)):
        return f"上次{board.group(1)}出问题时，你们最先看的是哪几个数？"
    work = re.search(
        r"(?:^|[，,])([A-Za-z0-9\u4e00-\u9fff]{2,10}?)(?:的)?(接口|要支持哪些(玩法|功能))", text
    )
    if not work or re.search(r"你们|我们|您|贵司|哪|什么", work.group(1)):
        return None
    if work.group(3):  # the features of a process they run: the one used most last month
        return f"你们现在的{work.group(1)}，上个月用得最多的是哪种{work.group(3)}？"
    return f"上次{work.group(1)}出问题时，卡在了哪一步？"


# --- a decision about a thing, asked about as the last time it came up ------------------------
def en_decided(phrase: Phrase) -> str | None:
    if phrase.kind != "decision" or len(phrase.text.split()) > 10:
        return None
    return f"What did your team decide the last time {phrase.text} came up?"


def zh_decided(text: str) -> str | None:
    """ "把监控视频归档到对象存储这件事" -> "上次你们团队讨论把…，最后是怎么定的？"."""
    found = re.search(r"(把[A-Za-z0-9\u4e00-\u9fff]{2,20}?)这件事", text)
    if not found:
        return None
    return f"上次你们团队讨论{found.group(1)}，最后是怎么定的？"
