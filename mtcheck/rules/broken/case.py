"""Headline capitals inside body text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.analyze import sentence_at
from mtcheck.english import FUNCTION_WORDS, lexicon
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
           "During The Four Months."],
      good=["The Central Bank of the Republic of Turkey kept its rate unchanged.",
            "She read “The Lord Of The Rings” to the class."])
def headline_case(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A run of Title Case Words inside body text, as a headline would be written.

    MT that translates a subheading into the flow of a paragraph keeps its
    capitals. A run counts when at least three of its words after the first are
    function words or verbs, or two when one is a verb (`The Ministry Of Health
    Announced`) or when they stand together (`Spokesman Of The Ministry`), or one in a
    run of six (`Prices Rise Sharply After Central Bank Decision`): names of
    organisations write those in lower case (`Bank of America`) and hold no verbs.
    Quoted titles are left alone.
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
