"""Per-document summaries of a corpus audit: checking a chunk, the state file, the aggregate.

An audit keeps no findings and no texts: each document becomes a `Summary` of a few
counters, the resumable state file holds one summary per line, and `Aggregate`
folds summaries in as they arrive, in memory that does not grow with the corpus
(apart from the set of document ids it has seen).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from mtcheck import __version__
from mtcheck.audit_sources import Article
from mtcheck.config import Config
from mtcheck.errors import InputError
from mtcheck.model import CATEGORIES, DocumentReport

STATE_SCHEMA = "mtcheck-audit-state/1"


@dataclass(frozen=True, slots=True)
class Summary:
    """What an audit keeps of one checked document."""

    id: str
    words: int
    score: float
    passed: bool
    findings: int
    by_category: Mapping[str, int]
    by_rule: Mapping[str, int]
    by_severity: Mapping[str, int]
    src_lang: str | None = None

    @classmethod
    def of(cls, report: DocumentReport) -> Summary:
        """Summarise one document's report."""
        return cls(report.path, report.words, report.score, report.passed,
                   len(report.findings), report.by_category,
                   dict(Counter(f.rule for f in report.findings)),
                   dict(Counter(str(f.severity) for f in report.findings)), report.src_lang)

    def to_json(self) -> str:
        """One line of the state file."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        """Read a summary back from the state file."""
        return cls(str(data["id"]), int(data["words"]), float(data["score"]),
                   bool(data["passed"]), int(data["findings"]), dict(data["by_category"]),
                   dict(data["by_rule"]), dict(data["by_severity"]), data.get("src_lang"))


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be checked (reported, counted as an error, not in the state)."""

    id: str
    message: str


def check_chunk(config: Config, articles: Sequence[Article]) -> list[Summary | Failure]:
    """Check a chunk of articles: the unit of work a process or a dask worker runs."""
    from mtcheck.analyze import document
    from mtcheck.engine import check_document

    out: list[Summary | Failure] = []
    for article in articles:
        try:
            doc = document(article.text, article.id, source=article.source,
                           reference=article.reference,
                           src_lang=article.src_lang or config.src_lang,
                           tgt_lang=config.tgt_lang)
            out.append(Summary.of(check_document(doc, config)))
        except Exception as err:  # one bad document must not end a corpus audit
            out.append(Failure(article.id, f"cannot check: {type(err).__name__}: {err}"))
    return out


