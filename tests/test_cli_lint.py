"""``interview-tui lint``: compiler-style text, one JSON array, exit 0 / 1 / 2."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.lint import detect_language

BANK = """\
[bank]
id = "mine"
language = "en"
title = "Mine"

[[questions]]
id = "good"
role = "tech_execution"
goal = "pain_points"
text = "Which alert woke your on-call engineer most often last month?"
research = "Their status page showed three incidents in October."
purpose = "Ranks pains by cost."
follow_ups = ["How long did the longest one take to resolve?"]

[[questions]]
id = "cheap"
role = "procurement"
goal = "usage_vendors"
text = "Would you like lower prices?"
research = "They renewed in June."
purpose = "Price sensitivity."
follow_ups = ["Which line item grew most this year?"]

[[questions]]
id = "accepted"
role = "business"
goal = "direction_feedback"
text = "If we launched a Riyadh region, would you move traffic there?"
research = "They opened a Riyadh office in May."
purpose = "Go / no-go on the region."
follow_ups = ["What latency do your Riyadh users see today?"]
allow = ["hypothetical"]
"""


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def bank(tmp_path: Path, text: str = BANK) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_text_output_is_compiler_style(tmp_path: Path) -> None:
    path = bank(tmp_path)
    result = run("lint", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:15: cheap: obvious-answer: ")
    assert not any(": good:" in line or ": accepted:" in line for line in lines)


def test_json_has_one_object_per_question_in_order(tmp_path: Path) -> None:
    result = run("lint", "--format", "json", str(bank(tmp_path)))
    data = json.loads(result.stdout)
    assert [item["id"] for item in data] == ["good", "cheap", "accepted"]
    assert [item["shallow"] for item in data] == [False, True, False]
    assert data[1]["line"] == 15 and data[1]["path"].endswith("mine.toml")
    finding = data[1]["findings"][0]
    assert set(finding) >= {"code", "severity", "message", "suggestion"}
    assert data[2]["findings"][0] == data[2]["findings"][0] | {
        "code": "hypothetical",
        "accepted": True,
    }


def test_stdin_one_question_per_line_language_per_question() -> None:
    text = "Do you want fewer outages?\n\n上周二的故障切换是否触发了值班告警？\n"
    result = run("lint", "--format", "json", "-", input=text)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(d["language"], d["shallow"]) for d in data] == [
        ("en", True),
        ("en", False),  # the blank line keeps its place
        ("zh-CN", False),
    ]
    assert set(data[0]) == {"text", "language", "shallow", "findings"}


def test_stdin_json_is_one_array_one_result_per_line_in_input_order() -> None:
    lines = [
        "Do you want fewer outages?",
        "Which alert woke your on-call engineer most often last month?",
        "您觉得我们的控制台怎么样？",
        "  ",
        "上周二的故障切换是否触发了值班告警？",
        "Any other thoughts?",
    ] * 50
    result = run("lint", "--format", "json", "-", input="\ufeff" + "\r\n".join(lines) + "\r\n")
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == len(lines)
    assert [d["text"] for d in data] == lines
    assert [d["shallow"] for d in data[:6]] == [True, False, True, False, False, True]
    assert all({"text", "shallow"} <= set(d) for d in data)


def test_messages_and_guides_follow_lang_and_name_the_question_own_subject() -> None:
    text = "您觉得我们的控制台怎么样？\nDo you want lower prices on storage?\n"
    english = json.loads(run("--lang", "en", "lint", "--format", "json", "-", input=text).stdout)
    chinese = json.loads(run("--lang", "zh", "lint", "--format", "json", "-", input=text).stdout)
    for data, language in ((english, "en"), (chinese, "zh-CN")):
        for item in data:
            finding = item["findings"][0]
            assert detect_language(finding["message"]) == language, finding
            assert not finding["rewrite"], finding  # a guide, in the interface's language
            words = re.sub(r'"[^"]*"|“[^”]*”', "", finding["suggestion"])  # the subject quoted
            assert detect_language(words) == language, finding
    for data in (english, chinese):
        assert "控制台" in data[0]["findings"][0]["suggestion"]  # the subject as it was written
        assert "storage" in data[1]["findings"][0]["suggestion"]


def test_clean_input_exits_zero() -> None:
    result = run("lint", "-", input="Did Tuesday's failover page your on-call engineer?\n")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_schema_errors_exit_two_with_file_and_line(tmp_path: Path) -> None:
    path = bank(tmp_path, BANK.replace('role = "procurement"', 'role = "cfo"'))
    result = run("lint", str(path))
    assert result.exit_code == 2
    assert f"{path}:17: cheap: role:" in result.stderr


def test_unreadable_file_exits_two(tmp_path: Path) -> None:
    result = run("lint", str(tmp_path / "missing.toml"))
    assert result.exit_code == 2
    assert "cannot read the bank" in result.stderr


def test_bundled_banks_have_no_shallow_question() -> None:
    root = Path(__file__).resolve().parent.parent / "question_banks"
    result = run("lint", "--format", "json", str(root))
    data = json.loads(result.stdout)
    shallow = [d["id"] for d in data if d["shallow"] or any(f["shallow"] for f in d["follow_ups"])]
    assert len(data) >= 96 and shallow == []
    assert result.exit_code == 0, result.stderr


def test_lint_does_not_import_textual(tmp_path: Path) -> None:
    path = bank(tmp_path)
    code = (
        "import sys\nfrom interview_tui.cli.main import cli\n"
        f"try:\n    cli.main(['lint', {str(path)!r}], standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "print('TEXTUAL=' + str(any(m.startswith('textual') for m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "TEXTUAL=False"


def test_a_long_file_linted_on_every_core_gives_the_same_array(monkeypatch) -> None:
    from interview_tui.cli import lint_cmd

    lines = [
        "Do you want fewer outages?",
        "",
        "你们希望少点故障吗？",
        "Which alert woke your on-call engineer most often last month?",
    ] * 40
    text = "\n".join(lines) + "\n"
    serial = run("lint", "--format", "json", "-", input=text).stdout
    monkeypatch.setattr(lint_cmd, "PARALLEL_FROM", 20)
    monkeypatch.setattr(lint_cmd.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert lint_cmd._workers(len(lines)) == (2 if sys.platform == "linux" else 1)
    parallel = run("lint", "--format", "json", "-", input=text).stdout
    assert parallel == serial
    assert len(json.loads(parallel)) == len(lines)
