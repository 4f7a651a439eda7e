"""The benchmark harness runs end to end (quick mode) and its corpus generator is sound.

Timings are never asserted: they depend on the machine. The rows and the corpus are.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

import pytest
from click.testing import CliRunner

from mtcheck import bench, benchgen
from mtcheck.cli import main

SMALL = ["--quick", "--sizes", "1k,2k", "--corpus-words", "1500", "--audit-words", "1500"]


def _fake_child(*args: object) -> dict[str, float]:
    return {"maxrss_kb": 51_200.0, "seconds": 0.5}


def test_quick_run_prints_every_row(tmp_path, monkeypatch):
    # Child processes (memory, audit) are stood in for here: each one loads every word
    # list cold. test_child_measurements runs the real ones.
    monkeypatch.setattr(bench, "run_child", _fake_child)
    monkeypatch.setattr(bench, "run_audit", _fake_child)
    monkeypatch.setattr(bench, "_audit_available", lambda: True)
    out = tmp_path / "RESULTS.md"
    result = CliRunner().invoke(main, ["bench", *SMALL, "--output", str(out)])
    assert result.exit_code == 0, result.output
    table = result.stdout
    assert out.read_text(encoding="utf-8") == table
    for row in (
        "| mtcheck check, monolingual |", "| mtcheck check --source |",
        "| mtcheck check --reference (adds BLEU, chrF, TER) |", "proselint",
        "pofilter", "sacrebleu", "| regex tokenization (practical limit) |",
        "| regex tokenization + one dictionary lookup per word |",
        "| slowest / fastest time per word |", "| audit --jobs 1, ", "| audit --jobs 2, ",
        "one document at a time |", "| mtcheck --version (wall) |", "| import mtcheck |",
        "| document build (segmentation) |", "## Machine", "## Targets",
        "- Start-up: mtcheck's bytecode",
    ):
        assert row in table, row
    assert table.count("| document of ") == 2
    # A value is a number with its unit, or says plainly why there is none.
    for line in table.splitlines():
        if line.startswith("| ") and not line.startswith(("| measurement", "|---")):
            value = line.split(" | ")[1]
            assert any(ch.isdigit() for ch in value) or value in (
                "not installed", "not available"), line


def test_bytecode_that_cannot_be_written_is_said_in_the_report(monkeypatch):
    import compileall

    monkeypatch.setattr(compileall, "compile_dir", lambda *a, **k: False)
    assert "could not be written" in bench.compile_bytecode()
    monkeypatch.setattr(compileall, "compile_dir", lambda *a, **k: True)
    assert "compiled before" in bench.compile_bytecode()


def test_child_measurements(capsys):
    # In this process: the task a measuring child runs, and its one line of JSON.
    bench.child_main(["check-corpus", "300", "8"])
    measured = json.loads(capsys.readouterr().out)
    assert measured["maxrss_kb"] > 1_000
    assert measured["seconds"] > 0
    # The audit wrapper: a command's wall time and its peak RSS, from a real child.
    wrapped = bench.run_audit([sys.executable, "-c", "print('x')"])
    assert wrapped["maxrss_kb"] > 1_000
    with pytest.raises(RuntimeError, match="audit failed"):
        bench.run_audit([sys.executable, "-c", "import sys; sys.exit(3)"])


def test_missing_competitor_is_reported_not_fatal(monkeypatch):
    real = bench._version
    monkeypatch.setattr(bench, "_version",
                        lambda dist: None if dist == "proselint" else real(dist))
    settings = bench.Settings(sizes=(1_000,), corpus_words=800, repeat=1, budget_s=0.5)
    results = bench.run_benchmark(settings, parts=["throughput"])
    rows = {r.name: r for r in results.rows}
    assert rows["proselint"].value == "not installed"
    assert rows["mtcheck check, monolingual"].ratio == ""  # nothing to compare with


def test_parse_size():
    assert [bench.parse_size(s) for s in ("10k", "1m", "2500", "1.5k")] == [
        10_000, 1_000_000, 2_500, 1_500]
    with pytest.raises(Exception, match="not a size"):
        bench.parse_size("ten")


def test_corpus_is_deterministic_and_sized():
    first = benchgen.corpus(3_000, seed=3)
    assert first == benchgen.corpus(3_000, seed=3)
    assert first != benchgen.corpus(3_000, seed=4)
    words = sum(a.words for a in first)
    assert 3_000 <= words < 3_000 + max(a.words for a in first)
    text = benchgen.long_document(2_000, seed=3)
    assert text == "\n".join(a.text for a in benchgen.corpus(2_000, seed=3))


def test_articles_are_aligned_and_defects_are_where_the_gold_says():
    articles = benchgen.corpus(60_000)
    kinds = Counter(d.kind for a in articles for d in a.defects)
    assert set(kinds) == set(benchgen.DEFECT_KINDS)
    assert {benchgen.CATEGORY_OF[k] for k in kinds} == {
        "untranslated", "name", "broken", "boilerplate", "encoding", "fidelity"}
    assert any(not a.defects for a in articles)  # clean articles too
    for a in articles:
        lines = a.text.count("\n")
        assert lines == a.source.count("\n") == a.reference.count("\n")
        for d in a.defects:
            assert d.context in a.text, (a.name, d)
            assert d.text in d.context, (a.name, d)


def test_write_corpus_uses_the_annotated_layout(tmp_path):
    result = CliRunner().invoke(main, ["bench", "--corpus-words", "900",
                                       "--write-corpus", str(tmp_path)])
    assert result.exit_code == 0, result.output
    texts = sorted(p for p in tmp_path.glob("*.txt") if p.name.count(".") == 1)
    assert texts
    for path in texts:
        stem = path.name[:-4]
        article = path.read_text(encoding="utf-8")
        gold = json.loads((tmp_path / f"{stem}.gold.json").read_text(encoding="utf-8"))
        assert (tmp_path / f"{stem}.src.txt").exists()
        assert (tmp_path / f"{stem}.ref.txt").exists()
        for entry in gold:
            assert entry["text"] in article
            assert entry["category"] in {"untranslated", "name", "broken", "boilerplate",
                                         "encoding", "fidelity"}
