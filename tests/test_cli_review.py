"""``commitments`` and ``search`` from the command line, on the demo data."""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.domain.enums import CommitmentState
from interview_tui.domain.models import Commitment
from interview_tui.services.commitments import (
    CommitmentFilter,
    close,
    kept_on_time,
    list_commitments,
    reschedule,
)

from .conftest import FIXED_TODAY


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_commitments_json_and_filters(demo_store) -> None:
    db = demo_store.path
    every = json.loads(run("--db", db, "commitments", "--json").output)
    assert len(every) == 7
    assert {"id", "customer", "text", "owner", "due", "state", "overdue"} <= set(every[0])
    opened = json.loads(run("--db", db, "commitments", "--open", "--json").output)
    assert opened and all(c["state"] == "open" for c in opened)
    overdue = json.loads(run("--db", db, "commitments", "--overdue", "--json").output)
    assert overdue and all(c["overdue"] and c["due"] < date.today().isoformat() for c in overdue)


def test_search_finds_chinese_two_character_words_and_english(demo_store) -> None:
    db = demo_store.path
    hits = json.loads(run("--db", db, "search", "账单", "--json").output)
    assert hits and all("账单" in hit["snippet"] for hit in hits)
    assert all(hit["visit_id"] for hit in hits)
    english = json.loads(run("--db", db, "search", "benchmark", "--json").output)
    assert english and english[0]["customer"] == "Northwind Logistics"
    assert "no matches" in run("--db", db, "search", "zzznothing").output


def test_overdue_first_close_and_reschedule_with_history(demo_store) -> None:
    rows = list_commitments(demo_store, FIXED_TODAY, CommitmentFilter(open_only=True))
    assert rows[0].is_overdue(FIXED_TODAY)
    target = rows[0].commitment
    reschedule(demo_store, target, date(2026, 12, 5), "waiting for their data", FIXED_TODAY)
    closed = close(demo_store, demo_store.get(Commitment, target.id), CommitmentState.DONE,
                   "sent", date(2026, 12, 1))  # fmt: skip
    assert closed.kept_on_time
    assert [h.get("reason") or h.get("note") for h in closed.history] == [
        "waiting for their data", "sent"]
    overall, per_customer = kept_on_time(demo_store, FIXED_TODAY)
    assert overall.settled >= 1 and set(per_customer) <= {"星河视频", "Northwind Logistics"}


def test_listings_return_everything_they_are_asked_for(tmp_path) -> None:
    """No silent caps: every commitment and every visit, however many there are."""
    import json
    import os
    import subprocess
    import sys

    db = tmp_path / "many.db"
    env = {**os.environ, "INTERVIEW_TUI_DB": str(db)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "interview_tui", *args], env=env,
                              capture_output=True, text=True, check=True)  # fmt: skip

    run("demo", "--visits", "700")
    from interview_tui.store import open_store

    store = open_store(db, read_only=True)
    commitments = store.query("SELECT count(*) AS n FROM commitments")[0]["n"]
    visits = store.query("SELECT count(*) AS n FROM visits")[0]["n"]
    store.close()
    assert commitments > 2000
    listed = json.loads(run("commitments", "--json").stdout)
    assert len(listed) == commitments
    assert len(json.loads(run("visits", "--json").stdout)) == visits
    limited = run("visits", "--limit", "5")
    assert len(limited.stdout.splitlines()) == 5 and "--limit" in limited.stderr
