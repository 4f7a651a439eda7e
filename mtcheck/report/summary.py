"""Per-document facts that the human-readable renderers (text, Markdown) share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mtcheck.model import DocumentReport
from mtcheck.score import subscores


def subscore_summary(doc: DocumentReport, weights: Mapping[str, float]) -> str:
    """`untranslated 92.5, name 98.1` — the score each category alone would give."""
    return ", ".join(f"{c} {s:g}" for c, s in subscores(doc.findings, weights, doc.words).items())


def metric_summary(doc: DocumentReport) -> str:
    """`BLEU 33.9, CHRF 67.1, …` from the document's reference metrics."""
    return ", ".join(f"{k.upper()} {v:g}" for k, v in doc.metrics.items()
                     if isinstance(v, (int, float)) and not isinstance(v, bool))


def alignment_summary(doc: DocumentReport) -> str:
    """How the translation was aligned with its source and reference."""
    parts: list[str] = []
    alignment = doc.notes.get("alignment")
    if isinstance(alignment, Mapping):
        for side, facts in alignment.items():
            if isinstance(facts, Mapping):
                beads = facts.get("beads", {})
                shown = ", ".join(f"{k}: {v}" for k, v in beads.items()) \
                    if isinstance(beads, Mapping) else ""
                parts.append(f"{side} by {facts.get('method', '?')} ({shown})")
    sides = alignment if isinstance(alignment, Mapping) else {}
    if isinstance(doc.metrics.get("alignment"), str) and "reference" not in sides:
        parts.append(f"reference by {doc.metrics['alignment']}")
    return "; ".join(parts)


def worst_segments(doc: DocumentReport, limit: int = 3) -> list[Mapping[str, Any]]:
    """The lowest sentence-chrF segments against the reference."""
    worst = doc.metrics.get("worst_segments", [])
    return [w for w in worst if isinstance(w, Mapping)][:limit] if isinstance(worst, list) else []
