"""The MkDocs plugin: a thin adapter that turns the engine's fact sheets into pages.

Data flow of one build: `on_config` resolves the options; `on_pre_build` loads the rules and
the articles and runs the engine (parsing only what the cache has not seen); `on_files` adds the
generated pages; `on_nav` orders them; `on_page_markdown` expands markers in hand-written pages;
`on_page_content` puts the HTML blocks the renderer held back from Markdown into each page. The
engine, and with it the spaCy pipeline, lives on the plugin instance for the whole `serve`
session.
"""

from __future__ import annotations

import logging
import os
import threading
import warnings
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_factsheet import Caches, Engine, FactsheetError, ProblemLog, RuleError, load_articles, load_rules
from mkdocs_factsheet.articles import find_article_files
from mkdocs_factsheet.engine import Memos, propagate
from mkdocs_factsheet.model import sheets_json
from mkdocs_factsheet.problems import RuleWarning
from mkdocs_factsheet.rules import rule_files

from ..site import markers
from ..site.briefing import Briefing
from ..site.html import HeldBlocks, restore, title_text
from ..site.notices import broken_rules_notice
from ..site.pages import Renderer
from ..site.project import ProjectPaths
from ..site.report_page import REPORT_PAGE, report_page
from ..site.urls import CSS_URI, JSON_URI, PageRef, SiteMap, clean_prefix
from .config import FactsheetConfig
from .navigation import collapse_sections, nav_pages, sort_sections

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from mkdocs_factsheet import Article, FactSheet, Problem

log = get_plugin_logger("factsheet")

_LEVELS = {"warn": logging.WARNING, "info": logging.INFO, "ignore": None}


