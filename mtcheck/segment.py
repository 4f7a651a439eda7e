"""Paragraph, sentence and token segmentation with offsets into the original text.

A hand-written segmenter: blingfire splits initials (`J. R. R. Tolkien` becomes four
sentences) and syntok is several times slower; see benchmarks/segmenters.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import repeat
from typing import Literal

from mtcheck.model import Paragraph, Sentence, Token

# A word keeps inner apostrophes, hyphens, dots and commas between word characters
# (Turkey's, S-400, U.S, 1,200.5); combining marks stay with their letter.
# Possessive: the letters and the separators never overlap, so no backtracking into a
# word can find another match, and the engine need not keep the states to try it.
TOKEN_RE = re.compile(r"[\w\u0300-\u036f]++(?:[-'’.,·][\w\u0300-\u036f]++)*+|[^\w\s]")
_BLANK_LINES = re.compile(r"\n[ \t\f\v]*\n\s*")
# A line without its leading and trailing white space (blank lines do not match).
_STRIPPED_LINE = re.compile(r"[^\S\n]*(\S(?:[^\n]*\S)?)")
_new_tuple = tuple.__new__
_MATCH_START, _MATCH_END, _MATCH_GROUP = re.Match.start, re.Match.end, re.Match.group
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]"
# A line that ends in one of these is finished (or introduces what follows it).
_LINE_ENDS = _TERMINAL + _CLOSERS + ":"
# A candidate end: terminal punctuation, closing quotes or brackets, then space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+(\S))")
_LIST_ITEM = re.compile(r"[-*•·–—▪◦]\s|\(?\d{1,2}[.)]\s")
_META = re.compile(
    r"(?i)(by|photo|image|source|kaynak|quelle|fuente|источник|foto|credit)\b[\s:]"
)
ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt",
        "capt", "cmdr", "adm", "gov", "sen", "rep", "pres", "rev", "inc", "ltd", "co", "corp",
        "bros", "dept", "univ", "assn", "no", "nos", "vol", "fig", "art", "sec", "ch", "pp",
        "vs", "etc", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "a.m", "p.m",
        "u.s", "u.k", "u.n", "e.g", "i.e", "d.c", "ph.d", "b.a", "m.a"
    ]
)
# Abbreviations that also end sentences often: a boundary after them needs a clear start.
_SOFT_ABBREVIATIONS = frozenset([
    "etc", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c", "inc", "ltd", "co", "corp"
])


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words, numbers and punctuation marks of `text[start:end]`, with their offsets."""
    return token_table(text, start, end)[0]


def token_table(text: str, start: int = 0, end: int | None = None) -> tuple[
        list[Token], list[int], list[str]]:
    """The tokens of `text[start:end]`, their start offsets (for bisection) and texts
    (what `analyze.token_texts` shares: made here anyway, they cost no second pass)."""
    stop = len(text) if end is None else end
    matches = list(TOKEN_RE.finditer(text, start, stop))
    starts = list(map(_MATCH_START, matches))
    texts = list(map(_MATCH_GROUP, matches))
    # One token per word: build them in C (no Python frame per token), see model.Token.
    tokens = list(map(_new_tuple, repeat(Token), zip(
        starts, map(_MATCH_END, matches), texts, strict=True)))
    return tokens, starts, texts


def paragraphs(text: str) -> list[Paragraph]:
    """Blocks of text: one per line, except hard-wrapped lines that continue a sentence."""
    spans: list[tuple[int, int]] = []
    for line in _STRIPPED_LINE.finditer(text):
        s, e = line.span(1)
        if spans and _continues(text, spans[-1], s):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    out: list[Paragraph] = []
    for index, (s, e) in enumerate(spans):
        body = text[s:e]
        out.append(Paragraph(index, s, e, body, classify(body, index)))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _continues(text: str, previous: tuple[int, int], start: int) -> bool:
    """A hard-wrapped line: the previous line has no end and this one starts in lower case."""
    # The lower-case start is tested first: most lines start otherwise, and the gap
    # between the lines need not be cut out and stripped.
    return (
        text[start].islower()
        and previous[1] - previous[0] >= 40
        and text[previous[1] - 1] not in _LINE_ENDS
        and "\n\n" not in text[previous[1]:start].replace(" ", "").replace("\t", "")
    )


