"""Base classes for screens and widgets: translated bindings, typed access to the app.

Bindings are declared with catalog keys as their description and tooltip, e.g.
``Binding("n", "new_visit", "home.new_visit", id="home.new_visit")``; each instance
translates them into the current language when it is created, so the footer, the help
panel and the command palette speak the user's language and ids stay remappable.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual import events
from textual.dom import DOMNode
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from interview_tui.i18n import t
from interview_tui.tui.mixins import NodeMixin, ScreenMixin
from interview_tui.tui.textual_private import (
    binding_table,
    forget_closed_watchers,
    forgetting_worker,
    running_app,
)

if TYPE_CHECKING:
    from textual.worker import Worker, WorkType

    from interview_tui.tui.app import InterviewApp

    ResultType = TypeVar("ResultType")


def translate_bindings(node: DOMNode) -> None:
    """Replace catalog keys in ``node``'s bindings with text in the current language."""
    table = binding_table(node)
    for key, bindings in table.items():
        table[key] = [
            replace(
                binding,
                description=t(binding.description) if binding.description else "",
                tooltip=t(binding.tooltip) if binding.tooltip else "",
            )
            for binding in bindings
        ]


def relabel_binding(node: DOMNode, binding_id: str, description: str) -> None:
    """Show the binding ``binding_id`` of ``node`` as ``description`` (a catalog key) in the
    key bar, f1 and the palette: a toggle names the state it switches to."""
    table = binding_table(node)
    for key, bindings in table.items():
        table[key] = [
            replace(binding, description=t(description)) if binding.id == binding_id else binding
            for binding in bindings
        ]
    node.refresh_bindings()


class TranslatedBindings(NodeMixin):
    """Mixin for any DOM node whose ``BINDINGS`` use catalog keys."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)


class TypeAhead(ScreenMixin):
    """Keys typed the moment a screen opens land in its first field, never on the floor.

    A dialog key and the first words of what it asks for arrive together (a person presses
    ctrl+t and types at once); until the new screen has focused its first field, nothing
    has focus and those keys would be dropped. Here they are typed into that field.
    """

    #: keys typed before the screen was mounted (or while earlier ones still wait)
    _early_text = ""

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character and self.type_ahead(event.character):
            event.stop()
            event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        if self.type_ahead(event.text):
            event.stop()
            event.prevent_default()

    def type_ahead(self, text: str, *, late: bool = False) -> bool:
        """Type ``text`` into the first field when nothing has focus yet.

        ``late``: the keys were typed before this screen opened (they reached the screen
        that opened it first); they go into the focused field, or the first one. Keys that
        arrive before the screen has built its fields wait for them.
        """
        if not self.is_mounted or self._early_text:
            self._early_text += text
            self.call_after_refresh(self._flush_early_text)
            return True
        focused = self.focused
        if focused is not None and not late:
            return False
        # not at start-up: the text area's module is loaded by the first screen with a field
        from textual.widgets import Input, TextArea

        field: Widget
        if focused is not None:
            if not isinstance(focused, Input | TextArea):
                return False
            field = focused
        else:
            fields = self.query("Input, TextArea")
            if not fields:
                return False
            field = fields.first()
        field.focus()
        if isinstance(field, Input):
            field.insert_text_at_cursor(text)
        elif isinstance(field, TextArea):
            field.insert(text)
        return True

    def _flush_early_text(self) -> None:
        if not self.is_mounted:
            self.call_after_refresh(self._flush_early_text)
            return
        text, self._early_text = self._early_text, ""
        if text:
            self.type_ahead(text, late=True)


#: What a screen or dialog focuses when it opens, first kind that has one: a field to type
#: or choose in, else a list, else anything (a scrolling pane). Never the form's scrolling
#: container when there is a field in it: keys typed first go to the first field.
FIRST_FOCUS = (
    "Input, TextArea, Select, SelectionList, Checkbox",
    "DataTable, OptionList, Tree, ListView",
    "*",
)


class FirstFieldFocus(ScreenMixin):
    """Opens with its first field focused (:data:`FIRST_FOCUS`); a class may name its own
    ``AUTO_FOCUS`` instead.

    The first focus is given once the screen is mounted and without scrolling: Textual's
    own, given before layout, scrolls a form one line down (the first field's label out of
    sight). Later (back from a dialog with nothing focused) Textual's applies."""

    _first_focus_given = False

    # Textual declares AUTO_FOCUS a class variable but reads it on the screen instance
    # (Screen._update_auto_focus), so a property chooses it per screen.
    @property
    def AUTO_FOCUS(self) -> str:  # type: ignore[override]
        # Textual reads it each time the screen is composed or shown, and uses it only when
        # nothing has focus: not worth a walk of the focus chain otherwise
        if not self._first_focus_given or self.focused is not None:
            return ""
        return self._first_focus_selector()

    def _first_focus_selector(self) -> str:
        chain = set(self.focus_chain)
        for selector in FIRST_FOCUS:
            if any(widget in chain for widget in self.query(selector)):
                return selector
        return "*"

    def on_mount(self) -> None:
        if self._first_focus_given:
            return
        self._first_focus_given = True
        if self.focused is not None:
            return
        # the focus chain: what can take the focus now (a hidden field, such as a list's
        # filter line before "/", cannot)
        chain = set(self.focus_chain)
        for widget in self.query(self._first_focus_selector()):
            if widget in chain:
                self.set_focus(widget, scroll_visible=False)
                return


