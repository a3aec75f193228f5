"""Asked when a requirement goes to "in progress" without a solution the customer agreed:
why the PM goes ahead anyway (kept in its history and the internal report); esc keeps it
where it was."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from interview_tui.i18n import t
from interview_tui.tui.forms import FormDialog
from interview_tui.tui.inputs import Input
from interview_tui.tui.text import literal


class OverrideDialog(FormDialog):
    """Returns ``{"reason": text}``, or ``None`` when the move is given up."""

    TITLE_KEY = "gate.title"

    def __init__(
        self, what: str, *, title_key: str = "gate.title", body_key: str = "gate.body"
    ) -> None:
        super().__init__()
        self.title_text = what
        self.TITLE_KEY, self.body_key = title_key, body_key

    def fields(self) -> ComposeResult:
        yield Static(literal(self.title_text), classes="hint")
        yield Static(t(self.body_key), classes="hint")
        yield Input(compact=True, id="reason", placeholder=t("gate.reason_hint"))
        yield Static("", id="gate-error", classes="hint error-message")

    def result(self) -> dict[str, Any] | None:
        reason = " ".join(self.value("reason").split())
        if not reason:
            self.query_one("#gate-error", Static).update(t("gate.reason_required"))
            return None
        return {"reason": reason}
