"""One export of a visit as bytes: the CLI and the export screen both call :func:`render`."""

from __future__ import annotations

import json
from datetime import date, datetime

from interview_tui.store.store import Store

FORMATS = ("report-md", "recap-md", "eml", "ics", "json")


def render(store: Store, visit_id: int, output_format: str, *, include_personal: bool = False,
           to: tuple[str, ...] = (), subject: str | None = None, sender: str = "",
           report: bool = False, today: date | None = None,
           now: datetime | None = None) -> bytes:  # fmt: skip
    """The bytes of one export (nothing is written)."""
    from interview_tui.exports.bundle import load_bundle, to_json_data
    from interview_tui.exports.mail_calendar import commitments_ics, default_subject, to_eml
    from interview_tui.exports.reports import recap_md, report_md
    from interview_tui.services.commitments import kept_on_time

    today = today or date.today()
    now = now or datetime.now()
    bundle = load_bundle(store, visit_id)
    kept = kept_on_time(store, today, customer_id=bundle.customer.id)
    if output_format == "report-md":
        return report_md(bundle, today, include_personal=include_personal, kept=kept).encode()
    if output_format == "recap-md":
        return recap_md(bundle).encode()
    if output_format == "ics":
        return commitments_ics(bundle, now).encode()
    if output_format == "json":
        data = to_json_data(bundle, include_personal=include_personal)
        return json.dumps(data, ensure_ascii=False, indent=2).encode() + b"\n"
    body = (report_md(bundle, today, include_personal=include_personal, kept=kept) if report
            else recap_md(bundle))  # fmt: skip
    return to_eml(body, subject=subject or default_subject(bundle, recap=not report),
                  to=list(to), sender=sender or "me@localhost", now=now)  # fmt: skip


