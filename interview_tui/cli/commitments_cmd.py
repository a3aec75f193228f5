"""``interview-tui commitments``: every promise across visits, overdue first."""

from __future__ import annotations

from datetime import date

import click

from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo, echo_json


@click.command("commitments")
@click.option("--open", "open_only", is_flag=True, help="Only open commitments.")
@click.option("--overdue", "overdue_only", is_flag=True, help="Only open ones past their due date.")
@click.option("--week", "due_this_week", is_flag=True, help="Only open ones due by Sunday.")
@click.option("--due-soon", "due_soon", is_flag=True,
              help="Only open ones overdue or due within 7 days (for scripts and prompts).")
@click.option("--owner", default="", help="'us', 'customer', or part of the owner's name.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@pass_settings
def commitments(settings: Settings, open_only: bool, overdue_only: bool, due_this_week: bool,
                owner: str, as_json: bool, due_soon: bool = False) -> None:  # fmt: skip
    """List commitments with their customer, owner, due date and state."""
    from interview_tui.i18n import pad
    from interview_tui.services.commitments import CommitmentFilter, kept_on_time, list_commitments

    today = date.today()
    store = settings.open_store(read_only=True)
    filters = CommitmentFilter(open_only=open_only, overdue_only=overdue_only,
                               due_this_week=due_this_week, owner=owner,
                               due_soon=due_soon)  # fmt: skip
    rows = list_commitments(store, today, filters)
    if as_json:
        echo_json([row.to_dict(today) for row in rows])
        return
    if not rows:
        echo("no commitments match", err=due_soon)  # a prompt shows nothing when all is well
        return
    for row in rows:
        c = row.commitment
        due = c.due.isoformat() if c.due else "no date"
        mark = "OVERDUE" if row.is_overdue(today) else c.state.value
        owner_text = f"{c.owner_side.value}:{c.owner_name or '-'}"
        line = (f"{c.id:>5}  {due:<10}  {mark:<8}  {pad(row.customer, 20)}  "
                f"{pad(owner_text, 18)}  {c.text}")  # fmt: skip
        echo(line, fg="red" if row.is_overdue(today) else None)
    overall, _ = kept_on_time(store, today)
    if overall.rate is not None:
        echo(f"kept on time: {overall.kept}/{overall.settled} ({overall.rate:.0%})", err=True)
