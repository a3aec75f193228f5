"""Read back what was captured, customer-safe, and agree the next step before leaving."""

from __future__ import annotations

from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from interview_tui.domain.enums import CommitmentState
from interview_tui.domain.models import Commitment, Requirement
from interview_tui.i18n import t
from interview_tui.services.customer_safe import recap_commitments, safe_requirement
from interview_tui.services.live_session import LiveSession
from interview_tui.services.schedule import schedule_read_back
from interview_tui.tui.base import BaseModal, TranslatedBindings
from interview_tui.tui.inputs import Input
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.live.customer_view import CustomerViewBand
from interview_tui.tui.text import Block, copy_text, hanging


def read_back_lines(session: LiveSession) -> tuple[list[str], list[str]]:
    """Requirements and commitments as they are read to the customer (nothing internal):
    the commitments the recap will restate, dropped ones left out, done ones said done."""
    requirements, commitments = read_back(session)
    return [str(line) for _r, line in requirements], [line for _c, line in commitments]


def read_back(
    session: LiveSession,
) -> tuple[list[tuple[Requirement, Block]], list[tuple[Commitment, str]]]:
    """Each requirement with its lines (its title, what they need, the solution agreed or
    proposed, then the schedule: their latest date, our planned date, the workaround, agreed
    or not) and each commitment with its line, as the customer hears them."""
    requirements = []
    for requirement in session.requirements:
        data = safe_requirement(requirement)
        title = " ".join(data["title"].split())
        need = " · ".join(part for part in (data["user"], data["scenario"], data["pain"]) if part)
        lines = [hanging("• ", title or need)]
        if title and need:
            lines.append(hanging("  ", need))
        if data["solution"].strip():  # the solution they agreed to, or the one we propose
            agreed = data["solution_answer"] == "agreed"
            key = "confirm.solution_agreed" if agreed else "confirm.solution_proposed"
            lines.append(hanging("  ", t(key, text=" ".join(data["solution"].split()))))
        if schedule := schedule_read_back(requirement):
            lines.append(hanging("  ", schedule, "dim"))
        requirements.append((requirement, Block(lines)))
    commitments = []
    standing = [c for c in session.commitments if c.state is not CommitmentState.DROPPED]
    for commitment, data in zip(standing, recap_commitments(standing), strict=True):
        key = "recap.owner_us" if data["owner_side"] == "us" else "recap.owner_customer"
        owner = t(key, name=data["owner_name"] or "—")
        due = t("recap.due", date=data["due"]) if data["due"] else ""
        done = t("recap.done") if data["state"] == "done" else ""
        line = " · ".join(p for p in (data["text"], owner, due, done) if p)
        commitments.append((commitment, line))  # worded as the recap words them
    return requirements, commitments


class ReadBackItem(TranslatedBindings, Static, can_focus=True):
    """One requirement or commitment read back; enter (or ``e``) opens it to correct it."""

    BINDINGS = [
        Binding(
            "enter,e",
            "correct",
            "confirm.correct",
            id="confirm.correct",
            tooltip="confirm.correct.help",
        )
    ]

    def __init__(self, content: Any, record: Requirement | Commitment | None = None) -> None:
        super().__init__(content, classes="item")
        self.record = record
        self.can_focus = record is not None

    def action_correct(self) -> None:
        if self.record is not None and isinstance(self.screen, ConfirmBackScreen):
            self.screen.correct(self.record)


