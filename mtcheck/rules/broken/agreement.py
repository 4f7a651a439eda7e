"""Subjects and verbs that do not agree: `they was`, `Him said`, `the prices does`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, compress, count

from mtcheck.analyze import sentence_at, token_texts, vocabulary
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
    _AGREEMENT_ADVERBS,
    _SUBJECT_LEADS,
    agreement_letters,
    comma_hints,
    comma_pronoun_hints,
    noun_pronoun_hints,
    pronoun_letters,
)
from mtcheck.rules.broken._shared import (
    _GAP,
    _MONTHS_AND_DAYS,
    _SUBJECT_START,
    _THAT_NOUNS,
    _TIME_NOUNS,
    _WORD,
    _determiner_openings,
    _own_start,
    _own_start_list,
    _reads_as_body,
    _says,
    _sentences_of,
    _word_before,
)
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
           "The officials said that the current prices does not cover the cost.",
           "The price of the tickets for the final are too high for most fans.",
           "The situation it is the worst since the war.",
           "Each of the new buses have room for 80 passengers.",
           "The council never asked they for their opinion.",
           "The mayor said that the driver and his passenger was injured.",
           "The pensioners, whom the city calls them every week, get free meals.",
           "In the end, each of the ten clubs have voted for the plan.",
           "Many of them works in the port.",
           "Tenants who already has a contract may stay.",
           "The same added that the port will reopen in May.",
           "The minister she said that the budget is final."],
      good=["He said that the decision was final.", "If it were up to him, the plant "
            "would stay open.", "Does he have a plan?", "She told them she was ready.",
            "One of the reasons is the cost.", "The news was good for the markets.",
            "The number of visitors has doubled.", "The team of doctors have arrived.",
            "The road to Vila do Conde was closed."])
def agreement(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A subject and a verb that do not agree, or a subject pronoun in the object case.

    MT from languages that mark person on the verb alone, or that drop pronouns,
    guesses the English pronoun and its verb separately: `Him said`, `they was`, `he
    are`, `the prices does`. A long subject loses its number the same way: `The price
    of the tickets for the final are`. A subjunctive (`if it were`), questions (`does he
    have`), a plural after `of` (`one of the reasons is`) and collective nouns (`the
    team have`, `the number of visitors has`) are correct.
    """
    yield from _plural_agreement(doc)
    yield from _resumptive_subjects(doc)
    yield from _head_agreement(doc)
    yield from _subject_pronoun_as_object(doc)
    yield from _compound_subjects(doc)
    yield from _resumptive_objects(doc)
    yield from _resumed_before_main_verb(doc)
    yield from _partitive_agreement(doc)
    yield from _relative_agreement(doc)
    yield from _same_as_pronoun(doc)
    yield from _counted_people(doc)
    text = doc.text
    for m in _candidates(doc, _PRONOUN_THEN_VERB, _PRONOUN_VERB):
        pronoun, verb = m.group("pronoun"), m.group("verb").lower()
        previous = _word_before(text, m.start())
        before = previous.word.lower() if previous else ""
        at_start = previous is None or text[previous.end:m.start()].strip(" \t\"“”'‘’") \
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
                    pronoun == "I" and previous and previous.word[0].isupper()) or (
                    lower in ("it", "you") and before in PREPOSITIONS):
                continue  # `does he have`, `he and I are`, `World War I was`, `those who
                # pay for it are`: `it` is the object of a preposition
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
        before = _words_before(text, m.start())
        if noun[0].isupper():
            # `Analysts believes`: a plural that opens the sentence is its subject
            yield Hit(m.start(), m.end(), f"'{noun} {m.group('verb')}': a plural subject "
                      "with a singular verb", confidence=0.8)
            continue
        if before is None:
            continue
        words = before.lower().split()
        # Walk back over modifiers to the determiner; `one of the reasons is` agrees
        # with `one`, so a preposition before the determiner ends the search.
        for i in range(len(words) - 1, max(-1, len(words) - 4), -1):
            word = words[i]
            if word in _PLURAL_DETERMINERS:
                # After a preposition or a verb the noun phrase is no subject: `one of the
                # reasons is`, `the decision to close the schools has`.
                # A noun that is also a verb is a verb only after a word that asks for
                # one (`the plan to cut the taxes is`, `a law that cuts the fees is`);
                # else it ends an adverbial (`In the morning peak the buses is`).
                if i == 0 or (words[i - 1] not in PREPOSITIONS
                              and words[i - 1] not in _ALSO_PREPOSITIONS and not (
                        (words[i - 1] in lex.verb_forms or words[i - 1] in lex.finite)
                        and words[i - 1] not in AUXILIARIES
                        and (words[i - 1] not in lex.nouns or i < 2
                             or words[i - 2] in _VERB_AFTER))):
                    yield Hit(m.start(), m.end(), f"'{noun} {m.group('verb')}': a plural "
                              "subject with a singular verb", confidence=0.8)
                break
            if word in FUNCTION_WORDS or (word in lex.verbs and word not in lex.nouns and \
                    word not in lex.adjectives) or not word.isalpha():
                break


