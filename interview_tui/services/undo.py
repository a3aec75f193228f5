"""Undo the last change: every change a review screen makes keeps the record as it was.

The record is put back as it was, field for field; its history (commitments, requirements)
keeps what happened and says it was undone, so nothing recorded is rewritten silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from interview_tui.domain.names import display_of
from interview_tui.errors import UserError, not_found
from interview_tui.i18n import t
from interview_tui.store.store import Store

if TYPE_CHECKING:
    from interview_tui.domain.models import Record

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Undo:
    """How to take one change back: the record before it, and what the change was."""

    label: str
    before: Record
    #: what else the change took away, put back in the same transaction (a resolved team
    #: conflict opened again)
    restore: Callable[[Store], None] | None = None


def recorded(
    store: Store, model: type[Record], record_id: int, label: str, change: Callable[[], T]
) -> tuple[T, Undo]:
    """Run ``change`` (a service call on one record) and keep the record as it was before."""
    with store.transaction():
        before = store.get(model, record_id)
        if before is None:
            raise not_found(model.__name__.lower(), record_id)
        return change(), Undo(label, before)


def undo(store: Store, entry: Undo, today: date) -> Record:
    """Put the record back as it was before ``entry``'s change; returns it as saved."""
    from interview_tui.domain.models import keeps_history

    model = type(entry.before)
    with store.transaction():
        current = store.get(model, entry.before.id or 0)
        if current is None:
            kind = display_of("record", model.__name__.lower())
            raise UserError(t("error.gone_nothing_to_undo", kind=kind))
        restored = entry.before.model_copy(deep=True)
        if keeps_history(restored) and keeps_history(current):
            # the entries the change wrote, named (their ids, spaced) so that what reads the
            # history (the report's warnings) knows they were taken back
            before = {e.get("id") for e in restored.history}
            undoes = sorted(i for e in current.history if (i := e.get("id")) and i not in before)
            undone = {"on": today.isoformat(), "undone": entry.label}
            if undoes:
                undone["undoes"] = " ".join(undoes)
            restored.history = [*current.history, undone]
        saved = store.save(restored)
        if entry.restore is not None:
            entry.restore(store)
        return saved
