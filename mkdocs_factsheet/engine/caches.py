"""Every cache the engine uses, in one object its caller creates and hands down.

The caller decides how long caches live: the CLI makes one `Caches` per command, the MkDocs
plugin keeps its `Memos` for the whole `serve` session (so a rebuild reuses the loaded pipeline
and the compiled packs, even when the cache folder changes), a test makes its own. Nothing here
is kept in a module global; spaCy is imported only when a pipeline or the lemma tables are loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..caching.fingerprints import code_fingerprint
from ..caching.rule_layers import PackLayers, RuleLayerCache
from ..caching.stores import CacheWarnings, CompiledLayerCache, ParseCache, RecordCache, SheetCache

if TYPE_CHECKING:
    from ..nlp.matching import CompiledPacks
    from ..nlp.pipeline import LookupLemmatizer, Pipeline

Warn = Callable[[str], None]


def _ignore(message: str) -> None:
    """The default warning handler: say nothing."""


class Memos:
    """What is kept in memory for as long as its owner lives, whatever the cache folder.

    Loaded pipelines by name, the packs' validated rule files and compiled layers, the lookup
    lemmatizer and the engine's code fingerprint: each is costly to make (the world pack takes
    about two seconds to read and compile) and never changes while the process runs.
    """

    def __init__(self) -> None:
        self.pipelines: dict[str, Pipeline] = {}
        self.parsed_packs: PackLayers = {}
        self.compiled_packs: CompiledPacks = {}

    def pipeline(self, name: str, warn: Warn) -> Pipeline:
        """The pipeline of that name, loaded on first use (raises `PipelineError` if it cannot be)."""
        if name not in self.pipelines:
            from ..nlp.pipeline import load_pipeline

            self.pipelines[name] = load_pipeline(name, on_warning=warn)
        return self.pipelines[name]

    @cached_property
    def lookup_lemmatizer(self) -> LookupLemmatizer:
        """The POS-free lemmatizer (its lemma tables read on first use)."""
        from ..nlp.pipeline import load_lookup_lemmatizer

        return load_lookup_lemmatizer()

    @cached_property
    def code(self) -> str:
        """The engine code's fingerprint: part of every fact-sheet, record and rule-layer key."""
        return code_fingerprint()


class Caches:
    """The stores under one folder (or in memory without one) and the memos.

    Under `folder`: `docs/` parses, `sheets/` fact sheets, `records/` what each sheet depended
    on, `rules/` validated rule layers and rule sets, `compiled/` the packs compiled for matching.
    A folder that cannot be written is still read.
    """

    def __init__(self, folder: Path | None = None, warn: Warn = _ignore, memos: Memos | None = None):
        self.memos = memos or Memos()
        warnings = CacheWarnings(warn)  # shared: a read-only folder is reported once, not per store
        self.parses = ParseCache(folder / "docs" if folder else None, warnings)
        self.sheets = SheetCache(folder / "sheets" if folder else None, warnings)
        self.records = RecordCache(folder / "records" if folder else None, warnings)
        self.compiled = CompiledLayerCache(folder / "compiled" if folder else None, warnings)
        self.rule_layers = RuleLayerCache(
            folder / "rules" if folder else None, self.memos.code, self.memos.parsed_packs
        )
