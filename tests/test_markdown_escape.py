"""User text in the report and the recap is words, never Markdown structure or HTML.

Every user field of a visit is filled with hostile text (line breaks, ``#``, ``---``,
``===``, ``<script>``, ``<img onerror>``, ``[x](javascript:…)``, backticks, ``|``…), the
report and the recap are parsed with markdown-it (CommonMark with HTML, tables and
strikethrough on), and the document must have exactly the structure it has with plain
words in the same fields: no heading, rule, HTML, link, image, code or table comes from
user text, and every word the user wrote is still in the text a reader sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from interview_tui.domain.enums import (
    CommitmentState,
    Goal,
    ItemStatus,
    OwnerSide,
    RequirementState,
    Role,
    SolutionAnswer,
)
from interview_tui.domain.models import (
    Commitment,
    Customer,
    Note,
    Person,
    Requirement,
    ScriptItem,
    SolutionProposal,
    SolutionReply,
    Visit,
)
from interview_tui.exports.bundle import VisitBundle
from interview_tui.exports.markdown import md
from interview_tui.exports.reports import recap_md, report_md

PIECES = [
    "\n",
    "\n\n",
    "\r\n",
    "# ",
    "#",
    "## Injected heading",
    "---",
    "===",
    "***",
    "___",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<div>",
    "</div>",
    "<!-- c -->",
    "[x](javascript:alert(1))",
    "![i](data:text/html,x)",
    "[r]: javascript:alert(2)",
    "<https://e.vil>",
    "<a@b.c>",
    "`",
    "```",
    "~~~",
    "|",
    "a | b",
    "|---|",
    "*",
    "_",
    "> ",
    "1. ",
    "2) ",
    "- ",
    "+ ",
    "    ",
    "\\",
    "&lt;",
    "&#60;",
    "~~s~~",
    "**b**",
    "账单",
    "<日期>",
    " ",
    "word",
]
HOSTILE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)
_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
#: inline tokens that are only text (their number varies with the text)
_TEXTUAL = {"text", "softbreak", "hardbreak"}


def _bundle(text: Callable[[str], str]) -> VisitBundle:
    """A visit whose every user field is ``text(field name)``."""
    customer = Customer(id=1, name=text("customer")[:200].strip() or "c")
    person = Person(
        id=2,
        customer_id=1,
        name=text("person")[:200] or "p",
        role=Role.BUSINESS,
        title=text("title"),
    )
    visit = Visit(
        id=3,
        customer_id=1,
        date=datetime(2026, 11, 20, 10),
        purpose=text("purpose"),
        attendee_ids=[2],
        give_back=[text("give_back")],
        next_step=text("next_step"),
    )
    notes = [
        Note(id=4, visit_id=3, text=text("note"), goal=Goal.PAIN_POINTS, speaker_id=2),
        Note(id=5, visit_id=3, text=text("unassigned")),
        Note(id=6, visit_id=3, kind="pain", text=text("pain"), action=text("action")),
    ]
    proposal = SolutionProposal(
        on=datetime(2026, 11, 21), text=text("solution"), reasoning=text("reasoning")
    )
    agreed = SolutionProposal(
        on=datetime(2026, 11, 21),
        text=text("agreed"),
        replies=[SolutionReply(on=datetime(2026, 11, 22), answer=SolutionAnswer.AGREED)],
    )
    requirements = [
        Requirement(
            id=7,
            customer_id=1,
            visit_id=3,
            title=text("req_title"),
            user=text("req_user"),
            scenario=text("req_scenario"),
            pain=text("req_pain"),
            solutions=[proposal],
            state=RequirementState.SOLUTION_PROPOSED,
        ),
        Requirement(
            id=8,
            customer_id=1,
            visit_id=3,
            title=text("req2_title"),
            user=text("req2_user"),
            solutions=[agreed],
            share_plan=True,
            told_customer=text("told"),
            workaround=text("workaround"),
            planned=date(2027, 3, 1),
            state=RequirementState.SCHEDULED,
        ),
        Requirement(
            id=9,
            customer_id=1,
            visit_id=3,
            title=text("req3_title"),
            how_to_use=text("how_to_use"),
            state=RequirementState.ALREADY_SUPPORTED,
        ),
    ]
    commitments = [
        Commitment(
            id=10,
            visit_id=3,
            text=text("commitment"),
            owner_name=text("owner"),
            owner_side=OwnerSide.CUSTOMER,
            due=date(2026, 12, 1),
        ),
        Commitment(
            id=11,
            visit_id=3,
            text=text("ours"),
            owner_name=text("our_owner"),
            within_authority=False,
            authority_override=text("override"),
            state=CommitmentState.DONE,
        ),
    ]
    script = [
        ScriptItem(
            id=12,
            visit_id=3,
            role=Role.BUSINESS,
            goal=Goal.PAIN_POINTS,
            text=text("question"),
            status=ItemStatus.SKIPPED,
        )
    ]
    return VisitBundle(
        visit=visit,
        customer=customer,
        people=[person],
        script=script,
        notes=notes,
        requirements=requirements,
        commitments=commitments,
    )


def _renders(text: Callable[[str], str]) -> dict[str, str]:
    bundle = _bundle(text)
    return {
        "report": report_md(bundle, date(2026, 11, 24), include_personal=True),
        "recap": recap_md(bundle),
    }


def _structure(tokens: list[Token]) -> list[object]:
    """The document's shape: every block token, and the non-text tokens of each line."""
    shape: list[object] = []
    for token in tokens:
        if token.type == "inline":
            shape.append([c.type for c in token.children or [] if c.type not in _TEXTUAL])
        else:
            shape.append((token.type, token.tag))
    return shape


