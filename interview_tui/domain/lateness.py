"""When a promise is late: the one rule, in plain values (no model needed, so a listing of
tens of thousands of rows and a shell prompt's ``--due-soon`` ask it without pydantic)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TypeVar

from interview_tui.domain.enums import CommitmentState

#: a day: a date, or its ISO text (``YYYY-MM-DD`` texts sort as the days do)
Day = TypeVar("Day", date, str)


def judged_by(due: Day | None, first_due: Day | None, judged: Day | None = None) -> Day | None:
    """The date a promise is judged by: its first due date, or the soonest date it was ever
    moved to (``judged``, kept by the record: a promise moved sooner is late once that date
    passes, and a later move never takes that back; one only ever moved later is judged by
    the first). Dates or ISO texts alike."""
    present = [day for day in (due, first_due, judged) if day is not None]
    return min(present) if present else None


def moved_to(history: Iterable[Mapping[str, str]]) -> list[date]:
    """The dates a promise's history says it was rescheduled to: where the date it is
    judged by comes from when no record kept it (a database or an export made before it
    was kept). None when the history holds an undone change (which one was undone is not
    recorded, so its first and current due dates alone are known then), nor a value that
    is not a date (a history edited by hand)."""
    entries = [entry for entry in history if isinstance(entry, Mapping)]
    if any("undone" in entry for entry in entries):
        return []
    days = []
    for entry in entries:
        if entry.get("change") == "due" and (to := entry.get("to")):
            try:
                days.append(date.fromisoformat(str(to)[:10]))
            except ValueError:
                continue
    return days


def judged_by_sql(row: str = "") -> str:
    """:func:`judged_by` in SQL over ``{row}due``, ``{row}first_due`` and ``{row}judged_due``
    (ISO texts; SQLite's ``min`` is NULL when any argument is, so each falls back to the
    others: NULL only when all three are)."""
    due, first, judged = f"{row}due", f"{row}first_due", f"{row}judged_due"
    return (
        f"min(coalesce({judged}, {first}, {due}), coalesce({first}, {due}, {judged}),"
        f" coalesce({due}, {first}, {judged}))"
    )


def days_late(
    state: CommitmentState,
    due: date | None,
    first_due: date | None,
    closed_on: date | None,
    today: date,
    judged: date | None = None,
) -> int:
    """Days past the date the promise is judged by (:func:`judged_by`; 0: not late): closed
    done after it, or still open after it, however often it was rescheduled since. A
    dropped promise is not judged."""
    first = judged_by(due, first_due, judged)
    if first is None or state is CommitmentState.DROPPED:
        return 0
    end = closed_on if state is CommitmentState.DONE and closed_on else today
    return max((end - first).days, 0)


def late_and_overdue(
    state: str,
    due: str | None,
    first_due: str | None,
    closed_on: str | None,
    today: str,
    judged: str | None = None,
) -> tuple[bool, bool]:
    """Whether :func:`days_late` is above 0, and whether the promise is overdue now, for
    dates as ISO texts (``YYYY-MM-DD`` sort as the days do): a listing of tens of thousands
    of rows asks it without parsing a date (tests/test_lateness_texts.py compares the two)."""
    first = judged_by(due, first_due, judged)
    overdue = state == CommitmentState.OPEN and due is not None and due < today
    if first is None or state == CommitmentState.DROPPED:
        return False, overdue
    end = closed_on if state == CommitmentState.DONE and closed_on else today
    return first < end, overdue
