from __future__ import annotations

import json
import statistics
import sys
from concurrent.futures import FIRST_COMPLETED, Future
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from mtcheck.audit import _pipelined
from mtcheck.audit_sources import Article, BadInput, iter_inputs, read_article
from mtcheck.audit_state import Aggregate, Summary, open_state
from mtcheck.cli import main
from mtcheck.config import Config

CLEAN = [
    "The council approved the new budget on Tuesday. Members said it would fund schools.\n",
    "The harbour reopened after the storm. Fishermen returned to work the next morning.\n",
    "A new library opened in the old market hall. Readers queued before the doors opened.\n",
]
BROKEN = [
    "The the council met on Monday.\n\nRelated News\n",
    "Farmers said said the rain came late.\n\nRelated News\n",
]


def _corpus(folder: Path, copies: int = 3) -> list[str]:
    names = []
    for k in range(copies):
        for i, text in enumerate(CLEAN + BROKEN):
            sub = folder / f"part{k}"
            sub.mkdir(parents=True, exist_ok=True)
            path = sub / f"doc{i}.txt"
            path.write_text(text, encoding="utf-8")
            names.append(str(path))
    return names


def _audit(*args: str) -> tuple[int, dict, str]:
    result = CliRunner().invoke(main, ["audit", "--format", "json", *args])
    data = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, data, result.stderr


def test_directory_audit_counts_pass_rate_and_exit_1(tmp_path):
    _corpus(tmp_path / "c", copies=2)
    code, data, _ = _audit("--jobs", "1", str(tmp_path / "c"))
    s = data["summary"]
    assert code == 1
    assert (s["documents"], s["passed"], s["failed"], s["errors"]) == (10, 6, 4, 0)
    assert s["pass_rate"] == 0.6
    assert s["by_rule"]["broken.doubled-word"] == 4
    assert s["by_category"]["broken"] >= 4
    assert [w["passed"] for w in data["worst"][:4]] == [False] * 4
    assert s["score"]["max"] == 100.0
    assert s["score"]["min"] < 95


