"""Quote attribution and missing complements: `” said.`, `He pointed out.`"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from mtcheck.analyze import vocabulary
from mtcheck.english import (
    AUXILIARIES,
    FUNCTION_WORDS,
    MODALS,
    NOUN_MARKERS,
    PREPOSITIONS,
    PRONOUNS,
    could_be_finite_verb,
    data_sections,
    lexicon,
    word_set,
)
from mtcheck.model import Document, Hit, Sentence
from mtcheck.patterns import alternation
from mtcheck.rules.broken._shared import (
    _BE,
    _CLAUSE_BREAKS,
    _GAP,
    _GAP_TAKERS,
    _MONTHS_AND_DAYS,
    _QUOTES,
    _REPORTING,
    _own_start,
    _reads_as_body,
    _saying_lemmas,
    _words,
)
from mtcheck.rules.registry import RuleContext, rule


@cache
def _verb_forms(section: str, past_only: bool = False) -> frozenset[str]:
    """The finite forms of the listed verb lemmas (`said`, `says`, `pointed out`).

    `past_only` keeps the past tense alone: `states`, `notes` and `claims` end
    sentences as nouns (`the United States.`).
    """
    lex = lexicon()
    forms: set[str] = set()
    for lemma in data_sections("broken_verbs.txt")[section]:
        head, _, particle = lemma.partition(" ")
        tail = f" {particle}" if particle else ""
        forms.update(f"{form}{tail}" for form in lex.forms_of(head)
                     if not form.endswith("ing") and form != head
                     and (form in lex.past or not past_only))
    return frozenset(forms)


@cache
def _verb_pattern(section: str, past_only: bool = False) -> str:
    """`_verb_forms` as one pattern (a trie: `sa(?:id|ys)`), longest form first."""
    return alternation(_verb_forms(section, past_only), _GAP)


_SUBJECT = (r"(?:(?i:he|she|they|we|it|i)|[Tt]he(?:[^\S\n]+[\w-]+){1,2}"
            r"|[A-ZÀ-ÞĀ-Ž][\w'’-]+(?:[^\S\n]+[A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2})")


# A name after its title or role in lower case: `branch chairman Hakan Yildirim`.
_TITLED = r"(?:[a-z][\w'’-]*[^\S\n]+){1,3}[A-ZÀ-ÞĀ-Ž][\w'’-]+(?:[^\S\n]+[A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2}"


# Where an attribution can dangle: a closing quote after terminal punctuation or a comma.
_QUOTE_CLOSE = re.compile(r"[.!?…,][^\S\n]*[”\"»]")


@lru_cache(maxsize=1)
def _attribution_re() -> re.Pattern[str]:
    verbs = _verb_pattern("attribution")
    return re.compile(
        # a quote that already ended its sentence, then a bare attribution
        rf"(?P<end>[.!?…])[^\S\n]*(?P<quote>[”\"»])[^\S\n]*"
        rf"(?:(?P<subject>{_SUBJECT}){_GAP})?"
        rf"(?:(?:also|then|further|later|finally|again|and){_GAP})?"
        rf"(?P<verb>(?i:{verbs}))(?P<saying>{_GAP}by{_GAP}(?:{_gerunds()}))?"
        rf"(?:{_GAP}(?P<inverted>{_SUBJECT}))?"
        rf"(?P<adjunct>{_GAP}(?:at|in|on|during|after|before|while|from|via|to)"
        r"[^\S\n]+[^.!?,;:“”\"\n]{1,80})?[^\S\n]*\."
        # a quote ending in a comma, then an attribution without a subject
        rf"|(?P<comma>,)[^\S\n]*[”\"][^\S\n]*(?:[–—][^\S\n]*)?(?P<bare>(?i:{verbs}|{_gerunds()}))"
        r"(?:[^\S\n]+(?:to|in|at|on)[^\S\n]+[^.!?,;:“”\"\n]{1,40})?[^\S\n]*[.,]"
        # a quote ending in a comma, then a subject without its verb: `...,” she.`
        rf"|(?P<verbless>,)[^\S\n]*[”\"][^\S\n]*(?P<who>(?i:he|she|they|we|I))[^\S\n]*\."
        # the same attribution twice: `...,” she said, she said.`
        rf"|[,.!?…][^\S\n]*[”\"»][^\S\n]*(?P<first>(?:{_SUBJECT}|{_TITLED}){_GAP}(?i:{verbs})"
        rf"(?:{_GAP}(?:at|in|on|during|after|before|outside)[^\S\n]+[^.!?,;:“”\"\n]{{1,60}})?),"
        rf"[^\S\n]*(?P<second>(?i:he|she|they|we|it|i){_GAP}(?i:{verbs}))\b"
        # a dash between the quote and its attribution: `...,” — noted the head`
        rf"|[,.!?…][^\S\n]*[”\"»](?P<dash>[^\S\n]*[–—])[^\S\n]*(?:{_SUBJECT}{_GAP})?"
        rf"(?i:{verbs})\b"
        # an inverted attribution in the perfect, or with `tell` and no listener:
        # `...,” has declared the mayor`, `...,” tells Lehtonen.`
        rf"|,[^\S\n]*[”\"»][^\S\n]*(?P<perfect>ha(?:s|ve){_GAP}(?:{verbs}))"
        rf"{_GAP}{_SUBJECT}"
        rf"|,[^\S\n]*[”\"»][^\S\n]*(?P<tells>tells){_GAP}{_SUBJECT}[^\S\n]*\."
    )


@rule("broken.dangling-attribution", category="broken", severity="major",
      bad=["Samsar said, “Talks between the two states continue. ” said.",
           "“We will bring power to our attack. ” He continued by saying.",
           "“The works are almost complete.” she said.",
           "“The works are almost complete,” said.",
           "The coach told reporters, “We played our best game,” he said.",
           "“The port cannot take more ships,” she.",
           "“We will not stop,” the union leader said outside the depot, he said.",
           "“The trains will run,” rail spokeswoman Ines Maier said in Linz, she said.",
           "“The shelves are empty,” said, who runs a stall in the market.",
           "“Nobody told us.”\n\nSaid the union leader at the gate on Friday.",
           "“The season starts late,” – told to our reporter.",
           "“We have no more planes,” — stressed the head of the fire service.",
           "“Prices will stay high,” saying.",
           "“The bridge is safe,” has declared the head of the agency.",
           "“We ran out of salt,” tells Novak.",
           "“The dam will hold”, - said the engineer.",
           "“Sales doubled in a year.” Explained Wang. “We hired forty people.”",
           "“The hall is full every night,” said Van Buren said.",
           "“Nobody warned us about the water,” was saying.",
           "“The season is lost,” the coach said. So Keller."],
      good=["“The bridge is safe,” said the head of the agency.",
            "“We ran out of salt,” Novak tells the paper.",
            "“The works are almost complete,” she said.",
            "“Are you sure?” he asked.", "“We will win.” He said the team was ready.",
            "The shop opened in May. Closed Sundays.",
            "“Prices went up,” she said. So did the rents.",
            "“We will see,” said Van Buren, who said little else."])
def dangling_attribution(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A quote attribution left dangling after the quote already ended its sentence.

    MT renders `...” dedi.` as `...continue. ” said.`: the quote closes with a full
    stop and a bare `said.` (or `He continued by saying.`) follows, with no subject
    or nothing said. English closes the quote with a comma: `...continue,” he said.`
    `“Are you sure?” he asked.` is correct English and not flagged. A quote attributed
    both before and after (`He told reporters, “...,” he said.`) is flagged too.
    """
    pattern = _attribution_re()
    for quote in _QUOTE_CLOSE.finditer(doc.text):
        m = pattern.match(doc.text, quote.start())
        if m is None:
            continue
        if m.group("second"):
            yield Hit(m.start("first"), m.end("second"), f"the attribution is duplicated: "
                      f"'{m.group('first')}, {m.group('second')}'",
                      suggestion=m.group("first"), confidence=0.85)
            continue
        if m.group("dash"):
            yield Hit(m.start("dash"), m.end(), "a dash between the quote and its "
                      "attribution: English sets the attribution off with a comma inside the "
                      "quote", confidence=0.8)
            continue
        if m.group("perfect"):
            yield Hit(m.start("perfect"), m.end(), f"'{m.group('perfect')}' "
                      "before its subject: an inverted attribution takes the simple past "
                      "(`..., declared the mayor`)", confidence=0.8)
            continue
        if m.group("tells"):
            yield Hit(m.start("tells"), m.end(), "'tells' with no listener: "
                      "`says` attributes a quote (`..., says Novak`)", confidence=0.8)
            continue
        if m.group("adjunct") and not _bare_adjunct(m.group("adjunct")):
            continue  # `” He said on Monday that talks would resume.`
        if m.group("verbless"):
            yield Hit(m.start("verbless") + 1, m.end(), f"'{m.group('who')}' attributes the "
                      "quote with no verb of saying", suggestion=None, confidence=0.9)
            continue
        if m.group("comma"):
            yield Hit(m.start("comma") + 1, m.end(), f"'{m.group('bare')}' attributes the "
                      "quote to no one: the subject is missing", confidence=0.9)
            continue
        verb, end = m.group("verb"), m.group("end")
        if m.group("subject") and m.group("inverted"):
            continue
        subject = m.group("subject") or m.group("inverted")
        if subject and end in "?!" and not m.group("saying"):
            continue  # “Why?” he asked.
        suggestion = None
        if subject and not m.group("saying"):
            who = subject.lower() if subject.lower() in PRONOUNS else subject
            said = (f"{who} {verb.lower()}" if m.group("subject")
                    else f"{verb.lower()} {who}")
            suggestion = f",{m.group('quote')} {said}."
        what = "has no subject" if not subject else "follows a quote that already ended"
        yield Hit(m.start(), m.end(), f"dangling attribution '{m.group()[1:].strip()}' "
                  f"{what}", suggestion=suggestion, confidence=0.9)
    yield from _attributed_twice(doc)
    yield from _attribution_alone(doc)
    yield from _said_name_said(doc.text)
    for m in _QUOTE_THEN_PROGRESSIVE.finditer(doc.text):
        yield Hit(m.start("verb"), m.end(), f"'{m.group('verb').strip()}' attributes the "
                  "quote to no one: the subject is missing", confidence=0.8)
    for m in _QUOTE_COMMA_DASH.finditer(doc.text):
        yield Hit(m.start("mark"), m.end(), "a comma and a dash after the quote: English sets "
                  "the attribution off with a comma inside the quote (`...,” she said`)",
                  confidence=0.8)


