"""``ctrl+z`` on the review screens: the last change made there is taken back.

Each screen kind keeps its own stack on the app (so a detail view opened from the pool
adds to the pool's, and leaving a screen and coming back keeps it).
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from interview_tui.i18n import t
from interview_tui.services.undo import Undo, undo
from interview_tui.tui.mixins import DataScreenMixin

UNDO_BINDING = Binding("ctrl+z", "undo", "undo.key", id="undo", tooltip="undo.key.help")


class UndoMixin(DataScreenMixin):
    """For a DataScreen: :meth:`remember` after a change, ``ctrl+z`` takes the last back."""

    UNDO_SCOPE = ""

    def _undo_stack(self) -> list[Undo]:
        return self.iapp.undo_stacks.setdefault(self.UNDO_SCOPE, [])

    def remember(self, entry: Undo) -> None:
        stack = self._undo_stack()
        stack.append(entry)
        del stack[:-50]

    def action_undo(self) -> None:
        stack = self._undo_stack()
        if not stack:
            self.notify(t("undo.nothing"), timeout=3)
            return
        entry = stack.pop()
        app = self.iapp
        store, today = app.store, app.today()

        def done(record: Any) -> None:
            self.notify(t("undo.done", change=entry.label), timeout=3)
            self.undone(record)

        app.save(lambda: undo(store, entry, today), done, lambda _e: stack.append(entry))

    def undone(self, record: Any) -> None:
        """Show the record as it is again (default: read the screen again)."""
        self.reload()
