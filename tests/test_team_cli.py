"""The team commands as a PM types them: three PM databases and one bare repository."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.i18n import set_language


def _run(db: Path, *args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), "--lang", "en", *args])
    set_language("en")
    assert (result.exit_code == 0) == ok, result.output
    return result.stdout if ok else result.output  # progress lines go to stderr


def test_the_whole_loop_from_the_command_line(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    ana, bo, cy = (tmp_path / name / "interview.db" for name in ("ana", "bo", "cy"))
    _run(ana, "demo")
    assert "started" in _run(
        ana, "team", "init", str(remote), "--name", "platform", "--as", "ana@example.com"
    )
    visit = next(
        v["id"] for v in json.loads(_run(ana, "visits", "--json")) if v["status"] == "done"
    )  # a visit with notes
    shared = json.loads(_run(ana, "team", "share", str(visit), "--json"))
    assert shared["notes_shared"] > 0
    assert json.loads(_run(ana, "team", "sync", "--json"))["pushed"]
    for db, who in ((bo, "bo"), (cy, "cy")):
        joined = json.loads(
            _run(db, "team", "join", str(remote), "--as", f"{who}@example.com", "--json")
        )
        assert joined["received"] > 0

    # the same requirement moved to different groups by Ana and Bo: one conflict, everywhere
    first = json.loads(_run(bo, "pool", "--json"))[0]
    uid = first["uid"]
    others = [g for g in ("in_progress", "next_iteration", "backlog") if g != first["group"]]
    for db, group in zip((ana, bo), others, strict=True):
        _set_group(db, uid, group)
    _run(ana, "team", "sync")
    assert "new conflicts 1" in _run(bo, "team", "sync")
    _run(ana, "team", "sync")
    _run(cy, "team", "sync")
    for db in (ana, bo, cy):
        [conflict] = json.loads(_run(db, "team", "conflicts", "--json"))
        assert conflict["uid"] == uid and conflict["field"] == "group"
        assert {v["by"] for v in conflict["values"]} == {"ana@example.com", "bo@example.com"}
        [row] = [r for r in json.loads(_run(db, "pool", "--json")) if r["uid"] == uid]
        assert row["conflicts"] == ["group"]
    _run(cy, "team", "resolve", uid, "group", "--take", "1")
    for db in (cy, ana, bo):
        _run(db, "team", "sync")
    for db in (ana, bo, cy):
        assert json.loads(_run(db, "team", "conflicts", "--json")) == []
    assert "bad" not in _run(cy, "team", "resolve", uid, "group", "--take", "1", ok=False)
    status = json.loads(_run(bo, "team", "status", "--json"))
    assert status["team"] == "platform" and status["member"] == "bo@example.com"
    said = _run(bo, "team", "status")  # the last sync to the minute, as a person reads it
    assert status["synced_at"][:16].replace("T", " ") in said and "T" not in said.split("·")[3]


def _set_group(db: Path, uid: str, group: str) -> None:
    from interview_tui.domain.enums import PoolGroup
    from interview_tui.domain.models import Requirement
    from interview_tui.services.requirement_pool import move
    from interview_tui.store import open_store

    store = open_store(db)
    try:
        [requirement] = store.all(Requirement, "uid = ?", [uid])
        move(store, requirement.id or 0, PoolGroup(group), override="agreed in the meeting")
    finally:
        store.close()


def test_team_commands_without_a_team_say_how_to_start(tmp_path: Path) -> None:
    db = tmp_path / "pm" / "interview.db"
    _run(db, "demo")
    out = _run(db, "team", "sync", ok=False)
    assert "team init" in out and "Traceback" not in out


def test_a_closing_conflict_is_listed_as_the_app_shows_it(tmp_path: Path) -> None:
    """A promise one PM marked done and another dropped: each value reads as a state, a
    date and a note (it printed Python lists: ['done', '2026-12-01', '…'])."""
    from interview_tui.domain.enums import CommitmentState
    from interview_tui.domain.models import Commitment
    from interview_tui.services import commitments
    from tests.team_pms import NOW, TODAY, two_pms_sharing_a_visit

    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    ana, bo, visit = two_pms_sharing_a_visit(tmp_path, remote)
    from interview_tui.team.sync import sync

    uid = next(c.uid for c in ana.commitments(visit.id or 0) if c.state is CommitmentState.OPEN)
    for pm, state, note in (
        (ana, CommitmentState.DONE, "sent [bold]it[/]"),
        (bo, CommitmentState.DROPPED, "no longer needed"),
    ):
        [mine] = pm.all(Commitment, "uid = ?", [uid])
        commitments.close(pm, mine, state, note, TODAY)
    for pm in (ana, bo, ana):
        sync(pm, NOW)
    listed = _run(Path(ana.path), "team", "conflicts")
    assert f"done · {TODAY.isoformat()} · sent [bold]it[/]" in listed, listed
    assert f"dropped · {TODAY.isoformat()} · no longer needed" in listed, listed
    assert "['" not in listed
    # the listing marks the promise whose state differs between the laptops
    [line] = [
        line
        for line in _run(Path(bo.path), "commitments").splitlines()
        if line.lstrip().startswith(str(bo.all(Commitment, "uid = ?", [uid])[0].id))
    ]
    assert "[conflict: closing]" in line, line  # the field, in the language's words


def test_a_sync_that_does_not_reach_the_team_fails_and_keeps_the_last_sync(tmp_path: Path):
    """It said "sent 0, received 0" and exited 0, and `team status` then gave the failed
    attempt as the last sync."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    ana = tmp_path / "ana" / "interview.db"
    _run(ana, "demo")
    _run(ana, "team", "init", str(remote), "--name", "platform", "--as", "ana@example.com")
    _run(ana, "team", "sync")
    before = json.loads(_run(ana, "team", "status", "--json"))["synced_at"]
    assert before
    remote.rename(tmp_path / "away.git")
    result = CliRunner().invoke(cli, ["--db", str(ana), "--lang", "en", "team", "sync"])
    set_language("en")
    assert result.exit_code == 1
    assert "sent" not in result.stdout  # nothing was exchanged: no "synced" line
    [line] = result.stderr.strip().splitlines()[-1:]
    assert line.startswith("the team was not reached")
    as_json = CliRunner().invoke(cli, ["--db", str(ana), "team", "sync", "--json"])
    set_language("en")
    assert as_json.exit_code == 1 and json.loads(as_json.stdout)["offline"]
    assert json.loads(_run(ana, "team", "status", "--json"))["synced_at"] == before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_sync_from_the_shell_while_a_meeting_is_open_live(tmp_path: Path, lang) -> None:
    """The app refuses a sync while a live window has a visit open; the command ran it."""
    from interview_tui.services.live_windows import LiveWindow
    from interview_tui.store import open_store

    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    ana = tmp_path / "ana" / "interview.db"
    _run(ana, "demo")
    _run(ana, "team", "init", str(remote), "--name", "platform", "--as", "ana@example.com")
    store = open_store(ana)
    window = LiveWindow(store, visit_id=1)
    window.enter()  # a live window, alive (this process), open on a visit
    try:
        result = CliRunner().invoke(cli, ["--db", str(ana), "--lang", lang, "team", "sync"])
        set_language("en")
        assert result.exit_code != 0
        [line] = result.stderr.strip().splitlines()
        assert ("live screen" if lang == "en" else "实时记录界面") in line
        assert not json.loads(_run(ana, "team", "status", "--json"))["synced_at"]
    finally:
        window.leave()
        store.close()
    assert "sent" in _run(ana, "team", "sync")  # closed: it syncs


def test_a_plain_clone_of_a_new_team_repository_checks_the_files_out(tmp_path: Path):
    """``git init --bare`` names ``master`` as HEAD; the team pushes ``main``: a plain
    clone (a team lead reading ``reports/``) warned "remote HEAD refers to nonexistent
    ref" and checked nothing out."""
    remote = tmp_path / "remote.git"
    subprocess.run(
        ["git", "-c", "init.defaultBranch=master", "init", "-q", "--bare", str(remote)], check=True
    )
    ana = tmp_path / "ana" / "interview.db"
    _run(ana, "demo")
    _run(ana, "team", "init", str(remote), "--name", "platform", "--as", "ana@example.com")
    clone = subprocess.run(
        ["git", "clone", "-q", str(remote), str(tmp_path / "lead")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "nonexistent ref" not in clone.stderr, clone.stderr
    assert (tmp_path / "lead" / "interview-team.toml").is_file()  # the team's files, checked out
