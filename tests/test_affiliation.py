"""Affiliations the article states give people no rule knows their party (nlp/affiliation.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.tokens import Span

from mkdocs_factsheet.articles import Article, load_articles
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.model import FactSheet
from mkdocs_factsheet.nlp.names import settle_person_names
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.problems import ProblemLog
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree


def sheet_of(engine: Engine, text: str, when: date | None = None) -> FactSheet:
    return engine.extract(Article(id="t", path="t.txt", text=text, body_start=0, title="T", date=when))


def headlined(engine: Engine, headline: str, body: str) -> FactSheet:
    """The sheet of an article with a headline (analysed as such) above its body."""
    text = f"{headline}\n\n{body}"
    return engine.extract(Article(id="t", path="t.txt", text=text, body_start=len(headline) + 2, title=headline))


def speaker_of(sheet: FactSheet, words: str) -> tuple[str | None, str | None]:
    position = next(p for p in sheet.positions if words in p.content.text)
    return position.speaker.actor, position.speaker.party


@pytest.mark.parametrize(
    ("text", "words", "actor", "party"),
    [
        (
            "Japanese Foreign Minister Taro Kono said the talks would continue next week.",
            "talks would continue",
            "Taro Kono",
            "japan",
        ),
        (
            "Italy's Prime Minister Giuseppe Conte said the budget would be approved.",
            "budget would be approved",
            "Giuseppe Conte",
            "italy",
        ),
        (
            "Heiko Maas, Germany's foreign minister, said the sanctions would remain in place.",
            "sanctions would remain",
            "Heiko Maas",
            "germany",
        ),
        (
            "The German foreign minister, Heiko Maas, said the sanctions would remain in place.",
            "sanctions would remain",
            "Heiko Maas",
            "germany",
        ),
        (
            "First Minister of Scotland Nicola Sturgeon said a second referendum was needed.",
            "second referendum",
            "Nicola Sturgeon",
            "united-kingdom",
        ),
    ],
)
def test_a_title_of_a_party_or_an_apposition_affiliates_the_name(
    engine: Engine, text: str, words: str, actor: str, party: str
) -> None:
    assert speaker_of(sheet_of(engine, text), words) == (actor, party)


def test_later_mentions_and_pronouns_carry_the_affiliation(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Mexican Foreign Minister Marcelo Ebrard met his counterparts on Monday. "
        "Ebrard said the agreement would protect workers. "
        "He added that the border would stay open.",
    )
    assert speaker_of(sheet, "agreement would protect") == ("Marcelo Ebrard", "mexico")
    assert speaker_of(sheet, "border would stay open") == ("Marcelo Ebrard", "mexico")
    mexico = next(p for p in sheet.parties if p.id == "mexico")
    ebrard = next(a for a in mexico.actors if a.name == "Marcelo Ebrard")
    assert any("Mexican" in reason for reason in ebrard.why)


def test_a_name_the_parse_hangs_on_a_titles_complement_is_the_speaker(engine: Engine) -> None:
    text = "The general manager of the Chilean Broadcasting Company, Mark Oduya, said the rebels were responsible."
    assert speaker_of(sheet_of(engine, text), "rebels") == ("Mark Oduya", "provisional-chilean-broadcasting-company")


@pytest.mark.parametrize(
    ("text", "words", "actor", "party"),
    [
        ("Tim Cook, the American CEO of Apple, said sales rose.", "sales rose", "Tim Cook", None),
        ("A Chilean presidential candidate said taxes would fall.", "taxes would fall", None, None),
        (
            "Mark Oduya, who was a candidate in the Democratic primaries, said he would run for the Senate.",
            "run for the Senate",
            "Mark Oduya",
            "democratic-party",
        ),
    ],
)
def test_a_title_of_no_state_office_takes_no_nationality_but_a_partys_primary(
    engine: Engine, text: str, words: str, actor: str | None, party: str | None
) -> None:
    assert speaker_of(sheet_of(engine, text), words) == (actor, party)


def test_a_country_describing_a_person_is_no_antecedent_of_they(engine: Engine) -> None:
    text = (
        "US singer Doris Day died on Monday at her home. Day's animal foundation said she had been in excellent "
        "health. Day, they said, desired no memorials or grave markers."
    )
    assert speaker_of(sheet_of(engine, text), "no memorials") == (None, None)  # not the United States


def test_a_dateline_names_no_party_for_the_subject_after_it(engine: Engine) -> None:
    sheet = sheet_of(
        engine, "LONDON - Boris Johnson said the deal was done. NAIROBI - Local officials said the road was closed."
    )
    assert speaker_of(sheet, "deal was done") == ("Boris Johnson", None)  # London is where the story was filed
    assert [p.speaker.text for p in sheet.positions] == ["Boris Johnson", "Local officials"]
    assert not [p for p in sheet.parties if p.provisional]  # no organisation "NAIROBI - Local"
    hyphenated = sheet_of(engine, "ABS-CBN said the network would appeal.")
    assert [p.speaker.text for p in hyphenated.positions] == ["ABS-CBN"]  # a name's hyphen is no dateline's dash


def test_a_name_a_rule_resolves_keeps_the_rules_party(engine: Engine) -> None:
    sheet = sheet_of(engine, "Chinese spokesman Antony Blinken said the talks were useful.")
    assert speaker_of(sheet, "talks were useful") == ("Antony Blinken", "united-states")


def test_a_name_given_two_parties_carries_neither_beyond_those_mentions(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "French spokesman Jean Martin met reporters. Belgian spokesman Jean Martin met them too. "
        "Martin said the plan was sound.",
    )
    assert speaker_of(sheet, "plan was sound")[1] is None


def test_a_title_of_a_persons_acts_for_that_persons_party(engine: Engine) -> None:
    sheet = sheet_of(engine, "Vladimir Putin's spokesman Dmitry Peskov said the meeting had been useful.")
    assert speaker_of(sheet, "meeting had been useful") == ("Dmitry Peskov", "russia")


def test_someone_acting_for_a_person_speaks_for_that_persons_party(engine: Engine) -> None:
    """The core pack's `proxies`: a spokesman, aides, a lawyer, an office or a campaign of a person the text
    affiliates, named by a possessive, a pronoun, "for" or a name before the noun."""
    sheet = sheet_of(
        engine,
        "Japanese Foreign Minister Dana Whitfield arrived in Seoul. Whitfield's spokesman said the talks were useful. "
        "A lawyer for Whitfield said the claim was false. Her office said she was tired. "
        "Her aides said she would stay a week. The Whitfield campaign said the polls were wrong. "
        "Her associates alleged she was poisoned.",
    )
    assert speaker_of(sheet, "talks were useful") == ("Dana Whitfield", "japan")  # a voice speaks as whom it serves
    assert speaker_of(sheet, "claim was false") == ("Dana Whitfield's lawyer", "japan")
    assert speaker_of(sheet, "she was tired") == ("Dana Whitfield's office", "japan")
    assert speaker_of(sheet, "stay a week") == ("Dana Whitfield's aides", "japan")
    assert speaker_of(sheet, "polls were wrong") == ("Whitfield campaign", "japan")
    assert speaker_of(sheet, "was poisoned") == ("Dana Whitfield's associates", "japan")
    position = next(p for p in sheet.positions if "talks were useful" in p.content.text)
    assert any("acts for Dana Whitfield (japan)" in why for why in position.why)


def test_a_voice_for_a_person_is_not_the_home_countrys_bare_title(engine: Engine) -> None:
    body = (
        "Japanese Foreign Minister Dana Whitfield met Chinese officials in Beijing. A spokesman for Whitfield said "
        "the talks would continue. China said it welcomed the visit."
    )
    sheet = headlined(engine, "Chinese president meets Japanese minister in Beijing", body)
    assert speaker_of(sheet, "talks would continue") == ("Dana Whitfield", "japan")


def test_a_spokesman_of_someone_not_a_person_is_no_persons_nor_the_home_countrys(engine: Engine) -> None:
    body = "The company's spokesman said the plant would close. Police said the fire was out."
    sheet = headlined(engine, "Indian president opens new airport in Kerala", body)
    assert speaker_of(sheet, "plant would close") == (None, None)
    assert speaker_of(sheet, "fire was out")[1] == "india"


def test_a_title_s_expansion_in_brackets_stands_between_the_party_and_the_name(engine: Engine) -> None:
    text = (
        "Speakers at the rally included Labour MP (Member of Parliament) Dana Whitfield. "
        "Dana Whitfield said she would vote against the deal."
    )
    actor, party = speaker_of(sheet_of(engine, text), "vote against the deal")
    assert (actor, party) == ("Dana Whitfield", "labour-party")


def test_an_executive_office_after_a_political_partys_word_is_held_for_the_partys_country(engine: Engine) -> None:
    """The party file's `country` says whose offices its people hold; a legislator keeps the party."""
    text = (
        "Republican President Dana Whitfield praised the deal. Democratic Governor Ana Tovani said the state would "
        "recover. Republican Senator Mark Oduya said the vote was rigged. Microsoft President Lena Marsh said the "
        "law was bad."
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "the deal") == ("Dana Whitfield", "united-states")
    assert speaker_of(sheet, "would recover") == ("Ana Tovani", "united-states")
    assert speaker_of(sheet, "vote was rigged") == ("Mark Oduya", "republican-party")
    assert speaker_of(sheet, "law was bad") == ("Lena Marsh", "provisional-microsoft")  # a company's, no state's


