"""Does a commitment touch what the visit plan says must not be promised?

The plan's "must not promise" and "may promise" are free text, one item per line (or
separated by ; ； , ， 、 。 /). A limit is read for its meaning, not its words: it names a
*kind* of promise and, often, what it is about (its subject):

- a date (``具体上线日期``, ``launch dates``): a concrete date or a relative deadline
  (``2027 年 3 月 31 日前``, ``Q3``, ``两周内``, ``by end of June``), or handing over the date
  itself (``告诉客户上线日期``), for a launch, release or delivery;
- a price or discount (``GPU 价格折扣``, ``quotes``, ``anything free``): a number with a
  discount word (``8 折``, ``15% off``), an amount of money, something free, a price lock;
- an SLA figure (``定制 SLA``, ``availability commitments``): an availability percentage, a
  response or recovery time, service credits;
- a roadmap item (``路线图功能承诺``, ``new feature development``): building, adding or
  custom-developing a feature;
- a resource commitment (``驻场人员``, ``GPU reservations``): people or capacity assigned,
  dedicated, on site or reserved.

A commitment touches a limit when one of its clauses promises that kind of thing and the
commitment names the subject (``发送 GPU 资源池产品白皮书`` names GPU but promises no price:
it does not touch ``GPU 价格折扣``). A clause that refuses, negates or only promises to find
out (``没公布的日期一律不给``, ``no discount on GPUs``, ``check internally``) promises
nothing; phrases that promise by a negation (``不超过 1 小时``, ``no more than``, ``free of
charge``, ``不涨价``) still do. A limit of no known kind falls back to its whole words and
terms (English words in any form, Chinese terms whole), again never in a refusal.

What the plan says may be promised is within authority: the parts of a commitment that
repeat a "may promise" item (word for word, or every significant word of it) are not
checked. The check warns and says why (:class:`Flag`: the limit and the commitment's
words); the PM decides, and an override is recorded on the commitment
(:func:`override_authority`, :func:`apply_override`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interview_tui.domain.models import Commitment
    from interview_tui.store.store import Store

_SPLIT = re.compile(r"[\n;；,，、。/]+")
_LATIN = re.compile(r"[a-z][a-z0-9'%-]*[a-z0-9%]|[a-z]|\d+(?:[.,]\d+)*%?")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_STOP_WORDS = """about after again also before being could from have into just more must never only
    other over promise promised promises same some such than that their them then there these
    they this those under until very what when which while will with within without would
    your our anything anyone any not the and for are but can custom customer customers give
    make made"""
_STOP = frozenset(_STOP_WORDS.split())
_SHORT = frozenset({"sla", "gpu", "api", "rto", "rpo", "eta", "poc", "nda"})
#: qualifiers that may open a Chinese limit term ("具体上线日期" also matches "上线日期")
_CJK_QUALIFIERS = ("任何形式的", "任何的", "具体的", "明确的", "确切的", "正式的", "书面的",
                   "任何", "具体", "明确", "确切", "正式", "书面", "额外", "不能", "不要",
                   "不得", "承诺", "给出")  # fmt: skip
_SUFFIXES = ("ing", "ed", "es", "s", "e")


def _re(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE | re.ASCII)


# -- what a limit is about ------------------------------------------------------------------

DATE, PRICE, SLA, ROADMAP, RESOURCE = "date", "price", "sla", "roadmap", "resource"

#: the words that make a limit one kind of promise, strongest first (``GPU 价格折扣`` is a
#: price, ``roadmap dates`` a date); each is taken out of the limit, what is left is its subject
_KIND_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (PRICE, _re(r"价格|价钱|定价|折扣|优惠|报价|免费|费用|返点|降价|打折|赠送|减免|让利",
                r"\b(?:prices?|pricing|discounts?|rebates?|quotes?|quoting|free|fees?|costs?)\b")),
    (SLA, _re(r"SLA|可用性|响应时间|恢复时间|赔付|服务等级",
              r"\b(?:uptime|availability|rto|rpo|response times?|service levels?)\b")),
    (DATE, _re(r"日期|时间点|时间表|时间|排期|期限|截止|节点",
               r"\b(?:dates?|deadlines?|timelines?|timing|eta|timeframes?)\b")),
    (RESOURCE, _re(r"驻场|人力|人员|资源投入|资源预留|预留|专属资源|专属|专人",
                   r"\b(?:on-?site|staff(?:ing)?|headcount|resources?|resourcing"
                   r"|reservations?|reserved?|dedicated|engineering support|people)\b")),
    (ROADMAP, _re(r"路线图|新功能|功能开发|功能承诺|功能|定制开发|开发",
                  r"\b(?:roadmap|features?|development|custom builds?)\b")),
]  # fmt: skip
#: words that only qualify a limit (``具体``, ``custom``): neither its kind nor its subject
_QUALIFIER = _re(r"具体|明确|确切|正式|书面|任何|额外|定制|单独|承诺|给出|不能|不得|不要"
                 r"|相关|方面|的|和|与|或|及|以上|以下|超过|高于|低于|\d+(?:\.\d+)?\s*%?",
                 r"\b(?:any|anything|custom|specific|exact|concrete|commitments?|promises?"
                 r"|or|and|of|on|for|the|a|an|to|about|extra|special|new|committed|above"
                 r"|below|over|under|beyond|than|more|less)\b")  # fmt: skip
#: what a launch, release or delivery is called (the subject a date limit is about)
_LAUNCH = _re(r"上线|发布|推出|交付(?!物)|发版|面市|可用|灰度|全量|正式版|落地",
              r"\b(?:launch(?:es|ed|ing)?|ships?|shipping|shipped|releases?|released"
              r"|go(?:es)?[- ]live|went live|live|deliver(?:s|ed|y)?|available|lands?"
              r"|roll(?:s|ed)?[- ]?out|ga)\b")  # fmt: skip
#: subject words of a date limit that mean "when something of ours is out"
_LAUNCH_SUBJECT = _re(r"上线|发布|推出|交付|发版|路线图|功能|版本",
                      r"\b(?:launch|release|ship|delivery|go-?live|ga|roadmap|feature)")


@dataclass(frozen=True)
class Meaning:
    """A limit read as a kind of promise about a subject (``kind`` None: no known kind)."""

    kind: str | None
    subject: tuple[str, ...]


def meaning(limit: str) -> Meaning:
    """The kind of promise a limit names and what it is about (its remaining words)."""
    kind, rest = None, limit.lower()
    for name, pattern in _KIND_WORDS:
        if pattern.search(rest):
            if kind is None:
                kind = name
            rest = pattern.sub(" ", rest)
    if kind is None:
        return Meaning(None, ())
    rest = _QUALIFIER.sub(" ", rest)
    subject = tuple(w for w in re.findall(r"[a-z0-9][a-z0-9.+-]*|[\u3400-\u9fff]{2,}", rest)
                    if w not in _STOP)  # fmt: skip
    if kind == DATE:  # a date of a launch, a release, a roadmap item: when ours is out
        subject = tuple(w for w in subject if not _LAUNCH_SUBJECT.search(w))
    return Meaning(kind, subject)


# -- what a clause promises -----------------------------------------------------------------

_NUM = (r"(?:\d+(?:[.,]\d+)*|[一二两三四五六七八九十百千半]+|a|an|one|two|three|four|five|six"
        r"|seven|eight|nine|ten|twelve|twenty|thirty|several|a few)")  # fmt: skip
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
           r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")  # fmt: skip
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WHEN = _re(
    r"\d{4}\s*-\s*\d{1,2}\s*-\s*\d{1,2}", r"\d{4}\s*年", r"[\d一二三四五六七八九十]{1,3}\s*月",
    r"[\d一二三四五六七八九十]{1,2}\s*[日号]", r"\bQ[1-4]\b", r"\bH[12]\b",
    r"[一二三四1-4]\s*季度",
    r"下季度|上半年|下半年|年底|年初|年中|年末|月底|月初|月末|季度末|季度初",
    r"下周|下个月|下月|本月|本周|这周|本季度|这个季度|明年|今年|周[一二三四五六日]|星期[一二三四五六日天]",
    r"春节|国庆|双十一",
    _NUM + r"\s*(?:个)?\s*(?:天|周|星期|个月|月|小时|工作日)\s*(?:内|之内|以内|后)",
    rf"\b(?:{_MONTHS})\b(?:\s+\d{{1,2}})?", rf"\b(?:{_WEEKDAYS})\b",
    r"\b20\d\d\b", r"\bnext (?:week|month|quarter|year|release|version|sprint)\b",
    r"\b(?:this|next) (?:quarter|month|year)\b",
    r"\bend of (?:the )?(?:year|month|quarter|june|\w+)\b",
    rf"\b(?:within|in) {_NUM} (?:days?|weeks?|months?|quarters?)\b",
    r"\b(?:first|second) half of (?:the|next) year\b", r"\bbefore the holidays\b",
    r"\bearly next quarter\b",
)  # fmt: skip
#: handing over the date itself ("告诉客户上线日期", "share the roadmap dates")
_GIVE_DATE = _re(r"(?:告诉|告知|给出|给|提供|透露|确定)[^，,;；。]{0,12}(?:日期|时间表|时间点)",
                 r"\b(?:share|give|tell|provide|commit to|send)\b[^,;.]{0,30}"
                 r"\b(?:dates?|timelines?)\b")  # fmt: skip
_PRICE = [
    _re(r"(?:\d+(?:\.\d+)?|[一二三四五六七八九])\s*(?:五)?\s*折",
        r"(?:\d+(?:\.\d+)?\s*%|百分之[\d一二三四五六七八九十]+)[^，,;；。]{0,12}"
        r"(?:优惠|折扣|返点|让利|下调|降|减|off|discount|rebate|cut|lower|reduc)",
        r"(?:优惠|折扣|返点|让利|下调|降低|降|减|discount|rebate|cut|lower|reduc\w*)[^，,;；。]{0,12}"
        r"\d+(?:\.\d+)?\s*%"),
    _re(r"免费|不收费|不另收|赠送|减半|半价|送\s*" + _NUM + r"\s*个?月",
        r"\bfree\b|\bno (?:cost|charge)\b|\bthrown in\b|\bwaive\w*|\bcomplimentary\b"
        r"|\bhalf price\b"),
    _re(r"[$¥€£]\s*\d|\d\s*(?:元|万|块|美元)", r"\d+(?:\.\d+)?\s*(?:[mk]\b|dollars?|usd|rmb)"),
    _re(r"不涨价|不上涨|不加价|价格锁定|锁定[^，,;；。]{0,6}价|按[^，,;；。]{0,4}(?:去年|今年|现在|目前)的?价格",
        r"\block\w*\b[^,;.]{0,20}\b(?:pric|rate)|\bno price increase|\bat (?:last year's|today's"
        r"|current|this year's) (?:prices?|rates?)"),
]  # fmt: skip
_SLA = [
    _re(r"9\d(?:\.\d+)?\s*%"),
    _re(_NUM + r"\s*(?:分钟|小时|秒|毫秒|min\w*|hours?|hrs?|seconds?|ms)"),
    _re(r"赔付|\bservice credits?\b|\bcredits? of\b"),
]
_SLA_CONTEXT = _re(r"响应|恢复|RTO|RPO|可用性|停机|切换|故障|SLA",
                   r"respon|recover|\brto\b|\brpo\b|uptime|availab|downtime|failover|incident"
                   r"|\bsla\b|outage")  # fmt: skip
_CUSTOM_SLA = _re(r"(?:给|提供|签|约定)[^，,;；。]{0,8}(?:定制|单独|专属)[^，,;；。]{0,4}SLA",
                  r"\b(?:offer|give|sign|provide)\b[^,;.]{0,12}\b(?:custom|dedicated|separate)\s+sla")
_ROADMAP = _re(
    r"开发|定制|新增|实现|做一个|会做|(?:加入|纳入|排进)[^，,;；。]{0,12}路线图|版本[^，,;；。]{0,4}支持",
    r"承诺[^，,;；。]{0,4}(?:新增|支持|开发)",
    r"\b(?:will|we'll|going to|commit to)\s+(?:\w+\s+)?(?:build|add|develop|make|support"
    r"|implement|create|adding|building|supporting)\b",
    r"\bcustom[- ](?:build|built|integration|development|develop)\w*",
    r"\b(?:put|add)\b[^,;.]{0,40}\b(?:on|to) the roadmap\b",
    r"\b(?:add|support|build)\b[^,;.]{0,40}\bin the next (?:release|version)\b",
    r"\bin (?:h[12]|q[1-4])\b[^,;.]{0,20}\b(?:support|add)",
    r"\bsupport\b[^,;.]{0,40}\bin (?:h[12]|q[1-4])",
)  # fmt: skip
_ROADMAP_NOT = _re(r"需求|对接需求", r"\brequest\b")
_RESOURCE = _re(
    _NUM + r"\s*(?:名|位|个|人|张|台)?\s*(?:工程师|专家|架构师|人|名|卡|台|位|张|GPU)",
    r"专人|专属|专职|专门|独立的|驻场|常驻|值守|全职|全程|预留|不少于|派",
    r"\b" + _NUM + r"[- ](?:[a-z]+ )?(?:person|people|engineers?|experts?|architects?|fte"
    r"|gpus?|servers?|nodes?|consultants?)\b",
    r"\b(?:dedicated|on[- ]site|onsite|stationed|full[- ]time|reserve[ds]?|set aside"
    r"|at least \d+|just for them|around the clock)\b",
)  # fmt: skip
_PROMISES = {DATE: [_WHEN, _GIVE_DATE], PRICE: _PRICE, SLA: [*_SLA, _CUSTOM_SLA],
             ROADMAP: [_ROADMAP], RESOURCE: [_RESOURCE]}  # fmt: skip

#: a clause that refuses, negates or only promises to find out promises nothing
_REFUSAL = _re(
    r"不|没|无法|无权|别|未|拒绝|暂无|待定|再定|再说|再告知|再回复|再安排|评估|了解|反馈|研究|看看|考虑|要看"
    r"|内部确认|确认后|请示|是否|能否|可否|为准|确定后|之后再|等.{0,12}后|另外签|另行|需另|需要另外|需要?.{0,8}审批|走审批|待审批|审批后",
    r"\bno\b|\bnot\b|n't\b|\bnever\b|\bnothing\b|\bnone\b|\bcannot\b|\bdecline|\brefuse"
    r"|\bwithout\b|\bunable\b|\bcheck\b|\bask\b|\bexplore|\blook into\b|\bevaluat|\bassess"
    r"|\bfind out\b|\bget back\b|\bwhether\b|\bsee if\b|\bto be decided\b|\btbd\b"
    r"|\bdepends?\b|\bonce\b|\bonly after\b|\bsubject to\b|\bneeds? [^,;.]{0,20}approval"
    r"|\bpending approval|\bafter approval|\bneeds? (?:an? )?(?:approval"
    r"|application|separate)|\bout of scope\b|\breview\b",
)  # fmt: skip
#: phrases that promise through a negation word: taken out before a refusal is looked for
_NEGATED_PROMISE = _re(
    r"不晚于|不迟于|不超过|不高于|不低于|不少于|不涨价|不上涨|不加价|不收费|不另收|不间断|未达|未满足",
    r"\bno later than\b|\bnot later than\b|\bno more than\b|\bnot (?:more|less) than\b"
    r"|\bno (?:cost|charge)\b|\bno price increase\b|\bat no\b",
)  # fmt: skip
#: a clause about material (a document, a demo, a list) hands over information, not a promise
_INFORMATION = _re(
    r"^\s*(?:介绍|讲解|演示|发送|发给|分享|整理|记录|提交|说明|转给|安排一次|请)",
    r"文档|白皮书|报告|手册|清单|指南|说明|链接|申请表|对比表|价格表|纪要|公开版",
    r"^\s*(?:send|share|explain|introduce|demo|walk|record|log|submit|pass|collect|describe"
    r"|arrange|schedule|set up)\b",
    r"\b(?:docs?|documents?|whitepapers?|reports?|guides?|manuals?|lists?|links?|forms?"
    r"|sheets?|notes|postmortems?|descriptions?|calculators?|checklists?|best practices)\b",
)  # fmt: skip
_CLAUSES = re.compile(r"[,，;；。!?！？:：]+|\s+but\s+|但是|但|不过", re.IGNORECASE)


def _clauses(text: str) -> list[str]:
    return [part for part in _CLAUSES.split(text) if part.strip()]


def _refuses(clause: str) -> bool:
    return bool(_REFUSAL.search(_NEGATED_PROMISE.sub(" ", clause)))


def _promise(kind: str, clause: str) -> list[str]:
    """The words of ``clause`` that promise a ``kind`` (none: it promises no such thing)."""
    if _refuses(clause):
        return []
    found = [m.group().strip() for pattern in _PROMISES[kind] for m in pattern.finditer(clause)]
    if not found:
        return []
    if kind == DATE:
        if not _GIVE_DATE.search(clause) and not _LAUNCH.search(clause):
            return []  # a date for something else (a document, a meeting)
        if not _GIVE_DATE.search(clause) and _INFORMATION.search(clause):
            return []
        found += [m.group() for m in _LAUNCH.finditer(clause)]
    elif kind == SLA:
        figures = [w for w in found if _SLA[1].fullmatch(w)]
        if figures and len(figures) == len(found) and not _SLA_CONTEXT.search(clause):
            return []  # "two hours" alone is no SLA
    elif kind == ROADMAP and _ROADMAP_NOT.search(clause):
        return []
    if kind != DATE and _INFORMATION.search(clause) and kind not in (PRICE, SLA):
        return []
    if kind in (PRICE, SLA) and _INFORMATION.search(clause) and not re.search(r"\d", clause):
        return []
    return list(dict.fromkeys(found))


def _subject_words(subject: tuple[str, ...], text: str) -> list[str] | None:
    """The words of ``text`` that name every subject term (None: one is missing)."""
    found: list[str] = []
    words = _words(text)
    for term in subject:
        if _CJK_RUN.fullmatch(term):
            if term not in text:
                return None
            found.append(term)
        elif _stem(term) in words or (term.isdigit() and term in text):
            found.append(term)
        else:
            return None
    return found


@dataclass(frozen=True)
class Flag:
    """A limit a commitment touches, and the commitment's words that touch it."""

    limit: str
    words: tuple[str, ...]

    def __str__(self) -> str:
        from interview_tui.i18n import t

        words = t("authority.word_separator").join(f"“{word}”" for word in self.words)
        return t("authority.why", limit=self.limit, words=words)


