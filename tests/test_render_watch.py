"""`mkdocs-factsheet render --watch`: each poll renders only after a change, and writes only the files that change."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_factsheet import RuleError, rendering
from mkdocs_factsheet.cli import main
from mkdocs_factsheet.watching import Watcher, _Interrupts, error_lines

from .plugin_helpers import PYTHON, SEED_ID, Site, make_site

SEED_PAGE = f"briefings/articles/{SEED_ID}.md"
AUTHORED = "# Home\n\n<!-- factsheet: positions issue=taiwan -->\n"


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("factsheet-cache")


def _watcher(tmp_path: Path, cache_dir: Path, **options: str) -> tuple[Site, Watcher]:
    site = make_site(tmp_path, cache_dir, docs={"index.md": AUTHORED}, options=options or None)
    settings = rendering.render_settings(site.config_file, links="files")
    return site, Watcher(settings, lambda message: None)


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Each file's bytes and modification time."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def _rewritten(before: dict[str, tuple[bytes, int]], after: dict[str, tuple[bytes, int]]) -> set[str]:
    """The files added, removed or written (same bytes written again counts) between two snapshots."""
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def _edit(path: Path, old: str, new: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new, 1), encoding="utf-8")


def test_a_rule_edit_rewrites_only_the_pages_whose_content_changed(tmp_path: Path, cache_dir: Path) -> None:
    site, watcher = _watcher(tmp_path, cache_dir)
    docs = site.root / "docs"
    first = watcher.cycle()
    assert first.outcome is not None and first.outcome.pages > 5 and first.outcome.refreshed == ["index.md"]
    assert not watcher.cycle().rendered  # nothing changed: no render at all
    before = _snapshot(docs)
    _edit(site.root / "rules" / "issues" / "trade.yml", "aliases:\n", "aliases:\n  - Anchorage\n")
    cycle = watcher.cycle()
    assert cycle.changed == [str(site.root / "rules" / "issues" / "trade.yml")]
    assert cycle.outcome is not None
    written = set(cycle.outcome.written + cycle.outcome.refreshed)
    assert "briefings/issues/trade.md" in written and "briefings/articles/zz_alpha.md" in written
    assert SEED_PAGE not in written  # the seed article has no "Anchorage": its page is not touched
    assert _rewritten(before, _snapshot(docs)) == written | {rendering.MANIFEST}
    assert not watcher.cycle().rendered


def test_an_article_edit_rewrites_its_page_and_a_marker_edit_refreshes_the_page(
    tmp_path: Path, cache_dir: Path
) -> None:
    site, watcher = _watcher(tmp_path, cache_dir)
    docs = site.root / "docs"
    watcher.cycle()
    before = _snapshot(docs)
    _edit(site.root / "seeds" / "zz_alpha.md", "discuss Taiwan", "discuss Taiwan and trade")
    cycle = watcher.cycle()
    assert cycle.outcome is not None and "briefings/articles/zz_alpha.md" in cycle.outcome.written
    assert SEED_PAGE not in cycle.outcome.written
    written = set(cycle.outcome.written + cycle.outcome.refreshed)
    assert _rewritten(before, _snapshot(docs)) - {rendering.MANIFEST} == written
    # a marker added to a page of yours: filled in, and render's own edit is not a change to react to
    (docs / "index.md").write_text(AUTHORED + "\n<!-- factsheet: matrix -->\n", encoding="utf-8")
    cycle = watcher.cycle()
    assert cycle.outcome is not None and cycle.outcome.refreshed == ["index.md"] and not cycle.outcome.written
    assert (docs / "index.md").read_text(encoding="utf-8").count("<!-- /factsheet -->") == 2
    assert not watcher.cycle().rendered


def test_a_broken_rule_is_reported_and_the_pages_stay(tmp_path: Path, cache_dir: Path) -> None:
    site, watcher = _watcher(tmp_path, cache_dir)
    docs = site.root / "docs"
    watcher.cycle()
    before = _snapshot(docs)
    rule = site.root / "rules" / "issues" / "trade.yml"
    good = rule.read_text(encoding="utf-8")
    rule.write_text("id: trade\ntitle: [Trade\n", encoding="utf-8")
    cycle = watcher.cycle()
    assert isinstance(cycle.error, RuleError) and cycle.outcome is None
    lines = error_lines(cycle.error)
    assert any(line.startswith(f"{rule}:3:") for line in lines), lines  # file:line of the mistake
    assert _snapshot(docs) == before
    assert not watcher.cycle().rendered  # reported once, not at every poll
    rule.write_text(good, encoding="utf-8")
    cycle = watcher.cycle()
    assert cycle.outcome is not None and not cycle.outcome.changed  # the same rules as the last good render
    assert _snapshot(docs) == before


def test_watch_runs_beside_a_server_and_stops_cleanly_on_ctrl_c(tmp_path: Path, cache_dir: Path) -> None:
    """The command itself, in blank mode (no spaCy to load): renders, sees a rule edit, exits 0 on SIGINT."""
    site = make_site(tmp_path, cache_dir, docs={"index.md": AUTHORED}, options={"model": "blank"})
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "NO_COLOR": "1"}
    command = [PYTHON, "-c", "from mkdocs_factsheet.cli import main; main()", "render", "--watch", "--interval", "0.1"]
    process = subprocess.Popen(command, cwd=site.root, env=env, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in process.stderr or []], daemon=True)
    reader.start()

    def wait_for(text: str) -> list[str]:
        seen, deadline = [], time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                seen.append(lines.get(timeout=1))
            except queue.Empty:
                continue
            if text in seen[-1]:
                return seen
        raise AssertionError(f"no {text!r} in {seen}")

    try:
        wait_for("pages in")
        _edit(site.root / "rules" / "issues" / "trade.yml", "aliases:\n", "aliases:\n  - Anchorage\n")
        wait_for("changed: ")
        wait_for("pages in")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
        reader.join(timeout=10)
        assert "stopped" in "".join(lines.queue)
    finally:
        process.kill()
    assert "Anchorage" in (site.root / "docs" / "factsheets.json").read_text(encoding="utf-8")


def test_ctrl_c_during_a_render_lets_it_finish_and_a_second_one_stops_at_once() -> None:
    interrupts = _Interrupts()
    with pytest.raises(KeyboardInterrupt):
        interrupts(signal.SIGINT, None)  # between renders: at once
    interrupts.rendering = True
    interrupts(signal.SIGINT, None)
    assert interrupts.requested  # the loop stops once the render has written its files and the manifest
    with pytest.raises(KeyboardInterrupt):
        interrupts(signal.SIGINT, None)


def test_watch_and_check_do_not_go_together(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", "--watch", "--check", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "--watch" in result.output
