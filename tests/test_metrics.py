"""Reference metrics: equal to sacrebleu's own command line, per document and per corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtcheck.analyze import document
from mtcheck.cli import main
from mtcheck.metrics import corpus_metrics, document_metrics, scores_from_stats, segments

HYPOTHESIS = """Central bank holds rate at 45 percent

The central bank left its policy rate at 45 percent on Thursday, in line with expectations.
The committee said inflation rose to 68.5 percent in March.

Governor Selim Aydogan said the bank was ready to take every step needed.
Markets barely moved after the decision, and the lira traded at 32.40 per dollar.

Economists expect the first cut in the last quarter of the year.
"""

REFERENCE = """Turkish central bank holds policy rate at 45%

The central bank kept its policy rate unchanged at 45% on Thursday, as expected.
The committee said annual inflation rose to 68.5% in March.

Governor Selim Aydoğan said the bank stood ready to take every necessary step.
Markets moved little after the decision, with the lira trading at 32.40 to the dollar.

Economists expect the first rate cut in the final quarter of the year.
"""

SECOND_HYPOTHESIS = """Rail strike called for Wednesday

The union called a 48-hour strike in passenger and freight transport.
About 20,000 train services are affected across the country.
"""

SECOND_REFERENCE = """Train drivers call new rail strike for Wednesday

The train drivers' union called a 48-hour strike in passenger and freight services.
Around 20,000 train services across the country will be affected.
"""


def _sacrebleu(reference: Path, hypothesis: Path, *args: str) -> list[float]:
    """Scores from sacrebleu's command line (`-b`: scores only, `-w 4`: four decimals)."""
    result = subprocess.run(
        [sys.executable, "-m", "sacrebleu", str(reference), "-i", str(hypothesis),
         *args, "-b", "-w", "4"],
        capture_output=True, text=True, check=True)
    return [float(x) for x in json.loads(result.stdout)] if result.stdout.lstrip().startswith(
        "[") else [float(result.stdout)]


def _signature(reference: Path, hypothesis: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "sacrebleu", str(reference), "-i", str(hypothesis), *args],
        capture_output=True, text=True, check=True)
    return str(json.loads(result.stdout)["signature"])


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _four(values: dict[str, float]) -> dict[str, float]:
    return {k: float(f"{v:.4f}") for k, v in values.items()}


def test_line_aligned_metrics_equal_the_sacrebleu_command_line(tmp_path):
    hyp = _write(tmp_path, "hyp.txt", HYPOTHESIS)
    ref = _write(tmp_path, "ref.txt", REFERENCE)
    metrics = document_metrics(document(HYPOTHESIS, "hyp.txt", reference=REFERENCE))
    assert metrics["alignment"] == "lines"
    ours = _four(scores_from_stats(metrics["stats"]))
    bleu, chrf, ter = _sacrebleu(ref, hyp, "-m", "bleu", "chrf", "ter")
    (chrf_pp,) = _sacrebleu(ref, hyp, "-m", "chrf", "--chrf-word-order", "2")
    assert ours == {"bleu": bleu, "chrf": chrf, "chrf++": chrf_pp, "ter": ter}
    assert metrics["bleu"] == round(bleu, 2)


def test_signatures_are_sacrebleus(tmp_path):
    hyp = _write(tmp_path, "hyp.txt", HYPOTHESIS)
    ref = _write(tmp_path, "ref.txt", REFERENCE)
    signatures = document_metrics(document(HYPOTHESIS, "h", reference=REFERENCE))["signature"]
    assert signatures["bleu"] == _signature(ref, hyp, "-m", "bleu")
    assert signatures["chrf"] == _signature(ref, hyp, "-m", "chrf")
    assert signatures["chrf++"] == _signature(ref, hyp, "-m", "chrf", "--chrf-word-order", "2")
    assert signatures["ter"] == _signature(ref, hyp, "-m", "ter")


