"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub, GitLab, VS Code SARIF viewer)."""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from mtcheck.model import MQM_TYPES, DocumentReport, Finding, Report, Severity
from mtcheck.rules.registry import RuleSpec, all_rules
from mtcheck.score import FORMULA

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/mtcheck/"
# Rules outside the registry that the engine may still report.
_SYNTHETIC = {"internal.rule-crashed": "A rule raised an error; its findings are missing."}


def level(severity: Severity) -> str:
    """SARIF level of an MQM severity: critical and major block (error), minor warns."""
    return "warning" if severity == Severity.MINOR else "error"


def uri(path: str) -> str:
    """A relative URI reference for a report path (`<stdin>` and spaces percent-encoded)."""
    if PureWindowsPath(path).drive:
        return PureWindowsPath(path).as_uri() if PureWindowsPath(path).is_absolute() \
            else quote(PureWindowsPath(path).as_posix(), safe="/")
    posix = PureWindowsPath(path).as_posix() if "\\" in path else path
    if PurePosixPath(posix).is_absolute():
        return "file://" + quote(posix)
    return quote(posix)


def rule_descriptor(spec: RuleSpec) -> dict[str, Any]:
    """A `reportingDescriptor` from the registry: id, descriptions, help, default level."""
    plain = "\n".join(f"- flagged: {e.text!r}" for e in spec.bad)
    marked = "\n".join(f"- flagged: `{' '.join(e.text.split()).replace('`', chr(39))}`"
                        for e in spec.bad)
    return {
        "id": spec.id,
        "name": spec.id.split(".", 1)[1],
        "shortDescription": {"text": spec.summary},
        "fullDescription": {"text": spec.doc},
        "help": {"text": f"{spec.doc}\n\n{plain}".strip(),
                 "markdown": f"{spec.doc}\n\n{marked}".strip()},
        "defaultConfiguration": {"level": level(spec.severity)},
        "properties": {"category": spec.category, "mqm": MQM_TYPES[spec.category],
                       "severity": str(spec.severity), "tags": [spec.category]},
    }


def _synthetic_descriptor(rule_id: str) -> dict[str, Any]:
    text = _SYNTHETIC.get(rule_id, "A finding from a rule that is not in the registry.")
    return {"id": rule_id, "shortDescription": {"text": text}, "help": {"text": text},
            "defaultConfiguration": {"level": "warning"}, "properties": {"category": "internal"}}


def region(finding: Finding) -> dict[str, Any]:
    """The finding's span: 1-based lines and columns (end column exclusive) and char offsets.

    Columns count Unicode code points (the run declares `columnKind`); the end is
    derived from the finding's own text, which is exactly `text[start:end]`.
    """
    lines = finding.text.split("\n")
    end_line = finding.line + len(lines) - 1
    end_column = (finding.column + len(lines[0]) if len(lines) == 1
                  else len(lines[-1]) + 1)
    out: dict[str, Any] = {
        "startLine": finding.line, "startColumn": finding.column,
        "endLine": end_line, "endColumn": end_column,
        "charOffset": finding.start, "charLength": finding.end - finding.start,
    }
    if finding.text:
        out["snippet"] = {"text": finding.text}
    return out


def result(finding: Finding, doc: DocumentReport, index: int,
           artifact: int) -> dict[str, Any]:
    """One SARIF `result`, with a fix when the finding suggests a replacement."""
    location = {"uri": uri(doc.path), "index": artifact}
    out: dict[str, Any] = {
        "ruleId": finding.rule, "ruleIndex": index, "level": level(finding.severity),
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": location,
                                            "region": region(finding)}}],
        "properties": {"category": finding.category, "mqm": finding.mqm,
                       "severity": str(finding.severity),
                       "confidence": round(finding.confidence, 3)},
    }
    if finding.suggestion is not None:
        out["fixes"] = [{
            "description": {"text": f"Replace with {finding.suggestion!r}"},
            "artifactChanges": [{"artifactLocation": location, "replacements": [{
                "deletedRegion": {"charOffset": finding.start,
                                  "charLength": finding.end - finding.start},
                "insertedContent": {"text": finding.suggestion}}]}],
        }]
    return out


def to_sarif(report: Report) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log with one run."""
    descriptors = [rule_descriptor(spec) for spec in all_rules()]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for finding in report.findings:
        if finding.rule not in index:
            index[finding.rule] = len(descriptors)
            descriptors.append(_synthetic_descriptor(finding.rule))
    results = [result(f, doc, index[f.rule], i) for i, doc in enumerate(report.documents)
               for f in doc.findings]
    artifacts = [{"location": {"uri": uri(doc.path)}, "properties": {
        "words": doc.words, "penalty": doc.penalty, "score": doc.score, "passed": doc.passed,
        "srcLang": doc.src_lang, "tgtLang": doc.tgt_lang}} for doc in report.documents]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "mtcheck", "version": report.version,
                                "semanticVersion": report.version,
                                "informationUri": INFORMATION_URI, "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
            "invocations": [{"executionSuccessful": True}],
            "properties": {"threshold": report.threshold, "weights": dict(report.weights),
                           "formula": FORMULA, "passed": report.passed},
        }],
    }


def render(report: Report, **_: object) -> str:
    """The report as a SARIF 2.1.0 JSON log."""
    return json.dumps(to_sarif(report), ensure_ascii=False, indent=2) + "\n"
