"""Does a commitment touch what the visit plan says must not be promised?

The plan's "must not promise" and "may promise" are free text, one item per line (or
separated by ; ； , ， 、 。 /). A limit is read for its meaning, not its words, as PMs write
them (``Specific GA date for the Frankfurt region``, ``SLA 高于 99.95%``, ``免费试用期延长``):
a *kind* of promise, what it is about (its subject) and, for a figure, a threshold. Each kind
is recognised in a commitment by its forms, in both languages and as people say them:

- a date (``具体上线日期``, ``launch dates``): a concrete date or a relative deadline
  (``2027 年 3 月 31 日前``, ``月底前``, ``下个迭代``, ``by end of quarter``, ``next sprint``),
  a date relative to an event (``款到后三天``, ``赶在验收前``, ``within a fortnight of``),
  or handing over the date itself (``告诉客户上线日期``); with no subject, of a launch,
  release or delivery;
- a price or discount (``GPU 价格折扣``, ``Egress pricing``): a number with a discount word
  (``八五折``, ``15% off``, ``twenty percent off``), a concession (``再让一点``, ``knock …
  off``, ``at cost``, ``match the … price``), an amount of money (a currency, ``元``,
  ``块``, ``一毛二``), something free or not billed (``白送``, ``费用不收``, ``不收你们的钱``,
  ``comp``, ``forgiven``, ``won't charge``, ``gratis``, ``for nothing``, ``ours to absorb``),
  credits, a price lock (``won't go up``), a price given (``协议价给到你们``);
- an SLA figure (``定制 SLA``, ``Latency guarantees``): an availability figure (``99.99%``,
  ``四个九``) above the limit's threshold if it has one, a response, recovery or latency time
  (a time limit, ``时限``, too), service credits or 赔付; a limit on one measure (accuracy,
  latency, availability) is not touched by a figure of another;
- a roadmap item (``未公开的产品路线图``, ``Support for …``): building, adding, shipping or
  scheduling something new (``排进下个大版本``, ``is coming``, ``on the roadmap``, ``we'd build``,
  ``in the pipeline``), not switching on what exists;
- a resource commitment (``驻场工程师``, ``Reserved capacity``, ``连接数``): people or capacity
  assigned (``a couple of our engineers``), dedicated, reserved, held, raised to a figure
  (``配额拉上去``, ``lift … to 2 million``), bandwidth as a pipe or a port of a size, a peak
  held or a line raised (``ten-gig pipe``, ``顶到五百G``, ``从千兆升到万兆``), or at the
  customer's place when the limit says on site; a resource guaranteed (``bandwidth
  guarantees``) is a resource held. A limit on people is not touched by capacity set aside,
  nor a limit on capacity by people assigned.

A limit with no kind word is known by what it names: a product, a region or a feature
(``Frankfurt region``, ``华南节点``, ``DDoS 高防``) is touched by any promise about it (when it
is out, what it will do, what is set aside on it, how well it runs, what it costs); a
version to come (``an on-prem version``) only by when it is out and what is in it; people
(``on-call engineers``) are a resource. A product with a kind word in its name
(``专属宿主机``, ``dedicated hosts``) is a product.
A thing of a product (``备份保险库的跨地域复制``, ``MQTT 5 in IoT Core``) is that thing: a
commitment that names the product without the thing is about something else; a version is
part of what a thing is (``the v2 SDK`` is not ``the v3 SDK``); what exists already
(``已经适配完了``, ``already supports``) is switched on, not built or launched. A limit may
name more than one kind (``告警功能排期``:
a date and a roadmap item); a short form is its kind alone (``no dates``, ``别报价``). What is
in brackets belongs to its item (``转码功能（AV1、HDR 等）``), and ``24/7`` is not two items.

The subject is named by any one of its significant terms, a synonym (SSO ~ SAML, GPU ~ 卡 ~
H800 ~ accelerator), a place by its cities or country (``法兰克福`` ~ ``德国`` ~ ``eu-central``,
``华南`` ~ ``深圳``, ``Saudi`` ~ ``Riyadh`` ~ ``KSA``) or by its form (``me-central-2``,
``兰州节点``) or a shortened Chinese name (``数据迁移工具`` ~ ``迁移工具``, ``华东二区`` ~
``华东``);
nouns that only say what sort of thing it is (集群, region, API, cloud, DC) name it only when
nothing else does, and vague ones (产品, 项目, service) never. A commitment touches a limit when one
of its clauses promises that kind of thing about the subject (``发送 GPU 资源池产品白皮书``
names GPU but promises no price). People promise in their own words and rarely repeat the
plan's, so a clear promise of the kind that names nothing else is taken as about the
limit's subject (``出了故障我们 10 分钟内有人接`` for ``企业支持计划响应时间``); one that
names a product or a place the limit does not (a table of product names and their forms,
``X 区域``, ``the X region``, ``the X API``, ``the X edition``) is about that (``对象存储外网流量``
is not ``CDN 流量``, ``the Paris region`` not Frankfurt), unless it also names the subject
outright by a name that is no product or place (``Enterprise will get SSO`` is about ``the
Enterprise licence``); a place the tables do not know (``贵安``) is not touched by a promise
about another place (``庆阳那边``). People at a site are also said as people say it
(``蹲点``, ``值守``, ``一个都不撤``, ``boots on the ground``, ``sit at the hospital``, ``in the
war room``, ``住在你们厂里``, ``驻校``, ``to their farms``, ``in the barn with them``, ``on the
ground in``); people sent are no material sent, a meeting at their office promises no one, and
people for another piece of the customer's work (``for their ERP upgrade``) are not for the
limit's. People are people whatever they work on, unless the limit names a role and
they have another (a CSM is no on-call engineer), or the limit names what
they work on and they work on another product; people on a product or a place count as a
promise about it. A name is read for what sort of thing it is: a product of a class
(``RabbitMQ`` and ``Kafka`` are message queues, ``MySQL`` and ``Postgres`` databases) is not
another of the class, and the class word (``消息队列``, ``the database``) names the limit's;
GPUs are HPC capacity; a name with a head word of a product (``the search service``,
``the X gateway``, ``工单系统``, ``政务云``, ``安全托管``) is a product, not a feature of the
limit's; another place than the limit's is elsewhere whatever else is named, and a place
of the customer's own (``your Manila site``) is none of ours. A word for what is done to a
thing (``retention``, ``upgrades``, ``migration``) names the limit only with the thing.
A place is read by its form too: a country's adjective or code (``Indonesian``, ``the ID
region``), a region code (``eu-south-2``, ``sa-east``); a city is in its region (深圳 is in
华南) and is not another city of it (重庆 is not 成都); a limit on a product is not about a
place, so a promise on it somewhere is about it; the customer's data centre is where a
private deployment runs. Accuracy (``准确率``, ``WER``, ``95% accurate``) is an SLA figure;
a share of a measure brought down (``延迟降 20%``) is no price; a date by which we answer
(``周五前回复``) is no date of ours.
A figure is compared with a limit's threshold by value (99.9% is not above
99.9%, however it is guaranteed); a rate of something measured (``delivery rate``) is no
price; a bare figure a month, a year or per unit (``500 a month per bot``, ``15 grand``) is.
What the customer's side confirms or accepts (``双方确认为零``, ``Customer accepts the
30-minute response we offered``) is promised: only a negation refuses in it. A date must then be a
launch's or a delivery's (``建好``, ``放量``, ``is yours``, ``up Monday``). What the customer
or a third party promises, plans or asks of its own (``客户承诺…``, ``厂里承诺…``, ``they said
they'd…``) is theirs, unless it hands something over to us or a clause of ours ties to it.
A name no table knows is compared with the limit's by its form, not looked up: the same word
once stemmed (``Nordic`` ~ ``Nordics``), its initials (``video-on-demand`` ~ ``VOD``), the
same root of five letters or more (``short-link`` ~ ``URL shortener``), a member of the
class the limit names by its head word alone (``the Business tier`` for ``support-tier
pricing``); a name of the same sort that differs is another thing; a region code is compared
whole (``cn-qarth-2`` is not ``cn-qarth-1``), and a proper noun in a place slot (``in
Braavos``) is another place than a limit's own place of no table (``capacity in Qarth``).
What a thing is compared with (``the same price as Frankfurt``) and when a promise holds
(``during training runs``, ``训练期间``) name no subject. A limit of a kind alone (``no dates``)
is touched by any date promised by a promise verb, never by one in a condition (``if you
sign this quarter``). Money is also said as the bill (``your bill stays flat``, ``won't show
up on your invoice``, ``bucks``, ``按标准档的钱收``, a fee ``X费``); a guarantee of a
negation is a promise (``保证性能不降级``, ``commit to no throttling``, ``won't get
reclaimed``); 竞价 (spot) is no price, 库存 (stock) capacity.
Names are also looked up in the domain lexicon (:mod:`interview_tui.services.lexicon`,
``lexicon.toml``: product families and places in both languages, and what holds what): a
commitment that names a sibling of the limit's subject (another member of its family,
another place) and nothing that names it is about something else (``托管 Redis`` is not
``托管 PG``, ``Osaka`` not ``Tokyo``); one that names the subject by another name, a member
of it or a place inside it (``Stockholm`` or ``eu-north`` for the Nordics, ``cn-xian-1`` for
西安, ``刷脸认证`` for ``人脸核身``) is read in the limit's words when the reading by form did
not find the subject. The form-based comparison stays for names the lexicon lacks. A region
code of a country's two letters names the one place of that country whose Latin name its word
shortens (``pt-lis-1`` Lisbon, ``in-chn-1`` Chennai, ``cn-gz-2`` Guangzhou, the city before the
province), and a continent's code the one place whose name its word starts (``ap-sin-1``
Singapore); a Chinese city is also its first character and 市 (``哈市``, ``张市``); a zone
is known by its number (``华东二区`` ~ ``华东二`` ~ ``沪二``, not ``华东一区``);
a limit on a place alone is touched by a promise on any product there, not by a clause that
promises about another place (``成都先给你们预留，西安这次不谈``).
The kind is read from the sentence: a quality said as a rate of outcomes (``误识率低于万分之一``,
``bounce rates under 2%``), as so many times out of so many or as a loss that never happens
(``won't drop an acknowledged message``) is an SLA figure, and a limit on such a rate
(``通过率``, ``deliverability``) an SLA limit; capacity raised by a factor (``扩一倍``, ``double
the capacity``) is a resource, and bandwidth, an expansion (``扩容``) or a person to deal with
(``专人对接``) is the kind a limit names, not its subject; a launch is also what is there by
then (``it'll be there``, ``明年给到``); money is also cost price, a deduction (``抵扣``), a fee
like this year's, a true-up, a bare figure per person-day or per unit and period; a limit on a
thing of a product by no kind word (``backup immutability``) is not touched by the product's
price when the thing is left unsaid.
A failure promised never to happen (``保证不宕机``, ``won't go down``, ``without throttling``,
``won't get rate-limited below``) is a quality or a throughput, and failures counted per period
(``误唤醒每周最多两次``, ``below one per day``) a quality; capacity or a new thing the customer
will have (``you'll have capacity for``, ``we'll have a connector … for you``), a feature
agreed (``答应做``), a capability from a date on (``下个季度就可以…``), a plain verb of doing
with a date (``the registry will mirror … by Q2``, ``会把镜像同步到大阪``) and the customer
handing something to us by a date (``…前把数据导给我们``) are promised; people's time (人天,
工时, person-days) is a resource; a version to come is when it is out and what is in it.
A meeting set for a date (``再约个会``) or a diagram sent is no promise, nor a limit's own name
in a commitment that defers in another clause; what a price is compared with by 按 or 照
(``按东京一样的价``) names no subject; ``rate limit`` and a rate of outcomes (``false accept
rate``) are no price; a charge skipped (``skip the true-up``) is money; failures one in so
many (``under 1 in 100,000``) or a failure measure under a share (``packet loss under 0.1%``)
are a quality; a visit, a call or a look at options is no plain promise. So many out of so
many (``99 of every 100``, ``nineteen out of twenty``, ``一万条里最多丢三条``), a loss said in
the passive (``no acknowledged message will be lost``, ``一条都不会丢``) are a quality; money
is also what it costs us (``按进价``) or a true-up not made (``不做补差``); a festival or a
season or a stage of their year (``开斋节前``, ``旺季前``, ``汛期前``, ``春耕之前``, ``before
their plant shutdown``, ``before calving season``), no later than an event (``不晚于…开课``)
and so long after one (``a fortnight after the pilot``) are dates; what the customer sends over
(``把…给过来``) is theirs to promise. A question by a verb and its negation (``会不会``)
asks, and a figure of the past (``去年``, ``last quarter``, ``上一个项目``, ``实测``, ``went
live``, ``under the old contract``) is a record, not a promise, unless a promise verb is
with it.
A product whose name holds the limit's (``数据库审计`` for ``云数据库``, an SMS gateway for an API
gateway) is another product, and what is pointed at (``那套系统``) no name. Throughput and
throttling (``吞吐``, ``并发``, ``限流``) are capacity held and a figure guaranteed: traffic let
through or never held back (``不会拦你们``, ``放行``, ``won't cap your calls``), capacity never
taken back (``不会被抢占``, ``won't be pre-empted``), sized for, in place or made ready by what it
is (``资源我们提前备好``, ``ready for you``), a load taken (``兜得住``) and a count of things
taken on (``handle 2 million meters``) are promised, as are an application made for the
customer (``给你们申请``) with an assurance (``没问题``) and someone going over to sit with
them. A price list or a best practice handed over, a note taken (``记下来``), a how-to
(``怎么配``) or a visit (``参观``) promises nothing; the customer's own bucket, documents or
records are no product or document of ours; a kind alone after "/" is a kind of the item
before it (``API 网关吞吐/限流``).
A clause that refuses, negates or only promises to find out (``没公布的日期一律不给``,
``回去确认一下``, ``check internally``) promises nothing; nor does a clause that hands
over a document or a report, nor a commitment that calls itself a goal, best effort or
no part of the contract, or says it promises nothing today (``今天不额外承诺``, ``I can't
promise it``). Phrases that promise by a negation (``不超过 1 小时``, ``no more than``,
``won't go up``, ``不收费``) still do. A limit of no known kind falls back to its whole
words and terms (English words in any form, Chinese terms whole), again never in a refusal.
What the customer or a public body asks, wishes or says (``客户希望…``, ``区教育局说…``,
``they've committed to…``) stays theirs
when all that our other clauses do is take note or defer (``我们先记下了``, ``回去评估``), or
go on with their wish (``…，想跟我们打通``); a record of before (``昨晚``, ``上次``,
``我们之前``) is no promise, nor is the 会 of a noun (``晚会``, ``年会``). A time is also a
share of its unit (``一刻钟``, ``a tenth of a second``; under a second is a latency), and a
discount off the list price (``按目录价八折``) is a discount, not the list price, and a price held
to what they pay now (``单价不会比现在的供应商高``, ``cost them no more than``) a price. Bandwidth
is also a figure in words guaranteed or held at least (``a minimum of five gigabits per
second``, ``a gigabit uplink``), and a rate of outcomes a share in words (``two percent``).
A clause that names a made-up product name (a capital inside a word: ``GridVault``) other than
the limit's, and not the limit's, is about that product; so is the limit's name on another
product (``天穹对象存储`` for ``天穹数据库``). A product that will get a new thing (``would get a
… module``) and a product brought to a platform (``bring managed Kubernetes to the … cloud``)
are roadmap items. A thing stood up, spun up or brought up by a date is launched then, and
capacity kept or racked for the customer (``给你们留了一个整包间``, ``给你们上架``) is held.

A limit is often written as a prohibition (``no X for Y``, ``Y: no promises``, ``Y: nothing
X``, ``nothing on Y``, ``X, any product``, ``avoid X``; ``不许说X``, ``别答应X``, ``X免谈``,
``X一律不给``, ``禁止X``): its prohibition and scope words and the colon are neither its kind nor
its subject, and a scope alone after a comma (``no dates, anything``) widens the item before it;
a kind alone forbidden after a comma (``核心系统迁移，不给日期``, ``Kestrel, no dates``) is the kind
of the item before it when no kind word names that one.

What the plan says may be promised is within authority: the parts of a commitment that
repeat a "may promise" item (word for word, or every significant word of it) are not
checked. The check warns and says why (:class:`Flag`: the limit and the commitment's
words); the PM decides, and an override is recorded on the commitment
(:func:`override_authority`, :func:`apply_override`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from interview_tui.services.lexicon import lexicon, relate

if TYPE_CHECKING:
    from interview_tui.domain.models import Commitment
    from interview_tui.store.store import Store

#: "/" separates items, not the parts of one name (``24/7``, ``RTO/RPO``)
_SPLIT = re.compile(r"[\n;；,，、。]+|(?<![\da-zA-Z])/|/(?![\da-zA-Z])")
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
_CJK_QUALIFIERS = (
    "任何形式的",
    "任何的",
    "具体的",
    "明确的",
    "确切的",
    "正式的",
    "书面的",
    "任何",
    "具体",
    "明确",
    "确切",
    "正式",
    "书面",
    "额外",
    "不能",
    "不要",
    "不得",
    "承诺",
    "给出",
)
_SUFFIXES = ("ing", "ed", "es", "s", "e")


def _re(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE | re.ASCII)


# -- what a limit is about ------------------------------------------------------------------

DATE, PRICE, SLA, ROADMAP, RESOURCE = "date", "price", "sla", "roadmap", "resource"

#: the words that make a limit one kind of promise, strongest first (``GPU 价格折扣`` is a
#: price, ``roadmap dates`` a date); each is taken out of the limit, what is left is its subject
_KIND_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        PRICE,
        _re(
            # a price noun with what qualifies it ("大客户专属价" is a price, not a resource)
            r"(?:专属|专享|独享|特殊|内部|协议|优惠)?(?:价格|价钱|价位|(?<![评代估身竞])价(?!值))"
            r"|定价|折扣|优惠|报价|免费|费用|收费|计费|(?<=[\u4e00-\u9fff])(?<![浪花消经])费(?![时力劲])|返点|返利|返现|降价|打折|赠送|减免|让利|(?<=[别不要])送",
            r"\b(?:prices?|pricing|discounts?|rebates?|quotes?|quoting|free|fees?|costs?"
            r"|credits?|charges?|billing|waivers?|true-?ups?"
            r"|(?<!delivery )(?<!success )(?<!error )(?<!failure )(?<!hit )(?<!open )"
            r"(?<!bounce )(?<!pass )(?<!drop )(?<!loss )(?<!conversion )(?<!retention )(?<!churn )"
            r"(?<!click )(?<!refresh )(?<!sample )(?<!frame )(?<!bit )(?<!accept )(?<!reject )"
            r"(?<!positive )(?<!negative )(?<!match )(?<!crash )(?<!completion )(?<!answer )"
            r"(?<!abandon )(?<!abandonment )(?<!fill )(?<!cache )(?<!read )rates?(?! limits?))\b",
        ),
    ),
    (
        SLA,
        _re(
            r"SLA|可用性|持久性|可靠性|性能|丢包率|(?:通过|成功|失败|掉线|误识|拒识|误报|漏报|命中|送达|投递|丢包|中断|故障|检出|漏检|误封|拦截|接通|采集)率|响应时间|响应时效|响应时限|时效|时限|恢复时间|赔付|服务等级|故障响应|故障|延迟|时延"
            r"|(?:识别)?准确率|准确度|识别率|错误率|字错率|精度|召回率|到达率|送达率",
            r"\b(?:uptime|availability|durability|rto|rpo|response[- ]times?|recovery[- ]times?"
            r"|accuracy|wer|error rates?|word error rates?|precision"
            r"|resolution times?|turnaround(?:[- ]times?)?|service levels?|latency|downtime"
            r"|performance|deliverability|(?:bounce|drop|loss|failure|success|pass|delivery|hit"
            r"|rejection|false[- ](?:accept|reject|positive|negative)\w*) rates?|packet loss"
            r"|guarantees?)\b",
        ),
    ),
    (
        DATE,
        _re(
            r"日期|时间点|时间表|时间|排期|期限|截止|(?:时间|交付|关键|里程碑)节点",
            r"\b(?:dates?|deadlines?|timelines?|timing|eta|timeframes?)\b",
        ),
    ),
    (
        RESOURCE,
        _re(
            r"驻场|人力|人员|人数|人头|人手|(?<=[卡台核柜])数(?![据字])|库存|资源投入|资源预留|预留|专属资源|专属|专人(?:对接|负责|跟进|服务)?|独占|独享|数量|保底"
            r"|7\s*[x×*]\s*24|24\s*[x×*/]\s*7|全天候",
            r"\b(?:on-?site|staff(?:ing)?|headcount|resources?|resourcing"
            r"|reservations?|reserved?|dedicated|engineering support|people|inventory|stock"
            r"|around the clock|round the clock)\b|\b24\s*[x/]\s*7\b",
        ),
    ),
    (
        ROADMAP,
        _re(
            r"路线图|新功能|功能开发|功能承诺|功能|定制开发|开发",
            r"\b(?:roadmap|features?|development|custom builds?|support for)\b",
        ),
    ),
]
#: a guarantee, no other SLA word: of a resource it is that resource held
_GUARANTEE_WORD = _re(r"保障|保证", r"\bguarantee[sd]?\b")
#: how much a thing takes in a time, and holding it back (``吞吐``, ``QPS``, ``throttling``)
_THROUGHPUT_ZH = r"吞吐量?|并发(?:数|量|路数)?|QPS|TPS|限流|限速"
_THROUGHPUT_EN = r"throughput|qps|tps|rate[- ]limit\w*|throttl\w*"
_THROUGHPUT = _re(_THROUGHPUT_ZH, rf"\b(?:{_THROUGHPUT_EN})\b")
#: people and things: a resource limit when nothing else names a kind ("on-prem appliance
#: hardware"), else what the limit is about ("free capacity")
_RESOURCE_NOUNS = _re(
    r"工程师|团队|硬件|容量|带宽|扩容|资源(?!池)|连接数|配额|坐席数?|调用量|调用次数|请求量"
    r"|人天|人日|人月|工时|" + _THROUGHPUT_ZH,
    r"\b(?:engineers?|hardware|capacity|teams?|quotas?|headroom|connection limits?"
    r"|(?:person|man|engineer)[- ](?:days?|months?|hours?)"
    r"|bandwidth|squads?|crews?|" + _THROUGHPUT_EN + r")\b",
)
#: a limit written as a prohibition (``no X``, ``Y: nothing X``, ``X, any product``,
#: ``不许说X``, ``X免谈``, ``X一律不给``): its prohibition and scope words, and the colon after
#: its subject, are neither its kind nor its subject
_PROHIBITION_ZH = (
    r"不许(?:说|提|给|报)?|不准|不可以?|禁止|切勿|严禁|勿|免谈|一律|一概|一切|全部|所有|都不|别(?:答应|碰|提)"
    r"|不(?:答应|应承|许诺)|答应|应承|许诺"
)
_PROHIBITION_EN = (
    r"nothing|none|nada|zero|at all|whatsoever|avoid(?:ing)?|all|at|anything|any product"
    r"|any products|across the board|(?:is|are) off[- ]limits|off[- ]limits|of any kind"
)
_SCOPE_ALONE = _re(
    rf"^\s*(?:任何|一切|所有|全部)?(?:产品|东西|事情|方面|承诺)?(?:{_PROHIBITION_ZH})?\s*$",
    rf"^\s*(?:(?:{_PROHIBITION_EN}|any|of|kind|whatever|product|products)\s*)+$",
)
#: words that only qualify a limit (``具体``, ``custom``): neither its kind nor its subject
_QUALIFIER = _re(
    _PROHIBITION_ZH + "|:|：",
    r"具体|明确|确切|正式|书面|任何|额外|定制|单独|承诺|给出|不能|不得|不要"
    r"|联合|未公开|未公布|未发布|未上线|公开|公布|延长|相关|方面|保证|的|和|与|或|及|以上|以下|超过|高于|低于"
    r"|[不别](?:报|签|提|给|透露|说|谈)|数字|数值"
    r"|(?<![a-z0-9.-])\d+(?:\.\d+)?\s*%?(?![a-z0-9.])",
    # a whole word, never a part of one ("on-call" is not "on" and "call")
    r"(?<![\w-])(?:no|don't|do not|never|commit(?:ting)?(?: to)?|including|named|designated"
    rf"|{_PROHIBITION_EN}"
    r"|any|anything|custom|specific|exact|concrete|commitments?|promises?"
    r"|or|and|of|on|for|in|the|a|an|to|about|extra|special|new|committed|above"
    r"|below|over|under|beyond|than|more|less|not|yet|announced|unannounced"
    r"|items?|period|completion|numbers?|figures?)(?![\w-])",
)
#: what a launch, release or delivery is called (the subject a date limit is about)
_LAUNCH = _re(
    r"上线|发布|推出|交付(?!物)|发版|面市|可用|灰度|全量|正式版|落地|开服|开放|用上|完成"
    r"|开班|开课|公测|内测|开测|(?:就能|能|可以|就可以)用(?![户量])|(?:就能|就可以)(?!否)|建好|配好|装好|切好|开通|放量|到位|下掉|拿下|拿到|搞定|做完|弄好"
    r"|搬上来|搬过来|切过来|交到|手上|覆盖到|拉通|割接|(?:就|都|也)?会有|就有(?!点)|交给你们|给到(?!\s*[\d一二两三四五六七八九十]|[^，,;；。]{0,3}折)|验收|(?:定|排)在"
    r"|(?:搭|建|配|装|切|部署|准备|调|接|跑|开|适配|对接|改|修|迁)(?:好|完|起来|通)(?!了吗)|(?<![发寄传送递转])给你们(?!发|讲|介绍|整理|演示|看)",
    r"\b(?:launch(?:es|ed|ing)?|ships?|shipping|shipped|releases?|released|wrapped up"
    r"|(?:in|into) production"
    r"|go(?:es)?[- ]live|went live|live|deliver(?:s|ed|y)?|available|lands?"
    r"|roll(?:s|ed)?[- ]?out|ga|done|complete[ds]?|finish\w*|ready|issued|handed over"
    r"|up and running|running on|in(?:to)? your hands|opens?|opening|open for"
    r"|out of (?:preview|beta)|(?:exits?|leaves?) (?:preview|beta)"
    r"|(?:switch|turn)(?:ed|s)? on|enabled?|running|serving|provisioned|stood up|migrated"
    r"|(?:stand|spin|bring|set)s? (?:\w+ ){0,5}up|(?:stood|spun|brought|set) (?:\w+ ){0,5}up)\b"
    # a thing had done by then ("you'll have the archive migrated by March")
    r"|\b(?:will|'ll) have\b[^,;.]{0,60}\b[a-z]{3,}ed (?:to|by|over|across|on|in)\b"
    r"|\b(?:be|is|are) up\b"
    r"|\b(?:be|is|are) (?:on|in) your\b|\bmov\w+\b[^,;.]{0,30}\binto\b"
    r"|\b(?:you'll|you will|you're|you are) (?:be )?(?:on|in|running on|live on) (?:it|them|the)\b"
    r"|\b(?:is|are) yours\b|\b(?:you'll|you will) (?:have|get)\b|\blight\w* up\b"
    r"|\b(?:will|'ll) be there\b|\b(?:will|'ll) have\b[^,;.]{0,40}\bfor you\b"
    r"|\bcut(?:ting)? ?over\b|\bswitch(?:ing)? ?over\b|\bgets?\b(?! back)"
    r"|\bmov\w+\b[^,;.]{0,30}\bover\b|\bhave (?:it|them|you)\b|\bget you\b|\boff (?:the|your)\b",
    r"(?:会|一定|肯定|就|能|给你们)上(?![午班周个月])"
    r"|(?:就能|能|会|就|前|可以)出(?![差现席])|前(?:适配|兼容|支持)"
    r"|(?:季度|月底|年底|年初|年中|q[1-4]|h[12])出(?![差现席])",
)
#: a plain verb of doing, said as what will be done ("the registry will mirror your images
#: by Q2"): a date by it is when the thing is done (not a verb of talking, thinking or
#: finding out)
_PLAIN_DO = re.compile(
    r"\b(?:will|'ll) (?!(?:not|never|be able|be happy|review|check|confirm|look|get back|let"
    r"|send|share|discuss|talk|meet|ask|see|try|aim|consider|evaluate|explore|revisit|follow"
    r"|circle|loop|come back|think|need|want|work with|schedule|set up a|walk|present|show"
    r"|run|hold|host|organi[sz]e|explain|update you|keep you|reply|respond|answer|call|email"
    r"|write|visit|invite|join|attend|introduce|brief|demo|tour|present|prepare|draft|book"
    r"|arrange|plan|propose|quote|estimate|reach out|connect|sit down|go over|walk through"
    r"|be in touch|be there for the|be at)\b)[a-z]{3,}\b"
    # 会把镜像同步到大阪, 我们将把数据迁进新集群
    r"|(?:会|将|能)(?:在[^，,;；。]{0,8})?把[^，,;；。]{1,20}?(?:同步|迁|切|搬|推|部署|复制|装|接|放|加)"
    r"[^，,;；。]{0,2}(?:到|进|上|好|完)",
    re.IGNORECASE,
)
#: subject words of a date limit that mean "when something of ours is out"
_LAUNCH_SUBJECT = _re(
    r"上线|发布|推出|交付|发版|开服|开通|路线图|功能|版本|完成",
    r"\b(?:launch|release|ship|delivery|go-?live|roadmap|feature|complet)\w*|\bga\b",
)
#: a limit about people or things at the customer's place (``驻场``, ``on site``)
_ON_SITE_LIMIT = _re(r"驻场|现场", r"\bon-?site\b|\bon site\b")
#: people kept at a site, as people say it (``蹲点``, ``值守``, ``一个都不撤``, ``boots on the
#: ground``, ``in the war room``): at the customer's place, and promised through a negation
#: the customer's places where people are sent (a school, a farm, a plant, a depot)
_SITES_ZH = r"学校|医院|门店|工厂|厂里|厂区|车间|仓库|网点|农场|园区|营业厅"
_SITES_EN = (
    r"hospitals?|plants?|factor(?:y|ies)|stores?|sites?|offices?|wards?|branch(?:es)?"
    r"|warehouses?|clinics?|schools?|campus(?:es)?|farms?|barns?|yards?|depots?|mills?|mines?"
    r"|stations?|terminals?|docks?|ports?|premises|facilit(?:y|ies)"
)
_KEPT_AT_SITE_ZH = (
    r"蹲点|值守|守在|(?:人|一个人?)都不撤|不撤(?:人|场)|驻[校厂院店点]|住在你们"
    rf"|(?:去|到|在|住在)(?:你们的?)?(?:{_SITES_ZH})(?:里|待|呆|住|蹲)"
)
_KEPT_AT_SITE_EN = (
    r"\bboots on the ground\b|\bphysically (?:in|at|there|present)\b|\bon the ground in\b"
    r"|\bin the (?:[\w-]+ )?war room\b"
    r"|\b(?:sit|sitting|be|stay|staying) (?:at|in) (?:the|your|their) (?:[\w-]+ )?(?:"
    + _SITES_EN
    + r")\b|\b(?:in|at) the (?:[\w-]+ )?(?:"
    + _SITES_EN
    + r") with them\b"
)
#: where people promised go: one of the customer's places ("to their Lincolnshire farms"),
#: which alone promises no one (a workshop at their office)
_AT_THEIR_SITE = re.compile(
    r"\b(?:to|at|in|into|round|around) (?:their|the customer's|the client's|the member)"
    r" (?:[\w-]+ ){0,2}(?:" + _SITES_EN + r")\b",
    re.IGNORECASE,
)
_ON_SITE = _re(
    _KEPT_AT_SITE_ZH,
    _KEPT_AT_SITE_EN,
    r"驻场|现场|常驻|到岗|进场|你们(?:的)?(?:机房|办公室|公司|那边|城市|工厂|园区)|到你们"
    r"|到(?:机房|工厂|园区|办公室)|飞过去|过去(?:跟|陪|和|一起|坐|待|呆|蹲|住)|上门|跟你们[^，,;；。]{0,8}一起|陪你们|坐在一起",
    r"\bon-?site\b|\bon site\b|\bsit with your\b"
    r"|\b(?:fly|flies|flying|flown|flew)\b[^,;.]{0,40}\bto\b"
    r"|\bin person\b|\byour (?:[\w-]+ )?(?:offices?|site|data ?center"
    r"|premises|city|plant|factory|facility|campus|hq|headquarters)\b"
    r"|\bembedded\b|\bstation\w*",
    r"你们那[儿里边]|(?:跟|陪|守|蹲|驻|待|呆)(?:着|在)?你们",
    r"\b(?:stay|sit|camp|work)\w* (?:with|beside|alongside) your"
    r" (?:team|people|staff|engineers|ops)\b",
)
#: a threshold a limit sets on a figure ("SLA 高于 99.95%": 99.99% touches, 99.95% does not)
_ABOVE = _re(r"(?:高于|超过|大于|above|over|more than|higher than|beyond|>)\s*(\d+(?:\.\d+)?)\s*%")
#: nouns that say what sort of thing a subject is, not which one ("华东二区 GPU 集群": which
#: one is 华东二区 or GPU); a subject of nothing else is named by them
_GENERIC_WORDS = """数据库 数据 工具 网络 资源 区域 部署 存储 实例 集群 节点 机房 数据中心 region
    regions cluster clusters managed suite api apis tool tools tooling instance instances
    integration platform pop pops edge edges cloud clouds stack stacks node nodes dc dcs"""
_GENERIC = frozenset(_GENERIC_WORDS.split())
#: nouns too vague to name a subject at all ("未公开的产品路线图" is about any roadmap item)
_VAGUE_WORDS = """产品 版本 项目 服务 系统 平台 能力 方案 业务 客户 内容 product products
    project projects version versions edition service services support"""
_VAGUE = frozenset(_VAGUE_WORDS.split())
_GENERIC_CJK = re.compile(
    "|".join(sorted((w for w in _GENERIC | _VAGUE if _CJK_RUN.fullmatch(w)), key=len, reverse=True))
)
#: names of one thing: a subject named by one is named by any
_SYNONYMS = [
    (
        *("gpu", "gpus", "卡", "显卡", "算力", "a100", "a800", "h100", "h800", "h200", "l40"),
        *("t4", "a10", "v100", "l4"),
        *("hopper", "cards", "accelerator", "accelerators"),
    ),
    ("sso", "saml", "single sign-on", "单点登录"),
    ("customer-managed", "byok", "bring-your-own-key", "bring your own key", "cmk"),
    (
        *("migration", "migrate", "cutover", "cut over", "cutting over", "moved over"),
        *("move over", "switchover", "switch over", "迁移", "迁到", "迁过去", "割接", "切换"),
        *("切过去", "搬迁", "搬上来", "搬过来", "搬到", "搬家"),
    ),
    (
        "observability",
        "tracing",
        "metrics",
        "alerts",
        "alerting",
        "monitoring",
        "可观测",
        "监控",
        "apm",
        "opentelemetry",
        "otel",
    ),
    (
        *("多活", "双活", "容灾", "灾备", "备份中心", "灾备中心", "disaster recovery"),
        *("multi-region", "dr site", "standby site"),
    ),
    ("客户成功", "tam", "csm", "客户经理", "customer success", "account manager"),
    ("on-call", "oncall", "on call", "值班", "值守", "pager", "pageable", "sre", "sres"),
    ("试用", "trial", "pilot", "poc"),
    ("机柜", "整机柜", "整柜", "柜子", "机架", "rack", "racks", "cabinet", "cabinets"),
    (
        *("跨地域复制", "跨地域", "跨区域", "异地", "cross-region", "geo-replication"),
        *("geo-redundant",),
    ),
    (
        *("向量数据库", "向量库", "向量检索", "vector database", "vector db", "vector search"),
        *("knn", "ann search", "similarity search"),
    ),
    (
        *("license", "licence", "licenses", "licences", "licensing", "licencing"),
        *("许可证", "许可", "授权", "seat", "seats"),
    ),
    ("数据仓库", "数仓", "分析库", "data warehouse", "warehouse", "dw", "adb"),
    (
        *("培训", "课程", "认证", "考试", "训练营", "training", "course", "courses", "workshop"),
        *("workshops", "bootcamp", "bootcamps", "certification", "certifications"),
    ),
    (
        *("soc", "security ops", "security operations", "安全运营", "安全托管", "managed security"),
        *("mdr",),
    ),
]
#: roles people have: a limit on one is not touched by people of another
_ROLES = [
    ("客户成功", "tam", "tams", "csm", "csms", "客户经理", "customer success", "account manager"),
    ("on-call", "oncall", "on call", "值班", "值守", "pager", "pageable", "sre", "sres"),
    ("架构师", "售前", "architect", "architects", "presales", "pre-sales"),
]
#: what a product does, not a product: a roadmap limit of a product is touched by them
_FEATURES = frozenset({"sso", "customer-managed", "多活", "向量数据库"})
_NOT_PRODUCTS = ("migration", "客户成功", "试用", "on-call", "机柜", "跨地域复制")
#: places said as a class (overseas): any place may be one
_ANY_PLACE = frozenset(
    {"海外", "境外", "出海", "国际", "全球", "overseas", "international", "global", "abroad"}
)
#: things known by other names (a feature, a sort of work), each by its first form
_SYNONYM_NAMES = frozenset(group[0] for group in _SYNONYMS)
#: what products, services and places are called: a commitment that names one the limit does
#: not is about something else (``对象存储`` is not ``CDN``); forms of one are one subject
_PRODUCTS = [
    *(group for group in _SYNONYMS if group[0] not in _NOT_PRODUCTS),
    ("对象存储", "object storage", "oss", "s3", "bucket", "buckets", "归档存储", "archive storage"),
    ("块存储", "云盘", "block storage", "volumes", "disk", "disks", "ebs"),
    ("文件存储", "file storage", "nas"),
    ("存储", "storage"),
    ("备份", "backup", "backups"),
    ("数据湖", "data lake", "lakehouse"),
    ("数据库", "database", "databases", "rds", "db", "dbs"),
    ("postgres", "postgresql", "pg"),
    ("mysql",),
    ("mongodb", "mongo"),
    ("oracle",),
    ("sql server", "sqlserver", "mssql"),
    ("tidb",),
    ("oceanbase",),
    ("polardb",),
    ("clickhouse",),
    ("redis", "缓存服务"),
    ("memcached",),
    ("kafka",),
    ("rabbitmq",),
    ("rocketmq",),
    ("pulsar",),
    (
        *("消息队列", "mq", "message queue", "message queues", "queue service", "queues"),
        *("streaming service", "event streaming"),
    ),
    ("elasticsearch", "opensearch", "检索服务"),
    ("中间件", "middleware"),
    ("cdn", "内容分发", "加速节点", "delivery network", "content delivery"),
    ("直播", "推流", "live streaming"),
    ("点播", "vod"),
    ("转码", "编码", "transcode", "transcoding", "transcodes", "transcoded", "encoder", "encoding"),
    ("etl", "数据集成"),
    ("waf", "web 应用防火墙"),
    ("高防", "ddos", "抗d", "清洗", "anti-ddos", "scrubbing"),
    ("堡垒机", "bastion"),
    ("siem",),
    ("hsm", "加密机", "密码机", "云密码机", "key appliance", "key appliances"),
    ("vpn", "专线", "mstp", "direct connect", "interconnect"),
    # an overlay on the internet, no private line
    ("sd-wan", "sdwan"),
    ("负载均衡", "load balancer", "slb", "elb"),
    ("容器服务", "kubernetes", "k8s"),
    ("函数计算", "serverless", "lambda"),
    ("iot", "物联网", "mqtt", "设备接入"),
    ("日志服务", "日志", "log service", "logging", "logs", "log"),
    ("短信", "sms", "短信网关"),
    ("邮件", "email", "emails", "e-mail", "e-mails", "mail"),
    ("egress", "外网流量", "公网流量", "bandwidth", "带宽"),
    ("cpu", "cpus", "vcpu", "vcpus"),
    ("compute", "ecs", "云服务器", "虚拟机", "vm", "vms"),
    (
        *("私有化", "私有云", "本地部署", "on-prem", "on-premises", "self-hosted"),
        *("private deployment", "private deployments"),
    ),
    ("公有云", "public cloud", "saas"),
    ("控制台", "console"),
    ("api gateway", "api 网关", "gateway", "gateways"),
    ("视频会议", "云会议", "video conferencing", "video meetings"),
    ("电子签约", "电子签名", "电子签", "e-signature", "e-signatures", "esign", "e-sign"),
    ("云桌面", "virtual desktop", "virtual desktops", "vdi", "daas"),
    ("rpa", "机器人流程自动化", "bot", "bots"),
    (
        *("contact centre", "contact center", "contact-centre", "contact-center"),
        *("call centre", "call center", "call-centre", "call-center", "呼叫中心", "ivr"),
    ),
    ("正式购买", "正式合同", "production contract", "production"),
    ("训练", "training jobs", "training job", "training runs", "training run", "model training"),
    ("技术支持", "支持计划", "tech support", "technical support", "support plan", "support plans"),
    ("推理", "inference"),
    ("大模型", "llm", "llms", "large language model", "large language models", "foundation model"),
    ("sim", "sims", "sim cards", "connectivity cards", "物联网卡", "esim"),
    (
        *("宿主机", "专属宿主机", "独占宿主机", "dedicated host", "dedicated hosts"),
        *("sole-tenant", "sole tenant", "bare-metal", "bare metal"),
    ),
    ("一体机", "appliance", "appliances"),
    (
        *("地图", "map", "maps", "地理编码", "逆地理编码", "路径规划", "geocoding"),
        *("routing", "tile", "tiles"),
    ),
    ("信创", "国产化", "达梦", "人大金仓", "海光", "鲲鹏", "麒麟", "统信", "飞腾"),
    ("hpc", "高性能计算", "超算", "supercomputing"),
    ("边缘计算", "ens", "edge computing", "edge zones"),
    (
        *("ocr", "文字识别", "图片识别", "document scanning", "text extraction"),
        *("document text extraction", "optical character recognition"),
    ),
    (
        *("语音识别", "语音转写", "听写", "asr", "speech recognition", "speech-to-text"),
        *("transcription",),
        *("transcripts", "transcribe"),
    ),
    ("kms", "密钥管理", "key management"),
    ("secrets manager", "secret manager", "凭据管理", "secrets"),
    ("chatbot", "chatbots", "聊天机器人", "virtual agent", "virtual agents"),
    ("feature flags", "功能开关", "flags", "flag", "toggles", "toggle", "feature toggles"),
]
#: products of one class and the class, named by its own words (``消息队列``, ``storage``): a
#: limit on the class is touched by any of them, a limit on one by the class word, never by
#: another of them (RabbitMQ is not Kafka)
_CLASS_OF = {
    **dict.fromkeys(("kafka", "rabbitmq", "rocketmq", "pulsar"), "消息队列"),
    **dict.fromkeys(
        ("postgres", "mysql", "mongodb", "oracle", "sql server", "tidb", "oceanbase", "polardb"),
        "数据库",
    ),
    **dict.fromkeys(("clickhouse",), "数据库"),
    **dict.fromkeys(("对象存储", "块存储", "文件存储"), "存储"),
    "gpu": "hpc",
    "日志服务": "observability",
    "推理": "大模型",
}
#: class words that name one of their products (``消息队列`` for Kafka; ``HPC`` is not GPUs)
_NICKNAMES = frozenset({"消息队列", "数据库"})
#: places and what else they are called: a limit on one is about any of its names
_PLACES = [
    # a city (and what else it is called) before the region that holds it: a limit on the
    # city is not touched by another city of the region (重庆 is not 成都)
    ("上海", "shanghai", "cn-shanghai"),
    ("杭州", "hangzhou", "cn-hangzhou"),
    ("北京", "beijing", "cn-beijing"),
    ("张家口", "张北", "zhangjiakou", "cn-zhangjiakou"),
    ("广州", "guangzhou", "cn-guangzhou"),
    ("深圳", "shenzhen", "cn-shenzhen"),
    ("成都", "天府", "chengdu", "cn-chengdu"),
    ("重庆", "chongqing", "cn-chongqing"),
    ("贵阳", "贵州", "贵安", "guiyang", "guizhou"),
    ("乌鲁木齐", "新疆", "克拉玛依", "昌吉", "喀什", "urumqi", "xinjiang"),
    ("华东", "上海", "杭州", "江苏", "浙江", "east china", "shanghai", "hangzhou"),
    ("华北", "北京", "天津", "张家口", "张北", "河北", "north china", "beijing", "zhangjiakou"),
    ("华南", "广州", "深圳", "广深", "south china", "guangzhou", "shenzhen"),
    ("西南", "成都", "天府", "重庆", "贵阳", "贵州", "贵安", "chengdu", "chongqing", "guiyang"),
    ("香港", "hong kong"),
    ("新加坡", "singapore", "ap-southeast-1"),
    (*("印尼", "印度尼西亚", "雅加达", "indonesia", "jakarta", "ap-southeast-3"),),
    ("马来西亚", "吉隆坡", "malaysia", "kuala lumpur", "ap-southeast-5"),
    ("泰国", "曼谷", "thailand", "bangkok", "ap-southeast-7"),
    (
        *("东南亚", "印尼", "雅加达", "越南", "泰国", "曼谷", "菲律宾", "马尼拉", "马来西亚"),
        *("southeast asia", "indonesia", "jakarta", "vietnam", "thailand", "bangkok"),
        *("philippines", "manila", "malaysia"),
    ),
    ("东京", "tokyo", "ap-northeast-1"),
    ("大阪", "osaka", "ap-northeast-3"),
    ("日本", "东京", "大阪", "japan", "tokyo", "osaka", "ap-northeast-1", "ap-northeast-3"),
    ("韩国", "首尔", "korea", "seoul", "ap-northeast-2"),
    (
        "法兰克福",
        "德国",
        "frankfurt",
        "germany",
        "german",
        "fra",
        "fra1",
        "eu-central",
        "eu-central-1",
    ),
    ("苏黎世", "瑞士", "zurich", "switzerland", "swiss", "eu-central-2"),
    ("伦敦", "英国", "london", "britain", "uk", "eu-west-2"),
    ("巴黎", "法国", "paris", "france", "eu-west-3"),
    ("都柏林", "爱尔兰", "dublin", "ireland", "eu-west-1"),
    ("西班牙", "马德里", "阿拉贡", "spain", "madrid", "aragon", "zaragoza", "eu-south-2"),
    ("意大利", "米兰", "italy", "milan", "eu-south-1"),
    ("瑞典", "斯德哥尔摩", "sweden", "stockholm", "eu-north-1"),
    ("欧洲", "europe"),
    ("弗吉尼亚", "virginia", "us-east", "us-east-1"),
    ("俄亥俄", "ohio", "us-east-2"),
    ("美西", "硅谷", "oregon", "california", "us-west"),
    ("加拿大", "蒙特利尔", "canada", "montreal", "ca-central", "ca-central-1"),
    ("印度", "孟买", "india", "mumbai", "bombay", "ap-south-1"),
    ("澳洲", "悉尼", "australia", "sydney", "ap-southeast-2"),
    ("中东", "middle east"),
    (
        *("阿联酋", "迪拜", "阿布扎比", "uae", "emirates", "dubai", "abu dhabi"),
        *("me-central-1",),
    ),
    ("西北", "甘肃", "兰州", "庆阳", "宁夏", "中卫", "陕西", "西安", "northwest china"),
    ("内蒙古", "内蒙", "乌兰察布", "乌盟", "呼和浩特", "和林格尔", "inner mongolia"),
    ("阿姆斯特丹", "荷兰", "amsterdam", "netherlands", "dutch"),
    ("沙特", "利雅得", "吉达", "saudi", "riyadh", "jeddah", "ksa", "in-kingdom"),
    ("巴林", "bahrain", "me-south-1"),
    ("以色列", "特拉维夫", "israel", "tel aviv", "il-central-1"),
    (
        *("南非", "开普敦", "约翰内斯堡", "约堡", "south africa", "cape town", "af-south-1"),
        *("johannesburg", "jo'burg", "joburg", "jhb"),
    ),
    ("巴西", "圣保罗", "brazil", "sao paulo", "sa-east", "sa-east-1"),
    ("墨西哥", "克雷塔罗", "mexico", "queretaro", "mx-central"),
]
#: the region a place lies in ("@成都" in "@西南"): a later group that lists its first name
_REGION_OF = {
    "@" + city[0]: "@" + region[0]
    for i, city in enumerate(_PLACES)
    for region in _PLACES[i + 1 :]
    if city[0] in region and region[0] != city[0]
}
#: a country said by its two-letter code before "region" (``the ID region``)
_COUNTRY_CODES = {
    **dict.fromkeys(("id",), "印尼"),
    **dict.fromkeys(("my",), "马来西亚"),
    **dict.fromkeys(("th",), "泰国"),
    **dict.fromkeys(("jp",), "日本"),
    **dict.fromkeys(("kr",), "韩国"),
    **dict.fromkeys(("de",), "法兰克福"),
    **dict.fromkeys(("ch",), "苏黎世"),
    **dict.fromkeys(("uk", "gb"), "伦敦"),
    **dict.fromkeys(("fr",), "巴黎"),
    **dict.fromkeys(("ie",), "都柏林"),
    **dict.fromkeys(("es",), "西班牙"),
    **dict.fromkeys(("it",), "意大利"),
    **dict.fromkeys(("se",), "瑞典"),
    **dict.fromkeys(("ca",), "加拿大"),
    **dict.fromkeys(("in",), "印度"),
    **dict.fromkeys(("au",), "澳洲"),
    **dict.fromkeys(("sa", "za"), "南非"),
    **dict.fromkeys(("ksa",), "沙特"),
    **dict.fromkeys(("ae",), "阿联酋"),
    **dict.fromkeys(("br",), "巴西"),
    **dict.fromkeys(("mx",), "墨西哥"),
    **dict.fromkeys(("sg",), "新加坡"),
    **dict.fromkeys(("hk",), "香港"),
    **dict.fromkeys(("il",), "以色列"),
}


def _place_group(name: str) -> tuple[str, ...] | None:
    """The forms of a place named by its form (``Indonesian``, ``ID``, ``ap-southeast-3``):
    a country's adjective by its endings, a country by its code, a region code by its
    geography (``eu-south-2``; ``sa-east`` is ``sa-east-1``)."""
    if name in _COUNTRY_CODES:
        name = _COUNTRY_CODES[name]
    for candidate in (
        name,
        name.removesuffix("n"),
        name.removesuffix("ian"),
        name.removesuffix("ian") + "y" if name.endswith("ian") else name,
        name.removesuffix("ese"),
        name.removesuffix("ish"),
        name + "-1",
    ):
        for group in _PLACES:
            if candidate in group and len(candidate) >= 2:
                return group
    return None


#: a place named by what it is (``成都区域``, ``华北一区``, ``the Paris region``, ``us-east``)
_PLACE = re.compile(
    r"([\u4e00-\u9fff]{2})(?:[一二三四五六七八九十\d]区|区域|可用区|地域)"
    r"|\b([a-z]+)(?:[- ]region|[- ]data ?cent(?:er|re)|[- ]dc)\b"
    r"|(?<![a-z0-9-])((?:us|eu|ap|cn|sa|me|af)-[a-z]+(?:-\d+)?)(?![a-z0-9-])"
    r"|(?<![a-z0-9-])([a-z]{2}-[a-z]+-\d+)(?![a-z0-9-])"
    r"|(?:(?<![\u4e00-\u9fff])|(?<=[的在到]))([\u4e00-\u9fff]{2})(?:节点|机房)"
)
#: a thing named by what it is (``the billing export API``, ``the SAML connector``)
_THING = re.compile(
    r"\b([a-z][a-z0-9-]+) (?:apis?|sdks?|connectors?|integrations?|plugins?|modules?"
    r"|dashboards?|portals?|apps?|agents?|clis?|editions?|versions?|tiers?|farms?)\b"
    r"|([\u4e00-\u9fff]{2})版(?!本)"
    r"|\b([a-z][a-z0-9-]+) (?:fees?|charges?)\b"
)
#: a product named by its head word (``the search service``, ``工单系统``, ``政务云``): what
#: sort of thing it is says it is a product, not a feature of one
_SERVICE = re.compile(
    # "service credits" are money, "the professional services team" people
    r"\b([a-z][a-z0-9-]+) (?:services?|gateways?|queues?)\b(?! (?:credits?|levels?|teams?"
    r"|engineers?|consultants?|people|staff|folks|hours?|desk|tiers?|plans?|agreements?)\b)"
    r"|(?:([\u4e00-\u9fff]{2})|\b([a-z][a-z0-9-]+)\s*)"
    r"(?:系统|网关|服务(?!费|商|器|期|经理)|托管|外包|桌面|中台|测评|线路|云(?![上下端里中边]))"
    r"|云(桌面|电脑|手机|盘)"
)
_NOT_PLACE_WORDS = """the a by via at as per new one our your their that this each every any
    same home primary main own next last latest first final current upcoming beta stable full paid
    whole
    新 这个 那个 一个 所有 每个 同一 其他 另一 正式 测试 公开 体验 最新 新的 大的 下个 这 那
    计算 存储 加速 边缘 管理 主 从 备 业务 我们 你们 整个 监控 告警 运维 时间 关键 交付"""
_NOT_PLACES = frozenset(_NOT_PLACE_WORDS.split())
#: what points at a thing ("那套系统", "这款 app"): no name of it
_DEMONSTRATIVES = "那这哪该此"


@dataclass(frozen=True)
class Meaning:
    """A limit read as a kind of promise about a subject (``kind`` None: no known kind).

    ``subject``: the names of what it is about, each a tuple of forms; a commitment names the
    subject when it names any one of them (none: any subject). ``above``: a figure the limit
    allows up to (``SLA 高于 99.95%``). ``on_site``: it is about people or things at the
    customer's place."""

    kind: str | None
    subject: tuple[tuple[str, ...], ...]
    above: float | None = None
    on_site: bool = False
    #: every kind the limit names, ``kind`` first ("告警功能排期": a date and a roadmap item)
    kinds: tuple[str, ...] = ()
    #: the products and places the limit names (see :func:`_named`)
    named: frozenset[str] = frozenset()
    #: its content words, loosely: Chinese bigrams, English stems, numbers
    loose: frozenset[str] = frozenset()
    #: a resource limit about people (``驻场工程师``), capacity (``独占 A100 资源``) or both
    people: bool = True
    capacity: bool = True
    #: no word says its kind: the kinds are implied by what it is about (a date must then be
    #: when it is out, even when the commitment names it)
    implied: bool = False
    #: the thing of a product ("跨地域复制" of "备份保险库的跨地域复制"), loosely and by its
    #: synonyms: a commitment that names the product must name it
    head: frozenset[str] = frozenset()
    #: the versions that are part of its identity ("3" of "the v3 SDK")
    versions: frozenset[str] = frozenset()
    #: a date limit of when something is out ("上线日期"): a date must be a launch's; a
    #: date limit of nothing else ("no dates") is touched by any date promised
    launch: bool = False
    #: the numbers of the zones it names ("华东二区": 2)
    zones: frozenset[int] = frozenset()
    #: the measures of quality it names ("识别准确率": accuracy)
    measures: frozenset[str] = frozenset()


