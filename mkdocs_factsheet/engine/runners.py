"""Making the sheets no cache has: in this process, or across forked worker processes.

A runner takes the articles to make, in order, with the positions of those whose parse is not
in the parse cache, and yields one `Made` per article in the same order, streaming: each `Doc`
is dropped once its sheet is out. `choose_runner` picks one per run from the number of parses
it needs; the engine stores what the runner made.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..articles import Article
from ..caching.stores import decode_sheet, encode_doc, encode_sheet
from ..model import FactSheet

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .engine import Engine

# Extra processes are used only for a batch of at least this many parses per process (a
# process that loads its own copy of the pipeline takes about a second to start).
ARTICLES_PER_PROCESS = 8
# Where processes can be forked, each parses and analyses a task of this many articles: the
# pipeline and the compiled rules are inherited, not loaded again, and the rules' work runs in
# parallel too. Elsewhere spaCy's own `n_process` parses and this process analyses.
ARTICLES_PER_TASK = 8
_FORK = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


@dataclass
class Made:
    """One article's sheet as a runner made it, with what the sheet depends on (its record)."""

    sheet: FactSheet
    hits: list[str]  # "party:<id>" / "issue:<id>" of the rules that matched the article
    words: list[str]  # every word form in the article a rule can match
    payload: bytes | None = None  # the sheet as the sheet cache stores it, when a worker encoded it


class Runner(Protocol):
    """Makes the sheets of articles in order (see the module's docstring)."""

    def sheets(self, articles: list[Article], misses: set[int]) -> Iterator[Made]:
        """One `Made` per article, in order; `misses` are the positions whose parse is not cached."""
        ...


