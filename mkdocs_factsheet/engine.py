"""The engine: articles + rules + a spaCy pipeline → fact sheets. Knows nothing of MkDocs.

Parsing (expensive) and applying rules (cheap) are separate: `parse` goes through the parse
cache, `extract` only reads the parsed `Doc`. `use_rules` swaps the rules without touching the
pipeline or any parse.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.tokens import Doc

from .analysis import Analysis, analyse, build_fact_sheet
from .articles import Article
from .cache import ParseCache, cache_key
from .matching import CompiledRules, compile_rules
from .model import FactSheet
from .pipeline import DEFAULT_MODEL, Pipeline, load_pipeline
from .positions import find_positions
from .rules import RuleSet, load_rules


@dataclass
class Progress:
    """How far a long run has got (for progress messages)."""

    done: int
    total: int
    parsed: int
    cached: int


class Engine:
    """Extracts fact sheets; holds the pipeline once and the compiled rules until replaced."""

    def __init__(self, pipeline: Pipeline, rules: RuleSet, cache: ParseCache | None = None):
        self.pipeline = pipeline
        self.cache = cache or ParseCache(None)
        self.parse_count = 0
        self.rules = rules
        self.compiled: CompiledRules = compile_rules(rules, pipeline)

    @classmethod
    def create(
        cls,
        rule_dirs: Iterable[Path] = (Path("rules"),),
        *,
        packs: Iterable[str] = (),
        model: str = DEFAULT_MODEL,
        cache_dir: Path | None = None,
        warn: Callable[[str], None] = lambda message: None,
    ) -> "Engine":
        """Load rules first (cheap, and the commonest mistake), then the pipeline."""
        rules = load_rules(list(rule_dirs), list(packs))
        pipeline = load_pipeline(model, on_warning=warn)
        return cls(pipeline, rules, ParseCache(cache_dir, warn))

    def use_rules(self, rules: RuleSet) -> None:
        """Replace the rules; parses stay valid (they never depend on rules)."""
        self.rules = rules
        self.compiled = compile_rules(rules, self.pipeline)

    def key(self, article: Article) -> str:
        return cache_key(article.digest, self.pipeline.fingerprint)

    def parse(self, article: Article) -> Doc:
        """The parsed body of an article, from the cache when it was parsed before."""
        key = self.key(article)
        doc = self.cache.get(key, self.pipeline.nlp.vocab)
        if doc is None:
            doc = self.pipeline.parse(article.body)
            self.parse_count += 1
            self.cache.put(key, doc)
        return doc

    def analyse(self, article: Article, doc: Doc | None = None) -> Analysis:
        return analyse(article, doc if doc is not None else self.parse(article), self.compiled)

    def extract(self, article: Article, doc: Doc | None = None) -> FactSheet:
        """The fact sheet of one article (parsing it only if it is not cached)."""
        analysis = self.analyse(article, doc)
        return build_fact_sheet(analysis, find_positions(analysis))

    def extract_all(
        self, articles: list[Article], progress: Callable[[Progress], None] | None = None, n_process: int = 1
    ) -> Iterator[FactSheet]:
        """Fact sheets in article order, streaming: each `Doc` is dropped once its facts are out.

        Only cache misses are parsed, across `n_process` processes.
        """
        keys = [self.key(article) for article in articles]
        misses = [index for index, key in enumerate(keys) if not self.cache.contains(key)]
        parsed = iter(self.pipeline.parse_many((articles[i].body for i in misses), n_process=n_process))
        miss_set = set(misses)
        parsed_count = 0
        last_report = time.monotonic()
        for index, article in enumerate(articles):
            doc = None if index in miss_set else self.cache.get(keys[index], self.pipeline.nlp.vocab)
            if doc is None:  # a miss, or an entry that turned out unreadable
                doc = next(parsed) if index in miss_set else self.pipeline.parse(article.body)
                self.parse_count += 1
                parsed_count += 1
                self.cache.put(keys[index], doc)
            yield self.extract(article, doc)
            if progress and (time.monotonic() - last_report > 5 or index + 1 == len(articles)):
                last_report = time.monotonic()
                progress(Progress(index + 1, len(articles), parsed_count, len(articles) - len(misses)))
