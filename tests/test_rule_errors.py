"""Every kind of mistake in a rule file is reported with file, line, column and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_factsheet.cli import main
from mkdocs_factsheet.problems import RuleError
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree

GOOD_PARTY = "id: utopia\nname: Utopia\naliases: [Utopian Republic]\n"

# (name, files, expected file, line, column, words the message must contain)
MISTAKES = [
    (
        "yaml syntax",
        {"parties/utopia.yml": "id: utopia\nname: [Utopia\n"},
        "parties/utopia.yml",
        3,
        1,
        "YAML syntax error",
    ),
    (
        "unknown key, did you mean",
        {"parties/utopia.yml": "id: utopia\nname: Utopia\nalises: [U]\n"},
        "parties/utopia.yml",
        3,
        1,
        "did you mean 'aliases'",
    ),
    ("wrong type", {"parties/utopia.yml": "id: utopia\nname: 12\n"}, "parties/utopia.yml", 2, 7, "expected text"),
    ("missing key", {"parties/utopia.yml": "name: Utopia\n"}, "parties/utopia.yml", 1, 1, "required key 'id'"),
    ("bad id", {"parties/Utopia Land.yml": "id: Utopia Land\nname: Utopia\n"}, "parties/Utopia Land.yml", 1, 5, "id"),
    (
        "invalid spaCy pattern",
        {"issues/tax.yml": "id: tax\ntitle: Tax\npatterns:\n  - [{LOWER: {IN: abc}}]\n"},
        "issues/tax.yml",
        4,
        14,
        "invalid token pattern",
    ),
    (
        "unknown pattern attribute",
        {"issues/tax.yml": "id: tax\ntitle: Tax\npatterns:\n  - [{LOWR: tax}]\n"},
        "issues/tax.yml",
        4,
        7,
        "invalid token pattern",
    ),
    (
        "duplicate key",
        {"parties/utopia.yml": "id: utopia\nname: Utopia\nname: Other\n"},
        "parties/utopia.yml",
        3,
        1,
        "appears twice",
    ),
    (
        "reversed dates",
        {
            "parties/utopia.yml": GOOD_PARTY
            + "members:\n  - name: Ann Lee\n    roles:\n      - {title: Mayor, from: 2020-01-01, until: 2019-01-01}\n"
        },
        "parties/utopia.yml",
        7,
        9,
        "before `from`",
    ),
    (
        "bad date",
        {"parties/utopia.yml": GOOD_PARTY + "members:\n  - name: Ann Lee\n    from: 2021-13-45\n"},
        "parties/utopia.yml",
        6,
        11,
        "YYYY-MM-DD",
    ),
    (
        "dangling parent",
        {"issues/tax.yml": "id: tax\ntitle: Tax\nparent: economy\n"},
        "issues/tax.yml",
        3,
        9,
        "parent issue 'economy' does not exist",
    ),
    (
        "a party's country that is no country",
        {
            "parties/utopia.yml": GOOD_PARTY,
            "parties/unity.yml": "id: unity\nname: Unity Party\nkind: organisation\ncountry: utopa\n",
        },
        "parties/unity.yml",
        4,
        10,
        "country 'utopa' of party 'unity' is no country's id",
    ),
    (
        "parent loop",
        {"issues/a.yml": "id: a\ntitle: A\nparent: b\n", "issues/b.yml": "id: b\ntitle: B\nparent: a\n"},
        "issues/a.yml",
        3,
        9,
        "parent loop",
    ),
    (
        "duplicate alias",
        {
            "parties/utopia.yml": GOOD_PARTY,
            "parties/erewhon.yml": "id: erewhon\nname: Erewhon\naliases: [Utopian Republic]\n",
        },
        "parties/utopia.yml",
        3,
        11,
        "already names party 'erewhon'",
    ),
    (
        "member of two parties",
        {
            "parties/utopia.yml": GOOD_PARTY + "members: [{name: Ann Lee}]\n",
            "parties/erewhon.yml": "id: erewhon\nname: Erewhon\nmembers: [{name: Ann Lee}]\n",
        },
        "parties/utopia.yml",
        4,
        18,
        "also a member of party 'erewhon'",
    ),
    (
        "id differs from file name",
        {"parties/utopia.yml": "id: erewhon\nname: Utopia\n"},
        "parties/utopia.yml",
        1,
        5,
        "differs from the file name",
    ),
    (
        "YAML 1.1 boolean is not a number",
        {"parties/utopia.yml": GOOD_PARTY + "priority: yes\n"},
        "parties/utopia.yml",
        4,
        11,
        "expected a whole number",
    ),
    (
        "a number past Python's int-conversion limit",
        {"parties/utopia.yml": GOOD_PARTY + "priority: " + "9" * 5000 + "\n"},
        "parties/utopia.yml",
        4,
        11,
        "5,000 digits is too long",
    ),
    (
        "unknown case policy",
        {"parties/utopia.yml": "id: utopia\nname: Utopia\naliases: [{text: UT, case: upper}]\n"},
        "parties/utopia.yml",
        3,
        28,
        "'auto', 'exact' or 'ignore'",
    ),
    (
        "example names unknown party",
        {"parties/utopia.yml": GOOD_PARTY + "examples:\n  - text: Utopian Republic said no.\n    parties: [utopa]\n"},
        "parties/utopia.yml",
        5,
        None,
        "did you mean 'utopia'",
    ),
    ("file outside rule folders", {"utopia.yml": GOOD_PARTY}, "utopia.yml", None, None, "not in a rule folder"),
    (
        "several documents",
        {"parties/utopia.yml": GOOD_PARTY + "---\nid: other\n"},
        "parties/utopia.yml",
        5,
        1,
        "several YAML documents",
    ),
    ("empty file", {"parties/utopia.yml": "# nothing yet\n"}, "parties/utopia.yml", 1, 1, "empty"),
    (
        "list instead of mapping",
        {"parties/utopia.yml": "- id: utopia\n"},
        "parties/utopia.yml",
        1,
        1,
        "must be a mapping",
    ),
    (
        "cue with unknown stance",
        {"cues/mine.yml": "cues:\n  - {lemma: grumble, stance: grumpy}\n"},
        "cues/mine.yml",
        2,
        None,
        "unknown stance 'grumpy'",
    ),
    (
        "YAML tag",
        {"parties/utopia.yml": "id: utopia\nname: !!python/name:os.system\n"},
        "parties/utopia.yml",
        2,
        7,
        "tag",
    ),
    (
        "alias that is not text",
        {"parties/utopia.yml": "id: utopia\nname: Utopia\naliases: [[a, b]]\n"},
        "parties/utopia.yml",
        3,
        11,
        "expected text",
    ),
    (
        "duplicate id across files",
        {"parties/more/utopia.yml": "id: utopia\nname: Utopia Two\n", "parties/utopia.yml": GOOD_PARTY},
        "parties/utopia.yml",
        1,
        5,
        "is already defined in",
    ),
    (
        "YAML anchor and alias",
        {"parties/utopia.yml": "id: utopia\nname: &n Utopia\naliases: [*n]\n"},
        "parties/utopia.yml",
        2,
        7,
        "anchors and aliases",
    ),
    ("id with a path in it", {"issues/tax.yml": "id: ../../tax\ntitle: Tax\n"}, "issues/tax.yml", 1, 5, "id"),
    (
        "tab indentation",
        {"parties/utopia.yml": "id: utopia\nname: Utopia\naliases:\n\t- U\n"},
        "parties/utopia.yml",
        4,
        1,
        "YAML syntax error",
    ),
    (
        "empty token pattern",
        {"issues/tax.yml": "id: tax\ntitle: Tax\npatterns:\n  - []\n"},
        "issues/tax.yml",
        4,
        5,
        "empty token pattern",
    ),
]


@pytest.mark.parametrize("name, files, path, line, column, words", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_located(
    tmp_path: Path, name: str, files: dict[str, str], path: str, line: int | None, column: int | None, words: str
) -> None:
    rules = write_tree(tmp_path / "rules", files)
    with pytest.raises(RuleError) as caught:
        load_rules([rules])
    problems = [p for p in caught.value.problems if p.path == str(rules / path)]
    assert problems, f"no problem reported for {path}: {caught.value}"
    matching = [p for p in problems if words in str(p)]
    assert matching, f"{words!r} not in {[str(p) for p in problems]}"
    problem = matching[0]
    assert (problem.line, problem.column) == (line, column), str(problem)
    assert problem.hint, "every problem says what to do"


def test_several_mistakes_are_reported_at_once(tmp_path: Path) -> None:
    rules = write_tree(
        tmp_path / "rules",
        {
            "parties/utopia.yml": "id: utopia\nname: 12\nalises: []\n",
            "issues/tax.yml": "id: tax\ntitle: Tax\nparent: nowhere\n",
        },
    )
    with pytest.raises(RuleError) as caught:
        load_rules([rules])
    assert len(caught.value.problems) == 3
    text = str(caught.value)
    assert "utopia.yml:2:7" in text and "utopia.yml:3:1" in text and "tax.yml:3:9" in text


def test_an_unknown_key_that_looks_like_a_type_tag_is_still_named(tmp_path: Path) -> None:
    """Found by the fuzz test: pydantic's locations hold type tags with brackets; a key "-[" is none."""
    rules = write_tree(tmp_path / "rules", {"parties/x.yml": "-[:\n"})
    with pytest.raises(RuleError) as caught:
        load_rules([rules])
    assert "x.yml:1:1: unknown key '-['" in str(caught.value)


