"""The requirement pool: three groups, read a page at a time, changed one record at a time.

Seed 002 keeps every customer need in **in progress**, **next iteration** or **backlog**,
and the PM must know each one's state before talking to the customer. A career holds tens of
thousands of them, so the pool is read in pages (ordered by group, open before closed) with
counts per group, and a change returns just the changed row.

The gate (seed 002 §二): a requirement moves to **in progress** only with a solution the
customer agreed (:mod:`interview_tui.services.solutions`), unless the PM overrides it with a
reason; the override is kept in its history (``"override"`` on the group change) and the
internal report shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TypedDict

from interview_tui.domain.enums import PoolGroup, RequirementState
from interview_tui.domain.models import Requirement
from interview_tui.domain.names import display_list
from interview_tui.errors import FieldError, UserError, not_found
from interview_tui.i18n import t
from interview_tui.services import list_text
from interview_tui.services.archived import any_archived
from interview_tui.store.store import Store

#: rows read per page; the screen asks for more when the cursor nears the end
PAGE_SIZE = 40
#: requirements of archived customers or visits are not listed (they come back on restore)
_NOT_ARCHIVED = (
    "r.customer_id NOT IN (SELECT id FROM customers WHERE archived_at IS NOT NULL)"
    " AND (r.visit_id IS NULL OR r.visit_id NOT IN"
    " (SELECT id FROM visits WHERE archived_at IS NOT NULL))"
)


_CLOSED = tuple(state.value for state in RequirementState if state.is_closed)
_GROUP_ORDER = (
    "CASE r.pool_group "
    + " ".join(f"WHEN '{group.value}' THEN {n}" for n, group in enumerate(PoolGroup))
    + " END"
)


@dataclass(frozen=True, slots=True)
class PoolRow:
    requirement: Requirement
    customer: str
    asked: int  # how many customers raised it (linked requirements share a key)
    #: the day the customer raised it: its visit's date (when it was written down, without one)
    raised: str = ""
    conflicts: tuple[str, ...] = ()  # the fields in open team conflict


@dataclass(frozen=True, slots=True)
class PoolPage:
    rows: list[PoolRow]
    offset: int
    total: int
    per_group: dict[PoolGroup, int] = field(default_factory=dict)


def _text_clause(text: str) -> tuple[str, list[object]]:
    """The rows whose shown text has every word of ``text`` (see :mod:`list_text`)."""
    return list_text.text_clause(
        text,
        [
            "r.title",
            "r.user",
            "r.scenario",
            "r.pain",
            "(SELECT name FROM customers WHERE id = r.customer_id)",
        ],
        choices={"r.pool_group": PoolGroup, "r.state": RequirementState},
        conflict=("r.uid", "requirement"),
    )


def read_pool(
    store: Store,
    *,
    customer_id: int | None = None,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    text: str = "",
) -> PoolPage:
    """One page of the pool in screen order, with the totals the screen's header shows
    (``text``: only the rows that show every word of it)."""
    from interview_tui.store.records import from_row

    hide = _NOT_ARCHIVED if any_archived(store) else "1 = 1"
    where = f"WHERE r.customer_id = ? AND {hide}" if customer_id else f"WHERE {hide}"
    params: list[object] = [customer_id] if customer_id else []
    if text.strip():
        clause, more = _text_clause(text)
        where, params = f"{where} AND {clause}", [*params, *more]
    closed = ",".join("?" * len(_CLOSED))
    order = f"{_GROUP_ORDER}, r.state IN ({closed}), r.id"
    ids = [
        row["id"]
        for row in store.query(  # the page among the requirements alone
            f"SELECT r.id FROM requirements r {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, *_CLOSED, limit, offset],
        )
    ]
    rows = store.query(
        f"SELECT r.*, c.name AS _customer,"
        " (SELECT substr(v.date, 1, 10) FROM visits v WHERE v.id = r.visit_id) AS _raised"
        " FROM requirements r"
        f" JOIN customers c ON c.id = r.customer_id WHERE r.id IN ({','.join('?' * len(ids))})"
        f" ORDER BY {order}",
        [*ids, *_CLOSED],
    )
    from interview_tui.services.product_line import customers_asking

    asked = customers_asking(store, (row["link_key"] for row in rows))
    counts = {
        PoolGroup(r["pool_group"]): int(r["n"])
        for r in store.query(
            f"SELECT r.pool_group, count(*) AS n FROM requirements r {where} GROUP BY r.pool_group",
            params,
        )
    }
    conflicts = list_text.conflicts_of(store, "requirement", [row["uid"] for row in rows])
    page = []
    for row in rows:
        customer, raised = row.pop("_customer"), row.pop("_raised")
        requirement = from_row(Requirement, row)
        page.append(
            PoolRow(
                requirement,
                customer,
                asked.get(requirement.link_key, 1),
                _raised(requirement, raised),
                conflicts.get(requirement.uid, ()),
            )
        )
    return PoolPage(page, offset, sum(counts.values()), counts)


def pool_row(store: Store, requirement_id: int) -> PoolRow:
    """One requirement as the pool shows it (after a change)."""
    from interview_tui.store.records import from_row

    rows = store.query(
        "SELECT r.*, c.name AS _customer, (SELECT substr(v.date, 1, 10)"
        " FROM visits v WHERE v.id = r.visit_id) AS _raised FROM requirements r"
        " JOIN customers c ON c.id = r.customer_id WHERE r.id = ?",
        [requirement_id],
    )
    if not rows:
        raise not_found("requirement", requirement_id)
    customer, raised = rows[0].pop("_customer"), rows[0].pop("_raised")
    requirement = from_row(Requirement, rows[0])
    from interview_tui.services.product_line import customers_asking

    asked = customers_asking(store, [requirement.link_key]).get(requirement.link_key, 1)
    conflicts = list_text.conflicts_of(store, "requirement", [requirement.uid])
    return PoolRow(
        requirement,
        customer,
        asked,
        _raised(requirement, raised),
        conflicts.get(requirement.uid, ()),
    )


def _raised(requirement: Requirement, visit_day: str | None) -> str:
    if visit_day:
        return visit_day
    return requirement.created_at.date().isoformat() if requirement.created_at else ""


#: changes kept in a requirement's history (with the reason, when one is given)
TRACKED = ("state", "group", "latest_acceptable", "planned")


def _value(value: object) -> str:
    return "" if value is None else str(getattr(value, "value", None) or value)


def tracked_changes(
    before: Requirement, after: Requirement, on: date, reason: str = ""
) -> list[dict[str, str]]:
    """The history entries of what changed in :data:`TRACKED` (without their ids)."""
    return [
        {
            "on": on.isoformat(),
            "field": name,
            "from": _value(getattr(before, name)),
            "to": _value(getattr(after, name)),
            "reason": reason.strip(),
        }
        for name in TRACKED
        if getattr(before, name) != getattr(after, name)
    ]


class SolutionGateError(FieldError):
    """A move to in progress without an agreed solution (the screen asks for an override)."""

    def __init__(self) -> None:
        from interview_tui.i18n import t

        super().__init__("override", t("gate.refused"))


def gate_blocks(before: Requirement, after: Requirement) -> bool:
    """Whether this change takes a requirement into in progress without an agreed solution."""
    return (
        before.group is not PoolGroup.IN_PROGRESS
        and after.group is PoolGroup.IN_PROGRESS
        and not after.solution_agreed
    )


def change(
    store: Store,
    requirement_id: int,
    update: Callable[[Requirement], None],
    reason: str = "",
    override: str = "",
) -> PoolRow:
    """Change one requirement; what changed in :data:`TRACKED` goes into its history.

    A move into in progress without an agreed solution raises :class:`SolutionGateError`
    unless ``override`` says why the PM goes ahead (kept on the group change)."""
    with store.transaction():
        requirement = store.get(Requirement, requirement_id)
        if requirement is None:
            raise not_found("requirement", requirement_id)
        before = requirement.model_copy(deep=True)
        update(requirement)
        gated = gate_blocks(before, requirement)
        if gated and not override.strip():
            raise SolutionGateError()
        entries = tracked_changes(before, requirement, store.now().date(), reason)
        for entry in entries if gated else []:
            if entry["field"] == "group":
                entry["override"] = " ".join(override.split())
        requirement.history = [*before.history, *entries]
        store.save(requirement)
    return pool_row(store, requirement_id)


#: fields the detail view edits
EDITABLE = (
    "title",
    "user",
    "scenario",
    "pain",
    "product_details",
    "originator",
    "solution_idea",
    "state",
    "group",
    "latest_acceptable",
    "planned",
    "workaround",
    "told_customer",
    "share_plan",
    "link_key",
)


def edit(
    store: Store,
    requirement_id: int,
    values: dict[str, object],
    reason: str = "",
    override: str = "",
) -> PoolRow:
    """Change any of :data:`EDITABLE`; state, group and date changes are kept in the
    history with ``reason``; ``override`` lets it into in progress without an agreed
    solution (see :func:`gate_blocks`)."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise UserError(t("error.cannot_edit", fields=display_list("field", sorted(unknown))))

    def update(requirement: Requirement) -> None:
        for name, value in values.items():
            setattr(requirement, name, value)

    return change(store, requirement_id, update, reason, override)


