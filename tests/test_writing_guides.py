"""The writing-questions guides quote the bundled banks as they are.

docs/writing-questions.md and docs/zh-CN/writing-questions.md teach by example: a bank question
(or its research, follow-up or a customer question's answer) quoted and followed by its id in
parentheses, "… (en-gen-biz-13)" or "…？（zh-gen-biz-01）". The banks are reworded often; a
quote left behind teaches wording the bank has since dropped, sometimes on purpose. This test
finds every such quote and checks the quoted words are what the bank says for that id, after
normalising quote marks, whitespace, emphasis and placeholders' angle brackets. An ellipsis in a
quote stands for words left out. An id written without parentheses (`zh-gen-td-07`) or in
parentheses after plain prose is a mention, not a quote, and is not checked.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
GUIDES = [ROOT / "docs" / "writing-questions.md", ROOT / "docs" / "zh-CN" / "writing-questions.md"]
BANKS = sorted((ROOT / "question_banks").glob("*/*.toml"))

ID = r"(?:en|zh)-[a-z]+-[a-z]+-\d+"
#: "… (id)", "…（id）", "…（id，a remark）": the quote is before the parenthesis
CITE_AFTER = re.compile(rf"[(（]\s*({ID})\s*(?:[,，;；][^)）]*)?[)）]")
#: '("…", id)': the quote is inside it
CITE_INSIDE = re.compile(rf"[(（]\s*(\"[^\"]+\"|“[^”]+”)\s*[,，]\s*({ID})\s*[)）]")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.DOTALL | re.MULTILINE)
#: a lead-in before an unquoted example: "问采购：", "业务决策人：", "Good: "
LEAD_IN = re.compile(r"^.*?[:：]\s*")
#: what joins two quotes cited together: '"A", "B" (id)', "“A”“B”（id）"
JOINED_QUOTES = re.compile(r"\s*(?:[,，、/]|\bor|\band|或|和)?\s*$")
SENTENCE = re.compile(r"(?<=[.?!])\s+|(?<=[。？！；])")
ELLIPSIS = re.compile(r"\.\.\.|…+")


def _bank_lines() -> dict[str, dict[str, list[str]]]:
    """Every bank id with the lines a guide may quote of it, by field."""
    lines: dict[str, dict[str, list[str]]] = {}
    for path in BANKS:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for item in data.get("questions", []) + data.get("customer_questions", []):
            fields: dict[str, list[str]] = {}
            for name in ("text", "research", "answer", "purpose"):
                if item.get(name):
                    fields[name] = [item[name]]
            fields["follow-up"] = list(item.get("follow_ups", []))
            for name in ("role", "goal"):  # checked only where an example names them
                if item.get(name):
                    fields[name] = [item[name]]
            lines[item["id"]] = fields
    return lines


BANK = _bank_lines()


def normal(text: str) -> str:
    """Quote marks, whitespace, emphasis, escapes and angle brackets do not count."""
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("\\", "")
    text = re.sub(r"[<>`*]", "", text)
    text = re.sub(r"[“”\"]", "", text).replace("‘", "'").replace("’", "'")
    text = re.sub(r"\s+", "", text)
    return text.rstrip(".。!！")


def _pattern(quote: str) -> re.Pattern[str]:
    pieces = [normal(piece) for piece in ELLIPSIS.split(quote)]
    return re.compile(".*".join(re.escape(piece) for piece in pieces), re.DOTALL)


def matches(quote: str, line: str) -> bool:
    """The quote is the whole line or one whole sentence of it (an ellipsis skips words)."""
    pattern = _pattern(quote)
    candidates = [line, *SENTENCE.split(line)]
    return any(pattern.fullmatch(normal(candidate)) for candidate in candidates if candidate)


@dataclass(frozen=True)
class Quote:
    where: str  # "docs/…md:12"
    qid: str
    words: tuple[str, ...]  # the quoted words; an unquoted example lists its lead-in readings
    field: str | None = None  # a TOML example names the field it quotes


def _quotes_before(text: str) -> list[str]:
    """The quoted strings that end ``text`` ("…", "…" or “…”“…”), in order."""
    found: list[str] = []
    rest = text.rstrip()
    while rest and rest[-1] in '"”':
        if rest[-1] == "”":
            depth, i = 0, len(rest) - 1
            while i >= 0:
                depth += {"”": 1, "“": -1}.get(rest[i], 0)
                if depth == 0:
                    break
                i -= 1
        else:
            i = rest.rfind('"', 0, len(rest) - 1)
        if i < 0:
            break
        found.insert(0, rest[i + 1 : -1])
        rest = JOINED_QUOTES.sub("", rest[:i])
    return found


def _segments(page: Path) -> list[tuple[int, str, bool]]:
    """The page's prose as (line, text, is_example_slot) without fenced blocks.

    A table cell, a list item and a blockquote are slots where an example may stand unquoted;
    a paragraph is plain prose, where only quoted words count as a quote.
    """
    text = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), page.read_text(encoding="utf-8"))
    segments: list[tuple[int, str, bool]] = []
    block: list[str] = []
    start, slot = 0, False

    def flush() -> None:
        if block:
            segments.append((start, " ".join(block), slot))
            block.clear()

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("|"):
            flush()
            for cell in line.strip("|").split(" | "):
                segments.append((number, cell.strip(), True))
            continue
        item = re.match(r"^(?:[-*]|\d+\.)\s+(.*)$", line)
        quoted = line.startswith(">")
        if not line or item or line.startswith("#") or (quoted and not slot):
            flush()
        if not line or line.startswith("#"):
            continue
        if not block:
            start, slot = number, bool(item) or quoted
        block.append(item.group(1) if item else line.lstrip("> ") if quoted else line)
    flush()
    return segments


def _prose_quotes(page: Path) -> list[Quote]:
    name = str(page.relative_to(ROOT))
    quotes = []
    for number, text, slot in _segments(page):
        where = f"{name}:{number}"
        found_here: list[tuple[int, Quote]] = []
        for match in CITE_INSIDE.finditer(text):
            found_here.append(
                (match.start(), Quote(where, match.group(2), (match.group(1)[1:-1],)))
            )
        previous_end = 0
        for match in CITE_AFTER.finditer(text):
            before = text[previous_end : match.start()]
            previous_end = match.end()
            found = _quotes_before(before)
            if found:
                found_here.extend(
                    (match.start(), Quote(where, match.group(1), (w,))) for w in found
                )
                continue
            if not slot:
                continue  # plain prose that names an id: a mention, not a quote
            before = before.strip().lstrip("+").strip()
            if before.startswith("**") and before.count("**") >= 2:
                # "> **The customer's question?** The answer … (id)": each part is a line
                head, _, tail = before[2:].partition("**")
                found_here.append((match.start(), Quote(where, match.group(1), (head,))))
                before = tail
            readings = [before]
            while LEAD_IN.match(readings[-1]) and LEAD_IN.sub("", readings[-1], count=1):
                readings.append(LEAD_IN.sub("", readings[-1], count=1))
            readings = [reading.strip() for reading in readings]
            found_here.append((match.start(), Quote(where, match.group(1), tuple(readings))))
        quotes.extend(quote for _, quote in sorted(found_here, key=lambda pair: pair[0]))
    return quotes


def _toml_quotes(page: Path) -> list[Quote]:
    """A TOML example of a bundled question quotes its text, research and follow-ups."""
    name = str(page.relative_to(ROOT))
    text = page.read_text(encoding="utf-8")
    quotes = []
    for fence in FENCE.finditer(text):
        if fence.group(1) != "toml":
            continue
        line = text[: fence.start(2)].count("\n") + 1
        data = tomllib.loads(fence.group(2))
        for item in data.get("questions", []) + data.get("customer_questions", []):
            if not re.fullmatch(ID, item.get("id", "")):
                continue  # a made-up example, not a bundled question
            where = f"{name}:{line}"
            for field in ("role", "goal", "text", "research", "answer", "purpose"):
                if field in item:
                    quotes.append(Quote(where, item["id"], (item[field],), field))
            for follow_up in item.get("follow_ups", []):
                quotes.append(Quote(where, item["id"], (follow_up,), "follow-up"))
    return quotes


def quotes_in(page: Path) -> list[Quote]:
    return _prose_quotes(page) + _toml_quotes(page)


def stale(quote: Quote) -> str | None:
    """Why the quote is not what the bank says, or None if it is."""
    fields = BANK.get(quote.qid)
    if fields is None:
        return f"{quote.where}: {quote.qid} is in no bundled bank"
    lines = (
        fields.get(quote.field, [])
        if quote.field
        else [
            line for name, group in fields.items() if name not in ("role", "goal") for line in group
        ]
    )
    if any(matches(words, line) for words in quote.words for line in lines):
        return None
    said = fields.get(quote.field or "text") or fields.get("answer", [])
    return f"{quote.where}: {quote.qid}: the guide quotes {quote.words[-1]!r}; the bank says {said}"


@pytest.mark.parametrize("page", GUIDES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_quote_of_a_bank_is_what_the_bank_says(page: Path) -> None:
    quotes = quotes_in(page)
    assert len(quotes) >= 15, f"only {len(quotes)} quotes found: is the extractor still reading?"
    problems = [problem for quote in quotes if (problem := stale(quote))]
    assert problems == [], "\n".join(problems)


def _write(tmp_path: Path, text: str) -> Path:
    page = tmp_path / "docs" / "guide.md"
    page.parent.mkdir()
    page.write_text(text, encoding="utf-8")
    return page


def _found(page: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[str, ...]]]:
    monkeypatch.setattr(f"{__name__}.ROOT", page.parent.parent)
    return [(quote.qid, quote.words) for quote in quotes_in(page)]


def test_the_extractor_reads_every_form_and_ignores_mentions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _write(
        tmp_path,
        "| good | How many? (en-a-b-01) | Why. |\n"
        "\n"
        'Ask "Which one?"\n  (en-a-b-02), not "Why?". Ask ("Beyond that?", en-a-b-03).\n'
        "\n"
        '"A?", "B?" (en-a-b-04). Replace `en-a-b-05` or the question (en-a-b-06) by id.\n'
        "\n"
        "- 业务决策人：头一年铺到哪？（zh-a-b-07，期待一个范围）\n"
        "- 问代价：“花了多少人天？”（zh-a-b-08）\n"
        "\n"
        "| 甲？（zh-a-b-09）+ 乙？（zh-a-b-10） |\n"
        "\n"
        "> **Will you?** Never promise.\n> Record it. (en-a-cq-11)\n"
        "\n"
        '```toml\n[[questions]]\nid = "zh-a-b-12"\ntext = "丙？"\nfollow_ups = ["丁？"]\n'
        '\n[[questions]]\nid = "mine-01"\ntext = "not a bank question"\n```\n',
    )
    assert _found(page, monkeypatch) == [
        ("en-a-b-01", ("How many?",)),
        ("en-a-b-02", ("Which one?",)),
        ("en-a-b-03", ("Beyond that?",)),
        ("en-a-b-04", ("A?",)),
        ("en-a-b-04", ("B?",)),
        ("zh-a-b-07", ("业务决策人：头一年铺到哪？", "头一年铺到哪？")),
        ("zh-a-b-08", ("花了多少人天？",)),
        ("zh-a-b-09", ("甲？",)),
        ("zh-a-b-10", ("乙？",)),
        ("en-a-cq-11", ("Will you?",)),
        ("en-a-cq-11", ("Never promise. Record it.",)),
        ("zh-a-b-12", ("丙？",)),
        ("zh-a-b-12", ("丁？",)),
    ]


def test_a_reworded_question_is_caught_and_a_faithful_quote_is_not() -> None:
    line = "During a host live migration, how long a pause can your service take?"
    assert matches("During a host\n  live migration, how long a pause can your service take?", line)
    assert not matches("During a live migration, how long a pause can your service take?", line)
    assert not matches("During a host live migration", line)  # a fragment is not the line
    assert matches("During a host live migration, … take?", line)  # words left out, said so
    research = "Our report shows <minutes degraded> minutes. We fixed <root cause>."
    assert matches("We fixed `<root cause>`", research)  # one whole sentence of the line
    assert matches("“热迁移时卡顿多长时间？”", '"热迁移时卡顿多长时间？"')
    assert not matches("热迁移时，hang 住时间上限是多少毫秒？", "热迁移时卡顿多长时间？")
    fields = BANK["en-gen-exe-10"]["text"][0]
    assert stale(Quote("x:1", "en-gen-exe-10", (fields,))) is None
    assert stale(Quote("x:1", "en-gen-exe-10", (fields.replace("pause", "stall"),)))
    assert stale(Quote("x:1", "en-gen-exe-99", ("Anything?",)))
