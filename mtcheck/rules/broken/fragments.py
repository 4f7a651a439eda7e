"""Sentences that lack a main clause, or are written in headline shorthand."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.analyze import sentence_at, token_texts
from mtcheck.english import (
    AUXILIARIES,
    DETERMINERS,
    FUNCTION_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    could_be_finite_verb,
    lexicon,
    word_set,
)
from mtcheck.model import Document, Hit, Sentence
from mtcheck.rules.broken._codes import _clause_shapes, _codes, _codes_of
from mtcheck.rules.broken._shared import (
    _CLAUSE_BREAKS,
    _IN_VERB_GROUP,
    _LIST_COLON,
    _QUOTES,
    _RELATIVE,
    _SUBORDINATING_PREPOSITIONS,
    _SUBORDINATORS,
    _TIME_NOUNS,
    _determiner_openings,
    _mostly_english,
    _reads_as_body,
    _words,
    _wrapped,
    may_be_main_verb,
)
from mtcheck.rules.registry import RuleContext, rule


@rule("broken.fragment", category="broken", severity="major",
      bad=["The landlord, who in the first instance before the regional court in the "
           "year 2022.",
           "The decision of the committee, which in the meeting held on Thursday.",
           "The new tax very important for the islands, the governor said.",
           "The old lighthouse at the mouth of the bay one of the oldest in the country.",
           "A step which according to the union has not been taken since 2010.",
           "In connection with the rising cost of fuel and the delays at the border."],
      good=["The landlord, who lost in the first instance, appealed in 2022.",
            "The decision of the committee, which met on Thursday, surprised markets.",
            "Shares fell 3.5% in early trading.",
            "A plan that the council approved in May was dropped in June.",
            "In the first week of the strike, the buses stayed in the depots."])
def fragment(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A sentence without a main clause: a subject and a relative clause, no verb.

    MT loses the main verb of long source sentences (German and Turkish put it
    last), leaving `The landlord, who in the first instance before the court.` The
    main clause is the sentence without its relative clauses and brackets; when no
    word in it can be a finite verb (lemminflect's tables decide), it is a fragment.
    """
    because = list(_verbless_because(doc))
    yield from because
    copula = [*_missing_copula(doc), *_copula_before_one_of(doc)]
    yield from copula
    # one finding per sentence: `Mainly because the price ...` is the `because` clause's
    reported = {hit.start for hit in copula} | {
        found.start for hit in because if (found := sentence_at(doc, hit.start)) is not None}
    body = _reads_as_body(doc)
    wrapped = _wrapped(doc)
    shapes = _clause_shapes(doc)
    for sentence in doc.sentences:
        text = sentence.text
        if sentence.paragraph not in body or not text.endswith(".") or \
                not text[0].isupper() or sentence.start in reported:
            continue
        if sentence.paragraph in wrapped and sentence.start == doc.paragraphs[
                sentence.paragraph].start:
            continue  # the start of this sentence is on the line before
        if any(c in text for c in _QUOTES) or _LIST_COLON.search(text) or ";" in text:
            continue  # a colon that opens a list or a quote, not one in `08:42`
        lead = doc.tokens[sentence.token_start].text.lower()
        shape = shapes[sentence.token_start:sentence.token_end]
        # `Partly because of ...`, `Above all because ...`: adverbs before `because`
        skip = next((k for k in (1, 2) if sentence.token_start + k < sentence.token_end
                     and doc.tokens[sentence.token_start + k].text == "because"), 0) \
            if lead in _BEFORE_BECAUSE else 0
        if lead in _FRAGMENT_OPENERS or skip:
            words = _words(doc, sentence)
            hit = _lone_subordinate(doc, sentence, words[skip:])
            if hit is None and words[skip].lower() == "because":
                hit = _phrase_without_clause(sentence, words[skip:])
            if hit is not None and not _answers_question(doc, sentence):
                yield hit  # `Why? Because it is home.` answers a question
            continue
        if lead == "to" and "," not in text:
            hit = _infinitive_without_clause(sentence, _words(doc, sentence))
            if hit is not None:
                yield hit
                continue
        # Cheap test first: a noun phrase that may hold a relative clause, or a
        # preposition and no word that is only ever a verb before a relative word.
        if lead in _NOUN_PHRASE_OPENERS or (
                lead in PREPOSITIONS and "V" not in shape.partition("R")[0]):
            hit = _phrase_without_clause(sentence, _words(doc, sentence))
            if hit is not None and not _answers_question(doc, sentence):
                yield hit
                continue
        relative = ",R" in shape
        reduced = not relative and "V" in shape and _reduced_relatives_only(doc, sentence, shape)
        if not relative and "V" in shape and not reduced:
            continue  # no relative clause, and a word that is only ever a verb
        relative = relative or reduced
        # Short verbless sentences are a style of their own (`Hardly a surprise, given
        # the weather.`); without a relative clause that took the verb, only long ones count.
        main = _main_clause(doc, sentence, 6 if relative else 10, reduced=reduced)
        if main is None or len(main) < (1 if relative else 2):
            continue
        lower = [w.lower() for w in main]
        # A capitalized word inside the clause is a name (`the tanker Aegean Star`).
        if not any(may_be_main_verb(lower, i, main) for i in range(len(main))
                   if i == 0 or not main[i][0].isupper()) and \
                _mostly_english(_words(doc, sentence)) and \
                not _answers_question(doc, sentence):
            # `Who does she play? The champion, who qualified automatically.` answers
            yield Hit(sentence.start, sentence.end, "no main verb: the sentence is a "
                      f"fragment ('{' '.join(main)}' has no verb to go with it)",
                      confidence=0.75)


