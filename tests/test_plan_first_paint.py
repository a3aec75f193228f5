"""What opening the plan costs: the banks are parsed once per process (again only when a
file changed), and the lint rules the preview needs are loaded in the read's worker, not
on the UI thread while the screen is drawn."""

from __future__ import annotations

import contextlib
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


async def test_hidden_tabs_are_filled_when_first_shown(make_app, demo_store, monkeypatch):
    """Opening the plan reads and builds its script tab only: the brief is read, and the
    customer's questions and the readiness checks are drawn, when their tab is shown."""
    from textual.widgets import DataTable, Static

    from interview_tui.services import plan as plan_service

    briefs: list[int] = []
    real = plan_service.customer_brief

    def counting(store, customer_id, today, exclude_visit=None):
        briefs.append(customer_id)
        return real(store, customer_id, today, exclude_visit=exclude_visit)

    monkeypatch.setattr(plan_service, "customer_brief", counting)
    app = make_app("plan", visit_id=4)  # Northwind's planned visit: it has their questions
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen) and screen.bank_rows and screen.their_questions
        assert briefs == []
        assert not str(screen.query_one("#brief", Static).content)
        assert not str(screen.query_one("#readiness", Static).content)
        assert screen.query_one("#theirs", DataTable).row_count == 0
        await pilot.press("1")
        await settle(pilot)
        assert briefs == [screen.visit.customer_id]
        assert "What earlier visits found" in str(screen.query_one("#brief", Static).content)
        await pilot.press("3")
        await settle(pilot)
        assert screen.query_one("#theirs", DataTable).row_count == len(screen.their_questions)
        await pilot.press("4")
        await settle(pilot)
        assert "✓" in str(screen.query_one("#readiness", Static).content)
        await pilot.press("2", "1")  # shown again, nothing changed: not read again
        await settle(pilot)
        assert len(briefs) == 1


async def test_the_bank_is_filled_once_when_the_plan_opens(make_app, monkeypatch):
    """The customer's industry is chosen in the filter without filling the bank a second
    time, and the same preview is not drawn twice."""
    from textual.widgets import Select, Static

    fills: list[object] = []
    real_fill = PlanScreen._fill_bank

    def fill(self: PlanScreen) -> None:
        fills.append(self.query_one("#industry-filter", Select).value)
        real_fill(self)

    previews: list[object] = []
    real_update = Static.update

    def update(self: Static, *args, **kwargs):
        if self.id == "preview":
            previews.append(args)
        return real_update(self, *args, **kwargs)

    monkeypatch.setattr(PlanScreen, "_fill_bank", fill)
    monkeypatch.setattr(Static, "update", update)
    app = make_app("plan", visit_id=4)  # Northwind is in retail
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen) and app.screen.bank_rows
        assert fills == ["retail"]
        assert len(previews) == 1


async def test_a_key_bar_of_two_lines_restyles_the_toasts_not_the_screen(
    make_app, demo_store, monkeypatch
):
    """The key bar takes two lines on the plan and the toasts stand above it: their margin
    is set, and no widget of the screen is styled again for it."""
    from interview_tui.tui.keybar import KeyBar

    async with _plan_from_home(make_app, demo_store, monkeypatch, (120, 36)) as (screen, restyled):
        assert screen.query_one(KeyBar).size.height == 2
        assert screen.query_one("#textual-toastrack").styles.margin.bottom == 2
        assert restyled.count("PlanScreen") <= 1, restyled  # Textual's own, as it is shown


async def test_the_key_bar_of_two_lines_needs_no_second_layout(make_app, demo_store, monkeypatch):
    """The layout measures the key bar's lines (two on the plan): drawing them does not ask
    for another layout of the screen."""
    from interview_tui.tui.keybar import KeyBar

    later: list[object] = []
    real = KeyBar.call_later

    def call_later(self, callback, *args, **kwargs):
        if getattr(callback, "__name__", "") == "refresh":  # not the test pilot's own
            later.append(kwargs)
        return real(self, callback, *args, **kwargs)

    monkeypatch.setattr(KeyBar, "call_later", call_later)
    visit_id = demo_store.conn.execute("SELECT id FROM visits ORDER BY id").fetchone()[0]
    app = make_app("plan", visit_id=visit_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(KeyBar).size.height == 2
    assert later == []


async def test_the_plan_fills_its_bank_once_as_it_opens(make_app, demo_store, monkeypatch) -> None:
    """The filters' first values (the language's, the industry the customer's preselects)
    reach the screen as it opens; the bank is filled once, with all of them, when the plan's
    data is read (it was filled twice: first without the industry). A filter changed later
    fills it again."""
    fills: list[tuple[object, ...]] = []
    real = PlanScreen._fill_bank

    def counted(self: PlanScreen) -> None:
        fills.append(self._filters())
        real(self)

    monkeypatch.setattr(PlanScreen, "_fill_bank", counted)
    visit_id = demo_store.conn.execute("SELECT id FROM visits ORDER BY id LIMIT 1").fetchone()[0]
    app = make_app("home")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.show("plan", visit_id=visit_id)
        await settle(pilot)
        assert len(fills) == 1 and fills[0][3] == screen.query_one("#industry-filter").value
        assert fills[0][3] != screen.query_one("#industry-filter").BLANK
        screen.query_one("#text-filter").value = "budget"
        await settle(pilot)
        assert len(fills) == 2 and fills[1][4] == "budget"


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_stacked_or_wide_layout_is_given_before_the_first_styling(
    make_app, demo_store, monkeypatch, size
):
    """Stacked below 100 columns, side by side above: the class comes from the screen's
    breakpoints as it is made, so its widgets are styled once (given on mount, it styled
    the whole plan again at 80 columns)."""
    async with _plan_from_home(make_app, demo_store, monkeypatch, size) as (screen, restyled):
        assert screen.has_class("-narrow") == (size[0] < 100)
        assert "PlanScreen" not in restyled, restyled


@contextlib.asynccontextmanager
async def _plan_from_home(make_app, demo_store, monkeypatch, size):
    """The plan opened from home at ``size`` (toasts shown): its screen, and the type of
    every node Textual styled again while it opened."""
    from textual.app import App

    app = make_app("home")
    restyled: list[str] = []
    real = App.update_styles

    def update_styles(self, node, animate=True):
        restyled.append(type(node).__name__)
        return real(self, node, animate)

    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        visit_id = demo_store.conn.execute("SELECT id FROM visits ORDER BY id").fetchone()[0]
        monkeypatch.setattr(App, "update_styles", update_styles)
        app.show("plan", visit_id=visit_id)
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        yield app.screen, restyled
