"""One customer over time: visits, newest first, with the evidence each found per goal;
in a team, who wrote a colleague's note, and a note whose text two members changed
differently, with every value to keep one (or a combined one) and ctrl+z."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from interview_tui.domain.enums import VisitStatus
from interview_tui.domain.models import Note
from interview_tui.domain.names import display, display_of
from interview_tui.i18n import head, t
from interview_tui.services.evidence import Timeline, TimelineVisit, customer_timeline
from interview_tui.services.list_text import conflict_mark
from interview_tui.team import actions
from interview_tui.team.actions import Conflict, TeamView
from interview_tui.tui.data import DataScreen
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.review.detail_base import ConflictMixin, conflict_section
from interview_tui.tui.team_line import TeamLine
from interview_tui.tui.text import Block, BlockStatic, Hanging, hold_scrollbar, visible
from interview_tui.tui.undo import UNDO_BINDING

PAGE_SIZE = 15


def _visit_text(visit: TimelineVisit, team: TeamView) -> Block:
    """A visit's heading, then what it found per goal, each finding wrapping under its text
    (a colleague's note names its author; a note in team conflict says so first)."""
    title = t(
        "timeline.visit",
        date=visit.date,
        status=display_of(VisitStatus, visit.status),
        purpose=visit.purpose,
    )
    parts: list[Text | Hanging] = [Text(visible(title, one_line=True), style="bold")]
    conflicted = {actions.note_uid(c) for c in team.conflicts}
    labels: dict[Any, Text] = {}  # a goal's label, made once and shared by its findings
    for item in visit.evidence:
        if (label := labels.get(item.goal)) is None:
            label = labels[item.goal] = Text(f"  {item.goal.number} {head(display(item.goal))}")
        text = visible(item.text, one_line=True, limit=160)
        if item.uid and item.uid in conflicted:
            text = f"{conflict_mark()} {text}"
        if who := team.by_other(item.author):
            text += "  · " + t("history.by", name=who)
        parts.append(Hanging(label, Text(text)))  # visible already: not made visible again
    if not visit.evidence:
        parts.append(Text("  " + t("timeline.none"), style="dim"))
    return Block(parts)


class TimelineScreen(ConflictMixin, DataScreen[tuple[Timeline, TeamView]]):
    PREFETCH = True
    DEFAULT_CSS = """
    #timeline Static { height: auto; padding: 0 1; }
    #timeline-more { color: $text-muted; }
    #conflicts-title { text-style: bold; color: $text-accent; background: $boost; }
    #conflicts-title, #conflicts-how, #conflicts { margin: 0 1; }
    #conflicts-how { color: $text-muted; }
    """
    UNDO_SCOPE = "timeline"
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding(
            "greater_than_sign",
            "more",
            "timeline.more",
            id="timeline.more",
            tooltip="timeline.more.help",
        ),
        UNDO_BINDING,
    ]

    def __init__(self, customer_id: int) -> None:
        super().__init__()
        self.customer_id = customer_id
        self.shown = 0
        self.total = 0
        self.lines = 0  # lines the visits shown take at least (one each, one per finding)

    def compose(self) -> ComposeResult:
        yield Header()
        yield from conflict_section()
        yield VerticalScroll(id="timeline")
        yield TeamLine()
        yield KeyBar()

    def fetch(self) -> tuple[Timeline, TeamView]:
        store = self.iapp.store
        return (
            customer_timeline(store, self.customer_id, limit=PAGE_SIZE),
            actions.customer_notes_view(store, self.customer_id),
        )

    def record_key(self, store: Any, conflict: Conflict) -> tuple[type, int]:
        return Note, actions.note_id(store, actions.note_uid(conflict))

    def undone(self, record: Any) -> None:
        self.reload()

    def show(self, loaded: tuple[Timeline, TeamView]) -> None:
        data, team = loaded
        self.show_team(team)
        self.sub_title = t("timeline.subtitle", customer=data.customer)
        body = self.query_one("#timeline", VerticalScroll)
        if body.children:  # read again (ctrl+z, a conflict resolved)
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
        hold_scrollbar(body, self.lines >= (body.size.height or self.app.size.height))
        # one mount: each mount lays the whole timeline out again
        widgets: list[Static] = [
            BlockStatic(_visit_text(visit, self.team)) for visit in data.visits
        ]
        if self.shown < self.total:
            more = t("app.more_rows", shown=self.shown, total=self.total)
            widgets.append(Static(more, id="timeline-more"))
        elif not self.total:
            widgets.append(Static(t("timeline.no_visits")))
        body.mount_all(widgets)

    def action_more(self) -> None:
        if self.shown < self.total:
            store, customer_id, offset = self.iapp.store, self.customer_id, self.shown
            self.read(lambda: customer_timeline(store, customer_id, offset, PAGE_SIZE), self._add)

    def action_back(self) -> None:
        self.dismiss()
