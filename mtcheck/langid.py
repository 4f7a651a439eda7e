"""Language identification behind one small interface.

Each detector where the measurements say it is good (benchmarks/langid.py):

- langdetect, seeded (`DetectorFactory.seed = 0`) so that it is deterministic: the
  open-set answer for sentences and documents, used where no candidate language
  is known, where the frequency model is not decisive, and for a source text in a
  language without a frequency table. It is accurate on sentences but slow (about
  5,000 words/s), so it never runs over every sentence;
- a unigram model over wordfreq's frequency tables, English against the candidate
  languages (`frequency_span_guess`): on one-to-three-word spans, where langdetect
  is little better than a coin, it is as accurate as lingua restricted to the same
  languages and several times faster, and on sentences it is as accurate as
  langdetect at about 80 times its speed. lingua stays available as an optional
  backend for short spans (`pip install mtcheck[langid]`, `backend="lingua"`);
- script: a span mostly in another script (Cyrillic, Arabic) is not English.

`source_language` names an article's source language once per document (given,
voted from the source text, or guessed from the article's non-English words) and
records a detected one in the report's notes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any, Literal

from mtcheck.analyze import memoized, note, vocabulary
from mtcheck.analyze import token_texts as _token_texts
from mtcheck.foreign.lexicon import listed_words
from mtcheck.model import Document
from mtcheck.wordlists import (
    FREQUENCY_LANGUAGES,
    OTHER_SCRIPT_LANGUAGES,
    foreign_letters,
    in_english_lexicon,
    script_of,
    zipf,
)

Detector = Literal["langdetect", "lingua", "wordfreq", "script", "none"]

LANGUAGE_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ms": "Malay", "nb": "Norwegian", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian",
    "sr": "Serbian", "sv": "Swedish", "th": "Thai", "tr": "Turkish", "uk": "Ukrainian",
    "vi": "Vietnamese", "zh": "Chinese", "af": "Afrikaans", "bn": "Bengali", "cy": "Welsh",
    "fil": "Filipino", "gu": "Gujarati", "is": "Icelandic", "kn": "Kannada", "ml": "Malayalam",
    "mr": "Marathi", "ne": "Nepali", "pa": "Punjabi", "sh": "Serbo-Croatian", "so": "Somali",
    "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "ur": "Urdu",
}
# langdetect's codes that differ from the ones mtcheck (and wordfreq) use.
_ALIASES = {"no": "nb", "nn": "nb", "zh-cn": "zh", "zh-tw": "zh", "iw": "he", "tl": "fil"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A span of at most this many words goes to the short-span detector.
SHORT_SPAN_WORDS = 3
# How much more likely, per word, an unknown word is in a language than nothing:
# wordfreq tables stop at Zipf 1.5, so an absent word gets a Zipf of about 1.
_UNSEEN_ZIPF = 1.0


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A detector's answer: an ISO 639-1 code (`und` when it cannot tell) and its confidence."""

    lang: str
    confidence: float
    detector: Detector

    @property
    def known(self) -> bool:
        """True when the detector named a language."""
        return self.lang != "und"


UNKNOWN = LanguageGuess("und", 0.0, "none")


def language_name(code: str) -> str:
    """The English name of a language code (the code itself when unknown)."""
    return LANGUAGE_NAMES.get(code, code)


def normalize_code(code: str) -> str:
    """A language code as mtcheck uses it: lower case, primary subtag, aliases resolved."""
    code = code.strip().lower().replace("_", "-")
    code = _ALIASES.get(code, code)
    return _ALIASES.get(code.split("-", 1)[0], code.split("-", 1)[0])


def detect(text: str, candidates: Sequence[str] = ()) -> LanguageGuess:
    """langdetect's language of a sentence or document, deterministic (seed 0).

    With `candidates`, the answer is restricted to English and those languages
    (probabilities renormalized over them).
    """
    if _langdetect() is None or not _WORD.search(text):
        return UNKNOWN
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    try:
        ranked = [(normalize_code(x.lang), float(x.prob)) for x in detect_langs(text)]
    except LangDetectException:
        return UNKNOWN
    if candidates:
        allowed = {"en", *map(normalize_code, candidates)}
        ranked = [(lang, p) for lang, p in ranked if lang in allowed]
        total = sum(p for _, p in ranked)
        if not ranked or total <= 0:
            return UNKNOWN
        ranked = [(lang, p / total) for lang, p in ranked]
    lang, prob = max(ranked, key=lambda x: x[1])
    return LanguageGuess(lang, prob, "langdetect")


@lru_cache(maxsize=1)
def _langdetect() -> bool | None:
    # langdetect draws random numbers while it detects: without a fixed seed the
    # same sentence can get different answers from one run to the next.
    try:
        from langdetect import DetectorFactory
    except ImportError:  # pragma: no cover - langdetect is a required dependency
        return None
    DetectorFactory.seed = 0
    return True


