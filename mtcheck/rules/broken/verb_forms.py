"""Verb forms that English grammar rules out: `will to invest`, `will implemented`,
`has went`, `did said`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from mtcheck.analyze import sentence_at, vocabulary
from mtcheck.english import DETERMINERS, PREPOSITIONS, PRONOUNS, Lexicon, lexicon, word_set
from mtcheck.model import Document, Hit, Token
from mtcheck.rules.broken._codes import that_hints, verb_form_letters
from mtcheck.rules.broken._shared import _TIME_NOUNS
from mtcheck.rules.registry import RuleContext, rule

# Over `verb_form_letters`: each shape, and what is wrong with it.
_SHAPES = (
    (re.compile("mn?t[beh]"), "a modal verb takes the bare infinitive, without 'to'"),
    (re.compile("mn{0,2}[ep]"), "a modal verb takes the base form, not a past form"),
    (re.compile("hn{0,2}p"), "'have' takes the past participle, not the past tense"),
    (re.compile("dn{0,2}[epE]"), "'do' takes the base form, not a past form"),
    (re.compile("tp"), "'to' takes the base form, not the past tense"),
    (re.compile("ht[gG]"), "'have to' takes the base form, not the -ing form"),
    # An -ing form that is also a noun is one only without `not` between (`has training`)
    (re.compile("hn{0,2}g|hn{1,2}G"), "'have' takes the past participle, not the -ing form"),
    (re.compile("mn{0,2}[gG]"), "a modal verb takes the base form, not the -ing form"),
    # `are been financed`: Italian and Spanish `essere`/`estar` before a participle
    (re.compile("wn{0,2}B"), "'be' does not take 'been': 'have been' or 'are' alone"),
)


@rule("broken.verb-form", category="broken", severity="major",
      bad=["The minister said that the company will to invest 2 billion euros.",
           "According to the plan, the reform will implemented next year.",
           "The strikers has went home after the talks.",
           "Officials did not said when the bridge would reopen.",
           "Hundreds of residents been moved to schools in the town.",
           "The ministry wants that the farmers apply before May.",
           "The ministry has not yet commenting on the plan.",
           "Nobody at the office was listen to the residents.",
           "The opposition has obtain a majority in the council.",
           "The lawyers will appeals the verdict next month.",
           "The union has welcome the new contract.",
           "Half of the village did not had running water.",
           "The school teached the children to swim.",
           "The works, which are been financed by the region, end in May.",
           "The company has not return the deposits so far."],
      good=["The company will invest 2 billion euros.",
            "The reform will be implemented next year.",
            "The strikers have gone home.", "His will signed in 1990 was read out.",
            "She ought to have known.", "Have the residents been told?",
            "All the volunteers did was listen.", "The plan has welcome support.",
            "They had dinner the night before.", "The project has promise.",
            "The works have been financed by the region."])
def verb_form(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A verb form that its auxiliary rules out: `will to invest`, `has went`.

    `will implemented` and `did not said` are the same error. Languages that mark tense
    on the main verb, or use an infinitive particle after their modals (Russian, Polish,
    Turkish), lead MT to `must to pay` and `can solved`. A modal that is a noun (`his
    will`, `a can`) is left alone. `been` right after its subject lost its `have`
    (`residents been moved`), unless a question or condition put `have` first; `be`
    and `have` take no base form (`was listen`, `has obtain`) outside a pseudo-cleft
    (`all they did was wait`);
    `want` takes no `that` clause (`wants that the farmers apply`).
    """
    tokens = doc.tokens
    letters = verb_form_letters(doc)
    seen: set[int] = set()
    for pattern, message in _SHAPES:
        for m in pattern.finditer(letters):
            first, last = tokens[m.start()], tokens[m.end() - 1]
            if m.start() in seen or "\n" in doc.text[first.start:last.end] or (
                    m.start() and tokens[m.start() - 1].text.lower() in DETERMINERS):
                continue  # across lines, or `his will`, `a can`
            if first.text[0].isupper() and (first.text.lower() in ("may", "will")
                                            or letters[m.end() - 1] == "E"):
                continue  # `May`, `Will Smith`, `Do wanted posters work?`
            if letters[m.end() - 1] in "gG" and letters[m.start() + 1] != "t" and \
                    not _verb_reading(tokens, m.end()):
                continue  # `have growing debts`: the -ing form is an adjective
            seen.add(m.start())
            yield Hit(first.start, last.end, f"'{doc.text[first.start:last.end]}': "
                      f"{message}", confidence=0.85)
    yield from _third_person_after_modal(doc, letters, seen)
    yield from _regularized_pasts(doc)
    for m in _DO_THEN_HAVE.finditer(letters):
        first, last = tokens[m.start()], tokens[m.end() - 1]
        # with `not` between or `n't` (`What the firm did had no effect` ends a clause)
        if last.text.lower() in ("has", "had") and "\n" not in doc.text[first.start:last.end] \
                and (m.end() - m.start() > 2 or first.text.lower().endswith("n't")):
            yield Hit(first.start, last.end, f"'{doc.text[first.start:last.end]}': 'do' "
                      "takes the base form 'have'", suggestion=None, confidence=0.85)
    for i in that_hints(doc):
        if 0 < i < len(tokens) - 1 and tokens[i - 1].text.lower() in _WANTS and \
                tokens[i + 1].text.lower() in _THAT_SUBJECTS and \
                "\n" not in doc.text[tokens[i - 1].start:tokens[i + 1].end]:
            first, last = tokens[i - 1], tokens[i + 1]
            yield Hit(first.start, last.end, f"'{doc.text[first.start:last.end]}': 'want' "
                      "takes an object and an infinitive (`wants the producers to`), not a "
                      "'that' clause", confidence=0.8)
    lex = lexicon()
    yield from _base_after_be(doc, letters, lex)
    yield from _past_noun_after_have(doc, letters, lex)
    for m in _BEEN.finditer(letters, 1):
        if letters[m.start() - 1] not in "bc":
            continue
        first, last = tokens[m.start() - 1], tokens[m.start()]
        noun = first.text.lower()
        if (noun not in lex.nouns and noun not in lex.plurals) or noun in lex.adverbs:
            continue
        noun_at = m.start() - 1
        before = [t.text.lower() for t in tokens[max(0, noun_at - 8):noun_at]]
        clause = before[max((i + 1 for i, w in enumerate(before) if w in _NEW_CLAUSE),
                            default=0):]
        if "\n" in doc.text[tokens[max(0, noun_at - len(clause))].start:last.end] or \
                _HAVE.intersection(clause):
            continue  # `Have the residents been told?`, `has in recent years been`
        yield Hit(first.start, last.end, f"'{doc.text[first.start:last.end]}': 'been' needs "
                  "'has', 'have' or 'had' before it", confidence=0.8)


