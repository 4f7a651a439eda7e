"""`mtcheck eval`: precision, recall and false-positive rate of the rules against gold.

How findings meet gold (the gold format and how entries are located: `mtcheck.gold`):

- A finding matches a gold entry when the entry accepts the finding's category (its
  `category` or one of its `also_categories`) and the finding's span overlaps one of the
  entry's spans (its text or an alternative). Spans are half-open; a zero-length finding
  (an insertion point) matches a span it lies inside or at either edge of.
- A gold entry matched by any finding is one true positive, however many findings match
  it; an unmatched entry is a false negative (a miss). A finding that matches no entry is
  a false positive. Findings that match an entry are never false positives.
- Optional entries never count: unmatched they are no miss, and a finding that matches only
  optional entries is neither a true nor a false positive.
- An article whose gold is an empty list is clean: every finding there is a false positive,
  and these give the false positives per 1,000 words on clean articles.
- Per category, an entry counts under its own `category` (TP or FN) even when a finding of
  one of its `also_categories` found it; a false positive counts under the finding's
  category. So the per-category rows add up to the overall row.
- Precision with no findings, recall with no gold and FP per 1,000 words with no clean
  article are null (not measured); a threshold on a null value passes. F1 is
  2·TP / (2·TP + FP + FN), null only when all three are zero.
- `internal.rule-crashed` findings are listed as crashes, not scored.
"""

from __future__ import annotations

import bisect
import math
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Literal, TypeVar

import click

from mtcheck import __version__
from mtcheck.cli import (
    config_options,
    errors_as_exit,
    json_dumps,
    resolve_config,
    split_rules,
    write_output,
)
from mtcheck.config import Config
from mtcheck.errors import InputError
from mtcheck.gold import (
    AnnotatedArticle,
    GoldEntry,
    discover,
    duplicates,
    parse_gold,
    read_gold,
)
from mtcheck.model import CATEGORIES, Finding, Span

SCHEMA = "mtcheck-eval/1"
Metric = Literal["recall", "precision", "fp_per_kw"]
F = TypeVar("F", bound=Callable[..., Any])
_CONTEXT = 40
_LONG_SPAN = 80
_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f"
                        r"\u202a-\u202e\u2060-\u2064\ufeff]")


# ---- matching -------------------------------------------------------------------------


def overlaps(start: int, end: int, span: Span) -> bool:
    """True when a finding's half-open range overlaps a gold span."""
    if start == end:
        return span.start <= start <= span.end
    return start < span.end and span.start < end


def accepts(entry: GoldEntry, finding: Finding) -> bool:
    """True when the finding's category is accepted and its span overlaps the entry."""
    return finding.category in entry.accepted and any(
        overlaps(finding.start, finding.end, s) for s in entry.spans)


@dataclass(frozen=True, slots=True)
class Match:
    """Which findings match which gold entries (indices into the inputs)."""

    by_entry: tuple[tuple[int, ...], ...]
    by_finding: tuple[tuple[int, ...], ...]


@dataclass(frozen=True, slots=True)
class SpanIndex:
    """Spans sorted by start, so that the spans near a range are found by bisection
    instead of a scan: matching stays linear in the number of findings and entries."""

    items: tuple[tuple[int, int, int], ...]  # (start, end, key)
    starts: tuple[int, ...]
    reach: int  # the longest span: nothing starting further back can overlap

    @classmethod
    def build(cls, items: Iterable[tuple[int, int, int]]) -> SpanIndex:
        """Index (start, end, key) triples."""
        ordered = tuple(sorted(items))
        return cls(ordered, tuple(i[0] for i in ordered),
                   max((end - start for start, end, _ in ordered), default=0))

    def near(self, start: int, end: int) -> tuple[tuple[int, int, int], ...]:
        """A superset of the spans that overlap [start, end) or touch it."""
        low = bisect.bisect_left(self.starts, start - self.reach)
        return self.items[low:bisect.bisect_right(self.starts, end)]


def match(entries: Sequence[GoldEntry], findings: Sequence[Finding]) -> Match:
    """Every (entry, finding) pair that matches; neither side is used up by a match."""
    index = SpanIndex.build((s.start, s.end, i) for i, e in enumerate(entries) for s in e.spans)
    by_entry: list[list[int]] = [[] for _ in entries]
    by_finding: list[tuple[int, ...]] = []
    for j, finding in enumerate(findings):
        hits = sorted({i for start, end, i in index.near(finding.start, finding.end)
                       if finding.category in entries[i].accepted
                       and overlaps(finding.start, finding.end, Span(start, end))})
        for i in hits:
            by_entry[i].append(j)
        by_finding.append(tuple(hits))
    return Match(tuple(map(tuple, by_entry)), tuple(by_finding))


