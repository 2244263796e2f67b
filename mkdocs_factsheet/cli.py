"""The `mkdocs-factsheet` command line: a thin adapter over the engine, like the MkDocs plugin.

Exit codes: 0 success, 1 problems found (bad rules, failing examples, unreadable articles),
2 wrong usage (click's convention).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .articles import MAX_ARTICLE_SIZE, load_articles
from .caching.fingerprints import DEFAULT_MODEL
from .checking import check_examples
from .engine import Caches, Engine, Progress, propagate
from .mkdocs_options import Options, plugin_options
from .model import sheets_json
from .problems import FactsheetError, ProblemLog, RuleError
from .report import build_report
from .report.markdown import report_markdown
from .rules import available_packs
from .rules.files import wildcard_warnings
from .rules.schema import json_schema
from .site.plain import render_markdown

if TYPE_CHECKING:  # `render` imports its modules itself, when it runs
    from . import rendering, watching
    from .nlp.mentions import ResolvedMentions

_rules_option = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Rules folder (parties/, issues/, agents/, cues/). Repeat to combine folders. "
    "[default: the factsheet plugin's `rules` in mkdocs.yml, else rules]",
)
_pack_option = click.option(
    "--pack",
    "packs",
    multiple=True,
    help=f"Built-in rule pack to load first ({', '.join(available_packs())}). [default: the plugin's `packs`]",
)
_places_option = click.option(
    "--places/--no-places",
    default=None,
    expose_value=False,
    callback=lambda context, _, value: context.meta.__setitem__("factsheet.places", value),
    help="Whether the packs' states, provinces and cities name their country (Ohio → United States). "
    "[default: the plugin's `places`, else yes]",
)
_model_option = click.option(
    "--model",
    default=None,
    help="spaCy pipeline: an installed package, a folder, or `blank` (fast, rules only: no parser, no NER). "
    f"[default: the plugin's `model`, else {DEFAULT_MODEL}]",
)
_cache_option = click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the caches of parses, fact sheets and rule packs "
    "[default: the plugin's `cache_dir` when mkdocs.yml is there, else none].",
)
_config_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The MkDocs configuration whose factsheet plugin options are the defaults (ignored when absent).",
)


def _rule_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that choose the rules, the pipeline and the cache (`render` reads its own configuration)."""
    for option in (_cache_option, _model_option, _pack_option, _rules_option):
        command = option(command)
    return command


def _engine_options(command: Callable[..., None]) -> Callable[..., None]:
    """The rule options, and the MkDocs configuration that gives their defaults."""
    return _rule_options(_places_option(_config_option(command)))


def _fail(error: FactsheetError) -> None:
    if isinstance(error, RuleError):
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(error.problems)} problem(s) in the rules.", err=True)
    else:
        click.echo(f"error: {error}", err=True)
    sys.exit(1)


def _engine(options: Options, *, load_pipeline: bool = True) -> Engine:
    def warn(message: str) -> None:
        click.echo(f"warning: {message}", err=True)

    try:
        caches = Caches(options.cache_dir, warn)
        engine = Engine.create(
            options.rule_dirs, packs=options.packs, model=options.model, caches=caches, warn=warn, places=options.places
        )
        for problem in engine.rules.warnings:
            click.echo(f"warning: {problem}", err=True)
        if load_pipeline:
            engine.pipeline  # noqa: B018 - load it now, so that a missing pipeline is reported like a rule error
        return engine
    except FactsheetError as error:
        _fail(error)
        raise AssertionError("unreachable") from None  # pragma: no cover


def _options(
    config_file: Path, rule_dirs: tuple[Path, ...], packs: tuple[str, ...], model: str | None, cache_dir: Path | None
) -> Options:
    """The command line's options, the factsheet plugin's in mkdocs.yml filling in what it does not give."""
    try:
        options = plugin_options(config_file, rule_dirs, packs, model, cache_dir)
    except ValueError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    places = click.get_current_context().meta.get("factsheet.places")
    if places is not None:
        options.places = places
    if options.config:
        click.echo(f"using {options.config}: {options.summary()}", err=True)
    return options


def _report(log: ProblemLog) -> None:
    for problem in log.problems:
        click.echo(f"{problem.severity}: {problem}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mkdocs-factsheet")