def choose_runner(engine: Engine, misses: int, n_process: int) -> Runner:
    """Forked workers when at least two processes have enough parses to do, else this process."""
    processes = max(1, min(n_process, misses // ARTICLES_PER_PROCESS))
    if processes > 1 and _FORK:
        return ForkedRunner(engine, processes)
    return SerialRunner(engine, processes)


def made_by(engine: Engine, article: Article, doc: Doc) -> Made:
    """Extract one article's sheet with the record of what it depends on."""
    extraction = engine._extract(article, doc)
    return Made(extraction.sheet, sorted(extraction.hits), sorted(extraction.words))


class SerialRunner:
    """Analyses in this process; parses what the parse cache lacks in one stream, across up to
    `processes` processes of spaCy's own (where processes cannot be forked)."""

    def __init__(self, engine: Engine, processes: int = 1):
        self.engine = engine
        self.processes = processes

    def sheets(self, articles: list[Article], misses: set[int]) -> Iterator[Made]:
        engine = self.engine
        missed = (articles[index].body for index in sorted(misses))
        parsed = engine.pipeline.parse_many(missed, n_process=self.processes) if misses else iter(())
        for index, article in enumerate(articles):
            doc = engine.keep_parse(article, next(parsed)) if index in misses else engine.parse(article)
            yield made_by(engine, article, doc)


class ForkedRunner:
    """Parses and analyses parse-cache misses in forked processes; the other articles in this one.

    The workers send back each parse and sheet encoded as the caches store them (this process only
    writes them, and decodes a sheet faster than it would unpickle one).
    """

    def __init__(self, engine: Engine, processes: int):
        self.engine = engine
        self.processes = processes

    def sheets(self, articles: list[Article], misses: set[int]) -> Iterator[Made]:
        engine = self.engine
        made = self._in_processes([articles[index] for index in sorted(misses)])
        for index, article in enumerate(articles):
            if index not in misses:
                yield made_by(engine, article, engine.parse(article))
                continue
            parse, result, hits, words = next(made)
            engine.caches.parses.write(engine.key(article), parse)
            engine.parse_count += 1
            if isinstance(result, str):
                raise AnalysisError(f"{article.path}: {result}")
            yield Made(decode_sheet(result), hits, words, result)

    def _in_processes(self, articles: list[Article]) -> Iterator[_Encoded]:
        """What the workers made of the articles, in order (see `_parse_and_analyse`). A worker that dies (a
        crash in spaCy, the kernel's out-of-memory killer) ends the run with an `AnalysisError` rather than
        leaving it waiting for that worker's task forever, as `multiprocessing.Pool` would."""
        tasks = [articles[start : start + ARTICLES_PER_TASK] for start in range(0, len(articles), ARTICLES_PER_TASK)]
        executor = ProcessPoolExecutor(
            self.processes,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_adopt,
            initargs=(self.engine, os.getpid()),
        )
        try:
            with warnings.catch_warnings():
                # Python 3.12+ warns when a process with threads forks (`mkdocs serve` runs a web
                # server thread); the workers never touch what those threads hold. They fork here.
                warnings.filterwarnings("ignore", r"This process .* is multi-threaded", DeprecationWarning)
                made = executor.map(_parse_and_analyse, tasks)
            for results in made:
                yield from results
        except BrokenProcessPool as error:
            raise AnalysisError(
                f"a worker process ended while analysing {len(articles)} article(s): {error}; with "
                "`processes: 1` the article that ends it is the one analysed last"
            ) from error
        finally:
            _stop(executor)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Stop the workers now, whatever they are doing (Ctrl-C, an error, or all made): a task still running
    would otherwise go on for minutes after the build has given up on it."""
    processes = list(getattr(executor, "_processes", {}).values())  # the executor has no public way to kill
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


class AnalysisError(RuntimeError):
    """An article could not be analysed in a worker process (the message names it and the error)."""


# What a worker sends back per article: its parse and its sheet encoded as the caches store them,
# or an error message instead of the sheet; the rules that matched and the article's words.
_Encoded = tuple[bytes, bytes | str, list[str], list[str]]

# The engine of a forked worker: the one piece of process-wide state, and only in a worker. The
# pool's initializer sets it in each worker as it starts (forked, so the engine is inherited with
# the pipeline and the compiled rules, never pickled); the parent never sets it. A task function
# is sent to the pool by name, so it cannot carry the engine itself.
_worker_engine: Engine | None = None


def _adopt(engine: Engine, parent: int) -> None:
    """In a forked worker, as it starts: keep the engine it inherited, and die with its parent."""
    global _worker_engine
    _worker_engine = engine
    _die_with_parent(parent)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with_parent(parent: int) -> None:
    """In a forked worker: end when the parent process ends, however it ends (`kill -9` included).

    Without this a worker whose parent was killed works on through its task (minutes, gigabytes),
    then prints a `BrokenPipeError` traceback sending back what it made. Linux kills the worker
    when the thread that forked it ends (`prctl(PR_SET_PDEATHSIG)`: the workers are forked, all at
    once, by the thread that runs the build, which outlives them); elsewhere, or if that call fails,
    a thread watches the parent's pid. Ctrl-C is the parent's to handle (it stops the workers), and
    a write to a closed pipe ends the worker quietly.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        watched = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # not Linux: no prctl
        watched = False
    if os.getppid() != parent:  # the parent died before the call above took effect
        os._exit(1)
    if not watched:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _parse_and_analyse(articles: list[Article]) -> list[_Encoded]:
    """In a forked worker: parse a task's articles in one batch, and extract each one's sheet."""
    engine = _worker_engine
    assert engine is not None, "runs only in a worker started by ForkedRunner"
    return [
        (doc, sheet, hits, words) for doc, sheet, hits, words in encoded_batch(engine, articles) if sheet is not None
    ]


def encoded_batch(
    engine: Engine, articles: list[Article], sheets: bool = True
) -> list[tuple[bytes, bytes | str | None, list[str], list[str]]]:
    """Parse articles in one stream and, with `sheets`, extract each one's sheet: per article the encoded doc,
    the encoded sheet (an error's text when extraction failed, None without `sheets`), hits and words."""
    results: list[tuple[bytes, bytes | str | None, list[str], list[str]]] = []
    for article, doc in zip(articles, engine.pipeline.parse_many(article.body for article in articles), strict=True):
        if not sheets:
            results.append((encode_doc(doc), None, [], []))
            continue
        try:
            made = made_by(engine, article, doc)
        except Exception as error:  # noqa: BLE001 - reported by the caller, which names the article
            results.append((encode_doc(doc), f"{type(error).__name__}: {error}", [], []))
            continue
        results.append((encode_doc(doc), encode_sheet(made.sheet), made.hits, made.words))
    return results
