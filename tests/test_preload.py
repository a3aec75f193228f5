"""What the first openings need is loaded once the user pauses on the first screen: once,
never before the first screen is drawn, never while keys come, and a closing app stops it
between two modules (tui/preload.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from interview_tui.tui.preload import Stopped, run_steps, steps
from tests.fresh_process import app_script, run_on


def test_steps_run_in_order_and_a_failing_one_is_left_to_its_screen() -> None:
    ran: list[str] = []

    def fails() -> None:
        ran.append("fails")
        raise ValueError("a broken bank")

    todo = [lambda: ran.append("first"), fails, lambda: ran.append("last")]
    assert run_steps(todo, lambda: False) == 3
    assert ran == ["first", "fails", "last"]


def test_cancelled_steps_stop() -> None:
    ran: list[int] = []
    todo = [lambda n=n: ran.append(n) for n in range(5)]
    assert run_steps(todo, lambda: len(ran) >= 2) == 2
    assert ran == [0, 1]


def test_the_plan_comes_first_then_banks_and_lint_then_every_other_screen_then_the_check() -> None:
    todo = steps("en")
    first = todo[0]
    assert getattr(first, "args", ()) == ("interview_tui.tui.plan.plan_screen",)
    assert [getattr(step, "__name__", "") for step in todo[1:2]] == ["_library"]
    assert getattr(todo[2], "args", ()) == ("en",)
    modules = [step.args[0] for step in todo[3:] if hasattr(step, "args")]
    assert "interview_tui.tui.review.commitments_screen" in modules
    assert "interview_tui.tui.home.screen" in modules  # already loaded: nothing to do
    assert "interview_tui.tui.plan.plan_screen" not in modules  # once
    assert modules[-1] == "interview_tui.services.authority"  # its patterns, last


def test_a_cancelled_import_stops_between_two_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import under way stops before its next module; the half-done one is dropped
    (as after any failed import) and imports whole when next needed."""
    package = tmp_path / "preload_gate_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "outer.py").write_text("import preload_gate_pkg.inner\nVALUE = 1\n")
    (package / "inner.py").write_text("VALUE = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    asked: list[int] = []

    def cancelled() -> bool:  # not before the step, at the import inside it
        asked.append(1)
        return len(asked) > 1

    step = lambda: importlib.import_module("preload_gate_pkg.outer")  # noqa: E731
    assert run_steps([step], cancelled) == 0
    assert "preload_gate_pkg.outer" not in sys.modules
    assert "preload_gate_pkg.inner" not in sys.modules
    assert importlib.import_module("preload_gate_pkg.outer").VALUE == 1  # whole, later
    for name in ("preload_gate_pkg.outer", "preload_gate_pkg.inner", "preload_gate_pkg"):
        sys.modules.pop(name, None)


def test_stopped_is_no_import_error() -> None:
    """No module's ``except ImportError`` (an optional dependency) takes it."""
    assert not issubclass(Stopped, Exception)


CODE = app_script(
    """
PLAN = "interview_tui.tui.plan.plan_screen"
runs = []
run_worker = app.run_worker

def counted(*args, **kwargs):
    if kwargs.get("group") == "preload":
        runs.append(1)
    return run_worker(*args, **kwargs)

app.run_worker = counted

def loading():
    return any(w.group == "preload" for w in app.workers)

async def main():
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(10):  # keys keep coming: not idle
            await pilot.press("down")
            await asyncio.sleep(0.1)
        print("while keys:", PLAN in sys.modules)
        for _ in range(400):
            await pilot.pause(0.02)
            if runs and not loading():
                break
        print("loaded:", PLAN in sys.modules, "interview_tui.lint.english" in sys.modules)
        print("workers:", len(runs))
        app.preload_when_idle()  # asked again: not run twice
        await pilot.pause(0.1)
        print("again:", len(runs))
        await pilot.press("enter")  # the plan opens on what was loaded
        await plan_shown(pilot)
        print("plan:", type(app.screen).__name__)

asyncio.run(main())
""",
    ", preload_idle=0.3",
)


def test_loaded_after_a_pause_once_and_the_plan_opens_on_it(demo_store) -> None:
    result = run_on(demo_store, CODE)
    out = result.stdout
    assert "while keys: False" in out, out + result.stderr
    assert "loaded: True True" in out, out + result.stderr
    assert "workers: 1" in out and "again: 1" in out, out
    assert "plan: PlanScreen" in out, out + result.stderr


#: ``loading_started(pilot)``: waits until the loading worker runs (the scripts below)
STARTED = """

async def loading_started(pilot):
    for _ in range(400):
        await pilot.pause(0.01)
        if any(w.group == "preload" and w.is_running for w in app.workers):
            return
"""

QUIT = app_script(
    STARTED
    + """

async def main():
    async with app.run_test(size=(120, 36)) as pilot:
        await loading_started(pilot)
        await asyncio.sleep(0.05)  # in the middle of the plan's imports
        started = time.perf_counter()
    return started

started = asyncio.run(main())
print(f"quit: {time.perf_counter() - started:.3f}")
print("plan:", "interview_tui.tui.plan.plan_screen" in sys.modules)
""",
    ", preload_idle=0.05",
)


def test_quitting_while_it_loads_does_not_wait_for_it(demo_store) -> None:
    result = run_on(demo_store, QUIT)
    assert "quit: " in result.stdout, result.stdout + result.stderr
    seconds = float(result.stdout.split("quit: ")[1].split()[0])
    assert "plan: False" in result.stdout, result.stdout  # stopped before the screen's code
    assert seconds < 0.5, result.stdout


DURING = app_script(
    STARTED
    + """

async def main():
    async with app.run_test(size=(120, 36)) as pilot:
        await loading_started(pilot)
        print("loading:", any(w.group == "preload" for w in app.workers))
        await pilot.press("enter")  # the plan, while its code is being imported
        await plan_shown(pilot, tries=1000)
        print("plan:", type(app.screen).__name__, app.screen.query("#script").first().row_count)
        await pilot.press("escape")
        await pilot.pause(0.1)
        print("home:", type(app.screen).__name__)

asyncio.run(main())
""",
    ", preload_idle=0.05",
)


def test_a_screen_opened_while_it_loads_opens_as_usual(demo_store) -> None:
    result = run_on(demo_store, DURING)
    out = result.stdout
    assert "loading: True" in out, out + result.stderr
    assert "plan: PlanScreen" in out and "home: HomeScreen" in out, out + result.stderr
    assert "plan: PlanScreen 0" not in out, out  # the visit's script is shown
