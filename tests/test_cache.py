"""The parse cache: round trip, corrupted entries detected, unwritable folders tolerated."""

from __future__ import annotations

from pathlib import Path

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.caching.fingerprints import code_fingerprint
from mkdocs_factsheet.caching.rule_layers import RuleLayerCache
from mkdocs_factsheet.engine import Caches, Engine
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree

RULES = {"parties/utopia.yml": "id: utopia\nname: Utopia\n"}


def test_parses_are_reused_across_engines(pipeline: Pipeline, tmp_path: Path) -> None:
    rules = load_rules([write_tree(tmp_path / "rules", RULES)])
    article = Article("a", "a.txt", "Utopia met Angela Merkel in Berlin.", 0, "")
    first = Engine(pipeline, rules, Caches(tmp_path / "cache"))
    sheet = first.extract(article)
    second = Engine(pipeline, rules, Caches(tmp_path / "cache"))
    assert second.extract(article) == sheet
    assert (first.parse_count, second.parse_count) == (1, 0)


def test_corrupted_entry_is_parsed_again_with_a_warning(pipeline: Pipeline, tmp_path: Path) -> None:
    rules = load_rules([write_tree(tmp_path / "rules", RULES)])
    article = Article("a", "a.txt", "Utopia met Angela Merkel in Berlin.", 0, "")
    Engine(pipeline, rules, Caches(tmp_path / "cache")).extract(article)
    [entry] = list((tmp_path / "cache").rglob("*.docbin"))
    entry.write_bytes(entry.read_bytes()[:-10])
    warnings: list[str] = []
    engine = Engine(pipeline, rules, Caches(tmp_path / "cache", warnings.append))
    assert engine.extract(article).party("utopia") is not None
    assert engine.parse_count == 1 and "corrupted" in warnings[0]


