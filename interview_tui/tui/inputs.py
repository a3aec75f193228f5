"""The app's one-line input: focusing a filled field never selects (and so never wipes) it."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input as _TextualInput


class Input(_TextualInput):
    """A Textual ``Input`` that keeps the cursor at the end on focus instead of selecting all.

    Tabbing into a filled field and typing must add to it, not replace it.
    """

    def __init__(self, *args: Any, select_on_focus: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, select_on_focus=select_on_focus, **kwargs)