def classify(block: str, index: int) -> Literal["body", "heading", "list", "meta"]:
    """How a block reads: list item, metadata line, heading, or body prose."""
    if _LIST_ITEM.match(block):
        return "list"
    ends_sentence = block.rstrip(_CLOSERS)[-1:] in _TERMINAL
    meta = _META.match(block) is not None
    if ends_sentence and not meta:
        return "body"  # most blocks: no need to count their words
    # Only "at most 8" and "at most 20 words" matter: split no further than 21 words.
    words = len(block.split(None, 21))
    if words <= 8 and meta:
        return "meta"
    if not ends_sentence and words <= 20:
        return "heading"
    return "body"


def sentences(text: str, paragraph: Paragraph, token_starts: Sequence[int], first_token: int,
              index: int) -> Iterator[Sentence]:
    """Sentences of one paragraph; `token_starts` are the start offsets of all tokens.

    `first_token` is the index of the paragraph's first token; each sentence's token
    range is found by bisection, so the cost is per sentence, not per token.
    """
    start = paragraph.start
    for end in _ends(text, paragraph.start, paragraph.end):
        token_end = bisect_left(token_starts, end, first_token)
        yield Sentence(index, start, end, text[start:end], paragraph.index, first_token,
                       token_end)
        index += 1
        first_token = token_end
        start = end
        while start < paragraph.end and text[start].isspace():
            start += 1


def sentence_table(text: str, paras: Sequence[Paragraph],
                   token_starts: Sequence[int]) -> list[Sentence]:
    """All sentences of all paragraphs: what `sentences` gives paragraph by paragraph.

    One scan of the whole text finds the candidate ends (they never span the white space
    between paragraphs), so the cost is one regex pass plus a few steps per sentence.
    """
    out: list[Sentence] = []
    candidates = _BOUNDARY.finditer(text)
    m = next(candidates, None)
    first = 0
    for para in paras:
        p_start, p_end, p_index = para.start, para.end, para.index
        first = bisect_left(token_starts, p_start, first)
        start = p_start
        while m is not None and m.start() < p_end:
            punct, following = m.start(), m.start(1)
            # A candidate whose next word is in the next paragraph ends this one anyway.
            if punct >= p_start and following < p_end and _is_boundary(text, punct,
                                                                         following):
                end = m.end()
                token_end = bisect_left(token_starts, end, first)
                out.append(Sentence(len(out), start, end, text[start:end], p_index, first,
                                    token_end))
                first, start = token_end, end
                while start < p_end and text[start].isspace():
                    start += 1
            m = next(candidates, None)
        token_end = bisect_left(token_starts, p_end, first)
        out.append(Sentence(len(out), start, p_end, text[start:p_end], p_index, first,
                            token_end))
        first = token_end
    return out


def _ends(text: str, start: int, end: int) -> Iterator[int]:
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m.start(), m.start(1)):
            yield m.end()
    yield end


def _is_boundary(text: str, punct: int, following: int) -> bool:
    nxt = text[following]
    if nxt in "”’»":
        # A misplaced closing quote: `... continue. ” said.` runs on into its attribution.
        after = _NEXT_WORD.match(text, following + 1)
        return not (after and after.group(1)[:1].islower())
    if nxt.islower() or nxt in ",;:":
        return False
    if text[punct] != ".":
        return True
    word_start = punct
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:punct]
    if len(word) == 1 and word.isupper():
        return False  # an initial: J. R. R. Tolkien
    lower = word.lower()
    if lower in ABBREVIATIONS and lower not in _SOFT_ABBREVIATIONS:
        return False
    if lower in _SOFT_ABBREVIATIONS:
        # "the U.S. Senate" runs on; "in the U.S. The next day" ends.
        after = _NEXT_WORD.match(text, following)
        return after is not None and after.group(1) in _STARTERS
    return True


_NEXT_WORD = re.compile(r"\s*(\w+)")
_STARTERS = frozenset(
    [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And",
        "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "After",
        "Before", "When", "While", "As", "If", "There"
    ]
)
