"""Everything the CLI prints goes through here: user text is shown, never executed.

Text lines pass :func:`interview_tui.display.visible` (an escape sequence in a customer's
name shows as ``␛[…`` instead of retitling the terminal); JSON escapes every character a
terminal could act on (C0, DEL, C1, bidi overrides, lone surrogates) so it stays valid JSON
and safe to print.
"""

from __future__ import annotations

import json
import re
from typing import Any

import click

from interview_tui.display import visible

_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def echo(text: str = "", *, err: bool = False, fg: str | None = None) -> None:
    """Print one line of text that may hold user data."""
    click.secho(visible(text), err=err, fg=fg)


def json_text(data: Any) -> str:
    """``data`` as indented JSON that is safe to print and still parses to the same values."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def echo_json(data: Any) -> None:
    click.echo(json_text(data))
