"""Mapping between pydantic records and SQLite rows.

Lists and dicts are stored as JSON text, booleans as 0/1, dates as ISO text; the
``group`` field of a requirement lives in the ``pool_group`` column (``group`` is SQL).
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from interview_tui.domain.models import (
    Commitment,
    Customer,
    CustomerQuestion,
    Note,
    Person,
    Record,
    Requirement,
    ScriptItem,
    Visit,
)

R = TypeVar("R", bound=Record)

TABLES: dict[type[Record], str] = {
    Customer: "customers",
    Person: "people",
    Visit: "visits",
    ScriptItem: "script_items",
    CustomerQuestion: "customer_questions",
    Note: "notes",
    Requirement: "requirements",
    Commitment: "commitments",
}
_FIELD_TO_COLUMN = {"group": "pool_group"}
_COLUMN_TO_FIELD = {column: field for field, column in _FIELD_TO_COLUMN.items()}
_BOOL_FIELDS = {"internal", "within_authority", "share_plan", "private"}
_JSON_FIELDS = {
    "goals",
    "attendee_ids",
    "give_back",
    "rehearsal",
    "follow_ups",
    "accepted_findings",
    "history",
    "solutions",
    "same_as",
}


def to_row(record: Record) -> dict[str, Any]:
    """A record as a dict of column values (without ``id`` when it is unsaved)."""
    row: dict[str, Any] = {}
    for name, value in record.model_dump(mode="json").items():
        if name == "id" and value is None:
            continue
        if name in _JSON_FIELDS:
            value = json.dumps(value, ensure_ascii=False)
        elif name in _BOOL_FIELDS:
            value = int(bool(value))
        row[_FIELD_TO_COLUMN.get(name, name)] = value
    return row


def from_row(model: type[R], row: dict[str, Any]) -> R:
    """Build a record from a row read from its table."""
    data: dict[str, Any] = {}
    for column, value in row.items():
        name = _COLUMN_TO_FIELD.get(column, column)
        if name in _JSON_FIELDS and isinstance(value, str):
            value = json.loads(value) if value else None
        if value is None and name in _JSON_FIELDS:
            continue
        data[name] = value
    return model.model_validate(data)