def test_a_plural_noun_a_political_partys_adjective_describes_speaks_for_the_party(engine: Engine) -> None:
    text = (
        "Over 100 Republican national security experts signed a letter urging officials to concede the election. "
        "French farmers said the plan would fail."
    )
    sheet = sheet_of(engine, text)
    experts = ("Republican national security experts", "republican-party")
    assert speaker_of(sheet, "concede the election") == experts
    assert speaker_of(sheet, "plan would fail") == (None, None)  # a nationality is no membership


def test_a_party_after_the_name_beats_a_nationality_before_a_title_that_is_no_office_of_state(engine: Engine) -> None:
    text = (
        "Polish leader Ana Tovani of the conservative Law and Justice Party spoke on Sunday. "
        "Tovani said the party was ready with amendments. "
        "Polish President Dana Whitfield of the Law and Justice Party said the law would pass."
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "ready with amendments") == ("Ana Tovani", "law-and-justice")
    assert speaker_of(sheet, "law would pass") == ("Dana Whitfield", "poland")  # an office of state


def test_a_surname_affiliated_alone_is_not_the_last_word_of_another_persons_name(engine: Engine) -> None:
    text = (
        "Mark Whitfield died on Thursday. Whitfield, the Democratic chairman of the committee, was 68. In a "
        "statement, Ana Rockmore Whitfield, his "
        'wife, said Whitfield "worked until his last breath". Whitfield said the hearings would go on.'
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "his last breath") == ("Ana Rockmore Whitfield", None)
    assert speaker_of(sheet, "hearings would go on") == ("Whitfield", "democratic-party")


def test_a_news_outlet_told_is_no_party_of_the_name_after_it(engine: Engine) -> None:
    text = 'Senator Dana Whitfield told MSNBC Tovani "was a great woman". Ana Tovani had served for 20 years.'
    sheet = sheet_of(engine, text)
    assert not any(
        actor.name == "Ana Tovani"
        for party in sheet.parties
        if party.id == "provisional-msnbc"
        for actor in party.actors
    )


def test_an_indefinite_title_is_someone_else_than_the_holder_named_before(engine: Engine) -> None:
    body = 'Labour MP Dana Whitfield spoke first. One MP told reporters, "We will vote against it."'
    sheet = headlined(engine, "British prime minister loses the vote on the deal", body)
    assert speaker_of(sheet, "vote against it") == ("mp", "united-kingdom")  # an MP of the story's country


def test_each_name_listed_after_a_plural_title_takes_the_party_of_the_first(engine: Engine) -> None:
    text = (
        "The letter was signed by Japanese Senators Dana Whitfield, Ana Tovani, and Mark Oduya. "
        "Tovani said the plan was sound. Oduya said it was late."
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "plan was sound") == ("Ana Tovani", "japan")
    assert speaker_of(sheet, "it was late") == ("Mark Oduya", "japan")
    single = sheet_of(engine, "Japanese Senator Dana Whitfield and Ana Tovani met. Tovani said the plan was sound.")
    assert speaker_of(single, "plan was sound") == ("Ana Tovani", None)  # one senator's title, no list


def test_the_prime_minister_is_no_first_minister_named_before(engine: Engine) -> None:
    body = (
        "Prime Minister Dana Whitfield suspended parliament. First Minister of Scotland Ana Tovani said it was wrong. "
        "The prime minister's office said it would appeal. The prime minister said the ruling was political."
    )
    sheet = headlined(engine, "UK parliament suspended by prime minister", body)
    assert speaker_of(sheet, "would appeal") == ("Dana Whitfield's office", "united-kingdom")
    assert speaker_of(sheet, "ruling was political")[0] == "Dana Whitfield"


def test_an_agent_alias_written_with_exact_case_matches_only_as_written(engine: Engine) -> None:
    """The core pack's judge has `{text: Justice, case: exact}`: a title before a name, never the word "justice"."""
    body = (
        "Supreme Court Justice Dana Whitfield wrote that the scheme was no federal crime. "
        '"True justice takes time," Ana Tovani said.'
    )
    sheet = headlined(engine, "US president criticises Supreme Court ruling", body)
    assert speaker_of(sheet, "no federal crime") == ("Dana Whitfield", "united-states")
    assert speaker_of(sheet, "True justice") == ("Ana Tovani", None)
    assert not any("true justice" in actor.name.lower() for party in sheet.parties for actor in party.actors)


def test_the_text_beats_a_pack_office_holder(pipeline: Pipeline) -> None:
    """The world pack has Jens Stoltenberg as Norway's (its office holders stop in 2014)."""
    engine = Engine(pipeline, load_rules([], ["world"]))  # packs only: the example's issues claim "NATO"
    text = "NATO Secretary-General Jens Stoltenberg said the alliance would respond. Stoltenberg said it was united."
    sheet = sheet_of(engine, text, date(2019, 10, 10))
    assert speaker_of(sheet, "alliance would respond") == ("Jens Stoltenberg", "nato")
    assert speaker_of(sheet, "it was united") == ("Jens Stoltenberg", "nato")


def test_a_role_only_one_person_holds_in_the_rules_resolves_without_a_date(pipeline: Pipeline, tmp_path: Path) -> None:
    party = (
        "id: democratic-party\nname: Democratic Party\nkind: organisation\nmembers:\n"
        "  - name: Kamala Harris\n    roles:\n      - title: Democratic nominee\n"
    )
    rules = write_tree(tmp_path, {"parties/democratic-party.yml": party})
    engine = Engine(pipeline, load_rules([rules]))
    sheet = sheet_of(engine, "The Democratic nominee said the election would be close.")
    assert speaker_of(sheet, "election would be close") == ("Kamala Harris", "democratic-party")


def test_a_pronoun_takes_the_named_person_not_the_title_in_their_apposition(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Agnès Callamard, a UN rapporteur for the Office of the UN High Commissioner for Human Rights who had "
        "investigated the case, cautioned justice does not come swiftly. She said it takes time.",
    )
    assert speaker_of(sheet, "it takes time") == ("Agnès Callamard", "united-nations")


