"""Each private Textual name interview-tui relies on (interview_tui/tui/textual_private.py)
still works: a Textual upgrade that moves one fails here, by name, instead of typing
shortcuts into notes or losing keys typed in a burst."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from interview_tui.tui import textual_private
from interview_tui.tui.app import takes_as_text
from tests.test_closed_screens_freed import ROUTED


def _keys(data: str) -> list[tuple[str, str | None]]:
    parser = XTermParser()
    return [
        (event.key, event.character) for event in parser.feed(data) if isinstance(event, events.Key)
    ]


def test_ansi_sequences_keys_holds_the_escape_digit_characters() -> None:
    """textual._ansi_sequences.ANSI_SEQUENCES_KEYS maps ESC 1 … to ¡ …: decoded as alt."""
    sequences = textual_private.alt_sequences()
    assert {
        "\x1b1": "alt+1",
        "\x1b3": "alt+3",
        "\x1b7": "alt+7",
        "\x1b-": "alt+minus",
    }.items() <= sequences.items()


def test_escape_digit_is_an_alt_key_that_types_nothing() -> None:
    textual_private.decode_alt_keys()
    textual_private.decode_alt_keys()  # twice is the same as once
    assert _keys("\x1b3") == [("alt+3", None)]
    assert _keys("\x1b3 and text")[:2] == [("alt+3", None), ("space", " ")]
    assert _keys("\x1b§") == [("alt+section_sign", None)]


def test_the_characters_of_europes_keyboards_stay_characters() -> None:
    textual_private.decode_alt_keys()
    typed = "£ß¡™¢∞§¶∑éñç"
    assert [character for _key, character in _keys(typed)] == list(typed)


def test_character_to_key_names_characters_as_bindings_do() -> None:
    """textual.keys._character_to_key."""
    assert [textual_private.key_name(c) for c in "3/£ß"] == ["3", "slash", "pound_sign", "ß"]


async def test_bindings_after_keymap_and_run_bindings(make_app) -> None:
    """DOMNode._bindings, App._keymap (laid over a copy) and App._check_bindings."""
    from tests.conftest import settle

    app = make_app("home")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.set_keymap({"app.help": "f1,f12"})
        keys = textual_private.bindings_after_keymap(app)
        assert "f12" in keys and keys["f12"][0].id == "app.help"
        assert "f12" not in app._bindings.key_to_bindings  # the declared bindings stay
        assert await textual_private.run_bindings(app, "f12")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "HelpScreen"
        assert not await textual_private.run_bindings(app, "f11")


async def test_text_fields_take_characters_and_a_text_area_enter(make_app) -> None:
    from textual.widgets import Input, TextArea

    key = events.Key
    app = make_app("home")
    async with app.run_test(size=(100, 30)):
        field, area = Input(), TextArea()
        await app.screen.mount(field, area)
        assert takes_as_text(field, key("pound_sign", "£"))
        assert not takes_as_text(field, key("tab", "\t"))
        assert not takes_as_text(field, key("alt+3", None))
        assert takes_as_text(area, key("enter", "\r"))
        assert not takes_as_text(field, key("enter", "\r"))


def test_the_app_keeps_textuals_animate_method(make_app) -> None:
    """The app's steady-screen switch has its own name: ``App.animate`` stays the method
    Textual's widgets call (a bool there broke every animation)."""
    app = make_app()
    assert callable(app.animate)
    assert app.animated is False


# -- one test per private name reached through textual_private ---------------------------------


def test_binding_table_is_the_nodes_declared_bindings(make_app) -> None:
    """DOMNode._bindings.key_to_bindings: what the app translates and relabels."""
    app = make_app()
    table = textual_private.binding_table(app)
    assert [binding.id for binding in table["f1"]] == ["app.help"]
    assert table["f1"][0].description == "Help"  # translated in place from "app.help"


async def test_keymap_is_what_set_keymap_set(make_app) -> None:
    """App._keymap."""
    app = make_app()
    async with app.run_test(size=(80, 24)):
        assert textual_private.keymap(app) == {}
        app.set_keymap({"app.help": "f12"})
        assert textual_private.keymap(app) == {"app.help": "f12"}


