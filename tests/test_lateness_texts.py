"""The listing's lateness on ISO texts says what the one rule says on dates."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from interview_tui.domain.enums import CommitmentState
from interview_tui.domain.lateness import days_late, late_and_overdue

_DAYS = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@given(st.sampled_from(CommitmentState), _DAYS, _DAYS, _DAYS, st.dates())
def test_texts_and_dates_agree(
    state: CommitmentState,
    due: date | None,
    first_due: date | None,
    closed_on: date | None,
    today: date,
) -> None:
    late, overdue = late_and_overdue(
        state.value, _iso(due), _iso(first_due), _iso(closed_on), today.isoformat()
    )
    assert late == (days_late(state, due, first_due, closed_on, today) > 0)
    assert overdue == (state is CommitmentState.OPEN and due is not None and due < today)


def test_the_day_itself_is_not_late_and_the_next_is() -> None:
    today = date(2026, 12, 7)
    for first, late in ((today, False), (today - timedelta(days=1), True)):
        assert late_and_overdue("open", first.isoformat(), None, None, "2026-12-07") == (
            late,
            late,
        )
    assert late_and_overdue("done", "2026-12-01", "2026-11-30", "2026-12-01", "2026-12-07") == (
        True,
        False,
    )
    assert late_and_overdue("dropped", "2026-01-01", None, None, "2026-12-07") == (False, False)
