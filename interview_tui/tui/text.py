"""User text in widgets: always literal (see :mod:`interview_tui.display`).

Textual parses markup in plain strings given to ``Static``, ``Label``, table cells and
toasts. Text that comes from the user or a file goes through :func:`literal` (or a
:class:`SafeTable`, which does it for every cell), so ``[/EU]`` in a name is just text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import DataTable, Static

from interview_tui.display import visible
from interview_tui.tui.textual_private import forget_drawn_rows, measure_new_rows, resize_columns

__all__ = [
    "CELL_LIMIT",
    "Block",
    "BlockStatic",
    "Hanging",
    "Parts",
    "SafeTable",
    "esc",
    "hanging",
    "hold_scrollbar",
    "literal",
    "marked",
    "visible",
]

#: how an unfilled placeholder stands out on screen (besides its written mark)
GAP_STYLE = "bold reverse yellow"

#: a table cell shows at most this many characters of a long text
CELL_LIMIT = 400


def literal(
    text: object, style: str = "", *, one_line: bool = False, limit: int | None = None
) -> Text:
    """``text`` as a renderable that is never parsed as markup and runs no control codes."""
    return Text(visible(text, one_line=one_line, limit=limit), style=style)


class Fitted:
    """A table cell drawn whole when its column has the room, else as its short form (a
    late promise's state: with the first due date when wide, how late alone when not)."""

    def __init__(self, full: Text, short: Text) -> None:
        self.full, self.short = full, short

    def __str__(self) -> str:
        return self.full.plain

    @property
    def plain(self) -> str:
        return self.full.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        yield self.full if self.full.cell_len <= options.max_width else self.short

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.short.cell_len, self.full.cell_len)


def marked(text: object, style: str = "", *, one_line: bool = False) -> Text:
    """A script's text, literal, with each unfilled ``<name>`` written as a gap to fill
    (``[fill in: name]``) and highlighted: never a raw placeholder on screen."""
    from interview_tui.banks.placeholders import pieces
    from interview_tui.services.placeholders import mark_template

    template = mark_template()
    out = Text(style=style)
    for piece, is_name in pieces(visible(text, one_line=one_line)):
        if is_name:
            out.append(template.format(name=piece), GAP_STYLE)
        else:
            out.append(piece)
    return out


def esc(text: object) -> str:
    """User text for a place that builds markup of its own: escaped and made visible."""
    from rich.markup import escape

    return escape(visible(text))


#: the narrowest room beside its prefix a :class:`Hanging` line hangs its text in
_MIN_HANGING_ROOM = 4


class Hanging:
    """A line whose continuation lines hang under its text, not at the left margin.

    ``prefix`` (a bullet, ``  → ``, a date) is drawn once; the text wraps in the width left
    beside it, so every wrapped line starts in the same column as the first. Widths are in
    terminal cells (Chinese text lines up). ``str()`` is the plain line.
    """

    def __init__(self, prefix: Text, text: Text) -> None:
        self.prefix = prefix
        self.text = text

    def __str__(self) -> str:
        return self.prefix.plain + self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        indent = cell_len(self.prefix.plain)
        room = options.max_width - indent
        if room < _MIN_HANGING_ROOM:  # wrap at the margin rather than one cell a line
            yield from console.render(self.prefix + self.text, options)
            return
        pad = Text(" " * indent)
        line_options = options.update(no_wrap=True, overflow="ignore")
        for n, line in enumerate(self._lines(console, room)):
            yield from console.render((self.prefix if n == 0 else pad) + line, line_options)

    def _lines(self, console: Console, room: int) -> list[Text]:
        """The text wrapped in ``room`` cells, each line without trailing spaces; a text
        that fits on one line is that line as it is (wrapping it would give the same)."""
        plain = self.text.plain
        if plain and not plain[-1].isspace() and _fits(self.text, room):
            return [self.text]
        lines = self.text.wrap(console, room, overflow="fold")
        for line in lines:
            line.rstrip()
        return list(lines)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = cell_len(self.prefix.plain)
        text = Measurement.get(console, options, self.text)
        return Measurement(indent + text.minimum, indent + text.maximum).clamp(
            max_width=options.max_width
        )


