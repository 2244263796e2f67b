"""Builds in fresh processes, as `mkdocs build` runs them: a warm build never loads spaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .plugin_helpers import make_site

BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

build(load_config(sys.argv[1], strict=True))
print("spacy imported" if "spacy" in sys.modules else "spacy not imported")
"""


def _build(config_file: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", BUILD, str(config_file)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def _entries(folder: Path) -> list[tuple[str, int]]:
    """Cache entries by name and inode: writing one (temporary file, then rename) changes its inode."""
    return sorted((path.name, path.stat().st_ino) for path in folder.rglob("*.docbin"))


def test_warm_builds_skip_spacy_and_rule_edits_reanalyse_without_reparsing(tmp_path: Path) -> None:
    site = make_site(tmp_path, tmp_path / "cache")
    assert _build(site.config_file) == "spacy imported"  # cold: parses
    page = site.site_dir / "briefings" / "index.html"
    cold = page.read_bytes()
    docbins = _entries(tmp_path / "cache" / "docs")

    assert _build(site.config_file) == "spacy not imported"  # warm: every fact sheet from the cache
    assert page.read_bytes() == cold

    rule = site.root / "rules" / "issues" / "taiwan.yml"
    rule.write_text(
        rule.read_text(encoding="utf-8").replace("title: Taiwan", "title: Cross-strait affairs", 1), encoding="utf-8"
    )
    assert _build(site.config_file) == "spacy imported"  # the rules changed: sheets are made again...
    assert _entries(tmp_path / "cache" / "docs") == docbins  # ...from the cached parses, none written again
    assert "Cross-strait affairs" in page.read_text(encoding="utf-8")
    assert _build(site.config_file) == "spacy not imported"
