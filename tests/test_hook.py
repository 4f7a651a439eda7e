from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtcheck.cli import main

CLEAN = "The council approved the new budget on Tuesday. Members said it would fund schools.\n"
BROKEN = "The the council met on Monday.\n\nRelated News\n"
HOOKS = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _hook(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["hook", *args])
    return result.exit_code, result.stdout, result.stderr


def test_passing_articles_are_silent(tmp_path):
    code, out, err = _hook(_write(tmp_path, "a.txt", CLEAN), _write(tmp_path, "b.md", CLEAN))
    assert (code, out, err) == (0, "", "")


def test_failing_article_is_blocked_with_findings_and_a_reason(tmp_path):
    clean = _write(tmp_path, "a.txt", CLEAN)
    broken = _write(tmp_path, "b.txt", BROKEN)
    code, out, _ = _hook(clean, broken)
    assert code == 1
    assert clean not in out
    assert f"{broken}:1:1: minor [broken.doubled-word] " in out
    reason = [line for line in out.splitlines() if "blocked:" in line]
    assert len(reason) == 1
    match = re.fullmatch(rf"{re.escape(broken)}: blocked: score (\d+\.\d) < 95 \((.+)\)",
                         reason[0])
    assert match is not None, reason
    assert float(match.group(1)) < 95
    assert re.search(r"\b\d+ broken\b", match.group(2))
    assert re.search(r"\b\d+ boilerplate\b", match.group(2))


def test_fail_under_and_ignore_unblock(tmp_path):
    broken = _write(tmp_path, "b.txt", BROKEN)
    assert _hook("--fail-under", "0", broken)[0] == 0
    assert _hook("--ignore", "broken,boilerplate", broken)[0] == 0


def test_a_staged_companion_checks_its_article(tmp_path):
    _write(tmp_path, "b.txt", BROKEN)
    source = _write(tmp_path, "b.src.txt", "Der Rat tagte am Montag.\n")
    code, out, _ = _hook(source)
    assert code == 1
    assert "b.txt: blocked" in out
    orphan = _write(tmp_path, "lonely.ref.txt", CLEAN)
    assert _hook(orphan) == (0, "", "")


def test_bad_input_exits_2_and_no_files_is_a_pass(tmp_path):
    code, _, err = _hook(str(tmp_path / "missing.txt"))
    assert code == 2
    assert "no such file" in err
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    assert _hook(str(tmp_path / "bin.txt"))[0] == 2
    assert _hook() == (0, "", "")


def test_stdin():
    result = CliRunner().invoke(main, ["hook", "-"], input=BROKEN.encode())
    assert result.exit_code == 1
    assert "<stdin>: blocked" in result.stdout


def _hook_definition() -> dict[str, str]:
    text = HOOKS.read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert entries[0].startswith("- id: ")
    fields = {}
    for line in entries:
        key, _, value = line.lstrip("- ").partition(": ")
        fields[key] = value
    return fields


def test_pre_commit_hook_definition():
    hook = _hook_definition()
    assert hook["id"] == "mtcheck"
    assert hook["entry"] == "mtcheck hook"
    assert hook["language"] == "python"
    assert hook["types"] == "[text]"
    pattern = re.compile(hook["files"])
    for name, wanted in (("news/a.txt", True), ("b.md", True), ("setup.py", False),
                         ("notes.txt.bak", False)):
        assert bool(pattern.search(name)) is wanted, name


@pytest.mark.parametrize("command", ["hook", "audit", "serve"])
def test_commands_are_listed(command):
    result = CliRunner().invoke(main, ["--help"])
    assert command in result.stdout
