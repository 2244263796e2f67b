"""The example site in headless Chromium, in the default MkDocs theme and in Material: pages load
without console errors, the pictures are visible, a fact scrolls to its highlighted sentence, and
the built-in search finds a party.

Run only these: `python -m pytest -m browser`; leave them out: `python -m pytest -m "not browser"`.
"""

from __future__ import annotations

import re
import time
from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import VIEWPORT, Tab
from .conftest import screenshot as save_screenshot
from .sites import BuiltSite

pytestmark = pytest.mark.browser

PAGES = ("overview", "article", "issue", "party")

# The HTML contract of the pictures and highlights (site/figures.py, site/pages.py).
MATRIX = "figure.factsheet-figure.factsheet-matrix"
TIMELINE = "figure.factsheet-figure.factsheet-timeline"
FACT_LINK = "a.factsheet-fact-link"
HIGHLIGHT = "mark.factsheet-hl"
ARTICLE_TEXT = "div.factsheet-text"

MAIN = {"mkdocs": 'div[role="main"]', "material": "article.md-content__inner"}


def screenshot(tab: Tab, name: str, *, full_page: bool = True, clip: dict[str, float] | None = None) -> None:
    save_screenshot(tab.page, name, full_page=full_page, clip=clip)


def open_page(tab: Tab, url: str) -> None:
    response = tab.page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url}: HTTP {response and response.status}"
    tab.page.wait_for_load_state("networkidle")


def assert_shown(locator: Any, what: str) -> dict[str, float]:
    """The first element of `locator` exists, is visible and has a non-zero size; returns its box."""
    assert locator.count() > 0, f"no {what} on the page"
    element = locator.first
    element.scroll_into_view_if_needed()
    assert element.is_visible(), f"{what} is not visible"
    box = element.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0, f"{what} has no size: {box}"
    return box


# -- pages ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", PAGES)
def test_page_loads_without_console_errors(tab: Tab, served: BuiltSite, kind: str):
    url = served.page_url(kind)
    open_page(tab, url)
    screenshot(tab, f"{served.theme}-{kind}")
    assert tab.problems() == []
    main = tab.page.locator(MAIN[served.theme])
    assert_shown(main, "main content")
    assert tab.page.locator("h1").first.is_visible()
    assert len(main.first.inner_text().strip()) > 200, "the main content is (nearly) empty"


@pytest.mark.parametrize("kind", ["overview", "party"])
def test_matrix_is_visible(tab: Tab, served: BuiltSite, kind: str):
    open_page(tab, served.page_url(kind))
    assert_shown(tab.page.locator(MATRIX), f"stance matrix ({MATRIX})")
    assert tab.problems() == []


@pytest.mark.parametrize("kind", ["overview", "issue", "party"])
def test_key_positions_come_before_the_tables(tab: Tab, served: BuiltSite, kind: str):
    open_page(tab, served.page_url(kind))
    key = tab.page.locator("ul.factsheet-key-positions")
    assert_shown(key, "key positions (ul.factsheet-key-positions)")
    top = key.first.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    first_table = tab.page.locator("table").first.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    assert top < first_table
    assert tab.problems() == []


def test_the_overview_shows_key_positions_on_its_first_screen(tab: Tab, served: BuiltSite):
    """At 1280×800, the overview opens with its summary and the key positions, not with a table. README.md
    shows docs/images/overview.png, a copy of `material-overview-first-screen.png`."""
    open_page(tab, served.page_url("overview"))
    screenshot(tab, f"{served.theme}-overview-first-screen", full_page=False)
    first = tab.page.locator("ul.factsheet-key-positions li").first
    box = first.bounding_box()
    assert box is not None and 0 < box["y"] and box["y"] + box["height"] <= VIEWPORT["height"], box
    assert tab.problems() == []


@pytest.mark.parametrize("kind", ["issue", "party"])
def test_timeline_is_visible(tab: Tab, served: BuiltSite, kind: str):
    open_page(tab, served.page_url(kind))
    assert_shown(tab.page.locator(TIMELINE), f"timeline ({TIMELINE})")
    assert_shown(tab.page.locator(f"{TIMELINE} svg"), f"timeline drawing ({TIMELINE} svg)")
    # The top of the page down to the end of the timeline, matrix included.
    bottom = tab.page.locator(TIMELINE).first.evaluate("f => f.getBoundingClientRect().bottom + window.scrollY")
    tab.page.evaluate(
        "window.scrollTo({top: 0, behavior: 'instant'})"
    )  # fixed headers are drawn where the page is scrolled
    tab.page.wait_for_timeout(200)
    screenshot(
        tab, f"{served.theme}-{kind}-top", clip={"x": 0, "y": 0, "width": VIEWPORT["width"], "height": bottom + 24}
    )
    assert tab.problems() == []


