"""Party files that extend a pack's party (`extends:`, `remove:`): trimmed and added to without copying."""

from __future__ import annotations

from pathlib import Path

import pytest

import mkdocs_factsheet
from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.caching.rule_layers import PackLayers, RuleLayerCache
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.problems import RuleError
from mkdocs_factsheet.rules import RuleSet, load_rules
from mkdocs_factsheet.rules.schema import alias_of
from tests.conftest import write_tree

DOMESTIC = """\
# Domestic coverage: "Ohio" is a state, not the United States.
id: united-states
extends: united-states
remove:
  aliases: [Ohio, Chicago]
  members: [Federal Bureau of Investigation]
aliases: [the States]
members:
  - name: Federal Bureau of Investigation
    kind: body
    aliases: [{text: FBI, case: exact}, the Bureau]
examples:
  - text: "Canada and the States signed the deal."
counter_examples:
  - "Ohio voters went to the polls."
"""
_PACKS: PackLayers = {}


def _load(folder: Path, store: Path | None = None) -> RuleSet:
    return load_rules([folder], ["world"], layers=RuleLayerCache(store, "test", _PACKS))


def _aliases(rules: RuleSet, party: str = "united-states") -> list[str]:
    return [alias_of(spec).text for spec in rules.parties[party].aliases]


def test_extension_trims_and_adds_and_keeps_the_rest(tmp_path: Path) -> None:
    rules = _load(write_tree(tmp_path / "rules", {"parties/united-states.yml": DOMESTIC}))
    party = rules.parties["united-states"]
    aliases = _aliases(rules)
    assert "Ohio" not in aliases and "Chicago" not in aliases
    assert "America" in aliases and aliases[-1] == "the States"
    assert party.name == "United States" and party.kind == "country" and party.adjectives
    assert [m.name for m in party.members].count("Federal Bureau of Investigation") == 1
    assert party.members[-1].aliases[-1] == "the Bureau"
    assert rules.sources[("party", "united-states")].pack is None
    assert [e.source.path for e in rules.examples if e.rule_id == "united-states"] == [
        str(tmp_path / "rules" / "parties" / "united-states.yml")
    ] * 2


def test_a_removal_that_removes_nothing_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    folder = write_tree(
        tmp_path / "rules", {"parties/united-states.yml": DOMESTIC.replace("[Ohio, Chicago]", "[Ohio, Ohyo]")}
    )
    with pytest.raises(RuleError) as error:
        _load(folder)
    assert [str(p) for p in error.value.problems] == [
        f"{folder}/parties/united-states.yml:5:19: 'Ohyo' is not an alias of party 'united-states' (did you mean 'Ohio'?)"
    ]


def test_extending_a_party_not_loaded_is_an_error(tmp_path: Path) -> None:
    folder = write_tree(tmp_path / "rules", {"parties/utopia.yml": "id: utopia\nextends: utopia\n"})
    with pytest.raises(RuleError) as error:
        _load(folder)
    assert "utopia.yml:2:10: party 'utopia' to extend is not loaded" in str(error.value)


def test_a_copy_under_another_id_keeps_the_pack_entry(tmp_path: Path) -> None:
    files = {"parties/us-domestic.yml": "id: us-domestic\nextends: united-states\nname: US federal government\n"}
    rules = _load(write_tree(tmp_path / "rules", files))
    assert rules.parties["us-domestic"].name == "US federal government"
    assert "united-states" in rules.parties
    assert any("'us-domestic'" in p.message and "'united-states'" in p.message for p in rules.warnings)


def test_reports_on_inherited_entries_point_into_the_pack(tmp_path: Path) -> None:
    files = {
        "parties/united-states.yml": DOMESTIC,
        "parties/washington-state.yml": "id: washington-state\nname: Washington State\naliases: [Washington]\n",
    }
    with pytest.raises(RuleError) as error:  # the extension makes the pack's aliases the site's own
        _load(write_tree(tmp_path / "rules", files))
    (problem,) = error.value.problems
    assert problem.location.endswith("washington-state.yml:3:11")
    pack_file = Path(mkdocs_factsheet.__file__).parent / "packs" / "world" / "parties" / "united-states.yml"
    line = pack_file.read_text(encoding="utf-8").splitlines().index("- Washington") + 1
    where = f"(<pack world>/parties/united-states.yml:{line})"
    assert f"'Washington' already names party 'united-states' {where}" in str(problem)


def test_digest_follows_the_extension_and_the_cache_round_trips(tmp_path: Path) -> None:
    folder = write_tree(tmp_path / "rules", {"parties/united-states.yml": DOMESTIC})
    store = tmp_path / "cache"
    first, again = _load(folder, store), _load(folder, store)
    assert first.digests == again.digests and first.parties["united-states"] == again.parties["united-states"]
    (folder / "parties" / "united-states.yml").write_text(DOMESTIC.replace("Ohio, Chicago", "Ohio"))
    edited = _load(folder, store)
    assert edited.digests["party:united-states"] != first.digests["party:united-states"]
    assert edited.fingerprint != first.fingerprint
    assert "Chicago" in _aliases(edited)
    (tmp_path / "empty").mkdir()
    assert first.digests["party:united-states"] != _load(tmp_path / "empty", store).digests["party:united-states"]


def test_ohio_is_not_the_united_states_in_domestic_coverage(tmp_path: Path, pipeline: Pipeline) -> None:
    text = "Ohio voters went to the polls. The United States said the vote was fair."
    article = Article(id="a", path="a.txt", text=text, body_start=0, title="")
    world = Engine(pipeline, load_rules([], ["world"], layers=RuleLayerCache(None, "test", _PACKS)))
    domestic = Engine(pipeline, _load(write_tree(tmp_path / "rules", {"parties/united-states.yml": DOMESTIC})))
    spans = {
        name: [s.text for p in e.extract(article).parties for s in p.spans]
        for name, e in (("world", world), ("domestic", domestic))
    }
    assert "Ohio" in spans["world"] and "Ohio" not in spans["domestic"]
    assert "United States" in spans["domestic"]
