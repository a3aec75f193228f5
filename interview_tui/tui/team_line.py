"""Where the team stands, one line on home and the review screens, and the sync key.

:class:`TeamLine` shows records waiting to be sent, open conflicts, the last sync (or
"offline, N kept" after a sync that could not reach the team) and, while a sync runs, its
progress; nothing at all on a laptop in no team. It reads :func:`~interview_tui.team.standing.
standing` in its screen's read worker each time the screen reads its data, and keeps the
last answer on the app, so a screen opened next shows it in its first paint.

:class:`TeamSync` (mixed into the app) runs a sync on the sync key: in a thread worker of
its own with its own database connection (never the UI thread, never the writer, which
stays free for saves), never while a meeting is open in the live screen, one at a time.
When it finishes the result is one line in the team line and the screen in front reads
its data again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual.message import Message
from textual.widget import Widget

from interview_tui.i18n import t
from interview_tui.tui.mixins import AppMixin

if TYPE_CHECKING:
    from interview_tui.store.store import Store
    from interview_tui.team.standing import Standing

#: the sync key (every terminal sends it; no screen, text field or the live screen has it)
SYNC_KEY = "ctrl+f"
#: a visit shared with the team (home's row and legend, the plan's title)
SHARED_MARK = "⇄"


@dataclass
class SyncState:
    """The app's sync: running or not, its progress, and the last result as one line."""

    running: bool = False
    progress: str = ""
    result: str = ""
    failed: bool = False
    #: conflicts that sync found (said beside the open ones while the result is current)
    new_conflicts: int = 0
    #: the team's last sync when this result came (``standing.synced_at``): a later one
    #: (a ``team sync`` in a shell meanwhile) makes the result old news
    at: str = ""

    def current(self, standing: Standing) -> bool:
        """Whether the result is still the latest word on the team's syncs."""
        return bool(self.result) and (not standing.synced_at or standing.synced_at <= self.at)


class TeamLine(Widget):
    """One line: the team's standing as this laptop sees it (hidden in no team)."""

    DEFAULT_CSS = "TeamLine { height: 1; padding: 0 1; }"

    def on_mount(self) -> None:
        self._show_state()
        self.refresh_standing()

    def refresh_standing(self) -> None:
        """Read the standing again (in the screen's read worker) and show it."""
        from interview_tui.team.standing import standing

        app: Any = self.app
        screen: Any = self.screen
        store = app.store
        if callable(getattr(screen, "read", None)):
            screen.read(lambda: standing(store), self._read)

    def _read(self, found: Standing | None) -> None:
        app: Any = self.app
        app.team_standing = found
        for line in self.screen.query(TeamLine):
            line._show_state()

    def _show_state(self) -> None:
        app: Any = self.app
        self.display = getattr(app, "team_standing", None) is not None
        sync: SyncState = app.team_sync
        self.set_class(sync.running, "-running")
        self.set_class(bool(sync.failed), "-failed")
        standing = app.team_standing
        self.set_class(bool(standing and standing.conflicts), "-conflicts")
        self.set_class(bool(standing and standing.offline), "-offline")
        self.refresh()

    def render(self) -> Text:
        app: Any = self.app
        standing: Standing | None = getattr(app, "team_standing", None)
        if standing is None:
            return Text()
        return line_text(standing, app.team_sync, app.today(), self.size.width)


def line_text(standing: Standing, sync: SyncState, today: date, width: int) -> Text:
    """The line in ``width`` cells: what matters first, cut with an ellipsis, and the
    sync key always at the right."""
    parts: list[tuple[str, str]] = []
    if sync.running:
        parts.append((t("teamline.syncing", progress=sync.progress), "bold"))
    current = sync.current(standing) and not sync.running
    if standing.conflicts:
        said = t("teamline.conflicts", count=standing.conflicts)
        if current and sync.new_conflicts:
            said += t("teamline.new_conflicts", count=min(sync.new_conflicts, standing.conflicts))
        parts.append((said, "bold"))
    if standing.offline:
        parts.append((t("teamline.offline", count=standing.kept), "bold"))
    elif standing.kept:  # changed here, or committed by a sync whose push did not land
        parts.append((t("teamline.pending", count=standing.kept), ""))
    if current:
        parts.append((sync.result, "bold" if sync.failed else ""))
    elif not sync.running:
        parts.append((_synced(standing.synced_at, today), ""))
    text = Text(t("teamline.label"), style="bold", no_wrap=True, end="")
    for number, (part, style) in enumerate(parts):
        text.append(" · " if number else " ")
        text.append(part, style=style)
    hint = Text(t("teamline.key", key="^f"), style="dim", no_wrap=True, end="")
    room = max(0, width - hint.cell_len - 1)
    if text.cell_len > room:
        text.truncate(room, overflow="ellipsis")
    text.append(" " * max(1, width - text.cell_len - hint.cell_len))
    if cell_len(text.plain) + hint.cell_len <= width:
        text.append_text(hint)
    return text


