"""``interview-tui calendar``: one .ics of every open commitment across every visit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import click

from interview_tui.cli.helptext import Localised
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo, write_export


@click.command("calendar", cls=Localised)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--customer", "customer", default=None, metavar="NAME")
@click.option("--force", is_flag=True)
@pass_settings
def calendar(settings: Settings, output: Path | None, customer: str | None, force: bool) -> None:
    """Write one calendar (.ics) of every open commitment, ours and the customer's.

    Each is an all-day event on its due date (one without a date sits a week after its
    visit) with an alarm (settings: alarm_days_before, alarm_time). Done and dropped
    commitments are left out. Event UIDs stay the same from one export to the next, so
    importing the file again, or subscribing to it, updates the same events.
    """
    from interview_tui.exports.files import check_target, write_private
    from interview_tui.exports.mail_calendar import calendar_ics
    from interview_tui.i18n import t
    from interview_tui.services.commitments import me
    from interview_tui.services.follow_up import customers_named, open_commitments

    user = settings.user_settings().settings
    store = settings.open_store(read_only=True)
    if output is not None:
        check_target(output, database=Path(store.path), force=force)
    customer_ids = None
    name = t("ics.calendar_name")
    if customer is not None:
        matches = customers_named(store, customer)
        customer_ids = [customer_id for customer_id, _ in matches]
        name = f"{name} · {', '.join(found for _, found in matches)}"
    count = [0]

    def counted() -> Iterator:
        for item in open_commitments(store, customer_ids=customer_ids):
            count[0] += 1
            yield item

    pieces = calendar_ics(
        counted(),
        now=datetime.now(),
        alarm_minutes=user.alarm_minutes_before(),
        name=name,
        me=me(store),
    )
    chunks = (piece.encode("utf-8") for piece in pieces)
    if output is None:
        write_export(chunks, "ics")
        echo(t("calendar.events", count=count[0]), err=True)
        return
    write_private(output, chunks)
    echo(t("calendar.wrote", path=output, count=count[0]), err=True)
