"""One customer over time: visits, newest first, with the evidence each found per goal."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from interview_tui.domain.enums import VisitStatus
from interview_tui.domain.names import display, display_of
from interview_tui.i18n import t
from interview_tui.services.evidence import Timeline, TimelineVisit, customer_timeline
from interview_tui.tui.data import DataScreen
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.team_line import TeamLine
from interview_tui.tui.text import Block, Hanging, hanging, visible

PAGE_SIZE = 15


def _visit_text(visit: TimelineVisit) -> Block:
    """A visit's heading, then what it found per goal, each finding wrapping under its text."""
    title = t("timeline.visit", date=visit.date, status=display_of(VisitStatus, visit.status),
              purpose=visit.purpose)  # fmt: skip
    parts: list[Text | Hanging] = [Text(visible(title, one_line=True), style="bold")]
    for item in visit.evidence:
        label = f"  {item.goal.number} {display(item.goal)}: "
        parts.append(hanging(label, visible(item.text, one_line=True, limit=160)))
    if not visit.evidence:
        parts.append(Text("  " + t("timeline.none"), style="dim"))
    return Block(parts)


class TimelineScreen(DataScreen[Timeline]):
    PREFETCH = True
    DEFAULT_CSS = """
    #timeline.-scrolls { overflow-y: scroll; }
    #timeline Static { height: auto; padding: 0 1; }
    #timeline-more { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding("greater_than_sign", "more", "timeline.more", id="timeline.more",
                tooltip="timeline.more.help"),
    ]

    def __init__(self, customer_id: int) -> None:
        super().__init__()
        self.customer_id = customer_id
        self.shown = 0
        self.total = 0
        self.lines = 0  # lines the visits shown take at least (one each, one per finding)

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="timeline")
        yield TeamLine()
        yield KeyBar()

    def fetch(self) -> Timeline:
        return customer_timeline(self.iapp.store, self.customer_id, limit=PAGE_SIZE)

    def show(self, data: Timeline) -> None:
        self.sub_title = t("timeline.subtitle", customer=data.customer)
        body = self.query_one("#timeline", VerticalScroll)
        body.remove_children()
        self.shown = self.lines = 0
        self._add(data)

    def _add(self, data: Timeline) -> None:
        body = self.query_one("#timeline", VerticalScroll)
        body.query("#timeline-more").remove()
        self.total = data.total
        self.shown += len(data.visits)
        self.lines += sum(1 + max(1, len(visit.evidence)) for visit in data.visits)
        # a long timeline has its scrollbar in the first paint, not a frame later
        body.set_class(self.lines >= (body.size.height or self.app.size.height), "-scrolls")
        body.mount_all([Static(_visit_text(visit)) for visit in data.visits])
        if self.shown < self.total:
            body.mount(Static(t("app.more_rows", shown=self.shown, total=self.total),
                              id="timeline-more"))  # fmt: skip
        elif not self.total:
            body.mount(Static(t("timeline.no_visits")))

    def action_more(self) -> None:
        if self.shown < self.total:
            store, customer_id, offset = self.iapp.store, self.customer_id, self.shown
            self.read(lambda: customer_timeline(store, customer_id, offset, PAGE_SIZE), self._add)

    def action_back(self) -> None:
        self.dismiss()
