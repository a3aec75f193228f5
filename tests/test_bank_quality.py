"""The quality gate of the bundled banks: lint clean, no near-duplicates, coverage kept.

Every bundled question passes the shallow-question detector with no finding at all, unless
its ``allow`` line carries a ``# reason`` comment. No two questions of a bank ask the same
thing (character-bigram similarity of their normalised text, which works for Chinese as well
as English). The general bank of each language covers every role × goal pair with at least
15 questions per role; each industry bank has at least 20 questions over several roles and
goals; customer questions are at least 12 in a general bank and 5 in an industry bank.

Nothing about the account is invented: placeholders have one syntax (``<name>``, a name that
says which fact, never an example value), and every digit in a research line sits inside one.
Every industry the mapping names gets a bank (or the general one); every role × goal cell of
an industry bank is filled or explained in ``[bank.uncovered]``; seed 002's intake (who raised
a requirement, the customer's own solution idea, "where does my requirement stand", "you
promised and did not deliver") is there in both languages.

What a senior PM would never say in the room is caught where a pattern can catch it: no
question about the regulator's contacts, inspections or supervisory findings; none about other
vendors' contract values or expiry dates, purchases that skipped central procurement, or which
supplier the buyer vouches for; none about what an assessor (等保, 密评) found; no follow-up that
states a number or a source about the account outside a placeholder; no text, tag or comment
that names where the method came from. A question or follow-up asks one thing; nothing said
names a season that goes stale, a source that sounds like watching the customer (their console,
"our sales colleague heard") or unnamed peers; the Chinese says 你们, never 贵司 / 贵行. Nothing
probes how a tender is evaluated or a single source argued, asks which data crosses the border,
asks a share of sales, or presumes a pending licence or 版号 is granted; nothing presumes what
kind of organisation the customer is (a superior unit, a 等保 level, a public-sector bidder); and
every placeholder a question or follow-up names is introduced by its research line. No research
line quotes what the customer's colleagues said or complained about; a failure our own records
put on us is owned before the question; a question that leaves room for "none" is not followed
by a follow-up that takes the "yes" for granted. A research line makes no offer, does not open on
our renewal date and says no internal forecast; nothing said blames the customer or ranks their
staff; no line pins the six-month log rule on 等保 or presumes a yearly assessment whatever the
level; no question or follow-up presumes a limit was hit or a workaround found.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

import pytest

from interview_tui.banks.industry import industry_for, keywords
from interview_tui.banks.library import bundled_banks_dir, load_library
from interview_tui.banks.placeholders import PLACEHOLDER
from interview_tui.banks.schema import INDUSTRIES, Bank
from interview_tui.domain.enums import Goal, Role
from interview_tui.lint import lint_question, lint_text

LANGUAGES = ("en", "zh-CN")
INDUSTRY_BANKS = tuple(industry for industry in INDUSTRIES if industry != "general")
#: Two questions whose shingles (see :func:`shingles`) overlap by this much or more ask the
#: same thing in other words.
DUPLICATE_THRESHOLD = 0.5

#: Banks from before this gate, kept until their rewrite lands; only lint and duplicates apply.
LEGACY_BANKS = {"cloud-visit-zh"}

LIBRARY = load_library(bundled=bundled_banks_dir(), user=Path("/nonexistent"))
BANKS: list[Bank] = LIBRARY.banks
CURRENT: list[Bank] = [bank for bank in BANKS if bank.id not in LEGACY_BANKS]
QUESTIONS = [q for bank in BANKS for q in bank.questions]


def _banks(language: str, industry: str) -> list[Bank]:
    return [b for b in CURRENT if b.language == language and b.industry == industry]


def _one_bank(language: str, industry: str) -> Bank:
    found = _banks(language, industry)
    if not found:
        if language == "en":
            pytest.fail(f"no bundled {industry} bank in en")
        pytest.skip(f"no {industry} bank in {language} yet")
    assert len(found) == 1, [b.path for b in found]
    return found[0]


_STOPWORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "your",
        "you",
        "we",
        "our",
        "us",
        "i",
        "me",
        "my",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "many",
        "much",
        "any",
        "some",
        "each",
        "every",
        "s",
        "t",
        "last",
        "team",
        "can",
        "could",
        "would",
        "will",
        "should",
        "into",
        "over",
        "than",
        "then",
        "as",
        "about",
        "so",
        "not",
        "no",
    }
)


def normalise(text: str) -> str:
    """Case-folded letters, digits and CJK characters, single spaces between words."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"<[^>]*>", " ", text)  # placeholders such as <customer>
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def shingles(text: str) -> set[str]:
    """What a question is about: Chinese as character bigrams, other words as word stems.

    Character bigrams carry Chinese meaning without a word segmenter; English character
    bigrams would not (any two English sentences share most of them), so English is compared
    by its content words, stop words dropped and a plural ``s`` cut.
    """
    out: set[str] = set()
    for chunk in re.findall(r"[\u4e00-\u9fff]+|[^\W_]+", normalise(text)):
        if re.match(r"[\u4e00-\u9fff]", chunk):
            out.update({chunk[i : i + 2] for i in range(len(chunk) - 1)} or {chunk})
        elif chunk not in _STOPWORDS:
            out.add(chunk[:-1] if len(chunk) > 3 and chunk.endswith("s") else chunk)
    return out


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the shingles of two normalised texts."""
    first, second = shingles(a), shingles(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def test_similarity_catches_rewordings_in_both_languages() -> None:
    assert similarity("How many engineers are on call?", "How many engineers are on-call?") == 1
    assert similarity("Which alerts paged you?", "Which alert paged you?") == 1
    assert (
        similarity(
            "How many days did last month's bill reconciliation take?",
            "How many days did the reconciliation of last month's bill take?",
        )
        > DUPLICATE_THRESHOLD
    )
    assert similarity("上个月对账花了几天?", "上个月的对账花了几天?") > DUPLICATE_THRESHOLD
    assert (
        similarity(
            "Which alert paged your on-call engineer most often last month?",
            "How many cores do you run at the other vendor on a long-term lease?",
        )
        < DUPLICATE_THRESHOLD
    )
    assert similarity("上个月对账花了几天?", "迁移时 hang 机多久算故障?") < DUPLICATE_THRESHOLD


def test_bundled_banks_load_and_name_an_industry() -> None:
    assert LIBRARY.errors == []
    assert {bank.industry for bank in BANKS} <= set(INDUSTRIES)
    en_industries = {bank.industry for bank in BANKS if bank.language == "en"}
    assert en_industries == set(INDUSTRIES)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_every_question_lints_clean(question) -> None:
    result = lint_question(question)
    open_findings = [f.code for f in result.findings if not f.accepted]
    assert open_findings == [], f"{question.bank_id}:{question.line}: {open_findings}"
    for follow_up in question.follow_ups:
        follow = lint_text(follow_up, question.language, follow_up=True)
        assert not follow.shallow, (question.id, follow_up, [f.code for f in follow.findings])
    if question.allow:
        bank = next(b for b in BANKS if b.id == question.bank_id)
        lines = bank.path.read_text(encoding="utf-8").splitlines()[question.line - 1 :]
        allow_line = next(line for line in lines if line.lstrip().startswith("allow"))
        reason = allow_line.partition("#")[2].strip()
        assert reason, f"{question.id}: say why on the allow line (allow = [...]  # why)"


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_no_two_questions_in_a_bank_ask_the_same_thing(bank: Bank) -> None:
    close = [
        (a.id, b.id, round(similarity(a.text, b.text), 2))
        for a, b in itertools.combinations(bank.questions, 2)
        if similarity(a.text, b.text) >= DUPLICATE_THRESHOLD
    ]
    assert close == []
    texts = [normalise(q.text) for q in bank.customer_questions]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_every_question_is_complete(bank: Bank) -> None:
    for q in bank.questions:
        assert q.research and q.purpose, q.id
        assert 2 <= len(q.follow_ups) <= 3, q.id
    for q in bank.customer_questions:
        assert q.answer, q.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_general_bank_covers_every_role_and_goal(language: str) -> None:
    bank = _one_bank(language, "general")
    counts = {(q.role, q.goal) for q in bank.questions}
    missing = [(r.value, g.value) for r in Role for g in Goal if (r, g) not in counts]
    assert missing == []
    for role in Role:
        assert sum(q.role is role for q in bank.questions) >= 15, role
    assert len(bank.questions) >= 60
    assert len(bank.customer_questions) >= 12


@pytest.mark.parametrize("language", LANGUAGES)
def test_general_bank_asks_executors_about_their_work_not_strategy(language: str) -> None:
    bank = _one_bank(language, "general")
    strategy = re.compile(
        r"\b(?:strateg\w*|board|revenue|market share|investors?|p&l|budget)\b|"
        r"战略|董事会|营收|市场份额|投资人|预算",
        re.IGNORECASE,
    )
    for q in bank.questions:
        if q.role is Role.TECH_EXECUTION:
            assert not strategy.search(q.text), q.id


@pytest.mark.parametrize("industry", INDUSTRY_BANKS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_industry_bank_counts(language: str, industry: str) -> None:
    bank = _one_bank(language, industry)
    assert len(bank.questions) >= 20
    assert len({q.role for q in bank.questions}) == len(Role)
    assert len({q.goal for q in bank.questions}) >= 5
    assert len(bank.customer_questions) >= 5


@pytest.mark.parametrize("language", LANGUAGES)
def test_ids_are_unique_across_a_language(language: str) -> None:
    banks = [b for b in BANKS if b.language == language]
    ids = [q.id for b in banks for q in b.questions]
    ids += [q.id for b in banks for q in b.customer_questions]
    assert len(ids) == len(set(ids))


def test_english_ids_name_their_bank() -> None:
    prefixes = {
        "general": "en-gen-",
        "gaming": "en-gam-",
        "finance": "en-fin-",
        "manufacturing": "en-mfg-",
        "retail": "en-ret-",
    }
    for bank in _banks("en", "general") + [b for i in INDUSTRY_BANKS for b in _banks("en", i)]:
        prefix = prefixes[bank.industry]
        assert all(q.id.startswith(prefix) for q in bank.questions), bank.id
        assert all(q.id.startswith(prefix + "cq-") for q in bank.customer_questions), bank.id


def test_library_filters_by_industry() -> None:
    general = LIBRARY.questions("en", ["general"])
    retail = LIBRARY.questions("en", ["retail"])
    both = LIBRARY.questions("en", ["general", "retail"])
    assert general and retail
    assert {q.id for q in both} == {q.id for q in general} | {q.id for q in retail}
    assert all(q.id.startswith("en-ret-") for q in retail)
    assert len(LIBRARY.questions("en")) > len(both)
    assert all(q.id.startswith("en-fin-cq-") for q in LIBRARY.customer_questions("en", ["finance"]))
    assert LIBRARY.questions("en", []) == []


def _fields(bank: Bank) -> list[tuple[str, str]]:
    """(where, text) of every piece of text a bank holds."""
    out = [(f"{bank.id}:description", bank.info.description)]
    for q in bank.questions:
        out += [(q.id, text) for text in (q.text, q.research, q.purpose, *q.follow_ups)]
    for c in bank.customer_questions:
        out += [(c.id, c.text), (c.id, c.answer)]
    return out


#: names that would mean a different fact in each question (which month? which conference?):
#: one value fills every question naming it, so a name says which fact it is
_TOO_GENERIC = frozenset(
    {
        "n",
        "month",
        "year",
        "date",
        "quarter",
        "event",
        "conference",
        "country",
        "city",
        "月份",
        "年份",
        "日期",
        "季度",
        "大会",
        "峰会",
        "论坛",
        "社区",
        "产品",
        "系统",
        "国家",
        "城市",
    }
)


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_one_placeholder_syntax_naming_the_fact(bank: Bank) -> None:
    odd = []
    for where, text in _fields(bank):
        rest = PLACEHOLDER.sub("", text)
        if re.search(r"[<>‹›＜＞〈〉]", rest):  # a bracket that opens no placeholder
            odd.append((where, text))
        for name in PLACEHOLDER.findall(text):
            if re.search(r"\d", name) or re.fullmatch(r"[a-zA-Z]", name):  # <20>, <12 月>, <n>
                odd.append((where, name))
            if name.casefold() in _TOO_GENERIC:  # one value would fill unrelated questions
                odd.append((where, name))
    assert odd == []


#: standards and terms whose digits are no fact about the account
_NAMED_NUMBERS = re.compile(
    r"ISO \d+|SOC 2|PCI DSS|等保 ?2\.0|7×24|\bP[0-4]\b|\b[Pp]9\d\b|x86|Industry 4\.0"
)


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_every_digit_in_research_sits_in_a_placeholder(bank: Bank) -> None:
    """Read aloud unedited, a research line must not put an invented number before the
    customer ("47 minutes", "3,000 cores"): the number is a placeholder the PM fills."""
    invented = [
        (q.id, q.research)
        for q in bank.questions
        if re.search(r"\d", _NAMED_NUMBERS.sub("", PLACEHOLDER.sub("", q.research)))
    ]
    assert invented == []


def test_every_industry_the_mapping_names_has_a_bank() -> None:
    for language in LANGUAGES:
        have = {b.industry for b in BANKS if b.language == language}
        for industry, words in keywords().items():
            assert industry in have, (language, industry)
            for word in words:
                assert industry_for(word) in have, (language, word)
    cases = {
        "短视频与直播": "general",
        "SaaS 出海": "general",
        "在线教育出海": "general",
        "Live streaming": "general",
        "游戏出海": "gaming",
        "证券": "finance",
        "保险": "finance",
        "Public sector": "general",
    }
    assert {text: industry_for(text) for text in cases} == cases


@pytest.mark.parametrize("industry", INDUSTRY_BANKS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_role_goal_cell_is_filled_or_explained(language: str, industry: str) -> None:
    bank = _one_bank(language, industry)
    filled = {f"{q.role.value}.{q.goal.value}" for q in bank.questions}
    cells = {f"{r.value}.{g.value}" for r in Role for g in Goal}
    assert cells - filled == set(bank.info.uncovered), "fill the cell or say why in the bank"


@pytest.mark.parametrize("language", LANGUAGES)
def test_seed_002_intake_in_both_languages(language: str) -> None:
    questions = [q for b in BANKS if b.language == language for q in b.questions]
    theirs = [q for b in BANKS if b.language == language for q in b.customer_questions]
    tags = {tag for q in questions for tag in q.tags}
    wanted = {"en": {"originator", "solution-idea"}, "zh-CN": {"需求提出人", "方案思路"}}
    assert wanted[language] <= tags
    their_tags = {tag for q in theirs for tag in q.tags}
    status = {"en": "requirement-status", "zh-CN": "需求进度"}[language]
    assert status in their_tags
    promise = re.compile(r"promised|答应")
    assert any(promise.search(q.text) for q in theirs), "you promised and did not deliver"


#: letter language: said aloud in the room, 贵司 / 贵行 sound like reading out a bid, and mixed
#: with 你们 in one question they sound like two writers; the banks say 你们 (and 您 to a person)
_LETTER_LANGUAGE = re.compile(r"贵司|贵行|贵公司|贵方|贵单位")


def _spoken(bank: Bank) -> list[tuple[str, str]]:
    """(id, text) of everything the PM says aloud: research, question, follow-ups, answers."""
    out = _asked(bank)
    out += [(c.id, c.answer) for c in bank.customer_questions]
    return out


def test_the_register_check_catches_letter_language() -> None:
    bad = ["今年贵行线上渠道的交易量，大概按什么量级来准备？", "贵司海外的游戏服放在哪家云上？"]
    assert [text for text in bad if not _LETTER_LANGUAGE.search(text)] == []
    assert not _LETTER_LANGUAGE.search("今年你们线上渠道的交易量，大概按什么量级来准备？")


@pytest.mark.parametrize("bank", [b for b in CURRENT if b.language == "zh-CN"], ids=lambda b: b.id)
def test_chinese_register(bank: Bank) -> None:
    """The banks speak as people speak in the meeting room: 你们, never 贵司 / 贵行; game teams
    speak of round-trip time."""
    assert [(qid, text) for qid, text in _spoken(bank) if _LETTER_LANGUAGE.search(text)] == []
    assert "单程时延" not in " ".join(text for _, text in _fields(bank))


#: the forms in which a research line cites what was found about THIS account (its job posts,
#: status page, annual report, our logs and records, 我们看到你们, 你们官网, 年报显示 …): a
#: sentence citing one states a fact about the account, so the fact is a placeholder the PM
#: fills with what they actually found, never a claim the bank makes up
_ACCOUNT_SOURCE = re.compile(
    r"\byour (?:[\w-]+ )?(?:job (?:posts?|ads?)|careers? page|status page|"
    r"(?:annual|quarterly|sustainability) report|engineering blog|press release|trust page|"
    r"patch notes|supplier portal|investor \w+|earnings call|results \w+|web ?site|"
    r"(?:community )?forum|changelog|privacy policy|recruitment pages?|product page|"
    r"data sheets?|tender|CTO|CFO|CEO|CIO|publisher)\b"
    r"|\bour (?:[\w-]+ )?(?:records|logs)\b|\bour (?:bills|incident (?:report|list)|"
    r"support queue|metrics|monitoring|(?:storage )?usage)\b|\bwe (?:saw|noticed|read|see)\b"
    r"|我们看到|我们了解到|我们(?:的)?(?:记录|监控|拨测|复盘|统计|账单)|从我们这边|我们这边(?:看到|记录)"
    r"|(?:你们|贵司|贵行)(?:的)?(?:官网|年报|半年报|公告|招聘|工单|技术博客|隐私政策|CTO|CIO|业绩会|战报|玩家)"
    r"|年报(?:显示|里|披露|提到)|公开报道",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[;；。]|\.(?=\s|$)")


def unplaceheld_account_claims(research: str) -> list[str]:
    """The sentences of ``research`` that cite a source about the account and hold no
    placeholder: a claim about the account written as if it were known."""
    return [
        part.strip()
        for part in _SENTENCE.split(research)
        if _ACCOUNT_SOURCE.search(part) and not PLACEHOLDER.search(part)
    ]


def test_the_account_claim_check_catches_the_common_forms() -> None:
    claims = [
        "Your job posts mention Kubernetes and Terraform.",
        "Players on your forum reported disconnects; our DDoS logs show an attack on the final.",
        "Our records show your team opened many tickets at night.",
        "Your status page lists incidents at night in several time zones.",
        "我们看到你们今年在招云原生和 SRE 方向的岗位。",
        "你们官网写着支持全球同服。",
        "年报显示你们海外收入占比连续上升。",
        "我们的监控显示，你们的请求量晚高峰翻倍。",
    ]
    assert [text for text in claims if not unplaceheld_account_claims(text)] == []
    placeheld = [
        "Your job posts mention <what their job posts ask for>.",
        "Our DDoS logs for your addresses that day show <what our DDoS logs show>.",
        "我们看到你们最近在招 <在招的岗位>。",
        "Card schemes give the whole authorisation a few seconds end to end.",  # industry fact
        "Our key service shows <keys> keys; our exit guide is public.",  # about us, not them
    ]
    assert [text for text in placeheld if unplaceheld_account_claims(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_research_line_states_an_account_fact_without_a_placeholder(bank: Bank) -> None:
    """Read aloud unedited, a research line must not put an invented fact before the customer
    in words either ("our DDoS logs show an attack on the tournament final")."""
    invented = [
        (q.id, claim) for q in bank.questions for claim in unplaceheld_account_claims(q.research)
    ]
    assert invented == []


def _asked(bank: Bank) -> list[tuple[str, str]]:
    """(id, text) of what the PM says or reads of each question: research, question, follow-ups.
    Customer questions are the customer's words and stay out."""
    return [(q.id, text) for q in bank.questions for text in (q.research, q.text, *q.follow_ups)]


def _question_lines(bank: Bank) -> list[tuple[str, str]]:
    """(id, text) of each question and its follow-ups: what the PM asks, without the research."""
    return [(q.id, text) for q in bank.questions for text in (q.text, *q.follow_ups)]


#: asking about the regulator's contacts, inspections or supervisory findings, what an assessor
#: (等保, 密评) found, or whether a compliance control fails open: confidential supervisory
#: information in many markets, an admission asked for in the room, and never a PM's business
_REGULATOR_PROBE = re.compile(
    r"\binspect(?:ions?|ors?)\b|\bon-?site exam\w*|\bsupervisory (?:findings?|ratings?|letters?|"
    r"contacts?|visits?)\b|\bregulator'?s? (?:side|contacts?|staff|examiners?)\b"
    r"|\bthe regulator (?:question|ask|review|challeng)\w*"
    r"|现场检查|监管(?:部门)?的?检查|检查人员|检查意见|监管评级|监管约谈|向监管报送|监管(?:那边|方面)?的?(?:联系人|对接人)"
    r"|监管.{0,6}(?:问到|问了|整改报告|整改意见)"
    r"|测评机构.{0,12}(?:提了|查了|抽查)|整改项|提了哪些整改|密评结果|等保测评结果"
    r"|(?:放行|放过)还是(?:拦下|拦截)",
    re.IGNORECASE,
)


