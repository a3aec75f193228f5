"""The domain lexicon (``lexicon.toml``): what cloud products and places are called, in
English and Chinese, and what holds what (a product's family, a city's country and region).

The authority check asks it how a commitment's names stand to a limit's: one names the other
(another name of one concept, a member of the limit's family, a city inside the limit's
region, or the family or region of the limit's own) or names a sibling (another member of the
same family, another place, another product whose name holds one of the limit's names).
The file is read once, on first use, never at import.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

_FILE = Path(__file__).with_name("lexicon.toml")
PRODUCT = "product"
PLACE = "place"
#: a cloud region code (``eu-north-1``, ``cn-xian-1``, ``me-east-prov-1``) or an area and a
#: direction without the number (``eu-north``, ``us-east``)
_CODE = re.compile(
    r"(?<![a-z0-9-])((?:cn|eu|ap|me|us|sa|af|ca|mx|il)-[a-z]+(?:-[a-z]+)*)(?:-(\d+))?(?![a-z0-9-])"
    # any country's two letters, with the number that makes it a code (pt-lis-1, in-chn-1)
    r"|(?<![a-z0-9-])([a-z]{2}-[a-z]+(?:-[a-z]+)*)-(\d+)(?![a-z0-9-])"
)
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Concept:
    """One entry: its id, whether a product or a place, and what holds it, nearest first."""

    id: str
    sort: str
    within: tuple[str, ...]

    @property
    def chain(self) -> tuple[str, ...]:
        return (self.id, *self.within)


@dataclass(frozen=True, eq=False)
class Lexicon:
    concepts: dict[str, Concept]
    #: every name, lower case, to the concept it names
    names: dict[str, str]
    #: a concept to its names (``names`` the other way round)
    named: dict[str, tuple[str, ...]]
    #: a region code to the place it lies in, an area-direction to its region
    codes: dict[str, str]
    dirs: dict[str, str]
    #: a place's Latin names run together ("xian", "sanpaulo"): the word of a code
    latin: dict[str, str]
    #: every name squashed (no spaces, hyphens, apostrophes, slashes) to its concept, and
    #: the longest of them
    keys: dict[str, str]
    longest: int

    def find(self, text: str) -> tuple[tuple[str, Concept], ...]:
        """The names ``text`` (lower case) gives, each with its concept, in order."""
        return _find(self, text)

    def code(self, code: str, number: str | None) -> Concept | None:
        """The place a region code names (a code with a number is a place inside the place
        its words say: ``cn-xian-1`` in 西安, ``eu-north-1`` in Stockholm)."""
        full = f"{code}-{number}" if number else code
        place = self.codes.get(full) or (
            None if number else self.dirs.get(code) or self.codes.get(f"{code}-1")
        )
        area, *words = code.split("-")
        if place is None:
            for word in ("".join(words), *words):
                if word in self.latin:
                    place = self.latin[word]
                    break
        if place is None and len(words) == 1:
            place = self._abbreviated(area, words[0])
        if place is None:
            for n in range(len(words), -1, -1):
                key = "-".join((area, *words[:n]))
                if key in self.dirs:
                    place = self.dirs[key]
                    break
        if place is None:
            return None
        held = self.concepts[place]
        return Concept("code:" + full, PLACE, held.chain) if number else held

    def _abbreviated(self, area: str, word: str) -> str | None:
        """The one place of the code's country whose Latin name ``word`` shortens: its first
        letter and its others in order (``lis`` Lisbon, ``chn`` Chennai), or of a continent's
        area whose name it starts (``ap-sin-1`` Singapore); of several, the one place held
        deepest, as a code names a city (``gz`` Guangzhou, not the province)."""
        within = self.dirs.get(area)
        areas = {place for key, place in self.dirs.items() if "-" not in key}
        if not 2 <= len(word) <= 4 or within is None:
            return None  # a code of no known area
        continent = any(within in self.concepts[other].within for other in areas)
        if continent and len(word) < 3:
            return None  # a continent's code by two letters (ap-sg-1) says too little
        found = {
            place
            for name, place in self.latin.items()
            if len(name) > len(word)
            # a continent's code starts the name (ap-sin-1 Singapore), a country's shortens it
            and (name.startswith(word) if continent else name[0] == word[0])
            and _in_order(word, name)
            and within in self.concepts[place].chain
        }
        deepest = max((len(self.concepts[p].chain) for p in found), default=0)
        found = {p for p in found if len(self.concepts[p].chain) == deepest}
        return found.pop() if len(found) == 1 else None


def _in_order(letters: str, name: str) -> bool:
    """Whether ``letters`` appear in ``name`` in order."""
    rest = iter(name)
    return all(letter in rest for letter in letters)


def _squash(text: str) -> str:
    return _SEPARATORS.sub("", text)


_SEPARATORS = re.compile(r"[\s'\-/&.]+")
#: where a name may start or end: an English word's edges, any Chinese character's
_EDGES = re.compile(r"[a-z0-9]+|[\u3400-\u9fff]")


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, read from its file once."""
    with _FILE.open("rb") as handle:
        data = tomllib.load(handle)
    entries = {
        **{key: (PRODUCT, value) for key, value in data["products"].items()},
        **{key: (PLACE, value) for key, value in data["places"].items()},
    }

    def within(key: str) -> tuple[str, ...]:
        chain: list[str] = []
        parent = entries[key][1].get("in")
        while parent:
            if parent in chain or parent not in entries:
                raise ValueError(f"{_FILE.name}: {key}: 'in' = {parent!r} is no entry")
            chain.append(parent)
            parent = entries[parent][1].get("in")
        return tuple(chain)

    concepts = {key: Concept(key, sort, within(key)) for key, (sort, _) in entries.items()}
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    dirs: dict[str, str] = {}
    latin: dict[str, str] = {}
    for key, (sort, value) in entries.items():
        for name in (*value.get("en", ()), *value.get("zh", ())):
            name = " ".join(name.lower().split())
            if names.setdefault(name, key) != key:
                raise ValueError(f"{_FILE.name}: {name!r} names {names[name]} and {key}")
            if sort == PLACE and not _CJK.search(name):
                latin.setdefault(_squash(name), key)
        codes.update(dict.fromkeys(value.get("codes", ()), key))
        dirs.update(dict.fromkeys(value.get("dirs", ()), key))
    official = {key: value["zh"][0] for key, (_, value) in entries.items() if value.get("zh")}
    names.update(_city_shorts(official, names, concepts))
    keys = {_squash(name): key for name, key in names.items()}
    named: dict[str, list[str]] = {}
    for name, key in names.items():
        named.setdefault(key, []).append(name)
    return Lexicon(
        concepts,
        names,
        {key: tuple(all_names) for key, all_names in named.items()},
        codes,
        dirs,
        latin,
        keys,
        max(map(len, keys)),
    )


