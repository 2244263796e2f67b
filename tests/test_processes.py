"""Forked worker processes: they parse and analyse, and the parent caches what they made."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_factsheet.articles import Article, load_articles
from mkdocs_factsheet.engine import Caches, Engine
from mkdocs_factsheet.engine import runners as runners_module
from mkdocs_factsheet.engine.runners import AnalysisError
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.problems import ProblemLog
from mkdocs_factsheet.rules import load_rules

from .conftest import ROOT, SEEDS
from .plugin_helpers import LogCapture, build, make_site, plugin_of

pytestmark = pytest.mark.skipif(not runners_module._FORK, reason="worker processes are forked on Linux only")


@pytest.fixture
def small_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use two processes for a handful of articles, two articles per task."""
    monkeypatch.setattr(runners_module, "ARTICLES_PER_PROCESS", 1)
    monkeypatch.setattr(runners_module, "ARTICLES_PER_TASK", 2)


def _articles() -> list[Article]:
    return load_articles([SEEDS, ROOT / "tests" / "fixtures" / "wikinews"], ProblemLog())


def _engine(pipeline: Pipeline, folder: Path) -> Engine:
    return Engine(pipeline, load_rules([ROOT / "rules"]), Caches(folder))


def test_forked_workers_make_the_sheets_and_cache_entries_of_a_single_process(
    pipeline: Pipeline, tmp_path: Path, small_tasks: None
) -> None:
    articles = _articles()
    serial = list(_engine(pipeline, tmp_path / "serial").extract_all(articles, n_process=1))
    forked_engine = _engine(pipeline, tmp_path / "forked")
    assert list(forked_engine.extract_all(articles, n_process=2)) == serial
    assert forked_engine.parse_count == len(articles)
    reader = _engine(pipeline, tmp_path / "forked")  # what the parent cached from the workers reads back
    assert [reader.extract(article) for article in articles] == serial and reader.parse_count == 0
    for article in articles:
        serial_record = _engine(pipeline, tmp_path / "serial").caches.records.get(reader.record_key(article))
        assert reader.caches.records.get(reader.record_key(article)) == serial_record, article.path


def test_an_article_failing_in_a_worker_is_named(
    pipeline: Pipeline, tmp_path: Path, small_tasks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _articles()
    broken = articles[3]
    extract = Engine._extract

    def failing(self: Engine, article: Article, doc):  # type: ignore[no-untyped-def]
        if article.id == broken.id:
            raise ValueError("an analysis bug")
        return extract(self, article, doc)

    monkeypatch.setattr(Engine, "_extract", failing)
    engine = _engine(pipeline, tmp_path)
    with pytest.raises(AnalysisError, match=f"{broken.path}: ValueError: an analysis bug"):
        list(engine.extract_all(articles, n_process=2))
    assert engine.caches.parses.contains(engine.key(broken))  # its parse is kept: the retry does not parse it again


def test_the_plugin_reports_an_article_failing_in_a_worker_and_publishes_the_others(
    tmp_path: Path, small_tasks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(tmp_path, tmp_path / "cache", options={"processes": 2})
    extract = Engine._extract

    def failing(self: Engine, article: Article, doc):  # type: ignore[no-untyped-def]
        if article.id == "zz_alpha":
            raise ValueError("an analysis bug")
        return extract(self, article, doc)

    monkeypatch.setattr(Engine, "_extract", failing)
    with LogCapture() as log:
        config = build(site, strict=False)
    assert any(
        "zz_alpha.md" in message and "could not be analysed" in message and "an analysis bug" in message
        for message in log.messages()
    ), log.messages()
    published = {sheet.article.id for sheet in plugin_of(config).briefing.sheets}
    assert "zz_alpha" not in published and published


# A build whose workers each take a few seconds per task: its parent prints the workers' pids, then waits.
_SLOW_BUILD = """
import os, sys, time
from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.engine import runners

def slow(articles):
    print(os.getpid(), flush=True)
    time.sleep(4)
    return [(b"", b"", [], []) for _ in articles]

runners._parse_and_analyse = slow
runners.ARTICLES_PER_TASK = 1
articles = [Article(str(i), f"{i}.txt", "Text.", 0, "") for i in range(4)]
for made in runners.ForkedRunner(None, 2)._in_processes(articles):
    pass
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.parametrize("signal_number", [9, 15], ids=["SIGKILL", "SIGTERM"])
def test_workers_end_with_their_parent_and_print_no_traceback(signal_number: int, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    stderr = tmp_path / "stderr"
    with stderr.open("wb") as errors:
        build = subprocess.Popen(
            [sys.executable, "-c", _SLOW_BUILD], stdout=subprocess.PIPE, stderr=errors, cwd=ROOT, text=True
        )
        assert build.stdout is not None
        workers: list[int] = []
        while len(workers) < 2:
            line = build.stdout.readline()
            assert line, stderr.read_text()
            workers += [int(line)] if line.strip() else []
        os.kill(build.pid, signal_number)
        build.wait(timeout=30)
        deadline = time.monotonic() + 2
        while any(map(_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        alive = [pid for pid in workers if _running(pid)]
        for pid in alive:
            os.kill(pid, 9)
        assert not alive, "the workers outlived their parent"
        time.sleep(3)  # a worker that lived on would now fail to send its results back
    assert "Traceback" not in stderr.read_text(), stderr.read_text()


# A build one of whose workers dies on its task (as on a crash in spaCy): the parent must not wait forever.
_DYING_BUILD = """
import os
from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.engine import runners

def dying(articles):
    if any(article.id == "2" for article in articles):
        os._exit(1)
    return [(b"", b"", [], []) for _ in articles]

runners._parse_and_analyse = dying
runners.ARTICLES_PER_TASK = 1
articles = [Article(str(i), f"{i}.txt", "Text.", 0, "") for i in range(4)]
try:
    for made in runners.ForkedRunner(None, 2)._in_processes(articles):
        pass
except runners.AnalysisError as error:
    print("AnalysisError:", error)
"""


def test_a_worker_that_dies_ends_the_run_with_an_error_not_a_wait(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _DYING_BUILD], capture_output=True, cwd=ROOT, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "AnalysisError: a worker process ended while analysing 4 article(s)" in result.stdout, result.stdout
    assert "processes: 1" in result.stdout
