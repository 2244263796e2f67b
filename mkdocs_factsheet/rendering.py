"""`mkdocs-factsheet render`: the site's briefing pages written as files, for generators that run no plugin.

The pages are the plugin's own: the same `SiteMap` and `Renderer`, with the HTML blocks held back
from Markdown written in (`site.html.restore`), as the plugin hands them to MkDocs once a page is
converted. They go where the plugin puts them in the site, under the docs folder `out`:
`<prefix>/…` for the pages, `factsheets.json` and `assets/factsheet/factsheet.css` at its root,
so every link between them, and from hand-written pages, resolves in any generator that reads
Markdown files from that folder. Markers in the hand-written pages under `out` are refreshed in
place (`site.markers.refresh`). A `.nav.yml` in the pages' folder gives the generator a bounded
navigation (`navigation`): the overview, the index pages, the issues and the parties rules define;
articles are reached from those pages.

Only files this module wrote are ever changed or removed: they are listed, with a hash of their
bytes, in a manifest (`.factsheet-manifest.json` in `out`); a file that is not there as render
wrote it (hand-written, or edited since) is left alone, and a file is written only when its bytes
change, so a second render changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .articles import MAX_ARTICLE_SIZE, find_article_files, load_articles
from .engine import Caches, Engine, Progress, propagate
from .mkdocs_options import plugin_options, read_config, read_plugin_options
from .model import sheets_json
from .problems import Problem, ProblemLog
from .site import markers
from .site.briefing import Briefing
from .site.html import restore, title_text
from .site.pages import Renderer
from .site.project import ProjectPaths
from .site.urls import CSS_URI, JSON_URI, PAGE_KINDS, SiteMap, clean_prefix, nav_key

MANIFEST = ".factsheet-manifest.json"
"""The files the last render wrote, relative to `out` (a dot file: generators do not publish it)."""
CONFIG_FILES = ("mkdocs.yml", "zensical.toml")
"""The site configurations `render` reads its defaults from, in the current folder, first found wins."""
NAV_FILE = ".nav.yml"
"""The navigation of the pages' folder, in the format of mkdocs-awesome-nav (which Zensical reads itself)."""


def _ignore(message: str) -> None:
    """A `warn` that drops the message."""


@dataclass
class RenderSettings:
    """What a render reads and where it writes; paths absolute or relative to the current folder."""

    out: Path
    articles: Path
    rule_dirs: list[Path]
    packs: list[str] = field(default_factory=list)
    model: str = "blank"
    cache_dir: Path | None = None
    root: Path = Path()
    prefix: str = "briefings"
    kinds: tuple[str, ...] = PAGE_KINDS
    directory_urls: bool = True
    file_links: bool = False
    max_article_size: int | None = MAX_ARTICLE_SIZE
    processes: int = 0
    config: Path | None = None
    places: bool = True  # the packs' sub-national places name their countries


