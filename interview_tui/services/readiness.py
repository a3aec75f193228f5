"""Is the visit ready? Coverage of roles × goals, script time, and the readiness checklist."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sized
from dataclasses import dataclass

from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import CustomerQuestion, Person, ScriptItem, Visit
from interview_tui.i18n import current_language, joined, t
from interview_tui.lint import LintResult, lint_question
from interview_tui.services.placeholders import unfilled

#: Seconds a question takes when it has not been rehearsed yet (ask, listen, one follow-up).
DEFAULT_SECONDS = 150
#: A question counts as rehearsed when at least this long was spent on it: said aloud, not
#: clicked past (a glance at the card is not a rehearsal).
MIN_REHEARSED_SECONDS = 20


def rehearsed(item: ScriptItem) -> bool:
    """Whether ``item`` was rehearsed aloud (at least :data:`MIN_REHEARSED_SECONDS`)."""
    return (item.seconds_rehearsed or 0) >= MIN_REHEARSED_SECONDS


def item_findings(item: ScriptItem) -> LintResult:
    """Lint one script item, its accepted codes applied, messages in the interface's language."""
    return lint_question(item, allow=item.accepted_findings, ui_language=current_language())


def coverage(
    items: list[ScriptItem], roles: list[Role], goals: list[Goal]
) -> dict[tuple[Role, Goal], int]:
    """Questions per (role, goal) cell for the attendee roles and the chosen goals."""
    counts = Counter((item.role, item.goal) for item in items)
    return {(role, goal): counts[(role, goal)] for role in roles for goal in goals}


def script_seconds(items: list[ScriptItem]) -> float:
    """Rehearsed time where a question was rehearsed aloud, a default per question elsewhere."""
    return sum(item.seconds_rehearsed if rehearsed(item) else DEFAULT_SECONDS for item in items)


@dataclass(frozen=True, slots=True)
class Check:
    key: str  # catalog key of the check's label
    ok: bool
    detail: str = ""


def _count(key: str, items: Sized) -> str:
    """How many items a check still lacks, saying what they are ("3 questions without
    research"), never a bare number; nothing when none."""
    return t(key, count=len(items)) if items else ""


def _beyond_limits(visit: Visit, questions: list[CustomerQuestion]) -> list[CustomerQuestion]:
    """The prepared answers that promise what the plan says must not be promised (the
    authority check loaded only when there is an answer and a limit to check it against)."""
    answered = [q for q in questions if q.answer.strip()]
    if not (answered and visit.must_not_promise.strip()):
        return []
    from interview_tui.services.customer_questions import beyond_limits

    return [q for q in answered if beyond_limits(q.answer, visit.must_not_promise)]


def _give_back_beyond(visit: Visit) -> list[str]:
    """The limits of the plan that what we mean to give back touches ("a month of free
    capacity" against "free capacity"): it goes to the customer as much as an answer does."""
    items = [item for item in visit.give_back if item.strip()]
    if not (items and visit.must_not_promise.strip()):
        return []
    from interview_tui.services.customer_questions import beyond_limits

    touched = [limit for item in items for limit in beyond_limits(item, visit.must_not_promise)]
    return list(dict.fromkeys(touched))


def readiness(
    visit: Visit,
    items: list[ScriptItem],
    attendees: list[Person],
    customer_questions: list[CustomerQuestion],
) -> list[Check]:
    """The checklist of seed 000 §5, item by item."""
    goals_without = [g for g in visit.goals if not any(i.goal is g for i in items)]
    roles = sorted({p.role for p in attendees}, key=list(Role).index)
    roles_without = [r for r in roles if not any(i.role is r for i in items)]
    shallow = [i for i in items if item_findings(i).shallow]
    no_research = [i for i in items if i.role.is_decision_maker and not i.research.strip()]
    unrehearsed = [
        q for q in customer_questions if not q.answer.strip() or q.confidence != "confident"
    ]
    beyond = _beyond_limits(visit, customer_questions)
    give_beyond = _give_back_beyond(visit)
    gaps = unfilled([*items, *customer_questions])
    seconds = script_seconds(items)
    not_aloud = sum(not rehearsed(i) for i in items)
    time_detail = t(
        "ready.time_detail" if not_aloud else "ready.time_fits",
        minutes=f"{seconds / 60:.0f}",
        length=visit.length_minutes,
        count=not_aloud,
    )
    sep = t("list.separator")  # the names as the interface says them, never the stored ids
    return [
        Check(
            "ready.goals",
            bool(visit.goals) and not goals_without,
            sep.join(t(f"goal.{g.value}") for g in goals_without),
        ),
        Check(
            "ready.roles",
            bool(roles) and not roles_without,
            sep.join(t(f"role.{r.value}") for r in roles_without),
        ),
        Check("ready.shallow", not shallow, _count("ready.shallow_detail", shallow)),
        Check("ready.research", not no_research, _count("ready.research_detail", no_research)),
        Check(
            "ready.placeholders",
            not gaps,
            t("ready.placeholders_detail", count=len(gaps), names=joined(gaps, "list"))
            if gaps
            else "",
        ),
        Check(
            "ready.give_back",
            bool(visit.give_back) and not give_beyond,
            t("ready.give_back_beyond", limits=t("list.limits_separator").join(give_beyond))
            if give_beyond
            else "",
        ),
        Check(
            "ready.customer_questions",
            bool(customer_questions) and not unrehearsed,
            _count("ready.customer_questions_detail", unrehearsed),
        ),
        Check("ready.answers_within", not beyond, _count("ready.answers_within_detail", beyond)),
        Check(
            "ready.time",
            bool(items) and not not_aloud and seconds <= visit.length_minutes * 60,
            time_detail,
        ),
    ]
