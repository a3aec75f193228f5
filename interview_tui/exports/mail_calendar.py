"""A report as an RFC 5322 message, and commitments as an RFC 5545 calendar (stdlib only)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from interview_tui.display import header_value
from interview_tui.domain.enums import CommitmentState, OwnerSide
from interview_tui.domain.models import Commitment
from interview_tui.domain.names import display
from interview_tui.domain.owners import owner_shown
from interview_tui.exports.bundle import VisitBundle
from interview_tui.i18n import t
from interview_tui.services.commitments import late_note, state_label
from interview_tui.services.follow_up import UNDATED_AFTER_VISIT, OpenCommitment


def html_of(markdown: str) -> str:
    """An HTML document rendered from Markdown (CommonMark, raw HTML off: any ``<tag>`` in
    the text shows as text; user words are escaped by :func:`~interview_tui.exports.markdown.md`
    before they reach the Markdown)."""
    from markdown_it import MarkdownIt

    content = MarkdownIt("commonmark", {"html": False}).render(markdown)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
        f"<body>\n{content}</body></html>\n"
    )


def plain_of(markdown: str) -> str:
    """The text of a Markdown document as a reader sees it rendered, for an e-mail's
    text/plain part: headings and paragraphs as lines, lists with ``-`` or their numbers,
    emphasis marks and escapes gone (``Acme\\_Corp`` reads ``Acme_Corp``), a link as its
    words and ``<address>``. Parsed as :func:`html_of` parses it, so both parts say the same."""
    from markdown_it import MarkdownIt

    lines: list[str] = []
    lists: list[list[int]] = []  # each open list: [ordered (0/1), its next number]
    marker = ""
    for token in MarkdownIt("commonmark", {"html": False}).parse(markdown):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([kind == "ordered_list_open", int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists:
                lines.append("")
        elif kind == "list_item_open":
            ordered, number = lists[-1]
            lists[-1][1] += 1
            marker = "  " * (len(lists) - 1) + (f"{number}. " if ordered else "- ")
        elif kind == "inline":
            indent = " " * len(marker) if lists else ""
            lines.append((marker or indent) + _inline_plain(token.children or [], indent))
            marker = ""
        elif kind in ("fence", "code_block"):
            lines += [*token.content.rstrip("\n").split("\n"), ""]
        elif kind == "hr":
            lines += ["---", ""]
        elif kind in ("paragraph_close", "heading_close") and not token.hidden:
            lines.append("")
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n" if text else ""


def _inline_plain(children: list[Any], indent: str) -> str:
    out: list[str] = []
    links: list[tuple[str, int]] = []  # each open link: its address, where its words begin
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n" + indent)
        elif child.type == "link_open":
            links.append((str(child.attrGet("href") or ""), len(out)))
        elif child.type == "link_close" and links:
            href, start = links.pop()
            if href and "".join(out[start:]) != href:
                out.append(f" <{href}>")
        elif child.type == "image":
            out.append(child.content)
    return "".join(out)


def signed(body: str, signature: str, *, markdown: bool = False) -> str:
    """``body`` with the PM's signature under a standard ``-- `` line (none: ``body``);
    ``markdown``: the signature escaped, its lines kept (hard line breaks)."""
    from interview_tui.exports.markdown import md

    if not signature.strip():
        return body
    if markdown:
        return f"{body.rstrip()}\n\n{md('--')}  \n{md(signature, block=True)}\n"
    return f"{body.rstrip()}\n\n-- \n{signature.strip(chr(10))}\n"


def to_eml(
    body: str,
    *,
    subject: str,
    to: list[str],
    sender: str,
    now: datetime,
    markdown: str | None = None,
) -> bytes:
    """A UTF-8 message a mail client opens as a draft-ready e-mail: multipart/alternative,
    ``body`` as text/plain and an HTML part rendered from ``markdown`` (``body`` when left
    out: a report or recap is Markdown already).

    Subject, sender and recipients are folded onto one line each (:func:`header_value`).
    """
    message = EmailMessage()
    message["Subject"] = header_value(subject)
    message["From"] = header_value(sender)
    if to:
        message["To"] = header_value(", ".join(to))
    message["Date"] = format_datetime(now.astimezone())
    message["Message-ID"] = make_msgid(domain="interview-tui.local")
    message["X-Unsent"] = "1"  # opens as a draft in Outlook and Apple Mail
    message.set_content(body, subtype="plain", charset="utf-8")
    message.add_alternative(
        html_of(body if markdown is None else markdown), subtype="html", charset="utf-8"
    )
    return message.as_bytes()


def readable_message(raw: bytes) -> str:
    """A message made by :func:`to_eml` as a person reads it: its subject, sender and
    recipients decoded, then its text part (for a preview, and for ``y`` to copy)."""
    import email
    from email import policy

    message = email.message_from_bytes(raw, policy=policy.default)
    heads = [f"{name}: {message[name]}" for name in ("Subject", "From", "To") if message[name]]
    part = message.get_body(preferencelist=("plain",))
    body = part.get_content() if part is not None else ""
    return "\n".join(heads) + "\n\n" + body


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _escape(text: str) -> str:
    """TEXT value (RFC 5545 §3.3.11): escapes, newlines as ``\\n``, no control characters."""
    text = (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )
    return _CONTROLS.sub(" ", text)


def _fold(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1)."""
    data = line.encode("utf-8", "surrogatepass")
    if len(data) <= 75:
        return line
    out, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            end -= 1
        out.append(data[start:end])
        start, limit = end, 74
    out.append(data[start:])
    return b"\r\n ".join(out).decode("utf-8", "surrogatepass")


