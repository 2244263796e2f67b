"""Organisations no rule defines become provisional parties when they act (nlp/provisional.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Span

from mkdocs_factsheet.articles import Article, load_articles
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.model import FactSheet
from mkdocs_factsheet.nlp.mentions import Mention, ProvisionalParty
from mkdocs_factsheet.nlp.names import settle_capitalised_names, settle_person_names
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.nlp.provisional import keep_acting
from mkdocs_factsheet.problems import ProblemLog
from mkdocs_factsheet.rules import load_rules


def sheet_of(engine: Engine, text: str) -> FactSheet:
    return engine.extract(Article(id="t", path="t.txt", text=text, body_start=0, title="T"))


def speaker_of(sheet: FactSheet, words: str) -> tuple[str | None, str | None]:
    position = next(p for p in sheet.positions if words in p.content.text)
    return position.speaker.actor, position.speaker.party


def test_an_organisation_that_speaks_is_a_provisional_party_and_its_acronym_joins_it(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Late on Sunday, the Kurdish-led Syrian Democratic Forces (SDF) announced it had entered into an agreement "
        "with the government of Syria. The SDF said hundreds of fighters had escaped from a camp.",
    )
    party = "provisional-syrian-democratic-forces"
    assert speaker_of(sheet, "entered into an agreement") == (None, party)
    assert speaker_of(sheet, "hundreds of fighters") == (None, party)
    facts = sheet.party(party)
    assert facts is not None and facts.provisional and facts.name == "Syrian Democratic Forces"
    assert facts.aliases == ["SDF"]
    syria = sheet.party("syria")
    assert syria is not None and not syria.provisional  # "Syrian" inside the name is not Syria


def test_a_person_with_a_title_of_an_organisation_no_rule_defines_acts_for_it(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "ABS-CBN CEO Carlo Katigbak said refunds for unaired political ads were offered. "
        "Katigbak added that the network would appeal.",
    )
    assert speaker_of(sheet, "refunds for unaired") == ("Carlo Katigbak", "provisional-abs-cbn")
    assert speaker_of(sheet, "the network would appeal") == ("Carlo Katigbak", "provisional-abs-cbn")
    facts = sheet.party("provisional-abs-cbn")
    assert facts is not None and [a.name for a in facts.actors] == ["Carlo Katigbak"]


def test_a_companys_legal_form_does_not_make_another_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "ABS-CBN Corporation said that its stations would go off the air. "
        "ABS-CBN CEO Carlo Katigbak said refunds for unaired political ads were offered.",
    )
    assert speaker_of(sheet, "stations would go off") == (None, "provisional-abs-cbn")
    assert speaker_of(sheet, "refunds for unaired") == ("Carlo Katigbak", "provisional-abs-cbn")
    facts = sheet.party("provisional-abs-cbn")
    assert (
        facts is not None
        and facts.name == "ABS-CBN"
        and [p.id for p in sheet.parties if p.provisional] == ["provisional-abs-cbn"]
    )


def test_an_acronym_of_a_party_the_article_names_is_that_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The International Atomic Energy Agency inspected the site in May. "
        "The IAEA said the samples showed no trace of enrichment.",
    )
    assert speaker_of(sheet, "samples showed") == (None, "international-atomic-energy-agency")
    assert not any(p.provisional for p in sheet.parties)


def test_a_bodys_name_shortened_from_the_front_is_that_body(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "On Thursday, the European Court of Justice ruled on the case. "
        "The Court of Justice said that the directive allowed such orders.",
    )
    court = ("Court of Justice of the European Union", "european-union")
    assert speaker_of(sheet, "the directive allowed") == court
    assert not any(p.provisional for p in sheet.parties)


def test_a_public_body_no_rule_names_is_the_story_countrys(engine: Engine) -> None:
    """A name an agent noun opens or heads after a state's qualifier, in a story with a home country (named three
    times, twice as often as any other): that country's body; a research centre stays an organisation of its own."""
    sheet = sheet_of(
        engine,
        "Floods hit India this week. India's monsoon began in June, and India expects more rain. "
        "The National Disaster Management Authority (NDMA) said that 40 people had died. The NDMA added that "
        "rescue teams were on the way. "
        "The Johns Hopkins Center for Health Security said that floods were becoming more frequent. "
        "The Center for River Diversity said that the dams had failed.",
    )
    assert speaker_of(sheet, "40 people") == ("National Disaster Management Authority", "india")
    assert speaker_of(sheet, "rescue teams") == ("National Disaster Management Authority", "india")  # its acronym
    assert speaker_of(sheet, "more frequent") == (None, "provisional-johns-hopkins-center-for-health-security")
    # a centre, an institute or an academy opens the names of private bodies as often: no state's without "National"
    assert speaker_of(sheet, "dams had failed") == (None, "provisional-center-for-river-diversity")


