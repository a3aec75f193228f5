"""Precision and recall of the shallow-question detector on labelled questions, per language.

The sets in ``tests/lint_data`` hold about half shallow questions and many hard negatives:
closed questions about specific past facts, "why did you decide …" about the customer's own
decisions, "and" joining two nouns. Floors: precision >= 0.90 and recall >= 0.85.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from interview_tui.lint import lint_text

DATA = Path(__file__).parent / "lint_data"
CODES_TEXT_LEVEL = {
    "obvious-answer", "design-offload", "competitor-confront", "hypothetical",
    "opinion-fishing", "leading", "double-barreled", "vague",
}  # fmt: skip


def load(language: str) -> list[tuple[bool, str, str]]:
    with (DATA / f"{language}.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(row["label"] == "shallow", row["code"], row["text"]) for row in rows]


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_labelled_set_is_well_formed(language: str) -> None:
    rows = load(language)
    assert len(rows) >= 150
    shallow = [code for is_shallow, code, _ in rows if is_shallow]
    assert 0.4 <= len(shallow) / len(rows) <= 0.6
    assert set(shallow) == CODES_TEXT_LEVEL
    assert all(code == "-" for is_shallow, code, _ in rows if not is_shallow)


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_precision_and_recall_meet_the_floor(language: str) -> None:
    rows = load(language)
    true_pos = false_pos = false_neg = 0
    misses: list[str] = []
    for is_shallow, _code, text in rows:
        result = lint_text(text)
        assert result.language == language, text
        if result.shallow and is_shallow:
            true_pos += 1
        elif result.shallow:
            false_pos += 1
            misses.append(f"false alarm {result.codes}: {text}")
        elif is_shallow:
            false_neg += 1
            misses.append(f"missed: {text}")
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    report = f"{language}: precision {precision:.3f} recall {recall:.3f}\n" + "\n".join(misses)
    assert precision >= 0.90, report
    assert recall >= 0.85, report
