"""Name mentions, transliteration keys and spelling clusters.

Pure functions over a `Document` (or over plain name words, for tests and other tools):

- `extract_mentions` finds capitalized name spans with their offsets, separates titles
  (`Governor`, `Trade Minister`) from the names they precede and drops capitalized common
  words that only open a sentence or a heading (`The`, `However`).
- `strong_keys` and `loose_key` are blocking keys: spellings that share a strong key
  differ only by diacritics, case or a language's letter folds (ü→u/ue, ş→s/sh, ı→i);
  spellings that share a loose key differ by a transliteration convention (Shoigu/Shoygu,
  Peskov/Peskow, Zakharova/Zaharova).
- `cluster_words` groups the spellings of one name through those keys, a symmetric
  deletion index for one-letter garbles and a prefix index for truncated surnames, and
  picks the dominant spelling of each group. Every step works per distinct spelling
  through hash lookups, never over all pairs, so the work is linear in the text.
"""

from __future__ import annotations

import itertools
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import eq, itemgetter
from typing import Literal, NamedTuple, cast

import regex
from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from mtcheck.analyze import memoized, vocabulary
from mtcheck.model import Document
from mtcheck.wordlists import wordfreq_zipf_en

Relation = Literal["spelling", "transliteration", "garbled", "truncation"]

# A capitalized word with its apostrophe parts (O'Brien, Erdoğan's, İstanbul'da).
# Korean and Chinese given names join their syllables with a hyphen and write the second
# in lower case (Min-jun, Ming-hui): that syllable is part of the word.
_SYLLABLE = r"(?:-[bcdfghjklmnpqrstwxz]{0,2}[aeiouy]{1,3}(?:ng|n|l|k|m|p|t)?(?![\p{L}\p{M}-]))"
_WORD = rf"\p{{Lu}}[\p{{L}}\p{{M}}]*(?:['’][\p{{L}}\p{{M}}]+)*{_SYLLABLE}?"
_ABBREVIATED = frozenset(("Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Sen", "Rep", "Gov", "Col",
                          "Lt", "Capt", "Sgt", "Adm", "Cmdr", "St", "Jr", "Sr", "Rev", "Pres",
                          "Hon", "Mt"))
# What may stand between two words of one name: a space, a hyphen, name particles (`de`,
# `van`, `bin`), or the full stop of an initial or title (`J. R. R. Tolkien`, `Dr. Müller`).
_PARTICLES = ("de", "da", "del", "della", "dello", "di", "do", "dos", "das", "du", "van",
              "von", "der", "den", "ter", "ten", "la", "le", "bin", "ibn", "al", "el", "zu",
              "y", "e", "af", "av")
_PARTICLE = "(?:" + "|".join(_PARTICLES) + ")"
_DOTTED = r"(?:(?:\p{Lu}|" + "|".join(sorted(_ABBREVIATED)) + r")\.[ \u00a0]?)"
_GAP = rf"(?:[ \u00a0]{_PARTICLE}(?:[ \u00a0]{_PARTICLE})?[ \u00a0]|[ \u00a0]|-)"
_NOT_AFTER_LETTER = r"(?<![\p{L}\p{M}\p{N}_])"
# A run of name words: initials and titles with their full stops, a word, and more of
# both after a space, a hyphen or particles. This is the grammar; `_RUN_ASCII` and
# `_RUN_OTHER` match exactly what it matches, only faster (tests compare them).
_RUN_GRAMMAR = rf"{_NOT_AFTER_LETTER}{_DOTTED}*{_WORD}(?:{_GAP}{_DOTTED}*{_WORD})*"
# How the fast forms get there (the `regex` engine pays per position of the text for
# whatever a pattern opens with, and much more for a lookaround or a Unicode property
# than for a plain ASCII class):
# - a run opens with a capital that the pattern consumes; the checks that it is an
#   upper-case letter after no letter are lookbehinds made only where that class matched.
#   A class of ASCII capitals and one of all non-ASCII characters are each fast, a class
#   of both is not: runs are found by two patterns and merged (`_runs`).
# - the rest of a run is written for a first capital already consumed (`_CORE`): the rest
#   of an initial or title, or the rest of a word;
# - lookaheads guard the costly alternations: a title is a capital and at most three
#   letters before its full stop, a particle a short lower-case word before a space.
_DOTTED_GUARDED = (r"(?:(?=\p{Lu}[a-z]{0,3}\.)(?:\p{Lu}|" + "|".join(sorted(_ABBREVIATED))
                   + r")\.[ \u00a0]?)")
_DOTTED_REST = (r"(?:(?=[a-z]{0,3}\.)(?:|"
                + "|".join(f"(?<={a[0]}){a[1:]}" for a in sorted(_ABBREVIATED))
                + r")\.[ \u00a0]?)")
_GAP_GUARDED = (rf"(?:[ \u00a0](?=[a-z]{{1,5}}[ \u00a0]){_PARTICLE}(?:[ \u00a0]{_PARTICLE})?"
                r"[ \u00a0]|[ \u00a0]|-)")
_CORE = (rf"(?:{_DOTTED_REST}{_DOTTED_GUARDED}*{_WORD}"
         rf"|[\p{{L}}\p{{M}}]*(?:['’][\p{{L}}\p{{M}}]+)*{_SYLLABLE}?)")
_FIRST_AFTER_NO_LETTER = r"(?<![\p{L}\p{M}\p{N}_].)"
_TAIL = rf"(?:{_GAP_GUARDED}\p{{Lu}}{_CORE})*"
_RUN_ASCII = regex.compile(rf"[A-Z]{_FIRST_AFTER_NO_LETTER}{_CORE}{_TAIL}")
_RUN_OTHER = regex.compile(
    rf"[^\x00-\x7f](?<=\p{{Lu}}){_FIRST_AFTER_NO_LETTER}{_CORE}{_TAIL}")
# Marks that open a clause, after which (and a space) a capitalized word proves nothing.
_OPENERS = frozenset("“\"‘'([{:—–-«„")
_RUN_WORD = regex.compile(_WORD)
_FIRST_LETTER = regex.compile(r"[\p{L}\p{N}]")
_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)
# Apostrophe suffixes that are inflection, not name: English possessive, Turkish case endings.
_SUFFIX = regex.compile(r"['’]\p{Ll}{1,4}$")
_PLAIN = regex.compile(r"[A-Za-z]+")

