"""Score calibration on the annotated dev corpus: clean articles pass, flawed ones fail.

The default weights and threshold (mtcheck/config.py) are set from this corpus: every
clean article (an empty gold list) must pass with room to spare, and every article
whose gold lists defects must fail. Scores use the MQM-style formula of the
architecture page: score = max(0, 100 - 100 * penalty / words).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from mtcheck.analyze import document
from mtcheck.config import DEFAULT_THRESHOLD, DEFAULT_WEIGHTS, Config
from mtcheck.engine import check_document
from mtcheck.model import DocumentReport
from mtcheck.score import FORMULA, score, subscores

DEV = Path(__file__).resolve().parent.parent / "corpora" / "annotated" / "dev"
# Clean articles must score at least this far above the threshold, flawed ones this far
# below it, so that one stray finding more or less does not flip a verdict.
MARGIN = 1.0


def _articles() -> list[str]:
    return sorted(p.name[:-len(".txt")] for p in DEV.glob("*.txt")
                  if not p.name.endswith((".src.txt", ".ref.txt"))
                  and p.with_name(p.name[:-len(".txt")] + ".gold.json").exists())


def _optional(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


@cache
def _report(stem: str) -> DocumentReport:
    doc = document((DEV / f"{stem}.txt").read_text(encoding="utf-8"), stem,
                   source=_optional(DEV / f"{stem}.src.txt"),
                   reference=_optional(DEV / f"{stem}.ref.txt"))
    return check_document(doc, Config())


def _gold(stem: str) -> list[dict[str, object]]:
    entries = json.loads((DEV / f"{stem}.gold.json").read_text(encoding="utf-8"))
    return [e for e in entries if not e.get("optional")]


ARTICLES = _articles()
CLEAN = [a for a in ARTICLES if not _gold(a)]
FLAWED = [a for a in ARTICLES if _gold(a)]


def test_the_dev_corpus_has_both_kinds_of_article():
    assert len(CLEAN) >= 5
    assert len(FLAWED) >= 10


@pytest.mark.parametrize("stem", CLEAN)
def test_clean_article_passes(stem):
    report = _report(stem)
    assert report.passed, (report.score, [(f.rule, f.text) for f in report.findings])
    assert report.score >= DEFAULT_THRESHOLD + MARGIN


@pytest.mark.parametrize("stem", FLAWED)
def test_flawed_article_fails(stem):
    report = _report(stem)
    assert not report.passed, (report.score, [(f.rule, f.text) for f in report.findings])
    assert report.score <= DEFAULT_THRESHOLD - MARGIN


def test_the_threshold_lies_between_the_clean_and_the_flawed_scores():
    lowest_clean = min(_report(a).score for a in CLEAN)
    highest_flawed = max(_report(a).score for a in FLAWED)
    assert highest_flawed < DEFAULT_THRESHOLD < lowest_clean


def test_weights_follow_mqm_severity_order():
    assert 0 < DEFAULT_WEIGHTS["minor"] < DEFAULT_WEIGHTS["major"] < DEFAULT_WEIGHTS["critical"]
    assert "100 * penalty / words" in FORMULA


@pytest.mark.parametrize("stem", FLAWED[:4])
def test_subscores_are_the_score_of_each_category_alone(stem):
    report = _report(stem)
    by_category = subscores(report.findings, DEFAULT_WEIGHTS, report.words)
    assert set(by_category) == {f.category for f in report.findings}
    for category, value in by_category.items():
        points = sum(DEFAULT_WEIGHTS[str(f.severity)] for f in report.findings
                     if f.category == category)
        assert value == score(points, report.words)
        assert value >= report.score
