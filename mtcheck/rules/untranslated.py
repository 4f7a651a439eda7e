"""Untranslated text: source-language words, hybrid tokens, foreign sentences, copied source.

One shared analysis per document (`memoized`) looks at every word once: a word
is English, or it carries evidence of another language (wordfreq frequencies in
the article's source language against English, letters English does not use,
another script). The rules then read that analysis:

- `untranslated.sentence`: a sentence, clause or line where such words dominate,
  confirmed by language identification (run only on those few candidates);
- `untranslated.source-word`: a single source word left in an English sentence;
- `untranslated.hybrid-token`: a source word glued to an English one (`zamIt's`);
- `untranslated.copied-source`: a sentence copied from the source text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from mtcheck.analyze import memoized, sentence_at
from mtcheck.langid import candidate_languages as langid_candidates
from mtcheck.langid import identify, language_name
from mtcheck.model import Document, Hit, Sentence, Token
from mtcheck.rules.registry import Example, RuleContext, rule
from mtcheck.wordlists import (
    ENGLISH_ZIPF,
    FREQUENCY_LANGUAGES,
    evidence,
    foreign_letters,
    in_english_lexicon,
    script_of,
    zipf,
)

# Lower-case particles of names and places (Lula da Silva, Castilla y León,
# Ursula von der Leyen): next to a capitalized word they belong to the name.
_PARTICLES = frozenset({
    "a", "al", "bin", "d", "da", "das", "de", "degli", "dei", "del", "della", "delle", "der",
    "des", "di", "do", "dos", "du", "e", "el", "en", "ibn", "la", "las", "le", "les", "lo",
    "los", "op", "st", "te", "ten", "ter", "und", "van", "vom", "von", "y", "zu", "zum", "zur",
})
# Words after which a foreign word is mentioned on purpose: `the so-called
# Mietpreisbremse`, `a dish known as menemen`.
_MENTION_CUES = frozenset({
    "called", "dubbed", "named", "nicknamed", "termed", "word", "term", "phrase", "meaning",
    "means", "slogan", "motto", "so-called", "known", "titled", "entitled",
})
_QUOTES = re.compile(r"“[^“”\n]{1,200}”|„[^„“”\n]{1,200}[“”]|«[^«»\n]{1,200}»"
                     r"|(?<!\w)\"[^\"\n]{1,200}\"|(?<!\w)\*[^*\n]{1,120}\*(?!\w)"
                     r"|(?<!\w)_[^_\n]{1,120}_(?!\w)")
_QUOTE_MARK = re.compile(r"[“„«\"*_]")
_PARENS = re.compile(r"\(([^()\n]{1,60})\)")
# UTF-8 read as Latin-1 or cp1252 (`LeÃ³n`, `unionâ€™s`): the encoding rules report it.
_MOJIBAKE = re.compile(r"[ÃÂÅÄâÐÑ][\x80-\xbf€™œšž¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾‚ƒ„…†‡ˆ‰‹Œ‘’“”•–—˜]")
_TERMINALS = frozenset(".!?;:…")
_NEVER_IN_RUN = frozenset("()[]{}\"“”„«»‹›*_")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one distinct word form says about its language.

    `relaxed` means the word leans to another language (it counts towards a
    foreign sentence); whether it is flagged alone is decided in context.
    """

    word: str
    lower: str
    lang: str | None
    script: str | None
    zipf_src: float
    zipf_en: float
    english: bool
    letters: bool
    lemma: str | None = None

    @property
    def margin(self) -> float:
        """Zipf points by which the word is more frequent in `lang` than in English."""
        return self.zipf_src - self.zipf_en


@dataclass(frozen=True, slots=True)
class Mark:
    """A word of the text with foreign evidence, and where it stands."""

    token: int
    verdict: Verdict
    sentence: int


@dataclass(frozen=True, slots=True)
class SpanFinding:
    """A stretch of text (sentence, clause or line) in another language."""

    start: int
    end: int
    lang: str
    confidence: float
    kind: str


@dataclass(frozen=True)
class Analysis:
    """The shared result: candidate languages, marked words, exempt offsets."""

    langs: tuple[str, ...]
    marks: tuple[Mark, ...]
    sentence_words: dict[int, int]
    exempt: Spans


@lru_cache(maxsize=1)
def _loanwords() -> tuple[frozenset[str], dict[str, list[tuple[str, ...]]]]:
    """Established loanwords (single words) and phrases keyed by each of their words."""
    words: set[str] = set()
    phrases: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for line in _data_lines("untranslated_loanwords.txt"):
        parts = tuple(line.split())
        if len(parts) == 1:
            words.add(parts[0])
        else:
            for part in set(parts):
                phrases[part].append(parts)
    return frozenset(words), dict(phrases)


