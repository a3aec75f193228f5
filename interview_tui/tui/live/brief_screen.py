"""The brief, read-only, over the live screen (``ctrl+y b``): what is open with this
customer, what colleagues promised and heard, what was left unasked last time. ``esc``
goes back to the note, which kept everything typed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from interview_tui.i18n import t
from interview_tui.services.customer_brief import CustomerBrief, customer_brief
from interview_tui.tui.brief_view import brief_lines
from interview_tui.tui.data import DataScreen
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.text import Block


class BriefScreen(DataScreen[CustomerBrief]):
    """The brief of ``customer_id`` before visit ``visit_id`` (left out of it)."""

    PREFETCH = True
    DEFAULT_CSS = "#live-brief-scroll { height: 1fr; padding: 0 1; }"
    BINDINGS = [
        Binding("escape", "back", "brief.back", id="brief.back", tooltip="brief.back.help"),
    ]

    def __init__(self, customer_id: int, visit_id: int | None = None) -> None:
        super().__init__()
        self.customer_id, self.visit_id = customer_id, visit_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="live-brief-scroll"):
            yield Static("", id="live-brief")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("brief.subtitle")
        self.query_one("#live-brief-scroll").focus()
        super().on_mount()

    def fetch(self) -> CustomerBrief:
        return customer_brief(
            self.iapp.store, self.customer_id, self.iapp.today(), exclude_visit=self.visit_id
        )

    def show(self, data: CustomerBrief) -> None:
        self.query_one("#live-brief", Static).update(Block(brief_lines(data, self.iapp.today())))

    def action_back(self) -> None:
        self.dismiss()
