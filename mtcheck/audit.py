"""`mtcheck audit`: a parallel, resumable corpus audit with an aggregate report.

Inputs stream in (`audit_sources`), go out in chunks to a process pool or a dask
cluster (`check_chunk`), and come back as per-document summaries that are appended
to the state file and folded into the aggregate (`audit_state`). Findings and
texts never accumulate, so memory stays flat however large the corpus.

Input errors (an unreadable file, a bad JSONL line) are printed on stderr as
`where: message` as they happen; the audit goes on, counts them, and exits 2 at
the end, since a corpus with unreadable parts has not been fully audited.
Otherwise it exits 1 when a document failed and 0 when all passed.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import ExitStack, contextmanager
from functools import partial
from typing import Any

import click

from mtcheck.audit_sources import Article, BadInput, Item, count_documents, iter_inputs
from mtcheck.audit_state import Aggregate, Failure, Summary, check_chunk, chunks, open_state
from mtcheck.cli import (
    config_options,
    errors_as_exit,
    fail,
    resolve_config,
    split_rules,
    write_output,
)
from mtcheck.config import Config
from mtcheck.errors import UsageError

Outcome = list[Summary | Failure]
Progress = Callable[[int], None]

# A chunk is the unit of work sent to a worker: big enough to amortise the
# transfer, small enough that a killed run loses little and the bar moves.
CHUNK_DOCS = 16
CHUNK_CHARS = 1_000_000


def default_jobs() -> int:
    """The number of cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def run_local(config: Config, work: Iterable[list[Article]], jobs: int) -> Iterator[Outcome]:
    """Check chunks in this process (`jobs` 1) or in a pool of `jobs` processes."""
    if jobs <= 1:
        for chunk in work:
            yield check_chunk(config, chunk)
        return
    if _can_fork():
        # The word lists and lexicons take most of a fresh process's first second:
        # loaded here once, forked workers share them (copy-on-write) and start at once.
        warm(config)
        gc.freeze()  # the children's collector then never touches (and copies) them
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
    else:
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=warm, initargs=(config,))
    with pool:
        yield from _pipelined(lambda chunk: pool.submit(check_chunk, config, chunk), wait,
                              work, 2 * jobs)


def _can_fork() -> bool:
    """fork where it is safe and cheap: on Linux, from a process that runs no other
    thread (forking one that does can deadlock); spawn everywhere else."""
    return (sys.platform.startswith("linux") and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


# Checked once before the workers start, to load what a check reads lazily (word
# tables, lexicons, rule modules, compiled patterns). An untranslated phrase makes
# the source-language vote, and with it every language's table, run too.
_WARM_UP = Article("<warm-up>", "Officials met in the capital on Monday. The minister called "
                   "the agreement ein guter Anfang and said talks would go on next week.\n")


def warm(config: Config) -> None:
    """Fill this process's caches before it checks real documents; results do not change."""
    from mtcheck.wordlists import preload

    preload()
    check_chunk(config, [_WARM_UP])


def run_dask(config: Config, work: Iterable[list[Article]], jobs: int,
             scheduler: str | None) -> Iterator[Outcome]:
    """Check chunks on a dask cluster: a local one with `jobs` workers, or `scheduler`'s."""
    try:
        # Typed as Any: dask is an optional extra, present or not where mypy runs.
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise UsageError("--engine dask needs dask.distributed: install mtcheck[dask]") from None
    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(distributed.Client(scheduler))
        else:
            cluster = stack.enter_context(distributed.LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None))
            client = stack.enter_context(distributed.Client(cluster))
        threads = max(1, sum(client.nthreads().values()))
        submit = partial(client.submit, check_chunk, config, pure=False)
        yield from _pipelined(submit, distributed.wait, work, 2 * threads)


def _pipelined(submit: Callable[[list[Article]], Any], wait_for: Callable[..., Any],
               work: Iterable[list[Article]], in_flight: int) -> Iterator[Outcome]:
    """Keep at most `in_flight` chunks submitted; yield each result as it completes.

    Works for concurrent.futures and dask futures alike; bounding the queue is what
    keeps memory flat when the input is much faster to read than to check.
    """
    pending: set[Any] = set()
    for chunk in work:
        pending.add(submit(chunk))
        while len(pending) >= in_flight:
            done, pending = wait_for(pending, return_when=FIRST_COMPLETED)
            pending = set(pending)
            for future in done:
                yield future.result()
    while pending:
        done, pending = wait_for(pending, return_when=FIRST_COMPLETED)
        pending = set(pending)
        for future in done:
            yield future.result()


def _todo(items: Iterable[Item], done: Collection[str], aggregate: Aggregate,
          advance: Progress) -> Iterator[Article]:
    """The articles still to check; errors are reported and counted, done ones skipped."""
    for item in items:
        if isinstance(item, BadInput):
            _report_error(aggregate, str(item))
            advance(1)
        elif item.id in done:
            advance(1)
        else:
            yield item