# ---- counting -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives (gold entries found), false positives (findings), false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    fp_clean: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                      self.fp_clean + other.fp_clean)

    @property
    def gold(self) -> int:
        """Gold entries counted (optional ones never are)."""
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        """TP / (TP + FP); None when nothing was found."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """TP / (TP + FN); None when there is no gold."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """2TP / (2TP + FP + FN): the harmonic mean where both are defined, 0 without TP."""
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def per_kw(count: int, words: int) -> float | None:
    """A count per 1,000 words; None without words."""
    return 1000 * count / words if words else None


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold entry no finding matched."""

    path: str
    line: int
    column: int
    category: str
    text: str
    note: str | None
    context: str
    overlapping: tuple[str, ...]  # rules that flagged the spot under a category not accepted


@dataclass(frozen=True, slots=True)
class FalsePositive:
    """A finding that matched no gold entry."""

    path: str
    line: int
    column: int
    rule: str
    category: str
    text: str
    message: str
    context: str
    clean: bool
    overlapping: tuple[str, ...]  # categories of gold entries at the spot that it missed


@dataclass(frozen=True, slots=True)
class RuleCounts:
    """How one rule's findings fared."""

    findings: int = 0
    fp: int = 0
    fp_clean: int = 0

    def __add__(self, other: RuleCounts) -> RuleCounts:
        return RuleCounts(self.findings + other.findings, self.fp + other.fp,
                          self.fp_clean + other.fp_clean)


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """The evaluation of one annotated article."""

    path: str
    words: int
    clean: bool
    counts: Mapping[str, Counts]
    by_rule: Mapping[str, RuleCounts]
    misses: tuple[Miss, ...]
    false_positives: tuple[FalsePositive, ...]
    optional_matched: int = 0
    crashes: tuple[str, ...] = ()
    score: float | None = None
    passed: bool | None = None
    source: str | None = None
    reference: str | None = None
    skipped_rules: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def total(self) -> Counts:
        """The article's counts over all categories."""
        return sum(self.counts.values(), Counts())


def score_article(path: str, text: str, entries: Sequence[GoldEntry],
                  findings: Iterable[Finding], words: int,
                  categories: Sequence[str] = ()) -> ArticleScore:
    """Match one article's findings to its gold and count them.

    `categories`, when given, limits the evaluation to those categories: findings of
    other categories are dropped, and only entries whose own category is listed count.
    """
    wanted = set(categories or CATEGORIES)
    found = list(findings)
    crashes = tuple(f.message for f in found if f.category == "internal")
    scored = [f for f in found if f.category != "internal" and
              (not categories or f.category in wanted)]
    matches = match(entries, scored)
    by_span = SpanIndex.build((f.start, f.end, j) for j, f in enumerate(scored))
    gold_spans = SpanIndex.build(
        (s.start, s.end, i) for i, e in enumerate(entries) for s in e.spans)
    clean = not entries
    lines = _line_starts(text)
    counts: dict[str, Counts] = {}
    by_rule: dict[str, RuleCounts] = {}
    misses: list[Miss] = []
    false_positives: list[FalsePositive] = []
    optional_matched = 0

    for entry, hits in zip(entries, matches.by_entry, strict=True):
        if entry.optional:
            optional_matched += bool(hits)
            continue
        if entry.category not in wanted:
            continue
        if hits:
            _bump(counts, entry.category, Counts(tp=1))
            continue
        _bump(counts, entry.category, Counts(fn=1))
        span = entry.spans[0]
        line, column = _line_column(lines, span.start)
        near = sorted({scored[j].rule for s in entry.spans
                       for f_start, f_end, j in by_span.near(s.start, s.end)
                       if overlaps(f_start, f_end, s)})
        misses.append(Miss(path, line, column, entry.category, entry.text, entry.note,
                           snippet(text, span.start, span.end), tuple(near)))

    for finding, hits in zip(scored, matches.by_finding, strict=True):
        is_fp = not hits
        by_rule[finding.rule] = by_rule.get(finding.rule, RuleCounts()) + RuleCounts(
            1, int(is_fp), int(is_fp and clean))
        if not is_fp:
            continue
        _bump(counts, finding.category, Counts(fp=1, fp_clean=int(clean)))
        near = sorted({entries[i].category
                       for start, end, i in gold_spans.near(finding.start, finding.end)
                       if overlaps(finding.start, finding.end, Span(start, end))})
        false_positives.append(FalsePositive(
            path, finding.line, finding.column, finding.rule, finding.category, finding.text,
            finding.message, snippet(text, finding.start, finding.end), clean, tuple(near)))

    return ArticleScore(path, words, clean, counts, by_rule, tuple(misses),
                        tuple(false_positives), optional_matched, crashes)