def test_a_named_police_force_is_the_story_countrys(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Floods hit India this week. India's monsoon began in June, and India expects more rain. "
        "Kamloops Police said that two men had been arrested. The Montgomery County Police Department said that "
        "a third man was sought.",
    )
    assert speaker_of(sheet, "two men") == ("Kamloops Police", "india")
    assert speaker_of(sheet, "third man") == ("Montgomery County Police Department", "india")


def test_a_public_body_of_the_story_country_is_the_same_body_named_shortened_from_the_front(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Floods hit India this week. India's monsoon began in June, and India expects more rain. "
        "The National Flood Rescue Agency said that 40 people had died. "
        "On Monday, the Flood Rescue Agency told reporters it would end its search.",
    )
    assert speaker_of(sheet, "end its search") == ("National Flood Rescue Agency", "india")


def test_a_body_named_by_its_head_word_before_of_is_the_body_named_before(pipeline: Pipeline) -> None:
    """The world pack's United States Congress has the alias "United States House of Representatives"."""
    sheet = sheet_of(
        Engine(pipeline, load_rules([], ["world"])),
        "On Friday, the United States House of Representatives issued a subpoena. The House said the records "
        "were overdue. The White House said it would respond.",
    )
    assert speaker_of(sheet, "records were overdue") == ("United States Congress", "united-states")
    assert not any(p.provisional for p in sheet.parties)


def test_a_ministry_or_a_qualified_force_or_committee_no_rule_names_is_the_story_countrys(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Floods hit India this week. India's monsoon began in June, and India expects more rain. "
        "The Water Resources Ministry said that 40 people had died. "
        "The National Flood Response Force said that rescue teams were on the way. "
        "The Parliamentary Water Committee said that the dams were unsafe.",
    )
    assert speaker_of(sheet, "40 people") == ("Water Resources Ministry", "india")
    assert speaker_of(sheet, "rescue teams") == ("National Flood Response Force", "india")  # a qualified force
    # a legislature's word is a state's qualifier too
    assert speaker_of(sheet, "dams were unsafe") == ("Parliamentary Water Committee", "india")


def test_a_body_agent_noun_inside_a_qualified_name_makes_it_a_public_body(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "A man was shot in London, in the United Kingdom, on Sunday. The United Kingdom raised its threat level, "
        "and the United Kingdom's prime minister spoke. "
        "The Metropolitan Police Counter Terrorism Command said that the attack was terrorist-related.",
    )
    assert speaker_of(sheet, "terrorist-related") == ("Metropolitan Police Counter Terrorism Command", "united-kingdom")


def test_an_outlet_that_only_reports_is_a_source_not_a_party(engine: Engine) -> None:
    sheet = sheet_of(engine, "According to Al Jazeera, the talks collapsed on Friday after three days.")
    assert speaker_of(sheet, "talks collapsed") == ("Al Jazeera", None)  # named, for no party
    assert not any(p.provisional for p in sheet.parties)


def test_an_organisations_name_the_model_cut_before_of_goes_on_with_its_capitalised_words(engine: Engine) -> None:
    text = "Progressive Party of Working People, the main opposition force, underlined that the deal was weak."
    assert speaker_of(sheet_of(engine, text), "deal was weak") == (
        None,
        "provisional-progressive-party-of-working-people",
    )


