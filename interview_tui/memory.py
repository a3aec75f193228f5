"""The garbage collector around start-up: no full collections before the first screen.

Start-up builds tens of thousands of long-lived objects (modules, classes, styles) and
almost no garbage, yet the cyclic collector walks all of them again and again while they
are made: tens of milliseconds before the first paint and, later, in the middle of a key
that opens a screen. :func:`pause_collector` turns it off while the app starts;
:func:`resume_collector`, once the first screen is drawn, moves what start-up built out of
its reach (``gc.freeze``) and turns it back on, so later collections walk only what the
screens made since.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collector() -> None:
    """No cyclic collection until :func:`resume_collector` (reference counting goes on)."""
    global _paused
    _paused = True
    gc.disable()


def resume_collector() -> None:
    """Keep what start-up built out of later collections and collect again from here on
    (only after :func:`pause_collector`: an app built by a test leaves the collector be)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
