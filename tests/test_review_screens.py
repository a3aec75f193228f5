"""Review screens from the demo data: find overdue, close one, move a requirement, search,
export; the account matrix and timeline; snapshots in both languages."""

from __future__ import annotations

import stat
from pathlib import Path

import icalendar
import pytest
from textual.widgets import DataTable, Input, Select, Static

from interview_tui.domain.enums import CommitmentState, PoolGroup
from interview_tui.domain.models import Commitment, Requirement
from interview_tui.tui.live.live_screen import LiveScreen
from tests.conftest import settle


async def test_find_every_overdue_commitment_and_close_one(make_app, demo_store) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3  # every overdue commitment in the demo
        assert "OVERDUE" in str(table.get_row_at(0)[3])
        target = app.screen.rows[0].commitment
        await pilot.press("x")
        await pilot.pause()
        await pilot.press(*"report sent", "ctrl+s")
        await settle(pilot)
        closed = demo_store.get(Commitment, target.id)
        assert closed.state is CommitmentState.DONE and closed.resolution_note == "report sent"
        assert table.row_count == 3 and str(table.get_row_at(0)[3]).startswith("done · late")
        await pilot.press("d")  # the filter read again: the closed one has left it
        await settle(pilot)
        assert table.row_count == 2
        kept = str(app.screen.query_one("#kept", Static).render())
        assert "Kept on time" in kept


async def test_home_and_commitments_show_one_rate_that_a_reschedule_does_not_raise(
    make_app, demo_store
) -> None:
    from interview_tui.services.commitments import kept_line, kept_on_time
    from tests.conftest import FIXED_TODAY

    expected = kept_line(kept_on_time(demo_store, FIXED_TODAY))
    assert "33% (1/3)" in expected  # ours only: the customer's 1 of 2 is apart
    app = make_app("home")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert str(app.screen.query_one("#kept-rate", Static).render()) == expected
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert str(app.screen.query_one("#kept", Static).render()) == expected
        target = app.screen.rows[0].commitment
        assert target.is_overdue(FIXED_TODAY)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"+30d", "tab", *"their data is late", "ctrl+s")
        await settle(pilot)
        assert not demo_store.get(Commitment, target.id).is_overdue(FIXED_TODAY)  # moved
        assert str(app.screen.query_one("#kept", Static).render()) == expected


async def test_dropping_needs_a_reason_and_due_date_moves_with_one(make_app, demo_store):
    app = make_app("commitments")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        target = app.screen.rows[0].commitment
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "required" in str(app.screen.query_one("#note-message", Static).render()).lower()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"someday", "ctrl+s")
        await pilot.pause()
        assert "someday" in str(app.screen.query_one("#due-message", Static).render())
        await pilot.press(*["backspace"] * 7, *"2026-12-20", "tab", *"their data is late", "ctrl+s")
        await pilot.pause()
        moved = demo_store.get(Commitment, target.id)
        assert moved.due.isoformat() == "2026-12-20"
        assert moved.history[-1]["reason"] == "their data is late"


async def test_move_a_requirement_to_next_iteration(make_app, demo_store) -> None:
    app = make_app("requirements")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        target = app.screen.selected().requirement
        await pilot.press("2")
        await settle(pilot)
        assert demo_store.get(Requirement, target.id).group is PoolGroup.NEXT_ITERATION
        table = app.screen.query_one(DataTable)
        assert str(table.get_row(str(target.id))[0]) == "Next iteration"  # the row redrawn
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"billing-export", "ctrl+s")
        await settle(pilot)
        assert demo_store.get(Requirement, target.id).link_key == "billing-export"


async def test_how_to_use_makes_a_requirement_already_supported(
    make_app, demo_store, monkeypatch
) -> None:
    from interview_tui.domain.enums import RequirementState

    monkeypatch.setenv("INTERVIEW_TUI_RECAP_LANG", "ui")  # the recap in English, not the customer's
    from interview_tui.exports.render import render

    app = make_app("requirements")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        target = app.screen.selected().requirement
        await pilot.press("h")
        await pilot.pause()
        await pilot.press(*"Billing > Export by tag", "ctrl+s")
        await settle(pilot)
        saved = demo_store.get(Requirement, target.id)
        assert saved.how_to_use == "Billing > Export by tag"
        assert saved.state is RequirementState.ALREADY_SUPPORTED
        table = app.screen.query_one(DataTable)
        assert str(table.get_row(str(target.id))[1]) == "already supported"
    recap = render(demo_store, saved.visit_id, "recap-md").decode()
    assert "how to use it: Billing > Export by tag" in recap


