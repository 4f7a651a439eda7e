"""Building a `Document`: segmentation, tokens and shared lazily computed analyses."""

from __future__ import annotations

import bisect
import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import TypeVar

from mtcheck.model import WORDS, Document, Sentence, Token, word_count
from mtcheck.segment import paragraphs, sentence_table, token_table

T = TypeVar("T")
_NEWLINE = re.compile("\n")
_MATCH_END = re.Match.end
_TOKEN_TEXT = itemgetter(2)
# The memo key of `token_texts`; `document` puts the texts there as segmentation finds them.
_TOKEN_TEXTS = "analyze.token_texts"


def document(text: str, path: str = "<text>", *, source: str | None = None,
             reference: str | None = None, src_lang: str | None = None,
             tgt_lang: str = "en") -> Document:
    """Segment a text (and its optional source and reference) into a Document."""
    with gc_paused():
        tokens, starts, texts = token_table(text)
        paras = paragraphs(text)
        sents = sentence_table(text, paras, starts)
        line_starts = [0]
        line_starts.extend(map(_MATCH_END, _NEWLINE.finditer(text)))
    src = document(source, f"{path} (source)", src_lang=None, tgt_lang=src_lang or "und") \
        if source is not None else None
    ref = document(reference, f"{path} (reference)", tgt_lang=tgt_lang) \
        if reference is not None else None
    return Document(path, text, tgt_lang, src_lang, tuple(paras), tuple(sents), tuple(tokens),
                    tuple(line_starts), src, ref,
                    memo={_TOKEN_TEXTS: texts, WORDS: word_count(texts)})


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is built or checked.

    Building a document allocates one object per word and a check allocates more; with
    the collector on, CPython re-scans the young objects every 700 allocations and all
    of them again in the full collections that follow, which costs as much as the work
    itself. Checking creates no reference cycles worth collecting early (refcounting
    frees everything else), so the collector resumes when the outermost pause ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def line_column(doc: Document, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset."""
    line = bisect.bisect_right(doc.line_starts, offset)
    return line, offset - doc.line_starts[line - 1] + 1


def memoized(doc: Document, key: str, compute: Callable[[Document], T]) -> T:
    """Compute a shared analysis once per document (rules call this, never a global cache)."""
    try:
        return doc.memo[key]  # type: ignore[return-value]  # `cast` costs a call per hit
    except KeyError:
        value = doc.memo[key] = compute(doc)
        return value


def note(doc: Document, key: str, value: object) -> None:
    """Record a fact for the report (for example the detected source language)."""
    notes = memoized(doc, "notes", lambda _: {})
    notes[key] = value


def notes_of(doc: Document) -> dict[str, object]:
    """The facts recorded for the report so far."""
    return memoized(doc, "notes", lambda _: {})


def sentence_at(doc: Document, offset: int) -> Sentence | None:
    """The sentence that holds an offset."""
    starts = memoized(doc, "sentence_starts", lambda d: [s.start for s in d.sentences])
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and doc.sentences[i].start <= offset < doc.sentences[i].end:
        return doc.sentences[i]
    return None


def token_texts(doc: Document) -> list[str]:
    """The text of every token, in order (shared; built in C, no Python step per token).

    Rules that look words up (`codes`, `shapes`, vocabularies) should start from this
    list rather than `[t.text for t in doc.tokens]`, which costs a Python step per word
    in every rule that writes it.
    """
    return memoized(doc, _TOKEN_TEXTS, lambda d: list(map(_TOKEN_TEXT, d.tokens)))


def vocabulary(doc: Document) -> frozenset[str]:
    """The distinct token texts of a document (shared)."""
    return memoized(doc, "analyze.vocabulary", lambda d: frozenset(token_texts(d)))


def word_tokens(tokens: tuple[Token, ...] | list[Token]) -> list[Token]:
    """Only the tokens that hold a letter."""
    return [t for t in tokens if t.is_word]
