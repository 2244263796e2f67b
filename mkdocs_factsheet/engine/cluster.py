"""Parsing on a Dask distributed cluster: the parses (and fact sheets) stream back into this process's caches.

`parse_on_cluster` sends the articles whose parse (or sheet) is missing from the caches to the
cluster's workers in batches, and writes each batch's results into the caches as it comes back,
so the next `mkdocs build` (or `extract`) finds them there. Dask does the distribution, the
retries and the recovery from a lost worker: a batch whose worker died is run again elsewhere,
and a batch whose results are already written is never asked for twice.

Each worker loads the pipeline once, through a worker plugin (`dask_worker.PipelineLoader`): the plugin
instance lives in the worker (`Worker.plugins`), holds that worker's engine, and is what a batch
asks for it. No module global holds anything. With `sheets=True` the rules go to the workers
with the plugin (pickled once per worker) and each batch sends back the fact sheets too, made as
this process would make them, byte for byte; they are written as encoded, never decoded here.
Only the process that calls `parse_on_cluster` writes to the cache: the workers need no access to it,
and there is no concurrent writer. The longest articles go first, in batches of similar length.

`dask` and `distributed` are an optional extra (`pip install mkdocs-factsheet[dask]`); this
module imports them only when it runs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..articles import Article
from .runners import encoded_batch

if TYPE_CHECKING:
    from .engine import Engine

PLUGIN_NAME = "mkdocs-factsheet-pipeline"
"""The name the worker plugin is registered under (`dask_worker.PipelineLoader`)."""
BATCH = 16
"""Articles per task: spaCy parses a batch in one `nlp.pipe` stream (the plugin's batch size)."""
GLIBC_TRIM = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"
"""Dask starts its workers with glibc's trim threshold set, which also fixes the threshold above which
every allocation is mapped afresh: each parse's large arrays then cost page faults (on 200 articles
a worker spent 3.7 s in the kernel instead of 1.6 s, and the run took 8 % longer). A LocalCluster's
workers start without it, as one process runs; see the performance guide for a real cluster's."""

# What a batch sends back per article: its parse as the parse cache stores it, and with the rules
# its sheet as the sheet cache stores it (or the error that stopped its analysis), hits and words.
Result = tuple[bytes, bytes | str | None, list[str], list[str]]


class MissingDask(RuntimeError):
    """`dask` and `distributed` are not installed."""


@dataclass
class ClusterReport:
    """What a run did: articles sent to the workers, and written back."""

    articles: int = 0
    parsed: int = 0
    sheets: int = 0
    batches: int = 0


def parse_batch(articles: list[Article], fingerprint: str, sheets: bool) -> list[Result]:
    """On a worker: parse a batch in one stream, and with the rules make each article's sheet."""
    from distributed import get_worker

    loader: Any = get_worker().plugins[PLUGIN_NAME]  # a `dask_worker.PipelineLoader`
    engine = loader.engine
    if engine is None or engine.fingerprint != fingerprint:
        raise RuntimeError(
            f"the worker's pipeline {loader.model!r} is not the one the cache is keyed by ({fingerprint}); "
            "install the same spaCy and pipeline versions on every worker"
        )
    return encoded_batch(engine, articles, sheets)


def parse_on_cluster(
    engine: Engine,
    articles: list[Article],
    client: Any,
    *,
    sheets: bool = True,
    batch: int = BATCH,
    retries: int = 2,
    progress: Callable[[ClusterReport], None] | None = None,
) -> ClusterReport:
    """Parse (and with `sheets`, analyse) on `client`'s cluster what the caches lack; write it into them."""
    report = ClusterReport()
    # Longest first: the last batches to finish are the shortest, so no worker waits long on another at the end.
    todo = sorted(_missing(engine, articles, sheets), key=lambda article: len(article.body), reverse=True)
    report.articles = len(todo)
    if not todo:
        return report
    as_completed = _distributed().as_completed
    from .dask_worker import PipelineLoader

    client.register_plugin(PipelineLoader(engine.model, engine.rules if sheets else None), name=PLUGIN_NAME)
    batches = [todo[start : start + batch] for start in range(0, len(todo), batch)]
    futures = {
        client.submit(parse_batch, part, engine.fingerprint, sheets, retries=retries, pure=False): part
        for part in batches
    }
    errors: list[str] = []
    for future in as_completed(futures):
        part = futures.pop(future)
        for article, result in zip(part, future.result(), strict=True):
            report.parsed += 1
            kept = _keep(engine, article, result)
            if isinstance(kept, str):
                errors.append(f"{article.path}: {kept}")
            elif kept:
                report.sheets += 1
        future.release()
        report.batches += 1
        if progress:
            progress(report)
    if errors:
        raise RuntimeError("articles could not be analysed on the cluster:\n  " + "\n  ".join(errors))
    return report


def run_on_cluster(engine: Engine, articles: list[Article], scheduler: str | None, workers: int, sheets: bool) -> str:
    """`mkdocs-factsheet parse`: `parse_on_cluster` on the cluster at `scheduler` (or a LocalCluster); a summary.

    ValueError without a cache folder (there would be nowhere to put the results).
    """
    folder = engine.caches.parses.directory
    if folder is None:
        raise ValueError("parsing on a cluster fills the cache: give --cache (or a cache_dir in mkdocs.yml)")
    with dask_client(scheduler, workers) as client:
        report = parse_on_cluster(engine, articles, client, sheets=sheets)
    return (
        f"{report.parsed} parsed and {report.sheets} fact sheets written to {folder.parent} "
        f"in {report.batches} batches; {len(articles) - report.articles} were in the cache already"
    )


@contextlib.contextmanager
def dask_client(scheduler: str | None, local_workers: int) -> Iterator[Any]:
    """A client of the cluster at `scheduler`, or of a `LocalCluster` of `local_workers` processes (closed after)."""
    distributed = _distributed()
    if scheduler:
        with distributed.Client(scheduler) as client:
            yield client
        return
    with (
        _dask_config().set({GLIBC_TRIM: None}),  # read by each nanny as it is made, and kept for its restarts
        distributed.LocalCluster(
            n_workers=local_workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _dask_config() -> Any:
    import dask

    return dask.config


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as error:  # the extra is not installed
        raise MissingDask("parsing on a Dask cluster needs `pip install mkdocs-factsheet[dask]`") from error
    return distributed


def _missing(engine: Engine, articles: list[Article], sheets: bool) -> list[Article]:
    """The articles whose parse, or with `sheets` whose fact sheet, is not in the caches (one per text)."""
    seen: set[str] = set()
    todo = []
    for article in articles:
        key = engine.sheet_key(article) if sheets else None
        if key and engine.caches.sheets.contains(key):
            continue
        if not sheets and engine.caches.parses.contains(engine.key(article)):
            continue
        marker = key or engine.key(article)
        if marker not in seen:
            seen.add(marker)
            todo.append(article)
    return todo


def _keep(engine: Engine, article: Article, result: Result) -> bool | str:
    """Write one article's results into the caches: True if its sheet was written, or the error that stopped it.

    The sheet is written as the worker encoded it, never decoded here: this process only fills the caches.
    """
    parse, sheet, hits, words = result
    engine.caches.parses.write(engine.key(article), parse)
    engine.parse_count += 1
    if sheet is None or isinstance(sheet, str):
        return sheet or False
    return engine.store_encoded(article, sheet, hits, words)
