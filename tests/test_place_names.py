"""Party names inside longer names, a country's name for another country's region, former office holders,
parties mentioned in passing (nlp/mentions.py, nlp/regions.py, nlp/factsheet.py)."""

from __future__ import annotations

from datetime import date

import pytest

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.model import FactSheet
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules


def sheet_of(engine: Engine, text: str, when: date | None = None) -> FactSheet:
    return engine.extract(Article(id="t", path="t.txt", text=text, body_start=0, title="T", date=when))


def party_ids(sheet: FactSheet) -> set[str]:
    return {party.id for party in sheet.parties}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Voters in New Mexico approved the measure, officials said.", "mexico"),
        ("He served in the Vietnam War before entering politics.", "vietnam"),
        ("Mark Cuban said he would not run for president.", "cuba"),
        ("Two destroyers sailed through the South China Sea on Tuesday, the navy said.", "china"),
        ("The toilet was valued at six million US dollars, the palace said.", "united-states"),
        ("The painting sold for about 1.4 million Indian rupees, the auction house said.", "india"),
        ("The Paris agreement was not an attempt to set up target zones, the official said.", "france"),
        (
            "Toilets use 141 billion liters (about 37 billion U.S. gallons) of water a day, the study said.",
            "united-states",
        ),
    ],
)
def test_a_party_name_inside_a_longer_place_person_or_event_name_is_no_mention(
    engine: Engine, text: str, absent: str
) -> None:
    sheet = sheet_of(engine, text)
    assert absent not in party_ids(sheet)
    assert all(p.speaker.party != absent for p in sheet.positions)


def test_an_adjective_before_an_agent_noun_or_a_title_still_names_the_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The Chinese Foreign Ministry said the visit was provocative. The Iranian government said the talks were "
        "over. Russian President Vladimir Putin said nothing.",
    )
    assert {"china", "iran", "russia"} <= party_ids(sheet)


def test_a_country_named_as_a_politicians_home_in_party_politics_is_a_region(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Senator David Perdue of Georgia said he would vote against the bill. Democrats in Arizona disagreed. "
        "Georgia will hold a runoff in January.",
    )
    assert "georgia" not in party_ids(sheet) and "democratic-party" in party_ids(sheet)
    assert all(p.speaker.party != "georgia" for p in sheet.positions)


def test_people_named_by_another_countrys_regions_make_a_country_named_so_a_region(pipeline: Pipeline) -> None:
    """With the world pack alone: "Jerrold Nadler of New York" shows the same politics."""
    engine = Engine(pipeline, load_rules([], ["world"]))
    sheet = sheet_of(
        engine,
        "Republican committee member Doug Collins of Georgia said the vote was a sham. Democratic committee chairman"
        " Jerrold Nadler of New York said the inquiry would go on.",
    )
    assert party_ids(sheet) == {"united-states", "republican-party", "democratic-party"}  # the pack's US parties
    sham = next(p for p in sheet.positions if "sham" in p.content.text)
    assert (sham.speaker.actor, sham.speaker.party) == ("Doug Collins", "republican-party")
    # a Georgian the pack knows names the country otherwise: it stays
    sheet = sheet_of(
        engine,
        "President Salome Zourabichvili of Georgia said the talks went well. Mayor Bill de Blasio of New York said"
        " the city would help.",
    )
    assert party_ids(sheet) == {"georgia", "united-states"}


def test_the_country_georgia_keeps_its_mentions(engine: Engine) -> None:
    sheet = sheet_of(engine, "Georgia's foreign minister met Russian officials in Tbilisi. Georgia wants to join NATO.")
    assert "georgia" in party_ids(sheet)
    # named otherwise too (its adjective), the country stays even as someone's home
    sheet = sheet_of(engine, "Republicans welcomed Irakli Kobakhidze of Georgia. The Georgian government agreed.")
    assert "georgia" in party_ids(sheet)


def test_a_former_office_holder_does_not_get_the_present_role(engine: Engine) -> None:
    sheet = sheet_of(engine, "Former US President Barack Obama said the vote mattered.", date(2019, 5, 1))
    us = sheet.party("united-states")
    assert us is not None and [(a.name, a.role) for a in us.actors] == [("Barack Obama", None)]
    sheet = sheet_of(engine, "President Barack Obama said the vote mattered.", date(2019, 5, 1))
    us = sheet.party("united-states")
    assert us is not None and [(a.name, a.role) for a in us.actors] == [("Barack Obama", None)]
    sheet = sheet_of(engine, "US President Barack Obama said the vote mattered.", date(2015, 5, 1))
    us = sheet.party("united-states")
    assert us is not None and [(a.name, a.role) for a in us.actors] == [("Barack Obama", "President")]


def test_parties_named_in_passing_are_listed_last_as_minor(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Flights to Paris, Bangkok and Tokyo were cancelled. The German government said the ban would last. "
        "German officials said Germany would review it.",
    )
    assert sheet.parties[0].id == "germany" and not sheet.parties[0].minor
    assert {p.id for p in sheet.parties if p.minor} == {"france", "thailand", "japan"}


