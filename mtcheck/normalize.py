"""Normalization for comparison, with a map back to the original offsets.

Rules report spans of the original text. When a rule matches on normalized text
(NFC, straight quotes, single spaces) it maps the match back with `Normalized.to_original`.
"""

from __future__ import annotations

import bisect
import re
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
    # Lines are independent (a newline neither composes nor is a space); a line that is
    # already NFC, as nearly all are, is translated and folded in C without a per-character
    # loop; only the others go character by character.
    for line in _LINES.finditer(text):
        start, chunk = line.start(), line.group()
        if unicodedata.is_normalized("NFC", chunk):
            norm_len = _fold_nfc(chunk.translate(_CHAR_MAP), start, norm_len, out, breaks)
        else:
            norm_len = _fold_slowly(chunk, start, norm_len, out, breaks)
    return Normalized("".join(out), tuple(breaks))


_LINES = re.compile(r"[^\n]*\n|[^\n]+")
# Two or more spaces; the character after the run decides whether its last space stands
# alone or carries combining marks (a piece of its own that is not folded).
_SPACE_RUN = re.compile(r"  +")


def _fold_nfc(chunk: str, start: int, norm_len: int, out: list[str],
              breaks: list[tuple[int, int]]) -> int:
    """Fold space runs of an NFC, translated line; the same result and breaks as the slow way."""
    position = 0
    for run in _SPACE_RUN.finditer(chunk):
        s, e = run.span()
        # A space followed by a combining mark is one piece with it and is kept.
        last = e - 1 if e < len(chunk) and unicodedata.combining(chunk[e]) else e
        if last - s < 2:
            continue
        out.append(chunk[position:s + 1])
        norm_len += s + 1 - position
        breaks.extend((norm_len, start + j + 1) for j in range(s + 1, last))
        position = last
    out.append(chunk[position:])
    return norm_len + len(chunk) - position


def _fold_slowly(chunk: str, start: int, norm_len: int, out: list[str],
                 breaks: list[tuple[int, int]]) -> int:
    """One character (with its combining marks) at a time, for text that is not NFC."""
    previous = ""
    i, n = 0, len(chunk)
    while i < n:
        # A character together with its combining marks composes as one unit.
        j = i + 1
        while j < n and unicodedata.combining(chunk[j]):
            j += 1
        piece = unicodedata.normalize("NFC", chunk[i:j]).translate(_CHAR_MAP)
        if piece == " " and previous == " ":
            piece = ""
        else:
            previous = piece
        out.append(piece)
        norm_len += len(piece)
        if len(piece) != j - i:
            breaks.append((norm_len, start + j))
        i = j
    return norm_len
