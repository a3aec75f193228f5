"""Reports and exports: nothing internal in the recap, parsable e-mail and calendar, JSON
round trip, private files."""

from __future__ import annotations

import json
import stat
from datetime import date
from email import policy
from email.parser import BytesParser
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.domain.enums import Goal, OwnerSide
from interview_tui.domain.models import Commitment, Requirement
from interview_tui.exports.render import render
from interview_tui.store import open_store

from .conftest import FIXED_NOW, FIXED_TODAY, INTERNAL_MARKERS, plant_internal

MARKERS = INTERNAL_MARKERS
SHARED = "ZZSHAREDPAIN"


@pytest.fixture
def planted(demo_store) -> int:
    """Visit 1 with a marker string in every internal field."""
    plant_internal(demo_store)
    demo_store.save_all(
        [
            Requirement(customer_id=1, visit_id=1, user="运维", scenario="晚高峰", pain=SHARED),
            Commitment(
                visit_id=1,
                text="A custom SLA",
                owner_side=OwnerSide.US,
                owner_name="Li",
                due=date(2026, 12, 4),
                within_authority=False,
            ),
        ]
    )
    return 1


@pytest.fixture(autouse=True)
def _pm_email(monkeypatch) -> None:
    """Every e-mail needs a sender: the PM's address, as settings.toml would give it."""
    monkeypatch.setenv("INTERVIEW_TUI_EMAIL", "pm@example.com")


def _export(store, fmt: str, **kwargs) -> bytes:
    return render(store, 1, fmt, today=FIXED_TODAY, now=FIXED_NOW, **kwargs)


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_recap_never_contains_anything_internal(planted, demo_store, lang) -> None:
    from interview_tui.i18n import set_language

    set_language(lang)
    for fmt in ("recap-md", "eml"):
        text = _export(demo_store, fmt).decode()
        if fmt == "eml":
            message = BytesParser(policy=policy.default).parsebytes(text.encode())
            text = message.get_body(("plain",)).get_content()
        for marker in MARKERS.values():
            assert marker not in text, (fmt, marker)
        assert SHARED in text and "A custom SLA" in text
        assert "authority" not in text.lower() and "权限" not in text


def test_report_has_evidence_by_goal_and_personal_only_on_request(planted, demo_store) -> None:
    report = _export(demo_store, "report-md").decode()
    for goal in Goal:
        assert f"{goal.number}. " in report
    assert MARKERS["team_profile"] in report and MARKERS["internal_note"] in report
    assert MARKERS["personal"] not in report
    assert MARKERS["personal"] in _export(demo_store, "report-md", include_personal=True).decode()
    assert "OVERDUE" in report and "beyond my authority" in report


def test_a_private_note_stays_out_of_the_report_and_its_mail_unless_asked(demo_store) -> None:
    """A note marked private never leaves this laptop: the report (and the e-mail of it) may
    be sent on, so it leaves the note out and says so; asked for, it is in and marked."""
    from interview_tui.domain.models import Note

    demo_store.save(Note(visit_id=1, text="ZZPRIVATE she is leaving", private=True))
    report = _export(demo_store, "report-md").decode()
    assert "ZZPRIVATE" not in report
    assert "1 private note is left out" in report
    mail = _export(demo_store, "eml", report=True, sender="me@example.com").decode()
    assert "ZZPRIVATE" not in mail
    assert "ZZPRIVATE" not in _export(demo_store, "json").decode()
    assert "ZZPRIVATE" in _export(demo_store, "json", include_personal=True).decode()
    kept = _export(demo_store, "report-md", include_personal=True).decode()
    assert "ZZPRIVATE she is leaving `private`" in kept and "left out" not in kept.split("## ")[2]


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_plan_inputs_taken_one_per_line_are_markdown_lists(demo_store, lang) -> None:
    """`Must not promise` and `What we give back` hold one item a line: each item is a list
    item under its label, never a hard line break inside one paragraph."""
    from interview_tui.domain.models import Visit
    from interview_tui.i18n import set_language, t

    set_language(lang)
    visit = demo_store.get(Visit, 1)
    visit.must_not_promise = "Launch dates\n\nPrice *discounts*"
    visit.give_back = ["Latency figures", "A pilot slot"]
    visit.may_promise = "two weeks of test resources"
    demo_store.save(visit)
    report = _export(demo_store, "report-md").decode()
    must_not, give_back = t("report.plan.must_not_promise"), t("report.plan.give_back")
    assert f"**{must_not}**" in report and f"**{give_back}**" in report
    lines = report.splitlines()
    first = lines.index("  - Launch dates")
    assert lines[first - 1].startswith(f"- **{must_not}**")
    assert lines[first + 1] == "  - Price \\*discounts\\*"
    assert "Launch dates  \n" not in report
    assert "  - Latency figures\n  - A pilot slot\n" in report
    assert "two weeks of test resources" in report


