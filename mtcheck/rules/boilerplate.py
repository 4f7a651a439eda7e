"""Web boilerplate pasted into the article: share prompts, source lines, ad labels.

Scrapers that feed MT pipelines keep the furniture of the page around the story:
`Share on Facebook`, `Related News`, `Tags: …`, a cookie banner, `Yorum yaz`. Such a
line must not be published. Findings are line-level and carry the deletion as
their suggestion.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from mtcheck.analyze import memoized, note
from mtcheck.english import data_sections
from mtcheck.errors import ConfigError
from mtcheck.model import Document, Hit, Paragraph
from mtcheck.rules.registry import RuleContext, rule

_MAX_LINE = 600  # longer blocks are prose, whatever words they hold
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
    raw = ctx.settings.get("boilerplate_patterns") or ()
    given = (raw,) if isinstance(raw, str) else tuple(raw) if isinstance(raw, Iterable) else ()
    return compile_patterns(tuple(str(p) for p in given if str(p).strip()))


def debris_kind(line: str, extra: tuple[re.Pattern[str], ...] = ()) -> str | None:
    """The kind of boilerplate a line is (`share prompt`, `source line`, …), or None."""
    text = line.strip()
    if not text or len(text) > _MAX_LINE or (
            len(text) > _MAX_SHORT_LINE and "cookie" not in text.lower()
            and "çerez" not in text.lower()):
        return None
    combined, kinds = _builtin()
    m = combined.fullmatch(text)
    if m and m.lastgroup:
        return kinds[int(m.lastgroup[1:])]
    if any(p.fullmatch(text) for p in extra):
        return "configured pattern"
    return None


def _debris(doc: Document, extra: tuple[re.Pattern[str], ...]) -> dict[int, str]:
    """Paragraph index → kind, for every paragraph that is one boilerplate line."""
    key = f"boilerplate.debris:{hash(tuple(p.pattern for p in extra))}"
    return memoized(doc, key, lambda d: {
        p.index: kind for p in d.paragraphs
        if "\n" not in p.text and (kind := debris_kind(p.text, extra)) is not None
    })


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


def _trailing_candidates(doc: Document, known: dict[int, str]) -> list[Paragraph]:
    """Short lines in the final run of page furniture, which must hold a known debris line.

    Tables, fact boxes and sub-heads after the last paragraph are part of the story;
    only lines that end the text together with recognized debris are judged.
    """
    last_body = max((p.index for p in doc.paragraphs if p.kind == "body"), default=None)
    if last_body is None:
        return []
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
