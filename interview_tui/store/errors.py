"""Database errors for the user: :class:`StoreError`, and damaged pages said in one line
with the command that recovers what can be saved (no sqlite3 needed to import this)."""

from __future__ import annotations

from pathlib import Path

from interview_tui.errors import UserError
from interview_tui.i18n import t


class StoreError(UserError):
    """A database problem explained in one line a person can act on."""


#: SQLite's primary result codes for a file whose pages do not make sense
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite found damaged pages (``database disk image is malformed``)."""
    import sqlite3

    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in str(exc)


def recover_command(path: Path | str) -> str:
    """The shell command that copies what can be saved into a new file beside ``path``."""
    import shlex

    source = Path(path)
    target = source.with_name(f"{source.stem}-recovered{source.suffix or '.db'}")
    return f'sqlite3 {shlex.quote(str(source))} ".recover" | sqlite3 {shlex.quote(str(target))}'


def damaged(path: Path | str) -> StoreError:
    """The one line for a damaged file: what is wrong and the command that recovers it."""
    return StoreError(t("error.db_damaged", path=path, command=recover_command(path)))


def explain(exc: BaseException, path: Path | str) -> BaseException:
    """``exc`` as the user should read it: damage as :func:`damaged`, anything else as is."""
    return damaged(path) if is_damage(exc) else exc


__all__ = ["StoreError", "damaged", "explain", "is_damage", "recover_command"]
