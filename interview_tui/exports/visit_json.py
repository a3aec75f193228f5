"""A visit's lossless JSON export read from plain rows, without the pydantic models.

``export VISIT --format json`` is run by scripts; building and dumping a model per record
cost about 0.2 s of CPU before the first byte (importing pydantic and building its
schemas). The rows read here are turned into exactly what ``Model.model_dump(mode="json")``
gives for them (the same keys in the same order, the same values): :data:`FIELDS` lists each
model's fields as the models declare them, with how the column's value is read; a test
keeps the two in step and compares the bytes of both exports record by record.

A value this reading does not expect (a date written in another form, say) is read by the
model instead, for that record only: the bytes stay those of the model, whatever the row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid4

from interview_tui.domain.lateness import judged_by
from interview_tui.store.store import Store

FORMAT = "interview-tui.visit"
FORMAT_VERSION = 1
#: the goal of personal-connection notes, left out unless asked for
PERSONAL = "personal_connection"


def _plain(value: Any) -> Any:
    return value


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _bool(value: Any) -> bool:
    if value not in (0, 1, True, False):
        raise ValueError(value)
    return bool(value)


def _float(value: Any) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ValueError(value)
    return float(value)


def _datetime(value: Any) -> str | None:
    """As pydantic writes a datetime: ISO 8601 with seconds, UTC as ``Z``."""
    if value is None:
        return None
    text = datetime.fromisoformat(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _date(value: Any) -> str | None:
    return None if value is None else date.fromisoformat(value).isoformat()


def _uid(value: Any) -> str:
    return str(UUID(value))


def _json(default: Callable[[], Any]) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        loaded = json.loads(value) if isinstance(value, str) and value else value
        return default() if loaded is None else loaded

    return read


def _goals(value: Any) -> list[Any]:
    return list(dict.fromkeys(_strings(value)))


def _strings(value: Any) -> list[Any]:
    """A JSON list of text (anything else in it: the model reads the record)."""
    items = _json(list)(value)
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(value)
    return items


def _ints(value: Any) -> list[Any]:
    items = _json(list)(value)
    if not isinstance(items, list) or not all(type(item) is int for item in items):
        raise ValueError(value)
    return items


def _reply(reply: dict[str, Any]) -> dict[str, Any]:
    return {
        "uid": reply["uid"] if "uid" in reply else str(uuid4()),
        "on": _datetime(reply["on"]),
        "answer": reply["answer"],
        "reason": reply.get("reason", ""),
        "author": reply.get("author", ""),
    }


def _solutions(value: Any) -> list[dict[str, Any]]:
    return [
        {
            "uid": proposal["uid"] if "uid" in proposal else str(uuid4()),
            "on": _datetime(proposal["on"]),
            "text": proposal["text"],
            "reasoning": proposal.get("reasoning", ""),
            "author": proposal.get("author", ""),
            "replies": [_reply(reply) for reply in proposal.get("replies", [])],
        }
        for proposal in _json(list)(value)
    ]


_BASE = (("id", _plain), ("uid", _uid))

#: table -> (model name, its fields in the model's order with how each column is read);
#: the column of a field is its name (``group`` lives in ``pool_group``)
FIELDS: dict[str, tuple[str, tuple[tuple[str, Callable[[Any], Any]], ...]]] = {
    "customers": (
        "Customer",
        (
            *_BASE,
            ("name", _strip),
            ("industry", _strip),
            ("notes", _plain),
            ("archived_at", _datetime),
            ("team", _plain),
            ("same_as", _strings),
        ),
    ),
    "people": (
        "Person",
        (
            *_BASE,
            ("customer_id", _plain),
            ("name", _strip),
            ("title", _strip),
            ("role", _plain),
            ("email", _strip),
            ("phone", _strip),
            ("contact", _strip),
            ("archived_at", _datetime),
        ),
    ),
    "visits": (
        "Visit",
        (
            *_BASE,
            ("customer_id", _plain),
            ("date", _datetime),
            ("length_minutes", _plain),
            ("purpose", _plain),
            ("goals", _goals),
            ("attendee_ids", _ints),
            ("give_back", _strings),
            ("sales_told", _plain),
            ("do_not_say", _plain),
            ("may_promise", _plain),
            ("must_not_promise", _plain),
            ("product_brief", _plain),
            ("status", _plain),
            ("next_step", _plain),
            ("rehearsal", _json(dict)),
            ("archived_at", _datetime),
            ("shared_at", _datetime),
            ("author", _plain),
        ),
    ),
    "script_items": (
        "ScriptItem",
        (
            *_BASE,
            ("visit_id", _plain),
            ("bank_question_id", _plain),
            ("role", _plain),
            ("goal", _plain),
            ("text", _plain),
            ("research", _plain),
            ("purpose", _plain),
            ("follow_ups", _strings),
            ("position", _plain),
            ("status", _plain),
            ("accepted_findings", _strings),
            ("seconds_rehearsed", _float),
        ),
    ),
    "notes": (
        "Note",
        (
            *_BASE,
            ("visit_id", _plain),
            ("script_item_id", _plain),
            ("speaker_id", _plain),
            ("goal", _plain),
            ("text", _plain),
            ("internal", _bool),
            ("kind", _plain),
            ("action", _plain),
            ("private", _bool),
            ("author", _plain),
            ("created_at", _datetime),
            ("updated_at", _datetime),
        ),
    ),
    "requirements": (
        "Requirement",
        (
            *_BASE,
            ("customer_id", _plain),
            ("visit_id", _plain),
            ("title", _plain),
            ("user", _plain),
            ("scenario", _plain),
            ("pain", _plain),
            ("product_details", _plain),
            ("originator", _plain),
            ("solution_idea", _plain),
            ("state", _plain),
            ("group", _plain),
            ("latest_acceptable", _date),
            ("planned", _date),
            ("workaround", _plain),
            ("told_customer", _plain),
            ("share_plan", _bool),
            ("link_key", _plain),
            ("how_to_use", _plain),
            ("author", _plain),
            ("created_at", _datetime),
            ("history", _json(list)),
            ("solutions", _solutions),
        ),
    ),
    "commitments": (
        "Commitment",
        (
            *_BASE,
            ("visit_id", _plain),
            ("text", _plain),
            ("owner_side", _plain),
            ("owner_name", _plain),
            ("due", _date),
            ("first_due", _date),
            ("judged_due", _date),
            ("within_authority", _bool),
            ("authority_override", _plain),
            ("state", _plain),
            ("resolution_note", _plain),
            ("closed_on", _date),
            ("author", _plain),
            ("created_at", _datetime),
            ("history", _json(list)),
            ("pain_note_id", _plain),
        ),
    ),
    "customer_questions": (
        "CustomerQuestion",
        (
            *_BASE,
            ("visit_id", _plain),
            ("bank_question_id", _plain),
            ("text", _plain),
            ("answer", _plain),
            ("confidence", _plain),
        ),
    ),
}
_COLUMNS = {"group": "pool_group"}
#: a plain value of these kinds is what the model would keep (anything else: the model reads it)
_PLAIN_TYPES = (str, int, type(None))


def record_json(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """``model_dump(mode="json")`` of the record this row of ``table`` holds."""
    model, fields = FIELDS[table]
    try:
        data = {}
        for name, read in fields:
            value = row[_COLUMNS.get(name, name)]
            if read is _plain and not isinstance(value, _PLAIN_TYPES):
                raise ValueError(value)
            data[name] = read(value)
        if table == "commitments":
            if data["first_due"] is None:
                data["first_due"] = data["due"]  # the first due date given is remembered
            data["judged_due"] = judged_by(data["due"], data["first_due"], data["judged_due"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return _by_model(model, row)
    return data


def _by_model(model: str, row: dict[str, Any]) -> dict[str, Any]:
    """The record read by its model (a value this module does not expect)."""
    from interview_tui.domain import models
    from interview_tui.store.records import from_row

    dumped: dict[str, Any] = from_row(getattr(models, model), row).model_dump(mode="json")
    return dumped


#: each section of the export: table, the rows of the visit, their order (as the store's
#: ``load_bundle`` reads them)
_SECTIONS = (
    ("people", "customer_id = ? AND importing IS NULL", "role, name"),
    ("script", "visit_id = ?", "position, id"),
    ("notes", "visit_id = ?", "created_at, id"),
    ("requirements", "visit_id = ?", "id"),
    ("commitments", "visit_id = ?", "due IS NULL, due, id"),
    ("customer_questions", "visit_id = ?", "id"),
)
_TABLES = {"script": "script_items"}


def _records(
    store: Store, table: str, where: str, param: int, order: str
) -> Iterator[dict[str, Any]]:
    for row in store.query(f"SELECT * FROM {table} WHERE {where} ORDER BY {order}", [param]):
        yield record_json(table, row)


def visit_json_data(
    store: Store, visit_id: int, *, include_personal: bool = False
) -> dict[str, Any]:
    """The visit's export: every field of every record (ids kept so references can be
    rebuilt on import, uids so a second import updates instead of duplicating;
    personal-connection and private notes only with ``include_personal``), read from rows
    as the models would dump them (a missing visit, or one an import is still writing, is the same
    :class:`UserError` as :func:`~interview_tui.exports.bundle.load_bundle` raises)."""
    visits = store.query("SELECT * FROM visits WHERE id = ?", [visit_id])
    customers = (
        store.query("SELECT * FROM customers WHERE id = ?", [visits[0]["customer_id"]])
        if visits
        else []
    )
    if not customers or visits[0]["importing"] is not None:
        from interview_tui.errors import UserError
        from interview_tui.i18n import t

        raise UserError(t("error.no_visit_listed", id=visit_id))
    customer = record_json("customers", customers[0])
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "includes_personal": include_personal,
        "customer": customer,
        "visit": record_json("visits", visits[0]),
    }
    for name, where, order in _SECTIONS:
        param = customer["id"] if name == "people" else visit_id
        records = _records(store, _TABLES.get(name, name), where, param, order)
        if name == "notes" and not include_personal:
            # nor the private ones: they never leave this laptop unless asked for
            records = (n for n in records if n["goal"] != PERSONAL and not n["private"])
        data[name] = list(records)
    for commitment in data["commitments"]:
        commitment["owner"] = commitment["owner_side"]  # "us" or "customer"
    return data
