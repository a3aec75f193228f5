"""Opening the SQLite file safely: private modes, WAL, version checks, clear errors.

A file that is not ours to change (corrupt, from a newer version, read-only) is inspected
through a read-only connection first and refused before anything is written to it, so it
stays byte-for-byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from interview_tui.errors import UserError
from interview_tui.store.paths import create_private_file, make_private_dir
from interview_tui.store.versions import SCHEMA_VERSION as LATEST_VERSION
from interview_tui.store.versions import schema_version

BUSY_TIMEOUT_MS = 10_000


class StoreError(UserError):
    """A database problem explained in one line a person can act on."""


def _inspect_existing(path: Path) -> int:
    """Read the schema version of an existing file without writing to it."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database ({exc})") from None
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # reads the header: fails if corrupt
        return schema_version(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: not a usable interview-tui database ({exc}); the file was left untouched"
        ) from None
    finally:
        conn.close()


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``."""
    path = path.expanduser()
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file")
        version = _inspect_existing(path)
        if version > LATEST_VERSION:
            raise StoreError(
                f"{path}: written by a newer interview-tui (schema {version}, this version "
                f"knows up to {LATEST_VERSION}); upgrade interview-tui. The file was left untouched"
            )
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise StoreError(
                f"{path}: the database (or its folder) is read-only; interview-tui saves every "
                "keystroke and needs to write there. The file was left untouched"
            )
    else:
        try:
            make_private_dir(path.parent)
            create_private_file(path)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the database ({exc.strerror})") from None
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if schema_version(conn) < LATEST_VERSION:
            import sqlite_utils

            from interview_tui.store.migrations import migrate

            migrate(sqlite_utils.Database(conn))
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: cannot prepare the database ({exc})") from None
    return conn


def open_store(path: Path | str | None = None):  # -> Store (import cycle kept lazy)
    """Open the store at ``path`` or at the default location."""
    from interview_tui.store.paths import default_db_path
    from interview_tui.store.store import Store

    return Store(connect(Path(path) if path is not None else default_db_path()))
