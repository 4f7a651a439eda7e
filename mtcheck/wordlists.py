"""Word lists and cross-language word-frequency evidence, loaded lazily and cached.

Everything here answers questions about one word at a time (is it English, how
frequent is it in another language) and caches the answer per distinct word:
news text repeats its words, so a 100,000-word article asks about a few thousand
distinct words. The frequency tables are wordfreq's; a language's table is read
the first time a word is looked up in it.
"""

from __future__ import annotations

import math
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, filterfalse, islice
from typing import Protocol

# Languages whose wordfreq lists are large enough to tell a word of theirs from an
# English one; `src_lang` codes outside this set still get script evidence.
FREQUENCY_LANGUAGES = frozenset({
    "ca", "cs", "da", "de", "es", "fi", "fr", "hu", "id", "is", "it", "lt", "lv", "ms", "nb",
    "nl", "pl", "pt", "ro", "sh", "sk", "sl", "sv", "tr",
})
# Languages of other scripts that can vote on an article's source language.
OTHER_SCRIPT_LANGUAGES = frozenset({
    "bg", "el", "mk", "ru", "uk",
})
# A word this frequent in English (Zipf scale, 3 = once per million words) is an
# English word whatever else it is; below it, English has to prove itself.
ENGLISH_ZIPF = 5.0
# Letters of the Latin script that English spelling does not use natively.
_ENGLISH_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The 30,000 most frequent English words, lower-cased."""
    # wordfreq's `top_n_list("en", 30_000)`: the first words of its English list
    # without digit sequences, in the list's order, which the English table keeps
    # (the list has no duplicates); wordfreq's own would keep the whole list cached.
    from wordfreq.numbers import has_digit_sequence

    return frozenset(islice(filterfalse(has_digit_sequence, _english()[0]), 30_000))


def is_english_word(word: str) -> bool:
    """True when `word` (lower-cased) is a frequent English word."""
    return word in english_words()


def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of a lower-case word (0 when unknown or too rare).

    English knows words down to Zipf 1.5, the other languages down to Zipf 3.
    """
    return frequency_table(lang).get(word, 0.0)


@cache
def frequency_table(lang: str) -> FrequencyTable:
    """Lower-case word to Zipf frequency for one language (`.get(word, default)`).

    English comes from wordfreq's large list, down to Zipf 1.5, because "how rare
    is this word in English" must see rare words. Other languages come from its
    small lists (words of Zipf 3 and more): they load in about 10 ms where a large
    list takes up to a second, so every supported language can vote on a word.
    A lookup is a dict access, where `zipf_frequency` spends 15 µs re-tokenizing.

    English, asked about every word, is a dict; the other languages, asked only
    about the few words that may not be English (and cached by their callers), are
    `CompactTable`s: 29 of them as dicts held 1.2 million string, float and dict
    entry objects (about 150 MB), as flat arrays they hold about 25 bytes a word.
    """
    if lang == "en":
        return _english()[0]
    return CompactTable(_read_list(lang, "small")[:_LAST_BUCKET])


@cache
def _english() -> tuple[dict[str, float], CompactTable]:
    """English down to Zipf 1.5 as a dict, and the rarer rest of the large list (for
    `wordfreq_zipf_en`) as a compact table: one read of the list for both."""
    buckets = _read_list("en", "large")
    table: dict[str, float] = {}
    # Bucket i holds the words of frequency 10^(-i/100), that is Zipf 9 - i/100.
    for index, bucket in enumerate(buckets[:_LAST_BUCKET]):
        value = _ZIPF[index]
        for word in bucket:
            table.setdefault(word, value)
    return table, CompactTable(buckets[_LAST_BUCKET:])


