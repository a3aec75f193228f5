"""What may be shown to or sent to the customer: one place decides, for screens and exports.

Internal-only notes, team assessments (``team_profile``) and personal-connection notes never
reach the customer; neither do the visit's authority limits, sales notes or the purpose of
our questions (it names the analysis we run on their answers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from interview_tui.domain.enums import INTERNAL_GOALS, CommitmentState, Goal
from interview_tui.domain.models import Commitment, Note, Requirement, Visit

#: Visit fields that are for our side only.
INTERNAL_VISIT_FIELDS: tuple[str, ...] = (
    "sales_told",
    "do_not_say",
    "may_promise",
    "must_not_promise",
    "product_brief",
    "rehearsal",
)


def is_internal_goal(goal: Goal | str | None) -> bool:
    return goal is not None and Goal(goal) in INTERNAL_GOALS


def is_internal_note(note: Note) -> bool:
    """Never shown to the customer: internal-only, private (laptop only), or evidence for an
    internal goal (team profile, personal connection)."""
    return note.internal or note.private or is_internal_goal(note.goal)


def safe_notes(notes: Iterable[Note]) -> list[Note]:
    return [note for note in notes if not is_internal_note(note)]


def safe_requirement(requirement: Requirement) -> dict[str, str]:
    """The part of a requirement we read back to the customer to confirm, with the current
    proposed solution (:func:`safe_solution`)."""
    return {
        "user": requirement.user,
        "scenario": requirement.scenario,
        "pain": requirement.pain,
        "title": requirement.title,
        "state": requirement.state.value,
        "how_to_use": requirement.how_to_use,
        **safe_solution(requirement),
    }


def safe_solution(requirement: Requirement) -> dict[str, str]:
    """The current proposal as the customer may read it: the solution, the reasoning we
    explain with it (seed 002 §二) and whether it waits for their answer or they agreed.
    Never the earlier proposals, the reasons recorded with answers, or a move into
    in progress the PM made without their agreement."""
    current = requirement.solution
    if current is None:
        return {"solution": "", "solution_reasoning": "", "solution_answer": ""}
    return {
        "solution": current.text,
        "solution_reasoning": current.reasoning,
        "solution_answer": current.answer.value,
    }


def safe_commitment(commitment: Commitment, owner_name: str | None = None) -> dict[str, str]:
    """What was promised, by whom (``owner_name``: as the reader knows them, see
    :func:`~interview_tui.domain.owners.owner_shown`), by when; never whether it was within
    our authority."""
    return {
        "text": commitment.text,
        "owner_side": commitment.owner_side.value,
        "owner_name": commitment.owner_name if owner_name is None else owner_name,
        "due": commitment.due.isoformat() if commitment.due else "",
        "state": commitment.state.value,
    }


def recap_commitments(
    commitments: Iterable[Commitment], owner: Callable[[Commitment], str] | None = None
) -> list[dict[str, str]]:
    """The commitments a recap restates: every one that stands (a dropped one is no longer
    agreed, so it is left out), each owner named by ``owner`` (as written by default)."""
    return [
        safe_commitment(c, owner(c) if owner else None)
        for c in commitments
        if c.state is not CommitmentState.DROPPED
    ]


def safe_visit(visit: Visit) -> dict[str, object]:
    """The visit without its internal fields."""
    data = visit.model_dump(mode="json")
    for name in INTERNAL_VISIT_FIELDS:
        data.pop(name, None)
    return data