def _cjk_names(run: str) -> tuple[list[str], list[str]]:
    """A Chinese subject run as its specific names and its generic ones ("数据迁移工具":
    迁移; "存储": none specific, 存储 generic). A long name is also named by its two-character
    halves ("华东二区" by 华东), as people shorten it."""
    names = []
    for group in (*_SYNONYMS, *_PRODUCTS):  # a name people know, whole ("客户成功团队": 客户成功)
        for form in group:
            if _CJK_RUN.fullmatch(form) and form in run and form not in _GENERIC:
                names.append(form)
                run = run.replace(form, " ")
    generic = [w for w in _GENERIC_CJK.findall(run) if w not in _VAGUE]
    for piece in re.split(r"\s+|" + _GENERIC_CJK.pattern, run):
        if len(piece) == 1:  # "数据湖": the generic word is part of the name
            names.append(next(w for w in run.split() if piece in w))
        if len(piece) < 2:
            continue
        names.append(piece)
        if len(piece) >= 4:
            names += [piece[i : i + 2] for i in range(0, len(piece) - 1, 2)]
        elif len(piece) == 3:
            names.append(piece[:2])
    return names, generic


def _forms(name: str) -> tuple[str, ...]:
    for group in (*_SYNONYMS, *_PRODUCTS, *_PLACES):
        if name in group or (not _CJK_RUN.fullmatch(name) and _stem(name) in map(_stem, group)):
            return tuple(dict.fromkeys((name, *group)))
    place = _place_group(name) if not _CJK_RUN.search(name) else None
    return tuple(dict.fromkeys((name, *place))) if place else (name,)


