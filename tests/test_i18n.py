"""The UI catalog is complete in both languages and every placeholder matches."""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

import pytest

from interview_tui.i18n import catalog, detect_language, normalise, set_language, t

CATALOG_DIR = Path(__file__).parent.parent / "interview_tui" / "i18n" / "catalog"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("path", sorted(CATALOG_DIR.glob("*.toml")), ids=lambda p: p.name)
def test_each_catalog_file_has_the_same_keys_in_both_languages(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    en, zh = data.get("en", {}), data.get("zh-CN", {})
    assert en, f"{path.name} has no [en] table"
    assert set(en) == set(zh), (set(en) ^ set(zh))
    for key in en:
        assert en[key].strip() and zh[key].strip(), key
        assert _fields(en[key]) == _fields(zh[key]), key


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
