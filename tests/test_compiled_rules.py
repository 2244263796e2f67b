"""The rules' compiled form on disk: whole rule sets and the packs' compiled layers, read back by a new process.

A stored rule set or compiled layer is keyed by the files it was made from and the engine's code:
an edit is a miss, a damaged entry is a miss (never a wrong rule), and `check` reads what a build
stored.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mkdocs_factsheet.nlp.matching as matching
import mkdocs_factsheet.rules.files as rule_files_module
import mkdocs_factsheet.rules.layer_sources as layer_sources
from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.engine import Caches, Engine
from mkdocs_factsheet.engine.compiled_packs import decode_layer, encode_layer
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import RuleSet, load_rules

from .conftest import SEED_ARTICLE, write_tree
from .plugin_helpers import make_site

RULES = {"parties/utopia.yml": "id: utopia\nname: Utopia\naliases: [Utopolis]\n"}

NEW_PROCESS = """
import sys
from pathlib import Path

import mkdocs_factsheet.nlp.matching as matching
from mkdocs_factsheet.engine import Caches, Engine

compiled = []
compile_layer = matching._LayerCompiler.compile
def counted(self):
    compiled.append(self.layer.pack or "site")
    return compile_layer(self)
matching._LayerCompiler.compile = counted
engine = Engine.create([Path(sys.argv[1])], packs=["world"], caches=Caches(Path(sys.argv[2])))
engine.compiled
print(type(engine.rules.parties).__name__, sorted(compiled))
"""


def _in_new_process(script: str, *args: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True, timeout=600, cwd=cwd
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def test_a_new_process_reads_the_rule_set_and_the_compiled_packs_back(tmp_path: Path) -> None:
    rules_dir = write_tree(tmp_path / "rules", RULES)
    cold = _in_new_process(NEW_PROCESS, rules_dir, tmp_path / "cache")
    assert cold == "dict ['core', 'site', 'world']"
    warm = _in_new_process(NEW_PROCESS, rules_dir, tmp_path / "cache")
    assert warm == "_DecodedOnRead ['site']", "the packs come from the cache, the rule set too"


def _compiled_packs(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The layers compiled from their rules from now on (the others were read back from the cache)."""
    compiled: list[str | None] = []
    compile_layer = matching._LayerCompiler.compile

    def counted(self: matching._LayerCompiler) -> matching.CompiledLayer:
        compiled.append(self.layer.pack)
        return compile_layer(self)

    monkeypatch.setattr(matching._LayerCompiler, "compile", counted)
    return compiled


def _engine(
    pipeline: Pipeline, rules_dir: Path, cache: Path, packs: list[str], warn: list[str] | None = None
) -> Engine:
    """An engine with caches and memos of its own, as a new process would have."""
    caches = Caches(cache, (warn if warn is not None else []).append)
    return Engine(pipeline, load_rules([rules_dir], packs, layers=caches.rule_layers), caches)


def _parties(engine: Engine, text: str) -> set[str]:
    article = Article("a", "a.txt", text, 0, "")
    return {party.id for party in engine.extract(article).parties}