def main() -> None:
    """Fact sheets of parties, positions and issues from news articles."""


@main.command()
@_engine_options
@click.option(
    "--format", "output_format", type=click.Choice(["json", "jsonl", "markdown"]), default="json", show_default=True
)
@click.option("--strict", is_flag=True, help="Exit with 1 on warnings about articles too.")
@click.option(
    "--max-article-size",
    type=int,
    default=MAX_ARTICLE_SIZE,
    show_default=True,
    help="Largest article file read, in bytes (0: no limit); larger files are reported and skipped.",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def extract(
    rule_dirs: tuple[Path, ...],
    packs: tuple[str, ...],
    model: str | None,
    cache_dir: Path | None,
    config_file: Path,
    output_format: str,
    strict: bool,
    max_article_size: int,
    paths: tuple[Path, ...],
) -> None:
    """Print the fact sheets of article files or folders (json: one array)."""
    log = ProblemLog()
    articles = load_articles(list(paths), log, max_size=max_article_size or None)
    engine = _engine(_options(config_file, rule_dirs, packs, model, cache_dir))

    def progress(state: Progress) -> None:
        if state.total > 20:
            click.echo(f"{state.done}/{state.total} articles ({state.cached} from cache)", err=True)

    # the affiliations one article states are carried into the others: every sheet first, then the pass
    sheets = propagate(list(engine.extract_all(articles, progress)), engine.rules)
    if output_format == "json":
        click.echo(sheets_json([sheet.to_dict() for sheet in sheets]), nl=False)
    elif output_format == "jsonl":
        for sheet in sheets:
            click.echo(json.dumps(sheet.to_dict(), ensure_ascii=False))
    else:
        for sheet in sheets:
            click.echo(render_markdown(sheet))
    _report(log)
    if log.errors or (strict and log.problems):
        sys.exit(1)


@main.command()
@_engine_options
@click.option("--strict", is_flag=True, help="Exit with 1 on warnings too (collisions and shadowing between rules).")
def check(
    rule_dirs: tuple[Path, ...],
    packs: tuple[str, ...],
    model: str | None,
    cache_dir: Path | None,
    config_file: Path,
    strict: bool,
) -> None:
    """Validate every rule file, report collisions between rules, and run every example and counter-example.

    Examples whose text and rules are unchanged since the last run are read from the cache.
    """
    engine = _engine(_options(config_file, rule_dirs, packs, model, cache_dir), load_pipeline=False)
    failures = check_examples(engine)
    for failure in failures:
        click.echo(str(failure), err=True)
    risky = wildcard_warnings(list(rule_dirs))
    for problem in risky:
        click.echo(f"warning: {problem}", err=True)
    total = len(engine.rules.examples)
    files = len(engine.rules.files)
    warned = len(engine.rules.warnings)
    if failures:
        click.echo(f"{len(failures)} of {total} examples failed ({files} rule files).", err=True)
    if risky:
        click.echo(f"{len(risky)} token pattern(s) may make a build hang ({files} rule files).", err=True)
    if failures or risky:
        sys.exit(1)
    click.echo(f"{files} rule files valid; {total} examples pass" + (f"; {warned} warning(s)." if warned else "."))
    if strict and warned:
        click.echo("--strict: the warnings above count as errors.", err=True)
        sys.exit(1)


@main.command()
@_engine_options
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def explain(
    rule_dirs: tuple[Path, ...],
    packs: tuple[str, ...],
    model: str | None,
    cache_dir: Path | None,
    config_file: Path,
    article: Path,
) -> None:
    """Show, for each fact, which rule fired on which words and why each name was resolved."""
    log = ProblemLog()
    articles = load_articles([article], log)
    _report(log)
    if not articles:
        sys.exit(1)
    engine = _engine(_options(config_file, rule_dirs, packs, model, cache_dir))
    from .nlp.extraction import find_mentions
    from .nlp.losers import losing_matches
    from .nlp.text import BodyText

    doc = engine.parse(articles[0])
    text = BodyText.of(articles[0])
    resolved = find_mentions(articles[0], doc, engine.compiled, text)
    sheet = engine.extract(articles[0], doc)
    click.echo(f"# {articles[0].title}")
    _explain_mentions(engine, resolved)
    click.echo("\n## Matches that lost (rule, its file, why)")
    for loser in losing_matches(doc, engine.compiled, text, resolved):
        click.echo(f"- {loser.text!r} @{loser.start}-{loser.end}: {loser.rule} [{loser.source}]: {loser.why}")
    click.echo("\n## Positions")
    for position in sheet.positions:
        speaker = position.speaker
        click.echo(
            f"- {speaker.text!r} → {speaker.actor or 'unresolved'} ({speaker.party or '?'}), {position.kind}, "
            f"rule {position.rule}"
        )
        click.echo(f"  content: {position.content.text!r}")
        for reason in position.why:
            click.echo(f"  because: {reason}")
    click.echo("\n## Unassigned actors (no rule covers them)")
    for actor in sheet.unassigned_actors:
        click.echo(f"- {actor.name} ({actor.label}, {actor.mentions}×)")


def _explain_mentions(engine: Engine, resolved: ResolvedMentions) -> None:
    """The parties, actors and issues found, with the rule and the reasons of each."""
    names = {party.id: party.name for party in engine.rules.parties.values()}
    names |= {party.id: f"{party.name} (provisional: not in the rules)" for party in resolved.provisional}
    click.echo("\n## Parties and actors")
    for mention in resolved.mentions:
        who = f"{mention.actor} ({names[mention.party]})" if mention.actor else names[mention.party]
        source = engine.rules.source_of("party", mention.party)
        origin = str(source) if source is not None else "the text"
        click.echo(
            f"- {mention.text!r} @{mention.start_char}-{mention.end_char} → {who}: {'; '.join(mention.why)} [{origin}]"
        )
    click.echo("\n## Issues")
    for issue_id, issue_mention in resolved.issue_mentions:
        source = engine.rules.source_of("issue", issue_id)
        click.echo(
            f"- {issue_mention.text!r} @{issue_mention.start}-{issue_mention.end} → {issue_id}: "
            f"{issue_mention.rule} [{source}]"
        )


@main.command()
@_rule_options
@_places_option
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The site configuration (mkdocs.yml or zensical.toml) whose factsheet options and docs_dir are the "
    "defaults. [default: whichever is in the current folder]",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The docs folder to write into: pages under <prefix>/, factsheets.json and the CSS at its root; its "
    "hand-written pages get their markers refreshed. [default: the configuration's docs_dir, else docs]",
)
@click.option("--articles", type=click.Path(path_type=Path), default=None, help="[default: the plugin's `articles`]")
@click.option("--prefix", default=None, help="Folder of the pages inside --out. [default: the plugin's `prefix`]")
@click.option(
    "--links",
    type=click.Choice(["files", "pages"]),
    default=None,
    help="Links in the pages' HTML: to the Markdown files (for generators that rewrite them, like Zensical, "
    "and for reading the files) or to the built pages' URLs (MkDocs). [default: files with zensical.toml]",
)
@click.option("--check", is_flag=True, help="Write nothing; exit with 1 when a page or marker region is stale.")
@click.option(
    "--watch",
    is_flag=True,
    help="Keep running (beside `zensical serve`…): render again when an article, a rule or a page of yours "
    "changes, writing only the files that change. Ctrl-C stops.",
)
@click.option(
    "--interval", type=click.FloatRange(min=0.05), default=1.0, show_default=True, help="Seconds between polls."
)
def render(
    rule_dirs: tuple[Path, ...],
    packs: tuple[str, ...],
    model: str | None,
    cache_dir: Path | None,
    config_file: Path | None,
    out: Path | None,
    articles: Path | None,
    prefix: str | None,
    links: str | None,
    check: bool,
    watch: bool,
    interval: float,
) -> None:
    """Write the briefing pages as Markdown files, for site generators that run no plugin (Zensical…).

    Only files an earlier render wrote are replaced or removed (see .factsheet-manifest.json in the folder).
    """
    from . import rendering, watching

    if watch and check:
        raise click.UsageError("--watch writes the pages, --check only compares them: give one of the two")
    config_file = rendering.find_config(config_file)
    try:
        settings = rendering.render_settings(
            config_file,
            out=out,
            articles=articles,
            prefix=prefix,
            rule_dirs=rule_dirs,
            packs=packs,
            model=model,
            cache_dir=cache_dir,
            links=links,
            places=click.get_current_context().meta.get("factsheet.places"),
        )
    except ValueError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    if config_file:
        click.echo(f"using {config_file}", err=True)

    def warn(message: str) -> None:
        click.echo(f"warning: {message}", err=True)

    if watch:
        click.echo(f"watching {settings.articles} and the rules; Ctrl-C stops", err=True)
        watching.watch(watching.Watcher(settings, warn), _report_cycle(settings), interval)
        click.echo("stopped", err=True)
        return
    try:
        outcome = rendering.render(settings, check=check, warn=warn)
    except FactsheetError as error:
        _fail(error)
    _report_render(outcome, settings, check)
    if check and outcome.changed:
        sys.exit(1)