TITLES = frozenset((
    "president", "vice", "prime", "minister", "governor", "chancellor", "secretary", "senator",
    "sen", "rep", "representative", "congressman", "congresswoman", "mayor", "judge", "justice",
    "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "king",
    "queen", "prince", "princess", "pope", "sheikh", "emir", "sultan", "general", "gen",
    "colonel", "col", "lieutenant", "lt", "captain", "capt", "sergeant", "sgt", "admiral", "adm",
    "commander", "cmdr", "marshal", "ambassador", "spokesman", "spokeswoman", "spokesperson",
    "chairman", "chairwoman", "chair", "ceo", "cfo", "coo", "chief", "executive", "director",
    "deputy", "head", "coach", "speaker", "archbishop", "bishop", "cardinal", "rabbi", "imam",
    "premier", "commissioner", "attorney", "inspector", "curator", "founder", "co-founder",
    "manager", "striker", "defender", "midfielder", "goalkeeper", "presenter", "anchor",
    "superintendent", "prosecutor", "counsel", "delegate", "envoy", "governor-general",
    "president-elect", "vice-president",
))

# Language-aware letter folds: each letter lists the spellings MT and style guides use for it
# (Müller, Mueller, Muller; Şugayev, Shugayev, Sugayev). Everything else goes through anyascii.
_FOLDS: Mapping[str, tuple[str, ...]] = {
    "ü": ("u", "ue"), "ö": ("o", "oe"), "ä": ("a", "ae"), "ß": ("ss",), "ş": ("s", "sh"),
    "ș": ("s", "sh"), "ç": ("c", "ch"), "ğ": ("g", ""), "ı": ("i",), "ñ": ("n", "ny"),
    "š": ("s", "sh"), "ž": ("z", "zh"), "č": ("c", "ch"), "ć": ("c", "ch"), "đ": ("d", "dj"),
    "ø": ("o", "oe"), "å": ("a", "aa"), "æ": ("ae", "a"), "ő": ("o", "oe"), "ű": ("u", "ue"),
    "ł": ("l",), "ë": ("e",), "ï": ("i",),
}
_MAX_FOLDED_LETTERS = 4
# Transliteration conventions (Russian kh/h, y/i, German w/v and sch, Latin ks/x, Dutch
# ij/y). Russian ё after a consonant is `yo` or `e` (Zhuravlyov/Zhuravlev, Fyodor/Fedor).
_LOOSE = regex.compile(r"tsch|sch|kh|ks|ph|ck|ij|w|(?<=[bcdfghjklmnpqrstvxz])yo|y|^j(?=[aeiou])")
_LOOSE_MAP: Mapping[str, str] = {"tsch": "ch", "sch": "sh", "kh": "h", "ks": "x", "ph": "f",
                                 "ck": "k", "ij": "i", "w": "v", "yo": "e", "y": "i", "j": "i"}
# Romanizations that MT mixes within one article, each folded to one form before the
# conventions above. Japanese: Kunrei and Hepburn (Takesi/Takeshi, Tutomu/Tsutomu,
# Hukuda/Fukuda) and long vowels written or not (Satou/Satoh/Sato, Ooshima/Oshima).
# Korean: the Revised Romanization and older or customary spellings (Yeong/Young,
# Hyeon/Hyun, Joon/Jun, Eun/Un). The two fold `ou` and `oo` differently, so each gives a
# key of its own.
_ROMANIZATIONS: tuple[tuple[regex.Pattern[str], Mapping[str, str]], ...] = (
    (regex.compile(r"shi|chi|tsu|fu|ji|ou|oo|uu|oh(?![aeiou])"),
     {"shi": "si", "chi": "ti", "tsu": "tu", "fu": "hu", "ji": "zi", "ou": "o", "oo": "o",
      "uu": "u", "oh": "o"}),
    (regex.compile(r"eo|ou|oo|eu"), {"eo": "u", "ou": "u", "oo": "u", "eu": "u"}),
)
_DOUBLE = regex.compile(r"(.)\1+")
_NOT_ALNUM = regex.compile(r"[^a-z0-9]+")
# A remainder that turns a place or person into an adjective or plural, not a truncation.
# or a surname-forming suffix (Şahin/Şahinoğlu, Petro/Petrovich), not a truncation.
_DERIVATION_ENDINGS = frozenset((
    "an", "ian", "ians", "ans", "ese", "ish", "ist", "ists", "ism", "ic", "ics", "er", "ers",
    "es", "ns", "ite", "ites", "i", "is", "in", "ina", "ova", "eva", "ov", "ev", "istan", "stan",
    "land", "ia", "ija", "iya", "ien", "burg", "grad", "ville", "town", "oglu", "olu", "ogullari",
    "zade", "vich", "vic", "ovic", "evic", "ovich", "evich", "ovna", "evna", "son", "sen", "sson",
    "ski", "ska", "sky", "enko", "chuk", "yan", "ian", "idis", "ides", "opoulos", "akis", "escu",
    "ez", "es", "ey",
))
COMMON_ZIPF = 4.0
# Endings that transliteration conventions spell differently (on loose keys): Greek -idis/-ides
# (Nikolaidis/Nikolaides), French -ine for Russian -in (Sorokine/Sorokin), -off/-eff for
# -ov/-ev (Smirnoff/Smirnov), French -tch for -ch (Ivanovitch/Ivanovich).
_ENDING = regex.compile(r"(?:(?<=[aeiou]d)es|ine|(?<=[oe])f|tch)$")
_ENDING_MAP: Mapping[str, str] = {"es": "is", "ine": "in", "f": "v", "tch": "ch"}
_VOWEL_RUN = regex.compile(r"[aeiou]{2,}")
_VOWELS = frozenset("aeiouy")
# Closed-class words that open sentences and headings capitalized (`In Ankara`, `But Peskov`).
OPENING_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "when", "while", "as", "at",
    "in", "on", "of", "for", "from", "by", "with", "without", "to", "into", "onto", "upon",
    "after", "before", "since", "until", "till", "during", "about", "above", "below", "over",
    "under", "between", "among", "amid", "through", "across", "against", "despite", "although",
    "though", "because", "unless", "whether", "also", "however", "meanwhile", "moreover",
    "furthermore", "nevertheless", "nonetheless", "instead", "still", "then", "thus", "therefore",
    "hence", "otherwise", "indeed", "this", "that", "these", "those", "there", "here", "his",
    "her", "hers", "its", "their", "theirs", "our", "ours", "my", "mine", "your", "yours", "we",
    "they", "he", "she", "it", "i", "you", "me", "him", "them", "us", "who", "whom", "whose",
    "what", "where", "which", "why", "how", "all", "any", "some", "many", "most", "more", "much",
    "few", "several", "each", "every", "both", "either", "neither", "no", "not", "one", "two",
    "three", "four", "five", "according", "asked", "speaking", "following", "last", "next",
    "earlier", "later", "now", "today", "yesterday", "tomorrow", "tonight", "once", "only",
    "even", "just", "such", "other", "another", "same", "own",
))


# ---------------------------------------------------------------- keys

# Entries the per-spelling caches keep across documents. Names recur within an article
# and, the common ones, across articles: a thousand entries cover those. A spelling's
# keys take a few kilobytes, and an audit meets new names without end; the bound keeps
# its memory flat (4,096 entries still grew an audit's peak RSS by 15 % from 80,000 to
# 400,000 words; 1,024 by 6 %). The bound applies between documents only
# (`_trim_caches`): within one, every spelling keeps its keys, as an LRU bound made a
# document with more distinct spellings than the bound compute them again in every pass
# (a 100,000-word document took 3.6 times the time per word of a 10,000-word one).
_CACHED = 1024