# `said Van Dam said`: the attribution verb of the source kept after the English one.
_SAID_NAME_SAID = {verb: re.compile(
    rf"{verb}{_GAP}(?:[A-Z][\w'’-]+{_GAP}|(?:van|de|da|von|del|al){_GAP}){{1,4}}{verb}\b")
    for verb in ("said", "says", "added", "stated", "explained")}


def _said_name_said(text: str) -> Iterator[Hit]:
    """`said Van Dam said`. Cheap test first: the verb again within 60 characters (a
    pattern over the whole text would be tried at every `s`, `a` and `e`)."""
    for verb, pattern in _SAID_NAME_SAID.items():
        at = text.find(verb)
        while at != -1:
            if text.find(verb, at + len(verb), at + 60) != -1 and \
                    not (at and text[at - 1].isalnum()):
                m = pattern.match(text, at)
                if m is not None:
                    yield Hit(m.start(), m.end(), f"'{m.group()}': the verb of saying is "
                              "written on both sides of the name", confidence=0.8)
            at = text.find(verb, at + 1)
# `“We hope it ends soon,” was talking.`: Japanese and Korean close the quote with a
# progressive whose subject the reader knows.
_QUOTE_THEN_PROGRESSIVE = re.compile(
    rf",[”\"](?P<verb>[^\S\n]*(?:was|were){_GAP}[a-z]+ing)[^\S\n]*\.")
