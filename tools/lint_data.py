"""The labelled question sets in ``tests/lint_data``: read, split, fold in new files, write.

Each row is ``label  code  split  text``. The split comes from a hash of the normalised text,
so it never changes when rows are added or reordered:

* ``train`` (60 %): the model is fitted on it;
* ``calib`` (20 %): thresholds are tuned on it, never trained on;
* ``report`` (20 %): the figures in the README come from it; never trained or tuned on.

    python tools/lint_data.py check
    python tools/lint_data.py fold INCOMING.tsv en|zh-CN   # dedupe, split, append, sort
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from interview_tui.lint.features import normalise

DATA = Path(__file__).resolve().parent.parent / "tests" / "lint_data"
LANGUAGES = ("en", "zh-CN")
CODES = (
    "obvious-answer",
    "design-offload",
    "competitor-confront",
    "hypothetical",
    "opinion-fishing",
    "leading",
    "double-barreled",
    "vague",
)
FIELDS = ("label", "code", "split", "text")


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    code: str
    split: str
    text: str

    @property
    def shallow(self) -> bool:
        return self.label == "shallow"


def key(text: str) -> str:
    """What makes two questions the same: the normalised text without end punctuation."""
    return normalise(text).rstrip("?？.。!！ ")


def split_of(text: str) -> str:
    bucket = int(hashlib.sha256(key(text).encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if bucket < 60 else "calib" if bucket < 80 else "report"


def read(path: Path) -> list[Row]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Row(
                r["label"].strip(),
                r["code"].strip(),
                r.get("split") or split_of(r["text"]),
                r["text"].strip(),
            )
            for r in reader
            if r.get("text") and r["text"].strip()
        ]


def load(language: str) -> list[Row]:
    return read(DATA / f"{language}.tsv")


def write(language: str, rows: list[Row]) -> None:
    order = {code: n for n, code in enumerate(("-", *CODES))}
    rows = sorted(rows, key=lambda r: (r.label != "shallow", order[r.code], r.split))
    with (DATA / f"{language}.tsv").open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(FIELDS) + "\n")
        for row in rows:
            handle.write("\t".join((row.label, row.code, row.split, row.text)) + "\n")


def problems(rows: list[Row]) -> list[str]:
    found = []
    seen: dict[str, str] = {}
    for row in rows:
        if row.label not in ("shallow", "ok"):
            found.append(f"bad label {row.label!r}: {row.text}")
        if (row.code in CODES) != row.shallow or (not row.shallow and row.code != "-"):
            found.append(f"bad code {row.code!r} for {row.label}: {row.text}")
        if row.split != split_of(row.text):
            found.append(f"split {row.split} should be {split_of(row.text)}: {row.text}")
        if "\t" in row.text or "\n" in row.text:
            found.append(f"tab or newline: {row.text!r}")
        if key(row.text) in seen:
            found.append(f"duplicate: {row.text} / {seen[key(row.text)]}")
        seen[key(row.text)] = row.text
    return found


def summary(language: str, rows: list[Row]) -> str:
    shallow = [r for r in rows if r.shallow]
    splits = Counter(r.split for r in rows)
    codes = Counter(r.code for r in shallow)
    return (
        f"{language}: {len(rows)} rows, {len(shallow)} shallow "
        f"({len(shallow) / max(len(rows), 1):.0%}); "
        + ", ".join(f"{s} {splits[s]}" for s in ("train", "calib", "report"))
        + "\n  "
        + ", ".join(f"{c} {codes[c]}" for c in CODES)
    )


def fold(path: Path, language: str) -> None:
    rows = load(language)
    seen = {key(r.text) for r in rows}
    added = skipped = 0
    for row in read(path):
        if key(row.text) in seen:
            skipped += 1
            continue
        seen.add(key(row.text))
        rows.append(Row(row.label, row.code, split_of(row.text), row.text))
        added += 1
    write(language, rows)
    print(f"{path.name}: {added} added, {skipped} duplicates skipped")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check")
    add = sub.add_parser("fold")
    add.add_argument("path", type=Path)
    add.add_argument("language", choices=LANGUAGES)
    args = parser.parse_args()
    if args.command == "fold":
        fold(args.path, args.language)
    status = 0
    for language in LANGUAGES:
        rows = load(language)
        print(summary(language, rows))
        for problem in problems(rows):
            print("  " + problem)
            status = 1
    sys.exit(status)


if __name__ == "__main__":
    main()
