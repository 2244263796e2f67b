"""The parse cache: round trip, corrupted entries detected, unwritable folders tolerated."""

from __future__ import annotations

from pathlib import Path

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.cache import ParseCache
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree

RULES = {"parties/utopia.yml": "id: utopia\nname: Utopia\n"}


def test_parses_are_reused_across_engines(pipeline: Pipeline, tmp_path: Path) -> None:
    rules = load_rules([write_tree(tmp_path / "rules", RULES)])
    article = Article("a", "a.txt", "Utopia met Angela Merkel in Berlin.", 0, "")
    first = Engine(pipeline, rules, ParseCache(tmp_path / "cache"))
    sheet = first.extract(article)
    second = Engine(pipeline, rules, ParseCache(tmp_path / "cache"))
    assert second.extract(article) == sheet
    assert (first.parse_count, second.parse_count) == (1, 0)


def test_corrupted_entry_is_parsed_again_with_a_warning(pipeline: Pipeline, tmp_path: Path) -> None:
    rules = load_rules([write_tree(tmp_path / "rules", RULES)])
    article = Article("a", "a.txt", "Utopia met Angela Merkel in Berlin.", 0, "")
    Engine(pipeline, rules, ParseCache(tmp_path / "cache")).extract(article)
    [entry] = list((tmp_path / "cache").rglob("*.docbin"))
    entry.write_bytes(entry.read_bytes()[:-10])
    warnings: list[str] = []
    engine = Engine(pipeline, rules, ParseCache(tmp_path / "cache", warnings.append))
    assert engine.extract(article).party("utopia") is not None
    assert engine.parse_count == 1 and "corrupted" in warnings[0]


def test_unwritable_cache_folder_falls_back_to_memory(pipeline: Pipeline, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    warnings: list[str] = []
    cache = ParseCache(blocker / "cache", warnings.append)
    assert cache.directory is None and "not writable" in warnings[0]
    rules = load_rules([write_tree(tmp_path / "rules", RULES)])
    engine = Engine(pipeline, rules, cache)
    article = Article("a", "a.txt", "Utopia spoke.", 0, "")
    engine.extract(article)
    engine.extract(article)
    assert engine.parse_count == 1


def test_prune_removes_only_old_unused_entries(pipeline: Pipeline, tmp_path: Path) -> None:
    import os

    rules = load_rules([write_tree(tmp_path / "rules", RULES)])
    cache = ParseCache(tmp_path / "cache")
    engine = Engine(pipeline, rules, cache)
    old, kept = Article("a", "a.txt", "Utopia spoke.", 0, ""), Article("b", "b.txt", "Utopia left.", 0, "")
    engine.extract(old)
    engine.extract(kept)
    for path in (tmp_path / "cache").rglob("*.docbin"):
        os.utime(path, (0, 0))  # both look a long time unused
    assert cache.prune({engine.key(kept)}) == 1
    assert [p.stem for p in (tmp_path / "cache").rglob("*.docbin")] == [engine.key(kept)]