def _city_shorts(
    official: dict[str, str], names: dict[str, str], concepts: dict[str, Concept]
) -> dict[str, str]:
    """A Chinese city of three characters or more is also called by its first and 市 (乌市
    for 乌鲁木齐, 张市 for 张家口), when no other such city starts with that character and the
    short form names nothing else. A city is a place in China no other place lies in, called
    here by its official (first) Chinese name."""
    holders = {parent for concept in concepts.values() for parent in concept.within[:1]}
    cities: dict[str, set[str]] = {}
    for key, name in official.items():
        chinese = "china" in concepts[key].within and concepts[key].sort == PLACE
        if chinese and key not in holders and len(name) >= 3 and all(map(_CJK.match, name)):
            cities.setdefault(name[0] + "市", set()).add(key)
    return {
        short: keys.pop() for short, keys in cities.items() if len(keys) == 1 and short not in names
    }


@functools.lru_cache(maxsize=4096)
def _find(lex: Lexicon, text: str) -> tuple[tuple[str, Concept], ...]:
    found: list[tuple[int, str, Concept]] = []
    taken: list[tuple[int, int]] = []
    for match in _CODE.finditer(text):
        code, number = (match.group(1), match.group(2)) if match.group(1) else match.groups()[2:]
        concept = lex.code(code, number)
        if concept is not None:
            found.append((match.start(), match.group(), concept))
            taken.append(match.span())
    edges = [m.span() for m in _EDGES.finditer(text)]
    i = 0
    while i < len(edges):
        begin = edges[i][0]
        if any(start <= begin < end for start, end in taken):
            i += 1
            continue
        best = None
        for j in range(i, len(edges)):
            stop = edges[j][1]
            if stop - begin > 2 * lex.longest:
                break
            key = _squash(text[begin:stop])
            latin = not _CJK.match(text[stop - 1])
            for form in (key, key[:-1], key[:-2]) if latin else (key,):
                if form in lex.keys and (form == key or key[len(form) :] in ("s", "es")):
                    best = (j, lex.keys[form])
                    break
        if best is None:
            i += 1
            continue
        j, key = best
        found.append((begin, text[begin : edges[j][1]], lex.concepts[key]))
        i = j + 1
    return tuple((surface, concept) for _, surface, concept in sorted(found, key=lambda f: f[0]))


