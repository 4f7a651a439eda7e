"""Broken sentences: doubled words, dangling attributions, fragments, punctuation damage.

MT systems break English in recurring ways: a quote attributed twice (`...forward. ”
said.`), a relative clause that swallows the main verb, a sentence cut after a
preposition, French spacing before a colon. Each rule here looks for one such shape
and stays quiet on the constructions of clean news that resemble it (headlines,
datelines, lists, `“Why?” he asked.`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mtcheck.analyze import memoized
from mtcheck.english import (
    AUXILIARIES,
    FUNCTION_WORDS,
    MODALS,
    PRONOUNS,
    could_be_finite_verb,
    data_sections,
    lexicon,
)
from mtcheck.model import Document, Hit, Paragraph, Sentence, Severity
from mtcheck.rules.registry import RuleContext, rule

_GAP = r"[^\S\n]+"  # spaces within one line

# ---------------------------------------------------------------------------
# Shared views of the document


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


def _words(doc: Document, sentence: Sentence) -> list[str]:
    return [t.text for t in doc.sentence_tokens(sentence) if t.is_word]


_QUOTES = "\"“”„«»"


# ---------------------------------------------------------------------------
# Repetition


_DOUBLED = re.compile(rf"(?<![\w'’-])(\w+){_GAP}(\1)(?![\w'’-])", re.IGNORECASE)
# Doubles that English grammar or idiom allows.
_ALLOWED_DOUBLES = frozenset(
    "had that is do very bye no so ha now yeah tut knock chop well".split()
)


@rule("broken.doubled-word", category="broken", severity="minor",
      bad=["The the committee met on Monday.", "Prices rose in in March.",
           "She thanked the the fans at the airport."],
      good=["What she had had was enough.", "He said that that plan failed.",
            "The committee met on Monday.", "They flew to Bora Bora in June."])
def doubled_word(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """The same word twice in a row.

    MT output and hasty edits repeat a word (`the the`); doubles that English allows
    (`had had`, `that that`) and capitalized doubles that are names (`Bora Bora`) are
    not flagged. The fix keeps the first word.
    """
    for m in _DOUBLED.finditer(doc.text):
        first, second = m.group(1), m.group(2)
        lower = first.lower()
        if lower in _ALLOWED_DOUBLES or first.isdigit() or not first[0].isalpha():
            continue
        if second[0].isupper() and lower not in FUNCTION_WORDS:
            continue  # Bora Bora, Sirhan Sirhan
        yield Hit(m.start(), m.end(), f"'{first}' is repeated", suggestion=first,
                  confidence=0.95)


_REPEATED = re.compile(rf"(?<![\w'’-])(\w+(?:{_GAP}\w+){{1,6}}){_GAP}(\1)(?![\w'’-])",
                       re.IGNORECASE)
# `period of the period`: a noun repeated across `of the`, an MT loop.
_OF_ITSELF = re.compile(rf"(?<![\w'’-])([^\W\d_]{{4,}}){_GAP}of{_GAP}(?:the|a|an|this|its)"
                        rf"{_GAP}(\1)(?![\w'’-])", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"(?i)(?:best|worst|first|last|most|least|\w+est)$")


@rule("broken.repeated-phrase", category="broken", severity="minor",
      bad=["Doses are given in pharmacies and health centres in pharmacies and health "
           "centres across the region.",
           "Prices will stay high in the coming period of the period."],
      good=["The team won again and again.", "She was the best of the best.",
            "Doses are given in pharmacies and health centres across the region."])
def repeated_phrase(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A phrase of two or more words repeated back to back, or a noun looped by `of the`.

    Neural MT sometimes decodes the same stretch twice; the fix keeps one copy. A
    noun repeated across `of the` (`the period of the period`) has no safe fix and is
    reported without one; superlatives (`the best of the best`) are idiom.
    """
    for m in _REPEATED.finditer(doc.text):
        phrase = m.group(1)
        if not any(c.isalpha() for c in phrase):
            continue
        yield Hit(m.start(), m.end(), f"'{phrase}' is repeated", suggestion=phrase,
                  confidence=0.9)
    for m in _OF_ITSELF.finditer(doc.text):
        if _SUPERLATIVE.match(m.group(1)):
            continue
        yield Hit(m.start(), m.end(), f"'{m.group(1)}' is repeated in '{m.group()}'",
                  confidence=0.75)


