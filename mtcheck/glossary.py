"""User glossaries: canonical spellings of names and terms, with their known variants.

Three file formats, chosen by extension:

- `.tsv` (or `.txt`): one entry a line, the canonical form first, then its variants, all
  separated by tabs; a cell may also list several variants separated by `|`.
- `.csv`: the same columns, comma-separated (quote cells that hold commas).
- `.toml`: a `[terms]` table mapping each canonical form to a list of variants, and/or
  `[[term]]` tables with `canonical = "…"` and `variants = ["…"]`.

In TSV and CSV a line starting with `#` is a comment, and a first row whose first cell is
`canonical` (or `term`, `name`) is a header. A broken file raises a typed error that names
the file and the line: InputError when it cannot be read, ConfigError when its content is
wrong.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mtcheck.errors import ConfigError, InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found]

_HEADER = frozenset({"canonical", "term", "name", "canonical form"})


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A canonical form, its known variants, and the line that defined it."""

    canonical: str
    variants: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Glossary:
    """The entries of one glossary file."""

    path: str
    entries: tuple[GlossaryEntry, ...]

    @property
    def canonical_forms(self) -> frozenset[str]:
        """Every canonical form."""
        return frozenset(e.canonical for e in self.entries)

    def variant_map(self) -> dict[str, str]:
        """Each listed variant mapped to its canonical form."""
        return {v: e.canonical for e in self.entries for v in e.variants}


def load_glossary(path: str | os.PathLike[str]) -> Glossary:
    """Read a glossary file (cached per path while the file is unchanged)."""
    file = Path(path)
    try:
        stat = file.stat()
    except OSError as err:
        raise InputError(f"{file}: cannot read glossary ({err.strerror})") from None
    if not file.is_file():
        raise InputError(f"{file}: glossary is not a file")
    return _load_cached(str(file), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime_ns: int, size: int) -> Glossary:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{file}: glossary is not UTF-8 ({err.reason} at byte {err.start})"
                         ) from None
    except OSError as err:
        raise InputError(f"{file}: cannot read glossary ({err.strerror})") from None
    return parse_glossary(text, file.suffix.lower(), str(file))


def parse_glossary(text: str, suffix: str, origin: str = "<glossary>") -> Glossary:
    """Parse glossary text in the format its file suffix names (`.tsv`, `.csv`, `.toml`)."""
    if suffix == ".toml":
        entries = _from_toml(text, origin)
    elif suffix in (".tsv", ".txt", ".tab"):
        entries = _from_rows(_tsv_rows(text), origin)
    elif suffix == ".csv":
        entries = _from_rows(_csv_rows(text, origin), origin)
    else:
        raise ConfigError(f"{origin}: unknown glossary format {suffix or '(no extension)'!r}; "
                          "use .tsv, .csv or .toml")
    return Glossary(origin, _validated(entries, origin))


def _tsv_rows(text: str) -> Iterable[tuple[int, list[str]]]:
    for number, line in enumerate(text.splitlines(), 1):
        yield number, line.split("\t")


def _csv_rows(text: str, origin: str) -> Iterable[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text))
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as err:
        raise ConfigError(f"{origin}:{reader.line_num}: bad CSV ({err})") from None


def _from_rows(rows: Iterable[tuple[int, list[str]]], origin: str) -> list[GlossaryEntry]:
    entries: list[GlossaryEntry] = []
    first = True
    for number, raw in rows:
        cells = [c.strip() for c in raw]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if first and cells[0].lower() in _HEADER:
            first = False
            continue
        first = False
        if not cells[0]:
            raise ConfigError(f"{origin}:{number}: the first column (the canonical form) "
                              "is empty")
        variants = [v.strip() for cell in cells[1:] for v in cell.split("|") if v.strip()]
        entries.append(GlossaryEntry(cells[0], tuple(variants), number))
    return entries


def _from_toml(text: str, origin: str) -> list[GlossaryEntry]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{origin}: cannot parse glossary ({err})") from None
    unknown = set(data) - {"terms", "term"}
    if unknown:
        raise ConfigError(f"{origin}: unknown glossary key(s) {', '.join(sorted(unknown))}; "
                          "use [terms] or [[term]]")
    entries: list[GlossaryEntry] = []
    terms = data.get("terms", {})
    if not isinstance(terms, Mapping):
        raise ConfigError(f"{origin}: [terms] must be a table of canonical = [variants]")
    for canonical, variants in terms.items():
        entries.append(GlossaryEntry(canonical, _variant_list(variants, canonical, origin), 0))
    tables = data.get("term", [])
    if not isinstance(tables, list):
        raise ConfigError(f"{origin}: [[term]] must be an array of tables")
    for number, table in enumerate(tables, 1):
        if not isinstance(table, Mapping) or not isinstance(table.get("canonical"), str):
            raise ConfigError(f"{origin}: [[term]] number {number} needs canonical = \"...\"")
        extra = set(table) - {"canonical", "variants", "note"}
        if extra:
            raise ConfigError(f"{origin}: [[term]] number {number} has unknown key(s) "
                              f"{', '.join(sorted(extra))}")
        canonical = str(table["canonical"])
        entries.append(GlossaryEntry(
            canonical, _variant_list(table.get("variants", []), canonical, origin), 0))
    return entries


def _variant_list(value: object, canonical: str, origin: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{origin}: variants of {canonical!r} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _validated(entries: list[GlossaryEntry], origin: str) -> tuple[GlossaryEntry, ...]:
    canonical: dict[str, GlossaryEntry] = {}
    owner: dict[str, str] = {}
    for entry in entries:
        where = f"{origin}:{entry.line}" if entry.line else origin
        if not entry.canonical.strip():
            raise ConfigError(f"{where}: empty canonical form")
        if entry.canonical in canonical:
            raise ConfigError(f"{where}: {entry.canonical!r} is listed twice")
        canonical[entry.canonical] = entry
        for variant in entry.variants:
            if variant == entry.canonical:
                raise ConfigError(f"{where}: {variant!r} is listed as a variant of itself")
            previous = owner.setdefault(variant, entry.canonical)
            if previous != entry.canonical:
                raise ConfigError(f"{where}: variant {variant!r} belongs to both "
                                  f"{previous!r} and {entry.canonical!r}")
    for variant, form in owner.items():
        if variant in canonical:
            raise ConfigError(f"{origin}: {variant!r} is a canonical form and also a variant "
                              f"of {form!r}")
    return tuple(entries)


def parse_inline_terms(text: str, origin: str = "terms option") -> Glossary:
    """A small glossary written inline in configuration:
    `Canonical: variant | variant; Other Canonical` (entries separated by `;` or lines)."""
    entries: list[GlossaryEntry] = []
    for number, item in enumerate(text.replace("\n", ";").split(";"), 1):
        if not item.strip():
            continue
        canonical, _, rest = item.partition(":")
        if not canonical.strip():
            raise ConfigError(f"{origin}: entry {number} ({item.strip()!r}) has no canonical "
                              "form before ':'")
        variants = tuple(v.strip() for v in rest.split("|") if v.strip())
        entries.append(GlossaryEntry(canonical.strip(), variants, number))
    return Glossary(origin, _validated(entries, origin))


def merge(glossaries: Iterable[Glossary]) -> Glossary:
    """Several glossaries as one (a file and inline terms); conflicts are ConfigErrors."""
    parts = list(glossaries)
    origin = " + ".join(g.path for g in parts)
    entries = [e for g in parts for e in g.entries]
    return Glossary(origin, _validated(entries, origin))
