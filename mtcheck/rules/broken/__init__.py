"""Broken sentences: doubled words, dangling attributions, fragments, punctuation damage.

MT systems break English in recurring ways: a quote attributed twice (`...forward. ”
said.`), a relative clause that swallows the main verb, a sentence cut after a
preposition, French spacing before a colon. Each rule here looks for one such shape
and stays quiet on the constructions of clean news that resemble it (headlines,
datelines, lists, `“Why?” he asked.`).
"""

from __future__ import annotations

# One module per kind of damage; importing them registers their rules.
from mtcheck.rules.broken import (
    agreement,
    attribution,
    case,
    endings,
    fragments,
    order,
    punctuation,
    repetition,
    run_on,
    verb_forms,
)

__all__ = ["agreement", "attribution", "case", "endings", "fragments", "order", "punctuation",
           "repetition", "run_on", "verb_forms"]
