"""Markdown report for pull requests, tickets and CMS comments."""

from __future__ import annotations

from mtcheck.model import Report
from mtcheck.report.summary import (
    alignment_summary,
    metric_summary,
    subscore_summary,
    worst_segments,
)
from mtcheck.score import FORMULA

_ESCAPES = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]<>()#+-.!|"})


def escape(text: str) -> str:
    """Escape untrusted text so it renders literally in Markdown (tables included)."""
    return " ".join(text.split()).translate(_ESCAPES)


def render(report: Report, **_: object) -> str:
    """A heading per document with its score and a table of findings."""
    out = ["# mtcheck report", ""]
    for doc in report.documents:
        verdict = "✅ passed" if doc.passed else "❌ failed"
        out += [f"## {escape(doc.path)}", "",
                f"**{verdict}** — score **{doc.score:.1f}**/100 (threshold "
                f"{report.threshold:g}), penalty {doc.penalty:g} over {doc.words} words.", ""]
        facts = [("Subscores", subscore_summary(doc, report.weights) if doc.findings else ""),
                 ("Alignment", alignment_summary(doc)), ("Metrics", metric_summary(doc))]
        out += [f"- {label}: {escape(value)}" for label, value in facts if value]
        out += [f"- Low chrF {w.get('chrf')} at line {w.get('line')}: {escape(str(w.get('text')))}"
                for w in worst_segments(doc)]
        out.append("")
        if doc.findings:
            out += ["| line:col | severity | rule | text | message | suggestion |",
                    "|---|---|---|---|---|---|"]
            for f in doc.findings:
                suggestion = escape(f.suggestion) if f.suggestion else ""
                out.append(f"| {f.line}:{f.column} | {f.severity} | `{f.rule}` | "
                           f"{escape(f.text)} | {escape(f.message)} | {suggestion} |")
        else:
            out.append("No findings.")
        out.append("")
    out.append(f"_{escape(FORMULA)}._")
    return "\n".join(out) + "\n"