def _stem(word: str) -> str:
    """One form for date/dates/dated/dating, discount/discounts, price/pricing."""
    word = word.removesuffix("'s")
    if word[0].isdigit():
        return word
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                continue
            return word[: -len(suffix)]
    return word


def _significant(word: str) -> bool:
    return word not in _STOP and (len(word) >= 4 or word[0].isdigit() or word in _SHORT)


def _words(text: str) -> set[str]:
    """The stems of every Latin word and number in ``text``."""
    return {_stem(word) for word in _LATIN.findall(text.lower())}


def _terms(limit: str) -> set[str]:
    """The whole Chinese terms of a limit, with and without a leading qualifier."""
    terms = set()
    for run in _CJK_RUN.findall(limit):
        terms.add(run)
        core = run
        while stripped := next((core[len(q):] for q in _CJK_QUALIFIERS
                                if core.startswith(q) and len(core) - len(q) >= 2), ""):
            core = stripped
            terms.add(core)
    return {term for term in terms if len(term) >= 2}


def limits(must_not_promise: str) -> list[str]:
    """The separate items written in a visit plan."""
    return [part.strip() for part in _SPLIT.split(must_not_promise) if part.strip()]


def _flat(text: str) -> str:
    """Lower case, one space between words: "提供测试资源 2 周" and "提供测试资源2周" agree."""
    text = " ".join(text.lower().split())
    return re.sub(r"(?<=[\u3400-\u9fff]) | (?=[\u3400-\u9fff])", "", text)


