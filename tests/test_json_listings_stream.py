"""Every ``--json`` listing that grows with the database is written row by row: the command
hands :func:`echo_json` a generator, never a list of every row (memory stays flat for a
career's visits, requirements and commitments), and the JSON is the same."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from interview_tui.cli import output
from interview_tui.cli.main import cli

LISTINGS = {
    "visits": (["visits", "--json"], "interview_tui.cli.visits_cmd"),
    "visits --archived": (["visits", "--json", "--archived"], "interview_tui.cli.visits_cmd"),
    "pool": (["pool", "--json"], "interview_tui.cli.pool_cmd"),
    "search": (["search", "对账", "--json"], "interview_tui.cli.search_cmd"),
    "commitments": (["commitments", "--json"], "interview_tui.cli.commitments_cmd"),
}


@pytest.mark.parametrize("name", list(LISTINGS))
def test_json_listing_is_streamed_and_unchanged(name, demo_store, monkeypatch) -> None:
    argv, module = LISTINGS[name]
    handed: list[object] = []

    def recording(data) -> None:
        rows = data["commitments"] if isinstance(data, dict) else data
        handed.append(rows)
        output.echo_json(data)

    monkeypatch.setattr(importlib.import_module(module), "echo_json", recording)
    result = CliRunner().invoke(
        cli, ["--lang", "en", "--db", str(demo_store.path), *argv], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    (rows,) = handed
    assert isinstance(rows, Iterator), type(rows)  # a generator, read as it is written
    parsed = json.loads(result.stdout)
    assert parsed["commitments"] if isinstance(parsed, dict) else parsed  # the demo has some
    assert result.stdout == output.json_text(parsed) + "\n"  # as the whole list at once
