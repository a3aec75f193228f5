"""``interview-tui export``: a visit as report, recap, e-mail, calendar or lossless JSON."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

import click

from interview_tui.cli.main import Settings, pass_settings

FORMATS = ("report-md", "recap-md", "eml", "ics", "json")


def render(store, visit_id: int, output_format: str, *, include_personal: bool = False,
           to: tuple[str, ...] = (), subject: str | None = None, sender: str = "",
           report: bool = False, today: date | None = None,
           now: datetime | None = None) -> bytes:  # fmt: skip
    """The bytes of one export; the TUI's export screen calls this too."""
    from interview_tui.exports.bundle import load_bundle, to_json_data
    from interview_tui.exports.mail_calendar import commitments_ics, default_subject, to_eml
    from interview_tui.exports.reports import recap_md, report_md

    today = today or date.today()
    now = now or datetime.now()
    bundle = load_bundle(store, visit_id)
    if output_format == "report-md":
        return report_md(bundle, today, include_personal=include_personal).encode()
    if output_format == "recap-md":
        return recap_md(bundle).encode()
    if output_format == "ics":
        return commitments_ics(bundle, now).encode()
    if output_format == "json":
        return json.dumps(to_json_data(bundle), ensure_ascii=False, indent=2).encode() + b"\n"
    body = (report_md(bundle, today, include_personal=include_personal) if report
            else recap_md(bundle))  # fmt: skip
    return to_eml(body, subject=subject or default_subject(bundle, recap=not report),
                  to=list(to), sender=sender or "me@localhost", now=now)  # fmt: skip


@click.command("export")
@click.argument("visit_id", metavar="VISIT", type=int)
@click.option("--format", "output_format", type=click.Choice(FORMATS), required=True,
              help="report-md: internal report; recap-md: for the customer; eml: an e-mail "
              "(the recap unless --report); ics: due dates; json: the whole visit.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (mode 0600); standard output when left out.")
@click.option("--include-personal", is_flag=True,
              help="Keep personal-connection notes in the internal report.")
@click.option("--to", multiple=True, help="E-mail recipient (repeatable).")
@click.option("--subject", help="E-mail subject.")
@click.option("--from", "sender", default="", help="E-mail sender.")
@click.option("--report", is_flag=True, help="E-mail the internal report instead of the recap.")
@pass_settings
def export(settings: Settings, visit_id: int, output_format: str, output: Path | None,
           include_personal: bool, to: tuple[str, ...], subject: str | None, sender: str,
           report: bool) -> None:  # fmt: skip
    """Export VISIT as a report, a customer recap, an e-mail, a calendar or JSON."""
    from interview_tui.errors import UserError
    from interview_tui.exports.files import write_private

    data = render(settings.open_store(), visit_id, output_format,
                  include_personal=include_personal, to=to, subject=subject, sender=sender,
                  report=report)  # fmt: skip
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        write_private(output, data)
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror})") from None
    click.echo(f"wrote {output}", err=True)
