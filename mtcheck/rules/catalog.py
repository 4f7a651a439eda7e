"""The rule catalogue that `mtcheck rules` prints and docs/rules.md is generated from."""

from __future__ import annotations

import json

from mtcheck.model import MQM_TYPES
from mtcheck.rules.registry import Example, RuleSpec, all_rules


def rule_dict(spec: RuleSpec) -> dict[str, object]:
    """One rule as JSON data."""
    return {
        "id": spec.id, "category": spec.category, "mqm": MQM_TYPES[spec.category],
        "severity": str(spec.severity), "summary": spec.summary, "needs": list(spec.needs),
        "options": dict(spec.options),
        "bad": [_example_dict(e) for e in spec.bad],
        "good": [_example_dict(e) for e in spec.good],
    }


def _example_dict(example: Example) -> dict[str, object] | str:
    if example.source is None and example.reference is None:
        return example.text
    return {k: v for k, v in (("text", example.text), ("source", example.source),
                              ("reference", example.reference)) if v is not None}


def render_catalog(fmt: str) -> str:
    """The rule list as a table, JSON or Markdown."""
    rules = all_rules()
    if fmt == "json":
        return json.dumps([rule_dict(r) for r in rules], ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(rules)
    width = max(len(r.id) for r in rules)
    lines = [f"{'id':<{width}}  {'category':<12}  {'severity':<8}  summary"]
    for r in rules:
        needs = f" (needs {', '.join(r.needs)})" if r.needs else ""
        lines.append(f"{r.id:<{width}}  {r.category:<12}  {r.severity!s:<8}  {r.summary}{needs}")
    return "\n".join(lines) + "\n"


def _markdown(rules: tuple[RuleSpec, ...]) -> str:
    out = ["# mtcheck rules", "", "Generated from the rule registry by `mtcheck rules "
           "--format markdown`; do not edit by hand.", ""]
    for r in rules:
        out += [f"## `{r.id}`", "",
                f"Category: {r.category} ({MQM_TYPES[r.category]}); default severity: "
                f"{r.severity}" + (f"; needs: {', '.join(r.needs)}" if r.needs else "") + ".",
                "", r.doc, ""]
        if r.options:
            out += ["Options: " + ", ".join(f"`{k}` = {v!r}" for k, v in r.options.items()), ""]
        out += ["Flagged:", ""] + [f"- `{_inline(e)}`" for e in r.bad] + [""]
        out += ["Not flagged:", ""] + [f"- `{_inline(e)}`" for e in r.good] + [""]
    return "\n".join(out)


def _inline(example: Example) -> str:
    text = " ⏎ ".join(example.text.split("\n"))
    if example.source is not None:
        text += f"  ⟵ source: {' ⏎ '.join(example.source.split(chr(10)))}"
    return text.replace("`", "'")
