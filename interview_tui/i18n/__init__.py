"""UI text in English and Simplified Chinese: one catalog, split into files by feature.

``catalog/*.toml`` each hold an ``[en]`` and a ``[zh-CN]`` table of the same keys (a test
checks both are complete). Use :func:`t` for text and :func:`set_language` once at start-up.

A count-dependent text is an inline table of plural forms, chosen by its ``count`` value (or
the value its ``by`` names): ``{ one = "{count} note", other = "{count} notes" }`` in English;
Chinese has no plural, so one string (or ``{ other = … }``) serves every count.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
import zlib
from collections.abc import Iterable, Iterator
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


def interface_language() -> str:
    """The interface's language, even inside :func:`speaking` (errors speak to the user)."""
    return _current


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


#: a catalog entry: a text, or a count-dependent text's plural forms (``one``, ``other``, ``by``)
Entry = str | dict[str, str]


@cache
def _catalog_files() -> tuple[dict[str, dict[str, Entry]], ...]:
    """Every catalog file, read once for both languages.

    Parsing the TOML costs tens of milliseconds, which every command would pay; the parsed
    result is kept beside the files (``catalog/__pycache__``, like Python's own compiled
    modules, and only where Python would write those) under a name made of each file's
    name, size and modification time, so an edited catalog is parsed again.
    """
    paths, cached = _catalog_paths()
    try:
        files = marshal.loads(cached.read_bytes())
        if isinstance(files, tuple) and len(files) == len(paths):
            return files
    except (OSError, EOFError, ValueError, TypeError):
        pass
    files = _parse(paths)
    if not sys.dont_write_bytecode:
        _keep(cached, marshal.dumps(files))
    return files


def compile_catalog() -> None:
    """Keep the parsed catalog beside it now, as ``compileall`` compiles the modules (an
    installation step: whatever ``PYTHONDONTWRITEBYTECODE`` says)."""
    paths, cached = _catalog_paths()
    _keep(cached, marshal.dumps(_parse(paths)))


def _catalog_paths() -> tuple[list[Path], Path]:
    """The catalog files, and where their parsed copy is kept (its name made of each file's
    name, size and modification time)."""
    paths = sorted(_CATALOG_DIR.glob("*.toml"))
    stamps = []
    for path in paths:
        stat = path.stat()
        stamps.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    # crc32: zlib is loaded anyway (hashlib would load OpenSSL at every start)
    digest = format(zlib.crc32("\n".join(stamps).encode()), "08x")
    return paths, _CATALOG_DIR / "__pycache__" / f"catalog.{digest}.marshal"


def _parse(paths: list[Path]) -> tuple[dict[str, dict[str, Entry]], ...]:
    import tomllib  # not when the parsed catalog is read

    loaded = []
    for path in paths:
        with path.open("rb") as handle:
            loaded.append(tomllib.load(handle))
    return tuple(loaded)


def _keep(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole (a temporary file renamed), older copies removed (not
    ``path`` itself, which another process may have just written and be about to read);
    a folder that cannot be written is no error (the catalog is parsed every time)."""
    try:
        path.parent.mkdir(exist_ok=True)
        for old in path.parent.glob("catalog.*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        pass


@cache
def catalog(language: str) -> dict[str, Entry]:
    """Every key of every catalog file, for one language."""
    merged: dict[str, Entry] = {}
    for data in _catalog_files():
        merged.update(data.get(language, {}))
    return merged


def t(key: str, /, language: str | None = None, **values: object) -> str:
    """The text for ``key`` in the current language, formatted with ``values``.

    A count-dependent text takes the plural form its count asks for (:func:`plural_form`).
    A missing key shows as the key itself, so a gap is visible rather than fatal.
    """
    lang = language or getattr(_local, "language", None) or _current
    entry = catalog(lang).get(key) or catalog("en").get(key) or key
    if isinstance(entry, dict):
        count = values.get(entry.get("by", "count"), 0)
        entry = entry.get(plural_form(lang, count)) or entry["other"]
    return entry.format(**values) if values else entry


def plural_form(language: str, count: object) -> str:
    """``one`` or ``other``: English says one of exactly 1; Chinese has no plural."""
    if normalise(language) == "zh-CN":
        return "other"
    return "one" if count == 1 or count == "1" else "other"


def pad(text: str, width: int) -> str:
    """Pad ``text`` to ``width`` terminal cells: a Chinese character takes two."""
    if text.isascii():  # one cell each (a listing pads tens of thousands of these)
        return text + " " * (width - len(text)) if len(text) < width else text
    from rich.cells import cell_len

    return text + " " * max(0, width - cell_len(text))


# -- joining parts: the punctuation of the language -----------------------------------------
#
# Parts put together in code take the marks of the language they are shown in: ``, ; : ( )``
# in English, ``，；：（ ）`` in Chinese (and ``、`` between the items of a list of names).


def joined(parts: Iterable[str], mark: str = "comma") -> str:
    """The non-empty ``parts`` joined by the language's ``mark``: ``comma`` (", " / "，"),
    ``semicolon`` ("; " / "；") or ``list`` (", " / "、", between the items of a list)."""
    key = "list.separator" if mark == "list" else f"punct.{mark}"
    return t(key).join(part for part in parts if part)


def labelled(label: str, text: str) -> str:
    """``label: text`` / ``label：text``."""
    return t("punct.label", label=label, text=text)


def head(label: str) -> str:
    """``label: `` / ``label：`` (a label before what follows, its space included)."""
    return t("punct.head", label=label)


def paren(text: str) -> str:
    """``(text)`` / ``（text）``."""
    return t("punct.paren", text=text)


def then_asked(question: str, follow_up: str) -> str:
    """``question  Follow-up: follow_up`` / ``question  追问：follow_up``: a question with the
    one to ask after it; the question alone when there is none."""
    if not follow_up:
        return question
    return t("rewrite.with_follow_up", question=question, follow_up=follow_up)


def aside(text: str, remark: str) -> str:
    """``text (remark)`` / ``text（remark）``; ``text`` alone when there is no remark."""
    return t("punct.aside", text=text, aside=remark) if remark else text
