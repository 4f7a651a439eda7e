"""The shortcuts behind the untranslated rules' speed give the answers of the long way.

Each fast path (the per-process word filter, exempt spans per line, the glued-word
search, the sentence pre-check, the batch normalization of copied sentences) is
compared with the plain computation it replaces, on generated text.
"""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck import benchgen
from mtcheck.analyze import document, vocabulary
from mtcheck.foreign import copies, marks, sentences, words
from mtcheck.foreign.context import Spans, exempt_spans
from mtcheck.foreign.lexicon import verdict
from mtcheck.langid import (
    _residue_word,
    _word_votes,
    frequency_span_guess,
    may_be_foreign,
    unusual_words,
)
from mtcheck.rules.untranslated import _glued_in, glued_words
from mtcheck.wordlists import zipf

# Pieces of news text in several languages, with quotes, brackets, glued words and
# letters that fold in odd ways (İ, ı, ſ, the Kelvin sign).
_PIECES = [
    "The", "minister", "said", "on", "Monday", "ve", "ancak", "laut", "según", "selon",
    "de", "la", "die", "Zürich", "Erdoğan", "zamIt's", "sowieA", "McDonald", "iPhone",
    "aujourd'hui", "government’s", "İlgili", "ılık", "ſtraße", "\u212aelvin", "Это",
    "решение", "“Te doy mis ojos”", "«Lesen Sie auch»", "(the strong espresso)", "*Der Hobbit*",
    "\"quoted term\"", "_italic_", ",", ".", ":", "—", "3.5", "2024", "\n", "\n\n", " ",
]
_TEXTS = st.builds(lambda parts, glue: glue.join(parts),
                   st.lists(st.sampled_from([*_PIECES, "“Yorum yaz”\n", "(bica)\n", "«x»"]),
                            min_size=1, max_size=40),
                   st.sampled_from([" ", "", "\n"]))


@pytest.fixture(scope="module")
def corpus_docs() -> list[object]:
    return [document(a.text, a.name) for a in benchgen.corpus(6_000, 3)]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_PIECES) | st.text(min_size=1, max_size=12))
def test_plain_words_are_never_marked_voting_or_glued(word: str) -> None:
    if may_be_foreign(word):
        return
    for langs in (("tr",), ("de", "fr"), ("es", "ca", "pt"), ("it",)):
        assert verdict(word, langs) is None
    assert not (_residue_word(word) and _word_votes(word.lower()))
    assert not any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


def test_unusual_words_cover_every_marked_word(corpus_docs: list[object]) -> None:
    for doc in corpus_docs:
        assert isinstance(doc, type(document("x")))
        langs = marks.candidate_languages(doc)
        expected = {w for w in vocabulary(doc) if w[0].isalpha() and verdict(w, langs)}
        assert expected <= unusual_words(doc)
        assert set(marks.analysis(doc).verdicts) == expected


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_exempt_spans_by_line_match_the_whole_text(text: str) -> None:
    doc = document(text)
    whole = Spans.of(exempt_spans(doc))
    lazy = marks.analysis(doc).exempt
    for token in doc.tokens:
        assert lazy.contains(token.start, token.end) == whole.contains(token.start, token.end)
    for first, last in zip(doc.tokens, doc.tokens[2:], strict=False):
        assert lazy.overlaps(first.start, last.end) == whole.overlaps(first.start, last.end)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_glued_words_found_from_the_vocabulary(text: str) -> None:
    doc = document(text)
    assert [m.span() for m in _glued_in(doc)] == [m.span() for m in glued_words(text)]


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_sentence_word_counts(text: str) -> None:
    result = marks.analysis(document(text))
    for s in result.sentences:
        count = len([t for t in result.texts[s.token_start:s.token_end] if t[0].isalpha()])
        for limit in range(-1, 6):
            assert result.more_words_than(s.index, limit) == (count > limit)
        assert result.sentence_words(s.index) == count


