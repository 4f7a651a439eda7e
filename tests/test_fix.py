"""`mtcheck fix` and `apply_fixes`: safe fixes only, idempotent, nothing outside the spans."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtcheck.analyze import document
from mtcheck.cli import main
from mtcheck.config import Config
from mtcheck.engine import findings
from mtcheck.fix import SAFE_RULES, apply_fixes, edits_for, fix_text, is_safe

DAMAGED = (
    "Ferry services resume after storm\n\n"
    "The the ferries to the islands resumed on Tuesday , the operator said. Haus &amp; "
    "Grund and the mayor of KÃ¶ln welcomed it.\n\n"
    "“We are back on schedule. ” said.\n\n"
    "Related News\n\n"
    "Be the first to comment\n"
)
FIXED = (
    "Ferry services resume after storm\n\n"
    "The ferries to the islands resumed on Tuesday, the operator said. Haus & "
    "Grund and the mayor of Köln welcomed it.\n\n"
    "“We are back on schedule.” said.\n"
)


def _findings(text: str, rules: tuple[str, ...] = ("broken", "boilerplate", "encoding")) -> list:
    result, _ = findings(document(text), Config().with_overrides(select=rules), strict=True)
    return result


def test_fix_text_applies_the_safe_fixes_only():
    fixed, count = fix_text(DAMAGED)
    assert fixed == FIXED
    assert count == 7
    # The dangling attribution needs an editor: it is still reported.
    assert any(f.rule == "broken.dangling-attribution" for f in _findings(fixed))


def test_unsafe_suggestions_are_not_applied():
    text = "“We are ready.” she said."
    found = _findings(text)
    assert any(f.rule == "broken.dangling-attribution" and f.suggestion for f in found)
    assert apply_fixes(text, found) == text


def test_apply_fixes_rejects_findings_of_another_text():
    found = _findings("The the plan.")
    with pytest.raises(ValueError, match="does not match"):
        apply_fixes("A different text.", found)


@pytest.mark.parametrize(("text", "fixed"), [
    ("A.\n\nRelated News\n\nB.\n", "A.\n\nB.\n"),
    ("A.\n\nRelated News\n", "A.\n"),
    ("A.\n\nRelated News", "A."),
    ("Share on Facebook\n\nA.\n", "A.\n"),
    ("A.\n\nSource: AA\n\nTags: a, b\n\nShare\n", "A.\n"),
])
def test_deleting_boilerplate_lines_leaves_no_gap(text, fixed):
    assert fix_text(text)[0] == fixed


def test_fix_respects_ignore():
    config = Config().with_overrides(ignore=("broken.doubled-word",))
    assert fix_text("The the plan , he said.", config)[0] == "The the plan, he said."


# Text that looks like damaged news, and arbitrary Unicode.
_PIECES = st.sampled_from([
    "The the ", "in in ", "word ", "GÃ¼ler ", "â€™s ", " , ", " :", "\u200b", "&amp; ",
    "<br>", "\n", "\n\n", "Related News\n\n", "Share on Facebook\n", "Source: AA\n",
    "“Quote. ” said. ", "A sentence. ", "Şugayev ", "\ufffd", "and health centres ",
])
_TEXTS = st.one_of(st.text(max_size=60), st.lists(st.one_of(_PIECES, st.text(max_size=6)),
                                                  max_size=25).map("".join))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_fix_is_idempotent(text):
    once, _ = fix_text(text)
    assert fix_text(once) == (once, 0)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_fix_changes_nothing_outside_the_findings(text):
    found = _findings(text)
    safe = [f for f in found if is_safe(f)]
    edits = edits_for(text, found)
    for edit in edits:
        owners = [f for f in safe if edit.start <= f.start and f.end <= edit.end]
        assert owners, edit
        exact = [f for f in owners if (f.start, f.end) == (edit.start, edit.end)]
        # Several findings can sit inside one deleted line; the widest one made the edit.
        finding = exact[0] if exact else max(owners, key=lambda f: f.end - f.start)
        if not exact:
            # Only a whole-line deletion reaches past its finding, and only over blanks.
            assert finding.suggestion == ""
            assert edit.replacement == ""
            assert text[edit.start:finding.start].strip() == ""
            assert text[finding.end:edit.end].strip() == ""
        else:
            assert edit.replacement == finding.suggestion
    # Every character outside the edits is kept, in order.
    kept, position = [], 0
    for edit in edits:
        kept += [text[position:edit.start], edit.replacement]
        position = edit.end
    assert "".join(kept) + text[position:] == apply_fixes(text, found)


def test_safe_rules_exist():
    from mtcheck.rules.registry import all_rules

    ids = {r.id for r in all_rules()}
    assert ids >= SAFE_RULES


def _write(tmp_path: Path, text: str, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_prints_the_fixed_text_and_leaves_the_file(tmp_path):
    path = _write(tmp_path, DAMAGED)
    result = CliRunner().invoke(main, ["fix", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == FIXED
    assert "7 fixes applied" in result.stderr
    assert path.read_text(encoding="utf-8") == DAMAGED


def test_cli_diff(tmp_path):
    path = _write(tmp_path, DAMAGED)
    result = CliRunner().invoke(main, ["fix", str(path), "--diff"])
    assert result.exit_code == 0
    assert "-The the ferries" in result.stdout
    assert "+The ferries" in result.stdout
    assert "-Related News" in result.stdout
    assert path.read_text(encoding="utf-8") == DAMAGED


def test_cli_in_place_then_nothing_left(tmp_path):
    path = _write(tmp_path, DAMAGED)
    first = CliRunner().invoke(main, ["fix", str(path), "--in-place"])
    assert first.exit_code == 0
    assert first.stdout == ""
    assert path.read_text(encoding="utf-8") == FIXED
    second = CliRunner().invoke(main, ["fix", str(path), "--in-place", "--diff"])
    assert second.exit_code == 0
    assert second.stdout == ""
    assert "0 fixes applied" in second.stderr


def test_cli_output_file(tmp_path):
    path = _write(tmp_path, DAMAGED)
    out = tmp_path / "fixed.txt"
    result = CliRunner().invoke(main, ["fix", str(path), "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == FIXED
    assert path.read_text(encoding="utf-8") == DAMAGED


def test_cli_keeps_windows_line_ends_in_place(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"A plan.\r\n\r\nThe the end.\r\n")
    assert CliRunner().invoke(main, ["fix", str(path), "--in-place"]).exit_code == 0
    assert path.read_bytes() == b"A plan.\r\n\r\nThe end.\r\n"


@pytest.mark.parametrize("args", [
    ["-o", "{path}"],
    ["--in-place", "-o", "other.txt"],
])
def test_cli_refuses_to_overwrite_without_in_place(tmp_path, args):
    path = _write(tmp_path, DAMAGED)
    result = CliRunner().invoke(main, ["fix", str(path), *[a.format(path=path) for a in args]])
    assert result.exit_code == 2
    assert "mtcheck: error:" in result.stderr
    assert path.read_text(encoding="utf-8") == DAMAGED


def test_cli_missing_file_is_an_input_error(tmp_path):
    result = CliRunner().invoke(main, ["fix", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_cli_bad_boilerplate_pattern_is_a_config_error(tmp_path):
    path = _write(tmp_path, DAMAGED)
    config = tmp_path / "mtcheck.toml"
    config.write_text('boilerplate-patterns = ["(unclosed"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["fix", str(path), "--config", str(config)])
    assert result.exit_code == 2
    assert "not a valid regular expression" in result.stderr
    assert "Traceback" not in result.stderr
