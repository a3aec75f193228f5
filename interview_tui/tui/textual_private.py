"""Every private Textual name interview-tui relies on, in one place.

Textual 8 decodes the bytes a terminal sends for alt+1 … alt+0, alt+- and alt+= (``ESC 1``
…) as the characters a Mac's Option key types (``¡ ™ £ …``), so the alt key and a typed
``£`` arrive as the same key and a UK, German or Spanish user's plain characters could not
be told from a shortcut. :func:`decode_alt_keys` makes those sequences ``alt+<key>`` key
events with no printable character; a typed ``£`` stays the character ``£``.

Every other private name of Textual the app (and its tests) use is reached through a
small function here: what it does, which private name it reads. Methods the app's widgets
override (Textual's hooks with a leading ``_``) are listed by :func:`overridden_hooks`.
Each private name used here has a test (tests/test_textual_private.py), so a Textual
upgrade that moves one fails loudly, there, instead of silently typing shortcuts into
notes or drawing a table with the old widths.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # imported where used: this module is read at start-up
    # Textual's editor documents are in private modules (the app's editor wraps them);
    # loaded on first use (:func:`__getattr__`), not with the first screen
    from textual.app import App
    from textual.binding import Binding
    from textual.command import CommandPalette
    from textual.document._document import DocumentBase as DocumentBase
    from textual.document._document_navigator import DocumentNavigator as DocumentNavigator
    from textual.document._wrapped_document import WrappedDocument as WrappedDocument
    from textual.dom import DOMNode
    from textual.notifications import Notification
    from textual.screen import Screen
    from textual.strip import Strip
    from textual.timer import Timer
    from textual.widgets import DataTable, SelectionList, TextArea

ESC = "\x1b"

#: Textual's editor documents (private modules), by the name this module gives them
_DOCUMENTS = {
    "DocumentBase": "textual.document._document",
    "DocumentNavigator": "textual.document._document_navigator",
    "WrappedDocument": "textual.document._wrapped_document",
}


def __getattr__(name: str) -> Any:
    """The editor documents, imported when the editor first needs them (home has none)."""
    if name in _DOCUMENTS:
        import importlib

        return getattr(importlib.import_module(_DOCUMENTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def is_text_area(widget: Any) -> bool:
    """Whether ``widget`` is a Textual ``TextArea``, without loading its module (private:
    ``textual.widgets._text_area``) when no screen has made one yet: asked on every key,
    the first key on home would load it. The module may be half imported (the preload's
    thread is importing it): without its class yet, nothing is a TextArea."""
    module = sys.modules.get("textual.widgets._text_area")
    text_area = getattr(module, "TextArea", None)
    return text_area is not None and isinstance(widget, text_area)


class _AltKey(NamedTuple):
    """Stands where Textual's table holds a ``Keys`` member: Textual reads only ``.value``
    and makes ``events.Key(value, None)`` of it (no character: nothing is typed)."""

    value: str


def _table() -> dict[str, object]:
    """Textual's table of byte sequences -> keys or characters (private)."""
    from textual._ansi_sequences import ANSI_SEQUENCES_KEYS

    return ANSI_SEQUENCES_KEYS  # type: ignore[return-value]


def key_name(character: str) -> str:
    """The name Textual gives the key of ``character`` (``3``, ``minus``, ``section_sign``)."""
    from textual.keys import _character_to_key

    return _character_to_key(character)


def alt_sequences() -> dict[str, str]:
    """``ESC`` + one character -> the alt key it is (``"\\x1b3"`` -> ``"alt+3"``), for every
    such sequence Textual would otherwise decode as a printable character."""
    return {
        sequence: f"alt+{key_name(sequence[1])}"
        for sequence, value in _table().items()
        if len(sequence) == 2
        and sequence[0] == ESC
        and sequence[1] != ESC
        and (isinstance(value, str) or _is_alt_key(value))
    }


