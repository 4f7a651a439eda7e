"""Broken sentences: doubled words, dangling attributions, fragments."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.model import Document, Hit
from mtcheck.rules.registry import RuleContext, rule

_DOUBLED = re.compile(r"\b(\w+)\s+(\1)\b", re.IGNORECASE)
# Doubles that English grammar allows.
_ALLOWED_DOUBLES = frozenset({"had", "that", "is", "do", "very", "bye", "no", "so"})


@rule("broken.doubled-word", category="broken", severity="minor",
      bad=["The the committee met on Monday.", "Prices rose in in March."],
      good=["What she had had was enough.", "He said that that plan failed.",
            "The committee met on Monday."])
def doubled_word(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """The same word twice in a row.

    MT output and hasty edits repeat a word (`the the`); a few doubles that
    English grammar allows (`had had`, `that that`) are not flagged.
    """
    for m in _DOUBLED.finditer(doc.text):
        word = m.group(1)
        if word.lower() in _ALLOWED_DOUBLES or word.isdigit():
            continue
        yield Hit(m.start(), m.end(), f"'{word}' is repeated", suggestion=word)
