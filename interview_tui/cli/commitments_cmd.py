"""``interview-tui commitments``: every promise across visits, overdue first; and the
commands that change one (done, drop, reschedule, reopen, override), each kept in its history.
"""

from __future__ import annotations

from datetime import date

import click

from interview_tui.cli.helptext import LocalisedGroup
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo, echo_json
from interview_tui.i18n import joined, labelled, t


@click.group("commitments", cls=LocalisedGroup, invoke_without_command=True)
@click.option("--open", "open_only", is_flag=True)
@click.option("--overdue", "overdue_only", is_flag=True)
@click.option("--late", "late_only", is_flag=True)
@click.option("--week", "due_this_week", is_flag=True)
@click.option("--due-soon", "due_soon", is_flag=True)
@click.option("--owner", default="")
@click.option("--member", default="")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def commitments(
    ctx: click.Context,
    open_only: bool,
    overdue_only: bool,
    due_this_week: bool,
    owner: str,
    as_json: bool,
    due_soon: bool = False,
    member: str = "",
    late_only: bool = False,
) -> None:
    """List commitments with their customer, owner, due date and state.

    Kept on time is ours only, judged against each commitment's first due date (a
    reschedule never makes a late promise on time). The subcommands change one commitment.
    """
    if ctx.invoked_subcommand is not None:
        return
    from interview_tui.domain.enums import OwnerSide
    from interview_tui.domain.names import display_of
    from interview_tui.domain.owners import owner_shown
    from interview_tui.i18n import pad
    from interview_tui.services.commitments import (
        DUE_SOON_DAYS,
        DUE_SOON_LINES,
        CommitmentFilter,
        commitment_dicts,
        commitment_lines,
        count_commitments,
        kept_on_time,
        late_note,
        member_filter,
        state_label,
    )
    from interview_tui.services.history import field_label

    settings = ctx.find_object(Settings)
    if settings is None:  # main() always sets it: only a caller bypassing main gets here
        raise RuntimeError("commitments runs under the interview-tui command")
    today = date.today()
    store = settings.open_store(read_only=True)
    who, me = member_filter(store, member)
    filters = CommitmentFilter(
        open_only=open_only,
        overdue_only=overdue_only,
        late_only=late_only,
        due_this_week=due_this_week,
        owner=owner,
        due_within=DUE_SOON_DAYS if due_soon else None,
        member=who,
        me=me,
    )
    if as_json:  # written row by row as it is read: memory stays flat at any size
        kept = kept_on_time(store, today, per_customer=False)
        echo_json(
            {
                "commitments": commitment_dicts(store, today, filters),
                "kept_on_time": kept.ours.to_dict(),
                "kept_on_time_customer": kept.theirs.to_dict(),
            }
        )
        return
    shown = 0
    # plain rows, one at a time; a prompt's --due-soon reads the first few from the index
    limit = DUE_SOON_LINES if due_soon else None
    for line in commitment_lines(store, today, filters, limit=limit):
        shown += 1
        due = line.due or t("cli.commitments.no_date")
        dates = line.dates()
        mark = state_label(dates, today)
        name = owner_shown(line.owner_side, line.owner_name, line.author, me, str)  # (by e-mail)
        owner_text = labelled(display_of(OwnerSide, line.owner_side), name or "-")
        late = f"  [{note}]" if (note := late_note(dates, today)) else ""
        if line.conflicts:  # another laptop holds another value until someone resolves it
            fields = joined(map(field_label, line.conflicts), "list")
            late += t("cli.pool.conflicts", fields=fields)
        text = (
            f"{line.id:>5}  {pad(due, 10)}  {pad(mark, 8)}  {pad(line.customer, 20)}  "
            f"{pad(owner_text, 18)}  {line.text}{late}"
        )
        echo(text, fg="red" if dates.is_late(today) else None)
    if not shown:
        echo(t("cli.commitments.none"), err=due_soon)  # a prompt shows nothing when all is well
    if due_soon:  # for prompts and scripts: the lines, and how many more on standard error
        if shown == DUE_SOON_LINES and (more := count_commitments(store, today, filters) - shown):
            echo(t("cli.commitments.more_due_soon", count=f"{more:,}"), err=True)
        return
    kept = kept_on_time(store, today, per_customer=False)
    for key, rate in (
        ("cli.commitments.kept_ours", kept.ours),
        ("cli.commitments.kept_theirs", kept.theirs),
    ):
        if rate.rate is not None:
            echo(t(key, kept=rate.kept, due=rate.due, rate=f"{rate.rate:.0%}"), err=True)


def _report(commitment) -> None:
    from interview_tui.domain.names import display

    due = commitment.due.isoformat() if commitment.due else t("cli.commitments.no_date")
    echo(t("cli.commitment.changed", id=commitment.id, state=display(commitment.state), due=due))


@commitments.command("done")
@click.argument("commitment_id", metavar="ID", type=int)
@click.option("--note", default="")
@pass_settings
def done(settings: Settings, commitment_id: int, note: str) -> None:
    """Mark commitment ID done (today)."""
    from interview_tui.domain.enums import CommitmentState
    from interview_tui.services.commitments import close, find

    store = settings.open_store()
    _report(close(store, find(store, commitment_id), CommitmentState.DONE, note, date.today()))


@commitments.command("drop")
@click.argument("commitment_id", metavar="ID", type=int)
@click.option("--reason", required=True)
@pass_settings
def drop(settings: Settings, commitment_id: int, reason: str) -> None:
    """Drop commitment ID, saying why (it leaves the customer recap)."""
    from interview_tui.domain.enums import CommitmentState
    from interview_tui.services.commitments import close, find

    store = settings.open_store()
    _report(close(store, find(store, commitment_id), CommitmentState.DROPPED, reason, date.today()))


@commitments.command("reschedule")
@click.argument("commitment_id", metavar="ID", type=int)
@click.argument("due", metavar="DATE")
@click.option("--reason", required=True)
@pass_settings
def reschedule(settings: Settings, commitment_id: int, due: str, reason: str) -> None:
    """Move the due date of commitment ID to DATE (2026-12-04, +14d, fri, 下周五 …).

    The first due date is kept: a promise already late stays late in the rate.
    """
    from interview_tui.domain.dates import parse_due, past_due_warning
    from interview_tui.services import commitments as service

    today = date.today()
    new_due = parse_due(due, today)  # a bad date is refused before the database opens
    store = settings.open_store()
    _report(service.reschedule(store, service.find(store, commitment_id), new_due, reason, today))
    if warning := past_due_warning(new_due, today):  # accepted, but said
        echo(warning, err=True)


@commitments.command("reopen")
@click.argument("commitment_id", metavar="ID", type=int)
@click.option("--reason", default="")
@pass_settings
def reopen(settings: Settings, commitment_id: int, reason: str) -> None:
    """Open a done or dropped commitment ID again."""
    from interview_tui.services import commitments as service

    store = settings.open_store()
    _report(service.reopen(store, service.find(store, commitment_id), date.today(), reason))


@commitments.command("override")
@click.argument("commitment_id", metavar="ID", type=int)
@click.option("--reason", required=True)
@pass_settings
def override(settings: Settings, commitment_id: int, reason: str) -> None:
    """Keep commitment ID although the authority check flagged it; the internal report says so."""
    from interview_tui.services.authority import override_authority

    saved = override_authority(settings.open_store(), commitment_id, reason, date.today())
    echo(t("cli.commitment.overridden", id=saved.id))
