"""The rewrites the app would offer for a file of questions, one per line, as a TSV
``n<TAB>question<TAB>rewrite`` (only flagged questions that get a rewrite; ``n`` is the line's
number among the non-empty lines; a double question rewritten as its first question with the
other half asked next reads ``<first> Follow-up: <second>``). The blind rewrite reviews are
generated with it:

    python benchmarks/offered_rewrites.py questions.txt [en|zh-CN] > review.tsv

Without a language each line's language is detected. The counts (flagged, offered) go to
stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from interview_tui.lint import lint_text

    path = Path(sys.argv[1])
    language = sys.argv[2] if len(sys.argv) > 2 else None
    flagged = offered = 0
    print("n\tquestion\trewrite")
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    for n, question in enumerate((line for line in lines if line), 1):
        result = lint_text(question, language)
        flagged += result.shallow
        if result.shallow and result.rewrite:
            offered += 1
            shown = result.rewrite
            if result.follow_up:
                shown += f" Follow-up: {result.follow_up}"
            print(f"{n}\t{question}\t{shown}")
    print(f"{offered} of {flagged} flagged questions offered a rewrite", file=sys.stderr)


if __name__ == "__main__":
    main()