def _is_alt_key(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 1 and isinstance(value[0], _AltKey)


def decode_alt_keys() -> None:
    """Decode ``ESC <key>`` as ``alt+<key>`` (not as a character); safe to call again."""
    table = _table()
    for sequence, alt_key in alt_sequences().items():
        table[sequence] = (_AltKey(alt_key),)


# -- a paste arrives whole ---------------------------------------------------------------------
#
# A terminal with bracketed paste on sends pasted text between ``ESC [200~`` and
# ``ESC [201~``. Textual's parser (``XTermParser.parse``) reads an escape sequence inside the
# paste as keys, sent at once, ahead of the paste: pasting ``P1 ESC[31mRED2`` (text copied
# from a coloured terminal) typed ``^[31mRED2`` and then ``P1 ``. The parser's ``feed`` is
# wrapped: the text between the two markers becomes one ``Paste`` event, escape sequences
# and all, in its place among the keys; the rest goes to Textual's parser as before. A paste
# may come in several reads (4 KiB each), and either marker may be split between reads.

PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


def _paste_aware_feed(textuals_feed: Callable[..., Any]) -> Callable[..., Any]:
    """Textual's ``Parser.feed`` with bracketed pastes taken out whole: what the parser
    was asked to keep between reads is in its ``__dict__`` (the paste so far, and the
    first part of a start marker its sequence holds)."""

    def feed(parser: Any, data: str) -> Any:
        if not data or parser.is_eof:  # the end of input: Textual's parser ends as before
            yield from textuals_feed(parser, data)
            return
        state = parser.__dict__
        pasting: list[str] | None = state.get("_pasting")
        begun: str = state.get("_paste_begun", "")  # a start marker's first part, fed
        if parser._timeout_time is None:  # and sent as keys since (Textual's wait ended)
            begun = ""
        if pasting is None and PASTE_START not in begun + data:
            yield from textuals_feed(parser, data)
            state["_paste_begun"] = _start_marker_begun(parser, begun, data)
            return
        while data:
            if pasting is None:
                start = (begun + data).find(PASTE_START) - len(begun)
                if start < -len(begun):
                    yield from textuals_feed(parser, data)
                    begun = _start_marker_begun(parser, begun, data)
                    break
                if start < 0:  # its first part is held by Textual's parser, as a sequence
                    _forget_sequence(parser)
                else:
                    if start:
                        yield from textuals_feed(parser, data[:start])
                    yield from _sequence_cut_short(parser)
                pasting, begun, data = [], "", data[start + len(PASTE_START) :]
                continue
            carried = pasting[-1][-(len(PASTE_END) - 1) :] if pasting else ""
            end = (carried + data).find(PASTE_END) - len(carried)
            if end < -len(carried):  # no end yet: the paste goes on in the next read
                pasting.append(data)
                if len(pasting) > 1 and len(data) < len(PASTE_END):  # a marker split
                    pasting[-2:] = ["".join(pasting[-2:])]  # over 3 reads is still seen
                break
            if end < 0:  # the end marker began in the previous read
                pasting[-1] = pasting[-1][:end]
            else:
                pasting.append(data[:end])
            data = data[end + len(PASTE_END) :]
            from textual.events import Paste

            yield Paste("".join(pasting).replace("\x00", ""))  # as Textual: no NUL
            pasting = None
        state["_pasting"], state["_paste_begun"] = pasting, begun

    return feed


def _start_marker_begun(parser: Any, begun: str, data: str) -> str:
    """The end of what was fed that may be the first part of a paste's start marker, while
    Textual's parser still holds it as an unfinished sequence (``""`` when it is not)."""
    if parser._timeout_time is None:  # nothing held: a lone ESC has been sent as a key
        return ""
    held = (begun + data)[-len(PASTE_START) :]
    at = held.rfind(ESC)
    return held[at:] if at >= 0 and PASTE_START.startswith(held[at:]) else ""


def _sequence_cut_short(parser: Any) -> Any:
    """What Textual's parser holds of an escape sequence begun before a paste (a lone ESC
    waiting to see whether more follows), sent as it would be after its wait: the paste
    start shows nothing more is coming (``Parser.tick``'s timeout, at once)."""
    from textual._parser import ParseTimeout

    if parser._timeout_time is None:
        return
    parser._timeout_time = None
    parser._awaiting = parser._gen.throw(ParseTimeout())
    while parser._tokens:
        yield parser._tokens.popleft()


def _forget_sequence(parser: Any) -> None:
    """Textual's parser drops the unfinished sequence it holds (a paste's start marker
    split between two reads): it starts again, as ``Parser.__init__`` starts it."""
    parser._gen.close()
    parser._gen = parser.parse(parser._tokens.append)
    parser._awaiting = next(parser._gen)
    parser._timeout_time = None


def keep_pastes_whole() -> None:
    """Bracketed pastes become one ``Paste`` event, escape sequences inside included; safe
    to call again."""
    from textual._xterm_parser import XTermParser

    if getattr(XTermParser.feed, "_keeps_pastes_whole", False):
        return
    feed = _paste_aware_feed(XTermParser.feed)
    feed._keeps_pastes_whole = True  # type: ignore[attr-defined]
    _put(XTermParser, "feed", feed)


def wrap_as_chinese() -> None:
    """Textual's ``Content`` and rich's ``Text`` break prose into lines with
    :func:`interview_tui.display.line_breaks`: Chinese breaks between characters, never
    before a comma, and never leaves one character or one word alone on its last line
    (text without Chinese breaks as before). Both look up the private ``divide_line`` of
    their module when they wrap; safe to call again."""
    import rich.text
    import textual.content

    from interview_tui.display import line_breaks

    textual.content.divide_line = line_breaks
    rich.text.divide_line = line_breaks


# -- bindings -------------------------------------------------------------------------------


def binding_table(node: DOMNode) -> dict[str, list[Binding]]:
    """``node``'s own key -> bindings, as declared (``DOMNode._bindings``): changing the
    lists changes what the key bar, f1 and the palette show (the app translates them)."""
    return node._bindings.key_to_bindings


def keymap(app: App[Any]) -> Mapping[str, str]:
    """Binding id -> the keys the user gave it (keymap.toml), as set with
    ``App.set_keymap`` (``App._keymap``; Textual has no public reader)."""
    return app._keymap


def bindings_after_keymap(node: DOMNode) -> dict[str, list[Binding]]:
    """``node``'s key -> bindings as they run: its ``BINDINGS`` with the app's keymap laid
    over them (Textual applies the keymap (``App._keymap``) to a copy each time it looks
    a key up)."""
    bindings = node._bindings.copy()
    if user_keys := keymap(node.app):
        bindings.apply_keymap(user_keys)
    return bindings.key_to_bindings


async def run_bindings(app: App[Any], key: str) -> bool:
    """Run the binding ``key`` has where the user is, as Textual would once the key came
    back unhandled (``App._check_bindings``): priority bindings first (app down), then
    the others (focus up). False when no binding ran."""
    return await app._check_bindings(key, priority=True) or await app._check_bindings(key)


# -- screens, the palette, notifications -------------------------------------------------------


def running_app() -> App[Any] | None:
    """The app running in this context (``textual._context.active_app``), if any."""
    from textual._context import active_app

    return active_app.get(None)


def load_screen_css(app: App[Any], screen: Screen[Any]) -> None:
    """Read ``screen``'s ``CSS_PATH`` now (``App._load_screen_css``): Textual does for a
    pushed screen, not for the default screen."""
    app._load_screen_css(screen)


#: how long the palette waits once typing has paused before it says nothing matched (Textual's
#: ``CommandPalette._NO_MATCHES_COUNTDOWN``: a test checks they are the same)
NO_MATCHES_PAUSE = 0.5


def show_no_matches_after_a_pause(
    palette: CommandPalette, search_value: str, message: Callable[[], Any]
) -> None:
    """Textual's "No matches found" countdown with the app's own words: once typing has
    paused (``CommandPalette._NO_MATCHES_COUNTDOWN``), a search that found nothing shows
    ``message()`` as a disabled option (``_NO_MATCHES``); an empty search hides the list
    (``_list_visible``); a new search stops the countdown (``_no_matches_timer``)."""
    from textual.command import CommandList
    from textual.widgets.option_list import Option

    palette._stop_no_matches_countdown()

    def no_matches() -> None:
        if search_value:
            palette.query_one(CommandList).add_option(
                Option(message(), disabled=True, id=palette._NO_MATCHES)
            )
            palette._list_visible = True
        else:
            palette._list_visible = False

    timer: Timer = palette.set_timer(NO_MATCHES_PAUSE, no_matches)
    palette._no_matches_timer = timer


def notifications(app: App[Any]) -> list[Notification]:
    """The toasts the app holds now, oldest first (``App._notifications``), for tests."""
    return list(app._notifications)


def withdraw_toast(app: App[Any], message: str) -> None:
    """Take down the toasts that say ``message`` (``App._unnotify``; Textual's public API
    only clears them all): a hint about one screen does not follow the user off it."""
    for notification in list(app._notifications):
        if notification.message == message:
            app._unnotify(notification)


def screen_strips(screen: Screen[Any]) -> list[Strip]:
    """Every line of ``screen`` as drawn, toasts and overlays included
    (``Screen._compositor``), for tests that read the terminal's text."""
    return list(screen._compositor.render_strips())


def screen_update(screen: Screen[Any], app: App[Any]) -> str:
    """The bytes a full redraw of ``screen`` writes to the terminal (``Screen._compositor``),
    for tests that check nothing unsafe reaches it."""
    return screen._compositor.render_full_update().render_segments(app.console)


# -- tables, editors, pick lists ---------------------------------------------------------------


def measure_new_rows(table: DataTable[Any]) -> bool:
    """Measure the columns of the rows added since the last measure, now, as Textual does
    when the table is next idle (``_require_update_dimensions``, ``_new_rows``,
    ``_update_dimensions``). False when there was nothing to measure."""
    if not table._require_update_dimensions:
        return False
    table._require_update_dimensions = False
    new_rows = table._new_rows.copy()
    table._new_rows.clear()
    table._update_dimensions(new_rows)
    return True


def resize_columns(table: DataTable[Any]) -> None:
    """The widths of ``table``'s columns changed: size its scrolling to them
    (``DataTable._update_dimensions`` with no new rows) and draw every row again."""
    table._update_dimensions([])
    table._clear_caches()


def waits_to_measure(table: DataTable[Any]) -> bool:
    """``table`` has rows or cells it has not measured yet (it will when idle)."""
    return bool(table._require_update_dimensions or table._updated_cells)


def waits_to_paint(screen: Any) -> bool:
    """``screen`` has a layout, scroll, repaint, recompose or dirty widget it has not drawn
    yet (``Screen._layout_required`` and its siblings: drawn at its next update tick)."""
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
    )