def _verb_reading(tokens: Sequence[Token], after: int) -> bool:
    """An -ing form reads as a verb when a preposition, a determiner, a pronoun or the
    end of the clause follows it, not a noun it could describe."""
    if after >= len(tokens):
        return True
    word = tokens[after].text.lower()
    return not word[0].isalnum() or word in PREPOSITIONS or word in DETERMINERS or \
        word in PRONOUNS


# `wants that the producers to be able`: the subjunctive clause of Romance and Slavic
# languages after `want`.
_WANTS = word_set("want wants wanted")
_THAT_SUBJECTS = word_set("the a an its their his her our all we they he she you i")
# `been` (after a noun or a verb's base form, the auxiliary `have` went missing).
_BEEN = re.compile("B")
_HAVE = word_set("have has had having")
_NEW_CLAUSE = word_set("and but or which who that because while when if")


# `was listen`, `has obtain`, `been cancel`: a form of `be` or `have`, then a base form
# that is no noun, adjective, past or participle.
_BE_BASE = re.compile("[hwB]n{0,2}b")


@cache
def _known_words() -> frozenset[str]:
    """Every word the lexicon lists, in any part of speech (`Lexicon.knows` as one set)."""
    lex = lexicon()
    return lex.verbs | lex.nouns | lex.adjectives | lex.adverbs


def _regularized_pasts(doc: Document) -> Iterator[Hit]:
    """`forbidded`, `teached`: an irregular verb given the regular -ed ending."""
    lex = lexicon()
    # The set difference runs in C and leaves the few words the lexicon does not know.
    wrong = {w: lemma for w in vocabulary(doc).difference(_known_words())
             if w.endswith("ed") and w.islower()
             and (lemma := _irregular_stem(w, lex)) is not None}
    if not wrong:
        return  # cheap test first: no unknown word in -ed with an irregular stem
    for token in doc.tokens:
        lemma = wrong.get(token.text)
        if lemma is not None:
            forms = "/".join(f for f in lex.verb_forms[lemma] if f in lex.past)
            yield Hit(token.start, token.end, f"'{token.text}': '{lemma}' is irregular "
                      f"(past '{forms}')", confidence=0.8)


def _irregular_stem(word: str, lex: Lexicon) -> str | None:
    """The irregular verb that `word` adds -ed to (`forbidd-ed`, `teach-ed`), or None."""
    stem = word[:-2]
    for lemma in (stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "",
                  word[:-1]):
        pasts = [f for f in lex.verb_forms.get(lemma, ()) if f in lex.past]
        if pasts and not any(f.endswith("ed") for f in pasts):
            return lemma
    return None


# `did not had`, `does has`: `do`, then a form of `have` that is no base form.
_DO_THEN_HAVE = re.compile("dn{0,2}h")
# A modal, then a word that the codes read as a noun: `will challenges` if it is a verb's
# third-person form.
_MODAL_THEN_NOUN = re.compile("mn{0,2}c")