# `"...no more”, - noted.`: Russian and Ukrainian close the quote, then write `, —` before
# the attribution.
_QUOTE_COMMA_DASH = re.compile(r"[”\"»](?P<mark>[^\S\n]*,[^\S\n]*[-–—])[^\S\n]*(?=\w)")


# `"...," so Strößner.`: a quote closed, then `so` (or `thus`) and a name, and nothing
# else: German and Dutch attribute with `so` / `zo`, Italian with `così`.
_QUOTE_THEN_SO = re.compile(
    rf"[”\"][^\S\n]+(?P<so>(?:so|thus)(?:{_GAP}[A-Z][\w’'-]+){{1,4}})[^\S\n]*\.(?=\s|$)")
_OPENING_SAID = frozenset(("Said", "Added", "Stated", "Explained", "Noted", "Declared",
                           "Emphasized", "Emphasised", "Stressed"))


# A quote, or a comma or colon that leads on to a main clause or a quote.
_HELD = _QUOTES + ",:"


def _attribution_alone(doc: Document) -> Iterator[Hit]:
    """`Said Suarjana in Denpasar on Tuesday.`: an inverted attribution as a sentence of
    its own, split from the quote it belongs to."""
    yield from _verb_and_name(doc)
    if _OPENING_SAID.isdisjoint(vocabulary(doc)):
        return  # cheap test first
    tokens = doc.tokens
    for sentence in doc.sentences:
        if tokens[_own_start(doc, sentence)].text in _OPENING_SAID and \
                sentence.text.endswith(".") and not any(c in sentence.text for c in _HELD) \
                and tokens[_own_start(doc, sentence) + 1].text != "to":
            # `Said to be the oldest ...,` and `Added in 2019, the site ...` open clauses
            yield Hit(sentence.start, sentence.end, "an attribution without its quote: "
                      f"'{sentence.text}' attributes nothing", confidence=0.8)


