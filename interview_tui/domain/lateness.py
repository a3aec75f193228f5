"""When a promise is late: the one rule, in plain values (no model needed, so a listing of
tens of thousands of rows and a shell prompt's ``--due-soon`` ask it without pydantic)."""

from __future__ import annotations

from datetime import date

from interview_tui.domain.enums import CommitmentState


def days_late(
    state: CommitmentState,
    due: date | None,
    first_due: date | None,
    closed_on: date | None,
    today: date,
) -> int:
    """Days past the FIRST due date (0: not late): closed done after it, or still open after
    it, however often it was rescheduled. A dropped promise is not judged."""
    first = first_due or due
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
    first = first_due or due
    overdue = state == CommitmentState.OPEN and due is not None and due < today
    if first is None or state == CommitmentState.DROPPED:
        return False, overdue
    end = closed_on if state == CommitmentState.DONE and closed_on else today
    return first < end, overdue
