"""The catalog has a safety net: every key the code asks for exists in both languages, and
every key the catalog holds is asked for somewhere.

Keys are found in the code's syntax tree: a literal passed to ``t``, a binding's description
and tooltip, and every other string literal shaped like a key of a catalog namespace (tables
that name keys, such as the live screen's leader keys). Keys built at run time come from
known families: an enumeration's display names, the fixed vocabularies, the CLI's help pages,
and the literal start of an f-string (``f"goal.{goal}"``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

from interview_tui.i18n import catalog

PACKAGE = Path(__file__).resolve().parent.parent / "interview_tui"
KEY = re.compile(r"^[a-z][a-z0-9_]*(?:\.[A-Za-z0-9_\-]+)+$")
#: strings shaped like keys that are something else (files, modules, settings rows)
NOT_KEYS = re.compile(
    r"\.(?:toml|tcss|md|json|db|py|csv|tsv|ics|eml|txt|git|lock|html|gz)$"
    r"|^(?:click|team|interview_tui|os)\.|^visit\.attendee_ids$"
)


@cache
def _trees() -> tuple[tuple[Path, list[ast.AST]], ...]:
    """Every module's nodes, parsed once."""
    return tuple(
        (path, list(ast.walk(ast.parse(path.read_text(encoding="utf-8")))))
        for path in sorted(PACKAGE.rglob("*.py"))
    )


def _binding_ids(nodes: list[ast.AST]) -> set[int]:
    """The nodes of ``id="…"`` arguments: a binding's id is not a catalog key."""
    return {
        id(k.value)
        for node in nodes
        if isinstance(node, ast.Call)
        for k in node.keywords
        if k.arg == "id"
    }


def _literals() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path, nodes in _trees():
        ids = _binding_ids(nodes)
        for node in nodes:
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and (id(node) not in ids)
            ):
                found.setdefault(node.value, path)
    return found


def _asked_for(trees: Iterable[tuple[Path, list[ast.AST]]]) -> dict[str, Path]:
    """Literal keys passed to ``t`` / ``tn`` and to a binding's description and tooltip."""
    asked: dict[str, Path] = {}
    for path, nodes in trees:
        for node in nodes:
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            args: list[ast.expr] = []
            if name in ("t", "tn") and node.args:
                args = [node.args[0]]
            elif name == "Binding":
                args = node.args[2:3] + [k.value for k in node.keywords if k.arg == "tooltip"]
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    asked.setdefault(arg.value, path)
    return asked


def _families() -> tuple[str, ...]:
    """Prefixes of keys built at run time."""
    from interview_tui.domain.names import PREFIX, SHORT_PREFIX, VOCABULARIES

    prefixes = {f"{p}." for p in [*PREFIX.values(), *SHORT_PREFIX.values(), *VOCABULARIES.values()]}
    prefixes.add("help.")  # the CLI's help pages: checked against the commands in test_cli
    for _path, nodes in _trees():
        for node in nodes:
            if isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    head = first.value
                    if (head.endswith(".") and KEY.match(head[:-1]) and "." in head[:-1]) or (
                        head.endswith(".") and head[:-1].isidentifier()
                    ):
                        prefixes.add(head)
    return tuple(sorted(prefixes))


def _vocabularies() -> set[str]:
    """The prefixes themselves (``solution.answer``): names of families, not keys."""
    return {prefix[:-1] for prefix in _families()}


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_every_key_the_code_asks_for_exists(language: str) -> None:
    names = catalog(language)
    missing = {
        key: str(path.relative_to(PACKAGE))
        for key, path in _asked_for(_trees()).items()
        if KEY.match(key) and key not in names
    }
    assert not missing, f"keys used in code but missing from the {language} catalog: {missing}"


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_every_key_shaped_literal_of_a_catalog_namespace_exists(language: str) -> None:
    """A table of keys (``{"p": "live.private"}``) is checked like a call to ``t``."""
    names = catalog(language)
    spaces = {key.split(".")[0] for key in names}
    missing = {
        key: str(path.relative_to(PACKAGE))
        for key, path in _literals().items()
        if KEY.match(key)
        and key.split(".")[0] in spaces
        and key not in names
        and not NOT_KEYS.search(key)
        and not key.startswith(_families())
        and key not in _vocabularies()
    }
    assert not missing, f"key-shaped literals missing from the {language} catalog: {missing}"


def test_every_catalog_key_is_used() -> None:
    used = set(_literals())
    families = _families()
    unused = sorted(
        key for key in catalog("en") if key not in used and not key.startswith(families)
    )
    assert not unused, f"catalog keys no code asks for: {unused}"


def test_the_net_catches_a_missing_key() -> None:
    """The check can fail: a call to ``t`` and a binding naming unknown keys are found."""
    source = 't("export.no_such_key")\nBinding("x", "y", "z.nope", tooltip="z.nope.help")'
    nodes = list(ast.walk(ast.parse(source)))
    asked = _asked_for([(PACKAGE / "example.py", nodes)])
    assert sorted(asked) == ["export.no_such_key", "z.nope", "z.nope.help"]
    assert not set(asked) & set(catalog("en"))
