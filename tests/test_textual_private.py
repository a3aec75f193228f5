"""Each private Textual name interview-tui relies on (interview_tui/tui/textual_private.py)
still works: a Textual upgrade that moves one fails here, by name, instead of typing
shortcuts into notes or losing keys typed in a burst."""

from __future__ import annotations

from textual import events
from textual._xterm_parser import XTermParser

from interview_tui.tui import textual_private
from interview_tui.tui.app import takes_as_text


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
