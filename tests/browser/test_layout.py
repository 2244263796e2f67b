"""The generated pages fit a phone (375 px) and a desktop (1280 px) in both themes: nothing sticks out of
the content column (wide tables and pictures scroll inside their own box), timeline marks stay inside the
plot, and no page logs a console error. Screenshots of each page at each width are saved.
"""

from __future__ import annotations

import pytest

from .conftest import Tab
from .conftest import screenshot as save_screenshot
from .sites import BuiltSite
from .test_example_site import open_page

pytestmark = pytest.mark.browser

WIDTHS = (375, 1280)
KINDS = ("overview", "people", "person", "issue", "party", "article")

# The content column: Material's (`div.md-content`) holds its article's margins, into which its table
# wrappers reach by design.
COLUMN = {"mkdocs": 'div[role="main"]', "material": "div.md-content"}
# Elements of the content column whose box sticks out of it, unless a box between them and the column
# clips or scrolls (`overflow-x` other than `visible`): that box is then measured instead.
OVERFLOW = """main => {
    const box = main.getBoundingClientRect();
    const inScrollBox = element => {
        for (let up = element.parentElement; up && up !== main; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return true;
        }
        return false;
    };
    const out = [];
    for (const element of main.querySelectorAll('*')) {
        const r = element.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || inScrollBox(element)) continue;
        if (element.closest('details:not([open]) > :not(summary)')) continue;  // "why?" lists, closed
        if (r.right > box.right + 1 || r.left < box.left - 1) {
            const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                + (typeof element.className === 'string' && element.className ? '.' + element.className : '');
            out.push(`${name}: ${Math.round(r.left)}..${Math.round(r.right)} outside ${Math.round(box.left)}..${Math.round(box.right)}`);
        }
    }
    return {outside: out.slice(0, 8), count: out.length,
            page: document.documentElement.scrollWidth, viewport: window.innerWidth};
}"""

# Each timeline mark's centre, and the ends of the axis, in the drawing's own coordinates.
MARKS = """svg => {
    const axis = svg.querySelector('.factsheet-axis');
    const ends = [Number(axis.getAttribute('x1')), Number(axis.getAttribute('x2'))];
    const marks = [...svg.querySelectorAll('.factsheet-mark')].map(m => {
        const b = m.getBBox();
        return [b.x + b.width / 2, b.width];
    });
    return {ends, marks};
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_pages_fit_the_width_without_overflow(tab: Tab, served: BuiltSite, kind: str, width: int):
    tab.page.set_viewport_size({"width": width, "height": 800})
    open_page(tab, served.page_url(kind))
    save_screenshot(tab.page, f"{served.theme}-{kind}-{width}")
    measured = tab.page.locator(COLUMN[served.theme]).first.evaluate(OVERFLOW)
    assert measured["count"] == 0, f"{kind} at {width} px: {measured['count']} boxes stick out: {measured['outside']}"
    assert measured["page"] <= measured["viewport"], f"{kind} at {width} px scrolls sideways: {measured}"
    assert tab.problems() == []


@pytest.mark.parametrize("kind", ["issue", "party", "person"])
def test_timeline_marks_stay_inside_the_plot(tab: Tab, served: BuiltSite, kind: str):
    open_page(tab, served.page_url(kind))
    drawings = tab.page.locator("figure.factsheet-timeline svg")
    if kind == "person" and drawings.count() == 0:
        return  # a person's page has no timeline
    assert drawings.count() > 0, f"no timeline on the {kind} page"
    for index in range(drawings.count()):
        found = drawings.nth(index).evaluate(MARKS)
        left, right = found["ends"]
        assert found["marks"], "a timeline without marks"
        for centre, size in found["marks"]:
            assert left - size <= centre <= right + size, f"a mark at x={centre:.1f} outside the axis {left}..{right}"
