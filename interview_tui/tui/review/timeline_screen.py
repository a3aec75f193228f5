"""One customer over time: visits, newest first, with the evidence each found per goal."""

from __future__ import annotations

from itertools import groupby

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from interview_tui.domain.models import Customer
from interview_tui.i18n import t
from interview_tui.services.evidence import customer_evidence
from interview_tui.tui.base import BaseScreen


class TimelineScreen(BaseScreen):
    DEFAULT_CSS = "#timeline Static { height: auto; padding: 0 1; }"
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help")
    ]

    def __init__(self, customer_id: int) -> None:
        super().__init__()
        self.customer_id = customer_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        store = self.iapp.store
        customer = store.get(Customer, self.customer_id)
        self.sub_title = t("timeline.subtitle", customer=customer.name if customer else "?")
        evidence = {visit_id: list(items) for visit_id, items in
                    groupby(customer_evidence(store, self.customer_id), lambda e: e.visit_id)}
        body = self.query_one("#timeline", VerticalScroll)
        for visit in store.visits(self.customer_id):
            title = t("timeline.visit", date=visit.date.strftime("%Y-%m-%d"),
                      status=t(f"status.{visit.status.value}"), purpose=visit.purpose or "")
            lines = [f"[b]{escape(title)}[/b]"]
            found = evidence.get(visit.id, [])
            for item in found:
                lines.append(f"  {item.goal.number} {escape(t(f'goal.{item.goal.value}'))}: "
                             f"{escape(item.text[:160])}")  # fmt: skip
            if not found:
                lines.append(f"  [dim]{escape(t('timeline.none'))}[/dim]")
            body.mount(Static("\n".join(lines)))

    def action_back(self) -> None:
        self.dismiss()
