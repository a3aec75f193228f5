"""The app's fields: a one-line input that focusing never selects (and so never wipes), a
multi-line editor, a pick list whose empty prompt is in the user's language, and tick
boxes drawn ``[x]`` / ``[ ]``.

Both text fields hold stored text exactly as it is (names, notes and answers may arrive by
import with escape sequences in them) and draw it through
:func:`interview_tui.display.visible_in_place`: a control character shows as its symbol
(``␛``, ``␇``), anything else a terminal could act on as ``�``, one character for one, so
cursor, selection and wrapping stay where they are. Nothing stored is ever written raw to
the terminal, and the stored text changes only where the user edits it. Screens use these
two classes, never Textual's ``Input`` and ``TextArea`` themselves (a test checks).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.expand_tabs import expand_tabs_inline
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, Select, SelectionList
from textual.widgets import Input as _TextualInput
from textual.widgets import TextArea as _TextualTextArea

from interview_tui.display import visible_in_place
from interview_tui.i18n import t
from interview_tui.tui.mixins import NodeMixin
from interview_tui.tui.textual_private import (
    DocumentBase,
    DocumentNavigator,
    WrappedDocument,
    cell_width_to_column_index,
    compact_class,
    is_selected,
    rewrap,
)


def _shown_line(line: str) -> str:
    """A line of an editor as drawn: its tabs stay tabs (the editor lays them out)."""
    return "\t".join(visible_in_place(part) for part in line.split("\t"))


class BornCompact(NodeMixin):
    """A field made ``compact`` carries the compact class from its construction on.

    Textual sets ``compact`` in the widget's ``__init__``; the class it toggles then makes
    Textual style the widget against the whole stylesheet at once, mounted or not: one
    styling pass per field of a form before the form is even mounted (a few milliseconds
    each, most of the cost of building a big form). With the class already there, setting
    ``compact`` changes no class and styles nothing; the widget is styled once, as it is
    mounted."""

    def __init__(self, *args: Any, compact: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # not compact: no class to take away or add
        if compact:
            self.add_class(compact_class(type(self)), update=False)
            self.compact = True  # the class is there already: nothing to style


class Input(BornCompact, _TextualInput):
    """A Textual ``Input`` that keeps the cursor at the end on focus instead of selecting all.

    Tabbing into a filled field and typing must add to it, not replace it.

    A field without validators is valid whatever it holds: it carries Textual's ``-valid``
    class from its construction on, as it would after its first value (Textual adds the
    class then, and styles the field again for it: once per field a form fills).
    """

    def __init__(self, *args: Any, select_on_focus: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, select_on_focus=select_on_focus, **kwargs)
        if not self.validators:
            self.add_class("-valid", update=False)

    @property
    def _value(self) -> Text:
        """The value as drawn: control characters shown as symbols, never sent raw."""
        if self.password:
            return super()._value
        return Text(visible_in_place(self.value), no_wrap=True, overflow="ignore", end="")

    def _position_to_cell(self, position: int) -> int:
        """Cells up to ``position`` as drawn (a terminal gives a control character no
        width; its symbol takes one), so scrolling keeps the cursor in view."""
        from rich.cells import cell_len

        return cell_len(visible_in_place(self.value[:position]))


class _ShownLines(Sequence[str]):
    """A document's lines as drawn, made on demand (a long note is not copied per key)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [_shown_line(line) for line in self._lines[index]]
        return _shown_line(self._lines[index])

    def __iter__(self) -> Iterator[str]:
        return (_shown_line(line) for line in self._lines)


class _ShownDocument:
    """A read-only view of an editor's document with each line as drawn, for the parts of
    Textual that measure lines (wrapping, cursor and mouse positions, moving by word).

    Every character is drawn as exactly one character, so a column in the view is the same
    column in the document; only the widths differ (a control character has none).
    """

    def __init__(self, document: DocumentBase) -> None:
        self._document = document

    @property
    def lines(self) -> _ShownLines:
        return _ShownLines(self._document.lines)

    def get_line(self, index: int) -> str:
        return _shown_line(self._document.get_line(index))

    def __getitem__(self, index: int) -> str:
        return _shown_line(self._document[index])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._document, name)


class TextArea(_TextualTextArea):
    """A Textual ``TextArea`` that draws stored text safely (see the module's docstring).

    The document keeps the text exactly; :meth:`get_line` (Textual's hook for how a line
    looks) draws it with symbols, and wrapping and cursor positions measure the same drawn
    text.
    """

    def get_line(self, line_index: int) -> Text:
        return Text(_shown_line(self.document.get_line(line_index)), end="", no_wrap=True)

    def _set_document(self, text: str, language: str | None) -> None:
        super()._set_document(text, language)
        self.wrapped_document = WrappedDocument(
            # a read-only view with every DocumentBase member WrappedDocument reads
            _ShownDocument(self.document),  # type: ignore[arg-type]
            tab_width=self.indent_width,
        )
        self.navigator = DocumentNavigator(self.wrapped_document)
        rewrap(self)

    def get_column_width(self, row: int, column: int) -> int:
        from rich.cells import cell_len

        line = _shown_line(self.document[row])
        return cell_len(expand_tabs_inline(line[:column], self.indent_width))

    def cell_width_to_column_index(self, cell_width: int, row_index: int) -> int:
        line = _shown_line(self.document[row_index])
        return cell_width_to_column_index(line, cell_width, self.indent_width)


class Choice(BornCompact, Select):
    """A Textual ``Select`` whose empty prompt is translated (Textual's says "Select").

    A compact pick list's list of choices is born compact too: Textual binds its
    ``compact`` to the pick list's as it is mounted, which styled the list again."""

    def __init__(self, *args: Any, prompt: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, prompt=t("form.choose") if prompt is None else prompt, **kwargs)

    def compose(self) -> ComposeResult:
        for part in super().compose():
            if isinstance(part, OptionList) and self.compact:
                part.add_class(compact_class(OptionList), update=False)
            yield part


#: A tick box as drawn: ticked and empty differ in shape, not only in colour, so they read
#: the same on a light or dark terminal, in monochrome and in a screenshot.
TICKED, UNTICKED = "[x]", "[ ]"


class Tick(BornCompact, Checkbox):
    """A Textual ``Checkbox`` drawn ``[x]`` / ``[ ]`` (Textual's draws ``▐X▌`` both ways)."""

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--label")
        return Content.styled(TICKED if self.value else UNTICKED, style)


class TickList(SelectionList[Any]):
    """A Textual ``SelectionList`` whose rows start ``[x]`` / ``[ ]``."""

    def _get_left_gutter_width(self) -> int:
        return len(TICKED) + 1

    def on_focus(self) -> None:
        """Focused with no row highlighted (its rows came after it was drawn): the first
        row is, so the first space ticks it and the first down moves off it."""
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def render_line(self, y: int) -> Strip:
        from rich.segment import Segment
        from textual.widgets import OptionList
        from textual.widgets.option_list import OptionDoesNotExist

        line = OptionList.render_line(self, y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        style = next(iter(line)).style or self.rich_style
        mark = TICKED if is_selected(self, selection.value) else UNTICKED
        meta = Style(meta={"option": self.scroll_offset.y + y})
        return Strip([Segment(mark + " ", style + meta), *line])
