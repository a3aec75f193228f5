"""PMs of a team on one machine for the team engine's tests: each a real database of their
own, the same fixed clock, and two of them sharing a demo visit through a bare repository."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from interview_tui.domain.models import Visit
from interview_tui.services.demo import seed_demo
from interview_tui.store import open_store
from interview_tui.store.store import Store
from interview_tui.team import actions
from interview_tui.team.sync import init_team, join_team, sync

NOW = datetime(2026, 12, 1, 10, 0)
TODAY = date(2026, 12, 1)


def in_repository(remote: Path, path: str) -> str:
    """The text of ``path`` on the team branch of the bare repository ``remote``."""
    import subprocess

    return subprocess.run(
        ["git", "--git-dir", str(remote), "show", f"main:{path}"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


def open_pm(tmp_path: Path, name: str) -> Store:
    """``name``'s own database (``<name>@example.com``), its clock at :data:`NOW`."""
    store = open_store(tmp_path / name / "interview.db")
    store.now = lambda: NOW
    store.member = f"{name}@example.com"
    return store


def two_pms_sharing_a_visit(tmp_path: Path, remote: Path) -> tuple[Store, Store, Visit]:
    """Ana starts the team on ``remote`` with the demo and shares its first visit (synced);
    Bo joins. Returns Ana, Bo and the shared visit."""
    ana, bo = open_pm(tmp_path, "ana"), open_pm(tmp_path, "bo")
    seed_demo(ana, TODAY)
    init_team(ana, str(remote), "platform", ana.member, "Ana", NOW)
    visit = ana.all(Visit)[0]
    actions.share_visit(ana, visit.id or 0, NOW)
    sync(ana, NOW)
    join_team(bo, str(remote), bo.member, "Bo", NOW)
    return ana, bo, visit
