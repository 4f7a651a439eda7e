"""Sentences that stop too early: `instead of.`, `the exercises are not directed against.`"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from mtcheck.analyze import sentence_at, token_texts
from mtcheck.english import (
    AUXILIARIES,
    DETERMINERS,
    FUNCTION_WORDS,
    MODALS,
    PREPOSITIONS,
    PRONOUNS,
    Lexicon,
    could_be_finite_verb,
    data_sections,
    lexicon,
    word_set,
)
from mtcheck.model import Document, Hit
from mtcheck.rules.broken._codes import that_hints
from mtcheck.rules.broken._shared import _BE, _SUBJECT_START, _THAT_NOUNS, _takes_that_clause
from mtcheck.rules.registry import RuleContext, rule


@dataclass(frozen=True)
class _Endings:
    never: frozenset[str]
    fixed: tuple[tuple[str, ...], ...]       # longest first
    stranded: frozenset[str]
    strandable: frozenset[tuple[str, str]]    # (lemma, preposition) that may be stranded
    last_words: frozenset[str]                # every word an ending above can end in


@lru_cache(maxsize=1)
def _endings() -> _Endings:
    data = data_sections("broken_endings.txt")
    fixed = tuple(sorted((tuple(p.split()) for p in data["fixed"]), key=len, reverse=True))
    strandable = frozenset((p.split()[-2], p.split()[-1]) for p in data["prepositional"])
    never, stranded = frozenset(data["never-final"]), frozenset(data["stranded"])
    return _Endings(never, fixed, stranded, strandable,
                    never | stranded | {phrase[-1] for phrase in fixed})


# Words that take the object of a stranded preposition (`what it consists of`).
_STRANDERS = word_set("what which who whom whose where whatever whichever that to") \
    | PRONOUNS
_NUMBER_LIKE = re.compile(r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|many|"
                          r"some|others?|none|all|most|few|several")


@rule("broken.dangling-ending", category="broken", severity="major",
      bad=["The owners would rather sell their flats instead of.",
           "The hoteliers fear that many tourists will now go to.",
           "The firm said that the plant from the spring fully operate will.",
           "The mayor said the final decision depends on.",
           "The old bridge was closed after it was deemed.",
           "The officials said the exercises are not directed against.",
           "The committee chose a candidate which is the.",
           "The line will reach the northern suburbs, which.",
           "The mayors will hand the petition to the minister in.",
           "The court set the date for the year in which.",
           "Each shop will receive a grant of up to.",
           "It was this decision which.",
           "The council had decided over the heads of the villages without.",
           "The shops stay shut, but the city has allowed the bakeries to.",
           "The spare parts for the new trams will come from."],
      good=["It is not clear what the deal consists of.",
            "These are the people he works with.", "Ten members voted against.",
            "The patients had hepatitis A.", "Nobody could say which.",
            "She has never asked which.", "They will have to do without.",
            "Nobody knows where the money will come from."])
def dangling_ending(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A sentence that ends in a word that needs something after it.

    Articles, conjunctions and complex prepositions (`instead of`, `according to`)
    never end an English sentence; a simple preposition ends one only when a
    relative word, pronoun or infinitive earlier in the clause takes its object.
    """
    yield from _verbless_that_clauses(doc)
    endings = _endings()
    all_tokens = doc.tokens
    for sentence in doc.sentences:
        if not sentence.text.endswith(".") or sentence.text.endswith("..") or \
                sentence.token_end - sentence.token_start < 4:
            continue
        # Cheap test first: the word before the final full stop.
        last = all_tokens[sentence.token_end - 2].text.lower()
        if last in _RELATIVE_WORDS and all_tokens[sentence.token_end - 3].text == ",":
            word = all_tokens[sentence.token_end - 2]
            yield Hit(word.start, sentence.end, f"the sentence ends in ', {word.text}': the "
                      "relative clause it opens is missing", confidence=0.85)
            continue
        if last not in endings.last_words and last not in _BE and last not in _NAMING and \
                last not in _PARTICLES and last != "never" and \
                last not in MODALS and \
                all_tokens[sentence.token_end - 3].text.lower() not in MODALS:
            continue
        tokens = [t for t in doc.sentence_tokens(sentence) if t.text[0].isalnum()]
        if len(tokens) < 3:
            continue
        words = [t.text for t in tokens]
        lower = [w.lower() for w in words]
        hit = _dangling(lower, words, endings)
        if hit:
            first = tokens[len(tokens) - hit]
            phrase = " ".join(words[-hit:])
            yield Hit(first.start, sentence.end, f"the sentence ends in '{phrase}', which "
                      "needs something after it", confidence=0.85)


