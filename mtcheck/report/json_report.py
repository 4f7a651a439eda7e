"""The `mtcheck-report/1` JSON report."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from mtcheck.model import CATEGORIES, DocumentReport, Report
from mtcheck.score import FORMULA, subscores

SCHEMA = "mtcheck-report/1"


def to_dict(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict that follows the `mtcheck-report/1` schema."""
    by_category: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    for f in report.findings:
        by_category[f.category] += 1
        by_rule[f.rule] += 1
    summary: dict[str, Any] = {
        "documents": len(report.documents),
        "passed": sum(d.passed for d in report.documents),
        "failed": sum(not d.passed for d in report.documents),
        "words": sum(d.words for d in report.documents),
        "findings": len(report.findings),
        "by_category": {c: by_category[c] for c in (*CATEGORIES, "internal") if by_category[c]},
        "by_rule": dict(sorted(by_rule.items())),
    }
    if report.metrics:
        summary["metrics"] = dict(report.metrics)
    return {
        "schema": SCHEMA,
        "tool": {"name": "mtcheck", "version": report.version},
        "config": {"threshold": report.threshold, "weights": dict(report.weights),
                   "formula": FORMULA},
        "documents": [document_dict(d, report) for d in report.documents],
        "summary": summary,
    }


def document_dict(doc: DocumentReport, report: Report) -> dict[str, Any]:
    """One document of the report."""
    return {
        "path": doc.path, "words": doc.words, "penalty": doc.penalty, "score": doc.score,
        "passed": doc.passed, "src_lang": doc.src_lang, "tgt_lang": doc.tgt_lang,
        "findings": [f.to_dict() for f in doc.findings],
        "metrics": dict(doc.metrics),
        "by_category": doc.by_category,
        "subscores": subscores(doc.findings, report.weights, doc.words),
        "skipped_rules": list(doc.skipped),
        "notes": dict(doc.notes),
    }


def render(report: Report, **_: object) -> str:
    """The report as one JSON object, indented down to the findings, one finding per line."""
    return "".join(_indented(to_dict(report), 0)) + "\n"


# Indented down to the documents' fields; below that each value is one line from the C
# encoder, a list of findings one line per finding. `indent=2` throughout would run the
# pure-Python encoder, which costs a sixth of a whole check.
_EXPANDED_DEPTH = 2
_flat = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def _indented(value: object, depth: int) -> Iterator[str]:
    rows = isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
    if not isinstance(value, dict | list) or not value or (depth > _EXPANDED_DEPTH
                                                           and not rows):
        yield _flat(value)
        return
    pad, inner = "\n" + "  " * depth, "\n" + "  " * (depth + 1)
    if isinstance(value, dict):
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield ("," if i else "") + inner + _flat(str(key)) + ": "
            yield from _indented(item, depth + 1)
        yield pad + "}"
    else:
        yield "["
        for i, item in enumerate(value):
            yield ("," if i else "") + inner
            yield from (_indented(item, depth + 1) if depth < _EXPANDED_DEPTH
                        else (_flat(item),))
        yield pad + "]"
