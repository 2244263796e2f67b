"""The evaluation command (benchmarks/evaluate.py): its readers and scorers, and short real runs.

Runs that need the gold data in ../shared skip with a message when that folder is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from mkdocs_factsheet.engine import Caches, Engine
from mkdocs_factsheet.nlp.pipeline import Pipeline
from mkdocs_factsheet.rules import load_rules

from .conftest import ROOT, SEEDS, SHARED

GOLD_SHEETS = SHARED / "eval" / "dev"
POLNEAR = SHARED / "eval" / "polnear"


@pytest.fixture(scope="module")
def evaluate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("factsheet_evaluate", ROOT / "benchmarks" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


def test_without_the_shared_folder_it_skips_with_a_message(
    evaluate: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluate.main(["--shared", str(tmp_path / "absent"), "--sets", "seed", "--no-speed"]) == 0
    captured = capsys.readouterr()
    assert "skipped" in captured.err
    assert "PolNeAR dev: not found" in captured.out and "Gold fact sheets" not in captured.out


def test_brat_reader(evaluate: ModuleType, tmp_path: Path) -> None:
    ann = tmp_path / "a_0001.ann"
    ann.write_text(
        "T1\tSource 0 5\tYang,\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 12 20;30 40\tpart one | part two\n"
        "continued text of a content line\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tCue 50 55\tasked\n"
        "T6\tContent 56 60\tthis\n"
        "T7\tAttribution-no-source 50 55\tasked\n"
        "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
        "T8\tDiscuss 0 40\tignored\n"
        "#1\tAnnotatorNotes T3\ta note\n",
        encoding="utf-8",
    )
    first, second = evaluate.read_brat(ann)
    assert (first.content, first.cue, first.source) == ([(12, 20), (30, 40)], [(6, 10)], [(0, 5)])
    assert (second.content, second.source) == ([(56, 60)], None)


def test_one_annotator_file_per_article(evaluate: ModuleType, tmp_path: Path) -> None:
    split = tmp_path / "eval" / "polnear" / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "story.txt").write_text("Title\n\nText.", encoding="utf-8")
    for annotator in ("ef2d", "4b22", "6b86"):
        (split / "attributions" / f"story_{annotator}.ann").write_text("", encoding="utf-8")
    [(text, ann)] = evaluate.polnear_files(tmp_path, "dev")
    assert (text.name, ann.name) == ("story.txt", "story_4b22.ann")


def test_scores_match_one_to_one_and_need_the_source_for_attribution(evaluate: ModuleType) -> None:
    text = "Yang said the talks were good. Blinken said they were frank."
    gold = [
        evaluate.GoldAttribution([(10, 29)], [(5, 9)], [(0, 4)]),
        evaluate.GoldAttribution([(44, 61)], [(39, 43)], [(31, 38)]),
    ]
    predicted = [
        evaluate.Predicted(evaluate.word_chars(text, [(10, 29)]), evaluate.word_chars(text, [(0, 4)]), set(), True),
        evaluate.Predicted(
            evaluate.word_chars(text, [(14, 29)]), evaluate.word_chars(text, [(0, 4)]), set(), True
        ),  # duplicate
        evaluate.Predicted(
            evaluate.word_chars(text, [(44, 61)]), evaluate.word_chars(text, [(0, 4)]), set(), True
        ),  # wrong source
    ]
    report = evaluate.PolnearReport("test")
    evaluate.score_article(report, "system", text, predicted, gold, [True, True])
    overlap = report.scores["content overlap — speech cues"]["system"]
    exact = report.scores["content exact — speech cues"]["system"]
    attribution = report.scores["attribution — speech cues"]["system"]
    assert (overlap.tp_pred, overlap.pred, overlap.tp_gold, overlap.gold) == (2, 3, 2, 2)
    assert (exact.tp_pred, exact.tp_gold) == (2, 2)
    assert (attribution.tp_pred, attribution.tp_gold) == (1, 1)


def test_speaker_names_compare_without_a_leading_article_or_a_middle_initial(evaluate: ModuleType) -> None:
    assert evaluate.name_key("John R. Bolton") == evaluate.name_key("John Bolton")
    assert evaluate.name_key("The New York Times") == evaluate.name_key("New York Times")
    assert evaluate.name_key("John Bolton") != evaluate.name_key("John Boltons")


@pytest.mark.skipif(
    not GOLD_SHEETS.is_dir(), reason=f"gold fact sheets not found at {GOLD_SHEETS} (../shared is absent)"
)
def test_seed_gold_evaluation(evaluate: ModuleType, engine: Engine) -> None:
    report = evaluate.evaluate_gold(engine, SHARED / "eval" / "dev", SEEDS)
    assert report.articles >= 1
    positions = report.scores["positions (statements)"]["system"]
    assert positions.recall == 1.0, report.missed
    assert positions.precision >= 0.9, report.extra
    assert report.wrong_speakers["system"] == []
    for what in ("parties", "actors", "issues"):
        assert report.scores[what]["system"].gold > 0


@pytest.mark.skipif(not (POLNEAR / "dev").is_dir(), reason=f"PolNeAR not found at {POLNEAR} (../shared is absent)")
def test_polnear_on_a_few_files(evaluate: ModuleType, pipeline: Pipeline, engine: Engine, tmp_path: Path) -> None:
    small = Engine(pipeline, engine.rules, Caches(tmp_path / "cache"))
    report = evaluate.evaluate_polnear(small, SHARED, "dev", limit=3, processes=1)
    assert report.articles == 3 and report.gold > 0 and report.gold_speech > 0
    for metric in ("content overlap — speech cues", "attribution — all cues"):
        for system in ("system", "baseline: quotes", "baseline: nsubj+ccomp"):
            score = report.scores[metric][system]
            assert 0.0 <= score.f1 <= 1.0 and score.gold > 0
    assert report.scores["content overlap — speech cues"]["system"].f1 > 0.5


def test_wikinews_gold_with_the_built_in_packs_only(
    evaluate: ModuleType, pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Who speaks for whom on news nobody wrote rules for (the project's own CC BY gold): a floor under the
    figures of 2026-12-06 (position F1 0.590, right party for 68 % of the gold positions), so they only rise."""
    engine = Engine(pipeline, load_rules([tmp_path_factory.mktemp("no-rules")], ["world"]))
    report = evaluate.evaluate_gold(engine, evaluate.WIKINEWS_GOLD, evaluate.WIKINEWS_GOLD / "articles")
    positions = report.scores["positions (statements)"]["system"]
    assert positions.f1 >= 0.57, (report.missed, report.extra)
    assert report.found["party"] / report.found["gold"] >= 0.65
