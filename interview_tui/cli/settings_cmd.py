"""``interview-tui settings``: the effective settings and where each one comes from."""

from __future__ import annotations

from pathlib import Path

import click

from interview_tui.cli.helptext import Localised
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo, echo_json

#: written by ``settings --init``: every key, commented out at its default
TEMPLATE = '''\
# interview-tui settings. Every key is optional; INTERVIEW_TUI_<KEY> overrides it
# (INTERVIEW_TUI_LANG for lang). `interview-tui settings` shows what is in effect.

# You, in every e-mail draft (From header and signature)
# name = "Li Wei"
# email = "li.wei@example.com"
# signature = """
# Li Wei
# Product Manager, Cloud Storage
# """

# Languages: lang is the interface ("en" or "zh"; default: the locale);
# recap_lang is what goes to the customer: "customer" (the visit's script language),
# "ui", "en" or "zh"
# lang = "zh"
# recap_lang = "customer"

# Where the app's export screen suggests writing files
# export_folder = "~/interview-tui-exports"

# Calendar alarm of each commitment: alarm_days_before days before the due date,
# at alarm_time (0 = on the due date itself)
# alarm = true
# alarm_days_before = 1
# alarm_time = "09:00"

# Mac keyboards: with the default false, Option+1…7, s, w type ¡ ™ £ ¢ ∞ § ¶ ß ∑ as text
# like any other character (a UK keyboard's £, a German ß); the live screen's goal, skip and
# speaker keys are ctrl+y 1…7 / s / w, or alt+1…7 / s / w where Option sends Esc+ (Meta).
# true: those characters are the live screen's keys instead (⌥3 tags goal 3), and can no
# longer be typed into a live note (paste them)
# option_keys = false

# Colours: "auto" follows the terminal (a light background in COLORFGBG gives the light
# theme), or "dark" / "light"
# theme = "auto"
'''


@click.command("settings", cls=Localised)
@click.option("--json", "as_json", is_flag=True)
@click.option("--init", "init", is_flag=True)
@pass_settings
def settings(settings: Settings, as_json: bool, init: bool) -> None:
    """Show the effective settings and where each one comes from (file, variable, default)."""
    from interview_tui.errors import UserError
    from interview_tui.i18n import aside, labelled, pad, t
    from interview_tui.settings import KEYS, settings_path

    if init:
        from interview_tui.exports.files import write_private
        from interview_tui.store.paths import make_private_dir

        path = settings_path()
        if path.exists():
            raise UserError(t("settings.init_exists", path=path))
        make_private_dir(path.parent)
        write_private(path, TEMPLATE)
        echo(t("settings.init_written", path=path), err=True)
        return
    loaded = settings.user_settings()
    store_path = settings.db_path
    rows = [
        {"key": key, "value": getattr(loaded.settings, key), "source": loaded.sources[key]}
        for key in KEYS
    ]
    rows.append({"key": "db", "value": str(_db_path(store_path)), "source": _db_source(store_path)})
    if as_json:
        echo_json(
            {
                "file": str(loaded.path),
                "exists": loaded.path.exists(),
                "settings": rows,
                "problems": loaded.problems,
            }
        )
        return
    where = str(loaded.path)
    shown = where if loaded.path.exists() else aside(where, t("settings.file_missing"))
    echo(labelled(t("settings.file"), shown))
    for row in rows:
        value = row["value"]
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, str):
            text = repr(" ⏎ ".join(value.strip().splitlines()))
        else:
            text = str(value)
        echo(f"{pad(row['key'], 18)}  {pad(text, 34)}  {row['source']}")


def _db_path(chosen: Path | None) -> Path:
    from interview_tui.store.paths import default_db_path

    return chosen or default_db_path()


def _db_source(chosen: Path | None) -> str:
    from interview_tui.i18n import t
    from interview_tui.store.paths import DB_ENV

    return f"--db / {DB_ENV}" if chosen is not None else t("settings.source_default")
