"""Untranslated text: source-language words and sentences left in the English."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.model import Document, Hit
from mtcheck.rules.registry import RuleContext, rule
from mtcheck.wordlists import is_english_word

# A lower-case run glued to a capitalized English word: `zamIt's`, `yüzdeThe`.
_GLUED = re.compile(r"\b([^\W\d_A-Z]{2,})([A-Z][a-z]+(?:['’][a-z]+)?)\b")


@rule("untranslated.hybrid-token", category="untranslated", severity="major",
      bad=["The deal is close. zamIt's useless to speculate.",
           "Prices rose by yüzdeThe ten percent."],
      good=["She bought an iPhone and sold it on eBay.", "The McDonald family met.",
            "He works for deGrasse Labs."])
def hybrid_token(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A source-language word glued to an English word by the MT system.

    MT systems sometimes emit a source word without a space before the next
    English word (`zamIt's`). The English part is suggested as the fix.
    """
    for m in _GLUED.finditer(doc.text):
        left, right = m.group(1), m.group(2)
        if is_english_word(left.lower()) or not is_english_word(right.lower()):
            continue
        yield Hit(m.start(), m.end(), f"'{left}' is glued to '{right}': an untranslated "
                  f"source word fused with English", suggestion=right, confidence=0.9)