def forget_drawn_rows(table: DataTable[Any]) -> None:
    """Drop the rows ``table`` keeps drawn (``DataTable._clear_caches``): all are drawn
    again at the next refresh."""
    table._clear_caches()


def rewrap(area: TextArea) -> None:
    """Wrap ``area``'s document again and size its scrolling to it
    (``TextArea._rewrap_and_refresh_virtual_size``)."""
    area._rewrap_and_refresh_virtual_size()


def cell_width_to_column_index(line: str, cell_width: int, tab_width: int) -> int:
    """The column of ``line`` at ``cell_width`` cells (``textual._cells``)."""
    from textual._cells import cell_width_to_column_index as to_column

    return to_column(line, cell_width, tab_width)


def is_selected(selection_list: SelectionList[Any], value: Any) -> bool:
    """``value`` is ticked in ``selection_list`` (``SelectionList._selected``, a dict:
    no list of every ticked value is built per drawn line)."""
    return value in selection_list._selected


def overridden_hooks() -> dict[type, tuple[str, ...]]:
    """Textual's hooks with a leading ``_`` that the app's widgets override, by the Textual
    class that calls them; a test checks each is still there, as the same kind of member."""
    from textual.command import CommandPalette
    from textual.screen import Screen
    from textual.widgets import Checkbox, DataTable, Input, SelectionList, TextArea

    return {
        Input: ("_value", "_position_to_cell"),  # controls drawn as symbols; cursor cells
        TextArea: ("_set_document",),  # the wrapped view measures lines as drawn
        Checkbox: ("_button",),  # [x] / [ ]
        SelectionList: ("_get_left_gutter_width",),  # room for [x]
        DataTable: ("_on_idle",),  # redraw when measuring while idle changed a width
        CommandPalette: ("_start_no_matches_countdown",),  # "No matches" translated
        Screen: ("_pop_result_callback",),  # home put in place of the first screen
    }


