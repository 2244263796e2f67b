"""Speakers that are not people (a message, a relative pronoun, a transcript label) and pronoun gender."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.model import FactSheet, Speaker
from mkdocs_factsheet.nlp.attribution.genders import tied_genders
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree


def sheet_of(engine: Engine, text: str) -> FactSheet:
    return engine.extract(Article(id="t", path="t.txt", text=text, body_start=0, title="T"))


def speaker_of(sheet: FactSheet, words: str) -> Speaker:
    return next(p for p in sheet.positions if words in p.content.text).speaker


@pytest.mark.parametrize(
    ("text", "words", "actor", "party"),
    [
        ("A tweet by Donald Trump said the wall would be built.", "wall would be built", "Donald Trump", "united-states"),
        ("A post from Joe Biden said the election would be close.", "election would be close", "Joe Biden", "united-states"),
        ("A letter from Angela Merkel said Germany would help.", "Germany would help", "Angela Merkel", "germany"),
        ("Donald Trump posted a tweet which said the wall would be built.", "wall would be built", "Donald Trump", "united-states"),
    ],
)  # fmt: skip
def test_a_message_stands_for_its_author(engine: Engine, text: str, words: str, actor: str, party: str) -> None:
    speaker = speaker_of(sheet_of(engine, text), words)
    assert (speaker.text, speaker.actor, speaker.party) == (actor, actor, party)


def test_a_message_from_an_account_is_the_account_holders(engine: Engine) -> None:
    text = 'A tweet sent from Angela Merkel\'s account on Monday said "Germany will help."'
    position = next(p for p in sheet_of(engine, text).positions if "Germany will help" in p.content.text)
    assert (position.speaker.actor, position.speaker.party) == ("Angela Merkel", "germany")


def test_a_possessive_pronoun_on_a_message_is_whoever_issued_it(engine: Engine) -> None:
    text = (
        "Alabama Governor Kay Ivey signed the bill. Representative Terri Collins sponsored it. "
        'The governor tweeted her reasoning saying, "Today, I signed the bill into law."'
    )
    speaker = speaker_of(sheet_of(engine, text), "signed the bill into law")
    assert (speaker.text, speaker.actor) == ("The governor", "Kay Ivey")


def test_a_ruling_whose_author_the_sentence_does_not_give_is_the_court_named_before(engine: Engine) -> None:
    text = (
        "The Court of Session set rules for compliance with rulings from a court of any member state. "
        "According to the ruling, the suspension of parliament was unlawful."
    )
    speaker = speaker_of(sheet_of(engine, text), "suspension of parliament")
    assert (speaker.text, speaker.actor) == ("the ruling", "Court of Session")


def test_a_message_of_a_body_stands_for_the_body(engine: Engine) -> None:
    text = "The State Department issued a statement which said the sanctions would remain."
    speaker = speaker_of(sheet_of(engine, text), "sanctions would remain")
    assert (speaker.text, speaker.party) == ("The State Department", "united-states")


def test_a_message_signed_by_someone_stands_for_them_and_so_does_the_title_alone(engine: Engine) -> None:
    text = (
        "Archbishop Tomas Velo issued new church rules on Thursday. The decree signed by the Archbishop read "
        '"Every report will be heard." The decree instructs priests to notify the police of any allegation.'
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "Every report will be heard").actor == "Tomas Velo"
    assert speaker_of(sheet, "to notify the police").actor == "Tomas Velo"


def test_a_thing_states_nothing_unless_the_phrase_names_its_author(engine: Engine) -> None:
    text = "Evidence showed that the shooting followed four others."
    assert not sheet_of(engine, text).positions
    text = "Data from the Gun Violence Archive show that the shooting followed four others."
    assert speaker_of(sheet_of(engine, text), "shooting followed").text == "the Gun Violence Archive"


def test_a_relative_pronoun_is_its_antecedent_not_which(engine: Engine) -> None:
    sheet = sheet_of(engine, "Angela Merkel, who said the plan was sound, left the summit early.")
    speaker = speaker_of(sheet, "plan was sound")
    assert (speaker.text, speaker.actor, speaker.party) == ("Angela Merkel, who", "Angela Merkel", "germany")


def test_who_after_a_workplace_the_parse_hung_it_on_is_the_person_described(engine: Engine) -> None:
    text = "The study was led by Mark Hay, a marine ecologist at Georgia Tech, who said the corals were dying."
    position = next(p for p in sheet_of(engine, text).positions if "corals" in p.content.text)
    assert position.speaker.actor == "Mark Hay"


def test_a_transcript_label_is_the_person_named_so(engine: Engine) -> None:
    text = (
        "Mike Pence spoke to reporters on Tuesday.\n\nPENCE: We will build the wall.\n\n"
        "REPORTER: When will it be finished?\n\nPENCE: Soon, and Mexico will pay for it."
    )
    sheet = sheet_of(engine, text)
    for words in ("build the wall", "Mexico will pay"):
        speaker = speaker_of(sheet, words)
        assert (speaker.text, speaker.actor, speaker.party) == ("PENCE", "Mike Pence", "united-states")


def test_an_interview_labelled_in_double_brackets_quotes_each_answer_and_no_question(engine: Engine) -> None:
    text = (
        "Dana Whitfield, who founded the Open Shelf charity, spoke to Wikinews.\n\n"
        "((WN))  What do you say to your critics? Do you think they are wrong?\n\n"
        "((Dana Whitfield))  I think they said the charity wastes money, and they are wrong.\n\n"
        "We have published every account since 2015.\n\n"
        "((WN))  Will you stand for election?\n\n"
        "((Dana Whitfield))  No. I said in March that I would not run."
    )
    sheet = sheet_of(engine, text)
    answers = [p for p in sheet.positions if p.content.text.startswith(("I think", "No. I said"))]
    assert len(answers) == 2
    assert all((p.speaker.actor, p.kind) == ("Dana Whitfield", "direct") for p in answers)
    assert all(p in answers for p in sheet.positions)  # no question, and no "they said" inside an answer
    assert answers[0].content.text.endswith("We have published every account since 2015")  # the answer goes on
    # inside such a transcript, a turn labelled with the name or its initials and a colon is an answer too
    sheet = sheet_of(
        engine,
        "Wikinews spoke to biologist Dana Whitfield.\n\n((WN))  What prompted your study?\n\n"
        "Dana Whitfield: I have always loved birds.\n\n((WN))  How long did it take?\n\n"
        "DW: The study started in 1982.\n\n((WN))  Thank you.\n\nQT: Nobody answers this.",
    )
    answers = [(p.speaker.actor, p.content.text) for p in sheet.positions]
    assert answers == [
        ("Dana Whitfield", "I have always loved birds"),
        ("Dana Whitfield", "The study started in 1982"),
    ]
    # one bracketed word opening a paragraph is no transcript: what follows is reported as usual
    sheet = sheet_of(engine, "((es)) Spanish: la votación.\n\nDana Whitfield said the vote was fair.")
    assert speaker_of(sheet, "vote was fair").actor == "Dana Whitfield"


@pytest.mark.parametrize(
    "text",
    ["Reuters reported that the talks had failed.", "According to Reuters, the talks had failed."],
)
def test_a_reporting_outlet_stays_the_outlet(engine: Engine, text: str) -> None:
    speaker = speaker_of(sheet_of(engine, text), "talks had failed")
    assert (speaker.text, speaker.party) == ("Reuters", None)


def test_she_is_not_a_man_whose_gender_the_rules_declare(pipeline: Pipeline, tmp_path: Path) -> None:
    party = (
        "id: republican-party\nname: Republican Party\nkind: organisation\nmembers:\n"
        "  - name: Kim Trump\n    gender: male\n  - name: Robin Haley\n    gender: female\n"
    )
    engine = Engine(pipeline, load_rules([write_tree(tmp_path, {"parties/republican-party.yml": party})]))
    # first names in neither of the core pack's `first_names` lists: only the declared genders decide
    text = "Robin Haley met Kim Trump on Friday. Trump said the talks were useful. She said the deal was fair."
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "talks were useful").actor == "Kim Trump"
    assert (speaker_of(sheet, "deal was fair").actor, speaker_of(sheet, "deal was fair").party) == (
        "Robin Haley",
        "republican-party",
    )


def test_without_a_declared_gender_she_takes_the_nearest_speaker(pipeline: Pipeline, tmp_path: Path) -> None:
    party = "id: republican-party\nname: Republican Party\nkind: organisation\nmembers:\n  - name: Kim Harper\n"
    engine = Engine(pipeline, load_rules([write_tree(tmp_path, {"parties/republican-party.yml": party})]))
    # first names in neither of the core pack's `first_names` lists
    text = "Robin Haley met Kim Harper on Friday. Harper said the talks were useful. She said the deal was fair."
    assert speaker_of(sheet_of(engine, text), "deal was fair").actor == "Kim Harper"  # what the gender changes


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # first names in neither of the core pack's `first_names` lists ("Robin", "Kim"), so that only the text's
        # evidence decides: a gendered title in the name's phrase
        (
            "Robin Omar met Congressman Kim Lewis. Lewis said the bill was ready. She said the vote was close.",
            "Robin Omar",
        ),
        (
            "Kim Harper visited Queen Robin. Robin said the visit was wonderful. He said the vote was close.",
            "Kim Harper",
        ),
        # a possessive pronoun tied to the subject of its clause
        (
            "Robin May met Kim Trump on Friday. Trump thanked his hosts. She said the vote was close.",
            "Robin May",
        ),
        # with nothing in the text, the first name: Tom is a man's, Ann a woman's
        (
            "Ann Colby met Tom Brandt on Friday. Brandt said the talks were useful. She said the vote was close.",
            "Ann Colby",
        ),
        (
            "Tom Brandt met Ann Colby on Friday. Colby said the talks were useful. He said the vote was close.",
            "Tom Brandt",
        ),
        # a first name in neither list says nothing: the nearest speaker
        (
            "Robin Colby met Kim Brandt on Friday. Brandt said the talks were useful. She said the vote was close.",
            "Kim Brandt",
        ),
    ],
)
def test_a_pronoun_skips_a_person_the_text_or_the_first_name_shows_of_the_other_gender(
    engine: Engine, text: str, actor: str
) -> None:
    assert speaker_of(sheet_of(engine, text), "vote was close").actor == actor


@pytest.mark.parametrize(
    ("text", "genders"),
    [
        ("Donald Trump praised his team on Friday.", {"Donald Trump": "m"}),
        ("Angela Merkel defended herself in parliament.", {"Angela Merkel": "f"}),
        # a possessive deep in a phrase may be anyone's
        ("Joe Biden commented on the size of her breasts.", {}),
        # evidence both ways: neither
        ("Jo Smith praised his team. Jo Smith defended herself.", {}),
    ],
)
def test_a_possessive_on_the_verbs_own_object_gives_the_subjects_gender(
    pipeline: Pipeline, text: str, genders: dict[str, str]
) -> None:
    doc = pipeline.parse(text)
    people = {ent.root.i: ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    assert tied_genders(doc, people, set()) == genders


def test_a_subject_the_parser_hung_on_an_earlier_phrase_still_speaks(engine: Engine) -> None:
    text = (
        "Speaking to Agence France-Presse, the president of the league, Jamel Msallem, said, "
        '"We are for the freedom to dress."'
    )
    sheet = engine.extract(Article(id="t", path="t.txt", text=text, body_start=0, title="T"))
    position = next(p for p in sheet.positions if "freedom to dress" in p.content.text)
    assert position.speaker.actor == "Jamel Msallem"


def test_the_named_official_speaks_not_the_source_the_parser_made_the_subject(engine: Engine) -> None:
    text = (
        "According to semi-official news agency ISNA, the prosecutor general of Tehran, Ali Alghasi Mehr, "
        "said the 36 must face charges."
    )
    sheet = engine.extract(Article(id="t", path="t.txt", text=text, body_start=0, title="T"))
    position = next(p for p in sheet.positions if "must face charges" in p.content.text)
    assert (position.speaker.actor, position.speaker.party) == ("Ali Alghasi Mehr", "iran")


@pytest.mark.parametrize(
    ("text", "actor", "party"),
    [
        # an organisation no rule defines: its provisional party
        (
            "The Quarry Workers Union published a report on Monday. The union said that wages had fallen sharply.",
            "Quarry Workers Union",
            "provisional-quarry-workers-union",
        ),
        # a state body the rules know only by its agent noun: the name, with the agent's party; of two courts
        # named before, the one named most often
        (
            "The Court of Session in Scotland ruled on Wednesday. The Court of Session sits in Edinburgh, and only the"
            " Supreme Court of the United Kingdom stands above it. The court said that the suspension was unlawful.",
            "Court of Session",
            "united-kingdom",
        ),
    ],
)
def test_a_definite_description_is_the_organisation_named_before(
    engine: Engine, text: str, actor: str, party: str
) -> None:
    speaker = next(p for p in sheet_of(engine, text).positions if p.content.text.startswith("that")).speaker
    assert (speaker.text.lower().split()[0], speaker.actor, speaker.party) == ("the", actor, party)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The bill was criticised by archbishop Jorge Eduardo Scheinig. The archbishop said that prayer would help.", "Jorge Eduardo Scheinig"),
        ("Maria Lopez, an activist, joined the march on Sunday. The activist said that the law was unjust.", "Maria Lopez"),
        ("Lawyer Tom Brown filed the appeal. The lawyer told reporters that the court had erred.", "Tom Brown"),
    ],
)  # fmt: skip
def test_a_definite_description_is_the_person_described_so_before(engine: Engine, text: str, actor: str) -> None:
    speaker = next(p for p in sheet_of(engine, text).positions if p.content.text.startswith("that")).speaker
    assert (speaker.text.split()[0].lower(), speaker.actor, speaker.party) == ("the", actor, None)


@pytest.mark.parametrize(
    ("text", "actor", "party"),
    [
        ("According to Syrian state media, troops moved north. The army entered the town, according to state media.", "Syrian state media", "syria"),
        ("Iranian officials said the talks had failed. Officials said that new talks were planned.", "Iranian officials", "iran"),
    ],
)  # fmt: skip
def test_a_bare_plural_or_mass_noun_is_the_group_named_so_before(
    engine: Engine, text: str, actor: str, party: str
) -> None:
    position = sheet_of(engine, text).positions[-1]  # the second sentence's
    assert position.speaker.text.lower() in ("state media", "officials")
    assert (position.speaker.actor, position.speaker.party) == (actor, party)


def test_a_part_of_a_group_is_that_group_not_the_last_party_named(engine: Engine) -> None:
    sheet = engine.extract(
        Article(
            id="t",
            path="t.txt",
            text="British voters were angry. Some of the protesters said they had gone to defend their rights.",
            body_start=0,
            title="T",
        )
    )
    position = next(p for p in sheet.positions if "had gone" in p.content.text)
    assert position.speaker.party is None  # not the United Kingdom named before
    assert any("part of that group" in why for why in position.why)


def test_they_is_the_plural_subject_of_its_own_sentence_before_a_source_named_since(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "The stores were originally reluctant to impose limits, according to a report from ABC Australia on "
        "March 3 in which they said they had no plans to ration toilet paper.",
    )
    assert speaker_of(sheet, "no plans to ration").text == "they"
    assert speaker_of(sheet, "no plans to ration").actor is None and "stores" in " ".join(
        next(p.why for p in sheet.positions if "no plans" in p.content.text)
    )


def test_a_quantifier_standing_alone_is_part_of_the_group_named_before(engine: Engine) -> None:
    text = (
        "Chinese officials met on Monday. The number of delegates was large. Some said the talks had failed, "
        "while others wanted more time."
    )
    speaker = speaker_of(sheet_of(engine, text), "talks had failed")
    assert (speaker.text, speaker.party) == ("Some", "china")  # not "The number", nor a thing
    # nor the quantifier a later one could stand for
    speaker = speaker_of(sheet_of(engine, text + " Many said the delay was costly."), "delay was costly")
    assert speaker.party == "china"
    # a quantifier its own phrase describes is a group of its own
    text = "Chinese officials met on Monday. Others in the business community said the talks had failed."
    assert speaker_of(sheet_of(engine, text), "talks had failed").party is None


def test_a_demonstrative_subject_stands_for_something_said_and_says_nothing(engine: Engine) -> None:
    text = "The Chinese Foreign Ministry released figures on Monday. That showed the count rose by 93 percent."
    assert not any("count rose" in p.content.text for p in sheet_of(engine, text).positions)


def test_they_after_a_body_no_rule_names_is_that_body_not_a_nationality_describing_someone(engine: Engine) -> None:
    text = (
        "US singer Doris Day died on Monday. Day's animal foundation said she had been in excellent health. "
        "Day, they said, desired no memorials."
    )
    position = next(p for p in sheet_of(engine, text).positions if "no memorials" in p.content.text)
    assert position.speaker.party is None  # not the United States of "US singer"
    assert any("animal foundation" in why for why in position.why)


def test_a_thing_that_states_nothing_states_nothing_through_a_relative_pronoun(engine: Engine) -> None:
    text = "Iwasaki came across military records that showed a Japanese bomber had attacked the vessel."
    assert not sheet_of(engine, text).positions
    # a demonstrative with words of its own describes people: "those close to him"
    text = "Those close to Joe Biden say that he would have to consider the offer."
    position = next(p for p in sheet_of(engine, text).positions if "consider the offer" in p.content.text)
    assert position.speaker.actor is None and not any("pronoun" in why for why in position.why)
