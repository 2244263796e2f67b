"""Matching and resolution on real sentences, through the full engine."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.model import FactSheet
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules

from .conftest import RULES as EXAMPLE_RULES
from .conftest import write_tree

RULES = {
    "parties/utopia.yml": """
id: utopia
name: Utopia
aliases:
  - {text: UT, case: exact}
  - Utopolis
  - {text: Pole, case: auto}
excludes: [Utopolis Times]
adjectives: [Utopian]
members:
  - name: Ann Lee
    roles:
      - {title: Foreign Minister, from: 2019-01-01, until: 2020-12-31}
  - name: Bo Chen
    surname: Bo
    roles:
      - {title: Foreign Minister, from: 2021-01-01}
  - name: Utopian Foreign Ministry
    kind: body
""",
    "parties/erewhon.yml": """
id: erewhon
name: Erewhon
aliases: [Erewhon City]
priority: 1
members:
  - name: Carl Ross
    roles: [President]
""",
    "parties/erewhon-city.yml": """
id: erewhon-city
name: Erewhon City Council
patterns:
  - [{ORTH: Erewhon}, {ORTH: City}]
""",
    "parties/harbour-defense.yml": """
id: harbour-defense
name: Harbour Defense Organization
""",
    "agents/agents.yml": """
agents:
  - {name: officials, kind: person, aliases: [official]}
""",
    "issues/human-rights.yml": """
id: human-rights
title: Human rights
keywords: [human right, torture]
""",
    "issues/sanctions.yml": """
id: sanctions
title: Sanctions
keywords: [sanction]
excludes: [football]
""",
    "issues/fishing.yml": """
