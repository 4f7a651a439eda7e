from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.cli import main
from mtcheck.errors import InputError
from mtcheck.evaluate import (
    Counts,
    Evaluation,
    Threshold,
    accepts,
    judge,
    match,
    overlaps,
    parse_threshold,
    score_article,
    snippet,
)
from mtcheck.gold import GoldEntry, discover, duplicates, locate, parse_gold
from mtcheck.model import CATEGORIES, Finding, Severity, Span

DEV = Path(__file__).resolve().parent.parent / "corpora" / "annotated" / "dev"

# Written for these tests: a short news text with a few planted errors.
TEXT = ("The mayor of Trabzon, Ayla Demirtaş, will move the ferry pier ve thanked the crews.\n"
        "\n"
        "Demirtas said the pier would have cost twice as much without the grant ve the loan.\n"
        "\n"
        "Share this story\n")


def gold(*entries: dict[str, object], text: str = TEXT) -> tuple[GoldEntry, ...]:
    return parse_gold(json.dumps(list(entries)), text, "a.gold.json")


def at(fragment: str, text: str = TEXT, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def finding(span: tuple[int, int], category: str, rule: str | None = None,
            text: str = TEXT) -> Finding:
    start, end = span
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Finding(rule or f"{category}.test-rule", category, Severity.MINOR, start, end,
                   line, column, text[start:end], "test finding", None, 1.0)


def score(entries: tuple[GoldEntry, ...], findings: list[Finding], **kw: object):
    return score_article("a.txt", TEXT, entries, findings, 40, **kw)  # type: ignore[arg-type]


# ---- locating gold ---------------------------------------------------------------------


def test_text_without_context_is_its_first_whole_word_occurrence():
    (entry,) = gold({"category": "untranslated", "text": "ve"})
    # "ve" occurs first inside "have"; the standalone word comes later.
    assert TEXT.index("ve") < entry.spans[0].start
    assert entry.spans == (Span(at("pier ve")[0] + 5, at("pier ve")[1]),)


def test_context_picks_the_occurrence():
    (entry,) = gold({"category": "untranslated", "text": "ve", "context": "grant ve the"})
    start = at("grant ve the")[0] + len("grant ")
    assert entry.spans == (Span(start, start + 2),)


def test_part_of_a_word_is_found_when_it_never_stands_alone():
    text = "The deal was signed toutefoisThe talks went on.\n"
    (entry,) = gold({"category": "untranslated", "text": "toutefois"}, text=text)
    assert text[entry.spans[0].start:entry.spans[0].end] == "toutefois"


def test_alternative_outside_the_context_counts_everywhere():
    (entry,) = gold({"category": "name", "text": "Demirtas", "context": "Demirtas said",
                     "alternatives": ["Demirtaş"]})
    assert entry.spans[0] == Span(*at("Demirtas"))
    assert entry.spans[1:] == (Span(*at("Demirtaş")),)


def test_alternative_inside_the_context_counts_only_there():
    text = "Ayla Kaya and Ayla Demir spoke. Ms Kaya left.\n"
    (entry,) = gold({"category": "name", "text": "Kaya", "context": "Ms Kaya",
                     "alternatives": ["Ms"]}, text=text)
    assert entry.spans == (Span(*at("Kaya", text, 1)), Span(*at("Ms", text)))
    spans = locate(text, "Kaya", None, ["Ayla"])
    assert spans == (Span(*at("Kaya", text)), Span(*at("Ayla", text)),
                     Span(*at("Ayla", text, 1)))


def test_also_categories_and_optional_are_read():
    (entry,) = gold({"category": "boilerplate", "text": "Share this story",
                     "also_categories": ["untranslated"], "optional": True, "note": "debris"})
    assert entry.accepted == {"boilerplate", "untranslated"}
    assert entry.optional
    assert entry.note == "debris"


@pytest.mark.parametrize(("raw", "message"), [
    ('[{"category": "broken", "text": "pier"', "not valid JSON at line 1"),
    ('{"category": "broken"}', "expected a list of entries"),
    ('["pier"]', "entry 1: expected an object"),
    ('[{"category": "broken", "text": "no such words"}]', "text not found in the article"),
    ('[{"category": "broken", "text": "pier", "context": "no such pier"}]',
     "context 'no such pier' not found"),
    ('[{"category": "broken", "text": "ferry", "context": "the grant"}]',
     "text not found inside its context"),
    ('[{"category": "name", "text": "Demirtas", "alternatives": ["Demirtasch"]}]',
     "alternative 'Demirtasch' not found"),
    ('[{"category": "broken", "text": "pier", "alternative": ["x"]}]',
     "unknown key 'alternative'; did you mean 'alternatives'?"),
    ('[{"category": "untranslatd", "text": "ve"}]', "did you mean 'untranslated'?"),
    ('[{"text": "ve"}]', "category must be one of"),
    ('[{"category": "broken", "text": ""}]', "'text' must be a non-empty string"),
    ('[{"category": "broken", "text": "pier", "optional": "yes"}]', "'optional' must be"),
    ('[{"category": "broken", "text": "pier", "also_categories": ["style"]}]',
     "also_categories must be one of"),
    ('[{"category": "broken", "text": "pier", "alternatives": "pier"}]',
     "'alternatives' must be a list"),
])
def test_bad_gold_is_an_input_error_naming_file_and_entry(raw, message):
    with pytest.raises(InputError) as caught:
        parse_gold(raw, TEXT, "x/a.gold.json")
    assert str(caught.value).startswith("x/a.gold.json")
    assert message in str(caught.value)


def test_second_entry_is_named_by_number_and_text():
    raw = json.dumps([{"category": "broken", "text": "pier"},
                      {"category": "broken", "text": "jetty"}])
    with pytest.raises(InputError, match=r"entry 2 \('jetty'\): text not found"):
        parse_gold(raw, TEXT, "a.gold.json")


def test_entries_on_the_same_span_get_a_note():
    entries = gold({"category": "untranslated", "text": "ve"},
                   {"category": "untranslated", "text": "ve", "note": "the second one"},
                   {"category": "untranslated", "text": "ve", "context": "grant ve"},
                   {"category": "broken", "text": "ve"})
    assert duplicates(entries, "a.gold.json") == [
        "a.gold.json: entries 1 and 2 ('ve') locate the same span; give a context to pick "
        "another occurrence"]


# ---- the matcher -----------------------------------------------------------------------


def test_right_category_on_an_overlapping_span_is_a_true_positive():
    entries = gold({"category": "untranslated", "text": "ve", "context": "pier ve"})
    result = score(entries, [finding(at("pier ve thanked"), "untranslated")])
    assert result.total == Counts(tp=1)
    assert not result.misses
    assert not result.false_positives


def test_finding_on_the_wrong_span_is_not_counted():
    entries = gold({"category": "untranslated", "text": "ve", "context": "pier ve"})
    # The other "ve", and a span that only touches the gold span, both miss it.
    other_ve = at("grant ve")[1] - 2
    touching = at("pier ve")[1]
    wrong = [finding((other_ve, other_ve + 2), "untranslated"),
             finding((touching, touching + 8), "untranslated")]
    result = score(entries, wrong)
    assert result.total == Counts(tp=0, fp=2, fn=1)
    assert [m.text for m in result.misses] == ["ve"]
    assert len(result.false_positives) == 2


def test_finding_with_the_wrong_category_is_not_counted():
    entries = gold({"category": "untranslated", "text": "ve", "context": "pier ve"})
    result = score(entries, [finding(at("pier ve"), "broken", "broken.some-rule")])
    assert result.counts == {"untranslated": Counts(fn=1), "broken": Counts(fp=1)}
    assert result.misses[0].overlapping == ("broken.some-rule",)
    assert result.false_positives[0].overlapping == ("untranslated",)


def test_also_categories_are_accepted():
    entries = gold({"category": "boilerplate", "text": "Share this story",
                    "also_categories": ["untranslated"]})
    result = score(entries, [finding(at("Share this"), "untranslated")])
    # The entry counts under its own category, whoever found it.
    assert result.counts == {"boilerplate": Counts(tp=1)}


def test_a_finding_on_an_alternative_matches():
    entries = gold({"category": "name", "text": "Demirtas", "alternatives": ["Demirtaş"]})
    result = score(entries, [finding(at("Demirtaş"), "name")])
    assert result.total == Counts(tp=1)


def test_an_alternative_found_inside_the_context_does_not_count_elsewhere():
    text = "Ayla Kaya and Ayla Demir spoke. Ms Kaya left.\n"
    entries = gold({"category": "name", "text": "Kaya", "context": "Ms Kaya",
                    "alternatives": ["Ayla"]}, text=text)
    inside = gold({"category": "name", "text": "Kaya", "context": "Ayla Demir spoke. Ms Kaya",
                   "alternatives": ["Ayla"]}, text=text)
    first_ayla = finding(at("Ayla", text), "name", text=text)
    assert score_article("t.txt", text, entries, [first_ayla], 9).total == Counts(tp=1)
    assert score_article("t.txt", text, inside, [first_ayla], 9).total == Counts(fp=1, fn=1)


def test_optional_entries_are_neither_missed_nor_false_positives():
    entries = gold({"category": "broken", "text": "ferry pier", "optional": True},
                   {"category": "name", "text": "Demirtas", "optional": True})
    result = score(entries, [finding(at("ferry"), "broken")])
    assert result.total == Counts()
    assert result.optional_matched == 1
    assert not result.misses
    assert not result.false_positives


def test_several_findings_on_one_entry_count_once_and_are_not_false_positives():
    entries = gold({"category": "broken", "text": "would have cost twice"})
    found = [finding(at("would have"), "broken", "broken.a"),
             finding(at("cost twice"), "broken", "broken.b"),
             finding(at("have cost"), "broken", "broken.a")]
    result = score(entries, found)
    assert result.total == Counts(tp=1)
    assert result.by_rule["broken.a"].findings == 2
    assert result.by_rule["broken.a"].fp == 0


def test_one_finding_over_two_entries_finds_both():
    entries = gold({"category": "untranslated", "text": "ve", "context": "grant ve"},
                   {"category": "untranslated", "text": "the loan"})
    result = score(entries, [finding(at("ve the loan"), "untranslated")])
    assert result.total == Counts(tp=2)
    assert len(match(entries, [finding(at("ve the loan"), "untranslated")]).by_finding[0]) == 2


def test_every_finding_on_a_clean_article_is_a_false_positive():
    result = score((), [finding(at("pier"), "broken"), finding(at("Share"), "boilerplate")])
    assert result.clean
    assert result.total == Counts(fp=2, fp_clean=2)
    assert all(f.clean for f in result.false_positives)


def test_zero_length_finding_matches_at_the_edge_of_a_span():
    entries = gold({"category": "fidelity", "text": "Demirtas said"})
    start, end = at("Demirtas said")
    assert score(entries, [finding((end, end), "fidelity")]).total == Counts(tp=1)
    assert score(entries, [finding((start - 1, start - 1), "fidelity")]).total == Counts(
        fp=1, fn=1)


def test_overlap_is_half_open():
    span = Span(10, 15)
    assert overlaps(14, 20, span)
    assert overlaps(0, 11, span)
    assert not overlaps(15, 20, span)
    assert not overlaps(5, 10, span)


def test_crashed_rules_are_listed_not_scored():
    crash = Finding("internal.rule-crashed", "internal", Severity.MINOR, 0, 0, 1, 1, "",
                    "rule broken.x crashed: ValueError: boom", None, 1.0)
    result = score((), [crash])
    assert result.total == Counts()
    assert result.crashes == ("rule broken.x crashed: ValueError: boom",)


def test_category_filter_drops_other_findings_and_gold():
    entries = gold({"category": "untranslated", "text": "ve", "context": "pier ve"},
                   {"category": "name", "text": "Demirtas"})
    found = [finding(at("pier ve"), "broken"), finding(at("Demirtas"), "name")]
    result = score(entries, found, categories=("untranslated",))
    assert result.counts == {"untranslated": Counts(fn=1)}
    assert not result.false_positives


def test_snippet_marks_the_span_on_one_line_and_shows_invisibles():
    text = "First line.\nKalinin\u200bgrad is a city on the Baltic coast of Russia today."
    start, end = at("Kalinin\u200bgrad", text)
    shown = snippet(text, start, end, width=8)
    assert shown == "…t line. «Kalinin<U+200B>grad» is a ci…"


# ---- figures and thresholds ------------------------------------------------------------


def test_precision_recall_f1_and_their_nulls():
    assert Counts(tp=3, fp=1, fn=2).precision == 0.75
    assert Counts(tp=3, fp=1, fn=2).recall == 0.6
    assert Counts(tp=3, fp=1, fn=2).f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts(fn=2).precision is None
    assert Counts(fn=2).f1 == 0.0
    assert Counts(fp=2).recall is None
    assert Counts().f1 is None


def _evaluation(*articles) -> Evaluation:
    return Evaluation("corpus", CATEGORIES, tuple(articles))


def test_thresholds_pass_fail_and_pass_when_not_measured():
    entries = gold({"category": "untranslated", "text": "ve", "context": "pier ve"},
                   {"category": "name", "text": "Demirtas"})
    flawed = score(entries, [finding(at("Demirtas"), "name")])
    clean = score_article("c.txt", TEXT, (), [finding(at("pier"), "broken")], 500)
    ev = _evaluation(flawed, clean)
    assert ev.value("fp_per_kw") == 2.0
    verdicts = judge(ev, [Threshold("recall", 0.5), Threshold("recall", 0.6),
                          Threshold("recall", 1.0, "name"), Threshold("precision", 0.9),
                          Threshold("precision", 0.9, "fidelity"),
                          Threshold("fp_per_kw", 2.0), Threshold("fp_per_kw", 1.0, "broken")])
    assert [v.passed for v in verdicts] == [True, False, True, False, True, True, False]
    assert verdicts[4].value is None
    assert "not measured" in verdicts[4].describe()
    assert verdicts[1].describe() == "recall 0.500 < 0.6 (--min-recall 0.6)"


def test_fp_per_kw_without_clean_articles_is_not_measured():
    flawed = score(gold({"category": "name", "text": "Demirtas"}), [])
    assert _evaluation(flawed).value("fp_per_kw") is None


@pytest.mark.parametrize(("spec", "expected"), [
    ("0.8", Threshold("recall", 0.8)),
    ("untranslated=0.9", Threshold("recall", 0.9, "untranslated")),
    ("1", Threshold("recall", 1.0)),
])
def test_parse_threshold(spec, expected):
    assert parse_threshold("recall", spec) == expected


@pytest.mark.parametrize("spec", ["1.5", "-0.1", "abc", "style=0.5", "nan", ""])
def test_parse_threshold_rejects(spec):
    with pytest.raises(ValueError):  # noqa: PT011 - the message is tested through the CLI
        parse_threshold("recall", spec)


_SPANS = st.tuples(st.integers(0, len(TEXT) - 1), st.integers(0, 12)).map(
    lambda p: (p[0], min(len(TEXT), p[0] + p[1])))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_SPANS, st.sampled_from(CATEGORIES), st.booleans()), max_size=6),
       st.lists(st.tuples(_SPANS, st.sampled_from(CATEGORIES)), max_size=8))
