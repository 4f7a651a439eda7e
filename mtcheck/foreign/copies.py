"""Sentences of a translation copied from its source, found without an alignment."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Protocol

from rapidfuzz import fuzz

from mtcheck.analyze import memoized
from mtcheck.foreign.marks import analysis
from mtcheck.model import Document
from mtcheck.normalize import fold_char_forms
from mtcheck.wordlists import ENGLISH_ZIPF, in_english_lexicon, zipf

_SPACES = re.compile(r"\s+")
_KEY_WORDS = re.compile(r"[^\W\d_]{4,}")
_LETTERS = re.compile(r"[^\W\d_]+")
_SENTENCE = itemgetter(2)  # Mark.sentence


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
    marked = Counter(map(_SENTENCE, result.marks))
    targets = [doc.sentences[i] for i, n in sorted(marked.items())
               if n >= 2 and not result.more_words_than(i, n * 3)
               and not _plausibly_english(doc.sentences[i].text, result.langs)]
    if not targets:
        return {}
    normals = _normals([s.text for s in source.sentences])
    index: _KeyIndex = _LazyIndex(normals) if len(normals) < _KEY_CAP else _index(normals)
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


# A key shared by this many source sentences says nothing: it indexes no more of them.
_KEY_CAP = 50


class _KeyIndex(Protocol):
    def get(self, key: str, default: Sequence[int], /) -> Sequence[int]:
        """The source sentences (ascending) that have `key` among their `_keys`."""


def _index(normals: list[str]) -> dict[str, list[int]]:
    """Source sentences of at least three words by each of their keys (capped)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, normal in enumerate(normals):
        if len(normal.split()) >= 3:
            for key in _keys(normal):
                if len(index[key]) < _KEY_CAP:
                    index[key].append(i)
    return index


class _LazyIndex:
    """`_index` of fewer than `_KEY_CAP` sentences (so no key is capped), built for a key
    when first asked: only sentences holding the key's text get their keys worked out."""

    __slots__ = ("_keys", "_lists", "_normals")

    def __init__(self, normals: list[str]) -> None:
        self._normals = normals
        self._keys: dict[int, list[str]] = {}
        self._lists: dict[str, list[int]] = {}

    def _has(self, i: int, key: str) -> bool:
        keys = self._keys.get(i)
        if keys is None:
            normal = self._normals[i]
            keys = self._keys[i] = _keys(normal) if len(normal.split()) >= 3 else []
        return key in keys

    def get(self, key: str, default: Sequence[int], /) -> Sequence[int]:
        found = self._lists.get(key)
        if found is None:
            text = key[1:] if key.startswith("=") else key  # a word key has no "="
            found = self._lists[key] = [i for i, normal in enumerate(self._normals)
                                        if text in normal and self._has(i, key)]
        return found or default


def _normal(text: str) -> str:
    text = fold_char_forms(unicodedata.normalize("NFC", text)).casefold()
    return _SPACES.sub(" ", text).strip(" .!?;:")


# Joins sentences so that each step of `_normal` runs once over all of them: NUL is a
# starter (nothing composes across it), casefolds and folds to itself, and is no space.
_JOIN = "\0"


def _normals(texts: list[str]) -> list[str]:
    """`[_normal(t) for t in texts]`, normalizing the joined texts in one go."""
    if not texts or any(_JOIN in t for t in texts) or fold_char_forms(_JOIN) != _JOIN:
        return [_normal(t) for t in texts]
    joined = fold_char_forms(unicodedata.normalize("NFC", _JOIN.join(texts))).casefold()
    return [part.strip(" .!?;:") for part in _SPACES.sub(" ", joined).split(_JOIN)]


def _keys(normal: str) -> list[str]:
    """Blocking keys: the whole text and its three longest words (ties alphabetically:
    sorted by word, then stably by length)."""
    words = sorted(sorted(set(_KEY_WORDS.findall(normal))), key=len, reverse=True)
    return [f"={normal}", *words[:3]]


def _plausibly_english(text: str, langs: tuple[str, ...]) -> bool:
    """Most lower-case words lean to English, not to the source: not a copy of the source.

    Capitalized words do not count: names are spelled the same in both texts.
    """
    words = [w for w in _LETTERS.findall(text) if w.islower()]
    if not words:
        return True
    english = sum(_leans_english(word, langs) for word in words)
    return english * 2 > len(words)


@lru_cache(maxsize=1 << 16)
def _leans_english(word: str, langs: tuple[str, ...]) -> bool:
    """A lower-case word frequent in English and not clearly a word of `langs` (per process:
    the answer depends on the word and the languages only)."""
    en = zipf(word, "en")
    src = max((zipf(word, lang) for lang in langs), default=0.0)
    return en >= 3.0 and (src - en < 1.0 or en >= ENGLISH_ZIPF or in_english_lexicon(word))
