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
    data = json.loads(run("--db", db, "commitments", "--json").output)
    every = data["commitments"]
    assert len(every) == 7
    assert {
        "id",
        "uid",
        "customer",
        "text",
        "owner",
        "due",
        "first_due",
        "state",
        "overdue",
        "history",
    } <= set(every[0])
    assert set(data["kept_on_time"]) == {"kept", "due", "rate"}
    opened = json.loads(run("--db", db, "commitments", "--open", "--json").output)["commitments"]
    assert opened and all(c["state"] == "open" for c in opened)
    overdue = json.loads(run("--db", db, "commitments", "--overdue", "--json").output)
    overdue = overdue["commitments"]
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
    closed = close(
        demo_store,
        demo_store.get(Commitment, target.id),
        CommitmentState.DONE,
        "sent",
        date(2026, 12, 1),
    )
    assert [h.get("reason") or h.get("note") for h in closed.history] == [
        "waiting for their data",
        "sent",
    ]
    assert not closed.kept_on_time  # done after its first due date: late, whatever the new date
    kept = kept_on_time(demo_store, FIXED_TODAY)
    assert kept.ours.due >= 1 and set(kept.per_customer) <= {"星河视频", "Northwind Logistics"}


def test_listings_return_everything_they_are_asked_for(tmp_path) -> None:
    """No silent caps: every commitment and every visit, however many there are."""
    import json
    import os
    import subprocess
    import sys

    db = tmp_path / "many.db"
    env = {**os.environ, "INTERVIEW_TUI_DB": str(db)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "interview_tui", *args],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )

    run("demo", "--visits", "700")
    from interview_tui.store import open_store

    store = open_store(db, read_only=True)
    commitments = store.query("SELECT count(*) AS n FROM commitments")[0]["n"]
    visits = store.query("SELECT count(*) AS n FROM visits")[0]["n"]
    store.close()
    assert commitments > 2000
    listed = json.loads(run("commitments", "--json").stdout)["commitments"]
    assert len(listed) == commitments
    assert len(json.loads(run("visits", "--json").stdout)) == visits
    limited = run("visits", "--limit", "5")
    assert len(limited.stdout.splitlines()) == 5 and "--limit" in limited.stderr


def _kept(db: str) -> dict:
    return json.loads(run("--db", db, "commitments", "--json").output)


def _by_hand(commitments: list[dict], today: str, owner: str = "us") -> dict:
    """The rate as the README defines it, computed in Python from the listing."""
    ours = [c for c in commitments if c["owner"] == owner]
    due = [c for c in ours if c["state"] != "open" or (c["first_due"] or "9") < today]
    kept = [
        c
        for c in due
        if c["state"] == "done" and (c["first_due"] is None or c["closed_on"] <= c["first_due"])
    ]
    return {"kept": len(kept), "due": len(due)}


def test_rescheduling_an_overdue_promise_does_not_raise_the_rate(demo_store) -> None:
    db, today = demo_store.path, date.today().isoformat()
    before = _kept(db)
    assert {k: before["kept_on_time"][k] for k in ("kept", "due")} == _by_hand(
        before["commitments"], today
    )
    late = next(c for c in before["commitments"] if c["overdue"] and c["owner"] == "us")
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            db,
            "commitments",
            "reschedule",
            str(late["id"]),
            "+14d",
            "--reason",
            "waiting for their data",
        ],
    )
    assert result.exit_code == 0, result.output
    after = _kept(db)
    assert after["kept_on_time"] == before["kept_on_time"]
    moved = next(c for c in after["commitments"] if c["id"] == late["id"])
    assert not moved["overdue"] and moved["late"] and moved["first_due"] == late["due"]
    entry = moved["history"][-1]
    assert {k: entry[k] for k in ("on", "change", "from", "to", "reason")} == {
        "on": today,
        "change": "due",
        "from": late["due"],
        "to": moved["due"],
        "reason": "waiting for their data",
    }
    assert entry["id"] and "by" in entry  # an entry names itself and its author
    run("--db", db, "commitments", "done", str(late["id"]), "--note", "sent at last")
    done = _kept(db)
    assert done["kept_on_time"] == before["kept_on_time"]  # done, but after its first date
    assert {k: done["kept_on_time"][k] for k in ("kept", "due")} == _by_hand(
        done["commitments"], today
    )


