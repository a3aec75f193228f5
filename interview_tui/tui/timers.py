"""Every timer in the app has a positive interval, or the UI thread spins forever.

Textual's :class:`~textual.timer.Timer` with an interval ≤ 0 never yields: in
``Timer._run`` the next tick is always in the past, ``count`` becomes a large negative number
that stays ``<= repeat``, and the loop ``continue``\\ s without awaiting. Every key, ``ctrl+q``
included, is dead and the process burns a core.

A toast gets such a timer: Textual checks that a notification has not expired
(``time_left > 0``) and a moment later starts the toast's timer with ``time_left`` read
again from the wall clock. On a loaded machine the moment is long enough for the second
reading to be negative (seen: ``-0.0000913`` s, when opening a visit as a toast ran out).

:func:`install` makes every ``Timer`` (ours, Textual's toasts, anything else's) take its
interval through :func:`safe_interval`, which turns ≤ 0 (and NaN) into
:data:`MIN_INTERVAL`: the timer fires at once, as it meant to. Our own calls pass positive
constants (tests/test_timers.py checks the source for any other interval).
"""

from __future__ import annotations

from functools import wraps
from typing import Any

from textual.timer import Timer

#: the shortest interval a timer gets (seconds)
MIN_INTERVAL = 0.001

#: timers created with an interval ≤ 0, newest last: (name, interval asked), at most 20
clamped: list[tuple[str, float]] = []


def safe_interval(seconds: float, name: str = "") -> float:
    """``seconds`` if positive, else :data:`MIN_INTERVAL` (and the timer is remembered)."""
    if seconds > 0:  # False for NaN too
        return seconds
    clamped.append((name, seconds))
    del clamped[:-20]
    return MIN_INTERVAL


def install() -> None:
    """Guard every :class:`Timer` created from now on (once; later calls do nothing)."""
    original = Timer.__init__
    if getattr(original, "_positive_interval", False):
        return

    @wraps(original)
    def __init__(
        self: Timer, event_target: Any, interval: float, *args: Any, **kwargs: Any
    ) -> None:
        name = kwargs.get("name") or ""
        original(self, event_target, safe_interval(interval, name), *args, **kwargs)

    # a mark on the function and a method replaced on the class: what install() is for
    __init__._positive_interval = True  # type: ignore[attr-defined]
    Timer.__init__ = __init__  # type: ignore[method-assign]
