"""Which windows have a visit open live, so each can say the others are there.

Two windows typing into the same visit must never drop each other's words: every save of
a note checks the text stored is still the one this window last saw (see
:meth:`LiveSession._save`); when another window changed it meanwhile, this window's text
becomes a note of its own and both are kept. This module is the other half: each live
window has a row (process id, host, when it opened, a heartbeat the writer refreshes every
:data:`HEARTBEAT_SECONDS`), so a window can say on screen that the visit is also open
elsewhere, by whom and since when. A window whose process has ended (same host) or whose
heartbeat is older than :data:`STALE_SECONDS` no longer counts.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from interview_tui.i18n import t
from interview_tui.store.store import Store

#: seconds between a live window's heartbeats
HEARTBEAT_SECONDS = 5.0
#: a window whose heartbeat is older than this is gone (a machine asleep, another host)
STALE_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class OtherWindow:
    """Another window with the same visit open live."""

    pid: int
    host: str
    started: datetime

    def says(self) -> str:
        """One line for the user: the visit is open elsewhere, and what that means."""
        return t(
            "live.open_elsewhere",
            pid=self.pid,
            host=self.host,
            since=self.started.strftime("%H:%M"),
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


@dataclass
class LiveWindow:
    """This window's row: entered when the visit opens, refreshed, left when it closes."""

    store: Store
    visit_id: int
    token: str = field(default_factory=lambda: uuid.uuid4().hex)
    pid: int = field(default_factory=os.getpid)
    host: str = field(default_factory=socket.gethostname)
    clock: Callable[[], float] = time.time

    def enter(self) -> None:
        started = datetime.now().replace(microsecond=0).isoformat()
        self.store.enter_live(self.token, self.visit_id, self.pid, self.host, started, self.clock())

    def beat(self) -> None:
        """The heartbeat (in the writer thread): this window is still here."""
        self.store.beat_live(self.token, self.clock())

    def leave(self) -> None:
        self.store.leave_live(self.token)

    def others(self) -> list[OtherWindow]:
        """The other windows on this visit that are still there, oldest first."""
        now = self.clock()
        return [
            OtherWindow(row["pid"], row["host"], datetime.fromisoformat(row["started"]))
            for row in self.store.live_windows(self.visit_id)
            if row["token"] != self.token
            and now - row["heartbeat"] <= STALE_SECONDS
            and (row["host"] != self.host or _alive(row["pid"]))
        ]


def any_open(store: Store, clock: Callable[[], float] = time.time) -> bool:
    """Whether a live window (of this process or another) has a visit open now."""
    now, host = clock(), socket.gethostname()
    return any(
        now - row["heartbeat"] <= STALE_SECONDS and (row["host"] != host or _alive(row["pid"]))
        for row in store.query("SELECT pid, host, heartbeat FROM live_windows")
    )
