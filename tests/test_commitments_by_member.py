"""Commitments by the member who made them: mine and each colleague's, in the commitments
screen (``m``) and the CLI (``--member``); kept on time per member only when ``k`` asks."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from textual.widgets import Static

from interview_tui.cli.main import cli
from interview_tui.errors import UserError
from interview_tui.services.commitments import (
    ME,
    CommitmentFilter,
    kept_per_member,
    list_commitments,
    member_filter,
    members,
)
from interview_tui.tui.text import SafeTable
from tests.conftest import FIXED_TODAY, settle

ANA, BO = "ana@example.com", "bo@example.com"


@pytest.fixture
def team_store(demo_store):
    """The demo as Ana's laptop, where two of the promises came from Bo."""
    demo_store.set_meta("team.member", ANA)
    demo_store.member = ANA
    ids = [row["id"] for row in demo_store.query("SELECT id FROM commitments ORDER BY id")]
    with demo_store.transaction() as db:
        db.execute("UPDATE commitments SET author = ? WHERE id IN (?, ?)", [BO, ids[0], ids[1]])
        db.execute("UPDATE commitments SET author = ? WHERE id = ?", [ANA, ids[2]])
    return demo_store


def _ids(store, **kwargs) -> set[int]:
    return {
        r.commitment.id for r in list_commitments(store, FIXED_TODAY, CommitmentFilter(**kwargs))
    }


def test_mine_is_what_i_wrote_and_what_came_before_the_team(team_store) -> None:
    every = _ids(team_store)
    bos = _ids(team_store, member=BO)
    mine = _ids(team_store, member=ME, me=ANA)
    assert len(bos) == 2 and mine == every - bos
    assert members(team_store) == [BO]
    assert member_filter(team_store, "bo") == (BO, ANA)  # the part before the @ will do
    assert member_filter(team_store, "me") == (ME, ANA)
    with pytest.raises(UserError, match="cy"):
        member_filter(team_store, "cy")


def test_cli_member_filter(team_store) -> None:
    db = team_store.path

    def listed(*args: str) -> list[dict]:
        result = CliRunner().invoke(cli, ["--db", db, "commitments", "--json", *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["commitments"]

    every, mine, bos = listed(), listed("--member", "me"), listed("--member", BO)
    assert len(bos) == 2 and {c["author"] for c in bos} == {BO}
    assert {c["id"] for c in mine} == {c["id"] for c in every} - {c["id"] for c in bos}
    assert {c["author"] for c in mine} == {"", ANA}
    wrong = CliRunner().invoke(cli, ["--db", db, "commitments", "--member", "nobody"])
    assert wrong.exit_code != 0
    assert "nobody" in wrong.output and BO in wrong.output and "Traceback" not in wrong.output


def test_kept_on_time_per_member(team_store) -> None:
    rates = kept_per_member(team_store, FIXED_TODAY)
    assert set(rates) <= {ANA, BO} and ANA in rates
    assert sum(r.due for r in rates.values()) > 0


async def test_m_cycles_everyone_mine_each_colleague(make_app, team_store) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        everyone = {row.commitment.id for row in app.screen.rows}
        await pilot.press("m")
        await settle(pilot)
        mine = {row.commitment.id for row in app.screen.rows}
        assert "mine" in str(app.screen.query_one("#filter", Static).render())
        await pilot.press("m")
        await settle(pilot)
        bos = {row.commitment.id for row in app.screen.rows}
        assert {row.commitment.author for row in app.screen.rows} == {BO}
        assert BO in str(app.screen.query_one("#filter", Static).render())
        assert len(bos) == 2 and mine == everyone - bos
        assert BO in str(app.screen.query_one("#commitment-text", Static).render())
        await pilot.press("m")
        await settle(pilot)
        assert {row.commitment.id for row in app.screen.rows} == everyone


async def test_rates_per_member_only_when_asked(make_app, team_store) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        rates = app.screen.query_one("#rates", SafeTable)
        assert not rates.display or not rates.row_count  # not shown by default
        assert ANA not in str(app.screen.query_one("#kept", Static).render())
        await pilot.press("percent_sign")
        await settle(pilot)
        cells = [str(rates.get_row_at(n)[0]) for n in range(rates.row_count)]
        assert f"Member {ANA}" in cells


def _ana_shares_and_bo_joins(tmp_path, ana_name: str = "Ana", bo_name: str = "Bo"):
    """Ana's demo laptop starts the team on a local bare repository and shares a visit;
    Bo's laptop joins. Returns both stores (the caller closes them)."""
    import subprocess
    from datetime import datetime

    from interview_tui.domain.models import Visit
    from interview_tui.services.demo import seed_demo
    from interview_tui.store import open_store
    from interview_tui.team import actions
    from interview_tui.team.sync import init_team, join_team, sync

    now = datetime(2026, 12, 1, 10, 0)
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    ana, bo = open_store(tmp_path / "ana" / "i.db"), open_store(tmp_path / "bo" / "i.db")
    seed_demo(ana, FIXED_TODAY)
    init_team(ana, str(remote), "platform", ANA, ana_name, now)
    ana.member = ANA
    authors = {r["author"] for r in ana.query("SELECT author FROM commitments")}
    actions.share_visit(ana, ana.all(Visit)[0].id or 0, now)
    sync(ana, now)
    join_team(bo, str(remote), BO, bo_name, now)
    bo.member = BO
    return ana, bo, authors


def test_a_colleagues_promises_made_before_the_team_are_theirs_not_mine(tmp_path) -> None:
    """Ana's promises from before the team reach Bo as Ana's: on Bo's laptop "mine" is
    not everything without an author."""
    ana, bo, authors_at_start = _ana_shares_and_bo_joins(tmp_path)
    assert authors_at_start == {ANA}
    assert members(bo) == [ANA]
    assert _ids(bo, member=ME, me=BO) == set()
    assert _ids(bo, member=ANA) == _ids(bo)
    ana.close()
    bo.close()


async def test_a_colleague_is_named_as_the_team_knows_them(tmp_path) -> None:
    """On Bo's laptop Ana's promises say "by Ana Lima" (her name from the team's member
    file), in the filter line and under the list, not her e-mail."""
    from interview_tui.tui.app import build_app
    from tests.conftest import FIXED_NOW

    ana, bo, _authors = _ana_shares_and_bo_joins(tmp_path, "Ana Lima", "Bo Chen")
    app = build_app(
        bo,
        initial=("commitments", {}),
        today=lambda: FIXED_TODAY,
        now=lambda: FIXED_NOW,
        animate=False,
    )
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a", "m", "m")
        await settle(pilot)
        shown = str(app.screen.query_one("#filter", Static).render())
        assert "Ana Lima" in shown and ANA not in shown
        assert "Ana Lima" in str(app.screen.query_one("#commitment-text", Static).render())
    ana.close()
    bo.close()
