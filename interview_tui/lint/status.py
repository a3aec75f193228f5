"""Status-quo rewrites: a flagged question asked instead as a fact about today or the last time.

A question that wishes a measure better, complains of it, presumes how a chore is done, offers
a product for some work, asks for an ideal design or asks why a rival was chosen has a fact
behind it the customer can tell: the measure's value last month, how long the last run took,
how the work is done today, how the selection went. Each frame here is chosen by what the
question names (a metric, a duration, a count of failures, a chore, a piece of work, a
choice), and keeps the question's own subject whole: the noun phrase as the question says it
("数据库主备切换", "the month-end invoice run"), never a generic head.
"""

from __future__ import annotations

import re

# --- Chinese -----------------------------------------------------------------------------
_ZH_WORD = r"[A-Za-z0-9\u4e00-\u9fff]"
#: the lead-in before the subject: an owner, a guess, a wish ("贵司应该也希望")
_ZH_LEAD = re.compile(
    r"^(?:请问|说实话|其实|那|像)?(?:如果|要是|假如|假设)?(?:贵司|你们|您们?|咱们)?(?:是不是|应该|肯定|估计|一定)?也?"
    r"(?:是不是)?也?(?:希望|想|想要|不想)?(?:的)?"
)
#: a subject that is not one: a pronoun, a verb of wishing, a whole company or everything
_ZH_NOT_SUBJECT = re.compile(
    r"贵司|你们|我们|您|他们|它|这|那|希望|觉得|应该|肯定|如果|要是|假如|是不是|会不会|"
    r"能不能|愿意|会|^(?:让|使|把|对接|接入|连接|支持|给|帮|做)|^系统$|^业务$|^公司$|^团队$|^数据$"
)
_ZH_EVENTISH = re.compile(r"(?:切换|恢复|上线|发布|部署|扩容|开通|迁移|割接|升级|交付|入职)$")
_ZH_RATE = (
    r"(?:(?:次日|[0-9一二三七]+日|首月|月|周)?"
    r"(?:准确率|成功率|转化率|留存率|命中率|良率|合格率|召回率|复购率|到账率)|ROI|OEE)"
)
_ZH_SOONER = r"(?:能)?(?:再)?(?:快一点|快一些|快点|更快一些|更快|短一点|短一些|越短越好|越快越好)"
_ZH_PEOPLE = re.compile(r"(?:同学|同事|工程师|运维|值班|团队|人员|员工|店长|主任|医生|护士)$")


def _zh_subject(said: str) -> str | None:
    """``said`` without its lead-in and its trailing 的, when it is a subject of its own."""
    subject = _ZH_LEAD.sub("", said.strip()).strip()
    subject = re.sub(r"(?:的|时|的时候|是|都|也)$", "", subject).strip()
    if len(re.findall(r"[\u4e00-\u9fffA-Za-z]", subject)) < 2 or _ZH_NOT_SUBJECT.search(subject):
        return None
    return subject


_ZH_SPACED = re.compile(r"[\u4e00-\u9fff] [A-Za-z0-9]|[A-Za-z0-9] [\u4e00-\u9fff]")


def _zh_spaced(sentence: str, text: str) -> str:
    """``sentence`` with a space between Chinese and Latin where the question puts one."""
    if not _ZH_SPACED.search(text):
        return sentence
    return re.sub(
        r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])", " ", sentence
    )


