"""The internal visit report and the customer-facing recap, in Markdown.

The recap is built only from :mod:`interview_tui.services.customer_safe` views, so nothing
internal (internal-only, team-profile or personal notes, authority limits, sales notes)
can reach it.
"""

from __future__ import annotations

from datetime import date

from interview_tui.domain.enums import Goal, ItemStatus, PoolGroup, Role
from interview_tui.domain.models import Commitment, Note, Requirement, Visit
from interview_tui.domain.names import REQUIREMENT_FIELDS, display, display_list, display_of
from interview_tui.exports.bundle import VisitBundle
from interview_tui.exports.markdown import md
from interview_tui.i18n import aside, head, joined, labelled, paren, t
from interview_tui.services.commitments import KeptOnTime, kept_line, late_note
from interview_tui.services.customer_safe import recap_commitments, safe_requirement
from interview_tui.services.evidence import evidence_goal
from interview_tui.services.history import history_lines
from interview_tui.services.placeholders import marked
from interview_tui.services.requirement_pool import overrides
from interview_tui.services.schedule import schedule_for_customer, schedule_summary
from interview_tui.services.script_builder import not_asked
from interview_tui.services.solutions import history_lines as solution_history


def _field(label: str, value: str) -> str:
    """``**label**: value`` / ``**label**：value`` (the mark outside the bold: Markdown closes
    ``**`` after a full-width mark only before a space or a mark)."""
    return labelled(f"**{label}**", value)


def _day(bundle: VisitBundle) -> str:
    return bundle.visit.date.date().isoformat()


def _note_line(bundle: VisitBundle, note: Note) -> str:
    parts = [md(note.text, block=True, indent="  ")]
    speaker = bundle.person(note.speaker_id)
    if speaker:
        parts.append(f"_{paren(t('report.said_by', name=md(speaker.name)))}_")
    if note.internal:
        parts.append(f"`{t('report.internal')}`")
    if note.private:
        parts.append(f"`{t('report.private')}`")
    return "- " + " ".join(parts)


def _evidence_line(bundle: VisitBundle, record: Note | Requirement) -> str:
    """A note (a pain point with the action we take), or a requirement by its title."""
    if isinstance(record, Requirement):
        head = md(record.title or record.pain or record.scenario or record.user)
        return f"- {t('report.evidence_requirement', title=head)}"
    line = _note_line(bundle, record)
    return f"{line} → {md(record.action)}" if record.kind == "pain" and record.action else line


def _commitment_line(c: Commitment, today: date, visit: Visit, owner_name: str) -> str:
    flags = [display(c.state)]
    if c.is_overdue(today):
        flags.append(f"**{t('report.overdue')}**")
    elif c.is_late(today):
        flags.append(f"**{t('commitments.late')}**")
    if late := late_note(c, today):  # how late, against the first due date
        flags.append(late)
    elif c.first_due and c.due and c.first_due != c.due:
        flags.append(t("report.first_due", date=c.first_due.isoformat()))
    if not c.within_authority:
        from interview_tui.services.authority import authority_flags  # 539 patterns compiled

        why = authority_flags(c.text, visit.must_not_promise, visit.may_promise)
        flags.append(
            t("report.beyond_authority_why", why=md(joined(map(str, why), "semicolon")))
            if why
            else t("report.beyond_authority")
        )
    if c.overridden:
        flags.append(t("report.authority_override", reason=md(c.authority_override)))
    owner = labelled(display(c.owner_side), md(owner_name) or "—")
    due = c.due.isoformat() if c.due else "—"
    line = f"- {aside(md(c.text), joined([owner, due, joined(flags)], 'semicolon'))}"
    # what happened to it and why: done and drop notes, reschedule and override reasons
    changes = [f"  - {md(change)}" for change in history_lines(c.history)] if c.history else []
    return "\n".join([line, *changes])


