"""``interview-tui import``: bring back a visit exported with ``--format json``."""

from __future__ import annotations

from pathlib import Path

import click

from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo


@click.command("import")
@click.argument("path", metavar="FILE", type=click.Path(path_type=Path))
@pass_settings
def import_visit(settings: Settings, path: Path) -> None:
    """Import a visit from FILE (JSON written by `interview-tui export --format json`).

    The whole file is checked before anything is written; a bad value is reported with its
    place in the file (e.g. notes[3].text). Files over 64 MiB are refused.
    """
    from interview_tui.exports.bundle import check_export, import_checked
    from interview_tui.exports.importing import read_json_file

    checked = check_export(read_json_file(path), source=str(path))  # before the database opens
    visit = import_checked(settings.open_store(), checked)
    echo(f"imported visit {visit.id}")
