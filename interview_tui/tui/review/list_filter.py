"""``/`` on a list: type to narrow its rows (read again as the text changes), esc clears.

The screen reads its rows with the text (:mod:`interview_tui.services.list_text` says what
a word matches: the row's text, customer, state or group, and its conflict mark).
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.timer import Timer

from interview_tui.i18n import t
from interview_tui.services.list_text import conflict_mark
from interview_tui.tui.base import TranslatedBindings
from interview_tui.tui.inputs import Input
from interview_tui.tui.mixins import DataScreenMixin

#: seconds without a key before the filtered list is read
FILTER_PAUSE = 0.15

FILTER_BINDING = Binding(
    "slash", "filter_text", "list.filter", id="list.filter", tooltip="list.filter.help"
)


def marked(conflicts: tuple[str, ...], text: Text) -> Text:
    """A row's text after the conflict mark (the word, not only a colour) when the record
    is in open team conflict."""
    if not conflicts:
        return text
    return Text.assemble(Text(conflict_mark(), style="bold reverse"), " ", text)


class FilterInput(TranslatedBindings, Input):
    """The filter's line under a list: shown while it is typed in or holds text."""

    DEFAULT_CSS = "FilterInput { display: none; margin: 0 1; }"
    BINDINGS = [
        Binding(
            "escape",
            "clear",
            "list.filter_clear",
            id="list.filter_clear",
            tooltip="list.filter_clear.help",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(compact=True, id="text-filter", placeholder=t("list.filter_hint"))

    @property
    def _list_screen(self) -> TextFilterMixin:
        """The list screen this filter line is on."""
        screen = self.screen
        assert isinstance(screen, TextFilterMixin), screen
        return screen

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._list_screen.filter_changed(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """enter: back to the list, the filter kept."""
        event.stop()
        self.display = bool(self.value.strip())
        self._list_screen.focus_list()

    def action_clear(self) -> None:
        self.value = ""
        self.display = False
        self._list_screen.filter_changed("")
        self._list_screen.focus_list()


class TextFilterMixin(DataScreenMixin):
    """For a list screen: ``/`` shows the filter; :attr:`filter_text` is what to read."""

    filter_text = ""
    _filter_timer: Timer | None = None

    def action_filter_text(self) -> None:
        field = self.query_one(FilterInput)
        field.display = True
        field.focus()

    def filter_changed(self, text: str) -> None:
        if text.strip() == self.filter_text.strip():
            self.filter_text = text
            return
        self.filter_text = text
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        if not text.strip():  # cleared: the whole list at once
            self.reload()
            return
        # read once typing pauses (a filtered read of a large list takes a few hundred ms)
        self._filter_timer = self.set_timer(FILTER_PAUSE, self._read_filtered)

    def _read_filtered(self) -> None:
        self._filter_timer = None
        self.reload()

    @property
    def busy(self) -> bool:
        """A read is under way or waits for typing to pause (tests wait for both)."""
        return self._filter_timer is not None or super().busy

    def focus_list(self) -> None:
        raise NotImplementedError

    def clear_filter(self) -> bool:
        """esc on the list: a filter is cleared first (``True``), else nothing to clear."""
        if not self.filter_text.strip():
            return False
        self.query_one(FilterInput).action_clear()
        return True

    def no_match(self) -> str | None:
        """What an empty list says while filtered (``None``: not filtered)."""
        if not self.filter_text.strip():
            return None
        return t("list.filter_none", text=self.filter_text.strip())
