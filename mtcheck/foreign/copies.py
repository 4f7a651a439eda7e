"""Sentences of a translation copied from its source, found without an alignment."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from mtcheck.analyze import memoized
from mtcheck.foreign.marks import analysis
from mtcheck.model import Document
from mtcheck.normalize import fold_char_forms
from mtcheck.wordlists import ENGLISH_ZIPF, in_english_lexicon, zipf

_SPACES = re.compile(r"\s+")
_KEY_WORDS = re.compile(r"[^\W\d_]{4,}")
_LETTERS = re.compile(r"[^\W\d_]+")


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
    # Only sentences whose words lean to another language can be copies; in most
    # articles there are none, and the source is never indexed.
    result = analysis(doc)
    marked = Counter(m.sentence for m in result.marks)
    targets = [doc.sentences[i] for i, n in sorted(marked.items())
               if n >= 2 and n * 3 >= result.sentence_words.get(i, 0)
               and not _plausibly_english(doc.sentences[i].text, result.langs)]
    if not targets:
        return {}
    normals = [_normal(s.text) for s in source.sentences]
    index: dict[str, list[int]] = defaultdict(list)
    for i, normal in enumerate(normals):
        if len(normal.split()) >= 3:
            for key in _keys(normal):
                if len(index[key]) < 50:  # a key shared by many sentences says nothing
                    index[key].append(i)
    out: dict[int, Copy] = {}
    for sentence in targets:
        normal = _normal(sentence.text)
        if len(normal.split()) < 3:
            continue
        candidates = {i for key in _keys(normal) for i in index.get(key, ())}
        best, best_i = 0.0, -1
        for i in candidates:
            score = fuzz.ratio(normal, normals[i], score_cutoff=threshold * 100) / 100
            if score > best:
                best, best_i = score, i
        if best_i >= 0:
            out[sentence.index] = Copy(best_i, best)
    return out


def _normal(text: str) -> str:
    text = fold_char_forms(unicodedata.normalize("NFC", text)).casefold()
    return _SPACES.sub(" ", text).strip(" .!?;:")


def _keys(normal: str) -> list[str]:
    """Blocking keys: the whole text and its three longest words."""
    words = sorted(set(_KEY_WORDS.findall(normal)), key=lambda w: (-len(w), w))
    return [f"={normal}", *words[:3]]


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
