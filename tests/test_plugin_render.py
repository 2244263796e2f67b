"""The Markdown the plugin writes: escaping, markers, and pages with positions (synthetic ones too)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_factsheet.model import Position, Span, Speaker
from mkdocs_factsheet.site import markers
from mkdocs_factsheet.site.html import HeldBlocks, Markdown, href, restore, text
from mkdocs_factsheet.site.naming import page_stems
from mkdocs_factsheet.site.urls import markdown_link

from .plugin_helpers import SEED_ID, LogCapture, broken_links, build, gold, make_site, plugin_of, section, visible_text

# -- escaping -------------------------------------------------------------------------------------------------

EXTENSIONS = ["tables", "toc", "attr_list", "md_in_html", "def_list", "footnotes", "abbr", "admonition"]


def _render(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
    | st.text(alphabet="<>&\"'`*_[](){}#!|~^=$:@-+.\\/ ?%\nabc1", max_size=80)
)
def test_escaped_text_renders_as_itself_and_nothing_else(value):
    rendered = _render(f"Before {text(value)}")
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    inner = rendered[3:-4]
    assert "<" not in inner, rendered  # no element, whatever the input
    expected = " ".join(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "\ufffd", value).split())
    assert html.unescape(inner).strip() == f"Before {expected}".strip()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>&\"'`*_[](){}#!|~^=$:@-+.\\/ 1a\n", min_size=1, max_size=40))
def test_escaped_text_is_inert_at_the_start_of_a_line_and_in_table_cells(value):
    as_block = _render(text(value))
    assert re.fullmatch(r"(<p>[^<]*</p>)?", as_block), as_block
    table = _render(f"| a | b |\n|---|---|\n| {text(value) or ' '} | x |")
    assert table.count("<td>") == 2, table
    assert "{{" not in text(value) and "{%" not in text(value) and "<!--" not in text(value)


def test_titles_keep_ordinary_punctuation_readable():
    assert text("Biden's speech: what (not) to expect?") == "Biden's speech: what (not) to expect?"
    assert text("- dash") == "&#45; dash"
    assert text("1. first") == "&#49;. first"
    assert text("::: module") == "&#58;:: module"


def test_href_allows_only_http_urls_and_escapes_them():
    assert href("javascript:alert(1)") is None
    assert href("data:text/html,x") is None
    assert href(' https://example.org/a?b=1&c="2"{{x}}') == "https://example.org/a?b=1&amp;c=%222%22%7B%7Bx%7D%7D"
    assert href("http://") is None


def test_page_stems_are_url_safe_unique_and_never_index():
    # the full table of nasty ids is in test_security_names.py
    stems = page_stems(["index", "README", "a b#c?", "a b#c!", "../.."])
    assert re.fullmatch(r"index-[0-9a-f]{8}", stems["index"])
    assert re.fullmatch(r"README-[0-9a-f]{8}", stems["README"])
    first, second = stems["a b#c?"], stems["a b#c!"]
    assert first.startswith("a-b-c-") and second.startswith("a-b-c-") and first != second
    assert re.fullmatch(r"page-[0-9a-f]{8}", stems["../.."])


def test_relative_links():
    assert (
        markdown_link("index.md", "briefings/issues/taiwan.md", "party-china")
        == "briefings/issues/taiwan.md#party-china"
    )
    assert markdown_link("briefings/issues/taiwan.md", "briefings/articles/a.md") == "../articles/a.md"
    assert markdown_link("briefings/index.md", "briefings/index.md", "x") == "#x"


# -- markers --------------------------------------------------------------------------------------------------


def test_marker_syntax_and_defaults():
    assert markers.parse(" issue=taiwan ", 1).kind == "positions"
    assert markers.parse(" article=a ", 1).kind == "sheet"
    assert markers.parse(" ", 1).kind == "matrix"
    marker = markers.parse(" matrix issue=taiwan,hong-kong party=china ", 3)
    assert (marker.kind, marker.filters, marker.line) == (
        "matrix",
        {"issue": ["taiwan", "hong-kong"], "party": ["china"]},
        3,
    )
    assert markers.parse(" evidence issue=taiwan ", 1).kind == "evidence"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (" isue=taiwan ", "did you mean issue="),
        (" positons issue=taiwan ", "did you mean 'positions'"),
        (" sheet ", "exactly one article"),
        (" evidence party=china ", "needs issue="),
        (" issue= ", "one or more ids"),
        (" matrix positions ", "one kind"),
    ],
)
def test_bad_markers_explain_themselves(body, message):
    with pytest.raises(markers.MarkerError, match=re.escape(message)):
        markers.parse(body, 1)


def test_markers_in_fenced_code_are_left_alone():
    source = "\n".join(
        [
            "<!-- factsheet: matrix -->",
            "```",
            "<!-- factsheet: matrix -->",
            "```",
            "~~~~ md",
            "<!-- factsheet: matrix -->",
            "```",
            "<!-- factsheet: matrix -->",
            "~~~~",
            "    <!-- factsheet: matrix -->",
            "   <!-- factsheet:matrix-->  ",
            "text <!-- factsheet: matrix --> inline",
        ]
    )
    assert [index for index, _ in markers.find(source)] == [0, 9, 10]


@pytest.mark.parametrize(
    "source",
    [
        "Text.\n\n    <!-- factsheet: matrix -->\n",  # an indented code block
        "    <!-- factsheet: matrix -->\n",
        "Text.\n\n    code\n\n    <!-- factsheet: matrix -->\n",  # a blank line inside the code block
        "\t<!-- factsheet: matrix -->\n",
        "- item\n\n        <!-- factsheet: matrix -->\n",  # code inside a list item
        "!!! note\n\n        <!-- factsheet: matrix -->\n",  # code inside an admonition
        "<pre>\n<!-- factsheet: matrix -->\n</pre>\n",
        '<PRE class="x">\n<!-- factsheet: matrix -->\n</PRE>\n',
        "<!--\ncommented out:\n<!-- factsheet: matrix -->\n",
        "<div><!-- a note\n<!-- factsheet: matrix -->\n",
        "<script>\n<!-- factsheet: matrix -->\n</script>\n",
    ],
)
def test_markers_in_code_pre_and_comments_are_left_as_written(source):
    assert list(markers.find(source)) == []
    assert markers.expand(source, lambda marker: "EXPANDED", lambda *a: None) == source


@pytest.mark.parametrize(
    "source",
    [
        "!!! note\n\n    <!-- factsheet: matrix -->\n",
        "- item\n\n    <!-- factsheet: matrix -->\n",
        '=== "Tab"\n\n    <!-- factsheet: matrix -->\n',
        "1. item\n    more\n\n    <!-- factsheet: matrix -->\n",
        "Text\n    <!-- factsheet: matrix -->\n",  # a paragraph's continuation, not code
        "<pre>x</pre>\n\n<!-- factsheet: matrix -->\n",
        "<!-- a comment -->\n<!-- factsheet: matrix -->\n",
        "Type `<!--` to start a comment.\n\n<!-- factsheet: matrix -->\n",
        "    code\n\nText.\n\n<!-- factsheet: matrix -->\n",
        "- item\n\n    <pre>\n    x\n    </pre>\n\n<!-- factsheet: matrix -->\n",
    ],
)
def test_markers_in_containers_and_after_code_are_found(source):
    assert len(list(markers.find(source))) == 1


def test_indented_markers_keep_their_indentation():
    out = markers.expand(
        "!!! note\n\n    <!-- factsheet: matrix -->\n", lambda marker: "| a |\n|---|\n| b |", lambda *a: None
    )
    assert "\n    | a |\n    |---|\n    | b |\n" in out


def test_expand_replaces_markers_and_reports_bad_ones():
    reported = []
    out = markers.expand(
        "a\n<!-- factsheet: nonsense -->\nb\n<!-- factsheet: matrix -->",
        lambda marker: f"[{marker.kind}]",
        lambda line, message: reported.append((line, message)),
    )
    assert "[matrix]" in out and "factsheet-error" in out and "nonsense" in out
    assert reported and reported[0][0] == 2


# -- pages with positions (synthetic, so the rendering is tested whatever positions.py finds) -----------------

STANCES = ["reject", None, "demand"]


def _synthetic_positions(article, doc, compiled, text, resolved):
    """Positions at the gold quotes of the seed article, with issues taken from the rules' evidence."""
    if article.id != SEED_ID:
        return []
    positions = []
    parties = {"United States": "united-states", "China": "china"}
    for number, item in enumerate(gold()["positions"]):
        start = article.text.find(item["quote"])
        sentence = next(
            s for s in doc.sents if s.start_char + article.analysis_start <= start < s.end_char + article.analysis_start
        )
        span = text.token_span(sentence)
        issues = [issue_id for issue_id, mention in resolved.issue_mentions if mention.sentence.start == span.start]
        positions.append(
            Position(
                Speaker(item["speaker"], span.start, span.start + 1, item["speaker"], parties[item["party"]]),
                None,
                Span(item["quote"], start, start + len(item["quote"])),
                "direct" if item["kind"] == "direct" else "indirect",
                list(dict.fromkeys(issues)),
                STANCES[number % 3],
                "synthetic",
                "statement",
                span,
            )
        )
    return positions


