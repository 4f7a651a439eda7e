"""Sentence alignment of a translation with its source or reference.

Files with the same number of non-empty lines are taken as line-aligned (one
segment per line, as in WMT test sets and sacrebleu). Otherwise paragraphs are
aligned first and then the sentences inside each aligned group of paragraphs,
both by a Gale–Church length model: the length of a translation is close to a
constant times the length of its source, with a variance that grows with the
length. Anchors shared by both sides — numbers, capitalized names, an identical
(copied) sentence — make a pairing cheaper, so the lengths decide only where the
anchors are silent.

The dynamic programme only visits a band of cells around the diagonal, so the
work grows linearly with the length of the documents.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from anyascii import anyascii

from mtcheck.analyze import memoized, note, notes_of
from mtcheck.model import Document, Sentence
from mtcheck.numbers import Mention, document_mentions, language_of

Method = Literal["lines", "paragraphs+sentences"]
Bead = tuple[tuple[int, ...], tuple[int, ...]]

# Gale & Church (1993): prior probabilities of the bead types and the variance of the
# length difference per character.
_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
}
_PRIOR_COST = {k: -math.log(v) for k, v in _PRIORS.items()}
_VARIANCE = 6.8
_ANCHOR_BONUS = 1.5
_COPY_BONUS = 6.0
_MIN_BAND = 6
_MAX_BAND = 40
_NAME = re.compile(r"[^\W\d_][^\W\d_'’.-]*")


@dataclass(frozen=True, slots=True)
class Alignment:
    """How the sentences of a translation pair with those of another document.

    `pairs` are beads in document order: (translation sentence indices, other
    sentence indices), each side empty or a run of consecutive sentences; every
    sentence of both documents is in exactly one bead. `ratio` is the length of the
    translation over the length of the other document.
    """

    method: Method
    pairs: tuple[Bead, ...]
    ratio: float

    def bead_of_target(self, sentences: int) -> tuple[int, ...]:
        """For each translation sentence, the index of its bead."""
        out = [0] * sentences
        for b, (target, _) in enumerate(self.pairs):
            for i in target:
                out[i] = b
        return tuple(out)

    def bead_of_other(self, sentences: int) -> tuple[int, ...]:
        """For each sentence of the other document, the index of its bead."""
        out = [0] * sentences
        for b, (_, other) in enumerate(self.pairs):
            for j in other:
                out[j] = b
        return tuple(out)

    def counts(self) -> dict[str, int]:
        """How many beads of each shape (`1-1`, `1-0`, `0-1`, `2-1`, ...)."""
        out: dict[str, int] = {}
        for target, other in self.pairs:
            key = f"{len(target)}-{len(other)}"
            out[key] = out.get(key, 0) + 1
        return dict(sorted(out.items()))


def align(target: Document, other: Document) -> Alignment:
    """Align a translation's sentences with its source's or reference's (memoized)."""
    role = ("source" if other is target.source else
            "reference" if other is target.reference else f"other-{id(other)}")
    key = f"alignment:{role}"
    fresh = key not in target.memo
    result = memoized(target, key, lambda doc: _align(doc, other))
    if fresh:
        recorded = notes_of(target).get("alignment")
        summary = dict(recorded) if isinstance(recorded, dict) else {}
        summary[role] = {"method": result.method, "beads": result.counts(),
                         "pairs": [[list(t), list(o)] for t, o in result.pairs]}
        note(target, "alignment", summary)
    return result


# ---- units: what the dynamic programme aligns -------------------------------------------


@dataclass(frozen=True, slots=True)
class _Unit:
    length: int
    numbers: frozenset[float]
    names: frozenset[str]
    fingerprint: str


def _sentence_units(doc: Document, lang: str | None) -> tuple[_Unit, ...]:
    """Length and anchors of each sentence (memoized per document and language)."""
    def compute(d: Document) -> tuple[_Unit, ...]:
        by_sentence = mentions_by_sentence(d, lang)
        return tuple(_unit(d, s, by_sentence[s.index]) for s in d.sentences)

    return memoized(doc, f"align-units:{lang}", compute)


