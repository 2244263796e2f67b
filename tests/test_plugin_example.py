"""The example site of the repository builds with `mkdocs build --strict` and with `properdocs build`.

Both run as the commands users type, on a copy of the site (so nothing is written into the work
tree), one after the other so the second reuses the parse cache of the first.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from .plugin_helpers import ROOT, SEED_ID, broken_links, run_cli, section, visible_text


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("example") / "site-project"
    copy.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    for folder in ("docs", "seeds", "rules"):
        shutil.copytree(ROOT / folder, copy / folder)
    return copy


@pytest.fixture(scope="module")
def built(example: Path) -> Path:
    """The example site built with `mkdocs build --strict`, as the README says."""
    result = run_cli(["-m", "mkdocs", "build", "--strict", "--site-dir", "site-mkdocs"], cwd=example)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return example / "site-mkdocs"


def test_mkdocs_build_strict_builds_the_example_site(example: Path, built: Path):
    site = built
    assert broken_links(site) == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<!-- factsheet" not in home and "briefings/issues/" in home  # the matrix marker was expanded
    held_back = [
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if "<!--mkdocs-factsheet-html:" in p.read_text(encoding="utf-8")
    ]
    assert held_back == []  # every HTML block held back from Markdown was put in place
    briefing = visible_text((site / "briefing-taiwan" / "index.html").read_text(encoding="utf-8"))
    assert "Taiwan" in briefing and "unknown" not in briefing
    assert (site / "briefings" / "articles" / SEED_ID / "index.html").is_file()
    assert (site / "factsheets.json").is_file()
    assert not list((example / "docs").rglob("briefings"))  # nothing generated into docs_dir


def test_the_overview_opens_with_a_summary_and_key_positions(built: Path):
    page = (built / "briefings" / "index.html").read_text(encoding="utf-8")
    shown = visible_text(page)
    summary = shown.index("Most active parties:")
    assert summary < shown.index("Most discussed issues:") < shown.index("Key positions") < shown.index("Who said what")
    assert re.search(r"1[2-9] articles, .* from 2019-\d\d-\d\d to 2021-02-06", shown)
    assert "United States (" in shown[summary:] and "COVID-19 (" in shown[summary:]
    key = re.search(r'<ul class="factsheet-key-positions">(.*?)</ul>', page, re.S)
    assert key and key.group(1).count("<li>") >= 3 and "<q " in key.group(1)
    assert "Yang Jiechi" in key.group(1) and "Warn / threaten" in key.group(1)  # speaker and stance
    home = (built / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'class="nav-link[^"]*"[^>]*>\s*([^<]*?)\s*<', home)
    assert "Home" in nav and "Briefings: China and the US" not in nav  # the site's name is the brand, once


def test_issue_and_party_pages_summarise_then_list(built: Path):
    issue = (built / "briefings" / "issues" / "covid-19" / "index.html").read_text(encoding="utf-8")
    shown = visible_text(issue)
    assert shown.index("Most active parties:") < shown.index("Key positions") < shown.index("Over time")
    assert "At a glance" not in shown and "factsheet-matrix" not in issue  # a one-row matrix added nothing
    svg = re.search(r'<svg class="factsheet-svg".*?</svg>', issue, re.S)
    assert svg
    marks = re.findall(r'class="factsheet-mark ', svg.group(0))
    dates = set(re.findall(r"<title>[^<]*?(\d{4}-\d\d-\d\d)", svg.group(0)))
    assert len(marks) >= 10 and len(dates) >= 5, (len(marks), dates)
    party = (built / "briefings" / "parties" / "united-states" / "index.html").read_text(encoding="utf-8")
    shown = visible_text(party)
    assert shown.index("Most discussed issues:") < shown.index("Key positions") < shown.index("Actors")
    quote = "The United States will continue to stand up for human rights"
    assert section(party, "positions").count(quote) == 1  # one row per position, its five issues in a column


def test_properdocs_builds_the_example_site(example: Path):
    if importlib.util.find_spec("properdocs") is None:
        pytest.skip("properdocs is not installed (pip install properdocs properdocs-theme-mkdocs)")
    if not _has_properdocs_mkdocs_theme():
        pytest.skip(
            "the example site uses the `mkdocs` theme, which ProperDocs ships separately: "
            "pip install properdocs-theme-mkdocs"
        )
    result = run_cli(
        ["-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", "site-properdocs"], cwd=example
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = example / "site-properdocs"
    assert (site / "briefings" / "issues" / "taiwan" / "index.html").is_file()
    assert broken_links(site) == []


def _has_properdocs_mkdocs_theme() -> bool:
    from importlib.metadata import entry_points

    return any(ep.name == "mkdocs" for ep in entry_points(group="properdocs.themes"))
