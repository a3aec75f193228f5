"""How well the shallow-question flag does on a labelled set: precision and recall per
language, recall per code, how often the code is right, and how the rewrites fare.

    python benchmarks/bench_flag.py DIR [--errors] [--rewrites N]

``DIR`` holds ``en.tsv`` and / or ``zh-CN.tsv`` with the columns ``label`` (``ok`` or
``shallow``), ``code`` (a linter code or ``-``) and ``text``; other columns are ignored, so
``tests/lint_data`` can be read too (add ``--split report`` to keep one split).
``--errors`` lists every false alarm and miss; ``--rewrites N`` prints the rewrites of the
first N flagged questions per language, for a reviewer to score by hand.

Rewrite checks printed per language (mechanical; usability still needs a reviewer):

* "with a rewrite": flagged questions offered a rewrite to take (the others get a one-line
  guide naming the subject, and no sentence);
* "shared": a rewrite given to two different questions.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def ratio(top: int, bottom: int) -> str:
    return f"{top / bottom:.3f}" if bottom else "  -  "


def measure(language: str, rows: list[dict[str, str]], args: argparse.Namespace) -> None:
    from interview_tui.lint import lint_text

    tp = fp = fn = tn = code_right = 0
    per_code: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # code -> [caught, total]
    flagged_as: Counter[str] = Counter()
    false_as: Counter[str] = Counter()
    errors: list[str] = []
    rewrites: dict[tuple[str, str], set[str]] = defaultdict(set)
    offered = 0
    shown: list[str] = []
    for row in rows:
        text, shallow = row["text"], row["label"] == "shallow"
        result = lint_text(text, language)
        if result.shallow:
            first = next(f for f in result.findings if f.makes_shallow)
            flagged_as[first.code] += 1
            if result.rewrite:
                offered += 1
                rewrites[(result.rewrite, result.follow_up)].add(
                    text
                )  # as offered: with its follow-up
            if len(shown) < args.rewrites:
                better = result.rewrite or f"(no rewrite) {first.suggestion}"
                shown.append(f"  [{first.code}] {text}\n      -> {better}")
        if shallow:
            per_code[row["code"]][1] += 1
        if result.shallow and shallow:
            tp += 1
            per_code[row["code"]][0] += 1
            code_right += row["code"] in result.codes
            if row["code"] not in result.codes:
                errors.append(f"  code {row['code']} given {result.codes}: {text}")
        elif result.shallow:
            fp += 1
            false_as[result.codes[0]] += 1
            errors.append(f"  false alarm {result.codes}: {text}")
        elif shallow:
            fn += 1
            errors.append(f"  missed {row['code']}: {text}")
        else:
            tn += 1
    flagged = tp + fp
    shared = sum(len(texts) for texts in rewrites.values() if len(texts) > 1)
    print(f"\n{language}: {len(rows)} questions ({tp + fn} shallow, {fp + tn} ok)")
    print(
        f"  precision {ratio(tp, tp + fp)}   recall {ratio(tp, tp + fn)}   "
        f"code right {ratio(code_right, tp)}"
    )
    print(f"  {'code':<22}{'recall':>8}{'of':>6}{'flagged as':>12}{'false alarms':>14}")
    for code in sorted(set(per_code) | set(flagged_as)):
        caught, total = per_code.get(code, [0, 0])
        print(
            f"  {code:<22}{ratio(caught, total):>8}{total:>6}{flagged_as[code]:>12}"
            f"{false_as[code]:>14}"
        )
    print(
        f"  rewrites: {offered} of {flagged} flagged ({ratio(offered, flagged)}), "
        f"{len(rewrites)} distinct, {shared} shared by two or more questions"
    )
    if args.errors:
        print("\n".join(errors))
    if shown:
        print("\n".join(shown))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--split", help="keep only rows of this split (tests/lint_data)")
    parser.add_argument("--errors", action="store_true", help="list false alarms and misses")
    parser.add_argument("--rewrites", type=int, default=0, metavar="N")
    args = parser.parse_args()
    found = False
    for language in ("en", "zh-CN"):
        path = args.directory / f"{language}.tsv"
        if not path.exists():
            continue
        found = True
        rows = read(path)
        if args.split:
            rows = [row for row in rows if row.get("split") == args.split]
        measure(language, rows, args)
    if not found:
        sys.exit(f"{args.directory}: no en.tsv or zh-CN.tsv")


if __name__ == "__main__":
    main()