def _third_person_after_modal(doc: Document, letters: str, seen: set[int]) -> Iterator[Hit]:
    """`his clients will challenges the verdict`: a modal before a verb in -s."""
    tokens = doc.tokens
    lex = lexicon()
    for m in _MODAL_THEN_NOUN.finditer(letters):
        first, last = tokens[m.start()], tokens[m.end() - 1]
        verb = last.text.lower()
        if m.start() in seen or not verb.endswith("s") or verb not in lex.finite or \
                not lex.verb_lemmas.get(verb) or first.text[0].isupper() or \
                "\n" in doc.text[first.start:last.end] or \
                (m.start() and tokens[m.start() - 1].text.lower() in DETERMINERS):
            continue  # `his will`, `May`, `Will Smith`
        yield Hit(first.start, last.end, f"'{doc.text[first.start:last.end]}': a modal "
                  "verb takes the base form, not the -s form", confidence=0.8)


def _object_follows(tokens: Sequence[Token], after: int) -> bool:
    """A determiner opens an object right after the word before `after`, and no time
    phrase (`had lunch the day before`)."""
    return after + 1 < len(tokens) and tokens[after].text.lower() in _OBJECT_DETERMINERS \
        and tokens[after + 1].text.lower() not in _TIME_NOUNS


_OBJECT_DETERMINERS = word_set("the a an its their his her this these those our")


_NEGATIONS = word_set("not never n't")


def _negated(tokens: Sequence[Token], start: int, end: int) -> bool:
    """`has not return`: after a negated `have`, a noun cannot follow (`has no return`)."""
    return any(t.text.lower() in _NEGATIONS for t in tokens[start:end])


def _irregular_base_alone(tokens: Sequence[Token], after: int, lex: Lexicon) -> bool:
    """`was build in 1978`: the word before `after` is the base form of a verb whose
    participle is irregular (`built`), no adjective, and a phrase or the end follows;
    a noun there would need its article (`was a build`)."""
    word = tokens[after - 1].text.lower()
    forms = lex.verb_forms.get(word, ())
    participles = [f for f in forms if f in lex.participles]
    if not participles or any(f.endswith("ed") or f == word for f in participles) or \
            word in lex.adjectives or word in _BARE_NOUNS:
        return False
    following = tokens[after].text.lower() if after < len(tokens) else "."
    return following in PREPOSITIONS or following in (".", ",", ";")


# Nouns that stand after `be` without an article: `The issue was pay`, `The season was
# spring`.
_BARE_NOUNS = word_set("pay spring fall")
# `have`, then a past form that the codes read as a noun or a base form (`has rose`,
# `had fell`: `fell` is also a verb of its own).
_HAVE_THEN_NOUN = re.compile("hn{0,2}[bc]")


def _past_noun_after_have(doc: Document, letters: str, lex: Lexicon) -> Iterator[Hit]:
    """`The rain had fell for hours`: `have` before a past form that is no participle
    and also a noun (`fell`, `rose`, `saw`); a noun after it (`has rose bushes`) makes
    the word a modifier."""
    tokens = doc.tokens
    for m in _HAVE_THEN_NOUN.finditer(letters):
        last = tokens[m.end() - 1]
        word = last.text.lower()
        if word not in lex.past or word in lex.participles or word.endswith("ed") or \
                (word not in lex.nouns and word not in lex.adjectives) or \
                not last.text.islower() or "\n" in doc.text[tokens[m.start()].start:last.end]:
            continue  # (a past form that is neither is `_base_after_be`'s)
        following = tokens[m.end()].text.lower() if m.end() < len(tokens) else "."
        if following in lex.nouns or following in lex.plurals:
            continue
        first = tokens[m.start()]
        yield Hit(first.start, last.end, f"'{doc.text[first.start:last.end]}': 'have' "
                  "takes the past participle, not the past tense", confidence=0.8)


def _base_after_be(doc: Document, letters: str, lex: Lexicon) -> Iterator[Hit]:
    """`No one was listen to him`, `has obtain`: `be` or `have` before a base form."""
    tokens = doc.tokens
    for m in _BE_BASE.finditer(letters):
        first, last = tokens[m.start()], tokens[m.end() - 1]
        verb = last.text.lower()
        if verb in lex.participles or verb in lex.past or \
                "\n" in doc.text[first.start:last.end]:
            continue
        if (verb in lex.nouns or verb in lex.adjectives) and not (
                letters[m.start()] == "h" and (_object_follows(tokens, m.end()) or (
                    verb not in lex.adverbs and _negated(tokens, m.start() + 1, m.end() - 1)))
        ) and not (letters[m.start()] == "w" and _irregular_base_alone(tokens, m.end(), lex)):
            continue  # `has welcome news`; but `has welcome the ruling` lost its -d, and
            # `was build in 1978` its irregular participle
        sentence = sentence_at(doc, first.start)
        start = sentence.token_start if sentence else m.start()
        if "d" in letters[start:m.start()]:
            continue  # `All they did was wait`: a pseudo-cleft (`d` is a form of `do`)
        what = "'have' takes the past participle" if letters[m.start()] == "h" else \
            "'be' takes a participle or an -ing form"
        yield Hit(first.start, last.end, f"'{doc.text[first.start:last.end]}': {what}, "
                  "not the base form", confidence=0.8)