def _lines(lines: list[str]) -> str:
    return "".join(_fold(line) + "\r\n" for line in lines)


def _trigger(minutes_before: int) -> str:
    """A TRIGGER relative to the start of the due day (negative: before it)."""
    sign, minutes = ("-", minutes_before) if minutes_before > 0 else ("", -minutes_before)
    hours, rest = divmod(minutes, 60)
    return f"{sign}PT{hours}H{rest}M" if rest else f"{sign}PT{hours}H"


def event_uid(commitment: Commitment) -> str:
    """The commitment's own stable uid (kept through export and import), so exporting again,
    from this database or a copy of it, updates the same event."""
    return f"commitment-{commitment.uid}@interview-tui"


def calendar_head(name: str) -> str:
    return _lines(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//interview-tui//commitments//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            f"X-WR-CALNAME:{_escape(name)}",
        ]
    )


CALENDAR_END = "END:VCALENDAR\r\n"


def commitment_event(
    item: OpenCommitment, *, stamp: str, alarm_minutes: int | None, today: date, me: str = ""
) -> str:
    """One all-day VEVENT (with its VALARM) for an open commitment, folded, CRLF-ended
    (``me``: this laptop's member; a colleague's 我 / me is named by e-mail)."""
    c = item.commitment
    ours = c.owner_side is OwnerSide.US
    owner = owner_shown(c.owner_side, c.owner_name, c.author, me, str) or "—"
    summary = (
        t("ics.ours", customer=item.customer, text=c.text)
        if ours
        else t("ics.theirs", customer=item.customer, owner=owner, text=c.text)
    )
    if c.due is None:
        summary += t("ics.no_due_mark")
    visit = f"{item.visit_date.isoformat()} {item.visit_purpose}".strip()
    state = (
        t("ics.overdue", date=c.due.isoformat())
        if c.due is not None and c.is_overdue(today)
        else state_label(c, today)
    )
    if late := late_note(c, today):  # a mark in the title; how late and the first due date
        summary += f" · {state_label(c, today)}"
        state += f" · {late}"
    description = [
        t("ics.customer", customer=item.customer),
        t("ics.visit", visit=visit),
        t("ics.owner", side=display(c.owner_side), name=owner),
        t("ics.state", state=state),
    ]
    if c.due is None:
        description.append(t("ics.no_due", days=UNDATED_AFTER_VISIT.days))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event_uid(c)}",
        f"DTSTAMP:{stamp}",
        f"SEQUENCE:{len(c.history)}",
        f"DTSTART;VALUE=DATE:{item.day:%Y%m%d}",
        # an all-day event without DTEND lasts its day (RFC 5545 §3.6.1): the last day of
        # the calendar, stored before dates were bounded, has no day after it
        *(
            [f"DTEND;VALUE=DATE:{item.day + timedelta(days=1):%Y%m%d}"]
            if item.day < date.max
            else []
        ),
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(chr(10).join(description))}",
        f"CATEGORIES:{_escape(t('ics.category_ours' if ours else 'ics.category_theirs'))}",
        "TRANSP:TRANSPARENT",
    ]
    if alarm_minutes is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape(summary)}",
            f"TRIGGER:{_trigger(alarm_minutes)}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return _lines(lines)


def calendar_ics(
    items: Iterable[OpenCommitment],
    *,
    now: datetime,
    alarm_minutes: int | None,
    name: str,
    me: str = "",
) -> Iterator[str]:
    """The calendar as pieces of text, one event at a time (any number of events streams)."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    yield calendar_head(name)
    for item in items:
        yield commitment_event(
            item, stamp=stamp, alarm_minutes=alarm_minutes, today=now.date(), me=me
        )
    yield CALENDAR_END


def commitments_ics(bundle: VisitBundle, now: datetime, *, alarm_minutes: int | None) -> str:
    """One visit's open commitments: the same events (same UIDs) as ``interview-tui calendar``."""
    items = [
        OpenCommitment(c, bundle.customer.name, bundle.visit.date.date(), bundle.visit.purpose)
        for c in bundle.commitments
        if c.state is CommitmentState.OPEN
    ]
    name = t(
        "ics.visit_calendar",
        customer=bundle.customer.name,
        date=bundle.visit.date.date().isoformat(),
    )
    return "".join(
        calendar_ics(items, now=now, alarm_minutes=alarm_minutes, name=name, me=bundle.member)
    )


def default_subject(bundle: VisitBundle, recap: bool) -> str:
    day = bundle.visit.date.date().isoformat()
    if recap:
        return t("mail.subject_recap", customer=bundle.customer.name, date=day)
    return t("mail.subject_report", customer=bundle.customer.name, date=day)
