"""``interview-tui demo``: fill the database with a realistic demo."""

from __future__ import annotations

from datetime import date

import click

from interview_tui.cli.helptext import Localised
from interview_tui.cli.main import Settings, pass_settings
from interview_tui.cli.output import echo


@click.command("demo", cls=Localised)
@click.option("--visits", "extra_visits", type=click.IntRange(min=0), default=0)
@click.option("--open", "open_app", is_flag=True)
@pass_settings
def demo(settings: Settings, extra_visits: int, open_app: bool) -> None:
    """Add two demo accounts with visits, notes, requirements and commitments.

    Without --db (or INTERVIEW_TUI_DB) the demo goes to its own file, demo.db, never into
    your own database. Running it again adds nothing twice.
    """
    from dataclasses import replace

    from interview_tui.i18n import t
    from interview_tui.services.demo import seed_demo
    from interview_tui.store.paths import default_db_path, demo_db_path, make_private_dir

    if settings.db_path is None:
        own = default_db_path()
        demo_path = demo_db_path()
        settings = replace(settings, db_path=demo_path)
        make_private_dir(demo_path.parent)
        echo(t("cli.demo.using", path=settings.db_path, own=own), err=True)
    path = (settings.db_path or default_db_path()).expanduser()
    if path.exists():  # the user's own file, or a demo already built: added to in place
        store = settings.open_store()
        added = seed_demo(store, date.today(), extra_visits)
    else:  # a new file (or one whose build was stopped): built fast, put in place whole
        from interview_tui.services.demo import seed_new_file

        added = seed_new_file(path, date.today(), extra_visits)
        store = settings.open_store()
    for name, demo_name in added["renamed"]:
        echo(t("cli.demo.renamed", name=repr(name), demo=repr(demo_name)), err=True)
    echo(
        t(
            "cli.demo.added",
            accounts=t("cli.demo.accounts", count=added["accounts"]),
            visits=t("cli.demo.synthetic", count=added["synthetic_visits"]),
            path=store.path,
        ),
        err=open_app,
    )
    store.close()
    if open_app:
        from interview_tui.cli.tui_cmd import run_app

        run_app(settings)
