"""A settings file or a question bank that is not valid TOML is said so in the user's
language, with the line and the column (it was Python's English, ``Invalid value (at line 2,
column 8)``, inside a Chinese line)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_tui.banks.loader import load_bank_file
from interview_tui.cli.main import cli
from interview_tui.i18n import set_language, t
from interview_tui.reading import toml_problem

#: broken texts: (TOML, the line, where as "line:column" or "end", the catalog key of why)
BROKEN = [
    ('lang = "zh"\nname = \n', 2, "2:8", "value"),
    ("lang = zh\n", 1, "1:8", "value"),
    ("name = ", None, "end", "value"),
    ("[team\n", 1, "1:6", "header"),
    ('name = "Li\n', 1, "1:11", "control"),  # a line break inside quotes
    ("name = 'Li", None, "end", "unterminated"),
    ("name = '''Li", None, "end", "unterminated"),
    ("a = 1 2\n", 1, "1:7", "end_of_line"),
    ("a = 1\na = 2\n", 2, "2:6", "twice"),
    ("[t]\na = 1\n[t]\n", 3, "3:3", "twice"),
    ('a = "x\\q"\n', 1, "1:9", "escape"),
    ('a = "\\uD800"\n', 1, "1:12", "unicode_escape"),
    ("= 1\n", 1, "1:1", "statement"),
    ("a = [1, 2\n", None, "end", "array"),
    ("a = {b = 1\n", 1, "1:11", "inline_table"),
    ('a = "x\ty"\n'.replace("\t", "\x01"), 1, "1:7", "control"),
    ("a b = 1\n", 1, "1:3", "equals"),
    ("a = 2026-02-30\n", 1, "1:5", "date"),
    ("@ = 1\n", 1, "1:1", "statement"),
]


def _problem(text: str) -> tuple[int | None, str, str]:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    return toml_problem(caught.value)


@pytest.mark.parametrize(("text", "line", "where", "why"), BROKEN)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_reason_tomllib_gives_is_said_in_the_users_language(
    text, line, where, why, language
) -> None:
    set_language(language)
    try:
        found_line, found_where, found_why = _problem(text)
        if where == "end":
            expected = t("read.at_end")
        else:
            number, column = where.split(":")
            expected = t("read.at", line=int(number), column=int(column))
        assert (found_line, found_where, found_why) == (line, expected, t(f"read.toml.{why}"))
        if language == "zh":  # no English left in what is said
            assert set(re.findall("[A-Za-z]{2,}", found_where + found_why)) <= {"TOML"}
    finally:
        set_language("en")


def test_a_reason_it_does_not_know_is_said_plainly() -> None:
    line, where, why = toml_problem(tomllib.TOMLDecodeError("Something new (at line 4, column 2)"))
    assert (line, where, why) == (4, "line 4, column 2", t("read.toml.other"))


def test_broken_settings_are_said_in_chinese_with_line_and_column(
    demo_store, tmp_path: Path, monkeypatch
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('lang = "zh"\nname = \n', encoding="utf-8")
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("INTERVIEW_TUI_LANG", "zh")
    result = CliRunner().invoke(cli, ["--db", demo_store.path, "settings"])
    set_language("en")
    assert result.exit_code == 0
    said = [line for line in result.stderr.splitlines() if "settings.toml" in line]
    assert len(said) == 1, result.stderr
    assert "第 2 行第 8 列：不是 TOML 认识的值" in said[0], said[0]
    words = set(re.findall("[A-Za-z]{2,}", said[0].replace(str(config), "")))
    assert words <= {"interview", "tui", "settings", "toml", "TOML"}, words


def test_a_broken_bank_names_its_line_and_why_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[bank]\ntitle = "团队题库"\nlanguage = zh\n', encoding="utf-8")
    set_language("zh")
    try:
        [error] = load_bank_file(path).errors
        said = str(error)
    finally:
        set_language("en")
    assert said.startswith(f"{path}:3:"), said
    assert "不是 TOML 认识的值" in said and not re.search(
        "[A-Za-z]{2,}", said.replace(str(path), "").replace("TOML", "")
    ), said


def test_a_bank_cut_off_at_its_end_names_its_last_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.toml"
    path.write_text('[bank]\ntitle = "Team bank"\nlanguage = "en', encoding="utf-8")
    [error] = load_bank_file(path).errors
    assert str(error).startswith(f"{path}:3:"), str(error)
    assert f"{t('read.at_end')}: {t('read.toml.unterminated')}" in str(error)
