"""Build the example site (the repository's own mkdocs.yml, docs/, seeds/ and rules/) into a
temporary folder, in the default MkDocs theme or in Material, and serve it over HTTP.

The project is copied so that the build never touches the checkout: the copy's parse cache and
site folder live in the temporary folder. The copy gets one more article, the plugin tests' short
dated one, whose positions on Taiwan join the seed's and the Wikinews articles' on the timelines.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..plugin_helpers import ROOT, SECOND_ARTICLE, SEED_ID, LogCapture, Site, build

THEMES = ("mkdocs", "material")

# Both themes fetch assets from the internet by default (the default theme: highlight.js from a
# CDN; Material: Google Fonts). The browser tests block every request outside the served site, so
# these are switched off here, and the pages are tested exactly as built from local files.
THEME_CONFIG: dict[str, dict[str, Any]] = {
    "mkdocs": {"name": "mkdocs", "highlightjs": False},
    "material": {
        "name": "material",
        "font": False,
        "features": ["navigation.sections", "search.suggest", "search.highlight"],
    },
}


def example_site(root: Path, theme: str, cache_dir: Path) -> Site:
    """A copy of the example project, plus a dated article, whose mkdocs.yml uses `theme` and the
    parse cache in `cache_dir`."""
    for folder in ("docs", "seeds", "rules"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "seeds" / "zz_alpha.md").write_text(SECOND_ARTICLE, encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"] = THEME_CONFIG[theme]
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "factsheet" in entry:
            entry["factsheet"]["cache_dir"] = str(cache_dir)
    site = Site(root, config)
    site.write_config()
    return site


@dataclass
class BuiltSite:
    """A built and served example site, with the URLs of the pages the browser tests open."""

    theme: str
    site: Site
    base_url: str
    prefix: str
    facts: dict[str, Any]

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")

    @property
    def overview(self) -> str:
        return self.url(f"{self.prefix}/")

    def article(self, article_id: str = SEED_ID) -> str:
        return self.url(f"{self.prefix}/articles/{article_id}/")

    def issue(self, issue_id: str) -> str:
        return self.url(f"{self.prefix}/issues/{issue_id}/")

    def party(self, party_id: str) -> str:
        return self.url(f"{self.prefix}/parties/{party_id}/")

    def pick(self) -> dict[str, str]:
        """The article, issue and party the tests open: the seed article, Taiwan and China when
        the site has them (it does, unless the rules changed), otherwise the first of each."""
        sheets = self.facts["sheets"]
        articles = [s["article"]["id"] for s in sheets]
        issues = sorted({i["id"] for s in sheets for i in s["issues"]})
        parties = {p["id"]: p["name"] for s in sheets for p in s["parties"]}
        assert articles and issues and parties, "the example site has no article, issue or party to test"
        party = "china" if "china" in parties else sorted(parties)[0]
        return {
            "article": SEED_ID if SEED_ID in articles else articles[0],
            "issue": "taiwan" if "taiwan" in issues else issues[0],
            "party": party,
            "party_name": parties[party],
        }

    def people(self) -> str:
        return self.url(f"{self.prefix}/people/")

    def person(self) -> str:
        """The page of the most quoted named speaker (Carrie Lam, in the example site)."""
        counts: dict[str, int] = {}
        for sheet in self.facts["sheets"]:
            for position in sheet["positions"]:
                if position["speaker"]["actor"]:
                    counts[position["speaker"]["actor"]] = counts.get(position["speaker"]["actor"], 0) + 1
        assert counts, "the example site quotes nobody by name"
        name = min(counts, key=lambda n: (-counts[n], n))
        index = (self.site.site_dir / self.prefix / "people" / "index.html").read_text(encoding="utf-8")
        found = re.search(rf'<a href="([^"]+)">{re.escape(html.escape(name, quote=False))}</a>', index)
        assert found, f"{name} is not linked from the people index"
        return self.url(f"{self.prefix}/people/{found.group(1)}")

    def page_url(self, kind: str) -> str:
        """The URL of the page of a kind: overview, article, issue, party, people (the index) or person."""
        if kind == "overview":
            return self.overview
        if kind in ("people", "person"):
            return getattr(self, kind)()
        return getattr(self, kind)(self.pick()[kind])

    def page_file(self, url: str) -> Path:
        """The built file behind one of this site's URLs."""
        return self.site.site_dir / url[len(self.base_url) :] / "index.html"


def build_example(root: Path, theme: str, cache_dir: Path) -> Site:
    """Build strictly, as CI does; a build that fails names its warnings."""
    from mkdocs.exceptions import Abort

    site = example_site(root, theme, cache_dir)
    with LogCapture() as logs:
        try:
            build(site, strict=True)
        except Abort as error:
            raise AssertionError(
                f"the example site ({theme} theme) does not build strictly: {error}\n" + "\n".join(logs.messages())
            ) from None
    return site


def read_facts(site: Site) -> dict[str, Any]:
    return json.loads((site.site_dir / "factsheets.json").read_text(encoding="utf-8"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        pass


class Server:
    """A stdlib HTTP server for one folder on 127.0.0.1 and a free port, in a daemon thread."""

    def __init__(self, directory: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, name=f"serve {directory}", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
