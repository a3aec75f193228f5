"""User text in Markdown: the one escaping function every report and recap field goes through.

A customer name, a note, an owner's name are words, never Markdown: a line break in a name
must not start ``# A heading``, a ``---`` line must not turn the line above into one,
``<script>`` and ``<img onerror=…>`` must not reach a reader as HTML, and
``[x](javascript:…)`` must not become a link. :func:`md` escapes only what could start such
structure, with a backslash (CommonMark's escape), so the text still reads naturally in the
file and shows exactly the user's words when rendered: Chinese text and ordinary
punctuation are left alone, and ``<日期>`` (which is no HTML tag) stays as it is. A control
character (an escape sequence pasted into a note) is shown as its symbol (``␛``), as on screen.
"""

from __future__ import annotations

import re

from interview_tui.display import visible

#: anywhere in a line: code spans, emphasis, links and images, table cells, strikethrough,
#: the escape itself before punctuation, an HTML tag or autolink, an entity, a closing ``#``
_INLINE = re.compile(
    r"[`*_\[\]|]|~(?=~)|\\(?=[!-/:-@\[-`{-~]|$)|<(?=[A-Za-z/!?])"
    r"|&(?=#?[A-Za-z0-9]+;)|#(?=\s*$)"
)
#: at the start of a line: a heading, a quote, a list item, a thematic break, a setext
#: underline, a code fence
_LINE_START = re.compile(r"^(?:[#>+=~-]|(\d{1,9})(?=[.)]))")


def _line(text: str) -> str:
    """One line of a user's text: its control characters shown as symbols (an escape
    sequence pasted into a field must not drive the terminal a report is read in), then
    escaped."""
    escaped = _INLINE.sub(lambda m: "\\" + m.group(), visible(text.strip()))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" if m.group(1) else "\\" + m.group(), escaped)


def md(text: object, *, block: bool = False, indent: str = "") -> str:
    """``text`` (a user's field) as Markdown that shows exactly its words and nothing else.

    Inline (the default) folds line breaks and runs of spaces into one space: the field
    sits inside a line of the template (a list item, after a label, a heading). ``block``
    keeps the user's lines, each escaped on its own, joined by hard line breaks and
    ``indent`` (the continuation of a list item); blank lines are dropped, so the text
    stays one paragraph where the template put it.
    """
    value = "" if text is None else str(text)
    if not block:
        return _line(" ".join(value.split()))
    lines = [_line(" ".join(line.split())) for line in value.splitlines()]
    return f"  \n{indent}".join(line for line in lines if line)
