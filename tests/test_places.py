"""Sub-national places as a layer: `places: false` leaves the packs' states, provinces and cities out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.cli import main
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.problems import RuleError
from mkdocs_factsheet.rules import load_rules
from mkdocs_factsheet.rules.loader import pack_places
from mkdocs_factsheet.rules.schema import alias_of

from .conftest import write_tree

SENTENCE = "Ohio voters went to the polls, and Chicago counted late."


def parties(engine: Engine, text: str) -> dict[str, list[str]]:
    sheet = engine.extract(Article("t", "t.txt", text, 0, "", None, None))
    return {party.id: [span.text for span in party.spans] for party in sheet.parties}


def test_the_world_packs_places_are_states_and_cities_not_capitals_or_names() -> None:
    places = pack_places("world")
    assert {"ohio", "chicago", "texas", "new york city"} <= places["united-states"]
    assert {"shanghai", "wuhan"} <= places["china"] and {"munich", "hamburg"} <= places["germany"]
    assert not {"washington", "america", "usa", "d.c."} & places["united-states"]
    assert "beijing" not in places["china"] and "moskva" not in places["russia"]


def test_with_places_ohio_is_the_united_states(pipeline: Pipeline) -> None:
    engine = Engine(pipeline, load_rules([], ["world"]))
    assert parties(engine, SENTENCE) == {"united-states": ["Ohio", "Chicago"]}


def test_without_places_ohio_is_not_the_united_states(pipeline: Pipeline) -> None:
    rules = load_rules([], ["world"], places=False)
    united_states = [alias_of(a).text for a in rules.parties["united-states"].aliases]
    assert "Ohio" not in united_states and "Washington" in united_states and "America" in united_states
    assert parties(Engine(pipeline, rules), SENTENCE) == {}
    assert parties(Engine(pipeline, rules), "Washington said Ohio would wait.") == {"united-states": ["Washington"]}


def test_the_switch_changes_the_rules_fingerprint() -> None:
    assert load_rules([], ["world"]).fingerprint != load_rules([], ["world"], places=False).fingerprint


def test_removing_a_place_already_left_out_is_no_mistake(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "parties/united-states.yml": "id: united-states\nextends: united-states\nremove:\n  aliases: [Ohio, Chicago]\n"
        },
    )
    rules = load_rules([tmp_path], ["world"], places=False)
    assert "Ohio" not in [alias_of(a).text for a in rules.parties["united-states"].aliases]


def test_a_report_on_a_kept_alias_still_points_at_its_line(tmp_path: Path) -> None:
    """The aliases after a left-out place keep their lines in the pack's file (a collision names the right one)."""
    write_tree(tmp_path, {"parties/toledo.yml": "id: toledo\nname: Toledo\naliases: [Seattle Times, America]\n"})
    [warning] = [w for w in load_rules([tmp_path], ["world"], places=False).warnings if "America" in w.message]
    pack_file = Path(__file__).parents[1] / "mkdocs_factsheet/packs/world/parties/united-states.yml"
    line = pack_file.read_text(encoding="utf-8").splitlines().index("- America") + 1
    assert f"united-states.yml:{line})" in warning.message


def test_a_missing_rules_folder_is_fine_with_packs(tmp_path: Path) -> None:
    rules = load_rules([tmp_path / "rules"], ["issues"])
    assert "human-rights" in rules.issues and "taiwan" not in rules.issues


def test_a_missing_rules_folder_without_packs_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError) as error:
        load_rules([tmp_path / "rules"])
    [problem] = error.value.problems
    assert problem.message == "the rules folder does not exist" and "packs: [world, issues]" in problem.hint


def test_the_commands_switch_places_off(tmp_path: Path) -> None:
    article = tmp_path / "ohio.txt"
    article.write_text(f"Ohio\n\n{SENTENCE}\n", encoding="utf-8")
    common = ["extract", "--pack", "world", "--rules", str(tmp_path / "none"), "--model", "blank"]
    common += ["-f", str(tmp_path / "mkdocs.yml"), str(article)]
    with_places = CliRunner().invoke(main, common)
    without = CliRunner().invoke(main, ["extract", "--no-places", *common[1:]])
    assert with_places.exit_code == without.exit_code == 0, with_places.output + without.output
    assert [p["id"] for p in json.loads(with_places.stdout)[0]["parties"]] == ["united-states"]
    assert json.loads(without.stdout)[0]["parties"] == []