# -- facts and highlights -----------------------------------------------------------------------------------

# The first fact link whose target is a highlight in this page, preferring one the reader cannot see
# yet (so that following it has to scroll).
FIRST_LINK_TO_A_HIGHLIGHT = """([linkSelector, highlightSelector]) => {
    const links = [...document.querySelectorAll(linkSelector)];
    const targets = links.map(a => {
        const href = a.getAttribute('href') || '';
        if (!href.startsWith('#')) return null;
        const target = document.getElementById(decodeURIComponent(href.slice(1)));
        return target && target.matches(highlightSelector) ? target : null;
    });
    const below = targets.findIndex(t => t && t.getBoundingClientRect().top > window.innerHeight);
    return below >= 0 ? below : targets.findIndex(t => t);
}"""


def test_clicking_a_fact_scrolls_to_its_highlighted_span(tab: Tab, served: BuiltSite):
    page = tab.page
    open_page(tab, served.page_url("article"))
    assert_shown(page.locator(ARTICLE_TEXT), f"article text ({ARTICLE_TEXT})")
    assert page.locator(f"{ARTICLE_TEXT} {HIGHLIGHT}").count() > 0, f"no highlights ({HIGHLIGHT}) in the article text"
    index = page.evaluate(FIRST_LINK_TO_A_HIGHLIGHT, [FACT_LINK, HIGHLIGHT])
    assert index is not None and index >= 0, f"no fact link ({FACT_LINK}) points to a highlight in the page"
    link = page.locator(FACT_LINK).nth(index)
    href = link.get_attribute("href")
    target = page.locator(f"[id='{href[1:]}']")
    page.evaluate("window.scrollTo(0, 0)")
    assert urlsplit(page.url).fragment != href[1:]
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_function("hash => window.location.hash === hash", arg=href)
    in_viewport = """mark => {
        const r = mark.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight
            && r.right > 0 && r.left < window.innerWidth;
    }"""
    # The default theme scrolls smoothly (Bootstrap's `scroll-behavior: smooth`): wait for it to arrive.
    deadline = time.monotonic() + 5
    while not target.evaluate(in_viewport) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert target.evaluate(in_viewport), f"{href} is not in the viewport after clicking its fact"
    screenshot(tab, f"{served.theme}-article-after-fact-click", full_page=False)
    assert tab.problems() == []


# -- search -------------------------------------------------------------------------------------------------


def _page_of(url: str) -> str:
    """A URL without its query (Material adds `?h=` for highlighting) and fragment."""
    return urlsplit(url)._replace(query="", fragment="").geturl()


def _search(tab: Tab, theme: str, query: str, results: str, wanted: str) -> list[str]:
    """Type `query` into the theme's search box; the result URLs once one leads to `wanted`
    (the search index loads in a worker, so typing is repeated until it answers)."""
    page = tab.page
    if theme == "mkdocs":
        page.click('a[data-bs-target="#mkdocs_search_modal"]')
        box = page.locator("#mkdocs-search-query")
    else:
        box = page.locator("input.md-search__input")
        if not box.is_visible():  # narrow screens: the search box opens from a button
            page.locator('label[for="__search"]:visible').first.click()
    box.wait_for(state="visible")
    box.click()
    box.press_sequentially(query, delay=30)
    found: list[str] = []
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        found = page.locator(results).evaluate_all("links => links.map(a => a.href)")
        if wanted in map(_page_of, found):
            return found
        box.press("End")  # a keyup: the default theme searches on keyup
        page.wait_for_timeout(250)
    return found


def test_search_finds_a_party_by_name(tab: Tab, served: BuiltSite):
    picked = served.pick()
    party_url = served.page_url("party")
    open_page(tab, served.url())
    results = "#mkdocs-search-results a" if served.theme == "mkdocs" else "a.md-search-result__link"
    found = _search(tab, served.theme, picked["party_name"], results, party_url)
    screenshot(tab, f"{served.theme}-search", full_page=False)
    assert party_url in map(_page_of, found), (
        f"searching {picked['party_name']!r} did not list {party_url}; results: {found}"
    )
    result = tab.page.locator(results).filter(has_text=re.compile(re.escape(picked["party_name"]))).first
    assert result.is_visible()
    assert tab.problems() == []
