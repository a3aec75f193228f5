"""Custom messages shared across screens."""

from __future__ import annotations

from textual.message import Message


class DataChanged(Message):
    """Something was written to the store; screens showing it should reload."""

    def __init__(self, what: str = "") -> None:
        super().__init__()
        self.what = what
