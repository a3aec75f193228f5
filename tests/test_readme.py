"""README stays true: its quick start is what CI runs. (Its links, size and the commands it
names are checked with the manual's in test_docs.py.)"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands() -> None:
    install_and_demo, tests = _quick_start()
    assert "pip install ." in install_and_demo and "demo --open" in install_and_demo
    assert "pip install '.[test]'" in tests and tests.endswith("pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    _, tests = _quick_start()
    for step in tests.split(" && "):
        program = step.split()[0].split("/")[-1]
        assert program in ci, f"CI does not run {step!r}"
    assert "'.[test]'" in ci and ".venv/bin/pytest" in ci
