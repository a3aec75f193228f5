"""The bytes of a shared record's file: written the same way every time.

Sorted keys, indent 2, UTF-8 without escaping, LF, one final newline: a field change is a
one-line diff, and two clones that hold the same record hold the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

#: the kinds of shared record and the folder each lives in
FOLDERS = {
    "member": "members",
    "customer": "customers",
    "person": "people",
    "visit": "visits",
    "requirement": "requirements",
    "commitment": "commitments",
}


def dumps(record: dict[str, Any]) -> bytes:
    """The canonical bytes of ``record``."""
    text = json.dumps(record, sort_keys=True, indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def loads(data: bytes) -> dict[str, Any]:
    """A record read back; anything but a JSON object is refused."""
    value = json.loads(data.decode("utf-8"))
    if not isinstance(value, dict):
        raise ValueError("a record file holds one JSON object")
    return value


def path_for(kind: str, uid: str, year: int | None = None) -> str:
    """Where a record lives in the repository (forward slashes, as git names paths).

    Visits are grouped by year, requirements and commitments by the first two hex digits
    of their uid, so no folder grows past a few thousand files.
    """
    folder = FOLDERS[kind]
    if kind == "visit":
        return f"{folder}/{year if year is not None else 'undated'}/{uid}.json"
    if kind in ("requirement", "commitment"):
        return f"{folder}/{uid[:2]}/{uid}.json"
    return f"{folder}/{uid}.json"
