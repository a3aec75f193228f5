"""A promise rescheduled after its due date (or still overdue) reads as late everywhere: the
commitments list (TUI and CLI), the "was late" filter, the report and the calendar, each with
a mark, the first due date and how late. A due date already past is accepted with a warning."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from textual.widgets import DataTable, Static

from interview_tui.cli.main import cli
from interview_tui.domain.enums import CommitmentState
from interview_tui.domain.models import Commitment
from interview_tui.i18n import set_language
from interview_tui.services.commitments import (
    CommitmentFilter,
    close,
    list_commitments,
    reschedule,
)
from tests.conftest import FIXED_TODAY, settle

#: the words each language uses for the mark and the late note
WORDS = {
    "en": ("LATE", "late 10 d, first due 2026-11-14"),
    "zh": ("迟了", "迟 10 天，原定 2026-11-14"),
}


def _overdue(store, today: date = FIXED_TODAY) -> Commitment:
    """Our first open promise, made due ten days ago."""
    first = next(
        r.commitment
        for r in list_commitments(store, today, CommitmentFilter(open_only=True))
        if r.commitment.owner_side.value == "us"
    )
    # (made so, as if first promised then: the date it is judged by with it)
    first.due = first.first_due = first.judged_due = today - timedelta(days=10)
    return store.save(first)


def _overdue_then_moved(store, today: date = FIXED_TODAY) -> Commitment:
    """Our promise due ten days ago, then moved a month ahead: no longer overdue, still late."""
    first = _overdue(store, today)
    return reschedule(store, first, today + timedelta(days=30), "their data came late", today)


def test_late_is_one_definition_judged_against_the_first_due_date() -> None:
    today = date(2026, 3, 20)
    c = Commitment(visit_id=1, text="x", due=date(2026, 3, 10))
    assert c.days_late(today) == 10 and c.is_overdue(today)
    c.due = date(2026, 4, 30)  # rescheduled: not overdue now, late all the same
    assert not c.is_overdue(today) and c.days_late(today) == 10
    c.state, c.closed_on = CommitmentState.DONE, date(2026, 3, 12)
    assert c.days_late(today) == 2  # done two days after the first date
    c.state = CommitmentState.DROPPED
    assert not c.is_late(today)
    on_time = Commitment(visit_id=1, text="y", due=date(2026, 3, 30))
    assert not on_time.is_late(today)


def test_the_late_filter_finds_what_the_overdue_filter_no_longer_does(demo_store) -> None:
    moved = _overdue_then_moved(demo_store)
    overdue = list_commitments(demo_store, FIXED_TODAY, CommitmentFilter(overdue_only=True))
    late = list_commitments(demo_store, FIXED_TODAY, CommitmentFilter(late_only=True))
    assert moved.id not in {r.commitment.id for r in overdue}
    assert moved.id in {r.commitment.id for r in late}
    # the SQL filter and the model agree on every commitment, closed ones included
    close(demo_store, moved, CommitmentState.DONE, "sent", FIXED_TODAY)
    every = list_commitments(demo_store, FIXED_TODAY)
    late_ids = {
        r.commitment.id
        for r in list_commitments(demo_store, FIXED_TODAY, CommitmentFilter(late_only=True))
    }
    assert late_ids == {r.commitment.id for r in every if r.commitment.is_late(FIXED_TODAY)}
    assert moved.id in late_ids


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_cli_list_marks_a_rescheduled_promise_late(demo_store, lang: str) -> None:
    today = date.today()
    moved = _overdue_then_moved(demo_store, today)
    mark, _ = WORDS[lang]
    db = demo_store.path
    out = CliRunner().invoke(cli, ["--db", db, "--lang", lang, "commitments"]).output
    line = next(line for line in out.splitlines() if line.lstrip().startswith(f"{moved.id} "))
    assert mark in line and (today - timedelta(days=10)).isoformat() in line
    assert ("10 d" if lang == "en" else "迟 10 天") in line
    late = CliRunner().invoke(cli, ["--db", db, "--lang", lang, "commitments", "--late"]).output
    assert any(line.lstrip().startswith(f"{moved.id} ") for line in late.splitlines())
    overdue = CliRunner().invoke(cli, ["--db", db, "commitments", "--overdue"]).output
    assert not any(line.lstrip().startswith(f"{moved.id} ") for line in overdue.splitlines())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_due_date_in_the_past_is_accepted_with_a_warning_in_the_cli(demo_store, lang) -> None:
    target = list_commitments(demo_store, date.today(), CommitmentFilter(open_only=True))[0]
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            demo_store.path,
            "--lang",
            lang,
            "commitments",
            "reschedule",
            str(target.commitment.id),
            "2020-01-01",
            "--reason",
            "x",
        ],
    )
    assert result.exit_code == 0
    assert demo_store.get(Commitment, target.commitment.id).due == date(2020, 1, 1)
    assert ("already past" if lang == "en" else "已经过去") in result.stderr
    future = CliRunner().invoke(
        cli,
        [
            "--db",
            demo_store.path,
            "commitments",
            "reschedule",
            str(target.commitment.id),
            "2099-01-01",
            "--reason",
            "x",
        ],
    )
    assert "past" not in future.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_commitments_screen_marks_it_and_filters_it(make_app, demo_store, lang):
    moved = _overdue_then_moved(demo_store)
    mark, note = WORDS[lang]
    app = make_app("commitments", lang=lang)
    async with app.run_test(size=(160, 36)) as pilot:
        await settle(pilot)
        await pilot.press("d")  # overdue now: it has left this filter
        await settle(pilot)
        assert moved.id not in {r.commitment.id for r in app.screen.rows}
        await pilot.press("l")  # was late: it is there, marked, with how late and since when
        await settle(pilot)
        ids = [r.commitment.id for r in app.screen.rows]
        assert moved.id in ids
        table = app.screen.query_one(DataTable)
        state = str(table.get_row_at(ids.index(moved.id))[3])
        assert mark in state and note in state
        # a new due date in the past: the dialog says so as it is typed, and it is kept
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"2026-11-01")
        await pilot.pause()
        hint = str(app.screen.query_one("#due-message", Static).render())
        assert ("already past" if lang == "en" else "已是过去的日期") in hint


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_and_the_calendar_say_late(demo_store, lang: str) -> None:
    from interview_tui.exports.bundle import load_bundle
    from interview_tui.exports.mail_calendar import commitment_event
    from interview_tui.exports.reports import report_md
    from interview_tui.services.follow_up import open_commitments

    moved = _overdue_then_moved(demo_store)
    set_language(lang)
    mark, note = WORDS[lang]
    report = report_md(load_bundle(demo_store, moved.visit_id), FIXED_TODAY)
    line = next(line for line in report.splitlines() if moved.text in line)
    assert mark in line and note in line
    item = next(i for i in open_commitments(demo_store) if i.commitment.id == moved.id)
    event = commitment_event(
        item, stamp="20261124T000000Z", alarm_minutes=None, today=FIXED_TODAY
    ).replace("\r\n ", "")
    summary = next(line for line in event.splitlines() if line.startswith("SUMMARY:"))
    assert mark in summary
    assert note.replace(",", "\\,") in event


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_commitment_detail_says_late_with_the_first_due_date(make_app, demo_store, lang):
    moved = _overdue_then_moved(demo_store)
    mark, note = WORDS[lang]
    app = make_app("commitment", lang=lang, commitment_id=moved.id)
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        state = str(app.screen.query_one("#state", Static).render())
    assert mark in state and note in state, state


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_home_counts_and_marks_a_rescheduled_promise_late(make_app, demo_store, lang):
    moved = _overdue_then_moved(demo_store)
    moved.due = FIXED_TODAY + timedelta(days=2)  # due this week again: in the nudge
    demo_store.save(moved)
    app = make_app("home", lang=lang)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        counts = str(app.screen.query_one("#commitment-counts", Static).render())
        due = str(app.screen.query_one("#due-soon", Static).render())
    assert ("late" if lang == "en" else "迟了") in counts, counts
    line = next(line for line in due.splitlines() if moved.text[:20] in line)
    assert ("LATE 10 d" if lang == "en" else "迟了 10 天") in line, line


def test_the_brief_and_the_list_use_one_word_for_late() -> None:
    set_language("zh")
    try:
        from interview_tui.i18n import t

        assert t("commitments.late") in t("brief.late", first="2026-11-14", days=3)
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_detail_warns_of_a_past_date_typed_not_of_the_one_recorded(
    make_app, demo_store, lang
):
    """An overdue promise opened to read it: its due date as recorded is not news (it said
    "late from the start" of a date set before it passed); a past date typed over it is."""
    promise = _overdue(demo_store)
    warning = "already past" if lang == "en" else "已是过去的日期"
    app = make_app("commitment", lang=lang, commitment_id=promise.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert warning not in str(app.screen.query_one("#due-hint", Static).render())
        app.screen.query_one("#due").value = (FIXED_TODAY - timedelta(days=3)).isoformat()
        await pilot.pause()
        assert warning in str(app.screen.query_one("#due-hint", Static).render())
        app.screen.query_one("#due").value = promise.due.isoformat()  # back as recorded
        await pilot.pause()
        assert warning not in str(app.screen.query_one("#due-hint", Static).render())


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_late_filter_is_on_the_key_bar_when_there_is_room(make_app, lang) -> None:
    """``l`` (every promise that was late) was on no key bar at any width, only in f1."""
    app = make_app("commitments", lang=lang)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        bar = str(app.screen.query_one("KeyBar").render())
    assert ("l Was late" if lang == "en" else "l 迟过") in bar, bar
