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
from functools import lru_cache

# Languages whose wordfreq lists are large enough to tell a word of theirs from an
# English one; `src_lang` codes outside this set still get script evidence.
FREQUENCY_LANGUAGES = frozenset(
    "ca cs da de es fi fr hu id it lt lv ms nb nl pl pt ro sk sl sv tr".split()
)
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
    """wordfreq's Zipf frequency of a lower-case word (0 below Zipf 1.5 or unknown)."""
    return frequency_table(lang).get(word, 0.0)


@lru_cache(maxsize=None)
def frequency_table(lang: str) -> dict[str, float]:
    """Lower-case word to Zipf frequency for one language, down to Zipf 1.5.

    Built from wordfreq's bucketed list, which loads several times faster than
    `get_frequency_dict` and answers a lookup in a dict access instead of the
    15 µs that `zipf_frequency` spends tokenizing its argument.
    """
    from wordfreq import get_frequency_list

    table: dict[str, float] = {}
    # Bucket i holds the words of frequency 10^(-i/100), that is Zipf 9 - i/100.
    for index, bucket in enumerate(get_frequency_list(lang)[:_LAST_BUCKET]):
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
def evidence(word: str, langs: tuple[str, ...]) -> Evidence:
    """The word's frequency evidence for the likeliest of `langs` against English."""
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
    if best < 3.0 and langs and foreign_letters(word):
        # Inflected forms (Turkish case endings, Romance plurals) are rarer than
        # their lemma; simplemma maps them back. Only words with letters English
        # lacks get here, so the lemmatizer's dictionaries load only when needed.
        for lang in langs:
            found = _lemma(word, lang)
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


_SIMPLEMMA_LANGUAGES = frozenset(
    "ca cs da de es fi fr hu id it nb nl pl pt ro sv tr".split()
)


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