def hanging(prefix: str | Text, text: object, style: str = "") -> Hanging:
    """``prefix`` then the user's ``text`` (literal, never markup; a ``Text`` is taken as
    built), wrapped lines hanging under the text. ``prefix`` is ours: a string is taken as
    plain text too."""
    head = prefix if isinstance(prefix, Text) else Text(prefix, style=style)
    return Hanging(head, text if isinstance(text, Text) else literal(text, style))


class Parts:
    """Short parts one after the other, ``sep`` between them, that wrap only between
    parts: a line never ends inside a speaker's name or a flag, and never leaves half
    of one alone on the next line. A part wider than the line is folded. Widths are in
    terminal cells. ``str()`` is the plain line."""

    def __init__(self, parts: Iterable[str], style: str = "", sep: str = " · ") -> None:
        self.parts = [visible(part, one_line=True) for part in parts if part]
        self.style = style
        self.sep = sep

    def __str__(self) -> str:
        return self.sep.join(self.parts)

    def lines(self, width: int) -> list[str]:
        lines: list[str] = []
        line = ""
        tail = self.sep.rstrip()  # ends a line that goes on below
        for n, part in enumerate(self.parts):
            joined = f"{line}{self.sep}{part}" if line else part
            last = n == len(self.parts) - 1
            if line and cell_len(joined if last else joined + tail) > width:
                lines.append(line + tail)
                joined = part
            line = joined
        return [*lines, line] if line else lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Any]:
        for line in self.lines(options.max_width):
            yield Text(line, style=self.style, overflow="fold")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((cell_len(part) for part in self.parts), default=0)
        return Measurement(min(widest, options.max_width), cell_len(str(self))).clamp(
            max_width=options.max_width
        )


