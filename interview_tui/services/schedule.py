"""A requirement's schedule dispute in words (seed 002): the latest date the customer can
accept, our planned date, the gap, the workaround meanwhile and what we told them.

:func:`schedule_summary` is for our side (brief, report); :func:`schedule_for_customer` is
what the recap may restate, and only when the customer agreed (``share_plan``).
"""

from __future__ import annotations

from datetime import date

from interview_tui.domain.models import Requirement
from interview_tui.i18n import aside, t


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
        parts.append(aside(t("schedule.we_plan", date=r.planned.isoformat()), gap))
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
    found = {
        "plan": r.told_customer.strip(),
        "workaround": r.workaround.strip(),
        "planned": r.planned.isoformat() if r.planned else "",
    }
    return {k: v for k, v in found.items() if v}


def schedule_read_back(r: Requirement) -> str:
    """The schedule as the read-back says it to the customer before the meeting ends: the
    latest date they can accept, our planned date, the workaround meanwhile and whether
    they agreed; never the gap nor what we noted for ourselves. Empty when nothing is known."""
    parts = []
    if r.latest_acceptable:
        parts.append(t("confirm.need_by", date=r.latest_acceptable.isoformat()))
    if r.planned:
        parts.append(t("confirm.we_plan", date=r.planned.isoformat()))
    if r.workaround:
        parts.append(t("confirm.meanwhile", text=" ".join(r.workaround.split())))
    if parts:
        parts.append(t("confirm.plan_agreed" if r.share_plan else "confirm.plan_open"))
    return " · ".join(parts)


def schedule_fields(
    today: date,
    *,
    latest_acceptable: str = "",
    planned: str = "",
    workaround: str = "",
    told_customer: str = "",
) -> dict[str, str]:
    """The optional schedule fields of a capture dialog as :class:`Requirement` values:
    dates typed as the dialogs accept (``2026-12-04``, ``+14d``, ``下周五``) become ISO text,
    so ``LiveSession.add_requirement(**fields)`` takes them as they are. A date that cannot
    be read raises :class:`FieldError` on its field; blank fields are left out."""
    from interview_tui.domain.dates import DateParseError, parse_due
    from interview_tui.errors import FieldError

    fields: dict[str, str] = {}
    for name, text in (("latest_acceptable", latest_acceptable), ("planned", planned)):
        if text.strip():
            try:
                fields[name] = parse_due(text.strip(), today).isoformat()
            except DateParseError as exc:
                raise FieldError(name, str(exc)) from None
    for name, text in (("workaround", workaround), ("told_customer", told_customer)):
        if text.strip():
            fields[name] = text.strip()
    return fields
