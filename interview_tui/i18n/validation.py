"""A validation error of pydantic's, in the interface language: one place for the import
checker and the question-bank loader."""

from __future__ import annotations

from typing import Any

from interview_tui.i18n import catalog, current_language, t


def pydantic_message(error: Any) -> str:
    """One of pydantic's errors in the interface language (its own English when it is one
    we have no text for); a validator's own message as the validator wrote it."""
    key = f"import.value.{error['type']}"
    values = {name: str(value) for name, value in (error.get("ctx") or {}).items()}
    if key not in catalog(current_language()):
        return str(error["msg"])
    if error["type"] == "value_error":
        values["error"] = str(error["msg"]).removeprefix("Value error, ")
    try:
        return t(key, **values)
    except KeyError:  # a context this text does not expect
        return str(error["msg"])
