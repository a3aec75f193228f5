"""The keys of the current screen on the bottom line, drawn as one widget.

Textual's ``Footer`` builds a widget per key and builds them all again each time the
bindings change (three times while a screen opens): with a dozen keys that is most of the
time a screen takes to open. :class:`KeyBar` shows the same keys, in the same colours, as
text that is only redrawn: the screen's keys in the order the screen declares them (the
most important first), on a second line when one is not enough, so a narrow terminal
still shows them. A click on a key presses it; hovering shows what it does. Every key is
also listed by ``f1`` and offered in the command palette.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.geometry import Size
from textual.widget import Widget

from interview_tui.display import visible
from interview_tui.i18n import t

#: the key that lists every key of the screen (kept in sight on the right)
HELP_ID = "app.help"
#: on the first screen (home), kept in sight on the right too: the way out is never cut off
#: (at 80 columns included); elsewhere the screen's own esc is the way out
QUIT_ID = "app.quit"
#: lines the keys may take before the rest are left to f1 and the palette
MAX_LINES = 2
#: the sign at the end of the keys when some did not fit (f1 lists them all)
MORE = " …"
#: the keys Textual's own widgets show, by the English they are declared with -> catalog
#: key: an open pick list's esc, the palette's esc, a link's enter (our bindings are
#: translated where they are declared, see :func:`interview_tui.tui.base.translate_bindings`)
TEXTUAL_DESCRIPTIONS = {
    "Dismiss menu": "keys.textual.dismiss_menu",
    "Exit the command palette": "keys.textual.exit_palette",
    "Open link": "keys.textual.open_link",
}


def translated(binding: Binding) -> Binding:
    """``binding`` described in the user's language: Textual's own in the catalog's words."""
    if key := TEXTUAL_DESCRIPTIONS.get(binding.description):
        return replace(binding, description=t(key), tooltip=t(key))
    return binding


@dataclass(frozen=True, slots=True)
class _Key:
    binding: Binding
    enabled: bool
    tooltip: str


@dataclass(frozen=True, slots=True)
class _Spot:
    """Where one key is drawn (cells ``start`` to ``end``) and what it runs."""

    start: int
    end: int
    row: int
    key: str
    enabled: bool
    tooltip: str