def zh_selection(text: str, *, rival_only: bool = True) -> str | None:
    """ "核心交易库当初为什么选了达梦" asks how the selection went, never why they chose it:
    "核心交易库当时选型比了哪几家，最后看重的是哪一点？"."""
    found = re.search(
        r"(?:^|[，,])\s*(?:你们的?|贵司的?|说实话，?)?(" + _ZH_WORD + r"{2,12}?)\s*"
        r"(?:当初|当时|之前)?\s*(?:为什么|为啥|怎么会)\s*(?:要|就)?\s*(?:选了?|选用了?|用了?|上了)",
        text,
    )
    if not found:
        return None
    thing = _zh_subject(found.group(1))
    if not thing or re.search(r"当初|当时|之前", thing):
        if not rival_only:
            return None  # the rival frames name what it was chosen for ("做监控")
        rival = re.match(
            r"\s*(" + _ZH_WORD + r"{2,8}?)\s*(?:呢|而|，|,|？|\?|$)", text[found.end() :]
        )
        if not rival or _ZH_NOT_SUBJECT.search(rival.group(1)):
            return None
        return _zh_spaced(f"当初选{rival.group(1)}之前，你们还比了哪几家？", text)
    return _zh_spaced(f"{thing}当时选型比了哪几家，最后看重的是哪一点？", text)


def _zh_measure(text: str) -> str | None:
    # "运维的同学应该也不想周末被告警电话叫起来吧": how often it happened last month
    woken = re.search(
        r"(?:^|[，,])(" + _ZH_WORD + r"{2,12}?)(?:应该|肯定)?也?不想"
        r"(半夜|周末|晚上|凌晨|节假日)?被(" + _ZH_WORD + r"{2,8}?)(?:叫起来|叫醒|吵醒)",
        text,
    )
    if woken:
        who = re.sub(r"^(?:贵司|您们?)", "", woken.group(1))
        who = re.sub(r"(?:应该|肯定)?也?$", "", who)
        if _ZH_PEOPLE.search(who) and not re.search(r"希望|觉得|是不是", who):
            when = woken.group(2) or ""
            return _zh_spaced(f"上个月{who}{when}被{woken.group(3)}叫起来过几次？", text)
    # "视频审核的准确率能做到95%", "转化率能再高一点": its value last month
    rate = re.search(
        r"(?:^|[，,]|希望|如果|要是|假如|假设)(" + _ZH_WORD + r"{2,14}?)的?\s*(" + _ZH_RATE + r")"
        r"(?:如果|要是)?(?:能|可以)?(?:再|做到|达到|提高|提升|高)",
        text,
    )
    if rate:
        thing = _zh_subject(rate.group(1))
        if thing:
            return _zh_spaced(f"上个月{thing}的{rate.group(2)}是多少？", text)
    # "主备切换的时间越短越好", "退款到账的时效再快一点": how long it took last time / takes now
    sooner = re.search(
        r"(?:^|[，,]|希望|如果|要是)(" + _ZH_WORD + r"{2,16}?)(的?(?:时间|时长|时效|速度))?"
        r"(?:如果|要是)?" + _ZH_SOONER + r"(?=\s*(?:的话|一点|[吗吧呢，,？?。]|$))",
        text,
    )
    if sooner:
        thing = _zh_subject(sooner.group(1))
        if thing:
            scene = _zh_scene(text)
            if _ZH_EVENTISH.search(thing):
                return _zh_spaced(f"上次{scene}{thing}花了多久？", text)
            if scene:
                return _zh_spaced(f"上次{scene}，{thing}平均要多久？", text)
            return _zh_spaced(f"{thing}现在平均要多久？", text)
    # "供应商对账能少一点人工干预": how often it happened last month
    fewer = re.search(
        r"(?:^|[，,]|希望|如果|要是)(" + _ZH_WORD + r"{2,12}?)(?:的时候|时)?(?:能|可以)?"
        r"(?:再)?少(?:出)?(?:一点|一些|点)(" + _ZH_WORD + r"{2,6}?)[吗吧呢？?]",
        text,
    )
    if fewer:
        thing = _zh_subject(fewer.group(1))
        what = fewer.group(2)
        if thing and not re.search(r"钱|成本|费用|预算|时间", what):
            return _zh_spaced(f"上个月{thing}里，{what}有多少次？", text)
    # "仓储系统跟TMS之间的库存数据，应该经常对不上吧": how often last month
    often = re.search(
        r"(?:^|[，,])(" + _ZH_WORD + r"{2,24}?)[，,]?\s*(?:应该|肯定|估计)?(?:也)?"
        r"(?:经常|老是|总是|动不动就)(对不上|掉数据|丢数据|出错|报错|超时|掉线|卡住)",
        text,
    )
    if often:
        thing = _zh_subject(re.sub(r"(?:^|(?<=跟|和))(?:你们的?|贵司的?)", "", often.group(1)))
        if thing:
            return _zh_spaced(f"上个月{thing}{often.group(2)}过几次？", text)
    return None


