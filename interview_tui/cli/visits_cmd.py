"""``interview-tui visits``: the visits in the database, newest first."""

from __future__ import annotations

import click

from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo, echo_json


@click.command("visits")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.option("--limit", default=200, show_default=True, help="At most this many visits.")
@pass_settings
def visits(settings: Settings, as_json: bool, limit: int) -> None:
    """List visits with their id, customer, date and status."""
    store = settings.open_store()
    rows = [
        {"id": row["id"], "customer": row["customer"], "date": row["date"][:16].replace("T", " "),
         "status": row["status"], "purpose": row["purpose"] or ""}
        for row in store.visit_rows(limit=limit)
    ]  # fmt: skip
    if as_json:
        echo_json(rows)
        return
    if not rows:
        echo("no visits yet: run `interview-tui demo` or open the app to plan one")
    for row in rows:
        echo(f"{row['id']:>5}  {row['date']}  {row['status']:<9}  {row['customer']}")
