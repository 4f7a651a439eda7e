"""Web boilerplate pasted into the article: share prompts, source lines, ad labels.

Scrapers that feed MT pipelines keep the furniture of the page around the story:
`Share on Facebook`, `Related News`, `Tags: …`, a cookie banner, `Yorum yaz`. Such a
line must not be published. Findings are line-level and carry the deletion as
their suggestion.
"""

from __future__ import annotations

import html
import importlib
import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import compress
from operator import attrgetter, or_
from typing import Any

from mtcheck.analyze import memoized, note
from mtcheck.english import data_sections
from mtcheck.errors import ConfigError
from mtcheck.model import Document, Hit, Paragraph
from mtcheck.rules.registry import RuleContext, rule

_MAX_LINE = 600  # longer blocks are prose, whatever words they hold
_KIND = attrgetter("kind")
_TEXT = attrgetter("text")
_MAX_SHORT_LINE = 240  # only cookie banners run longer


@lru_cache(maxsize=1)
def _builtin() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One regex over every built-in pattern; group `k<i>` names the i-th kind."""
    kinds: list[str] = []
    parts: list[str] = []
    for kind, patterns in data_sections("boilerplate_patterns.txt").items():
        parts.append(f"(?P<k{len(kinds)}>{'|'.join(f'(?:{p})' for p in patterns)})")
        kinds.append(kind)
    return re.compile("|".join(parts), re.IGNORECASE), tuple(kinds)


@lru_cache(maxsize=1)
def _builtin_gate() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """A quick test that every line the built-in patterns match passes (`_may_be_debris`).

    Nearly every built-in pattern starts with literal text (`share`, `lesen sie auch`,
    `©`): a matching line starts with one of those texts, in any case. The first regex
    holds them all as a trie (one branch per letter, so a line of prose fails after a
    few comparisons where the full regex tries every pattern); the second holds the
    patterns that start with no literal text (`\\d+ comments`), matched whole. Both are
    compiled with `re.IGNORECASE`, so case is compared exactly as in the full regex.
    None for the first when a pattern cannot be read (then every line is tried).
    """
    prefixes: set[str] = set()
    bare: list[str] = []
    for patterns in data_sections("boilerplate_patterns.txt").values():
        for pattern in patterns:
            found = _literal_prefixes(pattern)
            if found is None:
                return None, None
            if "" in found:
                bare.append(pattern)
            else:
                prefixes |= found
    rest = re.compile("|".join(f"(?:{p})" for p in bare), re.IGNORECASE) if bare else None
    return re.compile(_trie(prefixes), re.IGNORECASE), rest


def _literal_prefixes(pattern: str) -> set[str] | None:
    """Texts one of which starts every match of `pattern` (compared ignoring case), from
    its parsed form: literal characters up to the first repeat, class or assertion; ""
    when it starts with none. None when the pattern cannot be parsed here."""
    try:
        parsed = _PARSER.parse(pattern, re.IGNORECASE)
        return _prefixes(list(parsed))[0]
    except Exception:  # a private parser: anything unexpected means no gate
        return None


def _prefixes(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The literal texts that a sequence of parsed items starts with, and whether they
    are the whole of it (so that what follows may extend them)."""
    found = {""}
    for op, av in items:
        if op is _OPS.LITERAL:
            found = {p + chr(av) for p in found}
        elif op is _OPS.IN and av and all(kind is _OPS.LITERAL for kind, _ in av):
            found = {p + chr(code) for p in found for _, code in av}
        elif op is _OPS.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            inner, whole = _prefixes(list(av[3]))
            found = {p + q for p in found for q in inner}
            if not whole:
                return found, False
        elif op is _OPS.BRANCH:
            parts = [_prefixes(list(branch)) for branch in av[1]]
            found = {p + q for p in found for part, _ in parts for q in part}
            if not all(whole for _, whole in parts):
                return found, False
        else:
            return found, False
        if len(found) > _MAX_PREFIXES:
            return found, False
    return found, True


_MAX_PREFIXES = 512
# The regular expression parser of the standard library (`re._parser` since 3.11).
_PARSER: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11)
                                       else "sre_parse")
_OPS: Any = importlib.import_module("re._constants" if sys.version_info >= (3, 11)
                                    else "sre_constants")


