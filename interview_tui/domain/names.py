"""Display names of enum values and of the fixed vocabularies: the one place that turns an
id (``tech_execution``, ``open``, ``scenario``) into words, in the current language.

Ids stay ids in data (the database, banks, ``--json``); every text a person reads names
them through :func:`name` or :func:`display_of`.
"""

from __future__ import annotations

from enum import StrEnum

from interview_tui.domain.enums import (
    CommitmentState,
    Goal,
    ItemStatus,
    Language,
    OwnerSide,
    PoolGroup,
    RequirementState,
    Role,
    SolutionAnswer,
    VisitStatus,
)
from interview_tui.i18n import t

#: catalog key prefix of each enumeration's display names
PREFIX: dict[type[StrEnum], str] = {
    Role: "role",
    Goal: "goal",
    VisitStatus: "status",
    ItemStatus: "item_status",
    OwnerSide: "owner",
    CommitmentState: "commitment",
    PoolGroup: "group",
    RequirementState: "req",
    SolutionAnswer: "solution.answer",
    Language: "language",
}
#: the short names (table columns, tight lines) where an enumeration has them
SHORT_PREFIX: dict[type[StrEnum], str] = {Role: "role_short", Goal: "goal_short"}

#: vocabularies that are plain strings, not enumerations: kind -> catalog key prefix
VOCABULARIES: dict[str, str] = {
    "field": "req.field",  # a requirement's fields (user, scenario, pain …)
    "record": "search.kind",  # the kinds of record search finds (note, requirement …)
    "industry": "industry",  # a question bank's industry
}
#: the enumeration a changed field's old and new values come from (a record's history)
FIELD_VALUES: dict[str, type[StrEnum]] = {
    "state": RequirementState,
    "group": PoolGroup,
    "owner_side": OwnerSide,
}
#: the requirement fields a report lists, in order (each has a ``req.field.*`` name)
REQUIREMENT_FIELDS = (
    "user",
    "scenario",
    "pain",
    "product_details",
    "originator",
    "solution_idea",
    "how_to_use",
)


def display(value: StrEnum, *, short: bool = False, language: str | None = None) -> str:
    """The display name of an enum value (``Role.TECH_EXECUTION`` → "Technical executor")."""
    kind = type(value)
    prefix = SHORT_PREFIX.get(kind, PREFIX[kind]) if short else PREFIX[kind]
    return t(f"{prefix}.{value.value}", language=language)


def display_of(
    kind: type[StrEnum] | str, raw: str, *, short: bool = False, language: str | None = None
) -> str:
    """The display name of a raw id read from a row or a dict: ``display_of(VisitStatus,
    "done")``, ``display_of("field", "scenario")``. An id that is not known shows as it is."""
    if isinstance(kind, str):
        key = f"{VOCABULARIES[kind]}.{raw}"
        text = t(key, language=language)
        return raw if text == key else text
    try:
        return display(kind(raw), short=short, language=language)
    except ValueError:
        return raw


def display_list(
    kind: type[StrEnum] | str, raws: list[str] | tuple[str, ...], language: str | None = None
) -> str:
    """Several display names as one list in the language's own way (``user, scenario``;
    ``用户、场景``)."""
    separator = t("list.separator", language=language)
    return separator.join(display_of(kind, raw, language=language) for raw in raws)


def field_value(field: str, raw: str) -> str:
    """A value of a changed field as the history shows it: ``group`` ``backlog`` → "Backlog";
    a field holding free text or a date shows its value as it is."""
    kind = FIELD_VALUES.get(field)
    return display_of(kind, raw) if kind is not None and raw else raw