class ConfirmBackScreen(BaseModal):
    """Returns ``"ended"`` when the meeting was closed, else ``None``.

    The screen is turned to the customer: the read-back fills the whole terminal under the
    customer-view band, so nothing of the live screen (its limits, research, internal notes)
    shows around it, whichever view the live screen was in.
    """

    DEFAULT_CSS = """
    ConfirmBackScreen { background: $surface; }
    ConfirmBackScreen #confirm-box {
        width: 100%; height: 1fr; border: thick $success; background: $surface; padding: 0 1;
    }
    ConfirmBackScreen #confirm-box > VerticalScroll { height: 1fr; }
    ConfirmBackScreen #confirm-foot { height: auto; }
    ConfirmBackScreen .dialog-title { text-style: bold; color: $text-success; }
    ConfirmBackScreen .section { text-style: bold; padding-top: 1; }
    ConfirmBackScreen #confirm-foot .section { padding-top: 0; }
    ConfirmBackScreen .item { padding-left: 2; height: auto; }
    ConfirmBackScreen .item:focus { background: $accent 30%; border-left: outer $accent;
                                    padding-left: 1; }
    ConfirmBackScreen #read-back { height: auto; }
    ConfirmBackScreen .hint { color: $text-muted; height: auto; }
    ConfirmBackScreen #confirm-message { color: $warning; height: auto; }
    ConfirmBackScreen #confirm-message.-asking { text-style: bold; }
    ConfirmBackScreen .buttons { height: auto; align-horizontal: right; }
    ConfirmBackScreen Button { margin-left: 1; }
    ConfirmBackScreen.-narrow .buttons { display: none; }
    """
    #: below this width the buttons give way (the key bar names the same keys)
    NARROW_COLUMNS = 70
    BINDINGS = [
        Binding("escape", "cancel", "dialog.cancel", id="confirm.cancel"),
        Binding("ctrl+s", "save", "confirm.save", id="confirm.save", priority=True),
        Binding("ctrl+e", "end", "confirm.end", id="confirm.end", priority=True),
        Binding("y", "copy_recap", "confirm.copy", id="confirm.copy", tooltip="confirm.copy.help"),
    ]

    def __init__(self, session: LiveSession) -> None:
        super().__init__()
        self.session = session
        self._asked_end = False

    def compose(self) -> ComposeResult:
        """The read-back scrolls; the next step, what ending asks and the buttons stay in
        sight under it, at any size, with the keys on the bottom line."""
        yield CustomerViewBand()
        with Vertical(id="confirm-box"):
            with VerticalScroll():
                yield Static(t("confirm.title"), classes="dialog-title")
                yield Vertical(*self._items(), id="read-back")
                yield Static(t("confirm.hint"), classes="hint")
            with Vertical(id="confirm-foot"):
                yield Label(t("confirm.next_step"), classes="section")
                yield Input(
                    value=self.session.visit.next_step,
                    placeholder=t("confirm.next_step_placeholder"),
                    id="next-step",
                    compact=True,
                )
                yield Static("", id="confirm-message")
                with Horizontal(classes="buttons"):
                    yield Button(t("dialog.cancel"), id="cancel", compact=True)
                    yield Button(t("confirm.save") + " (ctrl+s)", id="save", compact=True)
                    yield Button(
                        t("confirm.end") + " (ctrl+e)", id="end", variant="success", compact=True
                    )
        yield KeyBar()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < self.NARROW_COLUMNS, "-narrow")

    def _items(self) -> list[Static]:
        """What the recap will say, in its order: what we shared (the plan's give-back,
        read as the recap's first section), the requirements, the commitments."""
        requirements, commitments = read_back(self.session)
        items: list[Static] = []
        if shared := [" ".join(item.split()) for item in self.session.visit.give_back]:
            items.append(Static(t("recap.shared"), classes="section"))
            items += [ReadBackItem(hanging("• ", item)) for item in shared if item]
        items.append(Static(t("confirm.requirements"), classes="section"))
        items += [ReadBackItem(block, r) for r, block in requirements] or [
            ReadBackItem(hanging("• ", t("confirm.none")))
        ]
        items.append(Static(t("confirm.commitments"), classes="section"))
        items += [ReadBackItem(hanging("• ", line), c) for c, line in commitments] or [
            ReadBackItem(hanging("• ", t("confirm.none")))
        ]
        return items

    def correct(self, record: Requirement | Commitment) -> None:
        """Open a requirement or commitment in its live dialog, filled in; once saved the
        read-back shows the change, with that item highlighted. The dialogs are the
        customer view's: no limit, no override."""
        from interview_tui.tui.live.dialogs import CommitmentDialog, RequirementDialog

        session, today = self.session, self.iapp.today()

        def saved(result: dict[str, Any] | None) -> None:
            if not result:
                return
            if isinstance(record, Requirement):
                session.update_requirement(record, **result)
            else:
                session.update_commitment(record, **result, today=today)
            self.notify(t("confirm.corrected"), timeout=2)
            self.call_later(self._redraw, record)

        if isinstance(record, Requirement):
            dialog: Any = RequirementDialog(today, requirement=record)
        else:
            dialog = CommitmentDialog(today, session.beyond_authority, safe=True, commitment=record)
        dialog.draft_context = f"visit:{session.visit.id}"
        self.app.push_screen(dialog, saved)

    def action_copy_recap(self) -> None:
        """``y`` (an item or a button in focus, not the next step being typed): the recap
        as it will be sent, customer-safe, with what the meeting captured until now."""
        self.session.flush()
        self._copy_recap()

    @work(thread=True, exit_on_error=False, group="recap")
    def _copy_recap(self) -> None:
        """In a worker: once the notes handed to the writer are written (another program
        may hold the database a while), the recap is read and copied. The UI never waits."""
        from interview_tui.exports.render import render
        from interview_tui.tui.data import read_error

        app, session = self.iapp, self.session
        try:
            session.wait_written()
            recap = render(
                app.store,
                session.visit.id or 0,
                "recap-md",
                include_personal=False,
                today=app.today(),
                now=app.now(),
                settings=app.user_settings(),
            )
        except Exception as exc:  # one line for the user, whatever went wrong
            app.call_from_thread(
                app.notify, read_error(exc, app.store.path), severity="error", timeout=10
            )
            return
        app.call_from_thread(copy_text, app, recap.decode("utf-8").rstrip("\n"))

    async def _redraw(self, record: Requirement | Commitment) -> None:
        box = self.query_one("#read-back", Vertical)
        await box.remove_children()
        await box.mount_all(self._items())
        for item in self.query(ReadBackItem):
            if item.record is record:
                item.focus()

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
            message = self.query_one("#confirm-message", Static)
            message.update(t("confirm.end_ask"))
            message.add_class("-asking")
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