def test_an_organisation_reporting_in_its_own_message_states_it(engine: Engine) -> None:
    text = "Harbour Foods, in its March 8 media release, reported that many stores were still selling out."
    assert speaker_of(sheet_of(engine, text), "selling out") == (None, "provisional-harbour-foods")


def test_a_body_named_as_one_states_what_it_reports(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The Wooster Growers Association reports a value of US$400 per ton as of November. According to the "
        "Lakeland Fishing Council, the catch fell by half.",
    )
    assert speaker_of(sheet, "a value of") == (None, "provisional-wooster-growers-association")
    assert speaker_of(sheet, "the catch fell") == (None, "provisional-lakeland-fishing-council")
    # the kind of body is the word before "of": a conference, a board, a foundation
    sheet = sheet_of(engine, "According to the Western Conference of State Legislatures, the vote is in March.")
    assert speaker_of(sheet, "the vote is") == (None, "provisional-western-conference-of-state-legislatures")
    sheet = sheet_of(engine, "The Dana Whitfield Animal Foundation said she had been in excellent health.")
    assert speaker_of(sheet, "excellent health") == (None, "provisional-dana-whitfield-animal-foundation")


def test_an_outlet_the_text_calls_a_newspaper_is_a_source_whatever_its_cue(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The Hungarian daily newspaper Magyar Nemzet revealed that the factory had been sold to a rival. "
        "The Magyar Nemzet newspaper also noted that the deal had not been announced.",
    )
    assert speaker_of(sheet, "had been sold") == ("Magyar Nemzet", None)
    assert not any(p.provisional for p in sheet.parties)


def test_a_newspaper_named_like_one_is_a_source(engine: Engine) -> None:
    sheet = sheet_of(engine, "The Aviation Herald said the aircraft had landed at the wrong airport.")
    assert speaker_of(sheet, "wrong airport") == ("Aviation Herald", None)
    sheet = sheet_of(
        engine,
        "The Las Vegas Review-Journal wrote that the caucuses could be the last. The St. Louis "
        "Post-Dispatch noted that turnout was low.",
    )
    assert speaker_of(sheet, "could be the last") == ("Las Vegas Review-Journal", None)
    assert speaker_of(sheet, "turnout was low") == ("St. Louis Post-Dispatch", None)
    sheet = sheet_of(engine, "The Lakeland Crime Archive said the shooting was the fourth this month.")
    assert speaker_of(sheet, "the fourth") == ("Lakeland Crime Archive", None)  # a source of data
    assert not any(p.provisional for p in sheet.parties)


def test_a_newspaper_named_like_one_is_a_source_also_as_it(engine: Engine) -> None:
    """Its name makes it an outlet wherever it speaks: "it said" does not make it a party that states."""
    sheet = sheet_of(
        engine,
        "A cargo jet crashed on Monday. The Aviation Herald states the jet was a freighter. It said a tail number "
        "of EP-CPP was the jet's.",
    )
    assert speaker_of(sheet, "a freighter")[1] is None
    assert speaker_of(sheet, "tail number")[1] is None
    assert not any(p.provisional for p in sheet.parties)


def test_an_organisation_no_rule_defines_speaks_under_its_own_name(engine: Engine) -> None:
    sheet = sheet_of(engine, "The BBC reported that the ferry had sunk. Reuters and NBC said the port was closed.")
    assert speaker_of(sheet, "ferry had sunk") == ("BBC", None)
    position = next(p for p in sheet.positions if "port was closed" in p.content.text)
    assert (position.speaker.text, position.speaker.actor) == ("Reuters and NBC", None)  # two, not one of them


def test_an_organisation_that_is_only_mentioned_is_not_listed_as_a_party(engine: Engine) -> None:
    sheet = sheet_of(engine, "Shares of Toyota Motor Corporation rose after the announcement.")
    assert not any(p.provisional for p in sheet.parties)
    assert any(a.name == "Toyota Motor Corporation" for a in sheet.unassigned_actors)