def _plan_inputs(bundle: VisitBundle) -> list[str]:
    """What we went in with (internal): what sales told them, what not to say, what may and
    must not be promised, what we give back; nothing when the plan left them empty. A field
    the plan takes one item per line is a Markdown list under its label."""
    visit = bundle.visit
    texts = [
        ("sales_told", visit.sales_told),
        ("do_not_say", visit.do_not_say),
        ("may_promise", visit.may_promise),
    ]
    lists = [
        ("must_not_promise", visit.must_not_promise.splitlines()),
        ("give_back", visit.give_back),
    ]
    lines = [
        f"- {_field(t(f'report.plan.{name}'), md(value, block=True, indent='  '))}"
        for name, value in texts
        if value.strip()
    ]
    for name, items in lists:
        kept = [md(item) for item in items if item.strip()]
        if kept:
            lines.append(f"- {_field(t(f'report.plan.{name}'), '').rstrip()}")
            lines += [f"  - {item}" for item in kept]
    return [f"## {t('report.plan')}", "", *lines, ""] if lines else []


def _solution_lines(r: Requirement) -> list[str]:
    """The current solution and the customer's answer, every proposal and answer before it,
    and any move into in progress without an agreed solution (with the PM's reason)."""
    out = []
    if (current := r.solution) is not None:
        answer = display(current.answer)
        out.append(f"  - {t('report.solution', text=md(current.text), answer=answer)}")
        out.append(f"  - {head(t('report.solution_history')).rstrip()}")
        out += [f"    - {md(line)}" for line in solution_history(r)]
    if r.group is PoolGroup.IN_PROGRESS and not r.solution_agreed:
        out.append(f"  - ⚠ {t('report.no_agreed_solution')}")
    for entry in overrides(r):
        said = t("report.gate_override", date=md(entry.get("on", "")), reason=md(entry["override"]))
        out.append(f"  - ⚠ {said}")
    return out


def report_md(
    bundle: VisitBundle,
    today: date,
    *,
    include_personal: bool = False,
    kept: KeptOnTime | None = None,
    from_app: bool = False,
) -> str:
    """For colleagues and leaders: evidence by the seven goals, then what was captured.

    ``kept`` is the customer's kept-on-time figure (from
    :func:`~interview_tui.services.commitments.kept_on_time`), shown under the commitments.
    ``from_app``: written from the export screen, so a left-out note names its tick box, not
    the CLI flag.
    """
    visit = bundle.visit
    out = [f"# {t('report.title', customer=md(bundle.customer.name), date=_day(bundle))}", ""]
    if visit.purpose:
        out.append(f"{_field(t('report.purpose'), md(visit.purpose))}  ")
    out.append(f"{_field(t('report.status'), display(visit.status))}  ")
    people = joined(
        (
            aside(md(p.name), joined([md(p.title), display(p.role, short=True)]))
            for p in bundle.attendees
        ),
        "list",
    )
    out.append(f"{_field(t('report.attendees'), people or t('report.none'))}  ")
    goals = joined((display(g) for g in visit.goals), "list")
    out += [_field(t("report.goals_chosen"), goals or t("report.none")), ""]
    out += _plan_inputs(bundle)

    # a private note never leaves this laptop: not in a report that may be sent on either,
    # unless asked for, like the personal-connection notes (and marked then)
    written = [n for n in bundle.notes if n.text.strip()]
    notes = [n for n in written if include_personal or not n.private]
    out += [f"## {t('report.evidence')}", ""]
    if private := len(written) - len(notes):
        out += [t("report.private_left_out", n=private), ""]
    for goal in Goal:
        out.append(f"### {goal.number}. {display(goal)}")
        if goal is Goal.PERSONAL_CONNECTION and not include_personal:
            if from_app:
                left_out = t("report.personal_left_out_app", tick=t("export.include_personal"))
            else:
                left_out = t("report.personal_left_out")
            out += [left_out, ""]
            continue
        records: list[Note | Requirement] = [*notes, *bundle.requirements]
        evidence = [
            _evidence_line(bundle, record) for record in records if evidence_goal(record) is goal
        ]
        out += evidence or [t("report.no_evidence")]
        out.append("")
    unassigned = [n for n in notes if n.goal is None]
    if unassigned:
        out += [f"### {t('report.unassigned')}"] + [_note_line(bundle, n) for n in unassigned]
        out.append("")

    out += [f"## {t('report.requirements')}", ""]
    for r in bundle.requirements:
        title = md(r.title or r.pain or r.scenario or r.user)
        state = f"{display(r.state)} · {display(r.group)}"
        out.append(f"- {aside(f'**{title}**', state)}")
        for field in REQUIREMENT_FIELDS:
            value = getattr(r, field)
            if value:
                said = t("report.field", name=display_of("field", field), text=md(value))
                out.append(f"  - {said}")
        if schedule := schedule_summary(r):
            out.append(f"  - {labelled(t('report.schedule'), md(schedule))}")
        out += _solution_lines(r)
        if r.missing:
            out.append(f"  - ⚠ {t('report.unclear', missing=display_list('field', r.missing))}")
    out += [] if bundle.requirements else [t("report.none")]
    out += ["", f"## {t('report.commitments')}", ""]
    out += [
        _commitment_line(c, today, bundle.visit, bundle.owner_of(c)) for c in bundle.commitments
    ]
    out += [] if bundle.commitments else [t("report.none")]
    if kept is not None:
        out += ["", t("report.kept", customer=md(bundle.customer.name), line=kept_line(kept))]
    out += ["", f"## {t('report.pains')}", ""]
    pains = [n for n in bundle.notes if n.kind == "pain"]
    out += [f"- {md(n.text, block=True, indent='  ')} → {md(n.action)}" for n in pains] or [
        t("report.none")
    ]
    out += [
        "",
        f"## {t('report.next_step')}",
        "",
        md(visit.next_step, block=True) or t("report.none"),
        "",
    ]
    out += _not_asked(bundle)
    return "\n".join(out)