@functools.lru_cache(maxsize=512)
def meaning(limit: str) -> Meaning:
    """The kind of promise a limit names and what it is about (its remaining words)."""
    limit = _fold(limit)
    rest = limit.lower()
    for form, _pattern, name in _PRODUCT_FORMS:
        if form in rest and name[0] != "@" and not _kind_word(name):
            # a name of several words is one name ("vector search"), and one with a kind
            # word in it ("dedicated hosts") names a product, not a kind
            if _kind_word(form):
                rest = rest.replace(form, f" {name} ")
            elif " " in form and re.search(rf"\b{re.escape(form)}\b", rest):
                rest = rest.replace(form, f" {name} {form} ")
    above = _ABOVE.search(rest)
    kinds = []
    for name, pattern in _KIND_WORDS:
        if pattern.search(rest):
            kinds.append(name)
            rest = pattern.sub(" ", rest)
    if kinds == [SLA] and _GUARANTEE_WORD.search(limit) and _RESOURCE_NOUNS.search(rest):
        kinds = []  # a resource guaranteed ("bandwidth guarantees"): a resource held
    if kinds[:1] in ([], [RESOURCE]) and _RESOURCE_NOUNS.search(rest):
        # a throughput is capacity held and a figure guaranteed
        kinds = [RESOURCE, SLA] if _THROUGHPUT.search(rest) else [RESOURCE]
        rest = _RESOURCE_NOUNS.sub(" ", rest)
    implied = not kinds
    if not kinds and _VERSION.search(limit) and _subject_text(_VERSION.sub(" ", rest)):
        kinds = [DATE, ROADMAP]  # a version to come: when it is out and what is in it
    elif not kinds and _LAUNCH_SUBJECT.search(rest) and _subject_text(rest):
        kinds = [DATE]  # "São Paulo launch", "乌鲁木齐开服": when it is out
    elif not kinds and _subject_text(rest):
        # a product, a region, a feature: any promise about it (when it is out, what it
        # will do, what is set aside on it, how well it runs, what it costs)
        kinds = [DATE, ROADMAP, RESOURCE, SLA, PRICE]
        if _VERSION.search(limit) or _DOCUMENT.search(rest) or _UNANNOUNCED.search(limit):
            # a version to come, a list or a report: when it is out and what is in it
            kinds = [DATE, ROADMAP]
    if not kinds:
        return Meaning(None, ())
    kind = kinds[0]
    launch = DATE in kinds and bool(_LAUNCH_SUBJECT.search(rest))
    if DATE in kinds:  # a date of a launch, a release, a roadmap item: when ours is out
        rest = _LAUNCH_SUBJECT.sub(" ", rest)
    head: list[str] = []
    parts = _OF.split(rest)
    if len(parts) == 2:
        # a thing of a product or a place ("备份保险库的跨地域复制", "MQTT 5 in IoT Core"):
        # the thing itself must be named when the product is
        thing, whose = parts[::-1] if "的" in rest else parts
        if _subject_text(thing) and _named(whose):
            head = _names(thing)[0]
    words, (specific, generic) = _names(rest)
    if not head and _named(rest) - _ANY_PLACE_NAMES:
        # a product and what is done on it, said side by side: what is done is the thing
        done = [w for w in words if _DONE_TO.search(w) and not _named(w)]
        if done and len(done) < len(words):
            head = _names(" ".join(done))[0]
    names = specific or generic
    return Meaning(
        kind,
        tuple(_forms(n) for n in dict.fromkeys(names)),
        float(above.group(1)) if above else None,
        bool(_ON_SITE_LIMIT.search(limit)),
        tuple(dict.fromkeys(kinds)),
        _named(limit.lower()) | _proper_places(limit),
        frozenset(_loose(" ".join(words))),
        *_resource_sorts(limit),
        implied,
        frozenset(
            {*_loose(" ".join(head)), *(f for n in head for g in _SYNONYMS if n in g for f in g)}
        ),
        frozenset(_versions(limit)),
        launch,
        frozenset(_zones(limit)),
        frozenset(_measures(limit)),
    )