def test_word_filter_only_drops_words_judge_rejects(corpus_docs: list[object]) -> None:
    for doc in corpus_docs:
        assert isinstance(doc, type(document("x")))
        result = marks.analysis(doc)
        for mark in result.marks:
            if not words._may_flag(mark.verdict):
                token = doc.tokens[mark.token]
                confidence, _ = words._judge(doc, mark, token, mark.verdict, result.langs,
                                             2.0, 3.0)
                assert confidence == 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="aBé\u0301 .!?:;ßİΣς“”\u00a0—ﬁÅ\u030a\t\nx", max_size=12),
                max_size=6))
def test_batch_normalization_of_sentences(texts: list[str]) -> None:
    assert copies._normals(texts) == [copies._normal(t) for t in texts]


@pytest.mark.parametrize("text", [
    "Die Bahn bezeichnete den Streik als unverhältnismäßig.",
    "Los agricultores piden ayudas al gobierno.",
    "The talks resume on Monday in Ankara.",
])
def test_frequency_guess_sums_as_before(text: str) -> None:
    langs = ["en", "de", "es"]
    found = [w.lower() for w in text.replace(".", "").split()]
    scores = [sum(max(zipf(w, lang), 1.0) for w in found) for lang in langs]
    weights = [math.exp((s - max(scores)) * math.log(10)) for s in scores]
    best = max(range(3), key=lambda i: scores[i])
    guess = frequency_span_guess(text, ("de", "es"))
    assert (guess.lang, guess.confidence) == (langs[best], weights[best] / sum(weights))


def _spans_without_precheck(doc: object) -> list[sentences.SpanFinding]:
    """`foreign_spans` as computed before the pre-check: every sentence with a mark
    outside the exempt spans goes to `_sentence_span`."""
    assert isinstance(doc, type(document("x")))
    result = marks.analysis(doc)
    whole = Spans.of(exempt_spans(doc))
    by_sentence: dict[int, list[marks.Mark]] = {}
    for m in result.marks:
        token = doc.tokens[m.token]
        if not whole.contains(token.start, token.end):
            by_sentence.setdefault(m.sentence, []).append(m)
    out: list[sentences.SpanFinding] = []
    for index, found_marks in by_sentence.items():
        sentence = doc.sentences[index]
        found = sentences._sentence_span(doc, sentence, found_marks, result, 0.8)
        if found is not None:
            out.append(found)
        elif len(found_marks) >= 3 and sentences._content_words(found_marks) >= 2:
            out.extend(sentences._clause_spans(doc, sentence, found_marks, result.langs, 0.8))
    return out


_FOREIGN = [
    "Die Bahn bezeichnete den Streik als unverhältnismäßig.", "Lesen Sie auch",
    "Los agricultores piden ayudas al gobierno.", "Yorum yaz", "Это решение не останется.",
    "laut einem Bericht der Zeitung,", "“Mujeres al borde de un ataque de nervios”",
    "agricultores", "piden", "ayudas", "gobierno", "pérdidas", "bezeichnete", "Streik",
    "kündigte", "rechtliche", "Schritte", "und", "los", "para", "faiz", "kararını", ".",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + _FOREIGN), min_size=1, max_size=16).map(" ".join))
def test_sentence_precheck_drops_no_span(text: str) -> None:
    doc = document(text)
    assert list(sentences.foreign_spans(doc)) == _spans_without_precheck(doc)


def test_sentence_precheck_on_generated_articles(corpus_docs: list[object]) -> None:
    for doc in corpus_docs:
        assert isinstance(doc, type(document("x")))
        assert list(sentences.foreign_spans(doc)) == _spans_without_precheck(doc)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["kararını", "açıklayacak", "merkez", "bankası",
                                          "bir", "mayısta", "faiz", "sabit", "ab", "streik"]),
                         max_size=7).map(" ".join), max_size=12),
       st.lists(st.integers(0, 11), max_size=4))
def test_lazy_source_index_matches_the_full_one(normals: list[str], picks: list[int]) -> None:
    full = copies._index(normals)
    lazy = copies._LazyIndex(normals)
    keys = {key for i in picks if i < len(normals) for key in copies._keys(normals[i])}
    keys |= {"=nothing", "streik", "zzzz"}
    for key in sorted(keys):
        assert list(lazy.get(key, ())) == list(full.get(key, ()))
