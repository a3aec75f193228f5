"""The UI catalog is complete in both languages and every placeholder matches."""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

import pytest

from interview_tui.i18n import catalog, detect_language, normalise, set_language, t

CATALOG_DIR = Path(__file__).parent.parent / "interview_tui" / "i18n" / "catalog"


def _fields(entry: str | dict[str, str]) -> set[str]:
    """The placeholders of a text, or of every plural form of a count-dependent text."""
    forms = [v for k, v in entry.items() if k != "by"] if isinstance(entry, dict) else [entry]
    return {name for form in forms for _, name, _, _ in string.Formatter().parse(form) if name}


def _filled(entry: str | dict[str, str]) -> bool:
    if isinstance(entry, str):
        return bool(entry.strip())
    return all(str(form).strip() for form in entry.values()) and "other" in entry


@pytest.mark.parametrize("path", sorted(CATALOG_DIR.glob("*.toml")), ids=lambda p: p.name)
def test_each_catalog_file_has_the_same_keys_in_both_languages(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    en, zh = data.get("en", {}), data.get("zh-CN", {})
    assert en, f"{path.name} has no [en] table"
    assert set(en) == set(zh), set(en) ^ set(zh)
    for key in en:
        assert _filled(en[key]) and _filled(zh[key]), key
        assert _fields(en[key]) == _fields(zh[key]), key
        if isinstance(en[key], dict):  # English says "1 note", "2 notes"
            assert set(en[key]) - {"by"} == {"one", "other"}, key
            if not key.startswith("click."):  # click counts its own messages
                assert en[key].get("by", "count") in _fields(en[key]), key


def test_keys_are_unique_across_files() -> None:
    seen: dict[str, str] = {}
    for path in sorted(CATALOG_DIR.glob("*.toml")):
        for key in tomllib.loads(path.read_text(encoding="utf-8")).get("en", {}):
            assert key not in seen, f"{key} in {path.name} and {seen[key]}"
            seen[key] = path.name
    assert catalog("en").keys() == catalog("zh-CN").keys()


def test_language_selection() -> None:
    assert detect_language({"LANG": "zh_CN.UTF-8"}) == "zh-CN"
    assert detect_language({"LANG": "en_US.UTF-8"}) == "en"
    assert detect_language({"LC_ALL": "zh_TW", "LANG": "en_US"}) == "zh-CN"
    assert detect_language({}) == "en"
    assert normalise("zh") == "zh-CN" and normalise("EN") == "en"
    set_language("zh")
    assert t("goal.pain_points") == "痛点"
    assert t("home.counts", open=3, overdue=1) == "3 项未完成 · 1 项逾期"
    set_language("en")
    assert t("goal.pain_points") == "Pain points"
    assert t("no.such.key") == "no.such.key"


def test_plurals_follow_the_count_in_english_and_not_in_chinese() -> None:
    assert t("archive.impact.notes", language="en", count=1) == "1 note"
    assert t("archive.impact.notes", language="en", count=0) == "0 notes"
    assert t("archive.impact.notes", language="en", count=2) == "2 notes"
    assert t("schedule.late", language="en", days=1) == "1 day later than they can accept"
    assert t("schedule.late", language="en", days=3) == "3 days later than they can accept"
    assert t("archive.impact.notes", language="zh-CN", count=1) == "1 条笔记"
    assert t("archive.impact.notes", language="zh-CN", count=5) == "5 条笔记"


def test_no_english_text_guesses_its_plural() -> None:
    """A count is said with the right form, never as ``note(s)``."""
    for key, entry in catalog("en").items():
        forms = entry.values() if isinstance(entry, dict) else [entry]
        assert not any("(s)" in form for form in forms), key


def test_every_enum_value_has_a_name_in_both_languages() -> None:
    """No id (``tech_execution``, ``open``) is ever shown for want of a name."""
    from interview_tui.domain.names import (
        PREFIX,
        REQUIREMENT_FIELDS,
        SHORT_PREFIX,
        VOCABULARIES,
        display,
        display_of,
    )
    from interview_tui.store.search import INDEXED_FIELDS

    for language in ("en", "zh-CN"):
        names = catalog(language)
        for kind, prefix in PREFIX.items():
            for value in kind:
                assert f"{prefix}.{value.value}" in names, (language, kind, value)
                assert display(value, language=language) != value.value or language == "en"
        for kind, prefix in SHORT_PREFIX.items():
            assert all(f"{prefix}.{value.value}" in names for value in kind), (language, kind)
        for field in (*REQUIREMENT_FIELDS, "user", "scenario", "pain"):
            assert f"{VOCABULARIES['field']}.{field}" in names, (language, field)
        for kind in INDEXED_FIELDS:
            assert f"{VOCABULARIES['record']}.{kind}" in names, (language, kind)
    from interview_tui.domain.enums import Role, VisitStatus

    assert display(Role.TECH_EXECUTION, language="zh-CN") == "技术执行人"
    assert display(Role.TECH_EXECUTION, short=True, language="en") == "Tech execution"
    assert display_of(VisitStatus, "done", language="zh-CN") == "已完成"
    assert display_of("field", "scenario", language="zh-CN") == "场景"
    assert display_of(VisitStatus, "no-such-status") == "no-such-status"


def test_parsed_catalog_is_kept_and_parsed_again_after_an_edit(tmp_path, monkeypatch) -> None:
    import shutil
    import sys
    import tomllib

    import interview_tui.i18n as i18n

    folder = tmp_path / "catalog"
    shutil.copytree(i18n._CATALOG_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(i18n, "_CATALOG_DIR", folder)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    first = i18n._catalog_files.__wrapped__()
    assert len(list((folder / "__pycache__").glob("catalog.*.marshal"))) == 1

    def no_parse(handle):
        raise AssertionError("parsed although nothing changed")

    monkeypatch.setattr(tomllib, "load", no_parse)
    assert i18n._catalog_files.__wrapped__() == first
    monkeypatch.undo()
    monkeypatch.setattr(i18n, "_CATALOG_DIR", folder)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    app = folder / "app.toml"
    app.write_text(
        app.read_text(encoding="utf-8").replace("[en]\n", '[en]\nzz_new = "New"\n', 1),
        encoding="utf-8",
    )
    again = i18n._catalog_files.__wrapped__()
    assert any(data.get("en", {}).get("zz_new") == "New" for data in again)
    assert len(list((folder / "__pycache__").glob("catalog.*.marshal"))) == 1


def test_compiled_catalog_is_read_without_parsing(tmp_path, monkeypatch) -> None:
    """``compile_catalog`` (an installation step, as compileall for the modules) keeps the
    parsed catalog even where Python writes no bytecode; a start then parses no TOML."""
    import shutil
    import sys
    import tomllib

    import interview_tui.i18n as i18n

    folder = tmp_path / "catalog"
    shutil.copytree(i18n._CATALOG_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(i18n, "_CATALOG_DIR", folder)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    parsed = i18n._catalog_files.__wrapped__()
    assert not (folder / "__pycache__").exists()  # a start writes nothing here
    i18n.compile_catalog()
    assert len(list((folder / "__pycache__").glob("catalog.*.marshal"))) == 1

    def no_parse(handle):
        raise AssertionError("parsed although the catalog was compiled")

    monkeypatch.setattr(tomllib, "load", no_parse)
    assert i18n._catalog_files.__wrapped__() == parsed
