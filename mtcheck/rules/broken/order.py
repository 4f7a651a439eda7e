"""Word order of the source language: `not has been`, `will can`, verb-final clauses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import suppress
from functools import cache
from itertools import chain, takewhile

from mtcheck.analyze import memoized, sentence_at, token_texts, vocabulary
from mtcheck.english import (
    AUXILIARIES,
    DETERMINERS,
    FUNCTION_WORDS,
    MODALS,
    PREPOSITIONS,
    Lexicon,
    could_be_finite_verb,
    lexicon,
    word_set,
)
from mtcheck.model import Document, Hit, Sentence
from mtcheck.rules.broken._codes import (
    _BEFORE_OF,
    _CODES,
    _codes,
    _codes_of,
    _run_on_hints,
    opener_hints,
)
from mtcheck.rules.broken._shared import (
    _BE,
    _COUNT_WORDS,
    _GAP,
    _GAP_TAKERS,
    _IN_VERB_GROUP,
    _LINKERS,
    _LIST_COLON,
    _MONTHS_AND_DAYS,
    _QUOTES,
    _RELATIVE,
    _SUBJECT_START,
    _SUBORDINATING_PREPOSITIONS,
    _SUBORDINATORS,
    _TIME_NOUNS,
    _WORD,
    _intransitive_forms,
    _joins_names,
    _joins_noun_phrases,
    _mostly_english,
    _own_start,
    _own_start_list,
    _reads_as_body,
    _says,
    _sentences_of,
    _takes_that_clause,
    _word_before,
    may_be_main_verb,
)
from mtcheck.rules.registry import RuleContext, rule

# Each pattern starts with a literal, so the scan stays in C; the word before is
# checked afterwards.
_NOT_AUX = re.compile(rf"not{_GAP}(?:(?!only\b)[a-z]+ly{_GAP})?(?:has|have|had|is|are|was|were|"
                      r"will|would|can|could|do|does|did)\b")

_NOT_PARTICIPLE = re.compile(rf"not{_GAP}([a-z]+)(?=[^\S\n]*[.,;”\"»])")
# `or not paid`, `if not paid`, `some not repaired`: the participle stands alone by
# ellipsis.
_PARTICIPLE_OK_AFTER = word_set("or if but and whether though although when unless yet "
                                "still already some others many most all few several half "
                                "part one")
# `did not`, `or not is`, `to not`: the negation has its own verb or is fine where it is.
_NEGATION_OK_AFTER = AUXILIARIES | word_set("to or if whether why")
_PARTICIPLE_PAIR = re.compile(rf" (?:been|being|be|was|were|is|are){_GAP}([a-z]+ed){_GAP}"
                              r"([a-z]+ed)(?=[^\S\n]*[,.;])")


@rule("broken.garbled-order", category="broken", severity="major",
      bad=["The work was paid for by a sponsor that of identity not has been "
           "communicated wished.",
           "The talks will can resume next week.",
           "The court found that the agency the risks not fully had assessed.",
           "Yesterday has the government approved the new budget.",
           "The farmers whose the fields were flooded will get help.",
           "Has been reported that the mine will close in the spring.",
           "The club signed also last summer two players from Brazil.",
           "The bonus that the firm in March promised is until now not paid.",
           "When the new bridge opens, will the ferry stop running.",
           "From June will be closed also the two bridges over the river.",
           "Because the harvest was poor, decided to import rice from Thailand.",
           "In March was every second train cancelled, the operator said.",
           "The Road Safety Agency regional also closed two bridges.",
           "Plans to open a second terminal at the airport in the spring of 2028.",
           "Today fear the shop owners that the new road will take their customers.",
           "Is considering a second terminal for the cruise ships.",
           "The coach praised the players in comments his to the press.",
           "Unveiled the mayor, Rosa Lind, on Friday the new statue in the square.",
           "Also is expected a decision on the tariffs in May."],
      good=["Whether or not is unclear.", "The sponsor did not wish to be named.",
            "Nobody could say whether the talks will resume.",
            "Not only has the company cut jobs, it has also closed plants.",
            "Never before had the city seen such crowds.",
            "Announced in May, the plan was approved in June."])
def garbled_order(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """Words in source-language order: `not has been`, `will can`, verb after verb.

    German and Turkish put verbs at the end of the clause; MT that follows the source
    order too closely yields `that of identity not has been communicated wished`.
    Verb-second languages put the auxiliary before the subject after a fronted time
    (`Yesterday has the government approved`); null-subject languages open with the
    verb (`Is expected that ...`, `Considers that ...`); inflected relative pronouns
    come out as `whose the` or `the which`. Romance languages and Indonesian put a
    classifying adjective after its noun (`The Civil Defence municipal closed`).
    """
    yield from _without_overlaps(chain(
        _negation_first(doc), _preposition_of(doc), _double_modals(doc), _verb_final(doc),
        _late_verb(doc), _auxiliary_first(doc), _relative_verb_last(doc),
        _passive_inversion(doc), _participle_pairs(doc), _fronted_auxiliary(doc),
        _whose_determiner(doc), _adverb_after_verb(doc), _inverted_after_clause(doc),
        _adjective_after_noun(doc), _possessive_after_noun(doc)))


def _without_overlaps(hits: Iterable[Hit]) -> Iterator[Hit]:
    """The hits whose span overlaps no earlier one: one finding per garbled stretch."""
    taken: list[tuple[int, int]] = []
    for hit in hits:
        if not any(hit.start < e and s < hit.end for s, e in taken):
            taken.append((hit.start, hit.end))
            yield hit


def _negation_first(doc: Document) -> Iterator[Hit]:
    """`not has been`: a negation before its auxiliary; `until now not paid`: a negation
    and a participle at the end of a clause with no auxiliary at all."""
    text = doc.text
    lex = lexicon()
    for m in _NOT_PARTICIPLE.finditer(text):
        before = _word_before(text, m.start())
        if (m.start() and text[m.start() - 1].isalnum()) or \
                m.group(1) not in lex.participles or m.group(1) in lex.adjectives or (
                before is not None and (before.word.lower() in _NEGATION_OK_AFTER
                                        or before.word.lower() in _PARTICIPLE_OK_AFTER
                                        or "," in text[before.end:m.start()])):
            continue  # `were not paid`, `whether paid or not paid`, `, not paid,`
        yield Hit(m.start(), m.end(1), f"'{m.group(0).strip()}': a negated participle with "
                  "no auxiliary ends the clause (source word order)", confidence=0.75)
    for m in _NOT_AUX.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-"):
            continue  # `cannot`, `knot`
        before = _word_before(text, m.start())
        if before and before.word.lower() in _NEGATION_OK_AFTER:
            continue
        yield Hit(m.start(), m.end(), f"'{m.group()}': the negation stands before the "
                  "auxiliary (garbled word order)", confidence=0.85)


@cache
def _relative_determiner_re() -> re.Pattern[str]:
    """Over the word codes: `whose` and a determiner, or `the`, `a`, `an` and `which`."""
    determiners = _codes_of(("the", "a", "an", "its", "his", "her", "their", "our", "this",
                             "these", "those"))
    return re.compile(f"{_CODES.code_of('whose')}[{determiners}]|"
                      f"[{_codes_of(('the', 'a', 'an'))}]{_CODES.code_of('which')}")


_COMMA_AUXILIARY = re.compile(
    r", (?:will|would|can|could|has|have|had|did|does|do|must|should) (?:the|a|an|this|these|"
    r"those|its|their|his|her|our|he|she|it|they|we|I)\b")


def _inverted_after_clause(doc: Document) -> Iterator[Hit]:
    """`Until the station is finished, will the old ferries continue`: after a fronted
    clause, the auxiliary comes before the subject (verb-second order); `Because the
    rice is good, wanted to make sake`: the main clause has no subject at all."""
    yield from _subjectless_after_clause(doc)
    for m in _COMMA_AUXILIARY.finditer(doc.text):
        sentence = sentence_at(doc, m.start())
        if sentence is None or not sentence.text.endswith(".") or \
                sentence.paragraph not in _reads_as_body(doc):
            continue
        head = [w.lower() for w in _WORD.findall(doc.text, sentence.start, m.start())]
        if not head or head[0] not in _FRONTED_CLAUSE_OPENERS or \
                not _INVERSION_TRIGGERS.isdisjoint(head):
            continue  # `Not only ..., has the firm`: English inverts after these
        yield Hit(sentence.start, sentence.end, f"'{m.group()[2:]}': the auxiliary comes "
                  "before the subject after the opening clause (verb-second order)",
                  confidence=0.75)


_COMMA_VERB_TO = re.compile(r", ([a-z]+) to [a-z]")


def _subjectless_after_clause(doc: Document) -> Iterator[Hit]:
    """A fronted subordinate clause, a comma, then a past verb with no subject."""
    lex = lexicon()
    for m in _COMMA_VERB_TO.finditer(doc.text):
        verb = m.group(1)
        if verb not in lex.past or verb in lex.nouns:
            continue  # before `to` and a verb, `wanted` is no adjective
        sentence = sentence_at(doc, m.start())
        if sentence is None or not sentence.text.endswith(".") or \
                sentence.paragraph not in _reads_as_body(doc):
            continue
        head = [w.lower() for w in _WORD.findall(doc.text, sentence.start, m.start())]
        if not head or (head[0] not in _SUBORDINATORS and
                        head[0] not in _SUBORDINATING_PREPOSITIONS) or "," in doc.text[
                            sentence.start:m.start()]:
            continue
        yield Hit(sentence.start, sentence.end, f"'{verb} to' has no subject after the "
                  "opening clause", confidence=0.7)


def _whose_determiner(doc: Document) -> Iterator[Hit]:
    """`the farmers whose the wells`: `whose` is itself the determiner of its noun.

    Relative pronouns that inflect (`dessen`, `dont le`, `kterého`) come out of MT as
    `whose` plus the source's article or possessive, and `o qual`, `le lequel` as `the
    which`.
    """
    tokens = doc.tokens
    for m in _relative_determiner_re().finditer(_codes(doc).text):
        first, second = tokens[m.start()], tokens[m.start() + 1]
        if "\n" in doc.text[first.end:second.start]:
            continue
        yield Hit(first.start, second.end, f"'{doc.text[first.start:second.end]}': a "
                  "relative pronoun and a determiner together", confidence=0.85)


# `his`, `their` or `its` as word codes: determiners that never end a phrase.
_POSSESSIVE_CODE = re.compile(f"[{_codes_of(('his', 'their', 'its'))}]")
# What may follow such a possessive (a full stop is `broken.dangling-ending`'s).
_AFTER_PHRASE = frozenset(",;:)") | PREPOSITIONS


def _possessive_after_noun(doc: Document) -> Iterator[Hit]:
    """`stated the director in statements his.`: a possessive after its noun.

    Greek, Italian and Arabic put the possessive after the noun (`οι δηλώσεις του`);
    English `his`, `their` and `its` always come before a noun, so one between a noun
    and a comma or a preposition is out of place (`a friend of his in Rome` is `of his`).
    """
    tokens = doc.tokens
    lex = lexicon()
    for m in _POSSESSIVE_CODE.finditer(_codes(doc).text, 1):
        at = m.start()
        if at + 1 >= len(tokens) or tokens[at + 1].text.lower() not in _AFTER_PHRASE:
            continue
        noun = tokens[at - 1].text.lower()
        # A word that is also a verb is a noun only after a determiner or a preposition
        # (`a message his`, `in comments his`; `he left his in the car` is a pronoun)
        before = tokens[at - 2].text.lower() if at >= 2 else ""
        if noun not in lex.nouns or noun in FUNCTION_WORDS or (
                noun in lex.finite and before not in DETERMINERS and
                before not in PREPOSITIONS) or \
                "\n" in doc.text[tokens[at - 1].end:tokens[at].start]:
            continue
        yield Hit(tokens[at - 1].start, tokens[at].end, f"'{tokens[at - 1].text} "
                  f"{tokens[at].text}': the possessive comes after its noun (source word "
                  "order)", confidence=0.8)


_ALSO = re.compile(" also ")
_SENTENCE_GAP = re.compile(r"[.!?][\"”’»]?\s+")


def _adverb_after_verb(doc: Document) -> Iterator[Hit]:
    """`The region recruited also last year nurses`: `also` between a verb and its object.

    Verb-second languages put the adverb after the finite verb; English puts `also`
    before a lexical verb (`also recruited`) and after an auxiliary (`has also`).
    """
    text = doc.text
    lex = lexicon()
    for m in _ALSO.finditer(text, 1):
        if not (text[m.start() - 1].islower() and text[m.end():m.end() + 1].isalnum()):
            continue
        before = _word_before(text, m.start())
        if before is None:
            continue
        verb = before.word
        lower = verb.lower()
        if lower not in lex.past or lower in lex.nouns or lower in lex.adjectives or \
                lower in AUXILIARIES or before.end != m.start():
            continue
        ahead = _word_before(text, before.start)
        gap = text[ahead.end:before.start] if ahead is not None else ""
        if ahead is not None and (ahead.word.lower() in AUXILIARIES or (
                gap != " " and not _SENTENCE_GAP.fullmatch(gap))):
            continue  # `was known also as`: a passive; `, said also`: no clause to judge
        yield Hit(before.start, m.end() - 1, f"'{verb} also': 'also' comes before the "
                  f"verb in English ('also {verb}')", confidence=0.7)


def _participle_pairs(doc: Document) -> Iterator[Hit]:
    """`was communicated wished`: two participles in a row at the end of a clause."""
    lex = None
    for m in _PARTICIPLE_PAIR.finditer(doc.text):
        lex = lex or lexicon()
        first, second = m.group(1), m.group(2)
        if first in lex.nouns or first in lex.adjectives or second in lex.nouns \
                or second not in lex.verbs or first not in lex.verbs:
            continue
        if _SMALL_CLAUSE.intersection(lex.verb_lemmas.get(first, ())):
            continue  # `was declared closed`: the second word is a complement
        yield Hit(m.start() + 1, m.end(), f"two verbs in a row at the end of the clause: "
                  f"'{first} {second}'", confidence=0.8)


_FINAL_BE = word_set("was were is are has have had")
_DEGREE_WORDS = word_set("too so as how quite rather such")
_HAVE = word_set("has have had")


def _verb_final(doc: Document) -> Iterator[Hit]:
    """`The opposition the package sharply criticized.`: subject, object, then the verb.

    Turkish, Japanese and German put the verb last; MT that keeps that order leaves a
    sentence whose first verb is its last word, after two noun phrases side by side (a
    determiner right after a noun), or a participle before its auxiliary (`sold were.`).
    """
    lex = lexicon()
    tokens = doc.tokens
    texts = token_texts(doc)
    body = _reads_as_body(doc)
    for sentence in doc.sentences:
        text = sentence.text
        if not text.endswith(".") or sentence.paragraph not in body or \
                sentence.token_end - sentence.token_start < 5:
            continue
        # The clause runs to the first comma (`... the mark of 1.2 billion dollars
        # exceeded, up 24 percent`) or to the full stop.
        end = sentence.token_end - 1
        if "," in text:
            with suppress(ValueError):  # a comma inside a figure (`1,200`) is no token
                end = texts.index(",", sentence.token_start, end)
        last = tokens[end - 1].text
        if last not in lex.verbs or last in lex.nouns or not last.isalpha() or (
                last in lex.adjectives and last not in lex.past):
            continue  # cheap test first: the clause ends in a word that is only a verb,
            # or a past form (`stretched thin`: an adjective ends it)
        if any(c in text for c in _QUOTES) or ";" in text or _LIST_COLON.search(text):
            continue
        clause = tokens[sentence.token_start:end]
        words = [t.text for t in clause if t.text[0].isalpha()]
        lower = [w.lower() for w in words]
        if not 4 <= len(words) <= 30 or lower[0] in _SUBORDINATORS or \
                lower[0] in _SUBORDINATING_PREPOSITIONS or lower[0] in _RELATIVE or \
                lower[0] in _GAP_TAKERS or not _mostly_english(words):
            continue
        # Before a comma, the two noun phrases and the verb may be a contact relative
        # clause (`The report the council commissioned, published in May, ...`): an
        # adverbial before the verb (a phrase or a number) shows source order. After a
        # relative clause the verb may stop before an aside (`A storm that hit the
        # region destroyed, according to ..., half the harvest`).
        if end < sentence.token_end - 1 and (len(words) < 7 or (not any(
                w in PREPOSITIONS for w in lower[2:-1]) and not any(
                t.text[0].isdigit() for t in clause)) or _RELATIVE_WORDS.intersection(lower)):
            continue
        reason = _verb_final_reason(lower, words)
        if reason:
            yield Hit(sentence.start, sentence.end, f"verb-final word order: {reason}",
                      confidence=0.75)