def _zh_chore(text: str) -> str | None:
    """ "财务报销单据的审核，现在应该还是靠人工一张张看吧": the effort it took last month."""
    chore = re.search(
        r"(?:^|[，,])(" + _ZH_WORD + r"{2,16}?)[，,]?\s*(?:现在)?(?:应该|肯定|基本|估计)?(?:上)?"
        r"(?:都)?(?:还是)?(?:靠|用)(?:人工|手工|Excel|excel|表格|" + _ZH_WORD + r"{1,4}?手工)",
        text,
    )
    if not chore:
        return None
    thing = _zh_subject(chore.group(1))
    if not thing or _ZH_PEOPLE.search(thing) or _ZH_SYSTEM.search(thing):
        return None  # "工单系统现在靠人工派单": the chore (派单) is not the system
    scene = _zh_scene(text)
    return _zh_spaced(f"上个月{scene}{'，' if scene else ''}{thing}一共花了多少人天？", text)


_ZH_SYSTEM = re.compile(r"(?:系统|平台|工具|软件|接口|服务|引擎|App|APP)$")


def _zh_scene(text: str) -> str:
    """The occasion the question opens with ("大促期间，", "财务月结的时候，"): "大促期间"."""
    found = re.match(r"^(" + _ZH_WORD + r"{2,8}?)(期间|的时候|时)[，,]", text)
    if not found or _ZH_NOT_SUBJECT.search(found.group(1)):
        return ""
    return found.group(1) + ("期间" if found.group(2) == "期间" else "时")


#: what a designed thing is called, after the work it does ("数据脱敏方案" is 数据脱敏)
_ZH_DESIGN_HEAD = re.compile(r"(" + _ZH_WORD + r"{2,12}?)(?:方案|平台|系统|控制台|工具|模块)$")


def zh_design_today(text: str) -> str | None:
    """An ideal design asked of the customer ("理想中的数据脱敏方案是什么样的", "多云成本管理平台
    您会怎么设计") asks how the work is done today: "你们现在的数据脱敏是怎么做的？"."""
    found = re.search(
        r"理想(?:中)?的\s*(" + _ZH_WORD + r"{2,16}?)\s*(?:是什么样|应该|长什么样|需要|要有)|"
        r"(?:^|[，,])(?:那)?(" + _ZH_WORD + r"{2,16}?)\s*(?:您|你们|你)(?:会|要)?怎么设计",
        text,
    )
    if not found:
        return None
    designed = (found.group(1) or found.group(2)).strip()
    work = _ZH_DESIGN_HEAD.match(designed)
    if not work:
        return None
    doing = _zh_subject(work.group(1))
    if not doing:
        return None
    return _zh_spaced(f"你们现在的{doing}是怎么做的？", text)


#: a product of ours offered for some work: "一个开箱即用的跨境电商退税模块"
_ZH_OFFER = re.compile(
    r"(?:如果|要是|假如|假设)(?:我们|我司)(?:提供|推出?|做|出)(?:了)?(?:一个|一套|个|套)?"
    r"(?:开箱即用的|现成的|标准的?|专门的)?\s*("
    + _ZH_WORD
    + r"{2,12}?)(?:模块|功能|服务|工具|插件)"
)


