"""Collisions and shadowing between rules: every case in tests/fixtures/collisions is reported with both
locations and the winner (a warning, or the loader's error), and `check --strict` fails on it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from mkdocs_factsheet.caching.rule_layers import PackLayers, RuleLayerCache
from mkdocs_factsheet.cli import main
from mkdocs_factsheet.problems import Problem, RuleError
from mkdocs_factsheet.rules import load_rules

CASES = Path(__file__).parent / "fixtures" / "collisions"
_PACKS: PackLayers = {}  # the world pack read once for every case


def _problems(case: Path) -> tuple[list[Problem], dict]:
    expect = yaml.safe_load((case / "expect.yml").read_text())
    layers = RuleLayerCache(None, "test", _PACKS)
    try:
        problems = load_rules([case / "rules"], expect["packs"], layers=layers).warnings
    except RuleError as error:
        problems = error.problems
    return problems, expect


def _shown(problem: Problem, case: Path) -> str:
    return f"{problem.severity}: {problem.location.replace(str(case / 'rules') + '/', '')}: {problem.message}"


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir()))
def test_collision_reported_with_both_places_and_the_winner(name: str) -> None:
    case = CASES / name
    problems, expect = _problems(case)
    shown = [_shown(p, case) for p in problems]
    assert len(shown) == len(expect["expect"]), "\n".join(shown)
    for wanted in expect["expect"]:
        severity = "error" if wanted["wins"].startswith("error: ") else "warning"
        winner = wanted["wins"].removeprefix("error: ")
        matches = [
            s
            for s in shown
            if s.startswith(f"{severity}: {wanted['at']}:")
            and wanted["other"] in s.replace(str(case / "rules") + "/", "")
            and winner in s
        ]
        assert matches, f"{wanted} not in:\n" + "\n".join(shown)


def test_there_are_at_least_twenty_reported_cases() -> None:
    reported = [p for p in CASES.iterdir() if yaml.safe_load((p / "expect.yml").read_text())["expect"]]
    assert len(reported) >= 20


def test_check_strict_fails_on_a_collision() -> None:
    rules = str(CASES / "issue-keyword-vs-issue-alias" / "rules")
    relaxed = CliRunner().invoke(main, ["check", "--rules", rules])
    strict = CliRunner().invoke(main, ["check", "--rules", rules, "--strict"])
    assert relaxed.exit_code == 0, relaxed.output
    assert "warning: " in relaxed.output and "wins" in relaxed.output
    assert strict.exit_code == 1


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir()))
def test_the_packs_index_finds_the_same_collisions_as_reading_every_phrase(name: str) -> None:
    """`find_collisions` skips a pack's rules none of whose phrases the site's share: same warnings as without."""
    from mkdocs_factsheet.rules.collisions import find_collisions

    expect = yaml.safe_load((CASES / name / "expect.yml").read_text())
    try:
        rules = load_rules([CASES / name / "rules"], expect["packs"], layers=RuleLayerCache(None, "test", _PACKS))
    except RuleError:
        pytest.skip("the loader's error, not a collision")

    def locate(kind: str, rule_id: str, path: tuple) -> tuple[str, int | None, int | None]:
        return (f"{kind}:{rule_id}:{path}", None, None)

    assert find_collisions(rules, locate, {}) == find_collisions(rules, locate, None)
