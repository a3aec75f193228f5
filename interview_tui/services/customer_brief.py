"""Where things stand with a customer before any conversation (seed 002)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from interview_tui.domain.enums import PoolGroup
from interview_tui.domain.models import Requirement
from interview_tui.services import solutions
from interview_tui.services.commitments import CommitmentFilter, CommitmentRow, list_commitments
from interview_tui.services.evidence import Evidence, customer_evidence
from interview_tui.store.store import Store


@dataclass
class CustomerBrief:
    requirements: dict[PoolGroup, list[Requirement]] = field(default_factory=dict)
    commitments: list[CommitmentRow] = field(default_factory=list)  # open, overdue first
    evidence: list[Evidence] = field(default_factory=list)  # earlier visits, newest first
    #: proposed solutions that wait for the customer's answer (ask for it), oldest first
    solutions_waiting: list[Requirement] = field(default_factory=list)
    #: solutions the customer disagreed with or wants changed (bring the revision)
    solutions_to_revise: list[Requirement] = field(default_factory=list)


def customer_brief(store: Store, customer_id: int, today: date,
                   exclude_visit: int | None = None) -> CustomerBrief:  # fmt: skip
    open_requirements = [r for r in store.requirements(customer_id=customer_id)
                         if not r.state.is_closed]  # fmt: skip
    by_group = {group: sorted((r for r in open_requirements if r.group is group),
                              key=lambda r: (r.state.value, r.id or 0)) for group in PoolGroup}
    rows = list_commitments(store, today, CommitmentFilter(open_only=True,
                                                           customer_id=customer_id))
    rows.sort(key=lambda row: (not row.is_overdue(today), row.commitment.due or date.max))
    evidence = [e for e in customer_evidence(store, customer_id) if e.visit_id != exclude_visit]
    proposed = sorted((r for r in open_requirements if r.solution is not None),
                      key=lambda r: (r.solution.on, r.id or 0))  # type: ignore[union-attr]
    return CustomerBrief(by_group, rows, evidence, solutions.waiting(proposed),
                         solutions.to_revise(proposed))  # fmt: skip
