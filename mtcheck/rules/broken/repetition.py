"""Repetition: a word doubled, a phrase decoded twice, a noun looped by `of the`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import pairwise

from mtcheck.analyze import memoized
from mtcheck.english import FUNCTION_WORDS, word_set
from mtcheck.model import Document, Hit, Token
from mtcheck.rules.broken._codes import _CODES, _LOOP_DETERMINERS, _codes, _codes_of
from mtcheck.rules.broken._shared import _COUNT_WORDS
from mtcheck.rules.registry import RuleContext, rule

_REPEAT = re.compile(r"(.{1,9})\1", re.DOTALL)


def _repeats(doc: Document) -> list[tuple[int, int]]:
    """(first token, tokens per copy) of each back-to-back repetition within a line."""
    def compute(d: Document) -> list[tuple[int, int]]:
        out = []
        for m in _REPEAT.finditer(_codes(d).text):
            first, size = m.start(), len(m.group(1))
            tokens = d.tokens[first:first + 2 * size]
            if _words_only(tokens, size) and \
                    "\n" not in d.text[tokens[0].end:tokens[-1].start] and \
                    all(a.text.lower() == b.text.lower()
                        for a, b in zip(tokens[:size], tokens[size:], strict=True)):
                out.append((first, size))
        return out
    return memoized(doc, "broken.repeats", compute)


def _words_only(tokens: Sequence[Token], size: int) -> bool:
    """Each copy is words, with no punctuation but the full stops of abbreviations
    (`6 p.m. on Sunday`): a copy never runs across the end of a sentence."""
    if not (tokens[0].text[0].isalnum() and tokens[size - 1].text[0].isalnum()):
        return False
    return all(t.text[0].isalnum() or (t.text == "." and "." in previous.text
                                       and previous.end == t.start)
               for previous, t in pairwise(tokens))


# Doubles that English grammar or idiom allows.
_ALLOWED_DOUBLES = word_set("had that very bye no so ha now yeah tut knock chop well")
# `What it is is ...`, `all they do do`: allowed only after such a fronted clause.
_FRONTED_DOUBLES = word_set("is do")
_FRONTING = word_set("what all thing problem question point truth fact reason issue")


@rule("broken.doubled-word", category="broken", severity="minor",
      bad=["The the committee met on Monday.", "Prices rose in in March.",
           "She thanked the the fans at the airport."],
      good=["What she had had was enough.", "He said that that plan failed.",
            "The committee met on Monday.", "They flew to Bora Bora in June."])
def doubled_word(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """The same word twice in a row.

    MT output and hasty edits repeat a word (`the the`); doubles that English allows
    (`had had`, `that that`) and capitalized doubles that are names (`Bora Bora`) are
    not flagged. The fix keeps the first word.
    """
    for index, size in _repeats(doc):
        if size != 1:
            continue
        first, second = doc.tokens[index], doc.tokens[index + 1]
        word = first.text
        lower = word.lower()
        if lower in _ALLOWED_DOUBLES or not word[0].isalpha():
            continue
        if lower in _FRONTED_DOUBLES and any(
                t.text.lower() in _FRONTING for t in doc.tokens[max(0, index - 6):index]):
            continue
        if second.text[0].isupper() and lower not in FUNCTION_WORDS:
            continue  # Bora Bora, Sirhan Sirhan
        yield Hit(first.start, second.end, f"'{word}' is repeated", suggestion=word,
                  confidence=0.95)


# Words that end one phrase and start another (`the rest and of the rest`).
_NOT_IN_LOOP = frozenset(("and", "or", "but", "of"))
_SUPERLATIVE = re.compile(r"(?i)(?:best|worst|first|last|most|least|\w+est)$")


@rule("broken.repeated-phrase", category="broken", severity="minor",
      bad=["Doses are given in pharmacies and health centres in pharmacies and health "
           "centres across the region.",
           "Prices will stay high in the coming period of the period.",
           "Fuel will stay scarce in the months ahead of the months.",
           "Ferries must return before 6 p.m. on Friday before 6 p.m. on Friday.",
           "The clinic was built with money from the national recovery fund, as the "
           "school was, with money from the national recovery fund."],
      good=["The team won again and again.", "She was the best of the best.",
            "Doses are given in pharmacies and health centres across the region.",
            "Mora won 52 per cent of the vote and Ruiz 41 per cent of the vote.",
            "The head of the union met the head of the agency."])
def repeated_phrase(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A phrase of two or more words repeated back to back, or a noun looped by `of the`.

    Neural MT sometimes decodes the same stretch twice; the fix keeps one copy. A
    noun repeated across `of the` (`the period of the period`) has no safe fix and is
    reported without one; superlatives (`the best of the best`) are idiom.
    """
    for index, size in _repeats(doc):
        if size < 2:
            continue
        first, last = doc.tokens[index], doc.tokens[index + 2 * size - 1]
        if not any(c.isalpha() for t in doc.tokens[index:index + size] for c in t.text):
            continue
        phrase = doc.text[first.start:doc.tokens[index + size - 1].end]
        yield Hit(first.start, last.end, f"'{phrase}' is repeated", suggestion=phrase,
                  confidence=0.9)
    yield from _noun_loops(doc)
    yield from _distant_repeats(doc)


