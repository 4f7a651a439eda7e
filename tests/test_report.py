from __future__ import annotations

import json
from importlib import resources

import jsonschema

import mtcheck
from mtcheck.report import renderer

TEXT = "Ankaraâ€™s plan <b>won</b>. The the vote was close.\n\nRelated News\n"


def _schema() -> dict:
    return json.loads(resources.files("mtcheck").joinpath(
        "schema/mtcheck-report-1.json").read_text(encoding="utf-8"))


def test_json_validates_against_the_shipped_schema():
    report = json.loads(renderer("json")(mtcheck.check(TEXT)))
    jsonschema.validate(report, _schema())
    assert report["summary"]["findings"] == len(report["documents"][0]["findings"])


def test_score_formula():
    report = mtcheck.check(TEXT)
    doc = report.documents[0]
    weights = {"minor": 1, "major": 5, "critical": 10}
    assert doc.penalty == sum(weights[str(f.severity)] for f in doc.findings)
    assert doc.score == round(max(0, 100 - 100 * doc.penalty / doc.words), 2)
    assert doc.passed == (doc.score >= report.threshold)


def test_markdown_escapes_untrusted_text():
    report = mtcheck.check("<b>The the</b> vote.\n", path="<script>alert(1)</script>|x")
    md = renderer("markdown")(report)
    assert "<script>" not in md
    assert "\\<script\\>" in md
    assert "\\|x" in md


def test_text_colour_only_when_asked():
    report = mtcheck.check(TEXT)
    assert "\033[" not in renderer("text")(report)
    assert "\033[" in renderer("text")(report, colour=True)


def test_json_holds_the_whole_report_with_one_finding_per_line():
    from mtcheck.report.json_report import to_dict

    report = mtcheck.check("The the talks ended . “We will win.” said.\n\nPrices rose in in May")
    text = renderer("json")(report, colour=False)
    assert json.loads(text) == json.loads(json.dumps(to_dict(report)))
    finding_lines = [line for line in text.splitlines() if '"rule": ' in line]
    assert len(finding_lines) == len(report.findings) >= 3
    assert all(json.loads(line.strip().rstrip(",")) for line in finding_lines)
