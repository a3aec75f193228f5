"""Base classes for screens and widgets: translated bindings, typed access to the app.

Bindings are declared with catalog keys as their description and tooltip, e.g.
``Binding("n", "new_visit", "home.new_visit", id="home.new_visit")``; each instance
translates them into the current language when it is created, so the footer, the help
panel and the command palette speak the user's language and ids stay remappable.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from textual.screen import ModalScreen, Screen

from interview_tui.i18n import t

if TYPE_CHECKING:
    from interview_tui.tui.app import InterviewApp


def translate_bindings(node: Any) -> None:
    """Replace catalog keys in ``node``'s bindings with text in the current language."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(
                binding,
                description=t(binding.description) if binding.description else "",
                tooltip=t(binding.tooltip) if binding.tooltip else "",
            )
            for binding in bindings
        ]


class TranslatedBindings:
    """Mixin for any DOM node whose ``BINDINGS`` use catalog keys."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)


class BaseScreen(TranslatedBindings, Screen):
    """A screen of interview-tui."""

    @property
    def iapp(self) -> InterviewApp:
        """The app, typed."""
        return cast("InterviewApp", self.app)


class BaseModal(TranslatedBindings, ModalScreen):
    """A modal dialog of interview-tui; its result is given to the callback of push_screen."""

    @property
    def iapp(self) -> InterviewApp:
        return cast("InterviewApp", self.app)
