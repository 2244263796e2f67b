"""The engine: articles + rules + a spaCy pipeline → fact sheets. Knows nothing of MkDocs.

Parsing (expensive) and applying rules (cheap) are separate: `parse` goes through the parse
cache, `extract` only reads the parsed `Doc`. `use_rules` swaps the rules without touching the
pipeline or any parse. `extract_all` first looks in the fact-sheet cache: when neither an article
nor the rules nor the engine changed, its sheet is read back and spaCy is not even loaded. After a
rule edit, an article's last sheet is carried over when none of the edited rules matched it before
and none can match it now (judged on the words it contains); only the others are analysed again.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from ..articles import Article
from ..caching.stores import ParseCache, RecordCache, SheetCache, cache_key, decode_sheet, encode_doc, encode_sheet
from ..caching.fingerprints import DEFAULT_MODEL, code_fingerprint, pipeline_fingerprint
from ..model import FactSheet
from ..rules import RuleSet, load_rules

if TYPE_CHECKING:  # the modules that import spaCy are imported where first needed, not here
    from spacy.tokens import Doc

    from ..nlp.extraction import Extraction
    from ..nlp.matching import CompiledRules, Trigger
    from ..nlp.pipeline import Pipeline

Warn = Callable[[str], None]
# Extra processes are used only for a batch of at least this many articles per process (a
# process that loads its own copy of the pipeline takes about a second to start).
ARTICLES_PER_PROCESS = 8
# Where processes can be forked, each parses and analyses a task of this many articles: the
# pipeline and the compiled rules are inherited, not loaded again, and the rules' work runs in
# parallel too. Elsewhere spaCy's own `n_process` parses and this process analyses.
ARTICLES_PER_TASK = 8
_FORK = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
_forked_engine: Engine | None = None  # the engine a forked worker inherits


@dataclass
class Progress:
    """How far a long run has got (for progress messages)."""

    done: int
    total: int
    parsed: int
    cached: int  # parses read from the parse cache
    reused: int = 0  # fact sheets read from the fact-sheet cache or carried over (neither parsed nor analysed)


class Engine:
    """Extracts fact sheets; loads the pipeline and compiles the rules only when a sheet must be made."""

    def __init__(
        self,
        pipeline: Pipeline | str,
        rules: RuleSet,
        cache: ParseCache | None = None,
        sheets: SheetCache | None = None,
        warn: Warn = lambda message: None,
        records: RecordCache | None = None,
    ):
        """`pipeline` is a loaded pipeline, or the name of one to load on first use."""
        self._pipeline = None if isinstance(pipeline, str) else pipeline
        self.model = pipeline if isinstance(pipeline, str) else pipeline.name
        self.warn = warn
        self.cache = cache or ParseCache(None)
        self.sheets = sheets or SheetCache(None)
        self.records = records or RecordCache(None)
        self._triggers: dict[tuple[str, str], list[Trigger] | None] = {}
        self.parse_count = 0
        self.rules = rules
        self._compiled: CompiledRules | None = None
        self._fingerprint = None if self._pipeline is None else self._pipeline.fingerprint

    @classmethod
    def create(
        cls,
        rule_dirs: Iterable[Path] = (Path("rules"),),
        *,
        packs: Iterable[str] = (),
        model: str = DEFAULT_MODEL,
        cache_dir: Path | None = None,
        warn: Warn = lambda message: None,
    ) -> "Engine":
        """Load the rules (cheap, and the commonest mistake); the pipeline is loaded when first needed.

        Under `cache_dir`: `docs/` parses, `sheets/` fact sheets, `records/` what each sheet
        depended on, `rules/` validated rule layers.
        """
        rules = load_rules(list(rule_dirs), list(packs), cache_dir=cache_dir / "rules" if cache_dir else None)
        return cls(
            model, rules,
            ParseCache(cache_dir / "docs" if cache_dir else None, warn),
            SheetCache(cache_dir / "sheets" if cache_dir else None, warn),
            warn,
            RecordCache(cache_dir / "records" if cache_dir else None, warn),
        )

    @property
    def pipeline(self) -> Pipeline:
        """The spaCy pipeline, loaded on first use (raises `PipelineError` if it cannot be)."""
        if self._pipeline is None:
            from ..nlp.pipeline import load_pipeline

            self._pipeline = load_pipeline(self.model, on_warning=self.warn)
            self._fingerprint = self._pipeline.fingerprint
        return self._pipeline

    @property
    def pipeline_loaded(self) -> bool:
        return self._pipeline is not None

    @property
    def fingerprint(self) -> str:
        """The pipeline's fingerprint, from its package metadata when possible (without loading it)."""
        if self._fingerprint is None:
            self._fingerprint = pipeline_fingerprint(self.model) or self.pipeline.fingerprint
        return self._fingerprint

    @property
    def compiled(self) -> CompiledRules:
        if self._compiled is None:
            from ..nlp.matching import compile_rules

            self._compiled = compile_rules(self.rules, self.pipeline)
        return self._compiled

    def use_rules(self, rules: RuleSet) -> None:
        """Replace the rules; parses stay valid (they never depend on rules)."""
        self.rules = rules
        self._compiled = None

    def key(self, article: Article) -> str:
        """The parse-cache key of an article's body."""
        return cache_key(self.fingerprint, article.digest)

    def sheet_key(self, article: Article) -> str | None:
        """The fact-sheet-cache key: the article file, the rules, the pipeline and the engine's code.

        None for rules without a fingerprint (built in code rather than loaded from files).
        """
        if not self.rules.fingerprint:
            return None
        return cache_key("sheet", article.path, article.text, self.rules.fingerprint, self.fingerprint, code_fingerprint())

    def record_key(self, article: Article) -> str:
        """The record-cache key: the article file under this pipeline and engine, whatever the rules."""
        return cache_key("record", article.path, article.text, self.fingerprint, code_fingerprint())

    def parse(self, article: Article) -> Doc:
        """The parsed body of an article, from the cache when it was parsed before."""
        key = self.key(article)
        doc = self.cache.get(key, self.pipeline.nlp.vocab)
        if doc is None:
            doc = self.pipeline.parse(article.body)
            self.parse_count += 1
            self.cache.put(key, doc)
        return doc

    def extract(self, article: Article, doc: Doc | None = None) -> FactSheet:
        """The fact sheet of one article (parsing it only if it is not cached)."""
        return self._extract(article, doc).sheet

    def _extract(self, article: Article, doc: Doc | None) -> Extraction:
        from ..nlp.extraction import extract_facts

        return extract_facts(article, doc if doc is not None else self.parse(article), self.compiled)

    def extract_all(
        self, articles: list[Article], progress: Callable[[Progress], None] | None = None, n_process: int = 1
    ) -> Iterator[FactSheet]:
        """Fact sheets in article order, streaming: each `Doc` is dropped once its facts are out.

        Sheets come from the fact-sheet cache when it has them; of the rest, only parse-cache
        misses are parsed, across up to `n_process` processes.
        """
        sheet_keys = [self.sheet_key(article) for article in articles]
        ready = {i: sheet for i, key in enumerate(sheet_keys) if key and (sheet := self.sheets.get(key)) is not None}
        if sheet_keys and sheet_keys[0] and len(ready) < len(articles):
            ready.update(self._carried_over(articles, sheet_keys, ready))
        todo = [i for i in range(len(articles)) if i not in ready]
        parse_keys = {i: self.key(articles[i]) for i in todo}
        misses = [i for i in todo if not self.cache.contains(parse_keys[i])]
        processes = max(1, min(n_process, len(misses) // ARTICLES_PER_PROCESS))
        forked = processes > 1 and _FORK
        missed = [articles[i] for i in misses]
        miss_set = set(misses)
        parsed_count = 0
        last_report = time.monotonic()
        if todo:
            self.compiled  # load the pipeline and compile the rules first: they live through the run
        with _long_lived_frozen(bool(todo)):
            made = self._made_in_processes(missed, processes) if forked else iter(())
            parsed = iter(()) if forked or not missed else iter(self.pipeline.parse_many((a.body for a in missed), n_process=processes))
            for index, article in enumerate(articles):
                sheet = ready.pop(index, None)
                if sheet is None and index in miss_set and forked:
                    parse, result, hits, words = next(made)
                    self.cache.write(parse_keys[index], parse)
                    self.parse_count += 1
                    parsed_count += 1
                    if isinstance(result, str):
                        raise AnalysisError(f"{article.path}: {result}")
                    sheet = decode_sheet(result)
                    self._store(article, sheet, sheet_keys[index], hits, words, result)
                elif sheet is None:
                    doc = None if index in miss_set else self.cache.get(parse_keys[index], self.pipeline.nlp.vocab)
                    if doc is None:  # a miss, or an entry that turned out unreadable
                        doc = next(parsed) if index in miss_set else self.pipeline.parse(article.body)
                        self.parse_count += 1
                        parsed_count += 1
                        self.cache.put(parse_keys[index], doc)
                    sheet = self._make(article, doc, sheet_keys[index])
                yield sheet
                if progress and (time.monotonic() - last_report > 5 or index + 1 == len(articles)):
                    last_report = time.monotonic()
                    progress(Progress(index + 1, len(articles), parsed_count, len(todo) - len(misses), len(articles) - len(todo)))

    def _made_in_processes(self, articles: list[Article], processes: int) -> Iterator[_Made]:
        """Parse and analyse articles across forked processes, in order (see `_parse_and_analyse`)."""
        global _forked_engine
        from ..nlp.pipeline import lookup_lemmatizer

        lookup_lemmatizer()  # loaded once, here: the workers inherit it with the pipeline and the compiled rules
        _forked_engine = self
        tasks = [articles[start : start + ARTICLES_PER_TASK] for start in range(0, len(articles), ARTICLES_PER_TASK)]
        try:
            with warnings.catch_warnings():
                # Python 3.12+ warns when a process with threads forks (`mkdocs serve` runs a web
                # server thread); the workers never touch what those threads hold.
                warnings.filterwarnings("ignore", r"This process .* is multi-threaded", DeprecationWarning)
                pool = multiprocessing.get_context("fork").Pool(processes)
            with pool:
                for results in pool.imap(_parse_and_analyse, tasks):
                    yield from results
        finally:
            _forked_engine = None

    def _make(self, article: Article, doc: Doc, sheet_key: str | None) -> FactSheet:
        """Extract a sheet, and cache it with the record of what it depends on."""
        extraction = self._extract(article, doc)
        self._store(article, extraction.sheet, sheet_key, sorted(extraction.hits), sorted(extraction.words))
        return extraction.sheet

    def _store(self, article: Article, sheet: FactSheet, sheet_key: str | None, hits: list[str], words: list[str],
               payload: bytes | None = None) -> None:
        """Cache a sheet with the record of what it depends on (the rules that matched, the words it holds)."""
        if sheet_key:
            self.sheets.put(sheet_key, sheet, payload)
            self.records.put(self.record_key(article), {"rules": self.rules.digests, "sheet": sheet_key, "hits": hits, "words": words})

    def _carried_over(self, articles: list[Article], sheet_keys: list[str | None], ready: dict[int, FactSheet]) -> dict[int, FactSheet]:
        """Sheets made under earlier rules that the rule edits since then cannot have changed."""
        carried: dict[int, FactSheet] = {}
        for index, article in enumerate(articles):
            key = sheet_keys[index]
            if index in ready or key is None:
                continue
            record_key = self.record_key(article)
            record = self.records.get(record_key)
            if record is None or not self._unaffected(record):
                continue
            sheet = self.sheets.get(record["sheet"])
            if sheet is None:
                continue
            self.sheets.put(key, sheet)
            self.records.put(record_key, {**record, "rules": self.rules.digests, "sheet": key})
            carried[index] = sheet
        return carried

    def _unaffected(self, record: dict[str, Any]) -> bool:
        """True when no rule that changed since `record` matched the article then or can match it now."""
        from ..nlp.matching import may_match

        before, now = record.get("rules", {}), self.rules.digests
        if before.get("other") != now.get("other"):
            return False  # agents, cues or the layers changed: they can affect any article
        changed = {key for key in before.keys() | now.keys() if before.get(key) != now.get(key)}
        if changed & set(record.get("hits", [])):
            return False
        words = None
        for key in changed:
            if key not in now:
                continue  # removed, and it had matched nothing here
            if words is None:
                words = set(record.get("words", []))
            if may_match(self._rule_triggers(key), words):
                return False
        return True

    def _rule_triggers(self, key: str) -> list[Trigger] | None:
        """What an article must contain for the rule `key` ("party:<id>", "issue:<id>") to match (memoised per version)."""
        from ..nlp.matching import rule_triggers

        memo = (key, self.rules.digests[key])
        if memo not in self._triggers:
            kind, _, rule_id = key.partition(":")
            rule = self.rules.parties[rule_id] if kind == "party" else self.rules.issues[rule_id]
            self._triggers[memo] = rule_triggers(rule, self.pipeline)
        return self._triggers[memo]

    def prune_caches(self, articles: list[Article]) -> None:
        """Forget what the given articles no longer use (old entries on disk go after 30 days unused)."""
        self.sheets.prune({key for article in articles if (key := self.sheet_key(article))})
        self.records.prune({self.record_key(article) for article in articles})
        self.cache.prune({self.key(article) for article in articles})


@contextlib.contextmanager
def _long_lived_frozen(active: bool) -> Iterator[None]:
    """Keep the garbage collector off every object that exists now (the pipeline, the rules) for a run.

    Parsing allocates fast, and each full collection would walk the rules' and the pipeline's
    millions of objects again. Forked workers inherit the frozen state, so their collections skip
    those objects too, and do not copy the memory they sit on.
    """
    if not active:
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class AnalysisError(RuntimeError):
    """An article could not be analysed in a worker process (the message names it and the error)."""


# What a worker sends back per article: its parse and its sheet encoded as the caches store them
# (the parent only writes them, and decodes the sheet faster than it would unpickle one), or an
# error message instead of the sheet; the rules that matched and the article's words (its record).
_Made = tuple[bytes, bytes | str, list[str], list[str]]


def _parse_and_analyse(articles: list[Article]) -> list[_Made]:
    """In a forked worker: parse a task's articles in one batch, and extract each one's sheet."""
    engine = _forked_engine
    assert engine is not None, "runs only in a process forked by Engine._made_in_processes"
    results: list[_Made] = []
    for article, doc in zip(articles, engine.pipeline.parse_many(article.body for article in articles)):
        try:
            facts = engine._extract(article, doc)
        except Exception as error:  # noqa: BLE001 - reported in the parent, which names the article
            results.append((encode_doc(doc), f"{type(error).__name__}: {error}", [], []))
            continue
        results.append((encode_doc(doc), encode_sheet(facts.sheet), sorted(facts.hits), sorted(facts.words)))
    return results