def config_fingerprint(config: Config) -> str:
    """A digest of everything that changes a result: a state file is only resumed under it."""
    relevant = {k: v for k, v in vars(config).items() if k != "origin"}
    relevant["version"] = __version__
    text = json.dumps(relevant, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class StateFile:
    """The append-only JSON-lines file that makes an audit resumable.

    Line 1 is a header with the configuration fingerprint; each later line is one
    document's summary, written whole and flushed, so a killed run leaves at most a
    truncated last line, which `open_state` drops before appending again.
    """

    path: Path
    handle: IO[str]

    def append(self, summary: Summary) -> None:
        """Record one finished document."""
        self.handle.write(summary.to_json() + "\n")
        self.handle.flush()

    def close(self) -> None:
        """Flush to disk and close."""
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()


def open_state(path: str | Path, config: Config) -> tuple[StateFile, list[Summary]]:
    """Open (or start) a state file; return it and the summaries of documents already done."""
    file = Path(path)
    fingerprint = config_fingerprint(config)
    done: list[Summary] = []
    keep = 0
    if file.exists():
        done, keep = _read_state(file, fingerprint)
    try:
        if file.exists():
            with open(file, "r+b") as raw:
                raw.truncate(keep)
        handle = open(file, "a", encoding="utf-8")  # noqa: SIM115 - StateFile closes it
        if keep == 0:
            header = {"schema": STATE_SCHEMA, "config": fingerprint, "version": __version__}
            handle.write(json.dumps(header) + "\n")
            handle.flush()
    except OSError as err:
        raise InputError(f"{file}: cannot write the state file ({err.strerror})") from None
    return StateFile(file, handle), done


def _read_state(file: Path, fingerprint: str) -> tuple[list[Summary], int]:
    """The summaries of a state file and the byte length of its complete lines."""
    try:
        data = file.read_bytes()
    except OSError as err:
        raise InputError(f"{file}: cannot read the state file ({err.strerror})") from None
    lines = data.split(b"\n")
    # The part after the last newline is a line a killed run did not finish: drop it.
    complete, keep = lines[:-1], len(data) - len(lines[-1])
    if not complete:
        return [], 0
    header = _json_line(file, 1, complete[0])
    if header.get("schema") != STATE_SCHEMA:
        raise InputError(f"{file}: not an mtcheck audit state file")
    if header.get("config") != fingerprint:
        raise InputError(f"{file}: written under another configuration or mtcheck version; "
                         "use a new --state file or the same options")
    done = []
    for number, line in enumerate(complete[1:], start=2):
        try:
            done.append(Summary.from_dict(_json_line(file, number, line)))
        except (KeyError, TypeError, ValueError) as err:
            raise InputError(f"{file}:{number}: corrupt state line ({err})") from None
    return done, keep


def _json_line(file: Path, number: int, line: bytes) -> dict[str, Any]:
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(f"{file}:{number}: corrupt state line") from None
    if not isinstance(value, dict):
        raise InputError(f"{file}:{number}: corrupt state line")
    return value


@dataclass
class Aggregate:
    """Corpus totals folded in one summary at a time, independent of arrival order.

    Scores carry two decimals, so a histogram of hundredths gives exact quantiles
    in at most 10,001 counters, and integer sums keep the mean order-independent.
    """

    worst_n: int = 10
    documents: int = 0
    passed: int = 0
    words: int = 0
    findings: int = 0
    errors: int = 0
    resumed: int = 0
    score_hundredths: int = 0
    histogram: Counter[int] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[str] = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    _worst: list[Summary] = field(default_factory=list)

    def add(self, summary: Summary) -> None:
        """Fold in one document."""
        hundredths = round(summary.score * 100)
        self.documents += 1
        self.passed += summary.passed
        self.words += summary.words
        self.findings += summary.findings
        self.score_hundredths += hundredths
        self.histogram[hundredths] += 1
        self.by_category.update(summary.by_category)
        self.by_rule.update(summary.by_rule)
        self.by_severity.update(summary.by_severity)
        self._worst.append(summary)
        if len(self._worst) > 2 * self.worst_n:
            self._trim()

    def error(self, message: str, keep: int = 100) -> None:
        """Count an input error; keep the first ones for the report."""
        self.errors += 1
        if len(self.error_samples) < keep:
            self.error_samples.append(message)

    def _trim(self) -> None:
        self._worst.sort(key=lambda s: (s.score, s.id))
        del self._worst[self.worst_n:]

    @property
    def worst(self) -> list[Summary]:
        """The lowest-scoring documents, ties broken by id."""
        self._trim()
        return list(self._worst)

    def quantile(self, q: float) -> float | None:
        """The q-quantile of the scores (nearest rank), or None without documents."""
        if not self.documents:
            return None
        rank = max(1, math.ceil(round(q * self.documents, 9)))
        seen = 0
        for hundredths in sorted(self.histogram):
            seen += self.histogram[hundredths]
            if seen >= rank:
                return hundredths / 100
        raise AssertionError("unreachable: ranks cover every document")

    def to_dict(self) -> dict[str, Any]:
        """The aggregate as JSON data (the `summary`, `worst` and `errors` of the report)."""
        n = self.documents
        scores = sorted(self.histogram)
        return {
            "summary": {
                "documents": n, "resumed": self.resumed, "passed": self.passed,
                "failed": n - self.passed, "errors": self.errors,
                "pass_rate": round(self.passed / n, 4) if n else None,
                "words": self.words, "findings": self.findings,
                "score": {"mean": round(self.score_hundredths / n / 100, 2) if n else None,
                          "median": self.quantile(0.5), "p10": self.quantile(0.1),
                          "min": scores[0] / 100 if scores else None,
                          "max": scores[-1] / 100 if scores else None},
                "by_category": _ordered(self.by_category, (*CATEGORIES, "internal")),
                "by_rule": dict(sorted(self.by_rule.items())),
                "by_severity": _ordered(self.by_severity, ("critical", "major", "minor")),
            },
            "worst": [{"id": s.id, "score": s.score, "passed": s.passed, "words": s.words,
                       "findings": s.findings, "by_category": dict(s.by_category)}
                      for s in self.worst],
            "errors": list(self.error_samples),
        }


def _ordered(counts: Counter[str], order: Iterable[str]) -> dict[str, int]:
    known = [k for k in order if counts[k]]
    rest = sorted(k for k in counts if k not in known and counts[k])
    return {k: counts[k] for k in (*known, *rest)}


def chunks(items: Iterable[Article], size: int, max_chars: int) -> Iterator[list[Article]]:
    """Group articles into chunks of at most `size` documents and about `max_chars` of text."""
    chunk: list[Article] = []
    chars = 0
    for item in items:
        chunk.append(item)
        chars += len(item.text)
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk
