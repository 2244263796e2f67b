"""Office holders the rules know up to a date (`as_of`): after it, a role noun names the office, not the last
holder the data knew, and a name after the title takes the party whose office it is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.model import FactSheet
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree


@pytest.fixture(scope="module")
def world(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The world pack alone (the example's rules know the later secretaries of state)."""
    return Engine(pipeline, load_rules([tmp_path_factory.mktemp("rules")], ["world"]))


def sheet_of(engine: Engine, text: str, when: date | None = date(2020, 1, 8)) -> FactSheet:
    return engine.extract(Article(id="t", path="t.txt", text=text, body_start=0, title="T", date=when))


def speaker_of(sheet: FactSheet, words: str) -> tuple[str | None, str | None]:
    position = next(p for p in sheet.positions if words in p.content.text)
    return position.speaker.actor, position.speaker.party


def test_a_role_open_in_2014_data_is_not_held_in_2020_but_still_names_its_party(world: Engine) -> None:
    sheet = sheet_of(world, "The secretary of state said the talks had failed.")
    assert speaker_of(sheet, "talks had failed") == ("Secretary of State", "united-states")


def test_before_the_data_end_the_role_names_its_holder(world: Engine) -> None:
    sheet = sheet_of(world, "The secretary of state said the talks had failed.", date(2013, 6, 1))
    assert speaker_of(sheet, "talks had failed") == ("John Kerry", "united-states")


def test_a_name_after_an_office_only_one_party_has_acts_for_that_party(world: Engine) -> None:
    sheet = sheet_of(world, "Secretary of State Mike Pompeo said the talks had failed.")
    assert speaker_of(sheet, "talks had failed") == ("Mike Pompeo", "united-states")


def test_the_office_alone_is_the_one_holder_the_article_names(world: Engine) -> None:
    text = (
        "Bolton often had disagreements with Mike Pompeo who is the secretary of state. "
        "Pompeo told the press the policy would not change. The secretary of state said the talks had failed."
    )
    sheet = sheet_of(world, text)
    assert speaker_of(sheet, "policy would not change") == ("Mike Pompeo", "united-states")
    assert speaker_of(sheet, "talks had failed") == ("Mike Pompeo", "united-states")


def test_a_surname_after_one_of_the_members_titles_is_that_member_whatever_the_story(world: Engine) -> None:
    """ "President Obama" is the pack's Barack Obama (and "Mr. Obama" after it), not a title of the story's
    country: a story about North Korea, named most, does not make him North Korean."""
    text = (
        "North Korea tested a missile on Friday. North Korea said the test was a success, and North Korea "
        "promised more. President Obama said the test was provocative. Mr. Obama said that sanctions would follow."
    )
    sheet = sheet_of(world, text, date(2016, 9, 10))
    assert speaker_of(sheet, "provocative") == ("Barack Obama", "united-states")
    assert speaker_of(sheet, "sanctions would follow") == ("Barack Obama", "united-states")


def test_a_sites_own_party_can_state_how_current_its_roles_are(pipeline: Pipeline, tmp_path: Path) -> None:
    rules = write_tree(
        tmp_path / "rules",
        {
            "parties/utopia.yml": (
                "id: utopia\nname: Utopia\nas_of: 2018-05-01\n"
                "members:\n  - name: Ada Quill\n    roles: [{title: Chancellor, from: 2015-01-01}]\n"
            )
        },
    )
    engine = Engine(pipeline, load_rules([rules], ["core"]))
    before = sheet_of(engine, "The Chancellor said the budget was fair.", date(2018, 1, 1))
    after = sheet_of(engine, "The Chancellor said the budget was fair.", date(2019, 1, 1))
    assert speaker_of(before, "budget was fair") == ("Ada Quill", "utopia")
    assert speaker_of(after, "budget was fair") == ("Chancellor", "utopia")


def test_a_pack_member_who_left_before_the_article_is_not_its_party_now(world: Engine) -> None:
    text = "Ian Campbell, a costumer at a Toronto convention, said the costume was very warm."
    assert speaker_of(sheet_of(world, text, date(2019, 9, 1)), "very warm") == ("Ian Campbell", None)
    # in office (the pack: 2004 to 2007), the name is the minister's
    assert speaker_of(sheet_of(world, text, date(2006, 1, 1)), "very warm") == ("Ian Campbell", "australia")