async def test_load_screen_css_reads_the_screens_css_path(make_app) -> None:
    """App._load_screen_css: home's own styles are read for the default screen."""
    from interview_tui.tui.home.screen import HomeScreen

    app = make_app()
    async with app.run_test(size=(80, 24)):
        screen = HomeScreen()
        paths = [str(path) for path in screen.css_path]
        assert paths and all(app.stylesheet.has_source(path, "") for path in paths)
        textual_private.load_screen_css(app, screen)  # read already: nothing changes


async def test_show_no_matches_after_a_pause_shows_the_apps_words(make_app) -> None:
    """CommandPalette._stop_no_matches_countdown, _NO_MATCHES_COUNTDOWN, _NO_MATCHES,
    _list_visible, _no_matches_timer."""
    from textual.command import CommandList

    from tests.conftest import settle

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = app.screen
        textual_private.show_no_matches_after_a_pause(palette, "zzzz", lambda: "nothing here")
        listed = palette.query_one(CommandList)
        for _ in range(100):
            await pilot.pause(0.05)
            if "--no-matches" in [option.id for option in listed.options]:
                break
        option = listed.get_option("--no-matches")
        assert str(option.prompt) == "nothing here" and option.disabled


async def test_notifications_are_the_toasts_shown(make_app) -> None:
    """App._notifications."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert textual_private.notifications(app) == []
        app.notify("saved")
        await pilot.pause()
        assert [n.message for n in textual_private.notifications(app)] == ["saved"]


async def test_screen_strips_and_update_hold_what_is_drawn(make_app) -> None:
    """Screen._compositor.render_strips and render_full_update."""
    from tests.conftest import settle

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = [
            "".join(s.text for s in strip) for strip in textual_private.screen_strips(app.screen)
        ]
        assert len(lines) == 24 and any("interview-tui" in line for line in lines)
        assert "interview-tui" in textual_private.screen_update(app.screen, app)


async def test_a_table_measures_new_rows_at_once_and_forgets_drawn_rows(make_app) -> None:
    """DataTable._require_update_dimensions, _new_rows, _update_dimensions, _updated_cells,
    _clear_caches."""
    from textual.widgets import DataTable

    app = make_app()
    async with app.run_test(size=(80, 24)):
        table: DataTable = DataTable()
        await app.screen.mount(table)
        table.add_column("name", key="name")
        textual_private.measure_new_rows(table)
        assert not textual_private.measure_new_rows(table)  # nothing new
        table.add_row("a much longer name than the label")
        assert textual_private.waits_to_measure(table)
        width = table.columns["name"].content_width  # type: ignore[index]
        assert textual_private.measure_new_rows(table)
        assert table.columns["name"].content_width > width  # type: ignore[index]
        textual_private.forget_drawn_rows(table)


async def test_rewrap_and_columns_of_the_editor(make_app) -> None:
    """TextArea._rewrap_and_refresh_virtual_size, textual._cells, textual.document._*."""
    from interview_tui.tui.inputs import TextArea

    assert textual_private.cell_width_to_column_index("中文ab", 4, 4) == 2
    assert textual_private.DocumentBase and textual_private.DocumentNavigator
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        area = TextArea("word " * 100)
        area.styles.width = 30
        await app.screen.mount(area)
        await pilot.pause()
        wrapped = area.wrapped_document
        assert isinstance(wrapped, textual_private.WrappedDocument)
        lines = wrapped.height
        assert lines > 1
        wrapped.wrap(1000)  # as if the width had changed under it
        assert wrapped.height == 1
        textual_private.rewrap(area)
        assert wrapped.height == lines


def test_is_selected_reads_the_ticked_values() -> None:
    """SelectionList._selected."""
    from interview_tui.tui.inputs import TickList

    ticks = TickList(("one", 1, True), ("two", 2))
    assert textual_private.is_selected(ticks, 1)
    assert not textual_private.is_selected(ticks, 2)


def test_every_overridden_hook_is_still_textuals() -> None:
    """The app's widgets override these Textual members; a rename in Textual would leave
    the override never called (controls drawn raw, a palette in English)."""
    import inspect

    from interview_tui.tui import app, commands, inputs, text

    ours = {
        "Input": inputs.Input,
        "TextArea": inputs.TextArea,
        "Checkbox": inputs.Tick,
        "SelectionList": inputs.TickList,
        "DataTable": text.SafeTable,
        "CommandPalette": commands.InterviewPalette,
        "Screen": app.HomeToCome,
    }
    for textual_class, names in textual_private.overridden_hooks().items():
        subclass = ours[textual_class.__name__]
        assert issubclass(subclass, textual_class)
        for name in names:
            theirs = inspect.getattr_static(textual_class, name, None)
            assert theirs is not None, f"Textual's {textual_class.__name__}.{name} is gone"
            mine = inspect.getattr_static(subclass, name)
            assert type(mine) is type(theirs), f"{textual_class.__name__}.{name} changed kind"


def test_textual_and_rich_wrap_with_the_chinese_line_breaks() -> None:
    """textual.content.divide_line and rich.text.divide_line, the names both wrap with."""
    from rich.console import Console
    from rich.text import Text
    from textual.content import Content

    textual_private.wrap_as_chinese()
    text = "普通工程师在职十年以上。"
    lines = Content(text).wrap(22)
    assert [line.plain.rstrip() for line in lines] == ["普通工程师在职十年", "以上。"]
    wrapped = Text(text).wrap(Console(width=22), 22)
    assert [line.plain.rstrip() for line in wrapped] == ["普通工程师在职十年", "以上。"]


def test_the_compositor_method_kept_whole_is_textuals() -> None:
    """The compositor's private names :func:`keep_wide_characters_whole` relies on."""
    from textual._compositor import Compositor

    assert callable(Compositor._get_renders) and isinstance(Compositor.cuts, property)
    assert Compositor._render_chops.__code__.co_varnames[:3] == ("self", "crop", "is_rendered_line")