def _verbless_that_clauses(doc: Document) -> Iterator[Hit]:
    """The `that` clauses that run to the end of their sentence without a verb."""
    tokens, plurals = doc.tokens, lexicon().plurals
    texts = token_texts(doc)
    done: set[int] = set()
    for i in that_hints(doc):
        if not 0 < i < len(tokens) - 2 or not (
                (word := texts[i + 1].lower()) in _SUBJECT_START or word in plurals):
            continue  # cheap test first: a determiner or a plural opens the clause
        sentence = sentence_at(doc, tokens[i].start)
        if sentence is None or sentence.token_end - i > 17 or sentence.index in done or \
                not sentence.text.endswith(".") or sentence.text.endswith(".."):
            continue
        lower = [w.lower() for w in texts[i - 1:sentence.token_end] if w[0].isalnum()]
        if _clause_without_verb(lower):
            done.add(sentence.index)
            clause = doc.text[tokens[i].start:sentence.end - 1]
            yield Hit(tokens[i].start, sentence.end, f"the clause '{clause}' has no verb: it "
                      "stops before its predicate", confidence=0.85)


# After a comma these open a relative clause, which cannot be empty (`, which.`).
_RELATIVE_WORDS = word_set("which who whom whose where")
# `now or never`, `better late than never`, `she would never`: complete as they are.
_BEFORE_FINAL_NEVER = MODALS | AUXILIARIES | word_set("or than ever")


def _dangling(lower: list[str], words: list[str], endings: _Endings) -> int:
    """How many final words dangle (0 when the ending is fine)."""
    last = lower[-1]
    if last in endings.never and words[-1] == last:  # `Vitamin A.` is a name
        return 1
    for phrase in endings.fixed:
        if tuple(lower[-len(phrase):]) == phrase:
            return len(phrase)
    if last == "to" and lower[-2] in _TO_NOUNS and _nearest_strander(lower[:-1]) is None:
        return 2  # `they will have no access to.`: the noun's `to` phrase lost its object
    if last == "to":
        if _passive_to(lower):  # `were introduced to.`, not `what she is used to.`
            return 0 if _nearest_strander(lower) is not None else 3
        return _control_to(lower) or _destination_missing(lower)
    if last == "never" and lower[-2] not in _BEFORE_FINAL_NEVER:
        return 1  # `which the council never.`: the verb is missing
    if last in _BE:
        return 1 if _bare_copula(lower) else 0
    if last in _NAMING and lower[-2] in _BE:
        return 2  # `The bridge was deemed.`: deemed what?
    if last == "by" and len(lower) > 3 and lower[-2] in lexicon().participles and \
            (lower[-3] in _BE or lower[-4] in _BE):
        return 2  # `The actors were trained by.`: the passive lost its agent
    if lower[-2] in MODALS and last in lexicon().adverbs and last not in _ELLIPSIS_ADVERBS \
            and (last not in lexicon().verb_forms or last in _TRANSITIVE_ADVERBS) \
            and len(lower) > 2 and lower[-3] not in PRONOUNS and \
            not _COPULA_GAP.intersection(lower[:-2]):
        return 2  # `Shenzhen will further.`; `they will soon.` is an ellipsis
    if last in MODALS and lower[-2] in lexicon().verb_forms and \
            lower[-2] not in lexicon().nouns and lower[-2] not in FUNCTION_WORDS:
        return 2  # `that the plant fully operate will.`: the modal after its verb
    if last == "on" and len(lower) > 2 and lower[-3] not in _BE and _nearest_strander(
            lower) is None and _ON_VERBS.intersection(
                (lower[-2], *lexicon().verb_lemmas.get(lower[-2], ()))):
        return 2  # `the final decision depends on.`
    if last in ("which", "whom") and lower[-2] in PREPOSITIONS:
        return 2  # `for the year in which.`: the relative clause is missing
    if last in _RELATIVE_WORDS and _ends_noun_phrase(lower, len(lower) - 2):
        return 1  # `It is this report which.`; `I cannot say which.` asks a question
    if last in _PARTICLES or last in endings.stranded:
        # A preposition never ends a clause right after a prepositional phrase (`to the
        # minister in.`, `in state bodies for.`), unless a relative word took its object;
        # `in`, `on` and `by` end one as particles after a verb or its object (`hand the
        # petition in`).
        opens = _phrase_before(lower)
        if opens is not None and _RELATIVE_WORDS.isdisjoint(lower) and "that" not in lower:
            return len(lower) - opens
    if last not in endings.stranded:
        return 0
    before = lower[-2]
    # A pronoun that opens the sentence is its subject, not a relative clause's (`He
    # stressed the importance of.`; `the people he works with` is complete).
    strander = _nearest_strander(lower)
    if strander is not None and strander != "to":
        return 0
    if last == "of" and len(lower) > 3 and lower[-3] in DETERMINERS and \
            lower[-2] in lexicon().nouns:
        return 3  # `to wait until the end of.`: `of` after a noun phrase lost its object
    if strander:
        return 0
    if last in ("against", "for") and (_NUMBER_LIKE.fullmatch(before) or before in _BE):
        return 0  # `ten voted for and two against.`, `nine were against.`
    # A verb whose preposition may be stranded still needs what strands it: a passive
    # (`the matter was dealt with`), a gerund (`worth looking into`) or the relative
    # words and pronouns looked for above; `the engines will come from.` has none.
    # `against` (and `for` after `vote`, `argue`) stands alone as an adverb: `the court
    # ruled against`, `three voted for`.
    lemmas = (before, *lexicon().verb_lemmas.get(before, ()))
    if any((lemma, last) in endings.strandable for lemma in lemmas) and (
            _passive_before(lower) or before.endswith("ing") or last == "against"
            or (last == "for" and _FOR_ALONE.intersection(lemmas))
            or not _subject_opens_clause(lower)):
        return 0
    return 1