def test_provisional_parties_survive_the_json_round_trip(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "A spokesperson for Facebook said the ruling raised critical questions. Facebook will appeal, she added.",
    )
    assert speaker_of(sheet, "critical questions") == (None, "provisional-facebook")
    again = FactSheet.from_dict(sheet.to_dict(include_sentences=True))
    facts = again.party("provisional-facebook")
    assert facts is not None and facts.provisional and facts.name == "Facebook"


def test_a_group_named_by_its_movement_before_a_group_noun_is_a_provisional_party(engine: Engine) -> None:
    sheet = sheet_of(engine, "Catalan separatists said they would hold a referendum in October.")
    assert speaker_of(sheet, "hold a referendum") == (None, "provisional-catalan")
    facts = sheet.party("provisional-catalan")
    assert facts is not None and facts.provisional


def test_one_capitalised_word_named_once_is_not_a_provisional_party(engine: Engine) -> None:
    sheet = sheet_of(engine, 'Team leader Tim Taylor told reporters, "It was amazing to find the wreck."')
    assert not any(p.provisional for p in sheet.parties)


def test_a_one_word_party_name_before_a_title_is_a_provisional_party_but_a_states_qualifier_is_not(
    engine: Engine,
) -> None:
    sheet = sheet_of(
        engine,
        "Ministers met in Copenhagen on Monday. Venstre leader Dana Whitfield said the plan was wrong. "
        "State prosecutors said the case would go to trial.",
    )
    assert speaker_of(sheet, "plan was wrong") == ("Dana Whitfield", "provisional-venstre")
    assert "provisional-state" not in {p.id for p in sheet.parties}


def test_a_group_named_by_an_unknown_movement_is_that_group_not_a_person_named_before(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Senator Jane Fielding said the budget was fair. Catalan lawmakers said they would vote against it. "
        "On Tuesday, lawmakers said the vote would be close.",
    )
    assert speaker_of(sheet, "vote against it") == (None, "provisional-catalan")
    assert speaker_of(sheet, "would be close")[0] != "Jane Fielding"  # a plural is not the one senator named before


def test_an_organisation_a_country_possesses_acts_for_that_country(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The United States' National Institute of Allergy and Infectious Disease's director, Dr. Anthony Fauci, "
        "said the outbreak would get worse.",
    )
    assert speaker_of(sheet, "would get worse") == ("Anthony Fauci", "united-states")
    assert not any(party.provisional for party in sheet.parties)


def test_a_title_and_name_the_ner_took_for_an_organisation_is_a_person(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Katigbak apologized during the hearing, according to a statement by the Presidential Spokesperson "
        "Harry Roque. Roque said the network could reapply.",
    )
    assert not any("Roque" in party.name for party in sheet.parties)


def test_the_nearest_possessor_gives_a_title_its_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The United Nations' Food and Agriculture Organization's chief veterinary officer said the cull was "
        "completely unnecessary.",
    )
    assert speaker_of(sheet, "completely unnecessary")[1] == "food-and-agriculture-organization"


def test_an_organisation_name_the_ner_cut_at_for_is_one_party_and_its_president_acts_for_it(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The president of the Tunisian League for the Defence of Human Rights, Jamel Msallem, said, "
        '"We are for the freedom to dress."',
    )
    actor, party = speaker_of(sheet, "freedom to dress")
    assert actor == "Jamel Msallem"
    assert sheet.party(party).name == "Tunisian League for the Defence of Human Rights"  # type: ignore[arg-type,union-attr]


