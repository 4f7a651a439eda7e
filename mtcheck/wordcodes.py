"""One character per distinct word, shared by every document a process checks.

Grammar rules read a document as a string with one character per token, so that a
regular expression (run in C) replaces a Python loop over the tokens: `(.{1,7})\\1`
finds a repeated stretch, `[ab]c` a preposition before `of`. The codes belong to the
process, not to a document: the patterns over fixed words compile once, and each
word's classes (is it only ever a verb? a determiner?) are judged the first time the
word is seen, not once per article.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

# CJK ideographs (U+3400-U+9FFF): none is a regex metacharacter or a class letter, and in
# the Basic Multilingual Plane the code strings take two bytes a character, not four
# (`re` steps through them about a fifth faster).
_BASE = 0x3400
# Distinct words kept before the tables start over: the codes left in that block, and a
# bound on memory for audits of millions of articles (a few hundred bytes a word).
LIMIT = 0xA000 - _BASE

Classifier = Callable[[str], str | None]


@dataclass(frozen=True)
class Encoded:
    """A document's token list as codes, with the tables that were current for it."""

    text: str                              # one code per token
    _names: tuple[str, ...]                # the class names, in table order
    _classes: Mapping[int, str]            # code -> its letter (or itself) in every class
    _exact: Mapping[str, dict[str, str]]    # case-sensitive class name -> word -> letter
    _words: list[str]

    def classes(self, name: str) -> str:
        """One character per token: its class letter, or its code when it has none."""
        return self._all_classes[self._names.index(name)::len(self._names)]

    @cached_property
    def _all_classes(self) -> str:
        # Every class of every token in one `str.translate` (a dict lookup per token),
        # each class then a slice: four lookups per token cost three times as much.
        return self.text.translate(self._classes)

    def exact_classes(self, name: str) -> str:
        """One letter per token from a case-sensitive classifier."""
        return "".join(map(self._exact[name].__getitem__, self._words))


class WordCodes:
    """Codes for lower-cased words, assigned in order of first sight.

    `fixed` words get the first codes, always the same ones, so patterns built from
    `code_of(word)` stay valid when the tables start over. A classifier maps a
    lower-cased word to a letter (or None); an exact classifier maps a word as written
    to a letter and must return one for every word.
    """

    def __init__(self, fixed: Iterable[str], classifiers: Mapping[str, Classifier],
                 exact_classifiers: Mapping[str, Callable[[str], str]], *,
                 limit: int = LIMIT) -> None:
        self._fixed = tuple(dict.fromkeys(w.lower() for w in fixed))
        self._classifiers = dict(classifiers)
        self._exact_classifiers = dict(exact_classifiers)
        self._limit = max(limit, len(self._fixed) + 1)
        self._lock = threading.Lock()  # the server checks documents in threads
        self._start_over()

    def _start_over(self) -> None:
        # New dicts rather than clear(): an `Encoded` made earlier keeps its own tables.
        self._by_lower: dict[str, str] = {}
        self._code: dict[str, str] = {}
        self._table: dict[int, str] = {}
        self._exact: dict[str, dict[str, str]] = {name: {} for name in
                                                  self._exact_classifiers}
        for word in self._fixed:
            self._lower_code(word)

    def code_of(self, word: str) -> str:
        """The code of a fixed word (any case)."""
        lower = word.lower()
        if lower not in self._fixed:
            raise KeyError(f"{word!r} is not a fixed word")
        return chr(_BASE + self._fixed.index(lower))

    def _lower_code(self, lower: str) -> str:
        code = self._by_lower.get(lower)
        if code is None:
            code = self._by_lower[lower] = chr(_BASE + len(self._by_lower))
            # A letter per class, the code itself where the word has none: no key is
            # missing (`str.translate` pays for a missing key with an exception).
            self._table[ord(code)] = "".join(
                classify(lower) or code for classify in self._classifiers.values())
        return code

    def encode(self, words: list[str]) -> Encoded:
        """The codes of a token list, assigning codes to words not seen before."""
        with self._lock:
            new = set(words).difference(self._code)
            if len(self._by_lower) + len(new) > self._limit:
                self._start_over()
                new = set(words)
            code, exact = self._code, self._exact
            for word in new:
                code[word] = self._lower_code(word.lower())
                for name, classify in self._exact_classifiers.items():
                    exact[name][word] = classify(word)
            return Encoded("".join(map(code.__getitem__, words)), tuple(self._classifiers),
                           self._table, exact, words)
