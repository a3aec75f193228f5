"""The solution confirmation loop of one requirement (seed 002 §二).

For a complex need the PM proposes a solution *with the reasoning* before building it, and
records what the customer said: agreed, disagreed (with why) or needs changes (with what to
change). A revision is a new proposal; a later answer is added to the proposal's replies.
Nothing is overwritten: the requirement keeps every proposal and every answer, with dates.

The requirement's state follows, while it is in the confirmation phase (captured, clarified,
solution proposed, solution confirmed):

- a proposal or a revision → *solution proposed* (it waits for the customer);
- agreed → *solution confirmed* (it may now move to in progress);
- needs changes → stays *solution proposed* (the direction holds; a revision is due);
- disagreed → back to *clarified* (the need stands, the solution is rethought), or to
  *captured* when the need itself is not clear yet (user, scenario or pain missing);
- an answer taken back (waiting) → *solution proposed*.

A requirement already scheduled, delivered, already supported or declined keeps its state
(the PM moves it by hand). Every state change lands in the requirement's history, with the
customer's reason when there is one.
"""

from __future__ import annotations

from collections.abc import Iterable

from interview_tui.domain.enums import RequirementState, SolutionAnswer
from interview_tui.domain.models import Requirement, SolutionProposal, SolutionReply
from interview_tui.domain.names import display
from interview_tui.errors import FieldError
from interview_tui.i18n import labelled, t
from interview_tui.services.requirement_pool import PoolRow, change
from interview_tui.store.store import Store

#: states a proposal or an answer moves; later states are left alone
_PHASE = frozenset(
    {
        RequirementState.CAPTURED,
        RequirementState.CLARIFIED,
        RequirementState.SOLUTION_PROPOSED,
        RequirementState.SOLUTION_CONFIRMED,
    }
)
#: answers that must say why (seed 002: understand the reason behind a "no")
NEEDS_REASON = frozenset({SolutionAnswer.DISAGREED, SolutionAnswer.NEEDS_CHANGES})


def _state_after(r: Requirement, answer: SolutionAnswer) -> RequirementState:
    if r.state not in _PHASE:
        return r.state
    if answer is SolutionAnswer.AGREED:
        return RequirementState.SOLUTION_CONFIRMED
    if answer is SolutionAnswer.DISAGREED:
        return RequirementState.CLARIFIED if r.is_clear else RequirementState.CAPTURED
    return RequirementState.SOLUTION_PROPOSED


def _propose(store: Store, r: Requirement, text: str, reasoning: str) -> None:
    text = text.strip()
    if not text:
        raise FieldError("solution_text", t("solution.text_required"))
    r.solutions = [
        *r.solutions,
        SolutionProposal(
            on=store.now().replace(microsecond=0),
            text=text,
            reasoning=reasoning.strip(),
            author=store.member,
        ),
    ]
    r.state = _state_after(r, SolutionAnswer.WAITING)


def check_answer(proposed: bool, answer: SolutionAnswer, reason: str) -> None:
    """An answer needs a proposal to answer, and a "no" or "change it" says why
    (:class:`FieldError` names the field)."""
    if answer is not SolutionAnswer.WAITING and not proposed:
        raise FieldError("solution_answer", t("solution.none_yet"))
    if answer in NEEDS_REASON and not reason.strip():
        raise FieldError("solution_reason", t(f"solution.reason_required.{answer.value}"))


def _answer(store: Store, r: Requirement, answer: SolutionAnswer, reason: str) -> None:
    current = r.solution
    if current is None:
        raise FieldError("solution_answer", t("solution.none_yet"))
    check_answer(True, answer, reason)
    reply = SolutionReply(
        on=store.now().replace(microsecond=0),
        answer=answer,
        reason=reason.strip(),
        author=store.member,
    )
    current.replies = [*current.replies, reply]
    r.solutions = [*r.solutions[:-1], current]
    r.state = _state_after(r, answer)


