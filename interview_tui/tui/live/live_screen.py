"""The live meeting screen: the script, the current question, the note, the goals.

Everything typed is saved within a third of a second, without a save key. Every action
has a key that every terminal sends (ctrl+letter, or the leader ``ctrl+y`` then a plain
key); the alt and F keys are a second path. Every character typed is text (``£``, ``ß``,
``¡`` too), unless the user turned ``option_keys`` on: then the characters a Mac types for
Option+1…7, s, w are those keys (see :data:`interview_tui.tui.keymap.MAC_OPTION_KEYS`).
The safe view hides everything internal; "confirm back" reads back what was captured and
agrees the next step.
"""

from __future__ import annotations

import contextvars
import importlib
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial, wraps
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from interview_tui.domain.enums import INTERNAL_GOALS, Goal, ItemStatus, Role
from interview_tui.domain.models import Note, ScriptItem
from interview_tui.i18n import head, t
from interview_tui.services.customer_safe import is_internal_goal, is_internal_note
from interview_tui.services.live_session import LiveSession
from interview_tui.services.live_windows import HEARTBEAT_SECONDS, LiveWindow
from interview_tui.tui.base import BaseScreen, relabel_binding
from interview_tui.tui.data import RETRY_DELAY, LoadFailed, read_error
from interview_tui.tui.inputs import TextArea
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.keymap import MAC_OPTION_KEYS
from interview_tui.tui.live.customer_view import CustomerViewBand
from interview_tui.tui.live.leader import LEADER_ID, LEADER_KEY, LEADER_KEYS, LeaderMenu
from interview_tui.tui.screen_keys import is_function_key
from interview_tui.tui.text import Block, Hanging, Parts, hanging, literal, marked, visible
from interview_tui.tui.textual_private import withdraw_toast

if TYPE_CHECKING:
    from interview_tui.tui.forms import FormDialog

#: what the meeting's keys open (the capture dialogs, the read-back) and what they run (the
#: check of a promise against the plan's limits): loaded in the background once the screen
#: is drawn (:meth:`LiveScreen._load_the_rest`), not before its first drawing
LATER_MODULES = (
    "interview_tui.services.authority",
    "interview_tui.tui.live.dialogs",
    "interview_tui.tui.live.confirm_back",
)


class OthersSeen(Message):
    """The other windows with this visit open live (read in a worker)."""

    def __init__(self, others: list) -> None:
        super().__init__()
        self.others = others


class SessionOpened(Message):
    """The visit was loaded (and made live) in a worker."""

    def __init__(self, session: LiveSession, others: list) -> None:
        super().__init__()
        self.session = session
        self.others = others


#: Seconds between a keystroke and the write that saves it (well inside the 1 s promise).
SAVE_DELAY = 0.3
_MARKS = {ItemStatus.ASKED: "✓", ItemStatus.SKIPPED: "–", ItemStatus.PENDING: "·"}


class NoteEditor(TextArea):
    """The live note. Every character typed is text, except the characters a Mac types for
    Option+key when the user made them the live screen's keys (``option_keys``). Pasted text
    is taken whole, whatever it holds."""

    class Then(Message):
        """An action to run once the keys typed before it have reached the note."""

        def __init__(self, run: Callable[[], None]) -> None:
            super().__init__()
            self.run = run

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        if key in MAC_OPTION_KEYS and getattr(self.app, "option_keys", False):
            return False  # the live screen's binding runs (see option_keys in the keymap)
        return super().check_consume_key(key, character)

    def on_note_editor_then(self, message: Then) -> None:
        message.stop()
        message.run()


def after_typing(action: Callable[..., None]) -> Callable[..., None]:
    """Run a live action in the note's own queue, after the keys typed before it.

    A key binding runs at once, while the words typed just before it may still be on their
    way to the note: "…nightly batch" ctrl+j "CTO: …" in one burst would otherwise file
    the end of the first voice under the second.
    """

    @wraps(action)
    def in_order(self: LiveScreen, *args: Any) -> None:
        self.query_one(NoteEditor).post_message(NoteEditor.Then(partial(action, self, *args)))

    return in_order


def outline_groups(items: list[ScriptItem]) -> list[tuple[Role, list[tuple[int, ScriptItem]]]]:
    """The script as the outline shows it: by role (in the roles' order), each with its
    questions (script index, item) in script order; roles without questions left out.
    Next and previous follow this order too."""
    groups = [(role, [(n, it) for n, it in enumerate(items) if it.role is role]) for role in Role]
    return [(role, found) for role, found in groups if found]


def _goal_bindings() -> list[Binding]:
    return [
        Binding(
            f"alt+{goal.number}",
            f"tag_goal({goal.number})",
            f"goal.{goal.value}",
            id=f"live.goal{goal.number}",
            tooltip="live.goal.help",
            show=False,
            priority=True,
        )
        for goal in Goal
    ]


