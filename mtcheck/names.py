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
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex
from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from mtcheck.model import Document

Relation = Literal["spelling", "transliteration", "garbled", "truncation"]

# A capitalized word with its apostrophe parts (O'Brien, Erdoğan's, İstanbul'da).
_CAP_WORD = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_])\p{Lu}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*"
)
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])\p{Ll}[\p{L}\p{M}]*")
_FIRST_LETTER = regex.compile(r"[\p{L}\p{N}]")
# What may stand between two words of one name: a space, a hyphen, or lower-case particles.
_PARTICLES = ("de", "da", "del", "della", "dello", "di", "do", "dos", "das", "du", "van",
              "von", "der", "den", "ter", "ten", "la", "le", "bin", "ibn", "al", "el", "zu",
              "y", "e", "af", "av")
_JOIN_GAP = regex.compile(
    r"[ \u00a0]|-|[ \u00a0](?:(?:" + "|".join(_PARTICLES) + r")[ \u00a0]){1,2}"
)
# A name or title abbreviated with a full stop still continues the name: `Dr. Katrin Müller`.
_ABBREVIATED = frozenset("Dr Mr Mrs Ms Prof Gen Sen Rep Gov Col Lt Capt Sgt Adm Cmdr St Jr Sr "
                         "Rev Pres Hon Mt".split())
# Words that open a clause without being part of a name when capitalized there.
_OPENERS = "“\"‘'([{:—–-«„"
# Apostrophe suffixes that are inflection, not name: English possessive, Turkish case endings.
_SUFFIX = regex.compile(r"['’]\p{Ll}{1,4}$")

TITLES = frozenset("""
president vice prime minister governor chancellor secretary senator sen rep representative
congressman congresswoman mayor judge justice dr prof professor mr mrs ms miss sir dame lord
lady king queen prince princess pope sheikh emir sultan general gen colonel col lieutenant lt
captain capt sergeant sgt admiral adm commander cmdr marshal ambassador spokesman spokeswoman
spokesperson chairman chairwoman chair ceo cfo coo chief executive director deputy head coach
speaker archbishop bishop cardinal rabbi imam premier commissioner attorney inspector
curator founder co-founder manager striker defender midfielder goalkeeper presenter anchor
superintendent prosecutor counsel delegate envoy governor-general president-elect vice-president
""".split())

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
# Transliteration conventions (Russian kh/h, y/i, German w/v and sch, Latin ks/x).
_LOOSE = regex.compile(r"tsch|sch|kh|ks|ph|ck|w|y|^j(?=[aeiou])")
_LOOSE_MAP: Mapping[str, str] = {"tsch": "ch", "sch": "sh", "kh": "h", "ks": "x", "ph": "f",
                                 "ck": "k", "w": "v", "y": "i", "j": "i"}
_DOUBLE = regex.compile(r"(.)\1+")
_NOT_ALNUM = regex.compile(r"[^a-z0-9]+")
# A remainder that turns a place or person into an adjective or plural, not a truncation.
_DERIVATION_ENDINGS = frozenset("an ian ians ans ese ish ist ists ism ic ics er ers es ns "
                                "ite ites i is in ina ova eva ov ev".split())
COMMON_ZIPF = 4.0


# ---------------------------------------------------------------- keys


@lru_cache(maxsize=65536)
def strong_keys(word: str) -> frozenset[str]:
    """Keys under which spellings differ only by case, diacritics or language letter folds.

    `Müller` → {muller, mueller}; `Şugayev` → {sugayev, shugayev}; `Kavcıoğlu` →
    {kavcioglu, kavciolu}. Two spellings are variants of one another when they share a key.
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
            keys.add(_ascii_key(text.translate(str.maketrans(dict(zip(folded, combo))))))
    keys.discard("")
    return frozenset(keys)


def _ascii_key(text: str) -> str:
    return _NOT_ALNUM.sub("", anyascii(text).lower())


@lru_cache(maxsize=65536)
def loose_key(key: str) -> str:
    """A strong key with transliteration conventions folded (kh→h, y→i, w→v, doubles)."""
    folded = _LOOSE.sub(lambda m: _LOOSE_MAP[m.group()], key)
    folded = _DOUBLE.sub(r"\1", folded)
    # Russian Е/Я/Ю at the start: Yeltsin/Eltsin, Yevgeny/Evgeniy.
    return folded[1:] if folded.startswith("ie") else folded


def loose_keys(word: str) -> frozenset[str]:
    """The loose keys of every strong key of a word."""
    return frozenset(loose_key(k) for k in strong_keys(word))


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """English word frequency on the Zipf scale (names included, as in wordfreq)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def non_ascii(word: str) -> int:
    """How many letters carry diacritics or non-Latin script (spelling information)."""
    return sum(1 for c in word if ord(c) > 127)