def _verb_and_name(doc: Document) -> Iterator[Hit]:
    """`Introduced Zhou.`, `So Lehtinen.`: a past verb (or `so`) and a name, alone after
    another sentence; the verb-first attribution of Chinese and Arabic, or the German
    and Dutch one, cut off from its quote."""
    tokens, lex = doc.tokens, lexicon()
    body = _reads_as_body(doc)
    for m in _QUOTE_THEN_SO.finditer(doc.text):
        yield Hit(m.start("so"), m.end(), f"'{m.group('so')}': an attribution with no "
                  "verb of saying (German `so`, Italian `così`)", confidence=0.75)
    for sentence in doc.sentences:
        size = sentence.token_end - sentence.token_start
        if not 3 <= size <= 12 or not sentence.text.endswith(".") or \
                sentence.paragraph not in body:
            continue
        words = [t.text for t in tokens[sentence.token_start:sentence.token_end - 1]]
        if words[0] in ("So", "Thus") and words[1] in ("the", "The") and "," in words and \
                words[-1][0].isupper() and not any(
                    could_be_finite_verb([w.lower() for w in words], i)
                    for i in range(1, len(words)) if not words[i][0].isupper()):
            # `Thus the mayor, Giovanna Ferretti.`: the role, then the name, no verb
            yield Hit(sentence.start, sentence.end, f"'{sentence.text}' attributes nothing: "
                      "an attribution with no verb of saying", confidence=0.75)
            continue
        if size > 5 or sentence.start == doc.paragraphs[sentence.paragraph].start:
            continue
        verb = words[0].lower()
        # `So Lehtinen.`: German and Dutch attribute with `so` / `zo` and the name
        if (words[0] == "So" or (verb in lex.past and verb not in lex.nouns and
                                 verb not in lex.adjectives and words[0][0].isupper())) and all(
                    w[0].isupper() and w[1:].islower() and w.lower() not in _MONTHS_AND_DAYS
                    for w in words[1:]):
            yield Hit(sentence.start, sentence.end, f"'{sentence.text}' attributes nothing: "
                      "an attribution cut off from the quote it belongs to",
                      confidence=0.75)


# A quote opened after a comma or colon, and the verb of saying just before that.
_OPENING_QUOTE = re.compile(r"[,:][^\S\n]*[“\"]")


@lru_cache(maxsize=1)
def _introduced_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_verb_pattern('attribution')})(?:{_GAP}[\w-]+){{0,2}}$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _closed_and_said_re() -> re.Pattern[str]:
    return re.compile(rf"[^”\"\n]{{1,600}}?,[^\S\n]*[”\"][^\S\n]*"
                      rf"(?P<again>{_SUBJECT}{_GAP}(?i:{_verb_pattern('attribution')}))\b")


