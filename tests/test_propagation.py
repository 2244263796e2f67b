"""Affiliations carried across the site (engine/propagation.py): what one article says of a person, the others use."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.cli import main
from mkdocs_factsheet.engine import Engine, propagate
from mkdocs_factsheet.model import FactSheet, Position
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree
from .plugin_helpers import RULES, Site, build, plugin_of, section, unescape, visible_text

KONO_STATED = (
    "Japanese Foreign Minister Taro Kono met his South Korean counterpart in Bangkok on Friday. "
    "Kono said the talks had been difficult."
)
KONO_NAMED = "Taro Kono arrived in Seoul on Monday. Kono said the export controls would stay in place."


def article(article_id: str, text: str, when: date | None = None) -> Article:
    return Article(id=article_id, path=f"{article_id}.txt", text=text, body_start=0, title=article_id, date=when)


def sheets_of(engine: Engine, texts: dict[str, str], when: date = date(2019, 8, 5)) -> list[FactSheet]:
    return [engine.extract(article(article_id, text, when)) for article_id, text in texts.items()]


def position_of(sheet: FactSheet, words: str) -> Position:
    return next(p for p in sheet.positions if words in p.content.text)


def test_a_person_affiliated_in_one_article_is_affiliated_in_another(engine: Engine) -> None:
    made = sheets_of(engine, {"kono-bangkok": KONO_STATED, "kono-seoul": KONO_NAMED})
    before = position_of(made[1], "export controls")
    assert (before.speaker.actor, before.speaker.party) == ("Taro Kono", None)  # the article does not say

    stated, named = propagate(made, engine.rules)
    position = position_of(named, "export controls")
    assert (position.speaker.actor, position.speaker.party) == ("Taro Kono", "japan")
    assert "in article 'kono-bangkok'" in position.why[-1]
    assert "Japanese Foreign Minister Taro Kono met his South Korean counterpart" in position.why[-1]
    [affiliation] = position.affiliations
    assert (affiliation.party, affiliation.article) == ("japan", "kono-bangkok")
    assert affiliation.sentence.text.startswith("Japanese Foreign Minister Taro Kono")
    assert KONO_STATED[affiliation.sentence.start : affiliation.sentence.end] == affiliation.sentence.text
    # the party page of the second article lists him, and he is no longer an unassigned name
    japan = named.party("japan")
    assert japan is not None
    [kono] = [actor for actor in japan.actors if actor.name == "Taro Kono"]
    assert kono.affiliations == [affiliation] and "kono-bangkok" in kono.why[0]
    assert [span.text for span in kono.spans] == ["Taro Kono", "Kono"]
    assert all(KONO_NAMED[span.start : span.end] == span.text for span in japan.spans)
    assert "Taro Kono" not in [actor.name for actor in named.unassigned_actors]
    # the article that says it is left as it was, and nothing was changed in place (sheets may be the cache's)
    assert stated is made[0]
    assert position_of(made[1], "export controls").speaker.party is None and made[1].party("japan") is None
    assert FactSheet.from_dict(named.to_dict(include_sentences=True)) == named


def test_conflicting_affiliations_are_shown_as_such_and_an_articles_own_text_wins(engine: Engine) -> None:
    texts = {
        "martin-paris": "French spokesman Jean Martin met reporters in Paris. Martin said the plan was sound.",
        "martin-brussels": "Belgian spokesman Jean Martin met reporters in Brussels on Tuesday.",
        "martin-budget": "Jean Martin said the budget would be balanced next year.",
    }
    paris, _, budget = propagate(sheets_of(engine, texts), engine.rules)
    own = position_of(paris, "plan was sound")
    assert own.speaker.party == "france" and own.affiliations == []  # its own text beats the other article
    position = position_of(budget, "budget would be balanced")
    assert (position.speaker.actor, position.speaker.party) == ("Jean Martin", None)
    assert [(a.party, a.article) for a in position.affiliations] == [
        ("france", "martin-paris"),
        ("belgium", "martin-brussels"),
    ]
    assert "france in article 'martin-paris', belgium in article 'martin-brussels'" in position.why[-1]
    assert budget.party("france") is None and budget.party("belgium") is None
    assert "Jean Martin" in [actor.name for actor in budget.unassigned_actors]


def test_a_bare_surname_is_affiliated_only_where_the_article_names_the_person(engine: Engine) -> None:
    texts = {"kono-bangkok": KONO_STATED, "surname-only": "Kono said the export controls would stay in place."}
    _, alone = propagate(sheets_of(engine, texts), engine.rules)
    position = position_of(alone, "export controls")
    assert position.speaker.party is None and position.affiliations == []


def test_a_surname_alone_with_the_same_party_is_named_in_full_from_another_article(engine: Engine) -> None:
    """ "Japanese Foreign Minister Kono" gives Japan, never the full name; the site's one Kono of Japan is Taro
    Kono, on the position and on the party page (merged with him where the article lists him)."""
    surname_only = "Japanese Foreign Minister Kono said on Monday that the export controls would stay in place."
    made = sheets_of(engine, {"kono-bangkok": KONO_STATED, "kono-tokyo": surname_only})
    before = position_of(made[1], "export controls")
    assert (before.speaker.actor, before.speaker.party) == ("Kono", "japan")
    _, tokyo = propagate(made, engine.rules)
    position = position_of(tokyo, "export controls")
    assert (position.speaker.actor, position.speaker.party) == ("Taro Kono", "japan")
    assert "Kono is Taro Kono" in position.why[-1] and "kono-bangkok" in position.why[-1]
    japan = tokyo.party("japan")
    assert japan is not None and [a.name for a in japan.actors if "Kono" in a.name] == ["Taro Kono"]
    # another party's Kono, or a second Kono of the site, is left as the article names them
    other = "Kenyan Foreign Minister Kono said on Monday that the export controls would stay in place."
    _, nairobi = propagate(sheets_of(engine, {"kono-bangkok": KONO_STATED, "kono-nairobi": other}), engine.rules)
    assert position_of(nairobi, "export controls").speaker.actor == "Kono"


def test_a_rule_member_keeps_the_rules_party(pipeline: Pipeline) -> None:
    """The world pack has Jens Stoltenberg as Norway's from 2000: in office for any later article, so an article
    that calls him NATO's Secretary-General changes only its own sheet."""
    engine = Engine(pipeline, load_rules([], ["world"]))
    stated = "NATO Secretary-General Jens Stoltenberg said the alliance would respond."
    made = [
        engine.extract(article("nato", stated, date(2019, 10, 10))),
        engine.extract(article("oslo", "Jens Stoltenberg said the budget would be balanced.", date(2019, 10, 12))),
    ]
    nato, oslo = propagate(made, engine.rules)
    assert position_of(nato, "alliance would respond").speaker.party == "nato"
    position = position_of(oslo, "budget would be balanced")
    assert (position.speaker.actor, position.speaker.party) == ("Jens Stoltenberg", "norway")
    assert position.affiliations == [] and oslo is made[1]


