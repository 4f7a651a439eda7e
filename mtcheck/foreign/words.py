"""Single source-language words left in English sentences, judged in context."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter, itemgetter

from mtcheck.foreign.context import (
    Spans,
    around_link,
    capitalized_inside,
    ends_foreign_name,
    glossed,
    in_loan_phrase,
    inside_place_name,
    mentioned,
    next_to_name,
    next_word,
    sentence_initial_tokens,
    species_name,
)
from mtcheck.foreign.copies import copied_sentences
from mtcheck.foreign.lexicon import PARTICLES, Verdict, clear, translations, verdict
from mtcheck.foreign.marks import Mark, analysis
from mtcheck.foreign.sentences import foreign_spans
from mtcheck.model import Document, Token
from mtcheck.wordlists import evidence, zipf

_TOKEN = itemgetter(0)  # Mark.token
_LOWER = attrgetter("lower")
_KIND = attrgetter("kind")


@dataclass(frozen=True, slots=True)
class WordFinding:
    """A source-language word left in an English sentence."""

    start: int
    end: int
    verdict: Verdict
    confidence: float


def source_words(doc: Document, margin: float, min_zipf: float) -> Iterator[WordFinding]:
    """Single foreign words outside the foreign spans, judged in their context."""
    result = analysis(doc)
    # Most marked words are names (`Zürich`, `Erdoğan`) that the word alone rules out:
    # judged once per word form, then the marks are filtered in C.
    flaggable = {word for word, v in result.verdicts.items() if _may_flag(v)}
    if not flaggable:
        return
    marks = list(compress(result.marks, map(flaggable.__contains__, map(
        result.texts.__getitem__, map(_TOKEN, result.marks)))))
    if not marks:
        return
    ranges = [(s.start, s.end) for s in foreign_spans(doc)]
    if doc.source is not None:
        ranges += [(doc.sentences[i].start, doc.sentences[i].end) for i in copied_sentences(doc)]
    covered = Spans.of(ranges)
    for mark in marks:
        token = doc.tokens[mark.token]
        if covered.contains(token.start, token.end) or \
                result.exempt.contains(token.start, token.end):
            continue
        v = mark.verdict
        confidence, judged = _judge(doc, mark, token, v, result.langs, margin, min_zipf)
        if confidence > 0:
            yield WordFinding(token.start, token.end, judged, confidence)


# `_may_flag` per (word form, language): a verdict is the same wherever the word stands.
_MAY_FLAG: dict[tuple[str, str | None], bool] = {}
_MAY_FLAG_LIMIT = 1 << 16


def _may_flag(v: Verdict) -> bool:
    """False for a marked word that `_judge` rules out whatever its context."""
    key = (v.word, v.lang)
    found = _MAY_FLAG.get(key)
    if found is None:
        if len(_MAY_FLAG) >= _MAY_FLAG_LIMIT:
            _MAY_FLAG.clear()
        found = _MAY_FLAG[key] = _may_flag_word(v)
    return found


def _may_flag_word(v: Verdict) -> bool:
    """The context-free part of `_judge`: False where it answers 0 for every context."""
    word = v.word
    if v.script is not None:
        return sum(1 for c in word if c.isalpha()) >= 2
    if (len(word) > 1 and word.isupper()) or any(c.isupper() for c in word[1:]):
        return False  # acronyms, datelines, `eğilimdeIn`
    listed = v.lang is not None and (v.lang, v.lower) in translations()
    capitalized = word[:1].isupper()
    if capitalized and not listed:
        return False
    if len(v.lower) == 1:
        return listed and word.islower()
    if v.english:
        return False
    # A word without a language may still get one from its lemma (`_lemmatized`).
    return v.lang is not None or (v.letters and v.zipf_src < 3.0 and not capitalized)


def _judge(doc: Document, mark: Mark, token: Token, v: Verdict, langs: tuple[str, ...],
           margin: float, min_zipf: float) -> tuple[float, Verdict]:
    """The confidence that a marked word is an untranslated source word (0: it is not),
    and the verdict it rests on (with lemma evidence where the form was too rare)."""
    word = v.word
    if v.script is not None:
        letters = sum(1 for c in word if c.isalpha())
        return (0.95 if letters >= 2 else 0.0), v
    if around_link(doc.text, token):
        return 0.0, v
    if len(word) > 1 and word.isupper():
        return 0.0, v  # acronyms and datelines
    if any(c.isupper() for c in word[1:]) and not word.isupper():
        return 0.0, v  # `eğilimdeIn`: untranslated.hybrid-token reports it
    capitalized = word[:1].isupper()
    if capitalized:
        # A sentence-initial capital is mostly a name, and names are as frequent in
        # their language as function words (Erdoğan): only a listed connective or
        # preposition (Según, Además, Cependant) is flagged there.
        if v.lang is None or (v.lang, v.lower) not in translations() or \
                mark.token not in sentence_initial_tokens(doc):
            return 0.0, v
        if doc.paragraphs[doc.sentences[mark.sentence].paragraph].kind != "body":
            return 0.0, v
        nxt = next_word(doc, mark.token)
        if nxt is not None and nxt.text[:1].isupper():
            return 0.0, v  # `Las Vegas`, `Los Angeles`: a name
        if capitalized_inside(doc, word):
            return 0.0, v
    if len(v.lower) == 1:
        return _single_letter(doc, mark.token, v), v
    if v.letters and v.zipf_src < 3.0 and not capitalized and not v.english:
        v = _lemmatized(v, langs)
    if v.english or v.lang is None:
        return 0.0, v
    if len(v.lower) == 2 and (v.lang, v.lower) not in translations():
        # Two letters are weak evidence unless the word is a listed function word.
        margin, min_zipf = max(margin, 2.5), max(min_zipf, 5.0)
    strong = v.zipf_src >= min_zipf and v.margin >= margin
    by_letters = v.letters and v.zipf_en < 2.0 and v.zipf_src >= 2.5 and v.margin >= 1.5
    if not (strong or by_letters):
        return 0.0, v
    if v.lower in PARTICLES and next_to_name(doc, mark.token):
        return 0.0, v
    if mentioned(doc, mark.token) or glossed(doc, mark.token, v) or \
            inside_place_name(doc, mark.token, v) or \
            in_loan_phrase(doc, mark.token, v.lower) or \
            species_name(doc, mark.token, v.lower, langs) or \
            ends_foreign_name(doc, mark.token, v, langs):
        return 0.0, v
    return round(min(0.95, 0.6 + 0.1 * v.margin), 2), v


def _lemmatized(v: Verdict, langs: tuple[str, ...]) -> Verdict:
    """The verdict with lemma evidence for a rare inflected form (`kararlarını`).

    Asked only for a lone lower-case word with letters English lacks, where the
    form itself is too rare to decide, so the lemmatizer loads only when needed.
    """
    ev = evidence(v.lower, langs, lemmatize=True)
    if ev.lemma is None:
        return v
    return Verdict(v.word, v.lower, ev.lang, None, ev.zipf_src, ev.zipf_en, v.english, v.letters,
                   ev.lemma)


def _single_letter(doc: Document, index: int, v: Verdict) -> float:
    """A one-letter conjunction (Italian `e`, Spanish `y`, Polish `i`) between English words.

    One letter is weak evidence, so it counts only when it is a listed conjunction
    of the source language, written in lower case, and both neighbours are lower-case
    English words: `wages rose e prices fell`, never `Castilla y León` or `Plan B`.
    """
    if v.lang is None or (v.lang, v.lower) not in translations() or not v.word.islower():
        return 0.0
    if index == 0 or index + 1 >= len(doc.tokens):
        return 0.0
    for neighbour in (doc.tokens[index - 1], doc.tokens[index + 1]):
        text = neighbour.text
        if not (text.isalpha() and text.islower() and len(text) > 1):
            return 0.0
        if not (zipf(text, "en") >= 3.0 and zipf(text, "en") >= zipf(text, v.lang)):
            return 0.0
    return 0.7

_LABEL = re.compile(r"\s*([^\W\d_]{3,})\s*:")


def meta_labels(doc: Document) -> Iterator[WordFinding]:
    """The label of a metadata line in the source language (`Kaynak: AA`, `Quelle: dpa`).

    Metadata lines are otherwise skipped: they hold names of agencies and
    outlets. Their label is a common word, so it must be clearly foreign.
    """
    if "meta" not in map(_KIND, doc.paragraphs):
        return
    langs = analysis(doc).langs
    for para in doc.paragraphs:
        if para.kind != "meta":
            continue
        m = _LABEL.match(para.text)
        if m is None:
            continue
        v = verdict(m.group(1), langs)
        if v is not None and not v.english and clear(v) and v.zipf_src >= 4.0:
            start = para.start + m.start(1)
            yield WordFinding(start, start + len(m.group(1)), v, 0.8)


def source_phrases(doc: Document,
                   langs: tuple[str, ...]) -> Iterator[tuple[int, int, str, str]]:
    """Listed multi-word source expressions (`sin embargo`, `além disso`).

    Looked for only around marked words (a listed phrase has at least one word
    that leans to its language). Yields start, end, language and the English.
    """
    index = _phrase_index(langs)
    result = analysis(doc)
    if not index or index.keys().isdisjoint(map(_LOWER, result.verdicts.values())):
        return
    seen: set[int] = set()
    for mark in result.marks:
        for lang, phrase, english in index.get(mark.verdict.lower, ()):
            n = len(phrase)
            for first in range(max(0, mark.token - n + 1), mark.token + 1):
                tokens = doc.tokens[first:first + n]
                if first in seen or len(tokens) < n or any(
                        t.text.lower() != w for t, w in zip(tokens, phrase, strict=True)):
                    continue
                if any(t.text[:1].isupper() for t in tokens[1:]):
                    continue  # `Sin Embargo` in a title is a name
                seen.add(first)
                yield tokens[0].start, tokens[-1].end, lang, english


@lru_cache(maxsize=64)
def _phrase_index(langs: tuple[str, ...]) -> dict[str, list[tuple[str, tuple[str, ...], str]]]:
    """Each word of a listed multi-word expression of `langs`, to its expressions."""
    index: dict[str, list[tuple[str, tuple[str, ...], str]]] = defaultdict(list)
    for (lang, text), english in translations().items():
        words = tuple(text.split())
        if lang in langs and len(words) > 1:
            for word in set(words):
                index[word].append((lang, words, english))
    return dict(index)
