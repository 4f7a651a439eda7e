"""The aggregate report of a corpus audit as text, JSON (`mtcheck-audit/1`) or Markdown."""

from __future__ import annotations

import json
from typing import Any

from mtcheck import __version__
from mtcheck.audit_state import Aggregate
from mtcheck.config import Config
from mtcheck.report.markdown import escape
from mtcheck.score import FORMULA

SCHEMA = "mtcheck-audit/1"


def audit_dict(aggregate: Aggregate, config: Config) -> dict[str, Any]:
    """The audit as JSON data: totals, score distribution, counts, worst documents, errors."""
    return {"schema": SCHEMA, "tool": {"name": "mtcheck", "version": __version__},
            "config": {"threshold": config.threshold, "weights": dict(config.weights),
                       "formula": FORMULA},
            **aggregate.to_dict()}


def render_audit(aggregate: Aggregate, config: Config, fmt: str) -> str:
    """The report in one of `text`, `json`, `markdown`."""
    data = audit_dict(aggregate, config)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(data)
    return _text(data)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _text(data: dict[str, Any]) -> str:
    s = data["summary"]
    score = s["score"]
    rate = "-" if s["pass_rate"] is None else f"{100 * s['pass_rate']:.1f}%"
    lines = [
        f"documents: {s['documents']} ({s['resumed']} from the state file), "
        f"passed {s['passed']}, failed {s['failed']}, pass rate {rate}, "
        f"input errors {s['errors']}",
        f"words: {s['words']}, findings: {s['findings']}",
        f"score: mean {_number(score['mean'])}, median {_number(score['median'])}, "
        f"p10 {_number(score['p10'])}, min {_number(score['min'])} "
        f"(threshold {data['config']['threshold']:g})",
    ]
    for title, key in (("by category", "by_category"), ("by severity", "by_severity"),
                       ("by rule", "by_rule")):
        if s[key]:
            lines.append(f"{title}:")
            lines += [f"  {name:<40} {count:>8}" for name, count in s[key].items()]
    if data["worst"]:
        lines.append("worst documents:")
        lines += [f"  {w['score']:>6.1f}  {'PASS' if w['passed'] else 'FAIL'}  {w['id']} "
                  f"({w['findings']} findings, {w['words']} words)" for w in data["worst"]]
    if data["errors"]:
        lines.append(f"input errors (first {len(data['errors'])}):")
        lines += [f"  {' '.join(e.split())}" for e in data["errors"]]
    lines.append(f"{data['config']['formula']}.")
    return "\n".join(lines) + "\n"


def _markdown(data: dict[str, Any]) -> str:
    s = data["summary"]
    score = s["score"]
    rate = "-" if s["pass_rate"] is None else f"{100 * s['pass_rate']:.1f}%"
    out = ["# mtcheck corpus audit", "",
           "| documents | passed | failed | pass rate | input errors | words | findings |",
           "|---:|---:|---:|---:|---:|---:|---:|",
           f"| {s['documents']} | {s['passed']} | {s['failed']} | {rate} | {s['errors']} | "
           f"{s['words']} | {s['findings']} |", "",
           f"Score: mean **{_number(score['mean'])}**, median {_number(score['median'])}, "
           f"p10 {_number(score['p10'])}, min {_number(score['min'])} (threshold "
           f"{data['config']['threshold']:g}).", ""]
    for title, key in (("Findings by category", "by_category"),
                       ("Findings by rule", "by_rule")):
        if s[key]:
            out += [f"## {title}", "", "| | count |", "|---|---:|"]
            out += [f"| `{name}` | {count} |" for name, count in s[key].items()]
            out.append("")
    if data["worst"]:
        out += ["## Worst documents", "", "| score | verdict | document | findings | words |",
                "|---:|---|---|---:|---:|"]
        out += [f"| {w['score']:.1f} | {'passed' if w['passed'] else 'failed'} | "
                f"{escape(w['id'])} | {w['findings']} | {w['words']} |" for w in data["worst"]]
        out.append("")
    if data["errors"]:
        out += ["## Input errors", ""] + [f"- {escape(e)}" for e in data["errors"]] + [""]
    out.append(f"_{escape(data['config']['formula'])}._")
    return "\n".join(out) + "\n"
