from __future__ import annotations

from mtcheck.analyze import document, line_column
from mtcheck.normalize import normalize


def _sentences(text: str) -> list[str]:
    return [s.text for s in document(text).sentences]


def test_abbreviations_initials_and_decimals_do_not_split():
    text = ("Dr. Ruiz of Acme Inc. said the U.S. economy grew 2.5 percent. "
            "J. K. Rowling agreed. It rained.")
    assert _sentences(text) == [
        "Dr. Ruiz of Acme Inc. said the U.S. economy grew 2.5 percent.",
        "J. K. Rowling agreed.", "It rained."]


def test_quotes_stay_with_their_sentence():
    text = "“We are ready,” she said. “Are we?” He asked. They went on. ” said."
    assert _sentences(text) == ["“We are ready,” she said.", "“Are we?”", "He asked.",
                                "They went on. ” said."]


def test_sentence_after_a_soft_abbreviation():
    assert _sentences("Talks moved to the U.S. The next round starts soon.") == [
        "Talks moved to the U.S.", "The next round starts soon."]


def test_paragraph_kinds():
    text = ("Budget Talks Stall in Ankara\n\nBy Jane Doe\n\n"
            "ANKARA, March 3 (Reuters) - Talks stalled on Monday, officials said.\n\n"
            "- first point\n- second point\n")
    kinds = [(p.kind, p.text) for p in document(text).paragraphs]
    assert kinds == [("heading", "Budget Talks Stall in Ankara"), ("meta", "By Jane Doe"),
                     ("body", "ANKARA, March 3 (Reuters) - Talks stalled on Monday, officials "
                      "said."), ("list", "- first point"), ("list", "- second point")]


def test_hard_wrapped_lines_join_into_one_paragraph():
    text = ("The committee met on Thursday to discuss the\nbudget and the new rules.\n"
            "A second paragraph follows here.")
    paras = document(text).paragraphs
    assert [p.text.replace("\n", " ") for p in paras] == [
        "The committee met on Thursday to discuss the budget and the new rules.",
        "A second paragraph follows here."]


def test_offsets_slice_back_and_lines_are_one_based():
    text = "First line.\nSecond línea here.\n\nThird."
    doc = document(text)
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
    for t in doc.tokens:
        assert text[t.start:t.end] == t.text
    assert line_column(doc, text.index("línea")) == (2, 8)


def test_normalization_maps_back_to_the_original():
    text = "Erdog\u0306an  said “yes”"
    norm = normalize(text)
    assert norm.text == 'Erdoğan said "yes"'
    start = norm.text.index("Erdoğan")
    end = start + len("Erdoğan")
    assert text[norm.to_original(start):norm.to_original(end)] == "Erdog\u0306an"
    q = norm.text.index('"yes"')
    assert text[norm.to_original(q):norm.to_original(q + 5)] == "“yes”"
