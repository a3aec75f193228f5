"""The Textual face of the product. Only this package imports Textual."""

from interview_tui.tui.timers import install as _guard_timers

_guard_timers()  # before any screen or toast starts a timer (see tui/timers.py)
