"""Run a test's script in a new Python process on a test database: what a process imports
and does from its start can only be seen in a process of its own."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

#: the start of every such script: the app in English on the database named by argv[1],
#: built as the CLI builds it, with ``{options}`` added to build_app's arguments; and
#: ``plan_shown(pilot)``, which waits until the plan is in front with its data
APP = """
import asyncio, sys, time
from interview_tui.i18n import set_language
from interview_tui.store import open_store
from interview_tui.tui.app import build_app

set_language("en")
app = build_app(
    open_store(sys.argv[1]), animate=False, option_keys=False, theme="dark"{options}
)

async def plan_shown(pilot, tries=400, wait=0.02):
    for _ in range(tries):
        await pilot.pause(wait)
        if type(app.screen).__name__ == "PlanScreen" and not app.screen.busy:
            return
"""


def app_script(body: str, options: str = "") -> str:
    """:data:`APP` with ``options`` (``", preload_idle=0.3"``), then ``body``."""
    return APP.format(options=options) + body


def run_on(store: Any, code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a new interpreter with the path of ``store``'s database as argv[1];
    the database is checkpointed first, so the new process reads every row; and the parsed
    catalog is kept beside the catalog files, as an installed app's first start leaves it
    (else the process parses the TOML, which no later start does)."""
    from interview_tui import i18n

    if not i18n._catalog_paths()[1].exists():
        i18n.compile_catalog()
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return subprocess.run(
        [sys.executable, "-c", code, str(store.path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
