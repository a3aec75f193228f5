"""``interview-tui team``: share customers, the requirement pool and every promise with the
team through its own git repository. The only commands that reach the network, through git.
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Any

import click

from interview_tui.cli.helptext import LocalisedGroup
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo, echo_json
from interview_tui.i18n import t


@click.group("team", cls=LocalisedGroup)
def team() -> None:
    """Share customers, the requirement pool and every promise through the team's git repository."""


def _run(action: Any) -> Any:
    """Run a team action; git's and the merge's failures become one line."""
    from interview_tui.errors import UserError
    from interview_tui.team.git import GitError

    try:
        return action()
    except GitError as exc:
        raise UserError(t("cli.team.git_failed", reason=str(exc))) from None


def _progress(line: str) -> None:
    echo(line, err=True)


@team.command("init")
@click.argument("url")
@click.option("--name", "team_name", required=True)
@click.option("--as", "member", required=True, metavar="EMAIL")
@click.option("--display-name", "display_name", default="")
@pass_settings
def init(settings: Settings, url: str, team_name: str, member: str, display_name: str) -> None:
    """Start a team in the empty git repository at URL (any URL git takes, or a local path)."""
    from interview_tui.team.sync import init_team

    store = settings.open_store()
    _run(lambda: init_team(store, url, team_name, member, display_name, datetime.now()))
    echo(t("cli.team.started", name=team_name, url=url))


@team.command("join")
@click.argument("url")
@click.option("--as", "member", required=True, metavar="EMAIL")
@click.option("--name", "display_name", default="")
@click.option("--json", "as_json", is_flag=True)
@pass_settings
def join(settings: Settings, url: str, member: str, display_name: str, as_json: bool) -> None:
    """Join the team whose repository is at URL: clone it and bring in everything shared."""
    from interview_tui.team.sync import join_team

    store = settings.open_store()
    result = _run(lambda: join_team(store, url, member, display_name, datetime.now(), _progress))
    _report(result, as_json)


@team.command("share")
@click.argument("visit_id", metavar="VISIT", type=int)
@click.option("--json", "as_json", is_flag=True)
@pass_settings
def share(settings: Settings, visit_id: int, as_json: bool) -> None:
    """Share VISIT with the team (its customer joins the team); says what leaves and what stays."""
    from interview_tui.team.actions import share_visit

    summary = share_visit(settings.open_store(), visit_id, datetime.now())
    if as_json:
        echo_json(summary.to_dict())
        return
    echo(
        t(
            "cli.team.shared",
            id=visit_id,
            customer=summary.customer,
            notes=t("archive.impact.notes", count=summary.notes_shared),
            requirements=t("archive.impact.requirements", count=summary.requirements),
            commitments=t("archive.impact.commitments", count=summary.commitments),
        )
    )
    if summary.notes_kept:
        echo(t("cli.team.kept_here", count=summary.notes_kept))


@team.command("sync")
@click.option("--json", "as_json", is_flag=True)
@pass_settings
def sync(settings: Settings, as_json: bool) -> None:
    """Send what changed here, bring in the team's changes, and say what is in conflict.

    Refused while a meeting is open in the live screen (as the app's own sync is): the
    team's changes could change the visit under its notes."""
    from interview_tui.errors import UserError
    from interview_tui.services.live_windows import any_open
    from interview_tui.team.sync import sync as run_sync

    store = settings.open_store()
    if any_open(store):
        raise UserError(t("cli.team.live_open"))
    result = _run(lambda: run_sync(store, datetime.now(), _progress))
    _report(result, as_json)


#: the exit status of a sync that did not reach the team (its changes kept for the next)
EXIT_OFFLINE = 1


def _report(result: Any, as_json: bool) -> None:
    """What the sync did; one that did not reach the team says so on stderr (what it
    received before it was cut is said too) and exits with :data:`EXIT_OFFLINE`."""
    if as_json:
        echo_json(result.to_dict())
    elif not result.offline or result.received:
        echo(
            t(
                "cli.team.synced",
                sent=result.sent,
                received=result.received,
                conflicts=result.new_conflicts,
            )
        )
    if result.offline:
        if not as_json:
            echo(t("cli.team.offline", reason=result.offline), err=True)
        sys.exit(EXIT_OFFLINE)
    if result.open_conflicts:
        echo(t("cli.team.open_conflicts", count=result.open_conflicts), err=True)


@team.command("status")
@click.option("--json", "as_json", is_flag=True)
@pass_settings
def status(settings: Settings, as_json: bool) -> None:
    """Where this laptop stands with the team: member, repository, last sync, open conflicts."""
    from interview_tui.team.actions import status as team_status

    found = team_status(settings.open_store(read_only=True))
    if as_json:
        echo_json(found.to_dict())
        return
    echo(
        t(
            "cli.team.status",
            team=found.team,
            member=found.member,
            url=found.url,
            synced=found.synced_at[:16].replace("T", " ") or t("cli.team.never"),  # to the minute
            conflicts=found.open_conflicts,
            shared=found.shared_visits,
            private=found.private_notes,
        )
    )


@team.command("conflicts")
@click.option("--json", "as_json", is_flag=True)
@pass_settings
def conflicts(settings: Settings, as_json: bool) -> None:
    """Every open conflict: the record, the field and each value with who set it when."""
    from interview_tui.services.history import shown_value
    from interview_tui.team.actions import conflicts as open_conflicts

    found = open_conflicts(settings.open_store(read_only=True))
    if as_json:
        echo_json([c.to_dict() for c in found])
        return
    if not found:
        echo(t("cli.team.no_conflicts"))
    for conflict in found:
        echo(f"{conflict.uid}  {conflict.field}  {conflict.title}")
        for n, value in enumerate(conflict.values, start=1):
            who, when = value.get("by") or "?", value.get("at") or "?"
            shown = shown_value(conflict.field, value.get("value"))  # as the app shows it
            # the time the value was sent to the team (its sync), not when it was typed
            echo(f"  {n}. {shown}  ({t('cli.team.value_sent', who=who, when=when)})")


@team.command("resolve")
@click.argument("uid")
@click.argument("field")
@click.option("--take", type=int, default=None)
@click.option("--value", default=None)
@pass_settings
def resolve(settings: Settings, uid: str, field: str, take: int | None, value: str | None) -> None:
    """Resolve the conflict on FIELD of record UID with one of its values or a new one."""
    from interview_tui.team.actions import resolve as resolve_conflict

    resolve_conflict(settings.open_store(), uid, field, take=take, value=value)
    echo(t("cli.team.resolved", uid=uid, field=field))


@team.command("same")
@click.argument("uid")
@click.argument("other_uid", metavar="OTHER_UID")
@pass_settings
def same(settings: Settings, uid: str, other_uid: str) -> None:
    """Say customers UID and OTHER_UID are the same customer (both records stay)."""
    from interview_tui.team.actions import mark_same

    mark_same(settings.open_store(), uid, other_uid)
    echo(t("cli.team.same", uid=uid, other=other_uid))