# -- Textual's methods replaced ---------------------------------------------------------------


def _put(owner: type, name: str, ours: Callable[..., Any]) -> Any:
    """Put ``ours`` on Textual's ``owner`` as ``name``: what was there (Textual's own), or
    None when ours is there already (every install is safe to call again)."""
    theirs = getattr(owner, name, None)
    if theirs is ours:
        return None
    setattr(owner, name, ours)
    return theirs


# -- wide characters across the edges of the widgets underneath -----------------------------
#
# Textual's compositor cuts every line of the screen at the left and right edge of every
# widget on it, the ones under an overlay included, and divides each widget's line at those
# cuts (``Compositor._render_chops``). A double-width character (Chinese, Japanese, Korean)
# that spans a cut is split in two, and Rich writes each half as a space: a toast over the
# live screen showed "还没有问  脚本" where its text is "还没有问题脚本", the 题 lying across the
# right edge of the note field beneath. Where the same widget wins the cells on both sides
# of such a cut, the cut is not made: the character stays whole in the left piece and the
# right piece is empty. A cut where something else is drawn on one side is still made (the
# character is half covered, a space is what can be shown).


def _wide_middles(strip: Any) -> set[int]:
    """The cell offsets of ``strip`` that fall inside a double-width character."""
    from rich.cells import cell_len

    text = strip.text
    if cell_len(text) == len(text):
        return set()
    middles, x = set(), 0
    for character in text:
        width = cell_len(character)
        if width == 2:
            middles.add(x + 1)
        x += width
    return middles


