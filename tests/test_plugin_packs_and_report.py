"""A site with packs and no rules folder, the opt-in report page, and rule problems shown while serving."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .plugin_helpers import LogCapture, build, make_site, plugin_of, visible_text


def test_a_site_with_only_packs_has_issues_on_its_pages(tmp_path: Path) -> None:
    site = make_site(tmp_path, tmp_path / "cache", options={"packs": ["world", "issues"]})
    shutil.rmtree(site.root / "rules")
    build(site)
    human_rights = visible_text(site.page("briefings/issues/human-rights.md"))
    assert "Human rights" in human_rights
    overview = visible_text(site.page("briefings/index.md"))
    assert "Human rights" in overview and "United States" in overview


def test_without_packs_a_missing_rules_folder_stops_the_build(tmp_path: Path) -> None:
    site = make_site(tmp_path, tmp_path / "cache")
    shutil.rmtree(site.root / "rules")
    with LogCapture() as logs, pytest.raises(Abort):
        build(site)
    assert any("the rules folder does not exist" in m and "packs: [world, issues]" in m for m in logs.messages())


def test_the_report_page_is_opt_in(tmp_path: Path) -> None:
    site = make_site(tmp_path, tmp_path / "cache", options={"packs": ["world"], "report": True})
    build(site)
    page = visible_text(site.page("briefings/report.md"))
    assert "Rule coverage and suggestions" in page and "Hits per rule" in page
    assert "issue taiwan (rules/issues/taiwan.yml:1)" in page
    assert "Never fired (your rules)" in page and "Suggestions" in page
    site.plugin_options()["report"] = False
    site.write_config()
    build(site)
    assert not (site.site_dir / "briefings" / "report").exists()


def test_serve_shows_the_rule_problem_on_the_pages_and_strict_fails(tmp_path: Path) -> None:
    site = make_site(tmp_path, tmp_path / "cache")
    config = load_config(str(site.config_file))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        mkdocs_build(config)
        rule = site.root / "rules" / "issues" / "taiwan.yml"
        rule.write_text(
            rule.read_text(encoding="utf-8").replace("title: Taiwan", "title: [Taiwan", 1), encoding="utf-8"
        )
        with LogCapture() as logs:
            mkdocs_build(load_config(str(site.config_file)))
        [error] = logs.messages(logging.ERROR)
        [where] = re.findall(r"rules/issues/taiwan\.yml:\d+:\d+: ", error)
        assert not error.startswith("factsheet: factsheet:")
        overview = visible_text(site.page("briefings/index.md"))
        assert "The rules are broken" in overview and where in overview
        assert "Taiwan" in visible_text(site.page("briefings/issues/taiwan.md"))  # the last good facts
        with LogCapture(), pytest.raises(Abort):
            mkdocs_build(load_config(str(site.config_file), strict=True))  # `serve --strict`
    finally:
        config.plugins.on_shutdown()
    assert plugin_of(config).engine is None