#: measures of quality: an SLA limit that names one is not touched by a figure of another
#: (a latency promised for ``识别准确率``, an accuracy for ``availability SLA``)
_MEASURES = {
    "accuracy": _re(
        r"准确|识别率|精度|召回|错误率|字错率|漏检|误检|误识|误报|漏报",
        r"\b(?:accura\w*|wer|error rates?|precision|recall|misreads?)\b",
    ),
    "latency": _re(r"延迟|时延|毫秒", r"\b(?:latency|latencies|milliseconds?|\d+\s*ms)\b"),
    "availability": _re(
        r"可用性|可用率|宕机|停机|个\s*[9九]",
        r"\b(?:availability|uptime|downtime|nines)\b",
    ),
}


def _measures(text: str) -> set[str]:
    """The measures of quality ``text`` names."""
    return {name for name, pattern in _MEASURES.items() if pattern.search(text)}


#: a region's zone by its number ("华东二区", "华北 2 区", "华东二"): one zone, another number
#: another zone
_ZONE = re.compile(
    r"([\u4e00-\u9fff]{1,2}?)\s*([一二三四五六七八九]|\d)(?:\s*(?:号)?(?:区|可用区)|(?=的))"
)
_NUMERALS = "一二三四五六七八九"


def _zones(text: str) -> set[int]:
    """The numbers of the zones ``text`` names, of a place the tables know."""
    return {
        int(number) if number.isdigit() else _NUMERALS.index(number) + 1
        for name, number in _ZONE.findall(text)
        if any(n[0] == "@" for n in _named(name))
        or any(concept.sort == "place" for _, concept in lexicon().find(name))
    }


#: what is not out yet ("SIEM connectors not yet announced"): a limit on it is about when it
#: is out and what is in it, not what something of it costs
_UNANNOUNCED = _re(
    r"未公开|未公布|未发布|未上线|还没(?:公布|发布|上线)",
    r"\bunannounced\b|\bunreleased\b|\bnot (?:yet )?(?:announced|released|public|launched)\b",
)
#: what is done on a product, by its form ("archiving", "跨地域复制")
_DONE_TO = re.compile(r"(?:复制|归档|同步|脱敏)$")
#: "X in Y", "Y 的 X": a thing of another
_OF = re.compile(r"\s+in\s+|的")
#: a version that is part of a thing's identity ("the v3 SDK", "版本 2.0")
_VERSION_ID = re.compile(r"\bv(\d+(?:\.\d+)*)\b|(?:version|版本)\s*(\d+(?:\.\d+)*)", re.IGNORECASE)


def _versions(text: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _VERSION_ID.finditer(text)}


def _names(rest: str) -> tuple[list[str], tuple[list[str], list[str]]]:
    """The words of what is left of a limit, and the names they give its subject: the
    specific ones and those that only say what sort of thing it is."""
    rest = _QUALIFIER.sub(" ", _ON_SITE_LIMIT.sub(" ", rest))
    words = [
        w for w in re.findall(r"[a-z0-9][a-z0-9.+-]*|[\u3400-\u9fff]{2,}", rest) if w not in _STOP
    ]
    specific, generic = [], []
    for word in words:
        if _CJK_RUN.fullmatch(word):
            names, broad = _cjk_names(word)
            specific += names
            generic += broad
        elif word in _GENERIC:
            generic.append(word)
        elif word in _VAGUE:
            continue
        else:
            specific.append(word)
    return words, (specific, generic)


#: people a resource promise assigns, and capacity it sets aside
_PEOPLE_EN = (
    r"\b(?:engineers?|architects?|consultants?|analysts?|folks|people|person|someone|staff\w*"
    r"|sres?|dbas?|teams?|experts?|fte|pager|on-?call|standby|on site|on-?site|headcount|guys"
    r"|tams?|csms?|contacts?)\b"
)
_PEOPLE = _re(
    r"工程师|专家|架构师|同事|顾问|经理|团队|分析师|值班|驻场|人(?!民|工智能)|on-?call|值守",
    _PEOPLE_EN,
)
_CAPACITY = _re(
    r"卡|台|核|节点|算力|容量|连接|配额|并发|带宽|实例|服务器|机器|物理机|机柜|机架|坐席|柜|兆|[\dGT]\s*[GT]\b",
    r"\b(?:gpus?|cpus?|vcpus?|cards?|nodes?|capacity|servers?|instances?|connections?|quotas?"
    r"|headroom|racks?|devices?|meters?|cores?|machines?|clusters?|bandwidth|a100s?|h100s?"
    r"|\d+\s*(?:gb|tb|g|t|[mgt]bps))\b",
)


#: the customer's own people ("your payments team", "你们运维团队")
_THEIR_PEOPLE = _re(
    r"你们(?:的)?[\u4e00-\u9fff]{0,4}(?:团队|同事|工程师|人)",
    r"\byour (?:own )?(?:[\w-]+ )?(?:team|people|staff|engineers|folks|ops)\b",
)


def _kind_word(text: str) -> bool:
    return any(pattern.search(text) for _, pattern in _KIND_WORDS)


def _resource_sorts(limit: str) -> tuple[bool, bool]:
    """Whether a resource limit is about people, capacity (neither said: both)."""
    people = bool(_PEOPLE.search(limit))
    capacity = bool(_CAPACITY.search(limit)) or bool(_named(limit.lower()) - {"soc"})
    if not _kind_word(limit) and not _RESOURCE_NOUNS.search(limit):
        return (True, True)  # a product, a place, a thing: people on it and capacity alike
    return (people or not capacity, capacity or not people)


_VERSION = _re(r"版本", r"\bversions?\b")


def _subject_text(rest: str) -> str:
    """What is left of a limit once its qualifiers are out ("the Frankfurt region")."""
    words = re.findall(r"[a-z0-9][a-z0-9.+-]*|[\u3400-\u9fff]{2,}", _QUALIFIER.sub(" ", rest))
    return " ".join(w for w in words if w not in _STOP and w not in _VAGUE)


_PRODUCT_FORMS = [
    (
        form,
        # one character is a word only where it is not part of another ("不卡" is no card)
        re.compile(rf"(?<![不很太别会])(?:{form})(?![顿住死])")
        if len(form) == 1 and _CJK_RUN.fullmatch(form)
        else None
        if _CJK_RUN.search(form)
        else re.compile(rf"(?<![a-z0-9-]){re.escape(form)}(?:s|es)?(?![a-z0-9-])"),
        group[0],
    )
    for form, group in sorted(
        (
            *((form, group) for group in _PRODUCTS for form in group),
            *((form, ("@" + group[0],)) for group in _PLACES for form in group),
        ),
        key=lambda f: -len(f[0]),
    )
]


def _named(text: str) -> frozenset[str]:
    """The products and places ``text`` names (each by the first form of its group):
    the longest form first ("对象存储" is not also "存储")."""
    found, text = _products(text)
    for match in _PLACE.finditer(text):
        place = next(g for g in match.groups() if g)
        if not _not_place(place):
            group = _place_group(place)
            found.add("@" + (group[0] if group else place))
    for pattern, mark in ((_THING, "#"), (_SERVICE, "%")):
        for match in pattern.finditer(text):
            thing = next(g for g in match.groups() if g)
            if not (
                thing in _NOT_PLACES
                or _QUALIFIER.fullmatch(thing)
                or thing[:4] == "per-"
                or thing[0] in _DEMONSTRATIVES
            ):
                found.add(mark + _stem(thing))
    return frozenset(found)


def _products(text: str) -> tuple[set[str], str]:
    """The products and places of the tables that ``text`` names, and the rest of it."""
    found = set()
    for form, pattern, name in _PRODUCT_FORMS:
        if form not in text:
            continue
        if pattern is None:
            found.add(name)
            text = text.replace(form, " ")
        elif pattern.search(text):
            found.add(name)
            text = pattern.sub(" ", text)
    return found, text


def _loose(text: str) -> set[str]:
    """Content words, loosely: every Chinese bigram not of a generic or vague noun, the stems
    of English words of four letters or more (or an acronym, a number)."""
    found = set()
    for run in _CJK_RUN.findall(text):
        found |= {run[i : i + 2] for i in range(len(run) - 1)}
    found -= {w for w in _GENERIC | _VAGUE if len(w) == 2}
    found |= {_stem(w) for w in _LATIN.findall(text.lower()) if _significant(w)}
    return found


# -- what a clause promises -----------------------------------------------------------------

