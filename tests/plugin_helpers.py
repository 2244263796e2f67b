"""Shared helpers for the plugin tests: build real sites in temporary folders and inspect the HTML.

MkDocs keeps one instance of a plugin that defines `on_startup` per process (exactly what
`mkdocs serve` relies on), so every in-process build of a test session shares one engine: spaCy
is loaded once. All sites also share one parse cache folder, so the seed article is parsed once.
"""

from __future__ import annotations

import html
import logging
import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_5792435e0273b1b7.txt"
SEED_ID = SEED.stem
RULES = ROOT / "rules"
GOLD = ROOT.parent / "shared" / "eval" / "dev" / f"{SEED_ID}.gold.yml"
PYTHON = sys.executable

SECOND_ARTICLE = """\
---
title: Alpha talks on Taiwan resume
date: 2021-03-18
source: Example Wire
url: https://example.org/alpha
---
China and the United States met in Anchorage to discuss Taiwan and human rights.

Yang Jiechi said the United States should stop interfering in Taiwan.
"""


def gold() -> dict[str, Any]:
    """The hand-annotated facts of the seed article (in ../shared; tests skip without it)."""
    if not GOLD.is_file():
        import pytest

        pytest.skip(f"gold data not found at {GOLD} (the shared folder is absent)")
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@dataclass
class Site:
    """A temporary MkDocs project: mkdocs.yml, docs/, seeds/ and rules/."""

    root: Path
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def write_config(self) -> None:
        self.config_file.write_text(yaml.safe_dump(self.config, sort_keys=False, allow_unicode=True), encoding="utf-8")

    def plugin_options(self) -> dict[str, Any]:
        for entry in self.config["plugins"]:
            if isinstance(entry, dict) and "factsheet" in entry:
                return entry["factsheet"]
        raise KeyError("factsheet")

    def write(self, relative: str, content: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")
        return path

    def page(self, src_uri: str) -> str:
        """The built HTML of a page given by its Markdown path (`briefings/issues/taiwan.md`)."""
        path = self.site_dir / src_uri[: -len(".md")]
        if path.name == "index":
            path = path.parent
        return (path / "index.html").read_text(encoding="utf-8")


def make_site(
    tmp_path: Path,
    cache_dir: Path,
    *,
    theme: str = "mkdocs",
    nav: list[Any] | None = None,
    options: dict[str, Any] | None = None,
    docs: dict[str, str] | None = None,
    second_article: bool = True,
) -> Site:
    """A site with the real seed article, the real rules, and strict validation of links and anchors."""
    site = Site(tmp_path / "project")
    (site.root / "seeds").mkdir(parents=True)
    shutil.copy(SEED, site.root / "seeds" / SEED.name)
    if second_article:
        (site.root / "seeds" / "zz_alpha.md").write_text(SECOND_ARTICLE, encoding="utf-8")
    shutil.copytree(RULES, site.root / "rules")
    for relative, content in (docs or {"index.md": "# Home\n\nWelcome.\n"}).items():
        site.write(f"docs/{relative}", content)
    plugin = {"cache_dir": str(cache_dir), **(options or {})}
    site.config = {
        "site_name": "Test briefings",
        "theme": {"name": theme},
        "validation": {
            "omitted_files": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
            "absolute_links": "warn",
        },
        "plugins": ["search", {"factsheet": plugin}],
    }
    if nav is not None:
        site.config["nav"] = nav
    site.write_config()
    return site


def build(site: Site, *, strict: bool = True, **overrides: Any) -> Any:
    """Build in-process, as `mkdocs build` does; returns the config (its plugins hold the engine)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(site.config_file), strict=strict, **overrides)
    mkdocs_build(config)
    return config


def plugin_of(config: Any) -> Any:
    return config.plugins["factsheet"]


def run_cli(args: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "NO_COLOR": "1"}
    return subprocess.run([PYTHON, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


# -- HTML inspection ------------------------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.scripts: list[str] = []
        self._in_script = False
        self._in_main = 0
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        for key in ("href", "src"):
            if key in values and tag in ("a", "link", "script", "img"):
                self.links.append((tag, values[key]))
        if tag == "script":
            self._in_script = True
            self.scripts.append(values.get("src", ""))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if self._in_script and self.scripts:
            self.scripts[-1] += data
        if not self._skip:
            self.text.append(data)


def parse_html(source: str) -> _Collector:
    collector = _Collector()
    collector.feed(source)
    return collector


def broken_links(site_dir: Path) -> list[str]:
    """Every internal href/src that does not lead to a file, or to an id missing in its target."""
    pages = {path: parse_html(path.read_text(encoding="utf-8")) for path in site_dir.rglob("*.html")}
    problems = []
    for path, page in pages.items():
        if path.name == "404.html":  # uses site-absolute URLs by design
            continue
        for tag, url in page.links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("mailto:", "javascript:", "data:")):
                continue
            if not parts.path and not parts.fragment:
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{path.relative_to(site_dir)}: {tag} {url} -> missing {target}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse_html(target.read_text(encoding="utf-8")).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(
                        f"{path.relative_to(site_dir)}: {url} -> no id {parts.fragment!r} in {target.relative_to(site_dir)}"
                    )
    return problems


def main_content(source: str) -> str:
    """The page body (theme chrome cut away where the theme is known), as HTML."""
    for start, end in (('role="main">', "<footer"), ('<article class="md-content__inner', "</article>")):
        i = source.find(start)
        if i >= 0:
            j = source.find(end, i)
            return source[source.find(">", i) + 1 : j if j > 0 else None]
    return source


def visible_text(source: str) -> str:
    """The text a reader sees (entities decoded, whitespace collapsed)."""
    return " ".join("".join(parse_html(main_content(source)).text).split())


def section(source: str, heading_id: str) -> str:
    """The HTML from the `<h2 id=heading_id>` heading to the next `<h2`."""
    match = re.search(rf'<h2 id="{re.escape(heading_id)}"', source)
    assert match, f"no <h2 id={heading_id!r}>"
    end = source.find("<h2", match.end())
    return source[match.start() : end if end > 0 else None]


def unescape(source: str) -> str:
    return html.unescape(source)


class LogCapture(logging.Handler):
    """Collects the records of the `mkdocs` logger tree during a build (fixtures cannot use caplog)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self) -> LogCapture:
        logger = logging.getLogger("mkdocs")
        self._level = logger.level
        logger.setLevel(logging.DEBUG)
        logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logger = logging.getLogger("mkdocs")
        logger.removeHandler(self)
        logger.setLevel(self._level)

    def messages(self, level: int = logging.WARNING) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level]
