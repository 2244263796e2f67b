"""Successive builds with one plugin instance, as `mkdocs serve` runs them."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from .plugin_helpers import SEED_ID, LogCapture, make_site, plugin_of, run_cli, visible_text


def _snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for folder in folders for p in folder.rglob("*")}


def _touch_later(path: Path) -> None:
    """Make sure the modification time moves even on coarse file systems."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_serve_rebuilds_reuse_the_engine_and_parse_only_changed_articles(tmp_path: Path):
    cache = tmp_path / "cache"
    site = make_site(tmp_path, cache)
    watched = [site.root / "docs", site.root / "seeds", site.root / "rules"]
    before = _snapshot(*watched)

    # `mkdocs serve`: load the config, start up the plugins, build.
    config = load_config(str(site.config_file), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = plugin_of(config)
    with LogCapture() as logs:
        mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    assert logs.messages() == []
    engine = plugin.engine
    parses = engine.parse_count
    issue_page = site.root / "site" / "briefings" / "issues" / "taiwan" / "index.html"
    assert "Cross-strait affairs" not in issue_page.read_text(encoding="utf-8")

    # Nothing was written into docs_dir or the watched folders (which would loop `serve`).
    assert _snapshot(*watched) == before

    # A rule is edited: serve reloads the config, and MkDocs hands back the same plugin instance.
    rule = site.root / "rules" / "issues" / "taiwan.yml"
    rule.write_text(
        rule.read_text(encoding="utf-8").replace("title: Taiwan", "title: Cross-strait affairs", 1), encoding="utf-8"
    )
    _touch_later(rule)
    config = load_config(str(site.config_file), strict=True)
    assert plugin_of(config) is plugin
    with LogCapture() as logs:
        mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    assert logs.messages() == []
    assert "Cross-strait affairs" in visible_text(issue_page.read_text(encoding="utf-8"))
    assert "Cross-strait affairs" in visible_text(
        (site.root / "site" / "briefings" / "index.html").read_text(encoding="utf-8")
    )
    assert plugin.engine is engine, "the engine (and spaCy) must not be reloaded"
    assert engine.parse_count == parses, "unchanged articles must not be parsed again"

    # An article is edited: only that one is parsed.
    article = site.root / "seeds" / "zz_alpha.md"
    article.write_text(
        article.read_text(encoding="utf-8") + "\nBeijing said it would respond to Taiwan.\n", encoding="utf-8"
    )
    config = load_config(str(site.config_file), strict=True)
    mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    assert engine.parse_count == parses + 1
    assert "it would respond to Taiwan" in visible_text(
        (site.root / "site" / "briefings" / "articles" / "zz_alpha" / "index.html").read_text(encoding="utf-8")
    )

    # A docs-only edit neither reloads rules nor re-analyses articles.
    sheets = dict(engine.caches.sheets.objects)
    (site.root / "docs" / "index.md").write_text("# Home\n\nEdited.\n", encoding="utf-8")
    config = load_config(str(site.config_file), strict=True)
    mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    assert engine.parse_count == parses + 1
    assert all(engine.caches.sheets.objects[key] is sheet for key, sheet in sheets.items())

    # The parse cache lives outside every watched folder.
    assert cache.is_dir() and any(cache.rglob("*.docbin"))
    config.plugins.on_shutdown()
    assert plugin.engine is None


def test_a_rule_error_during_serve_keeps_the_engine_and_recovers(tmp_path: Path):
    from mkdocs.exceptions import Abort

    site = make_site(tmp_path, tmp_path / "cache")
    config = load_config(str(site.config_file))
    plugin_of(config).on_shutdown()  # MkDocs keeps the instance in this process: forget an earlier serve session
    mkdocs_build(config)
    plugin = plugin_of(config)
    engine = plugin.engine
    rule = site.root / "rules" / "issues" / "taiwan.yml"
    good = rule.read_text(encoding="utf-8")
    rule.write_text("id: taiwan\ntitle: [broken\n", encoding="utf-8")
    with LogCapture(), pytest.raises(Abort):
        mkdocs_build(load_config(str(site.config_file)))
    # the rules fail before MkDocs cleans site_dir: `serve` keeps showing the last good site
    assert (site.root / "site" / "briefings" / "issues" / "taiwan" / "index.html").is_file()
    rule.write_text(good, encoding="utf-8")
    _touch_later(rule)
    mkdocs_build(load_config(str(site.config_file)))
    assert plugin.engine is engine
    assert (site.root / "site" / "briefings" / "articles" / SEED_ID / "index.html").is_file()


def test_serve_with_a_broken_rule_serves_the_last_good_site_and_recovers(tmp_path: Path):
    """`mkdocs serve` with a rule broken: the rebuild succeeds with the last good facts (a failed build leaves
    every request waiting), the log gives the error at file:line:col, and the fix is picked up."""
    site = make_site(tmp_path, tmp_path / "cache")
    config = load_config(str(site.config_file))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = plugin_of(config)
    try:
        mkdocs_build(config)
        page = site.root / "site" / "briefings" / "issues" / "taiwan" / "index.html"
        good_page = visible_text(page.read_text(encoding="utf-8"))
        rule = site.root / "rules" / "issues" / "taiwan.yml"
        good = rule.read_text(encoding="utf-8")
        rule.write_text(good.replace("title: Taiwan", "title: [Taiwan", 1), encoding="utf-8")
        with LogCapture() as logs:
            mkdocs_build(load_config(str(site.config_file)))  # serve rebuilds with a new config and the same plugin
        errors = logs.messages(logging.ERROR)
        assert len(errors) == 1 and "rules/issues/taiwan.yml:" in errors[0], errors
        assert re.search(r"taiwan\.yml:\d+:\d+: ", errors[0]) and "last good briefing pages" in errors[0]
        served = visible_text(page.read_text(encoding="utf-8"))
        notice = re.search(
            r"The rules are broken: .*? the pages follow\. rules/issues/taiwan\.yml:\d+:\d+: [^)]*\) ", served
        )
        assert notice, served[:400]  # a notice under the title, then the last good facts
        assert served.replace(notice.group(0), "") == good_page
        rule.write_text(good.replace("title: Taiwan", "title: Taiwan Strait affairs", 1), encoding="utf-8")
        _touch_later(rule)
        with LogCapture() as logs:
            mkdocs_build(load_config(str(site.config_file)))
        assert logs.messages(logging.ERROR) == []
        assert "Taiwan Strait affairs" in visible_text(page.read_text(encoding="utf-8"))
        assert plugin._last_good is not None and plugin.briefing is plugin._last_good[0]
    finally:
        config.plugins.on_shutdown()


def test_serve_loads_the_pipeline_and_compiled_rules_in_the_background_after_its_first_build(tmp_path: Path):
    """A warm first build loads no spaCy; `on_serve` then loads it, so the first edit is as quick as the next."""
    cache = tmp_path / "cache"
    site = make_site(tmp_path, cache)
    done = run_cli(["-m", "mkdocs", "build", "-q", "-f", str(site.config_file)], site.root)  # fills the cache
    assert done.returncode == 0, done.stderr

    config = load_config(str(site.config_file), strict=True)
    plugin = plugin_of(config)
    plugin.on_shutdown()  # MkDocs keeps the instance in this process: forget what earlier tests loaded
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    engine = plugin.engine
    assert not engine.pipeline_loaded  # the first build of `serve` is as cheap as a warm `mkdocs build`
    server = object()
    assert config.plugins.on_serve(server, config=config, builder=lambda: None) is server
    plugin._warm_up.join(timeout=120)
    assert engine.pipeline_loaded and engine.compiled_ready

    rule = site.root / "rules" / "issues" / "taiwan.yml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("title: Taiwan", "title: Strait", 1), encoding="utf-8")
    _touch_later(rule)
    config = load_config(str(site.config_file), strict=True)
    with LogCapture() as logs:
        mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    assert logs.messages() == []
    assert plugin.engine is engine and engine.parse_count == 0
    issue_page = site.root / "site" / "briefings" / "issues" / "taiwan" / "index.html"
    assert "Strait" in visible_text(issue_page.read_text(encoding="utf-8"))
    config.plugins.on_shutdown()
