"""Rehearse mode: our questions card by card with a timer, the customer's as flashcards."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from interview_tui.domain.models import ScriptItem
from interview_tui.i18n import current_language, head, joined, t
from interview_tui.services.rehearsal import RehearsalData, load_rehearsal, save_results
from interview_tui.tui.data import DataScreen
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.text import Block, Hanging, esc, hanging, marked, visible


def _card(item: ScriptItem) -> Block:
    """One of our questions: the question, research and purpose, follow-ups hanging
    under their arrow (user text literal)."""
    parts: list[Text | Hanging] = [marked(item.text, "bold"), Text("")]
    notes = ((t("live.research"), item.research), (t("live.purpose"), item.purpose))
    for label, value in notes:
        if value:
            parts.append(Text.assemble((head(label), "italic"), marked(value)))
    parts += [hanging("  → ", marked(follow_up)) for follow_up in item.follow_ups]
    return Block(parts)


class RehearseScreen(DataScreen[RehearsalData]):
    DEFAULT_CSS = """
    #mode, #timer { padding: 0 1; height: auto; color: $text-accent; }
    #card { padding: 1 2; height: auto; border: round $accent; }
    #answer { padding: 0 2; height: auto; }
    #answer.beyond { color: $warning; }
    """
    BINDINGS = [
        Binding(
            "n,right", "next", "rehearse.next", id="rehearse.next", tooltip="rehearse.next.help"
        ),
        Binding(
            "b,left", "prev", "rehearse.prev", id="rehearse.prev", tooltip="rehearse.prev.help"
        ),
        Binding(
            "space",
            "reveal",
            "rehearse.reveal",
            id="rehearse.reveal",
            tooltip="rehearse.reveal.help",
        ),
        Binding(
            "c",
            "mark(True)",
            "rehearse.confident",
            id="rehearse.confident",
            tooltip="rehearse.confident.help",
        ),
        Binding(
            "s", "mark(False)", "rehearse.shaky", id="rehearse.shaky", tooltip="rehearse.shaky.help"
        ),
        Binding(
            "escape", "finish", "rehearse.done", id="rehearse.done", tooltip="rehearse.done.help"
        ),
        Binding(
            "tab",
            "switch",
            "rehearse.switch",
            id="rehearse.switch",
            tooltip="rehearse.switch.help",
            priority=True,
        ),
    ]

    def __init__(self, visit_id: int) -> None:
        super().__init__()
        self.visit_id = visit_id
        self.ours = True
        self.index = 0
        self.revealed = False
        self.seconds: dict[int, float] = {}
        self._card_started = time.monotonic()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="mode")
        yield Static("", id="timer")
        with VerticalScroll():
            yield Static("", id="card")
            yield Static("", id="answer")
        yield KeyBar()

    def fetch(self) -> RehearsalData:
        return load_rehearsal(self.iapp.store, self.visit_id, current_language())

    def show(self, data: RehearsalData) -> None:
        self.visit, self.items, self.deck = data.visit, data.items, data.deck
        self.sub_title = t(
            "rehearse.subtitle",
            customer=data.customer_name,
            date=data.visit.date.strftime("%Y-%m-%d"),
        )
        self._card_started = time.monotonic()
        if self.iapp.animated:  # a steady screen in tests and snapshots
            self.set_interval(1, self._tick)
        self._tick()
        self._show()
        self.refresh_bindings()  # the card keys work from now on

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The card keys once the cards are read; the flashcards' keys (show the answer,
        confident, shaky) on the customer's questions only: on ours they did nothing,
        offered on the key bar all the same."""
        if not hasattr(self, "deck"):
            return action in ("quit", "help")
        if action in ("reveal", "mark"):
            return not self.ours
        return True

    # -- cards ------------------------------------------------------------------------------

    def _stop_clock(self) -> None:
        if self.ours and self.items:
            item = self.items[self.index]
            spent = time.monotonic() - self._card_started
            self.seconds[item.id or 0] = self.seconds.get(item.id or 0, 0.0) + spent
        self._card_started = time.monotonic()

    def _tick(self) -> None:
        card = time.monotonic() - self._card_started if self.ours else 0
        total = sum(self.seconds.values()) + card
        self.query_one("#timer", Static).update(
            t("rehearse.timer", card=int(card), total=f"{int(total) // 60}:{int(total) % 60:02}")
        )

    def _show(self) -> None:
        mode = t("rehearse.ours") if self.ours else t("rehearse.theirs")
        card = self.query_one("#card", Static)
        answer = self.query_one("#answer", Static)
        answer.set_class(False, "beyond")
        if self.ours:
            total = len(self.items)
            self.query_one("#mode", Static).update(
                f"{mode} · {t('rehearse.card', n=self.index + 1, total=total)}"
            )
            if not self.items:
                card.update(t("live.no_script"))
                answer.update("")
                return
            item = self.items[self.index]
            card.update(_card(item))
            answer.update("")
        else:
            current = self.deck.current
            left = len(self.deck.queue)
            said = t("rehearse.theirs_left", left=left, total=len(self.deck.cards))
            self.query_one("#mode", Static).update(f"{mode} · {said}")
            if current is None:
                card.update(t("rehearse.all_confident"))
                answer.update("")
                return
            card.update(marked(current.text, "bold"))
            if not self.revealed:
                answer.update(f"[dim]{esc(t('rehearse.hidden_answer'))}[/dim]")
                return
            text = Text.assemble(head(t("rehearse.answer")), marked(current.answer))
            limits = self.deck.beyond(current)
            if limits:
                beyond = t("rehearse.beyond", limits=joined(limits, "semicolon"))
                text.append("\n" + visible(beyond))
            answer.set_class(bool(limits), "beyond")
            answer.update(text)

    def action_switch(self) -> None:
        self._stop_clock()
        self.ours = not self.ours
        self.revealed = False
        self._show()
        self.refresh_bindings()  # the flashcards' keys come and go with them

    def action_next(self) -> None:
        if self.ours and self.items:
            self._stop_clock()
            self.index = min(self.index + 1, len(self.items) - 1)
            self._show()

    def action_prev(self) -> None:
        if self.ours and self.items:
            self._stop_clock()
            self.index = max(self.index - 1, 0)
            self._show()

    def action_reveal(self) -> None:
        if not self.ours:
            self.revealed = True
            self._show()

    def action_mark(self, confident: bool) -> None:
        """Confident or shaky, the answer shown or not (a PM sure of the answer need not
        look; the key was dropped without a word before the answer was shown)."""
        if not self.ours and self.deck.current is not None:
            self.deck.mark(confident)
            self.revealed = False
            self._show()

    def action_finish(self) -> None:
        self._stop_clock()
        store, visit, items, cards, seconds, now = (
            self.iapp.store,
            self.visit,
            self.items,
            list(self.deck.cards),
            dict(self.seconds),
            self.iapp.now(),
        )
        app = self.iapp

        def saved(summary: dict) -> None:
            app.notify(
                t(
                    "rehearse.saved",
                    confident=summary["confident"],
                    shaky=summary["shaky"],
                    minutes=round(float(summary["script_seconds"]) / 60, 1),
                )
            )

        app.save(lambda: save_results(store, visit, items, cards, seconds, now), saved)
        self.dismiss()
