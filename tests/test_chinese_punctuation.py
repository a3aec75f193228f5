"""Chinese sentences take full-width punctuation: ``，：；（）！？`` inside Chinese text, the ASCII
marks only around code, keys, paths and placeholders (``ctrl+y``, ``{path}:{line}``)."""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import interview_tui
from interview_tui.i18n import t

PACKAGE = Path(interview_tui.__file__).parent
CJK = "\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"
#: an ASCII mark with a Chinese character on either side (one space between allowed)
ASCII_IN_CHINESE = re.compile(rf"[{CJK}] ?[,:;()!?]|[,:;()!?] ?[{CJK}]")
#: straight double quotes around Chinese words (they take “ ”), but not a TOML value (name = "李伟")
STRAIGHT_QUOTES = re.compile(r'(?<!= )"(?! )[^"{}=]*[\u4e00-\u9fff][^"{}=]*(?<! )"')


def _flat(table: dict, prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{key}.")
        else:
            yield prefix + key, value


def _zh_catalog() -> Iterator[tuple[str, str]]:
    for path in sorted((PACKAGE / "i18n" / "catalog").glob("*.toml")):
        with path.open("rb") as file:
            yield from (
                (f"{path.name}: {key}", value) for key, value in _flat(tomllib.load(file)["zh-CN"])
            )


#: a place and a line or a key, as a compiler or a config error writes it: stays ASCII
CODE = re.compile(r"\{(path|where)\}:\{(line|key)\}")


def _as_shown(text: str) -> str:
    """The text with each placeholder filled with a Chinese word (``目标 {n}:{goal}`` reads
    ``目标 中:中``), except where it names a file and a line."""
    return re.sub(r"\{[^{}]*\}", "中", CODE.sub("path", text))


def _offenders(texts: Iterator[tuple[str, str]]) -> list[str]:
    return [
        f"{where} = {text!r}"
        for where, text in texts
        if ASCII_IN_CHINESE.search(_as_shown(text)) or STRAIGHT_QUOTES.search(text)
    ]


def test_the_chinese_catalog_has_full_width_punctuation_in_chinese_text() -> None:
    assert not _offenders(_zh_catalog()), "\n".join(_offenders(_zh_catalog()))


def test_the_chinese_demo_data_has_full_width_punctuation() -> None:
    """The demo is what a newcomer reads first: its Chinese visits, notes and requirements."""
    tree = ast.parse((PACKAGE / "services" / "demo.py").read_text(encoding="utf-8"))
    strings = [
        (f"demo.py:{node.lineno}", node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.search(f"[{CJK}]", node.value)
        and node.value != "(演示)"
    ]
    assert strings and not _offenders(iter(strings)), "\n".join(_offenders(iter(strings)))


def test_the_scan_finds_ascii_marks_inside_chinese() -> None:
    bad = [
        ("a", "季度回访:出海"),
        ("b", "定制 SLA;免费资源"),
        ("c", "孙倩(计费工程师)"),
        ("d", '再按一次（或"结束会议"）'),
        ("h", "目标 {number}:{goal}"),
        ("i", "拜访 {id}({name})将"),
    ]
    good = [
        ("e", "{path}:{line}：不是有效的 JSON"),
        ("f", "按 ctrl+y 3，再按 3"),
        ("g", 'name = "李伟"'),
    ]
    assert len(_offenders(iter(bad))) == len(bad)
    assert not _offenders(iter(good))


def test_a_translated_line_reads_with_full_width_marks() -> None:
    from interview_tui.i18n import set_language

    set_language("zh")
    try:
        assert t("live.tag_speaker", speaker="陈工") == "发言人：陈工"
    finally:
        set_language("en")


def test_the_chinese_exports_have_full_width_punctuation(demo_store) -> None:
    """What is put together in code (labels, owners, dates, asides, lists) takes the marks of
    the language too: the report, the recap and the recap e-mail of the Chinese demo visits
    (their data is full-width, so an offender is ours)."""
    import email
    from email import policy

    from interview_tui.exports.render import render
    from interview_tui.i18n import set_language
    from interview_tui.settings import UserSettings
    from tests.conftest import FIXED_NOW, FIXED_TODAY

    settings = UserSettings(name="李伟", email="li@example.com", recap_lang="ui")
    set_language("zh")
    try:
        texts = []
        for visit_id in (1, 2):
            for output_format in ("report-md", "recap-md", "eml"):
                raw = render(
                    demo_store,
                    visit_id,
                    output_format,
                    today=FIXED_TODAY,
                    now=FIXED_NOW,
                    settings=settings,
                )
                if output_format == "eml":
                    message = email.message_from_bytes(raw, policy=policy.default)
                    raw = message.get_body(("plain",)).get_content().encode()
                texts += [
                    (f"visit {visit_id} {output_format}", line)
                    for line in raw.decode().splitlines()
                ]
    finally:
        set_language("en")
    offenders = [f"{where}: {line}" for where, line in texts if ASCII_IN_CHINESE.search(line)]
    assert len(texts) > 100 and not offenders, "\n".join(offenders)


def test_parts_joined_in_code_take_the_marks_of_the_language() -> None:
    from interview_tui.i18n import aside, head, joined, labelled, set_language

    set_language("zh")
    try:
        assert labelled("客户", "王磊") == "客户：王磊"
        assert aside("王总", joined(["副总裁", "业务"])) == "王总（副总裁，业务）"
        assert joined(["用户：A", "场景：B"], "semicolon") == "用户：A；场景：B"
        assert joined(["王总", "陈工"], "list") == "王总、陈工"
        assert head("角色") == "角色："
    finally:
        set_language("en")
    assert labelled("Customer", "Li") == "Customer: Li" and head("Role") == "Role: "
    assert aside("Li", joined(["COO", "Business"])) == "Li (COO, Business)"


def test_the_chinese_date_hints_show_chinese_forms_the_parser_takes() -> None:
    from datetime import date

    from interview_tui.domain.dates import parse_due

    hints = [value for key, value in _zh_catalog() if "date" in key or "due" in key]
    assert hints and not [h for h in hints if re.search(r"\bfri\b|\+\d+d\b", h)], hints
    for typed in ("周五", "+3天", "下周五", "+14天"):
        assert parse_due(typed, date(2026, 12, 6)) > date(2026, 12, 6)


def _unpaired(text: str) -> list[str]:
    """Brackets opened in one width and closed in the other (``（.eml)``)."""
    wrong, stack = [], []
    for char in text if isinstance(text, str) else "":
        if char in "(（":
            stack.append(char)
        elif char in ")）" and stack:
            opened = stack.pop()
            if (opened == "（") != (char == "）"):
                wrong.append(opened + char)
    return wrong


def test_a_bracket_opened_full_width_closes_full_width() -> None:
    found = [
        (key, text)
        for key, value in _zh_catalog()
        for text in (value.values() if isinstance(value, dict) else [value])
        if _unpaired(text)
    ]
    assert found == []
    assert _unpaired("邮件（.eml)") == ["（)"] and _unpaired("邮件（.eml）(x)") == []
