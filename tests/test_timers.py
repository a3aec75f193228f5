"""No timer ever gets an interval ≤ 0: Textual's timer loop spins without yielding on one
and the whole app freezes (every key dead, ``ctrl+q`` too). See interview_tui/tui/timers.py."""

from __future__ import annotations

import ast
import importlib
import signal
import time
from pathlib import Path

import pytest
from textual.notifications import Notification
from textual.timer import Timer
from textual.widgets._toast import Toast, ToastRack

from interview_tui.tui import timers
from tests.conftest import settle

PACKAGE = Path(__file__).resolve().parent.parent / "interview_tui"


def test_a_timer_never_gets_an_interval_of_zero_or_less() -> None:
    class Target:
        pass

    target = Target()
    for asked in (-0.0000913, 0, -5.0, float("nan")):
        assert Timer(target, asked)._interval == timers.MIN_INTERVAL  # type: ignore[arg-type]
    assert Timer(target, 0.3)._interval == 0.3  # type: ignore[arg-type]
    assert timers.clamped[-1][1] != timers.clamped[-1][1]  # the NaN, remembered


async def test_a_toast_whose_time_ran_out_while_it_was_being_shown_does_not_freeze_the_app(
    make_app,
) -> None:
    """The path that froze the app: a toast mounted a moment after its notification expired
    starts its timer with a negative ``time_left``. The app must answer keys at once."""
    spun = []

    def watchdog(_signum, _frame) -> None:  # interrupts a loop that never yields
        spun.append(True)
        raise TimeoutError("the UI thread did not yield for 5 s")

    previous = signal.signal(signal.SIGALRM, watchdog)
    app = make_app("home")
    try:
        async with app.run_test(notifications=True) as pilot:
            app.notify("a toast", timeout=30)  # the screen's toasts are shown
            await settle(pilot)
            late = Notification("late", timeout=1, raised_at=time.time() - 1.0000913)
            assert late.time_left < 0
            signal.setitimer(signal.ITIMER_REAL, 5)
            toast = Toast(late)
            await app.screen.get_child_by_type(ToastRack).mount(toast)
            await pilot.pause(0.05)
            await pilot.press("f1")  # a key still works
            await settle(pilot)
            signal.setitimer(signal.ITIMER_REAL, 0)
            assert not spun
            assert type(app.screen).__name__ == "HelpScreen"
            assert not toast.is_attached  # it expired at once, as it should
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _constant(module: object, node: ast.expr) -> object:
    """The value of a literal, a module constant or a class constant (``self.NAME``)."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return getattr(module, node.id, None)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        holders = [getattr(module, node.value.id, None), *vars(module).values()]
        for holder in holders:
            if isinstance(holder, type) and isinstance(
                getattr(holder, node.attr, None), int | float
            ):
                return getattr(holder, node.attr)
    return None


def _makes_a_timer(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr in ("set_timer", "set_interval")
    return isinstance(func, ast.Name) and func.id == "Timer"


def test_every_timer_of_ours_has_a_positive_constant_interval() -> None:
    """A computed interval (``deadline - now``) can come out ≤ 0 on a loaded machine: the
    guard would clamp it, but a timer of ours must not rely on that."""
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
        timers_here = [call for call in calls if _makes_a_timer(call)]
        if not timers_here:
            continue
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        module = importlib.import_module(name)
        for call in timers_here:
            interval = call.args[1] if isinstance(call.func, ast.Name) else call.args[0]
            value = _constant(module, interval)
            if not (isinstance(value, int | float) and value > 0):
                bad.append(f"{name}:{call.lineno}: {ast.unparse(interval)}")
    assert not bad, "timers whose interval is not a positive constant: " + ", ".join(bad)


def test_the_guard_is_in_place_before_any_screen_exists() -> None:
    import interview_tui.tui  # noqa: F401  (installs it)

    assert getattr(Timer.__init__, "_positive_interval", False)


@pytest.fixture(autouse=True)
def _forget_clamped():
    timers.clamped.clear()
    yield
    timers.clamped.clear()


async def test_a_toast_with_its_own_timeout_stays_as_long_as_the_app_holds_it(make_app) -> None:
    """Tests hold toasts (``toast_hold``): on a loaded machine a toast with a six-second
    timeout vanished before the snapshot of the plan was taken. The product holds them 1×."""
    app = make_app("home")
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        app.toast_hold = 1.0
        app.notify("brief", timeout=0.05)
        app.toast_hold = 100.0
        app.notify("held", timeout=0.05)
        await pilot.pause(0.4)
        shown = [str(toast.render()).strip() for toast in app.screen.query(Toast)]
        assert shown == ["held"], shown
