"""The shared analysis of a document: its candidate languages and marked words."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import compress, count

from mtcheck.analyze import memoized, vocabulary
from mtcheck.foreign.context import Spans, exempt_spans
from mtcheck.foreign.lexicon import MOJIBAKE, Verdict, verdict
from mtcheck.langid import candidate_languages as langid_candidates
from mtcheck.langid import token_texts
from mtcheck.model import Document, Token
from mtcheck.wordlists import FREQUENCY_LANGUAGES


@dataclass(frozen=True, slots=True)
class Mark:
    """A word of the text with foreign evidence, and where it stands."""

    token: int
    verdict: Verdict
    sentence: int


@dataclass(frozen=True)
class Analysis:
    """The shared result: candidate languages, marked words, exempt offsets."""

    langs: tuple[str, ...]
    marks: tuple[Mark, ...]
    sentence_words: dict[int, int]
    exempt: Spans


def candidate_languages(doc: Document) -> tuple[str, ...]:
    """The languages whose words are looked for (the source language and close kin)."""
    return tuple(lang for lang in langid_candidates(doc) if lang in FREQUENCY_LANGUAGES)


def analysis(doc: Document) -> Analysis:
    """The document's marked words, computed once and shared by the rules."""
    return memoized(doc, "untranslated.analysis", _analyse)


# Verdicts per candidate-language tuple, judged once per process: a verdict depends on
# the word form and the languages only. A document's marked words are then one set
# intersection with its vocabulary. Bounded: cleared when full.
_JUDGED: dict[tuple[str, ...], set[str]] = {}
_MARKED: dict[tuple[str, ...], dict[str, Verdict]] = {}
_JUDGED_LIMIT = 1 << 19


def _marked_words(vocab: frozenset[str], langs: tuple[str, ...]) -> dict[str, Verdict]:
    """The word forms of a vocabulary that carry foreign evidence, with their verdicts."""
    judged = _JUDGED.get(langs)
    if judged is None or len(judged) > _JUDGED_LIMIT:
        if sum(map(len, _JUDGED.values())) > _JUDGED_LIMIT:
            _JUDGED.clear()
            _MARKED.clear()
        judged = _JUDGED[langs] = set()
        _MARKED[langs] = {}
    known = _MARKED[langs]
    new = vocab - judged
    if new:
        judged.update(new)
        for text in new:
            if text[0].isalpha():
                found = verdict(text, langs)
                if found is not None:
                    known[text] = found
    return {text: known[text] for text in vocab & known.keys()}


def _analyse(doc: Document) -> Analysis:
    langs = candidate_languages(doc)
    texts = token_texts(doc)
    # One verdict per distinct word form: news text repeats its words.
    marked = _marked_words(vocabulary(doc), langs)
    starts = [s.token_start for s in doc.sentences]
    if not starts:
        return Analysis(langs, (), {}, Spans.of(()))
    meta = {p.index for p in doc.paragraphs if p.kind == "meta"}
    marks: list[Mark] = []
    counts: dict[int, int] = {}
    for index in compress(count(), map(marked.__contains__, texts)) if marked else ():
        sentence = doc.sentences[bisect.bisect_right(starts, index) - 1]
        if sentence.paragraph in meta or _damaged(doc.text, doc.tokens[index]):
            continue
        marks.append(Mark(index, marked[texts[index]], sentence.index))
        if sentence.index not in counts:
            counts[sentence.index] = len(
                [t for t in texts[sentence.token_start:sentence.token_end] if t[0].isalpha()])
    exempt = Spans.of(exempt_spans(doc) if marks else ())
    return Analysis(langs, tuple(marks), counts, exempt)


def _damaged(text: str, token: Token) -> bool:
    """A token in or next to encoding damage (`HÃ©lÃ¨ne`, `Gr\ufffdmann`).

    The pieces of a damaged word look foreign (`mann`, `nez`); the encoding rules
    report the damage itself.
    """
    around = text[max(0, token.start - 2):token.end + 2]
    return "\ufffd" in around or MOJIBAKE.search(around) is not None
