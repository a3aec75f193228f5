"""What the first opening of a screen loads, loaded ahead while the app is idle.

The first time a screen opens, its code is imported, and the plan parses the question banks
and loads the linter's rules and model for the interface's language; later openings find all
of it loaded. Once the first screen is drawn and no key has come for a moment, one thread
worker loads it, one step at a time, in the order the screens are likely opened: the plan
(enter on a visit) and what it reads, then every other screen. It runs once; a step the user
needed meanwhile is found loaded (an import under way is waited for by Python, not done
twice); a step that fails is left to the screen, which loads it and says what is wrong as
before; when the app closes, the worker stops after the step under way.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from textual import events
from textual.worker import get_current_worker

from interview_tui.tui.routes import ROUTES, available, module_of

#: seconds without a key or a click before the loading starts
IDLE_SECONDS = 1.0
#: how often the app looks whether the user has paused long enough (and the screen has its data)
IDLE_CHECK_SECONDS = 0.25
#: the screens loaded first, most likely first: the plan opens with enter on a visit
FIRST_ROUTES = ("plan",)
#: the authority check's module: loaded last (a third of a second compiling its patterns)
AUTHORITY = "interview_tui.services.authority"

Step = Callable[[], object]


def _library() -> object:
    from interview_tui.banks.library import load_library

    return load_library()  # parsed once per process: the plan's first read finds it parsed


def _lint(language: str) -> None:
    from interview_tui.lint.engine import prepare

    prepare(language)


def steps(language: str) -> list[Step]:
    """What the first openings need, in order: the plan's code, the banks and the linter
    for ``language`` (the interface's, which the plan lints in), every other screen, then
    the authority check (its patterns, compiled as it is imported: first needed by a
    prepared answer's check, a flashcard, a promise typed in the meeting)."""
    first = [route for route in FIRST_ROUTES if available(route)]
    rest = [route for route in ROUTES if route not in first and available(route)]
    return [
        *(partial(importlib.import_module, module_of(route)) for route in first),
        _library,
        partial(_lint, language),
        *(partial(importlib.import_module, module_of(route)) for route in rest),
        partial(importlib.import_module, AUTHORITY),
    ]


class Stopped(BaseException):
    """The loading was cancelled: an import under way stops before its next module (a
    BaseException, so that no module's ``except ImportError`` takes it for a missing one)."""


class _ImportGate:
    """Stops the loading thread's imports between two modules once it is cancelled: one
    step imports a screen and everything under it, far longer than the app may take to quit.
    A module stopped half-way is dropped by Python, as after any failed import, and is
    imported whole when next needed. Installed once, first in ``sys.meta_path`` (a finder
    by its ``find_spec``: ``importlib.abc`` would load importlib.resources at start-up); it
    finds nothing and lets every other thread's import by."""

    def __init__(self) -> None:
        self.thread: int | None = None
        self.cancelled: Callable[[], bool] = lambda: False

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        if self.thread == threading.get_ident() and self.cancelled():
            raise Stopped(fullname)
        return None


_GATE = _ImportGate()


def _gate() -> _ImportGate:
    if _GATE not in sys.meta_path:  # never removed: another thread may be walking the list
        sys.meta_path.insert(0, _GATE)
    return _GATE


def run_steps(todo: Iterable[Step], cancelled: Callable[[], bool]) -> int:
    """Run each step until ``cancelled()`` says stop (imports stop between two modules);
    a step that fails is skipped (its screen loads it and reports the error itself).
    Returns how many steps ran whole."""
    gate, done = _gate(), 0
    gate.thread, gate.cancelled = threading.get_ident(), cancelled
    try:
        for step in todo:
            if cancelled():
                break
            with contextlib.suppress(Exception):  # left to the screen that needs it
                step()
            done += 1
    except Stopped:
        pass
    finally:
        gate.thread = None
    return done


def _in_worker(todo: list[Step]) -> int:
    worker = get_current_worker()
    return run_steps(todo, lambda: worker.is_cancelled)


class Preload:
    """The app's side: :meth:`arm_preload` once the first screen is drawn, and
    :meth:`note_input` for every event (keys, pastes and clicks count)."""

    #: seconds of quiet before loading (None: never; the CLI's app sets it)
    preload_idle: float | None = None
    _preload_armed = False
    _preload_started = False
    _last_input = 0.0

    def arm_preload(self) -> None:
        """The first screen is drawn: the quiet is counted from now (once)."""
        if self.preload_idle is None or self._preload_armed:
            return
        self._preload_armed = True
        self._last_input = max(self._last_input, time.monotonic())
        app: Any = self
        app.set_timer(IDLE_CHECK_SECONDS, self.preload_when_idle)

    def note_input(self, event: events.Event) -> None:
        """A key, a paste or a click: the user is not idle."""
        if isinstance(event, events.Key | events.Paste | events.MouseDown):
            self._last_input = time.monotonic()

    def preload_when_idle(self) -> None:
        """Start the loading once nothing has come from the user for :attr:`preload_idle`
        seconds and the screen in front has its data (checked again until both hold)."""
        idle = self.preload_idle
        if idle is None or self._preload_started:
            return
        quiet = time.monotonic() - self._last_input
        app: Any = self
        if quiet < idle or getattr(app.screen, "busy", False):
            app.set_timer(IDLE_CHECK_SECONDS, self.preload_when_idle)
            return
        self._preload_started = True
        from interview_tui.i18n import current_language

        app.run_worker(
            partial(_in_worker, steps(current_language())),
            thread=True,
            group="preload",
            exit_on_error=False,
        )
