"""Regular expressions built from word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]


def alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """A pattern that matches any of `words` (a space inside one matches `space`), longest
    first, written as a trie: `sa(?:id|ys)` rather than `said|says`.

    `re` tries the branches of `a|b|c` one after the other at every position it tests,
    so a list of a hundred verb forms costs a hundred attempts; the trie costs one step
    per letter. A word that another word extends is tried with the extension first, as
    a longest-first alternation would.
    """
    trie: _Trie = {}
    for word in set(words):
        node = trie
        for unit in _units(word, space):
            node = node.setdefault(unit, {})
        node[""] = {}
    return _pattern(trie)


def _units(word: str, space: str) -> list[str]:
    return [space if c == " " else re.escape(c) for c in word]


def _pattern(node: _Trie) -> str:
    branches = [unit + _pattern(child) for unit, child in sorted(node.items()) if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