def test_a_place_inside_an_organisations_name_is_not_its_country(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The New York Times reported the wreck on Monday. The Jakarta Post said the ship had vanished. "
        "Dr. Tristan Smith of University College London said such cases were rare.",
    )
    assert not {"united-states", "indonesia", "united-kingdom"} & party_ids(sheet)


def test_a_country_inside_an_outlets_name_is_not_the_country_unless_the_name_is_a_bodys(engine: Engine) -> None:
    sheet = sheet_of(engine, "Agence France-Presse reported the wreck on Monday. The Cyprus Mail said the ship sank.")
    assert not {"france", "cyprus"} & party_ids(sheet)
    sheet = sheet_of(engine, "The Pakistan Foreign Office said the talks would resume next week.")
    assert "pakistan" in party_ids(sheet)
    sheet = sheet_of(engine, "The United Nations' Food and Agriculture Organization said the virus was contained.")
    assert "united-nations" in party_ids(sheet)  # a possessive: the owner, not part of the name


def test_an_office_of_a_place_read_as_one_name_keeps_the_place(engine: Engine) -> None:
    sheet = sheet_of(engine, "First Minister of Scotland Nicola Sturgeon said the vote was lost.")
    assert "united-kingdom" in party_ids(sheet)


def test_an_association_of_a_place_is_its_own_party_not_the_places(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The Potato Growers Association of America (PGAA) said on Monday that prices had doubled. "
        "The PGAA said the harvest was poor.",
    )
    assert "united-states" not in party_ids(sheet)
    assert {p.speaker.party for p in sheet.positions} == {"provisional-potato-growers-association-of-america"}
    sheet = sheet_of(engine, "The Catholic Bishops' Conference of the Philippines announced that the bishop had died.")
    assert "philippines" not in party_ids(sheet)  # "of the" place: the bishops' own conference still
    sheet = sheet_of(engine, 'Lena Marsh of the Beijing Gender Health Education Institute commented: "It is good."')
    assert "china" not in party_ids(sheet)  # "of the" before the name: the place opens the institute's name
    sheet = sheet_of(engine, "The Bank of Japan said it would keep rates unchanged.")
    assert [p.speaker.party for p in sheet.positions] == ["japan"]  # a state's bank, not an association


def test_a_countrys_initialism_opening_an_organisations_name_is_the_country_unless_an_outlet(engine: Engine) -> None:
    sheet = sheet_of(engine, "The US Geological Survey said the quake had a magnitude of 7.0.")
    assert [p.speaker.party for p in sheet.positions] == ["united-states"]
    sheet = sheet_of(engine, "USA Today reported the fire on Monday.")
    assert "united-states" not in party_ids(sheet)


def test_a_brands_edition_for_a_country_is_not_the_country(engine: Engine) -> None:
    sheet = sheet_of(engine, "ABC Australia said the shelves were empty.")
    assert "australia" not in party_ids(sheet)
    # the model splits "CNN Philippines" into an organisation and a place; the edition is still the brand's
    sheet = sheet_of(engine, "Residents fear to return home after the aftershocks, CNN Philippines reported.")
    assert "philippines" not in party_ids(sheet)
    # "on" after it is a world-pack member's surname, which leads no title: the name still ends at the place
    sheet = sheet_of(engine, "The stores were reluctant, according to a report from ABC Australia on March 3.")
    assert "australia" not in party_ids(sheet)
    sheet = sheet_of(engine, "NATO Russia talks failed on Monday, the Russian foreign minister said.")
    assert "russia" in party_ids(sheet)
    # a country's initialism before a political party's name is no brand: the party is named
    text = "US Democratic Party presidential nominee Dana Whitfield led in the polls. Whitfield said it was close."
    sheet = sheet_of(engine, text)
    assert [p.speaker.party for p in sheet.positions] == ["democratic-party"]


def test_a_body_of_a_countrys_region_is_named_as_written(pipeline: Pipeline) -> None:
    engine = Engine(pipeline, load_rules([], ["world"]))  # the pack's United States, its places included
    sheet = sheet_of(engine, "The government of American Samoa said the issue should be decided by Congress.")
    speaker = next(p.speaker for p in sheet.positions if "decided by Congress" in p.content.text)
    assert (speaker.actor, speaker.party) == ("government of American Samoa", "united-states")
    sheet = sheet_of(engine, "The Foreign Ministry of Iraq said it was a violation of sovereignty.")
    assert [(p.speaker.actor, p.speaker.party) for p in sheet.positions] == [("Iraqi Foreign Ministry", "iraq")]


def test_a_country_or_its_place_before_a_noun_of_no_agent_says_where_not_whom(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Omsk hospital reported no traces of poison were found. The Montreal team said the planet may have water. "
        "Beijing officials said the air was clean. The US statement spoke of Turkey guarding the camps.",
    )
    party_of = {p.content.text: p.speaker.party for p in sheet.positions}
    assert party_of["no traces of poison were found"] is None
    assert party_of["the planet may have water"] is None
    assert party_of["the air was clean"] == "china"
    assert party_of["of Turkey guarding the camps"] == "united-states"
