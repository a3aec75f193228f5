"""A report as an RFC 5322 message, and commitments as an RFC 5545 calendar (stdlib only)."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from interview_tui.exports.bundle import VisitBundle
from interview_tui.i18n import t


def to_eml(body: str, *, subject: str, to: list[str], sender: str, now: datetime) -> bytes:
    """A plain-text UTF-8 message a mail client opens as a draft-ready e-mail."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    if to:
        message["To"] = ", ".join(to)
    message["Date"] = format_datetime(now.astimezone())
    message["Message-ID"] = make_msgid(domain="interview-tui.local")
    message["X-Unsent"] = "1"  # opens as a draft in Outlook and Apple Mail
    message.set_content(body, subtype="plain", charset="utf-8")
    return message.as_bytes()


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))  # fmt: skip


def _fold(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > (75 if not out else 74):
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return "\r\n ".join(out)


def commitments_ics(bundle: VisitBundle, now: datetime) -> str:
    """One all-day event on each open commitment's due date."""
    from datetime import UTC

    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//interview-tui//commitments//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]  # fmt: skip
    for c in bundle.commitments:
        if c.due is None:
            continue
        owner = f"{t(f'owner.{c.owner_side.value}')}: {c.owner_name or '—'}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{c.uid}@interview-tui",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{c.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{(c.due + timedelta(days=1)):%Y%m%d}",
            f"SUMMARY:{_escape(t('ics.summary', text=c.text))}",
            f"DESCRIPTION:{_escape(f'{bundle.customer.name} · {owner} · {c.state.value}')}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def default_subject(bundle: VisitBundle, recap: bool) -> str:
    day = bundle.visit.date.date().isoformat()
    if recap:
        return t("mail.subject_recap", date=day)
    return t("mail.subject_report", customer=bundle.customer.name, date=day)

