"""The immutable data that flows through the pipeline."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Literal, NamedTuple

Category = Literal["untranslated", "name", "broken", "boilerplate", "encoding", "fidelity"]
CATEGORIES: tuple[Category, ...] = (
    "untranslated", "name", "broken", "boilerplate", "encoding", "fidelity",
)

_NON_WORD_CHAR = re.compile(r"\W")
_FIRST = itemgetter(0)
_TEXT = itemgetter(2)
# The memo key of `Document.words` (segmentation puts the count there as it goes).
WORDS = "doc.words"


def word_count(texts: Iterable[str]) -> int:
    """Number of token texts that start with a letter, digit or underscore."""
    # The first characters of all tokens as one string; the few that are not word
    # characters (punctuation) are counted by one regex in C.
    firsts = "".join(map(_FIRST, texts))
    return len(firsts) - len(_NON_WORD_CHAR.findall(firsts))

# The MQM error type each category reports as.
MQM_TYPES: Mapping[str, str] = {
    "untranslated": "Accuracy/Untranslated",
    "name": "Terminology/Inconsistent",
    "broken": "Fluency/Grammar",
    "boilerplate": "Style",
    "encoding": "Fluency/Character encoding",
    "fidelity": "Accuracy/Mistranslation",
    "internal": "Other",
}


class Severity(enum.IntEnum):
    """MQM severity, ordered so that comparisons read naturally."""

    MINOR = 1
    MAJOR = 2
    CRITICAL = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """Read a severity from its MQM name (`minor`, `major`, `critical`)."""
        if isinstance(value, Severity):
            return value
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}; use minor, major or critical") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of code points in the original decoded text."""

    start: int
    end: int


class Token(NamedTuple):
    """A word, number or punctuation mark with its offsets.

    A named tuple rather than a frozen dataclass: a document makes one per word, and a
    tuple is built in C (`tuple.__new__` mapped over the regex matches) at less than half
    the cost, which is a tenth of a whole check's time budget per word.
    """

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        """True for tokens that hold at least one letter."""
        text = self.text
        return text.isalpha() or any(c.isalpha() for c in text)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text separated from its neighbours by a blank line.

    `kind` says how the block reads: body prose, a heading (title, subhead),
    a list item, or a short metadata line (byline, dateline, source line).
    """

    index: int
    start: int
    end: int
    text: str
    kind: Literal["body", "heading", "list", "meta"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its offsets, paragraph and token range in `Document.tokens`."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    token_start: int
    token_end: int


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule yields: a span and its explanation. The engine makes it a Finding."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    confidence: float = 1.0
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a document, with exact offsets into the original text."""

    rule: str
    category: str
    severity: Severity
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    suggestion: str | None
    confidence: float

    @property
    def mqm(self) -> str:
        """The MQM error type of the finding's category."""
        return MQM_TYPES.get(self.category, "Other")

    def to_dict(self) -> dict[str, object]:
        """The finding as in the `mtcheck-report/1` schema."""
        return {
            "rule": self.rule, "category": self.category, "mqm": self.mqm,
            "severity": str(self.severity), "start": self.start, "end": self.end,
            "line": self.line, "column": self.column, "text": self.text,
            "message": self.message, "suggestion": self.suggestion,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class DocumentReport:
    """The findings, metrics and score of one document."""

    path: str
    words: int
    penalty: float
    score: float
    passed: bool
    src_lang: str | None
    tgt_lang: str
    findings: tuple[Finding, ...]
    metrics: Mapping[str, object] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()
    notes: Mapping[str, object] = field(default_factory=dict)

    @property
    def by_category(self) -> dict[str, int]:
        """Finding counts per category, in the fixed category order."""
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.category] = counts.get(f.category, 0) + 1
        return {c: counts[c] for c in (*CATEGORIES, "internal") if c in counts}


@dataclass(frozen=True, slots=True)
class Report:
    """The result of checking one or more documents."""

    documents: tuple[DocumentReport, ...]
    threshold: float
    weights: Mapping[str, float]
    version: str
    metrics: Mapping[str, object] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """True when every document passed."""
        return all(d.passed for d in self.documents)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """All findings of all documents, in document order."""
        return tuple(f for d in self.documents for f in d.findings)


@dataclass(frozen=True)
class Document:
    """An article after segmentation. Built by `mtcheck.analyze.document`.

    `memo` caches analyses that several rules share (language evidence, name
    mentions, alignment); it is filled on first use and never changes the data.
    """

    path: str
    text: str
    tgt_lang: str
    src_lang: str | None
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    line_starts: tuple[int, ...]
    source: Document | None = None
    reference: Document | None = None
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def words(self) -> int:
        """Number of word tokens (tokens that start with a letter, digit or underscore)."""
        count = self.memo.get(WORDS)
        if count is None:
            count = self.memo[WORDS] = word_count(map(_TEXT, self.tokens))
        assert isinstance(count, int)
        return count

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        """The tokens of one sentence."""
        return self.tokens[sentence.token_start:sentence.token_end]