def _render_chops(self: Any, crop: Any, is_rendered_line: Any) -> Any:
    """``Compositor._render_chops`` (Textual 8.2.8) keeping wide characters whole."""
    from textual.strip import Strip

    cuts = self.cuts
    chops: list[dict[int, Any]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    empty = Strip([], 0)
    for region, clip, strips in self._get_renders(crop):
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips, strict=False):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            keys, ends = final_cuts[:-1], final_cuts[1:]
            merged: set[int] = set()
            if len(ends) > 1 and (middles := _wide_middles(strip)):
                merged = {
                    i
                    for i, end in enumerate(ends[:-1])
                    if end - render_x in middles
                    and line.get(keys[i]) is None
                    and line.get(keys[i + 1]) is None
                }
            kept = [end - render_x for i, end in enumerate(ends) if i not in merged]
            pieces = iter(strip.divide(kept))
            for i, key in enumerate(keys):
                piece = empty if i - 1 in merged else next(pieces, empty)
                if line.get(key) is None:
                    line[key] = piece
    return chops


def keep_wide_characters_whole() -> None:
    """Install :func:`_render_chops` on Textual's compositor; safe to call again."""
    from textual._compositor import Compositor

    _put(Compositor, "_render_chops", _render_chops)


# -- one layout for one size ---------------------------------------------------------------
#
# A screen's first layout sends the screen itself a Resize (it is among the widgets shown),
# and the app sends the screen a Resize for the terminal at start-up and again when idle;
# each one laid the whole screen out again at the size it already had: four full layouts of
# home's ~20 widgets at start-up, two for every screen pushed. A layout a widget asks for
# meanwhile is done by the screen's next update as always.


def _screen_resized(self: Any, size: Any) -> None:
    """``Screen._screen_resized`` (Textual 8.2.8), laying out only for a size the screen's
    compositor has not laid it out at."""
    if self.stack_updates and self.is_attached and size != self._compositor.size:
        self._refresh_layout(size)


#: Textual's own ``Screen._screen_resized``, kept when :func:`one_layout_per_size` replaces it
textuals_screen_resized: Callable[..., None] | None = None


def one_layout_per_size() -> None:
    """Install :func:`_screen_resized` on Textual's screens; safe to call again."""
    global textuals_screen_resized
    from textual.screen import Screen

    textuals_screen_resized = (
        _put(Screen, "_screen_resized", _screen_resized) or textuals_screen_resized
    )


# -- a new screen is styled once ---------------------------------------------------------------
#
# Textual styles every widget of a screen when it is mounted, and then again, the whole
# screen, when the screen is first shown (its ScreenResume), although nothing they are
# styled by has changed in between: a fifth of the plan's opening and of home's start-up
# went into styling the same widgets twice. A screen shown again (a screen above it
# closed) is styled again as Textual does.

