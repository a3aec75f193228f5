"""The brief before a visit, as lines: shown in the plan screen and, read-only, from the live
screen (``ctrl+y b``). User text is literal everywhere (see :func:`hanging`)."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from interview_tui.domain.enums import Goal, OwnerSide, PoolGroup
from interview_tui.domain.lateness import judged_by
from interview_tui.domain.names import display
from interview_tui.domain.owners import writes_self
from interview_tui.i18n import aside, head, labelled, t
from interview_tui.services.commitments import CommitmentRow
from interview_tui.services.customer_brief import CustomerBrief, late_days
from interview_tui.services.evidence import BRIEF_EVIDENCE_PER_GOAL
from interview_tui.services.schedule import schedule_summary
from interview_tui.tui.text import Hanging, hanging, marked


def _promise(row: CommitmentRow, today: date, who: str = "") -> list[Text | Hanging]:
    """One open promise: due date, text and owner; a late one says it is late, its first
    due date and by how many days (the word, not only the colour)."""
    c = row.commitment
    owner = c.owner_name or display(c.owner_side)
    if who and c.owner_side is OwnerSide.CUSTOMER:  # the customer promised; a colleague noted it
        side = display(c.owner_side)
        theirs = labelled(side, c.owner_name) if c.owner_name else side
        owner = t("brief.noted_by", owner=theirs, member=who)
    elif who and writes_self(c.owner_name):
        owner = who  # a colleague's 我 / me is that colleague, not the reader
    elif who:
        owner = t("brief.promised_by", owner=owner, member=who)
    days = late_days(c, today)
    style = "red" if days else ""
    lines: list[Text | Hanging] = [hanging(f"  {c.due or '—'} ", aside(c.text, owner), style=style)]
    judged = judged_by(c.due, c.first_due, c.judged_due)
    if days and judged is not None:  # late: it has a due date
        first = judged.isoformat()
        sooner = c.first_due is not None and judged < c.first_due  # missed a sooner date
        said = (
            t("brief.late_sooner", first=first, days=days)
            if sooner
            else t("brief.late", first=first, days=days)
        )
        lines.append(Text("      " + said, style="bold red"))
    return lines


def _solution_lines(brief: CustomerBrief) -> list[Text | Hanging]:
    """The solutions that wait for the customer's answer (ask for it in the visit), then the
    ones to revise (they disagreed or asked for changes), with the reason."""
    out: list[Text | Hanging] = [Text(t("plan.brief.solutions"), style="bold")]
    for r in brief.solutions_waiting:
        proposal = r.solution
        if proposal is not None:
            what = r.title or r.pain or r.user
            out.append(
                hanging(f"  {proposal.on.date().isoformat()} ", labelled(what, proposal.text))
            )
    for r in brief.solutions_to_revise:
        reply = r.solution.reply if r.solution else None
        if reply is not None:
            said = display(reply.answer)
            out.append(
                hanging(
                    "  ",
                    labelled(r.title or r.pain or r.user, f"{said} · {reply.reason}"),
                    style="yellow",
                )
            )
    if len(out) == 1:
        out.append(Text("  " + t("plan.brief.none"), style="dim"))
    return out


def brief_lines(brief: CustomerBrief, today: date) -> list[Text | Hanging]:
    """Where things stand with the customer; each line wraps under its own text."""
    none = Text("  " + t("plan.brief.none"), style="dim")
    out: list[Text | Hanging] = [Text(t("plan.brief.requirements"), style="bold")]
    for group in PoolGroup:
        for r in brief.requirements.get(group, []):
            what = r.title or " · ".join(x for x in (r.user, r.scenario, r.pain) if x)
            out.append(hanging(f"  {head(f'{display(group)} · {display(r.state)}')}", what))
            if schedule := schedule_summary(r):
                late = (r.gap_days or 0) > 0
                out.append(hanging("      ", schedule, style="yellow" if late else ""))
    if not any(brief.requirements.values()):
        out.append(none)
    out += [
        Text(""),
        *_solution_lines(brief),
        Text(""),
        Text(t("plan.brief.commitments"), style="bold"),
    ]
    for row in brief.commitments:
        out += _promise(row, today)
    if not brief.commitments:
        out.append(none)
    if brief.colleagues_promised:
        out += [Text(""), Text(t("brief.colleagues_promised"), style="bold")]
        for row in brief.colleagues_promised:
            out += _promise(row, today, brief.who(row.commitment.author))
    if brief.heard:
        out += [Text(""), Text(t("brief.heard"), style="bold")]
        for heard in brief.heard:
            when = heard.visit.date.date().isoformat()
            out.append(Text(f"  {when} · {brief.who(heard.visit.author)}", style="dim"))
            for r in heard.requirements:
                what = r.title or " · ".join(x for x in (r.user, r.scenario, r.pain) if x)
                out.append(hanging("    " + t("brief.heard.requirement") + " ", what))
            for note in heard.pains:
                text = f"{note.text} → {note.action}" if note.action else note.text
                out.append(hanging("    " + t("brief.heard.pain") + " ", text))
    out += [Text(""), Text(t("brief.unasked"), style="bold")]
    if brief.unasked_from is not None:
        out.append(
            Text(
                "  " + t("brief.unasked_from", date=brief.unasked_from.date.date().isoformat()),
                style="dim",
            )
        )
    out += [  # a gap to fill shown as it is in the script, never as its raw <name>
        hanging(f"  {display(item.status)} · ", marked(item.text)) for item in brief.unasked
    ]
    if not brief.unasked:
        out.append(none)
    out += [Text(""), Text(t("plan.brief.evidence"), style="bold")]
    for goal in Goal:
        found = [e for e in brief.evidence if e.goal is goal]
        out.append(Text(f" {goal.number} {display(goal)}"))
        shown = found[:BRIEF_EVIDENCE_PER_GOAL]
        out += [hanging(f"    {head(e.visit_date)}", e.text[:140]) for e in shown] or [none]
    return out
