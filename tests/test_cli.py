from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtcheck.cli import main

CLEAN = "Officials met on Monday. They agreed on a plan.\n"
BROKEN = "The the officials met. Related News\n\nRelated News\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_clean_passes_with_exit_0(runner, tmp_path):
    result = runner.invoke(main, ["check", _write(tmp_path, "a.txt", CLEAN)])
    assert result.exit_code == 0, result.output
    assert "PASS" in result.stdout


def test_broken_fails_with_exit_1_and_compiler_style_lines(runner, tmp_path):
    path = _write(tmp_path, "b.txt", BROKEN)
    result = runner.invoke(main, ["check", path])
    assert result.exit_code == 1
    assert f"{path}:1:1: minor [broken.doubled-word]" in result.stdout


def test_json_is_one_object_with_exact_offsets(runner, tmp_path):
    path = _write(tmp_path, "b.txt", BROKEN)
    result = runner.invoke(main, ["check", "--format", "json", path])
    report = json.loads(result.stdout)
    assert report["schema"] == "mtcheck-report/1"
    for f in report["documents"][0]["findings"]:
        assert BROKEN[f["start"]:f["end"]] == f["text"]


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_every_format_writes_output_file(runner, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(main, ["check", "--format", fmt, "-o", str(out),
                                  _write(tmp_path, "b.txt", BROKEN)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "doubled-word" in out.read_text(encoding="utf-8")


def test_stdin(runner):
    result = runner.invoke(main, ["check", "-"], input=BROKEN.encode())
    assert result.exit_code == 1
    assert "<stdin>:1:1" in result.stdout


def test_fail_under_and_ignore(runner, tmp_path):
    path = _write(tmp_path, "b.txt", BROKEN)
    assert runner.invoke(main, ["check", "--fail-under", "0", path]).exit_code == 0
    result = runner.invoke(main, ["check", "--ignore", "broken,boilerplate", path])
    assert result.exit_code == 0
    assert "[broken" not in result.stdout


@pytest.mark.parametrize(("content", "message"), [
    (b"\x00\x01\x02binary", "binary"),
    (b"caf\xe9 au lait", "not valid UTF-8 at byte offset 3"),
])
def test_bad_input_exits_2_with_a_message(runner, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_unknown_rule_and_missing_file_exit_2(runner, tmp_path):
    path = _write(tmp_path, "a.txt", CLEAN)
    result = runner.invoke(main, ["check", "--select", "brokn", path])
    assert result.exit_code == 2
    assert "did you mean 'broken'" in result.stderr
    result = runner.invoke(main, ["check", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_and_whitespace_input_give_a_clean_report(runner, tmp_path, text):
    result = runner.invoke(main, ["check", "--format", "json", _write(tmp_path, "e.txt", text)])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)["documents"][0]
    assert doc["words"] == 0
    assert doc["score"] == 100


def test_config_file_is_found_next_to_the_input(runner, tmp_path):
    (tmp_path / "mtcheck.toml").write_text('ignore = ["broken", "boilerplate"]\n')
    assert runner.invoke(main, ["check", _write(tmp_path, "b.txt", BROKEN)]).exit_code == 0


def test_rules_lists_table_and_json(runner):
    table = runner.invoke(main, ["rules"])
    assert "broken.doubled-word" in table.stdout
    rules = json.loads(runner.invoke(main, ["rules", "--format", "json"]).stdout)
    assert {r["category"] for r in rules} >= {"untranslated", "name", "broken", "boilerplate",
                                              "encoding"}
    assert all(r["bad"] and r["good"] for r in rules)


def test_version(runner):
    assert runner.invoke(main, ["--version"]).stdout.startswith("mtcheck, version ")


def test_output_file_gets_normal_permissions_and_keeps_existing_mode(runner, tmp_path):
    out = tmp_path / "report.json"
    runner.invoke(main, ["check", "--format", "json", "-o", str(out),
                         _write(tmp_path, "a.txt", CLEAN)])
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()
    out.chmod(0o640)
    runner.invoke(main, ["check", "--format", "json", "-o", str(out),
                         _write(tmp_path, "a.txt", CLEAN)])
    assert out.stat().st_mode & 0o777 == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_python_dash_m_runs_the_command_line():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "mtcheck", "--version"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0
    assert "mtcheck" in done.stdout
