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
>>> fill("贵司 <地点> 新工厂投产", {"地点": "越南"})
'贵司越南新工厂投产'
>>> fill("贵司 <地点> 新工厂投产", {"地点": "Vietnam"})
'贵司 Vietnam 新工厂投产'
>>> mark("<工厂> 停线", "[待填:{name}]")
'[待填:工厂] 停线'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

PLACEHOLDER = re.compile(r"<([^<>\s](?:[^<>\r\n]{0,38}[^<>\s])?)>")
# a placeholder with the spaces either side of it: a bank writes ``贵司 <地点> 新工厂`` so
# the name stands out; filled with Chinese words, those spaces go (``贵司越南新工厂``)
_SPACED = re.compile(r"([ \t]*)<([^<>\s](?:[^<>\r\n]{0,38}[^<>\s])?)>([ \t]*)")
# Chinese, Japanese and Korean characters and full-width punctuation
_CJK = re.compile(
    r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]"
)


def _cjk(char: str) -> bool:
    return bool(char) and _CJK.match(char) is not None


def names(*texts: str) -> list[str]:
    """The placeholder names in ``texts``, each once, in the order they first appear."""
    seen: dict[str, None] = {}
    for text in texts:
        for match in PLACEHOLDER.finditer(text or ""):
            seen.setdefault(match.group(1).strip(), None)
    return [name for name in seen if name]


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with every ``<name>`` that has a non-blank value replaced by it (one pass:
    a value is never read as a placeholder itself). The spaces between a placeholder and a
    Chinese neighbour go when the value's own end there is Chinese too (``贵司 <地点> 新工厂``
    with ``越南`` reads ``贵司越南新工厂``); beside Latin text they stay."""
    if not text:
        return text

    def replace(match: re.Match[str]) -> str:
        before, name, after = match.groups()
        value = values.get(name.strip(), "").strip()
        if not value:
            return match.group(0)
        left = text[match.start() - 1] if match.start() else ""
        right = text[match.end()] if match.end() < len(text) else ""
        if before and _cjk(left) and _cjk(value[0]):
            before = ""
        if after and _cjk(right) and _cjk(value[-1]):
            after = ""
        return f"{before}{value}{after}"

    return _SPACED.sub(replace, text)


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
