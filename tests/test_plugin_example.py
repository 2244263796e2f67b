"""The example site of the repository builds with `mkdocs build --strict` and with `properdocs build`.

Both run as the commands users type, on a copy of the site (so nothing is written into the work
tree), one after the other so the second reuses the parse cache of the first.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

from .plugin_helpers import ROOT, SEED_ID, broken_links, run_cli, section, visible_text


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("example") / "site-project"
    copy.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    for folder in ("docs", "seeds", "rules"):
        shutil.copytree(ROOT / folder, copy / folder)
    return copy


@pytest.fixture(scope="module")
def built(example: Path) -> Path:
    """The example site built with `mkdocs build --strict`, as the README says."""
    result = run_cli(["-m", "mkdocs", "build", "--strict", "--site-dir", "site-mkdocs"], cwd=example)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return example / "site-mkdocs"


def test_mkdocs_build_strict_builds_the_example_site(example: Path, built: Path):
    site = built
    assert broken_links(site) == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<!-- factsheet" not in home and "briefings/issues/" in home  # the matrix marker was expanded
    held_back = [
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if "<!--mkdocs-factsheet-html:" in p.read_text(encoding="utf-8")
    ]
    assert held_back == []  # every HTML block held back from Markdown was put in place
    briefing = visible_text((site / "briefing-taiwan" / "index.html").read_text(encoding="utf-8"))
    assert "Taiwan" in briefing and "unknown" not in briefing
    assert (site / "briefings" / "articles" / SEED_ID / "index.html").is_file()
    assert (site / "factsheets.json").is_file()
    assert not list((example / "docs").rglob("briefings"))  # nothing generated into docs_dir


def test_the_overview_opens_with_a_summary_and_key_positions(built: Path):
    page = (built / "briefings" / "index.html").read_text(encoding="utf-8")
    shown = visible_text(page)
    summary = shown.index("Most active parties:")
    assert summary < shown.index("Most discussed issues:") < shown.index("Key positions") < shown.index("Who said what")
    assert re.search(r"1[2-9] articles, .* from 2019-\d\d-\d\d to 2021-02-06", shown)
    assert "United States (" in shown[summary:] and "COVID-19 (" in shown[summary:]
    key = re.search(r'<ul class="factsheet-key-positions">(.*?)</ul>', page, re.S)
    assert key and key.group(1).count("<li>") >= 3 and "<q " in key.group(1)
    assert "Yang Jiechi" in key.group(1) and "Warn / threaten" in key.group(1)  # speaker and stance
    home = (built / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'class="nav-link[^"]*"[^>]*>\s*([^<]*?)\s*<', home)
    assert "Home" in nav and "Briefings: China and the US" not in nav  # the site's name is the brand, once


def test_issue_and_party_pages_summarise_then_list(built: Path):
    issue = (built / "briefings" / "issues" / "covid-19" / "index.html").read_text(encoding="utf-8")
    shown = visible_text(issue)
    assert shown.index("Most active parties:") < shown.index("Key positions") < shown.index("Over time")
    assert "At a glance" not in shown and "factsheet-matrix" not in issue  # a one-row matrix added nothing
    svg = re.search(r'<svg class="factsheet-svg".*?</svg>', issue, re.S)
    assert svg
    marks = re.findall(r'class="factsheet-mark ', svg.group(0))
    dates = set(re.findall(r"<title>[^<]*?(\d{4}-\d\d-\d\d)", svg.group(0)))
    assert len(marks) >= 10 and len(dates) >= 5, (len(marks), dates)
    party = (built / "briefings" / "parties" / "united-states" / "index.html").read_text(encoding="utf-8")
    shown = visible_text(party)
    assert shown.index("Most discussed issues:") < shown.index("Key positions") < shown.index("Actors")
    assert shown.index("Key positions") < shown.index("What changed") < shown.index("Actors")
    quote = "The United States will continue to stand up for human rights"
    assert section(party, "positions").count(quote) == 1  # one row per position, its five issues in a column


def test_properdocs_builds_the_example_site(example: Path):
    if importlib.util.find_spec("properdocs") is None:
        pytest.skip("properdocs is not installed (pip install properdocs properdocs-theme-mkdocs)")
    if not _has_properdocs_mkdocs_theme():
        pytest.skip(
            "the example site uses the `mkdocs` theme, which ProperDocs ships separately: "
            "pip install properdocs-theme-mkdocs"
        )
    result = run_cli(
        ["-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", "site-properdocs"], cwd=example
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = example / "site-properdocs"
    assert (site / "briefings" / "issues" / "taiwan" / "index.html").is_file()
    assert broken_links(site) == []


def _has_properdocs_mkdocs_theme() -> bool:
    from importlib.metadata import entry_points

    return any(ep.name == "mkdocs" for ep in entry_points(group="properdocs.themes"))


def _sheets(built: Path) -> list[dict]:
    return json.loads((built / "factsheets.json").read_text(encoding="utf-8"))


def test_the_people_index_lists_every_speaker_and_each_person_every_position(built: Path):
    sheets = _sheets(built)
    positions = [(sheet, p) for sheet in sheets for p in sheet["positions"]]
    index = (built / "briefings" / "people" / "index.html").read_text(encoding="utf-8")
    shown = visible_text(index)
    named: dict[str, int] = {}
    for _, position in positions:
        speaker = position["speaker"]
        if speaker["actor"]:
            named[speaker["actor"]] = named.get(speaker["actor"], 0) + 1
        else:  # described, not named: listed by its words under "Other speakers" (letter case aside)
            others = shown[shown.index("Other speakers") :].casefold()
            assert " ".join(speaker["text"].split()).casefold() in others, speaker["text"]
    assert {"Joshua Wong", "Kristian Andersen", "Carrie Lam", "Antony Blinken"} <= set(named)
    for name, count in named.items():
        link = re.search(rf'<a href="([^"]+)">{re.escape(html.escape(name, quote=False))}</a>', index)
        assert link, f"{name} is not linked from the people index"
        page = (built / "briefings" / "people" / link.group(1) / "index.html").resolve().read_text(encoding="utf-8")
        rows = section(page, "positions").count("<tr>") - 1
        assert rows == count, (name, rows, count)
        assert section(page, "positions").count("/#s-") >= count  # each position links to its sentence
    assert "Beijing Gender Health Education Institute (not in the rules)" in shown  # a provisional party's speaker
    unplaced = {a["name"] for sheet in sheets for a in sheet["unassigned_actors"] if a["label"] == "PERSON"}
    assert "Mike DeWine" in unplaced
    for name in unplaced:  # people the language model found and no rule covers: listed too
        assert " ".join(name.split()).casefold() in shown.casefold(), name
    wong = (built / "briefings" / "people" / "joshua-wong" / "index.html").read_text(encoding="utf-8")
    assert "No rule and no article says whom they act for" in visible_text(wong)
    overview = (built / "briefings" / "index.html").read_text(encoding="utf-8")
    assert 'href="people/carrie-lam/"' in overview and 'href="people/"' in overview
    party = (built / "briefings" / "parties" / "united-states" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../people/antony-blinken/"' in section(party, "actors")


def test_the_overview_ranks_parties_by_mentions_and_puts_those_in_passing_on_one_line(built: Path):
    sheets = _sheets(built)
    mentions: dict[str, int] = {}
    for sheet in sheets:
        for party in sheet["parties"]:
            mentions[party["id"]] = mentions.get(party["id"], 0) + party["mentions"]
    speaking = {p["speaker"]["party"] for sheet in sheets for p in sheet["positions"]}
    overview = (built / "briefings" / "index.html").read_text(encoding="utf-8")
    parties = section(overview, "parties")
    counts = [int(n) for n in re.findall(r"</a>(?: <span[^>]*>[^<]*</span>)?</td><td>(\d+)</td>", parties)]
    assert len(counts) >= 10 and counts == sorted(counts, reverse=True)
    also = re.search(r"Also mentioned, in passing \(([^)]*)\):</span>(.*?)</p>", parties, re.S)
    assert also and "no position, no actor, at most 2 mentions" in also.group(1)
    passing = re.findall(r'href="parties/([^/"]+)/">[^<]*</a> \((\d+)\)', also.group(2))
    assert ("myanmar", "1") in passing
    for party_id, count in passing:
        assert mentions[party_id] == int(count) <= 2 and party_id not in speaking
        assert f'href="parties/{party_id}/"' not in parties[: also.start()]  # not in the table too


def test_what_changed_is_computed_from_the_dated_positions(built: Path):
    dated = [
        (dt.date.fromisoformat(sheet["article"]["date"]), p)
        for sheet in _sheets(built)
        if sheet["article"].get("date")
        for p in sheet["positions"]
    ]
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    middle = first + (last - first) / 2
    before = {i for d, p in dated if d <= middle for i in p["issues"]}
    after: dict[str, int] = {}
    for day, position in dated:
        if day > middle:
            for issue in dict.fromkeys(position["issues"]):
                after[issue] = after.get(issue, 0) + 1
    new = sorted((i for i in after if i not in before), key=lambda i: -after[i])
    overview = (built / "briefings" / "index.html").read_text(encoding="utf-8")
    changed = section(overview, "what-changed")
    assert f"({first.isoformat()} to {middle.isoformat()})" in visible_text(changed)
    line = re.search(r"New in the second half: (.*?)</li>", changed)
    assert line and new
    assert re.findall(r'href="issues/([^/"]+)/"', line.group(1))[0] in [i for i in new if after[i] == after[new[0]]]
    covid = [d for d, p in dated if "covid-19" in p["issues"]]
    covid_line = re.search(r'<li><a href="issues/covid-19/">COVID-19</a>: (.*?)</li>', changed)
    assert covid_line, "no first and latest position of COVID-19, the most discussed issue"
    assert "first <a href=" in covid_line.group(1) and min(covid).isoformat() in covid_line.group(1)
    assert max(covid).isoformat() in covid_line.group(1).split("latest")[1]
