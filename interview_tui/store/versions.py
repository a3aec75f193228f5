"""The schema version this build writes (kept apart so start-up needs no migration code)."""

import sqlite3

SCHEMA_VERSION = 19


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])
