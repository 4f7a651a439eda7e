"""Where a foreign word is meant: quotations, glosses, names, species, links.

English news keeps foreign words on purpose (quoted titles, terms glossed in
English, names with their particles); these predicates tell such uses from
untranslated text. Offsets are looked up in `Spans` in logarithmic time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mtcheck.analyze import memoized
from mtcheck.foreign.lexicon import Verdict, loanwords, place_words, translations
from mtcheck.model import Document, Token
from mtcheck.wordlists import foreign_letters, zipf

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


def exempt_spans(doc: Document) -> tuple[tuple[int, int], ...]:
    """Offsets where foreign words are meant: quoted titles and terms, glosses, names
    introduced by what they name (`the association Brno na kole`) or abbreviated after
    them (`Dopravní podnik města Brna (DPMB)`).

    A quotation is taken for a title or a term (`“Te doy mis ojos”`, *Der kleine
    Hobbit*) when it is in italics, or when it is short (at most 12 words), does
    not end a sentence inside the quotes, and no speech verb attributes it: an
    attributed quotation is speech, and speech in another language is not meant.
    """
    return _exempt_between(doc.text, 0, len(doc.text))


def _exempt_between(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """`exempt_spans` of the lines in `text[start:end]` (which starts a line).

    No quotation or gloss crosses a line break (the patterns exclude it), so the spans
    of a line are found from that line alone, exactly as over the whole text.
    """
    spans: list[tuple[int, int]] = []
    for m in _quotations(text, start, end):
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
    for m in _PARENS.finditer(text, start, end):
        if len(m.group(1).split()) <= 4:
            spans.append((m.start(), m.end()))
        named = _named_by_acronym(text, m)
        if named is not None:
            spans.append((named, m.start()))
    spans.extend(m.span(1) for m in _NAMED.finditer(text, start, end))
    spans.sort()
    return tuple(spans)


# A name kept in its own language after the noun that introduces it: `the association
# Brno na kole`, `the daily Gazeta Wyborcza` (up to five words, to the next punctuation).
# (In lower case, after a space: a case-insensitive alternation would be tried at
# every character of the line and cost ten times as much.)
_NAMED = re.compile(
    r"[^\S\n](?:association|group|initiative|campaign|movement|party|company|firm|club|"
    r"band|newspaper|daily|weekly|magazine|festival|programme|program|project|foundation|"
    r"organi[sz]ation|society|union|choir|ensemble|collective|network|platform|"
    r"cooperative|website|portal|broadcaster|channel|brand|restaurant)[^\S\n]+"
    r"([A-ZÀ-ÞĀ-Ž][^\s,.;:!?()]*(?:[^\S\n]+[^\s,.;:!?()“”\"]+){0,4})")
_ACRONYM = re.compile(r"[A-ZÀ-ÞĀ-Ž]{2,8}")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[^\S\n]*$")


def _named_by_acronym(text: str, parens: re.Match[str]) -> int | None:
    """Where the name that an acronym in brackets abbreviates starts, or None.

    `Dopravní podnik města Brna (DPMB)`, `Producteurs et productrices acéricoles du
    Québec (PPAQ)`: an organization's own name, kept in its language on purpose. The
    acronym's letters are the initials of the words before it, read backwards; up to
    two words in a row may be skipped (`et`, `du`).
    """
    acronym = parens.group(1)
    if _ACRONYM.fullmatch(acronym) is None:
        return None
    letters, at, skipped = acronym.lower(), parens.start(), 0
    while letters:
        word = _WORD_BEFORE.search(text, max(0, at - 40), at)
        if word is None:
            return None
        if word.group(1)[0].lower() == letters[-1]:
            letters, skipped = letters[:-1], 0
        else:
            skipped += 1
            if skipped > 2:
                return None
        at = word.start(1)
    return at


class ExemptSpans:
    """`exempt_spans` of a document as `Spans`, worked out for a line when first asked.

    Most documents ask about a handful of words, and only their lines are read. The
    answers are those of `Spans.of(exempt_spans(doc))`: no span crosses a line break,
    so spans of different lines never merge. It keeps the text, not the document: it
    lives in the document's memo, and a reference back would make a cycle that only the
    garbage collector could free.
    """

    __slots__ = ("_line_starts", "_lines", "_text")

    def __init__(self, doc: Document) -> None:
        self._text = doc.text
        self._line_starts = doc.line_starts
        self._lines: dict[int, Spans] = {}

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset) - 1

    def _spans(self, line: int) -> Spans:
        found = self._lines.get(line)
        if found is None:
            starts = self._line_starts
            end = starts[line + 1] - 1 if line + 1 < len(starts) else len(self._text)
            found = self._lines[line] = Spans.of(_exempt_between(self._text, starts[line], end))
        return found

    def contains(self, start: int, end: int) -> bool:
        """True when `start:end` (within one line) lies inside one exempt span."""
        return self._spans(self._line(start)).contains(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """True when `start:end` shares an offset with an exempt span."""
        last = self._line(max(start, end - 1))
        return any(self._spans(line).overlaps(start, end)
                   for line in range(self._line(start), last + 1))


def _quotations(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The quotations of a text, left to right (the regex tried only at quote marks)."""
    last = 0
    for mark in _QUOTE_MARK.finditer(text, start, len(text) if end is None else end):
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


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The range without trailing white space."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_initial_tokens(doc: Document) -> set[int]:
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