async def test_a_toast_over_other_widgets_keeps_every_chinese_character(make_app, demo_store):
    """The no-script toast at 80×24 in Chinese lies across the note field's right edge:
    every character of it is drawn (it was "还没有问  脚本": 题 split into two spaces)."""
    from interview_tui.domain.models import ScriptItem
    from interview_tui.i18n import t
    from tests.conftest import settle

    for item in demo_store.script(2):
        demo_store.delete(ScriptItem, item.id)
    app = make_app("live", lang="zh", visit_id=2)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        screen = [
            "".join(segment.text for segment in strip)
            for strip in app.screen._compositor.render_strips()
        ]
    said = t("live.no_script", language="zh-CN")
    toast = "".join(line.split("▌ ", 1)[-1].strip() for line in screen if "▌ " in line)
    assert said[:12] in toast and "  " not in toast.strip(), toast


def test_keys_go_back_behind_a_waiting_callback_in_typed_order() -> None:
    """MessagePump._message_queue (its ``values``) and ``_pending_message`` (the message
    Textual took out to look at): keys move behind a callback, in typed order."""
    from textual.app import App

    app = App()
    first, second, third = events.Key("a", "a"), events.Key("tab", "\t"), events.Paste("xyz")
    callback = events.Callback(callback=lambda: None)
    app._pending_message = second
    app._message_queue.put_nowait(callback)
    app._message_queue.put_nowait(third)
    assert textual_private.keys_behind_callbacks(app, first)
    assert app._pending_message is None
    assert list(app._message_queue.values) == [callback, first, second, third]
    # nothing waits but keys: nothing moves
    app._message_queue.values.clear()
    app._message_queue.put_nowait(second)
    assert not textual_private.keys_behind_callbacks(app, first)
    assert list(app._message_queue.values) == [second]


def test_the_no_matches_pause_is_textuals() -> None:
    from textual.command import CommandPalette

    assert textual_private.NO_MATCHES_PAUSE == CommandPalette._NO_MATCHES_COUNTDOWN


