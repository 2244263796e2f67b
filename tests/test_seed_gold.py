"""The seed article's fact sheet against the hand-made gold in ../shared/eval/dev (read in place)."""

from __future__ import annotations

import pytest
import yaml

from mkdocs_factsheet.articles import load_articles
from mkdocs_factsheet.checking import fold, names_overlap
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.model import FactSheet
from mkdocs_factsheet.problems import ProblemLog
from mkdocs_factsheet.rules.schema import alias_of

from .conftest import SEED_ARTICLE, SHARED

GOLD = SHARED / "eval" / "dev" / f"{SEED_ARTICLE.stem}.gold.yml"

pytestmark = pytest.mark.skipif(not GOLD.is_file(), reason=f"gold data not found at {GOLD} (../shared is absent)")


@pytest.fixture(scope="module")
def gold() -> dict:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sheet(engine: Engine) -> FactSheet:
    [article] = load_articles([SEED_ARTICLE], ProblemLog())
    return engine.extract(article)


def party_names(engine: Engine, party_id: str) -> set[str]:
    party = engine.rules.parties[party_id]
    return {fold(party_id), fold(party.name), *(fold(alias_of(a).text) for a in party.aliases)}


def actor_names(engine: Engine, party_id: str, actor_name: str) -> set[str]:
    names = {fold(actor_name)}
    for member in engine.rules.parties[party_id].members:
        if member.name == actor_name:
            names |= {fold(alias_of(a).text) for a in member.aliases}
    return names


def test_every_gold_party_is_listed(engine: Engine, sheet: FactSheet, gold: dict) -> None:
    found = set().union(*(party_names(engine, p.id) for p in sheet.parties))
    missing = [name for name in gold["parties"] if fold(name) not in found]
    assert not missing


def test_every_gold_actor_is_under_its_party(engine: Engine, sheet: FactSheet, gold: dict) -> None:
    placed = {}
    for party in sheet.parties:
        for actor in party.actors:
            for name in actor_names(engine, party.id, actor.name):
                placed[name] = party.id
    for actor, party_name in gold["actors"].items():
        assert fold(actor) in placed, f"{actor} not found"
        assert fold(party_name) in party_names(engine, placed[fold(actor)]), f"{actor} under {placed[fold(actor)]}"


def test_no_gold_actor_under_a_wrong_party(engine: Engine, sheet: FactSheet, gold: dict) -> None:
    gold_party = {fold(actor): fold(party) for actor, party in gold["actors"].items()}
    for party in sheet.parties:
        for actor in party.actors:
            for name in actor_names(engine, party.id, actor.name):
                if name in gold_party:
                    assert gold_party[name] in party_names(engine, party.id), f"{actor.name} is under {party.id}"


def test_every_gold_issue_is_named(engine: Engine, sheet: FactSheet, gold: dict) -> None:
    names = set()
    for issue in sheet.issues:
        rule = engine.rules.issues[issue.id]
        names |= {fold(issue.id.replace("-", " ")), fold(rule.title), *(fold(alias_of(a).text) for a in rule.aliases)}
    missing = [name for name in gold["issues"] if not names_overlap(name, names)]
    assert not missing


def test_no_unexpected_issue(engine: Engine, sheet: FactSheet, gold: dict) -> None:
    allowed = gold["issues"] + gold.get("optional_issues", [])
    extra = []
    for issue in sheet.issues:
        rule = engine.rules.issues[issue.id]
        names = {fold(issue.id.replace("-", " ")), fold(rule.title), *(fold(alias_of(a).text) for a in rule.aliases)}
        if not any(names_overlap(name, names) for name in allowed):
            extra.append(issue.id)
    assert not extra


def test_no_unexpected_party(engine: Engine, sheet: FactSheet, gold: dict) -> None:
    """Taiwan and Hong Kong are issues in this site's rules, so the world pack's parties of that name yield."""
    wanted = {fold(name) for name in gold["parties"]}
    extra = [party.id for party in sheet.parties if not (party_names(engine, party.id) & wanted)]
    assert not extra