# ---------------------------------------------------------------------------
# Punctuation


# A space before a mark that attaches to the word before it; `.45` and `...` excepted.
_SPACE_BEFORE = re.compile(
    r"(?<=[\w%)\]”’])([^\S\n]+)([,;:!?]|\.(?![.\w])|\)(?!\w))"
    # `... continue. ” said`: a space between the last full stop and its closing quote.
    r"|(?<=[.!?,])([^\S\n]+)(”)"
)


@rule("broken.space-before-punctuation", category="broken", severity="minor",
      bad=["Around 2,000 trains are affected nationwide , the union said.",
           "He added : the company will stay in France.",
           "“We will carry our first passengers before winter. ” said Ayşe Kaya."],
      good=["The rifle fired .45 calibre rounds, the police said.",
            "Shares rose 3.5% on Monday (local time)."])
def space_before_punctuation(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A space before a comma, full stop, colon, question mark or closing quote.

    French typography (`ajoute :`) and MT detokenization (`nationwide ,`) leave
    spaces that English does not use. The fix removes the space.
    """
    for m in _SPACE_BEFORE.finditer(doc.text):
        mark = m.group(2) or m.group(4)
        yield Hit(m.start(), m.end(), f"space before '{mark}'", suggestion=mark,
                  confidence=0.9)


_PAIRS = {"“": "”", "(": ")", "[": "]"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_PAIR_MARKS = re.compile(r"[“”()\[\]\"]")
# `a) first option`, `1) ...`: an enumeration, not a bracket.
_ENUMERATOR = re.compile(r"(?:^|(?<=\s))\w{1,2}\)")


@rule("broken.unbalanced-pair", category="broken", severity="minor",
      bad=["“We are ready, the minister said.", "The index (BIST 100 rose by 2 percent.",
           "The talks ended.” Officials left the room."],
      good=["“We are ready,” the minister said.", "The index (BIST 100) rose.",
            "The options were a) a rate cut and b) a pause."])
def unbalanced_pair(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """An opening quote or bracket without its closing partner in the paragraph, or the reverse.

    A quotation that runs on into the next paragraph is not flagged when that
    paragraph opens with a quote mark again, as news style requires.
    """
    paras = doc.paragraphs
    for i, para in enumerate(paras):
        if not _PAIR_MARKS.search(para.text):
            continue
        continues = i + 1 < len(paras) and paras[i + 1].text[:1] in "“\""
        yield from _unbalanced(para, continues)


def _unbalanced(para: Paragraph, continues: bool) -> Iterator[Hit]:
    stack: list[tuple[str, int]] = []
    straight: list[int] = []
    enumerators = {m.end() - 1 for m in _ENUMERATOR.finditer(para.text)}
    for m in _PAIR_MARKS.finditer(para.text):
        mark, at = m.group(), para.start + m.start()
        if mark == '"':
            straight.append(at)
        elif mark in _PAIRS:
            stack.append((mark, at))
        elif stack and stack[-1][0] == _CLOSERS[mark]:
            stack.pop()
        elif any(opener == _CLOSERS[mark] for opener, _ in stack):
            while stack[-1][0] != _CLOSERS[mark]:
                yield _pair_hit(*stack.pop())
            stack.pop()
        elif m.start() not in enumerators:
            yield Hit(at, at + 1, f"'{mark}' closes nothing: its opening "
                      f"'{_CLOSERS[mark]}' is missing", confidence=0.8)
    for mark, at in stack:
        if not (continues and mark == "“"):
            yield _pair_hit(mark, at)
    if len(straight) % 2 and not continues:
        at = straight[-1]
        yield Hit(at, at + 1, "unpaired '\"': the paragraph has an odd number of quote marks",
                  confidence=0.7)


def _pair_hit(mark: str, at: int) -> Hit:
    return Hit(at, at + 1, f"'{mark}' is never closed: its '{_PAIRS[mark]}' is missing",
               confidence=0.8)


_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’»)\]]*$|\)$")
_LAST_TOKEN = re.compile(r"\S+$")


@rule("broken.missing-terminal-punctuation", category="broken", severity="minor",
      bad=["The drills will last until June. The ministry said that they are purely "
           "defensive and not directed at any country\n\nThe navy confirmed the plan.",
           "Visitors will be able to see the sceptre of the king, which is usually kept in "
           "the galleries, and a manuscript restored for the occasion"],
      good=["Central bank holds rates at 45 percent\n\nThe bank kept its rate unchanged.",
            "The plan covers:\n\n- a new depot\n- real-time displays at 40 stops"])
def missing_terminal_punctuation(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A body paragraph whose last sentence has no full stop.

    Headlines, bylines, datelines, captions and list items end without punctuation
    by design; only prose paragraphs (more than 20 words, or two sentences) are
    checked.
    """
    body = _reads_as_body(doc)
    for para in doc.paragraphs:
        if para.index not in body or _ENDS_SENTENCE.search(para.text):
            continue
        if para.text[0] in "([" or "://" in para.text[-60:]:
            continue
        last = _LAST_TOKEN.search(para.text)
        if last is None or not any(c.isalnum() for c in last.group()):
            continue
        start = para.start + last.start()
        yield Hit(start, para.end, f"the paragraph ends without a full stop after "
                  f"'{last.group()}'", suggestion=last.group() + ".", confidence=0.85)


# ---------------------------------------------------------------------------
# Quote attribution and missing complements


@lru_cache(maxsize=1)
def _verb_pattern(section: str) -> str:
    """An alternation of the finite forms of the listed verb lemmas (`said|says|...`)."""
    lex = lexicon()
    forms: set[str] = set()
    for lemma in data_sections("broken_verbs.txt")[section]:
        head, _, particle = lemma.partition(" ")
        tail = f"{_GAP}{particle}" if particle else ""
        forms.update(f"{form}{tail}" for form in lex.forms_of(head)
                     if not form.endswith("ing") and form != head)
    return "|".join(sorted(forms, key=len, reverse=True))


_SUBJECT = (r"(?:(?i:he|she|they|we|it|i)|[Tt]he(?:[^\S\n]+[\w-]+){1,2}"
            r"|[A-ZÀ-ÞĀ-Ž][\w'’-]+(?:[^\S\n]+[A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2})")


@lru_cache(maxsize=1)
def _attribution_re() -> re.Pattern[str]:
    verbs = _verb_pattern("attribution")
    return re.compile(
        # a quote that already ended its sentence, then a bare attribution
        rf"(?P<end>[.!?…])[^\S\n]*(?P<quote>[”\"»])[^\S\n]*"
        rf"(?:(?P<subject>{_SUBJECT}){_GAP})?"
        rf"(?:(?:also|then|further|later|finally|again){_GAP})?"
        rf"(?P<verb>(?i:{verbs}))(?P<saying>{_GAP}by{_GAP}saying)?[^\S\n]*\."
        # a quote ending in a comma, then an attribution without a subject
        rf"|(?P<comma>,)[^\S\n]*[”\"][^\S\n]*(?P<bare>(?i:{verbs}))[^\S\n]*\."
    )


@rule("broken.dangling-attribution", category="broken", severity="major",
      bad=["Samsar said, “Talks between the two states continue. ” said.",
           "“We will bring power to our attack. ” He continued by saying.",
           "“The works are almost complete.” she said.",
           "“The works are almost complete,” said."],
      good=["“The works are almost complete,” she said.",
            "“Are you sure?” he asked.", "“We will win.” He said the team was ready."])
def dangling_attribution(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A quote attribution left dangling after the quote already ended its sentence.

    MT renders `...” dedi.` as `...continue. ” said.`: the quote closes with a full
    stop and a bare `said.` (or `He continued by saying.`) follows, with no subject
    or nothing said. English closes the quote with a comma: `...continue,” he said.`
    `“Are you sure?” he asked.` is correct English and not flagged.
    """
    for m in _attribution_re().finditer(doc.text):
        if m.group("comma"):
            yield Hit(m.start("comma") + 1, m.end(), f"'{m.group('bare')}' attributes the "
                      "quote to no one: the subject is missing", confidence=0.9)
            continue
        subject, verb, end = m.group("subject"), m.group("verb"), m.group("end")
        if subject and end in "?!" and not m.group("saying"):
            continue  # “Why?” he asked.
        suggestion = None
        if subject and not m.group("saying"):
            who = subject.lower() if subject.lower() in PRONOUNS else subject
            suggestion = f",{m.group('quote')} {who} {verb.lower()}."
        what = "has no subject" if not subject else "follows a quote that already ended"
        yield Hit(m.start(), m.end(), f"dangling attribution '{m.group()[1:].strip()}' "
                  f"{what}", suggestion=suggestion, confidence=0.9)


_NO_COMPLEMENT_CONTEXT = frozenset(
    "what which who whom how why where when as so than if whether not never no nothing "
    "to n't".split()
)
_PASSIVE = AUXILIARIES - MODALS - {"do", "does", "did"}


@lru_cache(maxsize=1)
def _complement_re() -> re.Pattern[str]:
    verbs = _verb_pattern("complement")
    return re.compile(rf"(?:\b(?:{verbs})(?:{_GAP}that)?|{_GAP}by{_GAP}saying)[^\S\n]*\.$",
                      re.IGNORECASE)


@rule("broken.missing-complement", category="broken", severity="major",
      bad=["Prices rose again in May. The minister also pointed out.",
           "He ended the briefing by saying.", "The spokesman stated that."],
      good=["The minister also pointed out the risks.", "That is what he said.",
            "The ministry declined to say.", "Prices will rise, she said."])
def missing_complement(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A verb of saying with nothing said: `The minister also pointed out.`

    A short sentence that ends in `said`, `stated`, `pointed out` or `by saying`
    lost what was said. Reported speech (`Prices will rise, she said.`), fronted
    objects (`That is what he said.`) and refusals (`declined to say`) are complete.
    """
    pattern = _complement_re()
    for sentence in doc.sentences:
        text = sentence.text
        if not text.endswith(".") or (m := pattern.search(text)) is None:
            continue
        if text[0] in _QUOTES or "," in text or any(q in text for q in _QUOTES):
            continue
        words = [w.lower() for w in _words(doc, sentence)]
        by_saying = text[m.start():].lstrip().lower().startswith("by")
        if not by_saying and (len(words) > 10 or _NO_COMPLEMENT_CONTEXT.intersection(words)
                              or _before_verb(words, m.group()) in _PASSIVE):
            continue
        yield Hit(sentence.start, sentence.end, f"'{m.group().strip(' .')}' has no "
                  "complement: what was said is missing", confidence=0.85)


def _before_verb(words: list[str], ending: str) -> str:
    size = len(ending.strip(" .").split())
    return words[-size - 1] if len(words) > size else ""


# ---------------------------------------------------------------------------
# Sentences that stop too early, or lack a main clause


@lru_cache(maxsize=1)
def _endings() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], frozenset[str]]:
    data = data_sections("broken_endings.txt")
    fixed = tuple(sorted((tuple(p.split()) for p in data["fixed"]), key=len, reverse=True))
    return frozenset(data["never-final"]), fixed, frozenset(data["stranded"])