#: free said in other words: not charging them (``不收你们钱``), for nothing, gratis, ours to
#: absorb (promised through a negation word, so also taken out before a refusal is looked for)
_FREE_SAID_ZH = r"不收(?:你们|您)?的?(?:钱|费)|包了|白送|白给|不花(?:你们)?(?:一分)?钱"
_FREE_SAID_EN = (
    r"\bfor nothing\b|\bgratis\b|\bfree of charge\b|\b(?:ours|ours alone) to (?:absorb|cover|eat"
    r"|carry|pay)\b(?:,? not (?:theirs|yours))?|\bnot (?:theirs|yours) to pay\b"
)
_NUM = (
    r"(?:\d+(?:[.,]\d+)*k?|[一二两三四五六七八九十百千半]+|a|an|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty(?:-five)?"
    r"|fifty|sixty|ninety|several|a few"
    r"|half an?)"
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_CN_NUM = r"[\d一二三四五六七八九十两]"
_WHEN = _re(
    r"\d{4}\s*-\s*\d{1,2}\s*-\s*\d{1,2}",
    r"明天|后天|下下(?:周|个?月)|过[一两三四五六七八九十几]+(?:天|周|个?星期|个月)|这两天",
    r"\btomorrow\b|\b(?:in|within) a couple of (?:days|weeks|months)\b|\bin time for\b"
    r"|\bby (?:spring|summer|autumn|fall|winter)\b|\b(?:early|late) next\b"
    r"|\blater this (?:year|month|quarter)\b",
    r"\d{4}\s*年",
    _CN_NUM + r"{1,3}\s*月(?!费|租)",
    _CN_NUM + r"{1,2}\s*[日号]",
    r"\bQ[1-4]\b",
    r"\bH[12]\b",
    r"[一二三四1-4]\s*季度",
    r"(?:下一?个?|这个?|本)\s*(?:季度|月|周|星期|迭代|冲刺|sprint|版本|大版本|财年)",
    r"上半年|下半年|年底|年初|年中|年末|年前|年内|月底|月初|月中|月末|中旬|季度末|季度初|周末",
    r"明年|今年|周[一二三四五六日]|星期[一二三四五六日天]",
    r"春节|国庆|双十一|元旦|中秋|五一|大促|春天|夏天|秋天|冬天|开春|年后",
    # before a festival, a season or a stage of their year (开斋节前, 旺季前, 开学季之前,
    # 汛期前, 春耕之前, 秋收前), or no later than an event (不晚于秋季学期开课)
    r"[\u4e00-\u9fff]{1,4}[节季期](?:前|之前|以前)|(?:旺季|高峰|开学|放假|促销|发布会)(?:前|之前|以前)"
    r"|[春夏秋冬][\u4e00-\u9fff]{1,2}(?:前|之前|以前)|不会?[晚迟]于[^，,;；。]{2,12}",
    _NUM + r"\s*(?:个)?\s*(?:天|周|星期|礼拜|个月|月|小时|工作日|迭代|sprint|冲刺)"
    r"\s*(?:内|之内|以内|后)",
    # a date relative to an event: so long after it, or in time for it (款到后三天,
    # 国庆之后第一个工作日, 赶在验收前, within a fortnight of, before the audit)
    r"(?:后|之后|以后)的?\s*第?" + _NUM + r"\s*个?\s*(?:天|周|星期|礼拜|工作日|个月)",
    r"赶在[^，,;；。]{1,12}(?:前|之前|以前)",
    rf"\b(?:within|in) (?:{_NUM} )?(?:(?:working|business|calendar) )?"
    r"(?:days?|weeks?|months?|fortnights?) of\b|\bwithin a fortnight\b",
    r"\bbefore (?:the|your|their|our) (?:[\w-]+ ){0,2}(?:ramp|audit|deadline|exams?|term|event"
    r"|inspection|go-?live|launch|busy season|shutdown|harvest|closure|opening)\b",
    # so long after an event of theirs (a fortnight after the pilot wraps up)
    rf"\b{_NUM} (?:days?|weeks?|fortnights?|months?) after (?:the|your|their|our)\b",
    rf"\b{_NUM} (?:days?|weeks?|months?|quarters?|sprints?) (?:out|away|from now)\b",
    rf"\b(?:{_MONTHS})\b(?:\s+\d{{1,2}})?",
    rf"\b(?:{_WEEKDAYS})\b",
    r"\b20\d\d\b(?!\s*(?:[a-z%]|[个条次台张元块万千路人]))",
    r"\bthe \d{1,2}(?:st|nd|rd|th)\b",
    r"\b(?:next|this|the following) (?:week|month|quarter|year|release|version|sprint|half"
    r"|summer|spring|autumn|fall|winter)\b",
    r"\bsprint after next\b",
    r"\b(?:fall|spring|summer|winter) release\b",
    r"\bend of (?:the )?(?:year|month|quarter|june|\w+)\b",
    r"\b(?:fiscal )?year[- ]end\b|\bfiscal year\b",
    rf"\b(?:within|in) (?:the next )?{_NUM} (?:days?|weeks?|months?|quarters?|sprints?|hours)\b",
    r"\b(?:first|second) half of (?:the|next) year\b",
    r"\bbefore the holidays\b",
    r"\bbefore (?:the |your |our )?(?:[\w-]+ )?(?:peak|season|rush|sale|freeze|holidays?|renewal"
    r")\b|\bbefore (?:the|your|our) (?:[\w-]+ )?(?:go-?live|launch|cut-?over|migration|rollout)\b"
    r"|\b(?:ramadan|lebaran|eid|diwali|golden week|chinese new year|lunar new year)\b"
    r"|\bbefore (?:the )?(?:spring|summer|autumn|fall|winter|monsoon|(?:[\w-]+ )?season)\b",
    r"\bearly next quarter\b",
    r"\bbefore (?:your|the|our) (?:[\w-]+ )?(?:come|arrive|start|kick|show)\w*",
    r"\bmid-(?:\d{4}|year|quarter|month)\b",
    r"\bthanksgiving|christmas|black friday|new year|easter\b|\bweekend after\b",
    rf"\bgive (?:us|me) {_NUM} (?:more )?(?:days?|weeks?|months?|sprints?)\b",
)
#: a promise said by its verb: a date by which we will do something is a date promised
_COMMITS = _re(
    r"(?:我们|我)?(?:(?<![晚开大例年聚峰展博协机社])会(?![谈议面晤])|保证|承诺|一定|肯定)",
    # the customer's side hands something over to us by then (你们…前把数据导给我们)
    r"把[^，,;；。]{1,20}(?:给|交给|导给|发给|传给|同步给|提供给)我们"
    r"|把[^，,;；。]{1,20}(?:给|发|传|交|导|同步|提供)过来",
    r"\b(?:will|'ll|shall|promise\w*|commit\w*|guarantee\w*)\b",
)
#: a condition: a date in it is the customer's, not promised ("if you sign this quarter")
_CONDITION = _re(r"如果|只要|要是|假如", r"\b(?:if|provided|as long as|once|unless)\b")
#: handing over the date itself ("告诉客户上线日期", "share the roadmap dates")
_GIVE_DATE = _re(
    r"(?:告诉|告知|给出|给|提供|透露|确定)[^，,;；。]{0,12}(?:日期|时间表|时间点)",
    r"\b(?:share|give|tell|provide|commit to|send)\b[^,;.]{0,30}"
    r"\b(?:dates?|timelines?)\b",
)
#: an amount of money by its currency ("2800 元", "$0.02", "一毛二", "5 dollars")
_MONEY = _re(
    r"[$¥€£]\s*\d|\d\s*(?:万|千)?\s*(?:元|块|美元|欧元|分钱)|[一二两三四五六七八九十]\s*分钱"
    r"|每(?:人天|人月|人日|条|次|个|台|路|方|年|月|G|GB|T|TB)[^，,;；。]{0,3}"
    r"(?:按)?\s*[\d一二两三四五六七八九十]+(?:\.\d+)?\s*(?:万|千|分|毛|块|元)?[一二三四五六七八九]?(?:算|给|收)?"
    r"|[\d一二两三四五六七八九十]\s*毛(?:[\d一二两三四五六七八九]|钱)?"
    r"|按\s*(?:每)?\s*(?:人天|人月|人日|人时|[\d千万百]*\s*(?:tokens?|次|条|个|台|路|方|G|GB|T|TB))?\s*"
    r"(?:[\d.]+\s*(?:万|千)?\s*(?:分|毛|块|元)|[一二两三四五六七八九十]+\s*(?:分|毛|块|元)[一二三四五六七八九]?)"
    r"|按\s*(?:每)?\s*(?:人天|人月|人日|人时)\s*[\d一二两三四五六七八九十]"
    r"|(?:一个|每个?)\s*人[天日月]\s*(?:按|是|收|要)?\s*\d{3,}"
    r"|\d+\s*(?:一|每)\s*(?:个|台|人|路|方|套|张|席)\s*(?:一|每)?\s*个?\s*(?:月|年)"
    r"|按\s*[\d.]+\s*(?:万|千)?\s*(?:块|元)?\s*(?:一|每)\s*个?\s*(?:人天|人月|人日|人时)",
    r"\d+(?:\.\d+)?\s*[mk]?\s*(?:dollars?|usd|rmb|eur|euros?|cents?)\b|\b\d+(?:\.\d+)?\s*grand\b"
    r"|\b[\w-]+ (?:bucks|quid)\b"
    r"|\b(?:a|one|half a|a (?:tenth|fraction|half|third|quarter) of a) (?:cent|penny)\b"
    r"|\bcents? (?:a|per) [a-z]+\b"
    r"|\b\d[\d.,]*\s*k?\s*(?:a|per|/)\s*(?:month|year|yr|mo|seat|user|head|bot|agent|licen[cs]e"
    r"|node|gb|tb|core|device|endpoint|instance)\b",
)
#: money kept off the bill, in Chinese ("账单上看不到", "不会出现在账单上")
_OFF_THE_BILL_ZH = (
    r"账单上[^，,;；。]{0,4}(?:看不到|不会(?:出现|体现|有)|不体现)"
    r"|不(?:会)?(?:出现|体现)在(?:你们的?)?账单上"
)
#: a price said as the bill: "won't show up on your invoice" (a promise through a negation)
_OFF_THE_BILL = (
    r"\b(?:won't|will not|never|not|doesn't|does not) (?:show up|appear|be)\b[^,;.]{0,10}"
    r"\bon (?:your|the) (?:invoice|bill)\b"
)
_PRICE = [
    # a price held to what they pay now or paid before ("单价不会比现在的供应商高", "would
    # cost them no more than last year's bill")
    _re(
        r"(?:单价|价格|价钱|费用|报价|收费|花费|成本)[^，,;；。]{0,3}不会?比[^，,;；。]{1,14}(?:高|贵|多)",
        r"\bcosts? (?:them |you |us )?(?:no more|not more|less) than\b",
    ),
    _re(
        r"(?:\d+(?:\.\d+)?|[一二三四五六七八九])\s*[一二三四五六七八九五]?\s*折",
        r"(?:\d+(?:\.\d+)?\s*%|百分之[\d一二三四五六七八九十]+|\b(?:"
        + _NUM
        + r")[- ]percent\b)[^，,;；。]{0,12}"
        r"(?:优惠|折扣|返点|让利|下调|降|减|off|discount|rebate|cut|lower|reduc)",
        r"(?:优惠|折扣|返点|返|让利|下调|降低|降|减|discount|rebate|cut|lower|reduc\w*)"
        r"[^，,;；。]{0,12}\d+(?:\.\d+)?\s*%",
        r"让(?:一点|一些|利|[^，,;；。]{0,6}[分毛块元钱])|再往下|往下降|成本价|免掉|抵扣|冲抵|抵到|不(?:补|追|收)(?:差价|差额)|免了|便宜"
        r"|(?:按|照)[^，,;；。]{0,8}(?:价格|价钱|原价|价)|价格?[^，,;；。]{0,4}(?:跟|和|与|同)[^，,;；。]{0,8}一样"
        r"|价[^，,;；。]{0,10}(?:给到|给你们|按[^，,;；。]{0,8}走)"
        r"|[降减让少][^，,;；。]{0,4}[\d一二两三四五六七八九十]+\s*(?:分|毛|块|元)钱?"
        r"|同价|差价|对折|打[^，,;；。]{0,3}折|返(?:你们|给你们|还|利|现|点)"
        r"|(?:单独|专门|特别|优惠)[^，,;；。]{0,4}(?:一个|的)?价"
        r"|(?:低|便宜|降|减|让|少)[^，,;；。]{0,3}[一二两三四五六七八九\d]\s*成(?![本功员为])|[让降减返][^，,;；。]{0,4}[一二两三四五六七八九十\d]+\s*个?点",
        r"\b(?:knock|take|shave)\w*\b[^,;.]{0,20}\boff\b|\bcome down\b|\bbring\w* down\b"
        r"|\bat cost\b|\bcost price\b|\b(?:at|for) (?:what it costs us|our (?:own )?cost)\b"
        r"|\bwhat it costs us\b|\b(?:won't|will not|never|not) (?:be )?true[sd]?[- ]?up\w*"
        r"|\bno true-?ups?\b|(?:按|以|照)进价|进价给|不(?:做|搞|算)?(?:补差|追补|true-?up)"
        r"|\bmatch\w*\b[^,;.]{0,30}\b(?:pric|charg|bill|invoice|spend|quote|rate)"
        r"|\bpriced (?:the )?same\b"
        r"|\bat the (?:[\w-]+ ){0,3}(?:price|rate|pricing)\b|\bat [\w-]+ pricing\b"
        r"|\bhalve\w*|\bhalf off\b|\bfor the price of\b"
        r"|\bcheaper\b"
        r"|\bbetter (?:price|rate|deal)\b"
        r"|\d+(?:\.\d+)?\s*% of (?:the )?(?:spend|bill|list|consumption|revenue)"
        r"|\b(?:pric\w*|rates?|costs?|bill\w*)\b[^,;.]{0,30}\bmatch\w*|\bhalf of what\b"
        r"|\bmeet you at\b|\bcosts? (?:you )?the same\b|\d+(?:\.\d+)?\s*%? (?:below|under) list"
        r"|\d+(?:\.\d+)?\s*% back\b|\bmoney back\b|\brefund\w*",
    ),
    _re(
        r"[用拿]券|券[^，,;；。]{0,8}(?:顶|抵|扛|补|贴)"
        r"|(?:我们|我方|咱们)(?:来|这边)?(?:贴|补贴|扛|买单|出钱|掏钱|出这笔)|(?:顶|抵|扛|补|贴)(?:掉|了|上)|我们送$|[GT]B?\s*(?:我们)?送"
        r"|(?<!比)(?:刊例价|目录价|官网价)[^，,;；。]{0,4}(?:便宜|低|打折|下浮)"
        r"|(?:费用?|钱|成本|差价|点差|汇损|预算)[^，,;；。]{0,10}(?:我们|我这边|咱们)[^，,;；。]{0,6}"
        r"(?:扛|出|补|承担|买单|付|包|兜底)|送(?:给|的|你们)|我们包了|算在我们|算我们的"
        r"|送(?:了|掉)|免费|(?:我们|我方|咱们)(?:这边)?(?:就|也|都)?不收(?!回)|返到|退(?:到|给|还)你们|(?:费用|钱)[^，,;；。]{0,6}(?:我们出|我们承担|不用你们出)|不(?:额外|另外?)?收费|不另收|不算钱|不要钱|不收钱|赠送|减半|半价"
        r"|按[^，,;；。]{0,10}的?钱收|退费|退款|(?:费用?|钱)[^，,;；。]{0,8}(?:全退|退给|退还)"
        r"|费用?[^，,;；。]{0,6}不收|(?:为|是|收|算)零(?![件售部])|白干|白做|"
        + _FREE_SAID_ZH
        + r"|(?:送|再给[^，,;；。]{0,4}|延长)\s*"
        + _NUM
        + r"\s*个?(?:月|天|周|星期|年)",
        _FREE_SAID_EN
        + r"|\bfree\b|\bno (?:extra |additional )?(?:cost|charge)\b|\bthrown in\b|\bwaive\w*"
        r"|\bcomp(?:ed|ing|s)?\b|\bforgiv\w*|\bwritten off\b|\bwrite\w* off\b"
        r"|\b(?:won't|will not|not|never) charge\b|\b(?:no|without) (?:an? )?uplift\b"
        r"|\b(?:skip|drop|forgo|forget|scrap)\w*\b[^,;.]{0,20}\b(?:true-?ups?|fees?|charges?"
        r"|invoices?|overages?|surcharges?|minimums?)\b"
        r"|\bcomplimentary\b|\bhalf price\b|\bon (?:the house|us)\b"
        r"|\b(?:we'll|we will|we) (?:eat|absorb|cover) (?:it|that|this|the rest|the overage)\b"
        r"|\b(?:won't|will not|not) be (?:billed|charged)\b|\bincluded\b|\bon the invoice\b"
        r"|\b(?:eat|absorb|cover|pick up|foot)\w*\b[^,;.]{0,40}\b(?:costs?|fees?|bill|charges?"
        r"|effort|work|difference|delta|gap|overage|uplift|premium|surcharge|markup|increase"
        r"|person-days?|man-days?|hours|days)\b"
        r"|\bon (?:our|my) (?:dime|tab|budget)\b|\bpick\w* up the tab\b"
        r"|\b(?:won't|will not|doesn't|does not|shouldn't) cost (?:you )?(?:anything|a (?:thing"
        r"|penny|cent|dime))\b|\bno (?:[\w-]+ )?(?:charges?|fees?)\b"
        r"|\bcredit(?:s|ed)?\b",
    ),
    _re(
        # an amount of money: a currency, or a number of ten thousands or thousands with a
        # price word before it; a bare figure ("5k TPS", "10 万台设备") is no price
        _MONEY.pattern,
        r"[\d一二两三四五六七八九十百千]\s*万(?!\s*(?:[台个次条人行张核路并件笔户]|用户|设备|连接|并发"
        r"|QPS|TPS|[a-z]))|[一二两三四五六七八九十百千]+\s*(?:块|元)",
        r"\b(?:pric\w*|costs?|fees?|budget|quote[ds]?|pay|bill\w*|spend|charge[ds]?)\b"
        r"[^,;.]{0,20}\b\d+(?:\.\d+)?\s*[mk]\b",
        r"\bcap\w*\b[^,;.]{0,20}\bat\b",
    ),
    _re(
        r"不涨|不上涨|不加价|价格锁定|锁定[^，,;；。]{0,6}价|价[^，,;；。]{0,8}锁[定死住]"
        r"|(?:价|费用?|账单|成本|钱)[^，,;；。]{0,12}(?:不变|持平|不涨|不动)"
        r"|(?:价|费|账单|成本|钱)[^，,;；。]{0,6}(?:跟|和|与|同)[^，,;；。]{0,8}一样"
        r"|按[^，,;；。]{0,4}(?:去年|今年|现在|目前)的?价格",
        r"\block\w*\b[^,;.]{0,20}\b(?:pric|rate)|\bgrandfather\w*|\b(?:pric\w*|rates?)\b[^,;.]{0,20}\block"
        r"|\bno price increase|\bat (?:last year's|today's|current|this year's) (?:prices?|rates?)"
        r"|\b(?:pric\w*|rates?|renewal|bill|invoice|spend)\b[^,;.]{0,30}\b(?:won't|will not"
        r"|not|never) (?:go up|change|rise|increase|exceed)"
        r"|\b(?:pric\w*|rates?|fees?|bill|invoice|spend|costs?)\b[^,;.]{0,10}"
        r"\bstays? (?:flat|the same|level|unchanged|at)\b"
        r"|"
        + _OFF_THE_BILL
        + r"|"
        + _OFF_THE_BILL_ZH
        + r"|\b(?:won't|will not|never|not) (?:go up|rise|increase)\b[^,;.]{0,20}"
        r"\b(?:renewal|next year|the contract)\b"
        r"|\bstays? at \d|\b(?:the )?same as (?:last|this) year'?s?\b"
        r"|\bsame\b[^,;.]{0,15}\b(?:price|rate|pricing)\b",
    ),
]
#: a price stated (not given away): "人天单价按 2800 元"
_PRICE_WORD = _re(
    r"单价|价格|报价|费率|收费|计费",
    r"\b(?:prices?|pricing|rates?(?![- ]limit)|fees?|billed|charged)\b",
)
#: a figure of a rate (``80k RPS``, ``50k requests per second``, ``每秒 2 万次``)
_RATE = (
    r"(?:\d[\d.,]*\s*[kmw万千]?|[一二两三四五六七八九十百千万]+)\s*"
    r"(?:rps|qps|tps|[mgk]bps|(?:requests?|messages?|events?|calls?|transactions?|queries"
    r"|writes|reads|ops|orders|payments|emails|texts) ?(?:per|a|/) ?(?:second|sec|s|minute|min))\b"
)
#: a rate figure promised: handled, sustained, held or guaranteed (an SLA or capacity figure)
_RATE_PROMISED = _re(
    r"\b(?:handle|sustain|hold|support|serve|take|absorb|guarantee|commit|deliver|process"
    r"|keep up with|cope with|scale\w* to|throttl\w* (?:below|under)|burst\w* to|carry)\w*\b"
    r"[^,;.]{0,60}\b" + _RATE,
    r"\b" + _RATE + r"[^,;.]{0,30}\b(?:guaranteed|sustained|no problem|in writing)\b",
)
#: a loss that never happens ("won't drop an acknowledged message", "no message will be lost"):
#: a quality, promised through a negation
_NO_LOSS = (
    r"\b(?:never|won't|will not|doesn't|does not) (?:ever )?(?:drop|lose)\b"
    r"|\bno [\w-]+(?: [\w-]+)? (?:will|shall|is|gets|ever gets) (?:ever )?(?:be )?"
    r"(?:lost|dropped)\b"
    r"|\b(?:will|shall) never be (?:lost|dropped)\b"
)
#: traffic held back, in Chinese ("限流", "拦你们", "限你们的流量"): not doing it is letting
#: the customer's traffic through
_THROTTLED_ZH = (
    r"被?(?:限流|限速|降速|拦截?(?![^，,;；。]{0,2}率)|卡(?:你们|您)"
    r"|限(?:制)?(?:你们|您)的?(?:流量|速率|并发|请求))"
)
#: traffic held back, in English ("throttle", "cap your calls", "be held back"): not doing
#: it lets the customer's traffic through
_HELD_BACK = (
    r"(?:(?:be |get )?(?:throttl\w*|rate[- ]limit\w*)"
    r"|(?:be |get )(?:capped|limited|blocked|held back|slowed(?: down)?)\b(?! to)"
    r"|(?:cap|limit|block|hold back|slow down)(?: \w+)? (?:you|your|them|it)\b)"
)
_NOT_HELD_BACK = r"\b(?:won't|will not|never|not) " + _HELD_BACK
_UNTHROTTLED = r"\b(?:without|no) (?:any )?(?:throttling|rate[- ]limiting|limiting|capping)\b"
#: capacity taken back ("回收", "抢占", "reclaimed", "pre-empted"), said as never done
_TAKEN_BACK = _re(
    r"(?:不会|不|绝不)被?(?:回收|收回|抢占|挤占|驱逐)",
    r"\b(?:won't|will not|never|not) (?:be |get )?(?:reclaim|pre-?empt|evict)\w*\b"
    r"|\b(?:won't|will not|never|nobody will|no one will)"
    r" (?:be taken back|take (?:[\w-]+ ){0,3}back)\b",
).pattern
#: a failure promised never to happen ("保证不掉线", "won't go down during your sale",
#: "without throttling", "no throttling"): how well a thing runs, said through a negation
_NO_FAILURE = (
    r"(?:不会|不|绝不|绝对不|从不|零)(?:掉线|宕机|断线|中断|挂掉|挂|停机|停服|卡顿|降级|丢数据|"
    + _THROTTLED_ZH
    + ")"
    r"|\b(?:won't|will not|never|doesn't|does not|shan't) (?:ever )?(?:go down|fail over|fail"
    r"|crash|be down|go offline|time out|drop\b|" + _HELD_BACK + r")"
    r"|\b(?:without|no) (?:any )?(?:downtime|an outage|outages|interruption)\b|" + _UNTHROTTLED
)
_FIGURE = _re(
    r"9\d(?:\.\d+)?\s*%|9\d\.\d+(?![\d.])",
    r"(?:[三四五六七八九十]|\d{1,2})\s*个\s*[9九]|\b(?:three|four|five|six|\d{1,2})[- ]nines\b",
)
#: so many out of so many, in words too ("nineteen out of twenty", "99 in every hundred")
_FEW_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|nineteen|ninety-?\w*|forty-?\w*"
    r"|forty|fifty|twenty"
)
_SO_MANY = r"(?:\d[\d,]*[km]?|ten|twenty|fifty|a hundred|hundred|a thousand|thousand)"
_SLA = [
    _FIGURE,
    _re(
        _NUM
        + r"[\s-]*(?:个)?\s*(?:business |working )?(?:分钟|小时|秒|毫秒|微秒|工作日|min\w*|hours?"
        r"|hrs?|seconds?|s(?![a-z])|ms|milliseconds?|millis|microseconds?|µs)"
        r"|[一两三]\s*刻钟",
        r"\b(?:inside|within|in under|under) (?:the|an|one) (?:hour|day)\b"
        # a share of a unit of time ("a quarter of a second", "a tenth of a second")
        r"|\b(?:a|one|three) (?:half|third|quarter|fifth|tenth|hundredth)s? of an? "
        r"(?:second|minute|hour)\b"
        r"|\bsame[- ](?:business[- ]|working[- ])?day\b",
    ),
    _re(r"赔|兜底|全免|免单|退费|全退|退款|\bservice credits?\b|\bcredit(?:s|ed)?\b|\brefund\w*"),
    # how accurate a result is: a share with an accuracy word, errors in so many words
    _re(
        r"(?:准确率?|准确度|识别率|错误率|字错率|精度|召回率)[^，,;；。]{0,10}"
        r"(?:\d+(?:\.\d+)?\s*%|[一二三四五六七八九]\s*成|百分之)"
        r"|[\d一二两三四五六七八九十百千]+\s*(?:句|个字|字|页|条|张|个词)[^，,;；。]{0,4}"
        r"(?:错|识别错|认错|听错)[^，,;；。]{0,4}[\d一二两三四五六七八九十半]"
        r"|\d+(?:\.\d+)?\s*%\s*(?:的)?(?:准确|识别率|精度)",
        r"\b(?:wer|accura\w*|error rates?|precision|recall)\b[^,;.]{0,20}\d+(?:\.\d+)?\s*%"
        r"|\d+(?:\.\d+)?\s*%\s*(?:accura\w*|precision|recall)"
        r"|\b\d+ (?:in|out of) \d+ (?:[a-z-]+ )?(?:words?|characters?|pages?|calls?|minutes?)\b"
        r"|\b(?:one|an?|\d+) (?:mistakes?|errors?|misreads?) (?:in |per |every |in every )"
        r"(?:\d+|\w+) (?:words?|characters?|pages?|lines?|sentences?)\b",
    ),
    _re(
        r"(?:保证|承诺|担保|确保)[^，,;；。]{0,30}(?:\d|[一二两三四五六七八九十]+\s*(?:个\s*[9九]|分钟|小时"
        r"|秒))|(?:签字|书面|白纸黑字)(?:保证|承诺)|写进合同|写到合同|不会丢|不丢|零丢失|扛住|扛得住|顶得住|零中断|保底"
        r"|(?:保证|确保|承诺)[^，,;；。]{0,12}(?:性能|可用性|稳定|延迟|时延)"
        r"|(?:RPO|RTO)[^，,;；。]{0,10}(?:为|是|等于|做到|到)?\s*(?:零|0)(?![\d.])|拍胸脯|[打包](?:包|保)票",
        r"\bguarantee\w*\b[^,;.]{0,40}\d|\bguarantee\w*\b[^,;.]{0,20}\b(?:performance|latency)\b|\d[^,;.]{0,40}\bguaranteed\b"
        r"|\b(?:never|won't|will not) lose\b|\bzero (?:data )?loss\b|\bwithstand\w*|\babsorb\w*"
        r"|\bzero (?:downtime|interruption)\b|\bcontractually\b|\b(?:in|into) the (?:[\w-]+ )?"
        r"(?:contract|order form|msa|addendum)\b|\b(?:we'll|we will|i'll|i will) sign\b",
    ),
    _RATE_PROMISED,
    _re(
        r"(?:保证|确保|承诺|担保|全年|全程|一定|肯定|绝对)[^，,;；。]{0,12}(?:" + _NO_FAILURE + ")",
        r"\b(?:we|i|it|they|this|that|cluster|service|api|system)\b[^,;.]{0,60}(?:"
        + _NO_FAILURE
        + r")|(?:"
        + _NO_FAILURE
        + r")[^,;.]{0,60}\b(?:guaranteed|in writing|in the contract|in the sla)\b",
    ),
    # a quality said as a rate of outcomes (误识率低于万分之一, bounce rates under 2%), as
    # so many times out of so many, or as a loss that never happens
    _re(
        # 一万条里最多丢三条, 一百张里错不超过一张, 十个外挂里至少抓九个
        r"[\d一二两三四五六七八九十百千万]+\s*(?:条|张|次|个|笔|单|页|句|封|个字|字|块|台|只)"
        r"[\u4e00-\u9fff]{0,4}?(?:里|中|里面|当中)[^，,;；。]{0,6}"
        r"(?:(?:最多|不超过|至多|少于|不到|只有|顶多)\s*(?:丢|错|漏|失败|出错|掉)?"
        r"|(?:至少|起码|最少)[^，,;；。\d一二两三四五六七八九十]{0,3})\s*[\d一二两三四五六七八九十半]+",
        r"(?<![汇费利税])(?:[\u4e00-\u9fff]{1,3}率)[^，,;；。]{0,12}"
        r"(?:\d+(?:\.\d+)?\s*%|[千万百]分之\s*[\d.一二两三四五六七八九十]+)",
        r"\b(?:bounce|drop|loss|failure|error|success|delivery|pass|rejection|hit|match"
        r"|false[- ](?:accept|reject|positive|negative)\w*) rates?\b[^,;.]{0,20}"
        rf"(?:\d+(?:\.\d+)?\s*%|\b(?:{_FEW_WORDS}|{_NUM})[- ]?(?:percent|per cent)\b)"
        rf"|\b(?:\d+|{_FEW_WORDS}) (?:times |[a-z-]+ )?(?:out of|of every|in every|in)"
        rf" (?:every )?{_SO_MANY}\b"
        r"|\b(?:fewer than|less than|under|at most|no more than|only)\s+(?:\d+|one|a)\s+"
        rf"(?:[a-z-]+\s+)?(?:in|out of|per)\s+(?:every\s+)?{_SO_MANY}\b"
        # a measure of failure kept under a share ("packet loss stays under 0.1%")
        r"|\b(?:packet loss|loss|jitter|errors?|failures?|drops?|downtime|timeouts?|retries)\b"
        r"[^,;.]{0,30}\b(?:under|below|less than|at most|no more than|within)\s*\d+(?:\.\d+)?\s*%"
        r"|" + _NO_LOSS,
        r"[一1]\s*[条个笔张]都?不(?:会)?(?:丢|漏|错)",
    ),
    # failures counted per period or per volume ("false accepts stay below one per day",
    # "误唤醒每天不超过一次"): how well a thing works
    _re(
        r"每(?:天|日|周|月|年|小时|千次|万次|百次)[^，,;；。]{0,8}(?:不超过|少于|低于|不到|最多|至多)\s*"
        r"[\d一二两三四五六七八九十半]+\s*(?:次|回|起|例|个)",
        r"\b(?:false[- ]?(?:accepts?|rejects?|alarms?|positives?|negatives?|wakes?|triggers?)"
        r"|errors?|failures?|outages?|incidents?|crashes|drops|misfires?|misreads?)\b[^,;.]{0,40}"
        r"\b(?:below|under|fewer than|less than|at most|no more than|max(?:imum)? of)\s+"
        r"(?:\d+|one|two|three|four|five|ten|a|an)\s+(?:\w+\s+)?(?:per|a|an|each|every)\s+"
        r"(?:day|week|month|hour|year|quarter|thousand|million|hundred|\d+)\b"
        r"|\b(?:false[- ]?(?:accepts?|rejects?|alarms?|positives?|negatives?|matches?)|errors?"
        r"|failures?|misreads?)\b[^,;.]{0,40}\b(?:below|under|fewer than|less than|at most"
        r"|no more than)\s+(?:\d+|one|a)\s+(?:in|per|out of|every)\s+(?:\d[\d,]*[km]?|a"
        r" (?:thousand|million|billion)|ten thousand|a hundred thousand)\b",
    ),
]
_SLA_CONTEXT = _re(
    r"响应|恢复|RTO|RPO|可用|停机|宕机|挂掉|掉线|卡顿|切换|故障|SLA|中断|延迟|时延|到场|有人接|接听"
    r"|工程师接|必有|工单|解决|回复|答复|一定回|保证|兜底|回拨|回电|通知|电话|处置",
    r"respon|recover|\brto\b|\brpo\b|uptime|availab|downtime|\bdown\b|failover|incident"
    r"|\bsla\b|outage|latency|restor|resol|\bp\d\d?\b|percentile|\d\s*ms\b|millisecond"
    r"|\bsev|callback|pick up|of a second\b"
    r"|root cause|tickets?\b|guarantee|longer than|faster than|slower than|in under"
    r"|hear from|answer|get back to|queries|you have my word",
)
_CUSTOM_SLA = _re(
    r"(?:给|提供|签|约定)[^，,;；。]{0,8}(?:定制|单独|专属)[^，,;；。]{0,4}SLA",
    r"\b(?:offer|give|sign|provide)\b[^,;.]{0,12}\b(?:custom|dedicated|separate)\s+sla",
)
_ROADMAP = _re(
    r"开发|定制|新增|实现|做一个|(?:肯定|一定)会?有|(?:会|一定|肯定|给你们|就|来|马上|在)做|做进去|做出来|加上|带上"
    r"|(?:会|要|给你们)加(?!班|速|钱|价|到\s*\d)|(?:就|都|也)?会有|就有(?!点)"
    r"|(?:会|一定|肯定|将|能)支持|(?:加入|加进|纳入|排进|排入)|版本[^，,;；。]{0,4}支持",
    r"承诺[^，,;；。]{0,4}(?:新增|支持|开发)",
    r"(?:答应|承诺|保证|负责)(?:给你们|帮你们)?(?:做|加|开发|支持|实现)",
    r"\b(?:will|'ll|'d|would|going to|commit to)\s+(?:\w+\s+)?(?:build|add|develop|make|support"
    r"|implement|create|adding|building|supporting|ship|deliver)\b",
    r"\bcustom[- ](?:build|built|integration|development|develop)\w*",
    r"\b(?:put|add|going|goes|go)\b[^,;.]{0,40}\b(?:on|onto|to) the roadmap\b",
    r"\b(?:add|support|build)\b[^,;.]{0,40}\bin the next (?:release|version)\b",
    r"\bin (?:h[12]|q[1-4])\b[^,;.]{0,20}\b(?:support|add)",
    r"\bsupport\b[^,;.]{0,40}\bin (?:h[12]|q[1-4])",
    r"\bis coming\b|\bwill be in\b|\b(?:is|are|'s) on (?:the|our) (?:[\w-]+ )?roadmap\b"
    r"|\bin the (?:works|pipeline)\b|\bcommitted for (?:h[12]|q[1-4]|the next|next)\b"
    r"|\b(?:will|'ll) be (?:added|built|developed|implemented|supported)\b"
    # a new thing we will have for the customer ("we'll have a ServiceNow connector for you")
    r"|\b(?:we'll|we will) have (?:an?|the) (?:[\w-]+ ){0,2}(?:connectors?|integrations?"
    r"|plugins?|features?|apis?|sdks?|modules?|adapters?|bridges?)\b[^,;.]{0,40}"
    r"\bfor (?:you|your)\b"
    r"|\bwill handle\b"
    r"|\b(?:we're|we are) (?:building|adding|developing)\b",
    r"\bwill (?:get|gain|have)\b[^,;.]{0,40}\bsupport\b",
    # a product that will get a new thing, a product brought to a platform ("RouteMaster
    # would get a passenger-information screen", "bring managed Kubernetes to the X cloud")
    r"\b(?:will|would|'ll) (?:also )?get (?:a|an|its own|their own|new)\b"
    r"(?![^,;.]{0,30}\b(?:discount|credit|refund|price|rate|response|reply|answer|call)s?\b)"
    r"|\bbring\w* (?:[\w-]+ ){1,3}to (?:the|your|our) (?:[\w-]+ )?"
    r"(?:cloud|platform|stack|region)\b",
    r"\bin the next (?:[\w-]+ )?(?:release|version|update)\b|\bin the next[- ]gen(?:eration)?\b",
    r"\b(?:will|'ll) (?:\w+ )?(?:include|come with|ship with|come to)\b"
    r"|\b(?:slated|planned|scheduled|earmarked)"
    r" for\b|\bwe can build\b",
    r"(?:帮|给)你们(?:做|开发|加(?!到\s*\d))|专门(?:做|开发)|安排进|列入(?:计划|版本)",
    r"(?:版本|迭代|release)里[^，,;；。]{0,4}(?:给到|给|有|带|加|支持|上|做)",
    r"(?:版本|迭代)[^，,;；。]{0,2}(?:加|补)(?![班速钱价到])",
    r"做进|补上|补齐",
    r"(?:加|放|塞|排)(?:到|进|入)[^，,;；。]{0,4}(?:版本|迭代|路线图|计划|排期)",
)
#: a feature that exists already is switched on, not built
_EXISTING = _re(
    r"已经(?!排|纳入|加入|列入|放进|在路线图|在做|在开发)|已有|现有|现成|(?:现在|目前|本来)就(?:支持|有|能)",
    r"\balready\b(?! (?:on|in) the roadmap| planned| scheduled| in the works)|\bexisting\b"
    r"|\b(?:today|now) (?:supports?|has|have)\b|\bsupports? (?:it|this|that) (?:today|now)\b",
)
#: a product whose name says "reserved" is a thing to price, not capacity set aside
_RESERVED_PRODUCT = _re(r"预留实例", r"\breserved (?:instances?|pricing)\b")
_RESOURCE = _re(
    _NUM + r"\s*(?:名|位|个|人|张|台)?\s*(?:[\u4e00-\u9fff]{2})?"
    r"(?:工程师|专家|架构师|人|名|卡|台|位|张|GPU|节点)",
    r"(?:保障|保证|确保)[^，,;；。]{0,6}够|够用|24\s*小时[^，,;；。]{0,4}有人|随时有人",
    # the customer's traffic let through, never held back (放行, won't cap your calls)
    r"(?:请求|流量|并发|调用|访问)[^，,;；。]{0,8}放行|放行[^，,;；。]{0,4}(?:请求|流量|并发|调用|访问)|"
    + _NOT_HELD_BACK,
    r"\blet\w*\b[^,;.]{0,30}\bthrough\b|" + _UNTHROTTLED,
    r"(?:安排|派|配|调|出)[^，,;；。]{0,8}(?:人|工程师|同事|专家|顾问|架构师|经理)",
    r"\b(?:assign|put|send|loan|lend|bring|fly)\w*\b[^,;.]{0,30}\b(?:engineers?|architects?"
    r"|people|folks|experts?|consultants?|analysts?|sres?|specialists?)\b",
    r"(?:先|优先)(?:给|供|保障|满足|紧着|尽着|留给|发给)你们|往后排|第一批|插队"
    r"|(?:加|多|再给你们加|增加)[^，,;；。]{0,4}[一二两三四五六七八九十\d]+\s*(?:个|名|位|台|张)?\s*(?:DBA|SRE|PM|人|工程师|副本|节点|实例|机柜|卡)"
    # so many more of what the limit counts, the thing left unsaid (再加 100 个, 加 500 路)
    r"|(?:加|增加|扩)\s*[一二两三四五六七八九十百千\d]+\s*(?:个|台|路|套)(?![^，,;；。]{0,2}(?:月|天|周|小时|点))\s*$"
    r"|扩[^，,;；。]{0,2}[一二两三四五六七八九十\d]+\s*倍|翻[一二两三四]?倍|加倍"
    r"|包\s*[一二两三四五六七八九十\d]+\s*(?:年|个月)|留[^，,;；。]{0,4}[一二两三四五六七八九十百\d]+\s*(?:个|台|张|路)?\s*整?(?:机柜|柜|卡|台)|[划圈]出?[^，,;；。]{0,2}[一二两三四五六七八九十百\d]+"
    r"|(?:腾|拨|锁给|锁定给)[^，,;；。]{0,6}|[\d一二两三四五六七八九十]+\s*(?:路|个)?\s*整?\s*(?:并发|机柜|机架|坐席)"
    r"|专人|专属|专职|专门|独立的|驻场|常驻|值守|全职|全程|预留|不少于|派|锁住|留给|(?:给|为|替)你们(?:留(?!言|意|个?(?:联系|电话|邮箱|名片|资料))|上架|备(?![注案份]))|只服务|优先保障"
    r"|独占|独享|指定|单独|一家用|专供|别人用不了|不跟别人|不和别人|扩到|扩容到|拉上去|拉高|调高|(?:提|调|加|扩|开|放|拉|升|保障|保)到\s*(?:每(?:秒|分钟|天))?\s*[\d一二两三四五六七八九十]|要多少[^，,;；。]{0,8}给多少"
    r"|(?:不会|不|绝不)" + _THROTTLED_ZH + "|" + _TAKEN_BACK,
    # capacity or people made ready, said by what it is (资源我们提前备好, 人都安排好了), a
    # load taken (双十一的量我们兜得住)
    r"(?:资源|机器|服务器|容量|算力|带宽|人手|人力|(?<!责)人|坐席|线路)[^，,;；。]{0,8}"
    r"(?:备好|准备好|备足|留足|留好|预备好|准备到位|备到位|安排好|就位)|(?:兜|扛|顶|撑)得?住",
    # some of our people ("a couple of our people", "two of our SREs")
    r"\b(?:a couple|a few|several|" + _NUM + r") of (?:our|my) (?:[\w-]+ )?(?:people|engineers"
    r"|folks|staff|experts|consultants|architects|sres|team)\b",
    r"\b" + _NUM + r"[- ](?:[a-z0-9]+ )?(?:person|people|engineers?|experts?|architects?|fte"
    r"|gpus?|vcpus?|cpus?|cores?|servers?|nodes?|consultants?|racks?|units?|analysts?|folks)\b",
    r"\b(?:dedicat\w*|on[- ]site|onsite|stationed|station|full[- ]time|reserve[ds]?|set aside"
    r"|at least \d+|just for (?:them|you|your)|around the clock|embedded|hold|lock\w*"
    r"|(?:its|their) own"
    r"|carve\w* out|nobody else|no one else|your own|not shared|headroom|provision\w*"
    r"|however many|as many as you|on (?:the )?pager"
    r"|on standby|pick up|someone (?:from|on) our|babysit\w*|(?:is|are|be) (?:\w+ )?yours"
    r"|(?:lift|raise|bump|increase|goes up|go up|going up)\w*\b[^,;.]{0,30}"
    r"\bto \d[\d.,]*(?: million| thousand|k|m)?"
    r"|sized (?:for|to)"
    # capacity had for the customer ("you'll have capacity for ...", "capacity in Oslo for you")
    r"|(?:you'll|you will|we'll|we will) have (?:the |enough |more |extra |spare |dedicated )?"
    r"(?:[\w-]+ )?(?:capacity|headroom|nodes|gpus|servers|cores|bandwidth|slots|quota)"
    r"|(?:capacity|headroom|bandwidth)\b[^,;.]{0,30}\bfor (?:you|your)\b"
    r"|room for|keep\w*\b[^,;.]{0,30}\b(?:free|open|available) for"
    r"|(?:capacity|hardware|nodes|gpus|servers|racks|machines|clusters?|instances)\b[^,;.]{0,30}"
    r"\b(?:ready|waiting) for you|(?:peaks?|load|spikes?|surges?|bursts?)\b[^,;.]{0,20}"
    r"\b(?:will be |is |are )?covered(?! by)"
    r"|spare|named|designated|assign\w*|exclusive\w*|racked|point of contact"
    r"|(?:never|not) (?:\w+ ){0,2}(?:fewer|less) than \d+"
    r"|only (?:handle|serve|work on|support)s?)\b"
    # bandwidth said as a pipe or a port of a size, a peak held, raised from one to another
    r"|\b(?:full|whole|dedicated|own|\d+\s*g(?:ig)?|(?:ten|[a-z]+)-gig|(?:giga|mega|tera)bit)"
    r" (?:[\w-]+ )?(?:pipes?|ports?|links?|circuits?|uplinks?)\b"
    # a bandwidth figure guaranteed or held at least ("a minimum of five gigabits per second")
    r"|\b(?:guarantee\w*|minimum of|at least|floor of)\b[^,;.]{0,30}"
    r"\b(?:(?:giga|mega|tera)bits?|[gmt]bps|[gmt]b/s)\b"
    r"|(?:顶|撑|扛|跑)到[^，,;；。]{0,2}[\d一二两三四五六七八九十百千]+|从[^，,;；。]{1,6}(?:升|提|扩|拉)到"
    r"|\b(?:doubl|tripl|quadrupl)\w*\b[^,;.]{0,30}\b(?:capacity|bandwidth|throughput|quotas?"
    r"|headroom|nodes|replicas|limits?|backhaul|links?|brokers|shards|partitions|instances"
    r"|servers|gpus|workers|cores)\b|\b(?:capacity|bandwidth|throughput"
    r"|quotas?|headroom|nodes|replicas)\b[^,;.]{0,30}\b(?:doubled|tripled|doubles|triples)\b"
    r"|\badd\w*\b[^,;.]{0,10}\b(?:\d+|two|three|four|more) (?:replicas|nodes|brokers|shards)\b"
    r"|\bguarantee\w*\b[^,;.]{0,20}\bcapacity\b"
    r"|\bcapacity\b[^,;.]{0,40}\bguaranteed\b|\bfirst in line\b"
    r"|\benough\b[^,;.]{0,30}\bcapacity\b|\bcapacity for \d"
    r"|\bahead of (?:anyone|everyone|other)"
    r"|\bbefore anyone else\b|\bfirst (?:batch|shipment|allocation)\b|\bpriority\b"
    r"|\b(?:our|my) (?:[\w-]+ )?(?:engineers?|people|team|sres?|experts?|architects?|dbas?|folks"
    r"|staff) (?:will|'ll|are going to) be\b"
    r"|\b(?:we|i) (?:have )?(?:committed|promised|secured|allocated|earmarked)\b",
    # someone had for the customer ("we'll have someone pageable 24/7 for your account")
    r"\b(?:will|'ll) have (?:someone|somebody|people|an? [\w-]+ (?:engineer|person|expert))\b"
    r"[^,;.]{0,40}\bfor (?:you|your)\b|\b24\s*[x/]\s*7\b",
    rf"\b(?:squad|team|crew|pod|group|bench|pair|trio|handful) of {_NUM}\b"
    rf"|\b{_NUM}[- ](?:person|people|strong|engineer|member)[- ]?(?:team|squad|crew|pod|group)\b",
    rf"\b{_NUM} of (?:our|my|the|their|your) (?:[a-z-]+ )?(?:engineers?|experts?|architects?"
    r"|people|folks|consultants?|staff|dbas?|sres?)\b",
    _ON_SITE.pattern,
    # a person who stays with the customer or follows them (有个人就蹲在你们那儿, 老王全程跟着)
    r"(?:人|工程师|专家|同事|顾问|架构师|老[\u4e00-\u9fff]|小[\u4e00-\u9fff])[^，,;；。]{0,8}"
    r"(?:蹲|跟着|跟到|驻|陪|守着|盯着|待在|呆在|住在)|随叫随到",
    r"\bcarr(?:y|ies|ying) (?:a |the )?pagers?\b"
    r"|\b(?:engineers?|people|someone|somebody|person|guys?|folks|sres?|dbas?|staff)\b[^,;.]{0,30}"
    r"\b(?:stay|sit|camp|be|work)\w*\b[^,;.]{0,10}\b(?:with|beside|alongside|next to) your?\b",
    # a figure of bandwidth or capacity given, opened or held (先各开 100 兆, 200G 的攻击兜住)
    r"(?:开|给|给够|留|划|保底|保|兜住|扛|顶)[^，,;；。]{0,6}\d+(?:\.\d+)?\s*(?:兆|M|G|T|[MGT]bps|[MGT]B|核|台)"
    r"|\d+(?:\.\d+)?\s*(?:兆|M|G|T|[MGT]bps|[MGT]B)[^，,;；。]{0,10}(?:兜住|兜得住|扛|顶住|顶得住|扛得住|都行|没问题)",
    _RATE_PROMISED.pattern,
    # a count of things taken on (will handle 2 million meters, 接入 200 万台设备)
    r"\b(?:will|'ll|can|to|shall) (?:\w+ )?(?:handle|take|serve|carry|onboard|ingest)\b"
    r"[^,;.]{0,20}?\b\d[\d.,]*\s*(?:k|m|million|thousand)?\s+"
    r"(?!(?:days|weeks|months|years|hours|minutes|seconds|sprints|quarters)\b)"
    r"(?:(?!(?:on|in|to|at|of|for|by|per|a|an|the)\b)[a-z-]+ )?[a-z-]+s\b"
    r"|(?:接入|承载|支撑|扛住|撑住|接住)[^，,;；。]{0,4}[\d一二两三四五六七八九十百千]+\s*万?\s*"
    r"(?:个|台|块|路|只|张|条)",
    r"\b(?:absorb|eat|handle|soak|take|hold|give|open|carve)\w*\b[^,;.]{0,30}"
    r"\b\d+(?:\.\d+)?\s*(?:[mgt]bps|gbit|tbit)\b|\bup to \d+(?:\.\d+)?\s*(?:[mgt]bps|gbit|tbit)\b",
)
_PROMISES = {
    DATE: [_WHEN, _GIVE_DATE],
    PRICE: _PRICE,
    SLA: [*_SLA, _CUSTOM_SLA],
    ROADMAP: [_ROADMAP],
    RESOURCE: [_RESOURCE],
}

