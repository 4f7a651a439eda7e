"""What a single word form says about its language, and the word lists behind it.

`verdict` is asked once per distinct word form of a document: is the word plain
English (None), or does it lean to another language (a `Verdict` with its
frequency evidence, its script, and whether English also knows it as a word)?
The lists it reads live in mtcheck/rules/data/untranslated_*.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from mtcheck.wordlists import (
    ENGLISH_ZIPF,
    evidence,
    foreign_letters,
    in_english_lexicon,
    script_of,
)

# Lower-case particles of names and places (Lula da Silva, Castilla y León,
# Ursula von der Leyen): next to a capitalized word they belong to the name.
PARTICLES = frozenset({
    "a", "al", "ben", "bin", "bint", "d", "da", "das", "de", "degli", "dei", "del", "della",
    "delle", "der", "des", "di", "do", "dos", "du", "e", "el", "en", "ibn", "la", "las", "le",
    "les", "lo", "los", "op", "st", "te", "ten", "ter", "ul", "und", "van", "vom", "von", "y",
    "zu", "zum", "zur",
})
# UTF-8 read as Latin-1 or cp1252 (`LeÃ³n`, `unionâ€™s`): the encoding rules report it.
MOJIBAKE_LEADS = "ÃÂÅÄâÐÑ"
MOJIBAKE = re.compile(f"[{MOJIBAKE_LEADS}]"
                      r"[\x80-\xbf€™œšž¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾‚ƒ„…†‡ˆ‰‹Œ‘’“”•–—˜]")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one distinct word form says about its language.

    A word gets a verdict when it leans to another language (Zipf at least 3 there
    and a point more than in English), has letters English lacks, or is in another
    script; `english` says whether English also knows it as a word (`die`, `den`).
    Such a word counts towards a foreign sentence; whether it is flagged alone is
    decided in context (mtcheck.foreign.words).
    """

    word: str
    lower: str
    lang: str | None
    script: str | None
    zipf_src: float
    zipf_en: float
    english: bool
    letters: bool
    lemma: str | None = None

    @property
    def margin(self) -> float:
        """Zipf points by which the word is more frequent in `lang` than in English."""
        return self.zipf_src - self.zipf_en


def _data_lines(name: str) -> list[str]:
    text = resources.files("mtcheck.rules").joinpath("data").joinpath(name).read_text("utf-8")
    return [s.strip() for s in text.splitlines() if s.strip() and not s.startswith("#")]


@lru_cache(maxsize=1)
def loanwords() -> tuple[frozenset[str], dict[str, list[tuple[str, ...]]]]:
    """Established loanwords (single words) and phrases keyed by each of their words."""
    words: set[str] = set()
    phrases: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for line in _data_lines("untranslated_loanwords.txt"):
        parts = tuple(line.split())
        if len(parts) == 1:
            words.add(parts[0])
        else:
            for part in set(parts):
                phrases[part].append(parts)
    return frozenset(words), dict(phrases)


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Generic words of street and square names (`ulica`, `náměstí`, `via`)."""
    return frozenset(_data_lines("untranslated_place_words.txt"))


@lru_cache(maxsize=1)
def homographs() -> frozenset[str]:
    """English words that the lexicon misses and a source language also uses (`jammer`)."""
    return frozenset(_data_lines("untranslated_english_homographs.txt"))


@lru_cache(maxsize=1)
def translations() -> dict[tuple[str, str], str]:
    """Suggested English for frequent source words, by (language, word)."""
    out: dict[tuple[str, str], str] = {}
    for line in _data_lines("untranslated_function_words.tsv"):
        lang, word, english = line.split("\t")
        out[(lang, word)] = english
    return out


@lru_cache(maxsize=1)
def listed_words() -> frozenset[str]:
    """The words of `translations`, in any language."""
    return frozenset(word for _, word in translations())


@lru_cache(maxsize=1 << 16)
def verdict(word: str, langs: tuple[str, ...]) -> Verdict | None:
    """The language evidence of one word form (None for plain English and non-words)."""
    base = _strip_possessive(word)
    if not base or not base.replace("'", "").replace("’", "").isalpha():
        return None
    script = script_of(base)
    lower = base.lower().replace("i̇", "i")
    if script is not None:
        return Verdict(word, lower, None, script, 0.0, 0.0, False, True)
    if MOJIBAKE.search(base) or lower in loanwords()[0]:
        return None
    ev = evidence(lower, langs)
    letters = foreign_letters(lower)
    leans = ev.lang is not None and ev.zipf_src >= 3.0 and ev.margin >= 1.0
    if not leans and not (letters and ev.zipf_en < 3.0):
        return None
    english = ev.zipf_en >= ENGLISH_ZIPF or lower in homographs() or in_english_lexicon(lower)
    return Verdict(word, lower, ev.lang, None, ev.zipf_src, ev.zipf_en, english, letters)


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def clear(v: Verdict) -> bool:
    """A clear source word: not English, frequent in its language, far less so in English."""
    return not v.english and v.lang is not None and v.zipf_src >= 3.5 and v.margin >= 2.0