def detect_span(text: str, candidates: Sequence[str],
                backend: Literal["wordfreq", "lingua"] = "wordfreq") -> LanguageGuess:
    """The language of a one-to-three-word span, among English and `candidates`.

    The default backend is the wordfreq unigram model (`frequency_span_guess`):
    on real one-to-three-word spans it matches lingua's accuracy at several times
    its speed (benchmarks/langid.py), and it keeps results the same whether or not
    lingua is installed. `backend="lingua"` uses lingua when the optional
    `lingua-language-detector` package is there and falls back to wordfreq when not.
    """
    script = _script_guess(text)
    if script is not None:
        return script
    langs = tuple(sorted({normalize_code(c) for c in candidates} - {"en"}))
    if backend == "lingua":
        detector = _lingua(langs)
        if detector is not None:
            return _lingua_guess(detector, text)
    return frequency_span_guess(text, langs)


def identify(text: str, candidates: Sequence[str] = ()) -> LanguageGuess:
    """The language of a span of any length: is it English or one of `candidates`?

    A span in another script is decided by its script. Otherwise the wordfreq
    unigram model answers when the span is short (where langdetect fails) or when
    it is decisive (confidence at least 0.99, as for nearly every whole sentence);
    langdetect, seeded, arbitrates the rest and answers when no candidate language
    is known. langdetect costs milliseconds a sentence, the model microseconds.
    """
    words = _WORD.findall(text)  # found once for the script and the frequency model
    script = _script_guess_of(words)
    if script is not None:
        return script
    langs = tuple(sorted({normalize_code(c) for c in candidates} - {"en"}))
    if langs:
        guess = _frequency_guess_of(words, langs)
        if guess.known and (len(words) <= SHORT_SPAN_WORDS or guess.confidence >= _DECISIVE):
            return guess
    return detect(text, candidates)


_DECISIVE = 0.99


def frequency_span_guess(text: str, candidates: Sequence[str]) -> LanguageGuess:
    """A unigram language model over wordfreq's tables: English against `candidates`.

    Each word contributes its Zipf frequency (log10 of its frequency per billion
    words) in each language; with equal priors the posterior is a softmax over
    the summed log-probabilities. Unknown words count as Zipf 1 everywhere.
    """
    return _frequency_guess_of(_WORD.findall(text), candidates)


def _frequency_guess_of(found: list[str], candidates: Sequence[str]) -> LanguageGuess:
    """`frequency_span_guess` of a text's words (as `_WORD` finds them)."""
    words = [w.lower() for w in found]
    langs = ("en", *(c for c in candidates if c in FREQUENCY_LANGUAGES and c != "en"))
    if not words or len(langs) < 2:
        return UNKNOWN
    # Each language's score sums its words' values in text order, as one sum per language.
    scores = list(map(sum, zip(*[_word_scores(w, langs) for w in words], strict=True)))
    top = max(scores)
    weights = [math.exp((s - top) * math.log(10)) for s in scores]
    best = max(range(len(langs)), key=lambda i: scores[i])
    return LanguageGuess(langs[best], weights[best] / sum(weights), "wordfreq")


@lru_cache(maxsize=1 << 16)
def _word_scores(word: str, langs: tuple[str, ...]) -> tuple[float, ...]:
    """A word's Zipf frequency in each of `langs`, unknown words counted as `_UNSEEN_ZIPF`."""
    return tuple(max(zipf(word, lang), _UNSEEN_ZIPF) for lang in langs)


def _script_guess(text: str) -> LanguageGuess | None:
    """Most words in a non-Latin script: the script decides (Cyrillic is not English).

    The language is named by `vote` over the frequency tables of that script's
    languages (Russian, Ukrainian, Bulgarian, ...), `und` when none claims it.
    """
    return _script_guess_of(_WORD.findall(text))


def _script_guess_of(words: list[str]) -> LanguageGuess | None:
    """`_script_guess` of a text's words (as `_WORD` finds them)."""
    foreign = [w.lower() for w in words if script_of(w) is not None]
    if not words or len(foreign) * 2 < len(words):
        return None
    guess = vote(foreign)
    return LanguageGuess(guess.lang if guess.known else "und", 0.95, "script")


def lingua_available() -> bool:
    """True when the optional lingua detector is installed."""
    return _lingua(("tr",)) is not None


