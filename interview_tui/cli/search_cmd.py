"""``interview-tui search``: notes, requirements, commitments, people and customers, Chinese
or English."""

from __future__ import annotations

from dataclasses import asdict

import click

from interview_tui.cli.helptext import Localised
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo, echo_json


@click.command("search", cls=Localised)
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_settings
def search(settings: Settings, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search across every visit, person and customer; each result names its visit
    (or, for a person or a customer, the customer) and shows context."""
    from interview_tui.i18n import t
    from interview_tui.services.search import hit_kind, searchable
    from interview_tui.store.store import SEARCH_RANKED

    store, text = settings.open_store(read_only=True), " ".join(query)
    hits = store.search(text, limit=limit)
    if len(hits) == limit:
        echo(t("cli.search.limited", limit=limit), err=True)
    if store.search_cut_off(text):
        echo(t("cli.search.cut_off", ranked=SEARCH_RANKED), err=True)
    if as_json:
        echo_json(asdict(hit) for hit in hits)  # written hit by hit
        return
    if not hits:
        echo(t("cli.search.none" if searchable(text) else "cli.search.unsearchable"))
    for hit in hits:
        if hit.visit_id is None:  # a person, a customer: no visit to name
            echo(t("cli.search.hit_no_visit", customer=hit.customer, kind=hit_kind(hit)))
        else:
            echo(
                t(
                    "cli.search.hit",
                    id=f"{hit.visit_id:>4}",
                    date=hit.visit_date,
                    customer=hit.customer,
                    kind=hit_kind(hit),
                )
            )
        echo(f"    {hit.snippet}")
