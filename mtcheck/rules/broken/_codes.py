"""Word codes: one process-wide table for every `broken.*` rule, and the views read from it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from mtcheck.analyze import memoized, token_texts
from mtcheck.english import AUXILIARIES, FUNCTION_WORDS, MODALS, lexicon, word_set
from mtcheck.model import Document
from mtcheck.rules.broken._shared import (
    _CLAUSE_OPENERS,
    _MONTHS_AND_DAYS,
    _RELATIVE,
    _SUBJECT_START,
)
from mtcheck.wordcodes import Encoded, WordCodes


def _codes(doc: Document) -> Encoded:
    """One character per token, the same for the same word in any case (see `_CODES`).

    Back-to-back repetition of one to nine tokens is then a regular expression
    over a string as long as the token list, which runs in C instead of a Python
    loop over every token.
    """
    return memoized(doc, "broken.codes", lambda d: _CODES.encode(token_texts(d)))


_LOOP_DETERMINERS = ("the", "a", "an", "this", "its")
_OTHER_DETERMINERS = ("his", "her", "their", "our", "these", "those")


def _clause_shapes(doc: Document) -> str:
    """One character per token: `V` a word that is only ever a verb (or an auxiliary),
    `R` a relative word, `,` a comma, and the token's code (never one of those) else."""
    return memoized(doc, "broken.clause-shapes", lambda d: _codes(d).classes("clause"))


def _clause_letter(word: str) -> str | None:
    lex = lexicon()
    if word in AUXILIARIES or (word in lex.finite and word not in lex.nouns
                               and word not in lex.adjectives):
        return "V"
    if word in _RELATIVE:
        return "R"
    return "," if word == "," else None


# `between of the company`: a preposition that cannot take `of` after it.
_BEFORE_OF = word_set("between with for in on at to from by about against among into "
                      "during through under via despite")


def _shapes(doc: Document) -> str:
    """One letter per token: `C` a Title Case function word, verb or -ly adverb, `N`
    another capitalized word or a number, `x` anything else (lower case, punctuation)."""
    return memoized(doc, "broken.shapes", lambda d: _codes(d).exact_classes("shape"))


def _shape_letter(word: str) -> str:
    if word[0].isdigit():
        return "N"
    if not word[0].isupper():
        return "x"
    lower = word.lower()
    # Title Case only: a run in capitals is shouting (legal notices), not a headline.
    lex = lexicon()
    # `Sharply`: an adverb in -ly is no part of a name either.
    if word[1:].islower() and (lower in FUNCTION_WORDS or (
            lower in lex.finite and lower not in lex.nouns) or (
            lower.endswith("ly") and lower in lex.adverbs and lower not in lex.nouns)):
        return "C"
    return "N"


_DETERMINER_AFTER_CONTENT = re.compile("nD")


def _run_on_hints(doc: Document) -> list[int]:
    """Token indices of determiners right after a noun, a name or a number, in order.

    One letter per token (`n` such a word, `D` a determiner) and one regex over the
    string, in C; each distinct word is classed once per process.
    """
    return memoized(doc, "broken.run-on-hints", lambda d: [
        m.start() + 1 for m in _DETERMINER_AFTER_CONTENT.finditer(_run_on_letters(d))])


def _run_on_letter(word: str) -> str | None:
    if word in _SUBJECT_START:
        return "D"
    if word in _PRONOUN_SUBJECTS:
        return "Q"
    if word == "it":
        return "T"  # a subject after a comma, too often an object after a noun
    if word == ",":
        return ","
    if word in _CLAUSE_OPENERS:
        return "O"
    if word in _MONTHS_AND_DAYS:
        return "n"  # `August`, `May`: dates, however the lexicon reads the word
    if word in _SUBJECT_LEADS:
        return "P"
    lex = lexicon()
    if word not in FUNCTION_WORDS and word[:1].isalnum() and (
            word in lex.nouns or not word.isalpha() or not lex.knows(word)):
        return "n"  # the word is lower-cased: a name is a word the lexicon does not know
    return "j" if word in lex.adjectives else None


_PRONOUN_SUBJECTS = word_set("he she they we")
# What may lead a clause's subject after a comma besides a determiner: a partitive
# (`some of them`, `each one`) or a time phrase's preposition (`in 2016 they`).
_SUBJECT_LEADS = word_set("some each most all many both several few none in on since by "
                          "until")
_PRONOUN_AFTER_CONTENT = re.compile("n[QT]")
# A comma, then what may open a clause's subject: a determiner, a pronoun, an adjective
# (which may also be a noun: `long`), a partitive or a time phrase.
_COMMA_BEFORE_SUBJECT = re.compile(",[DQTjnP]")


def _run_on_letters(doc: Document) -> str:
    return memoized(doc, "broken.run-on-letters", lambda d: _codes(d).classes("run-on"))


def opener_hints(doc: Document) -> list[int]:
    """Token indices of words that open a subordinate clause (`which`, `because`)."""
    return memoized(doc, "broken.opener-hints",
                    lambda d: [m.start() for m in re.finditer("O", _run_on_letters(d))])


def comma_pronoun_hints(doc: Document) -> list[int]:
    """Token indices of commas followed by `he`, `she`, `it`, `they` or `we`."""
    return [m.start() for m in re.finditer(",[QT]", _run_on_letters(doc))]


_SUBJECT_OPENER = re.compile("[DQT]")


def subject_opener_hints(doc: Document) -> list[int]:
    """Token indices of words that may open a subject: a determiner (`the`, `their`) or
    `he`, `she`, `it`, `they`, `we` (any case)."""
    return [m.start() for m in _SUBJECT_OPENER.finditer(_run_on_letters(doc))]


