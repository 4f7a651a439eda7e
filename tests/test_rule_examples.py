"""Every rule's examples are its tests: bad examples fire it, good examples fire nothing."""

from __future__ import annotations

import pytest

from mtcheck.engine import example_findings
from mtcheck.rules.registry import RuleSpec, all_rules

RULES = all_rules()
BAD = [(r, e) for r in RULES for e in r.bad]
GOOD = [(r, e) for r in RULES for e in r.good]


def _id(param: object) -> str:
    return param.id if isinstance(param, RuleSpec) else str(getattr(param, "text", ""))[:40]


@pytest.mark.parametrize(("spec", "example"), BAD, ids=_id)
def test_bad_example_fires_its_rule(spec, example):
    found = example_findings(spec, example)
    assert any(f.rule == spec.id for f in found), f"{spec.id} did not fire on {example.text!r}"
    for f in found:
        assert example.text[f.start:f.end] == f.text


@pytest.mark.parametrize(("spec", "example"), GOOD, ids=_id)
def test_good_example_fires_nothing(spec, example):
    found = example_findings(spec, example, only_rule=False)
    assert not found, [(f.rule, f.text, f.message) for f in found]


@pytest.mark.parametrize("spec", RULES, ids=_id)
def test_rule_is_documented_with_both_kinds_of_example(spec):
    assert spec.bad, f"{spec.id} has no bad example"
    assert spec.good, f"{spec.id} has no good example"
    assert spec.summary[:1].isupper()
    assert spec.summary.endswith(".")
    assert spec.family in {"untranslated", "names", "broken", "boilerplate", "encoding",
                           "fidelity"}
    # A family is a module (`rules/names.py`) or a package of modules (`rules/broken/`).
    module = spec.func.__module__
    assert module == f"mtcheck.rules.{spec.family}" or \
        module.startswith(f"mtcheck.rules.{spec.family}.")