def test_yaml_11_words_stay_words(tmp_path: Path) -> None:
    """`NO` (Norway), `on`, `yes` are text, and unquoted dates are parsed only where a date belongs."""
    rules = write_tree(
        tmp_path / "rules",
        {
            "parties/norway.yml": "id: norway\nname: Norway\naliases: [NO, Oslo]\nmembers:\n  - name: Ann Lee\n    from: 2020-01-01\n    aliases: [on, yes]\n",
        },
    )
    party = load_rules([rules]).parties["norway"]
    assert [a for a in party.aliases] == ["NO", "Oslo"]
    assert party.members[0].aliases == ["on", "yes"]
    assert party.members[0].from_.isoformat() == "2020-01-01"


def test_user_rule_replaces_pack_rule(tmp_path: Path) -> None:
    rules = write_tree(tmp_path / "rules", {"parties/china.yml": "id: china\nname: China\naliases: [Middle Kingdom]\n"})
    loaded = load_rules([rules], ["world"])
    assert loaded.parties["china"].aliases == ["Middle Kingdom"]
    assert loaded.source_of("party", "china").pack is None
    assert loaded.source_of("party", "france").pack == "world"


def test_unknown_pack_is_reported(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="unknown rule pack 'galaxy'"):
        load_rules([write_tree(tmp_path / "rules", {"parties/utopia.yml": GOOD_PARTY})], ["galaxy"])