@cache
def strong_keys(word: str) -> frozenset[str]:
    """Keys under which spellings differ only by case, diacritics or language letter folds.

    `Müller` → {muller, mueller, mller}; `Şugayev` → {sugayev, shugayev, ugayev};
    `Kavcıoğlu` → {kavcioglu, kavciolu, kavcolu}. Two spellings are variants of one
    another when they share a key.
    """
    text = unicodedata.normalize("NFC", word).replace("İ", "i").lower()
    folded = sorted({c for c in text if c in _FOLDS})
    keys = {_ascii_key(text)}
    if folded:
        choices = [_FOLDS[c] for c in folded]
        if len(folded) > _MAX_FOLDED_LETTERS:
            # Too many combinations: fold every letter the first way, then the last way.
            combos: Iterable[tuple[str, ...]] = (tuple(c[0] for c in choices),
                                                 tuple(c[-1] for c in choices))
        else:
            combos = itertools.product(*choices)
        for combo in combos:
            table: dict[str, str | int | None] = dict(zip(folded, combo, strict=True))
            keys.add(_ascii_key(text.translate(str.maketrans(table))))
    if not text.isascii():
        # Some MT output loses such letters altogether (Erdoğan → Erdoan, Tunç → Tun).
        dropped = _ascii_key("".join(c for c in text if c.isascii()))
        if len(dropped) >= 3:
            keys.add(dropped)
    keys.discard("")
    return frozenset(keys)


def _ascii_key(text: str) -> str:
    return str(_NOT_ALNUM.sub("", anyascii(text).lower()))


@cache
def loose_key(key: str) -> str:
    """A strong key with transliteration conventions folded (kh→h, y→i, w→v, doubles)."""
    folded = str(_LOOSE.sub(lambda m: _LOOSE_MAP[m.group()], key))
    folded = str(_DOUBLE.sub(r"\1", folded))
    # Russian Е/Я/Ю at the start: Yeltsin/Eltsin, Yevgeny/Evgeniy.
    return folded[1:] if folded.startswith("ie") else folded


@cache
def loose_keys(word: str) -> frozenset[str]:
    """The loose keys of every strong key of a word, and of its Japanese and Korean
    romanizations folded (`_ROMANIZATIONS`)."""
    strong = strong_keys(word)
    return frozenset(loose_key(k) for k in strong) | frozenset(
        loose_key(folded) for k in strong for pattern, table in _ROMANIZATIONS
        if (folded := str(pattern.sub(lambda m, t=table: t[m.group()], k))) != k)


@cache
def ending_key(key: str) -> str:
    """A loose key with its transliterated ending folded (nikolaides → nikolaidis,
    sorokine → sorokin, smirnof → smirnov); short keys are left alone."""
    if len(key) < 5:
        return key
    return str(_ENDING.sub(lambda m: _ENDING_MAP[m.group()], key))


@cache
def vowel_order_key(key: str) -> str:
    """A loose key with the letters of each vowel run sorted: two vowels typed in the wrong
    order (Wei/Wie, Xiao/Xaio, Liang/Laing) give the same key."""
    return str(_VOWEL_RUN.sub(lambda m: "".join(sorted(m.group())), key))


@cache
def zipf(word: str) -> float:
    """English word frequency on the Zipf scale (names included, as in wordfreq)."""
    return wordfreq_zipf_en(word)


def non_ascii(word: str) -> int:
    """How many letters carry diacritics or non-Latin script (spelling information)."""
    return sum(1 for c in word if ord(c) > 127)


# ---------------------------------------------------------------- mentions
# NameWord and Mention are NamedTuples, not frozen dataclasses: an article has one per
# capitalized word, and a frozen dataclass costs ten times as much to build.


class NameWord(NamedTuple):
    """One word of a name mention, as spelled at one place in the text (`text` is the
    spelling it is compared by: NFC, with a straight apostrophe).

    `companions` holds the loose keys of the other words of the same mention (first name,
    surname, initials, company suffixes); an empty set marks a surname-only back-reference.
    `common` marks frequent English words (Bank, Court) and words the article also writes
    in lower case: those are kept for consistency checks by key but never matched loosely.
    """

    start: int
    end: int
    text: str
    mention: int
    companions: frozenset[str] = frozenset()
    common: bool = False


class Mention(NamedTuple):
    """A name as written at one place: its words, and the title that precedes it if any.
    `number` counts mentions from 0 in text order (NameWord.mention refers to it)."""

    number: int
    start: int
    end: int
    text: str
    words: tuple[NameWord, ...]
    title: str | None = None


# A word of a run before it becomes a NameWord: (start, end, text, kind, common), offsets
# relative to the run.
_Raw = tuple[int, int, str, Literal["word", "caps", "initial", "title"], bool]
# A run's analysis, shared by every run of the same text in the same position kind:
# (start, end, title, ((start, end, spelling, companions, common), ...)), relative offsets.
_Template = tuple[int, int, "str | None", tuple[tuple[int, int, str, frozenset[str], bool], ...]]
# A template with the text of its mention, as the per-process cache keeps it.
_Entry = tuple[int, int, "str | None", tuple[tuple[int, int, str, frozenset[str], bool], ...],
               str]


def _sentence_first_letters(doc: Document) -> set[int]:
    """Offsets of the first letter or digit of each sentence."""
    text = doc.text
    search = _FIRST_LETTER.search
    out = set()
    for s in doc.sentences:
        start = s.start
        # Most sentences open with the letter itself; the others skip quotes or dashes.
        if start < s.end and text[start] in _ASCII_ALNUM:
            out.add(start)
        elif (m := search(text, start, s.end, concurrent=False)) is not None:
            out.add(m.start())
    return out