def zh_status(code: str, text: str) -> str | None:
    """A status-quo rewrite of a flagged Chinese question, or ``None`` when none fits."""
    if code in ("competitor-confront", "leading", "obvious-answer"):
        selected = zh_selection(text, rival_only=False)
        if selected:
            return selected
    if code in ("leading", "obvious-answer", "hypothetical"):
        measured = _zh_measure(text)
        if measured:
            return measured
    if code == "leading":
        chore = _zh_chore(text)
        if chore:
            return chore
    if code in ("design-offload", "hypothetical", "opinion-fishing"):
        designed = zh_design_today(text)
        if designed:
            return designed
    if code == "hypothetical":
        offer = _ZH_OFFER.search(text)
        doing = _zh_subject(offer.group(1)) if offer else None
        if doing:
            return _zh_spaced(f"你们现在的{doing}是怎么做的？", text)
    return None


# --- English -----------------------------------------------------------------------------
_EN_NP = r"((?:the|your|our)\s+(?:[\w-]+\s+){0,5}?[\w-]+)"
_EN_PEOPLE = (
    r"(?:team|teams|engineers|analysts|managers|agents|staff|SREs|admins|operators|nurses|"
    r"clerks|helpdesk|developers)"
)


def _en_lower(phrase: str) -> str:
    return re.sub(r"^(?:The|Your|Our)\b", lambda m: m.group().lower(), phrase.strip())


def _en_singular(phrase: str) -> str:
    words = phrase.split()
    last = words[-1]
    if re.search(r"(?:ch|sh|x|ss)es$", last):
        last = last[:-2]
    elif last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return " ".join([*words[:-1], last])


def en_selection(text: str) -> str | None:
    """ "Why did the bank go with Temenos for core banking when …" asks how the selection
    went: "When you picked Temenos for core banking, which other vendors made the shortlist?"."""
    found = re.search(
        r"(?i)^(?:so,?\s+|honestly,?\s+)?(?:why\s+did\s+(?:you|the\s+[\w-]+|your\s+[\w-]+)\s+"
        r"(?:go\s+with|pick|choose|select|chose)|what\s+made\s+you\s+(?:pick|choose|go\s+with))\s+"
        r"((?-i:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}))\s+(?:over\s+us\s+)?for\s+"
        r"((?:the\s+|your\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)\s*(?:when\b|instead\b|over\b|rather\b|\?|,)",
        text.replace("\u2019", "'"),
    )
    if not found:
        return None
    area = found.group(2)
    return f"When you picked {found.group(1)} for {area}, which other vendors made the shortlist?"


_EN_MEASURES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "Would you like your quarterly access reviews to take less time?"
    (
        re.compile(
            r"(?i)\b(?:like|want)\s+(your\s+(?:[\w-]+\s+){0,4}?[\w-]+)\s+to\s+take\s+less\s+time\b"
        ),
        "How long did {last} take?",
    ),
    # "must be frustrated with how long the month-end invoice run takes"
    (
        re.compile(r"(?i)\bhow\s+long\s+" + _EN_NP + r"\s+takes\b"),
        "How long did {x} take last time?",
    ),
    # "want fewer mis-picks on the night shift"
    (
        re.compile(
            r"(?i)\b(?:want|like|prefer)\s+fewer\s+(?!surprises|issues|problems|headaches)"
            r"([\w-]+(?:\s+[\w-]+)?)\s+"
            r"((?:on|at|in|during)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)\s*\?"
        ),
        "How many {m} did you have {w} last month?",
    ),
    # "the barcode scanners in the cold store are basically unreliable today"
    (
        re.compile(
            r"(?i)^(?:so\s+)?" + _EN_NP + r"\s+(?:is|are)\s+(?:basically\s+|pretty\s+|really\s+)?"
            r"(?:unreliable|flaky)\b"
        ),
        "How many times did {x} fail last month?",
    ),
    # "Since the fraud rules throw so many false positives"
    (
        re.compile(
            r"(?i)^(?:since|because|given\s+that)\s+" + _EN_NP + r"\s+(?:throws?|raises?|blocks?|"
            r"flags?)\s+so\s+many\s+((?:[\w-]+\s+)?[\w-]+)"
        ),
        "How many {m} did {x} {v} last month?",
    ),
    # "burning out from the weekend pages on the billing service"
    (
        re.compile(
            r"(?i)\bburning\s+out\s+from\s+the\s+((?:[\w.-]+\s+){0,2}?)(pages|alerts|alarms|"
            r"call-outs)\s+(?:on|from|for)\s+" + _EN_NP + r"\s*,"
        ),
        "How many {w}{m} did {x} raise last month?",
    ),
    # "time out less often during flash sales"
    (
        re.compile(
            r"(?i)\b(?:want|like)\s+" + _EN_NP + r"\s+to\s+(time\s+out|crash|fail|go\s+down)\s+"
            r"less\s+often\s+((?:during|on|at)\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s*\?"
        ),
        "How many times did {x} {v} {w} last month?",
    ),
)


