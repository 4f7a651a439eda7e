"""Configuration: defaults, files (`mtcheck.toml`, pyproject.toml, setup.cfg) and validation."""

from __future__ import annotations

import configparser
import difflib
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from mtcheck.errors import ConfigError
from mtcheck.model import Severity
from mtcheck.rules.registry import RuleSpec, all_rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found]

DEFAULT_WEIGHTS: Mapping[str, float] = {"minor": 1.0, "major": 5.0, "critical": 10.0}
DEFAULT_THRESHOLD = 95.0
_KEYS = ("threshold", "weights", "select", "ignore", "severity", "rules", "src-lang",
         "tgt-lang", "boilerplate-patterns", "glossary", "min-severity")


@dataclass(frozen=True)
class Config:
    """Everything a run can be tuned by. Defaults reproduce the documented behaviour."""

    threshold: float = DEFAULT_THRESHOLD
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    src_lang: str | None = None
    tgt_lang: str = "en"
    boilerplate_patterns: tuple[str, ...] = ()
    glossary: str | None = None
    min_severity: Severity = Severity.MINOR
    origin: str | None = None

    def enabled(self, spec: RuleSpec) -> bool:
        """flake8's decision: the longest matching prefix of select/ignore wins."""
        chosen = _longest_prefix(spec.id, self.select) if self.select else 0
        ignored = _longest_prefix(spec.id, self.ignore)
        if self.select and chosen == 0:
            return False
        return ignored <= chosen if ignored else True

    def severity_of(self, spec: RuleSpec) -> Severity:
        """The effective severity: the override of the longest matching prefix, or the default."""
        best, level = 0, spec.severity
        for prefix, value in self.severity.items():
            n = _longest_prefix(spec.id, (prefix,))
            if n > best:
                best, level = n, value
        return level

    def options_of(self, spec: RuleSpec) -> dict[str, object]:
        """The rule's options: its defaults updated by the configuration."""
        return {**spec.options, **self.rule_options.get(spec.id, {})}

    def with_overrides(self, **changes: object) -> Config:
        """A copy with the given fields replaced (None leaves a field as it is)."""
        given = {k: v for k, v in changes.items() if v is not None}
        updated = replace(self, **given)  # type: ignore[arg-type]
        validate(updated)
        return updated


def _longest_prefix(rule_id: str, prefixes: Iterable[str]) -> int:
    best = 0
    for prefix in prefixes:
        if rule_id == prefix or rule_id.startswith(prefix.rstrip(".") + "."):
            best = max(best, len(prefix) + 1)
    return best


def validate(config: Config) -> None:
    """Reject unknown rule ids and prefixes, weights or bad numbers, naming the nearest."""
    rules = all_rules()
    known = {r.id for r in rules} | {r.family for r in rules}
    for prefix in (*config.select, *config.ignore, *config.severity):
        if prefix not in known:
            raise ConfigError(f"unknown rule or family {prefix!r}{_nearest(prefix, known)}")
    by_id = {r.id: r for r in rules}
    for rule_id, options in config.rule_options.items():
        if rule_id not in by_id:
            raise ConfigError(f"options for unknown rule {rule_id!r}{_nearest(rule_id, by_id)}")
        for name in options:
            if name not in by_id[rule_id].options:
                raise ConfigError(f"rule {rule_id} has no option {name!r}"
                                  f"{_nearest(name, by_id[rule_id].options)}")
    for name in config.weights:
        if name not in DEFAULT_WEIGHTS:
            raise ConfigError(f"unknown severity weight {name!r}{_nearest(name, DEFAULT_WEIGHTS)}")
    if config.boilerplate_patterns:
        from mtcheck.rules.boilerplate import compile_patterns

        compile_patterns(config.boilerplate_patterns)
    if config.glossary:
        from mtcheck.glossary import load_glossary

        load_glossary(config.glossary)
    if not 0 <= config.threshold <= 100:
        raise ConfigError(f"threshold must be between 0 and 100, not {config.threshold}")