def test_a_rule_edit_is_a_miss_and_an_edited_pack_is_compiled_again(
    pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packs = tmp_path / "packs"
    shutil.copytree(layer_sources.PACKS_DIR / "core", packs / "core")
    toy = write_tree(packs / "toy", {"parties/erewhon.yml": "id: erewhon\nname: Erewhon\n"})
    monkeypatch.setattr(layer_sources, "PACKS_DIR", packs)
    rules_dir = write_tree(tmp_path / "rules", RULES)
    compiled = _compiled_packs(monkeypatch)
    first = _engine(pipeline, rules_dir, tmp_path / "cache", ["toy"])
    assert _parties(first, "Utopolis met Erewhon.") == {"utopia", "erewhon"}
    assert compiled == ["core", "toy", None]

    compiled.clear()
    write_tree(rules_dir, {"parties/utopia.yml": "id: utopia\nname: Utopia\naliases: [New Utopolis]\n"})
    edited = _engine(pipeline, rules_dir, tmp_path / "cache", ["toy"])
    assert type(edited.rules.parties) is dict, "an edited rule set is loaded from its files"
    assert edited.rules.parties["utopia"].aliases == ["New Utopolis"]
    assert _parties(edited, "New Utopolis met Erewhon.") == {"utopia", "erewhon"}
    assert compiled == [None], "the packs did not change: read back, not compiled"

    compiled.clear()
    write_tree(toy, {"parties/erewhon.yml": "id: erewhon\nname: Erewhon\naliases: [Nowhere]\n"})
    pack_edit = _engine(pipeline, rules_dir, tmp_path / "cache", ["toy"])
    assert _parties(pack_edit, "Utopia met Nowhere.") == {"utopia", "erewhon"}
    assert compiled == ["toy", None], "the edited pack is compiled again, the core pack read back"


def test_damaged_entries_are_misses_never_wrong_rules(
    pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules_dir = write_tree(tmp_path / "rules", RULES)
    cache = tmp_path / "cache"
    text = "Utopolis and Washington met in Beijing."
    expected = _parties(_engine(pipeline, rules_dir, cache, ["world"]), text)
    assert expected == {"utopia", "united-states", "china"}
    compiled = _compiled_packs(monkeypatch)

    [world] = [path for path in (cache / "compiled").rglob("*.json") if path.stat().st_size > 1_000_000]
    world.write_bytes(world.read_bytes().replace(b'"Beijing"', b'"Paris"', 1))  # the checksum no longer matches
    warnings: list[str] = []
    engine = _engine(pipeline, rules_dir, cache, ["world"], warnings)
    assert _parties(engine, text) == expected
    assert compiled == ["world", None] and any("corrupted" in warning for warning in warnings)

    compiled.clear()
    assert _parties(_engine(pipeline, rules_dir, cache, ["world"]), text) == expected
    assert compiled == [None], "the damaged entry was written again"

    for rule_set in (cache / "rules").glob("ruleset-*.json"):
        rule_set.write_bytes(rule_set.read_bytes()[:-20])
    damaged = _engine(pipeline, rules_dir, cache, ["world"])
    assert type(damaged.rules.parties) is dict and _parties(damaged, text) == expected

    for layer in (cache / "rules").glob("*.json"):
        if not layer.name.startswith(("ruleset-", "collisions-")):
            layer.write_bytes(layer.read_bytes().replace(b"Beijing", b"Paris"))
    without_layers = _engine(pipeline, rules_dir, cache, ["world"])
    assert type(without_layers.rules.parties) is dict, "a rule set whose layers are damaged is read from the files"
    assert _parties(without_layers, text) == expected


def test_a_stored_rule_set_equals_the_loaded_one_and_decodes_only_what_is_read(tmp_path: Path) -> None:
    rules_dir = write_tree(tmp_path / "rules", RULES)
    loaded = load_rules([rules_dir], ["world"], layers=Caches(tmp_path / "cache").rule_layers)
    stored = load_rules([rules_dir], ["world"], layers=Caches(tmp_path / "cache").rule_layers)
    assert stored.parties.get("utopia") == loaded.parties["utopia"]
    assert stored.parties._pending.keys() == loaded.parties.keys() - {"utopia"}
    assert list(stored.parties) == list(loaded.parties) and "china" in stored.parties
    assert dict(stored.issues) == loaded.issues
    # every field, so that one added to RuleSet later cannot be left out of the stored form unnoticed
    for field in {f.name for f in dataclasses.fields(RuleSet)} - {"issues", "layers", "decode_layers"}:
        assert getattr(stored, field) == getattr(loaded, field), field
    assert (stored.fingerprint, stored.warnings) == (loaded.fingerprint, loaded.warnings)
    layers = [(layer.pack, layer.fingerprint, layer.parties, layer.issues, layer.agents) for layer in stored.layers]
    assert layers == [
        (layer.pack, layer.fingerprint, layer.parties, layer.issues, layer.agents) for layer in loaded.layers
    ]
    assert stored.layers[-1].parties[0] is stored.parties["utopia"], "a rule is decoded once"


def test_a_compiled_layer_read_back_matches_as_the_compiled_one(engine: Engine, pipeline: Pipeline) -> None:
    from mkdocs_factsheet.nlp.matching import DocViews

    world = engine.compiled.layers[1]
    assert world.pack == "world"
    again = decode_layer(encode_layer(world), pipeline.nlp.vocab)
    assert again.phrase_tables == world.phrase_tables
    doc = pipeline.parse(SEED_ARTICLE.read_text(encoding="utf-8"))
    lemmatizer = engine.compiled.lemmatizer
    for target in ("entity", "issue"):
        assert list(again.find(DocViews(doc, lemmatizer), target)) == list(
            world.find(DocViews(doc, lemmatizer), target)
        )


CHECK = """
import sys

import mkdocs_factsheet.nlp.matching as matching
import mkdocs_factsheet.rules.files as files
from mkdocs_factsheet.cli import main

def no_yaml(*args):
    raise AssertionError("a rule file was read")
def no_pack(self):
    assert self.layer.pack is None, f"the {self.layer.pack} pack was compiled"
    return compile_layer(self)
compile_layer = matching._LayerCompiler.compile
files.load_yaml, matching._LayerCompiler.compile = no_yaml, no_pack
main(["check", "-f", sys.argv[1]])
"""

BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

build(load_config(sys.argv[1], strict=True))
print("built")
"""


def test_check_reads_what_a_build_stored(tmp_path: Path) -> None:
    site = make_site(tmp_path, tmp_path / "cache", options={"packs": ["world"]})
    assert _in_new_process(BUILD, site.config_file) == "built"
    assert list((tmp_path / "cache" / "compiled").rglob("*.json")), "the build stored the packs it compiled"
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(site.config_file)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "examples pass" in result.stdout


def test_the_layers_of_an_unreadable_rule_set_are_never_half_used(tmp_path: Path, monkeypatch) -> None:
    """A stored rule set whose layer entry is missing is a miss: the files are read, the set stored again."""
    rules_dir = write_tree(tmp_path / "rules", RULES)
    load_rules([rules_dir], ["world"], layers=Caches(tmp_path / "cache").rule_layers)
    for layer in (tmp_path / "cache" / "rules").glob("*.json"):
        if not layer.name.startswith(("ruleset-", "collisions-")):
            layer.unlink()
    read: list[str] = []
    load_yaml = rule_files_module.load_yaml
    monkeypatch.setattr(
        rule_files_module, "load_yaml", lambda text, shown: read.append(shown) or load_yaml(text, shown)
    )
    again = load_rules([rules_dir], ["world"], layers=Caches(tmp_path / "cache").rule_layers)
    assert type(again.parties) is dict and len(read) > 246, "every file was read: the core and world packs, the site's"
    assert type(load_rules([rules_dir], ["world"], layers=Caches(tmp_path / "cache").rule_layers).parties) is not dict


def test_after_a_stored_rule_set_an_edit_reuses_its_decoded_pack_rules(tmp_path: Path, monkeypatch) -> None:
    """As in `serve`: the rules read back for the first build are the packs' rules of the first edit's load."""
    rules_dir = write_tree(tmp_path / "rules", RULES)
    load_rules([rules_dir], ["world"], layers=Caches(tmp_path / "cache").rule_layers)
    store = Caches(tmp_path / "cache").rule_layers
    stored = load_rules([rules_dir], ["world"], layers=store)
    china = stored.layers[1].parties[0]  # what `serve` does before the first edit: compile, so decode, every layer
    read: list[str] = []
    monkeypatch.setattr(type(store), "_read", lambda self, fingerprint: read.append(fingerprint))
    write_tree(rules_dir, {"parties/utopia.yml": "id: utopia\nname: New Utopia\n"})
    edited = load_rules([rules_dir], ["world"], layers=store)
    assert edited.parties["utopia"].name == "New Utopia" and len(read) == 1, "only the site's layer was read"
    assert edited.layers[1].parties[0] is china