_FRAGMENT_OPENERS = _SUBORDINATORS | _SUBORDINATING_PREPOSITIONS


_QUESTION_END = re.compile(r"\?[\"'”’»)]*$")

# An indefinite noun phrase that opens a sentence; `especially` and the like may stand
# before it or before a phrase (`Especially the people who live in the suburbs.`).
_INDEFINITE_OPENERS = word_set("a an something someone anything everything those one")
_FOCUS_OPENERS = word_set("especially particularly mainly notably")
_RELATIVE_PRONOUNS = word_set("which who whom whose")
_NOUN_PHRASE_OPENERS = _INDEFINITE_OPENERS | _FOCUS_OPENERS | word_set("above")


def _phrase_without_clause(sentence: Sentence, words: list[str]) -> Hit | None:
    """`A move which is in line with the roadmap.`, `In order to further promote the
    festival.`, `Because of the cases that were reported last year.`: a noun phrase with
    its relative clause, or a prepositional phrase, and no main clause.

    Each relative clause (`which`, `who`, `that` after a noun) owns one verb; a verb
    group beyond those, or before the first relative word, is a main clause's. An
    infinitive (`to promote`) is no finite verb.
    """
    if len(words) < 6 or not _mostly_english(words):
        return None
    lower = [w.lower() for w in words]
    at = 2 if lower[:2] == ["above", "all"] else int(lower[0] in _FOCUS_OPENERS)
    lead = lower[at]
    lex = lexicon()
    relatives = [i for i, w in enumerate(lower) if w in _RELATIVE_PRONOUNS or (
        # `that` after a noun, not after a verb's infinitive (`to change that`)
        w == "that" and 0 < i < len(lower) - 1 and lower[i - 2:i - 1] != ["to"] and (
            i - 1 == at or words[i - 1][0].islower()) and (
            lower[i - 1] in _INDEFINITE_OPENERS or (
                lower[i - 1] in lex.nouns and lower[i - 1] not in FUNCTION_WORDS)))]
    phrase = (lead in PREPOSITIONS and lead != "to") or lower[at:at + 2] == ["because", "of"]
    if not phrase and not (lead in _INDEFINITE_OPENERS or (at and lead in DETERMINERS)):
        return None
    if not phrase and (not relatives or relatives[0] > at + 6):
        return None  # a noun phrase needs the relative clause that took its verb
    if not relatives and len(words) < 7:
        return None  # `For now, at least.`: short phrases are a style of their own
    # A phrase holds noun phrases, so a noun-or-verb word needs the stricter test.
    groups = [g for g in _verb_groups(lower, words, strict=True)
              if not (g and lower[g - 1] in ("to", "and", "or"))]
    if len(groups) > len(relatives) or (groups and groups[0] < relatives[0]):
        return None
    what = "a prepositional phrase" if phrase else "a noun phrase and its relative clause"
    return Hit(sentence.start, sentence.end, f"no main clause: the sentence is {what} "
               "with no verb of its own, a fragment", confidence=0.7)


