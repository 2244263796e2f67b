"""Parsing on a Dask cluster (`mkdocs-factsheet parse`): a LocalCluster of two worker processes.

The parses and fact sheets the cluster writes into the cache are byte for byte those one process
writes; a worker killed in the middle of a run costs a retry, never an article. The blank pipeline
keeps the workers' start-up short.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from mkdocs_factsheet import Caches, Engine, ProblemLog, load_articles

from .plugin_helpers import RULES, SEED, run_cli

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")

FIXTURES = Path(__file__).parent / "fixtures" / "wikinews"


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    shutil.copy(SEED, folder / SEED.name)
    for path in sorted(FIXTURES.glob("*.md"))[:7]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def cluster():
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local,
        distributed.Client(local) as client,
    ):
        yield client


def _engine(cache: Path) -> Engine:
    return Engine.create([RULES], model="blank", caches=Caches(cache))


def _entries(cache: Path) -> dict[str, bytes]:
    """Every parse and fact sheet in a cache folder, by its path inside it."""
    return {
        str(path.relative_to(cache)): path.read_bytes()
        for folder in ("docs", "sheets", "records")
        for path in sorted((cache / folder).rglob("*"))
        if path.is_file()
    }


def _load(folder: Path):
    return load_articles([folder], ProblemLog())


def test_the_cluster_writes_what_one_process_writes(articles: Path, cluster, tmp_path: Path):
    from mkdocs_factsheet.engine.cluster import parse_on_cluster

    alone, spread = tmp_path / "alone", tmp_path / "spread"
    list(_engine(alone).extract_all(_load(articles)))
    engine = _engine(spread)
    report = parse_on_cluster(engine, _load(articles), cluster, batch=3)
    assert report.parsed == report.sheets == len(_load(articles)) == 8
    assert _entries(spread) == _entries(alone)
    # the next run finds everything there: nothing goes to the cluster, and a build reads it all
    assert parse_on_cluster(_engine(spread), _load(articles), cluster).articles == 0
    warm = _engine(spread)
    list(warm.extract_all(_load(articles)))
    assert warm.parse_count == 0 and not warm.pipeline_loaded


def test_a_worker_killed_mid_run_still_completes_the_cache(articles: Path, cluster, tmp_path: Path):
    from mkdocs_factsheet.engine.cluster import parse_on_cluster

    alone, spread = tmp_path / "alone", tmp_path / "spread"
    list(_engine(alone).extract_all(_load(articles)))
    killed: list[str] = []

    def kill_one(report) -> None:
        if not killed:  # after the first batch: one worker dies, as a lost machine would
            worker, pid = sorted(cluster.run(os.getpid).items())[0]
            killed.append(worker)
            os.kill(pid, signal.SIGKILL)  # the nanny starts another; the scheduler reruns what it held

    report = parse_on_cluster(_engine(spread), _load(articles), cluster, batch=1, progress=kill_one)
    assert killed and report.parsed == 8
    assert _entries(spread) == _entries(alone)


def test_the_parse_command_fills_the_cache_for_the_next_build(articles: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    done = run_cli(
        [
            "-c",
            "from mkdocs_factsheet.cli import main; main()",
            "parse",
            "--rules",
            str(RULES),
            "--model",
            "blank",
            "--cache",
            str(cache),
            "--local-workers",
            "2",
            str(articles),
        ],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "8 parsed and 8 fact sheets written" in done.stderr
    warm = _engine(cache)
    list(warm.extract_all(_load(articles)))
    assert warm.parse_count == 0