def _subject_opens_clause(lower: list[str]) -> bool:
    """Whether the subject of the final verb opens its clause: nothing before it can
    take the object of a final preposition. A noun, an indefinite or `than` right
    before the subject may (`something neighbours asked for`, `everything we hoped
    for`, `than the city had hoped for`)."""
    lex = lexicon()
    i = len(lower) - 3  # the word before the verb
    while i >= 0 and (lower[i] in AUXILIARIES or lower[i] in lex.adverbs):
        i -= 1  # `had long asked`
    if i >= 0 and lower[i] in PRONOUNS:
        i -= 1
    else:
        end = i
        while i >= 0 and lower[i] not in _GAP_OPENERS and lower[i] not in _CLAUSE_OPENING and (
                lower[i] in lex.nouns or lower[i] in lex.adjectives or lower[i] in DETERMINERS
                or lower[i][:1].isdigit() or lower[i] in PREPOSITIONS or lower[i] == "and"
                or not lex.knows(lower[i])):
            i -= 1
        if i == end:  # no subject: `and called for` shares the subject before it
            return lower[i] in _CLAUSE_JOINERS if i >= 0 else False
    # after a verb the subject opens a reported clause (`said the plan depends on`)
    return i < 0 or lower[i] in _CLAUSE_OPENING or (lower[i] in lex.verbs
                                                    and lower[i] not in lex.nouns)


# `in`, `on`, `by` end a clause as particles (`hand the petition in`); these others
# never do right after a prepositional phrase (`over the heads of the villages without.`).
_PARTICLES = word_set("in on by without about between")


def _ends_noun_phrase(lower: list[str], i: int) -> bool:
    """`this report`, `the new bridge`: a noun at `i`, with a determiner among the three
    words before it."""
    lex = lexicon()
    return lower[i] in lex.nouns and lower[i] not in FUNCTION_WORDS and \
        not _NUMBER_LIKE.fullmatch(lower[i]) and \
        any(w in DETERMINERS for w in lower[max(0, i - 3):i])


def _phrase_before(lower: list[str]) -> int | None:
    """The index of the preposition whose noun phrase ends right before the last word
    (`to the health minister` in `... to the health minister in.`), or None."""
    lex = lexicon()
    i = len(lower) - 2
    if lower[i] not in lex.nouns or lower[i] in FUNCTION_WORDS or \
            _NUMBER_LIKE.fullmatch(lower[i]):
        return None  # `ten voted for and two against.`
    # the noun and its modifiers, then at most one determiner, then the preposition
    while i > 0 and (lower[i] in lex.nouns or lower[i] in lex.adjectives or
                     lower[i][:1].isdigit()) and lower[i] not in FUNCTION_WORDS:
        i -= 1
    if i > 0 and lower[i] in DETERMINERS:
        i -= 1
    if lower[i] == "to" and lower[i + 1] in lex.verb_forms:
        return None  # `colleagues to share cases with`: an infinitive, not a phrase
    return i if lower[i] in PREPOSITIONS and i < len(lower) - 2 else None