#: Textual's own ``Screen._on_screen_resume``, kept when :func:`style_new_screens_once`
#: replaces it
textuals_on_screen_resume: Callable[..., None] | None = None


def _on_screen_resume(self: Any, event: Any) -> None:
    """``Screen._on_screen_resume`` (Textual 8.2.8), without styling again the first time a
    screen is shown (``stack_updates`` is 0: it has never been shown nor hidden)."""
    if self.stack_updates == 0:
        event.refresh_styles = False
    assert textuals_on_screen_resume is not None
    textuals_on_screen_resume(self, event)


def style_new_screens_once() -> None:
    """Install :func:`_on_screen_resume` on Textual's screens; safe to call again."""
    global textuals_on_screen_resume
    from textual.screen import Screen

    textuals_on_screen_resume = (
        _put(Screen, "_on_screen_resume", _on_screen_resume) or textuals_on_screen_resume
    )


# -- a layout that does not ask for another ---------------------------------------------------
#
# A screen's layout gives each widget its size and its virtual (content) size. Textual sets
# the virtual size through a reactive that asks for a layout when it changes, so the first
# layout of every new screen (every widget's size changes from nothing), and the layout after
# its data arrives, each asked for one more whole layout, with the sizes just computed: the
# plan was laid out four or five times as it opened, and drawn whole each time. The layout
# sets the virtual size as Textual's own scrolling does (``layout=False``); a widget whose
# content changes still asks for a layout, and a scroll bar shown or hidden still does.

#: Textual's own ``Widget._size_updated``, kept when :func:`lay_out_once` replaces it
textuals_size_updated: Callable[..., bool] | None = None


def _size_updated(
    self: Any, size: Any, virtual_size: Any, container_size: Any, layout: bool = True
) -> bool:
    """``Widget._size_updated`` (Textual 8.2.8) as Textual calls it while scrolling: the
    sizes are set and no other layout is asked for."""
    assert textuals_size_updated is not None
    return textuals_size_updated(self, size, virtual_size, container_size, layout=False)


def lay_out_once() -> None:
    """Install :func:`_size_updated` on Textual's widgets; safe to call again."""
    global textuals_size_updated
    from textual.widget import Widget

    textuals_size_updated = _put(Widget, "_size_updated", _size_updated) or textuals_size_updated


# -- a drawn line's caches made when first used ------------------------------------------------
#
# Textual builds a ``Strip`` for every piece of every line it draws (a line is divided at the
# edge of every widget on it) and each one made seven small caches (cropped, styled, divided…)
# although nearly every piece is drawn once and never cropped, styled or divided again. The
# plan screen's frames spent a third of their time building them. The caches are made the
# first time one is asked for; what each holds, and how much, is unchanged.

#: Textual's ``Strip`` caches (Textual 8.2.8) and how many entries each keeps
STRIP_CACHES = {
    "_divide_cache": 4,
    "_crop_cache": 16,
    "_style_cache": 16,
    "_filter_cache": 4,
    "_line_length_cache": 4,
    "_crop_extend_cache": 4,
    "_offsets_cache": 4,
}

#: Textual's own ``Strip.__init__``, kept when :func:`strip_caches_when_used` replaces it
textuals_strip_init: Callable[..., None] | None = None


def _strip_init(self: Any, segments: Any, cell_length: int | None = None) -> None:
    """``Strip.__init__`` (Textual 8.2.8) without its caches (see :func:`_strip_cache`)."""
    self._segments = list(segments)
    self._cell_length = cell_length
    self._render_cache = None
    self._link_ids = None
    self._cell_count = None


def _strip_cache(self: Any, name: str) -> Any:
    """A ``Strip`` cache not made yet (its slot is empty): made now, as Textual made it."""
    size = STRIP_CACHES.get(name)
    if size is None:
        raise AttributeError(name)
    from textual.cache import FIFOCache

    cache: FIFOCache[Any, Any] = FIFOCache(size)
    setattr(self, name, cache)
    return cache


