"""Sentence alignment: line mode, paragraph-then-sentence mode, beads, notes and cost."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.align import align
from mtcheck.analyze import document, notes_of

SOURCE = "\n\n".join([
    "Stadtrat beschließt neuen Haushalt",
    "Der Stadtrat von Kassel hat am Dienstag den Haushalt für 2025 beschlossen. Er "
    "umfasst Ausgaben von 812 Millionen Euro.",
    "Oberbürgermeisterin Petra Lindqvist sprach von einem soliden Plan. Die "
    "Opposition stimmte dagegen.",
    "Der Verband der Steuerzahler kritisierte die hohen Personalkosten der "
    "Verwaltung scharf.",
    "Die Schulden der Stadt sollen bis 2028 um 40 Millionen Euro sinken.",
]) + "\n"

# The third source paragraph is missing, and the second sentence of the first body
# paragraph was split in two.
TRANSLATION = "\n\n".join([
    "City council adopts new budget",
    "Kassel city council adopted the budget for 2025 on Tuesday. It covers spending "
    "of 812 million euros.",
    "Mayor Petra Lindqvist spoke of a solid plan. The opposition voted against it.",
    "The city's debt is to fall by 40 million euros by 2028.",
]) + "\n"


def _pairs(translation: str, source: str, src_lang: str = "de"):
    doc = document(translation, "t.txt", source=source, src_lang=src_lang)
    assert doc.source is not None
    return doc, align(doc, doc.source)


def test_paragraph_mode_finds_a_dropped_paragraph():
    doc, alignment = _pairs(TRANSLATION, SOURCE)
    assert alignment.method == "paragraphs+sentences"
    dropped = [other for target, other in alignment.pairs if not target]
    assert len(dropped) == 1
    assert "Steuerzahler" in doc.source.sentences[dropped[0][0]].text
    assert alignment.counts()["0-1"] == 1


def test_line_mode_when_non_empty_line_counts_match():
    source = "Erste Zeile mit 12 Wörtern.\nZweite Zeile.\n\nDritte Zeile hier.\n"
    target = "First line with 12 words.\nSecond line.\n\nThird line here.\n"
    _, alignment = _pairs(target, source)
    assert alignment.method == "lines"
    assert alignment.pairs == (((0,), (0,)), ((1,), (1,)), ((2,), (2,)))


def test_line_mode_aligns_sentences_inside_a_line():
    source = "Der Rat tagte am Montag und beschloss nach langer Debatte den Plan.\nEnde.\n"
    target = "The council met on Monday. After a long debate it adopted the plan.\nEnd.\n"
    _, alignment = _pairs(target, source)
    assert alignment.method == "lines"
    assert alignment.pairs[0] == ((0, 1), (0,))


def test_every_sentence_is_in_exactly_one_bead_in_order():
    doc, alignment = _pairs(TRANSLATION, SOURCE)
    targets = [i for t, _ in alignment.pairs for i in t]
    others = [j for _, o in alignment.pairs for j in o]
    assert targets == list(range(len(doc.sentences)))
    assert others == list(range(len(doc.source.sentences)))


def test_a_copied_sentence_pairs_with_its_original():
    source = ("Die Bahn nannte den Streik unverhältnismäßig. Der Konzern plant einen "
              "Notfahrplan. Rund ein Fünftel der Fernzüge soll fahren.")
    target = ("Die Bahn nannte den Streik unverhältnismäßig. The group plans an emergency "
              "timetable. About a fifth of long-distance trains are to run.")
    _, alignment = _pairs(target, source)
    assert alignment.pairs[0] == ((0,), (0,))


def test_alignment_is_memoized_and_noted_in_the_report():
    doc, alignment = _pairs(TRANSLATION, SOURCE)
    assert align(doc, doc.source) is alignment
    recorded = notes_of(doc)["alignment"]
    assert recorded["source"]["method"] == "paragraphs+sentences"
    assert recorded["source"]["pairs"][0] == [[0], [0]]


def test_reference_and_source_alignments_are_kept_apart():
    doc = document(TRANSLATION, "t.txt", source=SOURCE, reference=TRANSLATION, src_lang="de")
    assert doc.source is not None
    assert doc.reference is not None
    assert align(doc, doc.reference).method == "lines"
    assert align(doc, doc.source).method == "paragraphs+sentences"
    assert set(notes_of(doc)["alignment"]) == {"source", "reference"}


def test_empty_sides():
    _, alignment = _pairs("Only the translation has text here.", "")
    assert alignment.pairs == (((0,), ()),)


def test_long_documents_align_in_linear_time():
    paragraph_src = ("Der Rat tagte am Montag über den Plan. Er kostet {n} Millionen Euro. "
                     "Die Opposition war dagegen.")
    paragraph_tgt = ("The council met on Monday about the plan. It costs {n} million euros. "
                     "The opposition was against it.")
    timings = []
    for size in (300, 1200):
        source = "\n\n".join(paragraph_src.format(n=i) for i in range(size))
        target = "\n\n".join(paragraph_tgt.format(n=i) for i in range(size) if i != size // 2)
        doc = document(target, "t.txt", source=source, src_lang="de")
        assert doc.source is not None
        started = time.perf_counter()
        alignment = align(doc, doc.source)
        timings.append(time.perf_counter() - started)
        assert alignment.counts()["0-1"] == 3  # the three sentences of the dropped paragraph
    # Four times the text must not cost anything like sixteen times the time.
    assert timings[1] < 8 * timings[0] + 0.5


_SENTENCES = st.lists(st.sampled_from([
    "The council met on Monday.", "It approved 12 projects worth 4.5 million euros.",
    "Mayor Anna Berg was pleased.", "Critics spoke of a wasted chance.", "Short one.",
    "A much longer sentence that goes on about the details of the plan and its costs.",
]), min_size=0, max_size=12)


@settings(max_examples=60, deadline=None)
@given(_SENTENCES, _SENTENCES, st.booleans())
def test_beads_cover_both_sides_monotonically(target_sentences, source_sentences, lines):
    joiner = "\n" if lines else " "
    doc = document(joiner.join(target_sentences), "t.txt",
                   source=joiner.join(source_sentences), src_lang="de")
    assert doc.source is not None
    alignment = align(doc, doc.source)
    assert [i for t, _ in alignment.pairs for i in t] == list(range(len(doc.sentences)))
    assert [j for _, o in alignment.pairs for j in o] == list(
        range(len(doc.source.sentences)))
    assert all(t or o for t, o in alignment.pairs)


def test_equal_line_counts_that_do_not_correspond_fall_back_to_paragraphs():
    # The translation dropped the third paragraph and gained a line of page debris: as
    # many lines as the source, but line 3 is no translation of line 3.
    source = "\n\n".join([
        "Rat beschließt Haushalt",
        "Der Stadtrat von Kassel hat am Dienstag den Haushalt beschlossen. Er umfasst "
        "Ausgaben von 812 Millionen Euro.",
        "Oberbürgermeisterin Petra Lindqvist sprach von einem soliden Plan.",
        "Der Verband der Steuerzahler kritisierte die hohen Personalkosten der Verwaltung.",
        "Die Schulden der Stadt sollen bis 2028 um 40 Millionen Euro sinken.",
    ])
    target = "\n\n".join([
        "Council adopts budget",
        "Kassel city council adopted the budget on Tuesday. It covers spending of 812 "
        "million euros.",
        "Mayor Petra Lindqvist spoke of a solid plan.",
        "The city's debt is to fall by 40 million euros by 2028.",
        "Share this article",
    ])
    doc, alignment = _pairs(target, source)
    assert alignment.method == "paragraphs+sentences"
    dropped = [o for t, o in alignment.pairs if not t]
    assert [doc.source.sentences[j].text[:23] for (j,) in dropped] == [
        "Der Verband der Steuerz"]
