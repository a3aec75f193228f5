"""Imports written in chunks stay invisible, and are removed whole, until they finish.

An import commits every few thousand rows so that another process's saves (the live
screen's) never wait for the whole import. Until its last chunk commits, what it wrote is
*staged*: the visit, and a customer or people it added, carry the import's token in their
``importing`` column, and the staged visit and customer carry an ``archived_at`` stamp, so
every list, search, timeline and figure that leaves archived records out leaves the import
out too (the views of archived records leave out rows with ``importing`` set). One last
transaction clears both marks together: the visit appears whole or not at all.

An import that never reached that transaction (killed, power cut) is found when the
database is next opened and removed whole (:func:`remove_cut_imports`), and the user is told
in one line. A running import holds a shared lock on ``<database>-import.lock``; the
clean-up takes that lock exclusively without waiting, so it never removes what a live import
(in another process) is still writing. The kernel releases the lock of a killed process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interview_tui.store.store import Store

if sys.platform != "win32":  # POSIX; on Windows no lock is taken (an import then counts as
    import fcntl  # cut only when it failed)

#: the tables whose rows an unfinished import marks
STAGED_TABLES = ("customers", "people", "visits")
#: the records of a visit, deleted with it: table and search kind (None: not indexed)
_VISIT_TABLES = (
    ("notes", "note"),
    ("commitments", "commitment"),
    ("requirements", "requirement"),
    ("script_items", None),
    ("customer_questions", None),
)


def lock_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}-import.lock")


def _open_lock(db_path: str | Path) -> int:
    return os.open(lock_path(db_path), os.O_RDWR | os.O_CREAT, 0o600)


@contextmanager
def import_lock(db_path: str | Path) -> Iterator[None]:
    """Held (shared) by a running import, from before its first row to after its last."""
    if sys.platform == "win32":  # pragma: no cover - not on the platforms this is built for
        yield
        return
    fd = _open_lock(db_path)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)  # waits only for a clean-up in progress (short)
        yield
    finally:
        os.close(fd)


@contextmanager
def no_import_running(db_path: str | Path) -> Iterator[bool]:
    """Whether no import is running on this database (another process's or this one's);
    while True, none can start."""
    if sys.platform == "win32":  # pragma: no cover - not on the platforms this is built for
        yield True
        return
    try:
        fd = _open_lock(db_path)
    except OSError:  # a read-only folder: no import can run there either
        yield True
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def anything_staged(store: Store) -> bool:
    """Whether some import has not finished (read through the partial indexes)."""
    checks = " OR ".join(
        f"EXISTS (SELECT 1 FROM {table} WHERE importing IS NOT NULL)" for table in STAGED_TABLES
    )
    return bool(store.query(f"SELECT {checks} AS any")[0]["any"])


def is_staged(store: Store, table: str, record_id: int) -> bool:
    """Whether this visit, customer or person belongs to an import still being written."""
    rows = store.query(f"SELECT importing FROM {table} WHERE id = ?", [record_id])
    return bool(rows and rows[0]["importing"] is not None)


def mark(store: Store, table: str, record_id: int, token: str) -> None:
    """Stage a row just written by the import ``token`` (inside its first transaction)."""
    store.db.execute(f"UPDATE {table} SET importing = ? WHERE id = ?", [token, record_id])


def finish(store: Store, token: str, archived: dict[str, str | None]) -> None:
    """Make an import's rows visible, in one transaction: each staged visit and customer gets
    back the ``archived_at`` of the file (``archived``, by table)."""
    with store.transaction():
        for table in STAGED_TABLES:
            if table in archived:
                store.db.execute(
                    f"UPDATE {table} SET importing = NULL, archived_at = ? WHERE importing = ?",
                    [archived[table], token],
                )
            else:
                store.db.execute(
                    f"UPDATE {table} SET importing = NULL WHERE importing = ?", [token]
                )


def _ids(store: Store, sql: str, params: Sequence[object]) -> list[int]:
    return [int(row["id"]) for row in store.query(sql, params)]


def _in(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def remove_staged(store: Store, token: str | None = None) -> list[dict[str, Any]]:
    """Delete what the import ``token`` (every unfinished one when None) wrote, in one
    transaction; returns each removed visit's customer name and date."""
    where, params = ("importing = ?", [token]) if token else ("importing IS NOT NULL", [])
    with store.transaction():
        visits = store.query(
            "SELECT v.id, v.date, c.name AS customer FROM visits v"
            f" LEFT JOIN customers c ON c.id = v.customer_id WHERE v.{where} ORDER BY v.id",
            params,
        )
        visit_ids = _in([int(v["id"]) for v in visits])
        for table, kind in _VISIT_TABLES:
            if kind is not None:
                ids = _ids(store, f"SELECT id FROM {table} WHERE visit_id IN ({visit_ids})", [])
                store.unindex(kind, ids)
            store.db.execute(f"DELETE FROM {table} WHERE visit_id IN ({visit_ids})")
        store.db.execute(f"DELETE FROM visits WHERE id IN ({visit_ids})")
        people = _ids(store, f"SELECT id FROM people WHERE {where}", params)
        store.unindex("person", people)
        store.db.execute(f"UPDATE notes SET speaker_id = NULL WHERE speaker_id IN ({_in(people)})")
        store.db.execute(f"DELETE FROM people WHERE id IN ({_in(people)})")
        # a customer the import added goes, unless some finished visit came to refer to it
        customer_ids = _ids(
            store,
            f"SELECT id FROM customers WHERE {where}"
            " AND id NOT IN (SELECT customer_id FROM visits)",
            params,
        )
        customers = _in(customer_ids)
        for table, kind in (("requirements", "requirement"), ("people", "person")):
            ids = _ids(store, f"SELECT id FROM {table} WHERE customer_id IN ({customers})", [])
            store.unindex(kind, ids)
            store.db.execute(f"DELETE FROM {table} WHERE customer_id IN ({customers})")
        store.unindex("customer", customer_ids)
        store.db.execute(f"DELETE FROM customers WHERE id IN ({customers})")
        store.db.execute(f"UPDATE customers SET importing = NULL WHERE {where}", params)
    return visits


def remove_cut_imports(store: Store, db_path: str | Path) -> list[dict[str, Any]]:
    """Remove every import that was cut off (no process is writing it any more); returns
    each removed visit's customer name and date. Nothing is done while an import runs."""
    if not anything_staged(store):
        return []
    with no_import_running(db_path) as idle:
        if not idle:
            return []
        return remove_staged(store)
