"""Name consistency: one person, one spelling."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from anyascii import anyascii

from mtcheck.model import Document, Hit
from mtcheck.rules.registry import RuleContext, rule

_CAPITALIZED = re.compile(r"\b[^\W\d_a-z][^\W\d_]{2,}\b")


def transliteration_key(word: str) -> str:
    """A spelling-independent key: ASCII transliteration, lower case."""
    return anyascii(word).lower()


@rule("names.inconsistent-spelling", category="name", severity="major",
      bad=["Ayşe Kaya spoke first. Later Ayse Kaya added a remark.",
           "Minister Şugayev arrived. Shugayev said talks went well."],
      good=["Ayşe Kaya spoke first. Later Kaya added a remark.",
            "Erdoğan met Müller. Erdoğan's aide and Müller talked again."])
def inconsistent_spelling(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """The same name is spelled two ways in one article.

    MT systems transliterate a name differently from one sentence to the next
    (diacritics kept or dropped, Ş written as S or Sh). The minority spelling
    is flagged and the dominant one suggested.
    """
    by_key: dict[str, list[re.Match[str]]] = defaultdict(list)
    for m in _CAPITALIZED.finditer(doc.text):
        key = transliteration_key(m.group()).replace("sh", "s")
        by_key[key].append(m)
    for mentions in by_key.values():
        spellings = Counter(m.group() for m in mentions)
        if len(spellings) < 2:
            continue
        dominant, _ = spellings.most_common(1)[0]
        for m in mentions:
            if m.group() != dominant:
                yield Hit(m.start(), m.end(),
                          f"'{m.group()}' is also spelled '{dominant}' in this article",
                          suggestion=dominant, confidence=0.8)
