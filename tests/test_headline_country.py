"""A headline naming one country's title-holder gives unqualified titles that country (nlp/headline.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs_factsheet.articles import Article, load_articles
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.model import FactSheet
from mkdocs_factsheet.problems import ProblemLog

BODY = (
    "Prime Minister Oleksiy Honcharuk offered to resign on Friday. "
    "Honcharuk said he wanted to remove any doubts about his respect for the president."
)


def sheet_of(engine: Engine, title: str, body: str = BODY) -> FactSheet:
    return engine.extract(Article(id="t", path="t.md", text=body, body_start=0, title=title))


def party_of(sheet: FactSheet, words: str) -> str | None:
    return next(p for p in sheet.positions if words in p.content.text).speaker.party


def speaker_of(sheet: FactSheet, words: str) -> tuple[str | None, str | None, list[str]]:
    """The speaker of the position holding `words`: actor, party, and the reasons the party gives its actor."""
    speaker = next(p for p in sheet.positions if words in p.content.text).speaker
    party = sheet.party(speaker.party or "")
    actor = next((a for a in party.actors if a.name == speaker.actor), None) if party else None
    return speaker.actor, speaker.party, actor.why if actor else []


def test_a_title_the_text_leaves_unqualified_takes_the_headlines_country(engine: Engine) -> None:
    actor, party, why = speaker_of(
        sheet_of(engine, "Ukrainian president rejects prime minister's resignation"), "doubts"
    )
    assert (actor, party) == ("Oleksiy Honcharuk", "ukraine")
    assert any("Ukrainian president" in reason for reason in why)


def test_a_headline_without_a_title_holder_gives_no_country(engine: Engine) -> None:
    assert party_of(sheet_of(engine, "Resignation rejected in Ukraine"), "remove any doubts") is None


def test_a_headline_with_two_countries_title_holders_gives_none(engine: Engine) -> None:
    title = "Ukrainian president and Polish prime minister meet in Kyiv"
    assert party_of(sheet_of(engine, title), "remove any doubts") is None


def test_groups_in_a_headline_do_not_make_a_home_country(engine: Engine) -> None:
    title = "Iraqi parliament votes for expulsion of United States troops"
    body = "Adil Abdul-Mahdi, the caretaker Prime Minister, said the troops should withdraw."
    assert party_of(sheet_of(engine, title, body), "troops should withdraw") == "iraq"


def test_the_text_beats_the_headline(engine: Engine) -> None:
    body = "Polish Prime Minister Mateusz Morawiecki said the border would stay open."
    sheet = sheet_of(engine, "Ukrainian president rejects prime minister's resignation", body)
    assert party_of(sheet, "border would stay open") == "poland"


def test_a_front_matter_headline_is_analysed_and_links_to_its_own_words(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "navalny.md"
    path.write_text(
        '---\ntitle: "Germany says Alexei Navalny poisoned with Novichok"\ndate: "2020-09-03"\n---\n'
        "The German government said on Wednesday that tests had found the nerve agent.\n",
        encoding="utf-8",
    )
    [article] = load_articles([tmp_path], ProblemLog())
    sheet = engine.extract(article)
    headline = next(p for p in sheet.positions if "poisoned with Novichok" in p.content.text)
    assert headline.speaker.party == "germany"
    text = path.read_text(encoding="utf-8")
    for span in [headline.content, headline.sentence, *sheet.sentences]:
        assert span is not None and text[span.start : span.end] == span.text
        assert "date:" not in span.text and "---" not in span.text


def test_a_title_alone_is_the_one_person_the_article_gives_it(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Greek prime minister says the pipeline is open to others",
        "Prime Minister Kyriakos Mitsotakis met the Cypriot president on Friday. "
        "The Greek prime minister said the pipeline was open to other countries.",
    )
    position = next(p for p in sheet.positions if "open to other countries" in p.content.text)
    assert (position.speaker.actor, position.speaker.party) == ("Kyriakos Mitsotakis", "greece")


PHILIPPINES = (
    "The Philippine government ordered the network off the air on Tuesday. "
    "The order came after the Philippines' Congress failed to renew the franchise. "
    "Solicitor General Jose Calida said the network had violated its franchise."
)


def test_a_headline_naming_one_country_the_body_names_most_gives_unqualified_titles_that_country(
    engine: Engine,
) -> None:
    sheet = sheet_of(engine, "Philippines' largest television network shut down by government", PHILIPPINES)
    actor, party, why = speaker_of(sheet, "violated its franchise")
    assert (actor, party) == ("Jose Calida", "philippines")
    assert any("Philippines" in reason for reason in why)


def test_a_country_in_the_headline_that_the_body_names_less_than_another_gives_none(engine: Engine) -> None:
    body = PHILIPPINES.replace("Philippine government", "Chinese government").replace("Philippines'", "China's")
    sheet = sheet_of(engine, "Philippines' largest television network shut down by government", body)
    assert party_of(sheet, "violated its franchise") is None


def test_a_country_in_the_headline_the_body_names_as_often_as_any_other_gives_its_country(engine: Engine) -> None:
    """The headline breaks a tie: London twice, Poland twice (the attacker's birthplace)."""
    body = (
        "A man born in Poland attacked people in London on Friday. He had moved from Poland in 2015. "
        "Police said officers arrived within five minutes. London was quiet on Saturday."
    )
    sheet = sheet_of(engine, "Bystanders stop knife attacker on London Bridge", body)
    assert party_of(sheet, "officers arrived") == "united-kingdom"
    quiet = sheet_of(engine, "Bystanders stop knife attacker on London Bridge", body.replace("London was", "It was"))
    assert party_of(quiet, "officers arrived") is None  # Poland twice, London once: no home


def test_a_body_or_group_with_no_party_is_the_home_countrys(engine: Engine) -> None:
    body = PHILIPPINES + (
        ' A number of Senators condemned the act as a "grave abuse of power". Police said the offices were closed.'
    )
    sheet = sheet_of(engine, "Philippines' largest television network shut down by government", body)
    assert party_of(sheet, "offices were closed") == "philippines"
    assert party_of(sheet, "grave abuse of power") == "philippines"
    police = next(a for a in sheet.party("philippines").actors if a.name == "police")  # type: ignore[union-attr]
    assert any("Philippines" in why for why in police.why)


def test_a_private_groups_voice_is_not_the_home_countrys(engine: Engine) -> None:
    body = PHILIPPINES + (
        " A family spokesperson said the reporter had been ill for months. A spokesperson said the network would"
        " appeal."
    )
    sheet = sheet_of(engine, "Philippines' largest television network shut down by government", body)
    assert party_of(sheet, "ill for months") is None  # a family's, no office of the state's
    assert party_of(sheet, "would appeal") == "philippines"


def test_a_title_alone_is_named_with_the_short_of_phrase_that_says_which_one(engine: Engine) -> None:
    body = PHILIPPINES + (
        " The head of the police's internal investigators told the court that basic checks were not done."
        " The head of the joint committee for the review of broadcast franchises and licences said the network had"
        " been warned."
    )
    sheet = sheet_of(engine, "Philippines' largest television network shut down by government", body)
    actor, party, _ = speaker_of(sheet, "basic checks")
    assert (actor, party) == ("head of the police's internal investigators", "philippines")
    # the phrase ends where the parse ends it: "for the review …" hangs on "head", not on "committee"
    assert speaker_of(sheet, "been warned")[:2] == ("head of the joint committee", "philippines")


def test_without_a_home_country_a_body_with_no_party_has_none(engine: Engine) -> None:
    sheet = sheet_of(engine, "Television network shut down", "Police said the offices were closed.")
    assert party_of(sheet, "offices were closed") is None


def test_a_legislature_named_alone_is_the_home_countrys_not_an_organisation_of_its_own(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Ukrainian president rejects prime minister's resignation",
        "The Senate said the resignation was a mistake.",
    )
    assert party_of(sheet, "was a mistake") == "ukraine"
    assert not any(party.provisional for party in sheet.parties)


AUSTRALIAN_BODY = (
    "The bill passed the upper house of the Australian state on Thursday after a long debate. "
    "Abortion had been a crime in Australia's most populous state since 1900, longer than anywhere else in "
    "Australia. Member of parliament Kevin Jones said the law marked a sad day for the state."
)


def test_a_headline_naming_no_country_takes_the_one_the_text_names_far_more_than_any_other(engine: Engine) -> None:
    actor, party, why = speaker_of(
        sheet_of(engine, "Upper house passes abortion bill after long debate", AUSTRALIAN_BODY), "sad day"
    )
    assert (actor, party) == ("Kevin Jones", "australia")
    assert any("the one the text names most (3 times, the next 0)" in reason for reason in why)


def test_a_text_naming_two_countries_about_as_often_gives_no_home_country(engine: Engine) -> None:
    body = AUSTRALIAN_BODY + " New Zealand and its neighbour New Zealand's parliament watched the vote."
    assert party_of(sheet_of(engine, "Upper house passes abortion bill after long debate", body), "sad day") is None