_VERB_AFTER = MODALS | word_set("to do does did not that which who")
# Prepositions the shared list leaves out because they are more often other words
# (`the past year`, `they like it`): `the path past her pastures is`.
_ALSO_PREPOSITIONS = word_set("past like opposite")


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
    rf"(?P<pronoun>he|she|it|they){_GAP}(?P<verb>[a-z]++)(?P<after>[^\S\n]*[\w“\"])")


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
        # A time is an adverbial, not a subject (`The next day, they met`).
        if len(head) < 2 or head[-1] in _TIME_NOUNS or head[-1] in _MONTHS_AND_DAYS or \
                head[1] in _COMPARATIVES or head[1].endswith("er") or any(
                could_be_finite_verb(head, i) for i in range(1, len(head))):
            continue
        yield Hit(m.start(), m.end("verb"), f"the subject '{' '.join(head)}' is repeated by "
                  f"'{m.group('pronoun')}'", confidence=0.7)
    yield from _resumptive_without_comma(doc)


_RESUMED_BE = word_set("is are was were")
_RESUMED_AUXILIARIES = word_set("has have had will would")
# `the reason it is`, `the way they are`: a clause may follow these nouns with no link.
_CLAUSE_NOUNS = word_set("reason reasons way ways place places moment time times day days "
                         "year years extent point")


def _resumptive_without_comma(doc: Document) -> Iterator[Hit]:
    """`The situation it is the worst since 2015.`: the subject, then a pronoun and `be`.

    Without a comma, a pronoun after the subject could open a contact relative clause
    (`The problem it is facing is cost`); that clause's `be` leads into a participle or
    ends in a preposition (`the state it is in`), so those are left alone.
    """
    texts = token_texts(doc)
    lex = lexicon()
    body = _reads_as_body(doc)
    for sentence, hints in _sentences_of(doc, noun_pronoun_hints(doc)):
        start = _own_start(doc, sentence)
        p = hints[0]
        if sentence.paragraph not in body or texts[start].lower() not in _SUBJECT_START or \
                not 2 <= p - start <= 7 or p + 2 >= sentence.token_end:
            continue
        head = [w.lower() for w in texts[start:p]]
        verb, after = texts[p + 1].lower(), texts[p + 2].lower()
        # `The mayor he stressed that`: a verb of saying and its clause make a sentence
        # of their own; a contact relative clause leaves `said` without one
        said_that = after == "that" and verb in lex.finite and _says(verb)
        # `The mayor it has asked citizens to`: an auxiliary, a participle and an object
        # of its own; a contact relative clause's verb has lost its object
        with_object = verb in _RESUMED_AUXILIARIES and after in lex.participles and \
            p + 3 < sentence.token_end and (texts[p + 3].lower() in _SUBJECT_START or
                                            texts[p + 3][0].isdigit() or
                                            texts[p + 3].lower() in _NUMBER_WORDS or (
                texts[p + 3].lower() in lex.plurals and texts[p + 3].lower() not in lex.finite))
        if with_object:
            after = texts[p + 3].lower()
        # `The contract it was signed at the city hall`: a passive with its phrase
        passive = verb in _RESUMED_BE and after in lex.participles and \
            p + 4 < sentence.token_end and texts[p + 3].lower() in PREPOSITIONS and (
                texts[p + 4].lower() in _SUBJECT_START or texts[p + 4][:1].isupper()
                or texts[p + 4][:1].isdigit())
        if (verb not in _RESUMED_BE and not said_that and not with_object) or \
                head[-1] in _CLAUSE_NOUNS or \
                head[1] in _COMPARATIVES or not all(w.isalpha() for w in head) or \
                after in PREPOSITIONS or (after in lex.participles and not passive) or (
                    after.endswith("ing") and after != "according") or \
                not after.isalpha() or any(could_be_finite_verb(head, i)
                                           for i in range(1, len(head))):
            continue
        first, last = doc.tokens[start], doc.tokens[p + 1]
        yield Hit(first.start, last.end, f"the subject '{' '.join(texts[start:p])}' is "
                  f"repeated by '{texts[p]}'", confidence=0.7)


_COMPARATIVES = word_set("more less fewer")
_PARENTHETICAL = re.compile(r"(?:[^\S\n]+[\w'’-]+)?,")


def _opens_sentence(text: str, at: int) -> bool:
    """Nothing but a line break or the end of a sentence comes before `at`."""
    before = text[max(0, at - 3):at].rstrip(" \t\"“'‘")
    return not before or before[-1] in ".!?\n"