def strip_caches_when_used() -> None:
    """Install :func:`_strip_init` and :func:`_strip_cache` on Textual's ``Strip``; safe to
    call again."""
    global textuals_strip_init
    from textual.strip import Strip

    textuals_strip_init = _put(Strip, "__init__", _strip_init) or textuals_strip_init
    _put(Strip, "__getattr__", _strip_cache)


@functools.lru_cache(1024)
def _inner_outer(base_background: Any, background: Any) -> tuple[Any, Any]:
    """``StylesCache.get_inner_outer`` (Textual 8.2.8), cached on the two colours only."""
    from textual.style import Style

    return Style(background=base_background + background), Style(background=base_background)


def _get_inner_outer(self: Any, base_background: Any, background: Any) -> tuple[Any, Any]:
    return _inner_outer(base_background, background)


def free_closed_widgets_styles() -> None:
    """Textual caches ``StylesCache.get_inner_outer`` with ``functools.lru_cache`` on the
    method, so its cache keeps the last 1,024 widgets' style caches alive, every line they
    drew included, long after their screen is closed (about 4 MiB more on each visit of
    every screen until the cache is full). The replacement caches on the colours alone;
    safe to call again."""
    from textual._styles_cache import StylesCache

    _put(StylesCache, "get_inner_outer", _get_inner_outer)


def compact_class(widget_type: type[Any]) -> str:
    """The class Textual's ``compact`` reactive of ``widget_type`` (a field, a pick list, a
    tick box, a list) toggles on the widget (private: the reactive's ``_toggle_class``)."""
    descriptor = widget_type.compact
    toggled = descriptor._toggle_class
    assert isinstance(toggled, str), widget_type
    return toggled


def forgetting_worker(work: Any) -> Any:
    """``work`` for a thread worker, such that its thread forgets the worker once it is done.

    Textual (8.2.8) sets the worker running a function in a thread (``active_worker``, a
    context variable of ``textual.worker``) in the executor thread's own context and never
    takes it back: each thread of the pool kept the last worker it ran, with its result and
    the screen it read for, until it ran another (a closed screen and its data alive for as
    long). A coroutine ``work`` runs in a task of its own there, which forgets it: unchanged.
    """
    import inspect

    from textual.worker import active_worker

    if not callable(work) or inspect.iscoroutinefunction(getattr(work, "func", work)):
        return work

    def run() -> Any:
        try:
            return work()
        finally:
            active_worker.set(None)  # type: ignore[arg-type]

    return run


def forget_closed_watchers(obj: Any) -> None:
    """Drop the watchers of closed widgets from ``obj``'s reactives (the app's).

    A widget that watches another object (``self.watch(self.app, "title", …)``: every
    Textual ``Header``; ``"theme"``: every ``TextArea``) is kept in that object's list of
    watchers (private ``__watchers``, Textual 8.2.8) until the attribute next changes, and
    the app's title and theme never do: every header and editor ever shown stayed alive,
    with its children, message queues, styles and text (37 widgets for one visit of every
    screen). Textual drops a closed widget's entry only when it would call it (private
    ``_closing``); this does the same now. Safe to call again."""
    watchers: dict[str, list[tuple[Any, Any]]] = getattr(obj, "__watchers", None) or {}
    for entries in watchers.values():
        entries[:] = [(node, callback) for node, callback in entries if not node._closing]


def keys_behind_callbacks(app: Any, event: Any) -> bool:
    """Put ``event`` (a key or paste being handled) and every key and paste still waiting
    for the app back at the end of its queue, in typed order, behind the callbacks waiting
    there (such as a focus change the key before asked for); False, and nothing moved, when
    no callback waits or the app is closing (private: the app's message queue, and the
    message Textual has already taken from it to look at)."""
    from textual import events

    queue = app._message_queue
    head = app._pending_message
    waiting = [*([head] if head is not None else []), *queue.values]
    if None in queue.values or not any(isinstance(m, events.Callback) for m in waiting):
        return False
    typed = [m for m in waiting if isinstance(m, events.Key | events.Paste)]
    rest = [m for m in waiting if not isinstance(m, events.Key | events.Paste)]
    app._pending_message = None
    queue.values.clear()
    for message in (*rest, event, *typed):
        queue.put_nowait(message)
    return True