@lru_cache(maxsize=1)
def _translations() -> dict[tuple[str, str], str]:
    """Suggested English for frequent source words, by (language, word)."""
    out: dict[tuple[str, str], str] = {}
    for line in _data_lines("untranslated_function_words.tsv"):
        lang, word, english = line.split("\t")
        out[(lang, word)] = english
    return out


def _data_lines(name: str) -> list[str]:
    text = resources.files("mtcheck.rules").joinpath("data").joinpath(name).read_text("utf-8")
    return [s.strip() for s in text.splitlines() if s.strip() and not s.startswith("#")]


@lru_cache(maxsize=1 << 16)
def verdict(word: str, langs: tuple[str, ...]) -> Verdict | None:
    """The language evidence of one word form (None for plain English and non-words)."""
    base = _strip_possessive(word)
    if not base or not base.replace("'", "").replace("’", "").isalpha():
        return None
    script = script_of(base)
    lower = base.lower().replace("i̇", "i")
    if script is not None:
        return Verdict(word, lower, None, script, 0.0, 0.0, False, True)
    if _MOJIBAKE.search(base) or lower in _loanwords()[0]:
        return None
    ev = evidence(lower, langs)
    letters = foreign_letters(lower)
    leans = ev.lang is not None and ev.zipf_src >= 3.0 and ev.margin >= 1.0
    if not leans and not (letters and ev.zipf_en < 3.0):
        return None
    english = ev.zipf_en >= ENGLISH_ZIPF or in_english_lexicon(lower)
    return Verdict(word, lower, ev.lang, None, ev.zipf_src, ev.zipf_en, english, letters)


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def candidate_languages(doc: Document) -> tuple[str, ...]:
    """The languages whose words are looked for (the source language and close kin)."""
    return tuple(lang for lang in langid_candidates(doc) if lang in FREQUENCY_LANGUAGES)


def analysis(doc: Document) -> Analysis:
    """The document's marked words, computed once and shared by the rules."""
    return memoized(doc, "untranslated.analysis", _analyse)


def _analyse(doc: Document) -> Analysis:
    langs = candidate_languages(doc)
    texts = [t.text for t in doc.tokens]
    # One verdict per distinct word form: news text repeats its words.
    marked: dict[str, Verdict] = {}
    for text in set(texts):
        if text[0].isalpha():
            found = verdict(text, langs)
            if found is not None:
                marked[text] = found
    starts = [s.token_start for s in doc.sentences]
    if not starts:
        return Analysis(langs, (), {}, Spans.of(()))
    meta = {p.index for p in doc.paragraphs if p.kind == "meta"}
    marks: list[Mark] = []
    counts: dict[int, int] = {}
    for index, text in enumerate(texts):
        found = marked.get(text)
        if found is None:
            continue
        sentence = doc.sentences[bisect.bisect_right(starts, index) - 1]
        if sentence.paragraph in meta:
            continue
        marks.append(Mark(index, found, sentence.index))
        if sentence.index not in counts:
            counts[sentence.index] = sum(
                1 for t in texts[sentence.token_start:sentence.token_end] if t[0].isalpha())
    exempt = Spans.of(_exempt_spans(doc) if marks else ())
    return Analysis(langs, tuple(marks), counts, exempt)


def _exempt_spans(doc: Document) -> tuple[tuple[int, int], ...]:
    """Offsets where foreign words are meant: quoted titles and terms, glosses.

    A quotation is taken for a title or a term (`“Te doy mis ojos”`, *Der kleine
    Hobbit*) when it is in italics, or when it is short (at most 12 words), does
    not end a sentence inside the quotes, and no speech verb attributes it: an
    attributed quotation is speech, and speech in another language is not meant.
    """
    text = doc.text
    spans: list[tuple[int, int]] = []
    for m in _quotations(text):
        inner = m.group()[1:-1]
        words = inner.split()
        if not words:
            continue
        if m.group()[0] in "*_":
            spans.append((m.start(), m.end()))
            continue
        terminal = inner.rstrip()[-1:] in ".!?"
        if not terminal and len(words) <= 12 and not _attributed(text, m.start(), m.end()):
            spans.append((m.start(), m.end()))
    for m in _PARENS.finditer(text):
        if len(m.group(1).split()) <= 4:
            spans.append((m.start(), m.end()))
    spans.sort()
    return tuple(spans)


def _quotations(text: str) -> Iterator[re.Match[str]]:
    """The quotations of a text, left to right (the regex tried only at quote marks)."""
    last = 0
    for mark in _QUOTE_MARK.finditer(text):
        if mark.start() < last:
            continue
        m = _QUOTES.match(text, mark.start())
        if m is not None:
            last = m.end()
            yield m


