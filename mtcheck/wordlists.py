"""Word lists and cross-language word-frequency evidence, loaded lazily and cached.

Everything here answers questions about one word at a time (is it English, how
frequent is it in another language) and caches the answer per distinct word:
news text repeats its words, so a 100,000-word article asks about a few thousand
distinct words. The frequency tables are wordfreq's; a language's table is read
the first time a word is looked up in it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

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
    from wordfreq import top_n_list

    return frozenset(top_n_list("en", 30_000))


def is_english_word(word: str) -> bool:
    """True when `word` (lower-cased) is a frequent English word."""
    return word in english_words()


def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of a lower-case word (0 when unknown or too rare).

    English knows words down to Zipf 1.5, the other languages down to Zipf 3.
    """
    return frequency_table(lang).get(word, 0.0)


@cache
def frequency_table(lang: str) -> dict[str, float]:
    """Lower-case word to Zipf frequency for one language.

    English comes from wordfreq's large list, down to Zipf 1.5, because "how rare
    is this word in English" must see rare words. Other languages come from its
    small lists (words of Zipf 3 and more): they load in about 10 ms where a large
    list takes up to a second, so every supported language can vote on a word.
    A lookup is a dict access, where `zipf_frequency` spends 15 µs re-tokenizing.
    """
    from wordfreq import get_frequency_list

    wordlist = "large" if lang == "en" else "small"
    table: dict[str, float] = {}
    # Bucket i holds the words of frequency 10^(-i/100), that is Zipf 9 - i/100.
    for index, bucket in enumerate(get_frequency_list(lang, wordlist=wordlist)[:_LAST_BUCKET]):
        value = round(9.0 - index / 100, 2)
        for word in bucket:
            table.setdefault(word, value)
    return table


_LAST_BUCKET = 750


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