def test_corpus_metrics_equal_sacrebleu_on_the_concatenated_files(tmp_path):
    reports = [document_metrics(document(h, "h", reference=r))
               for h, r in ((HYPOTHESIS, REFERENCE), (SECOND_HYPOTHESIS, SECOND_REFERENCE))]
    corpus = corpus_metrics(reports)
    hyp = _write(tmp_path, "hyp.txt", HYPOTHESIS + SECOND_HYPOTHESIS)
    ref = _write(tmp_path, "ref.txt", REFERENCE + SECOND_REFERENCE)
    bleu, chrf, ter = _sacrebleu(ref, hyp, "-m", "bleu", "chrf", "ter")
    assert corpus["documents"] == 2
    totals = {name: [sum(x) for x in zip(*(r["stats"][name] for r in reports), strict=True)]
              for name in ("bleu", "chrf", "ter")}
    assert _four(scores_from_stats(totals)) == {"bleu": bleu, "chrf": chrf, "ter": ter}
    assert corpus["bleu"] == round(bleu, 2)
    # A corpus score is not the mean of the document scores.
    assert corpus["bleu"] != round((reports[0]["bleu"] + reports[1]["bleu"]) / 2, 2)


def test_documents_without_a_reference_do_not_count_in_the_corpus():
    with_reference = document_metrics(document(HYPOTHESIS, "h", reference=REFERENCE))
    assert corpus_metrics([with_reference, {}])["documents"] == 1
    assert corpus_metrics([{}, {}]) == {}
    assert document_metrics(document(HYPOTHESIS, "h")) == {}


def test_unaligned_files_are_scored_over_aligned_sentences(tmp_path):
    # The reference wraps the second paragraph differently: line counts differ.
    reference = REFERENCE.replace("45% on Thursday, as expected.\n",
                                  "45% on Thursday,\nas expected.\n")
    doc = document(HYPOTHESIS, "h", reference=reference)
    method, pieces = segments(doc)
    assert method == "paragraphs+sentences"
    metrics = document_metrics(doc)
    assert metrics["alignment"] == "paragraphs+sentences"
    hyp = _write(tmp_path, "hyp.txt", "".join(p.hypothesis + "\n" for p in pieces))
    ref = _write(tmp_path, "ref.txt", "".join(p.reference + "\n" for p in pieces))
    bleu, chrf, ter = _sacrebleu(ref, hyp, "-m", "bleu", "chrf", "ter")
    ours = _four(scores_from_stats(metrics["stats"]))
    assert (ours["bleu"], ours["chrf"], ours["ter"]) == (bleu, chrf, ter)


def test_worst_segments_come_first_with_their_place_in_the_text():
    doc = document(HYPOTHESIS, "h", reference=REFERENCE)
    worst = document_metrics(doc, worst=3)["worst_segments"]
    assert len(worst) == 3
    scores = [w["chrf"] for w in worst]
    assert scores == sorted(scores)
    for w in worst:
        assert HYPOTHESIS[w["start"]:w["end"]] == w["text"]
        assert w["reference"] in REFERENCE
        assert w["line"] == HYPOTHESIS.count("\n", 0, w["start"]) + 1


def test_reference_metrics_in_the_json_report_and_reference_free_use(tmp_path):
    hyp = _write(tmp_path, "hyp.txt", HYPOTHESIS)
    ref = _write(tmp_path, "ref.txt", REFERENCE)
    runner = CliRunner()
    with_reference = runner.invoke(main, ["check", str(hyp), "--reference", str(ref),
                                          "--format", "json"])
    report = json.loads(with_reference.stdout)
    metrics = report["documents"][0]["metrics"]
    assert set(metrics) >= {"bleu", "chrf", "chrf++", "ter", "signature", "alignment",
                            "worst_segments", "stats"}
    without = runner.invoke(main, ["check", str(hyp), "--format", "json"])
    plain = json.loads(without.stdout)
    assert plain["documents"][0]["metrics"] == {}
    assert plain["schema"] == report["schema"]
    text = runner.invoke(main, ["check", str(hyp), "--reference", str(ref)])
    assert "BLEU" in text.stdout


def test_sacrebleu_is_imported_only_when_a_reference_is_given():
    code = ("import sys, mtcheck; mtcheck.check('A short text.', source='Ein kurzer Text.'); "
            "assert 'sacrebleu' not in sys.modules, 'imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("name", ["bleu", "chrf", "chrf++", "ter"])
def test_metric_names(name):
    metrics = document_metrics(document(HYPOTHESIS, "h", reference=REFERENCE))
    assert isinstance(metrics[name], float)