_BREAKS = frozenset(",;:—–()")
_RELATIVE_WORDS = _RELATIVE | {"that"}
_FRONTED_AUXILIARIES = word_set("has have had is are was were")


_CLAUSE_ENDS = frozenset(",.;:)—–")


def _relative_verb_last(doc: Document) -> Iterator[Hit]:
    """`which Zaripov in the 64th minute with a shot from the blue line scored,`: a
    subordinate clause whose verb comes last, after its adverbials.

    English puts the verb of a clause before its adverbial phrases; German, Turkish,
    Japanese and Korean put it after them. A relative or `because` clause with no verb
    for five words or more, two adverbial prepositions (`of` belongs to the noun) or
    one with a date, then a verb that ends the clause, is in source order.
    """
    texts = token_texts(doc)
    lex = lexicon()
    body = _reads_as_body(doc)
    for sentence, openers in _sentences_of(doc, opener_hints(doc)):
        if sentence.paragraph not in body or any(c in sentence.text for c in _QUOTES):
            continue
        items = texts[sentence.token_start:sentence.token_end]
        lower = [w.lower() for w in items]
        for r in (o - sentence.token_start for o in openers):
            if r >= len(lower) - 6:
                continue
            word = lower[r]
            # `the index rose 0.9%`: a past form after a noun is the verb, noun or not
            # `who face ... if convicted`: another clause opens before the verb is found
            verb = next((i for i in range(r + 1, len(lower)) if lower[i] in _CLAUSE_ENDS
                         or lower[i] in _SUBORDINATORS
                         or (could_be_finite_verb(lower, i) and (
                             lower[i] not in lex.nouns or lower[i] in lex.past))),
                        None)
            if verb is None or lower[verb] in _CLAUSE_ENDS or \
                    lower[verb] in _SUBORDINATORS or lower[verb] in AUXILIARIES or \
                    items[verb][0].isupper():
                continue
            # `that the orchestra ... voted had,`: a participle before its auxiliary
            if verb - r >= 4 and lower[verb] in lex.participles and verb + 1 < len(lower) \
                    and lower[verb + 1] in _FINAL_BE and (verb + 2 == len(lower) or
                                                         lower[verb + 2] in _CLAUSE_ENDS):
                yield Hit(doc.tokens[sentence.token_start + r].start,
                          doc.tokens[sentence.token_start + verb + 1].end,
                          f"verb-final clause: the participle '{items[verb]}' comes before "
                          f"its auxiliary '{items[verb + 1]}'", confidence=0.75)
                break
            if verb - r < 6 or (word == "that" and (not r or lower[r - 1] not in lex.nouns)):
                continue  # `said that the work ... will continue`: English order
            after = verb + 1
            while after < len(lower) and lower[after] in lex.adverbs and \
                    lower[after] not in lex.nouns:
                after += 1
            if after < len(lower) and lower[after] not in _CLAUSE_ENDS and not (
                    lower[after] in AUXILIARIES or (lower[after] in lex.finite
                    and lower[after] not in lex.nouns)):
                continue  # the verb has an object or a phrase after it: English order
            stretch = lower[r + 1:verb]
            adverbial = sum(1 for w in stretch if w in PREPOSITIONS and w != "of")
            dated = any(w[:1].isdigit() or w in _MONTHS_AND_DAYS or w in _TIME_NOUNS
                        for w in stretch)
            if adverbial >= 2 or (adverbial and dated):
                start = doc.tokens[sentence.token_start + r].start
                yield Hit(start, doc.tokens[sentence.token_start + verb].end,
                          f"verb-final clause: '{items[verb]}' comes after "
                          f"'{' '.join(items[r + 1:verb])}'", confidence=0.7)
                break