def _answers_question(doc: Document, sentence: Sentence) -> bool:
    """The sentence follows a question: a verbless answer (`Why? Because it is home.`)."""
    return sentence.index > 0 and \
        _QUESTION_END.search(doc.sentences[sentence.index - 1].text) is not None


def _verb_groups(lower: list[str], words: list[str], *, strict: bool = False) -> list[int]:
    """Where each run of words that can be finite verbs starts (`will be discussed` is one).

    A capitalized word after the first is a name, never a verb. With `strict`, a run
    opens only where `may_be_main_verb` allows.
    """
    starts = []
    previous = False
    for i in range(len(lower)):
        verb = (i == 0 or not words[i][0].isupper()) and (
            may_be_main_verb(lower, i, words) if strict and not previous
            else could_be_finite_verb(lower, i))
        if verb and not previous:
            starts.append(i)
        # An auxiliary carries the group on (`will be discussed`); two lexical verbs in a
        # row are two groups (`whether the plan survives depends on`).
        previous = (verb and lower[i] in AUXILIARIES) or (previous and lower[i] in
                                                          _IN_VERB_GROUP)
    return starts


# Opens with the literal, so the scan is a fast search; the word boundary before it is
# checked on the few hits.
_BECAUSE = re.compile(r"because\b(?![^\S\n]+of\b)")
_CLAUSE_STOP = re.compile(r"[,;:.!?—–()]")


def _verbless_because(doc: Document) -> Iterator[Hit]:
    """`This is because the probability of a quake within 30 years to 80 percent.`: the
    clause after `because` has no verb (its verb was lost in translation)."""
    body = _reads_as_body(doc)
    text = doc.text
    for m in _BECAUSE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue
        stop = _CLAUSE_STOP.search(text, m.end())
        end = stop.start() if stop else len(text)
        if stop is None or stop.group() != "." or "\n" in text[m.end():end]:
            continue  # only a clause that runs to the end of its sentence
        found = _WORD.findall(text, m.end(), end)
        words = [w.lower() for w in found]
        sentence = sentence_at(doc, m.start())
        # A capitalized word is a name (`the Nankai Trough`), never the clause's verb.
        if len(words) < 5 or sentence is None or sentence.paragraph not in body or \
                not _mostly_english(["", *found]) or \
                any(could_be_finite_verb(words, i) and not found[i][0].isupper()
                    and words[i] not in PREPOSITIONS for i in range(len(words))):
            continue
        yield Hit(m.start(), end, f"the clause after 'because' has no verb: "
                  f"'{text[m.end():end].strip()}'", confidence=0.7)


_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,]*")


# Adverbs that may stand before `because` at the start of a sentence.
_BEFORE_BECAUSE = word_set("partly mainly largely chiefly above especially simply only "
                           "precisely just")
# Words that open a clause of their own, inside a sentence.
_CLAUSE_WORDS = word_set("whether that which who whom whose if when where how why what")


