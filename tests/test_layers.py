"""Layers hold in a fresh interpreter: non-UI modules never load Textual, ``--help`` loads
no command module, and the start-up path stays light."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import interview_tui

_UI = ("interview_tui.tui", "interview_tui.cli.tui_cmd", "interview_tui.__main__")


def _non_ui_modules() -> list[str]:
    names = [info.name for info in pkgutil.walk_packages(interview_tui.__path__, "interview_tui.")]
    return sorted(name for name in names if not name.startswith(_UI))


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, check=True)  # fmt: skip
    return set(result.stdout.split())


@pytest.mark.parametrize("module", _non_ui_modules())
def test_non_ui_module_does_not_load_textual(module: str) -> None:
    loaded = _loaded_after(f"import {module}")
    assert not {name for name in loaded if name == "textual" or name.startswith("textual.")}


def test_help_loads_no_command_module() -> None:
    code = ("from interview_tui.cli.main import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass")  # fmt: skip
    loaded = _loaded_after(code)
    ours = {name for name in loaded if name.startswith("interview_tui.")}
    # the language (settings.toml, found through the store's paths) and the catalog, no more
    assert not {name for name in ours if name.endswith("_cmd")}, sorted(ours)
    assert not {name for name in ours if name.split(".")[1] in {
        "services", "exports", "tui", "banks", "lint", "domain"}}, sorted(ours)
    assert not {name for name in loaded if name.split(".")[0] in {
        "textual", "pydantic", "pydantic_settings", "sqlite_utils", "rich"}}
