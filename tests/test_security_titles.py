"""Title amplification: an article's title reaches other pages short and without bidi overrides.

With the implicit nav every page lists every other page by title, so a 100 kB title line would
make the site grow as title length × pages. The nav, `<title>` and links show the title cut to
`TITLE_LIMIT` characters; the article's own page shows all of it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_factsheet.site.html import TITLE_LIMIT, title_text

from .plugin_helpers import build, make_site

LONG_TITLE = "Evil\u202eelit " + "word " * 20_000  # 100 kB, with a right-to-left override


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_a_huge_title_is_shown_short_everywhere_but_on_its_own_page(tmp_path: Path, theme: str) -> None:
    site = make_site(tmp_path, tmp_path / "cache", theme=theme, options={"model": "blank"})
    for number in range(3):
        (site.root / "seeds" / f"other{number}.txt").write_text(f"Other {number}\n\nChina said no.\n", encoding="utf-8")
    (site.root / "seeds" / "long.txt").write_text(f"{LONG_TITLE}\n\nChina said no about Taiwan.\n", encoding="utf-8")
    config = build(site, strict=False)
    own = config.plugins["factsheet"].site.get("article", "long").src_uri
    pages = sorted(site.site_dir.rglob("*.html"))
    assert len(pages) > 8
    for path in pages:
        source = path.read_text(encoding="utf-8")
        if path == site.site_dir / own.removesuffix(".md") / "index.html":
            assert len(source) > 100_000 and source.count("word word") > 10_000  # the full title, once
            head = re.search(r"<title>(.*?)</title>", source, re.S)
            assert head and len(head.group(1)) < 3 * TITLE_LIMIT and "\u202e" not in head.group(1)
        else:
            assert source.count("word word") < 100, f"{path.relative_to(site.site_dir)} holds the title in full"
            assert "\u202e" not in source and "&#8238;" not in source.lower()


def test_title_text_is_short_escaped_and_without_bidi_controls() -> None:
    shown = title_text("<b>" + "\u202e\u2066x\u2069\u202a" + "a" * 200)
    assert len(shown) < TITLE_LIMIT + 20 and shown.endswith("…")
    assert "<" not in shown and not re.search("[\u202a-\u202e\u2066-\u2069]", shown)
    assert title_text("Plain title") == "Plain title"