def test_eml_is_a_valid_rfc5322_message(planted, demo_store) -> None:
    raw = _export(demo_store, "eml", to=("ops@xinghe.example",), subject="纪要")
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert message["To"] == "ops@xinghe.example"
    assert message["Subject"] == "纪要"
    assert message["Date"] and message["Message-ID"]
    assert message.get_content_type() == "multipart/alternative"
    assert "星河视频" in message.get_body(("plain",)).get_content()
    assert "星河视频" in message.get_body(("html",)).get_content()
    report = BytesParser(policy=policy.default).parsebytes(_export(demo_store, "eml", report=True))
    assert MARKERS["team_profile"] in report.get_body(("plain",)).get_content()


def test_ics_parses_with_one_event_per_open_commitment(planted, demo_store) -> None:
    calendar = icalendar.Calendar.from_ical(_export(demo_store, "ics"))
    events = list(calendar.walk("VEVENT"))
    opened = [c for c in demo_store.commitments(1) if c.state.value == "open"]
    assert len(opened) < len(demo_store.commitments(1))  # the demo visit has a done one
    assert len(events) == len(opened)
    starts = sorted(event.decoded("DTSTART") for event in events)
    assert starts == sorted(c.due for c in opened)
    assert all(event.get("UID") for event in events)
    assert all(len(event.subcomponents) == 1 for event in events)  # the alarm
    assert any("A custom SLA" in str(event.get("SUMMARY")) for event in events)


def test_json_round_trip_into_another_database(planted, demo_store, tmp_path: Path) -> None:
    first = json.loads(_export(demo_store, "json"))
    assert {"text", "goal", "internal"} <= set(first["notes"][0])
    assert {"text", "owner", "due", "state"} <= set(first["commitments"][0])
    assert {"user", "scenario", "pain", "state", "group"} <= set(first["requirements"][0])
    other = open_store(tmp_path / "other.db")
    from interview_tui.exports.bundle import import_json_data

    visit = import_json_data(other, first)
    again = json.loads(render(other, visit.id, "json", today=FIXED_TODAY, now=FIXED_NOW))

    def content(data: dict) -> dict:
        """Everything but ids and timestamps, which a new database assigns itself."""
        drop = {
            "id",
            "visit_id",
            "customer_id",
            "script_item_id",
            "speaker_id",
            "created_at",
            "updated_at",
            "attendee_ids",
        }

        def clean(value):
            if isinstance(value, dict):
                return {k: clean(v) for k, v in value.items() if k not in drop}
            if isinstance(value, list):
                return [clean(v) for v in value]
            return value

        return clean(data)

    assert content(again) == content(first)
    assert len(again["notes"]) == len(first["notes"])


def test_cli_export_files_are_private_and_import_is_clean(planted, demo_store, tmp_path):
    db = demo_store.path
    out = tmp_path / "visit.json"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db, "export", "1", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    for fmt, suffix in (("report-md", "md"), ("recap-md", "md"), ("eml", "eml"), ("ics", "ics")):
        target = tmp_path / f"out-{fmt}.{suffix}"
        assert (
            runner.invoke(
                cli, ["--db", db, "export", "1", "--format", fmt, "-o", str(target)]
            ).exit_code
            == 0
        )
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    other = tmp_path / "other.db"
    result = runner.invoke(cli, ["--db", str(other), "import", str(out)])
    assert result.exit_code == 0 and "imported visit" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "interview-tui.visit", "version": 1,\n "visit": ')
    result = runner.invoke(cli, ["--db", str(other), "import", str(bad)])
    assert result.exit_code == 2 and "bad.json: line 2, column 11: " in result.output
    missing = runner.invoke(cli, ["--db", db, "export", "99", "--format", "json"])
    assert missing.exit_code == 2 and "no visit with id 99" in missing.output