@pytest.mark.parametrize(
    ("text", "actor", "party"),
    [
        # a state body named with its country's adjective is that country's, under its own name
        ("The Philippine National Police said the suspect was arrested.", "Philippine National Police", "philippines"),
        ("The Israeli Defense Forces said the suspect was arrested.", "Israeli Defense Forces", "israel"),
        (
            "Bangladesh's Institute of Epidemiology, Disease Control and Research said the suspect was arrested.",
            "Institute of Epidemiology, Disease Control and Research",
            "bangladesh",
        ),
        # a movement's name stays its own
        ("The Syrian Democratic Forces said the suspect was arrested.", None, "provisional-syrian-democratic-forces"),
        # a name written once after a kind of organisation is one
        (
            "Trade union Aslef general secretary Mick Whelan said the suspect was arrested.",
            "Mick Whelan",
            "provisional-aslef",
        ),
        # where a company is based is not whom it speaks for
        ("UK-based retailer Brindlecart said the suspect was arrested.", None, "provisional-brindlecart"),
        # a place the rules name that the NER takes into the name after "in" is no part of it
        (
            "In Cyprus, the ruling Democratic Rally in Cyprus said the suspect was arrested.",
            None,
            "provisional-democratic-rally",
        ),
        # a movement's name ending in "of" a country is not that country's
        (
            "The Islamic State of Iraq and the Levant said the suspect was arrested.",
            None,
            "provisional-islamic-state-of-iraq",
        ),
        ("The Democratic Party of Japan said the suspect was arrested.", None, "provisional-democratic-party-of-japan"),
        # but a state's body named "of" its country is the country's
        ("The Bank of England said the suspect was arrested.", None, "united-kingdom"),
        # an outlet named by its kind ("Fars", a building to the model) is a source under its own name
        ("State-owned Iranian news agency Fars reported the suspect was arrested.", "Fars", None),
    ],
)
def test_bodies_named_from_the_text(engine: Engine, text: str, actor: str | None, party: str | None) -> None:
    assert speaker_of(sheet_of(engine, text), "suspect was arrested") == (actor, party)


def test_a_portfolio_before_minister_is_no_organisation(engine: Engine) -> None:
    text = "Indian flight crashes in Calicut\n\nCivil Aviation Minister Hardeep Singh Puri said 18 people died."
    sheet = engine.extract(Article(id="t", path="t.txt", text=text, body_start=text.index("Civil"), title=text[:32]))
    assert speaker_of(sheet, "18 people died") == ("Hardeep Singh Puri", "india")
    assert not any(p.provisional for p in sheet.parties)


def test_an_organisation_inside_a_title_is_no_party(pipeline: Pipeline) -> None:
    """The dev2 article on the border wall: "Nancy Pelosi, the Speaker of the House, said …" (the NER's "House");
    the packs alone (the example site's rules list Pelosi)."""
    engine = Engine(pipeline, load_rules([], ["world"]))
    folder = Path(__file__).resolve().parent.parent / "benchmarks" / "gold" / "wikinews-dev2" / "articles"
    article = next(a for a in load_articles([folder], ProblemLog()) if a.id.startswith("president-trump-says-he-can"))
    sheet = engine.extract(article)
    assert speaker_of(sheet, "committed to keeping our border safe") == ("Nancy Pelosi", "united-states")
    assert sheet.party("provisional-house") is None


def test_a_short_name_in_brackets_after_a_bodys_name_is_that_body(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The Philippine Institute of Volcanology and Seismology (Phivolcs) recorded 611 aftershocks. "
        "Phivolcs said the fault makes the province seismically active.",
    )
    assert speaker_of(sheet, "seismically active") == (
        "Philippine Institute of Volcanology and Seismology",
        "philippines",
    )


def test_a_companys_short_name_is_the_full_name_that_only_adds_a_companys_kind(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Brandt Motor Company said it had found problems with its emissions tests. "
        "Brandt said it was cooperating with the government. Brandt Polska said its plants were not affected.",
    )
    assert speaker_of(sheet, "cooperating") == (None, "provisional-brandt-motor-company")
    brandt = sheet.party("provisional-brandt-motor-company")
    assert brandt is not None and brandt.name == "Brandt Motor Company" and "Brandt" in brandt.aliases
    assert speaker_of(sheet, "plants were not affected")[1] != "provisional-brandt-motor-company"  # a subsidiary


def test_an_acronym_is_the_name_the_article_spells_out_whatever_the_ner_made_of_it(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The rally was organised by Sarva Jana Hita Sabha president Anand Prakash on Sunday. "
        "SJHS spokesman Ravi Kumar said more rallies would follow.",
    )
    assert speaker_of(sheet, "more rallies") == ("Ravi Kumar", "provisional-sarva-jana-hita-sabha")
    party = sheet.party("provisional-sarva-jana-hita-sabha")
    assert party is not None and party.name == "Sarva Jana Hita Sabha" and party.aliases == ["SJHS"]


