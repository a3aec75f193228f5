"""``interview-tui search``: notes, requirements and commitments, Chinese or English."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from interview_tui.cli.main import Settings, pass_settings


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=30, show_default=True, help="At most this many results.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of lines.")
@pass_settings
def search(settings: Settings, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search across every visit; each result names its visit and shows context."""
    hits = settings.open_store().search(" ".join(query), limit=limit)
    if as_json:
        click.echo(json.dumps([asdict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("no matches")
    for hit in hits:
        click.echo(f"visit {hit.visit_id:>4}  {hit.visit_date}  {hit.customer}  [{hit.kind}]")
        click.echo(f"    {hit.snippet}")
