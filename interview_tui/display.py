"""The one boundary where user text becomes display text (terminal, TUI, CLI output).

Names, notes, research and imported files are data: never markup, never terminal commands.
:func:`visible` makes control characters visible (``ESC`` shows as ``␛``, ``NUL`` as ``␀``)
and replaces what a terminal could misread (lone surrogates, C1 controls), so nothing the
user typed or imported can restyle the screen, retitle the window or touch the clipboard.
Markup is never parsed from such text: the TUI wraps it in ``rich.text.Text`` (see
``interview_tui.tui.text``) and the CLI prints it as plain text.
"""

from __future__ import annotations

import re

_SYMBOLS: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟
_SYMBOLS[0x7F] = "␡"
_SYMBOLS.update({code: f"\\x{code:02x}" for code in range(0x80, 0xA0)})  # C1 controls
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # direction overrides
_SYMBOLS.update({ord(mark): f"<U+{ord(mark):04X}>" for mark in _BIDI})
_MULTILINE = {k: v for k, v in _SYMBOLS.items() if k not in (0x0A, 0x09)}
_ONE_LINE = {**_SYMBOLS, 0x0A: "⏎ ", 0x09: " "}
_SURROGATE = re.compile("[\ud800-\udfff]")


def visible(text: object, *, one_line: bool = False, limit: int | None = None) -> str:
    """``text`` safe to put on a terminal: controls shown as symbols, nothing interpreted.

    ``one_line`` also shows line breaks as ``⏎`` (for table cells and one-line lists);
    ``limit`` cuts very long text (with ``…``) where only a glimpse fits anyway.
    """
    value = "" if text is None else str(text)
    if limit is not None and len(value) > limit:
        value = value[:limit] + "…"
    return _SURROGATE.sub("\ufffd", value.translate(_ONE_LINE if one_line else _MULTILINE))


_IN_PLACE = {
    **{code: chr(0x2400 + code) for code in range(0x20)},
    0x7F: "␡",
    **{code: "\ufffd" for code in range(0x80, 0xA0)},
    **{ord(mark): "\ufffd" for mark in _BIDI},
}


def visible_in_place(text: str) -> str:
    """Like :func:`visible`, one character for one (so a cursor in an edited field stays
    where it is): a control character becomes its symbol, anything else unsafe ``�``."""
    return _SURROGATE.sub("\ufffd", text.translate(_IN_PLACE))


#: line breaks of every kind (all that ``str.splitlines`` splits on) and other controls
_HEADER_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def header_value(text: str) -> str:
    """An e-mail header value on one line: each run of line breaks or control characters
    becomes one space, so nothing typed (a subject, a name, a contact) starts a header."""
    return _HEADER_BREAKS.sub(" ", text).strip()


def mail_address(name: str, address: str) -> str:
    """``"Name" <address>`` for a From or To header, the name and address on one line."""
    from email.utils import formataddr

    return formataddr((header_value(name), header_value(address)))
