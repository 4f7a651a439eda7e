"""`mtcheck hook`: a pre-publish check (git pre-commit) that blocks a bad article.

Quiet when everything passes; for each failing document it prints its findings in
compiler style and one line that says why it is blocked, then exits 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mtcheck.cli import config_options, errors_as_exit, resolve_config, split_rules
from mtcheck.model import DocumentReport
from mtcheck.report.text import finding_line


def block_reason(doc: DocumentReport, threshold: float) -> str:
    """`blocked: score 82.4 < 95 (3 untranslated, 1 name)`."""
    counts = ", ".join(f"{n} {category}" for category, n in doc.by_category.items())
    return f"blocked: score {doc.score:.1f} < {threshold:g} ({counts or 'no findings'})"


def articles(files: tuple[str, ...]) -> list[str]:
    """The articles to check: a staged `x.src.txt`/`x.ref.txt` stands for its `x.txt`."""
    from mtcheck.audit_sources import article_of, is_companion

    out: dict[str, None] = {}
    for name in files:
        if name != "-" and is_companion(name):
            article = article_of(name)
            if article.is_file():
                out[str(article)] = None
        else:
            out[name] = None
    return list(out)


@click.command("hook")
@click.argument("files", nargs=-1)
@config_options
def hook_command(files: tuple[str, ...], src_lang: str | None, tgt_lang: str | None,
                 config_path: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
                 fail_under: float | None, glossary: str | None,
                 encoding: str | None) -> None:
    """Block articles that fail the check (for pre-commit and publishing pipelines).

    Each FILE's `.src`/`.ref` companions (`x.src.txt` next to `x.txt`) are used when
    present. Exit status: 0 when all pass (silently), 1 to block, 2 on bad input.
    """
    from mtcheck.analyze import document
    from mtcheck.audit_sources import read_article
    from mtcheck.engine import check_document
    from mtcheck.load import read_path

    names = articles(files)
    if not names:
        sys.exit(0)
    blocked = 0
    with errors_as_exit():
        config = resolve_config(config_path, names[0], select=split_rules(select),
                                ignore=split_rules(ignore), threshold=fail_under,
                                src_lang=src_lang, tgt_lang=tgt_lang, glossary=glossary)
        for name in names:
            if name == "-":
                stdin = read_path(name, encoding)
                path, text, source, reference = stdin.name, stdin.text, None, None
            else:
                article = read_article(Path(name), encoding)
                path, text = article.id, article.text
                source, reference = article.source, article.reference
            doc = document(text, path, source=source, reference=reference,
                           src_lang=config.src_lang, tgt_lang=config.tgt_lang)
            report = check_document(doc, config)
            if not report.passed:
                blocked += 1
                for finding in report.findings:
                    click.echo(finding_line(report.path, finding))
                click.echo(f"{report.path}: {block_reason(report, config.threshold)}")
    sys.exit(1 if blocked else 0)
