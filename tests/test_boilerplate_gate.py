"""The quick test in front of the boilerplate patterns never turns a line away that they match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck import benchgen
from mtcheck.analyze import document
from mtcheck.english import data_sections
from mtcheck.rules import boilerplate
from mtcheck.rules.boilerplate import debris_kind

DEV = Path(__file__).resolve().parent.parent / "corpora" / "annotated" / "dev"


def _reference(line: str, extra: tuple[re.Pattern[str], ...] = ()) -> str | None:
    """`debris_kind` without the quick test: every line goes to the full regex."""
    text = line.strip()
    if not text or len(text) > 600 or (len(text) > 240 and "cookie" not in text.lower()
                                       and "çerez" not in text.lower()):
        return None
    combined, kinds = boilerplate._builtin()
    m = combined.fullmatch(text)
    if m and m.lastgroup:
        return kinds[int(m.lastgroup[1:])]
    if any(p.fullmatch(text) for p in extra):
        return "configured pattern"
    return None


def test_prefixes_of_patterns() -> None:
    assert boilerplate._literal_prefixes(r"share(?:\s+this)?") == {"share"}
    assert boilerplate._literal_prefixes(r"(?:a|bc)d\s+x") == {"ad", "bcd"}
    assert boilerplate._literal_prefixes(r"e-?mail") == {"e"}
    assert boilerplate._literal_prefixes(r"[ab]c") == {"ac", "bc"}
    assert boilerplate._literal_prefixes(r"\d+\s+comments?") == {""}
    assert boilerplate._literal_prefixes(r"(?i:x)y") == {""}


def test_gate_exists_for_the_built_in_patterns() -> None:
    gate, rest = boilerplate._builtin_gate()
    assert gate is not None
    assert rest is not None
    assert rest.fullmatch("12 comments")
    assert gate.match("Share on Facebook")
    assert gate.match("İLGİLİ HABERLER")
    assert not gate.match("The minister said on Monday that talks would resume.")


def _lines() -> list[str]:
    lines = [p.text for a in benchgen.corpus(20_000, 5) for p in document(a.text).paragraphs]
    for path in sorted(DEV.glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    return lines


def test_gate_on_generated_and_dev_lines() -> None:
    for line in _lines():
        assert debris_kind(line) == _reference(line), line


_PREFIXES = sorted({p for ps in data_sections("boilerplate_patterns.txt").values()
                    for pattern in ps for p in (boilerplate._literal_prefixes(pattern) or ())})
# Letters that case-insensitive matching ties to ASCII ones in unusual ways.
_ODD = {"i": ["I", "İ", "ı"], "s": ["S", "ſ"], "k": ["K", "\u212a"], "e": ["E", "É"]}


def _vary(text: str, picks: list[int]) -> str:
    out = []
    for i, char in enumerate(text):
        options = [char, char.upper(), *_ODD.get(char, [])]
        out.append(options[picks[i % len(picks)] % len(options)])
    return "".join(out)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_PREFIXES), st.lists(st.integers(0, 4), min_size=1, max_size=5),
       st.sampled_from(["", " ", ": Anadolu", " on Facebook", " us on X", "s", " 12",
                        " to our newsletter", " (3)", ". The talks resume.", "\u0307"]))
def test_gate_on_varied_pattern_starts(prefix: str, picks: list[int], tail: str) -> None:
    line = _vary(prefix, picks) + tail
    assert debris_kind(line) == _reference(line)


@pytest.mark.parametrize("pattern", [r"breaking\s+news", r"\d+ shares"])
def test_configured_patterns_still_checked(pattern: str) -> None:
    extra = boilerplate.compile_patterns((pattern,))
    for line in ("Breaking News", "12 shares", "The minister spoke."):
        assert debris_kind(line, extra) == _reference(line, extra)


def test_all_debris_lines_of_documents() -> None:
    texts = [a.text for a in benchgen.corpus(20_000, 5)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(DEV.glob("*.txt"))]
    texts.append("Prices rose.\n\nShare on Facebook\n\n12 comments\n\nTags: x, y\n(c) 2024 News")
    for text in texts:
        doc = document(text)
        expected = [(p.index, kind) for p in doc.paragraphs
                    if "\n" not in p.text and (kind := _reference(p.text)) is not None]
        assert boilerplate._Debris(doc.paragraphs, ()).items() == expected
