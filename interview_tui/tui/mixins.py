"""The bases the TUI's mixins are checked against: the class each is mixed into.

A mixin (type-ahead, undo, the list filter, the team sync of the app, …) uses what its
host provides: the screen's queries, the app, :meth:`DataScreen.read`. For mypy each mixin
derives from its host's base class below, so every call it makes is checked. At run time
the bases are ``object``: Textual inherits ``DEFAULT_CSS`` and ``COMPONENT_CLASSES`` along
the first base of a class that is a ``DOMNode`` only, so a mixin listed first that were a
``DOMNode`` would cut its host off from its Textual base's CSS (a table without its
header style, a modal screen without its own). tests/test_mixins.py checks both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.screen import Screen

    from interview_tui.tui.data import DataScreen
    from interview_tui.tui.forms import FormDialog

    #: for a mixin of any widget or screen
    NodeMixin = DOMNode
    #: for a mixin of a screen or dialog
    ScreenMixin = Screen[Any]
    #: for a mixin of a :class:`~interview_tui.tui.data.DataScreen`
    DataScreenMixin = DataScreen[Any]
    #: for a mixin of a :class:`~interview_tui.tui.forms.FormDialog`
    FormDialogMixin = FormDialog
    #: for a mixin of the app
    AppMixin = App[None]
else:
    NodeMixin = ScreenMixin = DataScreenMixin = FormDialogMixin = AppMixin = object
