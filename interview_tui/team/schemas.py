"""How each kind of shared record merges (see :class:`interview_tui.team.merge.Schema`)."""

from __future__ import annotations

from interview_tui.team.merge import Schema

_LOG = Schema()

SCHEMAS: dict[str, Schema] = {
    "member": Schema(once=frozenset({"id"})),
    "customer": Schema(once=frozenset({"uid"}), sets=frozenset({"same_as"})),
    "person": Schema(once=frozenset({"uid", "customer"})),
    "visit": Schema(
        once=frozenset({"uid", "customer", "author"}),
        sets=frozenset({"goals", "attendees"}),
        logs={"notes": Schema(entry_id="id"), "questions": Schema(entry_id="id")},
    ),
    "requirement": Schema(
        once=frozenset({"uid", "customer", "visit", "author", "created"}),
        logs={
            "history": _LOG,
            "solutions": Schema(logs={"replies": _LOG}),
        },
    ),
    "commitment": Schema(
        once=frozenset({"uid", "visit", "author", "created", "first_due"}),
        least=frozenset({"judged_due"}),
        logs={"history": _LOG},
        groups={"closing": ("state", "closed_on", "resolution_note")},
    ),
}

#: the folder of each kind in the repository, and back
KIND_OF_FOLDER = {
    "members": "member",
    "customers": "customer",
    "people": "person",
    "visits": "visit",
    "requirements": "requirement",
    "commitments": "commitment",
}


def kind_of(path: str) -> str | None:
    """The kind of record a repository path holds (``None``: a generated file)."""
    folder = path.split("/", 1)[0]
    if not path.endswith(".json"):
        return None
    return KIND_OF_FOLDER.get(folder)


def schema_for(path: str) -> Schema | None:
    kind = kind_of(path)
    return SCHEMAS[kind] if kind else None
