"""Pictures: the stance matrix, the timelines and who-talks-to-whom (units, then real builds parsed as HTML)."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from mkdocs_factsheet.rules import load_rules
from mkdocs_factsheet.site import pictures
from mkdocs_factsheet.site.html import text
from mkdocs_factsheet.site.pictures import Mark, dominant_tone, parse_date, ticks, timeline_svg, tone_of
from mkdocs_factsheet.site.urls import SiteMap, built_url

from .html_tree import Node, tree
from .plugin_helpers import RULES, SEED_ID, LogCapture, broken_links, build, make_site, plugin_of

# -- units ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rules():
    return load_rules([RULES], [])


@pytest.mark.parametrize(
    ("stance", "tone"),
    [
        ("demand", "demanding"),
        ("reject", "confrontational"),
        ("threaten", "confrontational"),
        ("accuse", "confrontational"),
        ("support", "cooperative"),
        ("praise", "cooperative"),
        ("appeal", "cooperative"),
        ("deny", "neutral"),
        (None, "neutral"),
        ("no-such-stance", "neutral"),
    ],
)
def test_tones_come_from_the_stances_cameo_codes(rules, stance, tone):
    assert tone_of(stance, rules) == tone


def test_dominant_tone_counts_and_breaks_ties_towards_the_strongest():
    assert dominant_tone({"cooperative": 3, "confrontational": 1}) == "cooperative"
    assert dominant_tone({"cooperative": 2, "confrontational": 2, "neutral": 2}) == "confrontational"
    assert dominant_tone({}) == "neutral"
    assert dominant_tone({"neutral": 3, "confrontational": 1}) == "confrontational"  # a statement carries no stance
    assert dominant_tone({"neutral": 3}) == "neutral"


@pytest.mark.parametrize(
    ("here", "target", "anchor", "directory", "expected"),
    [
        ("briefings/index.md", "briefings/issues/taiwan.md", "party-china", True, "issues/taiwan/#party-china"),
        ("briefings/issues/taiwan.md", "briefings/articles/a.md", "hl-p-1", True, "../../articles/a/#hl-p-1"),
        ("briefings/issues/taiwan.md", "briefings/index.md", None, True, "../../"),
        ("index.md", "briefings/parties/china.md", None, True, "briefings/parties/china/"),
        ("notes/briefing.md", "briefings/index.md", None, True, "../../briefings/"),
        ("briefings/issues/taiwan.md", "briefings/articles/a.md", "hl-p-1", False, "../articles/a.html#hl-p-1"),
        ("briefings/index.md", "briefings/issues/taiwan.md", None, False, "issues/taiwan.html"),
        ("index.md", "index.md", "x", True, "#x"),
    ],
)
def test_urls_inside_raw_html_are_those_of_the_built_pages(here, target, anchor, directory, expected):
    site = SiteMap(None, "briefings", (), directory_urls=directory)  # type: ignore[arg-type]  # no pages: urls only
    assert site.url(here, target, anchor) == expected


def test_built_urls():
    assert built_url("index.md") == ""
    assert built_url("a/README.md") == "a/"
    assert built_url("a/b.md") == "a/b/"
    assert built_url("a/b.md", directory_urls=False) == "a/b.html"


def test_dates_and_ticks():
    assert parse_date("2021-03-18") == dt.date(2021, 3, 18)
    assert parse_date("2021-03-18T10:00:00Z") == dt.date(2021, 3, 18)
    assert parse_date("last Tuesday") is None and parse_date(None) is None
    day = dt.date(2021, 1, 1)
    assert ticks(day, day) == [day]
    spread = ticks(day, dt.date(2021, 12, 31))
    assert spread[0] == day and spread[-1] == dt.date(2021, 12, 31) and len(spread) == 5
    assert ticks(day, day + dt.timedelta(days=1)) == [day, day + dt.timedelta(days=1)]


def _marks():
    hostile = text('<script>alert("x")</script> & {{ config }}')
    return [
        Mark("china", dt.date(2021, 3, 18), "confrontational", f"China rejects {hostile}", "../../articles/a/#hl-p-2"),
        Mark("china", dt.date(2021, 3, 18), "cooperative", "China supports", "../../articles/a/#hl-p-1"),
        Mark("united-states", dt.date(2021, 3, 1), "demanding", "US demands", None),
        Mark("nowhere", dt.date(2021, 3, 1), "neutral", "not a lane: left out", "x"),
    ]


def test_timeline_svg_marks_are_links_with_titles_and_escaped():
    svg = timeline_svg([("china", "China"), ("united-states", text("<b>US</b>"))], _marks(), title="Timeline")
    root = tree(svg)
    (element,) = root.find_all("svg")
    assert element.attrs["role"] == "img" and element.find("title") is not None
    links = element.find_all("a")
    assert sorted(a.attrs["href"] for a in links) == ["../../articles/a/#hl-p-1", "../../articles/a/#hl-p-2"]
    assert all(a.children and isinstance(a.children[0], Node) and a.children[0].tag == "title" for a in links)
    assert len(element.find_all("g")) == 1  # the mark without a link still has its <title>
    assert "<script" not in svg and "{{" not in svg and "<b>" not in svg
    assert '<script>alert("x")</script>' in root.text()  # shown as text
    assert "not a lane" not in svg
    texts = [t.text() for t in element.find_all("text")]
    assert texts[:2] == ["China", "<b>US</b>"] and "2021-03-01" in texts and "2021-03-18" in texts


def test_timeline_svg_is_deterministic_and_separates_marks_of_one_day():
    lanes = [("china", "China"), ("united-states", "US")]
    first = timeline_svg(lanes, _marks(), title="T")
    assert first == timeline_svg(lanes, list(reversed(_marks())), title="T")
    xs = [float(x) for x in re.findall(r'<(?:rect|circle)[^>]* (?:x|cx)="([\d.]+)"', first)]
    assert len(set(xs)) == len(xs)


def test_many_marks_of_one_day_stay_inside_the_plot_area():
    lanes = [("china", "No issue")]
    day = dt.date(2021, 3, 1)
    marks = [Mark("china", day, "neutral", f"m{i}", None) for i in range(12)]
    marks.append(Mark("china", dt.date(2021, 6, 1), "neutral", "later", None))
    svg = timeline_svg(lanes, marks, title="T")
    xs = [float(x) for x in re.findall(r'<circle[^>]* cx="([\d.]+)"', svg)]
    assert len(xs) == 13 and len(set(xs)) == 13  # apart, however close
    assert all(pictures.LABEL_WIDTH < x < pictures.WIDTH - pictures.RIGHT for x in xs)  # never over the lane label
    assert pictures.spread(500, 1, 170, 696) == [500]


def test_legends_name_every_tone_with_a_symbol():
    legend = tree(pictures.legend([(tone, label) for tone, _, label, _ in pictures.TONES]))
    keys = legend.find_all("span", "factsheet-key")
    assert len(keys) == 4 and all(k.find("span", "factsheet-symbol").text().strip() for k in keys)


# -- real builds ------------------------------------------------------------------------------------------------


def figures(source: str, kind: str) -> list[Node]:
    """The `<figure class="factsheet-figure factsheet-KIND">` of a page, each parsed strictly (well formed)."""
    found = re.findall(rf'<figure class="factsheet-figure factsheet-{kind}">.*?</figure>', source, re.S)
    return [tree(f).find("figure") for f in found]  # type: ignore[misc]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    site = make_site(tmp_path_factory.mktemp("pictures"), tmp_path_factory.getbasetemp() / "factsheet-cache-pictures")
    site.write("seeds/zz_undated.txt", "Undated talks\n\nYang Jiechi said China will fight climate change.\n")
    with LogCapture() as logs:
        config = build(site)
    assert logs.messages() == []
    return site, plugin_of(config).briefing


def test_every_link_of_the_pictures_resolves(built):
    site, _ = built
    assert broken_links(site.site_dir) == []


def _check_matrix(figure: Node) -> None:
    assert figure.find(cls="factsheet-legend") is not None
    table = figure.find("table")
    assert table is not None and table.find("thead") is not None
    assert all(th.attrs.get("scope") in ("col", "row") for th in table.find_all("th"))
    cells = table.find_all("td")
    filled = [c for c in cells if "factsheet-empty" not in c.classes]
    assert filled
    for cell in filled:
        assert cell.find("a") is not None and cell.find("a").attrs["href"]
        tone = [c for c in cell.classes if c.startswith("factsheet-tone-")]
        assert tone, cell.classes
        assert cell.attrs.get("title")  # counts in words for hover and screen readers


def test_the_overview_has_the_stance_matrix_with_legend_counts_and_links(built):
    site, briefing = built
    overview = site.page("briefings/index.md")
    (figure,) = figures(overview, "matrix")
    _check_matrix(figure)
    text_of = " ".join(figure.text().split())
    assert "×" in text_of and "Demanding" in text_of and "Confrontational" in text_of
    symbols = {s.text() for s in figure.find_all("span", "factsheet-symbol")}
    assert symbols & set(pictures.SYMBOLS.values())  # not colour alone
    hrefs = [a.attrs["href"] for td in figure.find_all("td") for a in td.find_all("a")]
    assert all(re.fullmatch(r"issues/[a-z0-9-]+/#party-[a-z0-9-]+", h) for h in hrefs), hrefs


def test_party_pages_have_their_own_matrix_and_issue_pages_none(built):
    site, briefing = built
    for key in briefing.party_ids:
        (figure,) = figures(site.page(f"briefings/parties/{key}.md"), "matrix")
        _check_matrix(figure)
        heads = [th.text() for th in figure.find_all("th")]
        assert briefing.party_name(key) in heads  # restricted to this party's column
        assert len(figure.find("thead").find_all("th")) == 2
    for key in briefing.issue_ids:  # its one row would say what the positions below say
        assert not figures(site.page(f"briefings/issues/{key}.md"), "matrix")


def test_timelines_on_pages_with_dated_positions(built):
    site, briefing = built
    dated = [q for q in briefing.quotes if q.sheet.article.date]
    assert dated, "the second test article is dated and quotes China"
    for kind, keys in (
        ("issues", {i for q in dated for i in q.position.issues}),
        ("parties", {q.position.speaker.party for q in dated if q.position.speaker.party}),
    ):
        for key in sorted(keys):
            (figure,) = figures(site.page(f"briefings/{kind}/{key}.md"), "timeline")
            svg = figure.find("svg")
            assert svg is not None and figure.find(cls="factsheet-legend") is not None
            marks = svg.find_all("a")
            assert marks
            for mark in marks:
                assert mark.find("title") is not None and mark.find("title").text().strip()
                assert re.fullmatch(r"\.\./\.\./articles/[^/]+/#hl-p-\d+", mark.attrs["href"])
    undated_only = [i for i in briefing.issue_ids if not any(q.sheet.article.date for q in briefing.select(issues=[i]))]
    assert undated_only
    page = site.page(f"briefings/issues/{undated_only[0]}.md")
    assert not figures(page, "timeline")


def test_who_talks_to_whom_overall_and_per_article(built):
    site, briefing = built
    pairs = [
        (q.position.speaker.party, q.position.addressee)
        for q in briefing.quotes
        if q.position.speaker.party and q.position.addressee
    ]
    assert pairs, "the engine yields addressees for the seed article"
    (overall,) = figures(site.page("briefings/index.md"), "talks")
    assert overall.find(cls="factsheet-legend") is not None
    rows = {tr.find("th").text(): tr for tr in overall.find("tbody").find_all("tr")}
    for speaker, _addressee in set(pairs):
        assert briefing.party_name(speaker) in rows
    (seed,) = figures(site.page(f"briefings/articles/{SEED_ID}.md"), "talks")
    numbers = [a.attrs["href"] for a in seed.find_all("a") if a.attrs["href"].startswith("#fact-p-")]
    quotes = [q for q in briefing.select(articles=[SEED_ID]) if q.position.speaker.party and q.position.addressee]
    assert sorted(numbers) == sorted(f"#fact-p-{q.number}" for q in quotes)
    alpha = site.page("briefings/articles/zz_alpha.md")
    if not any(q.position.addressee for q in briefing.select(articles=["zz_alpha"])):
        assert not figures(alpha, "talks")
        assert "found no party addressed or targeted" in html.unescape(alpha)


def test_pictures_with_material_and_file_urls(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory):
    site = make_site(tmp_path, tmp_path_factory.getbasetemp() / "factsheet-cache-pictures", theme="material")
    site.config["use_directory_urls"] = False
    site.write_config()
    with LogCapture() as logs:
        build(site)
    assert logs.messages() == []
    assert broken_links(site.site_dir) == []
    taiwan = (site.site_dir / "briefings" / "issues" / "taiwan.html").read_text(encoding="utf-8")
    (figure,) = figures(taiwan, "timeline")
    hrefs = [a.attrs["href"] for a in figure.find("svg").find_all("a")]
    assert all(re.fullmatch(r"\.\./articles/[^/]+\.html#hl-p-\d+", h) for h in hrefs) and hrefs
    assert any(h.startswith("../articles/zz_alpha.html#hl-p-") for h in hrefs)
    css = (site.site_dir / "assets" / "factsheet" / "factsheet.css").read_text(encoding="utf-8")
    assert '[data-md-color-scheme="slate"]' in css
