"""The rule registry: a decorator that records each rule with its metadata and examples."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

from mtcheck.model import CATEGORIES, Document, Hit, Severity

Need = Literal["source", "reference"]


@dataclass(frozen=True, slots=True)
class Example:
    """A rule example with optional source or reference text."""

    text: str
    source: str | None = None
    reference: str | None = None
    src_lang: str | None = None
    options: Mapping[str, object] = field(default_factory=dict)


ExampleLike = str | Example


@dataclass(frozen=True)
class RuleContext:
    """What a rule may read besides the document: its options and the run's settings."""

    options: Mapping[str, object]
    src_lang: str | None = None
    settings: Mapping[str, object] = field(default_factory=dict)

    def option(self, name: str) -> object:
        """One of the rule's options (its default unless the configuration sets it)."""
        return self.options[name]

    def number(self, name: str) -> float:
        """A numeric option."""
        value = self.options[name]
        if not isinstance(value, (int, float)):
            raise TypeError(f"option {name} is not a number")
        return float(value)


class RuleFunction(Protocol):
    def __call__(self, doc: Document, ctx: RuleContext) -> Iterable[Hit]: ...


@dataclass(frozen=True)
class RuleSpec:
    """A registered rule: id, category, default severity, docs, examples and options."""

    id: str
    category: str
    severity: Severity
    func: RuleFunction
    summary: str
    doc: str
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    needs: tuple[Need, ...] = ()
    options: Mapping[str, object] = field(default_factory=dict)

    @property
    def family(self) -> str:
        """The part of the id before the dot (the module that holds the rule)."""
        return self.id.split(".", 1)[0]


_REGISTRY: dict[str, RuleSpec] = {}


def rule(rule_id: str, *, category: str, severity: str, bad: Iterable[ExampleLike],
         good: Iterable[ExampleLike], needs: Iterable[Need] = (),
         options: Mapping[str, object] | None = None,
         ) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function; its docstring's first line is the rule's summary."""
    if category not in CATEGORIES:
        raise ValueError(f"{rule_id}: unknown category {category!r}")
    if "." not in rule_id:
        raise ValueError(f"rule id {rule_id!r} must be family.name")

    def register(func: RuleFunction) -> RuleFunction:
        doc = (func.__doc__ or "").strip()
        if not doc:
            raise ValueError(f"{rule_id}: a rule needs a docstring")
        spec = RuleSpec(
            rule_id, category, Severity.parse(severity), func, doc.splitlines()[0].strip(),
            doc, tuple(_example(e) for e in bad), tuple(_example(e) for e in good),
            tuple(needs), dict(options or {}),
        )
        existing = _REGISTRY.get(rule_id)
        # Re-importing a module (tests, reloads) re-registers the same function: keep one.
        if existing is not None and _qualname(existing.func) != _qualname(func):
            raise ValueError(f"rule id {rule_id} is registered twice")
        _REGISTRY[rule_id] = spec
        return func

    return register


def _qualname(func: RuleFunction) -> str:
    return str(getattr(func, "__qualname__", ""))


def _example(example: ExampleLike) -> Example:
    return Example(example) if isinstance(example, str) else example


def all_rules() -> tuple[RuleSpec, ...]:
    """Every registered rule, sorted by id (importing the rule families first)."""
    import mtcheck.rules  # noqa: F401  (registers the families)

    return tuple(_REGISTRY[k] for k in sorted(_REGISTRY))


def get_rule(rule_id: str) -> RuleSpec:
    """One rule by id."""
    return {r.id: r for r in all_rules()}[rule_id]

