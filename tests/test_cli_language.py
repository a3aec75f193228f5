"""``--lang zh``: every command's output, its errors and every export rendering speak Chinese.

The check: no English word of our own catalog (the ``[en]`` values, less the words the
Chinese catalog uses too, such as ``esc`` or ``JSON``) and no unfilled ``{placeholder}`` in
what a command prints, once user data (every text of the database, the banks' titles),
ids, paths, options and commands are taken out. ``--json`` output is data and not checked.
"""

from __future__ import annotations

import email
import json
import re
import sqlite3
from collections.abc import Iterable
from email.policy import default as default_policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_tui.banks.schema import BankInfo, BankQuestion
from interview_tui.cli.helptext import every_path
from interview_tui.cli.main import cli
from interview_tui.i18n import catalog, set_language
from interview_tui.settings import KEYS

_PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^{}]*)?\}")  # {name} or {name:,}
_WORD = re.compile(r"[A-Za-z]{3,}")
#: not words of the interface: spans the user types or reads as ids
_NOT_WORDS = [
    re.compile(r"`[^`]*`"),  # a command to type
    re.compile(r"'[^'\n]*'"),  # a quoted command or value
    re.compile(r'"[^"\n]*"'),
    re.compile(r"\S*[A-Za-z0-9][._+@:/\\-][A-Za-z0-9]\S*"),  # ids, keys, paths, options, times
    re.compile(r"--[a-z-]+"),
    re.compile(r"[\[{][a-z|-]+[\]}]"),  # the values a choice takes: [en|zh], {planned|done}
]
#: ids the user writes (settings keys, TOML values) and names of things, not our words
_IDS = {*KEYS, "true", "false", "interview", "tui"}


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def _entries(language: str) -> Iterable[str]:
    for entry in catalog(language).values():
        if isinstance(entry, dict):
            yield from (form for key, form in entry.items() if key != "by")
        else:
            yield entry


def ui_words() -> set[str]:
    """Our English words: the en catalog's, less those the zh catalog uses too (esc, JSON …)."""

    def strip(text: str) -> str:
        text = _PLACEHOLDER.sub(" ", text)
        for pattern in _NOT_WORDS:
            text = pattern.sub(" ", text)
        return text

    english = set().union(*(_words(strip(text)) for text in _entries("en")))
    shared = set().union(*(_words(strip(text)) for text in _entries("zh-CN")))
    return english - shared - _IDS


UI_WORDS = ui_words()


def english_left(text: str, data: list[str]) -> set[str]:
    """Our English words in ``text`` once user data, ids, paths and commands are out."""
    for key in KEYS:  # settings keys first: a user's "me" must not leave "the" of "theme"
        text = re.sub(rf"\b{key}\b", " ", text)
    for value in data:  # longest first, so a name inside a longer text goes with it
        text = text.replace(value, " ")
    for pattern in _NOT_WORDS:
        text = pattern.sub(" ", text)
    return {word for word in _words(text) if word in UI_WORDS}


def user_data(db: Path) -> list[str]:
    """Every text of every table, as stored and as exports write it (one line, ``&lt;``)."""
    from interview_tui.banks.library import load_library

    found: set[str] = set()
    with sqlite3.connect(db) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
            )
        ]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str) and value.strip():
                        found |= _forms(value)
                        if value[:1] in "[{":
                            found |= _json_strings(value)
    for load in load_library().loads:
        if load.bank is not None:
            found |= {load.bank.title, *(q.text for q in load.bank.questions)}
    return sorted(found, key=len, reverse=True)


def _forms(value: str) -> set[str]:
    one_line = " ".join(value.split())
    return {value, one_line, one_line.replace("<", "&lt;"), *value.splitlines()} - {""}


def _json_strings(value: str) -> set[str]:
    try:
        data = json.loads(value)
    except ValueError:
        return set()
    out: set[str] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and item.strip():
            out |= _forms(item)
        elif isinstance(item, dict):
            stack += item.values()
        elif isinstance(item, list):
            stack += item
    return out


def readable(output: str) -> str:
    """What a person reads of an output: an e-mail's subject and body, a calendar's texts."""
    if output.startswith("BEGIN:VCALENDAR"):
        unfolded = re.sub(r"\r?\n ", "", output).splitlines()
        keep = ("SUMMARY:", "DESCRIPTION:", "CATEGORIES:", "X-WR-CALNAME:")
        texts = [line.split(":", 1)[1] for line in unfolded if line.startswith(keep)]
        return "\n".join(
            text.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
            for text in texts
        )
    if "\nMessage-ID:" in output or output.startswith("Subject:"):
        message = email.message_from_string(output, policy=default_policy)
        return f"{message['Subject']}\n{message.get_content()}"
    return output


