"""A requirement's schedule dispute in words (seed 002): the latest date the customer can
accept, our planned date, the gap, the workaround meanwhile and what we told them.

:func:`schedule_summary` is for our side (brief, report); :func:`schedule_for_customer` is
what the recap may restate, and only when the customer agreed (``share_plan``).
"""

from __future__ import annotations

from interview_tui.domain.models import Requirement
from interview_tui.i18n import t


def has_schedule(r: Requirement) -> bool:
    return bool(r.latest_acceptable or r.planned or r.workaround or r.told_customer)


def gap_words(r: Requirement) -> str:
    gap = r.gap_days
    if gap is None:
        return ""
    return t("schedule.late", days=gap) if gap > 0 else t("schedule.in_time")


def schedule_summary(r: Requirement) -> str:
    """One line for our side, e.g. "they need it by 2026-12-15 · we plan 2027-01-20 (36 days
    late) · meanwhile: … · we told them: …"; empty when nothing is known."""
    parts = []
    if r.latest_acceptable:
        parts.append(t("schedule.need_by", date=r.latest_acceptable.isoformat()))
    if r.planned:
        gap = gap_words(r)
        parts.append(t("schedule.we_plan", date=r.planned.isoformat())
                     + (f" ({gap})" if gap else ""))  # fmt: skip
    if r.workaround:
        parts.append(t("schedule.meanwhile", text=" ".join(r.workaround.split())))
    if r.told_customer:
        parts.append(t("schedule.told", text=" ".join(r.told_customer.split())))
    return " · ".join(parts)


def schedule_for_customer(r: Requirement) -> dict[str, str]:
    """What the recap may say about our plan: only what the customer agreed to, never the
    gap or our internal reasoning; empty unless ``share_plan``."""
    if not r.share_plan:
        return {}
    found = {"plan": r.told_customer.strip(), "workaround": r.workaround.strip(),
             "planned": r.planned.isoformat() if r.planned else ""}  # fmt: skip
    return {k: v for k, v in found.items() if v}
