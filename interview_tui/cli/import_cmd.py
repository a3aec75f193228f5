"""``interview-tui import``: bring back a visit exported with ``--format json``."""

from __future__ import annotations

from pathlib import Path

import click

from interview_tui.cli.helptext import Localised
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo


@click.command("import", cls=Localised)
@click.argument("path", metavar="FILE", type=click.Path(path_type=Path))
@pass_settings
def import_visit(settings: Settings, path: Path) -> None:
    """Import a visit from FILE (JSON written by `interview-tui export --format json`).

    The whole file is checked before anything is written; a bad value is reported with its
    place in the file (e.g. notes[3].text). Files over 64 MiB are refused. A visit that is
    already here (the same uid) is updated in place, never copied; its records that the
    file does not hold are kept.
    """
    from interview_tui.exports.bundle import check_export, existing_visit, import_checked
    from interview_tui.exports.importing import read_json_file

    checked = check_export(read_json_file(path), source=str(path))  # before the database opens
    store = settings.open_store()
    updated = existing_visit(store, checked) is not None
    visit = import_checked(store, checked)
    from interview_tui.i18n import t

    echo(t("cli.import.updated" if updated else "cli.import.imported", id=visit.id))
