"""Follow-through: the calendar of every open commitment, due-soon for scripts, the chase
e-mail for the customer's promises, and settings.toml."""

from __future__ import annotations

import json
import stat
import sys
from datetime import date, timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.domain.enums import CommitmentState, OwnerSide
from interview_tui.domain.models import Commitment, Person, Visit
from interview_tui.services import follow_up
from interview_tui.services.commitments import close
from interview_tui.tui.textual_private import notifications

from .conftest import FIXED_TODAY, INTERNAL_MARKERS, plant_internal, settle

MARKERS = INTERNAL_MARKERS


def run(*args: str, lang: str = "en"):
    result = CliRunner().invoke(cli, ["--lang", lang, *args], catch_exceptions=False)
    return result


@pytest.fixture
def mixed(demo_store):
    """Commitments in every state across visits: done, dropped, overdue, open, undated."""
    store = demo_store
    open_one = store.save(
        Commitment(
            visit_id=3,
            text="Send the pricing sheet, v2; today",
            owner_side=OwnerSide.US,
            owner_name="me",
        )
    )
    dropped = store.save(
        Commitment(
            visit_id=3, text="Dropped promise", owner_name="me", due=FIXED_TODAY + timedelta(days=1)
        )
    )
    close(store, dropped, CommitmentState.DROPPED, "no longer needed", FIXED_TODAY)
    store.save(
        Commitment(
            visit_id=1,
            text="客户提供压测脚本",
            owner_side=OwnerSide.CUSTOMER,
            owner_name="赵磊",
            due=FIXED_TODAY + timedelta(days=30),
        )
    )
    return {"undated": open_one.id, "dropped": dropped.id}


def _states(store) -> dict[str, set[int]]:
    rows = store.query("SELECT id, state FROM commitments")
    return {
        state: {r["id"] for r in rows if r["state"] == state}
        for state in ("open", "done", "dropped")
    }


def _events(raw: bytes) -> list:
    return list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))


def _uid_id(event, store) -> int:
    """The id of the commitment an event stands for (its UID carries the commitment's uid)."""
    uid = str(event["UID"]).removeprefix("commitment-").removesuffix("@interview-tui")
    ids = {row["uid"]: row["id"] for row in store.query("SELECT id, uid FROM commitments")}
    return ids[uid]


