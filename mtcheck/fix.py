"""`mtcheck fix`: apply the fixes that cannot make an article worse, and nothing else.

A fix is safe when its rule is in `SAFE_RULES` and the finding carries a suggestion:
deleting a boilerplate line, repairing mojibake, decoding an HTML entity, removing
a doubled word or a space before punctuation. Everything else (a missing verb, a
dangling attribution) needs an editor and is left alone.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mtcheck.model import Finding

if TYPE_CHECKING:
    from mtcheck.config import Config

SAFE_RULES = frozenset({
    "boilerplate.web-debris",
    "broken.comma-before-that",
    "broken.doubled-word",
    "broken.foreign-punctuation",
    "broken.repeated-phrase",
    "broken.space-before-punctuation",
    "encoding.html-leftover",
    "encoding.invisible-char",
    "encoding.mojibake",
})
# Fixing can reveal a new fixable problem (`the the the` → `the the`); a few rounds
# reach the fixed point, so that running `fix` again changes nothing.
_MAX_ROUNDS = 8


def is_safe(finding: Finding) -> bool:
    """True for a finding whose suggestion may be applied without review."""
    return finding.rule in SAFE_RULES and finding.suggestion is not None


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` with `replacement`."""

    start: int
    end: int
    replacement: str


def edits_for(text: str, findings: Iterable[Finding]) -> list[Edit]:
    """The edits of the safe findings, in text order, without overlaps (first one wins)."""
    chosen: list[Edit] = []
    for edit in sorted((_edit(text, f) for f in findings if is_safe(f)),
                       key=lambda e: (e.start, e.end)):
        if chosen and edit.start < chosen[-1].end:
            continue  # overlaps an earlier fix; the next round sees it afresh
        chosen.append(edit)
    return chosen


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """`text` with the safe findings' suggestions applied.

    Only each finding's span changes, with one extension: deleting a whole line
    (a boilerplate line) also deletes its line break and the blank lines after it,
    or, for the last line, the blank lines before it, so no gap is left behind.
    """
    out: list[str] = []
    position = 0
    for edit in edits_for(text, findings):
        out.append(text[position:edit.start])
        out.append(edit.replacement)
        position = edit.end
    out.append(text[position:])
    return "".join(out)


def _edit(text: str, finding: Finding) -> Edit:
    if text[finding.start:finding.end] != finding.text:
        raise ValueError(f"finding {finding.rule} at {finding.start} does not match the text")
    replacement = finding.suggestion or ""
    if replacement == "":
        line = _whole_line(text, finding.start, finding.end)
        if line is not None:
            return Edit(*line, "")
    return Edit(finding.start, finding.end, replacement)


# A line break and the blank lines after it, up to the start of the next content line.
_BREAK_AND_BLANKS = re.compile(r"(?:[^\S\n]*\n)+")


def _whole_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span to delete when [start, end) is all that is on its line, else None."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return None
    if text[line_end:].strip():
        # Delete the line with its break and the blank lines after it.
        gap = _BREAK_AND_BLANKS.match(text, line_end)
        return line_start, gap.end() if gap else line_end
    # The last content line: delete it with the blank lines before it, keep the ending.
    before = text[:line_start].rstrip()
    return (len(before) if before else line_start), line_end


def fix_text(text: str, config: Config | None = None) -> tuple[str, int]:
    """Apply safe fixes until none is left; the fixed text and the number of fixes."""
    from mtcheck.analyze import document
    from mtcheck.config import Config
    from mtcheck.engine import active_rules, findings

    cfg = config or Config()
    probe = document("")
    enabled = tuple(spec.id for spec in active_rules(cfg, probe)[0] if spec.id in SAFE_RULES)
    if not enabled:
        return text, 0
    cfg = cfg.with_overrides(select=enabled, ignore=())
    applied = 0
    for _ in range(_MAX_ROUNDS):
        found, _skipped = findings(document(text), cfg)
        edits = edits_for(text, found)
        if not edits:
            break
        text = apply_fixes(text, found)
        applied += len(edits)
    return text, applied


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of two versions of a file, as `diff -u` prints it."""
    lines = difflib.unified_diff(before.splitlines(keepends=True),
                                 after.splitlines(keepends=True),
                                 fromfile=f"a/{name}", tofile=f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


@click.command("fix")
@click.argument("file")
@click.option("-o", "--output", default=None, help="Write the fixed text to this file.")
@click.option("--in-place", is_flag=True, help="Overwrite FILE with the fixed text.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print a unified diff of the fixes instead of the fixed text.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file (default: found upward from the input).")
@click.option("--select", multiple=True, metavar="RULE", help="Only these rules (prefixes).")
@click.option("--ignore", multiple=True, metavar="RULE", help="Skip these rules (prefixes).")
def fix_command(file: str, output: str | None, in_place: bool, show_diff: bool,
                config_path: str | None, select: tuple[str, ...],
                ignore: tuple[str, ...]) -> None:
    """Apply the safe fixes to FILE: boilerplate lines, mojibake, doubled words, spacing.

    The fixed text goes to stdout, to -o OUT, or back into FILE with --in-place;
    FILE is never overwritten otherwise. --diff prints what changes. Running fix
    twice changes nothing the second time.
    """
    from mtcheck.cli import errors_as_exit, fail, resolve_config, split_rules, write_output
    from mtcheck.load import read_path
    from mtcheck.rules.boilerplate import compile_patterns

    if output and in_place:
        fail("give either -o/--output or --in-place, not both")
    if in_place and file == "-":
        fail("--in-place needs a file, not standard input")
    if output and file != "-" and output != "-" and _same_file(file, output):
        fail(f"refusing to overwrite {file} without --in-place")
    with errors_as_exit():
        config = resolve_config(config_path, file, select=split_rules(select),
                                ignore=split_rules(ignore))
        compile_patterns(tuple(config.boilerplate_patterns))
        article = read_path(file)
        fixed, count = fix_text(article.text, config)
    if show_diff:
        write_output(unified_diff(article.text, fixed, article.name), None)
    target = file if in_place else output
    if target is not None and target != "-":
        write_output(_restore_line_ends(fixed, Path(file)) if in_place else fixed, target)
    elif not show_diff:
        write_output(fixed, None)
    noun = "fix" if count == 1 else "fixes"
    click.echo(f"mtcheck: {count} {noun} applied to {article.name}", err=True)


def _same_file(first: str, second: str) -> bool:
    try:
        return Path(first).resolve() == Path(second).resolve()
    except OSError:
        return False


def _restore_line_ends(text: str, original: Path) -> str:
    """Windows line ends back where the file had only those (the reader made them `\\n`)."""
    try:
        raw = original.read_bytes()
    except OSError:
        return text
    if b"\r\n" in raw and raw.count(b"\r\n") == raw.count(b"\n"):
        return text.replace("\n", "\r\n")
    return text
