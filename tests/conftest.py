"""Shared fixtures: the spaCy pipeline is loaded once per test session (it takes seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_factsheet.engine import Engine
from mkdocs_factsheet.nlp.pipeline import Pipeline, load_pipeline
from mkdocs_factsheet.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
SHARED = ROOT.parent / "shared"
SEED_ARTICLE = SEEDS / "000_5792435e0273b1b7.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return load_pipeline()


@pytest.fixture(scope="session")
def blank_pipeline() -> Pipeline:
    return load_pipeline("blank")


@pytest.fixture(scope="session")
def engine(pipeline: Pipeline) -> Engine:
    """The example site's rules with the world pack, on the default pipeline."""
    return Engine(pipeline, load_rules([RULES], ["world"]))


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Create files (relative path → text) under `root`; return `root`."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
