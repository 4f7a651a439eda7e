"""The generated rule reference stays in step with the registry."""

from __future__ import annotations

from pathlib import Path

from mtcheck.rules.catalog import render_catalog

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rules_md_is_generated_from_the_registry():
    expected = render_catalog("markdown")
    assert DOCS.read_text(encoding="utf-8") == expected, (
        "docs/rules.md is stale: run `mtcheck rules --format markdown > docs/rules.md`")