def test_a_name_of_a_party_acts_for_it(engine: Engine) -> None:
    text = "The court had been petitioned by Joanna Cherry of the {}. Cherry said the ruling was historic."
    sheet = sheet_of(engine, text.format("Highland Reform Party"))
    assert speaker_of(sheet, "ruling was historic") == ("Joanna Cherry", "provisional-highland-reform-party")
    sheet = sheet_of(engine, text.format("Scottish National Party"))  # a party of the world pack
    assert speaker_of(sheet, "ruling was historic") == ("Joanna Cherry", "scottish-national-party")


def test_a_persons_own_party_by_the_possessive_tied_to_them(engine: Engine) -> None:
    sheet = sheet_of(engine, "Opposition leader Mark Oduya said his Reform Party was eager for an election.")
    assert speaker_of(sheet, "eager for an election") == ("Mark Oduya", "provisional-reform-party")
    actor = next(a for p in sheet.parties for a in p.actors if a.name == "Mark Oduya")
    assert any("his 'Reform Party'" in why for why in actor.why)
    sheet = sheet_of(engine, "Opposition leader Mark Oduya said his Labour Party was eager for an election.")
    assert speaker_of(sheet, "eager for an election") == ("Mark Oduya", "labour-party")
    sheet = sheet_of(engine, "Dana Whitfield died at his London home. Whitfield said in 2019 that he was tired.")
    assert speaker_of(sheet, "he was tired") == ("Dana Whitfield", None)  # a place of his is no party of his


def test_the_speaker_is_the_person_in_apposition_however_the_parse_hangs_the_name(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Following the announcement, the director of Argentina's Amnesty International, Mariela Belski, said "
        'the president had "heard the demands of women".',
    )
    assert speaker_of(sheet, "heard the demands") == ("Mariela Belski", "amnesty-international")


def test_a_title_coordinated_with_an_affiliated_person_shares_the_nearest_ones_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The meeting was attended by Greek prime minister Kyriakos Mitsotakis and energy minister Konstantinos "
        "Hatzidakis, and Cypriot president Nicos Anastasiades and energy minister Georgios Lakkotrypis. "
        "Hatzidakis said the pipeline was open to others. Lakkotrypis said the deal was historic.",
    )
    assert speaker_of(sheet, "pipeline was open") == ("Konstantinos Hatzidakis", "greece")
    assert speaker_of(sheet, "deal was historic") == ("Georgios Lakkotrypis", "cyprus")


def test_capitalised_words_between_a_party_and_its_title(engine: Engine) -> None:
    sheet = sheet_of(engine, "Turkish Foreign Ministry spokesman Hami Aksoy said the rights of Turkish Cypriots stood.")
    assert speaker_of(sheet, "rights of Turkish Cypriots") == ("Hami Aksoy", "turkey")


@pytest.mark.parametrize(
    ("text", "actor", "party"),
    [
        ("A Chinese foreign ministry spokesman said the visit was postponed.", "Chinese Foreign Ministry", "china"),
        ("China's foreign ministry spokesman said the visit was postponed.", "Chinese Foreign Ministry", "china"),
        ("An Interpol spokesperson said the visit was postponed.", None, "interpol"),
        ("A Chinese spokesman said the visit was postponed.", None, "china"),
    ],
)
def test_an_unnamed_spokesperson_speaks_as_the_body_or_party_before_them(
    engine: Engine, text: str, actor: str | None, party: str
) -> None:
    assert speaker_of(sheet_of(engine, text), "visit was postponed") == (actor, party)


def test_a_name_tagged_as_a_person_once_is_a_person_throughout_the_article(engine: Engine) -> None:
    # the small model tags "Sviatlana Tsikhanouskaya" PERSON in the headline, ORG in the body
    fixture = Path(__file__).parent / "fixtures" / "wikinews" / "belarus-opposition-candidate-holds-rally-in-minsk.md"
    article = load_articles([fixture], ProblemLog())[0]
    speakers = {p.speaker.actor for p in engine.extract(article).positions if p.speaker.text == "She"}
    assert speakers == {"Sviatlana Tsikhanouskaya"}


def test_a_capital_that_is_the_surname_of_a_person_named_before_is_that_person(engine: Engine) -> None:
    text = (
        "The attacker, identified as Sudesh Amman, 20, was released from prison a week ago. "
        "Amman, who was described as knife-obsessed by the police, advised her to kill her parents."
    )
    sheet = sheet_of(engine, text)
    assert sheet.party("jordan") is None


def test_a_person_speaking_for_a_body_acts_for_its_party(engine: Engine) -> None:
    text = "Ali Reza Raisi, speaking on behalf of the Iranian Health Ministry, said 523 new infections were found."
    assert speaker_of(sheet_of(engine, text), "523 new infections") == ("Ali Reza Raisi", "iran")


def test_the_title_written_before_a_name_resolves_the_title_alone_later(engine: Engine) -> None:
    text = (
        "United States President Donald Trump said on Friday he can declare a state of emergency. "
        "The President demanded that the budget include funding for the wall."
    )
    assert speaker_of(sheet_of(engine, text), "funding for the wall") == ("Donald Trump", "united-states")


def test_an_acronym_of_a_state_body_is_that_body(engine: Engine) -> None:
    text = (
        "Bangladesh's Institute of Epidemiology, Disease Control and Research (IEDCR) counted 114 active cases. "
        "The director of IEDCR, Dr Meerjady Sabrina Flora, said the fatalities included four males. "
        "According to Dr Meerjady, two of the victims were from Dhaka."
    )
    sheet = sheet_of(engine, text)
    # the courtesy title is no part of her name, and her first name after it is her
    assert speaker_of(sheet, "fatalities included") == ("Meerjady Sabrina Flora", "bangladesh")
    assert speaker_of(sheet, "from Dhaka") == ("Meerjady Sabrina Flora", "bangladesh")


def test_a_name_after_a_title_is_a_person_whatever_the_ner_says(engine: Engine) -> None:
    body = (
        "The upper house of New South Wales debated the bill for days. "
        'Early opponent MP Tanya Davies said, "We have moved the bill to a better place".'
    )
    sheet = headlined(engine, "New South Wales decriminalizes abortion", body)
    assert speaker_of(sheet, "better place") == ("Tanya Davies", "australia")


def test_an_unnamed_office_of_the_home_country_is_that_countrys(engine: Engine) -> None:
    body = (
        "The state of emergency ended on Saturday. The prime minister said a 100% immunization rate was the goal. "
        "The Vice President, Fiame Naomi Mataafa, said the vaccination teams would stay."
    )
    sheet = headlined(engine, "Samoan government ends state of emergency over measles outbreak", body)
    assert speaker_of(sheet, "immunization rate") == ("prime minister", "samoa")
    assert speaker_of(sheet, "teams would stay") == ("Fiame Naomi Mataafa", "samoa")


def test_a_title_in_the_headline_is_the_one_person_the_body_names_with_it(engine: Engine, tmp_path: Path) -> None:
    headline = "Greek prime minister reaffirms EastMed pipeline project is open for other countries to join"
    body = (
        "On Tuesday, the Greek prime minister Dana Whitfield reasserted the openness of the project. Development "
        "minister Ana Tovani said the works would start in May."
    )
    write_tree(tmp_path, {"seeds/pipeline.md": f'---\ntitle: "{headline}"\ndate: 2020-01-10\n---\n{body}\n'})
    [article] = load_articles([tmp_path / "seeds"], ProblemLog())
    sheet = engine.extract(article)
    position = next(p for p in sheet.positions if "open for other countries" in p.content.text)
    assert (position.speaker.actor, position.speaker.party) == ("Dana Whitfield", "greece")
    # the clause the parse turned over (the cue a subject of "is") is what was said, the object with it
    assert position.content.text == "EastMed pipeline project is open for other countries to join"


