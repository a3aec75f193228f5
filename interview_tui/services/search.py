"""Full-text search across every visit, person and customer (Chinese and English), and where
a hit leads."""

from __future__ import annotations

from dataclasses import dataclass

from interview_tui.domain.names import display_of
from interview_tui.i18n import t
from interview_tui.store.search import DIRECTORY_KINDS, around_hit, match_expression
from interview_tui.store.store import SEARCH_RANKED, SearchHit, Store

__all__ = [
    "DIRECTORY_KINDS",
    "SEARCH_PAGE",
    "Found",
    "HitTarget",
    "SearchHit",
    "around_hit",
    "found",
    "hit_kind",
    "hit_target",
    "search",
    "searchable",
]

#: the hits a search shows at first, and how many more each "more" adds
SEARCH_PAGE = 50


def searchable(text: str) -> bool:
    """``text`` holds something search can look for: a word, a number, a Chinese character
    (symbols alone, "£" or "🎉", are not indexed: such a search finds nothing, and is said
    to be unsearchable rather than to have no match)."""
    return match_expression(text) is not None


def search(store: Store, text: str, limit: int = SEARCH_PAGE) -> list[SearchHit]:
    """Notes, requirements, commitments, people and customers matching ``text``, best
    first."""
    return store.search(text, limit=limit) if text.strip() else []


@dataclass(frozen=True, slots=True)
class Found:
    """The best ``limit`` hits of a search, and what was left out: ``more`` when other
    matches rank below them (a larger limit shows them), ``cut_off`` when more than
    ``ranked`` records match, so the hits were ranked among the newest ``ranked`` only."""

    text: str
    hits: list[SearchHit]
    limit: int
    more: bool = False
    cut_off: bool = False
    ranked: int = SEARCH_RANKED


def found(store: Store, text: str, limit: int = SEARCH_PAGE) -> Found:
    """The best ``limit`` hits for ``text`` and whether more were left out (one hit more is
    read to know whether others rank below the last one shown)."""
    if not text.strip():
        return Found(text, [], limit)
    hits = store.search(text, limit=limit + 1)
    cut_off = store.search_cut_off(text)
    return Found(text, hits[:limit], limit, len(hits) > limit, cut_off, SEARCH_RANKED)


def hit_kind(hit: SearchHit) -> str:
    """What a hit is, as every list of hits says it: a personal-connection note is marked
    personal, a note marked private private (neither is read out, shared or put in a
    recap)."""
    marks = [t("search.personal")] * hit.personal + [t("search.private")] * hit.private
    return " · ".join([display_of("record", hit.kind), *marks])


@dataclass(frozen=True, slots=True)
class HitTarget:
    """Where opening a hit goes: the hit itself. A note in the live screen at its question,
    that note shown (not the question's last one); a requirement or a commitment in its
    detail view; a customer, or a person on their customer's screen (the person's row
    highlighted). ``route`` and ``args`` are what the app's ``show`` takes."""

    route: str
    args: dict[str, int | None]


def hit_target(store: Store, hit: SearchHit) -> HitTarget | None:
    if hit.kind in DIRECTORY_KINDS:
        if hit.customer_id is None:
            return None
        person = hit.ref_id if hit.kind == "person" else None
        return HitTarget("customer", {"customer_id": hit.customer_id, "person_id": person})
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