def breakpoint_classes(screen: Screen[Any], size: Size) -> dict[str, bool]:
    """The classes ``screen``'s breakpoints give it at ``size`` (as Textual sets them on a
    resize: for each axis the class of the largest breakpoint not above the size)."""
    app = screen.app
    axes = (
        (size.width, screen.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS),
        (size.height, screen.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS),
    )
    classes: dict[str, bool] = {}
    for extent, own, default in axes:
        points = (default if own is None else own) or []
        classes |= dict.fromkeys((name for _, name in points), False)
        reached = [(point, name) for point, name in points if extent >= point]
        if reached:
            classes[max(reached)[1]] = True
    return classes


class ThreadWorkersForgotten(NodeMixin):
    """A thread worker, once done, is not kept by the thread that ran it (with its result
    and the node it ran for: :func:`~interview_tui.tui.textual_private.forgetting_worker`).
    """

    def run_worker(
        self,
        work: WorkType[ResultType],
        name: str | None = "",
        group: str = "default",
        description: str = "",
        exit_on_error: bool = True,
        start: bool = True,
        exclusive: bool = False,
        thread: bool = False,
    ) -> Worker[ResultType]:
        if thread:
            work = forgetting_worker(work)
        return super().run_worker(
            work, name, group, description, exit_on_error, start, exclusive, thread
        )


class LeavesNothingBehind(ThreadWorkersForgotten, ScreenMixin):
    """A closed screen leaves no widget of it alive.

    Textual closes a screen's widgets before the screen's unmount; then the app and every
    widget of the screens still open drop their watchers that are closed widgets
    (:func:`~interview_tui.tui.textual_private.forget_closed_watchers`). The app's title
    and theme would otherwise keep every header and editor ever shown, and a widget that
    stays open every closed widget bound to it (``data_bind``). Its thread workers are
    forgotten by their threads (:class:`ThreadWorkersForgotten`)."""

    def on_unmount(self) -> None:
        app = self.app
        for node in (app, *(n for s in app.screen_stack for n in s.walk_children(with_self=True))):
            forget_closed_watchers(node)


class BaseScreen(LeavesNothingBehind, FirstFieldFocus, TypeAhead, TranslatedBindings, Screen):
    """A screen of interview-tui.

    Its widgets are styled once, as they are mounted (a new screen is not styled again when
    first shown: :func:`~interview_tui.tui.textual_private.style_new_screens_once`), so the
    classes its size gives it (its breakpoints) are given as it is made, before any of them
    is styled; Textual would give them on the resize that follows the first drawing, and
    style every widget and draw the screen again for them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if (app := running_app()) is not None:  # (None: made outside a running app)
            self.update_classes(breakpoint_classes(self, app.size), update=False)

    def on_mount(self) -> None:
        """The key bar's line count (the toasts' margin) is set before the first drawing;
        a size changed since the screen was made restyles it now (as a resize would)."""
        from interview_tui.tui.keybar import KeyBar

        self.update_classes(breakpoint_classes(self, self.app.size))
        for bar in self.query(KeyBar):
            bar.size_screen()

    @property
    def iapp(self) -> InterviewApp:
        """The app, typed."""
        return cast("InterviewApp", self.app)


class BaseModal(LeavesNothingBehind, FirstFieldFocus, TypeAhead, TranslatedBindings, ModalScreen):
    """A modal dialog of interview-tui; its result is given to the callback of push_screen.

    It opens with its first field focused, so words typed right after the dialog key land
    there (never on a scrolling container that ignores them).
    """

    @property
    def iapp(self) -> InterviewApp:
        return cast("InterviewApp", self.app)

    @property
    def drafts(self) -> dict[str, Any]:
        """What was typed in dialogs closed with esc, kept by the app until saved."""
        return getattr(self.app, "drafts", {})
