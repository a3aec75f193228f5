"""Shared fixtures: a private temporary database, frozen clocks, the real app factory."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from interview_tui.i18n import set_language
from interview_tui.store import Store, open_store

FIXED_TODAY = date(2026, 11, 24)
FIXED_NOW = datetime(2026, 11, 24, 9, 30, 0)


def _quicker_idle_checks() -> None:
    """Pilot waits for the app to go idle after each key: Textual sleeps 20 ms and looks
    whether the process used under 1 ms of CPU meanwhile (``textual._wait``). The same test
    at a quarter of the quantum (5 ms, under 0.25 ms of CPU) waits a quarter as long when the
    app is idle and exactly as long while it works; tests/test_textual_private.py checks the
    names are still there."""
    import textual._wait as textual_wait

    textual_wait.SLEEP_GRANULARITY = 0.005
    textual_wait.SLEEP_IDLE = textual_wait.SLEEP_GRANULARITY / 20


_quicker_idle_checks()


def _parse_css_once_per_process() -> None:
    """Every app a test starts parses the same CSS (the app's, each widget's DEFAULT_CSS)
    with the same variables: 15 % of a start. Textual already keeps what it parsed per
    stylesheet (``Stylesheet._parse_rules``, keyed by the CSS and where it came from, and
    dropped when the variables change); this keeps it per test process, keyed by the
    variables as well, so an app with another theme parses its own. CSS that fails to parse
    fails again (its rules carry their errors, which ``Stylesheet.parse`` raises).
    tests/test_textual_private.py checks the name and its arguments are still there."""
    from textual.css.stylesheet import Stylesheet

    parse = Stylesheet._parse_rules
    parsed: dict[tuple[Any, ...], Any] = {}

    def variables_key(sheet: Stylesheet) -> tuple[Any, ...]:
        memo = sheet.__dict__.get("_tests_variables_key")
        if memo is None or memo[0] is not sheet._variables:  # set_variables replaces it
            memo = (sheet._variables, tuple(sorted(sheet._variables.items())))
            sheet.__dict__["_tests_variables_key"] = memo
        return memo[1]

    def parse_rules(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> Any:
        key = (css, read_from, is_default_rules, tie_breaker, scope, variables_key(self))
        try:
            return parsed[key]
        except KeyError:
            rules = parsed[key] = parse(self, css, read_from, is_default_rules, tie_breaker, scope)
            return rules

    Stylesheet._parse_rules = parse_rules  # type: ignore[method-assign]


_parse_css_once_per_process()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test touches the user's real database, config or language."""
    monkeypatch.setenv("INTERVIEW_TUI_DB", str(tmp_path / "env" / "interview.db"))
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("INTERVIEW_TUI_LANG", raising=False)
    monkeypatch.delenv("INTERVIEW_TUI_THEME", raising=False)
    monkeypatch.delenv("COLORFGBG", raising=False)  # the terminal's colours: dark by default
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "interview.db"


@pytest.fixture(scope="session")
def _empty_template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a new, fully migrated database, made once per test process: migrating
    costs a tenth of a second, and most tests start from an empty store."""
    path = tmp_path_factory.mktemp("empty") / "interview.db"
    open_store(path).close()
    return path.read_bytes()


@pytest.fixture
def store(request: pytest.FixtureRequest, db_path: Path, _empty_template: bytes) -> Iterator[Store]:
    """An empty store on a real SQLite file (a copy of a new, migrated database, private
    as the app makes it), its clock frozen. A test that asks for ``demo_store`` gets the
    demo database's bytes in the file from the start (see :func:`demo_store`)."""
    from interview_tui.store.paths import create_private_file, make_private_dir

    demo = "demo_store" in request.fixturenames
    make_private_dir(db_path.parent)
    create_private_file(db_path)
    db_path.write_bytes(request.getfixturevalue("_demo_bytes") if demo else _empty_template)
    opened = open_store(db_path)
    opened.now = lambda: FIXED_NOW
    opened.__dict__["_tests_demo"] = demo
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def _demo_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The demo database's file, built once per test process (a second or so each time),
    as of FIXED_TODAY, its journal folded in."""
    from interview_tui.services.demo import seed_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    template = open_store(path)
    template.now = lambda: FIXED_NOW
    seed_demo(template, FIXED_TODAY)
    template.close()  # the last connection closed: the journal is folded into the file
    assert not path.with_name("demo.db-wal").exists()
    return path.read_bytes()


@pytest.fixture
def demo_store(store: Store, _demo_bytes: bytes) -> Store:
    """The store filled with the demo data, as of FIXED_TODAY: a copy of the demo database
    built once, so each test starts from the same bytes. The copy is the file itself,
    written before the store opens it (a page-by-page backup into the open store cost a
    journal of the whole database, written twice); a store opened before this fixture was
    asked for (``request.getfixturevalue``) is filled by SQLite's backup instead."""
    if not store.__dict__.get("_tests_demo"):
        import sqlite3
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "demo.db"
            copy.write_bytes(_demo_bytes)
            source = sqlite3.connect(copy)
            source.backup(store.db.conn)
            source.close()
        store.__dict__["_tests_demo"] = True
    return store