_THERE = word_set("there here")


def _auxiliary_first(doc: Document) -> Iterator[Hit]:
    """`Has won the run-off the centre-left candidate.`: a statement that opens with its verb.

    An auxiliary and a participle open only questions in English (`Has it ended?`) and
    conditions with a subject between them (`Had I known, ...`); before a full stop, a
    sentence that opens `Has won` (or `Has also started`) kept the verb-subject order of
    its source. Null-subject languages leave the subject out altogether: `Is expected
    that ...`, `Believes that ...`, `Already moved 1,200 households ...`.
    """
    tokens = doc.tokens
    body = _reads_as_body(doc)
    for sentence in doc.sentences:
        if sentence.token_end - sentence.token_start < 6 or not sentence.text.endswith(".") \
                or sentence.paragraph not in body:
            continue
        start = _own_start(doc, sentence)
        if sentence.token_end - start < 6 or not tokens[start + 1].text.islower():
            continue
        first = tokens[start].text
        if first.lower() not in _FRONTED_AUXILIARIES and first not in _OPENING_ADVERBS and \
                first not in _OPENING_MODALS and tokens[start + 1].text not in ("that", "to") \
                and tokens[start + 2].text != "that" and not (
                    tokens[start + 1].text in _SUBJECT_START and (
                        first.endswith(("ed", "s")) or first.lower() in lexicon().past)) \
                and not (tokens[start + 1].text in PREPOSITIONS and
                         first.lower() in lexicon().past):
            continue  # cheap test first
        reason = _verb_first(doc, sentence, start)
        if reason:
            yield Hit(sentence.start, sentence.end, reason, confidence=0.75)


