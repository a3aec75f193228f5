"""The app's fields: a one-line input that focusing never selects (and so never wipes), a
value holding control characters drawn with visible symbols; a pick list whose empty
prompt is in the user's language."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Input as _TextualInput
from textual.widgets import Select

from interview_tui.display import visible_in_place
from interview_tui.i18n import t


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


class Choice(Select):
    """A Textual ``Select`` whose empty prompt is translated (Textual's says "Select")."""

    def __init__(self, *args: Any, prompt: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, prompt=t("form.choose") if prompt is None else prompt, **kwargs)