def _bump(counts: dict[str, Counts], category: str, delta: Counts) -> None:
    counts[category] = counts.get(category, Counts()) + delta


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _line_column(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def snippet(text: str, start: int, end: int, width: int = _CONTEXT) -> str:
    """The span in «guillemets» with some text either side, on one line, invisibles shown."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    middle = text[start:end]
    if len(middle) > _LONG_SPAN:
        half = _LONG_SPAN // 2 - 1
        middle = f"{middle[:half]}…{middle[-half:]}"
    lead = "…" if start > width else ""
    tail = "…" if end + width < len(text) else ""
    return f"{lead}{_visible(left)}«{_visible(middle)}»{_visible(right)}{tail}"


def _visible(part: str) -> str:
    part = _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", part)
    return _SPACE.sub(" ", part)


# ---- the corpus -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The evaluation of a corpus of annotated articles."""

    root: str
    categories: tuple[str, ...]
    articles: tuple[ArticleScore, ...]
    notes: tuple[str, ...] = ()
    threshold: float | None = None

    @property
    def by_category(self) -> dict[str, Counts]:
        """Counts per category, in the fixed category order."""
        totals: dict[str, Counts] = {c: Counts() for c in self.categories}
        for article in self.articles:
            for category, counts in article.counts.items():
                totals[category] = totals.get(category, Counts()) + counts
        return totals

    @property
    def overall(self) -> Counts:
        """Counts over all categories (micro-averaged)."""
        return sum(self.by_category.values(), Counts())

    @property
    def by_rule(self) -> dict[str, RuleCounts]:
        """Counts per rule, sorted by rule id."""
        totals: dict[str, RuleCounts] = {}
        for article in self.articles:
            for rule, counts in article.by_rule.items():
                totals[rule] = totals.get(rule, RuleCounts()) + counts
        return dict(sorted(totals.items()))

    @property
    def words(self) -> int:
        """Words checked in all articles."""
        return sum(a.words for a in self.articles)

    @property
    def clean_words(self) -> int:
        """Words checked in clean articles (gold is an empty list)."""
        return sum(a.words for a in self.articles if a.clean)

    @property
    def misses(self) -> tuple[Miss, ...]:
        """Every gold entry no finding matched."""
        return tuple(m for a in self.articles for m in a.misses)

    @property
    def false_positives(self) -> tuple[FalsePositive, ...]:
        """Every finding that matched no gold entry."""
        return tuple(f for a in self.articles for f in a.false_positives)

    def value(self, metric: Metric, category: str | None = None) -> float | None:
        """One figure, overall or for a category (None when it cannot be measured)."""
        if category is not None and category not in self.categories:
            return None
        counts = self.overall if category is None else self.by_category[category]
        if metric == "fp_per_kw":
            return per_kw(counts.fp_clean, self.clean_words)
        return counts.precision if metric == "precision" else counts.recall


def evaluate_article(article: AnnotatedArticle, config: Config,
                     categories: Sequence[str] = (), encoding: str | None = None
                     ) -> ArticleScore:
    """Check one annotated article (with its source and reference) and score it."""
    from mtcheck.analyze import document
    from mtcheck.engine import findings
    from mtcheck.load import read_path
    from mtcheck.score import penalty, score

    text = read_path(article.article, encoding).text
    entries = parse_gold(read_gold(article.gold), text, str(article.gold))
    source = read_path(article.source, encoding).text if article.source else None
    reference = read_path(article.reference, encoding).text if article.reference else None
    path = str(article.article)
    doc = document(text, path, source=source, reference=reference,
                   src_lang=config.src_lang, tgt_lang=config.tgt_lang)
    # The engine's findings and score, without `check_document`'s reference metrics:
    # eval reports none of them, and TER over a whole article is slow.
    found, skipped = findings(doc, config)
    notes = duplicates(entries, str(article.gold))
    words = doc.words
    value = score(penalty(found, config.weights), words)
    scored = score_article(path, text, entries, found, words, categories)
    return replace(scored, score=value, passed=value >= config.threshold,
                   source=str(article.source) if article.source else None,
                   reference=str(article.reference) if article.reference else None,
                   skipped_rules=tuple(skipped), notes=tuple(notes))


def evaluate_corpus(root: Path, config: Config, categories: Sequence[str] = (),
                    encoding: str | None = None) -> Evaluation:
    """Evaluate every annotated article under a directory (or one article file)."""
    articles, notes = discover(root)
    if not articles:
        raise InputError(f"{root}: no annotated articles (ARTICLE.txt with ARTICLE.gold.json)")
    scores = tuple(evaluate_article(a, config, categories, encoding) for a in articles)
    shown = tuple(c for c in CATEGORIES if not categories or c in categories)
    notes.extend(note for scored in scores for note in scored.notes)
    return Evaluation(str(root), shown, scores, tuple(notes), config.threshold)


# ---- thresholds -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Threshold:
    """A limit on one figure: a minimum recall or precision, a maximum FP/1,000 words."""

    metric: Metric
    limit: float
    category: str | None = None

    @property
    def option(self) -> str:
        """How the limit was given on the command line."""
        name = {"recall": "--min-recall", "precision": "--min-precision",
                "fp_per_kw": "--max-fp-per-kw"}[self.metric]
        return f"{name} {self.category + '=' if self.category else ''}{self.limit:g}"


@dataclass(frozen=True, slots=True)
class Verdict:
    """A threshold with the value it was compared with."""

    threshold: Threshold
    value: float | None
    passed: bool

    def describe(self) -> str:
        """`recall 0.610 < 0.8 (--min-recall 0.8)`, or why it was not measured."""
        t = self.threshold
        name = f"{t.category} {t.metric}" if t.category else t.metric
        if self.value is None:
            return f"{name} not measured; {t.option} passes"
        sign = (">" if t.metric == "fp_per_kw" else "<") if not self.passed else \
            ("<=" if t.metric == "fp_per_kw" else ">=")
        return f"{name} {self.value:.3f} {sign} {t.limit:g} ({t.option})"


def parse_threshold(metric: Metric, spec: str) -> Threshold:
    """Read `0.8` or `untranslated=0.9` into a Threshold (ValueError when malformed)."""
    category, sep, number = spec.rpartition("=")
    category = category.strip()
    if sep and category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}; use one of {', '.join(CATEGORIES)}")
    try:
        limit = float(number)
    except ValueError:
        raise ValueError(f"{number.strip()!r} is not a number") from None
    if not math.isfinite(limit) or limit < 0 or (metric != "fp_per_kw" and limit > 1):
        bound = "a number >= 0" if metric == "fp_per_kw" else "between 0 and 1"
        raise ValueError(f"{limit:g} is out of range; give {bound}")
    return Threshold(metric, limit, category or None)


