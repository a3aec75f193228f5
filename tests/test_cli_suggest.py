"""A mistyped command is told the closest names, in the interface language."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.i18n import set_language


@pytest.fixture(autouse=True)
def _english_after() -> None:
    yield
    set_language("en")


@pytest.mark.parametrize(("lang", "asks"), [("en", "Did you mean"), ("zh", "是否想用")])
@pytest.mark.parametrize(
    ("typed", "meant"),
    [(["vists"], "visits"), (["comitments"], "commitments"), (["visit", "restor", "3"], "restore")],
)
def test_a_mistyped_command_gets_did_you_mean(tmp_path, lang, asks, typed, meant) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "--lang", lang, *typed])
    assert result.exit_code == 2
    line = result.output.splitlines()[0]
    assert asks in line and f"'{meant}'" in line, result.output


def test_a_word_like_no_command_gets_no_guess(tmp_path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "--lang", "en", "zzzz"])
    assert result.exit_code == 2
    assert "No such command 'zzzz'." in result.output and "Did you mean" not in result.output
