"""The generated rule reference stays in step with the registry."""

from __future__ import annotations

from pathlib import Path

from mtcheck.rules.catalog import render_catalog

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rules_md_is_generated_from_the_registry():
    expected = render_catalog("markdown")
    assert DOCS.read_text(encoding="utf-8") == expected, (
        "docs/rules.md is stale: run `mtcheck rules --format markdown > docs/rules.md`")


README = DOCS.parent.parent / "README.md"


def test_readme_report_is_the_real_output_of_the_bundled_sample(monkeypatch):
    from click.testing import CliRunner

    from mtcheck.cli import main

    text = README.read_text(encoding="utf-8")
    block = text.split("## A real report", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    command, _, shown = block.partition("\n")
    assert command == "$ mtcheck check corpora/samples/mt-sample.txt"
    monkeypatch.chdir(README.parent)
    result = CliRunner().invoke(main, ["check", "--no-color", "corpora/samples/mt-sample.txt"])
    assert shown == result.stdout, "README's report is stale: paste the command's output"
