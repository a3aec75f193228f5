"""``interview-tui visit``: change one visit's status, archive, restore or delete it for good.

The same services as the app: status moves follow the visit life cycle, deleting is only
for an archived visit and says what goes with it (``--yes`` to go ahead).
"""

from __future__ import annotations

import click

from interview_tui.cli.helptext import LocalisedGroup
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo
from interview_tui.i18n import t

_STATUSES = ["planned", "rehearsed", "live", "done"]


@click.group("visit", cls=LocalisedGroup)
def visit() -> None:
    """Change one visit: status, archive, restore, delete for good."""


@visit.command("status")
@click.argument("visit_id", metavar="VISIT", type=int)
@click.argument("status", type=click.Choice(_STATUSES))
@pass_settings
def status(settings: Settings, visit_id: int, status: str) -> None:
    """Move VISIT to STATUS (planned → rehearsed → live → done, and back where allowed)."""
    from interview_tui.domain.names import display
    from interview_tui.services.visits import move_visit

    moved = move_visit(settings.open_store(), visit_id, status)
    echo(t("cli.visit.moved", id=moved.id, status=display(moved.status)))


def _archive(settings: Settings, record_id: int, archived: bool) -> None:
    from interview_tui.services.archive import set_archived

    set_archived(settings.open_store(), "visit", record_id, archived)
    echo(t("cli.visit.archived" if archived else "cli.visit.restored", id=record_id))


@visit.command("archive")
@click.argument("visit_id", metavar="VISIT", type=int)
@pass_settings
def archive_visit(settings: Settings, visit_id: int) -> None:
    """Hide VISIT from lists, keeping everything in it (`visit restore` brings it back)."""
    _archive(settings, visit_id, True)


@visit.command("restore")
@click.argument("visit_id", metavar="VISIT", type=int)
@pass_settings
def restore_visit(settings: Settings, visit_id: int) -> None:
    """Bring an archived VISIT back into the lists."""
    _archive(settings, visit_id, False)


@visit.command("delete")
@click.argument("visit_id", metavar="VISIT", type=int)
@click.option("--yes", is_flag=True)
@pass_settings
def delete_visit(settings: Settings, visit_id: int, yes: bool) -> None:
    """Delete an archived VISIT for good, with its notes, requirements and commitments."""
    from interview_tui.services.archive import check_deletable, delete_for_good, impact

    store = settings.open_store()
    check_deletable(store, "visit", visit_id)
    found = impact(store, "visit", visit_id)
    goes = t("list.separator").join(
        t(f"archive.impact.{what}", count=n) for what, n in found.counts().items()
    )
    echo(
        t(
            "cli.visit.delete_impact",
            id=visit_id,
            name=found.name,
            what=goes or t("cli.visit.nothing_else"),
        ),
        err=True,
    )
    question = t("cli.confirm_no", question=t("cli.visit.confirm_delete"))
    if not yes and not click.confirm(question, default=False, show_default=False, err=True):
        raise click.exceptions.Exit(1)
    delete_for_good(store, "visit", visit_id)
    echo(t("cli.visit.deleted", id=visit_id))