@pytest.fixture
def demo_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo with a few synthetic visits; what goes to the customer in the UI's language."""
    monkeypatch.setenv("INTERVIEW_TUI_RECAP_LANG", "ui")
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "demo", "--visits", "3"])
    assert result.exit_code == 0, result.output
    return db


def _commands(db: Path, tmp: Path) -> list[tuple[list[str], str | None]]:
    """Each subcommand with typical arguments, in an order that keeps every one meaningful."""
    runner = CliRunner()
    listed = json.loads(runner.invoke(cli, ["--db", str(db), "commitments", "--json"]).stdout)
    rows = listed["commitments"]
    open_ours = [r["id"] for r in rows if r["state"] == "open" and r["owner"] == "us"]
    flagged = [r["id"] for r in rows if not r["within_authority"]] or [open_ours[0]]
    visits = json.loads(runner.invoke(cli, ["--db", str(db), "visits", "--json"]).stdout)
    ids = [v["id"] for v in visits]
    chased = [v["id"] for v in visits if v["customer"] == "星河视频"][-1]
    export = tmp / "visit.json"
    bank = Path(__file__).parent.parent / "question_banks" / "zh-CN" / "general.toml"
    commands: list[tuple[list[str], str | None]] = [
        (["visits"], None),
        (["visits", "--archived", "--limit", "2"], None),
        (["visit", "status", str(ids[0]), "rehearsed"], None),
        (["visit", "archive", str(ids[-1])], None),
        (["visit", "restore", str(ids[-1])], None),
        (["visit", "archive", str(ids[-1])], None),
        (["visit", "delete", str(ids[-1])], "n\n"),
        (["visit", "delete", str(ids[-1]), "--yes"], None),
        (["banks"], None),
        (["lint", str(bank)], None),
        (["lint", "-"], "你们满意吗\n"),
        (["commitments"], None),
        (["commitments", "--open"], None),
        (["commitments", "--overdue"], None),
        (["commitments", "--week"], None),
        (["commitments", "--due-soon"], None),
        (["commitments", "--owner", "customer"], None),
        (["commitments", "--owner", "没有这个人"], None),
        (["commitments", "done", str(open_ours[0]), "--note", "已发送"], None),
        (["commitments", "reopen", str(open_ours[0]), "--reason", "客户还需要"], None),
        (["commitments", "reschedule", str(open_ours[0]), "+14d", "--reason", "延期"], None),
        (["commitments", "drop", str(open_ours[1]), "--reason", "客户取消"], None),
        (["commitments", "override", str(flagged[0]), "--reason", "领导同意"], None),
        (["calendar"], None),
        (["calendar", "--customer", "星河"], None),
        (["calendar", "-o", str(tmp / "all.ics")], None),
        (["search", "延迟"], None),
        (["search", "没有这个词"], None),
        (["keys"], None),
        (["keys", "--screen", "live"], None),
        (["settings"], None),
        (["export", str(chased), "--format", "json", "-o", str(export)], None),
        (["import", str(export)], None),
        (["export", str(chased), "--format", "report-md", "-o", str(tmp / "r.md")], None),
    ]
    for visit in (ids[0], chased):
        for fmt in ("report-md", "recap-md", "eml", "ics"):
            commands.append((["export", str(visit), "--format", fmt], None))
        commands.append((["export", str(visit), "--format", "eml", "--report"], None))
    commands.append((["export", str(chased), "--format", "chase-eml"], None))
    commands += [  # errors
        (["export", "9999", "--format", "ics"], None),
        (["live", "9999"], None),
        (["commitments", "done", "9999"], None),
        (["visit", "status", "9999", "done"], None),
        (["visit", "delete", str(ids[0]), "--yes"], None),
        (["export", str(chased), "--format", "report-md", "-o", str(tmp / "r.md")], None),
        (["export", str(chased), "--format", "ics", "-o", str(tmp / "no" / "x.ics")], None),
        (["calendar", "--customer", "没有这个客户"], None),
        (["import", str(tmp / "missing.json")], None),
        (["commitments", "reschedule", str(open_ours[0]), "明年某天", "--reason", "x"], None),
        (["commitments", "nothing"], None),
        (["visits", "--nothing"], None),  # click's own
        (["commitments", "done"], None),
        (["commitments", "drop", "1"], None),
        (["visit", "status", str(ids[0]), "gone"], None),
        (["visits", "--limit", "-1"], None),
        (["export", str(chased), "--format", "ics", "more"], None),
    ]
    return commands


