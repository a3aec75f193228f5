"""A keymap.toml the app cannot use is said so in the user's language, one line naming the
file, the binding and what to write instead (it was English whatever the user reads)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli

#: (keymap.toml, words of the Chinese line)
KEYMAPS = [
    ('"home.new_visit" = 3\n', "home.new_visit：按键应写成文字"),
    ('"home.new_vist" = "ctrl+k"\n', "没有按键使用这个编号；是否想写 'home.new_visit'？"),
    ('"nothing.here" = "k"\n', "nothing.here：没有按键使用这个编号；请检查拼写"),
    ('"home.new_visit" = "ctrl+bogus"\n', "'bogus' 不是按键名称"),
    ('"home.new_visit" = "hyper2+a"\n', "'hyper2' 不是修饰键"),
    ('"home.new_visit" = ""\n', "home.new_visit：空的按键"),
    ('"home.new_visit" = \n', "无法读取按键映射（第 1 行第 20 列：不是 TOML 认识的值"),
    ('"home.new_visit" = "ctrl+ctrl+?"\n', "'ctrl' 写了两次；每个修饰键只写一次"),
    ('"home.new_visit" = "/"\n', "'slash' 在同一屏幕上也是 home.search 的按键"),
]


@pytest.mark.parametrize(("text", "said"), KEYMAPS, ids=[s for _, s in KEYMAPS])
def test_a_bad_keymap_is_said_in_chinese(tmp_path, monkeypatch, text, said) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keymap.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(config))
    result = CliRunner().invoke(cli, ["--lang", "zh", "--db", str(tmp_path / "x.db"), "keys"])
    assert result.exit_code != 0
    [line] = result.stderr.splitlines()
    assert line.startswith(f"interview-tui：错误：{config / 'keymap.toml'}：") and said in line, (
        line
    )
    left = line.replace(str(config / "keymap.toml"), "")
    words = set(re.findall("[A-Za-z]{2,}", left)) - {"interview", "tui", "TOML"}
    quoted = set(re.findall(r"[A-Za-z_.+0-9]+", " ".join(re.findall(r"'[^']*'|\S+\.\S+", left))))
    words -= {w for q in quoted for w in re.findall("[A-Za-z]{2,}", q)}
    assert words <= {"ctrl", "alt", "shift", "super", "escape", "f5"}, (words, line)