def _visits(db: str) -> int:
    return len(json.loads(CliRunner().invoke(cli, ["--db", db, "visits", "--json"]).output))


def _count(store, table: str) -> int:
    return int(store.query(f"SELECT count(*) AS n FROM {table}")[0]["n"])


def test_importing_the_same_visit_twice_updates_it(planted, demo_store, tmp_path: Path) -> None:
    """Same file twice: same visit count and records; an edited file updates in place."""
    path = tmp_path / "visit.json"
    path.write_bytes(_export(demo_store, "json"))
    db, other = demo_store.path, str(tmp_path / "other.db")
    tables = (
        "visits",
        "notes",
        "commitments",
        "requirements",
        "script_items",
        "people",
        "customers",
        "customer_questions",
    )
    for target in (db, other):
        before = _visits(target) if target == db else 0
        for attempt in range(2):
            result = CliRunner().invoke(cli, ["--db", target, "import", str(path)])
            assert result.exit_code == 0, result.output
            assert ("updated" if target == db or attempt else "imported") in result.output
            assert _visits(target) == before + (target == other)
    store = open_store(Path(other))
    counts = {t: _count(store, t) for t in tables}
    data = json.loads(path.read_text(encoding="utf-8"))
    data["notes"][0]["text"] = "corrected on the other machine"
    data["commitments"][0].update(state="done", closed_on="2026-11-30")
    data["notes"].append(
        {
            **data["notes"][1],
            "uid": "5d6f3c1e-8f0a-4c3b-9a7e-2b1c0d9e8f7a",
            "text": "a note added on the other machine",
        }
    )
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert CliRunner().invoke(cli, ["--db", other, "import", str(path)]).exit_code == 0
    after = {t: _count(store, t) for t in tables}
    assert after == {**counts, "notes": counts["notes"] + 1}
    texts = {n["uid"]: n["text"] for n in store.query("SELECT uid, text FROM notes")}
    assert texts[data["notes"][0]["uid"]] == "corrected on the other machine"
    state = store.query(
        "SELECT state FROM commitments WHERE uid = ?", [data["commitments"][0]["uid"]]
    )
    assert state == [{"state": "done"}]
    assert store.search("corrected")  # the search index follows the update
    store.close()


def test_uids_survive_export_and_import(planted, demo_store, tmp_path: Path) -> None:
    from interview_tui.exports.bundle import import_json_data

    first = json.loads(_export(demo_store, "json"))
    other = open_store(tmp_path / "other.db")
    visit = import_json_data(other, first)
    again = json.loads(render(other, visit.id, "json", today=FIXED_TODAY, now=FIXED_NOW))
    for section in ("notes", "commitments", "requirements", "script", "people"):
        assert [r["uid"] for r in again[section]] == [r["uid"] for r in first[section]]
    assert again["visit"]["uid"] == first["visit"]["uid"]
    bad = {**first, "notes": [{**first["notes"][0], "uid": "not-a-uuid"}]}
    with pytest.raises(Exception, match=r"notes\[0\]\.uid"):
        import_json_data(other, bad)


def test_json_export_leaves_personal_notes_out_unless_asked(planted, demo_store) -> None:
    plain = json.loads(_export(demo_store, "json"))
    assert MARKERS["personal"] not in json.dumps(plain, ensure_ascii=False)
    assert plain["includes_personal"] is False
    assert MARKERS["internal_note"] in json.dumps(plain, ensure_ascii=False)  # ours, lossless
    full = json.loads(_export(demo_store, "json", include_personal=True))
    assert MARKERS["personal"] in json.dumps(full, ensure_ascii=False)
    personal = [n for n in full["notes"] if n["goal"] == "personal_connection"]
    assert personal and len(full["notes"]) == len(plain["notes"]) + len(personal)
    assert not [n for n in plain["notes"] if n["goal"] == "personal_connection"]


