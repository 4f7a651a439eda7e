"""The command line: a thin click layer over the library. Only here do errors become exits."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from mtcheck import __version__
from mtcheck.errors import MtcheckError

F = TypeVar("F", bound=Callable[..., Any])

# Subcommands in modules of their own, imported only when used.
_LAZY_COMMANDS: dict[str, str] = {
    "eval": "mtcheck.evaluate:eval_command",
    "fix": "mtcheck.fix:fix_command",
    "audit": "mtcheck.audit:audit_command",
    "bench": "mtcheck.bench:bench_command",
    "hook": "mtcheck.hook:hook_command",
    "serve": "mtcheck.server:serve_command",
}


def _available(target: str) -> bool:
    return importlib.util.find_spec(target.split(":", maxsplit=1)[0]) is not None


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        lazy = [name for name, target in _LAZY_COMMANDS.items() if _available(target)]
        return sorted([*super().list_commands(ctx), *lazy])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _LAZY_COMMANDS and _available(_LAZY_COMMANDS[cmd_name]):
            module, attr = _LAZY_COMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(module), attr)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtcheck")
def main() -> None:
    """Check machine-translated news: untranslated text, names, broken sentences and more."""


def fail(message: str) -> None:
    """Print an error message and exit with status 2 (usage or input error)."""
    click.echo(f"mtcheck: error: {message}", err=True)
    sys.exit(2)


@contextmanager
def errors_as_exit() -> Iterator[None]:
    """Turn mtcheck's typed errors into a message and exit status 2."""
    try:
        yield
    except MtcheckError as err:
        fail(str(err))


def write_output(text: str, output: str | None) -> None:
    """Write to a file atomically (never a half-written report), or to stdout."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    target = Path(output)
    tmp: str | None = None
    try:
        folder = target.parent if str(target.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        # mkstemp makes the file private; give it the mode a plain open() would have.
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as err:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        fail(f"cannot write {output}: {err.strerror}")


def _mode_for(target: Path) -> int:
    """The existing file's mode, or the default mode under the current umask."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def split_rules(values: Sequence[str]) -> tuple[str, ...]:
    """`--select a,b --select c` → ('a', 'b', 'c')."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def config_options(func: F) -> F:
    """The options every checking command shares."""
    for option in reversed([
        click.option("--src-lang", metavar="xx", help="Source language code (auto-detected)."),
        click.option("--tgt-lang", metavar="xx", default=None, help="Target language (en)."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="Configuration file (default: found upward from the input)."),
        click.option("--select", multiple=True, metavar="RULE",
                     help="Only these rules or families (prefixes; repeatable)."),
        click.option("--ignore", multiple=True, metavar="RULE",
                     help="Skip these rules or families (prefixes; repeatable)."),
        click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
                     help="Fail documents scoring below N (overrides the threshold)."),
        click.option("--glossary", type=click.Path(dir_okay=False),
                     help="Glossary of canonical names and terms (TSV, CSV or TOML)."),
        click.option("--encoding", default=None,
                     help="Fallback encoding for input that is not UTF-8."),
    ]):
        func = option(func)
    return func


def resolve_config(config_path: str | None, first_input: str | None, **overrides: Any) -> Any:
    """The configuration file (given or found upward) with command-line overrides applied."""
    from mtcheck.config import Config, find_config, load_config

    if config_path:
        config = load_config(Path(config_path))
    else:
        start = Path(first_input) if first_input and first_input != "-" else Path.cwd()
        found = find_config(start)
        config = load_config(found) if found else Config()
    select, ignore = overrides.pop("select", ()), overrides.pop("ignore", ())
    return config.with_overrides(select=select or None, ignore=ignore or None, **overrides)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--source", "sources", multiple=True, type=click.Path(dir_okay=False),
              help="Source-language original (one per FILE, in order).")
@click.option("--reference", "references", multiple=True, type=click.Path(dir_okay=False),
              help="Human reference translation (one per FILE, in order).")
@click.option("--format", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "json", "markdown", "html", "sarif"]))
@click.option("--output", "-o", default=None, help="Write the report to a file.")
@click.option("--color/--no-color", default=None, help="Colour (default: only on a terminal).")
@config_options
def check(files: tuple[str, ...], sources: tuple[str, ...], references: tuple[str, ...],
          fmt: str, output: str | None, color: bool | None, src_lang: str | None,
          tgt_lang: str | None, config_path: str | None, select: tuple[str, ...],
          ignore: tuple[str, ...], fail_under: float | None, glossary: str | None,
          encoding: str | None) -> None:
    """Check translated articles and print a scored report.

    Exit status: 0 when every document passes, 1 when one fails, 2 on bad input.
    """
    from mtcheck.analyze import document
    from mtcheck.engine import build_report, check_document
    from mtcheck.load import read_path
    from mtcheck.report import renderer

    for name, given in (("--source", sources), ("--reference", references)):
        if given and len(given) != len(files):
            fail(f"{name} given {len(given)} time(s) for {len(files)} file(s); give one per file")
    with errors_as_exit():
        config = resolve_config(config_path, files[0], select=split_rules(select),
                                ignore=split_rules(ignore), threshold=fail_under,
                                src_lang=src_lang, tgt_lang=tgt_lang, glossary=glossary)
        reports = []
        texts: dict[str, str] = {}
        for i, name in enumerate(files):
            article = read_path(name, encoding)
            texts[article.name] = article.text
            source = read_path(sources[i], encoding).text if sources else None
            reference = read_path(references[i], encoding).text if references else None
            doc = document(article.text, article.name, source=source, reference=reference,
                           src_lang=config.src_lang, tgt_lang=config.tgt_lang)
            reports.append(check_document(doc, config))
        report = build_report(reports, config)
        use_colour = color if color is not None else (output is None and sys.stdout.isatty())
        write_output(renderer(fmt)(report, colour=use_colour, texts=texts), output)
    sys.exit(0 if report.passed else 1)


@main.command("rules")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "json", "markdown"]))
def rules_command(fmt: str) -> None:
    """List the rules with their ids, categories, severities and examples."""
    from mtcheck.rules.catalog import render_catalog

    click.echo(render_catalog(fmt), nl=False)


def json_dumps(data: object) -> str:
    """Pretty JSON for command output."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