def propose(store: Store, requirement_id: int, text: str, reasoning: str = "") -> PoolRow:
    """Propose a solution (it waits for the customer's answer)."""
    return change(store, requirement_id, lambda r: _propose(store, r, text, reasoning))


def revise(store: Store, requirement_id: int, text: str, reasoning: str = "") -> PoolRow:
    """A revised solution after the customer's answer: a new proposal, the old one kept."""
    return propose(store, requirement_id, text, reasoning)


def answer(store: Store, requirement_id: int, answer: SolutionAnswer, reason: str = "") -> PoolRow:
    """Record the customer's answer to the current proposal (``reason``: why they
    disagree, or what to change; required for those two)."""
    return change(store, requirement_id, lambda r: _answer(store, r, answer, reason), reason=reason)


def differs(
    r: Requirement, text: str, reasoning: str, answer: SolutionAnswer, reason: str
) -> tuple[bool, bool]:
    """Whether what the detail view holds is (a new proposal, a new answer)."""
    current = r.solution
    new_proposal = (text.strip(), reasoning.strip()) != (
        (current.text, current.reasoning) if current else ("", "")
    )
    reply = current.reply if current else None
    shown = (reply.answer, reply.reason) if reply else (SolutionAnswer.WAITING, "")
    new_answer = (answer, reason.strip()) != shown
    if new_proposal and answer is SolutionAnswer.WAITING and not reason.strip():
        new_answer = False  # a fresh proposal already waits
    return new_proposal, new_answer


def record(
    store: Store,
    requirement_id: int,
    text: str,
    reasoning: str,
    answer: SolutionAnswer,
    reason: str = "",
) -> PoolRow:
    """What the detail view saves, in one change (see :func:`apply`)."""
    return change(
        store,
        requirement_id,
        lambda r: apply(store, r, text, reasoning, answer, reason),
        reason=reason,
    )


def apply(
    store: Store,
    r: Requirement,
    text: str,
    reasoning: str,
    answer: SolutionAnswer,
    reason: str = "",
) -> None:
    """A solution as a form holds it, applied to ``r`` in memory: a new proposal when the
    solution or its reasoning was edited, then the answer when it differs from the one
    recorded (the detail view and the meeting's requirement dialog both save this way)."""
    new_proposal, new_answer = differs(r, text, reasoning, answer, reason)
    if new_proposal:
        _propose(store, r, text, reasoning)
    if new_answer:
        _answer(store, r, answer, reason)


def waiting(requirements: Iterable[Requirement]) -> list[Requirement]:
    """Open requirements whose current proposal waits for the customer's answer."""
    return [
        r
        for r in requirements
        if not r.state.is_closed
        and r.solution is not None
        and r.solution.answer is SolutionAnswer.WAITING
    ]


def to_revise(requirements: Iterable[Requirement]) -> list[Requirement]:
    """Open requirements whose customer disagreed or asked for changes: a revision is due."""
    return [
        r
        for r in requirements
        if not r.state.is_closed and r.solution is not None and r.solution.answer in NEEDS_REASON
    ]


def history_lines(r: Requirement) -> list[str]:
    """Every proposal and answer, oldest first, one line each (for our side only)."""
    lines = []
    for n, proposal in enumerate(r.solutions, 1):
        head = t("solution.h.proposed" if n == 1 else "solution.h.revised", n=n)
        why = (
            f" · {t('solution.h.why', text=_one_line(proposal.reasoning))}"
            if proposal.reasoning
            else ""
        )
        said = labelled(head, _one_line(proposal.text))
        lines.append(f"{proposal.on.date().isoformat()}  {said}{why}")
        for reply in proposal.replies:
            said = display(reply.answer)
            if reply.reason:
                said = labelled(said, _one_line(reply.reason))
            lines.append(f"{reply.on.date().isoformat()}    → {said}")
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())
