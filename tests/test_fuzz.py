"""Property-based tests: generated rule files and articles never raise anything but documented errors,
and every reported offset slices the article to the reported text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_factsheet.articles import Article, read_article
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.problems import ProblemLog, RuleError
from mkdocs_factsheet.rules import load_rules

from .conftest import RULES

QUOTES = "\"'“”‘’«»„`"
WORDS = [
    "China",
    "US",
    "Blinken",
    "said",
    "told",
    "he",
    "she",
    "Yang",
    "human",
    "rights",
    "Taiwan",
    "the",
    "secretary",
    "of",
    "state",
    "“",
    "”",
    '"',
    "'s",
    "’s",
    ",",
    ".",
    ":",
    "\n\n",
    "\n",
    "according",
    "to",
    "warned",
    "that",
    "Beijing",
    "will",
    "not",
    "<script>",
    "{{",
    "}}",
    "[x](javascript:alert(1))",
    "—",
]
TEXT = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.text(alphabet=QUOTES + "ab \n.,", max_size=80),
)
SCALAR = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.booleans(),
    st.none(),
    st.sampled_from(["NO", "on", "2021-01-01", "2021-13-45"]),
)
KEYS = st.sampled_from(
    [
        "id",
        "name",
        "title",
        "aliases",
        "members",
        "roles",
        "keywords",
        "patterns",
        "parent",
        "from",
        "until",
        "case",
        "text",
        "surname",
        "examples",
        "priority",
        "kind",
        "LOWER",
        "ORTH",
        "IN",
    ]
)
YAML_VALUE = st.recursive(
    SCALAR, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=12
)


def _yaml(value: Any) -> str:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True)


def walk_spans(node: Any, text: str) -> None:
    if isinstance(node, dict):
        if {"text", "start", "end"} <= node.keys():
            assert text[node["start"] : node["end"]] == node["text"]
        for value in node.values():
            walk_spans(value, text)
    elif isinstance(node, list):
        for value in node:
            walk_spans(value, text)


@pytest.fixture(scope="module")
def fuzz_engine(engine: Engine) -> Engine:
    return engine


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_engine_never_crashes_and_offsets_slice(fuzz_engine: Engine, text: str) -> None:
    if not text.strip():
        return
    sheet = fuzz_engine.extract(Article("fuzz", "fuzz.txt", text, 0, ""))
    walk_spans(sheet.to_dict(include_sentences=True), text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")), markdown=st.booleans())
def test_article_reader_reports_instead_of_raising(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes, markdown: bool
) -> None:
    folder = tmp_path_factory.mktemp("articles")
    path = folder / ("a.md" if markdown else "a.txt")
    path.write_bytes((b"---\n" if markdown else b"") + raw)
    log = ProblemLog()
    article = read_article(path, log)
    if article is None:
        assert log.errors
    else:
        assert article.text[article.body_start :] == article.body


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=YAML_VALUE,
    folder=st.sampled_from(["parties", "issues", "agents", "cues"]),
    raw=st.booleans(),
    junk=st.text(max_size=40),
)
def test_rule_loader_only_raises_rule_errors(
    tmp_path_factory: pytest.TempPathFactory, value: Any, folder: str, raw: bool, junk: str
) -> None:
    rules = tmp_path_factory.mktemp("rules")
    (rules / folder).mkdir()
    (rules / folder / "x.yml").write_text(junk if raw else _yaml(value), encoding="utf-8")
    try:
        load_rules([rules])
    except RuleError as error:
        assert all(problem.message for problem in error.problems)


def test_shipped_rules_load(tmp_path: Path) -> None:
    assert load_rules([RULES], ["world"]).parties