@lru_cache(maxsize=64)
def _lingua(langs: tuple[str, ...]) -> Any:
    """A lingua detector for English and `langs`, or None without lingua (or languages)."""
    try:
        from lingua import (  # type: ignore[import-not-found,unused-ignore]
            IsoCode639_1,
            Language,
            LanguageDetectorBuilder,
        )
    except ImportError:
        return None
    chosen = [Language.ENGLISH]
    for code in langs:
        try:
            chosen.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except (AttributeError, ValueError):
            continue
    if len(chosen) < 2:
        return None
    return LanguageDetectorBuilder.from_languages(*chosen).build()


def _lingua_guess(detector: Any, text: str) -> LanguageGuess:
    values = detector.compute_language_confidence_values(text)
    if not values:
        return UNKNOWN
    top = values[0]
    code = top.language.iso_code_639_1.name.lower()
    return LanguageGuess(normalize_code(code), float(top.value), "lingua")


def source_language(doc: Document) -> str | None:
    """The article's source language: given, detected from the source text, or guessed.

    Without `--src-lang` and without a source text, the guess comes from the
    words of the translation that are not English (untranslated words, names with
    letters English lacks), by `vote`, once per document. A detected language is
    recorded in the report's notes as `src_lang_detected`.
    """
    langs = candidate_languages(doc)
    return langs[0] if langs else None


def candidate_languages(doc: Document) -> tuple[str, ...]:
    """The source language first, then close runners-up of a guess (Spanish, Catalan).

    Close relatives share many words, so a guess keeps the languages whose votes
    come within `_CLOSE` of the winner's: a word of either is looked for.
    """
    return memoized(doc, "langid.candidates", _candidates)


def _candidates(doc: Document) -> tuple[str, ...]:
    if doc.src_lang:
        return (normalize_code(doc.src_lang),)
    if doc.source is not None and _WORD.search(doc.source.text):
        ranked = _source_text_languages(doc.source.text)
    else:
        ranked = ranked_votes(_voting_residue(unusual_words(doc)))
    if not ranked:
        return ()
    note(doc, "src_lang_detected", ranked[0])
    return tuple(ranked)


def _source_text_languages(text: str) -> list[str]:
    """The language of a source text: `vote` over its words, else langdetect on a sample.

    The vote reads the frequency tables that the rules load anyway and costs
    microseconds; langdetect needs over 10 ms for a page of text, more than the
    whole check of a news article, so it answers only for languages without a
    frequency table (Chinese, Arabic, Hindi, ...).
    """
    words = sorted({w.lower() for w in _WORD.findall(text[:_SOURCE_SAMPLE])})
    ranked = ranked_votes(words)
    if ranked:
        return ranked[:1]
    guess = detect(text[:_LANGDETECT_SAMPLE])
    return [guess.lang] if guess.known and guess.lang != "en" else []


_SOURCE_SAMPLE = 2_000
_LANGDETECT_SAMPLE = 500
# The languages English news is most often translated from. Others can win a vote,
# but need a third more evidence: one word such as `laut` (German "according to",
# Indonesian "sea") is then read as German.
COMMON_SOURCES = frozenset({"de", "es", "fr", "it", "nl", "pl", "pt", "ru", "tr", "uk"})
_RARE_PRIOR = 0.75
# A guess needs this much evidence: summed Zipf margins, about one clear source word.
_MIN_VOTES = 2.5
_CLOSE = 0.8
_MAX_MARGIN = 4.0
_VOTING_LANGUAGES = tuple(sorted(FREQUENCY_LANGUAGES | OTHER_SCRIPT_LANGUAGES))


def vote(words: Sequence[str]) -> LanguageGuess:
    """The language that the non-English words of an article point to.

    The confidence is the winner's share of the votes of the top two.
    """
    votes = _votes(words)
    if not votes:
        return UNKNOWN
    ranked = _ranked(votes)
    lang, top = ranked[0]
    if top < _MIN_VOTES:
        return UNKNOWN
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return LanguageGuess(lang, top / (top + second), "wordfreq")


def ranked_votes(words: Sequence[str]) -> list[str]:
    """The winning language of `vote` and its close runners-up (at most three in all)."""
    votes = _votes(words)
    ranked = _ranked(votes)
    if not ranked or ranked[0][1] < _MIN_VOTES:
        return []
    return [lang for lang, v in ranked[:3] if v >= _CLOSE * ranked[0][1]]


def _ranked(votes: dict[str, float]) -> list[tuple[str, float]]:
    """The votes from most to fewest, ties in language order (sorted twice, in C: the
    second sort is stable, in reverse too)."""
    return sorted(sorted(votes.items()), key=_VOTES_OF, reverse=True)


_VOTES_OF = itemgetter(1)


def _votes(words: Sequence[str]) -> dict[str, float]:
    """Every word votes for each language by how much more frequent it is there than in
    English (Zipf points, capped); words English knows as words do not vote, so
    homographs such as `die` or `den` cannot outvote the rest. Shared function
    words (`que`, `de`) vote for several languages and distinctive words decide.
    """
    votes: dict[str, float] = {}
    for word in words:
        for lang, margin in _word_votes(word):
            votes[lang] = votes.get(lang, 0.0) + margin
    return {lang: v * (1.0 if lang in COMMON_SOURCES else _RARE_PRIOR)
            for lang, v in votes.items()}


