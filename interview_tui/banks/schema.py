"""Pydantic models of a question bank file."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from interview_tui.domain.enums import Goal, Role

_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"

#: The industries a bank can be written for; ``general`` fits any B2B cloud customer.
Industry = Literal["general", "gaming", "finance", "manufacturing", "retail"]
INDUSTRIES: tuple[str, ...] = ("general", "gaming", "finance", "manufacturing", "retail")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _non_blank_items(items: list[str]) -> list[str]:
    if any(not item.strip() for item in items):
        raise ValueError("must not contain empty entries")
    return items


class BankInfo(_Strict):
    """The ``[bank]`` table."""

    id: str = Field(pattern=_ID_PATTERN)
    language: str = Field(pattern=r"^(en|zh-CN)$")
    title: str = Field(min_length=1)
    description: str = ""
    industry: Industry = "general"
    #: role × goal cells the bank leaves to the general bank on purpose, each with the reason:
    #: ``"procurement.personal_connection" = "why"``
    uncovered: dict[str, str] = Field(default_factory=dict)

    @field_validator("uncovered")
    @classmethod
    def _cells(cls, cells: dict[str, str]) -> dict[str, str]:
        for cell, reason in cells.items():
            role, _, goal = cell.partition(".")
            if role not in {r.value for r in Role} or goal not in {g.value for g in Goal}:
                raise ValueError(f"{cell!r} is no role.goal cell (e.g. procurement.pain_points)")
            if not reason.strip():
                raise ValueError(f"{cell!r}: say why the cell is left to the general bank")
        return cells


class BankQuestion(_Strict):
    """One ``[[questions]]`` entry: a question we ask, for one role, serving one goal."""

    id: str = Field(pattern=_ID_PATTERN)
    role: Role
    goal: Goal
    text: str = Field(min_length=1)
    research: str = ""
    purpose: str = ""
    follow_ups: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    allow: list[str] = Field(default_factory=list)
    # Where it came from (filled by the loader, not written in the file).
    line: int = Field(default=0, exclude=True)
    bank_id: str = Field(default="", exclude=True)
    language: str = Field(default="", exclude=True)

    _items = field_validator("follow_ups", "tags", "allow")(_non_blank_items)


class BankCustomerQuestion(_Strict):
    """One ``[[customer_questions]]`` entry: what the customer will likely ask us."""

    id: str = Field(pattern=_ID_PATTERN)
    text: str = Field(min_length=1)
    answer: str = Field(min_length=1)
    tags: list[str] = Field(default_factory=list)
    line: int = Field(default=0, exclude=True)
    bank_id: str = Field(default="", exclude=True)
    language: str = Field(default="", exclude=True)


class Bank(BaseModel):
    """A loaded, valid bank file."""

    model_config = ConfigDict(frozen=True)

    info: BankInfo
    path: Path
    questions: tuple[BankQuestion, ...] = ()
    customer_questions: tuple[BankCustomerQuestion, ...] = ()
    user: bool = False

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def language(self) -> str:
        return self.info.language

    @property
    def title(self) -> str:
        return self.info.title

    @property
    def industry(self) -> str:
        return self.info.industry
