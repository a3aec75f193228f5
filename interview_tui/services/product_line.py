"""The product line's pool: one row per need heard at several customers.

Requirements that share a link key are one need (link keys travel with the requirements, so
the whole team shares them); customers a PM marked the same (``team same``: each names the
other in ``same_as``) count as one customer. For each need: which customers raised it, the
latest date each can accept (the earliest of that customer's dates), and how far its
solution has come (the furthest state among its requirements, declined ones aside).

Read in pages: the grouping runs over three narrow columns of the linked requirements only,
and just the page's needs are read further (titles, states, groups, names).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from interview_tui.domain.enums import PoolGroup, RequirementState
from interview_tui.services.archived import any_archived
from interview_tui.services.requirement_pool import _NOT_ARCHIVED
from interview_tui.store.store import Store

#: needs read per page; the screen asks for more when the cursor nears the end
PAGE_SIZE = 40
#: "customers": most customers first; "latest": the nearest latest-acceptable date first
SORTS = ("customers", "latest")
_STATES = list(RequirementState)


@dataclass(frozen=True, slots=True)
class LineCustomer:
    """One customer (aliases merged) that raised the need."""

    name: str
    latest: date | None  # the latest date it can accept (its earliest, over its requirements)
    state: RequirementState  # its requirement's state (the furthest, when it has several)


@dataclass(frozen=True, slots=True)
class LineNeed:
    key: str
    title: str
    #: nearest latest-acceptable date first (none last), then by name
    customers: tuple[LineCustomer, ...]
    state: RequirementState  # how far the solution has come
    group: PoolGroup  # the furthest pool group among its requirements

    @property
    def count(self) -> int:
        return len(self.customers)

    @property
    def nearest(self) -> date | None:
        return min((c.latest for c in self.customers if c.latest), default=None)


@dataclass(frozen=True, slots=True)
class LinePage:
    rows: list[LineNeed]
    offset: int
    total: int


def _furthest(states: list[RequirementState]) -> RequirementState:
    """The state furthest along, a decline counting only when every customer's is declined."""
    live = [s for s in states if s is not RequirementState.DECLINED] or states
    return max(live, key=_STATES.index)


class _Aliases:
    """Customers marked the same, as one: union-find over uids (``same_as`` names uids,
    including those of customers not loaded here)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, uid: str) -> str:
        root = uid
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while uid != root:  # shorten the path for the next find
            self.parent[uid], uid = root, self.parent.get(uid, uid)
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _linked(store: Store) -> tuple[list[dict[str, Any]], dict[int, str], dict[int, str]]:
    """The linked requirements' key, customer and date; each customer's merged identity and
    name."""
    hide = _NOT_ARCHIVED if any_archived(store) else "1 = 1"
    rows = store.query(
        "SELECT r.link_key, r.customer_id, r.latest_acceptable FROM requirements r"
        f" WHERE r.link_key != '' AND {hide}"
    )
    return rows, *_identities(store, {row["customer_id"] for row in rows})


def customers_asking(store: Store, keys: Iterable[str]) -> dict[str, int]:
    """How many customers raised each need of ``keys`` (link keys), counted as this pool
    counts them (customers marked the same as one; archived visits and customers left out):
    the requirement pool's rows say the same number. Reads the requirements of those keys."""
    wanted = sorted({key for key in keys if key})
    if not wanted:
        return {}
    hide = _NOT_ARCHIVED if any_archived(store) else "1 = 1"
    rows = store.query(
        "SELECT r.link_key, r.customer_id FROM requirements r"
        f" WHERE r.link_key IN ({','.join('?' * len(wanted))}) AND {hide}",
        wanted,
    )
    same, _names = _identities(store, {row["customer_id"] for row in rows})
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["link_key"], set()).add(same[row["customer_id"]])
    return {key: len(customers) for key, customers in found.items()}


