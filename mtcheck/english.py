"""A small English lexicon for the grammar rules: closed word classes and verb forms.

Verb, noun and adjective forms come from lemminflect's inflection table, which ships
inside its wheel (`resources/infl_lu.csv.gz`). The table is read once, on first use,
straight from the installed package: importing lemminflect itself pulls in numpy and
costs more than reading the table.
"""

from __future__ import annotations

import gzip
import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from pathlib import Path

from mtcheck.wordlists import cached_build, zipf


def word_set(words: str) -> frozenset[str]:
    """The space-separated words of a string, as a set."""
    return frozenset(words.split())


# Closed classes. A word here is never a content word, whatever lemminflect says.
DETERMINERS = word_set(
    "the a an this that these those its their our my your his her every each either "
    "neither no some any several many much few whose"
)
# Determiners after which the next word reads as a noun or adjective, never as a verb.
NOUN_MARKERS = word_set(
    "the a an its their our my your his every each whose this these those"
)
PREPOSITIONS = word_set(
    "of in on at to for with from by about against among amongst between into onto upon "
    "over under through during before after within without towards toward via despite "
    "regarding concerning including amid amidst unlike per across along around behind "
    "beside besides beyond near since until till throughout inside outside than except"
)
CONJUNCTIONS = word_set(
    "and or nor but because although though whereas whether if unless while"
)
PRONOUNS = word_set("i you he she it we they me him us them")
MODALS = word_set("will would shall should can could may might must cannot")
AUXILIARIES = word_set(
    "is are was were am be been being has have had do does did"
) | MODALS
FUNCTION_WORDS = (DETERMINERS | PREPOSITIONS | CONJUNCTIONS | PRONOUNS | AUXILIARIES
                  | word_set("not to as so there that which who whom what"))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word forms by part of speech, all lower case."""

    finite: frozenset[str]        # forms that can be a finite verb (VBD, VBZ, VBP, auxiliaries)
    participles: frozenset[str]   # past participles (VBN)
    past: frozenset[str]          # past tense (VBD)
    verbs: frozenset[str]         # any verb form
    nouns: frozenset[str]         # singular and plural noun forms
    adjectives: frozenset[str]    # positive, comparative and superlative adjective forms
    adverbs: frozenset[str]
    plurals: frozenset[str]       # plural noun forms that are not also a singular noun
    verb_forms: Mapping[str, tuple[str, ...]]   # verb lemma -> its inflected forms
    verb_lemmas: Mapping[str, tuple[str, ...]]  # verb form -> the lemmas it inflects

    def knows(self, word: str) -> bool:
        """True for a word the table lists in any part of speech."""
        return (word in self.verbs or word in self.nouns or word in self.adjectives
                or word in self.adverbs)

    def forms_of(self, lemma: str) -> tuple[str, ...]:
        """The lemma and its inflected verb forms (`add` → add, added, adding, adds)."""
        return (lemma, *self.verb_forms.get(lemma, ()))


def _table_path() -> Path:
    spec = importlib.util.find_spec("lemminflect")
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "infl_lu.csv.gz"
        if path.is_file():
            return path
    # A future layout: ask the package where its table is.
    from lemminflect import config  # type: ignore[import-untyped,unused-ignore]

    return Path(str(config.inflection_lu_fn))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon: from the on-disk cache, else read from lemminflect's table and cached."""
    return cached_build("english-lexicon", _build_lexicon, _dump_lexicon, _load_lexicon)


def _dump_lexicon(lex: Lexicon) -> object:
    return tuple(getattr(lex, f.name) if not isinstance(getattr(lex, f.name), Mapping)
                 else dict(getattr(lex, f.name)) for f in fields(Lexicon))


def _load_lexicon(data: object) -> Lexicon:
    if not isinstance(data, tuple) or len(data) != len(fields(Lexicon)):
        raise ValueError("not a cached lexicon")
    return Lexicon(*data)


# The table gives `ran` as the participle of `run` (`has run` is right), and lists
# `complete` and `third` as verbs only (`was complete`, `was third`).
_MISSING_PARTICIPLES = ("run",)
_MISSING_ADJECTIVES = ("complete", "third")


def _build_lexicon() -> Lexicon:
    """The lexicon, read from lemminflect's inflection table.

    Each line is `lemma,category,forms…`; verbs list past, past participle, present
    participle and third person singular, nouns their plurals, adjectives their
    comparative and superlative (spellings of one form separated by `/`).
    """
    finite: set[str] = set(AUXILIARIES)
    participles: set[str] = set()
    past_tense: set[str] = set()
    verbs: set[str] = set(AUXILIARIES)
    nouns: set[str] = set()
    adjectives: set[str] = set()
    adverbs: set[str] = set()
    plural_forms: set[str] = set()
    singulars: set[str] = set()
    verb_forms: dict[str, tuple[str, ...]] = {}
    with gzip.open(_table_path(), "rt", encoding="utf-8") as handle:
        for line in handle:
            lemma, category, *forms = line.rstrip("\n").split(",")
            if not lemma.islower():
                continue  # proper nouns (Aaron, Aachen)
            spellings = [tuple(s for s in f.split("/") if s) for f in forms]
            if category == "verb":
                past, part, _ing, third = [*spellings, (), (), (), ()][:4]
                finite.update((lemma, *past, *third))
                # An empty past participle means it is spelled like the past tense.
                participles.update(part or past)
                past_tense.update(past)
                every = (lemma, *(s for group in spellings for s in group))
                verbs.update(every)
                verb_forms[lemma] = tuple(dict.fromkeys(every[1:]))
            elif category == "noun":
                nouns.add(lemma)
                singulars.add(lemma)
                nouns.update(s for group in spellings for s in group)
                plural_forms.update(s for group in spellings for s in group if s != lemma)
            elif category == "adj":
                adjectives.add(lemma)
                adjectives.update(s for group in spellings for s in group)
            elif category == "adv":
                adverbs.add(lemma)
    participles.update(_MISSING_PARTICIPLES)
    adjectives.update(_MISSING_ADJECTIVES)
    lemmas: dict[str, list[str]] = {}
    for lemma, inflected in verb_forms.items():
        for form in (lemma, *inflected):
            lemmas.setdefault(form, []).append(lemma)
    return Lexicon(frozenset(finite), frozenset(participles), frozenset(past_tense),
                   frozenset(verbs),
                   frozenset(nouns), frozenset(adjectives), frozenset(adverbs),
                   frozenset(plural_forms - singulars), verb_forms,
                   {form: tuple(found) for form, found in lemmas.items()})