def test_the_regulator_check_catches_the_common_forms() -> None:
    bad = [
        "Who on the regulator's side reviewed the contract?",
        "What did the inspector accept in the end?",
        "Which of our logs did your team rebuild for the last inspection?",
        "What did the last on-site examination focus on?",
        "当地监管现场检查时重点看了什么？",
        "贵行向监管报送时被问到了哪些问题？",
        "监管哪一类检查意见，会让这套材料失去用处？",
        "贵行的监管评级是多少？",
        "上一次等保三级测评，测评机构对云上部分提了哪些整改项？",
        "核心支付系统上一次密评，测评机构对云上密钥管理提了哪些整改？",
        "你们的系统密评结果是什么？",
        "校验接口超时的时候，你们是放行还是拦下？",
    ]
    assert [text for text in bad if not _REGULATOR_PROBE.search(text)] == []
    fine = [
        "Which of your workloads run on public cloud under your regulator's outsourcing rules?",
        "When an examiner or auditor asks for logs older than <log retention>, where are they?",
        "信息科技外包的监管要求，贵行法务在云服务合同里落成了哪几条条款？",
        "等保三级测评时，云上部分最费功夫的是哪几项？",
        "校验接口超时，对登录成功率影响多大？",
    ]
    assert [text for text in fine if _REGULATOR_PROBE.search(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_question_probes_the_regulator(bank: Bank) -> None:
    assert [(qid, text) for qid, text in _asked(bank) if _REGULATOR_PROBE.search(text)] == []


#: other vendors' contract values and expiry dates, purchases that skipped central
#: procurement, "which supplier are you a reference for": confidential or compromising for
#: the buyer, and asked of them by a vendor it reads as a negotiation or a trap
_VENDOR_CONFIDENTIAL = re.compile(
    r"\b(?:largest|biggest) by (?:annual )?(?:value|spend)\b|\bcontract values?\b"
    r"|\bcomes? up for (?:renewal|re-?tender)\b|\bexpir\w*"
    r"|\bwhen does (?:the|its|that|each) (?:longest |largest |earliest )?"
    r"(?:one|contract|agreement|commitment|lease) end\b"
    r"|\bwhen do (?:the|those|their) [\w-]+ (?:agreements|contracts|leases) (?:end|come up)\b"
    r"|\breference for\b|\bvouch(?:ed|es)? for\b"
    r"|合同额|合同金额|金额最大|最早到期|哪一年到期|什么时候到期|到期时间|没走集采|绕过集采"
    r"|(?:给|为)哪家.{0,8}(?:背书|做推荐|当参考|做参考)",
    re.IGNORECASE,
)


def test_the_vendor_contract_check_catches_the_common_forms() -> None:
    bad = [
        "Which one is the largest by annual value?",
        "When does the longest one end?",
        "When do the bare-metal agreements come up for renewal?",
        "Which of your technology contracts come up for re-tender in the next eighteen months?",
        "Which supplier have you agreed to be a reference for?",
        "金额最大的是哪一份？",
        "最早到期的是哪一份？",
        "工业互联网平台和公有云，去年的合同额大致是怎么分的？",
        "去年有哪几笔云采购没走集采？",
        "你们给哪家供应商背书过？",
    ]
    assert [text for text in bad if not _VENDOR_CONFIDENTIAL.search(text)] == []
    fine = [
        "Our commitment with <customer> runs until <current commitment end>.",
        "What decides how long a cloud commitment runs in your company?",
        "什么情况下事业部可以不走集采？",
        "下一轮评估大概什么时候？",
    ]
    assert [text for text in fine if _VENDOR_CONFIDENTIAL.search(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_question_asks_for_other_vendors_contracts(bank: Bank) -> None:
    assert [(qid, text) for qid, text in _asked(bank) if _VENDOR_CONFIDENTIAL.search(text)] == []


#: where the method came from is no business of the customer or the PM: the project speaks
#: only of itself, in every field, tag and comment of a bank file
_METHOD_SOURCE = re.compile(r"\bseeds?\b|种子|拜访方法", re.IGNORECASE)


def test_the_method_source_check_catches_the_common_forms() -> None:
    bad = [
        "Turns a plan into a KPI (the seed's example: 30 ms).",
        "种子 002：转需求的接口人",
        "对应拜访方法里的典型例子",
        'tags = ["seed", "billing"]',
    ]
    assert [text for text in bad if not _METHOD_SOURCE.search(text)] == []
    assert not _METHOD_SOURCE.search("Seeding a cache before the launch took an hour.")


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_bank_text_names_where_the_method_came_from(bank: Bank) -> None:
    lines = bank.path.read_text(encoding="utf-8").splitlines()
    assert [(n, line) for n, line in enumerate(lines, 1) if _METHOD_SOURCE.search(line)] == []


#: a quantity about the account said in a follow-up ("in those forty minutes", "那四十分钟")
_QUANTITY_CLAIM = re.compile(
    r"\b(?:those|these|that|the) (?:(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)[ -]?)+"
    r"(?:minutes?|hours?|days?|weeks?|months?|tickets?|cores?|servers?|orders?|incidents?)\b"
    r"|(?:那|这)(?!一[次天])[一二三四五六七八九十两百千万]+(?:分钟|小时|天|周|个月|台|核|笔|次|起)",
    re.IGNORECASE,
)


def follow_up_account_claims(follow_up: str) -> list[str]:
    """What ``follow_up`` states about the account outside a placeholder: a digit, a counted
    quantity, or a statement citing a source about the account before the question itself
    ("Our logs show the queue grew; what did your team do?")."""
    rest = _NAMED_NUMBERS.sub("", PLACEHOLDER.sub("", follow_up))
    found = re.findall(r"\d[\d,.]*", rest) + [m.group(0) for m in _QUANTITY_CLAIM.finditer(rest)]
    statements = _SENTENCE.split(follow_up.strip())[:-1]  # the last part is the question
    return found + unplaceheld_account_claims("；".join(statements))


def test_the_follow_up_check_catches_the_common_forms() -> None:
    bad = [
        "How many orders were lost in those forty minutes?",
        "How many cores did you pull over the 10 Gbps line?",
        "那四十分钟里丢了多少单？",
        "Our logs show the queue grew; what did your team do?",
    ]
    assert [text for text in bad if not follow_up_account_claims(text)] == []
    fine = [
        "What round-trip time do players in <market> see on those servers?",
        "What does a one-minute delay in that decision cost you?",
        "上一次 P0 是谁牵头处理的？",
        "上次触发告警的那几台，实测停顿了多久？",
        "最长的那一次花了多久才恢复？",
        "Which of our logs would you want kept longer?",
    ]
    assert [text for text in fine if follow_up_account_claims(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_follow_up_states_an_account_fact(bank: Bank) -> None:
    claims = [
        (q.id, follow_up)
        for q in bank.questions
        for follow_up in q.follow_ups
        if follow_up_account_claims(follow_up)
    ]
    assert claims == []


def questions_in(text: str) -> int:
    """How many questions ``text`` asks: question marks, plus an English question joined to
    another by ", and what / which / who …" ("Which clauses …, and why?")."""
    marks = len(re.findall(r"[?？]", text))
    joined = re.findall(
        r",\s+and\s+(?:what|which|who|how|when|where|why|roughly|did|do|does|is|are|has|have)\b",
        text,
        re.IGNORECASE,
    )
    return marks + len(joined)


def test_the_one_question_check_catches_two_in_one() -> None:
    bad = [
        "That RTO target: has it changed since the outage? What is it now?",
        "Which of your sales channels run on separate stacks, and who provides each?",
        "Have you benchmarked any workloads on Arm yet, and which ones?",
        "那次之后，核心交易的 RTO 目标有没有调整？现在定的是多少？",
    ]
    assert [text for text in bad if questions_in(text) < 2] == []
    fine = [
        "How does truck telemetry reach you today: live, or when trucks get back to the depot?",
        "Who approves a purchase of plant software: the plant manager or central procurement?",
        "你们长期跑的算力和高峰临时加的，分别放在哪几家？",
    ]
    assert [text for text in fine if questions_in(text) != 1] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_every_question_and_follow_up_asks_one_thing(bank: Bank) -> None:
    """Two questions in one line get one answer, to whichever is easier: the second goes to a
    follow-up."""
    lines = _question_lines(bank)
    assert [(qid, text) for qid, text in lines if questions_in(text) > 1] == []


#: what goes stale or says how we watch them: a season or half-year written in ("in the spring",
#: 上半年: wrong half the year), "our sales colleague heard" or "in your console we can see" (we
#: look at their console?), and claims about unnamed peers that the customer cannot check and
#: we cannot name ("several banks already …", 同业里已经有几家 …)
_STALE_OR_UNSOURCED = re.compile(
    r"\b(?:in the|this|last|next) (?:spring|summer|autumn|fall|winter)\b|上半年|下半年|春季|秋季"
    r"|\bthis quarter\b|本季度|这个季度"
    r"|\bin your console\b|\bour sales (?:team|colleagues?|rep\w*) (?:heard|told|learned|say)"
    r"|控制台里?(?:能)?看到|从控制台|控制台数据|销售同事"
    r"|同业里?(?:已经)?有(?:几|好几|不少|很多)家|(?:几|好几|不少|很多)家同业"
    r"|\b(?:several|many|most) (?:of our )?(?:other )?(?:banks|customers|retailers|publishers|"
    r"studios|manufacturers|insurers) (?:already|have already)\b",
    re.IGNORECASE,
)


def test_the_stale_or_unsourced_check_catches_the_common_forms() -> None:
    bad = [
        "Our fleet service reached general availability in the spring.",
        "Our cross-region replication added a failover runbook this quarter.",
        "上半年贵司平台团队的时间，大概有多大比例花在救火上？",
        "销售同事了解到，你们国内业务的云资源是集团采购的。",
        "控制台里能看到你们放在我们这里的是 <在我们这里的产品>。",
        "同业里已经有几家把分布式核心部署在行业云上。",
        "Several banks already run their core on our cloud.",
    ]
    assert [text for text in bad if not _STALE_OR_UNSOURCED.search(text)] == []
    fine = [
        "Our fleet service reached general availability on <fleet GA date>.",
        "今年以来，你们平台团队的时间大概有多大比例花在救火上？",
        "公开报道里已有 <分布式核心上云的公开案例>。",
        "Peak-season bills in retail often arrive a month after the peak.",
    ]
    assert [text for text in fine if _STALE_OR_UNSOURCED.search(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_nothing_said_goes_stale_or_cites_an_unnamed_source(bank: Bank) -> None:
    assert [(qid, text) for qid, text in _spoken(bank) if _STALE_OR_UNSOURCED.search(text)] == []


#: how a tender is evaluated, who evaluates it, what wins points beyond the published rules,
#: or how a single-source purchase was argued: asked by a bidder it reads as seeking an
#: advantage (or as helping to argue a sole source), a compliance red line; ask the public
#: rules and what we must supply
_TENDER_PROBE = re.compile(
    r"\bbid evaluat\w*|\bevaluators?\b|\bevaluation (?:panel|committee|team)\b"
    r"|\bscor\w* (?:the |our |other |competing )?bids?\b|\bwins? (?:the most )?points\b"
    r"|\bsole[- ]source justification\b|\bjustif\w* (?:a |the )?sole[- ]source\b"
    r"|\bnext (?:[\w-]+ )?tender\b|\bwhen (?:is|will) (?:the|your) (?:[\w-]+ )?tender\b"
    r"|评标|评委|评审专家|拉开差距|最容易被认可|最能加分|论证材料|罚则|下一?[轮次](?:招标|集采|评估)"
    r"|什么时候(?:会)?重新(?:评估|招标)",
    re.IGNORECASE,
)


def test_the_tender_check_catches_the_common_forms() -> None:
    bad = [
        "技术分里哪一项最能拉开差距？",
        "评分时，哪类证明材料最容易被认可？",
        "<扩容项目> 走单一来源时，审批要求准备了哪些论证材料？",
        "上一次工厂侧软硬件打包招标，评标对交付周期有什么要求？",
        "延期交付的罚则是怎么定的？",
        "Who sat on the evaluation panel for the last cloud tender?",
        "Which part of a bid wins the most points with your evaluators?",
        "Roughly when is the next cloud tender round expected?",
        "下一轮招标大概什么时候？",
        "下一轮评估大概什么时候？",
        "大概什么时候会重新评估？",
        "What went into the sole-source justification for the expansion?",
    ]
    assert [text for text in bad if not _TENDER_PROBE.search(text)] == []
    fine = [
        "类似的云服务项目里，技术分一般看哪几个方面？",
        "招标文件之外，还有公开的评分细则吗？",
        "延期一般怎么处理？",
        "以后需要我们出原厂证明或说明时，什么内容和格式你们审批最好用？",
        "How does your bank decide when a technology service goes back out to tender?",
        "What do suppliers usually receive ahead of a round?",
    ]
    assert [text for text in fine if _TENDER_PROBE.search(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_question_probes_a_tender(bank: Bank) -> None:
    assert [(qid, text) for qid, text in _asked(bank) if _TENDER_PROBE.search(text)] == []


#: which data goes back across the border, or which export route (安全评估 / 标准合同) it
#: takes: asked in the room it asks the customer to state a compliance position before a
#: vendor; ask which data has to sync between regions, or what they need in-country
_CROSS_BORDER = re.compile(
    r"回传(?:到)?(?:国内|境内)|(?:数据)?出境|跨境流动|安全评估还是|标准合同"
    r"|\b(?:runs?|kept|stored|processed|sent) outside the country\b|\bleaves? the country\b"
    r"|\bback to (?:China|the mainland|the home country)\b|\bcross-border (?:data )?transfers?\b",
    re.IGNORECASE,
)


def test_the_cross_border_check_catches_the_common_forms() -> None:
    bad = [
        "哪些数据会回传国内做分析？",
        "海外仓的订单会回传到国内哪套系统？",
        "目前走的是安全评估还是标准合同备案？",
        "你们海外业务里，有哪些数据需要回传境内处理？",
        "Which part still runs outside the country today?",
        "Which player data is sent back to China for analytics?",
    ]
    assert [text for text in bad if not _CROSS_BORDER.search(text)] == []
    fine = [
        "哪些数据需要在区域之间同步？",
        "跨境电商的用户数据，落地存储的国家是按什么原则选的？",
        "在 <海外市场> 开展支付业务，哪些系统必须放在当地？",
        "What would you need from a provider in <new market> to run the whole service there?",
    ]
    assert [text for text in fine if _CROSS_BORDER.search(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_question_asks_where_data_crosses_the_border(bank: Bank) -> None:
    assert [(qid, text) for qid, text in _asked(bank) if _CROSS_BORDER.search(text)] == []


#: a share of this year's sales or revenue: for a listed company unpublished, in-year and
#: market-sensitive; ask how large a part of the business something is becoming, or traffic
_SALES_SHARE = re.compile(
    r"\b(?:share|percentage|proportion|part) of (?:this year's |last year's |your |the )?"
    r"(?:sales|revenue|turnover|GMV)\b"
    r"|(?:销售|营收|收入|销售额|GMV)(?:里|中)?[^。？]{0,12}?(?:占到?|几成|比例|占比)",
    re.IGNORECASE,
)


def test_the_sales_share_check_catches_the_common_forms() -> None:
    bad = [
        "Roughly what share of this year's sales comes through live-commerce sessions?",
        "What percentage of revenue comes from overseas titles this year?",
        "今年的销售里，直播电商大概占到几成？",
        "今年海外收入占比能到多少？",
    ]
    assert [text for text in bad if not _SALES_SHARE.search(text)] == []
    fine = [
        "Roughly what share of last year's technology spend went to public cloud?",
        "How large a part of the business is live commerce becoming, compared with last year?",
        "今年你们的科技投入里，投到云和基础设施上的大概占几成？",
        "和去年比，直播电商在你们生意里的分量变化有多大？",
    ]
    assert [text for text in fine if _SALES_SHARE.search(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_question_asks_for_a_share_of_sales(bank: Bank) -> None:
    lines = _question_lines(bank)
    assert [(qid, text) for qid, text in lines if _SALES_SHARE.search(text)] == []


#: a licence, 牌照 or 版号 still being decided: a question that presumes it is granted
#: ("once the licence is granted", "版号下来以后") asks a regulated customer to forecast a
#: regulator's decision before a vendor; it is asked only as "if" (如果 / …的话)
_PENDING_APPROVAL = re.compile(
    r"\blicen[cs]e\b[^?]{0,40}\b(?:granted|approv\w+|unlocks?|applied|application|launch)"
    r"|\b(?:granted|approv\w+|applied for)\b[^?]{0,40}\blicen[cs]e\b|版号|牌照",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\bif\b|\bwhether\b|如果|的话|假如|要是|是否|有没有", re.IGNORECASE)


def presumes_approval(text: str) -> bool:
    """``text`` asks about a pending licence or 版号 as if it were certain."""
    return bool(_PENDING_APPROVAL.search(text)) and not _CONDITIONAL.search(text)


def test_the_pending_approval_check_catches_the_common_forms() -> None:
    bad = [
        "What does the <licence applied for> licence in <licence country> unlock this year?",
        "What launch date does the plan assume once the licence is granted?",
        "版号下来以后，国内服多久能开？",
        "<游戏> 国内版号下来之前，海外先上的节奏是怎么定的？",
        "支付牌照批下来之后，第一批上线哪些业务？",
    ]
    assert [text for text in bad if not presumes_approval(text)] == []
    fine = [
        "If the <licence applied for> licence is granted, which part is planned to start first?",
        "国内版拿到版号的话，开服准备大概要留多久？",
        "What keeps that one there: a licence, the regulator or its vendor?",
        "在 <海外市场> 开展支付业务，哪些系统必须放在当地？",
    ]
    assert [text for text in fine if presumes_approval(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_a_pending_licence_is_asked_only_as_if(bank: Bank) -> None:
    lines = _question_lines(bank)
    assert [(qid, text) for qid, text in lines if presumes_approval(text)] == []


#: what kind of organisation the customer is, said in words: a superior unit that hands down
#: targets (not every customer is state-owned), a system's 等保 level, a bidder on public
#: tenders. True of some customers only, and embarrassing when wrong: a placeholder says it
_PRESUMED_STANDING = re.compile(
    r"上级单位|上级主管部门|上级下达|是等保[一二三四]级|等保[一二三四]级系统"
    r"|\byour (?:recent |last )?public-sector (?:tenders|bids)\b"
    r"|\byou bid on public-sector tenders\b",
    re.IGNORECASE,
)


def test_the_presumed_standing_check_catches_the_common_forms() -> None:
    bad = [
        "上级单位下达的信创替换任务，要求你们在哪一年完成？",
        "你们 <等保系统> 是等保三级系统，每年做一次测评。",
        "Your trust page lists <certifications>; your recent public-sector tenders asked for more.",
    ]
    assert [text for text in bad if not _PRESUMED_STANDING.search(PLACEHOLDER.sub("", text))] == []
    fine = [
        "信创替换这块，你们内部定的完成时间大概是哪一年？",
        "你们 <等保系统> 是 <等保级别>，每年做一次测评。",
        "等保三级要求审计日志至少留存六个月。",  # the standard, not the account
        "Public-sector tenders in <customer segment>, such as <tender>, asked for <cert>.",
    ]
    assert [text for text in fine if _PRESUMED_STANDING.search(PLACEHOLDER.sub("", text))] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_line_presumes_what_kind_of_organisation_the_customer_is(bank: Bank) -> None:
    lines = [(qid, PLACEHOLDER.sub("", text)) for qid, text in _asked(bank)]
    assert [(qid, text) for qid, text in lines if _PRESUMED_STANDING.search(text)] == []


def unintroduced_placeholders(research: str, asked: list[str]) -> list[str]:
    """Placeholders the question or a follow-up names that the research line does not: the
    research then does not lead to the question ("那次黑洞" with no 黑洞 said), or one fact
    goes by two names (<新工厂投产国家> in the research, <海外新工厂所在地> in the question)
    and the PM fills it twice."""
    said = set(PLACEHOLDER.findall(research))
    return [name for text in asked for name in PLACEHOLDER.findall(text) if name not in said]


def test_the_placeholder_introduction_check_catches_the_common_forms() -> None:
    assert unintroduced_placeholders(
        "你们公告里写的是 <新工厂投产季度> 在 <新工厂投产国家> 新工厂投产。",
        ["你们 <海外新工厂所在地> 新工厂投产，IT 系统最晚什么时候要就位？"],
    ) == ["海外新工厂所在地"]
    assert unintroduced_placeholders(
        "Our capacity in <region> ran out at <sold-out time>.",
        ["What did the queues at the <title> launch hold up?"],
    ) == ["title"]
    assert (
        unintroduced_placeholders(
            "Your launch-day posts for <title> mentioned login queues in <queue regions>.",
            ["What did the login queues at the <title> launch hold up?", "Which part hurt most?"],
        )
        == []
    )


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_every_placeholder_asked_is_introduced_by_the_research(bank: Bank) -> None:
    missing = [
        (q.id, name)
        for q in bank.questions
        for name in unintroduced_placeholders(q.research, [q.text, *q.follow_ups])
    ]
    assert missing == []


#: what the customer's own colleagues said or complained about, quoted in a research line: the
#: research is said aloud, and "your tech colleagues told us procurement was weeks late" said to
#: the buyer embarrasses the buyer and the colleague; the fact goes unsaid, or as our own plan
_COLLEAGUES_QUOTED = re.compile(
    r"同事(?:提过|说过|提到|反映|抱怨|吐槽)"
    r"|\bcolleagues? (?:told|said|mentioned|complained|raised)\b|\bcomplain(?:ed|s)?\b",
    re.IGNORECASE,
)


def test_the_colleague_quote_check_catches_the_common_forms() -> None:
    bad = [
        "你们技术同事提过，<扩容审批月份> 那次扩容的审批比资源需求晚了 <审批晚了几周> 周。",
        "你们 IT 同事提过，<工厂> 的边缘服务器到货比计划晚了 <到货晚了几周> 周。",
        "Your engineering colleagues told us the last purchase order took <weeks> weeks.",
        "Your developers complained on <forum> that approvals are slow.",
    ]
    assert [text for text in bad if not _COLLEAGUES_QUOTED.search(text)] == []
    fine = [
        "我们在看怎么让扩容采购走得更快，比如框架协议或者提前预留资源。",
        "我们的同事 <参与交流的同事> 参与过你们专属云方案的交流（<专属云交流时间>）。",
        "我们的 FinOps 同事听了您在 <成本分摊分享论坛> 上关于云成本分摊的分享。",
        "Our records show your last capacity order with us took <weeks to sign> weeks.",
    ]
    assert [text for text in fine if _COLLEAGUES_QUOTED.search(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_research_line_quotes_the_customers_colleagues(bank: Bank) -> None:
    quoted = [(q.id, q.research) for q in bank.questions if _COLLEAGUES_QUOTED.search(q.research)]
    assert quoted == []


#: a failure our own records put on us (our incident or root-cause report, capacity that ran
#: out, a queue or an outage on our side): the question opens by owning it, or the research line
#: (said first) already does; where our postmortem does not say it was ours, the research line
#: says so in a placeholder or the wording stays neutral, and this pattern does not match
_OUR_FAILURE = re.compile(
    r"\bon our (?:side|platform)\b|\bour (?:published )?(?:incident|root-cause) (?:report|list)\b"
    r"|\bran out\b|\bwe were slow\b"
    r"|\bour maintenance\b[^.;]{0,60}\b(?:alerts?|alarms?|restarts?|outages?|failures?)\b"
    r"|根因在我们|问题在我们|在我们这边排了|我们 <[^>]+> 的故障|库存告急|达到了上限"
    r"|我们做[^。；，]{0,8}维护时[^。；]{0,40}(?:告警|中断|重启|故障)",
    re.IGNORECASE,
)
_OWNED = re.compile(r"\bsorry\b|\bapologi[sz]e|\bon us\b|抱歉|对不起|添了?麻烦")


def unowned_failure(research: str, text: str) -> bool:
    """The research records a failure on our side and neither it nor the question owns it."""
    return bool(_OUR_FAILURE.search(research)) and not (
        _OWNED.search(text) or _OWNED.search(research)
    )


def test_the_ownership_check_catches_the_common_forms() -> None:
    bad = [
        (
            "<大促卡顿日期> 下单页卡顿了 <大促卡顿分钟数> 分钟，根因在我们的 <卡顿根因>。",
            "<大促卡顿日期> 下单页卡顿，它对当天的大促影响最大的是哪一块？",
        ),
        (
            "我们的记录显示，你们 <扩容申请月份> 的扩容申请在我们这边排了 <排队天数> 天。",
            "那次排了 <排队天数> 天，对你们哪个项目影响最大？",
        ),
        (
            "Our incident report shows your services in <region> were degraded by <root cause>.",
            "What did that outage on our platform hold up on your side?",
        ),
        (
            "Your posts mentioned login queues; our capacity in <region> ran out at <time>.",
            "What did the login queues at the <title> launch hold up?",
        ),
        (
            "<热迁移月份> 我们做宿主机维护时，你们有 <热迁移告警实例数> 台实例触发了告警。",
            "主机热迁移时，你们的业务能容忍的停顿上限是多少毫秒？",
        ),
        (
            "During our maintenance in <region>, <alert count> of your instances raised alerts.",
            "How long a pause can your services tolerate during a live migration?",
        ),
    ]
    assert [pair for pair in bad if not unowned_failure(*pair)] == []
    fine = [
        (
            "<大促卡顿日期> 下单页卡顿了 <大促卡顿分钟数> 分钟；我们的复盘认定问题在我们这边。",
            "<大促卡顿日期> 下单页卡了，问题出在我们这边，先跟您说声抱歉。影响最大的是哪块？",
        ),
        (
            "<不兼容变更月份> 我们的 API 有不兼容变更，给你们添了麻烦。",
            "那次 API 改版以后，你们的自动化脚本改了多少处？",
        ),
        (
            "Our incident report shows your services in <region> were degraded.",
            "I am sorry for the outage in <region> on our platform. What did it hold up?",
        ),
        (
            "<MES 停机日期> 那次停机的原因是 <MES 停机原因>，我们这一侧的复盘报告我带来了。",
            "<MES 停机日期> 那次 MES 停机，产线当时最卡的是哪一步？",
        ),
    ]
    assert [pair for pair in fine if unowned_failure(*pair)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_a_failure_our_records_put_on_us_is_owned_first(bank: Bank) -> None:
    unowned = [q.id for q in bank.questions if unowned_failure(q.research, q.text)]
    assert unowned == []


#: a question that leaves room for "none" (… if any, 有没有 …, a yes / no question) is followed by
#: a follow-up that does not presume the "yes": the first follow-up asks again whether, or says
#: "if so" (如果 …, … 的话); "How far has it got?" after "which workload, if any, …" presumes one
_ALLOWS_NONE = re.compile(
    r"\bif any\b|\bif anything\b|有没有|是否"
    r"|^(?:have|has|did|do|does|is|are|was|were)\b",
    re.IGNORECASE,
)
_ASKS_WHETHER = re.compile(
    r"\bif\b|\bwhether\b|\bany\b|\beither way\b|有没有|如果|的话|要是|是否|不管|无论|吗[？?]$"
    r"|^(?:have|has|did|do|does|is|are|was|were|can|could|would)\b",
    re.IGNORECASE,
)


def presumes_the_yes(text: str, follow_ups: list[str]) -> bool:
    """``text`` allows "none" and its first follow-up takes the "yes" for granted."""
    return (
        bool(_ALLOWS_NONE.search(text))
        and bool(follow_ups)
        and not (_ASKS_WHETHER.search(follow_ups[0]))
    )


def test_the_presumed_yes_check_catches_the_common_forms() -> None:
    bad = [
        (
            "Which workload, if any, has your bank put forward for public cloud?",
            ["How far has it got?"],
        ),
        (
            "Which mainframe batch job, if any, has your team tried moving?",
            ["What did the trial show?"],
        ),
        ("过去一年，有没有业务在不同云之间搬过家？", ["是哪个团队发起的？"]),
        ("冷链温控这块，你们有没有评估过物联网方案？", ["评估时最难的是哪一块？"]),
        ("Have you streamed any of your titles to players?", ["What did the trial show?"]),
    ]
    assert [pair for pair in bad if not presumes_the_yes(pair[0], pair[1])] == []
    fine = [
        ("Which workload, if any, has your bank put forward?", ["If one has, how far has it got?"]),
        ("过去一年，有没有业务搬过家？", ["如果有，是哪个团队发起的？"]),
        ("那次之后，恢复时间要求有没有调整？", ["不管调没调，现在定的是多少？"]),
        ("冷链温控这块，你们有没有评估过物联网方案？", ["评估过的话，最难的是哪一块？"]),
        (
            "Was there a question from the audience that stayed with you?",
            ["Has anyone taken it up?"],
        ),
        (
            "Which controls did your last audit ask your provider to evidence?",
            ["Which took longest?"],
        ),
    ]
    assert [pair for pair in fine if presumes_the_yes(pair[0], pair[1])] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_a_follow_up_does_not_presume_what_the_question_left_open(bank: Bank) -> None:
    presumed = [
        (q.id, q.follow_ups[0])
        for q in bank.questions
        if presumes_the_yes(q.text, list(q.follow_ups))
    ]
    assert presumed == []


#: a research line is homework the PM may say to the customer: it leads to the question and
#: never sells. An offer (a tool to try, a discount), our renewal or commitment end date opening
#: the talk, or an internal forecast (a capacity outlook, a region "planned for" a date, a
#: product still being planned, named) is heard as a pitch or as a promise beyond a PM's
#: authority; it stays internal knowledge
_RESEARCH_PITCH = re.compile(
    r"\bwe (?:can|could|would) (?:offer|provide|give)\b|\b(?:migration|assessment) tool\b"
    r"|\bfree trial\b|\bdiscount|\brenewal date\b"
    r"|\bcommitment (?:with (?:you|us) )?(?:runs until|ends)\b"
    r"|我们可以(?:提供|给)|可以提供|可以先拿|免费试用|优惠|折扣|续约日期|合同(?:快)?到期"
    r"|迁移(?:评估)?工具",
    re.IGNORECASE,
)
_INTERNAL_FORECAST = re.compile(
    r"\boutlook\b|\bcapacity (?:forecast|plan)\b|\bour [\w-]+ forecast\b"
    r"|\b(?:is|are) planned for <|容量(?:预测|规划)|库存(?:预测|预计)"
    r"|我们(?:接下来|正在)在?规划 <|正在灰度"
    r"|\bour [\w -]{0,30}\b(?:region|zone|node)s? (?:opens|will open|is due|launches|goes live)\b"
    r"|\b(?:coming soon|will be (?:available|generally available) (?:in|by|from))\b"
    r"|也在做这方面的准备|即将(?:上线|推出|开服|开放)|(?:节点|区域|地域)[^。；]{0,12}(?:开服|开放)季度"
    r"|(?:节点|区域|地域)的公开计划是",
    re.IGNORECASE,
)


def says_the_wrong_thing(research: str) -> bool:
    """``research`` makes an offer, opens on our renewal date or says an internal forecast."""
    return bool(_RESEARCH_PITCH.search(research) or _INTERNAL_FORECAST.search(research))


def test_the_research_pitch_check_catches_the_common_forms() -> None:
    bad = [
        "Your CEO's letter names <AI pilots>; GPU capacity in <region> is <GPU capacity outlook>.",
        "Our current commitment with you runs until <current commitment end>.",
        "Your commitment with us ends <commitment end date>.",
        "Your investor update names <new market>; our nearest region is planned for <opening>.",
        "We can offer a free trial of our migration tool for one system.",
        "你们在做 <信创迁移系统> 的迁移；我们有一套迁移评估工具，可以先拿一套系统试。",
        "你们在我们 <有游戏服的区域> 有游戏服；我们接下来在规划 <我们规划中的新区域>。",
        "我们 <负载均衡> 支持国密 TLS 的版本正在灰度。",
        "我们可以提供一批测试资源。",
        "公开报道里已有 <分布式核心上云的公开案例>；我们的金融专区也在做这方面的准备。",
        "你们 <新市场上线季度> 上线；我们 <区域> 节点的公开计划是 <我们节点开服季度> 开服。",
        "Your investor update names <new market>; our nearest region opens in <opening quarter>.",
    ]
    assert [text for text in bad if not says_the_wrong_thing(text)] == []
    fine = [
        "Your CEO's letter in the annual report names <AI pilots named by the CEO>.",
        "We are exploring per-request pricing and how finance teams would forecast it.",
        "Companies size cloud commitment terms very differently.",
        "Your commitment with us ended in <commitment end> and was renewed for <new term>.",
        "我们在规划 <重点区服> 附近的节点和加速，想先知道你们对掉线的要求。",
        "我们在改进云密码服务的部署方式，想先弄清你们现在的用法。",
        "公开报道里已有 <分布式核心上云的公开案例>；我们也在研究这个方向。",
        "Our region plan for <new market> is public; we want to know your deadline first.",
    ]
    assert [text for text in fine if says_the_wrong_thing(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_research_line_sells_or_says_an_internal_forecast(bank: Bank) -> None:
    wrong = [(q.id, q.research) for q in bank.questions if says_the_wrong_thing(q.research)]
    assert wrong == []


#: what puts the blame on the customer or ranks their staff, said in the room: "months late"
#: past a plan they own too, "your load test pushed our proxy to its limit" (the shortfall was
#: ours), 骨干以外的同学 (ranks people in front of their manager; 同学 is internet-company slang
#: that sounds off in a bank or a state-owned plant)
_BLAME_OR_RANK = re.compile(
    r"\b(?:days|weeks|months) late\b|\bran late\b|\byour (?:load test|fault|mistake)\b"
    r"|\bbecause of (?:you|your team)\b|\bjunior staff\b|\bthe (?:weaker|less capable)\b"
    r"|你们的压测把|你们(?:的)?(?:失误|问题)导致|怪你们|骨干以外|同学",
    re.IGNORECASE,
)


def test_the_blame_check_catches_the_common_forms() -> None:
    bad = [
        "The <migrated service> migration ran <months late> past the plan we made together.",
        "去年大促前，你们的压测把我们 <区域> 的 <数据库代理> 打到了上限。",
        "团队里骨干以外的同学，一般来公司几年了？",
        "上个月把值班同学叫醒次数最多的是哪一条告警？",
        "Which of the delays were because of your team?",
    ]
    assert [text for text in bad if not _BLAME_OR_RANK.search(text)] == []
    fine = [
        "The <migrated service> migration took longer than the plan we made together.",
        "去年大促前压测，我们 <区域> 的 <数据库代理> 先到了上限，这是我们的短板。",
        "运维团队里，来了两三年以内的大概占多少？",
        "Who complains first when it is late?",
        "我们的同事 <参与交流的同事> 参与过你们专属云方案的交流。",
    ]
    assert [text for text in fine if _BLAME_OR_RANK.search(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_nothing_said_blames_the_customer_or_ranks_their_staff(bank: Bank) -> None:
    assert [(qid, text) for qid, text in _asked(bank) if _BLAME_OR_RANK.search(text)] == []


def misstates_a_rule(text: str) -> bool:
    """``text`` pins the six-month log retention on 等保 (it is the Cybersecurity Law's,
    网络安全法 第二十一条), or says a yearly 等保 assessment without the level it holds for
    (yearly is for level 3 and above; the level of the customer's system is a placeholder)."""
    six_months = re.search(r"等保[^。；;]{0,15}(?:六个月|6 ?个月)", text)
    yearly = re.search(r"每年(?:做)?一次(?:等保)?测评", text) and not re.search(
        r"三级(?:及)?以上", text
    )
    return bool(six_months or yearly)


def test_the_misstated_rule_check_catches_the_common_forms() -> None:
    bad = [
        "等保三级要求审计日志至少留存六个月，我们的操作审计默认只保留 <审计保留天数> 天。",
        "除了等保要求的六个月，你们内部还有更长的留存要求吗？",
        "你们 <等保系统> 是 <等保级别>，每年做一次测评。",
    ]
    assert [text for text in bad if not misstates_a_rule(text)] == []
    fine = [
        "网络安全法要求网络日志至少留存六个月；我们的操作审计默认只保留 <审计保留天数> 天。",
        "除了法定的六个月，你们内部对操作审计日志还有更长的留存要求吗？",
        "等保三级以上的系统每年做一次测评。",
    ]
    assert [text for text in fine if misstates_a_rule(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_line_misstates_a_rule(bank: Bank) -> None:
    assert [(qid, text) for qid, text in _spoken(bank) if misstates_a_rule(text)] == []


#: a question or follow-up that takes for granted that something went wrong and was got round:
#: "which component hit its limit first?", "最后是怎么凑齐机器的", "怎么绕过去的", "your last
#: platform hiring round" (it may not have closed); asked only as if (如果 / 的话 / if any)
_PRESUMED_WORKAROUND = re.compile(
    r"\bhit (?:its|the|a|their) limit\b|\bhow did (?:you|the team) (?:work|get) around\b"
    r"|\bhow did (?:that|this|your) team (?:work|get) around\b"
    r"|\blast [\w-]+ hiring round\b|怎么(?:绕|撑)过去|怎么凑齐",
    re.IGNORECASE,
)


def presumes_a_workaround(text: str) -> bool:
    return bool(_PRESUMED_WORKAROUND.search(text)) and not _CONDITIONAL.search(text)


def test_the_presumed_workaround_check_catches_the_common_forms() -> None:
    bad = [
        "Which component hit its limit first?",
        "Which skills took longest to hire for in your last platform hiring round?",
        "最后是怎么凑齐机器的？",
        "那几天业务是怎么绕过去的？",
        "等审批期间业务是怎么撑过去的？",
        "How did that team get around the problem until now?",
    ]
    assert [text for text in bad if not presumes_a_workaround(text)] == []
    fine = [
        "Which component came closest to its limit?",
        "If your team hit a limit, which one was first?",
        "最后机器是怎么解决的？",
        "那几天业务上有没有受影响？",
        "如果绕过去了，是怎么绕的？",
    ]
    assert [text for text in fine if presumes_a_workaround(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_question_presumes_a_workaround(bank: Bank) -> None:
    lines = _question_lines(bank)
    assert [(qid, text) for qid, text in lines if presumes_a_workaround(text)] == []


#: asking what a past event cost them ("What did it cost you that day?", 损失了多少) invites a
#: money figure, and after a failure of ours a compensation talk a PM cannot settle: ask what it
#: held up and what the team had to do instead
_PAST_COST = re.compile(
    r"\bwhat did (?:it|that|this|the [\w-]+) cost\b|\bhow much did (?:it|that|this) cost\b"
    r"|\bhow much (?:revenue|money|business) did (?:you|your team) lose\b"
    r"|损失了?多少|损失有多大|亏了多少|少卖了多少|少赚了?多少",
    re.IGNORECASE,
)


def test_the_past_cost_check_catches_the_common_forms() -> None:
    bad = [
        "I am sorry for the checkout slowdown. What did it cost you that day: orders, complaints?",
        "What did it cost you with players, if anything?",
        "How much revenue did you lose during the outage?",
        "那次卡顿，你们大概损失了多少订单？",
        "停线那几个小时，损失有多大？",
    ]
    assert [text for text in bad if not _PAST_COST.search(text)] == []
    fine = [
        "I am sorry for the checkout slowdown, which was on our side. What did it hold up?",
        "What does a one-minute delay in that decision cost you?",
        "那次卡顿，对你们当天哪块影响最大？",
    ]
    assert [text for text in fine if _PAST_COST.search(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_question_asks_what_a_past_event_cost_them(bank: Bank) -> None:
    assert [(qid, text) for qid, text in _asked(bank) if _PAST_COST.search(text)] == []


#: how to get around group purchasing or a tender (什么情况下可以不走集采) sounds, to the buyer
#: who runs it, like asking how to bypass them; ask how what falls outside its scope is bought
_AROUND_PURCHASING = re.compile(
    r"不走(?:集采|招标|采购|公开招标)|绕(?:开|过)(?:集采|招标|采购)|规避(?:集采|招标)"
    r"|\b(?:bypass|get around|go around|avoid|skip) (?:the |a |your )?(?:tender|procurement|"
    r"group purchasing|central purchasing|framework)\b|\bwithout (?:a|the) tender\b",
    re.IGNORECASE,
)


def test_the_around_purchasing_check_catches_the_common_forms() -> None:
    bad = [
        "什么情况下事业部可以不走集采？",
        "有没有办法绕开招标？",
        "When can a business unit bypass group purchasing?",
        "Which purchases can go ahead without a tender?",
    ]
    assert [text for text in bad if not _AROUND_PURCHASING.search(text)] == []
    fine = [
        "集采范围以外的采购，一般是怎么走的？",
        "How are purchases outside the framework's scope usually made?",
    ]
    assert [text for text in fine if _AROUND_PURCHASING.search(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_line_asks_how_to_get_around_purchasing(bank: Bank) -> None:
    lines = _spoken(bank)
    assert [(qid, text) for qid, text in lines if _AROUND_PURCHASING.search(text)] == []


#: a research line is said to the person across the table: 客户 / "the customer" there is our
#: internal voice ("想先了解客户实际怎么用"); their own customers (你们的客户) are fine
_INTERNAL_VOICE = re.compile(
    r"(?<!你们的)(?<!你们)(?<!的)客户(?!端)(?:实际|现场|那边|的(?:需求|用法|情况|现场))"
    r"|(?:了解|弄清|听听|摸清)(?:一下)?客户"
    r"|\b(?:understand|learn) (?:how )?(?:the|this) customer\b|\bthis customer\b",
    re.IGNORECASE,
)


def test_the_internal_voice_check_catches_the_common_forms() -> None:
    bad = [
        "我们在规划长期算力和高峰算力搭配的方案，想先了解客户实际怎么用。",
        "我们在做边缘计算节点的产品规划，想先弄清客户现场数据的时效要求。",
        "We are weighing this and want to understand how this customer buys.",
    ]
    assert [text for text in bad if not _INTERNAL_VOICE.search(text)] == []
    fine = [
        "我们在规划长期算力和高峰算力搭配的方案，想先听听你们实际是怎么用的。",
        "有没有需要跟你们自己的客户解释的？",
        "你们客户端的崩溃率，上周大概是多少？",
        "Your status page shows incidents on the customer-facing service.",
    ]
    assert [text for text in fine if _INTERNAL_VOICE.search(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_research_line_speaks_of_the_customer_in_the_third_person(bank: Bank) -> None:
    assert [(q.id, q.research) for q in bank.questions if _INTERNAL_VOICE.search(q.research)] == []


#: telling the customer what their own systems are ("你们的服务器架构是 <…>", "yours run on
#: <…> today") sounds like lecturing them on their own estate: the research line cites where we
#: read it (job postings, their talk, our bills) or leaves it out
_OWN_SETUP = re.compile(
    r"\byours? (?:[\w-]+ ){0,4}(?:run|runs) (?:on |in |at )?<|\byour [\w -]{0,30}\b(?:are|is) <what"
    r"|你们[^。；，]{0,20}(?:架构|部署方式|部署在|用的是|跑在|走的是|放在)(?:是)? ?<",
    re.IGNORECASE,
)
_SETUP_SOURCE = re.compile(
    r"\b(?:according to|job postings?|careers page|blog|talk|keynote|says|said|describes|"
    r"mentions?|our bills)\b|招聘|博客|分享|讲过|文章|公告|年报|账单|从我们这边|提到",
    re.IGNORECASE,
)


def tells_them_their_own_setup(research: str) -> bool:
    return any(
        _OWN_SETUP.search(part) and not _SETUP_SOURCE.search(part)
        for part in _SENTENCE.split(research)
    )


def test_the_own_setup_check_catches_the_common_forms() -> None:
    bad = [
        "你们 <游戏> 的服务器架构是 <游戏的服务器架构>，跨区同步用的是 <同步方式>。",
        "你们的集中交易系统部署在 <交易系统机房>，报盘走的是 <报盘线路>。",
        "Insurers' claims systems are usually the last to leave; yours run on <core system> today.",
        "Your managed databases with us are <what your databases with us do>.",
        "Your stores run <POS system> at the tills.",
        "Order flow bunches at the open; your trading front end runs in <trading data centre>.",
        "防沉迷要求接入实名认证；你们登录链路里实名校验放在 <实名校验位置>。",
    ]
    assert [text for text in bad if not tells_them_their_own_setup(text)] == []
    fine = [
        "听您在 <跨区同步分享大会> 上讲过 <跨区同步分享主题>。",
        "你们的招聘信息里提到，门店收银用的是 <收银系统>。",
        "从我们这边的账单看，你们在我们这里主要用的是 <主要产品>。",
        "Your job postings name <MES product> as the MES at plants such as <plant>.",
    ]
    assert [text for text in fine if tells_them_their_own_setup(text)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_research_line_tells_them_their_own_setup(bank: Bank) -> None:
    told = [(q.id, q.research) for q in bank.questions if tells_them_their_own_setup(q.research)]
    assert told == []


def reworded_follow_ups(text: str, follow_ups: list[str]) -> list[tuple[str, str]]:
    """Pairs among a question and its follow-ups that reword each other: the second gets the
    answer already given ("How does your bank decide when … goes back out to tender?" then
    "Who decides that a service goes back out to tender?")."""
    lines = [text, *follow_ups]
    return [
        (a, b)
        for a, b in itertools.combinations(lines, 2)
        if similarity(a, b) >= DUPLICATE_THRESHOLD
    ]


def test_the_reworded_follow_up_check_catches_the_common_forms() -> None:
    bad = [
        (
            "How does your bank decide when a technology service goes back out to tender?",
            [
                "How far ahead do suppliers hear?",
                "Who decides that a service goes back out to tender?",
            ],
        ),
        ("上个月的账单对了几天？", ["对不上的主要是哪一类资源？", "对不上的主要是哪类资源？"]),
    ]
    assert [pair for pair in bad if not reworded_follow_ups(*pair)] == []
    fine = [
        (
            "How does your bank decide when a technology service goes back out to tender?",
            ["How far ahead of a round do suppliers receive the requirements?"],
        ),
        (
            "上个月的账单对了几天？",
            ["对不上的主要是哪一类资源？", "被退回的账单最后是怎么处理的？"],
        ),
    ]
    assert [pair for pair in fine if reworded_follow_ups(*pair)] == []


@pytest.mark.parametrize("bank", CURRENT, ids=lambda b: b.id)
def test_no_follow_up_rewords_its_question_or_another_follow_up(bank: Bank) -> None:
    reworded = [
        (q.id, pair)
        for q in bank.questions
        for pair in reworded_follow_ups(q.text, list(q.follow_ups))
    ]
    assert reworded == []


# --- Chinese banks, review 7 (ninth pass) ---------------------------------------------------
# Checks for what review 7 marked risky or presuming, run on the Chinese banks (the English
# bank has its own pass; its phrasings are in the patterns so that it can join by adding its
# banks to ZH_BANKS' parametrisation).

ZH_BANKS: list[Bank] = [bank for bank in CURRENT if bank.language == "zh-CN"]

#: splitting a quote or an order so each part stays under an approval threshold (化整为零) is
#: a compliance red flag, in a bank above all: nothing we write plans the quote around their
#: committee's threshold; we prepare material for the committee's rhythm instead
_THRESHOLD_SPLIT = re.compile(
    r"化整为零|拆单|分拆|拆成(?:几|多|两|三)(?:笔|单|份|个)"
    r"|拆分(?:报价|订单|合同|采购|金额)|(?:报价|订单|合同|采购|金额)[^。；，]{0,8}拆分"
    r"|规避审批|避开(?:审批|上会|委员会)|(?:审批)?门槛以下|压在门槛"
    r"|\bsplit(?:ting)? (?:the |a |our |your )?(?:quote|order|purchase|contract|deal)s?\b"
    r"|\b(?:below|under) the (?:approval |committee )?threshold\b",
    re.IGNORECASE,
)


def test_the_threshold_split_check_catches_the_common_forms() -> None:
    bad = [
        "摸清审批门槛和层级，让报价方案的拆分和节奏合乎客户制度。",
        "金额太大的话，可以拆成几笔订单走。",
        "化整为零，每笔都不用上会。",
        "We could split the quote so that each order stays below the approval threshold.",
    ]
    assert [text for text in bad if not _THRESHOLD_SPLIT.search(text)] == []
    fine = [
        "摸清审批层级和委员会节奏，按委员会的节奏准备材料、排时间。",
        "每月对账时，你们财务要求账单拆到哪一级？",
        "Which approvals does a cloud order of this size need?",
    ]
    assert [text for text in fine if _THRESHOLD_SPLIT.search(text)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_nothing_plans_a_quote_around_an_approval_threshold(bank: Bank) -> None:
    lines = [(q.id, q.purpose) for q in bank.questions] + _asked(bank)
    assert [(qid, text) for qid, text in lines if _THRESHOLD_SPLIT.search(text)] == []


#: an outage, a stoppage or a broken link stated as fact outside a placeholder: said to every
#: account the question is used on, it invents an event, and "outage" where our report says
#: "degraded" feeds an SLA claim. The event's nature is the report's own word, in a placeholder
#: (<复盘里的事件定性>); a sentence that says it conditionally (如果 …) is fine
_OUTAGE_WORD = re.compile(
    r"故障(?!复盘|恢复|演练|通报|处理|排查)|宕机|停机|中断|断网|断了|挂了|没扛住"
    r"|\boutages?\b|\bwent down\b|\bwas down\b",
    re.IGNORECASE,
)
_OUTAGE_CONDITIONAL = re.compile(r"如果|要是|假如|若是|万一|的话|\bif\b|\bwhether\b", re.IGNORECASE)


def states_an_outage(text: str) -> bool:
    """A statement (not a question) of ``text`` names an outage outside a placeholder."""
    for part in _SENTENCE.split(PLACEHOLDER.sub("<>", text)):
        if "？" in part or "?" in part or _OUTAGE_CONDITIONAL.search(part):
            continue
        if _OUTAGE_WORD.search(part):
            return True
    return False


def test_the_stated_outage_check_catches_the_common_forms() -> None:
    bad = [
        "<支付中断日期> 那次中断的根因在我们的 <故障所在层>，复盘报告我带来了。",
        "<故障日期> 那次故障出在我们这边，先跟您说声抱歉。那次耽误了哪些事？",
        "我们的网络记录显示，<月份> <工厂> 方向的专线中断了 <分钟数> 分钟。",
        "<MES 停机日期> 那次停机的原因是 <MES 停机原因>。",
        "I am sorry for the <date> outage in <region>. What did it hold up?",
    ]
    assert [text for text in bad if not states_an_outage(text)] == []
    fine = [
        "<支付事件日期> 那次支付通道 <复盘里的事件定性>，复盘认定根因在我们的 <根因所在层>。",
        "你们发给我们的故障复盘里，MTTR 写的是 <复盘里的 MTTR>。",
        "如果那次中断影响了你们，我们先说声抱歉。",
        "工厂断网的时候，边缘网关要缓存多少小时的数据？",
        "Our report on the <date> degradation in <region> is here.",
    ]
    assert [text for text in fine if states_an_outage(text)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_outage_is_stated_outside_a_placeholder(bank: Bank) -> None:
    stated = [
        (q.id, text)
        for q in bank.questions
        for text in (q.research, q.text)
        if states_an_outage(text)
    ]
    assert stated == []


#: "when X last failed" / 上次 X 出问题的时候 presumes it failed: ask "has X … in the last few
#: months? if so …" (有没有 …？如果有 …)
_FAILED_EN = r"(?:failed|went down|went offline|lost|broke|crashed|dropped|stopped)\b"
_WHEN_LAST_FAILED = re.compile(
    r"(?:上次|上一次|最近一次)[^，。？；]{0,15}"
    r"(?:故障|失败|出问题|出错|宕机|停机|中断|断网|断线|掉线|丢数据|挂掉|没扛住)"
    r"|\bwhen (?:[\w-]+ ){1,5}last "
    + _FAILED_EN
    + r"|\bthe last time (?:[\w<>-]+ ){1,5}"
    + _FAILED_EN,
    re.IGNORECASE,
)
_ASKED_WHETHER_FIRST = re.compile(
    r"如果|要是|假如|若是|的话|有没有|是否|\bif\b|\bwhether\b", re.IGNORECASE
)


def presumes_a_failure(text: str) -> bool:
    return bool(_WHEN_LAST_FAILED.search(text)) and not _ASKED_WHETHER_FIRST.search(text)


def test_the_presumed_failure_check_catches_the_common_forms() -> None:
    bad = [
        "网关上次断网的时候，本地丢了多少数据？",
        "最近一次扩容失败，卡在哪一步？",
        "When a plant gateway last lost its connection, did any sensor data go missing?",
        "The last time the line stopped, what did the restart take?",
    ]
    assert [text for text in bad if not presumes_a_failure(text)] == []
    fine = [
        "最近几个月网关有没有断过网？",
        "如果上次断网时丢过数据，是怎么补的？",
        "上次灾备演练，哪个环节花的时间和预想差得最多？",
        "Has a plant gateway lost its connection in the last few months? If so, what was lost?",
    ]
    assert [text for text in fine if presumes_a_failure(text)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_question_presumes_a_failure(bank: Bank) -> None:
    lines = _question_lines(bank)
    assert [(qid, text) for qid, text in lines if presumes_a_failure(text)] == []


# --- Review 7, English bank: presumed events, stated faults, threshold splitting, homework said
# aloud. The patterns hold both languages' forms; they run on the English banks here (the
# Chinese bank is swept on its own branch and joins these checks when it is clean).

ENGLISH_BANKS = [bank for bank in CURRENT if bank.language == "en"]

#: "When did X last fail / lose / go down": the failure is presumed. Asked as "has X … in the
#: last few months? if so …" (a conditional) it is not.
_PRESUMED_LAST_EVENT = re.compile(
    r"\bwhen\b[^?.;]{0,60}\blast\s+(?:lost|failed|went down|broke|crashed|dropped|missed"
    r"|stalled|stopped|overran|ran out|paged|disconnected|timed out|fell over)\b"
    r"|\b(?:during|in|after) (?:the|your) last (?:outage|failure|incident|crash|stoppage)\b"
    r"|上次[^，。？；]{0,20}(?:出问题|出故障|断[开网连]|挂|宕|丢|失败|故障)[^，。？；]{0,10}的时候",
    re.IGNORECASE,
)


def presumes_a_past_failure(text: str) -> bool:
    """A failure is named as having happened, with no "if" / 如果 before it ("…有没有丢？" after
    it does not make the failure conditional)."""
    match = _PRESUMED_LAST_EVENT.search(text)
    return bool(match) and not _CONDITIONAL.search(text[: match.start()])


def test_the_presumed_last_event_check_catches_the_common_forms() -> None:
    bad = [
        "When a plant gateway last lost its connection, did any sensor data go missing?",
        "When the settlement run last missed its cut-off, what held it up?",
        "During the last outage, which team was called first?",
        "上次网关断网的时候，传感器数据有没有丢？",
    ]
    assert [text for text in bad if not presumes_a_past_failure(text)] == []
    fine = [
        "If a plant gateway has lost its connection in the last few months, was data lost?",
        "When was that placement last reviewed?",
        "Who is called when a gateway fails at night?",
        "最近几个月网关有没有断过网？如果断过，数据有没有丢？",
    ]
    assert [text for text in fine if presumes_a_past_failure(text)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_question_presumes_a_past_failure(bank: Bank) -> None:
    presumed = [
        (q.id, line)
        for q in bank.questions
        for line in (q.text, *q.follow_ups)
        if presumes_a_past_failure(line)
    ]
    assert presumed == []


#: An outage, an overrun or time our tooling cost them, stated as fact outside a placeholder:
#: for every account the line is used on it presumes the event (and "outage" where our report
#: says "degraded" feeds an SLA claim). The fact goes in a placeholder or is asked as "if".
_STATED_EVENT = re.compile(
    r"\boutages?\b|\bwent down\b|\b(?:overran|ran over)\b|\btook longer than (?:the |our )?plan"
    r"|\bcost you time\b|\bour tooling cost\b"
    r"|故障|宕机|超期|比计划(?:晚|多用)|耽误了你们",
    re.IGNORECASE,
)


def states_an_event(line: str) -> bool:
    """``line`` with its placeholders removed still names an outage or an overrun, and does
    not ask it as a condition."""
    bare = PLACEHOLDER.sub("", line)
    return bool(_STATED_EVENT.search(bare)) and not _CONDITIONAL.search(bare)


def test_the_stated_event_check_catches_the_common_forms() -> None:
    bad = [
        "The <migrated service> migration took longer than the plan we made together, and we"
        " want to know where our tooling cost you time.",
        "I am sorry for the outage in <region> on our platform. What did it hold up?",
        "Our platform went down in <region> during your launch.",
        "<区域> 上个月的故障影响了你们的业务。",
    ]
    assert [line for line in bad if not states_an_event(line)] == []
    fine = [
        "The <degradation date> degradation in <region> was on us; what did it hold up?",
        "The <migrated service> migration finished on <migration finish date>.",
        "Our review records <capacity shortfall in our review>.",
        "If an outage has hit the tills, what keeps working?",
        "你们那边 <故障日期> 的情况，我们的复盘在这里。",
    ]
    assert [line for line in fine if states_an_event(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_nothing_said_states_an_outage_or_overrun_outside_a_placeholder(bank: Bank) -> None:
    stated = [
        (q.id, line)
        for q in bank.questions
        for line in (q.research, q.text, *q.follow_ups)
        if states_an_event(line)
    ]
    assert stated == []


#: Splitting a quote or order around an approval threshold (化整为零), or shaping material so
#: an approval passes: a compliance red flag in any line, the purpose included.
_AROUND_APPROVAL = re.compile(
    r"\bsplit\w*\b[^.;?]{0,40}\b(?:quotes?|orders?|purchases?|contracts?)\b"
    r"|\b(?:quotes?|orders?|purchases?)\b[^.;?]{0,30}\bsplit\b"
    r"|\b(?:below|under|beneath|around)\s+(?:the|your|each)\s+(?:\w+\s+)?(?:approval|sign-off)"
    r"\s+(?:threshold|limit)s?\b|\bapproval thresholds?\b"
    r"|\b(?:approval|committee|sign-off) (?:passes|goes through)\b"
    r"|化整为零|拆单|拆分[^。；，]{0,10}(?:报价|订单|合同|采购)|(?:报价|订单|合同|采购)[^。；，]{0,10}拆分"
    r"|规避[^。；，]{0,6}审批|审批[^。；，]{0,6}好用|好过审",
    re.IGNORECASE,
)


def test_the_approval_threshold_check_catches_the_common_forms() -> None:
    bad = [
        "Makes the split of the quote and its timing fit the customer's committee rules.",
        "Which order size stays below the approval threshold?",
        "What format makes sure the sole-source approval passes?",
        "让报价方案的拆分和节奏合乎客户制度。",
        "什么内容和格式你们审批最好用？",
    ]
    assert [line for line in bad if not _AROUND_APPROVAL.search(line)] == []
    fine = [
        "How is your compute split today between fixed capacity and elastic capacity?",
        "Which steps does a new cloud purchase pass through, from the first quote to signature?",
        "按委员会节奏准备材料和时间。",
    ]
    assert [line for line in fine if _AROUND_APPROVAL.search(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_line_works_around_an_approval_threshold(bank: Bank) -> None:
    around = [
        (q.id, line)
        for q in bank.questions
        for line in (q.text, q.research, q.purpose, *q.follow_ups)
        if _AROUND_APPROVAL.search(line)
    ]
    assert around == []


#: Homework that stays unsaid: their status-page incidents read back to them, their CPU or
#: memory use from our monitoring (sounds like surveillance), their regulatory register of
#: providers. We keep these as preparation; the research line says something else.
_UNSAID_HOMEWORK = re.compile(
    r"\bstatus page\b[^.;]{0,60}\b(?:incidents?|outages?|updates?)\b"
    r"|\b(?:cpu|memory) (?:utili[sz]ation|usage)\b|\bour monitoring\b"
    r"|\b(?:ict|provider|outsourcing) register\b|\bregister of (?:\w+ )?providers\b"
    r"|状态页[^。；]{0,20}(?:故障|事件|更新)|从我们(?:这边)?的监控看|CPU 利用率"
    r"|外包(?:登记|备案)清单",
    re.IGNORECASE,
)


def test_the_unsaid_homework_check_catches_the_common_forms() -> None:
    bad = [
        "Your status page history shows <major incidents> incidents marked major last year.",
        "Your launch-day status page posted <update count> updates in the first hours.",
        "Our monitoring shows your average CPU utilisation at <cpu utilisation>.",
        "Since <ICT register rule that applies to you>, you keep a register of technology"
        " providers.",
        "从我们这边的监控看，你们平均 CPU 利用率是 <CPU 利用率>。",
    ]
    assert [line for line in bad if not _UNSAID_HOMEWORK.search(line)] == []
    fine = [
        "Your public status page covers <main customer-facing service>.",
        "Your status page publishes <latency on your status page> for the public API.",
        "Your annual report names <critical business functions> among the functions the bank"
        " treats as most critical.",
    ]
    assert [line for line in fine if _UNSAID_HOMEWORK.search(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_research_line_says_homework_that_stays_unsaid(bank: Bank) -> None:
    said = [
        (q.id, line)
        for q in bank.questions
        for line in (q.research, q.text, *q.follow_ups)
        if _UNSAID_HOMEWORK.search(line)
    ]
    assert said == []


# --- Chinese banks, review 8 (tenth pass) ---------------------------------------------------
# Checks for what review 8 marked risky or off in the Chinese bank: the PM's spoken lines with
# no written-only marks or stiff words, no committee amount asked of procurement, no open tender
# cited, no study of the customer's traffic said, no fix presumed shipped, no account fact
# stated in research outside a placeholder, and no capacity or machine-room question for a
# business leader.

#: parentheses are written text: read aloud, "（比如仓库 PDA）" or "（<方案进度>）" comes out as
#: an aside nobody says; stiff words (工时, 除了法定的, 你们和财务 / 连同财务) read as a report
_WRITTEN_ONLY = re.compile(r"[（）()]|工时|除了法定|你们和财务|连同财务")


def test_the_written_only_check_catches_the_common_forms() -> None:
    bad = [
        "履约时效里技术这一段（比如从下单到发出出库指令），今年定的指标是多少？",
        "我们在研究一种开服后逐月缩量的预留方式（<方案进度>）。",
        "美元结算以后，你们和财务每个月在汇率和发票上大概要花多少工时？",
        "除了法定的六个月，你们内部对操作审计日志还有更长的留存要求吗？",
    ]
    assert [text for text in bad if not _WRITTEN_ONLY.search(text)] == []
    fine = [
        "履约时效里技术这一段，就是从下单到发出出库指令，今年定的指标是多少？",
        "操作审计日志，你们内部要求留多久？",
        "改成美元结算以后，你们这边和财务每个月花在对汇率、开发票上的时间大概有多少？",
    ]
    assert [text for text in fine if _WRITTEN_ONLY.search(text)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_spoken_line_has_parentheses_or_stiff_words(bank: Bank) -> None:
    assert [(qid, text) for qid, text in _asked(bank) if _WRITTEN_ONLY.search(text)] == []


#: asking the amount above which a purchase goes to the committee looks like preparing to split
#: orders to stay under it, whatever the purpose says: ask the approval levels and the
#: committee's rhythm instead
_COMMITTEE_AMOUNT = re.compile(
    r"(?:金额|多少钱|多少万)[^，。？；]{0,6}以上|超过多少[^，。？；]{0,4}(?:要|需|就|得)"
    r"|(?:审批|上会|委员会)(?:的)?(?:门槛|额度|金额线|金额标准)"
    r"|\b(?:amount|value|spend|size) (?:above|over) which\b"
    r"|\b(?:approval|committee) (?:threshold|limit)s?\b",
    re.IGNORECASE,
)


def test_the_committee_amount_check_catches_the_common_forms() -> None:
    bad = [
        "你们的云服务采购，金额多大以上要上采购委员会审议？",
        "超过多少万要上会？",
        "采购委员会的审批门槛是多少？",
        "What is the amount above which a cloud purchase goes to the committee?",
    ]
    assert [text for text in bad if not _COMMITTEE_AMOUNT.search(text)] == []
    fine = [
        "你们云服务采购一般要走哪几级审批？",
        "采购委员会大概多久上一次会？",
        "Which approvals does a cloud order of this size need?",
    ]
    assert [text for text in fine if _COMMITTEE_AMOUNT.search(text)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_line_asks_the_amount_that_goes_to_the_committee(bank: Bank) -> None:
    lines = [(q.id, q.purpose) for q in bank.questions] + _asked(bank)
    assert [(qid, text) for qid, text in lines if _COMMITTEE_AMOUNT.search(text)] == []


#: a procurement or project notice (采购公告, 项目公告, 招标文件) is a tender at a bank or a
#: state-owned company: cited while the tender is open, the talk about its requirements breaks
#: tendering rules. Research cites a tender only as finished (已结束, 已验收, 入围 / 中标结果,
#: 公示) or with a purpose that asks only when no tender is open; otherwise it cites the annual
#: report or the customer's own talk
_TENDER_SOURCE = re.compile(r"采购公告|项目公告|招标(?:的)?(?:公告|文件)|打包招标|建设项目公告")
_TENDER_CLOSED = re.compile(r"已结束|已经结束|已验收|已经验收|入围结果|入围公告|中标结果|公示")
_NO_OPEN_TENDER = re.compile(r"没有在途招标|无在途招标|招标已经结束|招标结束后")


def cites_an_open_tender(research: str, purpose: str) -> bool:
    if not _TENDER_SOURCE.search(research):
        return False
    return not (_TENDER_CLOSED.search(research) or _NO_OPEN_TENDER.search(purpose))


def test_the_open_tender_check_catches_the_common_forms() -> None:
    bad = [
        ("你们 <灾备公告年份> 的灾备建设项目公告写明了 <灾备架构>。", "容灾能力的精确需求。"),
        ("你们 <月份> 发布了 <信创云平台> 的采购公告。", "判断信创需求有多急。"),
        ("<年份> 的招标文件里也提过额度调剂的要求。", "计费方向的可行性反馈。"),
    ]
    assert [r for r, p in bad if not cites_an_open_tender(r, p)] == []
    fine = [
        ("你们 <年报年份> 年报里写到的灾备架构是 <灾备架构>。", "容灾能力的精确需求。"),
        ("我们看到了你们 <已结束的招标年份> 那次招标的公告。", "仅在客户没有在途招标时问。"),
        ("你们的信创云平台项目已经验收，我们在公示里看到了规模。", "判断用量。"),
    ]
    assert [r for r, p in fine if cites_an_open_tender(r, p)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_research_line_cites_a_tender_that_may_be_open(bank: Bank) -> None:
    cited = [
        (q.id, q.research) for q in bank.questions if cites_an_open_tender(q.research, q.purpose)
    ]
    assert cited == []


#: "our security team studies the traffic on your game servers" is heard as watching them; a
#: fix "already shipped" presumes what no record says; "the plan we made together", "讲得很清楚"
#: or a past-tense "chaired" state an account fact outside a placeholder
_WATCHING_OR_PRESUMED = re.compile(
    r"(?:研究|分析|观察|监控|盯着)[^，。；]{0,8}(?:流量|报文|数据包)"
    r"|已上线的修复|修复已上线|已经修复|已修复|修复已经发布"
    r"|一起(?:定|制定|商量)的|讲得很清楚|说得很清楚|复现(?:步骤)?(?:很|非常)清楚|主持了"
    r"|\b(?:study|studying|analys\w+|watch\w*|monitor\w*) (?:\w+ ){0,4}(?:traffic|packets)\b"
    r"|\bfix(?:es)? (?:\w+ )?already (?:shipped|deployed|live)\b"
    r"|\bthe plan we (?:made|agreed|drew up) together\b|\bclear reproduction\b",
    re.IGNORECASE,
)


def test_the_watching_or_presumed_check_catches_the_common_forms() -> None:
    bad = [
        "我们的安全团队在研究游戏服流量里的外挂和机器人特征。",
        "按复盘讲清原因和已上线的修复。",
        "上次你们把 <需求名称> 的场景和痛点讲得很清楚，但没聊你们倾向怎么解决。",
        "按我们一起定的方案，<迁移批次> 已经迁完。",
        "Our security team is studying bot and cheat traffic patterns on game servers.",
    ]
    assert [text for text in bad if not _WATCHING_OR_PRESUMED.search(text)] == []
    fine = [
        "你们的玩家社区里有关于 <外挂类型> 的讨论；我们在规划面向游戏的反外挂能力。",
        "按复盘讲清原因，以及哪些修复已经上线、哪些还没有。",
        "我们手上 <需求名称> 的记录写了场景和痛点：<需求记录里的场景>。",
    ]
    assert [text for text in fine if _WATCHING_OR_PRESUMED.search(text)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_nothing_said_watches_their_traffic_or_presumes_an_account_fact(bank: Bank) -> None:
    said = [(qid, PLACEHOLDER.sub("<>", text)) for qid, text in _spoken(bank)]
    assert [(qid, text) for qid, text in said if _WATCHING_OR_PRESUMED.search(text)] == []


#: a business leader knows growth, launch dates, owners and impact; capacity headroom, servers,
#: machine rooms, QPS / TPS and recovery steps are the technical side's questions
_TECHNICAL_FOR_BUSINESS = re.compile(
    r"服务器|机房|机器|QPS|TPS|余量|扩容|按[^，。？；]{0,12}准备|技术栈"
    r"|恢复[^，。？；]{0,8}(?:步|环节)|恢复过程|要恢复"
)


def test_the_business_role_check_catches_the_common_forms() -> None:
    bad = [
        "今年线上渠道的交易峰值，系统大概按比去年高多少来准备？",
        "今年双十一，系统大概按比去年多多少的流量来准备？",
        "首月的同时在线峰值，服务器大概按什么量级准备？",
        "测试阶段现在用的是哪里的机房？",
        "那次 MES 出问题，产线要恢复，当时最花功夫的是哪一步？",
    ]
    assert [text for text in bad if not _TECHNICAL_FOR_BUSINESS.search(text)] == []
    fine = [
        "今年线上渠道，你们最看重哪块业务的增长？",
        "<游戏> 在 <上线市场> 上线，首月同时在线的玩家，你们预期大概在什么量级？",
        "<新市场> 上线的计划里，最晚什么时候要把云资源准备好？",
    ]
    assert [text for text in fine if _TECHNICAL_FOR_BUSINESS.search(text)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_a_business_leader_is_not_asked_capacity_or_machine_rooms(bank: Bank) -> None:
    asked = [
        (q.id, text)
        for q in bank.questions
        if q.role == Role.BUSINESS
        for text in (q.text, *q.follow_ups)
        if _TECHNICAL_FOR_BUSINESS.search(text)
    ]
    assert asked == []


# --- Review 8, English bank: claims the research does not back, homework that sounds like
# watching their traffic, asking for the amount that sends a purchase to committee, business
# leaders asked engineering questions, research read back word for word. The patterns hold
# both languages' forms; they run on the English banks (the Chinese bank joins when clean).

#: A fact about the account or our delivery said outside a placeholder: fixes "already
#: shipped", a plan "we made together", an issue that "came with a clear reproduction", a
#: group "you chaired". Said unedited it is false for any account it does not fit.
_UNBACKED_CLAIM = re.compile(
    r"\b(?:fix|fixes|patch|patches)\b[^.;?]{0,20}\balready (?:shipped|live|deployed|released)\b"
    r"|\balready (?:shipped|deployed|released)\b"
    r"|\b(?:we|you and we|you and I) (?:made|agreed|built|wrote) together\b"
    r"|\b(?:made|agreed|built|wrote) together\b"
    r"|\bcame with a (?:clear|good|great|clean) (?:reproduction|repro|report)\b"
    r"|\byou (?:chaired|led|ran|founded|organi[sz]ed)\b"
    r"|\bas (?:we|you) agreed\b|\bas promised\b"
    r"|修复已经上线|我们一起(?:做|定|制定)的计划|你(?:们)?主持的",
    re.IGNORECASE,
)


def states_an_unbacked_claim(line: str) -> bool:
    """``line`` with its placeholders removed still states a fact about the account's history
    or our fixes that only a placeholder can carry."""
    return bool(_UNBACKED_CLAIM.search(PLACEHOLDER.sub("", line)))


def test_the_unbacked_claim_check_catches_the_common_forms() -> None:
    bad = [
        "The degradation was on us; our report and the fixes already shipped are here.",
        "The migration finished on <finish date>, against the <planned date> in the plan we"
        " made together.",
        "Thank you for your issue in <issue month>: it came with a clear reproduction.",
        "What came out of the <working group> you chaired at <association>?",
        "修复已经上线了，报告在这里。",
    ]
    assert [line for line in bad if not states_an_unbacked_claim(line)] == []
    fine = [
        "The degradation was on us; our report and <fixes shipped so far> are here.",
        "The migration finished on <finish date>, against the <planned date> in <whose plan>.",
        "Thank you for your issue on our SDK repository in <issue month>.",
        "What has the <working group> at <association> agreed on so far?",
        "What have you already tried and ruled out, if anything?",
    ]
    assert [line for line in fine if states_an_unbacked_claim(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_nothing_said_states_a_claim_only_a_placeholder_can_back(bank: Bank) -> None:
    stated = [
        (q.id, line)
        for q in bank.questions
        for line in (q.research, q.text, *q.follow_ups)
        if states_an_unbacked_claim(line)
    ]
    assert stated == []


#: Our own work described as studying traffic or traffic patterns: heard as "we are looking at
#: your traffic". Say what we are building (detection, a feature), never what we watch.
_WATCHING_TRAFFIC = re.compile(
    r"\b(?:study|studying|studies|analy[sz]ing|analy[sz]es|watching|looking at|monitoring"
    r"|observing|examining)\b[^.;?]{0,40}\btraffic\b|\btraffic patterns?\b"
    r"|(?:研究|分析|观察|监控)[^。；？]{0,12}流量",
    re.IGNORECASE,
)


def test_the_watching_traffic_check_catches_the_common_forms() -> None:
    bad = [
        "Our security team is studying bot and cheat traffic patterns on game servers.",
        "We are analysing traffic on your login service.",
        "我们安全团队在研究游戏服务器上的外挂流量。",
    ]
    assert [line for line in bad if not _WATCHING_TRAFFIC.search(line)] == []
    fine = [
        "Our security team is working on bot and cheat detection for game servers.",
        "Our network load balancer added UDP session affinity in <release>.",
        "What does your team put in front of the game servers to balance UDP traffic today?",
    ]
    assert [line for line in fine if _WATCHING_TRAFFIC.search(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_line_sounds_like_watching_their_traffic(bank: Bank) -> None:
    watching = [
        (q.id, line)
        for q in bank.questions
        for line in (q.research, q.text, *q.follow_ups)
        if _WATCHING_TRAFFIC.search(line)
    ]
    assert watching == []


#: Asking the amount above which a purchase goes to committee or a higher approval reads as
#: preparing to split orders under it: ask the approval levels and the meeting rhythm instead.
_THRESHOLD_ASK = re.compile(
    r"\b(?:amount|value|size|sum|spend)\b[^.;?]{0,30}\babove which\b"
    r"|\babove (?:what|which) (?:amount|value|size|sum|figure)\b"
    r"|\bhow (?:large|big|much)\b[^.;?]{0,40}\bbefore\b[^.;?]{0,30}"
    r"\b(?:committee|board|higher approval|approval level)\b"
    r"|\b(?:what|which) (?:amount|value|figure)\b[^.;?]{0,30}\b(?:committee|board)\b"
    r"|多少金额以上|金额[^，。？；]{0,8}(?:以上|超过)[^，。？；]{0,12}(?:上会|委员会|审批)",
    re.IGNORECASE,
)


def test_the_threshold_ask_check_catches_the_common_forms() -> None:
    bad = [
        "What is the amount above which a cloud purchase goes to the committee?",
        "Above what amount does a purchase need the board's approval?",
        "How large can an order be before it goes to the investment committee?",
        "多少金额以上的采购要上会？",
    ]
    assert [line for line in bad if not _THRESHOLD_ASK.search(line)] == []
    fine = [
        "Which approval levels does a new cloud purchase pass through, and how often does the"
        " committee meet?",
        "Who signs off a capacity reservation for a new title: the studio, central IT or finance?",
        "采购委员会多久开一次会？",
    ]
    assert [line for line in fine if _THRESHOLD_ASK.search(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_line_asks_the_amount_that_sends_a_purchase_to_committee(bank: Bank) -> None:
    asked = [
        (q.id, line)
        for q in bank.questions
        for line in (q.text, q.research, q.purpose, *q.follow_ups)
        if _THRESHOLD_ASK.search(line)
    ]
    assert asked == []


#: Engineering questions put to a business leader: headroom, concurrency, throughput, order
#: peaks, tech stacks, latency, failover or recovery steps, what has to sit in-country. Those go
#: to the technical roles; the leader is asked the business side of the same thing.
_ENGINEERING_FOR_A_LEADER = re.compile(
    r"\bheadroom\b|\bconcurren\w*|\bTPS\b|\bper second\b|\brequest rate\b|\border peaks?\b"
    r"|\btech(?:nology)? stacks?\b|\blatency\b|\bround[- ]trip\b|\bmilliseconds\b"
    r"|\bfailover\b|\brecovery (?:steps?|time|target)\b|\bin-country\b"
    r"|\b(?:run|sit|live) (?:inside|within) (?:that|the|this) country\b"
    r"|并发|峰值订单|订单峰值|技术栈|时延|延迟|容灾切换|恢复步骤",
    re.IGNORECASE,
)


def test_the_engineering_for_a_leader_check_catches_the_common_forms() -> None:
    bad = [
        "Which of your sales channels run on separate technology stacks today?",
        "Roughly how many concurrent players is the launch planned for there?",
        "If you run live sessions, what order peak do you prepare for at the biggest?",
        "Did any part of the game have to run inside that country?",
        "直播的时候订单峰值大概多少？",
    ]
    assert [line for line in bad if not _ENGINEERING_FOR_A_LEADER.search(line)] == []
    fine = [
        "Which of your sales channels can't easily share a promotion, stock or customer view"
        " with the others today?",
        "Roughly how many players does the plan expect there in the first month?",
        "Who on your side owns live commerce?",
    ]
    assert [line for line in fine if _ENGINEERING_FOR_A_LEADER.search(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_business_leader_is_asked_an_engineering_question(bank: Bank) -> None:
    asked = [
        (q.id, line)
        for q in bank.questions
        if q.role == Role.BUSINESS
        for line in (q.text, *q.follow_ups)
        if _ENGINEERING_FOR_A_LEADER.search(line)
    ]
    assert asked == []


#: A question or follow-up that reads its research line back: seven words in a row (a
#: placeholder counts as one) said twice in a row sound like reading from the card.
REPEATED_RUN = 7


def _spoken_words(line: str) -> list[str]:
    return re.findall(r"[a-z0-9']+|<>", PLACEHOLDER.sub("<>", line).lower())


def longest_shared_run(first: str, second: str) -> int:
    """The longest run of consecutive words ``first`` and ``second`` share."""
    a, b = _spoken_words(first), _spoken_words(second)
    best = 0
    previous = [0] * (len(b) + 1)
    for word in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def test_the_read_back_check_catches_the_common_forms() -> None:
    research = (
        "Our autoscaling logs for your account show new nodes joining in about <node boot"
        " time> during scale-out."
    )
    read_back = (
        "Our logs show new nodes joining in about <node boot time>. How long until a new node"
        " actually serves traffic on your side?"
    )
    assert longest_shared_run(research, read_back) >= REPEATED_RUN
    asked = "Once a new node has joined, how long until it actually serves traffic on your side?"
    assert longest_shared_run(research, asked) < REPEATED_RUN


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_question_reads_its_research_line_back(bank: Bank) -> None:
    read_back = [
        (q.id, line)
        for q in bank.questions
        for line in (q.text, *q.follow_ups)
        if longest_shared_run(q.research, line) >= REPEATED_RUN
    ]
    assert read_back == []


# --- Chinese banks, review 9 (eleventh pass) ------------------------------------------------
# Checks for what review 9 marked down in the Chinese bank: a research line that gives no
# source ("我们了解到"), the translated "<试点> 之后，推广得怎么样？", a business leader given
# three follow-ups, and the gaming word 开服 outside the gaming bank.

#: "我们了解到 / 听说 / 据了解" says nothing of where the fact came from: said aloud it sounds
#: like gossip or like watching them. The research names its source: their public talk or
#: report, or our own contract, bill or ticket records
_UNSOURCED = re.compile(r"了解到|据了解|听说|据说|得知|打听")


def test_the_unsourced_research_check_catches_the_common_forms() -> None:
    bad = [
        "我们了解到你们在做 <信创迁移系统> 的数据库信创迁移，源库是 <源数据库>。",
        "听说你们运维团队有 <运维人数> 人。",
        "据了解，国内这块是 <国内云资源的采购方> 在买。",
    ]
    assert [text for text in bad if not _UNSOURCED.search(text)] == []
    fine = [
        "你们在 <信创迁移的公开来源> 里提到，<信创迁移系统> 的数据库在做信创迁移。",
        "我们的合同记录里，国内这块签约的是 <国内云资源的采购方>。",
        "从我们的工单记录看，你们工厂现场的问题是 <工厂问题的处理方> 在跟我们对接。",
    ]
    assert [text for text in fine if _UNSOURCED.search(text)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_research_line_leaves_out_its_source(bank: Bank) -> None:
    assert [(q.id, q.research) for q in bank.questions if _UNSOURCED.search(q.research)] == []


#: "<试点> 之后，推广得怎么样？" is a translation of "how did the rollout go after the pilot":
#: in the room one says "<试点> 后来推广得怎么样了？" or "……试完以后，后来推开了吗？"
_TRANSLATED_AFTER = re.compile(r"之后，[^，。？；]{0,10}(?:怎么样|如何)")


def test_the_translated_after_check_catches_the_common_forms() -> None:
    bad = [
        "<展示过的 AI 质检试点> 之后，推广得怎么样？",
        "门店客流分析试点之后，推广得怎么样？",
        "上线之后，效果如何？",
    ]
    assert [text for text in bad if not _TRANSLATED_AFTER.search(text)] == []
    fine = [
        "<展示过的 AI 质检试点> 后来推广得怎么样了？",
        "客流分析那 <试点门店数> 家店试完以后，后来推开了吗？",
        "那次之后，你们有没有加新的防护手段？",
    ]
    assert [text for text in fine if _TRANSLATED_AFTER.search(text)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_line_asks_how_it_went_after_in_translated_form(bank: Bank) -> None:
    assert [(qid, text) for qid, text in _asked(bank) if _TRANSLATED_AFTER.search(text)] == []


#: a business leader gives a few minutes: two follow-ups at most, a third (a quality figure, an
#: owner) goes to the technical side
MAX_BUSINESS_FOLLOW_UPS = 2


def too_many_for_a_leader(bank: Bank) -> list[str]:
    return [
        q.id
        for q in bank.questions
        if q.role == Role.BUSINESS and len(q.follow_ups) > MAX_BUSINESS_FOLLOW_UPS
    ]


def test_the_business_follow_up_count_check_catches_three() -> None:
    bank = _one_bank("zh-CN", "manufacturing")
    leader = next(q for q in bank.questions if q.role == Role.BUSINESS)
    three = leader.model_copy(update={"follow_ups": [*leader.follow_ups[:2], "漏检率有什么变化？"]})
    padded = bank.model_copy(update={"questions": [three]})
    assert too_many_for_a_leader(padded) == [leader.id]
    assert too_many_for_a_leader(bank.model_copy(update={"questions": [leader]})) == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_a_business_leader_gets_two_follow_ups_at_most(bank: Bank) -> None:
    assert too_many_for_a_leader(bank) == []


#: 开服 (a game server opening) is the gaming bank's word; elsewhere a region, a product or a
#: market 上线, and a general-bank purpose that says 开服 reads as copied from the gaming bank
_GAMING_ONLY = re.compile(r"开服|开新服|区服|游戏服")


def test_the_gaming_word_check_catches_the_common_forms() -> None:
    assert _GAMING_ONLY.search("当面不说、也不承诺我们节点的开服日期。")
    assert _GAMING_ONLY.search("你们在 <新市场> 的节点到底什么时候开服？")
    assert not _GAMING_ONLY.search("你们在 <新市场> 的节点到底什么时候上线？")


@pytest.mark.parametrize(
    "bank", [b for b in ZH_BANKS if b.industry != "gaming"], ids=lambda b: b.id
)
def test_no_gaming_word_outside_the_gaming_bank(bank: Bank) -> None:
    lines = [(q.id, q.purpose) for q in bank.questions] + _spoken(bank)
    lines += [(c.id, c.text) for c in bank.customer_questions]
    assert [(qid, text) for qid, text in lines if _GAMING_ONLY.search(text)] == []


# --- Review 9, English bank: a follow-up that repeats the hedge its question already made,
# research heard or seen with no source named, written-only wording in what is said aloud.

#: A question that opens on a condition ("If your team has …, how long …?") has made its hedge;
#: a follow-up that opens on the bare condition again ("If you have, …", "If so, …") repeats
#: it and reads as if the answer were not heard.
_OPENS_ON_A_CONDITION = re.compile(r"^(?:if|when|whether)\b", re.IGNORECASE)
_BARE_CONDITION = re.compile(
    r"^if (?:so|not yet|you (?:have|do|did|are|were|run|use)|your team (?:has|does|did)"
    r"|there (?:is|was|are|were) (?:one|some|any)|it (?:does|did|has|is|was))\s*,",
    re.IGNORECASE,
)


_YES_NO = re.compile(r"^(?:has|have|had|did|do|does|is|are|was|were)\b", re.IGNORECASE)


def repeated_hedges(text: str, follow_ups: list[str]) -> list[str]:
    """The follow-ups that repeat, as a bare "if", the condition ``text`` opens on. A bare
    "if" right after a yes / no follow-up answers that follow-up ("Has that happened?" then
    "If it has, …") and is right."""
    if not _OPENS_ON_A_CONDITION.search(text):
        return []
    return [
        line
        for before, line in zip(["", *follow_ups], follow_ups, strict=False)
        if _BARE_CONDITION.search(line) and not _YES_NO.search(before)
    ]


def test_the_repeated_hedge_check_catches_the_common_forms() -> None:
    question = "If your team runs its own game-server orchestration, what does it do that a"
    question += " managed fleet would have to match?"
    bad = [
        "If you do, which of those capabilities would be hardest to give up?",
        "If so, roughly what did one retraining run cost?",
        "If there was one, where did the title land against it in its first quarter?",
    ]
    assert [line for line in bad if line not in repeated_hedges(question, bad)] == []
    fine = [
        "Which of those capabilities would be hardest to give up?",
        "If it was priced separately, who negotiated that part?",
        "If you haven't, what would your side need before you could?",
    ]
    assert repeated_hedges(question, fine) == []
    # A question that asks "which, if any" has not made the hedge yet: "If some do" is right.
    assert repeated_hedges("Which workloads, if any, run on Arm?", ["If you do, which?"]) == []
    after_a_yes_no = ["Has that happened at <plant>?", "If it has, what did operators do?"]
    assert (
        repeated_hedges("If the link dropped, how long could the line run?", after_a_yes_no) == []
    )


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_follow_up_repeats_the_hedge_of_its_question(bank: Bank) -> None:
    repeated = [
        (q.id, line) for q in bank.questions for line in repeated_hedges(q.text, q.follow_ups)
    ]
    assert repeated == []


#: A research line that says we saw, heard or understand something and names no source: the
#: customer hears "we have been told" (我们了解到 with no source). Name where it was seen.
_HEARSAY_OPENER = re.compile(
    r"^(?:we|i) (?:saw|heard|hear|understand|understood|know|noticed|learned|learnt|gather)\b"
    r"|^(?:we're|i'm) told\b|^我们了解到|^听说|^据了解",
    re.IGNORECASE,
)
_NAMED_SOURCE = re.compile(
    r"\b(?:page|post|posts|report|forum|blog|talk|keynote|ads?|letter|announcement|notes"
    r"|records|video|channel|site|website|changelog|repository|documentation|programme|call"
    r"|interview|article|release|filing|presentation|podcast)\b"
    r"|报告|公告|官网|网站|博客|演讲|招聘|年报|新闻|记录|文档|论坛|公众号",
    re.IGNORECASE,
)


def is_unsourced_hearsay(research: str) -> bool:
    """``research`` opens on something we saw, heard or know and says nowhere where from (a
    placeholder does not count as a source: it names a fact, not where it was found)."""
    bare = PLACEHOLDER.sub("", research)
    return bool(_HEARSAY_OPENER.search(bare.strip())) and not _NAMED_SOURCE.search(bare)


def test_the_unsourced_hearsay_check_catches_the_common_forms() -> None:
    bad = [
        "We saw players in <market> mention evening pings around <ping>.",
        "I saw you are hiring for <platform role you are hiring for>.",
        "We understand your team is moving <workload> off its own data centre.",
        "我们了解到你们在评估 <方案>。",
    ]
    assert [line for line in bad if not is_unsourced_hearsay(line)] == []
    fine = [
        "Players in <market> mention evening pings around <ping> on <where players mention pings>.",
        "I saw on your careers page that you are hiring for <platform role you are hiring for>.",
        "We watched your keynote at <keynote conference> on <keynote topic>.",
        "Our records show your last capacity order with us took <weeks to sign> weeks.",
    ]
    assert [line for line in fine if is_unsourced_hearsay(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_research_line_is_hearsay_without_a_source(bank: Bank) -> None:
    unsourced = [(q.id, q.research) for q in bank.questions if is_unsourced_hearsay(q.research)]
    assert unsourced == []


#: Written-only forms in what the PM says aloud: brackets (read out, they sound like a form),
#: "such a …", "accept in a standard form", "carry part of … as a target", "first in line",
#: "bear on", and the sales-pitch opener "To size the … we build, …".
_WRITTEN_ENGLISH = re.compile(
    r"[()\[\]]|\bsuch (?:a|an)\b|\bthe \w+ such\b|\bin a standard form\b|\bcarr(?:y|ies) part of\b"
    r"|\bfirst in line\b|\bvis-à-vis\b|\bleverag\w*|\butili[sz]\w*|\bgoing forward\b"
    r"|\bprior to\b|\bin order to\b|\bwith regard to\b|^to (?:size|scope|shape|plan) the\b",
    re.IGNORECASE,
)


def sounds_written(line: str) -> bool:
    """``line``, placeholders aside, has a form that reads well and sounds stiff aloud."""
    return bool(_WRITTEN_ENGLISH.search(PLACEHOLDER.sub("", line)))


def test_the_written_english_check_catches_the_common_forms() -> None:
    bad = [
        "Which would your legal team accept in a standard form?",
        "What peak transactions per second (TPS) was the payment platform sized for?",
        "Does procurement carry part of <cost-to-income target> as a savings target?",
        "To size the remote management we build, how many people can change the gateway?",
        "How long was the longest such wait?",
        "What does finance do when such a bill goes over the forecast?",
        "Which workload, if any, is first in line for public cloud?",
    ]
    assert [line for line in bad if not sounds_written(line)] == []
    fine = [
        "Which of them could your legal team accept if they were in our standard terms from"
        " the start?",
        "What peak transactions per second was the payment platform sized for this year?",
        "How does <cost-to-income target (group)> show up in procurement's own targets?",
        "For our remote-management work, how many people at each plant can change it?",
    ]
    assert [line for line in fine if sounds_written(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_nothing_said_aloud_sounds_written(bank: Bank) -> None:
    written = [
        (q.id, line)
        for q in bank.questions
        for line in (q.text, *q.follow_ups)
        if sounds_written(line)
    ]
    assert written == []


# --- Review 10, English bank: research that names the customer in the third person to their
# face ("<customer>'s annual report …"), or lectures them on their own industry ("Banks
# usually …", "Many retailers …").

#: Research is said to the customer: "you" / "your", never the <customer> placeholder.
_THIRD_PERSON_CUSTOMER = re.compile(r"<customer>")
#: A research line that tells the customer what their industry does.
_INDUSTRY_LECTURE = re.compile(
    r"\b(?:banks|insurers|retailers|manufacturers|studios|publishers|companies|firms|plants)"
    r" (?:usually|typically|generally|normally|often|tend to)\b"
    r"|^(?:many|most) (?:banks|insurers|retailers|manufacturers|studios|publishers|companies"
    r"|firms)\b",
    re.IGNORECASE,
)


def speaks_past_the_customer(research: str) -> bool:
    """``research`` names the customer in the third person or lectures them on their industry."""
    return bool(_THIRD_PERSON_CUSTOMER.search(research) or _INDUSTRY_LECTURE.search(research))


def test_the_third_person_and_lecture_check_catches_the_common_forms() -> None:
    bad = [
        "<customer>'s annual report places engineering under <executive>.",
        "<customer> announced a launch in <new market>.",
        "Our bills for <customer> go to group IT.",
        "Banks usually send production changes through a change advisory board.",
        "Many retailers freeze changes for weeks before peak; your notice froze <freeze start>.",
    ]
    assert [line for line in bad if not speaks_past_the_customer(line)] == []
    fine = [
        "Your annual report places engineering under <executive>.",
        "You announced a launch in <new market>.",
        "Our joint release calendar shows the change board for <payment service> meets weekly.",
        "Some companies now buy cloud services through third-party marketplaces such as <m>.",
    ]
    assert [line for line in fine if speaks_past_the_customer(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_research_line_talks_about_the_customer_to_their_face(bank: Bank) -> None:
    past = [(q.id, q.research) for q in bank.questions if speaks_past_the_customer(q.research)]
    assert past == []


# --- Chinese banks, review 10 (twelfth pass) ------------------------------------------------
# Checks for what review 10 (and review 9) marked down in the Chinese bank: a question asking a
# listed company for plans it has not announced (the next markets or plants, a roll-out
# schedule, a launch date, when it buys traffic), a research line that builds into the template
# what our own team did after their talk, a research line that reads the customer their own
# rules, and a pricing idea put to procurement without saying it is not a quote.

#: the next markets, next plants, a roll-out schedule or a launch date not yet announced, and
#: when they buy traffic: for a listed company these can be market-sensitive, and a buyer may
#: not say them; ask what the plan needs once it is public, or what they look at
_UNANNOUNCED_PLAN = re.compile(
    r"(?:下一个|接下来|下一批|明年)[^，。？；]{0,6}(?:市场|工厂|国家|城市|门店)"
    r"|(?:哪几个|哪些|哪个)(?:市场|工厂|国家)[^，。？；]{0,4}(?:先|做起|押|进)"
    r"|(?:押|做起)[^，。？；]{0,3}(?:在|从)?(?:哪几个|哪些|哪个)(?:市场|工厂|国家)"
    r"|上线节奏|开服节奏|投产节奏"
    r"|(?:开服|上线|投产|开仓|发布)[，,]?\s*(?:的)?(?:时间|日期)[^。？]{0,6}(?:什么时候|哪天|几月|定在)"
    r"|买量"
)


def asks_an_unannounced_plan(line: str) -> bool:
    return bool(_UNANNOUNCED_PLAN.search(PLACEHOLDER.sub("<>", line)))


def test_the_unannounced_plan_check_catches_the_common_forms() -> None:
    bad = [
        "海外收入要再往上走，方便说的话，接下来主要押在哪几个市场？",
        "今年智能工厂改造，集团打算先从哪几个工厂做起？",
        "<游戏> 海外几个市场的上线节奏是怎么排的？",
        "<游戏> 在 <下一个开服市场> 开服，时间大概定在什么时候？",
        "首月里哪几天是买量最集中的？",
        "明年打算进哪个市场？",
    ]
    assert [line for line in bad if not asks_an_unannounced_plan(line)] == []
    fine = [
        "<游戏> 在 <下一个开服市场> 的版本，开服日期定下来以后，当地的资源一般要提前多久准备好？",
        "<新市场> 上线的计划里，最晚什么时候要把云资源准备好？",
        "今年智能工厂改造，集团最想先看到的是哪方面的效果？",
        "已经上线的市场里，哪个最让您操心？",
        "接下来还有哪些业务计划迁上去？",
    ]
    assert [line for line in fine if asks_an_unannounced_plan(line)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_question_asks_for_an_unannounced_plan(bank: Bank) -> None:
    lines = _question_lines(bank)
    assert [(qid, text) for qid, text in lines if asks_an_unannounced_plan(text)] == []


#: "几位同事听了您的分享，回来还在内部分享了一次 / 讨论了好几次 / 专门做了笔记" builds into
#: the template something our team did, which is true of one account at most: the research
#: says that a colleague heard the talk, and the PM adds the rest only if it happened
_OUR_TEAM_CLAIM = re.compile(
    r"回来(?:还|又|专门)?(?:在内部|内部|讨论|分享|做了|研究)|专门(?:研究过|做了笔记|做过笔记)"
    r"|几位同事"
)


def test_the_our_team_claim_check_catches_the_common_forms() -> None:
    bad = [
        "我们团队几位同事听了您在 <出海分享大会> 上讲的出海基础设施经验，回来还在内部分享了一次。",
        "我们的 FinOps 同事听了您在 <成本分摊分享论坛> 上关于云成本分摊的分享，回来专门做了笔记。",
        "我们团队看过你们在 <压测分享论坛> 上关于 <压测主题> 的分享，做压测的同事专门研究过。",
    ]
    assert [line for line in bad if not _OUR_TEAM_CLAIM.search(line)] == []
    fine = [
        "我们团队有同事听了您在 <出海分享大会> 上讲的出海基础设施经验。",
        "我们团队有同事看过你们在 <压测分享论坛> 上关于 <开服压测分享主题> 的分享。",
    ]
    assert [line for line in fine if _OUR_TEAM_CLAIM.search(line)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_research_line_builds_in_what_our_team_did(bank: Bank) -> None:
    assert [(q.id, q.research) for q in bank.questions if _OUR_TEAM_CLAIM.search(q.research)] == []


#: reading a bank its own regulator's rules, or a buyer how sole-source purchases go, lectures
#: them on their own work: the research says what we did or hold, and the rule stays homework
_RULE_LECTURE = re.compile(
    r"(?:网络安全法|数据安全法|个人信息保护法|监管总局|监管部门|监管机构|法律|法规)"
    r"[^，；。]{0,12}(?:要求|规定)"
    r"|有专门的|(?:以上|以下)的系统(?:要|必须|需要)做"
    r"|^<行业> 的"
)


def test_the_rule_lecture_check_catches_the_common_forms() -> None:
    bad = [
        "网络安全法要求网络日志至少留存六个月；我们的操作审计默认只保留 <审计保留天数> 天。",
        "金融监管总局对信息科技外包有专门的风险管理要求；<外包尽调时间> 我们配合做过尽调。",
        "单一来源采购一般有专门的论证和公示要求，论证由你们来做；<扩容项目> 我们配合出过原厂说明。",
        "关键信息基础设施和等保三级以上的系统要做商用密码应用安全性评估；我们有 <资质>。",
        "<行业> 的信创替换目前推进到 <行业信创推进阶段>；你们 <来源> 里提到了 <信创云平台>。",
    ]
    assert [line for line in bad if not _RULE_LECTURE.search(line)] == []
    fine = [
        "我们的操作审计默认保留 <审计保留天数> 天，想对一下你们的要求。",
        "<外包尽调时间> 我们配合你们做过一次外包尽调。",
        "<扩容项目> 我们配合出过原厂说明；单一来源的论证是你们来做，我们只按要求出材料。",
        "你们 <信创规划的公开来源> 里提到了 <信创云平台> 的建设。",
    ]
    assert [line for line in fine if _RULE_LECTURE.search(line)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_research_line_reads_the_customer_their_own_rules(bank: Bank) -> None:
    assert [(q.id, q.research) for q in bank.questions if _RULE_LECTURE.search(q.research)] == []


#: a pricing or contract idea put to procurement is heard as an offer: the research says in
#: words that it is not a quote (a placeholder such as <方案进度> can be filled with something
#: that sounds like one)
_NOT_A_QUOTE = re.compile(r"不是报价|不是正式方案|还没有价格|也没有价格")


def idea_heard_as_an_offer(bank: Bank) -> list[str]:
    return [
        q.id
        for q in bank.questions
        if q.role == Role.PROCUREMENT
        and q.goal == Goal.DIRECTION_FEEDBACK
        and not _NOT_A_QUOTE.search(q.research)
    ]


def test_the_not_a_quote_check_catches_a_bare_idea() -> None:
    bank = _one_bank("zh-CN", "gaming")
    idea = next(
        q
        for q in bank.questions
        if q.role == Role.PROCUREMENT and q.goal == Goal.DIRECTION_FEEDBACK
    )
    bare = idea.model_copy(
        update={"research": "我们在研究一种开服后逐月缩量的预留方式，目前 <方案进度>。"}
    )
    assert idea_heard_as_an_offer(bank.model_copy(update={"questions": [bare]})) == [idea.id]
    assert idea_heard_as_an_offer(bank.model_copy(update={"questions": [idea]})) == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_a_pricing_idea_put_to_procurement_says_it_is_not_a_quote(bank: Bank) -> None:
    assert idea_heard_as_an_offer(bank) == []


# --- Review 11 (English): forward-looking asks, and engineering timing for a leader ---------

#: What a listed company cannot say in a visit, or a line that presumes what it announced: which
#: number is "hardest to move this year", how many players or orders the plan expects in its
#: first month, what is "planned to move", an internal forecast, "the markets you have
#: announced" said with no placeholder behind it. Ask what is public, or what happened.
_FORWARD_LOOKING = re.compile(
    r"\bhardest to (?:move|hit|reach|meet|hold)\b[^?]*\bthis year\b"
    r"|\bhow many\b[^?]*\b(?:expect|forecast|project)\w*\b[^?]*"
    r"\bfirst (?:day|week|month|quarter|year)\b"
    r"|\b(?:first|opening)[- ](?:month|quarter|year) (?:volumes?|numbers|sales|revenue)\b"
    r"|\bplanned to (?:move|launch|open|go|migrate)\b"
    r"|\binternal (?:forecast|projection|outlook)s?\b"
    r"|\b(?:markets?|plants?|regions?|titles?|launches|stores?) you (?:have |'ve )?announced\b",
    re.IGNORECASE,
)


def asks_forward_looking(line: str) -> bool:
    return bool(_FORWARD_LOOKING.search(PLACEHOLDER.sub("<>", line)))


def test_the_forward_looking_check_catches_the_common_forms() -> None:
    bad = [
        "Which of those is hardest to move this year?",
        "Roughly how many players does the plan expect there in the first month?",
        "Is any other part planned to move?",
        "Which of the markets you have announced comes first?",
        "What does your internal forecast say for the peak?",
    ]
    assert [line for line in bad if not asks_forward_looking(line)] == []
    fine = [
        "Of <metrics the earnings call led with>, which does your technology spend move most"
        " directly?",
        "If it does, which of them was hardest to hold last quarter?",
        "What has kept the rest where it is?",
        "Who owns that launch on your side?",
        "When does the next plant join the programme?",
    ]
    assert [line for line in fine if asks_forward_looking(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_line_asks_for_a_forecast_or_presumes_an_announcement(bank: Bank) -> None:
    lines = _question_lines(bank)
    assert [(qid, text) for qid, text in lines if asks_forward_looking(text)] == []


#: A business leader does not think "within a second" or choose between cloud and in-house
#: for one system: ask what has to happen while the customer is still there, and leave timing
#: in seconds and placement to the technical roles.
_TIMING_OR_PLACEMENT_FOR_A_LEADER = re.compile(
    r"\bwithin (?:a|one|\d+|a few) (?:milli)?seconds?\b|\bsub-second\b"
    r"|\b(?:in the cloud|on (?:public )?cloud|cloud) or (?:in-house|on[- ]prem\w*"
    r"|in your own data cent(?:re|er)s?)\b",
    re.IGNORECASE,
)


def engineering_timing_for_a_leader(bank: Bank) -> list[tuple[str, str]]:
    return [
        (q.id, line)
        for q in bank.questions
        if q.role == Role.BUSINESS
        for line in (q.text, *q.follow_ups)
        if _TIMING_OR_PLACEMENT_FOR_A_LEADER.search(line)
    ]


def test_the_timing_for_a_leader_check_catches_the_common_forms() -> None:
    bank = _one_bank("en", "general")
    leader = next(q for q in bank.questions if q.id == "en-gen-biz-10")
    for text in (
        "Which decisions in your business, if any, have to be made within a second of the data"
        " arriving?",
        "Does the scoring run in the cloud or in-house today?",
    ):
        bad = leader.model_copy(update={"text": text})
        found = engineering_timing_for_a_leader(bank.model_copy(update={"questions": [bad]}))
        assert found == [(leader.id, text)]
    assert engineering_timing_for_a_leader(bank.model_copy(update={"questions": [leader]})) == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_business_leader_is_asked_timing_in_seconds_or_placement(bank: Bank) -> None:
    assert engineering_timing_for_a_leader(bank) == []


# --- Chinese banks, review 11 (thirteenth pass) ---------------------------------------------
# Checks for what review 11 marked down in the Chinese bank: a forecast asked of a listed
# company (first-year users or volumes, the metric hardest to move this year), a threshold asked
# as if they had defined one ("上限是多少毫秒"), a time of day stated outside a placeholder
# ("大促零点", "前一天晚上"), and a business leader asked where a system runs.

#: an internal forecast (first-year or first-month users, volumes, players; "你们预期 … 量级")
#: or which target is hardest to reach this year: forward-looking, possibly market-sensitive
#: for a listed company, and many leaders decline; ask the scope, the phasing, the reference
_FORECAST_ASK = re.compile(
    r"(?:预期|预计|预测)[^，。？；]{0,10}(?:量级|多少|规模)"
    r"|(?:第一年|头一年|首年|首月|头几个月)[^，。？；]{0,12}(?:用户|业务量|玩家|在线|销量|收入|订单)"
    r"[^，。？；]{0,12}(?:多少|量级|规模)"
    r"|最难(?:压|降|完成|达成|做到)"
    r"|今年(?:计划|打算)[^，。？；]{0,6}完成(?:几成|多少)"
)


def asks_a_forecast(line: str) -> bool:
    return bool(_FORECAST_ASK.search(PLACEHOLDER.sub("<>", line)))


def test_the_forecast_check_catches_the_common_forms() -> None:
    bad = [
        "<新市场> 第一年的用户或业务量，你们预期大概到什么量级？",
        "<游戏> 在 <上线市场> 上线，首月同时在线的玩家，你们预期大概在什么量级？",
        "这个指标最难压下来的是哪一块？",
        "今年计划大概完成几成？",
    ]
    assert [line for line in bad if not asks_a_forecast(line)] == []
    fine = [
        "<新市场> 头一年打算先铺到什么范围？",
        "<游戏> 在 <上线市场> 上线，首月的玩家量，你们一般拿哪款之前的产品做参照？",
        "目前试玩的效果，跟你们预期比怎么样？",
        "已经切过去的大概占几成？",
    ]
    assert [line for line in fine if asks_a_forecast(line)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_question_asks_for_an_internal_forecast(bank: Bank) -> None:
    lines = _question_lines(bank)
    assert [(qid, text) for qid, text in lines if asks_a_forecast(text)] == []


#: "上限 / 要求 / 指标是多少" takes for granted that they defined one; ask what hurts ("到多少
#: 就明显觉得卡"), or whether first ("如果有要求", "有没有定", "不管调没调")
_THRESHOLD_VALUE = re.compile(r"(?:上限|下限|指标|目标|要求)[^，。？；]{0,3}(?:是|定在|定的是)多少")
_THRESHOLD_HEDGE = re.compile(r"如果|有没有|要是|不管")


def presumes_a_threshold(line: str) -> bool:
    return bool(_THRESHOLD_VALUE.search(line)) and not _THRESHOLD_HEDGE.search(line)


def test_the_threshold_presumption_check_catches_the_common_forms() -> None:
    bad = [
        "主机热迁移时，你们的业务能容忍的 hang 住时间上限是多少毫秒？",
        "跨区对战的时候，RTT 你们卡的上限是多少毫秒？",
        "晚高峰时，你们核心接口的 P99 延迟要求是多少毫秒？",
        "履约时效里技术这一段，就是从下单到发出出库指令，今年定的指标是多少？",
        "对战 UDP 包在晚高峰的丢包率，你们能接受的上限是多少？",
    ]
    assert [line for line in bad if not presumes_a_threshold(line)] == []
    fine = [
        "热迁移时卡顿多长时间，你们就会当成故障处理？",
        "晚高峰时，你们核心接口的 P99 延迟如果有要求，定的是多少毫秒？",
        "不管调没调，现在的恢复时间目标定的是多少？",
        "跨区对战的时候，RTT 到多少毫秒，玩家就明显觉得卡？",
    ]
    assert [line for line in fine if presumes_a_threshold(line)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_line_asks_a_threshold_as_if_they_had_defined_one(bank: Bank) -> None:
    lines = _question_lines(bank)
    assert [(qid, text) for qid, text in lines if presumes_a_threshold(text)] == []


#: a time of day written into the template ("大促零点", "去年大促前一天晚上", "值班那晚") is
#: wrong for an account whose sale starts at eight or whose build ran in the afternoon: the time
#: goes in a placeholder the PM fills from the record, or the line says "开始前", "期间"
_STATED_TIME_OF_DAY = re.compile(r"零点|前一天晚上|前一晚|当晚|那晚|当天晚上|那天晚上")


def states_a_time_of_day(line: str) -> bool:
    return bool(_STATED_TIME_OF_DAY.search(PLACEHOLDER.sub("<>", line)))


def test_the_time_of_day_check_catches_the_common_forms() -> None:
    bad = [
        "去年大促前一天晚上，你们在我们这里集中创建了 <实例数> 台实例。",
        "大促零点前，你们需要提前多少小时把扩容的机器准备好？",
        "去年大促值班那晚，响得最多的是哪一条告警？",
        "我们这边记录到大促当晚你们的 <缓存> 实例有 <连接数告警次数> 次连接数告警。",
    ]
    assert [line for line in bad if not states_a_time_of_day(line)] == []
    fine = [
        "<大促前集中创建实例的时间> 你们在我们这里集中创建了 <实例数> 台实例。",
        "大促开始前，你们需要提前多少小时把扩容的机器准备好？",
        "去年 <大促峰值时刻>，我们看到你们在我们这里的网关请求量是平时的 <大促峰值倍数>。",
        "<零点前后的请求量> 是平时的几倍？",
    ]
    assert [line for line in fine if states_a_time_of_day(line)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_line_states_a_time_of_day_outside_a_placeholder(bank: Bank) -> None:
    lines = [(q.id, text) for q in bank.questions for text in (q.text, q.research, *q.follow_ups)]
    assert [(qid, text) for qid, text in lines if states_a_time_of_day(text)] == []


#: where a system runs (on the cloud or in their own rooms), latency, QPS: the technical side's
#: call; a business leader is asked what the business needs before it goes to production. The
#: principle of which business may go to an industry cloud stays with the leader (reviews 5, 6
#: and 8 kept zh-fin-biz-06 as written).
_PLACEMENT_FOR_A_LEADER = re.compile(
    r"(?:云上|上云)还是(?:行内|自建|本地|机房|线下)|放在云上还是|部署在哪"
    r"|毫秒|QPS|TPS|并发|峰值订单|订单峰值|技术栈|时延|延迟|容灾切换|恢复步骤"
)


def engineering_asked_of_a_leader(bank: Bank) -> list[tuple[str, str]]:
    return [
        (q.id, line)
        for q in bank.questions
        if q.role == Role.BUSINESS
        for line in (q.text, *q.follow_ups)
        if _PLACEMENT_FOR_A_LEADER.search(PLACEHOLDER.sub("<>", line))
    ]


def test_the_leader_placement_check_catches_the_common_forms() -> None:
    bank = _one_bank("zh-CN", "finance")
    leader = next(q for q in bank.questions if q.role == Role.BUSINESS)
    for line in (
        "<大模型试点场景> 的试点，推理放在云上还是行内，你们主要看哪几条？",
        "直播的时候订单峰值大概多少？",
        "新市场的网络时延要控制在多少毫秒以内？",
    ):
        asked = leader.model_copy(update={"text": line})
        only = bank.model_copy(update={"questions": [asked]})
        assert engineering_asked_of_a_leader(only) == [(leader.id, line)]
    fine = [
        "<大模型试点场景> 试点要做到什么程度，业务上才愿意推到生产？",
        "业务放在行业云、公有云还是自建，你们大的原则是怎么定的？",
    ]
    for line in fine:
        asked = leader.model_copy(update={"text": line, "follow_ups": []})
        only = bank.model_copy(update={"questions": [asked]})
        assert engineering_asked_of_a_leader(only) == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_chinese_business_leader_is_asked_where_a_system_runs(bank: Bank) -> None:
    assert engineering_asked_of_a_leader(bank) == []


# --- Review 12 (English): a question that says its research line again, and money held -------
#: The research line is said aloud just before the question, so a question that opens on a
#: statement made of the research line's own words says it twice ("Our preview <preview>
#: targets <problem>. Which of your workloads …?" after "Our preview programme invited you to
#: <preview>, which targets <problem>."). An apology is exempt: it has to name what it is for.
#: Said aloud, a count of the customer's payments held, overdue or unpaid sounds like collections
#: in front of procurement; such figures stay in the purpose, never in the research line.

#: Words too common to show that a line repeats another.
_STOPWORD_TEXT = (
    "the a an of to in on at for and or our your you we is was were are be been that this those"
    " these with from by it its as has have had which what who how when there their they them"
    " than then also any if not no"
)
_RESEARCH_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_APOLOGY = re.compile(r"\bsorry\b|\bapologi[sz]e", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!])\s+")
#: This share or more of a lead statement's words (placeholders count as one word each) comes
#: from the research line.
REPEATED_RESEARCH_SHARE = 0.5
_MONEY_HELD = re.compile(
    r"\b(?:payments?|invoices?|bills?)\b[^.;]{0,40}\b(?:held|withheld|on hold|overdue|unpaid"
    r"|outstanding|late)\b|\b(?:overdue|unpaid|outstanding|late) (?:payments?|invoices?|bills?)\b"
    r"|\bin arrears\b|\bpayment holds?\b",
    re.IGNORECASE,
)


def _content_words(line: str) -> list[str]:
    words = [match.group(0).lower() for match in PLACEHOLDER.finditer(line)]
    words += [
        word
        for word in re.findall(r"[a-z']+", PLACEHOLDER.sub(" ", line).lower())
        if len(word) > 2 and word not in _RESEARCH_STOPWORDS
    ]
    return words


def repeats_its_research(text: str, research: str) -> bool:
    """``text`` opens on a statement (every sentence before the last) built mostly from the
    words of ``research``, so the research is said twice; an apology is not counted."""
    sentences = _SENTENCE_END.split(text.strip())
    lead = " ".join(sentences[:-1])
    if not lead or _APOLOGY.search(lead):
        return False
    words = _content_words(lead)
    said = set(_content_words(research))
    return sum(word in said for word in words) >= REPEATED_RESEARCH_SHARE * len(words)


def says_money_held(research: str) -> bool:
    """``research``, placeholders aside, speaks of the customer's payments held or overdue."""
    return bool(_MONEY_HELD.search(PLACEHOLDER.sub("<>", research)))


def test_the_repeated_research_check_catches_the_common_forms() -> None:
    bad = [
        (
            "Our preview <preview we invited you to> targets <problem the preview solves>. "
            "Which of your workloads, if any, run into that?",
            "Our preview programme invited your account to <preview we invited you to>, which "
            "targets <problem the preview solves>.",
        ),
        (
            "Your report put the <stoppage quarter> stoppage at <plant> down to <stoppage cause>. "
            "What slowed the return to full output most?",
            "Your report mentions the <plant> stoppage in <stoppage quarter> and puts it down to "
            "<stoppage cause>.",
        ),
    ]
    assert [text for text, research in bad if not repeats_its_research(text, research)] == []
    fine = [
        ("Which of your workloads, if any, run into that problem today?", bad[0][1]),
        (
            "I am sorry for the checkout slowdown on <slowdown date>, which was on our side. "
            "What did it hold up for you that day?",
            "Our published root-cause report for <slowdown date> puts the checkout slowdown on "
            "our side.",
        ),
        ("Our team has a question. How do you deploy?", "Your blog describes <pipelines>."),
    ]
    assert [text for text, research in fine if repeats_its_research(text, research)] == []


def test_the_money_held_check_catches_the_common_forms() -> None:
    bad = [
        "This year <payment holds> payments on your account were held while <reason>.",
        "Two invoices are still overdue.",
        "Your account has <count> unpaid bills.",
        "Our records show <payment holds> payment holds this year.",
    ]
    assert [line for line in bad if not says_money_held(line)] == []
    fine = [
        "Checking our bill has meant back-and-forth between our teams this year.",
        "Our external key management with keys held in your own hardware security modules is GA.",
        "Your invoices from us break cost down by <how our invoices break cost down>.",
    ]
    assert [line for line in fine if says_money_held(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_question_says_its_research_line_again(bank: Bank) -> None:
    repeated = [(q.id, q.text) for q in bank.questions if repeats_its_research(q.text, q.research)]
    assert repeated == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_research_line_speaks_of_payments_held(bank: Bank) -> None:
    assert [(q.id, q.research) for q in bank.questions if says_money_held(q.research)] == []


# --- Chinese banks, review 12 (fourteenth pass) ---------------------------------------------
# Checks for what review 12 marked down in the Chinese bank: procurement asked how they score or
# weight tenders (a compliance bind even with no tender open), a decision maker asked how many of
# the team can handle an outage on their own (it sounds like testing the team), a bare "平台上"
# that does not say whose platform, and a budget trend filed under any goal but business_goals;
# and, from the pass over the whole bank, a research line that dates a one-off event "上个月".

#: how tenders are scored or weighted: procurement cannot discuss it freely; ask what they can
#: share (what most often needs clarifying in bids). The annual supplier review's "打分" is not a
#: tender and stays allowed.
_TENDER_SCORING = re.compile(r"评分|权重|分值|价格分|技术分|评标")


def procurement_asked_tender_scoring(bank: Bank) -> list[tuple[str, str]]:
    return [
        (q.id, line)
        for q in bank.questions
        if q.role == Role.PROCUREMENT
        for line in (q.text, *q.follow_ups)
        if _TENDER_SCORING.search(PLACEHOLDER.sub("<>", line))
    ]


def test_the_tender_scoring_check_catches_the_common_forms() -> None:
    bank = _one_bank("zh-CN", "general")
    buyer = next(q for q in bank.questions if q.role == Role.PROCUREMENT)
    for line in (
        "你们公开的评分办法里，技术分主要看哪几个方面？",
        "价格分和技术分的比例，一般按什么原则定？",
        "这几项的权重大概怎么分？",
    ):
        asked = buyer.model_copy(update={"text": line, "follow_ups": []})
        only = bank.model_copy(update={"questions": [asked]})
        assert procurement_asked_tender_scoring(only) == [(buyer.id, line)]
    for line in (
        "从你们的角度看，厂商的投标材料里最常写得不清楚、让你们来回澄清的是哪部分？",
        "最近一次供应商年度评价里，云服务商是按哪几项打分的？",
    ):
        asked = buyer.model_copy(update={"text": line, "follow_ups": []})
        only = bank.model_copy(update={"questions": [asked]})
        assert procurement_asked_tender_scoring(only) == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_procurement_line_asks_how_tenders_are_scored(bank: Bank) -> None:
    assert procurement_asked_tender_scoring(bank) == []


#: "有几位能独立处理 P0" asked of a decision maker sounds like testing their team; ask who
#: steps in ("一般是哪几位骨干顶上", "一般是谁先上手处理")
_TESTS_THE_TEAM = re.compile(r"几(?:位|个人?|名)能独立|能独立(?:处理|搞定|扛|解决)")


def team_tested_before_a_decision_maker(bank: Bank) -> list[tuple[str, str]]:
    return [
        (q.id, line)
        for q in bank.questions
        if q.role in (Role.BUSINESS, Role.TECH_DECISION)
        for line in (q.text, *q.follow_ups)
        if _TESTS_THE_TEAM.search(line)
    ]


def test_the_testing_the_team_check_catches_the_common_forms() -> None:
    bank = _one_bank("zh-CN", "general")
    lead = next(q for q in bank.questions if q.role == Role.TECH_DECISION)
    for line in (
        "你们运维团队里，能独立处理 P0 故障的工程师有几位？",
        "你们每个工厂现场，有几位能独立处理服务器故障的 IT 人员？",
    ):
        asked = lead.model_copy(update={"text": line, "follow_ups": []})
        only = bank.model_copy(update={"questions": [asked]})
        assert team_tested_before_a_decision_maker(only) == [(lead.id, line)]
    for line in ("遇到 P0 故障，团队里一般是哪几位骨干顶上？", "新人一般多久能独立值班？"):
        asked = lead.model_copy(update={"text": line, "follow_ups": []})
        only = bank.model_copy(update={"questions": [asked]})
        assert team_tested_before_a_decision_maker(only) == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_decision_maker_is_asked_who_can_handle_an_outage_alone(bank: Bank) -> None:
    assert team_tested_before_a_decision_maker(bank) == []


#: a bare "平台上" at the start of a clause: ours or theirs? Say whose ("我们控制台上",
#: "你们的 … 平台上", "哪些平台上")
_BARE_PLATFORM = re.compile(r"(?:^|[，。？；、：]|在)平台上")


def test_the_bare_platform_check_catches_the_common_forms() -> None:
    bad = ["平台上有哪些操作，你们现在每周是手工做的？", "这些数据，在平台上能查到吗？"]
    assert [line for line in bad if not _BARE_PLATFORM.search(line)] == []
    fine = [
        "我们控制台上有哪些操作，你们现在每周还得手工点？",
        "你们现在接入的设备，都接在哪些平台上？",
        "我们的物联网平台上接入了你们 <接入我们平台的车载终端数> 台车载终端。",
        "我们在招聘平台上看到你们今年新开了一批岗位。",
    ]
    assert [line for line in fine if _BARE_PLATFORM.search(line)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_spoken_line_leaves_whose_platform_unsaid(bank: Bank) -> None:
    assert [(qid, line) for qid, line in _spoken(bank) if _BARE_PLATFORM.search(line)] == []


#: whether spend goes up or down is a budget trend: business_goals (review 12), whoever is asked
_BUDGET_TREND = re.compile(r"增还是减|是增是减|增是减|压降、持平|持平还是")


def budget_trend_mislabelled(bank: Bank) -> list[str]:
    return [
        q.id
        for q in bank.questions
        if _BUDGET_TREND.search(q.text) and q.goal != Goal.BUSINESS_GOALS
    ]


def test_the_budget_trend_label_check_catches_a_share_label() -> None:
    bank = _one_bank("zh-CN", "finance")
    asked = next(q for q in bank.questions if q.role == Role.PROCUREMENT)
    trend = asked.model_copy(
        update={
            "text": "今年科技投入里，云和基础设施这块比去年是增是减？",
            "goal": Goal.USAGE_VENDORS,
        }
    )
    assert budget_trend_mislabelled(bank.model_copy(update={"questions": [trend]})) == [asked.id]
    relabelled = trend.model_copy(update={"goal": Goal.BUSINESS_GOALS})
    assert budget_trend_mislabelled(bank.model_copy(update={"questions": [relabelled]})) == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_a_budget_trend_question_is_filed_under_business_goals(bank: Bank) -> None:
    assert budget_trend_mislabelled(bank) == []


#: "上个月你们开通了 …" in a research line: the bank is written once and used for months, so a
#: relative date stated outside a placeholder goes stale and presumes the event fell in that
#: window; the date of a one-off account event goes in a placeholder ("<测试实例开通月份>")
_STALE_DATE = re.compile(r"上个?月|上周|上礼拜|前几天|前天|昨天")


def test_the_stale_date_check_catches_the_common_forms() -> None:
    bad = [
        "上个月你们开通了 <实例数> 台 <国产芯片> 测试实例，跑了 <测试时长>。",
        "你们前几天提的工单里说到 <问题>。",
        "上周我们的 <产品> 有一次变更。",
    ]
    assert [line for line in bad if not _STALE_DATE.search(PLACEHOLDER.sub("<>", line))] == []
    fine = [
        "<测试实例开通月份> 你们开通了 <实例数> 台 <国产芯片> 测试实例，跑了 <测试时长>。",
        "<上个月的工单数> 张工单里，有 <> 张是关于账单的。",
    ]
    assert [line for line in fine if _STALE_DATE.search(PLACEHOLDER.sub("<>", line))] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_research_line_dates_an_account_event_relative_to_today(bank: Bank) -> None:
    stale = [
        (q.id, q.research)
        for q in bank.questions
        if _STALE_DATE.search(PLACEHOLDER.sub("<>", q.research))
    ]
    assert stale == []


# --- Review 13 (English): growth over last year -----------------------------------------------
#: Asked of a (possibly listed) company, how much bigger this year's peak, traffic or business is
#: than last year is a forward sales indicator a careful leader declines ("how many more visitors
#: than last year", "headroom over last year's peak", "year on year"). Ask for a multiple of a
#: normal day, or for what happened; a comparison that is not a size ("how would the approval
#: differ from last year") is fine.
_GROWTH_OVER_LAST_YEAR = re.compile(
    r"\b(?:more|bigger|larger|higher|grow\w*|growth|increase\w*|headroom|becom\w*)\b[^?.]*"
    r"\b(?:than|over|compared (?:with|to)|against|on|from) last year\b"
    r"|\byear[- ](?:on|over)[- ]year\b",
    re.IGNORECASE,
)


def asks_growth_over_last_year(line: str) -> bool:
    return bool(_GROWTH_OVER_LAST_YEAR.search(PLACEHOLDER.sub("<>", line)))


def test_the_english_growth_over_last_year_check_catches_the_common_forms() -> None:
    bad = [
        "Roughly how many more visitors do you plan for on <biggest sales day> than last year?",
        "How much headroom over last year's peak is the checkout being tested to?",
        "How large a part of the business is live commerce becoming, compared with last year?",
        "What visitor growth year on year do you plan the systems for?",
        "How much bigger is this year's launch plan from last year?",
    ]
    assert [line for line in bad if not asks_growth_over_last_year(line)] == []
    fine = [
        "On <biggest sales day>, roughly what multiple of a normal day's visitors do you plan for?",
        "If peak capacity could be bought as a package, how would the approval differ from last"
        " year?",
        "Roughly how many orders per minute did the checkout handle at last year's peak?",
        "Which workloads, if any, did your team place outside our cloud in the last year?",
        "Where did cloud spend grow most last year?",
    ]
    assert [line for line in fine if asks_growth_over_last_year(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_line_asks_growth_over_last_year(bank: Bank) -> None:
    lines = _question_lines(bank)
    assert [(qid, text) for qid, text in lines if asks_growth_over_last_year(text)] == []


# --- Chinese banks, review 13 (fifteenth pass) ---------------------------------------------
# Checks for what review 13 and the pass over the whole bank found: a peak asked as growth over
# last year (forward-looking for a listed company; ask the ratio to a normal day), procurement
# asked which way the technology budget goes (not theirs to say; ask how purchases are
# scheduled), and a research line that dates a one-off event "上个季度".

#: "按比去年高多少来准备", "按去年峰值的几倍准备": growth over last year is a forecast
_ZH_GROWTH_OVER_LAST_YEAR = re.compile(
    r"比(?:去年|上一年)[^，。？；]{0,4}(?:高|多|增长|涨)[^，。？；]{0,3}多少"
    r"|按(?:去年|上一年)[^，。？；]{0,6}(?:几倍|多少倍)"
)
#: a budget or spend asked up or down
_BUDGET_DIRECTION = re.compile(
    r"(?:预算|支出|投入)[^？]{0,20}(?:压降|持平|增还是减|是增是减|增长|大方向)"
)
_STALE_QUARTER = re.compile(r"上个?季度")


def procurement_asked_budget_direction(bank: Bank) -> list[tuple[str, str]]:
    return [
        (q.id, text)
        for q in bank.questions
        if q.role == Role.PROCUREMENT
        for text in (q.text, *q.follow_ups)
        if _BUDGET_DIRECTION.search(PLACEHOLDER.sub("<>", text))
    ]


def test_the_chinese_growth_over_last_year_check_catches_the_common_forms() -> None:
    bad = [
        "今年线上渠道的交易峰值，系统大概按比去年高多少来准备？",
        "今年大概按去年峰值的几倍准备？",
        "今年双十一，系统大概按比去年多多少的流量来准备？",
    ]
    assert [line for line in bad if not _ZH_GROWTH_OVER_LAST_YEAR.search(line)] == []
    fine = [
        "线上渠道的交易峰值，系统一般按平时的几倍来准备？",
        "和去年比，这个分法变化大吗？",
        "去年实际峰值是多少？",
        "这笔预算是按去年的实际用量来定的吗？",
    ]
    assert [line for line in fine if _ZH_GROWTH_OVER_LAST_YEAR.search(line)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_question_asks_growth_over_last_year(bank: Bank) -> None:
    lines = _question_lines(bank)
    assert [(qid, t) for qid, t in lines if _ZH_GROWTH_OVER_LAST_YEAR.search(t)] == []


def test_the_budget_direction_check_catches_a_procurement_line() -> None:
    bank = _one_bank("zh-CN", "general")
    asked = next(q for q in bank.questions if q.role == Role.PROCUREMENT)
    bad = [
        "方便的话，今年科技投入里云和基础设施这块，大方向是增还是减？",
        "落到今年的 IT 支出上，财务的要求是压降、持平还是增长？",
    ]
    for text in bad:
        line = asked.model_copy(update={"text": text, "follow_ups": []})
        only = bank.model_copy(update={"questions": [line]})
        assert procurement_asked_budget_direction(only) == [(asked.id, text)]
    fine = [
        "今年云和基础设施的采购，是年初统一排，还是按项目随时走？",
        "大促的临时资源预算，你们是单独立项还是从年度预算里出？",
        "今年采购这边自己的考核里，和云服务有关的是哪几项？",
    ]
    for text in fine:
        line = asked.model_copy(update={"text": text, "follow_ups": []})
        only = bank.model_copy(update={"questions": [line]})
        assert procurement_asked_budget_direction(only) == []
    leader = asked.model_copy(update={"text": bad[0], "follow_ups": [], "role": Role.TECH_DECISION})
    assert procurement_asked_budget_direction(bank.model_copy(update={"questions": [leader]})) == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_procurement_line_asks_which_way_the_budget_goes(bank: Bank) -> None:
    assert procurement_asked_budget_direction(bank) == []


def test_the_stale_quarter_check_catches_the_common_forms() -> None:
    bad = "上个季度我们的账单有 <退回次数> 次因为用量数对不上被财务退回，这块我们在改。"
    assert _STALE_QUARTER.search(PLACEHOLDER.sub("<>", bad))
    fine = "<账单被退回的季度> 我们的账单有 <退回次数> 次因为用量数对不上被财务退回。"
    assert not _STALE_QUARTER.search(PLACEHOLDER.sub("<>", fine))


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_research_line_dates_an_event_to_last_quarter(bank: Bank) -> None:
    stale = [
        (q.id, q.research)
        for q in bank.questions
        if _STALE_QUARTER.search(PLACEHOLDER.sub("<>", q.research))
    ]
    assert stale == []


# --- Review 14 (English): a time of day or a relative date written into a research line ------
#: A research line is written once and said for months, to every account: "each night", "evening
#: pings", "the morning dispatch", "at shift changes", "last year's launches", "this year",
#: "last month" written outside a placeholder go stale or state a time the account may not keep.
#: The period or the time goes in a placeholder the PM fills from the source ("<ticket month>",
#: "<dispatch start>"); a rolling window ("over the last year") and the last event of a kind
#: ("your last renewal") stay true and are fine.
_EN_STATED_TIME = re.compile(
    r"\b(?:nights?|nightly|overnight|midnight|mornings?|evenings?)\b"
    r"|\bshift changes?\b"
    r"|(?<!the )\b(?:last|this|next) (?:year|month|week|quarter|season)\b"
    r"|\byesterday\b",
    re.IGNORECASE,
)


def states_a_time_or_a_relative_date(research: str) -> bool:
    return bool(_EN_STATED_TIME.search(PLACEHOLDER.sub("<>", research)))


def test_the_stated_time_check_catches_the_common_forms() -> None:
    bad = [
        "Your clearing house, <clearing house>, takes settlement files at <settlement cut-off>"
        " each night.",
        "Players in <market> mention evening pings around <ping> on <where players post>.",
        "Our quota records show your account reaching <share> of its limit at shift changes.",
        "Your <report year> annual report names <launches> among last year's launches.",
        "Checking our bill has meant back-and-forth between our teams this year.",
        "Our support queue shows your team opened <tickets> tickets with us last month.",
    ]
    assert [line for line in bad if not states_a_time_or_a_relative_date(line)] == []
    fine = [
        "Your clearing house, <clearing house>, takes settlement files at <settlement cut-off>.",
        "Your public postmortems over the last year describe an on-call rotation of <size>.",
        "Our support queue shows your team opened <tickets> tickets with us in <ticket month>.",
        "Our contract desk has the redlines from your last renewal with us.",
        "Our batch service logs for your account show <retries at night>.",
    ]
    assert [line for line in fine if states_a_time_or_a_relative_date(line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_research_line_states_a_time_of_day_or_a_relative_date(bank: Bank) -> None:
    stated = [
        (q.id, q.research) for q in bank.questions if states_a_time_or_a_relative_date(q.research)
    ]
    assert stated == []


# --- Review 14 (Chinese): what the sweep after it found, kept from coming back ---------------
#: a time of night said aloud ("北京时间夜里", "上个月凌晨") presumes when their alerts or tickets
#: come in; the time goes in a placeholder the PM fills from our records (<海外工单集中时段>)
_ZH_NIGHT_SAID_ALOUD = re.compile(r"夜里|夜间|凌晨|半夜|深夜|晚上")
#: asking a (possibly listed) customer for a launch window ahead of the announcement, or whether
#: a date can slip, asks for market-sensitive news; ask what the resources need and where it sticks
_ZH_ASKS_FOR_A_DATE_OR_A_SLIP = re.compile(
    r"往后挪|推迟|延后|会不会(?:延期|跳票)|提前给我们[^，。？；]{0,8}(?:窗口|日期|时间)"
)
#: "我们最晚什么时候把报价给到你们" promises a quote, which is sales' call, not the PM's
_ZH_PROMISES_A_QUOTE = re.compile(r"我们[^，。？；]{0,12}报价给|报价给到你们|给(?:你们|您)报价")


def _zh_said_aloud_findings(line: str) -> list[str]:
    said = PLACEHOLDER.sub("<>", line)
    checks = (
        ("night", _ZH_NIGHT_SAID_ALOUD),
        ("date-or-slip", _ZH_ASKS_FOR_A_DATE_OR_A_SLIP),
        ("quote", _ZH_PROMISES_A_QUOTE),
    )
    return [name for name, pattern in checks if pattern.search(said)]


def test_the_review_14_sweep_checks_catch_the_lines_they_were_written_for() -> None:
    bad = {
        "海外区域的告警，北京时间夜里现在是谁在接？": ["night"],
        "上个月凌晨一共处理了多少次告警？": ["night"],
        "这个日期还有没有往后挪的余地？": ["date-or-slip"],
        "日期定了以后，方便提前给我们一个窗口吗？我们好把当地资源对上。": ["date-or-slip"],
        "定稿前，我们最晚什么时候把报价给到你们合适？": ["quote"],
    }
    assert {line: _zh_said_aloud_findings(line) for line in bad} == bad
    fine = [
        "海外区域的告警，在 <海外工单集中时段> 这段时间现在是谁在接？",
        "上个月这段时间一共处理了多少次告警？",
        "晚高峰对战 UDP 包的丢包率到多少，玩家就会明显觉得卡？",
        "资源的这个日期，是按什么倒推出来的？",
        "当地资源提前准备，一般卡在哪个环节？",
        "延期一般怎么处理？",
        "定稿前，厂商的报价最晚什么时候到你们手里才赶得上？",
        "如果真有这种方式，价格最晚要在大促前多久定下来才来得及走审批？",
    ]
    assert [line for line in fine if _zh_said_aloud_findings(line)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_spoken_line_states_a_night_asks_for_a_date_or_promises_a_quote(bank: Bank) -> None:
    lines = _question_lines(bank)
    found = [(qid, text, _zh_said_aloud_findings(text)) for qid, text in lines]
    assert [finding for finding in found if finding[2]] == []


# --- Review 15 (English): wording the sweep after it removed, kept from coming back ---------
#: "Roughly how many ..., or what is the rough ratio?": one hedge a line is enough
_DOUBLED_HEDGE = re.compile(r"\b(?:rough(?:ly)?|approximate(?:ly)?|ballpark)\b", re.IGNORECASE)
#: "What would tell you it is on track?" asks a (possibly listed) company for its internal
#: targets; ask what the launch or market needs from infrastructure instead
_ON_TRACK = re.compile(r"\bon track\b|\b(?:ahead of|behind) (?:plan|target)\b", re.IGNORECASE)
#: "How has <topic> moved on since your talk?" presumes it has; hedge it ("if any", "if at all")
_PRESUMED_CHANGE = re.compile(r"^how ha(?:s|ve)\b[^?]*\b(?:changed|moved on)\b", re.IGNORECASE)
_CHANGE_HEDGE = re.compile(r"\bif (?:any|anything|at all|so)\b", re.IGNORECASE)
#: our own work in progress said aloud ("our security team is working on ...") needs the caveat
_WORK_IN_PROGRESS = re.compile(
    r"\b(?:is|are)\s+(?:working\s+on|building|developing)\b|\bin\s+the\s+works\b", re.IGNORECASE
)
_EARLY_WORK = re.compile(r"\bearly work\b[^.;]*\bno date\b", re.IGNORECASE)


def _en_wording_findings(line: str, *, research: bool = False) -> list[str]:
    said = PLACEHOLDER.sub("<>", line)
    found = []
    if len(_DOUBLED_HEDGE.findall(said)) > 1:
        found.append("doubled-hedge")
    if not research and _ON_TRACK.search(said):
        found.append("on-track")
    if not research and _PRESUMED_CHANGE.search(said) and not _CHANGE_HEDGE.search(said):
        found.append("presumed-change")
    if research and _WORK_IN_PROGRESS.search(said) and not _EARLY_WORK.search(said):
        found.append("unreleased-without-caveat")
    return found


def test_the_review_15_wording_checks_catch_the_lines_they_were_written_for() -> None:
    asked = {
        "Roughly how many security and risk people work alongside your cloud platform "
        "engineers, or what is the rough ratio?": ["doubled-hedge"],
        "What would tell you it is on track?": ["on-track"],
        "What would tell you it is on track there?": ["on-track"],
        "How has <ledger talk topic> moved on since your talk at <meetup>?": ["presumed-change"],
        "How have those pipelines changed since you wrote the post?": ["presumed-change"],
    }
    assert {line: _en_wording_findings(line) for line in asked} == asked
    research = (
        "Your community forum has threads about <cheat type> in <title>; our security team is "
        "working on bot and cheat detection for game servers."
    )
    assert _en_wording_findings(research, research=True) == ["unreleased-without-caveat"]
    fine_asked = [
        "Roughly how many security and risk people work alongside your cloud platform "
        "engineers? A ratio is fine if that's easier.",
        "What does that launch need from infrastructure to land well?",
        "What, if anything, has changed in that list over the last year?",
        "How has your own view on <keynote topic> changed since the talk, if at all?",
        "Which part are you working on now?",
    ]
    assert [line for line in fine_asked if _en_wording_findings(line)] == []
    fine_research = [
        "Your community forum has threads about <cheat type> in <title>; our security team has "
        "early work, no date yet, on bot and cheat detection for game servers.",
        "Our machine-learning platform team is exploring retraining that starts when a model's "
        "accuracy drops, instead of on a schedule: early work, no date yet.",
        "<association>'s published programme lists you as chair of its <working group>.",
    ]
    assert [r for r in fine_research if _en_wording_findings(r, research=True)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_english_line_doubles_a_hedge_presumes_a_change_or_hides_work_in_progress(
    bank: Bank,
) -> None:
    found = [(qid, text, _en_wording_findings(text)) for qid, text in _question_lines(bank)]
    found += [
        (q.id, q.research, _en_wording_findings(q.research, research=True))
        for q in bank.questions
        if q.research
    ]
    assert [finding for finding in found if finding[2]] == []


# --- Review 15 (Chinese): what it marked down and the sweep after it found, kept from coming back
#: a condition put mid-sentence ("核心接口的 P99 延迟如果有要求，定的是多少") reads like a
#: translation: ask whether first ("有没有定要求？"), then the value in a follow-up
_ZH_CONDITION_MID_SENTENCE = re.compile(r"(?:如果|要是)有(?:要求|的话)")
#: "现在是谁在维护 / 跟进 / 审", "哪几位骨干": fishes for a person's name; ask which team
_ZH_FISHES_FOR_A_NAME = re.compile(r"是谁在(?:维护|跟进|审|负责|做)|哪几位|哪位同事")
#: a written phrase said aloud ("写进了自动化流水线"); say "已经自动化了"
_ZH_WRITTEN_NOT_SPOKEN = re.compile(r"写进了")
#: a generic list of scenes ("门店、工厂或设备旁边") instead of one scene in a placeholder
_ZH_TEMPLATE_SCENES = re.compile(r"(?:门店|工厂|设备)(?:、|，|或者?|和)(?:门店|工厂|设备)")
#: a hypothetical move to the cloud ("核心支付系统如果放在云上", "要是上行业云") gets a weak
#: answer; ask about what they run or a public case
_ZH_HYPOTHETICAL_TO_CLOUD = re.compile(r"(?:如果|要是)(?:放在|放到|搬到|迁到|上)[^，。？；]{0,4}云")
#: a research line said aloud: "我们统计了你们的工单" sounds like watching them, a time of night
#: ("凌晨时段") presumes when their tickets come in
_ZH_RESEARCH_SAID_ALOUD = re.compile(r"我们统计了|夜里|夜间|凌晨|半夜|深夜|晚上")


def _mid_sentence_condition(line: str) -> bool:
    for found in _ZH_CONDITION_MID_SENTENCE.finditer(line):
        before = re.split(r"[。？！]", line[: found.start()])[-1]
        if before.strip():
            return True
    return False


def zh_review_15_findings(research: str, lines: list[str]) -> list[tuple[str, str]]:
    """(check, line) for what review 15 marked down, in a research line or a spoken line."""
    found: list[tuple[str, str]] = []
    said_research = PLACEHOLDER.sub("<>", research)
    if _ZH_RESEARCH_SAID_ALOUD.search(said_research):
        found.append(("research-said-aloud", research))
    if _ZH_TEMPLATE_SCENES.search(said_research):
        found.append(("template-scenes", research))
    for line in lines:
        said = PLACEHOLDER.sub("<>", line)
        checks = (
            ("condition-mid-sentence", _mid_sentence_condition(said)),
            ("fishes-for-a-name", bool(_ZH_FISHES_FOR_A_NAME.search(said))),
            ("written-not-spoken", bool(_ZH_WRITTEN_NOT_SPOKEN.search(said))),
            ("template-scenes", bool(_ZH_TEMPLATE_SCENES.search(said))),
            ("hypothetical-to-cloud", bool(_ZH_HYPOTHETICAL_TO_CLOUD.search(said))),
        )
        found.extend((name, line) for name, hit in checks if hit)
    return found


def test_the_review_15_checks_catch_the_lines_they_were_written_for() -> None:
    bad = {
        "业务高峰时，你们核心接口的 P99 延迟如果有要求，定的是多少毫秒？": "condition-mid-sentence",
        "今年技术团队背的可用性目标，如果有的话，定在几个 9？": "condition-mid-sentence",
        "遇到 P0 故障，团队里一般是哪几位骨干顶上？": "fishes-for-a-name",
        "现在是谁在维护这个平台？": "fishes-for-a-name",
        "开服流程里，现在有多少步已经写进了自动化流水线？": "written-not-spoken",
        "你们有哪些场景，要在门店、工厂或设备旁边一分钟内出结果？": "template-scenes",
        "核心支付系统如果放在云上做密评，密钥管理这块最费功夫的是哪部分？": "hypothetical-to-cloud",
        "分布式核心要是上行业云，你们内部最大的顾虑会在哪？": "hypothetical-to-cloud",
    }
    assert {line: [n for n, _ in zh_review_15_findings("", [line])] for line in bad} == {
        line: [name] for line, name in bad.items()
    }
    bad_research = [
        "你们提给我们的工单里，凌晨时段的占 <凌晨工单比例>。",
        "我们统计了今年你们提给我们的工单，<紧急工单占比> 是 P1 以上的紧急工单。",
    ]
    assert [r for r in bad_research if not zh_review_15_findings(r, [])] == []
    fine = [
        "高峰时段核心接口的 P99 延迟，你们有没有定要求？",
        "如果内部对开盘时段有要求，要控制在多少以内？",
        "如果有，其中流量最大的是哪一个？",
        "遇到 P0 故障，团队里一般是怎么组织人手顶上的？",
        "这个平台现在归哪个组在维护？",
        "开服流程里，现在有几步已经自动化了？",
        "你们 <要现场出结果的门店或工厂> 里，有哪些场景要求在现场秒级出结果？",
        "你们已经上云的系统做密评时，密钥管理这块最费功夫的是哪部分？",
        "晚高峰对战 UDP 包的丢包率到多少，玩家就会明显觉得卡？",
    ]
    assert [line for line in fine if zh_review_15_findings("", [line])] == []
    fine_research = (
        "<紧急工单统计期> 你们提给我们的工单里，有 <紧急工单占比> 是 P1 以上的紧急工单。"
    )
    assert zh_review_15_findings(fine_research, []) == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_chinese_line_has_what_review_15_marked_down(bank: Bank) -> None:
    found = [
        (q.id, *finding)
        for q in bank.questions
        for finding in zh_review_15_findings(q.research, [q.text, *q.follow_ups])
    ]
    assert found == []


# --- Review 16 (English): our history stated ungated, a question that points at its research,
# a product claim that goes stale --------------------------------------------------------------
#: A research line that tells the account about our own history with it (a renewal, its
#: redlines, a reservation we held, a pilot we shipped) is false on an account where it never
#: happened, and we look as if we do not know them: the event goes in a placeholder and the
#: purpose says when to say it ("Ask only where the account notes show ...").
_EN_OUR_HISTORY = re.compile(
    r"\b(?:renew\w*|redline\w*|reservations?|reserved|pilot)\b", re.IGNORECASE
)
_EN_GATE = re.compile(r"\bonly (?:where|if|of|once)\b", re.IGNORECASE)
#: "Which of your workloads run into that problem today?": only makes sense if the research
#: line was said word for word; the question names the thing itself, in a placeholder
_EN_POINTS_AT_RESEARCH = re.compile(
    r"\b(?:that|those|these|this) (?:problem|issue|ticket|upgrade|incident|outage|trial|pilot"
    r"|preview|renewal|delay|release|talk|work|move|change|session)s?\b",
    re.IGNORECASE,
)
#: "added ... in its recent releases", "still requires a maintenance window": a claim about a
#: product or a source that is true the week it is written; the release or the state goes in a
#: placeholder the PM fills before the visit
_EN_STALE_CLAIM = re.compile(
    r"\brecent(?:ly)?\b|\blatest\b|\bnewly\b|\bnot yet\b"
    r"|\bstill (?:requires?|needs?|lacks?|has|have)\b",
    re.IGNORECASE,
)


def en_review_16_findings(text: str, research: str, purpose: str) -> list[str]:
    said_research = PLACEHOLDER.sub("<>", research)
    found = []
    if _EN_OUR_HISTORY.search(said_research) and not _EN_GATE.search(purpose):
        found.append("our-history-ungated")
    if _EN_POINTS_AT_RESEARCH.search(PLACEHOLDER.sub("<>", text)):
        found.append("points-at-research")
    if _EN_STALE_CLAIM.search(said_research):
        found.append("stale-claim")
    return found


def test_the_english_review_16_checks_catch_the_lines_they_were_written_for() -> None:
    purpose = "Finds the contract terms our standard paper fails for this customer."
    bad = [
        (
            "Of the clauses your legal team changed in our last renewal, which would they change?",
            "Our contract desk has the redlines from your last renewal with us.",
            purpose,
            ["our-history-ungated"],
        ),
        (
            "What decides how early your team can commit to launch capacity in each region?",
            "Our capacity team reserved servers in <reserved regions> for your last launch.",
            "Specifies the lead time our capacity-reservation products must work with.",
            ["our-history-ungated"],
        ),
        (
            "Which of your workloads, if any, run into that problem today?",
            "Our preview programme invited your account to <preview>.",
            purpose,
            ["points-at-research"],
        ),
        (
            "How much team time did that upgrade take, counting any out-of-hours work?",
            "",
            purpose,
            ["points-at-research"],
        ),
        (
            "Which resources, if any, do you still create by hand?",
            "Our Terraform provider added load balancer and DNS resources in its recent releases.",
            purpose,
            ["stale-claim"],
        ),
        (
            "How long did the last key rotation take?",
            "Key rotation on our managed database still requires a maintenance window.",
            purpose,
            ["stale-claim"],
        ),
    ]
    assert [
        (text, en_review_16_findings(text, research, why)) for text, research, why, _ in bad
    ] == [(text, expected) for text, _, _, expected in bad]
    fine = [
        (
            "Of the clauses your legal team changed in <redlined renewal>, which would they "
            "change for any cloud vendor?",
            "Our contract desk has your legal team's redlines on <redlined renewal>: <clauses>.",
            "Ask only where the account notes show a renewal your legal team redlined.",
        ),
        (
            "Which of your workloads, if any, run into <problem the preview solves> today?",
            "Our Terraform provider added <resources added> in <provider release>.",
            purpose,
        ),
        (
            "Which step of that fix takes longest?",
            "Your patch notes for <recent patch> list <stability fixes in patch notes>.",
            purpose,
        ),
    ]
    assert [line for line in fine if en_review_16_findings(*line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_english_line_has_what_review_16_marked_risky(bank: Bank) -> None:
    found = [
        (q.id, finding)
        for q in bank.questions
        for finding in en_review_16_findings(q.text, q.research or "", q.purpose or "")
    ]
    assert found == []


# --- Review 16 (Chinese): what it found risky and the sweep after it found, kept from coming back
#: our own work said to be under way ("这块我们在改", "我们在规划…", "我们的团队也在跟这个问题"):
#: the customer hears a commitment; the progress goes in a placeholder the PM fills once
#: engineering confirms ("目前进展是 <修复进展>"), a direction says it is early with no date
_ZH_OUR_WORK_UNDER_WAY = re.compile(
    r"我们[^，。；？]{0,12}?(?:已经|也|正)?在(?:改|修|规划|跟|做[^，。；？]{0,12}?规划|做同类)|在规划中"
)
_ZH_NO_DATE_YET = re.compile(r"没有时间表|还没定方案|不是报价|还不是正式方案|还只是个方向")
#: history with the account (a renewal, onboarding, an amended contract, a previous launch, work we
#: did for them) said in the research: ask only where the account notes show it, said in the purpose
_ZH_OUR_HISTORY = re.compile(
    r"续约|入库|改签|上次开服|上一款游戏|配合你们做过|出过原厂说明|给我们看过?的"
)
_ZH_GATED = re.compile(r"只在|仅在")
#: a spoken line that only makes sense if the research was said word for word
_ZH_POINTS_BACK_AT_RESEARCH = re.compile(r"^那个问题|那个问题[，,]")


def zh_review_16_findings(
    research: str, lines: list[str], purpose: str = ""
) -> list[tuple[str, str]]:
    """(check, line) for what review 16 and the sweep after it found risky."""
    found: list[tuple[str, str]] = []
    said_research = PLACEHOLDER.sub("<>", research)
    if _ZH_OUR_WORK_UNDER_WAY.search(said_research) and not _ZH_NO_DATE_YET.search(said_research):
        found.append(("our-work-said-under-way", research))
    if _ZH_OUR_HISTORY.search(said_research) and not _ZH_GATED.search(purpose):
        found.append(("history-not-gated", research))
    for line in lines:
        said = PLACEHOLDER.sub("<>", line)
        if _ZH_OUR_WORK_UNDER_WAY.search(said) and not _ZH_NO_DATE_YET.search(said):
            found.append(("our-work-said-under-way", line))
        if _ZH_POINTS_BACK_AT_RESEARCH.search(said):
            found.append(("points-back-at-research", line))
    return found


def test_the_chinese_review_16_checks_catch_the_lines_they_were_written_for() -> None:
    bad_research = {
        "你们之前跟我们反馈过 <工单里的加速问题>，这块我们在改。": "our-work-said-under-way",
        "<评价年份> 的供应商评价里给我们的是 <评价结果>，没做好的地方我们已经在改。": (
            "our-work-said-under-way"
        ),
        "我们在改进云密码服务的部署方式，想先弄清你们现在的用法。": "our-work-said-under-way",
        "我们在规划 <重点区服> 附近的节点和加速，想先知道你们对掉线的要求。": (
            "our-work-said-under-way"
        ),
        "我们的新一代边缘一体机在规划中，想先弄清工厂现场最看重哪些测试。": (
            "our-work-said-under-way"
        ),
        "我们看到你们 <月份> 的发布会；我们这边的推理平台也在做同类场景。": (
            "our-work-said-under-way"
        ),
        "我们在 <社区> 看到你们提交过补丁，我们的数据库团队也在跟这个问题。": (
            "our-work-said-under-way"
        ),
        "你们 <续约年份> 续约时，对数据安全条款提过几条修改意见。": "history-not-gated",
        "我们上次入库时，<入库审核部门> 做过审核，前后 <入库审核周数> 周。": "history-not-gated",
        "上一款游戏开服期的资源，我们这边 <上次开服备资源的情况>。": "history-not-gated",
        "上次你们给我们看的 <灾备演练时间> 灾备演练报告，我们仔细看过了。": "history-not-gated",
    }
    assert {r: [n for n, _ in zh_review_16_findings(r, [])] for r in bad_research} == {
        r: [name] for r, name in bad_research.items()
    }
    assert [
        n for n, _ in zh_review_16_findings("", ["那个问题，对你们怎么分流量有没有影响？"])
    ] == ["points-back-at-research"]
    fine_research = [
        "你们之前反馈过 <工单里的加速问题>，目前进展是 <修复进展>。",
        "我们在研究 <重点区服> 附近的节点和加速，还在早期，没有时间表；想先知道你们对掉线的要求。",
        "我们在考虑大促资源按包预先定价的方式，还不是正式方案，也没有价格。",
        "我们的数据库团队也关注这个问题。",
        "我们的网关团队也在研究这个协议。",
    ]
    assert [r for r in fine_research if zh_review_16_findings(r, [])] == []
    gated = (
        "你们 <续约年份> 续约时，对数据安全条款提过几条修改意见。",
        "只在合同记录显示续约时改过条款时问。",
    )
    assert zh_review_16_findings(gated[0], [], gated[1]) == []
    fine_lines = [
        "之前反馈的加速问题，对你们怎么分流量有没有影响？",
        "这个问题在生产上最早是怎么暴露出来的？",
    ]
    assert [line for line in fine_lines if zh_review_16_findings("", [line])] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_chinese_line_has_what_review_16_found_risky(bank: Bank) -> None:
    found = [
        (q.id, *finding)
        for q in bank.questions
        for finding in zh_review_16_findings(q.research, [q.text, *q.follow_ups], q.purpose)
    ]
    assert found == []


# --- Review 17 (English): our records on an incident said before the customer's side, a length
# of time presumed in days or weeks ------------------------------------------------------------
#: "Players reported disconnects ...; our DDoS logs for your addresses that day show ...": what
#: our own logs, records or reports say about an incident, said before the customer gives their
#: side, gets ahead of blame or sounds defensive, and presumes the cause; it goes in the purpose
#: as something to share after they answer, or the purpose gates it on the records showing it
#: ("Ask only where our incident report shows ...")
_EN_OUR_RECORDS = re.compile(
    r"\bour\b[^.;]*?\b(?:logs?|records?|reports?|review|list|metrics)\b", re.IGNORECASE
)
_EN_INCIDENT = re.compile(
    r"\b(?:disconnect\w*|outages?|incidents?|degrad\w*|attacks?|slowdowns?|root[- ]cause"
    r"|login queues?|shortfall)\b",
    re.IGNORECASE,
)
#: "How many days did last month's bill reconciliation take?": the unit presumes the answer
#: (it took days); "how long" leaves it to them, "If it added time, roughly how many weeks?"
#: is gated
_EN_UNIT_PRESUMED = re.compile(r"\bhow many (?:days|weeks|months)\b", re.IGNORECASE)
_EN_IF = re.compile(r"\bif\b", re.IGNORECASE)


def en_review_17_findings(
    text: str, research: str, purpose: str, follow_ups: list[str]
) -> list[str]:
    said_research = PLACEHOLDER.sub("<>", research)
    found = []
    if (
        _EN_OUR_RECORDS.search(said_research)
        and _EN_INCIDENT.search(said_research)
        and not _EN_GATE.search(purpose)
    ):
        found.append("incident-records-before-their-side")
    for line in [text, *follow_ups]:
        if _EN_UNIT_PRESUMED.search(line) and not _EN_IF.search(line):
            found.append("unit-presumed")
    return found


def test_the_english_review_17_checks_catch_the_lines_they_were_written_for() -> None:
    bad = [
        (  # en-gam-tdm-05 as review 17 found it
            "What did your team see on <disconnect date>, when players in <disconnect region>"
            " reported disconnects?",
            "Players on your forum reported disconnects in <disconnect region> on <disconnect"
            " date>; our DDoS logs for your addresses that day show <what our DDoS logs show>.",
            "Hears the customer's side of disconnects their players reported, next to what our"
            " DDoS logs show, before anyone judges whether our protection held.",
            ["As far as your team could tell, how long were players affected?"],
            ["incident-records-before-their-side"],
        ),
        (
            "Which of them, if any, was hardest to explain to your own management?",
            "Our incident list for <region> shows <incident count> events that hit your services.",
            "Finds where our incident communication fails the customer's own reporting line.",
            ["What was missing from our report at the time, if anything?"],
            ["incident-records-before-their-side"],
        ),
        (  # en-gen-pro-13 as review 17 found it
            "How many days did last month's bill reconciliation take your team?",
            "We want our bill easier to check.",
            "Measures the pain of our billing.",
            ["Who on your team does that checking?"],
            ["unit-presumed"],
        ),
        (
            "Which skills are taking longest to hire for on the platform team?",
            "Your careers page lists <platform role you are hiring for>.",
            "Shows where the team is thin.",
            ["How many months has the longest search taken so far?"],
            ["unit-presumed"],
        ),
    ]
    assert [
        (text, en_review_17_findings(text, research, why, follow_ups))
        for text, research, why, follow_ups, _ in bad
    ] == [(text, expected) for text, _, _, _, expected in bad]
    fine = [
        (
            "What did your team see on <disconnect date>, when players in <disconnect region>"
            " reported disconnects?",
            "Players on your forum reported disconnects in <disconnect region> on <disconnect"
            " date>.",
            "Only after they answer, and only where it bears on what they said, share <what our"
            " DDoS logs show>.",
            ["What did your own monitoring show first?"],
        ),
        (
            "Which of them, if any, was hardest to explain to your own management?",
            "Our incident list for <region> shows <incident count> events that hit your services.",
            "Ask only where our incident list shows an event that affected this customer.",
            ["How long after the incident did you get what you needed, if you did?"],
        ),
        (
            "Once a new node has joined, how long until it actually serves traffic on your side?",
            "Our autoscaling logs for your account show new nodes joining in <node boot time>.",
            "Specifies the scaling speed our compute and autoscaling products must meet.",
            ["If it added time, roughly how many weeks?"],
        ),
    ]
    assert [line for line in fine if en_review_17_findings(*line)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_english_line_has_what_review_17_marked_down(bank: Bank) -> None:
    found = [
        (q.id, finding)
        for q in bank.questions
        for finding in en_review_17_findings(
            q.text, q.research or "", q.purpose or "", list(q.follow_ups)
        )
    ]
    assert found == []


# --- Review 17 (Chinese): what it found risky and the sweep after it found, kept from coming back
#: the root cause or the blame said in fixed words ("复盘认定根因在我们这边", "问题出在我们这边"):
#: said only where the purpose gates it on the incident review ("只在复盘认定……时用")
_ZH_BLAME_ON_US = re.compile(r"(?:根因|原因|问题)(?:是|出)?在我们")
_ZH_GATED_ON_REVIEW = re.compile(r"只(?:在|用在)[^。；]*复盘认定")
#: a question opening on "这批 / 那次 / 这些…" with nothing named before the first pause only makes
#: sense if the research was said word for word ("这批岗位，……", "那次数据库选型时，……")
_ZH_BARE_DEMONSTRATIVE_OPENER = re.compile(r"^(?:这|那)(?:批|些|个|份|篇|次|张)[^，。？<]*[，？]")
#: our side said to be looking into something ("我们在看……", "我们也在研究这个方向"): the
#: customer hears work under way unless it says it is early with no date, or not a quote
_ZH_WE_ARE_LOOKING_INTO = re.compile(r"我们[^，。；？]{0,12}?在(?:看|研究|评估|考虑|准备|想)")
_ZH_SAID_EARLY = re.compile(r"没有时间表|还只是个方向|不是报价|还不是正式方案|还没定方案")


def zh_review_17_findings(text: str, research: str, purpose: str) -> list[str]:
    """The checks review 17 and the sweep after it call for, in the order they are run."""
    said_text = PLACEHOLDER.sub("<>", text)
    said_research = PLACEHOLDER.sub("<>", research)
    found: list[str] = []
    if any(_ZH_BLAME_ON_US.search(line) for line in (said_text, said_research)) and not (
        _ZH_GATED_ON_REVIEW.search(purpose)
    ):
        found.append("blame-not-gated-on-review")
    if _ZH_BARE_DEMONSTRATIVE_OPENER.search(said_text):
        found.append("opens-on-the-research")
    if _ZH_WE_ARE_LOOKING_INTO.search(said_research) and not _ZH_SAID_EARLY.search(said_research):
        found.append("our-work-not-said-early")
    return found


def test_the_chinese_review_17_checks_catch_the_lines_they_were_written_for() -> None:
    purpose = "带数字的需求：这一类客户要求我们的容灾能力达到多少。"
    bad = [
        (
            "<区域事件月份> 那次 <复盘里的事件定性> 出在我们这边，实在抱歉。之后你们对核心交易"
            "的恢复时间要求有调整吗？",
            "<区域事件月份> 我们 <区域> 的 <复盘里的事件定性>，复盘认定根因在我们这边，"
            "你们的核心交易受影响 <核心交易受影响分钟数> 分钟；复盘报告我带来了。",
            purpose,
            ["blame-not-gated-on-review"],
        ),
        (
            "<大促卡顿日期> 下单页卡了 <大促卡顿分钟数> 分钟，先跟您说声抱歉。影响最大的是哪块？",
            "<大促卡顿日期> 下单页卡顿了 <大促卡顿分钟数> 分钟；我们的复盘认定问题在我们这边。",
            "先认下我们的缺口，了解它在大促当天耽误了什么。",
            ["blame-not-gated-on-review"],
        ),
        (
            "这批岗位，是新成立了团队，还是在原有部门里扩？",
            "我们在招聘平台上看到你们今年新开了 <今年新开的岗位方向> 方向的一批岗位。",
            purpose,
            ["opens-on-the-research"],
        ),
        (
            "那次原因在我们这边，影响到了你们的生产，实在抱歉。影响最大的是哪一块？",
            "<MES 事件日期> 那次 MES <复盘里的事件定性>，原因是 <MES 事件原因>。",
            "只用在复盘认定原因在我们这边的事件上，开口先认下。",
            ["opens-on-the-research"],
        ),
        (
            "如果最近有过扩容采购，从提需求到合同签完用了多久？",
            "我们在看怎么让扩容采购走得更快，比如框架协议或者提前预留资源。",
            purpose,
            ["our-work-not-said-early"],
        ),
        (
            "像 <公开案例> 那样把分布式核心放上行业云，你们内部看下来最大的顾虑在哪？",
            "公开报道里已有 <公开案例>；我们也在研究这个方向。",
            purpose,
            ["our-work-not-said-early"],
        ),
    ]
    assert [
        (text, zh_review_17_findings(text, research, why)) for text, research, why, _ in bad
    ] == [(text, expected) for text, _, _, expected in bad]
    fine = [
        (
            "<区域事件月份> 那次 <复盘里的事件定性> 出在我们这边，实在抱歉。之后你们对核心交易"
            "的恢复时间要求有调整吗？",
            "<区域事件月份> 我们 <区域> 的 <复盘里的事件定性>，复盘的结论是 <复盘结论>。",
            "只在复盘认定根因在我们这边、记录显示那次影响到了他们的核心交易时用，否则不问。",
        ),
        (
            "<MES 事件日期> 那次 MES 的事，原因在我们这边，实在抱歉。影响最大的是哪一块？",
            "<MES 事件日期> 那次 MES <复盘里的事件定性>，原因是 <MES 事件原因>。",
            "只用在复盘认定原因在我们这边的事件上，开口先认下。",
        ),
        (
            "那批 <国产芯片> 测试实例，当时有没有放实际的业务服务上去跑一跑？",
            "我们在看负载均衡上的国密 TLS 需求，还在早期，没有时间表。",
            purpose,
        ),
        (
            "如果大促资源能在大促前按固定价格打包买下，审批会有什么不同？",
            "我们在考虑大促资源按包预先定价的方式，还不是正式方案，也没有价格。",
            purpose,
        ),
    ]
    assert [line for line in fine if zh_review_17_findings(*line)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_chinese_line_has_what_review_17_found_risky(bank: Bank) -> None:
    found = [
        (q.id, finding)
        for q in bank.questions
        for finding in zh_review_17_findings(q.text, q.research, q.purpose)
    ]
    assert found == []


# --- Review 18 (English): a main question that can be answered "yes" or "no" --------------------
#: review 18 marked down "Did your own teams freeze releases ... too?" and "Has anything come of
#: ...?": a question opening on an auxiliary verb invites a one-word answer. An either/or question
#: ("Was it deliberate, or did it grow that way?") offers its own answers and is fine.
_YES_NO_OPENING = re.compile(
    r"^(?:did|does|do|has|have|had|is|are|was|were|can|could|will|would|should)\b", re.IGNORECASE
)


def closed_question(text: str) -> bool:
    """Whether a main question can be answered with a bare yes or no."""
    return bool(_YES_NO_OPENING.match(text.strip())) and " or " not in text


def test_the_closed_question_check_catches_the_lines_review_18_marked_down() -> None:
    bad = [
        "Did your own teams freeze releases before last year's peak too?",
        "Has anything come of <panel topic> in your own contracts since <panel event>?",
        "Does your team work to a per-player infrastructure cost target from finance?",
        "Do you reserve capacity ahead of peak, and if so, how long before the freeze?",
    ]
    assert [text for text in bad if not closed_question(text)] == []
    fine = [
        "How did your own teams handle releases in the weeks before last year's peak?",
        "Since <panel event>, how has <panel topic> played out in your own contracts?",
        "Was running on <providers> a deliberate choice, or did it grow that way?",
        "Which mainframe batch jobs, if any, has your team tried moving to the cloud?",
    ]
    assert [text for text in fine if closed_question(text)] == []


@pytest.mark.parametrize("bank", ENGLISH_BANKS, ids=lambda b: b.id)
def test_no_english_main_question_is_a_bare_yes_no(bank: Bank) -> None:
    assert [(q.id, q.text) for q in bank.questions if closed_question(q.text)] == []


# --- Review 18 (Chinese): what it found and the sweep after it found, kept from coming back
#: an apology that reads the research line's dates and figures back ("<库存告急日期> 那次……
#: <排队天数> 天，给你们添麻烦了"): it sounds recited; name the thing, then one open question
_ZH_APOLOGY = re.compile(r"抱歉|添麻烦|对不起|不好意思")
_ZH_DATE_OR_FIGURE_PLACEHOLDER = re.compile(
    r"日期|月份|时间|年份|季度|天数|分钟|周数|小时|次数|定性|[数量]>$"
)
#: a question that invites the customer to play the effect down ("影响大不大", "影响大吗")
_ZH_MINIMISING = re.compile(r"大不大|影响大吗|严不严重|影响不大吧")
#: written rather than spoken Chinese ("评审组由哪些角色组成"), and ourselves as "厂商"
_ZH_WRITTEN = re.compile(r"由哪些[^，。？]{0,8}组成")
_ZH_US_AS_VENDOR = re.compile(r"帮厂商|厂商做到|替厂商")
#: 您 and 你 in one question and its follow-ups (你们 is the plural of both)
_ZH_SINGULAR_YOU = re.compile(r"你(?!们)")


def zh_review_18_findings(text: str, research: str, follow_ups: list[str]) -> list[str]:
    """The checks review 18 and the sweep after it call for, in the order they are run."""
    found: list[str] = []
    shared = set(PLACEHOLDER.findall(text)) & set(PLACEHOLDER.findall(research))
    if _ZH_APOLOGY.search(text) and any(
        _ZH_DATE_OR_FIGURE_PLACEHOLDER.search(name) for name in shared
    ):
        found.append("apology-repeats-research")
    said = [text, *follow_ups]
    if any(_ZH_MINIMISING.search(line) for line in said):
        found.append("minimises-the-effect")
    if any(_ZH_WRITTEN.search(line) or _ZH_US_AS_VENDOR.search(line) for line in said):
        found.append("written-register")
    joined = "".join(said)
    if "您" in joined and _ZH_SINGULAR_YOU.search(joined):
        found.append("mixed-address")
    return found


def test_the_chinese_review_18_checks_catch_the_lines_they_were_written_for() -> None:
    bad = [
        (
            "<库存告急日期> 那次扩容正赶上我们库存告急，给你们添麻烦了。最后机器是怎么解决的？",
            "<库存告急日期> 我们 <区域> 的 <规格> 库存告急，正赶上你们扩容。",
            ["有没有最后也没凑够的？"],
            ["apology-repeats-research"],
        ),
        (
            "<扩容申请月份> 那次扩容在我们这边排了 <排队天数> 天，给你们添麻烦了。有没有影响？",
            "我们的记录显示，你们 <扩容申请月份> 的扩容申请在我们这边排了 <排队天数> 天。",
            [],
            ["apology-repeats-research"],
        ),
        (
            "<支付事件日期> 那次支付通道 <复盘里的事件定性>，问题出在我们这边，先跟您说声抱歉。",
            "<支付事件日期> 那次支付通道 <复盘里的事件定性>，复盘的结论是 <复盘结论>。",
            [],
            ["apology-repeats-research"],
        ),
        (
            "开服那天的问题在我们这边，先跟您说声抱歉。那天对运营那边的影响大不大？",
            "我们的复盘记录显示，<开服日期> <游戏> 开服时接入 <复盘里的接入情况>。",
            ["要是校验接口超时，对登录成功率影响大吗？"],
            ["minimises-the-effect"],
        ),
        (
            "<业务库> 迁到 <托管数据库> 之前的那次选型，评审组由哪些角色组成？",
            "你们 <迁移年份> 把 <业务库> 迁到了 <托管数据库>。",
            [],
            ["written-register"],
        ),
        (
            "要是帮厂商试还没成熟的新产品，您最看重厂商做到哪一点？",
            "我们的 <新产品> 在找早期试用的团队。",
            ["如果以前测过新产品，最让你头疼的是什么？"],
            ["written-register", "mixed-address"],
        ),
    ]
    assert [
        (text, zh_review_18_findings(text, research, follow_ups))
        for text, research, follow_ups, _ in bad
    ] == [(text, expected) for text, _, _, expected in bad]
    fine = [
        (
            "库存告急那次给你们添麻烦了。最后机器是怎么解决的？",
            "<库存告急日期> 我们 <区域> 的 <规格> 库存告急，正赶上你们扩容。",
            ["有没有最后也没凑够的？"],
        ),
        (
            "<工单主题> 那张工单拖了这么久才关，给你们添麻烦了。从你们这边看，中间卡在哪一步？",
            "你们上一个关于 <工单主题> 的工单，<关单天数> 天才关闭。",
            ["如果业务上受了影响，主要是哪一块？"],
        ),
        (
            "要是试用我们还没成熟的新产品，您最在意的是什么？",
            "我们的 <新产品> 在找早期试用的团队；署不署名，都由你们定。",
            ["如果以前测过新产品，最让您头疼的是什么？", "你们团队里需要谁同意？"],
        ),
        (
            "<业务库> 迁到 <托管数据库> 之前那次选型，评审的时候都有哪些角色在场？",
            "你们 <迁移年份> 把 <业务库> 迁到了 <托管数据库>。",
            ["这些条款里，跟云厂商最难谈拢的一般是哪类？"],
        ),
    ]
    assert [line for line in fine if zh_review_18_findings(*line)] == []


@pytest.mark.parametrize("bank", ZH_BANKS, ids=lambda b: b.id)
def test_no_chinese_line_has_what_review_18_found(bank: Bank) -> None:
    found = [
        (q.id, finding)
        for q in bank.questions
        for finding in zh_review_18_findings(q.text, q.research, list(q.follow_ups))
    ]
    assert found == []


# -- review 19: an apology is said only where our own records put the fault on our side ------
#
# The whole-bank review's one risky English line apologised for replica lag that the
# customer's own write load may have caused: an apology admits fault, so the purpose gates it
# on what the PM checks before saying it ("Ask only where our incident records put …",
# "只在复盘认定……时用").

_SAID_SORRY = re.compile(
    r"\bsorry\b|\bapologi[sz]e|\bthat was on us\b|抱歉|对不起|添了?麻烦|不好意思", re.IGNORECASE
)
#: a condition on what our own records show ("only where our incident report …", "只在复盘认定
#: …", "只在记录显示 …"): a customer having called or complained is not one
_GATED = re.compile(
    r"(?:\bonly (?:where|when|if|once)\b|只在|只有在|仅在|只用在)[^.;。；]{0,80}"
    r"(?:记录|复盘|报告|状态页|\brecords?\b|\breport\b|\breview\b|\bincident list\b"
    r"|\bstatus page\b|\bnotes\b)",
    re.IGNORECASE,
)


def ungated_apology(research: str, text: str, follow_ups: list[str], purpose: str) -> bool:
    """Something said apologises and the purpose gives no condition for saying it."""
    said = " ".join([research, text, *follow_ups])
    return bool(_SAID_SORRY.search(said)) and not _GATED.search(purpose)


def test_the_apology_gate_check_catches_the_common_forms() -> None:
    bad = [
        (
            "<热迁移月份> 我们做宿主机维护时，你们有 <告警实例数> 台实例告警，给你们添麻烦了。",
            "热迁移时卡顿多长时间，你们就会当成故障处理？",
            [],
            "拿到精确数字，写进热迁移的规格。",
        ),
        (
            "Our records show replica lag on your account in <month>. That was on us, sorry.",
            "How fresh does the reporting replica need to be?",
            [],
            "A data-freshness requirement in seconds, for database replication.",
        ),
        (
            "",
            "那次对账给你们添了麻烦。现在每个月对账大概要花多久？",
            [],
            "只在客户财务找过我们时说。",
        ),
    ]
    assert [line[1] for line in bad if not ungated_apology(*line)] == []
    fine = [
        (
            "Our records show replica lag on your account in <month>. That was on us, sorry.",
            "How fresh does the reporting replica need to be?",
            [],
            "Say the apology only where our incident records put the lag on our side.",
        ),
        (
            "",
            "那次问题出在我们这边，先跟您说声抱歉。影响最大的是哪一块？",
            [],
            "只在复盘认定根因在我们这边时用，否则不问。",
        ),
        ("", "How fresh does the replica need to be?", [], "A requirement in seconds."),
    ]
    assert [line[0] for line in fine if ungated_apology(*line)] == []


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_every_apology_is_gated_on_our_records(bank: Bank) -> None:
    found = [
        q.id
        for q in bank.questions
        if ungated_apology(q.research, q.text, list(q.follow_ups), q.purpose)
    ]
    assert found == []


# -- review 20: after an apology, or where the purpose says not to, no follow-up prices our failure
#
# Review 20's risky Chinese line asked "大概多少人天" of a shortfall that was ours, against its own
# purpose ("不追着要数"): asking a customer to put a figure on our failure invites a claim. What it
# held up is asked instead; a figure they give unasked is written down.

_NO_FIGURE = re.compile(
    r"不追着要数|不让客户报|不请客户估算|不问[^。；]{0,8}(?:损失|数字)"
    r"|\bnever ask (?:them )?for a (?:damages|loss|cost) figure"
    r"|\b(?:no|not|never)\b[^.;]{0,30}\b(?:damages|loss|losses|cost) (?:figures?|numbers?)\b",
    re.IGNORECASE,
)
_PRICES_IT = re.compile(
    r"人天|多少钱|损失|耽误了多久|拖了多久|影响了多少|多花了"
    r"|\bhow much (?:did|was)\b[^?]{0,40}\bcost\b|\bcost you\b|\bdamages?\b"
    r"|\bhow many (?:hours|days)\b[^?]{0,40}\b(?:lost|spent)\b|\brevenue (?:did|was) lost\b",
    re.IGNORECASE,
)


def prices_our_failure(research: str, text: str, follow_ups: list[str], purpose: str) -> list[str]:
    """The lines that ask what our failure cost them, where an apology was said or the
    purpose rules the figure out."""
    if not (_SAID_SORRY.search(research + " " + text) or _NO_FIGURE.search(purpose)):
        return []
    return [line for line in (text, *follow_ups) if _PRICES_IT.search(line)]


def test_the_failure_price_check_catches_the_common_forms() -> None:
    bad = [
        (
            "我们的压测记录显示，是我们的 <数据库代理> 先到了上限。",
            "大促前那次压测，你们后来是怎么绕过去的？",
            ["为了绕过去，你们大概多花了多少人天？"],
            "只在压测记录显示是我们的 <数据库代理> 先到上限时问；多花的人天不追着要数。",
        ),
        (
            "",
            "I'm sorry for our part in the login queues at launch. What did they cost you?",
            [],
            "Ask only where our capacity review shows a shortfall on our side.",
        ),
        (
            "那次扩容在我们这边排了队，给你们添麻烦了。",
            "后来是怎么解决的？",
            ["那几天业务上损失大概有多少？"],
            "只在记录显示那次扩容确实在我们这边排了队时问。",
        ),
    ]
    assert [line[1] for line in bad if not prices_our_failure(*line)] == []
    fine = [
        (
            "那次扩容在我们这边排了队，给你们添麻烦了。",
            "后来是怎么解决的？",
            ["那几天最先卡住的是哪个项目？"],
            "只在记录显示那次扩容确实在我们这边排了队时问。",
        ),
        (
            "",
            "How many person-days did the migration to <target database> take your team?",
            ["Which step took the longest?"],
            "Sizes the effort of their own migration, for the migration tooling.",
        ),
    ]
    assert [line[1] for line in fine if prices_our_failure(*line)] == []


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_no_line_prices_our_own_failure(bank: Bank) -> None:
    found = [
        (q.id, lines)
        for q in bank.questions
        if (lines := prices_our_failure(q.research, q.text, list(q.follow_ups), q.purpose))
    ]
    assert found == []


# -- review 21: nothing read to the customer about their own players' complaints; no lobbying ----
#
# Review 21's risky English line read player forum complaints about ping to the architect (it
# tells them their game plays badly, then pitches our zone): what players post is private
# preparation. Its Chinese notes: a procurement line that asks whether a score moves next year's
# share sounds like lobbying for it; other bidders are not asked about.

_PLAYERS_SAY = re.compile(
    r"\b(?:player|community|forum|subreddit|discord)s?\b[^.;]{0,40}"
    r"\b(?:posts?|threads?|complain\w*|report\w*|mention\w*|say|said)\b"
    r"|\b(?:posts?|threads?|complaints?) (?:on|in|from) (?:your |the )?(?:player|community|forum)",
    re.IGNORECASE,
)
_LOBBYING = re.compile(r"份额[^。？]{0,10}分配|分配[^。？]{0,10}份额|其他厂商|别的厂商|厂商最常")


def review_21_findings(q_role: str, research: str, lines: list[str]) -> list[str]:
    found = []
    if _PLAYERS_SAY.search(research):
        found.append("players-read-back")
    if q_role == "procurement" and any(_LOBBYING.search(line) for line in lines):
        found.append("lobbying")
    return found


def test_the_review_21_checks_catch_the_common_forms() -> None:
    bad = [
        (
            "tech_decision",
            "Players on your forum complain about ping in <market>; our nearest zone is <zone>.",
            ["How do you measure latency for players in <market>?"],
            ["players-read-back"],
        ),
        (
            "procurement",
            "你们每年做一次供应商评价。",
            ["评价是按哪几项打分？", "分数会影响下一年的份额分配吗？"],
            ["lobbying"],
        ),
        (
            "procurement",
            "",
            ["投标文件里，厂商最常需要来回澄清的是哪类材料？"],
            ["lobbying"],
        ),
    ]
    assert [review_21_findings(*line[:3]) for line in bad] == [line[3] for line in bad]
    fine = [
        (
            "tech_decision",
            "We're looking at latency for players in <market>; our nearest zone is <zone>.",
            ["How do you measure latency for players in <market>?"],
        ),
        ("procurement", "", ["一般投标文件里，哪类材料最容易要来回澄清？"]),
        ("business", "", ["这几个市场的份额目标怎么分配？"]),
        ("procurement", "", ["这些条款里，跟云厂商最难谈拢的一般是哪类？"]),
    ]
    assert [line for line in fine if review_21_findings(*line)] == []


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_no_line_has_what_review_21_found(bank: Bank) -> None:
    found = [
        (q.id, finding)
        for q in bank.questions
        for finding in review_21_findings(q.role.value, q.research, [q.text, *q.follow_ups])
    ]
    assert found == []


# -- review 22: other vendors' negotiating, a tender's documents shaped, budget asked of buyers --
#
# Review 22's risky lines asked a bank's buyer which clauses vendors most often push back on
# (close to other vendors' terms) and how detailed our letter for a single-source case should
# be (the vendor shaping the justification). Its notes: when a budget is approved is finance's
# or the business's to say, not procurement's.

_VENDORS_NEGOTIATING = re.compile(
    r"\b(?:vendors?|providers?|suppliers?)\b[^.?]{0,30}\bpush(?:es|ed)? back\b"
    r"|\bhardest to get from (?:vendors|providers|suppliers)\b"
    r"|厂商[^。？]{0,6}(?:最常|最爱)?(?:反对|不接受|谈不拢)",
    re.IGNORECASE,
)
_SHAPES_TENDER = re.compile(
    r"(?:原厂说明|投标|标书|材料|说明|证明)[^。？]{0,12}(?:写到多细|补到什么程度|写得多详细)"
)
_BUDGET_OF_BUYERS = re.compile(r"预算[^。？]{0,10}(?:批下来|定稿|定下来|审批)")


def review_22_findings(role: str, lines: list[str]) -> list[str]:
    found = []
    if any(_VENDORS_NEGOTIATING.search(line) for line in lines):
        found.append("vendors-negotiating")
    if any(_SHAPES_TENDER.search(line) for line in lines):
        found.append("shapes-tender")
    if role == "procurement" and any(_BUDGET_OF_BUYERS.search(line) for line in lines):
        found.append("budget-of-buyers")
    return found


def test_the_review_22_checks_catch_the_common_forms() -> None:
    bad = [
        (
            "procurement",
            ["Which of them do vendors most often push back on?"],
            ["vendors-negotiating"],
        ),
        ("procurement", ["原厂说明一般要写到多细？"], ["shapes-tender"]),
        ("procurement", ["开服期的预算一般几月份批下来？"], ["budget-of-buyers"]),
    ]
    assert [review_22_findings(*line[:2]) for line in bad] == [line[2] for line in bad]
    fine = [
        ("procurement", ["Which of them usually takes longest to agree?"]),
        ("procurement", ["如果有模板，一般是哪个部门在管？"]),
        ("business", ["明年的预算一般几月份定下来？"]),
        ("procurement", ["数据返还和退出安排，你们一般要求写到多细？"]),
    ]
    assert [line for line in fine if review_22_findings(*line)] == []


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_no_line_has_what_review_22_found(bank: Bank) -> None:
    found = [
        (q.id, finding)
        for q in bank.questions
        for finding in review_22_findings(q.role.value, [q.research, q.text, *q.follow_ups])
    ]
    assert found == []


# -- review 25: no superlative about the account outside a placeholder; no promise in our team's
# name; no count of the customer's internal meetings --
#
# Review 25's risky lines: an English research line told every retailer that its results called
# the last sales event "your largest sales day ever" (a fact no placeholder backs), and a Chinese
# one said we wanted to line our support team's rota up with theirs (a commitment of another
# team). Its notes: a decision's path asked as how many meetings it took pries into their
# internal process.

_SUPERLATIVE = re.compile(
    r"\b(?:largest|biggest|fastest[- ]growing|ranks?|ranked|ranking|ever|best|worst"
    r"|record[- ](?:high|breaking|year))\b",
    re.IGNORECASE,
)
_OUR_SIDE_ALIGNED = re.compile(r"(?:跟|和|与)你们[^。？]{0,8}对(?:上|齐)|对齐节奏")
_MEETINGS_COUNTED = re.compile(r"几次会|几轮会|开了几轮|开过几次")


def review_25_findings(research: str, lines: list[str]) -> list[str]:
    found = []
    if _SUPERLATIVE.search(PLACEHOLDER.sub("", research)):
        found.append("superlative-outside-placeholder")
    if any(_OUR_SIDE_ALIGNED.search(line) for line in [research, *lines]):
        found.append("our-side-aligned")
    if any(_MEETINGS_COUNTED.search(line) for line in [research, *lines]):
        found.append("meetings-counted")
    return found


def test_the_review_25_checks_catch_the_common_forms() -> None:
    bad = [
        (
            'Your results called the last <sales event> "your largest sales day ever".',
            [],
            ["superlative-outside-placeholder"],
        ),
        (
            "Your annual report ranks <subsidiary> first for growth.",
            [],
            ["superlative-outside-placeholder"],
        ),
        ("我们想把自己支持团队的值班和你们对上。", [], ["our-side-aligned"]),
        ("", ["我们想以后早点跟你们对齐节奏。"], ["our-side-aligned"]),
        ("", ["从提出到拍板，中间上了几次会？"], ["meetings-counted"]),
    ]
    assert [review_25_findings(*line[:2]) for line in bad] == [line[2] for line in bad]
    fine = [
        ("Your results announcement said this about <sales event>: <what it said>.", []),
        ("Your annual report names <functions> among your most critical functions.", []),
        ("想先了解一下你们的值班是怎么排的。", ["从提出到拍板，中间主要过了哪几道关？"]),
        ("", ["今年想早点摸清你们的采购节奏。"]),
    ]
    assert [line for line in fine if review_25_findings(*line)] == []


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_no_line_has_what_review_25_found(bank: Bank) -> None:
    found = [
        (q.id, finding)
        for q in bank.questions
        for finding in review_25_findings(q.research, [q.text, *q.follow_ups])
    ]
    assert found == []


# -- review 26: nothing a buyer hears as fishing, no blunt signer, the listener not named --
#
# Review 26's risky lines, both to procurement: right after "which vendors do it", a follow-up
# asked how many years their contracts run (other vendors' terms: when their contracts end); and
# with us on a bank's shortlist, the follow-ups asked what the orders and the second round are
# decided on (unpublished selection criteria). Its notes: "最后是谁签字" is blunt to a buyer
# (ask up to which level it is approved), and "你们 CIO 说过" to a technical decision maker who
# may be the CIO.

_VENDORS_NAMED = re.compile(
    r"哪几家|哪些厂商|几家厂商|其他厂商|别的厂商"
    r"|\b(?:which|other) (?:vendors|providers|suppliers)\b|\bwho else\b",
    re.IGNORECASE,
)
_CONTRACT_TERMS = re.compile(
    r"一签几年|几年一签|签几年|合同[^。？]{0,8}(?:到期|期限|多长)"
    r"|\bcontracts? (?:length|term|ends?|expir\w*|renewal date)\b"
    r"|\bhow long (?:are|is|do) (?:the|their|those|these) contracts?\b",
    re.IGNORECASE,
)
_IN_THE_RACE = re.compile(r"入围[^。？]{0,12}(?:有我们|包括我们)|\bshortlist\w*\b[^.?]{0,30}\bus\b")
_CRITERIA = re.compile(
    r"看哪些|看哪几项|比哪几项|按什么[^。？]{0,6}(?:分|选|定)"
    r"|\b(?:criteria|decided on|allocated)\b",
    re.IGNORECASE,
)
_BLUNT_SIGNER = re.compile(r"谁签字|谁来签")
_LISTENER_AS_THIRD = re.compile(r"你们\s*(?:的\s*)?(?:CIO|CTO)|\byour (?:CIO|CTO)\b")


def review_26_findings(role: str, lines: list[str]) -> list[str]:
    found = []
    if role == "procurement":
        if any(_VENDORS_NAMED.search(x) for x in lines) and any(
            _CONTRACT_TERMS.search(x) for x in lines
        ):
            found.append("vendors-terms")
        if any(_IN_THE_RACE.search(x) for x in lines) and any(_CRITERIA.search(x) for x in lines):
            found.append("criteria-while-in-the-race")
    if any(_BLUNT_SIGNER.search(x) for x in lines):
        found.append("blunt-signer")
    if role == "tech_decision" and any(_LISTENER_AS_THIRD.search(x) for x in lines):
        found.append("listener-as-third")
    return found


def test_the_review_26_checks_catch_the_common_forms() -> None:
    bad = [
        (
            "procurement",
            ["工厂侧这类系统，现在主要是哪几家在做？", "这类系统的合同，一般一签几年？"],
            ["vendors-terms"],
        ),
        (
            "procurement",
            ["Which other vendors supply it today?", "When do those contracts end?"],
            ["vendors-terms"],
        ),
        (
            "procurement",
            ["这次入围名单里也有我们。", "入围以后，订单分配还会看哪些日常表现？"],
            ["criteria-while-in-the-race"],
        ),
        ("procurement", ["工厂侧的 IT 预算，最后是谁签字？"], ["blunt-signer"]),
        ("tech_decision", ["你们 CIO 在峰会上讲过联网目标。"], ["listener-as-third"]),
    ]
    assert [review_26_findings(*line[:2]) for line in bad] == [line[2] for line in bad]
    fine = [
        ("procurement", ["工厂侧这类系统，现在主要是哪几家在做？", "选这类系统时，一般看哪几项？"]),
        ("procurement", ["入围以后，具体项目是直接派单，还是再做二次比选？"]),
        ("procurement", ["工厂侧的 IT 预算，一般要到哪一级审批？"]),
        ("business", ["你们 CTO 在大会上讲过稳定性。"]),
        ("tech_decision", ["您在峰会上讲过联网目标。"]),
    ]
    assert [line for line in fine if review_26_findings(*line)] == []


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_no_line_has_what_review_26_found(bank: Bank) -> None:
    found = [
        (q.id, finding)
        for q in bank.questions
        for finding in review_26_findings(q.role.value, [q.research, q.text, *q.follow_ups])
    ]
    assert found == []


# -- reviews 28 and 29: no harm sized after an apology, no vendors under evaluation, no results
# call presumed --
#
# Review 28's risky lines: after admitting fault to a bank, a card asked them to size the impact
# on core trading (claims, liability, what they told their regulator); a research line presumed
# an earnings call of a company that may not be listed. Review 29's: a follow-up asked a bank
# which database vendors it is looking at or testing (a tender may be open).

#: an apology, as the apology gate reads one, or the fault said as ours ("出在我们这边")
_APOLOGISED = re.compile(_SAID_SORRY.pattern + r"|出在我们", re.IGNORECASE)
_HARM_SIZED = re.compile(
    r"影响|耽误|损失|\blosses\b|\bcost you\b|\bhow much\b[^?]{0,30}\bcost\b", re.IGNORECASE
)
_UNDER_EVALUATION = re.compile(
    r"(?:在看|在试|在测|在评估|在比|评估|试用|测试)[^。？]{0,10}哪几家"
    r"|哪几家[^。？]{0,6}(?:在看|在试|在测|在评估|在比)"
    r"|\bwhich (?:other )?(?:vendors|providers|suppliers|databases)\b[^?]{0,30}"
    r"\b(?:evaluat\w*|test\w*|trial\w*|pilot\w*|looking at)\b",
    re.IGNORECASE,
)
_RESULTS_SOURCE = re.compile(
    r"年报|业绩会|财报|业绩说明会|\bearnings call\b|\bannual report\b|\bresults call\b",
    re.IGNORECASE,
)
_RESULTS_GATED = re.compile(
    r"上市|确有|确实|只在|只对|\bonly where\b|\bask only\b|\bonly if\b|\blisted\b|\bonly for\b",
    re.IGNORECASE,
)


def reviews_28_29_findings(
    research: str, text: str, follow_ups: list[str], purpose: str
) -> list[str]:
    found = []
    asked = [text, *follow_ups]
    if _APOLOGISED.search(research + text) and any(_HARM_SIZED.search(x) for x in asked):
        found.append("harm-sized-after-apology")
    if any(_UNDER_EVALUATION.search(x) for x in [research, *asked]):
        found.append("vendors-under-evaluation")
    if any(_RESULTS_SOURCE.search(x) for x in [research, *asked]) and not _RESULTS_GATED.search(
        purpose
    ):
        found.append("results-presumed")
    return found


def test_the_reviews_28_29_checks_catch_the_common_forms() -> None:
    bad = [
        (
            "那次故障出在我们这边。",
            "实在抱歉。对核心交易影响大概多大？",
            [],
            "了解影响。",
            ["harm-sized-after-apology"],
        ),
        (
            "",
            "选型最看重哪几项？",
            ["现在在看或者在试的是哪几家的库？"],
            "",
            ["vendors-under-evaluation"],
        ),
        (
            "",
            "Which databases are you evaluating for the core?",
            [],
            "",
            ["vendors-under-evaluation"],
        ),
        (
            "你们去年的业绩会上讲了成本。",
            "管理层主要看什么？",
            [],
            "了解成本口径。",
            ["results-presumed"],
        ),
    ]
    assert [reviews_28_29_findings(*line[:4]) for line in bad] == [line[4] for line in bad]
    fine = [
        ("那次故障出在我们这边。", "实在抱歉。复盘报告里哪些地方您还不放心？", [], ""),
        ("", "走商业库、开源还是自研的路线？", [], ""),
        ("你们去年的业绩会上讲了成本。", "管理层主要看什么？", [], "只对上市、确实讲过的客户说。"),
        ("", "这次故障对你们影响大吗？", [], ""),  # no apology: asking is not sizing a claim
    ]
    assert [line for line in fine if reviews_28_29_findings(*line)] == []


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.id)
def test_no_line_has_what_reviews_28_and_29_found(bank: Bank) -> None:
    found = [
        (q.id, finding)
        for q in bank.questions
        for finding in reviews_28_29_findings(q.research, q.text, list(q.follow_ups), q.purpose)
    ]
    assert found == []
