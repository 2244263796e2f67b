"""Big articles: rendering the highlighted text takes time linear in the article's size.

A fact sheet is made by hand here (no spaCy), as big as an article of 100 kB and 400 kB: a
sentence `China said no on Taiwan. ` over and over, each with a party and an issue mention, a
quote every tenth sentence over two sentences. Timing is relative (400 kB against 100 kB, the
best of a few runs: four times the text may take at most twice four times as long, where pairing every
sentence with every highlight took sixteen), so a busy machine does not make the test fail.
"""

from __future__ import annotations

import gc
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_factsheet.model import (
    ArticleInfo,
    FactSheet,
    IssueFacts,
    IssueMention,
    PartyFacts,
    Position,
    Span,
    Speaker,
)
from mkdocs_factsheet.rules import load_rules
from mkdocs_factsheet.site.briefing import Briefing
from mkdocs_factsheet.site.highlights import Highlight, by_span
from mkdocs_factsheet.site.pages import Renderer
from mkdocs_factsheet.site.urls import SiteMap

from .conftest import RULES

UNIT = "China said no on Taiwan. "


def big_sheet(size: int) -> FactSheet:
    """A fact sheet of an article of about `size` characters, with highlights in every sentence."""
    count = size // len(UNIT)
    sentences, china, taiwan, positions = [], [], [], []
    for index in range(count):
        start = 5 + index * len(UNIT)
        sentence = Span(UNIT.strip(), start, start + len(UNIT) - 1)
        sentences.append(sentence)
        china.append(Span("China", start, start + 5))
        taiwan.append(IssueMention("Taiwan", start + 17, start + 23, sentence))
        if index % 10 == 0 and index + 1 < count:
            content = Span("no on Taiwan. China said no", start + 11, start + len(UNIT) + 13)
            speaker = Speaker("China", start, start + 5, None, "china")
            positions.append(Position(speaker, None, content, "indirect", ["taiwan"], None, "core"))
    info = ArticleInfo("big", "seeds/big.txt", "Big")
    party = PartyFacts("china", "China", "country", [], count, spans=china)
    issue = IssueFacts("taiwan", "Taiwan", [], taiwan, ["china"])
    return FactSheet(info, [party], positions, [issue], [], sentences=sentences)


def render_seconds(sheet: FactSheet, rules) -> tuple[float, str]:
    briefing = Briefing([sheet], rules)
    site = SiteMap(briefing, "briefings", ["articles", "issues", "parties"])
    ref = site.get("article", "big")
    best, page = float("inf"), ""
    for _ in range(3):
        gc.collect()
        gc.disable()  # a collection in one run and not the other is noise, not rendering
        try:
            began = time.perf_counter()
            page = Renderer(briefing, site, ref.src_uri).article_text(sheet)
            best = min(best, time.perf_counter() - began)
        finally:
            gc.enable()
    return best, page


def test_rendering_a_big_article_takes_time_linear_in_its_size() -> None:
    rules = load_rules([RULES])
    small, page = render_seconds(big_sheet(100_000), rules)
    large, _ = render_seconds(big_sheet(400_000), rules)
    assert page.count('<mark class="factsheet-hl factsheet-hl-party"') == 100_000 // len(UNIT)
    # four times the text: four times the time when linear, sixteen when quadratic; at most three times linear
    # (a busy machine stretches the larger run more than the smaller)
    assert large <= 3 * 4 * small, f"100 kB: {small:.2f} s, 400 kB: {large:.2f} s"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12),
)
def test_the_sweep_finds_exactly_the_highlights_touching_each_span(marks, spans) -> None:
    highlights = [Highlight(a, b, "party", f"hl-{n}", f"fact-{n}", "t") for n, (a, b) in enumerate(marks)]
    sentences = [Span("", a, b) for a, b in spans]
    found = by_span(highlights, sentences)
    for sentence, touching in zip(sentences, found, strict=True):
        expected = [h for h in highlights if h.start < sentence.end and h.end > sentence.start and h.end > h.start]
        assert sorted(touching, key=lambda h: h.ident) == sorted(expected, key=lambda h: h.ident)
