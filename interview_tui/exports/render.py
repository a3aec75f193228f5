"""One export of a visit as bytes: the CLI and the export screen both call :func:`render`."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING

from interview_tui.store.store import Store

if TYPE_CHECKING:
    from interview_tui.settings import UserSettings

FORMATS = ("report-md", "recap-md", "eml", "chase-eml", "ics", "json")


def render(
    store: Store,
    visit_id: int,
    output_format: str,
    *,
    include_personal: bool = False,
    to: tuple[str, ...] = (),
    subject: str | None = None,
    sender: str = "",
    report: bool = False,
    today: date | None = None,
    now: datetime | None = None,
    settings: UserSettings | None = None,
    from_app: bool = False,
) -> bytes:
    """The bytes of one export (nothing is written).

    ``settings`` (read when left out) give the sender and signature of e-mails, the language
    of what goes to the customer (recap, chase) and the calendar alarm. ``from_app``: asked
    for from the export screen (the report then names its tick box, not the CLI flag).
    """
    # each format imports what it uses when it is asked for: a script's JSON export is read
    # from rows (no models, no pydantic), and loads neither the reports nor e-mail and calendar
    if output_format == "json":
        from interview_tui.exports.visit_json import visit_json_data

        data = visit_json_data(store, visit_id, include_personal=include_personal)
        return json.dumps(data, ensure_ascii=False, indent=2).encode() + b"\n"
    from interview_tui.exports.bundle import load_bundle

    bundle = load_bundle(store, visit_id)
    if settings is None:
        from interview_tui.settings import load_settings

        settings = load_settings().settings
    today = today or date.today()
    now = now or datetime.now()
    if output_format == "ics":
        from interview_tui.exports.mail_calendar import commitments_ics

        return commitments_ics(bundle, now, alarm_minutes=settings.alarm_minutes_before()).encode()
    from interview_tui.exports.mail_calendar import default_subject, plain_of, signed, to_eml
    from interview_tui.exports.reports import recap_md, report_md
    from interview_tui.i18n import current_language, speaking

    if output_format == "report-md" or (output_format == "eml" and report):
        from interview_tui.services.commitments import kept_on_time

        kept = kept_on_time(store, today, customer_id=bundle.customer.id)
        body = report_md(
            bundle, today, include_personal=include_personal, kept=kept, from_app=from_app
        )
        if output_format == "report-md":
            return body.encode()
        return to_eml(
            signed(plain_of(body), settings.signature),
            now=now,
            to=list(to),
            markdown=signed(body, settings.signature, markdown=True),
            subject=subject or default_subject(bundle, recap=False),
            sender=_sender(sender, settings),
        )
    customer_language = None
    if settings.recap_lang == "customer":
        from interview_tui.services.follow_up import customer_language as language_of

        customer_language = language_of(store, visit_id)
    with speaking(settings.recap_language(customer_language, current_language())):
        if output_format == "recap-md":
            return recap_md(bundle, settings.name).encode()
        if output_format == "chase-eml":
            from interview_tui.exports.chase import chase_eml

            return chase_eml(
                bundle,
                today=today,
                now=now,
                to=to,
                subject=subject,
                sender=_sender(sender, settings),
                signature=settings.signature,
            )
        from interview_tui.exports.chase import attendee_addresses

        body = recap_md(bundle, settings.name)
        return to_eml(
            signed(plain_of(body), settings.signature),
            now=now,
            to=list(to) or attendee_addresses(bundle),
            markdown=signed(body, settings.signature, markdown=True),
            subject=subject or default_subject(bundle, recap=True),
            sender=_sender(sender, settings),
        )


def mail_note(
    store: Store,
    visit_id: int,
    output_format: str,
    *,
    to: tuple[str, ...] = (),
    report: bool = False,
) -> str:
    """One line for the PM (in the interface language) when an e-mail to the customer goes
    out with people it cannot reach: a recap whose attendees have no e-mail (it has no To),
    a chase whose owners have none ("" when all is well). The e-mail is written anyway."""
    if to or report or output_format not in ("eml", "chase-eml"):
        return ""
    from interview_tui.exports.bundle import load_bundle
    from interview_tui.exports.chase import attendee_addresses, chase_targets, unreachable_note
    from interview_tui.i18n import interface_language, speaking, t

    bundle = load_bundle(store, visit_id)
    with speaking(interface_language()):
        if output_format == "chase-eml":
            return unreachable_note(chase_targets(bundle))
        if attendee_addresses(bundle):
            return ""
        return t("mail.no_recipients", customer=bundle.customer.name)


def _sender(given: str, settings: UserSettings) -> str:
    """The From of an e-mail: ``--from``, else the name and e-mail in the settings; with
    neither, a :class:`UserError` saying how to set it (never a made-up address)."""
    if given.strip():
        return given
    if settings.sender:
        return settings.sender
    from interview_tui.errors import UserError
    from interview_tui.i18n import interface_language, t
    from interview_tui.settings import env_name, settings_path

    # said to the PM (not in the customer's language of the mail), naming no CLI option:
    # the CLI says its own (``--from``) before it renders
    said = t(
        "mail.no_sender",
        language=interface_language(),
        path=str(settings_path()),
        env=env_name("email"),
    )
    raise UserError(said)