def _hidden(keys: str, action: str, name: str) -> Binding:
    """A live binding kept off the footer (the leader menu and the help panel list it)."""
    return Binding(
        keys,
        action,
        f"live.{name}",
        id=f"live.{name}",
        tooltip=f"live.{name}.help",
        show=False,
        priority=True,
    )


class LiveScreen(BaseScreen):
    """One visit, live. ``visit_id`` is the visit to open."""

    CSS_PATH = "live.tcss"
    #: the note editor is the last thing to shrink: below 80 columns the side pane goes,
    #: below 60 the outline, and below 21 lines the question and tags take less room
    HORIZONTAL_BREAKPOINTS = [(0, "-one-pane"), (60, "-two-panes"), (80, "-three-panes")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (21, "-tall")]
    BINDINGS = [  # the footer shows them in this order: what a meeting needs most first
        Binding(
            "ctrl+t",
            "commitment",
            "live.commitment",
            id="live.commitment",
            tooltip="live.commitment.help",
            priority=True,
        ),
        Binding(
            "ctrl+r",
            "requirement",
            "live.requirement",
            id="live.requirement",
            tooltip="live.requirement.help",
            priority=True,
        ),
        Binding(
            "ctrl+l", "pain", "live.pain", id="live.pain", tooltip="live.pain.help", priority=True
        ),
        Binding(
            "ctrl+j",
            "new_note",
            "live.new_note",
            id="live.new_note",
            tooltip="live.new_note.help",
            priority=True,
        ),
        Binding(
            "ctrl+n", "next", "live.next", id="live.next", tooltip="live.next.help", priority=True
        ),
        Binding(
            "ctrl+b", "prev", "live.prev", id="live.prev", tooltip="live.prev.help", priority=True
        ),
        Binding(
            LEADER_KEY,
            "leader",
            "live.leader",
            id=LEADER_ID,
            tooltip="live.leader.help",
            priority=True,
        ),
        Binding("f2", "safe", "live.safe", id="live.safe", tooltip="live.safe.help", priority=True),
        Binding(
            "f3",
            "confirm",
            "live.confirm",
            id="live.confirm",
            tooltip="live.confirm.help",
            priority=True,
        ),
        Binding("escape", "leave", "live.leave", id="live.leave", tooltip="live.leave.help"),
        _hidden("ctrl+g", "jump", "jump"),
        _hidden("ctrl+o", "adhoc", "adhoc"),
        _hidden("alt+s", "skip", "skip"),
        _hidden("alt+w,f5", "speaker", "speaker"),
        _hidden("alt+i,f4", "internal", "internal"),
        _hidden("alt+p", "private", "private"),
        _hidden("alt+up", "prev_note", "prev_note"),
        _hidden("alt+down", "next_note", "next_note"),
        _hidden("alt+f", "free_notes", "free_notes"),
        _hidden("alt+m", "move_note", "move_note"),
        _hidden("alt+u", "undo_move", "undo_move"),
        _hidden("f9", "home", "home"),
        _hidden("f6", "brief", "brief"),
        *_goal_bindings(),
    ]

    #: the key after the leader -> the binding it runs (``f1`` lists them as ``^y 3``)
    LEADER_SEQUENCES = LEADER_KEYS
    #: what ``f1`` groups each key under
    KEY_GROUPS = {
        **dict.fromkeys(
            ("live.commitment", "live.requirement", "live.pain", "live.adhoc"), "keys.group.capture"
        ),
        **dict.fromkeys(
            (
                "live.new_note",
                "live.prev_note",
                "live.next_note",
                "live.speaker",
                "live.internal",
                "live.private",
                "live.free_notes",
                "live.move_note",
                "live.undo_move",
                *(f"live.goal{goal.number}" for goal in Goal),
            ),
            "keys.group.notes",
        ),
        **dict.fromkeys(
            ("live.next", "live.prev", "live.jump", "live.skip", "live.leader"), "keys.group.moving"
        ),
        **dict.fromkeys(
            ("live.safe", "live.confirm", "live.leave", "live.home", "live.brief"),
            "keys.group.meeting",
        ),
    }

    def __init__(
        self, visit_id: int, item_id: int | None = None, note_id: int | None = None
    ) -> None:
        super().__init__()
        self.visit_id = visit_id
        self.item_id = item_id
        self.note_id = note_id  # a search hit: this very note, not the question's last one
        self.session: LiveSession | None = None
        self.index = 0
        self.safe = False
        self._save_timer: Timer | None = None
        self._loading = False
        self._shown_counts: dict = {}
        #: notes moved to another question, latest last: (note, question, index) it left
        self._moves: list[tuple[Note, ScriptItem | None, int]] = []

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield CustomerViewBand()  # shown in the safe view only (live.tcss)
        with Horizontal(id="live-body"):
            with Vertical(id="outline-pane"):
                yield Static(t("live.outline"), classes="pane-title")
                yield OptionList(id="outline")
            with Vertical(id="center"):
                yield Static("", id="elsewhere", markup=False)
                # a long question, its research, purpose and follow-ups scroll, with a bar
                # that says more is there (cut without a sign before); the note keeps the focus
                with VerticalScroll(id="question-pane", can_focus=False):
                    yield Static("", id="question")
                yield Static("", id="voices")
                yield Static("", id="note-tags")
                yield NoteEditor(id="note", soft_wrap=True, show_line_numbers=False)
                yield Static(t("live.hidden"), id="note-hidden")
            with VerticalScroll(id="side"):
                yield Static(t("live.goals"), classes="pane-title", id="goals-title")
                yield Static("", id="goals")
                yield Static(t("live.time"), classes="pane-title")
                yield Static("", id="time")
                yield Static(t("live.captured"), classes="pane-title")
                yield Static("", id="captured")
                yield Static(t("live.plan_limits"), classes="pane-title internal-only")
                yield Static("", id="limits", classes="internal-only", markup=False)
        yield LeaderMenu(
            {
                key: t(f"leader.{binding_id.split('.', 1)[1]}")
                for key, binding_id in LEADER_KEYS.items()
            }
        )
        yield KeyBar()

    #: the visit is opened while Textual builds the screen (:meth:`prefetch`)
    PREFETCH = True
    _opening: Future[tuple[LiveSession, list]] | None = None

    def prefetch(self) -> None:
        """Open the visit now, as the screen is pushed, in a thread worker of the app (the
        screen's own start once it is mounted), so that it is usually open by the time the
        screen is mounted and shown in its first drawing: drawn once, with its keys and
        their lines as they stay, instead of empty and then again."""
        future: Future[tuple[LiveSession, list]] = Future()

        def run() -> None:
            try:
                future.set_result(self._open())
            except BaseException as exc:  # a bug must not leave the screen waiting either
                future.set_exception(exc)

        context = contextvars.copy_context()  # the unmounted screen finds its app
        self.app.run_worker(
            partial(context.run, run), thread=True, group="prefetch", exit_on_error=False
        )
        self._opening = future

    def on_mount(self) -> None:
        self.query_one("#note-hidden").display = False
        self.query_one("#elsewhere").display = False
        self.query_one("#note", TextArea).cursor_blink = self.iapp.animated  # steady in tests
        self.query_one("#note", TextArea).focus()
        opening, self._opening = self._opening, None
        if opening is not None and opening.done():
            self._opened(opening)  # shown in the first drawing
        else:
            self._open_session(opening)

    # -- the focus: what is typed goes into the note, shown or hidden -------------------------

    def _first_focus_selector(self) -> str:
        """What takes the focus when the screen finds none (opened, or back from a dialog or
        a screen): the note, even hidden (our side's note in the customer view takes what is
        typed unseen, as the screen says there). Never the first widget shown instead, the
        outline, which drops typed characters."""
        return "#note"

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """The focus left on nothing while this screen is in front goes back to the note.

        Textual blurs a widget it stops showing and finds nothing else to focus: the note as
        the customer view hides it (a note tagged internal, or to an internal goal), the
        outline on a narrower terminal. Keys then reached a field only if they were text;
        and the next dialog closed gave the focus to the outline, where nothing typed landed
        until the screen was left. A blur because the terminal lost the focus (Textual gives
        it back itself) or a move of the focus to another widget is left as it is."""
        if self.focused is None and self.app.screen is self and self.app.app_focus:
            self.set_focus(self.query_one("#note", NoteEditor), scroll_visible=False)

    @property
    def busy(self) -> bool:
        """Whether the visit is still being opened (tests wait for it)."""
        return self.session is None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Until the visit has loaded (a moment; longer if the database is busy) only leaving
        works; typing already does, and what is typed is kept."""
        return self.session is not None or action in ("leave", "home", "quit", "help")

    def _open(self) -> tuple[LiveSession, list]:
        """Load the visit and make it live, off the UI thread (the database may be busy);
        this window joins the visit's live windows (through the writer, in order). The
        session, and the other windows on the visit."""
        session = LiveSession.open(self.iapp.store, self.visit_id, self.iapp.now())
        window = LiveWindow(self.iapp.store, self.visit_id)
        self.iapp.writer.executor.submit(window.enter).result()
        session.window = window
        return session, window.others()

    def _opened(self, opening: Future[tuple[LiveSession, list]]) -> None:
        """Show the visit opened (or say why it could not be)."""
        try:
            session, others = opening.result()
        except Exception as exc:
            self.notify(read_error(exc, self.iapp.store.path), severity="error", timeout=15)
            return
        self._start(SessionOpened(session, others))

    @work(thread=True, exit_on_error=False)
    def _open_session(self, opening: Future[tuple[LiveSession, list]] | None = None) -> None:
        """Open the visit in a worker (or wait there for the opening under way)."""
        try:
            session, others = opening.result() if opening is not None else self._open()
        except Exception as exc:  # a bug must not leave the screen waiting in silence
            self.post_message(LoadFailed(read_error(exc, self.iapp.store.path)))
            return
        self.post_message(SessionOpened(session, others))

    @work(thread=True, exit_on_error=False, group="later-modules")
    def _load_the_rest(self) -> None:
        """Load :data:`LATER_MODULES` in a worker once the screen is drawn, so that the
        first ctrl+t does not wait for them either."""
        for name in LATER_MODULES:
            importlib.import_module(name)

    @on(LoadFailed)
    def _open_failed(self, message: LoadFailed) -> None:
        self.notify(message.error, severity="error", timeout=15)

    @on(SessionOpened)
    def _start(self, message: SessionOpened) -> None:
        """Show the session; words typed while it was loading are kept, after the note."""
        early = self.query_one("#note", TextArea).text
        self.session = session = message.session
        self.iapp.write_notes(session)  # the app's writer; a failed write comes back here
        visit, customer = session.visit, session.customer
        self.sub_title = t(
            "live.subtitle", customer=customer.name, date=visit.date.strftime("%Y-%m-%d %H:%M")
        )
        if not session.items:
            self.notify(t("live.no_script"))
        ids = [item.id for item in session.items]
        left_at = session.place  # where this meeting was left (a quit, a crash)
        if self.item_id is None and self.note_id is None and left_at:
            item_id = left_at.get("item")
            self.index = ids.index(item_id) if item_id in ids else len(ids)
        if self.item_id in ids:
            self.index = ids.index(self.item_id)
        if self.note_id is not None:
            found, item = session.show_note(self.note_id)
            if found:  # at its question (after the last one: the free notes)
                self.index = session.items.index(item) if item else len(session.items)
        if left_at.get("customer_view"):  # the customer may still be looking: as it was left
            self._show_view(True)
        self._show_item()
        if early:
            editor = self.query_one("#note", TextArea)
            joined = (editor.text + ("\n" if editor.text else "") + early).strip("\n")
            editor.load_text(joined)  # the Changed event saves it
            editor.move_cursor(editor.document.end)
        self._refresh_side()
        self._show_others(message.others)
        self.set_interval(15, self._refresh_time)
        self.set_interval(HEARTBEAT_SECONDS, self._heartbeat)
        self.call_after_refresh(self._load_the_rest)
        self.refresh_bindings()  # every meeting key works from now on

    # -- other windows on the same visit: both are saved, and each says the other is there ---

    def _show_others(self, others: list) -> None:
        """One line while the visit is open live in another window too (who, since when)."""
        line = others[0].says() if others else ""
        widget = self.query_one("#elsewhere", Static)
        widget.update(visible(line, one_line=True))
        widget.display = bool(line)

    def _heartbeat(self) -> None:
        """Every few seconds: tell other windows this one is here, and look for theirs."""
        if self.session is not None:
            self.session.heartbeat()
            self._look_for_others()

    @work(thread=True, exit_on_error=False, group="others", exclusive=True)
    def _look_for_others(self) -> None:
        if self.session is not None and self.session.window is not None:
            self.post_message(OthersSeen(self.session.window.others()))

    @on(OthersSeen)
    def _others_seen(self, message: OthersSeen) -> None:
        self._show_others(message.others)

    def kept_both(self, kept: list) -> None:
        """Another window had changed a note meanwhile: its text is kept, and this window's
        is a note of its own under the same question (the app hands this over)."""
        assert self.session is not None
        for mine, other in kept:
            self.session.keep_other(mine, other)
        self._show_tags()
        self._show_voices()
        self.notify(t("live.kept_both"), severity="warning", timeout=10)

    # -- the current question ---------------------------------------------------------------

    @property
    def item(self) -> ScriptItem | None:
        """The current question; ``None`` is the free notes (after the last question)."""
        items = self.session.items if self.session else []
        return items[self.index] if 0 <= self.index < len(items) else None

    def _show_item(self) -> None:
        assert self.session is not None
        item = self.item
        self.query_one("#question", Static).update(self._question_text(item))
        self.query_one("#question-pane").scroll_home(animate=False)
        note = self.session.note_for(item)
        hidden = self.safe and is_internal_note(note)
        editor = self.query_one("#note", TextArea)
        editor.display = not hidden
        self.query_one("#note-hidden").display = hidden
        self._loading = True
        editor.load_text(note.text)
        editor.move_cursor(editor.document.end)
        self._loading = False
        self._show_tags()
        self._show_voices()
        self._refresh_outline()

    def _question_text(self, item: ScriptItem | None) -> Block:
        """The current question, its research and follow-ups: user text, never markup;
        wrapped lines hang under their text (the question under its number, a follow-up
        under its arrow)."""
        if item is None:
            return Block([Text(t("live.free_note"), style="bold")])
        number = f"{self.index + 1}/{len(self.session.items)}  " if self.session else ""
        parts: list[Text | Hanging] = [hanging(number, marked(item.text, "bold"), "bold")]
        goal = "" if self.safe and is_internal_goal(item.goal) else t(f"goal.{item.goal.value}")
        parts.append(
            Text(
                " · ".join(p for p in (t(f"role_short.{item.role.value}"), goal) if p), style="dim"
            )
        )
        notes = ((t("live.research"), item.research), (t("live.purpose"), item.purpose))
        for label, value in notes:
            if value and not self.safe:
                parts.append(Text.assemble((t("live.label", label=label), "italic"), marked(value)))
        parts += [hanging("  → ", marked(follow_up)) for follow_up in item.follow_ups]
        return Block(parts)

    def _show_tags(self) -> None:
        """The note's flags, speaker, goal and number, in that order: a narrow screen wraps
        between them and cuts the end (the number) first."""
        assert self.session is not None
        note = self.session.note_for(self.item)
        speaker = next(
            (p.name for p in self.session.attendees if p.id == note.speaker_id), t("live.none")
        )
        goal = t(f"goal.{note.goal.value}") if note.goal else t("live.none")
        number, count = self.session.note_position(self.item)
        tags = self.query_one("#note-tags", Static)
        parts = [
            t("live.tag_speaker", speaker=speaker),
            t("live.tag_goal", goal=goal),
            t("live.tag_number", number=number, count=count),
        ]
        if self.safe:  # nothing about a hidden note, no internal flags
            tags.update("" if is_internal_note(note) else Parts(parts))
            tags.set_class(False, "internal")
            return
        # "customer-visible" only for what the customer view shows: a private note or one
        # tagged to an internal goal is hidden there too, and its other flags say why
        if note.internal:
            flags = [t("live.tag_internal")]
        elif is_internal_note(note):
            flags = [t("live.tag_not_shown")]
        else:
            flags = [t("live.tag_shared")]
        if note.private:
            flags.append(t("live.tag_private"))
        elif note.goal is Goal.PERSONAL_CONNECTION:
            flags.append(t("live.tag_personal"))
        tags.update(Parts([*flags, *parts]))
        tags.set_class(is_internal_note(note), "internal")

    def _show_voices(self) -> None:
        """The other notes under this question, one line each (hidden ones not in safe view)."""
        assert self.session is not None
        notes = self.session.notes_for(self.item)
        current = self.session.note_for(self.item)
        names = {p.id: p.name for p in self.session.attendees}
        lines = Text()
        for number, note in enumerate(notes, start=1):
            if note is current or (self.safe and is_internal_note(note)):
                continue
            who = names.get(note.speaker_id, "") if note.speaker_id else ""
            said = f"{number}. {head(who)}" if who else f"{number}. "  # "王建国：" / "Wang: "
            first = note.text.strip().splitlines()[0] if note.text.strip() else t("live.empty")
            if lines:
                lines.append("\n")
            lines.append(literal(said + first, one_line=True))
        widget = self.query_one("#voices", Static)
        widget.update(lines)
        widget.display = bool(lines)

    def _refresh_outline(self) -> None:
        assert self.session is not None
        outline = self.query_one("#outline", OptionList)
        outline.clear_options()
        current = self.item
        for role, items in outline_groups(self.session.items):
            outline.add_option(
                Option(Text(t(f"role_short.{role.value}"), style="bold"), disabled=True)
            )
            for n, it in items:
                mark = "▶" if it is current else _MARKS[it.status]
                outline.add_option(
                    Option(
                        Text.assemble(literal(f"{mark} {n + 1}. "), marked(it.text, one_line=True)),
                        id=str(n),
                    )
                )
        free = len(self.session.items)
        mark = "▶" if current is None else "·"
        outline.add_option(Option(f"{mark} {t('live.free_notes')}", id=str(free)))
        outline.highlighted = outline.get_option_index(str(self.index))

    def _refresh_side(self) -> None:
        assert self.session is not None
        session = self.session
        self._shown_counts = dict(session.goal_counts)
        gaps = set(session.gaps())
        lines = []
        for goal in Goal:
            if self.safe and is_internal_goal(goal):
                continue
            count = session.goal_counts[goal]
            chosen = "●" if goal in session.visit.goals else " "
            line = f"{chosen}{goal.number} {t(f'goal.{goal.value}')} {count}"
            lines.append(f"[b red]{line}[/]" if goal in gaps else line)
        self.query_one("#goals", Static).update("\n".join(lines))
        captured = [
            t("live.requirements_count", count=len(session.requirements)),
            t("live.commitments_count", count=len(session.commitments)),
            t("live.pains_count", count=len(session.pains)),
        ]
        self.query_one("#captured", Static).update("\n".join(captured))
        visit = session.visit
        limits = [
            t("live.must_not_promise", text=visit.must_not_promise)
            if visit.must_not_promise
            else "",
            t("live.may_promise", text=visit.may_promise) if visit.may_promise else "",
            t("live.do_not_say", text=visit.do_not_say) if visit.do_not_say else "",
        ]
        self.query_one("#limits", Static).update(literal("\n".join(x for x in limits if x)))
        for widget in self.query(".internal-only"):
            widget.display = not self.safe
        self._refresh_time()

    def _refresh_time(self) -> None:
        if self.session is None:
            return
        elapsed = self.session.elapsed_minutes(self.iapp.now())
        planned = self.session.visit.length_minutes
        widget = self.query_one("#time", Static)
        widget.update(t("live.elapsed", elapsed=int(elapsed), planned=planned))
        widget.set_class(elapsed > planned, "overtime")

    # -- typing and saving ------------------------------------------------------------------

    @on(TextArea.Changed, "#note")
    def _typed(self, event: TextArea.Changed) -> None:
        if self._loading or self.session is None:
            return
        self.session.type(self.item, event.text_area.text)
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    def save_now(self) -> None:
        """Write what was typed; refresh the marks when a question became asked."""
        self._save_timer = None
        if self.session is None:
            return
        text = self.query_one("#note", TextArea).text  # its Changed may not have arrived yet
        if text != self.session.note_for(self.item).text:
            self.session.type(self.item, text)
        if not self.session.dirty:
            return
        if self.session.flush():
            self._refresh_outline()
        if self._shown_counts != dict(self.session.goal_counts):
            self._refresh_side()

    def write_failed(self, error: Exception, records: tuple) -> None:
        """A write of this screen's failed (the app hands it back): written again shortly."""
        if self.session is not None:
            self.session.mark_unsaved(records)
            if self._save_timer is None:  # try again shortly; what was typed stays on screen
                self._save_timer = self.set_timer(RETRY_DELAY, self.save_now)
        self.notify(str(error), severity="error", timeout=10)

    def on_unmount(self) -> None:
        """Leaving never waits: the app finishes writing the notes (when the database is
        free, if another program holds it) and says so on the screen underneath. The hint
        about this screen (no script yet) leaves with it; what was saved or failed stays."""
        if self.session is not None:
            self.iapp.finish_notes(self.session)  # then leaves the visit's live windows
        withdraw_toast(self.app, visible(t("live.no_script")))

    # -- moving -----------------------------------------------------------------------------

    def _go(self, index: int) -> None:
        """Show question ``index``; one past the last is the free notes."""
        assert self.session is not None
        self.save_now()
        self.index = max(0, min(index, len(self.session.items)))
        self._show_item()
        self.query_one("#note", TextArea).focus()
        self._remember_place()

    @after_typing
    def action_free_notes(self) -> None:
        if self.session is not None:
            self._go(len(self.session.items))

    @after_typing
    def action_new_note(self) -> None:
        """Another voice on this question: a new note with its own speaker, goal, flag."""
        if self.session is None:
            return
        self.save_now()
        self.session.new_note(self.item)
        self._show_item()
        self.query_one("#note", TextArea).focus()
        self.notify(t("live.new_note_started"), timeout=2)

    def _select_note(self, step: int) -> None:
        if self.session is None:
            return
        self.save_now()
        self.session.select_note(self.item, step)
        self._show_item()

    @after_typing
    def action_prev_note(self) -> None:
        self._select_note(-1)

    @after_typing
    def action_next_note(self) -> None:
        self._select_note(+1)

    def _step(self, delta: int) -> None:
        """The next (or previous) question in the outline the PM sees: grouped by role,
        then the free notes; never by script number across the groups."""
        assert self.session is not None
        order = [n for _role, items in outline_groups(self.session.items) for n, _ in items]
        order.append(len(self.session.items))  # the free notes come last
        here = order.index(self.index) if self.index in order else 0
        self._go(order[max(0, min(len(order) - 1, here + delta))])

    @after_typing
    def action_next(self) -> None:
        if self.session is not None:
            self._step(+1)

    @after_typing
    def action_prev(self) -> None:
        if self.session is not None:
            self._step(-1)

    @after_typing
    def action_skip(self) -> None:
        if self.session and (item := self.item) is not None:
            self.session.set_status(item, ItemStatus.SKIPPED)
            self._step(+1)
            self._refresh_outline()

    def _where(self, item: ScriptItem | None) -> str:
        """A question as the notes about a move name it: its number and words."""
        if item is None or self.session is None:
            return t("live.free_notes")
        number = next(n for n, it in enumerate(self.session.items, start=1) if it is item)
        return t("live.where_question", number=number, text=" ".join(item.text.split()))

    @after_typing
    def action_move_note(self) -> None:
        """The current note belongs under another question: pick it (as ctrl+g does), the
        note moves there among its notes in the order written; ``ctrl+y u`` puts it back."""
        assert self.session is not None
        self.save_now()
        note, here = self.session.note_for(self.item), self.item
        if not note.text.strip():
            self.notify(t("live.nothing_to_move"), timeout=3)
            return
        items = self.session.items
        options = [
            (str(n), f"{n + 1:>2}. {item.text}") for n, item in enumerate(items) if item is not here
        ] + ([("free", t("live.free_notes"))] if here else [])
        session = self.session

        def chosen(key: str | None) -> None:
            if key is None or self.session is not session:
                return
            to = None if key == "free" else items[int(key)]
            self._moves.append((note, *session.move_note(note, to)))
            self._after_move(t("live.note_moved", where=self._where(to)))

        from interview_tui.tui.live.dialogs import PickerDialog

        self.app.push_screen(PickerDialog(t("move.title"), options, filter_box=True), chosen)

    @after_typing
    def action_undo_move(self) -> None:
        assert self.session is not None
        if not self._moves:
            self.notify(t("live.no_move_to_undo"), timeout=3)
            return
        self.save_now()
        note, back, index = self._moves.pop()
        self.session.move_note(note, back, position=index)
        self._after_move(t("live.move_undone", where=self._where(back)))

    def _after_move(self, message: str) -> None:
        assert self.session is not None
        self.session.flush()
        self._show_item()
        self._refresh_side()
        self.query_one("#note", TextArea).focus()
        self.notify(message, timeout=4, markup=False)  # the question is user text

    @on(OptionList.OptionSelected, "#outline")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._go(int(event.option.id))

    def action_jump(self) -> None:
        assert self.session is not None
        items = self.session.items

        def chosen(item_id: str | None) -> None:
            if item_id:
                self._go(next(n for n, it in enumerate(items) if str(it.id) == item_id))

        from interview_tui.tui.live.dialogs import jump_dialog

        self.app.push_screen(jump_dialog(items), chosen)

    def action_adhoc(self) -> None:
        assert self.session is not None
        current = self.item
        role = current.role if current else Role.BUSINESS
        goal = current.goal if current else Goal.KEY_REQUIREMENTS

        def added(result: dict | None) -> None:
            if result and self.session:
                self.session.add_question(
                    result["text"], result["role"], result["goal"], result.get("follow_ups", ())
                )
                self._go(len(self.session.items) - 1)

        from interview_tui.tui.live.dialogs import AdhocDialog

        self._open_form(AdhocDialog(role, goal, safe=self.safe), added)

    # -- tagging ----------------------------------------------------------------------------

    @after_typing
    def action_tag_goal(self, number: int) -> None:
        assert self.session is not None
        goal = list(Goal)[number - 1]
        self.session.tag_goal(self.item, goal)
        self._after_tag()
        ours = self.safe and is_internal_goal(goal)  # the customer sees no internal goal
        self.notify(
            t("live.note_updated") if ours else t("live.goal_set", goal=t(f"goal.{goal.value}")),
            timeout=2,
        )

    @after_typing
    def action_private(self) -> None:
        assert self.session is not None
        note = self.session.toggle_private(self.item)
        self._after_tag()
        key = "live.private_on" if note.private else "live.private_off"
        if note.private and self.session.reached_the_team(note):
            key = "live.private_after_sync"  # not "it stays on this laptop": it left already
        self.notify(t("live.note_updated" if self.safe else key), timeout=4)

    @after_typing
    def action_internal(self) -> None:
        assert self.session is not None
        note = self.session.toggle_internal(self.item)
        self._after_tag()
        key = "live.internal_on" if note.internal else "live.internal_off"
        self.notify(t("live.note_updated" if self.safe else key), timeout=2)  # no flags in safe

    def action_speaker(self) -> None:
        assert self.session is not None

        def chosen(person_id: str | None) -> None:
            if person_id is not None and self.session:
                self.session.set_speaker(self.item, None if person_id == "none" else int(person_id))
                self._after_tag()

        from interview_tui.tui.live.dialogs import speaker_dialog

        self.app.push_screen(speaker_dialog(self.session.attendees), chosen)

    def _after_tag(self) -> None:
        self._show_tags()
        self._refresh_side()
        if self.safe:
            self._show_item()

    # -- capture ----------------------------------------------------------------------------

    def _open_form(self, dialog: FormDialog, then) -> None:
        """A capture dialog whose draft (esc with text typed) belongs to this visit."""
        dialog.draft_context = f"visit:{self.visit_id}"
        self.app.push_screen(dialog, then)

    def action_commitment(self) -> None:
        assert self.session is not None
        session = self.session

        def saved(result: dict | None) -> None:
            if not result:
                return
            commitment = session.add_commitment(**result, today=self.iapp.today())
            limits = session.beyond_authority(commitment.text)
            if commitment.authority_override:
                self.notify(t("live.commitment_overridden"), timeout=4)
            elif limits and self.safe:
                self.notify(t("live.commitment_beyond_safe"), severity="warning", timeout=8)
            elif limits:
                self.notify(
                    t("live.commitment_beyond", limits=t("list.limits_separator").join(limits)),
                    severity="warning",
                    timeout=8,
                )
            else:
                self.notify(t("live.commitment_saved"), timeout=3)
            self._refresh_side()

        from interview_tui.tui.live.dialogs import CommitmentDialog

        dialog = CommitmentDialog(self.iapp.today(), session.beyond_authority, safe=self.safe)
        self._open_form(dialog, saved)

    def action_requirement(self) -> None:
        assert self.session is not None

        def saved(result: dict | None) -> None:
            if not result or self.session is None:
                return
            requirement = self.session.add_requirement(**result)
            if requirement.missing:
                from interview_tui.tui.live.dialogs import field_names

                missing = field_names(requirement.missing)
                self.notify(t("live.requirement_unclear", missing=missing), severity="warning")
            else:
                self.notify(t("live.requirement_saved"), timeout=3)
            self._refresh_side()

        from interview_tui.tui.live.dialogs import RequirementDialog

        self._open_form(RequirementDialog(self.iapp.today()), saved)

    def action_pain(self) -> None:
        """A pain and the action we take; the action is a commitment of ours."""

        def saved(result: dict | None) -> None:
            if result and self.session:
                self.session.add_pain(
                    result["text"],
                    result["action"],
                    self.item,
                    owner_name=result["owner_name"],
                    due=result["due"],
                )
                self.notify(t("live.pain_saved"), timeout=3)
                self._refresh_side()

        from interview_tui.tui.live.dialogs import PainDialog

        self._open_form(PainDialog(self.iapp.today()), saved)

    # -- the customer may see the screen ----------------------------------------------------

    @after_typing
    def action_safe(self) -> None:
        """The customer view, or back to ours (kept with the meeting: opened again after a
        quit or a crash, it comes back in the view it was left in)."""
        self.save_now()
        self._show_view(not self.safe)
        self._show_item()
        self._refresh_side()
        self._remember_place()

    def _remember_place(self) -> None:
        if self.session is not None:
            self.session.remember_place(self.safe, self.item.id if self.item else None)

    def _show_view(self, safe: bool) -> None:
        """The customer view (``safe``): nothing internal on screen, a band that says so
        (live.tcss), no toast left from before (one may name a limit), f2 named for the way
        back, no internal goal named by the keys' help."""
        self.safe = safe
        if self.safe:
            self.app.clear_notifications()
        self.set_class(self.safe, "safe")
        relabel_binding(self, "live.safe", "live.safe.back" if self.safe else "live.safe")
        for goal in INTERNAL_GOALS:  # f1, the palette and the leader menu name them no more
            relabel_binding(
                self,
                f"live.goal{goal.number}",
                "live.hidden" if self.safe else f"goal.{goal.value}",
            )
        self.query_one(LeaderMenu).customer_view(self.safe)
        # "intelligence goals" is our word for what we came to learn, not the customer's
        title = t("live.goals.customer" if self.safe else "live.goals")
        self.query_one("#goals-title", Static).update(title)

    def action_confirm(self) -> None:
        assert self.session is not None
        self.save_now()

        def closed(result: str | None) -> None:
            if result == "ended":
                self.notify(t("confirm.ended"))
                self.dismiss()

        self.app.clear_notifications()  # the read-back is turned to the customer
        from interview_tui.tui.live.confirm_back import ConfirmBackScreen

        self.app.push_screen(ConfirmBackScreen(self.session), closed)

    @after_typing
    def action_leave(self) -> None:
        """Back to the screen the meeting was opened from; every note is already saved."""
        self.save_now()
        self.dismiss()

    @after_typing
    def action_brief(self) -> None:
        """The brief before this visit, read only; never while the customer may see the
        screen (it names limits, colleagues and internal findings)."""
        if self.safe:
            self.notify(t("live.brief_hidden"), timeout=3)
            return
        self.save_now()
        assert self.session is not None
        self.iapp.show("brief", customer_id=self.session.visit.customer_id, visit_id=self.visit_id)

    @after_typing
    def action_home(self) -> None:
        """Straight to the home screen, whatever was opened in between."""
        self.save_now()
        self.iapp.go_home()

    # -- the leader key: ctrl+y, then one plain key ------------------------------------------

    def key_text(self, binding: Binding) -> str | None:
        """How the key bar names an F key's action: by the leader and its second key
        (``^y v``: ctrl+y, then v), which every keyboard sends (a Mac's F keys need fn);
        ``None`` for any other key."""
        if not is_function_key(binding.key):
            return None
        second = next((k for k, i in LEADER_KEYS.items() if i == binding.id), None)
        if second is None:
            return None
        leader = next(
            (b.binding for b in self.active_bindings.values() if b.binding.id == LEADER_ID),
            None,
        )
        if leader is None:
            return None
        return f"{self.app.get_key_display(leader)} {second}"

    def action_leader(self) -> None:
        """Show the menu; the next key is read by :meth:`take_key`."""
        self.query_one(LeaderMenu).open()

    async def take_key(self, event: events.Key | events.Paste) -> bool:
        """The key after the leader, read on the app's queue in the order it was typed (a
        menu screen of its own would race the note for the words typed after it).

        A leader key runs its action before the next key is read; ``esc`` only closes the
        menu; any other key or a paste closes it and does what it always does. True when
        the key was used here.
        """
        menu = self.query_one(LeaderMenu)
        if not menu.is_open:
            return False
        menu.close()
        if isinstance(event, events.Key) and event.key in LEADER_KEYS:
            await self.run_action(_ACTIONS[LEADER_KEYS[event.key]])
            return True
        return isinstance(event, events.Key) and event.key == "escape"


#: binding id -> action of every live binding the leader can run
_ACTIONS = {
    binding.id: binding.action
    for binding in LiveScreen.BINDINGS
    if isinstance(binding, Binding) and binding.id
}