def test_check_command_reports_file_and_line(tmp_path: Path) -> None:
    rules = write_tree(tmp_path / "rules", {"parties/utopia.yml": "id: utopia\nname: Utopia\nalises: [U]\n"})
    result = CliRunner().invoke(main, ["check", "--rules", str(rules), "--model", "blank"])
    assert result.exit_code == 1
    assert f"{rules / 'parties/utopia.yml'}:3:1: unknown key 'alises'" in result.output


def test_messages_name_no_pydantic_internals_and_list_the_keys_where_they_stand(tmp_path):
    text = (
        "id: utopia\nname: Utopia\nmembers:\n  - name: Jane Roe\n    roles:\n      - ''\n"
        "      - {title: Queen, form: 2020-01-01}\n      - {titel: King}\n"
    )
    folder = tmp_path / "rules"
    (folder / "parties").mkdir(parents=True)
    (folder / "parties" / "utopia.yml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rules([folder], with_core=False)
    shown = [str(p).replace(str(folder) + "/", "") for p in error.value.problems]
    assert shown == [
        "parties/utopia.yml:6:9: members[0].roles[0]: expected text (not empty), got '' "
        "(see `mkdocs-factsheet schema` for the allowed form)",
        "parties/utopia.yml:7:24: unknown key 'form' in members[0].roles[1] "
        "(did you mean 'from'? the keys of a role: title, from, until)",
        "parties/utopia.yml:8:9: required key 'title' is missing in members[0].roles[2] (add `title: ...`)",
        "parties/utopia.yml:8:10: unknown key 'titel' in members[0].roles[2] "
        "(did you mean 'title'? the keys of a role: title, from, until)",
    ]
