"""Where things stand with a customer before any conversation (seed 002).

In a team the brief also says what colleagues promised this customer (open promises made by
another member, with who) and what they heard since my last visit (their visits'
requirements and pains; private and personal-connection notes never reach this laptop, and
are left out here too). It lists the questions left unasked at my last visit, and marks a
late promise: overdue now, or moved after its due date had passed (kept on time is judged
against the first due date).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from interview_tui.domain.enums import CommitmentState, Goal, ItemStatus, PoolGroup, VisitStatus
from interview_tui.domain.lateness import judged_by
from interview_tui.domain.models import Commitment, Note, Requirement, ScriptItem, Visit
from interview_tui.services import solutions
from interview_tui.services.commitments import (
    CommitmentFilter,
    CommitmentRow,
    list_commitments,
    me,
)
from interview_tui.services.evidence import Evidence, newest_evidence
from interview_tui.store.store import Store


@dataclass(frozen=True, slots=True)
class Heard:
    """What a colleague heard at one of their visits since my last visit."""

    visit: Visit
    requirements: list[Requirement]
    pains: list[Note]  # pain points (with the action taken); never private or personal


@dataclass
class CustomerBrief:
    requirements: dict[PoolGroup, list[Requirement]] = field(default_factory=dict)
    #: open promises made by me (or before a team), overdue first
    commitments: list[CommitmentRow] = field(default_factory=list)
    #: open promises colleagues made to this customer (``commitment.author`` says who)
    colleagues_promised: list[CommitmentRow] = field(default_factory=list)
    #: colleagues' visits since my last visit, oldest first
    heard: list[Heard] = field(default_factory=list)
    #: the last earlier visit's questions that were skipped or never reached
    unasked: list[ScriptItem] = field(default_factory=list)
    unasked_from: Visit | None = None
    #: the newest findings of each goal (up to BRIEF_EVIDENCE_PER_GOAL), newest first
    evidence: list[Evidence] = field(default_factory=list)
    #: proposed solutions that wait for the customer's answer (ask for it), oldest first
    solutions_waiting: list[Requirement] = field(default_factory=list)
    #: solutions the customer disagreed with or wants changed (bring the revision)
    solutions_to_revise: list[Requirement] = field(default_factory=list)
    #: each colleague's e-mail -> the name the team knows them by
    names: dict[str, str] = field(default_factory=dict)

    def who(self, member: str) -> str:
        return self.names.get(member) or member


def customer_brief(
    store: Store, customer_id: int, today: date, exclude_visit: int | None = None
) -> CustomerBrief:
    open_requirements = [
        r for r in store.requirements(customer_id=customer_id) if not r.state.is_closed
    ]
    by_group = {
        group: sorted(
            (r for r in open_requirements if r.group is group),
            key=lambda r: (r.state.value, r.id or 0),
        )
        for group in PoolGroup
    }
    rows = list_commitments(store, today, CommitmentFilter(open_only=True, customer_id=customer_id))
    rows.sort(
        key=lambda row: (late_days(row.commitment, today) is None, row.commitment.due or date.max)
    )
    mine = me(store)
    ours = [row for row in rows if row.commitment.author in ("", mine)]
    theirs = [row for row in rows if row.commitment.author not in ("", mine)]
    visits = [v for v in store.visits(customer_id) if v.id != exclude_visit]
    unasked_from, unasked = _left_unasked(
        store, [v for v in visits if v.author in ("", mine)], exclude_visit
    )
    evidence = newest_evidence(store, customer_id, exclude_visit=exclude_visit)
    proposed = sorted(
        (r for r in open_requirements if r.solution is not None),
        key=lambda r: (r.solution.on if r.solution else datetime.min, r.id or 0),
    )
    heard = _heard_since(store, visits, mine, today)
    names: dict[str, str] = {}
    if theirs or heard:  # colleagues by the names the team knows them by
        from interview_tui.team.actions import member_names

        names = member_names(store)
    return CustomerBrief(
        by_group,
        ours,
        theirs,
        heard,
        unasked,
        unasked_from,
        evidence,
        solutions.waiting(proposed),
        solutions.to_revise(proposed),
        names,
    )


def late_days(c: Commitment, today: date) -> int | None:
    """How many days an open promise is late, judged by its first due date (or the soonest
    it was moved to): overdue now, or moved after its due date had passed (a reschedule
    agreed before the date is not late); None when it is not late."""
    if c.state is not CommitmentState.OPEN or c.due is None:
        return None
    first = judged_by(c.due, c.first_due, c.judged_due) or c.due
    moved_late = any(
        e.get("change") == "due" and e.get("from") and e.get("on", "") > e["from"]
        for e in c.history
    )
    if c.due < today or moved_late:  # (the judged-by date is never after the due date)
        return max((today - first).days, 0) or None
    return None


def _ended(visit: Visit) -> bool:
    return visit.status in (VisitStatus.LIVE, VisitStatus.DONE)


def _left_unasked(
    store: Store, visits: list[Visit], current: int | None
) -> tuple[Visit | None, list[ScriptItem]]:
    """My last visit held before this one, and its questions not asked there (colleagues'
    visits since are under what they heard)."""
    before = None
    if current is not None:
        this = store.get(Visit, current)
        before = this.date if this is not None else None
    held = [v for v in visits if _ended(v) and (before is None or v.date < before)]
    if not held:
        return None, []
    last = max(held, key=lambda v: (v.date, v.id or 0))
    return last, [
        item for item in store.script(last.id or 0) if item.status is not ItemStatus.ASKED
    ]


def _heard_since(store: Store, visits: list[Visit], mine: str, today: date) -> list[Heard]:
    """Colleagues' visits held after my last one (all of them when I have none)."""
    my_last = max((v.date for v in visits if v.author in ("", mine) and _ended(v)), default=None)
    theirs = sorted(
        (
            v
            for v in visits
            if v.author not in ("", mine)
            and v.date.date() <= today
            and (my_last is None or v.date > my_last)
        ),
        key=lambda v: (v.date, v.id or 0),
    )
    heard = []
    for visit in theirs:
        requirements = store.requirements(visit_id=visit.id)
        pains = [
            n
            for n in store.notes(visit.id or 0)
            if n.kind == "pain" and not n.private and n.goal is not Goal.PERSONAL_CONNECTION
        ]
        if requirements or pains:
            heard.append(Heard(visit, requirements, pains))
    return heard