# Up to five words, each with the spaces after it, read backwards from a position: a
# pattern anchored at the end (`...{1,5}$`) would be tried at every start before it
# (`$` also matches before a final line break).
_WORDS_BEFORE_REVERSED = re.compile(r"\n?((?:[^\S\n]+[A-Za-z'’-]+){1,5})")


def _words_before(text: str, end: int) -> str | None:
    """The last one to five words (and the spaces after them) before `end`, or None."""
    chunk = text[max(0, end - 80):end]
    m = _WORDS_BEFORE_REVERSED.match(chunk[::-1])
    return chunk[len(chunk) - m.end(1):len(chunk) - m.start(1)] if m else None


_SINGULAR_AUXILIARIES = word_set("is was has does isn't wasn't hasn't doesn't")
_PLURAL_AUXILIARIES = word_set("are were have do aren't weren't haven't don't")
_SINGULAR_DETERMINERS = word_set("a an this that every each")
_PLURAL_DETERMINERS_ONLY = word_set("these those")
# Heads that take either number (`the team have`, `the majority of voters are`), and
# plurals without -s that the lexicon may not mark as plural.
_EITHER_NUMBER = word_set(
    "number majority minority total rest lot lots couple group pair part half percent "
    "per cent bulk variety range kind sort type host series family team government police "
    "staff public committee council crew board panel jury audience party union army class "
    "company club management side squad band cabinet parliament population remainder "
    "proportion share quarter third fraction people data media children men women cattle "
    "personnel clergy youth elderly handful dozen score bunch batch set crowd")


def _head_agreement(doc: Document) -> Iterator[Hit]:
    """`The operators of the wind farms has signed`: the auxiliary agrees with the last
    noun before it instead of the head of the subject.

    The subject opens the sentence with a determiner and its head noun (in lower case:
    `The United States is` is a name); prepositional phrases (and an infinitive) may
    follow before the auxiliary. A comma, a relative word, another verb or a second
    noun phrase on the way ends the search: the auxiliary may belong to another clause.
    """
    texts = token_texts(doc)
    lex = lexicon()
    for sentence, start in [*_determiner_openings(doc), *_openings_after_adverbial(doc)]:
        items = texts[start:min(sentence.token_end, start + 40)]
        words = [w.lower() for w in items]
        # `Each of the shelters`: `each` is the head, and singular
        head = 0 if words[:2] == ["each", "of"] else _subject_head(words, items, lex)
        if head is None:
            continue
        noun = words[head]
        plural = noun in lex.plurals or words[0] in _PLURAL_DETERMINERS_ONLY
        verb = _auxiliary_after(words, items, head, plural, lex)
        if verb is None:
            continue
        singular_verb = words[verb] in _SINGULAR_AUXILIARIES or (
            words[verb].endswith("s") and words[verb] not in AUXILIARIES
            and words[verb] not in lex.verb_forms and words[verb] in lex.finite)
        if plural and singular_verb:
            wanted = "plural"
        elif not plural and (words[verb] in _PLURAL_AUXILIARIES or
                             words[verb] in lex.verb_forms) and \
                (head == 0 or not noun.endswith("s")) and (
                    noun not in _EITHER_NUMBER or words[:3] == ["the", "number", "of"]):
            # `a number of visitors are`, but `the number of visitors is`
            wanted = "singular"
        else:
            continue
        first, last = doc.tokens[start], doc.tokens[start + verb]
        yield Hit(first.start, last.end, f"'{items[verb]}' does not agree with the "
                  f"{wanted} subject '{items[head]}'", confidence=0.75)


def _openings_after_adverbial(doc: Document) -> list[tuple[Sentence, int]]:
    """Body sentences whose subject opens with a determiner after an introductory
    phrase and its comma (`Previously, the patients ...`, `In the valley, the farmers
    ...`), with the index of that determiner. The phrase holds no verb: otherwise the
    comma may close a clause whose subject this is not."""
    body = _reads_as_body(doc)
    tokens, texts = doc.tokens, token_texts(doc)
    starts = _own_start_list(doc)
    out = []
    for sentence, commas in _sentences_of(doc, comma_hints(doc)):
        start, comma = starts[sentence.index], commas[0]
        if sentence.paragraph not in body or not start < comma <= start + 8 or \
                texts[comma + 1].lower() in _SUBJECT_LEADS or \
                comma + 6 > sentence.token_end or texts[comma + 1].lower() not in _SUBJECT_START \
                or "," in texts[start:comma]:
            continue
        words = [t.text.lower() for t in tokens[start:comma]]
        if all(w[0].isalnum() for w in words) and not any(
                could_be_finite_verb(words, i) for i in range(len(words))):
            out.append((sentence, comma + 1))
    return out


