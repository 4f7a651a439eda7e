"""Word lists and cross-language word-frequency evidence, loaded lazily and cached.

Everything here answers questions about one word at a time (is it English, how
frequent is it in another language) and caches the answer per distinct word:
news text repeats its words, so a 100,000-word article asks about a few thousand
distinct words. The frequency tables are wordfreq's; a language's table is read
the first time a word is looked up in it.

Building the compact tables from wordfreq's lists takes seconds (1.2 million words
hashed and sorted), which a pre-publish hook would pay on every call: the built
tables are kept on disk (`cached_build`) and read back in milliseconds.
"""

from __future__ import annotations

import hashlib
import marshal
import math
import os
import sys
import tempfile
import unicodedata
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, filterfalse, islice
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")

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
    return cached_build(f"{lang}-small", lambda: _small_table(lang),
                        CompactTable.dump, CompactTable.load)


def _small_table(lang: str) -> CompactTable:
    return CompactTable(_read_list(lang, "small")[:_LAST_BUCKET])


@cache
def _english() -> tuple[dict[str, float], CompactTable]:
    """English down to Zipf 1.5 as a dict, and the rarer rest of the large list (for
    `wordfreq_zipf_en`) as a compact table: one read of the list for both."""
    return cached_build("en-large", _build_english, _dump_english, _load_english)


def _build_english() -> tuple[dict[str, float], CompactTable]:
    buckets = _read_list("en", "large")
    table: dict[str, float] = {}
    # Bucket i holds the words of frequency 10^(-i/100), that is Zipf 9 - i/100.
    for index, bucket in enumerate(buckets[:_LAST_BUCKET]):
        value = _ZIPF[index]
        for word in bucket:
            table.setdefault(word, value)
    return table, CompactTable(buckets[_LAST_BUCKET:])


def _dump_english(built: tuple[dict[str, float], CompactTable]) -> object:
    # The dict's order is the list's (`english_words` relies on it): keys in order,
    # and each key's bucket as a 2-byte index into `_ZIPF`.
    table, tail = built
    return list(table), array("H", map(_BUCKET_OF.__getitem__, table.values())).tobytes(), \
        tail.dump()


def _load_english(data: object) -> tuple[dict[str, float], CompactTable]:
    words, raw, tail = _parts(data, 3)
    if not isinstance(words, list) or not all(type(w) is str for w in words):
        raise ValueError("bad English word list")
    buckets = _array("H", raw)
    if len(buckets) != len(words) or (buckets and max(buckets) >= _LAST_BUCKET):
        raise ValueError("bad English buckets")
    return dict(zip(words, map(_ZIPF.__getitem__, buckets), strict=True)), CompactTable.load(tail)


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


def _word_hash(word: str) -> int:
    """A hash of a word that is the same in every process (`hash` of a str is not):
    the tables are sorted by it, and sorted tables are kept on disk."""
    return zlib.crc32(word.encode("utf-8", "surrogatepass"))


class CompactTable:
    """A word → Zipf table in three flat arrays and one string, exact, read-only.

    Entries are sorted by `_word_hash` (CRC-32 of the word's UTF-8); a lookup bisects
    the hashes and confirms the word itself in the joined string, so two words that
    share a hash are still told apart. About 1 µs a lookup.
    """

    __slots__ = ("_blob", "_buckets", "_hashes", "_offsets")

    def __init__(self, buckets: Sequence[Sequence[str]]) -> None:
        first: dict[str, int] = {}
        for index, bucket in enumerate(buckets):
            for word in bucket:
                first.setdefault(word, index)
        # Ties in the hash are ordered by the word, so a table is built the same way
        # from the same list everywhere.
        pairs = sorted(zip(map(_word_hash, first), first, strict=True))
        words = [word for _, word in pairs]
        self._hashes = array("I", [h for h, _ in pairs])
        self._buckets = array("H", map(first.__getitem__, words))
        self._blob = "".join(words)
        self._offsets = array("q", accumulate(map(len, words), initial=0))

    def dump(self) -> object:
        """The table as plain values for `marshal` (see `load`)."""
        return (self._hashes.tobytes(), self._buckets.tobytes(), self._offsets.tobytes(),
                self._blob)

    @classmethod
    def load(cls, data: object) -> CompactTable:
        """A table from what `dump` gave; ValueError when the parts do not fit together."""
        hashes, buckets, offsets, blob = _parts(data, 4)
        table = cls.__new__(cls)
        table._hashes = _array("I", hashes)
        table._buckets = _array("H", buckets)
        table._offsets = _array("q", offsets)
        if not isinstance(blob, str):
            raise ValueError("bad table text")
        table._blob = blob
        n = len(table._hashes)
        if (len(table._buckets) != n or len(table._offsets) != n + 1
                or table._offsets[0] != 0 or table._offsets[n] != len(blob)):
            raise ValueError("table parts of different lengths")
        return table

    def __len__(self) -> int:
        return len(self._hashes)

    def _find(self, word: str) -> int:
        hashes = self._hashes
        h = _word_hash(word)
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


