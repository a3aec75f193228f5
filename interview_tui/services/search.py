"""Full-text search across every visit (Chinese and English), and where a hit leads."""

from __future__ import annotations

from dataclasses import dataclass

from interview_tui.store.search import around_hit
from interview_tui.store.store import SearchHit, Store

__all__ = ["HitTarget", "SearchHit", "around_hit", "hit_target", "search"]

__all__ = ["HitTarget", "SearchHit", "hit_target", "search"]


def search(store: Store, text: str, limit: int = 50) -> list[SearchHit]:
    """Notes, requirements and commitments matching ``text``, best first."""
    return store.search(text, limit=limit) if text.strip() else []


@dataclass(frozen=True, slots=True)
class HitTarget:
    """Where opening a hit goes: the visit, at the question of a note."""

    visit_id: int
    item_id: int | None


def hit_target(store: Store, hit: SearchHit) -> HitTarget | None:
    if hit.visit_id is None:
        return None
    item_id = None
    if hit.kind == "note":
        rows = store.query("SELECT script_item_id FROM notes WHERE id = ?", [hit.ref_id])
        item_id = rows[0]["script_item_id"] if rows else None
    return HitTarget(int(hit.visit_id), item_id)