def _unit(doc: Document, sentence: Sentence, mentions: Sequence[Mention]) -> _Unit:
    numbers = frozenset(v for m in mentions if m.numeric and not m.weak for v in m.values)
    return _Unit(len(sentence.text), numbers, _name_keys(sentence.text),
                 " ".join(sentence.text.casefold().split()))


def _name_keys(text: str) -> frozenset[str]:
    """Capitalized words after the first, transliterated and cut to four letters.

    Four letters survive declension and suffixes (`Kröger`/`Krögers`, `Peskov`/`Пескова`).
    """
    keys: set[str] = set()
    for m in _NAME.finditer(text):
        word = m.group()
        if m.start() == 0 or not word[0].isupper() or len(word) < 3:
            continue
        keys.add(anyascii(word).lower()[:4])
    return frozenset(keys)


def _merge(units: Sequence[_Unit]) -> _Unit:
    if len(units) == 1:
        return units[0]
    return _Unit(sum(u.length for u in units) + len(units) - 1,
                 frozenset().union(*(u.numbers for u in units)),
                 frozenset().union(*(u.names for u in units)),
                 " ".join(u.fingerprint for u in units))


def mentions_by_sentence(doc: Document, lang: str | None) -> tuple[tuple[Mention, ...], ...]:
    """The figures of each sentence of a document (memoized)."""
    def compute(d: Document) -> tuple[tuple[Mention, ...], ...]:
        starts = [s.start for s in d.sentences]
        buckets: list[list[Mention]] = [[] for _ in d.sentences]
        for m in document_mentions(d, lang):
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0 and m.start < d.sentences[i].end:
                buckets[i].append(m)
        return tuple(tuple(b) for b in buckets)

    return memoized(doc, f"mentions-by-sentence:{lang}", compute)


# ---- the alignment ------------------------------------------------------------------------


def _align(target: Document, other: Document) -> Alignment:
    other_lang = language_of(other) if other is target.source else target.tgt_lang
    t_units = _sentence_units(target, target.tgt_lang)
    o_units = _sentence_units(other, other_lang)
    t_total = sum(u.length for u in t_units)
    o_total = sum(u.length for u in o_units)
    ratio = min(2.0, max(0.5, t_total / o_total)) if t_total and o_total else 1.0
    t_lines = _line_groups(target)
    o_lines = _line_groups(other)
    pairs: list[Bead] = []
    if t_lines and len(t_lines) == len(o_lines):
        method: Method = "lines"
        for t_group, o_group in zip(t_lines, o_lines):
            pairs.extend(_sentence_beads(t_group, o_group, t_units, o_units, ratio))
    else:
        method = "paragraphs+sentences"
        t_paras = _paragraph_groups(target)
        o_paras = _paragraph_groups(other)
        t_para_units = [_merge([t_units[i] for i in group]) for group in t_paras]
        o_para_units = [_merge([o_units[j] for j in group]) for group in o_paras]
        for ti, tn, oi, on in _dp(t_para_units, o_para_units, ratio):
            t_group = [i for group in t_paras[ti:ti + tn] for i in group]
            o_group = [j for group in o_paras[oi:oi + on] for j in group]
            pairs.extend(_sentence_beads(t_group, o_group, t_units, o_units, ratio))
    return Alignment(method, tuple(pairs), round(ratio, 4))


def _sentence_beads(t_group: Sequence[int], o_group: Sequence[int],
                    t_units: Sequence[_Unit], o_units: Sequence[_Unit],
                    ratio: float) -> list[Bead]:
    if not t_group or not o_group:
        return [((i,), ()) for i in t_group] + [((), (j,)) for j in o_group]
    beads = _dp([t_units[i] for i in t_group], [o_units[j] for j in o_group], ratio)
    return [(tuple(t_group[ti:ti + tn]), tuple(o_group[oi:oi + on]))
            for ti, tn, oi, on in beads]