def _report_error(aggregate: Aggregate, message: str) -> None:
    click.echo(f"mtcheck: {message}", err=True)
    aggregate.error(message)


class _LineProgress:
    """Progress as occasional lines, for logs that are not a terminal (`--progress`)."""

    def __init__(self, total: int) -> None:
        self.total, self.count, self.last = total, 0, 0.0

    def __call__(self, n: int) -> None:
        self.count += n
        now = time.monotonic()
        if now - self.last >= 2.0 or self.count >= self.total:
            self.last = now
            click.echo(f"audit: {self.count}/{self.total} documents", err=True)


@contextmanager
def progress(show: bool | None, inputs: tuple[str, ...]) -> Iterator[Progress]:
    """A bar on a terminal, lines with `--progress` elsewhere, nothing otherwise."""
    tty = sys.stderr.isatty()
    if show is False or (show is None and not tty):
        yield lambda n: None
        return
    total = count_documents(inputs)
    if tty:
        with click.progressbar(length=total, label="auditing", file=sys.stderr) as bar:
            yield bar.update
    else:
        yield _LineProgress(total)


@click.command("audit")
@click.argument("inputs", nargs=-1, required=True, metavar="DIR|GLOB|FILE.jsonl...")
@click.option("--jobs", "-j", type=click.IntRange(1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--state", "state_path", type=click.Path(dir_okay=False),
              help="Resumable state: a JSON-lines file of finished documents.")
@click.option("--format", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "json", "markdown"]))
@click.option("--output", "-o", default=None, help="Write the aggregate report to a file.")
@click.option("--worst", type=click.IntRange(0), default=10, show_default=True,
              help="How many of the lowest-scoring documents to list.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Process pool here, or a dask.distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="An existing dask scheduler to use.")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Progress on stderr (default: only on a terminal).")
@click.option("--chunk-size", type=click.IntRange(1), default=CHUNK_DOCS, show_default=True,
              help="Documents per unit of work sent to a worker.")
@config_options
def audit_command(inputs: tuple[str, ...], jobs: int | None, state_path: str | None, fmt: str,
                  output: str | None, worst: int, engine: str, scheduler: str | None,
                  show_progress: bool | None, chunk_size: int, src_lang: str | None,
                  tgt_lang: str | None, config_path: str | None, select: tuple[str, ...],
                  ignore: tuple[str, ...], fail_under: float | None, glossary: str | None,
                  encoding: str | None) -> None:
    """Audit a corpus: directories (*.txt, with .src.txt/.ref.txt), globs or JSONL files.

    JSONL lines are {"id", "text", "source"?, "reference"?, "src_lang"?}. Exit
    status: 0 when every document passed, 1 when one failed, 2 on any input error
    (each is reported as file:line and the audit goes on).
    """
    from mtcheck.audit_report import render_audit

    if scheduler and engine != "dask":
        fail("--scheduler needs --engine dask")
    with errors_as_exit():
        config = resolve_config(config_path, inputs[0], select=split_rules(select),
                                ignore=split_rules(ignore), threshold=fail_under,
                                src_lang=src_lang, tgt_lang=tgt_lang, glossary=glossary)
        aggregate = Aggregate(worst_n=worst)
        done: set[str] = set()
        state = None
        if state_path:
            state, previous = open_state(state_path, config)
            for summary in previous:
                if summary.id not in done:
                    done.add(summary.id)
                    aggregate.add(summary)
            aggregate.resumed = len(done)
        workers = jobs or default_jobs()
        words_before = aggregate.words
        started = time.perf_counter()
        try:
            with progress(show_progress, inputs) as advance:
                todo = _todo(iter_inputs(inputs, encoding), done, aggregate, advance)
                work = chunks(todo, chunk_size, CHUNK_CHARS)
                runs = (run_dask(config, work, workers, scheduler) if engine == "dask"
                        else run_local(config, work, workers))
                for outcome in runs:
                    for result in outcome:
                        if isinstance(result, Failure):
                            _report_error(aggregate, f"{result.id}: {result.message}")
                        else:
                            aggregate.add(result)
                            if state is not None:
                                state.append(result)
                    advance(len(outcome))
        finally:
            if state is not None:
                state.close()
        elapsed = time.perf_counter() - started
        if show_progress or (show_progress is None and sys.stderr.isatty()):
            checked = aggregate.words - words_before
            rate = checked / elapsed if elapsed > 0 else 0.0
            click.echo(f"audit: {aggregate.documents - aggregate.resumed} documents, "
                       f"{checked} words checked in "
                       f"{elapsed:.1f} s ({rate:,.0f} words/s)", err=True)
        write_output(render_audit(aggregate, config, fmt), output)
    sys.exit(2 if aggregate.errors else 1 if aggregate.passed < aggregate.documents else 0)