def _outside_may_promise(text: str, may_promise: str) -> str:
    """``text`` without the parts that repeat what the plan says we may promise."""
    rest = _flat(text)
    for item in sorted(limits(may_promise), key=len, reverse=True):
        flat = _flat(item)
        if rest and (len(rest) >= 2 and rest in flat):
            return ""
        rest = rest.replace(flat, " , ")
        words = {_stem(w) for w in _LATIN.findall(flat) if _significant(w)}
        if words and not _CJK_RUN.search(flat) and words <= _words(rest):
            rest = " ".join(w for w in rest.split() if _stem(w.strip(".,;:!?")) not in words)
    return rest


def _by_words(text: str, limit: str) -> list[str]:
    """A limit of no known kind: its significant words or whole terms, outside a refusal."""
    latin = {_stem(w) for w in _LATIN.findall(limit.lower()) if _significant(w)}
    terms = _terms(limit)
    for clause in _clauses(text):
        if _refuses(clause):
            continue
        found = sorted(latin & _words(clause)) + sorted(t for t in terms if t in clause)
        if found:
            return found
    return []


def _touch(text: str, rest: str, limit: str) -> list[str]:
    """The words of ``rest`` (``text`` without what the plan says may be promised) that touch
    ``limit``; its subject may be named anywhere in ``text`` (none: it does not touch)."""
    read = meaning(limit)
    if read.kind is None:
        return _by_words(rest, limit)
    subject = _subject_words(read.subject, text)
    if subject is None:
        return []
    whole = _flat(limit)
    for clause in _clauses(rest):
        if promised := _promise(read.kind, clause):
            return [*promised, *(w for w in subject if w not in " ".join(promised))]
        if whole in clause and not _refuses(clause) and not _INFORMATION.search(clause):
            return [limit]  # the commitment is the very thing the plan forbids
    return []