def _not_asked(bundle: VisitBundle) -> list[str]:
    """Planned questions skipped or not reached, by role: where the next visit starts."""
    left = not_asked(bundle.script)
    out = [f"## {t('report.not_asked')}", ""]
    if not left:
        return [*out, t("report.none"), ""]
    for role in Role:
        items = [item for item in left if item.role is role]
        if items:
            out.append(f"### {display(role)}")
            for item in items:
                skipped = item.status is ItemStatus.SKIPPED
                why = t("report.skipped" if skipped else "report.not_reached")
                out.append(f"- {aside(md(marked(item.text)), why)}")
            out.append("")
    return [*out, t("report.carry_over_hint"), ""]


def _agreed_plan(plan: dict[str, str]) -> list[str]:
    """The plan the customer agreed to, as sub-items (nothing when not agreed)."""
    lines = []
    if "plan" in plan and "planned" in plan:  # two sentences, never run together
        text = md(plan["plan"].rstrip(" .。;；,，"))
        lines.append(f"  - {t('recap.plan_dated', text=text, date=md(plan['planned']))}")
    elif "plan" in plan:
        lines.append(f"  - {t('recap.plan', text=md(plan['plan']))}")
    elif "planned" in plan:
        lines.append(f"  - {t('recap.planned', date=md(plan['planned']))}")
    if "workaround" in plan:
        lines.append(f"  - {t('recap.workaround', text=md(plan['workaround']))}")
    return lines


def _need(r: dict[str, str]) -> str:
    fields = [
        t("report.field", name=t(f"recap.field.{k}"), text=md(r[k]))
        for k in ("user", "scenario", "pain")
        if r[k]
    ]
    return joined(fields, "semicolon") or md(r["title"])


def _requirement_lines(r: dict[str, str]) -> list[str]:
    """A requirement as the customer reads it: its title in bold, then what we heard (who,
    when, the impact) under it; without a title, what we heard is the line."""
    heard = _need(r)
    if not r["title"].strip():
        return [f"- {heard}"]
    lines = [f"- **{md(r['title'])}**"]
    if heard != md(r["title"]):
        lines.append(f"  - {heard}")
    return lines


