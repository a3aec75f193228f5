"""``interview-tui pool``: the requirement pool for scripts, with open team conflicts."""

from __future__ import annotations

import click

from interview_tui.cli.helptext import Localised
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo, echo_json
from interview_tui.i18n import t


@click.command("pool", cls=Localised)
@click.option("--json", "as_json", is_flag=True)
@pass_settings
def pool(settings: Settings, as_json: bool) -> None:
    """List the requirement pool: uid, customer, group, state, dates and open conflicts."""
    from interview_tui.domain.names import display
    from interview_tui.i18n import pad
    from interview_tui.services.requirement_pool import pool_listing

    rows = pool_listing(settings.open_store(read_only=True))
    if as_json:
        echo_json(rows)
        return
    shown = 0
    for row in rows:
        shown += 1
        conflicts = (
            t("cli.pool.conflicts", fields=", ".join(row["conflicts"])) if row["conflicts"] else ""
        )
        echo(
            f"{row['uid'][:8]}  {pad(display_group(row['group'], display), 10)}  "
            f"{pad(row['customer'], 20)}  {row['title']}{conflicts}"
        )
    if not shown:
        echo(t("cli.pool.none"))


def display_group(group: str, display) -> str:
    from interview_tui.domain.enums import PoolGroup

    return display(PoolGroup(group))