class FactsheetPlugin(BasePlugin[FactsheetConfig]):
    """Publishes fact sheets of parties, positions and issues extracted from news articles."""

    def __init__(self) -> None:
        # Kept across `serve` rebuilds (see `on_startup`): loading spaCy takes a second or two, and
        # reading and compiling the world pack two more. The memos outlive an engine made again.
        self.engine: Engine | None = None
        self.memos = Memos()
        self._engine_model: str | None = None
        self._engine_cache: Path | None = None
        self._rules_signature: tuple[Any, ...] | None = None
        self._serving = False
        self._warm_up: threading.Thread | None = None  # `serve`: loads what the first edit needs (`on_serve`)
        # `serve`: the last build's facts whose rules loaded, shown again while the rules are broken
        self._last_good: tuple[Briefing, list[Problem], set[str]] | None = None
        self._reset()

    def _reset(self) -> None:
        """Forget what the previous build produced (the engine and the caches stay)."""
        self.briefing: Briefing | None = None
        self.site: SiteMap | None = None
        self.problems: list[Problem] = []
        self._generated: dict[str, str] = {}  # src_uri → its title in the nav and `<title>` (escaped, short)
        self._loaded: set[str] = set()
        self._held: dict[str, list[str]] = {}  # src_uri → the HTML blocks its Markdown stands in for
        self._broken_rules: list[str] = []  # `serve`: the rule problems while the last good facts are shown

    # -- events ---------------------------------------------------------------------------------------------

    # Defining `on_startup` makes MkDocs keep this instance for the whole `mkdocs serve` session
    # instead of creating a new one on each rebuild, so the spaCy pipeline is loaded only once.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining the event is what keeps the instance; `serve` keeps the last good site on a rule error."""
        self._serving = command == "serve"

    # Free the pipeline and the compiled packs when `serve` stops (or a build ends): the engine
    # and the memos are all that hold on to them.
    def on_shutdown(self) -> None:
        self._wait_for_warm_up()
        self.engine = None
        self.memos = Memos()
        self._serving, self._last_good = False, None

    # Resolve paths against `mkdocs.yml` (not the working directory) and reset per-build state:
    # with `on_startup` defined this instance outlives each rebuild, and `on_config` is the first
    # event of every build. Watched folders must be added here, before `serve` reads the list.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._reset()
        if not self.config.enabled:
            return config
        root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        self.paths = ProjectPaths(root, Path(config.docs_dir).resolve())
        self.articles_dir = (root / self.config.articles).resolve()
        self.rules_dir = (root / self.config.rules).resolve()
        self.cache_dir = (root / self.config.cache_dir).resolve() if self.config.cache_dir.strip() else None
        model = self.config.model
        if model != "blank" and (root / model).exists():
            model = str((root / model).resolve())
        self.model = model
        try:
            self.prefix = clean_prefix(self.config.prefix)
        except ValueError as error:
            raise PluginError(f"factsheet: {error}") from None
        for folder in (self.articles_dir, self.rules_dir):
            if str(folder) not in config.watch and (folder.exists() or folder == self.articles_dir):
                config.watch.append(str(folder))  # absolute, as `serve` requires
        self._check_cache_dir(config)
        if CSS_URI not in config.extra_css:
            config.extra_css.insert(0, CSS_URI)  # first, so the theme's and the user's CSS can override it
        return config

    # Load the rules and run the engine before MkDocs cleans `site_dir`: if the rules are broken
    # `mkdocs build` stops here. `mkdocs serve` logs the errors and builds the site again from the last
    # good facts (a failed build would leave every request waiting until the next good one), then
    # recovers on the fix; its first build has no good facts yet and stops like `build`.
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self._wait_for_warm_up()  # a build never runs beside it: the engine is not shared between threads
        try:
            self.briefing = self._extract()
        except _BrokenRules as error:
            if not self._serving or self._last_good is None:
                raise
            message = str(error).removeprefix("factsheet: ")  # the plugin's logger names it already
            log.error(f"{message}\n  Serving the last good briefing pages until the rules are fixed.")
            self.briefing, self.problems, self._loaded = self._last_good
            self._broken_rules = error.problems
            return
        self._last_good = (self.briefing, self.problems, self._loaded)

    # `serve` only, once its first build is done (a warm cache loads neither spaCy nor the compiled
    # rules): load them in the background, so the first rule or article edit is as quick as the next
    # ones. `mkdocs build` never gets here. The next build waits for it in `on_pre_build`.
    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        engine = self.engine
        if self.config.enabled and engine is not None and self._warm_up is None and not engine.compiled_ready:
            self._warm_up = threading.Thread(target=_warm_up, args=(engine,), name="factsheet-warm-up", daemon=True)
            self._warm_up.start()
        return server

    # Pages are generated here, the only event where new files still get pages and nav entries
    # (`set_exclusions` and the nav come right after). Late (-50), so files other plugins generate
    # (mkdocs-gen-files) are seen and win; before literate-nav (-100) so it can list ours.
    @event_priority(-50)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.briefing is None:
            return files
        kinds = set(self.config.pages)
        json_uri = JSON_URI if "json" in kinds else None
        # Links in raw HTML are built-page URLs (so `use_directory_urls` matters); rule files are shown
        # relative to the project.
        self.site = site = SiteMap(
            self.briefing,
            self.prefix,
            kinds,
            json_uri,
            directory_urls=config.use_directory_urls,
            shown=self.paths.shown,
        )
        # With an explicit `nav`, pages left out of it are expected: NOT_IN_NAV keeps MkDocs quiet
        # about them (`validation.nav.omitted_files`). Without one, `nav_pages` says which pages the
        # menu lists (the others are NOT_IN_NAV too), and the user's `not_in_nav` applies to those.
        menu = {page.src_uri for page in site.menu_pages()}
        for page in site.pages.values():
            listed = config.nav is None and (self.config.nav_pages == "all" or page.src_uri in menu)
            inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
            if files.get_file_from_path(page.src_uri) is not None:
                log.info(f"{page.src_uri} exists in docs_dir, so it is used instead of the generated page")
                continue
            file = File.generated(config, page.src_uri, content=self._render(page), inclusion=inclusion)
            file.edit_uri = self.paths.edit_uri(self.briefing.source_path(page.kind, page.key))
            files.append(file)
            self._generated[page.src_uri] = title_text(page.title)
        if self.config.report:  # an opt-in page for the site's authors: in the menu as the index pages are
            self._add_report(
                files, config, InclusionLevel.UNDEFINED if config.nav is None else InclusionLevel.NOT_IN_NAV
            )
        if json_uri and files.get_file_from_path(json_uri) is None:
            files.append(File.generated(config, json_uri, content=self._json()))
        if files.get_file_from_path(CSS_URI) is None:
            css = resources.files("mkdocs_factsheet.site").joinpath("assets/factsheet.css").read_text(encoding="utf-8")
            files.append(File.generated(config, CSS_URI, content=css))
        return files

    # Without an explicit `nav`, MkDocs lists generated pages by file name; order them as a reader
    # expects: the overview first, then Articles, Issues and Parties (each an index page, followed by
    # its pages sorted by title with `nav_pages: all`).
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or config.nav is not None or self.site is None:
            return nav
        titles = {uri: page.title for uri, page in self.site.by_uri().items()}
        generated = set(self._generated)
        if collapse_sections(nav.items, generated) | sort_sections(nav.items, titles, generated):
            pages = list(nav_pages(nav.items))
            for index, page in enumerate(pages):
                page.previous_page = pages[index - 1] if index else None
                page.next_page = pages[index + 1] if index + 1 < len(pages) else None
            nav.pages = pages
        return nav

    # Markers are expanded in the Markdown, before it is converted: each becomes HTML blocks held
    # back from Markdown (links already the built pages' URLs), put in place by `on_page_content`.
    # Generated pages hold no markers.
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.briefing is None or self.site is None:
            return markdown
        if page.file.src_uri in self._generated:
            # MkDocs would take the title from the page's heading, in full: it goes into every page's nav
            page.title = self._generated[page.file.src_uri]
            return markdown
        if "factsheet" not in markdown:
            return markdown
        renderer = Renderer(self.briefing, self.site, page.file.src_uri)
        where = self.paths.shown(page.file.abs_src_path) if page.file.abs_src_path else page.file.src_uri
        try:
            offset = markers.lines_before(page.file.content_string, markdown)
        except (OSError, UnicodeDecodeError):
            offset = 0

        def report(line: int, message: str) -> None:
            self._log("markers", f"{where}:{line + offset}: {message}")

        expanded = markers.expand(markdown, markers.MarkerRenderer(self.briefing, renderer), report)
        self._held[page.file.src_uri] = renderer.held.blocks
        return expanded

    # The HTML blocks go in right after Markdown made the page's HTML, before any other plugin
    # (search, minifiers) reads it; Markdown itself never parses them (see `site.html`).
    @event_priority(100)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        held = self._held.get(page.file.src_uri)
        return restore(html, held) if held else html

    def standalone_markdown(self, src_uri: str, markdown: str) -> str:
        """A page's Markdown with its held-back HTML blocks written in: the page as a static file would hold it."""
        return restore(markdown, self._held.get(src_uri, []))

    # -- extraction -----------------------------------------------------------------------------------------

    def _extract(self) -> Briefing:
        engine = self._engine()
        problems = ProblemLog()
        folder = self.articles_dir
        if folder.is_dir() or not folder.exists():
            articles = load_articles([folder], problems, max_size=self.config.max_article_size or None)
        else:  # a file: reported by `find_article_files` (`load_articles` would read it as an article)
            find_article_files(folder, problems)
            articles = []
        # the per-article sheets (cached), then what the articles say of each other's people (never cached)
        sheets = propagate(self._fact_sheets(engine, articles, problems), engine.rules)
        for problem in problems.problems:
            self._log("articles", self.paths.problem_text(problem))
        skipped = problems.skipped()
        if skipped:  # one line that counts what is missing from the site, and why
            counts = ", ".join(f"{count} {reason}" for reason, count in skipped.items())
            self._log("articles", f"{sum(skipped.values())} article file(s) skipped, not published: {counts}")
        self.problems = problems.problems
        self._loaded = {article.path for article in articles if article.id in {s.article.id for s in sheets}}
        return Briefing(sheets, engine.rules)

    def _engine(self) -> Engine:
        """The engine, created once; later builds only reload the rules, and only when they changed.

        Creating it loads the rules, not spaCy: the engine loads the pipeline only when an article
        has no cached fact sheet, so a build where nothing changed never pays for it.
        """
        signature = self._signature()
        try:
            if self.engine is None or (self._engine_model, self._engine_cache) != (self.model, self.cache_dir):
                self.engine = None
                with self._relay_warnings():
                    caches = Caches(self.cache_dir, self._engine_warning, self.memos)
                    self.engine = Engine.create(
                        [self.rules_dir],
                        packs=list(self.config.packs),
                        model=self.model,
                        caches=caches,
                        warn=self._engine_warning,
                        places=self.config.places,
                    )
                self._engine_model, self._engine_cache = self.model, self.cache_dir
            elif signature != self._rules_signature:
                layers = self.engine.caches.rule_layers
                rules = load_rules([self.rules_dir], list(self.config.packs), layers=layers, places=self.config.places)
                self.engine.use_rules(rules)
        except RuleError as error:
            self._rules_signature = None
            problems = [self.paths.problem_text(p) for p in error.problems if p.severity == "error"]
            raise _BrokenRules(self._rule_error_text(error), problems) from None
        if signature != self._rules_signature:
            for problem in self.engine.rules.warnings:  # collisions between rules: `mkdocs build --strict` fails
                self._log("rules", self.paths.problem_text(problem))
        self._rules_signature = signature
        return self.engine

    def _fact_sheets(self, engine: Engine, articles: list[Article], problems: ProblemLog) -> list[FactSheet]:
        """Fact sheets in article order; the engine reuses cached sheets and parses only what it must."""
        sheets: list[FactSheet] = []
        with self._relay_warnings():
            try:
                sheets = list(engine.extract_all(articles, progress=self._progress, n_process=self._processes()))
            except FactsheetError as error:  # the pipeline could not be loaded
                raise PluginError(f"factsheet: {error}") from None
            except Exception:  # noqa: BLE001 - find the culprit: one bad article must not sink the site
                sheets = []
                for article in articles:
                    try:
                        sheets.append(engine.extract(article))
                    except FactsheetError as error:
                        raise PluginError(f"factsheet: {error}") from None
                    except Exception as error:  # noqa: BLE001
                        problems.error(
                            article.path,
                            f"the article could not be analysed: {type(error).__name__}: {error}",
                            "please report this as a bug, with the article",
                            reason="could not be analysed",
                        )
        engine.prune_caches(articles)
        return sheets

    def _processes(self) -> int:
        """The most processes to parse with; the engine uses one when only a few articles need parsing."""
        return self.config.processes or min(os.cpu_count() or 1, 4)

    def _signature(self) -> tuple[Any, ...]:
        """Cheap fingerprint of the rule files (names, sizes, times) to skip reloading unchanged rules."""
        files = tuple(
            (str(path), stat.st_size, stat.st_mtime_ns) for path in rule_files(self.rules_dir) for stat in [path.stat()]
        )
        return (str(self.rules_dir), tuple(self.config.packs), self.config.places, files)

    # -- pages ----------------------------------------------------------------------------------------------

    def _render(self, page: PageRef) -> str:
        assert self.briefing is not None and self.site is not None
        renderer = Renderer(self.briefing, self.site, page.src_uri)
        self._held[page.src_uri] = renderer.held.blocks
        return self._with_notice(renderer.page(page, self.problems, self._loaded), renderer.held)

    def _add_report(self, files: Files, config: MkDocsConfig, inclusion: InclusionLevel) -> None:
        """The opt-in report page: the rules' coverage over the articles, and what to add."""
        assert self.briefing is not None
        src_uri = f"{self.prefix}/{REPORT_PAGE}"
        rules_dir = self.paths.shown(str(self.rules_dir))
        from mkdocs_factsheet.report import build_report  # an opt-in page: imported when asked for

        report = build_report(self.briefing.sheets, self.briefing.rules, rules_dir)
        held = HeldBlocks()
        content = self._with_notice(report_page(report, held, self.paths.shown), held)
        self._held[src_uri] = held.blocks
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
        self._generated[src_uri] = "Rule coverage"

    def _with_notice(self, markdown: str, held: HeldBlocks) -> str:
        """A generated page with, while `serve` shows the last good facts, the rule problems under its title."""
        if not self._broken_rules:
            return markdown
        title, _, rest = markdown.partition("\n")
        return f"{title}\n\n{held.hold(broken_rules_notice(self._broken_rules))}\n{rest}"

    def _json(self) -> str:
        """The array `mkdocs-factsheet extract --format json` prints: same input, same bytes (docs/guide/json.md)."""
        assert self.briefing is not None
        return sheets_json([self.paths.portable(sheet.to_dict()) for sheet in self.briefing.sheets])

    # -- helpers --------------------------------------------------------------------------------------------

    def _wait_for_warm_up(self) -> None:
        if self._warm_up is not None:
            self._warm_up.join()

    def _check_cache_dir(self, config: MkDocsConfig) -> None:
        """A cache inside a watched folder makes `mkdocs serve` rebuild after each of its own writes."""
        if self.cache_dir is None:
            return
        watched = [("docs_dir", self.paths.docs_dir)] + [("watched folder", Path(w).resolve()) for w in config.watch]
        for what, folder in watched:
            if self.cache_dir == folder or self.cache_dir.is_relative_to(folder):
                raise PluginError(
                    f"factsheet: cache_dir {self.cache_dir} is inside the {what} {folder}: `mkdocs serve` would "
                    "rebuild in a loop. Put it elsewhere (the default is .cache/factsheet next to mkdocs.yml)."
                )

    def _rule_error_text(self, error: RuleError) -> str:
        errors = [p for p in error.problems if p.severity == "error"]
        for problem in error.problems:
            if problem.severity != "error":
                self._log("rules", self.paths.problem_text(problem))
        lines = "\n".join(f"  {self.paths.problem_text(p)}" for p in errors)
        return f"factsheet: {len(errors)} problem(s) in the rules; fix them and build again:\n{lines}"

    def _log(self, kind: str, message: str) -> None:
        level = _LEVELS[self.config.log_level[kind]]
        if level is not None:
            log.log(level, message)

    def _engine_warning(self, message: str) -> None:
        self._log("engine", message)

    def _progress(self, progress: Any) -> None:
        level = logging.INFO if progress.parsed else logging.DEBUG
        log.log(
            level,
            f"analysed {progress.done}/{progress.total} articles ({progress.parsed} parsed, "
            f"{progress.cached} parses and {progress.reused} fact sheets from the cache)",
        )

    def _relay_warnings(self) -> _WarningRelay:
        return _WarningRelay(self._engine_warning)