#: a clause that refuses, negates or only promises to find out promises nothing
_REFUSAL = _re(
    r"不|没|无法|无权|(?<![识区类级性告分派特个差鉴判])别(?![人家])|未|拒绝|暂无|待定|再定|再说|再告知|再回复|再安排|评估|了解|反馈|研究|看看|考虑|要看"
    r"|确认(?!过的|了的)|请示|是否|能否|可否|为准|确定后|之后再|等.{0,12}后|另外签|另行|需另|需要另外|需要?.{0,8}审批"
    r"|走审批|待审批|审批后|由[^，,;；。]{0,10}决定|决定权|等[^，,;；。]{0,8}(?<!回)来|官网(?!价[^，,;；。]{0,4}(?:便宜|低))|(?<!比)目录价(?![^，,;；。]{0,3}[\d一二三四五六七八九]\s*[折成])|(?<!比)刊例价|评审|(?<!给你们)(?<!帮你们)(?<!替你们)申请|申请(?=一下|看看|试试)|回去|记下|记一下|怎么(?![也都])|(?<!无论)如何|才能(?:说|定|谈|答复|给)|看过|问一下|问问|问清楚|查一下|看一下|拉一下|商量|记录|提给|提交(?!作业|任务)",
    r"\bno\b|\bnot\b|n't\b|\bnever\b|\bnothing\b|\bnone\b|\bcannot\b|\bdecline|\brefuse"
    r"|\bwithout\b|\bunable\b|\bdecided by\b|\bup to (?:the|them|their)\b"
    r"|\b(?:published|public) (?:sla|terms|price|pricing|rates?)\b"
    r"|\bstandard (?:sla|terms)\b|\bcheck\b|\bask\b|\bexplore|\blook (?:into|at)\b"
    r"|\bevaluat|\bassess"
    r"|\bfind out\b|\bget back\b(?![^,;.]{0,30}\b(?:within|in under|inside)\b)"
    r"|\bwhether\b|\bsee if\b|\bto be decided\b|\btbd\b"
    r"|\bdepends?\b|(?<![\w-])once\b|\bonly after\b|\bsubject to\b|\bneeds? [^,;.]{0,20}approval"
    r"|\bpending approval|\bafter approval|\bneeds? (?:an? )?(?:[\w-]+ )?review\b"
    r"|\bneeds? (?:an? )?(?:approval"
    r"|application|separate)|\bout of scope\b|\bconfirm\w*|\breport back\b"
    r"|\b(?:to|will|'ll|we|i|must|should|can|under|pending|for) review\b"
    r"|\breview (?:it|this|that|internally|the request|with)\b"
    r"|\blet you know\b|\btake [^,;.]{0,30}\bback\b"
    r"|\bgo(?:es)? through\b[^,;.]{0,20}\b(?:desk|approval|legal|procurement|finance|review)\b",
)
#: phrases that promise through a negation word: taken out before a refusal is looked for
_NEGATED_PROMISE = _re(
    _KEPT_AT_SITE_ZH,
    _FREE_SAID_ZH,
    _FREE_SAID_EN,
    r"(?<=价|钱|用|费|本)[^，,;；。]{0,3}不会?比[^，,;；。]{1,14}(?:高|贵|多)"
    r"|没问题(?!的话|吧|吗|么)|不成问题|不晚于|不迟于|不超过|不高于|不低于|不少于|不会(?:低于|高于|超过|少于|晚于)|不涨|不上涨|不加价|不(?:额外|另外?)?收费|不另收|不间断|未达"
    r"|未满足|达不到|不达标|不卡|不掉线|不宕机|不可用|错不了|错不到|不会错|不算钱|不要钱|不收钱|不停机|不放给|不兼|不变|不用你们出|不会丢|不丢"
    r"|(?<=费)不收|(?<=费用)不收|(?:我们|我方|咱们)(?:这边|这里)不收|不(?:补|追|收)(?:差价|差额|钱)"
    r"|不(?:做|搞|算)?(?:补差|追补|true-?up)|不收(?:钱|费|你们钱)|(?<=我们)不收|(?<=我方)不收|(?<=咱们)不收",
    _NO_LOSS + r"|\b(?:won't|will not|never|not) (?:be )?true[sd]?[- ]?up\w*|\bno true-?ups?\b"
    r"|\bno later than\b|\bnot later than\b|\bno more than\b|\bnot (?:more|less) than\b"
    r"|\bnever more than\b"
    r"|\b(?:won't|will not|wouldn't|would not|never|not) (?:\w+ ){0,2}\w+ (?:more|longer) than\b"
    r"|\bno (?:extra |additional |[\w-]+ )?(?:costs?|charges?|fees?)\b"
    r"|\bno price increase\b|\bat no\b"
    r"|\b(?:won't|will not|doesn't|does not) cost\b"
    r"|\b(?:never|not) (?:\w+ ){0,2}(?:fewer|less) than\b"
    r"|\b(?:never|won't|will not) lose\b"
    r"|\b(?:won't|will not|not|never) (?:go up|change|rise|increase|exceed|be billed"
    r"|be charged|charge)\b|\bnobody else\b|\b(?:no|without) (?:an? )?uplift\b|"
    + _NOT_HELD_BACK
    + r"|"
    + _TAKEN_BACK
    + r"|"
    + _OFF_THE_BILL
    + r"|"
    + _OFF_THE_BILL_ZH
    + r"|"
    + _NO_FAILURE,
)
#: a commitment that calls itself a goal, best effort or no part of the contract promises
#: nothing, whatever its clauses say
_HEDGE = _re(
    r"目标|尽力而为|尽量|不写进合同|不作为合同|不作为承诺|不是承诺|不算承诺|仅供参考"
    r"|(?:不能|没法|无法|不便|不方便|不好)(?:给你们)?(?:承诺|保证|答复|透露|说|讲)"
    r"|不(?:做|作)(?:任何|额外|更高)?的?(?:承诺|保证)|不额外承诺|今天不(?:谈|聊|承诺|讲)",
    r"\bbest[- ]effort\b|\bnot a guarantee\b|\bnot guaranteed\b|\bgoal\b|\btarget\w*"
    r"|\bnot (?:a )?(?:commitment|promise|committed)\b|\bno (?:commitment|promise)\b"
    r"|\baim\w*\b|\bno promises\b|\bnothing extra\b"
    r"|\b(?:can't|cannot|can not|won't|will not) (?:promise|commit|guarantee|say|discuss|talk"
    r"|go beyond|give you|offer|share)\b",
)
#: a clause about material (a document, a demo, a list) hands over information, not a promise
_HAND_OVER = _re(
    r"^\s*(?:我们|我)?(?:会|会后)?(?:介绍|讲解|演示|发送|发给|分享|整理|记录|提交|说明|转给"
    r"|安排一次|请|发(?=一份|一下|个))",
    # people sent are no material ("we'll send two engineers")
    r"^\s*(?:(?:we|i|they)(?:'ll| will) |will )?(?:send(?:ing|s)?(?![^,;.]{0,20}"
    + _PEOPLE_EN
    + r")|shar(?:e|es|ing)"
    r"|explain|introduce|demo|walk"
    r"|record|log|submit|pass|collect|describe|arrange|schedule|set up)\b",
)
_DOCUMENT = _re(
    r"文档|白皮书|报告|(?:资费|费率|价目)表|报表(?=[^，,;；。]{0,6}(?:发|给|传|转))|手册|清单|指南|说明|链接|申请表|最佳实践|(?:收费|计费|计价|定价)(?:标准|规则)|(?:架构|拓扑|流程|示意|部署|组网)图|对比表|价格表|报价单|纪要|公开版|材料|资料|PPT"
    r"|[\u4e00-\u9fff]{2}方案(?:[^，,;；。]{0,4}(?:发|给)|[^，,;；。]{0,4}$)"
    r"|把[^，,;；。]{1,20}(?:整理|汇总|发|提供|准备|导出)(?:好|出来)?给",
    r"\b(?:docs?|documents?|whitepapers?|reports?|guides?|manuals?|lists?(?! pric)|forms?"
    r"|sheets?|notes|postmortems?|descriptions?|calculators?|checklists?|best practices"
    r"|runbooks?|decks?|matrix|faq|recommendations|announcements?|diagrams?)\b",
)
#: work handed over by a date (a quote, a proposal, a test on samples): its date is no date
#: of the thing it is about, nor its words the very thing a limit forbids
_DELIVERABLE = _re(
    r"(?:报价|方案|测试(?!数据|账号|环境)|测评报告|评估|对比|试算|样例|演示)[^，,;；。]{0,8}(?:发给|给你们|发你们|交给|提供给|发过去)",
    r"\b(?:quotes?|proposals?|tests?(?! data| accounts?)|testing"
    r"|benchmarks?|bake-?off|trial runs?|assessments?"
    r"|estimates?|demos?|samples?|walkthrough|evaluation)\b[^,;.]{0,40}\b(?:by|before|on)\b",
)
#: a guarantee said outright, whatever else is only aimed at
_OUTRIGHT = _re(r"\b(?:we'll|we will|i'll|i will) (?:guarantee|commit to|sign)\b")
_INFORMATION = _re(_HAND_OVER.pattern, _DOCUMENT.pattern)
_CLAUSES = re.compile(
    r"(?:,(?!\d{3}\b)|[，;；。!?！？:：])+(?!\s*which\b)|\s+but\s+|但是|但|不过", re.IGNORECASE
)