class Block:
    """Lines and hanging lines one under the other, as one renderable for a ``Static``;
    ``str()`` is the plain text (what a test or a screen reader reads).

    Drawn once per width: Textual renders a ``Static``'s content to measure its height,
    again to paint it, and again after each layout that resized it; a block of many
    wrapped lines (a visit of the timeline) is wrapped once and its segments reused."""

    def __init__(self, parts: Iterable[Text | Hanging]) -> None:
        self.parts = list(parts)
        self._drawn: tuple[tuple[Any, ...], list[Segment]] | None = None

    def __str__(self) -> str:
        return "\n".join(
            str(part) if isinstance(part, Hanging) else part.plain for part in self.parts
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        key = (
            options.max_width,
            options.justify,
            options.overflow,
            options.no_wrap,
            options.markup,
            console.color_system,
        )
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, [*self._segments(console, options)])
        yield from self._drawn[1]

    def height(self, console: Console, options: ConsoleOptions) -> int:
        """The lines the block takes at ``options.max_width``, as drawn: a line sure to fit
        (one line of text no wider than the room it has) counts one without being drawn,
        any other is drawn and its lines counted. A block below the screen is measured
        for the layout, not drawn."""
        if self._drawn is not None and self._drawn[0][0] == options.max_width:
            return sum(segment.text.count("\n") for segment in self._drawn[1])
        return sum(_height(part, console, options) for part in self.parts)

    def _segments(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for part in self.parts:
            if isinstance(part, Text):
                part = part.copy()
                part.end = "\n"
            yield from console.render(part, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        sizes = [Measurement.get(console, options, part) for part in self.parts]
        return Measurement(
            max((m.minimum for m in sizes), default=0), max((m.maximum for m in sizes), default=0)
        )


def hold_scrollbar(view: Widget, overflows: bool) -> None:
    """A scrolling view whose content certainly ``overflows`` keeps its scrollbar's gutter
    from its first layout and draws its scrollbar in its first frame: laid out without it,
    everything in it was laid out again two cells narrower once the scrollbar appeared, and
    the bar was drawn a frame later."""
    view.styles.scrollbar_gutter = "stable" if overflows else "auto"
    if overflows:
        view.show_vertical_scrollbar = True


def _fits(text: Text, width: int) -> bool:
    """Whether ``text`` is one line no wider than ``width`` cells (drawn as it is)."""
    plain = text.plain
    return "\n" not in plain and "\t" not in plain and cell_len(plain) <= width


def _height(part: Text | Hanging, console: Console, options: ConsoleOptions) -> int:
    """The lines one part of a :class:`Block` takes at ``options.max_width``."""
    width = options.max_width
    if isinstance(part, Text) and _fits(part, width):
        return 1
    if isinstance(part, Hanging):
        room = width - cell_len(part.prefix.plain)
        if room >= _MIN_HANGING_ROOM and _fits(part.text, room):
            return 1
    drawn = part.copy() if isinstance(part, Text) else part
    if isinstance(drawn, Text):
        drawn.end = "\n"
    return sum(segment.text.count("\n") for segment in console.render(drawn, options))


class BlockStatic(Static):
    """A ``Static`` showing a :class:`Block`, measured without drawing it (Textual draws a
    renderable whole to learn its height): a timeline's visits below the screen are
    measured for the layout and never drawn until they are scrolled to."""

    def __init__(self, block: Block, **kwargs: Any) -> None:
        super().__init__(block, **kwargs)
        self.block = block

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width:
            return 0
        app = self.app
        options = app.console_options.update_width(width).update(highlight=False)
        return self.block.height(app.console, options)


class WordCut(Text):
    """A cell's text: cut by a narrow column it ends in "…", and a cut that would fall
    inside a word goes back to the space before it when that loses little ("Billing export
    by…", not "Billing export by t…"); a run without spaces (Chinese, one long name) is cut
    where the room ends."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Any]:
        width = options.max_width
        if self.cell_len <= width or width < 2:
            yield from super().__rich_console__(console, options)
            return
        yield word_cut(self, width)


def _wordy(character: str) -> bool:
    """A letter or digit of a script that spaces its words (not Chinese or Japanese)."""
    return character.isalnum() and ord(character) < 0x2E80


def word_cut(text: Text, width: int) -> Text:
    """``text`` in at most ``width`` cells, ending in "…" (see :class:`WordCut`)."""
    plain, room, end, used = text.plain, width - 1, 0, 0
    while end < len(plain) and used + cell_len(plain[end]) <= room:  # (counted as it goes)
        used += cell_len(plain[end])
        end += 1
    if 0 < end < len(plain) and _wordy(plain[end - 1]) and _wordy(plain[end]):
        space = plain.rfind(" ", 0, end)
        if space > 0 and end - space <= max(3, width // 3):
            end = space
    cut = text.divide([end])[0] if end else Text(style=text.style)
    cut.rstrip()
    cut.append("…")
    cut.no_wrap, cut.overflow, cut.end = True, "crop", ""
    return cut


def _cell(value: Any) -> Any:
    """A table cell: one line of visible text; cut by a narrow column, it ends in "…"
    (a name cut to "Northwin" read as another name), at a space when the cut would fall in
    a word (:class:`WordCut`)."""
    if isinstance(value, Text):
        value = WordCut(
            visible(value.plain, one_line=True, limit=CELL_LIMIT), style=value.style, end=""
        )
    elif isinstance(value, str):
        value = WordCut(visible(value, one_line=True, limit=CELL_LIMIT), end="")
    if isinstance(value, Text):
        value.no_wrap, value.overflow = True, "ellipsis"
    return value


def _plain(cell: Any) -> str:
    """A table cell as plain text: a string, a Text, or any renderable drawn wide."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, Text | Fitted):
        return cell.plain
    console = Console(width=1000, color_system=None, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(cell)
    console.file.close()
    return console.export_text()


def copy_text(app: Any, text: str) -> None:
    """Copy ``text``: to the terminal's clipboard (OSC 52, which not every terminal honours)
    and, so it is never lost, to ``clipboard.txt`` in the config directory; the user is told
    both."""
    from interview_tui.i18n import t
    from interview_tui.store.paths import config_dir

    app.copy_to_clipboard(text)
    path = config_dir() / "clipboard.txt"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    except OSError:
        app.notify(t("copy.terminal_only"), timeout=4)
        return
    app.notify(t("copy.done", path=str(path)), timeout=4)


class SafeTable(DataTable):
    """A data table whose cells are literal text, one line each, whatever they hold.

    ``j`` / ``k`` move down / up, as in lazygit, k9s and less; ``y`` copies the highlighted
    row (:func:`copy_text`)."""

    BINDINGS = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
        Binding("y", "copy_row", show=False),
    ]

    #: the column that matters most (its index): when the table is narrower than its
    #: columns, it keeps at least half the room (or all it needs) and the columns of
    #: :attr:`give_way` are cut first, in order, each down to its floor (index, cells)
    main_column: int | None = None
    give_way: tuple[tuple[int, int], ...] = ()

    def fit_columns(self) -> None:
        """Cut the :attr:`give_way` columns so that :attr:`main_column` is in sight; a
        column with room again takes its full width back."""
        if self.main_column is None or not self.size.width or not self.columns:
            return
        columns = list(self.columns.values())
        natural = [column.content_width for column in columns]
        room = self.scrollable_content_region.width - 2 * self.cell_padding * len(columns)
        main = self.main_column
        others = sum(natural) - natural[main]
        wanted = min(natural[main], max(room // 2, 20))
        widths, excess = list(natural), others + wanted - room
        for index, floor in self.give_way:
            if excess <= 0:
                break
            cut = max(0, min(excess, widths[index] - floor))
            widths[index] -= cut
            excess -= cut
        widths[main] = max(min(natural[main], room - (sum(widths) - widths[main])), 8)
        changed = False
        for column, width, full in zip(columns, widths, natural, strict=True):
            fixed = width < full
            if column.auto_width != (not fixed) or (fixed and column.width != width):
                column.auto_width, column.width = not fixed, width
                changed = True
        if changed:
            resize_columns(self)
            self.refresh()

    def action_copy_row(self) -> None:
        if not self.row_count:
            return
        cells = [_plain(cell) for cell in self.get_row_at(self.cursor_row)]
        copy_text(self.app, "  ".join(" ".join(cell.split()) for cell in cells).strip())

    def add_row(self, *cells: Any, **kwargs: Any) -> Any:
        key = super().add_row(*(_cell(cell) for cell in cells), **kwargs)
        self.check_idle()  # columns are measured when idle: make sure idle comes
        return key

    def update_cell(
        self, row_key: Any, column_key: Any, value: Any, *, update_width: bool = True
    ) -> None:
        """Change one cell; its column widens to fit the new value."""
        super().update_cell(row_key, column_key, _cell(value), update_width=update_width)
        self.check_idle()

    def update_cell_at(self, coordinate: Any, value: Any, *, update_width: bool = True) -> None:
        super().update_cell_at(coordinate, _cell(value), update_width=update_width)
        self.check_idle()

    def clear(self, columns: bool = False) -> Any:
        """Remove the rows; a column sized by its content shrinks back to its label.

        Textual only ever widens such a column, so rows written again for a narrower
        terminal (cut shorter) kept the old widths and the last column was cut off the
        screen until restart. Widths are measured afresh from the new rows."""
        super().clear(columns)
        if not columns:
            from textual.render import measure as measure_cells

            for column in self.columns.values():
                if column.auto_width:
                    column.content_width = measure_cells(self.app.console, column.label, 1)
        return self

    def measure(self) -> None:
        """Measure the columns of the rows just added, now.

        Textual measures them when the table is next idle, which often comes after the
        screen has been drawn with the old widths: the rows would be drawn twice, and the
        screen would visibly jump. A screen calls this once it has added a batch of rows.
        A table that has more rows than fit shows its scrollbar at once (``-scrolls``).
        """
        before = [column.content_width for column in self.columns.values()]
        if measure_new_rows(self):
            self._redraw_if_wider(before)
        self.fit_columns()
        self._keep_scrollbar()

    def on_resize(self) -> None:
        self.fit_columns()
        self._keep_scrollbar()

    def _keep_scrollbar(self) -> None:
        """Show the scrollbar with the rows, not a frame after them (before the table is
        laid out, it certainly scrolls when its rows outnumber the terminal's lines)."""
        height = self.scrollable_content_region.height if self.size else self.app.size.height
        self.set_class(self.virtual_size.height > height, "-scrolls")

    async def _on_idle(self, event: events.Idle) -> None:
        """Columns are measured when idle; when that changes a width, draw every row again
        (the table would otherwise keep rows it drew before at the old widths)."""
        before = [column.content_width for column in self.columns.values()]
        await super()._on_idle(event)
        self._redraw_if_wider(before)
        self.fit_columns()  # (nothing when the widths it would set are set already)

    def _redraw_if_wider(self, before: list[int]) -> None:
        if [column.content_width for column in self.columns.values()] != before:
            forget_drawn_rows(self)
            self.refresh()