def _infinitive_without_clause(sentence: Sentence, words: list[str]) -> Hit | None:
    """`To check whether the storm damaged the bridges that lead to the valley.`: an
    infinitive of purpose with no main clause: every verb belongs to a clause that a
    `whether`, `that` or relative word opens (`To build the bridge cost millions` has
    its main verb)."""
    lower = [w.lower() for w in words]
    if len(lower) < 6 or lower[1] not in lexicon().verb_forms or not _mostly_english(words):
        return None
    groups = _verb_groups(lower, words)
    if any(not _CLAUSE_WORDS.intersection(lower[2:g]) for g in groups if g > 1):
        return None
    return Hit(sentence.start, sentence.end, f"'To {words[1]} …' stands alone: an "
               "infinitive with no main clause, the sentence is a fragment", confidence=0.7)


def _lone_subordinate(doc: Document, sentence: Sentence, words: list[str]) -> Hit | None:
    """`Because the prices in the markets.`: a subordinate clause without a main clause.

    A conjunction such as `because` needs two clauses, its own and the main one; a word
    that may be a preposition (`since`, `after`) needs one verb somewhere. After a comma
    (`If so, the plan fails.`) the rest must hold a verb.
    """
    if len(words) < 5 or any(c in sentence.text for c in _QUOTES) or \
            not _mostly_english(words):
        return None
    lower = [w.lower() for w in words]
    lead = lower[0]
    needed = 2 if lead in _SUBORDINATORS and lower[1] not in ("of", "so", "or") else 1
    # Verbs inside relative clauses (`the stations which are advanced`) do not count; a
    # comma closes the relative clause (`..., where pay is higher, has doubled`).
    commas = _words_before_commas(doc, sentence)
    groups = [g for g in _verb_groups(lower, words)
              if not any(w in _RELATIVE and not any(i < c <= g for c in commas)
                         for i, w in enumerate(lower[max(0, g - 4):g], max(0, g - 4)))]
    if commas:
        before_comma = commas[0]
        if any(g >= before_comma for g in groups) or before_comma <= 4:
            return None
    elif len(groups) >= needed:
        return None
    what = "no verb" if not groups else "no main clause"
    return Hit(sentence.start, sentence.end, f"'{words[0]} …' stands alone: a subordinate "
               f"clause with {what}, the sentence is a fragment", confidence=0.75)


def _words_before_commas(doc: Document, sentence: Sentence) -> list[int]:
    """For each comma of the sentence, how many words (as `_words` counts them) precede it."""
    out, words = [], 0
    for t in doc.sentence_tokens(sentence):
        if t.text == ",":
            out.append(words)
        elif t.text[0].isalpha():
            words += 1
    return out


def _reduced_relatives_only(doc: Document, sentence: Sentence, shape: str) -> bool:
    """Every word that is only a verb is a past participle after a comma, with no
    auxiliary before it: `Her recordings, in 2024 awarded a prize.` has no main verb."""
    lex = lexicon()
    texts = token_texts(doc)
    if shape.count(",") != 1:
        return False  # `Her novel, published in 2019, sold well.`: the verb follows
    first_comma = shape.find(",")
    for i, letter in enumerate(shape):
        if letter != "V":
            continue
        word = texts[sentence.token_start + i].lower()
        if i < first_comma or word not in lex.participles or word in AUXILIARIES or \
                texts[sentence.token_start + i - 1].lower() in AUXILIARIES:
            return False
    return True


