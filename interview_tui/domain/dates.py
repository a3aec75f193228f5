"""Parse the due dates people type in a meeting, in English and Chinese.

Accepted forms (relative to ``today``): ``2026-12-01``, ``2026/12/1``, ``12-01``, ``12/1``,
``12月1日``, ``today``/``今天``, ``tomorrow``/``明天``, ``后天``, ``+3d``, ``+2w``, ``3天后``,
weekday names (``fri``, ``friday``, ``周五``, ``星期五``: the next such day, today excluded),
``next fri``/``下周五``, ``this fri``/``本周五``/``这周五``, ``next week``/``下周`` (Monday of
next week), ``end of month``/``月底``. Anything else raises :class:`DateParseError`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from interview_tui.errors import UserError
from interview_tui.i18n import t

_WEEKDAYS_EN = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}
_WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ZH_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}


class DateParseError(UserError, ValueError):
    """The text is not a date we understand; the message lists the accepted forms.

    A :class:`UserError`, so a command that parses a date prints it on one line (exit 2).
    """


#: The last date a due date may be: a calendar event ends the day after its date and an
#: undated promise is shown a week after its visit, so a year is kept before ``date.max``.
LAST_DATE = date(9998, 12, 31)


def shift(day: date, delta: timedelta) -> date:
    """``day + delta``, held at the ends of the calendar instead of raising OverflowError
    (a date stored before :data:`LAST_DATE` was enforced still gives an event)."""
    try:
        return day + delta
    except OverflowError:
        return date.max if delta > timedelta(0) else date.min


def _full(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateParseError(t("date.not_real", text=repr(text), reason=exc)) from None


def _month_day(month: int, day: int, today: date, text: str) -> date:
    """A month and day without a year: this year, or next year if already past."""
    candidate = _full(today.year, month, day, text)
    if candidate < today:
        candidate = _full(today.year + 1, month, day, text)
    return candidate


def _next_weekday(today: date, weekday: int) -> date:
    days = (weekday - today.weekday()) % 7 or 7
    return today + timedelta(days=days)


def _week_start(today: date, weeks_ahead: int) -> date:
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks_ahead)


def _zh_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _ZH_DIGITS[text[1]]
    if text.endswith("十"):
        return _ZH_DIGITS[text[0]] * 10
    return _ZH_DIGITS[text]


_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_MD = re.compile(r"^(\d{1,2})[-/.](\d{1,2})$")
_ZH_MD = re.compile(r"^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]?$")
_OFFSET = re.compile(r"^\+?(\d{1,3})\s*(d|day|days|w|wk|week|weeks|天后|天|周后|周|个星期后)$")
_EN_WEEKDAY = re.compile(r"^(next|this)?\s*([a-z]+)$")
_ZH_WEEKDAY = re.compile(r"^(下下|下|本|这|这个|下个)?(?:周|星期|礼拜)([一二三四五六日天])$")


def parse_due(text: str, today: date) -> date:
    """Turn what was typed into a date, or raise :class:`DateParseError`."""
    try:
        parsed = _parse_due(text, today)
    except OverflowError:  # "+999w" near the end of the calendar
        parsed = date.max
    if parsed > LAST_DATE:
        raise DateParseError(t("date.too_far", text=repr(text.strip()), last=LAST_DATE))
    return parsed


def _parse_due(text: str, today: date) -> date:
    raw = text.strip()
    value = raw.lower()
    if not value:
        raise DateParseError(t("date.empty"))
    if m := _ISO.match(value):
        return _full(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _MD.match(value):
        return _month_day(int(m[1]), int(m[2]), today, raw)
    if m := _ZH_MD.match(value):
        if m[1]:
            return _full(int(m[1]), int(m[2]), int(m[3]), raw)
        return _month_day(int(m[2]), int(m[3]), today, raw)
    fixed = {
        "today": 0,
        "今天": 0,
        "今日": 0,
        "tomorrow": 1,
        "tmr": 1,
        "明天": 1,
        "明日": 1,
        "后天": 2,
        "大后天": 3,
    }
    if value in fixed:
        return today + timedelta(days=fixed[value])
    if value in {"next week", "下周", "下星期", "下个星期"}:
        return _week_start(today, 1)
    if value in {"end of month", "eom", "月底", "本月底"}:
        first_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        return first_next - timedelta(days=1)
    if m := _OFFSET.match(value.replace(" ", "")):
        count, unit = int(m[1]), m[2]
        weeks = unit.startswith("w") or "周" in unit or "星期" in unit
        return today + timedelta(days=count * (7 if weeks else 1))
    if m := re.match(r"^([一二两三四五六七八九十]+|\d+)(天|周|个星期)后$", value):
        count = _zh_number(m[1])
        return today + timedelta(days=count * (1 if m[2] == "天" else 7))
    if (m := _EN_WEEKDAY.match(value)) and m[2] in _WEEKDAYS_EN:
        weekday = _WEEKDAYS_EN[m[2]]
        if m[1] == "next":
            return _week_start(today, 1) + timedelta(days=weekday)
        if m[1] == "this":
            return _week_start(today, 0) + timedelta(days=weekday)
        return _next_weekday(today, weekday)
    if m := _ZH_WEEKDAY.match(value):
        weekday = _WEEKDAYS_ZH[m[2]]
        prefix = m[1] or ""
        if prefix in {"下", "下个"}:
            return _week_start(today, 1) + timedelta(days=weekday)
        if prefix == "下下":
            return _week_start(today, 2) + timedelta(days=weekday)
        if prefix in {"本", "这", "这个"}:
            return _week_start(today, 0) + timedelta(days=weekday)
        return _next_weekday(today, weekday)
    raise DateParseError(t("date.not_understood", text=repr(raw), **examples(today)))


def parse_optional_due(text: str, today: date) -> date | None:
    """Like :func:`parse_due` but an empty text means no date."""
    return parse_due(text, today) if text.strip() else None


def examples(today: date) -> dict[str, str]:
    """The example dates a hint shows, computed from ``today`` so that none is in the past:
    ``day`` a week ahead (``2026-12-13``), ``month_day`` the same day as ``12-13``, ``when``
    the next weekday at 10:00 (``2026-12-07 10:00``). Pass them to :func:`t` as keywords."""
    day = today + timedelta(days=7)
    weekday = today + timedelta(days=1)
    while weekday.weekday() >= 5:
        weekday += timedelta(days=1)
    return {
        "day": day.isoformat(),
        "month_day": f"{day.month:02d}-{day.day:02d}",
        "when": f"{weekday.isoformat()} 10:00",
    }


def due_hint(due: date, today: date) -> str:
    """What a due-date field says under what was typed: the date it means, and a warning
    when that date has already passed (accepted: a promise can be written down late, but
    it then counts as late from the start)."""
    if due < today:
        return t("commitment.due_past", date=due.isoformat(), days=(today - due).days)
    return t("commitment.due_ok", date=due.isoformat())


def past_due_warning(due: date | None, today: date) -> str:
    """The warning for a due date already in the past (empty when it is not)."""
    if due is None or due >= today:
        return ""
    return t("commitment.due_past_warning", date=due.isoformat(), days=(today - due).days)
