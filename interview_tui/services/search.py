"""Full-text search across every visit (Chinese and English), and where a hit leads."""

from __future__ import annotations

from dataclasses import dataclass

from interview_tui.domain.names import display_of
from interview_tui.i18n import t
from interview_tui.store.search import around_hit
from interview_tui.store.store import SearchHit, Store

__all__ = ["HitTarget", "SearchHit", "around_hit", "hit_kind", "hit_target", "search"]


def search(store: Store, text: str, limit: int = 50) -> list[SearchHit]:
    """Notes, requirements and commitments matching ``text``, best first."""
    return store.search(text, limit=limit) if text.strip() else []


def hit_kind(hit: SearchHit) -> str:
    """What a hit is, as every list of hits says it: a personal-connection note is marked
    personal (it is never read out, shared or put in a recap)."""
    kind = display_of("record", hit.kind)
    return f"{kind} · {t('search.personal')}" if hit.personal else kind


@dataclass(frozen=True, slots=True)
class HitTarget:
    """Where opening a hit goes: the hit itself. A note in the live screen at its question,
    that note shown (not the question's last one); a requirement or a commitment in its
    detail view. ``route`` and ``args`` are what the app's ``show`` takes."""

    route: str
    args: dict[str, int | None]


def hit_target(store: Store, hit: SearchHit) -> HitTarget | None:
    if hit.kind == "requirement":
        return HitTarget("requirement", {"requirement_id": hit.ref_id})
    if hit.kind == "commitment":
        return HitTarget("commitment", {"commitment_id": hit.ref_id})
    if hit.visit_id is None:
        return None
    rows = store.query("SELECT script_item_id FROM notes WHERE id = ?", [hit.ref_id])
    item_id = rows[0]["script_item_id"] if rows else None
    return HitTarget(
        "live", {"visit_id": int(hit.visit_id), "item_id": item_id, "note_id": hit.ref_id}
    )