# Adverbs after which a verb with no subject opens a statement: `Also plans to ...`.
_OPENING_ADVERBS = frozenset(("Also", "Already", "Recently", "Further", "Additionally"))


def _verb_first(doc: Document, sentence: Sentence, start: int) -> str | None:
    """Why a sentence that opens with an auxiliary, an adverb or `Verb that` has no
    subject before its verb, or None."""
    lex = lexicon()
    texts = token_texts(doc)
    first = texts[start]
    at = start + 1
    while texts[at] in _IN_VERB_GROUP and at + 2 < sentence.token_end:
        at += 1  # `Has also started`
    second, third = texts[at], texts[at + 1]
    comma = "," in texts[start:sentence.token_end]
    if first in _OPENING_ADVERBS:
        # `Also plans to install`, `Already moved around 1,200 households`; with a comma
        # the verb may open a participle clause (`Already moved to Paris, he ...`).
        plans_to = second.endswith("s") and second in lex.finite and third == "to"
        said_that = third == "that" and second in lex.finite and _says(second, reporting=True)
        rest = [w.lower() for w in texts[at:sentence.token_end]]
        # `Recently opened shops ... sell`: a participle before a noun, and a verb later
        bare = not comma and second in lex.finite and second not in lex.nouns and \
            second not in lex.adjectives and (second.endswith("s") or second in lex.past) and \
            not any(could_be_finite_verb(rest, i) for i in range(1, len(rest)))
        # `Also is planned to open a centre`: an impersonal passive with no `it`
        passive = second in _INVERTED_BE and (third in lex.participles or
                                              third in lex.adjectives)
        if plans_to or bare or said_that or passive:
            return f"the sentence opens with '{first} {second}': the verb's subject is missing"
        return None
    if first.lower() in _FRONTED_AUXILIARIES and (
            (second in lex.participles and second not in lex.adjectives and
             second not in lex.nouns) or (first.lower() in _HAVE and second == "been") or
            (first in ("Was", "Were") and second == "born")):
        return f"the sentence opens with its verb '{first} {second}': verb-subject order of " \
               "the source"
    if first in ("Is", "Was", "Are", "Were") and second.endswith("ing") and \
            second in lex.verbs and third in _AFTER_PROGRESSIVE:
        # `Is planning to decide whether to appeal.`: Japanese and Korean leave out a
        # subject the reader knows; a question would end in `?`
        return f"the sentence opens with '{first} {second}': its subject is missing"
    if first in ("Are", "Were") and second in _SUBJECT_START and not comma:
        # `Are the most exposed the young producers.`: a statement (a question would end
        # in `?`; `Were the results known, ...` is a condition)
        return f"the sentence opens with its verb '{first}': verb-subject order of the " \
               "source"
    if first.lower() in _BE and ((second in lex.adjectives and third in ("that", "to")) or (
            first in ("Is", "Was") and (second in lex.adverbs or second in PREPOSITIONS
                                        or second in _SUBJECT_START)
            and second not in _THERE)):
        # `Is expected that the talks resume.`, `Was only by chance that ...`, `Is the
        # first time that ...`: a statement (a question would end in `?`)
        return f"the sentence opens with '{first} {second} {third}': its subject 'It' is " \
               "missing"
    if first in _OPENING_MODALS and second in ("be", "have") and third in lex.participles:
        # `Will be decided in the autumn ...`: an impersonal passive lost its `It`
        return f"the sentence opens with '{first} {second} {third}': its subject is missing"
    if first in _OPENING_MODALS and second in lex.verb_forms and second not in lex.past and (
            at > start + 1 or (second not in lex.nouns and second not in lex.adjectives)
            or third in _SUBJECT_START or third in PREPOSITIONS):
        # `Will also extend the scheme`, `Will open to traffic`: Chinese, Japanese and
        # Korean leave the subject out; `Will` is a name only before a noun or a past
        # form (`Will also said`), and `Will power` is a noun before its verb
        return f"the sentence opens with '{' '.join(texts[start:at + 1])}': the verb's " \
               "subject is missing"
    lower = first.lower()
    saying = _says(lower, reporting=True)
    if second in _SUBJECT_START and (lower in lex.past or (
            lower.endswith("s") and lower in lex.finite)) and \
            lower not in lex.nouns and lower not in lex.adjectives and \
            (not comma or (saying and not _LIST_COLON.search(sentence.text)) or (
                lower in lex.past and lower not in AUXILIARIES and
                third.lower() not in _TIME_NOUNS)) and \
            not any(q in sentence.text for q in _QUOTES):
        # `Announced the ministry on Sunday a new fee scale.`, `Considers the court that
        # ...`: Arabic, Welsh and Spanish put the verb first. With a comma a past form
        # may open a participle clause (`Announced in May, the plan ...`), but not with
        # a determiner right after it, which opens its object (`Inaugurated the minister,
        # ..., the new unit`), unless a time phrase (`Agreed the day before, ...`), nor a
        # verb of saying (`Said the head of the union, Ali Omar, that ...`); `Says the mayor:
        # "..."` fronts an attribution before its quote.
        return f"the sentence opens with its verb '{first}': verb-subject order of the " \
               "source"
    # A past form that is a noun but no base form (`spoke`) still opens with a verb: a
    # bare singular noun does not open a sentence.
    if second in PREPOSITIONS and lower in lex.past and lower not in lex.adjectives and \
            (lower not in lex.nouns or lower not in lex.verb_forms) and \
            lower not in AUXILIARIES and \
            _phrase_then_subject(texts, at + 1, sentence.token_end, lex):
        # `Voted for the resolution 21 councillors`, `Participated in the talks the
        # mayor and ...`: Polish and Portuguese put an intransitive verb first; a
        # participle clause would close its phrase with a comma (`Located in the
        # centre, the hotel ...`)
        return f"the sentence opens with its verb '{first}': verb-subject order of the " \
               "source"
    if second == "to" and third in lex.verb_forms and (
            first in _INFINITIVE_TAKERS or (lower in lex.past and not comma)):
        rest = [w.lower() for w in texts[at + 2:sentence.token_end]]
        # `to widen the road and build a roundabout`: a second infinitive is no main verb
        if not any(may_be_main_verb(rest, i) and not (
                rest[i - 1] in ("and", "or") and rest[i] in lex.verb_forms)
                   for i in range(1, len(rest))):
            # `Plans to complete the berth by 2027.`, `Decided to close the pool ...`:
            # with a verb later, `Plans` would be the subject (`Plans to close the school
            # drew protests`); with a comma `Determined to win, ...` opens a phrase
            return f"the sentence opens with '{first} to {third}': the verb's subject is " \
                   "missing"
    if second == "that" and lower in lex.finite and (
            lower not in lex.nouns or _one_verb_group(texts, at + 1, sentence.token_end)) and \
            (lower not in lex.adjectives or saying) and third.lower() in _THAT_OPENERS and (
                lower.endswith("s") or (lower in lex.past and (saying or not comma))):
        # `Believes that the losses ...`, `Said that the line ...`, `Admitted also that
        # ...`: Spanish, Italian, Portuguese, Korean and the Slavic languages leave the
        # subject out (`Convinced that ..., he` is an adjective and its clause). A noun
        # (`Estimates that ...`) opens a subject only if a verb follows its clause.
        return f"the sentence opens with '{first} {second}': the verb's subject is missing"
    return None


