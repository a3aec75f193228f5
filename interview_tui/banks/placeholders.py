"""Placeholders: the facts about an account a bank cannot know, written ``<name>``.

A bank question says ``<customer>``, ``<工厂>`` or ``<ticket count>`` wherever a fact about
the account belongs; the PM fills each name once per visit and every question of the
visit's script that names it shows the value. One syntax only: ``<`` a name of 1 to 40
characters (no line break, no angle bracket, no space at either end) ``>``; ``a < b > c``
is no placeholder.

>>> names("At <customer>, <factory> had <n> stops; <factory> again")
['customer', 'factory', 'n']
>>> fill("<customer> runs <factory>", {"customer": "Acme", "factory": ""})
'Acme runs <factory>'
>>> mark("<工厂> 停线", "[待填:{name}]")
'[待填:工厂] 停线'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

PLACEHOLDER = re.compile(r"<([^<>\s](?:[^<>\r\n]{0,38}[^<>\s])?)>")


def names(*texts: str) -> list[str]:
    """The placeholder names in ``texts``, each once, in the order they first appear."""
    seen: dict[str, None] = {}
    for text in texts:
        for match in PLACEHOLDER.finditer(text or ""):
            seen.setdefault(match.group(1).strip(), None)
    return [name for name in seen if name]


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with every ``<name>`` that has a non-blank value replaced by it (one pass:
    a value is never read as a placeholder itself)."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1).strip(), "").strip()
        return value or match.group(0)

    return PLACEHOLDER.sub(replace, text) if text else text


def mark(text: str, template: str) -> str:
    """``text`` with each unfilled ``<name>`` written as ``template`` (``{name}`` in it), so
    a reader sees a gap to fill, never a raw placeholder."""
    if not text:
        return text
    return PLACEHOLDER.sub(lambda m: template.format(name=m.group(1).strip()), text)


def pieces(text: str) -> Iterable[tuple[str, bool]]:
    """``text`` cut into (piece, is a placeholder name) in order, for styled display."""
    at = 0
    for match in PLACEHOLDER.finditer(text or ""):
        if match.start() > at:
            yield text[at : match.start()], False
        yield match.group(1).strip(), True
        at = match.end()
    if at < len(text or ""):
        yield text[at:], False
