"""The Textual application: owns the store, the clock and navigation between screens."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from textual import events, on
from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from interview_tui.i18n import t
from interview_tui.memory import collect_closed, resume_collector
from interview_tui.services.undo import Undo
from interview_tui.settings import UserSettings
from interview_tui.store.store import Store
from interview_tui.tui.base import ThreadWorkersForgotten, translate_bindings
from interview_tui.tui.data import (
    LOCK_LOOK_SECONDS,
    RETRY_DELAY,
    SLOW_SAVE_SECONDS,
    DataScreen,
    NotesKeptBoth,
    NotesWriteFailed,
    NotesWritten,
    SaveDone,
    SaveError,
    SaveFailed,
    Writer,
)
from interview_tui.tui.keymap import effective_keymap
from interview_tui.tui.preload import Preload
from interview_tui.tui.routes import screen_class
from interview_tui.tui.team_line import SYNC_KEY, TeamSync
from interview_tui.tui.textual_private import (
    bindings_after_keymap,
    decode_alt_keys,
    free_closed_widgets_styles,
    is_text_area,
    keep_pastes_whole,
    keep_wide_characters_whole,
    keys_behind_callbacks,
    lay_out_once,
    load_screen_css,
    one_layout_per_size,
    run_bindings,
    strip_caches_when_used,
    style_new_screens_once,
    wrap_as_chinese,
)

#: the longest a key waits for the field in focus to handle the keys typed before it
CATCH_UP_SECONDS = 1.0
#: how often one key may wait behind callbacks that keep coming (never starved)
MAX_KEY_DEFERRALS = 8
#: seconds after a screen closes before what it left is collected (it is removed by then)
COLLECT_AFTER_CLOSE = 0.2


#: the longest keys typed after one that opens a dialog wait for it (its read failed or
#: found nothing to ask: they then act where the user is)
HOLD_KEYS_SECONDS = 2.0

#: seconds a quit waits for a form's save to land before leaving the form open (refused)
QUIT_SAVE_SECONDS = 2.0


class InterviewApp(ThreadWorkersForgotten, TeamSync, Preload, App[None]):
    """interview-tui. Build it with :func:`build_app` (the CLI and the tests both do)."""

    TITLE = "interview-tui"
    #: home's styles with the app's: home is always the first screen, and a screen's styles
    #: read after the app's are parsed again with every other source (Stylesheet.reparse)
    CSS_PATH = ["app.tcss", "home/home.tcss"]
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding(
            "ctrl+q", "quit", "app.quit", id="app.quit", tooltip="app.quit.help", priority=True
        ),  # in a dialog too (a form with text typed asks first)
        Binding(
            "ctrl+z",
            "nothing_to_undo",
            "app.undo",
            id="app.undo",
            tooltip="app.undo.help",
            show=False,
        ),  # a screen that keeps its changes to take back binds its own
        Binding(
            "f1", "help", "app.help", id="app.help", tooltip="app.help.help", priority=True
        ),  # dialogs too: a modal screen sees only the app's priority keys
        Binding(
            "ctrl+p",
            "command_palette",
            "app.palette",
            id="app.palette",
            tooltip="app.palette.help",
            show=False,
            priority=True,
        ),
        Binding(
            SYNC_KEY, "team_sync", "app.sync", id="app.sync", tooltip="app.sync.help", show=False
        ),  # the team line names it, where there is a team
        # the keys terminal users reach for; not priority: in a text field they are text
        Binding(
            "question_mark",
            "help",
            "app.help",
            id="app.help_key",
            tooltip="app.help.help",
            show=False,
        ),
        Binding(
            "exclamation_mark",
            "settings_problems",
            "app.settings_problems",
            id="app.settings_problems",
            tooltip="app.settings_problems.help",
            show=False,
        ),  # named by the one line that says values were ignored
        Binding(
            "q",
            "back_or_quit",
            "app.back_or_quit",
            id="app.back_or_quit",
            tooltip="app.back_or_quit.help",
            show=False,
        ),
    ]

    def __init__(
        self,
        store: Store,
        *,
        initial: tuple[str, dict[str, Any]] = ("home", {}),
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = datetime.now,
        keymap: dict[str, str] | None = None,
        animate: bool = True,
        prefetched: dict[str, Future] | None = None,
        option_keys: bool = False,
        theme: str = "dark",
        preload_idle: float | None = None,
    ) -> None:
        decode_alt_keys()  # alt+3 from a terminal is alt+3, a typed £ is £
        keep_pastes_whole()  # a pasted escape sequence stays in its place in the paste
        wrap_as_chinese()  # no character alone on a Chinese paragraph's last line
        keep_wide_characters_whole()  # 题 under a toast's edge is drawn, not two spaces
        free_closed_widgets_styles()  # a closed screen's drawn lines are not kept
        one_layout_per_size()  # a Resize at the size laid out already lays out nothing
        strip_caches_when_used()  # a drawn piece of a line makes no cache it never uses
        style_new_screens_once()  # a new screen is styled when mounted, not again when shown
        lay_out_once()  # a layout sets the sizes it computed without asking for another
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.today = today
        self.now = now
        self._initial = initial
        #: the keymap laid over the bindings when the app starts (keymap.toml's)
        self.start_keymap = keymap or {}
        #: a Mac's Option characters are live keys (the keymap has them), not note text
        self.option_keys = option_keys
        if theme == "light":  # the settings' theme, or a light terminal (settings.quick_theme)
            self.theme = "textual-light"
        self.animated = animate  # blinking cursors (not App.animate, Textual's method)
        self._prefetched = prefetched or {}
        self._collect_timer: Timer | None = None  # see pop_screen
        #: the first openings' code and data are loaded after this long idle (None: never)
        self.preload_idle = preload_idle
        self.writer = Writer(self.post_message, store.path)
        #: live sessions whose screen has closed with notes still being written, and
        #: whether the user was told they wait for the database
        self._closing_notes: dict[int, tuple[Any, bool]] = {}
        #: the screen each key or paste was typed on, while Textual forwards it
        self._typed_on: WeakKeyDictionary[events.Event, Screen[Any]] = WeakKeyDictionary()
        self._quitting = False
        self._settle_before_next_key = False
        self._key_deferrals = 0
        #: keys typed while a dialog is being opened (see hold_keys); None: not holding
        self._held_keys: list[events.Key | events.Paste] | None = None
        self._holds = 0
        self._leaving = False  # exit() was called: keys no longer act
        self._hold_timer: Timer | None = None
        #: what was typed in a dialog closed with esc, by dialog, until it is saved
        self.drafts: dict[str, dict[str, Any]] = {}
        #: what ctrl+z takes back, by screen kind (:class:`~interview_tui.tui.undo.UndoMixin`)
        self.undo_stacks: dict[str, list[Undo]] = {}
        #: the user's settings (:mod:`interview_tui.settings`), read off the UI thread
        self._user_settings: UserSettings | None = None
        #: the settings' bad values, each ignored (listed by ``!``)
        self.settings_issues: list[Any] = []
        #: settings.toml's change time and size when it was read (None: no file)
        self._settings_stamp: tuple[int, int] | None = None
        self.init_team_sync()

    # -- settings: read in a worker, a bad value is a warning toast -------------------------

    def user_settings(self) -> UserSettings:
        """The settings (read on first use, and again whenever settings.toml has changed
        since: a fix counts at once, no restart; call from a worker, never the UI thread)."""
        stamp = _settings_stamp()
        if self._user_settings is None or stamp != self._settings_stamp:
            self._read_settings()
            self._settings_stamp = stamp
        assert self._user_settings is not None
        return self._user_settings

    def _read_settings(self) -> None:
        from interview_tui.settings import load_settings

        loaded = load_settings()
        self._user_settings = loaded.settings
        if loaded.issues:
            self.call_from_thread(self._settings_ignored, loaded.issues)

    def _settings_ignored(self, issues: list[Any]) -> None:
        """One line for every bad value, naming the key that lists them (never a toast
        each: four of them covered half of home); a single bad value is shown as it is."""
        from interview_tui.settings import FILE_NAME

        self.settings_issues = list(issues)
        key = next(
            (
                self.get_key_display(binding)
                for bindings in bindings_after_keymap(self).values()
                for binding in bindings
                if binding.action == "settings_problems"
            ),
            "",
        )
        said = t("settings.ignored", count=len(issues), file=FILE_NAME, key=key)
        if len(issues) == 1:  # one bad value: the problem itself, already one line
            said = str(issues[0])
        self.notify(said, severity="warning", timeout=20)

    def action_settings_problems(self) -> None:
        """Each ignored value of the settings: file, key, value, why, fix."""
        from interview_tui.tui.confirm import SettingsProblemsDialog

        if not isinstance(self.screen, SettingsProblemsDialog):
            self.push_screen(SettingsProblemsDialog(self.settings_issues))

    # -- saving: one ordered writer thread, one error path -----------------------------------

    def save(
        self,
        write: Callable[[], Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[SaveError], None] | None = None,
        *,
        quiet: bool = False,
    ) -> None:
        """Run ``write`` (a service call) on the writer thread; ``done`` gets its result.

        The UI never waits: a database held by another process makes the save wait in the
        background (and say so after a second). A failure is shown as an error and handed to
        ``failed``, which offers the user's input again; nothing is dropped, nothing exits.
        ``quiet`` leaves showing a field's error to ``failed`` (a form shows it beside the
        field); any other error is still shown.
        """
        ticket = self.writer.submit(write, done, failed)
        self.writer.pending[ticket].quiet = quiet
        self.writer.pending[ticket].screen = self.screen
        self.writer.pending[ticket].timer = self.set_timer(
            SLOW_SAVE_SECONDS, lambda: self._save_slow(ticket)
        )

    def _save_slow(self, ticket: int) -> None:
        """A second has passed and the save has not come back: say it waits if another
        connection holds the database, else look again soon (a loaded machine is merely
        slow; its answer may be written and not read yet). Its answer stops the timer."""
        pending = self.writer.pending.get(ticket)
        if pending is None:
            return
        if self.store.waiting_for_lock:
            self.notify(t("app.saving_waits"), timeout=4)
        else:
            pending.timer = self.set_timer(LOCK_LOOK_SECONDS, lambda: self._save_slow(ticket))

    @on(SaveDone)
    def _save_done(self, message: SaveDone) -> None:
        pending = self.writer.finish(message.ticket)
        if pending is not None and pending.done is not None and self._still_shown(pending):
            pending.done(message.result)

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        from interview_tui.i18n import t

        pending = self.writer.finish(message.ticket)
        if not (pending and pending.quiet and message.error.field):
            error = message.error
            if error.refused:  # the rules said no: trying again would not help
                said = t("app.save_refused", error=error)
            else:
                said = t("app.save_failed", error=error)
            self.notify(said, severity="error", timeout=15)
        if pending is not None and pending.failed is not None and self._still_shown(pending):
            pending.failed(message.error)

    def _still_shown(self, pending: Any) -> bool:
        """The screen that asked is still open (the user may have left it meanwhile: the
        change is saved all the same and shows when the screen is opened again)."""
        return pending.screen is None or pending.screen in self.screen_stack

    # -- the live screen's notes: the same writer; finished after the screen closes ---------

    def write_notes(self, session: Any) -> None:
        """A live session writes through the app's writer (in order with every other
        save); a failed write goes back to its screen while it is open."""
        session.writer = self.writer.executor
        # post_message is thread-safe and never waits (this runs in the writer thread)
        session.on_write_error = lambda error, records: self.post_message(
            NotesWriteFailed(session, error, records)
        )
        session.on_kept_both = lambda kept: self.post_message(NotesKeptBoth(session, kept))

    def finish_notes(self, session: Any) -> None:
        """A live screen closed: its notes are written in the background, never waited for
        here. If the database is held by another program the user is told (on the screen
        now in front) that they are saved when it is free, then that they were. Once they
        are, the window leaves the visit's live windows."""
        told = self._closing_notes.get(id(session), (session, False))[1]
        self._closing_notes[id(session)] = (session, told)
        session.flush()
        written = threading.Event()  # set in the writer thread, before its message is read

        def landed() -> None:
            written.set()
            self.post_message(NotesWritten(session))

        self.writer.then(landed)
        if not told:
            self.set_timer(SLOW_SAVE_SECONDS, lambda: self._notes_wait(session, written))

    def _notes_wait(self, session: Any, written: threading.Event) -> None:
        """Said once the notes truly wait for another connection's lock (as
        :meth:`_save_slow`)."""
        if written.is_set():
            return
        if not self.store.waiting_for_lock:
            self.set_timer(LOCK_LOOK_SECONDS, lambda: self._notes_wait(session, written))
            return
        if self._closing_notes.get(id(session), (None, True))[1] is False:
            self._closing_notes[id(session)] = (session, True)
            self.notify(t("live.notes_wait"), timeout=8)

    @on(NotesWriteFailed)
    def _notes_write_failed(self, message: NotesWriteFailed) -> None:
        from interview_tui.tui.live.live_screen import LiveScreen  # loaded: notes were taken

        session = message.session
        if not message.records:  # a heartbeat: the next one tries again
            return
        if id(session) not in self._closing_notes:
            for screen in self.screen_stack:
                if isinstance(screen, LiveScreen) and screen.session is session:
                    screen.write_failed(message.error, message.records)
                    return
        session.mark_unsaved(message.records)  # written again after NotesWritten

    @on(NotesKeptBoth)
    def _notes_kept_both(self, message: NotesKeptBoth) -> None:
        """Another window had changed a note: the live screen shows both (or, if it has
        closed, the user is told both were kept)."""
        from interview_tui.tui.live.live_screen import LiveScreen  # loaded: notes were taken

        for screen in self.screen_stack:
            if isinstance(screen, LiveScreen) and screen.session is message.session:
                screen.kept_both(message.kept)
                return
        self.notify(t("live.kept_both"), severity="warning", timeout=10)

    @on(NotesWritten)
    def _notes_written(self, message: NotesWritten) -> None:
        session = message.session
        if id(session) not in self._closing_notes:
            return
        if session.dirty:  # a write failed: try again shortly (the database may be held)
            self.set_timer(RETRY_DELAY, lambda: self.finish_notes(session))
            return
        _, told = self._closing_notes.pop(id(session))
        session.leave()  # every note written: this window is gone from the visit
        if told:
            self.notify(t("live.notes_saved"), timeout=4)

    async def action_quit(self) -> None:
        """Quit; a form, detail view or dialog holding changes not saved asks first (save
        and quit, discard and quit, or keep editing: never lost without asking); saves
        still being written are waited for, and the user is told."""
        from interview_tui.tui.confirm import UnsavedDialog
        from interview_tui.tui.forms import unsaved_form

        if isinstance(self.screen, UnsavedDialog):
            return  # a question about changes is open: answered with its own keys
        if not self._quitting and not self._unsaved_dropped and (form := unsaved_form(self)):
            self.push_screen(UnsavedDialog(quitting=True), partial(self._quit_answered, form))
            return
        if not self._quitting and not self._unsaved_dropped and self.drafts:
            self._ask_about_drafts()
            return
        for screen in self.screen_stack:
            if callable(save_now := getattr(screen, "save_now", None)):
                save_now()  # the live note typed just now
        if self._quitting or (self.writer.idle and not self._closing_notes):
            self.exit()
            return
        self._quitting = True  # a second ctrl+q quits at once (the last writes still land)
        self.notify(t("app.quit_waits"), timeout=30)
        self.set_interval(0.05, self._exit_when_saved)

    def action_nothing_to_undo(self) -> None:
        """ctrl+z where the screen keeps nothing to take back: said, not silent."""
        self.notify(t("undo.nothing"), timeout=3)

    #: the user chose to quit without saving a form's changes (asked once)
    _unsaved_dropped = False

    def _ask_about_drafts(self) -> None:
        """Text kept as a dialog's draft (esc in a dialog keeps it) lives until the app
        closes: quitting would lose it without a word, so it asks."""
        from interview_tui.tui.confirm import ConfirmDialog

        if isinstance(self.screen, ConfirmDialog):
            return  # asked already

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self._unsaved_dropped = True
                self.call_later(self.action_quit)

        question = ConfirmDialog(
            t("quit.drafts_title"),
            t("quit.drafts_body", count=len(self.drafts)),
            t("quit.drafts_yes"),
            danger=True,
            no=t("unsaved.keep"),
        )
        self.push_screen(question, answered)

    def _quit_answered(self, form: Any, choice: str | None) -> None:
        if choice == "discard":
            self._unsaved_dropped = True
            form._discarding = True  # (a dialog keeps no draft of what was thrown away)
            self.call_later(self.action_quit)
        elif choice == "save":
            form.action_save()
            give_up = time.monotonic() + QUIT_SAVE_SECONDS
            self._quit_saving = self.set_interval(
                0.05, partial(self._quit_when_form_saved, form, give_up)
            )

    def _quit_when_form_saved(self, form: Any, give_up: float) -> None:
        """Quit once the form's save has landed; a save refused (a field in error, said in
        the form) keeps the app open on it."""
        unsaved = form.is_attached and form.unsaved_changes()
        if not self.writer.idle or (unsaved and time.monotonic() < give_up):
            return
        self._quit_saving.stop()
        if not unsaved:
            self.call_later(self.action_quit)  # (another form with changes asks in turn)

    def _exit_when_saved(self) -> None:
        if self.writer.idle and not self._closing_notes:
            self.exit()

    def on_unmount(self) -> None:
        for session, _told in list(self._closing_notes.values()):
            session.flush()  # a failed write waiting for its retry: once more, now
            session.leave()
        self.writer.shutdown()

    async def on_event(self, event: events.Event) -> None:
        """Every key acts in the order it was typed, where the user is when it arrives.

        A terminal delivers "ctrl+t and the first words" together. Textual types a
        character into the focused field at once but runs the binding of any other key
        (tab, enter, backspace, arrows) only after the key has passed up through every
        widget's queue, so in a burst ``userA`` tab ``scenB`` the tab would run after
        ``scenB`` was typed into the first field. Here a key the focused widget does not
        take as text waits until that widget has handled the keys typed before it, then
        runs its binding, before the next key is handed on: one queue, in typed order.
        A character typed before a new screen took focus is typed into that screen's
        field. A screen with a ``take_key`` coroutine reads keys here first.

        What a key asked for takes effect before the next key acts: after a key that is not
        typed text (enter opening a pick list, enter choosing in it), the widgets between
        the focus and the screen handle what it sent them, and a key that arrives while a
        focus change waits in the app's queue goes back behind it, with the keys after it.
        """
        self.note_input(event)
        if isinstance(event, events.Key | events.Paste):
            if self._leaving:  # typed after quit: no screen opens while the app closes
                return
            if not event.is_forwarded and self._held_keys is not None:
                self._held_keys.append(event)  # for the dialog being opened
                return
            if not event.is_forwarded:
                if await self._behind_last_key(event):
                    return
                self._settle_before_next_key = not (
                    isinstance(event, events.Key) and event.is_printable
                )
                take_key = getattr(self.screen, "take_key", None)  # a leader key's second key
                if take_key is not None and await take_key(event):
                    return
                if isinstance(event, events.Key) and await self._binding_in_order(event):
                    return
                self._typed_on[event] = self.screen
            elif self._typed_on.get(event, self.screen) is not self.screen:
                text = (
                    event.text
                    if isinstance(event, events.Paste)
                    else (event.character if event.is_printable else None)
                )
                typed = getattr(self.screen, "type_ahead", None)
                if text and typed is not None and typed(text, late=True):
                    return
        await super().on_event(event)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Close the app; keys typed after this (``q`` then ``e`` in one burst) do nothing."""
        self._leaving = True
        super().exit(*args, **kwargs)

    def hold_keys(self) -> None:
        """Keys typed from now on wait, in order, until as many :meth:`release_keys` (at most
        :data:`HOLD_KEYS_SECONDS`): a key whose dialog opens after a read (or a read after
        that) keeps the keys typed right after it for that dialog, not the screen under it."""
        self._holds += 1
        if self._held_keys is None:
            self._held_keys = []
            self._hold_timer = self.set_timer(
                HOLD_KEYS_SECONDS, lambda: self.release_keys(every=True)
            )

    def release_keys(self, *, every: bool = False) -> None:
        """One hold is over (``every``: all of them); when none is left the keys held act,
        in typed order, where the user is (the dialog, once it is drawn)."""
        self._holds = 0 if every else max(0, self._holds - 1)
        if self._holds:
            return
        held, self._held_keys = self._held_keys, None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        for event in held or ():
            self.post_message(event)

    async def _behind_last_key(self, event: events.Key | events.Paste) -> bool:
        """Let what the key before ``event`` asked for happen first (see on_event); True
        when ``event`` was put back in the queue to act after it."""
        if self._settle_before_next_key:
            self._settle_before_next_key = False
            await self._settled(self.focused)
        if self._key_deferrals < MAX_KEY_DEFERRALS and keys_behind_callbacks(self, event):
            self._key_deferrals += 1
            self._settle_before_next_key = True
            return True
        self._key_deferrals = 0
        return False

    async def _settled(self, widget: Any) -> None:
        """Wait until ``widget`` and its containers up to the screen have handled what was
        sent to them, including what they send each other meanwhile (a pick list's choice
        travels from its list to the pick list): bounded."""
        if widget is None:
            return
        chain = [widget, *(node for node in widget.ancestors if node is not self)]
        for _ in range(3 * len(chain)):
            busy = next((node for node in chain if node.message_queue_size), None)
            if busy is None:
                return
            await self._caught_up(busy)

    async def _binding_in_order(self, event: events.Key) -> bool:
        """Run the binding of a key the focused widget does not type, now (see on_event);
        False when no binding takes it (the key then goes its usual way)."""
        focused = self.focused
        if focused is None or self.screen.maximized is not None or takes_as_text(focused, event):
            return False
        self.app_focus = True
        await self._caught_up(focused)
        return await run_bindings(self, event.key)

    async def _caught_up(self, widget: Widget) -> None:
        """Wait until ``widget`` has handled every message sent to it so far (bounded: a
        widget that is closing never holds the keys up)."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def caught_up() -> None:
            if not done.done():
                done.set_result(None)

        if widget.call_later(caught_up):
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(done, CATCH_UP_SECONDS)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """With animation off (tests, screenshots) cursors stay lit instead of blinking."""
        if not self.animated and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Off: a screenshot would copy internal notes into a world-readable file."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Toasts show their text literally: names and notes are data, never markup, whoever
        asks (a widget's or a screen's ``notify`` asks Textual for markup by default, so
        ``markup`` is not taken: a name like ``[bold]Bob[/]`` shows as typed). A toast with
        its own timeout stays ``toast_hold`` times as long."""
        from interview_tui.tui.text import visible

        del markup  # (kept for Textual's signature)
        super().notify(
            visible(message),
            title=visible(title),
            severity=severity,
            timeout=None if timeout is None else timeout * self.toast_hold,
            markup=False,
        )

    #: how many times its own timeout a toast stays: tests hold toasts, so what a snapshot
    #: shows never depends on how long a loaded machine took to get there
    toast_hold: float = 1.0

    def format_title(self, title: str, sub_title: str) -> Content:
        """Titles name customers and visits: shown literally, controls made visible."""
        from interview_tui.tui.text import visible

        return super().format_title(
            visible(title, one_line=True), visible(sub_title, one_line=True)
        )

    def get_default_screen(self) -> Screen:
        """Home is the bottom of the screen stack (no empty screen underneath it).

        Textual reads a pushed screen's ``CSS_PATH`` but not the default screen's: it is
        read here, or home would show without its own styles (read with the app's
        already, see :attr:`CSS_PATH`: then this reads nothing).
        """
        if self._initial[0] != "home":
            return HomeToCome()  # built when the first screen closes (see pop_screen)
        return self._home()

    def _home(self) -> DataScreen[Any]:
        screen: DataScreen[Any] = screen_class("home")()
        load_screen_css(self, screen)
        return screen

    def _home_now(self) -> Screen:
        """Home, built in place of :class:`HomeToCome`; its data read while Textual builds
        it, so it is drawn once, with what it shows."""
        screen = self._home()
        screen.prefetch()
        return screen

    def on_mount(self) -> None:
        from interview_tui.settings import settings_env_given

        if self.start_keymap:
            self.set_keymap(self.start_keymap)
        if settings_env_given():  # otherwise the defaults: nothing to read or report
            self.run_worker(self._read_settings, thread=True, group="settings")
        for notice in getattr(self.store, "notices", ()):  # e.g. a cut import, removed
            self.notify(notice, severity="warning", timeout=20)
        route, kwargs = self._initial
        if route != "home":
            self.show(route, **kwargs)
        self.call_after_refresh(self._first_drawn)

    def _first_drawn(self) -> None:
        resume_collector()
        self.arm_preload()  # what the first openings need, once the user pauses

    def take_prefetched(self, name: str) -> Future | None:
        """The read of ``name`` started before the UI (``interview-tui`` starts home's), once.
        Never waits: a read still under way is waited for in the screen's worker; a read
        that failed gives ``None`` (the screen reads again)."""
        future = self._prefetched.pop(name, None)
        if future is None or (future.done() and future.exception() is not None):
            return None
        return future

    # -- navigation -------------------------------------------------------------------------

    def show(self, route: str, **kwargs: Any) -> Screen:
        """Push the screen for ``route`` (see :mod:`interview_tui.tui.routes`)."""
        screen = screen_class(route)(**kwargs)
        if getattr(screen, "PREFETCH", False):
            screen.prefetch()  # reading while Textual builds the screen
        self.push_screen(screen)
        return screen

    def pop_screen(self) -> Any:
        """Close the screen in front; once it is gone and the screen below is drawn, what it
        left in cycles is collected (:func:`~interview_tui.memory.collect_closed`), not in the
        middle of the next key. A dialog leaves too little to be worth a full collection."""
        closing = self.screen
        stack = self.screen_stack
        if len(stack) == 2 and isinstance(stack[0], HomeToCome) and not closing.is_modal:
            super().pop_screen()
            done = self.switch_screen(self._home_now())  # in the same turn: never drawn empty
        else:
            done = super().pop_screen()
        if not closing.is_modal:
            if self._collect_timer is not None:  # several closed at once: one collection
                self._collect_timer.stop()
            self._collect_timer = self.set_timer(
                COLLECT_AFTER_CLOSE, collect_closed, name="collect closed screens"
            )
        return done

    def go_home(self) -> None:
        """Close every screen above home (each saves as it closes)."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    async def action_back_or_quit(self) -> None:
        """``q``: what esc does on this screen (back, leave the meeting, finish), and quit
        on the first screen."""

        screen = self.screen
        if len(self.screen_stack) > 1:
            for binding in bindings_after_keymap(screen).get("escape", []):
                await self.run_action(binding.action, screen)
                return
        await self.action_quit()

    def action_help(self) -> None:
        """Every key of the screen in front, grouped, in the user's language."""
        from textual.command import CommandPalette

        from interview_tui.tui.help_screen import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        elif not isinstance(self.screen, CommandPalette):  # the palette lists commands itself
            self.push_screen(HelpScreen(self.screen))

    # -- command palette: every key of the current screen is a command --------------------

    def action_command_palette(self) -> None:
        from interview_tui.tui.commands import InterviewPalette

        if not any(isinstance(screen, InterviewPalette) for screen in self.screen_stack):
            self.push_screen(InterviewPalette())  # one at a time, even under the help


class HomeToCome(Screen[None]):
    """The bottom of the screen stack while the app started on another screen (``interview-tui
    live 3``): never drawn; :meth:`InterviewApp.pop_screen` puts home in its place when the
    screen above closes. Home, its tables and its read cost a third of such a start."""

    def _pop_result_callback(self) -> None:
        """Textual's switch takes the result callback the screen was pushed with: the first
        screen was not pushed, it has none."""


def _settings_stamp() -> tuple[int, int] | None:
    """When settings.toml last changed and its size (None: there is none): one stat call."""
    from interview_tui.settings import settings_path

    try:
        status = settings_path().stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def takes_as_text(widget: Any, event: events.Key) -> bool:
    """Whether ``widget`` (in focus) handles ``event`` itself rather than a binding: the
    characters a text field types, and enter in a text area (a new line)."""
    if widget.check_consume_key(event.key, event.character):
        return True
    return is_text_area(widget) and not widget.read_only and event.key == "enter"


def build_app(
    store: Store,
    *,
    initial: tuple[str, dict[str, Any]] = ("home", {}),
    today: Callable[[], date] = date.today,
    now: Callable[[], datetime] = datetime.now,
    keymap_path: Path | None = None,
    animate: bool = True,
    prefetched: dict[str, Future] | None = None,
    option_keys: bool | None = None,
    theme: str | None = None,
    preload_idle: float | None = None,
) -> InterviewApp:
    """The production factory: the CLI and the tests build the app the same way.
    ``option_keys`` and ``theme`` are read from the settings unless given; with
    ``preload_idle`` the first openings' code and data load after that many idle seconds
    (:mod:`~interview_tui.tui.preload`; the CLI's app does, tests ask for it)."""
    if theme is None:
        from interview_tui.settings import quick_theme

        theme = quick_theme()
    if option_keys is None:
        from interview_tui.settings import quick_option_keys

        option_keys = quick_option_keys()
    keymap = effective_keymap(keymap_path, option_keys=option_keys)
    return InterviewApp(
        store,
        initial=initial,
        today=today,
        now=now,
        keymap=keymap,
        animate=animate,
        prefetched=prefetched,
        option_keys=option_keys,
        theme=theme,
        preload_idle=preload_idle,
    )
