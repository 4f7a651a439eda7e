"""Reference metrics from sacrebleu: BLEU, chrF, chrF++ and TER, per document and per corpus.

sacrebleu scores parallel segments. When the translation and the reference have the
same number of non-empty lines, the segments are those lines, exactly as
`sacrebleu REF -i HYP` reads them, so the scores equal sacrebleu's command line.
Otherwise the segments are the aligned sentence groups of `mtcheck.align` (an
omitted or added sentence is scored against an empty side), and the report says so.

Every document keeps sacrebleu's sufficient statistics (`stats`), so corpus scores
are computed by adding them up, one document at a time, never holding a corpus in
memory; sacrebleu's corpus score is itself computed from these sums. sacrebleu is
imported only when a reference is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from mtcheck.align import align
from mtcheck.analyze import line_column
from mtcheck.model import Document

if TYPE_CHECKING:
    from sacrebleu.metrics.base import Metric
    from sacrebleu.metrics.chrf import CHRF

METRICS = ("bleu", "chrf", "chrf++", "ter")
WORST_SEGMENTS = 5


@dataclass(frozen=True, slots=True)
class Segment:
    """One scored pair: translation text (with its span) and reference text."""

    hypothesis: str
    reference: str
    start: int
    end: int


def _metric(name: str) -> Metric:
    # Heavy: loaded only when a reference is given.
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    if name == "bleu":
        return BLEU()
    if name == "chrf":
        return CHRF()
    if name == "chrf++":
        return CHRF(word_order=2)
    if name == "ter":
        return TER()
    raise ValueError(f"unknown metric {name!r}; use one of {', '.join(METRICS)}")


def segments(doc: Document) -> tuple[str, list[Segment]]:
    """The scored segments of a document with a reference, and how they were made."""
    if doc.reference is None:
        return "none", []
    hyp_lines = _lines(doc.text)
    ref_lines = _lines(doc.reference.text)
    if hyp_lines and len(hyp_lines) == len(ref_lines):
        return "lines", [Segment(h, r, s, s + len(h))
                         for (s, h), (_, r) in zip(hyp_lines, ref_lines, strict=True)]
    alignment = align(doc, doc.reference)
    out: list[Segment] = []
    for targets, refs in alignment.pairs:
        # One line per segment, as sacrebleu reads files: a sentence that runs across a
        # line break is joined with a space.
        hyp = " ".join(" ".join(doc.sentences[i].text for i in targets).split())
        ref = " ".join(" ".join(doc.reference.sentences[j].text for j in refs).split())
        if targets:
            start, end = doc.sentences[targets[0]].start, doc.sentences[targets[-1]].end
        else:
            start = end = _insertion_point(doc, alignment.pairs, refs)
        out.append(Segment(hyp, ref, start, end))
    return alignment.method, out


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines with their offsets, right-stripped as sacrebleu reads them."""
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        if stripped.strip():
            out.append((offset, stripped))
        offset += len(line) + 1
    return out


def _insertion_point(doc: Document, pairs: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
                     refs: tuple[int, ...]) -> int:
    """Where a reference sentence without a translation would go: after the one before."""
    end = 0
    for targets, other in pairs:
        if other == refs:
            return end
        if targets:
            end = doc.sentences[targets[-1]].end
    return end