@pytest.fixture
def make_app(demo_store: Store) -> Callable[..., Any]:
    """Build the real app on the demo store: ``make_app(route, lang="en", **kwargs)``
    (``option_keys=True``: as with that setting on; ``prefetched``: reads begun before the
    UI, as ``interview-tui`` begins home's)."""
    from interview_tui.tui.app import build_app

    def factory(
        route: str = "home",
        lang: str = "en",
        *,
        option_keys: bool = False,
        theme: str = "dark",
        prefetched: dict[str, Any] | None = None,
        **kwargs: Any,
    ):
        set_language(lang)
        app = build_app(
            demo_store,
            initial=(route, kwargs),
            today=lambda: FIXED_TODAY,
            now=lambda: FIXED_NOW,
            animate=False,
            option_keys=option_keys,
            theme=theme,
            prefetched=prefetched,
        )
        # a toast stays until the snapshot, however slow the machine: what a snapshot shows
        # never depends on how long the keys took
        app.NOTIFICATION_TIMEOUT = 600
        app.toast_hold = 100.0
        return app

    return factory


async def settle(pilot: Any) -> None:
    """Wait until every read worker and every save has finished and the screen is drawn."""
    import asyncio
    import contextlib

    from textual.worker import WorkerCancelled

    app = pilot.app
    for _ in range(200):
        with contextlib.suppress(WorkerCancelled):  # a newer read replaced it
            await app.workers.wait_for_complete()
        await pilot.pause()
        writer = getattr(app, "writer", None)
        busy = any(worker.is_running for worker in app.workers) or any(
            getattr(screen, "busy", False) for screen in app.screen_stack
        )
        if not busy and not (writer and writer.pending):
            await _tables_measured(pilot)
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the app did not settle in 2 s")


async def _tables_measured(pilot: Any) -> None:
    """Tables measure new rows' columns when idle; wait until every table has."""
    import asyncio

    from textual.screen import UPDATE_PERIOD
    from textual.widgets import DataTable

    from interview_tui.tui.textual_private import waits_to_measure, waits_to_paint

    for _ in range(100):
        await pilot.pause()
        tables = pilot.app.screen.query(DataTable)
        if not any(waits_to_measure(t) for t in tables):
            break
    for _ in range(100):  # and the screen has been painted with the new widths
        await pilot.pause()
        if not waits_to_paint(pilot.app.screen):
            return
        await asyncio.sleep(UPDATE_PERIOD)