def _nearest_strander(lower: list[str]) -> str | None:
    """The word closest before a final preposition that can take its object (`which`
    in `the law which it consists of`), or None.

    A relative word followed at once by a verb is its clause's subject (`a way that is
    compatible with.`), and `that` after a verb or `but` opens a clause (`said that the
    decision depends on.`): neither takes the object.
    """
    lex = lexicon()
    for i in range(len(lower) - 2, max(1 if lower[0] in PRONOUNS else 0, len(lower) - 13) - 1,
                   -1):
        word = lower[i]
        if i >= len(lower) - 7 and _opens_contact_relative(lower, i, lex):
            return word
        if word not in _STRANDERS:
            continue
        after = lower[i + 1]
        if word in _SUBJECT_RELATIVES and (after in AUXILIARIES or (
                after in lex.finite and after not in lex.nouns)):
            return None
        if word == "that" and i and (lower[i - 1] in _CLAUSE_JOINERS or
                                     lower[i - 1] in _THAT_NOUNS or
                                     could_be_finite_verb(lower, i - 1)):
            return None  # the clause opens here: no word before it takes the object
        if word in PRONOUNS and i and lower[i - 1] not in lex.nouns:
            continue  # `said it could be`: a subject; `the people he works with` strands
        return word
    return None


def _opens_contact_relative(lower: list[str], i: int, lex: Lexicon) -> bool:
    """`the bridge the city relies on`: a determiner right after a noun opens a relative
    clause with no relative word, whose verb takes the noun as its object."""
    before = lower[i - 1]
    return lower[i] in _SUBJECT_START and (before in _INDEFINITES or (
        before in lex.nouns and before not in FUNCTION_WORDS and before not in lex.past))


_SUBJECT_RELATIVES = word_set("that which who")
_INDEFINITES = word_set("something anything nothing everything someone anyone everyone "
                        "somebody anybody everybody")
# Verbs whose `on` always takes an object (`on` ends a clause as a particle elsewhere:
# `the talks went on`).
_FOR_ALONE = word_set("vote argue")
# Words before a subject that may take the object of its clause's last preposition.
_GAP_OPENERS = _INDEFINITES | word_set("than as")
# Words after which a new clause, and its subject, begins.
_CLAUSE_OPENING = word_set("and but or so while whereas because although though when if "
                           "unless since after before until once")
# Nouns whose complement is a `to` phrase with a noun (`access to the site`), never an
# infinitive that an ellipsis may drop (`the right to`, `the chance to` may be one).
_TO_NOUNS = word_set("access damage threat visit visits trip trips return journey route "
                     "link links connection connections reference response answer "
                     "solution exposure admission entry transfer")
_ON_VERBS = word_set("depend rely hinge focus insist embark dwell capitalize capitalise "
                     "elaborate impose")
_CLAUSE_JOINERS = word_set("but and or so")


# Words that let a clause end in its copula: `as they were`, `what it is`, `who they are`,
# `so be it`, `There it was.`, `It may or may not be.`, `It was not to be.`
_COPULA_GAP = word_set("what which who whom whose where when how as than so there here "
                       "whether whatever however wherever whoever whichever such if let not "
                       "to n't")


# Passives that still need their complement (`was deemed unsafe`, `was dubbed the
# iron lady`). `named` is absent: news writes `The victims were not named.`
_NAMING = word_set("dubbed deemed labelled labeled regarded")
# Adverbs that are verbs too, but only with an object (`will further the cause`); other
# adverb-verbs end a clause as intransitive verbs (`The factory will close.`).
_TRANSITIVE_ADVERBS = word_set("further")
# `They said they would not.`, `He hopes it will too.`: ellipses English allows.
_ELLIPSIS_ADVERBS = word_set("not too again so either though anyway instead then also")


def _bare_copula(lower: list[str]) -> bool:
    """`The first test for the new council will be.`: a copula with nothing after it."""
    # The word that lets the copula end its clause stands in that clause: within the
    # last words, and a negation or `to` right before it (`may not be`, `not to be`).
    # A pronoun subject right before (`hoping it will be`) marks an ellipsis.
    return len(lower) >= 4 and lower[-2] not in PRONOUNS and not (
        lower[-2] in AUXILIARIES and lower[-3] in PRONOUNS) and \
        not (_COPULA_GAP - _NEAR_ONLY).intersection(lower[-10:-1]) and \
        not _NEAR_ONLY.intersection(lower[-4:-1])


_NEAR_ONLY = word_set("to not n't")


