"""Commands that open the full-screen app: the default one, ``rehearse`` and ``live``."""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future
from typing import Any

import click

from interview_tui.cli.helptext import Localised
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.memory import pause_collector


def run_app(settings: Settings, route: str = "home", **kwargs: Any) -> None:
    """Open the store, build the app with the production factory and run it.

    The home screen's data is read in a thread while Textual loads (SQLite releases the
    GIL), so the first paint already shows it.
    """
    # Textual paints at most 60 times a second by default, so a key can wait up to a whole
    # frame before it shows; 120 keeps key-to-screen inside one 60 Hz frame (p95).
    os.environ.setdefault("TEXTUAL_FPS", "120")
    pause_collector()
    store = settings.open_store()
    prefetched: dict[str, Future] = {}
    if route == "home":
        prefetched["home"] = Future()
        threading.Thread(target=_read_home, args=(store, prefetched["home"]), daemon=True).start()
    try:
        from interview_tui.tui.app import build_app
        from interview_tui.tui.preload import IDLE_SECONDS

        app = build_app(
            store, initial=(route, kwargs), prefetched=prefetched, preload_idle=IDLE_SECONDS
        )
        app.run()
    finally:
        store.close()


def _read_home(store: Any, future: Future) -> None:
    from datetime import date

    from interview_tui.services.home_data import read_home

    try:
        future.set_result(read_home(store, date.today()))
    except BaseException as exc:
        future.set_exception(exc)


def _visit_id(settings: Settings, visit: int) -> int:
    store = settings.open_store()
    try:
        store.visit_with_customer(visit)  # a clear error when there is no such visit
    finally:
        store.close()
    return visit


@click.command("rehearse", cls=Localised)
@click.argument("visit", type=int)
@pass_settings
def rehearse(settings: Settings, visit: int) -> None:
    """Rehearse VISIT: our questions card by card, the customer's as flashcards."""
    run_app(settings, "rehearse", visit_id=_visit_id(settings, visit))


@click.command("live", cls=Localised)
@click.argument("visit", type=int)
@pass_settings
def live(settings: Settings, visit: int) -> None:
    """Open VISIT in the live meeting screen (the visit becomes live)."""
    run_app(settings, "live", visit_id=_visit_id(settings, visit))
