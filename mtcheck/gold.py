"""Gold annotations: finding the annotated articles, reading and validating their gold files,
and locating every gold entry in its article.

`ARTICLE.gold.json` (next to `ARTICLE.txt`) is a list of entries
`{"category", "text", "context"?, "alternatives"?, "also_categories"?, "optional"?, "note"?}`.
An entry's spans are located in the article's decoded text by these rules:

- `text` with `context`: the first occurrence of `context` in the article, and inside it the
  first occurrence of `text`. `context` exists only to pick the occurrence.
- `text` alone: its first occurrence in the article that is not part of a longer word
  (so `ve` is not found inside `have`), or its first occurrence at all if it never stands
  alone (a hybrid token such as `toutefoisThe` is itself a word part).
- each of `alternatives`: its occurrences inside the context when it occurs there;
  otherwise every occurrence in the article, again preferring those not part of a longer
  word. Alternatives name the other spellings of a name, and a rule may flag any of them.

A `text`, `context` or alternative that cannot be located is an error in the gold file, as
is an unknown key or category: a typo must not silently turn an entry into a miss.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.model import CATEGORIES, Span

GOLD_SUFFIX = ".gold.json"
SOURCE_SUFFIX = ".src.txt"
REFERENCE_SUFFIX = ".ref.txt"
_KEYS = ("category", "text", "context", "alternatives", "also_categories", "optional", "note")


@dataclass(frozen=True, slots=True)
class GoldEntry:
    """One expected finding, located in its article.

    `spans` holds the span of `text` first, then the spans of the alternatives;
    `accepted` is the entry's category together with its `also_categories`.
    """

    index: int
    category: str
    accepted: frozenset[str]
    text: str
    spans: tuple[Span, ...]
    optional: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """The files of one annotated article."""

    article: Path
    gold: Path
    source: Path | None = None
    reference: Path | None = None


def discover(root: Path) -> tuple[list[AnnotatedArticle], list[str]]:
    """The annotated articles under a directory (or the one article a file names), sorted,
    and a note for each file that was left out (an article without gold, a stray gold file).
    """
    if root.is_file():
        if root.suffix != ".txt" or _companion_kind(root.name) is not None:
            raise InputError(f"{root}: not an article (expected ARTICLE.txt next to "
                             f"ARTICLE{GOLD_SUFFIX})")
        files = [root]
    elif root.is_dir():
        # Hidden folders and files (editor backups, checkpoints) are no part of a corpus.
        files = sorted(p for p in root.rglob("*") if p.is_file()
                       and not any(part.startswith(".") for part in p.relative_to(root).parts))
    else:
        raise InputError(f"{root}: no such directory")
    names = {str(p) for p in files}
    articles: list[AnnotatedArticle] = []
    notes: list[str] = []
    for path in files:
        kind = _companion_kind(path.name)
        if kind is not None:
            stem = path.name[: -len(kind)]
            if str(path.with_name(stem + ".txt")) not in names and root.is_dir():
                notes.append(f"{path}: no article {stem}.txt next to it; ignored")
            continue
        if path.suffix != ".txt":
            continue
        stem = path.name[: -len(".txt")]
        gold = path.with_name(stem + GOLD_SUFFIX)
        if not gold.is_file():
            notes.append(f"{path}: no {gold.name}; skipped")
            continue
        source = path.with_name(stem + SOURCE_SUFFIX)
        reference = path.with_name(stem + REFERENCE_SUFFIX)
        articles.append(AnnotatedArticle(
            path, gold, source if source.is_file() else None,
            reference if reference.is_file() else None))
    return articles, notes


def _companion_kind(name: str) -> str | None:
    for suffix in (GOLD_SUFFIX, SOURCE_SUFFIX, REFERENCE_SUFFIX):
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return None


def read_gold(path: Path) -> str:
    """The text of a gold file (UTF-8, an optional BOM is dropped)."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not valid UTF-8 at byte offset {err.start}") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None


