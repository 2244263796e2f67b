"""The engine: articles + rules + a spaCy pipeline → fact sheets. Knows nothing of MkDocs.

Parsing (expensive) and applying rules (cheap) are separate: `parse` goes through the parse
cache, `extract` only reads the parsed `Doc`. `use_rules` swaps the rules without touching the
pipeline or any parse. `extract_all` first looks in the fact-sheet cache: when neither an article
nor the rules nor the engine changed, its sheet is read back and spaCy is not even loaded. After a
rule edit, an article's last sheet is carried over when none of the edited rules matched it before
and none can match it now (judged on the words it contains); only the others are analysed again,
by a runner (`runners`). Every cache is in the `Caches` the caller hands down.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..articles import Article
from ..caching.fingerprints import DEFAULT_MODEL, pipeline_fingerprint
from ..caching.stores import cache_key
from ..model import FactSheet
from ..rules import RuleSet, load_rules
from .caches import Caches, Warn

if TYPE_CHECKING:  # the modules that import spaCy (and the runners) are imported where first needed, not here
    from spacy.tokens import Doc

    from ..nlp.extraction import Extraction
    from ..nlp.matching import CompiledRules, Trigger
    from ..nlp.pipeline import Pipeline
    from .runners import Made


def _ignore(message: str) -> None:
    """The default warning handler: say nothing."""


@dataclass
class Progress:
    """How far a long run has got (for progress messages)."""

    done: int
    total: int
    parsed: int
    cached: int  # parses read from the parse cache
    reused: int = 0  # fact sheets read from the fact-sheet cache or carried over (neither parsed nor analysed)


class _Reports:
    """Progress reports at most every five seconds, and one at the end."""

    def __init__(self, progress: Callable[[Progress], None] | None, total: int, cached: int, reused: int, parses: int):
        self.progress = progress
        self.total, self.cached, self.reused, self.parses_before = total, cached, reused, parses
        self.last = time.monotonic()

    def __call__(self, done: int, parses: int) -> None:
        if self.progress and (time.monotonic() - self.last > 5 or done == self.total):
            self.last = time.monotonic()
            self.progress(Progress(done, self.total, parses - self.parses_before, self.cached, self.reused))


class Engine:
    """Extracts fact sheets; loads the pipeline and compiles the rules only when a sheet must be made."""

    def __init__(self, pipeline: Pipeline | str, rules: RuleSet, caches: Caches | None = None, warn: Warn = _ignore):
        """`pipeline` is a loaded pipeline, or the name of one to load on first use; `caches` default to memory."""
        self._pipeline = None if isinstance(pipeline, str) else pipeline
        self.model = pipeline if isinstance(pipeline, str) else pipeline.name
        self.warn = warn
        self.caches = caches or Caches()
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
        caches: Caches | None = None,
        warn: Warn = _ignore,
        places: bool = True,
    ) -> Engine:
        """Load the rules (cheap, and the commonest mistake); the pipeline is loaded when first needed.

        `places`: whether the packs' sub-national places (states, cities) name their countries."""
        caches = caches or Caches(warn=warn)
        rules = load_rules(list(rule_dirs), list(packs), layers=caches.rule_layers, places=places)
        return cls(model, rules, caches, warn)

    @property
    def pipeline(self) -> Pipeline:
        """The spaCy pipeline, loaded on first use (raises `PipelineError` if it cannot be)."""
        if self._pipeline is None:
            self._pipeline = self.caches.memos.pipeline(self.model, self.warn)
            self._fingerprint = self._pipeline.fingerprint
        return self._pipeline

    @property
    def pipeline_loaded(self) -> bool:
        """Whether this engine has its pipeline yet."""
        return self._pipeline is not None

    @property
    def fingerprint(self) -> str:
        """The pipeline's fingerprint, from its package metadata when possible (without loading it)."""
        if self._fingerprint is None:
            self._fingerprint = pipeline_fingerprint(self.model) or self.pipeline.fingerprint
        return self._fingerprint

    @property
    def compiled(self) -> CompiledRules:
        """The rules compiled against the pipeline (the packs' layers kept in the memos, and on disk)."""
        if self._compiled is None:
            from .compiled_packs import compile_with_store

            memos, pipeline = self.caches.memos, self.pipeline
            self._compiled = compile_with_store(
                self.rules, pipeline, memos.lookup_lemmatizer, memos.compiled_packs, self.caches.compiled, memos.code
            )
        return self._compiled

    @property
    def compiled_ready(self) -> bool:
        """Whether the rules are compiled already (and so the pipeline loaded)."""
        return self._compiled is not None

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
        return cache_key(
            "sheet", article.path, article.text, self.rules.fingerprint, self.fingerprint, self.caches.memos.code
        )

    def record_key(self, article: Article) -> str:
        """The record-cache key: the article file under this pipeline and engine, whatever the rules."""
        return cache_key("record", article.path, article.text, self.fingerprint, self.caches.memos.code)

    def parse(self, article: Article) -> Doc:
        """The parsed body of an article, from the cache when it was parsed before."""
        doc = self.caches.parses.get(self.key(article), self.pipeline.nlp.vocab)
        return doc if doc is not None else self.keep_parse(article, self.pipeline.parse(article.body))

    def keep_parse(self, article: Article, doc: Doc) -> Doc:
        """Count and cache a parse of the article's body just made."""
        self.parse_count += 1
        self.caches.parses.put(self.key(article), doc)
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

        Sheets come from the fact-sheet cache, or are carried over from earlier rules; the rest are
        made by a runner, which parses only parse-cache misses, across up to `n_process` processes.
        """
        sheet_keys = [self.sheet_key(article) for article in articles]
        ready = self._ready_sheets(articles, sheet_keys)
        todo = [article for index, article in enumerate(articles) if index not in ready]
        misses = {index for index, article in enumerate(todo) if not self.caches.parses.contains(self.key(article))}
        report = _Reports(progress, len(articles), len(todo) - len(misses), len(ready), self.parse_count)
        runner = None
        if todo:  # a build where nothing changed does not even import the runners
            from .runners import choose_runner

            self.compiled  # noqa: B018 - load the pipeline and compile the rules first: they live through the run
            runner = choose_runner(self, len(misses), n_process)
        with _long_lived_frozen(runner is not None):
            made: Iterator[Made] = runner.sheets(todo, misses) if runner else iter(())
            for index, article in enumerate(articles):
                sheet = ready.pop(index, None)
                if sheet is None:
                    result = next(made)
                    self._store(article, result, sheet_keys[index])
                    sheet = result.sheet
                yield sheet
                report(index + 1, self.parse_count)

    def _ready_sheets(self, articles: list[Article], sheet_keys: list[str | None]) -> dict[int, FactSheet]:
        """The sheets that need no work, by article index: cached ones, and those carried over."""
        sheets = self.caches.sheets
        ready = {i: sheet for i, key in enumerate(sheet_keys) if key and (sheet := sheets.get(key)) is not None}
        if sheet_keys and sheet_keys[0] and len(ready) < len(articles):
            ready.update(self._carried_over(articles, sheet_keys, ready))
        return ready

    def _store(self, article: Article, made: Made, sheet_key: str | None) -> None:
        """Cache a sheet with the record of what it depends on (the rules that matched, the words it holds)."""
        if sheet_key:
            self.caches.sheets.put(sheet_key, made.sheet, made.payload)
            self._record(article, sheet_key, made.hits, made.words)

    def store_encoded(self, article: Article, payload: bytes, hits: list[str], words: list[str]) -> bool:
        """Cache a sheet another process encoded, without decoding it here; False without a sheet key.

        For a process that only fills the caches (`parse` on a cluster): the next build reads the entry.
        """
        sheet_key = self.sheet_key(article)
        if not sheet_key:
            return False
        self.caches.sheets.write(sheet_key, payload)
        self._record(article, sheet_key, hits, words)
        return True

    def _record(self, article: Article, sheet_key: str, hits: list[str], words: list[str]) -> None:
        record = {"rules": self.rules.digests, "sheet": sheet_key, "hits": hits, "words": words}
        self.caches.records.put(self.record_key(article), record)

    def _carried_over(
        self, articles: list[Article], sheet_keys: list[str | None], ready: dict[int, FactSheet]
    ) -> dict[int, FactSheet]:
        """Sheets made under earlier rules that the rule edits since then cannot have changed."""
        carried: dict[int, FactSheet] = {}
        for index, article in enumerate(articles):
            key = sheet_keys[index]
            if index in ready or key is None:
                continue
            record_key = self.record_key(article)
            record = self.caches.records.get(record_key)
            if record is None or not self._unaffected(record):
                continue
            sheet = self.caches.sheets.get(record["sheet"])
            if sheet is None:
                continue
            self.caches.sheets.put(key, sheet)
            self.caches.records.put(record_key, {**record, "rules": self.rules.digests, "sheet": key})
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
        """What an article must contain for the rule `key` ("party:<id>", "issue:<id>") to match.

        Memoised per version of the rule.
        """
        from ..nlp.matching import rule_triggers

        memo = (key, self.rules.digests[key])
        if memo not in self._triggers:
            kind, _, rule_id = key.partition(":")
            rule = self.rules.parties[rule_id] if kind == "party" else self.rules.issues[rule_id]
            self._triggers[memo] = rule_triggers(rule, self.pipeline, self.caches.memos.lookup_lemmatizer)
        return self._triggers[memo]

    def prune_caches(self, articles: list[Article]) -> None:
        """Forget what the given articles no longer use (old entries on disk go after 30 days unused)."""
        self.caches.sheets.prune({key for article in articles if (key := self.sheet_key(article))})
        self.caches.records.prune({self.record_key(article) for article in articles})
        self.caches.parses.prune({self.key(article) for article in articles})


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