def _main_clause(doc: Document, sentence: Sentence, at_least: int, *,
                 reduced: bool = False) -> list[str] | None:
    """The sentence's words outside relative clauses and brackets.

    With `reduced`, a past participle after a comma opens a relative clause too
    (`, in 2024 awarded with a prize`). None for sentences too short to judge (fewer
    than `at_least` words).
    """
    tokens = doc.sentence_tokens(sentence)
    lex = lexicon()
    main: list[str] = []
    words = 0
    in_relative = False
    since_comma: list[str] | None = None  # words since the last comma
    depth = 0
    previous = ""
    closed = False  # the last comma closed a relative clause: the main verb comes next
    for i, t in enumerate(tokens):
        text = t.text
        lower = text.lower()
        if previous == "," and not depth and not closed and text[0].isalpha() and (
                (lower.endswith("ing") and lower in lex.verbs and lower not in lex.nouns)
                or (lower in lex.participles and i + 1 < len(tokens)
                    and tokens[i + 1].text == "by")):
            in_relative = True  # `, speaking at a forum`, `, conducted by the institute`
        closed = text == "," and in_relative and not depth
        if text in "([":
            depth += 1
        elif text in ")]":
            depth = max(0, depth - 1)
        elif depth:
            pass
        elif text in _CLAUSE_BREAKS:
            in_relative = False
        elif previous == "," and text.lower() in _RELATIVE:
            in_relative = True
        elif reduced and since_comma is not None and len(since_comma) <= 3 and \
                lower in lex.participles and lower not in lex.nouns and \
                all(w in PREPOSITIONS or w in lex.adverbs or w[:1].isdigit()
                    for w in since_comma):
            in_relative = True  # `, in 2024 awarded`, `, originally estimated`
        elif text[0].isalpha():
            words += 1
            if not in_relative:
                main.append(text)
        elif text.replace(",", "").replace(".", "").isdigit() and not in_relative and \
                previous != ",":
            # `32 drones`: a number makes a noun of the word after it (`Schröder, 54,
            # accepted`: an age between commas does not)
            main.append(text)
        previous = text
        if text == ",":
            since_comma = []
        elif since_comma is not None:
            since_comma.append(lower)
    return main if words >= at_least else None


@rule("broken.telegraphic", category="broken", severity="major",
      bad=["Ministry official statement made about compensation issue after meeting.",
           "Company spokesman statement issued about route plan on website."],
      good=["A ministry official made a statement about the compensation after the meeting.",
            "Brent crude futures rose 3% in Asian trade on Monday."])