def wordfreq_zipf_en(word: str) -> float:
    """Exactly `wordfreq.zipf_frequency(word, "en")`, read from the tables here.

    wordfreq's own function builds a second copy of the English list (a dict of
    every word, kept for the life of the process, about 40 MB); this one uses
    wordfreq's tokenizer and its arithmetic on the tables already loaded, and
    hands words that tokenize into several tokens or hold digits to wordfreq.
    """
    from wordfreq.numbers import smash_numbers
    from wordfreq.tokens import lossy_tokenize

    tokens = lossy_tokenize(word, "en")
    if not tokens:
        return 0.0
    if len(tokens) > 1 or smash_numbers(tokens[0]) != tokens[0]:
        from wordfreq import zipf_frequency

        return float(zipf_frequency(word, "en"))
    token = tokens[0]
    main, tail = _english()
    value = main.get(token)
    if value is not None:
        return _WORDFREQ_ZIPF[_BUCKET_OF[value]]
    index = tail.bucket(token)
    return 0.0 if index < 0 else _WORDFREQ_ZIPF[_LAST_BUCKET + index]


def _wordfreq_zipf(index: int) -> float:
    """What `zipf_frequency` answers for a one-token word of bucket `index`, computed
    as wordfreq computes it (a frequency rounded to three significant digits)."""
    freq = 1.0 / (0.0 + 1.0 / 10 ** (-index / 100))
    unrounded = max(freq, 10**0.0 / 1e9)
    rounded = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


class FrequencyTable(Protocol):
    """What a frequency table offers: a lookup with a default."""

    def get(self, word: str, default: float, /) -> float:
        """The word's Zipf frequency, or `default`."""


_LAST_BUCKET = 750
# One shared float per bucket, not one per word.
_ZIPF = tuple(round(9.0 - index / 100, 2) for index in range(_LAST_BUCKET))
_BUCKET_OF = {value: index for index, value in enumerate(_ZIPF)}
# wordfreq's lists have at most 900 buckets (frequencies down to 10^-9).
_WORDFREQ_ZIPF = tuple(_wordfreq_zipf(index) for index in range(900))


def _read_list(lang: str, wordlist: str) -> list[list[str]]:
    """wordfreq's list of frequency buckets for a language, read without its cache.

    `wordfreq.get_frequency_list` keeps every list it ever read (and its strings)
    for the life of the process; the tables here keep what they need instead.
    """
    from wordfreq import available_languages, get_frequency_list, read_cBpack

    path = available_languages(wordlist).get(lang)
    if path is None:  # a code wordfreq knows only by a close match (its own fallback)
        return get_frequency_list(lang, wordlist)
    return read_cBpack(path)


class CompactTable:
    """A word → Zipf table in three flat arrays and one string, exact, read-only.

    Entries are sorted by the word's `hash` (this process's, computed when the table
    is built); a lookup bisects the hashes and confirms the word itself in the joined
    string, so two words that share a hash are still told apart. About 1 µs a lookup.
    """

    __slots__ = ("_blob", "_buckets", "_hashes", "_offsets")

    def __init__(self, buckets: Sequence[Sequence[str]]) -> None:
        first: dict[str, int] = {}
        for index, bucket in enumerate(buckets):
            for word in bucket:
                first.setdefault(word, index)
        words = sorted(first, key=hash)
        self._hashes = array("q", map(hash, words))
        self._buckets = array("H", map(first.__getitem__, words))
        self._blob = "".join(words)
        self._offsets = array("q", accumulate(map(len, words), initial=0))

    def __len__(self) -> int:
        return len(self._hashes)

    def _find(self, word: str) -> int:
        hashes = self._hashes
        h = hash(word)
        i = bisect_left(hashes, h)
        n = len(hashes)
        while i < n and hashes[i] == h:
            start = self._offsets[i]
            if self._offsets[i + 1] - start == len(word) and self._blob.startswith(word, start):
                return i
            i += 1
        return -1

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def get(self, word: str, default: float = 0.0) -> float:
        """The word's Zipf frequency, `default` when the table does not hold it."""
        i = self._find(word)
        return default if i < 0 else _ZIPF[self._buckets[i]]

    def bucket(self, word: str) -> int:
        """The index of the word's bucket in the list it was built from, -1 if absent."""
        i = self._find(word)
        return -1 if i < 0 else self._buckets[i]