def test_counts_are_consistent_for_any_gold_and_findings(raw_entries, raw_findings):
    entries = tuple(GoldEntry(i, category, frozenset([category]), TEXT[s:e] or "x",
                              (Span(s, max(e, s + 1)),), optional)
                    for i, ((s, e), category, optional) in enumerate(raw_entries))
    found = [finding(span, category) for span, category in raw_findings]
    result = score(entries, found)
    total = result.total
    assert total.tp + total.fn == sum(not e.optional for e in entries)
    assert total.fp == len(result.false_positives) <= len(found)
    assert total.fn == len(result.misses)
    matched = match(entries, found)
    assert matched.by_finding == tuple(
        tuple(i for i, e in enumerate(entries) if accepts(e, f)) for f in found)
    assert total.fp == sum(not hits for hits in matched.by_finding)
    assert total.tp == sum(bool(hits) for e, hits in zip(entries, matched.by_entry, strict=True)
                           if not e.optional)
    assert sum(result.counts.values(), Counts()) == total
    # A second copy of every finding changes nothing but the false-positive count.
    again = score(entries, found + found).total
    assert (again.tp, again.fn, again.fp) == (total.tp, total.fn, 2 * total.fp)


# ---- the command -----------------------------------------------------------------------


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write_corpus(folder: Path, articles: dict[str, tuple[str, list[dict[str, object]] | None]],
                 ) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (text, entries) in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        if entries is not None:
            (folder / f"{name}.gold.json").write_text(json.dumps(entries), encoding="utf-8")
    return folder