def test_unwritable_cache_folder_falls_back_to_memory(pipeline: Pipeline, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    warnings: list[str] = []
    caches = Caches(blocker / "cache", warnings.append)
    assert not caches.parses.writable and len(warnings) == 1 and "cannot be written" in warnings[0]
    rules = load_rules([write_tree(tmp_path / "rules", RULES)])
    engine = Engine(pipeline, rules, caches)
    article = Article("a", "a.txt", "Utopia spoke.", 0, "")
    engine.extract(article)
    engine.extract(article)
    assert engine.parse_count == 1 and len(warnings) == 1


def _read_only(monkeypatch) -> None:
    """Make every write under a cache folder fail as on a read-only mount (chmod does not stop root)."""
    import errno

    import mkdocs_factsheet.caching.stores as stores

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(stores.tempfile, "mkstemp", refuse)
    monkeypatch.setattr(stores.tempfile, "NamedTemporaryFile", refuse)


def test_a_read_only_cache_is_read_and_only_writes_fail_with_one_warning(tmp_path: Path, monkeypatch) -> None:
    rules_dir = write_tree(tmp_path / "rules", RULES)
    old = [Article(n, str(tmp_path / f"{n}.txt"), f"Utopia met Angela Merkel in {n}.", 0, "") for n in "ab"]
    sheets = list(Engine.create([rules_dir], caches=Caches(tmp_path / "cache")).extract_all(old))
    before = sorted((path, path.stat().st_mtime_ns) for path in (tmp_path / "cache").rglob("*") if path.is_file())
    _read_only(monkeypatch)
    warnings: list[str] = []
    engine = Engine.create([rules_dir], caches=Caches(tmp_path / "cache", warnings.append), warn=warnings.append)
    assert list(engine.extract_all(old)) == sheets
    assert not engine.pipeline_loaded and engine.parse_count == 0, "every sheet was read from the cache"
    new = Article("c", str(tmp_path / "c.txt"), "Utopia met Angela Merkel in Paris.", 0, "")
    assert list(engine.extract_all([*old, new]))[:2] == sheets and engine.parse_count == 1
    assert list(engine.extract_all([new])) and engine.parse_count == 1, "what could not be written is kept in memory"
    assert len(warnings) == 1 and "cannot be written" in warnings[0] and str(tmp_path / "cache") in warnings[0]
    after = sorted((path, path.stat().st_mtime_ns) for path in (tmp_path / "cache").rglob("*") if path.is_file())
    assert after == before


def test_an_entry_that_is_a_folder_is_removed_with_one_warning_naming_it(pipeline: Pipeline, tmp_path: Path) -> None:
    rules = load_rules([write_tree(tmp_path / "rules", RULES)])
    article = Article("a", "a.txt", "Utopia met Angela Merkel in Berlin.", 0, "")
    sheet = Engine(pipeline, rules, Caches(tmp_path / "cache")).extract(article)
    [entry] = list((tmp_path / "cache").rglob("*.docbin"))
    entry.unlink()
    (entry / "inside").mkdir(parents=True)
    (entry / "inside" / "file").write_text("x")
    warnings: list[str] = []
    engine = Engine(pipeline, rules, Caches(tmp_path / "cache", warnings.append))
    assert engine.extract(article) == sheet and engine.parse_count == 1
    assert len(warnings) == 1 and str(entry) in warnings[0] and "folder" in warnings[0]
    assert entry.is_file(), "the entry is written in its place"
    warnings.clear()
    engine = Engine(pipeline, rules, Caches(tmp_path / "cache", warnings.append))
    assert engine.extract(article) == sheet and engine.parse_count == 0 and warnings == []


def test_a_folder_that_cannot_be_removed_is_named_once(pipeline: Pipeline, tmp_path: Path, monkeypatch) -> None:
    import shutil

    rules = load_rules([write_tree(tmp_path / "rules", RULES)])
    articles = [Article("a", "a.txt", "Utopia spoke.", 0, ""), Article("b", "b.txt", "Utopia left.", 0, "")]
    caches = Caches(tmp_path / "cache")
    keys = [Engine(pipeline, rules, caches).key(article) for article in articles]
    for key in keys:
        caches.parses.path_for(key).mkdir(parents=True)
    monkeypatch.setattr(shutil, "rmtree", lambda path: (_ for _ in ()).throw(PermissionError(1, "Not permitted")))
    warnings: list[str] = []
    engine = Engine(pipeline, rules, Caches(tmp_path / "cache", warnings.append))
    for _ in range(2):
        for article in articles:
            assert engine.extract(article).party("utopia") is not None
    assert engine.parse_count == 2, "kept in memory"
    assert sorted(warnings) == sorted(
        f"parse cache entry {caches.parses.path_for(key)} is a folder, not a file, and cannot be removed "
        "(Not permitted); remove it: until then the entry is computed on every build"
        for key in keys
    )


def test_prune_removes_only_old_unused_entries(pipeline: Pipeline, tmp_path: Path) -> None:
    import os

    rules = load_rules([write_tree(tmp_path / "rules", RULES)])
    caches = Caches(tmp_path / "cache")
    engine = Engine(pipeline, rules, caches)
    old, kept = Article("a", "a.txt", "Utopia spoke.", 0, ""), Article("b", "b.txt", "Utopia left.", 0, "")
    engine.extract(old)
    engine.extract(kept)
    for path in (tmp_path / "cache").rglob("*.docbin"):
        os.utime(path, (0, 0))  # both look a long time unused
    assert caches.parses.prune({engine.key(kept)}) == 1
    assert [p.stem for p in (tmp_path / "cache").rglob("*.docbin")] == [engine.key(kept)]


# -- fact-sheet cache, rule cache, fingerprints ------------------------------------------------------------


def _seed_and_fixtures() -> list[Article]:
    from mkdocs_factsheet.articles import load_articles
    from mkdocs_factsheet.problems import ProblemLog

    from .conftest import ROOT, SEEDS

    return load_articles([SEEDS, ROOT / "tests" / "fixtures" / "wikinews"], ProblemLog())


def test_a_fact_sheet_survives_its_json_round_trip(engine: Engine) -> None:
    import json

    from mkdocs_factsheet.model import FactSheet

    for article in _seed_and_fixtures():
        sheet = engine.extract(article)
        data = json.loads(json.dumps(sheet.to_dict(include_sentences=True)))
        assert FactSheet.from_dict(data) == sheet, article.path


def test_a_second_engine_reads_sheets_without_loading_spacy(pipeline: Pipeline, tmp_path: Path) -> None:
    rules_dir = write_tree(tmp_path / "rules", RULES)
    articles = [Article("a", str(tmp_path / "a.txt"), "Utopia met Angela Merkel in Berlin.", 0, "")]
    first = Engine.create([rules_dir], caches=Caches(tmp_path / "cache"))
    sheets = list(first.extract_all(articles))
    assert first.pipeline_loaded and first.parse_count == 1
    second = Engine.create([rules_dir], caches=Caches(tmp_path / "cache"))
    assert list(second.extract_all(articles)) == sheets
    assert not second.pipeline_loaded and second.parse_count == 0


def test_sheet_keys_change_with_the_article_the_rules_and_the_engine_code(tmp_path: Path, monkeypatch) -> None:
    rules_dir = write_tree(tmp_path / "rules", RULES)
    engine = Engine.create([rules_dir])
    article = Article("a", "a.txt", "Utopia spoke.", 0, "")
    key = engine.sheet_key(article)
    assert engine.sheet_key(Article("a", "a.txt", "Utopia spoke!", 0, "")) != key
    assert engine.sheet_key(Article("a", "b.txt", "Utopia spoke.", 0, "")) != key
    write_tree(rules_dir, {"issues/trade.yml": "id: trade\ntitle: Trade\n"})
    engine.use_rules(load_rules([rules_dir]))
    assert engine.sheet_key(article) != key
    changed = engine.sheet_key(article)
    monkeypatch.setattr(engine.caches.memos, "code", "another release")
    assert engine.sheet_key(article) != changed
    assert not engine.pipeline_loaded, "keys never need spaCy"


def test_a_damaged_sheet_is_made_again_with_a_warning(pipeline: Pipeline, tmp_path: Path) -> None:
    rules_dir = write_tree(tmp_path / "rules", RULES)
    articles = [Article("a", str(tmp_path / "a.txt"), "Utopia met Angela Merkel in Berlin.", 0, "")]
    sheets = list(Engine.create([rules_dir], caches=Caches(tmp_path / "cache")).extract_all(articles))
    [entry] = list((tmp_path / "cache" / "sheets").rglob("*.json"))
    entry.write_bytes(entry.read_bytes().replace(b"Utopia", b"Dystopia"))  # the checksum no longer matches
    warnings: list[str] = []
    engine = Engine.create([rules_dir], caches=Caches(tmp_path / "cache", warnings.append), warn=warnings.append)
    assert list(engine.extract_all(articles)) == sheets
    assert engine.parse_count == 0, "the parse was still good"
    assert any("corrupted" in warning for warning in warnings)


def _rule_cache(folder: Path) -> RuleLayerCache:
    """A rule-layer store in `folder` with memos of its own, as a new process would have."""
    return RuleLayerCache(folder, code_fingerprint(), {})


def test_rule_packs_are_read_back_from_the_rule_cache(tmp_path: Path, monkeypatch) -> None:
    import mkdocs_factsheet.rules.files as rules_module

    rules_dir = write_tree(tmp_path / "rules", RULES)
    first = load_rules([rules_dir], ["world"], layers=_rule_cache(tmp_path / "cache"))
    monkeypatch.setattr(rules_module, "load_yaml", lambda *a: (_ for _ in ()).throw(AssertionError("YAML read")))
    second = load_rules([rules_dir], ["world"], layers=_rule_cache(tmp_path / "cache"))  # as in a new process
    for field in (
        "parties",
        "issues",
        "agents",
        "stances",
        "cues",
        "stance_words",
        "sources",
        "examples",
        "fingerprint",
    ):
        assert getattr(second, field) == getattr(first, field), field


def test_an_edited_or_damaged_rule_cache_entry_is_read_from_the_files(tmp_path: Path) -> None:
    rules_dir = write_tree(tmp_path / "rules", RULES)
    load_rules([rules_dir], layers=_rule_cache(tmp_path / "cache"))
    for entry in (tmp_path / "cache").glob("*.json"):
        entry.write_bytes(entry.read_bytes()[:-20])
    assert load_rules([rules_dir], layers=_rule_cache(tmp_path / "cache")).parties["utopia"].name == "Utopia"
    write_tree(rules_dir, {"parties/utopia.yml": "id: utopia\nname: New Utopia\n"})
    assert load_rules([rules_dir], layers=_rule_cache(tmp_path / "cache")).parties["utopia"].name == "New Utopia"


def test_the_pipeline_fingerprint_is_known_without_loading_and_matches_the_loaded_one(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    from mkdocs_factsheet.caching.fingerprints import pipeline_fingerprint

    assert pipeline_fingerprint(pipeline.name) == pipeline.fingerprint
    assert pipeline_fingerprint("blank") not in (None, pipeline.fingerprint)
    assert pipeline_fingerprint("no_such_pipeline_package") is None
    folder = Path(str(pipeline.nlp.path))
    assert (folder / "config.cfg").is_file(), "a packaged pipeline is loaded from its data folder"
    copy = tmp_path / "pipeline"
    copy.mkdir()
    for name in ("meta.json", "config.cfg"):
        (copy / name).write_bytes((folder / name).read_bytes())
    before = pipeline_fingerprint(str(copy))
    assert before not in (None, pipeline.fingerprint)
    with (copy / "config.cfg").open("a", encoding="utf-8") as config:
        config.write("\n# any change to the config is another pipeline\n")
    assert pipeline_fingerprint(str(copy)) not in (None, before)


# -- rule edits: carried-over sheets equal fresh ones ----------------------------------------------------

RULE_EDITS = [  # (file under rules/, new text or None to delete); applied one after another
    (
        "issues/trade.yml",
        lambda text: text.replace("keywords:\n", "keywords:\n  - rare earths\n", 1),
    ),  # matches nothing here
    ("issues/trade.yml", lambda text: text.replace("keywords:\n", "keywords:\n  - talks\n", 1)),  # matches new places
    ("issues/taiwan.yml", lambda text: text.replace("title: Taiwan", "title: Taiwan Strait", 1)),  # a rule that matched
    (
        "issues/zz-summit.yml",
        lambda text: "id: zz-summit\ntitle: Summits\nkeywords:\n  - summit\n  - meeting\n",
    ),  # new rule
    ("parties/china.yml", lambda text: text.replace("aliases:\n", "aliases:\n  - Zhongnanhai\n", 1)),
    ("issues/zz-summit.yml", None),  # deleted
    ("issues/abortion.yml", lambda text: text + "patterns:\n  - [{POS: NOUN}, {LOWER: abortion}]\n"),
]


def test_sheets_carried_over_after_rule_edits_equal_a_fresh_extraction(pipeline: Pipeline, tmp_path: Path) -> None:
    import shutil

    from .conftest import RULES as EXAMPLE_RULES

    rules_dir = tmp_path / "rules"
    shutil.copytree(EXAMPLE_RULES, rules_dir)
    articles = _seed_and_fixtures()[:4]  # the seed and three Wikinews stories: some edits reach them, some do not
    caches = Caches(tmp_path)

    def cached_engine() -> Engine:
        return Engine(pipeline, load_rules([rules_dir]), caches)

    list(cached_engine().extract_all(articles))
    carried_total = 0
    for name, edit in RULE_EDITS:
        path = rules_dir / name
        if edit is None:
            path.unlink()
        else:
            path.write_text(edit(path.read_text(encoding="utf-8") if path.exists() else ""), encoding="utf-8")
        engine = cached_engine()
        progress = []
        incremental = list(engine.extract_all(articles, progress=progress.append))
        fresh = [Engine(pipeline, engine.rules).extract(article) for article in articles]
        assert incremental == fresh, name
        carried_total += progress[-1].reused
    assert carried_total > 0, "some articles were untouched by some edit"
    assert carried_total < len(RULE_EDITS) * len(articles), "some edits reached some articles"
