"""The one filter that decides what may leave this laptop for the team repository.

Never shared: notes marked private, personal-connection notes, visits not yet shared (a
visit is a draft until its PM shares it) with everything captured in them, customers not
shared with this team, rehearsal data and dialog drafts (neither is ever exported). Once
pushed, nothing can be taken back from the other clones, so every export goes through here.
"""

from __future__ import annotations

from interview_tui.domain.enums import Goal
from interview_tui.domain.models import Customer, Note, Visit


def shares_customer(customer: Customer, team: str) -> bool:
    return bool(team) and customer.team == team


def shares_visit(visit: Visit) -> bool:
    """A visit leaves the laptop only once its PM shared it."""
    return visit.shared_at is not None


def shares_note(note: Note) -> bool:
    """Private notes and personal-connection notes stay on this laptop."""
    return not note.private and note.goal is not Goal.PERSONAL_CONNECTION


def shares_captured(visit_id: int | None, visit_shared: bool) -> bool:
    """A requirement or commitment from a visit goes with that visit; one captured outside
    any visit goes with its customer."""
    return visit_id is None or visit_shared
