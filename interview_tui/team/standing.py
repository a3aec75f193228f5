"""Where this laptop stands with its team, read cheaply for a line on screen, and a sync run
on a connection of its own (the app runs it in a worker, never on the UI or writer thread).

:func:`standing` is a handful of indexed reads (the ``meta`` rows, the outbox and the open
conflicts counted): no git, so a screen can read it with its data every time it loads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from interview_tui.store.store import Store
from interview_tui.team.privacy import SHARED_PENDING_SQL

#: meta keys: the last sync's time, and after one that could not reach the team, why and
#: how many records its commits hold that the team has not received yet
SYNCED_AT = "team.synced_at"
OFFLINE = "team.offline"
UNSENT = "team.unsent"


@dataclass(frozen=True)
class Standing:
    """What the team line shows."""

    team: str
    #: records changed here that the next sync sends (shared ones only)
    pending: int
    #: open conflicts (fields the team set to different values)
    conflicts: int
    #: the last sync, ISO ("" when never)
    synced_at: str
    #: why the last sync did not reach the team ("" when it did)
    offline: str
    #: records committed here by syncs that did not reach the team
    unsent: int

    @property
    def kept(self) -> int:
        """Records on this laptop that the team has not received."""
        return self.pending + self.unsent


def standing(store: Store) -> Standing | None:
    """This laptop's standing, or ``None`` when it is in no team."""
    meta = {
        row["key"]: row["value"] or ""
        for row in store.query(
            "SELECT key, value FROM meta WHERE key IN (?, ?, ?, ?)",
            ["team.name", SYNCED_AT, OFFLINE, UNSENT],
        )
    }
    if not meta.get("team.name"):
        return None
    # the changes a sync would send: a change to a visit not shared (or a customer not in
    # the team) waits in the outbox too, but never leaves this laptop
    counts = store.query(
        f"SELECT ({SHARED_PENDING_SQL}) AS pending,"
        " (SELECT count(*) FROM team_conflicts) AS conflicts",
        {"team": meta["team.name"]},
    )[0]
    return Standing(
        team=meta["team.name"],
        pending=int(counts["pending"]),
        conflicts=int(counts["conflicts"]),
        synced_at=meta.get(SYNCED_AT, ""),
        offline=meta.get(OFFLINE, ""),
        unsent=int(meta.get(UNSENT) or 0),
    )


def note_committed(store: Store, records: int) -> None:
    """``records`` committed here for the team: called in the transaction that empties the
    outbox, so they count as kept (``unsent``) from that moment until a push lands, whatever
    cuts the sync between the two."""
    with store.transaction():
        store.set_meta(UNSENT, str(int(store.meta(UNSENT) or 0) + records))


def record_outcome(store: Store, offline: str, *, reached: bool) -> int:
    """After a sync: why it did not reach the team ("" when it did, or when only the tries
    ran out), and, once the team has everything committed here, nothing kept. Returns how
    many records the team received from here with this sync: this sync's and those of
    earlier ones cut or offline (0 when it did not reach the team)."""
    with store.transaction():
        store.set_meta(OFFLINE, offline)
        if not reached:
            return 0
        sent = int(store.meta(UNSENT) or 0)
        store.set_meta(UNSENT, "0")
        return sent


class LiveOpen(Exception):
    """A meeting is open in the live screen (here or in another window): no sync now."""


def sync_in_own_connection(
    path: str | Path,
    now: datetime,
    progress: Callable[[str], None],
    clock: Callable[[], datetime] | None = None,
):  # -> tuple[SyncResult, Standing | None]
    """One sync through a Store of its own on the database at ``path`` (so the app's
    connections and its writer stay free), and the standing it leaves; refused with
    :class:`LiveOpen` while a live window has a visit open."""
    from interview_tui.services.live_windows import any_open
    from interview_tui.store.database import open_store
    from interview_tui.team.sync import sync

    store = open_store(path)
    try:
        if clock is not None:
            store.now = clock
        if any_open(store):
            raise LiveOpen
        result = sync(store, now, progress)
        return result, standing(store)
    finally:
        store.close()
