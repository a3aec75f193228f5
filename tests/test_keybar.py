"""The key bar: the screen's keys as Textual's footer shows them, drawn as one widget.

Help and the command palette stay in sight on the right however narrow the terminal; the
other keys are shown whole or not at all; a click presses the key.
"""

from __future__ import annotations

from rich.cells import cell_len

from interview_tui.tui.keybar import KeyBar
from tests.conftest import settle


def _line(app) -> str:
    return app.screen.query_one(KeyBar).render().plain


async def test_keys_in_order_with_help_and_palette_on_the_right(make_app) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        line = _line(app)
        keys = ["esc Back", "x Done", "z Drop", "o Open", "k By customer", "r Reopen"]
        assert all(key in line for key in keys)
        assert [line.index(key) for key in keys] == sorted(line.index(key) for key in keys)
        assert line.rstrip().endswith("f1 Help  ^p palette")
        assert "enter" not in line  # keys not meant for the footer stay out of it


async def test_narrow_terminal_keeps_help_and_whole_keys(make_app) -> None:
    app = make_app("commitments", lang="zh")
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        line = _line(app)
        assert cell_len(line) == 60 and "f1 帮助" in line and "^p palette" in line
        left = line.split("▏")[0].split("  ")
        shown = [part.strip() for part in left if part.strip()]
        # every key shown is whole: its key and its whole description
        assert all(part in {"esc 返回", "x 完成", "z 放弃", "e 改期", "o 未完成", "d 逾期"}
                   for part in shown), shown  # fmt: skip


async def test_a_click_presses_the_key(make_app) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        assert app.screen.filter_name == "open"
        x = _line(app).index("a All") + 1
        await pilot.click(KeyBar, offset=(x, 0))
        await settle(pilot)
        assert app.screen.filter_name == "all"