def _nearest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f"; did you mean {close[0]!r}?" if close else ""


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above `start` that has an mtcheck section."""
    here = start.resolve()
    for folder in (here, *here.parents) if here.is_dir() else (here.parent, *here.parent.parents):
        for name in ("mtcheck.toml", "pyproject.toml", "setup.cfg"):
            candidate = folder / name
            if candidate.is_file() and _has_section(candidate):
                return candidate
    return None


def _has_section(path: Path) -> bool:
    try:
        return bool(_raw_section(path)) or path.name == "mtcheck.toml"
    except ConfigError:
        return True  # report the broken file rather than skip it


def load_config(path: Path) -> Config:
    """Read and validate one configuration file."""
    return from_mapping(_raw_section(path), origin=str(path))


def _raw_section(path: Path) -> dict[str, object]:
    try:
        if path.suffix == ".toml":
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            if path.name == "pyproject.toml":
                section = data.get("tool", {}).get("mtcheck", {})
                return dict(section) if isinstance(section, dict) else {}
            return dict(data)
        parser = configparser.ConfigParser()
        parser.read(path, encoding="utf-8")
        return _from_ini(parser)
    except (tomllib.TOMLDecodeError, configparser.Error, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot parse configuration ({err})") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read configuration ({err.strerror})") from None


def _from_ini(parser: configparser.ConfigParser) -> dict[str, object]:
    """setup.cfg's flat form: lists are comma- or line-separated, maps are `key: value`."""
    if not parser.has_section("mtcheck"):
        return {}
    raw: dict[str, object] = {}
    for key, value in parser.items("mtcheck"):
        items = [v.strip() for v in value.replace("\n", ",").split(",") if v.strip()]
        if key in ("weights", "severity"):
            raw[key] = dict(_pair(item, key) for item in items)
        elif key in ("select", "ignore", "boilerplate-patterns"):
            raw[key] = value.splitlines() if key == "boilerplate-patterns" else items
        else:
            raw[key] = value.strip()
    rules: dict[str, dict[str, object]] = {}
    for section in parser.sections():
        if section.startswith("mtcheck:"):
            rules[section.split(":", 1)[1]] = {k: _scalar(v) for k, v in parser.items(section)}
    if rules:
        raw["rules"] = rules
    return raw


def _pair(item: str, key: str) -> tuple[str, str]:
    name, sep, value = item.partition(":")
    if not sep:
        raise ConfigError(f"[mtcheck] {key}: expected 'name: value', got {item!r}")
    return name.strip(), value.strip()


def _scalar(value: str) -> object:
    for convert in (int, float):
        try:
            return convert(value)
        except ValueError:
            pass
    lowered = value.strip().lower()
    return {"true": True, "false": False}.get(lowered, value.strip())


def from_mapping(raw: Mapping[str, object], origin: str | None = None) -> Config:
    """Build a validated Config from a parsed section (TOML or setup.cfg)."""
    data = {k.replace("_", "-"): v for k, v in raw.items()}
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f"{origin or 'config'}: unknown option {key!r}{_nearest(key, _KEYS)}")
    try:
        weights = {k: float(str(v)) for k, v in _mapping(data.get("weights", {})).items()}
        config = Config(
            threshold=float(str(data.get("threshold", DEFAULT_THRESHOLD))),
            weights={**DEFAULT_WEIGHTS, **weights},
            select=_strings(data.get("select", ())),
            ignore=_strings(data.get("ignore", ())),
            severity={k: Severity.parse(str(v))
                      for k, v in _mapping(data.get("severity", {})).items()},
            rule_options={k: dict(_mapping(v))
                          for k, v in _mapping(data.get("rules", {})).items()},
            src_lang=_optional_str(data.get("src-lang")),
            tgt_lang=str(data.get("tgt-lang", "en")),
            boilerplate_patterns=_strings(data.get("boilerplate-patterns", ())),
            glossary=_beside(_optional_str(data.get("glossary")), origin),
            min_severity=Severity.parse(str(data.get("min-severity", "minor"))),
            origin=origin,
        )
    except (TypeError, ValueError) as err:
        raise ConfigError(f"{origin or 'config'}: {err}") from None
    validate(config)
    return config


def _mapping(value: object) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a table, got {value!r}")
    return value


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    raise TypeError(f"expected a list of strings, got {value!r}")


def _beside(path: str | None, origin: str | None) -> str | None:
    """A path in a configuration file is relative to that file, not to the working dir."""
    if path is None or origin is None:
        return path
    return str(Path(origin).parent / path)


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)