def test_someone_speaking_for_an_organisation_never_makes_it_an_outlet(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Sales went up sharply last week, according to a Brandtmart spokesperson. "
        "Brandtmart said it would limit sales.",
    )
    assert speaker_of(sheet, "Sales went up")[1] == "provisional-brandtmart"
    assert speaker_of(sheet, "limit sales")[1] == "provisional-brandtmart"  # written again, no entity


def test_a_companys_name_without_the_words_of_its_kind_is_that_company_wherever_written(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "On Thursday, Vellmar Group said it would buy the stores. "
        "With the purchase Vellmar said it seeks to grow in the south.",
    )
    assert speaker_of(sheet, "seeks to grow") == (None, "provisional-vellmar-group")


def test_a_law_the_ner_takes_for_an_organisation_is_no_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The site received a notice under the Digital Millennium Copyright Act (DMCA) from the union. "
        "The union's DMCA notice claimed the code was designed to break protections.",
    )
    assert not [p for p in sheet.parties if "copyright" in p.id or "dmca" in p.id]


def test_the_mentions_of_a_provisional_party_that_does_not_act_go_with_it() -> None:
    # "Fox … said Tommy Vietor, a former spokesman …": a voice hung on an outlet that is only mentioned
    fox = ProvisionalParty("provisional-fox", "Fox")
    named = Mention(0, 1, 0, 3, "Fox", fox.id, via="provisional")
    voice = Mention(5, 6, 20, 29, "spokesman", fox.id, via="agent")
    _, mentions, parties = keep_acting([], [named, voice], [fox], frozenset({"spokesman"}))
    assert (mentions, parties) == ([], [])


def test_a_name_the_text_calls_a_business_speaks_for_itself_wherever_written(engine: Engine) -> None:
    """`businesses` in the core pack's agents file: the model takes "Pindar" and "Hadley" for people and tags no
    "Marlowes"; a business noun right before a name, or before a name it joins by "and", makes each an
    organisation, here and wherever the article writes it again."""
    sheet = sheet_of(
        engine,
        "Australian store chains Marlowes and Pindar lowered their limits. Pindar said that many stores were still "
        "selling out. Marlowes said it was ordering more stock. Discount retailer Hadley said it would close ten "
        "stores. Hadley added that sales had fallen.",
    )
    assert speaker_of(sheet, "selling out") == (None, "provisional-pindar")
    assert speaker_of(sheet, "more stock") == (None, "provisional-marlowes")
    assert speaker_of(sheet, "close ten stores") == (None, "provisional-hadley")
    assert speaker_of(sheet, "sales had fallen") == (None, "provisional-hadley")


def test_the_one_business_named_with_a_business_noun_is_what_another_such_noun_refers_to(engine: Engine) -> None:
    """A hyphenated name after a business noun is one name ("ABS-CBN"), and "the network" later is that business
    though the article called it a corporation, when it names no other business so."""
    sheet = sheet_of(
        engine,
        "Following the expiry of broadcast corporation Orion-Sat's franchise, the regulator ordered it to stop "
        "airing. Orion-Sat CEO Lena Marsh said the order was unlawful. Many viewers were angry. Later, the "
        "network said that the order did not cover its news channel.",
    )
    assert speaker_of(sheet, "did not cover") == (None, "provisional-orion-sat")


def test_a_one_word_name_in_capitals_the_ner_takes_for_a_persons_is_an_organisation(
    engine: Engine, pipeline: Pipeline
) -> None:
    """The model tags "TOVANI" here as a person; a speaker's label ("TOVANI: …") and a word of a fuller name the
    article gives ("Ana Tovani") stay people."""
    sheet = sheet_of(
        engine,
        "TOVANI also introduced a one-pack limit on Monday. TOVANI, in a Facebook post on Tuesday, said it was "
        "unexpected. On Tuesday, TOVANI announced that some stores would close.",
    )
    assert speaker_of(sheet, "stores would close") == (None, "provisional-tovani")
    assert [p.name for p in sheet.parties if p.provisional] == ["TOVANI"]
    for text in ("Senator Ana Tovani spoke first. Then TOVANI said we will win.", "Tovani spoke. TOVANI: We will win."):
        doc = pipeline.parse(text)
        assert doc.ents[-1].text == "TOVANI" and doc.ents[-1].label_ == "PERSON"  # the model's reading
        settle_capitalised_names(doc, frozenset())
        assert doc.ents[-1].label_ == "PERSON", text  # a word of her full name; a speaker's label


