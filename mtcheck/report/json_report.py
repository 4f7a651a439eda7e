"""The `mtcheck-report/1` JSON report."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable
from typing import Any

from mtcheck.model import CATEGORIES, DocumentReport, Report
from mtcheck.score import FORMULA, subscores

SCHEMA = "mtcheck-report/1"


def to_dict(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict that follows the `mtcheck-report/1` schema."""
    findings = report.findings
    by_category = Counter(f.category for f in findings)
    by_rule = Counter(f.rule for f in findings)
    passed = sum(d.passed for d in report.documents)
    summary: dict[str, Any] = {
        "documents": len(report.documents),
        "passed": passed,
        "failed": len(report.documents) - passed,
        "words": sum(d.words for d in report.documents),
        "findings": len(findings),
        "by_category": {c: by_category[c] for c in (*CATEGORIES, "internal")
                        if c in by_category},
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
    out: list[str] = []
    _write(to_dict(report), 0, out)
    out.append("\n")
    return "".join(out)


# Indented down to the documents' fields; below that each value is one line from the C
# encoder, a list of findings one line per finding. `indent=2` throughout would run the
# pure-Python encoder, which costs a sixth of a whole check.
_EXPANDED_DEPTH = 2
_flat = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def _float(value: float) -> str:
    # The encoder writes finite floats by `repr` and spells the others its own way.
    return float.__repr__(value) if math.isfinite(value) else _flat(value)


# How `_flat` writes a value of each of these exact types, called directly: most values
# of a report are scalars, and `_flat` sets up a C encoder anew for each value that is not
# a string, which made rendering cost a sixth of a small article's check and report.
_string = json.encoder.encode_basestring
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: _string, int: int.__repr__, float: _float,
    bool: {True: "true", False: "false"}.__getitem__, type(None): lambda _: "null",
}
_EMPTY: dict[type, str] = {dict: "{}", list: "[]"}


def _write(value: object, depth: int, out: list[str]) -> None:
    """Append the JSON of `value`, at nesting `depth`, to `out`."""
    encode = _SCALARS.get(type(value))
    if encode is not None:
        out.append(encode(value))
        return
    rows = isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
    if not isinstance(value, dict | list) or not value or (depth > _EXPANDED_DEPTH
                                                           and not rows):
        # An empty list or object is written without setting up the encoder.
        out.append((not value and _EMPTY.get(type(value))) or _flat(value))
        return
    pad, inner = "\n" + "  " * depth, "\n" + "  " * (depth + 1)
    if isinstance(value, dict):
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            head = ("," if i else "") + inner + _string(str(key)) + ": "
            encode = _SCALARS.get(type(item))
            if encode is not None:
                out.append(head + encode(item))  # most values: no call further down
            else:
                out.append(head)
                _write(item, depth + 1, out)
        out.append(pad + "}")
    else:
        out.append("[")
        for i, item in enumerate(value):
            out.append(("," if i else "") + inner)
            if depth < _EXPANDED_DEPTH:
                _write(item, depth + 1, out)
            else:
                out.append(_flat(item))
        out.append(pad + "]")
