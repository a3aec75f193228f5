"""When a promise is late: the one rule, in plain values (no model needed, so a listing of
tens of thousands of rows and a shell prompt's ``--due-soon`` ask it without pydantic)."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from interview_tui.domain.enums import CommitmentState

#: a day: a date, or its ISO text (``YYYY-MM-DD`` texts sort as the days do)
Day = TypeVar("Day", date, str)


def judged_by(due: Day | None, first_due: Day | None) -> Day | None:
    """The date a promise is judged by: its first due date, or the date it was moved to when
    that is earlier (a promise moved sooner is late once the sooner date passes; one moved
    later is still judged by the first). Dates or ISO texts alike."""
    if due is None or first_due is None:
        return first_due or due
    return min(due, first_due)


def judged_by_sql(row: str = "") -> str:
    """:func:`judged_by` in SQL over ``{row}due`` and ``{row}first_due`` (ISO texts; SQLite's
    ``min`` of two is NULL when either is, hence the fall-backs)."""
    return f"coalesce(min({row}first_due, {row}due), {row}first_due, {row}due)"


def days_late(
    state: CommitmentState,
    due: date | None,
    first_due: date | None,
    closed_on: date | None,
    today: date,
) -> int:
    """Days past the date the promise is judged by (:func:`judged_by`; 0: not late): closed
    done after it, or still open after it, however often it was rescheduled since. A
    dropped promise is not judged."""
    first = judged_by(due, first_due)
    if first is None or state is CommitmentState.DROPPED:
        return 0
    end = closed_on if state is CommitmentState.DONE and closed_on else today
    return max((end - first).days, 0)


def late_and_overdue(
    state: str, due: str | None, first_due: str | None, closed_on: str | None, today: str
) -> tuple[bool, bool]:
    """Whether :func:`days_late` is above 0, and whether the promise is overdue now, for
    dates as ISO texts (``YYYY-MM-DD`` sort as the days do): a listing of tens of thousands
    of rows asks it without parsing a date (tests/test_lateness_texts.py compares the two)."""
    first = judged_by(due, first_due)
    overdue = state == CommitmentState.OPEN and due is not None and due < today
    if first is None or state == CommitmentState.DROPPED:
        return False, overdue
    end = closed_on if state == CommitmentState.DONE and closed_on else today
    return first < end, overdue
