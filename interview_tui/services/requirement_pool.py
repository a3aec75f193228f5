"""The requirement pool: three groups, read a page at a time, changed one record at a time.

Seed 002 keeps every customer need in **in progress**, **next iteration** or **backlog**,
and the PM must know each one's state before talking to the customer. A career holds tens of
thousands of them, so the pool is read in pages (ordered by group, open before closed) with
counts per group, and a change returns just the changed row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from interview_tui.domain.enums import PoolGroup, RequirementState
from interview_tui.domain.models import Requirement
from interview_tui.errors import UserError
from interview_tui.store.store import Store

#: rows read per page; the screen asks for more when the cursor nears the end
PAGE_SIZE = 40
_CLOSED = tuple(state.value for state in RequirementState if state.is_closed)
_GROUP_ORDER = "CASE r.pool_group " + " ".join(
    f"WHEN '{group.value}' THEN {n}" for n, group in enumerate(PoolGroup)
) + " END"


@dataclass(frozen=True, slots=True)
class PoolRow:
    requirement: Requirement
    customer: str
    asked: int  # how many customers raised it (linked requirements share a key)


@dataclass(frozen=True, slots=True)
class PoolPage:
    rows: list[PoolRow]
    offset: int
    total: int
    per_group: dict[PoolGroup, int] = field(default_factory=dict)


def read_pool(store: Store, *, customer_id: int | None = None, offset: int = 0,
              limit: int = PAGE_SIZE) -> PoolPage:  # fmt: skip
    """One page of the pool in screen order, with the totals the screen's header shows."""
    from interview_tui.store.records import from_row

    where, params = ("WHERE r.customer_id = ?", [customer_id]) if customer_id else ("", [])
    closed = ",".join("?" * len(_CLOSED))
    order = f"{_GROUP_ORDER}, r.state IN ({closed}), r.id"
    ids = [row["id"] for row in store.query(  # the page among the requirements alone
        f"SELECT r.id FROM requirements r {where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, *_CLOSED, limit, offset])]  # fmt: skip
    rows = store.query(
        f"SELECT r.*, c.name AS _customer FROM requirements r"
        f" JOIN customers c ON c.id = r.customer_id WHERE r.id IN ({','.join('?' * len(ids))})"
        f" ORDER BY {order}",
        [*ids, *_CLOSED],
    )
    keys = sorted({row["link_key"] for row in rows if row.get("link_key")})
    asked: dict[str, int] = {}
    if keys:
        marks = ",".join("?" * len(keys))
        asked = {r["link_key"]: int(r["n"]) for r in store.query(
            "SELECT link_key, count(DISTINCT customer_id) AS n FROM requirements"
            f" WHERE link_key IN ({marks}) GROUP BY link_key", keys)}  # fmt: skip
    counts = {PoolGroup(r["pool_group"]): int(r["n"]) for r in store.query(
        f"SELECT r.pool_group, count(*) AS n FROM requirements r {where}"
        " GROUP BY r.pool_group", params)}  # fmt: skip
    page = []
    for row in rows:
        customer = row.pop("_customer")
        requirement = from_row(Requirement, row)
        page.append(PoolRow(requirement, customer, asked.get(requirement.link_key, 1)))
    return PoolPage(page, offset, sum(counts.values()), counts)


def pool_row(store: Store, requirement_id: int) -> PoolRow:
    """One requirement as the pool shows it (after a change)."""
    from interview_tui.store.records import from_row

    rows = store.query("SELECT r.*, c.name AS _customer FROM requirements r"
                       " JOIN customers c ON c.id = r.customer_id WHERE r.id = ?",
                       [requirement_id])  # fmt: skip
    if not rows:
        raise UserError(f"no requirement with id {requirement_id}")
    customer = rows[0].pop("_customer")
    requirement = from_row(Requirement, rows[0])
    asked = 1
    if requirement.link_key:
        asked = int(store.query("SELECT count(DISTINCT customer_id) AS n FROM requirements"
                                " WHERE link_key = ?", [requirement.link_key])[0]["n"])
    return PoolRow(requirement, customer, asked)


def _change(store: Store, requirement_id: int, update: Callable[[Requirement], None]
            ) -> PoolRow:  # fmt: skip
    with store.transaction():
        requirement = store.get(Requirement, requirement_id)
        if requirement is None:
            raise UserError(f"no requirement with id {requirement_id}")
        update(requirement)
        store.save(requirement)
    return pool_row(store, requirement_id)


def move(store: Store, requirement_id: int, group: PoolGroup) -> PoolRow:
    """Put a requirement in another group of the pool."""
    return _change(store, requirement_id, lambda r: setattr(r, "group", group))


_STATES = list(RequirementState)


def advance_state(store: Store, requirement_id: int) -> PoolRow:
    """Move a requirement to the next state (after the last, back to the first)."""

    def advance(r: Requirement) -> None:
        r.state = _STATES[(_STATES.index(r.state) + 1) % len(_STATES)]

    return _change(store, requirement_id, advance)


def link(store: Store, requirement_id: int, key: str) -> PoolRow:
    """Link requirements that several customers raised under one key."""
    return _change(store, requirement_id, lambda r: setattr(r, "link_key", key.strip()))