def _attributed_twice(doc: Document) -> Iterator[Hit]:
    """`Desai told reporters, “This is for you,” he said.`: a quote with a verb of
    saying before it and another after it."""
    text = doc.text
    for opening in _OPENING_QUOTE.finditer(text):
        intro = _introduced_re().search(text, max(0, opening.start() - 40), opening.start())
        if intro is None:
            continue
        m = _closed_and_said_re().match(text, opening.end())
        if m is not None:
            yield Hit(intro.start(), m.end(), f"the quote is attributed twice: "
                      f"'{intro.group()}' before it and '{m.group('again')}' after it",
                      confidence=0.8)


def _bare_adjunct(text: str) -> bool:
    """`at the press conference`: a phrase of place or time, with no clause of its own."""
    lex = lexicon()
    for word in re.findall(r"[^\W\d_][\w'’-]*", text.lower()):
        if word in AUXILIARIES or word == "that" or (
                word in lex.finite and word not in lex.nouns and word not in lex.adjectives):
            return False
    return True


_NO_COMPLEMENT_CONTEXT = word_set(
    "what which who whom how why where when as so than if whether not never no nothing "
    "to n't"
)
_PASSIVE = AUXILIARIES - MODALS - {"do", "does", "did"}
_BE_FORMS = _PASSIVE - {"has", "have", "had"}


@lru_cache(maxsize=1)
def _complement_re() -> re.Pattern[str]:
    verbs = _verb_pattern("complement", past_only=True)
    return re.compile(rf"(?:\b(?:{verbs})(?:{_GAP}that)?|\b(?:{_verb_pattern('that-clause')})"
                      rf"{_GAP}that|(?:{_GAP}by{_GAP}|[^\S\n]*,{_GAP})(?:{_gerunds()})"
                      rf"(?:{_GAP}out)?(?:{_GAP}that)?)[^\S\n]*\.$",
                      re.IGNORECASE)


