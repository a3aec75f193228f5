"""The one boundary where user text becomes display text (terminal, TUI, CLI output).

Names, notes, research and imported files are data: never markup, never terminal commands.
:func:`visible` makes control characters visible (``ESC`` shows as ``␛``, ``NUL`` as ``␀``)
and replaces what a terminal could misread (lone surrogates, C1 controls), so nothing the
user typed or imported can restyle the screen, retitle the window or touch the clipboard.
Markup is never parsed from such text: the TUI wraps it in ``rich.text.Text`` (see
``interview_tui.tui.text``) and the CLI prints it as plain text.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

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


# -- where prose breaks into lines ----------------------------------------------------------

#: the first character :func:`_cjk` matches (text of characters all below it has none)
_CJK_FIRST = "\u2e80"


@lru_cache(maxsize=1)
def _cjk() -> re.Pattern[str]:
    """Chinese, Japanese and Korean characters and full-width forms: a line may break
    between any two of them (Chinese puts no spaces between words). Compiled when first
    needed: its ranges take milliseconds, and text without them never needs it."""
    return re.compile(
        "[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
        "\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002fa1f]"
    )


def _has_cjk(text: str) -> bool:
    return bool(text) and max(text) >= _CJK_FIRST and _cjk().search(text) is not None


#: never the first character of a line (a comma or a closing bracket goes with what it ends)
_CLOSING = frozenset("，。、；：！？）」』》〉】〕”’…—·,.;:!?)]}%％")
#: never the last character of a line (an opening bracket goes with what it opens)
_OPENING = frozenset("（「『《〈【〔“‘([{")
#: a Chinese measure word: never the first of a line after a number and a space ("承诺 0 条"
#: broken as "承诺 0" / "条" read as a sentence cut short)
_MEASURES = frozenset("条个次项位处天名份周人家页张件笔")


def _counted(text: str, index: int) -> bool:
    """``text[index]`` is the measure word of a count written with spaces ("0 条"): a line
    does not begin there (the number and what it counts stay together)."""
    return text[index] in _MEASURES and index >= 2 and text[index - 2].isdigit()


def _unit_starts(text: str) -> list[int]:
    """Where a line may begin: after spaces, and between two characters of which one is
    Chinese (not before closing punctuation, not after opening punctuation)."""
    starts, cjk = [0], _cjk()
    for index in range(1, len(text)):
        before, char = text[index - 1], text[index]
        if char.isspace():
            continue
        if before.isspace():
            if not _counted(text, index):
                starts.append(index)
        elif char in _CLOSING or before in _OPENING:
            continue
        elif cjk.match(before) or cjk.match(char):
            starts.append(index)
    return starts


def line_breaks(text: str, width: int, fold: bool = True) -> list[int]:
    """Where one line of prose is broken to fit ``width`` cells, as offsets into ``text``
    (the contract of ``rich._wrap.divide_line``, which Textual and rich wrap with).

    Text with Chinese in it breaks between characters as Chinese does (not only at
    spaces, which left half a line empty before a long phrase), never before a comma or a
    closing bracket, and never leaves one character or one word alone on its last line:
    the word before goes down with it. Text without Chinese is broken as rich breaks it.
    """
    if width <= 0 or not _has_cjk(text):
        from rich._wrap import divide_line

        return divide_line(text, width, fold=fold)
    return list(_cjk_breaks(text, width, fold))


def _phrase_kept(text: str, line: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """A line ends inside a phrase (Chinese characters with no space between them): when the
    whole phrase fits on a line and the line keeps a third of its width without it, the line
    ends at the space before it and the phrase begins the next one (``客户方：50%`` whole,
    not ``客户`` / ``方：50%``). Returns what moves to the next line."""
    from rich.cells import cell_len

    if text[line[-1][1] - 1].isspace():
        return []
    for at in range(len(line) - 1, 0, -1):
        if not text[line[at - 1][1] - 1].isspace():
            continue
        begins = line[at][0]
        ends = next((i for i in range(begins, len(text)) if text[i].isspace()), len(text))
        kept = cell_len(text[line[0][0] : begins].rstrip())
        if cell_len(text[begins:ends]) <= width and 3 * kept >= width:
            moved = line[at:]
            del line[at:]
            return moved
        return []
    return []


@lru_cache(maxsize=4096)  # a screen redraws the same texts at the same widths
def _cjk_breaks(text: str, width: int, fold: bool) -> tuple[int, ...]:
    from rich.cells import cell_len, chop_cells

    bounds = [*_unit_starts(text), len(text)]
    lines: list[list[tuple[int, int]]] = [[]]
    used = 0
    for start, end in itertools.pairwise(bounds):
        piece = text[start:end]
        needed = cell_len(piece.rstrip())
        if lines[-1] and used + needed > width:
            lines.append(_phrase_kept(text, lines[-1], width))
            used = sum(cell_len(text[a:b]) for a, b in lines[-1])
        if needed > width and fold:  # longer than a line (a long path): cut where it ends
            at = start
            for number, chunk in enumerate(chop_cells(piece, width)):
                if number:
                    lines.append([])
                lines[-1].append((at, at + len(chunk)))
                at += len(chunk)
                used = cell_len(chunk)
            continue
        lines[-1].append((start, end))
        used += cell_len(piece)
    if len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) > 1:  # one alone: one more
        moved = _orphans_company(text, lines[-2])
        start = lines[-2][-moved][0]
        if moved < len(lines[-2]) and cell_len(text[start : lines[-1][0][1]].rstrip()) <= width:
            lines[-1][:0] = lines[-2][-moved:]
            del lines[-2][-moved:]
    return tuple(line[0][0] for line in lines[1:] if line and line[0][0])


def _orphans_company(text: str, line: list[tuple[int, int]]) -> int:
    """How many units of ``line`` go down with a word left alone after it: one character,
    or, when a space comes before the lone word, the whole phrase before that space (``原定
    2026-11-08`` goes down whole, never ``原`` / ``定 2026-11-08``)."""
    if not text[line[-1][1] - 1].isspace():
        return 1
    count = 1
    while count < len(line):
        before = text[line[-count - 1][1] - 1]
        if before.isspace() or before in _PHRASE_ENDS:
            break
        count += 1
    return count


_PHRASE_ENDS = "，。；：！？、）」』》,.;:!?)"
