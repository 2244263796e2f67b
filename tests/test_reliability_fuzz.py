"""More property-based tests (see also test_fuzz.py and test_security_names.py): article *files* with
hostile front matter go through the reader and the engine, and generated rule files that load are
applied to articles built from their own names. Nothing but the documented errors escapes, and
every span in the output slices the article text to the reported text.

Examples per run (bounded for the 2-core CI): 50 + 40 + 30 here.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_factsheet.articles import read_article
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.problems import ProblemLog, RuleError
from mkdocs_factsheet.rules import load_rules

from .test_fuzz import TEXT, walk_spans

QUOTES = "\"'“”‘’«»„‹›`"
NAMEISH = st.one_of(
    st.sampled_from(
        ["Utopia", "Erewhon", "Ann Lee", "the Council", "Río Grande", "北京", "Zoë", "O'Brien", "“Quoted”"]
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=15),
    st.text(alphabet=QUOTES + "ab -", min_size=1, max_size=8),
)
FRONT_VALUE = st.one_of(
    NAMEISH,
    st.integers(),
    st.booleans(),
    st.none(),
    st.lists(NAMEISH, max_size=3),
    st.sampled_from(["2021-02-05", "2021-13-45", "javascript:alert(1)", "https://example.org/x", "<script>"]),
)
FRONT_MATTER = st.dictionaries(
    st.sampled_from(["title", "date", "source", "url", "id", "tags", "<b>"]), FRONT_VALUE, max_size=5
)
NESTED_QUOTES = st.recursive(
    st.lists(
        st.sampled_from(["China", "said", "Utopia", "Ann Lee", "he", "told", "Taiwan", ",", "."]),
        min_size=1,
        max_size=6,
    ).map(" ".join),
    lambda inner: (
        st.tuples(
            st.sampled_from(["“", '"', "‘", "«", "'"]), inner, st.sampled_from(["”", '"', "’", "»", "'", ""])
        ).map("".join)
        | st.lists(inner, min_size=1, max_size=3).map(" said ".join)
    ),
    max_leaves=8,
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(front=FRONT_MATTER, raw_front=st.one_of(st.none(), st.text(max_size=60)), body=st.one_of(TEXT, NESTED_QUOTES))
def test_article_files_through_reader_and_engine(
    tmp_path_factory: pytest.TempPathFactory, engine: Engine, front: dict[str, Any], raw_front: str | None, body: str
) -> None:
    header = raw_front if raw_front is not None else yaml.safe_dump(front, allow_unicode=True)
    path = tmp_path_factory.mktemp("article") / "a.md"
    path.write_text(f"---\n{header}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
    log = ProblemLog()
    article = read_article(path, log)
    if article is None:
        assert log.errors
        return
    assert isinstance(article.title, str) and article.body.endswith(article.text[article.body_start :])
    assert len(article.body) == len(article.text) - article.analysis_start  # offsets stay the file's
    if article.title_span:
        start, end = article.title_span
        assert article.text[start:end] == article.title
    if not article.body.strip():
        return
    sheet = engine.extract(article)
    walk_spans(sheet.to_dict(include_sentences=True), article.text)


def _party(name: str, aliases: list[str], members: list[str]) -> dict[str, Any]:
    return {"id": "utopia", "name": name, "aliases": aliases, "members": [{"name": m} for m in members]}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=NAMEISH,
    aliases=st.lists(NAMEISH, max_size=3),
    members=st.lists(NAMEISH, max_size=2),
    keywords=st.lists(NAMEISH, max_size=3),
    filler=NESTED_QUOTES,
)
def test_generated_rules_that_load_run_on_their_own_names(
    tmp_path_factory: pytest.TempPathFactory,
    pipeline: Pipeline,
    name: str,
    aliases: list[str],
    members: list[str],
    keywords: list[str],
    filler: str,
) -> None:
    rules = tmp_path_factory.mktemp("rules")
    (rules / "parties").mkdir()
    (rules / "issues").mkdir()
    (rules / "parties" / "utopia.yml").write_text(
        yaml.safe_dump(_party(name, aliases, members), allow_unicode=True), encoding="utf-8"
    )
    (rules / "issues" / "topic.yml").write_text(
        yaml.safe_dump({"id": "topic", "title": "Topic", "keywords": keywords}, allow_unicode=True), encoding="utf-8"
    )
    try:
        loaded = load_rules([rules])
    except RuleError as error:
        assert all(p.message and p.path for p in error.problems)
        return
    from mkdocs_factsheet.articles import Article

    words = [name, *aliases, *members, *keywords]
    text = f"{name} said: “{filler}”. " + " and ".join(words) + f" told {filler}."
    sheet = Engine(pipeline, loaded).extract(Article("fuzz", "fuzz.txt", text, 0, ""))
    walk_spans(sheet.to_dict(include_sentences=True), text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    junk=st.lists(
        st.sampled_from(list("-:[]{}&*!|>'\"#%@`\t\n ,?") + ["id", "name", "a", "1", "&a", "*a", "<<"]), max_size=60
    ).map("".join)
)
def test_yaml_punctuation_soup_only_raises_rule_errors(tmp_path_factory: pytest.TempPathFactory, junk: str) -> None:
    rules = tmp_path_factory.mktemp("rules")
    (rules / "parties").mkdir()
    (rules / "parties" / "x.yml").write_text(junk, encoding="utf-8")
    try:
        load_rules([rules])
    except RuleError as error:
        assert all(p.message for p in error.problems)


def test_fuzz_helpers_check_what_they_claim() -> None:
    """The offset check is not vacuous: a span that does not slice the text fails it."""
    with pytest.raises(AssertionError):
        walk_spans({"x": [{"text": "abc", "start": 1, "end": 4}]}, "abcd")
    walk_spans({"x": [{"text": "bcd", "start": 1, "end": 4}]}, "abcd")