def test_pilots_idle_check_reads_the_quantum_the_tests_set() -> None:
    """tests/conftest.py shortens Textual's idle quantum for pilot tests; the names must still
    be the ones ``wait_for_idle`` reads at each call."""
    import inspect

    import textual._wait as textual_wait

    source = inspect.getsource(textual_wait.wait_for_idle)
    assert "SLEEP_GRANULARITY" in source and "SLEEP_IDLE" in source
    assert textual_wait.SLEEP_GRANULARITY == 0.005


def test_the_tests_css_parse_cache_wraps_textuals_parse() -> None:
    """tests/conftest.py keeps parsed CSS per test process by wrapping
    ``Stylesheet._parse_rules``: the method must still be the one ``Stylesheet.parse`` calls,
    with the arguments the wrapper passes on, and the cache must hand back what Textual
    parses for those variables (another theme's variables parse on their own)."""
    import inspect

    from textual.color import Color
    from textual.css.stylesheet import Stylesheet

    original = Stylesheet._parse_rules.__closure__
    assert original is not None  # the wrapper is installed
    wrapped = next(c.cell_contents for c in original if callable(c.cell_contents))
    assert list(inspect.signature(wrapped).parameters) == [
        "self",
        "css",
        "read_from",
        "is_default_rules",
        "tie_breaker",
        "scope",
    ]
    assert "self._parse_rules(" in inspect.getsource(Stylesheet.parse)
    css = "Label { color: $text; }"
    dark, light = (Stylesheet(variables={"text": c}) for c in ("white", "black"))
    for sheet in (dark, light, dark):
        sheet.add_source(css, read_from=("test", "Label"))
        [rule] = sheet.rules
        assert rule.styles.color == Color.parse("white" if sheet is dark else "black")


