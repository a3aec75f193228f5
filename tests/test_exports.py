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
from interview_tui.domain.models import Commitment, Note, Requirement, Visit
from interview_tui.exports.render import render
from interview_tui.store import open_store

from .conftest import FIXED_NOW, FIXED_TODAY

MARKERS = {
    "internal_note": "ZZINTERNALNOTE",
    "team_profile": "ZZTEAMPROFILE",
    "personal": "ZZPERSONAL",
    "sales_told": "ZZSALESTOLD",
    "do_not_say": "ZZDONOTSAY",
    "may_promise": "ZZMAYPROMISE",
    "must_not_promise": "ZZMUSTNOT",
    "product_brief": "ZZBRIEF",
}
SHARED = "ZZSHAREDPAIN"


@pytest.fixture
def planted(demo_store) -> int:
    """Visit 1 with a marker string in every internal field."""
    visit = demo_store.get(Visit, 1)
    for name in ("sales_told", "do_not_say", "may_promise", "must_not_promise", "product_brief"):
        setattr(visit, name, f"{getattr(visit, name)} {MARKERS[name]}")
    demo_store.save(visit)
    demo_store.save_all([
        Note(visit_id=1, text=f"机密 {MARKERS['internal_note']}", internal=True,
             goal=Goal.PAIN_POINTS),
        Note(visit_id=1, text=f"团队偏弱 {MARKERS['team_profile']}", goal=Goal.TEAM_PROFILE),
        Note(visit_id=1, text=f"爱跑马拉松 {MARKERS['personal']}",
             goal=Goal.PERSONAL_CONNECTION),
        Requirement(customer_id=1, visit_id=1, user="运维", scenario="晚高峰", pain=SHARED),
        Commitment(visit_id=1, text="A custom SLA", owner_side=OwnerSide.US, owner_name="Li",
                   due=date(2026, 12, 4), within_authority=False),
    ])  # fmt: skip
    return 1


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
            text = message.get_content()
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
    assert MARKERS["personal"] in _export(demo_store, "report-md",
                                          include_personal=True).decode()  # fmt: skip
    assert "OVERDUE" in report and "beyond my authority" in report


def test_eml_is_a_valid_rfc5322_message(planted, demo_store) -> None:
    raw = _export(demo_store, "eml", to=("ops@xinghe.example",), subject="纪要")
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert message["To"] == "ops@xinghe.example"
    assert message["Subject"] == "纪要"
    assert message["Date"] and message["Message-ID"]
    assert message.get_content_type() == "text/plain"
    assert "星河视频" in message.get_content()
    report = BytesParser(policy=policy.default).parsebytes(_export(demo_store, "eml", report=True))
    assert MARKERS["team_profile"] in report.get_content()


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
        drop = {"id", "visit_id", "customer_id", "script_item_id", "speaker_id", "created_at",
                "updated_at", "attendee_ids"}  # fmt: skip

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
        assert runner.invoke(cli, ["--db", db, "export", "1", "--format", fmt, "-o",
                                   str(target)]).exit_code == 0  # fmt: skip
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    other = tmp_path / "other.db"
    result = runner.invoke(cli, ["--db", str(other), "import", str(out)])
    assert result.exit_code == 0 and "imported visit" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "interview-tui.visit", "version": 1,\n "visit": ')
    result = runner.invoke(cli, ["--db", str(other), "import", str(bad)])
    assert result.exit_code == 2 and "bad.json:2" in result.output
    missing = runner.invoke(cli, ["--db", db, "export", "99", "--format", "json"])
    assert missing.exit_code == 2 and "no visit with id 99" in missing.output