_SPEECH = r"(?:said|says|say|told|tells|added|adds|stated|states|asked|asks|declared|" \
          r"wrote|writes|explained|insisted|warned|replied|shouted|tweeted)"
_SPEECH_AFTER = re.compile(rf"\s*,?\s*(?:[\w.-]+\s+){{0,3}}?{_SPEECH}\b", re.IGNORECASE)
_SPEECH_BEFORE = re.compile(rf"\b{_SPEECH}(?:\s+\w+)?\s*[,:]?\s*$", re.IGNORECASE)


def _attributed(text: str, start: int, end: int) -> bool:
    """A speech verb right after (`“…,” she said`) or before (`he said: “…”`) a quotation."""
    return bool(_SPEECH_AFTER.match(text, end, min(len(text), end + 40))) or bool(
        _SPEECH_BEFORE.search(text, max(0, start - 30), start))


@dataclass(frozen=True)
class Spans:
    """Disjoint sorted offset ranges, asked about in O(log n) (overlapping input is merged)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, ranges: Iterable[tuple[int, int]]) -> Spans:
        """The union of `ranges`."""
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if end <= start:
                continue
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return cls(tuple(m[0] for m in merged), tuple(m[1] for m in merged))

    def contains(self, start: int, end: int) -> bool:
        """True when `start:end` lies inside one range."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """True when `start:end` shares an offset with a range."""
        i = bisect.bisect_left(self.ends, start + 1)
        return i < len(self.starts) and self.starts[i] < end


# --- sentences, clauses and lines -------------------------------------------------


def foreign_spans(doc: Document, min_confidence: float = 0.8) -> tuple[SpanFinding, ...]:
    """Sentences, clauses and short lines in another language (shared, memoized)."""
    return memoized(doc, f"untranslated.spans:{min_confidence}",
                    lambda d: tuple(_foreign_spans(d, min_confidence)))


def _foreign_spans(doc: Document, min_confidence: float) -> Iterator[SpanFinding]:
    result = analysis(doc)
    by_sentence: dict[int, list[Mark]] = defaultdict(list)
    for mark in result.marks:
        token = doc.tokens[mark.token]
        if not result.exempt.contains(token.start, token.end):
            by_sentence[mark.sentence].append(mark)
    copied = copied_sentences(doc) if doc.source is not None else {}
    for index, marks in by_sentence.items():
        sentence = doc.sentences[index]
        if index in copied:
            continue  # untranslated.copied-source reports it with the source line
        found = _sentence_span(doc, sentence, marks, result, min_confidence)
        if found is not None:
            yield found
            continue
        if len(marks) >= 3 and _content_words(marks) >= 2:
            yield from _clause_spans(doc, sentence, marks, result.langs, min_confidence)


def _sentence_span(doc: Document, sentence: Sentence, marks: list[Mark], result: Analysis,
                   min_confidence: float) -> SpanFinding | None:
    words = result.sentence_words.get(sentence.index, 0)
    if words == 0:
        return None
    scripts = sum(1 for m in marks if m.verdict.script is not None)
    kind = "sentence" if doc.paragraphs[sentence.paragraph].kind == "body" else "line"
    start, end = _trim(doc.text, sentence.start, sentence.end)
    if words >= 2 and scripts * 2 >= words:
        guess = identify(doc.text[start:end])
        lang = guess.lang if guess.known else marks[0].verdict.script or "und"
        return SpanFinding(start, end, lang, 0.95, kind)
    if len(marks) * 2 < words:
        return None
    if words <= 3:
        # A short line (`Compartir`, `Yorum yaz`): every word must lean away from
        # English and one must be a clear source word, not a name.
        if len(marks) < words or not any(_clear(m.verdict) for m in marks):
            return None
    elif len(marks) < 3 or _content_words(marks) < 2:
        return None
    guess = identify(doc.text[start:end], result.langs)
    if guess.known and guess.lang != "en" and guess.confidence >= min_confidence:
        return SpanFinding(start, end, guess.lang, guess.confidence, kind)
    return None


def _content_words(marks: Sequence[Mark]) -> int:
    """Marked lower-case words that are not name particles.

    Names lean to their language too (`Lula da Silva`, `Palau de la Música`,
    `von der Leyen`); a foreign clause has lower-case words of its own.
    """
    return sum(1 for m in marks if m.verdict.word[:1].islower()
               and m.verdict.lower not in _PARTICLES)


def _clear(v: Verdict) -> bool:
    return not v.english and v.lang is not None and v.zipf_src >= 3.5 and v.margin >= 2.0


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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- single words -----------------------------------------------------------------


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
    if not result.marks:
        return
    ranges = [(s.start, s.end) for s in foreign_spans(doc)]
    if doc.source is not None:
        ranges += [(doc.sentences[i].start, doc.sentences[i].end) for i in copied_sentences(doc)]
    covered = Spans.of(ranges)
    initial = _sentence_initial_tokens(doc)
    for mark in result.marks:
        token = doc.tokens[mark.token]
        if covered.contains(token.start, token.end) or \
                result.exempt.contains(token.start, token.end):
            continue
        v = mark.verdict
        confidence, judged = _judge(doc, mark, token, v, result.langs, margin, min_zipf,
                                    initial)
        if confidence > 0:
            yield WordFinding(token.start, token.end, judged, confidence)


_LABEL = re.compile(r"\s*([^\W\d_]{3,})\s*:")


def meta_labels(doc: Document) -> Iterator[WordFinding]:
    """The label of a metadata line in the source language (`Kaynak: AA`, `Quelle: dpa`).

    Metadata lines are otherwise skipped: they hold names of agencies and
    outlets. Their label is a common word, so it must be clearly foreign.
    """
    langs = analysis(doc).langs
    for para in doc.paragraphs:
        if para.kind != "meta":
            continue
        m = _LABEL.match(para.text)
        if m is None:
            continue
        v = verdict(m.group(1), langs)
        if v is not None and not v.english and _clear(v) and v.zipf_src >= 4.0:
            start = para.start + m.start(1)
            yield WordFinding(start, start + len(m.group(1)), v, 0.8)


def _judge(doc: Document, mark: Mark, token: Token, v: Verdict, langs: tuple[str, ...],
           margin: float, min_zipf: float, initial: set[int]) -> tuple[float, Verdict]:
    """The confidence that a marked word is an untranslated source word (0: it is not),
    and the verdict it rests on (with lemma evidence where the form was too rare)."""
    word = v.word
    if v.script is not None:
        letters = sum(1 for c in word if c.isalpha())
        return (0.95 if letters >= 2 else 0.0), v
    if _around_link(doc.text, token) or _MOJIBAKE.search(
            doc.text, max(0, token.start - 1), min(len(doc.text), token.end + 2)):
        return 0.0, v  # a handle or URL; mojibake is the encoding rules' business
    if len(word) > 1 and word.isupper():
        return 0.0, v  # acronyms and datelines
    if any(c.isupper() for c in word[1:]) and not word.isupper():
        return 0.0, v  # `eğilimdeIn`: untranslated.hybrid-token reports it
    capitalized = word[:1].isupper()
    if capitalized:
        # A sentence-initial capital is mostly a name, and names are as frequent in
        # their language as function words (Erdoğan): only a listed connective or
        # preposition (Según, Además, Cependant) is flagged there.
        if mark.token not in initial or v.lang is None or \
                (v.lang, v.lower) not in _translations():
            return 0.0, v
        if doc.paragraphs[doc.sentences[mark.sentence].paragraph].kind != "body":
            return 0.0, v
        nxt = _next_word(doc, mark.token)
        if nxt is not None and nxt.text[:1].isupper():
            return 0.0, v  # `Las Vegas`, `Los Angeles`: a name
        if _capitalized_inside(doc, word):
            return 0.0, v
    if len(v.lower) == 1:
        return _single_letter(doc, mark.token, v), v
    if v.letters and v.zipf_src < 3.0 and not capitalized and not v.english:
        v = _lemmatized(v, langs)
    if v.english or v.lang is None:
        return 0.0, v
    if len(v.lower) == 2:
        margin, min_zipf = max(margin, 2.5), max(min_zipf, 5.0)
    strong = v.zipf_src >= min_zipf and v.margin >= margin
    by_letters = v.letters and v.zipf_en < 2.0 and v.zipf_src >= 2.5 and v.margin >= 1.5
    if not (strong or by_letters):
        return 0.0, v
    if v.lower in _PARTICLES and _next_to_name(doc, mark.token):
        return 0.0, v
    if _mentioned(doc, mark.token) or _glossed(doc, mark.token, v) or \
            _in_phrase(doc, mark.token, v.lower) or \
            _species_name(doc, mark.token, v.lower, langs) or \
            _ends_foreign_name(doc, mark.token, v, langs):
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
    if v.lang is None or (v.lang, v.lower) not in _translations() or not v.word.islower():
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


def source_phrases(doc: Document,
                   langs: tuple[str, ...]) -> Iterator[tuple[int, int, str, str]]:
    """Listed multi-word source expressions (`sin embargo`, `além disso`).

    Looked for only around marked words (a listed phrase has at least one word
    that leans to its language). Yields start, end, language and the English.
    """
    index = _phrase_index(langs)
    if not index:
        return
    seen: set[int] = set()
    for mark in analysis(doc).marks:
        for lang, phrase, english in index.get(mark.verdict.lower, ()):
            n = len(phrase)
            for first in range(max(0, mark.token - n + 1), mark.token + 1):
                tokens = doc.tokens[first:first + n]
                if first in seen or len(tokens) < n or any(
                        t.text.lower() != w for t, w in zip(tokens, phrase)):
                    continue
                if any(t.text[:1].isupper() for t in tokens[1:]):
                    continue  # `Sin Embargo` in a title is a name
                seen.add(first)
                yield tokens[0].start, tokens[-1].end, lang, english


@lru_cache(maxsize=64)
def _phrase_index(langs: tuple[str, ...]) -> dict[str, list[tuple[str, tuple[str, ...], str]]]:
    """Each word of a listed multi-word expression of `langs`, to its expressions."""
    index: dict[str, list[tuple[str, tuple[str, ...], str]]] = defaultdict(list)
    for (lang, text), english in _translations().items():
        words = tuple(text.split())
        if lang in langs and len(words) > 1:
            for word in set(words):
                index[word].append((lang, words, english))
    return dict(index)


def _sentence_initial_tokens(doc: Document) -> set[int]:
    """The first word token of every sentence (after any opening quote or bracket)."""
    return memoized(doc, "untranslated.initial", _initial_tokens)


def _initial_tokens(doc: Document) -> set[int]:
    out: set[int] = set()
    for s in doc.sentences:
        for index in range(s.token_start, s.token_end):
            if doc.tokens[index].text[0].isalpha():
                out.add(index)
                break
            if doc.tokens[index].text[0].isalnum():
                break
    return out


def _capitalized_inside(doc: Document, word: str) -> bool:
    """True when a capitalized word also occurs inside a sentence: a name, not a starter."""
    known = memoized(doc, "untranslated.capitalized_inside", lambda _: {})
    if word not in known:
        initial = memoized(doc, "untranslated.initial_offsets",
                           lambda d: {d.tokens[i].start for i in _sentence_initial_tokens(d)})
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        known[word] = any(m.start() not in initial for m in pattern.finditer(doc.text))
    return known[word]


def _next_word(doc: Document, index: int) -> Token | None:
    for token in doc.tokens[index + 1:index + 3]:
        if token.text[0].isalpha():
            return token
        if token.text not in ",":
            return None
    return None


def _next_to_name(doc: Document, index: int) -> bool:
    for other in (index - 1, index + 1):
        if 0 <= other < len(doc.tokens):
            text = doc.tokens[other].text
            if text[:1].isupper():
                return True
    return False


_GLOSS_STARTS = frozenset({"the", "a", "an", "or", "meaning", "i.e"})


def _glossed(doc: Document, index: int, v: Verdict) -> bool:
    """A term followed by its English gloss: `bica, the strong espresso`.

    Not a listed connective (`Cependant, the first trains ...`).
    """
    if v.lang is not None and (v.lang, v.lower) in _translations():
        return False
    following = doc.tokens[index + 1:index + 3]
    return len(following) == 2 and following[0].text == "," and \
        following[1].text.lower() in _GLOSS_STARTS


def _ends_foreign_name(doc: Document, index: int, v: Verdict, langs: tuple[str, ...]) -> bool:
    """An adjective that closes a foreign name: `Cinémathèque française`, `Assemblée nationale`.

    The word before is a capitalized foreign word, the word after is not capitalized,
    and the word is not a listed function word (`the Bundesbank, laut a statement`
    and `Fenerbahçe ve Beşiktaş` are still untranslated).
    """
    if index == 0 or v.lang is None or (v.lang, v.lower) in _translations():
        return False
    before = doc.tokens[index - 1].text
    if not (before[:1].isupper() and before.isalpha()) or index - 1 in _sentence_initial_tokens(doc):
        return False
    nxt = _next_word(doc, index)
    if nxt is not None and nxt.text[:1].isupper():
        return False
    lower = before.lower()
    return foreign_letters(before) or max(
        (zipf(lower, lang) for lang in langs), default=0.0) > zipf(lower, "en") + 1.0


_LATIN_ENDINGS = ("a", "ae", "ii", "is", "um", "us", "ensis")


def _species_name(doc: Document, index: int, lower: str, langs: tuple[str, ...]) -> bool:
    """The epithet of a binomial species name (`Xylella fastidiosa`, `Aedes aegypti`).

    A Latin-looking word after a capitalized word that neither English nor the
    source language knows (a genus) is science, not an untranslated word.
    """
    if index == 0 or len(lower) < 5 or not lower.endswith(_LATIN_ENDINGS):
        return False
    genus = doc.tokens[index - 1].text
    if not (genus[:1].isupper() and genus[1:].islower() and genus.isalpha()):
        return False
    known = max((zipf(genus.lower(), lang) for lang in ("en", *langs)), default=0.0)
    return known < 3.0


def _mentioned(doc: Document, index: int) -> bool:
    """A word introduced as a term (`the so-called X`, `known as X`)."""
    return any(t.text.lower() in _MENTION_CUES for t in doc.tokens[max(0, index - 3):index])


def _in_phrase(doc: Document, index: int, lower: str) -> bool:
    phrases = _loanwords()[1].get(lower)
    if not phrases:
        return False
    for phrase in phrases:
        n = len(phrase)
        for first in range(max(0, index - n + 1), index + 1):
            words = tuple(t.text.lower() for t in doc.tokens[first:first + n])
            if words == phrase:
                return True
    return False


def _around_link(text: str, token: Token) -> bool:
    """Part of a handle, hashtag, URL or e-mail address."""
    before = text[token.start - 1:token.start] if token.start else ""
    after = text[token.end:token.end + 1]
    return before in ("@", "#", "/", ".", "=") or after in ("/", "@", "=")


# --- copied source ----------------------------------------------------------------

_NORMALIZE_PUNCT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"',
                                  "«": '"', "»": '"', "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
_KEY_WORDS = re.compile(r"[^\W\d_]{4,}")


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_NORMALIZE_PUNCT).casefold()
    return _SPACES.sub(" ", text).strip(" .!?;:")


def _keys(normal: str) -> list[str]:
    """Blocking keys: the whole text and its three longest words."""
    words = sorted(set(_KEY_WORDS.findall(normal)), key=lambda w: (-len(w), w))
    return [f"={normal}", *words[:3]]


@dataclass(frozen=True, slots=True)
class Copy:
    """A target sentence that copies a source sentence."""

    source_index: int
    similarity: float


def copied_sentences(doc: Document, threshold: float = 0.9) -> dict[int, Copy]:
    """Target sentences nearly identical to a source sentence and not English (memoized).

    Linear: source sentences are indexed by blocking keys (the normalized text and
    its three longest words), and each target sentence is compared only with the
    few source sentences that share a key.
    """
    return memoized(doc, f"untranslated.copied:{threshold}",
                    lambda d: _copied(d, threshold))


def _copied(doc: Document, threshold: float) -> dict[int, Copy]:
    source = doc.source
    if source is None:
        return {}
    normals = [_normal(s.text) for s in source.sentences]
    index: dict[str, list[int]] = defaultdict(list)
    for i, normal in enumerate(normals):
        if len(normal.split()) >= 3:
            for key in _keys(normal):
                if len(index[key]) < 50:  # a key shared by many sentences says nothing
                    index[key].append(i)
    out: dict[int, Copy] = {}
    langs = candidate_languages(doc)
    for sentence in doc.sentences:
        normal = _normal(sentence.text)
        if len(normal.split()) < 3:
            continue
        candidates = {i for key in _keys(normal) for i in index.get(key, ())}
        best, best_i = 0.0, -1
        for i in candidates:
            score = fuzz.ratio(normal, normals[i], score_cutoff=threshold * 100) / 100
            if score > best:
                best, best_i = score, i
        if best_i >= 0 and not _plausibly_english(sentence.text, langs):
            out[sentence.index] = Copy(best_i, best)
    return out


def _plausibly_english(text: str, langs: tuple[str, ...]) -> bool:
    """Most lower-case words lean to English, not to the source: not a copy of the source.

    Capitalized words do not count: names are spelled the same in both texts.
    """
    words = [w for w in _LETTERS.findall(text) if w.islower()]
    if not words:
        return True
    english = 0
    for word in words:
        en = zipf(word, "en")
        src = max((zipf(word, lang) for lang in langs), default=0.0)
        if en >= 3.0 and (src - en < 1.0 or en >= ENGLISH_ZIPF or in_english_lexicon(word)):
            english += 1
    return english * 2 > len(words)


_LETTERS = re.compile(r"[^\W\d_]+")


# --- the rules --------------------------------------------------------------------


@rule("untranslated.sentence", category="untranslated", severity="critical",
      bad=["Prices rose sharply in March. Die Bahn bezeichnete den Streik als "
           "unverhältnismäßig. The talks resume on Monday.",
           "The minister spoke on Friday. Это решение не останется без ответа.",
           "The harvest was poor this year. Los agricultores piden ayudas al gobierno "
           "para cubrir las pérdidas.",
           "The union called off the strike.\n\nLesen Sie auch\n\nTrains run normally."],
      good=["The film “Mujeres al borde de un ataque de nervios” was shown outdoors.",
            "Her translation replaces the edition titled *Der kleine Hobbit* on shelves.",
            "Castilla y León and Andalucía opened booking systems online.",
            "Shares of Limmat Privatbank fell in Zürich on Friday."],
      options={"min_confidence": 0.8})
def sentence(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A whole sentence, clause or line left in another language.

    Language identification runs only on sentences where most words already lean
    to another language (word frequencies, letters, script), so it stays cheap.
    Quoted titles (`“Mujeres al borde de un ataque de nervios”`) and short quoted
    terms are left alone. With a source text, a sentence copied from it is left
    to `untranslated.copied-source`.
    """
    for span in foreign_spans(doc, ctx.number("min_confidence")):
        what = {"sentence": "sentence", "line": "line", "clause": "clause"}[span.kind]
        name = language_name(span.lang) if span.lang != "und" else "another language"
        yield Hit(span.start, span.end, f"{what} in {name} left untranslated",
                  confidence=round(span.confidence, 3))


