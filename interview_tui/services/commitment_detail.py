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
    text: str | None = None,
    owner_side: OwnerSide | None = None,
    owner_name: str | None = None,
    due: date | None = None,
    reason: str,
    today: date,
) -> Commitment:
    """Change what was promised, by whom, by when (each left ``None`` stays as the record
    holds it now: a field the user did not touch never writes back what the form was
    filled with); a due date that moves needs ``reason``."""
    if text is not None and not text.strip():
        from interview_tui.errors import FieldError
        from interview_tui.i18n import t

        raise FieldError("text", t("dialog.required"))
    with store.transaction():
        current = _get(store, commitment_id)
        if due is not None and due != current.due:
            current = reschedule(store, current, due, reason, today)
        entries = []
        for name, value in (
            ("text", None if text is None else text.strip()),
            ("owner_side", owner_side),
            ("owner_name", None if owner_name is None else owner_name.strip()),
        ):
            if value is None:
                continue
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