def move(store: Store, requirement_id: int, group: PoolGroup, override: str = "") -> PoolRow:
    """Put a requirement in another group of the pool (into in progress only with an agreed
    solution, or ``override``: why the PM goes ahead without one)."""
    return change(store, requirement_id, lambda r: setattr(r, "group", group), override=override)


def overrides(requirement: Requirement) -> list[dict[str, str]]:
    """The moves into in progress made without an agreed solution, with the PM's reason
    (one taken back by an undo is not: the undo's entry names it)."""
    undone = {i for e in requirement.history for i in e.get("undoes", "").split()}
    return [e for e in requirement.history if e.get("override") and e.get("id") not in undone]


_STATES = list(RequirementState)


def advance_state(store: Store, requirement_id: int) -> PoolRow:
    """Move a requirement to the next state (after the last, back to the first)."""

    def advance(r: Requirement) -> None:
        r.state = _STATES[(_STATES.index(r.state) + 1) % len(_STATES)]

    return change(store, requirement_id, advance)


def link(store: Store, requirement_id: int, key: str) -> PoolRow:
    """Link requirements that several customers raised under one key."""
    return change(store, requirement_id, lambda r: setattr(r, "link_key", key.strip()))


def set_how_to_use(store: Store, requirement_id: int, text: str) -> PoolRow:
    """How the customer can use what the product already has; a need with it is already
    supported (the recap teaches it to the customer)."""

    def update(r: Requirement) -> None:
        r.how_to_use = text.strip()
        if r.how_to_use:
            r.state = RequirementState.ALREADY_SUPPORTED

    return change(store, requirement_id, update)