def _identities(store: Store, customer_ids: set[int]) -> tuple[dict[int, str], dict[int, str]]:
    """Each customer's merged identity (those marked the same share one) and name."""
    ids = sorted(customer_ids)
    aliases, uids, names = _Aliases(), {}, {}
    for start in range(0, len(ids), 500):  # SQLite's limit on parameters
        part = ids[start : start + 500]
        for c in store.query(
            "SELECT id, uid, name, same_as FROM customers"
            f" WHERE id IN ({','.join('?' * len(part))})",
            part,
        ):
            uid = c["uid"] or f"id:{c['id']}"
            uids[c["id"]], names[c["id"]] = uid, c["name"]
            for other in json.loads(c["same_as"] or "[]"):
                aliases.join(uid, other)
    return {cid: aliases.find(uid) for cid, uid in uids.items()}, names


def _sort_key(sort: str, count: int, nearest: date | None, key: str) -> tuple[object, ...]:
    if sort == "latest":
        return (nearest is None, nearest or date.max, -count, key)
    return (-count, nearest is None, nearest or date.max, key)


def read_line(
    store: Store, *, sort: str = "customers", offset: int = 0, limit: int = PAGE_SIZE
) -> LinePage:
    """One page of the product line's needs, in ``sort`` order (see :data:`SORTS`)."""
    if sort not in SORTS:
        raise ValueError(sort)
    rows, same, _names = _linked(store)
    # key -> merged customer -> its earliest latest-acceptable date
    needs: dict[str, dict[str, date | None]] = {}
    for row in rows:
        if row["customer_id"] not in same:
            continue
        by_customer = needs.setdefault(row["link_key"], {})
        who = same[row["customer_id"]]
        latest = (
            date.fromisoformat(row["latest_acceptable"][:10]) if row["latest_acceptable"] else None
        )
        known = by_customer.get(who)
        by_customer[who] = min((d for d in (known, latest) if d), default=None)
    order = sorted(
        needs,
        key=lambda k: _sort_key(
            sort, len(needs[k]), min((d for d in needs[k].values() if d), default=None), k
        ),
    )
    page = order[offset : offset + limit]
    return LinePage(_needs(store, page, same), offset, len(order))


def _needs(store: Store, keys: list[str], same: dict[int, str]) -> list[LineNeed]:
    """The page's needs read whole: titles, each customer's state and date, the groups."""
    if not keys:
        return []
    hide = _NOT_ARCHIVED if any_archived(store) else "1 = 1"
    rows = store.query(
        "SELECT r.link_key, r.customer_id, r.title, r.user, r.pain, r.state, r.pool_group,"
        " r.latest_acceptable, c.name FROM requirements r"
        " JOIN customers c ON c.id = r.customer_id"
        f" WHERE r.link_key IN ({','.join('?' * len(keys))}) AND {hide}"
        " ORDER BY r.id",
        keys,
    )
    groups = list(PoolGroup)
    found = []
    for key in keys:
        mine = [r for r in rows if r["link_key"] == key and r["customer_id"] in same]
        title = next(
            (
                r["title"] or r["user"] or r["pain"]
                for r in mine
                if r["title"] or r["user"] or r["pain"]
            ),
            key,
        )
        customers: dict[str, list[dict[str, Any]]] = {}
        for r in mine:
            customers.setdefault(same[r["customer_id"]], []).append(r)
        line = []
        for theirs in customers.values():
            dates = [
                date.fromisoformat(r["latest_acceptable"][:10])
                for r in theirs
                if r["latest_acceptable"]
            ]
            names = list(dict.fromkeys(r["name"] for r in theirs))
            line.append(
                LineCustomer(
                    " = ".join(names),
                    min(dates, default=None),
                    _furthest([RequirementState(r["state"]) for r in theirs]),
                )
            )
        line.sort(key=lambda c: (c.latest is None, c.latest or date.max, c.name))
        states = [RequirementState(r["state"]) for r in mine]
        group = min((PoolGroup(r["pool_group"]) for r in mine), key=groups.index)
        found.append(LineNeed(key, title, tuple(line), _furthest(states), group))
    return found
