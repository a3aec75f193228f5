"""``interview-tui banks``: which question banks are loaded, and what is wrong with the rest."""

from __future__ import annotations

import json
from collections import Counter

import click

from interview_tui.cli.helptext import Localised
from interview_tui.domain.enums import Goal, Role


def bank_summaries() -> list[dict]:
    """One summary per bank file: its industry, counts per role, goal and role × goal, errors."""
    from interview_tui.banks.library import load_library

    summaries = []
    for load in load_library().loads:
        bank = load.bank
        questions = bank.questions if bank else ()
        roles = Counter(question.role.value for question in questions)
        goals = Counter(question.goal.value for question in questions)
        pairs = Counter((question.role.value, question.goal.value) for question in questions)
        summaries.append(
            {
                "id": bank.id if bank else None,
                "language": bank.language if bank else None,
                "title": bank.title if bank else None,
                "industry": bank.industry if bank else None,
                "path": str(load.path),
                "user": bank.user if bank else None,
                "questions": len(questions),
                "customer_questions": len(bank.customer_questions) if bank else 0,
                "roles": {role.value: roles.get(role.value, 0) for role in Role},
                "goals": {goal.value: goals.get(goal.value, 0) for goal in Goal},
                "role_goal": {
                    role.value: {
                        goal.value: pairs.get((role.value, goal.value), 0) for goal in Goal
                    }
                    for role in Role
                },
                "errors": [str(error) for error in load.errors],
            }
        )
    return summaries


@click.command("banks", cls=Localised)
@click.option("--json", "as_json", is_flag=True)
def banks(as_json: bool) -> None:
    """List the loaded question banks (bundled and your own) and any errors in them."""
    summaries = bank_summaries()
    if as_json:
        click.echo(json.dumps(summaries, ensure_ascii=False, indent=2))
        return
    from interview_tui.domain.names import display_of
    from interview_tui.i18n import pad, t

    for summary in summaries:
        if summary["id"] is None:
            click.secho("✗ " + t("cli.banks.not_loaded", path=summary["path"]), fg="red")
        else:
            origin = t("cli.banks.user" if summary["user"] else "cli.banks.bundled")
            questions = t("cli.banks.questions", count=summary["questions"])
            theirs = t("cli.banks.customer_questions", count=summary["customer_questions"])
            industry = display_of("industry", summary["industry"] or "")
            click.echo(
                f"{summary['id']:<20} {summary['language']:<6} {pad(industry, 22)}"
                f" {pad(questions, 14)} {pad(theirs, 24)} {pad(origin, 8)} {summary['title']}"
            )
            click.echo(f"    {summary['path']}")
        for error in summary["errors"]:
            click.secho(f"    {error}", fg="red", err=True)
    if not summaries:
        click.echo(t("cli.banks.none"))
