"""UI text in English and Simplified Chinese: one catalog, split into files by feature.

``catalog/*.toml`` each hold an ``[en]`` and a ``[zh-CN]`` table of the same keys (a test
checks both are complete). Use :func:`t` for text and :func:`set_language` once at start-up.
"""

from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "zh-CN")
_CATALOG_DIR = Path(__file__).parent / "catalog"
_current = "en"
#: a language used by this thread only (a customer-facing export in the customer's language)
_local = threading.local()


def detect_language(environ: dict[str, str] | None = None) -> str:
    """``zh-CN`` when the locale says Chinese, otherwise ``en``."""
    env = os.environ if environ is None else environ
    for name in ("INTERVIEW_TUI_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            return "zh-CN" if value.lower().startswith("zh") else "en"
    return "en"


def normalise(language: str) -> str:
    """Accept ``zh``, ``zh_CN``, ``zh-CN``, ``en``, ``en_US`` …"""
    return "zh-CN" if language.lower().startswith("zh") else "en"


def set_language(language: str) -> None:
    global _current
    _current = normalise(language)


def current_language() -> str:
    return getattr(_local, "language", None) or _current


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Within the block, :func:`t` on this thread speaks ``language`` (``None``: unchanged).

    Other threads (the UI) keep the interface language.
    """
    previous = getattr(_local, "language", None)
    _local.language = normalise(language) if language else previous
    try:
        yield
    finally:
        _local.language = previous


@cache
def catalog(language: str) -> dict[str, str]:
    """Every key of every catalog file, for one language."""
    merged: dict[str, str] = {}
    for path in sorted(_CATALOG_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        merged.update(data.get(language, {}))
    return merged


def t(key: str, /, language: str | None = None, **values: object) -> str:
    """The text for ``key`` in the current language, formatted with ``values``.

    A missing key shows as the key itself, so a gap is visible rather than fatal. With
    ``count=1`` (or ``days=1``), ``key.one`` is used where the catalog has it (``1 check``).
    """
    lang = language or getattr(_local, "language", None) or _current
    if values.get("count", values.get("days")) == 1 and (one := catalog(lang).get(key + ".one")):
        return one.format(**values)
    text = catalog(lang).get(key) or catalog("en").get(key) or key
    return text.format(**values) if values else text


def pad(text: str, width: int) -> str:
    """Pad ``text`` to ``width`` terminal cells: a Chinese character takes two."""
    from rich.cells import cell_len

    return text + " " * max(0, width - cell_len(text))
