"""Read back what was captured, customer-safe, and agree the next step before leaving."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Label, Static

from interview_tui.i18n import t
from interview_tui.services.customer_safe import recap_commitments, safe_requirement
from interview_tui.services.live_session import LiveSession
from interview_tui.tui.base import BaseModal
from interview_tui.tui.inputs import Input
from interview_tui.tui.live.customer_view import CustomerViewBand
from interview_tui.tui.text import hanging


def read_back_lines(session: LiveSession) -> tuple[list[str], list[str]]:
    """Requirements and commitments as they are read to the customer (nothing internal):
    the commitments the recap will restate, dropped ones left out, done ones said done."""
    requirements = []
    for requirement in session.requirements:
        data = safe_requirement(requirement)
        parts = [data["user"], data["scenario"], data["pain"]]
        requirements.append(" · ".join(part for part in parts if part) or data["title"])
    commitments = []
    for data in recap_commitments(session.commitments):  # worded as the recap words them
        key = "recap.owner_us" if data["owner_side"] == "us" else "recap.owner_customer"
        owner = t(key, name=data["owner_name"] or "—")
        due = t("recap.due", date=data["due"]) if data["due"] else ""
        done = t("recap.done") if data["state"] == "done" else ""
        commitments.append(" · ".join(p for p in (data["text"], owner, due, done) if p))
    return requirements, commitments


class ConfirmBackScreen(BaseModal):
    """Returns ``"ended"`` when the meeting was closed, else ``None``.

    The screen is turned to the customer: the read-back fills the whole terminal under the
    customer-view band, so nothing of the live screen (its limits, research, internal notes)
    shows around it, whichever view the live screen was in.
    """

    DEFAULT_CSS = """
    ConfirmBackScreen { background: $surface; }
    ConfirmBackScreen > VerticalScroll {
        width: 100%; height: 1fr; border: thick $success; background: $surface; padding: 0 1;
    }
    ConfirmBackScreen .dialog-title { text-style: bold; color: $text-success; }
    ConfirmBackScreen .section { text-style: bold; padding-top: 1; }
    ConfirmBackScreen .item { padding-left: 2; height: auto; }
    ConfirmBackScreen #confirm-message { color: $warning; height: auto; }
    ConfirmBackScreen .buttons { height: auto; align-horizontal: right; padding-top: 1; }
    ConfirmBackScreen Button { margin-left: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "dialog.cancel", id="confirm.cancel"),
        Binding("ctrl+s", "save", "confirm.save", id="confirm.save", priority=True),
        Binding("ctrl+e", "end", "confirm.end", id="confirm.end", priority=True),
    ]

    def __init__(self, session: LiveSession) -> None:
        super().__init__()
        self.session = session
        self._asked_end = False

    def compose(self) -> ComposeResult:
        requirements, commitments = read_back_lines(self.session)
        yield CustomerViewBand()
        with VerticalScroll():
            yield Static(t("confirm.title"), classes="dialog-title")
            yield Static(t("confirm.requirements"), classes="section")
            for line in requirements or [t("confirm.none")]:
                yield Static(hanging("• ", line), classes="item")
            yield Static(t("confirm.commitments"), classes="section")
            for line in commitments or [t("confirm.none")]:
                yield Static(hanging("• ", line), classes="item")
            yield Label(t("confirm.next_step"), classes="section")
            yield Input(value=self.session.visit.next_step,
                        placeholder=t("confirm.next_step_placeholder"), id="next-step")  # fmt: skip
            yield Static("", id="confirm-message")
            with Horizontal(classes="buttons"):
                yield Button(t("dialog.cancel"), id="cancel")
                yield Button(t("confirm.save") + " (ctrl+s)", id="save")
                yield Button(t("confirm.end") + " (ctrl+e)", id="end", variant="success")

    def on_mount(self) -> None:
        if draft := self.drafts.get(self._draft_key):
            self.query_one("#next-step", Input).value = draft
        self.query_one("#next-step", Input).focus()

    def _next_step(self) -> str | None:
        text = self.query_one("#next-step", Input).value.strip()
        if not text:
            self.query_one("#confirm-message", Static).update(t("confirm.no_next_step"))
            self.query_one("#next-step", Input).focus()
            return None
        return text

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if (text := self._next_step()) is not None:
            self.drafts.pop(self._draft_key, None)
            self.session.set_next_step(text, end=False)
            self.dismiss(None)

    @on(Button.Pressed, "#end")
    def action_end(self) -> None:
        """Ending closes the meeting (the visit becomes done): asked once, then done."""
        if (text := self._next_step()) is None:
            return
        if not self._asked_end:
            self._asked_end = True
            self.query_one("#confirm-message", Static).update(t("confirm.end_ask"))
            return
        self.drafts.pop(self._draft_key, None)
        self.session.set_next_step(text, end=True)
        self.dismiss("ended")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Back to the meeting; a next step typed and not saved is kept for next time."""
        text = self.query_one("#next-step", Input).value
        if text.strip() and text != self.session.visit.next_step:
            self.drafts[self._draft_key] = text
        self.dismiss(None)

    @property
    def _draft_key(self) -> str:
        return f"confirm:{self.session.visit.id}"
