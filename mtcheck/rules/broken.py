"""Broken sentences: doubled words, dangling attributions, fragments, punctuation damage.

MT systems break English in recurring ways: a quote attributed twice (`...forward. ”
said.`), a relative clause that swallows the main verb, a sentence cut after a
preposition, French spacing before a colon. Each rule here looks for one such shape
and stays quiet on the constructions of clean news that resemble it (headlines,
datelines, lists, `“Why?” he asked.`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, pairwise

from mtcheck.analyze import memoized, sentence_at, token_texts
from mtcheck.english import (
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
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
from mtcheck.model import Document, Hit, Paragraph, Sentence
from mtcheck.rules.encoding import mojibake_spans
from mtcheck.rules.registry import RuleContext, rule
from mtcheck.wordcodes import Encoded, WordCodes

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


def _wrapped(doc: Document) -> frozenset[int]:
    """Paragraphs that continue the one before: a hard-wrapped line of the same block.

    In a text that separates paragraphs with blank lines, a block that follows a
    single line break after an unfinished line is the same paragraph, wrapped.
    """
    def compute(d: Document) -> frozenset[int]:
        if "\n\n" not in d.text:
            return frozenset()
        paras = d.paragraphs
        return frozenset(
            b.index for a, b in pairwise(paras)
            if d.text.count("\n", a.end, b.start) == 1 and not _ends_sentence(a.text))
    return memoized(doc, "broken.wrapped", compute)


def _words(doc: Document, sentence: Sentence) -> list[str]:
    return [t.text for t in doc.sentence_tokens(sentence) if t.text[0].isalpha()]


_QUOTES = "\"“”„«»"


# ---------------------------------------------------------------------------
# Repetition


def _codes(doc: Document) -> Encoded:
    """One character per token, the same for the same word in any case (see `_CODES`).

    Back-to-back repetition of one to seven tokens is then a regular expression
    over a string as long as the token list, which runs in C instead of a Python
    loop over every token.
    """
    return memoized(doc, "broken.codes", lambda d: _CODES.encode(token_texts(d)))


_REPEAT = re.compile(r"(.{1,7})\1", re.DOTALL)


def _repeats(doc: Document) -> list[tuple[int, int]]:
    """(first token, tokens per copy) of each back-to-back repetition within a line."""
    def compute(d: Document) -> list[tuple[int, int]]:
        out = []
        for m in _REPEAT.finditer(_codes(d).text):
            first, size = m.start(), len(m.group(1))
            tokens = d.tokens[first:first + 2 * size]
            if all(t.text[0].isalnum() for t in tokens) and \
                    "\n" not in d.text[tokens[0].end:tokens[-1].start] and \
                    all(a.text.lower() == b.text.lower()
                        for a, b in zip(tokens[:size], tokens[size:], strict=True)):
                out.append((first, size))
        return out
    return memoized(doc, "broken.repeats", compute)


# Doubles that English grammar or idiom allows.
_ALLOWED_DOUBLES = word_set("had that very bye no so ha now yeah tut knock chop well")
# `What it is is ...`, `all they do do`: allowed only after such a fronted clause.
_FRONTED_DOUBLES = word_set("is do")
_FRONTING = word_set("what all thing problem question point truth fact reason issue")


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
    for index, size in _repeats(doc):
        if size != 1:
            continue
        first, second = doc.tokens[index], doc.tokens[index + 1]
        word = first.text
        lower = word.lower()
        if lower in _ALLOWED_DOUBLES or not word[0].isalpha():
            continue
        if lower in _FRONTED_DOUBLES and any(
                t.text.lower() in _FRONTING for t in doc.tokens[max(0, index - 6):index]):
            continue
        if second.text[0].isupper() and lower not in FUNCTION_WORDS:
            continue  # Bora Bora, Sirhan Sirhan
        yield Hit(first.start, second.end, f"'{word}' is repeated", suggestion=word,
                  confidence=0.95)


_SUPERLATIVE = re.compile(r"(?i)(?:best|worst|first|last|most|least|\w+est)$")
_LOOP_DETERMINERS = ("the", "a", "an", "this", "its")


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
    for index, size in _repeats(doc):
        if size < 2:
            continue
        first, last = doc.tokens[index], doc.tokens[index + 2 * size - 1]
        if not any(c.isalpha() for t in doc.tokens[index:index + size] for c in t.text):
            continue
        phrase = doc.text[first.start:doc.tokens[index + size - 1].end]
        yield Hit(first.start, last.end, f"'{phrase}' is repeated", suggestion=phrase,
                  confidence=0.9)
    yield from _noun_loops(doc)


@cache
def _loop_re() -> re.Pattern[str]:
    """One to three words, `of` and a determiner, and the same words again."""
    return re.compile(f"(.{{1,3}}){_CODES.code_of('of')}[{_codes_of(_LOOP_DETERMINERS)}]\\1",
                      re.DOTALL)


def _noun_loops(doc: Document) -> Iterator[Hit]:
    codes = _codes(doc)
    for m in _loop_re().finditer(codes.text):
        size = len(m.group(1))
        tokens = doc.tokens[m.start():m.end()]
        noun = tokens[size - 1].text
        if [t.text.lower() for t in tokens[:size]] != \
                [t.text.lower() for t in tokens[size + 2:]] or \
                tokens[size].text.lower() != "of" or \
                len(noun) < 4 or not noun.isalpha() or _SUPERLATIVE.match(noun) or \
                not all(t.text.isalpha() for t in tokens[:size]) or \
                "\n" in doc.text[tokens[0].end:tokens[-1].start]:
            continue
        yield Hit(tokens[0].start, tokens[-1].end, f"'{noun}' is repeated in "
                  f"'{doc.text[tokens[0].start:tokens[-1].end]}'", confidence=0.75)


# ---------------------------------------------------------------------------
# Punctuation


# A space (the regex starts with a literal, which keeps the scan in C), then a mark that
# attaches to the word before it; `.45` and `...` excepted.
_SPACE_BEFORE = re.compile(r" [ \t]*([,;:!?”)]|\.(?![.\w]))")
_ATTACHES_AFTER = frozenset("%)]”’»\"")


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
    text = doc.text
    for m in _SPACE_BEFORE.finditer(text):
        mark, before = m.group(1), text[m.start() - 1:m.start()]
        after = text[m.end():m.end() + 1]
        if mark == "”":
            # `... continue. ” said`: a space between the last full stop and its quote.
            if before not in (".", "!", "?", ",") or (after and after not in " \t\n.,;:!?)"):
                continue
        elif not before or not (before.isalnum() or before == "_" or before in _ATTACHES_AFTER) \
                or (mark == ")" and (after.isalnum() or after == "_")):
            continue
        yield Hit(m.start(), m.end(), f"space before '{mark}'", suggestion=mark,
                  confidence=0.9)


# Punctuation of Chinese, Japanese, Arabic, Persian and Hindi text, and its English form.
_FOREIGN_MARKS = {"，": ",", "、": ",", "。": ".", "：": ":", "；": ";", "？": "?", "！": "!",
                  "（": "(", "）": ")", "《": "“", "》": "”", "「": "“", "」": "”",
                  "،": ",", "؛": ";", "؟": "?", "।": ".", "॥": "."}
_FOREIGN_MARK = re.compile(f"[{''.join(_FOREIGN_MARKS)}]")
_LATIN_CONTEXT = re.compile(r"[A-Za-z0-9À-ɏ][^\w\n]{0,3}$")
_LATIN_AFTER = re.compile(r"[^\w\n]{0,3}[A-Za-z0-9À-ɏ]")
_FOREIGN_OPENERS = "（《「"


@rule("broken.foreign-punctuation", category="broken", severity="minor",
      bad=["The port handled 3.2 million containers，a record for the city.",
           "Exports rose 14 percent। Imports fell."],
      good=["The port handled 3.2 million containers, a record for the city.",
            "Exports rose 14 percent. Imports fell, officials said."])
def foreign_punctuation(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """Punctuation of the source script left in English text: `，` `。` `،` `।`.

    MT and copy-paste keep full-width Chinese commas, Arabic commas and the Hindi
    danda; after an English word they are errors (the fix is the English mark). Marks
    inside a quotation in that script are left alone.
    """
    text = doc.text
    for m in _FOREIGN_MARK.finditer(text):
        mark = m.group()
        if _LATIN_CONTEXT.search(text, max(0, m.start() - 4), m.start()) is None or (
                mark in _FOREIGN_OPENERS and _LATIN_AFTER.match(text, m.end()) is None):
            continue  # around words in that script: a quotation (or an untranslated term)
        # Full-width marks carry their own spacing: `containers，a record` needs a space.
        space = " " if text[m.end():m.end() + 1].isalnum() and mark not in "（《「" else ""
        yield Hit(m.start(), m.end(), f"'{mark}' is {_script_of(mark)} punctuation in English "
                  "text", suggestion=_FOREIGN_MARKS[mark] + space, confidence=0.9)


def _script_of(mark: str) -> str:
    if mark in "،؛؟":
        return "Arabic"
    return "Devanagari" if mark in "।॥" else "CJK"


_PAIRS = {"“": "”", "„": "“”", "«": "»", "(": ")", "[": "]"}
_PAIR_MARKS = re.compile(r"[“”„«»()\[\]\"]")
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
    wrapped = _wrapped(doc)
    blocks: list[list[Paragraph]] = []
    for para in paras:
        if blocks and para.index in wrapped:
            blocks[-1].append(para)
        else:
            blocks.append([para])
    garbled = [(s, e) for s, e, _ in mojibake_spans(doc)]
    for i, block in enumerate(blocks):
        if not any(_PAIR_MARKS.search(p.text) for p in block):
            continue
        continues = i + 1 < len(blocks) and blocks[i + 1][0].text[:1] in "“„«\""
        for hit in _unbalanced(block, continues):
            if not any(s <= hit.start < e for s, e in garbled):  # `BelgiÃ«` is no quote
                yield hit


def _unbalanced(block: list[Paragraph], continues: bool) -> Iterator[Hit]:
    stack: list[tuple[str, int]] = []
    straight: list[int] = []
    marks = [(m, para.start) for para in block for m in _PAIR_MARKS.finditer(para.text)]
    enumerators = {para.start + m.end() - 1 for para in block
                   for m in _ENUMERATOR.finditer(para.text)}
    for m, base in marks:
        mark, at = m.group(), base + m.start()
        if mark == '"':
            straight.append(at)
        elif mark == "“" and stack and stack[-1][0] == "„":
            stack.pop()  # German „…“
        elif mark in _PAIRS:
            stack.append((mark, at))
        elif stack and mark in _PAIRS[stack[-1][0]]:
            stack.pop()
        elif any(mark in _PAIRS[opener] for opener, _ in stack):
            while mark not in _PAIRS[stack[-1][0]]:
                yield _pair_hit(*stack.pop())
            stack.pop()
        elif mark == "”" and len(straight) % 2:
            straight.pop()  # `"...”`: mixed typography, but the quote is closed
        elif at not in enumerators:
            yield Hit(at, at + 1, f"'{mark}' closes nothing: its opening mark is missing",
                      confidence=0.8)
    for mark, at in stack:
        if not (continues and mark in "“„«"):
            yield _pair_hit(mark, at)
    if len(straight) % 2 and not continues:
        at = straight[-1]
        yield Hit(at, at + 1, "unpaired '\"': the paragraph has an odd number of quote marks",
                  confidence=0.7)


def _pair_hit(mark: str, at: int) -> Hit:
    return Hit(at, at + 1, f"'{mark}' is never closed: its '{_PAIRS[mark][-1]}' is missing",
               confidence=0.8)


_ENDS_SENTENCE = re.compile(r"(?:[.!?…:;][\"'”’»)\]]*|\))(?:\s*<[^<>]{1,40}>|\s*&\w+;)*$")
_LAST_TOKEN = re.compile(r"\S+$")


def _ends_sentence(block: str) -> bool:
    return _ENDS_SENTENCE.search(block, max(0, len(block) - 80)) is not None


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
    wrapped = _wrapped(doc)
    for para in doc.paragraphs:
        if para.index not in body or _ends_sentence(para.text) or para.index + 1 in wrapped:
            continue
        if para.text[0] in "([" or "://" in para.text[-60:]:
            continue
        last = _LAST_TOKEN.search(para.text, max(0, len(para.text) - 100))
        if last is None or not any(c.isalnum() for c in last.group()):
            continue
        start = para.start + last.start()
        yield Hit(start, para.end, f"the paragraph ends without a full stop after "
                  f"'{last.group()}'", suggestion=last.group() + ".", confidence=0.85)


# ---------------------------------------------------------------------------
# Quote attribution and missing complements


@cache
def _verb_pattern(section: str, past_only: bool = False) -> str:
    """An alternation of the finite forms of the listed verb lemmas (`said|says|...`).

    `past_only` keeps the past tense alone: `states`, `notes` and `claims` end
    sentences as nouns (`the United States.`).
    """
    lex = lexicon()
    forms: set[str] = set()
    for lemma in data_sections("broken_verbs.txt")[section]:
        head, _, particle = lemma.partition(" ")
        tail = f"{_GAP}{particle}" if particle else ""
        forms.update(f"{form}{tail}" for form in lex.forms_of(head)
                     if not form.endswith("ing") and form != head
                     and (form in lex.past or not past_only))
    return "|".join(sorted(forms, key=len, reverse=True))


_SUBJECT = (r"(?:(?i:he|she|they|we|it|i)|[Tt]he(?:[^\S\n]+[\w-]+){1,2}"
            r"|[A-ZÀ-ÞĀ-Ž][\w'’-]+(?:[^\S\n]+[A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2})")


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
        rf"|(?P<comma>,)[^\S\n]*[”\"][^\S\n]*(?P<bare>(?i:{verbs}))[^\S\n]*\."
        # the same attribution twice: `...,” she said, she said.`
        rf"|[,.!?…][^\S\n]*[”\"»][^\S\n]*(?P<first>{_SUBJECT}{_GAP}(?i:{verbs})),"
        rf"[^\S\n]*(?P<second>(?i:he|she|they|we|it|i){_GAP}(?i:{verbs}))\b"
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
        if m.group("adjunct") and not _bare_adjunct(m.group("adjunct")):
            continue  # `” He said on Monday that talks would resume.`
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


@lru_cache(maxsize=1)
def _complement_re() -> re.Pattern[str]:
    verbs = _verb_pattern("complement", past_only=True)
    return re.compile(rf"(?:\b(?:{verbs})(?:{_GAP}that)?|\b(?:{_verb_pattern('that-clause')})"
                      rf"{_GAP}that|{_GAP}by{_GAP}(?:{_gerunds()}))[^\S\n]*\.$",
                      re.IGNORECASE)


_THAT_END = re.compile(r"\bthat[^\S\n]*\.$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _complement_enders() -> frozenset[str]:
    """Last words of the endings `_complement_re` looks for (`said`, `out`, `saying`)."""
    verbs = _verb_pattern("complement", past_only=True).replace(_GAP, " ").split("|")
    return frozenset(v.split()[-1] for v in verbs) | {"that"} | set(_gerunds().split("|"))


@lru_cache(maxsize=1)
def _gerunds() -> str:
    """`saying|stating|adding|...`: what `by` takes in `He continued by saying.`"""
    lex = lexicon()
    heads = {v.split()[0] for v in data_sections("broken_verbs.txt")["complement"]}
    return "|".join(sorted({f for h in heads for f in lex.forms_of(h) if f.endswith("ing")}))


@rule("broken.missing-complement", category="broken", severity="major",
      bad=["Prices rose again in May. The minister also pointed out.",
           "He ended the briefing by saying.", "The spokesman stated that."],
      good=["The minister also pointed out the risks.", "That is what he said.",
            "The ministry declined to say.", "Prices will rise, she said."])
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
        if any(q in text for q in _QUOTES):
            continue
        # `Ahmet Yılmaz, economist at the university, said.`: subject, apposition, verb,
        # and nothing said. `Rates will rise, Smith, an economist, said.` is complete.
        after_comma = text[:m.start()].rstrip().endswith(",") and _bare_apposition(text)
        # `... indicates that.`: the clause `that` opens is gone, however long the sentence.
        that_clause = _THAT_END.search(m.group()) is not None
        if "," in text and not (after_comma or that_clause):
            continue
        words = [w.lower() for w in _words(doc, sentence)]
        by_saying = text[m.start():].lstrip().lower().startswith("by")
        if not (by_saying or after_comma) and (
                (len(words) > 10 and not that_clause)
                or _NO_COMPLEMENT_CONTEXT.intersection(words)
                or _before_verb(words, m.group()) in _PASSIVE):
            continue
        yield Hit(sentence.start, sentence.end, f"'{m.group().strip(' .')}' has no "
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
                               "subsequently again")
# Words that take the object of the last verb (`the plan that he evaluated`, `as
# requested`); `that` does so only after a noun.
_GAP_TAKERS = word_set("what which who whom whose whatever whichever as than if when how "
                       "unless once")
_WH_ADVERBS = word_set("where when why how while whereby")
_CONTACT_SUBJECTS = PRONOUNS | word_set("the a an its their his her our this these those")


_RELATIVE_SUBJECTS = word_set("which who that")


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
        if len(lower) < 2 or len(clause) > 30:
            continue
        lemma = forms[last]
        before = lower[-2] if " " not in lemma else lower[-3] if len(lower) > 2 else ""
        if last.endswith("ing"):
            # Only a progressive (`is considering.`) needs the object; a gerund may be a
            # noun (`after long consideration and planning`).
            if before not in _BE:
                continue
            before = "also"  # read the rest as after a verb cue
        if " " in lemma and (len(lower) < 3 or lower[-2] not in lex.forms_of(lemma.split()[0])):
            continue  # `point out` needs its verb before the particle
        if before in _PASSIVE or before in ("get", "got", "gets", "getting") or \
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
        if len(clause) < len(_words(doc, sentence)) and lemma in _saying_lemmas():
            continue  # `Talks will resume, the ministry announced.`: reported speech
        start = sentence.start + sentence.text.rfind(clause[0], 0,
                                                     len(sentence.text) - len(" ".join(
                                                         clause[1:])) + 1)
        yield Hit(max(start, sentence.start), sentence.end,
                  f"'{' '.join(clause[-2:])}' has no object: what was "
                  f"{last if last in lex.participles else 'meant'} is missing",
                  confidence=0.8)


@lru_cache(maxsize=1)
def _saying_lemmas() -> frozenset[str]:
    return frozenset(data_sections("broken_verbs.txt")["attribution"])


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
    return bool(first) and len(first) <= 4 and not any(
        could_be_finite_verb(first, i) for i in range(len(first)))


def _before_verb(words: list[str], ending: str) -> str:
    size = len(ending.strip(" .").split())
    return words[-size - 1] if len(words) > size else ""


# ---------------------------------------------------------------------------
# Sentences that stop too early, or lack a main clause


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
    endings = _endings()
    all_tokens = doc.tokens
    for sentence in doc.sentences:
        if not sentence.text.endswith(".") or sentence.text.endswith("..") or \
                sentence.token_end - sentence.token_start < 4:
            continue
        # Cheap test first: the word before the final full stop.
        if all_tokens[sentence.token_end - 2].text.lower() not in endings.last_words and \
                all_tokens[sentence.token_end - 2].text.lower() not in _BE and \
                all_tokens[sentence.token_end - 3].text.lower() not in MODALS and not any(
                    t.text == "that" for t in all_tokens[sentence.token_end - 6:
                                                         sentence.token_end - 2]):
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


def _dangling(lower: list[str], words: list[str], endings: _Endings) -> int:
    """How many final words dangle (0 when the ending is fine)."""
    last = lower[-1]
    if last in endings.never and words[-1] == last:  # `Vitamin A.` is a name
        return 1
    for phrase in endings.fixed:
        if tuple(lower[-len(phrase):]) == phrase:
            return len(phrase)
    if last == "to":
        return 3 if _passive_to(lower) else 0
    if last in _BE:
        return 1 if _bare_copula(lower) else 0
    if lower[-2] in MODALS and last in lexicon().adverbs and last not in _ELLIPSIS_ADVERBS \
            and len(lower) > 2 and lower[-3] not in PRONOUNS and \
            not _COPULA_GAP.intersection(lower[:-2]):
        return 2  # `Shenzhen will further.`; `they will soon.` is an ellipsis
    if last not in endings.stranded:
        return _clause_without_verb(lower)
    before = lower[-2]
    # A pronoun that opens the sentence is its subject, not a relative clause's (`He
    # stressed the importance of.`; `the people he works with` is complete).
    window = lower[max(1 if lower[0] in PRONOUNS else 0, len(lower) - 9):-1]
    if _STRANDERS.intersection(window):
        return 0
    if last in ("against", "for") and _NUMBER_LIKE.fullmatch(before):
        return 0  # `ten voted for and two against.`
    lemmas = (before, *lexicon().verb_lemmas.get(before, ()))
    if any((lemma, last) in endings.strandable for lemma in lemmas):
        return 0
    return 1


# Words that let a clause end in its copula: `as they were`, `what it is`, `who they are`,
# `so be it`, `There it was.`, `It may or may not be.`, `It was not to be.`
_COPULA_GAP = word_set("what which who whom whose where when how as than so there here "
                       "whether whatever however wherever whoever whichever such if let not "
                       "to n't")


# `They said they would not.`, `He hopes it will too.`: ellipses English allows.
_ELLIPSIS_ADVERBS = word_set("not too again so either though anyway instead then also")


def _bare_copula(lower: list[str]) -> bool:
    """`The first test for the new council will be.`: a copula with nothing after it."""
    return len(lower) >= 4 and lower[-2] not in PRONOUNS and \
        not _COPULA_GAP.intersection(lower[:-1])


def _clause_without_verb(lower: list[str]) -> int:
    """`The institute recommends that swimmers.`: `that` opens a clause that never comes.

    After a verb, `that` followed by a determiner or a plural noun cannot be a
    demonstrative (`that day`); with no verb after it, the clause is missing.
    """
    if "that" not in lower[-5:-1]:
        return 0
    at = len(lower) - 1 - lower[::-1].index("that")
    rest = lower[at + 1:]
    lex = lexicon()
    if at == 0 or lower[at - 1] not in lex.verbs or lower[at - 1] in lex.nouns or \
            not (rest[0] in _SUBJECT_START or rest[0] in lex.plurals) or \
            any(w in lex.finite and (w not in lex.nouns or w in AUXILIARIES) for w in rest):
        return 0
    return len(rest) + 1


# `the system is used to.`: a passive whose infinitive went missing. `if it is asked to`
# and `was not allowed to` are ellipses that English allows.
_BE = word_set("is are was were be been being")
_ELLIPSIS_CONTEXT = word_set("if unless when whenever as because although though not "
                             "never n't so until once")


def _passive_to(lower: list[str]) -> bool:
    return (len(lower) >= 4 and lower[-3] in _BE and lower[-2] in lexicon().participles
            and not _ELLIPSIS_CONTEXT.intersection(lower[-10:]))


_RELATIVE = word_set("which who whom whose where")
# A relative clause ends at a comma, a dash or a semicolon.
_CLAUSE_BREAKS = frozenset(",;—–")


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
    wrapped = _wrapped(doc)
    shapes = _clause_shapes(doc)
    for sentence in doc.sentences:
        text = sentence.text
        if sentence.paragraph not in body or not text.endswith(".") or not text[0].isupper():
            continue
        if sentence.paragraph in wrapped and sentence.start == doc.paragraphs[
                sentence.paragraph].start:
            continue  # the start of this sentence is on the line before
        if any(c in text for c in _QUOTES) or ":" in text or ";" in text:
            continue
        lead = doc.tokens[sentence.token_start].text.lower()
        if lead in _SUBORDINATORS or lead in _SUBORDINATING_PREPOSITIONS:
            hit = _lone_subordinate(doc, sentence, _words(doc, sentence))
            if hit is not None and not _answers_question(doc, sentence):
                yield hit  # `Why? Because it is home.` answers a question
            continue
        shape = shapes[sentence.token_start:sentence.token_end]
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
        if not any(could_be_finite_verb(lower, i) for i in range(len(main))
                   if i == 0 or not main[i][0].isupper()) and \
                _mostly_english(_words(doc, sentence)) and \
                not _answers_question(doc, sentence):
            # `Who does she play? The champion, who qualified automatically.` answers
            yield Hit(sentence.start, sentence.end, "no main verb: the sentence is a "
                      f"fragment ('{' '.join(main)}' has no verb to go with it)",
                      confidence=0.75)


# Conjunctions that open a subordinate clause: the sentence needs a main clause too.
_SUBORDINATORS = word_set("because although though whereas whether unless if while when once")
# Words that open a subordinate clause or a prepositional phrase (`Since 2020, prices
# rose.`): the sentence needs at least one verb besides them.
_SUBORDINATING_PREPOSITIONS = word_set("since until after before")
_QUESTION_END = re.compile(r"\?[\"'”’»)]*$")


def _answers_question(doc: Document, sentence: Sentence) -> bool:
    """The sentence follows a question: a verbless answer (`Why? Because it is home.`)."""
    return sentence.index > 0 and \
        _QUESTION_END.search(doc.sentences[sentence.index - 1].text) is not None


def _verb_groups(lower: list[str], words: list[str]) -> list[int]:
    """Where each run of words that can be finite verbs starts (`will be discussed` is one).

    A capitalized word after the first is a name, never a verb.
    """
    starts = []
    previous = False
    for i in range(len(lower)):
        verb = (i == 0 or not words[i][0].isupper()) and could_be_finite_verb(lower, i)
        if verb and not previous:
            starts.append(i)
        # An auxiliary carries the group on (`will be discussed`); two lexical verbs in a
        # row are two groups (`whether the plan survives depends on`).
        previous = (verb and lower[i] in AUXILIARIES) or (previous and lower[i] in
                                                          _IN_VERB_GROUP)
    return starts


# Adverbs that may stand inside a verb group: `will not be`, `has already been`.
_IN_VERB_GROUP = word_set("not n't also already still never just now then further yet "
                          "again always even only")


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
    # Verbs inside relative clauses (`the stations which are advanced`) do not count.
    groups = [g for g in _verb_groups(lower, words)
              if not _RELATIVE.intersection(lower[max(0, g - 4):g])]
    comma = sentence.text.find(",")
    if comma != -1:
        before_comma = len(re.findall(r"[^\W\d_][\w'’-]*", sentence.text[:comma]))
        if any(g >= before_comma for g in groups) or before_comma <= 4:
            return None
    elif len(groups) >= needed:
        return None
    what = "no verb" if not groups else "no main clause"
    return Hit(sentence.start, sentence.end, f"'{words[0]} …' stands alone: a subordinate "
               f"clause with {what}, the sentence is a fragment", confidence=0.75)


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


def _mostly_english(words: list[str]) -> bool:
    """Most lower-case words are English: an untranslated sentence is not judged.

    Capitalized words are names in any language and do not count.
    """
    lex = lexicon()
    common = [w for w in words[1:] if w[0].islower()]
    known = sum(1 for w in common if w in FUNCTION_WORDS or lex.knows(w))
    return len(common) >= 2 and known >= 0.7 * len(common)


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
    for i, t in enumerate(tokens):
        text = t.text
        lower = text.lower()
        if previous == "," and not depth and text[0].isalpha() and (
                (lower.endswith("ing") and lower in lex.verbs and lower not in lex.nouns)
                or (lower in lex.participles and i + 1 < len(tokens)
                    and tokens[i + 1].text == "by")):
            in_relative = True  # `, speaking at a forum`, `, conducted by the institute`
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
        previous = text
        if text == ",":
            since_comma = []
        elif since_comma is not None:
            since_comma.append(lower)
    return main if words >= at_least else None


# ---------------------------------------------------------------------------
# Word order and case


# Each pattern starts with a literal, so the scan stays in C; the word before is
# checked afterwards.
_NOT_AUX = re.compile(rf"not{_GAP}(?:has|have|had|is|are|was|were|will|would|can|could|do|"
                      r"does|did)\b")
# `between of the company`: a preposition that cannot take `of` after it.
_BEFORE_OF = word_set("between with for in on at to from by about against among into "
                      "during through under via despite")
_WORD_BEFORE = re.compile(r"(\w+)[^\w\n]*$")
# `did not`, `or not is`, `to not`: the negation has its own verb or is fine where it is.
_NEGATION_OK_AFTER = AUXILIARIES | word_set("to or if whether why")
_PARTICIPLE_PAIR = re.compile(rf" (?:been|being|be|was|were|is|are){_GAP}([a-z]+ed){_GAP}"
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
    yield from _without_overlaps(chain(
        _negation_first(doc), _preposition_of(doc), _double_modals(doc), _verb_final(doc),
        _late_verb(doc), _auxiliary_first(doc), _relative_verb_last(doc),
        _participle_pairs(doc)))


def _without_overlaps(hits: Iterable[Hit]) -> Iterator[Hit]:
    """The hits whose span overlaps no earlier one: one finding per garbled stretch."""
    taken: list[tuple[int, int]] = []
    for hit in hits:
        if not any(hit.start < e and s < hit.end for s, e in taken):
            taken.append((hit.start, hit.end))
            yield hit


def _negation_first(doc: Document) -> Iterator[Hit]:
    """`not has been`: a negation before its auxiliary."""
    text = doc.text
    for m in _NOT_AUX.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-"):
            continue  # `cannot`, `knot`
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before and before.group(1).lower() in _NEGATION_OK_AFTER:
            continue
        yield Hit(m.start(), m.end(), f"'{m.group()}': the negation stands before the "
                  "auxiliary (garbled word order)", confidence=0.85)


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
    text = doc.text
    for m in _PRONOUN_VERB.finditer(text):
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
    for m in _PLURAL_VERB.finditer(text):
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


def _opens_sentence(text: str, at: int) -> bool:
    """Nothing but a line break or the end of a sentence comes before `at`."""
    before = text[max(0, at - 3):at].rstrip(" \t\"“'‘")
    return not before or before[-1] in ".!?\n"


_WORDS_BEFORE = re.compile(r"(?:[A-Za-z'’-]+[^\S\n]+){1,5}$")


# Words that start a noun phrase which can be a clause's subject.
_SUBJECT_START = word_set("the a an its their his her our this these those")
# `Last week the council met`: a time noun before a subject is an adverbial, not a subject.
_TIME_NOUNS = word_set("week weeks year years month months day days morning evening night "
                       "afternoon time times hour hours minute minutes decade decades "
                       "season weekend today yesterday tomorrow later earlier ago moment "
                       "century spring summer autumn winter")
_MONTHS_AND_DAYS = word_set("january february march april may june july august september "
                            "october november december monday tuesday wednesday thursday "
                            "friday saturday sunday")
_FINAL_BE = word_set("was were is are has have had")
_HAVE = word_set("has have had")


def _verb_final(doc: Document) -> Iterator[Hit]:
    """`The opposition the package sharply criticized.`: subject, object, then the verb.

    Turkish, Japanese and German put the verb last; MT that keeps that order leaves a
    sentence whose first verb is its last word, after two noun phrases side by side (a
    determiner right after a noun), or a participle before its auxiliary (`sold were.`).
    """
    lex = lexicon()
    tokens = doc.tokens
    body = _reads_as_body(doc)
    for sentence in doc.sentences:
        text = sentence.text
        if not text.endswith(".") or sentence.paragraph not in body or \
                sentence.token_end - sentence.token_start < 5:
            continue
        last = tokens[sentence.token_end - 2].text
        if last not in lex.verbs or last in lex.nouns or not last.isalpha():
            continue  # cheap test first: the sentence ends in a word that is only a verb
        if any(c in text for c in _QUOTES) or "," in text or ";" in text or ":" in text:
            continue
        words = _words(doc, sentence)
        lower = [w.lower() for w in words]
        if not 4 <= len(words) <= 30 or lower[0] in _SUBORDINATORS or \
                lower[0] in _SUBORDINATING_PREPOSITIONS or lower[0] in _RELATIVE or \
                lower[0] in _GAP_TAKERS or not _mostly_english(words):
            continue
        reason = _verb_final_reason(lower, words)
        if reason:
            yield Hit(sentence.start, sentence.end, f"verb-final word order: {reason}",
                      confidence=0.75)


_BREAKS = frozenset(",;:—–()")
_FRONTED_AUXILIARIES = word_set("has have had is are was were")


_CLAUSE_OPENERS = word_set("which who whom that because after when while although since")
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
    for sentence in doc.sentences:
        if sentence.paragraph not in body or any(c in sentence.text for c in _QUOTES):
            continue
        items = texts[sentence.token_start:sentence.token_end]
        lower = [w.lower() for w in items]
        for r, word in enumerate(lower[:-6]):
            if word not in _CLAUSE_OPENERS:
                continue
            verb = next((i for i in range(r + 1, len(lower)) if lower[i] in _CLAUSE_ENDS
                         or (could_be_finite_verb(lower, i) and lower[i] not in lex.nouns)),
                        None)
            if verb is None or lower[verb] in _CLAUSE_ENDS or lower[verb] in AUXILIARIES or \
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


def _auxiliary_first(doc: Document) -> Iterator[Hit]:
    """`Has won the run-off the centre-left candidate.`: a statement that opens with its verb.

    An auxiliary and a participle open only questions in English (`Has it ended?`) and
    conditions with a subject between them (`Had I known, ...`); before a full stop, a
    sentence that opens `Has won` kept the verb-subject order of its source.
    """
    tokens = doc.tokens
    lex = lexicon()
    body = _reads_as_body(doc)
    for sentence in doc.sentences:
        if sentence.token_end - sentence.token_start < 6 or not sentence.text.endswith(".") \
                or sentence.paragraph not in body:
            continue
        first, second = tokens[sentence.token_start].text, tokens[sentence.token_start + 1].text
        if first.lower() in _FRONTED_AUXILIARIES and second.islower() and \
                second in lex.participles and second not in lex.adjectives and \
                second not in lex.nouns:
            yield Hit(sentence.start, sentence.end, f"the sentence opens with its verb "
                      f"'{first} {second}': verb-subject order of the source",
                      confidence=0.75)


def _late_verb(doc: Document) -> Iterator[Hit]:
    """`The police the suspect at the border arrested after a search.`: two noun phrases
    side by side, then the main clause's only verb, with more words before it.

    A subject, then an object and an adverbial, then the verb is source-language order.
    English allows two noun phrases in a row before a verb only when the second opens a
    contact relative clause (`the players the coach picked are fit`), which then holds
    a second verb, or after an adverbial phrase (`In Paris the police arrested`).
    """
    hints = _run_on_hints(doc)
    body = _reads_as_body(doc)
    lex = lexicon()
    for sentence in doc.sentences:
        at = bisect_left(hints, sentence.token_start + 1)
        if at == len(hints) or hints[at] >= sentence.token_end - 3 or \
                sentence.paragraph not in body or not sentence.text.endswith(".") or \
                any(c in sentence.text for c in _QUOTES):
            continue  # cheap test first: a determiner right after a noun
        items = list(token_texts(doc)[sentence.token_start:sentence.token_end - 1])
        lower = [w.lower() for w in items]
        if lower[0] in _SUBORDINATORS or lower[0] in _SUBORDINATING_PREPOSITIONS or \
                lower[0] in _LINKERS or not _mostly_english(items):
            continue
        verbs = [i for i, w in enumerate(lower) if w in AUXILIARIES or (
            w in lex.verbs and w not in lex.nouns and w not in lex.adjectives
            and not w.endswith("ing") and (i == 0 or not items[i][0].isupper()))]
        if not verbs or verbs[0] < 5:
            continue
        first = verbs[0]
        head = lower[:first]
        # `after long talks` is a phrase; any other link opens a clause of its own.
        link = next((i for i, w in enumerate(head) if w in _LINKERS), first)
        if _BREAKS.intersection(head) or any(w in _LINKERS and w not in
                                             _SUBORDINATING_PREPOSITIONS for w in head) or \
                any(not w[0].isalnum() and w != "'s" for w in head):
            continue
        # The main clause runs to the first link, comma or second verb group.
        end = next((i for i in range(first + 1, len(lower)) if lower[i] in _LINKERS
                    or lower[i] in _BREAKS), len(lower))
        if any(v > first and v < end and lower[v - 1] not in AUXILIARIES
               and lower[v - 1] not in _IN_VERB_GROUP for v in verbs):
            continue  # a second verb: a contact relative clause and its main verb
        boundaries = [b for b in range(2, min(first - 2, link))
                      if _second_noun_phrase(lower, items, b)
                      and not _TIME_NOUNS.intersection(lower[b + 1:b + 3])]
        if not boundaries:
            continue
        b = boundaries[0]
        # A preposition before the boundary may make the first noun phrase an adverbial
        # (`Meanwhile in Paris the police ...`); then it takes a second boundary.
        if any(w in PREPOSITIONS and w != "of" for w in head[:b]) and len(boundaries) < 2:
            continue
        yield Hit(sentence.start, sentence.end, f"verb-final word order: "
                  f"'{items[b - 1]} {items[b]}' puts a second noun phrase after the subject, "
                  f"and the verb '{items[first]}' comes only after it", confidence=0.7)


def _verb_final_reason(lower: list[str], words: list[str]) -> str | None:
    lex = lexicon()
    if lower[-1] in _FINAL_BE and lower[-2] in lex.participles and \
            lower[-2] not in lex.nouns and lower[-2] not in lex.adjectives:
        return f"the participle '{words[-2]}' comes before its auxiliary '{words[-1]}'"
    # Only words that are never nouns count as verbs here: in `the target orbit reached`
    # the noun reading of `orbit` is the one that leaves a sentence.
    verbs = [i for i, w in enumerate(lower) if w in AUXILIARIES or (
        w in lex.verbs and w not in lex.nouns and w not in lex.adjectives
        and not w.endswith("ing") and (i == 0 or not words[i][0].isupper()))]
    if not verbs:
        return None
    first = verbs[0]
    if lower[first] in _HAVE and first < len(lower) - 2 and lower[-1] in lex.participles \
            and len(verbs) == 2 and any(w in PREPOSITIONS or w[:1].isdigit()
                                        for w in lower[first + 1:-1]):
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
    """A determiner right after a noun or a name: a new noun phrase with no link before it."""
    if lower[b] not in _SUBJECT_START:
        return False
    before = lower[b - 1]
    lex = lexicon()
    if before in FUNCTION_WORDS or before in _TIME_NOUNS or before in _MONTHS_AND_DAYS or \
            before.endswith("ing") or (before in lex.adverbs and before not in lex.nouns):
        return False
    if could_be_finite_verb(lower, b - 1):
        return False  # `the more they pay the less they have`
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
        if first.text.lower() != second.text.lower() and second.text.lower() in MODALS \
                and first.text.lower() in MODALS and "\n" not in doc.text[first.end:second.start]:
            yield Hit(first.start, second.end, f"two modal verbs in a row: "
                      f"'{doc.text[first.start:second.end]}'", confidence=0.85)


# Verbs that take an adjective or participle after their object (`declared closed`).
_SMALL_CLAUSE = word_set(
    "declare consider deem pronounce find leave keep report think believe judge rule "
    "presume get make render label list mark show prove"
)


_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|\*[^*\n]+\*|«[^»\n]*»|\([^)\n]*\)")
_RUN = re.compile(r"[CN]{5,}")


def _shapes(doc: Document) -> str:
    """One letter per token: `C` a Title Case function word or verb, `N` another
    capitalized word or a number, `x` anything else (lower case, punctuation)."""
    return memoized(doc, "broken.shapes", lambda d: _codes(d).exact_classes("shape"))


def _shape_letter(word: str) -> str:
    if word[0].isdigit():
        return "N"
    if not word[0].isupper():
        return "x"
    lower = word.lower()
    # Title Case only: a run in capitals is shouting (legal notices), not a headline.
    if word[1:].islower() and (lower in FUNCTION_WORDS or (
            lower in lexicon().finite and lower not in lexicon().nouns)):
        return "C"
    return "N"


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
    capitals. A run counts when at least three of its words after the first are
    function words or verbs, or two when one is a verb (`The Ministry Of Health
    Announced`) or when they stand together (`Spokesman Of The Ministry`): names of
    organisations write those in lower case (`Bank of America`) and hold no verbs.
    Quoted titles are left alone.
    """
    body = _reads_as_body(doc)
    shapes = _shapes(doc)
    for m in _RUN.finditer(shapes):
        capitals = shapes.count("C", m.start() + 1, m.end())
        if capitals < 2 or (capitals == 2 and "CC" not in shapes[m.start() + 1:m.end()] and
                            not any(_title_verb(t.text)
                                    for t in doc.tokens[m.start() + 1:m.end()])):
            continue
        first, last = doc.tokens[m.start()], doc.tokens[m.end() - 1]
        sentence = sentence_at(doc, first.start)
        if sentence is None or sentence.paragraph not in body or \
                "\n" in doc.text[first.start:last.end]:
            continue
        para = doc.paragraphs[sentence.paragraph]
        if any(q.start() <= first.start - para.start < q.end()
               for q in _QUOTED.finditer(para.text)):
            continue
        run = doc.text[first.start:last.end]
        yield Hit(first.start, last.end, f"headline-style capitals in body text: '{run}'",
                  confidence=0.85)


