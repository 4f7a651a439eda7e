"""Web boilerplate pasted into the article: share prompts, source lines, ad labels."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.model import Document, Hit
from mtcheck.rules.registry import RuleContext, rule

_LINE_PATTERNS = re.compile(
    r"(?i)^(?:source|kaynak|quelle|fuente|source\s*:)\s*:\s*\S.{0,40}$"
    r"|^(?:related (?:news|ads|articles|posts)|be the first to comment|your comment"
    r"|leave a (?:comment|reply)|share (?:on|this)\b.{0,30}|advertisement|tags?\s*:.*"
    r"|subscribe to our newsletter.*|follow us on .{0,30})$"
)


@rule("boilerplate.web-debris", category="boilerplate", severity="minor",
      bad=["Prices rose.\n\nRelated News\n\nBe the first to comment",
           "The match ended 2-1.\n\nSource: sportnews"],
      good=["The source of the leak was not named.",
            "Officials said the related news was false."])
def web_debris(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A line of web-page debris (share prompts, related-content headers, source lines).

    Scrapers paste page furniture into the article text; it must not be published.
    """
    for para in doc.paragraphs:
        if _LINE_PATTERNS.match(para.text.strip()):
            yield Hit(para.start, para.end, f"web boilerplate line: '{para.text}'",
                      suggestion="")