@dataclass
class Outcome:
    """What a render changed (or, with `check`, would change), as paths relative to `out`."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)  # hand-written pages whose marker regions changed
    left_alone: list[str] = field(default_factory=list)  # pages not written: a file render did not write is there
    problems: list[Problem] = field(default_factory=list)
    pages: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed or self.refreshed)


def find_config(config_file: Path | None) -> Path | None:
    """The site configuration given, else the first of `CONFIG_FILES` in the current folder, else None."""
    if config_file is not None:
        return config_file
    return next((Path(name) for name in CONFIG_FILES if Path(name).is_file()), None)


def render_settings(
    config_file: Path | None,
    *,
    out: Path | None = None,
    articles: Path | None = None,
    prefix: str | None = None,
    rule_dirs: tuple[Path, ...] = (),
    packs: tuple[str, ...] = (),
    model: str | None = None,
    cache_dir: Path | None = None,
    links: str | None = None,
    places: bool | None = None,
) -> RenderSettings:
    """The settings given, the plugin's options and the site's `docs_dir` in `config_file` filling in the rest.

    `links`: `files` (to the Markdown files; the default with `zensical.toml`, whose generator rewrites
    them) or `pages` (built-page URLs, as the plugin writes them: the default with `mkdocs.yml`).
    ValueError for an unreadable configuration or a bad prefix.
    """
    config = read_config(config_file) if config_file else None
    if config_file is not None and config is None:
        raise ValueError(f"{config_file}: no such file")
    plugin = (read_plugin_options(config_file) if config_file else None) or {}
    root = config_file.resolve().parent if config_file else Path.cwd()
    options = plugin_options(config_file or Path(CONFIG_FILES[0]), rule_dirs, packs, model, cache_dir)
    chosen = options.model
    if chosen != "blank" and (root / chosen).exists():
        chosen = str((root / chosen).resolve())
    size = int(plugin.get("max_article_size", MAX_ARTICLE_SIZE))
    return RenderSettings(
        out=out or root / str((config or {}).get("docs_dir", "docs")),
        articles=articles or root / str(plugin.get("articles", "seeds")),
        rule_dirs=options.rule_dirs,
        packs=options.packs,
        model=chosen,
        cache_dir=options.cache_dir,
        root=root,
        prefix=clean_prefix(prefix or str(plugin.get("prefix", "briefings"))),
        kinds=tuple(plugin.get("pages") or PAGE_KINDS),
        directory_urls=bool((config or {}).get("use_directory_urls", True)),
        file_links=(links or ("files" if config_file and config_file.suffix == ".toml" else "pages")) == "files",
        max_article_size=size or None,
        processes=int(plugin.get("processes", 0)),
        config=config_file,
        places=options.places if places is None else places,
    )


def render(
    settings: RenderSettings,
    *,
    check: bool = False,
    warn: Callable[[str], None] = _ignore,
    progress: Callable[[Progress], None] | None = None,
    caches: Caches | None = None,
) -> Outcome:
    """Write the pages, `factsheets.json`, the CSS and the marker regions (`check`: only say what would change).

    `caches`: kept by a caller that renders again and again (`watching`), else made for this render.
    Raises `FactsheetError` (a `RuleError` for broken rules) before writing anything, as the engine does.
    """
    out = settings.out.resolve()
    paths = ProjectPaths(settings.root.resolve(), out)
    briefing, problems, loaded = _extract(settings, caches or Caches(settings.cache_dir, warn), warn, progress)
    kinds = set(settings.kinds)
    site = SiteMap(
        briefing,
        settings.prefix,
        kinds,
        JSON_URI if "json" in kinds else None,
        directory_urls=settings.directory_urls,
        file_links=settings.file_links,
        shown=paths.shown,
    )
    files: dict[str, str] = {}
    for page in site.pages.values():
        renderer = Renderer(briefing, site, page.src_uri)
        files[page.src_uri] = restore(renderer.page(page, problems, loaded), renderer.held.blocks)
    if site.json_uri:
        files[site.json_uri] = sheets_json([paths.portable(sheet.to_dict()) for sheet in briefing.sheets])
    if site.pages:
        files[posixpath.join(site.prefix, NAV_FILE)] = navigation_yaml(navigation(site, briefing))
    files[CSS_URI] = resources.files("mkdocs_factsheet.site").joinpath("assets/factsheet.css").read_text("utf-8")
    output = _Output(out, check, warn)
    outcome = output.write_generated(files)
    outcome.problems, outcome.pages = problems, len(site.pages)
    written = set(output.manifest)
    for relative in _hand_written_pages(out, written):
        if output.refresh(relative, briefing, site):
            outcome.refreshed.append(relative)
    return outcome


def navigation(site: SiteMap, briefing: Briefing) -> list[dict[str, Any]]:
    """The entries of a bounded navigation of the pages, as MkDocs writes `nav` (paths relative to the prefix).

    The overview, then every other index page, then *Issues* and *Parties*, each by title: their
    number grows with the rules, never with the articles. Article pages and parties named only by
    an article's text are left out; the overview and the issue and party pages link to them.
    """

    def entry(src_uri: str, title: str) -> dict[str, Any]:
        return {title_text(title): posixpath.relpath(src_uri, site.prefix)}

    pages = sorted(site.pages.values(), key=lambda page: nav_key(page.title))
    overview = [entry(page.src_uri, page.title) for page in pages if page.kind == "overview"]
    issues = [entry(page.src_uri, page.title) for page in pages if page.kind == "issue"]
    parties = [
        entry(page.src_uri, page.title)
        for page in pages
        if page.kind == "party" and page.key not in briefing.provisional
    ]
    own = {"issues": issues, "parties": parties}  # the sections open with their folder's index page
    indexes = []
    for page in pages:
        if page.kind == "overview" or posixpath.basename(page.src_uri) != "index.md":
            continue
        if page.kind == "index" and own.get(page.key):
            own[page.key].insert(0, entry(page.src_uri, page.title))
        else:
            indexes.append(entry(page.src_uri, page.title))
    sections = [{title: entries} for title, entries in (("Issues", issues), ("Parties", parties)) if entries]
    return overview + indexes + sections


def navigation_yaml(entries: list[dict[str, Any]]) -> str:
    """The `.nav.yml` of the pages' folder: the entries under `nav`, with a line on where they come from."""
    body = yaml.safe_dump({"nav": entries}, allow_unicode=True, sort_keys=False, width=1000)
    return f"# written by mkdocs-factsheet render: the briefing pages in the navigation (awesome-nav format)\n{body}"


