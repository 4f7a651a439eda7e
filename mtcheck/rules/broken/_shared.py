"""Views of the document and word sets that several `broken.*` rules share."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby, pairwise

from mtcheck.analyze import memoized
from mtcheck.english import (
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    FUNCTION_WORDS,
    NOUN_MARKERS,
    PREPOSITIONS,
    PRONOUNS,
    could_be_finite_verb,
    data_sections,
    lexicon,
    rarely_a_verb,
    word_set,
)
from mtcheck.model import Document, Sentence

_GAP = r"[^\S\n]+"  # spaces within one line


def _reads_as_body(doc: Document) -> frozenset[int]:
    """Paragraphs that read as prose: body blocks, and short blocks of two sentences.

    `classify()` calls any unpunctuated block of up to 20 words a heading; one that
    holds two sentences is a body paragraph whose last full stop went missing.
    """
    def compute(d: Document) -> frozenset[int]:
        counts: dict[int, int] = {}
        for s in d.sentences:
            counts[s.paragraph] = counts.get(s.paragraph, 0) + 1
        return frozenset(p.index for p in d.paragraphs
                         if p.kind == "body" or (p.kind == "heading" and counts.get(p.index, 0) > 1
                                                 and p.text[0].isupper()))
    return memoized(doc, "broken.body", compute)


def _wrapped(doc: Document) -> frozenset[int]:
    """Paragraphs that continue the one before: a hard-wrapped line of the same block.

    In a text that separates paragraphs with blank lines, a block that follows a
    single line break after an unfinished line is the same paragraph, wrapped.
    """
    def compute(d: Document) -> frozenset[int]:
        if "\n\n" not in d.text:
            return frozenset()
        paras = d.paragraphs
        return frozenset(
            b.index for a, b in pairwise(paras)
            if d.text.count("\n", a.end, b.start) == 1 and not _ends_sentence(a.text))
    return memoized(doc, "broken.wrapped", compute)


def _words(doc: Document, sentence: Sentence) -> list[str]:
    return [t.text for t in doc.sentence_tokens(sentence) if t.text[0].isalpha()]


_QUOTES = "\"“”„«»"
# A colon that opens a list, a quote or an explanation; not one inside a time (`08:42`).
_LIST_COLON = re.compile(r":(?!\d)")
# A word as the checks that read raw text count it (`Jean-Luc`, `O’Brien`).
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


# `。！？` (Chinese, Japanese), `؟` (Arabic), `।` (Hindi) end an untranslated sentence.
_ENDS_SENTENCE = re.compile(
    r"(?:[.!?…:;。！？؟।][\"'”’»)\]」』]*|\))(?:\s*<[^<>]{1,40}>|\s*&\w+;)*$")


def _ends_sentence(block: str) -> bool:
    # Most blocks end in their full stop: no pattern need be tried at the last 80 places.
    return block[-1:] in _TERMINALS or \
        _ENDS_SENTENCE.search(block, max(0, len(block) - 80)) is not None


_TERMINALS = frozenset(".!?…:;。！？؟।)")


# The last word before a position, read backwards: `(\w+)[^\w\n]*$` would be tried at
# every place of the stretch before it (`$` also matches before a final line break).
_WORD_BEFORE_REVERSED = re.compile(r"\n?[^\w\n]*(\w+)")


@dataclass(frozen=True, slots=True)
class _Before:
    """A word before a position, with its offsets."""

    word: str
    start: int
    end: int


def _word_before(text: str, end: int, reach: int = 40) -> _Before | None:
    """The last word within `reach` characters before `end` that only non-word characters
    (no line break) follow, or None."""
    start = max(0, end - reach)
    m = _WORD_BEFORE_REVERSED.match(text[start:end][::-1])
    if m is None:
        return None
    return _Before(m.group(1)[::-1], end - m.end(1), end - m.start(1))


def _mostly_english(words: list[str]) -> bool:
    """Most lower-case words are English: an untranslated sentence is not judged.

    Capitalized words are names in any language and do not count.
    """
    lex = lexicon()
    common = [w for w in words[1:] if w[0].islower()]
    known = sum(1 for w in common if w in FUNCTION_WORDS or lex.knows(w))
    return len(common) >= 2 and known >= 0.7 * len(common)


@lru_cache(maxsize=1)
def _intransitive_forms() -> frozenset[str]:
    """The forms of the verbs that take no object (`arrived`, `rises`), -ing forms aside."""
    lex = lexicon()
    return frozenset(form for lemma in data_sections("broken_verbs.txt")["intransitive"]
                     for form in lex.forms_of(lemma) if not form.endswith("ing"))


@lru_cache(maxsize=1)
def _saying_lemmas() -> frozenset[str]:
    return frozenset(data_sections("broken_verbs.txt")["attribution"])


def _says(word: str, *, reporting: bool = False) -> bool:
    """A form of a verb of saying (`said`, `stresses`); with `reporting`, also of a verb
    that reports an opinion (`expects`, `admitted`)."""
    return any(lemma in _saying_lemmas() or (reporting and lemma in _REPORTING)
               for lemma in (word, *lexicon().verb_lemmas.get(word, ())))


def _takes_that_clause(word: str) -> bool:
    """A form of a verb of saying or of one that takes a `that` clause (`say`, `stress`)."""
    lemmas = (word, *lexicon().verb_lemmas.get(word, ()))
    return any(lemma in _saying_lemmas() or lemma in _that_clause_lemmas() for lemma in lemmas)


@lru_cache(maxsize=1)
def _that_clause_lemmas() -> frozenset[str]:
    return frozenset(data_sections("broken_verbs.txt")["that-clause"])


_BE = word_set("is are was were be been being")
# Verbs that report an opinion like a verb of saying: `Prices will rise, analysts expect.`
_REPORTING = word_set("confirm report admit believe think expect estimate fear hope predict "
                      "acknowledge concede suggest")


# Nouns whose `that` opens their content, not a relative clause (`concern that the system
# is used to.` lost its object; `the life that she is used to` did not).
_THAT_NOUNS = word_set(
    "concern concerns fear fears hope hopes claim claims fact news belief warning warnings "
    "risk worry worries suspicion evidence sign signs assurance assurances promise promises "
    "idea view argument report reports rumours rumors doubt doubts proof notion impression "
    "feeling conviction expectation expectations guarantee condition requirement demand "
    "demands decision announcement statement suggestion proposal rumour rumor possibility "
    "likelihood chance assumption allegation allegations accusation accusations indication "
    "indications message reminder thought principle confirmation understanding agreement "
    "insistence recognition admission")


_RELATIVE = word_set("which who whom whose where")
# A relative clause ends at a comma, a dash or a semicolon.
# Words that open a subordinate clause, whose verb may come last in source order.
_CLAUSE_OPENERS = word_set("which who whom that because after when while although since")
_CLAUSE_BREAKS = frozenset(",;—–")


# Conjunctions that open a subordinate clause: the sentence needs a main clause too.
_SUBORDINATORS = word_set("because although though whereas whether unless if while when once")
# Words that open a subordinate clause or a prepositional phrase (`Since 2020, prices
# rose.`): the sentence needs at least one verb besides them.
_SUBORDINATING_PREPOSITIONS = word_set("since until after before")


# Words that join or subordinate clauses: between two clauses one of them (or a comma)
# is needed.
_LINKERS = CONJUNCTIONS | _RELATIVE | _SUBORDINATORS | _SUBORDINATING_PREPOSITIONS | word_set(
    "that when where why how what so than as then whom whose once")


# Adverbs that may stand inside a verb group: `will not be`, `has already been`.
_IN_VERB_GROUP = word_set("not n't also already still never just now then further yet "
                          "again always even only")

# Words that take the object of the last verb (`the plan that he evaluated`, `as
# requested`); `that` does so only after a noun.
_GAP_TAKERS = word_set("what which who whom whose whatever whichever as than if when how "
                       "unless once")


# Words that start a noun phrase which can be a clause's subject.
_SUBJECT_START = word_set("the a an its their his her our this these those")
# Words that count what follows (`three councillors`, `dozens of ships`).
_COUNT_WORDS = word_set("one two three four five six seven eight nine ten dozens hundreds "
                        "thousands several many more")
# `Last week the council met`: a time noun before a subject is an adverbial, not a subject.
_TIME_NOUNS = word_set("week weeks year years month months day days morning evening night "
                       "afternoon time times hour hours minute minutes decade decades "
                       "season weekend today yesterday tomorrow later earlier ago moment "
                       "century spring summer autumn winter")
_MONTHS_AND_DAYS = word_set("january february march april may june july august september "
                            "october november december monday tuesday wednesday thursday "
                            "friday saturday sunday")


def _sentences_of(doc: Document, hints: list[int]) -> Iterator[tuple[Sentence, list[int]]]:
    """The sentences that hold the hinted tokens, each once, with its hints."""
    sentences = doc.sentences
    for index, group in groupby(hints, key=_sentence_indices(doc).__getitem__):
        if index >= 0:
            yield sentences[index], list(group)


def _sentence_indices(doc: Document) -> list[int]:
    """For each token, the index of its sentence (-1 between sentences); shared."""
    def compute(d: Document) -> list[int]:
        out = [-1] * len(d.tokens)
        for sentence in d.sentences:
            out[sentence.token_start:sentence.token_end] = \
                [sentence.index] * (sentence.token_end - sentence.token_start)
        return out
    return memoized(doc, "broken.sentence-indices", compute)


# `NAPLES -`, `KAZAN, April 9 -`, `ANKARA, March 3 (Reuters) –`: a dateline opens the
# first sentence of a wire story; the sentence itself starts after it.
_DATELINE = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,}?(?:,[^\n–—]{1,40}?)?[^\S\n]+[-–—][^\S\n]+")


def _own_start(doc: Document, sentence: Sentence) -> int:
    """The index of the sentence's first token after a dateline (its first token else)."""
    return _own_start_list(doc)[sentence.index]