def _report_render(outcome: rendering.Outcome, settings: rendering.RenderSettings, check: bool = False) -> None:
    """The problems with the articles, then each file written (or stale) or removed, then a summary line."""
    for problem in outcome.problems:
        click.echo(f"{problem.severity}: {problem}", err=True)
    verb = "stale" if check else "written"
    lines = [f"{name}: {verb}" for name in outcome.written + outcome.refreshed]
    lines += [f"{name}: {'to remove' if check else 'removed'}" for name in outcome.removed]
    for line in lines:
        click.echo(line)
    where = f"{outcome.pages} pages in {settings.out}/{settings.prefix}"
    click.echo(f"{where}: {len(lines)} file(s) {verb}" if lines else f"{where}: up to date", err=True)


def _report_cycle(settings: rendering.RenderSettings) -> Callable[[watching.Cycle], None]:
    """What `render --watch` says after each render: what changed, then what was written, or why nothing was."""
    from .watching import error_lines

    def report(cycle: watching.Cycle) -> None:
        if cycle.changed:
            more = f" and {len(cycle.changed) - 3} more" if len(cycle.changed) > 3 else ""
            click.echo(f"changed: {', '.join(cycle.changed[:3])}{more}", err=True)
        if cycle.error is not None:
            for line in error_lines(cycle.error):
                click.echo(line, err=True)
            click.echo("nothing written: the pages stay as the last render left them", err=True)
        elif cycle.outcome is not None:
            _report_render(cycle.outcome, settings)

    return report


