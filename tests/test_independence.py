"""People who speak for no party: former office holders, commentators, people at a workplace (nlp/independence.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree
from .test_affiliation import headlined, sheet_of, speaker_of


def reasons_of(engine: Engine, text: str, words: str) -> str:
    position = next(p for p in sheet_of(engine, text).positions if words in p.content.text)
    return " ".join(position.why)


@pytest.mark.parametrize(
    ("text", "words", "actor"),
    [
        ("Former prime minister John Major said the suspension was unlawful.", "suspension", "John Major"),
        (
            "Haifa University geostrategy expert and former Israeli security official, Avinoam Idan, said the new "
            "supply would not change the market.",
            "new supply",
            "Avinoam Idan",
        ),
        (
            "Retired FBI agent and terrorism specialist Ali Soufan told NPR that Hamza had appeared in videos.",
            "appeared in videos",
            "Ali Soufan",
        ),
        (
            "Dr. Tom Frieden, formerly the director of the United States CDC, said the pandemic was unprecedented.",
            "unprecedented",
            "Tom Frieden",
        ),
    ],
)
def test_a_former_office_holder_speaks_for_no_party(engine: Engine, text: str, words: str, actor: str) -> None:
    assert speaker_of(sheet_of(engine, text), words) == (actor, None)
    assert "held no longer" in reasons_of(engine, text, words)


@pytest.mark.parametrize(
    ("text", "words", "actor"),
    [
        (
            "Northwestern University public health expert Wendy Parmet said the name could stigmatise people.",
            "stigmatise",
            "Wendy Parmet",
        ),
        ("Steve Peers of the University of Essex said the ruling raised questions.", "raised questions", "Steve Peers"),
        (
            "Alex Lagakos, deputy director of the Greek Energy Forum, said the project had a geopolitical significance.",
            "geopolitical significance",
            "Alex Lagakos",
        ),
        (
            "A report was published by a team from University College London (UCL). "
            '"We now know there is water," said UCL astronomer Angelos Tsiaras.',
            "there is water",
            "Angelos Tsiaras",
        ),
        (
            '"Warm water cuts into the shelf from below," said study co-author Ted Scambos of CU Boulder\'s '
            "Cooperative Institute for Research in Environmental Sciences (CIRES).",
            "cuts into the shelf",
            "Ted Scambos",
        ),
    ],
)
def test_a_commentator_or_someone_at_a_workplace_speaks_for_no_party(
    engine: Engine, text: str, words: str, actor: str
) -> None:
    assert speaker_of(sheet_of(engine, text), words) == (actor, None)


def test_the_head_or_the_voice_of_a_workplace_speaks_for_it(engine: Engine) -> None:
    text = "Wayne Frederick, president of Howard University, wrote that the university mourned his loss."
    assert speaker_of(sheet_of(engine, text), "mourned his loss") == (
        "Wayne Frederick",
        "provisional-howard-university",
    )
    text = "Harvard University spokesman Jason Newton said the visit had been cancelled."
    assert speaker_of(sheet_of(engine, text), "cancelled") == ("Jason Newton", "provisional-harvard-university")


def test_a_pronoun_for_a_former_office_holder_carries_no_party(engine: Engine) -> None:
    text = (
        "Former prime minister Tony Abbott said the law was a licence for late-term abortions. "
        "He said the vote had been rushed."
    )
    sheet = headlined(engine, "Australian state decriminalises abortion", text)
    assert speaker_of(sheet, "vote had been rushed") == ("Tony Abbott", None)


def test_a_party_of_the_rules_beside_a_commentator_stays_theirs(engine: Engine) -> None:
    text = "World Health Organization epidemiologist Maria Van Kerkhove said that the virus could be contained."
    assert speaker_of(sheet_of(engine, text), "could be contained") == (
        "Maria Van Kerkhove",
        "world-health-organization",
    )
    text = "A Chinese expert, Zhang Wei, said that the virus could be contained."  # a nationality is no party's voice
    assert speaker_of(sheet_of(engine, text), "could be contained") == ("Zhang Wei", None)


def test_an_office_held_now_beats_one_held_before(engine: Engine) -> None:
    text = (
        "Taro Kono, Japan's foreign minister, said the talks would continue. "
        "Kono, a former defence minister, said the islands were Japanese."
    )
    sheet = sheet_of(engine, text)
    assert speaker_of(sheet, "talks would continue") == ("Taro Kono", "japan")
    assert speaker_of(sheet, "islands were Japanese") == ("Taro Kono", "japan")


def test_a_past_that_is_no_office_or_beside_an_office_held_now_keeps_the_party(engine: Engine) -> None:
    text = "Ukrainian President Volodymyr Zelensky, a former comedian, said the talks would continue."
    assert speaker_of(sheet_of(engine, text), "talks would continue") == ("Volodymyr Zelensky", "ukraine")
    text = "Japanese Prime Minister Shinzo Abe, a former foreign minister, said the islands were Japanese."
    assert speaker_of(sheet_of(engine, text), "islands were Japanese") == ("Shinzo Abe", "japan")


def test_a_sites_rules_add_commentator_titles_workplaces_and_their_leaders(pipeline: Pipeline, tmp_path: Path) -> None:
    agents = "independent:\n  titles: [pollster]\n  workplaces: [observatory]\n  leaders: [director]\n"
    rules = write_tree(tmp_path, {"agents/commentators.yml": agents})
    engine = Engine(pipeline, load_rules([rules], ["world"]))
    text = "Gallup Analytics pollster Jane Whitfield said the race was tied."
    assert speaker_of(sheet_of(engine, text), "race was tied") == ("Jane Whitfield", None)
    text = "Tom Marsh of the Kew Observatory said the storm would pass."
    assert speaker_of(sheet_of(engine, text), "storm would pass") == ("Tom Marsh", None)
    text = "Dana Hill, director of the Kew Observatory, said the storm would pass."
    assert speaker_of(sheet_of(engine, text), "storm would pass") == ("Dana Hill", "provisional-kew-observatory")


def test_researchers_at_a_university_and_a_person_from_a_country_speak_for_no_party(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Researchers at Penn State University in the U.S. said the coating works. "
        '"It was a dream come true," said Eliud Kipchoge from Kenya.',
    )
    assert speaker_of(sheet, "coating works") == (None, None)
    assert speaker_of(sheet, "dream come true") == ("Eliud Kipchoge", None)