def parse_gold(raw: str, text: str, name: str) -> tuple[GoldEntry, ...]:
    """Validate a gold file's JSON and locate each entry in the article `text`."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as err:
        raise InputError(f"{name}: not valid JSON at line {err.lineno} column {err.colno} "
                         f"({err.msg})") from None
    if not isinstance(data, list):
        raise InputError(f"{name}: expected a list of entries, got {type(data).__name__}")
    return tuple(_entry(item, i, text, name) for i, item in enumerate(data))


def _entry(item: object, index: int, text: str, name: str) -> GoldEntry:
    where = f"{name}: entry {index + 1}"
    if not isinstance(item, Mapping):
        raise InputError(f"{where}: expected an object, got {type(item).__name__}")
    if isinstance(item.get("text"), str):
        where += f" ({_short(item['text'])!r})"
    for key in item:
        if key not in _KEYS:
            raise InputError(f"{where}: unknown key {key!r}{_nearest(str(key), _KEYS)}")
    category = _category(item.get("category"), where, "category")
    entry_text = _string(item.get("text"), where, "text")
    context = item.get("context")
    alternatives = item.get("alternatives", [])
    also = item.get("also_categories", [])
    optional = item.get("optional", False)
    note = item.get("note")
    if not isinstance(alternatives, list):
        raise InputError(f"{where}: 'alternatives' must be a list of strings")
    if not isinstance(also, list):
        raise InputError(f"{where}: 'also_categories' must be a list of categories")
    if not isinstance(optional, bool):
        raise InputError(f"{where}: 'optional' must be true or false, not {optional!r}")
    if note is not None and not isinstance(note, str):
        raise InputError(f"{where}: 'note' must be a string")
    accepted = frozenset([category, *(_category(c, where, "also_categories") for c in also)])
    spans = locate(text, entry_text,
                   None if context is None else _string(context, where, "context"),
                   [_string(a, where, "alternatives") for a in alternatives], where)
    return GoldEntry(index, category, accepted, entry_text, spans, optional, note)


def duplicates(entries: Sequence[GoldEntry], name: str) -> list[str]:
    """A note for each entry located on the same text span as an earlier one of its category:
    usually a second occurrence that lacks the `context` to pick it."""
    seen: dict[tuple[str, Span], int] = {}
    notes = []
    for entry in entries:
        key = (entry.category, entry.spans[0])
        if key in seen:
            notes.append(f"{name}: entries {seen[key] + 1} and {entry.index + 1} "
                         f"({_short(entry.text)!r}) locate the same span; give a context "
                         f"to pick another occurrence")
        else:
            seen[key] = entry.index
    return notes


def locate(text: str, target: str, context: str | None, alternatives: Sequence[str],
           where: str = "gold entry") -> tuple[Span, ...]:
    """The spans of one entry: its text first, then its alternatives (see the module doc)."""
    if context is None:
        window = Span(0, len(text))
        start = _first(text, target, window)
        if start < 0:
            raise InputError(f"{where}: text not found in the article")
    else:
        at = text.find(context)
        if at < 0:
            raise InputError(f"{where}: context {_short(context)!r} not found in the article")
        window = Span(at, at + len(context))
        start = _first(text, target, window)
        if start < 0:
            raise InputError(f"{where}: text not found inside its context "
                             f"{_short(context)!r}")
    spans = [Span(start, start + len(target))]
    for alternative in alternatives:
        found = list(_all(text, alternative, window)) if context is not None else []
        if not found:
            found = list(_all(text, alternative, Span(0, len(text))))
        if not found:
            raise InputError(f"{where}: alternative {_short(alternative)!r} not found in the "
                             f"article")
        spans.extend(found)
    return tuple(dict.fromkeys(spans))


def _first(text: str, target: str, window: Span) -> int:
    """The first whole-word occurrence of `target` in the window, else the first at all."""
    first = -1
    for span in _occurrences(text, target, window):
        if _whole_word(text, span):
            return span.start
        if first < 0:
            first = span.start
    return first


def _all(text: str, target: str, window: Span) -> Iterator[Span]:
    """Every whole-word occurrence of `target` in the window, else every occurrence."""
    spans = list(_occurrences(text, target, window))
    whole = [s for s in spans if _whole_word(text, s)]
    yield from whole or spans


def _occurrences(text: str, target: str, window: Span) -> Iterator[Span]:
    at = text.find(target, window.start, window.end)
    while at >= 0:
        yield Span(at, at + len(target))
        at = text.find(target, at + len(target), window.end)


def _whole_word(text: str, span: Span) -> bool:
    """True unless the span starts or ends in the middle of a word."""
    before = span.start > 0 and text[span.start - 1].isalnum() and text[span.start].isalnum()
    after = span.end < len(text) and text[span.end].isalnum() and text[span.end - 1].isalnum()
    return not (before or after)


def _string(value: object, where: str, key: str) -> str:
    if not isinstance(value, str) or not value:
        shown = "missing" if value is None else f"{value!r}"
        raise InputError(f"{where}: {key!r} must be a non-empty string ({shown})")
    return value


def _category(value: object, where: str, key: str) -> str:
    if not isinstance(value, str) or value not in CATEGORIES:
        shown = "missing" if value is None else f"{value!r}"
        hint = _nearest(value, CATEGORIES) if isinstance(value, str) else ""
        raise InputError(f"{where}: {key} must be one of {', '.join(CATEGORIES)} "
                         f"({shown}{hint})")
    return value


def _nearest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f"; did you mean {close[0]!r}?" if close else ""


def _short(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