@pytest.fixture()
def synthetic_positions(monkeypatch):
    import mkdocs_factsheet.nlp.extraction as extraction_module

    monkeypatch.setattr(extraction_module, "find_positions", _synthetic_positions)
    yield
    monkeypatch.undo()


def test_positions_reach_the_article_issue_party_pages_matrix_and_markers(tmp_path: Path, synthetic_positions):
    gold()  # skips, with a message, when ../shared is absent
    docs = {
        "index.md": "# Home\n\n<!-- factsheet: positions issue=taiwan -->\n\n<!-- factsheet: party=china -->\n\n"
        "<!-- factsheet: matrix party=china,united-states -->\n"
    }
    site = make_site(tmp_path, tmp_path / "cache", docs=docs)  # a cache of its own: no sheet from real positions
    with LogCapture() as logs:
        config = build(site)
    assert logs.messages() == []
    assert broken_links(site.site_dir) == []
    sheet = plugin_of(config).briefing.by_id[SEED_ID]
    assert len(sheet.positions) == len(gold()["positions"])

    article = site.page(f"briefings/articles/{SEED_ID}.md")
    rows = section(article, "positions")
    assert rows.count("<tr>") - 1 == len(sheet.positions)
    for position in sheet.positions:
        number = plugin_of(config).briefing.sentence_number(sheet, position.sentence.start)
        assert f'href="#s-{number}"' in rows
    assert "Any attempt to slander and smear China will not succeed" in visible_text(rows)

    overview = site.page("briefings/index.md")
    matrix = section(overview, "who-said-what")
    assert "mentioned" not in visible_text(matrix) and "named in" not in visible_text(matrix)
    assert re.search(r'href="issues/[a-z-]+/#party-china">', matrix)
    assert "reject ×" in visible_text(matrix).lower()

    china = site.page("briefings/parties/china.md")
    china_positions = visible_text(section(china, "positions"))
    assert "allow no interference by any external forces" in china_positions
    assert "stand up for human rights" not in china_positions

    taiwan_quotes = [p for p in sheet.positions if "taiwan" in p.issues]
    assert taiwan_quotes
    taiwan = site.page("briefings/issues/taiwan.md")
    for position in taiwan_quotes:
        assert f'id="party-{position.speaker.party}"' in taiwan
        assert position.content.text in visible_text(taiwan)

    home = visible_text(site.page("index.md"))
    assert all(p.content.text in home for p in taiwan_quotes)
    assert "allow no interference by any external forces" in home