def judge(evaluation: Evaluation, thresholds: Iterable[Threshold]) -> tuple[Verdict, ...]:
    """Compare each threshold with its figure; an unmeasured figure passes."""
    verdicts = []
    for t in thresholds:
        value = evaluation.value(t.metric, t.category)
        if value is None:
            passed = True
        elif t.metric == "fp_per_kw":
            passed = value <= t.limit + 1e-12
        else:
            passed = value >= t.limit - 1e-12
        verdicts.append(Verdict(t, value, passed))
    return tuple(verdicts)


# ---- rendering ------------------------------------------------------------------------


def _figures(counts: Counts, clean_words: int) -> dict[str, object]:
    return {"gold": counts.gold, "tp": counts.tp, "fp": counts.fp, "fn": counts.fn,
            "precision": _round(counts.precision), "recall": _round(counts.recall),
            "f1": _round(counts.f1), "fp_clean": counts.fp_clean,
            "fp_per_kw": _round(per_kw(counts.fp_clean, clean_words))}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def to_json(evaluation: Evaluation, verdicts: Sequence[Verdict] = ()) -> dict[str, object]:
    """The evaluation as one JSON-ready object (schema `mtcheck-eval/1`)."""
    ev = evaluation
    clean = [a for a in ev.articles if a.clean]
    flawed = [a for a in ev.articles if not a.clean]
    return {
        "schema": SCHEMA,
        "tool": {"name": "mtcheck", "version": __version__},
        "path": ev.root,
        "categories": list(ev.categories),
        "articles": len(ev.articles),
        "clean_articles": len(clean),
        "words": ev.words,
        "clean_words": ev.clean_words,
        "overall": _figures(ev.overall, ev.clean_words),
        "by_category": {c: _figures(n, ev.clean_words) for c, n in ev.by_category.items()},
        "by_rule": {r: {"findings": n.findings, "fp": n.fp, "fp_clean": n.fp_clean,
                        "precision": _round(_ratio(n.findings - n.fp, n.findings))}
                    for r, n in ev.by_rule.items()},
        "documents": {
            "threshold": ev.threshold,
            "clean": len(clean), "clean_passed": sum(bool(a.passed) for a in clean),
            "flawed": len(flawed), "flawed_failed": sum(a.passed is False for a in flawed)},
        "misses": [_plain(m) for m in ev.misses],
        "false_positives": [_plain(f) for f in ev.false_positives],
        "per_article": [_article_json(a) for a in ev.articles],
        "notes": list(ev.notes),
        "thresholds": [{"option": v.threshold.option, "metric": v.threshold.metric,
                        "category": v.threshold.category, "limit": v.threshold.limit,
                        "value": _round(v.value), "passed": v.passed} for v in verdicts],
        "passed": all(v.passed for v in verdicts),
    }