# Words that take the object of a stranded preposition (`what it consists of`).
_STRANDERS = frozenset("what which who whom whose where whatever whichever that to".split()) \
    | PRONOUNS
_VOTE = re.compile(r"(?i)vot(?:e|es|ed|ing)|\d[\d,.]*|one|two|three|four|five|six|seven|eight"
                   r"|nine|ten|many|some|others?|none|all|most|few")


@rule("broken.dangling-ending", category="broken", severity="major",
      bad=["The owners would rather sell their flats instead of.",
           "The officials said the exercises are not directed against.",
           "The committee chose a candidate which is the."],
      good=["It is not clear what the deal consists of.",
            "These are the people he works with.", "Ten members voted against.",
            "The patients had hepatitis A."])
def dangling_ending(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A sentence that ends in a word that needs something after it.

    Articles, conjunctions and complex prepositions (`instead of`, `according to`)
    never end an English sentence; a simple preposition ends one only when a
    relative word, pronoun or infinitive earlier in the clause takes its object.
    """
    never, fixed, stranded = _endings()
    for sentence in doc.sentences:
        if not sentence.text.endswith(".") or sentence.text.endswith(".."):
            continue
        tokens = [t for t in doc.sentence_tokens(sentence) if t.is_word]
        if len(tokens) < 3:
            continue
        words = [t.text for t in tokens]
        lower = [w.lower() for w in words]
        hit = _dangling(lower, words, never, fixed, stranded)
        if hit:
            first = tokens[len(tokens) - hit]
            phrase = " ".join(words[-hit:])
            yield Hit(first.start, sentence.end, f"the sentence ends in '{phrase}', which "
                      "needs something after it", confidence=0.85)


def _dangling(lower: list[str], words: list[str], never: frozenset[str],
              fixed: tuple[tuple[str, ...], ...], stranded: frozenset[str]) -> int:
    """How many final words dangle (0 when the ending is fine)."""
    last = lower[-1]
    if last in never and words[-1] == last:  # `Vitamin A.` is a name
        return 1
    for phrase in fixed:
        if tuple(lower[-len(phrase):]) == phrase:
            return len(phrase)
    if last not in stranded:
        return 0
    clause = lower[max(0, len(lower) - 9):-1]
    if _STRANDERS.intersection(clause):
        return 0
    if last == "against" and _VOTE.fullmatch(lower[-2]):
        return 0
    return 1


_RELATIVE = frozenset("which who whom whose where".split())


@rule("broken.fragment", category="broken", severity="major",
      bad=["The landlord, who in the first instance before the regional court in the "
           "year 2022.",
           "The decision of the committee, which in the meeting held on Thursday."],
      good=["The landlord, who lost in the first instance, appealed in 2022.",
            "The decision of the committee, which met on Thursday, surprised markets.",
            "Shares fell 3.5% in early trading."])
def fragment(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A sentence without a main clause: a subject and a relative clause, no verb.

    MT loses the main verb of long source sentences (German and Turkish put it
    last), leaving `The landlord, who in the first instance before the court.` The
    main clause is the sentence without its relative clauses and brackets; when no
    word in it can be a finite verb (lemminflect's tables decide), it is a fragment.
    """
    body = _reads_as_body(doc)
    for sentence in doc.sentences:
        text = sentence.text
        if sentence.paragraph not in body or not text.endswith(".") or not text[0].isupper():
            continue
        if any(c in text for c in _QUOTES) or ":" in text or ";" in text:
            continue
        main = _main_clause(doc, sentence)
        if main is None or len(main) < 2:
            continue
        if not any(could_be_finite_verb(main, i) for i in range(len(main))):
            yield Hit(sentence.start, sentence.end, "no main verb: the sentence is a "
                      f"fragment ('{' '.join(main)}' has no verb to go with it)",
                      confidence=0.75)


def _main_clause(doc: Document, sentence: Sentence) -> list[str] | None:
    """The sentence's words outside relative clauses and brackets, lower-cased.

    None for sentences too short to judge (fewer than six words).
    """
    tokens = doc.sentence_tokens(sentence)
    if sum(1 for t in tokens if t.is_word) < 6:
        return None
    main: list[str] = []
    in_relative = False
    depth = 0
    previous = ""
    for t in tokens:
        text = t.text
        if text in "([":
            depth += 1
        elif text in ")]":
            depth = max(0, depth - 1)
        elif depth:
            pass
        elif text == ",":
            in_relative = False
        elif previous == "," and text.lower() in _RELATIVE:
            in_relative = True
        elif not in_relative and t.is_word:
            main.append(text.lower())
        previous = text
    return main


# ---------------------------------------------------------------------------
# Word order and case


_NOT_AUX = re.compile(rf"(?<![\w'’-])(?<!or )(?<!if )not{_GAP}(?:has|have|had|is|are|was|were|"
                      r"will|would|can|could|does|did|do)(?![\w'’-])", re.IGNORECASE)
_DOUBLE_MODAL = re.compile(rf"\b(?:{'|'.join(sorted(MODALS))}){_GAP}"
                           rf"(?:{'|'.join(sorted(MODALS))})\b", re.IGNORECASE)
_PARTICIPLE_PAIR = re.compile(rf"\b(?:been|being|be|was|were|is|are){_GAP}([a-z]+ed){_GAP}"
                              r"([a-z]+ed)(?=[^\S\n]*[,.;])")


@rule("broken.garbled-order", category="broken", severity="major",
      bad=["The work was paid for by a sponsor that of identity not has been "
           "communicated wished.",
           "The talks will can resume next week."],
      good=["Whether or not is unclear.", "The sponsor did not wish to be named.",
            "Nobody could say whether the talks will resume."])
def garbled_order(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """Words in source-language order: `not has been`, `will can`, verb after verb.

    German and Turkish put verbs at the end of the clause; MT that follows the source
    order too closely yields `that of identity not has been communicated wished`.
    """
    for m in _NOT_AUX.finditer(doc.text):
        yield Hit(m.start(), m.end(), f"'{m.group()}': the negation stands before the "
                  "auxiliary (garbled word order)", confidence=0.85)
    for m in _DOUBLE_MODAL.finditer(doc.text):
        first, second = m.group().lower().split()
        if first != second:
            yield Hit(m.start(), m.end(), f"two modal verbs in a row: '{m.group()}'",
                      confidence=0.85)
    lex = None
    for m in _PARTICIPLE_PAIR.finditer(doc.text):
        lex = lex or lexicon()
        first, second = m.group(1), m.group(2)
        if all(w in lex.verbs and w not in lex.nouns and w not in lex.adjectives
               for w in (first, second)):
            yield Hit(m.start(), m.end(), f"two verbs in a row at the end of the clause: "
                      f"'{first} {second}'", confidence=0.8)


_CAPITALIZED_RUN = re.compile(
    r"(?:[A-Z][\w'’-]*|\d[\d,.]*)(?:[^\S\n]+(?:[A-Z][\w'’-]*|\d[\d,.]*)){4,}")
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|\*[^*\n]+\*|«[^»\n]*»|\([^)\n]*\)")


@rule("broken.headline-case", category="broken", severity="minor",
      bad=["The Coach Said That The Squad Will Be Completed Before The Derby, and "
           "talks continue.",
           "According to the sponsor, The Museum Expects More Than 400,000 Visitors "
           "During The Four Months."],
      good=["The Central Bank of the Republic of Turkey kept its rate unchanged.",
            "She read “The Lord Of The Rings” to the class."])
def headline_case(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A run of Title Case Words inside body text, as a headline would be written.

    MT that translates a subheading into the flow of a paragraph keeps its
    capitals. A run counts when at least three of its words are function words or
    verbs, which names of organisations write in lower case (`Bank of America`).
    """
    body = _reads_as_body(doc)
    lex = None
    for para in doc.paragraphs:
        if para.index not in body:
            continue
        text = _QUOTED.sub(lambda q: " " * len(q.group()), para.text)
        for m in _CAPITALIZED_RUN.finditer(text):
            words = m.group().split()
            lex = lex or lexicon()
            common = [w for w in words[1:]
                      if w.lower() in FUNCTION_WORDS or (w.lower() in lex.finite
                                                         and w.lower() not in lex.nouns)]
            if len(common) >= 3:
                start = para.start + m.start()
                yield Hit(start, start + len(m.group()), f"headline-style capitals in body "
                          f"text: '{m.group()}'", confidence=0.85,
                          severity=Severity.MINOR)