def _subject_head(words: list[str], items: list[str], lex: Lexicon) -> int | None:
    """The index of the head noun of a subject that opens with a determiner: the last
    noun among the modifiers after it (`the first new [stations]`, `the price [cap]`)."""
    head = None
    for i in range(1, min(len(words), 6)):
        word = words[i]
        if items[i][:1].isupper():
            return None  # a name (`The United States`, `The Ministry of Finance`)
        if word in FUNCTION_WORDS or word in _AGREEMENT_ADVERBS or not (
                word in lex.nouns or word in lex.adjectives or word[:1].isdigit()
                or "-" in word):
            break  # `high-speed`, `two-year` are modifiers; `The trams now have`
        if word in lex.nouns and word not in _NUMBER_WORDS:
            head = i
    if head is None or words[head] in _TIME_NOUNS:
        return None
    if head > 1 and words[head] in lex.finite and words[head - 1] in lex.nouns and \
            head + 1 < len(words) and words[head + 1] in PREPOSITIONS and \
            words[head + 1] != "of":
        return None  # `The school lies at`: the last "noun" may be the verb
    return head


_NUMBER_WORDS = word_set("one two three four five six seven eight nine ten first second "
                         "third last next other same former latter")


def _auxiliary_after(words: list[str], items: list[str], head: int, plural: bool,
                     lex: Lexicon) -> int | None:
    """The auxiliary that follows the subject, across prepositional phrases."""
    i = head + 1
    next_to_head = head + 1  # where a verb stands right after the subject's noun phrase
    reduced = False  # a participle after the head opened a reduced relative clause
    while i < len(words):
        word, before = words[i], words[i - 1]
        if (i == head + 1 or (before in lex.nouns and word.endswith("ing"))) and (
                word in lex.participles or (word.endswith("ing") and word in lex.verbs)) \
                and words[i + 1:i + 2] and words[i + 1] in PREPOSITIONS:
            # `the panels installed in the first phase`, `the number of passengers
            # arriving on the ships`: a reduced relative clause, unless the participle is
            # the past verb itself, which `and` would show (`the workers voted in favour
            # and ...`)
            reduced = True
            i += 1
            continue
        if reduced and (word in _COORDINATORS or word == ","):
            return None
        apposition = _name_between_commas(items, i)
        if apposition:
            i = next_to_head = apposition  # `The head of the authority, Rahmat Syahputra,`
            continue
        if word == "," and words[i + 1:i + 2] in (["which"], ["who"]) and (
                i == head + 1 or items[i - 1][:1].isupper()):
            # after the head or after a name in its phrase (`The neighbours of Pino
            # Montano, who ...,`)
            # `The ticket prices, which will be ..., is`: past the relative clause
            close = next((j for j in range(i + 2, len(words)) if words[j] == ","), None)
            if close is None or close + 1 >= len(words):
                return None
            verb = words[close + 1]
            # `The new rules, which ..., applies`, `The seals, which ..., takes`: the
            # main verb (a form in -s there is no plural noun)
            if verb in lex.finite and verb not in lex.adjectives and (
                    verb not in lex.nouns or verb.endswith("s")):
                return close + 1
            i = next_to_head = close + 1  # `The decision, which ..., affect`
            continue
        if word == "do" and items[i - 1][:1].isupper() and items[i + 1:i + 2] and \
                items[i + 1][:1].isupper():
            i += 1  # `over Rio Claro do Norte`: Portuguese `do` inside a name
            continue
        if word in _SINGULAR_AUXILIARIES or word in _PLURAL_AUXILIARIES or (
                not plural and (before in lex.plurals or i == next_to_head)
                and word in lex.verb_forms and word not in lex.adjectives
                and word not in AUXILIARIES and (i > next_to_head or (
                    word not in lex.past and (next_to_head > head + 1
                                              or word not in lex.nouns)))):
            # `each of the bridges need`: a base form after the phrase's plural; `The
            # victory allow`: a base form that is no noun right after a singular head;
            # after an apposition the subject is closed (`..., Anna Berg, say`), but a
            # past form there is no base form (`..., Claire Dumoulin, saw`)
            return i
        if plural and i > head + 1 and word.endswith("s") and word in lex.finite and \
                word not in lex.nouns and word not in lex.plurals and \
                word not in lex.adjectives and items[i][0].islower():
            return i  # `the olive trees of dry land suffers`: a verb in -s that is no noun
        if word in MODALS and items[i][0].islower():
            return None  # `the pavilion will have`: the modal agrees with anything
        if word in _COORDINATORS and not (plural and before in lex.nouns) and \
                "between" not in words[head:i]:
            return None  # `the head of state and the minister have`: two subjects
        if word == "to" and i + 1 < len(words) and words[i + 1] in lex.verb_forms:
            i += 2  # `the cost of the works to secure the slope`: the verb takes an object
            if i < len(words) and words[i] in DETERMINERS:
                i += 1
            continue
        in_phrase = before in _PHRASE_LINKS or before in DETERMINERS or \
            before in lex.adjectives or before in lex.nouns or before[:1].isdigit() or \
            before in _NUMBER_WORDS or items[i - 1][0].isupper() or "-" in before or \
            (before.isalpha() and not lex.knows(before))  # `the northern districts`
        if word in _SUBJECT_ENDS or (word in DETERMINERS and before not in _PHRASE_LINKS) \
                or (word in lex.past and word not in lex.nouns and before not in _PHRASE_LINKS):
            return None  # a comparison, a clause, a second noun phrase, or the verb itself
        if word in _PHRASE_LINKS or word in DETERMINERS or word[:1].isdigit() or \
                word == "'s" or (in_phrase and (
                    word in lex.adjectives or items[i][0].isupper() or word in lex.nouns
                    or word in _NUMBER_WORDS)) or (
                    # `the governorate`: a word the lexicon lacks, after a determiner
                    before in DETERMINERS and word.isalpha() and not lex.knows(word)) or (
                    # `for first-year students`: a compound modifier
                    before in _PHRASE_LINKS and "-" in word and
                    word.replace("-", "").isalnum()) or (
                    word.endswith("ing") and before in PREPOSITIONS):
            i += 1
            continue
        return None
    return None


