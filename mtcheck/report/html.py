"""A self-contained HTML report: verdicts, finding tables and the article text highlighted.

Everything from the article (text, path, messages, suggestions) reaches the page
only through Jinja2 with autoescaping on; the highlighted text is built as plain
data (segments between finding offsets) and escaped by the template like the rest.
A Content-Security-Policy that forbids scripts backs this up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2

from mtcheck.model import DocumentReport, Finding, Report, Severity
from mtcheck.score import FORMULA


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the article text covered by the same findings (none: plain text).

    `starts` are the findings that begin here (anchors the table links to); a
    `point` segment is an empty finding (an insertion point) shown as a marker.
    """

    text: str
    findings: tuple[int, ...]
    starts: tuple[int, ...]
    severity: str | None
    title: str
    point: bool = False


def segments(text: str, findings: Sequence[Finding]) -> list[Segment]:
    """Split the text at every finding boundary; overlapping findings share segments.

    Linear in the text plus the findings times their overlap depth: each boundary
    is visited once with the set of findings active there.
    """
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        starts.setdefault(f.start, []).append(i)
        ends.setdefault(f.end, []).append(i)
    cuts = sorted({0, len(text), *starts, *ends})
    active: dict[int, None] = {}
    out: list[Segment] = []
    for k, here in enumerate(cuts):
        for i in ends.get(here, ()):
            active.pop(i, None)
        opening = starts.get(here, [])
        points = [i for i in opening if findings[i].end == here]
        if points:
            out.append(_segment("", points, points, findings, point=True))
        for i in opening:
            if findings[i].end > here:
                active[i] = None
        if k + 1 < len(cuts):
            piece = text[here:cuts[k + 1]]
            begun = [i for i in opening if findings[i].end > here]
            out.append(_segment(piece, list(active), begun, findings))
    return out


def _segment(piece: str, covering: list[int], begun: list[int], findings: Sequence[Finding],
             *, point: bool = False) -> Segment:
    if not covering:
        return Segment(piece, (), (), None, "")
    worst = max(findings[i].severity for i in covering)
    title = "\n".join(f"{findings[i].severity} [{findings[i].rule}] {findings[i].message}"
                      for i in covering)
    return Segment(piece, tuple(covering), tuple(begun), str(worst), title, point)


def highlightable(text: str, findings: Sequence[Finding]) -> bool:
    """True when the findings' offsets fit the text (it is the text they were found in)."""
    return all(0 <= f.start <= f.end <= len(text) and text[f.start:f.end] == f.text
               for f in findings)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("mtcheck.report", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )


def _document(index: int, doc: DocumentReport, text: str | None) -> dict[str, Any]:
    shown = text is not None and highlightable(text, doc.findings)
    return {
        "index": index, "path": doc.path, "words": doc.words, "penalty": doc.penalty,
        "score": doc.score, "passed": doc.passed, "src_lang": doc.src_lang,
        "tgt_lang": doc.tgt_lang, "findings": doc.findings, "by_category": doc.by_category,
        "skipped": doc.skipped, "metrics": {k: v for k, v in doc.metrics.items()
                                            if isinstance(v, (int, float))},
        "segments": segments(text, doc.findings) if shown and text is not None else None,
        "text_mismatch": text is not None and not shown,
    }


def render(report: Report, *, texts: Mapping[str, str] | None = None, **_: object) -> str:
    """The report as one HTML page; `texts` (path → article text) adds the highlighted text."""
    given = texts or {}
    documents = [_document(i, d, given.get(d.path)) for i, d in enumerate(report.documents)]
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report, documents=documents, formula=FORMULA,
        passed=sum(d.passed for d in report.documents),
        severities=[str(s) for s in Severity],
    )
