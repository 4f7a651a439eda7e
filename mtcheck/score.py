"""MQM-style scoring: severity-weighted penalty per word, mapped to 0–100."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mtcheck.model import Finding

FORMULA = "score = max(0, 100 - 100 * penalty / words); penalty = sum of severity weights"


def penalty(findings: Iterable[Finding], weights: Mapping[str, float]) -> float:
    """Sum of the severity weights of the findings."""
    return float(sum(weights.get(str(f.severity), 0.0) for f in findings))


def score(penalty_points: float, words: int) -> float:
    """The 0–100 score of a penalty over a number of words (an empty text scores 100)."""
    if penalty_points <= 0:
        return 100.0
    return round(max(0.0, 100.0 - 100.0 * penalty_points / max(words, 1)), 2)


def subscores(findings: Iterable[Finding], weights: Mapping[str, float],
              words: int) -> dict[str, float]:
    """The score each category alone would give."""
    by_category: dict[str, list[Finding]] = {}
    for f in findings:
        by_category.setdefault(f.category, []).append(f)
    return {c: score(penalty(fs, weights), words) for c, fs in by_category.items()}
