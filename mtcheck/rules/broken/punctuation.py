"""Punctuation damage: stray spaces, foreign marks, unbalanced pairs, missing full stops."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter

from mtcheck.english import could_be_finite_verb, data_sections, lexicon
from mtcheck.model import Document, Hit, Paragraph
from mtcheck.rules.broken._shared import _WORD, _ends_sentence, _reads_as_body, _wrapped
from mtcheck.rules.encoding import mojibake_spans
from mtcheck.rules.registry import RuleContext, rule

# A space (the regex starts with a literal, which keeps the scan in C), then a mark that
# attaches to the word before it; `.45` and `...` excepted.
_SPACE_BEFORE = re.compile(r" [ \t]*([,;:!?”)]|\.(?![.\w]))")
_ATTACHES_AFTER = frozenset("%)]”’»\"")


@rule("broken.space-before-punctuation", category="broken", severity="minor",
      bad=["Around 2,000 trains are affected nationwide , the union said.",
           "He added : the company will stay in France.",
           "“We will carry our first passengers before winter. ” said Ayşe Kaya.",
           "“The shelves stay empty ” said the grocer."],
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
            # `... continue. ” said`: a space between the last full stop and its quote; or
            # `... then leave ” she said` after a word, when `“` opened the quote (Swedish
            # and Finnish also open quotes with `”`).
            if (after and after not in " \t\n.,;:!?)") or (
                    before not in (".", "!", "?", ",") and not (
                        before.isalpha() and _quote_open(text, m.start()))):
                continue
        elif not before or not (before.isalnum() or before == "_" or before in _ATTACHES_AFTER) \
                or (mark == ")" and (after.isalnum() or after == "_")):
            continue
        yield Hit(m.start(), m.end(), f"space before '{mark}'", suggestion=mark,
                  confidence=0.9)


def _quote_open(text: str, at: int) -> bool:
    """Whether a `“` opened on this line before `at` is still open there."""
    line = text.rfind("\n", 0, at) + 1
    return text.rfind("“", line, at) > text.rfind("”", line, at)


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


# A comma before `that`, then a word that is no verb (`that is,` and `that said` are fine).
# Anchored on the comma (found by a fast scan); the spaces before it join the finding.
_COMMA_THAT = re.compile(r",[^\S\n]*that[^\S\n]+(?!(?:is|was|said)\b)\w")
_WORD_BEFORE_COMMA = re.compile(r"(\w+)$")
# The subject of an aside that a comma opened: `..., it argued, that`.
_ASIDE_SUBJECT = re.compile(r",[^\S\n]+(?:(?i:it|he|she|they|we)|(?i:the)[^\S\n]+\w+)[^\S\n]+$")


@rule("broken.comma-before-that", category="broken", severity="minor",
      bad=["The minister said, that the economy would grow by 2 percent.",
           "Analysts believe, that prices will fall in the spring."],
      good=["The minister said that the economy would grow by 2 percent.",
            "It is a good plan, that is, if it works.",
            "The house, that the family built in 1920, was sold.",
            "It cited the queues as evidence, it argued, that the plan had failed."])
def comma_before_that(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A comma between a verb of saying or thinking and the `that` of its clause.

    German, Russian, Polish and Czech put a comma before every subordinate clause; MT
    carries it over (`He said, that the plan works.`). English writes no comma there.
    The fix removes it.
    """
    text = doc.text
    lex = lexicon()
    verbs = _reporting_forms()
    for m in _COMMA_THAT.finditer(text):
        start = m.start()
        while start and text[start - 1] != "\n" and text[start - 1].isspace():
            start -= 1
        before = _WORD_BEFORE_COMMA.search(text, max(0, start - 30), start)
        if before is None or before.group(1).lower() not in verbs or \
                before.group(1).lower() in lex.nouns or \
                _ASIDE_SUBJECT.search(text, max(0, before.start() - 30), before.start()):
            continue  # `the house, that ...`: a relative clause after a noun;
            # `evidence, it argued, that ...`: the comma closes an aside
        yield Hit(start, m.start() + 1, "comma before 'that' after "
                  f"'{before.group(1)}': English puts no comma there", suggestion="",
                  confidence=0.85)


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    """Every form of the verbs that take a `that` clause (`said`, `believes`)."""
    lex = lexicon()
    sections = data_sections("broken_verbs.txt")
    return frozenset(form for section in ("attribution", "clause-taking")
                     for lemma in sections[section] if " " not in lemma
                     for form in lex.forms_of(lemma))


