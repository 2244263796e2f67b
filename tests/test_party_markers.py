"""Party markers declared in rules: "Sen. Elizabeth Warren (D-Mass.)" acts for the party marked D (nlp/party_markers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.engine import Caches, Engine, Progress
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.problems import RuleError
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree
from .test_affiliation import sheet_of, speaker_of


def test_a_marker_affiliates_the_name_and_its_later_mentions(engine: Engine) -> None:
    sheet = sheet_of(
        engine,
        "Sen. Elizabeth Warren (D-Mass.) said the bill would fail. "
        "Warren added that the banks had written it themselves.",
    )
    assert speaker_of(sheet, "bill would fail") == ("Elizabeth Warren", "democratic-party")
    assert speaker_of(sheet, "banks had written") == ("Elizabeth Warren", "democratic-party")
    democrats = next(p for p in sheet.parties if p.id == "democratic-party")
    warren = next(a for a in democrats.actors if a.name == "Elizabeth Warren")
    assert any("party marker '(D-Mass.)'" in reason for reason in warren.why)


@pytest.mark.parametrize(
    ("text", "words", "actor", "party"),
    [
        (
            "Rep. G.K. Butterfield (D-N.C.) said the voting rights bill would pass the House.",
            "voting rights bill",
            "G.K. Butterfield",
            "democratic-party",
        ),
        (
            "Sen. Ted Cruz (R-Texas) said the treaty was dead on arrival.",
            "treaty was dead",
            "Ted Cruz",
            "republican-party",
        ),
        (
            '"This is a fight we will win," said Sen. Lindsey Graham (R., S.C.), who chairs the committee.',
            "fight we will win",
            "Lindsey Graham",
            "republican-party",
        ),
        (
            "Bernie Sanders (I-Vt.) said the plan did not go far enough.",
            "did not go far enough",
            "Bernie Sanders",
            "independents",
        ),
    ],
)
def test_each_marker_form_names_its_party(engine: Engine, text: str, words: str, actor: str, party: str) -> None:
    assert speaker_of(sheet_of(engine, text), words) == (actor, party)


def test_brackets_that_are_no_marker_affiliate_nobody(engine: Engine) -> None:
    sheet = sheet_of(engine, "Anna Smith (I think she was the mayor) said the bridge would open in May.")
    assert speaker_of(sheet, "bridge would open")[1] is None


def test_a_name_the_rules_resolve_keeps_the_rules_party(engine: Engine) -> None:
    """Chuck Schumer is a member of `united-states` in the example rules: the site's own rules win."""
    sheet = sheet_of(engine, "Sen. Chuck Schumer (D-N.Y.) said the vote would be held on Friday.")
    assert speaker_of(sheet, "vote would be held") == ("Chuck Schumer", "united-states")


LEFT = "id: utopia-left\nname: Utopia Left Party\nkind: organisation\n"


@pytest.mark.parametrize(
    ("marker", "line", "column", "words"),
    [
        ("D-Mass.", 4, 11, "without the state"),
        ('"(D)"', 4, 11, "leave out the brackets"),
        ("D Mass", 4, 11, "one word"),
        ("1", 4, 11, "expected text"),
    ],
)
def test_a_bad_marker_is_reported_where_it_is(tmp_path: Path, marker: str, line: int, column: int, words: str) -> None:
    rules = write_tree(tmp_path, {"parties/utopia-left.yml": LEFT + f"markers: [{marker}]\n"})
    with pytest.raises(RuleError) as caught:
        load_rules([rules])
    problem = caught.value.problems[0]
    assert (Path(problem.path).name, problem.line, problem.column) == ("utopia-left.yml", line, column)
    assert words in problem.message + problem.hint


def test_a_marker_two_parties_share_is_reported(tmp_path: Path) -> None:
    rules = write_tree(
        tmp_path,
        {
            "parties/utopia-left.yml": LEFT + "markers: [L]\n",
            "parties/utopia-liberals.yml": "id: utopia-liberals\nname: Utopia Liberals\nmarkers: [Lib, L.]\n",
        },
    )
    with pytest.raises(RuleError) as caught:
        load_rules([rules])
    problem = caught.value.problems[0]
    assert (Path(problem.path).name, problem.line, problem.column) == ("utopia-liberals.yml", 3, 16)
    assert "already stands for party 'utopia-left'" in problem.message


def test_a_marker_edit_reaches_the_cached_sheets(pipeline: Pipeline, tmp_path: Path) -> None:
    """Adding or removing a marker re-analyses the articles it can change, and only those."""
    rules = write_tree(tmp_path / "rules", {"parties/utopia-left.yml": LEFT})
    path = rules / "parties" / "utopia-left.yml"
    articles = [
        Article(
            id="a", path="a.txt", text="Rep. Ann Lee (L-Ocean) said the budget would pass.", body_start=0, title="A"
        ),
        Article(id="b", path="b.txt", text="The mayor said the bridge would open in May.", body_start=0, title="B"),
    ]
    caches = Caches(tmp_path / "cache")
    parties, reused = [], []
    for text in (LEFT, LEFT + "markers: [L]\n", LEFT + "description: no marker now\n"):
        path.write_text(text, encoding="utf-8")
        engine = Engine(pipeline, load_rules([rules]), caches)
        progress: list[Progress] = []
        sheets = list(engine.extract_all(articles, progress=progress.append))
        assert sheets == [Engine(pipeline, engine.rules).extract(article) for article in articles]
        parties.append(sheets[0].positions[0].speaker.party)
        reused.append(progress[-1].reused)
    assert parties == [None, "utopia-left", None]
    assert reused == [0, 1, 1]  # the article without a marker is carried over each time
