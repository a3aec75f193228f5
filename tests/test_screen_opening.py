"""Opening a screen styles it once and draws it once, with its data (issue 26): the live
screen and the requirement detail, counted in Textual's own passes.

A styling pass is Textual matching widgets against the whole stylesheet; a pass over the
whole screen after it is drawn (a class given to the screen late) draws it again too."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.screen import Screen

from interview_tui.tui.inputs import Choice, Input, Tick
from interview_tui.tui.review.detail_base import ConflictList


class _Passes:
    """Every styling pass of ``app``: the nodes styled in each."""

    def __init__(self, app: App[Any]) -> None:
        self.passes: list[list[Any]] = []
        stylesheet = app.stylesheet
        original = stylesheet.update_nodes

        def counted(nodes: Iterable[Any], animate: bool = False) -> None:
            nodes = list(nodes)
            self.passes.append(nodes)
            original(nodes, animate=animate)

        stylesheet.update_nodes = counted  # type: ignore[method-assign]

    def over(self, screen: Screen[Any]) -> int:
        """How many passes styled the whole of ``screen``."""
        return sum(screen in nodes for nodes in self.passes)


async def test_a_compact_field_is_not_styled_before_it_is_mounted() -> None:
    """Textual restyles a widget for each class its ``compact`` toggles, mounted or not: a
    pass over the stylesheet per field of a form before the form exists. Compact from the
    start, a field is styled once, as it is mounted."""
    app: App[None] = App()
    async with app.run_test():
        passes = _Passes(app)
        fields = [
            Input(compact=True),
            Choice([("one", "1")], allow_blank=False, compact=True),
            Tick("tick", compact=True),
            ConflictList(compact=True),
        ]
        assert passes.passes == []
        assert all(field.compact and field.has_class("-textual-compact") for field in fields)
        plain = Input()
        assert not plain.compact and not plain.has_class("-textual-compact")
