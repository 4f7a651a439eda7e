"""encoding.* rules: mojibake repairs, lost letters, invisible characters, HTML leftovers."""

from __future__ import annotations

import pytest

from mtcheck.analyze import document
from mtcheck.config import Config
from mtcheck.engine import findings


def _found(text: str) -> list[tuple[str, str, str | None]]:
    config = Config().with_overrides(select=("encoding",))
    result, _ = findings(document(text), config, strict=True)
    return [(f.rule, f.text, f.suggestion) for f in result]


@pytest.mark.parametrize(("text", "word", "repaired"), [
    ("The mayor of KÃ¶ln spoke first.", "KÃ¶ln", "Köln"),
    ("Talks in SÃ£o Paulo resumed.", "SÃ£o", "São"),
    ("The clubâ€™s statement was short.", "clubâ€™s", "club’s"),
    ("He said â€œnoâ€\x9d twice.", "â€œnoâ€\x9d", "“no”"),
    ("Ticket prices rose to Â£40.", "Â£40", "£40"),
    ("The agency Ð¢Ð\x90Ð¡Ð¡ reported it.", "Ð¢Ð\x90Ð¡Ð¡", "ТАСС"),
    ("Coach Å½eljko left the club.", "Å½eljko", "Željko"),
    ("The museum charges Â¥1200 for adults.", "Â¥1200", "¥1200"),
    ("Under Â§12 of the act, fines double.", "Â§12", "§12"),
])
def test_mojibake_is_repaired_word_by_word(text, word, repaired):
    assert _found(text) == [("encoding.mojibake", word, repaired)]


@pytest.mark.parametrize("text", [
    "SÃO PAULO, Aug. 18 — The festival closed.",
    "Prices in Zürich, Kraków and Đà Nẵng rose.",
    "The fee is €25 or £21, she said — “a fair price.”",
    "Ankara’s “plan” was approved… eventually.",
    "Â is the first letter of the alphabet in Romanian.",
    "ÂMBITO, a Lisbon gallery, opened a show on Sunday.",
    "The team posted ❤️ and 👍🏽 on social media.",
])
def test_clean_unicode_is_left_alone(text):
    assert _found(text) == []


def test_curly_quotes_are_not_mojibake():
    # ftfy.fix_text would straighten these; the rule asks fix_encoding only.
    assert _found("“We agree,” she said. ‘Fine,’ he replied.") == []


def test_replacement_character_marks_the_word():
    assert _found("Flights to M\ufffdlaga resumed.") == [
        ("encoding.replacement-char", "M\ufffdlaga", None)]


def test_question_mark_inside_a_word_is_a_lost_letter():
    assert _found("The region of Andaluc?a reported.") == [
        ("encoding.replacement-char", "Andaluc?a", None)]
    assert _found("See https://example.org/page?id=4 for details.") == []


@pytest.mark.parametrize(("text", "char", "suggestion"), [
    ("The Kalinin\u200bgrad region.", "\u200b", ""),
    ("The data\u00adbase was hacked.", "\u00ad", ""),
    ("Prices\x0crose sharply.", "\x0c", " "),
    ("The name \u202eevil\u202c was hidden.", "\u202e", ""),
])
def test_invisible_characters(text, char, suggestion):
    found = _found(text)
    assert ("encoding.invisible-char", char, suggestion) in found


def test_joiner_inside_emoji_or_script_is_kept():
    assert _found("A family emoji 👩\u200d👧 was posted.") == []
    assert _found("The word می\u200cخواهم is Persian.") == []


def test_byte_order_mark_at_the_start_is_ignored():
    assert _found("\ufeffThe council met.") == []


@pytest.mark.parametrize(("text", "leftover", "suggestion"), [
    ("Haus &amp; Grund objected.", "&amp;", "&"),
    ("The Kremlin&#39;s view.", "&#39;", "'"),
    ("Prices rose&nbsp;sharply.", "&nbsp;", " "),
    ("The rate is 5&#x25;.", "&#x25;", "%"),
    ("Talks ended.<br>The next round is in May.", "<br>", " "),
    ("A <span class=\"x\">new</span> plan.", "<span class=\"x\">", ""),
    ("The end.</p>", "</p>", ""),
])
def test_html_leftovers(text, leftover, suggestion):
    assert ("encoding.html-leftover", leftover, suggestion) in _found(text)


@pytest.mark.parametrize("text", [
    "Johnson & Johnson and AT&T reported results.",
    "The formula is a<b and b>c.",
    "Use the <title> of the page, he said.",
    "The score was 3 & 4; & so on.",
])
def test_ampersands_and_angle_brackets_in_prose_are_fine(text):
    assert _found(text) == []


def test_hungarian_read_as_latin1_is_repaired_only_for_hungarian_sources():
    text = "Engineer Zoltán Kõrösi said the spa would reopen in May."
    config = Config().with_overrides(select=("encoding",))
    hungarian, _ = findings(document(text, src_lang="hu"), config, strict=True)
    assert [(f.text, f.suggestion) for f in hungarian] == [("Kõrösi", "Kőrösi")]
    # Estonian writes õ, French û: the same letters are right there.
    for other in ("et", "fr"):
        found, _ = findings(document(text, src_lang=other), config, strict=True)
        assert found == []


# Written after the rule: Vietnamese letters that ftfy leaves alone in Windows-1252.
def test_three_byte_letters_read_as_windows_1252_are_repaired():
    found = _found("Rice farmers in Nguyá»…n Trãi and Cáº§n Giuá»™c lost their crops.")
    assert [(rule, text) for rule, text, _ in found] == [
        ("encoding.mojibake", "Nguyá»…n"), ("encoding.mojibake", "Cáº§n"),
        ("encoding.mojibake", "Giuá»™c")]
    assert [fix for _, _, fix in found] == ["Nguyễn", "Cần", "Giuộc"]


@pytest.mark.parametrize("text", ["The café in Zürich serves crème brûlée.",
                                  "He wrote «naïve» in the margin, then “¿qué?”."])
def test_real_accents_and_quotes_are_not_recoded(text):
    assert _found(text) == []