@lru_cache(maxsize=1 << 16)
def in_english_lexicon(word: str) -> bool:
    """True when a lower-case word is an English word, not just seen in English text.

    wordfreq's English counts include foreign words quoted in English text (`und`
    has Zipf 3.9), so a frequency threshold alone cannot decide. A word passes if it
    is very frequent in English, or lemminflect's English lexicon (nouns, verbs,
    adjectives, adverbs and their inflections) knows it; that keeps homographs such
    as `die`, `den`, `hat`, `jest` and `pour` English.
    """
    if zipf(word, "en") >= ENGLISH_ZIPF:
        return True
    return _lemminflect_knows(word)


def _lemminflect_knows(word: str) -> bool:
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word))


def foreign_letters(word: str) -> bool:
    """True when a word has a Latin letter that English spelling does not use (ş, ß, ñ, ł)."""
    return any(c not in _ENGLISH_LETTERS and c.isalpha() for c in word.lower())


@dataclass(frozen=True, slots=True)
class Evidence:
    """How a lower-case word scores in English and in its likeliest other language.

    `zipf_src` is the word's Zipf frequency in `lang` (through its lemma when the
    inflected form is rare, as for Turkish suffixes); `margin` is how much more
    frequent it is there than in English.
    """

    word: str
    lang: str | None
    zipf_src: float
    zipf_en: float
    lemma: str | None = None

    @property
    def margin(self) -> float:
        """Zipf points by which the word is more frequent in `lang` than in English."""
        return self.zipf_src - self.zipf_en


@lru_cache(maxsize=1 << 17)
def evidence(word: str, langs: tuple[str, ...], lemmatize: bool = False) -> Evidence:
    """The word's frequency evidence for the likeliest of `langs` against English.

    With `lemmatize`, a word with letters English lacks that is rare in all of
    `langs` is looked up through its lemma: inflected forms (Turkish case endings,
    Romance plurals) are rarer than their lemma, and simplemma maps them back.
    Callers ask for it only for lower-case words of the source language, since a
    lemmatizer dictionary takes a second or two to load.
    """
    en = zipf(word, "en")
    best_lang: str | None = None
    best = 0.0
    for lang in langs:
        if lang not in FREQUENCY_LANGUAGES:
            continue
        value = zipf(word, lang)
        if value > best:
            best_lang, best = lang, value
    lemma: str | None = None
    if lemmatize and best < 3.0 and 0 < len(langs) <= _MAX_LEMMATIZED and foreign_letters(word):
        for lang in langs:
            found = _lemma(word, lang)
            # A lemma match is weaker evidence than the form itself: half a point less.
            if found is not None and zipf(found, lang) - 0.5 > best:
                best_lang, best, lemma = lang, zipf(found, lang) - 0.5, found
    return Evidence(word, best_lang, best, en, lemma)


@lru_cache(maxsize=1 << 15)
def _lemma(word: str, lang: str) -> str | None:
    if lang not in _SIMPLEMMA_LANGUAGES:
        return None
    import simplemma

    lemma = simplemma.lemmatize(word, lang=lang)
    return lemma.lower() if isinstance(lemma, str) and lemma.lower() != word else None


# Each language's lemmatizer dictionary takes a second or more to load: only the
# source language and its close kin are lemmatized, never every language at once.
_MAX_LEMMATIZED = 3
_SIMPLEMMA_LANGUAGES = frozenset({
    "ca", "cs", "da", "de", "es", "fi", "fr", "hu", "id", "it", "nb", "nl", "pl", "pt", "ro",
    "sv", "tr",
})


def script_of(word: str) -> str | None:
    """The non-Latin script a word is written in (`Cyrillic`, `Greek`, ...), or None."""
    for c in word:
        if c.isalpha() and ord(c) >= 0x370:
            name = unicodedata.name(c, "")
            if not name or name.startswith("LATIN"):
                continue
            return _SCRIPT_NAMES.get(name.split(" ", 1)[0], name.split(" ", 1)[0].title())
    return None


_SCRIPT_NAMES = {
    "CYRILLIC": "Cyrillic", "GREEK": "Greek", "ARABIC": "Arabic", "HEBREW": "Hebrew",
    "CJK": "Chinese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "HANGUL": "Korean",
    "DEVANAGARI": "Devanagari", "THAI": "Thai", "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian", "BENGALI": "Bengali", "TAMIL": "Tamil",
}