class _WarningRelay:
    """Catches Python warnings (spaCy's) inside a block and re-logs each distinct one through MkDocs."""

    def __init__(self, emit: Callable[[str], None]):
        self.emit = emit
        self._context = warnings.catch_warnings(record=True)

    def __enter__(self) -> None:
        self._caught = self._context.__enter__()
        warnings.simplefilter("always")

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._context.__exit__(kind, error, trace)
        for message in dict.fromkeys(_warning_text(w.message) for w in self._caught or []):
            self.emit(message)


class _BrokenRules(PluginError):
    """The rules did not load: what `mkdocs serve` survives with the last good facts."""

    def __init__(self, message: str, problems: list[str]):
        super().__init__(message)
        self.problems = problems  # each at file:line:column


def _warning_text(warning: Warning | str) -> str:
    """A caught warning as the log shows it: ours as they are, spaCy's (all others) so labelled."""
    message = str(warning)
    return message if isinstance(warning, RuleWarning) or message.startswith("spaCy") else f"spaCy: {message}"


def _warm_up(engine: Engine) -> None:
    """Load the engine's pipeline and compile its rules (the packs' layers kept in its memos)."""
    try:
        engine.compiled  # noqa: B018 - loads the pipeline, the lemma tables and the compiled packs
    except Exception as error:  # noqa: BLE001 - the next build that needs them reports it, with context
        log.debug(f"loading the pipeline ahead of the first edit failed: {error}")