def _name_between_commas(items: list[str], i: int) -> int:
    """The index after the closing comma when a comma at `i` opens a name of one to four
    capitalized words that another comma closes (an apposition), else 0."""
    if items[i] != ",":
        return 0
    for j in range(i + 2, min(i + 6, len(items))):
        if items[j] == ",":
            return j + 1 if all(w[:1].isupper() for w in items[i + 1:j]) else 0
    return 0


# Words after which a noun phrase continues the subject: prepositions, and `and` inside
# a plural subject (`the prices of bread and milk`).
_PHRASE_LINKS = PREPOSITIONS | _COORDINATORS | word_set("off above below beneath alongside")
_SUBJECT_ENDS = word_set("but as than like whether including that all both "
                         "each which who whom whose")


_PREPOSITIONS_AFTER = word_set("for to with about of from into at on in by")
_OBJECT_FORMS = {"they": "them", "he": "him", "she": "her", "we": "us"}


def _subject_pronoun_as_object(doc: Document) -> Iterator[Hit]:
    """`The city had not asked they for their opinion`: a subject pronoun as an object.

    A subject pronoun is followed by its verb; right after a verb and before a
    preposition it stands where the object form (`them`) belongs.
    """
    tokens = doc.tokens
    texts = token_texts(doc)
    lex = lexicon()
    for i in pronoun_letters(doc):
        pronoun = texts[i]
        if not 0 < i < len(tokens) - 1 or pronoun not in _OBJECT_FORMS or \
                texts[i + 1] not in _PREPOSITIONS_AFTER:
            continue  # cheap test first: a lower-case pronoun before a preposition
        verb = texts[i - 1].lower()
        if verb in AUXILIARIES or verb not in lex.finite or verb in lex.nouns or \
                verb in _SAY_LIKE or "\n" in doc.text[tokens[i - 1].end:tokens[i + 1].start]:
            continue  # `said they in`: hardly, but `says he` inverts an attribution
        yield Hit(tokens[i].start, tokens[i].end, f"'{texts[i - 1]} {pronoun}': after a verb "
                  f"the object form '{_OBJECT_FORMS[pronoun]}' is needed", confidence=0.75)


_SAY_LIKE = word_set("said says say added adds wrote writes told tells replied "
                     "explained noted")


# `Two people was injured`: a count, `people`, a singular verb. (The lexicon does not mark
# `people` as a plural: `the people is` may be a nation.) The scan starts at the literal.
_PEOPLE_SINGULAR = re.compile(rf"people{_GAP}(?:was|is|has)\b")
_COUNT_BEFORE = re.compile(r"(?:\d[\d,.]*|(?i:two|three|four|five|six|seven|eight|nine|ten"
                           r"|dozens of|hundreds of|thousands of))(?:\s+more)?\s+$")


def _counted_people(doc: Document) -> Iterator[Hit]:
    if "people" not in vocabulary(doc):
        return  # cheap test first
    text = doc.text
    for m in _PEOPLE_SINGULAR.finditer(text):
        count = _COUNT_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if count is None or (count.start() and text[count.start() - 1].isalnum()):
            continue
        before = _word_before(text, count.start())
        if before is not None and before.word.lower() == "of":
            continue  # `a company of 22 people has`: the count is inside the subject
        yield Hit(count.start(), m.end(), f"'{text[count.start():m.end()]}': 'people' is "
                  "plural", confidence=0.8)


