"""Fill the account facts a visit's script leaves open (``<name>``), once for the visit."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Label, Static

from interview_tui.i18n import t
from interview_tui.tui.forms import FormDialog
from interview_tui.tui.inputs import Input
from interview_tui.tui.text import literal


class PlaceholderDialog(FormDialog):
    """One field per unfilled placeholder (with how many questions name it); returns
    ``{name: value}`` for the fields typed in (a blank field stays open)."""

    TITLE_KEY = "placeholder.title"

    def __init__(
        self, counts: dict[str, int], prefilled: dict[str, str] | None = None, context: str = ""
    ) -> None:
        super().__init__()
        self.counts = counts
        self.prefilled = prefilled or {}
        self.draft_context = context
        self.names = list(counts)

    def fields(self) -> ComposeResult:
        yield Static(t("placeholder.hint"), classes="hint")
        for n, name in enumerate(self.names):
            yield Label(literal(t("placeholder.label", name=name, count=self.counts[name])))
            yield Input(self.prefilled.get(name, ""), compact=True, id=f"fact-{n}")
        yield Static("", id="fact-message", classes="hint error-message")

    def result(self) -> dict[str, Any] | None:
        typed = {name: self.value(f"fact-{n}").strip() for n, name in enumerate(self.names)}
        bad = next((name for name, value in typed.items() if "<" in value or ">" in value), None)
        if bad is not None:
            self.query_one("#fact-message", Static).update(
                literal(t("placeholder.no_brackets", name=bad, value=typed[bad]))
            )
            self.query_one(f"#fact-{self.names.index(bad)}", Input).focus()
            return None
        return {name: value for name, value in typed.items() if value}