def _synced(iso: str, today: date) -> str:
    if not iso:
        return t("teamline.never")
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return t("teamline.never")
    shown = f"{when:%H:%M}" if when.date() == today else f"{when:%Y-%m-%d %H:%M}"
    return t("teamline.synced", when=shown)


# -- the sync key -------------------------------------------------------------------------


class SyncProgress(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class SyncFinished(Message):
    """A sync ended: ``result`` (a SyncResult), or ``error`` (one line), or ``refused``."""

    def __init__(
        self,
        result: Any = None,
        error: str = "",
        refused: bool = False,
        standing: Standing | None = None,
    ) -> None:
        super().__init__()
        self.result, self.error, self.refused = result, error, refused
        self.standing = standing  # as the sync left it, shown with its result


class TeamSync(AppMixin):
    """The app's sync key and what the team line shows of a sync (mixed into the app)."""

    team_standing: Standing | None = None
    #: the app's (set by :class:`~interview_tui.tui.app.InterviewApp`)
    store: Store
    now: Callable[[], datetime]

    def init_team_sync(self) -> None:
        self.team_sync = SyncState()

    def action_team_sync(self) -> None:
        if self.team_sync.running:
            self.notify(t("teamline.running"), timeout=4)
            return
        if self._live_open():
            self.notify(t("teamline.live_open"), severity="warning", timeout=8)
            return
        self.team_sync = SyncState(running=True, progress=t("teamline.starting"))
        self._team_lines_changed()
        self.run_worker(self._run_sync, thread=True, group="team-sync", exit_on_error=False)

    def _live_open(self) -> bool:
        """The live screen is open in this app (a sync could change the visit under it)."""
        from interview_tui.tui.live.live_screen import LiveScreen

        return any(isinstance(screen, LiveScreen) for screen in self.screen_stack)

    def _run_sync(self) -> None:
        """In a thread worker: the sync on a connection of its own."""
        from interview_tui.team.standing import LiveOpen, sync_in_own_connection
        from interview_tui.tui.data import read_error

        def progress(text: str) -> None:
            self.post_message(SyncProgress(text))

        try:
            result, found = sync_in_own_connection(
                self.store.path, self.now(), progress, clock=self.store.now
            )
        except LiveOpen:
            self.post_message(SyncFinished(refused=True))
        except Exception as exc:  # one line for the user, whatever went wrong
            self.post_message(SyncFinished(error=read_error(exc, self.store.path)))
        else:
            self.post_message(SyncFinished(result, standing=found))

    def on_sync_progress(self, message: SyncProgress) -> None:
        if self.team_sync.running:
            self.team_sync.progress = message.text
            self._team_lines_changed()

    def on_sync_finished(self, message: SyncFinished) -> None:
        result = message.result
        known = self.team_standing.synced_at if self.team_standing else ""
        if message.refused:
            self.team_sync = SyncState(result=t("teamline.refused"), failed=True, at=known)
            self.notify(t("teamline.live_open"), severity="warning", timeout=8)
        elif result is None:
            self.team_sync = SyncState(
                result=t("teamline.failed", error=message.error), failed=True, at=known
            )
            self.notify(message.error, severity="error", timeout=10)
        else:
            when = f"{self.now():%H:%M}"
            if result.offline and not result.received:  # an attempt, not a sync
                line = t("teamline.result_offline", when=when)
            else:
                line = t("teamline.result", when=when, sent=result.sent, received=result.received)
            found = message.standing
            self.team_sync = SyncState(
                result=line,
                failed=bool(result.offline),
                new_conflicts=result.new_conflicts,
                at=found.synced_at if found else "",
            )
            self.team_standing = found
            if result.offline:
                self.notify(
                    t("cli.team.offline", reason=result.offline), severity="warning", timeout=10
                )
        self._team_lines_changed()
        from interview_tui.tui.data import DataScreen

        screen = self.screen
        if isinstance(screen, DataScreen):
            screen.reload()  # what the sync brought in (the line is read with it)
        else:
            for team_line in screen.query(TeamLine):
                team_line.refresh_standing()

    def _team_lines_changed(self) -> None:
        for line in self.screen.query(TeamLine):
            line._show_state()
