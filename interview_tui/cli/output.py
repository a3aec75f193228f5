"""Everything the CLI prints goes through here: user text is shown, never executed.

Text lines pass :func:`interview_tui.display.visible` (an escape sequence in a customer's
name shows as ``␛[…`` instead of retitling the terminal); JSON escapes every character a
terminal could act on (C0, DEL, C1, bidi overrides, lone surrogates) so it stays valid JSON
and safe to print.

An export (a report, an e-mail, a calendar, JSON) goes out exact to a file or a pipe; on a
terminal it goes through :func:`for_terminal` first (:func:`write_export` decides).
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import compress
from typing import Any

import click

from interview_tui.display import visible

_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def echo(text: str = "", *, err: bool = False, fg: str | None = None) -> None:
    """Print one line of text that may hold user data."""
    if fg is None:  # secho would add a colour reset even with no colour
        click.echo(visible(text), err=err)
    else:
        click.secho(visible(text), err=err, fg=fg)


def json_text(data: Any) -> str:
    """``data`` as indented JSON that is safe to print and still parses to the same values."""
    return _safe(json.dumps(data, ensure_ascii=False, indent=2))


def _safe(text: str) -> str:
    """JSON ``text`` with every character a terminal could act on written as ``\\uXXXX``."""
    if text.isascii() and "\x7f" not in text:  # (isascii reads a flag: no scan)
        return text
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def echo_json(data: Any) -> None:
    """Print ``data`` as :func:`json_text`; an iterator in it (a generator of rows) is written
    item by item, so memory stays flat however long the listing (the bytes are the same)."""
    batch: list[str] = []
    for piece in _pieces(data):
        batch.append(piece)
        if len(batch) >= 512:  # made safe 512 pieces at a time: one scan, not one a row
            click.echo(_safe("".join(batch)), nl=False)
            batch.clear()
    click.echo(_safe("".join(batch)))


def json_pieces(data: Any) -> Iterator[str]:
    """:func:`json_text` of ``data`` in pieces, byte for byte: the top-level dict one key at
    a time and an iterator (a generator of rows) one item at a time; every other value
    (a row) whole. A listing hands a generator, so one row at a time is in memory."""
    return map(_safe, _pieces(data))


def _pieces(data: Any, level: int = 0) -> Iterator[str]:
    """:func:`json_pieces` before they are made safe (:func:`_safe` changes characters one
    by one: the pieces joined and then made safe are the pieces made safe and joined)."""
    if level == 0 and isinstance(data, dict) and data:
        items: Iterator[Any] = iter(data.items())
        opening, closing = "{", "}"
    elif isinstance(data, Iterator):
        items, opening, closing = data, "[", "]"
    else:
        yield _dumps(data, level)
        return
    inner = "\n" + "  " * (level + 1)
    first = True
    for item in items:
        yield (opening if first else ",") + inner
        first = False
        if closing == "}":
            key, item = item
            yield _key(key) + ": "
        yield from _pieces(item, level + 1)
    yield opening + closing if first else "\n" + "  " * level + closing


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # the C encoder: no indent
_STRING = json.encoder.encode_basestring  # what that encoder writes a text with


def _scalar(value: Any) -> str:
    """One value that is not a container, as :mod:`json` writes it (the common ones
    without a call into the encoder)."""
    if isinstance(value, str):
        return _STRING(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    return _ENCODE(value)


#: what the C encoder writes exactly as the indenting encoder does: scalars, and empty
#: containers (``[]``, ``{}``)
_SCALARS = frozenset({str, int, float, bool, type(None)})
_CONTAINERS = (list, tuple, dict)
_CONTAINER_KINDS = frozenset(_CONTAINERS)
_FLAT = _SCALARS | _CONTAINER_KINDS


def _flat_row(row: dict[Any, Any]) -> bool:
    """Whether ``row`` has texts for keys and flat values only (types looked at in C)."""
    if set(map(type, row)) != {str}:
        return False
    values = row.values()
    kinds = set(map(type, values))
    if kinds <= _SCALARS:
        return True
    if not kinds <= _FLAT:
        return False  # a subclass or another type: written value by value
    # no container with something in it (the containers picked out in C, not a loop)
    return not any(compress(values, map(_CONTAINER_KINDS.__contains__, map(type, values))))


@functools.cache
def _flat_encoder(level: int) -> Callable[[Any], str]:
    """The C encoder writing a dict ``level`` deep whose keys are texts and whose values are
    flat: its item separator carries the newline and the indent, so the one call writes the
    same bytes as the indenting encoder (a listing's row is such a dict). Made once, as
    ``JSONEncoder.iterencode`` makes it on every call, without its check for cycles (a
    flat row has none)."""
    separator = ",\n" + "  " * (level + 1)
    make: Any = getattr(json.encoder, "c_make_encoder", None)  # (not in the stubs)
    if make is None:  # a Python without the C accelerator: the encoder as it is
        return json.JSONEncoder(ensure_ascii=False, separators=(separator, ": ")).encode
    chunks = make(
        None,  # no check for cycles
        json.JSONEncoder(ensure_ascii=False).default,
        json.encoder.encode_basestring,
        None,  # no indent: the separator carries it
        ": ",
        separator,
        False,  # keys in the row's order
        False,  # no key skipped
        True,  # NaN and infinities as json writes them
    )
    return lambda row: "".join(chunks(row, 0))


def _dumps(value: Any, level: int) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` as if nested ``level`` deep, the
    same bytes, encoded in C: a dict of flat values (a listing's row) in one call, anything
    else value by value (Python's encoder is pure Python as soon as it indents, which made
    a listing's JSON five times slower)."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        if _flat_row(value):
            inside = _flat_encoder(level)(value)[1:-1]
            return "{\n" + "  " * (level + 1) + inside + "\n" + "  " * level + "}"
        inner = ",\n" + "  " * (level + 1)
        return (
            "{\n"
            + "  " * (level + 1)
            + inner.join(f"{_key(k)}: {_dumps(v, level + 1)}" for k, v in value.items())
            + "\n"
            + "  " * level
            + "}"
        )
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = ",\n" + "  " * (level + 1)
        return (
            "[\n"
            + "  " * (level + 1)
            + inner.join(_dumps(v, level + 1) for v in value)
            + "\n"
            + "  " * level
            + "]"
        )
    return _scalar(value)


def _key(key: Any) -> str:
    """A dict's key as :mod:`json` writes it (a number or a flag as text)."""
    if isinstance(key, str):
        return _STRING(key)
    return _STRING(_scalar(key) if not isinstance(key, float) else float.__repr__(key))


def for_terminal(text: str, output_format: str) -> str:
    """An export as shown on a terminal: every control character visible, nothing run.

    JSON keeps being valid JSON with the same values (the characters are escaped as
    ``\\uXXXX``); any other format shows them as symbols (``␛``, ``␇``), its line ends
    (CRLF in e-mail and calendars) as plain new lines.
    """
    if output_format == "json":
        return _safe(text)
    return visible(text.replace("\r\n", "\n"))


def write_export(
    pieces: bytes | Iterable[bytes], output_format: str, *, terminal: bool | None = None
) -> None:
    """Write an export to standard output: exact to a file or a pipe, made visible by
    :func:`for_terminal` when it is a terminal (``terminal`` overrides the check)."""
    out = sys.stdout.buffer
    if terminal is None:
        terminal = sys.stdout.isatty()
    for piece in [pieces] if isinstance(pieces, bytes) else pieces:
        if terminal:
            piece = for_terminal(piece.decode("utf-8", "replace"), output_format).encode()
        out.write(piece)
    sys.stdout.flush()