async def until(pilot: Any, condition: Callable[[], object], seconds: float = 20) -> None:
    """Wait (the app running) until ``condition()`` is true; fail after ``seconds``."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


@contextlib.contextmanager
def write_lock_held(path: Path | str, seconds: float) -> Iterator[subprocess.Popen]:
    """Another process holds the database's write lock for ``seconds`` (as an import would)."""
    code = (
        "import sqlite3, sys, time\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(float(sys.argv[2]))\n"
        "conn.execute('COMMIT')\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "locked"
        yield process
    finally:
        process.wait(timeout=seconds + 10)


#: a marker in every internal field of a visit: none may reach anything a customer sees
INTERNAL_MARKERS = {
    "internal_note": "ZZINTERNALNOTE",
    "team_profile": "ZZTEAMPROFILE",
    "personal": "ZZPERSONAL",
    "sales_told": "ZZSALESTOLD",
    "do_not_say": "ZZDONOTSAY",
    "may_promise": "ZZMAYPROMISE",
    "must_not_promise": "ZZMUSTNOT",
    "product_brief": "ZZBRIEF",
}


def plant_internal(store: Store, visit_id: int = 1) -> None:
    """Put :data:`INTERNAL_MARKERS` in the visit's internal fields and internal notes."""
    from interview_tui.domain.enums import Goal
    from interview_tui.domain.models import Note, Visit

    visit = store.get(Visit, visit_id)
    for name in ("sales_told", "do_not_say", "may_promise", "must_not_promise", "product_brief"):
        setattr(visit, name, f"{getattr(visit, name)} {INTERNAL_MARKERS[name]}")
    store.save(visit)
    store.save_all(
        [
            Note(
                visit_id=visit_id,
                text=f"机密 {INTERNAL_MARKERS['internal_note']}",
                internal=True,
                goal=Goal.PAIN_POINTS,
            ),
            Note(
                visit_id=visit_id,
                text=f"团队偏弱 {INTERNAL_MARKERS['team_profile']}",
                goal=Goal.TEAM_PROFILE,
            ),
            Note(
                visit_id=visit_id,
                text=f"爱跑马拉松 {INTERNAL_MARKERS['personal']}",
                goal=Goal.PERSONAL_CONNECTION,
            ),
        ]
    )


#: the tests that take longest (each 10–70 s of one worker), started before all others: the
#: workers divide the suite in three runs of consecutive tests and then take over each
#: other's unstarted ones, so a long test met late ran alone at the end while the other
#: workers had nothing left; first, the others share the remaining tests meanwhile
LONGEST_FIRST = (
    "tests/test_team_simulation.py::test_ten_pms_lose_nothing",
    "tests/test_import_atomic.py::test_an_import_killed_anywhere_is_absent_or_whole",
    "tests/test_adversarial.py::test_family",
    "tests/test_plan_rehearse.py::test_build_a_script_rewrite_shallow_ones_rehearse_and_mark",
    "tests/test_robust_inputs.py::test_other_writers_keep_going_during_a_long_import",
    "tests/test_team_simulation.py::test_the_checker_catches_whole_record_replacement",
    "tests/test_live_kill.py::test_two_windows_on_one_visit_do_not_corrupt_each_other",
    "tests/test_closed_screens_freed.py::",
    "tests/test_team_cuts.py::test_simulated_pms_cut_at_the_export_commit_lose_nothing",
    "tests/test_hostile_text.py::test_every_screen_shows_hostile_text_literally",
)


def pytest_sessionstart(session: pytest.Session) -> None:
    """The parsed catalog is kept beside the catalog files, as an installed app's first start
    leaves it (``i18n.compile_catalog``): where Python writes no bytecode (a clean checkout
    under ``PYTHONDONTWRITEBYTECODE``) every app and command the tests start parsed the TOML
    again, 47 ms of CPU each, which no user's second start does."""
    from interview_tui import i18n

    if not i18n._catalog_paths()[1].exists():
        i18n.compile_catalog()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run :data:`LONGEST_FIRST` first, in that order; every other test keeps its place."""

    def rank(item: pytest.Item) -> int:
        found = (n for n, prefix in enumerate(LONGEST_FIRST) if item.nodeid.startswith(prefix))
        return next(found, len(LONGEST_FIRST))

    items.sort(key=rank)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Once the tests are collected, the collector is set as the app sets it once its first
    screen is drawn (:mod:`interview_tui.memory`): what the process holds (the modules, the
    collected tests, the libraries' tables) is frozen out of its reach and full collections
    run five times less often by themselves. A sixth of a worker's CPU went to full
    collections walking the whole process again; what a test makes and drops is collected as
    before."""
    import gc

    from interview_tui.memory import keep_and_defer

    gc.collect()
    keep_and_defer()
