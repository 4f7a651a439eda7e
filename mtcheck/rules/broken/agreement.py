"""Subjects and verbs that do not agree: `they was`, `Him said`, `the prices does`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.english import (
    AUXILIARIES,
    FUNCTION_WORDS,
    PREPOSITIONS,
    could_be_finite_verb,
    lexicon,
    word_set,
)
from mtcheck.model import Document, Hit
from mtcheck.rules.broken._codes import agreement_letters, comma_pronoun_hints
from mtcheck.rules.broken._shared import _GAP, _WORD_BEFORE, _own_start, _sentences_of
from mtcheck.rules.registry import RuleContext, rule

# A pronoun and the auxiliary after it, within one line.
_PRONOUN_VERB = re.compile(
    rf"\b(?P<pronoun>[Hh]im|[Tt]hem|[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|[Yy]ou|I|(?i:nobody|"
    rf"everybody|everyone|someone|somebody|anyone|anybody|nothing|everything|something)){_GAP}"
    r"(?P<verb>(?i:is|are|was|were|has|have|does|do|isn't|aren't|wasn't|weren't|hasn't|"
    r"haven't|doesn't|don't|said|says|will|would|can|could|should|must|may|might|had))\b")
# Pronoun → the auxiliaries it cannot take as its subject.
_DISAGREES = {
    "he": word_set("are were have do aren't weren't haven't don't"),
    "she": word_set("are were have do aren't weren't haven't don't"),
    "it": word_set("are were have do aren't weren't haven't don't"),
    "they": word_set("is was has does isn't wasn't hasn't doesn't"),
    "we": word_set("is was has does isn't wasn't hasn't doesn't"),
    "you": word_set("is was has does isn't wasn't hasn't doesn't"),
    "i": word_set("is are has does isn't aren't hasn't doesn't"),
    **dict.fromkeys(("nobody", "everybody", "everyone", "someone", "somebody", "anyone",
                     "anybody", "nothing", "everything", "something"),
                    word_set("are were have do aren't weren't haven't don't")),
}
_OBJECT_PRONOUNS = word_set("him them")
# After these a subject pronoun takes the bare form (`does he have`, `if it were`,
# `let it be`), or the pronoun is an object (`gave them`), not a subject.
_BARE_FORM_CONTEXT = AUXILIARIES | word_set(
    "to if though wish as whether didn't doesn't don't won't wouldn't can't couldn't "
    "shouldn't mustn't let lets make makes made help helps")
_STARTS_CLAUSE = word_set("that because when while although if and but so")
_COORDINATORS = word_set("and or nor")


@rule("broken.agreement", category="broken", severity="major",
      bad=["Him said that the decision was final.",
           "The coach admitted that they was not ready for the final.",
           "The minister said that he are confident about the vote.",
           "The officials said that the current prices does not cover the cost."],
      good=["He said that the decision was final.", "If it were up to him, the plant "
            "would stay open.", "Does he have a plan?", "She told them she was ready.",
            "One of the reasons is the cost.", "The news was good for the markets."])
def agreement(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A subject and a verb that do not agree, or a subject pronoun in the object case.

    MT from languages that mark person on the verb alone, or that drop pronouns,
    guesses the English pronoun and its verb separately: `Him said`, `they was`, `he
    are`, `the prices does`. A subjunctive (`if it were`), questions (`does he have`),
    and a plural after `of` (`one of the reasons is`) are correct.
    """
    yield from _plural_agreement(doc)
    yield from _resumptive_subjects(doc)
    text = doc.text
    for m in _candidates(doc, _PRONOUN_THEN_VERB, _PRONOUN_VERB):
        pronoun, verb = m.group("pronoun"), m.group("verb").lower()
        previous = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        before = previous.group(1).lower() if previous else ""
        at_start = previous is None or text[previous.end(1):m.start()].strip(" \t\"“”'‘’") \
            not in ("", ",")
        lower = pronoun.lower()
        if lower in _OBJECT_PRONOUNS:
            if pronoun[0].islower() and before not in _STARTS_CLAUSE:
                continue  # `gave them are`? `told him would`: too loose to judge
            if not (at_start or before in _STARTS_CLAUSE):
                continue
            message = f"'{pronoun}' is an object pronoun used as the subject of '{verb}'"
        elif verb in _DISAGREES[lower]:
            if before in _BARE_FORM_CONTEXT or before in _COORDINATORS or (
                    pronoun == "I" and previous and previous.group(1)[0].isupper()):
                continue  # `does he have`, `he and I are`, `World War I was`
            message = f"'{pronoun} {m.group('verb')}': the verb does not agree with its subject"
        else:
            continue
        yield Hit(m.start(), m.end(), message, confidence=0.85)


