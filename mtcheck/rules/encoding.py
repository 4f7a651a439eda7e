"""Encoding damage: mojibake, replacement characters."""

from __future__ import annotations

import re
from collections.abc import Iterator

import ftfy

from mtcheck.model import Document, Hit
from mtcheck.rules.registry import RuleContext, rule

# Runs that hold a character typical of UTF-8 read as Latin-1/cp1252.
_SUSPECT = re.compile(r"\S*[ÃÂÅÄâ][\x80-\xbf€™œ¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾\u0080-\u00bf\u2018-\u203a]\S*")


@rule("encoding.mojibake", category="encoding", severity="major",
      bad=["The minister GÃ¼ler spoke.", "Ankaraâ€™s plan was approved."],
      good=["The minister Güler spoke.", "Ankara’s plan was approved.", "Â is a letter."])
def mojibake(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """Text decoded with the wrong character set (mojibake).

    `GÃ¼ler` is `Güler` encoded as UTF-8 and read as Latin-1; ftfy recovers it.
    """
    for m in _SUSPECT.finditer(doc.text):
        fixed = ftfy.fix_encoding(m.group())
        if fixed != m.group():
            yield Hit(m.start(), m.end(), f"mojibake: '{m.group()}' should read '{fixed}'",
                      suggestion=fixed, confidence=0.95)