@main.command()
@_engine_options
@click.option("--scheduler", default=None, help="Address of a Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option("--local-workers", type=int, default=2, help="Without --scheduler: a LocalCluster of N processes. [2]")
@click.option("--parse-only", is_flag=True, help="Cache the parses only, not the fact sheets.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def parse(scheduler: str | None, local_workers: int, parse_only: bool, paths: tuple[Path, ...], **rules: Any) -> None:
    """Parse (and analyse) on a Dask cluster what the cache lacks, for the next build (extra: [dask])."""
    from .engine.cluster import MissingDask, run_on_cluster

    options = _options(**rules)
    articles = load_articles(list(paths), log := ProblemLog())
    _report(log)
    try:
        done = run_on_cluster(_engine(options, load_pipeline=False), articles, scheduler, local_workers, not parse_only)
    except (MissingDask, ValueError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    click.echo(done, err=True)


@main.command()
def schema() -> None:
    """Print the rule files' JSON Schema (for editor completion and checking)."""
    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@main.command()
@_engine_options
@click.option(
    "--format", "output_format", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True
)
@click.option("--top", type=int, default=20, show_default=True, help="Entries shown per ranked list (0: all).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def report(
    rule_dirs: tuple[Path, ...],
    packs: tuple[str, ...],
    model: str | None,
    cache_dir: Path | None,
    config_file: Path,
    output_format: str,
    top: int,
    paths: tuple[Path, ...],
) -> None:
    """Sum over articles: hits per rule and phrase, what never fired, names no rule covers, YAML to add."""
    log = ProblemLog()
    articles = load_articles(list(paths), log)
    options = _options(config_file, rule_dirs, packs, model, cache_dir)
    engine = _engine(options)
    sheets = propagate(list(engine.extract_all(articles)), engine.rules)
    rules_dir = options.rule_dirs[0].as_posix() if options.rule_dirs else "rules"
    summary = build_report(sheets, engine.rules, rules_dir)
    if output_format == "json":
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(report_markdown(summary, top=top), nl=False)
    _report(log)
    if log.errors:
        sys.exit(1)
