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
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    return set(result.stdout.split())


def _textual(loaded: set[str]) -> set[str]:
    return {name for name in loaded if name == "textual" or name.startswith("textual.")}


def test_no_non_ui_module_loads_textual() -> None:
    """Every non-UI module imported into one fresh interpreter loads no Textual: imports only
    add to ``sys.modules``, so this holds exactly when it holds for each module alone (one
    interpreter instead of one per module). On failure, each module is tried alone to name
    the ones that load it."""
    modules = _non_ui_modules()
    assert len(modules) > 50, modules  # the walk found the package
    loaded = _loaded_after("\n".join(f"import {module}" for module in modules))
    if _textual(loaded):
        culprits = [module for module in modules if _textual(_loaded_after(f"import {module}"))]
        pytest.fail(f"these modules load Textual: {culprits}")


def test_help_loads_no_command_module() -> None:
    code = (
        "from interview_tui.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    loaded = _loaded_after(code)
    ours = {name for name in loaded if name.startswith("interview_tui.")}
    # the language (settings.toml, found through the store's paths) and the catalog, no more
    assert not {name for name in ours if name.endswith("_cmd")}, sorted(ours)
    assert not {
        name
        for name in ours
        if name.split(".")[1] in {"services", "exports", "tui", "banks", "lint", "domain"}
    }, sorted(ours)
    assert not {
        name
        for name in loaded
        if name.split(".")[0]
        in {"textual", "pydantic", "pydantic_settings", "sqlite_utils", "rich"}
    }


#: commands a script or a shell prompt runs often -> what they must never load
_LIGHT_COMMANDS = {
    ("keys", "--json"): {"textual", "pydantic", "pydantic_settings", "interview_tui.tui"},
    ("export", "{visit}", "--format", "json"): {  # the records as they are, read from rows
        "textual",
        "pydantic",
        "pydantic_settings",
        "interview_tui.domain.models",
        "interview_tui.tui",
        "interview_tui.exports.reports",
        "interview_tui.exports.mail_calendar",
        "interview_tui.services",
        "icalendar",
    },
    # the recap and the calendar never check a promise against the plan's limits (the
    # check's 539 patterns take a third of a second to compile) nor lint a question
    ("export", "{visit}", "--format", "recap-md"): {
        "textual",
        "pydantic_settings",
        "interview_tui.tui",
        "interview_tui.services.authority",
        "interview_tui.lint.engine",
    },
    ("export", "{visit}", "--format", "ics"): {
        "textual",
        "pydantic_settings",
        "interview_tui.tui",
        "interview_tui.services.authority",
        "interview_tui.lint.engine",
    },
    ("commitments", "--due-soon"): {
        "textual",
        "pydantic",
        "pydantic_settings",
        "interview_tui.tui",
    },
}


@pytest.mark.parametrize("argv", list(_LIGHT_COMMANDS), ids=" ".join)
def test_light_commands_do_not_load_textual_pydantic_settings_or_screens(
    argv, demo_store, tmp_path
) -> None:
    visit = demo_store.query("SELECT min(id) AS id FROM visits")[0]["id"]
    (tmp_path / "config").mkdir()
    # a real settings file with a value of each kind (text, yes/no, number) read as usual
    (tmp_path / "config" / "settings.toml").write_text(
        'name = "Lin"\nemail = "lin@example.com"\nalarm = false\nalarm_days_before = 2\n',
        encoding="utf-8",
    )
    args = ["--db", str(demo_store.path), *(part.format(visit=visit) for part in argv)]
    code = (
        "import os, sys\n"
        "from interview_tui.cli.main import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print('\\nLOADED=' + ','.join(sorted(sys.modules)))"
    )
    env = {**__import__("os").environ, "INTERVIEW_TUI_CONFIG_DIR": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    output, _, loaded = result.stdout.rpartition("\nLOADED=")
    assert output.strip(), "the command printed nothing"
    forbidden = _LIGHT_COMMANDS[argv]
    heavy = {
        name
        for name in loaded.split(",")
        if any(name == top or name.startswith(top + ".") for top in forbidden)
    }
    assert not heavy, sorted(heavy)


def test_the_plan_opens_without_compiling_the_authority_check() -> None:
    """The plan's code (its first opening, or the preload) leaves the authority check to its
    first use, a prepared answer's check (the preload loads it last, while the user reads)."""
    loaded = _loaded_after("import interview_tui.tui.plan.plan_screen")
    assert "interview_tui.tui.plan.plan_screen" in loaded
    assert "interview_tui.services.authority" not in loaded
