"""The shallow-question model: a linear model over n-grams, scored in pure Python.

One small file per language (``models/en.json.gz``, ``models/zh-CN.json.gz``), written by
``tools/train_lint_model.py`` and read the first time a question in that language is linted.
It holds two weight tables over the same n-grams (see :mod:`interview_tui.lint.features`):
one logistic regression that decides shallow or not, and one weight per code that picks the
code when no rule explains the flag.
"""

from __future__ import annotations

import gzip
import heapq
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from interview_tui.lint.features import chunk_grams, english_words, extract, normalise


@dataclass(slots=True)
class Model:
    language: str
    bias: float
    threshold: float
    rule_threshold: float
    codes: tuple[str, ...]
    code_bias: tuple[float, ...]
    weights: tuple[dict[str, float], dict[str, float]]
    rule_weights: dict[str, float]
    code_weights: tuple[dict[str, list[float]], dict[str, list[float]]]
    #: English chunk -> (sum of its character n-gram weights, number of n-grams).
    chunks: dict[str, tuple[float, int]] = field(default_factory=dict)
    #: English chunk -> (per-code sums of its character n-gram weights, number of n-grams).
    chunk_codes: dict[str, tuple[list[float], int]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        return cls(
            language=data["language"],
            bias=data["bias"],
            threshold=data["threshold"],
            rule_threshold=data["rule_threshold"],
            codes=tuple(data["codes"]),
            code_bias=tuple(data["code_bias"]),
            weights=(data["weights"][0], data["weights"][1]),
            rule_weights=data["rule_weights"],
            code_weights=(data["code_weights"][0], data["code_weights"][1]),
        )

    def logit(self, text: str, rule_codes: Iterable[str] = ()) -> float:
        """The shallow score of ``text``, given the codes the rules found in it.

        At or above :attr:`threshold` the question is shallow; at or above
        :attr:`rule_threshold` it is shallow when a rule fired too.
        """
        total = self.bias + sum(self.rule_weights.get(code, 0.0) for code in set(rule_codes))
        if self.language == "zh-CN":
            blocks = extract(text, self.language)
        else:
            plain = normalise(text)
            total += self._chunks(plain.split())
            blocks = ([], english_words(plain))
        for grams, weights in zip(blocks, self.weights, strict=True):
            if grams:
                known = weights.keys() & grams
                total += sum(map(weights.__getitem__, known)) / math.sqrt(len(grams))
        return total

    def _chunks(self, chunks: list[str]) -> float:
        """The character block of English text, one cached sum per chunk."""
        if not chunks:
            return 0.0
        cache, weights = self.chunks, self.weights[0]
        if len(cache) > 100_000:
            cache.clear()
        total, count = 0.0, 0
        for chunk in chunks:
            known = cache.get(chunk)
            if known is None:
                grams = chunk_grams(chunk)
                known = cache[chunk] = (sum([weights.get(g, 0.0) for g in grams]), len(grams))
            total += known[0]
            count += known[1]
        return total / math.sqrt(count)

    def explain(self, text: str, top: int = 3) -> tuple[str, tuple[str, ...]]:
        """The most likely code of a shallow ``text`` and the words that drove it.

        English shows word n-grams (character n-grams only add to the score); Chinese shows
        token n-grams of two or more characters.
        """
        scores = list(self.code_bias)
        if self.language == "zh-CN":
            blocks = extract(text, self.language)
        else:
            plain = normalise(text)
            blocks = ([], english_words(plain))
            scores = [a + b for a, b in zip(scores, self._chunk_codes(plain.split()), strict=True)]
        shown = {}
        for grams, weights in zip(blocks, self.code_weights, strict=True):
            rows = {gram: weights[gram] for gram in weights.keys() & grams}
            if rows:
                scale = 1 / math.sqrt(len(grams))
                columns = zip(*rows.values(), strict=True)
                scores = [
                    score + sum(column) * scale
                    for score, column in zip(scores, columns, strict=True)
                ]
                shown.update(rows)
        best = max(range(len(scores)), key=scores.__getitem__)
        pushed = [(-row[best], gram) for gram, row in shown.items() if row[best] > 0]
        ranked = heapq.nsmallest(top * 8, pushed)
        return self.codes[best], _distinct([gram for _, gram in ranked], top)

    def _chunk_codes(self, chunks: list[str]) -> list[float]:
        """The character block's share of each code's score for English text."""
        cache, weights, width = self.chunk_codes, self.code_weights[0], len(self.codes)
        if len(cache) > 100_000:
            cache.clear()
        totals = [0.0] * width
        count = 0
        for chunk in chunks:
            known = cache.get(chunk)
            if known is None:
                rows = [weights[gram] for gram in chunk_grams(chunk) if gram in weights]
                sums = [sum(column) for column in zip(*rows, strict=True)] if rows else None
                known = cache[chunk] = (sums or [0.0] * width, len(chunk) * 4 + 2)
            totals = [a + b for a, b in zip(totals, known[0], strict=True)]
            count += known[1]
        return [total / math.sqrt(count) for total in totals] if count else totals


#: Words too common to explain anything on their own.
_STOP = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "do",
        "does",
        "did",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "you",
        "your",
        "we",
        "our",
        "us",
        "they",
        "their",
        "i",
        "me",
        "my",
        "he",
        "she",
        "so",
        "just",
        "um",
        "what",
        "which",
        "who",
        "how",
        "when",
        "where",
        "why",
        "there",
        "here",
    }
)


def _distinct(grams: list[str], top: int) -> tuple[str, ...]:
    """The strongest n-grams, skipping marks, punctuation, lone common words and any n-gram
    inside one already chosen."""
    chosen: list[str] = []
    for gram in grams:
        clean = " ".join(part for part in gram.replace("^", " ").replace("$", " ").split())
        clean = clean.strip(" ,，?？;；:：!！")
        if sum(ch.isalnum() for ch in clean) < 2 or all(w in _STOP for w in clean.split()):
            continue
        if any(clean in kept for kept in chosen):
            continue
        chosen = [kept for kept in chosen if kept not in clean]
        chosen.append(clean)
        if len(chosen) == top:
            break
    return tuple(chosen)


_LOADED: dict[str, Model] = {}


def model_for(language: str) -> Model:
    """The model of ``language`` (``en`` or ``zh-CN``), read from the package once."""
    model = _LOADED.get(language)
    if model is None:
        name = "zh-CN.json.gz" if language == "zh-CN" else "en.json.gz"
        raw = resources.files("interview_tui.lint").joinpath("models", name).read_bytes()
        model = Model.from_dict(json.loads(gzip.decompress(raw)))
        _LOADED[language] = model
    return model


def loaded_languages() -> tuple[str, ...]:
    """Which models are in memory (the start-up test checks only the used one is)."""
    return tuple(_LOADED)
