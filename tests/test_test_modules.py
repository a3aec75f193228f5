"""Each module of the package, the tests, the benchmarks and the tools binds a top-level name once.

A second ``_PATTERN = …`` further down a module silently replaces the first for every use in
the module, the earlier ones included: two language blocks of the bank-quality test once each
defined the same pattern's name, and one language's check ran with the other's pattern; in
``lint/rewrite.py`` the rival-choice reader's lead-in replaced the follow-up's connective. ruff
reports a function defined twice (F811) but not a name assigned twice; this does. Narrowing a
name by itself (``SCREENS = [s for s in SCREENS if …]``) is not a second definition.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bound_twice(source: str) -> list[str]:
    """The top-level names ``source`` defines more than once, not counting a rebinding whose
    value reads the name itself."""
    names: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
            continue
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        read = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)}
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id not in read]
    return sorted(name for name, count in Counter(names).items() if count > 1)


def test_the_check_finds_a_name_bound_twice_and_spares_narrowing() -> None:
    twice = "import re\n_P = re.compile('a')\ndef f():\n    return _P\n_P = re.compile('b')\n"
    narrowed = "S = [1, 2, 3]\nS = [s for s in S if s > 1]\n"
    assert _bound_twice(twice) == ["_P"]
    assert _bound_twice(narrowed) == []
    assert _bound_twice("def t():\n    pass\n\n\ndef t():\n    pass\n") == ["t"]


def test_no_module_binds_a_name_twice() -> None:
    found = {
        str(path.relative_to(ROOT)): names
        for folder, pattern in (
            ("interview_tui", "**/*.py"),
            ("tests", "*.py"),
            ("benchmarks", "*.py"),
            ("tools", "*.py"),
        )
        for path in sorted((ROOT / folder).glob(pattern))
        if (names := _bound_twice(path.read_text(encoding="utf-8")))
    }
    assert found == {}