def _plain(record: Miss | FalsePositive) -> dict[str, object]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(record).items()}


def _article_json(article: ArticleScore) -> dict[str, object]:
    total = article.total
    return {"path": article.path, "words": article.words, "clean": article.clean,
            "gold": total.gold, "tp": total.tp, "fp": total.fp, "fn": total.fn,
            "optional_matched": article.optional_matched,
            "score": None if article.score is None else round(article.score, 2),
            "passed": article.passed, "source": article.source,
            "reference": article.reference, "skipped_rules": list(article.skipped_rules),
            "crashes": list(article.crashes)}


def render_text(evaluation: Evaluation, verdicts: Sequence[Verdict] = ()) -> str:
    """A table per category, then every miss and false positive with its context."""
    ev = evaluation
    out = [f"mtcheck eval {ev.root}: {len(ev.articles)} article(s), "
           f"{sum(a.clean for a in ev.articles)} clean; {ev.words:,} words checked, "
           f"{ev.clean_words:,} on clean articles", ""]
    head = (f"{'category':<14}{'gold':>6}{'TP':>6}{'FP':>6}{'FN':>6}"
            f"{'precision':>11}{'recall':>8}{'F1':>8}{'FP/kw clean':>13}")
    out += [head, "-" * len(head)]
    rows = [*ev.by_category.items(), ("overall", ev.overall)]
    for name, counts in rows:
        if name == "overall":
            out.append("-" * len(head))
        out.append(f"{name:<14}{counts.gold:>6}{counts.tp:>6}{counts.fp:>6}{counts.fn:>6}"
                   f"{_num(counts.precision):>11}{_num(counts.recall):>8}{_num(counts.f1):>8}"
                   f"{_num(per_kw(counts.fp_clean, ev.clean_words), 2):>13}")
    out.append("(null: not measured; FP/kw clean: false positives per 1,000 words of clean "
               "articles)")

    out += ["", f"Misses ({len(ev.misses)}):"]
    for m in ev.misses:
        extra = f" [{m.note}]" if m.note else ""
        out.append(f"  {m.path}:{m.line}:{m.column}: {m.category} {_quote(m.text)}{extra}")
        out.append(f"      {m.context}")
        if m.overlapping:
            out.append(f"      flagged under another category by: {', '.join(m.overlapping)}")
    out += ["", f"False positives ({len(ev.false_positives)}):"]
    for f in ev.false_positives:
        where = " (clean article)" if f.clean else ""
        out.append(f"  {f.path}:{f.line}:{f.column}: [{f.rule}] {_quote(f.text)}{where}: "
                   f"{' '.join(f.message.split())}")
        out.append(f"      {f.context}")
        if f.overlapping:
            out.append(f"      gold here is {', '.join(f.overlapping)}, which {f.category} "
                       f"does not count for")

    clean = [a for a in ev.articles if a.clean]
    flawed = [a for a in ev.articles if not a.clean]
    out += ["", f"Documents (score threshold {ev.threshold:g}): "
                f"{sum(bool(a.passed) for a in clean)}/{len(clean)} clean passed, "
                f"{sum(a.passed is False for a in flawed)}/{len(flawed)} flawed failed"]
    for a in ev.articles:
        total = a.total
        verdict = "" if a.passed is None else ("PASS" if a.passed else "FAIL")
        score = "" if a.score is None else f"{a.score:.1f}"
        out.append(f"  {a.path}: {a.words} words, TP {total.tp} FP {total.fp} FN {total.fn}, "
                   f"score {score} {verdict}".rstrip())
        out.extend(f"  {a.path}: {crash}" for crash in a.crashes)
    if ev.notes:
        out += ["", "Notes:", *(f"  {n}" for n in ev.notes)]
    if verdicts:
        out += ["", "Thresholds:"]
        out += [f"  {'ok  ' if v.passed else 'FAIL'} {v.describe()}" for v in verdicts]
    return "\n".join(out) + "\n"