def _title_verb(word: str) -> bool:
    """`Announced`: a verb that is no noun, in Title Case; names of bodies hold none."""
    lower = word.lower()
    lex = lexicon()
    return len(word) > 3 and word[1:].islower() and lower not in FUNCTION_WORDS and \
        lower in lex.finite and lower not in lex.nouns and lower not in lex.adjectives


# Words that join or subordinate clauses: between two clauses one of them (or a comma)
# is needed.
_LINKERS = CONJUNCTIONS | _RELATIVE | _SUBORDINATORS | _SUBORDINATING_PREPOSITIONS | word_set(
    "that when where why how what so than as then whom whose once")


_DETERMINER_AFTER_CONTENT = re.compile("nD")


def _run_on_hints(doc: Document) -> list[int]:
    """Token indices of determiners right after a noun, a name or a number, in order.

    One letter per token (`n` such a word, `D` a determiner) and one regex over the
    string, in C; each distinct word is classed once per process.
    """
    return memoized(doc, "broken.run-on-hints", lambda d: [
        m.start() + 1 for m in _DETERMINER_AFTER_CONTENT.finditer(_codes(d).classes("run-on"))])


def _run_on_letter(word: str) -> str | None:
    if word in _SUBJECT_START:
        return "D"
    lex = lexicon()
    if word not in FUNCTION_WORDS and word[:1].isalnum() and (
            word in lex.nouns or not word.isalpha() or not lex.knows(word)):
        return "n"  # the word is lower-cased: a name is a word the lexicon does not know
    return None