def _solutions_to_confirm(requirements: list[dict[str, str]]) -> list[str]:
    """Each proposed solution that waits for the customer's answer, with our reasoning."""
    waiting = [
        r
        for r in requirements
        if r["solution_answer"] == "waiting" and r["state"] not in ("delivered", "declined")
    ]
    if not waiting:
        return []
    out = [f"## {t('recap.solutions')}", "", t("recap.solutions_intro"), ""]
    for r in waiting:
        name = md(r["title"]) or _need(r)
        out.append(f"- {labelled(f'**{name}**', md(r['solution']))}")
        if r["solution_reasoning"].strip():
            out.append(f"  - {t('recap.solution_why', text=md(r['solution_reasoning']))}")
    return [*out, "", t("recap.solutions_ask"), ""]


def recap_md(bundle: VisitBundle, sender_name: str = "") -> str:
    """For the customer, as a letter: a greeting to the people who attended, thanks, what we
    shared, requirements to confirm, what they can already do (and how), the commitments that
    stand (dropped ones are left out, done ones say so), and the closing signed with the
    sender's name (from the settings)."""
    day = _day(bundle)
    names = t("chase.name_separator").join(md(p.name) for p in bundle.attendees if p.name.strip())
    out = [
        f"# {t('recap.title', customer=md(bundle.customer.name), date=day)}",
        "",
        t("chase.greeting", names=names) if names else t("chase.greeting_none"),
        "",
        t("recap.thanks", date=day),
        "",
    ]
    if bundle.visit.give_back:
        out += [f"## {t('recap.shared')}", ""]
        out += [f"- {md(item)}" for item in bundle.visit.give_back] + [""]
    requirements = [(safe_requirement(r), schedule_for_customer(r)) for r in bundle.requirements]
    supported = [(r, plan) for r, plan in requirements if r["state"] == "already_supported"]
    to_confirm = [(r, plan) for r, plan in requirements if r["state"] != "already_supported"]
    if to_confirm:
        out += [f"## {t('recap.requirements')}", ""]
        for r, plan in to_confirm:
            out += _requirement_lines(r)
            if r["solution_answer"] == "agreed":
                out.append(f"  - {t('recap.solution_agreed', text=md(r['solution']))}")
            out += _agreed_plan(plan)
        out.append("")
    out += _solutions_to_confirm([r for r, _plan in to_confirm])
    if supported:
        out += [f"## {t('recap.supported')}", ""]
        for r, _plan in supported:
            how = (
                t("recap.how_to_use", how=md(r["how_to_use"]))
                if r["how_to_use"].strip()
                else t("recap.supported_no_how")
            )
            out += [*_requirement_lines(r), f"  - {how}"]
        out.append("")
    # a colleague's 我 / me is that colleague, to the customer too
    commitments = recap_commitments(bundle.commitments, bundle.owner_of)
    if commitments:
        out += [f"## {t('recap.commitments')}", ""]
        for c in commitments:
            key = "recap.owner_us" if c["owner_side"] == "us" else "recap.owner_customer"
            owner = t(key, name=md(c["owner_name"]) or "—")
            due = t("recap.due", date=md(c["due"])) if c["due"] else ""
            done = t("recap.done") if c["state"] == "done" else ""
            out.append(f"- {aside(labelled(md(c['text']), joined([owner, due])), done)}")
        out.append("")
    if bundle.visit.next_step:
        out += [f"## {t('recap.next_step')}", "", md(bundle.visit.next_step, block=True), ""]
    out += [t("recap.closing"), ""]  # a letter ends as one
    if sender_name.strip():  # a hard line break: the name under the regards
        out += [f"{t('recap.regards')}  ", md(" ".join(sender_name.split())), ""]
    return "\n".join(out)
