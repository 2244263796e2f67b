"""The repository's Zensical example (examples/zensical): `render`, then `zensical build --strict`, as its README says.

Both run as the commands users type, on a copy laid out like the repository (the example reads
`../../seeds` and `../../rules`), so nothing is written into the work tree. Skipped without Zensical
(`pip install zensical`, or the `test` extra).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from mkdocs_factsheet import rendering
from mkdocs_factsheet.site import markers
from mkdocs_factsheet.site.html import QUOTE_MARKS

from .plugin_helpers import ROOT, broken_links, run_cli, visible_text

EXAMPLE = ROOT / "examples" / "zensical"
RENDER = ["-c", "from mkdocs_factsheet.cli import main; main()", "render"]
GENERATED = ("briefings", "assets", "factsheets.json", rendering.MANIFEST, "site", ".cache")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example rendered and built by Zensical in a copy of the repository's layout; the copy's folder."""
    if importlib.util.find_spec("zensical") is None:
        pytest.skip("Zensical is not installed (pip install zensical, or pip install -e '.[test]')")
    root = tmp_path_factory.mktemp("zensical")
    for folder in ("seeds", "rules"):
        shutil.copytree(ROOT / folder, root / folder)
    copy = root / "examples" / "zensical"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns(*GENERATED))
    rendered = run_cli(RENDER, cwd=copy)
    assert rendered.returncode == 0, rendered.stderr
    built = run_cli(["-m", "zensical", "build", "--strict"], cwd=copy)
    assert built.returncode == 0, built.stdout + built.stderr
    return copy


def _pages(example: Path) -> dict[str, str]:
    """The built HTML pages, by path under the site folder."""
    site = example / "site"
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*.html")}


def test_every_fact_of_factsheets_json_is_on_the_zensical_pages(example: Path) -> None:
    sheets = json.loads((example / "docs" / "factsheets.json").read_text(encoding="utf-8"))
    shown = " ".join(visible_text(page) for page in _pages(example).values())
    positions = [position for sheet in sheets for position in sheet["positions"]]
    assert len(sheets) >= 15 and len(positions) >= 50
    for position in positions:
        quote = " ".join(position["content"]["text"].split()).strip(QUOTE_MARKS + ",")  # as the tables show it
        assert quote[:399] in shown, quote
    for sheet in sheets:
        for party in sheet["parties"]:
            assert party["name"] in shown, party["name"]
        for issue in sheet["issues"]:
            assert issue["title"] in shown, issue["title"]


def test_links_resolve_and_no_marker_is_left(example: Path) -> None:
    site = example / "site"
    assert broken_links(site) == []  # every link between the pages (and to an anchor) leads to a built file
    assert (site / "factsheets.json").is_file() and (site / rendering.CSS_URI).is_file()
    pages = _pages(example)
    assert len(pages) > 70
    assert [name for name, page in pages.items() if "<!--mkdocs-factsheet-html:" in page] == []
    for path in (example / "docs").rglob("*.md"):
        source = path.read_text(encoding="utf-8")
        assert all(end > start for start, _, end in markers.regions(source)), path  # each marker has its region
    home = pages["index.html"]
    assert home.count("<table") >= 2 and "briefings/issues/taiwan/" in home


def test_render_again_changes_nothing_and_check_passes(example: Path) -> None:
    docs = example / "docs"
    before = {path: path.read_bytes() for path in docs.rglob("*") if path.is_file()}
    again = run_cli(RENDER, cwd=example)
    assert again.returncode == 0 and "up to date" in again.stderr and not again.stdout, again.stderr
    assert {path: path.read_bytes() for path in docs.rglob("*") if path.is_file()} == before
    assert run_cli([*RENDER, "--check"], cwd=example).returncode == 0


class _PrimaryNav(HTMLParser):
    """The links of a Zensical page's main navigation (`<nav class="md-nav md-nav--primary">`)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # nested <nav> elements inside the primary one, itself included
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "nav" and (self.depth or "md-nav--primary" in (values.get("class") or "").split()):
            self.depth += 1
        elif tag == "a" and self.depth:
            self.links.append(values.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1


def test_the_navigation_is_bounded_by_the_rules_not_the_articles(example: Path) -> None:
    """`.nav.yml` (awesome-nav, which Zensical reads): no article page, no party only an article names."""
    nav = yaml.safe_load((example / "docs" / "briefings" / rendering.NAV_FILE).read_text(encoding="utf-8"))
    listed = json.dumps(nav)
    sheets = json.loads((example / "docs" / "factsheets.json").read_text(encoding="utf-8"))
    provisional = {party["name"] for sheet in sheets for party in sheet["parties"] if party.get("provisional")}
    assert provisional and not any(f'"{name}"' in listed for name in provisional)
    assert (
        "articles/" not in listed.replace("articles/index.md", "")
        and "issues/taiwan.md" in listed
        and "parties/china.md" in listed
    )
    in_nav: set[str] = set()
    for name, page in _pages(example).items():
        parser = _PrimaryNav()
        parser.feed(page)
        # the articles index is in the menu; no article page is
        assert not [link for link in parser.links if "/articles/" in link and not link.endswith("/articles/")], name
        in_nav.update(link.rstrip("/").rsplit("/", 1)[-1] for link in parser.links)
    assert {"taiwan", "china"} <= in_nav