_DATA = Path(__file__).parent / "rules" / "data"


@cache
def data_sections(name: str) -> dict[str, tuple[str, ...]]:
    """A data file of `mtcheck/rules/data` split into its `[section]`s.

    Blank lines and lines starting with `#` are skipped; entries keep their case and
    inner spaces, so a file can hold words, phrases or regular expressions.
    """
    sections: dict[str, list[str]] = {}
    current = sections.setdefault("", [])
    for raw in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
        else:
            current.append(line)
    return {k: tuple(v) for k, v in sections.items() if v}


# A past form this much rarer than the word itself (in Zipf units, 1/20) marks a noun
# whose verb reading is rare: `peopled` against `people`, `schooled` against `schools`.
_RARE_VERB_ZIPF_GAP = 1.3


@cache
def rarely_a_verb(word: str) -> bool:
    """A noun whose verb reading is rare (`people`, `schools`, `court`, `services`).

    wordfreq decides: every past form of the word's verb lemmas is under a twentieth
    as frequent as the word. Verbs whose past is spelled like the word (`cost`, `cut`)
    and past forms themselves (`saw`, `fell`) have no such evidence and stay verbs.
    """
    lex = lexicon()
    if word in AUXILIARIES or word in lex.past or word not in lex.nouns:
        return False
    pasts = [form for lemma in lex.verb_lemmas.get(word, ()) for form in lex.forms_of(lemma)
             if form in lex.past]
    if not pasts or word in pasts or any(
            lemma in pasts for lemma in lex.verb_lemmas.get(word, ())):
        return False
    return max(zipf(form, "en") for form in pasts) < zipf(word, "en") - _RARE_VERB_ZIPF_GAP


# Words that start a noun phrase: after them, and after the adjectives that follow
# them, a noun-or-verb word (`court`, `talks`) reads as a noun.
_QUANTIFIERS = word_set("as like several many few more most one two three four five six "
                        "seven eight nine ten")
_NOMINAL_CONTEXT = NOUN_MARKERS | PREPOSITIONS | _QUANTIFIERS | word_set(
    "first second third fourth fifth last next other same"
)


def could_be_finite_verb(words: list[str], i: int) -> bool:
    """Whether `words[i]` (lower case, one clause) can be the clause's finite verb.

    A word that is only ever a verb form counts; a word that is also a noun (`court`,
    `plans`) counts unless a determiner, preposition or number, perhaps followed by
    adjectives, makes it the head of a noun phrase. Unknown words ending in -ed count too, so
    that an out-of-vocabulary verb never makes a sentence look verbless.
    """
    lex = lexicon()
    word = words[i]
    if word in AUXILIARIES:
        return True
    if word not in lex.finite:
        return len(word) > 4 and word.endswith("ed") and not lex.knows(word)
    if word not in lex.nouns and word not in lex.adjectives:
        return True
    # Walk back over adjectives and numbers: `the regional court` is a noun phrase
    # because it starts with a determiner; `crude rose` has none, so `rose` is a verb.
    j = i - 1
    if word.endswith("s") and i >= 2 and words[i - 1] in lex.nouns and \
            words[i - 2] in NOUN_MARKERS and words[i + 1:i + 2] in (["to"], ["that"]):
        return True  # `the firm plans to`: `firm` may be an adjective, but is the subject
    while j >= 0 and (words[j] in lex.adjectives or words[j][:1].isdigit()
                      or words[j] in _NOMINAL_CONTEXT) and not (
            # `the council justified`: a past form after a noun (that the table also
            # lists as a modifier) is its verb
            word in lex.past and words[j] in lex.nouns and words[j] not in _NOMINAL_CONTEXT):
        # `next winter`, `the other plans`: ordinals and `next`, `last`, `other` mark a
        # noun phrase as surely as a determiner does.
        if words[j] in _NOMINAL_CONTEXT or words[j][:1].isdigit():
            return False
        j -= 1
    # Right after a verb (`carrying crude oil`, `said talks`), a noun phrase is its
    # object or the next subject; after an auxiliary (`will plan`) it is the verb.
    before = words[j] if j >= 0 else ""
    if before.endswith(("'s", "’s")) and before[:-2] not in _CONTRACTED:
        return False  # `the club's own`, `the mayor's plans`: a possessive opens a noun phrase
    return not (before in lex.verbs and before not in AUXILIARIES and before not in lex.nouns
                and before not in lex.adjectives)


# Words whose `'s` is `is` or `has` (`it's grown`), not a possessive.
_CONTRACTED = frozenset(("it", "he", "she", "that", "there", "what", "who", "here", "where",
                         "let", "how", "everyone", "nobody", "somebody", "everything"))
