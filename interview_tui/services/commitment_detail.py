"""A commitment's detail view: edit its text and owner, move its due date, reopen it.

Every change is kept in the commitment's history (what, from, to, why); a new due date goes
through :func:`interview_tui.services.commitments.reschedule`, which keeps the old one.
"""

from __future__ import annotations

from datetime import date

from interview_tui.domain.enums import OwnerSide
from interview_tui.domain.models import Commitment
from interview_tui.errors import UserError
from interview_tui.services.commitments import reschedule
from interview_tui.store.store import Store


def _get(store: Store, commitment_id: int) -> Commitment:
    commitment = store.get(Commitment, commitment_id)
    if commitment is None:
        raise UserError(f"no commitment with id {commitment_id}")
    return commitment


def edit(
    store: Store,
    commitment_id: int,
    *,
    text: str,
    owner_side: OwnerSide,
    owner_name: str,
    due: date | None,
    reason: str,
    today: date,
) -> Commitment:
    """Change what was promised, by whom, by when; a due date that moves needs ``reason``."""
    if not text.strip():
        from interview_tui.errors import FieldError
        from interview_tui.i18n import t

        raise FieldError("text", t("dialog.required"))
    with store.transaction():
        current = _get(store, commitment_id)
        if due != current.due:
            if due is None:
                raise UserError("a due date can move, not be taken away")
            current = reschedule(store, current, due, reason, today)
        entries = []
        for name, value in (
            ("text", text.strip()),
            ("owner_side", owner_side),
            ("owner_name", owner_name.strip()),
        ):
            old = getattr(current, name)
            if old != value:
                entries.append(
                    {
                        "on": today.isoformat(),
                        "field": name,
                        "from": str(getattr(old, "value", old)),
                        "to": str(getattr(value, "value", value)),
                        "reason": reason.strip(),
                    }
                )
                setattr(current, name, value)
        if entries:
            current.history = [*current.history, *entries]
            current = store.save(current)
        return current


def reopen(store: Store, commitment_id: int, note: str, today: date) -> Commitment:
    """A done or dropped commitment is open again; its closing stays in the history."""
    from interview_tui.services.commitments import reopen as reopen_commitment

    return reopen_commitment(store, _get(store, commitment_id), today, note)