#: a Chinese label followed by a Western colon or opening parenthesis: the catalog's
#: ``punct.label`` / ``punct.aside`` give the full-width forms
_WESTERN_AFTER_CHINESE = re.compile(r"[\u4e00-\u9fff](?:: | \()")


def _key_descriptions(output: str) -> str:
    """``keys`` prints screen, id, keys (all ids) and then what the key does."""
    return "\n".join(re.split(r"\s{2,}", line.strip())[-1] for line in output.splitlines())


def _no_snippets(output: str) -> str:
    """``search`` shows a snippet of user text (cut anywhere) under each hit."""
    return "\n".join(line for line in output.splitlines() if not line.startswith("    "))


def test_every_command_speaks_chinese(demo_db: Path, tmp_path: Path) -> None:
    data = user_data(demo_db)
    runner = CliRunner()
    leaks = []
    for args, stdin in _commands(demo_db, tmp_path):
        result = runner.invoke(cli, ["--lang", "zh", "--db", str(demo_db), *args], input=stdin)
        assert not isinstance(result.exception, AssertionError | TypeError | KeyError), args
        output = result.output
        text = _key_descriptions(output) if args[0] == "keys" else readable(result.stdout)
        text = _no_snippets(text) if args[0] == "search" else text
        if args[0] != "keys":
            text += "\n" + result.stderr
        placeholders = _PLACEHOLDER.findall(output)
        english = english_left(text, data)
        punctuation = _WESTERN_AFTER_CHINESE.findall(text)  # 设置文件: … , 设置文件 (…)
        if placeholders or english or punctuation:
            found = f"{sorted(english)} {placeholders} {punctuation}"
            leaks.append(f"{' '.join(args)}: {found}\n{output[:300]}")
    set_language("en")
    assert not leaks, "\n\n".join(leaks)


def test_the_word_list_finds_english() -> None:
    """The check can fail: our own English words are caught, user data and ids are not."""
    data = ["Send the ARM benchmark report"]
    assert english_left("5  2026-11-09  OVERDUE  客户", data) == {"overdue"}
    assert english_left("kept on time (ours): 1/3", data) >= {"kept", "time", "ours"}
    assert english_left("  - user: 平台团队", data) == {"user"}
    assert not english_left("承诺 3:已兑现 · Send the ARM benchmark report", data)
    assert not english_left("已写入 /tmp/open/done.ics · `interview-tui visits` · --limit", data)
    assert {"open", "done", "dropped", "planned", "overdue", "kept"} <= UI_WORDS


def _no_command_names(help_text: str) -> str:
    """A help without the command names (typed as they are): its usage line's command path
    and the first column of its command list."""
    help_text = re.sub(r"^(\S+ )(cli(?: [a-z]+)*)", r"\1", help_text, flags=re.M)
    return re.sub(r"^  [a-z]+(?=  )", " ", help_text, flags=re.M)


@pytest.mark.parametrize("path", [(), *every_path(cli)], ids=lambda path: " ".join(path) or "-")
def test_help_speaks_chinese(path: tuple[str, ...]) -> None:
    """The help of the program and of every command: texts, options, click's own words."""
    result = CliRunner().invoke(cli, ["--lang", "zh", *path, "--help"])
    set_language("en")
    assert result.exit_code == 0, result.output
    assert "用法" in result.output and "显示本帮助并退出" in result.output
    assert not english_left(_no_command_names(result.output), []), result.output
    assert not _PLACEHOLDER.findall(result.output)


