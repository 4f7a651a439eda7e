"""Running the rules over a document and turning their hits into scored findings."""

from __future__ import annotations

import operator
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from mtcheck import __version__
from mtcheck.analyze import document, gc_paused, line_column, notes_of
from mtcheck.config import Config
from mtcheck.metrics import corpus_metrics, document_metrics
from mtcheck.model import Document, DocumentReport, Finding, Hit, Report, Severity
from mtcheck.rules.registry import Example, RuleContext, RuleSpec, all_rules
from mtcheck.score import penalty, score

CRASH_RULE = "internal.rule-crashed"


# A rule to run on a document: its spec, effective severity and context.
_Run = tuple[RuleSpec, Severity, RuleContext]
# What a plan runs on documents of one kind: the rules, and the ids skipped for a missing
# source or reference.
_Runs = tuple[tuple[_Run, ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a configuration runs: computed once per configuration, not once per document."""

    specs: tuple[RuleSpec, ...]  # all registered rules when the plan was made
    enabled: tuple[tuple[RuleSpec, Severity, Mapping[str, object]], ...]
    settings: Mapping[str, object]
    contexts: dict[str | None, tuple[RuleContext, ...]]
    runs: dict[tuple[str | None, bool, bool], _Runs]

    def contexts_for(self, src_lang: str | None) -> tuple[RuleContext, ...]:
        """One context per enabled rule (they differ only by the document's source language)."""
        found = self.contexts.get(src_lang)
        if found is None:
            found = self.contexts[src_lang] = tuple(
                RuleContext(options, src_lang, self.settings) for _, _, options in self.enabled)
        return found

    def runs_for(self, doc: Document) -> _Runs:
        """The rules to run on a document and the ids skipped (the same for every document
        with the same source language and inputs: worked out once for them all)."""
        kind = (doc.src_lang, doc.source is not None, doc.reference is not None)
        found = self.runs.get(kind)
        if found is None:
            run: list[_Run] = []
            skipped: list[str] = []
            for (spec, severity, _), ctx in zip(self.enabled, self.contexts_for(doc.src_lang),
                                                strict=True):
                if _missing_input(spec, doc):
                    skipped.append(spec.id)
                else:
                    run.append((spec, severity, ctx))
            found = self.runs[kind] = (tuple(run), tuple(skipped))
        return found


# Plans by id(config), with a weak reference that proves the id still names that config.
_PLANS: dict[int, tuple[weakref.ref[Config], _Plan]] = {}


def _plan(config: Config) -> _Plan:
    specs = all_rules()
    cached = _PLANS.get(id(config))
    if cached is not None:
        ref, plan = cached
        # A rule registered or re-registered since (tests do) makes a new plan.
        if ref() is config and len(plan.specs) == len(specs) and all(
                map(operator.is_, plan.specs, specs)):
            return plan
    settings = MappingProxyType({"boilerplate_patterns": config.boilerplate_patterns,
                                 "glossary": config.glossary})
    enabled = tuple((spec, config.severity_of(spec), MappingProxyType(config.options_of(spec)))
                    for spec in specs if config.enabled(spec))
    plan = _Plan(specs, enabled, settings, {}, {})
    if len(_PLANS) >= 64:
        _PLANS.clear()
    _PLANS[id(config)] = (weakref.ref(config), plan)
    return plan


def _missing_input(spec: RuleSpec, doc: Document) -> bool:
    return ("source" in spec.needs and doc.source is None) or (
        "reference" in spec.needs and doc.reference is None)


def active_rules(config: Config, doc: Document) -> tuple[list[RuleSpec], list[str]]:
    """The rules that run on a document, and the ids skipped for a missing source/reference."""
    run: list[RuleSpec] = []
    skipped: list[str] = []
    for spec, _, _ in _plan(config).enabled:
        if _missing_input(spec, doc):
            skipped.append(spec.id)
        else:
            run.append(spec)
    return run, skipped


def findings(doc: Document, config: Config, *, strict: bool = False) -> tuple[
        list[Finding], list[str]]:
    """All findings of the enabled rules, sorted by (start, rule), and the skipped rule ids.

    A rule that raises becomes an `internal.rule-crashed` finding, so one bad rule
    cannot lose a whole report; `strict` re-raises instead (tests run that way).
    """
    runs, skipped = _plan(config).runs_for(doc)
    out: list[Finding] = []
    minimum = config.min_severity
    with gc_paused():
        for spec, severity, ctx in runs:
            try:
                for hit in spec.func(doc, ctx):
                    finding = make_finding(doc, spec, hit, hit.severity or severity)
                    if finding.severity >= minimum:
                        out.append(finding)
            except Exception as err:
                if strict:
                    raise
                out.append(_crash(doc, spec, err))
    out.sort(key=_finding_order)
    return out, list(skipped)


def _finding_order(finding: Finding) -> tuple[int, int, str]:
    return finding.start, finding.end, finding.rule


def make_finding(doc: Document, spec: RuleSpec, hit: Hit, severity: Severity) -> Finding:
    """Stamp a hit with the rule's id, category and effective severity."""
    if not 0 <= hit.start <= hit.end <= len(doc.text):
        raise ValueError(f"{spec.id}: span {hit.start}-{hit.end} is outside the text")
    line, column = line_column(doc, hit.start)
    return Finding(spec.id, spec.category, severity, hit.start, hit.end, line, column,
                   doc.text[hit.start:hit.end], hit.message, hit.suggestion,
                   min(1.0, max(0.0, hit.confidence)))


def _crash(doc: Document, spec: RuleSpec, err: Exception) -> Finding:
    return Finding(CRASH_RULE, "internal", Severity.MINOR, 0, 0, 1, 1, "",
                   f"rule {spec.id} crashed: {type(err).__name__}: {err}", None, 1.0)


def check_document(doc: Document, config: Config, *, strict: bool = False) -> DocumentReport:
    """Findings, penalty, score and verdict of one document."""
    with gc_paused():
        found, skipped = findings(doc, config, strict=strict)
        words = doc.words
        points = penalty(found, config.weights)
        value = score(points, words)
        metrics = document_metrics(doc) if doc.reference is not None else {}
        notes = dict(notes_of(doc))
    detected = notes.get("src_lang_detected")
    return DocumentReport(
        path=doc.path, words=words, penalty=points, score=value,
        passed=value >= config.threshold,
        src_lang=doc.src_lang or (detected if isinstance(detected, str) else None),
        tgt_lang=doc.tgt_lang, findings=tuple(found), metrics=metrics,
        skipped=tuple(skipped), notes=notes,
    )


def build_report(documents: Iterable[DocumentReport], config: Config) -> Report:
    """Gather document reports into one Report, with corpus metrics over several references."""
    docs = tuple(documents)
    scored = [d.metrics for d in docs if d.metrics]
    metrics = corpus_metrics(scored) if len(scored) > 1 else {}
    return Report(docs, config.threshold, dict(config.weights), __version__, metrics)


def check(text: str, source: str | None = None, reference: str | None = None,
          src_lang: str | None = None, config: Config | None = None, *,
          path: str = "<text>") -> Report:
    """Check one translated text and return its Report (the library's main entry point)."""
    cfg = config or Config()
    doc = document(text, path, source=source, reference=reference,
                   src_lang=src_lang or cfg.src_lang, tgt_lang=cfg.tgt_lang)
    return build_report([check_document(doc, cfg)], cfg)


def example_findings(spec: RuleSpec, example: Example, config: Config | None = None, *,
                     only_rule: bool = True) -> list[Finding]:
    """Findings on one of a rule's examples (strict: a crashing rule raises).

    With `only_rule` just that rule runs; otherwise every rule runs, which is how
    good examples are checked (a good example must not fire anything).
    """
    cfg = config or Config()
    if only_rule:
        cfg = cfg.with_overrides(select=(spec.id,))
    if example.options:
        options = {**cfg.rule_options.get(spec.id, {}), **example.options}
        cfg = cfg.with_overrides(rule_options={**cfg.rule_options, spec.id: options})
    doc = document(example.text, "<example>", source=example.source,
                   reference=example.reference, src_lang=example.src_lang)
    found, _ = findings(doc, cfg, strict=True)
    return found