def capitalized_inside(doc: Document, word: str) -> bool:
    """True when a capitalized word also occurs inside a sentence: a name, not a starter."""
    known = memoized(doc, "untranslated.capitalized_inside", lambda _: {})
    if word not in known:
        initial = memoized(doc, "untranslated.initial_offsets",
                           lambda d: {d.tokens[i].start for i in sentence_initial_tokens(d)})
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        known[word] = any(m.start() not in initial for m in pattern.finditer(doc.text))
    return known[word]


def next_word(doc: Document, index: int) -> Token | None:
    """The next word token, across at most one comma; None at other punctuation."""
    for token in doc.tokens[index + 1:index + 3]:
        if token.text[0].isalpha():
            return token
        if token.text not in ",":
            return None
    return None


def next_to_name(doc: Document, index: int) -> bool:
    """True when a neighbouring token is capitalized (the word may be part of a name)."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(doc.tokens):
            text = doc.tokens[other].text
            if text[:1].isupper():
                return True
    return False


def inside_place_name(doc: Document, index: int, v: Verdict) -> bool:
    """A lower-case word that belongs to a name: between two capitalized words (`Obala
    kralja Tomislava`), or a street or square word before one (`on náměstí Míru`,
    `along ulica Długa`). The capitalized word must not open a sentence, and a listed
    function word still counts (`Fenerbahçe ve Beşiktaş` lost its `and`)."""
    lower = v.lower
    if v.lang is not None and (v.lang, lower) in translations():
        return False
    tokens = doc.tokens
    after = index + 1 < len(tokens) and tokens[index + 1].text[:1].isupper() and \
        tokens[index + 1].text[:1].isalpha()
    if not after:
        return False
    if lower in place_words():
        return True
    return index > 0 and tokens[index - 1].text[:1].isupper() and \
        tokens[index - 1].text.isalpha() and index - 1 not in sentence_initial_tokens(doc)


def mentioned(doc: Document, index: int) -> bool:
    """A word introduced as a term (`the so-called X`, `known as X`, `known in Czech as
    X`): a cue among the three words before it, or further back across a language."""
    before = doc.tokens[max(0, index - 5):index]
    for j in range(len(before) - 1, -1, -1):
        text = before[j].text
        if text.lower() in _MENTION_CUES:
            return True
        if j < len(before) - 3 and text.lower() not in _ACROSS_TO_TERM and \
                not text[:1].isupper():
            return False
    return False


# What may stand between a cue and its term: `known locally as`, `called in Czech`.
_ACROSS_TO_TERM = frozenset({"in", "as", "locally", "simply", "also", "here"})

_GLOSS_STARTS = frozenset({"the", "a", "an", "or", "meaning", "i.e"})


def glossed(doc: Document, index: int, v: Verdict) -> bool:
    """A term followed by its English gloss: `bica, the strong espresso`.

    Not a listed connective (`Cependant, the first trains ...`).
    """
    if v.lang is not None and (v.lang, v.lower) in translations():
        return False
    # The term may go on for a word or two (`kranjska klobasa, a smoked sausage`).
    at = index + 1
    while at < min(index + 3, len(doc.tokens)) and doc.tokens[at].text.isalpha() and \
            doc.tokens[at].text.islower() and zipf(doc.tokens[at].text, "en") < _PLAIN_ENGLISH:
        at += 1
    following = doc.tokens[at:at + 2]
    return len(following) == 2 and following[0].text == "," and \
        following[1].text.lower() in _GLOSS_STARTS


_PLAIN_ENGLISH = 3.0


def ends_foreign_name(doc: Document, index: int, v: Verdict, langs: tuple[str, ...]) -> bool:
    """An adjective that closes a foreign name: `Cinémathèque française`, `Assemblée nationale`.

    The word before is a capitalized foreign word, the word after is not capitalized,
    and the word is not a listed function word (`the Bundesbank, laut a statement`
    and `Fenerbahçe ve Beşiktaş` are still untranslated).
    """
    if index == 0 or v.lang is None or (v.lang, v.lower) in translations():
        return False
    before = doc.tokens[index - 1].text
    if not (before[:1].isupper() and before.isalpha()) or index - 1 in sentence_initial_tokens(doc):
        return False
    nxt = next_word(doc, index)
    if nxt is not None and nxt.text[:1].isupper():
        return False
    lower = before.lower()
    return foreign_letters(before) or max(
        (zipf(lower, lang) for lang in langs), default=0.0) > zipf(lower, "en") + 1.0

_LATIN_ENDINGS = ("a", "ae", "ii", "is", "um", "us", "ensis")


def species_name(doc: Document, index: int, lower: str, langs: tuple[str, ...]) -> bool:
    """The epithet of a binomial species name (`Xylella fastidiosa`, `Aedes aegypti`).

    A Latin-looking word (plain ASCII, a Latin ending, not a common word of the
    source language) after a capitalized word that neither English nor the source
    language knows (a genus) is science, not an untranslated word.
    """
    if index == 0 or len(lower) < 5 or not lower.isascii() or \
            not lower.endswith(_LATIN_ENDINGS) or \
            max((zipf(lower, lang) for lang in langs), default=0.0) >= 4.5:
        return False
    genus = doc.tokens[index - 1].text
    if not (genus[:1].isupper() and genus[1:].islower() and genus.isalpha() and genus.isascii()):
        return False
    known = max((zipf(genus.lower(), lang) for lang in ("en", *langs)), default=0.0)
    return known < 3.0


def in_loan_phrase(doc: Document, index: int, lower: str) -> bool:
    """True when the word is part of a listed foreign phrase of English (`de facto`)."""
    phrases = loanwords()[1].get(lower)
    if not phrases:
        return False
    for phrase in phrases:
        n = len(phrase)
        for first in range(max(0, index - n + 1), index + 1):
            words = tuple(t.text.lower() for t in doc.tokens[first:first + n])
            if words == phrase:
                return True
    return False


def around_link(text: str, token: Token) -> bool:
    """Part of a handle, hashtag, URL or e-mail address."""
    before = text[token.start - 1:token.start] if token.start else ""
    after = text[token.end:token.end + 1]
    return before in ("@", "#", "/", ".", "=") or after in ("/", "@", "=")