_PLURAL_VERB = re.compile(rf"\b(?P<noun>[A-Za-z][a-z]+){_GAP}(?:(?P<adverb>already|also|still|"
                          rf"now|only|often|usually|never|currently|reportedly|again){_GAP})?"
                          r"(?P<verb>is|was|has|does|isn't|wasn't|"
                          r"hasn't|doesn't|says|shows|suggests|indicates|seems|appears|believes|"
                          r"thinks|knows|wants|remains|continues|becomes|expects)\b")
_PLURAL_DETERMINERS = word_set("the these those its their our his her many several both")


def _plural_agreement(doc: Document) -> Iterator[Hit]:
    """`the current prices does`: a determiner, modifiers, a plural noun, a singular verb."""
    lex = lexicon()
    text = doc.text
    for m in _candidates(doc, _PLURAL_THEN_VERB, _PLURAL_VERB):
        noun = m.group("noun")
        if noun.lower() not in lex.plurals or (noun[0].isupper() and not _opens_sentence(
                text, m.start())):
            continue
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if noun[0].isupper():
            # `Analysts believes`: a plural that opens the sentence is its subject
            yield Hit(m.start(), m.end(), f"'{noun} {m.group('verb')}': a plural subject "
                      "with a singular verb", confidence=0.8)
            continue
        if before is None:
            continue
        words = before.group().lower().split()
        # Walk back over modifiers to the determiner; `one of the reasons is` agrees
        # with `one`, so a preposition before the determiner ends the search.
        for i in range(len(words) - 1, max(-1, len(words) - 4), -1):
            word = words[i]
            if word in _PLURAL_DETERMINERS:
                if i == 0 or words[i - 1] not in PREPOSITIONS:
                    yield Hit(m.start(), m.end(), f"'{noun} {m.group('verb')}': a plural "
                              "subject with a singular verb", confidence=0.8)
                break
            if word in FUNCTION_WORDS or (word in lex.verbs and word not in lex.nouns and \
                    word not in lex.adjectives) or not word.isalpha():
                break


# Over the letters of `_agreement_letter`: cheap positions where a pattern may match.
_PRONOUN_THEN_VERB = re.compile("s[vz]")
_PLURAL_THEN_VERB = re.compile("pa?z")


def _candidates(doc: Document, letters: re.Pattern[str],
                pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of `pattern` at the tokens where `letters` finds its words in a row.

    The regular expression over the text would try every word of the document; the
    word classes find the few places worth trying first.
    """
    tokens = doc.tokens
    for hint in letters.finditer(agreement_letters(doc)):
        m = pattern.match(doc.text, tokens[hint.start()].start)
        if m is not None:
            yield m


# A sentence that opens with a noun phrase, then a comma and a pronoun with its verb.
_RESUMPTIVE = re.compile(
    r"(?:The|A|An|Its|Their|His|Her|Our|This|These|Those)\b[^,.;:!?\n\"“”]{3,80},[^\S\n]*"
    rf"(?P<pronoun>he|she|it|they){_GAP}(?P<verb>[a-z]+)(?P<after>[^\S\n]*[\w“\"])")


def _resumptive_subjects(doc: Document) -> Iterator[Hit]:
    """`The workers of the plant, they said that ...`: a subject taken up again by a pronoun.

    Languages that topicalize (Chinese, Japanese, Romance and Slavic speech) put the
    subject first and repeat it as a pronoun; English keeps one subject. A parenthetical
    attribution (`The problem, he said, is money.`) and comparatives (`The more we pay,
    ...`) are correct.
    """
    lex = lexicon()
    for sentence, _ in _sentences_of(doc, comma_pronoun_hints(doc)):
        m = _RESUMPTIVE.match(doc.text, doc.tokens[_own_start(doc, sentence)].start,
                              sentence.end)
        if m is None or m.group("verb") not in lex.finite or \
                _PARENTHETICAL.match(doc.text, m.end("verb")):
            continue  # `The old village, it is said, was founded by monks.`
        head = [w.lower() for w in _WORD.findall(doc.text, m.start(), m.start("pronoun"))]
        if len(head) < 3 or head[1] in _COMPARATIVES or head[1].endswith("er") or any(
                could_be_finite_verb(head, i) for i in range(1, len(head))):
            continue
        yield Hit(m.start(), m.end("verb"), f"the subject '{' '.join(head)}' is repeated by "
                  f"'{m.group('pronoun')}'", confidence=0.7)


_COMPARATIVES = word_set("more less fewer")
_PARENTHETICAL = re.compile(r"[^\S\n]+[\w'’-]+,")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _opens_sentence(text: str, at: int) -> bool:
    """Nothing but a line break or the end of a sentence comes before `at`."""
    before = text[max(0, at - 3):at].rstrip(" \t\"“'‘")
    return not before or before[-1] in ".!?\n"


_WORDS_BEFORE = re.compile(r"(?:[A-Za-z'’-]+[^\S\n]+){1,5}$")