def test_json_of_positions(tmp_path: Path, synthetic_positions):
    gold()  # skips, with a message, when ../shared is absent
    import json

    site = make_site(tmp_path, tmp_path / "cache", second_article=False)  # a cache of its own, as above
    build(site)
    data = json.loads((site.site_dir / "factsheets.json").read_text(encoding="utf-8"))
    positions = data[0]["positions"]
    assert [p["content"]["text"] for p in positions] == [g["quote"] for g in gold()["positions"]]


# -- HTML held back from Markdown -------------------------------------------------------------------------------


def test_blocks_are_held_back_from_markdown_and_put_back_unchanged():
    held = HeldBlocks()
    page = held.join(
        ["## Parties", "<table><tr><td>[x](y) *z* &#95;</td></tr></table>", Markdown("See [the JSON](f.json).")]
    )
    assert page.splitlines()[0] == "## Parties"
    converted = restore(_render(page), held.blocks)
    assert "<td>[x](y) *z* &#95;</td>" in converted  # the block reached the page untouched by Markdown
    assert '<a href="f.json">the JSON</a>' in converted and '<h2 id="parties">Parties</h2>' in converted
    assert "mkdocs-factsheet-html" not in converted
    assert (
        restore("<!--mkdocs-factsheet-html:9-->", held.blocks) == "<!--mkdocs-factsheet-html:9-->"
    )  # not ours: left alone
