"""Coverage and suggestions over a folder of articles (`mkdocs_factsheet.report`, `mkdocs-factsheet report`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from mkdocs_factsheet.articles import Article, load_articles
from mkdocs_factsheet.checking import check_examples
from mkdocs_factsheet.engine import Engine, propagate
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.problems import ProblemLog
from mkdocs_factsheet.report import Report, build_report
from mkdocs_factsheet.report.markdown import report_markdown
from mkdocs_factsheet.rules import load_rules

from .conftest import ROOT, RULES, SEED_ARTICLE
from .test_cli import run

WIKINEWS = ROOT / "benchmarks" / "gold" / "wikinews" / "articles"


@pytest.fixture(scope="module")
def report(engine: Engine) -> Report:
    """The example site's rules (world pack) over the 20 Wikinews articles and the seed."""
    articles = load_articles([WIKINEWS, SEED_ARTICLE], ProblemLog())
    assert len(articles) == 21
    return build_report(propagate(list(engine.extract_all(articles)), engine.rules), engine.rules)


def test_hits_per_rule_and_per_phrase(report: Report) -> None:
    rules = {(rule.kind, rule.id): rule for rule in report.rules}
    abortion = rules[("issue", "abortion")]
    assert (abortion.mentions, abortion.articles) == (11, 1)
    assert abortion.phrases == {"title 'Abortion'": 9, "alias 'abortions'": 2}
    assert "alias 'Roe v. Wade'" in abortion.unused and "title 'Abortion'" not in abortion.unused
    china = rules[("party", "china")]  # a party's mention is credited to the phrase it holds: a member's surname
    assert china.phrases["name 'China'"] >= 10 and china.phrases["surname 'Yang'"] >= 1
    assert china.pack is None and rules[("party", "argentina")].pack == "world"
    assert report.rules[0].mentions == max(rule.mentions for rule in report.rules)


def test_rules_that_never_fired_are_listed_with_their_file(report: Report) -> None:
    silent = {rule.id: rule for rule in report.own_rules() if not rule.mentions}
    assert {"democratic-party", "gun-control"} <= set(silent)
    assert silent["gun-control"].source.endswith("rules/issues/gun-control.yml:1")
    text = report_markdown(report)
    assert "- issue `gun-control` (" in text and "alias 'Roe v. Wade'" in text


def test_unassigned_actors_are_ranked_with_their_sentences(report: Report) -> None:
    counts = [lead.mentions for lead in report.unassigned]
    assert counts == sorted(counts, reverse=True)
    fiance = next(lead for lead in report.unassigned if lead.name == "Jamal Khashoggi")
    assert fiance.mentions >= 3 and fiance.articles == 1
    assert any("fiancée of journalist Jamal Khashoggi" in e.sentence for e in fiance.examples)
    assert all(lead.label == "speaker" and lead.name.casefold() != "he" for lead in report.unattributed)


def test_people_the_articles_affiliate_are_suggested_as_members(report: Report) -> None:
    titles = {s.title.split("?")[0]: s for s in report.suggestions}
    argentina = titles["add Alberto Fernández to argentina"]
    assert argentina.file == "rules/parties/argentina.yml" and argentina.sentences >= 3
    assert "extends: argentina" in argentina.yaml and "- {name: Alberto Fernández, kind: person}" in argentina.yaml
    who = titles["add Tedros Adhanom Ghebreyesus to world-health-organization"]
    assert who.articles == 2 and "in apposition with" in who.title
    # "Turkish Foreign Ministry spokesman Hami Aksoy" under the headline "Greek prime minister …" is Turkish
    aksoy = [s.title for s in report.suggestions if "Hami Aksoy" in s.yaml]
    assert aksoy and all("to turkey" in title for title in aksoy)


def test_organisations_named_from_the_text_are_suggested_as_party_files(report: Report) -> None:
    sdf = next(s for s in report.suggestions if s.file == "rules/parties/syrian-democratic-forces.yml")
    data = yaml.safe_load(sdf.yaml)
    assert data["id"] == "syrian-democratic-forces" and data["name"] == "Syrian Democratic Forces"
    assert data["aliases"] == ["SDF"] and "Syrian Democratic Forces" in data["examples"][0]["text"]
    assert sdf.title.startswith("add the party 'Syrian Democratic Forces'? named 7 time(s)")


def test_new_files_suggested_pass_check(report: Report, pipeline: Pipeline, tmp_path: Path) -> None:
    """Ready to paste: the new files, written as suggested, load and their examples pass."""
    new = [s for s in report.suggestions if s.yaml.startswith("# rules/parties/")]
    assert len(new) >= 8
    for suggestion in new:
        path = tmp_path / suggestion.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(suggestion.yaml, encoding="utf-8")
    engine = Engine(pipeline, load_rules([tmp_path / "rules"], ["world"]))
    assert [str(failure) for failure in check_examples(engine)] == []


def test_a_party_marker_suggests_the_member(engine: Engine) -> None:
    text = (
        "Voting bill\n\nRep. G.K. Butterfield (D-N.C.) said the voting rights bill would pass the House. "
        "Butterfield added that the vote was close.\n\nRep. G.K. Butterfield (D-N.C.) called it historic."
    )
    sheets = [engine.extract(Article(f"a{i}", f"a{i}.txt", text, 0, "Voting bill", (0, 11), None)) for i in (1, 2)]
    suggestion = build_report(sheets, engine.rules).suggestions[0]
    assert suggestion.title == (
        "add G.K. Butterfield to democratic-party? 6 sentences in 2 articles say party marker '(D-N.C.)' (democratic-party) after the name"
    )
    assert suggestion.file.endswith("rules/parties/democratic-party.yml")
    assert "  - {name: G.K. Butterfield, kind: person}" in suggestion.yaml


def test_report_command() -> None:
    articles = [str(WIKINEWS / "argentine-president-fernandez-to-send-bill-legalising.md")]
    code, out, err = run("report", "--rules", str(RULES), "--pack", "world", "--format", "json", *articles)
    assert code == 0, err
    data = json.loads(out)
    assert data["articles"] == 1 and data["rules"][0]["phrases"]
    assert any(s["title"].startswith("add Alberto Fernández to argentina?") for s in data["suggestions"])
    code, out, err = run("report", "--rules", str(RULES), "--pack", "world", "--top", "2", *articles)
    assert code == 0, err
    assert out.startswith("# Rule coverage over 1 article\n") and "## Suggestions" in out and "```yaml" in out
