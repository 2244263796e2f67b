"""The packs' compiled layers on disk: a new process rebuilds the world pack's matchers instead of compiling it.

Compiling the world pack (4,000 aliases, 18,000 office holders: every spelling, tokenised, into
phrase tables) takes about 0.6 s on every command that analyses an article — a rule edit in a new
`mkdocs build`, `check` after an edit, `explain`. What compiling produced is stored: the phrase
tables (token sequences → the entries they stand for) and the token patterns; reading it back
builds the same matchers from them. An entry is keyed by the pack layer's files, the pipeline
(its tokenizer and lemmas made the tables), the lemma tables and the engine's code, so a stale
entry is never read; a damaged one is a miss (the layer is compiled again and stored anew).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING

from ..caching.fingerprints import DEFAULT_MODEL, pipeline_fingerprint
from ..caching.stores import CompiledLayerCache, cache_key
from ..nlp.matching import CompiledLayer, CompiledPacks, CompiledRules, Entry, compile_rules

if TYPE_CHECKING:
    from spacy.vocab import Vocab

    from ..nlp.pipeline import LookupLemmatizer, Pipeline
    from ..rules import RuleSet


def compile_with_store(
    rules: RuleSet,
    pipeline: Pipeline,
    lemmatizer: LookupLemmatizer,
    packs: CompiledPacks,
    store: CompiledLayerCache,
    code: str,
) -> CompiledRules:
    """`compile_rules`, each pack layer not in `packs` read from `store` if it was compiled before, else stored.

    The garbage collector is off meanwhile: the hundred thousand objects made here (none of them
    garbage) would set off collections that walk the loaded pipeline's objects each time, which
    took as long as reading the layers back.
    """
    with _collector_paused():
        missing = _read_stored(rules, pipeline, packs, store, code)
        compiled = compile_rules(rules, pipeline, lemmatizer, packs)
        for memo, key in missing.items():
            store.write(key, encode_layer(packs[memo]))
    return compiled


def _read_stored(
    rules: RuleSet, pipeline: Pipeline, packs: CompiledPacks, store: CompiledLayerCache, code: str
) -> dict[tuple[str, str, int], str]:
    """Put the pack layers stored before into `packs`; the store keys of those to store once compiled.

    A layer already in `packs` is stored too when the folder lacks it (compiled before the folder was given).
    """
    vocab = pipeline.nlp.vocab
    # the lookup lemmas of issue keywords come from the default model package's tables (`nlp.pipeline`)
    lemma_tables = pipeline_fingerprint(DEFAULT_MODEL) or ""
    missing: dict[tuple[str, str, int], str] = {}
    for layer in rules.layers:
        if layer.pack is None:
            continue
        memo = (layer.pack, layer.fingerprint, id(vocab))
        key = cache_key("compiled", layer.pack, layer.fingerprint, pipeline.fingerprint, lemma_tables, code)
        if memo in packs:
            if store.directory is not None and not store.contains(key):
                missing[memo] = key
            continue
        compiled = _read(store, key, vocab)
        if compiled is None:
            missing[memo] = key
        else:
            packs[memo] = compiled
    return missing


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read(store: CompiledLayerCache, key: str, vocab: Vocab) -> CompiledLayer | None:
    payload = store.read(key)
    if payload is None:
        return None
    try:
        return decode_layer(payload, vocab)
    except (ValueError, KeyError, TypeError, IndexError):
        store.undecodable(key)
        return None


def encode_layer(layer: CompiledLayer) -> bytes:
    """A compiled layer as JSON, in flat lists (with a list per phrase, JSON alone took several times as long).

    Each entry once, by column; each table's phrases as their words' counts and words, each phrase's entries
    as their counts and indices; each token pattern with its entry's index.
    """
    entries: dict[Entry, int] = {}

    def index(entry: Entry) -> int:
        return entries.setdefault(entry, len(entries))

    tables = []
    for (target, mode), table in layer.phrase_tables.items():
        phrases = list(table.items())
        tables.append(
            {
                "target": target,
                "mode": mode,
                "lengths": [len(words) for words, _ in phrases],
                "words": [word for words, _ in phrases for word in words],
                "counts": [len(found) for _, found in phrases],
                "entries": [index(entry) for _, found in phrases for entry in found],
            }
        )
    patterns = [[target, index(rule.entry), rule.pattern] for target, rules in layer.patterns.items() for rule in rules]
    columns = {name: [getattr(entry, name) for entry in entries] for name in _ENTRY_FIELDS}  # in index order
    return json.dumps({"pack": layer.pack, "entries": columns, "tables": tables, "patterns": patterns}).encode()


def decode_layer(payload: bytes, vocab: Vocab) -> CompiledLayer:
    """The layer `encode_layer` wrote, its matchers built against `vocab` (raises if the payload is damaged)."""
    data = json.loads(payload)
    columns = [data["entries"][name] for name in _ENTRY_FIELDS]
    entries = [Entry(*values) for values in zip(*columns, strict=True)]
    layer = CompiledLayer(data["pack"])
    for stored in data["tables"]:
        words, found = iter(stored["words"]), iter(stored["entries"])
        table = {
            tuple(islice(words, length)): [entries[i] for i in islice(found, count)]
            for length, count in zip(stored["lengths"], stored["counts"], strict=True)
        }
        layer.add_phrases(stored["target"], stored["mode"], table, vocab)
    for target, index, pattern in data["patterns"]:
        layer.add_pattern(target, entries[index], pattern, vocab)
    return layer


_ENTRY_FIELDS = tuple(field.name for field in dataclasses.fields(Entry))
