"""`explain` shows the rule matches that lost, with the reason: on real sentences, with the example's rules."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.cli import main
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.nlp.extraction import find_mentions
from mkdocs_factsheet.nlp.losers import Loser, losing_matches
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.nlp.text import BodyText
from mkdocs_factsheet.rules import load_rules

from .conftest import RULES, write_tree


def losers(engine: Engine, text: str) -> list[Loser]:
    article = Article("t", "t.txt", text, 0, "", None, None)
    doc = engine.parse(article)
    body = BodyText.of(article)
    return losing_matches(doc, engine.compiled, body, find_mentions(article, doc, engine.compiled, body))


def lost(engine: Engine, text: str, words: str) -> list[Loser]:
    return [loser for loser in losers(engine, text) if loser.text == words]


def test_the_taiwan_party_yields_to_the_sites_taiwan_issue(engine: Engine) -> None:
    [taiwan] = lost(engine, "China warned Taiwan on Monday.", "Taiwan")
    assert taiwan.rule == "party 'taiwan' by name 'Taiwan'"
    assert taiwan.source.startswith("<pack world>/parties/taiwan.yml")
    assert "yields to the site's issue 'taiwan'" in taiwan.why and "rules/issues/taiwan.yml:1" in taiwan.why


def test_a_packs_rule_the_site_replaces_is_shadowed(engine: Engine) -> None:
    [china] = lost(engine, "China warned Taiwan on Monday.", "China")
    assert china.source.startswith("<pack world>/parties/china.yml")
    assert "shadowed: the site's party 'china'" in china.why and "rules/parties/china.yml" in china.why


def test_a_longer_match_wins(engine: Engine) -> None:
    [war] = lost(engine, "Beijing said the trade war hurt farmers.", "war")
    assert war.rule == "issue 'armed-conflict' by keyword 'war'"
    assert "overlaps 'trade war' (issue 'trade' by alias 'trade war')" in war.why
    assert war.why.endswith("the longer match (2 tokens over 1)")


def test_two_parties_claim_one_alias(pipeline: Pipeline, tmp_path: Path) -> None:
    """The site's party and the world pack's both say "Washington": the site's wins, the pack's is shown losing."""
    write_tree(
        tmp_path,
        {"parties/washington-state.yml": "id: washington-state\nname: Washington State\naliases: [Washington]\n"},
    )
    engine = Engine(pipeline, load_rules([tmp_path], ["world"]))
    [pack] = lost(engine, "Washington said the tariffs would stay.", "Washington")
    assert pack.rule == "party 'united-states' by alias 'Washington'"
    assert pack.why == "'washington-state' wins: the site's rules come before a pack's"


def test_a_higher_priority_wins_over_the_sites_rule(pipeline: Pipeline, tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"parties/state.yml": "id: state\nname: Washington State\naliases: [Washington]\npriority: -1\n"}
    )
    engine = Engine(pipeline, load_rules([tmp_path], ["world"]))
    [own] = lost(engine, "Washington said the tariffs would stay.", "Washington")
    assert own.rule == "party 'state' by alias 'Washington'" and own.source.endswith("state.yml:1")
    assert own.why == "'united-states' wins: higher priority (0 over -1)"


def test_a_keyword_inside_its_own_exclusion(pipeline: Pipeline, tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"issues/labour.yml": "id: labour\ntitle: Labour\nkeywords:\n  - {text: job, excludes: [good job]}\n"}
    )
    engine = Engine(pipeline, load_rules([tmp_path]))
    [job] = lost(engine, "The coach said the team did a good job.", "job")
    assert job.rule == "issue 'labour' by keyword 'job'"
    assert job.why == "excluded: inside 'good job', one of the keyword's `excludes`"


def test_the_command_prints_them(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Taiwan\n\nChina warned Taiwan on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", "--rules", str(RULES), "--pack", "world", str(article)])
    assert result.exit_code == 0, result.output
    section = result.output.split("## Matches that lost")[1]
    assert "'Taiwan' @" in section and "yields to the site's issue 'taiwan'" in section
