"""The visit life cycle: which status moves are allowed, and which must be confirmed.

planned → rehearsed → live → done, and back where it makes sense: a rehearsal can be
undone, a visit opened live early goes back to planned (or rehearsed), and a done meeting
can be reopened. A done visit is never demoted by a side effect (marking it rehearsed,
opening it to read it back): only an explicit, confirmed reopen takes it back to live.
Every screen and command asks here.
"""

from __future__ import annotations

from datetime import date

from interview_tui.domain.enums import VisitStatus
from interview_tui.errors import UserError

P, R, L, D = VisitStatus.PLANNED, VisitStatus.REHEARSED, VisitStatus.LIVE, VisitStatus.DONE

#: allowed moves from each status, in the order a menu offers them
MOVES: dict[VisitStatus, tuple[VisitStatus, ...]] = {
    P: (R, L),
    R: (L, P),
    L: (D, P, R),
    D: (L,),
}

#: moves that are not obvious and are confirmed first (they take work back or end it)
CONFIRMED: frozenset[tuple[VisitStatus, VisitStatus]] = frozenset({(L, P), (L, R), (L, D), (D, L)})


class LifecycleError(UserError):
    """A status move that is not allowed; the message says what is."""


def allowed(current: VisitStatus) -> tuple[VisitStatus, ...]:
    return MOVES[current]


def check_move(current: VisitStatus, target: VisitStatus) -> None:
    """Raise :class:`LifecycleError` unless ``current`` → ``target`` is an allowed move."""
    if target not in MOVES[current]:
        from interview_tui.i18n import t

        options = ", ".join(t(f"status.{s.value}") for s in MOVES[current])
        raise LifecycleError(
            t(
                "lifecycle.not_allowed",
                current=t(f"status.{current.value}"),
                target=t(f"status.{target.value}"),
                options=options,
            )
        )


def needs_confirmation(
    current: VisitStatus, target: VisitStatus, visit_day: date, today: date
) -> bool:
    """Whether to ask before the move: it takes work back, ends the meeting, or starts a
    meeting on another day than the one planned."""
    if (current, target) in CONFIRMED:
        return True
    return target is L and current in (P, R) and visit_day != today


def opens_live(current: VisitStatus) -> bool:
    """Opening the live screen makes a planned or rehearsed visit live (done stays done)."""
    return current in (P, R)
