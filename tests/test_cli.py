"""The command line: version, banks, demo, visits, clean errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from interview_tui import __version__
from interview_tui.cli.main import cli
from interview_tui.store.migrations import LATEST_VERSION


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_help_lists_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for name in ("banks", "demo", "visits", "lint", "live", "rehearse"):
        assert name in result.output


def test_banks_json_lists_bundled_banks() -> None:
    result = run("banks", "--json")
    assert result.exit_code == 0
    banks = json.loads(result.output)
    assert {bank["language"] for bank in banks} >= {"en", "zh-CN"}
    for bank in banks:
        assert set(bank) >= {
            "id",
            "language",
            "title",
            "path",
            "questions",
            "roles",
            "goals",
            "errors",
        }
        assert bank["errors"] == []
        assert sum(bank["roles"].values()) == bank["questions"]
        assert bank["industry"] in {"general", "gaming", "finance", "manufacturing", "retail"}
        for role, goals in bank["role_goal"].items():
            assert sum(goals.values()) == bank["roles"][role]
    general = next(b for b in banks if b["language"] == "en" and b["industry"] == "general")
    assert general["role_goal"]["tech_execution"]["key_requirements"] >= 1


def test_banks_reports_a_broken_user_bank(tmp_path: Path, monkeypatch) -> None:
    user_banks = tmp_path / "config" / "question_banks"
    user_banks.mkdir(parents=True)
    (user_banks / "mine.toml").write_text("[bank]\nid = 'mine'\nlanguage = 'fr'\ntitle = 'x'\n")
    banks = json.loads(run("banks", "--json").output)
    broken = [bank for bank in banks if bank["path"].endswith("mine.toml")]
    assert broken and broken[0]["id"] is None
    assert "mine.toml:1: [bank]: language:" in broken[0]["errors"][0]


def test_demo_is_idempotent_and_visits_json(db_path: Path) -> None:
    assert run("--db", str(db_path), "demo").exit_code == 0
    first = json.loads(run("--db", str(db_path), "visits", "--json").output)
    assert run("--db", str(db_path), "demo").exit_code == 0
    second = json.loads(run("--db", str(db_path), "visits", "--json").output)
    assert first == second and len(first) == 4
    assert {visit["status"] for visit in first} == {"planned", "done"}
    assert set(first[0]) >= {"id", "customer", "date", "status"}
    conn = sqlite3.connect(db_path)
    internal = conn.execute("SELECT count(*) FROM notes WHERE internal = 1").fetchone()[0]
    overdue = conn.execute(
        "SELECT count(*) FROM commitments WHERE state = 'open' AND due < date('now')"
    ).fetchone()[0]
    roles = {row[0] for row in conn.execute("SELECT DISTINCT role FROM people")}
    scripts = conn.execute(
        "SELECT count(*) FROM script_items s JOIN visits v ON v.id = s.visit_id"
        " WHERE v.status = 'planned'"
    ).fetchone()[0]
    assert internal >= 2 and overdue >= 2 and scripts >= 5
    assert roles == {"business", "procurement", "tech_decision", "tech_execution"}


def test_demo_synthetic_visits_are_deterministic(tmp_path: Path) -> None:
    counts = []
    for name in ("a.db", "b.db"):
        path = tmp_path / name
        assert run("--db", str(path), "demo", "--visits", "3").exit_code == 0
        assert run("--db", str(path), "demo", "--visits", "3").exit_code == 0
        conn = sqlite3.connect(path)
        counts.append(
            conn.execute(
                "SELECT count(*), group_concat(text, '|') FROM notes WHERE visit_id > 4"
            ).fetchone()
        )
    assert counts[0] == counts[1] and counts[0][0] == 120


def test_env_var_chooses_the_database(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("INTERVIEW_TUI_DB", str(path))
    assert run("demo").exit_code == 0
    assert path.exists()


def test_newer_database_is_one_clean_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    result = subprocess.run(
        [sys.executable, "-m", "interview_tui", "--db", str(path), "visits"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("interview-tui: error: ")
    assert "newer interview-tui" in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_missing_visit_is_a_clean_error(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "live", "999"])
    assert result.exit_code == 2
    assert "no visit with id 999" in result.output


def test_help_and_lint_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from interview_tui.cli.main import cli\n"
        "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'sqlite_utils'})\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "HEAVY="


def test_keys_lists_every_binding_with_the_keys_every_terminal_sends(tmp_path) -> None:
    result = run("keys", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) and {"home.open", "live.goal3", "dialog.save"} <= set(ids)
    goal3 = next(row for row in rows if row["id"] == "live.goal3")
    assert goal3["screen"] == "live" and goal3["description"] == "Goal 3: Usage & vendors"
    assert goal3["keys"][:2] == ["ctrl+y 3", "alt+3"]
    # every live action has a key that is neither alt nor an F key (what a Mac sends)
    live = [row for row in rows if row["screen"] == "live"]
    for row in live:
        assert any(
            not key.startswith(("alt+", "f")) or key.startswith("ctrl+y ") for key in row["keys"]
        ), row
    only = json.loads(run("keys", "--screen", "live", "--json").output)
    assert only == live


def test_keys_follow_the_keymap_and_name_what_is_wrong_in_it(tmp_path, monkeypatch) -> None:
    config = tmp_path / "config"
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(config))
    config.mkdir()
    (config / "keymap.toml").write_text(
        '"live.leader" = "ctrl+f"\n"live.goal3" = "f12"\n', encoding="utf-8"
    )
    rows = {row["id"]: row for row in json.loads(run("keys", "--json").output)}
    assert rows["live.goal3"]["keys"] == ["ctrl+f 3", "f12"]
    assert rows["live.leader"]["keys"] == ["ctrl+f"]
    (config / "keymap.toml").write_text('"live.goal9" = "f12"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["keys"])
    assert result.exit_code == 2 and "live.goal9" in result.output
    (config / "keymap.toml").write_text('"live.goal3" = "ctrl+nope"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["keys"])
    assert result.exit_code == 2 and "live.goal3" in result.output and "nope" in result.output
    (config / "keymap.toml").unlink()
    result = CliRunner().invoke(cli, ["keys", "--screen", "nowhere"])
    assert result.exit_code == 2 and "nowhere" in result.output


def test_keys_show_a_macs_option_characters_only_with_option_keys(tmp_path, monkeypatch) -> None:
    config = tmp_path / "config"
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(config))
    monkeypatch.delenv("INTERVIEW_TUI_OPTION_KEYS", raising=False)
    rows = {row["id"]: row for row in json.loads(run("keys", "--json").output)}
    assert rows["live.goal3"]["keys"] == ["ctrl+y 3", "alt+3"]
    assert rows["live.skip"]["keys"] == ["ctrl+y s", "alt+s"]
    config.mkdir()
    (config / "settings.toml").write_text("option_keys = true\n", encoding="utf-8")
    rows = {row["id"]: row for row in json.loads(run("keys", "--json").output)}
    assert rows["live.goal3"]["keys"] == ["ctrl+y 3", "alt+3", "pound_sign"]
    assert rows["live.skip"]["keys"] == ["ctrl+y s", "alt+s", "ß"]
    assert rows["live.speaker"]["keys"] == ["ctrl+y w", "alt+w", "f5", "n_ary_summation"]
    (config / "keymap.toml").write_text('"live.goal3" = "f12"\n', encoding="utf-8")
    rows = {row["id"]: row for row in json.loads(run("keys", "--json").output)}
    assert rows["live.goal3"]["keys"] == ["ctrl+y 3", "f12", "pound_sign"]
    shown = json.loads(run("settings", "--json").output)
    assert {"key": "option_keys", "value": True, "source": str(config / "settings.toml")} in shown[
        "settings"
    ]
    monkeypatch.setenv("INTERVIEW_TUI_OPTION_KEYS", "false")
    rows = {row["id"]: row for row in json.loads(run("keys", "--json").output)}
    assert rows["live.goal3"]["keys"] == ["ctrl+y 3", "f12"]


def test_settings_init_explains_option_keys(tmp_path, monkeypatch) -> None:
    import tomllib

    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(tmp_path / "config"))
    run("settings", "--init")
    text = (tmp_path / "config" / "settings.toml").read_text(encoding="utf-8")
    assert "# option_keys = false" in text and "¡ ™ £ ¢ ∞ § ¶ ß ∑" in text
    uncommented = "\n".join(
        line.removeprefix("# ") for line in text.splitlines() if line.startswith("# option_keys")
    )
    assert tomllib.loads(uncommented) == {"option_keys": False}


def test_demo_without_a_database_named_never_touches_your_own(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("INTERVIEW_TUI_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    home = tmp_path / "data" / "interview-tui"
    assert (home / "demo.db").exists() and not (home / "interview.db").exists()
    assert "demo.db" in result.output and "interview.db" in result.output
    listed = CliRunner().invoke(cli, ["--db", str(home / "demo.db"), "visits", "--json"])
    assert len(json.loads(listed.output)) == 4
