"""``interview-tui export``: a visit as report, recap, e-mail, calendar or lossless JSON."""

from __future__ import annotations

from pathlib import Path

import click

from interview_tui.cli.helptext import Localised
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo, write_export
from interview_tui.exports.render import FORMATS


@click.command("export", cls=Localised)
@click.argument("visit_id", metavar="VISIT", type=int)
@click.option("--format", "output_format", type=click.Choice(FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--include-personal", is_flag=True)
@click.option("--to", multiple=True)
@click.option("--subject")
@click.option("--from", "sender", default="")
@click.option("--report", is_flag=True)
@click.option("--force", is_flag=True)
@pass_settings
def export(
    settings: Settings,
    visit_id: int,
    output_format: str,
    output: Path | None,
    include_personal: bool,
    to: tuple[str, ...],
    subject: str | None,
    sender: str,
    report: bool,
    force: bool,
) -> None:
    """Export VISIT as a report, a customer recap, an e-mail, a calendar or JSON.

    chase-eml is a draft to the customer's people who own the visit's open promises (their
    e-mail from the contact field), asking for them in the customer's language.
    """
    from interview_tui.exports.files import check_target, write_private
    from interview_tui.exports.render import render

    # JSON is every record as it is: no sender, language or alarm from the settings
    user = None if output_format == "json" else settings.user_settings().settings
    store = settings.open_store(read_only=True)
    if output is not None:
        check_target(output, database=Path(store.path), force=force)
    if output_format in ("eml", "chase-eml") and not sender.strip() and not (user and user.sender):
        from interview_tui.errors import UserError
        from interview_tui.i18n import t
        from interview_tui.settings import env_name, settings_path

        path, env = str(settings_path()), env_name("email")
        raise UserError(t("mail.no_sender_cli", path=path, env=env))
    data = render(
        store,
        visit_id,
        output_format,
        include_personal=include_personal,
        to=to,
        subject=subject,
        sender=sender,
        report=report,
        settings=user,
    )
    from interview_tui.exports.render import mail_note

    if note := mail_note(store, visit_id, output_format, to=to, report=report):
        echo(f"interview-tui: {note}", err=True)
    if output is None:
        write_export(data, output_format)
        return
    write_private(output, data)
    from interview_tui.i18n import t

    echo(t("cli.wrote", path=output), err=True)