def test_a_possessive_is_no_part_of_the_name_a_title_affiliates(engine: Engine) -> None:
    body = (
        "Trump said he had asked for national security adviser Dana R. Whitfield's resignation. Whitfield said he "
        "had offered to resign."
    )
    sheet = headlined(engine, "US president ousts national security adviser", body)
    assert speaker_of(sheet, "offered to resign") == ("Dana R. Whitfield", "united-states")


def test_aid_agencies_are_no_office_of_the_home_country(engine: Engine) -> None:
    body = "Aid agencies say the vaccination rate is too low. Health agencies said the outbreak was over."
    sheet = headlined(engine, "Samoan government ends state of emergency over measles outbreak", body)
    assert speaker_of(sheet, "rate is too low") == (None, None)
    assert speaker_of(sheet, "outbreak was over")[1] == "samoa"


def test_a_first_name_alone_is_the_pack_member_the_article_named_in_full(engine: Engine) -> None:
    text = (
        "Narendra Modi said on Friday that the relief teams had reached the site. "
        "Narendra also stated that both of the flight recorders had been recovered."
    )
    assert speaker_of(sheet_of(engine, text), "flight recorders") == ("Narendra Modi", "india")


def test_a_first_name_the_ner_does_not_tag_is_still_the_person_named_before(engine: Engine) -> None:
    """The Calicut crash article: "Hardeep also stated that …", where the NER sees no person in "Hardeep"."""
    folder = Path(__file__).resolve().parent.parent / "benchmarks" / "gold" / "wikinews-dev2" / "articles"
    article = next(a for a in load_articles([folder], ProblemLog()) if a.id.startswith("passenger-flight-crashes"))
    assert speaker_of(engine.extract(article), "flight recorders have been recovered") == (
        "Hardeep Singh Puri",
        "india",
    )


def test_an_unnamed_voice_speaks_for_the_subject_just_before(engine: Engine) -> None:
    text = "China condemned the visit. A spokesman said the talks would be cancelled."
    assert speaker_of(sheet_of(engine, text), "talks would be cancelled") == (None, "china")
    named = "Interpol released a statement on Friday. Jane Smith, a spokesperson, said the suspect had been arrested."
    assert speaker_of(sheet_of(engine, named), "suspect had been arrested") == ("Jane Smith", None)
    far = (
        "Interpol released a statement on Friday. The weather was bad in Lyon. Many flights were cancelled. "
        "Trains stopped. A spokesperson said the suspect had been arrested."
    )
    assert speaker_of(sheet_of(engine, far), "suspect had been arrested") == (None, None)  # too far back
    for voice in ("A former spokesman", "A spokesman for Dana Whitfield"):  # no voice of China now, or another's
        text = f"China condemned the visit. {voice} said the talks would be cancelled."
        assert speaker_of(sheet_of(engine, text), "talks would be cancelled")[1] is None, voice


def test_a_companys_title_is_never_the_home_countrys(engine: Engine) -> None:
    body = "CEO Dana Whitfield said the airline would resume flights. Police said the pilot was unhurt."
    sheet = headlined(engine, "Indian president opens new airport in Kerala", body)
    assert speaker_of(sheet, "resume flights") == ("Dana Whitfield", None)
    assert speaker_of(sheet, "pilot was unhurt")[1] == "india"


def test_a_title_of_another_office_than_the_one_named_before_is_the_home_countrys(engine: Engine) -> None:
    body = (
        "Civil Aviation Minister Hardeep Singh Puri said 18 people had died in the crash. "
        "The local health minister said the injured had been taken to nearby hospitals."
    )
    sheet = headlined(engine, "Passenger flight crashes upon landing at Calicut airport in India", body)
    assert speaker_of(sheet, "taken to nearby hospitals") == ("local health minister", "india")


def test_a_nominee_of_a_party_named_for_its_country_speaks_for_that_party(engine: Engine) -> None:
    text = "Bill Hammons, 2020 presidential nominee of the Unity Party of America, said the plan was bad."
    speaker = next(p.speaker for p in sheet_of(engine, text).positions)
    assert (speaker.actor, speaker.party) == ("Bill Hammons", "provisional-unity-party-of-america")


def test_coordinated_speakers_each_hold_the_position(engine: Engine) -> None:
    text = "German Chancellor Angela Merkel and French President Emmanuel Macron said the deal was fair."
    positions = [p for p in sheet_of(engine, text).positions if "deal was fair" in p.content.text]
    speakers = [(p.speaker.text, p.speaker.actor, p.speaker.party) for p in positions]
    assert speakers == [
        ("German Chancellor Angela Merkel", "Angela Merkel", "germany"),
        ("French President Emmanuel Macron", "Emmanuel Macron", "france"),
    ]
    # the parse makes each of two subjects joined by "and" the verb's own
    text = (
        "Whitby-Clark, which makes Kleenex Toilet Tissue, and Solaris Paper which makes Sorbent, emphasized they "
        "were working 24/7 to maintain the supply."
    )
    positions = [p for p in sheet_of(engine, text).positions if "were working" in p.content.text]
    assert sorted(p.speaker.party or "" for p in positions) == ["provisional-solaris-paper", "provisional-whitby-clark"]
    unresolved = sheet_of(engine, "Reuters and NBC reported that the port was closed.").positions
    assert [p.speaker.text for p in unresolved] == ["Reuters and NBC"]  # nothing places them: one speaker
    # people named, whom no rule places, each hold it too
    text = "Dana Whitfield and Tom Reyes announced they would form six working groups."
    positions = sheet_of(engine, text).positions
    assert [(p.speaker.text, p.speaker.actor) for p in positions] == [
        ("Dana Whitfield", "Dana Whitfield"),
        ("Tom Reyes", "Tom Reyes"),
    ]
    # the people a plural title lists after it, each with the title's party
    text = "Two Democratic Representatives, Collin Peterson and Jeff Van Drew, said the inquiry was partisan."
    positions = sheet_of(engine, text).positions
    assert [(p.speaker.text, p.speaker.actor, p.speaker.party) for p in positions] == [
        ("Collin Peterson", "Collin Peterson", "democratic-party"),
        ("Jeff Van Drew", "Jeff Van Drew", "democratic-party"),
    ]


def test_two_titles_joined_before_one_name_are_one_speaker(engine: Engine) -> None:
    headline = "Conservative Party wins majority in UK general election"
    body = "Conservative Party leader and Prime Minister Boris Johnson said he was humbled by the results."
    positions = headlined(engine, headline, body).positions
    assert [(p.speaker.actor, p.speaker.party) for p in positions] == [("Boris Johnson", "united-kingdom")]


def test_membership_stated_in_a_sentence_of_its_own_affiliates_the_members(engine: Engine) -> None:
    text = (
        "The vote was held on Monday. Tom Reyes, Ana Tovani and Mark Oduya are all members of the Labour Party. "
        "Reyes said the vote was rigged. Dana Whitfield was a member of the Labour Party. Whitfield said it was fair."
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "vote was rigged")[1] in ("labour-party", "provisional-labour-party")
    assert speaker_of(sheet, "it was fair") == ("Dana Whitfield", None)  # was: no longer
    # a political party and the country it is of are no conflict: the party says more
    text = (
        "The court had been petitioned by Joanna Cherry of the Scottish National Party. Cherry and all but one of "
        "the petitioners are members of the UK parliament. Cherry said the government was breaking the law."
    )
    assert speaker_of(sheet_of(engine, text), "breaking the law") == ("Joanna Cherry", "scottish-national-party")


