"""A table cell cut by a narrow column: it ends in "…", never wider than the column, what
it keeps is the start of what was written, and a cut inside an English word goes back to
the space before it when that loses little (the pool at 80×24 showed "Billing export by
t…")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from interview_tui.tui.text import SafeTable, WordCut, word_cut
from tests.conftest import settle


def test_a_cut_inside_a_word_goes_back_to_the_space() -> None:
    assert word_cut(Text("Billing export by the team"), 20).plain == "Billing export by…"
    assert word_cut(Text("Surge upgrades that keep PDBs"), 20).plain == "Surge upgrades that…"


def test_a_long_word_or_chinese_is_cut_where_the_room_ends() -> None:
    assert word_cut(Text("Northwind Logistics"), 8).plain == "Northwi…"
    assert word_cut(Text("Next iteration"), 11).plain == "Next itera…"  # a space too far back
    assert word_cut(Text("对账单数量前后矛盾财务拒付"), 11).plain == "对账单数量…"


@given(
    st.text(alphabet=st.sampled_from(list("ab cd éß 对账单 🙂x1")), min_size=1, max_size=40),
    st.integers(min_value=2, max_value=30),
)
def test_a_cut_fits_and_keeps_the_start(text: str, width: int) -> None:
    if cell_len(text) <= width:
        return
    cut = word_cut(Text(text), width).plain
    assert cut.endswith("…") and cell_len(cut) <= width
    assert text.startswith(cut[:-1])


def test_a_word_cut_cell_draws_as_cut() -> None:
    console = Console(width=20, color_system=None)
    cell = WordCut("Billing export by the team", no_wrap=True, overflow="ellipsis")
    (line,) = console.render_lines(cell, console.options.update_width(20))
    assert "".join(segment.text for segment in line).rstrip() == "Billing export by…"


async def test_the_pool_at_80x24_cuts_english_titles_between_words(make_app) -> None:
    app = make_app("requirements")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(SafeTable)
        drawn = "\n".join(
            "".join(segment.text for segment in table.render_line(y))
            for y in range(table.size.height)
        )
        titles = [line.rstrip().rsplit("  ", 1)[-1] for line in drawn.splitlines()]
        cut = [title for title in titles if title.endswith("…") and title[:-1].isascii()]
        assert cut, drawn
        for title in cut:  # the word before … is whole: it is a word of some title
            word = title[:-1].split()[-1]
            assert any(word in row.split() for row in _requirement_titles(app)), title


def _requirement_titles(app) -> list[str]:
    return [row["title"] for row in app.store.query("SELECT title FROM requirements")]