def extract_mentions(doc: Document) -> tuple[Mention, ...]:
    """Name mentions of a document, with offsets into `doc.text`.

    A mention is a run of capitalized words joined by spaces, hyphens or name particles
    (`de`, `van`, `bin`); initials (`J. R. R.`) and titles are recognised; possessive
    and Turkish case suffixes (`Erdoğan's`, `İstanbul'da`) are not part of the spelling.
    """
    # Names recur: a run is analysed once per process for its text, where it stands and
    # the stop after it (`_PREPARED`), and once more for each way an article writes (or
    # not) its words in lower case. Per run only lookups remain.
    text = doc.text
    sentence_first = _sentence_first_letters(doc)
    headings = [(p.start, p.end) for p in doc.paragraphs if p.kind in ("heading", "meta")]
    lowercase = vocabulary(doc)
    contains = lowercase.__contains__
    prepared_of = _PREPARED.get
    new = tuple.__new__
    mentions: list[Mention] = []
    para = 0
    n_headings = len(headings)
    beyond = len(text) + 1
    next_heading = headings[0][0] if headings else beyond
    for run in found_runs(doc):
        first, last = run.span()
        in_heading = False
        if first >= next_heading:
            while para < n_headings and headings[para][1] <= first:
                para += 1
            if para < n_headings and headings[para][0] <= first:
                in_heading = True
                next_heading = first  # look again at the next run
            else:
                next_heading = headings[para][0] if para < n_headings else beyond
        before = text[first - 1:first] if first else ""
        key = (run.group(), first in sentence_first,
               before in _OPENERS if before != " " else (
                   first > 1 and text[first - 2] in _OPENERS),
               in_heading, text.startswith(".", last))
        prepared = prepared_of(key)
        if prepared is None:
            prepared = _prepare(key)
        lowers, by_flags = prepared
        flags = tuple(map(contains, lowers)) if lowers else ()
        template = by_flags.get(flags, _MISSING)
        if template is _MISSING:
            template = _remember(key, prepared, lowercase)
        if template is None:
            continue
        start, end, title, words, mentioned = template
        index = len(mentions)
        named: tuple[NameWord, ...]
        if len(words) == 1:
            s, e, spelling, companions, common = words[0]
            named = (new(NameWord, (first + s, first + e, spelling, index, companions, common)),)
        else:
            named = tuple([new(NameWord, (first + s, first + e, spelling, index, companions,
                                          common))
                           for s, e, spelling, companions, common in words])
        mentions.append(new(Mention, (index, first + start, first + end, mentioned, named,
                                      title)))
    return tuple(mentions)


# A sentinel for "not cached yet" (a cached analysis may be None).
_MISSING: _Entry | None = cast("_Entry | None", object())
# A run's text; whether it opens its sentence, follows a clause mark, lies in a heading or
# dateline; whether a full stop follows it.
_Key = tuple[str, bool, bool, bool, bool]
# Process-wide analyses of runs: the words whose lower-case form an article may also
# write, and the analysis for each answer (the only way a run's analysis depends on its
# document). Bounded: cleared when full (news names recur; a miss only costs the
# analysis again).
_Prepared = tuple[tuple[str, ...], dict[tuple[bool, ...], "_Entry | None"]]
_PREPARED: dict[_Key, _Prepared] = {}
_PREPARED_LIMIT = 1 << 16


def _prepare(key: _Key) -> _Prepared:
    if len(_PREPARED) >= _PREPARED_LIMIT:
        _PREPARED.clear()
    prepared: _Prepared = (_lowers(key[0]), {})
    _PREPARED[key] = prepared
    return prepared


def _remember(key: _Key, prepared: _Prepared, lowercase: frozenset[str]) -> _Entry | None:
    """Analyse a run under the document's lower-case words and keep the analysis."""
    lowers, by_flags = prepared
    whole, sentence_first, after_opener, in_heading, dotted_after = key
    template = _template(whole, sentence_first or after_opener or in_heading, in_heading,
                         dotted_after, lowercase)
    entry: _Entry | None = None
    if template is not None:
        start, end, title, words = template
        entry = (start, end, title, words, whole[start:end])
    by_flags[tuple(w in lowercase for w in lowers)] = entry
    return entry


def _runs(text: str) -> Iterator[regex.Match[str]]:
    """The matches of `_RUN_GRAMMAR` in the text, left to right. Runs that open with a
    non-ASCII capital are rare: one search usually shows there are none, and the matches
    of `_RUN_ASCII` are all. `concurrent=False` keeps the engine from releasing the GIL
    around every match."""
    other = _RUN_OTHER.search(text, concurrent=False)
    if other is None:
        runs: Iterator[regex.Match[str]] = _RUN_ASCII.finditer(text, concurrent=False)
        return runs
    return _merged_runs(text, other)


def _merged_runs(text: str, other: regex.Match[str] | None) -> Iterator[regex.Match[str]]:
    """The matches of `_RUN_ASCII` and `_RUN_OTHER` merged as one scan finds them:
    whichever starts first is the next run, and a match of the other pattern that starts
    inside it is searched for again after it (a run found from there may differ)."""
    ascii_runs = _RUN_ASCII.finditer(text, concurrent=False)
    run = next(ascii_runs, None)
    while run is not None or other is not None:
        if run is not None and (other is None or run.start() < other.start()):
            yield run
            end = run.end()
            run = next(ascii_runs, None)
            if other is not None and other.start() < end:
                other = _RUN_OTHER.search(text, end, concurrent=False)
        elif other is not None:
            yield other
            end = other.end()
            other = _RUN_OTHER.search(text, end, concurrent=False)
            if run is not None and run.start() < end:
                ascii_runs = _RUN_ASCII.finditer(text, end, concurrent=False)
                run = next(ascii_runs, None)


def found_runs(doc: Document) -> list[regex.Match[str]]:
    """The runs of capitalized words of a document (shared by the analyses below).

    Every name analysis of a document starts here, so this is where the per-spelling
    caches are trimmed (`_trim_caches`), whichever name rules run.
    """
    def compute(d: Document) -> list[regex.Match[str]]:
        _trim_caches()
        return list(_runs(d.text))

    return memoized(doc, "names.runs", compute)


def _keys_link(texts: set[str]) -> tuple[bool, set[str]]:
    """Whether two spellings share a key, or a stop key of one is probed by another; and
    every key the spellings hint at (what a joined pair is looked up in)."""
    keys = list(map(_keys_of, texts))
    hints = list(map(_HINTS, keys))
    seen: set[str] = set().union(*hints)
    if len(seen) < sum(map(len, hints)):
        return True, seen
    stops: set[str] = set().union(*map(_STOPS, keys))
    return bool(stops) and not stops.isdisjoint(set().union(*map(_PROBES, keys))), seen


def may_link_in(doc: Document) -> bool:
    """Whether `cluster_words` could link any two spellings of the document's name words:
    `may_link` over every word of every run (a superset of the name words, as a title or
    a word that opens a sentence is a run's word but no name word). Runs and their words
    are read in C and through per-process caches, without the mention analysis, which
    needs the document's vocabulary: most articles spell every name one way."""
    infos = list(map(_run_words, set(map(_MATCH_GROUP, found_runs(doc)))))
    texts = set().union(*map(_RUN_SPELLINGS, infos))
    if len(texts) < 2:
        return False
    linked, seen = _keys_link(texts)
    if linked:
        return True
    # A joined pair is linked by its strong key, which `seen` holds if a word has it.
    return not seen.isdisjoint(set().union(*map(_RUN_JOINED, infos)))


_MATCH_GROUP = regex.Match.group


def _trim_caches() -> None:
    """Empty each per-spelling cache that holds more than `_CACHED` entries; called as
    each document's runs are first found."""
    for f in _PER_SPELLING:
        if f.cache_info().currsize > _CACHED:
            f.cache_clear()


