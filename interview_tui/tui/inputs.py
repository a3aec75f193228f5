"""The app's one-line input: focusing a filled field never selects (and so never wipes) it,
and a value holding control characters is drawn with visible symbols."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Input as _TextualInput

from interview_tui.display import visible_in_place


class Input(_TextualInput):
    """A Textual ``Input`` that keeps the cursor at the end on focus instead of selecting all.

    Tabbing into a filled field and typing must add to it, not replace it.
    """

    def __init__(self, *args: Any, select_on_focus: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, select_on_focus=select_on_focus, **kwargs)

    @property
    def _value(self) -> Text:
        """The value as drawn: control characters shown as symbols, never sent raw."""
        if self.password:
            return super()._value
        return Text(visible_in_place(self.value), no_wrap=True, overflow="ignore", end="")