# A stretch of this many tokens, seen twice in one sentence with other words between;
# as a pattern over the codes, tried sentence by sentence (cheaper than a set of stretches).
_STRETCH = 4
_REPEATED_STRETCH = re.compile(rf"(.{{{_STRETCH}}}).+?\1", re.DOTALL)


def _distant_repeats(doc: Document) -> Iterator[Hit]:
    """`in the conditions of martial law, as it has since 2022 in the conditions of
    martial law`: a phrase decoded again a few words on, with two content words or
    more (`the head of the`, `per cent of the vote` after two figures are not loops)."""
    codes = _codes(doc).text
    tokens = doc.tokens
    for sentence in doc.sentences:
        start, end = sentence.token_start, sentence.token_end
        if end - start <= 2 * _STRETCH or \
                _REPEATED_STRETCH.search(codes, start, end) is None:
            continue  # cheap test first
        seen: dict[str, int] = {}
        for i in range(start, end - _STRETCH + 1):
            first = seen.setdefault(codes[i:i + _STRETCH], i)
            if first < i and _loop_phrase(tokens, codes, first, i):
                a, b = tokens[first], tokens[i + _STRETCH - 1]
                phrase = " ".join(doc.text[a.start:tokens[first + _STRETCH - 1].end].split())
                yield Hit(a.start, b.end, f"'{phrase}' is repeated a few words later",
                          confidence=0.8)
                break


def _loop_phrase(tokens: Sequence[Token], codes: str, first: int, second: int) -> bool:
    """Two content words in the stretch; the whole repeat (grown over the words both
    copies share) leaves words between its copies (back to back, `_repeats` has it) and
    is no parallel of two figures, before or after it (`52 per cent ..., 41 per cent`)."""
    words = [t.text for t in tokens[first:first + _STRETCH]]
    if not all(w[0].isalnum() for w in words) or \
            sum(w.isalpha() and w.islower() and w not in FUNCTION_WORDS for w in words) < 2:
        return False
    size = _STRETCH
    while second + size < len(codes) and codes[first + size] == codes[second + size]:
        size += 1
    while first > 0 and codes[first - 1] == codes[second - 1]:
        first, second, size = first - 1, second - 1, size + 1
    # `We promised the end of the summer, and it is the end of the summer`: a copy after
    # `is` restates the first on purpose.
    return first + size < second and tokens[second - 1].text.lower() not in _BE_FORMS and not (
        first > 0 and _counts(tokens[first - 1]) and _counts(tokens[second - 1])) and not (
        second + size < len(codes) and _counts(tokens[first + size]) and
        _counts(tokens[second + size]))


_BE_FORMS = frozenset({"is", "was", "are", "were", "be", "been", "'s", "’s"})


def _counts(token: Token) -> bool:
    """A figure or a number word: the repeat is a parallel of two quantities (`52 per
    cent of the vote ... 41 per cent of the vote`, `up to five words ... up to 25`)."""
    return token.text[0].isdigit() or token.text.lower() in _COUNT_WORDS


@cache
def _of_determiner_re() -> re.Pattern[str]:
    """`of` and a determiner: where a loop closes. The words around are compared in
    Python; a pattern with the words as a group would try every position of the text."""
    return re.compile(f"{_CODES.code_of('of')}[{_codes_of(_LOOP_DETERMINERS)}]")


def _loops(codes: str) -> Iterator[tuple[int, int, int]]:
    """(start, size, gap) of each `X (one or two words) of the X`, X one to three words
    (`the period of the period`, `the time to come of the time`)."""
    for m in _of_determiner_re().finditer(codes):
        at = m.start()
        found = next(((at - gap - size, size, gap) for size in (3, 2, 1) for gap in (0, 1, 2)
                      if at - gap - size >= 0 and len(codes) >= m.end() + size
                      and codes[at - gap - size:at - gap] == codes[m.end():m.end() + size]),
                     None)
        if found is not None:
            yield found


def _noun_loops(doc: Document) -> Iterator[Hit]:
    codes = _codes(doc)
    for first, size, gap in _loops(codes.text):
        tokens = doc.tokens[first:first + 2 * size + gap + 2]
        noun = tokens[size - 1].text
        between = [t.text.lower() for t in tokens[size:size + gap]]
        if [t.text.lower() for t in tokens[:size]] != \
                [t.text.lower() for t in tokens[size + gap + 2:]] or \
                tokens[size + gap].text.lower() != "of" or \
                len(noun) < 4 or not noun.isalpha() or _SUPERLATIVE.match(noun) or \
                not all(t.text.isalpha() for t in tokens[:size + gap]) or \
                _NOT_IN_LOOP.intersection(between) or \
                "\n" in doc.text[tokens[0].end:tokens[-1].start]:
            continue
        yield Hit(tokens[0].start, tokens[-1].end, f"'{noun}' is repeated in "
                  f"'{doc.text[tokens[0].start:tokens[-1].end]}'", confidence=0.75)
