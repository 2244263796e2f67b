"""The project's own Wikinews gold (benchmarks/gold/wikinews, wikinews-dev2, wikinews-dev3 and the held-out
wikinews-test) is well formed and attributed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_factsheet import ProblemLog, load_articles

GOLD = Path(__file__).resolve().parent.parent / "benchmarks" / "gold" / "wikinews"
GOLD_FILES = sorted(GOLD.glob("*.gold.yml"))
TEST_GOLD = GOLD.parent / "wikinews-test"
DEV2_GOLD = GOLD.parent / "wikinews-dev2"
DEV3_GOLD = GOLD.parent / "wikinews-dev3"


def test_the_gold_set_is_large_enough() -> None:
    required = [p for path in GOLD_FILES for p in yaml.safe_load(path.read_text(encoding="utf-8"))["positions"]]
    assert len(GOLD_FILES) >= 15
    assert len(required) >= 120


@pytest.mark.parametrize("folder", [GOLD, DEV2_GOLD, DEV3_GOLD, TEST_GOLD], ids=["dev", "dev2", "dev3", "test"])
def test_every_article_has_its_gold_and_its_attribution(folder: Path) -> None:
    log = ProblemLog()
    articles = load_articles([folder / "articles"], log)
    assert not log.problems
    gold_files = sorted(folder.glob("*.gold.yml"))
    assert (folder / "LICENSE.md").exists() and (folder / "README.md").exists()
    assert sorted(a.id for a in articles) == sorted(path.name.removesuffix(".gold.yml") for path in gold_files)
    for article in articles:
        assert article.source == "Wikinews" and article.url and article.url.startswith("https://en.wikinews.org/wiki/")
        assert article.metadata.get("license") == "CC BY 2.5", article.id
        assert article.date is not None, article.id


@pytest.mark.parametrize(
    "path",
    [
        *GOLD_FILES,
        *(path for folder in (DEV2_GOLD, DEV3_GOLD, TEST_GOLD) for path in sorted(folder.glob("*.gold.yml"))),
    ],
    ids=lambda path: path.name,
)
def test_gold_positions_quote_their_article_verbatim(path: Path) -> None:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (path.parent / "articles" / f"{gold['article']}.md").read_text(encoding="utf-8")
    assert isinstance(gold["positions"], list), "every gold article lists its required positions (maybe none)"
    for position in gold["positions"]:
        assert position["speaker"] and position["party"], position
        assert position["kind"] in ("direct", "reported"), position
    for position in gold["positions"] + (gold.get("optional_positions") or []):
        assert position["quote"] in text, position["quote"]
    parties = set(gold["parties"])
    assert {p["party"] for p in gold["positions"]} <= parties, "every speaker's party is listed"
