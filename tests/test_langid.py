"""Language identification: detectors, the short-span model, the article's source language."""

from __future__ import annotations

import pytest

from mtcheck import langid
from mtcheck.analyze import document, notes_of
from mtcheck.langid import (
    UNKNOWN,
    candidate_languages,
    detect,
    detect_span,
    foreign_residue,
    frequency_span_guess,
    identify,
    language_name,
    normalize_code,
    source_language,
    vote,
)


def test_langdetect_is_deterministic_and_restricted_to_candidates():
    text = "Die Bahn bezeichnete den Streik als unverhältnismäßig und kündigte Klagen an."
    first = detect(text)
    assert first == detect(text)
    assert first.lang == "de"
    assert first.detector == "langdetect"
    # Restricted to English and Turkish, nothing langdetect saw is left: unknown.
    assert detect(text, ("tr",)) == UNKNOWN
    turkish = detect("Merkez Bankası bir sonraki faiz kararını Mayıs ayında açıklayacak.",
                     ("tr",))
    assert turkish.lang == "tr"
    assert 0.5 < turkish.confidence <= 1.0


def test_detect_without_words_is_unknown():
    assert detect("123 456 !!") == UNKNOWN
    assert not UNKNOWN.known


@pytest.mark.parametrize(("span", "lang", "expected"), [
    ("ve", "tr", "tr"), ("faiz kararı", "tr", "tr"), ("und laut", "de", "de"),
    ("según", "es", "es"), ("the committee said", "tr", "en"), ("deposit rates", "de", "en"),
    ("selon", "fr", "fr"), ("volgens", "nl", "nl"),
])
def test_short_spans_use_the_frequency_model(span, lang, expected):
    guess = detect_span(span, (lang,))
    assert guess.lang == expected
    assert guess.detector == "wordfreq"


def test_frequency_model_needs_a_candidate_language():
    assert frequency_span_guess("und laut", ()) == UNKNOWN
    assert frequency_span_guess("", ("de",)) == UNKNOWN


def test_identify_routes_by_length_and_decisiveness():
    assert identify("Lesen Sie auch", ("de",)).detector == "wordfreq"
    sentence = "Die Bahn bezeichnete den Streik als unverhältnismäßig."
    assert identify(sentence, ("de",)).lang == "de"
    # Without candidate languages langdetect answers.
    assert identify(sentence).detector == "langdetect"


def test_script_decides_for_cyrillic():
    guess = identify("Это решение не останется без ответа.")
    assert guess.detector == "script"
    assert guess.lang == "ru"


def test_lingua_backend_falls_back_when_it_is_missing(monkeypatch):
    monkeypatch.setattr(langid, "_lingua", lambda langs: None)
    assert detect_span("und laut", ("de",), backend="lingua").detector == "wordfreq"


def test_lingua_backend_when_installed():
    pytest.importorskip("lingua")
    guess = detect_span("faiz kararı", ("tr",), backend="lingua")
    assert guess.detector == "lingua"
    assert guess.lang == "tr"


@pytest.mark.parametrize(("code", "normal"), [
    ("pt-BR", "pt"), ("no", "nb"), ("zh-cn", "zh"), (" DE ", "de"), ("en_GB", "en"),
])
def test_language_codes_are_normalized(code, normal):
    assert normalize_code(code) == normal


def test_language_names():
    assert language_name("tr") == "Turkish"
    assert language_name("xx") == "xx"


def test_vote_prefers_the_language_with_most_evidence():
    assert vote(["ve", "ancak", "yıldırım", "kütükçü"]).lang == "tr"
    assert vote(["según", "además", "que"]).lang == "es"
    # One ambiguous word (German `laut`, Indonesian `laut`): the common source wins.
    assert vote(["laut"]).lang == "de"
    assert vote(["committee"]) == UNKNOWN


def test_residue_keeps_lower_case_and_foreign_letter_words():
    residue = foreign_residue(["The", "ve", "Kütükçü", "said", "123", "Ankara"])
    assert residue == ["kütükçü", "said", "ve"]


def test_source_language_given_detected_from_source_or_guessed():
    given = document("Credit growth ve deposit rates.", src_lang="TR")
    assert source_language(given) == "tr"
    assert "src_lang_detected" not in notes_of(given)
    with_source = document("Rates were held.", source="Merkez Bankası faizi sabit tuttu ve "
                           "bir sonraki kararını Mayıs ayında açıklayacak.")
    assert source_language(with_source) == "tr"
    assert notes_of(with_source)["src_lang_detected"] == "tr"
    guessed = document("Credit growth ve deposit rates rose. Ancak the bank waited.")
    assert source_language(guessed) == "tr"
    assert notes_of(guessed)["src_lang_detected"] == "tr"


def test_clean_english_has_no_source_language():
    doc = document("The committee said on Monday that rates would stay unchanged.")
    assert source_language(doc) is None
    assert candidate_languages(doc) == ()
    assert "src_lang_detected" not in notes_of(doc)


def test_close_relatives_are_kept_as_candidates():
    doc = document("Exports fell, segundo the council, and prices rose.")
    langs = candidate_languages(doc)
    assert langs[0] == "pt"
    assert set(langs) <= {"pt", "es", "gl", "ca"}