def test_the_candidates_of_a_story_about_one_partys_primaries_are_that_partys(engine: Engine) -> None:
    headline = "Warren and Whitfield end US presidential campaigns"
    body = (
        "On Tuesday, the Democratic Party held primary elections in fourteen states. On Wednesday, two candidates, "
        "Senator Dana Whitfield of Ohio and Tom Reyes, formerly the mayor of Denver, ended their campaigns. "
        'Reyes said the race had been fair. "It was a good fight," Whitfield said.'
    )
    sheet = headlined(engine, headline, body)
    assert speaker_of(sheet, "race had been fair") == ("Tom Reyes", "democratic-party")
    assert speaker_of(sheet, "good fight") == ("Dana Whitfield", "democratic-party")
    # a story about two parties' primaries says nothing of which one a candidate runs in
    both = body.replace("the Democratic Party held", "the Democratic and Republican parties held")
    assert speaker_of(headlined(engine, headline, both), "race had been fair")[1] != "democratic-party"
    # whoever seeks or leaves the party's nomination is its candidate, whatever office they hold
    body = (
        "On Wednesday, United States Senator from Vermont Tom Reyes ended his bid for the Democratic Party's "
        "nomination. Reyes said the race had been fair."
    )
    assert speaker_of(headlined(engine, headline, body), "race had been fair") == ("Tom Reyes", "democratic-party")


def test_a_name_the_ner_cut_in_two_is_one_persons(engine: Engine) -> None:
    text = (
        "US District Judge Amy Berman Jackson sentenced Manafort on Wednesday. "
        "Judge Jackson said her decisions were not connected to the investigation."
    )
    assert speaker_of(sheet_of(engine, text), "not connected") == ("Amy Berman Jackson", "united-states")


def test_a_title_the_ner_took_into_the_name_is_no_part_of_it(engine: Engine) -> None:
    text = "Crown Prince Mohammad bin Salman of Saudi Arabia said the kingdom would invest in the project."
    assert speaker_of(sheet_of(engine, text), "kingdom would invest") == ("Mohammad bin Salman", "saudi-arabia")


def test_a_headline_ending_in_its_speaker_and_cue(engine: Engine) -> None:
    headline = "Face coverings to be mandatory on public transport in England, transport secretary declares"
    text = f"{headline}\n\nThe measure applies across England. Buses in England will carry notices."
    article = Article(
        id="t", path="t.txt", text=text, body_start=len(headline) + 2, title=headline, title_span=(0, len(headline))
    )
    position = next(p for p in engine.extract(article).positions if "Face coverings" in p.content.text)
    assert position.content.text == "Face coverings to be mandatory on public transport in England"
    assert (position.speaker.text, position.speaker.party) == ("transport secretary", "united-kingdom")


def test_a_title_word_used_as_an_adjective_is_no_actor_of_the_home_country(engine: Engine) -> None:
    body = "The minister said the general public should wear masks. Buses in England will carry notices in England."
    sheet = headlined(engine, "Face coverings to be mandatory on public transport in England", body)
    actors = {actor.name.lower() for party in sheet.parties for actor in party.actors}
    assert "general" not in actors and "general public" not in actors


def test_a_rank_or_a_courtesy_title_the_ner_took_into_the_name_is_no_part_of_it(engine: Engine) -> None:
    body = (
        "Fire destroyed a dive boat off the US coast on Monday. County Sheriff Tom Brandt said the search would go on. "
        "Coast guard Captain Lena Morrow said three helicopters had joined it."
    )
    sheet = headlined(engine, "Dozens dead in US boat fire", body)
    assert speaker_of(sheet, "search would go on") == ("Tom Brandt", "united-states")  # a sheriff, at home
    assert speaker_of(sheet, "helicopters")[0] == "Lena Morrow"


def test_a_surname_after_a_title_at_home_is_the_person_the_article_names_in_full(engine: Engine) -> None:
    body = "Dana Whitfield spoke to reporters on Monday. Later, President Whitfield said the talks went well."
    sheet = headlined(engine, "US president meets senators", body)
    assert speaker_of(sheet, "talks went well") == ("Dana Whitfield", "united-states")


def test_a_name_the_model_calls_an_organisation_as_often_as_a_person_is_a_person(engine: Engine) -> None:
    """Two dev3 articles: "Rosselló" is tagged PERSON four times and ORG four times; "archbishop Wojciech Polak" is
    an ORG entity after a rank. Neither is an organisation of its own (a provisional party)."""
    folder = Path(__file__).resolve().parent.parent / "benchmarks" / "gold" / "wikinews-dev3" / "articles"
    articles = {a.id: a for a in load_articles([folder], ProblemLog())}
    resigns = engine.extract(articles["puerto-rico-governor-announces-resignation-following-protests"])
    assert "provisional-rosselló" not in {p.id for p in resigns.parties}
    polish = engine.extract(articles["polish-leader-jaroslaw-kaczynski-promises-stricter-punishments-for"])
    assert "provisional-wojciech-polak" not in {p.id for p in polish.parties}
    assert speaker_of(polish, "deeply disturbed")[0] == "Wojciech Polak"


def test_a_first_surname_of_two_is_the_person_named_in_full(engine: Engine) -> None:
    body = (
        "Ricardo Santorelli Vega will leave office in August. In a speech, Governor Santorelli said the decision "
        "was the right one."
    )
    sheet = headlined(engine, "US governor announces resignation following protests", body)
    assert speaker_of(sheet, "right one") == ("Ricardo Santorelli Vega", "united-states")


def test_an_agencys_administrator_is_an_office_of_the_home_country(engine: Engine) -> None:
    body = (
        "On Monday, General Services Administration administrator Ann Whitlow sent a letter to the transition team. "
        "Whitlow said she had not been pressured by any official."
    )
    sheet = headlined(engine, "US federal agency announces plans to begin presidential transition", body)
    assert speaker_of(sheet, "not been pressured") == ("Ann Whitlow", "united-states")


def test_a_partys_word_right_before_a_name_affiliates_it(pipeline: Pipeline) -> None:
    engine = Engine(pipeline, load_rules([], ["world"]))  # the pack's US parties
    text = (
        "Democrat Chuck Fielder said in Ohio the senator was a great man. Mayor of London Sam Kahn said the city "
        "would help. "
        "Mr Lionel Harte said the bill was wrong."
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "great man") == ("Chuck Fielder", "democratic-party")
    assert speaker_of(sheet, "city would help") == ("Sam Kahn", "united-kingdom")  # "London" ends a title
    assert not any(p.provisional for p in sheet.parties)


def test_the_leaders_of_the_two_countries_are_the_two_countries(engine: Engine) -> None:
    body = (
        "Turkey and Greece had earlier had poor relations over disputed resources. After the earthquake, the "
        "leaders of the two countries expressed their willingness to help each other."
    )
    sheet = headlined(engine, "Turkish government stops search of survivors after earthquake", body)
    parties = {p.speaker.party for p in sheet.positions if "willingness" in p.content.text}
    assert parties == {"turkey", "greece"}  # not the headline's country alone


def test_the_first_of_two_surnames_alone_is_the_person_named_in_full(engine: Engine) -> None:
    text = (
        "Mateo Ibarra Quintana, Chile's interior minister, announced his resignation on Tuesday. "
        "Ibarra said he would leave office in March."
    )
    assert speaker_of(sheet_of(engine, text), "leave office") == ("Mateo Ibarra Quintana", "chile")


