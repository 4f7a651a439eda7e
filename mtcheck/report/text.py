"""Compiler-style text report: `path:line:col: severity [rule] message`."""

from __future__ import annotations

from mtcheck.model import Finding, Report, Severity
from mtcheck.report.summary import (
    alignment_summary,
    metric_summary,
    subscore_summary,
    worst_segments,
)
from mtcheck.score import FORMULA

_COLOURS = {Severity.MINOR: "\033[36m", Severity.MAJOR: "\033[33m",
            Severity.CRITICAL: "\033[31m"}
_RESET = "\033[0m"


def render(report: Report, *, colour: bool = False, **_: object) -> str:
    """Findings grouped by document, each with a summary line and the score."""
    lines: list[str] = []
    for doc in report.documents:
        lines.extend(finding_line(doc.path, f, colour=colour) for f in doc.findings)
        counts = ", ".join(f"{n} {c}" for c, n in doc.by_category.items()) or "no findings"
        verdict = "PASS" if doc.passed else "FAIL"
        lines.append(f"{doc.path}: {verdict} score {doc.score:.1f}/100 "
                     f"(threshold {report.threshold:g}; penalty {doc.penalty:g} over "
                     f"{doc.words} words; {counts})")
        if doc.findings:
            lines.append(f"{doc.path}: subscores: {subscore_summary(doc, report.weights)}")
        if doc.skipped:
            lines.append(f"{doc.path}: skipped (need source/reference): {', '.join(doc.skipped)}")
        if aligned := alignment_summary(doc):
            lines.append(f"{doc.path}: aligned: {aligned}")
        if doc.metrics:
            lines.append(f"{doc.path}: metrics: {metric_summary(doc)}")
        for segment in worst_segments(doc):
            lines.append(f"{doc.path}:{segment.get('line')}:{segment.get('column')}: low chrF "
                         f"{segment.get('chrf')}: {_one_line(str(segment.get('text', '')))!r}")
        lines.append("")
    passed = sum(d.passed for d in report.documents)
    lines.append(f"{len(report.documents)} document(s), {passed} passed, "
                 f"{len(report.documents) - passed} failed, {len(report.findings)} finding(s). "
                 f"{FORMULA}.")
    return "\n".join(lines) + "\n"


def finding_line(path: str, finding: Finding, *, colour: bool = False) -> str:
    """`path:line:col: severity [rule] message (suggest: ...)` on one line."""
    level = str(finding.severity)
    if colour:
        level = f"{_COLOURS[finding.severity]}{level}{_RESET}"
    hint = f" (suggest: {finding.suggestion!r})" if finding.suggestion is not None else ""
    message = _one_line(finding.message)
    return f"{path}:{finding.line}:{finding.column}: {level} [{finding.rule}] {message}{hint}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