def _parts(data: object, n: int) -> tuple[object, ...]:
    if not isinstance(data, tuple) or len(data) != n:
        raise ValueError("bad cached value")
    return data


def _array(typecode: str, raw: object) -> array[Any]:
    if not isinstance(raw, bytes):
        raise ValueError("bad cached array")
    values = array(typecode)
    values.frombytes(raw)  # ValueError when not a whole number of items
    return values


# The on-disk cache of built tables ------------------------------------------------

# Bump when the layout of a cached value or the way a table is built changes.
_CACHE_FORMAT = 3
_MAGIC = b"mtcheck-tables\n"


def cache_dir() -> Path:
    """Where built tables are kept: `$MTCHECK_CACHE_DIR`, else the user's cache folder."""
    configured = os.environ.get("MTCHECK_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mtcheck"


@cache
def _cache_key() -> str:
    """What a cached table depends on: both packages' versions, the table parameters,
    and the machine's array layout and marshal format."""
    from importlib.metadata import PackageNotFoundError, version

    from mtcheck import __version__

    def installed(package: str) -> str:
        try:
            return version(package)
        except PackageNotFoundError:  # pragma: no cover - both are required dependencies
            return "unknown"

    return (f"format={_CACHE_FORMAT} mtcheck={__version__} wordfreq={installed('wordfreq')} "
            f"lemminflect={installed('lemminflect')} "
            f"last_bucket={_LAST_BUCKET} marshal={marshal.version} byteorder={sys.byteorder} "
            f"items={array('I').itemsize},{array('H').itemsize},{array('q').itemsize}")


def cache_path(name: str) -> Path:
    """The file that holds the table `name` for this key."""
    digest = hashlib.sha256(_cache_key().encode()).hexdigest()[:16]
    return cache_dir() / f"{name}-{digest}.bin"


def cached_build(name: str, build: Callable[[], T], dump: Callable[[T], object],
                 load: Callable[[object], T]) -> T:
    """`build()`, read from the cache file when a valid one is there, else built and saved.

    A file is trusted only if its header, checksum, key and contents all check out;
    anything else (missing, truncated, corrupt, another version's) is rebuilt and
    replaced. Saving goes through a temporary file and `os.replace`, so a reader never
    sees half a file; when the folder cannot be written, the table is just built.
    """
    path = cache_path(name)
    key = _cache_key()
    loaded = _read_cache(path, key, load)
    if loaded is not None:
        return loaded
    built = build()
    _write_cache(path, key, dump(built))
    return built


def _read_cache(path: Path, key: str, load: Callable[[object], T]) -> T | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC)
    if raw[:head] != _MAGIC or len(raw) < head + 4:
        return None
    payload = memoryview(raw)[head + 4:]
    if int.from_bytes(raw[head:head + 4], "little") != zlib.crc32(payload):
        return None
    try:
        stored_key, data = marshal.loads(payload)
        if stored_key != key:
            return None
        return load(data)
    except (ValueError, TypeError, EOFError, IndexError, KeyError):
        return None


def _write_cache(path: Path, key: str, data: object) -> None:
    try:
        payload = marshal.dumps((key, data))  # type: ignore[arg-type]
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_MAGIC)
                out.write(zlib.crc32(payload).to_bytes(4, "little"))
                out.write(payload)
            os.replace(temp, path)
        except BaseException:
            with suppress(OSError):
                os.unlink(temp)
            raise
    except (OSError, ValueError):
        # A read-only or full disk: the table was built in memory and is used as is.
        return


def preload() -> None:
    """Load every table a check may read: English, each voting language, lemminflect's words.

    A parent process calls it before forking workers, so they share the tables
    instead of each loading them again.
    """
    english_words()
    for lang in sorted(FREQUENCY_LANGUAGES | OTHER_SCRIPT_LANGUAGES):
        frequency_table(lang)
    _lemminflect_words()


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
    """Exactly `bool(lemminflect.getAllLemmas(word))`: the lower-cased word has an entry
    in lemminflect's lemma table or its overrides. The set of those words is kept in
    the table cache, since lemminflect takes half a second to read its own table."""
    known = _lemminflect_words()
    if known is None:  # a lemminflect without the tables read here
        from lemminflect import getAllLemmas

        return bool(getAllLemmas(word))
    return word.lower() in known


@cache
def _lemminflect_words() -> frozenset[str] | None:
    try:
        return cached_build("lemminflect", _build_lemminflect_words, sorted, _load_words)
    except AttributeError:
        return None


def _build_lemminflect_words() -> frozenset[str]:
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    # `getAllLemmas` answers the lemma table's entry updated with the overrides' one.
    tables = (lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict())
    return frozenset(word for table in tables for word, lemmas in table.items() if lemmas)


def _load_words(data: object) -> frozenset[str]:
    if not isinstance(data, list) or not all(type(w) is str for w in data):
        raise ValueError("bad word list")
    return frozenset(data)


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
    # Every script but Latin starts at U+0370: an ASCII word (most words) has none.
    return None if word.isascii() else _script_of(word)


@lru_cache(maxsize=1 << 16)
def _script_of(word: str) -> str | None:
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
