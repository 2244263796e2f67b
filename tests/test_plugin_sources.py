"""Sources a reader can trust: the highlighted article text, facts linked both ways, "why?", print, determinism."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_factsheet.site.highlights import Highlight, mark_up
from mkdocs_factsheet.site.html import text_in_context

from .html_tree import Node, tree
from .plugin_helpers import SEED_ID, LogCapture, build, make_site, plugin_of

# -- units: nesting overlapping highlights ------------------------------------------------------------------------


def _plain(node: Node) -> str:
    """The text of a marked-up piece without the quote labels (P1…), which are not article text."""
    return "".join(
        c if isinstance(c, str) else ("" if "factsheet-hl-label" in c.classes else _plain(c)) for c in node.children
    )


def test_overlapping_highlights_nest_or_split_and_keep_the_text():
    source = "Yang told Blinken that the Taiwan question is core."
    marks = [
        Highlight(10, 50, "quote", "hl-p-1", "fact-p-1", "q", "P1"),
        Highlight(0, 4, "party", "hl-m-china-1", "fact-party-china", "p"),
        Highlight(5, 17, "issue", "hl-i-x-1", "fact-i-x-1", "i"),  # crosses the quote's start
        Highlight(10, 17, "party", "hl-m-us-1", "fact-party-us", "p"),
        Highlight(26, 41, "issue", "hl-i-taiwan-1", "fact-i-taiwan-1", "i"),
    ]
    out = mark_up(source, 0, marks, html.escape, {})
    root = tree(f"<div>{out}</div>")
    assert " ".join(_plain(root).split()) == source
    ids = [m.attrs["id"] for m in root.find_all("mark")]
    assert len(ids) == len(set(ids))
    assert {"hl-p-1", "hl-m-china-1", "hl-i-x-1", "hl-i-x-1.2", "hl-m-us-1", "hl-i-taiwan-1"} == set(ids)
    quote = next(m for m in root.find_all("mark") if m.attrs["id"] == "hl-p-1")
    assert {m.attrs["id"] for m in quote.find_all("mark")} == {
        "hl-i-x-1.2",
        "hl-m-us-1",
        "hl-i-taiwan-1",
    }  # nested inside
    for mark in root.find_all("mark"):
        assert not any(a.tag == "a" for a in mark.ancestors() if a is not root)  # no mark inside a link
    assert all(not link.find_all("a") for link in root.find_all("a"))  # no link inside a link
    backs = {a.attrs["href"] for a in root.find_all("a", "factsheet-hl-back")}
    assert backs == {"#fact-p-1", "#fact-party-china", "#fact-i-x-1", "#fact-party-us", "#fact-i-taiwan-1"}


def test_a_highlight_split_over_sentences_numbers_its_pieces():
    pieces: dict[str, int] = {}
    quote = Highlight(5, 25, "quote", "hl-p-3", "fact-p-3", "q", "P3")
    first = mark_up("One. Two three.", 0, [quote], html.escape, pieces)
    second = mark_up("Four five six.", 16, [quote], html.escape, pieces)
    assert 'id="hl-p-3"' in first and 'id="hl-p-3.2"' in second
    assert first.count("P3") == 1 and "P3" not in second  # the back link once, on the first piece


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab <>&\"'{}|*_", min_size=1, max_size=40),
    st.lists(
        st.tuples(st.integers(0, 45), st.integers(0, 45), st.sampled_from(["quote", "issue", "party"])), max_size=8
    ),
)
def test_any_highlights_give_well_formed_html_with_the_text_intact(source, spans):
    marks = [
        Highlight(a, b, kind, f"hl-{n}", f"fact-{n}", "t", "L" if kind == "quote" else "")
        for n, (a, b, kind) in enumerate(spans)
        if a < b
    ]
    out = mark_up(source, 0, marks, text_in_context, {})
    root = tree(f"<div>{out}</div>")  # raises on mis-nested tags
    assert " ".join(_plain(root).split()) == " ".join(source.split())
    ids = [m.attrs["id"] for m in root.find_all("mark")]
    assert len(ids) == len(set(ids))
    assert "<script" not in out and "{{" not in out


# -- real builds ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    site = make_site(tmp_path_factory.mktemp("sources"), tmp_path_factory.getbasetemp() / "factsheet-cache-sources")
    with LogCapture() as logs:
        config = build(site)
    assert logs.messages() == []
    return site, plugin_of(config).briefing


def _text_div(source: str) -> Node:
    match = re.search(r'<div class="factsheet-text">.*?\n</div>', source, re.S)
    assert match
    return tree(match.group(0)).find("div")  # type: ignore[return-value]


def test_the_article_text_is_highlighted_with_a_legend(built):
    site, briefing = built
    page = site.page(f"briefings/articles/{SEED_ID}.md")
    div = _text_div(page)
    marks = div.find_all("mark")
    kinds = {c for m in marks for c in m.classes if c.startswith("factsheet-hl-")}
    assert kinds == {"factsheet-hl-party", "factsheet-hl-quote", "factsheet-hl-issue"}
    assert all("factsheet-hl" in m.classes and m.attrs["id"].startswith("hl-") for m in marks)
    ids = [m.attrs["id"] for m in marks]
    assert len(ids) == len(set(ids))
    legend = page[: page.find('<div class="factsheet-text">')].rsplit('<p class="factsheet-legend">', 1)
    assert len(legend) == 2 and all(k in legend[1] for k in ("party or actor", "quoted position", "issue mention"))
    sheet = briefing.by_id[SEED_ID]
    assert len([i for i in ids if i.startswith("hl-p-") and "." not in i]) == len(sheet.positions)
    assert len([i for i in ids if i.startswith("hl-m-") and "." not in i]) == sum(len(p.spans) for p in sheet.parties)
    assert len([i for i in ids if i.startswith("hl-i-") and "." not in i]) == sum(len(i.mentions) for i in sheet.issues)
    # The sentences are still anchored and the text is all there.
    assert [s.attrs["id"] for s in div.find_all("span", "factsheet-sentence")][:2] == ["s-1", "s-2"]
    assert "Any attempt to slander and smear China will not succeed" in " ".join(div.text().split())


def test_facts_and_highlights_link_to_each_other(built):
    site, briefing = built
    page = site.page(f"briefings/articles/{SEED_ID}.md")
    whole = tree(page, strict=False)
    ids = {n.attrs["id"] for n in whole.iter() if "id" in n.attrs}
    fact_links = whole.find_all("a", "factsheet-fact-link")
    sheet = briefing.by_id[SEED_ID]
    expected = (
        len(sheet.positions)
        + len(sheet.parties)
        + sum(len(p.actors) for p in sheet.parties)
        + sum(len(i.mentions) for i in sheet.issues)
    )
    assert len(fact_links) == expected
    for link in fact_links:
        target = link.attrs["href"][1:]
        assert target.startswith("hl-") and target in ids
    div = _text_div(page)
    for mark in div.find_all("mark"):
        if "." in mark.attrs["id"]:
            continue  # a later piece of a split highlight: its first piece links back
        back = [
            a for a in mark.find_all("a", "factsheet-hl-back") if a.parent is mark or "factsheet-hl-label" in a.classes
        ]
        assert back, mark.attrs["id"]
        assert all(a.attrs["href"][1:] in ids and a.attrs["href"].startswith("#fact-") for a in back)
    for number in range(1, len(sheet.positions) + 1):
        assert f"fact-p-{number}" in ids and f"hl-p-{number}" in ids


def test_every_fact_row_has_a_why(built):
    site, briefing = built
    sheet = briefing.by_id[SEED_ID]
    page = site.page(f"briefings/articles/{SEED_ID}.md")
    whys = re.findall(r'<details class="factsheet-why"><summary>why\?</summary>(.*?)</details>', page, re.S)
    assert len(whys) == len(sheet.parties) + len(sheet.positions) + sum(len(i.mentions) for i in sheet.issues)
    reasons = [html.unescape(w) for w in whys]
    assert any("rules/parties/china.yml:" in r for r in reasons)  # the party rule, file:line, relative to the project
    assert any("rules/issues/taiwan.yml:" in r for r in reasons)
    assert any("<pack core>/cues/" in r for r in reasons)  # the cue of a stance
    pronoun = [r for r in reasons if "pronoun 'he' → Yang Jiechi" in r]
    assert pronoun and all("“he” → Yang Jiechi → China" in r for r in pronoun)  # the speaker's resolution chain
    assert not any(str(site.root) in r for r in reasons)  # no absolute paths of the build machine
    taiwan = site.page("briefings/issues/taiwan.md")
    assert taiwan.count('<details class="factsheet-why">') == len(briefing.select(issues=["taiwan"]))


def test_print_styles(built):
    site, _ = built
    css = (site.site_dir / "assets" / "factsheet" / "factsheet.css").read_text(encoding="utf-8")
    printed = css[css.index("@media print") :]
    for needed in (
        "details.factsheet-why",
        "content: none",
        "break-inside: avoid",
        ".md-sidebar",
        "svg.factsheet-svg",
        ".factsheet-fact-link",
    ):
        assert needed in printed, needed
    assert "--factsheet-confrontational" in css and '[data-md-color-scheme="slate"]' in css


def test_same_input_gives_byte_identical_pages(built):
    site, _ = built
    generated = sorted((site.site_dir / "briefings").rglob("*.html"))
    before = {p: p.read_bytes() for p in generated}
    build(site)
    after = {p: p.read_bytes() for p in sorted((site.site_dir / "briefings").rglob("*.html"))}
    assert before.keys() == after.keys()
    assert [p for p in before if before[p] != after[p]] == []
