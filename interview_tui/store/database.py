"""Opening the SQLite file safely: private modes, WAL, version checks, clear errors.

A file that is not ours to change (corrupt, from a newer version, read-only) is inspected
through a read-only connection first and refused before anything is written to it, so it
stays byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from interview_tui.i18n import t
from interview_tui.store.errors import StoreError, damaged, is_damage
from interview_tui.store.paths import create_private_file, make_private_dir
from interview_tui.store.versions import SCHEMA_VERSION as LATEST_VERSION
from interview_tui.store.versions import schema_version

if TYPE_CHECKING:  # the store (and its models) loads on first use
    from interview_tui.store.store import Store

BUSY_TIMEOUT_MS = 10_000
#: ``PRAGMA application_id`` of every database this product writes ("ITUI")
APPLICATION_ID = 0x49545549
#: the tables and columns of schema 1 that every database written before ``application_id``
#: was set has (later versions only add): a foreign file that merely shares some table
#: names is not taken for ours
_V1_COLUMNS: dict[str, frozenset[str]] = {
    "customers": frozenset({"id", "name", "industry", "notes", "created_at"}),
    "people": frozenset({"id", "customer_id", "name", "title", "role", "contact"}),
    "visits": frozenset(
        {
            "id",
            "customer_id",
            "date",
            "length_minutes",
            "purpose",
            "goals",
            "attendee_ids",
            "status",
            "created_at",
        }
    ),
    "script_items": frozenset({"id", "visit_id", "text", "role", "goal", "status"}),
    "notes": frozenset({"id", "visit_id", "text", "internal", "kind", "created_at"}),
    "requirements": frozenset({"id", "customer_id", "visit_id", "title", "state", "pool_group"}),
    "commitments": frozenset(
        {"id", "visit_id", "text", "owner_side", "owner_name", "due", "state", "created_at"}
    ),
    "meta": frozenset({"key", "value"}),
}


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write (``immutable`` where even the -shm file can't be made)."""
    base = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{base}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{base}?immutable=1", uri=True, check_same_thread=False)


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}


def _inspect_existing(path: Path) -> int:
    """The schema version of an existing file, read without writing to it.

    Refuses (untouched) a file that is not an SQLite database, or one that is but belongs to
    another program: ours carry :data:`APPLICATION_ID`; earlier versions of ours, which did
    not set it, are known by their tables.
    """
    try:
        if path.stat().st_size == 0:
            return 0  # an empty file (e.g. from mktemp): ours to fill
        conn = _read_only(path)
    except OSError as exc:
        raise StoreError(t("error.db_cannot_open", path=path, reason=exc.strerror)) from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: not a usable interview-tui database ({exc}); the file was left untouched"
        ) from None
    try:
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = schema_version(conn)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        legacy = (
            application_id == 0
            and version >= 1
            and all(
                table in tables and columns <= _columns(conn, table)
                for table, columns in _V1_COLUMNS.items()
            )
        )
    except sqlite3.DatabaseError as exc:
        if is_damage(exc) and path.read_bytes()[:16] == b"SQLite format 3\x00":
            raise damaged(path) from None
        raise StoreError(
            f"{path}: not a usable interview-tui database ({exc}); the file was left untouched"
        ) from None
    finally:
        conn.close()
    ours = application_id == APPLICATION_ID or legacy or (application_id == 0 and not tables)
    if not ours:
        raise StoreError(
            f"{path}: this SQLite file belongs to another program (application_id "
            f"{application_id}, {len(tables)} tables); choose another --db. "
            "The file was left untouched"
        )
    return version


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``.

    ``read_only`` (for commands that only read) opens an existing file without ever writing
    to it, so read-only media and files stay usable for listing and export.
    """
    path = path.expanduser()
    if path.exists():
        if not path.is_file():
            raise StoreError(t("error.db_not_a_file", path=path))
        version = _inspect_existing(path)
        if version > LATEST_VERSION:
            raise StoreError(
                f"{path}: written by a newer interview-tui (schema {version}, this version "
                f"knows up to {LATEST_VERSION}); upgrade interview-tui. The file was left untouched"
            )
        if read_only and version == LATEST_VERSION:
            return _read_only(path)
        if read_only and version == 0:
            raise StoreError(t("error.db_empty", path=path))
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise StoreError(
                f"{path}: the database (or its folder) is read-only; interview-tui saves every "
                "keystroke and needs to write there. The file was left untouched"
            )
        if version == 0:  # an empty file given as --db (mktemp): private once it is filled
            _make_private(path)
    else:
        if read_only:
            raise StoreError(t("error.db_missing", path=path))
        try:
            make_private_dir(path.parent)
            create_private_file(path)
        except OSError as exc:
            raise StoreError(t("error.db_cannot_create", path=path, reason=exc.strerror)) from None
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if schema_version(conn) < LATEST_VERSION:
            import sqlite_utils

            from interview_tui.store.migrations import migrate

            # in the file's own journal mode, before WAL: a migration that fails is rolled
            # back and leaves the file as it was, byte for byte
            migrate(sqlite_utils.Database(conn))
        if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_damage(exc):
            raise damaged(path) from None
        raise StoreError(t("error.db_cannot_prepare", path=path, reason=exc)) from None
    return conn


def _make_private(path: Path) -> None:
    """Mode 0600 for a file we are about to fill (an existing empty file may be 0644)."""
    try:
        os.chmod(path, 0o600)
    except OSError as exc:
        raise StoreError(t("error.db_cannot_open", path=path, reason=exc.strerror)) from None


def open_store(path: Path | str | None = None, *, read_only: bool = False) -> Store:
    """Open the store at ``path`` or at the default location (writer and reader)."""
    from interview_tui.store.paths import default_db_path
    from interview_tui.store.store import Store

    where = Path(path) if path is not None else default_db_path()
    conn = connect(where, read_only=read_only)
    if read_only:
        store = Store(conn, read_only=True)
    else:
        store = Store(conn, reader=_reader(where.expanduser()))
        # the author of what is written here (a damaged file says so on its first read)
        with contextlib.suppress(sqlite3.DatabaseError, StoreError):
            store.member = store.meta("team.member") or ""
    store.notices.extend(_remove_cut_imports(store, where.expanduser()))
    return store


def _remove_cut_imports(store: Store, path: Path) -> list[str]:
    """An import cut off before its last commit (killed) is removed whole, and said so in
    one line per visit. A read-only opening does it through a writing connection of its own
    when the file can be written (as SQLite rolls back a hot journal on a read); otherwise
    the unfinished import stays hidden, for a later opening to remove."""
    from interview_tui.store import staging
    from interview_tui.store.store import Store

    if not staging.anything_staged(store):
        return []
    if not store.read_only:
        removed = staging.remove_cut_imports(store, path)
    elif os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        writer = Store(connect(path))
        try:
            removed = staging.remove_cut_imports(writer, path)
        finally:
            writer.close()
    else:
        return []
    return [
        t(
            "import.cut_removed",
            customer=row["customer"] or "",
            date=str(row["date"] or "")[:16].replace("T", " "),
        )
        for row in removed
    ]


def _reader(path: Path) -> sqlite3.Connection:
    """A second connection for reads: in WAL mode it never waits for the writer."""
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only = ON")
    return conn