def authority_flags(text: str, must_not_promise: str, may_promise: str = "") -> list[Flag]:
    """The limits that ``text`` touches and why, in the order the plan lists them (none
    when the commitment only repeats what the plan says may be promised)."""
    rest = _outside_may_promise(text, may_promise) if may_promise.strip() else _flat(text)
    if not rest.strip():
        return []
    flags = []
    for limit in limits(must_not_promise):
        if words := _touch(_flat(text), rest, limit):
            flags.append(Flag(limit, tuple(_as_written(word, text) for word in words)))
    return flags


def _as_written(word: str, text: str) -> str:
    """``word`` (found in the lower-cased text) as the commitment writes it: "GPU"."""
    pattern = r"\s*".join(re.escape(char) for char in word if not char.isspace())
    found = re.search(pattern, text, re.IGNORECASE)
    return found.group() if found else word


def flags_beyond_authority(text: str, must_not_promise: str, may_promise: str = "") -> list[str]:
    """The limits that ``text`` touches, in the order the plan lists them."""
    return [flag.limit for flag in authority_flags(text, must_not_promise, may_promise)]


def apply_override(commitment: Commitment, reason: str, today: date) -> Commitment:
    """Record that the PM keeps a flagged commitment, and why (not saved: the caller saves).

    For the live dialog: build the commitment, call this when the PM overrides the warning,
    then save it. ``within_authority`` stays false, so the internal report shows both the
    warning and the override.
    """
    from interview_tui.errors import UserError

    if not reason.strip():
        from interview_tui.i18n import t

        raise UserError(t("error.override_why"))
    commitment.authority_override = reason.strip()
    commitment.history = [*commitment.history, {"on": today.isoformat(), "change": "authority",
                                                "from": "warned", "to": "overridden",
                                                "reason": reason.strip()}]  # fmt: skip
    return commitment


def override_authority(store: Store, commitment_id: int, reason: str, today: date) -> Commitment:
    """Keep a stored commitment although the check flagged it; the override is saved on it."""
    from interview_tui.domain.models import Commitment
    from interview_tui.errors import UserError
    from interview_tui.i18n import t

    with store.transaction():
        commitment = store.get(Commitment, commitment_id)
        if commitment is None:
            raise UserError(t("error.no_commitment_listed", id=commitment_id))
        if commitment.within_authority:
            raise UserError(t("error.not_flagged", id=commitment_id))
        return store.save(apply_override(commitment, reason, today))
