from __future__ import annotations

from html.parser import HTMLParser

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import mtcheck
from mtcheck.cli import main
from mtcheck.model import DocumentReport, Finding, Report, Severity
from mtcheck.report import renderer
from mtcheck.report.html import highlightable, segments

EVIL = "<script>alert(1)</script>"
VOID = {"meta", "br", "img", "hr", "input", "link"}


class _Balance(HTMLParser):
    """Checks that every non-void element is closed in order and collects text and titles."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []
        self.titles: list[str] = []
        self.marked: list[str] = []
        self._in_mark = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.titles += [v for k, v in attrs if k == "title" and v is not None]
        if tag == "mark":
            self._in_mark += 1
            self.marked.append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark -= 1
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marked[-1] += data


def _parse(page: str) -> _Balance:
    parser = _Balance()
    parser.feed(page)
    parser.close()
    assert parser.errors == [], parser.errors
    assert parser.stack == [], parser.stack
    return parser


def _finding(text: str, start: int, end: int, rule: str = "broken.doubled-word",
             severity: Severity = Severity.MINOR, message: str = "a problem",
             suggestion: str | None = None) -> Finding:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Finding(rule, "broken", severity, start, end, line, column, text[start:end],
                   message, suggestion, 0.9)


def _report(path: str, text: str, findings: list[Finding]) -> Report:
    doc = DocumentReport(path, len(text.split()), 1.0, 90.0, False, None, "en",
                         tuple(findings))
    return Report((doc,), 95.0, {"minor": 1.0, "major": 5.0, "critical": 10.0}, "0")


def test_untrusted_text_path_message_and_suggestion_are_escaped():
    text = f"Before {EVIL} after.\n"
    start = text.index(EVIL)
    finding = _finding(text, start, start + len(EVIL), message=f"bad {EVIL}",
                       suggestion=f"{EVIL}\"'")
    page = renderer("html")(_report(f"news/{EVIL}.txt", text, [finding]),
                            texts={f"news/{EVIL}.txt": text})
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    parsed = _parse(page)
    assert "script" not in parsed.tags
    # The escaped text reads back exactly as the article had it.
    assert parsed.marked == [EVIL]
    assert any(EVIL in title for title in parsed.titles)


def test_page_is_self_contained_and_forbids_scripts():
    page = renderer("html")(mtcheck.check("The the vote was close.\n"))
    assert "default-src 'none'" in page
    for outside in ("<link", "src=", "http://", "<script"):
        assert outside not in page
    _parse(page)


def test_overlapping_findings_are_split_into_shared_segments():
    text = "alpha beta gamma delta"
    outer = _finding(text, 0, 16, severity=Severity.MINOR, message="outer")
    inner = _finding(text, 6, 22, rule="names.x", severity=Severity.MAJOR, message="inner")
    parts = segments(text, [outer, inner])
    assert [(p.text, p.findings) for p in parts] == [
        ("alpha ", (0,)), ("beta gamma", (0, 1)), (" delta", (1,))]
    assert parts[1].severity == "major"
    assert "outer" in parts[1].title
    page = renderer("html")(_report("a.txt", text, [outer, inner]), texts={"a.txt": text})
    assert 'class="sev-major overlap"' in page
    parsed = _parse(page)
    assert parsed.marked == ["alpha ", "beta gamma", " delta"]


def test_empty_finding_becomes_a_marker_without_changing_the_text():
    text = "One sentence. Another one."
    point = _finding(text, 13, 13, message="missing word")
    parts = segments(text, [point])
    assert "".join(p.text for p in parts) == text
    assert [p.point for p in parts] == [False, True, False]
    page = renderer("html")(_report("a.txt", text, [point]), texts={"a.txt": text})
    assert 'class="point sev-minor"' in page


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(min_size=0, max_size=60))
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        spans.append((a, b))
    return text, spans


@given(_text_and_spans())
def test_segments_cover_the_text_and_each_character_knows_its_findings(case):
    text, spans = case
    findings = [_finding(text, a, b) for a, b in spans]
    parts = segments(text, findings)
    assert "".join(p.text for p in parts) == text
    offset = 0
    for part in parts:
        for k in range(len(part.text)):
            where = offset + k
            assert set(part.findings) == {i for i, (a, b) in enumerate(spans) if a <= where < b}
        offset += len(part.text)
    starts = [i for p in parts for i in p.starts]
    assert sorted(starts) == list(range(len(spans)))


def test_without_texts_only_the_tables_are_shown():
    text = "The the vote was close.\n"
    page = renderer("html")(mtcheck.check(text))
    assert "<pre" not in page
    assert "broken.doubled-word" in page


def test_text_that_does_not_match_the_findings_is_not_highlighted():
    text = "The the vote was close.\n"
    report = mtcheck.check(text, path="a.txt")
    assert not highlightable("Something else entirely.", report.documents[0].findings)
    page = renderer("html")(report, texts={"a.txt": "Something else entirely."})
    assert "<pre" not in page
    assert "does not match" in page


def test_verdict_score_and_document_index(tmp_path):
    clean = "The council approved the new budget on Tuesday.\n"
    broken = "The the council met on Monday.\n"
    ok, bad = mtcheck.check(clean, path="ok.txt"), mtcheck.check(broken, path="bad.txt")
    both = Report(ok.documents + bad.documents, ok.threshold, ok.weights, ok.version)
    page = renderer("html")(both, texts={"ok.txt": clean, "bad.txt": broken})
    _parse(page)
    assert page.count('<section id="doc-') == 2
    assert 'href="#doc-1"' in page
    assert f"{bad.documents[0].score:.1f}" in page
    assert "1 passed, 1 failed" in page


def test_cli_html_format(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The the vote was close.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", "--format", "html", "-o", str(out), str(path)])
    assert result.exit_code == 1, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    _parse(page)