def _trie(prefixes: set[str]) -> str:
    """A regex that matches at the start of a text beginning with one of `prefixes`."""
    root: dict[str, Any] = {}
    for prefix in sorted(prefixes, key=len):
        node = root
        for char in prefix:
            if node.get("") is True:
                break  # a shorter prefix already accepts the text
            node = node.setdefault(char, {})
        else:
            node.clear()
            node[""] = True

    def emit(node: dict[str, Any]) -> str:
        if node.get("") is True:
            return ""
        branches = [re.escape(char) + emit(child) for char, child in node.items()]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return emit(root)


def _may_be_debris(text: str) -> bool:
    """False for a line that no built-in pattern can match (most lines of prose)."""
    gate, rest = _builtin_gate()
    return gate is None or gate.match(text) is not None or (
        rest is not None and rest.fullmatch(text) is not None)


@lru_cache(maxsize=64)
def compile_patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Compile the user's `boilerplate-patterns` (each must match a whole line, any case).

    A pattern that is not a valid regular expression is a ConfigError naming it.
    """
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as err:
            raise ConfigError(f"boilerplate-patterns: {pattern!r} is not a valid regular "
                              f"expression ({err})") from None
    return tuple(compiled)


def _user_patterns(ctx: RuleContext) -> tuple[re.Pattern[str], ...]:
    raw = ctx.settings.get("boilerplate_patterns")
    if not raw:
        return ()  # the usual case, without the checks below
    given = (raw,) if isinstance(raw, str) else tuple(raw) if isinstance(raw, Iterable) else ()
    return compile_patterns(tuple(str(p) for p in given if str(p).strip()))


def debris_kind(line: str, extra: tuple[re.Pattern[str], ...] = ()) -> str | None:
    """The kind of boilerplate a line is (`share prompt`, `source line`, …), or None."""
    text = line.strip()
    if not text or len(text) > _MAX_LINE:
        return None
    # Most lines are prose that no built-in pattern can match (a quick test says so).
    builtin = _may_be_debris(text)
    if not builtin and not extra:
        return None
    if len(text) > _MAX_SHORT_LINE:
        lower = text.lower()
        if "cookie" not in lower and "çerez" not in lower:
            return None
    if builtin:
        combined, kinds = _builtin()
        m = combined.fullmatch(text)
        if m and m.lastgroup:
            return kinds[int(m.lastgroup[1:])]
    if any(p.fullmatch(text) for p in extra):
        return "configured pattern"
    return None


class _Debris:
    """Which paragraphs are one line of boilerplate, and of what kind, judged per paragraph
    when first asked: `trailing-debris` asks only about the lines after the story."""

    __slots__ = ("_extra", "_kinds", "_paragraphs")

    def __init__(self, paragraphs: tuple[Paragraph, ...],
                 extra: tuple[re.Pattern[str], ...]) -> None:
        self._paragraphs = paragraphs
        self._extra = extra
        self._kinds: dict[int, str | None] = {}

    def kind(self, index: int) -> str | None:
        """The kind of boilerplate paragraph `index` is, or None."""
        if index in self._kinds:
            return self._kinds[index]
        text = self._paragraphs[index].text
        found = self._kinds[index] = None if "\n" in text else debris_kind(text, self._extra)
        return found

    def __contains__(self, index: int) -> bool:
        return self.kind(index) is not None

    def items(self) -> list[tuple[int, str]]:
        """Paragraph index and kind of every boilerplate paragraph, in order."""
        paragraphs: Iterable[Paragraph] = self._paragraphs
        gate, rest = _builtin_gate()
        if gate is not None and not self._extra:
            # Without configured patterns only lines that pass the quick test can be
            # boilerplate: test them all in C, judge the few that pass.
            lines = list(map(str.strip, map(_TEXT, self._paragraphs)))
            passed = map(bool, map(gate.match, lines))
            if rest is not None:
                passed = map(or_, passed, map(bool, map(rest.fullmatch, lines)))
            paragraphs = compress(self._paragraphs, passed)
        return [(p.index, kind) for p in paragraphs if (kind := self.kind(p.index)) is not None]


def _debris(doc: Document, extra: tuple[re.Pattern[str], ...]) -> _Debris:
    """The boilerplate lines of a document (shared by the rules, judged when asked)."""
    key = f"boilerplate.debris:{hash(tuple(p.pattern for p in extra))}"
    return memoized(doc, key, lambda d: _Debris(d.paragraphs, extra))


@rule("boilerplate.web-debris", category="boilerplate", severity="minor",
      bad=["Prices rose.\n\nRelated News\n\nBe the first to comment",
           "The match ended 2-1.\n\nSource: sportnews",
           "The court ruled on Monday.\n\nLesen Sie auch",
           "The minister spoke.\n\nTags: health, vaccines, flu",
           "The museum opens on Friday.\n\nAlso read: The Louvre plans a new entrance"],
      good=["The source of the leak was not named.",
            "Officials said the related news was false.",
            "Share prices rose 3.5% in early trading on Monday."])
def web_debris(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A line of web-page debris (share prompts, related-content headers, source lines).

    Matched as whole lines against patterns for English and the common source
    languages (Turkish, German, French, Spanish, Portuguese, Italian, Russian,
    Polish, Dutch); the configuration's `boilerplate-patterns` add to them. The fix
    deletes the line.
    """
    for index, kind in _debris(doc, _user_patterns(ctx)).items():
        para = doc.paragraphs[index]
        yield Hit(para.start, para.end, f"web boilerplate ({kind}): '{para.text}'",
                  suggestion="", confidence=0.95)


