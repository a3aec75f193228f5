"""Rehearsal: our questions card by card with timers, the customer's as flashcards.

Shaky flashcards come back at the end of the deck until they are confident. Results are
saved on the visit: seconds per card (the script-time estimate) and each flashcard's
confidence.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime

from interview_tui.domain.models import CustomerQuestion, ScriptItem, Visit
from interview_tui.store.store import Store


@dataclass
class Deck:
    """Flashcards in play: the queue, and the answers that overstep the authority limits."""

    cards: list[CustomerQuestion]
    must_not_promise: str
    queue: deque[int] = field(default_factory=deque)

    def __post_init__(self) -> None:
        self.queue = deque(range(len(self.cards)))

    @property
    def current(self) -> CustomerQuestion | None:
        return self.cards[self.queue[0]] if self.queue else None

    def beyond(self, card: CustomerQuestion) -> list[str]:
        from interview_tui.services.authority import flags_beyond_authority  # its patterns

        return flags_beyond_authority(card.answer, self.must_not_promise)

    def mark(self, confident: bool) -> None:
        """Confident cards leave the deck; shaky ones go to its end and come back."""
        if not self.queue:
            return
        index = self.queue.popleft()
        self.cards[index].confidence = "confident" if confident else "shaky"
        if not confident:
            self.queue.append(index)


def save_results(
    store: Store,
    visit: Visit,
    items: list[ScriptItem],
    cards: list[CustomerQuestion],
    seconds: dict[int, float],
    now: datetime,
) -> dict[str, object]:
    """Seconds per question, each card's confidence, and a summary on the visit."""
    from interview_tui.services.readiness import MIN_REHEARSED_SECONDS

    for item in items:  # a glance at a card never replaces a time rehearsed aloud before
        spent = seconds.get(item.id or 0)
        if spent is not None and (spent >= MIN_REHEARSED_SECONDS or not item.seconds_rehearsed):
            item.seconds_rehearsed = round(spent, 1)
    summary = {
        "rehearsed_at": now.replace(microsecond=0).isoformat(),
        "script_seconds": round(sum(seconds.values()), 1),
        "questions_timed": len(seconds),
        "confident": sum(c.confidence == "confident" for c in cards),
        "shaky": sum(c.confidence == "shaky" for c in cards),
    }
    visit.rehearsal = summary
    store.save_all([*items, *cards, visit])
    return summary


@dataclass(frozen=True, slots=True)
class RehearsalData:
    """What a rehearsal needs, read in one go (off the UI thread)."""

    visit: Visit
    customer_name: str
    items: list[ScriptItem]
    deck: Deck


def load_rehearsal(store: Store, visit_id: int, ui_language: str) -> RehearsalData:
    """The visit's script and a deck of the customer's likely questions (in its language)."""
    from interview_tui.services import customer_questions

    visit, customer = store.visit_with_customer(visit_id)
    items = store.script(visit_id)
    deck = Deck(
        customer_questions.for_plan(store, visit, customer, items, ui_language),
        visit.must_not_promise,
    )
    return RehearsalData(visit, customer.name, items, deck)