# `The same said that ...`: Portuguese, Spanish and Italian `o mesmo`, `el mismo`, `lo
# stesso` refer back to a person; English `the same` is no pronoun for a speaker.
_SAME_SAID = re.compile(rf"(?P<same>[Tt]he same){_GAP}(?:also{_GAP})?(?P<verb>said|added|"
                        r"stated|explained|noted|stressed|declared|announced|told|"
                        r"underlined|emphasi[sz]ed|pointed out)\b")


def _same_as_pronoun(doc: Document) -> Iterator[Hit]:
    """`The same added that the city will step up inspections.`"""
    if "same" not in vocabulary(doc):
        return  # cheap test first
    for m in _SAME_SAID.finditer(doc.text):
        yield Hit(m.start(), m.end(), f"'{m.group('same')} {m.group('verb')}': 'the same' "
                  "stands for the speaker as in the source language; English needs 'he', "
                  "'she' or the name", confidence=0.8)


# Two noun phrases joined by `and`, each with its determiner, then a singular verb: the
# scan starts at ` and the`, and looks back for the first noun phrase.
_AND_DETERMINER = re.compile(r" and (?:the|his|her|its|their|our) ")
_FIRST_CONJUNCT = re.compile(
    rf"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur){_GAP}(?:[\w'’-]+{_GAP}){{0,2}}?"
    r"(?P<first>[a-z][\w'’-]*)$")
_SECOND_CONJUNCT = re.compile(
    rf"(?:[\w'’-]+{_GAP}){{0,2}}?(?P<second>[a-z][\w'’-]*){_GAP}(?P<verb>was|is|has)\b")


def _compound_subjects(doc: Document) -> Iterator[Hit]:
    """`the former councillor and his brother-in-law was`: two people, a singular verb.

    With a determiner before each noun, `and` joins two things (`the chairman and chief
    executive` with one determiner may be one person), so the verb is plural.
    """
    if "and" not in vocabulary(doc):
        return
    lex = lexicon()
    text = doc.text
    for link in _AND_DETERMINER.finditer(text):
        head = _FIRST_CONJUNCT.search(text, max(0, link.start() - 60), link.start())
        tail = _SECOND_CONJUNCT.match(text, link.end())
        if head is None or tail is None:
            continue
        first, second = head.group("first"), tail.group("second")
        if any(w in AUXILIARIES for w in head.group().lower().split()[1:]):
            continue  # `the fruit is sweet and the colour is`: two clauses
        if not _is_noun(first, lex) or not _is_noun(second, lex) or first in FUNCTION_WORDS or \
                second in FUNCTION_WORDS or (first in lex.plurals and second in lex.plurals):
            continue
        before = _word_before(text, head.start())
        if before is not None and (before.word.lower() in PREPOSITIONS or
                                   before.word.lower() in _BETWEEN_WORDS):
            continue  # `between the union and the city is`: the phrase is no subject
        yield Hit(head.start(), tail.end(), f"'{tail.group('verb')}' does not agree with the "
                  f"two subjects '{first}' and '{second}'", confidence=0.7)


_BETWEEN_WORDS = word_set("both either neither whether")


def _is_noun(word: str, lex: Lexicon) -> bool:
    """A noun, or a compound whose head is one (`brother-in-law`, `vice-president`)."""
    head, _, _ = word.partition("-")
    _, _, tail = word.rpartition("-")
    return word in lex.nouns or ("-" in word and (head in lex.nouns or tail in lex.nouns))


# A relative clause whose object is taken up again by a pronoun before it closes; the
# verb may be an infinitive after another (`which the city has been promising to repair
# it`).
_RESUMED_CLAUSE = (
    rf"{_GAP}(?P<subject>(?:the|a|an|its|their|his|our|this)(?:{_GAP}[\w'’-]+){{1,3}}|"
    rf"[\w'’-]+){_GAP}(?:(?:also|still|must|will|can|should|would|could|has|have|had|did|"
    rf"does|do|not|been|already|never){_GAP}){{0,3}}(?:[a-z]+{_GAP}to{_GAP})?(?P<verb>[a-z]+)"
    rf"{_GAP}(?P<pronoun>them|it|him)(?=[^\S\n]*[,.;]|{_GAP}(?:every|each|on|in|"
    rf"at|for|during|since|after|before|last|next|this|again|now|twice|once|daily|often|"
    rf"yesterday|today|soon|later)\b|{_GAP}(?:with|to|from|into|under|through|by|without){_GAP}"
    rf"(?:the|a|an|its|their|his|her)\b)")
