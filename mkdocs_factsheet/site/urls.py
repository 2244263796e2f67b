"""Where each generated page lives, and the links between pages.

`SiteMap` knows which pages exist and where, so that every link the renderers emit points at a
page that is really generated. MkDocs rewrites and checks `.md` links of Markdown only; links
inside raw HTML blocks (figures, SVG, the article text) must already be the URLs of the built
pages, which `SiteMap.url` gives.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .naming import name_stems, page_stems

if TYPE_CHECKING:
    from .briefing import Briefing

PAGE_KINDS = ("overview", "articles", "issues", "parties", "people", "json")
"""The kinds of generated output the `pages` option can switch on."""
CSS_URI = "assets/factsheet/factsheet.css"
"""Where the pages' style sheet is published (listed first in `extra_css`)."""
JSON_URI = "factsheets.json"
"""Where every fact sheet is published as JSON (the `json` kind)."""
MENU_KINDS = ("overview", "index")
"""Kinds of page a bounded navigation lists (`nav_pages: indexes`): the overview and the index pages,
which link to every other generated page. A page added with `SiteMap.add_index` is one of them."""


def built_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL path MkDocs gives the page of a Markdown file (as `File.url`, without the site root)."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    if not directory_urls:
        return f"{stem}.html"
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def markdown_link(here: str, target: str, anchor: str | None = None) -> str:
    """The relative Markdown link from one src_uri to another (MkDocs turns it into the page URL)."""
    path = "" if target == here else posixpath.relpath(target, posixpath.dirname(here) or ".")
    return f"{path}#{anchor}" if anchor else (path or "#")


def clean_prefix(prefix: str) -> str:
    """The folder of the generated pages, normalised; ValueError when it is not a folder path inside the site."""
    clean = prefix.strip().strip("/")
    parts = clean.split("/")
    if not clean or any(part in ("", ".", "..") for part in parts) or "\\" in clean:
        raise ValueError(f"prefix {prefix!r} must be a folder path inside the site, such as `briefings`")
    return posixpath.normpath(clean)


def nav_key(title: str | None, *, is_index: bool = False) -> tuple[int, str]:
    """Sort key of an entry of a section holding generated pages: its index page first, then the pages
    by title; `title=None` marks a sub-section, which keeps its (alphabetical) order after the pages."""
    if title is None:
        return (2, "")
    return (0 if is_index else 1, title.casefold())


@dataclass(frozen=True)
class PageRef:
    """A generated page: its kind (`overview`, `index`, `article`, `issue`, `party`, `person`), key, location
    and title. An index page's key is its folder (`articles`, `people`)."""

    kind: str
    key: str
    src_uri: str
    title: str


def _same(path: str) -> str:
    return path


class SiteMap:
    """Where each generated page lives; the renderers ask it for the pages they link to, and their URLs.

    `directory_urls` is MkDocs' setting of that name (links in raw HTML are built-page URLs);
    `file_links` makes them links to the Markdown files instead (`../issues/taiwan.md`), for
    generators that rewrite links in HTML as in Markdown (Zensical) and for reading the files as
    they are; `shown` names a project file as the user knows it (rule sources on the pages).
    """

    def __init__(
        self,
        briefing: Briefing,
        prefix: str,
        kinds: Iterable[str],
        json_uri: str | None = None,
        *,
        directory_urls: bool = True,
        file_links: bool = False,
        shown: Callable[[str], str] = _same,
    ):
        self.prefix = prefix.strip("/")
        self.pages: dict[tuple[str, str], PageRef] = {}
        self.json_uri = json_uri
        self.directory_urls = directory_urls
        self.file_links = file_links
        self.shown = shown
        # Every page asks for thousands of links, and `relpath` normalises both paths: each pair of
        # pages is worked out once per build.
        self._paths: dict[tuple[str, str], str] = {}
        kinds = set(kinds)
        if "overview" in kinds:
            self._add("overview", "", "index", "Overview")
        # Names from `naming.page_stems`: safe whatever the id holds, unique where case is
        # ignored, and the same whatever order the articles were read in.
        if "articles" in kinds:
            self.add_index("articles", "Articles")
            stems = page_stems(sheet.article.id for sheet in briefing.sheets)
            for sheet in sorted(briefing.sheets, key=lambda s: s.article.id):
                self._add("article", sheet.article.id, f"articles/{stems[sheet.article.id]}", sheet.article.title)
        if "issues" in kinds:
            self.add_index("issues", "Issues")
            self._add_all("issue", "issues", briefing.issue_ids, briefing.issue_title)
        if "parties" in kinds:
            self.add_index("parties", "Parties")
            self._add_all("party", "parties", briefing.party_ids, briefing.party_name)
        if "people" in kinds:  # the index of everyone quoted or named, and a page for each named person
            self.add_index("people", "People")
            stems = name_stems(briefing.person_ids)
            for key in briefing.person_ids:
                self._add("person", key, f"people/{stems[key]}", briefing.people[key].name)

    def add_index(self, folder: str, title: str) -> PageRef:
        """Declare the index page of a folder of generated pages (`<folder>/index.md`, kind `index`, key `folder`).

        Index pages are what a bounded navigation lists besides the overview (`menu_pages`); a new
        kind of page that gets one is reached from the menu with no change to the plugin.
        """
        self._add("index", folder, f"{folder}/index", title)
        return self.pages[("index", folder)]

    def _add_all(self, kind: str, folder: str, keys: list[str], title: Callable[[str], str]) -> None:
        stems = page_stems(keys)
        for key in sorted(keys):
            self._add(kind, key, f"{folder}/{stems[key]}", title(key))

    def _add(self, kind: str, key: str, path: str, title: str) -> None:
        src_uri = posixpath.join(self.prefix, f"{path}.md") if self.prefix else f"{path}.md"
        self.pages[(kind, key)] = PageRef(kind, key, src_uri, title)

    def get(self, kind: str, key: str = "") -> PageRef | None:
        """The page of that kind and key (`get("overview")`), None when it is not generated."""
        return self.pages.get((kind, key))

    def menu_pages(self) -> list[PageRef]:
        """The pages a bounded navigation lists: the overview, then the index pages in the order declared."""
        return [page for page in self.pages.values() if page.kind in MENU_KINDS]

    def by_uri(self) -> dict[str, PageRef]:
        """The generated pages by src_uri."""
        return {page.src_uri: page for page in self.pages.values()}

    def url(self, here: str, target: str, anchor: str | None = None) -> str:
        """The relative URL from the built page of `here` to the one of `target` (both src_uris)."""
        suffix = f"#{anchor}" if anchor else ""
        if here == target:
            return suffix or "#"
        path = self._paths.get((here, target))
        if path is None:
            path = self._paths[(here, target)] = self._path(here, target)
        return path + suffix

    def _path(self, here: str, target: str) -> str:
        if self.file_links:
            return posixpath.relpath(target, posixpath.dirname(here) or ".")
        source, destination = built_url(here, self.directory_urls), built_url(target, self.directory_urls)
        base = source if source.endswith("/") or not source else posixpath.dirname(source)
        path = posixpath.relpath(destination or ".", base.rstrip("/") or ".")
        if destination.endswith("/") or not destination:
            path = "./" if path == "." else path + "/"
        return path
