"""Keywords in long form: `exact: true` matches one form only; a keyword's own `excludes` drop it inside a phrase."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.checking import check_examples
from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules

from .conftest import ROOT, write_tree

GUIDE = ROOT / "docs" / "guide" / "rules.md"


def documented_keywords() -> str:
    """The guide's example of keywords in long form, with its examples and counter-examples."""
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    return next(block for block in blocks if block.startswith("keywords:\n  - {text: hacking, exact: true}"))


def engine_with(pipeline: Pipeline, root: Path, issue: str) -> Engine:
    write_tree(root, {"issues/labour.yml": f"id: labour\ntitle: Labour\n{issue}"})
    return Engine(pipeline, load_rules([root]))


def found(engine: Engine, text: str) -> list[str]:
    sheet = engine.extract(Article("t", "t.txt", text, 0, "", None, None))
    return [mention.text for issue in sheet.issues for mention in issue.mentions]


def test_the_guides_example_passes_check(pipeline: Pipeline, tmp_path: Path) -> None:
    engine = engine_with(pipeline, tmp_path, documented_keywords())
    assert len([e for e in engine.rules.examples if e.rule_id == "labour"]) == 6
    assert [str(failure) for failure in check_examples(engine)] == []


def test_without_the_long_form_the_counter_examples_fail(pipeline: Pipeline, tmp_path: Path) -> None:
    """The guide's counter-examples are real: plain keywords fire on each of them."""
    plain = re.sub(r"\{text: (\w+)[^}]*\}", r"\1", documented_keywords())
    failures = check_examples(engine_with(pipeline, tmp_path, plain))
    assert len(failures) == 3 and all("issue 'labour' was found" in f.message for f in failures)
    assert {f.entry.example.text for f in failures} == {
        "He called the commentator a partisan hack.",
        "The coach said the team did a good job.",
        "The rebels were waging war in the north.",
    }


def test_an_exclusion_drops_only_its_own_keyword_there(pipeline: Pipeline, tmp_path: Path) -> None:
    engine = engine_with(pipeline, tmp_path, "keywords:\n  - {text: job, excludes: [good job]}\n  - good\n")
    assert found(engine, "They did a good job, and the jobs report was strong.") == ["good", "jobs"]
    assert found(engine, "They did a GOOD JOB.") == ["GOOD"]


def test_exact_keywords_ignore_letter_case_only(pipeline: Pipeline, tmp_path: Path) -> None:
    engine = engine_with(pipeline, tmp_path, "keywords:\n  - {text: hacking, exact: true}\n")
    assert found(engine, "Hacking was rife; the hackers hacked, and a hack wrote on hacking.") == ["Hacking", "hacking"]


def test_a_wrong_key_in_a_keyword_is_located(tmp_path: Path) -> None:
    write_tree(tmp_path, {"issues/labour.yml": "id: labour\ntitle: Labour\nkeywords:\n  - {text: job, exact: yes}\n"})
    try:
        load_rules([tmp_path])
    except Exception as error:  # noqa: BLE001 - any located error will do; the message is checked
        message = str(getattr(error, "problems", [error])[0])
    else:
        raise AssertionError("no error")
    assert "labour.yml:4:" in message, message
