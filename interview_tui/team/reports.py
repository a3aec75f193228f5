"""Markdown pages for leaders who read the team repository in the forge's web view.

Each shared visit's internal report, and a page per customer with its open requirements and
promises. They are regenerated from the records, never merged, and written in the team's
language so that two PMs regenerating the same page write the same words. Only what the
privacy filter shares reaches them: private and personal-connection notes never do.
"""

from __future__ import annotations

from datetime import date

from interview_tui.domain.enums import CommitmentState
from interview_tui.domain.models import Customer, Visit
from interview_tui.domain.owners import owner_shown
from interview_tui.exports.bundle import VisitBundle, load_bundle
from interview_tui.exports.markdown import md
from interview_tui.i18n import current_language, set_language, t
from interview_tui.store.store import Store
from interview_tui.team.privacy import shares_note


def visit_report_path(visit: Visit) -> str:
    return f"reports/visits/{visit.date.year}/{visit.uid}.md"


def customer_page_path(customer: Customer) -> str:
    return f"reports/customers/{customer.uid}.md"


def _shared_bundle(store: Store, visit: Visit) -> VisitBundle:
    bundle = load_bundle(store, visit.id or 0, names=False)  # the same page on every laptop
    bundle.notes = [note for note in bundle.notes if shares_note(note)]
    return bundle


def render_pages(
    store: Store, visits: list[Visit], customers: list[Customer], lang: str, today: date
) -> dict[str, bytes]:
    """The pages of these visits and customers, in the team's language ``lang``."""
    from interview_tui.exports.reports import report_md

    before = current_language()
    set_language(lang)
    try:
        pages = {}
        for visit in visits:
            if visit.shared_at is None:
                continue
            text = report_md(_shared_bundle(store, visit), today)
            pages[visit_report_path(visit)] = text.encode("utf-8")
        for customer in customers:
            pages[customer_page_path(customer)] = customer_page(store, customer).encode("utf-8")
        return pages
    finally:
        set_language(before)


def customer_page(store: Store, customer: Customer) -> str:
    """One customer: its requirements by pool group and its open promises (a promise a
    member wrote as theirs, ``我`` / ``me``, names them by e-mail: a sync reads no names)."""
    from interview_tui.domain.names import display

    shared = {v.id for v in store.visits(customer.id) if v.shared_at is not None}
    lines = [f"# {md(customer.name)}", "", f"## {t('team.page.requirements')}", ""]
    requirements = [
        r
        for r in store.requirements(customer_id=customer.id)
        if r.visit_id is None or r.visit_id in shared
    ]
    for r in sorted(requirements, key=lambda r: (r.group.value, r.title or r.user, r.uid)):
        title = r.title or r.user or r.uid[:8]
        latest = r.latest_acceptable
        dates = f" · {t('team.page.latest', date=latest.isoformat())}" if latest else ""
        lines.append(f"- {md(title)} · {display(r.group)} · {display(r.state)}{dates}")
    if not requirements:
        lines.append(t("team.page.none"))
    lines += ["", f"## {t('team.page.promises')}", ""]
    promises = [
        c
        for visit_id in sorted(i for i in shared if i is not None)
        for c in store.commitments(visit_id)
        if c.state is CommitmentState.OPEN
    ]
    for c in sorted(promises, key=lambda c: (c.due is None, c.due or date.max, c.uid)):
        due = c.due.isoformat() if c.due else t("cli.commitments.no_date")
        owner = display(c.owner_side)
        if name := owner_shown(c.owner_side, c.owner_name, c.author, "", str):
            owner = f"{owner}: {md(name)}"  # (a member's 我 / me: that member, for everyone)
        moved = ""
        if c.first_due and c.due and c.due > c.first_due:
            moved = " · " + t("team.page.moved", date=c.first_due.isoformat())
        lines.append(f"- {md(c.text)} · {owner} · {due}{moved}")
    if not promises:
        lines.append(t("team.page.none"))
    return "\n".join(lines) + "\n"