def pronoun_letters(doc: Document) -> list[int]:
    """Token indices of `he`, `she`, `they` or `we` (any case)."""
    return [m.start() for m in re.finditer("Q", _run_on_letters(doc))]


def noun_pronoun_hints(doc: Document) -> list[int]:
    """Token indices of `he`, `she`, `it`, `they` or `we` right after a noun or a name."""
    return [m.start() + 1 for m in re.finditer("n[QT]", _run_on_letters(doc))]


def pronoun_hints(doc: Document) -> list[int]:
    """Token indices of `he`, `she`, `they`, `we` (or `it`) right after a noun, a name or a
    number."""
    return memoized(doc, "broken.pronoun-hints", lambda d: [
        m.start() + 1 for m in _PRONOUN_AFTER_CONTENT.finditer(_run_on_letters(d))])


def comma_hints(doc: Document) -> list[int]:
    """Token indices of commas followed by a determiner, a pronoun, an adjective, a
    partitive or a time phrase's preposition."""
    return memoized(doc, "broken.comma-hints", lambda d: [
        m.start() for m in _COMMA_BEFORE_SUBJECT.finditer(_run_on_letters(d))])


def agreement_letters(doc: Document) -> str:
    """One character per token: `s` a subject pronoun (or `him`, `them`), `p` a plural
    noun, `a` an adverb that may stand between subject and verb, `z` a singular verb form
    (`is`, `has`, `says`), `v` another auxiliary or `said`."""
    return memoized(doc, "broken.agreement-letters",
                    lambda d: _codes(d).classes("agreement"))


_AGREEMENT_SUBJECTS = word_set("him them he she it they we you i nobody everybody everyone "
                               "someone somebody anyone anybody nothing everything something")
_AGREEMENT_ADVERBS = word_set("already also still now only often usually never currently "
                              "reportedly again")
# The verbs `broken.agreement` pairs with a pronoun or a plural noun.
_SINGULAR_VERBS = word_set(
    "is was has does isn't wasn't hasn't doesn't says shows suggests indicates seems "
    "appears believes thinks knows wants remains continues becomes expects")
_AGREEMENT_VERBS = AUXILIARIES | word_set("aren't weren't haven't don't said")


def _agreement_letter(word: str) -> str | None:
    if word in _AGREEMENT_SUBJECTS:
        return "s"
    if word in _SINGULAR_VERBS:
        return "z"
    if word in _AGREEMENT_VERBS:
        return "v"
    if word in _AGREEMENT_ADVERBS:
        return "a"
    return "p" if word in lexicon().plurals else None


def verb_form_letters(doc: Document) -> str:
    """One character per token for `broken.verb-form`: `m` a modal, `h` a form of
    `have`, `d` of `do`, `t` `to`, `n` `not` or an adverb inside a verb group, `b` a verb's
    base form, `e` a past or participle form that is no base form, noun or adjective
    (`implemented`), `p` a past form that is no participle either (`went`), `E` a past
    form in -ed that is also a noun or adjective (`wanted`), `g` a form in -ing that is
    no noun or adjective (`commenting`), `G` one that is a noun too (`publishing`), `B` `been`,
    `w` `is`, `are`, `was` or `were`, `c` a noun that is no adverb or auxiliary
    (`villages`)."""
    return memoized(doc, "broken.verb-form-letters",
                    lambda d: _codes(d).classes("verb-form"))


_IN_GROUP = word_set("not never also still just already yet n't")


def _verb_form_letter(word: str) -> str | None:
    if word in MODALS:
        return "m"
    if word in ("have", "has", "had"):
        return "h"
    if word in ("do", "does", "did", "don't", "doesn't", "didn't"):
        return "d"
    if word == "to":
        return "t"
    if word == "been":
        return "B"
    if word in ("is", "are", "was", "were"):
        return "w"
    if word in _IN_GROUP:
        return "n"
    lex = lexicon()
    if word in lex.verb_forms:
        return "b"
    if word.endswith("ing") and word in lex.verbs and word not in lex.adjectives:
        return "G" if word in lex.nouns else "g"  # `commenting`; `publishing` a noun too
    if (word in lex.past or word in lex.participles) and word not in lex.nouns and \
            word not in lex.adjectives:
        # The table's participle column misses regular spellings (`learned` lists only
        # `learnt`): only an irregular past (`went`, `took`) is surely no participle.
        irregular_past = word not in lex.participles and not word.endswith("ed")
        return "p" if irregular_past else "e"
    if word in lex.past and word.endswith("ed"):
        return "E"  # `wanted`, `limited`: also an adjective, but never after `did`
    if (word in lex.nouns or word in lex.plurals) and word not in lex.adverbs and \
            word not in FUNCTION_WORDS and word not in AUXILIARIES:
        return "c"
    return None


def that_hints(doc: Document) -> list[int]:
    """Token indices of `that`, in order."""
    return memoized(doc, "broken.that-hints", lambda d: [
        m.start() for m in re.finditer(_CODES.code_of("that"), _codes(d).text)])


_CODES = WordCodes(
    fixed=("of", "that", "which", "whose", *_LOOP_DETERMINERS, *_OTHER_DETERMINERS,
           *sorted(_BEFORE_OF), *sorted(MODALS)),
    classifiers={"clause": _clause_letter, "run-on": _run_on_letter,
                 "agreement": _agreement_letter, "verb-form": _verb_form_letter},
    exact_classifiers={"shape": _shape_letter})


def _codes_of(words: Iterable[str]) -> str:
    return "".join(_CODES.code_of(w) for w in words)
