"""Headline capitals inside body text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.analyze import sentence_at
from mtcheck.english import FUNCTION_WORDS, MODALS, lexicon, word_set
from mtcheck.model import Document, Hit
from mtcheck.rules.broken._codes import _shapes
from mtcheck.rules.broken._shared import _reads_as_body
from mtcheck.rules.registry import RuleContext, rule

_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|\*[^*\n]+\*|«[^»\n]*»|\([^)\n]*\)")
_RUN = re.compile(r"[CN]{5,}")


@rule("broken.headline-case", category="broken", severity="minor",
      bad=["The Coach Said That The Squad Will Be Completed Before The Derby, and "
           "talks continue.",
           "According to the sponsor, The Museum Expects More Than 400,000 Visitors "
           "During The Four Months.",
           "“The grant lets us Hire Two Nurses And Open A Clinic In The Valley,” she said.",
           "The unions reject a “Plan Of Cuts Without Any Talks With The Staff”."],
      good=["The Central Bank of the Republic of Turkey kept its rate unchanged.",
            "She read “The Lord Of The Rings” to the class.",
            "The band played “Songs Of The Sea And The Hills” at the festival."])
def headline_case(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A run of Title Case Words inside body text, as a headline would be written.

    MT that translates a subheading into the flow of a paragraph keeps its
    capitals. A run counts when at least three of its words after the first are
    function words or verbs, or two when one is a verb (`The Ministry Of Health
    Announced`) or when they stand together (`Spokesman Of The Ministry`), or one in a
    run of six (`Prices Rise Sharply After Central Bank Decision`): names of
    organisations write those in lower case (`Bank of America`) and hold no verbs.
    Quoted titles, which fill their quotes, are left alone; a run inside quoted
    speech is not a title, nor is a quote that the clause runs into (`reject a “Plan
    Of Cuts Without Any Talks”`, `help them “Build A New Wing”`).
    """
    body = _reads_as_body(doc)
    shapes = _shapes(doc)
    for m in _RUN.finditer(shapes):
        capitals = shapes.count("C", m.start() + 1, m.end())
        # Six capitalized words with a function word among them are a headline: names
        # that long write their `of` and `for` in lower case.
        long_run = m.end() - m.start() >= 6 and capitals >= 1
        if not long_run and (capitals < 2 or (
                capitals == 2 and "CC" not in shapes[m.start() + 1:m.end()] and
                not any(_title_verb(t.text) for t in doc.tokens[m.start() + 1:m.end()]))):
            continue
        first, last = doc.tokens[m.start()], doc.tokens[m.end() - 1]
        sentence = sentence_at(doc, first.start)
        if sentence is None or sentence.paragraph not in body or \
                "\n" in doc.text[first.start:last.end]:
            continue
        para = doc.paragraphs[sentence.paragraph]
        if any(q.start() <= first.start - para.start < q.end() and not _speech_around(
                para.text, q, first.start - para.start, last.end - para.start) and
               not _continues_clause(doc, m.start())
               for q in _QUOTED.finditer(para.text)):
            continue  # a quoted title
        run = doc.text[first.start:last.end]
        yield Hit(first.start, last.end, f"headline-style capitals in body text: '{run}'",
                  confidence=0.85)


_LOWER_WORD = re.compile(r"\b[a-z]")
# Before a quote these want a verb or a noun phrase of the running clause (`help them
# “Build A New Wing”`, `denounce a “Plan Of Savings”`), where a title is not written.
_CLAUSE_BEFORE_QUOTE = word_set("a an them us him to") | MODALS


def _continues_clause(doc: Document, run: int) -> bool:
    """The word before the quote that holds the run is one of `_CLAUSE_BEFORE_QUOTE`."""
    return run >= 2 and doc.tokens[run - 2].text in _CLAUSE_BEFORE_QUOTE


def _speech_around(text: str, quote: re.Match[str], start: int, end: int) -> bool:
    """Lower-case words in the quote around the run: quoted speech, where capitals have
    no business (`“The grant lets us Hire Two Nurses And Open A Clinic”`), not a title
    (`“The Lord Of The Rings”`), which fills its quote."""
    return _LOWER_WORD.search(text, quote.start(), start) is not None or \
        _LOWER_WORD.search(text, end, quote.end()) is not None


def _title_verb(word: str) -> bool:
    """`Announced`: a verb that is no noun, in Title Case; names of bodies hold none."""
    lower = word.lower()
    lex = lexicon()
    return len(word) > 3 and word[1:].islower() and lower not in FUNCTION_WORDS and \
        lower in lex.finite and lower not in lex.nouns and lower not in lex.adjectives
