"""The team on screen: the team line in each of its states, the sync key, sharing a visit."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

import pytest
from textual.widgets import Button, Static

from interview_tui.domain.enums import Goal
from interview_tui.domain.models import Note, Visit
from interview_tui.team.actions import share_visit
from interview_tui.team.records import changed_records
from interview_tui.team.standing import note_committed, record_outcome
from interview_tui.team.sync import clear_outbox, init_team, read_outbox
from interview_tui.tui.team_line import TeamLine
from interview_tui.tui.textual_private import notifications
from tests.conftest import FIXED_NOW, settle

DONE_VISIT = 4  # the demo's done visit, with notes


def bare_repo(tmp_path: Path) -> Path:
    where = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(where)], check=True)
    return where


def in_team(store, tmp_path: Path) -> Path:
    remote = bare_repo(tmp_path)
    store.member = "ana@example.com"
    init_team(store, str(remote), "platform", "ana@example.com", "Ana", FIXED_NOW)
    return remote


def line_of(app) -> str:
    line = app.screen.query_one(TeamLine)
    return str(line.render()) if line.display else ""


async def wait_for(pilot, condition, seconds: float = 30.0) -> None:
    """Wait until ``condition()`` holds (a loaded machine may take long; a quick one not)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the condition did not come true")


@pytest.mark.parametrize("route", ["home", "commitments", "requirements", "matrix", "search"])
async def test_no_team_no_line(make_app, route) -> None:
    app = make_app(route)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one(TeamLine).display
        assert app.team_standing is None


async def test_pending_records_and_the_last_sync(make_app, demo_store, tmp_path) -> None:
    in_team(demo_store, tmp_path)
    demo_store.set_meta("team.synced_at", "2026-11-24T08:05:00")
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert line_of(app).startswith("Team: synced 08:05")
        assert "^f sync" in line_of(app)
        await pilot.press("S")  # share the selected visit: its records wait to be sent
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        outbox = demo_store.query("SELECT count(*) AS n FROM team_outbox")[0]["n"]
        pending = len(list(changed_records(demo_store, "platform", read_outbox(demo_store)[0])))
        assert 0 < pending < outbox  # the customer's visits not shared stay here
        assert f"Team: {pending} to send · synced 08:05" in line_of(app)


