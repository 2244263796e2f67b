"""A pack's political party only in news of its country (nlp/party_scope.py), the world pack's parties, and an
international organisation's national bodies (nlp/mentions.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree
from .test_affiliation import sheet_of, speaker_of


def test_a_national_partys_people_in_news_of_its_country(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Labour MP Dana Whitfield told the BBC in London that she would vote against the deal. Likud lawmaker "
        "Mark Oduya said in Jerusalem that Israel would not wait. BJP spokesman Ana Tovani said in New Delhi that "
        "the law was fair. Liberal Democrat MP Lee Grant said Britain had to stay.",
    )
    assert speaker_of(sheet, "vote against the deal") == ("Dana Whitfield", "labour-party")
    assert speaker_of(sheet, "would not wait") == ("Mark Oduya", "likud")
    assert speaker_of(sheet, "the law was fair") == ("Ana Tovani", "bharatiya-janata-party")
    assert speaker_of(sheet, "had to stay") == ("Lee Grant", "liberal-democrats")  # not the US Democrats


def test_a_partys_word_in_news_that_names_other_countries_but_never_its_own_is_not_the_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Conservative groups held a rally in Washington on Saturday. Conservative leader Dana Whitfield said the "
        "election was stolen. Morena leader Ana Tovani said in Tunis that the vote would be close.",
    )
    found = {party.id for party in sheet.parties}
    assert "conservative-party" not in found and "morena" not in found
    assert speaker_of(sheet, "election was stolen")[1] != "conservative-party"
    assert speaker_of(sheet, "vote would be close")[1] != "morena"


def test_a_partys_word_in_news_that_names_no_country_is_the_party(engine: Engine) -> None:
    sheet = sheet_of(engine, "Labour leader Dana Whitfield said the plan was wrong.")
    assert speaker_of(sheet, "plan was wrong") == ("Dana Whitfield", "labour-party")


def test_the_sites_own_party_rule_counts_wherever_the_news_is(pipeline: Pipeline, tmp_path: Path) -> None:
    rules = write_tree(
        tmp_path / "rules",
        {
            "parties/morena.yml": (
                "id: morena\nname: Morena\nkind: organisation\ncountry: mexico\n"
                "aliases: [Morena]\nadjectives: [Morena]\n"
            )
        },
    )
    engine = Engine(pipeline, load_rules([rules], ["world"]))
    sheet = sheet_of(engine, "Morena leader Ana Tovani said in Tunis that the vote would be close.")
    assert speaker_of(sheet, "vote would be close") == ("Ana Tovani", "morena")


def test_an_international_organisations_name_after_a_nationality_is_a_national_body(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Philippine Red Cross chair Dana Whitfield said in Manila that families needed food. The Red Cross said "
        "the camp was full. The German SPD said Berlin must act.",
    )
    assert speaker_of(sheet, "needed food") == ("Dana Whitfield", "provisional-philippine-red-cross")
    assert speaker_of(sheet, "camp was full") == (None, "international-committee-of-the-red-cross")
    assert speaker_of(sheet, "Berlin must act") == (None, "social-democratic-party-of-germany")  # a party of its own
