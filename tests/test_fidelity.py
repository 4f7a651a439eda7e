"""Fidelity rules: changed figures, omissions, additions, lost names and quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtcheck.analyze import document
from mtcheck.cli import main
from mtcheck.config import Config
from mtcheck.engine import findings
from mtcheck.evaluate import accepts
from mtcheck.gold import parse_gold
from mtcheck.model import Finding

DEV = Path(__file__).resolve().parent.parent / "corpora" / "annotated" / "dev"
FIDELITY = Config().with_overrides(select=("fidelity",))


def _fidelity(text: str, source: str, src_lang: str | None = None) -> list[Finding]:
    doc = document(text, "t.txt", source=source, src_lang=src_lang)
    found, _ = findings(doc, FIDELITY, strict=True)
    return found


def _rules(found: list[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in found]


# ---- changed figures ------------------------------------------------------------------


def test_changed_number_points_at_the_wrong_figure_and_suggests_the_source_one():
    found = _fidelity("The union called a 24-hour strike. Around 2,000 trains are affected.",
                      "Die Gewerkschaft rief zu einem 48-stündigen Streik auf. Betroffen "
                      "sind rund 20.000 Züge.", "de")
    assert _rules(found) == [("fidelity.number-mismatch", "24"),
                             ("fidelity.number-mismatch", "2,000")]
    assert found[1].suggestion == "20,000"
    assert "20.000 (20,000)" in found[1].message


@pytest.mark.parametrize(("text", "source", "lang"), [
    ("Inflation rose to 68.5% in March.", "Enflasyon mart ayında yüzde 68,5'e yükseldi.",
     "tr"),
    ("Inflation rose to 68.5 percent in March.", "Enflasyon mart ayında %68,5'e yükseldi.",
     "tr"),
    ("The package is worth 1.5 billion euros.", "Das Paket umfasst 1,5 Milliarden Euro.",
     "de"),
    ("About 1,200 people attended.", "Asistieron unas 1.200 personas.", "es"),
    ("About six million people live there.", "Allí viven unos seis millones de personas.",
     "es"),
    ("The talks began on 4 June in Madrid.", "Las conversaciones empezaron el 4 de junio "
     "en Madrid.", "es"),
    ("The strike starts on Wednesday.", "Der Streik beginnt am Mittwoch.", "de"),
    ("More than 20,000 visitors came each evening.", "Plus de 20 000 visiteurs sont venus "
     "chaque soir.", "fr"),
    ("The fee rose to 3.5 million zlotys.", "Opłata wzrosła do 3,5 mln zł.", "pl"),
])
def test_the_same_figure_in_another_notation_is_not_flagged(text, source, lang):
    assert _fidelity(text, source, lang) == []


@pytest.mark.parametrize(("text", "source", "lang", "wrong"), [
    ("Inflation rose to 86.5 percent in March.",
     "Enflasyon mart ayında yüzde 68,5'e yükseldi.", "tr", "86.5 percent"),
    ("The talks began on 4 July in Madrid.",
     "Las conversaciones empezaron el 4 de junio en Madrid.", "es", "July"),
    ("The strike starts on Thursday.", "Der Streik beginnt am Mittwoch.", "de", "Thursday"),
    ("The audit should cost about 12 million reais.",
     "A auditoria deve custar cerca de R$ 1,2 milhão.", "pt", "12 million reais"),
])
def test_changed_figures_months_and_days(text, source, lang, wrong):
    assert _rules(_fidelity(text, source, lang)) == [("fidelity.number-mismatch", wrong)]


def test_a_figure_moved_to_the_next_sentence_is_not_changed():
    found = _fidelity("The council met on Monday. It approved 12 projects worth 40 million "
                      "euros.", "Der Rat tagte am Montag und billigte 12 Projekte. Sie "
                      "kosten 40 Millionen Euro.", "de")
    assert [f for f in found if f.rule == "fidelity.number-mismatch"] == []


def test_an_added_figure_without_a_changed_one_is_not_flagged():
    # The translation adds the year; no source figure is missing, so nothing was changed.
    assert _fidelity("The museum opened in May 2024.", "Das Museum öffnete im Mai 2024.",
                     "de") == []
    assert _fidelity("The museum opened this spring, in 2024.",
                     "Das Museum öffnete in diesem Frühjahr.", "de") == []


# ---- omissions and additions ----------------------------------------------------------

SOURCE = "\n\n".join([
    "Rat beschließt Haushalt",
    "Der Stadtrat von Kassel hat am Dienstag den Haushalt beschlossen. Er umfasst "
    "Ausgaben von 812 Millionen Euro.",
    "Der Verband der Steuerzahler kritisierte die hohen Personalkosten der "
    "Verwaltung scharf.",
    "Die Schulden der Stadt sollen bis 2028 um 40 Millionen Euro sinken.",
]) + "\n"

TRANSLATION = "\n\n".join([
    "Council adopts budget",
    "Kassel city council adopted the budget on Tuesday. It covers spending of 812 "
    "million euros.",
    "The city's debt is to fall by 40 million euros by 2028.",
]) + "\n"


def test_omitted_paragraph_is_reported_on_the_sentence_before_the_gap():
    found = _fidelity(TRANSLATION, SOURCE, "de")
    assert _rules(found) == [("fidelity.omitted-segment",
                              "It covers spending of 812 million euros.")]
    assert "Steuerzahler" in found[0].message
    assert "after this sentence" in found[0].message


def test_an_omission_next_to_a_line_of_page_debris_is_still_reported():
    # The debris line sits where the dropped paragraph was.
    paragraphs = TRANSLATION.split("\n\n")
    text = "\n\n".join([*paragraphs[:2], "Share this article", *paragraphs[2:]])
    found = _fidelity(text, SOURCE, "de")
    assert [f.rule for f in found] == ["fidelity.omitted-segment"]
    assert "Steuerzahler" in found[0].message


def test_omission_at_the_start_is_reported_on_the_sentence_after_the_gap():
    source = ("Die Regierung hat am Dienstag ein neues Klimagesetz vorgestellt. Es soll im "
              "Herbst in Kraft treten. Die Opposition lehnt es ab.")
    text = "It is to come into force in the autumn. The opposition rejects it."
    found = _fidelity(text, source, "de")
    assert _rules(found) == [("fidelity.omitted-segment",
                              "It is to come into force in the autumn.")]
    assert "before this sentence" in found[0].message


def test_omitted_sentence_inside_a_paragraph():
    source = ("Ein Haushalt zahlte im März 41,5 Cent pro Kilowattstunde. Im Vorjahr waren es "
              "noch 38,9 Cent gewesen. Rund 12.500 Haushalte nahmen an der Erhebung teil.")
    text = ("A household paid 41.5 cents per kilowatt hour in March. Around 12,500 households "
            "took part in the survey.")
    found = _fidelity(text, source, "de")
    assert _rules(found) == [("fidelity.omitted-segment",
                              "A household paid 41.5 cents per kilowatt hour in March.")]
    assert "38,9 Cent" in found[0].message


def test_added_sentence_is_flagged_and_debris_lines_are_not():
    source = ("El Gobierno aprobó el plan el martes. La oposición votó en contra.\n\n"
              "La medida entrará en vigor en enero.")
    text = ("The government approved the plan on Tuesday. The opposition voted against it.\n\n"
            "Experts believe that the plan could be changed again before the summer.\n\n"
            "The measure will come into force in January.\n\nShare this article")
    found = _fidelity(text, source, "es")
    assert _rules(found) == [("fidelity.added-segment", "Experts believe that the plan could "
                              "be changed again before the summer.")]


def test_a_replaced_sentence_is_one_finding_naming_what_it_replaced():
    source = ("Der Rat tagte am Montag. Die Opposition protestierte. Er billigte den "
              "Haushalt.")
    text = ("The council met on Monday. Heavy snow is expected in the mountains over the long "
            "weekend, and the weather service has warned drivers to stay at home unless their "
            "journey is absolutely necessary. It approved the budget.")
    found = _fidelity(text, source, "de")
    assert [f.rule for f in found] == ["fidelity.added-segment"]
    assert "Die Opposition protestierte." in found[0].message


def test_a_translation_much_longer_than_its_source_may_add_to_it():
    source = "Der Rat tagte am Montag. Er billigte den Haushalt. Die Sitzung war kurz."
    text = ("The council met on Monday. It approved the budget, which residents and opposition "
            "parties had criticised for months. The meeting was short.")
    found = _fidelity(text, source, "de")
    assert [f.rule for f in found] == ["fidelity.added-segment"]
    assert "it may add to it" in found[0].message


def test_a_translation_much_shorter_than_its_source_is_partly_omitted():
    source = ("Die Regierung kündigte am Montag an, die Steuern für kleine Unternehmen zu "
              "senken, die Sozialabgaben für Geringverdiener zu halbieren und die Renten "
              "im kommenden Jahr deutlich zu erhöhen.")
    text = "The government announced tax cuts on Monday."
    found = _fidelity(text, source, "de")
    assert [f.rule for f in found] == ["fidelity.omitted-segment"]
    assert "part of it may be missing" in found[0].message


def test_sentences_split_or_joined_by_the_translation_are_no_omission():
    source = ("Das Unternehmen hatte gegen die Strafe geklagt und argumentiert, die "
              "Ermittlungen, die mehr als zwei Jahre dauerten und Tausende Verträge betrafen, "
              "seien fehlerhaft gewesen. Die Richter wiesen alle Argumente zurück.")
    text = ("The company had appealed against the fine, arguing that the investigation was "
            "flawed. That investigation lasted more than two years and affected thousands of "
            "contracts. The judges rejected all of the arguments.")
    assert _fidelity(text, source, "de") == []


# ---- names and quotes -----------------------------------------------------------------


def test_a_dropped_full_name_is_reported_on_its_sentence():
    found = _fidelity("The goals were scored by Mauro Icardi and a midfielder.",
                      "Golleri Emre Kalkan ve Mauro Icardi kaydetti.", "tr")
    assert _rules(found) == [("fidelity.missing-name",
                              "The goals were scored by Mauro Icardi and a midfielder.")]
    assert "'Emre', 'Kalkan'" in found[0].message


@pytest.mark.parametrize(("text", "source", "lang"), [
    ("Spokesman Dmitry Peskov spoke on Wednesday.",
     "Пресс-секретарь Дмитрий Песков выступил в среду.", "ru"),
    ("Union chief Martin Kroeger spoke in Frankfurt.",
     "Gewerkschaftschef Martin Kröger sprach in Frankfurt.", "de"),
    ("Minister Özdemir met investors in London.",
     "Bakan Kemal Özdemir Londra'da yatırımcılarla bir araya geldi.", "tr"),
    ("Prices rose in Bavaria and Saxony.", "Die Preise stiegen in Bayern und Sachsen.", "de"),
])
def test_names_kept_transliterated_shortened_or_translated_are_not_missing(text, source, lang):
    assert _fidelity(text, source, lang) == []


def test_a_quote_turned_into_reported_speech():
    found = _fidelity("She said that many families no longer know how to pay their bills.",
                      "„Viele Familien wissen nicht mehr, wie sie ihre Rechnungen bezahlen "
                      "sollen“, sagte sie.", "de")
    assert [f.rule for f in found] == ["fidelity.lost-quote"]


def test_a_quote_in_other_quotation_marks_is_kept():
    assert _fidelity("“We are facing the worst drought of the century,” Ferrer said.",
                     "«Estamos ante la peor sequía del siglo», afirmó Ferrer.", "es") == []


def test_without_a_source_the_rules_are_skipped_and_the_report_still_works():
    doc = document("Around 2,000 trains are affected.", "t.txt")
    found, skipped = findings(doc, FIDELITY, strict=True)
    assert found == []
    assert "fidelity.number-mismatch" in skipped


# ---- the dev corpus -------------------------------------------------------------------


def _triples(folder: Path) -> list[str]:
    return sorted(p.name[:-len(".src.txt")] for p in folder.glob("*.src.txt"))


def test_precision_and_recall_on_the_dev_triples():
    tp = fp = fn = 0
    for stem in _triples(DEV):
        text = (DEV / f"{stem}.txt").read_text(encoding="utf-8")
        source = (DEV / f"{stem}.src.txt").read_text(encoding="utf-8")
        gold = parse_gold((DEV / f"{stem}.gold.json").read_text(encoding="utf-8"), text, stem)
        found = _fidelity(text, source)
        for f in found:
            matched = [e for e in gold if accepts(e, f)]
            fp += not matched
        for entry in gold:
            if entry.category == "fidelity" and not entry.optional:
                hit = any(accepts(entry, f) for f in found)
                tp += hit
                fn += not hit
    assert tp + fn >= 8, "the dev corpus lost its bilingual triples"
    assert tp / (tp + fn) >= 0.85, (tp, fn)
    assert tp / (tp + fp) >= 0.90, (tp, fp)


# ---- end to end, through the command line ----------------------------------------------

CLI_SOURCE = "\n\n".join([
    "Streik bei der Bahn",
    "Die Gewerkschaft hat für Mittwoch einen Streik im Güterverkehr angekündigt. "
    "Betroffen sind rund 20.000 Verbindungen.",
    "Die Bahn nannte den Streik unverhältnismäßig. Der Konzern will einen "
    "Notfahrplan anbieten.",
    "Der Fahrgastverband Pro Bahn zeigte sich verärgert, weil viele Reisende kaum "
    "Zeit hätten, sich auf den Ausstand einzustellen, und forderte künftig frühere "
    "Ankündigungen.",
    "Die Verhandlungen waren im November abgebrochen worden.",
]) + "\n"

CLI_TRANSLATION = "\n\n".join([
    "Strike at the railway",
    "The union has announced a strike in freight transport for Wednesday. Around "
    "{number} connections are affected.",
    "{copied} The company wants to offer an emergency timetable.",
    "{passengers}",
    "Negotiations had been broken off in November.",
]) + "\n"


def _run_check(tmp_path: Path, number: str = "20,000",
               copied: str = "The railway called the strike disproportionate.",
               passengers: str = "The passenger association Pro Bahn was angry because many "
                                 "travellers had hardly any time to prepare for the walkout, "
                                 "and called for earlier announcements in future.") -> dict:
    src = tmp_path / "a.src.txt"
    src.write_text(CLI_SOURCE, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(CLI_TRANSLATION.format(number=number, copied=copied,
                                              passengers=passengers), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(article), "--source", str(src),
                                       "--src-lang", "de", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    report["exit_code"] = result.exit_code
    return report


def _found(report: dict) -> list[tuple[str, str]]:
    return [(f["rule"], f["text"]) for f in report["documents"][0]["findings"]]


def test_cli_faithful_translation_passes(tmp_path):
    report = _run_check(tmp_path)
    assert [r for r, _ in _found(report) if r.startswith("fidelity.")] == []
    assert report["documents"][0]["notes"]["alignment"]["source"]["method"] == "lines"


def test_cli_catches_a_changed_number(tmp_path):
    report = _run_check(tmp_path, number="2,000")
    assert ("fidelity.number-mismatch", "2,000") in _found(report)
    assert report["exit_code"] == 1


def test_cli_catches_an_omitted_sentence(tmp_path):
    report = _run_check(tmp_path, passengers="")
    assert ("fidelity.omitted-segment", "The company wants to offer an emergency "
            "timetable.") in _found(report)
    document_report = report["documents"][0]
    assert document_report["notes"]["alignment"]["source"]["method"] == "paragraphs+sentences"
    assert report["exit_code"] == 1


def test_cli_catches_a_copied_source_sentence(tmp_path):
    report = _run_check(tmp_path, copied="Die Bahn nannte den Streik unverhältnismäßig.")
    assert ("untranslated.copied-source",
            "Die Bahn nannte den Streik unverhältnismäßig.") in _found(report)
    assert report["exit_code"] == 1


# ---- any input ------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "Der Rat tagte am Montag. ", "The council met on Monday. ", "20.000 ", "2,000 ", "%4,5 ",
    "yüzde 68,5 ", "„Wir sind bereit“, sagte sie. ", "“We are ready,” she said. ", "\n\n",
    "\n", "Katrin Albers ", "Mayıs'ta ", "May ", "six million ", "seis millones ", "€5bn ",
    "23.05.2024 ", "10:30 ", "Ä°stanbul ", "\u200b", "", "Şubat ", "Пескова ", ". ",
])
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=14).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, _TEXTS, st.sampled_from(["de", "tr", "es", "ru", None]))
def test_fidelity_rules_never_crash_and_spans_slice_back(text, source, lang):
    for f in _fidelity(text, source, lang):
        assert text[f.start:f.end] == f.text
        assert f.message
