"""Edit links: an article's file name reaches the theme's "Edit"/"View" links percent-encoded, never as markup.

With `repo_url` set, MkDocs joins `repo_url`, `edit_uri` and each page's `File.edit_uri` into
`page.edit_url`, which both built-in themes and Material write into `href="…"` unescaped. A
generated article page points at its article file, whose name is untrusted (SECURITY.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_factsheet.site.project import ProjectPaths

from .plugin_helpers import build, make_site
from .test_security_hostile import LiveMarkup

HOSTILE_NAME = 'a" onmouseover="alert(1)" x=".txt'


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_a_hostile_file_name_gives_an_inert_edit_link(tmp_path: Path, theme: str) -> None:
    site = make_site(tmp_path, tmp_path / "cache", theme=theme, second_article=False, options={"model": "blank"})
    site.config["repo_url"] = "https://github.com/owner/repo"
    if theme == "material":
        site.config["theme"]["features"] = ["content.action.edit", "content.action.view"]
    site.write_config()
    (site.root / "seeds" / HOSTILE_NAME).write_text("China said no about Taiwan.\n", encoding="utf-8")
    config = build(site, strict=False)
    page = config.plugins["factsheet"].site.get("article", Path(HOSTILE_NAME).stem)
    html = site.page(page.src_uri)
    live = LiveMarkup(check_tags=False)  # the theme's own icons are <svg>: look for what an article adds
    live.feed(html)
    assert live.found == [], live.found
    edits = re.findall(r'href="(https://github\.com/owner/repo/[^"]*seeds/[^"]*)"', html)
    assert edits, "the article page links to its file in the repository"
    assert all("%22%20onmouseover%3D%22alert%281%29%22%20x%3D%22.txt" in url for url in edits), edits


@pytest.mark.parametrize(
    "name", [HOSTILE_NAME, "<script>.txt", "a'b.txt", "x#y?z.md", "javascript:alert(1).txt", "a b\tc\n.txt", "é.txt"]
)
def test_edit_uris_hold_only_url_safe_characters(tmp_path: Path, name: str) -> None:
    paths = ProjectPaths(tmp_path, tmp_path / "docs")
    uri = paths.edit_uri(str(tmp_path / "seeds" / name))
    assert uri is not None and uri.startswith("../seeds/")
    assert re.fullmatch(r"[A-Za-z0-9._~/%-]+", uri), uri