async def test_a_screen_says_when_it_has_something_left_to_draw(make_app) -> None:
    """Screen._layout_required, _scroll_required, _repaint_required, _recompose_required,
    _dirty_widgets: what the tests' settle waits on before a snapshot."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(50):
            await pilot.pause(0.02)
            if not textual_private.waits_to_paint(app.screen):
                break
        assert not textual_private.waits_to_paint(app.screen)
        app.screen.refresh(layout=True)
        assert textual_private.waits_to_paint(app.screen)
        for _ in range(50):
            await pilot.pause(0.02)
            if not textual_private.waits_to_paint(app.screen):
                break
        assert not textual_private.waits_to_paint(app.screen)


async def test_is_text_area(make_app) -> None:
    """textual.widgets._text_area: the module a TextArea lives in (found without loading it)."""
    from textual.widgets import DataTable, TextArea

    assert textual_private.is_text_area(TextArea("x"))
    assert not textual_private.is_text_area(DataTable())
    assert not textual_private.is_text_area(None)


def test_is_text_area_while_its_module_is_half_imported(monkeypatch) -> None:
    """The preload's thread may be importing the editor's module when a key comes: in
    ``sys.modules`` already, its class not defined yet (a key on home at 80x24 in Chinese
    stopped the app with AttributeError: partially initialized module)."""
    import sys
    import types

    from textual.widgets import DataTable

    half = types.ModuleType("textual.widgets._text_area")
    monkeypatch.setitem(sys.modules, "textual.widgets._text_area", half)
    assert not textual_private.is_text_area(DataTable())


def test_compact_class_is_the_class_textuals_compact_toggles() -> None:
    """``compact`` of Textual's fields, pick lists, tick boxes and lists toggles this class
    (the app's fields carry it from their construction on)."""
    from textual.widgets import Checkbox, Input, OptionList, Select

    for widget_type in (Input, Select, Checkbox, OptionList):
        name = textual_private.compact_class(widget_type)
        assert name.startswith("-")
        widget = Select([], compact=True) if widget_type is Select else widget_type(compact=True)
        assert widget.has_class(name)
        widget.compact = False
        assert not widget.has_class(name)


async def test_the_apps_watchers_of_closed_widgets_are_forgotten(make_app) -> None:
    """App.__watchers (attribute -> [(watching node, callback)]) and a node's _closing: a
    header watches the app's title and stays listed until the title changes."""
    from textual.widgets import Header

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(Header)
        watchers = getattr(app, "__watchers")
        assert header in [node for node, _callback in watchers["title"]]
        header._closing = True  # as Textual marks it once closed
        textual_private.forget_closed_watchers(app)
        assert header not in [node for node, _callback in watchers["title"]]
        header._closing = False
        textual_private.forget_closed_watchers(app)  # a live widget's watch stays


def test_a_thread_forgets_the_worker_it_ran() -> None:
    """textual.worker.active_worker: the worker a thread runs, set in the thread's context."""
    from textual.worker import active_worker

    def work() -> int:
        return 42

    async def coroutine_work() -> int:
        return 42

    token = active_worker.set("a finished worker")  # type: ignore[arg-type]
    try:
        assert textual_private.forgetting_worker(work)() == 42
        assert active_worker.get() is None
    finally:
        active_worker.reset(token)
    assert textual_private.forgetting_worker(coroutine_work) is coroutine_work


def test_the_screen_resize_hook_replaced_is_textuals(make_app) -> None:
    """:func:`one_layout_per_size` replaces ``Screen._screen_resized``: Textual's lays the
    screen out when it is attached and has been shown, as the replacement does."""
    from interview_tui.tui import textual_private

    make_app()  # the app installs it
    original = textual_private.textuals_screen_resized
    assert original is not None and original.__code__.co_varnames[:2] == ("self", "size")
    assert {"stack_updates", "is_attached", "_refresh_layout"} <= set(original.__code__.co_names)


async def test_a_screen_is_laid_out_again_only_at_a_new_size(make_app) -> None:
    """A Resize at the size the screen is laid out at lays nothing out (home was laid out
    four times at start-up and every screen pushed twice); a new size is laid out."""
    from textual.geometry import Size

    from tests.conftest import settle

    app = make_app("commitments")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        layouts: list[object] = []
        lay_out = screen._refresh_layout

        def counted(size=None, scroll=False):
            layouts.append(size)
            return lay_out(size, scroll)

        screen._refresh_layout = counted
        screen._screen_resized(Size(100, 30))
        assert layouts == []
        await pilot.resize_terminal(90, 28)
        await settle(pilot)
        assert Size(90, 28) in layouts and screen._compositor.size == Size(90, 28)
        assert screen.query_one("#commitments-table").size.width <= 90


def test_the_strip_caches_made_when_used_are_textuals() -> None:
    """:func:`strip_caches_when_used` replaces ``Strip.__init__``: Textual's sets the same
    attributes, and makes the caches :data:`STRIP_CACHES` names, each of that size."""
    import inspect
    import re

    from textual.strip import Strip

    textual_private.strip_caches_when_used()
    original = textual_private.textuals_strip_init
    assert original is not None and original is not Strip.__init__
    source = inspect.getsource(original)
    caches = {
        name: int(size)
        for name, size in re.findall(
            r"self\.(_\w+): FIFOCache\[.*?\] = FIFOCache\((\d+)\)", source, re.S
        )
    }
    assert caches == textual_private.STRIP_CACHES
    assigned = set(re.findall(r"self\.(_\w+)(?::[^=]*)? = ", source))
    made = set(re.findall(r"self\.(_\w+) = ", inspect.getsource(textual_private._strip_init)))
    assert assigned == made | set(caches)
    assert set(Strip.__slots__) == assigned


def test_a_strip_makes_a_cache_when_first_used_and_draws_the_same() -> None:
    """A strip made with the caches left out crops, divides, styles and measures exactly as
    one made by Textual's ``__init__``, and makes only the caches it uses."""
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from rich.segment import Segment
    from rich.style import Style
    from textual.strip import Strip

    textual_private.strip_caches_when_used()
    textual_init = textual_private.textuals_strip_init
    assert textual_init is not None
    texts = st.text(alphabet="ab 题£é\t", min_size=0, max_size=6)
    styles = st.sampled_from([None, Style(bold=True), Style(color="red")])
    segments = st.lists(st.tuples(texts, styles).map(lambda pair: Segment(*pair)), max_size=5)

    @settings(max_examples=150, deadline=None)
    @given(
        segments, st.lists(st.integers(0, 30), max_size=4), st.integers(0, 30), st.integers(0, 30)
    )
    def same(parts: list[Segment], cuts: list[int], start: int, end: int) -> None:
        lazy = Strip(parts)
        eager = Strip.__new__(Strip)
        textual_init(eager, parts)
        assert not any(hasattr_slot(lazy, name) for name in textual_private.STRIP_CACHES)
        cut_at = sorted(cuts)
        assert [s._segments for s in lazy.divide(cut_at)] == [
            s._segments for s in eager.divide(cut_at)
        ]
        assert lazy.crop(start, end)._segments == eager.crop(start, end)._segments
        assert (
            lazy.apply_style(Style(italic=True))._segments
            == eager.apply_style(Style(italic=True))._segments
        )
        assert lazy.adjust_cell_length(end)._segments == eager.adjust_cell_length(end)._segments
        assert lazy.cell_length == eager.cell_length and lazy.text == eager.text
        used = {name for name in textual_private.STRIP_CACHES if hasattr_slot(lazy, name)}
        assert used <= {"_divide_cache", "_crop_cache", "_style_cache", "_line_length_cache"}
        assert {"_style_cache"} <= used  # (the others are not made for a strip left whole)
        assert lazy.divide(cut_at) is lazy.divide(cut_at)  # kept, as Textual keeps it

    def hasattr_slot(strip: Strip, name: str) -> bool:
        """Whether the slot is filled (``hasattr`` would make the cache)."""
        try:
            getattr(Strip, name).__get__(strip, Strip)
        except AttributeError:
            return False
        return True

    same()
    try:
        Strip([]).no_such_name  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError("an unknown name of a strip is not an error")


def _styles_of(screen: Any) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """Every widget of ``screen`` (its place, its own styles, its parts' styles)."""
    return [
        (
            f"{n}:{type(node).__name__}#{node.id}",
            dict(node._css_styles.get_rules()),
            {part: dict(s._base_styles.get_rules()) for part, s in node._component_styles.items()},
        )
        for n, node in enumerate(screen.walk_children(with_self=True))
    ]


#: every screen at 80×24; those whose breakpoints give them classes at every size too
OPENED_AT = [
    *[(route, kwargs, (80, 24)) for route, kwargs in [("home", {}), *ROUTED]],
    *[
        (route, kwargs, size)
        for route, kwargs in [("home", {}), ("live", {"visit_id": 4}), ("plan", {"visit_id": 4})]
        for size in [(40, 12), (60, 20), (200, 50)]
    ],
]


async def _shown(pilot: Any, route: str, kwargs: dict[str, Any]) -> Any:
    """The screen of ``route`` opened from home (home itself for "home"), settled."""
    from tests.conftest import settle

    await settle(pilot)
    if route != "home":
        pilot.app.show(route, **kwargs)
        await settle(pilot)
    return pilot.app.screen


@pytest.mark.parametrize("route, kwargs, size", OPENED_AT)
async def test_a_new_screen_styled_once_is_styled_as_twice(make_app, route, kwargs, size) -> None:
    """:func:`style_new_screens_once`: a new screen, settled, has every widget styled exactly
    as styling the whole screen again (what Textual did when it was first shown) styles it."""
    from tests.conftest import settle

    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await _shown(pilot, route, kwargs)
        assert screen.stack_updates == 1  # shown once, never hidden
        once = _styles_of(screen)
        screen.update_node_styles(animate=False)
        await settle(pilot)
        assert _styles_of(screen) == once


def test_the_screen_resume_styled_once_is_textuals() -> None:
    """The private names :func:`style_new_screens_once` relies on."""
    from textual import events
    from textual.screen import Screen

    textual_private.style_new_screens_once()
    original = textual_private.textuals_on_screen_resume
    assert original is not None and Screen._on_screen_resume is not original
    assert original.__code__.co_varnames[:2] == ("self", "event")
    assert {"refresh_styles", "update_node_styles", "stack_updates"} <= set(
        original.__code__.co_names
    )
    assert events.ScreenResume().refresh_styles is True


async def test_the_running_app_is_textuals_active_app(make_app) -> None:
    """:func:`running_app`: the app of the context a screen is made in, or none."""
    assert textual_private.running_app() is None
    app = make_app()
    async with app.run_test():
        assert textual_private.running_app() is app


def _placed(screen: Any) -> dict[str, tuple[Any, ...]]:
    """Where the screen's layout put each widget shown: region, virtual size, container
    size, clip."""
    placed = {}
    for n, (widget, geometry) in enumerate(screen._compositor.full_map.items()):
        region, _order, clip, virtual_size, container_size, *_ = geometry
        placed[f"{n}:{type(widget).__name__}#{widget.id}"] = (
            region,
            virtual_size,
            container_size,
            clip,
        )
    return placed


@pytest.mark.parametrize("route, kwargs, size", OPENED_AT)
async def test_a_layout_that_asks_for_no_other_places_as_a_second_would(
    make_app, route, kwargs, size
) -> None:
    """:func:`lay_out_once`: every screen, settled, then laid out again whole (what the
    virtual sizes its layouts set asked for), and again after a resize and back: every
    widget is where it was and as big, so the layouts they asked for changed nothing."""
    from tests.conftest import settle

    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await _shown(pilot, route, kwargs)
        for resize in (None, (size[0] + 7, size[1] + 3)):
            if resize is not None:  # a new size and back: laid out twice more
                await pilot.resize_terminal(*resize)
                await settle(pilot)
                await pilot.resize_terminal(*size)
                await settle(pilot)
            once = _placed(screen)
            screen._refresh_layout(screen.size)
            await settle(pilot)
            assert _placed(screen) == once


def test_the_size_updated_without_a_layout_is_textuals() -> None:
    """The private names :func:`lay_out_once` relies on: ``layout=False`` sets the virtual
    size without its reactive (no layout asked for), as Textual's scrolling calls it."""
    import inspect

    from textual.widget import Widget

    textual_private.lay_out_once()
    original = textual_private.textuals_size_updated
    assert original is not None and Widget._size_updated is not original
    assert list(inspect.signature(original).parameters) == [
        "self",
        "size",
        "virtual_size",
        "container_size",
        "layout",
    ]
    assert "set_reactive" in original.__code__.co_names


def test_the_parser_names_a_whole_paste_relies_on_are_textuals() -> None:
    """The private names :func:`keep_pastes_whole` relies on: the parser's state as
    ``Parser.__init__`` and ``Parser.tick`` keep it, the markers of a bracketed paste, and
    the terminal driver reading its events through ``feed``."""
    import inspect

    from textual._parser import Parser, ParseTimeout
    from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
    from textual.drivers.linux_driver import LinuxDriver

    assert (BRACKETED_PASTE_START, BRACKETED_PASTE_END) == (
        textual_private.PASTE_START,
        textual_private.PASTE_END,
    )
    init, tick = inspect.getsource(Parser.__init__), inspect.getsource(Parser.tick)
    for line in (
        "self._gen = self.parse(self._tokens.append)",
        "self._awaiting: Read1 | Peek1 = next(self._gen)",
        "self._timeout_time: float | None = None",
    ):
        assert line in init, line
    assert "self._gen.throw(ParseTimeout())" in tick and issubclass(ParseTimeout, Exception)
    assert "feed" in LinuxDriver.run_input_thread.__code__.co_names
    assert isinstance(Parser.is_eof, property)
    textual_private.keep_pastes_whole()
    assert XTermParser.feed is not Parser.feed and XTermParser.feed._keeps_pastes_whole
    textual_private.keep_pastes_whole()  # again: wrapped once
    events = list(XTermParser().feed(BRACKETED_PASTE_START + "\x1b[1m" + BRACKETED_PASTE_END))
    assert [type(e).__name__ for e in events] == ["Paste"] and events[0].text == "\x1b[1m"


async def test_withdraw_toast_takes_down_only_the_toasts_with_that_text() -> None:
    """App._notifications and App._unnotify: the named toast goes, the others stay."""
    from textual.app import App

    app = App()
    async with app.run_test(notifications=True) as pilot:
        app.notify("a hint about one screen")
        app.notify("Saved")
        await pilot.pause()
        textual_private.withdraw_toast(app, "a hint about one screen")
        await pilot.pause()
        assert [n.message for n in textual_private.notifications(app)] == ["Saved"]
