"""The built-in "world" pack (generated from the Phoenix dictionaries by tools/build_world_pack.py).

These tests read the generated files only, so they run without the Phoenix sources.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest

import mkdocs_factsheet
from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.model import Position
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules
from mkdocs_factsheet.rules.schema import Alias, Member, Party, Role, alias_of
from mkdocs_factsheet.rules.strict_yaml import load_yaml

PACK = Path(mkdocs_factsheet.__file__).parent / "packs" / "world"
PARTY_FILES = sorted((PACK / "parties").glob("*.yml"))


@cache
def load_party(path: Path) -> Party:
    document, problems = load_yaml(path.read_text(encoding="utf-8"), str(path))
    assert document is not None and not problems, [problem.message for problem in problems]
    return Party.model_validate(document.data)


def party(party_id: str) -> Party:
    return load_party(PACK / "parties" / f"{party_id}.yml")


def member(party_id: str, name: str) -> Member:
    matches = [candidate for candidate in party(party_id).members if candidate.name == name]
    assert len(matches) == 1, f"{name} in {party_id}: {len(matches)} matches"
    return matches[0]


def aliases(party_id: str) -> dict[str, Alias]:
    return {alias.text: alias for alias in map(alias_of, party(party_id).aliases)}


def test_the_pack_has_countries_and_organisations() -> None:
    kinds = [load_party(path).kind for path in PARTY_FILES]
    assert kinds.count("country") > 150
    assert kinds.count("organisation") > 20


@pytest.mark.parametrize("path", PARTY_FILES, ids=lambda path: path.stem)
def test_every_file_loads_and_validates(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Generated from the Phoenix dictionaries (MIT licence, see NOTICE.md)")
    assert load_party(path).id == path.stem


def test_no_phrase_names_two_parties() -> None:
    owners: dict[str, str] = {}
    for path in PARTY_FILES:
        loaded = load_party(path)
        for spec in [loaded.name, *loaded.aliases, *loaded.adjectives]:
            key = alias_of(spec).text.casefold()
            assert owners.setdefault(key, loaded.id) == loaded.id, f"{key!r}: {owners[key]} and {loaded.id}"


def test_the_notice_keeps_the_licence() -> None:
    notice = (PACK / "NOTICE.md").read_text(encoding="utf-8")
    assert "Open Event Data Alliance" in notice and "CountryInfo" in notice and "2014" in notice
    assert "The MIT License (MIT)" in notice
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in notice


def test_countries_have_their_names_capitals_and_adjectives() -> None:
    china = party("china")
    assert (china.name, china.kind) == ("China", "country")
    assert "Beijing" in aliases("china") and "People's Republic of China" in aliases("china")
    assert [alias_of(adjective).text for adjective in china.adjectives] == ["Chinese"]
    assert "Yangon" in aliases("myanmar") and "Burma" in aliases("myanmar")
    assert party("united-kingdom").name == "United Kingdom"
    assert party("south-korea").name == "South Korea"


def test_us_aliases_keep_their_case() -> None:
    us = aliases("united-states")
    assert "Washington" in us and us["Washington"].case == "auto"
    assert us["U.S."].case == "exact" and us["USA"].case == "exact" and us["US"].case == "exact"
    assert "American" in [alias_of(adjective).text for adjective in party("united-states").adjectives]


def test_noisy_phrases_are_left_out() -> None:
    assert not {"Pole", "Phoenix", "Charlotte", "Graveyard of Empires", "The Graveyard of Empires"} & (
        set(aliases("poland")) | set(aliases("united-states")) | set(aliases("afghanistan"))
    )
    assert "Polish" in [alias_of(adjective).text for adjective in party("poland").adjectives]


def test_organisations() -> None:
    un = party("united-nations")
    assert un.kind == "organisation" and aliases("united-nations")["UN"].case == "exact"
    assert aliases("european-union")["EU"].case == "exact"
    assert party("nato").name == "NATO" and "North Atlantic Treaty Organization" in aliases("nato")
    assert member("united-nations", "Ban Ki-moon").surname == "Ban"
    annan = member("united-nations", "Kofi Annan")
    assert annan.role_list() == [Role(title="Secretary-General", from_=date(1997, 1, 1), until=date(2006, 12, 31))]
    assert "K. Annan" in [alias_of(alias).text for alias in annan.aliases]


def positions_in(engine: Engine, text: str) -> list[Position]:
    """The positions of an article of `text` alone."""
    return engine.extract(Article(id="t", path="t.txt", text=text, body_start=0, title="T")).positions


def test_the_european_unions_institutions_speak_for_it(engine: Engine) -> None:
    """Organs the Phoenix dictionary lacks, added by the converter (`added_bodies`)."""
    court = member("european-union", "Court of Justice of the European Union")
    assert court.kind == "body" and "European Court of Justice" in [alias_of(a).text for a in court.aliases]
    text = "The European Court of Justice said Facebook must remove the posts. The ECB said rates would stay."
    speakers = {(p.speaker.actor, p.speaker.party) for p in positions_in(engine, text)}
    assert speakers == {
        ("Court of Justice of the European Union", "european-union"),
        ("European Central Bank", "european-union"),
    }


def test_seats_of_government_speak_for_their_state(engine: Engine) -> None:
    """Names news uses for a government that Phoenix lacks, added by the converter (`SEATS_OF_GOVERNMENT`)."""
    text = (
        "The Pentagon said the troops would stay. Downing Street said the talks had failed. "
        "The Elysee said the president would travel. The State Department said the embassy was closed."
    )
    speakers = [(p.speaker.actor, p.speaker.party) for p in positions_in(engine, text)]
    # the example site's rules name the State Department and the Pentagon themselves
    assert [party for _, party in speakers] == ["united-states", "united-kingdom", "france", "united-states"]
    assert speakers[1:3] == [("10 Downing Street", "united-kingdom"), ("Élysée Palace", "france")]
    assert "State Department" in [alias_of(a).text for a in member("united-states", "Department of State").aliases]


def test_national_bodies_speak_for_their_state_in_another_countrys_story(pipeline: Pipeline) -> None:
    """Agencies news names without their country (`NATIONAL_BODIES`), here in a story about Bermuda, whose own
    public bodies the story country would otherwise give them (the pack alone: the example site's own United
    States replaces the pack's)."""
    engine = Engine(pipeline, load_rules([], ["world"]))
    text = (
        "Hurricane Humberto approached Bermuda on Tuesday. Bermuda closed its schools, and Bermuda's airport shut. "
        "The National Hurricane Center said the storm would weaken on Thursday. "
        "The US Geological Survey said a small earthquake had been recorded. The Met Office said it was watching."
    )
    speakers = [(p.speaker.actor, p.speaker.party) for p in positions_in(engine, text)]
    assert speakers == [
        ("National Hurricane Center", "united-states"),
        ("United States Geological Survey", "united-states"),
        ("Met Office", "united-kingdom"),
    ]


def test_territories_stand_for_the_state_that_administers_them(pipeline: Pipeline) -> None:
    """ISO 3166-1 territories with no party of their own (`TERRITORIES`): the longest name wins, so an American
    Samoan is not Samoan, and Samoa stays Samoa (the pack alone: the example site's own United States replaces
    the pack's)."""
    engine = Engine(pipeline, load_rules([], ["world"]))
    assert {"American Samoa", "Puerto Rico", "Guam"} <= {alias_of(a).text for a in party("united-states").aliases}
    assert "Greenlandic" in [alias_of(a).text for a in party("denmark").adjectives]
    text = (
        "The American Samoan delegate Aumua Amata said the ruling was unwelcome. Samoa's prime minister said the"
        " islands would help. Northern Ireland said people should wear masks."
    )
    parties = {p.content.text: p.speaker.party for p in positions_in(engine, text)}
    assert parties == {
        "the ruling was unwelcome": "united-states",
        "the islands would help": "samoa",
        "people should wear masks": "united-kingdom",
    }


def test_the_hand_written_parties_speak_for_their_people(pipeline: Pipeline) -> None:
    """The Holy See, which Phoenix lacks, and the two US parties (`MISSING_STATES`, `POLITICAL_PARTIES`)."""
    engine = Engine(pipeline, load_rules([], ["world"]))
    text = (
        "Vatican archbishop Tom Weller said bishops must serve the people. Sen. Ann Lowe (D-Ohio) said the bill"
        " would fail. Republican Sen. Jim Barr said it would pass. Iraq's Republican Guard said it was ready."
    )
    parties = {p.content.text: p.speaker.party for p in positions_in(engine, text)}
    assert parties == {
        "bishops must serve the people": "holy-see",
        "the bill would fail": "democratic-party",
        "it would pass": "republican-party",
        "it was ready": "iraq",
    }


@pytest.mark.parametrize(("day", "pope"), [(date(2010, 5, 1), "Pope Benedict XVI"), (date(2019, 5, 1), "Pope Francis")])
def test_the_pope_is_the_holy_sees_head_of_his_day(pipeline: Pipeline, day: date, pope: str) -> None:
    """The Holy See's heads (`MISSING_STATE_HEADS`): named, by title alone for the pope of the article's date,
    and by the name he is called by once named; open roles written by hand are held today (no `as_of`)."""
    assert party("holy-see").as_of is None
    engine = Engine(pipeline, load_rules([], ["world"]))
    text = f"{pope} said abuse must be reported. The pontiff said bishops must act. The Pope said victims come first."
    article = Article(id="t", path="t.txt", text=text, body_start=0, title="T", date=day)
    speakers = {(p.speaker.actor, p.speaker.party) for p in engine.extract(article).positions}
    assert speakers == {(pope, "holy-see")}


def test_office_holders_carry_phoenix_dates() -> None:
    mao = member("china", "Mao Zedong")  # [CHNGOV 350108-760909]: two-digit years from 30 are 19xx
    assert (mao.kind, mao.surname, mao.from_, mao.until) == ("person", "Mao", date(1935, 1, 8), date(1976, 9, 9))
    yang = member("china", "Yang Jiechi")  # [CHNGOV 030101-050731] [CHNGOV >070601]
    assert (yang.surname, yang.from_, yang.until) == ("Yang", date(2003, 1, 1), None)
    assert member("united-states", "John Kerry").role_list() == [
        Role(title="Secretary of State", from_=date(2013, 2, 1))
    ]
    assert member("china", "Hu Jintao").role_list() == [
        Role(title="President", from_=date(2002, 11, 15), until=date(2013, 3, 14))
    ]
    assert member("united-states", "Barack Obama").surname is None  # the default, the last word, is right


def test_institutions_are_bodies() -> None:
    pla = member("china", "Peoples Liberation Army")
    assert pla.kind == "body"
    assert Alias(text="PLA", case="exact") in map(alias_of, pla.aliases)


def test_a_body_of_its_own_is_no_other_bodys_alias() -> None:
    ntsb = member("united-states", "National Transportation Safety Board")
    assert Alias(text="NTSB", case="exact") in map(alias_of, ntsb.aliases)
    transport = member("united-states", "United States Department of Transportation")
    assert "National Transportation Safety Board" not in [alias_of(a).text for a in transport.aliases]
    assert "Secret Service" in [
        alias_of(a).text for a in member("united-states", "United States Secret Service").aliases
    ]


def test_no_surname_in_the_pack_shadows_a_party_name_alias_or_adjective(engine: Engine) -> None:
    """Audit: every pack surname that is also a party's name, alias or adjective ("German", "Lima") reads as the party."""
    from mkdocs_factsheet.articles import Article
    from mkdocs_factsheet.nlp.extraction import find_mentions
    from mkdocs_factsheet.nlp.text import BodyText

    rules = engine.rules
    party_words: dict[str, str] = {}
    for party_rule in rules.parties.values():
        names = [party_rule.name, *(alias_of(a).text for a in [*party_rule.aliases, *party_rule.adjectives])]
        for name in names:
            party_words.setdefault(name, party_rule.id)
    collisions = {
        surname: party_words[surname]
        for party_rule in rules.parties.values()
        for person in party_rule.members
        if (surname := person.surname_alias()) in party_words
    }
    assert "German" in collisions  # the case seen on general news: a Dominican member's surname
    wrong = []
    for word, party_id in sorted(collisions.items()):
        text = f"{word} officials said on Monday that the talks would resume."
        article = Article(id="audit", path="audit.txt", text=text, body_start=0, title="Audit")
        doc = engine.parse(article)
        mentions = find_mentions(article, doc, engine.compiled, BodyText.of(article)).mentions
        first = next((m for m in mentions if m.start == 0), None)
        if first is None or first.party != party_id or (first.actor is not None and first.via != "agent"):
            wrong.append(f"{word!r}: {first.actor if first else None} ({first.party if first else None})")
    assert wrong == []
