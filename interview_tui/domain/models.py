"""Pydantic models of the domain: what the store keeps and the services exchange.

Ids are ``None`` until a record is saved; ``uid`` is a stable identity (a UUID) made when the
record is, kept through export and import, so a record is the same on every machine. Lists
(goals, give-back items, follow-ups …) are stored as JSON text columns by the store.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol, Self
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from interview_tui.domain.enums import (
    CommitmentState,
    Goal,
    ItemStatus,
    OwnerSide,
    PoolGroup,
    RequirementState,
    Role,
    SolutionAnswer,
    VisitStatus,
)
from interview_tui.domain.lateness import days_late, judged_by, moved_to

if TYPE_CHECKING:
    from typing_extensions import TypeIs


class Record(BaseModel):
    """Base of every stored record."""

    model_config = ConfigDict(validate_assignment=True, extra="ignore", defer_build=True)

    id: int | None = None
    uid: str = Field(default_factory=lambda: str(uuid4()))

    @property
    def saved_id(self) -> int:
        """The id of a record that has been saved (an unsaved one here is a bug, said so)."""
        if self.id is None:
            raise ValueError(f"this {type(self).__name__} has not been saved yet")
        return self.id

    @field_validator("uid")
    @classmethod
    def _canonical_uid(cls, value: str) -> str:
        """Any spelling of a UUID, stored in its canonical form; anything else is refused."""
        try:
            return str(UUID(value))
        except ValueError:
            raise ValueError("must be a UUID (like 1b4e28ba-2fa1-11d2-883f-0016d3cca427)") from None


class Created(Protocol):
    """A record that keeps when it was made (set by the store on its first save)."""

    created_at: datetime | None


class Updated(Protocol):
    """A record that keeps when it was last saved."""

    updated_at: datetime | None


class Authored(Protocol):
    """A record that keeps the team member who made it."""

    author: str


class WithHistory(Protocol):
    """A record with an append-only history (entries as the store completes them)."""

    history: list[dict[str, str]]


class Archivable(Protocol):
    """A record that can be archived (hidden from lists, kept in history)."""

    archived_at: datetime | None


def _has_field(record: object, name: str) -> bool:
    return isinstance(record, BaseModel) and name in type(record).model_fields


def keeps_created(record: object) -> TypeIs[Created]:
    return _has_field(record, "created_at")


def keeps_updated(record: object) -> TypeIs[Updated]:
    return _has_field(record, "updated_at")


def keeps_author(record: object) -> TypeIs[Authored]:
    return _has_field(record, "author")


def keeps_history(record: object) -> TypeIs[WithHistory]:
    return _has_field(record, "history")


def archivable(record: object) -> TypeIs[Archivable]:
    return _has_field(record, "archived_at")


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


class Customer(Record):
    name: str = Field(min_length=1, max_length=200)
    industry: str = ""
    notes: str = ""
    archived_at: datetime | None = None  # hidden from lists, kept in history
    #: the team this customer is shared with ("": none; a customer syncs with one team)
    team: str = ""
    #: uids of the same customer recorded by colleagues (two PMs created it offline): both
    #: records stay, nothing is deleted
    same_as: list[str] = Field(default_factory=list)

    _clean = field_validator("name", "industry", mode="before")(_strip)


class Person(Record):
    """Someone on the customer side, with the stakeholder role they play."""

    customer_id: int
    name: str = Field(min_length=1, max_length=200)
    title: str = ""
    role: Role
    email: str = Field(default="", max_length=320)
    phone: str = Field(default="", max_length=100)
    #: any other way to reach them (WeChat, an assistant's name), free text
    contact: str = ""
    archived_at: datetime | None = None  # left the customer: still in old visits and notes

    _clean = field_validator("name", "title", "email", "phone", "contact", mode="before")(_strip)


class Visit(Record):
    customer_id: int
    date: datetime
    length_minutes: int = Field(default=60, ge=5, le=24 * 60)
    purpose: str = ""
    goals: list[Goal] = Field(default_factory=list)
    attendee_ids: list[int] = Field(default_factory=list)
    give_back: list[str] = Field(default_factory=list)
    sales_told: str = ""
    do_not_say: str = ""
    may_promise: str = ""
    must_not_promise: str = ""
    product_brief: str = ""
    status: VisitStatus = VisitStatus.PLANNED
    next_step: str = ""
    rehearsal: dict[str, object] = Field(default_factory=dict)
    archived_at: datetime | None = None
    #: a visit is a draft of its PM until shared with the team (then it syncs)
    shared_at: datetime | None = None
    author: str = ""  # the member who planned it (work e-mail; "" before a team)

    @field_validator("goals")
    @classmethod
    def _unique_goals(cls, goals: list[Goal]) -> list[Goal]:
        return list(dict.fromkeys(goals))


class ScriptItem(Record):
    """A per-visit copy of a bank question (editing it never changes the bank)."""

    visit_id: int
    bank_question_id: str | None = None
    role: Role
    goal: Goal
    text: str = Field(min_length=1)
    research: str = ""
    purpose: str = ""
    follow_ups: list[str] = Field(default_factory=list)
    position: int = 0
    status: ItemStatus = ItemStatus.PENDING
    accepted_findings: list[str] = Field(default_factory=list)
    seconds_rehearsed: float = 0.0


class CustomerQuestion(Record):
    """A question the customer is likely to ask us, rehearsed as a flashcard."""

    visit_id: int
    bank_question_id: str | None = None
    text: str = Field(min_length=1)
    answer: str = ""
    confidence: str = ""  # "", "confident" or "shaky"


class Note(Record):
    visit_id: int
    script_item_id: int | None = None
    speaker_id: int | None = None
    goal: Goal | None = None
    text: str = ""
    internal: bool = False
    kind: str = "note"  # "note" or "pain" (a pain point with the action we take)
    action: str = ""
    #: never leaves this laptop (internal notes are shared with the team, private ones not)
    private: bool = False
    author: str = ""  # the member who wrote it
    created_at: datetime | None = None
    updated_at: datetime | None = None


class SolutionReply(BaseModel):
    """What the customer said about one proposal, and when (a later reply never erases it)."""

    uid: str = Field(default_factory=lambda: str(uuid4()))
    on: datetime
    answer: SolutionAnswer
    reason: str = ""  # why they disagree, or what to change
    author: str = ""  # the member who recorded it


class SolutionProposal(BaseModel):
    """A solution proposed to the customer, with the reasoning seed 002 asks to explain; a
    revision is a new proposal, so what was proposed and answered before is kept."""

    uid: str = Field(default_factory=lambda: str(uuid4()))
    on: datetime
    text: str = Field(min_length=1)
    reasoning: str = ""
    author: str = ""  # the member who proposed it
    replies: list[SolutionReply] = Field(default_factory=list)

    @property
    def reply(self) -> SolutionReply | None:
        """The customer's latest answer (``None``: still waiting)."""
        return self.replies[-1] if self.replies else None

    @property
    def answer(self) -> SolutionAnswer:
        return self.reply.answer if self.reply else SolutionAnswer.WAITING


