"""The shared analysis of a document: its candidate languages and marked words."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import compress, count, islice, repeat
from operator import and_, attrgetter, itemgetter, not_, sub
from typing import NamedTuple

from mtcheck.analyze import memoized
from mtcheck.foreign.context import ExemptSpans
from mtcheck.foreign.lexicon import MOJIBAKE, MOJIBAKE_LEADS, Verdict, verdict
from mtcheck.langid import candidate_languages as langid_candidates
from mtcheck.langid import token_texts, unusual_words
from mtcheck.model import Document, Sentence, Token
from mtcheck.wordlists import FREQUENCY_LANGUAGES

_TOKEN_START = attrgetter("token_start")
_INDEX = attrgetter("index")
_PARAGRAPH = attrgetter("paragraph")
_FIRST = itemgetter(0)
_DAMAGE_SIGNS = "\ufffd" + MOJIBAKE_LEADS
# `Mark(...)` runs a Python `__new__`; the tuple's own is C (as for `model.Token`).
_new_mark = tuple.__new__


class Mark(NamedTuple):
    """A word of the text with foreign evidence, and where it stands."""

    token: int
    verdict: Verdict
    sentence: int


@dataclass(frozen=True)
class Analysis:
    """The shared result: candidate languages, marked words, exempt offsets.

    `verdicts` holds the document's word forms with a verdict (those of the marks and
    maybe a few more, from metadata lines): a document repeats its words, and a rule
    can rule out a form once. The words of a sentence are counted when asked
    (`sentence_words`, `more_words_than`), and exempt offsets (quoted titles, glosses)
    are worked out line by line when asked: most sentences hold one or two names and
    need neither. It keeps the token texts and sentences, never the document, which
    holds it in its memo (a reference back would make a cycle only the collector frees).
    """

    langs: tuple[str, ...]
    marks: tuple[Mark, ...]
    verdicts: dict[str, Verdict]
    exempt: ExemptSpans
    texts: list[str] = field(repr=False)
    sentences: tuple[Sentence, ...] = field(repr=False)
    _counts: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def sentence_words(self, index: int) -> int:
        """The words (tokens that start with a letter) of a sentence, counted once."""
        found = self._counts.get(index)
        if found is None:
            s = self.sentences[index]
            found = self._counts[index] = sum(map(str.isalpha, map(
                _FIRST, self.texts[s.token_start:s.token_end])))
        return found

    def more_words_than(self, index: int, limit: int) -> bool:
        """`sentence_words(index) > limit`, counting no further than needed."""
        found = self._counts.get(index)
        if found is not None:
            return found > limit
        if limit < 0:
            return True
        s = self.sentences[index]
        alpha = filter(None, map(str.isalpha, map(_FIRST, self.texts[s.token_start:s.token_end])))
        return next(islice(alpha, limit, None), None) is not None


def candidate_languages(doc: Document) -> tuple[str, ...]:
    """The languages whose words are looked for (the source language and close kin)."""
    return memoized(doc, "untranslated.langs", lambda d: tuple(
        lang for lang in langid_candidates(d) if lang in FREQUENCY_LANGUAGES))


def analysis(doc: Document) -> Analysis:
    """The document's marked words, computed once and shared by the rules."""
    return memoized(doc, "untranslated.analysis", _analyse)


def _marked_words(words: frozenset[str], langs: tuple[str, ...]) -> dict[str, Verdict]:
    """The word forms among `words` that carry foreign evidence, with their verdicts.

    `words` is the document's `unusual_words`, which holds every word a verdict can
    mark; `verdict` is cached per process (a verdict depends on the word form and the
    languages only, never on the document).
    """
    out: dict[str, Verdict] = {}
    for text in words:
        if text[0].isalpha():
            found = verdict(text, langs)
            if found is not None:
                out[text] = found
    return out


def _analyse(doc: Document) -> Analysis:
    langs = candidate_languages(doc)
    texts = token_texts(doc)
    exempt = ExemptSpans(doc)
    sentences = doc.sentences
    marked = _marked_words(unusual_words(doc), langs) if sentences else {}
    if not marked:
        return Analysis(langs, (), {}, exempt, texts, sentences)
    # Everything per marked token is done in C (map, compress): a document has dozens.
    indices = list(compress(count(), map(marked.__contains__, texts)))
    starts = list(map(_TOKEN_START, sentences))
    # Each token's sentence: the last one that starts at or before it.
    owners = list(map(sentences.__getitem__, map(
        sub, map(bisect.bisect_right, repeat(starts), indices), repeat(1))))
    marks = list(map(_new_mark, repeat(Mark), zip(
        indices, map(marked.__getitem__, map(texts.__getitem__, indices)),
        map(_INDEX, owners), strict=True)))
    # Marks in metadata lines (bylines, sources) or in encoding damage do not count.
    meta = {p.index for p in doc.paragraphs if p.kind == "meta"}
    keep: list[bool] | None = None
    if meta:
        keep = list(map(not_, map(meta.__contains__, map(_PARAGRAPH, owners))))
    # Encoding damage is rare: look for it around each word only when the text holds a
    # replacement character or a letter that starts mojibake (a fast search for each).
    text = doc.text
    if any(map(text.__contains__, _DAMAGE_SIGNS)):
        sound = map(not_, map(_damaged, repeat(text), map(doc.tokens.__getitem__, indices)))
        keep = list(sound) if keep is None else list(map(and_, keep, sound))
    if keep is not None:
        marks = list(compress(marks, keep))
    return Analysis(langs, tuple(marks), marked, exempt, texts, sentences)


def _damaged(text: str, token: Token) -> bool:
    """A token in or next to encoding damage (`HÃ©lÃ¨ne`, `Gr\ufffdmann`).

    The pieces of a damaged word look foreign (`mann`, `nez`); the encoding rules
    report the damage itself.
    """
    around = text[max(0, token.start - 2):token.end + 2]
    return "\ufffd" in around or MOJIBAKE.search(around) is not None