# Words that open a counted subject (`more than 38,000 fans`, `about 200 people`).
_COUNTS = _COUNT_WORDS | word_set("about around nearly almost some")


def _phrase_then_subject(texts: list[str], at: int, end: int, lex: Lexicon) -> bool:
    """A noun phrase from `at` (within five words, no comma) whose noun is followed at
    once by a determiner or a number: a second noun phrase, the verb's subject."""
    for i in range(at, min(at + 6, end - 2)):
        word = texts[i]
        dated = word.lower() in _MONTHS_AND_DAYS  # `into force on Monday the new rules`
        if not word[0].isalpha() or (word[0].isupper() and not dated):
            return False
        after = texts[i + 1]
        if (word in lex.nouns or word in lex.plurals or dated) and word not in FUNCTION_WORDS and (
                after in _SUBJECT_START or after in _COUNTS or after[0].isdigit()):
            # `Started in the spring the works will end`: a participle clause that lost
            # its comma, since a verb follows
            # (from the subject's first word: `the new rules` is a noun phrase)
            rest = list(takewhile(lambda w: w != ",", texts[i + 1:end]))
            lower = [w.lower() for w in rest]
            return not any(could_be_finite_verb(lower, j) and not rest[j][0].isupper()
                           for j in range(len(rest)))  # capitals: names, not verbs
    return False


# Modals that open a statement only when its subject is missing (`May` is a month,
# `Will` a name).
_OPENING_MODALS = frozenset(("Will", "Would", "Can", "Could", "Must", "Should"))


# What follows a progressive with an object or an infinitive (`Is planning to`).
_AFTER_PROGRESSIVE = _SUBJECT_START | word_set("to that a an")
# Verbs in -s that take an infinitive and may open a sentence as plural nouns.
_INFINITIVE_TAKERS = frozenset(("Plans", "Aims", "Intends", "Hopes", "Expects", "Wants",
                                "Seeks", "Needs", "Wishes", "Promises", "Agrees", "Refuses"))
_THAT_OPENERS = _SUBJECT_START | word_set("around about some many most all more over it "
                                           "they he she we there")


def _one_verb_group(texts: list[str], start: int, end: int) -> bool:
    """Whether the words from `start` hold one verb group at most: a `that` clause with
    no main clause's verb after it."""
    rest = [w.lower() for w in texts[start:end]]
    verbs = [i for i in range(len(rest)) if may_be_main_verb(rest, i)]
    # An auxiliary after a full verb opens the next group (`will double were dismissed`).
    return sum(1 for i in verbs if i - 1 not in verbs or (
        rest[i] in AUXILIARIES and rest[i - 1] not in AUXILIARIES)) <= 1


_INVERTED_BE = word_set("was were is are")
_TIME_WORDS = word_set("last next this every yesterday today tonight ago meanwhile also")


def _adverbial_openings(doc: Document) -> list[tuple[Sentence, int]]:
    """Body sentences of six tokens or more that open with a preposition or a time word
    (after a dateline or an opening quote), with the index of that first word."""
    def compute(d: Document) -> list[tuple[Sentence, int]]:
        body = _reads_as_body(d)
        texts = token_texts(d)
        out = []
        for sentence in d.sentences:
            if sentence.paragraph not in body:
                continue
            start = _own_start(d, sentence)
            while start < sentence.token_end and texts[start] in _QUOTES:
                start += 1
            if sentence.token_end - start >= 6 and texts[start].lower() in _OPENING_ADVERBIALS:
                out.append((sentence, start))
        return out
    return memoized(doc, "broken.adverbial-openings", compute)


def _passive_inversion(doc: Document) -> Iterator[Hit]:
    """`In the region were recorded 40 new cases.`: a passive whose subject follows it.

    Slavic and Romance languages open a sentence with a place or a time and put the
    subject after the verb; English needs the subject first (`40 new cases were
    recorded in the region`). Before the verb stand only adverbials: phrases that open
    with a preposition and hold one noun phrase, or time words.
    """
    texts = token_texts(doc)
    lex = lexicon()
    for sentence, start in _adverbial_openings(doc):
        if not sentence.text.endswith("."):
            continue
        words = [w.lower() for w in texts[start:sentence.token_end - 1]]
        be = next((i for i, w in enumerate(words) if w in AUXILIARIES
                   or (w in lex.finite and w not in lex.nouns and w not in lex.adjectives)),
                  None)
        if be is None or be < 2 or be + 3 >= len(words):
            continue
        first = be
        if words[be] in MODALS and words[be + 1] == "be":
            be += 1  # `From March will be cancelled the parties`
        elif words[be] not in _INVERTED_BE:
            continue
        while be + 3 < len(words) and words[be + 1] in _IN_VERB_GROUP:
            be += 1  # `were also recorded`
        participle, after = words[be + 1], words[be + 2]
        while after in _IN_VERB_GROUP and be + 3 < len(words):
            be += 1  # `will be cancelled also the parties`
            after = words[be + 2]
        if participle not in lex.participles or participle in lex.nouns or not (
                after in _SUBJECT_START or after[:1].isdigit() or after in lex.adjectives
                or after in _COUNT_WORDS):
            continue
        if _adverbials_only(words[:first]):
            yield Hit(sentence.start, sentence.end, f"passive with its subject after the "
                      f"verb: '{' '.join(texts[start + first:start + be + 2])}' comes before "
                      f"what was {participle}", confidence=0.7)


# Auxiliaries that a fronted adverbial cannot pull before the subject in a statement
# (`be` can: `Here is the plan`, `Among the dead was a child`).
_V2_AUXILIARIES = word_set("has have had will would can could did does do must should")
# Fronted words after which English does invert: `Never has`, `Only then did`, `So do we`.
_INVERSION_TRIGGERS = word_set("never not only rarely seldom hardly scarcely little nowhere "
                               "no nor neither so such barely as than")
_SUBJECT_PRONOUNS = word_set("he she it they we i you")
_BE_SUBJECT_PRONOUNS = _SUBJECT_PRONOUNS | word_set("this that these those")
_FRONTED_ADVERBS = word_set("today yesterday tomorrow now then recently already soon later "
                            "earlier meanwhile afterwards also still")
_OPENING_ADVERBIALS = PREPOSITIONS | _FRONTED_ADVERBS | _TIME_WORDS
_FRONTED_CLAUSE_OPENERS = _SUBORDINATORS | _SUBORDINATING_PREPOSITIONS | _OPENING_ADVERBIALS


