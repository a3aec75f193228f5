"""Precision and recall of the authority check on a hand-labelled set of commitment / limit
pairs (tests/data/authority_pairs.txt), per language and split: the parts the check was tuned
on (tune; tune2, written independently by a senior PM after tune; tune3 ... tune17, written
independently and each measured once, as holdout3 ... holdout17, before it was studied) and the
held-out parts it never was (holdout; holdoutN, written independently and measured once after
the rules were final).

    python benchmarks/bench_authority.py            # the figures
    python benchmarks/bench_authority.py --errors   # and the pairs it gets wrong (every split)

A pair is positive when the commitment touches the limit (promises that kind of thing about
that subject); the check is scored on whether it flags the pair. Floor: P >= 0.9, R >= 0.9.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "authority_pairs.txt"
FLOOR = 0.9


@dataclass(frozen=True)
class Pair:
    lang: str
    split: str
    limit: str
    text: str
    touches: bool


def load_pairs(path: Path = DATA) -> list[Pair]:
    pairs, lang, split, limit = [], "", "", ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("## "):
            lang, split = line[3:].split()
        elif line.startswith("> "):
            limit = line[2:].strip()
        elif line[:2] in ("+ ", "- "):
            if not (lang and limit):
                raise ValueError(f"{path}:{number}: a pair before its section or limit")
            pairs.append(Pair(lang, split, limit, line[2:].strip(), line[0] == "+"))
    return pairs


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(pairs: list[Pair]) -> tuple[dict[tuple[str, str], Score], list[tuple[Pair, bool]]]:
    from interview_tui.services.authority import flags_beyond_authority

    scores: dict[tuple[str, str], Score] = {}
    wrong = []
    for pair in pairs:
        flagged = bool(flags_beyond_authority(pair.text, pair.limit))
        s = scores.setdefault((pair.lang, pair.split), Score())
        if flagged and pair.touches:
            s.tp += 1
        elif flagged:
            s.fp += 1
        elif pair.touches:
            s.fn += 1
        else:
            s.tn += 1
        if flagged != pair.touches:
            wrong.append((pair, flagged))
    return scores, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    scores, wrong = score(load_pairs())
    print(f"{'lang':5} {'split':9} {'pairs':>5} {'P':>6} {'R':>6}  tp fp fn tn")
    ok = True
    for (lang, split), s in sorted(scores.items()):
        n = s.tp + s.fp + s.fn + s.tn
        print(
            f"{lang:5} {split:9} {n:5} {s.precision:6.3f} {s.recall:6.3f}"
            f"  {s.tp} {s.fp} {s.fn} {s.tn}"
        )
        ok = ok and s.precision >= FLOOR and s.recall >= FLOOR
    if args.errors:
        for pair, flagged in wrong:
            kind = "false positive" if flagged else "missed"
            print(f"{pair.lang} {pair.split} {kind}: [{pair.limit}] {pair.text}")
    print("floor P >= 0.9, R >= 0.9:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
