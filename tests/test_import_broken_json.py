"""A broken JSON file given to ``import`` is one line, ``file: line and column: why``, the
why in the user's language (it was Python's English, ``Expecting property name enclosed in
double quotes``, in a Chinese line), with the line and the column kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.i18n import set_language, t

#: broken texts: (file content, line, column, the catalog key of why)
BROKEN = [
    ("{x: 1}", 1, 2, "name"),
    ('{"visit": {"id": 1,\n  "notes": [1, 2,,]}}', 2, 18, "value"),
    ("", 1, 1, "value"),
    ('{"a" 1}', 1, 6, "colon"),
    ("[1 2]", 1, 4, "comma"),
    ('{"a": 1} x', 1, 10, "extra"),
    ('{"a": "abc', 1, 7, "unterminated"),
    ('{"a": "x\ny"}', 1, 9, "control"),
    ('{"a": "x\\q"}', 1, 9, "escape"),
    ('{"a": "\\u12"}', 1, 9, "unicode_escape"),
]


def _import(path: Path, *args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(
        cli, [*args, "--db", str(path.with_suffix(".db")), "import", str(path)], env=env
    )
    set_language("en")
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(("text", "line", "column", "why"), BROKEN)
@pytest.mark.parametrize("how", [("--lang", "zh"), ("env",)])
def test_a_broken_file_is_said_broken_in_chinese_with_its_line_and_column(
    tmp_path, text, line, column, why, how
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    args, env = (how, None) if how != ("env",) else ((), {"INTERVIEW_TUI_LANG": "zh"})
    said = _import(path, *args, env=env)
    reason = t(f"read.json.{why}", language="zh-CN")
    assert said == (
        f"interview-tui：错误：{path}：第 {line} 行第 {column} 列："
        f"导出文件不是有效的 JSON（{reason}）"
    )
    words = set(re.findall("[A-Za-z]{2,}", said.replace(str(path), "")))
    assert words <= {"interview", "tui", "JSON"}, words  # no English left: Python's or ours


@pytest.mark.parametrize(("text", "line", "column", "why"), BROKEN)
def test_a_broken_file_is_said_broken_in_english(tmp_path, text, line, column, why) -> None:
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    said = _import(path, "--lang", "en")
    reason = t(f"read.json.{why}", language="en")
    assert said == (
        f"interview-tui: error: {path}: line {line}, column {column}:"
        f" the export is not valid JSON ({reason})"
    )


@pytest.mark.parametrize(("name", "lang"), [("NaN", "zh"), ("Infinity", "en")])
def test_a_number_json_does_not_allow_is_said_in_the_users_language(tmp_path, name, lang) -> None:
    path = tmp_path / "nan.json"
    path.write_text(f'{{"a": {name}}}', encoding="utf-8")
    said = _import(path, "--lang", lang)
    language = "zh-CN" if lang == "zh" else "en"
    why = t("import.not_json_number", language=language, name=name)
    assert why in said and said.endswith(
        t(
            "read.not_json",
            language=language,
            what=t("read.what.export", language=language),
            reason=why,
        )
    )


def test_a_number_too_long_to_read_is_said_in_chinese(tmp_path) -> None:
    path = tmp_path / "long.json"
    path.write_text("[" + "9" * 5000 + "]", encoding="utf-8")
    said = _import(path, "--lang", "zh")
    assert said.endswith(t("read.json.long_number", language="zh-CN") + "）")
    assert "digits" not in said and "limit" not in said


def test_every_reason_python_gives_has_words_of_ours() -> None:
    """Both of Python's decoders (C and pure Python, which adds the character found) and
    the reasons later versions added are read, not left to the fallback."""
    from json import decoder, scanner

    from interview_tui.reading import json_reason

    def pure(text: str) -> None:
        plain = decoder.JSONDecoder()
        plain.parse_string = decoder.py_scanstring  # type: ignore[attr-defined]
        plain.scan_once = scanner.py_make_scanner(plain)
        plain.decode(text)

    other = t("read.json.other")
    for text, _line, _column, why in BROKEN:
        for decode in (json.loads, pure):
            with pytest.raises(json.JSONDecodeError) as caught:
                decode(text)
            assert json_reason(caught.value.msg) == t(f"read.json.{why}"), caught.value.msg
    for message in (
        "Illegal trailing comma before end of object",
        "Illegal trailing comma before end of array",
    ):
        assert json_reason(message) == t("read.json.trailing_comma")
    assert json_reason("Something new") == other
