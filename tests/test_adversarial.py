"""A sample of the adversarial harness (benchmarks/adversarial.py): the same case generators,
a smaller sample with fixed seeds. Each family is one test; its failures are listed by case.

The full run (every hostile text through every field, screen and command, the 100 MB files,
every kill point) is ``python benchmarks/adversarial.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import adversarial

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


@pytest.fixture(autouse=True)
def _no_env_database(monkeypatch) -> None:
    """The harness gives every command its own database and config folder."""
    monkeypatch.delenv("INTERVIEW_TUI_DB", raising=False)
    monkeypatch.delenv("INTERVIEW_TUI_CONFIG_DIR", raising=False)


@pytest.mark.parametrize(
    "family",
    list(adversarial.FAMILIES),
    ids=[f"{k}-{v[0].replace(' ', '-')}" for k, v in adversarial.FAMILIES.items()],
)
def test_family(family: str, tmp_path: Path) -> None:
    results = adversarial.run_family(family, tmp_path, quick=True, seed=1)
    assert results, "the family produced no case"
    failures = [f"{name}: {why}" for name, why in results if why is not None]
    assert not failures, f"{len(failures)} of {len(results)} cases failed:\n" + "\n".join(failures)
