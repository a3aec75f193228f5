"""Every key the key bar shows works on a Mac without fn: an action shown with an F key
shows a key every terminal sends instead (a letter, a ctrl key, or the live screen's
ctrl+y and a letter), the F key staying a second key."""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode

import interview_tui.tui
from interview_tui.tui.app import InterviewApp
from interview_tui.tui.screen_keys import is_function_key


def _classes() -> list[type]:
    for module in pkgutil.walk_packages(interview_tui.tui.__path__, "interview_tui.tui."):
        importlib.import_module(module.name)
    found, todo = [], [DOMNode]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("interview_tui.") and "BINDINGS" in vars(cls):
            found.append(cls)
    return found


def _bindings(cls: type) -> list[Binding]:
    return [b for b in vars(cls)["BINDINGS"] if isinstance(b, Binding)]


def test_the_classes_are_found() -> None:
    names = {cls.__name__ for cls in _classes()}
    assert {"PlanScreen", "LiveScreen", "HomeScreen", "ConfirmBackScreen"} <= names


def test_no_key_shown_is_reachable_only_by_an_f_key() -> None:
    only_f = []
    for cls in _classes():
        for binding in _bindings(cls):
            if not binding.show or binding.key_display:
                continue
            first = binding.key.split(",")[0].strip()
            if not is_function_key(first):
                continue  # the key bar shows the first key
            sequences = getattr(cls, "LEADER_SEQUENCES", {})
            if binding.id in sequences.values() and hasattr(cls, "key_text"):
                continue  # shown as ctrl+y and its letter (test_live_key_bar_names_…)
            if cls is InterviewApp and binding.id == "app.help":
                continue  # f1 works in text fields; ? where no field has focus; see below
            only_f.append(f"{cls.__name__}: {binding.key} {binding.id}")
    assert not only_f, "shown with an F key only:\n" + "\n".join(only_f)


def test_help_has_a_key_without_f() -> None:
    keys = {b.key for b in _bindings(InterviewApp) if b.action == "help"}
    assert "question_mark" in keys  # and ctrl+p (the palette) everywhere


async def test_live_key_bar_names_the_leader_for_f_keys(make_app) -> None:
    from interview_tui.tui.keybar import KeyBar
    from tests.conftest import settle

    app = make_app("live", visit_id=4)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar).render().plain
        assert "^y v Customer view" in bar and "^y c Read back" in bar, bar
        assert "f2 " not in bar and "f3 " not in bar, bar


async def test_plan_key_bar_offers_fill_facts_on_a_letter(make_app) -> None:
    from interview_tui.tui.keybar import KeyBar
    from tests.conftest import settle

    app = make_app("plan", visit_id=4)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar).render().plain
        assert "f Fill facts" in bar and "f4 " not in bar, bar


def test_plan_fill_facts_by_its_letter_in_a_terminal(tmp_path) -> None:
    """The bytes a Mac sends: ``f`` on the plan opens the account facts (or says none is
    left); ``ctrl+y v`` and ``ctrl+y c`` in the meeting: tests/test_live_keys_pty.py."""
    from tests.pty_terminal import Terminal, make_demo_env

    env = make_demo_env(tmp_path)
    term = Terminal([], env, size=(100, 30))
    try:
        term.wait_for_screen("Northwind Log")
        term.drain(0.3)
        term.send(b"\r")  # the first visit's plan
        term.wait_for_screen("f Fill facts", timeout=20)
        term.send(b"f")
        end = __import__("time").perf_counter() + 15
        while True:
            screen = term.screen()
            if "Account facts for this visit" in screen or "No placeholder left" in screen:
                break
            assert __import__("time").perf_counter() < end, screen
            term.read(0.05)
    finally:
        term.kill()