# Credit lines end news copy by design: `(Reporting by …)`, `Editing by …`.
_CREDIT = re.compile(r"(?i)^(?:\(|[-–—]\s*|by\b|(?:additional\s+)?reporting\b|editing\b|"
                     r"writing\b|written\b|compiled\b|translated\b|photo|image|video|graphic)")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_TRAILING_MAX_WORDS = 5


@rule("boilerplate.trailing-debris", category="boilerplate", severity="minor",
      bad=["Prices rose in March, and the central bank said that it would keep its rate "
           "unchanged until the summer.\n\nKommentar verfassen\n\nTeilen"],
      good=["Prices rose in March, and the central bank said that it would keep its rate "
            "unchanged until the summer.\n\n(Reporting by Jane Doe; Editing by Tom Ross)",
            "Shares fell in early trading on Monday after the bank cut its forecast for "
            "the year.\n\nBy Jane Doe"])
def trailing_debris(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A short line at the end, among known debris, that jusText calls boilerplate.

    Page furniture that no pattern knows (a comment prompt in another language)
    collects after the story, next to furniture that the patterns do know. jusText
    (a stoplist-based boilerplate classifier) judges those lines in the context of
    the whole article; short unpunctuated lines it rejects are reported, except
    credits and bylines.
    """
    candidates = _trailing_candidates(doc, _debris(doc, _user_patterns(ctx)))
    if not candidates:
        return
    verdicts = _justext_verdicts(doc)
    for para in candidates:
        if verdicts.get(para.index) == "bad":
            yield Hit(para.start, para.end, f"short line after the story that jusText "
                      f"classifies as boilerplate: '{para.text}'", suggestion="",
                      confidence=0.6)


def _trailing_candidates(doc: Document, known: _Debris) -> list[Paragraph]:
    """Short lines in the final run of page furniture, which must hold a known debris line.

    Tables, fact boxes and sub-heads after the last paragraph are part of the story;
    only lines that end the text together with recognized debris are judged.
    """
    kinds = list(map(_KIND, doc.paragraphs))
    if "body" not in kinds:
        return []
    last_body = doc.paragraphs[len(kinds) - 1 - kinds[::-1].index("body")].index
    run: list[Paragraph] = []
    for p in reversed(doc.paragraphs[last_body + 1:]):
        if p.index in known or _short_unpunctuated(p):
            run.append(p)
        else:
            break
    if not any(p.index in known for p in run):
        return []
    return [p for p in reversed(run) if p.index not in known]


def _short_unpunctuated(p: Paragraph) -> bool:
    return (p.kind != "list" and "\n" not in p.text
            and len(p.text.split()) <= _TRAILING_MAX_WORDS
            and not _TERMINAL.search(p.text) and not _CREDIT.match(p.text)
            and not any(c.isdigit() for c in p.text))


def _justext_verdicts(doc: Document) -> dict[int, str]:
    """jusText's class (`good`, `bad`, …) of every paragraph, by paragraph index.

    Empty, with a note in the report, where jusText cannot be imported (its lxml
    HTML cleaner is a separate package since lxml 5.2).
    """
    try:
        import justext
    except ImportError as err:
        note(doc, "boilerplate.trailing-debris", f"skipped: jusText unavailable ({err})")
        return {}

    page = "".join(f"<p>{html.escape(p.text)}</p>" for p in doc.paragraphs)
    classified = justext.justext(f"<html><body>{page}</body></html>".encode(),
                                 justext.get_stoplist("English"))
    # jusText drops nothing for plain <p> blocks, so its paragraphs line up with ours.
    if len(classified) != len(doc.paragraphs):
        return {}
    return {i: str(p.class_type) for i, p in enumerate(classified)}
