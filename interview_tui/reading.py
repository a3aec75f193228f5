"""Reading a user's file safely: regular files only, bounded in size, strict UTF-8.

A FIFO, a device or a folder is refused before anything is read (nothing can hang or
stream forever), a file over the limit is refused with the limit named, and text that is
not UTF-8 is reported with the offset of the first bad byte. TOML and JSON nested deeper
than the parsers can follow (``x = [[[[…]]]]``) are refused too. Every problem is one
:class:`ReadError` (a :class:`~interview_tui.errors.UserError`) naming the file.

Every user file goes through here: settings.toml, keymap.toml, question banks, imports.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from interview_tui.errors import UserError
from interview_tui.i18n import labelled, t


class ReadError(UserError):
    """A file that cannot be read; ``reason`` is the message without the path."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(labelled(str(path), reason))
        self.reason = reason


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return t("read.kind.folder")
    if stat.S_ISFIFO(mode):
        return t("read.kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return t("read.kind.device")
    if stat.S_ISSOCK(mode):
        return t("read.kind.socket")
    return t("read.kind.other")


def os_reason(exc: OSError) -> str:
    """Why the system refused, in the current language (the system's own words otherwise)."""
    code = errno.errorcode.get(exc.errno or 0, "")
    named = t(f"os.{code}") if code else ""
    return named if named and named != f"os.{code}" else str(exc.strerror or exc)


def _what(what: str) -> str:
    """The kind of file being read, named in the current language (``export`` …)."""
    key = f"read.what.{what}"
    named = t(key)
    return what if named == key else named


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
        raise ReadError(path, t("read.cannot", what=_what(what), reason=os_reason(exc))) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(path, t("read.not_regular", kind=_kind(info.st_mode), what=_what(what)))
        if info.st_size > limit:
            raise ReadError(
                path,
                t(
                    "read.too_big",
                    what=_what(what),
                    size=f"{info.st_size / 2**20:.1f}",
                    limit=limit // 2**20,
                ),
            )
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise ReadError(path, t("read.larger", what=_what(what), limit=limit // 2**20))
        return b"".join(chunks)
    except OSError as exc:
        raise ReadError(path, t("read.cannot", what=_what(what), reason=os_reason(exc))) from None
    finally:
        os.close(fd)


def decode_utf8(data: bytes, path: Path | str, *, what: str) -> str:
    """``data`` as text, or one line naming the byte offset of the first bad byte.

    A UTF-8 byte order mark at the start is dropped.
    """
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise ReadError(
            path,
            t("read.not_utf8", what=_what(what), offset=exc.start, byte=f"0x{data[exc.start]:02x}"),
        ) from None


#: why a text is not TOML, as Python's ``tomllib`` says it, and the last part of the catalog
#: key that says it in the user's language; matched on the start, in this order (a message
#: ``Expected '…'`` names the quote or brackets that close what was left open)
_TOML_REASONS = (
    ("Invalid statement", "statement"),
    ("Expected newline or end of document after a statement", "end_of_line"),
    ("Expected '=' after a key", "equals"),
    ("Expected ']' at the end of a table declaration", "header"),
    ("Expected ']]' at the end of an array declaration", "header"),
    ("Invalid initial character for a key part", "key"),
    ("Invalid value", "value"),
    ("Unclosed array", "array"),
    ("Unclosed inline table", "inline_table"),
    ("Unterminated string", "unterminated"),
    ("Expected ", "unterminated"),
    ("Illegal character", "control"),
    ("Found invalid character", "control"),
    ("Cannot overwrite a value", "twice"),
    ("Cannot declare", "twice"),
    ("Duplicate inline table key", "twice"),
    ("Cannot mutate immutable namespace", "redefine"),
    ("Cannot redefine namespace", "redefine"),
    ("Unescaped '\\' in a string", "escape"),
    ("Escaped character is not a Unicode scalar value", "unicode_escape"),
    ("Invalid hex value", "unicode_escape"),
    ("Invalid date or datetime", "date"),
)
#: where ``tomllib`` found the problem, at the end of its message
_TOML_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def toml_problem(exc: tomllib.TOMLDecodeError) -> tuple[int | None, str, str]:
    """Where and why a text is not TOML, in the current language: the line (``None``: at
    the end of the file), the place as the user reads it (``line 3, column 5``) and the
    reason. Python's reason is English whatever the user reads."""
    message = str(exc)
    found = _TOML_AT.search(message)
    if found is None or found.group(1) is None:
        line, where = None, t("read.at_end")
    else:
        line = int(found.group(1))
        where = t("read.at", line=line, column=int(found.group(2)))
    said = message[: found.start()] if found else message
    return line, where, t(f"read.toml.{_reason_name(said, _TOML_REASONS)}")


def parse_toml(text: str, path: Path | str, *, what: str) -> dict[str, Any]:
    """``tomllib.loads``; nesting too deep to parse is a :class:`ReadError` (a syntax error
    stays a ``TOMLDecodeError``, for the caller to place on its line)."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise ReadError(path, t("read.too_deep", what=_what(what))) from None


def read_toml(path: Path, *, what: str, limit: int) -> dict[str, Any]:
    """:func:`read_text` and :func:`parse_toml` in one."""
    return parse_toml(read_text(path, what=what, limit=limit), path, what=what)


#: why a text is not JSON, as Python's decoder says it (its C and pure-Python versions), and
#: the last part of the catalog key that says it in the user's language; matched on the
#: start (the pure-Python decoder adds the character found)
_JSON_REASONS = (
    ("Expecting value", "value"),
    ("Expecting property name enclosed in double quotes", "name"),
    ("Expecting ':' delimiter", "colon"),
    ("Expecting ',' delimiter", "comma"),
    ("Extra data", "extra"),
    ("Unterminated string starting at", "unterminated"),
    ("Invalid control character", "control"),
    ("Invalid \\uXXXX escape", "unicode_escape"),
    ("Invalid \\escape", "escape"),
    ("Illegal trailing comma", "trailing_comma"),  # Python 3.13 and later
)


def json_reason(message: str) -> str:
    """Why a text is not JSON (a ``JSONDecodeError``'s ``msg``), in the current language:
    Python's reason is English whatever the user reads."""
    return t(f"read.json.{_reason_name(message, _JSON_REASONS)}")


def _reason_name(message: str, reasons: tuple[tuple[str, str], ...]) -> str:
    """The name of a parser's English ``message``: that of the first of ``reasons`` (start,
    name) it starts with, else ``other`` (the last part of a catalog key)."""
    return next((name for start, name in reasons if message.startswith(start)), "other")


def parse_json(text: str, path: Path | str, *, what: str, **options: Any) -> Any:
    """``json.loads``; text that is not JSON is one :class:`ReadError` line, ``file: line
    and column: why`` in the user's language, as is nesting too deep to parse (other
    errors, such as those of ``parse_constant``, stay for the caller)."""
    try:
        return json.loads(text, **options)
    except json.JSONDecodeError as exc:
        where = t("read.at", line=exc.lineno, column=exc.colno)
        why = t("read.not_json", what=_what(what), reason=json_reason(exc.msg))
        raise ReadError(path, labelled(where, why)) from None
    except RecursionError:
        raise ReadError(path, t("read.too_deep", what=_what(what))) from None
