"""Sentences, clauses and short lines in another language.

Only sentences where marked words already dominate are candidates, and only
candidates go to language identification, so its cost stays small.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from mtcheck.analyze import memoized
from mtcheck.foreign.context import trim
from mtcheck.foreign.copies import copied_sentences
from mtcheck.foreign.lexicon import PARTICLES, clear
from mtcheck.foreign.marks import Analysis, Mark, analysis
from mtcheck.langid import identify
from mtcheck.model import Document, Sentence
from mtcheck.wordlists import zipf

_TERMINALS = frozenset(".!?;:…")
_NEVER_IN_RUN = frozenset("()[]{}\"“”„«»‹›*_")


@dataclass(frozen=True, slots=True)
class SpanFinding:
    """A stretch of text (sentence, clause or line) in another language."""

    start: int
    end: int
    lang: str
    confidence: float
    kind: Literal["sentence", "clause", "line"]


def foreign_spans(doc: Document, min_confidence: float = 0.8) -> tuple[SpanFinding, ...]:
    """Sentences, clauses and short lines in another language (shared, memoized)."""
    return memoized(doc, f"untranslated.spans:{min_confidence}",
                    lambda d: tuple(_foreign_spans(d, min_confidence)))


def _foreign_spans(doc: Document, min_confidence: float) -> Iterator[SpanFinding]:
    result = analysis(doc)
    if not result.marks:
        return
    copied = copied_sentences(doc) if doc.source is not None else {}
    # Sentences in the order of their first mark, with their marks (grouped once: a scan
    # of every mark per sentence is quadratic in a long document).
    by_sentence: dict[int, list[Mark]] = {}
    for mark in result.marks:
        by_sentence.setdefault(mark.sentence, []).append(mark)
    for index, in_sentence in by_sentence.items():
        count = len(in_sentence)
        if index in copied:
            continue  # untranslated.copied-source reports it with the source line
        sentence = doc.sentences[index]
        every: list[Mark] | None = None
        # What `_sentence_span` and `_clause_spans` need at the least, with all marks
        # counted: at most twice as many words as marks, or three marks with two lower-
        # case words. Leaving out the marks of quoted titles only lowers these counts (a
        # sentence in another script has at least half its words marked), so a sentence
        # that fails here fails with fewer marks too, and its quotations are never looked
        # for. A name or two in an English sentence, the usual case, fails.
        if sentence.token_end - sentence.token_start > 2 * count:
            if count >= 3:
                every = in_sentence
            if (every is None or _content_words(every) < 2) and \
                    result.more_words_than(index, 2 * count):
                continue
        if every is None:
            every = in_sentence
        marks = [m for m in every if not result.exempt.contains(
            doc.tokens[m.token].start, doc.tokens[m.token].end)]
        if not marks:
            continue
        found = _sentence_span(doc, sentence, marks, result, min_confidence)
        if found is not None:
            yield found
            continue
        if len(marks) >= 3 and _content_words(marks) >= 2:
            yield from _clause_spans(doc, sentence, marks, result.langs, min_confidence)


def _sentence_span(doc: Document, sentence: Sentence, marks: list[Mark], result: Analysis,
                   min_confidence: float) -> SpanFinding | None:
    words = result.sentence_words(sentence.index)
    if words == 0:
        return None
    scripts = sum(1 for m in marks if m.verdict.script is not None)
    if words >= 2 and scripts * 2 >= words:
        start, end = trim(doc.text, sentence.start, sentence.end)
        guess = identify(doc.text[start:end])
        lang = guess.lang if guess.known else marks[0].verdict.script or "und"
        return SpanFinding(start, end, lang, 0.95, _kind(doc, sentence))
    if len(marks) * 2 < words or _english_words(doc, sentence, marks) >= max(3, words // 4):
        return None  # a clause, if anything, inside an English sentence
    if words <= 3:
        # A short line (`Compartir`, `Yorum yaz`): every word must lean away from
        # English and one must be a clear source word, not a name.
        if len(marks) < words or not any(clear(m.verdict) for m in marks) or \
                _dateline(doc, sentence):
            return None
    elif len(marks) < 3 or _content_words(marks) < 2:
        return None
    start, end = trim(doc.text, sentence.start, sentence.end)
    guess = identify(doc.text[start:end], result.langs)
    if guess.known and guess.lang != "en" and guess.confidence >= min_confidence:
        return SpanFinding(start, end, guess.lang, guess.confidence, _kind(doc, sentence))
    return None


def _dateline(doc: Document, sentence: Sentence) -> bool:
    """A line of capitals just under the headline (`BRNO`, `DEBRECEN, Hungary`): the
    dateline's place, a name in any language."""
    if sentence.paragraph >= 3 or doc.paragraphs[sentence.paragraph].kind == "body":
        return False
    first = next((t.text for t in doc.sentence_tokens(sentence) if t.text.isalpha()), "")
    return len(first) > 1 and first.isupper()


def _kind(doc: Document, sentence: Sentence) -> Literal["sentence", "line"]:
    return "sentence" if doc.paragraphs[sentence.paragraph].kind == "body" else "line"


def _english_words(doc: Document, sentence: Sentence, marks: Sequence[Mark]) -> int:
    """Lower-case words of a sentence that do not lean away from English."""
    marked = {m.token for m in marks}
    return sum(1 for i in range(sentence.token_start, sentence.token_end)
               if i not in marked and doc.tokens[i].text.isalpha()
               and doc.tokens[i].text.islower() and zipf(doc.tokens[i].text, "en") >= 3.0)


def _content_words(marks: Sequence[Mark]) -> int:
    """Marked lower-case words that are not name particles.

    Names lean to their language too (`Lula da Silva`, `Palau de la Música`,
    `von der Leyen`); a foreign clause has lower-case words of its own.
    """
    return sum(1 for m in marks if m.verdict.word[:1].islower()
               and m.verdict.lower not in PARTICLES)


def _clause_spans(doc: Document, sentence: Sentence, marks: list[Mark],
                  langs: tuple[str, ...], min_confidence: float) -> Iterator[SpanFinding]:
    """Runs of three or more foreign-leaning words inside an English sentence."""
    marked = {m.token: m for m in marks}
    run: list[int] = []
    for index in range(sentence.token_start, sentence.token_end + 1):
        token = doc.tokens[index] if index < sentence.token_end else None
        if token is not None and index in marked:
            run.append(index)
            continue
        if token is not None and run and not token.text[0].isalnum() and \
                token.text not in _TERMINALS and token.text not in _NEVER_IN_RUN:
            continue  # a comma or dash inside the clause
        found = _run_span(doc, [marked[i] for i in run], langs, min_confidence)
        if found is not None:
            yield found
        run = []


def _run_span(doc: Document, run: list[Mark], langs: tuple[str, ...],
              min_confidence: float) -> SpanFinding | None:
    if len(run) < 3 or _content_words(run) < 2:
        return None
    start, end = doc.tokens[run[0].token].start, doc.tokens[run[-1].token].end
    guess = identify(doc.text[start:end], langs)
    if guess.known and guess.lang != "en" and guess.confidence >= min_confidence:
        return SpanFinding(start, end, guess.lang, guess.confidence, "clause")
    return None