def _en_measure(text: str) -> str | None:
    plain = text.replace("\u2019", "'")
    for pattern, template in _EN_MEASURES:
        found = pattern.search(plain)
        if not found:
            continue
        values: dict[str, str] = {}
        groups = [g or "" for g in found.groups()]
        if "{last}" in template:
            thing = re.sub(r"(?i)^your\s+", "", groups[0])
            values["last"] = "your last " + _en_singular(thing)
        elif "{m}" in template and "{x}" not in template:
            values["m"], values["w"] = groups[0], groups[1]
        elif "{v}" in template and "{m}" in template:
            values["x"], values["m"] = _en_lower(groups[0]), groups[1]
            verb = re.search(r"(?i)\s(throws?|raises?|blocks?|flags?)\s", found.group())
            values["v"] = re.sub(r"s$", "", verb.group(1).lower()) if verb else "raise"
        elif "{w}{m}" in template:
            values["w"], values["m"], values["x"] = groups[0], groups[1], _en_lower(groups[2])
        elif "{v}" in template:
            values["x"], values["v"], values["w"] = _en_lower(groups[0]), groups[1], groups[2]
        else:
            values["x"] = _en_lower(groups[0])
        if re.search(r"(?i)\b(?:it|this|that|them|they)\b", " ".join(values.values())):
            return None
        return template.format(**values)
    return None


def _en_today(text: str) -> str | None:
    plain = text.replace("\u2019", "'")
    # "If we shipped a native connector for your Epic EHR, would your integration team adopt it?"
    connector = re.search(
        r"(?i)\bif\s+we\s+(?:shipped|built|offered|released)\s+an?\s+(?:native\s+|built-in\s+)?"
        r"(?:connector|integration)\s+(?:for|to|with)\s+(your\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s*,",
        plain,
    )
    if connector:
        return f"How does data get in and out of {connector.group(1)} today?"
    # "the perfect admin console for managing SSO policies": how they manage them today
    console = re.search(
        r"(?i)\b(?:perfect|ideal)\s+(?:[\w-]+\s+){0,2}?(?:console|tool|dashboard|portal)\s+for\s+"
        r"(managing|tracking|reviewing|monitoring)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s*(?:include|look|be|\?|,)",
        plain,
    )
    if console:
        verb = console.group(1).lower()[:-3]
        verb = {"manag": "manage", "review": "review", "track": "track", "monitor": "monitor"}.get(
            verb, verb
        )
        return f"How does your team {verb} {console.group(2)} today?"
    return None


def en_status(code: str, text: str) -> str | None:
    """A status-quo rewrite of a flagged English question, or ``None`` when none fits."""
    if code in ("competitor-confront", "leading"):
        selected = en_selection(text)
        if selected:
            return selected
    if code in ("leading", "obvious-answer", "hypothetical"):
        measured = _en_measure(text)
        if measured:
            return measured
    if code in ("design-offload", "hypothetical"):
        return _en_today(text)
    return None
