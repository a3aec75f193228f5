"""Shallow-question rules for Chinese, written for Chinese grammar.

Closed forms, 是非问 (… 吗 / … 吧), 正反问 (会不会, 有没有, 要不要, 是不是, 能不能, 愿不愿意)
and 是否, are fine about specific facts and shallow about universal wants or verdicts on
us; 特指问 (什么, 怎么, 哪, 谁, 多少, 几, 如何) are usually open; 您觉得 … 怎么样 asks for an
opinion; a trailing 对吧 / … 吧 or 难道 leads. Each rule yields ``(code, (start, end))``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

Hit = tuple[str, tuple[int, int]]

_END = r"[？?！!。．.\s]*$"
_NO_BREAK = r"[^，,；;。？?！!]"
_YOU = r"(?:你们|您们?|你|贵司|贵公司|贵方|各位|咱们这边)"
_US = r"(?:我们|咱们|我司|我方|我们公司|我们团队|我们产品|我们的产品)"

# --- obvious-answer -------------------------------------------------------------------
_CLOSED = re.compile(
    r"是否|吗" + _END + r"|么" + _END + r"|(.)不\1|想不想|需不需要|希不希望|愿不愿意|在不在意|"
    r"在不在乎|重不重要|喜不喜欢|有没有必要|要不要|是不是"
)
_WANT = r"(?:希望|想要|想|需要|要|愿意|期待|期望|喜欢|欢迎|乐意|盼望|追求|接受)"
_DESIRABLE = (
    r"(?:少(?:点|一点|些|一些)?(?:故障|宕机|问题|bug|报错|告警|延迟|卡顿|事故|麻烦)|"
    r"(?:故障|问题|宕机|卡顿)(?:更|再)?少|不(?:出故障|宕机|掉线|卡顿?|出问题)|"
    r"更(?:加)?(?:稳定|可靠|便宜|快|好用|安全|简单|方便|省心|省钱|低|高|流畅|及时|优惠|划算|实惠)|"
    r"稳定(?:一点|些|点)|便宜(?:一点|些|点)|降价|价格(?:更)?(?:低|便宜|优惠|实惠)|"
    r"(?:更)?低的?(?:价格|成本|费用|延迟|时延)|低价|物美价廉|价廉物美|又好又便宜|"
    r"性价比(?:更)?高|省钱|省成本|节省成本|降(?:低)?(?:成本|费用)|成本(?:更)?低|"
    r"优惠|折扣|打折|(?:响应|支持|服务|售后)(?:更|能)?(?:快|及时|好|到位)|"
    r"(?:更)?好的(?:服务|支持|性能|体验|产品)|(?:更快|及时)的(?:响应|支持|服务)|"
    r"安全(?:性)?(?:更)?(?:高|好)|高可用|可用性(?:更)?高|性能(?:更)?(?:好|高|强)|"
    r"更多(?:的)?功能|功能(?:更)?(?:多|强|全)|好用|易用|简单易用|操作简单|用起来(?:更)?(?:方便|简单))"
)
_IMPORTANT = r"(?:重要|关键|在意|在乎|关心|看重|重视|关注|优先考虑)"
_QUALITY = (
    r"(?:稳定性|安全性?|成本|价格|费用|性能|可用性|服务质量|售后|响应速度|体验|易用性|可靠性|"
    r"数据安全|合规|性价比|价钱)"
)
_OBVIOUS = re.compile(
    rf"{_WANT}{_NO_BREAK}{{0,8}}?{_DESIRABLE}|"
    rf"{_QUALITY}{_NO_BREAK}{{0,8}}?{_IMPORTANT}|{_IMPORTANT}{_NO_BREAK}{{0,6}}?{_QUALITY}|"
    r"谁不(?:想|希望|喜欢|愿意|需要)"
)

# --- design-offload --------------------------------------------------------------------
_BUILD = (
    r"(?:做|开发|增加|加上?|上线|推出|提供|优先|改进|改|优化|设计|出|规划|支持|新增|补充|完善|"
    r"投入|打造|迭代|排期)"
)
_WHAT = r"(?:什么|哪些|哪个|哪一?[个块项类种]|啥|哪块|哪方面|怎样的|什么样的?)"
_FEATURE = r"(?:新?功能|模块|产品|特性|能力|服务|工具|方向|改进|改动|优化)"
_DESIGN_OFFLOAD = re.compile(
    rf"{_US}{_NO_BREAK}{{0,8}}?{_BUILD}{_NO_BREAK}{{0,6}}?{_WHAT}|"
    rf"{_WHAT}{_NO_BREAK}{{0,4}}?{_FEATURE}{_NO_BREAK}{{0,6}}?(?:应该|该|需要|值得|最好)"
    rf"{_NO_BREAK}{{0,4}}?{_BUILD}|"
    rf"(?:建议|希望|想让|想要|期待|期望|想看到|希望看到){_NO_BREAK}{{0,10}}?{_WHAT}"
    rf"{_NO_BREAK}{{0,4}}?{_FEATURE}|"
    rf"{_FEATURE}{_NO_BREAK}{{0,6}}?(?:有|提)?(?:什么|哪些|啥)(?:好的)?(?:建议|想法|点子|意见)|"
    rf"如果(?:您|你)是{_US}?的?(?:产品经理|产品负责人|PM|pm|产品)|如果(?:您|你)是{_US}|"
    rf"(?:产品|功能|控制台|路线图|规划|版本|接口|API|api){_NO_BREAK}{{0,6}}?(?:应该|该|要)"
    rf"(?:怎么|如何)(?:设计|做|改|规划|定价|优化)|"
    rf"(?:怎么|如何)(?:设计|规划|定价|改进){_NO_BREAK}{{0,4}}?{_US}"
)

# --- competitor-confront ---------------------------------------------------------------
_RIVAL = (
    r"(?:友商|竞品|竞争对手|对手|别家|别的(?:厂商|云|家)|其他(?:厂商|家|云|供应商)|另一家|他们家|"
    r"阿里云|阿里|腾讯云|华为云|AWS|aws|亚马逊|微软|Azure|azure|谷歌云|GCP|gcp|火山引擎|"
    r"百度智能云|百度云|金山云|七牛云?|UCloud|ucloud|京东云|天翼云|移动云|网宿|Akamai|akamai|"
    r"Cloudflare|cloudflare)"
)
_PICK = (
    r"(?:选|选择|选用|用|采用|采购|签|签约|买|找|换成?|迁到|迁移到|转向|转到|留在|给|投向|"
    r"倾向|上了|定了|中标|续约)"
)
_WHY = r"(?:为什么|为啥|为何|怎么会|是什么原因让|什么原因)"
_COMPETITOR = re.compile(
    rf"{_WHY}(?!{_NO_BREAK}*决定){_NO_BREAK}{{0,12}}?{_PICK}了?{_NO_BREAK}{{0,8}}?{_RIVAL}|"
    rf"{_WHY}{_NO_BREAK}{{0,6}}?(?:不|没有?|没再|不再){_NO_BREAK}{{0,4}}?{_PICK}{_NO_BREAK}"
    rf"{{0,4}}?{_US}|"
    rf"{_WHY}.{{0,20}}?(?:而不是|而没有?选?|却没有?选?|却不选?|不选|没选|放弃了?){_US}|"
    rf"{_RIVAL}{_NO_BREAK}{{0,8}}?(?:哪里|哪些地方|什么地方|哪方面|有什么|哪点)"
    rf"{_NO_BREAK}{{0,4}}?(?:比{_US}|强过{_US}|优于{_US}|胜过{_US}|更)(?:好|强|优|有优势)?|"
    rf"(?:比{_US}|强过{_US}|优于{_US}){_NO_BREAK}{{0,6}}?(?:好在|强在|哪里|哪儿)|"
    rf"怎么(?:没|不)(?:选|用|找){_US}|{_US}(?:输|丢单|败)在(?:哪|什么)|"
    rf"{_WHY}{_NO_BREAK}{{0,6}}?(?:{_RIVAL})(?:能|会)?(?:赢|中标|拿下)"
)

# --- hypothetical ----------------------------------------------------------------------
_IF = r"(?:如果|要是|假如|假设|倘若|万一|一旦|若是?|假若|等到?|哪天)"
_SHIP = (
    r"(?:上线|推出|提供|做了?|做出|支持|降价|出了?|有了?|开放|加了?|增加|发布|优化|打折|免费|送|"
    r"开通|落地|搞|便宜|降低|实现|把价格)"
)
_WOULD = (
    r"(?:会不会|会|愿不愿意|愿意|是否会|是否愿意|考虑|打算|要不要|想不想|能不能|肯不肯|可能|"
    r"有没有兴趣|有兴趣)"
)
_ADOPT = (
    r"(?:为|给|花|付|出钱|买|购买|采购|付费|使用|用|试用|试|迁移|迁过来|迁|切换|换|升级|续约|签|"
    r"尝试|接受|上|引入|部署|推荐|考虑|订阅|加购|扩大|增加投入|投入)"
)
_HYPOTHETICAL = re.compile(
    rf"{_IF}{_NO_BREAK}{{0,3}}?{_US}.{{0,24}}?{_SHIP}.{{0,24}}?{_WOULD}|"
    rf"(?:会不会|愿不愿意|愿意|会考虑|是否会|是否愿意|有没有意愿|有意愿|肯不肯|打不打算|"
    rf"有没有兴趣|有兴趣){_NO_BREAK}{{0,4}}?{_ADOPT}|"
    rf"(?:会|打算|准备){_NO_BREAK}{{0,6}}?(?:买|采购|购买|付费|试用|切换过来|迁过来)"
    rf"{_NO_BREAK}{{0,6}}?(?:吗|么|不){_END}|"
    rf"愿意{_NO_BREAK}{{0,6}}?(?:花|付|出|掏){_NO_BREAK}{{0,3}}?多少|"
    rf"(?:能|可以)?(?:接受|承受){_NO_BREAK}{{0,3}}?(?:多少钱|什么价|多高的?价|多贵)|"
    rf"(?:心理价位|愿意付费)"
)

# --- opinion-fishing -------------------------------------------------------------------
_OURS = (
    r"(?:我们|我司|咱们|贵方对我们|产品|服务|控制台|平台|售后|技术支持|支持团队|文档|接口|API|api|"
    r"SDK|sdk|价格|定价|报价|体验|方案|团队|新版|功能)"
)
_VERDICT = (
    r"(?:怎么样|如何|咋样|怎样|好不好|行不行|满意吗|满不满意|好吗|还行吗|可以吗|靠谱吗|靠不靠谱|"
    r"好用吗|好不好用|到位吗|专业吗|合格吗)"
)
_OPINION = re.compile(
    rf"(?:觉得|认为|感觉|看|印象|感受|体验|评价){_NO_BREAK}{{0,20}}?{_VERDICT}(?:呢|啊)?{_END}|"
    rf"(?:对|对于){_NO_BREAK}{{0,4}}?{_OURS}{_NO_BREAK}{{0,12}}?"
    r"(?:评价|看法|印象|感受|意见|满意度|满意程度|打分|评分)|"
    r"(?:是否|是不是|还)?满意吗|满不满意|是否满意|满意不满意|打几分|打个分|打多少分|能打几|"
    r"几颗星|几星|(?:会不会|愿不愿意|是否会|会)推荐(?:我们|给)|推荐给(?:别人|同行|朋友)的可能|"
    rf"{_US}的?{_NO_BREAK}{{0,10}}?(?:好不好用|好用吗|怎么样|咋样|如何|行不行|靠谱吗)"
    rf"(?:呢|啊)?{_END}|"
    rf"(?:喜欢|喜不喜欢){_US}"
)

# --- leading ---------------------------------------------------------------------------
_LEADING = re.compile(
    r"难道|"
    r"(?:对吧|是吧|对不对|不是吗|没错吧|对么|对吗|是吗|好吧|对不|是不|没错吗|不对吗|吧)"
    r"(?:[？?！!。]*\s*)$|"
    r"[，,]\s*是不是" + _END + "|"
    r"不(?:觉得|认为|感觉|是)" + _NO_BREAK + r"{0,30}?(?:吗|么)" + _END + "|"
    r"(?:是不是|是否)也(?:觉得|认为|感觉)|"
    r"(?:肯定|显然|想必|一定也?|当然|毫无疑问)" + _NO_BREAK + r"{0,30}?(?:吧|吗|么)" + _END + "|"
    r"谁不(?:想|希望|喜欢|愿意|需要)|(?:大家都知道|众所周知|您也(?:同意|认同))"
)

# --- double-barreled -------------------------------------------------------------------
_MARKER = re.compile(
    r"什么|怎么|怎样|哪(?!怕)|谁|多少|(?<![这那好前后头十])几(?!乎)|如何|为什么|为何|为啥|是否|有没有|会不会|要不要|"
    r"是不是|能不能|多久|多大|多长|多高|何时|何地|(.)不\1|(?:吗|么|呢)$"
)
_CLAUSE_SPLIT = re.compile(r"[，,；;：:]|以及|并且|而且|另外|同时|还有|和|跟|及|与|或者|或是")
_QUESTION_MARKS = re.compile(r"[？?]\s*\S[^？?]*[？?]")

# --- vague -----------------------------------------------------------------------------
_ANCHOR = re.compile(
    r"\d|上周|上个?月|上个?季度|上半年|下半年|去年|今年|前年|昨天|前天|本月|本周|本季度|这个季度|"
    r"[qQ][1-4]|[一二三四五六七八九十两]+(?:月|年|周|天|次|个月|季度)|那次|上次|上回|最近一次|这次|"
    r"那一次|当时|期间|以来|之前|之后|以后|的时候|时[，,]|大促|双十一|双11|春节|故障|迁移|上线|"
    r"发布|合同|续约|账单|工单|招标|扩容|切换|演练|事故|宕机|回源|转码|直播|活动|项目|审计"
)
_VAGUE = re.compile(
    r"还有(?:没有)?(?:什么|其他|别的|其它|啥)"
    + _NO_BREAK
    + r"{0,8}?(?:吗|么|呢|没有|嘛)?"
    + _END
    + "|"
    r"^(?:那|那么|好的?[，,]?)?(?:" + _YOU + r")?(?:目前|现在|最近|平时)?"
    r"(?:有|有没有|还有|存在|面临|遇到)(?:什么|啥|哪些|没有)?(?:其他|别的|其它)?的?(?:问题|需求|建议|意见|想法|痛点|困难|"
    r"挑战|诉求|反馈|困扰|难处|顾虑)(?:吗|么|呢|没有|嘛)?" + _END + "|"
    r"最近(?:怎么样|如何|还好吗|忙吗|好吗|咋样)|一切(?:都)?(?:还)?(?:好吗|顺利吗)|"
    r"(?:业务|生意|工作|情况)(?:最近)?(?:怎么样|如何|咋样)" + _END + "|"
    r"有(?:什么|啥|没有)(?:可以|需要|要)?(?:我们|我)?(?:帮忙|帮|帮助|支持|配合|效劳)的?"
    r"(?:地方)?(?:吗|么|嘛)?" + _END + "|"
    r"^(?:请|麻烦)?(?:您|你们?)?(?:先)?(?:说说|聊聊|谈谈|讲讲|介绍一下|介绍下|讲一下|说一下)"
    r"(?:" + _YOU + r")?的?(?:整体|大概|基本)?(?:情况|需求|痛点|问题|困难|挑战|想法|业务|现状)"
    r"(?:吧|吗)?" + _END + "|"
    r"^(?:" + _YOU + r")?(?:目前|现在|当前|最近)?(?:的)?(?:主要|最大的?|核心)?(?:需求|痛点|问题|"
    r"困难|挑战|诉求)(?:是|有)(?:什么|啥|哪些)(?:呢)?"
    + _END
    + "|"
    + _US
    + r"(?:能|可以|还能|还可以)(?:为"
    + _YOU
    + r"|帮"
    + _YOU
    + r"?)?(?:做|做些|做点)"
    r"(?:什么|啥)|"
    r"(?:有|还有)(?:什么|啥|没有)(?:想法|建议|意见|反馈|要说的|要补充的)(?:吗|么|呢)?" + _END
)

Rule = Callable[[str], Iterator[Hit]]


def _regex_rule(code: str, pattern: re.Pattern[str]) -> Rule:
    def rule(text: str) -> Iterator[Hit]:
        match = pattern.search(text)
        if match:
            yield code, match.span()

    return rule


def _obvious(text: str) -> Iterator[Hit]:
    if _CLOSED.search(text):
        match = _OBVIOUS.search(text)
        if match:
            yield "obvious-answer", match.span()


def _double(text: str) -> Iterator[Hit]:
    match = _QUESTION_MARKS.search(text)
    if match:
        yield "double-barreled", match.span()
        return
    body = text.rstrip("？?！!。 ")
    clauses = [c for c in _CLAUSE_SPLIT.split(body) if c and c.strip()]
    marked = [c for c in clauses if _MARKER.search(c)]
    if len(marked) >= 2:
        start = text.find(marked[0])
        yield "double-barreled", (max(start, 0), len(body))


def _vague(text: str) -> Iterator[Hit]:
    match = _VAGUE.search(text)
    if match and not _ANCHOR.search(text):
        yield "vague", match.span()


RULES: tuple[Rule, ...] = (
    _obvious,
    _regex_rule("design-offload", _DESIGN_OFFLOAD),
    _regex_rule("competitor-confront", _COMPETITOR),
    _regex_rule("hypothetical", _HYPOTHETICAL),
    _regex_rule("opinion-fishing", _OPINION),
    _regex_rule("leading", _LEADING),
    _double,
    _vague,
)

_WIDTH = str.maketrans({"?": "？", ",": "，", ";": "；", "!": "！"})


def normalise(text: str) -> str:
    """Half-width punctuation made full-width and Latin lower-cased; same length."""
    return text.translate(_WIDTH).lower()


def find(text: str) -> list[Hit]:
    """Every rule's first hit in ``text``, in rule order."""
    plain = normalise(text)
    return [hit for rule in RULES for hit in rule(plain)]
