"""Enumerations of the domain: stakeholder roles, intelligence goals and states.

The ids are the ones in the product brief; they are stored in the database and
written in question banks, so they never change.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """The four stakeholder roles on the customer side."""

    BUSINESS = "business"
    PROCUREMENT = "procurement"
    TECH_DECISION = "tech_decision"
    TECH_EXECUTION = "tech_execution"

    @property
    def is_decision_maker(self) -> bool:
        """Business, procurement and technical decision makers."""
        return self is not Role.TECH_EXECUTION


class Goal(StrEnum):
    """The seven intelligence goals a visit must bring evidence for."""

    TEAM_PROFILE = "team_profile"
    BUSINESS_GOALS = "business_goals"
    USAGE_VENDORS = "usage_vendors"
    DIRECTION_FEEDBACK = "direction_feedback"
    KEY_REQUIREMENTS = "key_requirements"
    PAIN_POINTS = "pain_points"
    PERSONAL_CONNECTION = "personal_connection"

    @property
    def number(self) -> int:
        """1-based position, used by the 1-7 keys in the live screen."""
        return list(Goal).index(self) + 1


#: Goals whose evidence is never shown to or sent to the customer.
INTERNAL_GOALS: frozenset[Goal] = frozenset({Goal.TEAM_PROFILE, Goal.PERSONAL_CONNECTION})


class VisitStatus(StrEnum):
    PLANNED = "planned"
    REHEARSED = "rehearsed"
    LIVE = "live"
    DONE = "done"


class ItemStatus(StrEnum):
    """Where a script item stands during the meeting."""

    PENDING = "pending"
    ASKED = "asked"
    SKIPPED = "skipped"


class OwnerSide(StrEnum):
    US = "us"
    CUSTOMER = "customer"


class CommitmentState(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class PoolGroup(StrEnum):
    """The three groups of the requirement pool (seed 002)."""

    IN_PROGRESS = "in_progress"
    NEXT_ITERATION = "next_iteration"
    BACKLOG = "backlog"


class RequirementState(StrEnum):
    CAPTURED = "captured"
    CLARIFIED = "clarified"
    SOLUTION_PROPOSED = "solution_proposed"
    SOLUTION_CONFIRMED = "solution_confirmed"
    SCHEDULED = "scheduled"
    DELIVERED = "delivered"
    ALREADY_SUPPORTED = "already_supported"
    DECLINED = "declined"

    @property
    def is_closed(self) -> bool:
        return self in {
            RequirementState.DELIVERED,
            RequirementState.ALREADY_SUPPORTED,
            RequirementState.DECLINED,
        }


class SolutionAnswer(StrEnum):
    """The customer's answer to a proposed solution (seed 002 §二)."""

    WAITING = "waiting"
    AGREED = "agreed"
    DISAGREED = "disagreed"  # with the reason, so the PM can understand it and revise
    NEEDS_CHANGES = "needs_changes"  # with what to change


class Language(StrEnum):
    """Languages of questions and of the UI."""

    EN = "en"
    ZH = "zh-CN"