def _own_start_list(doc: Document) -> list[int]:
    """`_own_start` of every sentence, in order (shared)."""
    return memoized(doc, "broken.own-starts", _own_starts)


def _own_starts(doc: Document) -> list[int]:
    """`_own_start` of every sentence: many checks ask for it, sentence by sentence."""
    return [_after_dateline(doc, sentence) for sentence in doc.sentences]


def _after_dateline(doc: Document, sentence: Sentence) -> int:
    if sentence.start != doc.paragraphs[sentence.paragraph].start or \
            not sentence.text[:2].isupper():
        return sentence.token_start  # a dateline opens a paragraph, in capitals
    m = _DATELINE.match(sentence.text)
    if m is None:
        return sentence.token_start
    at = sentence.start + m.end()
    return next((i for i in range(sentence.token_start, sentence.token_end)
                 if doc.tokens[i].start >= at), sentence.token_start)


def _determiner_openings(doc: Document) -> list[tuple[Sentence, int]]:
    """Body sentences that open with a determiner or `Each` (after a dateline), with the
    index of that first word: where a subject noun phrase starts the sentence."""
    def compute(d: Document) -> list[tuple[Sentence, int]]:
        body = _reads_as_body(d)
        tokens = d.tokens
        out = []
        for sentence in d.sentences:
            if sentence.paragraph in body:
                start = _own_start(d, sentence)
                if tokens[start].text.lower() in _OPENERS and sentence.token_end - start >= 5:
                    out.append((sentence, start))
        return out
    return memoized(doc, "broken.determiner-openings", compute)


