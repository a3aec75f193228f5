"""Due dates typed in a meeting, in English and Chinese."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_tui.domain.dates import DateParseError, parse_due, parse_optional_due

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("2027/1/5", date(2027, 1, 5)),
        ("12-01", date(2026, 12, 1)),
        ("11-01", date(2027, 11, 1)),  # already past this year: next year
        ("12月1日", date(2026, 12, 1)),
        ("today", TODAY),
        ("明天", date(2026, 11, 25)),
        ("+3d", date(2026, 11, 27)),
        ("+2w", date(2026, 12, 8)),
        ("3天后", date(2026, 11, 27)),
        ("两周后", date(2026, 12, 8)),
        ("fri", date(2026, 11, 27)),
        ("Friday", date(2026, 11, 27)),
        ("tue", date(2026, 12, 1)),  # today excluded
        ("next fri", date(2026, 12, 4)),
        ("next week", date(2026, 11, 30)),
        ("下周五", date(2026, 12, 4)),
        ("周五", date(2026, 11, 27)),
        ("本周五", date(2026, 11, 27)),
        ("下周", date(2026, 11, 30)),
        ("月底", date(2026, 11, 30)),
    ],
)
def test_accepted_forms(text: str, expected: date) -> None:
    assert parse_due(text, TODAY) == expected


@pytest.mark.parametrize("text", ["2026-02-30", "13-01", "someday", "下周八", "+d", ""])
def test_rejected_forms_raise_a_clear_error(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_due(text, TODAY)


def test_optional_empty_is_none() -> None:
    assert parse_optional_due("  ", TODAY) is None


@given(st.text(max_size=30))
def test_any_text_parses_or_raises_date_parse_error(text: str) -> None:
    try:
        result = parse_due(text, TODAY)
    except DateParseError:
        return
    assert isinstance(result, date)


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("today", [date(2026, 12, 6), date(2026, 12, 4), date(2027, 12, 28)])
def test_example_dates_in_hints_are_never_in_the_past(lang, today) -> None:
    """A Sunday, a Friday, the end of a year: every example date a hint shows is ahead of
    today (the due example parses with no past-date warning), the visit's on a weekday."""
    import re
    from datetime import datetime

    from interview_tui.domain.dates import due_hint, examples
    from interview_tui.i18n import set_language, t

    set_language(lang)
    try:
        shown = examples(today)
        when = datetime.strptime(shown["when"], "%Y-%m-%d %H:%M")
        assert when.date() > today and when.weekday() < 5 and when.hour == 10
        for typed in (shown["day"], shown["month_day"]):
            due = parse_due(typed, today)
            assert due > today and due_hint(due, today) == t("commitment.due_ok", date=due)
        hints = [
            t("visit.date", **shown),
            t("visit.bad_date", **shown),
            t("date.placeholder", **shown),
            t("commitment.due", **shown),
            t("commitments.new_due", **shown),
        ]
        for hint in hints:
            assert shown["day"] in hint or shown["when"] in hint, hint
            for iso in re.findall(r"\d{4}-\d{2}-\d{2}", hint):
                assert date.fromisoformat(iso) > today, hint
        with pytest.raises(DateParseError, match=shown["day"]):
            parse_due("someday", today)
    finally:
        set_language("en")