def _line_groups(doc: Document) -> list[list[int]]:
    """Sentence indices per non-empty line (a sentence belongs to the line it starts on)."""
    groups: list[list[int]] = []
    line_of_group: list[int] = []
    for s in doc.sentences:
        line = bisect.bisect_right(doc.line_starts, s.start)
        if not line_of_group or line_of_group[-1] != line:
            groups.append([])
            line_of_group.append(line)
        groups[-1].append(s.index)
    lines = sum(1 for line in doc.text.split("\n") if line.strip())
    # A paragraph the segmenter joined across hard-wrapped lines leaves a line without a
    # sentence start: the line structure is then not one segment per line.
    return groups if len(groups) == lines else []


def _paragraph_groups(doc: Document) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for s in doc.sentences:
        groups.setdefault(s.paragraph, []).append(s.index)
    return list(groups.values())


def _dp(target: Sequence[_Unit], other: Sequence[_Unit], ratio: float,
        ) -> list[tuple[int, int, int, int]]:
    """The cheapest bead sequence: (target start, count, other start, count) per bead."""
    n, m = len(target), len(other)
    band = min(_MAX_BAND, max(_MIN_BAND, abs(n - m) + 4))
    # Centre the band on the cell where both sides have covered the same share of their
    # length, so a long omitted passage does not push the path out of the band.
    t_cum = [0]
    for u in target:
        t_cum.append(t_cum[-1] + u.length + 1)
    o_cum = [0]
    for u in other:
        o_cum.append(o_cum[-1] + u.length + 1)
    lows: list[int] = []
    highs: list[int] = []
    for i in range(n + 1):
        share = t_cum[i] / t_cum[-1] if t_cum[-1] else i / max(n, 1)
        centre = bisect.bisect_left(o_cum, share * o_cum[-1])
        lows.append(max(0, centre - band))
        highs.append(min(m, centre + band))
    lows[0], highs[n] = 0, m
    for i in range(1, n + 1):  # keep the band connected
        lows[i] = min(lows[i], highs[i - 1])
    for i in range(n - 1, -1, -1):
        highs[i] = max(highs[i], lows[i + 1])
    inf = math.inf
    cost: list[dict[int, float]] = [dict() for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int]]] = [dict() for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        row = cost[i]
        for j in range(lows[i], highs[i] + 1):
            if i == 0 and j == 0:
                continue
            best, step = inf, (0, 0)
            for (a, b), prior in _PRIOR_COST.items():
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0:
                    continue
                previous = cost[pi].get(pj)
                if previous is None:
                    continue
                c = previous + prior + _bead_cost(target[pi:i], other[pj:j], ratio)
                if c < best:
                    best, step = c, (a, b)
            if best < inf:
                row[j] = best
                back[i][j] = step
    beads: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = back[i][j]
        beads.append((i - a, a, j - b, b))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def _bead_cost(target: Sequence[_Unit], other: Sequence[_Unit], ratio: float) -> float:
    t = _merge(target) if target else None
    o = _merge(other) if other else None
    t_len = t.length if t else 0
    o_len = o.length if o else 0
    cost = _length_cost(o_len, t_len, ratio)
    if t is not None and o is not None:
        if t.fingerprint == o.fingerprint:
            cost -= _COPY_BONUS
        shared = len(t.names & o.names) + (0 if t.numbers.isdisjoint(o.numbers) else
                                           len(t.numbers & o.numbers))
        cost -= _ANCHOR_BONUS * min(shared, 4)
    return cost


def _length_cost(source: int, target: int, ratio: float) -> float:
    """-log of the probability of this length difference (Gale & Church)."""
    mean = (source + target / ratio) / 2
    if mean <= 0:
        return 0.0
    z = abs(ratio * source - target) / math.sqrt(_VARIANCE * mean)
    probability = math.erfc(z / math.sqrt(2))
    return -math.log(max(probability, 1e-300))
