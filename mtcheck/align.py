"""Sentence alignment of a translation with its source or reference.

Files with the same number of non-empty lines are taken as line-aligned (one
segment per line, as in WMT test sets and sacrebleu), and the sentences inside each
pair of lines are aligned. Otherwise paragraphs are aligned first and then the
sentences inside each aligned group of paragraphs. Both levels use a Gale–Church
length model: the length of a translation is close to a constant times the length
of its source, with a variance that grows with the length. Anchors shared by both
sides — numbers, capitalized names, an identical (copied) sentence — make a pairing
cheaper, so the lengths decide only where the anchors are silent.

Beads pair runs of 0, 1 or 2 sentences: 1-1, 1-0 (a translated sentence without a
source, an addition), 0-1 (a source sentence without a translation, an omission),
2-1, 1-2 and, for sentences, 2-2; the first number counts translation sentences.
The variance is re-estimated from the article's own one-to-one pairs (an article
usually varies less than Gale & Church's human translations) and the sentences are
aligned again with it, so that a dropped sentence does not pass for half of a pair.

The work grows linearly with the length of the documents: long sequences keep their
runs of plainly matching pairs and search only the stretches between them, and the
search visits a band of cells around the diagonal, widened only when the best path
touches its edge.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

import regex
from anyascii import anyascii

from mtcheck.analyze import memoized, note, notes_of
from mtcheck.model import Document
from mtcheck.numbers import Mention, document_mentions, language_of

Method = Literal["lines", "paragraphs+sentences"]
Bead = tuple[tuple[int, ...], tuple[int, ...]]

# Prior probabilities of the bead shapes. For sentences they are Gale & Church's (1993):
# MT splits and joins sentences far more often than it drops one. Between paragraphs a
# dropped paragraph or an extra line of page debris is more common than a merge.
_SENTENCE_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2, (2, 2): 0.011,
}
_PARAGRAPH_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.9, (1, 0): 0.03, (0, 1): 0.04, (2, 1): 0.015, (1, 2): 0.015,
}
_SENTENCE_COST = {k: -math.log(v) for k, v in _SENTENCE_PRIORS.items()}
_PARAGRAPH_COST = {k: -math.log(v) for k, v in _PARAGRAPH_PRIORS.items()}
_VARIANCE = 6.8
_MIN_VARIANCE = 2.0
_MIN_CHARS = 20
_MIN_PAIRS = 5
_ANCHOR_BONUS = 1.5
_COPY_BONUS = 6.0
_ORPHAN_PENALTY = 3.0
_KIND_PENALTY = 2.0
_PLAIN_COST = 1.5  # z below about 1.1 standard deviations
_MAX_PARAGRAPH_COST = 8.0
_PRIOR_CHARS = 400
_MIN_BAND = 6
_SPLIT_ABOVE = 24
_RESYNC = 6
_MAX_BAND = 256
# A capitalized word of three letters or more (any script with case).
_CAPITALIZED = regex.compile(r"(?<![\w'’-])\p{Lu}[\p{L}\p{M}]{2,}")


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

    def counts(self) -> dict[str, int]:
        """How many beads of each shape: `1-0` is a translated sentence with no
        counterpart, `0-1` a sentence of the other document with none."""
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
    prose: bool | None = None  # paragraphs: body text (True) or a heading-like line


def _sentence_units(doc: Document, lang: str | None) -> tuple[_Unit, ...]:
    """Length and anchors of each sentence (memoized per document and language)."""
    def compute(d: Document) -> tuple[_Unit, ...]:
        figures = mentions_by_sentence(d, lang)
        names = _names_by_sentence(d)
        return tuple(
            _Unit(len(s.text),
                  frozenset(v for m in figures[s.index] if m.numeric and not m.weak
                            for v in m.values),
                  names[s.index], " ".join(s.text.casefold().split()))
            for s in d.sentences)

    return memoized(doc, f"align-units:{lang}", compute)


def _names_by_sentence(doc: Document) -> list[frozenset[str]]:
    """Capitalized words after the first of each sentence, transliterated and cut to four
    letters, which survive declension and suffixes (`Kröger`/`Krögers`, `Peskov`/`Пескова`).
    """
    starts = [s.start for s in doc.sentences]
    keys: list[set[str]] = [set() for _ in doc.sentences]
    for m in _CAPITALIZED.finditer(doc.text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() > starts[i]:
            keys[i].add(_name_key(m.group()))
    return [frozenset(k) for k in keys]


@lru_cache(maxsize=65536)
def _name_key(word: str) -> str:
    return (word if word.isascii() else anyascii(word)).lower()[:4]


def _merge(units: Sequence[_Unit]) -> _Unit:
    if len(units) == 1:
        return units[0]
    proses = {u.prose for u in units}
    return _Unit(sum(u.length for u in units) + len(units) - 1,
                 frozenset().union(*(u.numbers for u in units)),
                 frozenset().union(*(u.names for u in units)),
                 " ".join(u.fingerprint for u in units),
                 proses.pop() if len(proses) == 1 else None)


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


@dataclass(frozen=True, slots=True)
class _Model:
    """The length model: translation length over source length, and the variance of the
    difference per character."""

    ratio: float
    variance: float = _VARIANCE
    # Paragraphs: however badly a pair fits, it costs at most this much, so that a
    # paragraph that lost half its sentences but shares a name or a figure with its
    # source stays paired rather than being called dropped and replaced.
    max_length_cost: float = math.inf


def _align(target: Document, other: Document) -> Alignment:
    other_lang = language_of(other) if other is target.source else target.tgt_lang
    t_units = _sentence_units(target, target.tgt_lang)
    o_units = _sentence_units(other, other_lang)
    t_total = sum(u.length for u in t_units)
    o_total = sum(u.length for u in o_units)
    # Shrunk towards 1 so that in a short text one added or dropped sentence does not
    # pass for the languages' usual length ratio.
    ratio = min(5.0, max(0.2, (t_total + _PRIOR_CHARS) / (o_total + _PRIOR_CHARS)))
    t_lines = _line_groups(target)
    o_lines = _line_groups(other)
    groups = _paragraph_beads(target, other, t_units, o_units,
                              _Model(ratio, max_length_cost=_MAX_PARAGRAPH_COST))
    method: Method = "paragraphs+sentences"
    if t_lines and len(t_lines) == len(o_lines) and all(
            len(t) and len(o) and _paragraph_of(target, t) == 1 == _paragraph_of(other, o)
            for t, o in groups):
        # Line-aligned files, confirmed: the paragraph alignment pairs line with line.
        # (An article that dropped a paragraph and gained a line of page debris has as
        # many lines as its source, but they no longer correspond.)
        method = "lines"
        groups = [(list(t), list(o)) for t, o in zip(t_lines, o_lines, strict=True)]
    # Gale & Church's variance suits human translation; an article's own sentence pairs
    # usually vary less, and with the tighter model a dropped sentence no longer passes
    # for half of a joined pair.
    model = _Model(ratio)
    first = [_sentence_beads(t_group, o_group, t_units, o_units, model)
             for t_group, o_group in groups]
    tighter = _Model(ratio, _estimated_variance([b for beads in first for b in beads],
                                                t_units, o_units, ratio))
    if tighter.variance < model.variance:
        # Groups paired one to one at first stay so; only the others are searched again.
        first = [beads if all(len(t) == len(o) == 1 for t, o in beads) else
                 _sentence_beads(t_group, o_group, t_units, o_units, tighter)
                 for beads, (t_group, o_group) in zip(first, groups, strict=True)]
    pairs = [bead for beads in first for bead in beads]
    return Alignment(method, tuple(pairs), round(ratio, 4))


def _paragraph_beads(target: Document, other: Document, t_units: Sequence[_Unit],
                     o_units: Sequence[_Unit], model: _Model,
                     ) -> list[tuple[list[int], list[int]]]:
    """Aligned groups of paragraphs, as lists of sentence indices on each side."""
    t_paras = _paragraph_groups(target)
    o_paras = _paragraph_groups(other)
    if len(t_paras) == 1 == len(o_paras):
        return [(t_paras[0], o_paras[0])]  # nothing to choose: the sentences decide
    t_para_units = [_paragraph_unit(target, group, t_units) for group in t_paras]
    o_para_units = [_paragraph_unit(other, group, o_units) for group in o_paras]
    return [([i for group in t_paras[ti:ti + tn] for i in group],
             [j for group in o_paras[oi:oi + on] for j in group])
            for ti, tn, oi, on in _dp(t_para_units, o_para_units, model, _PARAGRAPH_COST)]


def _paragraph_unit(doc: Document, group: Sequence[int], units: Sequence[_Unit]) -> _Unit:
    kind = doc.paragraphs[doc.sentences[group[0]].paragraph].kind
    return replace(_merge([units[i] for i in group]), prose=kind in ("body", "list"))


def _estimated_variance(pairs: Sequence[Bead], t_units: Sequence[_Unit],
                        o_units: Sequence[_Unit], ratio: float) -> float:
    """The article's own length variance per character, from its one-to-one pairs.

    The largest tenth is left out (those are the suspects), and the estimate stays
    between `_MIN_VARIANCE` and Gale & Church's value.
    """
    values = sorted(
        (ratio * o.length - t.length) ** 2 / ((o.length + t.length / ratio) / 2)
        for t, o in ((t_units[ts[0]], o_units[os[0]]) for ts, os in pairs
                     if len(ts) == 1 and len(os) == 1)
        if t.length >= _MIN_CHARS and o.length >= _MIN_CHARS)
    if len(values) < _MIN_PAIRS:
        return _VARIANCE
    kept = values[:max(1, len(values) * 9 // 10)]
    return min(_VARIANCE, max(_MIN_VARIANCE, sum(kept) / len(kept)))


def _sentence_beads(t_group: Sequence[int], o_group: Sequence[int],
                    t_units: Sequence[_Unit], o_units: Sequence[_Unit],
                    model: _Model) -> list[Bead]:
    if not t_group or not o_group:
        return [((i,), ()) for i in t_group] + [((), (j,)) for j in o_group]
    if len(t_group) == len(o_group) and all(
            _plainly_paired(t_units[i], o_units[j], model)
            for i, j in zip(t_group, o_group, strict=True)):
        # The common case, one translated sentence per source sentence, needs no search.
        return [((i,), (j,)) for i, j in zip(t_group, o_group, strict=True)]
    beads = _dp([t_units[i] for i in t_group], [o_units[j] for j in o_group], model,
                _SENTENCE_COST)
    return [(tuple(t_group[ti:ti + tn]), tuple(o_group[oi:oi + on]))
            for ti, tn, oi, on in beads]


def _plainly_paired(t: _Unit, o: _Unit, model: _Model) -> bool:
    """Lengths that fit well and no figure on both sides without one in common."""
    if t.numbers and o.numbers and t.numbers.isdisjoint(o.numbers):
        return False
    return _length_cost(o.length, t.length, model) < _PLAIN_COST


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


def _paragraph_of(doc: Document, sentences: Sequence[int]) -> int:
    """How many paragraphs a run of sentences spans."""
    return doc.sentences[sentences[-1]].paragraph - doc.sentences[sentences[0]].paragraph + 1


def _paragraph_groups(doc: Document) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for s in doc.sentences:
        groups.setdefault(s.paragraph, []).append(s.index)
    return list(groups.values())


def _dp(target: Sequence[_Unit], other: Sequence[_Unit], model: _Model,
        priors: dict[tuple[int, int], float]) -> list[tuple[int, int, int, int]]:
    """The cheapest bead sequence: (target start, count, other start, count) per bead.

    Only a band of cells around the diagonal is searched. When the best path runs
    along the edge of the band, the true path may lie outside it, and the search is
    repeated with a band twice as wide (up to a limit that keeps the work linear).
    """
    n, m = len(target), len(other)
    if not n or not m:
        return [(i, 1, 0, 0) for i in range(n)] + [(n, 0, j, 1) for j in range(m)]
    if n + m > _SPLIT_ABOVE:
        return _anchored_dp(target, other, model, priors)
    t_pairs = [_pair(target[i - 2:i]) if i >= 2 else None for i in range(n + 1)]
    o_pairs = [_pair(other[j - 2:j]) if j >= 2 else None for j in range(m + 1)]
    band = _MIN_BAND
    while True:
        beads, on_edge = _banded(target, other, t_pairs, o_pairs, model, priors, band)
        if not on_edge or band >= min(max(n, m), _MAX_BAND):
            return beads
        band *= 2


def _anchored_dp(target: Sequence[_Unit], other: Sequence[_Unit], model: _Model,
                 priors: dict[tuple[int, int], float]) -> list[tuple[int, int, int, int]]:
    """Long sequences: keep runs of plainly paired units, search only the gaps between.

    Three or more consecutive units that pair one to one with fitting lengths and no
    conflicting figures are almost surely aligned; their inner pairs are taken as they
    are (the first and last of a run stay open to the search), and the dynamic
    programme fills the stretches between such runs.
    """
    beads: list[tuple[int, int, int, int]] = []
    t_at = o_at = 0
    for i, j, k in _plain_runs(target, other, model):
        inner_t, inner_o, inner = i + 1, j + 1, k - 2
        beads.extend((ti + t_at, tn, oi + o_at, on) for ti, tn, oi, on in _dp(
            target[t_at:inner_t], other[o_at:inner_o], model, priors))
        beads.extend((inner_t + d, 1, inner_o + d, 1) for d in range(inner))
        t_at, o_at = inner_t + inner, inner_o + inner
    beads.extend((ti + t_at, tn, oi + o_at, on) for ti, tn, oi, on in _dp(
        target[t_at:], other[o_at:], model, priors))
    return beads


def _plain_runs(target: Sequence[_Unit], other: Sequence[_Unit], model: _Model,
                ) -> list[tuple[int, int, int]]:
    """Runs (i, j, length) of at least three consecutive plain one-to-one pairs."""
    n, m = len(target), len(other)

    def plain(i: int, j: int) -> bool:
        return i < n and j < m and _plainly_paired(target[i], other[j], model)

    runs: list[tuple[int, int, int]] = []
    i = j = 0
    while i < n and j < m:
        if plain(i, j) and plain(i + 1, j + 1) and plain(i + 2, j + 2):
            k = 3
            while plain(i + k, j + k):
                k += 1
            runs.append((i, j, k))
            i, j = i + k, j + k
            continue
        # Find where the sides fall into step again: skip up to `_RESYNC` units on one
        # side or both.
        step = next(((i + a, j + b) for d in range(1, _RESYNC + 1)
                     for a, b in ((0, d), (d, 0), (d, d))
                     if plain(i + a, j + b) and plain(i + a + 1, j + b + 1)
                     and plain(i + a + 2, j + b + 2)), None)
        if step is None:
            i, j = i + _RESYNC, j + _RESYNC
        else:
            i, j = step
    return runs


@dataclass(frozen=True, slots=True)
class _Pair:
    """Two consecutive units joined, with their parts (for the orphan check)."""

    joined: _Unit
    parts: tuple[_Unit, ...]


def _pair(parts: Sequence[_Unit]) -> _Pair:
    return _Pair(_merge(parts), tuple(parts))


def _band_limits(target: Sequence[_Unit], other: Sequence[_Unit], band: int,
                 ) -> tuple[list[int], list[int]]:
    # Centre the band on the cell where both sides have covered the same share of their
    # length, so that the band follows the text rather than the sentence counts.
    n, m = len(target), len(other)
    o_cum = [0]
    for u in other:
        o_cum.append(o_cum[-1] + u.length + 1)
    t_total = sum(u.length + 1 for u in target)
    lows: list[int] = []
    highs: list[int] = []
    covered = 0
    for i in range(n + 1):
        centre = bisect.bisect_left(o_cum, covered / t_total * o_cum[-1])
        lows.append(max(0, centre - band))
        highs.append(min(m, centre + band))
        if i < n:
            covered += target[i].length + 1
    lows[0], highs[n] = 0, m
    for i in range(1, n + 1):  # keep the band connected
        lows[i] = min(lows[i], highs[i - 1])
    for i in range(n - 1, -1, -1):
        highs[i] = max(highs[i], lows[i + 1])
    return lows, highs


def _banded(target: Sequence[_Unit], other: Sequence[_Unit],
            t_pairs: Sequence[_Pair | None], o_pairs: Sequence[_Pair | None], model: _Model,
            priors: dict[tuple[int, int], float], band: int,
            ) -> tuple[list[tuple[int, int, int, int]], bool]:
    n, m = len(target), len(other)
    lows, highs = _band_limits(target, other, band)
    shapes = sorted(priors.items())
    cost: list[list[float]] = []
    back: list[list[tuple[int, int]]] = []
    for i in range(n + 1):
        lo, hi = lows[i], highs[i]
        row = [math.inf] * (hi - lo + 1)
        steps = [(0, 0)] * (hi - lo + 1)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, step = math.inf, (0, 0)
            for (a, b), prior in shapes:
                pi, pj = i - a, j - b
                if pi < 0 or pj < lows[pi] or pj > highs[pi]:
                    continue
                base = (row if a == 0 else cost[pi])[pj - lows[pi]]
                if base == math.inf:
                    continue
                c = base + prior
                if a and b:
                    c += _joined_cost(target, other, t_pairs, o_pairs, i, j, a, b, model)
                if c < best:
                    best, step = c, (a, b)
            row[j - lo] = best
            steps[j - lo] = step
        cost.append(row)
        back.append(steps)
    beads: list[tuple[int, int, int, int]] = []
    on_edge = False
    i, j = n, m
    while i > 0 or j > 0:
        if (j == lows[i] and lows[i] > 0) or (j == highs[i] and highs[i] < m):
            on_edge = True
        a, b = back[i][j - lows[i]]
        beads.append((i - a, a, j - b, b))
        i, j = i - a, j - b
    beads.reverse()
    return beads, on_edge


def _joined_cost(target: Sequence[_Unit], other: Sequence[_Unit],
                 t_pairs: Sequence[_Pair | None], o_pairs: Sequence[_Pair | None],
                 i: int, j: int, a: int, b: int, model: _Model) -> float:
    """The cost of the bead of `a` target units ending at i and `b` units ending at j."""
    t_pair = t_pairs[i] if a == 2 else None
    o_pair = o_pairs[j] if b == 2 else None
    t = t_pair.joined if t_pair is not None else target[i - 1]
    o = o_pair.joined if o_pair is not None else other[j - 1]
    return _pair_cost(t, o, model, t_pair.parts if t_pair is not None else (),
                      o_pair.parts if o_pair is not None else ())


def _pair_cost(t: _Unit, o: _Unit, model: _Model, t_parts: Sequence[_Unit],
               o_parts: Sequence[_Unit]) -> float:
    """The length and anchor cost of pairing two (possibly joined) units."""
    cost = _length_cost(o.length, t.length, model)
    if t.fingerprint == o.fingerprint:
        cost -= _COPY_BONUS
    shared = 0
    if t.names and o.names:
        shared += len(t.names & o.names)
    if t.numbers and o.numbers:
        shared += len(t.numbers & o.numbers)
    if shared:
        cost -= _ANCHOR_BONUS * min(shared, 4)
    if t.prose is not None and o.prose is not None and t.prose != o.prose:
        # A line of page debris or a heading against a paragraph of prose.
        cost += _KIND_PENALTY
    # A sentence joined to its neighbour although none of its figures is on the other
    # side is more likely dropped (or added) than joined: `... 41,5 Cent. Im Vorjahr
    # waren es 38,9 Cent.` against a translation that keeps only the first sentence.
    for parts, opposite in ((t_parts, o), (o_parts, t)):
        for u in parts:
            if u.numbers and u.numbers.isdisjoint(opposite.numbers):
                cost += _ORPHAN_PENALTY
    return cost


def _length_cost(source: int, target: int, model: _Model) -> float:
    """-log of the probability of this length difference (Gale & Church)."""
    ratio = model.ratio
    mean = (source + target / ratio) / 2
    if mean <= 0:
        return 0.0
    z = abs(ratio * source - target) / math.sqrt(model.variance * mean)
    probability = math.erfc(z / math.sqrt(2))
    return min(model.max_length_cost, -math.log(max(probability, 1e-300)))
