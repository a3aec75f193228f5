"""Help on a Mac without fn (issue 25): the key bar names ``?`` for help wherever no text
field has focus (there ``?`` opens help), and ``f1`` where one has (there ``?`` is typed)."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import settle
from tests.pty_terminal import Terminal
from tests.test_conventions_pty import demo_env  # noqa: F401 (a fixture)

HELP = {"en": "Help", "zh": "帮助"}


def _bar(app) -> str:
    return str(app.screen.query_one("KeyBar").render())


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("route", "kwargs", "key"),
    [
        ("home", {}, "?"),
        ("plan", {"visit_id": 4}, "?"),
        ("commitments", {}, "?"),
        ("live", {"visit_id": 4}, "f1"),  # the note editor has focus: ? is typed there
    ],
)
async def test_the_help_key_shown_is_the_one_that_works(make_app, route, kwargs, key, lang):
    app = make_app(route, lang=lang, **kwargs)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = _bar(app)
        assert f" {key} {HELP[lang]} " in bar, bar
        other = "f1" if key == "?" else "?"
        assert f" {other} {HELP[lang]} " not in bar, bar


async def test_focus_in_a_text_field_shows_f1(make_app) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert " ? Help " in _bar(app)
        await pilot.press("slash")  # the list's filter line: a text field
        await settle(pilot)
        assert " f1 Help " in _bar(app)
        await pilot.press("escape")
        await settle(pilot)
        assert " ? Help " in _bar(app)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_question_mark_shown_and_working_in_a_terminal(demo_env) -> None:  # noqa: F811
    term = Terminal([], demo_env, size=(80, 24))
    try:
        screen = term.wait_for_screen("? Help")
        assert "? Help" in "".join(screen.splitlines()[-2:])  # in the key bar
        term.send(b"?")
        term.wait_for_screen("This screen")
    finally:
        term.kill()
