"""Name consistency: one person, one spelling (within the article, against the source,
against the user's glossary)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

import regex
from anyascii import anyascii
from rapidfuzz import fuzz

from mtcheck.analyze import line_column, memoized
from mtcheck.glossary import Glossary, load_glossary, merge, parse_inline_terms
from mtcheck.model import Document, Hit
from mtcheck.names import (
    Cluster,
    Mention,
    Preference,
    Relation,
    Spelling,
    cluster_words,
    extract_mentions,
    found_runs,
    loose_key,
    loose_keys,
    may_link,
    may_link_in,
    name_words,
    spellings_of,
    strong_keys,
    zipf,
)
from mtcheck.rules.encoding import mojibake_spans
from mtcheck.rules.registry import Example, RuleContext, rule

_CONFIDENCE: Mapping[Relation, float] = {
    "spelling": 0.9, "transliteration": 0.8, "truncation": 0.7, "garbled": 0.6,
}
_WHAT: Mapping[Relation, str] = {
    "spelling": "is also spelled", "transliteration": "is also transliterated",
    "truncation": "looks like a truncation of", "garbled": "looks like a garbled form of",
}
_SOURCE_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
# An apostrophe suffix (case ending, possessive) at the end of a line of words joined one
# a line.
_LINE_SUFFIX = regex.compile(r"['’][\p{L}\p{M}]{1,4}$", flags=regex.MULTILINE)
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_VOWELS = regex.compile(r"[aeiouy]")
_RESEMBLANCE = 60.0
# A translation that English already uses (Andalusia, Thuringia, Munich) is an exonym, not a
# changed name; garbled names are rare in English text (Ferrán, Pestov: below 1).
_ESTABLISHED_ZIPF = 2.0


def _glossary(ctx: RuleContext) -> Glossary | None:
    """The run's glossary file and the rule's inline terms, loaded once per path."""
    parts: list[Glossary] = []
    path = ctx.settings.get("glossary")
    if isinstance(path, str) and path:
        parts.append(load_glossary(path))
    terms = ctx.options.get("terms")
    if isinstance(terms, str) and terms.strip():
        parts.append(_inline(terms))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else merge(parts)


def _skeleton(key: str) -> str:
    """The consonants of a loose key (vowels come and go in inflection: Sierpień/Sierpnia)."""
    return str(_VOWELS.sub("", key))


@lru_cache(maxsize=16)
def _inline(terms: str) -> Glossary:
    return parse_inline_terms(terms)


def _mentions(doc: Document) -> tuple[Mention, ...]:
    return memoized(doc, "names.mentions", extract_mentions)


def _spellings(doc: Document) -> list[Spelling]:
    return memoized(doc, "names.spellings", lambda d: spellings_of(name_words(_mentions(d))))


def _source_word_set(source: Document) -> frozenset[str]:
    """The distinct words of a source text, apostrophe suffixes cut (shared by the
    analyses below). Each distinct word is stripped once: the words are joined one a line
    and the suffixes cut by one substitution over them all."""
    def compute(d: Document) -> frozenset[str]:
        words = set(_SOURCE_WORD.findall(d.text))
        if not words:
            return frozenset()
        return frozenset(_LINE_SUFFIX.sub("", "\n".join(words)).split("\n"))

    return memoized(source, "names.source-word-set", compute)


def _source_words(doc: Document) -> frozenset[str]:
    """Case-folded words of the source (spellings the source attests)."""
    source = doc.source
    if source is None:
        return frozenset()
    def compute(d: Document) -> frozenset[str]:
        words = _source_word_set(d)
        # Case folding maps characters one by one: folding the words joined folds each.
        return frozenset("\n".join(words).casefold().split("\n")) if words else frozenset()

    return memoized(source, "names.words", compute)


def _clusters(doc: Document, glossary: Glossary | None) -> tuple[Cluster, ...]:
    key = f"names.clusters:{glossary.path if glossary else ''}"

    def compute(d: Document) -> tuple[Cluster, ...]:
        # Most articles spell every name one way: a check over the words of the runs
        # shows it before the mentions, the preference (the glossary, the source's
        # words) or the spellings are computed.
        if not may_link_in(d):
            return ()
        words = name_words(_mentions(d))
        if not may_link(words):
            return ()
        canonical = frozenset(f.casefold() for f in glossary.canonical_forms) if glossary \
            else frozenset()
        preference = Preference(frozenset(w for f in canonical for w in f.split()),
                                _source_words(d))
        return cluster_words(words, preference, d.text, spellings=_spellings(d))

    return memoized(doc, key, compute)


def _full_names(mentions: Iterable[Mention]) -> dict[str, str]:
    """The first multi-word mention each spelling appears in (`Müller` → `Sabine Müller`)."""
    out: dict[str, str] = {}
    for m in mentions:
        if len(m.words) > 1:
            for w in m.words:
                out.setdefault(w.text, m.text)
    return out


def _where(doc: Document, spelling: Spelling) -> str:
    line = line_column(doc, spelling.first)[0]
    times = f"{spelling.count}×, " if spelling.count > 1 else ""
    return f"{times}line {line}"


def _spans(spelling: Spelling, each: bool) -> tuple[tuple[int, int], ...]:
    return spelling.spans if each else spelling.spans[:1]


@rule("names.inconsistent-spelling", category="name", severity="major",
      bad=["Ayşe Kaya spoke first. Later Ayse Kaya added a remark.",
           "Minister Şugayev arrived on Monday. Shugayev said that the talks went well. "
           "Şugayev left in the evening.",
           "Judge Sabine Müller opened the hearing. Müller said the law was clear. "
           "Mueller adjourned the case.",
           "Coach Ali Samsar praised the team. Samsar said the win mattered. "
           "Sams added that the league was long.",
           "Spokesman Dmitry Peskov spoke on Friday. Later Peskow said nothing more.",
           "Mayor Kovács Anna opened the fair. Anna Kovács said the stalls were full. "
           "Anna Kovács thanked the volunteers."],
      good=["Ayşe Kaya spoke first. Later Kaya added a remark.",
            "Erdoğan met Müller. Erdoğan's aide and Müller talked again.",
            "Ana García runs the festival. Luis García cooked. García is a common name.",
            "J. R. R. Tolkien wrote the book. Tolkien's songs were translated again.",
            "ZÜRICH, June 12 — The Zürich bank cut jobs. Its chief said Zürich remained home.",
            "Pavel Ivanov met Olga Ivanova. Ivanov said the plan was ready.",
            "The Ford plant opened. Harrison Ford visited the plant on Monday."],
      options={"each_occurrence": False})
def inconsistent_spelling(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """The same name is spelled two ways in one article.

    MT systems spell a name differently from one sentence to the next: diacritics kept and
    dropped (Kavcıoğlu/Kavcioglu), letters folded another way (Müller/Mueller,
    Şugayev/Shugayev), transliterations mixed (Shoigu/Shoygu, Peskov/Peskow) and surnames
    cut short (Samsar/Sams), and a family name put first in some sentences only (Kovács
    Anna/Anna Kovács). Name words are grouped by transliteration keys, one-letter
    edits and prefixes, through hash indexes (linear in the article). The minority
    spelling is flagged and the dominant one suggested (a glossary form or a spelling the
    source attests wins over frequency). Different people who share a surname, possessives,
    initials, all-caps datelines and consistent diacritics do not fire. With
    `each_occurrence` every occurrence of a minority spelling is reported, not the first.
    """
    each = bool(ctx.options.get("each_occurrence", False))
    yield from _reversed_names(doc, each)
    clusters = _clusters(doc, _glossary(ctx))
    if not clusters:
        return
    full = _full_names(_mentions(doc))
    damaged = mojibake_spans(doc)
    for cluster in clusters:
        dominant = cluster.dominant
        if any(_overlaps(damaged, start, end) for start, end in _spans(dominant, True)):
            continue  # the spelling most used is itself broken encoding
        context = full.get(dominant.text)
        known = f"'{dominant.text}' ({_where(doc, dominant)}"
        known += f", in '{context}')" if context and context != dominant.text else ")"
        for variant, relation in cluster.variants:
            confidence = _CONFIDENCE[relation]
            if dominant.count > variant.count:
                confidence = min(0.95, confidence + 0.05)
            for start, end in _spans(variant, each):
                if _overlaps(damaged, start, end):
                    continue  # `FerrÃ©` is broken encoding (`encoding.mojibake`), no name
                yield Hit(start, end,
                          f"'{variant.text}' ({_where(doc, variant)}) {_WHAT[relation]} {known}",
                          suggestion=dominant.text, confidence=confidence)


def _reversed_names(doc: Document, each: bool) -> Iterator[Hit]:
    """A two-word name written in both orders (`Nagy Péter`, `Péter Nagy`): MT keeps the
    family-name-first order of Hungarian, Chinese, Japanese or Korean in some sentences
    and turns it in others. The order used less often (later, at a tie) is flagged."""
    # Cheap test first, on the runs' last two words: no pair is also written reversed in
    # almost every article, and then the mentions are not needed.
    pairs = {tuple(words[-2:]) for run in found_runs(doc)
             if len(words := run.group().split()) >= 2}
    if not any((b, a) in pairs for a, b in pairs if a != b):
        return
    by_order: dict[tuple[str, str], list[Mention]] = {}
    for mention in _mentions(doc):
        if len(mention.words) == 2:
            by_order.setdefault((mention.words[0].text, mention.words[1].text),
                                []).append(mention)
    for (first, last), seen in by_order.items():
        other = by_order.get((last, first))
        if first == last or not other or \
                (len(seen), -seen[0].start) > (len(other), -other[0].start):
            continue
        dominant = other[0]
        where = f"line {line_column(doc, dominant.start)[0]}"
        for mention in seen if each else seen[:1]:
            yield Hit(mention.start, mention.end,
                      f"'{mention.text}' is the name '{dominant.text}' ({where}) with its "
                      "words in the other order", suggestion=dominant.text, confidence=0.8)


def _overlaps(spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether one of the sorted, disjoint spans overlaps start-end (a binary search)."""
    at = bisect_right(spans, (start, end))
    return any(s < end and start < e for s, e, _ in spans[max(0, at - 1):at + 1])