def test_a_rule_member_the_story_leaves_without_a_party_takes_the_one_another_article_states(
    pipeline: Pipeline,
) -> None:
    """The world pack has Joe Biden as the United States' vice president; "former" leaves him no party's voice in a
    story of 2020, so the party another article states is carried (the pack's name match is no text of its own)."""
    engine = Engine(pipeline, load_rules([], ["world"]))
    made = [
        engine.extract(
            article("debate", "Democratic rival Joe Biden said the debate should be virtual.", date(2020, 10, 9))
        ),
        engine.extract(
            article(
                "transition",
                "Former US Vice President Joe Biden won the election. Biden said the delay was dangerous.",
                date(2020, 11, 24),
            )
        ),
    ]
    assert position_of(made[1], "delay was dangerous").speaker.party is None
    _, transition = propagate(made, engine.rules)
    position = position_of(transition, "delay was dangerous")
    assert (position.speaker.actor, position.speaker.party) == ("Joe Biden", "democratic-party")
    assert "in article 'debate'" in position.why[-1]


def test_nothing_to_carry_leaves_every_sheet(engine: Engine) -> None:
    made = sheets_of(engine, {"seoul": KONO_NAMED})
    assert propagate(made, engine.rules) == made and propagate(made, engine.rules)[0] is made[0]


def test_the_party_page_shows_the_propagated_speaker_and_the_cache_keeps_each_article_alone(tmp_path: Path) -> None:
    site = Site(tmp_path / "project")
    site.write("seeds/kono-bangkok.md", f"---\ntitle: Kono in Bangkok\ndate: 2019-08-02\n---\n{KONO_STATED}\n")
    site.write("seeds/kono-seoul.md", f"---\ntitle: Kono in Seoul\ndate: 2019-08-05\n---\n{KONO_NAMED}\n")
    shutil.copytree(RULES, site.root / "rules")
    site.write("docs/index.md", "# Home\n")
    options = {"cache_dir": str(tmp_path / "cache"), "packs": ["world"]}
    site.config = {"site_name": "Across", "plugins": [{"factsheet": options}]}
    site.write_config()
    plugin = plugin_of(build(site))
    page = site.page("briefings/parties/japan.md")
    actors = visible_text(section(page, "actors"))
    assert "Taro Kono" in actors and "Kono in Seoul" in actors and "Kono in Bangkok" in actors
    positions = unescape(section(page, "positions"))
    assert "the export controls would stay in place" in positions
    assert "Party from" in positions and "kono-bangkok" in positions and "#s-2" in positions  # s-1: its headline
    # the cached sheet of the second article holds only what its own text says: without the first, no party
    (site.root / "seeds" / "kono-bangkok.md").unlink()
    parses = plugin.engine.parse_count
    sheet = plugin_of(build(site)).briefing.by_id["kono-seoul"]
    assert plugin.engine.parse_count == parses  # read back from the cache, not made again
    position = position_of(sheet, "export controls")
    assert position.speaker.party is None and position.affiliations == [] and sheet.party("japan") is None


def test_extract_on_the_command_line_carries_affiliations_across_its_articles(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a-bangkok.txt": KONO_STATED + "\n", "b-seoul.txt": KONO_NAMED + "\n"})
    result = CliRunner().invoke(main, ["extract", "--rules", str(RULES), "--pack", "world", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    seoul = json.loads(result.stdout)[1]
    [position] = [p for p in seoul["positions"] if "export controls" in p["content"]["text"]]
    assert position["speaker"]["party"] == "japan"
    assert [(a["party"], a["article"]) for a in position["affiliations"]] == [("japan", "a-bangkok")]


def test_a_party_only_the_story_country_gives_is_not_carried_to_other_articles(engine: Engine) -> None:
    at_home = Article(
        id="warsaw",
        path="warsaw.txt",
        text="Polish minister resigns. Spokesperson Anna Weber said the minister would leave on Friday.",
        body_start=25,
        title="Polish minister resigns",
        date=date(2019, 5, 15),
    )
    elsewhere = article("rome", "Anna Weber said the talks in Rome had failed.", date(2019, 5, 20))
    stated, named = propagate([engine.extract(at_home), engine.extract(elsewhere)], engine.rules)
    assert position_of(stated, "would leave").speaker.party == "poland"  # a guess for the Polish story
    assert position_of(named, "talks in Rome").speaker.party is None  # not what the other article says of her