class Requirement(Record):
    """A customer need; clear only when user, scenario and pain are all known."""

    customer_id: int
    visit_id: int | None = None
    title: str = ""
    user: str = ""
    scenario: str = ""
    pain: str = ""
    product_details: str = ""
    originator: str = ""
    solution_idea: str = ""
    state: RequirementState = RequirementState.CAPTURED
    group: PoolGroup = PoolGroup.BACKLOG
    latest_acceptable: date | None = None  # the latest date the customer can accept
    planned: date | None = None  # our planned date
    workaround: str = ""  # what they can do meanwhile
    told_customer: str = ""  # what we told the customer about our plan
    share_plan: bool = False  # the customer agreed the plan: the recap restates it
    link_key: str = ""  # requirements raised by several customers share a key
    how_to_use: str = ""  # for an already supported need: how to use what exists
    author: str = ""  # the member who captured it
    created_at: datetime | None = None
    #: append-only: each entry has an ``id``, its author ``by`` and ``at`` (see the store)
    history: list[dict[str, str]] = Field(default_factory=list)
    #: every solution proposed, oldest first, each with the customer's answers
    solutions: list[SolutionProposal] = Field(default_factory=list)

    @property
    def solution(self) -> SolutionProposal | None:
        """The current proposal (the latest revision), if any."""
        return self.solutions[-1] if self.solutions else None

    @property
    def solution_agreed(self) -> bool:
        """The customer agreed the current proposal: it may be built."""
        return self.solution is not None and self.solution.answer is SolutionAnswer.AGREED

    @property
    def gap_days(self) -> int | None:
        """Days our plan runs past the customer's latest date (negative: that many early)."""
        if self.planned is None or self.latest_acceptable is None:
            return None
        return (self.planned - self.latest_acceptable).days

    @property
    def missing(self) -> list[str]:
        """Names of the fields that must still be asked until the need is clear."""
        return [name for name in ("user", "scenario", "pain") if not getattr(self, name).strip()]

    @property
    def is_clear(self) -> bool:
        return not self.missing