@pytest.mark.parametrize(
    "args",
    [
        ["--help", "--lang", "zh"],
        ["--lang", "zh-CN", "--help"],  # as the banks' folders name it
        ["--help", "--lang=zh-cn"],
        ["calendar", "--help"],
        ["--version"],
    ],
)
def test_help_follows_the_language_however_it_is_chosen(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if "--lang" not in args:
        monkeypatch.setenv("INTERVIEW_TUI_LANG", "zh")
    result = CliRunner().invoke(cli, args)
    set_language("en")
    assert result.exit_code == 0, result.output
    assert not english_left(_no_command_names(result.output), []), result.output
    assert re.search("[\u4e00-\u9fff]", result.output)


def test_help_in_english_is_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """The English help of the program and two commands, word for word as it was."""
    monkeypatch.setenv("INTERVIEW_TUI_LANG", "en")
    expected = (Path(__file__).parent / "fixtures" / "help_en.txt").read_text()
    sections = re.split(r"^===== (.*)\n", expected, flags=re.M)
    for name, text in zip(sections[1::2], sections[2::2], strict=True):
        result = CliRunner().invoke(cli, [*name.split(), "--help"], terminal_width=80)
        assert result.output.rstrip("\n") == text.rstrip("\n"), name


def test_chinese_help_fits_the_terminal() -> None:
    """Chinese is wrapped by terminal cells (a character takes two), not by characters."""
    from interview_tui.cli.helptext import cells

    result = CliRunner().invoke(cli, ["--lang", "zh", "calendar", "--help"], terminal_width=80)
    set_language("en")
    assert max(cells(line) for line in result.output.splitlines()) <= 80
    assert len(result.output.splitlines()) > 12  # long paragraphs really were wrapped


def test_click_leftovers_speak_chinese(demo_db: Path) -> None:
    """Type names in usage errors, the confirm prompt's [y/N], full stops."""
    runner = CliRunner()
    base = ["--lang", "zh", "--db", str(demo_db)]
    number = runner.invoke(cli, [*base, "visits", "--limit", "abc"])
    assert "'abc' 不是有效的整数" in number.stderr and "integer" not in number.stderr
    missing = runner.invoke(cli, [*base, "search"])
    first = missing.stderr.splitlines()[0]
    assert "查询词" in first and first.endswith("。"), first
    visits = json.loads(runner.invoke(cli, ["--db", str(demo_db), "visits", "--json"]).stdout)
    runner.invoke(cli, [*base, "visit", "archive", str(visits[0]["id"])])
    asked = runner.invoke(cli, [*base, "visit", "delete", str(visits[0]["id"])], input="n\n")
    set_language("en")
    assert "[y 是/N 否]" in asked.stderr and "[y/N]" not in asked.stderr


def test_a_bad_import_file_is_one_chinese_line_naming_its_field(
    demo_db: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    visits = json.loads(runner.invoke(cli, ["--db", str(demo_db), "visits", "--json"]).stdout)
    visit = next(v for v in visits if v["status"] == "done")  # one with notes and commitments
    exported = tmp_path / "visit.json"
    runner.invoke(
        cli,
        ["--db", str(demo_db), "export", str(visit["id"]), "--format", "json", "-o", str(exported)],
    )
    data = json.loads(exported.read_text())
    cases = {
        "notes[0].text": ("notes", 0, "text", 5),
        "commitments[0].due": ("commitments", 0, "due", "明天"),
        "visit.date": ("visit", None, "date", [1]),
    }
    for where, (section, index, key, value) in cases.items():
        bad = json.loads(json.dumps(data))
        (bad[section] if index is None else bad[section][index])[key] = value
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(bad, ensure_ascii=False))
        result = runner.invoke(cli, ["--lang", "zh", "--db", str(demo_db), "import", str(path)])
        set_language("en")
        assert result.exit_code == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and f"bad.json：{where}：" in lines[0], result.stderr
        assert not english_left(lines[0], [str(path), where]), lines[0]
        assert re.search("[\u4e00-\u9fff]", lines[0].split(where)[1]), lines[0]


def test_a_bad_bank_file_is_reported_in_chinese(tmp_path: Path) -> None:
    """A question bank written by hand: each problem in Chinese, naming the line and field."""
    bank = tmp_path / "mine.toml"
    bank.write_text(
        '[bank]\nid = "mine"\ntitle = "Mine"\nlanguage = "en"\ncolour = "red"\n\n'
        '[[questions]]\nid = "q1"\ntext = "What do you run?"\n\n'
        '[[questions]]\nid = "q1"\ntext = "What else?"\n'
        '[[questions]]\nrole = "nobody"\n'
    )
    result = CliRunner().invoke(cli, ["--lang", "zh", "lint", str(bank)])
    set_language("en")
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if str(bank) in line]
    assert len(lines) >= 3, result.output
    fields = [*BankInfo.model_fields, *BankQuestion.model_fields]  # the keys the author writes
    for line in lines:
        assert not english_left(
            line, [str(bank), "mine", "q1", "nobody", "red", "colour", *fields]
        ), line


def test_a_file_that_cannot_be_read_is_named_with_a_chinese_colon(tmp_path: Path) -> None:
    """`…/bad4.json: 无法读取导出文件（…）`: the path, then an ASCII colon, in Chinese."""
    missing = tmp_path / "missing.json"
    result = CliRunner().invoke(cli, ["--lang", "zh", "import", str(missing)])
    set_language("en")
    assert result.exit_code == 2
    assert f"{missing}：无法读取导出文件" in result.stderr, result.stderr