def _extract(
    settings: RenderSettings,
    caches: Caches,
    warn: Callable[[str], None],
    progress: Callable[[Progress], None] | None,
) -> tuple[Briefing, list[Problem], set[str]]:
    """The briefing, the problems with the articles, and the article files published (as the plugin's build)."""
    engine = Engine.create(
        settings.rule_dirs, packs=settings.packs, model=settings.model, caches=caches, warn=warn, places=settings.places
    )
    for problem in engine.rules.warnings:
        warn(str(problem))
    log = ProblemLog()
    folder = settings.articles
    if folder.is_dir() or not folder.exists():
        articles = load_articles([folder], log, max_size=settings.max_article_size)
    else:  # a file: reported, as by the plugin
        find_article_files(folder, log)
        articles = []
    processes = settings.processes or min(os.cpu_count() or 1, 4)
    sheets = propagate(list(engine.extract_all(articles, progress, n_process=processes)), engine.rules)
    engine.prune_caches(articles)
    published = {sheet.article.id for sheet in sheets}
    loaded = {article.path for article in articles if article.id in published}
    return Briefing(sheets, engine.rules), log.problems, loaded


def _hand_written_pages(out: Path, generated: set[str]) -> list[str]:
    """The Markdown pages under `out` that render did not write (hidden files and folders left out), sorted."""
    found = []
    for path in out.rglob("*.md") if out.is_dir() else []:
        relative = path.relative_to(out).as_posix()
        if relative not in generated and path.is_file() and not any(p.startswith(".") for p in relative.split("/")):
            found.append(relative)
    return sorted(found)


def read_manifest(out: Path, warn: Callable[[str], None] = _ignore) -> dict[str, str]:
    """The files the last render into `out` wrote (relative paths), with the hash of their bytes then."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return {name: digest for name, digest in data["files"].items() if isinstance(digest, str)}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        warn(f"{out / MANIFEST}: unreadable ({error}); no earlier page will be removed")
        return {}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Output:
    """Writes into `out` only what changed, and keeps the manifest of the files render wrote."""

    def __init__(self, out: Path, check: bool, warn: Callable[[str], None]):
        self.out = out
        self.check = check
        self.warn = warn
        self.previous = read_manifest(out, warn)
        self.manifest: dict[str, str] = {}  # written now: relative path → hash

    def _ours(self, relative: str, current: bytes | None) -> bool:
        """Whether a file is as render last wrote it (so it may be replaced or removed); True when absent."""
        if current is None:
            path = self.out / relative
            return not path.exists() and not path.is_symlink()
        return self.previous.get(relative) == _digest(current)

    def write_generated(self, files: dict[str, str]) -> Outcome:
        """Write the generated files, remove those of the last render that are gone, update the manifest."""
        outcome = Outcome()
        for relative, content in sorted(files.items()):
            data = content.encode("utf-8")
            current = self._bytes(relative)
            if current != data and not self._ours(relative, current):
                outcome.left_alone.append(relative)
                self.warn(f"{relative}: not as render wrote it (hand-written or edited), so it is left alone")
                continue
            self.manifest[relative] = _digest(data)
            if current != data:
                outcome.written.append(relative)
                self._write(relative, data)
        for relative in sorted(set(self.previous) - set(self.manifest)):
            current = self._bytes(relative)
            if current is not None and self._ours(relative, current):
                outcome.removed.append(relative)
                if not self.check:
                    (self.out / relative).unlink()
                    self._prune_folders(relative)
        manifest = {"generated_by": "mkdocs-factsheet render", "files": self.manifest}
        data = (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
        if self._bytes(MANIFEST) != data:
            self._write(MANIFEST, data)
        return outcome

    def refresh(self, relative: str, briefing: Briefing, site: SiteMap) -> bool:
        """Refresh the marker regions of a hand-written page; whether it changed (or would)."""
        data = self._bytes(relative)
        try:
            source = (data or b"").decode("utf-8")
        except UnicodeDecodeError:
            self.warn(f"{relative}: not UTF-8, its markers are not refreshed")
            return False
        if "factsheet" not in source:
            return False
        renderer = Renderer(briefing, site, relative)
        marker_renderer = markers.MarkerRenderer(briefing, renderer)

        def block(marker: markers.Marker) -> str:
            return restore(marker_renderer(marker), renderer.held.blocks)

        def report(line: int, message: str) -> None:
            self.warn(f"{relative}:{line}: {message}")

        refreshed = markers.refresh(source, block, report)
        if refreshed == source:
            return False
        self._write(relative, refreshed.encode("utf-8"))
        return True

    def _bytes(self, relative: str) -> bytes | None:
        """A file's bytes; None when there is no such file (or the path leads outside `out`)."""
        path = self.out / relative
        if ".." in relative.split("/") or path.is_symlink() or not path.is_file():
            return None
        return path.read_bytes()

    def _write(self, relative: str, data: bytes) -> None:
        if self.check:
            return
        path = self.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)

    def _prune_folders(self, relative: str) -> None:
        """Remove the folders a removed page leaves empty, up to (never including) `out`."""
        folder = posixpath.dirname(relative)
        while folder:
            path = self.out / folder
            if not path.is_dir() or any(path.iterdir()):
                return
            path.rmdir()
            folder = posixpath.dirname(folder)