def _fronted_auxiliary(doc: Document) -> Iterator[Hit]:
    """`Today has the court decided ...`: a time or place put first, then the auxiliary
    before the subject.

    German, Dutch and the Scandinavian languages keep the verb second whatever opens
    the clause; English keeps subject before auxiliary (`Today the court has decided`)
    and inverts only after negative or restrictive words (`Never has ...`, `Only then
    did ...`), in questions, and before `be` (`Among the injured was ...`).
    """
    texts = token_texts(doc)
    for sentence, start in _adverbial_openings(doc):
        if sentence.text.rstrip(_QUOTES).endswith("?"):
            continue
        words = [w.lower() for w in texts[start:min(sentence.token_end, start + 9)]]
        verb = _inverted_that_verb(words)
        if verb is not None:
            yield Hit(sentence.start, sentence.end, f"'{texts[start + verb]} "
                      f"{texts[start + verb + 1]}': the verb comes before its subject after "
                      f"'{' '.join(texts[start:start + verb])}' (verb-second order of the "
                      "source)", confidence=0.75)
            continue
        aux = next((i for i, w in enumerate(words) if w in AUXILIARIES or not w[0].isalnum()
                    or w in _INVERSION_TRIGGERS or (w in lexicon().finite
                                                    and w not in lexicon().nouns)), None)
        if aux is not None and 0 < aux < len(words) - 2 and (
                _inverted_past(words, aux) or _inverted_intransitive(
                    texts, words, aux, start, sentence.token_end)):
            yield Hit(sentence.start, sentence.end, f"'{texts[start + aux]} "
                      f"{texts[start + aux + 1]}': the verb comes before its subject after "
                      f"'{' '.join(texts[start:start + aux])}' (verb-second order of the "
                      "source)", confidence=0.75)
            continue
        if aux is None or aux + 2 >= len(words) or not (
                (words[aux] in _V2_AUXILIARIES and (words[aux + 1] in _SUBJECT_START
                                                     or words[aux + 1] in _SUBJECT_PRONOUNS
                                                     or _bare_plural_then_verb(words, aux + 1)))
                or (words[aux] in _INVERTED_BE and (
                    words[aux + 1] in _BE_SUBJECT_PRONOUNS
                    or _passive_after_subject(texts, start + aux + 1, sentence.token_end)))):
            continue  # `Among the dead was a child` inverts `be` with a noun, not `is this`
        if (aux > 1 and not _adverbials_only(words[:aux])) or words[aux - 1] == "to":
            continue  # `To do this, the city ...`: an infinitive, not an inversion
        yield Hit(sentence.start, sentence.end, f"'{texts[start + aux]} "
                  f"{texts[start + aux + 1]}': the auxiliary comes before the subject after "
                  f"'{' '.join(texts[start:start + aux])}' (verb-second order of the source)",
                  confidence=0.75)


def _inverted_past(words: list[str], verb: int) -> bool:
    """`On Sunday evening cancelled the ferry company ...`: after the adverbial, a past
    verb that takes an object, then a subject.

    English inverts only verbs of place and motion (`On the hill stood a castle`,
    `Then followed a debate`); a regular past of a verb with an object does not.
    """
    lex = lexicon()
    word = words[verb]
    return word.endswith("ed") and word in lex.past and word not in lex.nouns and \
        word not in lex.adjectives and word not in _intransitive_forms() and \
        not _LOCATIVE_INVERSION.intersection(lex.verb_lemmas.get(word, ())) and \
        words[verb + 1] in _SUBJECT_START and _adverbials_only(words[:verb])


def _bare_plural_then_verb(words: list[str], at: int) -> bool:
    """`have municipal enforcement officers already removed`: from `at`, modifiers and a
    plural noun with no determiner, perhaps an adverb, then a participle."""
    lex = lexicon()
    i = at
    while i < len(words) and i < at + 3 and words[i] not in lex.plurals and (
            words[i] in lex.adjectives or words[i] in lex.nouns or words[i].endswith("ing")
            or not lex.knows(words[i])) and words[i] not in FUNCTION_WORDS:
        i += 1  # `municipal parking wardens`
    if i >= len(words) or words[i] not in lex.plurals:
        return False
    i += 1
    if i < len(words) and words[i] in _IN_VERB_GROUP:
        i += 1
    return i < len(words) and words[i] in lex.participles and words[i] not in lex.adjectives


def _inverted_intransitive(texts: list[str], words: list[str], verb: int, start: int,
                           end: int) -> bool:
    """`In the rescue took part 40 firefighters`, `Last year passed through the port
    almost 510,000 passengers`: after the adverbial, a past verb, its phrase, then a
    counted subject (English puts a place verb first only before a plain noun phrase:
    `On the hill stood a castle`)."""
    lex = lexicon()
    word = words[verb]
    return word in lex.past and word not in lex.nouns and word not in lex.adjectives and \
        _adverbials_only(words[:verb]) and \
        _phrase_then_subject(texts, start + verb + 1, end, lex) and any(
            w[:1].isdigit() or w.lower() in _COUNTS
            for w in texts[start + verb + 1:min(end, start + verb + 8)])


# Verbs of place and motion that English puts before their subject after an adverbial.
_LOCATIVE_INVERSION = word_set("follow walk enter step stretch loom hang live rest lie "
                               "stand sit come go run remain appear emerge arrive")


def _inverted_that_verb(words: list[str]) -> int | None:
    """`Now hope the fishermen that ...`: after the adverbial, a verb that takes a `that`
    clause, its subject, and the clause: the index of the verb, or None."""
    lex = lexicon()
    for verb in range(1, min(4, len(words) - 3)):
        word = words[verb]
        fronted = _adverbials_only(words[:verb]) or (verb == 1 and words[0] in _FRONTED_ADVERBS)
        if word in lex.finite and words[verb + 1] in _SUBJECT_START and fronted and (
                _takes_that_clause(word) or _says(word, reporting=True)):
            rest = words[verb + 2:verb + 6]
            return verb if "that" in rest[1:] and all(
                w.isalpha() and w not in FUNCTION_WORDS for w in rest[:rest.index("that")]) \
                else None
    return None


def _passive_after_subject(texts: list[str], at: int, end: int) -> bool:
    """`... was every tenth departure cancelled,`: after `be`, a noun phrase and then the
    participle that ends the clause (`a letter signed by him` is a noun phrase)."""
    lex = lexicon()
    if texts[at].lower() not in _SUBJECT_START and texts[at].lower() not in _EVERY:
        return False
    for i in range(at + 1, min(at + 5, end - 1)):
        word = texts[i].lower()
        if word in lex.participles and word not in lex.adjectives and word not in lex.nouns:
            return not texts[i + 1][0].isalnum()
        if not word.isalpha() or word in FUNCTION_WORDS:
            return False
    return False


_EVERY = word_set("every each all both many most several some")
_APPROXIMATE = word_set("about around over under nearly almost some roughly")


