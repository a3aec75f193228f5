"""The garbage collector around start-up: no full collections before the first screen.

Start-up builds tens of thousands of long-lived objects (modules, classes, styles) and
almost no garbage, yet the cyclic collector walks all of them again and again while they
are made: tens of milliseconds before the first paint and, later, in the middle of a key
that opens a screen. :func:`pause_collector` turns it off while the app starts;
:func:`resume_collector`, once the first screen is drawn, moves what start-up built out of
its reach (``gc.freeze``) and turns it back on, so later collections walk only what the
screens made since.

A full collection still walks everything the screens made since start (50-170 ms), and it
came whenever the young collections had run ten times: most often in the middle of opening
the next screen, a third of that key's CPU. From then on the collector runs full collections
five times less often by itself, and :func:`collect_closed` runs one when a screen has
closed and the app is between keys (what the screen left in cycles is garbage then), so a
full collection rarely lands in a key that opens a screen or types a note.
"""

from __future__ import annotations

import gc

_paused = False
_deferring = False
#: young collections before the collector runs a full one by itself (Python's default: 10)
FULL_AFTER = 50


def pause_collector() -> None:
    """No cyclic collection until :func:`resume_collector` (reference counting goes on)."""
    global _paused
    _paused = True
    gc.disable()


def resume_collector() -> None:
    """Keep what start-up built out of later collections and collect again from here on,
    full collections seldom by themselves (only after :func:`pause_collector`: an app built
    by a test leaves the collector be)."""
    global _paused, _deferring
    if _paused:
        _paused = False
        keep_and_defer()
        _deferring = True
        gc.enable()


def keep_and_defer() -> None:
    """Move everything the process holds now out of the collector's reach (``gc.freeze``)
    and let it run full collections by itself only every :data:`FULL_AFTER` middle ones."""
    gc.freeze()
    young, middle, _full = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_AFTER)


def collect_closed() -> None:
    """A screen has closed: collect what it left in cycles now, between keys (only once
    :func:`resume_collector` has made full collections seldom)."""
    if _deferring:
        gc.collect()
