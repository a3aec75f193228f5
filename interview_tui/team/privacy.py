"""The one filter that decides what may leave this laptop for the team repository.

Never shared: notes marked private, personal-connection notes, visits not yet shared (a
visit is a draft until its PM shares it) with everything captured in them, customers not
shared with this team, rehearsal data and dialog drafts (neither is ever exported). Once
pushed, nothing can be taken back from the other clones, so every export goes through here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview_tui.domain.enums import Goal

if TYPE_CHECKING:  # the team line reads SHARED_PENDING_SQL as home is drawn: no models then
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


#: how many of the outbox's changes :func:`~interview_tui.team.records.changed_records`
#: would send to team ``:team`` (the same rules as above, in SQL, so the team line counts
#: without reading records; tests/test_team_pending.py holds the two to each other)
SHARED_PENDING_SQL = """
SELECT count(*) AS n FROM team_outbox AS o WHERE
 (o.kind = 'customer' AND EXISTS (SELECT 1 FROM customers AS c
   WHERE c.uid = o.uid AND c.team = :team))
 OR (o.kind = 'person' AND EXISTS (SELECT 1 FROM people AS p
   JOIN customers AS c ON c.id = p.customer_id WHERE p.uid = o.uid AND c.team = :team))
 OR (o.kind = 'visit' AND EXISTS (SELECT 1 FROM visits AS v
   JOIN customers AS c ON c.id = v.customer_id
   WHERE v.uid = o.uid AND v.shared_at IS NOT NULL AND c.team = :team))
 OR (o.kind = 'requirement' AND EXISTS (SELECT 1 FROM requirements AS r
   JOIN customers AS c ON c.id = r.customer_id
   WHERE r.uid = o.uid AND c.team = :team AND (r.visit_id IS NULL OR EXISTS (
     SELECT 1 FROM visits AS v JOIN customers AS vc ON vc.id = v.customer_id
     WHERE v.id = r.visit_id AND v.shared_at IS NOT NULL AND vc.team = :team))))
 OR (o.kind = 'commitment' AND EXISTS (SELECT 1 FROM commitments AS m
   JOIN visits AS v ON v.id = m.visit_id JOIN customers AS c ON c.id = v.customer_id
   WHERE m.uid = o.uid AND v.shared_at IS NOT NULL AND c.team = :team))
"""