@cache
def _run_words(whole: str) -> tuple[frozenset[str], frozenset[str]]:
    """The spellings of every word of a run, and the strong keys of each two adjacent
    words written as one (as `_with_joined_pairs` would join them)."""
    words = []
    for m in _RUN_WORD.finditer(whole):
        word = _without_suffix(m.group())
        words.append((m.start(), m.start() + len(word), _spelling(word)))
    joined: set[str] = set()
    for a, b in itertools.pairwise(words):
        if b[0] - a[1] == 1:
            joined.update(strong_keys(a[2] + b[2]))
    return frozenset(w[2] for w in words), frozenset(joined)


_RUN_SPELLINGS = itemgetter(0)
_RUN_JOINED = itemgetter(1)


def _without_suffix(word: str) -> str:
    """A word of a run without its possessive or case suffix (Erdoğan's, İstanbul'da)."""
    if "'" in word or "’" in word:
        suffix = _SUFFIX.search(word)
        if suffix is not None:
            return word[:suffix.start()]
    return word


def _lowers(whole: str) -> tuple[str, ...]:
    """The lower-cased words of a run that `_classify` may look up in the document's
    vocabulary (every word of the run, possessive and case suffixes cut)."""
    if _PLAIN.fullmatch(whole):
        return (whole.lower(),)
    return tuple(_without_suffix(m.group()).lower() for m in _RUN_WORD.finditer(whole))


def _template(whole: str, opens: bool, in_heading: bool, dotted_after: bool,
              lowercase: frozenset[str]) -> _Template | None:
    if _PLAIN.fullmatch(whole):
        # The common case, a single plain word: no run to split, no suffix to strip.
        found = _classify(whole, 0, len(whole), whole, opens, True, dotted_after, lowercase)
        raws = [found] if found is not None else []
    else:
        parts = list(_RUN_WORD.finditer(whole))
        raws = []
        for i, m in enumerate(parts):
            found = _classify(whole, m.start(), m.end(), m.group(), in_heading or (
                i == 0 and opens), len(parts) == 1, dotted_after, lowercase)
            if found is not None:
                raws.append(found)
    return _mention(raws)


def _classify(whole: str, start: int, end: int, word: str, opens: bool, alone: bool,
              dotted_after: bool, lowercase: frozenset[str]) -> _Raw | None:
    """What one capitalized word of a run is; None for words that are no part of a name."""
    stripped = _without_suffix(word)
    if stripped is not word:
        word, end = stripped, start + len(stripped)
    dotted = whole.startswith(".", end) or (end == len(whole) and dotted_after)
    if len(word) == 1:
        return (start, end, word, "initial", True) if dotted else None
    lower = word.lower()
    if lower in TITLES or (dotted and word in _ABBREVIATED):
        return (start, end, word, "title", True)
    if word.isupper():
        return (start, end, word, "caps", True)
    common = lower in lowercase or zipf(lower) >= COMMON_ZIPF
    if opens and (lower in OPENING_WORDS or lower in lowercase or (common and alone)):
        # `The`, `In Ankara`, `However`, `Experts` opening a sentence, quote or heading;
        # a frequent first name before a surname stays (`Thomas Mueller said`).
        return None
    return (start, end, word, "word", common)


def _mention(raws: list[_Raw]) -> _Template | None:
    # A leading stretch of titles and common words ending in a title is the title
    # (`Trade Minister`, `Deputy Commerce Secretary`), not part of the name.
    cut = 0
    for i, raw in enumerate(raws):
        if raw[3] == "title":
            cut = i + 1
        elif not raw[4]:
            break
    title = " ".join(r[2] for r in raws[:cut]) or None
    body = [r for r in raws[cut:] if r[3] != "title"]
    if not any(r[3] == "word" for r in body):
        return None
    keys = [loose_keys(r[2]) if len(body) > 1 else frozenset() for r in body]
    words = []
    for i, (start, end, word, kind, common) in enumerate(body):
        if kind != "word":
            continue
        companions = frozenset(k for j, ks in enumerate(keys) if j != i for k in ks)
        words.append((start, end, _spelling(word), companions, common))
    return body[0][0], body[-1][1], title, tuple(words)


def _spelling(word: str) -> str:
    """The spelling a word is compared by: NFC, one apostrophe (D’Alema is D'Alema)."""
    if word.isascii():
        return word
    return unicodedata.normalize("NFC", word).replace("’", "'")


def name_words(mentions: Iterable[Mention]) -> list[NameWord]:
    """Every name word of the mentions, in text order."""
    return [w for m in mentions for w in m.words]


# ---------------------------------------------------------------- clustering


class Spelling(NamedTuple):
    """One spelling of a name word with its occurrences and the company it keeps.

    A NamedTuple like NameWord: an article has one per distinct name word."""

    text: str
    spans: tuple[tuple[int, int], ...]
    companions: frozenset[str]
    in_full_name: int
    common: bool

    @property
    def count(self) -> int:  # type: ignore[override]  # tuple.count is never wanted here
        """How often the spelling occurs."""
        return len(self.spans)

    @property
    def first(self) -> int:
        """Offset of the first occurrence."""
        return self.spans[0][0]


@dataclass(frozen=True, slots=True)
class Cluster:
    """The spellings of one name and the dominant one; `variants` maps each other
    spelling to how it relates to the dominant one."""

    dominant: Spelling
    variants: tuple[tuple[Spelling, Relation], ...]

    @property
    def spellings(self) -> tuple[Spelling, ...]:
        """Every spelling, the dominant one first."""
        return (self.dominant, *(s for s, _ in self.variants))


@dataclass(frozen=True)
class Preference:
    """Evidence for choosing the dominant spelling besides frequency: canonical forms from
    a glossary and spellings attested in the source text (case-folded)."""

    canonical: frozenset[str] = frozenset()
    attested: frozenset[str] = frozenset()


_BUCKET_LIMIT = 24


def spellings_of(words: Iterable[NameWord]) -> list[Spelling]:
    """Aggregate name words by spelling, sorted by first occurrence (order-independent)."""
    # Words by index, not by field name: a NamedTuple's field is a descriptor lookup.
    groups: dict[str, list[NameWord]] = {}
    for w in words:
        group = groups.get(w[2])
        if group is None:
            groups[w[2]] = [w]
        else:
            group.append(w)
    new = tuple.__new__
    ordered: list[tuple[int, str, Spelling]] = []
    for text, group in groups.items():
        if len(group) == 1:
            # Most spellings occur once: their word's company is the spelling's.
            start, end, _, _, companions, common = group[0]
            ordered.append((start, text, new(Spelling, (
                text, ((start, end),), companions, 1 if companions else 0, common))))
            continue
        union: set[str] = set()
        full = 0
        common = False
        spans: list[tuple[int, int]] = []
        for start, end, _, _, companions, is_common in group:
            spans.append((start, end))
            if companions:
                union.update(companions)
                full += 1
            common = common or is_common
        spans.sort()
        ordered.append((spans[0][0], text, new(Spelling, (
            text, tuple(spans), frozenset(union), full, common))))
    ordered.sort()
    return [spelling for _, _, spelling in ordered]