def document_metrics(doc: Document, worst: int = WORST_SEGMENTS) -> dict[str, object]:
    """BLEU, chrF, chrF++ and TER of a translation against its reference, with signatures.

    Also: how the segments were made (`alignment`), the segments with the lowest
    sentence-level chrF (`worst_segments`) and sacrebleu's sufficient statistics
    (`stats`) for corpus-level scores.
    """
    method, pieces = segments(doc)
    if not pieces:
        return {}
    hypotheses = [p.hypothesis for p in pieces]
    references = [[p.reference for p in pieces]]
    metrics = {name: _metric(name) for name in METRICS}
    per_segment = {name: metrics[name]._extract_corpus_statistics(hypotheses, references)
                   for name in ("bleu", "chrf++", "ter")}
    # chrF++ counts the character n-grams of chrF first and then word n-grams: chrF's
    # statistics are its leading columns, so the characters are counted once. (chrF
    # still reads one segment, which sets the reference count of its signature.)
    metrics["chrf"]._extract_corpus_statistics(hypotheses[:1], [references[0][:1]])
    columns = 3 * cast("CHRF", metrics["chrf"]).char_order
    per_segment["chrf"] = [row[:columns] for row in per_segment["chrf++"]]
    out: dict[str, object] = {}
    stats: dict[str, list[float]] = {}
    for name in METRICS:
        stats[name] = _sum(per_segment[name])
        out[name] = round(float(metrics[name]._compute_score_from_stats(stats[name]).score), 2)
    out["signature"] = {name: str(metrics[name].get_signature()) for name in METRICS}
    out["alignment"] = method
    out["worst_segments"] = _worst(doc, pieces, per_segment["chrf"], metrics["chrf"], worst)
    out["stats"] = stats
    return out


def _sum(per_segment: Iterable[Sequence[float]]) -> list[float]:
    total: list[float] = []
    for row in per_segment:
        total = _add(total, row) if total else [float(x) for x in row]
    return total


def _add(total: Sequence[float], row: Sequence[float]) -> list[float]:
    if len(total) != len(row):
        raise ValueError(f"statistics of different lengths ({len(total)}, {len(row)}): "
                         f"were they made by another sacrebleu version?")
    return [a + float(b) for a, b in zip(total, row, strict=True)]


def _worst(doc: Document, pieces: Sequence[Segment], per_segment: Sequence[Sequence[float]],
           chrf: Metric, count: int) -> list[dict[str, object]]:
    """The segments with the lowest sentence-level chrF (both sides non-empty)."""
    scored = []
    for piece, row in zip(pieces, per_segment, strict=True):
        if not piece.hypothesis.strip() or not piece.reference.strip():
            continue
        value = float(chrf._compute_score_from_stats(list(row)).score)
        scored.append((value, piece.start, piece))
    scored.sort(key=lambda item: (item[0], item[1]))
    out: list[dict[str, object]] = []
    for value, _, piece in scored[:count]:
        line, column = line_column(doc, piece.start)
        out.append({"chrf": round(value, 2), "line": line, "column": column,
                    "start": piece.start, "end": piece.end, "text": piece.hypothesis,
                    "reference": piece.reference})
    return out


def sentence_chrf(hypothesis: str, reference: str) -> float:
    """sacrebleu's sentence-level chrF of one segment."""
    return float(_metric("chrf").sentence_score(hypothesis, [reference]).score)


def corpus_metrics(documents: Iterable[Mapping[str, Any]]) -> dict[str, object]:
    """Corpus-level scores from the documents' sufficient statistics (summed, not averaged).

    `documents` are the `metrics` mappings of document reports; those without a
    reference are skipped. The result equals sacrebleu's corpus score over all the
    documents' segments together.
    """
    totals: dict[str, list[float]] = {}
    count = 0
    signatures: dict[str, str] = {}
    for metrics in documents:
        stats = metrics.get("stats")
        if not isinstance(stats, Mapping):
            continue
        count += 1
        for name in METRICS:
            row = stats.get(name)
            if isinstance(row, Sequence):
                previous = totals.get(name)
                totals[name] = ([float(x) for x in row] if previous is None
                                else _add(previous, row))
        signature = metrics.get("signature")
        if isinstance(signature, Mapping):
            signatures.update({str(k): str(v) for k, v in signature.items()})
    if not count:
        return {}
    out: dict[str, object] = {"documents": count}
    for name, total in totals.items():
        metric = _metric(name)
        out[name] = round(float(metric._compute_score_from_stats(total).score), 2)
    out["signature"] = signatures
    return out


def scores_from_stats(stats: Mapping[str, Sequence[float]]) -> dict[str, float]:
    """Unrounded scores from sufficient statistics (for comparisons and tests)."""
    return {name: float(_metric(name)._compute_score_from_stats(list(row)).score)
            for name, row in stats.items()}
