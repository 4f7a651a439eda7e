"""Verb forms that English grammar rules out: `will to invest`, `will implemented`,
`has went`, `did said`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.english import DETERMINERS
from mtcheck.model import Document, Hit
from mtcheck.rules.broken._codes import verb_form_letters
from mtcheck.rules.registry import RuleContext, rule

# Over `verb_form_letters`: each shape, and what is wrong with it.
_SHAPES = (
    (re.compile("mn?t[be]"), "a modal verb takes the bare infinitive, without 'to'"),
    (re.compile("mn{0,2}[ep]"), "a modal verb takes the base form, not a past form"),
    (re.compile("hn{0,2}p"), "'have' takes the past participle, not the past tense"),
    (re.compile("dn{0,2}[ep]"), "'do' takes the base form, not a past form"),
    (re.compile("tp"), "'to' takes the base form, not the past tense"),
)


@rule("broken.verb-form", category="broken", severity="major",
      bad=["The minister said that the company will to invest 2 billion euros.",
           "According to the plan, the reform will implemented next year.",
           "The strikers has went home after the talks.",
           "Officials did not said when the bridge would reopen."],
      good=["The company will invest 2 billion euros.",
            "The reform will be implemented next year.",
            "The strikers have gone home.", "His will signed in 1990 was read out.",
            "She ought to have known."])
def verb_form(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A verb form that its auxiliary rules out: `will to invest`, `has went`.

    `will implemented` and `did not said` are the same error. Languages that mark tense
    on the main verb, or use an infinitive particle after their modals (Russian, Polish,
    Turkish), lead MT to `must to pay` and `can solved`. A modal that is a noun (`his
    will`, `a can`) is left alone.
    """
    tokens = doc.tokens
    letters = verb_form_letters(doc)
    seen: set[int] = set()
    for pattern, message in _SHAPES:
        for m in pattern.finditer(letters):
            first, last = tokens[m.start()], tokens[m.end() - 1]
            if m.start() in seen or "\n" in doc.text[first.start:last.end] or (
                    m.start() and tokens[m.start() - 1].text.lower() in DETERMINERS):
                continue  # across lines, or `his will`, `a can`
            if first.text[0].isupper() and first.text.lower() in ("may", "will"):
                continue  # `May`, `Will Smith`
            seen.add(m.start())
            yield Hit(first.start, last.end, f"'{doc.text[first.start:last.end]}': "
                      f"{message}", confidence=0.85)