class PoolListing(TypedDict):
    """One requirement of :func:`pool_listing` (the JSON of ``pool --json``)."""

    uid: str
    customer: str
    title: str
    group: str
    state: str
    latest_acceptable: str | None
    planned: str | None
    link_key: str
    created: str | None
    history: int
    conflicts: list[str]


def pool_listing(store: Store) -> Iterator[PoolListing]:
    """Every requirement of the pool for scripts: uid, customer, group, state, dates, link
    key and the fields in open team conflict, read from plain rows a batch at a time as
    they are used (``pool --json`` lists a career's requirements in flat memory)."""
    import json as _json

    conflicts: dict[str, list[str]] = {}
    for row in store.query("SELECT uid, path FROM team_conflicts WHERE kind = 'requirement'"):
        conflicts.setdefault(row["uid"], []).append(row["path"])
    for (
        uid,
        customer,
        title,
        user,
        group,
        state,
        latest_acceptable,
        planned,
        link_key,
        created_at,
        history,
    ) in store.rows(
        "SELECT r.uid, c.name AS customer, r.title, r.user, r.pool_group, r.state,"
        " r.latest_acceptable, r.planned, r.link_key, r.created_at, r.history"
        " FROM requirements r JOIN customers c ON c.id = r.customer_id"
        " WHERE c.archived_at IS NULL ORDER BY r.pool_group, r.id"
    ):
        yield {
            "uid": uid,
            "customer": customer,
            "title": title or user,
            "group": group,
            "state": state,
            "latest_acceptable": latest_acceptable,
            "planned": planned,
            "link_key": link_key,
            "created": created_at,
            "history": len(_json.loads(history or "[]")),
            "conflicts": sorted(conflicts.get(uid, [])),
        }