def _adverbials_only(words: list[str]) -> bool:
    """Prepositional phrases with one noun phrase each, and time words: no subject."""
    lex = lexicon()
    in_phrase = noun_seen = False
    for i, word in enumerate(words):
        if not word[:1].isalnum():
            return False  # `In total, the firm was fined`: the comma sets off a subject
        if word in _APPROXIMATE and i + 1 < len(words) and (
                words[i + 1][:1].isdigit() or words[i + 1] in _COUNT_WORDS):
            return False  # `About 400 fans missed ...`: a counted subject
        if word in PREPOSITIONS:
            in_phrase, noun_seen = True, False
        elif word in _TIME_WORDS or word in _TIME_NOUNS or word in _MONTHS_AND_DAYS:
            noun_seen = True
        elif (word in DETERMINERS and noun_seen) or word in _SUBJECT_PRONOUNS:
            return False  # `In 2019 the company`, `For years we`: a subject
        elif not in_phrase and word not in lex.adverbs:
            return False
        elif word in lex.nouns or word[:1].isdigit() or not lex.knows(word):
            noun_seen = True
    return True


def _late_verb(doc: Document) -> Iterator[Hit]:
    """`The police the suspect at the border arrested after a search.`: two noun phrases
    side by side, then the clause's only verb, with more words before it.

    A subject, then an object and an adverbial, then the verb is source-language order.
    English allows two noun phrases in a row before a verb only when the second opens a
    contact relative clause (`the players the coach picked are fit`), which then holds
    a second verb, or after an adverbial phrase (`In Paris the police arrested`). The
    clause may open the sentence, follow `that` (`said that the workers the strike
    would continue`) or follow an opening phrase and its comma (`According to the
    union, the workers the strike ...`).
    """
    lex = lexicon()
    body = _reads_as_body(doc)
    texts = token_texts(doc)
    for sentence, hints in _sentences_of(doc, _run_on_hints(doc)):
        start = sentence.token_start
        if not any(start + 2 <= h < sentence.token_end - 3 for h in hints) or \
                sentence.paragraph not in body or not sentence.text.endswith(".") or \
                any(c in sentence.text for c in _QUOTES):
            continue  # cheap test first: a determiner right after a noun, then words
        items = list(texts[start:sentence.token_end - 1])
        lower = [w.lower() for w in items]
        if not _mostly_english(items):
            continue
        # A past form that ends the clause is its verb even if it may be an adjective
        # (`The organizers the number of visitors at 400,000 estimated, which ...`).
        # A participle after a determiner is an adjective (`the damaged roofs`).
        verbs = [i for i, w in enumerate(items) if (_only_verb(w, i) and not (
            i and lower[i] in lex.participles and lower[i - 1] in DETERMINERS)) or (
            lower[i] in lex.past and i + 1 < len(items) and items[i + 1] == ","
            and lower[i] not in lex.nouns)]
        for opens in _clause_starts(lower, verbs):
            found = _late_verb_at(lower, items, verbs, opens)
            if found is not None:
                b, first = found
                yield Hit(sentence.start, sentence.end, f"verb-final word order: "
                          f"'{items[b - 1]} {items[b]}' puts a second noun phrase after the "
                          f"subject, and the verb '{items[first]}' comes only after it",
                          confidence=0.7)
                break


def _clause_starts(lower: list[str], verbs: list[int]) -> Iterator[int]:
    """Where a clause opens: the sentence's start (unless a link word opens it), after
    `that`, and after a comma that no verb comes before (an opening phrase's)."""
    if lower[0] not in _SUBORDINATORS and lower[0] not in _SUBORDINATING_PREPOSITIONS and \
            lower[0] not in _LINKERS:
        yield 0
    first_verb = verbs[0] if verbs else len(lower)
    for i, w in enumerate(lower):
        if w == "that" or (w == "," and 2 <= i < first_verb):
            yield i + 1


# `and` and `or` may join the noun phrases of a clause with no verb yet (`the oil and
# the noise of the engines the birds disturbed`); other links open a clause of their own.
_PHRASE_LINKERS = _LINKERS - word_set("and or")


def _late_verb_at(lower: list[str], items: list[str], verbs: list[int],
                  opens: int) -> tuple[int, int] | None:
    """The boundary between the two noun phrases and the late verb of the clause that
    opens at `opens`, or None when the clause is in English order."""
    first = next((v for v in verbs if v >= opens), None)
    if first is None or first - opens < 5:
        return None
    head = lower[opens:first]
    lex = lexicon()
    if _BREAKS.intersection(head) or any(
            (w in _PHRASE_LINKERS and w not in _SUBORDINATING_PREPOSITIONS and not (
                w == "than" and i and head[i - 1] in _COMPARING))
            or (w in ("and", "or") and not _joins_noun_phrases(head, i, min(len(head), i + 3))
                and not _joins_names(items[opens:first], i))
            or (w == "to" and head[i + 1:i + 2] and head[i + 1] in lex.verbs)
            for i, w in enumerate(head)) or \
            any(not w[0].isalnum() and w != "'s" for w in head):
        return None  # `more than 400,000` counts; any other link opens a clause, and an
        # infinitive (`plans to test`) shows a verb before
    # The clause runs to the first link, comma or second verb group.
    end = next((i for i in range(first + 1, len(lower)) if lower[i] in _LINKERS
                or lower[i] in _BREAKS), len(lower))
    if lower[end - 2] == "to" or lower[end - 1] in PREPOSITIONS:
        return None  # `the estate the new line was built to serve,`: a contact relative
        # clause whose object is the gap at its end
    # An auxiliary that ends the clause right after the verb is its source-order tail
    # (`not alone carry can and`); `in May will` puts a month, not a modal, before it.
    if any(first < v < end and (lower[v - 1] not in AUXILIARIES or items[v - 1] == "May")
           and lower[v - 1] not in _IN_VERB_GROUP
           and not (v == first + 1 == end - 1 and lower[v] in AUXILIARIES) for v in verbs):
        return None  # a second verb: a contact relative clause and its main verb
    boundaries = [b for b in range(opens + 2, first - 2)
                  if _second_noun_phrase(lower, items, b)
                  and not _TIME_NOUNS.intersection(lower[b + 1:b + 3])]
    if not boundaries:
        return None
    b = boundaries[0]
    # A preposition that opens the clause or follows a word that is no noun makes the
    # first noun phrase an adverbial (`Meanwhile in Paris the police ...`); then it takes
    # a second boundary. After a noun it belongs to it (`the water in the gulf`).
    if len(boundaries) < 2 and any(
            w in PREPOSITIONS and w != "of" and (
                i == opens or (lower[i - 1] not in lex.nouns
                               and (i - 1 == 0 or not items[i - 1][0].isupper())))
            for i, w in enumerate(lower[opens:b], opens)):
        return None
    return b, first


_COMPARING = word_set("more less fewer")


def _only_verb(word: str, i: int) -> bool:
    """An auxiliary, or a verb form that is no noun, adjective or gerund (not a name)."""
    lex = lexicon()
    lower = word.lower()
    return lower in AUXILIARIES or (
        lower in lex.verbs and lower not in lex.nouns and lower not in lex.adjectives
        and not lower.endswith("ing") and (i == 0 or not word[0].isupper()))