class _Keys(NamedTuple):
    """The blocking keys of one spelling, for every index `cluster_words` links through
    (they depend on the spelling alone, so they are computed once per process)."""

    strong: frozenset[str]
    loose: frozenset[str]
    deletions: frozenset[str]  # loose keys of five letters or more and their deletions
    endings: frozenset[str]  # loose keys with transliterated endings folded
    vowels: frozenset[str]  # loose keys with traded Arabic and Persian vowels folded
    orders: frozenset[str]  # strong and loose keys with each vowel run sorted
    prefixes: frozenset[str]  # where a truncation of this spelling may stop
    probes: frozenset[str]  # the keys a truncation is looked up by (rare single words)
    linking: frozenset[str]  # every index key: strong to orders
    # For `may_link`: the keys through which the spelling can be linked at all. Frequent
    # words are never garbled nor re-ended (`_garbled`, `_other_ending`), and an ASCII
    # word that frequent is common, in no index but the strong and vowel keys; the
    # deletions are narrowed to `_garble_hints`.
    hints: frozenset[str]
    stops: frozenset[str]  # the prefixes, unless the spelling is surely common


@cache
def _keys_of(text: str) -> _Keys:
    strong = strong_keys(text)
    loose = loose_keys(text)
    deletions = frozenset(v for k in loose if len(k) >= 5 for v in _deletions(k))
    orders = frozenset(vowel_order_key(k) for k in loose | strong if _VOWEL_RUN.search(k))
    prefixes = frozenset(key[:n] for key in strong | loose
                         for n in range(max(4, (len(key) + 1) // 2), len(key) - 1))
    frequency = zipf(text.lower())
    endings = frozenset(ending_key(k) for k in loose)
    vowels = frozenset(vowel_key(k) for k in loose)
    # A word is common when it is frequent (or written in lower case): by its own
    # lower-case form, which is the spelling's for an ASCII word.
    surely_common = text.isascii() and frequency >= COMMON_ZIPF
    hints = strong | vowels
    if not surely_common:
        hints |= loose | orders
    if frequency < COMMON_ZIPF - 0.5:
        hints |= endings | _garble_hints(loose)
    truncatable = " " not in text and frequency < COMMON_ZIPF - 1
    return _Keys(strong, loose, deletions, endings, vowels, orders, prefixes,
                 strong | loose if truncatable else frozenset(),
                 strong | loose | endings | vowels | orders | deletions, hints,
                 frozenset() if surely_common else prefixes)


def _garble_hints(loose: frozenset[str]) -> frozenset[str]:
    """The deletion keys through which `_garbled` can link two spellings: its pairs keep
    their first letter and ending, so they share a key with a middle letter deleted (or
    the key itself); fewer keys than all deletions, for `may_link`."""
    hints: set[str] = set()
    for x in loose:
        if len(x) >= 5:
            hints.add(x)
            hints.update(x[:p] + x[p + 1:] for p in range(1, len(x) - 1))
    return frozenset(hints)


def cluster_words(words: Iterable[NameWord], preference: Preference | None = None,
                  text: str | None = None, *,
                  spellings: Sequence[Spelling] | None = None) -> tuple[Cluster, ...]:
    """Group the spellings of each name and pick the dominant spelling of each group.

    Links, each through a hash index over distinct spellings: a shared strong key
    (diacritics, case, ü/ue, ş/sh; also two words of a full name written as one,
    Abdul Aziz/Abdulaziz), a shared loose key (transliteration), a shared vowel key in
    full names with the same surname (Mohammed/Muhammad Al-Otaibi), one edit on the loose key
    with the same first and last letters (a garbled letter), and a prefix of a name word
    (truncation). Spellings used with disjoint companions (Ana García / Luis Garcia) are
    different people and never linked. `text` (the document text) spells two-word forms
    as written. Only groups with two or more spellings are returned. `spellings`, when
    given, must be `spellings_of(words)` (a caller that already has them).
    """
    listed = list(words)
    if not may_link(listed):
        return ()
    found = list(spellings) if spellings is not None else spellings_of(listed)
    found = _with_joined_pairs(found, listed, text)
    keys = [_keys_of(s.text) for s in found]
    eligible = [not s.common and len(s.text) >= 4 for s in found]
    # Most articles spell each name one way: when no two spellings share a key of any
    # index (one union of their keys, in C, shows it), no index links anything.
    linking = [k.linking for k in keys]
    pairs = _linked(found, keys, eligible) \
        if len(set().union(*linking)) < sum(map(len, linking)) else []
    truncations = list(_truncations(found, [k.loose for k in keys], eligible)) \
        if _may_truncate(keys, eligible) else []
    if not pairs and not truncations:
        return ()
    return _clusters_of(found, pairs, truncations, preference or Preference())


def may_link(words: Iterable[NameWord]) -> bool:
    """Whether `cluster_words` could link any two spellings of the words: two share a key
    of some index, a key of one extends a key of another (a truncation), or two adjacent
    words of a mention written as one share a key with a single word. A necessary
    condition, checked over the distinct spellings with unions of their cached keys, in
    C: most articles spell every name one way, and then nothing else is computed."""
    listed = list(words)
    texts = set(map(_WORD_TEXT, listed))
    if len(texts) < 2:
        return False
    linked, seen = _keys_link(texts)
    if linked:
        return True
    ordered = sorted(listed)
    mention = list(map(_WORD_MENTION, ordered))
    same = list(map(eq, mention, itertools.islice(mention, 1, None)))
    if True not in same:
        return False
    # A joined pair is linked by its strong key, which `seen` holds if a word has it.
    return any(b[0] - a[1] == 1 and not seen.isdisjoint(strong_keys(a[2] + b[2]))
               for a, b in compress(itertools.pairwise(ordered), same))


_WORD_TEXT = itemgetter(NameWord._fields.index("text"))
_WORD_MENTION = itemgetter(NameWord._fields.index("mention"))
_LINKING = itemgetter(_Keys._fields.index("linking"))
_HINTS = itemgetter(_Keys._fields.index("hints"))
_STOPS = itemgetter(_Keys._fields.index("stops"))
_PROBES = itemgetter(_Keys._fields.index("probes"))


def _linked(spellings: Sequence[Spelling], keys: Sequence[_Keys], eligible: Sequence[bool],
            ) -> list[tuple[int, int]]:
    """The pairs of spellings that one of the hash indexes links.

    A key two spellings share in one index is a key their `linking` sets share: those
    keys are found first, and each index is then bucketed over them alone (the other
    buckets hold one spelling and give no pair)."""
    seen: set[str] = set()
    shared: set[str] = set()
    for own in map(_LINKING, keys):
        if not seen.isdisjoint(own):
            shared.update(seen.intersection(own))
        seen.update(own)
    if not shared:
        return []
    hits = [i for i, k in enumerate(keys) if not shared.isdisjoint(k.linking)]
    loose = [k.loose for k in keys]
    pairs: list[tuple[int, int]] = []
    for field, check in _INDEXES:
        entries = [(i, own) for i in hits if _indexed(field, spellings[i], eligible[i])
                   and (own := _key_set(keys[i], field) & shared)]
        if len(entries) > 1:
            pairs.extend((i, j) for i, j in _bucket_pairs(
                (i, k) for i, own in entries for k in own)
                if check(spellings[i], spellings[j], loose[i], loose[j]))
    return pairs


_Check = Callable[[Spelling, Spelling, frozenset[str], frozenset[str]], bool]


def _key_set(keys: _Keys, field: str) -> frozenset[str]:
    found: frozenset[str] = getattr(keys, field)
    return found


def _indexed(field: str, spelling: Spelling, eligible: bool) -> bool:
    """Whether a spelling takes part in the index over its keys of that `_Keys` field."""
    if field == "strong":
        return True
    if field in ("vowels", "orders"):
        # Short words count in vowel order (Wei/Wie): the shared surname is the evidence.
        return spelling.in_full_name > 0 and (
            len(spelling.text) >= 4 if field == "vowels"
            else not spelling.common and len(spelling.text) >= 3)
    return eligible


def _same_loose(a: Spelling, b: Spelling, keys_a: frozenset[str],
                keys_b: frozenset[str]) -> bool:
    return _compatible(a, b)


def _may_truncate(keys: Sequence[_Keys], eligible: Sequence[bool]) -> bool:
    """Whether some rare single word has a key that another spelling's key extends (a
    necessary condition for `_truncations` to find anything)."""
    stops = [k.prefixes for k, ok in zip(keys, eligible, strict=True) if ok and k.prefixes]
    if not stops:
        return False
    ends: set[str] = set().union(*stops)
    return any(ok and not ends.isdisjoint(k.probes)
               for k, ok in zip(keys, eligible, strict=True))


def _clusters_of(spellings: list[Spelling], pairs: Iterable[tuple[int, int]],
                 truncations: Iterable[tuple[int, int]], prefer: Preference
                 ) -> tuple[Cluster, ...]:
    """The groups that the links make, with their dominant spellings."""
    parent = list(range(len(spellings)))
    truncated: set[int] = set()

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    linked: set[int] = set()
    for i, j in pairs:
        union(i, j)
        linked.update((i, j))
    for short, long in truncations:
        union(short, long)
        truncated.add(short)
        linked.update((short, long))
    groups: dict[int, list[int]] = {}
    for i in sorted(linked):
        groups.setdefault(find(i), []).append(i)
    clusters = []
    for members in groups.values():
        if len(members) < 2:
            continue
        candidates = [i for i in members if i not in truncated] or members
        best = max(candidates, key=lambda i: _rank(spellings[i], prefer))
        dominant = spellings[best]
        variants = tuple(
            (spellings[i], _relation(spellings[i], dominant, i in truncated))
            for i in members if i != best)
        clusters.append(Cluster(dominant, variants))
    clusters.sort(key=lambda c: c.dominant.first)
    return tuple(clusters)


def _with_joined_pairs(spellings: list[Spelling], words: list[NameWord],
                       text: str | None) -> list[Spelling]:
    """Add the two-word forms of full names whose joined spelling is also written as one
    word elsewhere (`Abdul Aziz` next to `Abdulaziz`), so they can be linked by key."""
    by_key: set[str] = set().union(*[strong_keys(s.text) for s in spellings
                                     if " " not in s.text])
    ordered = sorted(words)
    pairs: dict[str, list[NameWord]] = {}
    for a, b in itertools.pairwise(ordered):
        if a.mention != b.mention or b.start - a.end != 1:
            continue
        # Keyed word by word: the key of `ĐỗQuang` with its foreign letters dropped
        # would be `quang`, one of its own words.
        if by_key.isdisjoint(x + y for x in strong_keys(a.text) for y in strong_keys(b.text)):
            continue
        companions = (a.companions | b.companions) - loose_keys(a.text) - loose_keys(b.text)
        if not companions:
            continue  # a two-word name on its own (Al Ain) is a place as often as a person
        joined = text[a.start:b.end] if text is not None else f"{a.text} {b.text}"
        pairs.setdefault(joined, []).append(
            NameWord(a.start, b.end, joined, a.mention, companions, a.common and b.common))
    if not pairs:
        return spellings
    extra = spellings_of(w for group in pairs.values() for w in group)
    return sorted([*spellings, *extra], key=lambda s: (s.first, s.text))


def _same_first_name(a: Spelling, b: Spelling, keys_a: frozenset[str],
                     keys_b: frozenset[str]) -> bool:
    """Two spellings with the same vowel key, used in full names that share a surname:
    one name transliterated two ways (Mohammed/Muhammad, Omar/Umar). Endings that mark
    gender (Daniele/Daniela) keep names apart."""
    if a.companions.isdisjoint(b.companions) or keys_a & keys_b:
        return False
    for x in keys_a:
        for y in keys_b:
            if vowel_key(x) != vowel_key(y):
                continue
            if x[-1] == y[-1] or (x[-1] not in _VOWELS and y[-1] not in _VOWELS):
                return True
    return False


@cache
def vowel_key(key: str) -> str:
    """A loose key with the vowels that Arabic and Persian transliterations trade folded
    (o/u, e/a, ou/u, ee/i): Mohammed and Muhammad, Hussein and Husayn, Omar and Umar.
    (Not e/i: Khaled and Khalid, but also Karin and Karen, two names.)"""
    folded = key.replace("ee", "i").replace("ou", "u").replace("o", "u").replace("e", "a")
    return str(_DOUBLE.sub(r"\1", folded))


def _bucket_pairs(entries: Iterable[tuple[int, str]]) -> Iterable[tuple[int, int]]:
    """Pairs of spellings that share a key. Buckets hold a handful of spellings; an
    oversized bucket (a pathological text) is linked through its first member only."""
    # Nearly every key has one spelling: a set is made only for a key that a second
    # spelling shares, and only those buckets are visited.
    first: dict[str, int] = {}
    shared: dict[str, set[int]] = {}
    for i, key in entries:
        j = first.setdefault(key, i)
        if j != i:
            members = shared.get(key)
            if members is None:
                shared[key] = {j, i}
            else:
                members.add(i)
    seen: set[tuple[int, int]] = set()
    for members in shared.values():
        ordered = sorted(members)
        pairs = (itertools.combinations(ordered, 2) if len(ordered) <= _BUCKET_LIMIT
                 else ((ordered[0], j) for j in ordered[1:]))
        for pair in pairs:
            if pair not in seen:
                seen.add(pair)
                yield pair


def _compatible(a: Spelling, b: Spelling) -> bool:
    """False when both spellings appear in full names that share no other word:
    two people (Ana García, Luis Garcia), or a company and a person."""
    return not (a.companions and b.companions and a.companions.isdisjoint(b.companions))


@cache
def _deletions(key: str) -> tuple[str, ...]:
    """The key itself and its one-letter deletions (names recur across articles)."""
    return (key, *(key[:p] + key[p + 1:] for p in range(len(key))))


def _outweighs(a: Spelling, b: Spelling) -> bool:
    """`a` is the better established spelling: more frequent, or as frequent and written
    in a full name where `b` only appears as a bare back-reference (Verena Bentele …
    Bentle)."""
    return a.count > b.count or (a.count == b.count and a.in_full_name > 0 == b.in_full_name)


def _one_sided(a: Spelling, b: Spelling) -> bool:
    """One of the two spellings is better established than the other."""
    return _outweighs(a, b) or _outweighs(b, a)


def _garbled(a: Spelling, b: Spelling, keys_a: frozenset[str], keys_b: frozenset[str]) -> bool:
    """One garbled or dropped letter (Kavcıoğlu/Kavcıoğu, Bentele/Bentle) rather than a
    different name: same first letter and ending (Ivanov/Ivanova, Daniel/Daniela,
    Francis/Frances stay apart), one spelling better established, and no conflicting
    company."""
    if not _one_sided(a, b) or not _compatible(a, b) or keys_a & keys_b:
        return False
    if max(zipf(a.text.lower()), zipf(b.text.lower())) >= COMMON_ZIPF - 0.5:
        return False
    for x in keys_a:
        for y in keys_b:
            if (len(x) >= 5 and len(y) >= 5 and x[0] == y[0] and _same_ending(x, y)
                    and Levenshtein.distance(x, y, score_cutoff=1) <= 1):
                return True
    return False


def _same_ending(x: str, y: str) -> bool:
    """Endings that a one-letter garble keeps: the last two letters, or, for a long word
    with one letter swapped for another (Karabulut/Karabulat), the last letter. A letter
    added or dropped at the end makes a different form (Ivanov/Ivanova)."""
    return x[-2:] == y[-2:] or (len(x) == len(y) >= 7 and x[-1] == y[-1])


def _other_ending(a: Spelling, b: Spelling, keys_a: frozenset[str],
                  keys_b: frozenset[str]) -> bool:
    """One name with its ending transliterated two ways (Nikolaidis/Nikolaides,
    Sorokin/Sorokine). Frequent words are kept apart (Martin/Martine, Christine/Christin
    are different given names), and one spelling must be better established."""
    if keys_a & keys_b or not _compatible(a, b) or not _one_sided(a, b):
        return False
    return max(zipf(a.text.lower()), zipf(b.text.lower())) < COMMON_ZIPF - 0.5


def _swapped_vowels(a: Spelling, b: Spelling, keys_a: frozenset[str],
                    keys_b: frozenset[str]) -> bool:
    """Two vowels typed in the wrong order (Zhang Wei/Zhang Wie) in full names that share
    another word (the surname). Two established names stay apart (Mia/Mai Holm)."""
    if keys_a & keys_b or a.companions.isdisjoint(b.companions):
        return False
    return min(zipf(a.text.lower()), zipf(b.text.lower())) < COMMON_ZIPF - 0.5


# Each index with the check a pair sharing one of its keys must pass to be linked. Strong
# keys join spellings that differ by diacritics or letter folds alone; the loose keys by a
# transliteration; vowel keys a transliterated first name (Mohammed/Muhammad); deletion
# keys a garbled letter; ending keys a transliterated ending; vowel orders two vowels
# swapped (Wei/Wie; strong keys too, as the loose j→i fold hides a pinyin swap, Jie/Jei).
_INDEXES: tuple[tuple[str, _Check], ...] = (
    ("strong", _same_loose), ("loose", _same_loose), ("vowels", _same_first_name),
    ("deletions", _garbled), ("endings", _other_ending), ("orders", _swapped_vowels),
)


def _truncations(spellings: Sequence[Spelling], loose: Sequence[frozenset[str]],
                 eligible: Sequence[bool]) -> Iterable[tuple[int, int]]:
    """(short, long) pairs where a name word is a cut-off form of a longer one (Yıldı /
    Cem Yıldırım, Mehmet Sams / Samsar), found through a prefix index over strong and
    loose keys (loose keys alone hide a cut double letter: Verschu/Verschuur)."""
    keys = [strong_keys(s.text) | loose[i] for i, s in enumerate(spellings)]
    by_prefix: dict[str, set[int]] = {}
    for j, own in enumerate(keys):
        if not eligible[j]:
            continue
        for key in own:
            for n in range(max(4, (len(key) + 1) // 2), len(key) - 1):
                by_prefix.setdefault(key[:n], set()).add(j)
    for i, own in enumerate(keys):
        short = spellings[i]
        if not eligible[i] or " " in short.text or zipf(short.text.lower()) >= COMMON_ZIPF - 1:
            continue
        targets: dict[int, str] = {}
        for key in own:
            for j in by_prefix.get(key, ()):
                long = spellings[j]
                # One of the two must be part of a full name (the person is established),
                # and a full name around each must be the same one.
                if j == i or not (short.in_full_name or long.in_full_name):
                    continue
                if not _compatible(short, long):
                    continue
                rest = min((k[len(key):] for k in keys[j]
                            if k.startswith(key) and len(k) - len(key) >= 2), key=len)
                if rest not in _DERIVATION_ENDINGS and long.count >= short.count:
                    targets[j] = min(loose[j])
        if len(set(targets.values())) == 1:
            yield i, min(targets)


def _rank(s: Spelling, prefer: Preference) -> tuple[bool, bool, int, int, bool, int, int]:
    folded = s.text.casefold()
    # At equal frequency, a spelling used in a full name is the established one.
    return (folded in prefer.canonical, folded in prefer.attested, s.count, non_ascii(s.text),
            s.in_full_name > 0, len(s.text), -s.first)


def _relation(variant: Spelling, dominant: Spelling, truncated: bool) -> Relation:
    if truncated:
        return "truncation"
    if strong_keys(variant.text) & strong_keys(dominant.text):
        return "spelling"
    variant_loose, dominant_loose = loose_keys(variant.text), loose_keys(dominant.text)
    if variant_loose & dominant_loose or any(
            f(k) in {f(d) for d in dominant_loose} for f in (vowel_key, ending_key)
            for k in variant_loose):
        return "transliteration"
    return "garbled"


# The caches `_trim_caches` bounds between documents.
_PER_SPELLING = (strong_keys, loose_key, loose_keys, ending_key, vowel_order_key, zipf,
                 _run_words, _keys_of, vowel_key, _deletions)
