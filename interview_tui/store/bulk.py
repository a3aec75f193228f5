"""Loading many rows into a new database fast: indexes and counters built once at the end.

Each row inserted into a table with indexes and insert triggers updates every index (a
random uid lands on a random page of a large B-tree) and runs every trigger. A bulk load
into a file nobody else uses (the demo builder's ``--visits N``) instead drops them first
and builds them once from the rows at the end: an index built from all its rows at once
is written page after page, and the counters are counted in one query
(:func:`~interview_tui.store.migrations.recount_all`).

What was dropped is kept in the ``meta`` table in the same transaction, so a load that
was stopped and is resumed still knows what to build at its end.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interview_tui.store.store import Store

#: where the SQL of what was dropped is kept until :func:`finish` builds it again
DEFERRED_KEY = "bulk.deferred"


def defer(store: Store, tables: Sequence[str]) -> None:
    """Drop the indexes and the insert triggers of ``tables`` (their SQL kept in meta)."""
    marks = ", ".join("?" * len(tables))
    with store.transaction() as db:
        found = db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
            f" AND tbl_name IN ({marks}) AND sql IS NOT NULL ORDER BY type, name",
            list(tables),
        ).fetchall()
        dropped = [
            (kind, name, sql)
            for kind, name, sql in found
            if kind == "index" or " AFTER INSERT ON " in " ".join(sql.split()).upper()
        ]
        if not dropped:
            return
        kept = json.loads(store.meta(DEFERRED_KEY) or "[]")
        db.table("meta").upsert(
            {"key": DEFERRED_KEY, "value": json.dumps(kept + [sql for _, _, sql in dropped])},
            pk="key",
        )
        for kind, name, _ in dropped:
            db.execute(f'DROP {kind.upper()} "{name}"')


def finish(store: Store) -> None:
    """Build again what :func:`defer` dropped, and count the counters from the rows."""
    from interview_tui.store.migrations import recount_all

    deferred = json.loads(store.meta(DEFERRED_KEY) or "[]")
    if not deferred:
        return
    with store.transaction() as db:
        for sql in deferred:
            db.execute(sql)
        recount_all(db)
        db.execute("DELETE FROM meta WHERE key = ?", [DEFERRED_KEY])