def _clauses(text: str) -> list[str]:
    return [part for part in _CLAUSES.split(text) if part.strip()]


def _refuses(clause: str, text: str = "") -> bool:
    """Whether a clause refuses, negates or only promises to find out; in a commitment the
    customer's side confirms or accepts, only a negation does (what is confirmed is promised).
    A question asked by a verb and its negation (会不会, 能不能) asks, whatever follows."""
    if _ASKED.search(clause):
        return True
    rest = _NEGATED_PROMISE.sub(" ", _FIRST.sub(r"\1", clause))
    rest = _GUARANTEED.sub(lambda m: _NEGATION.sub(" ", m.group()), rest)
    if _ACCEPTED.search(text or clause):
        return bool(_NEGATION.search(_ACCEPTED.sub(" ", rest)))
    return bool(_REFUSAL.search(rest))


#: a question asked by a verb and its negation ("会不会丢", "能不能给")
_ASKED = re.compile(r"([\u4e00-\u9fff])[不没]\1")
#: what happened before (去年, last quarter): a figure of it is a record, not a promise,
#: unless a promise verb is in the clause too
_PAST = _re(
    # not what it is compared with (按去年的价, the same as last year's)
    r"(?<![按跟和同比照])(?:去年|前年|上个?(?:月|季度|周|星期))"
    r"(?![^，,;；。]{0,3}(?:价|一样|水平|标准))"
    r"|过去[一两三四五六半\d]*(?:年|个月|季度|周)|历史上|以往|以前|曾经|当时|实测|上一(?:个|期|次)"
    r"|昨[天晚日]|前天|上次|此前|(?:我们|我方|他们|你们)之前(?!的)"
    r"|(?:老|旧|之前的|原来的)(?:合同|项目|协议)",
    r"(?<!as )(?<!than )(?<!exceed )\blast (?:week|month|quarter|year)\b(?!'s)"
    rf"|\blast (?:{_MONTHS}|spring|summer|autumn|fall|winter"
    r")|\blast (?:week|month|quarter|year)'s (?:measured|actual|average"
    r"|[a-z]+ (?:included|was|were|had|gave|came))"
    r"|\b(?:in the past|so far|historically|to date|went live|happened"
    r"|(?:under|in) (?:the|their|our) (?:old|previous|former|prior)"
    r"|(?:were|was) (?:read|delivered|available|up|down|lost|dropped|free))\b",
)
#: what the customer or a third party promises, plans, asks or says of its own
#: (``客户承诺…``, ``厂里承诺…``, ``they said they'd…``, ``They asked us to…``): not ours
_THEIRS = _re(
    r"(?:客户|对方|甲方|厂里|厂方|院方|校方|他们|[\u4e00-\u9fff]{1,6}(?:局|委|厅))"
    r"(?:那边|这边|方面)?(?:自己)?"
    r"(?:承诺|答应|计划|打算|准备|提出|要求|希望|想要|负责|说|表示)(?!的)"
    r"|(?:说|表示|称)他们|他们[^，,;；。]{0,4}(?:提供|出钱|出人)",
    r"\b(?:they|they've|the customer|the client)(?: (?:also|then|had|have))?"
    r" (?:said|says|say|promised|committed|pledged|plan(?:s|ned)?|asked|want(?:s|ed)?"
    r"|intend(?:s|ed)?"
    r"|requested|mentioned|told us)\b",
)
#: a clause that goes on with their wish, its subject left unsaid (``…，想跟我们打通``)
_GOES_ON = re.compile(r"^\s*(?:还|也|又)?(?:想|希望|打算|想要)")
#: we, in a clause of ours; what is handed over to us (their promise ties to ours)
_OURS = _re(r"我们|咱们", r"\b(?:we|we'\w+|our|us)\b")
_TO_US = _re(r"(?:交|导|发|传|提供|同步)给我们", r"\b(?:hand|send|give)\w* (?:\w+ )?to us\b")


def _theirs(clause: str, text: str) -> bool:
    """Whether a clause promises only what the customer or a third party does: theirs, it
    hands nothing over to us and no other clause of ours ties to it."""
    if not _THEIRS.search(clause) or _TO_US.search(clause):
        return False
    return not any(
        _OURS.search(c) and not _refuses(c) and not _GOES_ON.search(c)
        for c in _clauses(text or clause)
        if not _THEIRS.search(c)
    )


#: an answer, not a thing delivered
_REPLY = _re(
    r"回复|答复|反馈|回话|回电|回个话|给个说法|告诉你们结果",
    r"\bget back to\b|\brepl(?:y|ies)\b|\brespond\b|\banswer\b|\blet you know\b"
    r"|\bcome back to you\b",
)
#: a meeting set for a date ("下周再约个会", "we'll meet next week"): no date of ours
_MEETING = _re(
    r"约(?:个|一个|一次)?(?:会|时间|电话)|开(?:个|一次)?会|会谈|碰(?:一下|个头|个面)|见(?:个)?面"
    r"|参观|考察|拜访|走访",
    r"(?:meet(?:ing)?s?|catch up|sync up|set up a call|hop on a call)",
)
#: a measure that goes down ("延迟降 20%"): a share of it is no price
_MEASURED = _re(
    r"延迟|时延|耗时|错误率|故障率|丢包|准确率|识别率|误报|(?:通过|成功|失败|掉线|误识|拒识)率",
    r"\b(?:latency|error rates?|downtime|accuracy|false positives?|packet loss|p\d\d"
    r"|(?:bounce|drop|failure|success) rates?)\b",
)
#: the customer's data centre: where a private deployment runs
_CUSTOMER_DC = _re(
    r"你们(?:自己)?(?:的)?(?:机房|数据中心|IDC)",
    r"\b(?:your|their) (?:own )?(?:[a-z-]+ )?(?:data ?cent(?:er|re)s?|dcs?|premises)\b",
)


#: the customer's side confirming or accepting what we promise, or both sides agreeing
_ACCEPTED = _re(
    r"(?:客户|客户方|对方|双方)[^，,;；。]{0,12}(?:确认|接受|同意|认可|约定|商定)(?!一下|下|后|前)"
    r"|确认(?:为|了)|(?:按|照)(?:我们的?)?(?:承诺|约定)|我们答应",
    r"\b(?:customer|client|they|both sides?|both parties)\b[^,;.]{0,12}\b(?:confirmed|accepts?"
    r"|accepted|agreed|signed off)\b|\bas (?:we )?promised\b|\bwe (?:offered|agreed|promised)\b",
)
_NEGATION = _re(r"不|没|别|未|无法|拒绝", r"\bno\b|\bnot\b|n't\b|\bnever\b|\bcannot\b")


#: what is guaranteed, a negation included ("保证性能不降级", "commit to no throttling"): the
#: guarantee verb itself not negated ("保证不了", "can't guarantee" are refusals)
_GUARANTEED = _re(
    r"(?<![不没无法难])(?:保证|确保|担保|承诺|打包票)(?!不了|不到)[^，,;；。]*",
    r"(?<!n't )(?<!not )(?<!never )(?<!cannot )\b(?:guarantee|promise|commit|ensure|make sure)"
    r"\w*\b[^,;.]*",
)
#: "先给你们免费用一个月再说": what is done first is promised, only what follows waits
_FIRST = re.compile(r"(先[^，,;；。]+?)再说")


def _percent(figure: str) -> float:
    """An availability figure as a percentage ("99.99%", "四个九", "four nines")."""
    share = re.search(r"\d+(?:\.\d+)?", figure)
    if share and ("%" in figure or re.fullmatch(r"\d+\.\d+", figure)):
        return float(share.group())
    digit = re.search(r"\d+", figure)
    if digit:
        nines = int(digit.group())
    elif figure[0] in _CN_DIGITS:
        nines = _CN_DIGITS.index(figure[0]) + 1
    else:
        nines = ("three", "four", "five", "six").index(re.split(r"[- ]", figure)[0].lower()) + 3
    return 100 - 10.0 ** (2 - nines)


_CN_DIGITS = "一二三四五六七八九十"


def _promise(
    read: Meaning, kind: str, clause: str, named: bool = True, text: str = ""
) -> list[str]:
    """The words of ``clause`` that promise a ``kind`` of ``read`` (none: no such promise;
    ``named``: the commitment names the limit's subject, else a date must be a launch's)."""
    if (
        _refuses(clause, text)
        or _theirs(clause, text)
        or (_PAST.search(clause) and not _COMMITS.search(clause))
    ):
        return []
    if kind == RESOURCE:
        if _MONEY.search(clause) or _PRICE_WORD.search(clause):
            return []  # the price of people or capacity, not people or capacity promised
        ours = _THEIR_PEOPLE.sub(" ", clause)  # the customer's own team is no one we give
        people, capacity = bool(_PEOPLE.search(ours)), bool(_CAPACITY.search(clause))
        if (people and not capacity and not read.people) or (
            capacity and not people and not read.capacity
        ):
            return []  # people promised for a limit on capacity, or the other way round
        clause = _RESERVED_PRODUCT.sub(" ", clause)
    found = [m.group().strip() for pattern in _PROMISES[kind] for m in pattern.finditer(clause)]
    if (
        kind == ROADMAP
        and not found
        and _WHEN.search(clause)
        and _LAUNCH.search(clause)
        and not _REPLY.search(clause)
    ):
        found = [m.group() for m in _WHEN.finditer(clause)]  # a dated launch of a new thing
    if not found:
        return []
    if kind == DATE:
        if read.implied and _EXISTING.search(text or clause):
            return []  # what exists already is out: switched on, not launched
        gives = _GIVE_DATE.search(clause)
        if (
            not gives
            and not (read.subject and named and not read.implied)
            and not _LAUNCH.search(clause)
            and not (read.subject and named and _PLAIN_DO.search(clause))
            and (read.subject or read.launch or not _COMMITS.search(text or clause))
        ):
            return []  # a date for something else (a document, a meeting)
        if not gives and (
            _CONDITION.search(clause)
            or _INFORMATION.search(_CUSTOMERS.sub(" ", _products(clause)[1]))
            or _REPLY.search(clause)
            or _MEETING.search(clause)
            or _DELIVERABLE.search(clause)
        ):
            return []  # a document, or an answer by a date (周五前回复): no date of ours
        if all(_SLA[1].search(w) for w in found) and _SLA_CONTEXT.search(clause):
            return []  # "停机时间控制在两小时以内": how long something lasts, not when
        found += [m.group() for m in _LAUNCH.finditer(clause)]
    elif kind == SLA:
        said = _measures(clause)
        if read.measures and said and not read.measures & said:
            return []  # a figure of another measure (a latency for an accuracy limit)
        figures = [w for w in found if _SLA[1].fullmatch(w)]
        if figures and len(figures) == len(found) and not _SLA_CONTEXT.search(text or clause):
            return []  # "two hours" alone is no SLA
        if read.above is not None:
            shares = [_percent(m.group()) for m in _FIGURE.finditer(clause)]
            others = [w for w in found if _SLA[1].search(w) or _SLA[2].search(w)]
            if shares and not others and all(s <= read.above for s in shares):
                return []  # within what the limit allows, however it is guaranteed
    elif kind == ROADMAP and _EXISTING.search(text or clause):
        return []
    plain = _products(clause)[1]  # "document scanning" is a product, no document
    if (
        kind not in (DATE, PRICE, SLA)
        and _INFORMATION.search(plain)
        and not (kind == ROADMAP and _makes_documents(read))
    ):
        return []  # information handed over, unless the limit is on making such things
    if kind in (PRICE, SLA) and _INFORMATION.search(plain) and not re.search(r"\d", clause):
        return []
    if kind == PRICE and _MEASURED.search(clause) and not _money_said(clause):
        return []  # a measure brought down ("延迟降 20%"), not a price
    if kind != DATE and _HAND_OVER.search(clause) and _DOCUMENT.search(plain):
        return []  # a document or a report handed over, whatever figures it holds
    return list(dict.fromkeys(found))


def _money_said(clause: str) -> bool:
    return bool(
        _MONEY.search(clause) or _PRICE_WORD.search(clause) or _KIND_WORDS[0][1].search(clause)
    )


