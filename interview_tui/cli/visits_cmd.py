"""``interview-tui visits``: the visits in the database, newest first."""

from __future__ import annotations

import click

from interview_tui.cli.helptext import Localised
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo, echo_json


@click.command("visits", cls=Localised)
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", type=click.IntRange(min=0), default=0)
@click.option("--archived", is_flag=True)
@pass_settings
def visits(settings: Settings, as_json: bool, limit: int, archived: bool) -> None:
    """List visits with their id, customer, date and status (archived ones left out)."""
    from interview_tui.domain.enums import VisitStatus
    from interview_tui.domain.names import display_of
    from interview_tui.i18n import pad, t

    store = settings.open_store(read_only=True)
    rows = (  # read and written one at a time: every visit of a career in flat memory
        {
            "id": row["id"],
            "customer": row["customer"],
            "date": row["date"][:16].replace("T", " "),
            "status": row["status"],
            "purpose": row["purpose"] or "",
            "archived": row["archived_at"] is not None,
        }
        for row in store.iter_visit_rows(limit=limit or None, archived=archived)
    )
    if limit:  # a page, held to say whether it was cut
        page = list(rows)
        rows = (row for row in page)
        if len(page) == limit:
            echo(t("cli.visits.showing", limit=limit), err=True)
    if as_json:
        echo_json(rows)
        return
    shown = 0
    for row in rows:
        shown += 1
        mark = "  " + t("cli.visits.archived") if row["archived"] else ""
        status = pad(display_of(VisitStatus, row["status"]), 9)
        echo(f"{row['id']:>5}  {row['date']}  {status}  {row['customer']}{mark}")
    if not shown:
        echo(t("cli.visits.none"))
