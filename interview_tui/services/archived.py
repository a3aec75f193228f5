"""Whether anything is archived: a cheap check that lets lists and figures skip the per-row
test for archived visits and customers while nothing is archived (the usual case)."""

from __future__ import annotations

from interview_tui.store.store import Store


def any_archived(store: Store) -> bool:
    """Whether any customer or visit is archived (read through the partial indexes)."""
    return bool(
        store.query(
            "SELECT EXISTS (SELECT 1 FROM customers WHERE archived_at IS NOT NULL)"
            " OR EXISTS (SELECT 1 FROM visits WHERE archived_at IS NOT NULL) AS any"
        )[0]["any"]
    )