def _holds(lex: Lexicon, surface: str, their: Concept, concept: Concept) -> bool:
    """Whether ``surface``, a name of another product, holds one of ``concept``'s names as a
    part (数据库审计 holds 数据库, ``SMS gateway`` holds ``gateway``): a thing of its own."""
    if their.sort != PRODUCT or concept.sort != PRODUCT or linked(their, concept):
        return False
    return any(name != surface and _part(name, surface) for name in lex.named.get(concept.id, ()))


def _part(name: str, surface: str) -> bool:
    """Whether ``name`` is a whole part of ``surface`` (a word of it, or Chinese within it)."""
    if _CJK.search(name):
        return name in surface
    return re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", surface) is not None


def linked(one: Concept, other: Concept) -> bool:
    """Whether one names the other: the same concept, or one holds the other."""
    return one.id in other.chain or other.id in one.chain


def siblings(one: Concept, other: Concept) -> bool:
    """Whether two concepts are different things of a kind: products of one family (at any
    level), or two places neither of which holds the other."""
    if one.sort != other.sort or linked(one, other):
        return False
    if one.sort == PLACE:
        # a code read by its area alone (me-east-prov-1: somewhere in the Middle East) may
        # be any place inside it
        return not any(
            a.id.startswith("code:") and not b.id.startswith("code:") and a.within[0] in b.within
            for a, b in ((one, other), (other, one))
        )
    return bool(set(one.within) & set(other.within))


@functools.lru_cache(maxsize=4096)
def relate(limit: str, text: str) -> list[tuple[str, str]] | None:
    """How the names of ``text`` stand to the limit's (both lower case): None when the text
    names a sibling of one of the limit's concepts and nothing that names that concept
    (托管 Redis for 托管 PG, Osaka for Tokyo); else the text's names that name one of the
    limit's by another name, each with the limit's own name for it (``stockholm`` and
    ``nordics`` for the Nordics region; ``cn-xian-1`` and ``西安`` for 西安可用区)."""
    lex = lexicon()
    mine = lex.find(limit)
    if not mine:
        return []
    theirs = lex.find(text)
    said: dict[str, tuple[int, str]] = {}
    for name, concept in mine:
        named = [(surface, their) for surface, their in theirs if linked(their, concept)]
        # a name of another of the limit's concepts is no sibling of this one ("CDN
        # traffic" for "CDN egress rates"), unless that one only holds it (标准存储 is in
        # 对象存储 but not 归档 of "对象存储归档")
        others = [c for _, c in mine if c.id not in concept.chain]
        apart = [(w, t) for w, t in theirs if not any(linked(t, c) for c in others)]
        if not named and any(
            siblings(their, concept) or _holds(lex, surface, their, concept)
            for surface, their in apart
        ):
            return None
        # read in the limit's words: the same concept or one inside it, not its family; a
        # place that holds the limit's also names it (关西 for Osaka, 西安 for cn-xian-1)
        for surface, their in named:
            if surface == name or (surface in name and not _CJK.search(surface)):
                continue  # a word of the limit's own name is read as it already
            if concept.id in their.chain or concept.sort == PLACE:
                # the limit's most specific name for it (归档, not 对象存储, for 冷归档)
                depth = len(concept.chain)
                if depth > said.get(surface, (0, ""))[0]:
                    said[surface] = (depth, name)
    return [(surface, name) for surface, (_, name) in said.items()]