def _subject_words(
    read: Meaning, text: str, proper: set[str] | frozenset[str] = frozenset()
) -> tuple[list[str], bool] | None:
    """The words of ``text`` that name the subject (None: it is not named, or something
    else is). A commitment that names the subject by one of its names touches; one that
    names a product or a place the limit does not is about that (``对象存储外网流量`` is not
    ``CDN 流量``); one that names nothing clear is read as about the subject (``P1 故障
    15 分钟内响应`` for ``企业支持计划响应时间``), with the words it shares with it."""
    if read.on_site and not (_ON_SITE.search(text) or _AT_THEIR_SITE.search(text)):
        return None
    if _HOME.search(text) and any(f in _ANY_PLACE for forms in read.subject for f in forms):
        return None  # at home, not abroad (国内 is not 海外)
    if not read.subject:
        return [], True
    quoted = _QUOTED.search(text)
    if quoted and not {n for n in _named(text.replace(quoted.group(), " ")) if n[0] != "#"}:
        return [quoted.group(1) or quoted.group(2)], True  # their name, nothing else named
    said = _COMPARED.sub(" ", _CUSTOMERS.sub(" ", text))
    places = {n for n in read.named if n[0] == "@"}
    if not places or any(n[1:] in {g[0] for g in _PLACES} for n in places):
        proper = frozenset()  # a name no table knows is compared with another such name
    theirs = {
        n
        for n in _named(_DURING.sub(" ", said)) | {n for n in _named(said) if n[0] == "@"} | proper
        if not (n[0] in "#%" and n[1:] in read.loose)
    }
    # a class word is one of its products, a product one of the class the limit names
    classes = {_CLASS_OF[n] for n in read.named if n in _CLASS_OF}
    theirs = {
        n
        for n in theirs
        if not (n in classes and n in _NICKNAMES) and _CLASS_OF.get(n) not in read.named
    }
    theirs = {_as_limits_place(n, read.named) for n in theirs}
    # a name the lists do not know, compared with the limit's by its form: the same word
    # (Nordic, Nordics), its initials (video-on-demand, VOD), the same root (short-link,
    # shortener) is the limit's own; another name of the same sort is another thing
    same = {
        n
        for n in theirs - read.named
        if n[0] in "#%@" and (_same_name(n[1:], read) or _of_class(n[1:], read, text))
    }
    if same:
        theirs -= same
        if _named_subject(read, text) is None:
            return [next(iter(sorted(same)))[1:]], True
    if "私有化" in read.named and _CUSTOMER_DC.search(text):
        theirs = {n for n in theirs if n[0] != "@"} | {"私有化"}
    if not any(n[0] == "@" for n in read.named) and read.named - _ANY_PLACE_NAMES:
        # a product's limit is not about a place: a promise on it somewhere is about it
        theirs = {n for n in theirs if n[0] != "@"}
    if read.named and all(n[0] == "@" for n in read.named) and read.named & theirs:
        # a place's limit: a promise on a product there is about the place
        theirs = {n for n in theirs if n[0] == "@"}
    named = _named_subject(read, text)
    if named is None and any(n[0] == "@" for n in read.named & theirs):
        named = [next(n for n in read.named & theirs if n[0] == "@")[1:]]  # by its form: "JP"
    if read.kinds == (RESOURCE,) and not read.capacity:
        if named:
            return named, True
        roles = _roles(" ".join(form for forms in read.subject for form in forms))
        if roles and _roles(text) and not roles & _roles(text):
            return None  # people of another role (a CSM is no on-call engineer)
        if read.subject and {n for n in theirs - read.named if n[0] not in "#@"} - _SYNONYM_NAMES:
            return None  # people for another product (a place is where they go)
        if _OTHER_WORK.search(text) and not _said(read, text):
            return None  # people for another piece of the customer's work
        return [], False  # people, whatever they work on
    if read.head and theirs & read.named and not _says(read.head, text):
        return None  # the product named, not the thing of it
    if read.versions and _versions(text) and not read.versions & _versions(text):
        return None  # another version of it
    if read.zones and _zones(text) and not read.zones & _zones(text):
        return None  # another zone of the region (华东一区 for 华东二区)
    if ROADMAP in read.kinds and not read.implied:
        theirs = {n for n in theirs if n in read.named or (n[0] != "#" and n not in _FEATURES)}
    # the subject named outright by a name that is no product, place or sort of work
    outright = named is not None and _said(read, text) and not _ACTION.search(named[0])
    # a thing by its form ("the activation fee") of a product the limit names is part of it
    others = {n for n in theirs - read.named if not (n[0] == "#" and theirs & read.named)}
    if read.named - theirs and others and not outright:
        return None  # one of the limit's products or places is not named, another one is
    if (
        named
        and read.named - theirs
        and not any(n[0] == "@" for n in read.named)
        and any(re.search(re.escape(named[0]) + r"\s*" + re.escape(o), text) for o in others)
    ):
        return None  # the same name on another product (天穹对象存储 for 天穹数据库)
    places = {n for n in theirs - read.named if n[0] == "@"}
    if places and not any(n[0] == "@" for n in read.named) and _unknown_place(read, text):
        return None  # another place than the one the limit names by a name of no table
    ours = {n for n in read.named if n[0] == "@"}
    if ours and places and not ours & theirs:
        return None  # another place than the limit's, whatever else is named
    if (
        named is not None
        and _ACTION.search(named[0])
        and {n for n in theirs - read.named if n[0] not in "#@"}
        and not read.named & theirs
    ):
        # "log retention": "message retention on the queue service" names a word of it
        # but another thing than the one it is about
        return None
    if named is not None:
        return named, True
    work = all(forms[0] in _NOT_PRODUCTS for forms in read.subject)
    if theirs - read.named and not (work and all(n[0] not in "#%" for n in theirs)):
        return None  # about another product or place (not what a sort of work is done on)
    return sorted(read.loose & _loose(text)), False


#: a piece of the customer's own work people are for ("for their ERP upgrade")
_OTHER_WORK = _re(
    r"\bfor (?:their|your|the customer's) (?:[\w-]+ ){1,2}(?:upgrade|rollout|migration|project"
    r"|deployment|implementation|refresh)\b"
)
#: places said as the home country: none of those a class of places abroad names
_HOME = _re(r"国内|境内|内地|大陆", r"\b(?:domestic|mainland|onshore|in-country)\b")
_ANY_PLACE_NAMES = frozenset("@" + p for p in _ANY_PLACE)


def _as_limits_place(name: str, limits: frozenset[str]) -> str:
    """A place as the limit names it: a city for the limit's region (深圳 for 华南), the
    region for the limit's city (西南 for 成都, as a class word names one of its own)."""
    if _REGION_OF.get(name) in limits:
        return _REGION_OF[name]
    return next((city for city in limits if _REGION_OF.get(city) == name), name)


#: what is done to a thing or what it has, by its form (``retention``, ``upgrades``, ``迁移``)
_ACTION = re.compile(
    r"(?:tion|sion|ment|ance|ence|ity|ery|upgrades?|over)$|^(?:迁移|升级|保留|留存|扩容|续费|割接|切换)$|复制$|同步$"
)
#: a name the customer gives a thing, quoted
_QUOTED = re.compile(
    r"(?:你们|客户)(?:叫|说的|讲的|称|所谓的?|那个|提的)\s*[\"“「『]([^\"”」』]{1,30})[\"”」』]"
    r"|\b(?:what you call|you call it|your|the so-called)\s*[\"“]([^\"”]{1,40})[\"”]"
)
#: when a promise holds ("during training runs", "训练期间"): no product it is about (a
#: place there still says where)
_DURING = _re(
    r"[\u4e00-\u9fff]{2,4}期间",
    r"\bduring (?:the |your |an? )?[\w-]+(?: (?:runs?|jobs?|windows?|peaks?|weeks?))?\b",
)
#: what a thing is compared with ("at the same price as Frankfurt", "跟华东一样"): no
#: subject of the promise
_COMPARED = _re(
    r"(?:跟|和|同|按|照|比照)[\u4e00-\u9fff]{2,4}(?:一样|同价|的价)",
    r"\b(?:same(?: [\w.%-]+){0,3}|price|rate|pricing|cheaper|lower|less|more) (?:as|than)"
    r" (?:in |the |our )?"
    r"[\w-]+(?: region)?\b",
)
#: a place of the customer's own (``your Manila site``, ``你们上海工厂``) is no place of ours
_CUSTOMERS = re.compile(
    r"\byour (?:[a-z-]+ ){1,2}(?:site|office|plant|factory|campus|team|warehouse|store|branch)s?\b"
    r"|\byour (?:[a-z-]+ ){0,2}(?:runs?|jobs?|workloads?|calls?|recordings?|seats|agents|users"
    r"|customers|traffic|data|files|documents|records|buckets?|tenants?|inbox(?:es)?|accounts?)\b"
    r"|你们(?:的)?[\u4e00-\u9fff]{2}(?:工厂|办公室|园区|门店|分公司|基地)|你们(?:的)?那条"
)


_REGION_CODE = re.compile(r"[a-z]{2}-[a-z]+(?:-\d+)?")
#: a proper noun where a place is said (``in Qarth``, ``out of Braavos``): a place by its form
_IN_PLACE = re.compile(r"\b(?:in|at|from|out of|to) ([A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?)\b")
_NOT_PROPER = re.compile(
    rf"(?:{_MONTHS}|{_WEEKDAYS}|english|chinese|enterprise|premium|business|standard|basic"
    r"|production|beta|preview|writing|total|person|time|full|general)$",
    re.IGNORECASE,
)


def _proper_places(text: str) -> set[str]:
    """The places ``text`` names by a proper noun in a place slot (as written, in its case),
    each as its table name if it has one, else as written: no list needs to know it."""
    found = set()
    for match in _IN_PLACE.finditer(_fold(text)):
        name = match.group(1).lower()
        if _NOT_PROPER.match(name) or {n for n in _products(name)[0] if n[0] != "@"}:
            continue  # a month, a tier, a product: no place
        group = _place_group(name)
        found.add("@" + (group[0] if group else name))
    return found


def _same_name(name: str, read: Meaning) -> bool:
    """Whether ``name`` is one of the limit's own names by its form: the same word once
    stemmed, its initials (``video-on-demand`` for ``VOD``), or the same root of five
    letters or more (``short-link`` for ``URL shortener``)."""
    if _CJK_RUN.search(name):
        return False
    if _REGION_CODE.fullmatch(name):  # a region code is compared whole (cn-x-1 is not cn-x-2)
        return any(
            f.removesuffix("-1") == name.removesuffix("-1") for forms in read.subject for f in forms
        )
    mine = {f for forms in read.subject for f in forms if not _CJK_RUN.search(f)}
    mine |= {n[1:] if n[0] in "#%@" else n for n in read.named}
    parts = [p for p in re.split(r"[\s-]+", name) if p]
    initials = "".join(p[0] for p in parts)
    for form in mine:
        if _stem(form) == _stem(name) or (len(parts) > 1 and form == initials):
            return True
        if any(_root(part, word) >= 5 for part in parts for word in re.split(r"[\s-]+", form)):
            return True
    return False


def _of_class(name: str, read: Meaning, text: str) -> bool:
    """Whether ``name`` is a member of the class the limit names by its head word alone
    (``the Business tier`` for ``support-tier pricing``)."""
    heads = {
        re.split(r"[\s-]+", f)[-1]
        for forms in read.subject
        for f in forms
        if not _CJK_RUN.search(f) and re.search(r"[\s-]", f)
    }
    return any(re.search(rf"\b{re.escape(name)}\w* {re.escape(h)}s?\b", text) for h in heads)


def _root(one: str, other: str) -> int:
    """The length of the root two Latin words share (their common beginning)."""
    n = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        n += 1
    return n


def _unknown_place(read: Meaning, text: str) -> bool:
    """Whether the limit names something by a whole name of no table (a place such as 贵安,
    not a part of a product's name) that ``text`` does not say."""
    known = [forms for forms in read.subject if _named(" ".join(forms))]
    unknown = [
        forms
        for forms in read.subject
        if forms not in known
        and not any(forms[0] in f for g in known for f in g)
        and forms[0] not in _SYNONYM_NAMES
        and len(forms[0]) >= 2
    ]
    if not unknown or any(f in _ANY_PLACE for forms in unknown for f in forms):
        return False
    return not any(_says(frozenset(forms), text) for forms in unknown)


def _roles(text: str) -> set[str]:
    """The roles of people ``text`` names (each by the first form of its group)."""
    return {group[0] for group in _ROLES if _says(frozenset(group), text)}


def _says(forms: frozenset[str], text: str) -> bool:
    """Whether ``text`` says any of ``forms`` (Chinese or several words: as written; an
    English word: in any of its forms)."""
    words = _words(text)
    return any(
        form in text if _CJK_RUN.search(form) or " " in form else _stem(form) in words
        for form in forms
    )


def _said(read: Meaning, text: str) -> bool:
    """Whether the subject is named outright by a name that is not a product or a place
    ("Enterprise" of ``the Enterprise licence``): what else the commitment names is then
    part of it ("Enterprise will get SSO"); "流量" in "对象存储外网流量" is no such name."""
    return _named_subject(read, _PLACE.sub(_place_out, _products(text)[1])) is not None


def _place_out(match: re.Match[str]) -> str:
    """A place named by its form taken out of a text (what only looks like one stays)."""
    return match.group() if _not_place(next(g for g in match.groups() if g)) else " "


def _not_place(name: str) -> bool:
    """Whether what looks like a place by its form is none ("边缘节点", "跨地域")."""
    return (
        name in _NOT_PLACES
        or name in _STOP
        or "的" in name
        or name.endswith("跨")
        or name[0] in "个些那这"
    )


def _named_subject(read: Meaning, text: str) -> list[str] | None:
    """The words of ``text`` that name the subject by one of its names (None: none does)."""
    words = _words(text)
    for forms in read.subject:
        for form in forms:
            if _CJK_RUN.search(form) or " " in form:
                if form in text:
                    return [form]
            elif _stem(form) in words or (form.isdigit() and form in text):
                return [form]
    return None


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
    if not word or word[0].isdigit():  # "'s" alone is no word
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
        while stripped := next(
            (
                core[len(q) :]
                for q in _CJK_QUALIFIERS
                if core.startswith(q) and len(core) - len(q) >= 2
            ),
            "",
        ):
            core = stripped
            terms.add(core)
    return {term for term in terms if len(term) >= 2}


def limits(must_not_promise: str) -> list[str]:
    """The separate items written in a visit plan (what is in brackets stays with its item:
    ``转码功能（AV1、HDR 等）`` is one; a kind alone after "/" is another kind of the item
    before it: ``API 网关吞吐/限流`` is one; a scope alone widens the item before it:
    ``no dates, anything`` is one; a kind alone forbidden after a comma is the kind of an item
    of no kind word before it: ``核心系统迁移，不给日期`` is one)."""
    whole = _BRACKETS.sub(lambda m: _SPLIT.sub(" ", m.group()), must_not_promise)
    items: list[str] = []
    for part in _SPLIT.split(whole):
        part = part.strip()
        if not part:
            continue
        before = items[-1] if items else ""
        if before and f"{before}/{part}" in whole and _kind_alone(part) and not _kind_alone(before):
            items[-1] = f"{before}/{part}"
        elif before and _SCOPE_ALONE.fullmatch(part):
            items[-1] = f"{before}, {part}"  # "no discounts, any product": one limit, widened
        elif before and (comma := _kind_of(before, part, whole)):
            items[-1] = f"{before}{comma}{part}"  # "核心系统迁移，不给日期": the dates of it
        else:
            items.append(part)
    return items


#: a prohibition said with its kind alone ("不给日期", "no dates")
_PROHIBITED_KIND = _re(r"^\s*(?:不|别|不许|不要|禁止|严禁)", r"^\s*(?:no|never|don't|avoid)\b")


def _kind_of(before: str, part: str, whole: str) -> str:
    """The comma that makes ``part``, a kind alone forbidden after it, the kind of ``before``,
    a subject no kind word names (``核心系统迁移，不给日期``, ``Kestrel, no dates``); none when
    it does not."""
    if not (_PROHIBITED_KIND.search(part) and _kind_alone(part) and meaning(before).implied):
        return ""
    return next((c for c in ("，", ", ", ",") if f"{before}{c}{part}" in whole), "")


def _kind_alone(item: str) -> bool:
    """Whether a limit names a kind and nothing it is about (``限流``, ``no dates``)."""
    read = meaning(item)
    return read.kind is not None and not read.subject


_BRACKETS = re.compile(r"[(（][^()（）\n]*[)）]")


def _fold(text: str) -> str:
    """Latin letters without their accents ("Querétaro" is "Queretaro")."""
    return "".join(
        unicodedata.normalize("NFKD", c)[0] if "\u00c0" <= c <= "\u024f" else c for c in text
    )


def _flat(text: str) -> str:
    """Lower case, one space between words: "提供测试资源 2 周" and "提供测试资源2周" agree."""
    text = " ".join(_fold(text).lower().split())
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


def _touch(text: str, rest: str, limit: str, original: str = "") -> list[str]:
    """The words of ``rest`` (``text`` without what the plan says may be promised) that touch
    ``limit``; its subject may be named anywhere in ``text`` (none: it does not touch)."""
    read = meaning(limit)
    if read.kind is None:
        return _by_words(rest, limit)
    said = relate(_flat(limit), _COMPARED.sub(" ", text))  # what it is compared with aside
    if said is None:
        return []  # a sibling of what the limit is about (托管 Redis for 托管 PG)
    words = _touch_read(read, text, rest, limit, original)
    if words or not said:
        return words
    # names the tables already hold as one were read as such
    said = [(a, b) for a, b in said if not any(a in g and b in g for g in _KNOWN_GROUPS)]
    for theirs, mine in said:
        # another name of the limit's subject, a member or a city inside it: read in the
        # limit's own words, shown in the commitment's
        text, rest = text.replace(theirs, mine), rest.replace(theirs, mine)
        original = re.sub(r"\s*".join(map(re.escape, theirs)), mine, original, flags=re.I)
    words = _touch_read(read, text, rest, limit, original)
    for theirs, mine in said:
        words = [word.replace(mine, theirs) if mine in word else word for word in words]
    return words


_KNOWN_GROUPS = (*_SYNONYMS, *_PRODUCTS, *_PLACES)


def _touch_read(read: Meaning, text: str, rest: str, limit: str, original: str) -> list[str]:
    found = _subject_words(read, text, _proper_places(original))
    if found is None or (_HEDGE.search(text) and not _OUTRIGHT.search(text)):
        return []
    subject, named = found
    whole = _flat(limit)
    brands = _brands(limit)
    others = _brands(original) - brands if brands else set()
    for clause in _clauses(rest):
        if _elsewhere(read, clause):
            continue  # a promise about another place, the limit's named only in another clause
        if any(b in clause for b in others) and not any(b in clause for b in brands):
            continue  # about another product of a made-up name (GridVault for GridPulse)
        for kind in read.kinds:
            if kind == PRICE and _thing_unsaid(read, text):
                continue  # the price of the product, not of the thing of it the limit is on
            promised = _promise(read, kind, clause, named, text)
            if promised and (named or _loose(text) - _loose(" ".join(_short(promised)))):
                # read as about the subject only when it is about something ("免费" is not)
                return [*promised, *(w for w in subject if w not in " ".join(promised))]
        if (
            whole in clause
            and not any(_refuses(c) for c in _clauses(rest))  # nor deferred in another
            and not _INFORMATION.search(clause)
            and not _DELIVERABLE.search(clause)
            and not _MEETING.search(clause)
        ):
            return [limit]  # the commitment is the very thing the plan forbids
    return []


#: a product's made-up name, a word with a capital inside (``GridPulse``, ``LabLink``)
_BRAND = re.compile(r"\b[A-Z][a-z]+[A-Z][a-z][A-Za-z]*\b")


def _brands(text: str) -> set[str]:
    """The made-up product names ``text`` gives, lower case."""
    return {m.group().lower() for m in _BRAND.finditer(text)}


def _elsewhere(read: Meaning, clause: str) -> bool:
    """Whether a clause names places and none of the limit's (a limit on a place), by no
    table nor by its form."""
    ours = {n for n in read.named if n[0] == "@"}
    said = _COMPARED.sub(" ", clause)  # what it is compared with aside
    theirs = {_as_limits_place(n, read.named) for n in _named(said) if n[0] == "@"}
    return bool(ours and theirs and not ours & theirs) and not any(
        _same_name(n[1:], read) for n in theirs
    )


def _thing_unsaid(read: Meaning, text: str) -> bool:
    """Whether a limit on a thing of a product, named by no kind word ("backup
    immutability", "container registry geo-replication"), is met by a commitment that leaves
    the thing unsaid: its head, the last of its names, said in none of its forms."""
    if not read.implied or len(read.subject) < 2 or any(n[0] == "@" for n in read.named):
        return False
    # whole names, not the halves of one ("法兰克福", not 克福)
    whole = [
        g for g in read.subject if not any(g[0] in f for h in read.subject if h != g for f in h)
    ]
    *products, head = whole or read.subject
    if not products or _named(head[0]):
        return False  # one name, or a product last ("托管 PG")
    names = " ".join(g[0] for g in products)
    if not (_named(names) or lexicon().find(names)):
        return False
    whole_name = lexicon().find(" ".join(g[0] for g in (*products, head)))
    ours = {concept for _, concept in lexicon().find(names)}
    if whole_name and head[0] in whole_name[-1][0] and ours == {whole_name[-1][1]}:
        return False  # the head is a word of the product's own name ("AIS feeds")
    return not _says(frozenset(head), text)


def authority_flags(text: str, must_not_promise: str, may_promise: str = "") -> list[Flag]:
    """The limits that ``text`` touches and why, in the order the plan lists them (none
    when the commitment only repeats what the plan says may be promised)."""
    rest = _outside_may_promise(text, may_promise) if may_promise.strip() else _flat(text)
    if not rest.strip():
        return []
    flags = []
    for limit in limits(must_not_promise):
        if words := _touch(_flat(text), rest, limit, text):
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
    commitment.history = [
        *commitment.history,
        {
            "on": today.isoformat(),
            "change": "authority",
            "from": "warned",
            "to": "overridden",
            "reason": reason.strip(),
        },
    ]
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


def _makes_documents(read: Meaning) -> bool:
    """Whether a limit's subject is a kind of document (``custom reports``, ``定制报表``)."""
    return any(_DOCUMENT.search(form) for forms in read.subject for form in forms)


def _short(words: list[str]) -> list[str]:
    """The promise's own words, not a long stretch that carries what it is about."""
    return [word for word in words if len(word) <= 8]