# Two scans, each opening with a literal (one alternation of both would try every
# position of the text): `which`/`whom`, and `that` after a comma (`The tax, that ...`).
_RESUMED_OBJECT = re.compile(rf"(?P<relative>wh(?:om|ich)){_RESUMED_CLAUSE}")
_RESUMED_AFTER_THAT = re.compile(rf",[^\S\n](?P<relative>that){_RESUMED_CLAUSE}")
# An earlier `that` on the line: `, that` continues a series of `that` clauses.
_THAT_BEFORE = re.compile(r"\bthat\b[^\n]*$")
# Verbs with two objects: `which the council gave them` is complete.
_TWO_OBJECTS = word_set("give gave given gives send sent sends offer offered offers show "
                        "showed shown shows tell told tells pay paid pays lend lent owe owed "
                        "bring brought sell sold hand handed promise promised teach taught "
                        "grant granted award awarded cost costs charge charged ask asked "
                        "leave left")


def _resumptive_objects(doc: Document) -> Iterator[Hit]:
    """`the pensioners, whom the city calls them every week`: a relative clause that
    repeats its object as a pronoun (Arabic, Hebrew, Romance and Slavic speech do)."""
    vocab = vocabulary(doc)
    if "whom" not in vocab and "which" not in vocab and "that" not in vocab:
        return  # cheap test first
    lex = lexicon()
    for m in chain(_RESUMED_OBJECT.finditer(doc.text), _RESUMED_AFTER_THAT.finditer(doc.text)):
        verb = m.group("verb")
        if m.group("relative") == "that" and _THAT_BEFORE.search(
                doc.text, max(0, m.start() - 120), m.start()):
            continue  # `feared that ..., that the fans would not accept it`: a series
        # `which ... them` may hold an indirect object (`which the office mails them
        # monthly`); only a clause that ends at `them` surely repeats its object
        # (`the employees, which the closure concerns them,`).
        if (m.group("relative") != "that" and m.start() and doc.text[m.start() - 1].isalnum()) \
                or verb not in lex.finite or \
                verb in AUXILIARIES or verb in _TWO_OBJECTS or (
                m.group("relative") in ("which", "that") and m.group("pronoun") != "it" and
                doc.text[m.end("pronoun"):m.end("pronoun") + 1] not in (",", ".", ";")):
            continue
        yield Hit(m.start("relative"), m.end("pronoun"), f"'{m.group('pronoun')}' repeats "
                  f"the object that '{m.group('relative')}' already stands for",
                  confidence=0.7)


_OBJECT_RELATIVES = word_set("that which whom")
_RESUMING = word_set("it them him her")
# Words that open the subject of an object relative clause (`that the children built`).
_CLAUSE_SUBJECTS = word_set("the a an its their his her our this these those he she they we")


def _resumed_before_main_verb(doc: Document) -> Iterator[Hit]:
    """`The float that the children of the art school built it received a prize.`: an
    object relative clause repeats its object as a pronoun, and the main verb follows.

    The clause has a subject of its own after `that`, `which` or `whom` (`the man that
    saw it said` has none: `that` is the subject), and its head is a noun that takes no
    `that` clause (`The fact that the minister announced it was a surprise` is right).
    """
    texts = token_texts(doc)
    lex = lexicon()
    body = _reads_as_body(doc)
    # Cheap test first, in C: the lower-case relative words of the document
    for r in compress(count(), map(_OBJECT_RELATIVES.__contains__, texts)):
        sentence = sentence_at(doc, doc.tokens[r].start)
        if sentence is None or sentence.paragraph not in body or \
                not sentence.token_start < r < sentence.token_end - 4 or \
                texts[r + 1].lower() not in _CLAUSE_SUBJECTS:
            continue
        head = texts[r - 1].lower()
        if not _is_noun(head, lex) or head in _THAT_NOUNS or head in FUNCTION_WORDS or \
                head in _CLAUSE_NOUNS or any(
                    t.lower() in ("such", "so") for t in texts[max(0, r - 5):r]):
            continue  # `the way that the city uses it`, `such a mess that the city
            # closed it`: the clause has its own object
        # The clause's verb and the pronoun after it, within a few words, no comma
        for v in range(r + 2, min(r + 13, sentence.token_end - 2)):
            word = texts[v].lower()
            if not word[0].isalnum():
                break
            verb = texts[v - 1].lower()
            # `which the city gave them`: a verb with two objects keeps its pronoun
            if word in _RESUMING and v > r + 2 and verb in lex.finite and \
                    verb not in AUXILIARIES and verb not in _TWO_OBJECTS and \
                    _closes_clause(texts, v + 1, lex):
                first, last = doc.tokens[r], doc.tokens[v]
                yield Hit(first.start, last.end, f"'{texts[v]}' repeats the object that "
                          f"'{texts[r]}' already stands for", confidence=0.7)
                break


