"""Streaming the articles of a corpus audit out of directories, globs, files and JSONL.

Nothing here holds a corpus in memory: every input is walked lazily and yields one
article (or one input error) at a time, so an audit of millions of documents reads
them as it goes.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mtcheck.errors import MtcheckError
from mtcheck.load import read_path

# A translation `x.txt` may have its original `x.src.txt` and a reference `x.ref.txt`.
COMPANIONS = ("src", "ref")
ARTICLE_SUFFIXES = (".txt",)
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Article:
    """One document to check: its id (a path or a JSONL id), text and optional companions."""

    id: str
    text: str
    source: str | None = None
    reference: str | None = None
    src_lang: str | None = None


@dataclass(frozen=True, slots=True)
class BadInput:
    """An input that could not be read, reported as `where: message` and counted as an error."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Article | BadInput


def is_companion(path: str | Path) -> bool:
    """True for `x.src.txt` / `x.ref.txt` (and `.md`): a source or reference, not an article."""
    parts = Path(path).name.split(".")
    return len(parts) >= 3 and parts[-2] in COMPANIONS


def companion(path: str | Path, kind: str) -> Path:
    """`x.txt` → `x.src.txt` (kind `src`) or `x.ref.txt` (kind `ref`)."""
    file = Path(path)
    return file.with_name(f"{file.stem}.{kind}{file.suffix}")


def article_of(path: str | Path) -> Path:
    """The article a companion belongs to: `x.src.txt` → `x.txt`."""
    file = Path(path)
    base = file.name.rsplit(".", 2)
    return file.with_name(f"{base[0]}.{base[2]}")


def read_article(path: str | Path, encoding: str | None = None) -> Article:
    """Read an article file and its `.src`/`.ref` companions when they exist."""
    name = os.path.normpath(str(path))
    text = read_path(name, encoding).text
    found = {}
    for kind in COMPANIONS:
        other = companion(name, kind)
        found[kind] = read_path(other, encoding).text if other.is_file() else None
    return Article(name, text, found["src"], found["ref"])


def iter_inputs(inputs: Iterable[str], encoding: str | None = None) -> Iterator[Item]:
    """Every article of the inputs in a stable order, and an error for each unreadable part.

    A directory is walked recursively for `*.txt` (sorted, companions paired, not
    checked on their own); a glob expands the same way; a `.jsonl` file holds one
    article per line. A file named twice is checked once.
    """
    seen: set[str] = set()
    for item in _expand(inputs):
        if isinstance(item, BadInput):
            yield item
        elif item.endswith(".jsonl"):
            yield from iter_jsonl(item, seen)
        else:
            key = os.path.normpath(item)
            if key in seen:
                continue
            seen.add(key)
            try:
                yield read_article(key, encoding)
            except MtcheckError as err:
                yield BadInput(key, _without_prefix(str(err), key))


def _expand(inputs: Iterable[str]) -> Iterator[str | BadInput]:
    for given in inputs:
        if os.path.isdir(given):
            empty = True
            for path in _walk(given):
                empty = False
                yield path
            if empty:
                yield BadInput(given, "no *.txt article in this directory")
        elif os.path.isfile(given):
            yield given
        elif _GLOB_CHARS & set(given):
            matches = sorted(glob.iglob(given, recursive=True))
            files = [m for m in matches if m.endswith((*ARTICLE_SUFFIXES, ".jsonl"))
                     and not is_companion(m) and os.path.isfile(m)]
            if not files:
                yield BadInput(given, "no file matches this pattern")
            yield from files
        else:
            yield BadInput(given, "no such file or directory")


def _walk(folder: str) -> Iterator[str]:
    # Sorted walk: the same corpus always streams in the same order.
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(ARTICLE_SUFFIXES) and not is_companion(name):
                yield os.path.join(root, name)


def iter_jsonl(path: str, seen: set[str] | None = None) -> Iterator[Item]:
    """The articles of a JSONL file, one per line; each bad line is an error at `file:line`.

    `seen` holds the ids met so far in the audit: a repeated id is an error, not a
    second document (its result would be counted twice).
    """
    seen = set() if seen is None else seen
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, errors reported per line
    except OSError as err:
        yield BadInput(path, f"cannot read ({err.strerror})")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                article = _record(json.loads(raw.decode("utf-8")))
            except UnicodeDecodeError as err:
                yield BadInput(where, f"not valid UTF-8 at byte {err.start}")
            except json.JSONDecodeError as err:
                yield BadInput(where, f"not valid JSON ({err.msg} at column {err.colno})")
            except ValueError as err:
                yield BadInput(where, str(err))
            else:
                if article.id in seen:
                    yield BadInput(where, f"duplicate id {article.id!r}; checked once only")
                    continue
                seen.add(article.id)
                yield article


def _record(data: object) -> Article:
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object with 'id' and 'text'")
    ident, text = data.get("id"), data.get("text")
    if not isinstance(ident, (str, int)) or isinstance(ident, bool) or str(ident) == "":
        raise ValueError("'id' must be a non-empty string or an integer")
    if not isinstance(text, str):
        raise ValueError(f"article {ident!r}: 'text' must be a string")
    extra = {}
    for key in ("source", "reference", "src_lang"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"article {ident!r}: {key!r} must be a string or null")
        extra[key] = value
    return Article(str(ident), text, extra["source"], extra["reference"], extra["src_lang"])


def count_documents(inputs: Iterable[str]) -> int:
    """How many articles the inputs hold (files plus non-empty JSONL lines), for a progress bar."""
    total = 0
    for item in _expand(inputs):
        if isinstance(item, BadInput):
            continue
        if item.endswith(".jsonl"):
            total += _count_lines(item)
        else:
            total += 1
    return total


def _count_lines(path: str) -> int:
    try:
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0


def _without_prefix(message: str, name: str) -> str:
    return message[len(name) + 2:] if message.startswith(f"{name}: ") else message