FLAWED = ("The council approved the the budget on Tuesday.\n\n"
          "Members said that the plan would help the harbour district.\n\n"
          "The vote was close, and and the mayor thanked the members.\n")
CLEAN_TEXT = ("The council met on Tuesday to discuss the harbour.\n\n"
              "Members agreed to meet again in the spring.\n")
DOUBLED = ["--select", "broken.doubled-word"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", {
        "flawed": (FLAWED, [{"category": "broken", "text": "the the"},
                            {"category": "broken", "text": "would help", "note": "planted"}]),
        "clean": (CLEAN_TEXT, []),
        "noisy": ("The harbour opened in in May and the port grew quickly.\n", []),
    })


def run(runner: CliRunner, *args: str):
    return runner.invoke(main, ["eval", *args])


def test_json_counts_matches_misses_and_false_positives(runner, corpus):
    result = run(runner, str(corpus), "--format", "json", *DOUBLED)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "mtcheck-eval/1"
    assert list(data["by_category"]) == list(CATEGORIES)
    # "the the" found; "would help" missed; "and and" in the flawed article and "in in"
    # in the clean-gold article are false positives.
    overall = data["overall"]
    assert (overall["gold"], overall["tp"], overall["fp"], overall["fn"]) == (2, 1, 2, 1)
    assert overall["fp_clean"] == 1
    assert overall["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert overall["recall"] == 0.5
    assert overall["f1"] == pytest.approx(0.4)
    assert data["clean_articles"] == 2
    assert data["overall"]["fp_per_kw"] == pytest.approx(1000 / data["clean_words"], abs=1e-3)
    assert [m["text"] for m in data["misses"]] == ["would help"]
    assert data["misses"][0]["line"] == 3
    assert sorted(f["text"] for f in data["false_positives"]) == ["and and", "in in"]
    assert data["by_category"]["fidelity"]["precision"] is None
    assert data["passed"] is True


def test_text_lists_every_miss_and_false_positive_with_context(runner, corpus):
    result = run(runner, str(corpus), *DOUBLED)
    assert result.exit_code == 0
    out = result.stdout
    assert "Misses (1):" in out
    assert f"{corpus / 'flawed.txt'}:3:28: broken 'would help' [planted]" in out
    assert "the plan «would help» the harbour" in out
    assert "False positives (2):" in out
    assert f"{corpus / 'noisy.txt'}:1:20: [broken.doubled-word] 'in in' (clean article)" in out
    assert "overall" in out


def test_thresholds_exit_1_and_say_which(runner, corpus):
    result = run(runner, str(corpus), *DOUBLED, "--min-recall", "0.9",
                 "--min-precision", "broken=0.2", "--max-fp-per-kw", "1000")
    assert result.exit_code == 1
    assert "threshold not met: recall 0.500 < 0.9 (--min-recall 0.9)" in result.stderr
    assert "precision" not in result.stderr
    ok = run(runner, str(corpus), *DOUBLED, "--min-recall", "broken=0.5", "--format", "json")
    assert ok.exit_code == 0
    assert json.loads(ok.stdout)["thresholds"][0]["passed"] is True
    fp = run(runner, str(corpus), *DOUBLED, "--max-fp-per-kw", "0")
    assert fp.exit_code == 1
    assert "fp_per_kw" in fp.stderr


def test_bad_threshold_is_a_usage_error(runner, corpus):
    result = run(runner, str(corpus), "--min-recall", "brokn=0.5")
    assert result.exit_code == 2
    assert "unknown category 'brokn'" in result.stderr


def test_select_ignore_and_category(runner, corpus):
    none = run(runner, str(corpus), "--ignore", "broken", "--format", "json")
    data = json.loads(none.stdout)
    assert data["by_category"]["broken"]["tp"] == 0
    assert data["by_category"]["broken"]["precision"] is None
    only = run(runner, str(corpus), *DOUBLED, "--category", "name", "--format", "json")
    data = json.loads(only.stdout)
    assert data["categories"] == ["name"]
    assert data["overall"]["gold"] == 0
    assert data["false_positives"] == []
    bad = run(runner, str(corpus), "--select", "broken.doubled-wrd")
    assert bad.exit_code == 2
    assert "did you mean 'broken.doubled-word'" in bad.stderr


def test_config_file_is_used(runner, corpus, tmp_path):
    config = tmp_path / "mtcheck.toml"
    config.write_text('ignore = ["broken"]\n', encoding="utf-8")
    result = run(runner, str(corpus), "--config", str(config), "--format", "json")
    assert json.loads(result.stdout)["overall"]["tp"] == 0
    assert run(runner, str(corpus), "--config", str(tmp_path / "none.toml")).exit_code == 2


def test_source_and_reference_are_passed_not_evaluated(runner, tmp_path, monkeypatch):
    import mtcheck.analyze

    folder = write_corpus(tmp_path / "c", {"a": (FLAWED, [{"category": "broken",
                                                          "text": "the the"}])})
    (folder / "a.src.txt").write_text("Der Rat billigte den Haushalt.\n", encoding="utf-8")
    (folder / "a.ref.txt").write_text("The council approved the budget.\n", encoding="utf-8")
    seen: list[tuple[str | None, str | None]] = []
    original = mtcheck.analyze.document

    def spy(text: str, path: str = "<text>", **kw: object):
        doc = original(text, path, **kw)  # type: ignore[arg-type]
        if path == str(folder / "a.txt"):
            seen.append((doc.source and doc.source.text, doc.reference and doc.reference.text))
        return doc

    monkeypatch.setattr(mtcheck.analyze, "document", spy)
    result = run(runner, str(folder), *DOUBLED, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 1
    assert data["per_article"][0]["source"] == str(folder / "a.src.txt")
    assert seen == [("Der Rat billigte den Haushalt.\n", "The council approved the budget.\n")]
    assert data["notes"] == []


def test_article_without_gold_is_skipped_with_a_note(runner, corpus):
    (corpus / "unannotated.txt").write_text("Some text.\n", encoding="utf-8")
    result = run(runner, str(corpus), *DOUBLED, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["articles"] == 3
    assert "unannotated.txt: no unannotated.gold.json; skipped" in result.stderr


def test_one_article_file_can_be_evaluated(runner, corpus):
    result = run(runner, str(corpus / "flawed.txt"), *DOUBLED, "--format", "json")
    assert json.loads(result.stdout)["articles"] == 1


@pytest.mark.parametrize(("gold_text", "message"), [
    ('[{"category": "broken", "text": "the the"', "flawed.gold.json: not valid JSON"),
    ('[{"category": "broken", "text": "missing words"}]',
     "flawed.gold.json: entry 1 ('missing words'): text not found in the article"),
    ('{"category": "broken"}', "expected a list"),
    ('[{"category": "brokn", "text": "the the"}]', "did you mean 'broken'"),
])
def test_bad_gold_exits_2_without_a_traceback(runner, corpus, gold_text, message):
    (corpus / "flawed.gold.json").write_text(gold_text, encoding="utf-8")
    result = run(runner, str(corpus), *DOUBLED)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_gold_that_is_not_utf8_exits_2(runner, corpus):
    (corpus / "clean.gold.json").write_bytes(b"[\xff]")
    result = run(runner, str(corpus))
    assert result.exit_code == 2
    assert "clean.gold.json: not valid UTF-8" in result.stderr


def test_missing_or_empty_directory_exits_2(runner, tmp_path):
    missing = run(runner, str(tmp_path / "nowhere"))
    assert missing.exit_code == 2
    assert "no such directory" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = run(runner, str(tmp_path / "empty"))
    assert empty.exit_code == 2
    assert "no annotated articles" in empty.stderr


def test_output_file(runner, corpus, tmp_path):
    out = tmp_path / "eval.json"
    result = run(runner, str(corpus), *DOUBLED, "--format", "json", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["overall"]["tp"] == 1


def test_discover_ignores_companions_and_hidden_files(tmp_path):
    folder = write_corpus(tmp_path / "c", {"a": ("Text.\n", [])})
    (folder / "a.src.txt").write_text("Texte.\n", encoding="utf-8")
    (folder / "orphan.ref.txt").write_text("Text.\n", encoding="utf-8")
    (folder / ".backup").mkdir()
    write_corpus(folder / ".backup", {"b": ("Text.\n", [])})
    articles, notes = discover(folder)
    assert [a.article.name for a in articles] == ["a.txt"]
    assert articles[0].source == folder / "a.src.txt"
    assert notes == [f"{folder / 'orphan.ref.txt'}: no article orphan.txt next to it; ignored"]


@pytest.mark.skipif(not DEV.is_dir(), reason="the annotated dev corpus is not checked out")
def test_dev_corpus_gives_json_with_per_category_figures(runner):
    result = run(runner, str(DEV), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["articles"] >= 10
    assert data["clean_articles"] >= 1
    for category in CATEGORIES:
        figures = data["by_category"][category]
        assert figures["tp"] + figures["fn"] == figures["gold"]
        for key in ("precision", "recall", "f1"):
            assert figures[key] is None or 0 <= figures[key] <= 1
    assert data["overall"]["gold"] == sum(c["gold"] for c in data["by_category"].values())
    assert data["overall"]["gold"] > 0