def _closes_clause(texts: list[str], at: int, lex: Lexicon) -> bool:
    """What follows the pronoun shows that it closed the relative clause as its object:
    the main verb (an auxiliary, or a past form that is no noun), a time (`it last
    year`) or a phrase (`it from her aunt`); a stranded preposition before the main verb
    (`the firm that the state sold it to went`) does not."""
    word = texts[at].lower()
    after = texts[at + 1].lower() if at + 1 < len(texts) else ""
    return word in AUXILIARIES or (word in lex.past and word not in lex.nouns) or \
        word in _TIME_OPENERS or (word in PREPOSITIONS and (
            after in DETERMINERS or after[:1].isdigit() or texts[at + 1][:1].isupper()))


_TIME_OPENERS = word_set("last this next yesterday today earlier every each twice once")


# `each of the chains are`, `many of them travels`: the number of a partitive subject.
_EACH_OF = re.compile(
    rf"ach{_GAP}of{_GAP}(?:the|these|those|their|its|our|his|her|them|us){_GAP}"
    rf"(?:[\w'’-]+{_GAP}){{0,3}}?(?P<verb>are|were|have|do|aren't|weren't|haven't|don't)\b")
_OF_THEM = re.compile(
    rf"of{_GAP}(?P<pronoun>them|us|these|those){_GAP}(?:(?:also|still|now|often){_GAP})?"
    rf"(?P<verb>is|was|has|does|[a-z]+s)\b")
_PLURAL_PARTITIVES = word_set("many several both few most all")


def _partitive_agreement(doc: Document) -> Iterator[Hit]:
    """`each of the chains are` (singular), `many of them travels` (plural)."""
    text = doc.text
    lex = lexicon()
    for m in _EACH_OF.finditer(text, 1):
        start = m.start() - 1
        if text[start] not in "Ee" or (start and text[start - 1].isalnum()) or \
                "," in m.group() or "\n" in m.group():
            continue
        yield Hit(start, m.end(), f"'{m.group('verb')}' does not agree with 'each', which "
                  "is singular", confidence=0.75)
    for m in _OF_THEM.finditer(text):
        verb = m.group("verb")
        before = _word_before(text, m.start(), 20)
        if before is None or before.word.lower() not in _PLURAL_PARTITIVES or \
                before.end + 1 != m.start():
            continue
        # Right after `of them` a word in -s is the verb, even one that is also a
        # plural noun (`lives`, `plans`); after `of these` it is the noun of `these`
        # (`many of these projects`).
        if verb not in _SINGULAR_AUXILIARIES and (
                verb not in lex.finite or not lex.verb_lemmas.get(verb)
                or m.group("pronoun") in ("these", "those")):
            continue
        yield Hit(before.start, m.end(), f"'{verb}' does not agree with the plural "
                  f"'{before.word.lower()} of ...'", confidence=0.75)


_WHO_THAT = frozenset(("who", "that"))
_RELATIVE_VERBS = frozenset(("has", "is", "was", "does", "hasn't", "isn't", "wasn't",
                             "doesn't"))
_RELATIVE_ADVERBS = word_set("already still also now often never")
_SINGULAR_VERB = re.compile("z")


def _relative_agreement(doc: Document) -> Iterator[Hit]:
    """`Owners who already has a licence`: a relative clause's verb agrees with the plural
    noun it follows (`one of the owners who has` is left alone)."""
    lex = lexicon()
    texts = token_texts(doc)
    tokens = doc.tokens
    for m in _SINGULAR_VERB.finditer(agreement_letters(doc)):
        at = m.start()  # the verb; before it `who`, perhaps with an adverb between
        if texts[at] not in _RELATIVE_VERBS:
            continue
        relative = at - 1 if texts[at - 1] in _WHO_THAT else \
            at - 2 if texts[at - 1] in _RELATIVE_ADVERBS and texts[at - 2] in _WHO_THAT \
            else None
        if relative is None or relative < 1:
            continue
        noun = texts[relative - 1].lower()
        start = tokens[relative - 1].start
        if noun not in lex.plurals or (noun in lex.finite and noun not in lex.nouns) or \
                "one of" in doc.text[max(0, start - 30):start].lower() or \
                "\n" in doc.text[start:tokens[at].end] or \
                _after_preposition(texts, relative - 1):
            continue  # `a scheme for property investors that has`: it may stand for the
            # noun before the preposition
        yield Hit(start, tokens[at].end, f"'{texts[at]}' does not agree with "
                  f"'{texts[relative - 1]}', which the relative clause stands for",
                  confidence=0.7)


def _after_preposition(texts: list[str], noun: int) -> bool:
    """Whether a preposition stands among the three words before the noun at `noun`, in
    its own clause (`for foreign property investors`)."""
    for word in reversed(texts[max(0, noun - 4):noun]):
        if not word[0].isalnum():
            return False
        if word.lower() in PREPOSITIONS:
            return True
    return False
