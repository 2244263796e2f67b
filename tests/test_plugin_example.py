"""The example site of the repository builds with `mkdocs build --strict` and with `properdocs build`.

Both run as the commands users type, on a copy of the site (so nothing is written into the work
tree), one after the other so the second reuses the parse cache of the first.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from .plugin_helpers import ROOT, SEED_ID, broken_links, run_cli, visible_text


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("example") / "site-project"
    copy.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    for folder in ("docs", "seeds", "rules"):
        shutil.copytree(ROOT / folder, copy / folder)
    return copy


def test_mkdocs_build_strict_builds_the_example_site(example: Path):
    result = run_cli(["-m", "mkdocs", "build", "--strict", "--site-dir", "site-mkdocs"], cwd=example)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    site = example / "site-mkdocs"
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
