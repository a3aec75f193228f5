"""An open overlay in the Chinese UI (issue 25, "Reading it"): a pick list showed
``esc Dismiss menu`` in the key bar. Every key the key bar shows is described from the
catalog, in both languages: Textual's own widgets' keys included."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest
import textual
from textual.binding import Binding
from textual.widgets import Select

from interview_tui.tui.keybar import TEXTUAL_DESCRIPTIONS
from tests.conftest import settle
from tests.test_chinese_everywhere import ALLOWED


def _key_bar(app) -> str:
    """The bottom two lines (the key bar) as drawn."""
    lines = [
        "".join(segment.text for segment in strip)
        for strip in app.screen._compositor.render_strips()
    ]
    return "\n".join(lines[-2:])


async def _open_select(pilot, selector: str) -> None:
    pilot.app.screen.query_one(selector, Select).focus()
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    assert pilot.app.screen.query_one(selector, Select).expanded


#: route, its arguments, how to open the overlay, what shows it is open
OVERLAYS = [
    ("export", {"visit_id": 1}, "select:#format"),
    ("visit_form", {}, "select:#customer"),
    ("requirement", {"requirement_id": 1}, "select:#state"),
    ("home", {}, "keys:ctrl+p"),  # the command palette
    ("home", {}, "keys:s"),  # a list to choose from (the visit's status)
    ("live", {"visit_id": 4}, "keys:ctrl+t"),  # a dialog with a pick list
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("route", "kwargs", "how"), OVERLAYS, ids=[f"{r}-{h}" for r, _, h in OVERLAYS]
)
async def test_no_english_in_the_key_bar_of_an_overlay(make_app, route, kwargs, how, lang):
    app = make_app(route, lang=lang, **kwargs)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        kind, _, what = how.partition(":")
        if kind == "select":
            await _open_select(pilot, what)
        else:
            await pilot.press(what)
            await settle(pilot)
            if what == "ctrl+t":  # the owner's pick list in the dialog
                await _open_select(pilot, "#owner_side")
        bar = _key_bar(app)
    if kind == "select":
        closes = "收起列表" if lang == "zh" else "Close the list"
        assert f"esc {closes}" in bar, bar
        assert "Dismiss" not in bar, bar
    if lang == "zh":
        words = {w for w in re.findall(r"[A-Za-z]{2,}", bar) if w.lower() not in ALLOWED}
        assert not words, f"English in the zh key bar: {sorted(words)}\n{bar}"


def _textual_keys_shown() -> set[str]:
    """The descriptions of every key a Textual widget declares as shown."""
    found: set[str] = set()
    for module in pkgutil.walk_packages(textual.__path__, "textual."):
        if "playground" in module.name or module.name.startswith("textual.demo"):
            continue  # a developer tool, not a widget of the app
        try:
            loaded = importlib.import_module(module.name)
        except Exception:  # an optional dependency missing: not used by the app
            continue
        for cls in vars(loaded).values():
            if not (inspect.isclass(cls) and cls.__module__ == loaded.__name__):
                continue
            for binding in vars(cls).get("BINDINGS", None) or ():
                if isinstance(binding, tuple):
                    binding = Binding(*binding)
                if isinstance(binding, Binding) and binding.show and binding.description:
                    found.add(binding.description)
    return found


def test_every_key_textual_shows_has_words_in_the_catalog() -> None:
    """A Textual upgrade that shows a new key fails here, not in front of a Chinese user."""
    shown = _textual_keys_shown()
    assert "Dismiss menu" in shown
    assert shown <= set(TEXTUAL_DESCRIPTIONS), shown - set(TEXTUAL_DESCRIPTIONS)