def test_calendar_has_every_open_commitment_with_an_alarm_and_stable_uids(
    mixed, demo_store, tmp_path: Path
):
    states = _states(demo_store)
    assert states["done"] and states["dropped"] and len(states["open"]) >= 6
    out = tmp_path / "promises.ics"
    result = run("--db", demo_store.path, "calendar", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    events = _events(out.read_bytes())
    # one each, no more
    assert sorted(_uid_id(e, demo_store) for e in events) == sorted(states["open"])
    visits = {
        r["visit_id"]
        for r in demo_store.query("SELECT DISTINCT visit_id FROM commitments WHERE state = 'open'")
    }
    assert len(visits) >= 2  # across every visit
    for event in events:
        alarms = [c for c in event.subcomponents if c.name == "VALARM"]
        assert len(alarms) == 1
        assert alarms[0].decoded("TRIGGER") == -timedelta(hours=15)  # 09:00 the day before
    by_id = {_uid_id(e, demo_store): e for e in events}
    summary = {i: str(by_id[i]["SUMMARY"]) for i in by_id}
    customer_ids = {
        r["id"]
        for r in demo_store.query(
            "SELECT id FROM commitments WHERE owner_side = 'customer' AND state = 'open'"
        )
    }
    assert all(summary[i].startswith("Theirs") for i in customer_ids)
    assert all(summary[i].startswith("Ours") for i in by_id if i not in customer_ids)
    undated = by_id[mixed["undated"]]
    assert "no due date" in summary[mixed["undated"]]
    visit3 = demo_store.get(Visit, 3)
    assert undated.decoded("DTSTART") == visit3.date.date() + timedelta(days=7)
    description = str(undated["DESCRIPTION"])
    assert "Northwind Logistics" in description and visit3.date.date().isoformat() in description
    assert "Send the pricing sheet, v2; today" in summary[mixed["undated"]]
    # a second export keeps the UIDs (a subscribed calendar updates the same events)
    again = run("--db", demo_store.path, "calendar", "-o", str(out), "--force")
    assert again.exit_code == 0
    assert {str(e["UID"]) for e in _events(out.read_bytes())} == {str(e["UID"]) for e in events}


def test_calendar_streams_in_batches_filters_by_customer_and_speaks_chinese(
    mixed, demo_store, monkeypatch
) -> None:
    monkeypatch.setattr(follow_up, "BATCH", 2)
    states = _states(demo_store)
    result = CliRunner().invoke(cli, ["--lang", "zh", "--db", demo_store.path, "calendar"])
    assert result.exit_code == 0
    events = _events(result.stdout_bytes)
    assert sorted(_uid_id(e, demo_store) for e in events) == sorted(states["open"])
    assert all(str(e["SUMMARY"]).startswith(("我方", "客户")) for e in events)
    assert any("未完成" in str(e["DESCRIPTION"]) or "逾期" in str(e["DESCRIPTION"]) for e in events)
    north = run("--db", demo_store.path, "calendar", "--customer", "northwind")
    names = {str(e["SUMMARY"]).split(": ")[0] for e in _events(north.stdout_bytes)}
    assert names and all("Northwind Logistics" in n for n in names)
    nobody = run("--db", demo_store.path, "calendar", "--customer", "Nobody Inc")
    assert nobody.exit_code == 2 and "no customer" in nobody.output


def test_visit_ics_skips_closed_ones_and_shares_the_calendar_uids(mixed, demo_store) -> None:
    visit = run("--db", demo_store.path, "export", "3", "--format", "ics").stdout_bytes
    every = run("--db", demo_store.path, "calendar").stdout_bytes
    visit_uids = {str(e["UID"]) for e in _events(visit)}
    open3 = {
        r["id"]
        for r in demo_store.query(
            "SELECT id FROM commitments WHERE visit_id = 3 AND state = 'open'"
        )
    }
    assert {_uid_id(e, demo_store) for e in _events(visit)} == open3
    assert visit_uids <= {str(e["UID"]) for e in _events(every)}
    assert all(e.subcomponents for e in _events(visit))


def test_alarm_follows_the_settings(mixed, demo_store, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('alarm_days_before = 0\nalarm_time = "08:30"\n')
    events = _events(run("--db", demo_store.path, "calendar").stdout_bytes)
    assert {e.subcomponents[0].decoded("TRIGGER") for e in events} == {
        timedelta(hours=8, minutes=30)
    }
    monkeypatch.setenv("INTERVIEW_TUI_ALARM", "false")  # the environment overrides the file
    assert not any(
        e.subcomponents for e in _events(run("--db", demo_store.path, "calendar").stdout_bytes)
    )


def test_due_soon_lists_overdue_and_next_seven_days(mixed, demo_store) -> None:
    today = date.today()
    result = run("--db", demo_store.path, "commitments", "--due-soon", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    rows = data["commitments"] if isinstance(data, dict) else data
    expected = {
        r["id"]
        for r in demo_store.query(
            "SELECT id FROM commitments WHERE state = 'open' AND due IS NOT NULL AND due <= ?",
            [(today + timedelta(days=7)).isoformat()],
        )
    }
    assert {row["id"] for row in rows} == expected and expected
    assert {row["owner"] for row in rows} == {"us", "customer"}  # ours and theirs
    assert mixed["undated"] not in expected and mixed["dropped"] not in expected
    text = run("--db", demo_store.path, "commitments", "--due-soon")
    assert text.exit_code == 0
    assert len(text.stdout.strip().splitlines()) == len(expected)  # one line each


def test_due_soon_prints_the_first_lines_and_counts_the_rest(demo_store, monkeypatch) -> None:
    """A prompt's glance costs the same at any size: the first lines in the order of the full
    listing, read from the (state, due) index with a limit, and how many more on stderr."""
    from interview_tui.services import commitments as service

    today = date.today()
    window = (today + timedelta(days=7)).isoformat()
    expected = [
        r["id"]
        for r in demo_store.query(
            "SELECT id FROM commitments WHERE state = 'open' AND due IS NOT NULL AND due <= ?"
            " ORDER BY due, id",
            [window],
        )
    ]
    assert len(expected) > 3
    monkeypatch.setattr(service, "DUE_SOON_LINES", 3)
    seen: list[str] = []
    rows = type(demo_store).rows
    monkeypatch.setattr(
        type(demo_store),
        "rows",
        lambda self, sql, *a, **k: seen.append(sql) or rows(self, sql, *a, **k),
    )
    result = CliRunner().invoke(
        cli, ["--lang", "en", "--db", str(demo_store.path), "commitments", "--due-soon"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [int(line.split()[0]) for line in lines] == expected[:3]
    assert f"and {len(expected) - 3} more" in result.stderr
    (sql,) = [q for q in seen if "FROM commitments m" in q]
    plan = " ".join(str(row) for row in demo_store.query(f"EXPLAIN QUERY PLAN {sql}", [window, 4]))
    assert "LIMIT" in sql and "TEMP B-TREE" not in plan, plan  # stops after the first rows


@pytest.fixture
def planted(demo_store) -> int:
    """Visit 1 with a marker in every internal field, and 孙倩's e-mail."""
    plant_internal(demo_store)
    demo_store.save_all(
        [
            Commitment(
                visit_id=1,
                text="客户已提供的旧数据",
                owner_side=OwnerSide.CUSTOMER,
                owner_name="孙倩",
                state=CommitmentState.DONE,
            ),
        ]
    )
    sun = next(p for p in demo_store.people(1) if p.name == "孙倩")
    sun.contact = "+86 138 0000 0000, sunqian@xinghe.example"
    demo_store.save(sun)
    return 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chase_asks_the_right_person_in_their_language_and_leaks_nothing(
    planted, demo_store, tmp_path: Path, lang: str
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text(
        'name = "Li Wei"\nemail = "li.wei@cloud.example"\n'
        'signature = """\nLi Wei\nProduct Manager ZZSIGNATURE\n"""\n'
    )
    out = tmp_path / "chase.eml"
    result = run(
        "--db", demo_store.path, "export", "1", "--format", "chase-eml", "-o", str(out), lang=lang
    )
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    message = BytesParser(policy=policy.default).parsebytes(out.read_bytes())
    assert message["To"].addresses[0].addr_spec == "sunqian@xinghe.example"
    assert message["From"].addresses[0].addr_spec == "li.wei@cloud.example"
    assert message["From"].addresses[0].display_name == "Li Wei"
    assert message["X-Unsent"] == "1"
    body = message.get_body(("plain",)).get_content()
    assert "提供上月三类资源的对账样本" in body  # the customer's open promise
    assert "客户已提供的旧数据" not in body  # done: not asked for again
    assert "驻场一周排查对账差异" not in body  # ours: not theirs to keep
    assert "孙倩" in body and "您好" in body  # the visit's script is Chinese, whatever --lang
    assert "ZZSIGNATURE" in body
    everything = out.read_bytes().decode("utf-8", "replace") + body + str(message["Subject"])
    for marker in MARKERS.values():
        assert marker not in everything, marker
    for internal in ("定制 SLA", "authority", "权限", "团队偏弱"):
        assert internal not in everything


def test_chase_without_promises_or_address_says_so(planted, demo_store, monkeypatch) -> None:
    monkeypatch.setenv("INTERVIEW_TUI_EMAIL", "pm@example.com")
    nothing = run("--db", demo_store.path, "export", "3", "--format", "chase-eml")
    assert nothing.exit_code == 2 and "no open commitment of the customer" in nothing.output
    # the draft would speak the customer's language (English here); the error speaks the user's
    chinese = run("--db", demo_store.path, "--lang", "zh", "export", "3", "--format", "chase-eml")
    assert chinese.exit_code == 2 and "没有需要向客户催办" in chinese.output, chinese.output
    sun = next(p for p in demo_store.people(1) if p.name == "孙倩")
    sun.contact = "ext. 4411"
    demo_store.save(sun)
    result = CliRunner().invoke(
        cli, ["--db", demo_store.path, "export", "1", "--format", "chase-eml"]
    )
    assert result.exit_code == 0
    assert "no e-mail address for: 孙倩" in result.stderr
    message = BytesParser(policy=policy.default).parsebytes(result.stdout_bytes)
    assert message["To"] is None  # a draft: the PM adds the address
    assert demo_store.get(Person, sun.id).contact == "ext. 4411"


def test_eml_recap_is_from_the_pm_with_the_signature(demo_store, tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text(
        'name = "Li Wei"\nemail = "li.wei@cloud.example"\nsignature = "Li Wei, PM"\n'
        'recap_lang = "en"\n'
    )
    raw = run("--db", demo_store.path, "export", "1", "--format", "eml", lang="zh").stdout_bytes
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert "li.wei@cloud.example" in message["From"] and "Li Wei" in message["From"]
    body = message.get_body(("plain",)).get_content()
    assert body.rstrip().endswith("-- \nLi Wei, PM")
    assert "Thank you" in body  # recap_lang = "en" wins over the interface's zh


def test_bad_settings_are_one_line_each_and_the_command_still_runs(
    demo_store, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    path = config / "settings.toml"
    path.write_text(
        'email = "not an address"\nalarm_time = "9am"\ncolour = "red"\n'
        'lang = "zh"\nname = "Li\\nBcc: all@example.com"\n'
    )
    result = CliRunner().invoke(cli, ["--db", demo_store.path, "calendar"])
    assert result.exit_code == 0
    warnings = result.stderr.splitlines()[:-1]
    assert len(warnings) == 4 and all(str(path) in line for line in warnings)
    assert any("name" in line and "换行" in line for line in warnings)  # lang = "zh": in Chinese
    assert any("alarm_time" in line and '"09:00"' in line for line in warnings)
    assert any("email" in line and "example.com" in line for line in warnings)
    assert any("colour" in line for line in warnings)
    events = _events(result.stdout_bytes)
    assert events and all(
        e.subcomponents[0].decoded("TRIGGER") == -timedelta(hours=15) for e in events
    )
    assert str(events[0]["SUMMARY"]).startswith(("我方", "客户"))  # lang = "zh" from the file
    shown = run("--db", demo_store.path, "settings", "--json")
    data = json.loads(shown.stdout)
    sources = {row["key"]: row["source"] for row in data["settings"]}
    assert sources["lang"] == str(path) and "bad" in sources["alarm_time"]
    assert len(data["problems"]) == 4
    eml = run(
        "--db", demo_store.path, "export", "1", "--format", "eml", "--from", "pm@example.com"
    )  # the bad e-mail was dropped: no sender of its own
    assert eml.exit_code == 0 and b"Bcc" not in eml.stdout_bytes  # a header cannot be injected


def test_syntax_error_and_environment_language(demo_store, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('lang = "zh"\nname = \n')
    monkeypatch.setenv("INTERVIEW_TUI_LANG", "en")
    result = CliRunner().invoke(cli, ["--db", demo_store.path, "settings"])
    assert result.exit_code == 0
    assert "not valid TOML" in result.stderr and "line 2" in result.stderr
    assert "environment variable INTERVIEW_TUI_LANG" in result.stdout


async def test_the_app_opens_with_bad_settings_and_shows_a_warning(
    make_app, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text("alarm_days_before = 99\n")
    app = make_app("home")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
        assert any("alarm_days_before" in m and "settings.toml" in m for m in messages)
        assert app.screen.__class__.__name__ == "HomeScreen"


def test_help_does_not_import_pydantic_settings() -> None:
    import subprocess

    code = (
        "from interview_tui.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "import sys; print('pydantic_settings' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip().endswith("False")