def test_recap_leaves_dropped_out_marks_done_and_teaches_what_exists(
    demo_store, monkeypatch
) -> None:
    monkeypatch.setenv("INTERVIEW_TUI_RECAP_LANG", "ui")  # in English, not the customer's
    from interview_tui.domain.enums import CommitmentState, RequirementState
    from interview_tui.services.commitments import close

    demo_store.save_all(
        [
            Commitment(visit_id=1, text="ZZDROPPED promise", due=date(2026, 12, 1)),
            Commitment(visit_id=1, text="ZZDONE promise", due=date(2026, 12, 1)),
            Requirement(
                customer_id=1,
                visit_id=1,
                title="Export by tag",
                pain="ZZSUPPORTEDPAIN",
                state=RequirementState.ALREADY_SUPPORTED,
                how_to_use="Billing → Export → group by tag ZZHOWTO",
            ),
            Requirement(
                customer_id=1,
                visit_id=1,
                title="Bare",
                pain="ZZBARE",
                state=RequirementState.ALREADY_SUPPORTED,
            ),
        ]
    )
    before = _export(demo_store, "recap-md").decode()
    assert "ZZDROPPED" in before and "ZZDONE promise: us" in before
    for text, state in (("ZZDROPPED", CommitmentState.DROPPED), ("ZZDONE", CommitmentState.DONE)):
        found = next(c for c in demo_store.commitments(1) if c.text.startswith(text))
        close(demo_store, found, state, "note", FIXED_TODAY)
    recap = _export(demo_store, "recap-md").decode()
    assert "ZZDROPPED" not in recap
    done_line = next(line for line in recap.splitlines() if "ZZDONE" in line)
    assert done_line.endswith("(done)")
    supported = recap.split("## What you can already do today")[1].split("##")[0]
    assert "ZZSUPPORTEDPAIN" in supported and "how to use it: Billing → Export" in supported
    assert "ZZBARE" in supported and "already supported" in supported
    to_confirm = recap.split("please confirm)")[1].split("##")[0]
    assert "ZZSUPPORTEDPAIN" not in to_confirm
    report = _export(demo_store, "report-md").decode()
    assert "ZZDROPPED" in report and "ZZHOWTO" in report  # the internal report keeps everything


def test_report_shows_the_override_and_the_first_due_date(planted, demo_store) -> None:
    from interview_tui.services.authority import override_authority
    from interview_tui.services.commitments import reschedule

    flagged = next(c for c in demo_store.commitments(1) if c.text == "A custom SLA")
    report = _export(demo_store, "report-md").decode()
    line = next(line for line in report.splitlines() if "A custom SLA" in line)
    assert "beyond my authority" in line and "kept by decision" not in line
    override_authority(demo_store, flagged.id, "VP approved ZZAPPROVED", FIXED_TODAY)
    reschedule(
        demo_store, demo_store.get(Commitment, flagged.id), date(2026, 12, 20), "later", FIXED_TODAY
    )
    report = _export(demo_store, "report-md").decode()
    line = next(line for line in report.splitlines() if "A custom SLA" in line)
    assert "kept by decision: VP approved ZZAPPROVED" in line
    assert "first due 2026-12-04" in line and "2026-12-20" in line
    assert "Kept on time, ours:" in report
    recap = _export(demo_store, "recap-md").decode()
    assert "ZZAPPROVED" not in recap and "decision" not in recap


def test_an_export_from_before_uids_imported_twice_is_one_visit(
    planted, demo_store, tmp_path: Path
) -> None:
    """Files written before uids existed: the uids made on import are the same each time."""
    data = json.loads(_export(demo_store, "json"))

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "uid"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    path = tmp_path / "old.json"
    path.write_text(json.dumps(strip(data), ensure_ascii=False), encoding="utf-8")
    other = str(tmp_path / "other.db")
    outputs = [
        CliRunner().invoke(cli, ["--db", other, "import", str(path)]).output for _ in range(2)
    ]
    assert outputs[0].startswith("imported") and outputs[1].startswith("updated")
    store = open_store(Path(other))
    assert _visits(other) == 1
    assert _count(store, "notes") == len(data["notes"])
    assert _count(store, "commitments") == len(data["commitments"])
    assert _count(store, "people") == len(data["people"])
    store.close()
