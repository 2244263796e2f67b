"""Pathological token patterns: `check` flags several unbounded wildcards; matching stays within a budget.

`[{OP: "*"} ×4, {LOWER: the}]` made spaCy's Matcher run for minutes at gigabytes on one article
(67 s for 100 tokens here). Rules are trusted, but a silent hang is not a diagnosis.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_factsheet import Engine
from mkdocs_factsheet.articles import load_articles
from mkdocs_factsheet.cli import main
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.problems import ProblemLog, RuleWarning
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree

WILD = "id: the-thing\ntitle: The thing\npatterns:\n  - [" + '{OP: "*"}, ' * 4 + "{LOWER: the}]\n"
TAME = "id: tax\ntitle: Tax\npatterns:\n  - [{LOWER: tax}, {OP: '*'}, {LOWER: cut}]\n"


def test_check_flags_a_pattern_with_several_unbounded_wildcards(tmp_path: Path) -> None:
    rules = write_tree(tmp_path / "rules", {"issues/the-thing.yml": WILD, "issues/tax.yml": TAME})
    result = CliRunner().invoke(main, ["check", "--rules", str(rules), "--model", "blank"])
    assert result.exit_code == 1
    assert f"warning: {rules / 'issues/the-thing.yml'}:4:5: token pattern with 4 unbounded wildcards" in result.stderr
    assert "tax.yml" not in result.stderr


def test_matching_a_pathological_pattern_stays_within_its_budget(tmp_path: Path, blank_pipeline: Pipeline) -> None:
    rules = write_tree(tmp_path / "rules", {"issues/the-thing.yml": WILD})
    articles = write_tree(tmp_path / "articles", {"long.txt": "Long\n\n" + "the cat sat on " * 100 + "the end.\n"})
    engine = Engine(blank_pipeline, load_rules([rules]))
    [article] = load_articles([articles], ProblemLog())
    began = time.perf_counter()
    with pytest.warns(RuleWarning, match=r"issues/the-thing\.yml:1: pattern 1 of 'the-thing' .* over its matching"):
        engine.extract(article)
    assert time.perf_counter() - began < 30  # unbounded: minutes at gigabytes
