"""Write an export privately: created with mode 0600, replaced atomically, never clobbering.

:func:`check_target` refuses a path before anything is written: the database itself (or its
``-wal`` / ``-shm``), anything that is not a regular file (a FIFO, a device, a folder, a
symlink), and an existing file unless the user said ``--force``.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from interview_tui.errors import TargetExists, UserError
from interview_tui.i18n import t
from interview_tui.reading import os_reason


def check_target(path: Path, *, database: Path | None = None, force: bool = False) -> None:
    """Refuse, with one clear line, a target an export must not write over."""
    path = path.expanduser()
    if database is not None:
        db = database.expanduser().resolve()
        forbidden = {
            db,
            db.with_name(db.name + "-wal"),
            db.with_name(db.name + "-shm"),
            db.with_name(db.name + "-journal"),
        }
        if path.resolve() in forbidden:
            raise UserError(t("file.is_database", path=path))
    try:
        info = path.lstat()
    except FileNotFoundError:
        if not path.parent.expanduser().is_dir():
            raise UserError(t("file.no_folder", path=path, folder=path.parent)) from None
        return
    except OSError as exc:
        raise UserError(t("file.cannot_check", path=path, reason=os_reason(exc))) from None
    if stat.S_ISLNK(info.st_mode):
        raise UserError(t("file.symlink", path=path))
    if not stat.S_ISREG(info.st_mode):
        raise UserError(t("file.not_regular", path=path))
    if not force:
        raise TargetExists(t("file.exists", path=path))


def write_private(path: Path, data: bytes | str | Iterable[bytes]) -> Path:
    """Write ``data`` to ``path`` (mode 0600) through a temporary file in the same folder.

    ``data`` may be pieces of bytes, written as they come (a large export streams). The
    temporary file is removed whatever happens (an error, Ctrl+C, SIGTERM), so the target
    is either the whole new file or left as it was.
    """
    pieces = (
        [data.encode("utf-8") if isinstance(data, str) else data]
        if isinstance(data, str | bytes)
        else data
    )
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise UserError(t("file.cannot_write", path=path, reason=os_reason(exc))) from None
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "wb") as out:
            for piece in pieces:
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise UserError(t("file.cannot_write", path=path, reason=os_reason(exc))) from None
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path