id: fishing
title: Fishing
keywords: [quota]
requires: [fish, fishing]
""",
}


@pytest.fixture(scope="module")
def toy_engine(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    rules = write_tree(tmp_path_factory.mktemp("rules"), RULES)
    return Engine(pipeline, load_rules([rules]))


def sheet_of(engine: Engine, text: str, when: date | None = None) -> FactSheet:
    return engine.extract(Article("t", "t.txt", text, 0, "", date=when))


def actors(sheet: FactSheet) -> dict[str, str]:
    return {actor.name: party.id for party in sheet.parties for actor in party.actors}


def test_case_policy(toy_engine: Engine) -> None:
    assert sheet_of(toy_engine, "Let us talk about the pole and ut.").parties == []
    sheet = sheet_of(toy_engine, "UT and the POLE said Pole was right.")
    assert [s.text for s in sheet.party("utopia").spans] == ["UT", "POLE", "Pole"]


def test_an_institutions_name_matches_in_either_english_spelling(toy_engine: Engine) -> None:
    sheet = sheet_of(toy_engine, "The Harbour Defence Organisation said the port was closed.")
    assert [s.text for s in sheet.party("harbour-defense").spans] == ["Harbour Defence Organisation"]
    sheet = sheet_of(toy_engine, "The HARBOUR DEFENCE ORGANISATION sign was painted over.")
    assert [s.text for s in sheet.party("harbour-defense").spans] == ["HARBOUR DEFENCE ORGANISATION"]


def test_lower_case_alias_ignores_case(toy_engine: Engine) -> None:
    sheet = sheet_of(toy_engine, "Erewhon OFFICIALS met. UTOPOLIS replied.")
    assert sheet.party("utopia") is not None


def test_surname_and_full_name(toy_engine: Engine) -> None:
    sheet = sheet_of(toy_engine, "Bo Chen arrived on Monday. Later Bo spoke to reporters.")
    party = sheet.party("utopia")
    assert [(a.name, a.mentions) for a in party.actors] == [("Bo Chen", 2)]
    assert any("surname" in reason for reason in party.actors[0].why)


def test_role_by_article_date(toy_engine: Engine) -> None:
    text = "The foreign minister said the talks went well."
    assert actors(sheet_of(toy_engine, text, date(2020, 6, 1))) == {"Ann Lee": "utopia"}
    assert actors(sheet_of(toy_engine, text, date(2022, 6, 1))) == {"Bo Chen": "utopia"}


def test_role_without_date_needs_the_article_to_name_the_holder(toy_engine: Engine) -> None:
    assert actors(sheet_of(toy_engine, "The foreign minister said the talks went well.")) == {}
    sheet = sheet_of(toy_engine, "Ann Lee flew in. The foreign minister said the talks went well.")
    lee = sheet.party("utopia").actors[0]
    assert (lee.name, lee.mentions, lee.role) == ("Ann Lee", 2, "Foreign Minister")
    assert sheet.party("utopia").spans[1].text == "The foreign minister"


def test_indefinite_or_former_role_is_nobody_in_particular(toy_engine: Engine) -> None:
    for text in (
        "Ann Lee flew in. A foreign minister said the talks went well.",
        "Ann Lee flew in. The former foreign minister said no.",
    ):
        lee = sheet_of(toy_engine, text, date(2020, 6, 1)).party("utopia").actors[0]
        assert (lee.name, lee.mentions) == ("Ann Lee", 1)


def test_title_before_name_gives_the_role(toy_engine: Engine) -> None:
    sheet = sheet_of(toy_engine, "Utopian Foreign Minister Bo Chen arrived.", date(2022, 1, 1))
    chen = sheet.party("utopia").actors[0]
    assert (chen.name, chen.role, chen.spans[0].text) == ("Bo Chen", "Foreign Minister", "Foreign Minister Bo Chen")


def test_agent_after_adjective_is_an_actor(toy_engine: Engine) -> None:
    sheet = sheet_of(toy_engine, "Utopian officials denied the report, and an official in Erewhon agreed.")
    assert actors(sheet) == {"Utopian officials": "utopia"}


def test_priority_then_longest_then_first(toy_engine: Engine) -> None:
    # "Erewhon City" is an alias of Erewhon and a pattern of the council; Erewhon has the higher priority.
    sheet = sheet_of(toy_engine, "Erewhon City is quiet.")
    assert [p.id for p in sheet.parties] == ["erewhon"]
    # the longest match wins over a shorter one inside it
    sheet = sheet_of(toy_engine, "The Utopian Foreign Ministry spoke.")
    assert actors(sheet) == {"Utopian Foreign Ministry": "utopia"}


def test_keywords_match_on_lemmas(toy_engine: Engine) -> None:
    sheet = sheet_of(toy_engine, "Utopia sanctioned two firms over human rights abuses and tortured prisoners.")
    assert [i.id for i in sheet.issues] == ["sanctions", "human-rights"]
    assert [m.text for m in sheet.issue("human-rights").mentions] == ["human rights", "tortured"]


def test_requires_and_excludes(toy_engine: Engine) -> None:
    assert sheet_of(toy_engine, "The quota for imports was raised.").issues == []
    assert [i.id for i in sheet_of(toy_engine, "The fishing quota was raised.").issues] == ["fishing"]
    assert sheet_of(toy_engine, "The football league imposed sanctions on the club.").issues == []


def test_issue_lists_parties_in_its_sentences(toy_engine: Engine) -> None:
    sheet = sheet_of(toy_engine, "Erewhon raised human rights. Utopia stayed silent.")
    assert sheet.issue("human-rights").parties == ["erewhon"]


def test_unassigned_actors_use_the_fullest_name(toy_engine: Engine) -> None:
    sheet = sheet_of(toy_engine, "Angela Merkel met Ann Lee in Berlin. Merkel said little.")
    names = {a.name: (a.label, a.mentions) for a in sheet.unassigned_actors}
    assert names["Angela Merkel"] == ("PERSON", 2)
    assert "Ann Lee" not in names and "Berlin" in names


def test_every_span_slices_the_article(toy_engine: Engine) -> None:
    text = "---\ntitle: T\n---\nUT said Bo Chen met “Angela Merkel” over human rights.\n\nErewhon City agreed."
    article = Article("t", "t.md", text, text.index("UT"), "T")
    data = toy_engine.extract(article).to_dict(include_sentences=True)

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if {"text", "start", "end"} <= node.keys():
                assert text[node["start"] : node["end"]] == node["text"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    assert len(data["sentences"]) == 2


def test_json_shape(toy_engine: Engine) -> None:
    sheet = sheet_of(toy_engine, "Bo Chen of Utopia condemned human rights abuses in Erewhon.")
    data = json.loads(json.dumps(sheet.to_dict()))
    assert list(data) == ["schema_version", "article", "parties", "positions", "issues", "unassigned_actors"]
    assert set(data["article"]) >= {"id", "path", "title", "date", "source", "url", "metadata"}
    party = data["parties"][0]
    assert set(party) >= {"id", "name", "kind", "aliases", "mentions", "actors"}
    assert set(party["actors"][0]) >= {"name", "role", "mentions"}
    issue = data["issues"][0]
    assert set(issue) >= {"id", "title", "aliases", "mentions", "parties"}
    assert set(issue["mentions"][0]) >= {"text", "start", "end", "sentence"}


def test_rule_change_does_not_parse_again(pipeline: Pipeline, tmp_path: Path) -> None:
    rules = write_tree(tmp_path / "rules", RULES)
    engine = Engine(pipeline, load_rules([rules]))
    article = Article("t", "t.txt", "Utopia raised import quotas.", 0, "")
    assert engine.extract(article).issues == []
    assert engine.parse_count == 1
    write_tree(rules, {"issues/fishing.yml": "id: fishing\ntitle: Fishing\nkeywords: [quota]\n"})
    engine.use_rules(load_rules([rules]))
    assert [i.id for i in engine.extract(article).issues] == ["fishing"]
    assert engine.parse_count == 1


def test_long_text_is_split_not_crashed(pipeline: Pipeline, toy_engine: Engine) -> None:
    text = "\n\n".join(f"Paragraph {i}: Bo Chen of Utopia raised human rights." for i in range(40))
    whole = sheet_of(toy_engine, text)
    limit = pipeline.nlp.max_length
    pipeline.nlp.max_length = 500
    try:
        engine = Engine(pipeline, toy_engine.rules)
        split = engine.extract(Article("t", "t.txt", text, 0, ""))
    finally:
        pipeline.nlp.max_length = limit
    assert split.party("utopia").mentions == whole.party("utopia").mentions == 80
    assert len(split.issue("human-rights").mentions) == 40


def test_blank_mode_matches_rules_without_parser(blank_pipeline: Pipeline, toy_engine: Engine) -> None:
    engine = Engine(blank_pipeline, toy_engine.rules)
    sheet = engine.extract(Article("t", "t.txt", "Bo Chen said Utopia imposed sanctions.\n\nErewhon objected.", 0, ""))
    assert [p.id for p in sheet.parties] == ["utopia", "erewhon"]
    assert [i.id for i in sheet.issues] == ["sanctions"]
    assert sheet.unassigned_actors == []  # no NER in blank mode


def test_parse_many_in_two_processes_keeps_order_and_text(pipeline: Pipeline) -> None:
    texts = [f"Article {i}.\n\n" + "Bo Chen of Utopia spoke. " * (5 + i * 10) for i in range(4)]
    limit = pipeline.nlp.max_length
    pipeline.nlp.max_length = 300
    try:
        docs = list(pipeline.parse_many(texts, n_process=2, batch_size=2))
    finally:
        pipeline.nlp.max_length = limit
    assert [doc.text for doc in docs] == texts
    assert all(doc.has_annotation("DEP") for doc in docs)


def test_excluded_phrases_and_other_peoples_names(toy_engine: Engine) -> None:
    assert sheet_of(toy_engine, "The Utopolis Times reported it.").parties == []
    assert actors(sheet_of(toy_engine, "Yesterday Mary Bo said she agreed.")) == {}
    assert actors(sheet_of(toy_engine, "Yesterday Bo said he agreed.")) == {"Bo Chen": "utopia"}


def test_blank_mode_gives_every_token_a_tree_of_its_own(blank_pipeline: Pipeline) -> None:
    """spaCy's tokenizer leaves stale edges after a special case it merges ("it's"): one token off here, past
    the doc's end on a Reuters story, where walking a token's children crashed the process (in a worker
    process: a build that never ended). The blank pipeline resets them and keeps its sentences."""
    doc = blank_pipeline.parse("He said it's fine, the minister said.\n\nThe U.S. agreed. Talks went on.")
    assert all(t.left_edge.i == t.i == t.right_edge.i and not list(t.children) for t in doc)
    assert not doc.has_annotation("DEP")
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == [
        "He said it's fine, the minister said.",
        "The U.S. agreed.",
        "Talks went on.",
    ]


def test_blank_mode_survives_texts_whose_tokens_have_no_tree(tmp_path: Path) -> None:
    """Blank mode makes no positions: without a parser spaCy leaves some tokens' tree edges unset,
    and walking them crashed the process on a Reuters wire story (research-licensed, so not copied
    here; this text is written in its shape and may not trigger the fault). A child process, so
    that a segmentation fault fails this test rather than ending the session.
    """
    import subprocess
    import sys

    article = tmp_path / "wire.txt"
    article.write_text(
        "Nordbank Ab <Nord St>  1986 Year\n\nProfit 3.65 billion crowns vs 3.40\nbillion.\n"
        "    Earnings per share according to\nU.S. principles after tax: 1.96 crowns vs 9.49 crowns.\n"
        "    The board proposed a dividend of 1.55 crowns vs 1.25, Nordbank said.\n REUTER\n",
        encoding="utf-8",
    )
    code = (
        "import sys; from pathlib import Path; from mkdocs_factsheet import Engine, ProblemLog, load_articles\n"
        "engine = Engine.create([Path(sys.argv[1])], packs=['world'], model='blank')\n"
        "[sheet] = engine.extract_all(load_articles([Path(sys.argv[2])], ProblemLog()))\n"
        "print(len(sheet.positions))\n"
    )
    result = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", code, str(EXAMPLE_RULES), str(article)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["0"]  # positions need the parser