def _visible(tokens: list[Token]) -> str:
    """The text a reader sees (code spans included)."""
    out = []
    for token in tokens:
        for child in token.children or []:
            out.append(child.content if child.type in ("text", "code_inline") else " ")
    return "".join(out)


_PLAIN = _renders(lambda field: f"plain {field}")
_PLAIN_SHAPE = {name: _structure(_MD.parse(markdown)) for name, markdown in _PLAIN.items()}
_FORBIDDEN = {
    "html_block",
    "html_inline",
    "link_open",
    "image",
    "fence",
    "code_block",
    "hr",
    "table_open",
    "blockquote_open",
    "s_open",
}


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["x"]), HOSTILE, min_size=1).map(lambda d: d["x"]))
def test_hostile_fields_add_no_markdown_structure_and_keep_their_words(hostile: str) -> None:
    def text(field: str) -> str:
        return f"{hostile} W{field}Z {hostile}"

    for name, markdown in _renders(text).items():
        tokens = _MD.parse(markdown)
        found = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
        assert not found & _FORBIDDEN, (name, found & _FORBIDDEN, markdown)
        assert _structure(tokens) == _PLAIN_SHAPE[name], (name, markdown)
        seen = _visible(tokens)
        for field in re.findall(r"Wp?\w+?Z", markdown.replace("\\_", "_")):
            assert field in seen, (name, field)
        for word in set(re.findall(r"\w+", hostile)):
            assert word in seen, (name, word, markdown)


def test_every_field_reaches_the_exports_through_md() -> None:
    """The plain render names every field (the hostile test covers them all)."""
    names = (
        "customer",
        "person",
        "title",
        "purpose",
        "give_back",
        "next_step",
        "note",
        "unassigned",
        "pain",
        "action",
        "solution",
        "reasoning",
        "agreed",
        "req_title",
        "req_user",
        "req_scenario",
        "req_pain",
        "told",
        "workaround",
        "how_to_use",
        "commitment",
        "owner",
        "ours",
        "our_owner",
        "override",
        "question",
    )
    both = _PLAIN["report"] + _PLAIN["recap"]
    assert [n for n in names if f"plain {n}".replace("_", "\\_") not in both] == []


def test_the_old_injections_are_text() -> None:
    bundle = _bundle(
        lambda field: {
            "customer": "Contoso\n# Injected heading",
            "owner": "Ann\n---",
            "commitment": "<script>alert(1)</script> <img src=x "
            "onerror=alert(1)> [x](javascript:alert(1))",
        }.get(field, "ok")
    )
    recap = recap_md(bundle)
    tokens = _MD.parse(recap)
    assert [t.tag for t in tokens if t.type == "heading_open"][:2] == ["h1", "h2"]
    titles = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Injected heading" not in "".join(titles[1:]) and "Contoso # Injected" in titles[0]
    seen = _visible(tokens)
    assert "<script>alert(1)</script>" in seen and "[x](javascript:alert(1))" in seen
    assert "Ann ---" in seen


def test_text_reads_naturally() -> None:
    assert md("请在<日期>前完成，负责人：张三。") == "请在<日期>前完成，负责人：张三。"
    assert md("Q3 roadmap (v2.1), 50% of users - see notes!") == (
        "Q3 roadmap (v2.1), 50% of users - see notes!"
    )
    assert md("a < b > c, x=1 & y") == "a < b > c, x=1 & y"
    assert md("line one\nline two") == "line one line two"
    assert md("one\n\n# two", block=True, indent="  ") == "one  \n  \\# two"