def test_a_business_named_with_a_countrys_adjective_speaks_for_itself(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Philippine Airlines said the flights would resume. Turkish Airlines said it would add routes. "
        "The Philippine National Police said the suspect was arrested.",
    )
    assert speaker_of(sheet, "flights would resume") == (None, "provisional-philippine-airlines")
    assert speaker_of(sheet, "add routes") == (None, "provisional-turkish-airlines")
    assert speaker_of(sheet, "suspect was arrested") == ("Philippine National Police", "philippines")


def test_a_common_noun_the_ner_takes_into_an_acronyms_name_makes_no_second_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The general secretary of the TWU union, Mick Cash, said the measure was not enough. "
        "The TWU said it would fight the plan.",
    )
    assert speaker_of(sheet, "not enough") == ("Mick Cash", "provisional-twu")
    assert speaker_of(sheet, "fight the plan") == (None, "provisional-twu")
    assert [p.name for p in sheet.parties if p.provisional] == ["TWU"]


def test_an_acronyms_full_name_in_brackets_after_it_names_the_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The general secretary of the TWU union (Transport, Warehouse and Utility Workers Union), Dana Whitfield, "
        "said the measure was not enough. The TWU said it would fight the plan.",
    )
    party = "provisional-transport-warehouse-and-utility-workers-union"
    assert speaker_of(sheet, "not enough") == ("Dana Whitfield", party)
    assert speaker_of(sheet, "fight the plan") == (None, party)
    facts = sheet.party(party)
    assert facts is not None and facts.name == "Transport, Warehouse and Utility Workers Union"
    assert facts.aliases == ["TWU"]


def test_a_business_noun_after_the_is_the_business_named_before_with_it(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "British supermarket chain Hadley said it would sell its Polish stores. The chain's press release reported "
        "22 sold units. The retailer said the deal was good.",
    )
    assert speaker_of(sheet, "22 sold units") == (None, "provisional-hadley")
    assert speaker_of(sheet, "deal was good") == (None, "provisional-hadley")  # the one business named so
    sheet = sheet_of(
        engine,
        "British supermarket chain Hadley said it would sell its stores to the Danish firm Pindar. The chain's "
        "press release reported 22 sold units. The retailer said the deal was good.",
    )
    assert speaker_of(sheet, "deal was good") == (None, None)  # named with another noun, two businesses: which?


def test_a_country_named_before_a_state_qualifier_owns_the_body_the_ner_takes_it_into(engine: Engine) -> None:
    """The model reads "the United States National Institute of Allergy" as one organisation: the country's name
    before "National" is the country's, not a word of a party of its own."""
    sheet = sheet_of(
        engine,
        "On Monday, Director Ann Brook of the United States National Institute of Allergy and Infectious Diseases "
        "announced a trial of four drugs was stopped early.",
    )
    assert speaker_of(sheet, "trial of four drugs") == ("Ann Brook", "united-states")
    assert not any(p.provisional for p in sheet.parties)


@pytest.mark.parametrize("first_name", ["Irina", "Grace"])
def test_a_first_name_of_the_rules_opens_a_persons_name_the_ner_took_for_an_organisation(
    engine: Engine, first_name: str
) -> None:
    """The core pack's `first_names`: the model tags "Irina Vukovic" and "Grace Nkosi" here as organisations."""
    surname = {"Irina": "Vukovic", "Grace": "Nkosi"}[first_name]
    sheet = sheet_of(engine, f"In the wake of his death, {first_name} {surname} said, the lions were killed.")
    assert speaker_of(sheet, "lions were killed") == (f"{first_name} {surname}", None)
    assert not any(p.provisional for p in sheet.parties)