class Commitment(Record):
    """A promise made in a meeting, by us or by the customer."""

    visit_id: int
    text: str = Field(min_length=1)
    owner_side: OwnerSide = OwnerSide.US
    owner_name: str = ""
    due: date | None = None
    #: the due date first promised; a reschedule moves ``due`` only, so lateness is kept
    first_due: date | None = None
    #: the date it is judged by: the first due date, or the soonest it was ever moved to
    #: (kept as ``due`` moves: a promise moved sooner and missed stays late when moved
    #: later again; an undo puts the record back, this with it)
    judged_due: date | None = None
    within_authority: bool = True
    #: why the PM made it although the authority check warned (empty: no override)
    authority_override: str = ""
    state: CommitmentState = CommitmentState.OPEN
    resolution_note: str = ""
    closed_on: date | None = None
    author: str = ""  # the member who captured it
    created_at: datetime | None = None
    #: append-only: each entry has an ``id``, its author ``by`` and ``at`` (see the store)
    history: list[dict[str, str]] = Field(default_factory=list)
    #: the pain point this promise answers (a pain's action is a commitment of ours)
    pain_note_id: int | None = None

    @model_validator(mode="after")
    def _first_due(self) -> Self:
        """The first due date given is remembered (set once, never moved), and the date it
        is judged by only ever moves sooner (checked again as ``due`` is assigned)."""
        if self.first_due is None and self.due is not None:
            self.__dict__["first_due"] = self.due
        judged = self.judged_due
        if judged is None and self.history:  # written before it was kept: from the history
            judged = min(moved_to(self.history), default=None)
        self.__dict__["judged_due"] = judged_by(self.due, self.first_due, judged)
        return self

    def is_overdue(self, today: date) -> bool:
        return self.state is CommitmentState.OPEN and self.due is not None and self.due < today

    def days_late(self, today: date) -> int:
        """Days past the date it is judged by, its FIRST due date or an earlier one it was
        moved to (0: not late): closed done after it, or still open after it, however often
        it was rescheduled. A dropped promise is not judged.

        The one definition of late (:func:`~interview_tui.domain.lateness.days_late`):
        every list, filter, export and the calendar ask it."""
        return days_late(
            self.state, self.due, self.first_due, self.closed_on, today, self.judged_due
        )

    def is_late(self, today: date) -> bool:
        return self.days_late(today) > 0

    @property
    def kept_on_time(self) -> bool:
        """Closed done on or before the date it is judged by (no due date: on time)."""
        if self.state is not CommitmentState.DONE:
            return False
        first = judged_by(self.due, self.first_due, self.judged_due)
        return first is None or (self.closed_on is not None and self.closed_on <= first)

    @property
    def overridden(self) -> bool:
        """Flagged beyond authority, and made anyway by the PM's decision."""
        return not self.within_authority and bool(self.authority_override.strip())
