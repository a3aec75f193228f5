"""Opening the live screen: from home and from the plan, a visit planned for another day is
asked about once ("This visit is on DATE. Start the meeting now?", enter yes, esc no)."""

from __future__ import annotations

from typing import Any

from interview_tui.i18n import t
from interview_tui.services.visits import live_check
from interview_tui.tui.confirm import ConfirmDialog


def start_live(screen: Any, visit_id: int) -> None:
    """Open the live screen for ``visit_id`` from ``screen`` (a data screen: it reads in a
    worker); a visit planned for another day is confirmed first."""
    app = screen.iapp
    store, today = app.store, app.today()

    def go_live(yes: bool | None = True) -> None:
        if yes:
            app.show("live", visit_id=visit_id)

    def checked(result: tuple[bool, str]) -> None:
        ask, day = result
        if not ask:
            go_live()
            return
        app.push_screen(
            ConfirmDialog(
                t("lifecycle.live_early.title"),
                t("lifecycle.live_early.body", date=day),
                t("lifecycle.live_early.yes"),
                no=t("lifecycle.live_early.no"),
                enter_yes=True,
            ),
            go_live,
        )

    screen.read(lambda: live_check(store, visit_id, today), checked)