def test_the_customers_promises_are_counted_apart(demo_store) -> None:
    db, today = demo_store.path, date.today().isoformat()
    data = _kept(db)
    theirs = data["kept_on_time_customer"]
    assert theirs["due"] >= 1
    assert {k: theirs[k] for k in ("kept", "due")} == _by_hand(
        data["commitments"], today, "customer"
    )
    late = next(c for c in data["commitments"] if c["owner"] == "customer" and c["overdue"])
    run("--db", db, "commitments", "drop", str(late["id"]), "--reason", "they changed plan")
    after = _kept(db)
    assert after["kept_on_time"] == data["kept_on_time"]  # theirs never moves ours
    assert after["kept_on_time_customer"]["due"] == theirs["due"]


def test_done_drop_reopen_from_the_command_line_keep_history(demo_store) -> None:
    db = demo_store.path
    target = next(c for c in _kept(db)["commitments"] if c["state"] == "open")
    cid = str(target["id"])
    assert "done" in run("--db", db, "commitments", "done", cid, "--note", "sent").output
    assert "open" in run("--db", db, "commitments", "reopen", cid, "--reason", "wrong file").output
    assert "dropped" in run("--db", db, "commitments", "drop", cid, "--reason", "moot").output
    row = next(c for c in _kept(db)["commitments"] if c["id"] == target["id"])
    assert row["state"] == "dropped" and row["resolution_note"] == "moot"
    assert [(h["from"], h["to"], h.get("note") or h.get("reason")) for h in row["history"]] == [
        ("open", "done", "sent"),
        ("done", "open", "wrong file"),
        ("open", "dropped", "moot"),
    ]


def test_dates_are_read_as_the_dialogs_read_them(demo_store) -> None:
    from interview_tui.domain.dates import parse_due

    db, today = demo_store.path, date.today()
    target = str(next(c for c in _kept(db)["commitments"] if c["state"] == "open")["id"])
    for text in ("2026-12-04", "+14d", "下周五"):
        result = CliRunner().invoke(
            cli, ["--db", db, "commitments", "reschedule", target, text, "--reason", "asked"]
        )
        assert result.exit_code == 0, result.output
        row = next(c for c in _kept(db)["commitments"] if str(c["id"]) == target)
        assert row["due"] == parse_due(text, today).isoformat()


def test_bad_ids_dates_and_missing_reasons_are_one_line_errors(demo_store) -> None:
    db = demo_store.path
    done = str(next(c for c in _kept(db)["commitments"] if c["state"] == "done")["id"])
    cases = [
        (["done", "9999"], "no commitment with id 9999"),
        (["reschedule", "9999", "+3d", "--reason", "x"], "no commitment with id 9999"),
        (["reschedule", done, "someday", "--reason", "x"], "'someday' is not a date"),
        (["reschedule", done, "2026-02-30", "--reason", "x"], "not a real date"),
        (["drop", done], "Missing option '--reason'"),
        (["drop", done, "--reason", " "], "say why the commitment is dropped"),
        (["drop", done, "--reason", "moot"], "reopen it first"),
        (["done", done], "already done"),
        (["done", "abc"], "'abc' is not a valid integer"),
        (["reopen", "9999"], "no commitment with id 9999"),
    ]
    before = _kept(db)
    for args, message in cases:
        result = CliRunner().invoke(cli, ["--db", db, "commitments", *args])
        assert result.exit_code == 2, (args, result.output)
        first = result.output.splitlines()[0]
        assert first.startswith("interview-tui: error:") and message in first, (args, first)
    assert _kept(db) == before  # nothing changed
