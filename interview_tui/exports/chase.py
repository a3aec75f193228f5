"""A polite e-mail draft asking the customer for what they promised in a visit.

Built only from customer-safe views (:mod:`interview_tui.services.customer_safe`): the
text, owner and due date of the customer's open commitments and the names of the people
who made them; nothing internal (notes, limits, sales notes, authority) can reach it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from interview_tui.display import mail_address
from interview_tui.domain.enums import CommitmentState, OwnerSide
from interview_tui.domain.models import Person
from interview_tui.errors import UserError
from interview_tui.exports.bundle import VisitBundle
from interview_tui.exports.mail_calendar import to_eml
from interview_tui.exports.markdown import md
from interview_tui.i18n import interface_language, t
from interview_tui.services.customer_safe import safe_commitment

_EMAIL = re.compile(r"[^@\s<>,;:\"'()\[\]]+@[^@\s<>,;:\"'()\[\]]+\.[A-Za-z]{2,}")


@dataclass
class ChaseTargets:
    """The customer's open promises of a visit and who made them."""

    promises: list[dict[str, str]] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    #: owners named on a promise that match nobody of the customer, or have no e-mail
    unreachable: list[str] = field(default_factory=list)

    @property
    def recipients(self) -> list[str]:
        return [mail_address(p.name, email) for p in self.people if (email := email_of(p))]


def email_of(person: Person) -> str:
    """The person's e-mail, else the first address in their free-text contact field, or ``""``."""
    found = _EMAIL.search(person.email) or _EMAIL.search(person.contact or "")
    return found.group() if found else ""


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def owner_person(bundle: VisitBundle, owner_name: str) -> Person | None:
    """The customer's person an owner name means: the same name (attendees first), else the
    one person whose name holds it or is held by it (``Priya`` → ``Priya Shah``)."""
    wanted = _norm(owner_name)
    if not wanted:
        return None
    attendees = bundle.attendees
    ordered = attendees + [p for p in bundle.people if p not in attendees]
    for person in ordered:
        if _norm(person.name) == wanted:
            return person
    if len(wanted) < 2:
        return None
    close = [p for p in ordered if wanted in _norm(p.name) or _norm(p.name) in wanted]
    return close[0] if len(close) == 1 else None


def chase_targets(bundle: VisitBundle) -> ChaseTargets:
    targets = ChaseTargets()
    for commitment in bundle.commitments:
        if commitment.owner_side is not OwnerSide.CUSTOMER:
            continue
        if commitment.state is not CommitmentState.OPEN:
            continue
        targets.promises.append(safe_commitment(commitment))
        person = owner_person(bundle, commitment.owner_name)
        if person is None:
            if commitment.owner_name.strip():
                targets.unreachable.append(commitment.owner_name.strip())
        elif person not in targets.people:
            targets.people.append(person)
            if not email_of(person):
                targets.unreachable.append(person.name)
    targets.unreachable = list(dict.fromkeys(targets.unreachable))
    return targets


def _plain(text: str) -> str:
    return " ".join(text.split())


def chase_body(
    bundle: VisitBundle,
    targets: ChaseTargets,
    *,
    today: date,
    signature: str,
    markdown: bool = False,
) -> str:
    """The text of the draft, in the current (customer's) language.

    ``markdown``: the same draft as Markdown, every user word escaped (:func:`md`) and the
    signature's lines kept, for the HTML part; otherwise the words exactly as typed.
    """
    text = md if markdown else _plain
    day = bundle.visit.date.date().isoformat()
    separator = t("chase.name_separator")
    names = separator.join(text(p.name) for p in targets.people)
    out = [
        t("chase.greeting", names=names) if names else t("chase.greeting_none"),
        "",
        t("chase.thanks", customer=text(bundle.customer.name), date=day),
        "",
        t("chase.promised"),
        "",
    ]
    several = len({p["owner_name"] for p in targets.promises}) > 1
    for promise in targets.promises:
        line = f"- {text(promise['text'])}"
        if several and promise["owner_name"]:
            line += t("chase.by_owner", name=text(promise["owner_name"]))
        if promise["due"]:
            key = "chase.due_passed" if promise["due"] < today.isoformat() else "chase.due"
            line += t(key, date=promise["due"])
        out.append(line)
    out += ["", t("chase.ask"), "", t("chase.closing")]
    if signature.strip():
        if markdown:
            out += ["", md("--") + "  ", md(signature, block=True)]
        else:
            out += ["", "-- ", signature.strip("\n")]
    return "\n".join(out) + "\n"


def chase_eml(
    bundle: VisitBundle,
    *,
    today: date,
    now: datetime,
    to: Sequence[str] = (),
    subject: str | None = None,
    sender: str,
    signature: str,
) -> bytes:
    """The draft (``X-Unsent``) to the people who own the customer's open promises."""
    targets = chase_targets(bundle)
    if not targets.promises:
        raise UserError(
            t("chase.nothing_to_ask", language=interface_language(), id=bundle.visit.id)
        )  # an error speaks to the user, not the customer
    day = bundle.visit.date.date().isoformat()
    body = chase_body(bundle, targets, today=today, signature=signature)
    markdown = chase_body(bundle, targets, today=today, signature=signature, markdown=True)
    recipients = list(to) or targets.recipients
    subject = subject or t("chase.subject", customer=bundle.customer.name, date=day)
    return to_eml(body, subject=subject, to=recipients, sender=sender, now=now, markdown=markdown)


def attendee_addresses(bundle: VisitBundle) -> list[str]:
    """The To of the recap: each of the customer's attendees who has an e-mail."""
    return [mail_address(p.name, email) for p in bundle.attendees if (email := email_of(p))]


def unreachable_note(targets: ChaseTargets) -> str:
    """What the PM must add by hand: owners without an e-mail address ("" when none)."""
    if not targets.unreachable:
        return ""
    return t("chase.no_address", names=", ".join(targets.unreachable))