@lru_cache(maxsize=1)
def _clause_taking() -> frozenset[str]:
    return frozenset(data_sections("broken_verbs.txt")["clause-taking"])


@rule("broken.run-on", category="broken", severity="major",
      bad=["The court rejected the appeal in Ankara the lawyers will apply to the higher "
           "court.",
           "The plant will employ 400 workers the first cars are expected in the spring of "
           "next year.",
           "The mayor will visit the site next week the residents demand a new bridge over "
           "the river."],
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
    yield from _comma_splices(doc)
    yield from _adverb_joins(doc)
    tokens = doc.tokens
    body = _reads_as_body(doc)
    nouns = lexicon().nouns
    hints = _run_on_hints(doc)
    for sentence in doc.sentences:
        if sentence.paragraph not in body or sentence.token_end - sentence.token_start < 13 \
                or not sentence.text.endswith("."):
            continue
        at = bisect_left(hints, sentence.token_start + 3)
        if at == len(hints) or hints[at] >= sentence.token_end - 2:
            continue  # cheap test first: a determiner after a content word
        items = [t.text for t in tokens[sentence.token_start:sentence.token_end]]
        if any(c in sentence.text for c in _QUOTES) or ";" in items or ":" in items:
            continue
        lower = [w.lower() for w in items]
        if lower[0] in _SUBORDINATORS or lower[0] in _SUBORDINATING_PREPOSITIONS:
            continue
        # Cheap test first: a determiner right after a word that is no function word.
        starts = [b for b in range(3, len(items) - 2) if lower[b] in _SUBJECT_START
                  and lower[b - 1] not in FUNCTION_WORDS and (
                      lower[b - 1] in nouns or items[b - 1][0].isupper()
                      or items[b - 1][0].isdigit())]
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


_SPLICE_SUBJECTS = word_set("it he she they we")
# A sentence adverb, then a subject: `... in June afterwards he moves to Vienna.`
_ADVERB_JOIN = re.compile(
    rf"(?P<before>[\w%]+){_GAP}(?P<adverb>(?i:however|afterwards|meanwhile|therefore|moreover|"
    rf"furthermore|nevertheless|nonetheless|subsequently|thereafter|consequently)){_GAP}"
    rf"(?P<subject>(?i:he|she|it|they|we|the|a|an|this|these|its|their)){_GAP}")


def _adverb_joins(doc: Document) -> Iterator[Hit]:
    """Two sentences joined by a sentence adverb alone: `... in June 2027 afterwards he
    moves to Vienna.` The adverb follows a noun or a number with no punctuation, and a
    clause with its verb came before it."""
    lex = lexicon()
    for m in _ADVERB_JOIN.finditer(doc.text):
        before = m.group("before").lower()
        if not (before[:1].isdigit() or before in lex.nouns or m.group("before")[0].isupper()) \
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
_BARE_VERB_TAKERS = MODALS | word_set("do does did not n't never")
# Verbs that report an opinion like a verb of saying: `Prices will rise, analysts expect.`
_REPORTING = word_set("confirm report admit believe think expect estimate fear hope predict "
                      "acknowledge concede suggest")


def _comma_splices(doc: Document) -> Iterator[Hit]:
    """`The strike began at dawn, long queues formed at the stops.`: two main clauses
    joined by a comma alone.

    Before the comma a clause with its subject and verb, not opened by a conjunction,
    a relative word or a participle; after it a subject (a pronoun, or a noun phrase
    with no function word inside) and at once a verb that is no verb of saying
    (`Prices rose, the ministry said.` is reported speech).
    """
    body = _reads_as_body(doc)
    texts = token_texts(doc)
    lex = lexicon()
    saying = _saying_lemmas() | _REPORTING
    for sentence in doc.sentences:
        if sentence.paragraph not in body or "," not in sentence.text or \
                not sentence.text.endswith(".") or any(c in sentence.text for c in _QUOTES):
            continue
        items = texts[sentence.token_start:sentence.token_end - 1]
        lower = [w.lower() for w in items]
        if items.count(",") != 1 or ";" in items or "(" in items or \
                lower[0] in _LINKERS or lower[0] in PREPOSITIONS or (
                    lower[0] in lex.verbs and lower[0] not in lex.nouns):
            continue  # `Asked about it, ...`, `When it rained, ...`, lists of clauses
        comma = items.index(",")
        head, tail = lower[:comma], lower[comma + 1:]
        if len(head) < 4 or len(tail) < 4 or _LINKERS.intersection(head) or \
                _LINKERS.intersection(tail[:1]) or not _mostly_english(items):
            continue
        if not any(could_be_finite_verb(head, i) and (i == 0 or not items[i][0].isupper())
                   for i in range(1, len(head))):
            continue  # an apposition or a phrase before the comma, not a clause
        verb = _subject_then_verb(tail, items[comma + 1:])
        if verb is None or any(lemma in saying for lemma in
                               (tail[verb], *lex.verb_lemmas.get(tail[verb], ()))):
            continue
        if "and" in tail or "or" in tail:
            continue  # `A rose, B fell and C stayed flat`: a series
        yield Hit(sentence.start, sentence.end, "comma splice: two sentences joined by a "
                  f"comma before '{' '.join(items[comma + 1:comma + verb + 2])}'",
                  confidence=0.7)


def _subject_then_verb(lower: list[str], words: list[str]) -> int | None:
    """The index of the verb when the words open with a subject and its verb."""
    lex = lexicon()
    if lower[0] in _SPLICE_SUBJECTS:
        return 1 if lower[1] in lex.finite else None  # after `it`, `spread` is a verb
    if lower[0] not in _SUBJECT_START and lower[0] not in lex.adjectives:
        return None
    for i in range(1, min(len(lower) - 1, 5)):
        word = lower[i]
        if word in AUXILIARIES or (word in lex.finite and word not in lex.nouns and (
                word not in lex.adjectives or word in lex.past) and not words[i][0].isupper()):
            # `the decisive game will be played`: a noun right before the verb
            return i if lower[i - 1] in lex.nouns or words[i - 1][0].isupper() else None
        if word in FUNCTION_WORDS or (not word.isalpha() and "-" not in word):
            return None
    return None


def _second_clause(items: list[str], lower: list[str], verbs: list[int],
                   b: int) -> int | None:
    """The verb of a second main clause whose subject starts at `b`, or None."""
    lexicon_ = lexicon()
    previous = lower[b - 1]
    number = previous[:1].isdigit()
    # A date (`on Wednesday a large exhibition`) is an adverbial before an object.
    name = items[b - 1][0].isupper() and previous not in _MONTHS_AND_DAYS
    if not (number or name or previous in lexicon_.nouns or previous in _MONTHS_AND_DAYS) \
            or previous in FUNCTION_WORDS \
            or (previous in _TIME_NOUNS and lower[b - 2] in DETERMINERS) \
            or previous.endswith("ing") or could_be_finite_verb(lower, b - 1):
        return None
    before = [v for v in verbs if v < b]
    # `the renovated halls`: a participle after a determiner is an adjective.
    after = [v for v in verbs if v > b and not (
        lower[v] in lexicon_.participles and lower[v - 1] in _SUBJECT_START)]
    if not before or not after:
        return None
    first, second = before[-1], after[0]
    if any(w in _LINKERS or w in ",—–-()" for w in lower[first + 1:b]) or \
            any(w in _LINKERS or not (w[0].isalnum() or w == "'s")
                for w in lower[b + 1:second]) or second - b > 7:
        return None
    if any(w in _RELATIVE for w in lower[:b]):
        return None
    if any(lemma in _clause_taking() for v in before for lemma in
           (lower[v], *lexicon_.verb_lemmas.get(lower[v], ()))):
        return None  # `told reporters the plan would fail`
    # The second verb is a whole clause's verb: an auxiliary, an object after it, or a
    # subject that no relative clause can follow (a number or a name before it).
    end = second
    while end + 1 < len(lower) and (lower[end + 1] in AUXILIARIES or lower[end + 1] in
                                    lexicon_.participles or lower[end + 1] in _IN_VERB_GROUP):
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
    complete = passive or (end + 1 < len(lower) and (lower[end + 1] in _SUBJECT_START
                                                     or lower[end + 1][:1].isdigit())
                           and not _TIME_NOUNS.intersection(lower[end + 2:end + 4]))
    bare_participle = lower[second] in lexicon_.participles and second == end
    if not (complete or ((number or name) and not bare_participle)):
        return None
    return second


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
    for sentence in doc.sentences:
        if sentence.paragraph not in body or not sentence.text.endswith(".") or \
                sentence.token_end - sentence.token_start < 7 or \
                _TELEGRAPHIC_BREAKER.search(sentence.text):
            continue  # cheap test first, in C: an article, pronoun, auxiliary or quote
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
_TELEGRAPHIC_BREAKER = re.compile(
    r"(?i)\b(?:the|an?|its|their|his|her|this|these|those|is|are|was|were|has|have|had|"
    r"will|would|can|could|it|he|she|they|we)\b|[\"“”„«»]")


# ---------------------------------------------------------------------------
# Word codes: one process-wide table for every rule above


_CODES = WordCodes(
    fixed=("of", *_LOOP_DETERMINERS, *sorted(_BEFORE_OF), *sorted(MODALS)),
    classifiers={"clause": _clause_letter, "run-on": _run_on_letter},
    exact_classifiers={"shape": _shape_letter})


def _codes_of(words: Iterable[str]) -> str:
    return "".join(_CODES.code_of(w) for w in words)


@cache
def _preposition_of_re() -> re.Pattern[str]:
    return re.compile(f"[{_codes_of(sorted(_BEFORE_OF))}]{_CODES.code_of('of')}")


@cache
def _double_modal_re() -> re.Pattern[str]:
    return re.compile(f"[{_codes_of(sorted(MODALS))}]{{2}}")