@rule("untranslated.source-word", category="untranslated", severity="major",
      bad=["Credit growth ve deposit rates are being watched closely.",
           "The court ruled on Wednesday, laut a statement from its press office.",
           "Según the regional minister, consumption must fall.",
           "The economy keeps growing despite all санкции, he said.",
           "The company raised 600 million euros, selon a press release.",
           Example("The bank held its faiz decision until May.", src_lang="tr")],
      good=["Erdoğan met the mayor of São Paulo in Zürich.",
            "After the fiesta, guests took a siesta at the café.",
            "The Bundestag debated détente with Moscow.",
            "Fenerbahçe and Beşiktaş are rivals.",
            "Lula da Silva visited Castilla y León.",
            "Many die in the floods each year, the den of thieves said."],
      options={"margin": 2.0, "min_zipf": 3.0})
def source_word(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A word of the source language left in an English sentence.

    A lower-case word is flagged when it is far more frequent in the article's
    source language (given by `--src-lang`, detected from the source text, or
    guessed from the article's non-English words) than in English and English
    does not know it as a word; letters that English does not use (ş, ß, ñ) and
    other scripts (Cyrillic) count as evidence too. Proper names, established
    loanwords (kebab, fiesta, détente), English homographs (`die`, `den`),
    particles inside names (`Castilla y León`) and quoted titles are not flagged;
    a capitalized word only at the start of a sentence, with strong evidence.
    """
    translations = _translations()
    langs = analysis(doc).langs
    covered = Spans.of([(s.start, s.end) for s in foreign_spans(doc)])
    exempt = analysis(doc).exempt
    for start, end, lang, english in source_phrases(doc, langs):
        if not covered.overlaps(start, end) and not exempt.overlaps(start, end):
            text = doc.text[start:end]
            fix = english[:1].upper() + english[1:] if text[:1].isupper() else english
            yield Hit(start, end, f"'{text}' is a {language_name(lang)} expression "
                      f"('{english}')", suggestion=fix, confidence=0.85)
    for found in (*source_words(doc, ctx.number("margin"), ctx.number("min_zipf")),
                  *meta_labels(doc)):
        v = found.verdict
        suggestion: str | None = None
        if v.script is not None:
            message = f"{v.script} word '{v.word}' left untranslated"
        else:
            lang = v.lang or "und"
            shown = f"lemma '{v.lemma}'" if v.lemma else "the word"
            message = (f"'{v.word}' is a {language_name(lang)} word ({shown} is about "
                       f"{10 ** v.margin:,.0f}× more frequent in {language_name(lang)} "
                       f"than in English)")
            suggestion = translations.get((lang, v.lower))
            if suggestion and v.word[:1].isupper():
                suggestion = suggestion[:1].upper() + suggestion[1:]
        yield Hit(found.start, found.end, message, suggestion=suggestion,
                  confidence=found.confidence)


# A lower-case run glued to a capitalized English word: `zamIt's`, `yüzdeThe`; at the
# start of a sentence the source word may be capitalized too: `InoltreThe`.
_GLUED = re.compile(r"([^\W\d_]?[^\W\d_A-Z]{2,})([A-Z][a-z]+(?:['’][a-z]+)?)")
# Where a lower-case letter meets a capital inside a word: rare, so found first.
_JOINT = re.compile(r"[A-Z](?<=[^\W\d_A-Z][A-Z])[a-z]")
_WORD_AROUND = re.compile(r"[\w'’]+")


def glued_words(text: str) -> Iterator[re.Match[str]]:
    """Words made of a lower-case run and a capitalized word (`zamIt's`), as matches."""
    last = -1
    for joint in _JOINT.finditer(text):
        start = joint.start() - 1
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’"):
            start -= 1
        if start <= last:
            continue
        word = _WORD_AROUND.match(text, start)
        if word is None:
            continue
        last = word.end()
        m = _GLUED.fullmatch(text, start, word.end())
        if m is not None:
            yield m


@rule("untranslated.hybrid-token", category="untranslated", severity="major",
      bad=["The deal is close. zamIt's useless to speculate.",
           "Prices rose by yüzdeThe ten percent.",
           "The trend slowed. eğilimdeIn the statement, the bank said more.",
           Example("The fund led the round. toutefoisThe amount stayed small.",
                   src_lang="fr"),
           Example("Talks stalled in May. InoltreThe region pledged new funds.",
                   src_lang="it")],
      good=["She bought an iPhone and sold it on eBay.", "The McDonald family met.",
            "He works for deGrasse Labs.", "Travellers booked with easyJet again.",
            Example("CaixaBank raised its dividend. Analysts at HarperCollins agreed.",
                    src_lang="es")])
def hybrid_token(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A source-language word glued to an English word by the MT system.

    MT systems sometimes emit a source word without a space before the next
    English word (`zamIt's`). The left part must not be English and must carry
    evidence of the source language (its frequency there, or letters English does
    not use), so brand names such as `iPhone` or `easyJet` pass. A capitalized
    left part (`InoltreThe`) counts only at the start of a sentence and only for a
    listed source connective, since company names are glued the same way
    (`CaixaBank`). The English part is suggested as the fix.
    """
    langs: tuple[str, ...] | None = None
    for m in glued_words(doc.text):
        left, right = m.group(1), m.group(2)
        lower = left.lower()
        if not _english_part(right) or in_english_lexicon(lower) or zipf(lower, "en") >= 3.5:
            continue
        if langs is None:
            # Without a known source language every language may claim the left part.
            langs = candidate_languages(doc) or tuple(sorted(FREQUENCY_LANGUAGES))
        ev = evidence(lower, langs)
        if left[:1].isupper():
            if ev.lang is None or (ev.lang, lower) not in _translations() or \
                    not _starts_sentence(doc, m.start()):
                continue
        elif not foreign_letters(left) and not (
                ev.lang is not None and ev.zipf_src >= 3.0 and ev.margin >= 1.5):
            continue
        where = f" ({language_name(ev.lang)})" if ev.lang and ev.zipf_src >= 2.5 else ""
        yield Hit(m.start(), m.end(), f"'{left}'{where} is glued to '{right}': an "
                  f"untranslated source word fused with English", suggestion=right,
                  confidence=0.9 if ev.lang else 0.75)


def _starts_sentence(doc: Document, offset: int) -> bool:
    """True when only opening quotes or brackets stand between a sentence start and `offset`."""
    found = sentence_at(doc, offset)
    return found is not None and not doc.text[found.start:offset].strip("“\"'‘«„([ ")


def _english_part(word: str) -> bool:
    lower = word.lower().replace("’", "'")
    return zipf(lower, "en") >= 4.0 or in_english_lexicon(lower)


@rule("untranslated.copied-source", category="untranslated", severity="critical",
      needs=("source",),
      bad=[Example("Rates were held. Merkez Bankası bir sonraki kararını Mayısta açıklayacak.",
                   source="Faiz sabit kaldı. Merkez Bankası bir sonraki kararını Mayısta "
                          "açıklayacak.", src_lang="tr")],
      good=[Example("Rates were held. The bank will announce its next decision in May.",
                    source="Faiz sabit kaldı. Merkez Bankası bir sonraki kararını Mayısta "
                           "açıklayacak.", src_lang="tr"),
            Example("Real Madrid beat Barcelona 2-1 in the Santiago Bernabéu Stadium.",
                    source="Real Madrid beat Barcelona 2-1 in the Santiago Bernabéu "
                           "Stadium.", src_lang="es")],
      options={"similarity": 0.9})
def copied_source(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A sentence of the translation that copies a sentence of the source.

    MT pipelines pass a segment through untouched when translation fails. A
    target sentence identical or nearly identical (normalized, rapidfuzz ratio
    at least `similarity`) to a source sentence, and not plausibly English
    (names and numbers can be identical in both), is flagged.
    """
    if doc.source is None:
        return
    copies = copied_sentences(doc, ctx.number("similarity"))
    for index, copy in sorted(copies.items()):
        s = doc.sentences[index]
        start, end = _trim(doc.text, s.start, s.end)
        src = doc.source.sentences[copy.source_index]
        line = doc.source.text.count("\n", 0, src.start) + 1
        yield Hit(start, end, f"sentence copied from the source (line {line}, "
                  f"{copy.similarity:.0%} identical) instead of translated",
                  confidence=round(min(1.0, copy.similarity), 3))