def _verb_final_reason(lower: list[str], words: list[str]) -> str | None:
    lex = lexicon()
    if lower[-1] in _FINAL_BE and lower[-2] in lex.participles and \
            lower[-2] not in lex.nouns and lower[-2] not in lex.adjectives:
        return f"the participle '{words[-2]}' comes before its auxiliary '{words[-1]}'"
    # Only words that are never nouns count as verbs here: in `the target orbit reached`
    # the noun reading of `orbit` is the one that leaves a sentence.
    # A past form that ends the sentence is its verb even if it may be an adjective
    # (`... 12 students for a course accepted.`).
    verbs = [i for i, w in enumerate(lower) if w in AUXILIARIES or (
        w in lex.verbs and w not in lex.nouns and (
            w not in lex.adjectives or (i == len(lower) - 1 and w in lex.past))
        and not w.endswith("ing") and (i == 0 or not words[i][0].isupper()))]
    if not verbs:
        return None
    first = verbs[0]
    # (`the apprenticeships he offered`: a contact relative clause ends the sentence)
    if lower[first] in _HAVE and first < len(lower) - 2 and lower[-1] in lex.participles \
            and lower[-2] not in _SUBJECT_PRONOUNS \
            and len(verbs) == 2 and any(w in PREPOSITIONS or w[:1].isdigit()
                                        for w in lower[first + 1:-1]) and \
            not any(w in _SUBORDINATORS or w in _SUBORDINATING_PREPOSITIONS
                    for w in lower[first + 1:-1]):  # `since their children graduated`
        return f"'{words[first]}' is separated from its participle '{words[-1]}'"
    if any(w not in lex.verbs and w not in _IN_VERB_GROUP and w not in lex.adverbs
           for w in lower[first:]) or \
            sum(1 for w in lower[first:] if w not in AUXILIARIES and w in lex.verbs
                and w not in lex.adverbs) > 1:
        return None  # the first verb does not end the sentence, or two verbs meet
    boundaries = [b for b in range(1, first) if _second_noun_phrase(lower, words, b)]
    if lower[0] in PREPOSITIONS and len(boundaries) < 2:
        return None  # `In the region the fires continued.`
    if not boundaries:
        return None
    b = boundaries[-1]
    return (f"'{words[b - 1]} {words[b]}': a second noun phrase follows the subject, and "
            f"the verb '{words[-1]}' comes last")


def _second_noun_phrase(lower: list[str], words: list[str], b: int) -> bool:
    """A determiner right after a noun or a name: a new noun phrase with no link before it.
    `too heavy a burden`, `so big a deal` put the adjective before the article."""
    if lower[b] not in _SUBJECT_START:
        return False
    before = lower[b - 1]
    if b > 1 and lower[b - 2] in _DEGREE_WORDS:
        return False
    lex = lexicon()
    if before in FUNCTION_WORDS or before in _TIME_NOUNS or before in _MONTHS_AND_DAYS or \
            before.endswith("ing") or (before in lex.adverbs and before not in lex.nouns):
        return False
    if could_be_finite_verb(lower, b - 1) or (b > 1 and lower[b - 2] == "to"
                                              and before in lex.verbs):
        return False  # `the more they pay the less they have`; `to test the buses`
    return before in lex.nouns or (words[b - 1][0].isupper() and b - 1 > 0)


def _preposition_of(doc: Document) -> Iterator[Hit]:
    """`between of the company`: a preposition that cannot take `of` after it."""
    for m in _preposition_of_re().finditer(_codes(doc).text):
        first, second = doc.tokens[m.start()], doc.tokens[m.start() + 1]
        if doc.text[first.end:second.start].strip(" \t") == "" and \
                first.text.lower() in _BEFORE_OF and second.text.lower() == "of":
            yield Hit(first.start, second.end, f"'{doc.text[first.start:second.end]}': two "
                      "prepositions in a row (garbled word order)", confidence=0.8)


def _double_modals(doc: Document) -> Iterator[Hit]:
    """`will can`: two different modal verbs in a row."""
    for m in _double_modal_re().finditer(_codes(doc).text):
        first, second = doc.tokens[m.start()], doc.tokens[m.start() + 1]
        # `in May will`: the month, unless `May` opens a sentence (`May we`)
        if first.text.lower() != second.text.lower() and second.text.lower() in MODALS \
                and first.text.lower() in MODALS and "\n" not in doc.text[first.end:second.start] \
                and not (first.text == "May" and m.start() and doc.tokens[m.start() - 1].text
                         not in ".!?\"“”"):
            yield Hit(first.start, second.end, f"two modal verbs in a row: "
                      f"'{doc.text[first.start:second.end]}'", confidence=0.85)


# Verbs that take an adjective or participle after their object (`declared closed`).
_SMALL_CLAUSE = word_set(
    "declare consider deem pronounce find leave keep report think believe judge rule "
    "presume get make render label list mark show prove"
)


@cache
def _preposition_of_re() -> re.Pattern[str]:
    return re.compile(f"[{_codes_of(sorted(_BEFORE_OF))}]{_CODES.code_of('of')}")


@cache
def _double_modal_re() -> re.Pattern[str]:
    return re.compile(f"[{_codes_of(sorted(MODALS))}]{{2}}")


# Adjectives that classify (`municipal`, `economic`): English puts them before their
# noun, never after it as it may others (`the members present`, `funds available`).
# Those that are nouns too (`the public`, `the military`, `a local`) are left out.
_CLASSIFYING = word_set(
    "municipal regional provincial economic political financial cultural agricultural "
    "industrial residential educational judicial presidential parliamentary ministerial "
    "environmental technical administrative electoral legislative urban metropolitan "
    "governmental departmental diplomatic fiscal ecological scientific sanitary postal "
    "territorial electric electrical nuclear digital") | word_set(
        "outgoing incoming")  # and two that only go before a noun


def _adjective_after_noun(doc: Document) -> Iterator[Hit]:
    """`The Civil Defence municipal also condemned`: the sentence's subject, then a
    classifying adjective that belongs before it, then the verb, a preposition or a
    comma (`The mayor outgoing, Paolo Rinaldi, said`)."""
    present = _CLASSIFYING.intersection(vocabulary(doc))
    if not present:
        return
    texts, tokens = token_texts(doc), doc.tokens
    lex = lexicon()
    body = _reads_as_body(doc)
    for sentence, start in zip(doc.sentences, _own_start_list(doc), strict=True):
        # Cheap test first: one of the adjectives among the sentence's first words.
        if present.isdisjoint(texts[start + 1:start + 6]) or sentence.paragraph not in body:
            continue
        first = i = start + (texts[start].lower() in _SUBJECT_START)
        stop = min(sentence.token_end - 1, first + 4)
        while i < stop and _noun_or_name(texts[i], i == start, lex):
            i += 1
        if i == first or i >= stop or texts[i] not in _CLASSIFYING:
            continue
        after = texts[i + 1].lower()
        if after in PREPOSITIONS or after in _IN_VERB_GROUP or after in AUXILIARIES or \
                after == "," or (
                after in lex.finite and after not in lex.nouns):
            yield Hit(tokens[first].start, tokens[i].end, f"'{texts[i]}' follows its noun "
                      f"'{texts[i - 1]}' (source word order)", confidence=0.75)


def _noun_or_name(word: str, opens: bool, lex: Lexicon) -> bool:
    """A noun, or a capitalized word of a name (the sentence's first word only if it is a
    noun in lower case)."""
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in _CLASSIFYING:
        return False
    if word[0].isupper() and not opens:
        return True
    return lower in lex.nouns or lower in lex.plurals