async def test_search_in_chinese_opens_the_visit_at_the_hit(make_app) -> None:
    app = make_app("search")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"账单")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count >= 1 and "账单" in str(table.get_row_at(0)[3])
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)


async def test_matrix_and_timeline(make_app) -> None:
    app = make_app("matrix")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2 and len(table.columns) == 8
        await pilot.press("t")
        await pilot.pause()
        text = " ".join(str(w.content) for w in app.screen.query("#timeline Static"))
        assert "2026-" in text


async def test_export_screen_writes_private_files(make_app, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("INTERVIEW_TUI_EXPORT_FOLDER", str(tmp_path / "exports"))
    app = make_app("export", visit_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.screen.query_one("#format", Select).value = "ics"
        await settle(pilot)
        shown = str(app.screen.query_one("#preview-text", Static).content)
        assert "BEGIN:VCALENDAR\nVERSION:2.0" in shown and "␍" not in shown  # CRLF, not "␍"
        await pilot.press("ctrl+s")
        await settle(pilot)
        path = Path(app.screen.query_one("#path", Input).value)
        assert path.parent == tmp_path / "exports"  # the export folder of the settings
        assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600
        assert list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
        assert path.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")  # the file: as RFC 5545


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_report_from_the_export_screen_names_its_tick_box(
    make_app, tmp_path: Path, monkeypatch, lang
):
    """Personal notes left out of a report written in the app: the report points at the
    screen's tick box, not at a CLI flag (the CLI's own report keeps the flag)."""
    from interview_tui.exports.render import render
    from interview_tui.i18n import t

    monkeypatch.setenv("INTERVIEW_TUI_EXPORT_FOLDER", str(tmp_path))
    app = make_app("export", lang=lang, visit_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.screen.query_one("#format", Select).value = "report-md"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = Path(app.screen.query_one("#path", Input).value).read_text(encoding="utf-8")
        tick = t("export.include_personal")
        cli_text = render(app.store, 1, "report-md").decode()
    assert "--include-personal" not in text and tick in text
    assert "--include-personal" in cli_text


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_export_screen_asks_before_replacing(make_app, tmp_path: Path, monkeypatch, lang):
    """A file already there: the first ctrl+s says so in the interface's language (no CLI
    flag, no raw catalog key), the second replaces it."""
    monkeypatch.setenv("INTERVIEW_TUI_EXPORT_FOLDER", str(tmp_path))
    app = make_app("export", lang=lang, visit_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        path = Path(app.screen.query_one("#path", Input).value)
        path.write_text("old", encoding="utf-8")
        await pilot.press("ctrl+s")
        await settle(pilot)
        said = str(app.screen.query_one("#export-message").render())
        assert "ctrl+s" in said and "--force" not in said and "export.exists" not in said
        assert path.read_text(encoding="utf-8") == "old"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert path.read_text(encoding="utf-8") != "old"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("route", ["commitments", "requirements", "matrix"])
def test_review_snapshots(snap_compare, make_app, route: str, lang: str) -> None:
    assert snap_compare(make_app(route, lang=lang), terminal_size=(100, 30), run_before=settle)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("route", "kwargs"),
    [("search", {"query": "账单"}), ("timeline", {"customer_id": 1}), ("export", {"visit_id": 1})],
)
def test_more_review_snapshots(snap_compare, make_app, route, kwargs, lang, monkeypatch) -> None:
    monkeypatch.setenv("INTERVIEW_TUI_EXPORT_FOLDER", "/exports")  # the same on every machine
    kwargs = dict(kwargs)
    query = kwargs.pop("query", "")

    async def type_and_settle(pilot) -> None:
        await settle(pilot)
        if query:
            pilot.app.screen.query_one(Input).value = query
            await settle(pilot)

    assert snap_compare(
        make_app(route, lang=lang, **kwargs), terminal_size=(100, 30), run_before=type_and_settle
    )


async def test_owner_filter_cycles(make_app) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a", "u")
        await settle(pilot)
        assert {row.commitment.owner_side.value for row in app.screen.rows} == {"us"}
        await pilot.press("u")
        await settle(pilot)
        assert {row.commitment.owner_side.value for row in app.screen.rows} == {"customer"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_commitments_snapshot_80x24(snap_compare, make_app, lang: str) -> None:
    assert snap_compare(
        make_app("commitments", lang=lang), terminal_size=(80, 24), run_before=settle
    )


@pytest.mark.parametrize(
    ("lang", "visit_id", "output_format"), [("zh", 1, "eml"), ("en", 1, "chase-eml")]
)
async def test_an_email_is_previewed_and_copied_as_read_and_written_as_a_message(
    make_app, tmp_path: Path, monkeypatch, lang, visit_id, output_format
):
    """The preview of an e-mail is what its reader sees (subject, sender, recipients, the
    text), not MIME (base64 and =?utf-8?b?…?= headers); the file is the message itself."""
    import email
    from email import policy

    monkeypatch.setenv("INTERVIEW_TUI_EXPORT_FOLDER", str(tmp_path))
    monkeypatch.setenv("INTERVIEW_TUI_EMAIL", "li@example.com")
    app = make_app("export", lang=lang, visit_id=visit_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.screen.query_one("#format", Select).value = output_format
        await settle(pilot)
        shown = str(app.screen.query_one("#preview-text", Static).content)
        app.screen.action_copy()  # ``y``: what the preview shows
        from interview_tui.store.paths import config_dir

        copied = (config_dir() / "clipboard.txt").read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await settle(pilot)
        written = Path(app.screen.query_one("#path", Input).value).read_bytes()
    message = email.message_from_bytes(written, policy=policy.default)
    subject = str(message["Subject"])
    assert shown.startswith(f"Subject: {subject}\n"), shown[:200]
    assert "From: li@example.com" in shown
    assert "base64" not in shown and "=?utf-8?" not in shown.lower()
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert body.strip() and body.strip() in shown
    assert copied.strip() == shown.strip()
    assert b"MIME-Version" in written  # the file is the message itself


def _matrix_lines(app) -> list[str]:
    from interview_tui.tui.textual_private import screen_strips

    return [strip.text for strip in screen_strips(app.screen)]


def _matrix_in_sight(app) -> None:
    """Every goal's column lies whole inside the table (none off to the right), its head
    drawn on the head line, and each customer's name is drawn whole."""
    from interview_tui.domain.enums import Goal

    table = app.screen.query_one(DataTable)
    columns = list(table.columns.values())
    assert len(columns) == 1 + len(Goal)
    drawn = sum(column.get_render_width(table) for column in columns)
    assert drawn <= table.scrollable_content_region.width, (drawn, table.size)
    lines = _matrix_lines(app)
    heads = next(line for line in lines if line.strip().startswith(str(columns[0].label)))
    for column in columns[1:]:
        assert str(column.label) in heads, (str(column.label), heads)
    assert any("Synthetic Account 001" in line for line in lines), lines


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_matrix_shows_all_seven_goals_at_80_columns(make_app, demo_store, lang) -> None:
    """At 80 columns the account matrix cut goal 7 (English 6 and 7) off the right edge
    with no sign: the goals' heads are made short to fit, and wide again when there is
    room; no goal and no customer's name is cut at 80 or 160 columns."""
    from interview_tui.domain.models import Customer

    for number in range(1, 31):  # as `demo --visits` names them: more than fit, so a scrollbar
        demo_store.save(Customer(name=f"Synthetic Account {number:03}"))
    app = make_app("matrix", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _matrix_in_sight(app)
        narrow = [str(c.label) for c in app.screen.query_one(DataTable).columns.values()]
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        _matrix_in_sight(app)
        wide = [str(c.label) for c in app.screen.query_one(DataTable).columns.values()]
        assert wide[1:] != narrow[1:] and wide[7].startswith("7 ")  # the usual heads again
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        _matrix_in_sight(app)
        assert [str(c.label) for c in app.screen.query_one(DataTable).columns.values()] == narrow
