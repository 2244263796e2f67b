"""Broken rules, continued: examples that fail are reported with file:line:column like every other mistake."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_factsheet.checking import check_examples
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules

from .conftest import write_tree

FAILING = [
    (
        "party example not found",
        "parties/utopia.yml",
        "id: utopia\nname: Utopia\nexamples:\n  - text: Nothing to see here.\n",
        4,
        5,
        "expected party 'utopia'",
    ),
    (
        "issue example not found",
        "issues/tax.yml",
        "id: tax\ntitle: Tax\nkeywords: [tax]\nexamples:\n  - text: Tax talks.\n  - text: Still nothing.\n    issues: [tax]\n",
        6,
        5,
        "expected issue 'tax'",
    ),
    (
        "counter-example found",
        "parties/utopia.yml",
        "id: utopia\nname: Utopia\ncounter_examples:\n  - Nothing.\n  - Utopia said so.\n",
        5,
        5,
        "party 'utopia' was found",
    ),
    (
        "example naming a provisional party by its id",
        "parties/utopia.yml",
        "id: utopia\nname: Utopia\nexamples:\n  - text: Utopia said so.\n"
        "  - text: Acme said so.\n    positions: [{speaker: Acme, party: provisional-acme}]\n",
        5,
        5,
        "names 'provisional-acme' by its id",
    ),
]


@pytest.mark.parametrize("name, path, text, line, column, words", FAILING, ids=[f[0] for f in FAILING])
def test_failing_example_is_located(
    tmp_path: Path, blank_pipeline: Pipeline, name: str, path: str, text: str, line: int, column: int, words: str
) -> None:
    rules = write_tree(tmp_path / "rules", {path: text})
    failures = check_examples(Engine(blank_pipeline, load_rules([rules])))
    messages = [str(f) for f in failures]
    located = [m for m in messages if m.startswith(f"{rules / path}:{line}:{column}: ") and words in m]
    assert located, messages
    assert re.search(r"text: '.*'", located[0]), "the message quotes the example's text"