_PAIRS = {"“": "”", "„": "“”", "«": "»", "(": ")", "[": "]"}
_PAIR_CHARACTERS = frozenset("“”„«»()[]\"")
_PAIR_MARKS = re.compile(f"[{re.escape(''.join(sorted(_PAIR_CHARACTERS)))}]")
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
    garbled = mojibake_spans(doc)
    for i, block in enumerate(blocks):
        marks = [(m.group(), para.start + m.start()) for para in block
                 for m in _PAIR_MARKS.finditer(para.text)]
        if not marks:
            continue
        if garbled:
            marks = _repaired_marks(marks, garbled, block[0].start, block[-1].end)
        continues = i + 1 < len(blocks) and blocks[i + 1][0].text[:1] in "“„«\""
        for hit in _unbalanced(block, marks, continues):
            if not any(s <= hit.start < e for s, e, _ in garbled):
                yield hit


def _repaired_marks(marks: list[tuple[str, int]], garbled: list[tuple[int, int, str]],
                    start: int, end: int) -> list[tuple[str, int]]:
    """The marks as they read once mojibake is repaired: `BelgiÃ«` holds no `«`, and
    `â€œNobody` opens a quote (the opening mark is `encoding.mojibake`'s finding; its
    closing partner is no error)."""
    inside = [(s, e, fixed) for s, e, fixed in garbled if start <= s < end]
    if not inside:
        return marks
    kept = [(mark, at) for mark, at in marks if not any(s <= at < e for s, e, _ in inside)]
    kept += [(c, s) for s, _, fixed in inside for c in fixed if c in _PAIR_CHARACTERS]
    return sorted(kept, key=itemgetter(1))


def _unbalanced(block: list[Paragraph], marks: list[tuple[str, int]],
                continues: bool) -> Iterator[Hit]:
    """The pair marks of a block (each with its offset) that do not pair up."""
    stack: list[tuple[str, int]] = []
    straight: list[int] = []
    for mark, at in marks:
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
        elif at not in _enumerators(block):
            yield Hit(at, at + 1, f"'{mark}' closes nothing: its opening mark is missing",
                      confidence=0.8)
    for mark, at in stack:
        if not (continues and mark in "“„«"):
            yield _pair_hit(mark, at)
    if len(straight) % 2 and not continues:
        at = straight[-1]
        yield Hit(at, at + 1, "unpaired '\"': the paragraph has an odd number of quote marks",
                  confidence=0.7)


def _enumerators(block: list[Paragraph]) -> set[int]:
    """Offsets of the brackets that close list enumerators (`a)`, `2)`), asked for only
    when a bracket closes nothing."""
    return {para.start + m.end() - 1 for para in block for m in _ENUMERATOR.finditer(para.text)}


def _pair_hit(mark: str, at: int) -> Hit:
    return Hit(at, at + 1, f"'{mark}' is never closed: its '{_PAIRS[mark][-1]}' is missing",
               confidence=0.8)


_LAST_TOKEN = re.compile(r"\S+$")


def _prose_between_prose(doc: Document, para: Paragraph, body: frozenset[int]) -> bool:
    """A block read as a heading (short, no full stop) that is a sentence of prose: body
    paragraphs on both sides, a dozen words or more with a comma (sixteen without one),
    mostly lower case, and a verb. Subheadings are shorter and do not read on like this."""
    if para.kind != "heading" or para.index - 1 not in body or para.index + 1 not in body:
        return False
    found = _WORD.findall(para.text)
    words = [w.lower() for w in found]
    lower = sum(1 for w in found if w[0].islower())
    return len(words) >= (12 if "," in para.text else 16) and lower >= 0.6 * len(words) \
        and any(could_be_finite_verb(words, i) for i in range(1, len(words)))


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
        if (para.index not in body and not _prose_between_prose(doc, para, body)) or \
                _ends_sentence(para.text) or para.index + 1 in wrapped:
            continue
        if para.text[0] in "([" or "://" in para.text[-60:]:
            continue
        last = _LAST_TOKEN.search(para.text, max(0, len(para.text) - 100))
        if last is None or not any(c.isalnum() for c in last.group()):
            continue
        start = para.start + last.start()
        yield Hit(start, para.end, f"the paragraph ends without a full stop after "
                  f"'{last.group()}'", suggestion=last.group() + ".", confidence=0.85)