def test_an_organisations_name_takes_the_capitalised_head_the_model_left_out(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Turkey's Disaster and Emergency Management Presidency reported the magnitude of the earthquake was 6.6. "
        "Microsoft President Lena Marsh said the law was bad.",
    )
    assert speaker_of(sheet, "magnitude") == ("Disaster and Emergency Management Presidency", "turkey")
    assert speaker_of(sheet, "law was bad") == ("Lena Marsh", "provisional-microsoft")  # a title stays one


def test_an_organisation_the_model_takes_a_comma_into_ends_before_it(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Former US Representative John Conyers died on Sunday. According to Associated Press, Conyers was unique "
        "on the Judiciary Committee.",
    )
    assert speaker_of(sheet, "was unique") == ("Associated Press", None)  # a source, not Conyers


def test_a_portfolio_joined_by_and_is_no_organisation_nor_part_of_the_name(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Secretary of Health and Human Services Alex Azar said the vaccine was safe. "
        "Minister of Trade and Industry Chan Chun Sing said exports fell.",
    )
    assert speaker_of(sheet, "vaccine was safe") == ("Alex Azar", None)
    assert speaker_of(sheet, "exports fell") == ("Chan Chun Sing", None)
    assert not [party.name for party in sheet.parties if party.provisional]


def test_a_kind_of_body_written_with_a_capital_is_no_provisional_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "A senior Bank of Japan official said the dollar would rise. The Bank official said rates would stay low.",
    )
    assert speaker_of(sheet, "rates would stay low") == ("Japanese officials", "japan")
    assert not [party.name for party in sheet.parties if party.provisional]


def test_a_national_body_headed_by_an_agent_noun_after_its_name_is_its_countrys(engine: Engine) -> None:
    sheet = sheet_of(engine, "A spokesman for the French Civil Security service said the fire was under control.")
    assert speaker_of(sheet, "under control") == ("French Civil Security service", "france")
    assert not [party.name for party in sheet.parties if party.provisional]


def test_a_name_whose_place_goes_on_with_and_another_place_is_one_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The militant organisation, the Islamic State of Iraq and the Levant, claimed responsibility for all three "
        "attacks. The Port Authority of New York and New Jersey said the bridge was closed.",
    )
    party = "provisional-islamic-state-of-iraq-and-the-levant"
    assert speaker_of(sheet, "responsibility for all three") == (None, party)
    facts = sheet.party(party)
    assert facts is not None and facts.name == "Islamic State of Iraq and the Levant"
    closed = [p.speaker.text for p in sheet.positions if "bridge was closed" in p.content.text]
    assert closed == ["The Port Authority of New York and New Jersey"]  # one speaker, not "New Jersey" too


def test_a_name_described_by_a_persons_title_is_a_persons(pipeline: Pipeline) -> None:
    """The model tags "Jasim Uddin" an organisation in some articles; a title in apposition says who it is."""
    doc = pipeline.parse("Jasim Uddin, a spokesperson for the fire service, told the Associated Press four died.")
    name = Span(doc, 0, 2, "ORG")
    doc.ents = [name, *(ent for ent in doc.ents if ent.start >= 2)]
    settle_person_names(doc, frozenset({"spokesperson"}))
    assert (doc.ents[0].text, doc.ents[0].label_) == ("Jasim Uddin", "PERSON")
    doc = pipeline.parse("UpGuard, a cybersecurity firm, said the data was exposed.")
    doc.ents = [Span(doc, 0, 1, "ORG")]
    settle_person_names(doc, frozenset({"spokesperson"}))
    assert doc.ents[0].label_ == "ORG"  # described by no person's title


def test_a_partys_name_ending_a_longer_partys_name_is_that_other_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Dana Whitfield of the Christian Democratic Party said the vote was fair. "
        "The Democratic Party said the count was wrong.",
    )
    assert speaker_of(sheet, "vote was fair") == ("Dana Whitfield", "provisional-christian-democratic-party")
    assert speaker_of(sheet, "count was wrong") == (None, "democratic-party")
