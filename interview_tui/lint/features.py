"""The n-grams the shallow-question model reads, the same at training and at run time.

English: character 1–4 grams inside each whitespace-separated chunk, padded with a space at
both ends (so "prices?" gives " p", "es?", "s? "), counted, and word 1–2 grams (with a start
mark), once each. Chinese: 1–4 grams over tokens, where a token is one Han character or
punctuation mark and a Latin or digit run (CDN, K8s, 2023) is one token, with start and end
marks, once each. Digits become 0, so "30%" and "45%" read the same. Each block is divided
by the square root of its length, so a long preamble does not outweigh the question itself.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

_DIGITS = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_EN_WORDS = re.compile(r"[a-z0]+(?:'[a-z]+)?|[?;:,!]")
_ZH_TOKENS = re.compile(r"[a-z0]+(?:[-'.][a-z0]+)*|\S")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    """NFKC (full-width punctuation made plain), lower case, digits as 0, one space."""
    plain = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return _SPACES.sub(" ", _DIGITS.sub("0", plain)).strip()


def chunk_grams(chunk: str) -> list[str]:
    """The character 1–4 grams of one chunk of English text, padded with spaces."""
    padded = f" {chunk} "
    size = len(padded)
    return [padded[i : i + n] for n in (1, 2, 3, 4) for i in range(size - n + 1)]


def english_words(plain: str) -> set[str]:
    """Word 1–2 grams of normalised English text, with ``^`` marking the start."""
    words = ["^", *_EN_WORDS.findall(plain)]
    grams = set(words)
    grams.update(map(" ".join, pairwise(words)))
    return grams


def english(text: str) -> tuple[list[str], set[str]]:
    """(character n-grams with repeats, word n-grams) of one English question."""
    plain = normalise(text)
    return [gram for chunk in plain.split() for gram in chunk_grams(chunk)], english_words(plain)


def chinese(text: str) -> tuple[set[str], set[str]]:
    """(token n-grams, empty) of one Chinese question; a Latin run is one token."""
    tokens = ["^", *_ZH_TOKENS.findall(normalise(text)), "$"]
    grams = set(tokens)
    grams.update(map("".join, pairwise(tokens)))
    grams.update(map("".join, zip(tokens, tokens[1:], tokens[2:], strict=False)))
    grams.update(map("".join, zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False)))
    return grams, set()


def extract(text: str, language: str) -> tuple[list[str] | set[str], set[str]]:
    """The two feature blocks of ``text`` in ``language`` (``en`` or ``zh-CN``)."""
    return chinese(text) if language == "zh-CN" else english(text)
