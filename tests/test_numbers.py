"""Figures read across locales: separators, percentages, scales, spelled-out numbers, dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.numbers import Mention, extract, format_value, guess_language


def _only(text: str, lang: str | None) -> Mention:
    found = [m for m in extract(text, lang) if not m.weak]
    assert len(found) == 1, found
    return found[0]


def _agree(a: str, a_lang: str, b: str, b_lang: str) -> bool:
    return _only(a, a_lang).agrees(_only(b, b_lang))


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("rund 1.200,5 Tonnen", "de", 1200.5),
    ("about 1,200.5 tonnes", "en", 1200.5),
    ("yaklaşık 1.200.000 kişi", "tr", 1_200_000),
    ("un total de 20 000 visiteurs", "fr", 20_000),
    ("около 20\u00a0000 человек", "ru", 20_000),
    ("CHF 1'250 pro Person", "de", 1250),
    ("a rate of 0,75 points", "es", 0.75),
])
def test_grouping_and_decimal_marks(text, lang, value):
    assert value in _only(text, lang).values


def test_a_lone_separator_before_three_digits_keeps_both_readings():
    assert _only("It cost 1.200 lira.", "tr").values == {1200.0, 1.2}
    assert _only("Some 2,000 people came.", "en").values == {2000.0, 2.0}
    # Two digits after the mark can only be a decimal.
    assert _only("The lira traded at 32,40.", "tr").values == {32.4}


@pytest.mark.parametrize(("source", "lang", "target"), [
    ("enflasyon %4,5 oldu", "tr", "inflation was 4.5%"),
    ("enflasyon yüzde 4,5 oldu", "tr", "inflation was 4.5 percent"),
    ("die Inflation lag bei 4,5 %", "de", "inflation was 4.5 per cent"),
    ("la inflación fue del 4,5 por ciento", "es", "inflation was 4.5%"),
    ("l'inflation était de 4,5 pour cent", "fr", "inflation was 4.5%"),
])
def test_percentages_in_every_notation(source, lang, target):
    source_mention = _only(source, lang)
    assert source_mention.kind == "percent"
    assert _only(target, "en").kind == "percent"
    assert _agree(source, lang, target, "en")


@pytest.mark.parametrize(("source", "lang", "target"), [
    ("ein Paket von 1,5 Milliarden Euro", "de", "a package of 1.5 billion euros"),
    ("ein Paket von 1,5 Mrd. Euro", "de", "a package worth €1.5bn"),
    ("un coste de 2.500 millones", "es", "a cost of 2.5 billion"),
    ("un coste de 3 mil millones", "es", "a cost of 3 billion"),
    ("gelir 45 milyon lira oldu", "tr", "revenue was 45 million lira"),
    ("выделят 2,4 трлн рублей", "ru", "2.4 trillion rubles will be allocated"),
    ("52 bin taraftar", "tr", "52,000 fans"),
])
def test_scale_words_multiply(source, lang, target):
    assert _agree(source, lang, target, "en")


def test_changed_figures_do_not_agree():
    assert not _agree("rund 20.000 Verbindungen", "de", "around 2,000 connections", "en")
    assert not _agree("yüzde 68,5", "tr", "86.5 percent", "en")
    assert not _agree("del 16%", "es", "below 61%", "en")


def test_amounts_and_their_kind():
    mention = _only("They raised $32.5 billion last year.", "en")
    assert mention.kind == "amount"
    assert mention.text == "$32.5 billion"
    assert 32.5e9 in mention.values
    assert _only("a wage rise of 555 euros", "en").kind == "amount"


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("about six million people", "en", 6e6),
    ("two hundred thousand", "en", 2e5),
    ("twenty-five people", "en", 25),
    ("unos seis millones de personas", "es", 6e6),
    ("fünfundzwanzig Menschen", "de", 25),
    ("iki yüz kişi", "tr", 200),
])
def test_spelled_out_numbers_are_read_but_weak(text, lang, value):
    spelled = [m for m in extract(text, lang) if m.weak]
    assert any(value in m.values for m in spelled), spelled


def test_fractions_do_not_join_the_number_before():
    values = [m.values for m in extract("about one fifth of the trains", "en")]
    assert frozenset({6.0}) not in values
    assert frozenset({0.2}) in [m.values for m in extract("ein Fünftel der Züge", "de")]


@pytest.mark.parametrize(("text", "lang", "month"), [
    ("am 15. April", "de", 4), ("mart ayında", "tr", 3), ("23 Mayıs'ta", "tr", 5),
    ("el 4 de junio", "es", 6), ("le 3 mars", "fr", 3), ("15 марта", "ru", 3),
    ("on 4 May", "en", 5), ("in March", "en", 3), ("by Sept. 30", "en", 9),
])
def test_month_names(text, lang, month):
    months = [m for m in extract(text, lang) if m.kind == "month"]
    assert [m.values for m in months] == [frozenset({float(month)})]


@pytest.mark.parametrize(("text", "lang"), [
    ("You may go now.", "en"), ("May I ask a question?", "en"), ("Troops march on.", "en"),
    ("Mars est une planète.", "fr"), ("Domingo llegó tarde.", "es"),
])
def test_words_that_only_look_like_months_or_days(text, lang):
    assert not [m for m in extract(text, lang) if m.kind in ("month", "weekday")]


def test_a_month_at_the_end_of_a_sentence_leaves_the_full_stop_out():
    (month,) = [m for m in extract("The details follow on 15 May.", "en") if m.kind == "month"]
    assert month.text == "May"


def test_weekdays_across_languages():
    saturday = next(m for m in extract("cumartesi akşamı", "tr") if m.kind == "weekday")
    sunday = next(m for m in extract("on Sunday evening", "en") if m.kind == "weekday")
    assert saturday.values == {6.0}
    assert not saturday.agrees(sunday)


def test_numeric_dates_give_day_month_and_year():
    found = extract("am 23.05.2024 in Berlin", "de")
    assert {(m.kind, min(m.values)) for m in found} == {
        ("number", 23.0), ("month", 5.0), ("number", 2024.0)}


def test_times_and_clock_hours():
    assert _agree("um 10.30 Uhr", "de", "at 10:30 a.m.", "en")
    assert _agree("um 15 Uhr", "de", "at 3 p.m.", "en")


def test_numbers_inside_words_and_codes_are_not_figures():
    assert [m.text for m in extract("the G20 and the S-400 in 2022-2023", "en")] == [
        "2022", "2023"]


def test_format_value():
    assert format_value(20000.0) == "20,000"
    assert format_value(68.5) == "68.5"


@pytest.mark.parametrize(("text", "lang"), [
    ("Die Regierung hat am Montag beschlossen, dass die Steuern nicht steigen.", "de"),
    ("El Gobierno ha decidido que los impuestos no van a subir este año.", "es"),
    ("Le gouvernement a décidé que les impôts ne vont pas augmenter cette année.", "fr"),
    ("Hükümet bu yıl vergilerin artmayacağını ve bütçenin daha sıkı olacağını açıkladı.",
     "tr"),
    ("Правительство решило, что налоги не будут повышены и в этом году.", "ru"),
])
def test_guess_language(text, lang):
    assert guess_language(text) == lang


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789.,% \u00a0'’-$€yüzdeMayıs"), max_size=40),
       st.sampled_from(["en", "de", "tr", "fr", "ru", None]))
def test_mentions_slice_back_and_are_sorted(text, lang):
    found = extract(text, lang)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.values
    assert [m.start for m in found] == sorted(m.start for m in found)
