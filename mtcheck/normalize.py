"""Normalization for comparison, with a map back to the original offsets.

Rules report spans of the original text. When a rule matches on normalized text
(NFC, straight quotes, single spaces) it maps the match back with `Normalized.to_original`.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass

_CHAR_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u3000": " ",
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
})


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text plus breakpoints where its offsets shift against the original."""

    text: str
    # (normalized offset, original offset) at each point where the shift changes.
    _breaks: tuple[tuple[int, int], ...]

    def to_original(self, offset: int) -> int:
        """The original offset of a normalized offset (ends map to ends)."""
        i = bisect.bisect_right(self._breaks, (offset, 1 << 62)) - 1
        norm, orig = self._breaks[i] if i >= 0 else (0, 0)
        return orig + (offset - norm)


def fold_char_forms(text: str) -> str:
    """Straighten quotes, unify dashes and exotic spaces (one code point for one)."""
    return text.translate(_CHAR_MAP)


def normalize(text: str) -> Normalized:
    """NFC, straight quotes, unified dashes and runs of spaces folded to one space."""
    out: list[str] = []
    breaks: list[tuple[int, int]] = [(0, 0)]
    norm_len = 0
    i, n = 0, len(text)
    while i < n:
        # A character together with its combining marks composes as one unit.
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j]).translate(_CHAR_MAP)
        if piece == " " and out and out[-1] == " ":
            piece = ""
        out.append(piece)
        norm_len += len(piece)
        if len(piece) != j - i:
            breaks.append((norm_len, j))
        i = j
    return Normalized("".join(out), tuple(breaks))
