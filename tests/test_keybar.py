"""The key bar: the screen's keys as Textual's footer shows them, drawn as one widget.

The screen's keys come in the order the screen declares them (its main actions first), on
a second line when one is not enough; help and the command palette stay in sight on the
right; a key is shown whole or not at all; a click presses the key.
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from interview_tui.tui.keybar import KeyBar
from tests.conftest import settle

#: each screen's keys that must be in sight at 80 columns, in both languages (by binding id)
ESSENTIAL = {
    "live": [
        "live.commitment",
        "live.requirement",
        "live.pain",
        "live.new_note",
        "live.next",
        "live.prev",
        "live.leader",
        "live.safe",
        "live.confirm",
        "live.leave",
    ],
    "commitments": [
        "commitments.done",
        "commitments.drop",
        "commitments.due",
        "commitments.reopen",
        "undo",
        "review.back",
    ],
    "requirements": [
        "pool.move1",
        "pool.move2",
        "pool.move3",
        "pool.state",
        "pool.link",
        "review.back",
    ],
}
ROUTE_ARGS = {"live": {"visit_id": 4}}


def _lines(app) -> list[str]:
    return app.screen.query_one(KeyBar).render().plain.split("\n")


def _shown(app, binding_id: str) -> str:
    """How the key bar draws the binding with ``binding_id``: `` ^t Commitment ``."""
    for active in app.screen.active_bindings.values():
        if active.binding.id == binding_id:
            key = app.screen.query_one(KeyBar)._key_text(active.binding)
            return f" {key} {active.binding.description} "
    raise AssertionError(f"{binding_id} is not bound on {app.screen}")


async def test_keys_in_declared_order_with_help_and_palette_on_the_right(make_app) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(200, 30)) as pilot:
        await settle(pilot)
        [line] = _lines(app)
        keys = ["x Done", "z Drop", "e Due date", "r Reopen", "o Open", "% By customer", "esc Back"]
        assert [line.index(key) for key in keys] == sorted(line.index(key) for key in keys)
        assert line.rstrip().endswith("? Help  ^p Commands")  # a list has focus: ? is help
        assert "enter" not in line  # keys not meant for the footer stay out of it


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("route", sorted(ESSENTIAL))
async def test_main_actions_in_sight_at_80_columns(make_app, route, lang) -> None:
    app = make_app(route, lang=lang, **ROUTE_ARGS.get(route, {}))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = _lines(app)
        assert len(lines) <= 2 and all(cell_len(line) <= 80 for line in lines)
        text = "\n".join(lines)
        for binding_id in ESSENTIAL[route]:
            assert _shown(app, binding_id) in text, f"{binding_id} not in sight:\n{text}"
        focused = app.screen.focused
        key = "f1" if focused and focused.check_consume_key("question_mark", "?") else "?"
        help_key = f"{key} 帮助" if lang == "zh" else f"{key} Help"
        assert help_key in lines[0]


async def test_a_narrow_terminal_shows_whole_keys_only(make_app) -> None:
    app = make_app("commitments", lang="zh")
    async with app.run_test(size=(40, 20)) as pilot:
        await settle(pilot)
        lines = _lines(app)
        assert "? 帮助" in lines[0] and all(cell_len(line) <= 40 for line in lines)
        shown = [
            part.strip()
            for line in lines
            for part in line.split("▏")[0].split("  ")
            if part.strip() and part.strip() != "…"
        ]
        whole = {
            f"{app.get_key_display(active.binding)} {active.binding.description}"
            for active in app.screen.active_bindings.values()
        }
        assert shown and all(part in whole for part in shown), shown
        # keys were left out: the last line says so (f1 and the palette list them all)
        assert len(shown) < len(whole) and lines[-1].split("▏")[0].rstrip().endswith(" …"), lines


async def test_a_bar_with_room_for_every_key_has_no_sign(make_app) -> None:
    app = make_app("commitments", lang="zh")
    async with app.run_test(size=(200, 30)) as pilot:
        await settle(pilot)
        assert not any("…" in line for line in _lines(app)), _lines(app)


async def test_a_click_presses_the_key_on_either_line(make_app) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.filter_name == "open"
        lines = _lines(app)
        row = next(n for n, line in enumerate(lines) if "a All" in line)
        assert row == 1  # on the second line at 80 columns
        bar = app.screen.query_one(KeyBar)
        await pilot.click(KeyBar, offset=(lines[row].index("a All") + 1, row))
        await settle(pilot)
        assert app.screen.filter_name == "all" and bar.size.height == 2
