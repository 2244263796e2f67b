"""docs/guide/tutorial.md performed on a copy of the example site: its files written, its commands run.

The copy keeps the example's configuration, rules and pages, and the three articles the tutorial reads
(so its build parses three articles, not all of them).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_factsheet.cli import main

from .plugin_helpers import ROOT, SEED, Site, build, visible_text

TUTORIAL = ROOT / "docs" / "guide" / "tutorial.md"
HONG_KONG = "seeds/wikinews/2019-09-06-hong-kong-leader-announces-withdrawal-of-extradition-bill.md"
INFECTIONS = "seeds/wikinews/2020-04-05-sars-cov-2-surpasses-one-million-infections-worldwide.md"


def tutorial_files() -> dict[str, str]:
    """The YAML blocks of the tutorial that start with the file they go in (`# rules/…`)."""
    blocks = re.findall(r"```yaml\n(# (rules/\S+)\n.*?)```", TUTORIAL.read_text(encoding="utf-8"), re.S)
    return {path: text for text, path in blocks}


def commands() -> list[list[str]]:
    """The tutorial's `$ mkdocs-factsheet …` commands, as arguments."""
    lines = re.findall(r"^\$ mkdocs-factsheet (.+)$", TUTORIAL.read_text(encoding="utf-8"), re.M)
    return [line.split() for line in lines]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "example"
    copy.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    for folder in ("docs", "rules"):
        shutil.copytree(ROOT / folder, copy / folder)
    for article in (HONG_KONG, INFECTIONS, f"seeds/{SEED.name}"):
        (copy / article).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / article, copy / article)
    monkeypatch.chdir(copy)
    return copy


def run(arguments: list[str]) -> str:
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_tutorial_adds_an_issue_and_a_party(site: Path) -> None:
    report, check, explain = commands()
    assert report[0] == "report" and check == ["check"] and explain[0] == "explain"
    assert "add the party 'Johns Hopkins University'?" in run(report)
    files = tutorial_files()
    assert sorted(files) == ["rules/issues/extradition.yml", "rules/parties/johns-hopkins-university.yml"]
    for path, text in files.items():
        (site / path).write_text(text, encoding="utf-8")
    assert re.search(r"\d+ rule files valid; \d+ examples pass\.", run(check))
    explained = run(explain)
    assert re.search(r"'extradite' @\d+-\d+ → extradition: keyword 'extradite'", explained)
    lost = explained.split("## Matches that lost")[1]
    assert "issue 'extradition' by keyword 'extradition'" in lost and "the longer match (2 tokens over 1)" in lost
    build(Site(site), strict=True)  # `mkdocs build --strict`
    issue = visible_text((site / "site" / "briefings" / "issues" / "extradition" / "index.html").read_text())
    party = (site / "site" / "briefings" / "parties" / "johns-hopkins-university" / "index.html").read_text()
    assert "Extradition" in issue and "Johns Hopkins University" in visible_text(party)
