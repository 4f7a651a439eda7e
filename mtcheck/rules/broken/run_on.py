"""Two sentences merged into one: no punctuation, a comma alone, or a bare adverb between."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from mtcheck.analyze import memoized, sentence_at, token_texts, vocabulary
from mtcheck.english import (
    AUXILIARIES,
    DETERMINERS,
    FUNCTION_WORDS,
    MODALS,
    PREPOSITIONS,
    could_be_finite_verb,
    data_sections,
    lexicon,
    word_set,
)
from mtcheck.model import Document, Hit
from mtcheck.rules.broken._codes import (
    _run_on_hints,
    agreement_letters,
    comma_hints,
    comma_pronoun_hints,
    pronoun_hints,
    subject_opener_hints,
)
from mtcheck.rules.broken._shared import (
    _BE,
    _COUNT_WORDS,
    _GAP,
    _IN_VERB_GROUP,
    _LINKERS,
    _LIST_COLON,
    _MONTHS_AND_DAYS,
    _QUOTES,
    _RELATIVE,
    _REPORTING,
    _SUBJECT_START,
    _SUBORDINATING_PREPOSITIONS,
    _SUBORDINATORS,
    _TIME_NOUNS,
    _intransitive_forms,
    _joins_names,
    _joins_noun_phrases,
    _mostly_english,
    _own_start,
    _reads_as_body,
    _saying_lemmas,
    _says,
    _sentences_of,
    _words,
)
from mtcheck.rules.registry import RuleContext, rule


@lru_cache(maxsize=1)
def _clause_taking() -> frozenset[str]:
    return frozenset(data_sections("broken_verbs.txt")["clause-taking"])


@rule("broken.run-on", category="broken", severity="major",
      bad=["The court rejected the appeal in Ankara the lawyers will apply to the higher "
           "court.",
           "The plant will employ 400 workers the first cars are expected in the spring of "
           "next year.",
           "The mayor will visit the site next week the residents demand a new bridge over "
           "the river.",
           "The storm hit dozens of fishing villages many of them are still without power.",
           "The crews worked all night, they cleared the road, they reopened it at dawn.",
           "The board met in private on Thursday it approved the new budget.",
           "Fares will rise in the spring The operator blames the price of fuel.",
           "The vote was held until late at night, the workers chose to strike."],
      good=["The court rejected the appeal the lawyers had filed in March last year.",
            "He told reporters at the airport the plan would fail next year.",
            "She praised the work the volunteers did in the flooded villages last week.",
            "The day the war ended was a Tuesday."])
def run_on(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """Two sentences merged without punctuation: `...on Monday the lawyers will apply...`.

    A second clause starts where a determiner follows a noun or a number with no comma,
    conjunction or relative word since the last verb, and a complete verb follows it (an
    auxiliary, or a verb with its own object). Contact relative clauses (`the appeal
    the lawyers filed`), clauses after verbs of saying (`told reporters the plan would
    fail`) and time phrases (`the day the war ended`) are left alone.
    """
    spliced = list(_comma_splices(doc))
    yield from spliced
    yield from _pronoun_splices(doc, {hit.start for hit in spliced})
    yield from _adverb_joins(doc)
    yield from _capitalized_restarts(doc)
    yield from _pronoun_clauses(doc)
    yield from _partitive_clauses(doc)
    yield from _and_chains(doc)
    tokens = doc.tokens
    body = _reads_as_body(doc)
    nouns = lexicon().nouns
    bare = set(_bare_subject_hints(doc))
    hints = sorted({*_run_on_hints(doc), *bare})
    for sentence in doc.sentences:
        if sentence.paragraph not in body or sentence.token_end - sentence.token_start < 13 \
                or not sentence.text.endswith("."):
            continue
        at = bisect_left(hints, sentence.token_start + 3)
        if at == len(hints) or hints[at] >= sentence.token_end - 2:
            continue  # cheap test first: a determiner after a content word
        items = [t.text for t in tokens[sentence.token_start:sentence.token_end]]
        if any(c in sentence.text for c in _QUOTES) or ";" in items or \
                _LIST_COLON.search(sentence.text):
            continue
        lower = [w.lower() for w in items]
        if lower[0] in _SUBORDINATORS or lower[0] in _SUBORDINATING_PREPOSITIONS or \
                _object_left_at_end(lower):
            continue
        # Cheap test first: a determiner (or a bare plural with its verb: `on Monday
        # workers blocked`) right after a word that is no function word.
        # After another noun or a name a bare plural is a compound's head (`energy
        # vehicles`, `Paris residents`), so it opens a clause only after a date or a time.
        starts = [b for b in range(3, len(items) - 2) if (
                      (lower[b] in _SUBJECT_START and lower[b - 1] not in FUNCTION_WORDS and (
                          lower[b - 1] in nouns or items[b - 1][0].isupper()
                          or items[b - 1][0].isdigit()))
                      or (b + sentence.token_start in bare and (
                          lower[b - 1] in _MONTHS_AND_DAYS or lower[b - 1] in _TIME_NOUNS
                          # a year; other numbers count the plural (`in 14 districts`)
                          or (len(lower[b - 1]) == 4 and lower[b - 1].isdigit()))))]
        if not starts:
            continue
        verbs = [i for i in range(len(items)) if items[i][0].isalpha() and (
            i == 0 or not items[i][0].isupper()) and could_be_finite_verb(lower, i)]
        if len(verbs) < 2:
            continue
        for b in starts:
            where = _second_clause(items, lower, verbs, b)
            if where is not None:
                yield Hit(sentence.start, sentence.end, f"run-on sentence: a new clause "
                          f"starts at '{' '.join(items[b:where + 1])}' with no "
                          "punctuation before it", confidence=0.7)
                break


def _object_left_at_end(lower: list[str]) -> bool:
    """`... an agreement the unions accused employers of failing to honour.`: the sentence
    ends in a verb or a preposition with its object gone, the gap of a contact relative
    clause before it."""
    last = lower[-2]
    return last in PREPOSITIONS or (lower[-3] == "to" and last in lexicon().verbs)


_SPLICE_SUBJECTS = word_set("it he she they we")
# Links that make what follows them part of another clause; `and`, `or` and `but` join
# noun phrases (`Luleå and Sundsvall`) or clauses of equal rank, which a comma splice may
# follow as well.
_CLAUSE_LINKERS = _LINKERS - word_set("and or but")
# What opens the clause a verb of saying reports: `..., they say that (they) ...`.
_REPORTED_CLAUSE = word_set("that he she it they we the a an its their")
_PARTITIVES = word_set("many some most all none one both several each few half")
# A sentence adverb, then a subject: `... in June afterwards he moves to Vienna.`
_JOIN_ADVERBS = word_set("however afterwards meanwhile therefore moreover furthermore "
                         "nevertheless nonetheless subsequently thereafter consequently")
_JOIN_ADVERB_FORMS = _JOIN_ADVERBS | {w.capitalize() for w in _JOIN_ADVERBS}
_WORD_THEN_GAP = re.compile(rf"(?P<before>[\w%'’-]+){_GAP}$")


@lru_cache(maxsize=64)
def _adverb_join_re(adverbs: frozenset[str]) -> re.Pattern[str]:
    """The adverbs a document holds (as written), then a subject. The scan starts at the
    adverb, a literal; the word before it is looked up afterwards (a pattern that opens
    with a word class tries every position of the text)."""
    return re.compile(rf"(?P<adverb>{'|'.join(sorted(adverbs))}){_GAP}"
                      rf"(?P<subject>(?i:he|she|it|they|we|the|a|an|this|these|its|their)){_GAP}")


def _capitalized_restarts(doc: Document) -> Iterator[Hit]:
    """`... at the end of the year The workers were told ...`: a capitalized `The` or
    `They` in the middle of a sentence, then a word in lower case and a verb: the full
    stop between two sentences went missing (a title goes on in capitals: `the novel The
    Old Man and the Sea`)."""
    tokens = doc.tokens
    texts = token_texts(doc)
    body = _reads_as_body(doc)
    for i in subject_opener_hints(doc):
        word = texts[i]
        # Title case only: `the IT sector`, `plan A was` are an acronym and a label
        if not word[0].isupper() or not word[1:].islower() or i == 0 or \
                i + 2 >= len(texts) or \
                not texts[i - 1][0].isalnum() or not texts[i + 1].isalpha() or (
                    # `Nghệ An province`: a name goes on in capitals
                    texts[i - 1][0].isupper() and texts[i - 1].lower() not in _MONTHS_AND_DAYS) or \
                not texts[i + 1].islower() or \
                "\n" in doc.text[tokens[i - 1].end:tokens[i].start]:
            continue
        sentence = sentence_at(doc, tokens[i].start)
        if sentence is None or sentence.paragraph not in body or \
                i <= _own_start(doc, sentence) or any(c in sentence.text for c in _QUOTES):
            continue
        after = [w.lower() for w in texts[i:min(i + 7, sentence.token_end)]]
        if any(could_be_finite_verb(after, k) for k in range(1, len(after))):
            yield Hit(tokens[i - 1].start, tokens[i].end, f"'{texts[i - 1]} {word}': a "
                      "capitalized word opens a new sentence with no full stop before it",
                      confidence=0.75)


def _adverb_joins(doc: Document) -> Iterator[Hit]:
    """Two sentences joined by a sentence adverb alone: `... in June 2027 afterwards he
    moves to Vienna.` The adverb follows a noun or a number with no punctuation, and a
    clause with its verb came before it."""
    present = frozenset(w for w in vocabulary(doc) & _JOIN_ADVERB_FORMS)
    if not present:
        return  # cheap test first: none of the adverbs occurs
    lex = lexicon()
    text = doc.text
    for m in _adverb_join_re(present).finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        word = _WORD_THEN_GAP.search(text, max(0, m.start() - 40), m.start())
        if word is None:
            continue
        before = word.group("before").lower()
        if not (before[:1].isdigit() or before in lex.nouns or word.group("before")[0].isupper()) \
                or before in FUNCTION_WORDS or (could_be_finite_verb([before], 0) and
                                                before not in lex.nouns):
            continue
        sentence = sentence_at(doc, m.start("adverb"))
        if sentence is None or not sentence.text.endswith("."):
            continue
        words = _words(doc, sentence)
        split = next((i for i, w in enumerate(words) if w.lower() == m.group("adverb").lower()),
                     len(words))
        head, tail = [w.lower() for w in words[:split]], [w.lower() for w in words[split + 2:]]
        if not head or head[0] in _LINKERS or not any(could_be_finite_verb(head, i)
                                                      for i in range(1, len(head))) or \
                not any(could_be_finite_verb(tail, i) for i in range(min(len(tail), 4))):
            continue
        yield Hit(sentence.start, sentence.end, f"run-on sentence: '{m.group('adverb')}' "
                  "starts a new sentence with no punctuation before it", confidence=0.7)


# `the reason they left`, `the way we work`: nouns a clause may follow with no link word.
_RELATIVE_ADVERB_NOUNS = word_set("reason reasons way ways place places moment extent "
                                  "manner time times day days year years point case cases")


def _pronoun_clauses(doc: Document) -> Iterator[Hit]:
    """`... his last concert in June 2027 he moves to Vienna.`: a second clause with a
    pronoun subject and no link before it.

    After a noun, a pronoun may open a contact relative clause (`the work they did`);
    that clause's verb has lost its object. The second clause here is whole: its verb has
    its own object, or takes none and a phrase follows (`moves to Vienna`), and no verb
    comes after it for a relative clause to leave to.
    """
    body = _reads_as_body(doc)
    texts = token_texts(doc)
    lex = lexicon()
    intransitive = _intransitive_forms()
    candidates = pronoun_hints(doc)
    for sentence, hints in _sentences_of(doc, candidates):
        if sentence.paragraph not in body or not sentence.text.endswith(".") or \
                sentence.token_end - sentence.token_start < 10 or \
                any(c in sentence.text for c in _QUOTES):
            continue
        items = texts[sentence.token_start:sentence.token_end - 1]
        lower = [w.lower() for w in items]
        for b in (h - sentence.token_start for h in hints):
            if not 3 <= b < len(lower) - 3:
                continue
            previous = lower[b - 1]
            # `last summer they`: a time adverbial; `the summer they won` a relative clause
            adverbial = previous in _MONTHS_AND_DAYS or (
                previous in _TIME_NOUNS and (lower[b - 2] in ("last", "next", "this", "every")
                                             or lower[b - 2][:1].isdigit()))
            if lower[b] == "it" and not adverbial and lower[b + 1] not in _IT_VERBS:
                continue  # `it` after any other noun is too often its verb's object,
                # unless a verb that only a subject takes follows (`... bulletin it takes`)
            if not (adverbial or previous[:1].isdigit() or (
                    previous in lex.nouns and previous not in FUNCTION_WORDS
                    and previous not in _RELATIVE_ADVERB_NOUNS and previous not in _TIME_NOUNS
                    and not could_be_finite_verb(lower, b - 1))):
                continue
            head = lower[:b]
            if head[0] in _LINKERS or _LINKERS.intersection(head) or \
                    any(not w[0].isalnum() for w in head) or \
                    not any(could_be_finite_verb(head, i) for i in range(1, b - 1)):
                continue
            if any(lemma in _clause_taking() for i in range(b)
                   if could_be_finite_verb(lower, i)
                   for lemma in (lower[i], *lex.verb_lemmas.get(lower[i], ()))):
                continue  # `told the court he had been at home` (`the rule` is no verb)
            verb = b + 1
            while verb < len(lower) and lower[verb] in _IN_VERB_GROUP:
                verb += 1
            if verb + 1 >= len(lower) or lower[verb] not in lex.finite:
                continue  # after a pronoun subject, `face` and `moves` are verbs
            rest = lower[verb + 1:]
            # An object of its own; `a hundred times`, `the whole day` are adverbials that
            # may follow a relative clause (`the bridge they crossed a hundred times`).
            whole = ((rest[0] in _SUBJECT_START or rest[0][:1].isdigit()) and not
                     _TIME_NOUNS.intersection(rest[1:4]) and "times" not in rest[1:4]) or (
                # `it takes effect`: a bare noun as the object
                lower[b] == "it" and rest[0] in lex.nouns and rest[0] not in FUNCTION_WORDS
                and rest[0] not in lex.past and rest[0] not in lex.participles) or (
                lower[verb] in intransitive and rest[0] in PREPOSITIONS and len(rest) > 1
                and rest[1] not in PREPOSITIONS) or (
                # `... for 31 years he says he has never seen`: saying, and what is said
                rest[0] in _SPLICE_SUBJECTS and _says(lower[verb]))
            # `on Monday it will take effect`: after a date no relative clause can start
            # (`the Monday it rained` has its determiner)
            dated = adverbial and lower[b - 2] not in DETERMINERS
            if not dated and (not whole or any(_verb_at(rest, i) for i in range(1, len(rest)))):
                continue
            yield Hit(sentence.start, sentence.end, f"run-on sentence: a new clause starts "
                      f"at '{items[b]} {items[verb]}' with no punctuation before it",
                      confidence=0.7)
            break


# After `it`, forms that make it a subject: third person or modal (not `it was` in `found
# it was`: a clause after a verb is `_clause_taking`'s).
_IT_VERBS = word_set("takes has will would can could must should costs needs gives makes "
                     "offers connects links runs serves covers")
# Anchored on `of them`; the quantifier and the word before it are looked up afterwards.
_OF_THEM_VERB = re.compile(
    rf"of{_GAP}(?:them|us|those){_GAP}(?:(?:also|still|now|already){_GAP})?(?P<verb>[a-z]+)\b")
_QUANTIFIER_BEFORE = re.compile(
    rf"(?P<before>[\w'’-]+){_GAP}(?P<subject>many|some|most|all|none|one|both|several|each|"
    rf"few|half|two|three|four){_GAP}$", re.IGNORECASE)


def _partitive_clauses(doc: Document) -> Iterator[Hit]:
    """`... dozens of villages many of them are without power.`: a clause whose subject is
    `many of them` starts right after a noun, with no comma or `and` before it."""
    if vocabulary(doc).isdisjoint(("them", "us", "those")):
        return  # cheap test first
    lex = lexicon()
    text = doc.text
    for m in _OF_THEM_VERB.finditer(text):
        verb = m.group("verb")
        if (m.start() and text[m.start() - 1].isalnum()) or \
                not (verb in AUXILIARIES or verb in lex.finite):
            continue
        q = _QUANTIFIER_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if q is None:
            continue
        before = q.group("before").lower()
        if before in FUNCTION_WORDS or before not in lex.nouns:
            continue
        sentence = sentence_at(doc, q.start("subject"))
        if sentence is None or sentence.paragraph not in _reads_as_body(doc):
            continue
        yield Hit(sentence.start, sentence.end, f"run-on sentence: a new clause starts at "
                  f"'{text[q.start('subject'):m.end()]}' with no punctuation before it",
                  confidence=0.7)


def _and_chains(doc: Document) -> Iterator[Hit]:
    """`The budget includes ... and the municipality will also build ... and the residents
    complained ...`: three or more clauses chained with `and` alone (Arabic `wa`).

    Two clauses joined by `and` are English; a sentence that opens with `And` and joins
    two more, or joins three, each with its own subject and verb, is a chain of
    sentences.
    """
    if "and" not in vocabulary(doc):
        return  # cheap test first
    body = _reads_as_body(doc)
    texts = token_texts(doc)
    for sentence in doc.sentences:
        if sentence.token_end - sentence.token_start < 20 or \
                sentence.text.count(" and ") < 2 or sentence.paragraph not in body or \
                any(c in sentence.text for c in _QUOTES):
            continue  # cheap tests first: a long sentence with two `and`s
        items = texts[_own_start(doc, sentence):sentence.token_end]
        lower = [w.lower() for w in items]
        joins = sum(1 for i, w in enumerate(lower[:-4]) if w == "and" and i and
                    lower[i - 1] != "," and _subject_then_verb(lower[i + 1:], items[i + 1:])
                    is not None)
        if joins >= 3 or (joins >= 2 and lower[0] == "and"):
            yield Hit(sentence.start, sentence.end, f"{joins + 1} clauses chained with "
                      "'and' alone: a run of sentences without full stops", confidence=0.7)


def _verb_at(lower: list[str], i: int) -> bool:
    """An auxiliary, or a word that is a verb here and never a noun."""
    return lower[i] in AUXILIARIES or (could_be_finite_verb(lower, i) and
                                       lower[i] not in lexicon().nouns)


_BARE_VERB_TAKERS = MODALS | word_set("do does did not n't never")


def _comma_splices(doc: Document) -> Iterator[Hit]:
    """`The strike began at dawn, long queues formed at the stops.`: two main clauses
    joined by a comma alone.

    Before the comma a clause with its subject and verb, with no conjunction or relative
    word since the sentence began (and no participle or preposition opening it); after
    it a subject (a pronoun, or a noun phrase with no function word inside) and at once a
    verb that is no verb of saying (`Prices rose, the ministry said.` is reported
    speech). In a chain (`A rose, B fell, C stayed`) every comma is such a join.
    """
    body = _reads_as_body(doc)
    texts = token_texts(doc)
    for sentence, hints in _sentences_of(doc, comma_hints(doc)):
        if sentence.paragraph not in body or not sentence.text.endswith(".") or \
                any(c in sentence.text for c in _QUOTES):
            continue
        start = _own_start(doc, sentence)
        items = texts[start:sentence.token_end - 1]
        if len(items) < 9 or ";" in items:
            continue
        lower = [w.lower() for w in items]
        # No clause joined after a link word or a colon that opens a list (`simple:
        # wages are low, ...`; a score's colon, `3:2`, does not count)
        stop = next((i for i, w in enumerate(lower) if (
            w in _CLAUSE_LINKERS and w != "than" and not _preposition_at(lower, i)) or (
            w == ":" and not "".join(lower[i + 1:i + 2])[:1].isdigit())), len(lower))
        commas = [i for i, w in enumerate(items) if w == ","]
        for comma in (h - start for h in hints if start <= h < start + stop):
            verb = _splice_at(items, lower, commas, comma)
            if verb is not None and _mostly_english(items):
                yield Hit(sentence.start, sentence.end, "comma splice: two sentences "
                          f"joined by a comma before '{' '.join(items[comma + 1:verb + 1])}'",
                          confidence=0.7)
                break


def _preposition_at(lower: list[str], i: int) -> bool:
    """`until late in the evening`, `after the match`: `until`, `since`, `after` or
    `before` with no verb up to the next comma takes a phrase, not a clause."""
    if lower[i] not in _SUBORDINATING_PREPOSITIONS:
        return False
    end = next((j for j in range(i + 1, len(lower)) if lower[j] == ","), len(lower))
    return not any(could_be_finite_verb(lower, j) for j in range(i + 1, end))


_POSSESSIVES = word_set("its their his her")
# Verbs that name a source after the fact, as verbs of saying do: `..., a survey found.`
_SOURCE_VERBS = word_set("show find reveal forecast calculate")
# Verbs that report a decision after the fact when nothing of their own follows
# (`..., the court ruled on Monday`); with an object or `to` they open a clause.
_OUTCOME_VERBS = word_set("decide rule agree vote")
_AFTER_OUTCOME = word_set("on in at last this yesterday today earlier unanimously , .")
_AFTER_PARTICIPLE = word_set("by to for in")
# A full stop inside a sentence (not an abbreviation's, `6 a.m.`): two sentences the
# segmenter could not part.
_ENDS = frozenset(".!?")


def _splice_at(items: list[str], lower: list[str], commas: list[int],
               comma: int) -> int | None:
    """The index of the second clause's verb when the comma at `comma` joins two main
    clauses, or None. No link word or list colon comes before the comma."""
    lex = lexicon()
    tail = lower[comma + 1:]
    # The clause before the comma runs from the comma before it.
    opens = max((c for c in commas if c < comma), default=-1) + 1
    if comma < 4 or len(tail) < 4 or comma - opens < 3 or \
            _LINKERS.intersection(tail[:1]) or "(" in lower[opens:comma + 8]:
        return None
    found = _subject_then_verb(tail, items[comma + 1:])
    timed = _time_phrase_length(tail)
    if found is None and timed and tail[timed] in _SPLICE_SUBJECTS and \
            timed + 1 < len(tail) and tail[timed + 1] in lex.finite:
        found = timed + 1  # `..., last year it signed`, `..., in 2016 they were`
    if found is None:
        return None
    first = lower[opens]
    if first in PREPOSITIONS or first == "not" or (first in lex.verbs and (
            first not in lex.nouns or first.endswith("ing"))) or (
            first in lex.adverbs and lower[opens + 1] in lex.participles):
        return None  # `Asked about it, ...`, `Standing there, ...`, `Not only ..., ...`,
        # `Already moved to Paris, ...`
    # `a town surrounded by maize fields`: a participle before `by` is no clause's
    # verb, nor a plural after a noun (a compound's head) unless what follows makes it
    # one (`the ferry needs new engines`)
    if not any(could_be_finite_verb(lower, i) and not items[i][0].isupper() and not (
            lower[i] in lex.participles and lower[i + 1] == "by") and not (
            lower[i] in lex.nouns and lower[i].endswith("s") and lower[i - 1] in lex.nouns
            and lower[i + 1] not in _VERB_READING and lower[i + 1] not in lex.adjectives
            and not lower[i + 1][:1].isdigit())
               for i in range(opens + 1, comma)) or \
            any(w in _ENDS and (w != "." or (len(items[i - 1]) > 3 and "." not in items[i - 1]))
                for i, w in enumerate(lower[opens:comma], opens)):
        return None  # an apposition or a phrase before the comma, not a clause
    verb = comma + 1 + found
    if len(lower) - verb < 3 or lower[verb].endswith("ing"):
        return None  # `..., the figures show.`: a source; `..., the effect being`: no verb
    # A form that is also a participle may open an absolute phrase (`..., their trucks
    # parked nose to tail`) or an apposition (`..., the minimum needed to win`).
    if lower[verb] in lex.participles and lower[verb] not in AUXILIARIES and (
            tail[0] in _POSSESSIVES or lower[verb + 1] in _AFTER_PARTICIPLE):
        return None
    # `Prices rose, the ministry said.` and `..., the minister told the assembly on
    # Tuesday.` report speech; `..., they say that ...` opens a sentence of its own.
    saying = _saying_lemmas() | _REPORTING | _SOURCE_VERBS
    lemmas = (lower[verb], *lex.verb_lemmas.get(lower[verb], ()))
    if any(lemma in saying for lemma in lemmas) and (
            not _REPORTED_CLAUSE.intersection(lower[verb + 1:verb + 2]) or (
                _saying_lemmas().intersection(lemmas) and not any(
                    could_be_finite_verb(lower, i) for i in range(verb + 2, len(lower))))):
        return None
    if _OUTCOME_VERBS.intersection(lemmas) and (
            verb + 1 >= len(lower) or lower[verb + 1] in _AFTER_OUTCOME):
        return None  # `Fares rise in May, the council decided on Thursday.`
    if any(w in ("and", "or") and i > found and (tail[i - 1] == "," or (
            i + 1 < len(tail) and not _verb_at(tail, i + 1) and any(
                _verb_at(tail, j) for j in range(i + 2, min(i + 5, len(tail))))))
           for i, w in enumerate(tail)):
        return None  # `A rose, B fell and C stayed flat`: a series of clauses; `A shrank,
        # B closed, and the station, once a hub, sees ...` ends one with `, and`; `and
        # will be covered` shares the subject, and ends no series
    return verb


def _pronoun_splices(doc: Document, reported: set[int]) -> Iterator[Hit]:
    """`The thieves acted at night, they chose older cars, they cut the part out.`: two
    or more clauses that open with a subject pronoun, each after a comma alone.

    One such comma may set off a clause in loose speech; two in a row are a chain of
    sentences that Spanish, Romanian and Chinese join with commas.
    """
    texts = token_texts(doc)
    lex = lexicon()
    body = _reads_as_body(doc)
    for sentence, hints in _sentences_of(doc, comma_pronoun_hints(doc)):
        if len(hints) < 2 or sentence.start in reported or sentence.paragraph not in body \
                or not sentence.text.endswith(".") or \
                any(c in sentence.text for c in _QUOTES) or \
                texts[_own_start(doc, sentence)].lower() in _LINKERS:
            continue
        verbs = [texts[h + 2].lower() for h in hints if h + 2 < sentence.token_end]
        if len(verbs) == len(hints) and all(v in lex.finite and not _says(v, reporting=True)
                                            for v in verbs):
            yield Hit(sentence.start, sentence.end, f"{len(hints)} clauses joined by commas "
                      f"alone, each opening with its own subject ('{texts[hints[0] + 1]} "
                      f"{texts[hints[0] + 2]}')", confidence=0.75)


def _subject_then_verb(lower: list[str], words: list[str]) -> int | None:
    """The index of the verb when the words open with a subject and its verb: a pronoun
    (`it`, `some of them`) or a noun phrase, perhaps with an `of` phrase (`the price of
    spare parts has`)."""
    lex = lexicon()
    if lower[0] in _SPLICE_SUBJECTS:
        return 1 if lower[1] in lex.finite else None  # after `it`, `spread` is a verb
    if lower[:2] == ["each", "one"]:
        return 2 if len(lower) > 2 and lower[2] in lex.finite else None
    if lower[0] in lex.plurals and lower[0] not in lex.finite and lower[1] in AUXILIARIES:
        return 1  # `..., customers can order`: a bare plural and its auxiliary
    if lower[0] in _PARTITIVES and lower[1:3] in (["of", "them"], ["of", "us"]):
        return 3 if len(lower) > 3 and (lower[3] in AUXILIARIES or lower[3] in lex.past) \
            else None
    if lower[0] in _PARTITIVES | {"part"} and lower[1:3] == ["of", "the"] and len(lower) > 4:
        # `part of the money comes from`: the verb after the partitive's noun
        verb = 4 if lower[4] not in _IN_VERB_GROUP else 5
        return verb if verb < len(lower) and (lower[verb] in AUXILIARIES or (
            lower[verb] in lex.finite and could_be_finite_verb(lower, verb))) else None
    if lower[0] not in _SUBJECT_START and lower[0] not in lex.adjectives:
        return None
    of_phrase = False
    for i in range(1, min(len(lower) - 1, 8 if "of" in lower[1:4] else 5)):
        word = lower[i]
        if word == "of" and not of_phrase and lower[i - 1] in lex.nouns:
            of_phrase = True  # `the price of spare parts`
            continue
        if of_phrase and ((word in _SUBJECT_START and lower[i - 1] == "of") or (
                word == "and" and lower[i - 1] in lex.nouns) or word[:1].isdigit()
                or (lower[i - 1] == "of" and word not in AUXILIARIES)):
            continue  # `the cost of the flour and energy`, `of the 1,140 employees`,
            # `of imported parts`
        if word.endswith("s") and word in lex.finite and lower[i - 1] in lex.nouns and \
                not of_phrase and lower[i + 1] in _VERB_READING:
            return i  # `the student needs only to register`: a noun-or-verb as the verb
        # `rate cuts`, `oil prices`: after a noun, a plural is a compound's head, not a verb.
        # After an `of` phrase a past form is the verb even if it is a noun too (`the
        # number of visitors rose`).
        if word in AUXILIARIES or (word in lex.finite and (word not in lex.nouns or (
                of_phrase and word in lex.past)) and (
                word not in lex.adjectives or word in lex.past) and not words[i][0].isupper()):
            # `the decisive game will be played`: a noun right before the verb
            return i if lower[i - 1] in lex.nouns or words[i - 1][0].isupper() else None
        if word in FUNCTION_WORDS or (not word.isalpha() and "-" not in word):
            return None
    return None


# After a noun-or-verb in -s, these make it the verb (`needs only to`, `plans to`).
_VERB_READING = word_set("to only also still already the a an its their his her")


def _time_phrase_length(lower: list[str]) -> int:
    """How many words a time phrase that opens `lower` takes (`last year`, `in 2016`,
    `on Monday`), or 0."""
    if len(lower) < 3:
        return 0
    first, second = lower[0], lower[1]
    if first in _TIME_DETERMINERS and (second in _TIME_NOUNS or second in _MONTHS_AND_DAYS):
        return 2
    if first in _TIME_PREPOSITIONS and (second in _MONTHS_AND_DAYS or (
            len(second) == 4 and second.isdigit())):
        return 2
    return 0


_TIME_DETERMINERS = word_set("last this next every")
_TIME_PREPOSITIONS = word_set("in on since by until")


def _two_objects(items: list[str], lower: list[str], b: int) -> bool:
    """`to give Vitória SC a 2-1 win`: a verb with a person (a name or a pronoun) and then
    a thing as its objects; the determiner at `b` opens the second object."""
    lex = lexicon()
    for v in range(max(0, b - 4), b - 1):
        if _TWO_OBJECT_LEMMAS.intersection((lower[v], *lex.verb_lemmas.get(lower[v], ()))):
            return any(items[i][0].isupper() or lower[i] in _OBJECT_PRONOUNS
                       for i in range(v + 1, b))
    return False


_OBJECT_PRONOUNS = word_set("him her them us me you it")
# `buy out the owners`: the particle of a phrasal verb before its object.
_VERB_PARTICLES = word_set("out up off down back away over")
# `the most exposed properties`: a participle after these is an adjective.
_DEGREE_WORDS = word_set("most more less least very")
# Verbs with two objects, a person and a thing: `give the club a win`.
_TWO_OBJECT_LEMMAS = word_set("give hand offer send award grant earn cost bring lend owe "
                              "pay show tell teach promise deny")
# Verbs whose object takes a bare infinitive (`help the town plan its response`).
_BARE_INFINITIVE_TAKERS = word_set("help helps helped let lets make makes made see sees saw "
                                   "watch watched hear heard")
# Clause-taking verbs that take a person before the clause: `told reporters the plan
# would fail`. Others have no room for a noun there: in `fear losses the season is
# short` the object `losses` closed the verb's phrase.
_PERSON_THEN_CLAUSE = word_set("tell inform assure warn remind convince notify promise show "
                               "teach advise ask")


def _takes_clause_at(lower: list[str], v: int, b: int) -> bool:
    """Whether the verb at `v` takes the clause that starts at `b` as its complement."""
    if lower[v + 1:v + 2] == ["that"]:
        return False  # `said that ...` took its clause already
    lemmas = (lower[v], *lexicon().verb_lemmas.get(lower[v], ()))
    if not any(lemma in _clause_taking() for lemma in lemmas):
        return False
    return b == v + 1 or any(lemma in _PERSON_THEN_CLAUSE for lemma in lemmas) or \
        not any(w in lexicon().nouns for w in lower[v + 1:b])


def _bare_subject_hints(doc: Document) -> list[int]:
    """Token indices of bare plurals followed by an auxiliary or a past verb (`workers
    blocked`, `residents have`): subjects that need no determiner."""
    def compute(d: Document) -> list[int]:
        lex = lexicon()
        texts = token_texts(d)
        out = []
        for m in _PLURAL.finditer(agreement_letters(d)):
            i = m.start()
            if i + 1 >= len(texts) or texts[i] in lex.finite or not texts[i].islower():
                continue
            after = texts[i + 1].lower()
            if after in AUXILIARIES or (after in lex.past and after not in lex.nouns):
                out.append(i)  # `workers blocked the roads`: the clause's own check follows
        return out
    return memoized(doc, "broken.bare-subject-hints", compute)


_PLURAL = re.compile("p")


def _relative_span(lower: list[str], b: int) -> range:
    """The indices of a relative clause between commas right after the noun phrase that
    starts at `b` (`the algae, which ... lake,`), or an empty range."""
    comma = next((i for i in range(b + 1, min(b + 5, len(lower))) if lower[i] == ","), None)
    if comma is None or lower[comma + 1:comma + 2] not in (["which"], ["who"]):
        return range(0)
    close = next((i for i in range(comma + 2, len(lower)) if lower[i] == ","), None)
    return range(comma, close + 1) if close is not None else range(0)


# Counts and quantifiers that open an object (`will suspend all flights`); `more` opens
# a comparison as often (`costs more than ...`).
_OBJECT_COUNTS = (_COUNT_WORDS - {"more"}) | word_set("all some no every both")
_VERB_ADVERBS = word_set("only also still already almost nearly just again now")


def _second_clause(items: list[str], lower: list[str], verbs: list[int],
                   b: int) -> int | None:
    """The verb of a second main clause whose subject starts at `b`, or None."""
    lexicon_ = lexicon()
    previous = lower[b - 1]
    number = previous[:1].isdigit()
    # A date (`on Wednesday a large exhibition`) is an adverbial before an object.
    name = items[b - 1][0].isupper() and previous not in _MONTHS_AND_DAYS
    if not (number or name or previous in lexicon_.nouns or previous in _MONTHS_AND_DAYS) \
            or previous in FUNCTION_WORDS or previous in _BARE_INFINITIVE_TAKERS \
            or previous in _VERB_PARTICLES \
            or (previous in _TIME_NOUNS and lower[b - 2] in DETERMINERS) \
            or (lower[b - 2] == "to" and previous in lexicon_.verb_forms) \
            or (previous.endswith("ing") and previous not in _TIME_NOUNS
                and lower[b - 2] not in PREPOSITIONS) \
            or could_be_finite_verb(lower, b - 1):
        # `for questioning the prosecutor's office ... started`: after a preposition a
        # gerund's phrase is an adjunct; a verb after its object needs a new subject;
        # `to run the museum`: an infinitive's object
        return None
    before = [v for v in verbs if v < b]
    # `the algae, which normally appear in small numbers, multiplied`: the subject's
    # relative clause between commas is skipped, with its verbs.
    inner = _relative_span(lower, b)
    # `the renovated halls`: a participle after a determiner is an adjective; `the
    # Gazela bridge`: a noun after a name is the name's head, not a verb.
    after = [v for v in verbs if v > b and v not in inner and not (
        lower[v] in lexicon_.participles and (lower[v - 1] in _SUBJECT_START
                                             or lower[v - 1] in _DEGREE_WORDS)) and not (
        lower[v] in lexicon_.nouns and items[v - 1][0].isupper())]
    if not before or not after:
        return None
    first, second = before[-1], after[0]
    if any((w in _LINKERS and not _joins_noun_phrases(lower, i, b)
            and not _joins_names(items, i)) or w in ",—–-()"
           for i, w in enumerate(lower[first + 1:b], first + 1)) or \
            any(i not in inner and ((w in _LINKERS and not _joins_names(items, i)) or
                                    not (w[0].isalnum() or w == "'s"))
                for i, w in enumerate(lower[b + 1:second], b + 1)) or \
            second - b - len(inner) > 7:
        return None
    # A relative clause closed by a comma (`, who took office in 2022,`) is behind us.
    comma = max((i for i in range(b) if lower[i] == ","), default=-1)
    if any(w in _RELATIVE for w in lower[comma + 1:b]):
        return None
    # `told reporters the plan would fail`, `said that ...` (took its clause), `to give
    # Vitória SC a 2-1 win` (a verb with two objects)
    if any(_takes_clause_at(lower, v, b) for v in before) or _two_objects(items, lower, b):
        return None
    # The second verb is a whole clause's verb: an auxiliary, an object after it, or a
    # subject that no relative clause can follow (a number or a name before it).
    # The group goes on only after an auxiliary or an adverb: after a word that is only
    # a verb, `is` is the next clause's (`the plan the council approved is good`); after
    # a noun-or-verb it is the noun's (`the test signals are expected`).
    end = second
    while end + 1 < len(lower) and (end == second or lower[end] in AUXILIARIES
                                    or lower[end] in _IN_VERB_GROUP) and (
            lower[end + 1] in AUXILIARIES or lower[end + 1] in lexicon_.participles
            or lower[end + 1] in _IN_VERB_GROUP) and not (
            lower[second] not in AUXILIARIES and lower[second] not in lexicon_.nouns
            and lower[end + 1] in AUXILIARIES):
        end += 1
    # `did not accept`: a modal or `do` takes the bare verb into its group.
    if end + 1 < len(lower) and lower[end] in _BARE_VERB_TAKERS and \
            lower[end + 1] in lexicon_.verb_forms:
        end += 1
    group = lower[second:end + 1]
    # A passive (`will be taken`) or copula (`is ready`) has no object for a relative
    # clause to take; a verb with its own object after it has none missing either.
    passive = any(w in _BE for w in group) and (group[-1] in lexicon_.participles or (
        group[-1] in _BE and end + 1 < len(lower) and lower[end + 1] not in PREPOSITIONS))
    # The verb's own object may come after one adverb (`lasts only three months`); an
    # intransitive verb and its phrase (`the exhibition opens on 6 June`) leave no
    # object for a relative clause to take either.
    obj = end + 2 if end + 2 < len(lower) and lower[end + 1] in _VERB_ADVERBS else end + 1
    complete = passive or (obj < len(lower) and (lower[obj] in _SUBJECT_START
                                                 or lower[obj] in _OBJECT_COUNTS
                                                 or lower[obj][:1].isdigit()
                                                 or lower[obj] in lexicon_.plurals)
                           and not _TIME_NOUNS.intersection(lower[obj + 1:obj + 3])) or (
        lower[end] in _intransitive_forms() and lower[end] not in lexicon_.adjectives
        and end + 2 < len(lower)
        and lower[end + 1] in PREPOSITIONS and lower[end + 2] not in PREPOSITIONS)
    bare_participle = lower[second] in lexicon_.participles and second == end
    if not (complete or ((number or name) and not bare_participle)):
        return None
    return second