class KeyBar(Widget, can_focus=False):
    """The keys of the screen on the left; help and the command palette on the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover"}

    def __init__(self) -> None:
        super().__init__()
        self._spots: list[_Spot] = []
        self._hover: str | None = None  # the key under the mouse
        self._rows = 1  # the lines the keys took when last laid out
        #: the keys as the last layout measured them (width, lines and spots), for render
        self._laid_out: tuple[int, tuple[list[Text], list[_Spot]]] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def size_screen(self) -> None:
        """Count the lines the keys take and keep the toasts above them now, before the
        screen is first styled and drawn (:class:`~interview_tui.tui.base.BaseScreen` calls
        this as it is mounted); from then on they change only when the lines do (a resize,
        other keys)."""
        self._rows = len(self._lines(self.app.size.width)[0])
        self._place_toasts()

    def _bindings_changed(self, screen: Any) -> None:
        if self.is_attached and screen is self.screen:
            self._laid_out = None
            self.refresh()

    def _shown(self) -> tuple[list[_Key], list[_Key]]:
        """The keys to show, one per action: the screen's on the left; help and the command
        palette on the right, so the keys that list every other key are never cut off."""
        active = self.screen.active_bindings
        left: list[_Key] = []
        right: list[_Key] = []
        actions: set[str] = set()
        kept_right = {HELP_ID, QUIT_ID} if len(self.app.screen_stack) <= 1 else {HELP_ID}
        # help is ``?`` where that key is not typed into a field (a Mac without fn has no
        # f1), f1 where it is
        focused = self.screen.focused
        help_typed = focused is not None and focused.check_consume_key("question_mark", "?")
        for _node, binding, enabled, tooltip in sorted(active.values(), key=self._declared):
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                if binding.description in TEXTUAL_DESCRIPTIONS:
                    binding, tooltip = translated(binding), ""
                if binding.id == HELP_ID and not help_typed:
                    binding = replace(binding, key="question_mark", key_display="?")
                key = _Key(binding, enabled, tooltip or binding.tooltip or binding.description)
                (right if binding.id in kept_right else left).append(key)
        palette = next(
            (found for found in active.values() if found.binding.action == "command_palette"), None
        )
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            binding = palette.binding
            right.append(_Key(binding, palette.enabled, binding.tooltip or binding.description))
        return left, right

    def _lines(self, width: int) -> tuple[list[Text], list[_Spot]]:
        """The keys laid out in at most :data:`MAX_LINES` lines of ``width`` cells.

        The screen's keys fill the first line up to help and the palette, then the next
        lines; a key is drawn whole or not at all. When some do not fit, the last line ends
        with :data:`MORE` (the rest are in help and the palette, on the right).
        """
        styles = (
            self.get_component_rich_style("key-bar--key"),
            self.get_component_rich_style("key-bar--description"),
            self.get_component_rich_style("key-bar--hover"),
        )
        left, right = self._shown()
        tail = Text(no_wrap=True, end="")
        tail_spots: list[_Spot] = []
        if right:
            tail.append("▏", Style(dim=True))
        for key in right:
            self._draw(tail, key, tail_spots, styles, 0)
        lines = [Text(no_wrap=True, overflow="crop", end="")]
        spots: list[_Spot] = []
        room = width - tail.cell_len
        for key in left:
            line = lines[-1]
            before = line.cell_len
            self._draw(line, key, spots, styles, len(lines) - 1)
            if line.cell_len <= room:
                continue
            line.truncate(before)
            spots.pop()
            if len(lines) == MAX_LINES or before == 0:
                self._more(line, spots, room, len(lines) - 1)
                break
            lines.append(Text(no_wrap=True, overflow="crop", end=""))
            room = width
            self._draw(lines[-1], key, spots, styles, len(lines) - 1)
            if lines[-1].cell_len > room:  # wider than a whole line: not drawn
                lines[-1].truncate(0)
                spots.pop()
        if right:
            first = lines[0]
            first.truncate(max(0, width - tail.cell_len), pad=True)
            offset = first.cell_len
            first.append_text(tail)
            spots += [
                _Spot(
                    spot.start + offset, spot.end + offset, 0, spot.key, spot.enabled, spot.tooltip
                )
                for spot in tail_spots
            ]
        return lines, spots

    @staticmethod
    def _more(line: Text, spots: list[_Spot], room: int, row: int) -> None:
        """End ``line`` (row ``row``) with :data:`MORE`: keys were left out. Its last key
        gives way when there is no room for the sign."""
        while spots and spots[-1].row == row and line.cell_len + cell_len(MORE) > room:
            line.truncate(spots.pop().start)
        if line.cell_len + cell_len(MORE) <= room:
            line.append(MORE, Style(dim=True))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        laid_out = self._lines(width)
        self._laid_out = (width, laid_out)  # drawn next (render), not laid out twice
        rows = len(laid_out[0])
        if rows != self._rows:  # laid out now: drawn with this height, not again after
            self._rows = rows
            self._place_toasts()
        return rows

    def _declared(self, active: ActiveBinding) -> tuple[int, int]:
        """The focused part's own keys first (the list the user is in), then the screen's in
        the order it declares them, then the app's."""
        node = active.node
        rank = 2 if node is self.app else 1 if node is self.screen else 0
        order = _declared_order(type(node))
        return rank, order.get(active.binding.id, len(order))

    def render(self) -> Text:
        width = self.size.width
        laid_out, self._laid_out = self._laid_out, None
        lines, self._spots = (
            laid_out[1] if laid_out is not None and laid_out[0] == width else self._lines(width)
        )
        text = Text("\n", no_wrap=True, overflow="crop", end="").join(lines)
        if len(lines) != self._rows:  # the keys need another line, or one less
            self._rows = len(lines)
            self._place_toasts()
            self.call_later(self.refresh, layout=True)
        return text

    def _place_toasts(self) -> None:
        """Toasts stand above the keys, never over them: the screen's toast rack keeps as
        many lines free below it as the keys take (its own style: a class of the screen
        would restyle every widget on it, and draw the whole screen again)."""
        for rack in self.screen.query_children("#textual-toastrack"):
            rack.styles.margin = (0, 0, self._rows, 0)

    def _draw(
        self, line: Text, key: _Key, spots: list[_Spot], styles: tuple[Style, ...], row: int
    ) -> None:
        """Append ``key`` to ``line`` as Textual's footer draws it, and where it is."""
        key_style, text_style, hover_style = styles
        dim = Style(dim=True) if not key.enabled else Style()
        extra = dim + (hover_style if self._hover == key.binding.key else Style())
        start = line.cell_len
        line.append(f" {self._key_text(key.binding)} ", key_style + extra)
        if key.binding.description:
            line.append(f"{visible(key.binding.description, one_line=True)} ", text_style + extra)
        spots.append(_Spot(start, line.cell_len, row, key.binding.key, key.enabled, key.tooltip))

    def _key_text(self, binding: Binding) -> str:
        """The key as shown: the screen's own way to name it when it has one (the live
        screen names ``ctrl+y v`` for what ``f2`` also does: a Mac has no F keys without
        fn), else Textual's."""
        named = getattr(self.screen, "key_text", None)
        return (named(binding) if named is not None else None) or self.app.get_key_display(binding)

    def _spot_at(self, x: int, y: int) -> _Spot | None:
        return next(
            (spot for spot in self._spots if spot.row == y and spot.start <= x < spot.end), None
        )

    def on_mouse_move(self, event: events.MouseMove) -> None:
        spot = self._spot_at(event.x, event.y)
        key = spot.key if spot is not None else None
        if key != self._hover:
            self._hover, self._laid_out = key, None
            self.tooltip = spot.tooltip if spot is not None else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover, self._laid_out = None, None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        spot = self._spot_at(event.x, event.y)
        if spot is None:
            return
        if spot.enabled:
            self.app.simulate_key(spot.key)
        else:
            self.app.bell()


@cache
def _declared_order(cls: type[DOMNode]) -> dict[str | None, int]:
    """Binding id -> its place in ``cls.BINDINGS`` (read once per class, not per redraw)."""
    order: dict[str | None, int] = {}
    for place, binding in enumerate(cls.BINDINGS):
        order.setdefault(getattr(binding, "id", None), place)
    return order
