"""``interview-tui import``: bring back a visit exported with ``--format json``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo


@click.command("import")
@click.argument("path", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@pass_settings
def import_visit(settings: Settings, path: Path) -> None:
    """Import a visit from FILE (JSON written by `interview-tui export --format json`)."""
    from interview_tui.errors import UserError
    from interview_tui.exports.bundle import import_json_data

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", 1)
        raise UserError(f"{path}:{line}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise UserError(f"{path}: not an interview-tui visit export")
    visit = import_json_data(settings.open_store(), data)
    echo(f"imported visit {visit.id}")