_OPENERS = _SUBJECT_START | {"each"}


# Nouns with plural agreement and no -s, that the lexicon lists as singular.
_PLURAL_SINGULARS = word_set("people police")


# Participles that with their preposition act as one (`compared with last year`).
_PREPOSITIONAL_PARTICIPLES = word_set("compared based depending owing")


def may_be_main_verb(lower: list[str], i: int, words: list[str] | None = None) -> bool:
    """Whether the word at `i` of a main clause may be its verb: `could_be_finite_verb`,
    less infinitives, prepositions, and the readings a noun-or-verb word cannot have
    where it stands.

    A plural or a bare noun that opens the clause has no subject before it (`Talks with
    Oslo about ...`, `Closure of all schools`), unless an object follows it (`Take the
    bus`); a word before `of` heads a noun phrase (`free of charge`) unless a verb may
    come before it (`faces charges of`); `last year` is a
    time; after a singular noun that a determiner or a number opens, a noun that is no
    past form is a compound's head (`the town hall`, `86,000 passenger trips`), and so is
    a noun after a word that is only an adjective (`young people`). A noun whose verb
    reading is rare (`schools`, `people`) is a verb only next to its subject or object;
    `words`, the clause in its own case, tells names (`Asia account for`) apart.
    """
    word = lower[i]
    if (i and lower[i - 1] == "to") or word in PREPOSITIONS or \
            not could_be_finite_verb(lower, i):
        return False  # `able to carry`: an infinitive
    lex = lexicon()
    if word in AUXILIARIES or word not in lex.nouns:
        return True
    after = lower[i + 1] if i + 1 < len(lower) else ""
    before = lower[i - 1] if i else ""
    if word in _PREPOSITIONAL_PARTICIPLES and after in ("with", "to", "on"):
        return False  # `compared with`, `based on`: a preposition
    if after == "not":
        return True  # `need not`, `dare not`
    if rarely_a_verb(word) and not (
            _subject_word(before) or (words is not None and i > 1 and words[i - 1][:1].isupper())
            or after in DETERMINERS or after in PRONOUNS or after[:1].isdigit()
            or (after in lex.plurals and before in lex.nouns)):
        return False  # `all schools and offices`: a verb this rare needs its subject
        # (`Exports to Asia account for`) or its object (`the cafés book tables`)
    if (i == 0 and after not in DETERMINERS and after not in PRONOUNS) or (
            after == "of" and (before not in lex.finite or before in lex.adjectives)) \
            or (word == "last" and after in _TIME_NOUNS) or (
                before in lex.adjectives and before not in lex.nouns
                and before not in lex.verbs and before not in lex.adverbs):
        return False
    if i < 2 or before not in lex.nouns or before in lex.plurals or \
            before in _PLURAL_SINGULARS or word in lex.past or "and" in lower[max(0, i - 4):i] or \
            after in DETERMINERS or after in _COUNT_WORDS or after[:1].isdigit():
        return True  # `seven countries stand`, `the bank fell`, `Holm and his son run
        # one of`: a subject and its verb, or a verb and its object
    opener = lower[i - 2]
    # `86,000 passenger trips`, not `the 214-page report lists`
    counted = opener.replace(",", "").replace(".", "").isdigit() or opener in _COUNT_WORDS
    return not (counted or (not word.endswith("s") and (
        opener in NOUN_MARKERS or opener in lex.adjectives)))


def _subject_word(word: str) -> bool:
    """A pronoun or a plural noun, which may be the subject of the verb after it, or an
    adverb, which may stand between the two (`Tourists now account for`)."""
    lex = lexicon()
    return word in PRONOUNS or word in lex.plurals or (
        word in lex.adverbs and word not in lex.adjectives and word not in lex.verbs)


def _joins_names(items: list[str], i: int) -> bool:
    """`Arousa and Vigo`, `Đồng Hới and Phú Bài`: `and` or `or` between two names."""
    return items[i] in ("and", "or") and 0 < i < len(items) - 1 and \
        items[i - 1][0].isupper() and items[i + 1][0].isupper()


def _joins_noun_phrases(lower: list[str], i: int, b: int) -> bool:
    """`the ships and the oil platforms`: `and` between two noun phrases, with no verb
    between it and the position `b`."""
    return lower[i] == "and" and i + 1 < b and lower[i - 1] in lexicon().nouns and (
        lower[i + 1] in _SUBJECT_START or lower[i + 1] in lexicon().nouns) and not any(
        could_be_finite_verb(lower, j) for j in range(i + 1, b))
