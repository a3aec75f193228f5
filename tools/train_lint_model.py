"""Train the shallow-question models from ``tests/lint_data`` and write them into the package.

    pip install numpy scikit-learn      # for training only; the app scores in pure Python
    python tools/train_lint_model.py [--language en|zh-CN] [--dry-run]

For each language: fit a logistic regression (shallow or not) and a multinomial one (which
code) on the ``train`` split, keep the strongest weights, then tune the two thresholds on the
``calib`` split with the pruned model scored exactly as the app scores it:

* shallow when the model's logit reaches ``threshold``, or
* when a rule fires and the logit reaches ``rule_threshold`` (never above ``threshold``).

The questions of the bundled banks (``question_banks``, curated as good; not their follow-ups,
which lean on the question before them) are training material too, labelled ``ok``; they are
not in ``tests/lint_data``, so they are never part of the calibration or reporting figures.

The ``report`` split is scored last and only printed. Same data, same output: the folds,
solvers and tie-breaks are fixed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from lint_data import CODES, LANGUAGES, Row, key, load  # noqa: E402

from interview_tui.lint import chinese, english  # noqa: E402
from interview_tui.lint.features import extract  # noqa: E402
from interview_tui.lint.model import Model  # noqa: E402

OUT = ROOT / "interview_tui" / "lint" / "models"
C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)
MAX_FEATURES = {"en": 14_000, "zh-CN": 14_000}
MAX_CODE_FEATURES = {"en": 5_000, "zh-CN": 5_000}
PRECISION_GOAL = 0.95
RECALL_GOAL = 0.90


def vocabulary(rows: list[Row], language: str) -> list[dict[str, int]]:
    """Per block, every n-gram seen in at least two training questions."""
    counts = [Counter(), Counter()]
    for row in rows:
        for block, grams in enumerate(extract(row.text, language)):
            counts[block].update(grams)
    vocab = []
    offset = 0
    for counter in counts:
        kept = sorted(gram for gram, n in counter.items() if n >= 2)
        vocab.append({gram: offset + i for i, gram in enumerate(kept)})
        offset += len(kept)
    return vocab


def matrix(rows: list[Row], language: str, vocab: list[dict[str, int]]) -> sparse.csr_matrix:
    """Rows scaled as the app scales them: each block divided by the root of its size.

    The last eight columns say which rules fired (1 or 0).
    """
    data, cols, indptr = [], [], [0]
    width = sum(len(v) for v in vocab)
    for row in rows:
        for code in set(rule_codes(row.text, language)):
            cols.append(width + CODES.index(code))
            data.append(1.0)
        for grams, index in zip(extract(row.text, language), vocab, strict=True):
            if not grams:
                continue
            scale = 1 / np.sqrt(len(grams))
            for gram, count in Counter(grams).items():
                if gram in index:
                    cols.append(index[gram])
                    data.append(scale * count)
        indptr.append(len(cols))
    return sparse.csr_matrix((data, cols, indptr), shape=(len(rows), width + len(CODES)))


def choose_c(x: sparse.csr_matrix, y: np.ndarray) -> float:
    """The C with the best mean log-loss over five fixed folds of the training split."""
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=14)
    best, best_loss = C_GRID[0], float("inf")
    for c in C_GRID:
        losses = []
        for fit, held in folds.split(x, y):
            model = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000)
            model.fit(x[fit], y[fit])
            p = np.clip(model.predict_proba(x[held])[:, 1], 1e-6, 1 - 1e-6)
            losses.append(-np.mean(y[held] * np.log(p) + (1 - y[held]) * np.log(1 - p)))
        if np.mean(losses) < best_loss:
            best, best_loss = c, float(np.mean(losses))
    return best


def strongest(weights: np.ndarray, keep: int) -> np.ndarray:
    """Indices of the ``keep`` largest weights by size (all of them when fewer)."""
    size = np.abs(weights) if weights.ndim == 1 else np.abs(weights).max(axis=0)
    order = np.argsort(-size, kind="stable")[:keep]
    return np.sort(order[size[order] > 1e-4])


def tables(vocab, index, columns) -> list[dict]:
    """Weight tables per block for the kept indices; one float or a list per n-gram."""
    names = {i: gram for block in vocab for gram, i in block.items()}
    blocks = [set(block.values()) for block in vocab]
    out: list[dict] = [{}, {}]
    for i in index:
        value = columns(i)
        for b, members in enumerate(blocks):
            if i in members:
                out[b][names[i]] = value
    return out


def rule_codes(text: str, language: str) -> list[str]:
    rules = chinese if language == "zh-CN" else english
    return [code for code, _ in rules.find(text)]


def rule_hits(text: str, language: str) -> bool:
    return bool(rule_codes(text, language))


def decide(logit: float, rule: bool, threshold: float, rule_threshold: float) -> bool:
    return logit >= threshold or (rule and logit >= rule_threshold)


def scores(truth, predicted) -> tuple[float, float, int, int, int]:
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def tune(logits, rules, truth) -> tuple[float, float]:
    """The thresholds with the most room on both goals on the calibration split.

    The goals are precision >= 0.95 and recall >= 0.90; the pair kept has the largest
    ``min(precision - 0.95, recall - 0.90)``, so neither is bought with the other. Precision
    tops out at 1.0, so many pairs tie; among them the one with the most recall (the lowest
    ``threshold``: recall is what hand rules lacked), then the middle ``rule_threshold``.
    """
    values = sorted(set(logits))
    cuts = [values[0] - 1] + [(a + b) / 2 for a, b in pairwise(values)] + [values[-1] + 1]
    best_room, best = -1.0, []
    for i, threshold in enumerate(cuts):
        for rule_threshold in cuts[: i + 1]:
            predicted = [
                decide(s, r, threshold, rule_threshold) for s, r in zip(logits, rules, strict=True)
            ]
            p, r, *_ = scores(truth, predicted)
            room = round(min(p - PRECISION_GOAL, r - RECALL_GOAL), 9)
            if room > best_room:
                best_room, best = room, [(threshold, rule_threshold)]
            elif room == best_room:
                best.append((threshold, rule_threshold))
    lowest = min(t for t, _ in best)
    rule_thresholds = sorted(rt for t, rt in best if t == lowest)
    return lowest, rule_thresholds[len(rule_thresholds) // 2]


def bank_rows(language: str, held_out: set[str]) -> list[Row]:
    """Every question of the bundled banks in ``language``, labelled ok."""
    from interview_tui.banks.loader import load_bank_file

    texts: list[str] = []
    for path in sorted((ROOT / "question_banks").rglob("*.toml")):
        bank = load_bank_file(path).bank
        if bank is not None and bank.language == language:
            for question in bank.questions:
                texts += [question.text]
    seen = set(held_out)
    rows = []
    for text in texts:
        if key(text) not in seen:
            seen.add(key(text))
            rows.append(Row("ok", "-", "train", text))
    return rows


def train(language: str, dry_run: bool) -> dict:
    rows = load(language)
    labelled = [r for r in rows if r.split == "train"]
    banks = bank_rows(language, {key(r.text) for r in rows})
    train_rows = labelled + banks
    vocab = vocabulary(train_rows, language)
    x = matrix(train_rows, language, vocab)
    y = np.array([r.shallow for r in train_rows], dtype=float)
    c = choose_c(x, y)
    shallow_model = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000)
    shallow_model.fit(x, y)
    w = shallow_model.coef_[0]
    width = sum(len(v) for v in vocab)
    keep = strongest(w[:width], MAX_FEATURES[language])

    coded = [i for i, r in enumerate(train_rows) if r.shallow]
    labels = np.array([CODES.index(train_rows[i].code) for i in coded])
    code_model = LogisticRegression(C=c, max_iter=3000)
    code_model.fit(x[coded][:, :width], labels)
    cw = code_model.coef_
    keep_codes = strongest(cw, MAX_CODE_FEATURES[language])

    data = {
        "language": language,
        "bias": round(float(shallow_model.intercept_[0]), 4),
        "threshold": 0.0,
        "rule_threshold": 0.0,
        "codes": list(CODES),
        "code_bias": [round(float(b), 4) for b in code_model.intercept_],
        "weights": tables(vocab, keep, lambda i: round(float(w[i]), 4)),
        "rule_weights": {code: round(float(w[width + n]), 4) for n, code in enumerate(CODES)},
        "code_weights": tables(vocab, keep_codes, lambda i: [round(float(v), 3) for v in cw[:, i]]),
        "trained_on": len(labelled),
        "trained_on_bank_questions": len(banks),
        "C": c,
    }
    model = Model.from_dict(data)
    logits = {r.text: model.logit(r.text, rule_codes(r.text, language)) for r in rows}
    rules = {r.text: rule_hits(r.text, language) for r in rows}
    calib = [r for r in rows if r.split == "calib"]
    threshold, rule_threshold = tune(
        [logits[r.text] for r in calib], [rules[r.text] for r in calib], [r.shallow for r in calib]
    )
    data["threshold"], data["rule_threshold"] = round(threshold, 4), round(rule_threshold, 4)

    print(
        f"== {language}: {len(rows)} rows (+{len(banks)} bank questions), C={c}, "
        f"{sum(map(len, data['weights']))} weights, "
        f"{sum(map(len, data['code_weights']))} code rows, threshold {threshold:.3f}, "
        f"rule threshold {rule_threshold:.3f}"
    )
    print("  rule weights: " + ", ".join(f"{k} {v:+.2f}" for k, v in data["rule_weights"].items()))
    for split in ("train", "calib", "report"):
        part = [r for r in rows if r.split == split]
        truth = [r.shallow for r in part]
        for name, predicted in (
            ("model", [logits[r.text] >= threshold for r in part]),
            ("rules", [rules[r.text] for r in part]),
            (
                "both",
                [decide(logits[r.text], rules[r.text], threshold, rule_threshold) for r in part],
            ),
        ):
            p, r_, tp, fp, fn = scores(truth, predicted)
            print(
                f"  {split:<7}{name:<6} n={len(part):<4} P {p:.3f}  R {r_:.3f}  "
                f"(tp {tp}, fp {fp}, fn {fn})"
            )
    held = [r for r in rows if r.split != "train"]
    final = Model.from_dict(data)
    print("  per-code recall, calib + report:")
    for code in CODES:
        part = [r for r in held if r.code == code]
        caught = sum(decide(logits[r.text], rules[r.text], threshold, rule_threshold) for r in part)
        named = sum(final.explain(r.text)[0] == code for r in part)
        print(f"    {code:<21}{caught:>3}/{len(part):<3} flagged; model names the code {named}")
    for r in held:
        shallow = decide(logits[r.text], rules[r.text], threshold, rule_threshold)
        if shallow != r.shallow:
            what = "false alarm" if shallow else f"missed {r.code}"
            print(f"    [{r.split}] {what} ({logits[r.text]:+.2f}): {r.text}")
    if not dry_run:
        OUT.mkdir(exist_ok=True)
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        path = OUT / f"{language}.json.gz"
        path.write_bytes(gzip.compress(raw.encode("utf-8"), compresslevel=9, mtime=0))
        print(f"  wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=LANGUAGES)
    parser.add_argument("--dry-run", action="store_true", help="print figures, write nothing")
    args = parser.parse_args()
    for language in [args.language] if args.language else LANGUAGES:
        train(language, args.dry_run)


if __name__ == "__main__":
    main()