def test_capitalised_words_no_entity_covers_holding_a_persons_name_are_that_person(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Rosa Pérez Ortega announced her resignation. Pérez said she would leave in May.")
    # as the small model reads some such names: the full name no entity, the surname alone a person
    surname = [token.i for token in doc if token.text == "Pérez"][-1]
    doc.ents = [Span(doc, surname, surname + 1, "PERSON")]
    settle_person_names(doc, frozenset())
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Rosa Pérez Ortega", "PERSON"), ("Pérez", "PERSON")]


def test_capitalised_words_no_entity_covers_before_a_title_in_apposition_are_a_persons_name(
    pipeline: Pipeline,
) -> None:
    doc = pipeline.nlp("Alexis Boon, the head of the Counter Terrorism Command, said the threat was low.")
    doc.ents = [ent for ent in doc.ents if ent.label_ != "PERSON"]  # as the small model reads it in one article
    settle_person_names(doc, frozenset({"head"}))
    assert [ent.text for ent in doc.ents if ent.label_ == "PERSON"] == ["Alexis Boon"]


def test_two_surnames_joined_by_and_that_the_model_read_as_one_organisation_are_two_people(
    pipeline: Pipeline,
) -> None:
    doc = pipeline.nlp("Dana Whitfield won. Tom Reyes lost. Whitfield and Reyes announced a plan.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 6, "PERSON"), Span(doc, 8, 11, "ORG")]  # as the model reads it
    settle_person_names(doc, frozenset())
    assert [(ent.text, ent.label_) for ent in doc.ents][2:] == [("Whitfield", "PERSON"), ("Reyes", "PERSON")]


def test_a_title_the_model_read_into_a_persons_name_is_left_out(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Economist Dana Whitfield spoke. Lea Amsel left. Senator Amsel and Major Brandt stayed.")
    # as the small model reads some such names: the title inside the person's name
    doc.ents = [
        Span(doc, 0, 3, "PERSON"),
        Span(doc, 5, 7, "PERSON"),
        Span(doc, 9, 11, "PERSON"),
        Span(doc, 12, 14, "PERSON"),
    ]
    settle_person_names(doc, frozenset({"economist", "senator", "major"}))
    assert [ent.text for ent in doc.ents] == ["Dana Whitfield", "Lea Amsel", "Amsel", "Major Brandt"]


def test_a_place_and_title_the_model_read_as_a_name_before_a_name_is_no_name(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Kamloops RCMP Constable Dana Whitfield said the drug was potent.")
    doc.ents = [Span(doc, 0, 3, "PERSON"), Span(doc, 3, 5, "PERSON")]  # as the small model reads it
    settle_person_names(doc, frozenset({"constable"}))
    assert [ent.text for ent in doc.ents if ent.label_ == "PERSON"] == ["Dana Whitfield"]


def test_a_barristers_rank_after_a_name_is_no_part_of_it(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Prosecutor Kama Melly QC said the victims were vulnerable.")
    doc.ents = [Span(doc, 1, 4, "ORG")]  # as the small model reads it: an organisation
    settle_person_names(doc, frozenset({"prosecutor"}))
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Kama Melly", "PERSON")]


def test_a_rank_after_a_places_branch_of_a_body_makes_the_person_act_for_its_party(engine: Engine) -> None:
    body = (
        "In a statement, the Royal Canadian Mounted Police (RCMP) said they seized the substance. "
        "Kamloops RCMP Constable Dana Whitfield said the drug had become popular in Kamloops."
    )
    sheet = headlined(engine, "Baby finds drugs in playground in British Columbia, Canadian police report", body)
    assert speaker_of(sheet, "drug had become popular") == ("Dana Whitfield", "canada")
    whitfield = next(actor for party in sheet.parties for actor in party.actors if actor.name == "Dana Whitfield")
    assert any("after 'Kamloops RCMP' (canada)" in why for why in whitfield.why)  # the RCMP's, not only at home


def test_words_a_name_is_widened_over_are_not_also_a_surname_of_their_own(pipeline: Pipeline) -> None:
    # "Divisional", the surname of "Ravi Divisional", is also a word the parse hangs on "Aparna Garg": one entity
    # (two overlapping ones made spaCy refuse the entities, losing the article; seen on a corpus article)
    doc = pipeline.nlp(
        "Ravi Divisional opened the line. Divisional Manager Aparna Garg told Wikinews the staff were ready."
    )
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 8, 10, "PERSON")]
    settle_person_names(doc, frozenset())
    assert [ent.text for ent in doc.ents if ent.label_ == "PERSON"] == [
        "Ravi Divisional",
        "Divisional Manager Aparna Garg",
    ]


def test_a_titles_portfolio_is_no_first_name(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("The bomb was placed in a market, stated Minister of Information Moammar Rashed, on Monday.")
    name = [token.i for token in doc if token.text in ("Moammar", "Rashed")]
    doc.ents = [Span(doc, name[0], name[-1] + 1, "PERSON")]
    settle_person_names(doc, frozenset({"minister"}))
    assert [ent.text for ent in doc.ents if ent.label_ == "PERSON"] == ["Moammar Rashed"]


def test_a_rank_after_a_bodys_short_name_makes_the_person_act_for_its_party(engine: Engine) -> None:
    text = (
        "The United States Coast Guard (USCG) suspended the search on Friday. "
        "USCG Lieutenant Dana Whitfield said the crew had found no survivors. Whitfield said the weather was poor."
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "no survivors") == ("Dana Whitfield", "united-states")
    assert speaker_of(sheet, "weather was poor") == ("Dana Whitfield", "united-states")


def test_the_acronym_of_a_national_body_named_with_an_adjective_is_that_body(engine: Engine) -> None:
    text = (
        "The Philippine National Police (PNP) sent 300 officers. PNP Colonel Ramon Aquino said the suspects had fled."
    )
    assert speaker_of(sheet_of(engine, text), "suspects had fled") == ("Ramon Aquino", "philippines")


def test_a_title_of_a_party_given_with_as_affiliates_the_name(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "On Friday, Pedro Alvarado was sworn in as Chile's new interior minister. "
        "Alvarado said he would meet the protesters.",
    )
    assert speaker_of(sheet, "meet the protesters") == ("Pedro Alvarado", "chile")
    sheet = sheet_of(
        engine,
        "President Gabriel Boric appointed Pedro Alvarado as Chile's envoy to Peru. Boric said the talks would resume.",
    )
    assert speaker_of(sheet, "talks would resume")[0] == "Gabriel Boric"


def test_a_title_given_with_as_and_no_party_is_the_home_countrys(engine: Engine) -> None:
    body = (
        "On Friday, Ricardo Ortega resigned as governor and Pedro Alvarado was sworn in. The exiting governor "
        'Ortega appointed Alvarado as secretary of state. Alvarado said, "I will be governor until the election."'
    )
    sheet = headlined(engine, "Chile's governor Ortega resigns, new governor sworn in", body)
    # "Alvarado" after "Pedro Alvarado" is a person where the model saw no entity, the object "as" gives a title
    assert speaker_of(sheet, "governor until the election") == ("Pedro Alvarado", "chile")


def test_a_date_before_a_surname_is_no_other_name(engine: Engine) -> None:
    text = (
        "Brazilian foreign minister Pedro Alvarado said the pipeline was open. "
        "Later on Tuesday Alvarado met the press, where he denounced the agreement again."
    )
    assert speaker_of(sheet_of(engine, text), "agreement") == ("Pedro Alvarado", "brazil")


def test_a_party_a_noun_then_a_name_affiliates_it_but_a_nationality_does_not(engine: Engine) -> None:
    text = (
        "The governor met his Democratic rival Dana Whitfield on Tuesday. Whitfield said the debate should be "
        "virtual. American singer Taylor Swift said she would vote."
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "debate should be virtual") == ("Dana Whitfield", "democratic-party")
    assert speaker_of(sheet, "she would vote") == ("Taylor Swift", None)


def test_a_party_words_describing_a_noun_then_a_name_affiliate_it(engine: Engine) -> None:
    text = (
        "Republican presidential nominee Dana Whitfield said the debate should be virtual. "
        "The senator campaigned for GOP nominee Ann Colby. Colby said taxes would fall. "
        "The Mayor of London Sadiq Khan said the bridge would reopen."
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "debate should be virtual") == ("Dana Whitfield", "republican-party")
    assert speaker_of(sheet, "taxes would fall") == ("Ann Colby", "republican-party")
    assert speaker_of(sheet, "bridge would reopen")[1] == "united-kingdom"  # "of London" ends the title
    text = "While NBC simulcast Dana Whitfield's town hall, ABC hosted Ann Colby. Whitfield said taxes would fall."
    assert speaker_of(sheet_of(engine, text), "taxes would fall") == ("Dana Whitfield", None)  # "NBC", a subject
    text = (  # the small model reads this "simulcast" as a noun "NBC" modifies, with its "While"
        "Shortly after the report, Dana Whitfield and Ann Colby held the dueling town halls on NBC and ABC, "
        "respectively.  While NBC simulcast Dana Whitfield's hour long town hall, hosted by Savannah Guthrie, on the "
        "main network as well as MSNBC and CNBC, ABC broadcast Ann Colby's town hall with George Stephanopoulos for "
        "two hours. Whitfield said taxes would fall."
    )
    assert speaker_of(sheet_of(engine, text), "taxes would fall") == ("Dana Whitfield", None)


def test_a_noun_after_a_party_word_in_apposition_affiliates_the_name(engine: Engine) -> None:
    text = (
        "Dana Whitfield, her Republican opponent, said the debate should be virtual. "
        "Ann Colby, the Democratic nominee, said taxes would fall. "
        "Jane Morrow, an American singer, said she would vote."
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "debate should be virtual") == ("Dana Whitfield", "republican-party")
    assert speaker_of(sheet, "taxes would fall") == ("Ann Colby", "democratic-party")
    assert speaker_of(sheet, "she would vote") == ("Jane Morrow", None)


@pytest.mark.parametrize(
    "text",
    [
        "Since then, a Republican, Dana Whitfield, has publicly voiced support for the inquiry, telling the Nevada "
        'Independent: "I am a big fan of oversight."',
        "\n\nSince then, a Republican, Dana Whitfield, has publicly voiced support for the inquiry, telling the Nevada "
        'Independent: "I am a big fan of oversight."',  # parsed with the party's word a modifier of the name
        'Dana Whitfield, a Republican, said: "I am a big fan of oversight."',
        '"I am a big fan of oversight," said Dana Whitfield, a prominent New York Republican.',  # words before it
    ],
)
def test_a_party_member_word_beside_a_name_affiliates_it(engine: Engine, text: str) -> None:
    assert speaker_of(sheet_of(engine, text), "fan of oversight") == ("Dana Whitfield", "republican-party")


def test_a_title_apposed_to_a_name_past_its_bracketed_complement_affiliates_it(engine: Engine) -> None:
    text = (
        "The general secretary of the BCW union (Bakers, Confectioners and Allied Workers), Dana Whitfield, said the "
        'measure was "nowhere near enough."'
    )
    union = "provisional-bakers-confectioners-and-allied-workers"  # the acronym's full name in brackets
    assert speaker_of(sheet_of(engine, text), "nowhere near enough") == ("Dana Whitfield", union)
    body = (  # the parse sets "the president" in apposition with the name, past a coordination: no title of hers
        "Retired Lt. Gen. Dana Whitfield said the United States had lost its way. The United States votes in "
        "November. “He's absolutely right. There's a severe disconnect between this White House and frankly the "
        "president and our military,” Whitfield, a top surrogate, said Thursday morning on Fox News’s “Fox and "
        "Friends.”"
    )
    sheet = sheet_of(engine, body)
    assert speaker_of(sheet, "severe disconnect") == ("Dana Whitfield", None)


def test_a_name_of_a_party_described_before_its_name_acts_for_it(engine: Engine) -> None:
    text = (
        "Dana Whitfield of worldwide victims charity Brandon Survivors Network said the law was too weak. "
        "Ann Colby of the Danish police said the suspect had fled."
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "too weak") == ("Dana Whitfield", "provisional-brandon-survivors-network")
    assert speaker_of(sheet, "suspect had fled") == ("Ann Colby", "denmark")


def test_settling_person_names_again_changes_nothing(engine: Engine) -> None:
    # the seed articles were parsed by the example site's build; a doc read back from a cache may be settled
    articles = load_articles([Path(__file__).parents[1] / "seeds" / "wikinews"], ProblemLog())
    title_words = engine.compiled.rules.title_words
    for article in articles:
        doc = engine.parse(article)
        settle_person_names(doc, title_words)
        settled = [(ent.start, ent.end, ent.label_) for ent in doc.ents]
        settle_person_names(doc, title_words)
        assert [(ent.start, ent.end, ent.label_) for ent in doc.ents] == settled, article.path


def test_a_title_from_a_place_names_the_person_after_the_place(engine: Engine, pipeline: Pipeline) -> None:
    text = "United States Senator from Vermont Bernie Walsh endorsed the plan. Walsh said the vote would be close."
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "the plan") == ("Bernie Walsh", "united-states")
    assert speaker_of(sheet, "vote would be close") == ("Bernie Walsh", "united-states")
    # the model may read "Vermont Bernie Walsh" as one organisation's name: the place is no part of the name
    doc = pipeline.parse(text)
    vermont = next(t.i for t in doc if t.text == "Vermont")
    doc.ents = [Span(doc, vermont, vermont + 3, "ORG")]
    settle_person_names(doc, engine.rules.words_before_names, frozenset(engine.rules.first_name_genders))
    assert [(ent.text, ent.label_) for ent in doc.ents][:2] == [("Vermont", "GPE"), ("Bernie Walsh", "PERSON")]


def test_a_name_after_a_place_opening_the_sentence_speaks(engine: Engine) -> None:
    """The parse hangs the name on the place, as its apposition, and leaves the cue without a subject."""
    sheet = sheet_of(engine, 'In Carson City, Nevada, Senator Dana Whitfield said "It is really exciting."')
    assert speaker_of(sheet, "really exciting")[0] == "Dana Whitfield"


def test_a_title_the_model_read_into_an_organisations_name_is_no_part_of_the_persons(
    engine: Engine, pipeline: Pipeline
) -> None:
    sheet = sheet_of(engine, "Republican Assemblywoman Lena Marsh said the budget was fair.")
    assert speaker_of(sheet, "budget was fair") == ("Lena Marsh", "republican-party")
    doc = pipeline.parse("Newly elected Assemblywoman Lena Marsh said the vote was fair.")
    title = next(t.i for t in doc if t.text == "Assemblywoman")
    doc.ents = [Span(doc, title, title + 3, "ORG")]  # as the model reads "Assemblywoman Selena Torres"
    settle_person_names(doc, engine.rules.words_before_names, frozenset(engine.rules.first_name_genders))
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Lena Marsh", "PERSON")]
    doc = pipeline.parse("The Government Accountability Office said the program was at risk.")
    body = next(t.i for t in doc if t.text == "Government")
    doc.ents = [Span(doc, body, body + 3, "ORG")]
    settle_person_names(doc, engine.rules.words_before_names, frozenset(engine.rules.first_name_genders))
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Government Accountability Office", "ORG")]


def test_a_name_given_as_an_example_of_a_partys_group_acts_for_the_party(engine: Engine) -> None:
    # the parse hangs "such as" on "transition": the group is the clause's plural subject
    sheet = sheet_of(
        engine,
        "Other Republicans have urged him to move forward with the transition, such as former Ohio governor "
        "Dana Whitfield, who denounced the legal team's claims as a national embarrassment.",
    )
    assert speaker_of(sheet, "legal team's claims") == ("Dana Whitfield", "republican-party")
    # the example and what its "who" clause reports are the reporter's aside, not the group's words
    urged = next(p for p in sheet.positions if p.speaker.party == "republican-party" and p.speaker.actor is None)
    assert urged.content.text == "him to move forward with the transition"
    sheet = sheet_of(engine, "Iranian officials like Mark Oduya said the talks were over. Oduya said it was wrong.")
    assert speaker_of(sheet, "it was wrong") == ("Mark Oduya", "iran")
    # a country's citizens are no office holders: an example of them speaks for no party
    sheet = sheet_of(engine, "Americans such as Lena Marsh have sued the city. Marsh said the plan was wrong.")
    assert speaker_of(sheet, "plan was wrong") == ("Lena Marsh", None)


def test_a_nationality_in_apposition_with_a_name_acts_for_no_one(engine: Engine) -> None:
    sheet = sheet_of(
        engine, "Lena Marsh, an ethnic Palestinian from Jordan, opposed the senator's pro-Israel position."
    )
    assert speaker_of(sheet, "pro-Israel position") == ("Lena Marsh", None)


def test_the_assembly_in_a_story_with_a_home_country_is_its_parliament(engine: Engine) -> None:
    sheet = headlined(
        engine,
        "Former president of France Ana Tovani dies aged 86",
        'Assembly president Mark Oduya said, "She is part of the history of France". '
        "An assembly of citizens said the funeral would be on Monday.",
    )
    assert speaker_of(sheet, "history of France") == ("Mark Oduya", "france")
    assert speaker_of(sheet, "funeral") == (None, None)  # a lower-case assembly is no legislature


def test_a_state_or_city_after_a_name_without_a_title_is_a_home_not_a_party(pipeline: Pipeline) -> None:
    engine = Engine(pipeline, load_rules([], ["world"]))  # packs only: the example's parties make Idaho a region
    sheet = sheet_of(engine, "Tiara Lusk of Idaho said the vote was rigged. Ann Lee of Idaho said it was fair.")
    assert speaker_of(sheet, "rigged") == ("Tiara Lusk", None)
    assert speaker_of(sheet, "fair") == ("Ann Lee", None)


def test_she_is_the_nearer_subject_the_text_shows_a_woman_not_an_earlier_name_of_unknown_gender(
    engine: Engine,
) -> None:
    sheet = sheet_of(
        engine,
        "Jo Jorgensen is a psychology professor. In 1992, she said the party was strong. Spike Cohen was picked "
        "to be the nominee. Cohen spoke to reporters in June.\n\n"
        "Jorgensen's positions include a mix of liberal and conservative stances. She supports gun rights.",
    )
    assert speaker_of(sheet, "gun rights") == ("Jo Jorgensen", None)


def test_a_title_at_an_organisation_serves_it(engine: Engine) -> None:
    sheet = sheet_of(engine, "Sumeet Singh, a vice president at Pacific Gas and Electric, said the outages would end.")
    actor, party = speaker_of(sheet, "outages would end")
    assert actor == "Sumeet Singh" and party is not None and party.startswith("provisional-pacific-gas")
    # an academic commentator "at" a university still speaks for no party
    sheet = sheet_of(engine, "Mark Hay, a marine ecologist at Georgia Tech, said the reef was dying.")
    assert speaker_of(sheet, "reef was dying") == ("Mark Hay", None)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ('"Warm water is attacking the shelves," said co-author Ted Scambos.', "Ted Scambos"),
        ("SpaceX co-founder Elon Musk said the launch went well.", "Elon Musk"),
        ("The vice-president of Utopia, Dana Whitfield, said the launch went well.", "Dana Whitfield"),
    ],
)
def test_a_hyphenated_title_is_one_word_before_the_name(engine: Engine, text: str, actor: str) -> None:
    position = engine.extract(Article(id="t", path="t.txt", text=text, body_start=0, title="T")).positions[0]
    assert position.speaker.actor == actor
    assert "-" in position.speaker.text or position.speaker.text == actor


def test_the_house_of_a_headline_gives_the_story_its_country_and_is_the_body_named_before(engine: Engine) -> None:
    body = (
        "On Friday, the US House of Representatives issued a subpoena to the Secretary of State. "
        "Sitting President Dana Whitfield said she had done nothing wrong. "
        "Among other things, the House subpoenaed a transcript of a call. It also called for records relating to aid."
    )
    sheet = headlined(engine, "U.S. House issues subpoena to secretary of state", body)
    assert speaker_of(sheet, "done nothing wrong") == ("Dana Whitfield", "united-states")
    assert speaker_of(sheet, "records relating to aid") == ("U.S. Congress", "united-states")


def test_a_person_who_spoke_for_a_party_speaks_for_it_when_named_again(engine: Engine) -> None:
    text = (
        "The general manager of Abu Dhabi Media, Ali bin Tamim, said the bombing was planned. "
        "Tamim said the rebels had attacked journalists before."
    )
    assert speaker_of(sheet_of(engine, text), "attacked journalists") == ("Ali bin Tamim", "united-arab-emirates")


def test_the_states_own_agents_in_a_capital_act_for_its_country(engine: Engine) -> None:
    sheet = sheet_of(
        engine, "Officials in Beijing said the talks had failed. Diplomats in Beijing said talks would go on."
    )
    assert speaker_of(sheet, "talks had failed") == (None, "china")
    assert speaker_of(sheet, "talks would go on") == (None, None)  # foreign diplomats serve no place they are in


def test_a_condition_with_its_subject_after_the_auxiliary_does_not_take_the_speaker(engine: Engine) -> None:
    text = (
        "Secretary of Justice Wanda Vázquez Garced, the would-be successor should Pierluisi remain unconfirmed by "
        "the Senate, has expressed she is uninterested in taking up the office of governor."
    )
    # the model's person ends at "Vázquez"; the last word it hangs its name on is the name's too
    assert speaker_of(sheet_of(engine, text), "uninterested")[0] == "Wanda Vázquez Garced"


def test_the_official_is_the_official_named_before(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "A senior Japanese official said the dollar would rise. The official said rates would stay low.",
    )
    assert speaker_of(sheet, "rates would stay low") == ("Japanese officials", "japan")


def test_a_surname_the_model_reads_as_a_noun_is_the_person_named_before_and_pronouns_follow(engine: Engine) -> None:
    text = (
        "The game was a hard, physical match according to Maroochydore assistant coach Ben Radmall. "
        '"The two guys set it up," Tronc said. Radmall conceded that his side needed to work on some things. '
        '"We had our opportunities", he said.'
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "hard, physical match")[0] == "Ben Radmall"  # the name after the title
    assert speaker_of(sheet, "work on some things")[0] == "Ben Radmall"
    assert speaker_of(sheet, "We had our opportunities")[0] == "Ben Radmall"


def test_a_headlines_last_word_is_no_party_of_the_name_opening_the_text(engine: Engine, tmp_path: Path) -> None:
    # the model reads the one-letter title and the line breaks after it as one organisation before the name
    (tmp_path / "a.md").write_text(
        "---\ntitle: T\n---\n\nScott Srebnick, a member of the legal team, announced the lawyer would appeal.\n",
        encoding="utf-8",
    )
    [article] = load_articles([tmp_path], ProblemLog())
    assert speaker_of(engine.extract(article), "would appeal") == ("Scott Srebnick", None)


def test_a_surname_stands_for_the_first_person_named_with_it_not_a_relative_named_later(engine: Engine) -> None:
    text = (
        "U.S. heiress Gloria Vanderbilt died on Monday at the age of 95. Vanderbilt was born in 1924. Her father, "
        "Reginald Claypoole Vanderbilt, died when she was one. Vanderbilt was married to author Wyatt Cooper. "
        "She would later say her union with Cooper was her only happy marriage."
    )
    assert speaker_of(sheet_of(engine, text), "only happy marriage")[0] == "Gloria Vanderbilt"