def telegraphic(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A body sentence in headline shorthand: a pile of nouns, a bare participle, no articles.

    MT from languages without articles (Chinese, Turkish, Russian) can drop every
    article and auxiliary: `Ministry official statement made about issue.` A sentence
    with no determiner, pronoun or auxiliary, whose only verb is a participle after three
    nouns, followed by a preposition and a bare noun, is reported.
    """
    lex = lexicon()
    body = _reads_as_body(doc)
    codes = _codes(doc).text
    for sentence in doc.sentences:
        if sentence.paragraph not in body or not sentence.text.endswith(".") or \
                sentence.token_end - sentence.token_start < 7 or \
                _DETERMINER_CODE.search(codes, sentence.token_start, sentence.token_end) or \
                _TELEGRAPHIC_BREAKER.search(sentence.text):
            continue  # cheap tests first, in C: an article, pronoun, auxiliary or quote
        words = _words(doc, sentence)
        lower = [w.lower() for w in words]
        if _NOT_TELEGRAPHIC.intersection(lower) or not _mostly_english(words):
            continue
        for p in range(3, len(lower) - 2):
            word = lower[p]
            if word not in lex.participles or word not in lex.past or word in lex.nouns:
                continue
            pile = lower[p - 3:p]
            if not all(w in lex.nouns or words[p - 3 + k][0].isupper()
                       for k, w in enumerate(pile)) or pile[-1].endswith("s") or \
                    lower[p + 1] not in PREPOSITIONS or lower[p + 2] not in lex.nouns:
                continue
            if any(could_be_finite_verb(lower, i) for i in range(len(lower))
                   if i != p and lower[i] not in lex.nouns):
                break
            yield Hit(sentence.start, sentence.end, "telegraphic sentence: no articles or "
                      f"auxiliary, '{' '.join(words[p - 3:p + 1])}' reads as a headline",
                      confidence=0.7)
            break


# A sentence with any of these is not in headline shorthand.
_NOT_TELEGRAPHIC = DETERMINERS | PRONOUNS | AUXILIARIES | word_set("that which who")
# The determiners among those words, as word codes: most sentences have one.
_DETERMINER_CODE = re.compile(
    f"[{_codes_of(('the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'these', 'those'))}]")
_TELEGRAPHIC_BREAKER = re.compile(
    r"(?i)\b(?:the|an?|its|their|his|her|this|these|those|is|are|was|were|has|have|had|"
    r"will|would|can|could|it|he|she|they|we)\b|[\"“”„«»]")


_INTENSIFIERS = word_set("very extremely too so quite highly particularly really")


def _missing_copula(doc: Document) -> Iterator[Hit]:
    """`The levy very important for the island`: a subject and an adjective phrase with
    no `is` between them.

    Indonesian, Russian, Arabic and Chinese need no copula before an adjective; MT
    sometimes leaves it out in English too. The subject is a determiner and at most
    three nouns or adjectives, none of which can be the verb.
    """
    texts = token_texts(doc)
    lex = lexicon()
    for sentence, start in _determiner_openings(doc):
        if _INTENSIFIERS.isdisjoint(texts[start + 2:min(start + 5, sentence.token_end - 1)]):
            continue  # cheap test first: `very` soon after the determiner
        words = [w.lower() for w in texts[start:sentence.token_end]]
        at = next((i for i in range(2, min(len(words) - 1, 5)) if words[i] in _INTENSIFIERS),
                  None)
        if at is None or words[at + 1] not in lex.adjectives \
                or words[at - 1] not in lex.nouns or words[at - 1] in _TIME_NOUNS or any(
                    words[i] in AUXILIARIES or (words[i] in lex.finite and words[i] not in
                                                lex.nouns) for i in range(
                        at + 2, next((j for j in range(at, len(words)) if words[j] == ","),
                                     len(words)))) or any(
                    not w.isalpha() or could_be_finite_verb(words, i) or w in FUNCTION_WORDS
                    for i, w in enumerate(words[1:at], 1)):
            continue
        yield Hit(sentence.start, sentence.end, f"'{' '.join(texts[start:start + at + 2])}': "
                  "the verb between the subject and the adjective is missing", confidence=0.7)


_ONE_OF_THE = re.compile(r" one of the (?:most|[a-z]+est|best|worst)\b")


def _copula_before_one_of(doc: Document) -> Iterator[Hit]:
    """`The tunnel, with its four tubes, one of the most important links in the north.`:
    a subject and `one of the most ...` with no verb anywhere in the sentence.

    `one of the best` after a noun is its complement only when a verb takes both
    (`named Paris one of the best cities`); with no word that is only ever a verb or an
    auxiliary in the sentence, the `is` between them went missing.
    """
    body = _reads_as_body(doc)
    lex = lexicon()
    text = doc.text
    for m in _ONE_OF_THE.finditer(text):
        sentence = sentence_at(doc, m.start())
        if sentence is None or sentence.paragraph not in body or \
                not sentence.text.endswith(".") or any(c in sentence.text for c in _QUOTES):
            continue
        words = [w.lower() for w in _words(doc, sentence)]
        before = text[sentence.start:m.start()].split()
        last = before[-1].lower() if before else ""
        # `remains one of the`, `ranks one of the`: the word before may be the verb
        if len(before) < 3 or not last.isalnum() or last in FUNCTION_WORDS or \
                last in lex.finite or any(w in AUXILIARIES or (
                    w in lex.finite and w not in lex.nouns and w not in lex.adjectives)
                    for w in words):
            continue
        yield Hit(sentence.start, sentence.end, f"'{before[-1]} one of the': the verb "
                  "between the subject and its complement is missing", confidence=0.7)
