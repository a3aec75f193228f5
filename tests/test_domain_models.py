"""Domain models: validation, derived facts."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from interview_tui.domain.enums import INTERNAL_GOALS, CommitmentState, Goal, Role
from interview_tui.domain.models import Commitment, Customer, Person, Requirement, Visit


def test_roles_and_goals_use_the_brief_ids() -> None:
    assert [r.value for r in Role] == ["business", "procurement", "tech_decision", "tech_execution"]
    assert len(Goal) == 7 and Goal.PAIN_POINTS.number == 6
    assert {Goal.TEAM_PROFILE, Goal.PERSONAL_CONNECTION} == INTERNAL_GOALS
    assert Role.TECH_DECISION.is_decision_maker and not Role.TECH_EXECUTION.is_decision_maker


def test_invalid_values_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Person(customer_id=1, name="x", role="ceo")
    with pytest.raises(ValidationError):
        Customer(name="   ")
    with pytest.raises(ValidationError):
        Visit(customer_id=1, date=datetime(2026, 1, 1), goals=["world_peace"])
    with pytest.raises(ValidationError):
        Visit(customer_id=1, date=datetime(2026, 1, 1), length_minutes=0)


def test_visit_goals_are_unique_in_order() -> None:
    visit = Visit(
        customer_id=1,
        date=datetime(2026, 1, 1),
        goals=["pain_points", "team_profile", "pain_points"],
    )
    assert visit.goals == [Goal.PAIN_POINTS, Goal.TEAM_PROFILE]


def test_requirement_is_clear_only_with_user_scenario_and_pain() -> None:
    need = Requirement(customer_id=1, user="财务", scenario="月初对账")
    assert need.missing == ["pain"] and not need.is_clear
    need.pain = "手工五天"
    assert need.is_clear


def test_commitment_overdue_and_kept_on_time() -> None:
    promise = Commitment(visit_id=1, text="send report", due=date(2026, 11, 20))
    assert promise.is_overdue(date(2026, 11, 21)) and not promise.is_overdue(date(2026, 11, 20))
    assert not promise.kept_on_time
    promise.state = CommitmentState.DONE
    promise.closed_on = date(2026, 11, 20)
    assert promise.kept_on_time and not promise.is_overdue(date(2026, 12, 1))
    promise.closed_on = date(2026, 11, 21)
    assert not promise.kept_on_time


def test_the_first_due_date_is_kept_when_the_due_date_moves() -> None:
    promise = Commitment(visit_id=1, text="Send the report", due=date(2026, 12, 1))
    assert promise.first_due == date(2026, 12, 1)
    promise.due = date(2026, 12, 20)
    assert promise.first_due == date(2026, 12, 1)
    promise.state, promise.closed_on = CommitmentState.DONE, date(2026, 12, 10)
    assert not promise.kept_on_time  # on time for the new date, late for the promise
    undated = Commitment(visit_id=1, text="Call back")
    undated.due = date(2026, 12, 5)  # the first date ever given is the first due date
    assert undated.first_due == date(2026, 12, 5)
    assert Commitment(visit_id=1, text="x").uid != Commitment(visit_id=1, text="x").uid
