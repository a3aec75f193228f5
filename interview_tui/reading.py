"""Reading a user's file safely: regular files only, bounded in size, strict UTF-8.

A FIFO, a device or a folder is refused before anything is read (nothing can hang or
stream forever), a file over the limit is refused with the limit named, and text that is
not UTF-8 is reported with the offset of the first bad byte. Every problem is one
:class:`ReadError` (a :class:`~interview_tui.errors.UserError`) naming the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from interview_tui.errors import UserError


class ReadError(UserError):
    """A file that cannot be read; ``reason`` is the message without the path."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.reason = reason


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_text(path: Path, *, what: str, limit: int) -> str:
    """:func:`read_limited` and :func:`decode_utf8` in one."""
    return decode_utf8(read_limited(path, what=what, limit=limit), path, what=what)


def read_limited(path: Path, *, what: str, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Opened without blocking (a FIFO cannot hang the open) and checked on the open file,
    so a file swapped for a pipe after a check is still refused.
    """
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReadError(path, f"cannot read the {what} ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(path, f"is {_kind(info.st_mode)}; "
                            f"give the path of a regular {what} file")  # fmt: skip
        if info.st_size > limit:
            raise ReadError(path, f"the {what} is {info.st_size / 2**20:.1f} MiB; "
                            f"files over {limit // 2**20} MiB are refused")  # fmt: skip
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise ReadError(path, f"the {what} is larger than {limit // 2**20} MiB; "
                            "such files are refused")  # fmt: skip
        return b"".join(chunks)
    except OSError as exc:
        raise ReadError(path, f"cannot read the {what} ({exc.strerror})") from None
    finally:
        os.close(fd)


def decode_utf8(data: bytes, path: Path | str, *, what: str) -> str:
    """``data`` as text, or one line naming the byte offset of the first bad byte.

    A UTF-8 byte order mark at the start is dropped.
    """
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"the {what} is not UTF-8 text (byte {exc.start} is "
                        f"0x{data[exc.start]:02x}); save it as UTF-8") from None  # fmt: skip