@rule("names.source-mismatch", category="name", severity="major", needs=("source",),
      bad=[Example("Climate minister Laia Ferrer spoke on Friday. Ferrán announced a new "
                   "desalination plant. Ferrer said it would open in 2028.",
                   source="La consejera Laia Ferrer habló el viernes. Ferrer anunció una "
                          "nueva planta desalinizadora. Ferrer dijo que abriría en 2028.",
                   src_lang="es")],
      good=[Example("Kremlin spokesman Dmitry Peskov spoke to reporters in Moscow.",
                    source="Пресс-секретарь Кремля Дмитрий Песков поговорил с журналистами "
                           "в Москве.", src_lang="ru"),
            Example("Union leader Martin Kröger called a strike in Frankfurt.",
                    source="Gewerkschaftschef Martin Kröger rief in Frankfurt zum Streik auf.",
                    src_lang="de")],
      options={"each_occurrence": False})
def source_mismatch(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A name in the translation matches no name in the source.

    MT systems sometimes change or garble a name (Ferrer becomes Ferrán). Every name word
    of the translation is looked up in the source under the same transliteration keys,
    allowing for declension (Песков and Пескова match Peskov, Gliwicach matches Gliwice); a name
    that is not there but resembles a source name is flagged, with the source's form
    suggested. Words English already uses (London, Andalusia) are exonyms, not checked;
    and a variant already reported by `names.inconsistent-spelling` is not repeated.
    """
    source = doc.source
    if source is None:
        return
    each = bool(ctx.options.get("each_occurrence", False))
    reported = {v.text for c in _clusters(doc, _glossary(ctx)) for v, _ in c.variants}
    index = memoized(source, "names.source-index", _SourceIndex)
    spellings = _spellings(doc)
    by_keys: dict[str, str] | None = None
    for spelling in spellings:
        text = spelling.text
        if (spelling.common or len(text) < 4 or text in reported
                or zipf(text.lower()) >= _ESTABLISHED_ZIPF or index.attests(text)):
            continue
        closest = index.closest(text)
        if closest is None:
            continue
        if by_keys is None:
            by_keys = {}
            for s in spellings:
                for key in loose_keys(s.text):
                    by_keys.setdefault(key, s.text)
        suggestion = next((by_keys[k] for k in loose_keys(closest) if k in by_keys), None)
        if suggestion is None:
            suggestion = closest if closest.isascii() or not _CYRILLIC.search(closest) \
                else anyascii(closest)
        for start, end in _spans(spelling, each):
            yield Hit(start, end, f"'{text}' ({_where(doc, spelling)}) does not occur in the "
                      f"source, which has '{closest}'", suggestion=suggestion, confidence=0.65)


class _SourceIndex:
    """The source's words under strong and loose keys, with the stems and consonant
    skeletons that inflection leaves alone, and its capitalized names by their first two
    letters (the block in which a garbled name is compared). The keys come from the
    per-process caches of `strong_keys` and `loose_keys`, joined in C; the stems, the
    skeletons and the names are built when a translated name is not found by key."""

    def __init__(self, source: Document) -> None:
        self.words = _source_word_set(source)
        self.keys: set[str] = set().union(*map(strong_keys, self.words),
                                          *map(loose_keys, self.words))
        self._inflected: tuple[set[str], set[str]] | None = None
        self._names: dict[str, list[tuple[str, str]]] | None = None

    @property
    def stems(self) -> set[str]:
        """Each loose key with up to four letters of ending cut."""
        return self._inflections()[0]

    @property
    def skeletons(self) -> set[str]:
        """Each loose key's consonants with up to two final ones cut."""
        return self._inflections()[1]

    def _inflections(self) -> tuple[set[str], set[str]]:
        # Names decline in many source languages (Песков → Пескова, Gliwice → Gliwicach,
        # Sierpień → Sierpnia): keep each key's stems (up to four letters of ending cut) and
        # consonant skeletons (up to two final consonants cut), so the nominative a
        # translation uses still finds its inflected source form.
        if self._inflected is None:
            stems: set[str] = set()
            skeletons: set[str] = set()
            for key in set(map(loose_key, self.keys)):
                for n in range(max(4, len(key) - 4), len(key) + 1):
                    stems.add(key[:n])
                skeleton = _skeleton(key)
                for n in range(max(2, len(skeleton) - 2), len(skeleton) + 1):
                    skeletons.add(skeleton[:n])
            self._inflected = (stems, skeletons)
        return self._inflected

    @property
    def names(self) -> dict[str, list[tuple[str, str]]]:
        """The capitalized words of three letters or more under the first two letters of
        each of their loose keys, in alphabetical order."""
        if self._names is None:
            names: dict[str, list[tuple[str, str]]] = {}
            for w in sorted(self.words):
                if w[:1].isupper() and len(w) >= 3:
                    for key in loose_keys(w):
                        names.setdefault(key[:2], []).append((key, w))
            self._names = names
        return self._names

    def attests(self, word: str) -> bool:
        """True when the source has the word under some key, or an inflected form of it:
        a stem of three quarters of the word, or the same consonant skeleton."""
        keys = strong_keys(word) | loose_keys(word)
        if keys & self.keys:
            return True
        for key in loose_keys(word):
            shortest = max(4, -(-3 * len(key) // 4))
            if any(key[:n] in self.stems for n in range(len(key), shortest - 1, -1)):
                return True
            if _skeleton(key) in self.skeletons:
                return True
        return False

    def closest(self, word: str) -> str | None:
        """The source name the word most resembles, if any resembles it enough."""
        best: tuple[float, str] | None = None
        for key in loose_keys(word):
            for other, original in self.names.get(key[:2], ()):
                score = fuzz.ratio(key, other, score_cutoff=_RESEMBLANCE)
                if score and (best is None or score > best[0]):
                    best = (score, original)
        return best[1] if best else None


def _with_terms(text: str) -> Example:
    """An example checked with a small inline glossary (the rule's `terms` option)."""
    return Example(text, options={"terms": "Kavcıoğlu: Kavcioglu; Selim Aydoğan"})


@rule("names.glossary-variant", category="name", severity="minor",
      bad=[_with_terms("Governor Kavcioglu spoke on Monday. The bank kept its rate."),
           _with_terms("Governor Selim Aydogan spoke on Monday. The bank kept its rate.")],
      good=[_with_terms("Governor Kavcıoğlu spoke on Monday. The bank kept its rate.")],
      options={"terms": ""})
def glossary_variant(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A name or term is spelled against the user's glossary.

    The glossary (`--glossary FILE` or `glossary` in the configuration: TSV, CSV or TOML;
    or the `terms` option: `Canonical: variant | variant; Other`) lists canonical forms and
    known variants. A listed variant is flagged wherever it occurs; so is any spelling of
    a canonical name word that differs from it only by diacritics, letter folds or
    transliteration (Kavcioglu for Kavcıoğlu).
    """
    glossary = _glossary(ctx)
    if glossary is None:
        return
    matcher = _matcher(glossary)
    flagged: set[int] = set()
    for m in matcher.variants.finditer(doc.text) if matcher.variants else ():
        canonical = matcher.canonical_of[m.group()]
        flagged.add(m.start())
        yield Hit(m.start(), m.end(), f"'{m.group()}' is listed as a variant of '{canonical}' "
                  "in the glossary", suggestion=canonical, confidence=0.95)
    for word in name_words(_mentions(doc)):
        if word.start in flagged or word.text in matcher.canonical_words:
            continue
        canonical_word = matcher.word_for(word.text)
        if canonical_word is None or word.text.upper() == canonical_word.upper() == word.text:
            continue
        yield Hit(word.start, word.end, f"'{word.text}' is spelled '{canonical_word}' in the "
                  "glossary", suggestion=canonical_word, confidence=0.85)


class _Matcher:
    """A glossary compiled for matching: one regex of listed variants, and the canonical
    name words under their keys (a key claimed by two canonical spellings is dropped)."""

    def __init__(self, glossary: Glossary) -> None:
        self.canonical_of = glossary.variant_map()
        alternatives = sorted(self.canonical_of, key=len, reverse=True)
        self.variants = regex.compile(
            r"(?<![\p{L}\p{M}\p{N}_])(?:" + "|".join(regex.escape(v) for v in alternatives)
            + r")(?![\p{L}\p{M}\p{N}_])") if alternatives else None
        words = {w for form in glossary.canonical_forms for w in form.split()
                 if len(w) >= 3 and w[:1].isupper()}
        self.canonical_words = frozenset(words)
        claims: dict[str, set[str]] = {}
        for w in words:
            for key in strong_keys(w) | loose_keys(w):
                claims.setdefault(key, set()).add(w)
        self.by_key = {k: next(iter(v)) for k, v in claims.items() if len(v) == 1}

    def word_for(self, word: str) -> str | None:
        """The canonical word a spelling is a variant of, if exactly one."""
        found = {self.by_key[k] for k in strong_keys(word) | loose_keys(word) if k in self.by_key}
        return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=16)
def _matcher(glossary: Glossary) -> _Matcher:
    return _Matcher(glossary)
