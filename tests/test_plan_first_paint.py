"""What opening the plan costs: the banks are parsed once per process (again only when a
file changed), and the lint rules the preview needs are loaded in the read's worker, not
on the UI thread while the screen is drawn."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from interview_tui.banks import library
from interview_tui.lint import engine, model
from interview_tui.tui.plan.plan_screen import PlanScreen
from tests.conftest import settle


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every bank file parsed from now on (the process's cache emptied first)."""
    monkeypatch.setattr(library, "_PARSED", {})
    calls: list[Path] = []
    real = library.load_bank_file

    def counting(path: Path, *, user: bool = False):
        calls.append(path)
        return real(path, user=user)

    monkeypatch.setattr(library, "load_bank_file", counting)
    return calls


def test_banks_are_parsed_once_and_again_when_a_file_changes(parsed, tmp_path) -> None:
    user = tmp_path / "banks"
    user.mkdir()
    own = user / "own.toml"
    bundled = library.bank_files(library.bundled_banks_dir())[0]
    own.write_text(bundled.read_text(encoding="utf-8"), encoding="utf-8")
    first = library.load_library(user=user)
    assert len(parsed) == len(first.loads) > 1
    question = first.loads[-1].bank.questions[0]  # the user's copy wins
    parsed.clear()
    again = library.load_library(user=user)
    assert parsed == []
    assert [load.bank for load in again.loads] == [load.bank for load in first.loads]
    text = own.read_text(encoding="utf-8")
    own.write_text(text.replace(question.text, "Which alert woke you last?", 1), encoding="utf-8")
    stamp = own.stat()
    os.utime(own, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000))  # a later save
    changed = library.load_library(user=user)
    assert parsed == [own]
    edited = changed.question(question.id)
    assert edited is not None and edited.text == "Which alert woke you last?"


async def test_the_second_plan_opening_parses_no_bank(make_app, demo_store, parsed) -> None:
    visit_id = demo_store.conn.execute("SELECT id FROM visits ORDER BY id LIMIT 1").fetchone()[0]
    app = make_app("plan", visit_id=visit_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen) and app.screen.bank_rows
        assert parsed  # the first opening read them
        parsed.clear()
        app.screen.dismiss()
        await settle(pilot)
        app.show("plan", visit_id=visit_id)
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen) and app.screen.bank_rows
        assert parsed == []


async def test_the_lint_rules_load_off_the_ui_thread(make_app, demo_store, monkeypatch) -> None:
    monkeypatch.setattr(engine, "_RULES", {})
    monkeypatch.setattr(model, "_LOADED", {})
    loaded_on: list[str] = []
    real = engine._rules

    def recording(language: str):
        if language not in engine._RULES:
            loaded_on.append(threading.current_thread().name)
        return real(language)

    monkeypatch.setattr(engine, "_rules", recording)
    visit_id = demo_store.conn.execute("SELECT id FROM visits ORDER BY id LIMIT 1").fetchone()[0]
    app = make_app("plan", visit_id=visit_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen) and app.screen.bank_rows
        assert app.screen.query_one("#preview").content  # the first question, linted
    assert loaded_on and threading.main_thread().name not in loaded_on


async def test_the_plan_is_read_while_the_screen_is_built(make_app, demo_store, monkeypatch):
    """The read starts as the plan is opened, not once it is mounted and drawn empty."""
    mounted_when_read: list[bool] = []
    real = PlanScreen.fetch

    def fetch(self: PlanScreen):
        mounted_when_read.append(self.is_mounted)
        return real(self)

    monkeypatch.setattr(PlanScreen, "fetch", fetch)
    visit_id = demo_store.conn.execute("SELECT id FROM visits ORDER BY id LIMIT 1").fetchone()[0]
    app = make_app("home")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.show("plan", visit_id=visit_id)
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen) and app.screen.bank_rows
    assert mounted_when_read[0] is False


async def test_a_key_bar_of_two_lines_restyles_the_toasts_not_the_screen(
    make_app, demo_store, monkeypatch
):
    """The key bar tells the screen it takes two lines (toasts stand above it): only the
    toasts are styled again, not every widget of the screen."""
    from textual.app import App

    from interview_tui.tui.keybar import KeyBar

    app = make_app("home")
    restyled: list[str] = []
    real = App.update_styles

    def update_styles(self, node, animate=True):
        restyled.append(type(node).__name__)
        return real(self, node, animate)

    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        visit_id = demo_store.conn.execute("SELECT id FROM visits ORDER BY id").fetchone()[0]
        monkeypatch.setattr(App, "update_styles", update_styles)
        app.show("plan", visit_id=visit_id)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert screen.query_one(KeyBar).size.height == 2 and screen.has_class("-keys-two-lines")
        assert "ToastRack" in restyled
        assert restyled.count("PlanScreen") <= 1, restyled  # Textual's own, as it is shown