_THAT_END = re.compile(r"\bthat[^\S\n]*\.$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _complement_enders() -> frozenset[str]:
    """Last words of the endings `_complement_re` looks for (`said`, `out`, `saying`)."""
    verbs = _verb_forms("complement", past_only=True)
    return frozenset(v.split()[-1] for v in verbs) | {"that"} | set(_gerunds().split("|"))


@lru_cache(maxsize=1)
def _gerunds() -> str:
    """`saying|stating|adding|...`: what `by` takes in `He continued by saying.`"""
    lex = lexicon()
    heads = {v.split()[0] for v in data_sections("broken_verbs.txt")["complement"]}
    return "|".join(sorted({f for h in heads for f in lex.forms_of(h) if f.endswith("ing")}))


@rule("broken.missing-complement", category="broken", severity="major",
      bad=["Prices rose again in May. The minister also pointed out.",
           "He ended the briefing by saying.", "The spokesman stated that.",
           "The harvest was poor, the farmers said, adding.",
           "After the vote, the mayor expressed.",
           "The ministry plans to introduce.",
           "The chief engineer, asked about the delay, assessed."],
      good=["The minister also pointed out the risks.", "That is what he said.",
            "The ministry declined to say.", "Prices will rise, she said.",
            "The chief engineer, asked about the delay, shrugged.",
            "The drafts were written, revised, evaluated."])
def missing_complement(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A verb of saying with nothing said after it.

    `The minister also pointed out.` A short sentence that ends in `said`, `stated`,
    `pointed out` or `by saying` lost what was said. Reported speech (`Prices will
    rise, she said.`), fronted objects (`That is what he said.`) and refusals
    (`declined to say`) are complete.
    """
    pattern = _complement_re()
    enders = _complement_enders()
    tokens = doc.tokens
    for sentence in doc.sentences:
        text = sentence.text
        # Cheap test first: the word before the final full stop.
        if sentence.token_end - sentence.token_start < 3 or not text.endswith(".") or \
                tokens[sentence.token_end - 2].text.lower() not in enders:
            continue
        m = pattern.search(text, max(0, len(text) - 40))
        if m is None:
            continue
        # `He continued by saying.`, `..., he said, adding.`: the gerund lost its clause,
        # also after a quote (`“...,” he said, adding.`)
        by_saying = m.group().lstrip().lower().startswith(("by", ","))
        if any(q in text for q in _QUOTES) and not by_saying:
            continue
        # `Ahmet Yılmaz, economist at the university, said.`: subject, apposition, verb,
        # and nothing said. `Rates will rise, Smith, an economist, said.` is complete.
        after_comma = text[:m.start()].rstrip().endswith(",") and _bare_apposition(text)
        # `... indicates that.`: the clause `that` opens is gone, however long the sentence.
        that_clause = _THAT_END.search(m.group()) is not None
        if "," in text and not (after_comma or that_clause or by_saying):
            continue
        words = [w.lower() for w in _words(doc, sentence)]
        if not (by_saying or after_comma) and (
                (len(words) > 10 and not that_clause)
                or _NO_COMPLEMENT_CONTEXT.intersection(words)
                or _before_verb(words, m.group()) in _PASSIVE):
            continue
        yield Hit(sentence.start, sentence.end, f"'{m.group().strip(' .,')}' has no "
                  "complement: what was said is missing", confidence=0.85)
    yield from _objectless(doc)


@lru_cache(maxsize=1)
def _transitive_forms() -> dict[str, str]:
    """Each form of a verb that needs an object, with its lemma (`evaluated`, `considering`)."""
    lex = lexicon()
    forms: dict[str, str] = {}
    for lemma in data_sections("broken_verbs.txt")["transitive"]:
        head, _, particle = lemma.partition(" ")
        if particle:
            forms[particle] = lemma  # `point out`: the particle ends the clause
            continue
        for form in lex.forms_of(head):
            forms[form] = lemma
    return forms


# After these the last word reads as a verb even when it is also a noun (`also demands`).
_VERB_CUES = MODALS | word_set("also then further later not never to do does did and "
                               "subsequently again only")

_WH_ADVERBS = word_set("where when why how while whereby")
_CONTACT_SUBJECTS = PRONOUNS | word_set("the a an its their his her our this these those "
                                         "both all many most some several few")


_RELATIVE_SUBJECTS = word_set("which who that")
# Verbs that attribute a quote (`” expressed.` dangles) but never report the clause
# before them: `Talks will resume, the minister expressed.` lost its object.
_NEVER_REPORTING = word_set("express describe share")


def _objectless(doc: Document) -> Iterator[Hit]:
    """`The minister also evaluated.`: a clause that ends in a verb that needs an object."""
    forms = _transitive_forms()
    lex = lexicon()
    tokens = doc.tokens
    body = _reads_as_body(doc)
    for sentence in doc.sentences:
        if sentence.token_end - sentence.token_start < 3 or not sentence.text.endswith(".") \
                or sentence.paragraph not in body:
            continue
        last = tokens[sentence.token_end - 2].text
        if last not in forms or any(q in sentence.text for q in _QUOTES):
            continue
        clause = _last_clause(doc, sentence)
        lower = [w.lower() for w in clause]
        # `Öztürk, speaking after the match, evaluated.`: the verb alone after a subject
        # and its aside
        if len(clause) > 30 or (len(lower) < 2 and not _subject_aside(sentence.text)):
            continue
        lemma = forms[last]
        before = "" if len(lower) < 2 else lower[-2] if " " not in lemma else \
            lower[-3] if len(lower) > 2 else ""
        if last.endswith("ing"):
            # Only a progressive (`is considering.`) needs the object; a gerund may be a
            # noun (`after long consideration and planning`).
            if before not in _BE:
                continue
            before = "also"  # read the rest as after a verb cue
        if " " in lemma and (len(lower) < 3 or lower[-2] not in lex.forms_of(lemma.split()[0])):
            continue  # `point out` needs its verb before the particle
        # `was demanded.` (or `been sufficiently clarified.`) is a passive; `has demanded.`
        # lost its object
        passive = not last.endswith("ing") and \
            _passive_before(lower, len(lower) - (3 if " " in lemma else 2))
        if passive or before in ("get", "got", "gets", "getting") or \
                before in NOUN_MARKERS or (before in PREPOSITIONS and before != "to"):
            continue
        if last in lex.nouns and before not in _VERB_CUES:
            continue  # `the union's demands`
        if before in lex.verbs and before not in lex.nouns and before not in _VERB_CUES \
                and before not in AUXILIARIES:
            continue  # `they feel secure`: an adjective after a verb
        if before in lex.adjectives and before not in lex.nouns and before not in _VERB_CUES:
            continue
        # `which is considering.`: the relative word is the subject and takes no object.
        subject_relative = last.endswith("ing") and len(lower) > 2 and \
            lower[-3] in _RELATIVE_SUBJECTS
        if not subject_relative and _gap_taken(lower, clause):
            continue
        words = _words(doc, sentence)
        if len(clause) < len(words) and (
                (lemma in _saying_lemmas() and lemma not in _NEVER_REPORTING) or (
                lemma in _REPORTING and len(clause) <= 4 and "that" not in lower)) and \
                _reports_a_clause(words[:-len(clause)]):
            continue  # `Talks will resume, the ministry announced (the bank expects).`
        start = sentence.start + sentence.text.rfind(clause[0], 0,
                                                     len(sentence.text) - len(" ".join(
                                                         clause[1:])) + 1)
        yield Hit(max(start, sentence.start), sentence.end,
                  f"'{' '.join(clause[-2:])}' has no object: what was "
                  f"{last if last in lex.participles else 'meant'} is missing",
                  confidence=0.8)


def _passive_before(lower: list[str], i: int) -> bool:
    """Whether a form of `be` stands at `i`, or before adverbs that end there."""
    adverbs = lexicon().adverbs
    while i > 0 and lower[i] in adverbs and lower[i] not in _BE_FORMS:
        i -= 1
    return i >= 0 and lower[i] in _BE_FORMS


def _last_clause(doc: Document, sentence: Sentence) -> list[str]:
    """The words after the sentence's last comma, semicolon or dash."""
    words: list[str] = []
    for t in reversed(doc.sentence_tokens(sentence)):
        if t.text in _CLAUSE_BREAKS or t.text in "([":
            break
        if t.text[0].isalpha():
            words.append(t.text)
    words.reverse()
    return words


def _gap_taken(lower: list[str], words: list[str]) -> bool:
    """A relative or comparative word, or a relative clause without one, takes the object."""
    lex = lexicon()
    for i, word in enumerate(lower[:-1]):
        if word in _GAP_TAKERS:
            return True
        # `the plan that he evaluated`, `the help the club requested`
        if i and (word == "that" or word in _CONTACT_SUBJECTS) and (
                lower[i - 1] in lex.nouns or words[i - 1][0].isupper()) and \
                lower[i - 1] not in FUNCTION_WORDS and lower[i - 1] not in _WH_ADVERBS and \
                (word == "that" or i + 1 < len(lower) - 1 or word in PRONOUNS):
            return True
    return False


def _bare_apposition(text: str) -> bool:
    """`Name, apposition, said.`: two commas, and no verb before the first one."""
    parts = text.split(",")
    if len(parts) != 3:
        return False
    first = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", parts[0])]
    # The phrase's last word is its head noun, even one that is also a verb (`the
    # regional water board`).
    return bool(first) and len(first) <= 8 and not any(
        could_be_finite_verb(first, i) and not (i == len(first) - 1 and first[i] in
                                                lexicon().nouns)
        for i in range(len(first)))


def _reports_a_clause(words: list[str]) -> bool:
    """Whether the words before an attribution hold a verb, and so what was said
    (`Talks will resume, ...`); `During the debate, ...` only sets the scene."""
    lower = [w.lower() for w in words]
    return any(could_be_finite_verb(lower, i) for i in range(len(lower)))


def _subject_aside(text: str) -> bool:
    """`Head coach Serkan Öztürk, speaking after the match, evaluated.`: two commas, and
    before the first only nouns and names (a noun that is also a verb, `coach`, counts)."""
    parts = text.split(",")
    if len(parts) != 3:
        return False
    lex = lexicon()
    first = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", parts[0])]
    return 0 < len(first) <= 8 and not any(
        w in AUXILIARIES or (w in lex.finite and w not in lex.nouns) for w in first)


def _before_verb(words: list[str], ending: str) -> str:
    size = len(ending.strip(" .").split())
    return words[-size - 1] if len(words) > size else ""