# ---------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class NameWord:
    """One word of a name mention, as spelled at one place in the text.

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


@dataclass(frozen=True, slots=True)
class Mention:
    """A name as written at one place: its words, and the title that precedes it if any."""

    index: int
    start: int
    end: int
    text: str
    words: tuple[NameWord, ...]
    title: str | None = None


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    text: str
    kind: Literal["word", "caps", "initial", "title"]
    common: bool


def extract_mentions(doc: Document) -> tuple[Mention, ...]:
    """Name mentions of a document, with offsets into `doc.text`.

    A mention is a run of capitalized words joined by spaces, hyphens or name particles
    (`de`, `van`, `bin`); initials (`J. R. R.`) and titles are recognised; possessive
    and Turkish case suffixes (`Erdoğan's`, `İstanbul'da`) are not part of the spelling.
    """
    text = doc.text
    sentence_first = {m.start() for s in doc.sentences
                      if (m := _FIRST_LETTER.search(text, s.start, s.end)) is not None}
    loose_paragraphs = [(p.start, p.end) for p in doc.paragraphs if p.kind in ("heading", "meta")]
    lowercase = _lowercase_words(text)
    mentions: list[Mention] = []
    para = 0
    for run in _runs(text):
        first = run[0].start()
        while para < len(loose_paragraphs) and loose_paragraphs[para][1] <= first:
            para += 1
        in_heading = para < len(loose_paragraphs) and loose_paragraphs[para][0] <= first
        raws = _classify(text, run, sentence_first, in_heading, lowercase)
        mention = _mention(len(mentions), text, raws)
        if mention is not None:
            mentions.append(mention)
    return tuple(mentions)


def _lowercase_words(text: str) -> frozenset[str]:
    return frozenset(_LOWER_WORD.findall(text))


def _runs(text: str) -> Iterable[list[regex.Match[str]]]:
    run: list[regex.Match[str]] = []
    for m in _CAP_WORD.finditer(text):
        if run and _joins(text, run[-1], m):
            run.append(m)
            continue
        if run:
            yield run
        run = [m]
    if run:
        yield run


def _joins(text: str, previous: regex.Match[str], current: regex.Match[str]) -> bool:
    gap = text[previous.end():current.start()]
    if _JOIN_GAP.fullmatch(gap):
        return True
    word = previous.group()
    return gap in (". ", ".\u00a0", ".") and (len(word) == 1 or word in _ABBREVIATED)


def _classify(text: str, run: Sequence[regex.Match[str]], sentence_first: set[int],
              in_heading: bool, lowercase: frozenset[str]) -> list[_Raw]:
    raws: list[_Raw] = []
    for i, m in enumerate(run):
        word, start = m.group(), m.start()
        end = start + len(word)
        suffix = _SUFFIX.search(word)
        if suffix is not None:
            word, end = word[:suffix.start()], start + suffix.start()
        lower = word.lower()
        dotted = text.startswith(".", end)
        if len(word) == 1:
            if dotted:
                raws.append(_Raw(start, end, word, "initial", True))
            continue
        if lower in TITLES or (dotted and word in _ABBREVIATED):
            raws.append(_Raw(start, end, word, "title", True))
            continue
        if word.isupper():
            raws.append(_Raw(start, end, word, "caps", True))
            continue
        common = lower in lowercase or zipf(lower) >= COMMON_ZIPF
        opens = in_heading or (i == 0 and (start in sentence_first or _after_opener(text, start)))
        if common and opens:
            continue  # `The`, `However`, `Experts` opening a sentence, a quote or a heading
        raws.append(_Raw(start, end, word, "word", common))
    return raws


def _after_opener(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    return i >= 0 and text[i] in _OPENERS


def _mention(index: int, text: str, raws: list[_Raw]) -> Mention | None:
    # A leading stretch of titles and common words ending in a title is the title
    # (`Trade Minister`, `Deputy Commerce Secretary`), not part of the name.
    cut = 0
    for i, raw in enumerate(raws):
        if raw.kind == "title":
            cut = i + 1
        elif not raw.common:
            break
    title = " ".join(r.text for r in raws[:cut]) or None
    body = raws[cut:]
    named = [r for r in body if r.kind == "word"]
    if not named:
        return None
    others = [r for r in body if r.kind != "title"]
    keys = [loose_keys(r.text) for r in others]
    words: list[NameWord] = []
    for raw in named:
        companions = frozenset().union(*(k for r, k in zip(others, keys) if r is not raw))
        words.append(NameWord(raw.start, raw.end, unicodedata.normalize("NFC", raw.text), index,
                              companions, raw.common))
    start, end = body[0].start, body[-1].end
    return Mention(index, start, end, text[start:end], tuple(words), title)


def name_words(mentions: Iterable[Mention]) -> list[NameWord]:
    """Every name word of the mentions, in text order."""
    return [w for m in mentions for w in m.words]


# ---------------------------------------------------------------- clustering


@dataclass(frozen=True, slots=True)
class Spelling:
    """One spelling of a name word with its occurrences and the company it keeps."""

    text: str
    spans: tuple[tuple[int, int], ...]
    companions: frozenset[str]
    in_full_name: int
    common: bool

    @property
    def count(self) -> int:
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
    spans: dict[str, list[tuple[int, int]]] = {}
    companions: dict[str, set[str]] = {}
    full: dict[str, int] = {}
    common: dict[str, bool] = {}
    for w in words:
        spans.setdefault(w.text, []).append((w.start, w.end))
        companions.setdefault(w.text, set()).update(w.companions)
        full[w.text] = full.get(w.text, 0) + (1 if w.companions else 0)
        common[w.text] = common.get(w.text, False) or w.common
    out = [Spelling(t, tuple(sorted(s)), frozenset(companions[t]), full[t], common[t])
           for t, s in spans.items()]
    out.sort(key=lambda s: (s.first, s.text))
    return out


def cluster_words(words: Iterable[NameWord], preference: Preference | None = None,
                  ) -> tuple[Cluster, ...]:
    """Group the spellings of each name and pick the dominant spelling of each group.

    Links, each through a hash index over distinct spellings: a shared strong key
    (diacritics, case, ü/ue, ş/sh), a shared loose key (transliteration), one edit on the
    loose key with the same first and last letters (a garbled letter), and a standalone
    surname that is a long prefix of a full name's surname (truncation). Spellings used
    with disjoint companions (Ana García / Luis Garcia) are different people and never
    linked. Only groups with two or more spellings are returned.
    """
    spellings = spellings_of(words)
    if len(spellings) < 2:
        return ()
    prefer = preference or Preference()
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

    strong = [strong_keys(s.text) for s in spellings]
    loose = [frozenset(loose_key(k) for k in keys) for keys in strong]
    eligible = [not s.common and len(s.text) >= 4 for s in spellings]

    for i, j in _bucket_pairs((i, k) for i, keys in enumerate(strong) for k in keys):
        if _compatible(spellings[i], spellings[j]):
            union(i, j)
    for i, j in _bucket_pairs((i, k) for i, keys in enumerate(loose) if eligible[i]
                              for k in keys):
        if _compatible(spellings[i], spellings[j]):
            union(i, j)
    for i, j in _bucket_pairs(_deletion_keys(loose, eligible)):
        if _garbled(spellings[i], spellings[j], loose[i], loose[j]):
            union(i, j)
    for short, long in _truncations(spellings, loose, eligible):
        union(short, long)
        truncated.add(short)

    groups: dict[int, list[int]] = {}
    for i in range(len(spellings)):
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


def _bucket_pairs(entries: Iterable[tuple[int, str]]) -> Iterable[tuple[int, int]]:
    """Pairs of spellings that share a key. Buckets hold a handful of spellings; an
    oversized bucket (a pathological text) is linked through its first member only."""
    buckets: dict[str, set[int]] = {}
    for i, key in entries:
        buckets.setdefault(key, set()).add(i)
    seen: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
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


def _deletion_keys(loose: Sequence[frozenset[str]], eligible: Sequence[bool],
                   ) -> Iterable[tuple[int, str]]:
    """Symmetric-deletion blocking: two keys one edit apart share a key or a one-letter
    deletion, so one-edit neighbours meet in a bucket without comparing all pairs."""
    for i, keys in enumerate(loose):
        if not eligible[i]:
            continue
        for key in keys:
            if len(key) < 5:
                continue
            yield i, key
            for p in range(len(key)):
                yield i, key[:p] + key[p + 1:]


def _garbled(a: Spelling, b: Spelling, keys_a: frozenset[str], keys_b: frozenset[str]) -> bool:
    """One garbled letter (Kavcıoğlu/Kavcıoğu) rather than a different name: same first
    letter and ending (Ivanov/Ivanova, Daniel/Daniela, Francis/Frances stay apart), one
    spelling clearly rarer, and no conflicting company."""
    if a.count == b.count or not _compatible(a, b) or keys_a & keys_b:
        return False
    if max(zipf(a.text.lower()), zipf(b.text.lower())) >= COMMON_ZIPF - 0.5:
        return False
    for x in keys_a:
        for y in keys_b:
            if (len(x) >= 5 and len(y) >= 5 and x[0] == y[0] and x[-2:] == y[-2:]
                    and Levenshtein.distance(x, y, score_cutoff=1) <= 1):
                return True
    return False


def _truncations(spellings: Sequence[Spelling], loose: Sequence[frozenset[str]],
                 eligible: Sequence[bool]) -> Iterable[tuple[int, int]]:
    """(short, long) pairs where a surname-only mention is a cut-off full-name surname
    (Yıldı / Cem Yıldırım, Sams / Ali Samsar), found through a prefix index."""
    by_prefix: dict[str, set[int]] = {}
    for j, keys in enumerate(loose):
        if not eligible[j] or spellings[j].in_full_name == 0:
            continue
        for key in keys:
            for n in range(max(4, (len(key) + 1) // 2), len(key) - 1):
                by_prefix.setdefault(key[:n], set()).add(j)
    for i, keys in enumerate(loose):
        short = spellings[i]
        if not eligible[i] or zipf(short.text.lower()) >= COMMON_ZIPF - 1:
            continue
        targets: dict[int, str] = {}
        for key in keys:
            for j in by_prefix.get(key, ()):
                if j == i or not _compatible(short, spellings[j]):
                    continue
                if short.companions and spellings[j].companions.isdisjoint(short.companions):
                    continue
                rest = min((k[len(key):] for k in loose[j] if k.startswith(key)), key=len)
                if rest not in _DERIVATION_ENDINGS and spellings[j].count >= short.count:
                    targets[j] = min(loose[j])
        if len(set(targets.values())) == 1:
            yield i, min(targets)


def _rank(s: Spelling, prefer: Preference) -> tuple[bool, bool, int, int, int, int]:
    folded = s.text.casefold()
    return (folded in prefer.canonical, folded in prefer.attested, s.count, non_ascii(s.text),
            len(s.text), -s.first)


def _relation(variant: Spelling, dominant: Spelling, truncated: bool) -> Relation:
    if truncated:
        return "truncation"
    if strong_keys(variant.text) & strong_keys(dominant.text):
        return "spelling"
    if loose_keys(variant.text) & loose_keys(dominant.text):
        return "transliteration"
    return "garbled"