def test_clean_corpus_exits_0(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    for i, text in enumerate(CLEAN):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    code, data, _ = _audit("--jobs", "1", str(folder))
    assert code == 0
    assert data["summary"]["passed"] == len(CLEAN)


def test_companions_are_paired_not_counted(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(CLEAN[0], encoding="utf-8")
    (folder / "a.src.txt").write_text("Der Rat hat den Haushalt gebilligt.\n", encoding="utf-8")
    (folder / "a.ref.txt").write_text(CLEAN[0], encoding="utf-8")
    (folder / "b.txt").write_text(CLEAN[1], encoding="utf-8")
    code, data, _ = _audit("--jobs", "1", str(folder))
    assert code in (0, 1)
    assert data["summary"]["documents"] == 2
    assert {w["id"] for w in data["worst"]} == {str(folder / "a.txt"), str(folder / "b.txt")}
    article = read_article(folder / "a.txt")
    assert article.source is not None
    assert article.source.startswith("Der Rat")
    assert article.reference == CLEAN[0]
    assert read_article(folder / "b.txt").source is None


def test_resume_after_a_kill_counts_every_document_once(tmp_path):
    _corpus(tmp_path / "c")
    full_state = tmp_path / "full.jsonl"
    code, full, _ = _audit("--jobs", "1", "--state", str(full_state), str(tmp_path / "c"))
    lines = full_state.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == 1 + 15
    # A run killed mid-write: a header, six whole lines and half of the seventh.
    partial = tmp_path / "partial.jsonl"
    partial.write_text("".join(lines[:7]) + lines[7][: len(lines[7]) // 2], encoding="utf-8")
    code2, resumed, _ = _audit("--jobs", "1", "--state", str(partial), str(tmp_path / "c"))
    assert code2 == code == 1
    assert resumed["summary"]["resumed"] == 6
    assert {**resumed["summary"], "resumed": 0} == full["summary"]
    assert resumed["worst"] == full["worst"]
    rows = [json.loads(line) for line in partial.read_text(encoding="utf-8").splitlines()[1:]]
    assert sorted(r["id"] for r in rows) == sorted(json.loads(x)["id"] for x in lines[1:])
    # A third run finds everything done and checks nothing.
    _, again, _ = _audit("--jobs", "1", "--state", str(partial), str(tmp_path / "c"))
    assert again["summary"]["resumed"] == 15
    assert again["summary"] == resumed["summary"] | {
        "resumed": 15}


def test_state_file_guards(tmp_path):
    _corpus(tmp_path / "c", copies=1)
    state = tmp_path / "s.jsonl"
    _audit("--jobs", "1", "--state", str(state), str(tmp_path / "c"))
    code, _, err = _audit("--jobs", "1", "--state", str(state), "--fail-under", "50",
                          str(tmp_path / "c"))
    assert code == 2
    assert "another configuration" in err
    lines = state.read_text(encoding="utf-8").splitlines(keepends=True)
    state.write_text(lines[0] + "{garbage\n" + "".join(lines[1:]), encoding="utf-8")
    code, _, err = _audit("--jobs", "1", "--state", str(state), str(tmp_path / "c"))
    assert code == 2
    assert "s.jsonl:2: corrupt state line" in err
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": "x"}\n', encoding="utf-8")
    code, _, err = _audit("--jobs", "1", "--state", str(other), str(tmp_path / "c"))
    assert code == 2
    assert "not an mtcheck audit state file" in err


def test_one_and_two_jobs_give_the_same_aggregate(tmp_path):
    _corpus(tmp_path / "c")
    # Cheap rules only: each spawned worker would otherwise load every word list first.
    fast = ("--select", "broken,boilerplate")
    _, one, _ = _audit(*fast, "--jobs", "1", str(tmp_path / "c"))
    _, two, _ = _audit(*fast, "--jobs", "2", "--chunk-size", "2", str(tmp_path / "c"))
    assert one["summary"]["documents"] == 15
    assert one == two


def test_jsonl_with_bad_lines_reports_file_line_and_goes_on(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    rows = [
        json.dumps({"id": "a", "text": CLEAN[0]}),
        "{not json",
        json.dumps({"id": "b"}),
        "",
        json.dumps({"id": 7, "text": BROKEN[0], "src_lang": "de", "source": "Der Rat."}),
        json.dumps({"id": "a", "text": CLEAN[1]}),
        json.dumps(["a list"]),
        json.dumps({"id": "c", "text": CLEAN[2], "reference": 3}),
    ]
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, data, err = _audit("--jobs", "1", str(corpus))
    assert code == 2
    s = data["summary"]
    assert (s["documents"], s["failed"], s["errors"]) == (2, 1, 5)
    for where in (":2: not valid JSON", ":3: article 'b': 'text' must be a string",
                  ":6: duplicate id 'a'", ":7: expected a JSON object",
                  ":8: article 'c': 'reference' must be a string"):
        assert f"{corpus}{where}" in err
    assert len(data["errors"]) == 5
    assert {w["id"] for w in data["worst"]} == {"a", "7"}


def test_globs_missing_inputs_and_unreadable_files(tmp_path):
    _corpus(tmp_path / "c", copies=1)
    (tmp_path / "c" / "part0" / "bad.txt").write_bytes(b"caf\xe9 au lait\n")
    pattern = str(tmp_path / "c" / "**" / "doc[0-2].txt")
    code, data, err = _audit("--jobs", "1", pattern, str(tmp_path / "nowhere"),
                             str(tmp_path / "c" / "part0" / "bad.txt"))
    assert code == 2
    assert data["summary"]["documents"] == 3
    assert data["summary"]["errors"] == 2
    assert "nowhere: no such file or directory" in err
    assert "bad.txt: not valid UTF-8" in err


def test_an_empty_directory_is_an_input_error(tmp_path):
    (tmp_path / "empty").mkdir()
    code, data, err = _audit("--jobs", "1", str(tmp_path / "empty"))
    assert code == 2
    assert data["summary"]["documents"] == 0
    assert "no *.txt article" in err


def test_text_and_markdown_reports_to_a_file(tmp_path):
    _corpus(tmp_path / "c", copies=1)
    for fmt, marker in (("text", "pass rate 60.0%"), ("markdown", "# mtcheck corpus audit")):
        out = tmp_path / f"audit.{fmt}"
        result = CliRunner().invoke(main, ["audit", "--jobs", "1", "--format", fmt, "-o",
                                           str(out), "--worst", "2", str(tmp_path / "c")])
        assert result.exit_code == 1
        assert result.stdout == ""
        report = out.read_text(encoding="utf-8")
        assert marker in report
        assert "broken.doubled-word" in report


def test_progress_lines_when_asked_off_a_terminal(tmp_path):
    _corpus(tmp_path / "c", copies=1)
    result = CliRunner().invoke(main, ["audit", "--jobs", "1", "--progress",
                                       str(tmp_path / "c")])
    assert "audit: 5/5 documents" in result.stderr
    assert "words/s" in result.stderr
    quiet = CliRunner().invoke(main, ["audit", "--jobs", "1", str(tmp_path / "c")])
    assert quiet.stderr == ""


def test_dask_engine_without_dask_exits_2(tmp_path, monkeypatch):
    _corpus(tmp_path / "c", copies=1)
    monkeypatch.setitem(sys.modules, "distributed", None)
    code, _, err = _audit("--engine", "dask", str(tmp_path / "c"))
    assert code == 2
    assert "install mtcheck[dask]" in err


def test_dask_engine_matches_local(tmp_path):
    pytest.importorskip("distributed")
    _corpus(tmp_path / "c", copies=1)
    fast = ("--select", "broken,boilerplate")
    _, local, _ = _audit(*fast, "--jobs", "1", str(tmp_path / "c"))
    code, dask, err = _audit(*fast, "--engine", "dask", "--jobs", "1", str(tmp_path / "c"))
    assert code == 1, err
    assert dask == local


def test_dask_engine_on_an_existing_scheduler(tmp_path):
    distributed = pytest.importorskip("distributed")
    _corpus(tmp_path / "c", copies=1)
    _, local, _ = _audit("--jobs", "1", str(tmp_path / "c"))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        code, dask, err = _audit("--engine", "dask", "--scheduler", cluster.scheduler_address,
                                 str(tmp_path / "c"))
    assert code == 1, err
    assert dask == local


def test_scheduler_needs_the_dask_engine(tmp_path):
    code, _, err = _audit("--scheduler", "tcp://127.0.0.1:1", str(tmp_path))
    assert code == 2
    assert "--scheduler needs --engine dask" in err


def test_inputs_stream_lazily(tmp_path):
    names = _corpus(tmp_path / "c", copies=1)
    stream = iter_inputs([str(tmp_path / "c"), str(tmp_path / "missing")])
    first = next(stream)
    assert isinstance(first, Article)
    assert first.id == str(Path(names[0]))
    rest = list(stream)
    assert isinstance(rest[-1], BadInput)
    assert len(rest) == len(names)


def test_pipeline_keeps_a_bounded_number_of_chunks_in_flight():
    pending_sizes = []

    def submit(chunk: list) -> Future:
        future: Future = Future()
        future.set_result([len(chunk)])
        return future

    def wait_for(pending: set, return_when: str) -> tuple[set, set]:
        assert return_when == FIRST_COMPLETED
        pending_sizes.append(len(pending))
        first = next(iter(pending))
        return {first}, pending - {first}

    work = ([Article(str(i), "x")] for i in range(50))
    assert sum(r[0] for r in _pipelined(submit, wait_for, work, 4)) == 50
    assert max(pending_sizes) == 4


def _summary(i: int, score: float) -> Summary:
    return Summary(f"d{i}", 10, score, score >= 95, 1, {"broken": 1}, {"broken.x": 1},
                   {"minor": 1})


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=200))
def test_aggregate_quantiles_are_exact_and_order_independent(hundredths):
    scores = [h / 100 for h in hundredths]
    forward, backward = Aggregate(worst_n=3), Aggregate(worst_n=3)
    for i, score in enumerate(scores):
        forward.add(_summary(i, score))
    for i, score in reversed(list(enumerate(scores))):
        backward.add(_summary(i, score))
    assert forward.to_dict() == backward.to_dict()
    ranked = sorted(scores)
    assert forward.quantile(0.5) == statistics.median_low(ranked)
    assert forward.quantile(0.1) == ranked[max(0, -(-len(ranked) // 10) - 1)]
    assert forward.to_dict()["summary"]["score"]["mean"] == round(sum(hundredths) / len(
        hundredths) / 100, 2)
    assert [w["score"] for w in forward.to_dict()["worst"]] == ranked[:3]


def test_state_round_trip(tmp_path):
    config = Config()
    state, done = open_state(tmp_path / "s.jsonl", config)
    assert done == []
    state.append(_summary(1, 90.5))
    state.close()
    again, done = open_state(tmp_path / "s.jsonl", config)
    again.close()
    assert done == [_summary(1, 90.5)]