async def test_open_conflicts_said_plainly_and_in_chinese(make_app, demo_store, tmp_path):
    in_team(demo_store, tmp_path)
    demo_store.db["team_conflicts"].insert_all(
        [
            {"uid": f"u{n}", "kind": "commitment", "path": "due", "candidates": "[]"}
            for n in range(2)
        ]
    )
    app = make_app("commitments")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Team: 2 open conflicts" in line_of(app)
        assert app.screen.query_one(TeamLine).has_class("-conflicts")
    app = make_app("home", lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "团队： 2 处冲突未解决" in line_of(app) and "从未同步" in line_of(app)


async def test_offline_after_a_sync_that_did_not_reach_the_team(make_app, demo_store, tmp_path):
    in_team(demo_store, tmp_path)
    share_visit(demo_store, DONE_VISIT, FIXED_NOW)
    clear_outbox(demo_store, read_outbox(demo_store)[1])  # sent, as far as this test goes
    note_committed(demo_store, 3)
    record_outcome(demo_store, "could not resolve host gitlab.example.com", reached=False)
    demo_store.save(Note(visit_id=DONE_VISIT, text="one more"))  # still to commit
    app = make_app("requirements")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "offline, 4 kept" in line_of(app)  # three committed, one still to commit
    record_outcome(demo_store, "", reached=True)  # a sync that reached the team
    app = make_app("requirements")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "offline" not in line_of(app) and "1 to send" in line_of(app)


async def test_the_line_fits_80_columns_cut_with_the_key_in_sight(make_app, demo_store, tmp_path):
    in_team(demo_store, tmp_path)
    demo_store.db["team_conflicts"].insert(
        {"uid": "u", "kind": "commitment", "path": "due", "candidates": "[]"}
    )
    note_committed(demo_store, 12345)
    record_outcome(demo_store, "unreachable", reached=False)
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.team_sync.result = "synced 09:30: sent 100000, received 200000, more words here"
        app.screen.query_one(TeamLine).refresh()
        text = line_of(app)
        assert len(text) == app.screen.query_one(TeamLine).size.width == 78  # padded
        assert text.endswith("^f sync") and "…" in text
        assert app.screen.query_one(TeamLine).size.height == 1


async def test_share_dialog_says_what_leaves_and_what_stays(make_app, demo_store, tmp_path):
    in_team(demo_store, tmp_path)
    demo_store.save_all(
        [
            Note(visit_id=DONE_VISIT, text="my own read", private=True),
            Note(visit_id=DONE_VISIT, text="runs marathons", goal=Goal.PERSONAL_CONNECTION),
            Note(visit_id=DONE_VISIT, text="team is weak", internal=True),
        ]
    )
    notes = demo_store.notes(DONE_VISIT)
    app = make_app("home")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#visits")
        table.move_cursor(row=table.get_row_index(str(DONE_VISIT)))
        await pilot.press("S")
        await settle(pilot)
        body = str(app.screen.query_one(".body", Static).content)
        assert f"notes: {len(notes) - 2} (internal: 1," in body
        assert "Stays on this laptop: private notes: 1; personal-connection notes: 1;" in body
        reqs = len(demo_store.requirements(visit_id=DONE_VISIT))
        commitments = len(demo_store.commitments(DONE_VISIT))
        assert f"requirements: {reqs}; commitments: {commitments};" in body
        assert app.screen.focused.id == "no"  # nothing leaves on a stray enter
        await pilot.press("enter")  # and it says so
        await settle(pilot)
        assert demo_store.get(Visit, DONE_VISIT).shared_at is None
        assert any(n.message.startswith("Not shared") for n in notifications(app))
        await pilot.press("S")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert demo_store.get(Visit, DONE_VISIT).shared_at is not None
        row = table.get_row(str(DONE_VISIT))
        assert "⇄" in str(row[3])
        assert "⇄ shared" in str(app.screen.query_one("#visits-title", Static).content)
        await pilot.press("S")  # again: already shared, no dialog
        await settle(pilot)
        assert not app.screen.query(Button)


async def test_share_without_a_team_says_how_to_start_one(make_app) -> None:
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert not app.screen.query(Button)
        assert any("team init" in n.message for n in notifications(app))


async def test_sync_key_runs_a_sync_and_the_screen_reads_again(make_app, demo_store, tmp_path):
    remote = in_team(demo_store, tmp_path)

    share_visit(demo_store, DONE_VISIT, FIXED_NOW)
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "to send" in line_of(app)
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("ctrl+f")  # a second press while it runs says so
        await wait_for(pilot, lambda: "sent" in line_of(app))
        await settle(pilot)
        assert "synced 09:30: sent" in line_of(app) and "to send" not in line_of(app)
        assert app.team_sync.running is False
    log = subprocess.run(
        ["git", "--git-dir", str(remote), "log", "--oneline", "main"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert len(log.splitlines()) == 2  # the team's start and this sync
    assert demo_store.query("SELECT count(*) AS n FROM team_outbox")[0]["n"] == 0


async def test_sync_error_is_one_line(make_app, demo_store, tmp_path) -> None:
    remote = in_team(demo_store, tmp_path)
    demo_store.set_meta("team.url", str(tmp_path / "gone.git"))
    (remote / "HEAD").unlink()
    app = make_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await wait_for(pilot, lambda: not app.team_sync.running)
        await settle(pilot)
        assert "offline, 0 kept" in line_of(app)
        assert any("was not reached" in n.message for n in notifications(app))
        # an attempt, not a sync: the line never says "synced" for it
        assert "tried 09:30: the team was not reached" in line_of(app)
        assert "synced" not in line_of(app)


async def test_no_sync_while_the_live_screen_is_open(make_app, demo_store, tmp_path) -> None:
    in_team(demo_store, tmp_path)
    app = make_app("live", visit_id=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert not app.team_sync.running
        assert any("live screen" in n.message for n in notifications(app))
        assert demo_store.meta("team.synced_at") in (None, "")
    await asyncio.sleep(0)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_home_with_the_team_line_snapshot(
    snap_compare, make_app, demo_store, tmp_path, lang, size
) -> None:
    """You should see home as ever, the visit shared with the team marked ⇄ (the legend says
    "⇄ shared"), and above the keys one line: "Team: 1 open conflict · N to send · synced
    08:05" with "^f sync" at the right, cut with … at 80 columns, never wrapped."""
    from interview_tui.team.actions import share_visit

    in_team(demo_store, tmp_path)
    share_visit(demo_store, DONE_VISIT, FIXED_NOW)
    demo_store.set_meta("team.synced_at", "2026-11-24T08:05:00")
    demo_store.db["team_conflicts"].insert(
        {"uid": "u", "kind": "commitment", "path": "due", "candidates": "[]"}
    )

    async def ready(pilot) -> None:
        await settle(pilot)

    assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_plan_says_a_visit_is_shared(make_app, demo_store, tmp_path, lang) -> None:
    from interview_tui.i18n import t
    from interview_tui.team.actions import share_visit

    in_team(demo_store, tmp_path)
    app = make_app("plan", lang=lang, visit_id=DONE_VISIT)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "⇄" not in app.screen.sub_title
    share_visit(demo_store, DONE_VISIT, FIXED_NOW)
    app = make_app("plan", lang=lang, visit_id=DONE_VISIT)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.sub_title.endswith(f"⇄ {t('share.mark')}")


async def test_a_sync_in_a_shell_since_the_apps_own_is_the_one_the_line_names(
    make_app, demo_store, tmp_path
):
    """After ``team sync`` ran in a shell, the line still said the app's own older sync
    ("synced 09:30: sent 1 …") while ``team status`` gave the later one."""
    from interview_tui.tui.team_line import SyncState

    in_team(demo_store, tmp_path)
    demo_store.set_meta("team.synced_at", "2026-11-24T09:30:00")
    app = make_app("requirements")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.team_sync = SyncState(
            result="synced 09:30: sent 1, received 0", at="2026-11-24T09:30:00"
        )
        app.screen.query_one(TeamLine).refresh_standing()
        await settle(pilot)
        assert "synced 09:30: sent 1" in line_of(app)
        demo_store.set_meta("team.synced_at", "2026-11-24T11:05:00")  # a shell's sync
        app.screen.query_one(TeamLine).refresh_standing()
        await settle(pilot)
        assert "sent 1" not in line_of(app) and "11:05" in line_of(app), line_of(app)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Team: 3 open conflicts (3 new) · synced 00:49: sent 3, received 3"),
        ("zh", "团队： 3 处冲突未解决（新增 3 处） · 00:49 已同步：发送 3，收到 3"),
    ],
)
def test_new_conflicts_are_said_with_the_open_ones_and_the_line_fits_80(lang, said) -> None:
    """At 80 columns the English line lost its count: "…received 3, new confli…"."""
    from datetime import date

    from interview_tui.i18n import set_language, t
    from interview_tui.team.standing import Standing
    from interview_tui.tui.team_line import SyncState, line_text

    standing = Standing("platform", 0, 3, "2026-11-24T00:49:00", "", 0)
    set_language(lang)
    try:
        result = t("teamline.result", when="00:49", sent=3, received=3)
        sync = SyncState(result=result, new_conflicts=3, at=standing.synced_at)
        text = line_text(standing, sync, date(2026, 11, 24), 78).plain
    finally:
        set_language("en")
    assert text.startswith(said) and "…" not in text
