from __future__ import annotations

import json

from click.testing import CliRunner

import mtcheck
from mtcheck.cli import main
from mtcheck.model import DocumentReport, Finding, Report, Severity
from mtcheck.report import renderer
from mtcheck.report.sarif import region, to_sarif, uri
from mtcheck.rules.registry import all_rules

TEXT = "Officials said the the plan was ready.\n\nRelated News\n"
LEVELS = {"minor": "warning", "major": "error", "critical": "error"}


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _check_log(log: dict, texts: dict[str, str]) -> None:
    """The essential SARIF 2.1.0 structure, checked by hand (no schema offline)."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert isinstance(log["runs"], list)
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "mtcheck"
    assert driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    for descriptor in driver["rules"]:
        assert descriptor["shortDescription"]["text"]
        assert descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] in ("warning", "error")
    assert run["columnKind"] == "unicodeCodePoints"
    for res in run["results"]:
        assert set(res) >= {"ruleId", "ruleIndex", "level", "message", "locations"}
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] == LEVELS[res["properties"]["severity"]]
        assert res["message"]["text"]
        physical = res["locations"][0]["physicalLocation"]
        artifact = run["artifacts"][physical["artifactLocation"]["index"]]
        assert artifact["location"]["uri"] == physical["artifactLocation"]["uri"]
        reg = physical["region"]
        text = texts[physical["artifactLocation"]["uri"]]
        start, end = reg["charOffset"], reg["charOffset"] + reg["charLength"]
        assert (reg["startLine"], reg["startColumn"]) == _position(text, start)
        assert (reg["endLine"], reg["endColumn"]) == _position(text, end)
        if end > start:
            assert reg["snippet"]["text"] == text[start:end]


def test_log_structure_and_regions_match_the_text():
    log = json.loads(renderer("sarif")(mtcheck.check(TEXT, path="news/a.txt")))
    _check_log(log, {"news/a.txt": TEXT})
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"broken.doubled-word", "boilerplate.web-debris"}


def test_rules_come_from_the_registry():
    driver = to_sarif(mtcheck.check(TEXT))["runs"][0]["tool"]["driver"]
    registry = {spec.id: spec for spec in all_rules()}
    described = {d["id"]: d for d in driver["rules"]}
    assert set(registry) <= set(described)
    for rule_id, spec in registry.items():
        assert described[rule_id]["shortDescription"]["text"] == spec.summary
        assert described[rule_id]["properties"]["category"] == spec.category


def test_levels_follow_severity():
    text = "alpha beta gamma"
    findings = tuple(
        Finding("broken.doubled-word", "broken", severity, 0, 5, 1, 1, "alpha", "m", None, 1.0)
        for severity in Severity)
    doc = DocumentReport("a.txt", 3, 16.0, 0.0, False, None, "en", findings)
    log = to_sarif(Report((doc,), 95.0, {"minor": 1.0}, "0"))
    assert [r["level"] for r in log["runs"][0]["results"]] == ["warning", "error", "error"]
    _check_log(log, {"a.txt": text})


def test_multi_line_region_and_unicode_columns():
    text = "Zürich bank\nsaid ağ\nlater"
    start, end = text.index("bank"), text.index("ağ") + 2
    line, column = _position(text, start)
    finding = Finding("names.x", "name", Severity.MAJOR, start, end, line, column,
                      text[start:end], "m", None, 1.0)
    assert region(finding) == {
        "startLine": 1, "startColumn": 8, "endLine": 2, "endColumn": 8,
        "charOffset": start, "charLength": end - start, "snippet": {"text": "bank\nsaid ağ"}}


def test_suggestion_becomes_a_fix_and_crashes_get_a_descriptor():
    crash = Finding("internal.rule-crashed", "internal", Severity.MINOR, 0, 0, 1, 1, "",
                    "rule x crashed", None, 1.0)
    fixable = Finding("broken.doubled-word", "broken", Severity.MINOR, 0, 7, 1, 1,
                      "The the", "'The' is repeated", "The", 1.0)
    doc = DocumentReport("a b.txt", 4, 2.0, 50.0, False, None, "en", (crash, fixable))
    log = to_sarif(Report((doc,), 95.0, {"minor": 1.0}, "0"))
    _check_log(log, {"a%20b.txt": "The the vote."})
    crashed, fixed = log["runs"][0]["results"]
    assert crashed["ruleId"] == "internal.rule-crashed"
    replacement = fixed["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement == {"deletedRegion": {"charOffset": 0, "charLength": 7},
                           "insertedContent": {"text": "The"}}


def test_uris_are_valid_references():
    assert uri("news/a.txt") == "news/a.txt"
    assert uri("<stdin>") == "%3Cstdin%3E"
    assert uri("/srv/news/a b.txt") == "file:///srv/news/a%20b.txt"
    assert uri("C:\\news\\a.txt") == "file:///C:/news/a.txt"


def test_cli_sarif(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "sarif", str(path)])
    assert result.exit_code == 1, result.output
    log = json.loads(result.stdout)
    _check_log(log, {uri(str(path)): TEXT})