@lru_cache(maxsize=1 << 16)
def _word_votes(word: str) -> tuple[tuple[str, float], ...]:
    en = zipf(word, "en")
    scored = [(lang, zipf(word, lang) - en) for lang in _VOTING_LANGUAGES]
    scored = [(lang, min(m, _MAX_MARGIN)) for lang, m in scored if m >= 1.0]
    if not scored or (script_of(word) is None and in_english_lexicon(word)):
        return ()
    return tuple(scored)


def token_texts(doc: Document) -> list[str]:
    """The texts of the document's tokens, built once and shared."""
    return _token_texts(doc)


def unusual_words(doc: Document) -> frozenset[str]:
    """The distinct words of a document that a test for foreign text may single out.

    A superset (`may_be_foreign`) of the words that vote on the source language, of the
    words with foreign evidence (`mtcheck.foreign.lexicon.verdict`) and of the words
    with a lower-case letter before a capital (`zamIt's`): news text is mostly plain
    English, so the untranslated rules look at this small set and not at every token.
    Shared (memoized) per document; each distinct word is judged once per process.
    """
    return memoized(doc, "langid.unusual", lambda d: _unusual(vocabulary(d)))


# Every word form ever judged, plain or not: a document's unusual words are then one set
# difference with its vocabulary. Bounded: both are cleared when full.
_PLAIN: set[str] = set()
_UNUSUAL: set[str] = set()
_JUDGED_LIMIT = 1 << 19


def _unusual(vocab: frozenset[str]) -> frozenset[str]:
    rest = vocab - _PLAIN
    new = rest - _UNUSUAL
    if new:
        if len(_PLAIN) + len(_UNUSUAL) + len(new) > _JUDGED_LIMIT:
            _PLAIN.clear()
            _UNUSUAL.clear()
            rest = new = vocab
        plain = {word for word in new if not may_be_foreign(word)}
        _PLAIN.update(plain)
        _UNUSUAL.update(new - plain)
        if plain:
            rest = rest - plain
    return rest


_ASCII_JOINT = re.compile(r"[a-z][A-Z]")


def may_be_foreign(word: str) -> bool:
    """False only for a word form that no test for foreign text can single out.

    Such a word is plain ASCII without a lower-case letter before a capital, and neither
    it nor its form without a possessive ending (lower-cased) is a Zipf point more
    frequent in any voting language than in English. Everything else may be foreign:
    words with other letters or scripts, glued words, and words that lean to another
    language (`ve`, `laut`), which the callers then judge for themselves.
    """
    if not word.isascii():
        return any(c.isalpha() for c in word)
    if _ASCII_JOINT.search(word) is not None:
        return True
    if not word.replace("'", "").isalpha():
        return False
    lower = word.lower()
    forms = {lower}
    if lower.endswith("'s"):
        forms.add(lower[:-2])
    if lower.endswith("'"):
        forms.add(lower[:-1])
    for form in forms:
        en = zipf(form, "en")
        # The same difference as `_word_votes` and `verdict` compute, so the same floats.
        if any(zipf(form, lang) - en >= 1.0 for lang in _VOTING_LANGUAGES):
            return True
    return False


def _voting_residue(words: Iterable[str]) -> list[str]:
    """`foreign_residue` of some words, less the words that cast no vote (sorted).

    Given a document's `unusual_words`: every voter is among them, and words without
    votes add nothing to `_votes`, so leaving them out changes no sum.
    """
    return sorted({word.lower() for word in words if _votes_as_residue(word)})


@lru_cache(maxsize=1 << 16)
def _votes_as_residue(word: str) -> bool:
    return _residue_word(word) and bool(_word_votes(word.lower()))


def foreign_residue(tokens: Iterable[str]) -> list[str]:
    """The distinct words of a text that may not be English, lower-cased.

    Lower-case words, and any word written with letters English lacks or in
    another script (names carry their language's letters: Kütükçü, Wałęsa).
    `vote` weighs them.
    """
    return sorted({token.lower() for token in set(tokens) if _residue_word(token)})


@lru_cache(maxsize=1 << 16)
def _residue_word(token: str) -> bool:
    if len(token) < 2 or not token.isalpha():
        return False
    return token.islower() or script_of(token) is not None or foreign_letters(token) or (
        # a listed connective that opens a sentence (`Inoltre,`, `Cependant,`) and that
        # English never writes
        token.istitle() and token.lower() in listed_words() and zipf(token.lower(), "en") < 1.5)