def _clause_without_verb(lower: list[str]) -> int:
    """`The institute recommends that swimmers.`, `Groups say that the wastewater from the
    smelters.`: `that` opens a clause that never comes.

    After a verb, `that` followed by a determiner or a plural noun cannot be a
    demonstrative (`that day`); with no word after it that can be a finite verb, the
    clause lost its predicate.
    """
    if "that" not in lower[:-1]:
        return 0
    at = len(lower) - 1 - lower[::-1].index("that")
    rest = lower[at + 1:]
    lex = lexicon()
    verb = lower[at - 1] if at else ""
    if not (verb in lex.verbs and (verb not in lex.nouns or _takes_that_clause(verb))) or \
            not (rest[0] in _SUBJECT_START or rest[0] in lex.plurals) or len(rest) > 14 or \
            any(could_be_finite_verb(lower, i) and lower[i] not in lex.adverbs
                for i in range(at + 2, len(lower))):
        return 0  # `still`, `too` are adverbs at the end of a clause, not its verb
    return len(rest) + 1


# Verbs whose `to` takes an object, never an infinitive left out by ellipsis (`He wanted
# to.`, `She is going to.` are complete): verbs of motion and their destination,
_TO_OBJECT_VERBS = word_set(
    "go goes went gone come comes came travel travels travelled traveled move moves moved "
    "return returns returned fly flies flew flown head heads headed drive drives drove "
    "driven walk walks walked relocate relocated emigrate emigrated commute commuted"
) | word_set(
    # and verbs whose `to` is a preposition (`pointed to`, `refers to`)
    "point points pointed refer refers referred belong belongs belonged lead leads led "
    "respond responds responded contribute contributes contributed object objects objected "
    "listen listens listened reply replies replied react reacts reacted amount amounts "
    "amounted relate relates related adhere adheres adhered")


def _destination_missing(lower: list[str]) -> int:
    """`Many tourists will now go to.`, `He pointed to.`: the object of `to` is missing.

    A relative word or pronoun before it may take the destination (`the school he went
    to`)."""
    verb = len(lower) - 2
    while verb > 0 and lower[verb] in lexicon().adverbs and lower[verb] not in _TO_OBJECT_VERBS:
        verb -= 1
    if verb < 1 or lower[verb] not in _TO_OBJECT_VERBS:
        return 0
    for i in range(max(1 if lower[0] in PRONOUNS else 0, verb - 8), verb):
        # `that` or `to` after a verb opens a clause (`fear that they go`, `expected to
        # move`); after a noun, a relative one that takes the destination (`the city
        # that they go to`, `a city to move to`)
        if lower[i] in _STRANDERS and not (lower[i] in ("that", "to") and i and
                                           could_be_finite_verb(lower, i - 1)):
            return 0
        if i >= len(lower) - 5 and _opens_contact_relative(lower, i, lexicon()):
            return 0  # `the report the minister referred to`
    return len(lower) - verb


# `the system is used to.`: a passive whose infinitive went missing. `if it is asked to`
# and `was not allowed to` are ellipses that English allows.
_ELLIPSIS_CONTEXT = word_set("if unless when whenever as because although though not "
                             "never n't so until once")


# Verbs of permission and obligation whose object takes an infinitive (`authorised the
# directors to open`); with a full noun phrase object the infinitive is not left out.
_CONTROL_VERBS = word_set("authorise authorize allow permit enable oblige require force "
                          "instruct order empower entitle")


def _control_to(lower: list[str]) -> int:
    """`... has authorised the directors to.`: the infinitive after a verb of permission
    and its object is missing (`Nobody asked him to.` is an ellipsis: a pronoun)."""
    lex = lexicon()
    if len(lower) < 4 or lower[-2] not in lex.nouns or \
            _ELLIPSIS_CONTEXT.intersection(lower[-10:]):
        return 0
    # the verb, then an object that opens with a determiner (`the swimming clubs`)
    for v in range(len(lower) - 4, max(0, len(lower) - 7), -1):
        if lower[v + 1] in DETERMINERS and _CONTROL_VERBS.intersection(
                (lower[v], *lex.verb_lemmas.get(lower[v], ()))) and \
                not FUNCTION_WORDS.intersection(lower[v + 2:-1]):
            return len(lower) - v
    return 0


def _passive_before(lower: list[str]) -> bool:
    """A participle before the final word, with a form of `be` right before it or one
    word earlier (`was dealt with`, `were quickly sent from`)."""
    return len(lower) >= 4 and lower[-2] in lexicon().participles and (
        lower[-3] in _BE or lower[-4] in _BE)


def _passive_to(lower: list[str]) -> bool:
    """`were introduced to.`: the participle right after `be`, outside an ellipsis."""
    return _passive_before(lower) and lower[-3] in _BE and \
        not _ELLIPSIS_CONTEXT.intersection(lower[-10:])
