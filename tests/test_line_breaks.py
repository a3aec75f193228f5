"""Chinese line breaks (issue 25, "Reading it"): prose wrapped so that one character or one
word was left alone on its last line (``…时效要`` / ``求。``), a line began with ``。`` and a
word was cut (``Architect`` / ``ure``). One mechanism: :func:`interview_tui.display.line_breaks`,
which Textual and rich wrap with (interview_tui/tui/textual_private.py)."""

from __future__ import annotations

import itertools
import re

import pytest
from rich._wrap import divide_line
from rich.cells import cell_len

from interview_tui.display import line_breaks
from tests.conftest import settle

CJK = re.compile(r"[\u3400-\u9fff]")
CLOSING = "，。、；：！？）」』》”"


def _lines(text: str, width: int) -> list[str]:
    cuts = [0, *line_breaks(text, width), len(text)]
    return [text[a:b].rstrip() for a, b in itertools.pairwise(cuts)]


@pytest.mark.parametrize("width", range(6, 40))
def test_no_character_alone_and_no_line_begins_with_a_comma(width) -> None:
    text = "我们在做边缘计算节点的产品规划，想先弄清客户现场数据的时效要求。"
    lines = _lines(text, width)
    assert "".join(lines) == text
    assert all(cell_len(line) <= width for line in lines), lines
    assert all(line[0] not in CLOSING for line in lines), lines
    if len(lines) > 1:
        assert len(CJK.findall(lines[-1])) >= 2, lines


def test_the_examples_that_were_wrong() -> None:
    assert _lines("调研铺垫：我们在做边缘计算节点的产品规划，想先弄清客户现场数据的时效要求。", 70)[
        -1
    ] == ("要求。")
    assert _lines("普通工程师在职十年以上。", 22) == ["普通工程师在职十年", "以上。"]
    assert _lines("可以承诺：Architecture review", 14) == ["可以承诺：", "Architecture", "review"]
    assert _lines("明确的“没有”也是证据。", 8) == ["明确的", "“没有”也", "是证据。"]


def test_a_phrase_is_kept_whole_where_a_space_came_shortly_before() -> None:
    text = "按时兑现率 我方：33%（1/3）· 客户方：50%（1/2）"
    assert _lines(text, 34) == ["按时兑现率 我方：33%（1/3）·", "客户方：50%（1/2）"]
    assert _lines(text, 20) == ["按时兑现率", "我方：33%（1/3）·", "客户方：50%（1/2）"]


@pytest.mark.parametrize("width", [5, 10, 20, 40])
def test_text_without_chinese_breaks_as_before(width) -> None:
    text = "The customer agreed to a pilot in March; the finance team reviews it first."
    assert line_breaks(text, width) == divide_line(text, width)


def _region_lines(app, widget) -> list[str]:
    """The lines of ``widget``'s content as drawn on the screen."""
    region = widget.content_region
    out = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        if not region.y <= y < region.bottom:
            continue
        cells: list[str] = []
        for segment in strip:
            for char in segment.text:
                cells += [char] + [""] * (cell_len(char) - 1)
        out.append("".join(cells[region.x : region.right]).rstrip())
    return out


SCREENS = [
    ("live", {"visit_id": 4}),
    ("rehearse", {"visit_id": 4}),
    ("plan", {"visit_id": 4}),
    ("timeline", {"customer_id": 1}),
    ("commitments", {}),
    ("home", {}),
]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80", "120"])
@pytest.mark.parametrize(("route", "kwargs"), SCREENS, ids=[r for r, _ in SCREENS])
async def test_no_chinese_line_is_left_with_one_character(make_app, route, kwargs, size):
    """Every wrapped text of the screen, in Chinese, as drawn: no line holds one Chinese
    character alone (with its punctuation) after a line of Chinese, none begins with a
    comma or a closing mark."""
    from textual.widgets import Static

    app = make_app(route, lang="zh", **kwargs)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        checked = 0
        for widget in app.screen.query(Static):
            if not widget.region or widget.content_region.height < 2:
                continue
            lines = _region_lines(app, widget)
            for before, line in itertools.pairwise(lines):
                if not CJK.search(before):
                    continue
                checked += 1
                bare = line.strip()
                assert not (bare and bare[0] in CLOSING), (widget, lines)
                alone = re.fullmatch(rf"[\u3400-\u9fff][{CLOSING}]*", bare)
                assert not alone, (widget, lines)
        assert checked or route in ("home", "commitments")


def test_a_word_alone_after_a_space_takes_its_whole_phrase_down() -> None:
    """The commitments list drew ``原`` / ``定 2026-11-08``: the phrase before the lone word
    goes down whole, never split."""
    text = "Send the ARM benchmark report on the routing workload · 迟 16 天，原定 2026-11-08"
    for width in range(len(text) - 12, len(text) + 4):
        breaks = line_breaks(text, width)
        lines = [text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)]
        assert not any(line.endswith("原") for line in lines), (width, lines)
        assert all(cell_len(line.rstrip()) <= width for line in lines), (width, lines)


@pytest.mark.parametrize("width", range(8, 40))
def test_a_count_keeps_its_measure_word(width) -> None:
    """The share dialog said "承诺 0" / "条": a line never begins with the measure word of a
    number written with a space before it."""
    text = "下次同步时离开本机：笔记 3 条、需求 2 条、承诺 0 条、拜访计划及其问题。"
    lines = _lines(text, width)
    assert "".join(line.replace(" ", "") for line in lines) == text.replace(" ", "")
    assert all(cell_len(line) <= width for line in lines), lines
    assert not any(line.startswith("条") for line in lines), lines