def _num(value: float | None, digits: int = 3) -> str:
    return "null" if value is None else f"{value:.{digits}f}"


def _quote(text: str) -> str:
    shown = _visible(text)
    return repr(shown if len(shown) <= _LONG_SPAN else shown[:_LONG_SPAN - 1] + "…")


# ---- the command ----------------------------------------------------------------------


def _threshold_option(metric: Metric) -> Callable[[F], F]:
    names = {"recall": "--min-recall", "precision": "--min-precision",
             "fp_per_kw": "--max-fp-per-kw"}
    helps = {"recall": "Exit 1 when recall is below R (overall, or CATEGORY=R; repeatable).",
             "precision": "Exit 1 when precision is below P (overall, or CATEGORY=P).",
             "fp_per_kw": "Exit 1 when false positives per 1,000 words of clean articles "
                          "exceed F (overall, or CATEGORY=F)."}

    def convert(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
                ) -> tuple[Threshold, ...]:
        try:
            return tuple(parse_threshold(metric, v) for v in values)
        except ValueError as err:
            raise click.BadParameter(str(err), ctx, param) from None

    metavar = {"recall": "[CATEGORY=]R", "precision": "[CATEGORY=]P",
               "fp_per_kw": "[CATEGORY=]F"}[metric]
    return click.option(names[metric], metric, multiple=True, metavar=metavar,
                        callback=convert, help=helps[metric])


@click.command("eval")
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "json"]))
@click.option("--output", "-o", default=None, help="Write the evaluation to a file.")
@click.option("--category", "categories", multiple=True, type=click.Choice(CATEGORIES),
              help="Evaluate only these categories (repeatable).")
@_threshold_option("recall")
@_threshold_option("precision")
@_threshold_option("fp_per_kw")
@config_options
def eval_command(path: str, fmt: str, output: str | None, categories: tuple[str, ...],
                 recall: tuple[Threshold, ...], precision: tuple[Threshold, ...],
                 fp_per_kw: tuple[Threshold, ...], src_lang: str | None,
                 tgt_lang: str | None, config_path: str | None, select: tuple[str, ...],
                 ignore: tuple[str, ...], fail_under: float | None, glossary: str | None,
                 encoding: str | None) -> None:
    """Measure the rules against gold annotations in PATH (a directory or one article).

    Each ARTICLE.txt with an ARTICLE.gold.json next to it is checked (with ARTICLE.src.txt
    and ARTICLE.ref.txt as source and reference when present). A finding matches a gold
    entry when the entry accepts its category and their spans overlap. Prints precision,
    recall and F1 per category, false positives per 1,000 words of clean articles, and
    every miss and false positive.

    Exit status: 0 when every threshold holds, 1 when one is violated, 2 on bad input.
    """
    with errors_as_exit():
        config = resolve_config(config_path, path, select=split_rules(select),
                                ignore=split_rules(ignore), threshold=fail_under,
                                src_lang=src_lang, tgt_lang=tgt_lang, glossary=glossary)
        evaluation = evaluate_corpus(Path(path), config, categories, encoding)
        verdicts = judge(evaluation, (*recall, *precision, *fp_per_kw))
        if fmt == "json":
            write_output(json_dumps(to_json(evaluation, verdicts)), output)
        else:
            write_output(render_text(evaluation, verdicts), output)
    for note in evaluation.notes:
        click.echo(f"mtcheck: note: {note}", err=True)
    failed = [v for v in verdicts if not v.passed]
    for verdict in failed:
        click.echo(f"mtcheck: threshold not met: {verdict.describe()}", err=True)
    sys.exit(1 if failed else 0)


__all__ = [
    "ArticleScore", "Counts", "Evaluation", "Match", "Threshold", "Verdict", "accepts",
    "eval_command", "evaluate_corpus", "judge", "match", "overlaps", "parse_threshold",
    "render_text", "score_article", "snippet", "to_json"]
